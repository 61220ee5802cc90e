//! The `string` library (stub until it is written; see the standard-library issue).

use crate::value::{Type, Value};
use crate::vm::Lua;

/// Opens the library into `_G.string` and `package.loaded.string`, and gives strings their
/// metatable, whose `__index` is the library (`createmetatable` in lstrlib.c).
pub fn open(lua: &mut Lua) {
    let library = lua.new_library("string", &[]);
    let metatable = lua.new_table();
    let Value::Table(metatable) = metatable else {
        unreachable!("new_table makes a table")
    };
    let key = lua.string(b"__index");
    lua.heap
        .table_mut(metatable)
        .set(key, Value::Table(library));
    lua.set_type_metatable(Type::String, Some(metatable));
}
