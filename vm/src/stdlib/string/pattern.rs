//! Lua patterns and the functions that use them: `string.find`, `match`, `gmatch` and `gsub`.
//! Mirrors the pattern-matching half of lstrlib.c of PUC Lua 5.3.6 (`match`, `str_find_aux`,
//! `gmatch_aux`, `str_gsub`); manual §6.4.1.
//!
//! The matcher recurses on the Rust stack exactly where PUC's `match` recurses (captures and
//! the `?`, `*`, `+`, `-` repetitions) and loops where PUC jumps back to its `init` label. Like
//! PUC it allows at most [`MAX_MATCH_CALLS`] nested calls and then fails with `pattern too
//! complex`, so no pattern can exhaust the Rust stack; a call's frame holds a few words.
//!
//! Reading one byte past the end of the subject or of the pattern gives 0, because PUC reads
//! the zero that terminates every Lua string there, and some results depend on it (`%f` at
//! the end of the subject, `[` at the end of the pattern).

use super::relative_position;
use crate::number::{number_to_string, Number};
use crate::value::{StrRef, Truth, Value};
use crate::vm::{FrameKind, Lua, LuaError};

/// Captures a pattern may have (`LUA_MAXCAPTURES`, luaconf.h).
const MAX_CAPTURES: usize = 32;

/// Nested calls of the matcher before `pattern too complex` (`MAXCCALLS` in lstrlib.c).
const MAX_MATCH_CALLS: u32 = 200;

/// The length of a capture that is still open (`CAP_UNFINISHED`).
const CAP_UNFINISHED: isize = -1;

/// The length of a position capture, `()` (`CAP_POSITION`).
const CAP_POSITION: isize = -2;

/// The escape character of patterns (`L_ESC`).
const ESCAPE: u8 = b'%';

/// Characters that make a pattern more than a plain string (`SPECIALS`).
const SPECIALS: &[u8] = b"^$*+?.([%-";

/// One capture: where it starts in the subject and its length, or one of the `CAP_*` marks.
#[derive(Clone, Copy, Debug, Default)]
struct Capture {
    start: usize,
    len: isize,
}

/// The captures of a match in progress or just finished (part of PUC's `MatchState`).
#[derive(Debug)]
struct Captures {
    level: usize,
    list: [Capture; MAX_CAPTURES],
}

impl Captures {
    fn new() -> Captures {
        Captures {
            level: 0,
            list: [Capture::default(); MAX_CAPTURES],
        }
    }
}

/// The errors a pattern can raise while it is matched, each with PUC's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PatternError {
    EndsWithEscape,
    MissingBracket,
    MissingBalanceArguments,
    MissingFrontierBracket,
    /// The index as the message shows it (`%0` for an index below 1).
    InvalidCaptureIndex(i32),
    InvalidPatternCapture,
    TooManyCaptures,
    TooComplex,
    /// The instruction budget ran out or the embedder asked for an interrupt while matching.
    Interrupted,
}

impl PatternError {
    fn message(self) -> String {
        match self {
            PatternError::EndsWithEscape => "malformed pattern (ends with '%')".into(),
            PatternError::MissingBracket => "malformed pattern (missing ']')".into(),
            PatternError::MissingBalanceArguments => {
                "malformed pattern (missing arguments to '%b')".into()
            }
            PatternError::MissingFrontierBracket => "missing '[' after '%f' in pattern".into(),
            PatternError::InvalidCaptureIndex(i) => format!("invalid capture index %{i}"),
            PatternError::InvalidPatternCapture => "invalid pattern capture".into(),
            PatternError::TooManyCaptures => "too many captures".into(),
            PatternError::TooComplex => "pattern too complex".into(),
            PatternError::Interrupted => "interrupted".into(),
        }
    }
}

/// Raises a pattern error from the running library function (`luaL_error`).
#[cold]
#[inline(never)]
fn raise(lua: &mut Lua, error: PatternError) -> LuaError {
    if error == PatternError::Interrupted {
        return lua.interrupted();
    }
    lua.error(error.message().as_bytes())
}

