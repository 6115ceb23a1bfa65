//! The checks of the slices an event borrows: where they lie in the stream
//! and that they hold what RFC 9112 lets a start line or a field line hold.

use h1wire::{Error, ErrorKind, Field, MethodKind, Reading, Readings, RequestLine, StatusLine};

use super::{Checker, Grammar, ResponseHead};
use crate::abnf::{is_ctl, is_target_byte, is_tchar, is_text, is_token, is_ws};
use crate::decoders::is_final;
use crate::framing_ref::framing_field_fine;
use crate::reduction::{Message, Start};
use crate::show::esc;
use crate::trace::{FieldRec, Span, SpannedEv};

impl Checker<'_> {
    /// Stream offset of `slice`, which must lie inside `input` (whose first
    /// byte is at stream offset `base`).
    pub(super) fn span(&self, what: &str, slice: &[u8], input: &[u8], base: u64) -> Span {
        let start = input.as_ptr() as usize;
        let at = slice.as_ptr() as usize;
        assert!(
            at >= start && at + slice.len() <= start + input.len(),
            "{what} slice lies outside the call's input (slice at {at:#x}+{}, input {start:#x}+{})",
            slice.len(),
            input.len()
        );
        let at = base + (at - start) as u64;
        assert_eq!(
            &self.stream[at as usize..at as usize + slice.len()],
            slice,
            "driver bug: stream and buffer differ"
        );
        Span {
            at,
            bytes: slice.to_vec(),
        }
    }

    /// A request line: `method SP request-target SP HTTP-version`, single
    /// SPs, a token method, a target of VCHARs (obs-text only when let
    /// through).
    pub(super) fn request_line(
        &mut self,
        line: &RequestLine<'_>,
        input: &[u8],
        base: u64,
    ) -> SpannedEv {
        assert!(
            self.responses.is_none(),
            "a client's decoder produced a request: {line:?}"
        );
        assert_eq!(self.grammar, Grammar::Between, "Request inside a message");
        self.grammar = Grammar::Head;
        let method = self.span("method", line.method, input, base);
        let target = self.span("target", line.target, input, base);
        assert!(
            is_token(line.method),
            "method is not a token: {}",
            esc(line.method)
        );
        assert!(!line.target.is_empty(), "empty target");
        assert!(
            line.target.iter().all(|&b| is_target_byte(b, true)),
            "target holds whitespace or a control byte: {}",
            esc(line.target)
        );
        assert!(
            line.target
                .iter()
                .all(|&b| is_target_byte(b, self.lenient.non_ascii_target)),
            "non-ASCII target without Lenient::non_ascii_target"
        );
        let version_at = (target.at + target.bytes.len() as u64) as usize + 1;
        assert_eq!(
            method.at + method.bytes.len() as u64 + 1,
            target.at,
            "method SP target"
        );
        assert_eq!(
            self.stream.get(version_at..version_at + 8),
            Some(line.version.as_str().as_bytes()),
            "the version in the stream"
        );
        self.messages.push(Message::new(Start::Request {
            method: method.bytes.clone(),
            target: target.bytes.clone(),
            version: line.version,
        }));
        SpannedEv::Request {
            method,
            target,
            version: line.version,
        }
    }

    /// A status line: `HTTP-version SP 3DIGIT SP reason CRLF`, starting
    /// where the message does (no empty line is skipped before one), the
    /// call consuming exactly it. Fixes which method the response answers.
    pub(super) fn response_line(
        &mut self,
        line: &StatusLine<'_>,
        input: &[u8],
        base: u64,
        end: u64,
    ) -> SpannedEv {
        let Some(methods) = &self.responses else {
            panic!("a server's decoder produced a response: {line:?}");
        };
        assert_eq!(self.grammar, Grammar::Between, "Response inside a message");
        self.grammar = Grammar::Head;
        assert!(
            (100..=999).contains(&line.status),
            "status {} outside 100-999",
            line.status
        );
        assert!(
            line.reason.iter().all(|&b| is_text(b)),
            "reason holds a byte other than HTAB, SP, VCHAR or obs-text: {}",
            esc(line.reason)
        );
        // A final response answers the next request; a 1xx other than 101
        // comes before it and takes nothing.
        let method = methods
            .get(self.finals)
            .copied()
            .unwrap_or(MethodKind::Other);
        let reason = self.span("reason", line.reason, input, base);
        let start = reason
            .at
            .checked_sub(13)
            .expect("a reason within 13 bytes of the stream start");
        assert_eq!(
            start, self.message_start,
            "the status line does not start where the message does"
        );
        let s = self.stream;
        let prefix = format!("{} {:03} ", line.version.as_str(), line.status);
        assert_eq!(
            &s[start as usize..reason.at as usize],
            prefix.as_bytes(),
            "the status line in the stream is not `{}`",
            esc(prefix.as_bytes())
        );
        let reason_end = reason.at as usize + reason.bytes.len();
        let line_end = match &s[reason_end..] {
            [b'\r', b'\n', ..] => reason_end + 2,
            [b'\n', ..] if self.lenient.bare_lf => reason_end + 1,
            _ => panic!("the reason is not followed by the line end"),
        };
        assert_eq!(
            end, line_end as u64,
            "the Response event consumed other than its status line"
        );
        if is_final(line.status) {
            self.finals += 1;
        }
        self.response = Some(ResponseHead {
            version: line.version,
            status: line.status,
            method,
        });
        self.messages.push(Message::new(Start::Response {
            version: line.version,
            status: line.status,
            reason: reason.bytes.clone(),
        }));
        SpannedEv::Response {
            version: line.version,
            status: line.status,
            reason,
        }
    }

    /// A header or trailer field: a token name right before its colon, a
    /// value after it, trimmed, without control bytes (but the line breaks
    /// of folds, only where folds are read).
    pub(super) fn field(&self, what: &str, f: &Field<'_>, input: &[u8], base: u64) -> FieldRec {
        let name = self.span(what, f.name, input, base);
        let value = self.span(what, f.value, input, base);
        assert!(
            is_token(f.name),
            "{what} name is not a token: {}",
            esc(f.name)
        );
        let folded = f.is_folded();
        assert!(
            !folded || self.lenient.obs_fold || self.responses.is_some(),
            "folded {what} in a request without Lenient::obs_fold"
        );
        let value_ok = |b: u8| !is_ctl(b) || (folded && (b == b'\r' || b == b'\n'));
        assert!(
            f.value.iter().all(|&b| value_ok(b)),
            "{what} value holds a control byte: {}",
            esc(f.value)
        );
        let edge = |b: &u8| is_ws(*b) || *b == b'\r' || *b == b'\n';
        assert!(
            !f.value.first().is_some_and(edge) && !f.value.last().is_some_and(edge),
            "{what} value not trimmed: {}",
            esc(f.value)
        );
        let mut joined = Vec::new();
        for (i, piece) in f.value_pieces().enumerate() {
            assert!(
                !piece.iter().any(|&b| is_ctl(b)),
                "{what} value piece holds a control byte"
            );
            if i > 0 {
                joined.push(b' ');
            }
            joined.extend_from_slice(piece);
        }
        // The name ends in a colon, the value follows it.
        assert_eq!(
            self.stream
                .get((name.at + name.bytes.len() as u64) as usize),
            Some(&b':'),
            "{what} name not followed by a colon"
        );
        assert!(
            value.at > name.at + name.bytes.len() as u64,
            "{what} value before its colon"
        );
        FieldRec {
            name,
            value,
            folded,
            joined,
        }
    }

    /// A folded field: the decoder recorded an obs-fold in this message no
    /// later than this field's first one (at the SP or HTAB that starts the
    /// continuation line, where a strict reading refuses it).
    pub(super) fn check_fold_recorded(rec: &FieldRec, readings: Readings) {
        if !rec.folded {
            return;
        }
        let bytes = &rec.value.bytes;
        let line_end = bytes.iter().position(|&b| b == b'\r' || b == b'\n');
        let line_end = line_end.unwrap();
        let continuation = line_end + if bytes[line_end] == b'\r' { 2 } else { 1 };
        let fold_at = rec.value.at + continuation as u64;
        assert!(
            readings
                .first_use(Reading::ObsFold)
                .is_some_and(|at| at <= fold_at),
            "folded field at {} without an ObsFold reading at or before {fold_at}: {readings:?}",
            rec.name.at
        );
    }

    /// A response head refused for a framing field: the field line the
    /// failing call started at (the call's `base`: in a head every call
    /// reads one line) must be one the reference refuses too, alone or with
    /// the same fields before it ([`framing_field_fine`], reading the value
    /// as the contract does: folds as SP).
    pub(crate) fn check_refusal(&self, e: Error, base: u64) {
        use ErrorKind::*;
        let kinds = [
            InvalidContentLength,
            ConflictingContentLength,
            DuplicateContentLength,
            InvalidTransferEncoding,
            ChunkedTwice,
        ];
        if self.responses.is_none() || self.grammar != Grammar::Head || !kinds.contains(&e.kind()) {
            return;
        }
        // A folded value reads as its pieces joined by SP (CONFORMANCE.md
        // section 3, RFC 9112 section 5.2), so folds are checked the same.
        let Some((name, value, _folded)) =
            field_line_at(self.stream, base as usize, self.lenient.bare_lf)
        else {
            return;
        };
        let m = self.messages.last().expect("a head without its message");
        if framing_field_fine(name, &value, &m.headers, &self.lenient) == Some(true) {
            let upto = (e.offset().max(base) as usize + 1).min(self.stream.len());
            panic!(
                "{e:?}: the decoder refused the field line `{}` (read as `{}: {}`) that RFC \
                 9112 and the profile read fine (fields before it: {:?})",
                esc(&self.stream[base as usize..upto]),
                esc(name),
                esc(&value),
                m.headers
            );
        }
    }
}

