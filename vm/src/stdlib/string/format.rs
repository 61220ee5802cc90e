//! `string.format`. Mirrors `str_format`, `scanformat`, `addquoted` and `addliteral` of
//! lstrlib.c of PUC Lua 5.3.6; manual §6.4.
//!
//! PUC hands each conversion to the C library's `sprintf`; here the conversions are written
//! out to give what glibc's `printf` gives, flags, width and precision included. Floats rely
//! on Rust's `{:.N}` and `{:.Ne}`, which round the exact binary value to nearest, ties to
//! even, as glibc does; `%a` is done by hand with the same rounding.

use crate::number::Number;
use crate::value::Value;
use crate::vm::{Lua, LuaError};

/// The escape character of format strings (`L_ESC`).
const ESCAPE: u8 = b'%';

/// The flags a conversion may have (`FLAGS`); PUC rejects a run of this many flag bytes or
/// more (`sizeof(FLAGS)`, which counts the terminating zero).
const FLAGS: &[u8] = b"-+ #0";

/// One conversion's flags, width and precision, as `printf` reads them.
#[derive(Clone, Copy, Debug, Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    /// Whether anything at all stood between `%` and the conversion letter.
    has_modifiers: bool,
}

/// `string.format(formatstring, ...)` (`str_format`).
pub(super) fn format(lua: &mut Lua) -> Result<usize, LuaError> {
    let top = lua.arg_count();
    let format = lua.check_string(1)?;
    let length = lua.str_bytes(format).len();
    let mut out = Vec::with_capacity(length);
    let mut arg = 1;
    let mut i = 0;
    while i < length {
        let bytes = lua.str_bytes(format);
        let Some(offset) = bytes[i..].iter().position(|&b| b == ESCAPE) else {
            out.extend_from_slice(&bytes[i..]);
            break;
        };
        out.extend_from_slice(&bytes[i..i + offset]);
        i += offset + 1;
        if bytes.get(i) == Some(&ESCAPE) {
            out.push(ESCAPE);
            i += 1;
            continue;
        }
        arg += 1;
        if arg > top {
            return Err(lua.arg_error(arg, b"no value"));
        }
        let (spec, conversion, next) = match scan_format(lua.str_bytes(format), i) {
            Ok(scanned) => scanned,
            Err(message) => return Err(lua.error(message.as_bytes())),
        };
        i = next;
        format_item(lua, &mut out, arg, spec, conversion)?;
    }
    let result = lua.string(&out);
    lua.push(result);
    Ok(1)
}

/// Reads the flags, width and precision that start at `i` (`scanformat`), and returns them
/// with the conversion byte and the index after it. A missing byte reads as 0, the zero that
/// ends every Lua string in PUC.
fn scan_format(bytes: &[u8], i: usize) -> Result<(Spec, u8, usize), &'static str> {
    let at = |p: usize| bytes.get(p).copied().unwrap_or(0);
    let mut spec = Spec::default();
    let mut p = i;
    while at(p) != 0 && FLAGS.contains(&at(p)) {
        match at(p) {
            b'-' => spec.left = true,
            b'+' => spec.plus = true,
            b' ' => spec.space = true,
            b'#' => spec.alternate = true,
            _ => spec.zero = true,
        }
        p += 1;
    }
    if p - i > FLAGS.len() {
        return Err("invalid format (repeated flags)");
    }
    for _ in 0..2 {
        if at(p).is_ascii_digit() {
            spec.width = spec.width * 10 + (at(p) - b'0') as usize;
            p += 1;
        }
    }
    if at(p) == b'.' {
        p += 1;
        let mut precision = 0;
        for _ in 0..2 {
            if at(p).is_ascii_digit() {
                precision = precision * 10 + (at(p) - b'0') as usize;
                p += 1;
            }
        }
        spec.precision = Some(precision);
    }
    if at(p).is_ascii_digit() {
        return Err("invalid format (width or precision too long)");
    }
    spec.has_modifiers = p > i;
    Ok((spec, at(p), p + 1))
}

