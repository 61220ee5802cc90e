//! Operators on values, beyond the interpreter's fast paths: coercions, metamethods and the
//! errors PUC raises. Mirrors lvm.c (`luaV_tonumber_`, `luaV_tointeger`, `luaV_lessthan`,
//! `luaV_equalobj`, `luaV_concat`, `luaV_objlen`, `luaV_finishget`, `luaV_finishset`), ltm.c
//! (`luaT_trybinTM`) and the type errors of ldebug.c.

use super::metamethod::TagMethod;
use super::{Lua, LuaError};
use crate::arith::{self, ArithOp};
use crate::number::{self, Number};
use crate::object::normalize_key;
use crate::value::{StrRef, Value};

/// Limit of `__index`/`__newindex` chains (`MAXTAGLOOP`).
const MAX_TAG_LOOP: usize = 2000;

/// Where an operand came from, so an error can name it (PUC finds this by pointer comparison).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A stack slot (absolute index); inside the running Lua function's registers it is named.
    Stack(usize),
    /// An upvalue of the running Lua function.
    Upvalue(usize),
    /// A constant or a computed value, which has no name.
    None,
}

/// The number in a value, converting strings (`tonumber` with `cvt2num`).
#[inline]
pub fn to_number(value: Value, strings: &crate::object::StringTable) -> Option<Number> {
    match value {
        Value::Int(i) => Some(Number::Int(i)),
        Value::Float(f) => Some(Number::Float(f)),
        Value::Str(s) => number::str_to_number(strings.bytes(s)),
        _ => None,
    }
}

/// The integer in a value: integers, floats with an exact integer value, and strings that
/// convert to either (`luaV_tointeger` with exact mode).
#[inline]
pub fn to_integer(value: Value, strings: &crate::object::StringTable) -> Option<i64> {
    match value {
        Value::Int(i) => Some(i),
        Value::Float(f) => arith::float_to_int_exact(f),
        Value::Str(s) => number::str_to_number(strings.bytes(s)).and_then(arith::number_to_int),
        _ => None,
    }
}

fn number_to_f64(number: Number) -> f64 {
    match number {
        Number::Int(i) => i as f64,
        Number::Float(f) => f,
    }
}

fn number_value(number: Number) -> Value {
    match number {
        Number::Int(i) => Value::Int(i),
        Number::Float(f) => Value::Float(f),
    }
}

/// The metamethod event of an arithmetic operator.
fn event_of(op: ArithOp) -> TagMethod {
    match op {
        ArithOp::Add => TagMethod::Add,
        ArithOp::Sub => TagMethod::Sub,
        ArithOp::Mul => TagMethod::Mul,
        ArithOp::Mod => TagMethod::Mod,
        ArithOp::Pow => TagMethod::Pow,
        ArithOp::Div => TagMethod::Div,
        ArithOp::IDiv => TagMethod::IDiv,
        ArithOp::BAnd => TagMethod::BAnd,
        ArithOp::BOr => TagMethod::BOr,
        ArithOp::BXor => TagMethod::BXor,
        ArithOp::Shl => TagMethod::Shl,
        ArithOp::Shr => TagMethod::Shr,
        ArithOp::Unm => TagMethod::Unm,
        ArithOp::BNot => TagMethod::BNot,
    }
}

impl Lua {
    // ---- Type errors ----

    /// `attempt to <op> a <type> value<varinfo>` (`luaG_typeerror`).
    #[cold]
    pub(crate) fn type_error(&mut self, value: Value, origin: Origin, op: &str) -> LuaError {
        let mut message = format!("attempt to {op} a ").into_bytes();
        message.extend_from_slice(&self.object_type_name(value));
        message.extend_from_slice(b" value");
        message.extend_from_slice(&self.variable_info(origin));
        self.runtime_error(&message)
    }

