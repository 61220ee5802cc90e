//! The lists of known failures, each entry with a reason: `corpus/lang/expectations.toml` for
//! the language corpus, and `lua53-tests/expectations.toml` for the official suite, whose keys
//! are `file|mode` trials ([`crate::suite`]).
//!
//! The file is a small subset of TOML, read by hand here so that the harness needs no TOML
//! crate: comments, blank lines, one `[expected-failures]` table, and in it one
//! `"path" = "reason"` line per case, where `path` is relative to `corpus/` and both are
//! basic strings (double-quoted, with TOML's backslash escapes). Any TOML reader reads it the
//! same way. `conform lang --update-expectations` rewrites it; it keeps the reasons of the
//! entries that still fail, so hand-written reasons survive, but not comments between entries.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The table that holds the entries.
pub const TABLE: &str = "expected-failures";

/// The file's fixed header, written by [`Expectations::render`].
const HEADER: &str = "\
# Cases of corpus/lang, corpus/stdlib, corpus/coroutine and corpus/gc that ferrolua is known to
# fail, each with the reason.
#
# One entry per case: \"<path relative to corpus>\" = \"<reason>\", such as \"lang/ops/x.lua\" or
# \"gc/weak/x.lua\". A case is judged by running it in PUC Lua 5.3.6 and in ferrolua and
# comparing its status, printed output, return values, error message and traceback (see
# README.md, \"The harness\"). A listed case must keep failing: when it passes, `cargo test`
# and `conform lang` fail with \"unexpected pass\" until its entry is removed. An unlisted
# failing case fails them too, as does an entry for a missing file.
#
# `cargo run -p ferrolua-harness -- lang --update-expectations` rewrites this file from a run:
# it drops entries that pass, adds failing cases with a reason inferred from the difference,
# and keeps the reasons of the rest. Edit reasons freely; comments between entries are not kept.
";

/// The known failures: case path (relative to `corpus/`, as in `lang/ops/x.lua`) to reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expectations {
    /// Reasons by case path, in path order.
    pub entries: BTreeMap<String, String>,
}

impl Expectations {
    /// The expectations file of a corpus folder: `corpus_dir/lang/expectations.toml`.
    pub fn default_path(corpus_dir: &Path) -> PathBuf {
        corpus_dir.join("lang").join("expectations.toml")
    }

    /// Reads a file; a missing file is an empty list.
    pub fn load(path: &Path) -> io::Result<Expectations> {
        match fs::read_to_string(path) {
            Ok(text) => Expectations::parse(&text).map_err(|message| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {message}", path.display()),
                )
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Expectations::default()),
            Err(error) => Err(io::Error::new(
                error.kind(),
                format!("{}: {error}", path.display()),
            )),
        }
    }

    /// Parses the file's text. The error names the line.
    pub fn parse(text: &str) -> Result<Expectations, String> {
        let mut entries = BTreeMap::new();
        let mut in_table = false;
        for (index, raw_line) in text.lines().enumerate() {
            let line_number = index + 1;
            let at = |message: &str| format!("line {line_number}: {message}");
            let line = raw_line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                if line != format!("[{TABLE}]") {
                    return Err(at(&format!("the only table allowed is [{TABLE}]")));
                }
                if in_table {
                    return Err(at(&format!("[{TABLE}] appears twice")));
                }
                in_table = true;
                continue;
            }
            if !in_table {
                return Err(at(&format!("entries go in the [{TABLE}] table")));
            }
            let (key, rest) = basic_string(line).map_err(|message| at(&message))?;
            let rest = rest.trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                return Err(at("expected `=` after the case path"));
            };
            let (reason, rest) = basic_string(rest.trim_start()).map_err(|message| at(&message))?;
            let rest = rest.trim_start();
            if !(rest.is_empty() || rest.starts_with('#')) {
                return Err(at("unexpected text after the reason"));
            }
            if reason.trim().is_empty() {
                return Err(at(&format!("{key}: give a reason")));
            }
            if entries.insert(key.clone(), reason).is_some() {
                return Err(at(&format!("{key} is listed twice")));
            }
        }
        Ok(Expectations { entries })
    }

    /// The reason a case is expected to fail, if it is listed. `case_path` is relative to
    /// `corpus/`.
    pub fn reason(&self, case_path: &str) -> Option<&str> {
        self.entries.get(case_path).map(String::as_str)
    }

    /// The file's text: the header, then the entries in path order.
    pub fn render(&self) -> String {
        self.render_with_header(HEADER)
    }

    /// The file's text with another header (the official suite's file has its own), then the
    /// entries in key order.
    pub fn render_with_header(&self, header: &str) -> String {
        let mut text = String::from(header);
        let _ = write!(text, "\n[{TABLE}]\n");
        for (path, reason) in &self.entries {
            let _ = writeln!(text, "{} = {}", toml_string(path), toml_string(reason));
        }
        text
    }
}

