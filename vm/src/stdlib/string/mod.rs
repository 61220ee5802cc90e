//! The `string` library: the simple functions (`len`, `sub`, `rep`, `byte`, `char`, ...) and
//! the library's registration. Mirrors the first half of lstrlib.c of PUC Lua 5.3.6 and its
//! `luaopen_string`; manual §6.4. Patterns live in `pattern`, `format` in `format`, and
//! `pack`/`unpack`/`packsize` in `pack`.

mod format;
mod pack;
mod pattern;

use crate::limits::{EXTRA_STACK, MAX_STACK};
use crate::value::{Type, Value};
use crate::vm::{Lua, LuaError};

/// The largest string some functions agree to build (`MAXSIZE` in lstrlib.c): `INT_MAX`,
/// because `size_t` is wider than `int` on the platforms PUC is measured on.
const MAX_SIZE: u64 = i32::MAX as u64;

/// Opens the library into `_G.string` and `package.loaded.string`, and gives strings their
/// metatable, whose `__index` is the library (`createmetatable` in lstrlib.c).
pub fn open(lua: &mut Lua) {
    let library = lua.new_library(
        "string",
        &[
            ("byte", byte),
            ("char", char),
            ("dump", dump),
            ("find", pattern::find),
            ("format", format::format),
            ("gmatch", pattern::gmatch),
            ("gsub", pattern::gsub),
            ("len", len),
            ("lower", lower),
            ("match", pattern::match_),
            ("rep", rep),
            ("reverse", reverse),
            ("sub", sub),
            ("upper", upper),
            ("pack", pack::pack),
            ("packsize", pack::packsize),
            ("unpack", pack::unpack),
        ],
    );
    let metatable = lua.new_table();
    let Value::Table(metatable) = metatable else {
        unreachable!("new_table makes a table")
    };
    let key = lua.string(b"__index");
    lua.heap.table_set(metatable, key, Value::Table(library));
    lua.set_type_metatable(Type::String, Some(metatable));
}

/// A relative string position made absolute (`posrelat` in lstrlib.c): negative positions
/// count from the end, and those before the start become 0.
fn relative_position(position: i64, length: usize) -> i64 {
    if position >= 0 {
        position
    } else if position.unsigned_abs() > length as u64 {
        0
    } else {
        length as i64 + position + 1
    }
}

/// Pushes a new string made of `bytes` and returns 1, the usual ending of a string function.
fn push_string(lua: &mut Lua, bytes: &[u8]) -> Result<usize, LuaError> {
    let value = lua.string(bytes);
    lua.push(value);
    Ok(1)
}

/// Whether `n` more values fit on the stack (`lua_checkstack`).
fn stack_has_room(lua: &Lua, n: usize) -> bool {
    lua.top + EXTRA_STACK <= MAX_STACK.saturating_sub(n)
}

/// Fails with luaL_checkstack's `stack overflow (<message>)` unless `n` more values fit on
/// the stack, then makes room for them.
fn check_stack(lua: &mut Lua, n: usize, message: &str) -> Result<(), LuaError> {
    if !stack_has_room(lua, n) {
        return Err(lua.error(format!("stack overflow ({message})").as_bytes()));
    }
    lua.ensure_stack(n)
}

fn len(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len() as i64;
    lua.push(Value::Int(length));
    Ok(1)
}

fn sub(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len();
    let start = lua.check_integer(2)?;
    let end = lua.opt_integer(3, -1)?;
    let start = relative_position(start, length).max(1);
    let end = relative_position(end, length).min(length as i64);
    if start > end {
        return push_string(lua, b"");
    }
    let piece = lua.str_bytes(s)[start as usize - 1..end as usize].to_vec();
    push_string(lua, &piece)
}

fn reverse(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let mut bytes = lua.str_bytes(s).to_vec();
    bytes.reverse();
    push_string(lua, &bytes)
}

/// `lower` and `upper` change ASCII letters only, as C's `tolower` does in the "C" locale.
fn lower(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let bytes = lua.str_bytes(s).to_ascii_lowercase();
    push_string(lua, &bytes)
}

fn upper(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let bytes = lua.str_bytes(s).to_ascii_uppercase();
    push_string(lua, &bytes)
}

fn rep(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let n = lua.check_integer(2)?;
    let separator = lua.opt_string(3, b"")?;
    if n <= 0 {
        return push_string(lua, b"");
    }
    let unit = lua.str_bytes(s).len() as u64 + lua.str_bytes(separator).len() as u64;
    if unit > MAX_SIZE / n as u64 {
        return Err(too_large(lua));
    }
    let n = n as usize;
    lua.check_memory(unit as usize * n)?;
    let (s, separator) = (lua.str_bytes(s), lua.str_bytes(separator));
    let mut result = Vec::with_capacity(unit as usize * n);
    // An empty result is known at once; PUC would loop `n` times to build it.
    if unit > 0 {
        for i in 0..n {
            if i > 0 {
                result.extend_from_slice(separator);
            }
            result.extend_from_slice(s);
        }
    }
    push_string(lua, &result)
}

#[cold]
fn too_large(lua: &mut Lua) -> LuaError {
    lua.error(b"resulting string too large")
}

fn byte(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len();
    let first = relative_position(lua.opt_integer(2, 1)?, length);
    let last = relative_position(lua.opt_integer(3, first)?, length);
    let first = first.max(1);
    let last = last.min(length as i64);
    if first > last {
        return Ok(0);
    }
    if last - first >= i32::MAX as i64 {
        return Err(lua.error(b"string slice too long"));
    }
    let n = (last - first) as usize + 1;
    check_stack(lua, n, "string slice too long")?;
    let start = first as usize - 1;
    for i in start..start + n {
        let b = lua.str_bytes(s)[i];
        lua.push(Value::Int(b as i64));
    }
    Ok(n)
}

fn char(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    let mut bytes = Vec::with_capacity(n);
    for i in 1..=n {
        let c = lua.check_integer(i)?;
        if !(0..=255).contains(&c) {
            return Err(lua.arg_error(i, b"value out of range"));
        }
        bytes.push(c as u8);
    }
    push_string(lua, &bytes)
}

fn dump(lua: &mut Lua) -> Result<usize, LuaError> {
    let strip = !lua.arg(2).is_falsy();
    match lua.arg(1) {
        Value::LuaFn(f) => {
            let proto = lua.heap.lua_fn(f).proto.proto.clone();
            let bytes = crate::bytecode::dump(&proto, strip);
            push_string(lua, &bytes)
        }
        Value::NativeFn(_) => Err(lua.error(b"unable to dump given function")),
        _ => Err(lua.arg_type_error(1, "function")),
    }
}
