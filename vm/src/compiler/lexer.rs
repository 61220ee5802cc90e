//! The lexer: bytes to tokens. Mirrors llex.c of PUC Lua 5.3.6.
//!
//! Like PUC's, it keeps the text of the token being read in a buffer (`buffer`), because error
//! messages quote that buffer, not the token's value: an unfinished string is shown as it was
//! read so far, with its escapes already decoded, and cut at its first zero byte.

use std::rc::Rc;

use super::chunkid::chunk_id;
use super::token::{Token, RESERVED};
use super::SyntaxError;
use crate::number::{self, Number};

/// The lexer's end-of-stream marker, PUC's `EOZ`.
const EOZ: i32 = -1;

/// A string interned for the duration of one compilation; equal ids mean equal bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrId(pub u32);

/// The value that comes with a token: PUC's `SemInfo`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SemInfo {
    None,
    Int(i64),
    Float(f64),
    Str(StrId),
}

/// Whether a name is a reserved word (PUC's `isreserved`).
pub fn str_is_reserved(name: &[u8]) -> bool {
    RESERVED.iter().any(|(word, _)| *word == name)
}

/// One compilation's string table: PUC interns every string, and the parser relies on cheap
/// equality of names; here equality is equality of [`StrId`]s.
///
/// The bytes of all strings live in one arena, found through an open-addressing table of ids, so
/// interning allocates nothing per string. A string gets its own reference-counted copy only when
/// it ends up in a prototype (as a constant or a variable name).
///
/// The reserved words are interned first, so a name is a reserved word exactly when its id is
/// below `RESERVED.len()` (PUC marks them the same way, in `TString.extra`).
#[derive(Debug)]
pub struct Strings {
    arena: Vec<u8>,
    /// Start, length and hash of each string, by id.
    entries: Vec<(u32, u32, u32)>,
    shared: Vec<Option<Rc<[u8]>>>,
    /// Slots holding `hash << 32 | (id + 1)`, or 0 when empty; the length is a power of two.
    /// Keeping the hash in the slot means a probe that misses touches nothing else.
    slots: Vec<u64>,
}

impl Strings {
    /// A table sized for a source of `source_len` bytes.
    pub fn with_capacity(source_len: usize) -> Strings {
        let n_slots = (source_len / 16).max(64).next_power_of_two();
        let mut strings = Strings {
            arena: Vec::with_capacity(source_len / 4),
            entries: Vec::with_capacity(n_slots / 2),
            shared: Vec::new(),
            slots: vec![0; n_slots],
        };
        for (word, _) in RESERVED {
            strings.intern(word);
        }
        strings
    }

    fn hash(bytes: &[u8]) -> u32 {
        crate::hash::hash_bytes(bytes)
    }

    /// Interns `bytes`, returning the id of the equal string if there is one.
    pub fn intern(&mut self, bytes: &[u8]) -> StrId {
        let hash = Self::hash(bytes);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            if (slot >> 32) as u32 == hash {
                let id = (slot as u32) - 1;
                let (start, len, _) = self.entries[id as usize];
                // Lengths first, then bytes in a loop the compiler inlines; names are short, and a
                // call to `memcmp` costs more than comparing them.
                if len as usize == bytes.len()
                    && self.arena[start as usize..(start + len) as usize]
                        .iter()
                        .zip(bytes)
                        .all(|(a, b)| a == b)
                {
                    return StrId(id);
                }
            }
            i = (i + 1) & mask;
        }
        let id = self.entries.len() as u32;
        self.entries
            .push((self.arena.len() as u32, bytes.len() as u32, hash));
        self.arena.extend_from_slice(bytes);
        self.slots[i] = (hash as u64) << 32 | (id as u64 + 1);
        if self.entries.len() * 2 > self.slots.len() {
            self.grow();
        }
        StrId(id)
    }

    fn grow(&mut self) {
        let n_slots = self.slots.len() * 2;
        let mask = n_slots - 1;
        let mut slots = vec![0u64; n_slots];
        for (id, &(_, _, hash)) in self.entries.iter().enumerate() {
            let mut i = hash as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (hash as u64) << 32 | (id as u64 + 1);
        }
        self.slots = slots;
    }

    /// The bytes of an interned string.
    pub fn bytes(&self, id: StrId) -> &[u8] {
        let (start, len, _) = self.entries[id.0 as usize];
        &self.arena[start as usize..(start + len) as usize]
    }

    /// How many strings are interned; every [`StrId`] is below this.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// A shared copy of an interned string, for a prototype; made once per string.
    pub fn shared(&mut self, id: StrId) -> Rc<[u8]> {
        let index = id.0 as usize;
        if self.shared.len() <= index {
            self.shared.resize(self.entries.len(), None);
        }
        if let Some(shared) = &self.shared[index] {
            return shared.clone();
        }
        let (start, len, _) = self.entries[index];
        let shared: Rc<[u8]> = Rc::from(&self.arena[start as usize..(start + len) as usize]);
        self.shared[index] = Some(shared.clone());
        shared
    }
}

