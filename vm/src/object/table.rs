//! Tables: an array part and a hash part. Mirrors ltable.c of PUC Lua 5.3.6 in behaviour, not in
//! layout; semantics in manual §2.1 and §3.4.7.
//!
//! The array part holds keys `1..=array.len()`. The hash part keeps its entries in insertion
//! order, found through an open-addressing index. Invariants:
//! - keys are normalised: a float with an integer value is stored as that integer, and no key is
//!   nil or NaN (the interpreter raises PUC's errors before a store);
//! - an integer key `k` is in the array part exactly when `1 <= k <= array.len()`;
//! - removing a key only sets its value to nil and keeps the entry, so `next` can continue from
//!   it; such dead entries are dropped when the index is rebuilt, which only happens when a new
//!   key is added (which the manual forbids during a traversal).

use crate::arith::float_to_int_exact;
use crate::hash::hash_u64;
use crate::value::{StrRef, TableRef, Value};

/// A Lua table.
///
/// Most tables of a program are small records, arrays or empty, so the struct is kept to 40
/// bytes: the hash part lives behind one box, allocated with its first key, and the metatable
/// is a bare index. Binary-trees keeps a quarter of a million of them alive.
#[derive(Debug)]
pub struct Table {
    array: Vec<Value>,
    hash: Option<Box<Hash>>,
    /// The metatable's index, or `NO_METATABLE`.
    metatable: u32,
    /// Bit `i` set means the metatable is known to lack metamethod `i` (PUC's `flags`);
    /// cleared whenever the table changes.
    pub absent_metamethods: u8,
}

/// The hash part: entries in insertion order, and an index over them.
#[derive(Debug, Default)]
struct Hash {
    entries: Vec<(Value, Value)>,
    /// Open addressing over `entries`: `index + 1`, or 0 when empty. A power of two, at least
    /// twice the entries' capacity.
    slots: Vec<u32>,
}

/// The `metatable` of a table that has none. No heap holds 2^32 tables.
const NO_METATABLE: u32 = u32::MAX;

const _: () = assert!(std::mem::size_of::<Table>() == 40);

impl Default for Table {
    fn default() -> Self {
        Table {
            array: Vec::new(),
            hash: None,
            metatable: NO_METATABLE,
            absent_metamethods: 0,
        }
    }
}

/// `next` was given a key that is not in the table (`invalid key to 'next'`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidKey;

/// Normalises a key for storage and lookup: floats with integer values become integers.
#[inline]
pub fn normalize_key(key: Value) -> Value {
    match key {
        Value::Float(f) => match float_to_int_exact(f) {
            Some(i) => Value::Int(i),
            None => key,
        },
        _ => key,
    }
}

/// The hash of a normalised key.
#[inline]
fn key_hash(key: Value) -> u32 {
    match key {
        Value::Str(s) => s.hash,
        Value::Int(i) => hash_u64(i as u64),
        Value::Float(f) => hash_u64(f.to_bits()),
        Value::Bool(b) => b as u32 + 0x51ed_270b,
        Value::Table(r) => hash_u64(r.0 as u64 | 1 << 40),
        Value::LuaFn(r) => hash_u64(r.0 as u64 | 2 << 40),
        Value::NativeFn(r) => hash_u64(r.0 as u64 | 3 << 40),
        Value::Userdata(r) => hash_u64(r.0 as u64 | 4 << 40),
        Value::Thread(r) => hash_u64(r.0 as u64 | 5 << 40),
        Value::LightUserdata(p) => hash_u64(p as u64 ^ 6 << 56),
        Value::Nil => 0,
    }
}

/// Identity of normalised keys: integers and floats never meet (floats with integer values
/// were normalised), so this is plain equality of representations.
#[inline]
fn key_equal(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Int(x), Value::Int(y)) => x == y,
        // The hash is compared too: a dead key (see `clear_weak`) may name a freed string whose
        // index now holds another string, which must not match it.
        (Value::Str(x), Value::Str(y)) => x == y,
        _ => a.raw_equal(b) && a.type_of() == b.type_of(),
    }
}

