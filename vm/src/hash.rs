//! Hashing for the VM's own tables: the compiler's string and constant tables, the heap's
//! string table and Lua tables. PUC Lua has its own hashes in lstring.c and ltable.c; these are
//! different functions with the same purpose.
//!
//! The hash is the "Fx" rotate-multiply scheme, a word at a time. It is not resistant to chosen
//! collisions; a program that builds colliding keys only slows itself down.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A fast, non-cryptographic [`Hasher`].
#[derive(Clone, Copy, Debug, Default)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.add(hash_bytes(bytes) as u64);
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.add(value as u64);
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.add(value as u64);
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    #[inline]
    fn write_i64(&mut self, value: i64) {
        self.add(value as u64);
    }

    #[inline]
    fn write_isize(&mut self, value: isize) {
        self.add(value as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Hashes bytes a word at a time, the tail bytes folded into one last word.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    let mut hasher = FastHasher(bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word: [u8; 8] = chunk.try_into().unwrap_or_default();
        hasher.add(u64::from_le_bytes(word));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let word = tail
            .iter()
            .rev()
            .fold(0u64, |word, &b| word << 8 | b as u64);
        hasher.add(word);
    }
    (hasher.finish() >> 32) as u32
}

/// Mixes a 64-bit value into a well-spread 32-bit hash.
#[inline]
pub fn hash_u64(value: u64) -> u32 {
    let mut hasher = FastHasher(0x9e37_79b9);
    hasher.add(value);
    hasher.add(value >> 29);
    (hasher.finish() >> 32) as u32
}
