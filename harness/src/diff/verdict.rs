//! How two observations of one generated program are judged: agreement, an inconclusive run,
//! or a divergence in one of four tiers, with a signature that stays the same while the
//! shrinker simplifies the program.

use std::fmt;

use crate::engine::{Observation, Status};

/// How serious a divergence is. Tiers are reported separately, so that a traceback difference
/// never hides a wrong result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// ferrolua panicked, aborted, overflowed its stack or hung.
    T0,
    /// The status, the printed output or the returned values differ.
    T1,
    /// The message of an uncaught error differs.
    T2,
    /// The traceback of an uncaught error differs.
    T3,
}

impl Tier {
    /// Every tier, in order.
    pub const ALL: [Tier; 4] = [Tier::T0, Tier::T1, Tier::T2, Tier::T3];

    /// The tier's index, 0 to 3.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tier from its name (`T0` to `T3`, any case).
    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|tier| tier.to_string().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "T{}", self.index())
    }
}

/// A difference between the engines on one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    pub tier: Tier,
    /// The tier, the part that differs and a normalized summary of the first difference:
    /// numbers, names and positions are blurred, so that the shrinker can change them while
    /// keeping the same divergence.
    pub signature: String,
}

/// The judgement of one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Both engines saw the same thing.
    Agree,
    /// Nothing can be concluded: one side ran out of its instruction budget, or the reference
    /// ran out of memory. The reason says which.
    Inconclusive(String),
    /// The engines differ.
    Diverge(Divergence),
}

/// The message the reference gives when its memory limit is reached.
const OUT_OF_MEMORY: &str = "not enough memory";

/// The prefix of failures on the harness's side.
const HARNESS_ERROR: &[u8] = b"harness error:";

/// Judges two observations of the same program.
///
/// The sign of a NaN is not compared: `tostring(x)` shows it (`-nan` or `nan`), but which NaN
/// an operation gives depends on the C compiler and library (IEEE 754 leaves it unspecified),
/// and two builds of PUC Lua 5.3.6 itself differ on `math.sqrt(-(0/0))`.
pub fn classify(reference: &Observation, ferrolua: &Observation) -> Verdict {
    let reference = &without_nan_signs(reference);
    let ferrolua = &without_nan_signs(ferrolua);
    if ferrolua.status == Status::Panicked {
        let message = first_line(ferrolua.error.as_deref().unwrap_or_default());
        return diverge(Tier::T0, format!("panic: {}", normalize(&message)));
    }
    if ferrolua
        .error
        .as_deref()
        .is_some_and(|e| e.starts_with(HARNESS_ERROR))
    {
        let message = first_line(ferrolua.error.as_deref().unwrap_or_default());
        return diverge(
            Tier::T0,
            format!("harness failure: {}", normalize(&message)),
        );
    }
    if reference.status == Status::OutOfBudget || ferrolua.status == Status::OutOfBudget {
        let side = match (reference.status, ferrolua.status) {
            (Status::OutOfBudget, Status::OutOfBudget) => "both engines",
            (Status::OutOfBudget, _) => "the reference",
            _ => "ferrolua",
        };
        return Verdict::Inconclusive(format!("{side} ran out of instructions"));
    }
    let reference_error = reference.error.as_deref().unwrap_or_default();
    if reference_error.starts_with(HARNESS_ERROR) {
        return Verdict::Inconclusive(format!(
            "the reference failed: {}",
            first_line(reference_error)
        ));
    }
    if reference_error == OUT_OF_MEMORY.as_bytes()
        || contains(&reference.output, OUT_OF_MEMORY.as_bytes())
    {
        return Verdict::Inconclusive("the reference ran out of memory".to_string());
    }
    if reference.status != ferrolua.status {
        let mut signature = format!(
            "status: reference {}, ferrolua {}",
            reference.status.as_str(),
            ferrolua.status.as_str()
        );
        for (side, observation) in [("reference", reference), ("ferrolua", ferrolua)] {
            if let Some(error) = &observation.error {
                signature.push_str(&format!(
                    "; {side} `{}`",
                    normalize(&message_text(&first_line(error)))
                ));
            }
        }
        return diverge(Tier::T1, signature);
    }
    if reference.output != ferrolua.output {
        return diverge(
            Tier::T1,
            format!(
                "output: {}",
                line_difference(&reference.output, &ferrolua.output)
            ),
        );
    }
    if reference.results != ferrolua.results {
        return diverge(Tier::T1, "results".to_string());
    }
    if reference.error != ferrolua.error {
        let show = |error: &Option<Vec<u8>>| {
            normalize(&message_text(&first_line(
                error.as_deref().unwrap_or_default(),
            )))
        };
        let (expected, got) = (show(&reference.error), show(&ferrolua.error));
        return diverge(
            Tier::T2,
            if expected == got {
                format!("error: `{expected}` differs in a name or number")
            } else {
                format!("error: reference `{expected}`, ferrolua `{got}`")
            },
        );
    }
    if reference.traceback != ferrolua.traceback {
        let (expected, got) = first_differing_lines(
            reference.traceback.as_deref().unwrap_or_default(),
            ferrolua.traceback.as_deref().unwrap_or_default(),
        );
        return diverge(
            Tier::T3,
            format!(
                "traceback: reference `{}`, ferrolua `{}`",
                normalize(&expected),
                normalize(&got)
            ),
        );
    }
    Verdict::Agree
}

