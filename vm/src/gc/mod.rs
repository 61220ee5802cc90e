//! The garbage collector: an incremental tri-color mark-and-sweep collector driven by
//! allocation debt, with weak tables, ephemerons and finalizers. Mirrors lgc.c of PUC Lua 5.3.6
//! (its states, its pacing, its atomic phase) and the `collectgarbage` half of lapi.c's
//! `lua_gc`; semantics in manual §2.5.
//!
//! How it runs:
//! - Allocation adds to the heap's byte count. When the count passes `threshold` (PUC's
//!   positive `GCdebt`), the next *safe point* runs a step: `NEWTABLE`, `CONCAT` and `CLOSURE`
//!   (where lvm.c calls `luaC_checkGC`, with the same limit of live registers), the return of
//!   every native function (where the C API would have checked), and `collectgarbage`. At a
//!   safe point every live value is in a root: a thread's stack below its top, the state's
//!   fields, or an object reachable from them. Rust code never holds an unrooted value across
//!   a safe point: native functions that call Lua keep what they still need on their stack.
//! - A cycle goes `Pause → Propagate → Atomic → Sweep → CallFinalizers → Pause`. Propagate and
//!   Sweep are incremental: each step does about `stepmul`% of the work the debt asks for.
//!   The atomic phase is one step, as in PUC: it re-marks the roots, the threads and what the
//!   barriers made gray again, settles ephemerons, separates objects to finalize, and clears
//!   weak tables. Its cost is proportional to the threads' stacks, the weak tables and the
//!   objects with finalizers, never to the whole heap.
//! - No pause is proportional to the whole heap, except `collectgarbage("collect")`, which is
//!   a full cycle by definition, and the emergency collection of a memory limit.

mod finalize;
mod mark;
mod sweep;
#[cfg(test)]
mod tests;
mod verify;

use std::collections::VecDeque;

use crate::value::Value;
use crate::vm::{ErrorKind, Lua, LuaError};

pub(crate) use sweep::THREAD_BYTES;
pub use verify::HeapError;

/// The kinds of objects, in the order the sweep visits their slabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Table,
    LuaFn,
    NativeFn,
    Upvalue,
    Userdata,
    Thread,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::String,
        Kind::Table,
        Kind::LuaFn,
        Kind::NativeFn,
        Kind::Upvalue,
        Kind::Userdata,
        Kind::Thread,
    ];
}

/// A gray object: reached, its references still to traverse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gray {
    Table(u32),
    LuaFn(u32),
    NativeFn(u32),
    Upvalue(u32),
    Userdata(u32),
    Thread(u32),
}

impl Gray {
    /// The object's slot in its slab.
    #[inline]
    pub(crate) fn index(self) -> usize {
        let (Gray::Table(i)
        | Gray::LuaFn(i)
        | Gray::NativeFn(i)
        | Gray::Upvalue(i)
        | Gray::Userdata(i)
        | Gray::Thread(i)) = self;
        i as usize
    }

    /// The gray-list entry of a value's object, if it is one with references to traverse
    /// (strings have none).
    #[inline]
    pub(crate) fn of(value: Value) -> Option<Gray> {
        match value {
            Value::Table(t) => Some(Gray::Table(t.0)),
            Value::LuaFn(f) => Some(Gray::LuaFn(f.0)),
            Value::NativeFn(f) => Some(Gray::NativeFn(f.0)),
            Value::Userdata(u) => Some(Gray::Userdata(u.0)),
            Value::Thread(t) => Some(Gray::Thread(t.0)),
            _ => None,
        }
    }
}

/// Where the collector is in its cycle (`gcstate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Pause,
    Propagate,
    Atomic,
    Sweep,
    CallFinalizers,
}

/// Sets the touched flag of upvalue cell `cell` in `touched`.
fn touch(touched: &mut Vec<bool>, cell: u32) {
    let cell = cell as usize;
    if cell >= touched.len() {
        touched.resize(cell + 1, false);
    }
    touched[cell] = true;
}

/// PUC's tuning constants (lgc.c), in bytes and work units.
const STEP_SIZE: isize = 100 * 24; // GCSTEPSIZE: 100 * sizeof(TString)
const STEP_MUL_ADJ: isize = 200; // STEPMULADJ
const PAUSE_ADJ: usize = 100; // PAUSEADJ
const SWEEP_MAX: usize = 80; // GCSWEEPMAX: slots swept per step
const SWEEP_COST: usize = 7; // GCSWEEPCOST: work units per slot swept
const FINALIZE_COST: usize = SWEEP_COST; // GCFINALIZECOST
const FINALIZERS_PER_STEP: usize = 4; // GCFINALIZENUM
/// The defaults of `setpause` and `setstepmul` (LUAI_GCPAUSE, LUAI_GCMUL).
const DEFAULT_PAUSE: i64 = 200;
const DEFAULT_STEP_MUL: i64 = 200;

