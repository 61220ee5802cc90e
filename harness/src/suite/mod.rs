//! The official suite gate: every file of the Lua 5.3 test suite run, as a program, in both
//! engines, and judged against `lua53-tests/expectations.toml`.
//!
//! A trial is one file in one [`Mode`]: `soft-port` (`_soft = true; _port = true` first),
//! `default` (nothing set), and one trial of `all.lua` in mode `user` (`_U = true`). Each trial
//! runs once in the reference and once in ferrolua, each in a child process
//! (`conform run-trial`, [`child`]) whose working directory is a scratch copy of the suite, so
//! that the files find each other and a crash ends the child, not the harness ([`runner`]). The
//! reference must pass a trial before ferrolua is judged on it: a reference failure is a
//! harness problem (`REFERENCE-FAIL`). ferrolua's result is then judged like a language-corpus
//! case: an unlisted failure, a listed pass and any panic fail the gate.

pub mod child;
pub mod command;
pub mod protocol;
pub mod report;
pub mod runner;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::expectations::{toml_string, Expectations};

pub use self::runner::{Scratch, SuiteRunner};

/// The file that runs every other file, run only in [`Mode::User`].
pub const ALL_FILE: &str = "all.lua";

/// The file all.lua runs inside a coroutine, which the harness does too.
pub const BIG_FILE: &str = "big.lua";

/// The file that tests the standalone interpreter through `arg[-1]`.
pub const MAIN_FILE: &str = "main.lua";

/// How a file is run: which of the suite's control globals are set first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// `_soft = true; _port = true`: no long or memory-hungry tests, no non-portable ones.
    SoftPort,
    /// Nothing set: every test, as the suite's authors run it on Linux.
    Default,
    /// `_U = true`, read only by all.lua: soft, portable, no messages, no `T`.
    User,
}

impl Mode {
    /// Every mode, in the order trials are listed.
    pub const ALL: [Mode; 3] = [Mode::SoftPort, Mode::Default, Mode::User];

    /// The mode as the command line and the expectations file spell it.
    pub fn name(self) -> &'static str {
        match self {
            Mode::SoftPort => "soft-port",
            Mode::Default => "default",
            Mode::User => "user",
        }
    }

    /// The mode a name spells.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.name() == name)
    }

    /// The Lua code run before the file, in the same state.
    pub fn preamble(self) -> &'static str {
        match self {
            Mode::SoftPort => "_soft = true; _port = true",
            Mode::Default => "",
            Mode::User => "_U = true",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One file of the suite in one mode.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Trial {
    /// The file name, relative to the suite's folder (`calls.lua`).
    pub file: String,
    /// How it is run.
    pub mode: Mode,
}

impl Trial {
    /// The trial's key in the expectations file and in reports: `calls.lua|soft-port`.
    pub fn key(&self) -> String {
        format!("{}|{}", self.file, self.mode)
    }
}

impl fmt::Display for Trial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.file, self.mode)
    }
}

/// Every trial of the suite in `suite_dir`: each `*.lua` file but all.lua in `soft-port` and
/// `default` mode, then all.lua in `user` mode; sorted by mode, then file.
pub fn trials(suite_dir: &Path) -> io::Result<Vec<Trial>> {
    let files = suite_files(suite_dir)?;
    let mut trials = Vec::new();
    for mode in [Mode::SoftPort, Mode::Default] {
        trials.extend(
            files
                .iter()
                .filter(|file| *file != ALL_FILE)
                .map(|file| Trial {
                    file: file.clone(),
                    mode,
                }),
        );
    }
    if files.iter().any(|file| file == ALL_FILE) {
        trials.push(Trial {
            file: ALL_FILE.to_string(),
            mode: Mode::User,
        });
    }
    Ok(trials)
}

/// The names of the `*.lua` files directly in `suite_dir`, sorted.
fn suite_files(suite_dir: &Path) -> io::Result<Vec<String>> {
    let missing = || {
        io::Error::new(
            io::ErrorKind::NotFound,
            crate::paths::suite_missing_help(suite_dir),
        )
    };
    let entries = fs::read_dir(suite_dir).map_err(|_| missing())?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|extension| extension == "lua") {
            if let Some(name) = path.file_name().and_then(|name| name.to_str()) {
                files.push(name.to_string());
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(missing());
    }
    Ok(files)
}

/// The trials that match a mode and a list of file names; `None` and an empty list match all.
pub fn select(trials: Vec<Trial>, mode: Option<Mode>, files: &[String]) -> Vec<Trial> {
    trials
        .into_iter()
        .filter(|trial| mode.is_none_or(|mode| trial.mode == mode))
        .filter(|trial| files.is_empty() || files.contains(&trial.file))
        .collect()
}

