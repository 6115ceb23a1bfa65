//! A small reference for how a response is framed: RFC 9112 section 6.3
//! in its order, with the strict profile's choices (CONFORMANCE.md, section
//! 3, "Framing"), read from the status, the method of the request the
//! response answers, and the header fields as the conformance contract
//! reads them (a folded value as its pieces joined by SP).
//!
//! Written from the RFC and the profile, not from the crate's `decide`:
//!
//! 1. A 101, and a 2xx answering CONNECT: `upgrade` (RFC 9110 sections
//!    15.2.2 and 9.3.6). Otherwise a response to HEAD, and a 1xx, 204 or
//!    304: `none`, whatever the fields say.
//! 2. Transfer-Encoding present: an error in HTTP/1.0; a list that does not
//!    follow `#( token *( OWS ";" OWS token "=" ( token / quoted-string
//!    ) ) )` (the profile's grammar: no BWS around `=`) is an error, and so is `chunked` twice; `chunked`
//!    last: `chunked`; otherwise `close`. It overrides any Content-Length.
//!    (`chunked` with parameters is left open: no check.)
//! 3. Content-Length: every comma-separated element of every line is
//!    1*DIGIT that fits u64, or the head is an error; differing values are
//!    an error; several identical values are one only with
//!    `Lenient::duplicate_content_length`. Then `length`.
//! 4. Otherwise: `close`.

use h1wire::{Framing, Lenient, MethodKind, Version};

use crate::abnf::{is_tchar, is_ws};

/// What the reference expects of a head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The body is framed so.
    Framing(Framing),
    /// The profile refuses the head, for this reason.
    Refused(&'static str),
    /// The RFC leaves it open: accepting and refusing are both fine.
    Either,
}

/// The framing of a response with `status`, answering a request of kind
/// `method`, with these header fields (name, value as the contract reads
/// it), under the lenient options `lenient`.
pub fn response_framing(
    version: Version,
    status: u16,
    method: MethodKind,
    headers: &[(Vec<u8>, Vec<u8>)],
    lenient: &Lenient,
) -> Expect {
    // 1. Fixed by the start line (and the request).
    if status == 101 || (method == MethodKind::Connect && (200..=299).contains(&status)) {
        return Expect::Framing(Framing::Upgrade);
    }
    if method == MethodKind::Head || (100..=199).contains(&status) || status == 204 || status == 304
    {
        return Expect::Framing(Framing::None);
    }
    let values = |name: &[u8]| -> Vec<&[u8]> {
        headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| &v[..])
            .collect()
    };

    // 2. Transfer-Encoding.
    let te = values(b"transfer-encoding");
    if !te.is_empty() {
        if version == Version::Http10 {
            return Expect::Refused("Transfer-Encoding in an HTTP/1.0 message");
        }
        let mut codings = Vec::new();
        for value in te {
            match codings_of(value) {
                Some(list) => codings.extend(list),
                None => return Expect::Refused("a Transfer-Encoding value outside its grammar"),
            }
        }
        let chunked = |c: &&Coding<'_>| c.name.eq_ignore_ascii_case(b"chunked");
        if codings.iter().filter(chunked).count() > 1 {
            return Expect::Refused("chunked applied twice");
        }
        if codings.iter().filter(chunked).any(|c| c.params) {
            return Expect::Either;
        }
        let last_chunked = codings.last().is_some_and(|c| chunked(&c));
        return Expect::Framing(if last_chunked {
            Framing::Chunked
        } else {
            Framing::Close
        });
    }

    // 3. Content-Length.
    let cl = values(b"content-length");
    if !cl.is_empty() {
        let mut numbers = Vec::new();
        for value in cl {
            for element in value.split(|&b| b == b',') {
                match decimal(trim(element)) {
                    Some(n) => numbers.push(n),
                    None => return Expect::Refused("an invalid Content-Length"),
                }
            }
        }
        if numbers.iter().any(|&n| n != numbers[0]) {
            return Expect::Refused("differing Content-Length values");
        }
        if numbers.len() > 1 && !lenient.duplicate_content_length {
            return Expect::Refused(
                "several Content-Length values without Lenient::duplicate_content_length",
            );
        }
        return Expect::Framing(Framing::Length(numbers[0]));
    }

    // 4. Neither: the body runs to the end of the stream.
    Expect::Framing(Framing::Close)
}

