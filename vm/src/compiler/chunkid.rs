//! Chunk names as error messages show them. Mirrors `luaO_chunkid` in lobject.c.

use crate::limits::LUA_IDSIZE;

const RETS: &[u8] = b"...";
const PRE: &[u8] = b"[string \"";
const POS: &[u8] = b"\"]";

/// Formats a chunk's source name for messages: `=name` literally, `@file` as a file name with
/// its start elided when long, and anything else as `[string "first line..."]`, each cut to fit
/// PUC's `LUA_IDSIZE` buffer exactly as lobject.c cuts it.
pub fn chunk_id(source: &[u8]) -> Vec<u8> {
    // The C code sees a NUL-terminated string: anything after an embedded zero is invisible.
    let source = match source.iter().position(|&b| b == 0) {
        Some(end) => &source[..end],
        None => source,
    };
    let len = source.len();
    let mut out = Vec::with_capacity(LUA_IDSIZE);
    match source.first() {
        Some(b'=') => {
            if len <= LUA_IDSIZE {
                out.extend_from_slice(&source[1..]);
            } else {
                out.extend_from_slice(&source[1..LUA_IDSIZE]);
            }
        }
        Some(b'@') => {
            if len <= LUA_IDSIZE {
                out.extend_from_slice(&source[1..]);
            } else {
                // PUC keeps the last `LUA_IDSIZE - 3` bytes, counting the terminating zero.
                let keep = LUA_IDSIZE - RETS.len() - 1;
                out.extend_from_slice(RETS);
                out.extend_from_slice(&source[len - keep..]);
            }
        }
        _ => {
            let newline = source.iter().position(|&b| b == b'\n');
            let room = LUA_IDSIZE - (PRE.len() + RETS.len() + POS.len()) - 1;
            out.extend_from_slice(PRE);
            if len < room && newline.is_none() {
                out.extend_from_slice(source);
            } else {
                let end = newline.unwrap_or(len).min(room);
                out.extend_from_slice(&source[..end]);
                out.extend_from_slice(RETS);
            }
            out.extend_from_slice(POS);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::chunk_id;

    #[test]
    fn formats_as_lobject_does() {
        assert_eq!(chunk_id(b"=stdin"), b"stdin");
        assert_eq!(chunk_id(b"@t.lua"), b"t.lua");
        assert_eq!(chunk_id(b"x = 1"), b"[string \"x = 1\"]");
        assert_eq!(chunk_id(b"line1\nline2"), b"[string \"line1...\"]");
        let long_literal = [b"=".as_slice(), &[b'n'; 100]].concat();
        assert_eq!(chunk_id(&long_literal), vec![b'n'; 59]);
        let long_file = [b"@".as_slice(), &b"abcdefghij".repeat(10)].concat();
        let shown = chunk_id(&long_file);
        assert_eq!(shown.len(), 59);
        assert!(shown.starts_with(b"...efghij"));
        let long_string = b"abcdefghij".repeat(10);
        assert_eq!(
            chunk_id(&long_string),
            b"[string \"abcdefghijabcdefghijabcdefghijabcdefghijabcde...\"]"
        );
    }
}
