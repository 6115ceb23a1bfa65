//! The vocabulary every layer shares: byte classes of RFC 9110 and 9112,
//! `#list` elements and quoted strings, checked numbers, and the one
//! internal shape of a syntax error.

pub(crate) mod chars;
pub(crate) mod list;
pub(crate) mod number;

use core::slice::SliceIndex;

use crate::{Error, ErrorKind};

/// `bytes[range]` where the caller's invariant puts `range` within
/// `bytes` (a span a scan found, a count that never exceeds its input).
/// Should the invariant ever break, release builds get an empty slice
/// instead of a panic, and debug builds (the tests, the fuzz targets) stop
/// at once instead of delivering an empty name or body.
#[inline(always)]
pub(crate) fn within<R>(bytes: &[u8], range: R) -> &[u8]
where
    R: SliceIndex<[u8], Output = [u8]> + core::fmt::Debug + Clone,
{
    match bytes.get(range.clone()) {
        Some(part) => part,
        None => {
            debug_assert!(false, "{range:?} out of {} bytes", bytes.len());
            &[]
        }
    }
}

/// Where `part` starts, counted from where `base` starts: two slices of
/// the same input, `part` at or after `base` (an event's slices and the
/// input they came from, a field's value and its name). An address
/// difference, no unsafe: callers keep the invariant, and one that broke
/// it would get a wrong offset, never a panic.
#[inline(always)]
pub(crate) fn offset_from(base: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize).wrapping_sub(base.as_ptr() as usize)
}

/// A syntax error at `at`, an index into the bytes the parser was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub kind: ErrorKind,
    pub at: usize,
}

impl Fault {
    pub(crate) const fn new(kind: ErrorKind, at: usize) -> Self {
        Fault { kind, at }
    }

    /// The same fault, `by` bytes further into the input.
    pub(crate) const fn shifted(self, by: usize) -> Self {
        Fault::new(self.kind, self.at + by)
    }

    /// The error for this fault in bytes that start at stream offset `base`.
    pub(crate) fn in_stream(self, base: u64) -> Error {
        Error::new(self.kind, base + self.at as u64)
    }
}
