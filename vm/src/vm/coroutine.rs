//! Coroutines: threads with their own stacks, resumed and yielding. Mirrors `lua_resume`,
//! `lua_yieldk`, `unroll`, `finishCcall` and `recover` in ldo.c and `luaV_finishOp` in lvm.c;
//! semantics in manual §2.6.
//!
//! A thread's stack, frames and open upvalues are the state's own fields while it runs, and
//! wait in a slot of `threads` otherwise: its own, or, while it waits for a coroutine it
//! resumed, that coroutine's, so that a resume and its yield each swap states once. Values
//! pass between the two stacks directly, as `lua_xmove` moves them.
//!
//! A yield travels up the Rust stack as an error of kind `Yield`, leaving the coroutine's
//! frames in place; the Rust frames it crosses are gone when the coroutine is resumed.
//! Resuming therefore "unrolls" the frames, as PUC does after a `longjmp`: a Lua frame first
//! finishes the instruction that was waiting for a call (a metamethod, an iterator), then runs
//! on; a `pcall` frame finishes the protected call. Only calls made for Lua instructions and
//! by `pcall` can be crossed this way: any other native function calling Lua counts in
//! `non_yieldable`, and a yield under it is PUC's `attempt to yield across a C-call boundary`.

use super::call::Called;
use super::{Continuation, ErrorKind, Frame, FrameKind, Lua, LuaError, MULTRET};
use crate::bytecode::{self as bc, OpCode};
use crate::limits::{EXTRA_STACK, MAX_C_CALLS, MAX_STACK};
use crate::object::ThreadSwitch;
use crate::value::{ThreadRef, Truth, UpvalRef, Value};

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

/// A thread's slot: its status, and the state of a thread that is not running.
#[derive(Debug)]
pub struct Thread {
    /// A running thread's state is in the `Lua` fields; a suspended, fresh or dead thread's
    /// is here. A thread that resumed another (status `Normal`) has its state parked in the
    /// slot of the thread it resumed, which held that thread's state until then, so that a
    /// resume and its yield each swap the state once (see [`Lua::state_index`]).
    pub(crate) state: ThreadState,
    pub(crate) status: ThreadStatus,
    /// For a `Normal` thread, the thread it resumed.
    pub(crate) resuming: ThreadRef,
    /// Whether a suspended thread yielded from the interpreter loop that resumed it, so that
    /// its frames, each called by the one below from the loop, can be resumed by the loop
    /// (see [`Lua::switch_call`]).
    pub(crate) loop_resumable: bool,
}

/// A coroutine the interpreter loop switched to, at a call to `coroutine.resume` or a `wrap`
/// function, which waits on the resumer's frames: what the loop needs to switch back.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LoopResume {
    resumer: ThreadRef,
    /// The loop's entry depth in the resumer's frames.
    entry_depth: usize,
    /// Which function the resumer called: `Resume` or `Wrap`.
    switch: ThreadSwitch,
    /// Whether a generic for called it, which counts a C level of its own while the call
    /// lasts, as `luaD_call` does (see [`Lua::call_iterator`]).
    iterator_level: bool,
}

/// What a thread keeps of its own while another runs (`lua_State`).
#[derive(Debug)]
pub struct ThreadState {
    pub(crate) stack: Vec<Value>,
    pub(crate) top: usize,
    pub(crate) frames: Vec<Frame>,
    pub(crate) open_upvalues: Vec<(usize, UpvalRef)>,
    pub(crate) error_handler: Option<Value>,
    pub(crate) non_yieldable: u32,
    pub(crate) hook: super::HookState,
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
            state: ThreadState {
                stack: Vec::new(),
                top: 0,
                frames: Vec::new(),
                open_upvalues: Vec::new(),
                error_handler: None,
                non_yieldable: 1,
                hook: super::HookState::default(),
            },
            status: ThreadStatus::Running,
            resuming: ThreadRef(0),
            loop_resumable: false,
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
            state: ThreadState {
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
            },
            status: ThreadStatus::Fresh,
            resuming: ThreadRef(0),
            loop_resumable: false,
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