/// The field line that starts at `at` in `s`, if the stream holds it whole
/// (up to the first byte after its last line end) and it is plainly one:
/// its name (a token followed by a colon), its value as the contract reads
/// it (the pieces between folds, trimmed of SP and HTAB, joined by one SP),
/// and whether a fold continued it.
fn field_line_at(s: &[u8], at: usize, bare_lf: bool) -> Option<(&[u8], Vec<u8>, bool)> {
    let rest = s.get(at..)?;
    let name_len = rest.iter().position(|&b| !is_tchar(b))?;
    if name_len == 0 || rest[name_len] != b':' {
        return None;
    }
    let name = &rest[..name_len];
    let mut pieces = Vec::new();
    let mut start = name_len + 1;
    let mut folded = false;
    loop {
        let stop = start
            + rest[start..]
                .iter()
                .position(|&b| b == b'\r' || b == b'\n')?;
        let piece = &rest[start..stop];
        if piece.iter().any(|&b| is_ctl(b)) {
            return None;
        }
        pieces.push(piece);
        let next = match (rest[stop], rest.get(stop + 1)) {
            (b'\r', Some(b'\n')) => stop + 2,
            (b'\n', _) if bare_lf => stop + 1,
            _ => return None,
        };
        match rest.get(next) {
            Some(&b) if is_ws(b) => {
                folded = true;
                start = next;
            }
            Some(_) => break,
            None => return None,
        }
    }
    let trim = |p: &[u8]| -> Vec<u8> {
        let a = p.iter().position(|&b| !is_ws(b)).unwrap_or(p.len());
        let z = p.iter().rposition(|&b| !is_ws(b)).map_or(a, |i| i + 1);
        p[a..z].to_vec()
    };
    let value = pieces
        .iter()
        .map(|p| trim(p))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(&b' ');
    Some((name, value, folded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use h1wire::Lenient;

    #[test]
    fn a_field_line_as_the_contract_reads_it() {
        let s = b"X\r\nContent-Length: 5,\r\n\t 5 \r\n \r\nY: 1\r\n";
        let (name, value, folded) = field_line_at(s, 3, false).unwrap();
        assert_eq!(
            (name, &value[..], folded),
            (&b"Content-Length"[..], &b"5, 5"[..], true)
        );
        assert_eq!(field_line_at(s, 0, false), None, "no colon after the token");
        assert_eq!(
            field_line_at(b"A: 1\r\n", 0, false),
            None,
            "the next byte is not here"
        );
        assert_eq!(field_line_at(b"A: 1\nB", 0, false), None);
        let (_, value, folded) = field_line_at(b"A: 1\nB", 0, true).unwrap();
        assert_eq!((&value[..], folded), (&b"1"[..], false));
        let mut lenient = Lenient::default();
        let fine = |n: &str, v: &str, e: &[(Vec<u8>, Vec<u8>)], l: &Lenient| {
            framing_field_fine(n.as_bytes(), v.as_bytes(), e, l)
        };
        let earlier = [(b"content-length".to_vec(), b"5".to_vec())];
        assert_eq!(fine("Content-Length", "5", &[], &lenient), Some(true));
        assert_eq!(fine("Content-Length", "5", &earlier, &lenient), Some(false));
        assert_eq!(fine("Content-Length", "5, x", &[], &lenient), Some(false));
        lenient.duplicate_content_length = true;
        assert_eq!(fine("Content-Length", "5", &earlier, &lenient), Some(true));
        assert_eq!(fine("Content-Length", "6", &earlier, &lenient), Some(false));
        assert_eq!(
            fine("Transfer-Encoding", "gzip, chunked", &[], &lenient),
            Some(true)
        );
        assert_eq!(
            fine("Transfer-Encoding", "gzip chunked", &[], &lenient),
            Some(false)
        );
        let chunked = [(b"Transfer-Encoding".to_vec(), b"chunked".to_vec())];
        assert_eq!(
            fine("Transfer-Encoding", "x, chunked", &chunked, &lenient),
            Some(false)
        );
        assert_eq!(fine("Host", "a", &[], &lenient), None);
    }
}
