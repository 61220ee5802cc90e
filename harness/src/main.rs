//! `conform`: the command-line front end of the conformance harness.
//!
//! `conform corpus` checks syntax conformance, `conform lang` runs the language corpus in both
//! engines, `conform bench` times programs (and `--front-end` the compiler) against PUC Lua's,
//! `conform suite` runs the official test suite in both engines, and `conform report` runs
//! everything and writes `reports/latest/`. The hidden `conform run-trial` is the child process
//! `conform suite` starts for each engine's run of each suite trial. `conform diff` runs
//! generated programs in both engines (through the hidden `conform diff-worker` child),
//! `conform repro` shows one, and `conform shrink` minimizes a divergence.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use ferrolua_harness::bench::memory::{self, MemoryBench};
use ferrolua_harness::bench::programs::{self, ProgramBench};
use ferrolua_harness::bench::{self, FrontEndBench};
use ferrolua_harness::corpus::{self, CaseKind, Outcome, Summary};
use ferrolua_harness::engine::StandaloneEngine;
use ferrolua_harness::expectations::Expectations;
use ferrolua_harness::lang::{self, Judgement, LangRun};
use ferrolua_harness::paths;
use ferrolua_harness::report::{self, Report};
use ferrolua_harness::suite::child::ChildOptions;
use ferrolua_harness::suite::command::SuiteOptions;
use ferrolua_harness::suite::{self, EngineKind, Mode};

