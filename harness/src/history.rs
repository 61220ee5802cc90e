//! `reports/history.jsonl`: one JSON line per `conform report` run, with the summary numbers,
//! so that the HTML report can draw trends across commits.
//!
//! Each line holds the commit, the date (UTC), the machine, and whatever the run measured:
//! syntax agreement, language-corpus passes, official-suite passes per mode, the
//! standard-library counts, the geometric-mean time ratios of both benchmarks, the memory
//! benchmark's peak-heap ratios, ferrolua's collection overhead and the differential campaign's
//! counts. A number that was not measured is `null`. Lines are only
//! appended; a line that cannot be read is skipped, so the file survives hand edits and
//! format changes.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::corpus::Summary;
use crate::json::Json;
use crate::report::Report;

/// A count out of a total, such as 610 cases passing out of 610.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// How many passed or agreed.
    pub passed: usize,
    /// How many there were.
    pub total: usize,
}

impl Count {
    /// The share that passed, in percent; `None` when there was nothing to count.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * self.passed as f64 / self.total as f64)
    }

    fn json(&self) -> Json {
        Json::object([
            ("passed", Json::Int(self.passed as i64)),
            ("total", Json::Int(self.total as i64)),
        ])
    }

    fn from_json(json: &Json) -> Option<Count> {
        Some(Count {
            passed: usize::try_from(json.get("passed")?.as_i64()?).ok()?,
            total: usize::try_from(json.get("total")?.as_i64()?).ok()?,
        })
    }
}

/// One run's summary numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryEntry {
    /// The commit, with `+dirty` for uncommitted changes, if known.
    pub commit: Option<String>,
    /// When the report was made, as `YYYY-MM-DDTHH:MM:SSZ`.
    pub date: String,
    /// The machine line of the report.
    pub machine: String,
    /// Syntax cases (corpus and suite) on which the engines agree.
    pub syntax: Option<Count>,
    /// Language-corpus cases ferrolua passes.
    pub lang: Option<Count>,
    /// Official-suite trials ferrolua passes, per mode, in mode order.
    pub suite: Vec<(String, Count)>,
    /// Standard-library functions implemented, out of all of §6.
    pub stdlib: Option<Count>,
    /// The front-end benchmark's geometric-mean time ratio, ferrolua over reference.
    pub front_end_ratio: Option<f64>,
    /// The program benchmark's geometric-mean time ratio, ferrolua over reference.
    pub programs_ratio: Option<f64>,
    /// The memory benchmark's headline: binary-trees' peak heap, ferrolua over reference.
    pub peak_heap_ratio: Option<f64>,
    /// The memory benchmark's geometric-mean peak-heap ratio over the counted programs.
    pub peak_heap_geomean_ratio: Option<f64>,
    /// The share of ferrolua's run time spent collecting over the timed programs, 0 to 1.
    pub gc_overhead: Option<f64>,
    /// Campaign programs on which the engines agreed, out of all it ran.
    pub campaign: Option<Count>,
}

impl HistoryEntry {
    /// The entry for a report made at `date`.
    pub fn of(report: &Report, date: String) -> HistoryEntry {
        let syntax = Summary::of(&report.outcomes, None);
        HistoryEntry {
            commit: report.commit.clone(),
            date,
            machine: report.machine.clone(),
            syntax: (syntax.cases > 0).then_some(Count {
                passed: syntax.agree,
                total: syntax.cases,
            }),
            lang: report.lang.as_ref().map(|lang| {
                let summary = lang.summary();
                Count {
                    passed: summary.pass + summary.unexpected_pass,
                    total: summary.cases,
                }
            }),
            suite: crate::report::html::suite_counts(report),
            stdlib: report.stdlib.as_ref().map(|stdlib| Count {
                passed: stdlib.ferrolua_counts(None).implemented,
                total: stdlib.rows.len(),
            }),
            front_end_ratio: report
                .bench
                .as_ref()
                .and_then(|bench| bench.geometric_mean_ratio()),
            programs_ratio: report
                .programs
                .as_ref()
                .and_then(|bench| bench.geometric_mean_ratio()),
            peak_heap_ratio: report
                .memory
                .as_ref()
                .and_then(|bench| bench.headline_ratio()),
            peak_heap_geomean_ratio: report
                .memory
                .as_ref()
                .and_then(|bench| bench.geometric_mean_ratio()),
            gc_overhead: report
                .programs
                .as_ref()
                .and_then(|bench| bench.gc_total())
                .map(|total| total.share()),
            campaign: report.campaign.as_ref().map(|campaign| Count {
                passed: campaign.agreeing_programs(),
                total: campaign.programs,
            }),
        }
    }

