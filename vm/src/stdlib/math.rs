//! The `math` library (stub until it is written; see the standard-library issue).

use crate::vm::Lua;

/// Opens the library into `_G.math` and `package.loaded.math`.
pub fn open(lua: &mut Lua) {
    lua.new_library("math", &[]);
}
