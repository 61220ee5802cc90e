//! Helpers for native library functions: argument checks with PUC's messages, conversions to
//! strings, and registration. Mirrors lauxlib.c (`luaL_argerror`, `luaL_typeerror`,
//! `luaL_check*`, `luaL_opt*`, `luaL_tolstring`).

use crate::number::{self, Number};
use crate::object::NativeFunction;
use crate::value::{StrRef, TableRef, Value};
use crate::vm::{Lua, LuaError};

impl Lua {
    /// `bad argument #n to 'f' (extra)` (`luaL_argerror`), renumbered for method calls as
    /// PUC does: the message says `calling 'm' on bad self` for the receiver.
    #[cold]
    pub fn arg_error(&mut self, mut arg: usize, extra: &[u8]) -> LuaError {
        let index = self.frames.len() - 1;
        let name = self.function_name(index);
        let mut message = Vec::new();
        if let Some(("method", name)) = &name {
            arg -= 1;
            if arg == 0 {
                message.extend_from_slice(b"calling '");
                message.extend_from_slice(name);
                message.extend_from_slice(b"' on bad self (");
                message.extend_from_slice(extra);
                message.push(b')');
                return self.error(&message);
            }
        }
        let name = match name {
            Some((_, name)) => name,
            None => {
                let function = self.stack[self.frames[index].func];
                self.global_function_name(function)
                    .unwrap_or_else(|| b"?".to_vec())
            }
        };
        message.extend_from_slice(format!("bad argument #{arg} to '").as_bytes());
        message.extend_from_slice(&name);
        message.extend_from_slice(b"' (");
        message.extend_from_slice(extra);
        message.push(b')');
        self.error(&message)
    }

    /// `<expected> expected, got <type>` (`luaL_typeerror`).
    #[cold]
    pub fn arg_type_error(&mut self, arg: usize, expected: &str) -> LuaError {
        let actual: Vec<u8> = if arg > self.arg_count() {
            b"no value".to_vec()
        } else {
            let value = self.arg(arg);
            let name = self.metafield(value, b"__name");
            match name {
                Value::Str(s) => self.str_bytes(s).to_vec(),
                _ if matches!(value, Value::LightUserdata(_)) => b"light userdata".to_vec(),
                _ => value.type_name().as_bytes().to_vec(),
            }
        };
        let mut message = format!("{expected} expected, got ").into_bytes();
        message.extend_from_slice(&actual);
        self.arg_error(arg, &message)
    }

    /// A field of a value's metatable, or nil (`luaL_getmetafield`).
    pub fn metafield(&mut self, value: Value, field: &[u8]) -> Value {
        match self.metatable(value) {
            Some(mt) => {
                let key = self.string(field);
                self.heap.table(mt).get(key)
            }
            None => Value::Nil,
        }
    }

    /// Fails with `value expected` if argument `arg` is absent (`luaL_checkany`).
    pub fn check_any(&mut self, arg: usize) -> Result<Value, LuaError> {
        if arg > self.arg_count() {
            return Err(self.arg_error(arg, b"value expected"));
        }
        Ok(self.arg(arg))
    }

    /// Argument `arg` as a table (`luaL_checktype` with `LUA_TTABLE`).
    pub fn check_table(&mut self, arg: usize) -> Result<TableRef, LuaError> {
        match self.arg(arg) {
            Value::Table(t) => Ok(t),
            _ => Err(self.arg_type_error(arg, "table")),
        }
    }

    /// Argument `arg` as an integer, converting floats and strings exactly (`luaL_checkinteger`).
    pub fn check_integer(&mut self, arg: usize) -> Result<i64, LuaError> {
        let value = self.arg(arg);
        if let Some(i) = crate::vm::to_integer(value, &self.heap.strings) {
            return Ok(i);
        }
        if crate::vm::to_number(value, &self.heap.strings).is_some() {
            return Err(self.arg_error(arg, b"number has no integer representation"));
        }
        Err(self.arg_type_error(arg, "number"))
    }

