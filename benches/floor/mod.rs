//! The floor: what reading a head costs in Rust when a parser checks only
//! what picohttpparser checks, so the benchmarks can say how much of the
//! distance between h1wire and picohttpparser is the language and how much
//! is h1wire's work.
//!
//! Two parsers of the same steps, which the decode benchmark times beside
//! the others (`floor_safe`, `floor_unchecked`):
//!
//! - [`safe`]: plain safe Rust, sixteen bytes per step through `wide` as
//!   h1wire's scans take them: the least h1wire itself could cost with
//!   `forbid(unsafe_code)`, were it to drop every check picohttpparser
//!   does not make.
//! - [`unchecked`] (x86_64): the same steps with SSE2 intrinsics and
//!   unchecked reads, as C does them: what `unsafe` would buy on top.
//!
//! The steps: the method and each field name are token characters up to
//! their delimiter; the target runs to the first byte at or below SP or
//! DEL; the version is `HTTP/1.` and a digit; a status is three digits; a
//! field value or reason phrase runs to the first control byte other than
//! HTAB, or DEL, trailing SP and HTAB cut off the value; lines end in CRLF.
//! That is picohttpparser's reading with bare LF refused. Nothing about
//! Host, Content-Length, Transfer-Encoding, target forms or limits: the
//! benchmark's caller frames bodies as it does for httparse and
//! picohttpparser (`FramingScan`).
//!
//! Each returns `None` for a head that is partial or invalid alike (the
//! benchmarks feed whole, valid heads and check what comes back; the
//! checks run all the same).

/// A field line: name and value.
pub type Pair<'a> = (&'a [u8], &'a [u8]);

/// A request head.
pub struct RequestHead<'a> {
    pub method: &'a [u8],
    pub target: &'a [u8],
    pub minor: u8,
    /// Field lines written to the caller's array.
    pub fields: usize,
    /// Bytes of the head, the empty line included.
    pub len: usize,
}

/// A response head.
pub struct ResponseHead<'a> {
    pub minor: u8,
    pub status: u16,
    pub reason: &'a [u8],
    pub fields: usize,
    pub len: usize,
}

const fn tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.'
        | b'^' | b'_' | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

static TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = tchar(i as u8);
        i += 1;
    }
    table
};

/// The bytes that stop a target: at or below SP, and DEL.
#[inline(always)]
fn ends_target(b: u8) -> bool {
    b <= b' ' || b == 0x7f
}

/// The bytes that stop a field value or reason: controls but HTAB, and DEL.
#[inline(always)]
fn ends_value(b: u8) -> bool {
    (b < b' ' && b != b'\t') || b == 0x7f
}

/// `HTTP/1.` and a digit: the minor version.
#[inline(always)]
fn version(bytes: &[u8]) -> Option<u8> {
    match bytes {
        [b'H', b'T', b'T', b'P', b'/', b'1', b'.', minor @ b'0'..=b'9'] => Some(minor - b'0'),
        _ => None,
    }
}

pub mod safe {
    use super::{ends_target, ends_value, version, Pair, RequestHead, ResponseHead, TCHAR};
    use wide::u8x16;

    /// Lanes of `v` below `n`, as a bit mask.
    #[inline(always)]
    fn below(v: u8x16, n: u8) -> u32 {
        v.min(u8x16::splat(n - 1)).cmp_eq(v).move_mask() as u32
    }

    /// Sixteen bytes at a time while `mask` finds no stop, then the tail
    /// byte by byte: where the first stop is, or the length.
    #[inline(always)]
    fn run_len(bytes: &[u8], mask: impl Fn(u8x16) -> u32, stop: impl Fn(u8) -> bool) -> usize {
        let mut i = 0;
        while let Some(block) = bytes.get(i..i + 16) {
            let Ok(array) = <[u8; 16]>::try_from(block) else {
                break;
            };
            let stops = mask(u8x16::new(array));
            if stops != 0 {
                return i + stops.trailing_zeros() as usize;
            }
            i += 16;
        }
        let tail = bytes.get(i..).unwrap_or_default();
        i + tail.iter().position(|&b| stop(b)).unwrap_or(tail.len())
    }

    #[inline(always)]
    fn target_len(bytes: &[u8]) -> usize {
        let del = u8x16::splat(0x7f);
        run_len(
            bytes,
            |v| below(v, b' ' + 1) | v.cmp_eq(del).move_mask() as u32,
            ends_target,
        )
    }

    #[inline(always)]
    fn value_len(bytes: &[u8]) -> usize {
        let (tab, del) = (u8x16::splat(b'\t'), u8x16::splat(0x7f));
        run_len(
            bytes,
            |v| {
                (below(v, b' ') & !(v.cmp_eq(tab).move_mask() as u32))
                    | v.cmp_eq(del).move_mask() as u32
            },
            ends_value,
        )
    }

