//! Finalizers: `__gc` metamethods of tables and userdata. Mirrors `luaC_checkfinalizer`,
//! `separatetobefnz`, `markbeingfnz`, `GCTM` and `luaC_freeallobjects` in lgc.c; semantics in
//! manual §2.5.1.
//!
//! An object is marked for finalization when a metatable with a `__gc` field (any value but
//! nil) is set on it. When marking finds it unreachable, it moves to `to_finalize`, is
//! resurrected (marked, with everything it reaches) for its finalizer, and its finalizer runs
//! later: newest-marked first, a few per step, or all of them at the end of a full collection.
//! After that the object is ordinary again and is freed when next found unreachable.

use super::Phase;
use crate::value::{TableRef, Value};
use crate::vm::{ErrorKind, Lua, LuaError, TagMethod};

/// A key identifying an object for `finobj_set`.
fn object_key(object: Value) -> u64 {
    match object {
        Value::Table(t) => t.0 as u64,
        Value::Userdata(u) => 1 << 32 | u.0 as u64,
        _ => u64::MAX,
    }
}

impl Lua {
    /// Sets the metatable of a table or full userdata (`lua_setmetatable`), marking the object
    /// for finalization if the metatable has a `__gc` field; for other values, sets their
    /// type's metatable.
    pub fn set_metatable(&mut self, object: Value, metatable: Option<TableRef>) {
        match object {
            Value::Table(t) => self.heap.table_mut(t).set_metatable(metatable),
            Value::Userdata(u) => self.heap.userdata_mut(u).metatable = metatable,
            other => {
                self.set_type_metatable(other.type_of(), metatable);
                return;
            }
        }
        if let Some(metatable) = metatable {
            self.check_finalizer(object, metatable);
        }
    }

    /// `luaC_checkfinalizer`: marks `object` for finalization if `metatable` has `__gc`.
    fn check_finalizer(&mut self, object: Value, metatable: TableRef) {
        let key = object_key(object);
        let gc = &self.heap.gc;
        if gc.closed || gc.finobj_set.contains_key(&key) {
            return;
        }
        let name = self.tm_names[TagMethod::Gc as usize];
        if self.heap.table(metatable).get(Value::Str(name)).is_nil() {
            return;
        }
        let gc = &mut self.heap.gc;
        gc.finobj_set.insert(key, ());
        gc.finobj.push(object);
    }

    /// Moves the objects with finalizers that marking left white, or all of them, to the
    /// queue of finalizers to run (`separatetobefnz`). The newest-marked runs first.
    pub(super) fn separate_unreached(&mut self, all: bool) {
        let finobj = std::mem::take(&mut self.heap.gc.finobj);
        let mut kept = Vec::with_capacity(finobj.len());
        let mut separated = Vec::new();
        for object in finobj {
            let white = match object {
                Value::Table(t) => self.heap.tables.colors[t.0 as usize] == crate::object::WHITE,
                Value::Userdata(u) => {
                    self.heap.userdata.colors[u.0 as usize] == crate::object::WHITE
                }
                _ => false,
            };
            if all || white {
                separated.push(object);
            } else {
                kept.push(object);
            }
        }
        let gc = &mut self.heap.gc;
        for &object in &separated {
            gc.finobj_set.remove(&object_key(object));
        }
        gc.to_finalize.extend(separated.into_iter().rev());
        gc.finobj = kept;
    }

    /// Marks the objects waiting for their finalizers (`markbeingfnz`).
    pub(super) fn mark_being_finalized(&mut self) {
        let mut m = super::mark::marker_of!(self);
        for &object in &self.heap.gc.to_finalize {
            m.value(object);
        }
    }

    /// Runs up to `max` pending finalizers (`runafewfinalizers`); returns how many ran. With
    /// `propagate`, an error in one stops here as PUC's `error in __gc metamethod`.
    pub(crate) fn run_finalizers(
        &mut self,
        max: usize,
        propagate: bool,
    ) -> Result<usize, LuaError> {
        let mut n = 0;
        while n < max && !self.heap.gc.emergency {
            let Some(object) = self.heap.gc.to_finalize.pop_front() else {
                break;
            };
            n += 1;
            self.call_finalizer(object, propagate)?;
        }
        Ok(n)
    }

    /// Calls the finalizer of one object (`GCTM`), in protected mode, with hooks off and the
    /// collector stopped. The frame on top is flagged, so debug information names the call
    /// `metamethod '__gc'` as PUC's `CIST_FIN` does.
    fn call_finalizer(&mut self, object: Value, propagate: bool) -> Result<(), LuaError> {
        let finalizer = match self.metatable(object) {
            Some(metatable) => {
                let name = self.tm_names[TagMethod::Gc as usize];
                self.heap.table(metatable).get(Value::Str(name))
            }
            None => Value::Nil,
        };
        if !matches!(finalizer, Value::LuaFn(_) | Value::NativeFn(_)) {
            return Ok(());
        }
        let running = std::mem::replace(&mut self.heap.gc.running, false);
        let hooks_allowed = std::mem::replace(&mut self.hook.allowed, false);
        let flagged = self
            .frames
            .last_mut()
            .map(|frame| std::mem::replace(&mut frame.running_finalizer, true));
        let func = self.top;
        let result = self.ensure_stack(2).and_then(|()| {
            self.push(finalizer);
            self.push(object);
            self.pcall_at(func, 0, None, false)
        });
        self.top = func;
        if let (Some(flag), Some(frame)) = (flagged, self.frames.last_mut()) {
            frame.running_finalizer = flag;
        }
        self.hook.allowed = hooks_allowed;
        self.heap.gc.running = running;
        match result {
            Ok(()) => Ok(()),
            Err(error) if error.kind == ErrorKind::Interrupted => Err(error),
            Err(error) if propagate => {
                if error.kind != ErrorKind::Runtime {
                    return Err(error);
                }
                let mut text = b"error in __gc metamethod (".to_vec();
                match error.value {
                    Value::Str(s) => text.extend_from_slice(self.str_bytes(s)),
                    _ => text.extend_from_slice(b"no message"),
                }
                text.push(b')');
                Err(LuaError {
                    value: self.string(&text),
                    kind: ErrorKind::Runtime,
                })
            }
            Err(_) => Ok(()),
        }
    }

    /// Closes the state for finalization (the finalizer half of `lua_close`): runs the
    /// finalizers of every object marked for finalization, reachable or not, newest first,
    /// ignoring their errors. Objects marked during these finalizers are not finalized. Later
    /// calls do nothing. The state stays usable, with the collector still freeing memory.
    pub fn close(&mut self) {
        if self.heap.gc.closed {
            return;
        }
        // Let a cycle in progress finish its sweep first, so colors are consistent.
        if matches!(self.heap.gc.phase, Phase::Propagate | Phase::Atomic) {
            self.abort_marking();
        }
        self.separate_unreached(true);
        self.heap.gc.closed = true;
        while let Some(object) = self.heap.gc.to_finalize.pop_front() {
            if let Err(error) = self.call_finalizer(object, false) {
                if error.kind == ErrorKind::Interrupted {
                    break;
                }
            }
        }
    }
}

/// Dropping a state closes it first (`lua_close`), so pending finalizers run, and files an
/// embedder's script left open are closed, unless the thread is unwinding from a panic, when
/// running Lua code could only make things worse.
impl Drop for Lua {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.close();
        }
    }
}
