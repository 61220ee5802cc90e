//! Calls, returns, protected calls and errors. Mirrors ldo.c (`luaD_precall`, `luaD_poscall`,
//! `luaD_call`, `luaD_pcall`) and the error half of ldebug.c (`luaG_errormsg`,
//! `luaG_runerror`).

use super::{ErrorKind, Frame, FrameKind, Lua, LuaError, MIN_STACK, MULTRET};
use crate::limits::{EXTRA_STACK, MAX_C_CALLS, MAX_STACK};
use crate::object::{ThreadSwitch, Upvalue};
use crate::value::{UpvalRef, Value};

/// What [`Lua::precall`] did: gave a Lua function a frame, for the caller to run, ran a
/// native function to completion, or gave a function that switches threads a frame without
/// calling it, for the interpreter loop to make the switch ([`Lua::switch_call`]). A whole
/// word, as [`super::ErrorKind`] is: a result that puts a byte where the error's value begins
/// is copied in misaligned pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub(crate) enum Called {
    Native,
    Lua,
    Switch,
}

/// Extra stack granted to handle a stack overflow (`ERRORSTACKSIZE - LUAI_MAXSTACK`).
const ERROR_STACK_EXTRA: usize = 200;

impl Lua {
    // ---- Errors ----

    /// Raises `value` as an error (`luaG_errormsg`): the message handler of the innermost
    /// `xpcall` runs first, here, while the erroring frames are still on the stack.
    #[cold]
    pub(crate) fn raise(&mut self, value: Value) -> LuaError {
        let Some(handler) = self.error_handler else {
            return LuaError {
                value,
                kind: ErrorKind::Runtime,
            };
        };
        let func = self.top;
        if self.ensure_stack(2).is_err() {
            return LuaError {
                value: self.string(b"error in error handling"),
                kind: ErrorKind::ErrorHandling,
            };
        }
        self.push(handler);
        self.push(value);
        match self.call_at(func, 1) {
            Ok(()) => {
                self.top = func;
                LuaError {
                    value: self.stack[func],
                    kind: ErrorKind::Runtime,
                }
            }
            Err(error) => error,
        }
    }

    /// Raises a runtime error with the position of the running Lua function, if it is one
    /// (`luaG_runerror`).
    #[cold]
    pub(crate) fn runtime_error(&mut self, message: &[u8]) -> LuaError {
        let mut text = self.vm_where();
        text.extend_from_slice(message);
        let value = self.string(&text);
        self.raise(value)
    }

    /// Raises an error from a native function, with the position of its caller
    /// (`luaL_error`).
    #[cold]
    pub fn error(&mut self, message: &[u8]) -> LuaError {
        let mut text = self.where_(1);
        text.extend_from_slice(message);
        let value = self.string(&text);
        self.raise(value)
    }

    /// `chunk:line: ` for the function `level` frames down, if it is a Lua function with line
    /// information (`luaL_where`); empty otherwise.
    pub(crate) fn where_(&self, level: usize) -> Vec<u8> {
        let Some(index) = self.frames.len().checked_sub(level + 1) else {
            return Vec::new();
        };
        match self.current_line(index) {
            Some(line) if line > 0 => {
                let FrameKind::Lua(f) = self.frames[index].kind else {
                    return Vec::new();
                };
                let mut text = crate::compiler::chunk_id(&self.heap.lua_fn(f).proto.proto.source);
                text.extend_from_slice(format!(":{line}: ").as_bytes());
                text
            }
            _ => Vec::new(),
        }
    }

    /// `chunk:line: ` for the running function if it is a Lua function, with line -1 when it
    /// has no line information (`luaG_addinfo` as `luaG_runerror` uses it).
    fn vm_where(&self) -> Vec<u8> {
        let Some(frame) = self.frames.last() else {
            return Vec::new();
        };
        let FrameKind::Lua(f) = frame.kind else {
            return Vec::new();
        };
        let line = self
            .current_line(self.frames.len() - 1)
            .map_or(-1, |line| line as i64);
        let mut text = crate::compiler::chunk_id(&self.heap.lua_fn(f).proto.proto.source);
        text.extend_from_slice(format!(":{line}: ").as_bytes());
        text
    }