impl Table {
    /// A table with an array part of `n_array` slots (all nil, as PUC preallocates them) and
    /// room for `n_hash` other keys (`luaH_resize`).
    ///
    /// Sizes are hints, and a binary chunk can ask for any size up to about 2^34 in `NEWTABLE`:
    /// each part is preallocated up to `MAX_PREALLOCATION` slots. `SETLIST` still grows the
    /// array part to the constructor's last item as PUC's does (`luaH_resizearray`), and the
    /// hash part keeps insertion order whatever its size, so the cap shows only in a
    /// constructor of more than 4,096 items: PUC's rounded-up size leaves a few nil slots after
    /// the last item, which here are not in the array part, and `#` can pick another border
    /// if the program later fills some of them and not others.
    pub fn with_capacity(n_array: usize, n_hash: usize) -> Table {
        const MAX_PREALLOCATION: usize = 1 << 12;
        let (n_array, n_hash) = (
            n_array.min(MAX_PREALLOCATION),
            n_hash.min(MAX_PREALLOCATION),
        );
        let mut table = Table {
            array: vec![Value::Nil; n_array],
            ..Table::default()
        };
        if n_hash > 0 {
            table.hash = Some(Box::new(Hash {
                entries: Vec::with_capacity(n_hash),
                slots: vec![0; (n_hash * 2).next_power_of_two()],
            }));
        }
        table
    }

    /// The table's metatable.
    #[inline]
    pub fn metatable(&self) -> Option<TableRef> {
        (self.metatable != NO_METATABLE).then_some(TableRef(self.metatable))
    }

    /// Sets or removes the table's metatable.
    #[inline]
    pub fn set_metatable(&mut self, metatable: Option<TableRef>) {
        self.metatable = metatable.map_or(NO_METATABLE, |t| t.0);
    }

    #[inline]
    fn find(&self, key: Value) -> Option<usize> {
        self.hash.as_deref().and_then(|hash| hash.find(key))
    }

    /// The entries of the hash part, dead ones included.
    #[inline]
    fn entries(&self) -> &[(Value, Value)] {
        self.hash.as_deref().map_or(&[], |hash| &hash.entries)
    }

    /// Entry `entry` of the hash part, which must exist.
    #[inline]
    fn entry_mut(&mut self, entry: usize) -> &mut (Value, Value) {
        &mut self
            .hash
            .as_deref_mut()
            .expect("an entry was found")
            .entries[entry]
    }

    /// `t[key]` without metamethods (`luaH_get`).
    #[inline]
    pub fn get(&self, key: Value) -> Value {
        match key {
            Value::Int(i) => self.get_int(i),
            Value::Str(s) => self.get_str(s),
            Value::Nil => Value::Nil,
            _ => match normalize_key(key) {
                Value::Int(i) => self.get_int(i),
                key => self.get_hashed(key),
            },
        }
    }

    /// `t[i]` for an integer key (`luaH_getint`).
    #[inline]
    pub fn get_int(&self, i: i64) -> Value {
        if (i as u64).wrapping_sub(1) < self.array.len() as u64 {
            return self.array[(i - 1) as usize];
        }
        self.get_hashed(Value::Int(i))
    }

    /// `t[s]` for a string key (`luaH_getshortstr`): the common case of field and global
    /// access, without the general key's dispatch.
    #[inline(always)]
    pub fn get_str(&self, key: StrRef) -> Value {
        let Some(hash) = self.hash.as_deref() else {
            return Value::Nil;
        };
        match hash.probe(key.hash, |k| matches!(k, Value::Str(s) if s == key)) {
            Some(entry) => hash.entries[entry].1,
            None => Value::Nil,
        }
    }

    /// `get_str` that first tries the entry `hint` names, and leaves there the entry where the
    /// key was found. An instruction that reads one constant key from tables of one shape
    /// (a global from `_ENV`, a field of a module) finds it without probing. A hint is only a
    /// guess: the entry's key is compared, so a stale hint costs a probe, never a wrong value.
    #[inline(always)]
    pub fn get_str_hinted(&self, key: StrRef, hint: &std::cell::Cell<u32>) -> Value {
        let Some(hash) = self.hash.as_deref() else {
            return Value::Nil;
        };
        if let Some(&(Value::Str(k), value)) = hash.entries.get(hint.get() as usize) {
            if k == key {
                return value;
            }
        }
        match hash.probe(key.hash, |k| matches!(k, Value::Str(s) if s == key)) {
            Some(entry) => {
                hint.set(entry as u32);
                hash.entries[entry].1
            }
            None => Value::Nil,
        }
    }

    #[inline]
    fn get_hashed(&self, key: Value) -> Value {
        match self.hash.as_deref() {
            Some(hash) => match hash.find(key) {
                Some(entry) => hash.entries[entry].1,
                None => Value::Nil,
            },
            None => Value::Nil,
        }
    }

    /// `t[key] = value` without metamethods. The key must not be nil or NaN.
    pub fn set(&mut self, key: Value, value: Value) {
        match normalize_key(key) {
            Value::Int(i) => self.set_int(i, value),
            key => self.set_hashed(key, value),
        }
    }

