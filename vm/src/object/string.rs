//! The string table: every Lua string, interned. Mirrors lstring.c, with one difference: PUC
//! interns only short strings (up to 40 bytes), while ferrolua interns all of them, so equality
//! of any two strings is equality of their indices and a string's hash is computed once.
//!
//! Invariants: no two live entries hold the same bytes; an index is reused only after its
//! string has been freed; `slots` lists exactly the live strings.

use super::{free_tail, shrink, BLACK, FREE, WHITE};
use crate::hash::hash_bytes;
use crate::value::StrRef;

/// Bytes a string takes besides its characters: its box and its color.
const STRING_OVERHEAD: usize = std::mem::size_of::<Box<[u8]>>() + 1;

/// All strings of a Lua state.
#[derive(Debug)]
pub struct StringTable {
    /// The bytes of each string, by index; freed entries are empty and listed in `free`.
    objects: Vec<Box<[u8]>>,
    free: Vec<u32>,
    /// Open addressing: `hash << 32 | (index + 1)`, or 0 for an empty slot. The length is a
    /// power of two, at least twice the number of strings.
    slots: Vec<u64>,
    count: usize,
    /// Colors of the strings, by index (see `object`); strings are never gray.
    pub(crate) colors: Vec<u8>,
    /// The sweep has yet to visit the strings below this index (it goes down the table): all
    /// of them before it reaches the strings, none when it is not sweeping them. Strings below
    /// it that are created or found again must look alive.
    pub(crate) sweep_below: u32,
    bytes: usize,
}

impl Default for StringTable {
    fn default() -> Self {
        StringTable {
            objects: Vec::new(),
            free: Vec::new(),
            slots: vec![0; 256],
            count: 0,
            colors: Vec::new(),
            sweep_below: 0,
            bytes: 256 * 8,
        }
    }
}

impl StringTable {
    /// The string with these bytes, creating it if needed (`luaS_newlstr`).
    pub fn intern(&mut self, bytes: &[u8]) -> StrRef {
        let hash = hash_bytes(bytes);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            if (slot >> 32) as u32 == hash {
                let index = slot as u32 - 1;
                if *self.objects[index as usize] == *bytes {
                    // A string the sweep is about to free is alive again (`changewhite`).
                    if index < self.sweep_below && self.colors[index as usize] == WHITE {
                        self.colors[index as usize] = BLACK;
                    }
                    return StrRef { index, hash };
                }
            }
            i = (i + 1) & mask;
        }
        let boxed: Box<[u8]> = bytes.into();
        self.bytes += bytes.len() + STRING_OVERHEAD;
        let index = match self.free.pop() {
            Some(index) => {
                self.objects[index as usize] = boxed;
                index
            }
            None => {
                self.objects.push(boxed);
                self.colors.push(WHITE);
                self.objects.len() as u32 - 1
            }
        };
        self.colors[index as usize] = if index < self.sweep_below {
            BLACK
        } else {
            WHITE
        };
        self.slots[i] = (hash as u64) << 32 | (index as u64 + 1);
        self.count += 1;
        if self.count * 2 > self.slots.len() {
            self.grow();
        }
        StrRef { index, hash }
    }

    fn grow(&mut self) {
        let n_slots = self.slots.len() * 2;
        let mask = n_slots - 1;
        let mut slots = vec![0u64; n_slots];
        for &slot in self.slots.iter().filter(|&&slot| slot != 0) {
            let mut i = (slot >> 32) as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }
        self.bytes = self.bytes + n_slots * 8 - self.slots.len() * 8;
        self.slots = slots;
    }

    /// Frees string `index` (the collector found it dead): its slot in the index is emptied by
    /// shifting back the entries after it (deletion in linear probing), so no tombstones pile up.
    pub(crate) fn remove(&mut self, index: u32) {
        let bytes = std::mem::take(&mut self.objects[index as usize]);
        self.bytes -= bytes.len() + STRING_OVERHEAD;
        let hash = hash_bytes(&bytes);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i] as u32 != index + 1 {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later entries of the run into the hole when their home
        // slot is not between the hole and them.
        let mut hole = i;
        let mut j = (i + 1) & mask;
        while self.slots[j] != 0 {
            let home = (self.slots[j] >> 32) as usize & mask;
            let distance_home = j.wrapping_sub(home) & mask;
            let distance_hole = j.wrapping_sub(hole) & mask;
            if distance_home >= distance_hole {
                self.slots[hole] = self.slots[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        self.slots[hole] = 0;
        self.count -= 1;
        self.colors[index as usize] = FREE;
        self.free.push(index);
    }

    /// Whether string `index` is alive.
    pub fn is_live(&self, index: u32) -> bool {
        self.colors.get(index as usize).is_some_and(|&c| c != FREE)
    }

    /// The number of string slots, live or free.
    pub fn slot_count(&self) -> usize {
        self.objects.len()
    }

    /// How many strings are alive.
    pub fn live(&self) -> usize {
        self.count
    }

    /// The bytes of a string.
    #[inline]
    pub fn bytes(&self, s: StrRef) -> &[u8] {
        &self.objects[s.index as usize]
    }

    /// How many bytes all strings and the index take (`gettotalbytes`).
    pub fn total_bytes(&self) -> usize {
        self.bytes
    }

    /// The bytes the table holds besides its live strings: free slots and spare capacity.
    pub fn slack_bytes(&self) -> usize {
        let held = self.objects.capacity() * std::mem::size_of::<Box<[u8]>>()
            + self.colors.capacity()
            + self.free.capacity() * std::mem::size_of::<u32>();
        held.saturating_sub(self.count * STRING_OVERHEAD)
    }

    /// Gives back the free slots at the end of the table once the sweep has passed over all
    /// of it, as `Slab::trim` does.
    pub(crate) fn trim(&mut self) {
        if let Some(len) = free_tail(&mut self.colors, &mut self.free) {
            self.objects.truncate(len);
            shrink(&mut self.objects);
        }
    }
}