/// Conformance harness: checks ferrolua against PUC-Rio Lua 5.3.6.
#[derive(Debug, Parser)]
#[command(name = "conform", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generates random programs from seeds, runs each in both engines and reports divergences
    /// by tier (T0 panics, T1 status/output/results, T2 error messages, T3 tracebacks); exits
    /// with 1 when anything diverges.
    Diff(ferrolua_harness::diff::cli::DiffArgs),
    /// Prints the program of a seed and both engines' observations, with a diff of each
    /// differing field.
    Repro(ferrolua_harness::diff::cli::ReproArgs),
    /// Reduces a diverging program (a seed or a file) while the same divergence holds, and
    /// writes it to corpus/regressions/.
    Shrink(ferrolua_harness::diff::cli::ShrinkArgs),
    /// The worker process of `conform diff` (internal).
    #[command(hide = true)]
    DiffWorker(ferrolua_harness::diff::cli::WorkerArgs),
    /// Compiles corpus/syntax/**/*.lua and the official suite in both engines and compares
    /// the verdicts; exits with 1 when any case disagrees.
    Corpus {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Runs corpus/{lang,stdlib,coroutine,gc}/**/*.lua in both engines and compares status,
    /// output, results, error message and traceback; exits with 1 on any result the
    /// expectations file does not predict.
    Lang {
        /// Only the cases whose name (the path relative to the corpus, such as lang/ops/x.lua or
        /// gc/weak/x.lua) contains this text.
        filter: Option<String>,
        /// The case corpus, whose lang/, stdlib/, coroutine/ and gc/ folders are run [default:
        /// corpus/ in the workspace].
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// The known failures [default: <corpus>/lang/expectations.toml].
        #[arg(long)]
        expectations: Option<PathBuf>,
        /// Shows a unified diff of each differing field under each failing case.
        #[arg(long)]
        diff: bool,
        /// Leaves out the PASS lines: only the other cases and the summary.
        #[arg(long)]
        failures_only: bool,
        /// Rewrites the expectations file from this run: drops passing cases, adds failing
        /// ones with an inferred reason, keeps the reasons of the rest.
        #[arg(long)]
        update_expectations: bool,
    },
    /// Times ferrolua against the reference on the whole programs of corpus/bench/ and measures
    /// their peak heap (with corpus/bench/memory/); the compiler on the official suite with
    /// --front-end.
    Bench {
        /// Times the front end: compiling each suite file, nothing else.
        #[arg(long)]
        front_end: bool,
        /// Timed compilations per file and engine (--front-end).
        #[arg(long, default_value_t = 20)]
        iterations: u32,
        /// The official suite's folder (--front-end) [default: $LUA53_TESTS, else
        /// ../shared/lua53-tests].
        #[arg(long)]
        suite: Option<PathBuf>,
        /// Runs per program and engine, timed and sampled for memory; the median is reported.
        #[arg(long, default_value_t = 3)]
        runs: u32,
        /// The case corpus, whose bench/ folder holds the programs [default: corpus/ in the
        /// workspace].
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Measures only the peak heap of each program (corpus/bench/memory/*.lua and
        /// corpus/bench/*.lua), without timing them.
        #[arg(long, conflicts_with = "front_end")]
        memory: bool,
        /// Times the programs without measuring their peak heap.
        #[arg(long, conflicts_with_all = ["front_end", "memory"])]
        no_memory: bool,
        /// Only the programs whose file name contains this text (memory/ programs: their path
        /// under corpus/bench/, such as memory/binary_trees_16.lua).
        filter: Option<String>,
    },
    /// Runs the official Lua 5.3 test suite, file by file, in both engines (each run in a child
    /// process working in a scratch copy of the suite) and judges ferrolua's results against
    /// lua53-tests/expectations.toml; exits with 1 on any result it does not predict.
    Suite {
        /// Only this mode's trials: soft-port (`_soft = true; _port = true`), default (nothing
        /// set) or user (all.lua with `_U = true`).
        #[arg(long, value_parser = parse_mode)]
        mode: Option<Mode>,
        /// The official suite's folder [default: $LUA53_TESTS, else ../shared/lua53-tests].
        #[arg(long)]
        suite: Option<PathBuf>,
        /// The known failures [default: lua53-tests/expectations.toml in the workspace].
        #[arg(long)]
        expectations: Option<PathBuf>,
        /// Leaves out the PASS lines: only the other trials and the summary.
        #[arg(long)]
        failures_only: bool,
        /// Rewrites the expectations file from this run: drops passing trials, adds failing
        /// ones with their first failure as the reason, keeps the reasons of the rest.
        #[arg(long)]
        update_expectations: bool,
        /// Only these files of the suite (such as `calls.lua`).
        files: Vec<String>,
    },
    /// Runs one engine's run of one suite trial in this process, with the working directory
    /// as the suite's folder, and prints a result line; `conform suite` starts it.
    #[command(hide = true)]
    RunTrial {
        /// `ferrolua` or `reference`.
        #[arg(long, value_parser = parse_engine)]
        engine: EngineKind,
        /// The mode, whose preamble runs first.
        #[arg(long, value_parser = parse_mode)]
        mode: Mode,
        /// The standalone interpreter the file sees as `arg[-1]`.
        #[arg(long)]
        interpreter: String,
        /// The wall-clock limit, in seconds.
        #[arg(long, default_value_t = suite::runner::RUN_TIMEOUT.as_secs())]
        timeout: u64,
        /// The file to run.
        file: String,
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
        /// Runs per program and engine in the program and memory benchmarks.
        #[arg(long, default_value_t = 3)]
        runs: u32,
        /// A standalone Lua interpreter on PATH (such as lua5.3) to add as a third engine
        /// column: the language corpus, the official suite and the standard library run in it.
        #[arg(long)]
        engine: Option<String>,
        /// The history file this run's summary line is appended to.
        #[arg(long, default_value_os_t = paths::history_file())]
        history: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct Inputs {
    /// The case corpus; its syntax/, lang/, stdlib/, coroutine/, gc/ and bench/ folders are used
    /// [default: corpus/ in the workspace].
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
        Command::Diff(args) => ferrolua_harness::diff::cli::diff(args),
        Command::Repro(args) => ferrolua_harness::diff::cli::repro_command(args),
        Command::Shrink(args) => ferrolua_harness::diff::cli::shrink_command(args),
        Command::DiffWorker(args) => ferrolua_harness::diff::cli::worker_command(args),
        Command::Corpus { inputs } => run_corpus(&inputs),
        Command::Lang {
            filter,
            corpus,
            expectations,
            diff,
            failures_only,
            update_expectations,
        } => {
            let corpus_dir = corpus.unwrap_or_else(paths::corpus_dir);
            let expectations =
                expectations.unwrap_or_else(|| Expectations::default_path(&corpus_dir));
            let options = LangOptions {
                filter,
                diff,
                failures_only,
                update_expectations,
            };
            run_lang(&corpus_dir, &expectations, &options)
        }
        Command::Bench {
            front_end,
            iterations,
            suite,
            runs,
            corpus,
            memory,
            no_memory,
            filter,
        } => {
            if front_end {
                run_front_end_bench(&suite.unwrap_or_else(paths::suite_dir), iterations)
                    .map(|_| ExitCode::SUCCESS)
            } else {
                let corpus_dir = corpus.unwrap_or_else(paths::corpus_dir);
                run_bench(&corpus_dir, runs, filter.as_deref(), !memory, !no_memory)
            }
        }
        Command::Report {
            inputs,
            out,
            iterations,
            runs,
            engine,
            history,
        } => run_report(&inputs, &out, iterations, runs, engine.as_deref(), &history),
        Command::Suite {
            mode,
            suite,
            expectations,
            failures_only,
            update_expectations,
            files,
        } => suite::command::run(&SuiteOptions {
            suite_dir: suite.unwrap_or_else(paths::suite_dir),
            expectations: expectations.unwrap_or_else(suite::expectations_path),
            mode,
            files,
            failures_only,
            update_expectations,
        }),
        Command::RunTrial {
            engine,
            mode,
            interpreter,
            timeout,
            file,
        } => suite::child::run(&ChildOptions {
            engine,
            mode,
            file,
            interpreter,
            timeout: Duration::from_secs(timeout),
        }),
    };
    result.unwrap_or_else(|error| {
        eprintln!("conform: {error}");
        ExitCode::from(2)
    })
}

fn parse_mode(name: &str) -> Result<Mode, String> {
    Mode::parse(name).ok_or_else(|| {
        let names = Mode::ALL.map(Mode::name).join(", ");
        format!("unknown mode {name:?}; the modes are {names}")
    })
}

fn parse_engine(name: &str) -> Result<EngineKind, String> {
    EngineKind::parse(name).ok_or_else(|| format!("unknown engine {name:?}: ferrolua or reference"))
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

#[derive(Debug)]
struct LangOptions {
    filter: Option<String>,
    diff: bool,
    failures_only: bool,
    update_expectations: bool,
}

/// Runs the language corpus (the cases matching the filter) and judges it.
fn lang_run(
    corpus_dir: &Path,
    expectations_path: &Path,
    filter: Option<&str>,
) -> io::Result<(LangRun, Expectations)> {
    let all_cases = corpus::lang_cases(corpus_dir)?;
    let expectations = Expectations::load(expectations_path)?;
    let cases = all_cases
        .iter()
        .filter(|case| filter.is_none_or(|filter| case.name.contains(filter)))
        .cloned()
        .collect::<Vec<_>>();
    let outcomes = lang::run_all(&cases, true)?;
    Ok((
        LangRun::new(outcomes, &expectations, &all_cases),
        expectations,
    ))
}

fn run_lang(
    corpus_dir: &Path,
    expectations_path: &Path,
    options: &LangOptions,
) -> io::Result<ExitCode> {
    let (run, expectations) = lang_run(corpus_dir, expectations_path, options.filter.as_deref())?;
    for (outcome, judgement) in run.outcomes.iter().zip(&run.judgements) {
        if !(options.failures_only && matches!(judgement, Judgement::Pass)) {
            println!("{}", judgement.line(outcome));
        }
        if options.diff && !outcome.passes() {
            for line in outcome.diff().lines() {
                println!("    {line}");
            }
        }
    }
    for entry in &run.stale_entries {
        println!(
            "STALE {entry}: listed in {} but no such case exists; remove the entry",
            expectations_path.display()
        );
    }
    println!("corpus/lang: {}", run.summary());
    if options.update_expectations {
        let updated =
            lang::updated_expectations(&run.outcomes, &expectations, options.filter.is_some());
        let mut updated = updated;
        for entry in &run.stale_entries {
            updated.entries.remove(entry);
        }
        fs::write(expectations_path, updated.render())?;
        println!(
            "wrote {} ({} entries, {} before)",
            expectations_path.display(),
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

fn warn_if_debug_build() {
    if bench::build_profile() == "debug" {
        eprintln!("conform: warning: this is a debug build; for meaningful timings use `cargo run --release`");
    }
}

fn run_front_end_bench(suite_dir: &Path, iterations: u32) -> io::Result<FrontEndBench> {
    warn_if_debug_build();
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

fn run_program_bench(
    corpus_dir: &Path,
    runs: u32,
    filter: Option<&str>,
) -> io::Result<ProgramBench> {
    warn_if_debug_build();
    println!("machine: {}", bench::machine());
    println!("programs of corpus/bench, median of {runs} runs per program and engine (compilation not timed):");
    let bench = programs::run(&corpus_dir.join("bench"), runs, filter, |timing| {
        println!("{}", programs::program_line(timing))
    })?;
    println!("{}", bench.count_line());
    println!("{}", bench.gc_line());
    println!("{}", bench.summary_line());
    Ok(bench)
}

/// `conform bench` without --front-end: the timed runs, then the sampled ones.
fn run_bench(
    corpus_dir: &Path,
    runs: u32,
    filter: Option<&str>,
    time: bool,
    memory: bool,
) -> io::Result<ExitCode> {
    if time {
        run_program_bench(corpus_dir, runs, filter)?;
    }
    if memory {
        run_memory_bench(corpus_dir, runs, filter)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_memory_bench(corpus_dir: &Path, runs: u32, filter: Option<&str>) -> io::Result<MemoryBench> {
    println!("{}", memory::method_line(runs, memory::SAMPLE_INTERVAL));
    let bench = memory::run(
        &corpus_dir.join("bench"),
        filter,
        runs,
        memory::SAMPLE_INTERVAL,
        |index, total, name| eprintln!("memory [{index}/{total}] {name}: running in both engines"),
        |row| println!("{}", memory::memory_line(row)),
    )?;
    println!("{}", bench.geomean_line());
    if let Some(line) = bench.constant_memory_line() {
        println!("{line}");
    }
    println!("{}", bench.summary_line());
    Ok(bench)
}

fn run_report(
    inputs: &Inputs,
    out: &Path,
    iterations: u32,
    runs: u32,
    engine: Option<&str>,
    history: &Path,
) -> io::Result<ExitCode> {
    // Looked up first, so that a misspelt name fails before the long runs.
    let standalone = engine.map(StandaloneEngine::find).transpose()?;
    let outcomes = check(inputs)?;
    print_summaries(&outcomes);
    let corpus_dir = inputs.corpus_dir();
    let (lang, _) = lang_run(&corpus_dir, &Expectations::default_path(&corpus_dir), None)?;
    println!("corpus/lang: {}", lang.summary());
    let front_end = run_front_end_bench(&inputs.suite_dir(), iterations)?;
    let programs = run_program_bench(&corpus_dir, runs, None)?;
    let memory = run_memory_bench(&corpus_dir, runs, None)?;
    let (suite, _) =
        suite::command::suite_run(&inputs.suite_dir(), &suite::expectations_path(), None, &[])?;
    println!("official suite: {}", suite.summary());
    let mut report = Report::new(
        outcomes,
        Some(lang),
        Some(front_end),
        Some(programs),
        &paths::workspace_root(),
    );
    report.suite = Some(suite);
    report.memory = Some(memory);
    report::columns::add_to(&mut report, standalone.as_ref(), &inputs.suite_dir())?;
    report.write(out)?;
    report::html::write_with_history(&report, out, history)?;
    println!(
        "wrote {}, {} and {}; appended to {}",
        out.join("report.md").display(),
        out.join("report.json").display(),
        out.join("index.html").display(),
        history.display()
    );
    Ok(ExitCode::SUCCESS)
}
