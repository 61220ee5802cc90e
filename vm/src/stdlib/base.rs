//! The basic library: `print`, `pcall`, `setmetatable` and the rest of the global functions.
//! Mirrors lbaselib.c of PUC Lua 5.3.6; manual §6.1.

use crate::compiler::{skip_file_prefix, ChunkMode};
use crate::number;
use crate::value::{Truth, Value};
use crate::vm::{ErrorKind, Lua, LuaError, MULTRET};

/// Opens the basic library into the globals.
pub fn open(lua: &mut Lua) {
    let globals = lua.globals();
    lua.register(
        globals,
        &[
            ("assert", assert),
            ("collectgarbage", collectgarbage),
            ("dofile", dofile),
            ("error", error),
            ("getmetatable", getmetatable),
            ("ipairs", ipairs),
            ("load", load),
            ("loadfile", loadfile),
            ("next", next),
            ("pairs", pairs),
            ("pcall", pcall),
            ("print", print),
            ("rawequal", rawequal),
            ("rawget", rawget),
            ("rawlen", rawlen),
            ("rawset", rawset),
            ("select", select),
            ("setmetatable", setmetatable),
            ("tonumber", tonumber),
            ("tostring", tostring),
            ("type", type_),
            ("xpcall", xpcall),
        ],
    );
    lua.set_global("_G", Value::Table(globals));
    let version = lua.string(b"Lua 5.3");
    lua.set_global("_VERSION", version);
}

fn returns(lua: &mut Lua, values: &[Value]) -> Result<usize, LuaError> {
    for &value in values {
        lua.push(value);
    }
    Ok(values.len())
}

fn print(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    let tostring = lua.get_global_with_metamethods(b"tostring")?;
    // Kept on the stack, where the collector sees it while `tostring` runs.
    lua.push(tostring);
    let mut line = Vec::new();
    for i in 1..=n {
        let value = lua.arg(i);
        let results = lua.call(tostring, &[value])?;
        let text = match results.first().copied().unwrap_or_default() {
            Value::Str(s) => lua.str_bytes(s).to_vec(),
            v @ (Value::Int(_) | Value::Float(_)) => match lua.number_to_str(v) {
                Some(Value::Str(s)) => lua.str_bytes(s).to_vec(),
                _ => unreachable!("numbers convert to strings"),
            },
            _ => return Err(lua.error(b"'tostring' must return a string to 'print'")),
        };
        if i > 1 {
            line.push(b'\t');
        }
        line.extend_from_slice(&text);
    }
    line.push(b'\n');
    lua.write_output(&line);
    Ok(0)
}

fn tostring(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let text = lua.to_display_string(value)?;
    returns(lua, &[Value::Str(text)])
}

fn type_(lua: &mut Lua) -> Result<usize, LuaError> {
    if lua.arg_count() < 1 {
        return Err(lua.arg_error(1, b"value expected"));
    }
    let name = lua.arg(1).type_name();
    let name = lua.string(name.as_bytes());
    returns(lua, &[name])
}

fn tonumber(lua: &mut Lua) -> Result<usize, LuaError> {
    if lua.arg(2).is_nil() {
        let value = lua.arg(1);
        let converted = match value {
            Value::Int(_) | Value::Float(_) => Some(value),
            Value::Str(s) => number::str_to_number(lua.str_bytes(s)).map(|n| match n {
                number::Number::Int(i) => Value::Int(i),
                number::Number::Float(f) => Value::Float(f),
            }),
            _ => None,
        };
        if let Some(converted) = converted {
            return returns(lua, &[converted]);
        }
        lua.check_any(1)?;
        return returns(lua, &[Value::Nil]);
    }
    let base = lua.check_integer(2)?;
    let Value::Str(s) = lua.arg(1) else {
        return Err(lua.arg_type_error(1, "string"));
    };
    if !(2..=36).contains(&base) {
        return Err(lua.arg_error(2, b"base out of range"));
    }
    let result = str_to_int_base(lua.str_bytes(s), base as u32).map_or(Value::Nil, Value::Int);
    returns(lua, &[result])
}

/// An integer numeral in any base from 2 to 36 (`l_str2int` in lbaselib.c).
fn str_to_int_base(text: &[u8], base: u32) -> Option<i64> {
    let is_space = |b: &u8| number::is_space(*b);
    let start = text.iter().position(|b| !is_space(b)).unwrap_or(text.len());
    let mut rest = &text[start..];
    let negative = match rest.first() {
        Some(b'-') => {
            rest = &rest[1..];
            true
        }
        Some(b'+') => {
            rest = &rest[1..];
            false
        }
        _ => false,
    };
    let digits = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if digits == 0 {
        return None;
    }
    let mut n: u64 = 0;
    for &b in &rest[..digits] {
        let digit = if b.is_ascii_digit() {
            (b - b'0') as u32
        } else {
            (b.to_ascii_uppercase() - b'A') as u32 + 10
        };
        if digit >= base {
            return None;
        }
        n = n.wrapping_mul(base as u64).wrapping_add(digit as u64);
    }
    if !rest[digits..].iter().all(is_space) {
        return None;
    }
    Some(if negative { 0u64.wrapping_sub(n) } else { n } as i64)
}

