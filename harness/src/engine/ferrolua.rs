//! The engine under test: ferrolua, driven the way the reference engine drives PUC Lua.
//!
//! A run goes through the same Lua code as the reference's ([`super::wrapper`]): the original
//! `load` compiles the case, and the original `xpcall` runs it with the shared message handler,
//! both called from Rust, so the frames around the case and hence the tracebacks are the
//! reference's. ferrolua's `print` writes into [`Lua::output`] when it is set, which replaces
//! the reference's capturing `print`.
//!
//! ferrolua recurses on the Rust stack when native code calls back into Lua (`pcall`,
//! metamethods, library functions), up to PUC's 200 levels, so each run gets a thread with a
//! large stack ([`on_large_stack`]), and a panic there ends the run, not the harness.

use ferrolua::value::Value;
use ferrolua::vm::{ErrorKind, Lua, LuaError};
use ferrolua::{ChunkMode, CompileOptions};

use super::wrapper::{BUDGET_MESSAGE, DESCRIBE_SOURCE, HANDLER_SOURCE, WRAPPER_CHUNK_NAME};
use super::{panic_message, Budget, Engine, Observation, Status};

/// How many of PUC's "C levels" are in use when the reference engine's `load` starts parsing.
///
/// PUC's parser counts its nesting in `L->nCcalls`, the counter of native calls, so the depth at
/// which `too many C levels (limit is 200)` fires depends on the calls active around `load`. It
/// was measured on [`super::ReferenceEngine::compile`] (the global `load` called from Rust
/// through mlua): the largest `n` for which `return ` + `(`×n + `1` + `)`×n compiles is
/// `n_max = 197`. PUC enters one level for the statement and one for each subexpression, so the
/// innermost `1` sits at level `base + 2 + n`, which must not exceed 200: `base = 198 - n_max`.
/// The one level in use is `luaD_call`'s for the C function `load` itself: mlua's `lua_pcall`
/// comes from Rust, not from a Lua script run by the standalone interpreter, which would add one
/// more. The `limits/c_levels` trial of the `corpus` test target re-measures `n_max` and checks
/// this value.
pub const REFERENCE_C_LEVELS_IN_USE: u32 = 1;

/// The Rust stack each ferrolua run gets. 200 native re-entries of the interpreter (PUC's limit
/// of C calls) take a few megabytes in a release build and tens in a debug build; a stack
/// this large is only reserved, not used, so it costs nothing until it is needed.
pub const RUN_STACK_BYTES: usize = 256 << 20;

/// Runs `work` on a new thread with a [`RUN_STACK_BYTES`] stack and waits for it. `Err` holds
/// the message of a panic in `work`, or says the thread could not be started.
pub fn on_large_stack<T: Send>(work: impl FnOnce() -> T + Send) -> Result<T, String> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("ferrolua".to_string())
            .stack_size(RUN_STACK_BYTES)
            .spawn_scoped(scope, work)
            .map_err(|error| format!("harness error: cannot start a thread: {error}"))?;
        handle
            .join()
            .map_err(|payload| panic_message(payload.as_ref()))
    })
}

/// ferrolua, compiling as the reference engine's `load(source, name, "t")` does and running
/// cases as the reference engine runs them.
#[derive(Clone, Copy, Debug)]
pub struct FerroluaEngine {
    options: CompileOptions,
    instructions: u64,
}

impl Default for FerroluaEngine {
    fn default() -> Self {
        FerroluaEngine::new()
    }
}

impl FerroluaEngine {
    /// An engine whose runs have the reference engine's default instruction budget.
    pub fn new() -> FerroluaEngine {
        FerroluaEngine::with_budget(Budget::default())
    }

    /// An engine whose runs stop after `budget.instructions` VM instructions. ferrolua has no
    /// memory limit yet, so `budget.memory_bytes` is not enforced.
    pub fn with_budget(budget: Budget) -> FerroluaEngine {
        FerroluaEngine {
            options: CompileOptions {
                mode: ChunkMode::Text,
                c_levels_in_use: REFERENCE_C_LEVELS_IN_USE,
            },
            instructions: budget.instructions,
        }
    }

    /// The options every compilation uses.
    pub fn options(&self) -> CompileOptions {
        self.options
    }
}