    /// Argument `arg` as an integer, or `default` if it is nil or absent (`luaL_optinteger`).
    pub fn opt_integer(&mut self, arg: usize, default: i64) -> Result<i64, LuaError> {
        if self.arg(arg).is_nil() {
            Ok(default)
        } else {
            self.check_integer(arg)
        }
    }

    /// Argument `arg` as a number, converting strings (`luaL_checknumber`).
    pub fn check_number(&mut self, arg: usize) -> Result<Number, LuaError> {
        match crate::vm::to_number(self.arg(arg), &self.heap.strings) {
            Some(n) => Ok(n),
            None => Err(self.arg_type_error(arg, "number")),
        }
    }

    /// Argument `arg` as a string, converting numbers (`luaL_checklstring`).
    pub fn check_string(&mut self, arg: usize) -> Result<StrRef, LuaError> {
        match self.arg(arg) {
            Value::Str(s) => Ok(s),
            v @ (Value::Int(_) | Value::Float(_)) => match self.number_to_str(v) {
                Some(Value::Str(s)) => Ok(s),
                _ => unreachable!("numbers convert to strings"),
            },
            _ => Err(self.arg_type_error(arg, "string")),
        }
    }

    /// Argument `arg` as a string, or `default` if nil or absent (`luaL_optlstring`).
    pub fn opt_string(&mut self, arg: usize, default: &[u8]) -> Result<StrRef, LuaError> {
        if self.arg(arg).is_nil() {
            Ok(self.heap.strings.intern(default))
        } else {
            self.check_string(arg)
        }
    }

    /// A value as text the way `tostring` makes it (`luaL_tolstring`), using `__tostring`.
    pub fn to_display_string(&mut self, value: Value) -> Result<StrRef, LuaError> {
        let handler = self.metafield(value, b"__tostring");
        if !handler.is_nil() {
            let results = self.call(handler, &[value])?;
            return match results.first().copied().unwrap_or_default() {
                Value::Str(s) => Ok(s),
                v @ (Value::Int(_) | Value::Float(_)) => match self.number_to_str(v) {
                    Some(Value::Str(s)) => Ok(s),
                    _ => unreachable!("numbers convert to strings"),
                },
                _ => Err(self.error(b"'__tostring' must return a string")),
            };
        }
        let text: Vec<u8> = match value {
            Value::Int(i) => number::number_to_string(Number::Int(i)).into_bytes(),
            Value::Float(f) => number::number_to_string(Number::Float(f)).into_bytes(),
            Value::Str(s) => return Ok(s),
            Value::Bool(b) => if b.get() { &b"true"[..] } else { &b"false"[..] }.to_vec(),
            Value::Nil => b"nil".to_vec(),
            _ => {
                let kind = match self.metafield(value, b"__name") {
                    Value::Str(s) => self.str_bytes(s).to_vec(),
                    _ => value.type_name().as_bytes().to_vec(),
                };
                let mut text = kind;
                text.extend_from_slice(format!(": 0x{:x}", address_of(value)).as_bytes());
                text
            }
        };
        Ok(self.heap.strings.intern(&text))
    }

    /// Registers functions in a table.
    pub fn register(&mut self, table: TableRef, functions: &[(&str, NativeFunction)]) {
        for &(name, function) in functions {
            let key = self.string(name.as_bytes());
            let value = self.native_function(function);
            self.heap.table_set(table, key, value);
        }
    }
}

/// A stable, unique pseudo-address for an object, for `%p` and `tostring`.
pub fn address_of(value: Value) -> usize {
    let (tag, index) = match value {
        Value::Table(r) => (1, r.0 as usize),
        Value::LuaFn(r) => (2, r.0 as usize),
        Value::NativeFn(r) => (3, r.0 as usize),
        Value::Userdata(r) => (4, r.0 as usize),
        Value::Thread(r) => (5, r.0 as usize),
        Value::LightUserdata(p) => return p,
        _ => (0, 0),
    };
    0x5500_0000_0000 + (tag << 36) + index * 64
}
