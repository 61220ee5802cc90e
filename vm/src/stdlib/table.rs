//! The `table` library (stub until it is written; see the standard-library issue).

use crate::vm::Lua;

/// Opens the library into `_G.table` and `package.loaded.table`.
pub fn open(lua: &mut Lua) {
    lua.new_library("table", &[]);
}
