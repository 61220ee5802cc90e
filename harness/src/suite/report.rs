//! The official suite's part of `conform report`: per mode, how many trials ferrolua passes,
//! and per trial, both engines' status and time and ferrolua's first failure.

use std::fmt::Write;

use super::{Judgement, Mode, SideResult, SuiteRun, SuiteSummary};
use crate::json::Json;

/// The section of `report.md`.
pub fn markdown(run: &SuiteRun) -> String {
    let mut md = String::from("\n## Official suite: files run in both engines\n\n");
    md.push_str(
        "Each file of the official Lua 5.3 test suite runs as a program, in `soft-port` mode \
         (`_soft = true; _port = true` first) and in `default` mode (nothing set), and all.lua runs \
         with `_U = true` (`user`). Each engine's run is a child process working in a scratch copy \
         of the suite (`conform suite`). A trial passes when the file runs to its end; the \
         reference must pass it for ferrolua's result to count. Known failures are listed, with \
         the missing feature, in `lua53-tests/expectations.toml`.\n\n",
    );
    md.push_str(
        "| mode | trials | pass | fail | of which expected | timeouts | panics | reference failures |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for mode in Mode::ALL {
        let summary = mode_summary(run, Some(mode));
        if summary.trials > 0 {
            md.push_str(&summary_row(mode.name(), &summary));
        }
    }
    md.push_str(&summary_row("all", &mode_summary(run, None)));
    md.push_str(
        "\n| file | mode | ferrolua | time | reference | time | first failure in ferrolua |\n\
         | --- | --- | --- | ---: | --- | ---: | --- |\n",
    );
    for (outcome, judgement) in run.outcomes.iter().zip(&run.judgements) {
        let detail = match judgement {
            Judgement::ReferenceFail => format!(
                "the reference fails: {}",
                outcome.reference.failure().unwrap_or_default()
            ),
            _ => {
                let mut detail = outcome.ferrolua.failure().unwrap_or_default();
                match judgement {
                    Judgement::ExpectedFail(reason) => {
                        let _ = write!(detail, " (expected: {reason})");
                    }
                    Judgement::Pass | Judgement::ReferenceFail => {}
                    other => {
                        let _ = write!(detail, " ({})", other.label().to_uppercase());
                    }
                }
                detail
            }
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} |",
            outcome.trial.file,
            outcome.trial.mode,
            outcome.ferrolua.status.label(),
            outcome.ferrolua.time(),
            outcome.reference.status.label(),
            outcome.reference.time(),
            cell(detail.trim())
        );
    }
    for entry in &run.stale_entries {
        let _ = writeln!(md, "\n- stale expectation `{entry}`: no such trial");
    }
    md
}

/// The `suite` object of `report.json`.
pub fn json(run: &SuiteRun) -> Json {
    let modes = Mode::ALL
        .into_iter()
        .filter_map(|mode| {
            let summary = mode_summary(run, Some(mode));
            (summary.trials > 0).then(|| (mode.name().to_string(), summary_json(&summary)))
        })
        .collect();
    let trials = run
        .outcomes
        .iter()
        .zip(&run.judgements)
        .map(|(outcome, judgement)| {
            let reason = match judgement {
                Judgement::ExpectedFail(reason) | Judgement::UnexpectedPass(reason) => {
                    Json::str(reason)
                }
                _ => Json::Null,
            };
            Json::object([
                ("file", Json::str(&outcome.trial.file)),
                ("mode", Json::str(outcome.trial.mode.name())),
                ("judgement", Json::str(judgement.label())),
                ("expected_failure_reason", reason),
                ("ferrolua", side_json(&outcome.ferrolua)),
                ("reference", side_json(&outcome.reference)),
            ])
        })
        .collect();
    Json::object([
        ("modes", Json::Object(modes)),
        ("all", summary_json(&run.summary())),
        ("trials", Json::Array(trials)),
        (
            "stale_expectations",
            Json::Array(run.stale_entries.iter().map(Json::str).collect()),
        ),
    ])
}

/// The counts of one mode's trials, or of all.
pub fn mode_summary(run: &SuiteRun, mode: Option<Mode>) -> SuiteSummary {
    SuiteSummary::of(
        run.outcomes
            .iter()
            .zip(&run.judgements)
            .filter(|(outcome, _)| mode.is_none_or(|mode| outcome.trial.mode == mode)),
    )
}

fn summary_row(label: &str, summary: &SuiteSummary) -> String {
    format!(
        "| {label} | {} | {} | {} | {} | {} | {} | {} |\n",
        summary.trials,
        summary.passed,
        summary.failed,
        summary.expected_failures,
        summary.timeouts,
        summary.panics,
        summary.reference_failures
    )
}

fn summary_json(summary: &SuiteSummary) -> Json {
    let count = |n: usize| Json::Int(n as i64);
    Json::object([
        ("trials", count(summary.trials)),
        ("passed", count(summary.passed)),
        ("failed", count(summary.failed)),
        ("expected_failures", count(summary.expected_failures)),
        ("unexpected_failures", count(summary.unexpected_failures)),
        ("timeouts", count(summary.timeouts)),
        ("panics", count(summary.panics)),
        ("unexpected_passes", count(summary.unexpected_passes)),
        ("reference_failures", count(summary.reference_failures)),
    ])
}

fn side_json(side: &SideResult) -> Json {
    Json::object([
        ("status", Json::str(side.status.label())),
        ("millis", Json::Int(side.millis as i64)),
        ("failure", side.failure().map_or(Json::Null, Json::str)),
    ])
}

/// Text for a Markdown table cell: one line, with pipes escaped.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::{json, markdown};
    use crate::expectations::Expectations;
    use crate::suite::{Mode, SideResult, SideStatus, SuiteRun, Trial, TrialOutcome};

    #[test]
    fn trials_are_listed_with_the_first_failure_and_the_reason() {
        let mut failing = SideResult::with_message(SideStatus::Fail, 1500, "assertion failed!");
        failing.location = Some("gc.lua:168".to_string());
        let outcomes = vec![
            TrialOutcome {
                trial: Trial {
                    file: "gc.lua".to_string(),
                    mode: Mode::SoftPort,
                },
                reference: SideResult::new(SideStatus::Pass, 30),
                ferrolua: failing,
            },
            TrialOutcome {
                trial: Trial {
                    file: "goto.lua".to_string(),
                    mode: Mode::Default,
                },
                reference: SideResult::new(SideStatus::Pass, 5),
                ferrolua: SideResult::new(SideStatus::Pass, 7),
            },
        ];
        let mut expectations = Expectations::default();
        expectations.entries.insert(
            "gc.lua|soft-port".to_string(),
            "no garbage collector".to_string(),
        );
        let trials = outcomes
            .iter()
            .map(|outcome| outcome.trial.clone())
            .collect::<Vec<_>>();
        let run = SuiteRun::new(outcomes, &expectations, &trials);
        let md = markdown(&run);
        assert!(
            md.contains("| gc.lua | soft-port | FAIL | 1.50 s | PASS | 0.03 s | gc.lua:168: assertion failed! (expected: no garbage collector) |"),
            "{md}"
        );
        assert!(md.contains("| all | 2 | 1 | 1 | 1 | 0 | 0 | 0 |"), "{md}");
        let json = json(&run).to_pretty();
        assert!(
            json.contains("\"failure\": \"gc.lua:168: assertion failed!\""),
            "{json}"
        );
    }
}
