//! The `debug` library. Mirrors ldblib.c of PUC Lua 5.3.6 and the parts of ldebug.c behind it
//! (`lua_getinfo`, `lua_getlocal`, `lua_setlocal`); manual §6.10.
//!

use crate::value::{TableRef, ThreadRef, Truth, UpvalRef, Value};
use crate::vm::{FrameKind, Lua, LuaError, MASK_CALL, MASK_COUNT, MASK_LINE, MASK_RETURN};

/// Opens the library into `_G.debug` and `package.loaded.debug`.
pub fn open(lua: &mut Lua) {
    lua.new_library(
        "debug",
        &[
            ("debug", debug),
            ("gethook", gethook),
            ("getinfo", getinfo),
            ("getlocal", getlocal),
            ("getmetatable", getmetatable),
            ("getregistry", getregistry),
            ("getupvalue", getupvalue),
            ("getuservalue", getuservalue),
            ("sethook", sethook),
            ("setlocal", setlocal),
            ("setmetatable", setmetatable),
            ("setupvalue", setupvalue),
            ("setuservalue", setuservalue),
            ("traceback", traceback),
            ("upvalueid", upvalueid),
            ("upvaluejoin", upvaluejoin),
        ],
    );
}

/// The thread argument the thread-taking functions accept first (`getthread`): the thread
/// to inspect and how many arguments it took.
fn thread_arg(lua: &Lua) -> (ThreadRef, usize) {
    match lua.arg(1) {
        Value::Thread(t) => (t, 1),
        _ => (lua.current_thread(), 0),
    }
}

/// `debug.traceback([thread,] [message [, level]])` (`db_traceback`): a message that is neither
/// a string nor a number nor nil comes back untouched. The level counts from 1 (the caller) in
/// the running thread and from 0 in another one.
fn traceback(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(lua);
    let message = lua.arg(arg + 1);
    let text = match lua.as_lua_string(message) {
        Some(s) => Some(lua.str_bytes(s).to_vec()),
        None if message.is_nil() => None,
        None => {
            lua.push(message);
            return Ok(1);
        }
    };
    let default_level = if thread == lua.current_thread() { 1 } else { 0 };
    let level = lua.opt_integer(arg + 2, default_level)?;
    // A negative level names no frame: the traceback is only its header.
    let level = usize::try_from(level).unwrap_or(usize::MAX);
    let traceback = lua.with_thread(thread, |lua| lua.traceback(text.as_deref(), level));
    let value = lua.string(&traceback);
    lua.push(value);
    Ok(1)
}

/// `debug.debug()` (`db_debug`): runs each line read from stdin as a chunk named
/// `=(debug command)`, writing `lua_debug> ` and any error to stderr, until `cont` or the end
/// of input.
fn debug(lua: &mut Lua) -> Result<usize, LuaError> {
    use std::io::{BufRead, Write};
    loop {
        let _ = std::io::stderr().write_all(b"lua_debug> ");
        let _ = std::io::stderr().flush();
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Ok(0),
            Ok(_) if line == b"cont\n" => return Ok(0),
            Ok(_) => {}
        }
        let outcome = match lua.load(&line, b"=(debug command)", crate::ChunkMode::Both) {
            Ok(function) => lua
                .pcall(function, &[], None)
                .err()
                .map(|error| error.value),
            Err(message) => Some(lua.string(&message)),
        };
        if let Some(error) = outcome {
            // `lua_tostring` gives NULL for other values, which glibc's printf writes as
            // `(null)`.
            let mut text = match lua.as_lua_string(error) {
                Some(s) => lua.str_bytes(s).to_vec(),
                None => b"(null)".to_vec(),
            };
            text.push(b'\n');
            let _ = std::io::stderr().write_all(&text);
        }
    }
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
    // `luaL_argcheck` on `lua_type`: a missing argument is not nil, and no type is named.
    let metatable = match lua.arg(2) {
        Value::Nil if lua.arg_count() >= 2 => None,
        Value::Table(t) => Some(t),
        _ => return Err(lua.arg_error(2, b"nil or table expected")),
    };
    lua.set_metatable(value, metatable);
    lua.push(value);
    Ok(1)
}

fn set_field(lua: &mut Lua, table: TableRef, name: &str, value: Value) {
    let key = lua.string(name.as_bytes());
    lua.heap.table_set(table, key, value);
}

