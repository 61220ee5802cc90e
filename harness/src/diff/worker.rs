//! The child process of `conform diff` (`conform diff-worker`): runs programs in parallel and
//! reports each on its standard output, one line per event, for the [`super::supervisor`].
//!
//! The protocol, one line each:
//!
//! - `S <index>`: program `index` starts.
//! - `F <index> <ms>`: the reference has finished program `index` in `ms` milliseconds of wall
//!   clock, and ferrolua starts on it.
//! - `R <index> <valid> A`: it ended and the engines agree; `valid` is 1 when the reference
//!   ran it to its end without an uncaught error, else 0.
//! - `R <index> <valid> I <reason>`: inconclusive.
//! - `R <index> <valid> D <tier> <signature>`: a divergence.
//! - `E`: every program asked for has been run.
//!
//! Each rayon worker thread runs one program at a time, each engine in a fresh state (mlua's
//! `Lua` is not `Send`, so nothing is shared between threads).

use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{run_seed_reporting, Plan, Verdict};

/// What a worker process runs.
#[derive(Clone, Copy, Debug)]
pub struct Assignment {
    pub plan: Plan,
    /// The first program index.
    pub from: u64,
    /// One past the last program index.
    pub to: u64,
    /// Milliseconds since the Unix epoch after which no program starts.
    pub until_ms: Option<u64>,
    /// Worker threads.
    pub jobs: usize,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis() as u64
}

/// Runs the assignment, reporting on standard output.
pub fn run(assignment: Assignment) -> io::Result<()> {
    // Panics inside ferrolua are reported as observations; the default hook would also print
    // them on stderr, over the supervisor's progress line.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some("ferrolua") {
            default_hook(info);
        }
    }));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(assignment.jobs.max(1))
        .build()
        .map_err(io::Error::other)?;
    let next = AtomicU64::new(assignment.from);
    let stdout = Mutex::new(io::stdout());
    let emit = |line: String| {
        let mut out = stdout
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    pool.broadcast(|_| loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        if index >= assignment.to || assignment.until_ms.is_some_and(|until| now_ms() >= until) {
            break;
        }
        emit(format!("S {index}"));
        let (_, run) = run_seed_reporting(
            assignment.plan.seed(index),
            assignment.plan.features,
            |took| emit(format!("F {index} {}", took.as_millis())),
        );
        let valid = u8::from(run.valid());
        emit(match run.verdict {
            Verdict::Agree => format!("R {index} {valid} A"),
            Verdict::Inconclusive(reason) => format!("R {index} {valid} I {reason}"),
            Verdict::Diverge(divergence) => format!(
                "R {index} {valid} D {} {}",
                divergence.tier,
                one_line(&divergence.signature)
            ),
        });
    });
    emit("E".to_string());
    Ok(())
}

/// A signature on one line (they are one line already; this guards the protocol).
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// One line of the protocol, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Start(u64),
    /// The reference finished the program after this many milliseconds.
    ReferenceDone(u64, u64),
    Result {
        index: u64,
        valid: bool,
        verdict: Verdict,
    },
    End,
}

/// Parses a line of the protocol; `None` for anything else.
pub fn parse(line: &str) -> Option<Event> {
    let mut parts = line.splitn(5, ' ');
    match parts.next()? {
        "S" => Some(Event::Start(parts.next()?.parse().ok()?)),
        "E" => Some(Event::End),
        "F" => Some(Event::ReferenceDone(
            parts.next()?.parse().ok()?,
            parts.next()?.parse().ok()?,
        )),
        "R" => {
            let index = parts.next()?.parse().ok()?;
            let valid = parts.next()? == "1";
            let verdict = match parts.next()? {
                "A" => Verdict::Agree,
                "I" => Verdict::Inconclusive(parts.next().unwrap_or_default().to_string()),
                "D" => {
                    let (tier, signature) = parts.next()?.split_once(' ')?;
                    Verdict::Diverge(super::Divergence {
                        tier: super::Tier::parse(tier)?,
                        signature: signature.to_string(),
                    })
                }
                _ => return None,
            };
            Some(Event::Result {
                index,
                valid,
                verdict,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Event};
    use crate::diff::{Divergence, Tier, Verdict};

    #[test]
    fn protocol_lines_parse() {
        assert_eq!(parse("S 12"), Some(Event::Start(12)));
        assert_eq!(parse("E"), Some(Event::End));
        assert_eq!(parse("F 12 3400"), Some(Event::ReferenceDone(12, 3400)));
        assert_eq!(
            parse("R 3 1 A"),
            Some(Event::Result {
                index: 3,
                valid: true,
                verdict: Verdict::Agree
            })
        );
        assert_eq!(
            parse("R 3 0 I ferrolua ran out of instructions"),
            Some(Event::Result {
                index: 3,
                valid: false,
                verdict: Verdict::Inconclusive("ferrolua ran out of instructions".to_string())
            })
        );
        assert_eq!(
            parse("R 4 1 D T1 T1 output: values"),
            Some(Event::Result {
                index: 4,
                valid: true,
                verdict: Verdict::Diverge(Divergence {
                    tier: Tier::T1,
                    signature: "T1 output: values".to_string()
                })
            })
        );
        assert_eq!(parse("garbage"), None);
    }
}
