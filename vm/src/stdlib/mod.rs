//! The standard libraries. Mirrors linit.c (`luaL_openlibs`) and one module per PUC library.

mod auxlib;
pub mod base;

pub use auxlib::address_of;

use crate::value::Value;
use crate::vm::Lua;

/// Opens every standard library and records each in `package.loaded` (`luaL_openlibs`).
pub fn open_libs(lua: &mut Lua) {
    base::open(lua);
    let globals = Value::Table(lua.globals());
    let loaded = lua.loaded;
    let key = lua.string(b"_G");
    lua.heap.table_mut(loaded).set(key, globals);
}
