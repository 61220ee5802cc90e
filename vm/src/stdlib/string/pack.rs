//! `string.pack`, `string.unpack` and `string.packsize`: binary serialization. Mirrors the
//! packing half of lstrlib.c of PUC Lua 5.3.6 (`getoption`, `getdetails`, `str_pack`,
//! `str_unpack`, `str_packsize`); manual §6.4.2.
//!
//! Sizes and alignments are those of PUC built for x86-64 Linux: `int` 4 bytes, `short` 2,
//! `long`, `size_t`, `lua_Integer` and `lua_Number` 8, native order little-endian, maximum
//! alignment 8. A format string ends at its first zero byte, as a C string does.

use super::format::push_char_for_message;
use super::{relative_position, stack_has_room, MAX_SIZE};
use crate::number::Number;
use crate::value::Value;
use crate::vm::{Lua, LuaError};

/// The largest integer size, in bytes (`MAXINTSIZE`).
const MAX_INT_SIZE: i64 = 16;

/// The size of a Lua integer (`SZINT`).
const INTEGER_SIZE: usize = 8;

/// The default maximum alignment, for `!` without a number (`MAXALIGN`).
const MAX_ALIGN: i64 = 8;

/// What one option of a format does (`KOption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Signed integers.
    Int,
    /// Unsigned integers.
    Uint,
    /// Floating-point numbers.
    Float,
    /// Fixed-length strings.
    Char,
    /// Strings preceded by their length.
    String,
    /// Zero-terminated strings.
    ZeroString,
    /// One byte of padding.
    Padding,
    /// Padding up to an alignment (`X`).
    PadAlign,
    /// Configuration or spaces.
    Nop,
}