fn ipairs(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let iterator = lua.native_function(ipairs_step);
    returns(lua, &[iterator, value, Value::Int(0)])
}

fn ipairs_step(lua: &mut Lua) -> Result<usize, LuaError> {
    let i = lua.check_integer(2)?.wrapping_add(1);
    let value = lua.arg(1);
    let element = lua.index_value(value, Value::Int(i))?;
    if element.is_nil() {
        returns(lua, &[Value::Nil])
    } else {
        returns(lua, &[Value::Int(i), element])
    }
}

fn next(lua: &mut Lua) -> Result<usize, LuaError> {
    let table = lua.check_table(1)?;
    let key = lua.arg(2);
    match lua.heap.table(table).next(key) {
        Ok(Some((k, v))) => returns(lua, &[k, v]),
        Ok(None) => returns(lua, &[Value::Nil]),
        Err(_) => Err(lua.runtime_error(b"invalid key to 'next'")),
    }
}

fn pairs(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let handler = lua.metafield(value, b"__pairs");
    if handler.is_nil() {
        let next = lua.native_function(next);
        return returns(lua, &[next, value, Value::Nil]);
    }
    let mut results = lua.call(handler, &[value])?;
    results.resize(3, Value::Nil);
    returns(lua, &results)
}

fn rawequal(lua: &mut Lua) -> Result<usize, LuaError> {
    let a = lua.check_any(1)?;
    let b = lua.check_any(2)?;
    returns(lua, &[Value::boolean(a.raw_equal(b))])
}

fn rawlen(lua: &mut Lua) -> Result<usize, LuaError> {
    let length = match lua.arg(1) {
        Value::Table(t) => lua.heap.table(t).length(),
        Value::Str(s) => lua.str_bytes(s).len() as i64,
        _ => return Err(lua.arg_error(1, b"table or string expected")),
    };
    returns(lua, &[Value::Int(length)])
}

fn rawget(lua: &mut Lua) -> Result<usize, LuaError> {
    let table = lua.check_table(1)?;
    let key = lua.check_any(2)?;
    let value = lua.heap.table(table).get(key);
    returns(lua, &[value])
}

fn rawset(lua: &mut Lua) -> Result<usize, LuaError> {
    let table = lua.check_table(1)?;
    let key = lua.check_any(2)?;
    let value = lua.check_any(3)?;
    lua.raw_set(table, key, value)?;
    returns(lua, &[Value::Table(table)])
}

fn getmetatable(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let Some(mt) = lua.metatable(value) else {
        return returns(lua, &[Value::Nil]);
    };
    let protected = lua.metafield(value, b"__metatable");
    if protected.is_nil() {
        returns(lua, &[Value::Table(mt)])
    } else {
        returns(lua, &[protected])
    }
}

fn setmetatable(lua: &mut Lua) -> Result<usize, LuaError> {
    let metatable = lua.arg(2);
    let table = lua.check_table(1)?;
    let metatable = match metatable {
        // An absent argument is not nil here (`lua_type` gives `LUA_TNONE`).
        Value::Nil if lua.arg_count() >= 2 => None,
        Value::Table(t) => Some(t),
        _ => return Err(lua.arg_error(2, b"nil or table expected")),
    };
    if !lua.metafield(Value::Table(table), b"__metatable").is_nil() {
        return Err(lua.error(b"cannot change a protected metatable"));
    }
    lua.set_metatable(Value::Table(table), metatable);
    returns(lua, &[Value::Table(table)])
}

fn assert(lua: &mut Lua) -> Result<usize, LuaError> {
    if !lua.arg(1).is_falsy() {
        return Ok(lua.arg_count());
    }
    lua.check_any(1)?;
    let message = if lua.arg_count() >= 2 {
        lua.arg(2)
    } else {
        lua.string(b"assertion failed!")
    };
    Err(lua.error_with_level(message, 1))
}

fn error(lua: &mut Lua) -> Result<usize, LuaError> {
    let level = lua.opt_integer(2, 1)?;
    let message = lua.arg(1);
    Err(lua.error_with_level(message, level))
}

fn pcall(lua: &mut Lua) -> Result<usize, LuaError> {
    lua.check_any(1)?;
    let func = lua.current_base();
    protected_results(lua, func, None)
}