    #[cold]
    pub(crate) fn stack_overflow(&mut self) -> LuaError {
        if self.stack.len() > MAX_STACK {
            return LuaError {
                value: self.string(b"error in error handling"),
                kind: ErrorKind::ErrorHandling,
            };
        }
        // Room for the message handler, as PUC grants `ERRORSTACKSIZE`.
        self.stack.resize(MAX_STACK + ERROR_STACK_EXTRA, Value::Nil);
        self.runtime_error(b"stack overflow")
    }

    // ---- Calls ----

    /// Prepares a call to the value at `stack[func]` with arguments up to `top`
    /// (`luaD_precall`). A Lua function gets a new frame, which the caller runs. A native
    /// function runs to completion here, unless `may_switch` (the interpreter loop's CALL) and
    /// it is one that switches threads: then it gets its frame and `Called::Switch`.
    pub(crate) fn precall(
        &mut self,
        func: usize,
        n_results: i32,
        may_switch: bool,
    ) -> Result<Called, LuaError> {
        loop {
            match self.stack[func] {
                Value::LuaFn(f) => {
                    let info = self.heap.lua_fn(f).call_info;
                    let (n_params, frame_size) = (info.n_params as usize, info.frame_size as usize);
                    let n_args = self.top - func - 1;
                    // The frame's registers, above the arguments already pushed (`checkstackp`
                    // with `maxstacksize`): a vararg function's frame starts there.
                    if self.top + frame_size + EXTRA_STACK > self.stack.len() {
                        self.ensure_stack(frame_size)?;
                    }
                    let base = if info.is_vararg {
                        self.adjust_varargs(n_params, n_args)
                    } else {
                        if n_args < n_params {
                            for slot in &mut self.stack[self.top..func + 1 + n_params] {
                                *slot = Value::Nil;
                            }
                        }
                        func + 1
                    };
                    let top = base + frame_size;
                    self.frames.push(Frame {
                        kind: FrameKind::Lua(f),
                        func,
                        base,
                        pc: 0,
                        n_results,
                        top,
                        is_tail_call: false,
                        continuation: super::Continuation::None,
                        le_via_lt: false,
                        hooked: false,
                        running_finalizer: false,
                    });
                    self.top = top;
                    if self.hook.mask != 0 {
                        self.call_hook()?;
                    }
                    return Ok(Called::Lua);
                }
                Value::NativeFn(f) => {
                    self.ensure_stack(MIN_STACK)?;
                    self.frames.push(Frame {
                        kind: FrameKind::Native(f),
                        func,
                        base: func + 1,
                        pc: 0,
                        n_results,
                        top: self.top + MIN_STACK,
                        is_tail_call: false,
                        continuation: super::Continuation::None,
                        le_via_lt: false,
                        hooked: false,
                        running_finalizer: false,
                    });
                    if self.hook.mask != 0 {
                        self.call_hook()?;
                    }
                    let native = self.heap.native_fn(f);
                    if may_switch && native.switch != ThreadSwitch::None {
                        return Ok(Called::Switch);
                    }
                    let n = (native.function)(self)?;
                    self.finish_native(n)?;
                    return Ok(Called::Native);
                }
                callee => {
                    // Not a function: try its `__call`, which receives it as first argument.
                    let handler = self.metamethod(callee, super::TagMethod::Call);
                    if !matches!(handler, Value::LuaFn(_) | Value::NativeFn(_)) {
                        return Err(self.type_error(
                            callee,
                            super::ops::Origin::Stack(func),
                            "call",
                        ));
                    }
                    self.ensure_stack(1)?;
                    self.stack.copy_within(func..self.top, func + 1);
                    self.top += 1;
                    self.stack[func] = handler;
                }
            }
        }
    }

    /// Ends the native frame on top, whose function returned `n` results on top of the
    /// stack (the end of `luaD_precall` for a C function).
    #[inline]
    pub(crate) fn finish_native(&mut self, n: usize) -> Result<(), LuaError> {
        // A safe point: the function's results are on the stack, and its Rust frame, with
        // whatever values it held, is gone.
        self.gc_check()?;
        if self.hook.mask != 0 {
            self.return_hook()?;
        }
        self.poscall(self.top - n, n);
        Ok(())
    }

