//! The syntax conformance check: every case compiled by both engines, verdicts compared.
//!
//! Two sets of cases are checked. `corpus/syntax/**/*.lua` holds small programs, most of them
//! erroneous on purpose: both engines must accept, or both reject with byte-identical messages.
//! The official suite's `*.lua` files are valid programs: ferrolua must accept every one and agree
//! with the reference. Files are read as `luaL_loadfile` reads them, through
//! [`ferrolua::compiler::skip_file_prefix`], and named `@` + their path, as it names them.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::engine::{panic_message, Engine, FerroluaEngine, ReferenceEngine};
use crate::show::quoted;

/// Where a case comes from, which decides what counts as agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseKind {
    /// A `corpus/syntax/` file: the engines must agree.
    Syntax,
    /// An official suite file: ferrolua must accept it, and the engines must agree.
    Suite,
    /// A file of one of the [`RUN_FOLDERS`] (`corpus/lang/`, `corpus/gc/`, ...): run in both
    /// engines, observations compared (see [`crate::lang`]).
    Lang,
}

/// One file to compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Where the case comes from.
    pub kind: CaseKind,
    /// The name reports use: `syntax/goto/undefined.lua`, `lang/ops/eq-basic.lua`,
    /// `gc/ephemeron/chain.lua` or `suite/all.lua`.
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// The chunk name both engines compile it under, such as `@syntax/goto/undefined.lua`.
    pub chunk_name: Vec<u8>,
}

impl Case {
    /// The source as `luaL_loadfile` hands it to the parser.
    pub fn source(&self) -> io::Result<Vec<u8>> {
        let contents = fs::read(&self.path).map_err(|error| {
            io::Error::new(error.kind(), format!("{}: {error}", self.path.display()))
        })?;
        Ok(ferrolua::compiler::skip_file_prefix(&contents).to_vec())
    }
}

/// Every `*.lua` file under `corpus_dir/syntax/`, in name order, named relative to `corpus_dir`.
/// A missing `syntax/` folder is an empty corpus.
pub fn syntax_cases(corpus_dir: &Path) -> io::Result<Vec<Case>> {
    cases_under(corpus_dir, "syntax", CaseKind::Syntax)
}

/// The folders of `corpus/` whose programs are run in both engines and compared (see
/// [`crate::lang`]): the language, the standard library, coroutines and the garbage collector.
pub const RUN_FOLDERS: [&str; 4] = ["lang", "stdlib", "coroutine", "gc"];

/// Every `*.lua` file under the [`RUN_FOLDERS`] of `corpus_dir`, in name order, named relative
/// to `corpus_dir` (`lang/ops/eq-basic.lua`, chunk name `@lang/ops/eq-basic.lua`;
/// `gc/ephemeron/chain.lua`). A missing folder holds no cases.
pub fn lang_cases(corpus_dir: &Path) -> io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for folder in RUN_FOLDERS {
        cases.extend(cases_under(corpus_dir, folder, CaseKind::Lang)?);
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

fn cases_under(corpus_dir: &Path, folder: &str, kind: CaseKind) -> io::Result<Vec<Case>> {
    let mut files = Vec::new();
    let dir = corpus_dir.join(folder);
    if dir.is_dir() {
        collect_lua_files(&dir, true, &mut files)?;
    }
    let mut cases = files
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(corpus_dir)
                .expect("found under the corpus folder");
            let name = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Case {
                kind,
                chunk_name: format!("@{name}").into_bytes(),
                name,
                path,
            }
        })
        .collect::<Vec<_>>();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Every `*.lua` file directly in the official suite's folder, in name order, named as the suite
/// names them when run from its own folder (`@all.lua`).
pub fn suite_cases(suite_dir: &Path) -> io::Result<Vec<Case>> {
    if !suite_dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            crate::paths::suite_missing_help(suite_dir),
        ));
    }
    let mut files = Vec::new();
    collect_lua_files(suite_dir, false, &mut files)?;
    let mut cases = files
        .into_iter()
        .map(|path| {
            let file_name = path
                .file_name()
                .expect("a file has a name")
                .to_string_lossy()
                .into_owned();
            Case {
                kind: CaseKind::Suite,
                name: format!("suite/{file_name}"),
                chunk_name: format!("@{file_name}").into_bytes(),
                path,
            }
        })
        .collect::<Vec<_>>();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    if cases.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            crate::paths::suite_missing_help(suite_dir),
        ));
    }
    Ok(cases)
}

fn collect_lua_files(dir: &Path, recursive: bool, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = fs::read_dir(dir)
        .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", dir.display())))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            if recursive {
                collect_lua_files(&path, recursive, files)?;
            }
        } else if path.extension().is_some_and(|extension| extension == "lua") {
            files.push(path);
        }
    }
    Ok(())
}

