//! The parent process of `conform diff`: starts the worker process, follows its reports,
//! shows progress, prints divergences and the summary, and recovers when the worker dies.
//!
//! A worker that exits without its final `E` line, or in which a program runs for too long
//! (the worker is then killed), has failed on one of the programs it was running. Each of them
//! is run again alone in a fresh worker: one that fails again is a T0 divergence (`aborted` or
//! `hang`), the others are counted normally. Then a new worker goes on from the next program.
//!
//! Each engine's time is limited on its own, because the instruction budget cannot stop a
//! long native call (a `table.concat` over millions of entries): the reference gets the hang
//! limit, and ferrolua the hang limit or [`SLOWER_ALLOWED`] times the reference's time,
//! whichever is longer. A program that the reference itself cannot finish in time proves
//! nothing about ferrolua: it is inconclusive, not a hang.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::verdict::normalize;
use super::worker::{now_ms, parse, Event};
use super::{repro_line, Divergence, Plan, Tier, Verdict};

/// How a campaign runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub plan: Plan,
    /// Stop after this many programs.
    pub count: Option<u64>,
    /// Stop starting programs after this many seconds.
    pub seconds: Option<f64>,
    /// Worker threads.
    pub jobs: usize,
    /// A program running longer than this is a hang.
    pub hang: Duration,
    /// Show a progress line on stderr.
    pub progress: bool,
}

/// How often one divergence signature was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCount {
    pub tier: Tier,
    pub count: u64,
    /// The smallest seed that shows it.
    pub first_seed: u64,
}

/// The counts of a campaign.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub programs: u64,
    /// Programs the reference ran to their end without an uncaught error.
    pub valid: u64,
    pub inconclusive: u64,
    /// Divergences per tier.
    pub tiers: [u64; 4],
    pub signatures: BTreeMap<String, SignatureCount>,
    pub inconclusive_reasons: BTreeMap<String, u64>,
    pub elapsed: Duration,
}

impl Tally {
    fn record(&mut self, seed: u64, valid: bool, verdict: &Verdict) {
        self.programs += 1;
        if valid {
            self.valid += 1;
        }
        match verdict {
            Verdict::Agree => {}
            Verdict::Inconclusive(reason) => {
                self.inconclusive += 1;
                *self.inconclusive_reasons.entry(reason.clone()).or_insert(0) += 1;
            }
            Verdict::Diverge(divergence) => {
                self.tiers[divergence.tier.index()] += 1;
                let entry = self
                    .signatures
                    .entry(divergence.signature.clone())
                    .or_insert(SignatureCount {
                        tier: divergence.tier,
                        count: 0,
                        first_seed: seed,
                    });
                entry.count += 1;
                entry.first_seed = entry.first_seed.min(seed);
            }
        }
    }

    /// Divergences of every tier.
    pub fn divergences(&self) -> u64 {
        self.tiers.iter().sum()
    }

    fn percent(part: u64, whole: u64) -> f64 {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let seconds = self.elapsed.as_secs_f64();
        format!(
            "diff: {} programs in {:.1} s ({:.0}/s), valid on reference {:.1}%, divergences \
             T0 {} T1 {} T2 {} T3 {}, inconclusive {} ({:.2}%)",
            self.programs,
            seconds,
            self.programs as f64 / seconds.max(1e-9),
            Tally::percent(self.valid, self.programs),
            self.tiers[0],
            self.tiers[1],
            self.tiers[2],
            self.tiers[3],
            self.inconclusive,
            Tally::percent(self.inconclusive, self.programs),
        )
    }
}

/// How many times the reference's wall-clock time ferrolua may take on a program before it
/// is called a hang (when that is longer than the hang limit).
pub const SLOWER_ALLOWED: u32 = 4;

/// A program a worker is running.
struct Running {
    /// When the current engine started on it.
    since: Instant,
    /// How long the reference took, once it has finished and ferrolua has started.
    reference_took: Option<Duration>,
}

impl Running {
    /// Whether the current engine has run out of time.
    fn overdue(&self, hang: Duration) -> bool {
        let limit = match self.reference_took {
            None => hang,
            Some(took) => hang.max(took * SLOWER_ALLOWED),
        };
        self.since.elapsed() > limit
    }
}

