//! The command-line side of `conform diff`, `conform repro`, `conform shrink` and the hidden
//! `conform diff-worker`: options and the functions `main` dispatches to.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::supervisor::{self, Options};
use super::worker::{self, Assignment};
use super::{parse_shard, repro, Plan, Verdict};
use crate::gen::Features;
use crate::shrink;

/// Which programs the generator makes.
#[derive(Clone, Debug, Args)]
pub struct FeatureArgs {
    /// The generator's profile: default, full or core.
    #[arg(long, default_value = "default")]
    pub profile: String,
    /// Changes to the profile's features, comma-separated: `name` or `+name` adds, `-name`
    /// removes (strings, patterns, format, tables, math, utf8, metatables, closures, varargs,
    /// recursion, goto, errors, uncaught, stack-overflow, coroutines; all; none).
    #[arg(long, allow_hyphen_values = true)]
    pub features: Option<String>,
}

impl FeatureArgs {
    /// The feature set these options select.
    pub fn features(&self) -> io::Result<Features> {
        let profile = Features::profile(&self.profile).ok_or_else(|| {
            invalid(format!(
                "unknown profile `{}`; the profiles are {}",
                self.profile,
                Features::PROFILES
            ))
        })?;
        match &self.features {
            Some(list) => profile.apply(list).map_err(invalid),
            None => Ok(profile),
        }
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// `conform diff`.
#[derive(Clone, Debug, Args)]
pub struct DiffArgs {
    /// Run for this many seconds.
    #[arg(long, conflicts_with = "count")]
    pub seconds: Option<f64>,
    /// Run this many programs.
    #[arg(long)]
    pub count: Option<u64>,
    /// The first seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Worker threads [default: the number of CPUs].
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Runs only shard I of N: every N-th seed, starting I after the first.
    #[arg(long, default_value = "0/1")]
    pub shard: String,
    /// Seconds each engine may run a program: past them the reference makes the program
    /// inconclusive, and ferrolua makes it a hang (a T0 divergence) unless the reference took
    /// over a quarter of its time.
    #[arg(long, default_value_t = 20)]
    pub hang_seconds: u64,
    /// No progress line.
    #[arg(long)]
    pub quiet: bool,
    #[command(flatten)]
    pub generator: FeatureArgs,
}

/// `conform repro`.
#[derive(Clone, Debug, Args)]
pub struct ReproArgs {
    /// The seed of the program.
    pub seed: u64,
    /// Prints only the program, without running it (for a program that hangs an engine).
    #[arg(long)]
    pub source: bool,
    #[command(flatten)]
    pub generator: FeatureArgs,
}

/// `conform shrink`.
#[derive(Clone, Debug, Args)]
pub struct ShrinkArgs {
    /// A seed, or a Lua file that diverges.
    pub input: String,
    /// Stop simplifying after this many seconds.
    #[arg(long, default_value_t = 300)]
    pub seconds: u64,
    /// Where to write the result [default: corpus/regressions/ in the workspace].
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub generator: FeatureArgs,
}

/// `conform diff-worker` (internal: the child process of `conform diff`).
#[derive(Clone, Debug, Args)]
pub struct WorkerArgs {
    #[arg(long)]
    pub seed: u64,
    #[arg(long)]
    pub shard: String,
    #[arg(long)]
    pub jobs: usize,
    #[arg(long)]
    pub from: u64,
    #[arg(long)]
    pub to: u64,
    #[arg(long)]
    pub until_ms: Option<u64>,
    #[arg(long, allow_hyphen_values = true)]
    pub features: Option<String>,
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |jobs| jobs.get())
}

/// Runs `conform diff`; exits with 1 when anything diverged.
pub fn diff(args: DiffArgs) -> io::Result<ExitCode> {
    let (shard_index, shard_count) = parse_shard(&args.shard).map_err(invalid)?;
    if args.seconds.is_none() && args.count.is_none() {
        return Err(invalid("give --seconds N or --count N".to_string()));
    }
    let features = args.generator.features()?;
    let plan = Plan {
        start: args.seed,
        shard_index,
        shard_count,
        features,
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    if crate::bench::build_profile() == "debug" {
        eprintln!(
            "conform: warning: this is a debug build; use `cargo run --release` for campaigns"
        );
    }
    println!(
        "diff: seeds from {} (shard {shard_index}/{shard_count}), {jobs} jobs, features {features}",
        args.seed
    );
    let options = Options {
        plan,
        count: args.count,
        seconds: args.seconds,
        jobs,
        hang: Duration::from_secs(args.hang_seconds),
        progress: !args.quiet,
    };
    let mut stdout = io::stdout();
    let tally = supervisor::run(&options, &mut stdout)?;
    let known = crate::regressions::known_signatures(&crate::paths::corpus_dir());
    print!("{}", supervisor::signature_table(&tally, &plan, &known));
    println!("{}", tally.summary());
    Ok(if tally.divergences() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Runs `conform repro`; exits with 1 when the engines diverge on the program.
pub fn repro_command(args: ReproArgs) -> io::Result<ExitCode> {
    let features = args.generator.features()?;
    let mut stdout = io::stdout();
    if args.source {
        let program = crate::gen::generate_from_seed(args.seed, features);
        stdout.write_all(program.source.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (text, run) = repro(args.seed, features);
    stdout.write_all(text.as_bytes())?;
    Ok(match run.verdict {
        Verdict::Diverge(_) => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    })
}

/// Runs `conform shrink`.
pub fn shrink_command(args: ShrinkArgs) -> io::Result<ExitCode> {
    let features = args.generator.features()?;
    let out_dir = args
        .out
        .unwrap_or_else(|| crate::paths::corpus_dir().join("regressions"));
    shrink::command(
        &args.input,
        features,
        Duration::from_secs(args.seconds),
        &out_dir,
    )
}

/// Runs `conform diff-worker`.
pub fn worker_command(args: WorkerArgs) -> io::Result<ExitCode> {
    let (shard_index, shard_count) = parse_shard(&args.shard).map_err(invalid)?;
    let features = match &args.features {
        Some(list) => Features::default().apply(list).map_err(invalid)?,
        None => Features::default(),
    };
    worker::run(Assignment {
        plan: Plan {
            start: args.seed,
            shard_index,
            shard_count,
            features,
        },
        from: args.from,
        to: args.to,
        until_ms: args.until_ms,
        jobs: args.jobs,
    })?;
    Ok(ExitCode::SUCCESS)
}