/// Which engine a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EngineKind {
    /// PUC Lua 5.3.6, through mlua.
    Reference,
    /// The engine under test.
    Ferrolua,
}

impl EngineKind {
    /// The engine as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            EngineKind::Reference => "reference",
            EngineKind::Ferrolua => "ferrolua",
        }
    }

    /// The engine a name spells.
    pub fn parse(name: &str) -> Option<EngineKind> {
        [EngineKind::Reference, EngineKind::Ferrolua]
            .into_iter()
            .find(|engine| engine.name() == name)
    }
}

/// How one engine's run of a trial ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SideStatus {
    /// The file ran to its end.
    Pass,
    /// The file raised an error, or did not compile.
    Fail,
    /// The run used up its instruction budget or its wall-clock time.
    Timeout,
    /// The engine panicked, or its process died from a signal.
    Panic,
    /// The run could not be judged: main.lua on the reference needs a standalone `lua5.3`,
    /// which this machine lacks.
    Unconfirmed,
}

impl SideStatus {
    /// The status as `conform suite` prints it.
    pub fn label(self) -> &'static str {
        match self {
            SideStatus::Pass => "PASS",
            SideStatus::Fail => "FAIL",
            SideStatus::Timeout => "TIMEOUT",
            SideStatus::Panic => "PANIC",
            SideStatus::Unconfirmed => "UNCONFIRMED",
        }
    }

    /// The status a label spells.
    pub fn parse(label: &str) -> Option<SideStatus> {
        [
            SideStatus::Pass,
            SideStatus::Fail,
            SideStatus::Timeout,
            SideStatus::Panic,
            SideStatus::Unconfirmed,
        ]
        .into_iter()
        .find(|status| status.label() == label)
    }
}

/// One engine's run of one trial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideResult {
    /// How it ended.
    pub status: SideStatus,
    /// How long the file ran, compilation included, in milliseconds.
    pub millis: u64,
    /// The error message, or what went wrong.
    pub message: Option<String>,
    /// Where the error happened, as `file:line`, when known.
    pub location: Option<String>,
    /// The end of what the run wrote to standard output and standard error, for diagnosis.
    pub output_tail: String,
}

impl SideResult {
    /// A result with no message.
    pub fn new(status: SideStatus, millis: u64) -> SideResult {
        SideResult {
            status,
            millis,
            message: None,
            location: None,
            output_tail: String::new(),
        }
    }

    /// A result with a message and no location.
    pub fn with_message(status: SideStatus, millis: u64, message: impl Into<String>) -> SideResult {
        SideResult {
            message: Some(message.into()),
            ..SideResult::new(status, millis)
        }
    }

    /// The first failure as one line, `file:line: message`, or `None` for a pass.
    pub fn failure(&self) -> Option<String> {
        (self.status != SideStatus::Pass)
            .then(|| protocol::failure_line(self.message.as_deref(), self.location.as_deref()))
    }

    /// The time as `conform suite` prints it.
    pub fn time(&self) -> String {
        format!("{:.2} s", self.millis as f64 / 1000.0)
    }
}

/// Both engines' runs of one trial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialOutcome {
    /// The trial.
    pub trial: Trial,
    /// PUC Lua's run, the last of its attempts.
    pub reference: SideResult,
    /// ferrolua's run.
    pub ferrolua: SideResult,
}

impl TrialOutcome {
    /// Whether the reference failed the trial, which makes ferrolua's result meaningless.
    pub fn reference_failed(&self) -> bool {
        !matches!(
            self.reference.status,
            SideStatus::Pass | SideStatus::Unconfirmed
        )
    }
}

/// The path of the suite's expectations file: `lua53-tests/expectations.toml` in the workspace.
pub fn expectations_path() -> PathBuf {
    crate::paths::workspace_root()
        .join("lua53-tests")
        .join("expectations.toml")
}

/// The fixed header of `lua53-tests/expectations.toml`, as `--update-expectations` writes it.
pub const EXPECTATIONS_HEADER: &str = "\
# Official-suite trials that ferrolua is known to fail, each with the reason.
#
# One entry per trial: \"<file>|<mode>\" = \"<reason>\", where <file> is a file of the official
# Lua 5.3 test suite and <mode> is `soft-port` (run after `_soft = true; _port = true`),
# `default` (nothing set) or, for all.lua only, `user` (`_U = true`). Each trial runs the file
# in PUC Lua 5.3.6 and in ferrolua, each in a child process working in a scratch copy of the
# suite (see README.md, \"The official test suite\"); the reference must pass it first.
#
# A listed trial must keep failing: when it passes, `cargo test` and `conform suite` fail with
# \"unexpected pass\" until its entry is removed. An unlisted failure fails them too, as does an
# entry that names no trial. A panic fails them even when the trial is listed.
#
# `cargo run -p ferrolua-harness -- suite --update-expectations` rewrites this file from a run:
# it drops entries that pass, adds failing trials with their first failure as the reason, and
# keeps the reasons of the rest. Write the missing feature as the reason.
";

