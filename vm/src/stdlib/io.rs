//! The `io` library (stub until it is written; see the standard-library issue).

use crate::vm::Lua;

/// Opens the library into `_G.io` and `package.loaded.io`.
pub fn open(lua: &mut Lua) {
    lua.new_library("io", &[]);
}
