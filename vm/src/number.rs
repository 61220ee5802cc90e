//! Numbers: reading numerals as Lua does. Mirrors `luaO_str2num`, `l_str2int` and `l_str2d` in
//! lobject.c, with `strtod` of the C locale written out so results do not depend on the platform.

/// A Lua number: the two subtypes of Lua 5.3.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A 64-bit integer, wrapping on overflow.
    Int(i64),
    /// A double.
    Float(f64),
}

/// Whether a byte is a space for C's `isspace` in the C locale (which includes `\v`, unlike
/// Rust's `is_ascii_whitespace`).
pub fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The value of a hexadecimal digit (`luaO_hexavalue`). The caller checks the digit first.
pub fn hex_value(byte: u8) -> u32 {
    match byte {
        b'0'..=b'9' => (byte - b'0') as u32,
        _ => ((byte | 0x20) - b'a' + 10) as u32,
    }
}

/// Converts a whole string to a number, as `luaO_str2num` does: an integer if the text is a
/// decimal integer that fits or any hexadecimal integer (which wraps around), otherwise a float.
/// Leading and trailing spaces are allowed; anything else left over is not.
pub fn str_to_number(text: &[u8]) -> Option<Number> {
    if let Some(value) = str_to_int(text) {
        return Some(Number::Int(value));
    }
    str_to_float(text).map(Number::Float)
}

/// `l_str2int`: an integer numeral, or `None` if the text is not one or a decimal one overflows.
fn str_to_int(text: &[u8]) -> Option<i64> {
    let mut pos = skip_spaces(text, 0);
    let negative = match text.get(pos) {
        Some(b'-') => {
            pos += 1;
            true
        }
        Some(b'+') => {
            pos += 1;
            false
        }
        _ => false,
    };
    let mut value: u64 = 0;
    let mut empty = true;
    if text.get(pos) == Some(&b'0') && matches!(text.get(pos + 1), Some(b'x' | b'X')) {
        pos += 2;
        while let Some(&digit) = text.get(pos).filter(|b| b.is_ascii_hexdigit()) {
            value = value.wrapping_mul(16).wrapping_add(hex_value(digit) as u64);
            empty = false;
            pos += 1;
        }
    } else {
        const MAX_BY_10: u64 = (i64::MAX / 10) as u64;
        const MAX_LAST_DIGIT: u64 = (i64::MAX % 10) as u64;
        while let Some(&digit) = text.get(pos).filter(|b| b.is_ascii_digit()) {
            let digit = (digit - b'0') as u64;
            if value >= MAX_BY_10 && (value > MAX_BY_10 || digit > MAX_LAST_DIGIT + negative as u64)
            {
                return None;
            }
            value = value * 10 + digit;
            empty = false;
            pos += 1;
        }
    }
    pos = skip_spaces(text, pos);
    if empty || pos != text.len() {
        return None;
    }
    Some(if negative {
        0u64.wrapping_sub(value)
    } else {
        value
    } as i64)
}

/// `l_str2d`: a float numeral. Like PUC, it refuses `inf` and `nan` by refusing any text whose
/// first byte among `.xXnN` is an `n`.
fn str_to_float(text: &[u8]) -> Option<f64> {
    let mode = text
        .iter()
        .find(|b| matches!(b, b'.' | b'x' | b'X' | b'n' | b'N'));
    if matches!(mode, Some(b'n' | b'N')) {
        return None;
    }
    let (value, end) = strtod(text)?;
    (skip_spaces(text, end) == text.len()).then_some(value)
}

fn skip_spaces(text: &[u8], mut pos: usize) -> usize {
    while text.get(pos).copied().is_some_and(is_space) {
        pos += 1;
    }
    pos
}

/// C's `strtod` in the C locale, for finite decimal and hexadecimal numerals: returns the value
/// and where it stopped, or `None` where `strtod` would recognise nothing.
fn strtod(text: &[u8]) -> Option<(f64, usize)> {
    let mut pos = skip_spaces(text, 0);
    let negative = match text.get(pos) {
        Some(b'-') => {
            pos += 1;
            true
        }
        Some(b'+') => {
            pos += 1;
            false
        }
        _ => false,
    };
    let is_hex = text.get(pos) == Some(&b'0') && matches!(text.get(pos + 1), Some(b'x' | b'X'));
    let (magnitude, end) = if is_hex {
        match hex_float(text, pos + 2) {
            Some(found) => found,
            // "0x" with no digits: strtod reads the "0" alone.
            None => (0.0, pos + 1),
        }
    } else {
        decimal_float(text, pos)?
    };
    Some((if negative { -magnitude } else { magnitude }, end))
}

