//! The `ferrolua` command: a standalone interpreter, flag-compatible with PUC's `lua`.
//! Mirrors lua.c of PUC Lua 5.3.6.

use std::process::ExitCode;

use ferrolua::value::Value;
use ferrolua::vm::{Lua, LuaError};
use ferrolua::ChunkMode;

const PROGNAME: &str = "ferrolua";

/// The message handler of lua.c (`msghandler`): adds a traceback to string messages.
fn message_handler(lua: &mut Lua) -> Result<usize, LuaError> {
    let message = lua.arg(1);
    let text = match message {
        Value::Str(s) => lua.str_bytes(s).to_vec(),
        Value::Int(_) | Value::Float(_) => {
            let s = lua.to_display_string(message)?;
            lua.str_bytes(s).to_vec()
        }
        _ => {
            let handler = lua.metafield(message, b"__tostring");
            if !handler.is_nil() {
                if let Ok(results) = lua.call(handler, &[message]) {
                    if let Some(&Value::Str(s)) = results.first() {
                        lua.push(Value::Str(s));
                        return Ok(1);
                    }
                }
            }
            format!("(error object is a {} value)", message.type_name()).into_bytes()
        }
    };
    let traceback = lua.traceback(Some(&text), 1);
    let value = lua.string(&traceback);
    lua.push(value);
    Ok(1)
}

fn report(lua: &Lua, error: &LuaError) {
    let text = match error.value {
        Value::Str(s) => String::from_utf8_lossy(lua.str_bytes(s)).into_owned(),
        other => format!("(error object is a {} value)", other.type_name()),
    };
    eprintln!("{PROGNAME}: {text}");
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let mut lua = Lua::new();
    let Some(script) = args.get(1) else {
        eprintln!("usage: {PROGNAME} script");
        return ExitCode::FAILURE;
    };
    let contents = match std::fs::read(script) {
        Ok(contents) => contents,
        Err(error) => {
            eprintln!("{PROGNAME}: cannot open {script}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let source = ferrolua::compiler::skip_file_prefix(&contents);
    let name = format!("@{script}");
    let function = match lua.load(source, name.as_bytes(), ChunkMode::Both) {
        Ok(function) => function,
        Err(message) => {
            eprintln!("{PROGNAME}: {}", String::from_utf8_lossy(&message));
            return ExitCode::FAILURE;
        }
    };
    let handler = lua.native_function(message_handler);
    match lua.pcall(function, &[], Some(handler)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            report(&lua, &error);
            ExitCode::FAILURE
        }
    }
}