/// The collector's state (the GC half of PUC's `global_State`).
#[derive(Debug)]
pub struct Collector {
    pub(crate) phase: Phase,
    /// Whether barriers are needed: marking is in progress (`keepinvariant`).
    pub(crate) marking: bool,
    pub(crate) gray: Vec<Gray>,
    pub(crate) gray_again: Vec<Gray>,
    /// Weak tables found in the atomic phase: weak values only (`weak`), weak keys with strong
    /// values (`ephemeron`), both weak (`allweak`), by table index.
    pub(crate) weak: Vec<u32>,
    pub(crate) ephemeron: Vec<u32>,
    pub(crate) all_weak: Vec<u32>,
    /// Open upvalues a traversed closure uses, or new ones (`u.open.touched`), by cell index.
    touched: Vec<bool>,
    /// The cycle number, to traverse each prototype once per cycle.
    pub(crate) epoch: u32,
    /// While sweeping, the slab being swept and, per kind, the end of the slots not yet swept
    /// (the sweep goes down each slab; `u32::MAX` before it starts on one).
    sweeping: bool,
    sweep_kind: usize,
    sweep_cursor: [u32; 7],
    /// Objects with a finalizer, in the order they were marked for finalization (`finobj`).
    pub(crate) finobj: Vec<Value>,
    pub(crate) finobj_set: crate::hash::FastMap<u64, ()>,
    /// Objects found dead whose finalizers have not run yet, first to run first (`tobefnz`).
    pub(crate) to_finalize: VecDeque<Value>,
    /// `collectgarbage("stop")` clears it (`gcrunning`); finalizers run with it cleared.
    pub(crate) running: bool,
    pub(crate) pause: i64,
    pub(crate) step_mul: i64,
    /// A step runs when the heap's byte count reaches this: `debt_threshold`, or 0 in stress
    /// mode.
    pub(crate) threshold: usize,
    /// PUC's debt is the byte count minus this.
    debt_threshold: usize,
    /// The bytes in use after the last cycle, less what its sweep freed (`GCestimate`).
    estimate: usize,
    /// An emergency collection is running: no finalizers (`KGC_EMERGENCY`).
    emergency: bool,
    /// The most bytes the heap may hold, set by the embedder.
    pub(crate) memory_limit: Option<usize>,
    /// Collect at every safe point (`FERROLUA_GC_STRESS`).
    pub(crate) stress: bool,
    /// In stress mode, verify the heap after every step and abort on a broken invariant
    /// (`FERROLUA_GC_VERIFY`): a debugging aid.
    verify: bool,
    /// The state was closed: finalizers ran for the last time.
    pub(crate) closed: bool,
    /// Statistics, for benchmarks: completed cycles and time spent collecting.
    pub(crate) cycles: u64,
    pub(crate) nanos: u64,
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            phase: Phase::Pause,
            marking: false,
            gray: Vec::new(),
            gray_again: Vec::new(),
            weak: Vec::new(),
            ephemeron: Vec::new(),
            all_weak: Vec::new(),
            touched: Vec::new(),
            epoch: 0,
            sweeping: false,
            sweep_kind: 0,
            sweep_cursor: [u32::MAX; 7],
            finobj: Vec::new(),
            finobj_set: Default::default(),
            to_finalize: VecDeque::new(),
            running: true,
            pause: DEFAULT_PAUSE,
            step_mul: DEFAULT_STEP_MUL,
            threshold: 64 * 1024,
            debt_threshold: 64 * 1024,
            estimate: 0,
            emergency: false,
            memory_limit: None,
            stress: std::env::var_os("FERROLUA_GC_STRESS").is_some_and(|v| v != "0"),
            verify: std::env::var_os("FERROLUA_GC_VERIFY").is_some_and(|v| v != "0"),
            closed: false,
            cycles: 0,
            nanos: 0,
        }
    }
}

impl Collector {
    /// Whether the sweep has yet to visit slot `index` of `kind`'s slab in this cycle, so that
    /// an object created there now must not look dead to it.
    #[inline]
    pub(crate) fn sweep_will_visit(&self, kind: Kind, index: u32) -> bool {
        self.sweeping && index < self.sweep_cursor[kind as usize]
    }