/// Digits, an optional fraction and an optional exponent, starting at `start`; the numeral is
/// handed to Rust's correctly rounded parser once its extent is known.
fn decimal_float(text: &[u8], start: usize) -> Option<(f64, usize)> {
    let digits_from = |mut pos: usize| {
        while text.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        pos
    };
    let int_end = digits_from(start);
    let mut end = int_end;
    let mut n_digits = int_end - start;
    if text.get(end) == Some(&b'.') {
        let frac_end = digits_from(end + 1);
        n_digits += frac_end - (end + 1);
        end = frac_end;
    }
    if n_digits == 0 {
        return None;
    }
    if matches!(text.get(end), Some(b'e' | b'E')) {
        let mut exp_pos = end + 1;
        if matches!(text.get(exp_pos), Some(b'+' | b'-')) {
            exp_pos += 1;
        }
        let exp_end = digits_from(exp_pos);
        if exp_end > exp_pos {
            end = exp_end;
        }
    }
    let numeral = std::str::from_utf8(&text[start..end]).ok()?;
    Some((numeral.parse::<f64>().ok()?, end))
}

/// A hexadecimal float after its `0x`: hex digits with an optional point, then an optional
/// binary exponent `p±ddd`. Rounds to nearest, ties to even, as glibc's `strtod` does.
fn hex_float(text: &[u8], start: usize) -> Option<(f64, usize)> {
    // Up to 15 significant digits (60 bits) are kept exactly; any nonzero digit beyond them only
    // matters as a "sticky" bit below the rounding point.
    const KEPT_DIGITS: u32 = 15;
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    let mut sticky = false;
    let mut exponent: i64 = 0;
    let mut any_digit = false;
    let mut seen_point = false;
    let mut pos = start;
    loop {
        match text.get(pos) {
            Some(&digit) if digit.is_ascii_hexdigit() => {
                any_digit = true;
                let value = hex_value(digit) as u64;
                if mantissa == 0 && value == 0 {
                    // Leading zeros carry no bits; after the point they still scale.
                    if seen_point {
                        exponent -= 4;
                    }
                } else if kept < KEPT_DIGITS {
                    mantissa = mantissa * 16 + value;
                    kept += 1;
                    if seen_point {
                        exponent -= 4;
                    }
                } else {
                    sticky |= value != 0;
                    if !seen_point {
                        exponent += 4;
                    }
                }
            }
            Some(b'.') if !seen_point => seen_point = true,
            _ => break,
        }
        pos += 1;
    }
    if !any_digit {
        return None;
    }
    if matches!(text.get(pos), Some(b'p' | b'P')) {
        let mut exp_pos = pos + 1;
        let exp_negative = match text.get(exp_pos) {
            Some(b'-') => {
                exp_pos += 1;
                true
            }
            Some(b'+') => {
                exp_pos += 1;
                false
            }
            _ => false,
        };
        let mut binary_exponent: i64 = 0;
        let mut exp_end = exp_pos;
        while let Some(&digit) = text.get(exp_end).filter(|b| b.is_ascii_digit()) {
            binary_exponent = (binary_exponent * 10 + (digit - b'0') as i64).min(1 << 20);
            exp_end += 1;
        }
        if exp_end > exp_pos {
            exponent += if exp_negative {
                -binary_exponent
            } else {
                binary_exponent
            };
            pos = exp_end;
        }
    }
    if sticky {
        mantissa |= 1;
    }
    Some((scale_by_power_of_two(mantissa, exponent), pos))
}

/// `mantissa * 2^exponent`, rounded once to the nearest double (ties to even), including in the
/// subnormal range where a plain multiplication would round twice.
fn scale_by_power_of_two(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let top_bit = 63 - mantissa.leading_zeros() as i64;
    let value_exponent = top_bit + exponent;
    if value_exponent > 1023 {
        return f64::INFINITY;
    }
    if value_exponent >= -1022 {
        // Converting the integer rounds once; scaling a normal result by a power of two is exact.
        // Overflow after rounding correctly gives infinity.
        let mut value = mantissa as f64;
        let mut remaining = exponent;
        while remaining != 0 {
            let step = remaining.clamp(-1000, 1000);
            value *= f64::from_bits(((1023 + step) as u64) << 52);
            remaining -= step;
        }
        return value;
    }
    // Subnormal: count in units of 2^-1074 and round the shifted-out bits by hand.
    let shift = -1074 - exponent;
    if shift <= 0 {
        // Exact: the value is a whole number of units of 2^-1074, below 2^52 of them.
        return f64::from_bits(mantissa << -shift);
    }
    if shift >= 64 {
        // The value is below half of the smallest subnormal: it rounds to zero, unless it is
        // just above that half, which cannot happen once the top bit sits at 2^-1076 or lower.
        if shift == 64 && mantissa > 1 << 63 {
            return f64::from_bits(1);
        }
        return 0.0;
    }
    let quotient = mantissa >> shift;
    let remainder = mantissa & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let rounded = if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    };
    f64::from_bits(rounded)
}

