//! The `package` library and `require`. Mirrors loadlib.c of PUC Lua 5.3.6; manual §6.3.
//!
//! ferrolua loads no native libraries: it behaves as PUC built without dynamic library
//! support, where `package.loadlib` returns `nil, message, "absent"` and a C module found on
//! `package.cpath` fails to load with that message.

use crate::compiler::{skip_file_prefix, ChunkMode};
use crate::value::{TableRef, Truth, Value};
use crate::vm::{Lua, LuaError};

/// PUC's defaults for a `/usr/local` installation (luaconf.h).
const PATH_DEFAULT: &str = "/usr/local/share/lua/5.3/?.lua;/usr/local/share/lua/5.3/?/init.lua;\
/usr/local/lib/lua/5.3/?.lua;/usr/local/lib/lua/5.3/?/init.lua;./?.lua;./?/init.lua";
const CPATH_DEFAULT: &str = "/usr/local/lib/lua/5.3/?.so;/usr/local/lib/lua/5.3/loadall.so;./?.so";
/// The message of a build without dynamic libraries (`DLMSG`).
const NO_DYNAMIC_LIBRARIES: &[u8] = b"dynamic libraries not enabled; check your Lua installation";

/// Opens `package` and the global `require` (`luaopen_package`). When the registry's
/// `LUA_NOENV` field is true (the standalone interpreter's `-E`), the `LUA_PATH` and
/// `LUA_CPATH` variables are not read.
pub fn open(lua: &mut Lua) {
    let package = lua.new_library(
        "package",
        &[("loadlib", loadlib), ("searchpath", searchpath)],
    );
    let searchers = lua.new_table();
    let Value::Table(searchers_table) = searchers else {
        unreachable!("new_table makes a table")
    };
    for (i, searcher) in [searcher_preload, searcher_lua, searcher_c, searcher_croot]
        .into_iter()
        .enumerate()
    {
        let function = lua.native_closure(searcher, vec![Value::Table(package)]);
        lua.heap
            .table_set(searchers_table, Value::Int(i as i64 + 1), function);
    }
    set_field(lua, package, "searchers", searchers);
    let registry = lua.registry();
    let no_env_key = lua.string(b"LUA_NOENV");
    let ignore_env = !lua.heap.table(registry).get(no_env_key).is_falsy();
    let environment_path = |versioned: &str, plain: &str, default: &str| {
        if ignore_env {
            default.to_string()
        } else {
            environment_path(versioned, plain, default)
        }
    };
    let path = environment_path("LUA_PATH_5_3", "LUA_PATH", PATH_DEFAULT);
    let path = lua.string(path.as_bytes());
    set_field(lua, package, "path", path);
    let cpath = environment_path("LUA_CPATH_5_3", "LUA_CPATH", CPATH_DEFAULT);
    let cpath = lua.string(cpath.as_bytes());
    set_field(lua, package, "cpath", cpath);
    let config = lua.string(b"/\n;\n?\n!\n-\n");
    set_field(lua, package, "config", config);
    let loaded = Value::Table(lua.loaded);
    set_field(lua, package, "loaded", loaded);
    let preload = lua.new_table();
    set_field(lua, package, "preload", preload);
    let require = lua.native_closure(require, vec![Value::Table(package)]);
    lua.set_global("require", require);
}

fn set_field(lua: &mut Lua, table: TableRef, name: &str, value: Value) {
    let key = lua.string(name.as_bytes());
    lua.heap.table_set(table, key, value);
}

fn get_field(lua: &mut Lua, table: TableRef, name: &str) -> Value {
    let key = lua.string(name.as_bytes());
    lua.heap.table(table).get(key)
}

/// A search path from the environment, with `;;` standing for the default (`setpath`).
fn environment_path(versioned: &str, plain: &str, default: &str) -> String {
    let value = std::env::var(versioned).or_else(|_| std::env::var(plain));
    match value {
        // Every `;;` becomes `;default;`, left to right and without overlaps (`setpath`).
        Ok(path) => path.replace(";;", &format!(";{default};")),
        Err(_) => default.to_string(),
    }
}

