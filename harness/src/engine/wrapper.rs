//! The Lua code both engines wrap a case in, shared so that the frames around a case are the
//! same in both and tracebacks compare byte for byte.
//!
//! A case runs as the standalone interpreter would run it, but observed from the harness:
//! `xpcall(main, handler)` is called from the host (Rust) with the original `xpcall`, where
//! `handler` is [`HANDLER_SOURCE`]'s function, so the traceback of an uncaught error is
//! `debug.traceback(message, 2)` taken while the erroring frames are still on the stack, and
//! ends with `[C]: in function 'xpcall'` in both engines. The error value is then turned into
//! text by [`DESCRIBE_SOURCE`]'s function, as `msghandler` in lua.c does.

/// The chunk name of the harness's own Lua code, as `load` takes it.
pub const WRAPPER_CHUNK_NAME: &str = "=harness";

/// A chunk returning a message handler for `xpcall` that keeps the error value and its traceback
/// apart. The traceback function is captured up front because scripts may clear the global
/// `debug`.
pub const HANDLER_SOURCE: &str = "\
local traceback = debug.traceback
return function(m) return {msg = m, tb = traceback(m, 2)} end";

/// A chunk returning a function that turns an error value into the text a user sees, as
/// `msghandler` in lua.c does: strings and numbers as themselves, then a string-returning
/// `__tostring`, then a description of the type.
pub const DESCRIBE_SOURCE: &str = "\
local type, tostring, rawget, getmetatable = type, tostring, rawget, debug.getmetatable
return function(m)
  local t = type(m)
  if t == 'string' or t == 'number' then return tostring(m) end
  local mt = getmetatable(m)
  if type(mt) == 'table' and rawget(mt, '__tostring') ~= nil then
    local s = tostring(m)
    if type(s) == 'string' then return s end
  end
  return '(error object is a ' .. t .. ' value)'
end";

/// The error a run over its instruction budget reports, in both engines. Scripts can catch the
/// reference's budget error, which is why the harness decides
/// [`super::Status::OutOfBudget`] from its own flag and not from this text.
pub const BUDGET_MESSAGE: &str = "instruction budget exceeded";
