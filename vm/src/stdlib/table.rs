//! The `table` library: `concat`, `insert`, `move`, `pack`, `remove`, `sort`, `unpack`.
//! Mirrors ltablib.c of PUC Lua 5.3.6; manual §6.6.
//!
//! Every element access goes through the metamethods (`lua_geti`/`lua_seti`), and the length
//! through `__len` (`luaL_len`), so that objects which only behave like tables work, as in PUC.
//! `table.sort` is PUC's quicksort step for step: the same elements are read, compared and
//! written in the same order, which decides what an inconsistent comparator does.
//!
//! Loops over a range the program chose (`move`, `concat`, `insert`, `remove`) charge one
//! instruction per element to the budget (`Lua::charge`), so a range of 2^53 elements stops at
//! the budget or at an interrupt instead of running for ever, as it would in PUC.

use crate::limits::MAX_STACK;
use crate::object::Table;
use crate::value::Value;
use crate::vm::{Lua, LuaError, Origin};

/// Opens the library into `_G.table` and `package.loaded.table`.
pub fn open(lua: &mut Lua) {
    lua.new_library(
        "table",
        &[
            ("concat", concat),
            ("insert", insert),
            ("pack", pack),
            ("unpack", unpack),
            ("remove", remove),
            ("move", move_),
            ("sort", sort),
        ],
    );
}

/// The operations an argument must support to pass for a table (`TAB_R`, `TAB_W`, `TAB_L`).
const TAB_R: u8 = 1;
const TAB_W: u8 = 2;
const TAB_L: u8 = 4;

/// `t[i]` with metamethods (`lua_geti`).
fn get_index(lua: &mut Lua, t: Value, i: i64) -> Result<Value, LuaError> {
    lua.index(t, Value::Int(i), Origin::None)
}

/// `t[i] = v` with metamethods (`lua_seti`).
fn set_index(lua: &mut Lua, t: Value, i: i64, v: Value) -> Result<(), LuaError> {
    lua.set_index(t, Value::Int(i), v, Origin::None)
}

/// Checks that argument `arg` is a table, or has a metatable with the metamethods that `what`
/// needs (`checktab`); otherwise fails as `luaL_checktype` does.
fn check_table_like(lua: &mut Lua, arg: usize, what: u8) -> Result<Value, LuaError> {
    let value = lua.arg(arg);
    if matches!(value, Value::Table(_)) {
        return Ok(value);
    }
    if let Some(mt) = lua.metatable(value) {
        let has = |lua: &mut Lua, name: &[u8]| {
            let key = lua.string(name);
            !lua.heap.table(mt).get(key).is_nil()
        };
        if (what & TAB_R == 0 || has(lua, b"__index"))
            && (what & TAB_W == 0 || has(lua, b"__newindex"))
            && (what & TAB_L == 0 || has(lua, b"__len"))
        {
            return Ok(value);
        }
    }
    Err(lua.arg_type_error(arg, "table"))
}

/// The length of a value with `__len`, which must be an integer (`luaL_len`).
fn length_of(lua: &mut Lua, value: Value) -> Result<i64, LuaError> {
    let length = lua.length(value, Origin::None)?;
    match crate::vm::to_integer(length, &lua.heap.strings) {
        Some(n) => Ok(n),
        None => Err(lua.error(b"object length is not an integer")),
    }
}

/// Checks argument 1 for the operations `what` and returns it with its length (`aux_getn`).
fn table_and_length(lua: &mut Lua, what: u8) -> Result<(Value, i64), LuaError> {
    let t = check_table_like(lua, 1, what | TAB_L)?;
    let n = length_of(lua, t)?;
    Ok((t, n))
}

/// `table.insert(list, [pos,] value)` (`tinsert`).
fn insert(lua: &mut Lua) -> Result<usize, LuaError> {
    let (t, n) = table_and_length(lua, TAB_R | TAB_W)?;
    // The first empty element.
    let e = n.wrapping_add(1);
    let (position, value) = match lua.arg_count() {
        2 => (e, lua.arg(2)),
        3 => {
            let position = lua.check_integer(2)?;
            if !(1 <= position && position <= e) {
                return Err(lua.arg_error(2, b"position out of bounds"));
            }
            let mut i = e;
            while i > position {
                lua.charge(1)?;
                let moved = get_index(lua, t, i - 1)?;
                set_index(lua, t, i, moved)?;
                i -= 1;
            }
            (position, lua.arg(3))
        }
        _ => return Err(lua.error(b"wrong number of arguments to 'insert'")),
    };
    set_index(lua, t, position, value)?;
    Ok(0)
}

