//! The report as one self-contained HTML page, `reports/latest/index.html`: inline CSS and
//! inline SVG charts ([`super::svg`]), no script, no font or image from the network.
//!
//! The page shows the summary, trends drawn from `reports/history.jsonl` ([`crate::history`]),
//! the official suite per file and mode, the standard-library table, the language corpus per
//! folder with each failure's diff, the syntax check, the differential campaign and the
//! benchmarks. Engines are columns: ferrolua, the embedded reference and, with
//! `conform report --engine NAME`, a standalone interpreter.

use std::fmt::Write;
use std::fs;
use std::io;
use std::path::Path;

use super::campaign::{observation_text, Campaign, GroupStats};
use super::columns::StandaloneRuns;
use super::svg::{bar_chart, line_chart, Bar, Series, YAxis};
use super::{Report, REFERENCE_NAME};
use crate::bench;
use crate::bench::memory::{self, HeapProfile};
use crate::bench::programs;
use crate::corpus::{CaseKind, Summary, Verdict};
use crate::history::{self, Count, HistoryEntry};
use crate::lang::Judgement;
use crate::stdlib_table::{Availability, StdlibTable};

/// Escapes text for HTML element content and attribute values (quoted with `"` or `'`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline cannot appear in HTML text; they
            // are shown as escapes so that a stray byte in a message stays visible.
            ch if ch.is_control() && ch != '\n' && ch != '\t' => {
                let _ = write!(out, "\\u{{{:x}}}", ch as u32);
            }
            ch => out.push(ch),
        }
    }
    out
}

/// Appends this run to the history file, then writes `index.html` into `dir` with the trends
/// of the whole history.
pub fn write_with_history(report: &Report, dir: &Path, history_path: &Path) -> io::Result<()> {
    let entry = HistoryEntry::of(report, history::now_utc());
    history::append(history_path, &entry)?;
    let entries = history::read(history_path)?;
    fs::create_dir_all(dir)?;
    fs::write(dir.join("index.html"), page(report, &entries))
}

/// The whole page.
pub fn page(report: &Report, history: &[HistoryEntry]) -> String {
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str("<title>ferrolua conformance report</title>\n<style>\n");
    html.push_str(CSS);
    html.push_str("</style>\n</head>\n<body>\n<main>\n");
    header(&mut html, report, history.last());
    summary(&mut html, report);
    trends(&mut html, history);
    suite(&mut html, report);
    stdlib(&mut html, report.stdlib.as_ref());
    lang(&mut html, report);
    syntax(&mut html, report);
    campaign(&mut html, report.campaign.as_ref());
    benchmarks(&mut html, report);
    html.push_str(
        "<footer>Written by <code>cargo run --release -p ferrolua-harness -- report</code>. \
         This page is self-contained: no script, no network.</footer>\n</main>\n</body>\n</html>\n",
    );
    html
}