    /// The error for an arithmetic or bitwise operator that found no metamethod
    /// (`luaT_trybinTM`'s failure, `luaG_opinterror`, `luaG_tointerror`).
    #[cold]
    fn arith_error(&mut self, op: ArithOp, a: (Value, Origin), b: (Value, Origin)) -> LuaError {
        let is_number = |lua: &Lua, v: Value| to_number(v, &lua.heap.strings).is_some();
        if op.is_bitwise() {
            if is_number(self, a.0) && is_number(self, b.0) {
                // Both are numbers: one has no integer representation (`luaG_tointerror`).
                let culprit = if to_integer(b.0, &self.heap.strings).is_none() {
                    b
                } else {
                    a
                };
                let mut message = b"number".to_vec();
                message.extend_from_slice(&self.variable_info(culprit.1));
                message.extend_from_slice(b" has no integer representation");
                return self.runtime_error(&message);
            }
            let culprit = if is_number(self, a.0) { b } else { a };
            return self.type_error(culprit.0, culprit.1, "perform bitwise operation on");
        }
        let culprit = if is_number(self, a.0) { b } else { a };
        self.type_error(culprit.0, culprit.1, "perform arithmetic on")
    }

    // ---- Arithmetic ----

    /// `a op b` with coercions and metamethods, for whatever the interpreter's fast paths did
    /// not handle. Unary operators take the operand twice, as PUC passes it.
    pub(crate) fn arith(
        &mut self,
        op: ArithOp,
        a: (Value, Origin),
        b: (Value, Origin),
    ) -> Result<Value, LuaError> {
        if let Some(result) = self.arith_raw(op, a.0, b.0)? {
            return Ok(result);
        }
        let event = event_of(op);
        let mut handler = self.metamethod(a.0, event);
        if handler.is_nil() {
            handler = self.metamethod(b.0, event);
        }
        if handler.is_nil() {
            return Err(self.arith_error(op, a, b));
        }
        self.call_metamethod(handler, a.0, b.0)
    }

    /// The arithmetic of numbers and numeric strings, or `None` if an operand is neither.
    /// Integer division and modulo by zero are errors here (`luaV_div`, `luaV_mod`).
    pub(crate) fn arith_raw(
        &mut self,
        op: ArithOp,
        a: Value,
        b: Value,
    ) -> Result<Option<Value>, LuaError> {
        if op.is_bitwise() {
            let (Some(x), Some(y)) = (
                to_integer(a, &self.heap.strings),
                to_integer(b, &self.heap.strings),
            ) else {
                return Ok(None);
            };
            return Ok(arith::arith(op, Number::Int(x), Number::Int(y)).map(number_value));
        }
        // Integer arithmetic needs two integers; anything converted (a numeric string) makes
        // the operation a float one, as `luaV_tonumber_` converts to `lua_Number` in 5.3.
        let (x, y) = match (a, b) {
            (Value::Int(x), Value::Int(y)) => (Number::Int(x), Number::Int(y)),
            _ => {
                let (Some(x), Some(y)) = (
                    to_number(a, &self.heap.strings),
                    to_number(b, &self.heap.strings),
                ) else {
                    return Ok(None);
                };
                (
                    Number::Float(number_to_f64(x)),
                    Number::Float(number_to_f64(y)),
                )
            }
        };
        if let (Number::Int(_), Number::Int(0)) = (x, y) {
            match op {
                ArithOp::IDiv => return Err(self.runtime_error(b"attempt to divide by zero")),
                ArithOp::Mod => return Err(self.runtime_error(b"attempt to perform 'n%0'")),
                _ => {}
            }
        }
        Ok(arith::arith(op, x, y).map(number_value))
    }

    /// Calls a binary metamethod and returns its first result (`luaT_callTM` with one result).
    pub(crate) fn call_metamethod(
        &mut self,
        handler: Value,
        a: Value,
        b: Value,
    ) -> Result<Value, LuaError> {
        let func = self.top;
        self.ensure_stack(3)?;
        self.push(handler);
        self.push(a);
        self.push(b);
        self.call_at(func, 1)?;
        self.top = func;
        Ok(self.stack[func])
    }

    // ---- Comparison ----