    /// The slot holding the state of `thread`, which is not the running thread: its own, or,
    /// while it waits for a coroutine it resumed, that coroutine's.
    #[inline]
    pub(crate) fn state_index(&self, thread: ThreadRef) -> usize {
        state_index(&self.threads.items, thread)
    }

    /// The state of `thread`, which is not the running thread.
    pub(crate) fn thread_state(&self, thread: ThreadRef) -> &ThreadState {
        &self.threads.items[self.state_index(thread)].state
    }

    /// The state of `thread`, which is not the running thread, to change it.
    pub(crate) fn thread_state_mut(&mut self, thread: ThreadRef) -> &mut ThreadState {
        let index = self.state_index(thread);
        &mut self.threads.items[index].state
    }

    /// Swaps the running thread's state with the one kept in slot `index`.
    fn swap_state(&mut self, index: usize) {
        let slot = &mut self.threads.items[index].state;
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
        let index = self.state_index(thread);
        self.swap_state(index);
        self.current_thread = thread;
        let result = inspect(self);
        self.current_thread = back;
        self.swap_state(index);
        result
    }

    /// Resumes `co` with `args` (`lua_resume`), for an embedder. An interruption by the
    /// instruction budget is returned as an error; every other outcome is a `Resumed`.
    pub fn resume(&mut self, co: ThreadRef, args: &[Value]) -> Result<Resumed, LuaError> {
        let first = self.top;
        self.ensure_stack(args.len())?;
        for &arg in args {
            self.push(arg);
        }
        let resumed = match self.resume_on_stack(co, first, 0)? {
            Ok(n) => Resumed::Values(self.stack[first..first + n].to_vec()),
            Err(error) => Resumed::Error(error),
        };
        self.top = first;
        Ok(resumed)
    }

    /// Resumes `co` with the values `stack[first..top]` of the running thread, as
    /// `coroutine.resume` and `wrap` do (`auxresume`). The arguments move to the coroutine
    /// and the values it yields or returns take their place, moved from stack to stack
    /// (`lua_xmove` both ways): `Ok(n)` leaves them at `stack[first + gap..first + gap + n]`,
    /// ending at the top, with `gap` slots below them for the caller to fill (at most one,
    /// `coroutine.resume`'s `true`). `Err` is a resume that failed, with the error value (or
    /// PUC's message for a coroutine that cannot run); the top is then at or above `first`.
    /// The outer error is an interruption by the instruction budget.
    pub(crate) fn resume_on_stack(
        &mut self,
        co: ThreadRef,
        first: usize,
        gap: usize,
    ) -> Result<Result<usize, Value>, LuaError> {
        let n_args = self.top - first;
        let status = match self.check_resume(co, n_args) {
            Ok(status) => status,
            Err(message) => return Ok(Err(self.string(message))),
        };
        let resumer = self.current_thread;
        self.enter_coroutine(co, first);
        let outcome = self.run_resumed(status, n_args);
        self.exit_coroutine(resumer, outcome, gap)
    }