    /// Moves the fixed parameters of a vararg function above its arguments, leaving the extra
    /// arguments below the new base (`adjust_varargs`). Returns the base.
    fn adjust_varargs(&mut self, n_params: usize, n_args: usize) -> usize {
        let fixed = self.top - n_args;
        let base = self.top;
        for i in 0..n_params {
            self.stack[base + i] = if i < n_args {
                std::mem::take(&mut self.stack[fixed + i])
            } else {
                Value::Nil
            };
        }
        self.top = base + n_params;
        base
    }

    /// Ends the frame on top, moving its `n` results from `first` to where its function was
    /// (`luaD_poscall`). Afterwards `top` is just past the results the caller wanted.
    pub(crate) fn poscall(&mut self, first: usize, n: usize) {
        let frame = self.frames.pop().expect("a frame to return from");
        let destination = frame.func;
        match frame.n_results {
            0 => self.top = destination,
            1 => {
                self.stack[destination] = if n == 0 {
                    Value::Nil
                } else {
                    self.stack[first]
                };
                self.top = destination + 1;
            }
            MULTRET => {
                self.move_down(first, n, destination);
                self.top = destination + n;
            }
            wanted => {
                let wanted = wanted as usize;
                let copied = n.min(wanted);
                self.move_down(first, copied, destination);
                for slot in &mut self.stack[destination + copied..destination + wanted] {
                    *slot = Value::Nil;
                }
                self.top = destination + wanted;
            }
        }
    }

    /// Moves `n` values from `first` down to `destination` (results to where the function
    /// was). Results are few, so a loop beats `copy_within`'s call to `memmove`.
    #[inline(always)]
    fn move_down(&mut self, first: usize, n: usize, destination: usize) {
        debug_assert!(destination <= first);
        if n <= 4 {
            for j in 0..n {
                self.stack[destination + j] = self.stack[first + j];
            }
        } else {
            self.stack.copy_within(first..first + n, destination);
        }
    }

    /// Calls the value at `stack[func]` with the arguments above it, from native code
    /// (`luaD_call`). Each such call is one native-to-Lua re-entry, counted against PUC's limit.
    /// A call made for a Lua instruction (a metamethod, an iterator) can be crossed by a yield,
    /// since the interpreter finishes the instruction on resume; a call made by any other native
    /// function cannot (`luaD_callnoyield`).
    pub(crate) fn call_at(&mut self, func: usize, n_results: i32) -> Result<(), LuaError> {
        let yieldable = matches!(self.frames.last().map(|f| f.kind), Some(FrameKind::Lua(_)));
        self.call_at_with(func, n_results, yieldable)
    }

    pub(crate) fn call_at_with(
        &mut self,
        func: usize,
        n_results: i32,
        yieldable: bool,
    ) -> Result<(), LuaError> {
        self.native_calls += 1;
        if self.native_calls >= MAX_C_CALLS {
            if let Some(error) = self.native_stack_error() {
                self.native_calls -= 1;
                return Err(error);
            }
        }
        if !yieldable {
            self.non_yieldable += 1;
        }
        let result = match self.precall(func, n_results, false) {
            Ok(Called::Lua) => self.execute(),
            // Not asked to, precall never leaves a switch to its caller.
            Ok(Called::Native | Called::Switch) => Ok(()),
            Err(error) => Err(error),
        };
        if !yieldable {
            self.non_yieldable -= 1;
        }
        self.native_calls -= 1;
        result
    }

    /// PUC's `stackerror`: exactly at the limit a catchable `C stack overflow`; a little past it
    /// (while handling that error) an error in error handling.
    #[cold]
    fn native_stack_error(&mut self) -> Option<LuaError> {
        if self.native_calls == MAX_C_CALLS {
            Some(self.runtime_error(b"C stack overflow"))
        } else if self.native_calls >= MAX_C_CALLS + (MAX_C_CALLS >> 3) {
            Some(LuaError {
                value: self.string(b"error in error handling"),
                kind: ErrorKind::ErrorHandling,
            })
        } else {
            None
        }
    }