/// Lexer state: PUC's `LexState`, minus the parser's part.
#[derive(Debug)]
pub struct Lexer<'src> {
    source: &'src [u8],
    pos: usize,
    current: i32,
    /// Line of the character being looked at (`linenumber`).
    pub line: u32,
    /// Line of the last token consumed (`lastline`).
    pub last_line: u32,
    /// The current token and its value (`t`).
    pub token: Token,
    pub sem: SemInfo,
    lookahead: Option<(Token, SemInfo)>,
    buffer: Vec<u8>,
    /// Where the buffer's text is in the source, for names and numerals, whose text is the
    /// source's own bytes: they are not copied into `buffer` at all.
    buffer_span: Option<(usize, usize)>,
    /// The chunk name as messages show it, computed once.
    chunk_id: Vec<u8>,
    pub strings: Strings,
}

impl<'src> Lexer<'src> {
    /// Starts lexing `source`; the first token is read by the first call to [`Lexer::next`].
    pub fn new(source: &'src [u8], chunk_name: &[u8]) -> Lexer<'src> {
        let strings = Strings::with_capacity(source.len());
        Lexer {
            source,
            pos: 0,
            current: source.first().map_or(EOZ, |&b| b as i32),
            line: 1,
            last_line: 1,
            token: Token::Eos,
            sem: SemInfo::None,
            lookahead: None,
            buffer: Vec::with_capacity(64),
            buffer_span: None,
            chunk_id: chunk_id(chunk_name),
            strings,
        }
    }

    /// Advances to the next token (`luaX_next`).
    pub fn next(&mut self) -> Result<(), Box<SyntaxError>> {
        self.last_line = self.line;
        if let Some((token, sem)) = self.lookahead.take() {
            self.token = token;
            self.sem = sem;
        } else {
            let (token, sem) = self.lex()?;
            self.token = token;
            self.sem = sem;
        }
        Ok(())
    }

    /// Reads the token after the current one without consuming it (`luaX_lookahead`).
    pub fn lookahead(&mut self) -> Result<Token, Box<SyntaxError>> {
        debug_assert!(self.lookahead.is_none());
        let found = self.lex()?;
        self.lookahead = Some(found);
        Ok(found.0)
    }

    /// A syntax error at the current token (`luaX_syntaxerror`).
    #[cold]
    #[inline(never)]
    pub fn syntax_error(&self, message: &[u8]) -> Box<SyntaxError> {
        self.error(message, Some(self.token))
    }

    /// An error without the `near` part (`semerror`).
    #[cold]
    #[inline(never)]
    pub fn semantic_error(&self, message: &[u8]) -> Box<SyntaxError> {
        self.error(message, None)
    }

    /// Builds `chunk:line: message near 'token'` (`lexerror` with `luaG_addinfo`).
    #[cold]
    #[inline(never)]
    fn error(&self, message: &[u8], token: Option<Token>) -> Box<SyntaxError> {
        let mut text = self.chunk_id.clone();
        text.extend_from_slice(format!(":{}: ", self.line).as_bytes());
        text.extend_from_slice(message);
        // A NUL byte is token 0 in PUC, the value that means "no token": it gets no `near` part.
        if let Some(token) = token.filter(|&t| t != Token::Char(0)) {
            text.extend_from_slice(b" near ");
            text.extend_from_slice(&self.token_text(token));
        }
        Box::new(SyntaxError::new(text))
    }

    /// How an error message quotes a token (`txtToken`): names, strings and numerals by the
    /// buffer's text up to its first zero byte, the rest by their fixed text.
    fn token_text(&self, token: Token) -> Vec<u8> {
        match token {
            Token::Name | Token::String | Token::Float | Token::Int => {
                let buffer = match self.buffer_span {
                    Some((start, end)) => &self.source[start..end],
                    None => &self.buffer,
                };
                let end = buffer.iter().position(|&b| b == 0).unwrap_or(buffer.len());
                let mut text = Vec::with_capacity(end + 2);
                text.push(b'\'');
                text.extend_from_slice(&buffer[..end]);
                text.push(b'\'');
                text
            }
            _ => token.to_message_text(),
        }
    }

    #[inline]
    fn advance(&mut self) {
        self.pos += 1;
        self.current = self.source.get(self.pos).map_or(EOZ, |&b| b as i32);
    }

    #[inline]
    fn save(&mut self, byte: u8) {
        self.buffer.push(byte);
    }

    #[inline]
    fn save_and_next(&mut self) {
        // Only called where `current` is a byte, never at the end of the stream.
        self.buffer.push(self.current as u8);
        self.advance();
    }

    fn current_is_newline(&self) -> bool {
        self.current == b'\n' as i32 || self.current == b'\r' as i32
    }

    /// Skips a line break, counting `\n\r` and `\r\n` as one (`inclinenumber`).
    fn increment_line(&mut self) -> Result<(), Box<SyntaxError>> {
        let old = self.current;
        self.advance();
        if self.current_is_newline() && self.current != old {
            self.advance();
        }
        self.line += 1;
        if self.line >= i32::MAX as u32 {
            return Err(self.error(b"chunk has too many lines", None));
        }
        Ok(())
    }

    /// Consumes the current byte if it is `byte` (`check_next1`).
    fn check_next1(&mut self, byte: u8) -> bool {
        if self.current == byte as i32 {
            self.advance();
            true
        } else {
            false
        }
    }

    fn intern_buffer(&mut self, from: usize, to: usize) -> StrId {
        self.strings.intern(&self.buffer[from..to])
    }

    /// Reads one token (`llex`).
    fn lex(&mut self) -> Result<(Token, SemInfo), Box<SyntaxError>> {
        self.buffer.clear();
        self.buffer_span = None;
        loop {
            // Spaces and tabs between tokens are skipped here, without going through the
            // dispatch below, which costs an indirect jump per visit.
            while self.current == b' ' as i32 || self.current == b'\t' as i32 {
                self.advance();
            }
            let Ok(byte) = u8::try_from(self.current) else {
                return Ok((Token::Eos, SemInfo::None));
            };
            match byte {
                b'\n' | b'\r' => self.increment_line()?,
                b' ' | b'\x0c' | b'\t' | b'\x0b' => {
                    let rest = &self.source[self.pos..];
                    let len = rest
                        .iter()
                        .position(|&b| !matches!(b, b' ' | b'\x0c' | b'\t' | b'\x0b'))
                        .unwrap_or(rest.len());
                    self.pos += len;
                    self.current = self.source.get(self.pos).map_or(EOZ, |&b| b as i32);
                }
                b'-' => {
                    self.advance();
                    if self.current != b'-' as i32 {
                        return Ok((Token::Char(b'-'), SemInfo::None));
                    }
                    self.advance();
                    if self.current == b'[' as i32 {
                        let sep = self.skip_sep();
                        self.buffer.clear();
                        if sep >= 0 {
                            self.read_long_string(false, sep as usize)?;
                            self.buffer.clear();
                            continue;
                        }
                    }
                    // A short comment runs to the end of the line.
                    let rest = &self.source[self.pos.min(self.source.len())..];
                    let len = rest
                        .iter()
                        .position(|&b| b == b'\n' || b == b'\r')
                        .unwrap_or(rest.len());
                    self.pos += len;
                    self.current = self.source.get(self.pos).map_or(EOZ, |&b| b as i32);
                }
                b'[' => {
                    let sep = self.skip_sep();
                    if sep >= 0 {
                        let id = self.read_long_string(true, sep as usize)?;
                        return Ok((Token::String, SemInfo::Str(id)));
                    } else if sep != -1 {
                        return Err(
                            self.error(b"invalid long string delimiter", Some(Token::String))
                        );
                    }
                    return Ok((Token::Char(b'['), SemInfo::None));
                }
                b'=' => {
                    self.advance();
                    let token = if self.check_next1(b'=') {
                        Token::Eq
                    } else {
                        Token::Char(b'=')
                    };
                    return Ok((token, SemInfo::None));
                }
                b'<' => {
                    self.advance();
                    let token = if self.check_next1(b'=') {
                        Token::Le
                    } else if self.check_next1(b'<') {
                        Token::Shl
                    } else {
                        Token::Char(b'<')
                    };
                    return Ok((token, SemInfo::None));
                }
                b'>' => {
                    self.advance();
                    let token = if self.check_next1(b'=') {
                        Token::Ge
                    } else if self.check_next1(b'>') {
                        Token::Shr
                    } else {
                        Token::Char(b'>')
                    };
                    return Ok((token, SemInfo::None));
                }
                b'/' => {
                    self.advance();
                    let token = if self.check_next1(b'/') {
                        Token::IDiv
                    } else {
                        Token::Char(b'/')
                    };
                    return Ok((token, SemInfo::None));
                }
                b'~' => {
                    self.advance();
                    let token = if self.check_next1(b'=') {
                        Token::Ne
                    } else {
                        Token::Char(b'~')
                    };
                    return Ok((token, SemInfo::None));
                }
                b':' => {
                    self.advance();
                    let token = if self.check_next1(b':') {
                        Token::DbColon
                    } else {
                        Token::Char(b':')
                    };
                    return Ok((token, SemInfo::None));
                }
                b'"' | b'\'' => {
                    let id = self.read_string(byte)?;
                    return Ok((Token::String, SemInfo::Str(id)));
                }
                b'.' => {
                    // No message quotes these tokens' text, so the '.' is not saved.
                    let start = self.pos;
                    self.advance();
                    if self.check_next1(b'.') {
                        let token = if self.check_next1(b'.') {
                            Token::Dots
                        } else {
                            Token::Concat
                        };
                        return Ok((token, SemInfo::None));
                    } else if !(self.current >= 0 && (self.current as u8).is_ascii_digit()) {
                        return Ok((Token::Char(b'.'), SemInfo::None));
                    }
                    return self.read_numeral(start);
                }
                b'0'..=b'9' => return self.read_numeral(self.pos),
                _ if byte.is_ascii_alphabetic() || byte == b'_' => {
                    // A name is interned straight from the source, in one piece.
                    let source = self.source;
                    let start = self.pos;
                    let rest = &source[start..];
                    let len = rest
                        .iter()
                        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
                        .unwrap_or(rest.len());
                    self.pos += len - 1;
                    self.advance();
                    self.buffer_span = Some((start, start + len));
                    let id = self.strings.intern(&source[start..start + len]);
                    if let Some(&(_, token)) = RESERVED.get(id.0 as usize) {
                        return Ok((token, SemInfo::None));
                    }
                    return Ok((Token::Name, SemInfo::Str(id)));
                }
                _ => {
                    self.advance();
                    return Ok((Token::Char(byte), SemInfo::None));
                }
            }
        }
    }

    /// Reads a numeral (`read_numeral`): a greedy run of digits, points and exponent signs,
    /// converted as a whole, so that `3..2` is one malformed numeral as in PUC.
    fn read_numeral(&mut self, start: usize) -> Result<(Token, SemInfo), Box<SyntaxError>> {
        let is_one_of =
            |current: i32, set: &[u8; 2]| current == set[0] as i32 || current == set[1] as i32;
        let first = self.current;
        self.advance();
        let mut exponent = b"Ee";
        if first == b'0' as i32 && is_one_of(self.current, b"xX") {
            self.advance();
            exponent = b"Pp";
        }
        loop {
            if is_one_of(self.current, exponent) {
                self.advance();
                if is_one_of(self.current, b"-+") {
                    self.advance();
                }
            }
            let current = self.current;
            if current >= 0 && ((current as u8).is_ascii_hexdigit() || current == b'.' as i32) {
                self.advance();
            } else {
                break;
            }
        }
        self.buffer_span = Some((start, self.pos));
        match number::str_to_number(&self.source[start..self.pos]) {
            Some(Number::Int(value)) => Ok((Token::Int, SemInfo::Int(value))),
            Some(Number::Float(value)) => Ok((Token::Float, SemInfo::Float(value))),
            None => Err(self.error(b"malformed number", Some(Token::Float))),
        }
    }

    /// Reads `[`, any number of `=`, and a bracket (`skip_sep`). Returns the number of `=` if the
    /// closing bracket matches the opening one, or `-count - 1` if it does not.
    fn skip_sep(&mut self) -> i64 {
        let bracket = self.current;
        let mut count: i64 = 0;
        self.save_and_next();
        while self.current == b'=' as i32 {
            self.save_and_next();
            count += 1;
        }
        if self.current == bracket {
            count
        } else {
            -count - 1
        }
    }

    /// Reads a long string or long comment after its opening `[==` (`read_long_string`).
    /// Comments (`keep == false`) return a meaningless id.
    fn read_long_string(&mut self, keep: bool, sep: usize) -> Result<StrId, Box<SyntaxError>> {
        let start_line = self.line;
        self.save_and_next();
        if self.current_is_newline() {
            self.increment_line()?;
        }
        loop {
            match self.current {
                EOZ => {
                    let what = if keep { "string" } else { "comment" };
                    let message = format!("unfinished long {what} (starting at line {start_line})");
                    return Err(self.error(message.as_bytes(), Some(Token::Eos)));
                }
                c if c == b']' as i32 => {
                    if self.skip_sep() == sep as i64 {
                        self.save_and_next();
                        break;
                    }
                }
                c if c == b'\n' as i32 || c == b'\r' as i32 => {
                    self.save(b'\n');
                    self.increment_line()?;
                    if !keep {
                        self.buffer.clear();
                    }
                }
                _ => {
                    if keep {
                        self.save_and_next();
                    } else {
                        self.advance();
                    }
                }
            }
        }
        if !keep {
            return Ok(StrId(0));
        }
        let delimiter = sep + 2;
        Ok(self.intern_buffer(delimiter, self.buffer.len() - delimiter))
    }

    /// Fails with `message` near the string read so far, adding the offending byte to it
    /// (`esccheck`).
    fn escape_check(&mut self, ok: bool, message: &[u8]) -> Result<(), Box<SyntaxError>> {
        if ok {
            return Ok(());
        }
        if self.current != EOZ {
            self.save_and_next();
        }
        Err(self.error(message, Some(Token::String)))
    }

    fn current_is_hex_digit(&self) -> bool {
        self.current >= 0 && (self.current as u8).is_ascii_hexdigit()
    }

    /// Saves the current byte, then reads one hexadecimal digit (`gethexa`).
    fn read_hex_digit(&mut self) -> Result<u32, Box<SyntaxError>> {
        self.save_and_next();
        let ok = self.current_is_hex_digit();
        self.escape_check(ok, b"hexadecimal digit expected")?;
        Ok(number::hex_value(self.current as u8))
    }

    /// `\xXX` (`readhexaesc`).
    fn read_hex_escape(&mut self) -> Result<u8, Box<SyntaxError>> {
        let high = self.read_hex_digit()?;
        let low = self.read_hex_digit()?;
        self.buffer.truncate(self.buffer.len() - 2);
        Ok((high << 4 | low) as u8)
    }

    /// `\u{XXX}` (`readutf8esc` and `utf8esc`): appends the UTF-8 encoding of the code point.
    fn read_utf8_escape(&mut self) -> Result<(), Box<SyntaxError>> {
        // Bytes to drop from the buffer afterwards: '\', 'u', '{' and the first digit.
        let mut to_remove = 4;
        self.save_and_next();
        let ok = self.current == b'{' as i32;
        self.escape_check(ok, b"missing '{'")?;
        let mut code = self.read_hex_digit()?;
        loop {
            self.save_and_next();
            if !self.current_is_hex_digit() {
                break;
            }
            to_remove += 1;
            code = (code << 4) + number::hex_value(self.current as u8);
            self.escape_check(code <= 0x10FFFF, b"UTF-8 value too large")?;
        }
        let ok = self.current == b'}' as i32;
        self.escape_check(ok, b"missing '}'")?;
        self.advance();
        self.buffer.truncate(self.buffer.len() - to_remove);
        let mut encoded = [0u8; 8];
        let encoded = utf8_encode(code, &mut encoded);
        self.buffer.extend_from_slice(encoded);
        Ok(())
    }

    /// `\ddd` (`readdecesc`).
    fn read_decimal_escape(&mut self) -> Result<u8, Box<SyntaxError>> {
        let mut value: u32 = 0;
        let mut count = 0;
        while count < 3 && self.current >= 0 && (self.current as u8).is_ascii_digit() {
            value = 10 * value + (self.current as u32 - b'0' as u32);
            self.save_and_next();
            count += 1;
        }
        self.escape_check(value <= 255, b"decimal escape too large")?;
        self.buffer.truncate(self.buffer.len() - count);
        Ok(value as u8)
    }

    /// Reads a short string delimited by `delimiter` (`read_string`).
    fn read_string(&mut self, delimiter: u8) -> Result<StrId, Box<SyntaxError>> {
        self.save_and_next();
        while self.current != delimiter as i32 {
            let Ok(byte) = u8::try_from(self.current) else {
                return Err(self.error(b"unfinished string", Some(Token::Eos)));
            };
            match byte {
                b'\n' | b'\r' => return Err(self.error(b"unfinished string", Some(Token::String))),
                b'\\' => self.read_escape()?,
                _ => {
                    // Plain bytes up to the next delimiter, escape or line break, in one piece.
                    let rest = &self.source[self.pos..];
                    let len = rest
                        .iter()
                        .position(|&b| b == delimiter || b == b'\\' || b == b'\n' || b == b'\r')
                        .unwrap_or(rest.len());
                    self.buffer.extend_from_slice(&rest[..len]);
                    self.pos += len;
                    self.current = self.source.get(self.pos).map_or(EOZ, |&b| b as i32);
                }
            }
        }
        self.save_and_next();
        Ok(self.intern_buffer(1, self.buffer.len() - 1))
    }

    /// One escape sequence inside a short string, starting at its backslash.
    fn read_escape(&mut self) -> Result<(), Box<SyntaxError>> {
        // The backslash is kept in the buffer until the escape is known, for error messages.
        self.save_and_next();
        let Ok(byte) = u8::try_from(self.current) else {
            // The loop in `read_string` reports the unfinished string.
            return Ok(());
        };
        let decoded = match byte {
            b'a' => 0x07,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 0x0b,
            b'x' => self.read_hex_escape()?,
            b'\\' | b'"' | b'\'' => byte,
            b'u' => {
                self.read_utf8_escape()?;
                return Ok(());
            }
            b'\n' | b'\r' => {
                self.increment_line()?;
                self.buffer.pop();
                self.save(b'\n');
                return Ok(());
            }
            b'z' => {
                self.buffer.pop();
                self.advance();
                while self.current >= 0 && number::is_space(self.current as u8) {
                    if self.current_is_newline() {
                        self.increment_line()?;
                    } else {
                        self.advance();
                    }
                }
                return Ok(());
            }
            _ => {
                self.escape_check(byte.is_ascii_digit(), b"invalid escape sequence")?;
                let value = self.read_decimal_escape()?;
                self.buffer.pop();
                self.save(value);
                return Ok(());
            }
        };
        // `read_save`: skip the escape's last byte, drop the backslash, keep the decoded byte.
        self.advance();
        self.buffer.pop();
        self.save(decoded);
        Ok(())
    }
}

/// Encodes a code point of up to 31 bits as (extended) UTF-8, as `luaO_utf8esc` does.
pub fn utf8_encode(mut code: u32, buffer: &mut [u8; 8]) -> &[u8] {
    if code < 0x80 {
        buffer[7] = code as u8;
        return &buffer[7..];
    }
    let mut n = 1;
    let mut max_first: u32 = 0x3f;
    loop {
        buffer[8 - n] = 0x80 | (code & 0x3f) as u8;
        n += 1;
        code >>= 6;
        max_first >>= 1;
        if code <= max_first {
            break;
        }
    }
    buffer[8 - n] = ((!max_first << 1) | code) as u8;
    &buffer[8 - n..]
}
