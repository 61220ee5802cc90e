//! Sweeping: freeing the objects marking left white, a few slots per step. Mirrors
//! `sweeplist`, `sweepstep` and `entersweep` in lgc.c, over slabs instead of lists.
//!
//! Objects created during the sweep are colored by `Collector::sweep_will_visit`: black where
//! the sweep has yet to pass (it turns them white), white behind it. A string found again by
//! `intern` ahead of the sweep is made black the same way, so it is not freed under its user.

use super::{Kind, Phase, SWEEP_COST, SWEEP_MAX};
use crate::object::{size, BLACK, FREE, GRAY, WHITE};
use crate::value::LuaFnRef;
use crate::vm::Lua;

/// Bytes counted for a thread (`sizeof(lua_State)` and a starting stack).
pub(crate) const THREAD_BYTES: usize = 200 + 40 * 16;

impl Lua {
    /// Starts the sweep (`entersweep`).
    pub(super) fn enter_sweep(&mut self) {
        let gc = &mut self.heap.gc;
        gc.phase = Phase::Sweep;
        gc.sweeping = true;
        gc.sweep_kind = 0;
        gc.sweep_cursor = [0; 7];
        self.heap.strings.sweep_from = 0;
    }

    /// Sweeps up to `SWEEP_MAX` objects (PUC's `GCSWEEPMAX`), a free slot counting as an eighth
    /// of one; returns the work done. Clears `sweeping` at the end.
    pub(super) fn sweep_step(&mut self) -> usize {
        const FREE_SLOTS_PER_OBJECT: usize = 8;
        let mut budget = SWEEP_MAX * FREE_SLOTS_PER_OBJECT;
        while budget > 0 {
            let gc = &self.heap.gc;
            let Some(&kind) = Kind::ALL.get(gc.sweep_kind) else {
                let gc = &mut self.heap.gc;
                gc.sweeping = false;
                self.heap.strings.sweep_from = u32::MAX;
                return (SWEEP_MAX * FREE_SLOTS_PER_OBJECT - budget) / FREE_SLOTS_PER_OBJECT
                    * SWEEP_COST;
            };
            let cursor = gc.sweep_cursor[kind as usize] as usize;
            let end = self
                .slot_count(kind)
                .min(cursor + budget / FREE_SLOTS_PER_OBJECT + 1);
            if cursor >= end {
                // This slab is done: objects created in it from now on are white, like the
                // survivors (a black one would pass the next cycle's marking untraversed).
                self.heap.gc.sweep_cursor[kind as usize] = u32::MAX;
                if kind == Kind::String {
                    self.heap.strings.sweep_from = u32::MAX;
                }
                self.heap.gc.sweep_kind += 1;
                continue;
            }
            let mut index = cursor;
            while index < end && budget > 0 {
                let was_free = self.sweep_slot(kind, index as u32);
                budget = budget.saturating_sub(if was_free { 1 } else { FREE_SLOTS_PER_OBJECT });
                index += 1;
            }
            let end = index;
            self.heap.gc.sweep_cursor[kind as usize] = end as u32;
            if kind == Kind::String {
                self.heap.strings.sweep_from = end as u32;
            }
        }
        SWEEP_MAX * SWEEP_COST
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
                heap.bytes -= table.capacity_bytes().min(heap.bytes);
            }
            Kind::LuaFn => {
                let closure = heap.lua_fns.remove(index);
                if closure.proto.cache.get() == Some(LuaFnRef(index)) {
                    closure.proto.cache.set(None);
                }
                let bytes = size::LUA_CLOSURE + closure.upvalues.len() * size::PER_UPVALUE;
                heap.bytes -= bytes.min(heap.bytes);
            }
            Kind::NativeFn => {
                let closure = heap.native_fns.remove(index);
                let bytes = size::NATIVE_CLOSURE + closure.upvalues.len() * size::PER_VALUE;
                heap.bytes -= bytes.min(heap.bytes);
            }
            Kind::Upvalue => {
                heap.upvalues.remove(index);
                heap.bytes -= size::UPVALUE.min(heap.bytes);
            }
            Kind::Userdata => {
                let userdata = heap.userdata.remove(index);
                let bytes = size::USERDATA + std::mem::size_of_val(&*userdata.data);
                heap.bytes -= bytes.min(heap.bytes);
            }
            Kind::Thread => {
                self.threads.remove(index);
                heap.bytes -= THREAD_BYTES.min(heap.bytes);
            }
        }
        false
    }
}