    /// `t[i] = value` for an integer key.
    pub fn set_int(&mut self, i: i64, value: Value) {
        self.absent_metamethods = 0;
        let len = self.array.len();
        if (i as u64).wrapping_sub(1) < len as u64 {
            self.array[(i - 1) as usize] = value;
        } else if i as u64 == len as u64 + 1 && !value.is_nil() {
            // The key may have lived in the hash part before; it moves to the array part.
            if let Some(entry) = self.find(Value::Int(i)) {
                self.entry_mut(entry).1 = Value::Nil;
            }
            self.array.push(value);
            self.migrate_to_array();
        } else {
            self.set_hashed(Value::Int(i), value);
        }
    }

    /// Moves keys that now continue the array part out of the hash part.
    fn migrate_to_array(&mut self) {
        let Some(hash) = self.hash.as_deref_mut() else {
            return;
        };
        loop {
            let next = self.array.len() as i64 + 1;
            let Some(entry) = hash.find(Value::Int(next)) else {
                break;
            };
            let value = hash.entries[entry].1;
            if value.is_nil() {
                break;
            }
            // The entry stays as a dead key; lookups for `next` now go to the array part.
            hash.entries[entry].1 = Value::Nil;
            self.array.push(value);
        }
    }

    fn set_hashed(&mut self, key: Value, value: Value) {
        self.absent_metamethods = 0;
        if let Some(hash) = self.hash.as_deref_mut() {
            if let Some(entry) = hash.find(key) {
                hash.entries[entry].1 = value;
                return;
            }
        }
        if value.is_nil() {
            return;
        }
        self.hash
            .get_or_insert_with(Default::default)
            .insert(key, value);
    }

    /// A border of the table, as `#` gives it (`luaH_getn`): `n` with `t[n] ~= nil` and
    /// `t[n+1] == nil`, or 0. For a sequence this is its length.
    pub fn length(&self) -> i64 {
        let n = self.array.len();
        if n > 0 && self.array[n - 1].is_nil() {
            // Binary search for a border inside the array part.
            let (mut lo, mut hi) = (0usize, n);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if self.array[mid - 1].is_nil() {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return lo as i64;
        }
        if self.hash.is_none() {
            return n as i64;
        }
        self.unbound_search(n as i64)
    }

    /// A border beyond the array part (`unbound_search`).
    fn unbound_search(&self, n: i64) -> i64 {
        let mut i = n;
        let mut j = n + 1;
        while !self.get_int(j).is_nil() {
            i = j;
            if j > i64::MAX / 2 {
                // Pathological table: fall back to a linear search, as PUC does.
                let mut k = 1;
                while !self.get_int(k).is_nil() {
                    k += 1;
                }
                return k - 1;
            }
            j *= 2;
        }
        while j - i > 1 {
            let mid = i + (j - i) / 2;
            if self.get_int(mid).is_nil() {
                j = mid;
            } else {
                i = mid;
            }
        }
        i
    }

    /// The entry after `key` in traversal order (`luaH_next`): the array part in order, then
    /// the hash part in insertion order. `Err` if `key` is not in the table.
    pub fn next(&self, key: Value) -> Result<Option<(Value, Value)>, InvalidKey> {
        let array_len = self.array.len();
        let mut position = match normalize_key(key) {
            Value::Nil => 0,
            Value::Int(i) if (i as u64).wrapping_sub(1) < array_len as u64 => i as usize,
            key => match self.find(key) {
                Some(entry) => array_len + entry + 1,
                None => return Err(InvalidKey),
            },
        };
        while position < array_len {
            let value = self.array[position];
            if !value.is_nil() {
                return Ok(Some((Value::Int(position as i64 + 1), value)));
            }
            position += 1;
        }
        for &(key, value) in &self.entries()[position - array_len..] {
            if !value.is_nil() {
                return Ok(Some((key, value)));
            }
        }
        Ok(None)
    }

    /// The array part's length, for presizing and `SETLIST`.
    pub fn array_len(&self) -> usize {
        self.array.len()
    }

    /// Grows the array part to `n` slots, moving keys in range out of the hash part
    /// (`luaH_resizearray`, growing only).
    #[inline(never)]
    pub fn grow_array(&mut self, n: usize) {
        // Exactly the size asked for, as `luaH_resizearray` does.
        self.array.reserve_exact(n.saturating_sub(self.array.len()));
        while self.array.len() < n {
            let key = Value::Int(self.array.len() as i64 + 1);
            let value = match self.find(key) {
                Some(entry) => std::mem::take(&mut self.entry_mut(entry).1),
                None => Value::Nil,
            };
            self.array.push(value);
        }
    }

    /// Sets `t[i]` for `i` in the array part (`SETLIST`'s stores).
    #[inline]
    pub fn set_in_array(&mut self, i: usize, value: Value) {
        self.array[i - 1] = value;
    }

    /// Bytes the table's parts take outside its slot in the heap, for memory accounting.
    #[inline]
    pub fn parts_bytes(&self) -> usize {
        let hash = self.hash.as_deref().map_or(0, |hash| {
            std::mem::size_of::<Hash>()
                + hash.entries.capacity() * std::mem::size_of::<(Value, Value)>()
                + hash.slots.capacity() * std::mem::size_of::<u32>()
        });
        self.array.capacity() * std::mem::size_of::<Value>() + hash
    }

    /// The array part, for the collector.
    pub(crate) fn array_part(&self) -> &[Value] {
        &self.array
    }

    /// The entries of the hash part, dead ones (nil values) included, for the collector.
    pub(crate) fn hash_part(&self) -> &[(Value, Value)] {
        self.entries()
    }

    /// Clears the values the collector found dead in a weak table (`clearkeys`,
    /// `clearvalues`): `dead_key` and `dead_value` say which keys and values are collected.
    /// A cleared entry keeps its key, as a dead key: lookups never match it again, since an
    /// object's index is reused only by another object, whose key compares equal only when it
    /// hashes to the same place, and `next` skips it.
    pub(crate) fn clear_weak(
        &mut self,
        mut dead_key: impl FnMut(Value) -> bool,
        mut dead_value: impl FnMut(Value) -> bool,
    ) {
        for value in &mut self.array {
            if dead_value(*value) {
                *value = Value::Nil;
                self.absent_metamethods = 0;
            }
        }
        let entries = self
            .hash
            .as_deref_mut()
            .map_or(&mut [][..], |h| &mut h.entries[..]);
        for (key, value) in entries {
            if !value.is_nil() && (dead_key(*key) || dead_value(*value)) {
                *value = Value::Nil;
                self.absent_metamethods = 0;
            }
        }
    }
}

impl Hash {
    #[inline]
    fn find(&self, key: Value) -> Option<usize> {
        self.probe(key_hash(key), |k| key_equal(k, key))
    }