    /// `a == b` with `__eq` (`luaV_equalobj`).
    pub(crate) fn equals(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        if a.raw_equal(b) {
            return Ok(true);
        }
        let handler = match (a, b) {
            (Value::Table(_), Value::Table(_)) | (Value::Userdata(_), Value::Userdata(_)) => {
                let first = self
                    .metatable(a)
                    .map(|mt| self.metamethod_in(mt, TagMethod::Eq));
                match first {
                    Some(h) if !h.is_nil() => h,
                    _ => match self.metatable(b) {
                        Some(mt) => self.metamethod_in(mt, TagMethod::Eq),
                        None => Value::Nil,
                    },
                }
            }
            _ => return Ok(false),
        };
        if handler.is_nil() {
            return Ok(false);
        }
        Ok(!self.call_metamethod(handler, a, b)?.is_falsy())
    }

    /// `a < b` (`luaV_lessthan`).
    #[inline(never)]
    pub(crate) fn less_than(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        if let Some(result) = self.compare_primitive(a, b, false) {
            return Ok(result);
        }
        match self.order_metamethod(a, b, TagMethod::Lt)? {
            Some(result) => Ok(result),
            None => Err(self.order_error(a, b)),
        }
    }

    /// `a <= b` (`luaV_lessequal`), falling back on `not (b < a)` when only `__lt` exists.
    #[inline(never)]
    pub(crate) fn less_equal(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        if let Some(result) = self.compare_primitive(a, b, true) {
            return Ok(result);
        }
        if let Some(result) = self.order_metamethod(a, b, TagMethod::Le)? {
            return Ok(result);
        }
        self.set_le_via_lt(true);
        let result = self.order_metamethod(b, a, TagMethod::Lt);
        self.set_le_via_lt(false);
        match result? {
            Some(result) => Ok(!result),
            None => Err(self.order_error(a, b)),
        }
    }

    /// Marks the running frame while `__lt` stands in for `__le` (PUC's `CIST_LEQ`).
    fn set_le_via_lt(&mut self, on: bool) {
        if let Some(frame) = self.frames.last_mut() {
            frame.le_via_lt = on;
        }
    }

