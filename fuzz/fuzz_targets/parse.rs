//! Fuzz target `parse`: any bytes go through ferrolua's compiler, which must never panic.
//!
//! Mirrors what `load(s, "=fuzz", "t")` does, the way the standalone interpreter calls it (two C
//! levels already in use). The oracle is crash-freedom: a `SyntaxError` is a fine outcome, while
//! a panic, an overflow of the Rust stack or an abort is a finding. See ../README.md.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ferrolua::CompileOptions {
        mode: ferrolua::ChunkMode::Text,
        c_levels_in_use: 2,
    };
    // Both outcomes are acceptable; only a crash on the way to one of them is a bug.
    let _ = ferrolua::compile_with(data, b"=fuzz", options);
});
