//! The language corpus check: every `*.lua` file under `corpus/lang/`, `corpus/stdlib/`,
//! `corpus/coroutine/` and `corpus/gc/` ([`crate::corpus::RUN_FOLDERS`]) run in both engines,
//! and what a Lua user sees compared field by field.
//!
//! Each case runs in a fresh state of each engine, as [`crate::engine`] runs chunks: inside
//! `xpcall` with the shared message handler, `print` captured, within the instruction budget.
//! Status, printed output, returned values, error message and traceback are compared
//! separately, so a traceback difference never hides a wrong result. Known failures are listed
//! in `corpus/lang/expectations.toml` ([`crate::expectations`]); a listed case must keep failing.

use std::fmt;
use std::io;

use rayon::prelude::*;
use similar::TextDiff;

use crate::corpus::{Case, Progress, RUN_FOLDERS};
use crate::engine::{Engine, FerroluaEngine, Observation, ReferenceEngine, Status};
use crate::expectations::{toml_string, Expectations};
use crate::show::quoted;

/// One part of an [`Observation`], compared on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// How the run ended.
    Status,
    /// The error message.
    Error,
    /// What `print` wrote.
    Output,
    /// The returned values, through `tostring`.
    Results,
    /// The traceback of an uncaught error.
    Traceback,
}

impl Field {
    /// Every field, in the order differences are shown: the most telling first.
    pub const ALL: [Field; 5] = [
        Field::Status,
        Field::Error,
        Field::Output,
        Field::Results,
        Field::Traceback,
    ];

    /// The field's name in messages and reports.
    pub fn name(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Error => "error",
            Field::Output => "output",
            Field::Results => "results",
            Field::Traceback => "traceback",
        }
    }

    /// The field of an observation as text to diff: one line per printed line, result or
    /// traceback line.
    fn text(self, observation: &Observation) -> String {
        match self {
            Field::Status => format!("{}\n", observation.status.as_str()),
            Field::Error => optional_text(observation.error.as_deref()),
            Field::Output => lines_text(&observation.output),
            Field::Results => observation
                .results
                .iter()
                .map(|result| format!("{}\n", quoted(result)))
                .collect(),
            Field::Traceback => optional_text(observation.traceback.as_deref()),
        }
    }

    fn differs(self, reference: &Observation, ferrolua: &Observation) -> bool {
        match self {
            Field::Status => reference.status != ferrolua.status,
            Field::Error => reference.error != ferrolua.error,
            Field::Output => reference.output != ferrolua.output,
            Field::Results => reference.results != ferrolua.results,
            Field::Traceback => reference.traceback != ferrolua.traceback,
        }
    }
}

/// An error message or traceback as diffable text. These never end with a newline, so one is
/// added, which keeps "no newline at end of file" markers out of the diff.
fn optional_text(bytes: Option<&[u8]>) -> String {
    match bytes {
        None => "(none)\n".to_string(),
        Some(bytes) => {
            let mut text = lines_text(bytes);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text
        }
    }
}

/// Bytes as diffable text: as they are when they are UTF-8 without control characters other
/// than tabs and newlines, else each line as a quoted Lua literal, so that two different byte
/// strings never render alike.
fn lines_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text)
            if !text
                .chars()
                .any(|ch| ch.is_control() && ch != '\n' && ch != '\t') =>
        {
            text.to_string()
        }
        _ => bytes
            .split(|&byte| byte == b'\n')
            .map(|line| format!("{}\n", quoted(line)))
            .collect(),
    }
}

/// Both engines' observations of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangOutcome {
    /// The case.
    pub case: Case,
    /// What PUC Lua did.
    pub reference: Observation,
    /// What ferrolua did.
    pub ferrolua: Observation,
}

/// How many lines of diff a field shows at most.
const MAX_DIFF_LINES: usize = 40;

impl LangOutcome {
    /// The case's path relative to `corpus/`, as the expectations file names it: its name,
    /// such as `lang/ops/x.lua` or `gc/weak/values.lua`.
    pub fn path(&self) -> &str {
        &self.case.name
    }