    /// Numbers with numbers and strings with strings, without metamethods.
    fn compare_primitive(&self, a: Value, b: Value, or_equal: bool) -> Option<bool> {
        match (a, b) {
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                Some(if or_equal {
                    number_le(a, b)
                } else {
                    number_lt(a, b)
                })
            }
            (Value::Str(x), Value::Str(y)) => {
                let ordering = self.str_bytes(x).cmp(self.str_bytes(y));
                Some(if or_equal {
                    ordering.is_le()
                } else {
                    ordering.is_lt()
                })
            }
            _ => None,
        }
    }

    /// Calls an order metamethod of either operand (`luaT_callorderTM`); `None` if neither
    /// has one.
    fn order_metamethod(
        &mut self,
        a: Value,
        b: Value,
        event: TagMethod,
    ) -> Result<Option<bool>, LuaError> {
        let mut handler = self.metamethod(a, event);
        if handler.is_nil() {
            handler = self.metamethod(b, event);
        }
        if handler.is_nil() {
            return Ok(None);
        }
        Ok(Some(!self.call_metamethod(handler, a, b)?.is_falsy()))
    }

    /// `attempt to compare ...` (`luaG_ordererror`).
    #[cold]
    fn order_error(&mut self, a: Value, b: Value) -> LuaError {
        let t1 = self.object_type_name(a);
        let t2 = self.object_type_name(b);
        let mut message = b"attempt to compare ".to_vec();
        if t1 == t2 {
            message.extend_from_slice(b"two ");
            message.extend_from_slice(&t1);
            message.extend_from_slice(b" values");
        } else {
            message.extend_from_slice(&t1);
            message.extend_from_slice(b" with ");
            message.extend_from_slice(&t2);
        }
        self.runtime_error(&message)
    }

    // ---- Strings ----

    /// A number converted to a string as concatenation does (`luaO_tostring`).
    pub(crate) fn number_to_str(&mut self, value: Value) -> Option<Value> {
        let text = match value {
            Value::Int(i) => number::number_to_string(Number::Int(i)),
            Value::Float(f) => number::number_to_string(Number::Float(f)),
            _ => return None,
        };
        Some(self.string(text.as_bytes()))
    }

    /// A value as `lua_tostring` sees it: a string itself, a number converted, anything else
    /// nothing.
    pub fn as_lua_string(&mut self, value: Value) -> Option<StrRef> {
        match value {
            Value::Str(s) => Some(s),
            _ => match self.number_to_str(value) {
                Some(Value::Str(s)) => Some(s),
                _ => None,
            },
        }
    }

    /// Concatenates the `total` values just below `top` into the first of them (`luaV_concat`):
    /// runs of strings and numbers at once, `__concat` pairwise from the right for anything else.
    /// Like PUC's, it works at the top of the stack, so that a coroutine that yields inside
    /// `__concat` can be finished from the same place (see `finish_op`).
    pub(crate) fn concat(&mut self, mut total: usize) -> Result<(), LuaError> {
        let is_text = |v: Value| matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_));
        while total > 1 {
            let top = self.top;
            let (a, b) = (self.stack[top - 2], self.stack[top - 1]);
            if !is_text(a) || !is_text(b) {
                let handler = match self.metamethod(a, TagMethod::Concat) {
                    h if !h.is_nil() => h,
                    _ => self.metamethod(b, TagMethod::Concat),
                };
                if handler.is_nil() {
                    // `luaG_concaterror`: blame the first operand unless it is a string or
                    // number.
                    let (culprit, at) = if is_text(a) {
                        (b, top - 1)
                    } else {
                        (a, top - 2)
                    };
                    return Err(self.type_error(culprit, Origin::Stack(at), "concatenate"));
                }
                let result = self.call_metamethod(handler, a, b)?;
                self.stack[top - 2] = result;
                self.top = top - 1;
                total -= 1;
                continue;
            }
            // Collect as many strings and numbers as possible, right to left.
            let mut n = 1;
            while n < total && is_text(self.stack[top - n - 1]) {
                n += 1;
            }
            let mut bytes = Vec::new();
            for i in top - n..top {
                match self.stack[i] {
                    Value::Str(s) => bytes.extend_from_slice(self.str_bytes(s)),
                    number => {
                        let Some(Value::Str(s)) = self.number_to_str(number) else {
                            unreachable!("numbers convert to strings")
                        };
                        bytes.extend_from_slice(self.str_bytes(s));
                    }
                }
            }
            self.check_memory(bytes.len())?;
            self.stack[top - n] = self.string(&bytes);
            self.top = top - (n - 1);
            total -= n - 1;
        }
        Ok(())
    }

    // ---- Length ----

    /// `#v` (`luaV_objlen`).
    pub(crate) fn length(&mut self, value: Value, origin: Origin) -> Result<Value, LuaError> {
        match value {
            Value::Str(s) => Ok(Value::Int(self.str_bytes(s).len() as i64)),
            Value::Table(t) => {
                let handler = match self.heap.table(t).metatable() {
                    Some(mt) => self.metamethod_in(mt, TagMethod::Len),
                    None => Value::Nil,
                };
                if handler.is_nil() {
                    return Ok(Value::Int(self.heap.table(t).length()));
                }
                self.call_metamethod(handler, value, value)
            }
            _ => {
                let handler = self.metamethod(value, TagMethod::Len);
                if handler.is_nil() {
                    return Err(self.type_error(value, origin, "get length of"));
                }
                self.call_metamethod(handler, value, value)
            }
        }
    }

    // ---- Indexing ----

    /// `t[key]` with `__index` (`luaV_gettable` and `luaV_finishget`).
    pub(crate) fn index(
        &mut self,
        mut t: Value,
        key: Value,
        origin: Origin,
    ) -> Result<Value, LuaError> {
        let mut origin = origin;
        for _ in 0..MAX_TAG_LOOP {
            let handler = match t {
                Value::Table(table) => {
                    let found = self.heap.table(table).get(key);
                    if !found.is_nil() {
                        return Ok(found);
                    }
                    match self.heap.table(table).metatable() {
                        Some(mt) => self.metamethod_in(mt, TagMethod::Index),
                        None => return Ok(Value::Nil),
                    }
                }
                _ => self.metamethod(t, TagMethod::Index),
            };
            if handler.is_nil() {
                if matches!(t, Value::Table(_)) {
                    return Ok(Value::Nil);
                }
                return Err(self.type_error(t, origin, "index"));
            }
            if matches!(handler, Value::LuaFn(_) | Value::NativeFn(_)) {
                return self.call_metamethod(handler, t, key);
            }
            t = handler;
            origin = Origin::None;
        }
        Err(self.runtime_error(b"'__index' chain too long; possible loop"))
    }

    /// `t[key] = value` with `__newindex` (`luaV_settable` and `luaV_finishset`).
    pub(crate) fn set_index(
        &mut self,
        mut t: Value,
        key: Value,
        value: Value,
        origin: Origin,
    ) -> Result<(), LuaError> {
        let mut origin = origin;
        for _ in 0..MAX_TAG_LOOP {
            let handler = match t {
                Value::Table(table) => {
                    let existing = self.heap.table(table).get(key);
                    let handler = if existing.is_nil() {
                        match self.heap.table(table).metatable() {
                            Some(mt) => self.metamethod_in(mt, TagMethod::NewIndex),
                            None => Value::Nil,
                        }
                    } else {
                        Value::Nil
                    };
                    if handler.is_nil() {
                        return self.raw_set(table, key, value);
                    }
                    handler
                }
                _ => {
                    let handler = self.metamethod(t, TagMethod::NewIndex);
                    if handler.is_nil() {
                        return Err(self.type_error(t, origin, "index"));
                    }
                    handler
                }
            };
            if matches!(handler, Value::LuaFn(_) | Value::NativeFn(_)) {
                let func = self.top;
                self.ensure_stack(4)?;
                self.push(handler);
                self.push(t);
                self.push(key);
                self.push(value);
                self.call_at(func, 0)?;
                self.top = func;
                return Ok(());
            }
            t = handler;
            origin = Origin::None;
        }
        Err(self.runtime_error(b"'__newindex' chain too long; possible loop"))
    }

    /// `rawset`: stores without metamethods, rejecting nil and NaN keys (`luaH_newkey`'s
    /// errors).
    pub(crate) fn raw_set(
        &mut self,
        table: crate::value::TableRef,
        key: Value,
        value: Value,
    ) -> Result<(), LuaError> {
        match key {
            Value::Nil => return Err(self.runtime_error(b"table index is nil")),
            Value::Float(f) if f.is_nan() => return Err(self.runtime_error(b"table index is NaN")),
            _ => {}
        }
        self.heap.table_set(table, normalize_key(key), value);
        Ok(())
    }
}

