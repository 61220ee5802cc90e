//! The object heap: every collectable Lua object, in typed slabs indexed by `u32`. Mirrors the
//! allocation side of lgc.c/lmem.c (`luaC_newobj`, the barriers of lgc.h); the collector that
//! frees objects is `crate::gc`.
//!
//! Objects refer to each other by index, never by pointer, so the heap needs no `unsafe`.
//! Invariants:
//! - An index stays valid until the collector frees its object, which it does only for objects
//!   no root reaches. A freed slot holds an empty placeholder (so a stale index can never make
//!   the VM panic) and is listed for reuse.
//! - Every slot has a color (`WHITE`, `GRAY`, `BLACK`, or `FREE`), kept beside the objects.
//!   While the collector marks incrementally, no black object refers to a white one: every
//!   mutation of a table, userdata, native closure or upvalue cell goes through the `*_mut`
//!   accessors below, which turn a black object gray again (PUC's `luaC_barrierback`).
//! - `bytes` counts what the objects of this heap take (`gettotalbytes`, which paces the
//!   collector): each object its slot in its slab (the object and its color byte) and what it
//!   owns outside it. Allocations add their size, table growth adds its growth, and the
//!   collector subtracts what it frees. This is what `collectgarbage("count")` reports. What
//!   the slabs hold besides their live slots (free slots, spare capacity) is their slack: it
//!   is to ferrolua what `malloc`'s free lists are to PUC, reused before anything new is
//!   asked of the allocator, and `Lua::memory_in_use` adds it to the count.
//! - Free slots are reused lowest first, and the sweep gives back a slab's free tail (see
//!   `Slab::trim`), so the slack after a large structure dies does not stay for ever.

mod function;
mod string;
mod table;

pub(crate) use function::ThreadSwitch;
pub use function::{CallInfo, FnProto, LuaClosure, NativeClosure, NativeFunction, Upvalue};
pub use string::StringTable;
pub use table::{normalize_key, InvalidKey, Table};

use crate::gc::Collector;
use crate::value::{LuaFnRef, NativeFnRef, TableRef, UpvalRef, UserdataRef, Value};

/// A full userdata (`Udata`): a Rust value owned by the Lua state, with a metatable and a user
/// value (manual §2.1, §2.4).
pub struct Userdata {
    pub metatable: Option<TableRef>,
    /// The value `debug.getuservalue` gives (`lua_getuservalue`).
    pub user_value: Value,
    pub data: Box<dyn std::any::Any>,
}

impl Default for Userdata {
    fn default() -> Self {
        Userdata {
            metatable: None,
            user_value: Value::Nil,
            data: Box::new(()),
        }
    }
}

impl std::fmt::Debug for Userdata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Userdata")
            .field("metatable", &self.metatable)
            .finish_non_exhaustive()
    }
}

/// Colors of the tri-color marking (lgc.h's `WHITE0BIT`, `BLACKBIT`), and the color of a free
/// slot. White: not reached yet (dead at the end of marking). Gray: reached, its references not
/// yet traversed. Black: reached and traversed.
pub const WHITE: u8 = 0;
pub const GRAY: u8 = 1;
pub const BLACK: u8 = 2;
pub const FREE: u8 = 3;

/// A slab of objects of one kind, with a color per slot and a list of free slots.
///
/// The sweep goes down the slab, so the free list it builds pops the lowest free slot first:
/// live objects gather at the start, and the free tail can be given back.
#[derive(Debug)]
pub struct Slab<T> {
    pub items: Vec<T>,
    pub colors: Vec<u8>,
    free: Vec<u32>,
}

/// The bytes an object takes from the allocator: its slot in a slab (the object and its
/// color) and what it owns outside it.
pub trait HeapSize: Sized {
    /// The bytes of the allocations the object owns.
    fn owned_bytes(&self) -> usize {
        0
    }

    /// The object's whole size, as the collector counts it.
    #[inline]
    fn object_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + 1 + self.owned_bytes()
    }
}

impl HeapSize for Table {
    #[inline]
    fn owned_bytes(&self) -> usize {
        self.parts_bytes()
    }
}

impl HeapSize for LuaClosure {
    fn owned_bytes(&self) -> usize {
        self.upvalues.capacity() * std::mem::size_of::<UpvalRef>()
    }
}

impl HeapSize for NativeClosure {
    fn owned_bytes(&self) -> usize {
        self.upvalues.capacity() * std::mem::size_of::<Value>()
    }
}

impl HeapSize for Upvalue {}

impl HeapSize for Userdata {
    fn owned_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.data)
    }
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab {
            items: Vec::new(),
            colors: Vec::new(),
            free: Vec::new(),
        }
    }
}

