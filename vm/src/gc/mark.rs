//! Marking: roots, the gray list, traversal of each kind of object, and the atomic phase with
//! its weak tables and ephemerons. Mirrors the mark half of lgc.c (`restartcollection`,
//! `propagatemark`, `traverse*`, `remarkupvals`, `convergeephemerons`, `clearkeys`,
//! `clearvalues`, `atomic`).

use super::{Gray, Phase};
use crate::object::{HeapSize, Upvalue, BLACK, FREE, GRAY, WHITE};
use crate::value::{ThreadRef, UpvalRef, Value};
use crate::vm::{state_index, Continuation, FrameKind, Lua, TagMethod};

/// The colors of every slab and the gray list, borrowed together so that objects can be read
/// while others are marked.
pub(super) struct Marker<'a> {
    pub strings: &'a mut [u8],
    pub tables: &'a mut [u8],
    pub lua_fns: &'a mut [u8],
    pub native_fns: &'a mut [u8],
    pub upvalues: &'a mut [u8],
    pub userdata: &'a mut [u8],
    pub threads: &'a mut [u8],
    pub gray: &'a mut Vec<Gray>,
}

/// Borrows a `Marker` out of a `Lua` by field paths, leaving the objects readable.
macro_rules! marker_of {
    ($lua:expr) => {
        $crate::gc::mark::Marker {
            strings: &mut $lua.heap.strings.colors,
            tables: &mut $lua.heap.tables.colors,
            lua_fns: &mut $lua.heap.lua_fns.colors,
            native_fns: &mut $lua.heap.native_fns.colors,
            upvalues: &mut $lua.heap.upvalues.colors,
            userdata: &mut $lua.heap.userdata.colors,
            threads: &mut $lua.threads.colors,
            gray: &mut $lua.heap.gc.gray,
        }
    };
}
pub(super) use marker_of;

impl Marker<'_> {
    /// Marks a value (`markvalue`): a string turns black at once (it refers to nothing), any
    /// other white object turns gray and waits in the gray list.
    #[inline]
    pub fn value(&mut self, value: Value) {
        if let Value::Str(s) = value {
            let color = &mut self.strings[s.index as usize];
            if *color == WHITE {
                *color = BLACK;
            }
        } else if let Some(object) = Gray::of(value) {
            self.object(object);
        }
    }

    #[inline]
    pub fn object(&mut self, object: Gray) {
        let color = &mut self.colors(object)[object.index()];
        if *color == WHITE {
            *color = GRAY;
            self.gray.push(object);
        }
    }

    /// The colors of the slab `object` lives in.
    fn colors(&mut self, object: Gray) -> &mut [u8] {
        match object {
            Gray::Table(_) => self.tables,
            Gray::LuaFn(_) => self.lua_fns,
            Gray::NativeFn(_) => self.native_fns,
            Gray::Upvalue(_) => self.upvalues,
            Gray::Userdata(_) => self.userdata,
            Gray::Thread(_) => self.threads,
        }
    }

    fn set(&mut self, object: Gray, color: u8) {
        self.colors(object)[object.index()] = color;
    }

    /// Whether a value is a white (not yet marked) object; strings included.
    #[inline]
    pub fn is_white(&mut self, value: Value) -> bool {
        match value {
            Value::Str(s) => self.strings[s.index as usize] == WHITE,
            _ => Gray::of(value).is_some_and(|object| self.colors(object)[object.index()] == WHITE),
        }
    }

    /// Whether a weak table must drop this key or value (`iscleared`): it is an unmarked
    /// object. Strings are values, never weak: they are marked here instead.
    #[inline]
    pub fn is_cleared(&mut self, value: Value) -> bool {
        if let Value::Str(_) = value {
            self.value(value);
            return false;
        }
        self.is_white(value)
    }
}

/// How a table's metatable makes it weak (`__mode`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weakness {
    Strong,
    Values,
    Keys,
    Both,
}

