//! The prototype of the frame the interpreter loop runs, borrowed without touching its
//! reference count. This is the library's only `unsafe` code: `conform bench` showed the
//! count's increment and decrement on every call and return to be an eighth of fib's time
//! (`LClosure.p` is a bare pointer in PUC Lua, for the same reason).

#![allow(unsafe_code)]

use std::ptr::NonNull;

use crate::object::{FnProto, Heap};
use crate::value::LuaFnRef;

/// A borrowed `FnProto` of a running Lua frame's closure.
///
/// Invariant, upheld by `Lua::run_frames`, the only place that makes one: it is made for the
/// frame on top when the loop (re)starts on it, and is replaced before that frame returns or
/// is replaced by a tail call. While the frame is on the stack of frames its closure is alive,
/// because the collector marks the function of every frame (`traversethread`), and a live
/// closure never changes its prototype, which it holds by an `Rc`.
#[derive(Debug)]
pub(crate) struct RunningProto(NonNull<FnProto>);

impl RunningProto {
    /// The prototype of `closure`, the function of the frame about to run.
    #[inline(always)]
    pub(crate) fn of(heap: &Heap, closure: LuaFnRef) -> RunningProto {
        RunningProto(NonNull::from(&*heap.lua_fn(closure).proto))
    }

    /// The prototype.
    #[inline(always)]
    pub(crate) fn get(&self) -> &FnProto {
        // SAFETY: the pointer came from a live `Rc<FnProto>` held by the closure of the
        // running frame, which stays alive and keeps that `Rc` for as long as this value is
        // used (see the type's invariant); `FnProto` is only read through shared references
        // (its mutable parts are `Cell`s), so no `&mut` to it can exist meanwhile.
        unsafe { self.0.as_ref() }
    }
}
