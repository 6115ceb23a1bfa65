//! Where an encoder writes: a caller's `&mut [u8]`, or (feature `bytes`)
//! any [`bytes::BufMut`]. Every write is measured first, so a sink is only
//! ever given what fits.

/// Output the encoder writes a measured sequence of pieces into.
pub(crate) trait Sink {
    /// Whether `len` more bytes fit.
    fn has_room(&self, len: usize) -> bool;
    /// Append `bytes` (which fit: the caller checked [`has_room`](Self::has_room)).
    fn put(&mut self, bytes: &[u8]);
}

/// The front of a caller's buffer, filled from index 0.
pub(crate) struct SliceSink<'a> {
    /// The part not written yet.
    rest: &'a mut [u8],
}

impl<'a> SliceSink<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> Self {
        SliceSink { rest: buf }
    }
}

impl Sink for SliceSink<'_> {
    #[inline(always)]
    fn has_room(&self, len: usize) -> bool {
        len <= self.rest.len()
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        // Always there: the write was measured against the buffer first.
        let rest = core::mem::take(&mut self.rest);
        if let Some((dst, rest)) = rest.split_at_mut_checked(bytes.len()) {
            dst.copy_from_slice(bytes);
            self.rest = rest;
        }
    }
}

/// Any `BufMut`: a `Vec<u8>` or a `BytesMut` grows as needed.
#[cfg(feature = "bytes")]
pub(crate) struct BufSink<'a, B: bytes::BufMut>(pub(crate) &'a mut B);

#[cfg(feature = "bytes")]
impl<B: bytes::BufMut> Sink for BufSink<'_, B> {
    #[inline(always)]
    fn has_room(&self, len: usize) -> bool {
        len <= self.0.remaining_mut()
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.0.put_slice(bytes);
    }
}
