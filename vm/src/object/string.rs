//! The string table: every Lua string, interned. Mirrors lstring.c, with one difference: PUC
//! interns only short strings (up to 40 bytes), while ferrolua interns all of them, so equality
//! of any two strings is equality of their indices and a string's hash is computed once.
//!
//! Invariant: no two live entries hold the same bytes; an index is reused only after its
//! string has been freed.

use crate::hash::hash_bytes;
use crate::value::StrRef;

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
}

impl Default for StringTable {
    fn default() -> Self {
        StringTable {
            objects: Vec::new(),
            free: Vec::new(),
            slots: vec![0; 256],
            count: 0,
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
                    return StrRef { index, hash };
                }
            }
            i = (i + 1) & mask;
        }
        let boxed: Box<[u8]> = bytes.into();
        let index = match self.free.pop() {
            Some(index) => {
                self.objects[index as usize] = boxed;
                index
            }
            None => {
                self.objects.push(boxed);
                self.objects.len() as u32 - 1
            }
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
        self.slots = slots;
    }

    /// The bytes of a string.
    #[inline]
    pub fn bytes(&self, s: StrRef) -> &[u8] {
        &self.objects[s.index as usize]
    }

    /// How many bytes all strings take, for `collectgarbage("count")`.
    pub fn total_bytes(&self) -> usize {
        self.objects.iter().map(|s| s.len() + 24).sum::<usize>() + self.slots.len() * 8
    }
}
