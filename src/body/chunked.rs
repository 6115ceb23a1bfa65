//! The chunk-size line of a chunked body (RFC 9112 section 7.1):
//!
//! ```text
//! chunk-size line = 1*HEXDIG *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) CRLF
//! chunk-ext-val   = token / quoted-string
//! ```
//!
//! The line is read byte by byte as it arrives and consumed at once, so a
//! slow peer costs no rescanning and the caller need not keep the line.

use crate::syntax::chars::{hex_value, is_tchar, is_whitespace};
use crate::syntax::Fault;
use crate::ErrorKind;

/// Where in the chunk-size line the next byte falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// In 1*HEXDIG (none yet when the line is empty).
    Size,
    /// BWS after the size: only `;` may follow.
    SizeSpace,
    /// After `;`: BWS, then an extension name.
    NameStart,
    /// In an extension name.
    Name,
    /// BWS after a name: `=` or `;` may follow.
    NameSpace,
    /// After `=`: BWS, then a token or a quoted-string.
    ValueStart,
    /// In a token value.
    Token,
    /// In a quoted-string, after the opening quote.
    Quoted,
    /// After a backslash in a quoted-string.
    QuotedPair,
    /// After a value: `;`, BWS then `;`, or the line end.
    ValueEnd,
    /// BWS after a value: only `;` may follow.
    ValueSpace,
}

/// A chunk-size line being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ChunkLine {
    size: u64,
    /// Bytes of the line read so far (CRLF excluded; at most the cap,
    /// which [`Limits::MAX`](crate::Limits::MAX) bounds: a state is kept
    /// per connection).
    len: u32,
    part: Part,
}

/// What [`ChunkLine::read`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChunkLineRead {
    /// The line ended: the chunk has `size` bytes (0: the last chunk); the
    /// line's bytes (CRLF included) end at `consumed`.
    Done { size: u64, consumed: usize },
    /// The input ended first; `consumed` bytes were read (all but a final CR,
    /// which is read again with the byte after it).
    NeedMore { consumed: usize },
}

impl ChunkLine {
    pub(crate) const fn new() -> Self {
        ChunkLine {
            size: 0,
            len: 0,
            part: Part::Size,
        }
    }

    /// Read the line from `bytes`, holding at most `cap` bytes before its CRLF.
    pub(crate) fn read(&mut self, bytes: &[u8], cap: usize) -> Result<ChunkLineRead, Fault> {
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\r' {
                return match bytes.get(i + 1) {
                    None => Ok(ChunkLineRead::NeedMore { consumed: i }),
                    Some(b'\n') => self.end(i).map(|size| ChunkLineRead::Done {
                        size,
                        consumed: i + 2,
                    }),
                    Some(_) => Err(Fault::new(ErrorKind::BareCr, i)),
                };
            }
            if self.len as usize >= cap {
                return Err(Fault::new(ErrorKind::ChunkLineTooLong, i));
            }
            self.step(b).map_err(|kind| Fault::new(kind, i))?;
            self.len += 1;
        }
        Ok(ChunkLineRead::NeedMore {
            consumed: bytes.len(),
        })
    }

    /// The line ends (CRLF at `at`): is it complete here?
    fn end(&self, at: usize) -> Result<u64, Fault> {
        match self.part {
            Part::Size if self.len > 0 => Ok(self.size),
            Part::Size => Err(Fault::new(ErrorKind::InvalidChunkSize, at)),
            Part::Name | Part::Token | Part::ValueEnd => Ok(self.size),
            Part::SizeSpace => Err(Fault::new(ErrorKind::InvalidChunkSize, at)),
            _ => Err(Fault::new(ErrorKind::InvalidChunkExtension, at)),
        }
    }

    /// One byte of the line that is not CR.
    fn step(&mut self, b: u8) -> Result<(), ErrorKind> {
        use ErrorKind::{InvalidChunkExtension as Ext, InvalidChunkSize as Size};
        self.part = match (self.part, b) {
            (Part::Size, _) => {
                if let Some(digit) = hex_value(b) {
                    if self.size > u64::MAX >> 4 {
                        return Err(Size);
                    }
                    self.size = self.size << 4 | u64::from(digit);
                    Part::Size
                } else if self.len == 0 {
                    return Err(Size);
                } else if b == b';' {
                    Part::NameStart
                } else if is_whitespace(b) {
                    Part::SizeSpace
                } else {
                    return Err(Size);
                }
            }
            (Part::SizeSpace | Part::ValueSpace | Part::NameSpace, b';') => Part::NameStart,
            (Part::SizeSpace, _) if is_whitespace(b) => Part::SizeSpace,
            (Part::SizeSpace, _) => return Err(Size),
            (Part::NameStart, _) if is_whitespace(b) => Part::NameStart,
            (Part::NameStart | Part::Name, _) if is_tchar(b) => Part::Name,
            (Part::Name, b';') => Part::NameStart,
            (Part::Name | Part::NameSpace, b'=') => Part::ValueStart,
            (Part::Name | Part::NameSpace, _) if is_whitespace(b) => Part::NameSpace,
            (Part::ValueStart, _) if is_whitespace(b) => Part::ValueStart,
            (Part::ValueStart, b'"') => Part::Quoted,
            (Part::ValueStart | Part::Token, _) if is_tchar(b) => Part::Token,
            (Part::Token | Part::ValueEnd, b';') => Part::NameStart,
            (Part::Token | Part::ValueEnd | Part::ValueSpace, _) if is_whitespace(b) => {
                Part::ValueSpace
            }
            (Part::Quoted, b'"') => Part::ValueEnd,
            (Part::Quoted, b'\\') => Part::QuotedPair,
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            (Part::Quoted, _) if is_whitespace(b) || (0x21..=0x7e).contains(&b) || b >= 0x80 => {
                Part::Quoted
            }
            // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
            (Part::QuotedPair, _)
                if is_whitespace(b) || (0x21..=0x7e).contains(&b) || b >= 0x80 =>
            {
                Part::Quoted
            }
            _ => return Err(Ext),
        };
        Ok(())
    }
}

