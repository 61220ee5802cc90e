//! The `coroutine` library. Mirrors lcorolib.c of PUC Lua 5.3.6; manual §6.2.

use crate::value::{ThreadRef, Value};
use crate::vm::{Lua, LuaError, Resumed};

/// Opens the library into `_G.coroutine` and `package.loaded.coroutine`.
pub fn open(lua: &mut Lua) {
    lua.new_library(
        "coroutine",
        &[
            ("create", create),
            ("isyieldable", isyieldable),
            ("resume", resume),
            ("running", running),
            ("status", status),
            ("wrap", wrap),
            ("yield", yield_),
        ],
    );
}

/// Argument `arg` as a coroutine (`getco`).
fn check_thread(lua: &mut Lua, arg: usize) -> Result<ThreadRef, LuaError> {
    match lua.arg(arg) {
        Value::Thread(t) => Ok(t),
        _ => Err(lua.arg_error(arg, b"thread expected")),
    }
}

fn check_function(lua: &mut Lua, arg: usize) -> Result<Value, LuaError> {
    match lua.arg(arg) {
        f @ (Value::LuaFn(_) | Value::NativeFn(_)) => Ok(f),
        _ => Err(lua.arg_type_error(arg, "function")),
    }
}

fn args_from(lua: &mut Lua, first: usize) -> Vec<Value> {
    let mut args = lua.value_buffer();
    args.extend((first..=lua.arg_count()).map(|i| lua.arg(i)));
    args
}

fn create(lua: &mut Lua) -> Result<usize, LuaError> {
    let function = check_function(lua, 1)?;
    let thread = lua.new_thread(function);
    lua.push(Value::Thread(thread));
    Ok(1)
}

/// Whether `n` results and a boolean fit on the resumer's stack (`lua_checkstack` in
/// `auxresume`, with its `EXTRA_STACK` of 5).
fn results_fit(lua: &Lua, n: usize) -> bool {
    lua.stack_top() + 5 + n < crate::limits::MAX_STACK
}

/// `coroutine.resume(co, ...)` (`luaB_coresume`): `true` and the values, or `false` and the
/// error.
fn resume(lua: &mut Lua) -> Result<usize, LuaError> {
    let co = check_thread(lua, 1)?;
    let args = args_from(lua, 2);
    let resumed = lua.resume(co, &args);
    lua.recycle_value_buffer(args);
    match resumed? {
        Resumed::Values(values) if !results_fit(lua, values.len()) => {
            lua.push(Value::Bool(false));
            let message = lua.string(b"too many results to resume");
            lua.push(message);
            Ok(2)
        }
        Resumed::Values(values) => {
            lua.ensure_stack(values.len() + 1)?;
            lua.push(Value::Bool(true));
            for &value in &values {
                lua.push(value);
            }
            let n = values.len();
            lua.recycle_value_buffer(values);
            Ok(n + 1)
        }
        Resumed::Error(error) => {
            lua.push(Value::Bool(false));
            lua.push(error);
            Ok(2)
        }
    }
}

/// `coroutine.wrap(f)` (`luaB_cowrap`): a function that resumes the coroutine and raises its
/// errors, with the caller's position added to string messages (`auxwrap`).
fn wrap(lua: &mut Lua) -> Result<usize, LuaError> {
    let function = check_function(lua, 1)?;
    let thread = lua.new_thread(function);
    let wrapper = lua.native_closure(wrapped, vec![Value::Thread(thread)]);
    lua.push(wrapper);
    Ok(1)
}

fn wrapped(lua: &mut Lua) -> Result<usize, LuaError> {
    let Value::Thread(co) = lua.native_upvalue(1) else {
        return Err(lua.error(b"coroutine expected"));
    };
    let args = args_from(lua, 1);
    // `auxwrap` moves its arguments to the coroutine (`lua_xmove`), leaving its frame empty
    // while the coroutine runs (a thread resuming itself keeps them: the move is a no-op).
    if co != lua.current_thread() {
        lua.top = lua.current_base();
    }
    let resumed = lua.resume(co, &args);
    lua.recycle_value_buffer(args);
    match resumed? {
        Resumed::Values(values) if !results_fit(lua, values.len()) => {
            let message = lua.string(b"too many results to resume");
            Err(lua.error_with_level(message, 1))
        }
        Resumed::Values(values) => {
            lua.ensure_stack(values.len())?;
            for &value in &values {
                lua.push(value);
            }
            let n = values.len();
            lua.recycle_value_buffer(values);
            Ok(n)
        }
        Resumed::Error(error) => Err(lua.error_with_level(error, 1)),
    }
}

fn yield_(lua: &mut Lua) -> Result<usize, LuaError> {
    let values = args_from(lua, 1);
    Err(lua.yield_values(values))
}

fn status(lua: &mut Lua) -> Result<usize, LuaError> {
    let co = check_thread(lua, 1)?;
    let text = lua.thread_status(co);
    let value = lua.string(text.as_bytes());
    lua.push(value);
    Ok(1)
}

fn running(lua: &mut Lua) -> Result<usize, LuaError> {
    let current = lua.current_thread();
    let is_main = lua.is_main_thread(current);
    lua.push(Value::Thread(current));
    lua.push(Value::Bool(is_main));
    Ok(2)
}

fn isyieldable(lua: &mut Lua) -> Result<usize, LuaError> {
    let yieldable = lua.is_yieldable();
    lua.push(Value::Bool(yieldable));
    Ok(1)
}
