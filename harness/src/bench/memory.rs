//! `conform bench`'s memory half: the peak heap of each program in both engines, measured the
//! same way in both, and whether a program's heap grows over its run.
//!
//! Method. Each program runs `--runs` times per engine (alternating, each run in a fresh state,
//! the run with the median peak reported), with a count hook that fires every
//! [`SAMPLE_INTERVAL`] VM instructions and reads the heap. Both engines are read the same way:
//! the harness's global allocator ([`super::allocator`]) counts the bytes each thread holds,
//! and the heap is what the running thread holds beyond what it held just before the state was
//! created. PUC Lua allocates through mlua's allocator, which is Rust's global allocator, and
//! ferrolua's heap is Rust collections, so every byte either engine asks for is counted: PUC's
//! objects, stacks and string table, and ferrolua's objects, the slack of its slabs, the spare
//! capacity of its vectors, its prototypes and its stacks. Neither engine's own count is used,
//! and the allocator's overhead per block is counted for neither. The hook records a sample
//! with counting paused, so the benchmark's bookkeeping is not in the heap it measures.
//!
//! The heap is also read just before the main chunk starts and just after it ends. The peak is
//! the largest of these readings. Both engines run PUC's instruction set, so the samples fall
//! at the same points of the program in both; between two samples the heap can grow by what
//! 1000 instructions allocate, a few kilobytes, which is the precision of a peak. Hooks are
//! per thread in both engines and coroutines do not inherit the hook function (ldblib's rule,
//! which ferrolua follows, and mlua's per-thread hooks), so only the main thread samples; the
//! heap it reads is the whole state's, as every coroutine runs on the same Rust thread.
//!
//! A run's samples are split into halves by instruction count; the peak of the second half
//! over the first's is its growth. A program that runs in constant memory has a growth of
//! about 1, whatever its length; a leak shows as a growth well above 1. `memory/` programs
//! (`corpus/bench/memory/*.lua`) are run here only, not timed; the programs of `corpus/bench/`
//! run here too, after their timed runs, so that every program has a peak.

use std::cell::{Cell, RefCell};
use std::io;
use std::path::Path;
use std::rc::Rc;

use ferrolua::vm::{Lua, LuaError, MASK_COUNT};
use mlua::{HookTriggers, VmState};

use super::allocator;
use super::programs::{self, GcUsage, ProgramVerdict};
use crate::engine::on_large_stack;

/// VM instructions between two samples of the heap, in both engines.
pub const SAMPLE_INTERVAL: u32 = 1000;

/// The folder of `corpus/bench/` whose programs are measured for memory only.
pub const MEMORY_FOLDER: &str = "memory";

/// The program whose peak ratio is the memory benchmark's headline.
pub const HEADLINE_PROGRAM: &str = "memory/binary_trees_16.lua";

/// The most ferrolua's peak heap may be on the headline program, as a multiple of PUC's (the
/// collector's acceptance criterion).
pub const PEAK_RATIO_TARGET: f64 = 1.25;

/// The program that must run in constant memory.
pub const CONSTANT_MEMORY_PROGRAM: &str = "memory/short_lived_tables.lua";

/// Above this growth (second-half peak over first-half peak) a heap is said to grow.
pub const GROWTH_TOLERANCE: f64 = 1.10;

/// What the samples of one run show.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HeapProfile {
    /// The heap just before the main chunk ran: the state, its libraries and the compiled chunk.
    pub start_bytes: usize,
    /// The largest reading.
    pub peak_bytes: usize,
    /// The largest reading of the run's first half (the start reading included).
    pub first_half_peak: usize,
    /// The largest reading of the run's second half (the end reading included).
    pub second_half_peak: usize,
    /// The heap just after the main chunk returned.
    pub end_bytes: usize,
    /// Readings taken by the hook.
    pub samples: usize,
    /// Where in the run the peak was read, from 0 (the start) to 1 (the end), by instruction
    /// count: which phase of a program sets the peak.
    pub peak_at: f64,
}