/// An observation with `-nan` shown as `nan` (and `-NAN` as `NAN`, as `%G` and `%A` print it).
fn without_nan_signs(observation: &Observation) -> Observation {
    let fix = |bytes: &[u8]| -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut index = 0;
        while index < bytes.len() {
            let rest = &bytes[index..];
            if rest.starts_with(b"-nan") || rest.starts_with(b"-NAN") {
                index += 1;
                continue;
            }
            out.push(bytes[index]);
            index += 1;
        }
        out
    };
    Observation {
        status: observation.status,
        output: fix(&observation.output),
        results: observation
            .results
            .iter()
            .map(|result| fix(result))
            .collect(),
        error: observation.error.as_deref().map(fix),
        traceback: observation.traceback.as_deref().map(fix),
    }
}

fn diverge(tier: Tier, what: String) -> Verdict {
    Verdict::Diverge(Divergence {
        tier,
        signature: format!("{tier} {what}"),
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// What an output difference looks like: when the first differing line of either side holds
/// an error message (`chunk:line: message`), the normalized messages; otherwise just that
/// values differ, so that the shrinker may change the values.
fn line_difference(expected: &[u8], got: &[u8]) -> String {
    let (expected, got) = first_differing_lines(expected, got);
    let expected_message = embedded_message(&expected);
    let got_message = embedded_message(&got);
    if expected_message.is_none() && got_message.is_none() {
        return "values".to_string();
    }
    let show = |message: &Option<String>| match message {
        Some(message) => format!("`{}`", normalize(message)),
        None => "a value".to_string(),
    };
    let (expected_shown, got_shown) = (show(&expected_message), show(&got_message));
    if expected_shown == got_shown {
        format!("message {expected_shown} differs in a name or number")
    } else {
        format!("reference {expected_shown}, ferrolua {got_shown}")
    }
}

/// The first line where two texts differ, on each side (empty when a side has ended).
fn first_differing_lines(expected: &[u8], got: &[u8]) -> (String, String) {
    let (a, b) = crate::show::first_differing_lines(expected, got);
    let text = |line: Option<&[u8]>| String::from_utf8_lossy(line.unwrap_or_default()).into_owned();
    (text(a), text(b))
}

/// The message in a printed line that holds one, as `P(pcall(...))` prints it: the text after
/// a `chunk:line: ` position.
fn embedded_message(line: &str) -> Option<String> {
    let mut search = line;
    while let Some(colon) = search.find(':') {
        let rest = &search[colon + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(": ") {
            return Some(rest[digits + 2..].to_string());
        }
        search = rest;
    }
    None
}

/// A message without its `chunk:line: ` position, if it has one.
fn message_text(message: &str) -> String {
    embedded_message(message).unwrap_or_else(|| message.to_string())
}

fn first_line(bytes: &[u8]) -> String {
    let line = bytes
        .split(|&byte| byte == b'\n')
        .next()
        .unwrap_or_default();
    String::from_utf8_lossy(line).into_owned()
}

/// Blurs what the shrinker changes without changing the bug: runs of digits become `N`,
/// quoted names become `'?'`, whitespace runs become one space, and the text is cut to 120
/// characters.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_ascii_digit() {
            while chars.peek().is_some_and(|next| next.is_ascii_digit()) {
                chars.next();
            }
            out.push('N');
        } else if ch == '\'' {
            // A quoted name, as in (local 'x'): blurred if it closes on the same line soon.
            let rest = chars.clone().take(40).collect::<String>();
            if let Some(end) = rest.find('\'') {
                for _ in 0..=end {
                    chars.next();
                }
                out.push_str("'?'");
            } else {
                out.push(ch);
            }
        } else if ch.is_whitespace() {
            while chars.peek().is_some_and(|next| next.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(ch);
        }
    }
    let trimmed = out.trim();
    if trimmed.chars().count() > 120 {
        trimmed.chars().take(120).collect::<String>() + "..."
    } else {
        trimmed.to_string()
    }
}

/// A signature as a file name: lower-case words joined by `-`, cut to about 60 characters,
/// then a hash of the whole signature, so different signatures never share a name.
pub fn slug(signature: &str) -> String {
    let mut words = String::new();
    for ch in signature.chars() {
        if ch.is_ascii_alphanumeric() {
            words.push(ch.to_ascii_lowercase());
        } else if !words.ends_with('-') && !words.is_empty() {
            words.push('-');
        }
    }
    let mut cut = words.chars().take(60).collect::<String>();
    while cut.ends_with('-') {
        cut.pop();
    }
    // FNV-1a, 32 bits: stable across runs and platforms.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in signature.bytes() {
        hash ^= byte as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{cut}-{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::{classify, normalize, slug, Tier, Verdict};
    use crate::engine::{Observation, Status};

    fn printed(text: &str) -> Observation {
        Observation {
            output: text.as_bytes().to_vec(),
            ..Observation::empty(Status::Ok)
        }
    }

    fn failed(message: &str, traceback: &str) -> Observation {
        Observation {
            error: Some(message.as_bytes().to_vec()),
            traceback: Some(traceback.as_bytes().to_vec()),
            ..Observation::empty(Status::RuntimeError)
        }
    }

    fn tier_and_signature(verdict: Verdict) -> (Tier, String) {
        match verdict {
            Verdict::Diverge(divergence) => (divergence.tier, divergence.signature),
            other => panic!("expected a divergence, got {other:?}"),
        }
    }

    #[test]
    fn tiers_follow_the_first_differing_field() {
        assert_eq!(classify(&printed("1\n"), &printed("1\n")), Verdict::Agree);
        assert_eq!(
            tier_and_signature(classify(&printed("1\n2\n"), &printed("1\n3\n"))),
            (Tier::T1, "T1 output: values".to_string())
        );
        let (tier, signature) = tier_and_signature(classify(
            &printed("false\tgen:3: attempt to index a nil value (local 'x1')\n"),
            &printed("false\tgen:3: attempt to index a nil value (global 'x1')\n"),
        ));
        assert_eq!(tier, Tier::T1);
        assert_eq!(
            signature,
            "T1 output: reference `attempt to index a nil value (local '?')`, ferrolua \
             `attempt to index a nil value (global '?')`"
        );
        let (tier, _) = tier_and_signature(classify(
            &failed("gen:1: a", "gen:1: a\nstack traceback:\n\tx"),
            &failed("gen:2: a", "gen:2: a\nstack traceback:\n\tx"),
        ));
        assert_eq!(tier, Tier::T2);
        let (tier, signature) = tier_and_signature(classify(
            &failed(
                "gen:1: a",
                "gen:1: a\nstack traceback:\n\tgen:1: in local 'f'",
            ),
            &failed(
                "gen:1: a",
                "gen:1: a\nstack traceback:\n\tgen:1: in function 'f'",
            ),
        ));
        assert_eq!(tier, Tier::T3);
        assert_eq!(
            signature,
            "T3 traceback: reference `gen:N: in local '?'`, ferrolua `gen:N: in function '?'`"
        );
        let panicked = Observation {
            error: Some(b"index out of bounds: the len is 3 but the index is 7".to_vec()),
            ..Observation::empty(Status::Panicked)
        };
        assert_eq!(
            tier_and_signature(classify(&printed(""), &panicked)),
            (
                Tier::T0,
                "T0 panic: index out of bounds: the len is N but the index is N".to_string()
            )
        );
    }

    #[test]
    fn nan_signs_are_not_compared() {
        assert_eq!(
            classify(&printed("-nan\t1\n"), &printed("nan\t1\n")),
            Verdict::Agree
        );
        assert_ne!(classify(&printed("-1\n"), &printed("1\n")), Verdict::Agree);
    }

    #[test]
    fn budgets_and_memory_are_inconclusive() {
        let over = Observation::empty(Status::OutOfBudget);
        assert!(matches!(
            classify(&over, &printed("x")),
            Verdict::Inconclusive(_)
        ));
        assert!(matches!(
            classify(&printed("x"), &over),
            Verdict::Inconclusive(_)
        ));
        let memory = Observation {
            error: Some(b"not enough memory".to_vec()),
            ..Observation::empty(Status::RuntimeError)
        };
        assert!(matches!(
            classify(&memory, &printed("x")),
            Verdict::Inconclusive(_)
        ));
    }

    #[test]
    fn normalization_and_slugs() {
        assert_eq!(
            normalize("gen:12: bad argument #1 to 'rep'  (x)"),
            "gen:N: bad argument #N to '?' (x)"
        );
        let name = slug("T1 output: values");
        assert!(name.starts_with("t1-output-values-"), "{name}");
        assert_ne!(slug("T1 output: values"), slug("T1 output: values!"));
    }
}
