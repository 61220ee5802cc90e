//! Fuzz target `diff`: libFuzzer's bytes drive the harness's program generator (they are the
//! generator's choices, read through `arbitrary::Unstructured`), and the generated Lua program
//! runs in PUC-Rio Lua 5.3.6 and in ferrolua, which must see the same thing.
//!
//! The oracle is the one of `conform diff` ([`ferrolua_harness::diff::classify`]) for tiers T0
//! to T2: ferrolua must not panic, and the status, printed output, returned values and error
//! message must be the reference's. Tracebacks (T3) are not compared. Runs that either engine
//! ends by exhausting its instruction budget, and runs where the reference runs out of memory,
//! prove nothing and are skipped. See ../README.md for the limits.

#![no_main]

use ferrolua_harness::diff::{classify, run_source, Tier, Verdict, CHUNK_NAME};
use ferrolua_harness::gen::{generate, Features};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let program = generate(data, Features::default());
    let run = run_source(program.source.as_bytes(), CHUNK_NAME);
    debug_assert_eq!(classify(&run.reference, &run.ferrolua), run.verdict);
    if let Verdict::Diverge(divergence) = &run.verdict {
        if divergence.tier <= Tier::T2 {
            panic!(
                "the engines diverge: {}\n{}\n--- program ---\n{}",
                divergence.signature,
                ferrolua_harness::diff::field_diffs(&run),
                program.source
            );
        }
    }
});
