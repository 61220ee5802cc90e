//! The reference engine: PUC-Rio Lua 5.3.6, vendored by mlua, observed as a Lua user sees it.
//!
//! Everything Lua-visible goes through Lua's own functions (`load`, `loadfile`, `xpcall`,
//! `tostring`), so messages come back as the bytes a script would get, never as mlua's Rust-side
//! renderings of them.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use mlua::{Function, HookTriggers, Lua, LuaOptions, MultiValue, StdLib, Value, Variadic, VmState};

pub use super::wrapper::BUDGET_MESSAGE;
use super::wrapper::{DESCRIBE_SOURCE, HANDLER_SOURCE, WRAPPER_CHUNK_NAME};
use super::{Engine, Observation, Status};

/// The limits of one reference run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// VM instructions a run may execute, counted in steps of [`HOOK_INTERVAL`].
    pub instructions: u64,
    /// Bytes the Lua state may hold. Over it, allocations fail with `not enough memory`, as
    /// they would on a machine that ran out.
    pub memory_bytes: usize,
}

impl Default for Budget {
    fn default() -> Self {
        // A billion instructions is a few seconds of PUC Lua; the official suite's slowest file
        // needs about 2.4 s. Half a gigabyte is far more than any suite file uses.
        Budget {
            instructions: 1_000_000_000,
            memory_bytes: 512 << 20,
        }
    }
}

/// How many instructions pass between two calls of the budget hook. A count hook costs a Rust
/// call each time it fires, so this trades precision of the budget for speed.
pub const HOOK_INTERVAL: u32 = 1000;

/// PUC Lua 5.3.6 as the oracle.
///
/// `compile` reuses one Lua state, since loading without running changes nothing a later
/// case can see. `run` builds a fresh state for every case.
pub struct ReferenceEngine {
    budget: Budget,
    syntax_state: Option<SyntaxState>,
}

/// The state `compile` works in, with the original `load`, `loadfile` and `string.dump`.
struct SyntaxState {
    lua: Lua,
    load: Function,
    loadfile: Function,
    dump: Function,
}

impl fmt::Debug for ReferenceEngine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReferenceEngine")
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

impl Default for ReferenceEngine {
    fn default() -> Self {
        ReferenceEngine::new(Budget::default())
    }
}

impl ReferenceEngine {
    /// A reference engine whose runs stay within `budget`.
    pub fn new(budget: Budget) -> ReferenceEngine {
        ReferenceEngine {
            budget,
            syntax_state: None,
        }
    }

    /// Compiles a file as the global `loadfile(path, "t")` does, with its BOM and `#` line
    /// handling and its `@path` chunk name.
    pub fn compile_file(&mut self, path: &std::path::Path) -> Result<Vec<u8>, Vec<u8>> {
        let path = path.to_string_lossy().into_owned();
        let state = self.syntax_state()?;
        let returned = state.loadfile.call::<(Value, Value)>((path, "t"));
        let function = loaded_function(returned)?;
        dumped(state, function)
    }

    fn syntax_state(&mut self) -> Result<&SyntaxState, Vec<u8>> {
        if self.syntax_state.is_none() {
            let lua = new_state(self.budget).map_err(harness_error)?;
            let globals = lua.globals();
            let load = globals.get::<Function>("load").map_err(harness_error)?;
            let loadfile = globals.get::<Function>("loadfile").map_err(harness_error)?;
            let string: mlua::Table = globals.get("string").map_err(harness_error)?;
            let dump = string.get::<Function>("dump").map_err(harness_error)?;
            self.syntax_state = Some(SyntaxState {
                lua,
                load,
                loadfile,
                dump,
            });
        }
        Ok(self
            .syntax_state
            .as_ref()
            .expect("the syntax state was just created"))
    }
}

impl Engine for ReferenceEngine {
    fn name(&self) -> &'static str {
        "reference"
    }

    fn compile(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
        let state = self.syntax_state()?;
        let source = state.lua.create_string(source).map_err(harness_error)?;
        let chunk_name = state.lua.create_string(chunk_name).map_err(harness_error)?;
        let returned = state.load.call::<(Value, Value)>((source, chunk_name, "t"));
        let function = loaded_function(returned)?;
        dumped(state, function)
    }

    fn run(&mut self, source: &[u8], chunk_name: &[u8]) -> Observation {
        let run = match Run::new(self.budget) {
            Ok(run) => run,
            Err(error) => {
                let message = harness_error(error);
                return Observation {
                    error: Some(message),
                    ..Observation::empty(Status::RuntimeError)
                };
            }
        };
        run.observe(source, chunk_name)
    }
}

