//! The conformance report: every check that exists, written as `report.md` and `report.json`,
//! and as a self-contained page, `index.html` ([`html`]).
//!
//! The report is meant to be committed, so that a regression shows up as a diff in review:
//! everything in it except the timings and the machine line is deterministic.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;

use crate::bench::memory::{self, MemoryBench};
use crate::bench::programs::{self, ProgramBench};
use crate::bench::{self, FrontEndBench};
use crate::corpus::{CaseKind, Outcome, Summary, Verdict};
use crate::json::Json;
use crate::lang::{Judgement, LangRun};
use crate::show::quoted;
use crate::stdlib_table::StdlibTable;

pub mod campaign;
pub mod columns;
pub mod html;
pub mod svg;

/// What the reference engine is, as reports name it.
pub const REFERENCE_NAME: &str = "PUC-Rio Lua 5.3.6 (vendored by mlua 0.12)";

/// The results of one `conform report` run.
#[derive(Clone, Debug)]
pub struct Report {
    /// The syntax check's outcomes, corpus cases first, then the official suite's.
    pub outcomes: Vec<Outcome>,
    /// The language corpus run, when it was run.
    pub lang: Option<LangRun>,
    /// The front-end benchmark, when it was run.
    pub bench: Option<FrontEndBench>,
    /// The program benchmark, when it was run.
    pub programs: Option<ProgramBench>,
    /// The memory benchmark (peak heaps), when it was run.
    pub memory: Option<MemoryBench>,
    /// The checked-out commit, with `+dirty` when the tree has changes, if git knows one.
    pub commit: Option<String>,
    /// The machine the report was made on.
    pub machine: String,
    /// The harness's build profile.
    pub profile: &'static str,
    /// The standard-library table, when it was probed.
    pub stdlib: Option<StdlibTable>,
    /// A standalone interpreter's runs, the third engine column, when one was given.
    pub standalone: Option<columns::StandaloneRuns>,
    /// The differential campaign, when one ran (filled by `conform diff`).
    pub campaign: Option<campaign::Campaign>,
    /// The official suite run (`conform suite`'s trials), when it ran.
    pub suite: Option<crate::suite::SuiteRun>,
}

impl Report {
    /// A report of these results, describing the current checkout and machine.
    pub fn new(
        outcomes: Vec<Outcome>,
        lang: Option<LangRun>,
        bench: Option<FrontEndBench>,
        programs: Option<ProgramBench>,
        workspace_root: &Path,
    ) -> Report {
        Report {
            outcomes,
            lang,
            bench,
            programs,
            memory: None,
            commit: current_commit(workspace_root),
            machine: bench::machine(),
            profile: bench::build_profile(),
            stdlib: None,
            standalone: None,
            campaign: None,
            suite: None,
        }
    }

