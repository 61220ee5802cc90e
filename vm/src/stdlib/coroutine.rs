//! The `coroutine` library. Mirrors lcorolib.c of PUC Lua 5.3.6; manual §6.2.

use crate::object::ThreadSwitch;
use crate::value::{ThreadRef, Value};
use crate::vm::{Lua, LuaError};

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
    // Called from Lua code, these switch threads in the interpreter loop.
    let resume = lua.native_function(resume);
    lua.set_thread_switch(resume, ThreadSwitch::Resume);
    let yield_ = lua.native_function(yield_);
    lua.set_thread_switch(yield_, ThreadSwitch::Yield);
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

fn create(lua: &mut Lua) -> Result<usize, LuaError> {
    let function = check_function(lua, 1)?;
    let thread = lua.new_thread(function);
    lua.push(Value::Thread(thread));
    Ok(1)
}

/// `coroutine.resume(co, ...)` (`luaB_coresume`): `true` and the values, or `false` and the
/// error.
fn resume(lua: &mut Lua) -> Result<usize, LuaError> {
    let co = check_thread(lua, 1)?;
    let first = lua.current_base() + 1;
    let resumed = lua.resume_on_stack(co, first, 1)?;
    Ok(lua.resume_results(first, resumed))
}

/// `coroutine.wrap(f)` (`luaB_cowrap`): a function that resumes the coroutine and raises its
/// errors, with the caller's position added to string messages (`auxwrap`).
fn wrap(lua: &mut Lua) -> Result<usize, LuaError> {
    let function = check_function(lua, 1)?;
    let thread = lua.new_thread(function);
    let wrapper = lua.native_closure(wrapped, vec![Value::Thread(thread)]);
    lua.set_thread_switch(wrapper, ThreadSwitch::Wrap);
    lua.push(wrapper);
    Ok(1)
}

fn wrapped(lua: &mut Lua) -> Result<usize, LuaError> {
    let Value::Thread(co) = lua.native_upvalue(1) else {
        return Err(lua.error(b"coroutine expected"));
    };
    // `auxwrap` moves all its arguments to the coroutine, leaving its frame empty while the
    // coroutine runs (a thread resuming itself keeps them: the move is a no-op).
    let first = lua.current_base();
    let resumed = lua.resume_on_stack(co, first, 0)?;
    lua.wrap_results(resumed)
}

fn yield_(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    Err(lua.yield_on_stack(n))
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
    lua.push(Value::boolean(is_main));
    Ok(2)
}

fn isyieldable(lua: &mut Lua) -> Result<usize, LuaError> {
    let yieldable = lua.is_yieldable();
    lua.push(Value::boolean(yieldable));
    Ok(1)
}
