//! Benchmarks against the reference in the same process run, reported as time ratios.
//!
//! `conform bench --front-end` compiles each official suite file with ferrolua's
//! `compile_with` and with PUC's `luaL_loadbufferx` (through mlua), timing the compilation
//! alone. Reading the file, dropping the result and collecting garbage happen outside the timed
//! part. `conform bench` runs whole programs ([`programs`]) and measures their peak heap
//! ([`memory`]).

pub mod allocator;
pub mod memory;
pub mod programs;

use std::fs;
use std::hint::black_box;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use mlua::chunk::ChunkMode;

use crate::corpus::suite_cases;
use crate::engine::{new_reference_state, Budget, FerroluaEngine};

/// The timings of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileTiming {
    /// The file's name in the suite, such as `all.lua`.
    pub name: String,
    /// The source's size after the `#` line is skipped.
    pub bytes: usize,
    /// ferrolua's median time to compile the file once.
    pub ferrolua: Duration,
    /// The reference's median time to compile the file once.
    pub reference: Duration,
    /// Whether ferrolua compiled it; a rejection stops early, so its time is not comparable.
    pub ferrolua_accepts: bool,
    /// Whether the reference compiled it.
    pub reference_accepts: bool,
}

impl FileTiming {
    /// ferrolua's time over the reference's.
    pub fn ratio(&self) -> f64 {
        seconds(self.ferrolua) / seconds(self.reference)
    }

    /// Whether the file counts towards the summary ratios: both engines compiled it.
    pub fn comparable(&self) -> bool {
        self.ferrolua_accepts && self.reference_accepts
    }
}

/// The front-end benchmark over the official suite.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontEndBench {
    /// Timed compilations per file and engine, after one untimed warm-up each.
    pub iterations: u32,
    /// One row per suite file, in name order.
    pub files: Vec<FileTiming>,
}

/// The geometric mean of some ratios, or `None` when there are none.
pub fn geometric_mean(ratios: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = ratios
        .into_iter()
        .fold((0.0, 0usize), |(sum, n), ratio| (sum + ratio.ln(), n + 1));
    (n > 0).then(|| (sum / n as f64).exp())
}

impl FrontEndBench {
    /// The geometric mean of the per-file ratios over the comparable files.
    pub fn geometric_mean_ratio(&self) -> Option<f64> {
        geometric_mean(
            self.files
                .iter()
                .filter(|file| file.comparable())
                .map(FileTiming::ratio),
        )
    }

    /// ferrolua's total time over the reference's, over the comparable files.
    pub fn total_ratio(&self) -> Option<f64> {
        let comparable = self.files.iter().filter(|file| file.comparable());
        let (ferrolua, reference) = comparable.fold((0.0, 0.0), |(ferrolua, reference), file| {
            (
                ferrolua + seconds(file.ferrolua),
                reference + seconds(file.reference),
            )
        });
        (reference > 0.0).then(|| ferrolua / reference)
    }

    /// How many files count towards the ratios.
    pub fn comparable_files(&self) -> usize {
        self.files.iter().filter(|file| file.comparable()).count()
    }

    /// The closing line: `front-end time ratio ferrolua/reference: X.XX (...)`.
    pub fn summary_line(&self) -> String {
        match (self.geometric_mean_ratio(), self.total_ratio()) {
            (Some(geometric_mean), Some(total)) => format!(
                "front-end time ratio ferrolua/reference: {geometric_mean:.2} (geometric mean over {} files; \
                 total-time ratio {total:.2})",
                self.comparable_files()
            ),
            _ => "front-end time ratio ferrolua/reference: n/a (no file compiled in both engines)".to_string(),
        }
    }
}

/// A duration in seconds, never zero, so that ratios and logarithms stay finite.
pub(crate) fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64().max(1e-9)
}

/// Times both front ends on every `*.lua` file of the suite, one file at a time, calling
/// `on_file` after each so that callers can print as they go.
pub fn front_end(
    suite_dir: &Path,
    iterations: u32,
    mut on_file: impl FnMut(&FileTiming),
) -> io::Result<FrontEndBench> {
    let iterations = iterations.max(1);
    let lua = new_reference_state(Budget::default()).map_err(lua_error)?;
    let options = FerroluaEngine::new().options();
    let mut files = Vec::new();
    for case in suite_cases(suite_dir)? {
        let contents = fs::read(&case.path)?;
        let source = ferrolua::compiler::skip_file_prefix(&contents);
        let lua_name = String::from_utf8_lossy(&case.chunk_name).into_owned();
        let mut ferrolua_times = Vec::with_capacity(iterations as usize);
        let mut reference_times = Vec::with_capacity(iterations as usize);
        let mut ferrolua_accepts = true;
        let mut reference_accepts = true;
        // The first round warms caches and is not counted. The engines alternate so that a
        // change in the machine's load affects both alike.
        for round in 0..=iterations {
            let start = Instant::now();
            let compiled = ferrolua::compile_with(black_box(source), &case.chunk_name, options);
            let elapsed = start.elapsed();
            ferrolua_accepts = black_box(compiled).is_ok();
            if round > 0 {
                ferrolua_times.push(elapsed);
            }

            let start = Instant::now();
            let loaded = lua
                .load(black_box(source))
                .set_name(lua_name.as_str())
                .set_mode(ChunkMode::Text)
                .into_function();
            let elapsed = start.elapsed();
            reference_accepts = black_box(loaded).is_ok();
            lua.gc_collect().map_err(lua_error)?;
            if round > 0 {
                reference_times.push(elapsed);
            }
        }
        let name = case
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or(case.name);
        let timing = FileTiming {
            name,
            bytes: source.len(),
            ferrolua: median(&mut ferrolua_times),
            reference: median(&mut reference_times),
            ferrolua_accepts,
            reference_accepts,
        };
        on_file(&timing);
        files.push(timing);
    }
    Ok(FrontEndBench { iterations, files })
}

pub(crate) fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// Formats a duration in microseconds for tables.
pub fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
}

/// One table row for a file, as `conform bench` prints it.
pub fn file_line(timing: &FileTiming) -> String {
    let note = match (timing.ferrolua_accepts, timing.reference_accepts) {
        (true, true) => String::new(),
        (false, _) => "  (ferrolua rejects it: not counted)".to_string(),
        (true, false) => "  (the reference rejects it: not counted)".to_string(),
    };
    format!(
        "{:<16} {:>8} B  ferrolua {:>12}  reference {:>12}  ratio {:>6.2}{note}",
        timing.name,
        timing.bytes,
        micros(timing.ferrolua),
        micros(timing.reference),
        timing.ratio()
    )
}

/// The build profile this binary was built with; timings from a debug build mean little.
pub fn build_profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

/// A one-line description of the machine: CPU model and available parallelism.
pub fn machine() -> String {
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    format!(
        "{model}, {threads} hardware threads available, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// An mlua error as an I/O error; mlua's errors are not `Send`, so only their text is kept.
pub(crate) fn lua_error(error: mlua::Error) -> io::Error {
    io::Error::other(error.to_string())
}