    #[inline(always)]
    fn token_len(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|&b| !TCHAR[usize::from(b)])
            .unwrap_or(bytes.len())
    }

    /// Field lines from the start of `bytes` to the empty line: how many,
    /// and the bytes they and the empty line take.
    #[inline(always)]
    fn fields<'a>(bytes: &'a [u8], out: &mut [Pair<'a>]) -> Option<(usize, usize)> {
        let mut at = 0;
        let mut count = 0;
        loop {
            let line = bytes.get(at..)?;
            if *line.first()? == b'\r' {
                return (*line.get(1)? == b'\n').then_some((count, at + 2));
            }
            let name_len = token_len(line);
            if name_len == 0 || *line.get(name_len)? != b':' {
                return None;
            }
            let mut start = name_len + 1;
            while matches!(line.get(start), Some(b' ' | b'\t')) {
                start += 1;
            }
            let end = start + value_len(line.get(start..)?);
            if line.get(end..end + 2)? != b"\r\n" {
                return None;
            }
            let mut trimmed = end;
            while trimmed > start && matches!(line[trimmed - 1], b' ' | b'\t') {
                trimmed -= 1;
            }
            *out.get_mut(count)? = (&line[..name_len], &line[start..trimmed]);
            count += 1;
            at += end + 2;
        }
    }

    /// A request head at the start of `bytes`, its fields into `out`.
    pub fn request<'a>(bytes: &'a [u8], out: &mut [Pair<'a>]) -> Option<RequestHead<'a>> {
        let method_len = token_len(bytes);
        if method_len == 0 || *bytes.get(method_len)? != b' ' {
            return None;
        }
        let rest = &bytes[method_len + 1..];
        let target_len = target_len(rest);
        if target_len == 0 || *rest.get(target_len)? != b' ' {
            return None;
        }
        let line = rest.get(target_len + 1..target_len + 11)?;
        let minor = version(&line[..8])?;
        if &line[8..] != b"\r\n" {
            return None;
        }
        let head_start = method_len + 1 + target_len + 11;
        let (fields, len) = fields(&bytes[head_start..], out)?;
        Some(RequestHead {
            method: &bytes[..method_len],
            target: &rest[..target_len],
            minor,
            fields,
            len: head_start + len,
        })
    }

    /// A response head at the start of `bytes`, its fields into `out`.
    pub fn response<'a>(bytes: &'a [u8], out: &mut [Pair<'a>]) -> Option<ResponseHead<'a>> {
        let line = bytes.get(..13)?;
        let minor = version(&line[..8])?;
        let [b' ', hundreds @ b'0'..=b'9', tens @ b'0'..=b'9', ones @ b'0'..=b'9', b' '] =
            line[8..]
        else {
            return None;
        };
        let status =
            u16::from(hundreds - b'0') * 100 + u16::from(tens - b'0') * 10 + u16::from(ones - b'0');
        let rest = &bytes[13..];
        let reason_len = value_len(rest);
        if rest.get(reason_len..reason_len + 2)? != b"\r\n" {
            return None;
        }
        let head_start = 13 + reason_len + 2;
        let (fields, len) = fields(&bytes[head_start..], out)?;
        Some(ResponseHead {
            minor,
            status,
            reason: &rest[..reason_len],
            fields,
            len: head_start + len,
        })
    }
}

#[cfg(target_arch = "x86_64")]
pub mod unchecked {
    //! The same steps as [`super::safe`], without bounds checks: every
    //! read is at an index tested against the length first (or inside a
    //! 16-byte block that was).
    use super::{ends_target, ends_value, version, Pair, RequestHead, ResponseHead, TCHAR};
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// Where the first stop is from `at`, or `bytes.len()`: sixteen bytes
    /// at a time through `mask`, the tail through `stop`.
    #[inline(always)]
    fn run_end(
        bytes: &[u8],
        mut at: usize,
        mask: impl Fn(__m128i) -> i32,
        stop: impl Fn(u8) -> bool,
    ) -> usize {
        while at + 16 <= bytes.len() {
            // SAFETY: `at + 16 <= len`: sixteen readable bytes; SSE2 is part
            // of x86_64.
            let stops = mask(unsafe { _mm_loadu_si128(bytes.as_ptr().add(at).cast()) });
            if stops != 0 {
                return at + stops.trailing_zeros() as usize;
            }
            at += 16;
        }
        // SAFETY: `at < len` before each read.
        while at < bytes.len() && !stop(unsafe { *bytes.get_unchecked(at) }) {
            at += 1;
        }
        at
    }

    #[inline(always)]
    fn target_end(bytes: &[u8], at: usize) -> usize {
        run_end(
            bytes,
            at,
            // SAFETY: SSE2 is part of x86_64.
            |v| unsafe {
                let low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(b' ' as i8)), v);
                let del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
                _mm_movemask_epi8(_mm_or_si128(low, del))
            },
            ends_target,
        )
    }

    #[inline(always)]
    fn value_end(bytes: &[u8], at: usize) -> usize {
        run_end(
            bytes,
            at,
            // SAFETY: SSE2 is part of x86_64.
            |v| unsafe {
                let low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
                let tab = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\t' as i8));
                let del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
                _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(tab, low), del))
            },
            ends_value,
        )
    }

    /// The byte at `at`, which the caller has tested is below the length.
    #[inline(always)]
    fn at(bytes: &[u8], at: usize) -> u8 {
        debug_assert!(at < bytes.len());
        // SAFETY: every caller tests `at < bytes.len()` first.
        unsafe { *bytes.get_unchecked(at) }
    }

    #[inline(always)]
    fn token_end(bytes: &[u8], mut i: usize) -> usize {
        while i < bytes.len() && TCHAR[usize::from(at(bytes, i))] {
            i += 1;
        }
        i
    }

    /// The slice `from..to`, which the caller has found inside `bytes`.
    #[inline(always)]
    fn part(bytes: &[u8], from: usize, to: usize) -> &[u8] {
        debug_assert!(from <= to && to <= bytes.len());
        // SAFETY: every caller found `from <= to <= len`.
        unsafe { bytes.get_unchecked(from..to) }
    }

    #[inline(always)]
    fn crlf_at(bytes: &[u8], i: usize) -> Option<()> {
        (i + 2 <= bytes.len() && at(bytes, i) == b'\r' && at(bytes, i + 1) == b'\n').then_some(())
    }

    #[inline(always)]
    fn fields<'a>(bytes: &'a [u8], mut i: usize, out: &mut [Pair<'a>]) -> Option<(usize, usize)> {
        let mut count = 0;
        loop {
            if i >= bytes.len() {
                return None;
            }
            if at(bytes, i) == b'\r' {
                crlf_at(bytes, i)?;
                return Some((count, i + 2));
            }
            let name_start = i;
            i = token_end(bytes, i);
            if i == name_start || i >= bytes.len() || at(bytes, i) != b':' {
                return None;
            }
            let name_end = i;
            i += 1;
            while i < bytes.len() && matches!(at(bytes, i), b' ' | b'\t') {
                i += 1;
            }
            let start = i;
            i = value_end(bytes, i);
            crlf_at(bytes, i)?;
            let mut end = i;
            while end > start && matches!(at(bytes, end - 1), b' ' | b'\t') {
                end -= 1;
            }
            if count >= out.len() {
                return None;
            }
            let field = (part(bytes, name_start, name_end), part(bytes, start, end));
            // SAFETY: `count < out.len()`, tested above.
            unsafe { *out.get_unchecked_mut(count) = field };
            count += 1;
            i += 2;
        }
    }

    /// A request head at the start of `bytes`, its fields into `out`.
    pub fn request<'a>(bytes: &'a [u8], out: &mut [Pair<'a>]) -> Option<RequestHead<'a>> {
        let method_end = token_end(bytes, 0);
        if method_end == 0 || method_end >= bytes.len() || at(bytes, method_end) != b' ' {
            return None;
        }
        let target_end = target_end(bytes, method_end + 1);
        if target_end == method_end + 1
            || target_end >= bytes.len()
            || at(bytes, target_end) != b' '
        {
            return None;
        }
        let version_at = target_end + 1;
        if version_at + 10 > bytes.len() {
            return None;
        }
        let minor = version(part(bytes, version_at, version_at + 8))?;
        crlf_at(bytes, version_at + 8)?;
        let (fields, len) = fields(bytes, version_at + 10, out)?;
        Some(RequestHead {
            method: part(bytes, 0, method_end),
            target: part(bytes, method_end + 1, target_end),
            minor,
            fields,
            len,
        })
    }

    /// A response head at the start of `bytes`, its fields into `out`.
    pub fn response<'a>(bytes: &'a [u8], out: &mut [Pair<'a>]) -> Option<ResponseHead<'a>> {
        if bytes.len() < 13 {
            return None;
        }
        let minor = version(part(bytes, 0, 8))?;
        let digit = |i: usize| at(bytes, i).checked_sub(b'0').filter(|d| *d < 10);
        if at(bytes, 8) != b' ' || at(bytes, 12) != b' ' {
            return None;
        }
        let status =
            u16::from(digit(9)?) * 100 + u16::from(digit(10)?) * 10 + u16::from(digit(11)?);
        let reason_end = value_end(bytes, 13);
        crlf_at(bytes, reason_end)?;
        let (fields, len) = fields(bytes, reason_end + 2, out)?;
        Some(ResponseHead {
            minor,
            status,
            reason: part(bytes, 13, reason_end),
            fields,
            len,
        })
    }
}
