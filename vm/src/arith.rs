//! Raw arithmetic on numbers, without metamethods. Mirrors `luaO_arith` in lobject.c and
//! `luaV_div`, `luaV_mod`, `luaV_shiftl` and `luaV_tointeger` in lvm.c; semantics in manual §3.4.1.
//!
//! The compiler folds constants with these functions and the interpreter will run with the same
//! ones, so a folded expression can never disagree with the same expression computed at run time.

use crate::number::Number;

/// An arithmetic or bitwise operator, in the order of lua.h's `LUA_OP*` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
}

impl ArithOp {
    /// Whether the operator works on integers only.
    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            ArithOp::BAnd
                | ArithOp::BOr
                | ArithOp::BXor
                | ArithOp::Shl
                | ArithOp::Shr
                | ArithOp::BNot
        )
    }
}

/// A float with an exact integer value, as that integer (`luaV_tointeger` with `LUA_FLOORN2I`
/// set to exact conversion).
pub fn float_to_int_exact(value: f64) -> Option<i64> {
    let floor = value.floor();
    if floor != value {
        return None;
    }
    // The range check is done on floats so that 2^63 is refused: -2^63 is exact, 2^63 is not.
    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&floor) {
        Some(floor as i64)
    } else {
        None
    }
}

/// A number as an integer if it has an exact integer value.
pub fn number_to_int(value: Number) -> Option<i64> {
    match value {
        Number::Int(i) => Some(i),
        Number::Float(f) => float_to_int_exact(f),
    }
}

fn number_to_float(value: Number) -> f64 {
    match value {
        Number::Int(i) => i as f64,
        Number::Float(f) => f,
    }
}

/// Integer floor division (`luaV_div`); `None` when dividing by zero.
pub fn int_floor_div(m: i64, n: i64) -> Option<i64> {
    if n == 0 {
        return None;
    }
    if n == -1 {
        // Avoids the overflow of `i64::MIN / -1`: the result wraps, as in C with unsigned math.
        return Some(m.wrapping_neg());
    }
    let quotient = m / n;
    // C's division truncates; round towards minus infinity when the signs differ and it is inexact.
    if (m % n != 0) && ((m ^ n) < 0) {
        Some(quotient - 1)
    } else {
        Some(quotient)
    }
}

/// Integer modulo with the sign of the divisor (`luaV_mod`); `None` when dividing by zero.
pub fn int_mod(m: i64, n: i64) -> Option<i64> {
    if n == 0 {
        return None;
    }
    if n == -1 {
        return Some(0);
    }
    let remainder = m % n;
    if remainder != 0 && (remainder ^ n) < 0 {
        Some(remainder + n)
    } else {
        Some(remainder)
    }
}

/// Float modulo with the sign of the divisor (`luai_nummod` of 5.3): `fmod`, then the divisor
/// is added when the remainder and the divisor have opposite signs. The test is PUC's own
/// `m * b < 0`, so that it behaves the same when the product underflows.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m * b < 0.0 {
        m + b
    } else {
        m
    }
}

/// Float exponentiation (`luai_numpow`), with PUC's shortcut for squares.
pub fn float_pow(a: f64, b: f64) -> f64 {
    if b == 2.0 {
        a * a
    } else {
        a.powf(b)
    }
}

/// Logical shift left by `y`, right when `y` is negative (`luaV_shiftl`).
pub fn shift_left(x: i64, y: i64) -> i64 {
    if y < 0 {
        if y <= -64 {
            0
        } else {
            ((x as u64) >> (-y)) as i64
        }
    } else if y >= 64 {
        0
    } else {
        ((x as u64) << y) as i64
    }
}

