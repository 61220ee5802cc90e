//! The official-suite gate as tests: one trial per suite file and mode (`soft-port` and
//! `default`), plus all.lua with `_U = true`, each run in PUC Lua 5.3.6 and in ferrolua and
//! judged against `lua53-tests/expectations.toml`; plus one trial that checks that every entry
//! of that file names a trial.
//!
//! A trial fails when the reference fails it (the harness runs the file wrongly), when ferrolua
//! fails it and it is not listed, when ferrolua passes it and it is listed (remove the entry),
//! and whenever ferrolua panics. The trials use the same library code as `conform suite`: each
//! engine's run is a `conform run-trial` child process working in one scratch copy of the suite,
//! made the first time a trial runs and removed at the end.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use ferrolua_harness::expectations::Expectations;
use ferrolua_harness::paths;
use ferrolua_harness::suite::{
    self, Judgement, Mode, SideStatus, SuiteRunner, Trial as SuiteTrial,
};
use libtest_mimic::{Arguments, Failed, Trial};

/// The runner, created on first use so that listing or filtering out the trials costs nothing.
#[derive(Debug, Default)]
struct LazyRunner {
    runner: OnceLock<Result<SuiteRunner, String>>,
}

impl LazyRunner {
    fn get(&self) -> Result<&SuiteRunner, Failed> {
        self.runner
            .get_or_init(|| {
                let conform = PathBuf::from(env!("CARGO_BIN_EXE_conform"));
                let runner = SuiteRunner::new(&paths::suite_dir(), conform)
                    .map_err(|error| error.to_string())?;
                if runner.lua53().is_none() {
                    eprintln!(
                        "note: no lua5.3 on PATH: main.lua in default mode is judged on \
                         ferrolua alone, unconfirmed on the reference"
                    );
                }
                Ok(runner)
            })
            .as_ref()
            .map_err(|error| Failed::from(error.as_str()))
    }
}

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    let trials = match suite::trials(&paths::suite_dir()) {
        Ok(trials) => trials,
        Err(error) => {
            let trial = Trial::test("official/(suite not found)", move || {
                Err(error.to_string().into())
            });
            return libtest_mimic::run(&arguments, vec![trial]).exit_code();
        }
    };
    let expectations_path = suite::expectations_path();
    let expectations = match Expectations::load(&expectations_path) {
        Ok(expectations) => Arc::new(expectations),
        Err(error) => {
            let trial = Trial::test("official/expectations.toml", move || {
                Err(error.to_string().into())
            });
            return libtest_mimic::run(&arguments, vec![trial]).exit_code();
        }
    };
    let stale = suite::stale_entries(&expectations, &trials)
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let mut tests = vec![Trial::test("official/expectations.toml", move || {
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "lua53-tests/expectations.toml lists trials that do not exist; remove: {}",
                stale.join(", ")
            )
            .into())
        }
    })];
    // The default-mode trials first: they hold the slowest runs, which then overlap the rest.
    let mut ordered = trials;
    ordered.sort_by_key(|trial| (trial.mode != Mode::Default, trial.mode, trial.file.clone()));
    let runner = Arc::new(LazyRunner::default());
    tests.extend(ordered.into_iter().map(|trial| {
        let runner = Arc::clone(&runner);
        let expectations = Arc::clone(&expectations);
        let name = format!("official/{}/{}", trial.mode, trial.file);
        Trial::test(name, move || run_trial(&runner, &expectations, &trial))
    }));
    let conclusion = libtest_mimic::run(&arguments, tests);
    // The trials are gone, so this drops the runner, which removes the scratch copy.
    drop(runner);
    conclusion.exit_code()
}

fn run_trial(
    runner: &LazyRunner,
    expectations: &Expectations,
    trial: &SuiteTrial,
) -> Result<(), Failed> {
    let outcome = runner.get()?.run_trial(trial);
    let judgement = Judgement::of(&outcome, expectations);
    if outcome.reference.status == SideStatus::Unconfirmed && judgement.is_expected() {
        eprintln!("note: {}", judgement.line(&outcome));
    }
    match judgement.failure_message(&outcome) {
        None => Ok(()),
        Some(message) => Err(message.into()),
    }
}