impl Lua {
    /// Starts a cycle (`restartcollection`): empties the lists and marks the roots.
    pub(super) fn start_cycle(&mut self) {
        let gc = &mut self.heap.gc;
        gc.gray.clear();
        gc.gray_again.clear();
        gc.weak.clear();
        gc.ephemeron.clear();
        gc.all_weak.clear();
        gc.epoch = gc.epoch.wrapping_add(1);
        self.mark_roots();
    }

    /// Marks the roots: the main and running threads, the registry's tables, the metatables of
    /// the basic types, the state's own strings and functions, and the objects waiting for
    /// their finalizers (`markbeingfnz`).
    fn mark_roots(&mut self) {
        let mut m = marker_of!(self);
        m.object(Gray::Thread(0));
        m.object(Gray::Thread(self.current_thread.0));
        m.value(Value::Table(self.globals));
        m.value(Value::Table(self.loaded));
        if let Some(registry) = self.registry {
            m.value(Value::Table(registry));
        }
        for metatable in self.type_metatables.iter().flatten() {
            m.value(Value::Table(*metatable));
        }
        for &name in &self.tm_names {
            m.value(Value::Str(name));
        }
        for &function in self.light_functions.values() {
            m.value(function);
        }
        for &value in &self.pinned {
            m.value(value);
        }
        for &value in &self.heap.gc.to_finalize {
            m.value(value);
        }
    }

    /// Traverses one gray object (`propagatemark`); returns the work done, in bytes.
    pub(super) fn propagate_one(&mut self) -> usize {
        let Some(object) = self.heap.gc.gray.pop() else {
            return 0;
        };
        match object {
            Gray::Table(t) => self.traverse_table(t),
            Gray::LuaFn(f) => self.traverse_lua_fn(f),
            Gray::NativeFn(f) => {
                let mut m = marker_of!(self);
                let closure = &self.heap.native_fns.items[f as usize];
                for &value in &closure.upvalues {
                    m.value(value);
                }
                m.set(object, BLACK);
                closure.object_bytes()
            }
            Gray::Userdata(u) => {
                let mut m = marker_of!(self);
                let userdata = &self.heap.userdata.items[u as usize];
                if let Some(metatable) = userdata.metatable {
                    m.value(Value::Table(metatable));
                }
                m.value(userdata.user_value);
                m.set(object, BLACK);
                userdata.object_bytes()
            }
            Gray::Upvalue(u) => {
                self.mark_cell(u);
                std::mem::size_of::<Upvalue>()
            }
            Gray::Thread(t) => self.traverse_thread(t),
        }
    }

    /// Traverses every gray object (`propagateall`).
    pub(super) fn propagate_all(&mut self) -> usize {
        let mut work = 0;
        while !self.heap.gc.gray.is_empty() {
            work += self.propagate_one();
        }
        work
    }

    fn weakness(&self, t: u32) -> Weakness {
        let Some(metatable) = self.heap.tables.items[t as usize].metatable() else {
            return Weakness::Strong;
        };
        let name = self.tm_names[TagMethod::Mode as usize];
        let Value::Str(mode) = self.heap.table(metatable).get(Value::Str(name)) else {
            return Weakness::Strong;
        };
        // PUC reads the mode with `strchr`, which stops at the first zero byte.
        let bytes = self.heap.strings.bytes(mode);
        let bytes = bytes.split(|&b| b == 0).next().unwrap_or_default();
        match (bytes.contains(&b'k'), bytes.contains(&b'v')) {
            (false, false) => Weakness::Strong,
            (false, true) => Weakness::Values,
            (true, false) => Weakness::Keys,
            (true, true) => Weakness::Both,
        }
    }