/// `table.remove(list [, pos])` (`tremove`).
fn remove(lua: &mut Lua) -> Result<usize, LuaError> {
    let (t, size) = table_and_length(lua, TAB_R | TAB_W)?;
    let mut position = lua.opt_integer(2, size)?;
    // PUC 5.3.6 blames argument 1 here, not the position.
    if position != size && !(1 <= position && position <= size.wrapping_add(1)) {
        return Err(lua.arg_error(1, b"position out of bounds"));
    }
    // The result waits on the stack, where the collector sees it while metamethods run.
    let result = get_index(lua, t, position)?;
    lua.push(result);
    while position < size {
        lua.charge(1)?;
        let moved = get_index(lua, t, position + 1)?;
        set_index(lua, t, position, moved)?;
        position += 1;
    }
    set_index(lua, t, position, Value::Nil)?;
    Ok(1)
}

/// `table.move(a1, f, e, t [, a2])` (`tmove`): copies in increasing order whenever the ranges
/// allow it, which matters for metamethods and overlapping ranges.
fn move_(lua: &mut Lua) -> Result<usize, LuaError> {
    let f = lua.check_integer(2)?;
    let e = lua.check_integer(3)?;
    let t = lua.check_integer(4)?;
    let destination_arg = if lua.arg(5).is_nil() { 1 } else { 5 };
    let source = check_table_like(lua, 1, TAB_R)?;
    let destination = check_table_like(lua, destination_arg, TAB_W)?;
    if e >= f {
        if !(f > 0 || e < i64::MAX + f) {
            return Err(lua.arg_error(3, b"too many elements to move"));
        }
        let n = e - f + 1;
        if t > i64::MAX - n + 1 {
            return Err(lua.arg_error(4, b"destination wrap around"));
        }
        let other_table = destination_arg != 1 && !lua.equals(source, destination)?;
        if t > e || t <= f || other_table {
            for i in 0..n {
                lua.charge(1)?;
                let value = get_index(lua, source, f + i)?;
                set_index(lua, destination, t + i, value)?;
            }
        } else {
            for i in (0..n).rev() {
                lua.charge(1)?;
                let value = get_index(lua, source, f + i)?;
                set_index(lua, destination, t + i, value)?;
            }
        }
    }
    lua.push(destination);
    Ok(1)
}

/// Appends element `i` to a `concat` result, which must be a string or a number (`addfield`).
fn add_field(lua: &mut Lua, t: Value, i: i64, buffer: &mut Vec<u8>) -> Result<(), LuaError> {
    match get_index(lua, t, i)? {
        Value::Str(s) => buffer.extend_from_slice(lua.str_bytes(s)),
        number @ (Value::Int(_) | Value::Float(_)) => {
            let Some(Value::Str(s)) = lua.number_to_str(number) else {
                unreachable!("numbers convert to strings")
            };
            buffer.extend_from_slice(lua.str_bytes(s));
        }
        other => {
            // PUC formats the index with `%d`, which takes a C `int`: larger indices show
            // only their low 32 bits.
            let message = format!(
                "invalid value ({}) at index {} in table for 'concat'",
                other.type_name(),
                i as i32
            );
            return Err(lua.error(message.as_bytes()));
        }
    }
    Ok(())
}

/// `table.concat(list [, sep [, i [, j]]])` (`tconcat`).
fn concat(lua: &mut Lua) -> Result<usize, LuaError> {
    let (t, length) = table_and_length(lua, TAB_R)?;
    let separator = lua.opt_string(2, b"")?;
    let separator = lua.str_bytes(separator).to_vec();
    let mut i = lua.opt_integer(3, 1)?;
    let last = lua.opt_integer(4, length)?;
    let mut buffer = Vec::new();
    // The result is checked against the memory limit each time it doubles.
    let mut next_check = 1 << 16;
    while i < last {
        lua.charge(1)?;
        add_field(lua, t, i, &mut buffer)?;
        buffer.extend_from_slice(&separator);
        if buffer.len() >= next_check {
            lua.check_memory(buffer.len())?;
            next_check = buffer.len() * 2;
        }
        i += 1;
    }
    if i == last {
        add_field(lua, t, i, &mut buffer)?;
    }
    let result = lua.string(&buffer);
    lua.push(result);
    Ok(1)
}

