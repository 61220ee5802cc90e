//! Conformance as tests, all judged against PUC Lua 5.3.6: one trial per syntax corpus case and
//! per official suite file (compiled), one per case of the language, standard library,
//! coroutine and garbage collector corpora (run, with `corpus/lang/expectations.toml` listing
//! the known failures), plus the nesting-limit and `loadfile` trials.
//!
//! The trials use the same library code as `conform corpus` and `conform lang`, so a failure
//! here is a disagreement there. Each failure message shows both engines' verdicts, or a
//! unified diff of each field in which their runs differ.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use ferrolua_harness::corpus::{self, compare, Case, Verdict};
use ferrolua_harness::engine::ferrolua::REFERENCE_C_LEVELS_IN_USE;
use ferrolua_harness::engine::{Engine, FerroluaEngine, ReferenceEngine};
use ferrolua_harness::expectations::Expectations;
use ferrolua_harness::lang::{self, Judgement};
use ferrolua_harness::paths;
use ferrolua_harness::show::quoted;
use libtest_mimic::{Arguments, Failed, Trial};

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    let mut trials = Vec::new();
    match corpus::syntax_cases(&paths::corpus_dir()) {
        Ok(cases) => trials.extend(cases.into_iter().map(case_trial)),
        Err(error) => trials.push(Trial::test("syntax/(corpus unreadable)", move || {
            Err(error.to_string().into())
        })),
    }
    trials.extend(lang_trials());
    match corpus::suite_cases(&paths::suite_dir()) {
        Ok(cases) => trials.extend(cases.into_iter().map(case_trial)),
        Err(error) => trials.push(Trial::test("suite/(not found)", move || {
            Err(error.to_string().into())
        })),
    }
    trials.push(Trial::test("limits/c_levels", c_levels_match_the_reference));
    trials.push(Trial::test("limits/nested_parentheses_100000", || {
        deep_nesting_is_rejected_as_the_reference_rejects_it(b"(", b"1", b")")
    }));
    trials.push(Trial::test("limits/nested_tables_100000", || {
        deep_nesting_is_rejected_as_the_reference_rejects_it(b"{", b"", b"}")
    }));
    trials.push(Trial::test(
        "loadfile/bom_and_hash_line",
        file_prefixes_are_skipped_as_loadfile_skips_them,
    ));
    libtest_mimic::run(&arguments, trials).exit_code()
}

fn case_trial(case: Case) -> Trial {
    let name = case.name.clone();
    Trial::test(name, move || {
        let outcome = corpus::check_case(
            &mut ReferenceEngine::default(),
            &mut FerroluaEngine::new(),
            &case,
        )?;
        if outcome.agrees() {
            Ok(())
        } else {
            Err(outcome.describe().into())
        }
    })
}

/// One trial per case of `corpus/lang`, `corpus/stdlib`, `corpus/coroutine` and `corpus/gc`,
/// judged against the expectations file, and one trial that checks the file itself: it parses,
/// and every entry names a case.
fn lang_trials() -> Vec<Trial> {
    let corpus_dir = paths::corpus_dir();
    let expectations_path = Expectations::default_path(&corpus_dir);
    let cases = match corpus::lang_cases(&corpus_dir) {
        Ok(cases) => cases,
        Err(error) => {
            return vec![Trial::test("lang/(corpus unreadable)", move || {
                Err(error.to_string().into())
            })]
        }
    };
    let expectations = match Expectations::load(&expectations_path) {
        Ok(expectations) => Arc::new(expectations),
        Err(error) => {
            return vec![Trial::test("lang/expectations.toml", move || {
                Err(error.to_string().into())
            })]
        }
    };
    let stale = lang::stale_entries(&expectations, &cases)
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let mut trials = vec![Trial::test("lang/expectations.toml", move || {
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "corpus/lang/expectations.toml lists cases that do not exist; remove: {}",
                stale.join(", ")
            )
            .into())
        }
    })];
    trials.extend(cases.into_iter().map(|case| {
        let expectations = Arc::clone(&expectations);
        Trial::test(case.name.clone(), move || {
            let outcome = lang::run_case(&case)?;
            match Judgement::of(&outcome, &expectations).failure_message(&outcome) {
                None => Ok(()),
                Some(message) => Err(message.into()),
            }
        })
    }));
    trials
}

/// Fails unless both engines give the same verdict on `source`, showing both.
fn same_verdict(source: &[u8], chunk_name: &[u8], what: &str) -> Result<Verdict, Failed> {
    let (reference, ferrolua) = compare(
        &mut ReferenceEngine::default(),
        &mut FerroluaEngine::new(),
        source,
        chunk_name,
    );
    if reference == ferrolua && !matches!(reference, Verdict::Panics(_)) {
        Ok(reference)
    } else {
        Err(format!(
            "{what}: reference {}; ferrolua {}",
            reference.describe(),
            ferrolua.describe()
        )
        .into())
    }
}

