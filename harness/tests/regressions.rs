//! The regression corpus and the program generator as tests: one trial per
//! `corpus/regressions/*.lua` file, replayed in both engines and judged against
//! `corpus/regressions/expectations.toml`; one trial that checks that file; and one that checks
//! the generator still makes programs the reference accepts and runs.

use std::process::ExitCode;
use std::sync::Arc;

use ferrolua_harness::diff::{budget, CHUNK_NAME};
use ferrolua_harness::engine::{Engine, ReferenceEngine, Status};
use ferrolua_harness::expectations::Expectations;
use ferrolua_harness::gen::{generate_from_seed, Features};
use ferrolua_harness::{paths, regressions};
use libtest_mimic::{Arguments, Failed, Trial};

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    let mut trials = regression_trials();
    trials.push(Trial::test(
        "gen/programs_are_valid_lua_that_ends",
        generated_programs_are_valid,
    ));
    libtest_mimic::run(&arguments, trials).exit_code()
}

fn regression_trials() -> Vec<Trial> {
    let corpus_dir = paths::corpus_dir();
    let cases = match regressions::cases(&corpus_dir) {
        Ok(cases) => cases,
        Err(error) => {
            return vec![Trial::test("regressions/(unreadable)", move || {
                Err(error.to_string().into())
            })]
        }
    };
    let expectations = match Expectations::load(&regressions::expectations_path(&corpus_dir)) {
        Ok(expectations) => Arc::new(expectations),
        Err(error) => {
            return vec![Trial::test("regressions/expectations.toml", move || {
                Err(error.to_string().into())
            })]
        }
    };
    let stale = regressions::stale_entries(&expectations, &cases);
    let mut trials = vec![Trial::test("regressions/expectations.toml", move || {
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "corpus/regressions/expectations.toml lists cases that do not exist; remove: {}",
                stale.join(", ")
            )
            .into())
        }
    })];
    trials.extend(cases.into_iter().map(|case| {
        let expectations = Arc::clone(&expectations);
        Trial::test(case.name.clone(), move || {
            regressions::check(&case, &expectations).map_err(Failed::from)
        })
    }));
    trials
}

/// The first 300 programs of the default profile all compile on the reference and end within
/// the budget, and most of them run to their end.
fn generated_programs_are_valid() -> Result<(), Failed> {
    let count = 300;
    let mut valid = 0;
    for seed in 0..count {
        let program = generate_from_seed(seed, Features::default());
        let run = ReferenceEngine::new(budget()).run(program.source.as_bytes(), CHUNK_NAME);
        match run.status {
            Status::Ok => valid += 1,
            Status::RuntimeError => {}
            other => {
                return Err(format!(
                    "seed {seed}: the reference's run ends with {} ({:?})\n{}",
                    other.as_str(),
                    run.error,
                    program.source
                )
                .into())
            }
        }
    }
    if valid * 10 < count * 7 {
        return Err(format!("only {valid} of {count} generated programs are valid").into());
    }
    Ok(())
}
