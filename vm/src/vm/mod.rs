//! The interpreter: a Lua state, its stack and call frames, calls, errors and execution.
//! Mirrors lstate.c/lstate.h (the state), ldo.c (calls and errors), lvm.c (execution),
//! ltm.c (metamethods) and ldebug.c (debug information in messages).
//!
//! Invariants:
//! - Lua-to-Lua calls never recurse on the Rust stack: `execute` runs a loop over `frames`, and
//!   a call or return only moves to another frame. Rust recursion happens only when native code
//!   calls back into Lua (metamethods, `pcall`, library functions taking functions), and each
//!   such re-entry is counted in `native_calls`, limited to PUC's 200.
//! - Registers of the frame on top are `stack[base..base + max_stack_size]`; the stack is never
//!   shorter than that, so register accesses are in bounds.
//! - An error is raised by [`Lua::raise`], which runs the message handler of the innermost
//!   `xpcall` first, while the frames of the error are still there, as `luaG_errormsg` does.

mod call;
mod coroutine;
mod debuginfo;
mod execute;
mod hook;
mod metamethod;
mod ops;
mod running_proto;

use std::rc::Rc;

pub(crate) use self::coroutine::state_index;
pub use self::coroutine::{Resumed, Thread, ThreadState, ThreadStatus};
pub use self::debuginfo::local_name;
pub use self::metamethod::TagMethod;
pub use self::ops::{to_integer, to_number, Origin};
use crate::bytecode::Proto;
use crate::limits::{EXTRA_STACK, MAX_STACK};
use crate::object::{
    FnProto, Heap, LuaClosure, NativeClosure, NativeFunction, Table, ThreadSwitch, Upvalue,
};
use crate::value::{LuaFnRef, NativeFnRef, StrRef, TableRef, ThreadRef, Type, UpvalRef, Value};

/// "All results" for calls (`LUA_MULTRET`).
pub const MULTRET: i32 = -1;

/// Instructions between two looks at the interrupt and signal flags: a few tens of
/// microseconds of work, so a request is served at once to a person, while a checkpoint of
/// the interpreter costs one comparison.
pub const POLL_INTERVAL: u64 = 1 << 14;

/// Stack slots a native function may use without asking (`LUA_MINSTACK`).
pub const MIN_STACK: usize = 20;

/// How an error ended a protected call (`LUA_ERRRUN` and its siblings).
///
/// A whole word, so that an error is built and copied in words: a byte written alone and read
/// back as part of a word is not forwarded from the store, and every yield would wait for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum ErrorKind {
    /// A runtime error.
    Runtime,
    /// A syntax error from `load`.
    Syntax,
    /// Memory ran out.
    Memory,
    /// An error while handling an error.
    ErrorHandling,
    /// The instruction budget ran out, or the interrupt hook stopped the run.
    Interrupted,
    /// Not an error: a coroutine yielding, on its way to `resume`.
    Yield,
}

/// A Lua error on its way to a protected call: the error value, after the message handler.
#[derive(Clone, Copy, Debug)]
pub struct LuaError {
    pub value: Value,
    pub kind: ErrorKind,
}

/// What is running in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Lua(LuaFnRef),
    Native(NativeFnRef),
}

/// What a native function does with the results of a call it made, if the call is finished
/// after a yield (PUC's `lua_KFunction` continuations, for the functions that have one).
#[derive(Clone, Copy, Debug)]
pub enum Continuation {
    /// The function cannot be resumed through (a yield under it is refused).
    None,
    /// `pcall`/`xpcall`: the results, after `true`, then restore the outer message handler
    /// (PUC's `CIST_YPCALL` with `old_errfunc`); errors in the call stop here.
    Protected { outer_handler: Option<Value> },
    /// `dofile`: all the results of the call made at stack index `from` (`dofilecont`).
    ReturnResults { from: usize },
}