    /// Writes `report.md` and `report.json` into `dir`, creating it if needed.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        fs::write(dir.join("report.md"), self.markdown())?;
        fs::write(dir.join("report.json"), self.json().to_pretty())
    }

    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        md.push_str("# ferrolua conformance report\n\n");
        md.push_str("Written by `cargo run --release -p ferrolua-harness -- report`.\n\n");
        md.push_str(&format!("- Reference: {REFERENCE_NAME}\n"));
        md.push_str(&format!(
            "- Commit: {}\n",
            self.commit
                .as_deref()
                .unwrap_or("unknown (not a git checkout, or no commit yet)")
        ));
        md.push_str(&format!("- Machine: {}\n", self.machine));
        md.push_str(&format!("- Harness build: {}\n\n", self.profile));

        md.push_str("## Front end: syntax conformance\n\n");
        md.push_str(
            "Each case is compiled by both engines as `load(source, \"@path\", \"t\")` compiles it. \
             A `corpus/syntax` case agrees when both accept it, or both reject it with byte-identical \
             messages. An official suite file agrees when ferrolua accepts it and the reference agrees.\n\n",
        );
        md.push_str("| cases | checked | agree | disagree |\n| --- | ---: | ---: | ---: |\n");
        for (label, kind) in [
            ("corpus/syntax", Some(CaseKind::Syntax)),
            ("official suite", Some(CaseKind::Suite)),
            ("all", None),
        ] {
            let summary = Summary::of(&self.outcomes, kind);
            md.push_str(&format!(
                "| {label} | {} | {} | {} |\n",
                summary.cases, summary.agree, summary.disagree
            ));
        }
        let disagreements = self
            .outcomes
            .iter()
            .filter(|outcome| !outcome.agrees())
            .collect::<Vec<_>>();
        if disagreements.is_empty() {
            md.push_str("\nNo disagreements.\n");
        } else {
            md.push_str(&format!(
                "\n### Disagreements ({})\n\n",
                disagreements.len()
            ));
            for outcome in disagreements {
                md.push_str(&format!(
                    "- `{}`: {}\n  - reference: {}\n  - ferrolua: {}\n",
                    outcome.case.name,
                    outcome.problem().unwrap_or_default(),
                    markdown_verdict(&outcome.reference),
                    markdown_verdict(&outcome.ferrolua)
                ));
            }
        }

        self.markdown_lang(&mut md);

        md.push_str("\n## Front end: compile time against the reference\n\n");
        match &self.bench {
            None => md.push_str("Not run.\n"),
            Some(bench) => {
                md.push_str(&format!(
                    "Median of {} timed compilations per file and engine, after a warm-up; only the \
                     compilation is timed. Ratio is ferrolua's time over the reference's.\n\n",
                    bench.iterations
                ));
                md.push_str("| file | bytes | ferrolua | reference | ratio |\n| --- | ---: | ---: | ---: | ---: |\n");
                for file in &bench.files {
                    let ratio = if file.comparable() {
                        format!("{:.2}", file.ratio())
                    } else {
                        "not counted".to_string()
                    };
                    md.push_str(&format!(
                        "| {} | {} | {} | {} | {ratio} |\n",
                        file.name,
                        file.bytes,
                        bench::micros(file.ferrolua),
                        bench::micros(file.reference)
                    ));
                }
                md.push_str(&format!("\n{}\n", bench.summary_line()));
            }
        }

        self.markdown_programs(&mut md);
        self.markdown_memory(&mut md);

        if let Some(suite) = &self.suite {
            md.push_str(&crate::suite::report::markdown(suite));
        }

        md.push_str("\n## Standard library (manual §6)\n\n");
        match &self.stdlib {
            None => md.push_str("Not probed.\n"),
            Some(stdlib) => md.push_str(&stdlib.markdown()),
        }
        if let Some(standalone) = &self.standalone {
            md.push_str(&standalone.markdown());
        }

        md.push_str(
            "\n## Not measured yet\n\nThere are no randomized differential campaigns yet. The memory \
             benchmark counts the bytes each engine asks of the allocator, not the allocator's own \
             overhead nor the pages the process takes from the system.\n",
        );
        md
    }

    fn markdown_lang(&self, md: &mut String) {
        md.push_str("\n## Language corpus: runs compared\n\n");
        let Some(lang) = &self.lang else {
            md.push_str("Not run.\n");
            return;
        };
        md.push_str(
            "Each `corpus/lang` case runs in a fresh state of each engine, inside `xpcall` with the same \
             message handler, and the engines are compared on status, printed output, returned values, \
             error message and traceback, each separately. Known failures are listed, with a reason, in \
             `corpus/lang/expectations.toml`.\n\n",
        );
        let summary = lang.summary();
        md.push_str("| cases | pass | expected failures | unexpected failures | panics | unexpected passes |\n");
        md.push_str("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            summary.cases,
            summary.pass,
            summary.expected_fail,
            summary.fail,
            summary.panic,
            summary.unexpected_pass
        ));
        let failures = lang.failures().collect::<Vec<_>>();
        if !failures.is_empty() {
            md.push_str(&format!(
                "\n### Cases that do not pass ({})\n\n",
                failures.len()
            ));
            for (outcome, judgement) in failures {
                let reason = match judgement {
                    Judgement::ExpectedFail(reason) | Judgement::UnexpectedPass(reason) => {
                        reason.clone()
                    }
                    _ => outcome.inferred_reason(),
                };
                md.push_str(&format!(
                    "- `{}` ({}; {}): {}\n",
                    outcome.case.name,
                    judgement.label(),
                    outcome.difference_summary(),
                    markdown_text(&reason)
                ));
            }
        }
        for entry in &lang.stale_entries {
            md.push_str(&format!("- stale expectation `{entry}`: no such case\n"));
        }
    }

    fn markdown_programs(&self, md: &mut String) {
        md.push_str("\n## Run time against the reference (corpus/bench)\n\n");
        let Some(bench) = &self.programs else {
            md.push_str("Not run.\n");
            return;
        };
        md.push_str(&format!(
            "Median of {} runs per program and engine, each in a fresh state; only the execution of the \
             main chunk is timed. A program whose output differs from the reference's is WRONG and not \
             counted. Ratio is ferrolua's time over the reference's.\n\n",
            bench.runs
        ));
        md.push_str(
            "| program | ferrolua | reference | ratio | ferrolua GC |\n| --- | ---: | ---: | ---: | ---: |\n",
        );
        for program in &bench.programs {
            let ratio = match program.verdict.detail() {
                None => format!("{:.2}", program.ratio()),
                Some(detail) => format!("{}: {}", program.verdict.label(), markdown_text(detail)),
            };
            md.push_str(&format!(
                "| {} | {} | {} | {ratio} | {} |\n",
                program.name,
                programs::millis(program.ferrolua),
                programs::millis(program.reference),
                program
                    .ferrolua_gc
                    .map_or_else(|| "n/a".to_string(), |gc| gc.cell())
            ));
        }
        md.push_str(&format!(
            "\n{}\n\n{}\n\n{}\n",
            bench.count_line(),
            bench.gc_line(),
            bench.summary_line()
        ));
    }

    fn markdown_memory(&self, md: &mut String) {
        md.push_str(
            "\n## Peak heap against the reference (corpus/bench/memory and corpus/bench)\n\n",
        );
        let Some(bench) = &self.memory else {
            md.push_str("Not run.\n");
            return;
        };
        md.push_str(&format!(
            "{} runs per program and engine, alternating, each in a fresh state, with a count hook in \
             both engines that reads the heap every {} VM instructions (ferrolua: `collectgarbage(\"count\")`; the \
             reference: its allocator's byte count, which `collectgarbage(\"count\")` reports), and \
             once before and once after the main chunk. Peak is the largest reading of the run with \
             the median peak; ratio is ferrolua's peak over the reference's. Growth is the peak of the run's second half over \
             the first half's (by instruction count): about 1 when the heap does not grow. A run \
             whose output differs from the reference's is not counted.\n\n",
            bench.runs, bench.interval
        ));
        md.push_str(
            "| program | ferrolua peak | reference peak | ratio | growth ferrolua | growth reference | \
             ferrolua GC |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
        );
        for row in &bench.rows {
            let peak = |profile: &Option<memory::HeapProfile>| {
                profile.map_or_else(
                    || "n/a".to_string(),
                    |profile| memory::kilobytes(profile.peak_bytes),
                )
            };
            let growth = |profile: &Option<memory::HeapProfile>| {
                profile.map_or_else(
                    || "n/a".to_string(),
                    |profile| format!("{:.2}", profile.growth()),
                )
            };
            let ratio = markdown_text(&row.ratio_cell());
            md.push_str(&format!(
                "| {} | {} | {} | {ratio} | {} | {} | {} |\n",
                row.name,
                peak(&row.ferrolua),
                peak(&row.reference),
                growth(&row.ferrolua),
                growth(&row.reference),
                row.ferrolua_gc
                    .map_or_else(|| "n/a".to_string(), |gc| gc.cell())
            ));
        }
        md.push_str(&format!("\n{}\n", bench.geomean_line()));
        if let Some(line) = bench.constant_memory_line() {
            md.push_str(&format!("\n{line}\n"));
        }
        md.push_str(&format!("\n{}\n", bench.summary_line()));
    }

    /// The report as JSON.
    pub fn json(&self) -> Json {
        let summary = |kind| {
            let summary = Summary::of(&self.outcomes, kind);
            Json::object([
                ("cases", Json::Int(summary.cases as i64)),
                ("agree", Json::Int(summary.agree as i64)),
                ("disagree", Json::Int(summary.disagree as i64)),
            ])
        };
        let disagreements = self
            .outcomes
            .iter()
            .filter(|outcome| !outcome.agrees())
            .map(|outcome| {
                Json::object([
                    ("case", Json::str(&outcome.case.name)),
                    ("kind", Json::str(kind_name(outcome.case.kind))),
                    ("problem", Json::str(outcome.problem().unwrap_or_default())),
                    ("reference", json_verdict(&outcome.reference)),
                    ("ferrolua", json_verdict(&outcome.ferrolua)),
                ])
            })
            .collect();
        let bench = match &self.bench {
            None => Json::Null,
            Some(bench) => Json::object([
                ("iterations", Json::Int(bench.iterations as i64)),
                (
                    "files",
                    Json::Array(
                        bench
                            .files
                            .iter()
                            .map(|file| {
                                Json::object([
                                    ("file", Json::str(&file.name)),
                                    ("bytes", Json::Int(file.bytes as i64)),
                                    ("ferrolua_ns", Json::Int(file.ferrolua.as_nanos() as i64)),
                                    ("reference_ns", Json::Int(file.reference.as_nanos() as i64)),
                                    ("ratio", Json::Float(file.ratio())),
                                    ("counted", Json::Bool(file.comparable())),
                                ])
                            })
                            .collect(),
                    ),
                ),
                (
                    "geometric_mean_ratio",
                    bench.geometric_mean_ratio().map_or(Json::Null, Json::Float),
                ),
                (
                    "total_time_ratio",
                    bench.total_ratio().map_or(Json::Null, Json::Float),
                ),
            ]),
        };
        Json::object([
            ("reference", Json::str(REFERENCE_NAME)),
            (
                "commit",
                self.commit.as_deref().map_or(Json::Null, Json::str),
            ),
            ("machine", Json::str(&self.machine)),
            ("harness_build", Json::str(self.profile)),
            (
                "syntax",
                Json::object([
                    ("corpus", summary(Some(CaseKind::Syntax))),
                    ("suite", summary(Some(CaseKind::Suite))),
                    ("all", summary(None)),
                    ("disagreements", Json::Array(disagreements)),
                ]),
            ),
            ("lang", self.json_lang()),
            ("front_end_bench", bench),
            ("program_bench", self.json_programs()),
            ("memory_bench", self.json_memory()),
            (
                "suite",
                self.suite
                    .as_ref()
                    .map_or(Json::Null, crate::suite::report::json),
            ),
            (
                "stdlib",
                self.stdlib.as_ref().map_or(Json::Null, StdlibTable::json),
            ),
            (
                "standalone",
                self.standalone
                    .as_ref()
                    .map_or(Json::Null, columns::StandaloneRuns::json),
            ),
            (
                "campaign",
                self.campaign
                    .as_ref()
                    .map_or(Json::Null, campaign::Campaign::json),
            ),
        ])
    }

    fn json_lang(&self) -> Json {
        let Some(lang) = &self.lang else {
            return Json::Null;
        };
        let summary = lang.summary();
        let failures = lang
            .failures()
            .map(|(outcome, judgement)| {
                let reason = match judgement {
                    Judgement::ExpectedFail(reason) | Judgement::UnexpectedPass(reason) => {
                        reason.clone()
                    }
                    _ => outcome.inferred_reason(),
                };
                Json::object([
                    ("case", Json::str(&outcome.case.name)),
                    ("judgement", Json::str(judgement.label())),
                    (
                        "differing_fields",
                        Json::Array(
                            outcome
                                .differing_fields()
                                .iter()
                                .map(|field| Json::str(field.name()))
                                .collect(),
                        ),
                    ),
                    ("reason", Json::str(reason)),
                ])
            })
            .collect();
        Json::object([
            ("cases", Json::Int(summary.cases as i64)),
            ("pass", Json::Int(summary.pass as i64)),
            ("expected_failures", Json::Int(summary.expected_fail as i64)),
            ("unexpected_failures", Json::Int(summary.fail as i64)),
            ("panics", Json::Int(summary.panic as i64)),
            (
                "unexpected_passes",
                Json::Int(summary.unexpected_pass as i64),
            ),
            ("failing_cases", Json::Array(failures)),
            (
                "stale_expectations",
                Json::Array(lang.stale_entries.iter().map(Json::str).collect()),
            ),
        ])
    }

    fn json_programs(&self) -> Json {
        let Some(bench) = &self.programs else {
            return Json::Null;
        };
        let programs = bench
            .programs
            .iter()
            .map(|program| {
                Json::object([
                    ("program", Json::str(&program.name)),
                    ("ferrolua_ns", Json::Int(program.ferrolua.as_nanos() as i64)),
                    (
                        "reference_ns",
                        Json::Int(program.reference.as_nanos() as i64),
                    ),
                    ("ratio", Json::Float(program.ratio())),
                    ("verdict", Json::str(program.verdict.label())),
                    (
                        "detail",
                        program.verdict.detail().map_or(Json::Null, Json::str),
                    ),
                    ("counted", Json::Bool(program.counted())),
                    (
                        "ferrolua_gc",
                        program.ferrolua_gc.map_or(Json::Null, json_gc),
                    ),
                ])
            })
            .collect();
        Json::object([
            ("runs", Json::Int(bench.runs as i64)),
            ("programs", Json::Array(programs)),
            (
                "geometric_mean_ratio",
                bench.geometric_mean_ratio().map_or(Json::Null, Json::Float),
            ),
            (
                "ferrolua_gc_total",
                bench.gc_total().map_or(Json::Null, json_gc),
            ),
        ])
    }

    fn json_memory(&self) -> Json {
        let Some(bench) = &self.memory else {
            return Json::Null;
        };
        let profile = |profile: &Option<memory::HeapProfile>| match profile {
            None => Json::Null,
            Some(profile) => Json::object([
                ("start_bytes", Json::Int(profile.start_bytes as i64)),
                ("peak_bytes", Json::Int(profile.peak_bytes as i64)),
                (
                    "first_half_peak_bytes",
                    Json::Int(profile.first_half_peak as i64),
                ),
                (
                    "second_half_peak_bytes",
                    Json::Int(profile.second_half_peak as i64),
                ),
                ("end_bytes", Json::Int(profile.end_bytes as i64)),
                ("samples", Json::Int(profile.samples as i64)),
                ("peak_at", Json::Float(profile.peak_at)),
                ("growth", Json::Float(profile.growth())),
            ]),
        };
        let rows = bench
            .rows
            .iter()
            .map(|row| {
                Json::object([
                    ("program", Json::str(&row.name)),
                    ("ferrolua", profile(&row.ferrolua)),
                    ("reference", profile(&row.reference)),
                    ("ratio", row.ratio().map_or(Json::Null, Json::Float)),
                    ("verdict", Json::str(row.verdict.label())),
                    ("detail", row.verdict.detail().map_or(Json::Null, Json::str)),
                    ("counted", Json::Bool(row.counted())),
                    ("ferrolua_gc", row.ferrolua_gc.map_or(Json::Null, json_gc)),
                ])
            })
            .collect();
        Json::object([
            ("sample_interval", Json::Int(i64::from(bench.interval))),
            ("programs", Json::Array(rows)),
            (
                "geometric_mean_ratio",
                bench.geometric_mean_ratio().map_or(Json::Null, Json::Float),
            ),
            ("headline_program", Json::str(memory::HEADLINE_PROGRAM)),
            (
                "headline_ratio",
                bench.headline_ratio().map_or(Json::Null, Json::Float),
            ),
            ("headline_target", Json::Float(memory::PEAK_RATIO_TARGET)),
        ])
    }
}

