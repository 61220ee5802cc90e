//! The `math` library. Mirrors lmathlib.c of PUC Lua 5.3.6 (built without
//! `LUA_COMPAT_MATHLIB`, as the reference is); manual §6.7.
//!
//! The elementary functions call Rust's `f64` methods, which on Linux are the C library's own
//! `sin`, `log`, `fmod`... so results agree with PUC to the last bit. `math.random` is the C
//! library's `random()` written out (glibc's additive feedback generator, `TYPE_3`), starting
//! from glibc's default seed 1, as PUC on Linux does, so sequences match the reference's.
//! C's generator belongs to the process; this one belongs to the Lua state (a table shared by
//! `random` and `randomseed` as their upvalue), which a single interpreter cannot tell apart.

use crate::number::Number;
use crate::value::{TableRef, Value};
use crate::vm::{Lua, LuaError};

/// PI as lmathlib.c spells it.
const PI: f64 = std::f64::consts::PI;

/// `L_RANDMAX`: the largest value `random()` returns (2^31 - 1, following POSIX).
const RAND_MAX: f64 = 2147483647.0;

/// Opens the library into `_G.math` and `package.loaded.math`.
pub fn open(lua: &mut Lua) {
    let library = lua.new_library(
        "math",
        &[
            ("abs", abs),
            ("acos", acos),
            ("asin", asin),
            ("atan", atan),
            ("ceil", ceil),
            ("cos", cos),
            ("deg", deg),
            ("exp", exp),
            ("tointeger", tointeger),
            ("floor", floor),
            ("fmod", fmod),
            ("ult", ult),
            ("log", log),
            ("max", max),
            ("min", min),
            ("modf", modf),
            ("rad", rad),
            ("sin", sin),
            ("sqrt", sqrt),
            ("tan", tan),
            ("type", type_),
        ],
    );
    // `random` and `randomseed` share the generator's state as their upvalue.
    let state = Generator::seeded(1).to_table(lua);
    for (name, function) in [
        ("random", random as crate::object::NativeFunction),
        ("randomseed", randomseed),
    ] {
        let closure = lua.native_closure(function, vec![Value::Table(state)]);
        let key = lua.string(name.as_bytes());
        lua.heap.table_set(library, key, closure);
    }
    for (name, value) in [
        ("pi", Value::Float(PI)),
        ("huge", Value::Float(f64::INFINITY)),
        ("maxinteger", Value::Int(i64::MAX)),
        ("mininteger", Value::Int(i64::MIN)),
    ] {
        let key = lua.string(name.as_bytes());
        lua.heap.table_set(library, key, value);
    }
}

fn push_float(lua: &mut Lua, value: f64) -> Result<usize, LuaError> {
    lua.push(Value::Float(value));
    Ok(1)
}

/// Argument `arg` as a float, converting integers and strings (`luaL_checknumber`).
fn check_float(lua: &mut Lua, arg: usize) -> Result<f64, LuaError> {
    Ok(match lua.check_number(arg)? {
        Number::Int(i) => i as f64,
        Number::Float(f) => f,
    })
}

/// A float as an integer if it has an integer value in range, else as a float (`pushnumint`).
fn push_number_or_int(lua: &mut Lua, value: f64) -> Result<usize, LuaError> {
    lua.push(match crate::arith::float_to_int_exact(value) {
        Some(i) => Value::Int(i),
        None => Value::Float(value),
    });
    Ok(1)
}

fn abs(lua: &mut Lua) -> Result<usize, LuaError> {
    if let Value::Int(n) = lua.arg(1) {
        lua.push(Value::Int(n.wrapping_abs()));
        return Ok(1);
    }
    let x = check_float(lua, 1)?;
    push_float(lua, x.abs())
}

fn sin(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.sin())
}

fn cos(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.cos())
}

fn tan(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.tan())
}

fn asin(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.asin())
}

fn acos(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.acos())
}

/// `math.atan(y [, x])`: `atan2`.
fn atan(lua: &mut Lua) -> Result<usize, LuaError> {
    let y = check_float(lua, 1)?;
    let x = if lua.arg(2).is_nil() {
        1.0
    } else {
        check_float(lua, 2)?
    };
    push_float(lua, y.atan2(x))
}

/// `math.tointeger(x)`: integers, floats with an integer value and numeric strings convert
/// (`lua_tointegerx`); anything else gives nil.
fn tointeger(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.arg(1);
    match crate::vm::to_integer(value, &lua.heap.strings) {
        Some(i) => lua.push(Value::Int(i)),
        None => {
            lua.check_any(1)?;
            lua.push(Value::Nil);
        }
    }
    Ok(1)
}

fn floor(lua: &mut Lua) -> Result<usize, LuaError> {
    if let v @ Value::Int(_) = lua.arg(1) {
        lua.push(v);
        return Ok(1);
    }
    let x = check_float(lua, 1)?;
    push_number_or_int(lua, x.floor())
}