const CSS: &str = "\
:root { --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #656d76; --line: #d0d7de; --bg-soft: #f6f8fa; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; font-size: 14px; line-height: 1.45; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.meta span { margin-right: 18px; }
nav a { margin-right: 14px; }
a { color: #0969da; text-decoration: none; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 6px 0; }
table { border-collapse: collapse; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: #eaeef2; text-align: left; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fff; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 24px; font-weight: 600; margin: 2px 0; }
.card .sub { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.ok { background: #dafbe1; color: var(--good); }
.bad { background: #ffebe9; color: var(--bad); }
.warn { background: #fff8c5; color: var(--warn); }
.na { background: #eaeef2; color: var(--muted); }
.good-text { color: var(--good); } .bad-text { color: var(--bad); } .warn-text { color: var(--warn); }
.placeholder { border: 2px dashed var(--line); border-radius: 8px; padding: 10px 14px; color: var(--muted); background: var(--bg-soft); }
details { margin: 4px 0; }
summary { cursor: pointer; }
.diff .add { color: var(--good); background: #e6ffec; display: block; }
.diff .del { color: var(--bad); background: #ffebe9; display: block; }
.diff .hunk { color: #8250df; display: block; }
svg.chart { display: block; margin: 8px 0 16px; max-width: 100%; height: auto; }
svg .chart-title { font-size: 13px; font-weight: 600; fill: #1f2328; }
svg .tick, svg .bar-label, svg .bar-value { font-size: 11px; fill: #424a53; }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .parity { stroke: #8c959f; stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .bar-good { fill: #4ac26b; } svg .bar-bad { fill: #fb8f44; } svg .bar-uncounted { fill: #afb8c1; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
";

fn header(html: &mut String, report: &Report, latest: Option<&HistoryEntry>) {
    html.push_str("<h1>ferrolua conformance report</h1>\n<p class=\"meta\">");
    let _ = write!(
        html,
        "<span>Commit <code>{}</code></span>",
        escape(report.commit.as_deref().unwrap_or("unknown"))
    );
    if let Some(latest) = latest {
        let _ = write!(html, "<span>Date {}</span>", escape(&latest.date));
    }
    let _ = writeln!(
        html,
        "<span>Machine {}</span><span>Harness build {}</span></p>",
        escape(&report.machine),
        report.profile
    );
    let _ = write!(
        html,
        "<p class=\"meta\"><span>Engines: <b>ferrolua</b>; <b>reference</b> = {} (embedded, the oracle)",
        escape(REFERENCE_NAME)
    );
    if let Some(standalone) = &report.standalone {
        let _ = write!(
            html,
            "; <b>{}</b> = {} ({})",
            escape(&standalone.engine),
            escape(&standalone.version),
            escape(&standalone.program.display().to_string())
        );
    }
    html.push_str("</span></p>\n<nav>");
    for (anchor, title) in [
        ("summary", "Summary"),
        ("trends", "Trends"),
        ("suite", "Official suite"),
        ("stdlib", "Standard library"),
        ("lang", "Language corpus"),
        ("syntax", "Syntax"),
        ("campaign", "Differential campaign"),
        ("bench", "Benchmarks"),
    ] {
        let _ = write!(html, "<a href=\"#{anchor}\">{title}</a>");
    }
    html.push_str("</nav>\n");
}

fn card(html: &mut String, label: &str, value: &str, sub: &str, class: &str) {
    let _ = writeln!(
        html,
        "<div class=\"card\"><div class=\"label\">{}</div><div class=\"value {class}\">{}</div>\
         <div class=\"sub\">{}</div></div>",
        escape(label),
        escape(value),
        escape(sub)
    );
}

/// The text class for a share: all good, some bad, or nothing measured.
fn share_class(count: Count) -> &'static str {
    match count.percent() {
        None => "",
        Some(percent) if percent >= 100.0 => "good-text",
        Some(percent) if percent >= 90.0 => "warn-text",
        Some(_) => "bad-text",
    }
}

fn ratio_class(ratio: f64) -> &'static str {
    if ratio <= 1.05 {
        "good-text"
    } else if ratio <= 2.0 {
        "warn-text"
    } else {
        "bad-text"
    }
}

fn summary(html: &mut String, report: &Report) {
    html.push_str("<h2 id=\"summary\">Summary</h2>\n<div class=\"cards\">\n");
    let entry = HistoryEntry::of(report, String::new());
    let count_card = |html: &mut String, label: &str, count: Option<Count>, what: &str| match count
    {
        Some(count) => card(
            html,
            label,
            &format!("{} / {}", count.passed, count.total),
            &format!("{what} ({:.1} %)", count.percent().unwrap_or(100.0)),
            share_class(count),
        ),
        None => card(html, label, "not run", "", ""),
    };
    count_card(html, "Syntax", entry.syntax, "cases agree");
    count_card(html, "Language corpus", entry.lang, "cases pass");
    if entry.suite.is_empty() {
        card(html, "Official suite", "not run", "compiled only", "");
    }
    for (mode, count) in &entry.suite {
        count_card(
            html,
            &format!("Suite ({mode})"),
            Some(*count),
            "trials pass",
        );
    }
    match &report.stdlib {
        Some(stdlib) => {
            let counts = stdlib.ferrolua_counts(None);
            card(
                html,
                "Standard library",
                &format!("{} / {}", counts.implemented, stdlib.rows.len()),
                &format!(
                    "implemented; {} differ, {} missing",
                    counts.differs, counts.missing
                ),
                share_class(Count {
                    passed: counts.implemented,
                    total: stdlib.rows.len(),
                }),
            );
        }
        None => card(html, "Standard library", "not probed", "", ""),
    }
    for (label, ratio, what) in [
        (
            "Front-end time",
            entry.front_end_ratio,
            "geomean ratio, compile",
        ),
        (
            "Run time",
            entry.programs_ratio,
            "geomean ratio, corpus/bench",
        ),
    ] {
        match ratio {
            Some(ratio) => card(
                html,
                label,
                &format!("{ratio:.2}×"),
                &format!("{what} (ferrolua / reference)"),
                ratio_class(ratio),
            ),
            None => card(html, label, "not run", "", ""),
        }
    }
    match &report.memory {
        Some(bench) => {
            let row = bench.row(memory::HEADLINE_PROGRAM);
            match row.and_then(memory::MemoryRow::ratio) {
                Some(ratio) => card(
                    html,
                    "Peak heap",
                    &format!("{ratio:.2}×"),
                    &format!(
                        "binary_trees_16, ferrolua / reference (target ≤ {:.2}){}",
                        memory::PEAK_RATIO_TARGET,
                        if row.is_some_and(memory::MemoryRow::counted) {
                            String::new()
                        } else {
                            "; output WRONG, not counted".to_string()
                        }
                    ),
                    if ratio <= memory::PEAK_RATIO_TARGET {
                        "good-text"
                    } else {
                        "bad-text"
                    },
                ),
                None => card(html, "Peak heap", "n/a", "binary_trees_16 did not run", ""),
            }
        }
        None => card(html, "Peak heap", "not run", "", ""),
    }
    match entry.gc_overhead {
        Some(share) => card(
            html,
            "GC overhead",
            &format!("{:.1} %", 100.0 * share),
            "of ferrolua's run time collecting, corpus/bench",
            "",
        ),
        None => card(html, "GC overhead", "not run", "", ""),
    }
    match &report.campaign {
        Some(campaign) => card(
            html,
            "Differential campaign",
            &format!("{} divergent", campaign.divergent_programs()),
            &format!("of {} programs, seed {}", campaign.programs, campaign.seed),
            if campaign.divergent_programs() == 0 {
                "good-text"
            } else {
                "bad-text"
            },
        ),
        None => card(
            html,
            "Differential campaign",
            "none",
            "no campaign in this report",
            "",
        ),
    }
    html.push_str("</div>\n");
}

fn trends(html: &mut String, history: &[HistoryEntry]) {
    html.push_str("<h2 id=\"trends\">Trends</h2>\n");
    if history.is_empty() {
        html.push_str("<p>No history yet: <code>reports/history.jsonl</code> is empty.</p>\n");
        return;
    }
    let _ = writeln!(
        html,
        "<p>{} runs recorded in <code>reports/history.jsonl</code>, oldest first; hover a point \
         for its value. Timings depend on the machine each run was made on.</p>",
        history.len()
    );
    let labels = history.iter().map(HistoryEntry::label).collect::<Vec<_>>();
    let ratios = [
        Series {
            name: "front end (compile)".to_string(),
            color: "#0969da",
            values: history.iter().map(|entry| entry.front_end_ratio).collect(),
        },
        Series {
            name: "programs (corpus/bench)".to_string(),
            color: "#fb8500",
            values: history.iter().map(|entry| entry.programs_ratio).collect(),
        },
    ];
    html.push_str(&line_chart(
        "Geometric-mean time ratio, ferrolua / reference (lower is faster; dashed: parity)",
        &labels,
        &ratios,
        YAxis {
            min: Some(0.0),
            max: None,
            unit: "",
            reference_line: Some(1.0),
        },
    ));
    memory_trends(html, history, &labels);
    let percent = |count: &Option<Count>| count.and_then(|count| count.percent());
    let mut rates = vec![
        Series {
            name: "syntax agree".to_string(),
            color: "#8250df",
            values: history.iter().map(|entry| percent(&entry.syntax)).collect(),
        },
        Series {
            name: "lang pass".to_string(),
            color: "#1a7f37",
            values: history.iter().map(|entry| percent(&entry.lang)).collect(),
        },
        Series {
            name: "stdlib implemented".to_string(),
            color: "#bf3989",
            values: history.iter().map(|entry| percent(&entry.stdlib)).collect(),
        },
        Series {
            name: "campaign agree".to_string(),
            color: "#57606a",
            values: history
                .iter()
                .map(|entry| percent(&entry.campaign))
                .collect(),
        },
    ];
    let mut modes = Vec::<String>::new();
    for entry in history {
        for (mode, _) in &entry.suite {
            if !modes.contains(mode) {
                modes.push(mode.clone());
            }
        }
    }
    for (mode, color) in modes
        .iter()
        .zip(["#cf222e", "#9a6700", "#0a3069"].iter().cycle())
    {
        rates.push(Series {
            name: format!("suite {mode}"),
            color,
            values: history
                .iter()
                .map(|entry| {
                    entry
                        .suite
                        .iter()
                        .find(|(name, _)| name == mode)
                        .and_then(|(_, count)| count.percent())
                })
                .collect(),
        });
    }
    rates.retain(|series| series.values.iter().any(Option::is_some));
    html.push_str(&line_chart(
        "Pass rates (percent)",
        &labels,
        &rates,
        YAxis {
            min: Some(0.0),
            max: Some(100.0),
            unit: "%",
            reference_line: None,
        },
    ));
}

/// The peak-heap ratios and ferrolua's collection overhead across runs, once a run has
/// measured them.
fn memory_trends(html: &mut String, history: &[HistoryEntry], labels: &[String]) {
    let peaks = [
        Series {
            name: "binary_trees_16".to_string(),
            color: "#8250df",
            values: history.iter().map(|entry| entry.peak_heap_ratio).collect(),
        },
        Series {
            name: "geomean over programs".to_string(),
            color: "#fb8500",
            values: history
                .iter()
                .map(|entry| entry.peak_heap_geomean_ratio)
                .collect(),
        },
    ];
    if peaks
        .iter()
        .any(|series| series.values.iter().any(Option::is_some))
    {
        html.push_str(&line_chart(
            &format!(
                "Peak heap ratio, ferrolua / reference (lower uses less; dashed: the {:.2} target)",
                memory::PEAK_RATIO_TARGET
            ),
            labels,
            &peaks,
            YAxis {
                min: Some(0.0),
                max: None,
                unit: "",
                reference_line: Some(memory::PEAK_RATIO_TARGET),
            },
        ));
    }
    let overhead = [Series {
        name: "ferrolua GC share of run time".to_string(),
        color: "#1a7f37",
        values: history
            .iter()
            .map(|entry| entry.gc_overhead.map(|share| 100.0 * share))
            .collect(),
    }];
    if overhead[0].values.iter().any(Option::is_some) {
        html.push_str(&line_chart(
            "ferrolua collection overhead, corpus/bench (percent of run time)",
            labels,
            &overhead,
            YAxis {
                min: Some(0.0),
                max: None,
                unit: "%",
                reference_line: None,
            },
        ));
    }
}

/// One engine's result for one suite trial, whichever runner produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuiteCell {
    /// `PASS`, `FAIL`, `TIMEOUT`...
    pub label: String,
    /// Whether it passed.
    pub passed: bool,
    /// The first failure, `file:line: message`.
    pub failure: Option<String>,
    /// How long it ran.
    pub millis: u64,
}

/// One row of the suite table: a file in a mode, with each engine's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuiteRow {
    /// The file, such as `calls.lua`.
    pub file: String,
    /// The mode, such as `soft-port`.
    pub mode: String,
    /// ferrolua's run, if the suite runner ran.
    pub ferrolua: Option<SuiteCell>,
    /// The embedded reference's run, if the suite runner ran.
    pub reference: Option<SuiteCell>,
    /// The standalone interpreter's run, if one was given.
    pub standalone: Option<SuiteCell>,
    /// What the expectations say of ferrolua's result.
    pub judgement: Option<String>,
}

/// The suite table's rows: the suite runner's results for ferrolua and the reference, merged
/// with the standalone interpreter's runs. Empty when neither ran.
///
/// This is the one place that reads the suite runner's data model (`harness/src/suite/`,
/// [`Report::suite`]).
pub fn suite_rows(report: &Report) -> Vec<SuiteRow> {
    let mut rows: Vec<SuiteRow> = Vec::new();
    if let Some(run) = &report.suite {
        let cell = |side: &crate::suite::SideResult| SuiteCell {
            label: side.status.label().to_string(),
            passed: side.status == crate::suite::SideStatus::Pass,
            failure: side.failure(),
            millis: side.millis,
        };
        for (outcome, judgement) in run.outcomes.iter().zip(&run.judgements) {
            rows.push(SuiteRow {
                file: outcome.trial.file.clone(),
                mode: outcome.trial.mode.name().to_string(),
                ferrolua: Some(cell(&outcome.ferrolua)),
                reference: Some(cell(&outcome.reference)),
                standalone: None,
                judgement: Some(match judgement {
                    crate::suite::Judgement::ExpectedFail(reason) => {
                        format!("expected failure: {reason}")
                    }
                    crate::suite::Judgement::UnexpectedPass(reason) => {
                        format!("unexpected pass (listed: {reason})")
                    }
                    other => other.label().to_string(),
                }),
            });
        }
    }
    let standalone_trials = report
        .standalone
        .as_ref()
        .map_or(&[][..], |standalone| &standalone.suite[..]);
    for trial in standalone_trials {
        let cell = SuiteCell {
            label: if trial.passed { "PASS" } else { "FAIL" }.to_string(),
            passed: trial.passed,
            failure: trial.failure.clone(),
            millis: trial.millis,
        };
        match rows
            .iter_mut()
            .find(|row| row.file == trial.file && row.mode == trial.mode)
        {
            Some(row) => row.standalone = Some(cell),
            None => rows.push(SuiteRow {
                file: trial.file.clone(),
                mode: trial.mode.clone(),
                ferrolua: None,
                reference: None,
                standalone: Some(cell),
                judgement: None,
            }),
        }
    }
    rows
}

/// ferrolua's passes per suite mode, in mode order, for the history and the summary.
pub fn suite_counts(report: &Report) -> Vec<(String, Count)> {
    let mut counts: Vec<(String, Count)> = Vec::new();
    for row in suite_rows(report) {
        let Some(cell) = &row.ferrolua else {
            continue;
        };
        let index = match counts.iter().position(|(mode, _)| *mode == row.mode) {
            Some(index) => index,
            None => {
                counts.push((row.mode.clone(), Count::default()));
                counts.len() - 1
            }
        };
        counts[index].1.total += 1;
        if cell.passed {
            counts[index].1.passed += 1;
        }
    }
    counts
}

fn suite_cell(html: &mut String, cell: Option<&SuiteCell>) {
    match cell {
        None => html.push_str("<td><span class=\"badge na\">not run</span></td>"),
        Some(cell) => {
            let _ = write!(
                html,
                "<td><span class=\"badge {}\">{}</span> <span class=\"meta\">{:.2} s</span>",
                if cell.passed { "ok" } else { "bad" },
                escape(&cell.label),
                cell.millis as f64 / 1000.0
            );
            if let Some(failure) = &cell.failure {
                let _ = write!(
                    html,
                    "<br><code>{}</code>",
                    escape(&shortened(failure, 160))
                );
            }
            html.push_str("</td>");
        }
    }
}

fn suite(html: &mut String, report: &Report) {
    html.push_str("<h2 id=\"suite\">Official suite, run per file and mode</h2>\n");
    let rows = suite_rows(report);
    let runner_ran = rows.iter().any(|row| row.ferrolua.is_some());
    if !runner_ran {
        html.push_str(
            "<p class=\"placeholder\"><b>The suite runner did not run for this report.</b> The \
             ferrolua and reference columns come from <code>conform suite</code> \
             (<code>harness/src/suite/</code>), read in <code>report::html::suite_rows</code>. \
             The official suite is also compiled in both engines, under \
             <a href=\"#syntax\">Syntax</a>.</p>\n",
        );
    }
    if rows.is_empty() {
        return;
    }
    html.push_str(
        "<p>Each file of the official Lua 5.3 suite runs as a program in each engine, once per \
         mode: <code>soft-port</code> (<code>_soft = true; _port = true</code> first), \
         <code>default</code> (nothing set) and, for all.lua, <code>user</code> \
         (<code>_U = true</code>). A run passes when the file runs to its end; the first failure \
         is shown as <code>file:line: message</code>. The expectations column is what \
         <code>lua53-tests/expectations.toml</code> says of ferrolua's result.</p>\n",
    );
    let standalone = report.standalone.as_ref().map(|runs| runs.engine.as_str());
    html.push_str("<table><tr><th>file</th><th>mode</th><th>ferrolua</th><th>reference</th>");
    if let Some(name) = standalone {
        let _ = write!(html, "<th>{}</th>", escape(name));
    }
    html.push_str("<th>expectations</th></tr>\n");
    for row in &rows {
        let _ = write!(
            html,
            "<tr><td><code>{}</code></td><td>{}</td>",
            escape(&row.file),
            escape(&row.mode)
        );
        suite_cell(html, row.ferrolua.as_ref());
        suite_cell(html, row.reference.as_ref());
        if standalone.is_some() {
            suite_cell(html, row.standalone.as_ref());
        }
        let _ = writeln!(
            html,
            "<td>{}</td></tr>",
            escape(row.judgement.as_deref().unwrap_or(""))
        );
    }
    html.push_str("</table>\n");
}

fn availability_badge(state: Option<&Availability>) -> &'static str {
    match state {
        None => "<span class=\"badge na\">not probed</span>",
        Some(Availability::Implemented) => "<span class=\"badge ok\">implemented</span>",
        Some(Availability::Differs(_)) => "<span class=\"badge warn\">differs</span>",
        Some(Availability::Missing) => "<span class=\"badge bad\">missing</span>",
    }
}

fn stdlib(html: &mut String, table: Option<&StdlibTable>) {
    html.push_str("<h2 id=\"stdlib\">Standard library (manual §6)</h2>\n");
    let Some(table) = table else {
        html.push_str("<p>Not probed in this report.</p>\n");
        return;
    };
    html.push_str(
        "<p>Every function of the Lua 5.3 manual's §6, probed in each engine when the report was \
         made. <b>missing</b>: not a function in that engine. <b>differs</b>: present, but one of its \
         probes (small calls run under <code>pcall</code>, results and error messages printed) \
         prints something other than the reference. <b>implemented</b>: present and every probe \
         agrees (functions that cannot be probed, <code>os.exit</code> and <code>debug.debug</code>, \
         only need to be present).</p>\n",
    );
    let standalone = table.standalone.as_deref();
    html.push_str(
        "<table><tr><th>library</th><th class=\"num\">functions</th><th class=\"num\">implemented</th>\
         <th class=\"num\">differs</th><th class=\"num\">missing</th></tr>\n",
    );
    for library in table.libraries() {
        let counts = table.ferrolua_counts(Some(library));
        let _ = writeln!(
            html,
            "<tr><td>{library}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            counts.implemented + counts.differs + counts.missing,
            counts.implemented,
            counts.differs,
            counts.missing
        );
    }
    let all = table.ferrolua_counts(None);
    let _ = writeln!(
        html,
        "<tr><th>all (ferrolua)</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th></tr>",
        table.rows.len(),
        all.implemented,
        all.differs,
        all.missing
    );
    if let (Some(name), Some(counts)) = (standalone, table.standalone_counts()) {
        let _ = writeln!(
            html,
            "<tr><th>all ({})</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
             <th class=\"num\">{}</th><th class=\"num\">{}</th></tr>",
            escape(name),
            table.rows.len(),
            counts.implemented,
            counts.differs,
            counts.missing
        );
    }
    html.push_str("</table>\n");

    html.push_str("<table><tr><th>function</th><th>reference</th><th>ferrolua</th>");
    if let Some(name) = standalone {
        let _ = write!(html, "<th>{}</th>", escape(name));
    }
    html.push_str("<th>first difference</th></tr>\n");
    let columns = if standalone.is_some() { 5 } else { 4 };
    let mut library = "";
    for row in &table.rows {
        if row.function.library() != library {
            library = row.function.library();
            let _ = writeln!(
                html,
                "<tr class=\"group\"><th colspan=\"{columns}\">{library} ({})</th></tr>",
                row.function.section()
            );
        }
        let _ = write!(
            html,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td>",
            escape(row.function.name),
            if row.in_reference {
                "<span class=\"badge ok\">present</span>"
            } else {
                "<span class=\"badge bad\">missing</span>"
            },
            availability_badge(Some(&row.ferrolua))
        );
        if standalone.is_some() {
            let _ = write!(
                html,
                "<td>{}</td>",
                availability_badge(row.standalone.as_ref())
            );
        }
        html.push_str("<td>");
        for (engine, state) in [
            ("ferrolua", Some(&row.ferrolua)),
            ("standalone", row.standalone.as_ref()),
        ] {
            if let Some(Availability::Differs(difference)) = state {
                let engine = if engine == "standalone" {
                    standalone.unwrap_or(engine)
                } else {
                    engine
                };
                let _ = write!(
                    html,
                    "<details><summary>{}: <code>{}</code></summary><pre>{}</pre>\
                     <pre class=\"diff\"><span class=\"del\">reference: {}</span><span class=\"add\">{}: {}</span></pre></details>",
                    escape(engine),
                    escape(&shortened(&difference.probe, 70)),
                    escape(&difference.probe),
                    escape(&difference.reference),
                    escape(engine),
                    escape(&difference.engine)
                );
            }
        }
        html.push_str("</td></tr>\n");
    }
    html.push_str("</table>\n");
}

/// The folder of a language case: `ops` for `lang/ops/x.lua`.
fn folder_of(case: &str) -> &str {
    let path = case.strip_prefix("lang/").unwrap_or(case);
    path.split_once('/').map_or("(top)", |(folder, _)| folder)
}

fn lang(html: &mut String, report: &Report) {
    html.push_str("<h2 id=\"lang\">Language corpus (corpus/lang), runs compared</h2>\n");
    let Some(lang) = &report.lang else {
        html.push_str("<p>Not run.</p>\n");
        return;
    };
    html.push_str(
        "<p>Each case runs in a fresh state of each engine inside <code>xpcall</code> with the \
         same message handler; status, printed output, returned values, error message and \
         traceback are compared with the reference separately. A cell counts the cases that agree \
         with the reference on every field.</p>\n",
    );
    let standalone = report
        .standalone
        .as_ref()
        .filter(|runs| !runs.lang.is_empty());
    let mut folders: Vec<&str> = Vec::new();
    for outcome in &lang.outcomes {
        let folder = folder_of(&outcome.case.name);
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    html.push_str(
        "<table><tr><th>folder</th><th class=\"num\">cases</th><th class=\"num\">ferrolua</th>\
         <th class=\"num\">reference</th>",
    );
    if let Some(runs) = standalone {
        let _ = write!(html, "<th class=\"num\">{}</th>", escape(&runs.engine));
    }
    html.push_str("<th class=\"num\">expected failures</th></tr>\n");
    for folder in folders.iter().copied().chain(std::iter::once("all")) {
        let in_folder = |name: &str| folder == "all" || folder_of(name) == folder;
        let mut cases = 0;
        let mut ferrolua = 0;
        let mut expected = 0;
        for (outcome, judgement) in lang.outcomes.iter().zip(&lang.judgements) {
            if in_folder(&outcome.case.name) {
                cases += 1;
                ferrolua += usize::from(outcome.passes());
                expected += usize::from(matches!(judgement, Judgement::ExpectedFail(_)));
            }
        }
        let standalone_agree = standalone.map(|runs| {
            runs.lang
                .iter()
                .filter(|case| in_folder(&case.case) && case.agrees())
                .count()
        });
        let tag = if folder == "all" { "th" } else { "td" };
        let _ = write!(
            html,
            "<tr><{tag}>{}</{tag}><{tag} class=\"num\">{cases}</{tag}>{}<{tag} class=\"num\">{cases} (oracle)</{tag}>",
            escape(folder),
            pass_cell(tag, ferrolua, cases)
        );
        if let Some(agree) = standalone_agree {
            html.push_str(&pass_cell(tag, agree, cases));
        }
        let _ = writeln!(html, "<{tag} class=\"num\">{expected}</{tag}></tr>");
    }
    html.push_str("</table>\n");

    let failures = lang.failures().collect::<Vec<_>>();
    if failures.is_empty() {
        html.push_str(
            "<p class=\"good-text\">ferrolua agrees with the reference on every case.</p>\n",
        );
    } else {
        let _ = writeln!(
            html,
            "<h3>ferrolua: cases that do not pass ({})</h3>",
            failures.len()
        );
        html.push_str("<table><tr><th>case</th><th>judgement</th><th>reason and diff</th></tr>\n");
        for (outcome, judgement) in failures {
            let reason = match judgement {
                Judgement::ExpectedFail(reason) | Judgement::UnexpectedPass(reason) => {
                    reason.clone()
                }
                _ => outcome.inferred_reason(),
            };
            let class = match judgement {
                Judgement::ExpectedFail(_) => "warn",
                _ => "bad",
            };
            let _ = writeln!(
                html,
                "<tr><td><code>{}</code></td><td><span class=\"badge {class}\">{}</span></td>\
                 <td>{}<details><summary>{}</summary>{}</details></td></tr>",
                escape(&outcome.case.name),
                judgement.label(),
                escape(&reason),
                escape(&outcome.difference_summary()),
                diff_html(&outcome.diff())
            );
        }
        html.push_str("</table>\n");
    }
    if let Some(runs) = standalone {
        standalone_lang_failures(html, runs, report);
    }
    for entry in &lang.stale_entries {
        let _ = writeln!(
            html,
            "<p class=\"bad-text\">Stale expectation <code>{}</code>: no such case.</p>",
            escape(entry)
        );
    }
}

fn pass_cell(tag: &str, passed: usize, total: usize) -> String {
    let class = if passed == total {
        "good-text"
    } else {
        "bad-text"
    };
    format!("<{tag} class=\"num {class}\">{passed}</{tag}>")
}

fn standalone_lang_failures(html: &mut String, runs: &StandaloneRuns, report: &Report) {
    let disagreements = runs
        .lang
        .iter()
        .filter(|case| !case.agrees())
        .collect::<Vec<_>>();
    if disagreements.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"good-text\">{} agrees with the embedded reference on every case.</p>",
            escape(&runs.engine)
        );
        return;
    }
    let _ = writeln!(
        html,
        "<h3>{}: cases that differ from the embedded reference ({})</h3>\n<p>The standalone \
         interpreter runs the case from a Lua wrapper instead of from Rust, and has no instruction \
         budget (a run over its time limit counts as out of budget), so some differences are the \
         harness's, not the interpreter's.</p>",
        escape(&runs.engine),
        disagreements.len()
    );
    html.push_str("<table><tr><th>case</th><th>differs in</th><th>diff (reference, then standalone)</th></tr>\n");
    let lang = report.lang.as_ref();
    for case in disagreements {
        let reference = lang.and_then(|lang| {
            lang.outcomes
                .iter()
                .find(|outcome| outcome.case.name == case.case)
        });
        let diff = reference.map_or_else(String::new, |outcome| {
            similar::TextDiff::from_lines(
                &observation_text(&outcome.reference),
                &observation_text(&case.observation),
            )
            .unified_diff()
            .context_radius(2)
            .header("reference", &runs.engine)
            .to_string()
        });
        let _ = writeln!(
            html,
            "<tr><td><code>{}</code></td><td>{}</td><td><details><summary>diff</summary>{}</details></td></tr>",
            escape(&case.case),
            escape(&case.differing.join(", ")),
            diff_html(&diff)
        );
    }
    html.push_str("</table>\n");
}

/// A unified diff as a `<pre>`, additions and deletions coloured.
fn diff_html(diff: &str) -> String {
    let mut out = String::from("<pre class=\"diff\">");
    for line in diff.lines() {
        let class = if line.starts_with("+++") || line.starts_with("---") {
            "hunk"
        } else if line.starts_with('+') {
            "add"
        } else if line.starts_with('-') {
            "del"
        } else if line.starts_with("@@") {
            "hunk"
        } else {
            ""
        };
        if class.is_empty() {
            out.push_str(&escape(line));
            out.push('\n');
        } else {
            let _ = write!(out, "<span class=\"{class}\">{}</span>", escape(line));
        }
    }
    out.push_str("</pre>");
    out
}

fn syntax(html: &mut String, report: &Report) {
    html.push_str("<h2 id=\"syntax\">Front end: syntax conformance</h2>\n");
    html.push_str(
        "<p>Each case is compiled by both engines as <code>load(source, \"@path\", \"t\")</code> \
         does. A <code>corpus/syntax</code> case agrees when both compile it to the same bytecode \
         or both reject it with byte-identical messages; an official suite file agrees when \
         ferrolua accepts it and the reference agrees.</p>\n",
    );
    html.push_str(
        "<table><tr><th>cases</th><th class=\"num\">checked</th><th class=\"num\">agree</th>\
         <th class=\"num\">disagree</th></tr>\n",
    );
    for (label, kind) in [
        ("corpus/syntax", Some(CaseKind::Syntax)),
        ("official suite", Some(CaseKind::Suite)),
        ("all", None),
    ] {
        let summary = Summary::of(&report.outcomes, kind);
        let _ = writeln!(
            html,
            "<tr><td>{label}</td><td class=\"num\">{}</td>{}<td class=\"num\">{}</td></tr>",
            summary.cases,
            pass_cell("td", summary.agree, summary.cases),
            summary.disagree
        );
    }
    html.push_str("</table>\n");
    let disagreements = report
        .outcomes
        .iter()
        .filter(|outcome| !outcome.agrees())
        .collect::<Vec<_>>();
    if disagreements.is_empty() {
        html.push_str("<p class=\"good-text\">No disagreements.</p>\n");
        return;
    }
    html.push_str(
        "<table><tr><th>case</th><th>problem</th><th>reference</th><th>ferrolua</th></tr>\n",
    );
    let verdict = |verdict: &Verdict| escape(&shortened(&verdict.describe(), 200));
    for outcome in disagreements {
        let _ = writeln!(
            html,
            "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td><td><code>{}</code></td></tr>",
            escape(&outcome.case.name),
            escape(outcome.problem().unwrap_or_default()),
            verdict(&outcome.reference),
            verdict(&outcome.ferrolua)
        );
    }
    html.push_str("</table>\n");
}

fn group_table(html: &mut String, title: &str, groups: &[GroupStats]) {
    let _ = writeln!(
        html,
        "<table><tr><th>{}</th><th class=\"num\">programs</th><th class=\"num\">divergent</th>\
         <th class=\"num\">agreement</th></tr>",
        escape(title)
    );
    for group in groups {
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1} %</td></tr>",
            escape(&group.name),
            group.programs,
            group.divergences,
            group.agreement_percent()
        );
    }
    html.push_str("</table>\n");
}

fn campaign(html: &mut String, campaign: Option<&Campaign>) {
    html.push_str("<h2 id=\"campaign\">Differential campaign</h2>\n");
    let Some(campaign) = campaign else {
        html.push_str(
            "<p class=\"placeholder\">No campaign in this report. A campaign (<code>conform \
             diff</code>) fills <code>report::campaign::Campaign</code>: counts per tier and per \
             generator feature, and each divergence with its minimized program and both \
             observations.</p>\n",
        );
        return;
    };
    let _ = writeln!(
        html,
        "<p>{} generated programs run in both engines from seed {}: {} agreed, {} diverged, {} \
         were inconclusive.</p>",
        campaign.programs,
        campaign.seed,
        campaign.agreeing_programs(),
        campaign.divergent_programs(),
        campaign.inconclusive
    );
    group_table(html, "tier", &campaign.tiers);
    group_table(html, "generator feature", &campaign.features);
    if campaign.divergences.is_empty() {
        return;
    }
    let _ = writeln!(
        html,
        "<h3>Divergences ({})</h3>",
        campaign.divergences.len()
    );
    for (index, divergence) in campaign.divergences.iter().enumerate() {
        let _ = writeln!(
            html,
            "<details{}><summary>#{} tier <b>{}</b>, features {}, seed {} ({} bytes minimized from {})</summary>\
             <pre>{}</pre>{}</details>",
            if index < 3 { " open" } else { "" },
            index + 1,
            escape(&divergence.tier),
            escape(&divergence.features.join(", ")),
            divergence.seed,
            divergence.program.len(),
            divergence.original_bytes,
            escape(&divergence.program),
            diff_html(&divergence.diff())
        );
    }
}

fn benchmarks(html: &mut String, report: &Report) {
    html.push_str("<h2 id=\"bench\">Benchmarks: time and memory, ferrolua / reference</h2>\n");
    html.push_str(
        "<p>Both engines run in the same process run, alternating; a ratio below 1 means ferrolua \
         is faster, or uses less memory. Green bars are at or below parity, orange above, grey not \
         counted.</p>\n",
    );
    html.push_str("<h3>Front end: compiling each official suite file</h3>\n");
    match &report.bench {
        None => html.push_str("<p>Not run.</p>\n"),
        Some(front_end) => {
            let bars = front_end
                .files
                .iter()
                .map(|file| Bar {
                    label: file.name.clone(),
                    value: file.ratio(),
                    counted: file.comparable(),
                })
                .collect::<Vec<_>>();
            html.push_str(&bar_chart(
                &format!(
                    "Compile time ratio per file (median of {} compilations)",
                    front_end.iterations
                ),
                &bars,
                1.0,
            ));
            let _ = writeln!(html, "<p>{}</p>", escape(&front_end.summary_line()));
            html.push_str(
                "<details><summary>Table</summary><table><tr><th>file</th><th class=\"num\">bytes</th>\
                 <th class=\"num\">ferrolua</th><th class=\"num\">reference</th><th class=\"num\">ratio</th></tr>\n",
            );
            for file in &front_end.files {
                let _ = writeln!(
                    html,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}{}</td></tr>",
                    escape(&file.name),
                    file.bytes,
                    bench::micros(file.ferrolua),
                    bench::micros(file.reference),
                    file.ratio(),
                    if file.comparable() { "" } else { " (not counted)" }
                );
            }
            html.push_str("</table></details>\n");
        }
    }
    html.push_str("<h3>Programs: corpus/bench</h3>\n");
    match &report.programs {
        None => html.push_str("<p>Not run.</p>\n"),
        Some(bench) => {
            let bars = bench
                .programs
                .iter()
                .map(|program| Bar {
                    label: program.name.clone(),
                    value: program.ratio(),
                    counted: program.counted(),
                })
                .collect::<Vec<_>>();
            html.push_str(&bar_chart(
                &format!("Run time ratio per program (median of {} runs)", bench.runs),
                &bars,
                1.0,
            ));
            let _ = writeln!(
                html,
                "<p>{} {}</p><p>{}</p>",
                escape(&bench.count_line()),
                escape(&bench.summary_line()),
                escape(&bench.gc_line())
            );
            html.push_str(
                "<details><summary>Table</summary><table><tr><th>program</th><th class=\"num\">ferrolua</th>\
                 <th class=\"num\">reference</th><th class=\"num\">ratio</th><th class=\"num\">ferrolua GC</th></tr>\n",
            );
            for program in &bench.programs {
                let ratio = match program.verdict.detail() {
                    None => format!("{:.2}", program.ratio()),
                    Some(detail) => format!("{}: {}", program.verdict.label(), detail),
                };
                let _ = writeln!(
                    html,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&program.name),
                    programs::millis(program.ferrolua),
                    programs::millis(program.reference),
                    escape(&ratio),
                    program
                        .ferrolua_gc
                        .map_or_else(|| "n/a".to_string(), |gc| escape(&gc.cell()))
                );
            }
            html.push_str("</table></details>\n");
        }
    }
    memory_benchmark(html, report.memory.as_ref());
}

/// The memory benchmark: a bar chart of the peak ratios and the table of peaks.
fn memory_benchmark(html: &mut String, bench: Option<&memory::MemoryBench>) {
    html.push_str("<h3>Memory: peak heap (corpus/bench/memory and corpus/bench)</h3>\n");
    let Some(bench) = bench else {
        html.push_str("<p>Not run.</p>\n");
        return;
    };
    let _ = writeln!(
        html,
        "<p>{} runs per program and engine, alternating, each in a fresh state; the run with the \
         median peak is shown. A count hook in both engines reads the heap every {} VM instructions (ferrolua: <code>collectgarbage(\"count\")</code>; the \
         reference: its allocator's byte count, which <code>collectgarbage(\"count\")</code> \
         reports), and the heap is read before and after the main chunk; the peak is the largest \
         reading. Growth is the peak of the run's second half over the first half's: about 1 when \
         the heap does not grow. <i>Peak at</i> says where in the run (by instructions) the peak \
         was read.</p>",
        bench.runs, bench.interval
    );
    let bars = bench
        .rows
        .iter()
        .map(|row| Bar {
            label: row.name.clone(),
            value: row.ratio().unwrap_or(0.0),
            counted: row.counted(),
        })
        .collect::<Vec<_>>();
    html.push_str(&bar_chart(
        "Peak heap ratio per program, ferrolua / reference",
        &bars,
        1.0,
    ));
    let _ = writeln!(html, "<p><b>{}</b></p>", escape(&bench.summary_line()));
    let _ = writeln!(html, "<p>{}</p>", escape(&bench.geomean_line()));
    if let Some(line) = bench.constant_memory_line() {
        let _ = writeln!(html, "<p>{}</p>", escape(&line));
    }
    html.push_str(
        "<table><tr><th>program</th><th class=\"num\">ferrolua peak</th><th class=\"num\">reference peak</th>\
         <th class=\"num\">ratio</th><th class=\"num\">growth ferrolua</th><th class=\"num\">growth reference</th>\
         <th class=\"num\">peak at ferrolua</th><th class=\"num\">peak at reference</th><th class=\"num\">ferrolua GC</th></tr>\n",
    );
    let cell = |profile: &Option<HeapProfile>, show: &dyn Fn(&HeapProfile) -> String| {
        profile.as_ref().map_or_else(|| "n/a".to_string(), show)
    };
    for row in &bench.rows {
        let peak = |profile: &HeapProfile| memory::kilobytes(profile.peak_bytes);
        let growth = |profile: &HeapProfile| format!("{:.2}", profile.growth());
        let peak_at = |profile: &HeapProfile| format!("{:.0} %", 100.0 * profile.peak_at);
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>",
            escape(&row.name),
            cell(&row.ferrolua, &peak),
            cell(&row.reference, &peak),
            escape(&row.ratio_cell()),
            cell(&row.ferrolua, &growth),
            cell(&row.reference, &growth),
            cell(&row.ferrolua, &peak_at),
            cell(&row.reference, &peak_at),
            row.ferrolua_gc
                .map_or_else(|| "n/a".to_string(), |gc| escape(&gc.cell()))
        );
    }
    html.push_str("</table>\n");
}

/// Text cut to `max` characters, with an ellipsis when cut.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{diff_html, escape, page, shortened};
    use crate::report::Report;

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("tab\tand\nnewline"), "tab\tand\nnewline");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(escape("é😀"), "é😀");
        assert_eq!(shortened("abcdef", 3), "abc…");
    }

    #[test]
    fn diffs_are_escaped_and_coloured() {
        let html = diff_html("--- a\n+++ b\n@@ -1 +1 @@\n-<x>\n+&y\n same");
        assert!(
            html.contains("<span class=\"del\">-&lt;x&gt;</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"add\">+&amp;y</span>"),
            "{html}"
        );
        assert!(html.contains(" same\n"), "{html}");
    }

    #[test]
    fn an_empty_report_renders_every_section() {
        // Not a checkout, so no commit is found; the one set here must be escaped.
        let mut report = Report::new(Vec::new(), None, None, None, Path::new("/nonexistent"));
        report.commit = Some("<script>".to_string());
        let html = page(&report, &[]);
        for anchor in [
            "summary", "trends", "suite", "stdlib", "lang", "syntax", "campaign", "bench",
        ] {
            assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor}");
        }
        assert!(html.contains("No campaign in this report"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script"), "the page has no script");
        assert!(
            !html.contains("<link") && !html.contains(" src="),
            "nothing is fetched"
        );
    }

    #[test]
    fn the_memory_benchmark_shows_its_table_headline_and_trend() {
        use crate::bench::memory::{HeapProfile, MemoryBench, MemoryRow};
        use crate::bench::programs::ProgramVerdict;
        use crate::history::HistoryEntry;
        let mut report = Report::new(Vec::new(), None, None, None, Path::new("/nonexistent"));
        report.memory = Some(MemoryBench {
            runs: 3,
            interval: 1000,
            rows: vec![MemoryRow {
                name: "memory/binary_trees_16.lua".to_string(),
                ferrolua: Some(HeapProfile::from_samples(0, &[2048 * 1024; 2], 0)),
                reference: Some(HeapProfile::from_samples(0, &[1024 * 1024; 2], 0)),
                ferrolua_gc: None,
                verdict: ProgramVerdict::Correct,
            }],
        });
        let history = [HistoryEntry::of(
            &report,
            "2024-01-01T00:00:00Z".to_string(),
        )];
        assert_eq!(history[0].peak_heap_ratio, Some(2.0));
        let html = page(&report, &history);
        assert!(html.contains("Memory: peak heap"), "{html}");
        assert!(
            html.contains("<tr><td>memory/binary_trees_16.lua</td><td class=\"num\">2048.0 KB</td><td class=\"num\">1024.0 KB</td><td class=\"num\">2.00</td>"),
            "{html}"
        );
        assert!(
            html.contains("binary_trees_16 peak heap ratio ferrolua/reference: 2.00 (target: at most 1.25, NOT MET)"),
            "{html}"
        );
        assert!(
            html.contains("Peak heap ratio, ferrolua / reference"),
            "{html}"
        );
        let markdown = report.markdown();
        assert!(
            markdown.contains(
                "| memory/binary_trees_16.lua | 2048.0 KB | 1024.0 KB | 2.00 | 1.00 | 1.00 | n/a |"
            ),
            "{markdown}"
        );
        let json = report.json().to_pretty();
        assert!(json.contains("\"headline_ratio\": 2"), "{json}");
    }

    #[test]
    fn campaigns_show_each_divergence_with_its_program_and_diff() {
        use crate::engine::{Observation, Status};
        use crate::report::campaign::{Campaign, Divergence, GroupStats};
        let mut report = Report::new(Vec::new(), None, None, None, Path::new("/nonexistent"));
        report.campaign = Some(Campaign {
            seed: 42,
            programs: 100,
            inconclusive: 1,
            tiers: vec![GroupStats {
                name: "T1".to_string(),
                programs: 100,
                divergences: 2,
            }],
            features: Vec::new(),
            divergences: vec![Divergence {
                tier: "T1".to_string(),
                features: vec!["strings".to_string()],
                seed: 7,
                program: "print(1 < 2)".to_string(),
                original_bytes: 900,
                reference: Observation {
                    output: b"true\n".to_vec(),
                    ..Observation::empty(Status::Ok)
                },
                ferrolua: Observation {
                    output: b"false\n".to_vec(),
                    ..Observation::empty(Status::Ok)
                },
            }],
        });
        let html = page(&report, &[]);
        assert!(
            html.contains("97 agreed, 2 diverged, 1 were inconclusive"),
            "{html}"
        );
        assert!(html.contains("<pre>print(1 &lt; 2)</pre>"), "{html}");
        assert!(
            html.contains("<span class=\"del\">-  true</span><span class=\"add\">+  false</span>"),
            "{html}"
        );
    }
}
