//! Differential testing with generated programs: `conform diff`, `conform repro`.
//!
//! Each seed expands to bytes ([`crate::gen::seed_bytes`]), the bytes to a program
//! ([`crate::gen::generate`]), and the program runs in both engines, each in a fresh state
//! with the budget of [`budget`]. The observations are judged by [`verdict::classify`] into
//! agreement, an inconclusive run, or a divergence of tier T0 (ferrolua panicked, aborted,
//! overflowed or hung), T1 (status, output, results), T2 (error message) or T3 (traceback).
//!
//! `conform diff` runs the programs in a child process (`conform diff-worker`), which uses
//! rayon with one engine pair per worker thread and reports each program as it starts and
//! ends. The parent ([`supervisor`]) shows progress, prints divergences, and survives the
//! child: when ferrolua aborts the process (a stack overflow, say) or hangs, the programs
//! that were running are run again one by one to find the culprit, which is a T0 divergence,
//! and the campaign goes on with the next seeds.

pub mod cli;
pub mod supervisor;
pub mod verdict;
pub mod worker;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::corpus::{Case, CaseKind};
use crate::engine::{Budget, Engine, FerroluaEngine, Observation, ReferenceEngine, Status};
use crate::gen::{self, Features, Program};
use crate::lang::LangOutcome;
use crate::show::quoted;

pub use self::verdict::{classify, Divergence, Tier, Verdict};

/// The chunk name of generated programs; messages start with `gen:`.
pub const CHUNK_NAME: &[u8] = b"=gen";

/// The limits of one run of a generated program. Programs are built to need far less: about
/// ten thousand instructions is typical. The memory limit only binds the reference; a
/// program that reaches it is inconclusive.
pub fn budget() -> Budget {
    Budget {
        instructions: 5_000_000,
        memory_bytes: 256 << 20,
    }
}

/// Which seeds a campaign runs: the `index`-th program of shard `I/N` has seed
/// `start + I + index * N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub start: u64,
    pub shard_index: u64,
    pub shard_count: u64,
    pub features: Features,
}

impl Plan {
    /// The seed of the `index`-th program.
    pub fn seed(&self, index: u64) -> u64 {
        self.start
            .wrapping_add(self.shard_index)
            .wrapping_add(index.wrapping_mul(self.shard_count))
    }
}

/// Parses `I/N` (with `0 <= I < N`).
pub fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let (index, count) = text
        .split_once('/')
        .ok_or_else(|| format!("`{text}`: a shard is written I/N, such as 0/4"))?;
    let index = index
        .trim()
        .parse::<u64>()
        .map_err(|error| format!("`{text}`: {error}"))?;
    let count = count
        .trim()
        .parse::<u64>()
        .map_err(|error| format!("`{text}`: {error}"))?;
    if count == 0 || index >= count {
        return Err(format!("`{text}`: a shard I/N needs 0 <= I < N"));
    }
    Ok((index, count))
}

/// Both engines' observations of one program, and the verdict.
#[derive(Clone, Debug)]
pub struct Run {
    pub reference: Observation,
    pub ferrolua: Observation,
    pub verdict: Verdict,
}

impl Run {
    /// Whether the reference ran the program to its end without an uncaught error.
    pub fn valid(&self) -> bool {
        self.reference.status == Status::Ok
    }
}

/// Runs a source in both engines, each in a fresh state, and judges the observations.
pub fn run_source(source: &[u8], chunk_name: &[u8]) -> Run {
    run_source_reporting(source, chunk_name, |_| {})
}

/// [`run_source`], calling `reference_done` with the reference's wall-clock time as soon as
/// it has finished, before ferrolua starts. The campaign's worker reports it, so that its
/// supervisor can tell which engine a program that never ends is stuck in.
pub fn run_source_reporting(
    source: &[u8],
    chunk_name: &[u8],
    reference_done: impl FnOnce(Duration),
) -> Run {
    let budget = budget();
    let started = Instant::now();
    let reference = ReferenceEngine::new(budget).run(source, chunk_name);
    reference_done(started.elapsed());
    let ferrolua = FerroluaEngine::with_budget(budget).run(source, chunk_name);
    let verdict = classify(&reference, &ferrolua);
    Run {
        reference,
        ferrolua,
        verdict,
    }
}