/// Creates a PUC Lua state with every standard library, `debug` included, and the memory limit
/// of `budget`; the instruction budget is set by `run` only.
#[allow(unsafe_code)]
pub fn new_state(budget: Budget) -> mlua::Result<Lua> {
    // SAFETY: `unsafe_new_with` is unsafe because it opens `debug`, with which Lua code could
    // tamper with mlua's own userdata and break its invariants. The reference must have `debug`
    // to behave as the standalone interpreter does, and the cases are test programs, not
    // adversaries: none of them reaches into mlua's internal values.
    let lua = unsafe { Lua::unsafe_new_with(StdLib::ALL, LuaOptions::default()) };
    // Without a limit, a failed allocation aborts the whole process instead of raising
    // `not enough memory`.
    lua.set_memory_limit(budget.memory_bytes)?;
    Ok(lua)
}

/// A loaded function as `string.dump` writes it, with its debug information.
fn dumped(state: &SyntaxState, function: Function) -> Result<Vec<u8>, Vec<u8>> {
    let chunk = state
        .dump
        .call::<mlua::LuaString>(function)
        .map_err(harness_error)?;
    Ok(chunk.as_bytes().to_vec())
}

/// Reads what `load` or `loadfile` returned: the function, or the message of a failure.
fn loaded_function(returned: mlua::Result<(Value, Value)>) -> Result<Function, Vec<u8>> {
    match returned.map_err(harness_error)? {
        (Value::Function(function), _) => Ok(function),
        (_, Value::String(message)) => Err(message.as_bytes().to_vec()),
        (_, other) => Err(format!(
            "harness error: load failed with a {} message",
            other.type_name()
        )
        .into_bytes()),
    }
}

/// An mlua failure on the harness's side, told apart from any Lua message by its prefix.
fn harness_error(error: mlua::Error) -> Vec<u8> {
    format!("harness error: {error}").into_bytes()
}

/// One fresh state for one `run`, with `print` captured and the budget hook set.
struct Run {
    lua: Lua,
    output: Rc<RefCell<Vec<u8>>>,
    over_budget: Rc<Cell<bool>>,
    load: Function,
    xpcall: Function,
    tostring: Function,
    handler: Function,
    describe: Function,
}

impl Run {
    fn new(budget: Budget) -> mlua::Result<Run> {
        let lua = new_state(budget)?;
        let globals = lua.globals();
        // The originals are kept so that scripts which replace globals cannot change how the
        // harness loads, protects and shows things.
        let load = globals.get::<Function>("load")?;
        let xpcall = globals.get::<Function>("xpcall")?;
        let tostring = globals.get::<Function>("tostring")?;
        let handler = lua
            .load(HANDLER_SOURCE)
            .set_name(WRAPPER_CHUNK_NAME)
            .call::<Function>(())?;
        let describe = lua
            .load(DESCRIBE_SOURCE)
            .set_name(WRAPPER_CHUNK_NAME)
            .call::<Function>(())?;

        let output = Rc::new(RefCell::new(Vec::new()));
        globals.set("print", capturing_print(&lua, Rc::clone(&output))?)?;

        let over_budget = Rc::new(Cell::new(false));
        let flag = Rc::clone(&over_budget);
        let executed = Cell::new(0u64);
        let triggers = HookTriggers::new().every_nth_instruction(HOOK_INTERVAL);
        // A global hook, not `set_hook`: coroutines created by Lua code inherit the hook
        // function from their parent thread, and only the global one finds its callback there.
        lua.set_global_hook(triggers, move |lua, _| {
            executed.set(executed.get() + HOOK_INTERVAL as u64);
            if executed.get() <= budget.instructions {
                return Ok(VmState::Continue);
            }
            flag.set(true);
            // From now on every instruction of this thread fails, and so does every later hook
            // call in any thread. Failing only every `HOOK_INTERVAL` instructions would let
            // `while true do pcall(f) end` run forever when the hook always fires inside `f`.
            lua.set_global_hook(HookTriggers::new().every_nth_instruction(1), |_, _| {
                Err(mlua::Error::runtime(BUDGET_MESSAGE))
            })?;
            Err(mlua::Error::runtime(BUDGET_MESSAGE))
        })?;

        Ok(Run {
            lua,
            output,
            over_budget,
            load,
            xpcall,
            tostring,
            handler,
            describe,
        })
    }

