//! The engine under test: ferrolua, driven the way the reference engine drives PUC Lua.

use ferrolua::{ChunkMode, CompileOptions};

use super::{Engine, Observation, Status};

/// How many of PUC's "C levels" are in use when the reference engine's `load` starts parsing.
///
/// PUC's parser counts its nesting in `L->nCcalls`, the counter of native calls, so the depth at
/// which `too many C levels (limit is 200)` fires depends on the calls active around `load`. It
/// was measured on [`super::ReferenceEngine::compile`] (the global `load` called from Rust
/// through mlua): the largest `n` for which `return ` + `(`×n + `1` + `)`×n compiles is
/// `n_max = 197`. PUC enters one level for the statement and one for each subexpression, so the
/// innermost `1` sits at level `base + 2 + n`, which must not exceed 200: `base = 198 - n_max`.
/// The one level in use is `luaD_call`'s for the C function `load` itself: mlua's `lua_pcall`
/// comes from Rust, not from a Lua script run by the standalone interpreter, which would add one
/// more. The `limits/c_levels` trial of the `corpus` test target re-measures `n_max` and checks
/// this value.
pub const REFERENCE_C_LEVELS_IN_USE: u32 = 1;

/// ferrolua's front end; running code is not possible yet, as the interpreter does not exist.
#[derive(Clone, Copy, Debug)]
pub struct FerroluaEngine {
    options: CompileOptions,
}

impl Default for FerroluaEngine {
    fn default() -> Self {
        FerroluaEngine::new()
    }
}

impl FerroluaEngine {
    /// An engine that compiles as the reference engine's `load(source, name, "t")` does.
    pub fn new() -> FerroluaEngine {
        FerroluaEngine {
            options: CompileOptions {
                mode: ChunkMode::Text,
                c_levels_in_use: REFERENCE_C_LEVELS_IN_USE,
            },
        }
    }

    /// The options every compilation uses.
    pub fn options(&self) -> CompileOptions {
        self.options
    }
}

impl Engine for FerroluaEngine {
    fn name(&self) -> &'static str {
        "ferrolua"
    }

    fn compile(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
        ferrolua::compile_with(source, chunk_name, self.options)
            .map(|proto| ferrolua::bytecode::dump(&proto, false))
            .map_err(|error| error.message)
    }

    fn run(&mut self, source: &[u8], chunk_name: &[u8]) -> Observation {
        match ferrolua::compile_with(source, chunk_name, self.options) {
            Ok(_) => Observation::empty(Status::Unsupported),
            Err(error) => Observation::syntax_error(error.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FerroluaEngine;
    use crate::engine::{Engine, Status};

    #[test]
    fn runs_stop_at_compilation_until_the_interpreter_exists() {
        let mut ferrolua = FerroluaEngine::new();
        assert_eq!(
            ferrolua.run(b"return 1", b"=case").status,
            Status::Unsupported
        );
        let rejected = ferrolua.run(b"return return", b"=case");
        assert_eq!(rejected.status, Status::SyntaxError);
        assert_eq!(
            rejected.error.as_deref(),
            Some(&b"case:1: unexpected symbol near 'return'"[..])
        );
    }
}