/// `table.pack(...)`: the arguments in a new table with their count in field `n` (`pack`).
fn pack(lua: &mut Lua) -> Result<usize, LuaError> {
    let n = lua.arg_count();
    let mut table = Table::with_capacity(n, 1);
    for i in 1..=n {
        table.set_int(i as i64, lua.arg(i));
    }
    let key = lua.string(b"n");
    table.set(key, Value::Int(n as i64));
    let table = lua.heap.new_table(table);
    lua.push(Value::Table(table));
    Ok(1)
}

/// `table.unpack(list [, i [, j]])` (`unpack`).
fn unpack(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut i = lua.opt_integer(2, 1)?;
    let e = if lua.arg(3).is_nil() {
        let t = lua.arg(1);
        length_of(lua, t)?
    } else {
        lua.check_integer(3)?
    };
    if i > e {
        return Ok(0);
    }
    // The count minus one, computed without overflow.
    let n = (e as u64).wrapping_sub(i as u64);
    // PUC's `lua_checkstack`: the values must fit in the stack, with its `EXTRA_STACK` of 5.
    if n >= i32::MAX as u64 || lua.top + 5 + n as usize + 1 > MAX_STACK {
        return Err(lua.error(b"too many results to unpack"));
    }
    let n = n as usize + 1;
    lua.ensure_stack(n)?;
    let t = lua.arg(1);
    while i < e {
        let value = get_index(lua, t, i)?;
        lua.push(value);
        i += 1;
    }
    let value = get_index(lua, t, e)?;
    lua.push(value);
    Ok(n)
}

// ---- Sorting ----

/// Arrays larger than this may get "randomized" pivots (`RANLIMIT`).
const RANDOM_LIMIT: u32 = 100;

/// What `sort` works on: the list and the order function, if any.
struct Sorter {
    list: Value,
    comparator: Option<Value>,
    /// Three stack slots holding the elements being compared and the pivot, where the
    /// collector sees them while the order function or a metamethod runs (PUC keeps them on
    /// its stack for the same reason).
    roots: usize,
}

impl Sorter {
    /// Keeps `value` in root slot `slot` and returns it.
    fn hold(&self, lua: &mut Lua, slot: usize, value: Value) -> Value {
        lua.stack[self.roots + slot] = value;
        value
    }

    fn get(&self, lua: &mut Lua, i: u32) -> Result<Value, LuaError> {
        get_index(lua, self.list, i as i64)
    }

    fn set(&self, lua: &mut Lua, i: u32, value: Value) -> Result<(), LuaError> {
        set_index(lua, self.list, i as i64, value)
    }

    /// Whether `a` comes before `b` in the order of the sort (`sort_comp`).
    fn less(&self, lua: &mut Lua, a: Value, b: Value) -> Result<bool, LuaError> {
        match self.comparator {
            None => lua.less_than(a, b),
            Some(function) => Ok(!lua.call_metamethod(function, a, b)?.is_falsy()),
        }
    }

    /// Partitions `lo..=up` around the pivot `pivot`, which is at `up - 1` (`partition`).
    /// Precondition: `a[lo] <= pivot == a[up - 1] <= a[up]`. Returns the pivot's final index
    /// `i`, with `a[lo..i] <= a[i] == pivot <= a[i + 1..=up]`.
    fn partition(&self, lua: &mut Lua, lo: u32, up: u32, pivot: Value) -> Result<u32, LuaError> {
        let mut i = lo;
        let mut j = up - 1;
        loop {
            // Repeat ++i while a[i] < pivot.
            let a_i = loop {
                i += 1;
                let a_i = self.get(lua, i)?;
                let a_i = self.hold(lua, 0, a_i);
                if !self.less(lua, a_i, pivot)? {
                    break a_i;
                }
                // a[i] < pivot but a[up - 1] == pivot: the order is inconsistent.
                if i == up - 1 {
                    return Err(lua.error(b"invalid order function for sorting"));
                }
            };
            // Repeat --j while pivot < a[j].
            let a_j = loop {
                j = j.wrapping_sub(1);
                let a_j = self.get(lua, j)?;
                let a_j = self.hold(lua, 1, a_j);
                if !self.less(lua, pivot, a_j)? {
                    break a_j;
                }
                // j < i but a[j] > pivot: the order is inconsistent.
                if j < i {
                    return Err(lua.error(b"invalid order function for sorting"));
                }
            };
            if j < i {
                // No elements out of place: put the pivot at its final place.
                self.set(lua, up - 1, a_i)?;
                self.set(lua, i, pivot)?;
                return Ok(i);
            }
            self.set(lua, i, a_j)?;
            self.set(lua, j, a_i)?;
        }
    }