    /// The entry as one JSON object.
    pub fn json(&self) -> Json {
        let count = |count: &Option<Count>| count.as_ref().map_or(Json::Null, Count::json);
        let ratio = |ratio: Option<f64>| ratio.map_or(Json::Null, Json::Float);
        Json::object([
            (
                "commit",
                self.commit.as_deref().map_or(Json::Null, Json::str),
            ),
            ("date", Json::str(&self.date)),
            ("machine", Json::str(&self.machine)),
            ("syntax", count(&self.syntax)),
            ("lang", count(&self.lang)),
            (
                "suite",
                Json::Object(
                    self.suite
                        .iter()
                        .map(|(mode, count)| (mode.clone(), count.json()))
                        .collect(),
                ),
            ),
            ("stdlib", count(&self.stdlib)),
            ("front_end_ratio", ratio(self.front_end_ratio)),
            ("programs_ratio", ratio(self.programs_ratio)),
            ("peak_heap_ratio", ratio(self.peak_heap_ratio)),
            (
                "peak_heap_geomean_ratio",
                ratio(self.peak_heap_geomean_ratio),
            ),
            ("gc_overhead", ratio(self.gc_overhead)),
            ("campaign", count(&self.campaign)),
        ])
    }

    /// Reads an entry back; fields it lacks are unmeasured.
    pub fn from_json(json: &Json) -> Option<HistoryEntry> {
        let count = |key| json.get(key).and_then(Count::from_json);
        let ratio = |key| json.get(key).and_then(Json::as_f64);
        let suite = match json.get("suite") {
            Some(Json::Object(modes)) => modes
                .iter()
                .filter_map(|(mode, count)| Some((mode.clone(), Count::from_json(count)?)))
                .collect(),
            _ => Vec::new(),
        };
        Some(HistoryEntry {
            commit: json
                .get("commit")
                .and_then(Json::as_str)
                .map(str::to_string),
            date: json.get("date")?.as_str()?.to_string(),
            machine: json
                .get("machine")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string(),
            syntax: count("syntax"),
            lang: count("lang"),
            suite,
            stdlib: count("stdlib"),
            front_end_ratio: ratio("front_end_ratio"),
            programs_ratio: ratio("programs_ratio"),
            peak_heap_ratio: ratio("peak_heap_ratio"),
            peak_heap_geomean_ratio: ratio("peak_heap_geomean_ratio"),
            gc_overhead: ratio("gc_overhead"),
            campaign: count("campaign"),
        })
    }

    /// A short label for chart axes: the commit's first seven digits and the day.
    pub fn label(&self) -> String {
        let commit = self
            .commit
            .as_deref()
            .map_or("no commit", |commit| commit.get(..7).unwrap_or(commit));
        let day = self.date.get(..10).unwrap_or(&self.date);
        format!("{commit} {day}")
    }
}

/// Every readable entry of a history file, oldest first; no file is an empty history.
pub fn read(path: &Path) -> io::Result<Vec<HistoryEntry>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    Ok(text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| Json::parse(line).ok())
        .filter_map(|json| HistoryEntry::from_json(&json))
        .collect())
}

/// Appends one entry as a line, creating the file and its folder if needed.
pub fn append(path: &Path, entry: &HistoryEntry) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    writeln!(file, "{}", entry.json().to_compact())
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    utc_timestamp(seconds)
}

/// Seconds since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ`, in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
pub fn utc_timestamp(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let second_of_day = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::{utc_timestamp, Count, HistoryEntry};
    use crate::json::Json;

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(utc_timestamp(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn entries_round_trip_through_one_line() {
        let entry = HistoryEntry {
            commit: Some("0123456789abcdef+dirty".to_string()),
            date: "2024-05-06T07:08:09Z".to_string(),
            machine: "test machine".to_string(),
            syntax: Some(Count {
                passed: 625,
                total: 625,
            }),
            lang: Some(Count {
                passed: 600,
                total: 610,
            }),
            suite: vec![(
                "soft-port".to_string(),
                Count {
                    passed: 10,
                    total: 27,
                },
            )],
            stdlib: None,
            front_end_ratio: Some(1.02),
            programs_ratio: None,
            peak_heap_ratio: Some(1.18),
            peak_heap_geomean_ratio: None,
            gc_overhead: Some(0.042),
            campaign: None,
        };
        let line = entry.json().to_compact();
        assert!(!line.contains('\n'));
        let parsed = Json::parse(&line).expect("valid JSON");
        assert_eq!(HistoryEntry::from_json(&parsed), Some(entry.clone()));
        assert_eq!(entry.label(), "0123456 2024-05-06");
    }
}
