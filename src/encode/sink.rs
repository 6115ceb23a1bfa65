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
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> SliceSink<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> Self {
        SliceSink { buf, len: 0 }
    }
}

impl Sink for SliceSink<'_> {
    #[inline(always)]
    fn has_room(&self, len: usize) -> bool {
        len <= self.buf.len().saturating_sub(self.len)
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        // Always there: the write was measured against the buffer first.
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
        }
        self.len = end;
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
