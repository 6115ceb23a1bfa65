//! Byte classes of RFC 9110 / 9112 as const tables, and the scans that
//! find where a head line, a token or a request-target stops.
//!
//! The scans take sixteen bytes per step with SIMD compares through the
//! `wide` crate (SSE2 on x86_64, NEON on aarch64, plain code elsewhere; no
//! runtime detection, no unsafe here), then eight in a word, then the
//! tables for the tail.

use wide::u8x16;

/// A 256-entry membership table of a `const fn(u8) -> bool`, built at
/// compile time (const fns cannot call through function pointers).
macro_rules! byte_table {
    ($pred:ident) => {{
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = $pred(i as u8);
            i += 1;
        }
        t
    }};
}

/// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
///         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA      (RFC 9110 5.6.2)
const fn tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.'
        | b'^' | b'_' | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

static TCHAR: [bool; 256] = byte_table!(tchar);

pub(crate) use byte_table;

/// True for a token character.
#[inline]
pub(crate) fn is_tchar(b: u8) -> bool {
    TCHAR[b as usize]
}

/// How many leading bytes of `bytes` are token characters.
#[inline(always)]
pub(crate) fn token_len(bytes: &[u8]) -> usize {
    // Sixteen bytes per step while they are letters, digits or '-' (SIMD
    // compares through `wide`); a run ending on another byte goes on
    // through the table.
    let mut i = 0;
    while let Some(block) = bytes.get(i..i + 16) {
        let Ok(array) = <[u8; 16]>::try_from(block) else {
            break;
        };
        let common = alnum_bits::<false>(u8x16::new(array));
        if common != 0xffff {
            let run = (!common).trailing_zeros() as usize;
            i += run;
            if !bytes.get(i).is_some_and(|&b| is_tchar(b)) {
                return i;
            }
            break;
        }
        i += 16;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + class_run_len(rest, &TCHAR)
}

/// How many leading bytes of `bytes` are in the byte class `table`.
#[inline(always)]
pub(crate) fn class_run_len(bytes: &[u8], table: &[bool; 256]) -> usize {
    // Eight table lookups folded without branches, then byte by byte in
    // the word where the run ends.
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        if !word
            .iter()
            .fold(true, |all, &b| all & table[usize::from(b)])
        {
            break;
        }
        i += 8;
    }
    let tail = bytes.get(i..).unwrap_or_default();
    i + tail
        .iter()
        .position(|&b| !table[usize::from(b)])
        .unwrap_or(tail.len())
}

/// Whether every byte of `bytes` is a token character (true when empty).
/// For callers that check whole names they were given (the encoders).
///
/// Most names are letters, digits and `-`: sixteen bytes at a time are
/// checked for those (see [`all_in_blocks`]); a name with any other byte
/// is looked up byte by byte in the token table.
#[inline(always)]
pub(crate) fn all_tchar(bytes: &[u8]) -> bool {
    all_in_blocks(bytes, |v| alnum_bits::<false>(v) == 0xffff) || all_tchar_by_table(bytes)
}

#[cold]
fn all_tchar_by_table(bytes: &[u8]) -> bool {
    bytes.iter().fold(true, |all, &b| all & is_tchar(b))
}

/// Whether every byte of `bytes` is a letter, a digit, `-` or `.` (true
/// when empty): the bytes of most host names, sixteen at a time (see
/// [`all_in_blocks`]).
#[inline(always)]
pub(crate) fn all_alnum_dash_dot(bytes: &[u8]) -> bool {
    all_in_blocks(bytes, |v| alnum_bits::<true>(v) == 0xffff)
}

/// A bit per byte of `v`: set where it is a letter, a digit, `-` or
/// (with `DOT`) `.`: token characters all without the dot, host
/// characters with it, and the only ones most names use.
#[inline(always)]
fn alnum_bits<const DOT: bool>(v: u8x16) -> u32 {
    let letter = in_range(v | u8x16::splat(0x20), b'a', 25);
    let digit = in_range(v, b'0', 9);
    // `-` and `.` are 0x2D and 0x2E.
    let dash_dot = in_range(v, b'-', u8::from(DOT));
    (letter | digit | dash_dot).move_mask() as u32
}

/// Whether `bytes` holds no byte below 0x20 and no DEL, HTAB included: a
/// caller that allows HTAB looks again, exactly, when this says no.
/// Sixteen bytes at a time (see [`all_in_blocks`]).
#[inline(always)]
pub(crate) fn no_controls(bytes: &[u8]) -> bool {
    all_in_blocks(bytes, |v| controls(v).move_mask() == 0)
}

