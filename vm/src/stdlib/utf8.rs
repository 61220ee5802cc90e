//! The `utf8` library: `char`, `charpattern`, `codes`, `codepoint`, `len`, `offset`.
//! Mirrors lutf8lib.c of PUC Lua 5.3.6; manual §6.5.
//!
//! PUC reads strings as C strings, which always end with a zero byte; the decoder relies on
//! it to stop at the end. Here [`byte_at`] gives 0 past the end for the same effect.

use crate::value::Value;
use crate::vm::{Lua, LuaError};

/// The largest code point the library accepts (`MAXUNICODE`).
const MAX_UNICODE: i64 = 0x10FFFF;

/// The pattern matching exactly one UTF-8 byte sequence (`UTF8PATT`).
const CHAR_PATTERN: &[u8] = b"[\0-\x7F\xC2-\xF4][\x80-\xBF]*";

/// Opens the library into `_G.utf8` and `package.loaded.utf8`.
pub fn open(lua: &mut Lua) {
    let library = lua.new_library(
        "utf8",
        &[
            ("offset", offset),
            ("codepoint", codepoint),
            ("char", char),
            ("len", len),
            ("codes", codes),
        ],
    );
    let key = lua.string(b"charpattern");
    let pattern = lua.string(CHAR_PATTERN);
    lua.heap.table_set(library, key, pattern);
}

/// The byte at `i`, or 0 at and past the end, like the terminator of a C string.
fn byte_at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Whether the byte at `i` is a continuation byte (`iscont`).
fn is_continuation(s: &[u8], i: usize) -> bool {
    byte_at(s, i) & 0xC0 == 0x80
}

/// A relative string position: negative counts back from the end (`u_posrelat`).
fn relative_position(position: i64, len: usize) -> i64 {
    if position >= 0 {
        position
    } else if position.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + position + 1
    }
}

/// Decodes the sequence starting at `i` (`utf8_decode`): its code point and the index just
/// past it, or `None` if the bytes are not a valid, shortest-form sequence up to `MAXUNICODE`.
fn decode(s: &[u8], i: usize) -> Option<(u32, usize)> {
    const LIMITS: [u32; 4] = [0xFF, 0x7F, 0x7FF, 0xFFFF];
    let mut c = byte_at(s, i) as u32;
    if c < 0x80 {
        return Some((c, i + 1));
    }
    let mut result: u32 = 0;
    let mut count = 0;
    while c & 0x40 != 0 {
        count += 1;
        let cc = byte_at(s, i + count) as u32;
        if cc & 0xC0 != 0x80 {
            return None;
        }
        result = (result << 6) | (cc & 0x3F);
        c <<= 1;
    }
    // PUC's `count > 3` test comes first, which keeps the shift below in range.
    if count > 3 {
        return None;
    }
    result |= (c & 0x7F) << (count * 5);
    if result > MAX_UNICODE as u32 || result <= LIMITS[count] {
        return None;
    }
    Some((result, i + count + 1))
}