fn package_table(lua: &Lua) -> TableRef {
    match lua.native_upvalue(1) {
        Value::Table(t) => t,
        _ => lua.loaded,
    }
}

/// `require(name)` (`ll_require`).
fn require(lua: &mut Lua) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let name_bytes = lua.str_bytes(name).to_vec();
    let loaded = lua.loaded;
    let existing = lua.heap.table(loaded).get(Value::Str(name));
    if !existing.is_falsy() {
        lua.push(existing);
        return Ok(1);
    }
    let (loader, extra) = find_loader(lua, &name_bytes)?;
    let results = lua.call(loader, &[Value::Str(name), extra])?;
    let result = results.first().copied().unwrap_or_default();
    if !result.is_nil() {
        lua.heap.table_set(loaded, Value::Str(name), result);
    }
    let mut module = lua.heap.table(loaded).get(Value::Str(name));
    if module.is_nil() {
        module = Value::Bool(Truth::True);
        lua.heap.table_set(loaded, Value::Str(name), module);
    }
    lua.push(module);
    Ok(1)
}

/// Asks each searcher in turn for a loader (`findloader`).
fn find_loader(lua: &mut Lua, name: &[u8]) -> Result<(Value, Value), LuaError> {
    let package = package_table(lua);
    let Value::Table(searchers) = get_field(lua, package, "searchers") else {
        return Err(lua.error(b"'package.searchers' must be a table"));
    };
    let mut message = Vec::new();
    let name_value = lua.string(name);
    for i in 1.. {
        let searcher = lua.heap.table(searchers).get(Value::Int(i));
        if searcher.is_nil() {
            let mut text = b"module '".to_vec();
            text.extend_from_slice(name);
            text.extend_from_slice(b"' not found:");
            text.extend_from_slice(&message);
            return Err(lua.error(&text));
        }
        let mut results = lua.call(searcher, &[name_value])?;
        results.resize(2, Value::Nil);
        match results[0] {
            Value::LuaFn(_) | Value::NativeFn(_) => return Ok((results[0], results[1])),
            // `lua_isstring`: a number is a message too.
            value => {
                if let Some(s) = lua.as_lua_string(value) {
                    message.extend_from_slice(lua.str_bytes(s));
                }
            }
        }
    }
    unreachable!("the searcher loop ends with an error or a loader")
}

fn searcher_preload(lua: &mut Lua) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let package = package_table(lua);
    let found = match get_field(lua, package, "preload") {
        Value::Table(preload) => lua.heap.table(preload).get(Value::Str(name)),
        _ => Value::Nil,
    };
    if found.is_nil() {
        let mut text = b"\n\tno field package.preload['".to_vec();
        text.extend_from_slice(lua.str_bytes(name));
        text.extend_from_slice(b"']");
        let value = lua.string(&text);
        lua.push(value);
    } else {
        lua.push(found);
    }
    Ok(1)
}

/// Finds `name` along `path`, replacing `sep` in it by `dirsep` (`searchpath`). The error lists
/// every file tried.
fn search_path(name: &[u8], path: &[u8], sep: &[u8], dirsep: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let name = if sep.is_empty() {
        name.to_vec()
    } else {
        replace(name, sep, dirsep)
    };
    let mut message = Vec::new();
    for template in path.split(|&b| b == b';').filter(|t| !t.is_empty()) {
        let filename = replace(template, b"?", &name);
        if std::fs::File::open(String::from_utf8_lossy(&filename).as_ref()).is_ok() {
            return Ok(filename);
        }
        message.extend_from_slice(b"\n\tno file '");
        message.extend_from_slice(&filename);
        message.push(b'\'');
    }
    Err(message)
}