/// ferrolua's collector counters as JSON.
fn json_gc(gc: programs::GcUsage) -> Json {
    Json::object([
        ("runs", Json::Int(i64::from(gc.runs))),
        ("cycles", Json::Int(gc.cycles as i64)),
        ("collecting_ns", Json::Int(gc.collecting.as_nanos() as i64)),
        ("elapsed_ns", Json::Int(gc.elapsed.as_nanos() as i64)),
        ("share", Json::Float(gc.share())),
    ])
}

/// Text for a Markdown table cell or list item: one line, with pipes escaped.
fn markdown_text(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

fn kind_name(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Syntax => "corpus",
        CaseKind::Suite => "suite",
        CaseKind::Lang => "lang",
    }
}

fn markdown_verdict(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Accepts(_) => "accepts".to_string(),
        Verdict::Rejects(message) => format!("rejects with `` {} ``", quoted(message)),
        Verdict::Panics(message) => format!("panics: `` {} ``", quoted(message.as_bytes())),
    }
}

fn json_verdict(verdict: &Verdict) -> Json {
    match verdict {
        Verdict::Accepts(_) => Json::object([("verdict", Json::str("accepts"))]),
        // Messages are bytes and JSON strings are Unicode: a message that is not UTF-8 is given
        // lossily for reading and in hex for exactness.
        Verdict::Rejects(message) => match std::str::from_utf8(message) {
            Ok(text) => Json::object([
                ("verdict", Json::str("rejects")),
                ("message", Json::str(text)),
            ]),
            Err(_) => Json::object([
                ("verdict", Json::str("rejects")),
                ("message", Json::str(String::from_utf8_lossy(message))),
                (
                    "message_hex",
                    Json::str(
                        message
                            .iter()
                            .map(|byte| format!("{byte:02x}"))
                            .collect::<String>(),
                    ),
                ),
            ]),
        },
        Verdict::Panics(message) => Json::object([
            ("verdict", Json::str("panics")),
            ("message", Json::str(message)),
        ]),
    }
}