#[cfg(test)]
mod tests {
    use super::{str_to_number, Number};

    fn num(text: &str) -> Option<Number> {
        str_to_number(text.as_bytes())
    }

    #[test]
    fn integers_and_overflow() {
        assert_eq!(num("10"), Some(Number::Int(10)));
        assert_eq!(num(" -7 "), Some(Number::Int(-7)));
        assert_eq!(num("9223372036854775807"), Some(Number::Int(i64::MAX)));
        assert_eq!(num("-9223372036854775808"), Some(Number::Int(i64::MIN)));
        assert_eq!(
            num("9223372036854775808"),
            Some(Number::Float(9223372036854775808.0))
        );
        assert_eq!(num("0xffffffffffffffffff"), Some(Number::Int(-1)));
        assert_eq!(num("0x10"), Some(Number::Int(16)));
    }

    #[test]
    fn floats_and_rejections() {
        assert_eq!(num("1e2"), Some(Number::Float(100.0)));
        assert_eq!(num(".5"), Some(Number::Float(0.5)));
        assert_eq!(num("5."), Some(Number::Float(5.0)));
        assert_eq!(num("0x1p4"), Some(Number::Float(16.0)));
        assert_eq!(num("0x.8"), Some(Number::Float(0.5)));
        assert_eq!(num("0xA.8p1"), Some(Number::Float(21.0)));
        assert_eq!(num("1e309"), Some(Number::Float(f64::INFINITY)));
        assert_eq!(num("0x1p-1074"), Some(Number::Float(f64::from_bits(1))));
        assert_eq!(num("0x1.fffffffffffff8p0"), Some(Number::Float(2.0)));
        assert_eq!(num("0x1.00000000000008p0"), Some(Number::Float(1.0)));
        assert_eq!(
            num("0x1.000000000000081p0"),
            Some(Number::Float(1.0000000000000002))
        );
        for bad in [
            "", " ", "1e", "0x", "inf", "nan", "1.5n", "3..2", "1 2", "0x1p", "1e+",
        ] {
            assert_eq!(num(bad), None, "{bad:?}");
        }
    }
}

/// Formats a float as C's `printf("%.14g")` does (`LUAI_NUMFFORMAT`), including glibc's
/// spellings `inf`, `-inf`, `nan` and `-nan` (the sign of a NaN is its sign bit).
pub fn format_g14(value: f64) -> String {
    format_g(value, 14)
}

/// Formats a float as C's `%.<precision>g` does.
pub fn format_g(value: f64, precision: usize) -> String {
    if value.is_nan() {
        return if value.is_sign_negative() {
            "-nan"
        } else {
            "nan"
        }
        .to_string();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let precision = precision.max(1);
    // The exponent of the value once rounded to `precision` significant digits decides between
    // fixed and scientific notation; Rust's `{:e}` rounds exactly as printf does.
    let scientific = format!("{:.*e}", precision - 1, value);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if exponent < -4 || exponent >= precision as i32 {
        let mantissa = strip_fraction_zeros(mantissa);
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        strip_fraction_zeros(&format!("{value:.decimals$}")).to_string()
    }
}

fn strip_fraction_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// A number as `tostring` shows it (`luaO_tostring`): integers in decimal, floats with `%.14g`
/// and a `.0` added when the result looks like an integer.
pub fn number_to_string(number: Number) -> String {
    match number {
        Number::Int(i) => i.to_string(),
        Number::Float(f) => {
            let mut text = format_g14(f);
            if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
                text.push_str(".0");
            }
            text
        }
    }
}

#[cfg(test)]
mod format_tests {
    use super::{format_g14, number_to_string, Number};

    #[test]
    fn matches_printf_g14() {
        assert_eq!(format_g14(2f64.powi(53)), "9.007199254741e+15");
        assert_eq!(format_g14(0.1), "0.1");
        assert_eq!(format_g14(1.0 / 3.0), "0.33333333333333");
        assert_eq!(format_g14(1e15), "1e+15");
        assert_eq!(format_g14(1e14), "1e+14");
        assert_eq!(format_g14(123456789012345.0), "1.2345678901234e+14");
        assert_eq!(format_g14(0.0001), "0.0001");
        assert_eq!(format_g14(0.00001), "1e-05");
        assert_eq!(format_g14(-0.0), "-0");
        assert_eq!(format_g14(1e300 * 10.0), "1e+301");
        assert_eq!(format_g14(f64::INFINITY), "inf");
        assert_eq!(number_to_string(Number::Float(-0.0)), "-0.0");
        assert_eq!(number_to_string(Number::Float(100.0)), "100.0");
        assert_eq!(number_to_string(Number::Float(f64::NEG_INFINITY)), "-inf");
        assert_eq!(number_to_string(Number::Int(-5)), "-5");
    }
}