fn replace(text: &[u8], pattern: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(pattern) {
            out.extend_from_slice(with);
            i += pattern.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

fn searchpath(lua: &mut Lua) -> Result<usize, LuaError> {
    // The checks are arguments of one C call, which gcc evaluates last to first.
    let dirsep = lua.opt_string(4, b"/")?;
    let sep = lua.opt_string(3, b".")?;
    let path = lua.check_string(2)?;
    let name = lua.check_string(1)?;
    let (name, path, sep, dirsep) = (
        lua.str_bytes(name).to_vec(),
        lua.str_bytes(path).to_vec(),
        lua.str_bytes(sep).to_vec(),
        lua.str_bytes(dirsep).to_vec(),
    );
    match search_path(&name, &path, &sep, &dirsep) {
        Ok(filename) => {
            let value = lua.string(&filename);
            lua.push(value);
            Ok(1)
        }
        Err(message) => {
            let value = lua.string(&message);
            lua.push(Value::Nil);
            lua.push(value);
            Ok(2)
        }
    }
}

/// Looks `name` up along `package.<field>` (`findfile`).
fn find_file(
    lua: &mut Lua,
    name: &[u8],
    field: &str,
) -> Result<Result<Vec<u8>, Vec<u8>>, LuaError> {
    let package = package_table(lua);
    // `lua_tostring`: a number is a path too.
    let path = get_field(lua, package, field);
    let path = match lua.as_lua_string(path) {
        Some(s) => lua.str_bytes(s).to_vec(),
        None => return Err(lua.error(format!("'package.{field}' must be a string").as_bytes())),
    };
    Ok(search_path(name, &path, b".", b"/"))
}

fn searcher_lua(lua: &mut Lua) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let name = lua.str_bytes(name).to_vec();
    let filename = match find_file(lua, &name, "path")? {
        Ok(filename) => filename,
        Err(message) => {
            let value = lua.string(&message);
            lua.push(value);
            return Ok(1);
        }
    };
    let path = String::from_utf8_lossy(&filename).into_owned();
    let loaded = match std::fs::read(&path) {
        Ok(contents) => {
            let chunk_name = [b"@".as_slice(), &filename].concat();
            lua.load(skip_file_prefix(&contents), &chunk_name, ChunkMode::Both)
        }
        Err(error) => {
            Err(format!("cannot read {path}: {}", super::base::io_error_text(&error)).into_bytes())
        }
    };
    match loaded {
        Ok(function) => {
            let filename = lua.string(&filename);
            lua.push(function);
            lua.push(filename);
            Ok(2)
        }
        Err(message) => {
            let mut text = b"error loading module '".to_vec();
            text.extend_from_slice(&name);
            text.extend_from_slice(b"' from file '");
            text.extend_from_slice(&filename);
            text.extend_from_slice(b"':\n\t");
            text.extend_from_slice(&message);
            Err(lua.error(&text))
        }
    }
}

/// A C module: found or not along `package.cpath`, but never loadable.
fn searcher_c_common(lua: &mut Lua, root_only: bool) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let name = lua.str_bytes(name).to_vec();
    let searched = if root_only {
        match name.iter().position(|&b| b == b'.') {
            Some(dot) => name[..dot].to_vec(),
            None => return Ok(0),
        }
    } else {
        name.clone()
    };
    match find_file(lua, &searched, "cpath")? {
        Ok(filename) => {
            let mut text = b"error loading module '".to_vec();
            text.extend_from_slice(&name);
            text.extend_from_slice(b"' from file '");
            text.extend_from_slice(&filename);
            text.extend_from_slice(b"':\n\t");
            text.extend_from_slice(NO_DYNAMIC_LIBRARIES);
            Err(lua.error(&text))
        }
        Err(message) => {
            let value = lua.string(&message);
            lua.push(value);
            Ok(1)
        }
    }
}

fn searcher_c(lua: &mut Lua) -> Result<usize, LuaError> {
    searcher_c_common(lua, false)
}

fn searcher_croot(lua: &mut Lua) -> Result<usize, LuaError> {
    searcher_c_common(lua, true)
}

/// `package.loadlib(path, funcname)`: always `nil, message, "absent"` here.
fn loadlib(lua: &mut Lua) -> Result<usize, LuaError> {
    lua.check_string(1)?;
    lua.check_string(2)?;
    let message = lua.string(NO_DYNAMIC_LIBRARIES);
    let absent = lua.string(b"absent");
    lua.push(Value::Nil);
    lua.push(message);
    lua.push(absent);
    Ok(3)
}