/// What a trial's outcome means, given the expectations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// ferrolua passes and the trial is not listed.
    Pass,
    /// ferrolua fails or times out and the trial is listed, with this reason.
    ExpectedFail(String),
    /// ferrolua fails or times out and the trial is not listed.
    Fail,
    /// ferrolua panicked or its process crashed, listed or not.
    Panic,
    /// ferrolua passes but the trial is listed, with this reason: remove the entry.
    UnexpectedPass(String),
    /// The reference did not pass: the harness runs the file wrongly.
    ReferenceFail,
}

impl Judgement {
    /// Judges an outcome against the expectations.
    pub fn of(outcome: &TrialOutcome, expectations: &Expectations) -> Judgement {
        if outcome.reference_failed() {
            return Judgement::ReferenceFail;
        }
        let reason = expectations
            .reason(&outcome.trial.key())
            .map(str::to_string);
        match (outcome.ferrolua.status, reason) {
            (SideStatus::Panic, _) => Judgement::Panic,
            (SideStatus::Pass, None) => Judgement::Pass,
            (SideStatus::Pass, Some(reason)) => Judgement::UnexpectedPass(reason),
            (_, Some(reason)) => Judgement::ExpectedFail(reason),
            (_, None) => Judgement::Fail,
        }
    }

    /// Whether this is what the expectations say: a pass or an expected failure.
    pub fn is_expected(&self) -> bool {
        matches!(self, Judgement::Pass | Judgement::ExpectedFail(_))
    }

    /// The judgement's label in summaries.
    pub fn label(&self) -> &'static str {
        match self {
            Judgement::Pass => "pass",
            Judgement::ExpectedFail(_) => "expected failure",
            Judgement::Fail => "unexpected failure",
            Judgement::Panic => "panic",
            Judgement::UnexpectedPass(_) => "unexpected pass",
            Judgement::ReferenceFail => "reference failure",
        }
    }

    /// The outcome in one line, as `conform suite` prints it: ferrolua's status, the trial, the
    /// time, the first failure, and what the expectations say about it.
    pub fn line(&self, outcome: &TrialOutcome) -> String {
        let ferrolua = &outcome.ferrolua;
        let trial = format!(
            "{:<15} {:<9}",
            outcome.trial.file,
            outcome.trial.mode.name()
        );
        if let Judgement::ReferenceFail = self {
            return format!(
                "REFERENCE-FAIL {trial} {:>8}  {} (the harness runs this file wrongly: PUC \
                 Lua must pass it)",
                outcome.reference.time(),
                outcome.reference.failure().unwrap_or_default()
            );
        }
        let mut line = format!(
            "{:<7} {trial} {:>8}",
            ferrolua.status.label(),
            ferrolua.time()
        );
        if let Some(failure) = ferrolua.failure() {
            line.push_str("  ");
            line.push_str(&one_line(&failure));
        }
        match self {
            Judgement::ExpectedFail(reason) => line.push_str(&format!("  [expected: {reason}]")),
            Judgement::Fail => line.push_str("  [UNEXPECTED FAILURE]"),
            Judgement::Panic => line.push_str("  [PANIC]"),
            Judgement::UnexpectedPass(reason) => line.push_str(&format!(
                "  [UNEXPECTED PASS: remove {} = {} from lua53-tests/expectations.toml]",
                toml_string(&outcome.trial.key()),
                toml_string(reason)
            )),
            Judgement::Pass | Judgement::ReferenceFail => {}
        }
        if outcome.reference.status == SideStatus::Unconfirmed {
            line.push_str(&format!(
                "  (reference not confirmed: {})",
                outcome.reference.message.as_deref().unwrap_or_default()
            ));
        }
        line
    }

    /// The explanation of a result the expectations do not predict, for test failures; `None`
    /// when the result is as expected.
    pub fn failure_message(&self, outcome: &TrialOutcome) -> Option<String> {
        let key = toml_string(&outcome.trial.key());
        let ferrolua = &outcome.ferrolua;
        let message = match self {
            Judgement::Pass | Judgement::ExpectedFail(_) => return None,
            Judgement::UnexpectedPass(reason) => format!(
                "unexpected pass: {} now passes in ferrolua; remove its entry {key} = {} from \
                 lua53-tests/expectations.toml",
                outcome.trial,
                toml_string(reason)
            ),
            Judgement::Fail => format!(
                "{} {} in ferrolua after {}: {}\nfix it, or list it in \
                 lua53-tests/expectations.toml as {key} = \"<the missing feature>\"",
                outcome.trial,
                ferrolua.status.label(),
                ferrolua.time(),
                ferrolua.failure().unwrap_or_default()
            ),
            Judgement::Panic => format!(
                "{} PANIC in ferrolua (a panic fails the gate even when the trial is listed): {}",
                outcome.trial,
                ferrolua.failure().unwrap_or_default()
            ),
            Judgement::ReferenceFail => format!(
                "{} fails in the reference (PUC Lua 5.3.6): {} {}\nthe harness runs this file \
                 wrongly; see REFERENCE-NOTES.md",
                outcome.trial,
                outcome.reference.status.label(),
                outcome.reference.failure().unwrap_or_default()
            ),
        };
        let tail = match self {
            Judgement::ReferenceFail => &outcome.reference.output_tail,
            _ => &ferrolua.output_tail,
        };
        Some(if tail.is_empty() {
            message
        } else {
            format!("{message}\nlast output:\n{tail}")
        })
    }
}