impl<T: Default> Slab<T> {
    /// Stores an object with its first color and returns its index.
    #[inline]
    pub(crate) fn insert(&mut self, item: T, color: impl Fn(u32) -> u8) -> u32 {
        match self.free.pop() {
            Some(index) => {
                self.items[index as usize] = item;
                self.colors[index as usize] = color(index);
                index
            }
            None => {
                let index = self.items.len() as u32;
                self.items.push(item);
                self.colors.push(color(index));
                index
            }
        }
    }

    /// Frees slot `index`, returning the object that was there.
    pub(crate) fn remove(&mut self, index: u32) -> T {
        self.colors[index as usize] = FREE;
        self.free.push(index);
        std::mem::take(&mut self.items[index as usize])
    }

    /// How many objects are alive.
    pub fn live(&self) -> usize {
        self.items.len() - self.free.len()
    }

    /// The number of slots, live or free.
    pub fn slots(&self) -> usize {
        self.items.len()
    }

    /// The bytes the slab holds besides its live objects' slots: free slots, spare capacity
    /// and the free list.
    pub fn slack_bytes(&self) -> usize {
        let held = self.items.capacity() * std::mem::size_of::<T>()
            + self.colors.capacity()
            + self.free.capacity() * std::mem::size_of::<u32>();
        held.saturating_sub(self.live() * (std::mem::size_of::<T>() + 1))
    }

    /// Gives back the free slots at the end of the slab, once the sweep has passed over all of
    /// it (see `free_tail`).
    pub(crate) fn trim(&mut self) {
        if let Some(len) = free_tail(&mut self.colors, &mut self.free) {
            self.items.truncate(len);
            shrink(&mut self.items);
        }
    }
}

/// Cuts the free slots at the end of a slab or the string table from `colors` and `free`, and
/// returns the new length, for the caller to cut its objects to. Nothing is cut unless the
/// tail is at least a quarter of the free list, so that filtering the list costs no more than
/// the memory given back is worth.
pub(crate) fn free_tail(colors: &mut Vec<u8>, free: &mut Vec<u32>) -> Option<usize> {
    let len = colors.len() - colors.iter().rev().take_while(|&&c| c == FREE).count();
    let tail = colors.len() - len;
    if tail == 0 || tail * 4 < free.len() {
        return None;
    }
    colors.truncate(len);
    free.retain(|&index| (index as usize) < len);
    shrink(colors);
    shrink(free);
    Some(len)
}

