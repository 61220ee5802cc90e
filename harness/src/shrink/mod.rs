//! `conform shrink`: reduces a diverging program while the same divergence signature holds,
//! and writes it to `corpus/regressions/<signature>.lua`.
//!
//! Three stages, each repeated until nothing more can be cut or the time is up:
//!
//! 1. **Choices** (for a seed): the generator's input bytes are cut down: truncated to what
//!    the generator read, chunks deleted or zeroed, at sizes halving down to one byte. The
//!    generator takes its simplest option when bytes run out or are zero, so this shrinks the
//!    program while keeping it a generated, mostly well-typed one.
//! 2. **Syntax tree** (for a seed): statements deleted, compound statements replaced by their
//!    bodies, list items removed, expressions replaced by an operand or a literal
//!    ([`edits`]).
//! 3. **Lines** (for any input, including a file): lines and runs of lines deleted.
//!
//! A candidate is kept when both engines still disagree with the same signature
//! ([`crate::diff::verdict`]), which blurs numbers and names so that simplifications that
//! change values are kept.

pub mod edits;

use std::collections::HashSet;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::diff::{describe, run_source, Verdict, CHUNK_NAME};
use crate::gen::{self, Block, Features, Program};

use self::edits::EditKind;

/// Keeps candidates that diverge with the target signature.
#[derive(Debug)]
pub struct Shrinker {
    target: String,
    deadline: Instant,
    tested: HashSet<u64>,
    /// Candidates run in both engines.
    pub checks: usize,
}

impl Shrinker {
    /// A shrinker for programs that diverge with `signature`, until `deadline`.
    pub fn new(signature: &str, deadline: Instant) -> Shrinker {
        Shrinker {
            target: signature.to_string(),
            deadline,
            tested: HashSet::new(),
            checks: 0,
        }
    }