    /// Calls the value at `stack[func]` in protected mode (`luaD_pcall`): on an error, the stack,
    /// frames and open upvalues are restored as they were, `top` is `func`, and the error is
    /// returned. Interruptions by the instruction budget are not caught, and a yield passes
    /// through untouched when `yieldable` (the protected call then ends after a resume, from
    /// the caller's frame: see `Frame::continuation`).
    pub(crate) fn pcall_at(
        &mut self,
        func: usize,
        n_results: i32,
        handler: Option<Value>,
        yieldable: bool,
    ) -> Result<(), LuaError> {
        let saved_frames = self.frames.len();
        let saved_native_calls = self.native_calls;
        let saved_handler = std::mem::replace(&mut self.error_handler, handler);
        let result = self.call_at_with(func, n_results, yieldable);
        match result {
            Err(error) if error.kind == ErrorKind::Yield => return Err(error),
            _ => self.error_handler = saved_handler,
        }
        if let Err(error) = result {
            if error.kind == ErrorKind::Interrupted {
                return Err(error);
            }
            self.close_upvalues(func);
            self.frames.truncate(saved_frames);
            self.native_calls = saved_native_calls;
            self.top = func;
            if self.stack.len() > MAX_STACK {
                self.stack.truncate(MAX_STACK);
            }
            return Err(error);
        }
        Ok(())
    }

    /// Calls `function` with `args` from Rust and returns all its results (`lua_call`).
    pub fn call(&mut self, function: Value, args: &[Value]) -> Result<Vec<Value>, LuaError> {
        let func = self.top;
        self.ensure_stack(args.len() + 1)?;
        self.push(function);
        for &arg in args {
            self.push(arg);
        }
        self.call_at(func, MULTRET)?;
        let results = self.stack[func..self.top].to_vec();
        self.top = func;
        Ok(results)
    }

    /// Calls `function` with `args` in protected mode, with an optional message handler
    /// (`lua_pcall`), and returns all its results or the error.
    pub fn pcall(
        &mut self,
        function: Value,
        args: &[Value],
        handler: Option<Value>,
    ) -> Result<Vec<Value>, LuaError> {
        let func = self.top;
        self.ensure_stack(args.len() + 1)?;
        self.push(function);
        for &arg in args {
            self.push(arg);
        }
        self.pcall_at(func, MULTRET, handler, false)?;
        let results = self.stack[func..self.top].to_vec();
        self.top = func;
        Ok(results)
    }

    // ---- Upvalues ----

    /// The open upvalue for stack slot `index`, created if needed (`luaF_findupval`).
    #[inline(never)]
    pub(crate) fn find_upvalue(&mut self, index: usize) -> UpvalRef {
        match self.open_upvalues.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(position) => self.open_upvalues[position].1,
            Err(position) => {
                let cell = Upvalue::Open {
                    thread: self.current_thread,
                    index,
                };
                let upvalue = self.heap.new_upvalue(cell);
                self.open_upvalues.insert(position, (index, upvalue));
                upvalue
            }
        }
    }

    /// Closes the open upvalues of stack slots `level` and above (`luaF_close`).
    pub(crate) fn close_upvalues(&mut self, level: usize) {
        while let Some(&(index, upvalue)) = self.open_upvalues.last() {
            if index < level {
                break;
            }
            *self.heap.upvalue_mut(upvalue) = Upvalue::Closed(self.stack[index]);
            self.open_upvalues.pop();
        }
    }

    /// The value in an upvalue cell, wherever it lives: in the running thread's stack, another
    /// thread's stack, or the cell itself.
    pub fn upvalue_cell_value(&self, cell: UpvalRef) -> Value {
        match self.heap.upvalue(cell) {
            Upvalue::Open { thread, index } if thread == self.current_thread => self.stack[index],
            Upvalue::Open { thread, index } => self.thread_state(thread).stack[index],
            Upvalue::Closed(value) => value,
        }
    }

    /// Stores into an upvalue cell, wherever it lives.
    pub fn set_upvalue_cell_value(&mut self, cell: UpvalRef, value: Value) {
        match self.heap.upvalue(cell) {
            Upvalue::Open { thread, index } if thread == self.current_thread => {
                self.stack[index] = value
            }
            Upvalue::Open { thread, index } => self.thread_state_mut(thread).stack[index] = value,
            Upvalue::Closed(_) => *self.heap.upvalue_mut(cell) = Upvalue::Closed(value),
        }
    }
}