/// The work a match may do: backtracking can take time exponential in the pattern's length,
/// so every step of the matcher is charged to the state's instruction budget, and the
/// embedder's interrupt flag is checked as it goes. PUC Lua has neither.
pub(crate) struct Allowance<'a> {
    /// Steps left: the instruction budget when the match started.
    left: u64,
    interrupt: &'a std::sync::atomic::AtomicBool,
}

impl<'a> Allowance<'a> {
    fn of(lua: &'a Lua) -> Allowance<'a> {
        Allowance {
            left: lua.budget_left(),
            interrupt: lua.interrupt_flag(),
        }
    }
}

/// Runs `match_at` on the subject and pattern strings of `lua`, charging the steps it took to
/// the instruction budget.
fn match_in(
    lua: &mut Lua,
    subject: crate::value::StrRef,
    pattern: crate::value::StrRef,
    skip_anchor: bool,
    s: usize,
    caps: &mut Captures,
) -> Result<Option<usize>, PatternError> {
    let mut allowance = Allowance::of(lua);
    let pattern = &lua.str_bytes(pattern)[skip_anchor as usize..];
    let result = match_at(lua.str_bytes(subject), pattern, s, caps, &mut allowance);
    let left = allowance.left;
    lua.set_budget_left(left);
    result
}

/// The matcher over one subject and one pattern (the rest of PUC's `MatchState`).
struct Matcher<'a, 'b> {
    src: &'a [u8],
    pat: &'a [u8],
    /// Nested calls still allowed (`matchdepth`).
    depth: u32,
    caps: &'a mut Captures,
    allowance: &'a mut Allowance<'b>,
}

/// Matches `pat` against `src` starting at `s`, from a fresh state (`reprepstate` then
/// `match`); on success returns where the match ends, with the captures in `caps`.
fn match_at(
    src: &[u8],
    pat: &[u8],
    s: usize,
    caps: &mut Captures,
    allowance: &mut Allowance<'_>,
) -> Result<Option<usize>, PatternError> {
    caps.level = 0;
    let mut matcher = Matcher {
        src,
        pat,
        depth: MAX_MATCH_CALLS,
        caps,
        allowance,
    };
    matcher.do_match(s, 0)
}

impl Matcher<'_, '_> {
    #[inline]
    fn pat_at(&self, p: usize) -> u8 {
        self.pat.get(p).copied().unwrap_or(0)
    }

    #[inline]
    fn src_at(&self, s: usize) -> u8 {
        self.src.get(s).copied().unwrap_or(0)
    }

    /// PUC's `match`: matches the pattern from `p` against the subject from `s`.
    fn do_match(&mut self, mut s: usize, mut p: usize) -> Result<Option<usize>, PatternError> {
        if self.depth == 0 {
            return Err(PatternError::TooComplex);
        }
        self.depth -= 1;
        let left = &mut self.allowance.left;
        if *left == 0
            || (*left % 1024 == 0
                && self
                    .allowance
                    .interrupt
                    .load(std::sync::atomic::Ordering::Relaxed))
        {
            *left = 0;
            return Err(PatternError::Interrupted);
        }
        *left -= 1;
        let result = loop {
            if p == self.pat.len() {
                break Some(s);
            }
            match self.pat[p] {
                b'(' => {
                    break if self.pat_at(p + 1) == b')' {
                        self.start_capture(s, p + 2, CAP_POSITION)?
                    } else {
                        self.start_capture(s, p + 1, CAP_UNFINISHED)?
                    };
                }
                b')' => break self.end_capture(s, p + 1)?,
                b'$' if p + 1 == self.pat.len() => {
                    break (s == self.src.len()).then_some(s);
                }
                ESCAPE if self.pat_at(p + 1) == b'b' => match self.match_balance(s, p + 2)? {
                    Some(end) => {
                        s = end;
                        p += 4;
                    }
                    None => break None,
                },
                ESCAPE if self.pat_at(p + 1) == b'f' => {
                    p += 2;
                    if self.pat_at(p) != b'[' {
                        return Err(PatternError::MissingFrontierBracket);
                    }
                    let ep = self.class_end(p)?;
                    let previous = if s == 0 { 0 } else { self.src[s - 1] };
                    if !self.match_bracket_class(previous, p, ep - 1)
                        && self.match_bracket_class(self.src_at(s), p, ep - 1)
                    {
                        p = ep;
                    } else {
                        break None;
                    }
                }
                ESCAPE if self.pat_at(p + 1).is_ascii_digit() => {
                    match self.match_capture(s, self.pat_at(p + 1))? {
                        Some(end) => {
                            s = end;
                            p += 2;
                        }
                        None => break None,
                    }
                }
                _ => {
                    // A single-character class with an optional repetition suffix.
                    let ep = self.class_end(p)?;
                    let suffix = self.pat_at(ep);
                    if !self.single_match(s, p, ep) {
                        if matches!(suffix, b'*' | b'?' | b'-') {
                            p = ep + 1;
                            continue;
                        }
                        break None;
                    }
                    match suffix {
                        b'?' => {
                            if let Some(end) = self.do_match(s + 1, ep + 1)? {
                                break Some(end);
                            }
                            p = ep + 1;
                        }
                        b'+' => break self.max_expand(s + 1, p, ep)?,
                        b'*' => break self.max_expand(s, p, ep)?,
                        b'-' => break self.min_expand(s, p, ep)?,
                        _ => {
                            s += 1;
                            p = ep;
                        }
                    }
                }
            }
        };
        self.depth += 1;
        Ok(result)
    }

