//! The start lines of RFC 9112:
//!
//! ```text
//! request-line = method SP request-target SP HTTP-version      ; section 3
//! status-line  = HTTP-version SP status-code SP [ reason-phrase ] ; section 4
//! ```

use super::line::LineEnd;
use crate::syntax::chars::{find_line_stop, find_target_stop, token_len};
use crate::syntax::{within, Fault};
use crate::{ErrorKind, RequestLine, StatusLine, Version};

/// A parsed request line and whether its target used bytes 0x80-0xFF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ParsedRequestLine<'a> {
    pub line: RequestLine<'a>,
    /// Index of the first byte 0x80-0xFF in the target, if any.
    pub non_ascii_at: Option<usize>,
}

/// Parse the content of a request line (line end excluded). `end` says how
/// the line ended: with [`LineEnd::Invalid`] the byte at `line.len()` is a
/// control byte, reported as an error of whichever element it falls in.
pub(crate) fn parse_request_line(
    line: &[u8],
    end: LineEnd,
    allow_non_ascii_target: bool,
) -> Result<ParsedRequestLine<'_>, Fault> {
    let invalid_end = end == LineEnd::Invalid;
    let method_len = token_len(line);
    if method_len == 0 || line.get(method_len) != Some(&b' ') {
        return Err(Fault::new(ErrorKind::InvalidMethod, method_len));
    }
    let (method, rest) = line.split_at(method_len);
    let target_start = method_len + 1;
    let rest = rest.get(1..).unwrap_or_default();

    let target_len = memchr::memchr(b' ', rest).unwrap_or(rest.len());
    let (target, rest) = rest.split_at(target_len);
    let mut non_ascii_at = None;
    for (i, &b) in target.iter().enumerate() {
        if b == b'\t' {
            return Err(Fault::new(ErrorKind::InvalidTarget, target_start + i));
        }
        if b >= 0x80 && non_ascii_at.is_none() {
            if !allow_non_ascii_target {
                return Err(Fault::new(ErrorKind::InvalidTarget, target_start + i));
            }
            non_ascii_at = Some(target_start + i);
        }
    }
    if target.is_empty() || (rest.is_empty() && invalid_end) {
        return Err(Fault::new(
            ErrorKind::InvalidTarget,
            target_start + target_len,
        ));
    }
    if rest.is_empty() {
        return Err(Fault::new(ErrorKind::InvalidVersion, line.len()));
    }
    let version_start = target_start + target_len + 1;
    let version = rest.get(1..).unwrap_or_default();
    let parsed = parse_version(version).map_err(|f| f.shifted(version_start))?;
    if invalid_end {
        return Err(Fault::new(ErrorKind::InvalidVersion, line.len()));
    }
    Ok(ParsedRequestLine {
        line: RequestLine {
            method,
            target,
            version: parsed,
        },
        non_ascii_at,
    })
}

/// The common case in one pass: a whole request line with a token method,
/// an ASCII target and `HTTP/1.1` or `HTTP/1.0`, ending in CRLF, with at
/// most `cap` bytes before the CRLF. Returns the line and where the next
/// line starts.
///
/// `None` means "take the general path" ([`super::line::scan_line`] then
/// [`parse_request_line`]), which reads every line this accepts the same way.
#[inline]
pub(crate) fn fast_request_line(bytes: &[u8], cap: usize) -> Option<(RequestLine<'_>, usize)> {
    let method_len = token_len(bytes);
    if method_len == 0 || bytes.get(method_len) != Some(&b' ') {
        return None;
    }
    let target_start = method_len + 1;
    let target_end = find_target_stop(bytes, target_start)?;
    if target_end == target_start || bytes.get(target_end) != Some(&b' ') {
        return None;
    }
    let version_start = target_end + 1;
    // One word compare per version, not ten byte compares.
    let (version, line_end) = bytes.get(version_start..version_start + 10)?.split_at(8);
    let version = match u64::from_le_bytes(version.try_into().ok()?) {
        w if w == u64::from_le_bytes(*b"HTTP/1.1") => Version::Http11,
        w if w == u64::from_le_bytes(*b"HTTP/1.0") => Version::Http10,
        _ => return None,
    };
    if line_end != b"\r\n" {
        return None;
    }
    if version_start + 8 > cap {
        return None;
    }
    let line = RequestLine {
        method: bytes.get(..method_len)?,
        target: bytes.get(target_start..target_end)?,
        version,
    };
    Some((line, version_start + 10))
}