fn set_string(lua: &mut Lua, table: TableRef, name: &str, text: &[u8]) {
    let value = lua.string(text);
    set_field(lua, table, name, value);
}

/// The frame index of stack level `level` (0 is the running native function), if it exists.
fn frame_at_level(lua: &Lua, level: i64) -> Option<usize> {
    let count = lua.frame_count();
    if level < 0 || level as usize >= count {
        return None;
    }
    Some(count - 1 - level as usize)
}

/// `debug.getinfo([thread,] f [, what])` (`db_getinfo` and `lua_getinfo`).
fn getinfo(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(lua);
    let options = lua.opt_string(arg + 2, b"flnStu")?;
    let options = lua.str_bytes(options).to_vec();
    let target = lua.arg(arg + 1);
    let level = match target {
        Value::LuaFn(_) | Value::NativeFn(_) => None,
        _ => Some(lua.check_integer(arg + 1)?),
    };
    let valid = !options.starts_with(b">") && options.iter().all(|b| b"SlnutLf".contains(b));
    let info = lua.with_thread(thread, |lua| {
        let (function, frame) = match level {
            None => (target, None),
            Some(level) => {
                let index = frame_at_level(lua, level)?;
                (lua.frame_function(index), Some(index))
            }
        };
        Some(valid.then(|| build_info(lua, function, frame, &options)))
    });
    match info {
        None => lua.push(Value::Nil),
        Some(None) => return Err(lua.arg_error(arg + 2, b"invalid option")),
        Some(Some(info)) => lua.push(info),
    }
    Ok(1)
}

/// The table `debug.getinfo` returns for `function`, running in frame `frame` of the thread in
/// place if it is running, with the fields `options` asks for.
fn build_info(lua: &mut Lua, function: Value, frame: Option<usize>, options: &[u8]) -> Value {
    let Value::Table(info) = lua.new_table() else {
        unreachable!("new_table makes a table")
    };
    let proto = match function {
        Value::LuaFn(f) => Some(lua.heap.lua_fn(f).proto.proto.clone()),
        _ => None,
    };
    if options.contains(&b'S') {
        match &proto {
            Some(p) => {
                let source = p.source.to_vec();
                set_string(lua, info, "source", &source);
                set_string(lua, info, "short_src", &crate::compiler::chunk_id(&source));
                set_field(lua, info, "linedefined", Value::Int(p.line_defined as i64));
                set_field(
                    lua,
                    info,
                    "lastlinedefined",
                    Value::Int(p.last_line_defined as i64),
                );
                set_string(
                    lua,
                    info,
                    "what",
                    if p.line_defined == 0 { b"main" } else { b"Lua" },
                );
            }
            None => {
                set_string(lua, info, "source", b"=[C]");
                set_string(lua, info, "short_src", b"[C]");
                set_field(lua, info, "linedefined", Value::Int(-1));
                set_field(lua, info, "lastlinedefined", Value::Int(-1));
                set_string(lua, info, "what", b"C");
            }
        }
    }
    if options.contains(&b'l') {
        let line = frame
            .and_then(|index| lua.frame_line(index))
            .map_or(-1, |line| line as i64);
        set_field(lua, info, "currentline", Value::Int(line));
    }
    if options.contains(&b'u') {
        let (nups, nparams, vararg) = match (&proto, function) {
            (Some(p), _) => (p.upvalues.len(), p.num_params as usize, p.is_vararg),
            (None, Value::NativeFn(f)) => (lua.heap.native_fn(f).upvalues.len(), 0, true),
            _ => (0, 0, true),
        };
        set_field(lua, info, "nups", Value::Int(nups as i64));
        set_field(lua, info, "nparams", Value::Int(nparams as i64));
        set_field(lua, info, "isvararg", Value::boolean(vararg));
    }
    if options.contains(&b'n') {
        match frame.and_then(|index| lua.frame_name(index)) {
            Some((kind, name)) => {
                set_string(lua, info, "name", &name);
                set_string(lua, info, "namewhat", kind.as_bytes());
            }
            None => set_string(lua, info, "namewhat", b""),
        }
    }
    if options.contains(&b't') {
        let tail = frame.is_some_and(|index| lua.frame_is_tail_call(index));
        set_field(lua, info, "istailcall", Value::boolean(tail));
    }
    if options.contains(&b'L') {
        if let Some(p) = &proto {
            let Value::Table(lines) = lua.new_table() else {
                unreachable!("new_table makes a table")
            };
            for &line in &p.line_info {
                lua.heap
                    .table_set(lines, Value::Int(line as i64), Value::Bool(Truth::True));
            }
            set_field(lua, info, "activelines", Value::Table(lines));
        }
    }
    if options.contains(&b'f') {
        set_field(lua, info, "func", function);
    }
    Value::Table(info)
}