    /// The entry whose key `matches`, searched for from the home slot of `hash`.
    #[inline(always)]
    fn probe(&self, hash: u32, matches: impl Fn(Value) -> bool) -> Option<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        loop {
            let slot = *self.slots.get(i)?;
            if slot == 0 {
                return None;
            }
            let entry = slot as usize - 1;
            if matches(self.entries[entry].0) {
                return Some(entry);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key that is not there yet.
    fn insert(&mut self, key: Value, value: Value) {
        if self.entries.len() * 2 >= self.slots.len() {
            self.rebuild_index();
        }
        let mask = self.slots.len() - 1;
        let mut i = key_hash(key) as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.entries.push((key, value));
        self.slots[i] = self.entries.len() as u32;
    }

    /// Drops dead entries and rebuilds the index with room to grow.
    fn rebuild_index(&mut self) {
        self.entries.retain(|&(_, value)| !value.is_nil());
        let n_slots = ((self.entries.len() + 1) * 4).next_power_of_two().max(4);
        let mask = n_slots - 1;
        let mut slots = vec![0u32; n_slots];
        for (index, &(key, _)) in self.entries.iter().enumerate() {
            let mut i = key_hash(key) as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = index as u32 + 1;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::Table;
    use crate::value::Value;

    #[test]
    fn size_hints_from_a_binary_chunk_cannot_exhaust_memory() {
        // `NEWTABLE` can ask for about 2^34 slots of each part; the hint is capped.
        let mut t = Table::with_capacity(1 << 34, 1 << 34);
        assert!(t.array_len() <= 1 << 12);
        t.set(Value::Int(1), Value::Int(1));
        assert_eq!(t.length(), 1);
    }

    #[test]
    fn sequences_live_in_the_array_part_and_have_their_length() {
        let mut t = Table::default();
        for i in (1..=10).rev() {
            t.set(Value::Int(i), Value::Int(i * 10));
        }
        assert_eq!(t.length(), 10);
        assert_eq!(t.array_len(), 10);
        assert!(matches!(t.get(Value::Float(3.0)), Value::Int(30)));
        t.set(Value::Int(10), Value::Nil);
        assert_eq!(t.length(), 9);
    }

    #[test]
    fn next_survives_clearing_fields_during_traversal() {
        let mut t = Table::default();
        for i in 0..20 {
            t.set(Value::Float(i as f64 + 0.5), Value::Int(i));
        }
        let mut key = Value::Nil;
        let mut seen = 0;
        while let Ok(Some((k, _))) = t.next(key) {
            t.set(k, Value::Nil);
            key = k;
            seen += 1;
        }
        assert_eq!(seen, 20);
        assert!(matches!(t.next(Value::Nil), Ok(None)));
    }
}
