//! `conform bench`: whole programs (`corpus/bench/*.lua`) run in both engines in the same
//! process run, timed, with their output checked against the reference's.
//!
//! Each run gets a fresh state; creating it, compiling the program and dropping the state
//! happen outside the timed part, so only the execution of the main chunk is timed. What the
//! programs print is captured, never shown, and compared with the reference's: a program whose
//! output differs is WRONG and does not count towards the ratios. Neither engine has an
//! instruction budget here (the reference's count hook would slow it down); the reference keeps
//! its memory limit, without which a failed allocation aborts the process.
//!
//! ferrolua's collector counts its own cycles and the time it spends collecting
//! (`Lua::gc_stats`); the difference of those counters across each timed run gives its
//! collection overhead. PUC Lua has no such counter, so only ferrolua's is reported. The memory
//! benchmark ([`super::memory`]) runs the same programs again with a heap-sampling hook.

use std::cell::RefCell;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use ferrolua::value::Value;
use ferrolua::ChunkMode;
use mlua::MultiValue;

use super::memory::{self, HeapProfile};
use super::{lua_error, median, seconds};
use crate::engine::reference::capturing_print;
use crate::engine::{new_reference_state, on_large_stack, Budget};
use crate::show::quoted;

/// The verdict on one program's runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgramVerdict {
    /// ferrolua printed what the reference printed, in every run: the times count.
    Correct,
    /// ferrolua's output differs from the reference's, or it raised an error: not counted.
    Wrong(String),
    /// ferrolua panicked: not counted.
    Panicked(String),
    /// The reference itself failed, so there is nothing to compare with: not counted.
    ReferenceFailed(String),
}

impl ProgramVerdict {
    /// The label tables show: `ok`, `WRONG`, `PANIC` or `REFERENCE-FAILS`.
    pub fn label(&self) -> &'static str {
        match self {
            ProgramVerdict::Correct => "ok",
            ProgramVerdict::Wrong(_) => "WRONG",
            ProgramVerdict::Panicked(_) => "PANIC",
            ProgramVerdict::ReferenceFailed(_) => "REFERENCE-FAILS",
        }
    }

    /// What went wrong, if anything.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ProgramVerdict::Correct => None,
            ProgramVerdict::Wrong(detail)
            | ProgramVerdict::Panicked(detail)
            | ProgramVerdict::ReferenceFailed(detail) => Some(detail),
        }
    }
}

/// The timings of one program.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramTiming {
    /// The file's name, such as `fib.lua`.
    pub name: String,
    /// ferrolua's median time to run the program once; zero if it never finished a run.
    pub ferrolua: Duration,
    /// The reference's median time to run the program once.
    pub reference: Duration,
    /// Whether ferrolua was right, which decides whether the times count.
    pub verdict: ProgramVerdict,
    /// ferrolua's collector over all its timed runs; `None` if it never finished a run.
    pub ferrolua_gc: Option<GcUsage>,
}

/// What ferrolua's collector did during timed runs, summed over the runs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GcUsage {
    /// The runs summed.
    pub runs: u32,
    /// Collection cycles completed.
    pub cycles: u64,
    /// Time spent collecting: incremental steps and full collections (`Lua::gc_stats`).
    pub collecting: Duration,
    /// The runs' whole time, collection included.
    pub elapsed: Duration,
}

impl GcUsage {
    /// Adds one run.
    pub fn add(&mut self, other: GcUsage) {
        self.runs += other.runs;
        self.cycles += other.cycles;
        self.collecting += other.collecting;
        self.elapsed += other.elapsed;
    }

    /// The share of the run time spent collecting, from 0 to 1.
    pub fn share(&self) -> f64 {
        self.collecting.as_secs_f64() / seconds(self.elapsed)
    }

    /// Cycles per run, rounded down.
    pub fn cycles_per_run(&self) -> u64 {
        self.cycles / u64::from(self.runs.max(1))
    }