/// Reads a TOML basic string at the start of `text`; returns it and the text after it.
fn basic_string(text: &str) -> Result<(String, &str), String> {
    let Some(body) = text.strip_prefix('"') else {
        return Err("expected a double-quoted string".to_string());
    };
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((index, ch)) = chars.next() {
        match ch {
            '"' => return Ok((value, &body[index + 1..])),
            '\\' => {
                let escape = chars.next().map(|(_, escape)| escape);
                match escape {
                    Some('"') => value.push('"'),
                    Some('\\') => value.push('\\'),
                    Some('n') => value.push('\n'),
                    Some('t') => value.push('\t'),
                    Some('r') => value.push('\r'),
                    Some('b') => value.push('\u{8}'),
                    Some('f') => value.push('\u{c}'),
                    Some(kind @ ('u' | 'U')) => {
                        let digits = if kind == 'u' { 4 } else { 8 };
                        let hex = (0..digits)
                            .filter_map(|_| chars.next().map(|(_, digit)| digit))
                            .collect::<String>();
                        let code = u32::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == digits)
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("bad escape \\{kind}{hex}"))?;
                        value.push(code);
                    }
                    Some(other) => return Err(format!("unknown escape \\{other}")),
                    None => return Err("unfinished escape".to_string()),
                }
            }
            ch if ch.is_control() && ch != '\t' => {
                return Err("control characters must be escaped".to_string())
            }
            ch => value.push(ch),
        }
    }
    Err("unfinished string".to_string())
}

/// `text` as a TOML basic string, as entries of the file are written.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ch if ch.is_control() => {
                let _ = write!(out, "\\u{:04X}", ch as u32);
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::Expectations;

    #[test]
    fn reads_entries_with_escapes_and_comments() {
        let text = "# header\n\n[expected-failures]\n\"ops/a.lua\" = \"needs \\\"string.format\\\"\" # note\n\"b.lua\"=\"tab\\there \\u00e9\"\n";
        let expectations = Expectations::parse(text).expect("parses");
        assert_eq!(
            expectations.reason("ops/a.lua"),
            Some("needs \"string.format\"")
        );
        assert_eq!(expectations.reason("b.lua"), Some("tab\there é"));
        assert_eq!(expectations.reason("c.lua"), None);
    }

    #[test]
    fn rejects_what_it_does_not_understand() {
        for (text, message) in [
            (
                "\"a.lua\" = \"x\"",
                "line 1: entries go in the [expected-failures] table",
            ),
            (
                "[other]",
                "line 1: the only table allowed is [expected-failures]",
            ),
            (
                "[expected-failures]\na.lua = \"x\"",
                "line 2: expected a double-quoted string",
            ),
            (
                "[expected-failures]\n\"a.lua\" = \"\"",
                "line 2: a.lua: give a reason",
            ),
            (
                "[expected-failures]\n\"a.lua\" = \"x\"\n\"a.lua\" = \"y\"",
                "line 3: a.lua is listed twice",
            ),
            (
                "[expected-failures]\n\"a.lua\" = \"x",
                "line 2: unfinished string",
            ),
        ] {
            assert_eq!(
                Expectations::parse(text),
                Err(message.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn rendering_reads_back() {
        let mut expectations = Expectations::default();
        expectations.entries.insert(
            "x/y.lua".to_string(),
            "a \"quoted\"\\ reason\n\u{1}".to_string(),
        );
        expectations
            .entries
            .insert("a.lua".to_string(), "plain".to_string());
        let text = expectations.render();
        assert!(
            text.contains("\n[expected-failures]\n\"a.lua\" = \"plain\"\n"),
            "{text}"
        );
        assert_eq!(Expectations::parse(&text), Ok(expectations));
    }
}