    /// Traverses a table (`traversetable`): a strong one turns black; a weak one stays gray and
    /// goes to the list its weakness asks for, to be traversed again in the atomic phase.
    fn traverse_table(&mut self, t: u32) -> usize {
        let weakness = self.weakness(t);
        let atomic = self.heap.gc.phase == Phase::Atomic;
        let table = &self.heap.tables.items[t as usize];
        let work = table.object_bytes();
        let mut m = marker_of!(self);
        if let Some(metatable) = table.metatable() {
            m.value(Value::Table(metatable));
        }
        match weakness {
            Weakness::Strong => {
                for &value in table.array_part() {
                    m.value(value);
                }
                for &(key, value) in table.hash_part() {
                    if !value.is_nil() {
                        m.value(key);
                        m.value(value);
                    }
                }
                m.set(Gray::Table(t), BLACK);
                return work;
            }
            Weakness::Values => {
                // `traverseweakvalue`: keys are strong.
                let mut has_clears = !table.array_part().is_empty();
                for &(key, value) in table.hash_part() {
                    if !value.is_nil() {
                        m.value(key);
                        has_clears |= m.is_cleared(value);
                    }
                }
                let gc = &mut self.heap.gc;
                if !atomic {
                    gc.gray_again.push(Gray::Table(t));
                } else if has_clears {
                    gc.weak.push(t);
                }
            }
            Weakness::Keys => {
                self.traverse_ephemeron(t);
            }
            Weakness::Both => {
                let gc = &mut self.heap.gc;
                if atomic {
                    gc.all_weak.push(t);
                } else {
                    gc.gray_again.push(Gray::Table(t));
                }
            }
        }
        work
    }

    /// Traverses a table with weak keys (`traverseephemeron`): a value is marked only once its
    /// key is. Returns whether it marked anything.
    fn traverse_ephemeron(&mut self, t: u32) -> bool {
        let atomic = self.heap.gc.phase == Phase::Atomic;
        let table = &self.heap.tables.items[t as usize];
        let mut m = marker_of!(self);
        let (mut marked, mut has_clears, mut has_white_white) = (false, false, false);
        for &value in table.array_part() {
            if m.is_white(value) {
                marked = true;
                m.value(value);
            }
        }
        for &(key, value) in table.hash_part() {
            if value.is_nil() {
                continue;
            }
            if m.is_cleared(key) {
                has_clears = true;
                if m.is_white(value) {
                    has_white_white = true;
                }
            } else if m.is_white(value) {
                marked = true;
                m.value(value);
            }
        }
        let gc = &mut self.heap.gc;
        if !atomic {
            gc.gray_again.push(Gray::Table(t));
        } else if has_white_white {
            gc.ephemeron.push(t);
        } else if has_clears {
            gc.all_weak.push(t);
        }
        marked
    }

    /// Traverses a Lua closure (`traverseLclosure`): its prototype (once per cycle) and its
    /// upvalue cells. An open cell is only flagged as touched, its value living on a stack,
    /// except in the atomic phase, where that value is marked at once.
    fn traverse_lua_fn(&mut self, f: u32) -> usize {
        let closure = &self.heap.lua_fns.items[f as usize];
        let epoch = self.heap.gc.epoch;
        let mut m = marker_of!(self);
        mark_proto(&mut m, &closure.proto, epoch);
        let atomic = self.heap.gc.phase == Phase::Atomic;
        let n = closure.upvalues.len();
        for &cell in &closure.upvalues {
            let index = cell.0 as usize;
            if m.upvalues[index] == WHITE {
                m.upvalues[index] = BLACK;
            }
            match self.heap.upvalues.items[index] {
                Upvalue::Closed(value) => m.value(value),
                Upvalue::Open { thread, index } if atomic => {
                    let value = if thread == self.current_thread {
                        self.stack.get(index)
                    } else {
                        self.threads.items[state_index(&self.threads.items, thread)]
                            .state
                            .stack
                            .get(index)
                    };
                    m.value(value.copied().unwrap_or_default());
                }
                Upvalue::Open { .. } => super::touch(&mut self.heap.gc.touched, cell.0),
            }
        }
        m.lua_fns[f as usize] = BLACK;
        std::mem::size_of::<crate::object::LuaClosure>() + n * std::mem::size_of::<UpvalRef>()
    }

    /// Marks an upvalue cell made gray by its barrier: its closed value.
    fn mark_cell(&mut self, u: u32) {
        let mut m = marker_of!(self);
        if let Upvalue::Closed(value) = self.heap.upvalues.items[u as usize] {
            m.value(value);
        }
        m.upvalues[u as usize] = BLACK;
    }