/// Parse the content of a status line (line end excluded). With
/// [`LineEnd::Invalid`] the byte at `line.len()` is a control byte,
/// reported as an error of whichever element it falls in. The reason is
/// everything after the SP that follows the status code, untrimmed; the SP
/// may not be left out even when the reason is empty.
pub(crate) fn parse_status_line(line: &[u8], end: LineEnd) -> Result<StatusLine<'_>, Fault> {
    let version = parse_version(line.get(..8).unwrap_or(line))?;
    if line.get(8) != Some(&b' ') {
        return Err(Fault::new(ErrorKind::InvalidVersion, line.len().min(8)));
    }
    let mut status: u16 = 0;
    for at in 9..12 {
        match line.get(at) {
            Some(&d) if d.is_ascii_digit() && !(at == 9 && d == b'0') => {
                status = status * 10 + u16::from(d - b'0');
            }
            _ => return Err(Fault::new(ErrorKind::InvalidStatus, at.min(line.len()))),
        }
    }
    match line.get(12) {
        Some(b' ') => {}
        None => return Err(Fault::new(ErrorKind::InvalidReason, 12)),
        Some(_) => return Err(Fault::new(ErrorKind::InvalidStatus, 12)),
    }
    if end == LineEnd::Invalid {
        return Err(Fault::new(ErrorKind::InvalidReason, line.len()));
    }
    Ok(StatusLine {
        version,
        status,
        // The checks above saw bytes up to index 12.
        reason: within(line, 13..),
    })
}

/// The common status line in one pass: `HTTP/1.x`, a status from 100 to
/// 999, a reason of visible bytes, spaces and tabs, CRLF, with at most
/// `cap` bytes before the CRLF. Returns the line and where the next line
/// starts. `None` means "take the general path", which reads every line
/// this accepts the same way.
#[inline]
pub(crate) fn fast_status_line(bytes: &[u8], cap: usize) -> Option<(StatusLine<'_>, usize)> {
    let version = match bytes.get(..9)? {
        b"HTTP/1.1 " => Version::Http11,
        b"HTTP/1.0 " => Version::Http10,
        _ => return None,
    };
    let (d1, d2, d3) = match bytes.get(9..13)? {
        &[d1 @ b'1'..=b'9', d2 @ b'0'..=b'9', d3 @ b'0'..=b'9', b' '] => (d1, d2, d3),
        _ => return None,
    };
    let window = bytes.get(..cap.saturating_add(1).min(bytes.len()))?;
    let stop = find_line_stop(window, 13)?;
    if stop > cap || bytes.get(stop..stop + 2)? != b"\r\n" {
        return None;
    }
    let status = u16::from(d1 - b'0') * 100 + u16::from(d2 - b'0') * 10 + u16::from(d3 - b'0');
    let line = StatusLine {
        version,
        status,
        reason: bytes.get(13..stop)?,
    };
    Some((line, stop + 2))
}