/// The UTF-8 bytes of a code point up to `0x7FFFFFFF` (`luaO_utf8esc`, behind `%U`).
pub fn encode(code: u32, out: &mut Vec<u8>) {
    if code < 0x80 {
        out.push(code as u8);
        return;
    }
    let mut buffer = [0u8; 8];
    let mut n = 1;
    let mut x = code;
    // The largest value that fits in the first byte.
    let mut first_max: u32 = 0x3f;
    loop {
        buffer[8 - n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        first_max >>= 1;
        if x <= first_max {
            break;
        }
    }
    buffer[8 - n] = ((!first_max << 1) | x) as u8;
    out.extend_from_slice(&buffer[8 - n..]);
}

/// `utf8.len(s [, i [, j]])`: the number of characters starting in `i..=j`, or nil and the
/// position of the first invalid byte (`utflen`).
fn len(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len();
    let i = lua.opt_integer(2, 1)?;
    let mut start = relative_position(i, length);
    let j = lua.opt_integer(3, -1)?;
    let end = relative_position(j, length);
    start -= 1;
    if !(0 <= start && start <= length as i64) {
        return Err(lua.arg_error(2, b"initial position out of string"));
    }
    let end = end - 1;
    if end >= length as i64 {
        return Err(lua.arg_error(3, b"final position out of string"));
    }
    let bytes = lua.str_bytes(s);
    let mut n = 0;
    let mut position = start;
    while position <= end {
        match decode(bytes, position as usize) {
            Some((_, next)) => position = next as i64,
            None => {
                lua.push(Value::Nil);
                lua.push(Value::Int(position + 1));
                return Ok(2);
            }
        }
        n += 1;
    }
    lua.push(Value::Int(n));
    Ok(1)
}

/// `utf8.codepoint(s [, i [, j]])`: the code points of the characters starting in `i..=j`
/// (`codepoint`).
fn codepoint(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len();
    let i = lua.opt_integer(2, 1)?;
    let start = relative_position(i, length);
    let j = lua.opt_integer(3, start)?;
    let end = relative_position(j, length);
    if start < 1 {
        return Err(lua.arg_error(2, b"out of range"));
    }
    if end > length as i64 {
        return Err(lua.arg_error(3, b"out of range"));
    }
    if start > end {
        return Ok(0);
    }
    if end - start >= i32::MAX as i64 {
        return Err(lua.error(b"string slice too long"));
    }
    let bytes = lua.str_bytes(s).to_vec();
    let mut codes = Vec::new();
    let mut position = start as usize - 1;
    while position < end as usize {
        match decode(&bytes, position) {
            Some((code, next)) => {
                codes.push(code);
                position = next;
            }
            None => return Err(lua.error(b"invalid UTF-8 code")),
        }
    }
    if lua.top + codes.len() + 5 > crate::limits::MAX_STACK {
        return Err(lua.error(b"stack overflow (string slice too long)"));
    }
    lua.ensure_stack(codes.len())?;
    for &code in &codes {
        lua.push(Value::Int(code as i64));
    }
    Ok(codes.len())
}

/// `utf8.char(...)`: the concatenated UTF-8 sequences of the arguments (`utfchar`).
fn char(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    let mut bytes = Vec::new();
    for arg in 1..=n {
        let code = lua.check_integer(arg)?;
        if !(0..=MAX_UNICODE).contains(&code) {
            return Err(lua.arg_error(arg, b"value out of range"));
        }
        encode(code as u32, &mut bytes);
    }
    let result = lua.string(&bytes);
    lua.push(result);
    Ok(1)
}

/// `utf8.offset(s, n [, i])`: the byte position where the `n`th character counted from
/// position `i` starts (`byteoffset`).
fn offset(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let length = lua.str_bytes(s).len() as i64;
    let mut n = lua.check_integer(2)?;
    let default = if n >= 0 { 1 } else { length + 1 };
    let i = lua.opt_integer(3, default)?;
    let mut position = relative_position(i, length as usize);
    position -= 1;
    if !(0 <= position && position <= length) {
        return Err(lua.arg_error(3, b"position out of range"));
    }
    let bytes = lua.str_bytes(s);
    if n == 0 {
        // The beginning of the sequence containing byte `i`.
        while position > 0 && is_continuation(bytes, position as usize) {
            position -= 1;
        }
    } else {
        if is_continuation(bytes, position as usize) {
            return Err(lua.error(b"initial position is a continuation byte"));
        }
        if n < 0 {
            while n < 0 && position > 0 {
                // Back to the beginning of the previous character.
                position -= 1;
                while position > 0 && is_continuation(bytes, position as usize) {
                    position -= 1;
                }
                n += 1;
            }
        } else {
            // The first character is the one at `i`.
            n -= 1;
            while n > 0 && position < length {
                // On to the beginning of the next character; the final zero byte stops it.
                position += 1;
                while is_continuation(bytes, position as usize) {
                    position += 1;
                }
                n -= 1;
            }
        }
    }
    lua.push(if n == 0 {
        Value::Int(position + 1)
    } else {
        Value::Nil
    });
    Ok(1)
}

/// The iterator of `utf8.codes` (`iter_aux`): from the byte position in argument 2, the next
/// character's position and code point.
fn codes_step(lua: &mut Lua) -> Result<usize, LuaError> {
    let s = lua.check_string(1)?;
    let bytes = lua.str_bytes(s);
    let length = bytes.len() as i64;
    let control = crate::vm::to_integer(lua.arg(2), &lua.heap.strings).unwrap_or(0);
    let mut n = control.wrapping_sub(1);
    if n < 0 {
        n = 0;
    } else if n < length {
        // Skip the current byte and its continuations.
        n += 1;
        while is_continuation(bytes, n as usize) {
            n += 1;
        }
    }
    if n >= length {
        return Ok(0);
    }
    match decode(bytes, n as usize) {
        Some((code, next)) if !is_continuation(bytes, next) => {
            lua.push(Value::Int(n + 1));
            lua.push(Value::Int(code as i64));
            Ok(2)
        }
        _ => Err(lua.error(b"invalid UTF-8 code")),
    }
}

/// `utf8.codes(s)`: the generic-`for` triple over the characters of `s` (`iter_codes`).
fn codes(lua: &mut Lua) -> Result<usize, LuaError> {
    // Like `luaL_checkstring`, a number argument is replaced by its string.
    let string = Value::Str(lua.check_string(1)?);
    let step = lua.native_function(codes_step);
    lua.push(step);
    lua.push(string);
    lua.push(Value::Int(0));
    Ok(3)
}