/// `debug.getlocal([thread,] f, local)` (`db_getlocal`).
fn getlocal(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(lua);
    let n = lua.check_integer(arg + 2)?;
    let target = lua.arg(arg + 1);
    if let Value::LuaFn(f) = target {
        // Parameters of a function that is not running.
        let proto = lua.heap.lua_fn(f).proto.proto.clone();
        let name = if n > 0 {
            crate::vm::local_name(&proto, n as usize, 0).map(<[u8]>::to_vec)
        } else {
            None
        };
        match name {
            Some(name) => {
                let value = lua.string(&name);
                lua.push(value);
            }
            None => lua.push(Value::Nil),
        }
        return Ok(1);
    }
    if matches!(target, Value::NativeFn(_)) {
        lua.push(Value::Nil);
        return Ok(1);
    }
    let level = lua.check_integer(arg + 1)?;
    let local = lua.with_thread(thread, |lua| {
        let index = frame_at_level(lua, level)?;
        Some(
            lua.frame_local(index, n)
                .map(|(name, slot)| (name, lua.stack_value(slot))),
        )
    });
    match local {
        None => Err(lua.arg_error(arg + 1, b"level out of range")),
        Some(Some((name, value))) => {
            let name = lua.string(&name);
            lua.push(name);
            lua.push(value);
            Ok(2)
        }
        Some(None) => {
            lua.push(Value::Nil);
            Ok(1)
        }
    }
}

/// `debug.setlocal([thread,] level, local, value)` (`db_setlocal`).
fn setlocal(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(lua);
    let level = lua.check_integer(arg + 1)?;
    let n = lua.check_integer(arg + 2)?;
    let exists = lua.with_thread(thread, |lua| frame_at_level(lua, level).is_some());
    if !exists {
        return Err(lua.arg_error(arg + 1, b"level out of range"));
    }
    let value = lua.check_any(arg + 3)?;
    let name = lua.with_thread(thread, |lua| {
        let index = frame_at_level(lua, level)?;
        let (name, slot) = lua.frame_local(index, n)?;
        lua.set_stack_value(slot, value);
        Some(name)
    });
    match name {
        Some(name) => {
            let name = lua.string(&name);
            lua.push(name);
        }
        None => lua.push(Value::Nil),
    }
    Ok(1)
}

/// The upvalue cell or value of function argument 1 at index argument 2 (1-based), with its
/// name: PUC names a native function's upvalues with the empty string.
enum UpvalueSlot {
    Lua(UpvalRef, Vec<u8>),
    Native(usize),
}

/// Upvalue `n` of the function in argument `f_arg` (`lua_getupvalue`'s lookup), `None` if it
/// has no such upvalue; an error if the argument is not a function.
fn upvalue_slot(lua: &mut Lua, f_arg: usize, n: i64) -> Result<Option<UpvalueSlot>, LuaError> {
    match lua.arg(f_arg) {
        Value::LuaFn(f) => {
            let closure = lua.heap.lua_fn(f);
            let index = n - 1;
            if index < 0 || index as usize >= closure.upvalues.len() {
                return Ok(None);
            }
            let cell = closure.upvalues[index as usize];
            let name = closure
                .proto
                .proto
                .upvalues
                .get(index as usize)
                .map(|u| u.name.to_vec())
                .unwrap_or_default();
            let name = if name.is_empty() {
                b"(*no name)".to_vec()
            } else {
                name
            };
            Ok(Some(UpvalueSlot::Lua(cell, name)))
        }
        Value::NativeFn(f) => {
            let count = lua.heap.native_fn(f).upvalues.len();
            if n < 1 || n as usize > count {
                return Ok(None);
            }
            Ok(Some(UpvalueSlot::Native(n as usize - 1)))
        }
        _ => Err(lua.arg_type_error(f_arg, "function")),
    }
}