impl HeapProfile {
    /// The profile of a run read at `start`, by the hook (`samples`, in order), and at `end`.
    pub fn from_samples(start: usize, samples: &[usize], end: usize) -> HeapProfile {
        let (first, second) = samples.split_at(samples.len() / 2);
        let first_half_peak = first.iter().copied().fold(start, usize::max);
        let second_half_peak = second.iter().copied().fold(end, usize::max);
        let peak_bytes = first_half_peak.max(second_half_peak);
        // The readings in order are the start, the samples, then the end: n + 2 of them.
        let peak_index = std::iter::once(start)
            .chain(samples.iter().copied())
            .chain(std::iter::once(end))
            .position(|bytes| bytes == peak_bytes)
            .unwrap_or(0);
        HeapProfile {
            start_bytes: start,
            peak_bytes,
            first_half_peak,
            second_half_peak,
            end_bytes: end,
            samples: samples.len(),
            peak_at: peak_index as f64 / (samples.len() + 1) as f64,
        }
    }

    /// The second half's peak over the first half's: about 1 for a heap that does not grow.
    pub fn growth(&self) -> f64 {
        self.second_half_peak as f64 / self.first_half_peak.max(1) as f64
    }

    /// Whether the heap grew over the run beyond [`GROWTH_TOLERANCE`].
    pub fn grows(&self) -> bool {
        self.growth() > GROWTH_TOLERANCE
    }
}

/// A reading of the heap of a state created on this thread: the bytes the thread holds beyond
/// `baseline`, the reading of [`allocator::live_bytes`] taken just before the state was made.
pub(crate) fn heap_bytes(baseline: isize) -> usize {
    (allocator::live_bytes() - baseline).max(0) as usize
}

/// The reference's heap sampler: a count hook on the main thread.
pub(crate) struct ReferenceSampler {
    samples: Rc<RefCell<Vec<usize>>>,
    start: usize,
    baseline: isize,
}

impl ReferenceSampler {
    /// Sets the hook and reads the heap; call it right before the main chunk runs, with the
    /// reading taken before the state was created.
    pub(crate) fn install(
        lua: &mlua::Lua,
        interval: u32,
        baseline: isize,
    ) -> mlua::Result<ReferenceSampler> {
        let samples = Rc::new(RefCell::new(Vec::new()));
        let hook_samples = Rc::clone(&samples);
        lua.set_hook(
            HookTriggers::new().every_nth_instruction(interval),
            move |_, _| {
                let bytes = heap_bytes(baseline);
                allocator::uncounted(|| hook_samples.borrow_mut().push(bytes));
                Ok(VmState::Continue)
            },
        )?;
        Ok(ReferenceSampler {
            samples,
            start: heap_bytes(baseline),
            baseline,
        })
    }

    /// Reads the heap once more and removes the hook; call it right after the main chunk.
    pub(crate) fn finish(self, lua: &mlua::Lua) -> HeapProfile {
        let end = heap_bytes(self.baseline);
        lua.remove_hook();
        let samples = self.samples.take();
        HeapProfile::from_samples(self.start, &samples, end)
    }
}

thread_local! {
    /// ferrolua's samples and baseline: its hook is a plain `fn`, with nowhere else to put them
    /// that would not itself be an object on the heap it measures.
    static FERROLUA_SAMPLES: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static FERROLUA_BASELINE: Cell<isize> = const { Cell::new(0) };
}

/// ferrolua's hook function: records the heap's size and returns nothing.
fn ferrolua_sample(_: &mut Lua) -> Result<usize, LuaError> {
    let bytes = heap_bytes(FERROLUA_BASELINE.get());
    allocator::uncounted(|| FERROLUA_SAMPLES.with_borrow_mut(|samples| samples.push(bytes)));
    Ok(0)
}

/// ferrolua's heap sampler: a count hook on the main thread, calling a native function.
pub(crate) struct FerroluaSampler {
    start: usize,
    baseline: isize,
}

