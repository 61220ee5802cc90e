//! Fuzz target `undump`: any bytes loaded as a binary chunk (`load(s, "=fuzz", "b")`), and run
//! when they load. Mirrors lundump.c's checks plus ferrolua's bytecode verifier.
//!
//! The oracle is crash-freedom: a malformed or truncated chunk must be a load error, and a chunk
//! the verifier accepts must run to a result or a Lua error, never a panic, an abort or an
//! overflow of the Rust stack. The run gets a small instruction budget and only the libraries
//! that cannot touch the machine (no io, os, package or debug) or allocate without bound. Seed
//! the corpus with real chunks: see ../README.md.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// Instructions a loaded chunk may run before it is stopped.
const BUDGET: u64 = 10_000;

fuzz_target!(|data: &[u8]| {
    let mut lua = ferrolua::vm::Lua::new_bare();
    ferrolua::stdlib::base::open(&mut lua);
    ferrolua::stdlib::coroutine::open(&mut lua);
    ferrolua::stdlib::table::open(&mut lua);
    ferrolua::stdlib::string::open(&mut lua);
    ferrolua::stdlib::math::open(&mut lua);
    ferrolua::stdlib::utf8::open(&mut lua);
    let Ok(sandbox) = lua.load(
        b"print, dofile, loadfile, collectgarbage, string.rep = nil",
        b"=sandbox",
        ferrolua::ChunkMode::Text,
    ) else {
        panic!("the sandbox chunk compiles");
    };
    lua.pcall(sandbox, &[], None)
        .expect("the sandbox chunk runs");
    let Ok(function) = lua.load(data, b"=fuzz", ferrolua::ChunkMode::Binary) else {
        return;
    };
    lua.set_instruction_budget(Some(BUDGET));
    // Any outcome is acceptable; only a crash on the way to one is a bug.
    let _ = lua.pcall(function, &[], None);
});