/// The program of a seed, run in both engines.
pub fn run_seed(seed: u64, features: Features) -> (Program, Run) {
    run_seed_reporting(seed, features, |_| {})
}

/// [`run_seed`], with [`run_source_reporting`]'s report of the reference's time.
pub fn run_seed_reporting(
    seed: u64,
    features: Features,
    reference_done: impl FnOnce(Duration),
) -> (Program, Run) {
    let program = gen::generate_from_seed(seed, features);
    let run = run_source_reporting(program.source.as_bytes(), CHUNK_NAME, reference_done);
    (program, run)
}

/// The `conform repro` line for a seed.
pub fn repro_line(seed: u64, features: Features) -> String {
    format!("conform repro {seed}{}", features.options())
}

/// What `conform repro` prints: the program, both observations, the verdict and a unified
/// diff of each differing field.
pub fn describe(title: &str, source: &str, run: &Run) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "-- {title}");
    out.push_str(source);
    if !source.ends_with('\n') {
        out.push('\n');
    }
    for (name, observation) in [("reference", &run.reference), ("ferrolua", &run.ferrolua)] {
        let _ = writeln!(out, "\n== {name}: {}", observation.status.as_str());
        if !observation.output.is_empty() {
            let _ = writeln!(out, "output:");
            for line in observation.output.split(|&byte| byte == b'\n') {
                let _ = writeln!(out, "  {}", String::from_utf8_lossy(line));
            }
        }
        if !observation.results.is_empty() {
            let results = observation
                .results
                .iter()
                .map(|result| quoted(result))
                .collect::<Vec<_>>();
            let _ = writeln!(out, "results: {}", results.join(", "));
        }
        if let Some(error) = &observation.error {
            let _ = writeln!(out, "error: {}", quoted(error));
        }
        if let Some(traceback) = &observation.traceback {
            let _ = writeln!(out, "traceback:");
            for line in traceback.split(|&byte| byte == b'\n') {
                let _ = writeln!(out, "  {}", String::from_utf8_lossy(line));
            }
        }
    }
    let _ = writeln!(out);
    match &run.verdict {
        Verdict::Agree => {
            let _ = writeln!(out, "== verdict: the engines agree");
        }
        Verdict::Inconclusive(reason) => {
            let _ = writeln!(out, "== verdict: inconclusive ({reason})");
        }
        Verdict::Diverge(divergence) => {
            let _ = writeln!(out, "== verdict: {}", divergence.signature);
            out.push_str(&field_diffs(run));
        }
    }
    out
}

/// A unified diff of each field in which the observations differ, reference first.
pub fn field_diffs(run: &Run) -> String {
    let outcome = LangOutcome {
        case: Case {
            kind: CaseKind::Lang,
            name: "gen".to_string(),
            path: PathBuf::from("gen"),
            chunk_name: CHUNK_NAME.to_vec(),
        },
        reference: run.reference.clone(),
        ferrolua: run.ferrolua.clone(),
    };
    outcome.diff()
}

/// `conform repro SEED`: prints the seed's program and both observations.
pub fn repro(seed: u64, features: Features) -> (String, Run) {
    let (program, run) = run_seed(seed, features);
    let title = format!(
        "seed {seed}, features {}{}",
        features,
        if features == Features::default() {
            " (the default profile)"
        } else {
            ""
        }
    );
    (describe(&title, &program.source, &run), run)
}

#[cfg(test)]
mod tests {
    use super::{parse_shard, Plan};
    use crate::gen::Features;

    #[test]
    fn shards_take_every_nth_seed() {
        assert_eq!(parse_shard("1/4"), Ok((1, 4)));
        assert!(parse_shard("4/4").is_err());
        assert!(parse_shard("x").is_err());
        let plan = Plan {
            start: 100,
            shard_index: 1,
            shard_count: 4,
            features: Features::default(),
        };
        assert_eq!(
            (0..3).map(|index| plan.seed(index)).collect::<Vec<_>>(),
            vec![101, 105, 109]
        );
    }
}