    /// Sorts `lo..=up` (`auxsort`): recursion on the smaller half, a loop on the larger.
    /// Index arithmetic is on `u32`, wrapping as PUC's `unsigned int` does.
    fn sort(&self, lua: &mut Lua, mut lo: u32, mut up: u32, mut rnd: u32) -> Result<(), LuaError> {
        while lo < up {
            // Sort elements lo, p and up.
            let a_lo = self.get(lua, lo)?;
            let a_lo = self.hold(lua, 0, a_lo);
            let a_up = self.get(lua, up)?;
            let a_up = self.hold(lua, 1, a_up);
            if self.less(lua, a_up, a_lo)? {
                self.set(lua, lo, a_up)?;
                self.set(lua, up, a_lo)?;
            }
            if up - lo == 1 {
                return Ok(());
            }
            let mut p = if up - lo < RANDOM_LIMIT || rnd == 0 {
                // `lo + up` cannot overflow: the length is below `INT_MAX`.
                (lo + up) / 2
            } else {
                choose_pivot(lo, up, rnd)
            };
            let a_p = self.get(lua, p)?;
            let a_p = self.hold(lua, 0, a_p);
            let a_lo = self.get(lua, lo)?;
            let a_lo = self.hold(lua, 1, a_lo);
            if self.less(lua, a_p, a_lo)? {
                self.set(lua, p, a_lo)?;
                self.set(lua, lo, a_p)?;
            } else {
                let a_up = self.get(lua, up)?;
                let a_up = self.hold(lua, 1, a_up);
                if self.less(lua, a_up, a_p)? {
                    self.set(lua, p, a_up)?;
                    self.set(lua, up, a_p)?;
                }
            }
            if up - lo == 2 {
                return Ok(());
            }
            // Swap the pivot a[p] with a[up - 1].
            let pivot = self.get(lua, p)?;
            let pivot = self.hold(lua, 2, pivot);
            let a_up1 = self.get(lua, up - 1)?;
            let a_up1 = self.hold(lua, 0, a_up1);
            self.set(lua, p, a_up1)?;
            self.set(lua, up - 1, pivot)?;
            p = self.partition(lua, lo, up, pivot)?;
            let n;
            if p - lo < up - p {
                self.sort(lua, lo, p - 1, rnd)?;
                n = p - lo;
                lo = p + 1;
            } else {
                self.sort(lua, p + 1, up, rnd)?;
                n = up - p;
                up = p - 1;
            }
            // When the remaining interval is empty, `up - lo` wraps around, as in PUC; the
            // new value then goes unused.
            if up.wrapping_sub(lo) / 128 > n {
                rnd = randomize_pivot(lo, up, n);
            }
        }
        Ok(())
    }
}

/// A pivot in the middle half of `lo..=up`, "randomized" by `rnd` (`choosePivot`).
fn choose_pivot(lo: u32, up: u32, rnd: u32) -> u32 {
    let r4 = (up - lo) / 4;
    rnd % (r4 * 2) + (lo + r4)
}

/// A new pivot randomization after a badly unbalanced partition (`l_randomizePivot`). PUC
/// adds up the bytes of `clock()` and `time()`, which makes the order of calls to the
/// comparator differ from run to run on big, adversarial arrays. ferrolua mixes the interval's
/// bounds instead, so that runs are reproducible; any value serves the purpose, which is only
/// to move the pivot away from a pattern.
fn randomize_pivot(lo: u32, up: u32, n: u32) -> u32 {
    let mut x = (lo as u64) << 32 | (up as u64 ^ (n as u64).rotate_left(16));
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    (x as u32) | 1
}

/// `table.sort(list [, comp])` (`sort`).
fn sort(lua: &mut Lua) -> Result<usize, LuaError> {
    let (list, n) = table_and_length(lua, TAB_R | TAB_W)?;
    if n > 1 {
        if n >= i32::MAX as i64 {
            return Err(lua.arg_error(1, b"array too big"));
        }
        let comparator = match lua.arg(2) {
            Value::Nil => None,
            f @ (Value::LuaFn(_) | Value::NativeFn(_)) => Some(f),
            _ => return Err(lua.arg_type_error(2, "function")),
        };
        let roots = lua.stack_top();
        for _ in 0..3 {
            lua.push(Value::Nil);
        }
        let sorter = Sorter {
            list,
            comparator,
            roots,
        };
        sorter.sort(lua, 1, n as u32, 0)?;
    }
    Ok(0)
}