/// Formats argument `arg` with one conversion and appends it to `out`.
fn format_item(
    lua: &mut Lua,
    out: &mut Vec<u8>,
    arg: usize,
    spec: Spec,
    conversion: u8,
) -> Result<(), LuaError> {
    match conversion {
        b'c' => {
            let c = lua.check_integer(arg)? as u8;
            pad(out, &spec, b"", &[c], false);
        }
        b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
            let n = lua.check_integer(arg)?;
            format_integer(out, &spec, conversion, n);
        }
        b'a' | b'A' | b'e' | b'E' | b'f' | b'g' | b'G' => {
            let x = match lua.check_number(arg)? {
                Number::Int(i) => i as f64,
                Number::Float(f) => f,
            };
            format_float(out, &spec, conversion, x);
        }
        b'q' => add_literal(lua, out, arg)?,
        b's' => {
            let value = lua.arg(arg);
            let s = lua.to_display_string(value)?;
            let bytes = lua.str_bytes(s);
            if !spec.has_modifiers {
                out.extend_from_slice(bytes);
            } else if bytes.contains(&0) {
                return Err(lua.arg_error(arg, b"string contains zeros"));
            } else if spec.precision.is_none() && bytes.len() >= 100 {
                // PUC keeps a long string whole rather than format it into its buffer.
                out.extend_from_slice(bytes);
            } else {
                let shown = spec.precision.map_or(bytes.len(), |p| p.min(bytes.len()));
                pad(out, &spec, b"", &bytes[..shown], false);
            }
        }
        other => {
            let mut message = b"invalid option '%".to_vec();
            push_char_for_message(&mut message, other);
            message.extend_from_slice(b"' to 'format'");
            return Err(lua.error(&message));
        }
    }
    Ok(())
}

/// A byte as `lua_pushfstring`'s `%c` shows it: itself if printable, `<\N>` otherwise.
pub(super) fn push_char_for_message(message: &mut Vec<u8>, c: u8) {
    if c.is_ascii_graphic() || c == b' ' {
        message.push(c);
    } else {
        message.extend_from_slice(format!("<\\{c}>").as_bytes());
    }
}

