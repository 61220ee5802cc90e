//! `conform`: the command-line front end of the conformance harness.
//!
//! `conform corpus` checks syntax conformance, `conform bench --front-end` times the compiler
//! against PUC Lua's, and `conform report` runs everything and writes `reports/latest/`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ferrolua_harness::bench::{self, FrontEndBench};
use ferrolua_harness::corpus::{self, CaseKind, Outcome, Summary};
use ferrolua_harness::paths;
use ferrolua_harness::report::Report;

/// Conformance harness: checks ferrolua against PUC-Rio Lua 5.3.6.
#[derive(Debug, Parser)]
#[command(name = "conform", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compiles corpus/syntax/**/*.lua and the official suite in both engines and compares
    /// the verdicts; exits with 1 when any case disagrees.
    Corpus {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Times ferrolua against the reference on the official suite.
    Bench {
        /// Times the front end: compiling each suite file, nothing else.
        #[arg(long)]
        front_end: bool,
        /// Timed compilations per file and engine.
        #[arg(long, default_value_t = 20)]
        iterations: u32,
        /// The official suite's folder [default: $LUA53_TESTS, else ../shared/lua53-tests].
        #[arg(long)]
        suite: Option<PathBuf>,
    },
    /// Runs every check that exists and writes report.md and report.json.
    Report {
        #[command(flatten)]
        inputs: Inputs,
        /// Where to write the report.
        #[arg(long, default_value_os_t = paths::latest_report_dir())]
        out: PathBuf,
        /// Timed compilations per file and engine in the front-end benchmark.
        #[arg(long, default_value_t = 20)]
        iterations: u32,
    },
}

#[derive(Debug, clap::Args)]
struct Inputs {
    /// The case corpus; its syntax/ folder is checked [default: corpus/ in the workspace].
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// The official suite's folder [default: $LUA53_TESTS, else ../shared/lua53-tests].
    #[arg(long)]
    suite: Option<PathBuf>,
}

impl Inputs {
    fn corpus_dir(&self) -> PathBuf {
        self.corpus.clone().unwrap_or_else(paths::corpus_dir)
    }

    fn suite_dir(&self) -> PathBuf {
        self.suite.clone().unwrap_or_else(paths::suite_dir)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Corpus { inputs } => run_corpus(&inputs),
        Command::Bench {
            front_end,
            iterations,
            suite,
        } => {
            if front_end {
                run_bench(&suite.unwrap_or_else(paths::suite_dir), iterations)
                    .map(|_| ExitCode::SUCCESS)
            } else {
                Err(io::Error::other(
                    "say what to benchmark: --front-end is the only benchmark so far",
                ))
            }
        }
        Command::Report {
            inputs,
            out,
            iterations,
        } => run_report(&inputs, &out, iterations),
    };
    result.unwrap_or_else(|error| {
        eprintln!("conform: {error}");
        ExitCode::from(2)
    })
}

fn run_corpus(inputs: &Inputs) -> io::Result<ExitCode> {
    let outcomes = check(inputs)?;
    for outcome in outcomes.iter().filter(|outcome| !outcome.agrees()) {
        println!("DISAGREE {}", outcome.describe());
    }
    print_summaries(&outcomes);
    let all = Summary::of(&outcomes, None);
    Ok(if all.disagree == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn check(inputs: &Inputs) -> io::Result<Vec<Outcome>> {
    let mut cases = corpus::syntax_cases(&inputs.corpus_dir())?;
    cases.extend(corpus::suite_cases(&inputs.suite_dir())?);
    corpus::check_all(&cases, true)
}

fn print_summaries(outcomes: &[Outcome]) {
    println!(
        "corpus/syntax: {}",
        Summary::of(outcomes, Some(CaseKind::Syntax))
    );
    println!(
        "official suite: {}",
        Summary::of(outcomes, Some(CaseKind::Suite))
    );
    println!("{}", Summary::of(outcomes, None));
}

fn run_bench(suite_dir: &Path, iterations: u32) -> io::Result<FrontEndBench> {
    if bench::build_profile() == "debug" {
        eprintln!("conform: warning: this is a debug build; for meaningful timings use `cargo run --release`");
    }
    println!("machine: {}", bench::machine());
    println!("front end, median of {iterations} compilations per file and engine:");
    let bench = bench::front_end(suite_dir, iterations, |timing| {
        println!("{}", bench::file_line(timing))
    })?;
    if let Some(total) = bench.total_ratio() {
        println!(
            "total time ratio over {} files: {total:.2}",
            bench.comparable_files()
        );
    }
    println!("{}", bench.summary_line());
    Ok(bench)
}

fn run_report(inputs: &Inputs, out: &Path, iterations: u32) -> io::Result<ExitCode> {
    let outcomes = check(inputs)?;
    print_summaries(&outcomes);
    let bench = run_bench(&inputs.suite_dir(), iterations)?;
    let report = Report::new(outcomes, Some(bench), &paths::workspace_root());
    report.write(out)?;
    println!(
        "wrote {} and {}",
        out.join("report.md").display(),
        out.join("report.json").display()
    );
    Ok(ExitCode::SUCCESS)
}