/// HTTP-version = "HTTP/" DIGIT "." DIGIT, exactly; only 1.0 and 1.1 are
/// supported.
pub(crate) fn parse_version(bytes: &[u8]) -> Result<Version, Fault> {
    match bytes {
        b"HTTP/1.1" => return Ok(Version::Http11),
        b"HTTP/1.0" => return Ok(Version::Http10),
        _ => {}
    }
    match bytes.get(..8) {
        Some([b'H', b'T', b'T', b'P', b'/', major, b'.', minor])
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            if bytes.len() > 8 {
                Err(Fault::new(ErrorKind::InvalidVersion, 8))
            } else {
                Err(Fault::new(ErrorKind::UnsupportedVersion, 0))
            }
        }
        _ => Err(Fault::new(ErrorKind::InvalidVersion, 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ErrorKind::*;

    fn parse(line: &[u8]) -> Result<RequestLine<'_>, Fault> {
        parse_request_line(line, LineEnd::Crlf, false).map(|p| p.line)
    }

    fn fault(kind: ErrorKind, at: usize) -> Result<RequestLine<'static>, Fault> {
        Err(Fault::new(kind, at))
    }

    #[test]
    fn parses_the_three_parts() {
        let l = parse(b"GET /a?b HTTP/1.1").unwrap();
        assert_eq!(l.method, b"GET");
        assert_eq!(l.target, b"/a?b");
        assert_eq!(l.version, Version::Http11);
        assert_eq!(
            parse(b"OPTIONS * HTTP/1.0").unwrap().version,
            Version::Http10
        );
        assert_eq!(parse(b"CONNECT a:443 HTTP/1.1").unwrap().target, b"a:443");
    }

    #[test]
    fn method_must_be_a_token_followed_by_one_sp() {
        assert_eq!(parse(b""), fault(InvalidMethod, 0));
        assert_eq!(parse(b" / HTTP/1.1"), fault(InvalidMethod, 0));
        assert_eq!(parse(b"G@T / HTTP/1.1"), fault(InvalidMethod, 1));
        assert_eq!(parse(b"GET\t/ HTTP/1.1"), fault(InvalidMethod, 3));
        assert_eq!(parse(b"GET"), fault(InvalidMethod, 3));
    }

    #[test]
    fn target_rules() {
        assert_eq!(parse(b"GET  / HTTP/1.1"), fault(InvalidTarget, 4));
        assert_eq!(parse(b"GET /a\tb HTTP/1.1"), fault(InvalidTarget, 6));
        assert_eq!(parse(b"GET /\xc3\xa9 HTTP/1.1"), fault(InvalidTarget, 5));
        let p = parse_request_line(b"GET /\xc3\xa9 HTTP/1.1", LineEnd::Crlf, true).unwrap();
        assert_eq!(p.non_ascii_at, Some(5));
        assert_eq!(p.line.target, b"/\xc3\xa9");
    }

    /// Every line the fast path reads, the general path reads the same.
    #[test]
    fn fast_path_agrees_with_the_general_path() {
        let lines: [&[u8]; 10] = [
            b"GET / HTTP/1.1\r\n",
            b"OPTIONS * HTTP/1.0\r\n",
            b"CONNECT a:443 HTTP/1.1\r\n",
            b"GET /a/long/path/with?query=and&more=words HTTP/1.1\r\n",
            b"GET /\xc3\xa9 HTTP/1.1\r\n",
            b"GET /a\tb HTTP/1.1\r\n",
            b"GET  / HTTP/1.1\r\n",
            b"GET / HTTP/1.1 \r\n",
            b"GET / HTTP/1.1\n",
            b"GET /\x7f HTTP/1.1\r\n",
        ];
        for cap in [0, 14, 15, 100] {
            for line in lines {
                let Some((fast, next)) = fast_request_line(line, cap) else {
                    continue;
                };
                let len = next - 2;
                assert!(len <= cap);
                assert_eq!(&line[len..next], b"\r\n");
                assert_eq!(parse(&line[..len]), Ok(fast), "{line:?}");
            }
        }
        assert!(fast_request_line(b"GET / HTTP/1.1\r\n", 100).is_some());
        assert!(fast_request_line(b"GET / HTTP/1.1\r\n", 13).is_none());
    }

    fn status(line: &[u8]) -> Result<StatusLine<'_>, Fault> {
        parse_status_line(line, LineEnd::Crlf)
    }

    #[test]
    fn status_lines() {
        let ok = status(b"HTTP/1.1 200 OK").unwrap();
        assert_eq!(
            (ok.version, ok.status, ok.reason),
            (Version::Http11, 200, &b"OK"[..])
        );
        let ok = status(b"HTTP/1.0 999 ").unwrap();
        assert_eq!(
            (ok.version, ok.status, ok.reason),
            (Version::Http10, 999, &b""[..])
        );
        assert_eq!(
            status(b"HTTP/1.1 200  OK \t\xe9").unwrap().reason,
            b" OK \t\xe9"
        );
        let bad = |line: &[u8]| status(line).map(|_| ()).unwrap_err();
        assert_eq!(bad(b"HTTP/1.1 301"), Fault::new(InvalidReason, 12));
        assert_eq!(bad(b"HTTP/1.1 2 OK"), Fault::new(InvalidStatus, 10));
        assert_eq!(bad(b"HTTP/1.1 099 X"), Fault::new(InvalidStatus, 9));
        assert_eq!(bad(b"HTTP/1.1 2000 X"), Fault::new(InvalidStatus, 12));
        assert_eq!(bad(b"HTTP/1.1  200 OK"), Fault::new(InvalidStatus, 9));
        assert_eq!(bad(b"HTTP/1.1\t200 OK"), Fault::new(InvalidVersion, 8));
        assert_eq!(bad(b"HTTP/1.01 200 OK"), Fault::new(InvalidVersion, 8));
        assert_eq!(bad(b"HTTP/01.1 200 OK"), Fault::new(InvalidVersion, 0));
        assert_eq!(bad(b"HTTP/5.6 200 OK"), Fault::new(UnsupportedVersion, 0));
        assert_eq!(bad(b"RTSP/1.1 200 OK"), Fault::new(InvalidVersion, 0));
        assert_eq!(bad(b"HTTP/1.1"), Fault::new(InvalidVersion, 8));
        assert_eq!(bad(b"HTTP/1"), Fault::new(InvalidVersion, 0));
        let at_end = parse_status_line(b"HTTP/1.1 200 O", LineEnd::Invalid).map(|_| ());
        assert_eq!(at_end, Err(Fault::new(InvalidReason, 14)));
        let at_end = parse_status_line(b"HTTP/1.1 20", LineEnd::Invalid).map(|_| ());
        assert_eq!(at_end, Err(Fault::new(InvalidStatus, 11)));
    }

    /// Every status line the fast path reads, the general path reads the same.
    #[test]
    fn fast_status_lines_agree_with_the_general_path() {
        let lines: [&[u8]; 10] = [
            b"HTTP/1.1 200 OK\r\n",
            b"HTTP/1.0 404 Not Found\r\n",
            b"HTTP/1.1 200 \r\n",
            b"HTTP/1.1 500 Ori\xc3\xabntatie\tprobleem\r\n",
            b"HTTP/1.1 099 X\r\n",
            b"HTTP/1.1 301\r\n",
            b"HTTP/1.1 200 OK\n",
            b"HTTP/1.1 200 O\x01K\r\n",
            b"HTTP/2.0 200 OK\r\n",
            b"HTTP/1.1 200  OK\r\n",
        ];
        for cap in [0, 13, 15, 100] {
            for line in lines {
                let Some((fast, next)) = fast_status_line(line, cap) else {
                    continue;
                };
                let len = next - 2;
                assert!(len <= cap);
                assert_eq!(&line[len..next], b"\r\n");
                assert_eq!(status(&line[..len]), Ok(fast), "{line:?}");
            }
        }
        assert!(fast_status_line(b"HTTP/1.1 200 OK\r\n", 100).is_some());
        assert!(fast_status_line(b"HTTP/1.1 200 OK\r\n", 14).is_none());
    }

    #[test]
    fn version_rules() {
        assert_eq!(parse(b"GET /"), fault(InvalidVersion, 5));
        assert_eq!(parse(b"GET / "), fault(InvalidVersion, 6));
        assert_eq!(parse(b"GET / HTTP/1.1 "), fault(InvalidVersion, 14));
        assert_eq!(parse(b"GET /  HTTP/1.1"), fault(InvalidVersion, 6));
        assert_eq!(parse(b"GET / http/1.1"), fault(InvalidVersion, 6));
        assert_eq!(parse(b"GET / HTTP/2.0"), fault(UnsupportedVersion, 6));
        assert_eq!(parse(b"GET / HTTP/0.9"), fault(UnsupportedVersion, 6));
        assert_eq!(parse(b"GET / HTTP/1.10"), fault(InvalidVersion, 14));
        assert_eq!(parse(b"GET / ICE/1.0"), fault(InvalidVersion, 6));
    }

    #[test]
    fn a_control_byte_is_blamed_on_the_part_it_falls_in() {
        fn at_end(line: &[u8]) -> Result<RequestLine<'_>, Fault> {
            parse_request_line(line, LineEnd::Invalid, false).map(|p| p.line)
        }
        assert_eq!(at_end(b"GE"), fault(InvalidMethod, 2));
        assert_eq!(at_end(b"GET /a"), fault(InvalidTarget, 6));
        assert_eq!(at_end(b"GET /a HTTP/1.1"), fault(InvalidVersion, 15));
        assert_eq!(at_end(b"GET /a HTTP"), fault(InvalidVersion, 7));
    }
}
