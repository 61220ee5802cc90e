//! The harness's global allocator: the system allocator, counting the bytes live on each
//! thread, so that the memory benchmark reads both engines' heaps the same way. PUC Lua
//! allocates through mlua's allocator, which calls Rust's global allocator; ferrolua's heap is
//! Rust collections. Every byte either engine asks for, for whatever purpose (objects, slab
//! slack, spare capacity of vectors, prototypes, stacks), is counted here at the size asked
//! for, and the allocator's own overhead is counted for neither.
//!
//! A `GlobalAlloc` cannot be written without `unsafe`, so this module allows it; each block
//! says why it is sound.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting.
#[derive(Debug)]
pub struct Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

thread_local! {
    /// Bytes allocated and not yet freed by this thread, less what it freed of others'.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    /// While set, this thread's allocations are not counted (see [`uncounted`]).
    static PAUSED: Cell<bool> = const { Cell::new(false) };
}

#[inline]
fn count(delta: isize) {
    // `try_with`: a thread's locals may already be gone while it frees its last allocations.
    let _ = PAUSED.try_with(|paused| {
        if !paused.get() {
            let _ = LIVE.try_with(|live| live.set(live.get() + delta));
        }
    });
}

// SAFETY: every method forwards its arguments unchanged to `System`, which implements
// `GlobalAlloc` correctly, and returns what `System` returned; counting touches only
// thread-local cells that need no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller meets `GlobalAlloc::alloc`'s contract, which is `System`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, that is by `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`; the caller meets the rest of
        // `GlobalAlloc::realloc`'s contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        new
    }
}

/// Bytes this thread has allocated and not freed since it started. Only differences between
/// two readings on the same thread mean something.
pub fn live_bytes() -> isize {
    LIVE.with(Cell::get)
}

/// Runs `f` without counting what it allocates or frees: the benchmark's own bookkeeping
/// (its sample vectors) must not show in the heap it measures.
pub fn uncounted<R>(f: impl FnOnce() -> R) -> R {
    let was = PAUSED.with(|paused| paused.replace(true));
    let result = f();
    PAUSED.with(|paused| paused.set(was));
    result
}

#[cfg(test)]
mod tests {
    use super::{live_bytes, uncounted};

    #[test]
    fn counts_what_a_thread_holds_and_not_what_it_sets_aside() {
        let before = live_bytes();
        let held = vec![0u8; 10_000];
        assert_eq!(live_bytes() - before, 10_000);
        let aside = uncounted(|| vec![0u8; 5_000]);
        assert_eq!(live_bytes() - before, 10_000);
        drop(held);
        assert_eq!(live_bytes() - before, 0);
        uncounted(|| drop(aside));
        assert_eq!(live_bytes() - before, 0);
    }
}
