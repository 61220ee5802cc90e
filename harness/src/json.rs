//! A minimal JSON value and pretty-printer, enough for the reports the harness writes. The
//! `parse` submodule reads JSON back and writes it on one line, for `reports/history.jsonl`.

use std::fmt::Write;

mod parse;

/// A JSON value. Objects keep their keys in insertion order so reports diff cleanly.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float; non-finite values are written as `null`, as JSON has no spelling for them.
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, as key-value pairs in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from pairs with string-literal keys.
    pub fn object<const N: usize>(pairs: [(&str, Json); N]) -> Json {
        Json::Object(
            pairs
                .into_iter()
                .map(|(key, value)| (key.to_string(), value))
                .collect(),
        )
    }

    /// A string value.
    pub fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    /// The value as pretty-printed JSON text with two-space indentation and a final newline.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => {
                let _ = write!(out, "{value}");
            }
            Json::Float(value) if value.is_finite() => {
                let _ = write!(out, "{value}");
            }
            Json::Float(_) => out.push_str("null"),
            Json::Str(text) => write_string(out, text),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Object(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Object(pairs) => {
                out.push('{');
                for (index, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ch if (ch as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", ch as u32);
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn writes_nested_values() {
        let value = Json::object([
            ("name", Json::str("a\"b\n\u{1}")),
            (
                "list",
                Json::Array(vec![Json::Int(1), Json::Float(0.5), Json::Float(f64::NAN)]),
            ),
            ("empty", Json::Object(Vec::new())),
            ("flag", Json::Bool(true)),
            ("none", Json::Null),
        ]);
        let expected = "{\n  \"name\": \"a\\\"b\\n\\u0001\",\n  \"list\": [\n    1,\n    0.5,\n    null\n  ],\n  \
                        \"empty\": {},\n  \"flag\": true,\n  \"none\": null\n}\n";
        assert_eq!(value.to_pretty(), expected);
    }
}
