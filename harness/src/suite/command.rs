//! `conform suite`: the official suite run, printed one line per trial and judged, with the
//! expectations file rewritten on request.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Judgement, Mode, SuiteRun, SuiteRunner};
use crate::expectations::Expectations;

/// What `conform suite` was asked to do.
#[derive(Clone, Debug)]
pub struct SuiteOptions {
    /// The official suite's folder.
    pub suite_dir: PathBuf,
    /// The expectations file.
    pub expectations: PathBuf,
    /// Only this mode's trials, if given.
    pub mode: Option<Mode>,
    /// Only these files' trials, if any are given.
    pub files: Vec<String>,
    /// Leave out the PASS lines.
    pub failures_only: bool,
    /// Rewrite the expectations file from the run.
    pub update_expectations: bool,
}

/// Runs the trials that match `mode` and `files` in both engines, with progress on stderr, and
/// judges them against the expectations file, which it also returns.
pub fn suite_run(
    suite_dir: &Path,
    expectations_path: &Path,
    mode: Option<Mode>,
    files: &[String],
) -> io::Result<(SuiteRun, Expectations)> {
    let all_trials = super::trials(suite_dir)?;
    let trials = super::select(all_trials.clone(), mode, files);
    if trials.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no trial of the suite matches the mode and files given",
        ));
    }
    let expectations = Expectations::load(expectations_path)?;
    let runner = SuiteRunner::new(suite_dir, std::env::current_exe()?)?;
    if runner.lua53().is_none()
        && trials
            .iter()
            .any(|trial| trial.file == super::MAIN_FILE && trial.mode == Mode::Default)
    {
        eprintln!(
            "conform: no lua5.3 on PATH: main.lua in default mode is not confirmed on the \
             reference (it needs a standalone PUC interpreter as arg[-1])"
        );
    }
    let outcomes = runner.run_all(&trials, true);
    Ok((
        SuiteRun::new(outcomes, &expectations, &all_trials),
        expectations,
    ))
}

/// `conform suite`: prints a line per trial, the stale entries and the summary; exits with 1
/// when anything is not as the expectations say.
pub fn run(options: &SuiteOptions) -> io::Result<ExitCode> {
    let (run, expectations) = suite_run(
        &options.suite_dir,
        &options.expectations,
        options.mode,
        &options.files,
    )?;
    for (outcome, judgement) in run.outcomes.iter().zip(&run.judgements) {
        if !(options.failures_only && *judgement == Judgement::Pass) {
            println!("{}", judgement.line(outcome));
        }
    }
    for entry in &run.stale_entries {
        println!(
            "STALE {entry}: listed in {} but no such trial exists; remove the entry",
            options.expectations.display()
        );
    }
    println!("{}", run.summary());
    if options.update_expectations {
        let mut updated = super::updated_expectations(&run.outcomes, &expectations);
        for entry in &run.stale_entries {
            updated.entries.remove(entry);
        }
        fs::write(
            &options.expectations,
            updated.render_with_header(super::EXPECTATIONS_HEADER),
        )?;
        println!(
            "wrote {} ({} entries, {} before)",
            options.expectations.display(),
            updated.entries.len(),
            expectations.entries.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    Ok(if run.as_expected() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