    /// The fields in which the engines differ, most telling first.
    pub fn differing_fields(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|field| field.differs(&self.reference, &self.ferrolua))
            .collect()
    }

    /// Whether the engines agree on every field. A panic never agrees.
    pub fn passes(&self) -> bool {
        self.panic().is_none()
            && self.reference.status != Status::Panicked
            && self.differing_fields().is_empty()
    }

    /// What differs, in words: `output differs`, `status, error differ`, `ferrolua panicked`.
    pub fn difference_summary(&self) -> String {
        if self.panic().is_some() {
            return "ferrolua panicked".to_string();
        }
        let fields = self
            .differing_fields()
            .iter()
            .map(|field| field.name())
            .collect::<Vec<_>>();
        match fields.len() {
            0 => "nothing differs".to_string(),
            1 => format!("{} differs", fields[0]),
            _ => format!("{} differ", fields.join(", ")),
        }
    }

    /// ferrolua's panic message, if it panicked.
    pub fn panic(&self) -> Option<String> {
        (self.ferrolua.status == Status::Panicked).then(|| {
            String::from_utf8_lossy(self.ferrolua.error.as_deref().unwrap_or_default()).into_owned()
        })
    }

    /// A compact unified diff of each differing field, reference first.
    pub fn diff(&self) -> String {
        let mut out = String::new();
        for field in self.differing_fields() {
            let expected = field.text(&self.reference);
            let actual = field.text(&self.ferrolua);
            let diff = TextDiff::from_lines(&expected, &actual);
            let unified = diff
                .unified_diff()
                .context_radius(2)
                .header(
                    &format!("{} (reference)", field.name()),
                    &format!("{} (ferrolua)", field.name()),
                )
                .to_string();
            let lines = unified.lines().collect::<Vec<_>>();
            for line in lines.iter().take(MAX_DIFF_LINES) {
                out.push_str(line);
                out.push('\n');
            }
            if lines.len() > MAX_DIFF_LINES {
                out.push_str(&format!(
                    "... ({} more diff lines)\n",
                    lines.len() - MAX_DIFF_LINES
                ));
            }
        }
        out
    }

    /// A one-line guess at why the case fails, from its first differing field, for new
    /// entries of the expectations file.
    pub fn inferred_reason(&self) -> String {
        if let Some(message) = self.panic() {
            return format!("ferrolua panics: {}", first_line(message.as_bytes()));
        }
        let (reference, ferrolua) = (&self.reference, &self.ferrolua);
        let Some(&field) = self.differing_fields().first() else {
            return "passes".to_string();
        };
        match field {
            Field::Status => match (reference.status, ferrolua.status) {
                (_, Status::RuntimeError) => format!(
                    "ferrolua raises {} where the reference's run ends {}",
                    short_message(ferrolua.error.as_deref()),
                    end_of(reference)
                ),
                (_, Status::OutOfBudget) => format!(
                    "ferrolua runs out of its instruction budget where the reference's run ends {}",
                    end_of(reference)
                ),
                (Status::RuntimeError, _) => format!(
                    "ferrolua raises no error where the reference raises {}",
                    short_message(reference.error.as_deref())
                ),
                (expected, got) => format!(
                    "status differs: reference {}, ferrolua {}",
                    expected.as_str(),
                    got.as_str()
                ),
            },
            Field::Error => format!(
                "error message differs: reference {}, ferrolua {}",
                short_message(reference.error.as_deref()),
                short_message(ferrolua.error.as_deref())
            ),
            Field::Output => {
                let (expected, got) = first_difference(&reference.output, &ferrolua.output);
                format!("output differs: reference {expected}, ferrolua {got}")
            }
            Field::Results => format!(
                "results differ: reference {}, ferrolua {}",
                shown_results(&reference.results),
                shown_results(&ferrolua.results)
            ),
            Field::Traceback => {
                let (expected, got) = first_difference(
                    reference.traceback.as_deref().unwrap_or_default(),
                    ferrolua.traceback.as_deref().unwrap_or_default(),
                );
                format!("traceback differs: reference {expected}, ferrolua {got}")
            }
        }
    }
}

/// How a run ended, for reasons: `normally` or `with "message"`.
fn end_of(observation: &Observation) -> String {
    match observation.status {
        Status::Ok => "normally".to_string(),
        _ => format!("with {}", short_message(observation.error.as_deref())),
    }
}

/// A message's first line, without the `chunk:line: ` position, quoted and shortened.
fn short_message(message: Option<&[u8]>) -> String {
    let Some(message) = message else {
        return "no message".to_string();
    };
    let line = first_line(message);
    let without_position = RUN_FOLDERS
        .iter()
        .find_map(|folder| line.strip_prefix(folder)?.strip_prefix('/'))
        .and_then(|rest| rest.split_once(": "))
        .map_or(line.as_str(), |(_, message)| message);
    excerpt(without_position.as_bytes())
}

