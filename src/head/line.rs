//! Finding the end of one head line in input that may stop anywhere, and
//! remembering how far it was already scanned.

use crate::syntax::chars::{find_line_stop, is_line_stop, is_whitespace};

/// How a complete line ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineEnd {
    /// CRLF.
    Crlf,
    /// LF alone (only when bare LF is allowed).
    BareLf,
    /// A byte that may not appear in a head line (CTL or DEL), at the line's
    /// `len`. The line's parser reports the error that fits where it stands.
    Invalid,
}

/// A complete line: `bytes[..len]` is its content, the next line starts at `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    pub len: usize,
    pub next: usize,
    pub end: LineEnd,
    /// Offset of the first bare LF inside the line (folded lines) or at its end.
    pub bare_lf_at: Option<usize>,
    /// Offset of the first obs-fold inside the line: of the SP or HTAB
    /// that starts its first continuation line (where a strict reading
    /// refuses it).
    pub fold_at: Option<usize>,
}

/// How far a partial line was scanned, kept by the decoder between calls so
/// that no byte is scanned twice however the input is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Progress {
    /// `bytes[..resume]` need not be scanned again.
    resume: u32,
    /// The cap of the scan that stopped partway.
    cap: u32,
    /// Where the line's first bare LF and first fold are, or [`NONE`].
    /// (Offsets within a line fit: the decoder's limits are at most
    /// [`MAX_LIMIT`](crate::config::MAX_LIMIT). Four words, not four
    /// `usize`s and options: an idle decoder is kept per connection.)
    bare_lf_at: u32,
    fold_at: u32,
}

/// No mark.
const NONE: u32 = u32::MAX;

impl Default for Progress {
    fn default() -> Self {
        Progress {
            resume: 0,
            cap: 0,
            bare_lf_at: NONE,
            fold_at: NONE,
        }
    }
}

/// An offset within a line, as kept in [`Progress`].
#[inline(always)]
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE - 1)
}

/// A mark as [`Line`] reports it.
#[inline(always)]
fn mark(at: u32) -> Option<usize> {
    (at != NONE).then_some(at as usize)
}

impl Progress {
    /// Nothing of the line was scanned yet. (A scan that stopped partway
    /// always leaves `resume > 0` once it has passed a byte: the marks of a
    /// bare LF or a fold are only ever set past the first byte.)
    #[inline(always)]
    pub(crate) fn is_fresh(&self) -> bool {
        self.resume == 0
    }

    /// A scan with `cap` that stopped partway at `at`, the end of the
    /// input or a CR that is its last byte, having seen no bare LF and no
    /// fold: what [`scan_line`] records there.
    #[inline(always)]
    pub(crate) fn partial(at: usize, cap: usize) -> Self {
        Progress {
            resume: small(at),
            cap: small(cap),
            ..Progress::default()
        }
    }

    /// The same record for the same line seen from `by` bytes earlier in
    /// the buffer (a line after the `by` bytes of a head that
    /// `decode_head` read but left in the caller's buffer), or back with
    /// `later` false. A fresh record stays fresh.
    #[inline]
    pub(crate) fn moved(self, by: usize, later: bool) -> Self {
        if self.is_fresh() {
            return self;
        }
        let by = small(by);
        let shift = |at: u32| match (at, later) {
            (NONE, _) => NONE,
            (at, true) => at.saturating_add(by),
            (at, false) => at.saturating_sub(by),
        };
        Progress {
            resume: shift(self.resume),
            cap: shift(self.cap),
            bare_lf_at: shift(self.bare_lf_at),
            fold_at: shift(self.fold_at),
        }
    }

    /// How many bytes of the line are known to hold no stop byte.
    #[inline(always)]
    pub(crate) fn scanned(&self) -> usize {
        self.resume as usize
    }

