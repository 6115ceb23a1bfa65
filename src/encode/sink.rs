//! Where an encoder writes: a caller's `&mut [u8]`, or (feature `bytes`)
//! any [`bytes::BufMut`]. Every write is measured first, so a sink is only
//! ever given what fits.

/// Output the encoder writes a measured sequence of pieces into.
pub(crate) trait Sink {
    /// Whether a short run of writes is better gathered in a stack buffer
    /// and put in one piece: true where each [`put`](Self::put) costs a
    /// call (a `BufMut`'s `put_slice`), false for a plain slice.
    const GATHERS: bool;
    /// Whether `len` more bytes fit.
    fn has_room(&self, len: usize) -> bool;
    /// Append `bytes` (which fit: the caller checked [`has_room`](Self::has_room)).
    fn put(&mut self, bytes: &[u8]);
    /// Append the field line `name ": " value CRLF`, or with `TIGHT`
    /// `name ":" value CRLF` (which fits).
    #[inline(always)]
    fn put_field<const TIGHT: bool>(&mut self, name: &[u8], value: &[u8]) {
        self.put(name);
        self.put(if TIGHT { b":" } else { b": " });
        self.put(value);
        self.put(b"\r\n");
    }
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
    const GATHERS: bool = false;

    #[inline(always)]
    fn has_room(&self, len: usize) -> bool {
        len <= self.rest.len()
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        // Always there: the write was measured against the buffer first.
        let rest = core::mem::take(&mut self.rest);
        if let Some((dst, rest)) = rest.split_at_mut_checked(bytes.len()) {
            copy_short(dst, bytes);
            self.rest = rest;
        }
    }

    /// One split of the buffer for the whole line: four `put`s would each
    /// split off their part and store what is left. (Nor four `put`s into
    /// a local sink over the line: the compiler then keeps the bounds
    /// checks these nested splits let it drop, 44 more instructions and
    /// 7% more time for the 301 head of `benches/encode.rs`.)
    #[inline(always)]
    fn put_field<const TIGHT: bool>(&mut self, name: &[u8], value: &[u8]) {
        let rest = core::mem::take(&mut self.rest);
        let line_len = name.len() + value.len() + 4 - usize::from(TIGHT);
        if let Some((line, rest)) = rest.split_at_mut_checked(line_len) {
            if let Some((to_name, after)) = line.split_at_mut_checked(name.len()) {
                copy_short(to_name, name);
                let after = if TIGHT {
                    after.split_first_mut().map(|(colon, after)| {
                        *colon = b':';
                        after
                    })
                } else {
                    after.split_first_chunk_mut::<2>().map(|(colon, after)| {
                        *colon = *b": ";
                        after
                    })
                };
                if let Some(after) = after {
                    if let Some((to_value, end)) = after.split_at_mut_checked(value.len()) {
                        copy_short(to_value, value);
                        if let Some(end) = end.first_chunk_mut::<2>() {
                            *end = *b"\r\n";
                        }
                    }
                }
            }
            self.rest = rest;
        }
    }
}

/// Any `BufMut`: a `Vec<u8>` or a `BytesMut` grows as needed.
#[cfg(feature = "bytes")]
pub(crate) struct BufSink<'a, B: bytes::BufMut>(pub(crate) &'a mut B);

#[cfg(feature = "bytes")]
impl<B: bytes::BufMut> Sink for BufSink<'_, B> {
    const GATHERS: bool = true;

    #[inline(always)]
    fn has_room(&self, len: usize) -> bool {
        len <= self.0.remaining_mut()
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.0.put_slice(bytes);
    }
}

/// `dst.copy_from_slice(src)` (the same length), with the short copies of
/// names and values (up to 32 bytes) done as two overlapping fixed-size
/// copies, or three single bytes: a few loads and stores instead of a
/// call to `memcpy`, whose call and dispatch on the length cost more
/// than the copy (`Via`, `Age`, a `Content-Length` of 3 digits).
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    let len = src.len();
    // Most names are 8 to 16 bytes long and most values 17 to 32: one
    // comparison each before the copy (a match on the length tries the
    // short cases first).
    if len.wrapping_sub(8) <= 8 {
        return copy_overlapping::<8>(dst, src);
    }
    if len.wrapping_sub(17) <= 15 {
        return copy_overlapping::<16>(dst, src);
    }
    match len {
        0 => {}
        len @ 1..=3 => {
            // The first, middle and last bytes (the same one, or two of
            // them, when shorter): all of it.
            for at in [0, len / 2, len - 1] {
                if let (Some(d), Some(&s)) = (dst.get_mut(at), src.get(at)) {
                    *d = s;
                }
            }
        }
        4..=7 => copy_overlapping::<4>(dst, src),
        8..=16 => copy_overlapping::<8>(dst, src),
        17..=32 => copy_overlapping::<16>(dst, src),
        _ => dst.copy_from_slice(src),
    }
}

/// The first `N` and the last `N` bytes of `src` (at least `N` long, as
/// long as `dst`) into `dst`: together, all of it.
#[inline(always)]
fn copy_overlapping<const N: usize>(dst: &mut [u8], src: &[u8]) {
    let len = src.len();
    if let (Some(d), Some(s)) = (dst.get_mut(..N), src.get(..N)) {
        d.copy_from_slice(s);
    }
    let tail = len.saturating_sub(N);
    if let (Some(d), Some(s)) = (dst.get_mut(tail..tail + N), src.get(tail..tail + N)) {
        d.copy_from_slice(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length up to two 16-byte copies and past them, at every
    /// offset in a larger buffer: the bytes copied, nothing around them
    /// touched.
    #[test]
    fn short_copies_copy_exactly() {
        let src: [u8; 48] = core::array::from_fn(|i| i as u8 + 1);
        for len in 0..=40 {
            for at in 0..4 {
                let mut out = [0u8; 48];
                let mut sink = SliceSink::new(&mut out[at..]);
                sink.put(&src[..len]);
                assert_eq!(&out[at..at + len], &src[..len], "{len} at {at}");
                assert!(out[..at].iter().all(|&b| b == 0));
                assert!(out[at + len..].iter().all(|&b| b == 0));
            }
        }
    }

    /// A whole field line at once, for names and values of every length
    /// each copy path takes: the line as four separate writes would make
    /// it, nothing around it touched.
    #[test]
    fn a_field_line_is_written_as_its_parts_would_be() {
        let name: [u8; 40] = core::array::from_fn(|i| b'a' + (i % 26) as u8);
        let value: [u8; 40] = core::array::from_fn(|i| b'0' + (i % 10) as u8);
        for name_len in 0..=name.len() {
            for value_len in 0..=value.len() {
                for at in 0..3 {
                    let (n, v) = (&name[..name_len], &value[..value_len]);
                    for tight in [false, true] {
                        let mut out = [0u8; 100];
                        let mut sink = SliceSink::new(&mut out[at..]);
                        match tight {
                            false => sink.put_field::<false>(n, v),
                            true => sink.put_field::<true>(n, v),
                        }
                        let left = sink.rest.len();
                        let colon: &[u8] = if tight { b":" } else { b": " };
                        let line = [n, colon, v, b"\r\n"].concat();
                        let end = at + line.len();
                        assert_eq!(&out[at..end], &line[..], "{name_len}, {value_len} at {at}");
                        assert!(out[..at].iter().chain(&out[end..]).all(|&b| b == 0));
                        assert_eq!(left, out.len() - end);
                    }
                }
            }
        }
    }
}