/// Bytes for a one-line reason: between backticks, tabs shown as spaces, shortened; as a
/// quoted literal if they hold other control characters or are not UTF-8.
fn excerpt(bytes: &[u8]) -> String {
    let spaced = bytes
        .iter()
        .map(|&byte| if byte == b'\t' { b' ' } else { byte })
        .collect::<Vec<_>>();
    match std::str::from_utf8(&spaced) {
        Ok(text) if !text.chars().any(char::is_control) => format!("`{}`", shortened(text)),
        _ => shortened(&quoted(bytes)),
    }
}

fn first_line(bytes: &[u8]) -> String {
    let line = bytes
        .split(|&byte| byte == b'\n')
        .next()
        .unwrap_or_default();
    String::from_utf8_lossy(line).into_owned()
}

/// The first line where two texts differ, each side quoted, or `(end)` where one side is over.
fn first_difference(expected: &[u8], got: &[u8]) -> (String, String) {
    let (a, b) = crate::show::first_differing_lines(expected, got);
    let show = |line: Option<&[u8]>| line.map_or_else(|| "(end)".to_string(), excerpt);
    (show(a), show(b))
}

fn shown_results(results: &[Vec<u8>]) -> String {
    let shown = results
        .iter()
        .map(|result| excerpt(result))
        .collect::<Vec<_>>()
        .join(", ");
    format!("({shown})")
}

fn shortened(text: &str) -> String {
    const MAX_CHARS: usize = 100;
    if text.chars().count() <= MAX_CHARS {
        text.to_string()
    } else {
        let cut = text.chars().take(MAX_CHARS).collect::<String>();
        format!("{cut}...")
    }
}

/// Runs one case in both engines, each in a fresh state.
pub fn run_case(case: &Case) -> io::Result<LangOutcome> {
    let source = case.source()?;
    let reference = ReferenceEngine::default().run(&source, &case.chunk_name);
    let ferrolua = FerroluaEngine::new().run(&source, &case.chunk_name);
    Ok(LangOutcome {
        case: case.clone(),
        reference,
        ferrolua,
    })
}

/// Runs every case, in parallel. Outcomes come back in the order of `cases`.
pub fn run_all(cases: &[Case], show_progress: bool) -> io::Result<Vec<LangOutcome>> {
    let progress = Progress::new(cases.len(), show_progress);
    let outcomes = cases
        .par_iter()
        .map(|case| {
            let outcome = run_case(case);
            progress.tick();
            outcome
        })
        .collect::<io::Result<Vec<_>>>();
    progress.finish();
    outcomes
}

/// What a case's outcome means, given the expectations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// The engines agree and the case is not listed.
    Pass,
    /// The engines disagree and the case is listed, with this reason.
    ExpectedFail(String),
    /// The engines disagree and the case is not listed.
    Fail,
    /// ferrolua panicked and the case is not listed.
    Panic(String),
    /// The engines agree but the case is listed, with this reason: remove the entry.
    UnexpectedPass(String),
}

impl Judgement {
    /// Judges an outcome against the expectations.
    pub fn of(outcome: &LangOutcome, expectations: &Expectations) -> Judgement {
        let reason = expectations.reason(outcome.path()).map(str::to_string);
        match (outcome.passes(), reason) {
            (true, None) => Judgement::Pass,
            (true, Some(reason)) => Judgement::UnexpectedPass(reason),
            (false, Some(reason)) => Judgement::ExpectedFail(reason),
            (false, None) => match outcome.panic() {
                Some(message) => Judgement::Panic(message),
                None => Judgement::Fail,
            },
        }
    }

    /// Whether this result is what the expectations say: a pass or an expected failure.
    pub fn is_expected(&self) -> bool {
        matches!(self, Judgement::Pass | Judgement::ExpectedFail(_))
    }