/// The lanes of `v` whose byte is below 0x20 (HTAB included) or DEL.
#[inline(always)]
fn controls(v: u8x16) -> u8x16 {
    in_range(v, 0, 0x1f) | v.cmp_eq(u8x16::splat(0x7f))
}

/// The lanes of `x` whose byte is in `lo..=lo + span`.
#[inline(always)]
fn in_range(x: u8x16, lo: u8, span: u8) -> u8x16 {
    (x - u8x16::splat(lo))
        .saturating_sub(u8x16::splat(span))
        .cmp_eq(u8x16::splat(0))
}

/// Whether `good` says yes to every sixteen bytes of `bytes` (true when
/// empty), SIMD compares through `wide`.
///
/// Longer slices go sixteen bytes per step, the last step overlapping
/// the one before. Up to sixteen bytes (most names and values), one
/// block is made of two words that overlap where the slice is shorter
/// (so it holds every byte of `bytes` and nothing else): two moves into
/// one register, where a block copied byte by byte into an array would
/// be taken apart byte by byte again by the compiler.
#[inline(always)]
fn all_in_blocks(bytes: &[u8], good: impl Fn(u8x16) -> bool) -> bool {
    let len = bytes.len();
    if len <= 16 {
        return cover16(bytes)
            .is_none_or(|(low, high)| good(bytemuck::cast(wide::u64x2::new([low, high]))));
    }
    let block = |run: &[u8]| <[u8; 16]>::try_from(run).is_ok_and(|run| good(u8x16::new(run)));
    // Up to 32 (many values): two blocks that overlap, no loop.
    if len <= 32 {
        return block(bytes.get(..16).unwrap_or_default())
            & block(bytes.get(len - 16..).unwrap_or_default());
    }
    for run in bytes.chunks_exact(16) {
        if !block(run) {
            return false;
        }
    }
    bytes.get(len - 16..).is_some_and(block)
}

/// Two words made of parts of `bytes` (1 to 16 bytes long; `None` when
/// empty or longer) that overlap, so that together they hold every byte
/// of `bytes` and nothing else.
#[inline(always)]
fn cover16(bytes: &[u8]) -> Option<(u64, u64)> {
    let len = bytes.len();
    let word = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
    };
    let half = |at: usize| -> Option<u64> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?).into())
    };
    let (low, high) = if len >= 8 {
        (word(0)?, word(len - 8)?)
    } else {
        let both = if len >= 4 {
            half(0)? | half(len - 4)? << 32
        } else {
            let (first, middle, last) = (bytes.first()?, bytes.get(len / 2)?, bytes.last()?);
            u64::from_le_bytes([*first, *middle, *last, *last, *first, *middle, *last, *last])
        };
        (both, both)
    };
    Some((low, high))
}

