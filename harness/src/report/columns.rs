//! The third engine column of the report: the language corpus and the official suite run
//! through a standalone interpreter (`conform report --engine lua5.3`), beside ferrolua and
//! the embedded reference.
//!
//! Language-corpus cases run through [`StandaloneEngine`], which observes them as the harness
//! observes the embedded engines, and are compared with the embedded reference field by field.
//! Suite files run as the suite's authors run them: `lua5.3 -e "<preamble>" file.lua` in a
//! scratch copy of the suite, passing when the interpreter exits with status 0.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::Report;
use crate::engine::standalone::{run_to_end, LUA_VARIABLES};
use crate::engine::{Observation, StandaloneEngine};
use crate::json::Json;
use crate::lang::LangRun;
use crate::suite::child::BIG_DRIVER_SOURCE;
use crate::suite::{Trial, BIG_FILE};

/// What the standalone interpreter did with the corpus and the suite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneRuns {
    /// The name it was asked for, such as `lua5.3`.
    pub engine: String,
    /// The executable.
    pub program: PathBuf,
    /// Its `-v` banner, such as `Lua 5.3.6  Copyright (C) 1994-2020 Lua.org, PUC-Rio`.
    pub version: String,
    /// One entry per language-corpus case, in the corpus run's order.
    pub lang: Vec<StandaloneCase>,
    /// One entry per suite trial, when the suite was run.
    pub suite: Vec<StandaloneTrial>,
}

impl StandaloneRuns {
    /// The runs as a Markdown section: counts, then every case and trial that does not agree.
    pub fn markdown(&self) -> String {
        let mut md = format!(
            "\n## Third engine: {} ({})\n\n`conform report --engine {}` ran the language corpus \
             and the official suite in `{}` too. A case agrees when its observation equals the \
             embedded reference's; a suite trial passes when the interpreter exits with status 0.\n\n",
            self.engine,
            self.version,
            self.engine,
            self.program.display()
        );
        let agree = self.lang.iter().filter(|case| case.agrees()).count();
        let passed = self.suite.iter().filter(|trial| trial.passed).count();
        md.push_str(&format!(
            "- corpus/lang: {agree} of {} cases agree with the embedded reference\n- official \
             suite: {passed} of {} trials pass\n",
            self.lang.len(),
            self.suite.len()
        ));
        for case in self.lang.iter().filter(|case| !case.agrees()) {
            md.push_str(&format!(
                "- `{}`: {} differ\n",
                case.case,
                case.differing.join(", ")
            ));
        }
        for trial in self.suite.iter().filter(|trial| !trial.passed) {
            md.push_str(&format!(
                "- `{}` [{}]: {}\n",
                trial.file,
                trial.mode,
                trial
                    .failure
                    .as_deref()
                    .unwrap_or_default()
                    .replace('|', "\\|")
            ));
        }
        md
    }