impl FerroluaSampler {
    /// Sets the hook and reads the heap; call it right before the main chunk runs, on the
    /// thread that runs it, with the reading taken before the state was created.
    pub(crate) fn install(lua: &mut Lua, interval: u32, baseline: isize) -> FerroluaSampler {
        allocator::uncounted(|| FERROLUA_SAMPLES.with_borrow_mut(Vec::clear));
        FERROLUA_BASELINE.set(baseline);
        let hook = lua.native_function(ferrolua_sample);
        lua.set_hook(Some(hook), MASK_COUNT, i64::from(interval));
        FerroluaSampler {
            start: heap_bytes(baseline),
            baseline,
        }
    }

    /// Reads the heap once more and removes the hook; call it right after the main chunk.
    pub(crate) fn finish(self, lua: &mut Lua) -> HeapProfile {
        let end = heap_bytes(self.baseline);
        lua.set_hook(None, 0, 0);
        let samples = FERROLUA_SAMPLES.with_borrow_mut(std::mem::take);
        HeapProfile::from_samples(self.start, &samples, end)
    }
}

/// One program's sampled runs.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryRow {
    /// The program's path under `corpus/bench/`, such as `fib.lua` or
    /// `memory/binary_trees_16.lua`.
    pub name: String,
    /// ferrolua's heap; `None` if its run did not finish.
    pub ferrolua: Option<HeapProfile>,
    /// The reference's heap; `None` if its run failed.
    pub reference: Option<HeapProfile>,
    /// ferrolua's collector during the sampled run (the hook's cost is in the run time).
    pub ferrolua_gc: Option<GcUsage>,
    /// Whether ferrolua printed what the reference printed; only correct runs count.
    pub verdict: ProgramVerdict,
}

impl MemoryRow {
    /// ferrolua's peak over the reference's.
    pub fn ratio(&self) -> Option<f64> {
        match (&self.ferrolua, &self.reference) {
            (Some(ferrolua), Some(reference)) => {
                Some(ferrolua.peak_bytes as f64 / reference.peak_bytes.max(1) as f64)
            }
            _ => None,
        }
    }

    /// The ratio as a report's cell shows it: the number, or, for a row that does not count,
    /// the number if any and why (`1.30, not counted, WRONG: ...`).
    pub fn ratio_cell(&self) -> String {
        match (self.verdict.detail(), self.ratio()) {
            (None, Some(ratio)) => format!("{ratio:.2}"),
            (detail, ratio) => format!(
                "{}{}: {}",
                ratio.map_or_else(String::new, |ratio| format!("{ratio:.2}, not counted, ")),
                self.verdict.label(),
                detail.unwrap_or("no samples")
            ),
        }
    }

    /// Whether the row counts towards the summary ratios.
    pub fn counted(&self) -> bool {
        self.verdict == ProgramVerdict::Correct && self.ratio().is_some()
    }

    /// The program's name without folder and extension, such as `binary_trees_16`.
    pub fn short_name(&self) -> &str {
        let file = self.name.rsplit('/').next().unwrap_or(&self.name);
        file.strip_suffix(".lua").unwrap_or(file)
    }
}

/// The memory benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryBench {
    /// Sampled runs per program and engine; the run with the median peak is reported.
    pub runs: u32,
    /// Instructions between samples.
    pub interval: u32,
    /// `memory/` programs first, then the others, each in name order.
    pub rows: Vec<MemoryRow>,
}

impl MemoryBench {
    /// The row of the program at `name` (such as [`HEADLINE_PROGRAM`]).
    pub fn row(&self, name: &str) -> Option<&MemoryRow> {
        self.rows.iter().find(|row| row.name == name)
    }

    /// The headline: ferrolua's peak over the reference's on binary-trees, if it ran correctly.
    pub fn headline_ratio(&self) -> Option<f64> {
        self.row(HEADLINE_PROGRAM)
            .filter(|row| row.counted())
            .and_then(MemoryRow::ratio)
    }

    /// The geometric mean of the peak ratios over the counted programs.
    pub fn geometric_mean_ratio(&self) -> Option<f64> {
        super::geometric_mean(
            self.rows
                .iter()
                .filter(|row| row.counted())
                .filter_map(MemoryRow::ratio),
        )
    }