/// A call frame (`CallInfo`).
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub kind: FrameKind,
    /// Stack index of the called function.
    pub func: usize,
    /// First register (Lua) or first argument (native).
    pub base: usize,
    /// Lua: index of the next instruction (PUC's `savedpc`), up to date whenever the frame can
    /// raise an error or call.
    pub pc: usize,
    /// Results the caller wants, or [`MULTRET`].
    pub n_results: i32,
    /// End of the frame's registers (Lua) or of its guaranteed stack space (native): the
    /// `top` to restore when a call made from this frame returns fixed results (`ci->top`).
    pub top: usize,
    /// Whether the frame was entered by a tail call (PUC's `CIST_TAIL`).
    pub is_tail_call: bool,
    /// How a native function finishes when the Lua call it made returns after a coroutine
    /// yielded inside it and was resumed, its Rust frame being gone (PUC's continuation `k`).
    pub continuation: Continuation,
    /// The frame is computing `a <= b` as `not (b < a)` (PUC's `CIST_LEQ`), so a yield inside
    /// `__lt` must negate the result when the comparison is finished.
    pub le_via_lt: bool,
    /// A hook is running for this frame (`CIST_HOOKED`): the hook's caller is named `hook '?'`.
    pub hooked: bool,
    /// A finalizer was called while this frame was on top (`CIST_FIN`): debug information
    /// names this frame `metamethod '__gc'`.
    pub running_finalizer: bool,
}

/// Hook events in a mask (`LUA_MASKCALL` and the rest).
pub const MASK_CALL: u8 = 1;
pub const MASK_RETURN: u8 = 2;
pub const MASK_LINE: u8 = 4;
pub const MASK_COUNT: u8 = 8;

/// A thread's debug hook (`L->hook` and its companions).
#[derive(Clone, Copy, Debug)]
pub struct HookState {
    /// The Lua function `debug.sethook` installed, if any.
    pub function: Option<Value>,
    pub mask: u8,
    /// The count of a count hook (`basehookcount`), and instructions left before it fires.
    pub base_count: i64,
    pub count: i64,
    /// Hooks are off while a hook runs (`allowhook`).
    pub allowed: bool,
    /// The pc of the last instruction traced, for line events (`oldpc`).
    pub old_pc: usize,
}

impl Default for HookState {
    fn default() -> Self {
        HookState {
            function: None,
            mask: 0,
            base_count: 0,
            count: 0,
            allowed: true,
            old_pc: 0,
        }
    }
}

/// A Lua state: PUC's `lua_State` with its `global_State`, for one thread.
#[derive(Debug)]
pub struct Lua {
    pub heap: Heap,
    pub(crate) stack: Vec<Value>,
    /// First free slot, for variable numbers of values (`L->top`).
    pub(crate) top: usize,
    pub(crate) frames: Vec<Frame>,
    /// Open upvalues, by stack index, ascending (`L->openupval`).
    pub(crate) open_upvalues: Vec<(usize, UpvalRef)>,
    pub(crate) globals: TableRef,
    /// The registry's `_LOADED` table (`package.loaded`).
    pub(crate) loaded: TableRef,
    pub(crate) type_metatables: [Option<TableRef>; 9],
    /// Interned metamethod names, in [`TagMethod`] order.
    pub(crate) tm_names: Vec<StrRef>,
    /// Native-to-Lua re-entries in progress (`nCcalls`).
    pub(crate) native_calls: u32,
    /// The message handler of the innermost `xpcall`, if any (`L->errfunc`).
    pub(crate) error_handler: Option<Value>,
    /// Instructions left before the run is interrupted, besides those in `ticks`; `u64::MAX`
    /// when no budget is set.
    pub(crate) budget: u64,
    /// Instructions left before the next look at the interrupt and signal flags (see
    /// [`Lua::poll`]), taken from the budget [`POLL_INTERVAL`] at a time, so that a
    /// checkpoint costs one comparison.
    pub(crate) ticks: u64,
    /// Native functions without upvalues, one value per Rust function, so that two pushes of
    /// the same function are equal, as light C functions are in PUC.
    pub(crate) light_functions: crate::hash::FastMap<usize, Value>,
    /// Where `print` writes: captured in memory when set, standard output otherwise.
    pub output: Option<Vec<u8>>,
    /// The table `debug.getregistry` returns, created on first use.
    pub(crate) registry: Option<TableRef>,
    /// The running thread's debug hook.
    pub(crate) hook: HookState,
    /// Set from any thread to stop the running script within [`POLL_INTERVAL`] instructions.
    interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Set from any thread (or a signal handler) to raise a catchable `interrupted!` error in
    /// the running Lua code, as lua.c does on SIGINT.
    signal: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The thread running now; its stack, frames and open upvalues are the fields above.
    pub(crate) current_thread: ThreadRef,
    /// Every thread; the running one's slot holds its status, its state being in use above.
    pub(crate) threads: crate::object::Slab<coroutine::Thread>,
    /// Calls in progress that a yield cannot cross (`nny`), for the running thread.
    pub(crate) non_yieldable: u32,
    /// How many values the last `yield` left on top of the coroutine's stack for its resumer.
    pub(crate) yielded: usize,
    /// The coroutines the interpreter loop switched to, innermost last, with what to switch
    /// back to (see [`Lua::switch_call`]). Each run of the loop owns those it pushed.
    pub(crate) loop_resumes: Vec<coroutine::LoopResume>,
    /// Values the embedder keeps alive (see [`Lua::pin`]).
    pub(crate) pinned: Vec<Value>,
}