/// OWS / BWS / RWS member: SP or HTAB.
#[inline]
pub(crate) const fn is_whitespace(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// OWS within a field value as the decoder delivers it, where a fold (CRLF
/// then SP or HTAB, kept under `Lenient::obs_fold`) reads as SP: RFC 9112
/// section 5.2 has a recipient that accepts obs-fold replace each one with
/// SP before interpreting the value. A value holds a CR or LF only inside
/// a fold: the line scan lets nothing else through (and the encoder
/// refuses both).
#[inline]
pub(crate) const fn is_ows(b: u8) -> bool {
    is_whitespace(b) || b == b'\r' || b == b'\n'
}

/// `bytes` without leading and trailing bytes that `strip` says go.
pub(crate) fn trim_by(bytes: &[u8], strip: impl Fn(u8) -> bool) -> &[u8] {
    let start = bytes.iter().position(|&b| !strip(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !strip(b))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or(&[])
}

/// A byte that ends the scan of a head line: CTL other than HTAB
/// (%x00-08 / %x0A-1F) and DEL (%x7F). Everything else (VCHAR, SP, HTAB,
/// obs-text) may appear inside a field value, so scanning to the first such
/// byte both finds the line end (CR or LF) and proves the bytes before it
/// hold no forbidden control byte.
const fn line_stop(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

static LINE_STOP: [bool; 256] = byte_table!(line_stop);

/// True for a byte that stops a head line (see [`line_stop`]).
#[inline]
pub(crate) fn is_line_stop(b: u8) -> bool {
    LINE_STOP[usize::from(b)]
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A mask with the high bit set in each byte of `w` that is < 0x20 or 0x7F.
/// Bytes above the lowest marked byte may be marked falsely (borrows), so
/// only the lowest mark is trusted; HTAB is marked and skipped by the caller.
#[inline(always)]
fn stop_mask(w: u64) -> u64 {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    let x = w ^ (ONES * 0x7f);
    let del = x.wrapping_sub(ONES) & !x & HIGHS;
    below_space | del
}

/// Index of the first byte at or after `from` that stops a head line (see
/// [`line_stop`]), or `None` if `bytes[from..]` has none.
///
/// Sixteen bytes per step (SIMD), then eight (SWAR); the table finishes
/// the tail.
#[inline]
pub(crate) fn find_line_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let found = find_line_stop_fast(bytes, from);
    #[cfg(test)]
    examined::add(found.map_or(bytes.len(), |at| at + 1).saturating_sub(from));
    found
}

#[inline(always)]
fn find_line_stop_fast(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    // Sixteen bytes per step: the mask of stop bytes (HTAB is not one)
    // gives the first at once. The word loop takes what is left.
    while let Some(block) = bytes.get(i..i + 16) {
        let Ok(array) = <[u8; 16]>::try_from(block) else {
            break;
        };
        let stops = stop_bits(u8x16::new(array));
        if stops != 0 {
            return Some(i + stops.trailing_zeros() as usize);
        }
        i += 16;
    }
    while let Some(word) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let mask = stop_mask(u64::from_le_bytes(w));
        if mask == 0 {
            i += 8;
            continue;
        }
        let at = i + (mask.trailing_zeros() / 8) as usize;
        if bytes.get(at) == Some(&b'\t') {
            i = at + 1;
            continue;
        }
        return Some(at);
    }
    let tail = bytes.get(i..)?;
    tail.iter()
        .position(|&b| LINE_STOP[b as usize])
        .map(|p| i + p)
}

/// A bit per byte of `v`: set where it stops a head line.
#[inline(always)]
fn stop_bits(v: u8x16) -> u32 {
    (controls(v) & !v.cmp_eq(u8x16::splat(b'\t'))).move_mask() as u32
}

/// A bit per byte of `v`: set where it is visible ASCII (%x21-7E).
#[inline(always)]
fn visible_bits(v: u8x16) -> u32 {
    in_range(v, 0x21, 0x7e - 0x21).move_mask() as u32
}

/// Index of the first byte at or after `from` that cannot be part of a
/// strict request-target: SP, any other byte below 0x21, DEL, or a byte
/// above 0x7F. `None` if there is none. Sixteen bytes, then eight, at a
/// time, like [`find_line_stop`].
#[inline]
pub(crate) fn find_target_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 16) {
        let Ok(array) = <[u8; 16]>::try_from(block) else {
            break;
        };
        let stops = !visible_bits(u8x16::new(array)) & 0xffff;
        if stops != 0 {
            return Some(i + stops.trailing_zeros() as usize);
        }
        i += 16;
    }
    while let Some(word) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        let below_bang = w.wrapping_sub(ONES * 0x21) & !w & HIGHS;
        let x = w ^ (ONES * 0x7f);
        let del = x.wrapping_sub(ONES) & !x & HIGHS;
        let mask = below_bang | del | (w & HIGHS);
        if mask != 0 {
            return Some(i + (mask.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| b <= b' ' || b >= 0x7f)
        .map(|p| i + p)
}

/// HEXDIG value, or 0xFF for any other byte.
const fn hex_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 0xff,
    }
}

static HEX: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = hex_digit(i as u8);
        i += 1;
    }
    t
};

/// HEXDIG value, or `None`. One table lookup: chunk sizes are read on
/// every chunk.
#[inline(always)]
pub(crate) fn hex_value(b: u8) -> Option<u8> {
    let v = HEX[usize::from(b)];
    (v != 0xff).then_some(v)
}

/// How many bytes the line scans of this thread examined: the tests use it
/// to prove that input cut into pieces is not scanned again.
#[cfg(test)]
pub(crate) mod examined {
    extern crate std;
    use core::cell::Cell;

    std::thread_local! {
        static EXAMINED: Cell<usize> = const { Cell::new(0) };
    }

    pub(crate) fn add(n: usize) {
        EXAMINED.with(|c| c.set(c.get() + n));
    }