    /// Traverses a thread (`traversethread`): its stack below the top, its frames' functions and
    /// saved handlers, its hook. Threads stay gray, to be traversed again in the atomic phase,
    /// which also clears the dead part of the stack above the top.
    fn traverse_thread(&mut self, t: u32) -> usize {
        let atomic = self.heap.gc.phase == Phase::Atomic;
        let current = t == self.current_thread.0;
        let (stack, top, frames, hook, handler) = if current {
            (
                &self.stack,
                self.top,
                &self.frames,
                self.hook.function,
                self.error_handler,
            )
        } else {
            let thread = &self.threads.items[state_index(&self.threads.items, ThreadRef(t))].state;
            (
                &thread.stack,
                thread.top,
                &thread.frames,
                thread.hook.function,
                thread.error_handler,
            )
        };
        let mut m = marker_of!(self);
        let top = top.min(stack.len());
        for &value in &stack[..top] {
            m.value(value);
        }
        for frame in frames {
            match frame.kind {
                FrameKind::Lua(f) => m.value(Value::LuaFn(f)),
                FrameKind::Native(f) => m.value(Value::NativeFn(f)),
            }
            if let Continuation::Protected {
                outer_handler: Some(handler),
            } = frame.continuation
            {
                m.value(handler);
            }
        }
        for value in [hook, handler].into_iter().flatten() {
            m.value(value);
        }
        let work = stack.len() * 16 + frames.len() * 64 + 200;
        if atomic {
            // The part above the top is dead; PUC clears it so that no stale value survives.
            let stack = if current {
                &mut self.stack
            } else {
                &mut self.thread_state_mut(ThreadRef(t)).stack
            };
            for slot in stack.iter_mut().skip(top) {
                *slot = Value::Nil;
            }
        } else {
            self.heap.gc.gray_again.push(Gray::Thread(t));
        }
        work
    }

    /// The atomic phase (`atomic`): finishes marking in one go, settles weak tables and
    /// finalizers, and readies the sweep. Returns the work done.
    pub(super) fn atomic(&mut self) -> usize {
        self.heap.gc.phase = Phase::Atomic;
        self.heap.gc.marking = false;
        let mut work = 0;
        // The running thread may have changed stacks, and roots may have changed.
        let current = self.current_thread.0;
        self.threads.colors[current as usize] = GRAY;
        self.heap.gc.gray.push(Gray::Thread(current));
        self.mark_roots();
        work += self.propagate_all();
        self.remark_upvalues();
        work += self.propagate_all();
        // What the barriers and the propagation left gray: traverse it again.
        let again = std::mem::take(&mut self.heap.gc.gray_again);
        self.heap.gc.gray.extend(again);
        work += self.propagate_all();
        work += self.converge_ephemerons();
        // All strongly reachable objects are marked: clear values of weak tables before
        // looking at finalizers, so that resurrected objects do not stay in them.
        self.clear_values(0, 0);
        let (weak_before, all_weak_before) = (self.heap.gc.weak.len(), self.heap.gc.all_weak.len());
        self.separate_unreached(false);
        self.mark_being_finalized();
        work += self.propagate_all();
        work += self.converge_ephemerons();
        // Closures reached only now may use open upvalues of dead threads.
        self.remark_upvalues();
        work += self.propagate_all();
        work += self.converge_ephemerons();
        // Resurrected objects are marked: remove dead keys, and values of the tables reached
        // during resurrection.
        self.clear_keys();
        self.clear_values(weak_before, all_weak_before);
        self.settle_open_upvalues();
        work
    }

    /// Marks the values of touched open upvalues of threads not marked (`remarkupvals`): a
    /// closure may still reach them through the cell after its thread is gone.
    fn remark_upvalues(&mut self) {
        for t in 0..self.threads.items.len() {
            if self.threads.colors[t] != WHITE || t == self.current_thread.0 as usize {
                continue;
            }
            let state = self.state_index(ThreadRef(t as u32));
            for i in 0..self.threads.items[state].state.open_upvalues.len() {
                let (index, cell) = self.threads.items[state].state.open_upvalues[i];
                if self.heap.gc.take_touched(cell.0) {
                    let value = self.threads.items[state].state.stack.get(index).copied();
                    marker_of!(self).value(value.unwrap_or_default());
                }
            }
        }
    }