    /// Where the single-character class at `p` ends (`classEnd`).
    fn class_end(&self, mut p: usize) -> Result<usize, PatternError> {
        let c = self.pat[p];
        p += 1;
        match c {
            ESCAPE => {
                if p == self.pat.len() {
                    return Err(PatternError::EndsWithEscape);
                }
                Ok(p + 1)
            }
            b'[' => {
                if self.pat_at(p) == b'^' {
                    p += 1;
                }
                // The first character is part of the set even if it is ']'.
                loop {
                    if p == self.pat.len() {
                        return Err(PatternError::MissingBracket);
                    }
                    let c = self.pat[p];
                    p += 1;
                    if c == ESCAPE && p < self.pat.len() {
                        p += 1;
                    }
                    if self.pat_at(p) == b']' {
                        break;
                    }
                }
                Ok(p + 1)
            }
            _ => Ok(p),
        }
    }

    /// Whether byte `c` is in the set `[...]` that starts at `p` and whose `]` is at `ec`
    /// (`matchbracketclass`).
    fn match_bracket_class(&self, c: u8, mut p: usize, ec: usize) -> bool {
        let mut found = true;
        if self.pat_at(p + 1) == b'^' {
            found = false;
            p += 1;
        }
        loop {
            p += 1;
            if p >= ec {
                return !found;
            }
            if self.pat[p] == ESCAPE {
                p += 1;
                if match_class(c, self.pat_at(p)) {
                    return found;
                }
            } else if self.pat_at(p + 1) == b'-' && p + 2 < ec {
                p += 2;
                if self.pat[p - 2] <= c && c <= self.pat[p] {
                    return found;
                }
            } else if self.pat[p] == c {
                return found;
            }
        }
    }

    /// Whether the subject byte at `s` matches the class from `p` to `ep` (`singlematch`).
    #[inline]
    fn single_match(&self, s: usize, p: usize, ep: usize) -> bool {
        let Some(&c) = self.src.get(s) else {
            return false;
        };
        match self.pat[p] {
            b'.' => true,
            ESCAPE => match_class(c, self.pat_at(p + 1)),
            b'[' => self.match_bracket_class(c, p, ep - 1),
            literal => literal == c,
        }
    }

    /// `%bxy` (`matchbalance`).
    fn match_balance(&self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        if p + 1 >= self.pat.len() {
            return Err(PatternError::MissingBalanceArguments);
        }
        if self.src_at(s) != self.pat[p] {
            return Ok(None);
        }
        let (open, close) = (self.pat[p], self.pat[p + 1]);
        let mut depth = 1;
        for (i, &c) in self.src.iter().enumerate().skip(s + 1) {
            if c == close {
                depth -= 1;
                if depth == 0 {
                    return Ok(Some(i + 1));
                }
            } else if c == open {
                depth += 1;
            }
        }
        Ok(None)
    }

