//! The front end: source text to a function prototype, in one pass as PUC Lua does it.
//!
//! Mirrors `lua_load`/`f_parser` in ldo.c and `luaY_parser` in lparser.c. The lexer (llex.c)
//! feeds the parser (lparser.c), which drives the code generator (lcode.c) directly: there is no
//! syntax tree, so every instruction gets the line PUC would give it and every limit error fires
//! at the token where PUC raises it.

mod chunkid;
mod codegen;
mod lexer;
mod parser;
mod scope;
mod token;

use std::fmt;

pub use chunkid::chunk_id;
pub use lexer::str_is_reserved;

use crate::bytecode::Proto;

/// Which kinds of chunk `load` accepts, as its `mode` argument ("b", "t" or "bt").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChunkMode {
    /// Only binary chunks ("b").
    Binary,
    /// Only text chunks ("t").
    Text,
    /// Both ("bt"), the default.
    #[default]
    Both,
}

impl ChunkMode {
    /// The mode as `load` spells it in its error message.
    pub fn as_str(self) -> &'static str {
        match self {
            ChunkMode::Binary => "b",
            ChunkMode::Text => "t",
            ChunkMode::Both => "bt",
        }
    }
}

/// Settings of one compilation.
#[derive(Clone, Copy, Debug)]
pub struct CompileOptions {
    /// Which kinds of chunk are accepted.
    pub mode: ChunkMode,
    /// How many "C levels" are already in use when parsing starts. PUC's parser counts its
    /// nesting in the same counter as native calls (`L->nCcalls`), so the depth at which
    /// `too many C levels` fires depends on the caller: 2 for `load` called from a script run by
    /// the standalone interpreter.
    pub c_levels_in_use: u32,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            mode: ChunkMode::Both,
            c_levels_in_use: 2,
        }
    }
}

/// A compilation error: PUC's `LUA_ERRSYNTAX`, with its message byte for byte.
///
/// The message is bytes because it can quote source text, which need not be UTF-8.
#[derive(Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The message as Lua code sees it, such as `input:1: unexpected symbol near '@'`.
    pub message: Vec<u8>,
}

impl SyntaxError {
    #[cold]
    pub(crate) fn new(message: Vec<u8>) -> SyntaxError {
        SyntaxError { message }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.message))
    }
}

impl fmt::Debug for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SyntaxError({:?})",
            String::from_utf8_lossy(&self.message)
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Compiles a chunk with the default options, as `load(source, chunk_name)` does.
///
/// `chunk_name` is PUC's "source": `=name` is shown as is, `@file` as a file name, and anything
/// else as `[string "..."]` (see [`chunk_id`]).
pub fn compile(source: &[u8], chunk_name: &[u8]) -> Result<Proto, SyntaxError> {
    compile_with(source, chunk_name, CompileOptions::default())
}

/// Whether a chunk is binary: it starts with the signature's first byte, as `f_parser` tells.
fn is_binary(source: &[u8]) -> bool {
    source.first() == Some(&crate::bytecode::SIGNATURE[0])
}

/// `checkmode` in ldo.c: the error for a chunk whose kind is not among the letters of `mode`
/// (`load` may be given any string), which is read as a C string and quoted whole.
pub fn mode_error(mode: &[u8], source: &[u8]) -> Option<Vec<u8>> {
    let mode = mode.split(|&b| b == 0).next().unwrap_or_default();
    let (kind, letter): (&[u8], u8) = if is_binary(source) {
        (b"binary", b'b')
    } else {
        (b"text", b't')
    };
    if mode.contains(&letter) {
        return None;
    }
    Some(
        [
            b"attempt to load a ",
            kind,
            b" chunk (mode is '",
            mode,
            b"')",
        ]
        .concat(),
    )
}

/// Compiles a chunk, checking its kind against `options.mode` as `f_parser` in ldo.c does.
pub fn compile_with(
    source: &[u8],
    chunk_name: &[u8],
    options: CompileOptions,
) -> Result<Proto, SyntaxError> {
    if let Some(message) = mode_error(options.mode.as_str().as_bytes(), source) {
        return Err(SyntaxError::new(message));
    }
    if is_binary(source) {
        return crate::bytecode::undump(source, chunk_name).map_err(SyntaxError::new);
    }
    parser::parse_main(source, chunk_name, options.c_levels_in_use).map_err(|error| *error)
}

/// Strips what `luaL_loadfilex` skips before handing a file to the parser: a UTF-8 byte-order
/// mark, then a first line starting with `#`. The `#` line's newline is kept so that line
/// numbers stay right, as lauxlib.c's `skipcomment` does.
pub fn skip_file_prefix(contents: &[u8]) -> &[u8] {
    let contents = contents.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(contents);
    if contents.first() != Some(&b'#') {
        return contents;
    }
    match contents.iter().position(|&b| b == b'\n') {
        // A binary chunk after the comment is read without the newline, as PUC reopens the
        // file in binary mode and skips the comment again.
        Some(newline) if contents.get(newline + 1) == Some(&crate::bytecode::SIGNATURE[0]) => {
            &contents[newline + 1..]
        }
        Some(newline) => &contents[newline..],
        None => &[],
    }
}
