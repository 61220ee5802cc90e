//! The `debug` library, as far as it is written: `traceback`, `getmetatable`, `setmetatable`.
//! Mirrors ldblib.c of PUC Lua 5.3.6; manual §6.10.

use crate::value::Value;
use crate::vm::{Lua, LuaError};

/// Opens the library into `_G.debug` and `package.loaded.debug`.
pub fn open(lua: &mut Lua) {
    lua.new_library(
        "debug",
        &[
            ("getmetatable", getmetatable),
            ("setmetatable", setmetatable),
            ("traceback", traceback),
        ],
    );
}

/// `debug.traceback([message [, level]])` (`db_traceback`): a message that is neither a string
/// nor a number nor nil comes back untouched.
fn traceback(lua: &mut Lua) -> Result<usize, LuaError> {
    let message = lua.arg(1);
    let text = match message {
        Value::Str(s) => Some(lua.str_bytes(s).to_vec()),
        Value::Int(_) | Value::Float(_) => {
            let s = lua.to_display_string(message)?;
            Some(lua.str_bytes(s).to_vec())
        }
        Value::Nil => None,
        other => {
            lua.push(other);
            return Ok(1);
        }
    };
    let level = lua.opt_integer(2, 1)?.max(0) as usize;
    let traceback = lua.traceback(text.as_deref(), level);
    let value = lua.string(&traceback);
    lua.push(value);
    Ok(1)
}

/// `debug.getmetatable(value)`: the metatable, ignoring `__metatable`.
fn getmetatable(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let metatable = lua.metatable(value).map_or(Value::Nil, Value::Table);
    lua.push(metatable);
    Ok(1)
}

/// `debug.setmetatable(value, table)`: sets the metatable of a table, or of all values of
/// another type.
fn setmetatable(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.arg(1);
    let metatable = match lua.arg(2) {
        Value::Nil => None,
        Value::Table(t) => Some(t),
        _ => return Err(lua.arg_type_error(2, "nil or table")),
    };
    match value {
        Value::Table(t) => lua.heap.table_mut(t).metatable = metatable,
        other => lua.set_type_metatable(other.type_of(), metatable),
    }
    lua.push(value);
    Ok(1)
}