/// How a worker process ended.
struct WorkerEnd {
    /// It printed `E` and exited normally.
    clean: bool,
    /// Why it did not end cleanly.
    reason: String,
    /// It was killed because the reference ran out of time on a program.
    reference_hung: bool,
    /// The programs it started and did not finish, by index.
    in_flight: Vec<u64>,
    /// The highest index it started.
    max_started: Option<u64>,
}

/// Runs a campaign; divergences and the summary go to `out`, progress to stderr.
pub fn run(options: &Options, out: &mut dyn Write) -> io::Result<Tally> {
    let started = Instant::now();
    let until_ms = options
        .seconds
        .map(|seconds| now_ms() + (seconds * 1000.0) as u64);
    let to = options.count.unwrap_or(u64::MAX);
    let mut tally = Tally::default();
    let mut progress = Progress::new(options, started);
    let mut from = 0;
    loop {
        if from >= to || until_ms.is_some_and(|until| now_ms() >= until) {
            break;
        }
        let end = run_worker(
            options,
            from,
            to,
            until_ms,
            options.jobs,
            &mut tally,
            &mut progress,
            out,
        )?;
        if end.clean {
            break;
        }
        progress.clear();
        writeln!(
            out,
            "worker failed ({}); running its {} unfinished programs again one by one",
            end.reason,
            end.in_flight.len()
        )?;
        for &index in &end.in_flight {
            let probe = run_worker(
                options,
                index,
                index + 1,
                None,
                1,
                &mut tally,
                &mut progress,
                out,
            )?;
            if !probe.clean {
                let seed = options.plan.seed(index);
                let verdict = if probe.reference_hung {
                    Verdict::Inconclusive(probe.reason)
                } else {
                    Verdict::Diverge(Divergence {
                        tier: Tier::T0,
                        signature: format!("T0 {}", normalize(&probe.reason)),
                    })
                };
                report(
                    &mut tally,
                    &mut progress,
                    out,
                    options,
                    seed,
                    false,
                    &verdict,
                )?;
            }
        }
        from = end.max_started.map_or(from, |max| max + 1);
    }
    tally.elapsed = started.elapsed();
    progress.clear();
    Ok(tally)
}