    /// `3.1 % in 12 cycles` for tables.
    pub fn cell(&self) -> String {
        format!(
            "{:.1} % in {} cycles",
            100.0 * self.share(),
            self.cycles_per_run()
        )
    }
}

impl ProgramTiming {
    /// ferrolua's time over the reference's.
    pub fn ratio(&self) -> f64 {
        seconds(self.ferrolua) / seconds(self.reference)
    }

    /// Whether the program counts towards the summary ratios.
    pub fn counted(&self) -> bool {
        self.verdict == ProgramVerdict::Correct
    }
}

/// The program benchmark over `corpus/bench/`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramBench {
    /// Timed runs per program and engine; the median is reported.
    pub runs: u32,
    /// One row per program, in name order.
    pub programs: Vec<ProgramTiming>,
}

impl ProgramBench {
    /// The geometric mean of the per-program ratios over the correct programs.
    pub fn geometric_mean_ratio(&self) -> Option<f64> {
        super::geometric_mean(
            self.programs
                .iter()
                .filter(|program| program.counted())
                .map(ProgramTiming::ratio),
        )
    }

    /// How many programs count towards the ratio.
    pub fn counted_programs(&self) -> usize {
        self.programs
            .iter()
            .filter(|program| program.counted())
            .count()
    }

    /// The closing line: `geomean time ratio ferrolua/reference: X.XX`.
    pub fn summary_line(&self) -> String {
        match self.geometric_mean_ratio() {
            Some(ratio) => format!("geomean time ratio ferrolua/reference: {ratio:.2}"),
            None => "geomean time ratio ferrolua/reference: n/a".to_string(),
        }
    }

    /// ferrolua's collector over the timed runs of every counted program.
    pub fn gc_total(&self) -> Option<GcUsage> {
        let mut total = None::<GcUsage>;
        for program in self.programs.iter().filter(|program| program.counted()) {
            if let Some(usage) = program.ferrolua_gc {
                total.get_or_insert_with(GcUsage::default).add(usage);
            }
        }
        total
    }

    /// `ferrolua GC overhead: 4.2 % of run time (...)`: collection time over run time, summed
    /// over the counted programs, so that the longer programs weigh more.
    pub fn gc_line(&self) -> String {
        match self.gc_total() {
            Some(total) => format!(
                "ferrolua GC overhead: {:.1} % of run time ({:.1} ms collecting in {:.1} ms; {} cycles \
                 in one run of each of the {} counted programs)",
                100.0 * total.share(),
                total.collecting.as_secs_f64() * 1e3,
                total.elapsed.as_secs_f64() * 1e3,
                total.cycles / u64::from(self.runs.max(1)),
                self.counted_programs()
            ),
            None => "ferrolua GC overhead: n/a (no counted program)".to_string(),
        }
    }

    /// The line before it: how many programs were counted and why the others were not.
    pub fn count_line(&self) -> String {
        let not_counted = self.programs.len() - self.counted_programs();
        format!(
            "{} programs, {} counted, {not_counted} not counted (wrong output, panic or reference failure)",
            self.programs.len(),
            self.counted_programs()
        )
    }
}