/// What one engine made of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The chunk compiled, to this binary chunk (as `string.dump` writes it).
    Accepts(Vec<u8>),
    /// The chunk did not compile, with this message.
    Rejects(Vec<u8>),
    /// The engine panicked, with this panic message. Never agrees with anything.
    Panics(String),
}

impl Verdict {
    /// The verdict in words, with the message quoted.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Accepts(chunk) => format!("accepts ({} bytes of bytecode)", chunk.len()),
            Verdict::Rejects(message) => format!("rejects with {}", quoted(message)),
            Verdict::Panics(message) => format!("panics: {message}"),
        }
    }
}

/// Both engines' verdicts on one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The case.
    pub case: Case,
    /// PUC Lua's verdict.
    pub reference: Verdict,
    /// ferrolua's verdict.
    pub ferrolua: Verdict,
}

impl Outcome {
    /// Why the verdicts count as a disagreement, or `None` when they agree.
    pub fn problem(&self) -> Option<&'static str> {
        if matches!(self.ferrolua, Verdict::Panics(_)) {
            return Some("ferrolua panicked");
        }
        if matches!(self.reference, Verdict::Panics(_)) {
            return Some("the reference engine panicked");
        }
        if self.case.kind == CaseKind::Suite && !matches!(self.ferrolua, Verdict::Accepts(_)) {
            return Some("ferrolua rejects an official suite file");
        }
        match (&self.reference, &self.ferrolua) {
            (Verdict::Accepts(expected), Verdict::Accepts(actual)) if expected != actual => {
                Some("the compiled code differs")
            }
            (reference, ferrolua) if reference != ferrolua => Some("the verdicts differ"),
            _ => None,
        }
    }

    /// Whether the engines agree.
    pub fn agrees(&self) -> bool {
        self.problem().is_none()
    }

    /// The outcome on one line, with both verdicts: `name: problem; reference ...; ferrolua ...`.
    pub fn describe(&self) -> String {
        format!(
            "{}: {}; reference {}; ferrolua {}",
            self.case.name,
            self.problem().unwrap_or("the engines agree"),
            self.reference.describe(),
            self.ferrolua.describe()
        )
    }
}

/// Compiles one source in both engines. A panic in either engine becomes its verdict.
pub fn compare(
    reference: &mut ReferenceEngine,
    ferrolua: &mut FerroluaEngine,
    source: &[u8],
    chunk_name: &[u8],
) -> (Verdict, Verdict) {
    (
        verdict_of(reference, source, chunk_name),
        verdict_of(ferrolua, source, chunk_name),
    )
}

/// One engine's verdict on a source, with panics caught.
pub fn verdict_of(engine: &mut dyn Engine, source: &[u8], chunk_name: &[u8]) -> Verdict {
    match panic::catch_unwind(AssertUnwindSafe(|| engine.compile(source, chunk_name))) {
        Ok(result) => verdict_of_result(result),
        Err(payload) => Verdict::Panics(panic_message(payload.as_ref())),
    }
}

/// The verdict an engine's `compile` result stands for.
pub fn verdict_of_result(result: Result<Vec<u8>, Vec<u8>>) -> Verdict {
    match result {
        Ok(chunk) => Verdict::Accepts(chunk),
        Err(message) => Verdict::Rejects(message),
    }
}

/// Checks one case.
pub fn check_case(
    reference: &mut ReferenceEngine,
    ferrolua: &mut FerroluaEngine,
    case: &Case,
) -> io::Result<Outcome> {
    let source = case.source()?;
    let (reference, ferrolua) = compare(reference, ferrolua, &source, &case.chunk_name);
    Ok(Outcome {
        case: case.clone(),
        reference,
        ferrolua,
    })
}

/// Checks every case, in parallel, with one pair of engines per worker. Outcomes come back in
/// the order of `cases`.
pub fn check_all(cases: &[Case], show_progress: bool) -> io::Result<Vec<Outcome>> {
    let progress = Progress::new(cases.len(), show_progress);
    let outcomes = cases
        .par_iter()
        .map_init(
            || (ReferenceEngine::default(), FerroluaEngine::new()),
            |(reference, ferrolua), case| {
                let outcome = check_case(reference, ferrolua, case);
                progress.tick();
                outcome
            },
        )
        .collect::<io::Result<Vec<_>>>();
    progress.finish();
    outcomes
}

/// Counts of a check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Cases checked.
    pub cases: usize,
    /// Cases where the engines agree.
    pub agree: usize,
    /// Cases where they do not.
    pub disagree: usize,
}

impl Summary {
    /// Counts the outcomes of one kind of case, or of all when `kind` is `None`.
    pub fn of(outcomes: &[Outcome], kind: Option<CaseKind>) -> Summary {
        let mut summary = Summary::default();
        for outcome in outcomes
            .iter()
            .filter(|outcome| kind.is_none_or(|kind| outcome.case.kind == kind))
        {
            summary.cases += 1;
            if outcome.agrees() {
                summary.agree += 1;
            } else {
                summary.disagree += 1;
            }
        }
        summary
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cases, {} agree, {} disagree",
            self.cases, self.agree, self.disagree
        )
    }
}