fn ceil(lua: &mut Lua) -> Result<usize, LuaError> {
    if let v @ Value::Int(_) = lua.arg(1) {
        lua.push(v);
        return Ok(1);
    }
    let x = check_float(lua, 1)?;
    push_number_or_int(lua, x.ceil())
}

/// `math.fmod(x, y)`: integer remainder truncated toward zero for two integers, C's `fmod`
/// otherwise.
fn fmod(lua: &mut Lua) -> Result<usize, LuaError> {
    if let (Value::Int(a), Value::Int(d)) = (lua.arg(1), lua.arg(2)) {
        let result = match d {
            0 => return Err(lua.arg_error(2, b"zero")),
            // Avoids the overflow of `mininteger % -1`.
            -1 => 0,
            _ => a % d,
        };
        lua.push(Value::Int(result));
        return Ok(1);
    }
    // PUC checks both arguments inside one call to `fmod`, whose arguments gcc evaluates right
    // to left: with both bad, the second is blamed.
    let b = check_float(lua, 2)?;
    let a = check_float(lua, 1)?;
    push_float(lua, a % b)
}

/// `math.modf(x)`: the integral part (an integer when it fits, as `pushnumint` decides) and
/// the fractional part, always a float.
fn modf(lua: &mut Lua) -> Result<usize, LuaError> {
    if let v @ Value::Int(_) = lua.arg(1) {
        lua.push(v);
        lua.push(Value::Float(0.0));
        return Ok(2);
    }
    let n = check_float(lua, 1)?;
    let integral = if n < 0.0 { n.ceil() } else { n.floor() };
    push_number_or_int(lua, integral)?;
    // The test keeps the fractional part of an infinity at 0.
    let fraction = if n == integral { 0.0 } else { n - integral };
    lua.push(Value::Float(fraction));
    Ok(2)
}

fn sqrt(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.sqrt())
}

/// `math.ult(m, n)`: unsigned comparison of two integers.
fn ult(lua: &mut Lua) -> Result<usize, LuaError> {
    let a = lua.check_integer(1)?;
    let b = lua.check_integer(2)?;
    lua.push(Value::boolean((a as u64) < (b as u64)));
    Ok(1)
}

/// `math.log(x [, base])`, with C's exact `log2` and `log10` for bases 2 and 10.
fn log(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    let result = if lua.arg(2).is_nil() {
        x.ln()
    } else {
        let base = check_float(lua, 2)?;
        if base == 2.0 {
            x.log2()
        } else if base == 10.0 {
            x.log10()
        } else {
            x.ln() / base.ln()
        }
    };
    push_float(lua, result)
}

fn exp(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x.exp())
}

fn deg(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x * (180.0 / PI))
}

fn rad(lua: &mut Lua) -> Result<usize, LuaError> {
    let x = check_float(lua, 1)?;
    push_float(lua, x * (PI / 180.0))
}

/// `math.min(x, ...)`: the first least argument by `<`, with metamethods (`lua_compare`).
fn min(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    if n < 1 {
        return Err(lua.arg_error(1, b"value expected"));
    }
    let mut best = 1;
    for i in 2..=n {
        let (candidate, current) = (lua.arg(i), lua.arg(best));
        if lua.less_than(candidate, current)? {
            best = i;
        }
    }
    let result = lua.arg(best);
    lua.push(result);
    Ok(1)
}

/// `math.max(x, ...)`: the first greatest argument by `<`, with metamethods.
fn max(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    if n < 1 {
        return Err(lua.arg_error(1, b"value expected"));
    }
    let mut best = 1;
    for i in 2..=n {
        let (current, candidate) = (lua.arg(best), lua.arg(i));
        if lua.less_than(current, candidate)? {
            best = i;
        }
    }
    let result = lua.arg(best);
    lua.push(result);
    Ok(1)
}

/// `math.type(x)`: `"integer"`, `"float"` or nil.
fn type_(lua: &mut Lua) -> Result<usize, LuaError> {
    let result = match lua.arg(1) {
        Value::Int(_) => lua.string(b"integer"),
        Value::Float(_) => lua.string(b"float"),
        _ => {
            lua.check_any(1)?;
            Value::Nil
        }
    };
    lua.push(result);
    Ok(1)
}

// ---- Pseudo-random numbers ----

/// Words of state of glibc's `TYPE_3` generator (`DEG_3`).
const DEGREE: usize = 31;
/// Distance between the generator's two taps (`SEP_3`).
const SEPARATION: usize = 3;

/// glibc's `random_r` state for `TYPE_3`: a lagged Fibonacci generator
/// `r[i] = r[i - 31] + r[i - 3]` over 32-bit words, returning `r[i] >> 1`.
struct Generator {
    state: [u32; DEGREE],
    /// Index of the front tap (`fptr`).
    front: usize,
    /// Index of the rear tap (`rptr`).
    rear: usize,
}

