//! The `os` library (stub until it is written; see the standard-library issue).

use crate::vm::Lua;

/// Opens the library into `_G.os` and `package.loaded.os`.
pub fn open(lua: &mut Lua) {
    lua.new_library("os", &[]);
}