    /// The runs as JSON.
    pub fn json(&self) -> Json {
        Json::object([
            ("engine", Json::str(&self.engine)),
            ("program", Json::str(self.program.display().to_string())),
            ("version", Json::str(&self.version)),
            (
                "lang",
                Json::object([
                    ("cases", Json::Int(self.lang.len() as i64)),
                    (
                        "agree",
                        Json::Int(self.lang.iter().filter(|case| case.agrees()).count() as i64),
                    ),
                    (
                        "differing_cases",
                        Json::Array(
                            self.lang
                                .iter()
                                .filter(|case| !case.agrees())
                                .map(|case| {
                                    Json::object([
                                        ("case", Json::str(&case.case)),
                                        (
                                            "differing_fields",
                                            Json::Array(
                                                case.differing
                                                    .iter()
                                                    .map(|field| Json::str(*field))
                                                    .collect(),
                                            ),
                                        ),
                                    ])
                                })
                                .collect(),
                        ),
                    ),
                ]),
            ),
            (
                "suite",
                Json::Array(
                    self.suite
                        .iter()
                        .map(|trial| {
                            Json::object([
                                ("file", Json::str(&trial.file)),
                                ("mode", Json::str(&trial.mode)),
                                ("passed", Json::Bool(trial.passed)),
                                (
                                    "failure",
                                    trial.failure.as_deref().map_or(Json::Null, Json::str),
                                ),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    }
}

/// One language-corpus case in the standalone interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneCase {
    /// The case's name, `lang/<path>`.
    pub case: String,
    /// What the interpreter did.
    pub observation: Observation,
    /// The fields in which it differs from the embedded reference, most telling first.
    pub differing: Vec<&'static str>,
}

impl StandaloneCase {
    /// Whether the interpreter agrees with the embedded reference on every field.
    pub fn agrees(&self) -> bool {
        self.differing.is_empty()
    }
}

/// One suite file in one mode, run by the standalone interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneTrial {
    /// The file, such as `calls.lua`.
    pub file: String,
    /// The mode, as the suite runner names it: `soft-port`, `default` or `user`.
    pub mode: String,
    /// Whether the interpreter exited with status 0.
    pub passed: bool,
    /// The last line of its standard error when it did not pass, or `timeout`.
    pub failure: Option<String>,
    /// How long it ran.
    pub millis: u64,
}

/// How long one suite file may run in the standalone interpreter.
const SUITE_TIMEOUT: Duration = Duration::from_secs(300);

/// Adds what `conform report` measures beyond the checks it shares with the other commands:
/// the standard-library table (probed in every engine) and, when a standalone interpreter is
/// given, its column for the language corpus and the official suite in `suite_dir`. Prints a
/// summary line for each.
pub fn add_to(
    report: &mut Report,
    standalone: Option<&StandaloneEngine>,
    suite_dir: &Path,
) -> io::Result<()> {
    let stdlib = crate::stdlib_table::probe(standalone);
    let counts = stdlib.ferrolua_counts(None);
    println!(
        "standard library: {} functions, {} implemented, {} differ, {} missing",
        stdlib.rows.len(),
        counts.implemented,
        counts.differs,
        counts.missing
    );
    if let (Some(name), Some(counts)) = (&stdlib.standalone, stdlib.standalone_counts()) {
        println!(
            "standard library in {name}: {} implemented, {} differ, {} missing",
            counts.implemented, counts.differs, counts.missing
        );
    }
    report.stdlib = Some(stdlib);
    if let Some(engine) = standalone {
        let suite = suite_dir.is_dir().then_some(suite_dir);
        let runs = run(engine, report.lang.as_ref(), suite)?;
        println!(
            "{}: corpus/lang {} of {} cases agree with the reference; suite {} of {} trials pass",
            runs.engine,
            runs.lang.iter().filter(|case| case.agrees()).count(),
            runs.lang.len(),
            runs.suite.iter().filter(|trial| trial.passed).count(),
            runs.suite.len()
        );
        report.standalone = Some(runs);
    }
    Ok(())
}

/// Runs the language corpus's cases (those of `lang`) and, when `suite_dir` is given, every
/// suite trial through `engine`.
pub fn run(
    engine: &StandaloneEngine,
    lang: Option<&LangRun>,
    suite_dir: Option<&Path>,
) -> io::Result<StandaloneRuns> {
    let version = Command::new(engine.program())
        .arg("-v")
        .output()
        .map(|output| {
            let text = if output.stdout.is_empty() {
                output.stderr
            } else {
                output.stdout
            };
            String::from_utf8_lossy(&text).trim().to_string()
        })
        .unwrap_or_default();
    let lang = match lang {
        Some(lang) => run_lang(engine, lang)?,
        None => Vec::new(),
    };
    let suite = match suite_dir {
        Some(dir) => run_suite(engine.program(), dir)?,
        None => Vec::new(),
    };
    Ok(StandaloneRuns {
        engine: engine.label().to_string(),
        program: engine.program().to_path_buf(),
        version,
        lang,
        suite,
    })
}

/// Runs every case of a corpus run through the interpreter, in parallel.
pub fn run_lang(engine: &StandaloneEngine, lang: &LangRun) -> io::Result<Vec<StandaloneCase>> {
    lang.outcomes
        .par_iter()
        .map(|outcome| {
            let source = outcome.case.source()?;
            let observation = engine.observe(&source, &outcome.case.chunk_name);
            Ok(StandaloneCase {
                case: outcome.case.name.clone(),
                differing: differing_fields(&outcome.reference, &observation),
                observation,
            })
        })
        .collect()
}

/// The fields in which two observations differ, in the language corpus's order.
pub fn differing_fields(reference: &Observation, other: &Observation) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if reference.status != other.status {
        fields.push("status");
    }
    if reference.error != other.error {
        fields.push("error");
    }
    if reference.output != other.output {
        fields.push("output");
    }
    if reference.results != other.results {
        fields.push("results");
    }
    if reference.traceback != other.traceback {
        fields.push("traceback");
    }
    fields
}

/// Runs every suite trial through the interpreter, each in its own scratch copy of the suite,
/// two at a time at most (files of the suite are heavy on memory).
pub fn run_suite(program: &Path, suite_dir: &Path) -> io::Result<Vec<StandaloneTrial>> {
    let trials = crate::suite::trials(suite_dir)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .map_err(io::Error::other)?;
    pool.install(|| {
        trials
            .par_iter()
            .map(|trial| run_trial(program, suite_dir, trial))
            .collect()
    })
}

fn run_trial(program: &Path, suite_dir: &Path, trial: &Trial) -> io::Result<StandaloneTrial> {
    let (file, mode) = (trial.file.as_str(), trial.mode.name());
    let scratch = std::env::temp_dir().join(format!(
        "conform-standalone-suite-{}-{}-{}",
        std::process::id(),
        mode,
        file.trim_end_matches(".lua")
    ));
    let _ = fs::remove_dir_all(&scratch);
    copy_dir(suite_dir, &scratch)?;
    // The empty folder attrib.lua writes into, which copies of the suite may lack.
    fs::create_dir_all(scratch.join("libs").join("P1"))?;
    let mut command = Command::new(program);
    command.arg("-e").arg(trial.mode.preamble());
    if file == BIG_FILE {
        // big.lua must run inside a coroutine, as all.lua runs it.
        command.arg("-e").arg(BIG_DRIVER_SOURCE);
    } else {
        command.arg(file);
    }
    for variable in LUA_VARIABLES {
        command.env_remove(variable);
    }
    // Standard input is a pipe closed at once, as the suite runner gives it: files.lua checks
    // that seeking it fails, which it would not on /dev/null.
    let started = Instant::now();
    let finished = run_to_end(command.current_dir(&scratch), SUITE_TIMEOUT)?;
    let millis = started.elapsed().as_millis() as u64;
    let _ = fs::remove_dir_all(&scratch);
    // lua.c prefixes its messages with the program name as it was invoked: the full path.
    let prefix = format!("{}: ", program.display());
    let last_line = String::from_utf8_lossy(&finished.stderr)
        .lines()
        .rev()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('\t'))
        .find(|line| *line != "stack traceback:")
        .map(|line| line.strip_prefix(&prefix).unwrap_or(line).to_string());
    let (passed, failure) = match finished.exit {
        None => (false, Some("timeout".to_string())),
        Some(status) if status.success() => (true, None),
        Some(status) => (
            false,
            Some(last_line.unwrap_or_else(|| format!("exited with {status}"))),
        ),
    };
    Ok(StandaloneTrial {
        file: file.to_string(),
        mode: mode.to_string(),
        passed,
        failure,
        millis,
    })
}

/// Copies a folder recursively, empty folders included (attrib.lua needs `libs/P1`).
fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::differing_fields;
    use crate::engine::{Observation, Status};

    #[test]
    fn fields_are_compared_separately() {
        let reference = Observation {
            output: b"1\n".to_vec(),
            traceback: Some(b"tb".to_vec()),
            ..Observation::empty(Status::RuntimeError)
        };
        let other = Observation {
            output: b"1\n".to_vec(),
            traceback: Some(b"tb2".to_vec()),
            ..Observation::empty(Status::RuntimeError)
        };
        assert_eq!(differing_fields(&reference, &other), vec!["traceback"]);
        assert!(differing_fields(&reference, &reference).is_empty());
    }
}