/// Whether a Content-Length or Transfer-Encoding field line of a response
/// head, with `value` as the contract reads it, is fine by itself and with
/// the same fields before it in the head (`earlier`), whatever the status:
/// every Content-Length element 1*DIGIT fitting u64, all equal, several only
/// with `Lenient::duplicate_content_length`; every Transfer-Encoding value
/// in the grammar, `chunked` at most once and without parameters. `None`
/// for any other field.
pub fn framing_field_fine(
    name: &[u8],
    value: &[u8],
    earlier: &[(Vec<u8>, Vec<u8>)],
    lenient: &Lenient,
) -> Option<bool> {
    let same = |n: &[u8]| -> Vec<&[u8]> {
        earlier
            .iter()
            .filter(|(e, _)| e.eq_ignore_ascii_case(n))
            .map(|(_, v)| &v[..])
            .chain(core::iter::once(value))
            .collect()
    };
    if name.eq_ignore_ascii_case(b"content-length") {
        let mut numbers = Vec::new();
        for v in same(b"content-length") {
            for element in v.split(|&b| b == b',') {
                match decimal(trim(element)) {
                    Some(n) => numbers.push(n),
                    None => return Some(false),
                }
            }
        }
        let equal = numbers.iter().all(|&n| n == numbers[0]);
        return Some(equal && (numbers.len() == 1 || lenient.duplicate_content_length));
    }
    if name.eq_ignore_ascii_case(b"transfer-encoding") {
        let mut chunked = 0;
        for v in same(b"transfer-encoding") {
            let Some(codings) = codings_of(v) else {
                return Some(false);
            };
            for c in codings
                .iter()
                .filter(|c| c.name.eq_ignore_ascii_case(b"chunked"))
            {
                if c.params {
                    return Some(false);
                }
                chunked += 1;
            }
        }
        return Some(chunked <= 1);
    }
    None
}

/// One transfer coding of a Transfer-Encoding list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Coding<'a> {
    name: &'a [u8],
    params: bool,
}

/// The codings of one Transfer-Encoding value, in order; `None` when the
/// value does not follow the grammar (RFC 9110 sections 5.6.1, 5.6.4, 5.6.6
/// and 10.1.4):
///
/// ```text
/// Transfer-Encoding  = [ element ] *( OWS "," OWS [ element ] )
/// element            = token *( OWS ";" OWS transfer-parameter )
/// transfer-parameter = token "=" ( token / quoted-string )
/// quoted-string      = DQUOTE *( qdtext / quoted-pair ) DQUOTE
/// ```
///
/// (RFC 9112 section 7 allows BWS around the `=`; the strict profile's
/// grammar does not.)
fn codings_of(value: &[u8]) -> Option<Vec<Coding<'_>>> {
    let at = |i: usize| value.get(i).copied();
    let skip_ws = |mut i: usize| {
        while at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    };
    let token_end = |mut i: usize| {
        while at(i).is_some_and(is_tchar) {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        // Empty elements, and the OWS around commas.
        while at(i).is_some_and(|b| b == b',' || is_ws(b)) {
            i += 1;
        }
        if i == value.len() {
            return Some(out);
        }
        let name_end = token_end(i);
        if name_end == i {
            return None;
        }
        let name = &value[i..name_end];
        i = name_end;
        let mut params = false;
        loop {
            let j = skip_ws(i);
            if at(j) != Some(b';') {
                i = j;
                break;
            }
            params = true;
            let p = skip_ws(j + 1);
            let p_end = token_end(p);
            if p_end == p {
                return None;
            }
            let eq = p_end;
            if at(eq) != Some(b'=') {
                return None;
            }
            let v = eq + 1;
            i = if at(v) == Some(b'"') {
                quoted_string_end(value, v)?
            } else {
                let v_end = token_end(v);
                if v_end == v {
                    return None;
                }
                v_end
            };
        }
        out.push(Coding { name, params });
        match at(i) {
            None => return Some(out),
            Some(b',') => {}
            Some(_) => return None,
        }
    }
}

/// Just past the quoted-string opening at `open`, or `None`.
fn quoted_string_end(value: &[u8], open: usize) -> Option<usize> {
    let qdtext = |b: u8| {
        b == b'\t'
            || b == b' '
            || b == 0x21
            || ((0x23..=0x7e).contains(&b) && b != b'\\')
            || b >= 0x80
    };
    let pair = |b: u8| b == b'\t' || b == b' ' || (0x21..=0x7e).contains(&b) || b >= 0x80;
    let mut i = open + 1;
    loop {
        match *value.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' if value.get(i + 1).is_some_and(|&b| pair(b)) => i += 2,
            b if qdtext(b) => i += 1,
            _ => return None,
        }
    }
}

