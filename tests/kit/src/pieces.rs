//! How a stream is cut into the pieces a caller receives: the decoder must
//! give the same events however that is (body pieces aside), so every
//! harness decodes the same stream cut several ways.

use core::ops::Range;

/// How to cut a stream into the pieces a caller receives, one read each.
#[derive(Clone, Copy, Debug)]
pub struct Pieces<'a> {
    cut: Cut<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Cut<'a> {
    /// Piece sizes cycled over the stream (the fuzz targets' layout).
    Sizes(&'a [u8]),
    /// Pieces of this many bytes, the last one shorter.
    Every(usize),
    /// Cut at these stream offsets.
    At(&'a [usize]),
}

impl<'a> Pieces<'a> {
    /// The whole stream in one piece.
    pub fn whole() -> Self {
        Pieces::sizes(&[])
    }

    /// One byte at a time.
    pub fn bytewise() -> Self {
        Pieces::sizes(&[1])
    }

    /// Piece sizes cycled over the stream; a 0 is a call with no new bytes.
    /// No sizes, or only zeros: the whole stream.
    pub fn sizes(sizes: &'a [u8]) -> Self {
        Pieces {
            cut: Cut::Sizes(sizes),
        }
    }

    /// Pieces of `size` bytes (at least 1), the last one shorter: what
    /// `stream.chunks(size)` gives.
    pub fn every(size: usize) -> Self {
        assert!(size >= 1, "pieces hold at least one byte");
        Pieces {
            cut: Cut::Every(size),
        }
    }

    /// The stream cut at these offsets, in increasing order (an offset
    /// given twice is a call with no new bytes, one past the end is the
    /// end); the last piece runs to the end of the stream.
    pub fn at(cuts: &'a [usize]) -> Self {
        Pieces { cut: Cut::At(cuts) }
    }

    /// The pieces of a stream of `len` bytes, in order. Never empty: an
    /// empty stream is one call with nothing.
    pub fn ranges(&self, len: usize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        match self.cut {
            Cut::Sizes(sizes) if sizes.iter().all(|&s| s == 0) => out.push(0..len),
            Cut::Sizes(sizes) => {
                let mut pos = 0;
                for &size in sizes.iter().cycle() {
                    if pos >= len {
                        break;
                    }
                    let end = (pos + size as usize).min(len);
                    out.push(pos..end);
                    pos = end;
                }
            }
            Cut::Every(size) => {
                let mut pos = 0;
                while pos < len {
                    out.push(pos..(pos + size).min(len));
                    pos += size;
                }
            }
            Cut::At(cuts) => {
                let mut pos = 0;
                for &cut in cuts {
                    let cut = cut.clamp(pos, len);
                    out.push(pos..cut);
                    pos = cut;
                }
                if pos < len || out.is_empty() {
                    out.push(pos..len);
                }
            }
        }
        if out.is_empty() {
            out.push(0..0);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_stream_in_order() {
        assert_eq!(Pieces::whole().ranges(5), vec![0..5]);
        assert_eq!(Pieces::bytewise().ranges(3), vec![0..1, 1..2, 2..3]);
        assert_eq!(
            Pieces::sizes(&[2, 0]).ranges(5),
            vec![0..2, 2..2, 2..4, 4..4, 4..5]
        );
        assert_eq!(Pieces::sizes(&[0, 0]).ranges(4), vec![0..4]);
        assert_eq!(Pieces::sizes(&[3]).ranges(0), vec![0..0]);
        assert_eq!(Pieces::every(2).ranges(5), vec![0..2, 2..4, 4..5]);
        assert_eq!(Pieces::every(9).ranges(5), vec![0..5]);
        assert_eq!(Pieces::every(1).ranges(0), vec![0..0]);
        assert_eq!(
            Pieces::at(&[2, 2, 4]).ranges(5),
            vec![0..2, 2..2, 2..4, 4..5]
        );
        assert_eq!(Pieces::at(&[0, 5, 9]).ranges(5), vec![0..0, 0..5, 5..5]);
        assert_eq!(Pieces::at(&[]).ranges(3), vec![0..3]);
    }
}