    /// The color a new object gets in slot `index` of `kind`'s slab (`luaC_white`, and PUC's
    /// two whites): white, except where the sweep has yet to pass, where it must look alive.
    #[inline]
    pub(crate) fn new_color(&self, kind: Kind, index: u32) -> u8 {
        if self.sweep_will_visit(kind, index) {
            crate::object::BLACK
        } else {
            crate::object::WHITE
        }
    }

    /// The back barrier (`luaC_barrierback`): while marking, a black object that changes turns
    /// gray, to be traversed again in the atomic phase. `colors` is its slab's.
    #[inline]
    pub(crate) fn barrier(&mut self, colors: &mut [u8], object: Gray) {
        if self.marking {
            let color = &mut colors[object.index()];
            if *color == crate::object::BLACK {
                *color = crate::object::GRAY;
                self.gray_again.push(object);
            }
        }
    }

    /// Marks an open upvalue as used by a live closure, or new (`touched`).
    #[inline]
    pub(crate) fn touch(&mut self, cell: u32) {
        touch(&mut self.touched, cell);
    }

    fn take_touched(&mut self, cell: u32) -> bool {
        self.touched
            .get_mut(cell as usize)
            .is_some_and(std::mem::take)
    }

    /// Sets the debt (`luaE_setdebt`): the next step comes after `-debt` more bytes.
    fn set_debt(&mut self, total: usize, debt: isize) {
        let mut threshold = (total as isize - debt).max(0) as usize;
        if let Some(limit) = self.memory_limit {
            threshold = threshold.min(limit);
        }
        self.debt_threshold = threshold;
        self.threshold = if self.stress { 0 } else { threshold };
    }

    fn debt(&self, total: usize) -> isize {
        total as isize - self.debt_threshold as isize
    }

    /// Schedules the next cycle after the pause (`setpause`): when the heap has grown to
    /// `pause`% of what survived this one.
    fn set_pause(&mut self, total: usize) {
        let estimate = (self.estimate / PAUSE_ADJ).max(1) as i64;
        let threshold = estimate.saturating_mul(self.pause).min(isize::MAX as i64) as isize;
        let debt = total as isize - threshold;
        self.set_debt(total, debt);
    }
}

// The safe point, the pacing, and the operations behind `collectgarbage` and the embedding API.
impl Lua {
    /// A safe point: runs a collection step if the debt asks for one (`luaC_checkGC`). The
    /// running thread's live values must be below `top`.
    #[inline]
    pub(crate) fn gc_check(&mut self) -> Result<(), LuaError> {
        if self.heap.total_bytes() >= self.heap.gc.threshold {
            self.gc_step()
        } else {
            Ok(())
        }
    }

    /// One automatic step (`luaC_step`), and the memory limit's check.
    #[cold]
    fn gc_step(&mut self) -> Result<(), LuaError> {
        if self.stack.is_empty() && !self.frames.is_empty() {
            // The interpreter holds the stack: not a safe point (callers lend it back first).
            debug_assert!(false, "a collection step without the stack");
            return Ok(());
        }
        let total = self.heap.total_bytes();
        if let Some(limit) = self.heap.gc.memory_limit {
            if total > limit {
                return self.out_of_memory();
            }
        }
        let gc = &mut self.heap.gc;
        if !gc.running || gc.closed {
            // Stopped: wait a while before asking again (in stress mode, where every safe
            // point asks, only once the debt is due, as PUC's `luaC_step` would).
            if gc.debt(total) >= 0 {
                gc.set_debt(total, -STEP_SIZE * 10);
            }
            return Ok(());
        }
        if gc.stress {
            // Stress mode: one step at every safe point, so cycles run back to back.
            self.single_step()?;
            if self.heap.gc.verify {
                if let Err(e) = self.verify_heap() {
                    eprintln!(
                        "heap broken after a step into {:?}: {e}",
                        self.heap.gc.phase
                    );
                    std::process::abort();
                }
            }
            if self.heap.gc.phase == Phase::CallFinalizers {
                self.run_finalizers(FINALIZERS_PER_STEP, true)?;
            }
            return Ok(());
        }
        let started = std::time::Instant::now();
        let mut debt = self.step_debt();
        loop {
            let work = self.single_step()? as isize;
            debt -= work;
            if debt <= -STEP_SIZE || self.heap.gc.phase == Phase::Pause {
                break;
            }
        }
        let total = self.heap.total_bytes();
        let gc = &mut self.heap.gc;
        gc.nanos += started.elapsed().as_nanos() as u64;
        if gc.phase == Phase::Pause {
            gc.set_pause(total);
        } else {
            let debt = (debt / gc.step_mul as isize) * STEP_MUL_ADJ;
            gc.set_debt(total, debt);
            self.run_finalizers(FINALIZERS_PER_STEP, true)?;
        }
        Ok(())
    }