/// Every `*.lua` file directly in `bench_dir`, in name order.
pub fn programs(bench_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = fs::read_dir(bench_dir).map_err(|error| {
        io::Error::new(error.kind(), format!("{}: {error}", bench_dir.display()))
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|extension| extension == "lua") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Runs and times every program of `bench_dir` whose name contains `filter`, `runs` times per
/// engine, calling `on_program` after each so that callers can print as they go.
pub fn run(
    bench_dir: &Path,
    runs: u32,
    filter: Option<&str>,
    mut on_program: impl FnMut(&ProgramTiming),
) -> io::Result<ProgramBench> {
    let runs = runs.max(1);
    let mut timings = Vec::new();
    for path in programs(bench_dir)? {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if filter.is_some_and(|filter| !name.contains(filter)) {
            continue;
        }
        let contents = fs::read(&path)?;
        let source = ferrolua::compiler::skip_file_prefix(&contents);
        let chunk_name = format!("@bench/{name}");
        let timing = time_program(name, source, &chunk_name, runs)?;
        on_program(&timing);
        timings.push(timing);
    }
    Ok(ProgramBench {
        runs,
        programs: timings,
    })
}

/// One run: how long the main chunk took, what it printed, its error if it raised one, and
/// what was measured besides.
pub(crate) struct ProgramRun {
    pub(crate) elapsed: Duration,
    pub(crate) output: Vec<u8>,
    pub(crate) error: Option<String>,
    /// The heap's samples, when the run was sampled.
    pub(crate) heap: Option<HeapProfile>,
    /// ferrolua's collector during the run (ferrolua's runs only).
    pub(crate) gc: Option<GcUsage>,
}

impl ProgramRun {
    fn failed(error: String) -> ProgramRun {
        ProgramRun {
            elapsed: Duration::ZERO,
            output: Vec::new(),
            error: Some(error),
            heap: None,
            gc: None,
        }
    }
}

fn time_program(
    name: String,
    source: &[u8],
    chunk_name: &str,
    runs: u32,
) -> io::Result<ProgramTiming> {
    let mut reference_times = Vec::new();
    let mut ferrolua_times = Vec::new();
    let mut ferrolua_gc = None::<GcUsage>;
    let mut verdict = ProgramVerdict::Correct;
    // The engines alternate so that a change in the machine's load affects both alike.
    for _ in 0..runs {
        let expected = run_reference(source, chunk_name, None)?;
        reference_times.push(expected.elapsed);
        if let Some(error) = expected.error {
            verdict = ProgramVerdict::ReferenceFailed(error);
            break;
        }
        let got = match on_large_stack(|| run_ferrolua(source, chunk_name, None)) {
            Ok(got) => got,
            Err(message) => {
                verdict = ProgramVerdict::Panicked(message);
                break;
            }
        };
        ferrolua_times.push(got.elapsed);
        if let Some(usage) = got.gc {
            ferrolua_gc.get_or_insert_with(GcUsage::default).add(usage);
        }
        if verdict == ProgramVerdict::Correct {
            verdict = judge(&expected, &got);
        }
    }
    let median_or_zero = |times: &mut Vec<Duration>| {
        if times.is_empty() {
            Duration::ZERO
        } else {
            median(times)
        }
    };
    Ok(ProgramTiming {
        name,
        ferrolua: median_or_zero(&mut ferrolua_times),
        reference: median_or_zero(&mut reference_times),
        verdict,
        ferrolua_gc,
    })
}

/// The verdict on ferrolua's run against the reference's, which succeeded.
pub(crate) fn judge(expected: &ProgramRun, got: &ProgramRun) -> ProgramVerdict {
    if let Some(error) = &got.error {
        ProgramVerdict::Wrong(format!("ferrolua raises {}", quoted(error.as_bytes())))
    } else if got.output != expected.output {
        ProgramVerdict::Wrong(output_difference(&expected.output, &got.output))
    } else {
        ProgramVerdict::Correct
    }
}

/// `output differs at line N: reference "...", ferrolua "..."`.
fn output_difference(expected: &[u8], got: &[u8]) -> String {
    let mut expected_lines = expected.split(|&byte| byte == b'\n');
    let mut got_lines = got.split(|&byte| byte == b'\n');
    let mut line = 1;
    loop {
        match (expected_lines.next(), got_lines.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => {
                let show = |text: Option<&[u8]>| text.map_or_else(|| "(end)".to_string(), quoted);
                return format!(
                    "output differs at line {line}: reference {}, ferrolua {}",
                    show(a),
                    show(b)
                );
            }
        }
    }
}

/// Runs the program in a fresh reference state; with `sample_every`, a count hook samples the
/// heap every that many instructions ([`memory`]).
pub(crate) fn run_reference(
    source: &[u8],
    chunk_name: &str,
    sample_every: Option<u32>,
) -> io::Result<ProgramRun> {
    let baseline = super::allocator::live_bytes();
    let lua = new_reference_state(Budget::default()).map_err(lua_error)?;
    let output = Rc::new(RefCell::new(Vec::new()));
    let print = capturing_print(&lua, Rc::clone(&output)).map_err(lua_error)?;
    lua.globals().set("print", print).map_err(lua_error)?;
    let function = match lua
        .load(source)
        .set_name(chunk_name)
        .set_mode(mlua::chunk::ChunkMode::Text)
        .into_function()
    {
        Ok(function) => function,
        Err(error) => return Ok(ProgramRun::failed(error.to_string())),
    };
    let sampler = sample_every
        .map(|interval| memory::ReferenceSampler::install(&lua, interval, baseline))
        .transpose()
        .map_err(lua_error)?;
    let start = Instant::now();
    let result = function.call::<MultiValue>(());
    let elapsed = start.elapsed();
    let heap = sampler.map(|sampler| sampler.finish(&lua));
    let error = result.err().map(|error| {
        // mlua appends a traceback to runtime errors; the first line is the message.
        error
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    });
    let output = output.take();
    Ok(ProgramRun {
        elapsed,
        output,
        error,
        heap,
        gc: None,
    })
}

/// Runs the program in a fresh ferrolua state, reading the collector's counters before and
/// after; with `sample_every`, a count hook samples the heap as in [`run_reference`].
pub(crate) fn run_ferrolua(
    source: &[u8],
    chunk_name: &str,
    sample_every: Option<u32>,
) -> ProgramRun {
    let baseline = super::allocator::live_bytes();
    let mut lua = ferrolua::vm::Lua::new();
    lua.output = Some(Vec::new());
    let function = match lua.load(source, chunk_name.as_bytes(), ChunkMode::Text) {
        Ok(function) => function,
        Err(message) => return ProgramRun::failed(String::from_utf8_lossy(&message).into_owned()),
    };
    let sampler =
        sample_every.map(|interval| memory::FerroluaSampler::install(&mut lua, interval, baseline));
    let (cycles_before, collecting_before) = lua.gc_stats();
    let start = Instant::now();
    let result = lua.pcall(function, &[], None);
    let elapsed = start.elapsed();
    let (cycles_after, collecting_after) = lua.gc_stats();
    let heap = sampler.map(|sampler| sampler.finish(&mut lua));
    let gc = GcUsage {
        runs: 1,
        cycles: cycles_after.saturating_sub(cycles_before),
        collecting: Duration::from_secs_f64((collecting_after - collecting_before).max(0.0)),
        elapsed,
    };
    let error = result.err().map(|error| match error.value {
        Value::Str(message) => String::from_utf8_lossy(lua.str_bytes(message)).into_owned(),
        other => format!("(error object is a {} value)", other.type_name()),
    });
    ProgramRun {
        elapsed,
        output: lua.output.take().unwrap_or_default(),
        error,
        heap,
        gc: Some(gc),
    }
}

/// Formats a duration in milliseconds for tables.
pub fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1e3)
}

/// One table row for a program, as `conform bench` prints it.
pub fn program_line(timing: &ProgramTiming) -> String {
    let times = format!(
        "{:<18} ferrolua {:>11}  reference {:>11}",
        timing.name,
        millis(timing.ferrolua),
        millis(timing.reference)
    );
    match timing.verdict.detail() {
        None => {
            let gc = timing
                .ferrolua_gc
                .map_or_else(String::new, |gc| format!("  ferrolua GC {}", gc.cell()));
            format!("{times}  ratio {:>6.2}{gc}", timing.ratio())
        }
        Some(detail) => format!("{times}  {}: {detail}", timing.verdict.label()),
    }
}

#[cfg(test)]
mod tests {
    use super::output_difference;

    #[test]
    fn output_differences_name_the_first_differing_line() {
        assert_eq!(
            output_difference(b"a\nb\n", b"a\nc\n"),
            "output differs at line 2: reference \"b\", ferrolua \"c\""
        );
        assert_eq!(
            output_difference(b"a\n", b"a\nmore\n"),
            "output differs at line 2: reference \"\", ferrolua \"more\""
        );
    }
}