/// A whole chunk-size line without extensions (`1*HEXDIG CRLF`) of a
/// chunk that is not the last, with at most `cap` bytes before its CRLF.
/// Returns the chunk's size and the line's length with its CRLF. `None`
/// leaves the line to [`ChunkLine::read`], which reads every line this
/// accepts the same way.
#[inline(always)]
pub(crate) fn plain_chunk_line(bytes: &[u8], cap: usize) -> Option<(u64, usize)> {
    let mut size: u64 = 0;
    let mut digits = 0;
    while let Some(digit) = bytes.get(digits).and_then(|&b| hex_value(b)) {
        // Digits past the sixteenth shift bits out; such a line is left
        // to the general reader (overflow, or leading zeros), so no check
        // per digit here.
        size = size << 4 | u64::from(digit);
        digits += 1;
    }
    let plain = digits > 0 && digits <= 16 && digits <= cap && size > 0;
    (plain && bytes.get(digits..digits + 2) == Some(b"\r\n")).then_some((size, digits + 2))
}

/// A plain chunk read at once by [`plain_chunk`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlainChunk<'a> {
    /// The chunk's data that is here (never empty).
    pub data: &'a [u8],
    /// The input after that data.
    pub rest: &'a [u8],
    /// The chunk's data not here yet (0: the CRLF after the data is next).
    pub remaining: u64,
}

/// The common chunk at the front of `input`, in one step: the CRLF ending
/// the previous chunk's data when `after_data`, a chunk-size line without
/// extensions ([`plain_chunk_line`]), and the data that is here. `None`
/// leaves it to the general reader (extensions, the last chunk, anything
/// partial or malformed), which reads the same bytes the same way. The
/// event path and the body-at-once loop both read chunks with this.
#[inline(always)]
pub(crate) fn plain_chunk(input: &[u8], after_data: bool, cap: usize) -> Option<PlainChunk<'_>> {
    let line = match after_data {
        true => input.strip_prefix(b"\r\n")?,
        false => input,
    };
    let (size, line_len) = plain_chunk_line(line, cap)?;
    let data = line.get(line_len..).filter(|data| !data.is_empty())?;
    let take = usize::try_from(size).map_or(data.len(), |s| s.min(data.len()));
    let (data, rest) = data.split_at_checked(take)?;
    Some(PlainChunk {
        data,
        rest,
        remaining: size - take as u64,
    })
}

/// The framing bytes of a plain chunk read after the data of another
/// (CRLF, then the chunk-size line), kept so that the next chunk's can be
/// recognized with one compare when they are the same bytes: streams
/// often send chunks of one size, and then neither the size line is
/// parsed again nor does the next chunk's place wait for it. The same
/// bytes read the same way, so this reads exactly what [`plain_chunk`]
/// would. Small (16 bytes): the decoder keeps one in its state between
/// chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RepeatedFraming {
    /// The framing bytes in the high `len` bytes of a word: the input's
    /// first word shifted left by `shift` equals this when it starts
    /// with them (one shift and one compare a chunk, no mask to build).
    top: u64,
    /// The chunk size they state (at most four hex digits fit).
    size: u16,
    /// How many framing bytes, 5 to 8 (CRLF, 1 to 4 digits, CRLF).
    len: u8,
    /// `64 - 8 * len`: the bits of the word past the framing bytes.
    shift: u8,
}

