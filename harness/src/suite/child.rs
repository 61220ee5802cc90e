//! `conform run-trial`: one suite file run in one engine, in the current process, whose working
//! directory the parent made the suite's scratch copy.
//!
//! The run is the standalone interpreter's, as far as a test file can tell: the global `arg`
//! holds the interpreter at `arg[-1]` and the file at `arg[0]`, the mode's preamble runs first
//! in the same state, then the file is loaded with the global `loadfile` and called from the
//! host with the original `xpcall` and a message handler that does what lua.c's `msghandler`
//! does ([`HANDLER_SOURCE`]): the error as a string, followed by its traceback, which locates
//! the failure. The handler must be lua.c's, not the language corpus's: `load` runs a reader
//! function under the current handler, and calls.lua checks the message that comes back. big.lua
//! is instead driven by a coroutine, as all.lua drives it. What the file prints goes to the real
//! standard output; the result is the last line, written by [`protocol::encode`].
//!
//! Limits. ferrolua runs within an instruction budget ([`FERROLUA_INSTRUCTION_BUDGET`]) and a
//! resident-memory limit (read from `/proc/self/status`, so on Linux only), since it has no
//! garbage collector yet; a watchdog thread interrupts it through
//! [`ferrolua::vm::Lua::interrupt_handle`] when the wall-clock limit or the memory limit is
//! reached, and the frames left on the stack locate where it was. The reference runs with a memory limit and only the wall-clock watchdog: an
//! instruction-count hook would be visible to `debug.gethook`, and db.lua checks at its line 16
//! that no hook is set (REFERENCE-NOTES.md). PUC Lua cannot be interrupted from another thread,
//! so its watchdog ends the process.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ferrolua::value::Value;
use ferrolua::vm::Lua;
use ferrolua::ChunkMode;
use mlua::{Function, MultiValue};

use super::{protocol, EngineKind, Mode, SideResult, SideStatus, BIG_FILE};
use crate::engine::ferrolua::{on_large_stack, protected, wrapper_function, Failure};
use crate::engine::reference::new_state;
use crate::engine::wrapper::WRAPPER_CHUNK_NAME;
use crate::engine::Budget;

/// VM instructions a ferrolua run may execute. The busiest files on PUC Lua execute about
/// 2.1 × 10⁷ instructions (errors.lua in default mode; constructs.lua and sort.lua 1.0 × 10⁷,
/// measured with a count hook), so this leaves a margin of about ten, and stops a loop that
/// never ends within seconds even in a debug build. (A loop that waits for the garbage
/// collector while it allocates reaches [`FERROLUA_MEMORY_LIMIT`] first.)
pub const FERROLUA_INSTRUCTION_BUDGET: u64 = 200_000_000;

/// Resident memory a ferrolua run may use. With no garbage collector, a file that allocates in a
/// loop until a collection happens would otherwise take the machine's memory.
pub const FERROLUA_MEMORY_LIMIT: u64 = 1 << 30;

/// Memory the reference's Lua state may hold; over it, allocations fail with `not enough
/// memory`. The suite needs far less, even in default mode.
pub const REFERENCE_MEMORY_LIMIT: usize = 1 << 30;

/// How long an interrupted ferrolua run gets to stop by itself before the watchdog ends the
/// process: the interrupt is seen at the next backward jump, call or return, and a long
/// library call delays it.
const INTERRUPT_GRACE: Duration = Duration::from_secs(5);

/// How often the watchdog checks the clock and the memory.
const WATCH_INTERVAL: Duration = Duration::from_millis(50);

/// The chunk that sets `arg` as lua.c does, called with the interpreter and the file.
const SETUP_SOURCE: &str =
    "local interpreter, script = ...\narg = {[-1] = interpreter, [0] = script}";

/// The chunk name of the setup and of the preamble.
const SETUP_CHUNK_NAME: &str = "=(suite setup)";

/// The message handler, as lua.c's `msghandler` (a chunk returning it): a string or number
/// becomes a string, an object with a string-returning `__tostring` becomes that string with no
/// traceback, and any other value a description of its type; then the traceback from the
/// function that raised the error is appended, as `luaL_traceback(L, L, msg, 1)` does.
const HANDLER_SOURCE: &str = "\
local traceback, type, tostring, getmetatable, rawget = debug.traceback, type, tostring, debug.getmetatable, rawget
return function(m)
  local t = type(m)
  if t == 'number' then
    m = tostring(m)
  elseif t ~= 'string' then
    local mt = getmetatable(m)
    if type(mt) == 'table' and rawget(mt, '__tostring') ~= nil then
      local s = tostring(m)
      if type(s) == 'string' then return s end
    end
    m = '(error object is a ' .. t .. ' value)'
  end
  return traceback(m, 2)