impl Engine for FerroluaEngine {
    fn name(&self) -> &'static str {
        "ferrolua"
    }

    fn compile(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
        ferrolua::compile_with(source, chunk_name, self.options)
            .map(|proto| ferrolua::bytecode::dump(&proto, false))
            .map_err(|error| error.message)
    }

    /// Runs the case in a fresh state on its own large-stack thread; a panic becomes a
    /// [`Status::Panicked`] observation.
    fn run(&mut self, source: &[u8], chunk_name: &[u8]) -> Observation {
        let instructions = self.instructions;
        on_large_stack(|| observe(source, chunk_name, instructions)).unwrap_or_else(|message| {
            Observation {
                error: Some(message.into_bytes()),
                ..Observation::empty(Status::Panicked)
            }
        })
    }
}

/// Runs one case in a fresh state, on the current thread.
fn observe(source: &[u8], chunk_name: &[u8], instructions: u64) -> Observation {
    let mut lua = Lua::new();
    lua.output = Some(Vec::new());
    let mut observation = match execute(&mut lua, source, chunk_name, instructions) {
        Ok(observation) => observation,
        Err(Failure::Interrupted) => Observation {
            error: Some(BUDGET_MESSAGE.as_bytes().to_vec()),
            ..Observation::empty(Status::OutOfBudget)
        },
        Err(Failure::Harness(message)) => Observation {
            error: Some(message.into_bytes()),
            ..Observation::empty(Status::RuntimeError)
        },
    };
    observation.output = lua.output.take().unwrap_or_default();
    observation
}

/// Why the harness could not finish observing a run.
pub(crate) enum Failure {
    /// The instruction budget ran out, wherever that happened.
    Interrupted,
    /// Something outside the case failed: the message says what.
    Harness(String),
}

/// The steps of the reference engine's `Run::execute`, with ferrolua's API.
fn execute(
    lua: &mut Lua,
    source: &[u8],
    chunk_name: &[u8],
    instructions: u64,
) -> Result<Observation, Failure> {
    // The originals are kept so that scripts which replace globals cannot change how the
    // harness loads, protects and shows things.
    let load = lua.get_global("load");
    let xpcall = lua.get_global("xpcall");
    let handler = wrapper_function(lua, HANDLER_SOURCE)?;
    let describe = wrapper_function(lua, DESCRIBE_SOURCE)?;
    // Values held here are not roots of the collector: pin them while the script runs
    // (`wrapper_function` pins what it returns).
    for value in [load, xpcall] {
        lua.pin(value);
    }
    lua.set_instruction_budget(Some(instructions));

    // Loading through the global `load`, called from Rust, puts the parser at the reference's
    // depth of C levels, so nesting limits fire at the same depth.
    let source = lua.string(source);
    let chunk_name = lua.string(chunk_name);
    let mode = lua.string(b"t");
    let loaded = protected(lua, load, &[source, chunk_name, mode], "load")?;
    let main = match loaded.first() {
        Some(function @ (Value::LuaFn(_) | Value::NativeFn(_))) => *function,
        _ => {
            return match loaded.get(1) {
                Some(&Value::Str(message)) => {
                    Ok(Observation::syntax_error(lua.str_bytes(message).to_vec()))
                }
                _ => Err(Failure::Harness(
                    "harness error: load failed without a message".to_string(),
                )),
            }
        }
    };

    let returned = protected(lua, xpcall, &[main, handler], "xpcall")?;
    // Showing a result may run Lua code (`__tostring`), and collect the others.
    for &value in &returned {
        lua.pin(value);
    }
    let mut values = returned.into_iter();
    if let Some(Value::Bool(ferrolua::value::Truth::True)) = values.next() {
        let results = values
            .map(|value| show(lua, value))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Observation {
            results,
            ..Observation::empty(Status::Ok)
        });
    }
    // The handler's table, or a bare value when the handler was not called or failed.
    let (message, traceback) = match values.next().unwrap_or(Value::Nil) {
        Value::Table(caught) => {
            let msg_key = lua.string(b"msg");
            let tb_key = lua.string(b"tb");
            let message = lua.heap.table(caught).get(msg_key);
            let traceback = match lua.heap.table(caught).get(tb_key) {
                Value::Str(traceback) => Some(lua.str_bytes(traceback).to_vec()),
                _ => None,
            };
            (describe_error(lua, describe, message)?, traceback)
        }
        other => (describe_error(lua, describe, other)?, None),
    };
    Ok(Observation {
        error: Some(message),
        traceback,
        ..Observation::empty(Status::RuntimeError)
    })
}

