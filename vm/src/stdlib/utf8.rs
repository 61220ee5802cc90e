//! The `utf8` library (stub until it is written; see the standard-library issue).

use crate::vm::Lua;

/// Opens the library into `_G.utf8` and `package.loaded.utf8`.
pub fn open(lua: &mut Lua) {
    lua.new_library("utf8", &[]);
}
