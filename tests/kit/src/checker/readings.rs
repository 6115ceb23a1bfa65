//! The check of the readings a decoder reports: each lenient reading only
//! with its option, inside the current message, at a byte that is what it
//! names; none at all with the strict profile (but the obs-folds responses
//! always read).

use h1wire::{Lenient, Reading, Readings};

use super::Checker;
use crate::abnf::is_ws;

impl Checker<'_> {
    /// Check the readings the decoder reports: only options in force, each
    /// offset inside the current message and pointing at what it names.
    pub(super) fn check_readings(&self, readings: Readings, end: u64) {
        let responses = self.responses.is_some();
        if self.lenient == Lenient::default() {
            // Responses read obs-fold by default, and record it.
            let strict_ok = |r: Reading| responses && r == Reading::ObsFold;
            assert!(
                readings.iter().all(|(r, _)| strict_ok(r)),
                "readings {readings:?} with the strict profile"
            );
        }
        for (reading, at) in readings.iter() {
            let allowed = match reading {
                Reading::BareLf => self.lenient.bare_lf,
                // Responses read obs-fold whatever the options (recorded all the same).
                Reading::ObsFold => self.lenient.obs_fold || responses,
                Reading::DuplicateContentLength => self.lenient.duplicate_content_length,
                Reading::NonAsciiTarget => self.lenient.non_ascii_target && !responses,
                Reading::FramingTrailer => self.lenient.framing_trailers,
                _ => false,
            };
            assert!(allowed, "reading {reading:?} used without its option");
            assert!(
                at >= self.message_start && at < end,
                "reading {reading:?} at {at} outside the message [{}, {end})",
                self.message_start
            );
            let s = self.stream;
            let at = at as usize;
            match reading {
                // (A CR just before the message's first byte belongs to the
                // previous message, as body data: an LF there is bare.)
                Reading::BareLf => assert!(
                    s[at] == b'\n' && (at as u64 == self.message_start || s[at - 1] != b'\r'),
                    "BareLf reading at {at} is not a bare LF"
                ),
                // At the SP or HTAB that starts a continuation line.
                Reading::ObsFold => {
                    let crlf = at >= 2 && &s[at - 2..at] == b"\r\n";
                    let lf = self.lenient.bare_lf && at >= 2 && &s[at - 2..at] != b"\r\n";
                    assert!(
                        is_ws(s[at]) && at >= 1 && s[at - 1] == b'\n' && (crlf || lf),
                        "ObsFold reading at {at} is not whitespace after a line break"
                    );
                }
                // At the start of the trailer line of such a field.
                Reading::FramingTrailer => {
                    let line = &s[at..];
                    let named = [&b"content-length"[..], b"transfer-encoding", b"host"]
                        .iter()
                        .any(|name| {
                            line.len() > name.len()
                                && line[..name.len()].eq_ignore_ascii_case(name)
                                && line[name.len()] == b':'
                        });
                    assert!(
                        named,
                        "FramingTrailer reading at {at} is not a Content-Length, \
                         Transfer-Encoding or Host trailer line"
                    );
                }
                Reading::NonAsciiTarget => {
                    assert!(s[at] >= 0x80, "NonAsciiTarget reading at {at} is ASCII")
                }
                // At the first byte of a value in a Content-Length field
                // that is not its first (within its list, or the field's
                // only value after an earlier line): its field line (folds
                // walked back over) holds only the name, the colon and
                // values and commas before it.
                Reading::DuplicateContentLength => {
                    let line_start = |i: usize| {
                        s[..i]
                            .iter()
                            .rposition(|&b| b == b'\n')
                            .map_or(0, |p| p + 1)
                    };
                    let mut start = line_start(at);
                    while start > 0 && is_ws(s[start]) {
                        start = line_start(start - 1);
                    }
                    let before = &s[start..at];
                    let named = before.iter().position(|&b| b == b':').is_some_and(|colon| {
                        before[..colon].eq_ignore_ascii_case(b"content-length")
                            && before[colon + 1..].iter().all(|&b| {
                                b.is_ascii_digit()
                                    || matches!(b, b',' | b' ' | b'\t' | b'\r' | b'\n')
                            })
                    });
                    let element_start = before
                        .iter()
                        .rev()
                        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                        .is_some_and(|&b| b == b',' || b == b':');
                    assert!(
                        named && element_start && s[at].is_ascii_digit(),
                        "DuplicateContentLength reading at {at} is not where a Content-Length value starts"
                    );
                }
                // (`Reading` is non-exhaustive: a new one is checked when
                // it is added.)
                _ => {}
            }
        }
    }
}