/// Text on one line: newlines and tabs shown as spaces, cut at 200 characters.
fn one_line(text: &str) -> String {
    const MAX_CHARS: usize = 200;
    let flat = text.replace(['\n', '\t', '\r'], " ");
    if flat.chars().count() <= MAX_CHARS {
        flat
    } else {
        format!("{}...", flat.chars().take(MAX_CHARS).collect::<String>())
    }
}

/// Entries of the expectations file that name no trial of `trials`.
pub fn stale_entries<'a>(expectations: &'a Expectations, trials: &[Trial]) -> Vec<&'a str> {
    expectations
        .entries
        .keys()
        .filter(|key| !trials.iter().any(|trial| trial.key() == **key))
        .map(String::as_str)
        .collect()
}

/// The expectations a run says are right: entries of still-failing trials keep their reason,
/// new failures get their first failure as the reason, passing trials are dropped; entries of
/// trials that were not run, or whose reference failed, are kept.
pub fn updated_expectations(outcomes: &[TrialOutcome], old: &Expectations) -> Expectations {
    let mut entries = old.entries.clone();
    for outcome in outcomes
        .iter()
        .filter(|outcome| !outcome.reference_failed())
    {
        let key = outcome.trial.key();
        if outcome.ferrolua.status == SideStatus::Pass {
            entries.remove(&key);
        } else {
            entries.entry(key).or_insert_with(|| {
                format!(
                    "{}: {}",
                    outcome.ferrolua.status.label(),
                    one_line(&outcome.ferrolua.failure().unwrap_or_default())
                )
            });
        }
    }
    Expectations { entries }
}

/// A run of the suite, judged against the expectations.
#[derive(Clone, Debug)]
pub struct SuiteRun {
    /// Each trial's outcome, in trial order.
    pub outcomes: Vec<TrialOutcome>,
    /// Each outcome's judgement, in the same order.
    pub judgements: Vec<Judgement>,
    /// Entries of the expectations file that name no trial of the suite.
    pub stale_entries: Vec<String>,
}

impl SuiteRun {
    /// Judges `outcomes`; `all_trials` is the whole suite, which decides which entries are
    /// stale even when only some trials ran.
    pub fn new(
        outcomes: Vec<TrialOutcome>,
        expectations: &Expectations,
        all_trials: &[Trial],
    ) -> SuiteRun {
        let judgements = outcomes
            .iter()
            .map(|outcome| Judgement::of(outcome, expectations))
            .collect();
        let stale_entries = stale_entries(expectations, all_trials)
            .into_iter()
            .map(str::to_string)
            .collect();
        SuiteRun {
            outcomes,
            judgements,
            stale_entries,
        }
    }

    /// The counts.
    pub fn summary(&self) -> SuiteSummary {
        SuiteSummary::of(self.outcomes.iter().zip(&self.judgements))
    }

    /// Whether everything is as the expectations say, with no stale entry.
    pub fn as_expected(&self) -> bool {
        self.judgements.iter().all(Judgement::is_expected) && self.stale_entries.is_empty()
    }
}