    /// Whether `co` can be resumed with `n_args` values (the checks of `auxresume` and
    /// `lua_resume`): its status, `Fresh` or `Suspended`, or PUC's message.
    fn check_resume(&self, co: ThreadRef, n_args: usize) -> Result<ThreadStatus, &'static [u8]> {
        let co_top = if co == self.current_thread {
            self.top
        } else {
            self.thread_state(co).top
        };
        if co_top + n_args + EXTRA_STACK > MAX_STACK {
            return Err(b"too many arguments to resume");
        }
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
                let frame = if co == self.current_thread {
                    self.frames.last()
                } else {
                    self.thread_state(co).frames.last()
                };
                return Err(if co_top <= frame.map_or(0, |f| f.base) {
                    b"cannot resume dead coroutine"
                } else {
                    b"cannot resume non-suspended coroutine"
                });
            }
            ThreadStatus::Finished | ThreadStatus::Dead => {
                return Err(b"cannot resume dead coroutine");
            }
            ThreadStatus::Fresh | ThreadStatus::Suspended => {}
        }
        if self.native_calls + 1 >= MAX_C_CALLS {
            return Err(b"C stack overflow");
        }
        Ok(status)
    }

    /// Makes `co`, which [`Lua::check_resume`] accepted, the running thread, with the values
    /// `stack[first..top]` moved to the top of its stack.
    fn enter_coroutine(&mut self, co: ThreadRef, first: usize) {
        let n_args = self.top - first;
        // The arguments leave the resumer's stack; nothing runs before they are copied, so
        // their slots above the top stay as they are.
        self.top = first;
        self.switch_to(co);
        self.push_from_slot(co.0 as usize, first..first + n_args);
    }

    /// Makes `co` the running thread, the running one waiting for it (`Normal`): the
    /// resumer's state goes to the coroutine's slot, the coroutine's comes out of it.
    fn switch_to(&mut self, co: ThreadRef) {
        let slot = &mut self.threads.items[self.current_thread.0 as usize];
        slot.status = ThreadStatus::Normal;
        slot.resuming = co;
        self.swap_state(co.0 as usize);
        self.current_thread = co;
        let slot = &mut self.threads.items[co.0 as usize];
        slot.status = ThreadStatus::Running;
        slot.loop_resumable = false;
        self.native_calls += 1;
    }

    /// Makes `resumer` the running thread again, the running coroutine leaving with `status`;
    /// its state goes back to its slot.
    fn switch_back(&mut self, resumer: ThreadRef, status: ThreadStatus) {
        let co = self.current_thread;
        self.native_calls -= 1;
        self.swap_state(co.0 as usize);
        self.current_thread = resumer;
        self.threads.items[co.0 as usize].status = status;
        self.threads.items[resumer.0 as usize].status = ThreadStatus::Running;
    }

    /// Makes `resumer` the running thread again after the running coroutine's run ended with
    /// `outcome`, and moves the values it yielded or returned to the resumer's stack, as
    /// [`Lua::resume_on_stack`] says, with `gap` slots below them.
    fn exit_coroutine(
        &mut self,
        resumer: ThreadRef,
        outcome: Result<(), LuaError>,
        gap: usize,
    ) -> Result<Result<usize, Value>, LuaError> {
        let co = self.current_thread;
        // The values for the resumer stay in the coroutine's stack, just above its new top,
        // until they are copied below.
        let (status, result) = match outcome {
            Ok(()) => {
                let values = 1..self.top;
                self.top = 1;
                (ThreadStatus::Finished, Ok(Ok(values)))
            }
            Err(error) if error.kind == ErrorKind::Yield => {
                let values = self.top - self.yielded..self.top;
                self.top = values.start;
                // The suspended native frame keeps no temporaries.
                if let Some(frame) = self.frames.last() {
                    if matches!(frame.kind, FrameKind::Native(_)) {
                        self.top = self.top.min(frame.base);
                    }
                }
                (ThreadStatus::Suspended, Ok(Ok(values)))
            }
            Err(error) if error.kind == ErrorKind::Interrupted => (ThreadStatus::Dead, Err(error)),
            Err(error) => (ThreadStatus::Dead, Ok(Err(error.value))),
        };
        self.switch_back(resumer, status);
        match result? {
            // `lua_checkstack(L, nres + 1)`: the values and a boolean must fit.
            Ok(values) if self.top + EXTRA_STACK + values.len() + 1 > MAX_STACK => {
                Ok(Err(self.string(b"too many results to resume")))
            }
            Ok(values) => {
                let n = values.len();
                self.top += gap;
                self.push_from_slot(co.0 as usize, values);
                Ok(Ok(n))
            }
            Err(error) => Ok(Err(error)),
        }
    }

    /// Marks `function`, a native function, as one that switches threads.
    pub(crate) fn set_thread_switch(&mut self, function: Value, switch: ThreadSwitch) {
        if let Value::NativeFn(f) = function {
            self.heap.native_fn_mut(f).switch = switch;
        }
    }

    /// `coroutine.resume`'s results from what [`Lua::resume_on_stack`] gave with a gap of one
    /// at `first`: `true` and the values, or `false` and the error (`luaB_coresume`).
    pub(crate) fn resume_results(&mut self, first: usize, resumed: Result<usize, Value>) -> usize {
        match resumed {
            Ok(n) => {
                self.stack[first] = Value::Bool(Truth::True);
                n + 1
            }
            Err(error) => {
                self.push(Value::Bool(Truth::False));
                self.push(error);
                2
            }
        }
    }

    /// A `wrap` function's results from what [`Lua::resume_on_stack`] gave: the values, or
    /// the error raised again, with the caller's position added to a string (`auxwrap`).
    pub(crate) fn wrap_results(
        &mut self,
        resumed: Result<usize, Value>,
    ) -> Result<usize, LuaError> {
        resumed.map_err(|error| self.error_with_level(error, 1))
    }

    /// A call from the interpreter loop to a function that switches threads, whose native
    /// frame [`Lua::precall`] pushed (`Called::Switch`). Returns whether the loop now runs
    /// another thread, whose top frame it is to run; otherwise the function was called.
    ///
    /// The loop resumes a coroutine in place of `coroutine.resume` or a `wrap` function when
    /// the coroutine is fresh with a Lua function, or suspended by a yield made in the loop,
    /// and no hook is set: it switches to it, pushes a [`LoopResume`], and runs it from its
    /// first frame on, with that frame as its entry depth. A yield in that coroutine from the
    /// same loop switches back the same way, and completes the resumer's call. Every frame of
    /// such a coroutine was called from the loop by the frame below, as a frame the loop runs
    /// must be, which is why only a yield made in the loop leaves it resumable there; one made
    /// below the loop left Rust frames behind, which only [`Lua::unroll`] can replace.
    pub(crate) fn switch_call(
        &mut self,
        loop_base: usize,
        entry_depth: &mut usize,
    ) -> Result<bool, LuaError> {
        let base = self.current_base();
        let Some(&Frame {
            kind: FrameKind::Native(f),
            ..
        }) = self.frames.last()
        else {
            unreachable!("a native function switches threads")
        };
        let native = self.heap.native_fn(f);
        let (switch, function) = (native.switch, native.function);
        let target = match switch {
            ThreadSwitch::Yield
                if self.loop_resumes.len() > loop_base
                    && self.non_yieldable == 0
                    && self.hook.mask == 0 =>
            {
                self.loop_yield(base, entry_depth)?;
                return Ok(true);
            }
            ThreadSwitch::Resume if self.top > base => match self.stack[base] {
                Value::Thread(co) => Some((co, base + 1)),
                _ => None,
            },
            ThreadSwitch::Wrap => match native.upvalues.first() {
                Some(&Value::Thread(co)) => Some((co, base)),
                _ => None,
            },
            _ => None,
        };
        if let Some((co, first)) = target {
            if self.loop_resume(co, first, switch, entry_depth)? {
                return Ok(true);
            }
        }
        let n = function(self)?;
        self.finish_native(n)?;
        Ok(false)
    }

    /// The call a generic for makes to its iterator, `stack[func]` with two arguments
    /// (TFORCALL, `luaD_call`): it counts a C level while it lasts, as every call from the
    /// loop's native side does, and it can be crossed by a yield. When the iterator switches
    /// threads (a `wrap` generator), the loop switches as a call from Lua code lets it (see
    /// [`Lua::switch_call`]), and the level lasts until the coroutine switches back. Returns
    /// whether the loop now runs another thread.
    pub(crate) fn call_iterator(
        &mut self,
        func: usize,
        n_results: i32,
        loop_base: usize,
        entry_depth: &mut usize,
    ) -> Result<bool, LuaError> {
        if self.native_calls + 1 >= MAX_C_CALLS {
            // PUC's error for the call, made the usual way.
            self.call_at(func, n_results)?;
            return Ok(false);
        }
        self.native_calls += 1;
        let pending = self.loop_resumes.len();
        let result = match self.precall(func, n_results, true) {
            Ok(Called::Lua) => self.execute().map(|()| false),
            Ok(Called::Native) => Ok(false),
            Ok(Called::Switch) => self.switch_call(loop_base, entry_depth),
            Err(error) => Err(error),
        };
        match self.loop_resumes.get_mut(pending) {
            Some(record) => record.iterator_level = true,
            None => self.native_calls -= 1,
        }
        result
    }

    /// Switches to `co`, resumed with the values `stack[first..top]` by the function `switch`
    /// names, if the loop can run it (see [`Lua::switch_call`]); returns whether it did.
    fn loop_resume(
        &mut self,
        co: ThreadRef,
        first: usize,
        switch: ThreadSwitch,
        entry_depth: &mut usize,
    ) -> Result<bool, LuaError> {
        let n_args = self.top - first;
        let Ok(status) = self.check_resume(co, n_args) else {
            return Ok(false);
        };
        let slot = &self.threads.items[co.0 as usize];
        let fresh = status == ThreadStatus::Fresh;
        let runnable = if fresh {
            matches!(slot.state.stack[1], Value::LuaFn(_))
        } else {
            slot.loop_resumable
        };
        if !runnable || self.hook.mask != 0 || slot.state.hook.mask != 0 {
            return Ok(false);
        }
        self.loop_resumes.push(LoopResume {
            resumer: self.current_thread,
            entry_depth: *entry_depth,
            switch,
            iterator_level: false,
        });
        *entry_depth = 1;
        if fresh {
            self.enter_coroutine(co, first);
            self.precall(1, MULTRET, false)?;
        } else {
            // The arguments go straight to where the `yield` that suspended the coroutine
            // was, as its results.
            self.top = first;
            self.switch_to(co);
            let frame = self.frames.pop().expect("the suspended yield's frame");
            self.return_from_slot(frame, false, co.0 as usize, first..first + n_args);
        }
        Ok(true)
    }

    /// A yield of the values `stack[base..top]` from a coroutine the loop switched to, in the
    /// same loop: back to its resumer, whose call it completes.
    fn loop_yield(&mut self, base: usize, entry_depth: &mut usize) -> Result<(), LuaError> {
        let co = self.current_thread;
        let n = self.top - base;
        self.yielded = n;
        self.threads.items[co.0 as usize].loop_resumable = true;
        let record = *self.loop_resumes.last().expect("a coroutine to leave");
        // The resumer's state waits in the coroutine's slot. The general way takes over when
        // a hook was set on the resumer meanwhile, for the return event of its call, and
        // when the values and a boolean do not fit (`lua_checkstack(L, nres + 1)`), for the
        // resume's failure.
        let resumer = &self.threads.items[co.0 as usize].state;
        if resumer.hook.mask != 0 || resumer.top + EXTRA_STACK + n + 1 > MAX_STACK {
            let outcome = Err(LuaError {
                value: Value::Nil,
                kind: ErrorKind::Yield,
            });
            return self.leave_loop_coroutine(outcome, entry_depth);
        }
        self.loop_resumes.pop();
        *entry_depth = record.entry_depth;
        self.native_calls -= u32::from(record.iterator_level);
        // The values stay just above the coroutine's top until they are copied.
        self.top = base;
        self.switch_back(record.resumer, ThreadStatus::Suspended);
        let frame = self.frames.pop().expect("the resuming call's frame");
        let with_true = record.switch == ThreadSwitch::Resume;
        self.return_from_slot(frame, with_true, co.0 as usize, base..base + n);
        Ok(())
    }

    /// Ends the call of `frame`, just popped, as [`Lua::poscall`] and the end of the CALL
    /// instruction that made it do, with `true` first if `with_true`, then the values `range`
    /// of the stack kept in slot `slot`, as its results: `lua_xmove` and `luaD_poscall` in one
    /// copy.
    fn return_from_slot(
        &mut self,
        frame: Frame,
        with_true: bool,
        slot: usize,
        range: std::ops::Range<usize>,
    ) {
        let destination = frame.func;
        let n_head = usize::from(with_true);
        let total = n_head + range.len();
        let all = frame.n_results == MULTRET;
        let wanted = if all { total } else { frame.n_results as usize };
        let end = destination + wanted;
        if end + EXTRA_STACK > self.stack.len() {
            self.top = destination;
            self.ensure_stack(wanted)
                .expect("the values were checked to fit");
        }
        let results = &mut self.stack[destination..end];
        let values = &self.threads.items[slot].state.stack[range];
        if with_true && wanted > 0 {
            results[0] = Value::Bool(Truth::True);
        }
        // Few values move: a loop beats a call to `memcpy`.
        let mut copied = n_head.min(wanted);
        for &value in values.iter().take(wanted - copied) {
            results[copied] = value;
            copied += 1;
        }
        for result in &mut results[copied..] {
            *result = Value::Nil;
        }
        self.top = if all {
            end
        } else {
            self.frames.last().expect("the calling frame").top
        };
    }

    /// Switches from the running coroutine, which the interpreter loop switched to, back to
    /// its resumer after the coroutine's run ended with `outcome`, and completes the
    /// resumer's call to `coroutine.resume` or its `wrap` function, up to the end of the CALL
    /// instruction that made it. An error is raised in the resumer: a `wrap` function's, or an
    /// interruption.
    pub(crate) fn leave_loop_coroutine(
        &mut self,
        outcome: Result<(), LuaError>,
        entry_depth: &mut usize,
    ) -> Result<(), LuaError> {
        let record = self.loop_resumes.pop().expect("a coroutine to leave");
        *entry_depth = record.entry_depth;
        self.native_calls -= u32::from(record.iterator_level);
        let gap = usize::from(record.switch == ThreadSwitch::Resume);
        let resumed = self.exit_coroutine(record.resumer, outcome, gap)?;
        let frame = *self.frames.last().expect("the resuming call's frame");
        let n = if gap == 1 {
            self.resume_results(frame.base + 1, resumed)
        } else {
            self.wrap_results(resumed)?
        };
        self.finish_native(n)?;
        if frame.n_results != MULTRET {
            self.top = self.frames.last().expect("the calling frame").top;
        }
        Ok(())
    }

    /// Pushes the values `range` of the stack kept in slot `slot` (`lua_xmove` between two
    /// threads). The caller has checked that they fit under [`MAX_STACK`].
    fn push_from_slot(&mut self, slot: usize, range: std::ops::Range<usize>) {
        self.ensure_stack(range.len())
            .expect("the values were checked to fit");
        let end = self.top + range.len();
        self.stack[self.top..end].copy_from_slice(&self.threads.items[slot].state.stack[range]);
        self.top = end;
    }

    /// Runs a coroutine that was just made the running thread, with `n_args` arguments on
    /// top of its stack, from its start or from its last yield (`resume` in ldo.c).
    fn run_resumed(&mut self, status: ThreadStatus, n_args: usize) -> Result<(), LuaError> {
        if status == ThreadStatus::Fresh {
            if self.precall(1, MULTRET, false)? == Called::Lua {
                self.execute()?;
            }
            return Ok(());
        }
        // The `yield` that suspended the coroutine returns the resume arguments.
        self.return_hook()?;
        self.poscall(self.top - n_args, n_args);
        self.unroll()
    }

    /// Yields `values` to the resumer (`lua_yieldk`), or fails where PUC does: outside a
    /// coroutine, or under a call that cannot be crossed.
    pub fn yield_values(&mut self, values: Vec<Value>) -> LuaError {
        if let Err(error) = self.ensure_stack(values.len()) {
            return error;
        }
        for &value in &values {
            self.push(value);
        }
        self.yield_on_stack(values.len())
    }

    /// Yields the top `n` values of the stack to the resumer, as [`Lua::yield_values`] does.
    pub(crate) fn yield_on_stack(&mut self, n: usize) -> LuaError {
        if self.non_yieldable > 0 {
            let message: &[u8] = if self.is_main_thread(self.current_thread) {
                b"attempt to yield from outside a coroutine"
            } else {
                b"attempt to yield across a C-call boundary"
            };
            return self.runtime_error(message);
        }
        self.yielded = n;
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
                self.insert_below(frame.base, Value::Bool(Truth::True));
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
        self.push(Value::Bool(Truth::False));
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

/// [`Lua::state_index`] over the thread slots alone, for code that holds other parts of the
/// state borrowed.
#[inline]
pub(crate) fn state_index(threads: &[Thread], thread: ThreadRef) -> usize {
    let slot = &threads[thread.0 as usize];
    if slot.status == ThreadStatus::Normal {
        slot.resuming.0 as usize
    } else {
        thread.0 as usize
    }
}
