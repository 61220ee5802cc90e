//! The object heap: every collectable Lua object, in typed slabs indexed by `u32`.
//! Mirrors the allocation side of lgc.c/lmem.c; the collector itself comes with the GC issue.
//!
//! Objects refer to each other by index, never by pointer, so the heap needs no `unsafe`. An
//! index stays valid until the collector frees its object, which it does only for objects no
//! root can reach.

mod function;
mod string;
mod table;

pub use function::{CallInfo, FnProto, LuaClosure, NativeClosure, NativeFunction, Upvalue};
pub use string::StringTable;
pub use table::{normalize_key, InvalidKey, Table};

/// A full userdata (`Udata`): a Rust value owned by the Lua state, with a metatable and a user
/// value (manual §2.1, §2.4).
pub struct Userdata {
    pub metatable: Option<TableRef>,
    /// The value `debug.getuservalue` gives (`lua_getuservalue`).
    pub user_value: crate::value::Value,
    pub data: Box<dyn std::any::Any>,
}

impl std::fmt::Debug for Userdata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Userdata")
            .field("metatable", &self.metatable)
            .finish_non_exhaustive()
    }
}

use crate::value::{LuaFnRef, NativeFnRef, TableRef, UpvalRef};

/// A slab of objects of one kind.
#[derive(Debug)]
pub struct Slab<T> {
    pub items: Vec<T>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab { items: Vec::new() }
    }
}

impl<T> Slab<T> {
    /// Stores an object and returns its index.
    #[inline]
    pub fn insert(&mut self, item: T) -> u32 {
        self.items.push(item);
        self.items.len() as u32 - 1
    }
}

/// All objects of a Lua state.
#[derive(Debug, Default)]
pub struct Heap {
    pub strings: StringTable,
    pub tables: Slab<Table>,
    pub lua_fns: Slab<LuaClosure>,
    pub native_fns: Slab<NativeClosure>,
    pub upvalues: Slab<Upvalue>,
    pub userdata: Slab<Userdata>,
}

impl Heap {
    #[inline]
    pub fn table(&self, t: TableRef) -> &Table {
        &self.tables.items[t.0 as usize]
    }

    #[inline]
    pub fn table_mut(&mut self, t: TableRef) -> &mut Table {
        &mut self.tables.items[t.0 as usize]
    }

    #[inline]
    pub fn lua_fn(&self, f: LuaFnRef) -> &LuaClosure {
        &self.lua_fns.items[f.0 as usize]
    }

    #[inline]
    pub fn native_fn(&self, f: NativeFnRef) -> &NativeClosure {
        &self.native_fns.items[f.0 as usize]
    }

    #[inline]
    pub fn upvalue(&self, u: UpvalRef) -> Upvalue {
        self.upvalues.items[u.0 as usize]
    }

    #[inline]
    pub fn upvalue_mut(&mut self, u: UpvalRef) -> &mut Upvalue {
        &mut self.upvalues.items[u.0 as usize]
    }

    pub fn new_table(&mut self, table: Table) -> TableRef {
        TableRef(self.tables.insert(table))
    }

    /// Approximate bytes in use, for `collectgarbage("count")`.
    pub fn bytes_in_use(&self) -> usize {
        self.strings.total_bytes()
            + self
                .tables
                .items
                .iter()
                .map(Table::size_in_bytes)
                .sum::<usize>()
            + self.lua_fns.items.len() * 48
            + self.native_fns.items.len() * 48
            + self.upvalues.items.len() * 24
    }
}