impl RepeatedFraming {
    /// No framing kept: [`next`](Self::next) finds nothing, as a word
    /// shifted left by 56 has its low 56 bits clear and `top` does not.
    pub(crate) const NONE: Self = RepeatedFraming {
        top: 1,
        size: 0,
        len: 1,
        shift: 56,
    };

    /// The framing of `chunk`, just read by [`plain_chunk`] from `input`
    /// with `after_data`; [`NONE`](Self::NONE) when it does not fit in a
    /// word or did not start with the CRLF after data.
    #[inline(always)]
    pub(crate) fn of(input: &[u8], after_data: bool, chunk: &PlainChunk<'_>) -> Self {
        let len = input.len() - chunk.rest.len() - chunk.data.len();
        if !after_data || len > 8 {
            return Self::NONE;
        }
        let size = u16::try_from(chunk.data.len() as u64 + chunk.remaining);
        match (first_word(input), size) {
            (Some(word), Ok(size)) if len > 0 => {
                // (1 to 8 framing bytes: a shift of 0 to 56.)
                let shift = (64 - 8 * len) as u8;
                RepeatedFraming {
                    top: word << shift,
                    size,
                    len: len as u8,
                    shift,
                }
            }
            _ => Self::NONE,
        }
    }

    /// The chunk at the front of `input` when its framing is these bytes
    /// again (and `input` holds a word of them); `None` otherwise, and
    /// always for [`NONE`](Self::NONE).
    #[inline(always)]
    pub(crate) fn next<'a>(&self, input: &'a [u8]) -> Option<PlainChunk<'a>> {
        if first_word(input)? << self.shift != self.top {
            return None;
        }
        let len = usize::from(self.len);
        let data = input.get(len..).filter(|data| !data.is_empty())?;
        let size = usize::from(self.size);
        let (data, rest) = data.split_at_checked(size.min(data.len()))?;
        Some(PlainChunk {
            data,
            rest,
            remaining: (size - data.len()) as u64,
        })
    }
}