impl Generator {
    /// The state after `srandom(seed)` (`__srandom_r`): a Park-Miller sequence fills the
    /// words, then 310 outputs are discarded.
    fn seeded(seed: u32) -> Generator {
        let seed = if seed == 0 { 1 } else { seed };
        let mut state = [0u32; DEGREE];
        state[0] = seed;
        // glibc keeps `word` in an `int32_t`, so seeds above 2^31 count as negative.
        let mut word = seed as i32 as i64;
        for slot in state.iter_mut().skip(1) {
            // word = 16807 * word % 2147483647, computed without overflowing 31 bits.
            let hi = word / 127773;
            let lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2147483647;
            }
            *slot = word as u32;
        }
        let mut generator = Generator {
            state,
            front: SEPARATION,
            rear: 0,
        };
        for _ in 0..DEGREE * 10 {
            generator.next();
        }
        generator
    }

    /// The next value in `0..=RAND_MAX` (`__random_r`).
    fn next(&mut self) -> u32 {
        let value = self.state[self.front].wrapping_add(self.state[self.rear]);
        self.state[self.front] = value;
        self.front += 1;
        if self.front >= DEGREE {
            self.front = 0;
            self.rear += 1;
        } else {
            self.rear += 1;
            if self.rear >= DEGREE {
                self.rear = 0;
            }
        }
        value >> 1
    }

    /// The state as a Lua table: the words at 1..=31, then the two tap indices.
    fn to_table(&self, lua: &mut Lua) -> TableRef {
        let Value::Table(t) = lua.new_table() else {
            unreachable!("new_table makes a table")
        };
        self.store(lua, t);
        t
    }

    /// Writes the state into its table.
    fn store(&self, lua: &mut Lua, t: TableRef) {
        let table = lua.heap.table_mut(t);
        for (i, &word) in self.state.iter().enumerate() {
            table.set_int(i as i64 + 1, Value::Int(word as i64));
        }
        table.set_int(DEGREE as i64 + 1, Value::Int(self.front as i64));
        table.set_int(DEGREE as i64 + 2, Value::Int(self.rear as i64));
    }
}

/// The generator state table, the upvalue of `random` and `randomseed`.
fn generator_table(lua: &Lua) -> TableRef {
    match lua.native_upvalue(1) {
        Value::Table(t) => t,
        _ => unreachable!("random and randomseed are opened with their state"),
    }
}

/// One step of the shared generator (`l_rand`), done on its state table in place: only the
/// front word and the two taps change.
fn next_random(lua: &mut Lua) -> u32 {
    let t = generator_table(lua);
    let table = lua.heap.table_mut(t);
    let int = |table: &crate::object::Table, i: usize| match table.get_int(i as i64) {
        Value::Int(n) => n,
        _ => 0,
    };
    let front = int(table, DEGREE + 1) as usize % DEGREE;
    let rear = int(table, DEGREE + 2) as usize % DEGREE;
    let value = (int(table, front + 1) as u32).wrapping_add(int(table, rear + 1) as u32);
    table.set_int(front as i64 + 1, Value::Int(value as i64));
    let (front, rear) = if front + 1 >= DEGREE {
        (0, rear + 1)
    } else if rear + 1 >= DEGREE {
        (front + 1, 0)
    } else {
        (front + 1, rear + 1)
    };
    table.set_int(DEGREE as i64 + 1, Value::Int(front as i64));
    table.set_int(DEGREE as i64 + 2, Value::Int(rear as i64));
    value >> 1
}

/// `math.random([m [, n]])` (`math_random`). Like PUC, it draws a number before it looks at
/// its arguments, so even a call that fails advances the sequence.
fn random(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut r = next_random(lua) as f64 * (1.0 / (RAND_MAX + 1.0));
    let (low, up) = match lua.arg_count() {
        0 => return push_float(lua, r),
        1 => (1, lua.check_integer(1)?),
        2 => (lua.check_integer(1)?, lua.check_integer(2)?),
        _ => return Err(lua.error(b"wrong number of arguments")),
    };
    if low > up {
        return Err(lua.arg_error(1, b"interval is empty"));
    }
    if !(low >= 0 || up <= i64::MAX + low) {
        return Err(lua.arg_error(1, b"interval too large"));
    }
    r *= up.wrapping_sub(low) as f64 + 1.0;
    lua.push(Value::Int(c_double_to_int(r).wrapping_add(low)));
    Ok(1)
}

/// `math.randomseed(x)` (`math_randomseed`): `srandom((unsigned int)(lua_Integer)x)`, then
/// one value is discarded.
fn randomseed(lua: &mut Lua) -> Result<usize, LuaError> {
    let seed = match lua.check_number(1)? {
        Number::Int(i) => i,
        Number::Float(f) => c_double_to_int(f),
    };
    let t = generator_table(lua);
    let mut generator = Generator::seeded(seed as u32);
    generator.next();
    generator.store(lua, t);
    Ok(0)
}

/// C's cast of a double to a 64-bit integer: truncation toward zero. Out of range (and for
/// NaN) the cast is undefined in C; x86-64's `cvttsd2si` gives `mininteger`, as here.
fn c_double_to_int(f: f64) -> i64 {
    if (-(2f64.powi(63))..2f64.powi(63)).contains(&f) {
        f as i64
    } else {
        i64::MIN
    }
}