/// Appends `prefix` and `body` padded to the width: with spaces on the left, spaces on the
/// right (`-`), or zeros between prefix and body (`0`, when `zero_allowed`).
fn pad(out: &mut Vec<u8>, spec: &Spec, prefix: &[u8], body: &[u8], zero_allowed: bool) {
    let fill = spec.width.saturating_sub(prefix.len() + body.len());
    if spec.left {
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if spec.zero && zero_allowed {
        out.extend_from_slice(prefix);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

/// The sign `printf` writes before a signed conversion.
fn sign_of(spec: &Spec, negative: bool) -> &'static [u8] {
    if negative {
        b"-"
    } else if spec.plus {
        b"+"
    } else if spec.space {
        b" "
    } else {
        b""
    }
}

/// `%d %i %o %u %x %X` of a `long long` (`%lld` and friends).
fn format_integer(out: &mut Vec<u8>, spec: &Spec, conversion: u8, n: i64) {
    let signed = matches!(conversion, b'd' | b'i');
    let magnitude = if signed { n.unsigned_abs() } else { n as u64 };
    let mut digits = match conversion {
        b'o' => format!("{magnitude:o}"),
        b'x' => format!("{magnitude:x}"),
        b'X' => format!("{magnitude:X}"),
        _ => magnitude.to_string(),
    }
    .into_bytes();
    if let Some(precision) = spec.precision {
        if precision == 0 && magnitude == 0 {
            digits.clear();
        }
        if digits.len() < precision {
            let zeros = precision - digits.len();
            digits.splice(0..0, std::iter::repeat_n(b'0', zeros));
        }
    }
    if conversion == b'o' && spec.alternate && digits.first() != Some(&b'0') {
        digits.insert(0, b'0');
    }
    let prefix: &[u8] = match conversion {
        b'd' | b'i' => sign_of(spec, n < 0),
        b'x' if spec.alternate && magnitude != 0 => b"0x",
        b'X' if spec.alternate && magnitude != 0 => b"0X",
        _ => b"",
    };
    pad(out, spec, prefix, &digits, spec.precision.is_none());
}

/// `%a %A %e %E %f %g %G` of a double.
fn format_float(out: &mut Vec<u8>, spec: &Spec, conversion: u8, x: f64) {
    let upper = conversion.is_ascii_uppercase();
    let sign = sign_of(spec, x.is_sign_negative());
    if !x.is_finite() {
        let text: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        pad(out, spec, sign, text, false);
        return;
    }
    let x = x.abs();
    let mut body = match conversion.to_ascii_lowercase() {
        b'a' => hex_float(x, spec.precision, spec.alternate),
        b'e' => exponent_form(x, spec.precision.unwrap_or(6), spec.alternate),
        b'f' => fixed_form(x, spec.precision.unwrap_or(6), spec.alternate),
        _ => general_form(x, spec.precision.unwrap_or(6), spec.alternate),
    };
    if upper {
        body.make_ascii_uppercase();
    }
    if conversion.eq_ignore_ascii_case(&b'a') {
        let mut prefix = sign.to_vec();
        prefix.extend_from_slice(if upper { b"0X" } else { b"0x" });
        pad(out, spec, &prefix, body.as_bytes(), true);
    } else {
        pad(out, spec, sign, body.as_bytes(), true);
    }
}

/// `%.<precision>e` of a non-negative finite number.
fn exponent_form(x: f64, precision: usize, alternate: bool) -> String {
    let text = format!("{x:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let point = if alternate && precision == 0 { "." } else { "" };
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}{point}e{sign}{:02}", exponent.unsigned_abs())
}

/// `%.<precision>f` of a non-negative finite number.
fn fixed_form(x: f64, precision: usize, alternate: bool) -> String {
    let mut text = format!("{x:.precision$}");
    if alternate && precision == 0 {
        text.push('.');
    }
    text
}

/// `%.<precision>g` of a non-negative finite number: `%e` or `%f` by the exponent the value
/// has once rounded, then without trailing zeros unless `#` is given.
fn general_form(x: f64, precision: usize, alternate: bool) -> String {
    let precision = precision.max(1);
    let scientific = format!("{x:.*e}", precision - 1);
    let exponent: i32 = scientific
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let text = if exponent < -4 || exponent >= precision as i32 {
        exponent_form(x, precision - 1, alternate)
    } else {
        fixed_form(x, (precision as i32 - 1 - exponent) as usize, alternate)
    };
    if alternate {
        // glibc's quirk: when rounding carries a value below 10^P up to 10^P, `%#g` prints
        // `1.e+P` without the zeros `#` asks for (printf_fp picks the fixed form first, then
        // switches). Eighteen digits are enough to see the unrounded exponent of a double.
        let unrounded = format!("{x:.17e}");
        let unrounded: Option<i32> = unrounded.split_once('e').and_then(|(_, e)| e.parse().ok());
        if exponent == precision as i32 && unrounded == Some(exponent - 1) {
            return format!("1.e+{exponent:02}");
        }
        return text;
    }
    let (number, exponent) = match text.find('e') {
        Some(at) => text.split_at(at),
        None => (text.as_str(), ""),
    };
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    format!("{number}{exponent}")
}

/// glibc's `%a` of a non-negative finite double, without the `0x`: the leading digit is 1
/// for normal numbers and 0 for subnormal ones (whose exponent is always -1022), and a
/// precision rounds the hexadecimal digits to nearest, ties to even, possibly carrying into
/// the leading digit (`0x2.0p+0`), which glibc does not renormalize.
fn hex_float(x: f64, precision: Option<usize>, alternate: bool) -> String {
    const FRACTION_DIGITS: usize = 13;
    let bits = x.to_bits();
    let biased_exponent = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exponent) = match (biased_exponent, fraction) {
        (0, 0) => (0, 0),
        (0, _) => (0, -1022),
        (e, _) => (1, e - 1023),
    };
    let (lead, digits) = match precision {
        None => {
            let digits = format!("{fraction:013x}");
            (lead, digits.trim_end_matches('0').to_string())
        }
        Some(p) if p >= FRACTION_DIGITS => {
            let zeros = p - FRACTION_DIGITS;
            (lead, format!("{fraction:013x}{}", "0".repeat(zeros)))
        }
        Some(p) => {
            let whole = (lead << 52) | fraction;
            let shift = (FRACTION_DIGITS - p) * 4;
            let mut kept = whole >> shift;
            let rest = whole & ((1 << shift) - 1);
            let half = 1 << (shift - 1);
            if rest > half || (rest == half && kept & 1 == 1) {
                kept += 1;
            }
            let digits = if p == 0 {
                String::new()
            } else {
                format!("{:0p$x}", kept & ((1 << (p * 4)) - 1))
            };
            (kept >> (p * 4), digits)
        }
    };
    let point = if digits.is_empty() && !alternate {
        ""
    } else {
        "."
    };
    format!("{lead}{point}{digits}p{exponent:+}")
}

/// `%q`: a value written so that Lua reads it back (`addliteral`).
fn add_literal(lua: &mut Lua, out: &mut Vec<u8>, arg: usize) -> Result<(), LuaError> {
    match lua.arg(arg) {
        Value::Str(s) => add_quoted(out, lua.str_bytes(s)),
        Value::Int(i64::MIN) => out.extend_from_slice(b"0x8000000000000000"),
        Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::Float(f) => {
            let spec = Spec::default();
            format_float(out, &spec, b'a', f);
        }
        Value::Nil => out.extend_from_slice(b"nil"),
        Value::Bool(b) => out.extend_from_slice(if b.get() { b"true" } else { b"false" }),
        _ => return Err(lua.arg_error(arg, b"value has no literal form")),
    }
    Ok(())
}

/// A string in double quotes with `"`, `\`, newlines and control characters escaped
/// (`addquoted`).
fn add_quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for (i, &c) in s.iter().enumerate() {
        match c {
            b'"' | b'\\' | b'\n' => {
                out.push(b'\\');
                out.push(c);
            }
            _ if c.is_ascii_control() => {
                let next_is_digit = s.get(i + 1).is_some_and(u8::is_ascii_digit);
                let escaped = if next_is_digit {
                    format!("\\{c:03}")
                } else {
                    format!("\\{c}")
                };
                out.extend_from_slice(escaped.as_bytes());
            }
            _ => out.push(c),
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::{general_form, hex_float};

    #[test]
    fn hex_float_matches_glibc() {
        assert_eq!(hex_float(1.5, None, false), "1.8p+0");
        assert_eq!(hex_float(1.5, Some(0), false), "2p+0");
        assert_eq!(hex_float(2.5, Some(0), false), "1p+1");
        assert_eq!(hex_float(1.96875, Some(1), false), "2.0p+0");
        assert_eq!(hex_float(1.03125, Some(1), false), "1.0p+0");
        assert_eq!(hex_float(0.0, None, false), "0p+0");
        assert_eq!(hex_float(1.0, None, true), "1.p+0");
        assert_eq!(
            hex_float(f64::from_bits(1), None, false),
            "0.0000000000001p-1022"
        );
    }

    #[test]
    fn general_form_matches_glibc() {
        assert_eq!(general_form(100000.0, 6, false), "100000");
        assert_eq!(general_form(1000000.0, 6, false), "1e+06");
        assert_eq!(general_form(0.0001, 6, false), "0.0001");
        assert_eq!(general_form(1.5, 6, true), "1.50000");
        assert_eq!(general_form(123.0, 0, false), "1e+02");
        assert_eq!(general_form(999999.5, 6, true), "1.e+06");
        assert_eq!(general_form(99.5, 2, true), "1.e+02");
        assert_eq!(general_form(9999995.0, 6, true), "1.00000e+07");
        assert_eq!(general_form(99999.95000001, 6, true), "100000.");
    }
}