/// `debug.getupvalue(f, up)` (`db_getupvalue`).
fn getupvalue(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.check_integer(2)?;
    match upvalue_slot(lua, 1, n)? {
        Some(UpvalueSlot::Lua(cell, name)) => {
            let value = lua.upvalue_cell_value(cell);
            let name = lua.string(&name);
            lua.push(name);
            lua.push(value);
            Ok(2)
        }
        Some(UpvalueSlot::Native(index)) => {
            let Value::NativeFn(f) = lua.arg(1) else {
                unreachable!("checked by upvalue_slot")
            };
            let value = lua.heap.native_fn(f).upvalues[index];
            let name = lua.string(b"");
            lua.push(name);
            lua.push(value);
            Ok(2)
        }
        None => Ok(0),
    }
}

/// `debug.setupvalue(f, up, value)` (`db_setupvalue`).
fn setupvalue(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(3)?;
    let n = lua.check_integer(2)?;
    match upvalue_slot(lua, 1, n)? {
        Some(UpvalueSlot::Lua(cell, name)) => {
            lua.set_upvalue_cell_value(cell, value);
            let name = lua.string(&name);
            lua.push(name);
            Ok(1)
        }
        Some(UpvalueSlot::Native(index)) => {
            let Value::NativeFn(f) = lua.arg(1) else {
                unreachable!("checked by upvalue_slot")
            };
            lua.heap.native_fn_mut(f).upvalues[index] = value;
            let name = lua.string(b"");
            lua.push(name);
            Ok(1)
        }
        None => Ok(0),
    }
}

/// `debug.upvalueid(f, n)`: an identity for the upvalue cell, as a light userdata.
fn upvalueid(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.check_integer(2)?;
    let id = match upvalue_slot(lua, 1, n)? {
        Some(UpvalueSlot::Lua(cell, _)) => cell.0 as usize + 1,
        Some(UpvalueSlot::Native(index)) => {
            let Value::NativeFn(f) = lua.arg(1) else {
                unreachable!("checked by upvalue_slot")
            };
            (1 << 40) + ((f.0 as usize) << 8) + index
        }
        None => return Err(lua.arg_error(2, b"invalid upvalue index")),
    };
    lua.push(Value::LightUserdata(id));
    Ok(1)
}

/// `debug.upvaluejoin(f1, n1, f2, n2)`: makes upvalue `n1` of `f1` share `f2`'s cell `n2`.
fn upvaluejoin(lua: &mut Lua) -> Result<usize, LuaError> {
    // `checkupval`: the index, then the function (any function), then the upvalue, whose
    // value `lua_getupvalue` leaves on the stack. With only three arguments, the value left
    // by the first check is the second check's index, as in PUC.
    let check = |lua: &mut Lua, f_arg: usize, n_arg: usize| -> Result<usize, LuaError> {
        let n = lua.check_integer(n_arg)?;
        let value = match upvalue_slot(lua, f_arg, n)? {
            Some(UpvalueSlot::Lua(cell, _)) => lua.upvalue_cell_value(cell),
            Some(UpvalueSlot::Native(index)) => match lua.arg(f_arg) {
                Value::NativeFn(f) => lua.heap.native_fn(f).upvalues[index],
                _ => unreachable!("checked by upvalue_slot"),
            },
            None => return Err(lua.arg_error(n_arg, b"invalid upvalue index")),
        };
        lua.push(value);
        Ok(n as usize - 1)
    };
    let n1 = check(lua, 1, 2)?;
    let n2 = check(lua, 3, 4)?;
    let (Value::LuaFn(f1), Value::LuaFn(f2)) = (lua.arg(1), lua.arg(3)) else {
        let culprit = if matches!(lua.arg(1), Value::LuaFn(_)) {
            3
        } else {
            1
        };
        return Err(lua.arg_error(culprit, b"Lua function expected"));
    };
    let cell = lua.heap.lua_fn(f2).upvalues[n2];
    lua.heap.lua_fn_mut(f1).upvalues[n1] = cell;
    Ok(0)
}

/// `debug.getuservalue(u)`: the user value of a full userdata, nil for anything else.
fn getuservalue(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = match lua.arg(1) {
        Value::Userdata(u) => lua.heap.userdata(u).user_value,
        _ => Value::Nil,
    };
    lua.push(value);
    Ok(1)
}