    /// How many programs count towards the ratios.
    pub fn counted_programs(&self) -> usize {
        self.rows.iter().filter(|row| row.counted()).count()
    }

    /// `geomean peak heap ratio ferrolua/reference: X.XX over N programs`.
    pub fn geomean_line(&self) -> String {
        match self.geometric_mean_ratio() {
            Some(ratio) => format!(
                "geomean peak heap ratio ferrolua/reference: {ratio:.2} over {} programs",
                self.counted_programs()
            ),
            None => "geomean peak heap ratio ferrolua/reference: n/a".to_string(),
        }
    }

    /// How the constant-memory program's heap behaved in each engine, if it ran.
    pub fn constant_memory_line(&self) -> Option<String> {
        let row = self.row(CONSTANT_MEMORY_PROGRAM)?;
        let engine = |name: &str, profile: &Option<HeapProfile>| match profile {
            Some(profile) => format!(
                "{name} {} then {} ({:.2}, {})",
                kilobytes(profile.first_half_peak),
                kilobytes(profile.second_half_peak),
                profile.growth(),
                if profile.grows() { "GROWS" } else { "constant" }
            ),
            None => format!("{name} n/a"),
        };
        Some(format!(
            "{} peak heap, first half then second half of the run: {}; {}",
            row.short_name(),
            engine("ferrolua", &row.ferrolua),
            engine("reference", &row.reference)
        ))
    }

    /// The closing line: `binary_trees_16 peak heap ratio ferrolua/reference: X.XX`.
    pub fn summary_line(&self) -> String {
        let name = HEADLINE_PROGRAM
            .rsplit('/')
            .next()
            .and_then(|file| file.strip_suffix(".lua"))
            .unwrap_or(HEADLINE_PROGRAM);
        let Some(row) = self.row(HEADLINE_PROGRAM) else {
            return format!("{name} peak heap ratio ferrolua/reference: n/a (not run)");
        };
        let Some(ratio) = row.ratio() else {
            return format!(
                "{name} peak heap ratio ferrolua/reference: n/a ({})",
                row.verdict.label()
            );
        };
        let target = if ratio <= PEAK_RATIO_TARGET {
            "met"
        } else {
            "NOT MET"
        };
        // A run whose output differs still measured a peak: it is shown, marked as not counted.
        let counted = if row.counted() {
            String::new()
        } else {
            format!(
                "; not counted: ferrolua's output is {}",
                row.verdict.label()
            )
        };
        format!(
            "{name} peak heap ratio ferrolua/reference: {ratio:.2} (target: at most {PEAK_RATIO_TARGET:.2}, {target}{counted})"
        )
    }
}

