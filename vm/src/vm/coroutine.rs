//! Coroutines: threads with their own stacks, resumed and yielding. Mirrors `lua_resume`,
//! `lua_yieldk`, `unroll`, `finishCcall` and `recover` in ldo.c and `luaV_finishOp` in lvm.c;
//! semantics in manual §2.6.
//!
//! A thread's stack, frames and open upvalues are the state's own fields while it runs, and
//! wait in its slot of `threads` otherwise. A yield travels up the Rust stack as an error of
//! kind `Yield`, leaving the coroutine's frames in place; the Rust frames it crosses are gone
//! when the coroutine is resumed. Resuming therefore "unrolls" the frames, as PUC does after a
//! `longjmp`: a Lua frame first finishes the instruction that was waiting for a call (a
//! metamethod, an iterator), then runs on; a `pcall` frame finishes the protected call. Only
//! calls made for Lua instructions and by `pcall` can be crossed this way: any other native
//! function calling Lua counts in `non_yieldable`, and a yield under it is PUC's
//! `attempt to yield across a C-call boundary`.

use super::{Continuation, ErrorKind, Frame, FrameKind, Lua, LuaError, MULTRET};
use crate::bytecode::{self as bc, OpCode};
use crate::limits::MAX_C_CALLS;
use crate::value::{ThreadRef, UpvalRef, Value};

/// Where a thread is in its life (`lua_status` plus what `coroutine.status` derives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadStatus {
    /// Created, its function not yet called.
    Fresh,
    /// Running: the current thread.
    Running,
    /// It resumed another coroutine and waits for it.
    Normal,
    /// It yielded.
    Suspended,
    /// Its function returned.
    Finished,
    /// It raised an error.
    Dead,
}

/// A thread while it is not running (`lua_State`).
#[derive(Debug)]
pub struct Thread {
    pub(crate) stack: Vec<Value>,
    pub(crate) top: usize,
    pub(crate) frames: Vec<Frame>,
    pub(crate) open_upvalues: Vec<(usize, UpvalRef)>,
    pub(crate) error_handler: Option<Value>,
    pub(crate) non_yieldable: u32,
    pub(crate) hook: super::HookState,
    pub(crate) status: ThreadStatus,
}

impl Default for Thread {
    /// The placeholder in a freed slot.
    fn default() -> Self {
        Thread {
            status: ThreadStatus::Dead,
            ..Thread::main()
        }
    }
}

impl Thread {
    /// The main thread's slot: its state lives in the `Lua` fields from the start.
    pub(crate) fn main() -> Thread {
        Thread {
            stack: Vec::new(),
            top: 0,
            frames: Vec::new(),
            open_upvalues: Vec::new(),
            error_handler: None,
            non_yieldable: 1,
            hook: super::HookState::default(),
            status: ThreadStatus::Running,
        }
    }

    /// A fresh coroutine. It inherits the creating thread's hook mask and count as
    /// `lua_newthread` does, but not its function: ldblib keeps hook functions per thread, so
    /// PUC's inherited hook calls nothing and `debug.gethook` reports it as nil with the mask.
    fn new(function: Value, hook: &super::HookState) -> Thread {
        // Slot 0 is the dummy function of the base frame, as `stack_init` leaves it, so that
        // stack indices, and the depth at which a stack overflows, are PUC's.
        let mut stack = vec![Value::Nil; 2 * super::MIN_STACK];
        stack[1] = function;
        Thread {
            stack,
            top: 2,
            frames: Vec::new(),
            open_upvalues: Vec::new(),
            error_handler: None,
            non_yieldable: 0,
            hook: super::HookState {
                function: None,
                mask: hook.mask,
                base_count: hook.base_count,
                count: hook.base_count,
                ..super::HookState::default()
            },
            status: ThreadStatus::Fresh,
        }
    }
}

/// What `resume` gives back.
#[derive(Debug)]
pub enum Resumed {
    /// The values the coroutine yielded or returned.
    Values(Vec<Value>),
    /// Resuming failed: the error value (or PUC's message for a coroutine that cannot run).
    Error(Value),
}

