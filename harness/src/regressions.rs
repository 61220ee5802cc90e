//! The regression corpus: `corpus/regressions/*.lua`, programs `conform shrink` reduced from
//! divergences that `conform diff` found, replayed in both engines by `cargo test`.
//!
//! A case passes when both engines agree on it completely (status, output, results, error
//! message and traceback), as judged by [`crate::diff::classify`]. Divergences not fixed yet
//! are listed in `corpus/regressions/expectations.toml`, with a reason, in the format of
//! `corpus/lang/expectations.toml` ([`crate::expectations`]); a listed case must keep
//! diverging, and an entry must name a case.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::corpus::Case;
use crate::diff::{run_source, Verdict};
use crate::expectations::Expectations;

/// The folder of the corpus.
pub fn dir(corpus_dir: &Path) -> PathBuf {
    corpus_dir.join("regressions")
}

/// The expectations file.
pub fn expectations_path(corpus_dir: &Path) -> PathBuf {
    dir(corpus_dir).join("expectations.toml")
}

/// Every case, in name order, named `regressions/<file>` and run as the chunk
/// `@regressions/<file>`.
pub fn cases(corpus_dir: &Path) -> io::Result<Vec<Case>> {
    let folder = dir(corpus_dir);
    let mut cases = Vec::new();
    if !folder.is_dir() {
        return Ok(cases);
    }
    for entry in std::fs::read_dir(&folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|extension| extension == "lua") {
            let file = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            cases.push(Case {
                kind: crate::corpus::CaseKind::Lang,
                name: format!("regressions/{file}"),
                chunk_name: format!("@regressions/{file}").into_bytes(),
                path,
            });
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// The key of a case in the expectations file: its file name.
pub fn key(case: &Case) -> &str {
    case.name.strip_prefix("regressions/").unwrap_or(&case.name)
}

/// Runs a case in both engines and judges it against the expectations: `Err` says what is
/// wrong.
pub fn check(case: &Case, expectations: &Expectations) -> Result<(), String> {
    let source = case.source().map_err(|error| error.to_string())?;
    let run = run_source(&source, &case.chunk_name);
    let reason = expectations.reason(key(case));
    match (&run.verdict, reason) {
        (Verdict::Agree, None) => Ok(()),
        (Verdict::Agree, Some(reason)) => Err(format!(
            "unexpected pass: {} now agrees with the reference; remove its entry from \
             corpus/regressions/expectations.toml (it said: {reason})",
            case.name
        )),
        (Verdict::Diverge(_), Some(_)) => Ok(()),
        (Verdict::Diverge(divergence), None) => Err(format!(
            "{}: {}\n{}",
            case.name,
            divergence.signature,
            crate::diff::field_diffs(&run)
        )),
        (Verdict::Inconclusive(why), _) => Err(format!(
            "{}: inconclusive ({why}); a regression case must run to a verdict",
            case.name
        )),
    }
}

/// Entries of the expectations file that name no case.
pub fn stale_entries(expectations: &Expectations, cases: &[Case]) -> Vec<String> {
    expectations
        .entries
        .keys()
        .filter(|entry| !cases.iter().any(|case| key(case) == entry.as_str()))
        .cloned()
        .collect()
}

/// The divergence signatures the corpus already holds, from the first line `conform shrink`
/// writes (`-- <signature> (conform shrink <input>)`), with the file that holds each.
pub fn known_signatures(corpus_dir: &Path) -> BTreeMap<String, String> {
    let mut known = BTreeMap::new();
    for case in cases(corpus_dir).unwrap_or_default() {
        let Ok(text) = std::fs::read_to_string(&case.path) else {
            continue;
        };
        let first = text.lines().next().unwrap_or_default();
        if let Some(signature) = first
            .strip_prefix("-- ")
            .and_then(|rest| rest.rsplit_once(" (conform shrink "))
            .map(|(signature, _)| signature)
        {
            known.insert(signature.to_string(), case.name.clone());
        }
    }
    known
}