/// `return ((...(1)...))` with `depth` pairs of parentheses.
fn parenthesized(depth: usize) -> Vec<u8> {
    [
        &b"return "[..],
        &b"(".repeat(depth),
        b"1",
        &b")".repeat(depth),
    ]
    .concat()
}

/// The largest depth of [`parenthesized`] that the reference engine's `load` accepts.
fn reference_max_parentheses() -> Result<usize, Failed> {
    let mut reference = ReferenceEngine::default();
    let mut accepts = |depth| reference.compile(&parenthesized(depth), b"=depth").is_ok();
    let (mut accepted, mut rejected) = (0, 400);
    if !accepts(accepted) || accepts(rejected) {
        return Err(
            "the reference should accept `return 1` and reject 400 nested parentheses".into(),
        );
    }
    while rejected - accepted > 1 {
        let middle = (accepted + rejected) / 2;
        if accepts(middle) {
            accepted = middle;
        } else {
            rejected = middle;
        }
    }
    Ok(accepted)
}

/// Re-measures the C-level base (see [`REFERENCE_C_LEVELS_IN_USE`]) and checks that both engines
/// agree exactly on each side of the limit.
fn c_levels_match_the_reference() -> Result<(), Failed> {
    let n_max = reference_max_parentheses()?;
    let measured_base = 198_i64 - n_max as i64;
    if measured_base != REFERENCE_C_LEVELS_IN_USE as i64 {
        return Err(format!(
            "the reference accepts at most {n_max} nested parentheses, so the base is {measured_base}, \
             but REFERENCE_C_LEVELS_IN_USE is {REFERENCE_C_LEVELS_IN_USE}"
        )
        .into());
    }
    same_verdict(
        &parenthesized(n_max),
        b"=depth",
        &format!("{n_max} nested parentheses"),
    )?;
    let over = same_verdict(
        &parenthesized(n_max + 1),
        b"=depth",
        &format!("{} nested parentheses", n_max + 1),
    )?;
    if !matches!(over, Verdict::Rejects(_)) {
        return Err(format!("{} nested parentheses should be rejected", n_max + 1).into());
    }
    Ok(())
}

/// `return` + `open`×100,000 + `inner` + `close`×100,000 must be rejected with the reference's
/// exact message, and without overflowing ferrolua's stack.
fn deep_nesting_is_rejected_as_the_reference_rejects_it(
    open: &[u8],
    inner: &[u8],
    close: &[u8],
) -> Result<(), Failed> {
    const DEPTH: usize = 100_000;
    let source = [
        &b"return "[..],
        &open.repeat(DEPTH),
        inner,
        &close.repeat(DEPTH),
    ]
    .concat();
    let verdict = same_verdict(
        &source,
        b"=nested",
        &format!("{DEPTH} levels of {}", quoted(open)),
    )?;
    match verdict {
        Verdict::Rejects(_) => Ok(()),
        other => Err(format!(
            "expected a rejection from both engines, got: {}",
            other.describe()
        )
        .into()),
    }
}

/// A scratch file that is removed when dropped.
struct ScratchFile(PathBuf);

impl ScratchFile {
    fn new(contents: &[u8]) -> std::io::Result<ScratchFile> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "ferrolua-loadfile-{}-{}.lua",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        fs::write(&path, contents)?;
        Ok(ScratchFile(path))
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// ferrolua compiling `skip_file_prefix(contents)` as `@path` must match the reference's own
/// `loadfile(path, "t")`, byte for byte, on files with byte-order marks and `#` lines.
fn file_prefixes_are_skipped_as_loadfile_skips_them() -> Result<(), Failed> {
    let files: &[&[u8]] = &[
        b"#!/usr/bin/env lua\nreturn 1\n",
        b"#!/usr/bin/env lua\nlocal = 1\n",
        b"#\n\n\nreturn return\n",
        b"# a comment without a newline",
        b"#x\r\nreturn 1 +",
        b"\xEF\xBB\xBF#!lua\nx = = 1\n",
        b"\xEF\xBB\xBFx = = 1\n",
        b"\xEF\xBB\xBFreturn 1\n",
        b"  #not a comment\n",
        b"\n#not a comment either\n",
    ];
    let mut reference = ReferenceEngine::default();
    let mut ferrolua = FerroluaEngine::new();
    let mut mismatches = Vec::new();
    for &contents in files {
        let file = ScratchFile::new(contents)?;
        let chunk_name = format!("@{}", file.0.to_string_lossy()).into_bytes();
        let expected = corpus::verdict_of_result(reference.compile_file(&file.0));
        let source = ferrolua::compiler::skip_file_prefix(contents);
        let got = corpus::verdict_of(&mut ferrolua, source, &chunk_name);
        if expected != got {
            mismatches.push(format!(
                "file {}: reference loadfile {}; ferrolua {}",
                quoted(contents),
                expected.describe(),
                got.describe()
            ));
        }
    }
    if mismatches.is_empty() {
        Ok(())
    } else {
        Err(mismatches.join("\n").into())
    }
}