    /// The debt in work units (`getdebt`).
    fn step_debt(&self) -> isize {
        let debt = self.heap.gc.debt(self.heap.total_bytes());
        if debt <= 0 {
            0
        } else {
            (debt / STEP_MUL_ADJ + 1).saturating_mul(self.heap.gc.step_mul as isize)
        }
    }

    /// The memory limit was passed: collect everything unreachable, without finalizers
    /// (`luaC_fullgc(L, 1)`), and fail with PUC's `not enough memory` if that is not enough.
    #[cold]
    fn out_of_memory(&mut self) -> Result<(), LuaError> {
        let result = self.check_memory(0);
        if result.is_err() {
            // Keep checking at every safe point until memory is back under the limit.
            self.heap.gc.threshold = 0;
        }
        result
    }

    /// PUC's memory error: the message `not enough memory`, no message handler.
    #[cold]
    pub(crate) fn memory_error(&mut self) -> LuaError {
        LuaError {
            value: self.string(b"not enough memory"),
            kind: ErrorKind::Memory,
        }
    }

    /// Fails with a memory error if `extra` more bytes would pass the memory limit, after an
    /// emergency collection; for native functions about to build something large.
    pub fn check_memory(&mut self, extra: usize) -> Result<(), LuaError> {
        let Some(limit) = self.heap.gc.memory_limit else {
            return Ok(());
        };
        if self.heap.total_bytes().saturating_add(extra) <= limit {
            return Ok(());
        }
        self.full_gc(true)?;
        if self.heap.total_bytes().saturating_add(extra) > limit {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// One step of the collector's cycle (`singlestep`); returns the work done.
    fn single_step(&mut self) -> Result<usize, LuaError> {
        Ok(match self.heap.gc.phase {
            Phase::Pause => {
                self.start_cycle();
                self.heap.gc.phase = Phase::Propagate;
                self.heap.gc.marking = true;
                0
            }
            Phase::Propagate => {
                if self.heap.gc.gray.is_empty() {
                    self.heap.gc.phase = Phase::Atomic;
                    0
                } else {
                    self.propagate_one()
                }
            }
            Phase::Atomic => {
                let work = self.atomic();
                self.enter_sweep();
                self.heap.gc.estimate = self.heap.total_bytes();
                work
            }
            Phase::Sweep => {
                let freed_before = self.heap.total_bytes();
                let work = self.sweep_step();
                let freed = freed_before.saturating_sub(self.heap.total_bytes());
                let gc = &mut self.heap.gc;
                gc.estimate = gc.estimate.saturating_sub(freed);
                if !gc.sweeping {
                    gc.phase = Phase::CallFinalizers;
                    gc.cycles += 1;
                }
                work
            }
            Phase::CallFinalizers => {
                if !self.heap.gc.to_finalize.is_empty() && !self.heap.gc.emergency {
                    let n = self.run_finalizers(FINALIZERS_PER_STEP, true)?;
                    n * FINALIZE_COST
                } else {
                    self.heap.gc.phase = Phase::Pause;
                    0
                }
            }
        })
    }

    /// Runs steps until the collector reaches `phase` (`luaC_runtilstate`).
    fn run_until(&mut self, phase: Phase) -> Result<(), LuaError> {
        while self.heap.gc.phase != phase {
            self.single_step()?;
        }
        Ok(())
    }

    /// Runs steps until the collector leaves `phase`.
    fn run_while(&mut self, phase: Phase) -> Result<(), LuaError> {
        while self.heap.gc.phase == phase {
            self.single_step()?;
        }
        Ok(())
    }

    /// A full collection (`luaC_fullgc`). In an emergency no finalizer runs.
    pub(crate) fn full_gc(&mut self, emergency: bool) -> Result<(), LuaError> {
        let started = std::time::Instant::now();
        self.heap.gc.emergency = emergency;
        let result = self.full_gc_steps();
        let total = self.heap.total_bytes();
        let gc = &mut self.heap.gc;
        gc.emergency = false;
        gc.nanos += started.elapsed().as_nanos() as u64;
        if result.is_ok() {
            gc.set_pause(total);
        }
        result
    }

    fn full_gc_steps(&mut self) -> Result<(), LuaError> {
        if matches!(self.heap.gc.phase, Phase::Propagate | Phase::Atomic) {
            // Marking was under way: start over (`entersweep` turning everything white).
            self.abort_marking();
        }
        // Finish a pending sweep and its finalizers, then a whole new cycle.
        self.run_until(Phase::Pause)?;
        self.run_while(Phase::Pause)?;
        self.run_until(Phase::CallFinalizers)?;
        self.run_until(Phase::Pause)
    }

    // ---- collectgarbage ----

    /// `collectgarbage("collect")`.
    pub fn gc_collect(&mut self) -> Result<(), LuaError> {
        self.full_gc(false)
    }

    /// `collectgarbage("step", kb)`: true when the step finished a cycle (`LUA_GCSTEP`).
    pub fn gc_step_api(&mut self, kilobytes: i64) -> Result<bool, LuaError> {
        let was_running = self.heap.gc.running;
        self.heap.gc.running = true;
        let total = self.heap.total_bytes();
        let mut debt: isize = 1;
        // Explicit steps do the work PUC's would, stress mode or not.
        let stress = std::mem::replace(&mut self.heap.gc.stress, false);
        let result = if kilobytes <= 0 {
            self.heap.gc.set_debt(total, -STEP_SIZE);
            self.gc_step()
        } else {
            debt = (kilobytes as isize)
                .saturating_mul(1024)
                .saturating_add(self.heap.gc.debt(total));
            self.heap.gc.set_debt(total, debt);
            self.gc_check()
        };
        self.heap.gc.stress = stress;
        self.heap.gc.running = was_running;
        let total = self.heap.total_bytes();
        let debt_now = self.heap.gc.debt(total);
        self.heap.gc.set_debt(total, debt_now);
        result?;
        Ok(debt > 0 && self.heap.gc.phase == Phase::Pause)
    }

    /// `collectgarbage("stop")` and `("restart")`.
    pub fn gc_set_running(&mut self, running: bool) {
        let total = self.heap.total_bytes();
        if running {
            self.heap.gc.set_debt(total, 0);
        }
        self.heap.gc.running = running;
    }

    /// `collectgarbage("isrunning")`.
    pub fn gc_is_running(&self) -> bool {
        self.heap.gc.running
    }

    /// `collectgarbage("count")`: kilobytes in use by objects, each at its real size (see
    /// `object`). As in PUC, whose count is what it asked `malloc` for and has not freed, the
    /// allocator's free memory is not in it: here that is the free slots of the slabs, which
    /// [`Lua::memory_in_use`] adds.
    pub fn gc_count(&self) -> f64 {
        self.heap.total_bytes() as f64 / 1024.0
    }

    /// The bytes the state holds for its objects: the objects themselves and the slack of the
    /// slabs that hold them (free slots and spare capacity). Not counted: prototypes, which
    /// are shared by reference, and what coroutine stacks grow by.
    pub fn memory_in_use(&self) -> usize {
        self.heap.total_bytes() + self.heap.slack_bytes() + self.threads.slack_bytes()
    }

    /// `collectgarbage("setpause", p)`: returns the previous value.
    pub fn gc_set_pause(&mut self, pause: i64) -> i64 {
        std::mem::replace(&mut self.heap.gc.pause, pause)
    }

    /// `collectgarbage("setstepmul", m)`: returns the previous value; values below 40 become 40.
    pub fn gc_set_step_mul(&mut self, step_mul: i64) -> i64 {
        std::mem::replace(&mut self.heap.gc.step_mul, step_mul.max(40))
    }

    /// Limits the heap to `bytes` (for embedders): past it, allocation fails with the error
    /// `not enough memory`, which `pcall` catches; the state stays usable.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.heap.gc.memory_limit = bytes;
        let total = self.heap.total_bytes();
        let debt = self.heap.gc.debt(total);
        self.heap.gc.set_debt(total, debt);
    }

    /// Collects at every safe point, to find missing roots and barriers (what the environment
    /// variable `FERROLUA_GC_STRESS` switches on for a whole process).
    pub fn set_gc_stress(&mut self, stress: bool) {
        self.heap.gc.stress = stress;
        let total = self.heap.total_bytes();
        self.heap.gc.set_debt(total, 0);
    }

    /// Collector statistics: completed cycles, and seconds spent collecting.
    pub fn gc_stats(&self) -> (u64, f64) {
        let gc = &self.heap.gc;
        (gc.cycles, gc.nanos as f64 / 1e9)
    }
}