    /// Traverses ephemeron tables until no more values get marked (`convergeephemerons`).
    fn converge_ephemerons(&mut self) -> usize {
        let mut work = 0;
        loop {
            let tables = std::mem::take(&mut self.heap.gc.ephemeron);
            let mut changed = false;
            for t in tables {
                if self.traverse_ephemeron(t) {
                    work += self.propagate_all();
                    changed = true;
                }
            }
            if !changed {
                return work;
            }
        }
    }

    /// Clears dead values from the weak-value and all-weak tables listed from the given
    /// positions on (`clearvalues`).
    fn clear_values(&mut self, weak_from: usize, all_weak_from: usize) {
        let gc = &self.heap.gc;
        let tables: Vec<u32> = gc.weak[weak_from.min(gc.weak.len())..]
            .iter()
            .chain(&gc.all_weak[all_weak_from.min(gc.all_weak.len())..])
            .copied()
            .collect();
        for t in tables {
            let mut m = marker_of!(self);
            let table = &mut self.heap.tables.items[t as usize];
            table.clear_weak(|_| false, |value| m.is_cleared(value));
        }
    }

    /// Clears entries with dead keys from ephemeron and all-weak tables (`clearkeys`).
    fn clear_keys(&mut self) {
        let gc = &self.heap.gc;
        let tables: Vec<u32> = gc.ephemeron.iter().chain(&gc.all_weak).copied().collect();
        for t in tables {
            let mut m = marker_of!(self);
            let table = &mut self.heap.tables.items[t as usize];
            table.clear_weak(|key| m.is_cleared(key), |_| false);
        }
    }

    /// Settles open upvalues at the end of marking: cells nobody reaches leave their thread's
    /// list (they are about to be freed), and the cells of dead threads are closed, since their
    /// stacks are about to go (`luaF_close` in `luaE_freethread`).
    fn settle_open_upvalues(&mut self) {
        let cells = &self.heap.upvalues.colors;
        self.open_upvalues
            .retain(|&(_, cell)| cells[cell.0 as usize] != WHITE);
        for t in 0..self.threads.items.len() {
            if t == self.current_thread.0 as usize || self.threads.colors[t] == FREE {
                continue;
            }
            let state = self.state_index(ThreadRef(t as u32));
            let thread = &mut self.threads.items[state].state;
            thread
                .open_upvalues
                .retain(|&(_, cell)| cells[cell.0 as usize] != WHITE);
            if self.threads.colors[t] == WHITE {
                for (index, cell) in std::mem::take(&mut thread.open_upvalues) {
                    let value = thread.stack.get(index).copied().unwrap_or_default();
                    self.heap.upvalues.items[cell.0 as usize] = Upvalue::Closed(value);
                }
            }
        }
    }

    /// Abandons a marking in progress: every object turns white again, nothing is freed
    /// (what `entersweep` achieves in `luaC_fullgc`).
    pub(super) fn abort_marking(&mut self) {
        let m = marker_of!(self);
        for colors in [
            m.strings,
            m.tables,
            m.lua_fns,
            m.native_fns,
            m.upvalues,
            m.userdata,
            m.threads,
        ] {
            for color in colors.iter_mut() {
                if *color != FREE {
                    *color = WHITE;
                }
            }
        }
        let gc = &mut self.heap.gc;
        gc.gray.clear();
        gc.gray_again.clear();
        gc.marking = false;
        gc.phase = Phase::Pause;
    }
}

/// Marks a prototype's constants and, recursively, its children's, once per cycle: closures
/// may still be made from any of them.
fn mark_proto(m: &mut Marker, proto: &crate::object::FnProto, epoch: u32) {
    if proto.mark_epoch.get() == epoch {
        return;
    }
    proto.mark_epoch.set(epoch);
    for &constant in &proto.constants {
        m.value(constant);
    }
    for child in &proto.children {
        mark_proto(m, child, epoch);
    }
}
