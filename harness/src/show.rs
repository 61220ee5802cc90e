//! Byte strings shown to people: Lua messages are bytes, not necessarily UTF-8.

use std::fmt::Write;

/// Shows bytes as a double-quoted string: valid UTF-8 stays readable, while control characters,
/// quotes, backslashes and invalid bytes are escaped, so two different messages never look alike.
/// The result is also a Lua 5.3 string literal for the same bytes, ready to paste into a case.
pub fn quoted(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        for ch in chunk.valid().chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                ch if ch.is_control() => {
                    let _ = write!(out, "\\u{{{:x}}}", ch as u32);
                }
                ch => out.push(ch),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out.push('"');
    out
}

/// The first line where two texts differ, on each side, or `None` on a side that has ended
/// (both `None` when the texts are equal).
pub fn first_differing_lines<'a>(
    expected: &'a [u8],
    got: &'a [u8],
) -> (Option<&'a [u8]>, Option<&'a [u8]>) {
    let mut expected_lines = expected.split(|&byte| byte == b'\n');
    let mut got_lines = got.split(|&byte| byte == b'\n');
    loop {
        match (expected_lines.next(), got_lines.next()) {
            (Some(a), Some(b)) if a == b => continue,
            pair => return pair,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn escapes_what_would_be_ambiguous() {
        assert_eq!(quoted(b"a:1: near 'x'"), "\"a:1: near 'x'\"");
        assert_eq!(quoted(b"\"\\\n\t\x01"), "\"\\\"\\\\\\n\\t\\u{1}\"");
        assert_eq!(quoted("é".as_bytes()), "\"é\"");
        assert_eq!(quoted(b"\xff\xc3"), "\"\\xff\\xc3\"");
    }

    #[test]
    fn is_a_lua_literal_for_the_same_bytes() {
        use crate::engine::{Engine, ReferenceEngine, Status};
        let bytes = b"a\"b\\c\n\r\t\x00\x01\x7f\xc2\x85\xe2\x82\xac\xff'".to_vec();
        let source = format!("return {}", quoted(&bytes));
        let run = ReferenceEngine::default().run(source.as_bytes(), b"=literal");
        assert_eq!(run.status, Status::Ok, "{run:?}");
        assert_eq!(run.results, vec![bytes]);
    }
}