fn xpcall(lua: &mut Lua) -> Result<usize, LuaError> {
    let handler = lua.arg(2);
    if !matches!(handler, Value::LuaFn(_) | Value::NativeFn(_)) {
        return Err(lua.arg_type_error(2, "function"));
    }
    // The handler leaves the stack, so that the function is followed by its arguments.
    lua.remove_arg(2);
    let func = lua.current_base();
    protected_results(lua, func, Some(handler))
}

/// Calls the function at `func` with the values above it in protected mode and returns
/// `true, results...` or `false, error` (`finishpcall`).
fn protected_results(
    lua: &mut Lua,
    func: usize,
    handler: Option<Value>,
) -> Result<usize, LuaError> {
    // The frame remembers the handler to restore, so that a coroutine resumed after a yield
    // inside the protected call can finish it (see `Frame::protected`).
    let outer_handler = lua.current_error_handler();
    lua.mark_protected(outer_handler);
    match lua.pcall_at(func, MULTRET, handler, true) {
        Ok(()) => {
            let n = lua.top - func;
            lua.insert_below(func, Value::Bool(Truth::True));
            Ok(n + 1)
        }
        Err(error) if matches!(error.kind, ErrorKind::Interrupted | ErrorKind::Yield) => Err(error),
        Err(error) => {
            lua.top = func;
            lua.push(Value::Bool(Truth::False));
            lua.push(error.value);
            Ok(2)
        }
    }
}

fn select(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count() as i64;
    if let Value::Str(s) = lua.arg(1) {
        if lua.str_bytes(s).first() == Some(&b'#') {
            return returns(lua, &[Value::Int(n - 1)]);
        }
    }
    let mut i = lua.check_integer(1)?;
    if i < 0 {
        i += n;
    } else if i > n {
        i = n;
    }
    if i < 1 {
        return Err(lua.arg_error(1, b"index out of range"));
    }
    Ok((n - i) as usize)
}

fn collectgarbage(lua: &mut Lua) -> Result<usize, LuaError> {
    const OPTIONS: [&str; 8] = [
        "stop",
        "restart",
        "collect",
        "count",
        "step",
        "setpause",
        "setstepmul",
        "isrunning",
    ];
    let option = lua.opt_string(1, b"collect")?;
    let option = lua.str_bytes(option).to_vec();
    let Some(option) = OPTIONS.iter().find(|o| o.as_bytes() == option.as_slice()) else {
        let mut message = b"invalid option '".to_vec();
        message.extend_from_slice(&option);
        message.push(b'\'');
        return Err(lua.arg_error(1, &message));
    };
    // `lua_gc` takes an `int`.
    let data = lua.opt_integer(2, 0)? as i32 as i64;
    let result = match *option {
        "stop" => {
            lua.gc_set_running(false);
            Value::Int(0)
        }
        "restart" => {
            lua.gc_set_running(true);
            Value::Int(0)
        }
        "collect" => {
            lua.gc_collect()?;
            Value::Int(0)
        }
        "count" => Value::Float(lua.gc_count()),
        "step" => Value::boolean(lua.gc_step_api(data)?),
        "setpause" => Value::Int(lua.gc_set_pause(data)),
        "setstepmul" => Value::Int(lua.gc_set_step_mul(data)),
        _ => Value::boolean(lua.gc_is_running()),
    };
    returns(lua, &[result])
}

fn load(lua: &mut Lua) -> Result<usize, LuaError> {
    let chunk = lua.arg(1);
    let mode = lua.opt_string(3, b"bt")?;
    let mode = lua.str_bytes(mode).to_vec();
    let has_env = lua.arg_count() >= 4;
    let env = lua.arg(4);
    let (source, default_name): (Vec<u8>, Vec<u8>) = match chunk {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let s = lua.check_string(1)?;
            let source = lua.str_bytes(s).to_vec();
            (source.clone(), source)
        }
        _ => {
            let name = lua.opt_string(2, b"=(load)")?;
            if !matches!(chunk, Value::LuaFn(_) | Value::NativeFn(_)) {
                return Err(lua.arg_type_error(1, "function"));
            }
            match read_pieces(lua, chunk) {
                Ok(source) => (source, lua.str_bytes(name).to_vec()),
                Err(error) => return returns(lua, &[Value::Nil, error.value]),
            }
        }
    };
    let name = match chunk {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let name = lua.opt_string(2, &default_name)?;
            lua.str_bytes(name).to_vec()
        }
        _ => default_name,
    };
    load_results(lua, &source, &name, &mode, has_env.then_some(env))
}