    /// The label `conform lang` prints.
    pub fn label(&self) -> &'static str {
        match self {
            Judgement::Pass => "PASS",
            Judgement::ExpectedFail(_) => "EXPECTED-FAIL",
            Judgement::Fail => "FAIL",
            Judgement::Panic(_) => "PANIC",
            Judgement::UnexpectedPass(_) => "UNEXPECTED-PASS",
        }
    }

    /// The outcome in one line: label, case and what is wrong.
    pub fn line(&self, outcome: &LangOutcome) -> String {
        let name = &outcome.case.name;
        match self {
            Judgement::Pass => format!("PASS {name}"),
            Judgement::ExpectedFail(reason) => format!("EXPECTED-FAIL {name}: {reason}"),
            Judgement::Fail => format!("FAIL {name}: {}", outcome.difference_summary()),
            Judgement::Panic(message) => {
                format!("PANIC {name}: {}", first_line(message.as_bytes()))
            }
            Judgement::UnexpectedPass(reason) => format!(
                "UNEXPECTED-PASS {name}: it passes now; remove its entry ({}) from \
                 corpus/lang/expectations.toml",
                toml_string(reason)
            ),
        }
    }

    /// The explanation of an unexpected result, for test failures: what to do, and the diff.
    pub fn failure_message(&self, outcome: &LangOutcome) -> Option<String> {
        match self {
            Judgement::Pass | Judgement::ExpectedFail(_) => None,
            Judgement::UnexpectedPass(reason) => Some(format!(
                "unexpected pass: {} now agrees with the reference; remove its entry \
                 {} = {} from corpus/lang/expectations.toml",
                outcome.case.name,
                toml_string(outcome.path()),
                toml_string(reason)
            )),
            Judgement::Fail | Judgement::Panic(_) => Some(format!(
                "{} disagrees with the reference ({}); fix it, or list it in \
                 corpus/lang/expectations.toml as {} = {}\n{}",
                outcome.case.name,
                match outcome.panic() {
                    Some(message) => format!("ferrolua panicked: {message}"),
                    None => outcome.difference_summary(),
                },
                toml_string(outcome.path()),
                toml_string(&outcome.inferred_reason()),
                outcome.diff()
            )),
        }
    }
}

/// Entries of the expectations file that name no case.
pub fn stale_entries<'a>(expectations: &'a Expectations, cases: &[Case]) -> Vec<&'a str> {
    expectations
        .entries
        .keys()
        .filter(|path| !cases.iter().any(|case| case.name == path.as_str()))
        .map(String::as_str)
        .collect()
}

/// The expectations a run says are right: entries of still-failing cases keep their reason,
/// new failures get an inferred one, passing cases are dropped. Entries for cases outside
/// `outcomes` are kept if `keep_others`, as when only some cases were run.
pub fn updated_expectations(
    outcomes: &[LangOutcome],
    old: &Expectations,
    keep_others: bool,
) -> Expectations {
    let mut entries = if keep_others {
        old.entries.clone()
    } else {
        Default::default()
    };
    for outcome in outcomes {
        let path = outcome.path().to_string();
        if outcome.passes() {
            entries.remove(&path);
        } else {
            let reason = old
                .reason(&path)
                .map_or_else(|| outcome.inferred_reason(), str::to_string);
            entries.insert(path, reason);
        }
    }
    Expectations { entries }
}

/// A whole run of the language corpus, judged against the expectations.
#[derive(Clone, Debug)]
pub struct LangRun {
    /// Each case's outcome, in case order.
    pub outcomes: Vec<LangOutcome>,
    /// Each outcome's judgement, in the same order.
    pub judgements: Vec<Judgement>,
    /// Entries of the expectations file that name no case of the corpus.
    pub stale_entries: Vec<String>,
}

impl LangRun {
    /// Judges `outcomes` against `expectations`; `all_cases` is the whole corpus, which decides
    /// which entries are stale even when only some cases were run.
    pub fn new(
        outcomes: Vec<LangOutcome>,
        expectations: &Expectations,
        all_cases: &[Case],
    ) -> LangRun {
        let judgements = outcomes
            .iter()
            .map(|outcome| Judgement::of(outcome, expectations))
            .collect();
        let stale_entries = stale_entries(expectations, all_cases)
            .into_iter()
            .map(str::to_string)
            .collect();
        LangRun {
            outcomes,
            judgements,
            stale_entries,
        }
    }

    /// The counts.
    pub fn summary(&self) -> LangSummary {
        LangSummary::of(&self.judgements)
    }

    /// Whether everything is as the expectations say, with no stale entry.
    pub fn as_expected(&self) -> bool {
        self.summary().as_expected() && self.stale_entries.is_empty()
    }

    /// The outcomes and judgements of the cases that do not pass, in case order.
    pub fn failures(&self) -> impl Iterator<Item = (&LangOutcome, &Judgement)> {
        self.outcomes
            .iter()
            .zip(&self.judgements)
            .filter(|(_, judgement)| !matches!(judgement, Judgement::Pass))
    }
}

/// Counts of a run of the language corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangSummary {
    /// Cases run.
    pub cases: usize,
    /// Cases that agree and are not listed.
    pub pass: usize,
    /// Listed cases that fail.
    pub expected_fail: usize,
    /// Unlisted cases that fail without a panic.
    pub fail: usize,
    /// Unlisted cases where ferrolua panicked.
    pub panic: usize,
    /// Listed cases that pass.
    pub unexpected_pass: usize,
}

