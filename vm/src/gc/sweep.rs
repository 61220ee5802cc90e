//! Sweeping: freeing the objects marking left white, a few slots per step. Mirrors
//! `sweeplist`, `sweepstep` and `entersweep` in lgc.c, over slabs instead of lists.
//!
//! Objects created during the sweep are colored by `Collector::sweep_will_visit`: black where
//! the sweep has yet to pass (it turns them white), white behind it. A string found again by
//! `intern` ahead of the sweep is made black the same way, so it is not freed under its user.

use super::{Kind, Phase, SWEEP_COST, SWEEP_MAX};
use crate::object::{HeapSize, BLACK, FREE, GRAY, WHITE};
use crate::value::LuaFnRef;
use crate::vm::Lua;

/// Bytes counted for a thread: its slot and its first stack. A coroutine's stack grows as it
/// runs, which is not counted.
pub(crate) const THREAD_BYTES: usize = std::mem::size_of::<crate::vm::Thread>()
    + 1
    + 2 * crate::vm::MIN_STACK * std::mem::size_of::<crate::value::Value>();

impl Lua {
    /// Starts the sweep (`entersweep`). Each slab is swept from its last slot down, so the
    /// free slots it finds are reused lowest first (see `Slab`).
    pub(super) fn enter_sweep(&mut self) {
        let gc = &mut self.heap.gc;
        gc.phase = Phase::Sweep;
        gc.sweeping = true;
        gc.sweep_kind = 0;
        // Slabs not reached yet will be visited whole, whatever is added to them meanwhile.
        gc.sweep_cursor = [u32::MAX; 7];
        self.heap.strings.sweep_below = u32::MAX;
        self.start_sweeping(Kind::ALL[0]);
    }

    /// Starts sweeping the slab of `kind`, from its current end.
    fn start_sweeping(&mut self, kind: Kind) {
        let end = self.slot_count(kind) as u32;
        self.heap.gc.sweep_cursor[kind as usize] = end;
        if kind == Kind::String {
            self.heap.strings.sweep_below = end;
        }
    }

    /// Sweeps up to `SWEEP_MAX` objects (PUC's `GCSWEEPMAX`), a free slot counting as an eighth
    /// of one; returns the work done. Clears `sweeping` at the end.
    pub(super) fn sweep_step(&mut self) -> usize {
        const FREE_SLOTS_PER_OBJECT: usize = 8;
        let mut budget = SWEEP_MAX * FREE_SLOTS_PER_OBJECT;
        while budget > 0 {
            let Some(&kind) = Kind::ALL.get(self.heap.gc.sweep_kind) else {
                self.heap.gc.sweeping = false;
                return (SWEEP_MAX * FREE_SLOTS_PER_OBJECT - budget) / FREE_SLOTS_PER_OBJECT
                    * SWEEP_COST;
            };
            let cursor = self.heap.gc.sweep_cursor[kind as usize] as usize;
            if cursor == 0 {
                // This slab is done: objects created in it from now on are white, like the
                // survivors (a black one would pass the next cycle's marking untraversed).
                self.trim_slab(kind);
                self.heap.gc.sweep_kind += 1;
                if let Some(&next) = Kind::ALL.get(self.heap.gc.sweep_kind) {
                    self.start_sweeping(next);
                }
                continue;
            }
            let mut index = cursor;
            while index > 0 && budget > 0 {
                index -= 1;
                let was_free = self.sweep_slot(kind, index as u32);
                budget = budget.saturating_sub(if was_free { 1 } else { FREE_SLOTS_PER_OBJECT });
            }
            self.heap.gc.sweep_cursor[kind as usize] = index as u32;
            if kind == Kind::String {
                self.heap.strings.sweep_below = index as u32;
            }
        }
        SWEEP_MAX * SWEEP_COST
    }

    /// Gives back the free tail of a swept slab (`Slab::trim`).
    fn trim_slab(&mut self, kind: Kind) {
        let heap = &mut self.heap;
        match kind {
            Kind::String => heap.strings.trim(),
            Kind::Table => heap.tables.trim(),
            Kind::LuaFn => heap.lua_fns.trim(),
            Kind::NativeFn => heap.native_fns.trim(),
            Kind::Upvalue => heap.upvalues.trim(),
            Kind::Userdata => heap.userdata.trim(),
            // Slot 0 is the main thread, which is never freed.
            Kind::Thread => self.threads.trim(),
        }
    }

    fn slot_count(&self, kind: Kind) -> usize {
        let heap = &self.heap;
        match kind {
            Kind::String => heap.strings.slot_count(),
            Kind::Table => heap.tables.slots(),
            Kind::LuaFn => heap.lua_fns.slots(),
            Kind::NativeFn => heap.native_fns.slots(),
            Kind::Upvalue => heap.upvalues.slots(),
            Kind::Userdata => heap.userdata.slots(),
            Kind::Thread => self.threads.slots(),
        }
    }

    /// Frees the object in a slot if it is white, or whitens it for the next cycle. Returns
    /// whether the slot was already free.
    fn sweep_slot(&mut self, kind: Kind, index: u32) -> bool {
        let i = index as usize;
        let heap = &mut self.heap;
        let colors = match kind {
            Kind::String => &mut heap.strings.colors,
            Kind::Table => &mut heap.tables.colors,
            Kind::LuaFn => &mut heap.lua_fns.colors,
            Kind::NativeFn => &mut heap.native_fns.colors,
            Kind::Upvalue => &mut heap.upvalues.colors,
            Kind::Userdata => &mut heap.userdata.colors,
            Kind::Thread => &mut self.threads.colors,
        };
        match colors[i] {
            FREE => return true,
            BLACK | GRAY => {
                colors[i] = WHITE;
                return false;
            }
            _ => debug_assert_eq!(colors[i], WHITE),
        }
        match kind {
            Kind::String => heap.strings.remove(index),
            Kind::Table => {
                let table = heap.tables.remove(index);
                heap.bytes -= table.object_bytes().min(heap.bytes);
            }
            Kind::LuaFn => {
                let closure = heap.lua_fns.remove(index);
                if closure.proto.cache.get() == Some(LuaFnRef(index)) {
                    closure.proto.cache.set(None);
                }
                heap.bytes -= closure.object_bytes().min(heap.bytes);
            }
            Kind::NativeFn => {
                let closure = heap.native_fns.remove(index);
                heap.bytes -= closure.object_bytes().min(heap.bytes);
            }
            Kind::Upvalue => {
                let cell = heap.upvalues.remove(index);
                heap.bytes -= cell.object_bytes().min(heap.bytes);
            }
            Kind::Userdata => {
                let userdata = heap.userdata.remove(index);
                heap.bytes -= userdata.object_bytes().min(heap.bytes);
            }
            Kind::Thread => {
                self.threads.remove(index);
                heap.bytes -= THREAD_BYTES.min(heap.bytes);
            }
        }
        false
    }
}