/// Counts of a suite run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuiteSummary {
    /// Trials run.
    pub trials: usize,
    /// Trials ferrolua passes.
    pub passed: usize,
    /// Trials ferrolua does not pass (failures, timeouts and panics).
    pub failed: usize,
    /// Of the failed, the ones that timed out.
    pub timeouts: usize,
    /// Of the failed, the ones listed in the expectations.
    pub expected_failures: usize,
    /// Of the failed, the unlisted ones that are not panics.
    pub unexpected_failures: usize,
    /// Of the failed, the panics.
    pub panics: usize,
    /// Of the passed, the listed ones.
    pub unexpected_passes: usize,
    /// Trials the reference failed; counted apart, as neither passed nor failed.
    pub reference_failures: usize,
}

impl SuiteSummary {
    /// Counts outcomes and their judgements.
    pub fn of<'a>(
        results: impl IntoIterator<Item = (&'a TrialOutcome, &'a Judgement)>,
    ) -> SuiteSummary {
        let mut summary = SuiteSummary::default();
        for (outcome, judgement) in results {
            summary.trials += 1;
            match judgement {
                Judgement::ReferenceFail => {
                    summary.reference_failures += 1;
                    continue;
                }
                Judgement::Pass => summary.passed += 1,
                Judgement::UnexpectedPass(_) => {
                    summary.passed += 1;
                    summary.unexpected_passes += 1;
                }
                Judgement::ExpectedFail(_) => {
                    summary.failed += 1;
                    summary.expected_failures += 1;
                }
                Judgement::Fail => {
                    summary.failed += 1;
                    summary.unexpected_failures += 1;
                }
                Judgement::Panic => {
                    summary.failed += 1;
                    summary.panics += 1;
                }
            }
            if outcome.ferrolua.status == SideStatus::Timeout {
                summary.timeouts += 1;
            }
        }
        summary
    }
}

impl fmt::Display for SuiteSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} passed, {} failed ({} expected failures, {} unexpected failures, {} panics, \
             {} timeouts; {} unexpected passes, {} reference failures)",
            self.passed,
            self.failed,
            self.expected_failures,
            self.unexpected_failures,
            self.panics,
            self.timeouts,
            self.unexpected_passes,
            self.reference_failures
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{Judgement, Mode, SideResult, SideStatus, Trial, TrialOutcome};
    use crate::expectations::Expectations;

    fn outcome(reference: SideStatus, ferrolua: SideStatus) -> TrialOutcome {
        TrialOutcome {
            trial: Trial {
                file: "calls.lua".to_string(),
                mode: Mode::SoftPort,
            },
            reference: SideResult::new(reference, 10),
            ferrolua: SideResult::with_message(ferrolua, 20, "calls.lua:3: boom"),
        }
    }

    #[test]
    fn expectations_decide_the_judgement_but_never_excuse_a_panic() {
        let mut expectations = Expectations::default();
        let pass = outcome(SideStatus::Pass, SideStatus::Pass);
        let fail = outcome(SideStatus::Pass, SideStatus::Fail);
        let panic = outcome(SideStatus::Pass, SideStatus::Panic);
        assert_eq!(Judgement::of(&pass, &expectations), Judgement::Pass);
        assert_eq!(Judgement::of(&fail, &expectations), Judgement::Fail);
        expectations
            .entries
            .insert("calls.lua|soft-port".to_string(), "known".to_string());
        assert_eq!(
            Judgement::of(&fail, &expectations),
            Judgement::ExpectedFail("known".to_string())
        );
        assert_eq!(
            Judgement::of(&pass, &expectations),
            Judgement::UnexpectedPass("known".to_string())
        );
        assert_eq!(Judgement::of(&panic, &expectations), Judgement::Panic);
        let reference_fails = outcome(SideStatus::Fail, SideStatus::Pass);
        assert_eq!(
            Judgement::of(&reference_fails, &expectations),
            Judgement::ReferenceFail
        );
        let unconfirmed = outcome(SideStatus::Unconfirmed, SideStatus::Fail);
        assert_eq!(
            Judgement::of(&unconfirmed, &expectations),
            Judgement::ExpectedFail("known".to_string())
        );
        let message = Judgement::of(&pass, &expectations)
            .failure_message(&pass)
            .expect("an unexpected pass fails the gate");
        assert!(
            message.contains("remove its entry \"calls.lua|soft-port\" = \"known\""),
            "{message}"
        );
    }

    #[test]
    fn modes_round_trip() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.name()), Some(mode));
        }
        assert_eq!(
            Trial {
                file: "all.lua".to_string(),
                mode: Mode::User
            }
            .key(),
            "all.lua|user"
        );
    }
}