/// Loads and runs one of the wrapper's chunks, which returns a function.
pub(crate) fn wrapper_function(lua: &mut Lua, source: &str) -> Result<Value, Failure> {
    let chunk = lua
        .load(
            source.as_bytes(),
            WRAPPER_CHUNK_NAME.as_bytes(),
            ChunkMode::Text,
        )
        .map_err(|message| {
            Failure::Harness(format!(
                "harness error: the wrapper does not compile: {}",
                String::from_utf8_lossy(&message)
            ))
        })?;
    let returned = protected(lua, chunk, &[], "the wrapper")?;
    match returned.first() {
        Some(function @ (Value::LuaFn(_) | Value::NativeFn(_))) => {
            lua.pin(*function);
            Ok(*function)
        }
        _ => Err(Failure::Harness(
            "harness error: the wrapper did not return a function".to_string(),
        )),
    }
}

/// Calls `function` in protected mode; an error is the budget's or the harness's.
pub(crate) fn protected(
    lua: &mut Lua,
    function: Value,
    args: &[Value],
    what: &str,
) -> Result<Vec<Value>, Failure> {
    lua.pcall(function, args, None)
        .map_err(|error| failure(lua, error, what))
}

fn failure(lua: &mut Lua, error: LuaError, what: &str) -> Failure {
    if error.kind == ErrorKind::Interrupted {
        return Failure::Interrupted;
    }
    let text = match error.value {
        Value::Str(message) => String::from_utf8_lossy(lua.str_bytes(message)).into_owned(),
        other => format!("a {} value", other.type_name()),
    };
    Failure::Harness(format!("harness error: {what} failed: {text}"))
}

/// A returned value as `tostring` shows it.
fn show(lua: &mut Lua, value: Value) -> Result<Vec<u8>, Failure> {
    match lua.to_display_string(value) {
        Ok(shown) => Ok(lua.str_bytes(shown).to_vec()),
        Err(error) => Err(failure(lua, error, "tostring")),
    }
}

fn describe_error(lua: &mut Lua, describe: Value, value: Value) -> Result<Vec<u8>, Failure> {
    let described = protected(lua, describe, &[value], "describing the error")?;
    match described.first() {
        Some(&Value::Str(text)) => Ok(lua.str_bytes(text).to_vec()),
        _ => Err(Failure::Harness(
            "harness error: the error description is not a string".to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::FerroluaEngine;
    use crate::engine::{Engine, ReferenceEngine, Status};

    #[test]
    fn syntax_errors_stop_the_run_with_the_reference_message() {
        let mut ferrolua = FerroluaEngine::new();
        let rejected = ferrolua.run(b"return return", b"=case");
        assert_eq!(rejected.status, Status::SyntaxError);
        assert_eq!(
            rejected.error.as_deref(),
            Some(&b"case:1: unexpected symbol near 'return'"[..])
        );
    }

    #[test]
    fn runs_are_observed_as_the_reference_observes_them() {
        for case in [
            &b"print(1, 2.0, nil, 'x') return 3.0, nil, 7"[..],
            b"print 'before'\nlocal t = nil\nreturn t.x",
            b"local function f() error('boom') end\nf()",
            b"error({})",
            b"error(42)",
            b"tostring = nil; print = nil; return 1.5",
        ] {
            let expected = ReferenceEngine::default().run(case, b"=case");
            let got = FerroluaEngine::new().run(case, b"=case");
            assert_eq!(got, expected, "{}", String::from_utf8_lossy(case));
        }
    }

    #[test]
    fn panics_are_caught_and_reported() {
        assert_eq!(super::on_large_stack(|| 7), Ok(7));
        assert_eq!(
            super::on_large_stack(|| -> u8 { panic!("boom") }),
            Err("boom".to_string())
        );
    }

    #[test]
    fn the_budget_stops_loops_that_catch_errors() {
        let budget = crate::engine::Budget {
            instructions: 2_000_000,
            memory_bytes: 64 << 20,
        };
        let run = FerroluaEngine::with_budget(budget).run(
            b"print 'start' while true do pcall(function() while true do end end) end",
            b"=case",
        );
        assert_eq!(run.status, Status::OutOfBudget);
        assert_eq!(run.output, b"start\n");
    }
}