end";

/// What separates the message from the traceback in what [`HANDLER_SOURCE`] returns.
const TRACEBACK_HEADER: &str = "\nstack traceback:\n";

/// How all.lua runs big.lua, which yields from its main chunk; in soft mode, where all.lua
/// skips it, big.lua returns at once.
pub const BIG_DRIVER_SOURCE: &str = "\
local f = coroutine.wrap(assert(loadfile'big.lua'))
if not _soft then assert(f() == 'b') end
assert(f() == 'a')";

/// The chunk name of [`BIG_DRIVER_SOURCE`].
const BIG_DRIVER_CHUNK_NAME: &str = "=(coroutine driver of big.lua)";

/// What PUC Lua built without dynamic-library support answers to `package.loadlib` (`DLMSG`
/// in loadlib.c), which attrib.lua accepts in default mode; ferrolua answers the same.
const NO_DYNAMIC_LIBRARIES: &str = "dynamic libraries not enabled; check your Lua installation";

/// What one `conform run-trial` runs.
#[derive(Clone, Debug)]
pub struct ChildOptions {
    /// The engine.
    pub engine: EngineKind,
    /// The mode, whose preamble runs first.
    pub mode: Mode,
    /// The file, relative to the working directory.
    pub file: String,
    /// The standalone interpreter the file sees as `arg[-1]`.
    pub interpreter: String,
    /// The wall-clock limit.
    pub timeout: Duration,
}

/// Runs the trial, prints its result line and ends the process.
pub fn run(options: &ChildOptions) -> ! {
    let watch = Arc::new(Watch::default());
    let watchdog = Arc::clone(&watch);
    let (engine, timeout) = (options.engine, options.timeout);
    std::thread::spawn(move || watchdog.guard(engine, timeout));
    let result = match options.engine {
        EngineKind::Reference => run_reference(options),
        EngineKind::Ferrolua => run_ferrolua(options, &watch),
    };
    watch.report(&result)
}

/// Why the watchdog stopped a run.
#[derive(Clone, Copy, Debug)]
enum StopCause {
    WallClock(Duration),
    Memory,
}

impl StopCause {
    fn result(self, millis: u64) -> SideResult {
        match self {
            StopCause::WallClock(limit) => SideResult::with_message(
                SideStatus::Timeout,
                millis,
                format!("wall-clock limit of {} s exceeded", limit.as_secs()),
            ),
            // The amount used is left out so that reports stay the same from run to run.
            StopCause::Memory => SideResult::with_message(
                SideStatus::Fail,
                millis,
                format!(
                    "not enough memory: ferrolua went over the harness's limit of {} MiB of \
                     resident memory",
                    FERROLUA_MEMORY_LIMIT >> 20
                ),
            ),
        }
    }
}

/// What the main thread and the watchdog share.
#[derive(Debug, Default)]
struct Watch {
    /// Held while the result line is written; the process ends before it is released.
    reporting: Mutex<()>,
    /// ferrolua's interrupt flag, once its state exists.
    interrupt: Mutex<Option<Arc<AtomicBool>>>,
    /// Why the watchdog stopped the run, if it did.
    cause: Mutex<Option<StopCause>>,
}

impl Watch {
    /// Writes the result line and ends the process; a second caller waits for the end.
    fn report(&self, result: &SideResult) -> ! {
        let _reporting = self.reporting.lock();
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(protocol::encode(result).as_bytes());
        let _ = stdout.flush();
        std::process::exit(0)
    }

    fn set_interrupt(&self, flag: Arc<AtomicBool>) {
        *self.interrupt.lock().unwrap_or_else(|e| e.into_inner()) = Some(flag);
    }

    fn cause(&self) -> Option<StopCause> {
        *self.cause.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Watches the clock, and ferrolua's memory, until a limit is reached; then stops the run.
    fn guard(&self, engine: EngineKind, timeout: Duration) {
        let started = Instant::now();
        let cause = loop {
            std::thread::sleep(WATCH_INTERVAL);
            if engine == EngineKind::Ferrolua
                && resident_bytes().is_some_and(|bytes| bytes > FERROLUA_MEMORY_LIMIT)
            {
                break StopCause::Memory;
            }
            if started.elapsed() >= timeout {
                break StopCause::WallClock(timeout);
            }
        };
        *self.cause.lock().unwrap_or_else(|e| e.into_inner()) = Some(cause);
        if engine == EngineKind::Ferrolua {
            if let Some(flag) = &*self.interrupt.lock().unwrap_or_else(|e| e.into_inner()) {
                flag.store(true, Ordering::Relaxed);
            }
            // A library call that allocates is not interrupted; twice the limit ends the wait.
            let interrupted = Instant::now();
            while interrupted.elapsed() < INTERRUPT_GRACE
                && resident_bytes().is_none_or(|bytes| bytes <= 2 * FERROLUA_MEMORY_LIMIT)
            {
                std::thread::sleep(WATCH_INTERVAL);
            }
        }
        self.report(&cause.result(started.elapsed().as_millis() as u64))
    }
}

/// The process's resident memory, from `/proc/self/status`; `None` where that does not exist.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kilobytes = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse::<u64>()
        .ok()?;
    Some(kilobytes * 1024)
}