    /// The count so far, reset to zero.
    pub(crate) fn take() -> usize {
        EXAMINED.with(|c| c.replace(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious definition the fast scan must agree with.
    fn naive_find_line_stop(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&i| line_stop(bytes[i]))
    }

    /// Every byte value at every position of a buffer longer than two
    /// SIMD blocks and a word, scanned from several starts: `fast` must
    /// agree with `naive`.
    fn assert_scans_agree(
        fast: fn(&[u8], usize) -> Option<usize>,
        naive: fn(&[u8], usize) -> Option<usize>,
    ) {
        let mut buf = [b'a'; 43];
        for pos in 0..buf.len() {
            for b in 0..=255u8 {
                buf[pos] = b;
                for from in 0..4 {
                    assert_eq!(
                        fast(&buf, from),
                        naive(&buf, from),
                        "byte {b:#x} at {pos} from {from}"
                    );
                }
            }
            buf[pos] = b'a';
        }
    }

    #[test]
    fn stop_scan_matches_naive_for_every_byte_at_every_position() {
        assert_scans_agree(find_line_stop, naive_find_line_stop);
    }

    #[test]
    fn target_scan_matches_naive_for_every_byte_at_every_position() {
        fn naive(bytes: &[u8], from: usize) -> Option<usize> {
            (from..bytes.len()).find(|&i| bytes[i] <= b' ' || bytes[i] >= 0x7f)
        }
        assert_scans_agree(find_target_stop, naive);
    }

    #[test]
    fn stop_scan_skips_tabs_and_sees_through_high_bytes() {
        let line = b"a\tb\t\t\t\t\t\t\t\t\t\xff\x80\x7e\x7f";
        assert_eq!(find_line_stop(line, 0), Some(line.len() - 1));
        assert_eq!(
            find_line_stop(b"\x80\x80\x80\x80\x80\x80\x80\x80\x1f", 0),
            Some(8)
        );
        assert_eq!(find_line_stop(b"", 0), None);
        assert_eq!(find_line_stop(b"abc", 5), None);
    }

    #[test]
    fn token_table_is_rfc_tchar() {
        let specials = b"!#$%&'*+-.^_`|~";
        for b in 0..=255u8 {
            let expected = b.is_ascii_alphanumeric() || specials.contains(&b);
            assert_eq!(is_tchar(b), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn token_len_matches_naive() {
        let naive = |b: &[u8]| b.iter().position(|&c| !is_tchar(c)).unwrap_or(b.len());
        let mut buf = [b'a'; 37];
        for len in 0..buf.len() {
            for pos in 0..len {
                for b in 0..=255u8 {
                    buf[pos] = b;
                    assert_eq!(token_len(&buf[..len]), naive(&buf[..len]));
                    buf[pos] = b'a';
                }
            }
        }
    }

    /// The whole-slice checks against their definitions, for every byte at
    /// every position of slices of every length up to two blocks and a half.
    #[test]
    fn whole_slice_checks_match_naive() {
        let naive_tchar = |b: &[u8]| b.iter().all(|&c| is_tchar(c));
        let naive_controls = |b: &[u8]| b.iter().all(|&c| c >= 0x20 && c != 0x7f);
        let naive_host = |b: &[u8]| {
            b.iter()
                .all(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
        };
        for len in 0..=40 {
            let mut buf = [b'a'; 40];
            for pos in 0..len {
                for b in 0..=255u8 {
                    buf[pos] = b;
                    let run = &buf[..len];
                    assert_eq!(
                        all_tchar(run),
                        naive_tchar(run),
                        "byte {b:#x} at {pos} of {len}"
                    );
                    assert_eq!(
                        no_controls(run),
                        naive_controls(run),
                        "byte {b:#x} at {pos} of {len}"
                    );
                    assert_eq!(
                        all_alnum_dash_dot(run),
                        naive_host(run),
                        "byte {b:#x} at {pos} of {len}"
                    );
                }
                buf[pos] = b'a';
            }
        }
    }

    #[test]
    fn trims_what_it_is_told() {
        assert_eq!(trim_by(b" \t a b \t", is_whitespace), b"a b");
        assert_eq!(trim_by(b"   ", is_whitespace), b"");
        assert_eq!(trim_by(b"\x0ba\x0b", is_whitespace), b"\x0ba\x0b");
        // A fold reads as whitespace to `is_ows`, not to `is_whitespace`.
        assert_eq!(trim_by(b"\r\n a\r\n ", is_ows), b"a");
        assert_eq!(trim_by(b"\r\n a", is_whitespace), b"\r\n a");
    }
}
