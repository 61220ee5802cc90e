//! The ferrolua conformance harness: ferrolua checked against PUC-Rio Lua 5.3.6, case by case.
//!
//! The reference is PUC Lua 5.3.6 itself, vendored and driven through mlua ([`engine::reference`]).
//! Every check runs the same input through both [`engine::Engine`]s and compares what a Lua user
//! would see: acceptance and error messages byte for byte, printed output, returned values and
//! tracebacks, each separately. The `conform` binary and the `corpus` test target are thin
//! front ends over this library, and the fuzz crate uses it as its oracle.

pub mod bench;
pub mod corpus;
pub mod diff;
pub mod engine;
pub mod expectations;
pub mod gen;
pub mod history;
pub mod json;
pub mod lang;
pub mod paths;
pub mod regressions;
pub mod report;
pub mod show;
pub mod shrink;
pub mod stdlib_table;
pub mod suite;