/// A progress counter on stderr, silent for runs shorter than [`Progress::QUIET_FOR`]: then a
/// self-rewriting line on a terminal, else a line at every tenth of the cases.
pub(crate) struct Progress {
    total: usize,
    done: AtomicUsize,
    enabled: bool,
    terminal: bool,
    started: Instant,
    last_shown: Mutex<Option<Instant>>,
}

impl Progress {
    /// How long a run goes before it starts reporting progress.
    const QUIET_FOR: Duration = Duration::from_secs(2);

    pub(crate) fn new(total: usize, enabled: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            enabled,
            terminal: io::stderr().is_terminal(),
            started: Instant::now(),
            last_shown: Mutex::new(None),
        }
    }

    pub(crate) fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.enabled || self.started.elapsed() < Progress::QUIET_FOR {
            return;
        }
        let mut last_shown = self
            .last_shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let due = if self.terminal {
            last_shown.is_none_or(|shown| shown.elapsed() >= Duration::from_millis(100))
                || done == self.total
        } else {
            let step = (self.total / 10).max(1);
            last_shown.is_none() || done % step == 0
        };
        if due {
            *last_shown = Some(Instant::now());
            if self.terminal {
                let _ = write!(io::stderr(), "\rchecked {done}/{}", self.total);
            } else {
                let _ = writeln!(io::stderr(), "checked {done}/{}", self.total);
            }
        }
    }

    pub(crate) fn finish(&self) {
        let shown = self
            .last_shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .is_some();
        if shown && self.terminal {
            let _ = writeln!(io::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Case, CaseKind, Outcome, Summary, Verdict};

    fn outcome(kind: CaseKind, reference: Verdict, ferrolua: Verdict) -> Outcome {
        let case = Case {
            kind,
            name: "case.lua".to_string(),
            path: PathBuf::from("case.lua"),
            chunk_name: b"@case.lua".to_vec(),
        };
        Outcome {
            case,
            reference,
            ferrolua,
        }
    }

    fn rejects(message: &str) -> Verdict {
        Verdict::Rejects(message.as_bytes().to_vec())
    }

    #[test]
    fn corpus_cases_agree_only_on_identical_verdicts() {
        use CaseKind::Syntax;
        assert!(outcome(
            Syntax,
            Verdict::Accepts(Vec::new()),
            Verdict::Accepts(Vec::new())
        )
        .agrees());
        assert!(outcome(Syntax, rejects("a:1: x"), rejects("a:1: x")).agrees());
        assert!(!outcome(Syntax, rejects("a:1: x"), rejects("a:1: y")).agrees());
        assert!(!outcome(Syntax, rejects("a:1: x"), Verdict::Accepts(Vec::new())).agrees());
        assert!(!outcome(Syntax, Verdict::Accepts(Vec::new()), rejects("a:1: x")).agrees());
        let panicked = outcome(
            Syntax,
            Verdict::Accepts(Vec::new()),
            Verdict::Panics("boom".to_string()),
        );
        assert_eq!(panicked.problem(), Some("ferrolua panicked"));
    }

    #[test]
    fn suite_files_must_be_accepted() {
        let both_reject = outcome(CaseKind::Suite, rejects("a:1: x"), rejects("a:1: x"));
        assert_eq!(
            both_reject.problem(),
            Some("ferrolua rejects an official suite file")
        );
        assert!(outcome(
            CaseKind::Suite,
            Verdict::Accepts(Vec::new()),
            Verdict::Accepts(Vec::new())
        )
        .agrees());
    }

    #[test]
    fn descriptions_show_both_messages_on_one_line() {
        let line = outcome(CaseKind::Syntax, rejects("a:1: x"), rejects("a:2: x")).describe();
        assert_eq!(line, "case.lua: the verdicts differ; reference rejects with \"a:1: x\"; ferrolua rejects with \"a:2: x\"");
    }

    #[test]
    fn summaries_count_by_kind() {
        let outcomes = [
            outcome(
                CaseKind::Syntax,
                Verdict::Accepts(Vec::new()),
                Verdict::Accepts(Vec::new()),
            ),
            outcome(CaseKind::Syntax, Verdict::Accepts(Vec::new()), rejects("x")),
            outcome(
                CaseKind::Suite,
                Verdict::Accepts(Vec::new()),
                Verdict::Accepts(Vec::new()),
            ),
        ];
        assert_eq!(
            Summary::of(&outcomes, Some(CaseKind::Syntax)),
            Summary {
                cases: 2,
                agree: 1,
                disagree: 1
            }
        );
        assert_eq!(
            Summary::of(&outcomes, None).to_string(),
            "3 cases, 2 agree, 1 disagree"
        );
    }
}