/// A failed run, from the error as the message handler left it: the message, then the
/// traceback if the handler added one.
fn failed(millis: u64, handled: String) -> SideResult {
    let (message, traceback) = match handled.rfind(TRACEBACK_HEADER) {
        Some(at) => (handled[..at].to_string(), Some(&handled[at + 1..])),
        None => (handled.clone(), None),
    };
    SideResult {
        location: protocol::locate(&message, traceback),
        ..SideResult::with_message(SideStatus::Fail, millis, message)
    }
}

/// An error value the message handler did not see (a memory error, or `loadfile`'s message),
/// as lua.c would show it.
fn unhandled(type_name: &str, text: Option<&[u8]>) -> String {
    match text {
        Some(text) => String::from_utf8_lossy(text).into_owned(),
        None => format!("(error object is a {type_name} value)"),
    }
}

fn millis_since(started: Instant) -> u64 {
    started.elapsed().as_millis() as u64
}

// ---- The reference ----

fn run_reference(options: &ChildOptions) -> SideResult {
    reference_side(options).unwrap_or_else(|error| {
        SideResult::with_message(
            SideStatus::Fail,
            0,
            format!("harness error in the reference: {error}"),
        )
    })
}

fn reference_side(options: &ChildOptions) -> mlua::Result<SideResult> {
    let lua = new_state(Budget {
        instructions: 0,
        memory_bytes: REFERENCE_MEMORY_LIMIT,
    })?;
    let globals = lua.globals();
    // mlua builds PUC Lua with dlopen, and the suite's C modules in libs/ are not built: answer
    // as a build without dynamic libraries does, which attrib.lua accepts.
    let package: mlua::Table = globals.get("package")?;
    package.set(
        "loadlib",
        lua.create_function(|_, _: MultiValue| {
            Ok((mlua::Value::Nil, NO_DYNAMIC_LIBRARIES, "absent"))
        })?,
    )?;
    // The originals, kept before the file can replace them.
    let load = globals.get::<Function>("load")?;
    let loadfile = globals.get::<Function>("loadfile")?;
    let xpcall = globals.get::<Function>("xpcall")?;
    let handler = lua
        .load(HANDLER_SOURCE)
        .set_name(WRAPPER_CHUNK_NAME)
        .call::<Function>(())?;
    lua.load(SETUP_SOURCE)
        .set_name(SETUP_CHUNK_NAME)
        .call::<()>((options.interpreter.as_str(), options.file.as_str()))?;
    lua.load(options.mode.preamble())
        .set_name(SETUP_CHUNK_NAME)
        .call::<()>(())?;

    let started = Instant::now();
    let loaded = if options.file == BIG_FILE {
        load.call::<(mlua::Value, mlua::Value)>((BIG_DRIVER_SOURCE, BIG_DRIVER_CHUNK_NAME))?
    } else {
        loadfile.call::<(mlua::Value, mlua::Value)>(options.file.as_str())?
    };
    let main = match loaded {
        (mlua::Value::Function(main), _) => main,
        (_, message) => {
            return Ok(failed(millis_since(started), reference_text(&message)));
        }
    };
    let returned = xpcall.call::<MultiValue>((main, handler))?;
    let millis = millis_since(started);
    let mut values = returned.into_iter();
    if let Some(mlua::Value::Boolean(true)) = values.next() {
        return Ok(SideResult::new(SideStatus::Pass, millis));
    }
    let error = values.next().unwrap_or(mlua::Value::Nil);
    Ok(failed(millis, reference_text(&error)))
}

/// An error value of the reference as text: strings and numbers as Lua shows them.
fn reference_text(value: &mlua::Value) -> String {
    let text = match value {
        mlua::Value::String(text) => Some(text.as_bytes().to_vec()),
        mlua::Value::Integer(number) => Some(number.to_string().into_bytes()),
        mlua::Value::Number(number) => Some(
            ferrolua::number::number_to_string(ferrolua::number::Number::Float(*number))
                .into_bytes(),
        ),
        _ => None,
    };
    unhandled(value.type_name(), text.as_deref())
}

// ---- ferrolua ----