impl Lua {
    /// A new coroutine running `function` (`lua_newthread` and `lua_xmove`).
    pub fn new_thread(&mut self, function: Value) -> ThreadRef {
        let thread = Thread::new(function, &self.hook);
        self.heap.bytes += crate::gc::THREAD_BYTES;
        let gc = &self.heap.gc;
        let index = self
            .threads
            .insert(thread, |i| gc.new_color(crate::gc::Kind::Thread, i));
        ThreadRef(index)
    }

    /// The running thread.
    pub fn current_thread(&self) -> ThreadRef {
        self.current_thread
    }

    /// Whether `thread` is the main thread.
    pub fn is_main_thread(&self, thread: ThreadRef) -> bool {
        thread.0 == 0
    }

    /// Whether the running code may yield (`lua_isyieldable`).
    pub fn is_yieldable(&self) -> bool {
        self.non_yieldable == 0
    }

    /// A thread's status as `coroutine.status` names it.
    pub fn thread_status(&self, thread: ThreadRef) -> &'static str {
        if thread == self.current_thread {
            return "running";
        }
        match self.threads.items[thread.0 as usize].status {
            ThreadStatus::Fresh | ThreadStatus::Suspended => "suspended",
            ThreadStatus::Normal => "normal",
            ThreadStatus::Running => "running",
            ThreadStatus::Finished | ThreadStatus::Dead => "dead",
        }
    }

    /// Swaps the running thread's state with the one kept in `thread`'s slot.
    fn swap_state(&mut self, thread: ThreadRef) {
        let slot = &mut self.threads.items[thread.0 as usize];
        std::mem::swap(&mut self.stack, &mut slot.stack);
        std::mem::swap(&mut self.top, &mut slot.top);
        std::mem::swap(&mut self.frames, &mut slot.frames);
        std::mem::swap(&mut self.open_upvalues, &mut slot.open_upvalues);
        std::mem::swap(&mut self.error_handler, &mut slot.error_handler);
        std::mem::swap(&mut self.non_yieldable, &mut slot.non_yieldable);
        std::mem::swap(&mut self.hook, &mut slot.hook);
    }

    /// Runs `inspect` with `thread`'s stack and frames in place of the running thread's, as the
    /// debug library's functions look at another coroutine (`lua_getstack(L1, ...)`). The
    /// running thread is back in place when it returns, so `inspect` must not call Lua code
    /// or raise errors: it gathers values, and errors are made by the caller afterwards.
    pub fn with_thread<R>(&mut self, thread: ThreadRef, inspect: impl FnOnce(&mut Lua) -> R) -> R {
        if thread == self.current_thread {
            return inspect(self);
        }
        let back = self.current_thread;
        self.switch_to(thread);
        let result = inspect(self);
        self.switch_to(back);
        result
    }

    /// Switches from the running thread to `to`, which becomes the running one.
    fn switch_to(&mut self, to: ThreadRef) {
        let from = self.current_thread;
        // The running thread's slot is empty: its state goes there, `to`'s comes out.
        self.swap_state(from);
        self.swap_state(to);
        self.current_thread = to;
    }

    /// Resumes `co` with `args` (`lua_resume` through `auxresume`). An interruption by the
    /// instruction budget is returned as an error; every other outcome is a `Resumed`.
    pub fn resume(&mut self, co: ThreadRef, args: &[Value]) -> Result<Resumed, LuaError> {
        let status = if co == self.current_thread {
            ThreadStatus::Running
        } else {
            self.threads.items[co.0 as usize].status
        };
        match status {
            ThreadStatus::Running | ThreadStatus::Normal => {
                // `auxresume` first calls a thread dead when its current frame holds no values
                // (`lua_gettop(co) == 0`), as a `wrap` function's frame does once it has
                // moved its arguments away; only then does `lua_resume` refuse it as running.
                let (top, frame) = if co == self.current_thread {
                    (self.top, self.frames.last())
                } else {
                    let thread = &self.threads.items[co.0 as usize];
                    (thread.top, thread.frames.last())
                };
                let message: &[u8] = if top <= frame.map_or(0, |f| f.base) {
                    b"cannot resume dead coroutine"
                } else {
                    b"cannot resume non-suspended coroutine"
                };
                return Ok(Resumed::Error(self.string(message)));
            }
            ThreadStatus::Finished | ThreadStatus::Dead => {
                return Ok(Resumed::Error(self.string(b"cannot resume dead coroutine")));
            }
            ThreadStatus::Fresh | ThreadStatus::Suspended => {}
        }
        if self.native_calls + 1 >= MAX_C_CALLS {
            return Ok(Resumed::Error(self.string(b"C stack overflow")));
        }
        let resumer = self.current_thread;
        self.threads.items[resumer.0 as usize].status = ThreadStatus::Normal;
        self.switch_to(co);
        self.threads.items[co.0 as usize].status = ThreadStatus::Running;
        self.native_calls += 1;
        let outcome = self.run_resumed(status, args);
        self.native_calls -= 1;
        let (status, result) = match outcome {
            Ok(()) => {
                let values = self.stack[1..self.top].to_vec();
                self.top = 1;
                (ThreadStatus::Finished, Ok(Resumed::Values(values)))
            }
            Err(error) if error.kind == ErrorKind::Yield => {
                // The yielded values left with the resumer (`lua_xmove`): the suspended
                // native frame keeps no temporaries.
                if let Some(frame) = self.frames.last() {
                    if matches!(frame.kind, FrameKind::Native(_)) {
                        self.top = self.top.min(frame.base);
                    }
                }
                (
                    ThreadStatus::Suspended,
                    Ok(Resumed::Values(std::mem::take(&mut self.transfer))),
                )
            }
            Err(error) if error.kind == ErrorKind::Interrupted => (ThreadStatus::Dead, Err(error)),
            Err(error) => (ThreadStatus::Dead, Ok(Resumed::Error(error.value))),
        };
        self.switch_to(resumer);
        self.threads.items[co.0 as usize].status = status;
        self.threads.items[resumer.0 as usize].status = ThreadStatus::Running;
        result
    }

    /// Runs a coroutine that was just made the running thread, from its start or from its
    /// last yield (`resume` in ldo.c).
    fn run_resumed(&mut self, status: ThreadStatus, args: &[Value]) -> Result<(), LuaError> {
        let first = self.top;
        self.ensure_stack(args.len())?;
        for &arg in args {
            self.push(arg);
        }
        if status == ThreadStatus::Fresh {
            if self.precall(1, MULTRET)? {
                self.execute()?;
            }
            return Ok(());
        }
        // The `yield` that suspended the coroutine returns the resume arguments.
        self.return_hook()?;
        self.poscall(first, args.len());
        self.unroll()
    }

    /// An empty vector to collect values in for `resume` or `yield_values`, reused from an
    /// earlier one when there is one, so a resume and yield round trip allocates nothing.
    pub fn value_buffer(&mut self) -> Vec<Value> {
        let mut buffer = self.value_buffers.pop().unwrap_or_default();
        buffer.clear();
        buffer
    }

    /// Gives back a vector from `value_buffer` or `Resumed::Values` for reuse.
    pub fn recycle_value_buffer(&mut self, buffer: Vec<Value>) {
        const KEPT: usize = 8;
        if self.value_buffers.len() < KEPT && buffer.capacity() <= 1024 {
            self.value_buffers.push(buffer);
        }
    }

    /// Yields `values` to the resumer (`lua_yieldk`), or fails where PUC does: outside a
    /// coroutine, or under a call that cannot be crossed.
    pub fn yield_values(&mut self, values: Vec<Value>) -> LuaError {
        if self.non_yieldable > 0 {
            let message: &[u8] = if self.is_main_thread(self.current_thread) {
                b"attempt to yield from outside a coroutine"
            } else {
                b"attempt to yield across a C-call boundary"
            };
            return self.runtime_error(message);
        }
        self.transfer = values;
        LuaError {
            value: Value::Nil,
            kind: ErrorKind::Yield,
        }
    }

    /// Runs the frames of a resumed coroutine to completion (`unroll`), catching errors in the
    /// protected calls that were suspended with it (`recover`).
    fn unroll(&mut self) -> Result<(), LuaError> {
        loop {
            let Some(frame) = self.frames.last().copied() else {
                return Ok(());
            };
            let step = match frame.kind {
                FrameKind::Lua(_) => self
                    .finish_op(self.frames.len() - 1)
                    .and_then(|()| self.execute()),
                FrameKind::Native(_) => self.finish_native_call(),
            };
            if let Err(error) = step {
                if matches!(error.kind, ErrorKind::Yield | ErrorKind::Interrupted)
                    || !self.recover(error)
                {
                    return Err(error);
                }
            }
        }
    }

    /// Ends a native function whose call returned after a yield, by its continuation
    /// (`finishCcall`): `pcall` gives `true` and the results, `dofile` the results.
    fn finish_native_call(&mut self) -> Result<(), LuaError> {
        let frame = *self.frames.last().expect("a frame to finish");
        match frame.continuation {
            Continuation::Protected { outer_handler } => {
                self.error_handler = outer_handler;
                let n = self.top - frame.base;
                self.insert_below(frame.base, Value::Bool(true));
                self.return_hook()?;
                self.poscall(frame.base, n + 1);
                Ok(())
            }
            Continuation::ReturnResults { from } => {
                let n = self.top - from;
                self.return_hook()?;
                self.poscall(from, n);
                Ok(())
            }
            // A native function without a continuation never has a yield under it.
            Continuation::None => Err(self.runtime_error(b"cannot resume a native function")),
        }
    }

    /// Catches an error in the innermost suspended protected call, if any (`recover`): its
    /// frame gives `false` and the error.
    fn recover(&mut self, error: LuaError) -> bool {
        let Some(index) = self
            .frames
            .iter()
            .rposition(|f| matches!(f.continuation, Continuation::Protected { .. }))
        else {
            return false;
        };
        let frame = self.frames[index];
        let Continuation::Protected { outer_handler } = frame.continuation else {
            return false;
        };
        self.close_upvalues(frame.base);
        self.frames.truncate(index + 1);
        self.error_handler = outer_handler;
        self.top = frame.base;
        self.push(Value::Bool(false));
        self.push(error.value);
        self.poscall(frame.base, 2);
        true
    }

    /// Finishes the instruction a Lua frame was running when a call made for it was suspended
    /// (`luaV_finishOp`): the call's result is at `top - 1`.
    fn finish_op(&mut self, index: usize) -> Result<(), LuaError> {
        let frame = self.frames[index];
        let FrameKind::Lua(f) = frame.kind else {
            return Ok(());
        };
        let Some(&i) = self
            .heap
            .lua_fn(f)
            .proto
            .proto
            .code
            .get(frame.pc.wrapping_sub(1))
        else {
            return Ok(());
        };
        let a = bc::arg_a(i) as usize;
        match bc::opcode(i) {
            OpCode::GetTabUp
            | OpCode::GetTable
            | OpCode::SelfOp
            | OpCode::Add
            | OpCode::Sub
            | OpCode::Mul
            | OpCode::Mod
            | OpCode::Pow
            | OpCode::Div
            | OpCode::IDiv
            | OpCode::BAnd
            | OpCode::BOr
            | OpCode::BXor
            | OpCode::Shl
            | OpCode::Shr
            | OpCode::Unm
            | OpCode::BNot
            | OpCode::Len => {
                self.top -= 1;
                self.stack[frame.base + a] = self.stack[self.top];
                self.top = frame.top;
            }
            OpCode::Eq | OpCode::Lt | OpCode::Le => {
                let mut result = !self.stack[self.top - 1].is_falsy();
                self.top = frame.top;
                if frame.le_via_lt {
                    self.frames[index].le_via_lt = false;
                    result = !result;
                }
                // The JMP after the test runs when the comparison went the right way.
                if result != (a != 0) {
                    self.frames[index].pc += 1;
                }
            }
            OpCode::Concat => {
                // The metamethod's result sits where its function was, above the operands.
                let top = self.top - 1;
                let first = frame.base + bc::arg_b(i) as usize;
                let remaining = top - 1 - first;
                self.stack[top - 2] = self.stack[top];
                self.top = top - 1;
                if remaining > 1 {
                    // This may yield again; the next resume finishes the same instruction.
                    self.concat(remaining)?;
                }
                self.stack[frame.base + a] = self.stack[self.top - 1];
                self.top = frame.top;
            }
            OpCode::TForCall => self.top = frame.top,
            OpCode::Call if bc::arg_c(i) >= 1 => self.top = frame.top,
            _ => {}
        }
        Ok(())
    }
}
