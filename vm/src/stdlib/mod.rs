//! The standard libraries. Mirrors linit.c (`luaL_openlibs`) and one module per PUC library.

mod auxlib;
pub mod base;
pub mod coroutine;
pub mod debug;
pub mod io;
pub mod math;
pub mod os;
pub mod package;
pub mod string;
pub mod table;
pub mod utf8;

pub use auxlib::address_of;

use crate::object::NativeFunction;
use crate::value::{TableRef, Value};
use crate::vm::Lua;

/// Opens every standard library and records each in `package.loaded` (`luaL_openlibs`).
pub fn open_libs(lua: &mut Lua) {
    base::open(lua);
    let globals = Value::Table(lua.globals());
    lua.set_loaded("_G", globals);
    package::open(lua);
    coroutine::open(lua);
    table::open(lua);
    string::open(lua);
    math::open(lua);
    utf8::open(lua);
    io::open(lua);
    os::open(lua);
    debug::open(lua);
}

impl Lua {
    /// Records a module in `package.loaded`.
    pub fn set_loaded(&mut self, name: &str, module: Value) {
        let key = self.string(name.as_bytes());
        let loaded = self.loaded;
        self.heap.table_set(loaded, key, module);
    }

    /// Creates a library table with `functions`, sets it as global `name` and records it in
    /// `package.loaded` (`luaL_newlib` plus `luaL_requiref`).
    pub fn new_library(&mut self, name: &str, functions: &[(&str, NativeFunction)]) -> TableRef {
        let Value::Table(table) = self.new_table() else {
            unreachable!("new_table makes a table")
        };
        self.register(table, functions);
        self.set_global(name, Value::Table(table));
        self.set_loaded(name, Value::Table(table));
        table
    }
}