/// `a < b` for two numbers of any subtypes, exactly (`LTnum`).
pub fn number_lt(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::Int(i), Value::Float(f)) => int_lt_float(i, f),
        (Value::Float(f), Value::Int(i)) => float_lt_int(f, i),
        _ => false,
    }
}

/// `a <= b` for two numbers of any subtypes, exactly (`LEnum`).
pub fn number_le(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x <= y,
        (Value::Float(x), Value::Float(y)) => x <= y,
        (Value::Int(i), Value::Float(f)) => int_le_float(i, f),
        (Value::Float(f), Value::Int(i)) => float_le_int(f, i),
        _ => false,
    }
}

/// Whether an integer converts to a float exactly (`l_intfitsf`: within 53 bits).
fn int_fits_float(i: i64) -> bool {
    (-(1i64 << 53)..=(1i64 << 53)).contains(&i)
}

fn int_lt_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        return (i as f64) < f;
    }
    // i < f  <=>  i < ceil(f), when ceil(f) is an integer.
    match float_to_int_rounded(f.ceil()) {
        Some(c) => i < c,
        None => f > 0.0,
    }
}

fn int_le_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        return (i as f64) <= f;
    }
    match float_to_int_rounded(f.floor()) {
        Some(c) => i <= c,
        None => f > 0.0,
    }
}

fn float_lt_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        return f < i as f64;
    }
    match float_to_int_rounded(f.floor()) {
        Some(c) => c < i,
        None => f < 0.0,
    }
}

fn float_le_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        return f <= i as f64;
    }
    match float_to_int_rounded(f.ceil()) {
        Some(c) => c <= i,
        None => f < 0.0,
    }
}

/// An integral float as an integer if it is in range; NaN and out-of-range values give `None`.
fn float_to_int_rounded(f: f64) -> Option<i64> {
    arith::float_to_int_exact(f)
}