    /// Whether the time is up.
    pub fn expired(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Whether `source` diverges with the target signature. Each source is run once.
    pub fn check(&mut self, source: &str) -> bool {
        if self.expired() {
            return false;
        }
        let mut hasher = DefaultHasher::new();
        source.hash(&mut hasher);
        if !self.tested.insert(hasher.finish()) {
            return false;
        }
        self.checks += 1;
        let run = run_source(source.as_bytes(), CHUNK_NAME);
        matches!(&run.verdict, Verdict::Diverge(divergence) if divergence.signature == self.target)
    }

    /// Stage 1: the smallest choice bytes found that still give a diverging program, and that
    /// program.
    pub fn bytes(&mut self, bytes: &[u8], features: Features) -> (Vec<u8>, Program) {
        let (mut program, consumed) = gen::generate_counting(bytes, features);
        let mut bytes = bytes[..consumed.min(bytes.len())].to_vec();
        loop {
            let mut improved = false;
            let mut size = (bytes.len() / 2).max(1);
            loop {
                let mut start = 0;
                while start < bytes.len() && !self.expired() {
                    let end = (start + size).min(bytes.len());
                    // Delete the chunk.
                    let mut candidate = bytes[..start].to_vec();
                    candidate.extend_from_slice(&bytes[end..]);
                    if let Some(smaller) = self.try_bytes(&candidate, &program, features) {
                        bytes = candidate;
                        program = smaller;
                        improved = true;
                        continue;
                    }
                    // Zero it.
                    if bytes[start..end].iter().any(|&byte| byte != 0) {
                        let mut candidate = bytes.clone();
                        candidate[start..end].fill(0);
                        if let Some(smaller) = self.try_bytes(&candidate, &program, features) {
                            bytes = candidate;
                            program = smaller;
                            improved = true;
                        }
                    }
                    start += size;
                }
                if size == 1 || self.expired() {
                    break;
                }
                size /= 2;
            }
            if !improved || self.expired() {
                return (bytes, program);
            }
        }
    }

    /// The program of `candidate`, if it is no bigger than `current` and still diverges.
    fn try_bytes(
        &mut self,
        candidate: &[u8],
        current: &Program,
        features: Features,
    ) -> Option<Program> {
        let program = gen::generate(candidate, features);
        if program.source == current.source {
            // The same program from fewer or simpler bytes: keep the bytes.
            return Some(program);
        }
        if program.source.len() > current.source.len() {
            return None;
        }
        self.check(&program.source).then_some(program)
    }

    /// Stage 2: edits of the syntax tree, each kind in turn, until none applies.
    pub fn tree(&mut self, mut body: Block) -> Block {
        loop {
            let mut improved = false;
            for kind in EditKind::ALL {
                let mut index = 0;
                while let Some(candidate) = edits::apply(&body, kind, index) {
                    if self.expired() {
                        return body;
                    }
                    let source = Program::from_body(candidate.clone()).source;
                    if self.check(&source) {
                        body = candidate;
                        improved = true;
                    } else {
                        index += 1;
                    }
                }
            }
            if !improved {
                return body;
            }
        }
    }

    /// Stage 3: deletes runs of lines, halving their length down to one line.
    pub fn lines(&mut self, source: &str) -> String {
        let mut lines = source.lines().map(str::to_string).collect::<Vec<_>>();
        loop {
            let mut improved = false;
            let mut size = (lines.len() / 2).max(1);
            loop {
                let mut start = 0;
                while start < lines.len() && !self.expired() {
                    let end = (start + size).min(lines.len());
                    let mut candidate = lines[..start].to_vec();
                    candidate.extend_from_slice(&lines[end..]);
                    let text = join_lines(&candidate);
                    if self.check(&text) {
                        lines = candidate;
                        improved = true;
                    } else {
                        start += size;
                    }
                }
                if size == 1 || self.expired() {
                    break;
                }
                size /= 2;
            }
            if !improved || self.expired() {
                return join_lines(&lines);
            }
        }
    }
}

fn join_lines(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// What a shrink found.
#[derive(Clone, Debug)]
pub struct Shrunk {
    pub signature: String,
    pub source: String,
    pub checks: usize,
    pub elapsed: Duration,
}

/// Shrinks the program of a seed (`input` is a number) or a Lua file, within `time_limit`.
/// `Ok(None)` when the input does not diverge.
pub fn shrink(input: &str, features: Features, time_limit: Duration) -> io::Result<Option<Shrunk>> {
    let started = Instant::now();
    let deadline = started + time_limit;
    let seed = input.parse::<u64>().ok();
    let original = match seed {
        Some(seed) => gen::generate_from_seed(seed, features).source,
        None => fs::read_to_string(input)?,
    };
    let run = run_source(original.as_bytes(), CHUNK_NAME);
    let Verdict::Diverge(divergence) = run.verdict else {
        return Ok(None);
    };
    let mut shrinker = Shrinker::new(&divergence.signature, deadline);
    let mut source = original;
    if let Some(seed) = seed {
        let (_, program) = shrinker.bytes(&gen::seed_bytes(seed), features);
        let body = shrinker.tree(program.body);
        source = Program::from_body(body).source;
    }
    let source = shrinker.lines(&source);
    Ok(Some(Shrunk {
        signature: divergence.signature,
        source,
        checks: shrinker.checks,
        elapsed: started.elapsed(),
    }))
}

/// The file a shrunk program is saved to.
pub fn regression_path(out_dir: &Path, signature: &str) -> PathBuf {
    out_dir.join(format!("{}.lua", crate::diff::verdict::slug(signature)))
}

/// `conform shrink`: shrinks, prints the result and both observations, and saves it.
pub fn command(
    input: &str,
    features: Features,
    time_limit: Duration,
    out_dir: &Path,
) -> io::Result<ExitCode> {
    let Some(shrunk) = shrink(input, features, time_limit)? else {
        println!("{input}: the engines agree (or the run is inconclusive); nothing to shrink");
        return Ok(ExitCode::from(2));
    };
    let lines = shrunk.source.lines().count();
    let header = format!("-- {} (conform shrink {input})\n", shrunk.signature);
    let path = regression_path(out_dir, &shrunk.signature);
    fs::create_dir_all(out_dir)?;
    fs::write(&path, format!("{header}{}", shrunk.source))?;
    let run = run_source(shrunk.source.as_bytes(), CHUNK_NAME);
    print!(
        "{}",
        describe(
            &format!(
                "shrunk to {lines} lines ({} candidates in {:.1} s)",
                shrunk.checks,
                shrunk.elapsed.as_secs_f64()
            ),
            &shrunk.source,
            &run
        )
    );
    println!("wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}