    /// `*` and `+`: the longest run first, then shorter ones (`max_expand`).
    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatternError> {
        let mut i = 0;
        while self.single_match(s + i, p, ep) {
            i += 1;
        }
        loop {
            if let Some(end) = self.do_match(s + i, ep + 1)? {
                return Ok(Some(end));
            }
            if i == 0 {
                return Ok(None);
            }
            i -= 1;
        }
    }

    /// `-`: the shortest run first, then longer ones (`min_expand`).
    fn min_expand(
        &mut self,
        mut s: usize,
        p: usize,
        ep: usize,
    ) -> Result<Option<usize>, PatternError> {
        loop {
            if let Some(end) = self.do_match(s, ep + 1)? {
                return Ok(Some(end));
            }
            if self.single_match(s, p, ep) {
                s += 1;
            } else {
                return Ok(None);
            }
        }
    }

    fn start_capture(
        &mut self,
        s: usize,
        p: usize,
        what: isize,
    ) -> Result<Option<usize>, PatternError> {
        let level = self.caps.level;
        if level >= MAX_CAPTURES {
            return Err(PatternError::TooManyCaptures);
        }
        self.caps.list[level] = Capture {
            start: s,
            len: what,
        };
        self.caps.level = level + 1;
        let result = self.do_match(s, p)?;
        if result.is_none() {
            self.caps.level -= 1;
        }
        Ok(result)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        let l = self.capture_to_close()?;
        self.caps.list[l].len = (s - self.caps.list[l].start) as isize;
        let result = self.do_match(s, p)?;
        if result.is_none() {
            self.caps.list[l].len = CAP_UNFINISHED;
        }
        Ok(result)
    }

    /// The innermost open capture (`capture_to_close`).
    fn capture_to_close(&self) -> Result<usize, PatternError> {
        (0..self.caps.level)
            .rev()
            .find(|&l| self.caps.list[l].len == CAP_UNFINISHED)
            .ok_or(PatternError::InvalidPatternCapture)
    }