impl LangSummary {
    /// Counts judgements.
    pub fn of<'a>(judgements: impl IntoIterator<Item = &'a Judgement>) -> LangSummary {
        let mut summary = LangSummary::default();
        for judgement in judgements {
            summary.cases += 1;
            match judgement {
                Judgement::Pass => summary.pass += 1,
                Judgement::ExpectedFail(_) => summary.expected_fail += 1,
                Judgement::Fail => summary.fail += 1,
                Judgement::Panic(_) => summary.panic += 1,
                Judgement::UnexpectedPass(_) => summary.unexpected_pass += 1,
            }
        }
        summary
    }

    /// Whether every case did what the expectations say.
    pub fn as_expected(&self) -> bool {
        self.fail == 0 && self.panic == 0 && self.unexpected_pass == 0
    }
}

impl fmt::Display for LangSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} cases, {} pass, {} expected failures, {} unexpected failures, {} panics, \
             {} unexpected passes",
            self.cases, self.pass, self.expected_fail, self.fail, self.panic, self.unexpected_pass
        )
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Judgement, LangOutcome};
    use crate::corpus::{Case, CaseKind};
    use crate::engine::{Observation, Status};
    use crate::expectations::Expectations;

    fn outcome(reference: Observation, ferrolua: Observation) -> LangOutcome {
        LangOutcome {
            case: Case {
                kind: CaseKind::Lang,
                name: "lang/ops/x.lua".to_string(),
                path: PathBuf::from("x.lua"),
                chunk_name: b"@lang/ops/x.lua".to_vec(),
            },
            reference,
            ferrolua,
        }
    }

    fn printed(output: &str) -> Observation {
        Observation {
            output: output.as_bytes().to_vec(),
            ..Observation::empty(Status::Ok)
        }
    }

    #[test]
    fn fields_are_compared_and_diffed_separately() {
        let failing = outcome(printed("a\nb\nc\n"), printed("a\nB\nc\n"));
        assert_eq!(failing.differing_fields(), vec![super::Field::Output]);
        let diff = failing.diff();
        assert!(
            diff.contains("--- output (reference)\n+++ output (ferrolua)\n"),
            "{diff}"
        );
        assert!(diff.contains("-b\n+B\n"), "{diff}");
        assert_eq!(
            failing.inferred_reason(),
            "output differs: reference `b`, ferrolua `B`"
        );
    }

    #[test]
    fn expectations_decide_the_judgement() {
        let mut expectations = Expectations::default();
        let passing = outcome(printed("a\n"), printed("a\n"));
        let failing = outcome(printed("a\n"), printed("b\n"));
        assert_eq!(Judgement::of(&passing, &expectations), Judgement::Pass);
        assert_eq!(Judgement::of(&failing, &expectations), Judgement::Fail);
        expectations
            .entries
            .insert("lang/ops/x.lua".to_string(), "known".to_string());
        assert_eq!(
            Judgement::of(&failing, &expectations),
            Judgement::ExpectedFail("known".to_string())
        );
        let judgement = Judgement::of(&passing, &expectations);
        assert_eq!(judgement, Judgement::UnexpectedPass("known".to_string()));
        assert!(judgement
            .failure_message(&passing)
            .expect("an unexpected pass fails")
            .starts_with(
                "unexpected pass: lang/ops/x.lua now agrees with the reference; remove its entry"
            ));
    }

    #[test]
    fn runtime_errors_are_explained_without_their_position() {
        let raised = Observation {
            error: Some(b"lang/ops/x.lua:3: attempt to call a nil value (field 'format')".to_vec()),
            ..Observation::empty(Status::RuntimeError)
        };
        let failing = outcome(printed("ok\n"), raised);
        assert_eq!(
            failing.inferred_reason(),
            "ferrolua raises `attempt to call a nil value (field 'format')` where the \
             reference's run ends normally"
        );
    }

    #[test]
    fn positions_of_every_run_folder_are_left_out() {
        for (message, shown) in [
            ("gc/weak/x.lua:3: boom", "`boom`"),
            ("stdlib/string/x.lua:1: bad", "`bad`"),
            ("coroutine/x.lua:2: dead", "`dead`"),
            ("other/x.lua:2: kept", "`other/x.lua:2: kept`"),
        ] {
            assert_eq!(super::short_message(Some(message.as_bytes())), shown);
        }
    }
}