    fn observe(self, source: &[u8], chunk_name: &[u8]) -> Observation {
        let mut observation = match self.execute(source, chunk_name) {
            Ok(observation) => observation,
            Err(error) => Observation {
                error: Some(harness_error(error)),
                ..Observation::empty(Status::RuntimeError)
            },
        };
        if self.over_budget.get() {
            observation = Observation {
                error: Some(BUDGET_MESSAGE.as_bytes().to_vec()),
                ..Observation::empty(Status::OutOfBudget)
            };
        }
        observation.output = self.output.take();
        observation
    }

    fn execute(&self, source: &[u8], chunk_name: &[u8]) -> mlua::Result<Observation> {
        let source = self.lua.create_string(source)?;
        let chunk_name = self.lua.create_string(chunk_name)?;
        let main =
            match loaded_function(self.load.call::<(Value, Value)>((source, chunk_name, "t"))) {
                Ok(main) => main,
                Err(message) => return Ok(Observation::syntax_error(message)),
            };
        let returned = self
            .xpcall
            .call::<MultiValue>((main, self.handler.clone()))?;
        let mut values = returned.into_iter();
        if let Some(Value::Boolean(true)) = values.next() {
            let results = values
                .map(|value| self.show(value))
                .collect::<mlua::Result<Vec<_>>>()?;
            return Ok(Observation {
                results,
                ..Observation::empty(Status::Ok)
            });
        }
        // The handler's table, or a bare value when Lua did not call the handler: memory errors
        // and errors inside the handler itself skip it.
        let (message, traceback) = match values.next().unwrap_or(Value::Nil) {
            Value::Table(caught) => {
                let traceback = match caught.get::<Value>("tb")? {
                    Value::String(traceback) => Some(traceback.as_bytes().to_vec()),
                    _ => None,
                };
                (self.describe_error(caught.get::<Value>("msg")?)?, traceback)
            }
            other => (self.describe_error(other)?, None),
        };
        Ok(Observation {
            error: Some(message),
            traceback,
            ..Observation::empty(Status::RuntimeError)
        })
    }

    /// A returned value as the original `tostring` shows it.
    fn show(&self, value: Value) -> mlua::Result<Vec<u8>> {
        match self.tostring.call::<Value>(value)? {
            Value::String(shown) => Ok(shown.as_bytes().to_vec()),
            _ => Err(mlua::Error::runtime("'__tostring' must return a string")),
        }
    }

    fn describe_error(&self, value: Value) -> mlua::Result<Vec<u8>> {
        Ok(self
            .describe
            .call::<mlua::LuaString>(value)?
            .as_bytes()
            .to_vec())
    }
}