/// Calls a `load` reader until it returns nil or an empty string (`generic_reader`). The calls
/// are protected, as the parser's are in PUC, keeping the active message handler.
fn read_pieces(lua: &mut Lua, reader: Value) -> Result<Vec<u8>, LuaError> {
    let mut source = Vec::new();
    let handler = lua.current_error_handler();
    loop {
        let func = lua.top;
        lua.push(reader);
        lua.pcall_at(func, 1, handler, false)?;
        let piece = lua.stack_value(func);
        lua.top = func;
        match piece {
            Value::Nil => break,
            Value::Str(s) if lua.str_bytes(s).is_empty() => break,
            Value::Str(s) => source.extend_from_slice(lua.str_bytes(s)),
            Value::Int(_) | Value::Float(_) => {
                let s = lua.to_display_string(piece)?;
                if lua.str_bytes(s).is_empty() {
                    break;
                }
                source.extend_from_slice(lua.str_bytes(s));
            }
            _ => {
                // `luaL_error` inside the protected parser: caught, after the handler.
                let message = lua.error(b"reader function must return a string");
                return Err(message);
            }
        }
    }
    Ok(source)
}

fn load_results(
    lua: &mut Lua,
    source: &[u8],
    name: &[u8],
    mode: &[u8],
    env: Option<Value>,
) -> Result<usize, LuaError> {
    // The mode is any string here, checked as PUC checks it; the chunk is then compiled with
    // both kinds allowed.
    if let Some(message) = crate::compiler::mode_error(mode, source) {
        let message = lua.string(&message);
        return returns(lua, &[Value::Nil, message]);
    }
    match lua.load(source, name, ChunkMode::Both) {
        Ok(function) => {
            if let Some(env) = env {
                lua.set_first_upvalue(function, env);
            }
            returns(lua, &[function])
        }
        Err(message) => {
            let message = lua.string(&message);
            returns(lua, &[Value::Nil, message])
        }
    }
}

/// The contents and chunk name of the file named by argument `arg`, or stdin when it is nil
/// (`luaL_loadfilex`). Failing to open the file gives `Err(Ok(message))`, PUC's
/// `cannot open <name>: <reason>`; a bad argument gives `Err(Err(error))`.
fn read_chunk_file(
    lua: &mut Lua,
    arg: usize,
) -> Result<(Vec<u8>, Vec<u8>), Result<Value, LuaError>> {
    let path = match lua.arg(arg) {
        Value::Nil => None,
        _ => Some(lua.check_string(arg).map_err(Err)?),
    };
    let (contents, name) = match path {
        Some(path) => {
            use std::io::Read;
            let path = String::from_utf8_lossy(lua.str_bytes(path)).into_owned();
            // Opening and reading fail apart, as `errfile` tells them: a directory opens, and
            // fails to read.
            let mut contents = Vec::new();
            let failed = match std::fs::File::open(&path) {
                Ok(mut file) => file
                    .read_to_end(&mut contents)
                    .err()
                    .map(|error| ("read", error)),
                Err(error) => Some(("open", error)),
            };
            if let Some((what, error)) = failed {
                let message = format!("cannot {what} {path}: {}", io_error_text(&error));
                return Err(Ok(lua.string(message.as_bytes())));
            }
            (contents, [b"@".as_slice(), path.as_bytes()].concat())
        }
        None => {
            let mut contents = Vec::new();
            use std::io::Read;
            let _ = std::io::stdin().read_to_end(&mut contents);
            (contents, b"=stdin".to_vec())
        }
    };
    Ok((skip_file_prefix(&contents).to_vec(), name))
}

/// The text of an I/O error as C's `strerror` gives it, which is what PUC's messages show.
pub fn io_error_text(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

fn loadfile(lua: &mut Lua) -> Result<usize, LuaError> {
    let mode = lua.opt_string(2, b"bt")?;
    let mode = lua.str_bytes(mode).to_vec();
    let has_env = lua.arg_count() >= 3;
    let env = lua.arg(3);
    let (source, name) = match read_chunk_file(lua, 1) {
        Ok(found) => found,
        Err(Ok(message)) => return returns(lua, &[Value::Nil, message]),
        Err(Err(error)) => return Err(error),
    };
    load_results(lua, &source, &name, &mode, has_env.then_some(env))
}

fn dofile(lua: &mut Lua) -> Result<usize, LuaError> {
    let (source, name) = match read_chunk_file(lua, 1) {
        Ok(found) => found,
        Err(Ok(message)) => return Err(lua.raise(message)),
        Err(Err(error)) => return Err(error),
    };
    let function = match lua.load(&source, &name, ChunkMode::Both) {
        Ok(function) => function,
        Err(message) => {
            let value = lua.string(&message);
            return Err(lua.raise(value));
        }
    };
    let func = lua.top;
    lua.push(function);
    // A coroutine may yield inside the file (`dofilecont`).
    lua.set_continuation(crate::vm::Continuation::ReturnResults { from: func });
    lua.call_yieldable(func, MULTRET)?;
    Ok(lua.top - func)
}