impl Default for Lua {
    fn default() -> Self {
        Lua::new()
    }
}

impl Lua {
    /// A state with no libraries: `_G` is empty.
    pub fn new_bare() -> Lua {
        let mut heap = Heap::default();
        let globals = heap.new_table(Table::default());
        let loaded = heap.new_table(Table::default());
        let tm_names = TagMethod::ALL
            .iter()
            .map(|tm| heap.strings.intern(tm.name().as_bytes()))
            .collect();
        let mut lua = Lua {
            heap,
            stack: vec![Value::Nil; 2 * MIN_STACK],
            top: 0,
            frames: Vec::new(),
            open_upvalues: Vec::new(),
            globals,
            loaded,
            type_metatables: [None; 9],
            tm_names,
            native_calls: 0,
            error_handler: None,
            budget: u64::MAX,
            ticks: 0,
            light_functions: Default::default(),
            output: None,
            registry: None,
            hook: HookState::default(),
            interrupt: Default::default(),
            signal: Default::default(),
            current_thread: ThreadRef(0),
            threads: crate::object::Slab::default(),
            non_yieldable: 1,
            yielded: 0,
            loop_resumes: Vec::new(),
            pinned: Vec::new(),
        };
        lua.threads
            .insert(coroutine::Thread::main(), |_| crate::object::WHITE);
        lua
    }

    /// A state with the standard libraries open (`luaL_newstate` plus `luaL_openlibs`).
    pub fn new() -> Lua {
        let mut lua = Lua::new_bare();
        crate::stdlib::open_libs(&mut lua);
        lua
    }

    // ---- Values ----

    /// Interns a string.
    pub fn string(&mut self, bytes: &[u8]) -> Value {
        Value::Str(self.heap.strings.intern(bytes))
    }

    /// The bytes of a string value.
    pub fn str_bytes(&self, s: StrRef) -> &[u8] {
        self.heap.strings.bytes(s)
    }

    /// A new empty table.
    pub fn new_table(&mut self) -> Value {
        Value::Table(self.heap.new_table(Table::default()))
    }

    /// The global table.
    pub fn globals(&self) -> TableRef {
        self.globals
    }

    /// Sets a global variable without metamethods.
    pub fn set_global(&mut self, name: &str, value: Value) {
        let key = self.string(name.as_bytes());
        self.heap.table_set(self.globals, key, value);
    }

    /// Reads a global variable without metamethods.
    pub fn get_global(&mut self, name: &str) -> Value {
        let key = self.string(name.as_bytes());
        self.heap.table(self.globals).get(key)
    }

    /// Wraps a Rust function as a Lua value (`lua_pushcfunction`): the same function always
    /// gives the same value.
    pub fn native_function(&mut self, function: NativeFunction) -> Value {
        let key = function as usize;
        if let Some(&value) = self.light_functions.get(&key) {
            return value;
        }
        let value = self.native_closure(function, Vec::new());
        self.light_functions.insert(key, value);
        value
    }

    /// Wraps a Rust function with upvalues as a Lua value.
    pub fn native_closure(&mut self, function: NativeFunction, upvalues: Vec<Value>) -> Value {
        Value::NativeFn(self.heap.new_native_fn(NativeClosure {
            function,
            upvalues,
            switch: ThreadSwitch::None,
        }))
    }

    /// A new full userdata holding `data` (`lua_newuserdata` with `lua_setmetatable`).
    pub fn new_userdata(
        &mut self,
        data: Box<dyn std::any::Any>,
        metatable: Option<TableRef>,
    ) -> Value {
        let userdata = crate::object::Userdata {
            metatable: None,
            user_value: Value::Nil,
            data,
        };
        let value = Value::Userdata(self.heap.new_userdata(userdata));
        if let Some(metatable) = metatable {
            self.set_metatable(value, Some(metatable));
        }
        value
    }