    /// The cheap step for a slow peer: when `bytes` (the partial line,
    /// longer now) still has no stop byte past what was scanned and stays
    /// within the cap, remember how far it was scanned and return true: the
    /// line is still partial, exactly as [`scan_line`] would find. The same
    /// when the only stop byte is a CR at the very end, which waits for its
    /// LF (the scan stays at the CR, as `scan_line` leaves it). Otherwise
    /// false, and `scan_line` decides.
    #[inline(always)]
    pub(crate) fn extend_partial(&mut self, bytes: &[u8]) -> bool {
        if self.resume == 0 || bytes.len() > self.cap as usize {
            return false;
        }
        let Some(new) = bytes.get(self.resume as usize..) else {
            return false;
        };
        // A slow peer sends a few bytes at a time, often one: look at them
        // directly.
        #[cfg(test)]
        if new.len() < 16 {
            crate::syntax::chars::examined::add(new.len());
        }
        if no_stop(new) {
            // Within the cap, which fits.
            self.resume = bytes.len() as u32;
            return true;
        }
        self.extend_to_cr(new)
    }

    /// The rest of [`extend_partial`](Self::extend_partial): `new` ending
    /// in a CR, its only stop byte. Out of line, so that the common case
    /// stays small where it is inlined.
    #[inline(never)]
    fn extend_to_cr(&mut self, new: &[u8]) -> bool {
        match new {
            [before @ .., b'\r'] if no_line_stop(before) => {
                // Within the cap, which fits.
                self.resume += before.len() as u32;
                true
            }
            _ => false,
        }
    }
}

/// Whether `new`, a slow peer's latest bytes, holds no line stop byte.
#[inline(always)]
fn no_stop(new: &[u8]) -> bool {
    match new {
        [b] => !is_line_stop(*b),
        _ if new.len() < 16 => !new.iter().any(|&b| is_line_stop(b)),
        _ => no_line_stop(new),
    }
}

/// Out of line, so that the few-bytes case above stays small.
#[inline(never)]
fn no_line_stop(bytes: &[u8]) -> bool {
    find_line_stop(bytes, 0).is_none()
}

/// What scanning the input for one line found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scan {
    /// A complete line.
    Line(Line),
    /// No line end yet: call again with more input (same bytes first).
    Partial,
    /// A CR followed by something other than LF, at this offset.
    BareCr(usize),
    /// A bare LF (not allowed) at this offset.
    BareLf(usize),
    /// The line's content would exceed `cap` bytes; `cap` is the offset of
    /// the first byte past the bound.
    TooLong,
}

/// How to scan a line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineRules {
    /// Most bytes of content (line end excluded) the line may have.
    pub cap: usize,
    /// Accept LF without CR.
    pub bare_lf: bool,
    /// Continue the line when the next one starts with SP/HTAB (obs-fold).
    /// Needs one byte of lookahead past the line end.
    pub fold: bool,
}