/// The first eight bytes of `input` as a little-endian word.
#[inline(always)]
fn first_word(input: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(*input.first_chunk::<8>()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ErrorKind::*;

    fn read_all(line: &[u8]) -> Result<ChunkLineRead, Fault> {
        ChunkLine::new().read(line, 4096)
    }

    fn done(size: u64, consumed: usize) -> Result<ChunkLineRead, Fault> {
        Ok(ChunkLineRead::Done { size, consumed })
    }

    fn fault(kind: ErrorKind, at: usize) -> Result<ChunkLineRead, Fault> {
        Err(Fault::new(kind, at))
    }

    #[test]
    fn sizes() {
        assert_eq!(read_all(b"0\r\n"), done(0, 3));
        assert_eq!(read_all(b"a\r\nxx"), done(10, 3));
        assert_eq!(read_all(b"FfFf\r\n"), done(0xffff, 6));
        assert_eq!(read_all(b"000\r\n"), done(0, 5));
        assert_eq!(read_all(b"00000000000000000000001\r\n"), done(1, 25));
        assert_eq!(read_all(b"ffffffffffffffff\r\n"), done(u64::MAX, 18));
        assert_eq!(
            read_all(b"10000000000000000\r\n"),
            fault(InvalidChunkSize, 16)
        );
        assert_eq!(read_all(b"\r\n"), fault(InvalidChunkSize, 0));
        assert_eq!(read_all(b"x\r\n"), fault(InvalidChunkSize, 0));
        assert_eq!(read_all(b"-1\r\n"), fault(InvalidChunkSize, 0));
        assert_eq!(read_all(b"5 \r\n"), fault(InvalidChunkSize, 2));
        assert_eq!(read_all(b"5\n"), fault(InvalidChunkSize, 1));
        assert_eq!(read_all(b"5\r\r"), fault(BareCr, 1));
    }

    #[test]
    fn extensions() {
        assert_eq!(read_all(b"5;a\r\n"), done(5, 5));
        assert_eq!(read_all(b"5;a=b;c\r\n"), done(5, 9));
        assert_eq!(read_all(b"5 ; a = b ; c\r\n"), done(5, 15));
        assert_eq!(read_all(b"5;a=\"x \\\" y\"\r\n"), done(5, 14));
        assert_eq!(read_all(b"5;a=\"\" ;b\r\n"), done(5, 11));
        assert_eq!(read_all(b"5;\r\n"), fault(InvalidChunkExtension, 2));
        assert_eq!(read_all(b"5;a=\r\n"), fault(InvalidChunkExtension, 4));
        assert_eq!(read_all(b"5;a \r\n"), fault(InvalidChunkExtension, 4));
        assert_eq!(read_all(b"5;a=b \r\n"), fault(InvalidChunkExtension, 6));
        assert_eq!(read_all(b"5;a=\"b\r\n"), fault(InvalidChunkExtension, 6));
        assert_eq!(
            read_all(b"5;a=\"b\x01\"\r\n"),
            fault(InvalidChunkExtension, 6)
        );
        assert_eq!(read_all(b"5;a@\r\n"), fault(InvalidChunkExtension, 3));
        assert_eq!(read_all(b"2 erfrferferf\r\n"), fault(InvalidChunkSize, 2));
        assert_eq!(read_all(b"5;a=b\x00\r\n"), fault(InvalidChunkExtension, 5));
        assert_eq!(read_all(b"5;a\nb\r\n"), fault(InvalidChunkExtension, 3));
    }

    #[test]
    fn resumes_after_any_split() {
        let line = b"1a;name=\"quoted \\\" value\" ; n2 = tok\r\n";
        for cut in 0..line.len() {
            let mut l = ChunkLine::new();
            let first = l.read(&line[..cut], 4096).unwrap();
            let ChunkLineRead::NeedMore { consumed } = first else {
                panic!("complete at {cut}");
            };
            assert!(consumed == cut || (consumed + 1 == cut && line[consumed] == b'\r'));
            let second = l.read(&line[consumed..], 4096).unwrap();
            assert_eq!(
                second,
                ChunkLineRead::Done {
                    size: 0x1a,
                    consumed: line.len() - consumed
                }
            );
        }
    }

    #[test]
    fn plain_lines_agree_with_the_general_reader() {
        for line in [
            &b"1\r\n"[..],
            b"a\r\n",
            b"FfFf\r\n",
            b"00010\r\n",
            b"ffffffffffffffff\r\n",
            b"10000000000000000\r\n",
            b"ffffffffffffffff\r\n",
            b"00000000000000001\r\n",
            b"100000000000000001\r\n",
            b"0\r\n",
            b"000\r\n",
            b"5;a\r\n",
            b"5 \r\n",
            b"5\r",
            b"5",
            b"\r\n",
            b"5\n",
            b"x\r\n",
        ] {
            for cap in [0, 1, 4, 100] {
                if let Some((size, len)) = plain_chunk_line(line, cap) {
                    assert_eq!(
                        ChunkLine::new().read(line, cap),
                        done(size, len),
                        "{:?} cap {cap}",
                        core::str::from_utf8(line)
                    );
                    assert!(size > 0);
                }
            }
        }
        assert_eq!(plain_chunk_line(b"40\r\ndata", 4096), Some((64, 4)));
        assert_eq!(plain_chunk_line(b"0\r\n", 4096), None);
    }

    #[test]
    fn a_plain_chunk_is_its_line_then_the_data_that_is_here() {
        let chunk = |input, after_data| plain_chunk(input, after_data, 4096);
        let whole = chunk(&b"3\r\nabc\r\n4\r\n"[..], false).unwrap();
        assert_eq!(
            (whole.data, whole.rest, whole.remaining),
            (&b"abc"[..], &b"\r\n4\r\n"[..], 0)
        );
        let cut = chunk(&b"\r\n5\r\nab"[..], true).unwrap();
        assert_eq!(
            (cut.data, cut.rest, cut.remaining),
            (&b"ab"[..], &b""[..], 3)
        );
        // No data here yet, the CRLF before the line missing, the last
        // chunk, an extension: left to the general reader.
        assert_eq!(chunk(b"5\r\n", false), None);
        assert_eq!(chunk(b"5\r\nabcde", true), None);
        assert_eq!(chunk(b"0\r\n\r\n", false), None);
        assert_eq!(chunk(b"5;x\r\nabcde", false), None);
    }

    #[test]
    fn line_cap_is_inclusive() {
        assert_eq!(ChunkLine::new().read(b"5;ab\r\n", 4), done(5, 6));
        assert_eq!(
            ChunkLine::new().read(b"5;abc\r\n", 4),
            fault(ChunkLineTooLong, 4)
        );
        assert_eq!(
            ChunkLine::new().read(b"00005\r\n", 4),
            fault(ChunkLineTooLong, 4)
        );
    }

    /// No input is read as the framing [`RepeatedFraming::NONE`] keeps,
    /// whatever its first byte (the one byte a one-byte framing compares).
    #[test]
    fn no_framing_kept_matches_nothing() {
        for first in 0..=255u8 {
            let mut input = [first; 12];
            assert_eq!(RepeatedFraming::NONE.next(&input), None, "{first}");
            input[1..].fill(0);
            assert_eq!(
                RepeatedFraming::NONE.next(&input),
                None,
                "{first}, then zeros"
            );
        }
    }

    /// Framing of every length a word holds (CRLF, 1 to 4 digits, CRLF),
    /// kept from one chunk, reads the next chunk framed by the same bytes
    /// as `plain_chunk` does; a change to any of its bytes, or input too
    /// short to compare, reads nothing.
    /// DEL is neither qdtext nor the escaped byte of a quoted-pair in a
    /// chunk extension's quoted string (RFC 9110 section 5.6.4); obs-text
    /// is both. (A mutation that let DEL through survived the suite.)
    #[test]
    fn del_is_neither_qdtext_nor_quoted_pair() {
        assert_eq!(
            read_all(b"1;a=\"\x7f\"\r\n"),
            fault(InvalidChunkExtension, 5)
        );
        assert_eq!(
            read_all(b"1;a=\"\\\x7f\"\r\n"),
            fault(InvalidChunkExtension, 6)
        );
        assert_eq!(read_all(b"1;a=\"\x80\"\r\n"), done(1, 9));
        assert_eq!(read_all(b"1;a=\"\\\x80\"\r\n"), done(1, 10));
    }

    #[test]
    fn kept_framing_reads_only_the_same_framing_again() {
        let lines: [&[u8]; 4] = [b"\r\n5\r\n", b"\r\n40\r\n", b"\r\nabc\r\n", b"\r\n1000\r\n"];
        for (line, size) in lines.into_iter().zip([0x5, 0x40, 0xabc, 0x1000]) {
            let mut input = [b'x'; 8 + 0x1000 + 3];
            input[..line.len()].copy_from_slice(line);
            let input = &input[..line.len() + size + 3];
            let first = plain_chunk(input, true, 4096).expect("a plain chunk");
            assert_eq!((first.data.len(), first.rest.len()), (size, 3));
            let kept = RepeatedFraming::of(input, true, &first);
            assert_ne!(kept, RepeatedFraming::NONE, "{line:?}");
            assert_eq!(kept.next(input), Some(first), "{line:?}");
            for at in 0..line.len() {
                let mut changed = [0u8; 8 + 0x1000 + 3];
                changed[..input.len()].copy_from_slice(input);
                changed[at] ^= 0x01;
                assert_eq!(
                    kept.next(&changed[..input.len()]),
                    None,
                    "{line:?} changed at {at}"
                );
            }
            assert_eq!(kept.next(&input[..7]), None, "{line:?} cut short");
        }
        // Framing longer than a word is not kept.
        let input = b"\r\n12345\r\nxxxxx";
        let chunk = plain_chunk(input, true, 4096).expect("a plain chunk");
        assert_eq!(
            RepeatedFraming::of(input, true, &chunk),
            RepeatedFraming::NONE
        );
    }

    /// The framing of a chunk read without the CRLF that ends the data before
    /// it (the first chunk of a body) is not kept. Kept, it is the size line
    /// alone, and the next "chunk framed the same" is then read with no CRLF
    /// after the data before it.
    #[test]
    fn the_framing_of_a_first_chunk_is_not_kept() {
        let input = b"5\r\nhello5\r\nhello\r\n0\r\n\r\n";
        let first = plain_chunk(input, false, 4096).expect("a plain chunk");
        assert_eq!(first.data, b"hello");
        assert_eq!(
            RepeatedFraming::of(input, false, &first),
            RepeatedFraming::NONE
        );
    }

    /// Framing of a word's length (CRLF, four digits, CRLF) that is all the
    /// input holds reads no chunk yet: a `PlainChunk`'s data is never empty,
    /// and the decoder's `Event::Body` is documented "Never empty".
    #[test]
    fn kept_framing_with_no_data_after_it_reads_nothing() {
        let mut input = [b'x'; 8 + 0x1000 + 8];
        input[..8].copy_from_slice(b"\r\n1000\r\n");
        input[8 + 0x1000..].copy_from_slice(b"\r\n1000\r\n");
        let first = plain_chunk(&input, true, 4096).expect("a plain chunk");
        let kept = RepeatedFraming::of(&input, true, &first);
        assert_ne!(kept, RepeatedFraming::NONE);
        assert_eq!(kept.next(first.rest), None);
        assert_eq!(
            kept.next(&b"\r\n1000\r\nx"[..]).map(|c| c.data),
            Some(&b"x"[..])
        );
    }
}