/// Halves a vector's capacity while it is more than twice what it needs.
pub(crate) fn shrink<T>(vec: &mut Vec<T>) {
    if vec.capacity() > 2 * vec.len() + 16 {
        vec.shrink_to(vec.len() + vec.len() / 2);
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
    /// The collector's state: what it is doing, its lists, its parameters.
    pub gc: Collector,
    /// Bytes taken by the objects other than strings (the string table counts its own).
    pub(crate) bytes: usize,
}

impl Heap {
    /// Bytes in use by every object (`gettotalbytes`), which paces the collector.
    #[inline]
    pub fn total_bytes(&self) -> usize {
        self.bytes + self.strings.total_bytes()
    }

    /// Bytes the slabs hold besides their live objects (see `Slab::slack_bytes`).
    pub fn slack_bytes(&self) -> usize {
        self.strings.slack_bytes()
            + self.tables.slack_bytes()
            + self.lua_fns.slack_bytes()
            + self.native_fns.slack_bytes()
            + self.upvalues.slack_bytes()
            + self.userdata.slack_bytes()
    }

    #[inline]
    pub fn table(&self, t: TableRef) -> &Table {
        &self.tables.items[t.0 as usize]
    }

    /// A table, to change it. The barrier: a black table becomes gray again, to be traversed
    /// again before marking ends.
    #[inline]
    pub fn table_mut(&mut self, t: TableRef) -> &mut Table {
        self.gc
            .barrier(&mut self.tables.colors, crate::gc::Gray::Table(t.0));
        &mut self.tables.items[t.0 as usize]
    }

    /// `t[key] = value` without metamethods, counting the table's growth. The key must be
    /// normalised and neither nil nor NaN.
    #[inline]
    pub fn table_set(&mut self, t: TableRef, key: Value, value: Value) {
        self.change_table(t, |table| table.set(key, value));
    }

    /// `t[i] = value` without metamethods, counting the table's growth.
    #[inline]
    pub fn table_set_int(&mut self, t: TableRef, i: i64, value: Value) {
        self.change_table(t, |table| table.set_int(i, value));
    }

    /// Grows the array part of `t` to `n` slots (`SETLIST`), counting the growth.
    pub fn table_grow_array(&mut self, t: TableRef, n: usize) {
        self.change_table(t, |table| table.grow_array(n));
    }

    /// Changes a table through `change`, with the barrier, and counts how much it grew or shrank.
    #[inline]
    fn change_table(&mut self, t: TableRef, change: impl FnOnce(&mut Table)) {
        let table = self.table_mut(t);
        let before = table.parts_bytes();
        change(table);
        let after = table.parts_bytes();
        self.bytes = (self.bytes + after).saturating_sub(before);
    }

    #[inline]
    pub fn lua_fn(&self, f: LuaFnRef) -> &LuaClosure {
        &self.lua_fns.items[f.0 as usize]
    }

    /// Whether a closure was found dead by the collector and waits for the sweep: it must not
    /// be handed out again (the closure cache is weak).
    pub(crate) fn lua_fn_is_dead(&self, f: LuaFnRef) -> bool {
        self.lua_fns.colors[f.0 as usize] == WHITE
            && self.gc.sweep_will_visit(crate::gc::Kind::LuaFn, f.0)
    }

    /// A Lua closure, to change its upvalue list (`debug.upvaluejoin`), with the barrier.
    pub fn lua_fn_mut(&mut self, f: LuaFnRef) -> &mut LuaClosure {
        self.gc
            .barrier(&mut self.lua_fns.colors, crate::gc::Gray::LuaFn(f.0));
        &mut self.lua_fns.items[f.0 as usize]
    }

    #[inline]
    pub fn native_fn(&self, f: NativeFnRef) -> &NativeClosure {
        &self.native_fns.items[f.0 as usize]
    }

    /// A native closure, to change its upvalues, with the barrier.
    pub fn native_fn_mut(&mut self, f: NativeFnRef) -> &mut NativeClosure {
        self.gc
            .barrier(&mut self.native_fns.colors, crate::gc::Gray::NativeFn(f.0));
        &mut self.native_fns.items[f.0 as usize]
    }

    #[inline]
    pub fn upvalue(&self, u: UpvalRef) -> Upvalue {
        self.upvalues.items[u.0 as usize]
    }

    /// An upvalue cell, to change it, with the barrier.
    #[inline]
    pub fn upvalue_mut(&mut self, u: UpvalRef) -> &mut Upvalue {
        self.gc
            .barrier(&mut self.upvalues.colors, crate::gc::Gray::Upvalue(u.0));
        &mut self.upvalues.items[u.0 as usize]
    }

    #[inline]
    pub fn userdata(&self, u: UserdataRef) -> &Userdata {
        &self.userdata.items[u.0 as usize]
    }

    /// A full userdata, to change its metatable, user value or payload, with the barrier.
    pub fn userdata_mut(&mut self, u: UserdataRef) -> &mut Userdata {
        self.gc
            .barrier(&mut self.userdata.colors, crate::gc::Gray::Userdata(u.0));
        &mut self.userdata.items[u.0 as usize]
    }

    // ---- Allocation (`luaC_newobj`) ----

    pub fn new_table(&mut self, table: Table) -> TableRef {
        self.bytes += table.object_bytes();
        let gc = &self.gc;
        TableRef(
            self.tables
                .insert(table, |i| gc.new_color(crate::gc::Kind::Table, i)),
        )
    }

    pub fn new_lua_fn(&mut self, closure: LuaClosure) -> LuaFnRef {
        self.bytes += closure.object_bytes();
        let gc = &self.gc;
        LuaFnRef(
            self.lua_fns
                .insert(closure, |i| gc.new_color(crate::gc::Kind::LuaFn, i)),
        )
    }

    pub fn new_native_fn(&mut self, closure: NativeClosure) -> NativeFnRef {
        self.bytes += closure.object_bytes();
        let gc = &self.gc;
        NativeFnRef(
            self.native_fns
                .insert(closure, |i| gc.new_color(crate::gc::Kind::NativeFn, i)),
        )
    }

    pub fn new_upvalue(&mut self, cell: Upvalue) -> UpvalRef {
        self.bytes += cell.object_bytes();
        let gc = &mut self.gc;
        let index = self
            .upvalues
            .insert(cell, |i| gc.new_color(crate::gc::Kind::Upvalue, i));
        // A new open upvalue counts as touched (`luaF_findupval`).
        gc.touch(index);
        UpvalRef(index)
    }

    pub fn new_userdata(&mut self, userdata: Userdata) -> UserdataRef {
        self.bytes += userdata.object_bytes();
        let gc = &self.gc;
        UserdataRef(
            self.userdata
                .insert(userdata, |i| gc.new_color(crate::gc::Kind::Userdata, i)),
        )
    }
}