/// The commit checked out in `workspace_root`, with `+dirty` for uncommitted changes.
fn current_commit(workspace_root: &Path) -> Option<String> {
    let git = |arguments: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(workspace_root)
            .args(arguments)
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let commit = git(&["rev-parse", "HEAD"])?;
    let dirty = git(&["status", "--porcelain"]).is_some_and(|status| !status.is_empty());
    Some(if dirty {
        format!("{commit}+dirty")
    } else {
        commit
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::Report;
    use crate::corpus::{Case, CaseKind, Outcome, Verdict};

    #[test]
    fn disagreements_are_listed_with_both_messages() {
        let case = Case {
            kind: CaseKind::Syntax,
            name: "syntax/x.lua".to_string(),
            path: PathBuf::from("x.lua"),
            chunk_name: b"@syntax/x.lua".to_vec(),
        };
        let outcome = Outcome {
            case,
            reference: Verdict::Rejects(b"x.lua:1: unexpected symbol near '\xff'".to_vec()),
            ferrolua: Verdict::Accepts(Vec::new()),
        };
        let report = Report {
            outcomes: vec![outcome],
            lang: None,
            bench: None,
            programs: None,
            memory: None,
            commit: None,
            machine: "test".to_string(),
            profile: "debug",
            stdlib: None,
            standalone: None,
            campaign: None,
            suite: None,
        };
        let markdown = report.markdown();
        assert!(
            markdown.contains("| corpus/syntax | 1 | 0 | 1 |"),
            "{markdown}"
        );
        assert!(markdown.contains("### Disagreements (1)"), "{markdown}");
        assert!(markdown.contains("- `syntax/x.lua`: the verdicts differ\n  - reference: rejects with `` \"x.lua:1: unexpected symbol near '\\xff'\" ``\n  - ferrolua: accepts\n"), "{markdown}");
        let json = report.json().to_pretty();
        assert!(json.contains("\"message_hex\": \"782e6c75613a313a20756e65787065637465642073796d626f6c206e6561722027ff27\""), "{json}");
    }
}