/// Scan `bytes` for the end of the line that starts at `bytes[0]`,
/// continuing from `progress` (left by earlier calls on a prefix of the same
/// bytes; `Progress::default()` for a new line). Each byte is examined a
/// bounded number of times however the input is split.
#[inline]
pub(crate) fn scan_line(bytes: &[u8], progress: &mut Progress, rules: LineRules) -> Scan {
    let window_end = rules.cap.saturating_add(1).min(bytes.len());
    let window = bytes.get(..window_end).unwrap_or(bytes);
    let mut from = (progress.resume as usize).min(window.len());
    loop {
        let Some(stop) = find_line_stop(window, from) else {
            if window.len() > rules.cap {
                return Scan::TooLong;
            }
            progress.resume = small(window.len());
            progress.cap = small(rules.cap);
            return Scan::Partial;
        };
        let (content_end, next) = match bytes.get(stop) {
            Some(b'\r') => match bytes.get(stop + 1) {
                Some(b'\n') => (stop, stop + 2),
                Some(_) => return Scan::BareCr(stop),
                None => {
                    progress.resume = small(stop);
                    progress.cap = small(rules.cap);
                    return Scan::Partial;
                }
            },
            Some(b'\n') => {
                if !rules.bare_lf {
                    return Scan::BareLf(stop);
                }
                if progress.bare_lf_at == NONE {
                    progress.bare_lf_at = small(stop);
                }
                (stop, stop + 1)
            }
            _ => {
                return Scan::Line(Line {
                    len: stop,
                    next: stop,
                    end: LineEnd::Invalid,
                    bare_lf_at: mark(progress.bare_lf_at),
                    fold_at: mark(progress.fold_at),
                })
            }
        };
        // An empty line (the end of a head) is never folded into.
        if rules.fold && content_end > 0 {
            match bytes.get(next) {
                None => {
                    progress.resume = small(stop);
                    progress.cap = small(rules.cap);
                    return Scan::Partial;
                }
                Some(&b) if is_whitespace(b) => {
                    if progress.fold_at == NONE {
                        progress.fold_at = small(next);
                    }
                    from = next;
                    continue;
                }
                Some(_) => {}
            }
        }
        let end = if next - content_end == 2 {
            LineEnd::Crlf
        } else {
            LineEnd::BareLf
        };
        return Scan::Line(Line {
            len: content_end,
            next,
            end,
            bare_lf_at: mark(progress.bare_lf_at),
            fold_at: mark(progress.fold_at),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: LineRules = LineRules {
        cap: 100,
        bare_lf: false,
        fold: false,
    };

    fn line(len: usize, next: usize, end: LineEnd) -> Scan {
        Scan::Line(Line {
            len,
            next,
            end,
            bare_lf_at: None,
            fold_at: None,
        })
    }

    fn scan(bytes: &[u8], rules: LineRules) -> Scan {
        scan_line(bytes, &mut Progress::default(), rules)
    }

    #[test]
    fn finds_crlf() {
        assert_eq!(scan(b"abc\r\nx", STRICT), line(3, 5, LineEnd::Crlf));
        assert_eq!(scan(b"\r\n", STRICT), line(0, 2, LineEnd::Crlf));
    }

    #[test]
    fn partial_lines_resume_where_they_stopped() {
        let mut progress = Progress::default();
        assert_eq!(scan_line(b"abc", &mut progress, STRICT), Scan::Partial);
        assert_eq!(progress.resume, 3);
        // A CR at the end must be looked at again once its next byte arrives.
        assert_eq!(scan_line(b"abc\r", &mut progress, STRICT), Scan::Partial);
        assert_eq!(progress.resume, 3);
        assert_eq!(
            scan_line(b"abc\r\n", &mut progress, STRICT),
            line(3, 5, LineEnd::Crlf)
        );
    }

    #[test]
    fn extending_a_partial_line_agrees_with_scanning_it() {
        let line = b"Field: a value\tthat comes slowly\r\nX";
        let rules = LineRules { cap: 40, ..STRICT };
        let mut fast = Progress::default();
        let mut general = Progress::default();
        for end in 1..line.len() {
            let bytes = &line[..end];
            let scanned = scan_line(bytes, &mut general, rules);
            if !fast.extend_partial(bytes) {
                assert_eq!(scan_line(bytes, &mut fast, rules), scanned, "at {end}");
            } else {
                assert_eq!(scanned, Scan::Partial, "at {end}");
            }
            assert_eq!(fast, general, "at {end}");
        }
        // Past the cap it leaves the verdict to the scan.
        let mut p = Progress::default();
        let tight = LineRules { cap: 3, ..STRICT };
        assert_eq!(scan_line(b"abc", &mut p, tight), Scan::Partial);
        assert!(!p.extend_partial(b"abcd"));
        assert_eq!(scan_line(b"abcd", &mut p, tight), Scan::TooLong);
    }

    #[test]
    fn extending_agrees_with_scanning_for_every_pair_of_lengths() {
        // A partial line scanned at one length, then at a longer one: the
        // cheap step (when it takes it) leaves what a scan would, and says
        // partial only when the scan would. CRs at every place, bare CRs,
        // bare LFs and folds, under strict and lenient rules and a cap
        // that falls inside the lines.
        let lines: [&[u8]; 6] = [
            b"Field: a value\tthat comes slowly\r\nX",
            b"abc\r\r\n",
            b"a\rb\r\n",
            b"ab\nc\r\n",
            b"key: v\r\n more\r\nnext",
            b"\x7fab\r\n",
        ];
        let rule_sets = [
            STRICT,
            LineRules { cap: 5, ..STRICT },
            LineRules {
                cap: 100,
                bare_lf: true,
                fold: true,
            },
        ];
        for line in lines {
            for rules in rule_sets {
                for first in 1..=line.len() {
                    for second in first..=line.len() {
                        let mut fast = Progress::default();
                        if scan_line(&line[..first], &mut fast, rules) != Scan::Partial {
                            continue;
                        }
                        let mut general = fast;
                        let bytes = &line[..second];
                        let scanned = scan_line(bytes, &mut general, rules);
                        extern crate std;
                        let at = std::format!("{:?} {first}..{second} {rules:?}", line);
                        if fast.extend_partial(bytes) {
                            assert_eq!(scanned, Scan::Partial, "{at}");
                        } else {
                            assert_eq!(scan_line(bytes, &mut fast, rules), scanned, "{at}");
                        }
                        assert_eq!(fast, general, "{at}");
                    }
                }
            }
        }
    }

    #[test]
    fn bare_cr_and_lf() {
        assert_eq!(scan(b"ab\rc", STRICT), Scan::BareCr(2));
        assert_eq!(scan(b"ab\nc", STRICT), Scan::BareLf(2));
        let lenient = LineRules {
            bare_lf: true,
            ..STRICT
        };
        assert_eq!(
            scan(b"ab\nc", lenient),
            Scan::Line(Line {
                len: 2,
                next: 3,
                end: LineEnd::BareLf,
                bare_lf_at: Some(2),
                fold_at: None
            })
        );
    }

    #[test]
    fn control_bytes_end_the_line_as_invalid() {
        assert_eq!(scan(b"a\x00b\r\n", STRICT), line(1, 1, LineEnd::Invalid));
        assert_eq!(scan(b"a\x7f", STRICT), line(1, 1, LineEnd::Invalid));
        assert_eq!(scan(b"a\tb\r\n", STRICT), line(3, 5, LineEnd::Crlf));
    }

    #[test]
    fn cap_is_inclusive() {
        let rules = LineRules { cap: 3, ..STRICT };
        assert_eq!(scan(b"abc\r\n", rules), line(3, 5, LineEnd::Crlf));
        assert_eq!(scan(b"abc", rules), Scan::Partial);
        assert_eq!(scan(b"abcd", rules), Scan::TooLong);
        assert_eq!(scan(b"abcd\r\n", rules), Scan::TooLong);
    }

    #[test]
    fn folds_need_one_byte_of_lookahead() {
        let rules = LineRules {
            fold: true,
            ..STRICT
        };
        assert_eq!(scan(b"a: b\r\n", rules), Scan::Partial);
        // A fold seen in an earlier call is remembered.
        let mut progress = Progress::default();
        assert_eq!(
            scan_line(b"a: b\r\n c", &mut progress, rules),
            Scan::Partial
        );
        assert_eq!(
            scan_line(b"a: b\r\n c\r\n\r\n", &mut progress, rules),
            Scan::Line(Line {
                len: 8,
                next: 10,
                end: LineEnd::Crlf,
                bare_lf_at: None,
                fold_at: Some(6)
            })
        );
        assert_eq!(
            scan(b"a: b\r\n c\r\nX", rules),
            Scan::Line(Line {
                len: 8,
                next: 10,
                end: LineEnd::Crlf,
                bare_lf_at: None,
                fold_at: Some(6)
            })
        );
        assert_eq!(scan(b"\r\n", rules), line(0, 2, LineEnd::Crlf));
    }
}