/// `debug.setuservalue(u, value)`: needs a full userdata.
fn setuservalue(lua: &mut Lua) -> Result<usize, LuaError> {
    let Value::Userdata(u) = lua.arg(1) else {
        return Err(lua.arg_type_error(1, "userdata"));
    };
    let value = lua.check_any(2)?;
    lua.heap.userdata_mut(u).user_value = value;
    lua.push(Value::Userdata(u));
    Ok(1)
}

/// `debug.getregistry()`: a table standing for the registry, holding `_LOADED`.
fn getregistry(lua: &mut Lua) -> Result<usize, LuaError> {
    let registry = lua.registry();
    lua.push(Value::Table(registry));
    Ok(1)
}

/// The letters of a hook mask and the events they stand for (`makemask`, `unmakemask`).
const HOOK_LETTERS: [(u8, u8); 3] = [(b'c', MASK_CALL), (b'r', MASK_RETURN), (b'l', MASK_LINE)];

/// `debug.sethook([thread,] hook, mask [, count])` (`db_sethook`): `mask` holds `c`, `r` and
/// `l`; a positive count adds count events. Without a hook, hooks are turned off. Each thread
/// has its own hook.
fn sethook(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, arg) = thread_arg(lua);
    if lua.arg(arg + 1).is_nil() {
        lua.with_thread(thread, |lua| lua.set_hook(None, 0, 0));
        return Ok(0);
    }
    let mask_text = lua.check_string(arg + 2)?;
    let hook = lua.arg(arg + 1);
    if !matches!(hook, Value::LuaFn(_) | Value::NativeFn(_)) {
        return Err(lua.arg_type_error(arg + 1, "function"));
    }
    let count = lua.opt_integer(arg + 3, 0)?;
    let text = lua.str_bytes(mask_text);
    let mut mask = 0;
    for (letter, bit) in HOOK_LETTERS {
        if text.contains(&letter) {
            mask |= bit;
        }
    }
    if count > 0 {
        mask |= MASK_COUNT;
    }
    lua.with_thread(thread, |lua| lua.set_hook(Some(hook), mask, count));
    Ok(0)
}

/// `debug.gethook([thread])` (`db_gethook`): the hook, its mask as letters, and its count;
/// `nil, "", 0` without a hook.
fn gethook(lua: &mut Lua) -> Result<usize, LuaError> {
    let (thread, _) = thread_arg(lua);
    let (hook, mask, count) = lua.with_thread(thread, |lua| lua.hook());
    let mut letters = Vec::new();
    for (letter, bit) in HOOK_LETTERS {
        if mask & bit != 0 {
            letters.push(letter);
        }
    }
    let letters = lua.string(&letters);
    lua.push(hook.unwrap_or(Value::Nil));
    lua.push(letters);
    lua.push(Value::Int(count));
    Ok(3)
}

impl Lua {
    /// The name and stack slot of local `n` of frame `index` (`lua_getlocal`): named locals
    /// active at its pc, `(*vararg)` for negative `n`, `(*temporary)` for other live slots.
    pub fn frame_local(&self, index: usize, n: i64) -> Option<(Vec<u8>, usize)> {
        let (kind, base, func, pc, limit) = self.frame_layout(index);
        match kind {
            FrameKind::Lua(f) => {
                let proto = &self.heap.lua_fn(f).proto.proto;
                if n < 0 {
                    let n_varargs = (base - func - 1).saturating_sub(proto.num_params as usize);
                    let i = (-n) as usize;
                    if i > n_varargs {
                        return None;
                    }
                    return Some((b"(*vararg)".to_vec(), base - n_varargs + i - 1));
                }
                if n == 0 {
                    return None;
                }
                if let Some(name) = crate::vm::local_name(proto, n as usize, pc.saturating_sub(1)) {
                    return Some((name.to_vec(), base + n as usize - 1));
                }
                let slot = base + n as usize - 1;
                (slot < limit).then(|| (b"(*temporary)".to_vec(), slot))
            }
            FrameKind::Native(_) => {
                let slot = base + (n.max(1) as usize) - 1;
                (n > 0 && slot < limit).then(|| (b"(*temporary)".to_vec(), slot))
            }
        }
    }
}