/// The programs to measure: `memory/*.lua`, then `*.lua`, as (name, path) pairs, keeping
/// those whose name contains `filter`.
fn memory_programs(
    bench_dir: &Path,
    filter: Option<&str>,
) -> io::Result<Vec<(String, std::path::PathBuf)>> {
    let memory_dir = bench_dir.join(MEMORY_FOLDER);
    let mut listed = Vec::new();
    if memory_dir.is_dir() {
        for path in programs::programs(&memory_dir)? {
            listed.push((format!("{MEMORY_FOLDER}/{}", file_name(&path)), path));
        }
    }
    for path in programs::programs(bench_dir)? {
        listed.push((file_name(&path), path));
    }
    listed.retain(|(name, _)| filter.is_none_or(|filter| name.contains(filter)));
    Ok(listed)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs every program of `bench_dir/memory/` and `bench_dir` whose name contains `filter`
/// `runs` times per engine, alternating, with the heap sampled every `interval` instructions.
/// `on_start` is called before each program, with its position and the number of programs, and
/// `on_row` after it, so that callers can show progress.
pub fn run(
    bench_dir: &Path,
    filter: Option<&str>,
    runs: u32,
    interval: u32,
    mut on_start: impl FnMut(usize, usize, &str),
    mut on_row: impl FnMut(&MemoryRow),
) -> io::Result<MemoryBench> {
    let runs = runs.max(1);
    let interval = interval.max(1);
    let mut rows = Vec::new();
    let listed = memory_programs(bench_dir, filter)?;
    let total = listed.len();
    for (index, (name, path)) in listed.into_iter().enumerate() {
        on_start(index + 1, total, &name);
        let contents = std::fs::read(&path)?;
        let source = ferrolua::compiler::skip_file_prefix(&contents);
        let chunk_name = format!("@bench/{name}");
        let row = measure(name, source, &chunk_name, runs, interval)?;
        on_row(&row);
        rows.push(row);
    }
    Ok(MemoryBench {
        runs,
        interval,
        rows,
    })
}

/// Runs one program `runs` times per engine and keeps, per engine, the run whose peak is the
/// median. ferrolua's heap follows the same course in every run; PUC's does not (`lua5.3` run
/// twice on the same program can end with different `collectgarbage("count")`s): the points
/// where its collector runs shift from run to run, and with them the peak of a program whose
/// heap swings, by up to a tenth on binary-trees.
fn measure(
    name: String,
    source: &[u8],
    chunk_name: &str,
    runs: u32,
    interval: u32,
) -> io::Result<MemoryRow> {
    let mut ferrolua_profiles = Vec::new();
    let mut reference_profiles = Vec::new();
    let mut ferrolua_gc = None::<GcUsage>;
    let mut verdict = ProgramVerdict::Correct;
    for _ in 0..runs {
        let expected = programs::run_reference(source, chunk_name, Some(interval))?;
        if let Some(error) = &expected.error {
            verdict = ProgramVerdict::ReferenceFailed(error.clone());
            break;
        }
        reference_profiles.extend(expected.heap);
        let got =
            match on_large_stack(|| programs::run_ferrolua(source, chunk_name, Some(interval))) {
                Ok(got) => got,
                Err(message) => {
                    verdict = ProgramVerdict::Panicked(message);
                    break;
                }
            };
        ferrolua_profiles.extend(got.heap);
        if let Some(usage) = got.gc {
            ferrolua_gc.get_or_insert_with(GcUsage::default).add(usage);
        }
        if verdict == ProgramVerdict::Correct {
            verdict = programs::judge(&expected, &got);
        }
    }
    Ok(MemoryRow {
        name,
        ferrolua: median_peak(ferrolua_profiles),
        reference: median_peak(reference_profiles),
        ferrolua_gc,
        verdict,
    })
}

/// The profile whose peak is the median (the higher one of an even number).
fn median_peak(mut profiles: Vec<HeapProfile>) -> Option<HeapProfile> {
    profiles.sort_by_key(|profile| profile.peak_bytes);
    profiles.get(profiles.len() / 2).copied()
}

/// Bytes as kilobytes with one decimal, as tables show them: `1234.5 KB`.
pub fn kilobytes(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// The method in one line, printed above the table.
pub fn method_line(runs: u32, interval: u32) -> String {
    format!(
        "peak heap, median of {runs} runs per program and engine, sampled every {interval} VM instructions by a count hook in \
         both engines, and before and after the main chunk; in both, the heap is the bytes the harness's counting \
         allocator says the state holds (everything each engine asks for, the allocator's overhead excepted):"
    )
}

/// One table row for a program, as `conform bench` prints it.
pub fn memory_line(row: &MemoryRow) -> String {
    let peak = |profile: &Option<HeapProfile>| {
        profile.map_or_else(
            || "n/a".to_string(),
            |profile| kilobytes(profile.peak_bytes),
        )
    };
    let growth = |profile: &Option<HeapProfile>| {
        profile.map_or_else(
            || "n/a".to_string(),
            |profile| format!("{:.2}", profile.growth()),
        )
    };
    let peaks = format!(
        "{:<28} ferrolua {:>11}  reference {:>11}",
        row.name,
        peak(&row.ferrolua),
        peak(&row.reference)
    );
    let ratio = row
        .ratio()
        .map_or_else(String::new, |ratio| format!("  ratio {ratio:>5.2}"));
    match row.verdict.detail() {
        None => {
            let gc = row
                .ferrolua_gc
                .map_or_else(String::new, |gc| format!("  ferrolua GC {}", gc.cell()));
            format!(
                "{peaks}{ratio}  growth ferrolua {} reference {}{gc}",
                growth(&row.ferrolua),
                growth(&row.reference)
            )
        }
        Some(detail) => format!(
            "{peaks}{ratio}  not counted, {}: {detail}",
            row.verdict.label()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{measure, HeapProfile, MemoryBench, MemoryRow};
    use crate::bench::programs::ProgramVerdict;

    #[test]
    fn both_engines_sample_a_growing_heap() {
        let source = b"local t = {} for i = 1, 20000 do t[i] = {i} end print(#t)";
        let row = measure("grow.lua".to_string(), source, "@grow.lua", 1, 1000).expect("runs");
        assert_eq!(row.verdict, ProgramVerdict::Correct);
        for profile in [
            row.ferrolua.expect("ferrolua ran"),
            row.reference.expect("reference ran"),
        ] {
            assert!(profile.samples > 10, "{profile:?}");
            // 20,000 tables of one item take more than a megabyte in both engines.
            assert!(
                profile.peak_bytes > profile.start_bytes + 1_000_000,
                "{profile:?}"
            );
            assert!(profile.grows(), "{profile:?}");
        }
        assert!(row.ferrolua_gc.is_some());
    }

    #[test]
    fn profiles_split_samples_into_halves_with_the_start_and_end_readings() {
        let profile = HeapProfile::from_samples(10, &[50, 40, 30, 45, 20], 15);
        assert_eq!(profile.peak_bytes, 50);
        assert_eq!(profile.first_half_peak, 50);
        assert_eq!(profile.second_half_peak, 45);
        assert_eq!(profile.samples, 5);
        assert!(!profile.grows());
        let leaking = HeapProfile::from_samples(10, &[20, 30, 40, 50], 60);
        assert_eq!(leaking.first_half_peak, 30);
        assert_eq!(leaking.second_half_peak, 60);
        assert!(leaking.grows());
        assert_eq!(profile.peak_at, 1.0 / 6.0);
        let unsampled = HeapProfile::from_samples(10, &[], 12);
        assert_eq!(unsampled.peak_bytes, 12);
        assert_eq!(unsampled.peak_at, 1.0);
    }

    #[test]
    fn the_headline_is_binary_trees_and_counts_only_correct_runs() {
        let row = |name: &str, ferrolua: usize, reference: usize, verdict| MemoryRow {
            name: name.to_string(),
            ferrolua: Some(HeapProfile::from_samples(0, &[ferrolua], 0)),
            reference: Some(HeapProfile::from_samples(0, &[reference], 0)),
            ferrolua_gc: None,
            verdict,
        };
        let mut bench = MemoryBench {
            runs: 1,
            interval: 1000,
            rows: vec![
                row(
                    "memory/binary_trees_16.lua",
                    1100,
                    1000,
                    ProgramVerdict::Correct,
                ),
                row("fib.lua", 400, 100, ProgramVerdict::Wrong("x".to_string())),
            ],
        };
        assert_eq!(
            bench.summary_line(),
            "binary_trees_16 peak heap ratio ferrolua/reference: 1.10 (target: at most 1.25, met)"
        );
        assert_eq!(bench.counted_programs(), 1);
        assert!((bench.geometric_mean_ratio().unwrap() - 1.1).abs() < 1e-9);
        bench.rows[0].verdict = ProgramVerdict::Wrong("x".to_string());
        assert_eq!(bench.headline_ratio(), None);
        assert_eq!(
            bench.summary_line(),
            "binary_trees_16 peak heap ratio ferrolua/reference: 1.10 (target: at most 1.25, met; not \
             counted: ferrolua's output is WRONG)"
        );
    }
}