/// A `print` that appends to `output` instead of writing to stdout, following `luaB_print` in
/// lbaselib.c: each argument goes through the global `tostring` as it is at call time, then the
/// arguments are joined by tabs and ended by a newline.
///
/// Being a Rust function, it differs from PUC's in two corners: an error raised inside a
/// `__tostring` reaches the script wrapped by mlua instead of as the original value, and a
/// non-function global `tostring` is not called through its `__call` metamethod.
pub(crate) fn capturing_print(lua: &Lua, output: Rc<RefCell<Vec<u8>>>) -> mlua::Result<Function> {
    lua.create_function(move |lua, arguments: Variadic<Value>| {
        let tostring = match lua.globals().get::<Value>("tostring")? {
            Value::Function(tostring) => tostring,
            other => {
                return Err(mlua::Error::runtime(format!(
                    "attempt to call a {} value",
                    other.type_name()
                )))
            }
        };
        let mut line = Vec::new();
        for (index, argument) in arguments.into_iter().enumerate() {
            let shown = lua.coerce_string(tostring.call::<Value>(argument)?)?;
            let Some(shown) = shown else {
                return Err(mlua::Error::runtime(
                    "'tostring' must return a string to 'print'",
                ));
            };
            if index > 0 {
                line.push(b'\t');
            }
            line.extend_from_slice(&shown.as_bytes());
        }
        line.push(b'\n');
        output.borrow_mut().extend_from_slice(&line);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::{Budget, ReferenceEngine, BUDGET_MESSAGE};
    use crate::engine::{Engine, Status};

    fn small_budget() -> ReferenceEngine {
        ReferenceEngine::new(Budget {
            instructions: 2_000_000,
            memory_bytes: 64 << 20,
        })
    }

    #[test]
    fn syntax_messages_are_the_bytes_load_returns() {
        let mut reference = small_budget();
        let chunk = reference
            .compile(b"return 1", b"=x")
            .expect("valid code compiles");
        assert!(chunk.starts_with(b"\x1bLua\x53"), "a 5.3 binary chunk");
        assert_eq!(
            reference.compile(b"x = = 1", b"=x"),
            Err(b"x:1: unexpected symbol near '='".to_vec())
        );
        assert_eq!(
            reference.compile(b"x = '\xff\n", b"@f.lua"),
            Err(b"f.lua:1: unfinished string near ''\xff'".to_vec())
        );
    }

    #[test]
    fn load_is_text_only() {
        let mut reference = small_budget();
        assert_eq!(
            reference.compile(b"\x1bLua", b"=x"),
            Err(b"attempt to load a binary chunk (mode is 't')".to_vec())
        );
    }

    #[test]
    fn run_captures_output_results_and_errors_separately() {
        let mut reference = small_budget();
        let ok = reference.run(b"print(1, 2.0, nil, 'x') return 3.0, nil, 7", b"=case");
        assert_eq!(ok.status, Status::Ok);
        assert_eq!(ok.output, b"1\t2.0\tnil\tx\n");
        assert_eq!(
            ok.results,
            vec![b"3.0".to_vec(), b"nil".to_vec(), b"7".to_vec()]
        );

        let failed = reference.run(b"print 'before'\nlocal t = nil\nreturn t.x", b"=case");
        assert_eq!(failed.status, Status::RuntimeError);
        assert_eq!(failed.output, b"before\n");
        assert_eq!(
            failed.error.as_deref(),
            Some(&b"case:3: attempt to index a nil value (local 't')"[..])
        );
        let traceback = String::from_utf8(failed.traceback.expect("a traceback")).expect("UTF-8");
        assert!(traceback
            .starts_with("case:3: attempt to index a nil value (local 't')\nstack traceback:\n"));
        assert!(traceback.contains("case:3: in main chunk"), "{traceback}");

        let syntax = reference.run(b"return return", b"=case");
        assert_eq!(syntax.status, Status::SyntaxError);
        assert_eq!(
            syntax.error.as_deref(),
            Some(&b"case:1: unexpected symbol near 'return'"[..])
        );
    }

    #[test]
    fn error_values_are_described_as_lua_c_does() {
        let mut reference = small_budget();
        let table = reference.run(b"error({})", b"=case");
        assert_eq!(
            table.error.as_deref(),
            Some(&b"(error object is a table value)"[..])
        );
        let number = reference.run(b"error(42)", b"=case");
        assert_eq!(number.error.as_deref(), Some(&b"42"[..]));
        let custom = reference.run(
            b"error(setmetatable({}, {__tostring = function() return 'E' end}))",
            b"=case",
        );
        assert_eq!(custom.error.as_deref(), Some(&b"E"[..]));
    }

    #[test]
    fn scripts_cannot_change_how_results_are_shown() {
        let mut reference = small_budget();
        let run = reference.run(b"tostring = nil; print = nil; return 1.5", b"=case");
        assert_eq!(run.status, Status::Ok);
        assert_eq!(run.results, vec![b"1.5".to_vec()]);
    }

    #[test]
    fn the_budget_is_sticky_and_reaches_coroutines() {
        let mut reference = small_budget();
        for case in [
            &b"while true do end"[..],
            b"while true do pcall(function() while true do end end) end",
            b"coroutine.wrap(function() while true do end end)()",
            b"local co = coroutine.create(function() while true do end end)\nwhile true do coroutine.resume(co) end",
        ] {
            let run = reference.run(case, b"=case");
            assert_eq!(run.status, Status::OutOfBudget, "{}", String::from_utf8_lossy(case));
            assert_eq!(run.error.as_deref(), Some(BUDGET_MESSAGE.as_bytes()));
        }
    }

    #[test]
    fn memory_exhaustion_is_a_lua_error() {
        let mut reference = ReferenceEngine::new(Budget {
            instructions: 1_000_000_000,
            memory_bytes: 8 << 20,
        });
        let run = reference.run(b"local t = {} for i = 1, 1e8 do t[i] = i end", b"=case");
        assert_eq!(run.status, Status::RuntimeError);
        assert_eq!(run.error.as_deref(), Some(&b"not enough memory"[..]));
    }
}