fn run_ferrolua(options: &ChildOptions, watch: &Watch) -> SideResult {
    let started = Instant::now();
    on_large_stack(|| ferrolua_side(options, watch)).unwrap_or_else(|panic| {
        SideResult::with_message(
            SideStatus::Panic,
            millis_since(started),
            format!("ferrolua panicked: {panic}"),
        )
    })
}

fn ferrolua_side(options: &ChildOptions, watch: &Watch) -> SideResult {
    let mut lua = Lua::new();
    watch.set_interrupt(lua.interrupt_handle());
    lua.set_instruction_budget(Some(FERROLUA_INSTRUCTION_BUDGET));
    let mut started = Instant::now();
    let outcome = ferrolua_run(&mut lua, options, &mut started);
    let millis = millis_since(started);
    match outcome {
        Ok(result) => result,
        Err(Failure::Interrupted) => {
            let result = match watch.cause() {
                Some(cause) => cause.result(millis),
                None => SideResult::with_message(
                    SideStatus::Timeout,
                    millis,
                    format!("instruction budget of {FERROLUA_INSTRUCTION_BUDGET} exceeded"),
                ),
            };
            // An interruption leaves the interrupted frames on the stack, which locate where
            // the file was stuck (a loop waiting for the garbage collector, often).
            let traceback = String::from_utf8_lossy(&lua.traceback(None, 0)).into_owned();
            SideResult {
                location: protocol::locate("", Some(&traceback)),
                ..result
            }
        }
        Err(Failure::Harness(message)) => {
            SideResult::with_message(SideStatus::Fail, millis, message)
        }
    }
}

/// The steps of [`reference_side`], with ferrolua's API. `started` is reset when the file's
/// run starts.
fn ferrolua_run(
    lua: &mut Lua,
    options: &ChildOptions,
    started: &mut Instant,
) -> Result<SideResult, Failure> {
    let load = lua.get_global("load");
    let loadfile = lua.get_global("loadfile");
    let xpcall = lua.get_global("xpcall");
    let handler = wrapper_function(lua, HANDLER_SOURCE)?;
    let interpreter = lua.string(options.interpreter.as_bytes());
    let file = lua.string(options.file.as_bytes());
    // Values held here are not roots of the collector: pin them while Lua code runs.
    for value in [load, loadfile, xpcall, interpreter, file] {
        lua.pin(value);
    }
    run_chunk(lua, SETUP_SOURCE, &[interpreter, file])?;
    run_chunk(lua, options.mode.preamble(), &[])?;

    *started = Instant::now();
    let loaded = if options.file == BIG_FILE {
        let source = lua.string(BIG_DRIVER_SOURCE.as_bytes());
        let name = lua.string(BIG_DRIVER_CHUNK_NAME.as_bytes());
        protected(lua, load, &[source, name], "load")?
    } else {
        protected(lua, loadfile, &[file], "loadfile")?
    };
    let main = match loaded.first() {
        Some(function @ (Value::LuaFn(_) | Value::NativeFn(_))) => *function,
        _ => {
            let message = loaded.get(1).copied().unwrap_or(Value::Nil);
            return Ok(failed(millis_since(*started), ferrolua_text(lua, message)));
        }
    };
    let returned = protected(lua, xpcall, &[main, handler], "xpcall")?;
    let millis = millis_since(*started);
    let mut values = returned.into_iter();
    if let Some(Value::Bool(ferrolua::value::Truth::True)) = values.next() {
        return Ok(SideResult::new(SideStatus::Pass, millis));
    }
    let error = values.next().unwrap_or(Value::Nil);
    Ok(failed(millis, ferrolua_text(lua, error)))
}

/// An error value of ferrolua as text: strings and numbers as Lua shows them.
fn ferrolua_text(lua: &mut Lua, value: Value) -> String {
    let text = match value {
        Value::Str(text) => Some(lua.str_bytes(text).to_vec()),
        Value::Int(_) | Value::Float(_) => lua
            .to_display_string(value)
            .ok()
            .map(|text| lua.str_bytes(text).to_vec()),
        _ => None,
    };
    unhandled(value.type_name(), text.as_deref())
}

/// Compiles and calls one of the harness's chunks.
fn run_chunk(lua: &mut Lua, source: &str, args: &[Value]) -> Result<Vec<Value>, Failure> {
    let chunk = lua
        .load(
            source.as_bytes(),
            SETUP_CHUNK_NAME.as_bytes(),
            ChunkMode::Text,
        )
        .map_err(|message| {
            Failure::Harness(format!(
                "harness error: the setup does not compile: {}",
                String::from_utf8_lossy(&message)
            ))
        })?;
    protected(lua, chunk, args, "the setup")
}