    /// `%1`..`%9` in a pattern: the text of an earlier capture again (`match_capture`).
    fn match_capture(&self, s: usize, digit: u8) -> Result<Option<usize>, PatternError> {
        let l = check_capture(self.caps, digit)?;
        let Capture { start, len } = self.caps.list[l];
        // A position capture has a negative length and never matches, as in PUC, where the
        // length is read as a huge unsigned number.
        let Ok(len) = usize::try_from(len) else {
            return Ok(None);
        };
        if self.src.len() - s >= len && self.src[start..start + len] == self.src[s..s + len] {
            Ok(Some(s + len))
        } else {
            Ok(None)
        }
    }
}

/// The capture named by the digit `digit` (`check_capture`).
fn check_capture(caps: &Captures, digit: u8) -> Result<usize, PatternError> {
    let l = digit as i32 - b'1' as i32;
    if l < 0 || l as usize >= caps.level || caps.list[l as usize].len == CAP_UNFINISHED {
        return Err(PatternError::InvalidCaptureIndex(l + 1));
    }
    Ok(l as usize)
}

/// Whether byte `c` is in the class `%cl` (`match_class`), with the "C" locale's `ctype`.
fn match_class(c: u8, cl: u8) -> bool {
    let result = match cl.to_ascii_lowercase() {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c.is_ascii_control(),
        b'd' => c.is_ascii_digit(),
        b'g' => c.is_ascii_graphic(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        b's' => matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        b'z' => c == 0,
        _ => return cl == c,
    };
    if cl.is_ascii_lowercase() {
        result
    } else {
        !result
    }
}

/// What one capture (or the whole match, standing for capture 0) refers to.
enum CaptureText {
    Span(usize, usize),
    Position(usize),
}

/// Capture `i` of a match from `s` to `e` (`push_onecapture` without the push).
fn capture(
    lua: &mut Lua,
    caps: &Captures,
    i: usize,
    s: usize,
    e: usize,
) -> Result<CaptureText, LuaError> {
    if i >= caps.level {
        if i == 0 {
            return Ok(CaptureText::Span(s, e));
        }
        return Err(raise(lua, PatternError::InvalidCaptureIndex(i as i32 + 1)));
    }
    let Capture { start, len } = caps.list[i];
    match len {
        CAP_UNFINISHED => Err(lua.error(b"unfinished capture")),
        CAP_POSITION => Ok(CaptureText::Position(start + 1)),
        len => Ok(CaptureText::Span(start, start + len as usize)),
    }
}

/// Capture `i` as a Lua value: a string, or an integer for a position capture.
fn capture_value(
    lua: &mut Lua,
    subject: StrRef,
    caps: &Captures,
    i: usize,
    s: usize,
    e: usize,
) -> Result<Value, LuaError> {
    match capture(lua, caps, i, s, e)? {
        CaptureText::Span(from, to) => {
            let bytes = lua.str_bytes(subject)[from..to].to_vec();
            Ok(lua.string(&bytes))
        }
        CaptureText::Position(position) => Ok(Value::Int(position as i64)),
    }
}

/// All captures as values, or the whole match if there are none and `whole` gives it
/// (`push_captures` without the pushes).
fn capture_values(
    lua: &mut Lua,
    subject: StrRef,
    caps: &Captures,
    whole: Option<(usize, usize)>,
) -> Result<Vec<Value>, LuaError> {
    let n = if caps.level == 0 && whole.is_some() {
        1
    } else {
        caps.level
    };
    let (s, e) = whole.unwrap_or((0, 0));
    (0..n)
        .map(|i| capture_value(lua, subject, caps, i, s, e))
        .collect()
}

/// Pushes the captures (`push_captures`) and returns how many.
fn push_captures(
    lua: &mut Lua,
    subject: StrRef,
    caps: &Captures,
    whole: Option<(usize, usize)>,
) -> Result<usize, LuaError> {
    let values = capture_values(lua, subject, caps, whole)?;
    super::check_stack(lua, values.len(), "too many captures")?;
    for &value in &values {
        lua.push(value);
    }
    Ok(values.len())
}

/// Whether a pattern has no special characters, so that `find` may search for it as plain
/// text (`nospecials`).
fn has_no_specials(pattern: &[u8]) -> bool {
    !pattern.iter().any(|b| SPECIALS.contains(b))
}

/// The first occurrence of `needle` in `haystack` (`lmemfind`).
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    if needle.len() > haystack.len() {
        return None;
    }
    let last_start = haystack.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        i += haystack[i..=last_start].iter().position(|&b| b == first)?;
        if haystack[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether a pattern starts with the anchor `^`, which `find`, `match` and `gsub` then skip.
fn is_anchored(lua: &Lua, pattern: StrRef) -> bool {
    lua.str_bytes(pattern).first() == Some(&b'^')
}

pub(super) fn find(lua: &mut Lua) -> Result<usize, LuaError> {
    find_aux(lua, true)
}

pub(super) fn match_(lua: &mut Lua) -> Result<usize, LuaError> {
    find_aux(lua, false)
}

/// `string.find` and `string.match` (`str_find_aux`).
fn find_aux(lua: &mut Lua, find: bool) -> Result<usize, LuaError> {
    let subject = lua.check_string(1)?;
    let pattern = lua.check_string(2)?;
    let length = lua.str_bytes(subject).len();
    let init = relative_position(lua.opt_integer(3, 1)?, length).max(1);
    if init > length as i64 + 1 {
        lua.push(Value::Nil);
        return Ok(1);
    }
    let init = init as usize - 1;
    if find && (!lua.arg(4).is_falsy() || has_no_specials(lua.str_bytes(pattern))) {
        let needle_len = lua.str_bytes(pattern).len();
        let found = find_bytes(&lua.str_bytes(subject)[init..], lua.str_bytes(pattern));
        if let Some(offset) = found {
            let start = init + offset;
            lua.push(Value::Int(start as i64 + 1));
            lua.push(Value::Int((start + needle_len) as i64));
            return Ok(2);
        }
    } else {
        let anchor = is_anchored(lua, pattern);
        let mut caps = Captures::new();
        let mut s = init;
        loop {
            let result = match_in(lua, subject, pattern, anchor, s, &mut caps);
            match result {
                Err(error) => return Err(raise(lua, error)),
                Ok(Some(end)) if find => {
                    lua.push(Value::Int(s as i64 + 1));
                    lua.push(Value::Int(end as i64));
                    return Ok(push_captures(lua, subject, &caps, None)? + 2);
                }
                Ok(Some(end)) => return push_captures(lua, subject, &caps, Some((s, end))),
                Ok(None) => {}
            }
            s += 1;
            if anchor || s > length {
                break;
            }
        }
    }
    lua.push(Value::Nil);
    Ok(1)
}

/// `string.gmatch(s, pattern)`: an iterator over the matches. Its state lives in the
/// upvalues of the iterator: the subject, the pattern, where to search next and where the
/// last match ended (-1 before the first), as in PUC's `GMatchState`. A `^` in the pattern is
/// an ordinary character here, as in PUC 5.3.
pub(super) fn gmatch(lua: &mut Lua) -> Result<usize, LuaError> {
    let subject = lua.check_string(1)?;
    let pattern = lua.check_string(2)?;
    let upvalues = vec![
        Value::Str(subject),
        Value::Str(pattern),
        Value::Int(0),
        Value::Int(-1),
    ];
    let iterator = lua.native_closure(gmatch_step, upvalues);
    lua.push(iterator);
    Ok(1)
}

/// One step of a `gmatch` iterator (`gmatch_aux`).
fn gmatch_step(lua: &mut Lua) -> Result<usize, LuaError> {
    let FrameKind::Native(me) = lua.current_frame().kind else {
        unreachable!("gmatch_step runs as a native function")
    };
    let (Value::Str(subject), Value::Str(pattern), Value::Int(next), Value::Int(last)) = (
        lua.native_upvalue(1),
        lua.native_upvalue(2),
        lua.native_upvalue(3),
        lua.native_upvalue(4),
    ) else {
        unreachable!("gmatch made the upvalues")
    };
    let length = lua.str_bytes(subject).len();
    let mut caps = Captures::new();
    for s in next as usize..=length {
        let result = match_in(lua, subject, pattern, false, s, &mut caps);
        match result {
            Err(error) => return Err(raise(lua, error)),
            Ok(Some(end)) if end as i64 != last => {
                let upvalues = &mut lua.heap.native_fn_mut(me).upvalues;
                upvalues[2] = Value::Int(end as i64);
                upvalues[3] = Value::Int(end as i64);
                return push_captures(lua, subject, &caps, Some((s, end)));
            }
            Ok(_) => {}
        }
    }
    Ok(0)
}

/// The third argument of `gsub`.
#[derive(Clone, Copy)]
enum Replacement {
    /// A string (or a number, as a string), with `%` escapes.
    Text(StrRef),
    Table(Value),
    Function(Value),
}

/// `string.gsub(s, pattern, repl [, n])` (`str_gsub`).
pub(super) fn gsub(lua: &mut Lua) -> Result<usize, LuaError> {
    let subject = lua.check_string(1)?;
    let pattern = lua.check_string(2)?;
    let length = lua.str_bytes(subject).len();
    let replacement = lua.arg(3);
    let max_replacements = lua.opt_integer(4, length as i64 + 1)?;
    let replacement = match replacement {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => Replacement::Text(lua.check_string(3)?),
        Value::Table(_) => Replacement::Table(replacement),
        Value::LuaFn(_) | Value::NativeFn(_) => Replacement::Function(replacement),
        _ => return Err(lua.arg_error(3, b"string/function/table expected")),
    };
    let anchor = is_anchored(lua, pattern);
    let mut caps = Captures::new();
    let mut result = Vec::new();
    let mut s = 0;
    let mut last_match = None;
    let mut n = 0;
    while n < max_replacements {
        let found = match_in(lua, subject, pattern, anchor, s, &mut caps);
        match found {
            Err(error) => return Err(raise(lua, error)),
            Ok(Some(end)) if Some(end) != last_match => {
                n += 1;
                add_value(lua, &mut result, subject, &caps, (s, end), replacement)?;
                s = end;
                last_match = Some(end);
            }
            Ok(_) if s < length => {
                result.push(lua.str_bytes(subject)[s]);
                s += 1;
            }
            Ok(_) => break,
        }
        if anchor {
            break;
        }
    }
    result.extend_from_slice(&lua.str_bytes(subject)[s..]);
    let result = lua.string(&result);
    lua.push(result);
    lua.push(Value::Int(n));
    Ok(2)
}

/// Appends the replacement of the match `whole` to `out` (`add_value`).
fn add_value(
    lua: &mut Lua,
    out: &mut Vec<u8>,
    subject: StrRef,
    caps: &Captures,
    whole: (usize, usize),
    replacement: Replacement,
) -> Result<(), LuaError> {
    let (s, e) = whole;
    let value = match replacement {
        Replacement::Text(text) => return add_text(lua, out, subject, caps, whole, text),
        Replacement::Function(function) => {
            let args = capture_values(lua, subject, caps, Some(whole))?;
            let results = lua.call(function, &args)?;
            results.first().copied().unwrap_or_default()
        }
        Replacement::Table(table) => {
            let key = capture_value(lua, subject, caps, 0, s, e)?;
            lua.index_value(table, key)?
        }
    };
    match value {
        Value::Nil | Value::Bool(Truth::False) => {
            out.extend_from_slice(&lua.str_bytes(subject)[s..e])
        }
        Value::Str(text) => out.extend_from_slice(lua.str_bytes(text)),
        Value::Int(i) => out.extend_from_slice(number_to_string(Number::Int(i)).as_bytes()),
        Value::Float(f) => out.extend_from_slice(number_to_string(Number::Float(f)).as_bytes()),
        other => {
            let message = format!("invalid replacement value (a {})", other.type_name());
            return Err(lua.error(message.as_bytes()));
        }
    }
    Ok(())
}

/// Appends a replacement string, expanding `%0`..`%9` and `%%` (`add_s`).
fn add_text(
    lua: &mut Lua,
    out: &mut Vec<u8>,
    subject: StrRef,
    caps: &Captures,
    whole: (usize, usize),
    text: StrRef,
) -> Result<(), LuaError> {
    let (s, e) = whole;
    let length = lua.str_bytes(text).len();
    let mut i = 0;
    while i < length {
        let bytes = lua.str_bytes(text);
        let Some(offset) = bytes[i..].iter().position(|&b| b == ESCAPE) else {
            out.extend_from_slice(&bytes[i..]);
            break;
        };
        out.extend_from_slice(&bytes[i..i + offset]);
        i += offset + 1;
        let c = bytes.get(i).copied().unwrap_or(0);
        if c == ESCAPE {
            out.push(ESCAPE);
        } else if c == b'0' {
            out.extend_from_slice(&lua.str_bytes(subject)[s..e]);
        } else if c.is_ascii_digit() {
            match capture(lua, caps, (c - b'1') as usize, s, e)? {
                CaptureText::Span(from, to) => {
                    out.extend_from_slice(&lua.str_bytes(subject)[from..to])
                }
                CaptureText::Position(p) => out.extend_from_slice(p.to_string().as_bytes()),
            }
        } else {
            return Err(lua.error(b"invalid use of '%' in replacement string"));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{match_at, Allowance, Captures, PatternError};

    fn matches(src: &str, pat: &str) -> Result<Option<usize>, PatternError> {
        let interrupt = std::sync::atomic::AtomicBool::new(false);
        let mut allowance = Allowance {
            left: u64::MAX,
            interrupt: &interrupt,
        };
        match_at(
            src.as_bytes(),
            pat.as_bytes(),
            0,
            &mut Captures::new(),
            &mut allowance,
        )
    }

    #[test]
    fn reads_past_the_end_as_zero() {
        // `%f[%z]` sees the terminating zero after the subject, as PUC's frontier does.
        assert_eq!(matches("ab", "ab%f[%z]"), Ok(Some(2)));
        assert_eq!(matches("ab", "[a"), Err(PatternError::MissingBracket));
        assert_eq!(matches("ab", "a%"), Err(PatternError::EndsWithEscape));
    }

    #[test]
    fn depth_is_bounded() {
        // Each `a?` that matches nests one call; one that fails does not.
        let pattern = "a?".repeat(300);
        assert_eq!(matches("aaa", &pattern), Ok(Some(3)));
        assert_eq!(
            matches(&"a".repeat(300), &pattern),
            Err(PatternError::TooComplex)
        );
        assert_eq!(matches(&"a".repeat(199), &pattern), Ok(Some(199)));
        // Repetitions without nesting do not count toward the limit.
        let long = "a".repeat(100_000);
        assert_eq!(matches(&long, "a*$"), Ok(Some(100_000)));
    }
}