/// Starts a worker for indices `from..to` and follows it to its end.
#[allow(clippy::too_many_arguments)]
fn run_worker(
    options: &Options,
    from: u64,
    to: u64,
    until_ms: Option<u64>,
    jobs: usize,
    tally: &mut Tally,
    progress: &mut Progress,
    out: &mut dyn Write,
) -> io::Result<WorkerEnd> {
    let mut child = spawn(options, from, to, until_ms, jobs)?;
    let (lines, stderr_tail) = follow(&mut child);
    let mut in_flight: HashMap<u64, Running> = HashMap::new();
    let mut max_started = None;
    let mut saw_end = false;
    let mut hung = None;
    loop {
        match lines.recv_timeout(Duration::from_millis(200)) {
            Ok(line) => match parse(&line) {
                Some(Event::Start(index)) => {
                    in_flight.insert(
                        index,
                        Running {
                            since: Instant::now(),
                            reference_took: None,
                        },
                    );
                    max_started = Some(max_started.map_or(index, |max: u64| max.max(index)));
                }
                Some(Event::ReferenceDone(index, milliseconds)) => {
                    if let Some(running) = in_flight.get_mut(&index) {
                        running.since = Instant::now();
                        running.reference_took = Some(Duration::from_millis(milliseconds));
                    }
                }
                Some(Event::Result {
                    index,
                    valid,
                    verdict,
                }) => {
                    in_flight.remove(&index);
                    let seed = options.plan.seed(index);
                    report(tally, progress, out, options, seed, valid, &verdict)?;
                }
                Some(Event::End) => saw_end = true,
                None => {}
            },
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if let Some((&index, running)) = in_flight
            .iter()
            .find(|(_, running)| running.overdue(options.hang))
        {
            hung = Some((index, running.reference_took));
            let _ = child.kill();
            break;
        }
        progress.show(tally);
    }
    let status = child.wait()?;
    let clean = saw_end && status.success() && hung.is_none();
    let reason = if let Some((_, reference_took)) = hung {
        match reference_took {
            None => format!(
                "the reference ran past the {} s limit",
                options.hang.as_secs()
            ),
            Some(took) => format!(
                "hang: no result after {} s (the reference took {:.1} s)",
                options.hang.max(took * SLOWER_ALLOWED).as_secs(),
                took.as_secs_f64()
            ),
        }
    } else {
        let tail = stderr_tail
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .rev()
            .find(|line| !line.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        let status = status.to_string();
        if tail.is_empty() {
            format!("aborted: {status}")
        } else {
            format!("aborted: {status}: {tail}")
        }
    };
    let mut in_flight = in_flight.into_keys().collect::<Vec<_>>();
    in_flight.sort_unstable();
    Ok(WorkerEnd {
        clean,
        reason,
        reference_hung: matches!(hung, Some((_, None))),
        in_flight,
        max_started,
    })
}

fn spawn(
    options: &Options,
    from: u64,
    to: u64,
    until_ms: Option<u64>,
    jobs: usize,
) -> io::Result<Child> {
    let plan = options.plan;
    let mut command = Command::new(std::env::current_exe()?);
    command
        .arg("diff-worker")
        .arg(format!("--seed={}", plan.start))
        .arg(format!("--shard={}/{}", plan.shard_index, plan.shard_count))
        .arg(format!("--jobs={jobs}"))
        .arg(format!("--from={from}"))
        .arg(format!("--to={to}"));
    let features = plan.features.options();
    if !features.is_empty() {
        command.arg(features.trim());
    }
    if let Some(until) = until_ms {
        command.arg(format!("--until-ms={until}"));
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}

/// Reads the worker's stdout into a channel of lines, and keeps the last lines of its stderr.
fn follow(child: &mut Child) -> (mpsc::Receiver<String>, Arc<Mutex<VecDeque<String>>>) {
    let (sender, receiver) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
    }
    let tail = Arc::new(Mutex::new(VecDeque::new()));
    if let Some(mut stderr) = child.stderr.take() {
        let tail = Arc::clone(&tail);
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let mut buffer = [0u8; 4096];
            while let Ok(count) = stderr.read(&mut buffer) {
                if count == 0 {
                    break;
                }
                bytes.extend_from_slice(&buffer[..count]);
                while let Some(newline) = bytes.iter().position(|&byte| byte == b'\n') {
                    let line = String::from_utf8_lossy(&bytes[..newline]).into_owned();
                    bytes.drain(..=newline);
                    let mut tail = tail.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                    tail.push_back(line);
                    if tail.len() > 20 {
                        tail.pop_front();
                    }
                }
            }
            if !bytes.is_empty() {
                let mut tail = tail.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                tail.push_back(String::from_utf8_lossy(&bytes).into_owned());
            }
        });
    }
    (receiver, tail)
}

/// Counts a result, and prints it if it is a divergence.
fn report(
    tally: &mut Tally,
    progress: &mut Progress,
    out: &mut dyn Write,
    options: &Options,
    seed: u64,
    valid: bool,
    verdict: &Verdict,
) -> io::Result<()> {
    tally.record(seed, valid, verdict);
    if let Verdict::Diverge(divergence) = verdict {
        progress.clear();
        writeln!(
            out,
            "divergence {}, seed {seed}: {}",
            divergence.tier, divergence.signature
        )?;
        writeln!(out, "    {}", repro_line(seed, options.plan.features))?;
        out.flush()?;
    }
    Ok(())
}

