//! The line a `conform run-trial` child prints to tell its parent how the run ended, and how a
//! failure is located as `file:line: message`.
//!
//! The child's standard output is shared with the test file, which prints freely, so the result
//! is one line of its own, starting with [`MARKER`] after a newline, with `key=value` fields
//! separated by spaces. Values are percent-encoded (every byte outside `!`..`~`, and `%`
//! itself), so they hold no spaces or newlines and come back byte for byte.

use std::fmt::Write;

use super::{SideResult, SideStatus};

/// What starts the result line.
pub const MARKER: &str = "@@conform-suite-result";

/// The result line for `result`, newline-terminated, preceded by a newline in case the test
/// file left its last line unfinished.
pub fn encode(result: &SideResult) -> String {
    let mut line = format!(
        "\n{MARKER} status={} millis={}",
        result.status.label(),
        result.millis
    );
    if let Some(message) = &result.message {
        let _ = write!(line, " message={}", percent_encode(message.as_bytes()));
    }
    if let Some(location) = &result.location {
        let _ = write!(line, " location={}", percent_encode(location.as_bytes()));
    }
    line.push('\n');
    line
}

/// The last result line in a child's standard output, decoded.
pub fn decode(stdout: &[u8]) -> Option<SideResult> {
    let text = String::from_utf8_lossy(stdout);
    let line = text.lines().rev().find(|line| line.starts_with(MARKER))?;
    let mut result = SideResult::new(SideStatus::Fail, 0);
    let mut status = None;
    for field in line[MARKER.len()..].split_whitespace() {
        let (key, value) = field.split_once('=')?;
        let value = String::from_utf8_lossy(&percent_decode(value)?).into_owned();
        match key {
            "status" => status = Some(SideStatus::parse(&value)?),
            "millis" => result.millis = value.parse().ok()?,
            "message" => result.message = Some(value),
            "location" => result.location = Some(value),
            _ => {}
        }
    }
    result.status = status?;
    Some(result)
}

fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_graphic() && byte != b'%' {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    Some(out)
}

/// Where an error happened, as `file:line`, when that is known: the position the message starts
/// with if it names a `.lua` file (as `error` and runtime errors write it), else the first frame
/// of the traceback that is in a `.lua` file (for `assert`, whose message has no position, and
/// for errors raised in chunks made by `load`).
pub fn locate(message: &str, traceback: Option<&str>) -> Option<String> {
    if let Some(position) = file_position(message) {
        return Some(position.to_string());
    }
    traceback?
        .lines()
        .map(str::trim_start)
        .find_map(|frame| file_position(frame).map(str::to_string))
}

/// The `file.lua:line` a text starts with, if it starts with one followed by `: `.
fn file_position(text: &str) -> Option<&str> {
    let first_line = text.lines().next()?;
    let mut search_from = 0;
    while let Some(offset) = first_line[search_from..].find(':') {
        let colon = search_from + offset;
        let digits = first_line[colon + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let after = colon + 1 + digits;
        if digits > 0 && first_line[after..].starts_with(": ") {
            let chunk = &first_line[..colon];
            return (chunk.ends_with(".lua") && !chunk.contains(char::is_whitespace))
                .then(|| &first_line[..after]);
        }
        search_from = colon + 1;
    }
    None
}

/// A failure as one line, `file:line: message`: the message's first line, prefixed with the
/// location when it does not already start with it.
pub fn failure_line(message: Option<&str>, location: Option<&str>) -> String {
    let message = message.unwrap_or("(no message)");
    let first_line = message.lines().next().unwrap_or_default();
    match location {
        Some(location) if !first_line.starts_with(&format!("{location}:")) => {
            format!("{location}: {first_line}")
        }
        _ => first_line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode, failure_line, locate};
    use crate::suite::{SideResult, SideStatus};

    #[test]
    fn result_lines_read_back_byte_for_byte() {
        let mut result = SideResult::new(SideStatus::Fail, 1234);
        result.message = Some("x.lua:3: bad\n\t100% é".to_string());
        result.location = Some("x.lua:3".to_string());
        let stdout = format!(
            "some output without a newline{}more output\n",
            encode(&result)
        );
        assert_eq!(decode(stdout.as_bytes()), Some(result));
        assert_eq!(decode(b"no result line\n"), None);
    }

    #[test]
    fn failures_are_located_in_suite_files() {
        let traceback = "stack traceback:\n\t[C]: in function 'assert'\n\t[string \"x\"]:1: in main chunk\n\tcalls.lua:12: in local 'f'\n\tcalls.lua:20: in main chunk";
        assert_eq!(
            locate("assertion failed!", Some(traceback)).as_deref(),
            Some("calls.lua:12")
        );
        assert_eq!(
            locate("calls.lua:7: boom", Some(traceback)).as_deref(),
            Some("calls.lua:7")
        );
        assert_eq!(
            locate("[string \"x\"]:1: boom", Some(traceback)).as_deref(),
            Some("calls.lua:12")
        );
        assert_eq!(locate("not enough memory", None), None);
        assert_eq!(
            failure_line(Some("assertion failed!"), Some("calls.lua:12")),
            "calls.lua:12: assertion failed!"
        );
        assert_eq!(
            failure_line(Some("calls.lua:7: boom\nmore"), Some("calls.lua:7")),
            "calls.lua:7: boom"
        );
    }
}
