//! A counting global allocator, for the peak memory of one decode.
//!
//! A binary opts in with `#[global_allocator] static A: Counting = Counting;`. Counting is
//! off until [`measure`] turns it on, so timings taken in the same process pay only a
//! relaxed load per allocation.
//!
//! [`Counting`] wraps the allocator this package is built with ([`Inner`]): the system
//! allocator by default (glibc malloc on Linux), mimalloc with the `mimalloc` feature.
//! Every candidate of a run goes through it, so ratios compare like with like.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering::Relaxed};

/// The allocator that [`Counting`] forwards to: mimalloc (`mimalloc` feature).
#[cfg(feature = "mimalloc")]
pub use mimalloc::MiMalloc as Inner;
/// The allocator that [`Counting`] forwards to: the system allocator (no `mimalloc`
/// feature).
#[cfg(not(feature = "mimalloc"))]
pub use std::alloc::System as Inner;

/// The name of [`Inner`], for tables and result files.
#[cfg(feature = "mimalloc")]
pub const ALLOCATOR: &str = "mimalloc";
/// The name of [`Inner`], for tables and result files.
#[cfg(not(feature = "mimalloc"))]
pub const ALLOCATOR: &str = "system";

static TRACKING: AtomicBool = AtomicBool::new(false);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

/// [`Inner`], counting live bytes while a [`measure`] runs.
pub struct Counting;

fn grow(bytes: usize) {
    let now = CURRENT.fetch_add(bytes as isize, Relaxed) + bytes as isize;
    PEAK.fetch_max(now, Relaxed);
}

fn shrink(bytes: usize) {
    CURRENT.fetch_sub(bytes as isize, Relaxed);
}

// SAFETY: every call is forwarded to `Inner` unchanged; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = Inner.alloc(layout);
        if !ptr.is_null() && TRACKING.load(Relaxed) {
            ALLOCATIONS.fetch_add(1, Relaxed);
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        Inner.dealloc(ptr, layout);
        if TRACKING.load(Relaxed) {
            shrink(layout.size());
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = Inner.alloc_zeroed(layout);
        if !ptr.is_null() && TRACKING.load(Relaxed) {
            ALLOCATIONS.fetch_add(1, Relaxed);
            grow(layout.size());
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Inner.realloc(ptr, layout, new_size);
        if !new.is_null() && TRACKING.load(Relaxed) {
            ALLOCATIONS.fetch_add(1, Relaxed);
            if new_size >= layout.size() {
                grow(new_size - layout.size());
            } else {
                shrink(layout.size() - new_size);
            }
        }
        new
    }
}

/// Heap use of one measured call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// The most bytes live at once during the call, above what was live before it.
    pub peak: usize,
    /// Bytes still live when it returned (the decoded value's heap).
    pub retained: usize,
    /// Allocations and reallocations made.
    pub allocations: usize,
}

/// Runs `f` with counting on. Meaningful only in a binary whose global allocator is
/// [`Counting`] (all zeros otherwise), and with no other thread allocating meanwhile.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Usage) {
    CURRENT.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ALLOCATIONS.store(0, Relaxed);
    TRACKING.store(true, Relaxed);
    let result = f();
    TRACKING.store(false, Relaxed);
    let usage = Usage {
        peak: PEAK.load(Relaxed).max(0) as usize,
        retained: CURRENT.load(Relaxed).max(0) as usize,
        allocations: ALLOCATIONS.load(Relaxed),
    };
    (result, usage)
}