/// The table of distinct divergences printed before the summary, by tier, most frequent
/// first; `known` maps the signatures the regression corpus holds to their file.
pub fn signature_table(tally: &Tally, plan: &Plan, known: &BTreeMap<String, String>) -> String {
    let mut rows = tally.signatures.iter().collect::<Vec<_>>();
    rows.sort_by(|a, b| {
        (a.1.tier, std::cmp::Reverse(a.1.count)).cmp(&(b.1.tier, std::cmp::Reverse(b.1.count)))
    });
    let mut out = String::new();
    if !rows.is_empty() {
        let _ = writeln!(out, "{} distinct divergences:", rows.len());
        for (signature, count) in rows {
            let known = known
                .get(signature)
                .map(|file| format!(" (known: corpus/{file})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:>6} x {signature}{known}\n         first: {}",
                count.count,
                repro_line(count.first_seed, plan.features)
            );
        }
    }
    if !tally.inconclusive_reasons.is_empty() {
        let reasons = tally
            .inconclusive_reasons
            .iter()
            .map(|(reason, count)| format!("{count} {reason}"))
            .collect::<Vec<_>>();
        let _ = writeln!(out, "inconclusive: {}", reasons.join("; "));
    }
    out
}

/// The progress line on stderr: rewritten in place on a terminal, else one line every ten
/// seconds.
struct Progress {
    enabled: bool,
    terminal: bool,
    started: Instant,
    last: Option<Instant>,
    seconds: Option<f64>,
    count: Option<u64>,
    shown: bool,
}

impl Progress {
    fn new(options: &Options, started: Instant) -> Progress {
        Progress {
            enabled: options.progress,
            terminal: io::stderr().is_terminal(),
            started,
            last: None,
            seconds: options.seconds,
            count: options.count,
            shown: false,
        }
    }

    fn show(&mut self, tally: &Tally) {
        if !self.enabled {
            return;
        }
        let interval = if self.terminal {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(10)
        };
        if self.last.is_some_and(|last| last.elapsed() < interval) {
            return;
        }
        self.last = Some(Instant::now());
        let elapsed = self.started.elapsed().as_secs_f64();
        let fraction = match (self.seconds, self.count) {
            (Some(seconds), Some(count)) => {
                (elapsed / seconds).max(tally.programs as f64 / count as f64)
            }
            (Some(seconds), None) => elapsed / seconds,
            (None, Some(count)) => tally.programs as f64 / count.max(1) as f64,
            (None, None) => 0.0,
        }
        .clamp(0.0, 1.0);
        let width = 24;
        let filled = (fraction * width as f64) as usize;
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(width - filled));
        let line = format!(
            "[{bar}] {:>3.0}% {:>6.1}s {} programs {:.0}/s valid {:.1}% T0 {} T1 {} T2 {} T3 {} inconclusive {}",
            fraction * 100.0,
            elapsed,
            tally.programs,
            tally.programs as f64 / elapsed.max(1e-9),
            Tally::percent(tally.valid, tally.programs),
            tally.tiers[0],
            tally.tiers[1],
            tally.tiers[2],
            tally.tiers[3],
            tally.inconclusive
        );
        let mut stderr = io::stderr();
        if self.terminal {
            let _ = write!(stderr, "\r\x1b[2K{line}");
        } else {
            let _ = writeln!(stderr, "{line}");
        }
        let _ = stderr.flush();
        self.shown = true;
    }

    /// Clears the progress line before other output.
    fn clear(&mut self) {
        if self.shown && self.terminal {
            let _ = write!(io::stderr(), "\r\x1b[2K");
            let _ = io::stderr().flush();
        }
        // On a terminal, redraw at once below what was printed; in a log, keep the interval.
        if self.terminal {
            self.last = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Running, SLOWER_ALLOWED};
    use std::time::{Duration, Instant};

    #[test]
    fn each_engine_has_its_own_limit() {
        let hang = Duration::from_secs(20);
        let started = |seconds_ago: u64| Instant::now() - Duration::from_secs(seconds_ago);
        let reference = |seconds_ago| Running {
            since: started(seconds_ago),
            reference_took: None,
        };
        assert!(!reference(19).overdue(hang));
        assert!(reference(21).overdue(hang));
        let ferrolua = |seconds_ago, took: u64| Running {
            since: started(seconds_ago),
            reference_took: Some(Duration::from_secs(took)),
        };
        assert!(!ferrolua(19, 1).overdue(hang));
        assert!(ferrolua(21, 1).overdue(hang));
        let slow = 10;
        assert!(!ferrolua(slow * u64::from(SLOWER_ALLOWED) - 1, slow).overdue(hang));
        assert!(ferrolua(slow * u64::from(SLOWER_ALLOWED) + 1, slow).overdue(hang));
    }
}
