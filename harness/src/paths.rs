//! Where the harness finds its inputs: the workspace, the case corpus and the official suite.

use std::env;
use std::path::{Path, PathBuf};

/// The environment variable that points at the official Lua 5.3 test suite.
pub const SUITE_ENV_VAR: &str = "LUA53_TESTS";

/// The workspace root, the folder holding the top-level Cargo.toml.
pub fn workspace_root() -> PathBuf {
    // The harness crate lives one level below the root; the path is fixed at build time, which
    // is right for a harness that is always run from its own checkout.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the harness crate has a parent folder")
        .to_path_buf()
}

/// The case corpus, `corpus/` at the workspace root.
pub fn corpus_dir() -> PathBuf {
    workspace_root().join("corpus")
}

/// The official suite: `$LUA53_TESTS` when set and not empty, else `../shared/lua53-tests`
/// beside the checkout.
pub fn suite_dir() -> PathBuf {
    match env::var_os(SUITE_ENV_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace_root()
            .join("..")
            .join("shared")
            .join("lua53-tests"),
    }
}

/// The folder `conform report` writes into, `reports/latest/` at the workspace root.
pub fn latest_report_dir() -> PathBuf {
    workspace_root().join("reports").join("latest")
}

/// The file `conform report` appends one summary line per run to, `reports/history.jsonl`.
pub fn history_file() -> PathBuf {
    workspace_root().join("reports").join("history.jsonl")
}

/// Explains how to get the official suite, for error messages when it is missing.
pub fn suite_missing_help(dir: &Path) -> String {
    format!(
        "the official Lua 5.3 test suite was not found at {}: set ${SUITE_ENV_VAR} or place it \
         at ../shared/lua53-tests beside the checkout (README.md, \"The official test suite\")",
        dir.display()
    )
}