/// An error found while reading a format: a plain error (`luaL_error`) or one blamed on the
/// format argument (`luaL_argerror(L, 1, ...)`).
#[derive(Debug)]
enum FormatError {
    Plain(Vec<u8>),
    BadFormat(&'static str),
}

#[cold]
#[inline(never)]
fn raise(lua: &mut Lua, error: FormatError) -> LuaError {
    match error {
        FormatError::Plain(message) => lua.error(&message),
        FormatError::BadFormat(message) => lua.arg_error(1, message.as_bytes()),
    }
}

/// A format being read, with its current endianness and maximum alignment (`Header`).
struct Format {
    bytes: Vec<u8>,
    pos: usize,
    little: bool,
    max_align: usize,
}

impl Format {
    /// Reads argument 1 as a format.
    fn from_arg(lua: &mut Lua) -> Result<Format, LuaError> {
        let format = lua.check_string(1)?;
        let bytes = lua.str_bytes(format);
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        Ok(Format {
            bytes: bytes[..end].to_vec(),
            pos: 0,
            little: cfg!(target_endian = "little"),
            max_align: 1,
        })
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    /// A decimal number, or `default` if there is none (`getnum`). Digits stop being read
    /// once the number could overflow `MAXSIZE`; the rest are then read as options.
    fn number(&mut self, default: i64) -> i64 {
        if !self.peek().is_ascii_digit() {
            return default;
        }
        let mut n = 0;
        loop {
            n = n * 10 + (self.peek() - b'0') as i64;
            self.pos += 1;
            if !(self.peek().is_ascii_digit() && n <= (MAX_SIZE as i64 - 9) / 10) {
                return n;
            }
        }
    }

    /// An integer size in `[1, 16]` (`getnumlimit`).
    fn size_limited(&mut self, default: i64) -> Result<usize, FormatError> {
        let size = self.number(default);
        if size > MAX_INT_SIZE || size <= 0 {
            let message = format!("integral size ({size}) out of limits [1,{MAX_INT_SIZE}]");
            return Err(FormatError::Plain(message.into_bytes()));
        }
        Ok(size as usize)
    }

    /// The next option and its size (`getoption`).
    fn option(&mut self) -> Result<(Kind, usize), FormatError> {
        let option = self.peek();
        self.pos += 1;
        let found = match option {
            b'b' => (Kind::Int, 1),
            b'B' => (Kind::Uint, 1),
            b'h' => (Kind::Int, 2),
            b'H' => (Kind::Uint, 2),
            b'l' | b'j' => (Kind::Int, 8),
            b'L' | b'J' | b'T' => (Kind::Uint, 8),
            b'f' => (Kind::Float, 4),
            b'd' | b'n' => (Kind::Float, 8),
            b'i' => (Kind::Int, self.size_limited(4)?),
            b'I' => (Kind::Uint, self.size_limited(4)?),
            b's' => (Kind::String, self.size_limited(8)?),
            b'c' => {
                let size = self.number(-1);
                if size == -1 {
                    let message = b"missing size for format option 'c'".to_vec();
                    return Err(FormatError::Plain(message));
                }
                (Kind::Char, size as usize)
            }
            b'z' => (Kind::ZeroString, 0),
            b'x' => (Kind::Padding, 1),
            b'X' => (Kind::PadAlign, 0),
            b' ' => (Kind::Nop, 0),
            b'<' => {
                self.little = true;
                (Kind::Nop, 0)
            }
            b'>' => {
                self.little = false;
                (Kind::Nop, 0)
            }
            b'=' => {
                self.little = cfg!(target_endian = "little");
                (Kind::Nop, 0)
            }
            b'!' => {
                self.max_align = self.size_limited(MAX_ALIGN)?;
                (Kind::Nop, 0)
            }
            other => {
                let mut message = b"invalid format option '".to_vec();
                push_char_for_message(&mut message, other);
                message.push(b'\'');
                return Err(FormatError::Plain(message));
            }
        };
        Ok(found)
    }

    /// The next option, its size and the padding that aligns it after `total` bytes
    /// (`getdetails`).
    fn details(&mut self, total: usize) -> Result<(Kind, usize, usize), FormatError> {
        let (kind, size) = self.option()?;
        let mut align = size;
        if kind == Kind::PadAlign {
            // `X` takes its alignment from the next option, which is otherwise ignored.
            let bad = FormatError::BadFormat("invalid next option for option 'X'");
            if self.at_end() {
                return Err(bad);
            }
            let (next, next_size) = self.option()?;
            align = next_size;
            if next == Kind::Char || align == 0 {
                return Err(bad);
            }
        }
        if align <= 1 || kind == Kind::Char {
            return Ok((kind, size, 0));
        }
        let align = align.min(self.max_align);
        if !align.is_power_of_two() {
            let message = "format asks for alignment not power of 2";
            return Err(FormatError::BadFormat(message));
        }
        let padding = (align - (total & (align - 1))) & (align - 1);
        Ok((kind, size, padding))
    }
}

/// Appends the `size` low bytes of `n` in the given order, sign-extended past 8 bytes when
/// `negative` (`packint`).
fn pack_int(out: &mut Vec<u8>, n: u64, little: bool, size: usize, negative: bool) {
    let start = out.len();
    out.resize(start + size, 0);
    for i in 0..size {
        let byte = if i < INTEGER_SIZE {
            (n >> (8 * i)) as u8
        } else if negative {
            0xff
        } else {
            0
        };
        out[start + if little { i } else { size - 1 - i }] = byte;
    }
}

/// Reads an integer of `size` bytes (`unpackint`); past 8 bytes the extra ones must be a
/// sign extension.
fn unpack_int(bytes: &[u8], little: bool, size: usize, signed: bool) -> Result<i64, Vec<u8>> {
    let index = |i: usize| if little { i } else { size - 1 - i };
    let limit = size.min(INTEGER_SIZE);
    let mut result: u64 = 0;
    for i in (0..limit).rev() {
        result = result << 8 | bytes[index(i)] as u64;
    }
    if size < INTEGER_SIZE {
        if signed {
            let mask = 1u64 << (size * 8 - 1);
            result = (result ^ mask).wrapping_sub(mask);
        }
    } else if size > INTEGER_SIZE {
        let extension = if !signed || (result as i64) >= 0 {
            0
        } else {
            0xff
        };
        if (limit..size).any(|i| bytes[index(i)] != extension) {
            return Err(format!("{size}-byte integer does not fit into Lua Integer").into_bytes());
        }
    }
    Ok(result as i64)
}

/// `string.pack(fmt, v1, v2, ...)` (`str_pack`).
pub(super) fn pack(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut format = Format::from_arg(lua)?;
    // PUC pushes a nil to separate the arguments from its buffer, so the first missing
    // argument reads as nil, not as no value.
    lua.push(Value::Nil);
    let mut out = Vec::new();
    let mut arg = 1;
    let mut total: usize = 0;
    while !format.at_end() {
        let (kind, size, padding) = format.details(total).map_err(|e| raise(lua, e))?;
        total += padding + size;
        out.resize(out.len() + padding, 0);
        arg += 1;
        match kind {
            Kind::Int => {
                let n = lua.check_integer(arg)?;
                if size < INTEGER_SIZE {
                    let limit = 1i64 << (size * 8 - 1);
                    if !(-limit <= n && n < limit) {
                        return Err(lua.arg_error(arg, b"integer overflow"));
                    }
                }
                pack_int(&mut out, n as u64, format.little, size, n < 0);
            }
            Kind::Uint => {
                let n = lua.check_integer(arg)?;
                if size < INTEGER_SIZE && n as u64 >= 1u64 << (size * 8) {
                    return Err(lua.arg_error(arg, b"unsigned overflow"));
                }
                pack_int(&mut out, n as u64, format.little, size, false);
            }
            Kind::Float => {
                let n = match lua.check_number(arg)? {
                    Number::Int(i) => i as f64,
                    Number::Float(f) => f,
                };
                let mut bytes = if size == 4 {
                    (n as f32).to_le_bytes().to_vec()
                } else {
                    n.to_le_bytes().to_vec()
                };
                if !format.little {
                    bytes.reverse();
                }
                out.extend_from_slice(&bytes);
            }
            Kind::Char => {
                let s = lua.check_string(arg)?;
                let bytes = lua.str_bytes(s);
                if bytes.len() > size {
                    return Err(lua.arg_error(arg, b"string longer than given size"));
                }
                out.extend_from_slice(bytes);
                out.resize(out.len() + size - bytes.len(), 0);
            }
            Kind::String => {
                let s = lua.check_string(arg)?;
                let len = lua.str_bytes(s).len();
                if size < 8 && len as u64 >= 1u64 << (size * 8) {
                    let message = b"string length does not fit in given size";
                    return Err(lua.arg_error(arg, message));
                }
                pack_int(&mut out, len as u64, format.little, size, false);
                out.extend_from_slice(lua.str_bytes(s));
                total += len;
            }
            Kind::ZeroString => {
                let s = lua.check_string(arg)?;
                let bytes = lua.str_bytes(s);
                if bytes.contains(&0) {
                    return Err(lua.arg_error(arg, b"string contains zeros"));
                }
                out.extend_from_slice(bytes);
                out.push(0);
                total += bytes.len() + 1;
            }
            Kind::Padding => {
                out.push(0);
                arg -= 1;
            }
            Kind::PadAlign | Kind::Nop => arg -= 1,
        }
    }
    let result = lua.string(&out);
    lua.push(result);
    Ok(1)
}

/// `string.packsize(fmt)` (`str_packsize`).
pub(super) fn packsize(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut format = Format::from_arg(lua)?;
    let mut total: usize = 0;
    while !format.at_end() {
        let (kind, size, padding) = format.details(total).map_err(|e| raise(lua, e))?;
        let size = size + padding;
        if total as u64 > MAX_SIZE - size as u64 {
            return Err(lua.arg_error(1, b"format result too large"));
        }
        total += size;
        if matches!(kind, Kind::String | Kind::ZeroString) {
            return Err(lua.arg_error(1, b"variable-length format"));
        }
    }
    lua.push(Value::Int(total as i64));
    Ok(1)
}

/// `string.unpack(fmt, s [, pos])` (`str_unpack`).
pub(super) fn unpack(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut format = Format::from_arg(lua)?;
    let data = lua.check_string(2)?;
    let length = lua.str_bytes(data).len();
    let start = relative_position(lua.opt_integer(3, 1)?, length) - 1;
    if start < 0 || start as usize > length {
        return Err(lua.arg_error(3, b"initial position out of string"));
    }
    let mut pos = start as usize;
    let mut n = 0;
    while !format.at_end() {
        let (kind, size, padding) = format.details(pos).map_err(|e| raise(lua, e))?;
        if pos + padding + size > length {
            return Err(lua.arg_error(2, b"data string too short"));
        }
        pos += padding;
        if !stack_has_room(lua, 2) {
            // PUC checks only when its stack is already full, so formatting the message
            // overflows it again and the error that escapes is the bare one.
            return Err(lua.runtime_error(b"stack overflow"));
        }
        lua.ensure_stack(2)?;
        n += 1;
        let bytes = &lua.str_bytes(data)[pos..];
        let value = match kind {
            Kind::Int | Kind::Uint => {
                match unpack_int(bytes, format.little, size, kind == Kind::Int) {
                    Ok(i) => Value::Int(i),
                    Err(message) => return Err(lua.error(&message)),
                }
            }
            Kind::Float => {
                let mut raw = bytes[..size].to_vec();
                if !format.little {
                    raw.reverse();
                }
                Value::Float(if size == 4 {
                    f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64
                } else {
                    let mut eight = [0; 8];
                    eight.copy_from_slice(&raw);
                    f64::from_le_bytes(eight)
                })
            }
            Kind::Char => {
                let piece = bytes[..size].to_vec();
                lua.string(&piece)
            }
            Kind::String => {
                let len = match unpack_int(bytes, format.little, size, false) {
                    Ok(len) => len as u64 as usize,
                    Err(message) => return Err(lua.error(&message)),
                };
                let end = pos.checked_add(len).and_then(|e| e.checked_add(size));
                if end.is_none_or(|end| end > length) {
                    return Err(lua.arg_error(2, b"data string too short"));
                }
                let piece = lua.str_bytes(data)[pos + size..pos + size + len].to_vec();
                pos += len;
                lua.string(&piece)
            }
            Kind::ZeroString => {
                let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                let piece = bytes[..len].to_vec();
                pos += len + 1;
                lua.string(&piece)
            }
            Kind::Padding | Kind::PadAlign | Kind::Nop => {
                n -= 1;
                pos += size;
                continue;
            }
        };
        lua.push(value);
        pos += size;
    }
    lua.push(Value::Int(pos as i64 + 1));
    Ok(n + 1)
}