    /// The Rust value inside a full userdata, if it is one of type `T`.
    pub fn userdata_ref<T: 'static>(&self, value: Value) -> Option<&T> {
        match value {
            Value::Userdata(u) => self.heap.userdata(u).data.downcast_ref(),
            _ => None,
        }
    }

    /// The Rust value inside a full userdata, mutably, if it is one of type `T`.
    pub fn userdata_mut<T: 'static>(&mut self, value: Value) -> Option<&mut T> {
        match value {
            Value::Userdata(u) => self.heap.userdata_mut(u).data.downcast_mut(),
            _ => None,
        }
    }

    /// The metatable of a value (`lua_getmetatable`).
    pub fn metatable(&self, value: Value) -> Option<TableRef> {
        match value {
            Value::Table(t) => self.heap.table(t).metatable(),
            Value::Userdata(u) => self.heap.userdata(u).metatable,
            _ => self.type_metatables[value.type_of().index()],
        }
    }

    /// Sets the metatable of all values of a type, as the debug library can.
    pub fn set_type_metatable(&mut self, ty: Type, metatable: Option<TableRef>) {
        self.type_metatables[ty.index()] = metatable;
    }

    // ---- Loading ----

    /// Turns a compiled prototype into one ready to run in this state, interning its string
    /// constants.
    pub fn prepare_proto(&mut self, proto: Rc<Proto>) -> Rc<FnProto> {
        use crate::bytecode::Constant;
        let constants = proto
            .constants
            .iter()
            .map(|k| match k {
                Constant::Nil => Value::Nil,
                Constant::Bool(b) => Value::boolean(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => self.string(s),
            })
            .collect();
        let children = proto
            .protos
            .iter()
            .map(|child| self.prepare_proto(child.clone()))
            .collect();
        let lookup_hints = (0..proto.code.len()).map(|_| Default::default()).collect();
        Rc::new(FnProto {
            lookup_hints,
            proto,
            constants,
            children,
            cache: std::cell::Cell::new(None),
            mark_epoch: std::cell::Cell::new(0),
        })
    }

    /// Compiles a chunk into a function whose first upvalue is `_ENV` = the globals (`lua_load`).
    /// The error is the message `load` returns.
    pub fn load(
        &mut self,
        source: &[u8],
        chunk_name: &[u8],
        mode: crate::ChunkMode,
    ) -> Result<Value, Vec<u8>> {
        let options = crate::CompileOptions {
            mode,
            c_levels_in_use: self.native_calls,
        };
        let proto = crate::compile_with(source, chunk_name, options).map_err(|e| e.message)?;
        let prepared = self.prepare_proto(Rc::new(proto));
        let n_upvalues = prepared.proto.upvalues.len();
        let mut upvalues = Vec::with_capacity(n_upvalues);
        for i in 0..n_upvalues {
            let value = if i == 0 {
                Value::Table(self.globals)
            } else {
                Value::Nil
            };
            upvalues.push(self.heap.new_upvalue(Upvalue::Closed(value)));
        }
        let call_info = crate::object::CallInfo::of(&prepared.proto);
        let closure = LuaClosure {
            proto: prepared,
            upvalues,
            call_info,
        };
        Ok(Value::LuaFn(self.heap.new_lua_fn(closure)))
    }

    // ---- The stack, for native functions ----

    /// Makes sure `n` more slots above `top` exist (`luaD_checkstack`), failing with PUC's
    /// `stack overflow` past the stack limit.
    pub(crate) fn ensure_stack(&mut self, n: usize) -> Result<(), LuaError> {
        let needed = self.top + n + EXTRA_STACK;
        if needed > self.stack.len() {
            if needed > MAX_STACK {
                return Err(self.stack_overflow());
            }
            // Growth stops at the limit; only a stack overflow gets the extra room for its handler.
            let new_len = needed.max(self.stack.len() * 2).min(MAX_STACK);
            self.stack.resize(new_len, Value::Nil);
        }
        Ok(())
    }

    /// Pushes a value (`lua_push*`). Native functions have [`MIN_STACK`] free slots; past that
    /// the stack grows as needed.
    #[inline]
    pub fn push(&mut self, value: Value) {
        if self.top == self.stack.len() {
            self.stack.resize(self.stack.len() * 2, Value::Nil);
        }
        self.stack[self.top] = value;
        self.top += 1;
    }

    /// The index of the first free stack slot (`L->top`).
    pub fn stack_top(&self) -> usize {
        self.top
    }

    /// The number of arguments of the running native function (`lua_gettop`).
    pub fn arg_count(&self) -> usize {
        self.top - self.current_frame().base
    }

    /// Argument `n` (1-based) of the running native function, or nil if absent.
    pub fn arg(&self, n: usize) -> Value {
        let index = self.current_frame().base + n - 1;
        if index < self.top {
            self.stack[index]
        } else {
            Value::Nil
        }
    }

    /// The frame on top.
    pub(crate) fn current_frame(&self) -> &Frame {
        self.frames
            .last()
            .expect("a native function runs in a frame")
    }

    /// Upvalue `n` (1-based) of the running native function.
    pub fn native_upvalue(&self, n: usize) -> Value {
        match self.current_frame().kind {
            FrameKind::Native(f) => self
                .heap
                .native_fn(f)
                .upvalues
                .get(n - 1)
                .copied()
                .unwrap_or_default(),
            FrameKind::Lua(_) => Value::Nil,
        }
    }

    /// The stack index of the running native function's first argument.
    pub fn current_base(&self) -> usize {
        self.current_frame().base
    }

    /// Removes argument `n` of the running native function, shifting the rest down.
    pub fn remove_arg(&mut self, n: usize) {
        let index = self.current_base() + n - 1;
        if index < self.top {
            self.stack.copy_within(index + 1..self.top, index);
            self.top -= 1;
        }
    }

    /// Inserts `value` at stack index `at`, shifting the values above it up (`lua_insert`).
    pub fn insert_below(&mut self, at: usize, value: Value) {
        self.push(Value::Nil);
        self.stack.copy_within(at..self.top - 1, at + 1);
        self.stack[at] = value;
    }

    /// Writes program output, as `print` and `io.write` do.
    pub fn write_output(&mut self, bytes: &[u8]) {
        match &mut self.output {
            Some(buffer) => buffer.extend_from_slice(bytes),
            None => {
                use std::io::Write;
                let mut stdout = std::io::stdout().lock();
                let _ = stdout.write_all(bytes);
                let _ = stdout.flush();
            }
        }
    }

    /// A global variable, with metamethods on the global table (`lua_getglobal`).
    pub fn get_global_with_metamethods(&mut self, name: &[u8]) -> Result<Value, LuaError> {
        let key = self.string(name);
        self.index(Value::Table(self.globals), key, ops::Origin::None)
    }

    /// `value[key]` with metamethods (`lua_gettable`).
    pub fn index_value(&mut self, value: Value, key: Value) -> Result<Value, LuaError> {
        self.index(value, key, ops::Origin::None)
    }

    /// `error(message, level)`: a string message gets the position of the function `level`
    /// levels up (`luaB_error`).
    pub fn error_with_level(&mut self, message: Value, level: i64) -> LuaError {
        let message = match message {
            Value::Str(s) if level > 0 => {
                let mut text = self.where_(level as usize);
                text.extend_from_slice(self.str_bytes(s));
                self.string(&text)
            }
            other => other,
        };
        self.raise(message)
    }

    /// Sets the value of a Lua function's first upvalue (`lua_setupvalue(f, 1)`), as `load` does
    /// with its `env` argument.
    pub fn set_first_upvalue(&mut self, function: Value, value: Value) {
        if let Value::LuaFn(f) = function {
            if let Some(&cell) = self.heap.lua_fn(f).upvalues.first() {
                self.set_upvalue_cell_value(cell, value);
            }
        }
    }

    /// The registry as a table holding `_LOADED` (`debug.getregistry`).
    pub fn registry(&mut self) -> TableRef {
        if let Some(registry) = self.registry {
            return registry;
        }
        let registry = self.heap.new_table(Table::default());
        let key = self.string(b"_LOADED");
        let loaded = Value::Table(self.loaded);
        self.heap.table_set(registry, key, loaded);
        self.registry = Some(registry);
        registry
    }

    /// Keeps `value` alive until [`Lua::unpin`] (`luaL_ref` in spirit). The collector only
    /// sees values reachable from Lua: a value held in a Rust variable is not a root, and an
    /// embedder keeping one across calls into Lua must pin it (or store it in the registry).
    pub fn pin(&mut self, value: Value) {
        self.pinned.push(value);
    }

    /// Releases one pin of `value`.
    pub fn unpin(&mut self, value: Value) {
        if let Some(position) = self.pinned.iter().rposition(|v| v.raw_equal(value)) {
            self.pinned.swap_remove(position);
        }
    }

    /// Marks the running native function as a protected call that restores `outer_handler`
    /// when it ends (what `pcall` and `xpcall` do before calling).
    pub fn mark_protected(&mut self, outer_handler: Option<Value>) {
        self.set_continuation(Continuation::Protected { outer_handler });
    }

    /// Sets how the running native function finishes after a yield in a call it makes.
    pub fn set_continuation(&mut self, continuation: Continuation) {
        if let Some(frame) = self.frames.last_mut() {
            frame.continuation = continuation;
        }
    }

    /// Calls the value at `func` with the values above it, in a way a coroutine can yield
    /// through: the running native function must have set its continuation.
    pub fn call_yieldable(&mut self, func: usize, n_results: i32) -> Result<(), LuaError> {
        self.call_at_with(func, n_results, true)
    }

    /// The message handler of the innermost `xpcall` running, if any.
    pub fn current_error_handler(&self) -> Option<Value> {
        self.error_handler
    }

    /// Installs a debug hook for the running thread (`lua_sethook`): `function` is called
    /// with the event name and, for line events, the line.
    pub fn set_hook(&mut self, function: Option<Value>, mask: u8, count: i64) {
        let (function, mask) = match function {
            Some(f) if mask != 0 => (Some(f), mask),
            _ => (None, 0),
        };
        let old_pc = match self.frames.last() {
            Some(frame) if matches!(frame.kind, FrameKind::Lua(_)) => frame.pc,
            _ => self.hook.old_pc,
        };
        self.hook = HookState {
            function,
            mask,
            base_count: count,
            count,
            allowed: self.hook.allowed,
            old_pc,
        };
    }

    /// The running thread's hook: function, mask and count (`lua_gethook`).
    pub fn hook(&self) -> (Option<Value>, u8, i64) {
        (self.hook.function, self.hook.mask, self.hook.base_count)
    }

    /// A flag another thread can set to interrupt the running script: it stops at a backward
    /// jump, call or return within [`POLL_INTERVAL`] instructions, with an `Interrupted` error,
    /// which `pcall` does not catch.
    /// The flag stays set until cleared.
    pub fn interrupt_handle(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.interrupt.clone()
    }

    /// The flag `interrupt_handle` hands out, for native loops that check it as they go.
    pub(crate) fn interrupt_flag(&self) -> &std::sync::atomic::AtomicBool {
        &self.interrupt
    }

    /// Charges `units` of work done by a native function (one per element it visits) to the
    /// instruction budget, and fails as the interpreter does when the budget is spent or an
    /// interrupt was asked for, so library loops cannot run past the limits either.
    pub fn charge(&mut self, units: u64) -> Result<(), LuaError> {
        if self.ticks < units {
            if self.poll(units, false) {
                self.budget = 0;
                self.ticks = 0;
                return Err(self.interrupted());
            }
        } else {
            self.ticks -= units;
        }
        Ok(())
    }

    /// Takes `used` instructions from the budget once `ticks` cannot pay them, and looks at
    /// the interrupt flag, and at the signal flag when `signal` is set: true when the run
    /// must stop. Otherwise `ticks` is refilled from the budget.
    #[cold]
    pub(crate) fn poll(&mut self, used: u64, signal: bool) -> bool {
        let left = self.budget.saturating_add(self.ticks);
        if left < used || self.interrupt_requested() || (signal && self.signal_pending()) {
            return true;
        }
        let left = left - used;
        self.ticks = left.min(POLL_INTERVAL);
        self.budget = left - self.ticks;
        false
    }

    /// All the instructions left in the budget, `ticks` included.
    pub(crate) fn budget_left(&self) -> u64 {
        self.budget.saturating_add(self.ticks)
    }

    /// Sets what is left of the budget (a native loop that counted its own steps).
    pub(crate) fn set_budget_left(&mut self, left: u64) {
        self.budget = left;
        self.ticks = 0;
    }

    /// A flag that, when set, makes the running script raise the error `interrupted!` at its
    /// next backward jump, call or return once the flags are next read (within
    /// [`POLL_INTERVAL`] instructions), as lua.c's SIGINT handler does with a hook. Unlike
    /// [`Lua::interrupt_handle`], the error can be caught by `pcall`, and native functions do
    /// not notice it: a long library call runs to its end first. The flag is cleared when the
    /// error is raised.
    pub fn signal_handle(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.signal.clone()
    }

    /// Whether a signal (see [`Lua::signal_handle`]) waits to be raised.
    #[inline]
    pub(crate) fn signal_pending(&self) -> bool {
        self.signal.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether an interruption was requested.
    pub(crate) fn interrupt_requested(&self) -> bool {
        self.interrupt.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Limits the run to about `instructions` more VM instructions; past them the run fails
    /// with an `Interrupted` error that `pcall` cannot catch.
    pub fn set_instruction_budget(&mut self, instructions: Option<u64>) {
        self.set_budget_left(instructions.unwrap_or(u64::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::{ErrorKind, Lua};
    use crate::ChunkMode;

    fn run(lua: &mut Lua, source: &str) -> Result<Vec<crate::value::Value>, super::LuaError> {
        let function = lua
            .load(source.as_bytes(), b"=test", ChunkMode::Text)
            .expect("the test chunk compiles");
        lua.pcall(function, &[], None)
    }

    #[test]
    fn a_budget_stops_loops_and_pcall_cannot_catch_it() {
        let mut lua = Lua::new();
        lua.set_instruction_budget(Some(10_000));
        let error = run(&mut lua, "while true do pcall(function() end) end")
            .expect_err("the loop must stop");
        assert_eq!(error.kind, ErrorKind::Interrupted);
    }

    #[test]
    fn a_budget_stops_long_library_loops_and_catastrophic_patterns() {
        for source in [
            "pcall(table.move, {}, 1, 1 << 53, 2)",
            "local t = setmetatable({}, {__index = function() return '' end})
             pcall(table.concat, t, '', 1, 1 << 53)",
            "pcall(string.find, string.rep('a', 40), string.rep('a*', 40) .. 'b')",
        ] {
            let mut lua = Lua::new();
            lua.set_instruction_budget(Some(1_000_000));
            let error = run(&mut lua, source).expect_err("the run must stop");
            assert_eq!(error.kind, ErrorKind::Interrupted, "{source}");
        }
    }

    #[test]
    fn an_interrupt_from_another_thread_stops_the_script() {
        let mut lua = Lua::new();
        let handle = lua.interrupt_handle();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            handle.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        let error = run(&mut lua, "local i = 0 while true do i = i + 1 end")
            .expect_err("the loop must stop");
        setter.join().expect("the setter thread ends");
        assert_eq!(error.kind, ErrorKind::Interrupted);
    }

    #[test]
    fn a_budget_stops_coroutines_the_loop_switched_to_and_the_state_stays_usable() {
        let mut lua = Lua::new();
        lua.set_instruction_budget(Some(100_000));
        // Three coroutines, each resumed from Lua code by the one before, the last looping.
        let error = run(
            &mut lua,
            "local function level(n)
               if n == 0 then while true do coroutine.yield() end end
               local inner = coroutine.wrap(level)
               while true do inner(n - 1) end
             end
             coroutine.wrap(level)(3)",
        )
        .expect_err("the run must stop");
        assert_eq!(error.kind, ErrorKind::Interrupted);
        assert_eq!(
            lua.current_thread,
            super::ThreadRef(0),
            "back on the main thread"
        );
        assert!(lua.loop_resumes.is_empty(), "no switch left pending");
        lua.set_instruction_budget(None);
        let results = run(
            &mut lua,
            "local co = coroutine.wrap(function(a) return coroutine.yield(a + 1) * 2 end)
             return co(1) + co(10)",
        )
        .expect("the state runs code again");
        assert!(matches!(results[..], [crate::value::Value::Int(22)]));
    }

    #[test]
    fn tail_calls_run_in_constant_space() {
        let mut lua = Lua::new();
        let results = run(
            &mut lua,
            "local function f(n) if n == 0 then return 1 end return f(n - 1) end return f(1e7)",
        )
        .expect("ten million tail calls run");
        assert!(matches!(results[..], [crate::value::Value::Int(1)]));
        assert!(
            lua.stack.len() < 1000,
            "the stack stayed small: {}",
            lua.stack.len()
        );
    }
}