fn int_arith(op: ArithOp, a: i64, b: i64) -> Option<i64> {
    Some(match op {
        ArithOp::Add => a.wrapping_add(b),
        ArithOp::Sub => a.wrapping_sub(b),
        ArithOp::Mul => a.wrapping_mul(b),
        ArithOp::Mod => int_mod(a, b)?,
        ArithOp::IDiv => int_floor_div(a, b)?,
        ArithOp::BAnd => a & b,
        ArithOp::BOr => a | b,
        ArithOp::BXor => a ^ b,
        ArithOp::Shl => shift_left(a, b),
        ArithOp::Shr => shift_left(a, b.wrapping_neg()),
        ArithOp::Unm => 0i64.wrapping_sub(a),
        ArithOp::BNot => !a,
        ArithOp::Pow | ArithOp::Div => unreachable!("float-only operator"),
    })
}

fn float_arith(op: ArithOp, a: f64, b: f64) -> f64 {
    match op {
        ArithOp::Add => a + b,
        ArithOp::Sub => a - b,
        ArithOp::Mul => a * b,
        ArithOp::Div => a / b,
        ArithOp::Pow => float_pow(a, b),
        ArithOp::IDiv => (a / b).floor(),
        ArithOp::Unm => -a,
        ArithOp::Mod => float_mod(a, b),
        _ => unreachable!("integer-only operator"),
    }
}

/// Applies `op` to two numbers (`luaO_arith`). Unary operators ignore `b`. Returns `None` when
/// a bitwise operand has no integer representation or an integer is divided by zero; the caller
/// turns that into the right error (or, in the compiler, declines to fold).
pub fn arith(op: ArithOp, a: Number, b: Number) -> Option<Number> {
    if op.is_bitwise() {
        let (a, b) = (number_to_int(a)?, number_to_int(b)?);
        return int_arith(op, a, b).map(Number::Int);
    }
    if matches!(op, ArithOp::Div | ArithOp::Pow) {
        return Some(Number::Float(float_arith(
            op,
            number_to_float(a),
            number_to_float(b),
        )));
    }
    match (a, b) {
        (Number::Int(a), Number::Int(b)) => int_arith(op, a, b).map(Number::Int),
        _ => Some(Number::Float(float_arith(
            op,
            number_to_float(a),
            number_to_float(b),
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo() {
        assert_eq!(int_floor_div(7, 2), Some(3));
        assert_eq!(int_floor_div(-7, 2), Some(-4));
        assert_eq!(int_floor_div(i64::MIN, -1), Some(i64::MIN));
        assert_eq!(int_floor_div(1, 0), None);
        assert_eq!(int_mod(-7, 3), Some(2));
        assert_eq!(int_mod(7, -3), Some(-2));
        assert_eq!(int_mod(i64::MIN, -1), Some(0));
        assert_eq!(float_mod(-7.0, 3.0), 2.0);
        assert_eq!(float_mod(5.5, -2.0), -0.5);
        assert_eq!(float_mod(-7.5, -2.0), -1.5);
        assert_eq!(float_mod(-1.0, f64::INFINITY), f64::INFINITY);
        assert_eq!(float_mod(-1.0, f64::NEG_INFINITY), -1.0);
    }

    #[test]
    fn shifts_and_conversions() {
        assert_eq!(shift_left(1, 63), i64::MIN);
        assert_eq!(shift_left(1, 64), 0);
        assert_eq!(shift_left(-1, -1), i64::MAX);
        assert_eq!(float_to_int_exact(2.0f64.powi(63)), None);
        assert_eq!(float_to_int_exact(-(2.0f64.powi(63))), Some(i64::MIN));
        assert_eq!(float_to_int_exact(1.5), None);
        assert_eq!(
            arith(ArithOp::BAnd, Number::Float(3.0), Number::Int(1)),
            Some(Number::Int(1))
        );
        assert_eq!(
            arith(ArithOp::BAnd, Number::Float(3.5), Number::Int(1)),
            None
        );
        assert_eq!(
            arith(ArithOp::Div, Number::Int(1), Number::Int(2)),
            Some(Number::Float(0.5))
        );
    }
}