/// Without leading and trailing SP and HTAB.
pub(crate) fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| !is_ws(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// 1*DIGIT that fits u64 (leading zeros fine).
pub(crate) fn decimal(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    bytes.iter().try_fold(0u64, |n, &d| {
        n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use MethodKind::*;

    fn frame(status: u16, method: MethodKind, fields: &[(&str, &str)]) -> Expect {
        frame_in(Version::Http11, status, method, fields, Lenient::default())
    }

    fn frame_in(
        version: Version,
        status: u16,
        method: MethodKind,
        fields: &[(&str, &str)],
        lenient: Lenient,
    ) -> Expect {
        let headers: Vec<_> = fields
            .iter()
            .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec()))
            .collect();
        response_framing(version, status, method, &headers, &lenient)
    }

    const F: fn(Framing) -> Expect = Expect::Framing;

    #[test]
    fn the_start_line_first() {
        let te = [("Transfer-Encoding", "chunked, chunked")];
        assert_eq!(frame(101, Head, &te), F(Framing::Upgrade));
        assert_eq!(frame(204, Connect, &te), F(Framing::Upgrade));
        assert_eq!(frame(299, Connect, &[]), F(Framing::Upgrade));
        assert_eq!(frame(300, Connect, &[]), F(Framing::Close));
        assert_eq!(frame(100, Connect, &te), F(Framing::None));
        for status in [100, 103, 199, 204, 304] {
            assert_eq!(frame(status, Other, &te), F(Framing::None));
        }
        assert_eq!(
            frame(200, Head, &[("Content-Length", "x")]),
            F(Framing::None)
        );
        let http10_te = frame_in(Version::Http10, 304, Other, &te, Lenient::default());
        assert_eq!(http10_te, F(Framing::None));
    }

    #[test]
    fn transfer_encoding_wins() {
        let cl = ("Content-Length", "5");
        assert_eq!(
            frame(200, Other, &[cl, ("Transfer-Encoding", "chunked")]),
            F(Framing::Chunked)
        );
        assert_eq!(
            frame(200, Other, &[("Transfer-Encoding", "gzip")]),
            F(Framing::Close)
        );
        assert_eq!(
            frame(200, Other, &[("Transfer-Encoding", "")]),
            F(Framing::Close)
        );
        assert_eq!(
            frame(
                200,
                Other,
                &[
                    ("transfer-encoding", "gzip"),
                    ("Transfer-Encoding", ",CHUNKED ,")
                ]
            ),
            F(Framing::Chunked)
        );
        assert_eq!(
            frame(
                200,
                Other,
                &[
                    ("Transfer-Encoding", "chunked"),
                    ("Transfer-Encoding", "gzip")
                ]
            ),
            F(Framing::Close)
        );
        assert_eq!(
            frame(
                200,
                Other,
                &[("Transfer-Encoding", "x;q=\"a,\\\"b\" ; r=1, chunked")]
            ),
            F(Framing::Chunked)
        );
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "x;q =1, chunked")]),
            Expect::Refused(_)
        ));
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "chunked, chunked")]),
            Expect::Refused(_)
        ));
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "gzip chunked")]),
            Expect::Refused(_)
        ));
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "a;b")]),
            Expect::Refused(_)
        ));
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "a;b=\"c")]),
            Expect::Refused(_)
        ));
        assert!(matches!(
            frame(200, Other, &[("Transfer-Encoding", "a;b=")]),
            Expect::Refused(_)
        ));
        assert_eq!(
            frame(200, Other, &[("Transfer-Encoding", "chunked;a=b")]),
            Expect::Either
        );
        let http10 = frame_in(
            Version::Http10,
            200,
            Other,
            &[("Transfer-Encoding", "chunked")],
            Lenient::default(),
        );
        assert!(matches!(http10, Expect::Refused(_)));
    }

    #[test]
    fn content_length() {
        assert_eq!(
            frame(200, Other, &[("Content-Length", "007")]),
            F(Framing::Length(7))
        );
        assert_eq!(frame(200, Other, &[]), F(Framing::Close));
        for bad in ["", "+5", "5 5", "0x5", "18446744073709551616", "5,", "-1"] {
            assert!(
                matches!(
                    frame(200, Other, &[("Content-Length", bad)]),
                    Expect::Refused(_)
                ),
                "{bad}"
            );
        }
        assert_eq!(
            frame(200, Other, &[("Content-Length", "18446744073709551615")]),
            F(Framing::Length(u64::MAX))
        );
        let twice = [("Content-Length", "5, 5"), ("content-length", "5")];
        assert!(matches!(frame(200, Other, &twice), Expect::Refused(_)));
        let mut lenient = Lenient::default();
        lenient.duplicate_content_length = true;
        assert_eq!(
            frame_in(Version::Http11, 200, Other, &twice, lenient),
            F(Framing::Length(5))
        );
        let differ = [("Content-Length", "5"), ("Content-Length", "6")];
        assert!(matches!(
            frame_in(Version::Http11, 200, Other, &differ, lenient),
            Expect::Refused(_)
        ));
    }
}
