//! Fuzz target `parse_diff`: any bytes are compiled by PUC-Rio Lua 5.3.6 and by ferrolua, which
//! must agree.
//!
//! Both engines compile as `load(s, "=fuzz", "t")` does, through the harness's
//! [`Engine::compile`]. The oracle: both accept and compile to byte-identical bytecode (as
//! `string.dump` writes it), or both reject with byte-identical messages.
//! A disagreement panics with both outcomes, so libFuzzer saves the input as a crash. Inputs on
//! which the reference runs out of memory are skipped. See ../README.md for the limits.

#![no_main]

use std::cell::RefCell;

use ferrolua_harness::engine::reference::{Budget, ReferenceEngine};
use ferrolua_harness::engine::{Engine, FerroluaEngine};
use ferrolua_harness::show::quoted as quote;
use libfuzzer_sys::fuzz_target;

/// The chunk name both engines compile under; error messages then start with `fuzz:`.
const CHUNK_NAME: &[u8] = b"=fuzz";

/// The memory the reference's Lua state may hold. Without a limit a failed allocation would
/// abort the process; with it, PUC reports `not enough memory`, and such inputs are skipped.
const REFERENCE_MEMORY_BYTES: usize = 64 << 20;

/// The message PUC gives when an allocation fails under the memory limit.
const OUT_OF_MEMORY: &[u8] = b"not enough memory";

/// The prefix of failures on the harness's side (mlua itself, not Lua), which are never a
/// legitimate answer of the reference.
const HARNESS_ERROR_PREFIX: &[u8] = b"harness error:";

thread_local! {
    // One reference state per process: creating a Lua state per input would dominate the time.
    // mlua's `Lua` is neither `Send` nor `Sync`, hence a thread-local and not a `static`.
    static REFERENCE: RefCell<ReferenceEngine> = RefCell::new(ReferenceEngine::new(Budget {
        memory_bytes: REFERENCE_MEMORY_BYTES,
        ..Budget::default()
    }));
}

fuzz_target!(|data: &[u8]| {
    let expected = REFERENCE.with(|reference| reference.borrow_mut().compile(data, CHUNK_NAME));
    if let Err(message) = &expected {
        if message.as_slice() == OUT_OF_MEMORY {
            // The reference gave up for lack of memory, so it has no verdict to compare with.
            return;
        }
        assert!(
            !message.starts_with(HARNESS_ERROR_PREFIX),
            "the reference engine failed on the harness's side: {}",
            quote(message)
        );
    }
    let actual = FerroluaEngine::new().compile(data, CHUNK_NAME);
    if actual != expected {
        panic!(
            "the engines disagree on this chunk\n  reference: {}\n  ferrolua:  {}\n  input:     {}",
            describe(&expected),
            describe(&actual),
            quote(data)
        );
    }
});

/// One engine's verdict as a line of text. Messages are quoted as the harness's reports quote
/// them, which is also a valid Lua 5.3 string literal, so an input can be pasted into a case.
fn describe(verdict: &Result<Vec<u8>, Vec<u8>>) -> String {
    match verdict {
        Ok(chunk) => format!("accepted, compiled to {}", quote(chunk)),
        Err(message) => format!("rejected: {}", quote(message)),
    }
}
