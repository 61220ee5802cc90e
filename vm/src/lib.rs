//! ferrolua: a Lua 5.3 virtual machine in Rust, measured against PUC-Rio Lua 5.3.6.
//!
//! The crate mirrors PUC Lua's layout: `compiler` is llex.c, lparser.c and lcode.c, `bytecode`
//! is lopcodes.c and lobject.h's `Proto`, `number` is the numeric half of lobject.c, and `limits`
//! is llimits.h and luaconf.h. See ARCHITECTURE.md for the code map.

pub mod arith;
pub mod bytecode;
pub mod compiler;
pub mod gc;
pub mod hash;
pub mod limits;
pub mod number;
pub mod object;
pub mod stdlib;
pub mod value;
pub mod vm;

pub use bytecode::Proto;
pub use compiler::{compile, compile_with, ChunkMode, CompileOptions, SyntaxError};
