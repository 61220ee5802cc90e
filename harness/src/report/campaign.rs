//! What a differential campaign (`conform diff`) hands the report: counts per tier and per
//! generator feature, and each divergence with its minimized program and both observations.
//!
//! The campaign fills a [`Campaign`] and sets [`super::Report::campaign`]; the report only
//! renders it (HTML, JSON, history), so the generator and the report share this one type.
//! `conform diff` (`crate::diff`) classes divergences in tiers T0 (ferrolua panicked, aborted
//! or hung), T1 (status, output, results), T2 (error message) and T3 (traceback); its
//! `Tally` maps onto [`Campaign::tiers`] with each tier's `programs` the whole campaign's.

use similar::TextDiff;

use crate::engine::Observation;
use crate::json::Json;
use crate::show::quoted;

/// One campaign's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Campaign {
    /// The seed the campaign started from, so that it can be rerun.
    pub seed: u64,
    /// Programs generated and run in both engines.
    pub programs: usize,
    /// Programs from which nothing could be concluded (a budget ran out, say).
    pub inconclusive: usize,
    /// Counts per tier: the campaign's classes of divergence, each divergent program in one.
    pub tiers: Vec<GroupStats>,
    /// Counts per generator feature (a program counts under every feature it uses).
    pub features: Vec<GroupStats>,
    /// Every divergence found, minimized.
    pub divergences: Vec<Divergence>,
}

/// The counts of one tier or feature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupStats {
    /// The tier's or feature's name.
    pub name: String,
    /// Programs run.
    pub programs: usize,
    /// Programs on which the engines diverged.
    pub divergences: usize,
}

impl GroupStats {
    /// The share of programs on which the engines agreed, in percent.
    pub fn agreement_percent(&self) -> f64 {
        if self.programs == 0 {
            100.0
        } else {
            100.0 * (self.programs - self.divergences) as f64 / self.programs as f64
        }
    }
}

/// One program on which the engines disagree, after minimization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The divergence's tier.
    pub tier: String,
    /// The generator features the program uses.
    pub features: Vec<String>,
    /// The seed that generated the original program.
    pub seed: u64,
    /// The minimized program, which still diverges.
    pub program: String,
    /// The size of the program before minimization, in bytes.
    pub original_bytes: usize,
    /// What PUC Lua did with the minimized program.
    pub reference: Observation,
    /// What ferrolua did with it.
    pub ferrolua: Observation,
}

impl Divergence {
    /// A unified diff of the two observations, reference first, every field shown.
    pub fn diff(&self) -> String {
        let expected = observation_text(&self.reference);
        let actual = observation_text(&self.ferrolua);
        TextDiff::from_lines(&expected, &actual)
            .unified_diff()
            .context_radius(3)
            .header("reference", "ferrolua")
            .to_string()
    }
}

/// An observation as lines of text, one section per field, for diffing.
pub fn observation_text(observation: &Observation) -> String {
    let mut text = format!("status: {}\n", observation.status.as_str());
    text.push_str("output:\n");
    for line in String::from_utf8_lossy(&observation.output).lines() {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("results:\n");
    for result in &observation.results {
        text.push_str("  ");
        text.push_str(&quoted(result));
        text.push('\n');
    }
    if let Some(error) = &observation.error {
        text.push_str("error: ");
        text.push_str(&quoted(error));
        text.push('\n');
    }
    if let Some(traceback) = &observation.traceback {
        text.push_str("traceback:\n");
        for line in String::from_utf8_lossy(traceback).lines() {
            text.push_str("  ");
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

impl Campaign {
    /// Programs on which the engines diverged, over all tiers.
    pub fn divergent_programs(&self) -> usize {
        self.tiers.iter().map(|tier| tier.divergences).sum()
    }

    /// Programs on which the engines agreed.
    pub fn agreeing_programs(&self) -> usize {
        self.programs
            .saturating_sub(self.divergent_programs())
            .saturating_sub(self.inconclusive)
    }

    /// The campaign as JSON: counts, and each divergence with its program and diff.
    pub fn json(&self) -> Json {
        let groups = |groups: &[GroupStats]| {
            Json::Array(
                groups
                    .iter()
                    .map(|group| {
                        Json::object([
                            ("name", Json::str(&group.name)),
                            ("programs", Json::Int(group.programs as i64)),
                            ("divergences", Json::Int(group.divergences as i64)),
                        ])
                    })
                    .collect(),
            )
        };
        Json::object([
            ("seed", Json::Int(self.seed as i64)),
            ("programs", Json::Int(self.programs as i64)),
            ("inconclusive", Json::Int(self.inconclusive as i64)),
            (
                "divergent_programs",
                Json::Int(self.divergent_programs() as i64),
            ),
            ("tiers", groups(&self.tiers)),
            ("features", groups(&self.features)),
            (
                "divergences",
                Json::Array(
                    self.divergences
                        .iter()
                        .map(|divergence| {
                            Json::object([
                                ("tier", Json::str(&divergence.tier)),
                                (
                                    "features",
                                    Json::Array(
                                        divergence.features.iter().map(Json::str).collect(),
                                    ),
                                ),
                                ("seed", Json::Int(divergence.seed as i64)),
                                ("program", Json::str(&divergence.program)),
                                (
                                    "original_bytes",
                                    Json::Int(divergence.original_bytes as i64),
                                ),
                                ("diff", Json::str(divergence.diff())),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::Divergence;
    use crate::engine::{Observation, Status};

    #[test]
    fn divergences_diff_every_field() {
        let divergence = Divergence {
            tier: "expressions".to_string(),
            features: vec!["arith".to_string()],
            seed: 7,
            program: "print(1//0)".to_string(),
            original_bytes: 300,
            reference: Observation::syntax_error(b"x".to_vec()),
            ferrolua: Observation {
                output: b"inf\n".to_vec(),
                ..Observation::empty(Status::Ok)
            },
        };
        let diff = divergence.diff();
        assert!(diff.starts_with("--- reference\n+++ ferrolua\n"), "{diff}");
        assert!(
            diff.contains("-status: syntax error\n+status: ok\n"),
            "{diff}"
        );
        assert!(diff.contains("+  inf\n"), "{diff}");
        assert!(diff.contains("-error: \"x\"\n"), "{diff}");
    }
}
