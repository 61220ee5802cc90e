//! The heap verifier: checks that no live object refers to a freed one, and that the
//! collector's own structures agree with the heap. PUC's equivalent is `checkmemory` in
//! ltests.c. Tests run it after collections; stress runs can run it after every cycle.

use crate::object::{Upvalue, FREE};
use crate::value::Value;
use crate::vm::{Continuation, FrameKind, Lua};

/// A broken heap invariant, described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapError(pub String);

impl std::fmt::Display for HeapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Lua {
    /// Whether the object in slot `index` of `kind` is dead: freed, or found dead and waiting
    /// for the sweep. Dead objects may refer to freed ones.
    fn is_dead(&self, kind: super::Kind, index: usize) -> bool {
        let colors = match kind {
            super::Kind::String => &self.heap.strings.colors,
            super::Kind::Table => &self.heap.tables.colors,
            super::Kind::LuaFn => &self.heap.lua_fns.colors,
            super::Kind::NativeFn => &self.heap.native_fns.colors,
            super::Kind::Upvalue => &self.heap.upvalues.colors,
            super::Kind::Userdata => &self.heap.userdata.colors,
            super::Kind::Thread => &self.threads.colors,
        };
        colors[index] == FREE
            || (colors[index] == crate::object::WHITE
                && self.heap.gc.sweep_will_visit(kind, index as u32))
    }

    /// Whether `value` refers to a live object (or to no object at all).
    fn is_live(&self, value: Value) -> bool {
        let heap = &self.heap;
        let live =
            |colors: &[u8], index: u32| colors.get(index as usize).is_some_and(|&c| c != FREE);
        match value {
            Value::Str(s) => heap.strings.is_live(s.index),
            Value::Table(t) => live(&heap.tables.colors, t.0),
            Value::LuaFn(f) => live(&heap.lua_fns.colors, f.0),
            Value::NativeFn(f) => live(&heap.native_fns.colors, f.0),
            Value::Userdata(u) => live(&heap.userdata.colors, u.0),
            Value::Thread(t) => live(&self.threads.colors, t.0),
            _ => true,
        }
    }

    /// Checks every reference between live objects, and from the roots (`checkmemory`).
    pub fn verify_heap(&self) -> Result<(), HeapError> {
        let check = |what: &str, value: Value| {
            if self.is_live(value) {
                Ok(())
            } else {
                Err(HeapError(format!(
                    "{what} refers to a freed object: {value:?}"
                )))
            }
        };
        let heap = &self.heap;
        for (i, table) in heap.tables.items.iter().enumerate() {
            if self.is_dead(super::Kind::Table, i) {
                continue;
            }
            let what = format!("table {i}");
            if let Some(metatable) = table.metatable() {
                check(&what, Value::Table(metatable))?;
            }
            for &value in table.array_part() {
                check(&what, value)?;
            }
            // Entries with nil values may keep dead keys; they never match a live key.
            for &(key, value) in table.hash_part() {
                if !value.is_nil() {
                    check(&what, key)?;
                    check(&what, value)?;
                }
            }
        }
        for (i, closure) in heap.lua_fns.items.iter().enumerate() {
            if self.is_dead(super::Kind::LuaFn, i) {
                continue;
            }
            let what = format!("Lua closure {i}");
            for &constant in &closure.proto.constants {
                check(&what, constant)?;
            }
            for &cell in &closure.upvalues {
                if !matches!(heap.upvalues.colors.get(cell.0 as usize), Some(&c) if c != FREE) {
                    return Err(HeapError(format!("{what} uses freed upvalue {}", cell.0)));
                }
            }
        }
        for (i, closure) in heap.native_fns.items.iter().enumerate() {
            if !self.is_dead(super::Kind::NativeFn, i) {
                for &value in &closure.upvalues {
                    check(&format!("native closure {i}"), value)?;
                }
            }
        }
        for (i, cell) in heap.upvalues.items.iter().enumerate() {
            if self.is_dead(super::Kind::Upvalue, i) {
                continue;
            }
            match *cell {
                Upvalue::Closed(value) => check(&format!("upvalue {i}"), value)?,
                Upvalue::Open { thread, .. } => {
                    check(&format!("open upvalue {i}"), Value::Thread(thread))?;
                }
            }
        }
        for (i, userdata) in heap.userdata.items.iter().enumerate() {
            if !self.is_dead(super::Kind::Userdata, i) {
                let what = format!("userdata {i}");
                if let Some(metatable) = userdata.metatable {
                    check(&what, Value::Table(metatable))?;
                }
                check(&what, userdata.user_value)?;
            }
        }
        for t in 0..self.threads.items.len() {
            if self.is_dead(super::Kind::Thread, t) {
                continue;
            }
            let what = format!("thread {t}");
            let current = t == self.current_thread.0 as usize;
            let (stack, top, frames, open) = if current {
                (&self.stack, self.top, &self.frames, &self.open_upvalues)
            } else {
                let thread = self.thread_state(crate::value::ThreadRef(t as u32));
                (
                    &thread.stack,
                    thread.top,
                    &thread.frames,
                    &thread.open_upvalues,
                )
            };
            for (slot, &value) in stack[..top.min(stack.len())].iter().enumerate() {
                check(
                    &format!(
                        "{what} at stack slot {slot} (top {top}; frames {:?})",
                        frames
                            .iter()
                            .map(|f| (f.func, f.base, f.top, matches!(f.kind, FrameKind::Lua(_))))
                            .collect::<Vec<_>>()
                    ),
                    value,
                )?;
            }
            for frame in frames {
                let function = match frame.kind {
                    FrameKind::Lua(f) => Value::LuaFn(f),
                    FrameKind::Native(f) => Value::NativeFn(f),
                };
                check(&format!("{what} in frame {frame:?}"), function)?;
                if let Continuation::Protected {
                    outer_handler: Some(handler),
                } = frame.continuation
                {
                    check(&what, handler)?;
                }
            }
            for &(index, cell) in open {
                match heap.upvalues.items.get(cell.0 as usize) {
                    Some(Upvalue::Open { thread, index: i })
                        if thread.0 as usize == t
                            && *i == index
                            && heap.upvalues.colors[cell.0 as usize] != FREE => {}
                    other => {
                        return Err(HeapError(format!(
                            "{what} lists open upvalue {} for slot {index}, which is {other:?}",
                            cell.0
                        )))
                    }
                }
            }
        }
        for &object in heap.gc.finobj.iter().chain(&heap.gc.to_finalize) {
            check("the finalizer lists", object)?;
        }
        for name in &self.tm_names {
            check("the metamethod names", Value::Str(*name))?;
        }
        check("the globals", Value::Table(self.globals))?;
        Ok(())
    }
}
