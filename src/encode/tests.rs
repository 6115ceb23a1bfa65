//! Unit tests of the encoder: what it writes byte for byte, every refusal
//! with its kind, field and byte, the buffer shortfall, the message cycle.

extern crate std;

use std::vec;
use std::vec::Vec;

use super::*;
use EncodeErrorKind::*;

const GET: RequestLine<'static> = RequestLine {
    method: b"GET",
    target: b"/",
    version: Version::Http11,
};

fn line<'a>(method: &'a str, target: &'a str, version: Version) -> RequestLine<'a> {
    RequestLine {
        method: method.as_bytes(),
        target: target.as_bytes(),
        version,
    }
}

fn ok(status: u16) -> StatusLine<'static> {
    StatusLine::new(Version::Http11, status, "OK")
}

/// Write a request head into a large buffer: its bytes and framing.
fn request(
    line: &RequestLine<'_>,
    fields: &[Field<'_>],
    body: Body,
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let mut out = [0u8; 1024];
    let head = Encoder::client().request(line, fields, body, &mut out)?;
    Ok((out[..head.len].to_vec(), head.framing))
}

/// Write a response head into a large buffer: its bytes and framing.
fn response(
    status: &StatusLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    answering: Answering,
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let mut out = [0u8; 1024];
    let head = Encoder::server().response(status, fields, body, answering, &mut out)?;
    Ok((out[..head.len].to_vec(), head.framing))
}

fn framing_of_response(fields: &[Field<'_>], body: Body) -> Result<Framing, EncodeError> {
    response(&ok(200), fields, body, Answering::HTTP11).map(|(_, f)| f)
}

fn kind<T: core::fmt::Debug>(result: Result<T, EncodeError>) -> EncodeErrorKind {
    result.expect_err("refused").kind()
}

const HOST: Field<'static> = Field::new("Host", "a.example");
const UPGRADE_OPTION: Field<'static> = Field::new("Connection", "upgrade");

/// The three responses of MDN's "A typical HTTP session", with their bodies.
#[test]
fn writes_the_typical_session_byte_for_byte() {
    let seed_200: [Field<'_>; 7] = [
        Field::new("Date", "Sat, 09 Oct 2010 14:28:02 GMT"),
        Field::new("Server", "Apache"),
        Field::new("Last-Modified", "Tue, 01 Dec 2009 20:18:22 GMT"),
        Field::new("ETag", "\"51142bc1-7449-479b075b2891b\""),
        Field::new("Accept-Ranges", "bytes"),
        Field::new("Content-Length", "29769"),
        Field::new("Content-Type", "text/html"),
    ];
    let seed_301: [Field<'_>; 11] = [
        Field::new("Server", "Apache/2.2.3 (Red Hat)"),
        Field::new("Content-Type", "text/html; charset=iso-8859-1"),
        Field::new("Date", "Sat, 09 Oct 2010 14:30:24 GMT"),
        Field::new("Location", "https://developer.mozilla.org/"),
        Field::new("Keep-Alive", "timeout=15, max=98"),
        Field::new("Accept-Ranges", "bytes"),
        Field::new("Via", "Moz-Cache-zlb05"),
        Field::new("Connection", "Keep-Alive"),
        Field::new("X-Cache-Info", "caching"),
        Field::new("X-Cache-Info", "caching"),
        Field::new("Content-Length", "325"),
    ];
    let seed_404: [Field<'_>; 7] = [
        Field::new("Date", "Sat, 09 Oct 2010 14:33:02 GMT"),
        Field::new("Server", "Apache"),
        Field::new("Last-Modified", "Tue, 01 May 2007 14:24:39 GMT"),
        Field::new("ETag", "\"499fd34e-29ec-42f695ca96761;48fe7523cfcc1\""),
        Field::new("Accept-Ranges", "bytes"),
        Field::new("Content-Length", "10732"),
        Field::new("Content-Type", "text/html"),
    ];
    let responses: [(StatusLine<'_>, &[Field<'_>], usize); 3] = [
        (
            StatusLine::new(Version::Http11, 200, "OK"),
            &seed_200,
            29769,
        ),
        (
            StatusLine::new(Version::Http11, 301, "Moved Permanently"),
            &seed_301,
            325,
        ),
        (
            StatusLine::new(Version::Http11, 404, "Not Found"),
            &seed_404,
            10732,
        ),
    ];
    let mut encoder = Encoder::server();
    let mut wire = Vec::new();
    let mut expected = Vec::new();
    let mut out = [0u8; 1024];
    for (status, fields, body_len) in responses {
        let head = encoder
            .response(&status, fields, Body::AsFields, Answering::HTTP11, &mut out)
            .unwrap();
        assert_eq!(head.framing, Framing::Length(body_len as u64));
        wire.extend_from_slice(&out[..head.len]);
        // The body, in three uneven pieces, each framed by nothing.
        let body: Vec<u8> = (0..body_len).map(|i| b'a' + (i % 26) as u8).collect();
        for piece in [&body[..1], &body[1..body_len / 2], &body[body_len / 2..]] {
            let frame = encoder.body(piece.len()).unwrap();
            assert!(frame.is_empty());
            wire.extend_from_slice(piece);
        }
        assert_eq!(encoder.end(&[], &mut out), Ok(0));

        expected.extend_from_slice(b"HTTP/1.1 ");
        expected.extend_from_slice(std::format!("{} ", status.status).as_bytes());
        expected.extend_from_slice(status.reason);
        expected.extend_from_slice(b"\r\n");
        for field in fields {
            expected.extend_from_slice(field.name);
            expected.extend_from_slice(b": ");
            expected.extend_from_slice(field.value);
            expected.extend_from_slice(b"\r\n");
        }
        expected.extend_from_slice(b"\r\n");
        expected.extend_from_slice(&body);
    }
    assert_eq!(wire, expected);
    // The 301's head, spelled out.
    let head_301: &[u8] = b"HTTP/1.1 301 Moved Permanently\r\n\
Server: Apache/2.2.3 (Red Hat)\r\n\
Content-Type: text/html; charset=iso-8859-1\r\n\
Date: Sat, 09 Oct 2010 14:30:24 GMT\r\n\
Location: https://developer.mozilla.org/\r\n\
Keep-Alive: timeout=15, max=98\r\n\
Accept-Ranges: bytes\r\n\
Via: Moz-Cache-zlb05\r\n\
Connection: Keep-Alive\r\n\
X-Cache-Info: caching\r\n\
X-Cache-Info: caching\r\n\
Content-Length: 325\r\n\r\n";
    let at = wire
        .windows(head_301.len())
        .position(|w| w == head_301)
        .expect("the 301 head is on the wire as written");
    assert_eq!(&wire[at + head_301.len()..][..3], b"abc");
}

#[test]
fn writes_request_lines_and_fields_in_order() {
    let fields = [
        HOST,
        Field::new("accept", "*/*"),
        Field::new("X-Two", "1"),
        Field::new("x-two", "2\t3"),
        Field::new("Empty", ""),
    ];
    let (bytes, framing) = request(
        &line("GET", "/a?b=c", Version::Http11),
        &fields,
        Body::Empty,
    )
    .unwrap();
    assert_eq!(
        bytes,
        b"GET /a?b=c HTTP/1.1\r\nHost: a.example\r\naccept: */*\r\nX-Two: 1\r\nx-two: 2\t3\r\nEmpty: \r\n\r\n"
    );
    assert_eq!(framing, Framing::None);
    let (bytes, _) = request(
        &line("OPTIONS", "*", Version::Http10),
        &[HOST],
        Body::AsFields,
    )
    .unwrap();
    assert_eq!(bytes, b"OPTIONS * HTTP/1.0\r\nHost: a.example\r\n\r\n");
    let (bytes, framing) = request(
        &line("CONNECT", "a.example:443", Version::Http11),
        &[HOST],
        Body::AsFields,
    )
    .unwrap();
    assert_eq!(
        bytes,
        b"CONNECT a.example:443 HTTP/1.1\r\nHost: a.example\r\n\r\n"
    );
    assert_eq!(framing, Framing::Upgrade);
}

#[test]
fn status_lines() {
    let (bytes, _) = response(
        &StatusLine::new(Version::Http10, 999, ""),
        &[],
        Body::UntilClose,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(bytes, b"HTTP/1.0 999 \r\n\r\n");
    let (bytes, framing) = response(
        &StatusLine::new(Version::Http11, 100, "Continue"),
        &[],
        Body::AsFields,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(bytes, b"HTTP/1.1 100 Continue\r\n\r\n");
    assert_eq!(framing, Framing::None);
    let reason = StatusLine {
        version: Version::Http11,
        status: 404,
        reason: b"Not\tFound \xe9",
    };
    let (bytes, _) = response(&reason, &[], Body::Empty, Answering::HTTP11).unwrap();
    assert_eq!(
        bytes,
        b"HTTP/1.1 404 Not\tFound \xe9\r\nContent-Length: 0\r\n\r\n"
    );
}

#[test]
fn framing_fields_added_for_the_body_asked_for() {
    let answering10 = Answering::new(MethodKind::Other, Version::Http10);
    let cases: [(Body, Answering, &[u8], Framing); 7] = [
        (
            Body::Empty,
            Answering::HTTP11,
            b"Content-Length: 0\r\n",
            Framing::Length(0),
        ),
        (
            Body::Length(29769),
            Answering::HTTP11,
            b"Content-Length: 29769\r\n",
            Framing::Length(29769),
        ),
        (
            Body::Chunked,
            Answering::HTTP11,
            b"Transfer-Encoding: chunked\r\n",
            Framing::Chunked,
        ),
        (
            Body::Streamed,
            Answering::HTTP11,
            b"Transfer-Encoding: chunked\r\n",
            Framing::Chunked,
        ),
        (Body::Streamed, answering10, b"", Framing::Close),
        (Body::UntilClose, Answering::HTTP11, b"", Framing::Close),
        (Body::AsFields, Answering::HTTP11, b"", Framing::Close),
    ];
    for (body, answering, added, framing) in cases {
        let (bytes, got) = response(&ok(200), &[Field::new("A", "b")], body, answering).unwrap();
        let expected = [&b"HTTP/1.1 200 OK\r\nA: b\r\n"[..], added, b"\r\n"].concat();
        assert_eq!(bytes, expected, "{body:?}");
        assert_eq!(got, framing, "{body:?}");
    }
    // An HTTP/1.0 response cannot be chunked: streamed runs to close.
    let status10 = StatusLine::new(Version::Http10, 200, "OK");
    assert_eq!(
        response(&status10, &[], Body::Streamed, Answering::HTTP11)
            .unwrap()
            .1,
        Framing::Close
    );
    // Requests: no framing field for no body; a streamed body is chunked.
    let post = line("POST", "/", Version::Http11);
    let (bytes, framing) = request(&post, &[HOST], Body::Length(0)).unwrap();
    assert!(bytes.ends_with(b"Content-Length: 0\r\n\r\n"));
    assert_eq!(framing, Framing::Length(0));
    let (bytes, framing) = request(&post, &[HOST], Body::Streamed).unwrap();
    assert!(bytes.ends_with(b"Transfer-Encoding: chunked\r\n\r\n"));
    assert_eq!(framing, Framing::Chunked);
}

#[test]
fn fields_that_frame_are_honoured_and_must_agree_with_the_body_asked_for() {
    let cl = [Field::new("content-length", "5")];
    let te = [Field::new("Transfer-Encoding", "gzip, chunked")];
    let te_close = [Field::new("Transfer-Encoding", "gzip")];
    let cl0 = [Field::new("Content-Length", "000")];
    assert_eq!(
        framing_of_response(&cl, Body::AsFields),
        Ok(Framing::Length(5))
    );
    assert_eq!(
        framing_of_response(&cl, Body::Length(5)),
        Ok(Framing::Length(5))
    );
    assert_eq!(
        framing_of_response(&te, Body::Chunked),
        Ok(Framing::Chunked)
    );
    assert_eq!(
        framing_of_response(&te, Body::Streamed),
        Ok(Framing::Chunked)
    );
    assert_eq!(
        framing_of_response(&te_close, Body::UntilClose),
        Ok(Framing::Close)
    );
    assert_eq!(
        framing_of_response(&cl0, Body::Empty),
        Ok(Framing::Length(0))
    );
    let conflict = |fields: &[Field<'_>], body| framing_of_response(fields, body).unwrap_err();
    let e = conflict(&cl, Body::Length(6));
    assert_eq!((e.kind(), e.field()), (FramingConflict, Some(0)));
    assert_eq!(
        kind(framing_of_response(&cl, Body::Chunked)),
        FramingConflict
    );
    assert_eq!(kind(framing_of_response(&cl, Body::Empty)), FramingConflict);
    assert_eq!(
        kind(framing_of_response(&te, Body::Length(5))),
        FramingConflict
    );
    assert_eq!(
        kind(framing_of_response(&te, Body::UntilClose)),
        FramingConflict
    );
    // A request without a body may say Content-Length: 0.
    let post = line("POST", "/", Version::Http11);
    assert_eq!(
        request(&post, &[HOST, cl0[0]], Body::Empty).unwrap().1,
        Framing::Length(0)
    );
}

#[test]
fn messages_without_a_body() {
    let head = Answering::new(MethodKind::Head, Version::Http11);
    let connect = Answering::new(MethodKind::Connect, Version::Http11);
    let cl = [Field::new("Content-Length", "29769")];
    // A HEAD response or a 304 may state the length the body would have had.
    assert_eq!(
        response(&ok(200), &cl, Body::AsFields, head).unwrap().1,
        Framing::None
    );
    let (bytes, framing) = response(&ok(200), &[], Body::Length(29769), head).unwrap();
    assert_eq!(bytes, b"HTTP/1.1 200 OK\r\nContent-Length: 29769\r\n\r\n");
    assert_eq!(framing, Framing::None);
    let not_modified = StatusLine::new(Version::Http11, 304, "Not Modified");
    assert_eq!(
        response(&not_modified, &cl, Body::Length(29769), Answering::HTTP11)
            .unwrap()
            .1,
        Framing::None
    );
    assert_eq!(
        kind(response(
            &not_modified,
            &cl,
            Body::Length(3),
            Answering::HTTP11
        )),
        FramingConflict
    );
    assert_eq!(
        response(&ok(200), &[], Body::Empty, head).unwrap().0,
        b"HTTP/1.1 200 OK\r\n\r\n"
    );
    // What answers GET answers HEAD (RFC 9110 section 9.3.2): a chunked
    // or unknown length is taken, and not stated (no Transfer-Encoding a
    // recipient that lost track of the HEAD would read a body by); never
    // a body, never a close.
    let bare = b"HTTP/1.1 200 OK\r\n\r\n";
    let head10 = Answering::new(MethodKind::Head, Version::Http10);
    for body in [Body::Chunked, Body::Streamed, Body::UntilClose] {
        for answering in [head, head10] {
            let (written, framing) = response(&ok(200), &[], body, answering).unwrap();
            assert_eq!(
                (&written[..], framing),
                (&bare[..], Framing::None),
                "{body:?}"
            );
        }
        let (written, framing) = response(&not_modified, &[], body, Answering::HTTP11).unwrap();
        assert_eq!(
            (&written[..], framing),
            (&b"HTTP/1.1 304 Not Modified\r\n\r\n"[..], Framing::None)
        );
    }
    // The choice agrees with the fields, as GET's must.
    let te = [Field::new("Transfer-Encoding", "chunked")];
    assert!(response(&ok(200), &te, Body::Streamed, head).is_ok());
    assert_eq!(
        kind(response(&ok(200), &cl, Body::Chunked, head)),
        FramingConflict
    );
    assert_eq!(
        kind(response(&ok(200), &te, Body::UntilClose, head)),
        FramingConflict
    );
    let gzip = [Field::new("Transfer-Encoding", "gzip")];
    assert!(response(&ok(200), &gzip, Body::UntilClose, head).is_ok());
    assert_eq!(
        kind(response(&ok(200), &gzip, Body::Chunked, head)),
        FramingConflict
    );
    // A 204 or a 1xx has none to state.
    for body in [Body::Chunked, Body::Streamed, Body::UntilClose] {
        assert_eq!(
            kind(response(&ok(204), &[], body, Answering::HTTP11)),
            BodyNotAllowed
        );
    }
    // 1xx, 204, and 2xx to CONNECT carry no framing field at all.
    for (status, answering) in [
        (100, Answering::HTTP11),
        (103, Answering::HTTP11),
        (204, Answering::HTTP11),
        (200, connect),
    ] {
        let e = response(&ok(status), &cl, Body::AsFields, answering).unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (FramingFieldNotAllowed, Some(0)),
            "{status}"
        );
        assert_eq!(
            kind(response(&ok(status), &[], Body::Length(0), answering)),
            BodyNotAllowed
        );
    }
    let upgrade = [
        Field::new("Upgrade", "websocket"),
        Field::new("Connection", "Upgrade"),
    ];
    assert_eq!(
        response(&ok(101), &upgrade, Body::AsFields, Answering::HTTP11)
            .unwrap()
            .1,
        Framing::Upgrade
    );
    assert_eq!(
        response(&ok(200), &[], Body::AsFields, connect).unwrap().1,
        Framing::Upgrade
    );
    // A refused CONNECT is an ordinary response with a body.
    assert_eq!(
        response(&ok(407), &[], Body::Empty, connect).unwrap().1,
        Framing::Length(0)
    );
    // A CONNECT request has no body and no framing field.
    let connect_line = line("CONNECT", "a.example:443", Version::Http11);
    let e = request(&connect_line, &[HOST, cl[0]], Body::AsFields).unwrap_err();
    assert_eq!((e.kind(), e.field()), (FramingFieldNotAllowed, Some(1)));
    let te = Field::new("Transfer-Encoding", "chunked");
    assert_eq!(
        kind(request(&connect_line, &[HOST, te], Body::AsFields)),
        FramingFieldNotAllowed
    );
    assert_eq!(
        kind(request(&connect_line, &[HOST], Body::Length(1))),
        BodyNotAllowed
    );
}

#[test]
fn start_line_refusals() {
    let refused = |line: RequestLine<'_>| request(&line, &[HOST], Body::Empty).unwrap_err();
    let e = refused(line("G@T", "/", Version::Http11));
    assert_eq!(
        (e.kind(), e.byte(), e.field()),
        (InvalidMethod, Some(1), None)
    );
    // Empty: at 0, where the first byte was due.
    let e = refused(line("", "/", Version::Http11));
    assert_eq!((e.kind(), e.byte()), (InvalidMethod, Some(0)));
    let e = refused(line("GET", "", Version::Http11));
    assert_eq!((e.kind(), e.byte()), (InvalidTarget, Some(0)));
    let e = request(
        &line("GET", "/", Version::Http11),
        &[HOST, Field::new("", "x")],
        Body::Empty,
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.field(), e.byte()),
        (InvalidFieldName, Some(1), Some(0))
    );
    assert_eq!(refused(line("GET ", "/", Version::Http11)).byte(), Some(3));
    for (target, at) in [
        ("/a b", 2),
        ("/a\tb", 2),
        ("/\r\n", 1),
        ("/\x7f", 1),
        ("/\u{e9}", 1),
        ("", 0),
    ] {
        let e = refused(line("GET", target, Version::Http11));
        assert_eq!(
            (e.kind(), e.byte()),
            (InvalidTarget, Some(at)),
            "{target:?}"
        );
    }
    assert_eq!(
        refused(line("GET", "a", Version::Http11)).kind(),
        InvalidTarget
    );
    for (method, target) in [
        ("GET", "a.com:80"),
        ("CONNECT", "/x"),
        ("CONNECT", "*"),
        ("CONNECT", "http://a/"),
    ] {
        assert_eq!(
            refused(line(method, target, Version::Http11)).kind(),
            TargetFormMismatch
        );
    }
    assert_eq!(
        refused(line("CONNECT", "a.com", Version::Http11)).kind(),
        InvalidTarget
    );
    // Asterisk-form outside OPTIONS is allowed (SSDP).
    assert!(request(
        &line("M-SEARCH", "*", Version::Http11),
        &[HOST],
        Body::Empty
    )
    .is_ok());

    let status = |status, reason| {
        response(
            &StatusLine {
                version: Version::Http11,
                status,
                reason,
            },
            &[],
            Body::Empty,
            Answering::HTTP11,
        )
    };
    for s in [0, 99, 1000, u16::MAX] {
        assert_eq!(kind(status(s, b"X")), InvalidStatus, "{s}");
    }
    for (reason, at) in [
        (&b"O\rK"[..], 1),
        (b"OK\n", 2),
        (b"\0", 0),
        (b"a\x7f", 1),
        (b"\x1b", 0),
    ] {
        let e = status(200, reason).unwrap_err();
        assert_eq!((e.kind(), e.byte()), (InvalidReason, Some(at)));
    }
}

#[test]
fn field_refusals_name_the_field_and_the_byte() {
    let refused = |field: Field<'_>| {
        response(
            &ok(200),
            &[Field::new("A", "b"), field],
            Body::Empty,
            Answering::HTTP11,
        )
        .unwrap_err()
    };
    let cases: [(&[u8], &[u8], EncodeErrorKind, usize); 12] = [
        (b"", b"v", InvalidFieldName, 0),
        (b"Na me", b"v", InvalidFieldName, 2),
        (b"Name:", b"v", InvalidFieldName, 4),
        (b"N\xc3\xa9", b"v", InvalidFieldName, 1),
        (b"X", b"a\r\nInjected: 1", InvalidFieldValue, 1),
        (b"X", b"a\nb", InvalidFieldValue, 1),
        (b"X", b"a\0", InvalidFieldValue, 1),
        (b"X", b"\x0b", InvalidFieldValue, 0),
        (b"X", b"a\x7f", InvalidFieldValue, 1),
        (b"X", b" a", InvalidFieldValue, 0),
        (b"X", b"a\t", InvalidFieldValue, 1),
        (b"X", b"\t", InvalidFieldValue, 0),
    ];
    for (name, value, expected, at) in cases {
        let e = refused(Field { name, value });
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (expected, Some(1), Some(at)),
            "{name:?}: {value:?}"
        );
    }
    // Content-Length: 1*DIGIT, once.
    for (value, at) in [
        (&b"-1"[..], 0),
        (b"+5", 0),
        (b"5 5", 1),
        (b"0x10", 1),
        (b"18446744073709551616", 19),
        (b"", 0),
    ] {
        let e = refused(Field {
            name: b"Content-Length",
            value,
        });
        assert_eq!(
            (e.kind(), e.byte()),
            (InvalidContentLength, Some(at)),
            "{value:?}"
        );
    }
    assert_eq!(
        refused(Field::new("Content-Length", "5, 5")).kind(),
        DuplicateContentLength
    );
    let two = [
        Field::new("Content-Length", "5"),
        Field::new("content-length", "5"),
    ];
    let e = response(&ok(200), &two, Body::AsFields, Answering::HTTP11).unwrap_err();
    assert_eq!((e.kind(), e.field()), (DuplicateContentLength, Some(1)));
}

#[test]
fn transfer_encoding_refusals() {
    let post = line("POST", "/", Version::Http11);
    let post10 = line("POST", "/", Version::Http10);
    let te = |value| Field::new("Transfer-Encoding", value);
    let cl = Field::new("Content-Length", "5");
    let req =
        |line: &RequestLine<'_>, fields: &[Field<'_>]| kind(request(line, fields, Body::AsFields));
    assert_eq!(
        req(&post, &[HOST, te("chunked"), cl]),
        ContentLengthWithTransferEncoding
    );
    assert_eq!(
        req(&post, &[HOST, te("xchunked, chunked")]),
        UnknownTransferCoding
    );
    assert_eq!(req(&post, &[HOST, te("chunked, gzip")]), ChunkedNotFinal);
    assert_eq!(req(&post, &[HOST, te("chunked, chunked")]), ChunkedTwice);
    assert_eq!(
        req(&post, &[HOST, te("gzip;q=1, chunked")]),
        InvalidTransferEncoding
    );
    // Empty list elements: a recipient ignores them, a sender must not
    // generate them (RFC 9110 section 5.6.1). The byte is the comma that
    // makes one.
    for (value, at) in [
        ("gzip,,chunked", 5),
        ("gzip, ,chunked", 6),
        (",chunked", 0),
        ("gzip , , chunked", 7),
        ("chunked,", 7),
        ("gzip, chunked ,", 14),
        ("gzip,,,chunked", 5),
    ] {
        let e = request(&post, &[HOST, te(value)], Body::AsFields).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (InvalidTransferEncoding, Some(1), Some(at)),
            "{value}"
        );
        let e = response(&ok(200), &[te(value)], Body::AsFields, Answering::HTTP11).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (InvalidTransferEncoding, Some(0), Some(at)),
            "{value}"
        );
        let options = EncoderOptions {
            empty_list_elements: true,
            ..EncoderOptions::STRICT
        };
        let mut out = [0u8; 128];
        let mut encoder = Encoder::client().with_options(options);
        let head = encoder
            .request(&post, &[HOST, te(value)], Body::AsFields, &mut out)
            .unwrap();
        assert_eq!(head.framing, Framing::Chunked, "{value}");
    }
    // A comma inside a quoted parameter is no separator.
    assert_eq!(
        framing_of_response(&[te("foo;p=\",\", chunked")], Body::AsFields),
        Ok(Framing::Chunked)
    );
    assert_eq!(req(&post10, &[te("chunked")]), TransferEncodingInHttp10);
    assert_eq!(
        kind(request(&post10, &[], Body::Chunked)),
        TransferEncodingInHttp10
    );
    assert_eq!(
        kind(request(&post10, &[], Body::Streamed)),
        UnframedRequestBody
    );
    assert_eq!(
        kind(request(&post, &[HOST], Body::UntilClose)),
        UnframedRequestBody
    );

    let answering10 = Answering::new(MethodKind::Other, Version::Http10);
    let resp =
        |fields: &[Field<'_>], body, answering| kind(response(&ok(200), fields, body, answering));
    assert_eq!(
        resp(&[te("chunked"), cl], Body::AsFields, Answering::HTTP11),
        ContentLengthWithTransferEncoding
    );
    assert_eq!(
        resp(&[te("chunked")], Body::AsFields, answering10),
        TransferEncodingToHttp10
    );
    assert_eq!(
        resp(&[], Body::Chunked, answering10),
        TransferEncodingToHttp10
    );
    assert_eq!(
        resp(&[te("foo;p=\",chunked")], Body::AsFields, Answering::HTTP11),
        InvalidTransferEncoding
    );
    // Where the start line makes the fields ignored (a switch, a tunnel),
    // `ignored_framing_fields` passes them on unread, an HTTP/1.0
    // response's too (the decoder accepts it: the round trip of
    // examples/encode.rs), but never to an HTTP/1.0 client.
    // (Every option on, `ignored_framing_fields` among them.)
    let passing = EncoderOptions::verbatim();
    let switch_fields = [
        Field::new("Upgrade", "x"),
        Field::new("Connection", "upgrade"),
        te("chunked"),
    ];
    let tunnel = Answering::new(MethodKind::Connect, Version::Http10);
    let mut buf = [0u8; 256];
    for (line, fields, answering, expected) in [
        (
            StatusLine::new(Version::Http10, 101, "Switching Protocols"),
            &switch_fields[..],
            Answering::HTTP11,
            Ok(Framing::Upgrade),
        ),
        (
            StatusLine::new(Version::Http10, 200, "OK"),
            &[te("chunked")][..],
            Answering::new(MethodKind::Connect, Version::Http11),
            Ok(Framing::Upgrade),
        ),
        (
            ok(200),
            &[te("chunked")][..],
            tunnel,
            Err(TransferEncodingToHttp10),
        ),
    ] {
        let mut encoder = Encoder::server().with_options(passing);
        buf = [0u8; 256];
        let written = encoder.response(&line, fields, Body::AsFields, answering, &mut buf);
        assert_eq!(
            written.map(|w| w.framing).map_err(|e| e.kind()),
            expected,
            "{line:?}"
        );
        if expected.is_err() {
            assert!(buf.iter().all(|&b| b == 0));
        }
    }
    // In HTTP/1.1 both ways, the option passes the field on.
    let switch = StatusLine::new(Version::Http11, 101, "Switching Protocols");
    let mut encoder = Encoder::server().with_options(passing);
    assert!(encoder
        .response(
            &switch,
            &switch_fields,
            Body::AsFields,
            Answering::HTTP11,
            &mut buf
        )
        .is_ok());
    let status10 = StatusLine::new(Version::Http10, 200, "OK");
    assert_eq!(
        kind(response(&status10, &[], Body::Chunked, Answering::HTTP11)),
        TransferEncodingInHttp10
    );
    // Responses may use any coding the grammar allows, and end by close
    // when chunked is not last.
    assert_eq!(
        framing_of_response(&[te("foo;p=\"a, chunked\"")], Body::AsFields),
        Ok(Framing::Close)
    );
}

#[test]
fn host_refusals() {
    let get11 = GET;
    let get10 = line("GET", "/", Version::Http10);
    assert_eq!(kind(request(&get11, &[], Body::Empty)), MissingHost);
    // A user agent sends Host in HTTP/1.0 too (RFC 9110 section 7.2),
    // though a server must take a request without it; what the decoder
    // took may be written back with the option.
    let e = request(&get10, &[], Body::Empty).unwrap_err();
    assert_eq!((e.kind(), e.field(), e.byte()), (MissingHost, None, None));
    assert!(request(&get10, &[HOST], Body::Empty).is_ok());
    let options = EncoderOptions {
        http10_without_host: true,
        ..EncoderOptions::STRICT
    };
    let mut out = [0u8; 64];
    let mut encoder = Encoder::client().with_options(options);
    let head = encoder.request(&get10, &[], Body::Empty, &mut out).unwrap();
    assert_eq!(&out[..head.len], b"GET / HTTP/1.0\r\n\r\n");
    let mut encoder = Encoder::client().with_options(options);
    assert_eq!(
        kind(encoder.request(&get11, &[], Body::Empty, &mut out)),
        MissingHost,
        "HTTP/1.1 needs Host whatever the option says"
    );
    // Whatever else is wrong is said first.
    let e = request(&line("G T", "/", Version::Http10), &[], Body::Empty).unwrap_err();
    assert_eq!(e.kind(), InvalidMethod);
    let e = request(&get11, &[HOST, Field::new("host", "b")], Body::Empty).unwrap_err();
    assert_eq!((e.kind(), e.field()), (DuplicateHost, Some(1)));
    for (value, at) in [
        ("a b", 1),
        ("u@a", 1),
        ("a,b", 1),
        ("a:65536", 6),
        (":80", 0),
    ] {
        let e = request(&get10, &[Field::new("Host", value)], Body::Empty).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (InvalidHost, Some(0), Some(at)),
            "{value}"
        );
    }
    // With an absolute-form target, Host is its authority without the
    // userinfo, byte for byte (RFC 9112 section 3.2): a recipient routing
    // by Host and one routing by the target must not part ways.
    let absolute = line("GET", "http://a.example:8080/p?q", Version::Http11);
    // (The byte is the first that differs, or the first past the
    // authority; a Host that stops short of it has none to blame.)
    for (host, at) in [
        ("b.example", Some(0)),
        ("a.example", None),
        ("a.example:80", None),
        ("a.example:8081", Some(13)),
        ("A.example:8080", Some(0)),
        ("", None),
    ] {
        let fields = [Field::new("Accept", "*/*"), Field::new("Host", host)];
        let e = request(&absolute, &fields, Body::Empty).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (HostNotAuthority, Some(1), at),
            "{host}"
        );
    }
    let portless = line("GET", "http://a.example/", Version::Http11);
    let e = request(
        &portless,
        &[Field::new("Host", "a.example:80")],
        Body::Empty,
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.byte()),
        (HostNotAuthority, Some(9)),
        "past the authority"
    );
    let (bytes, _) = request(
        &absolute,
        &[Field::new("Host", "a.example:8080")],
        Body::Empty,
    )
    .unwrap();
    assert_eq!(
        bytes,
        b"GET http://a.example:8080/p?q HTTP/1.1\r\nHost: a.example:8080\r\n\r\n"
    );
    let no_path = line("OPTIONS", "http://a.example", Version::Http11);
    assert!(request(&no_path, &[Field::new("Host", "a.example")], Body::Empty).is_ok());
    let with_userinfo = line("GET", "ftp://u:p@a.example/", Version::Http11);
    assert!(request(
        &with_userinfo,
        &[Field::new("Host", "a.example")],
        Body::Empty
    )
    .is_ok());
    assert_eq!(
        kind(request(
            &with_userinfo,
            &[Field::new("Host", "u:p@a.example")],
            Body::Empty
        )),
        InvalidHost
    );
    // CONNECT's authority-form target is the target URI's authority (RFC
    // 9112 section 3.3): Host is the same, or its host without the port
    // (RFC 9110 section 9.3.6 itself sends `CONNECT server.example.com:80`
    // with `Host: server.example.com`). Origin-form is not held to it:
    // the encoder cannot know its authority.
    let connect = line("CONNECT", "a.example:443", Version::Http11);
    for host in ["a.example", "a.example:443"] {
        let fields = [Field::new("Host", host)];
        assert!(request(&connect, &fields, Body::AsFields).is_ok(), "{host}");
    }
    for (host, byte) in [
        ("b.example:443", Some(0)),
        ("a.example:444", Some(12)),
        ("a.exam", None),
    ] {
        let e = request(&connect, &[Field::new("Host", host)], Body::AsFields).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (HostNotAuthority, Some(0), byte),
            "{host}"
        );
    }
    let v6 = line("CONNECT", "[::1]:8443", Version::Http11);
    assert!(request(&v6, &[Field::new("Host", "[::1]")], Body::AsFields).is_ok());
    assert!(request(&GET, &[Field::new("Host", "b.example")], Body::Empty).is_ok());
    let options = EncoderOptions {
        host_other_than_authority: true,
        ..EncoderOptions::STRICT
    };
    let mut out = [0u8; 128];
    let mut encoder = Encoder::client().with_options(options);
    let head = encoder
        .request(
            &absolute,
            &[Field::new("Host", "b.example")],
            Body::Empty,
            &mut out,
        )
        .unwrap();
    assert_eq!(
        &out[..head.len],
        b"GET http://a.example:8080/p?q HTTP/1.1\r\nHost: b.example\r\n\r\n"
    );
    // Host means nothing special in a response.
    assert!(response(
        &ok(200),
        &[Field::new("Host", "a b"), Field::new("host", "c")],
        Body::Empty,
        Answering::HTTP11
    )
    .is_ok());
}

#[test]
fn a_buffer_too_small_is_left_untouched() {
    let fields = [HOST, Field::new("Accept", "*/*")];
    let (whole, _) = request(&GET, &fields, Body::Empty).unwrap();
    for size in 0..whole.len() {
        let mut out = vec![0xAA; size];
        let mut encoder = Encoder::client();
        let e = encoder
            .request(&GET, &fields, Body::Empty, &mut out)
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.required()),
            (BufferTooSmall, Some(whole.len()))
        );
        assert!(
            out.iter().all(|&b| b == 0xAA),
            "buffer of {size} was written"
        );
        assert!(encoder.is_idle(), "a refused head changes nothing");
    }
    let mut out = vec![0xAA; whole.len() + 3];
    let head = Encoder::client()
        .request(&GET, &fields, Body::Empty, &mut out)
        .unwrap();
    assert_eq!(&out[..head.len], &whole[..]);
    assert_eq!(&out[head.len..], &[0xAA; 3]);
    // The end of a chunked body too.
    let mut encoder = Encoder::server();
    encoder
        .response(
            &ok(200),
            &[],
            Body::Chunked,
            Answering::HTTP11,
            &mut [0; 128],
        )
        .unwrap();
    let trailers = [Field::new("Digest", "x")];
    let mut small = [0xAA; 15];
    let e = encoder.end(&trailers, &mut small).unwrap_err();
    assert_eq!(e.required(), Some(16));
    assert_eq!(small, [0xAA; 15]);
    let mut out = [0; 16];
    assert_eq!(encoder.end(&trailers, &mut out), Ok(16));
    assert_eq!(&out, b"0\r\nDigest: x\r\n\r\n");
}

#[test]
fn content_length_bodies_are_counted() {
    let mut encoder = Encoder::server();
    let mut out = [0u8; 128];
    encoder
        .response(&ok(200), &[], Body::Length(5), Answering::HTTP11, &mut out)
        .unwrap();
    assert_eq!(encoder.remaining(), Some(5));
    assert_eq!(encoder.body(3).unwrap(), BodyFrame::NONE);
    let e = encoder.body(3).unwrap_err();
    assert_eq!((e.kind(), e.byte()), (BodyTooLong, Some(2)));
    assert_eq!(
        encoder.remaining(),
        Some(2),
        "a refused piece counts nothing"
    );
    assert_eq!(encoder.body(0).unwrap(), BodyFrame::NONE);
    assert_eq!(encoder.body(1).unwrap(), BodyFrame::NONE);
    assert_eq!(kind(encoder.end(&[], &mut out)), BodyTooShort);
    assert_eq!(
        kind(encoder.end(&[Field::new("A", "b")], &mut out)),
        TrailersNotAllowed
    );
    assert_eq!(
        kind(encoder.response(&ok(200), &[], Body::Empty, Answering::HTTP11, &mut out)),
        MessageInProgress
    );
    encoder.body(1).unwrap();
    assert_eq!(encoder.end(&[], &mut out), Ok(0));
    assert!(encoder.is_idle());
    assert_eq!(kind(encoder.body(1)), NoMessage);
    assert_eq!(kind(encoder.end(&[], &mut out)), NoMessage);
}

#[test]
fn chunked_bodies_frame_each_piece() {
    let mut encoder = Encoder::client();
    let mut out = [0u8; 128];
    let post = line("POST", "/upload", Version::Http11);
    let head = encoder
        .request(&post, &[HOST], Body::Chunked, &mut out)
        .unwrap();
    assert_eq!(head.framing, Framing::Chunked);
    let frame = encoder.body(5).unwrap();
    assert_eq!(
        (frame.before(), frame.after()),
        (&b"5\r\n"[..], &b"\r\n"[..])
    );
    assert_eq!(frame.len(), 5);
    let frame = encoder.body(0x1000).unwrap();
    assert_eq!(frame.before(), b"1000\r\n");
    // An empty piece is no chunk: a zero-size chunk would end the body.
    let frame = encoder.body(0).unwrap();
    assert!(frame.is_empty());
    assert_eq!((frame.before(), frame.after()), (&b""[..], &b""[..]));
    let bad = [Field::new("Content-Length", "5")];
    let e = encoder.end(&bad, &mut out).unwrap_err();
    assert_eq!((e.kind(), e.field()), (ForbiddenTrailer, Some(0)));
    for name in ["Transfer-Encoding", "host"] {
        assert_eq!(
            kind(encoder.end(&[Field::new(name, "x")], &mut out)),
            ForbiddenTrailer
        );
    }
    let e = encoder
        .end(&[Field::new("A", "ok"), Field::new("B", "a\rb")], &mut out)
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field(), e.byte()),
        (InvalidFieldValue, Some(1), Some(1))
    );
    let n = encoder.end(&[], &mut out).unwrap();
    assert_eq!(&out[..n], b"0\r\n\r\n");
    assert!(encoder.is_idle());
}

/// RFC 9110 section 6.5.1: what must be known before the content is not
/// sent after it. Refused by default (named by its index), written by a
/// relay's option; the framing and routing fields whatever the options.
#[test]
fn trailers_that_belong_in_the_header_section_are_refused() {
    let post = line("POST", "/upload", Version::Http11);
    let chunked = |options: EncoderOptions| {
        let mut encoder = Encoder::client().with_options(options);
        let mut out = [0u8; 128];
        encoder
            .request(&post, &[HOST], Body::Chunked, &mut out)
            .unwrap();
        encoder
    };
    let mut relay = EncoderOptions::STRICT;
    relay.header_fields_in_trailers = true;
    let mut out = [0xa5u8; 128];
    for name in [
        "Content-Type",
        "expires",
        "Set-Cookie",
        "AUTHORIZATION",
        "If-None-Match",
        "Trailer",
        "TE",
        "Cache-Control",
        "Date",
        "Accept-Encoding",
        "Connection",
        "keep-alive",
        "Upgrade",
    ] {
        let trailers = [
            Field::new("Server-Timing", "db;dur=53"),
            Field::new(name, "x"),
        ];
        let mut strict = chunked(EncoderOptions::STRICT);
        let e = strict.end(&trailers, &mut out).unwrap_err();
        assert_eq!((e.kind(), e.field()), (ForbiddenTrailer, Some(1)), "{name}");
        assert!(out.iter().all(|&b| b == 0xa5), "{name}: nothing written");
        // The encoder is as it was: the message can still end.
        assert_eq!(strict.end(&trailers[..1], &mut out), Ok(31));
        let n = chunked(relay).end(&trailers, &mut out).unwrap();
        let (first, name_at) = (&b"0\r\nServer-Timing: db;dur=53\r\n"[..], 29);
        assert_eq!(&out[..name_at], first);
        assert_eq!(&out[name_at..name_at + name.len()], name.as_bytes());
        assert_eq!(&out[name_at + name.len()..n], b": x\r\n\r\n");
        out.fill(0xa5);
    }
    // Framing and routing fields: whatever the options.
    for name in ["Content-Length", "transfer-encoding", "Host"] {
        let e = chunked(EncoderOptions::verbatim())
            .end(&[Field::new(name, "1")], &mut out)
            .unwrap_err();
        assert_eq!(e.kind(), ForbiddenTrailer, "{name}");
    }
    // Names that only look alike are other fields.
    let lookalikes = [
        Field::new("Content-Types", "x"),
        Field::new("X-Date", "x"),
        Field::new("Age-", "x"),
    ];
    assert!(chunked(EncoderOptions::STRICT)
        .end(&lookalikes, &mut out)
        .is_ok());
}

#[test]
fn no_body_messages_take_no_data_and_upgrades_end_the_stream() {
    let mut out = [0u8; 128];
    let mut encoder = Encoder::client();
    encoder
        .request(&GET, &[HOST], Body::Empty, &mut out)
        .unwrap();
    assert!(encoder.body(0).unwrap().is_empty());
    assert_eq!(kind(encoder.body(1)), BodyNotAllowed);
    assert_eq!(encoder.end(&[], &mut out), Ok(0));

    let mut encoder = Encoder::server();
    let switching = StatusLine::new(Version::Http11, 101, "Switching Protocols");
    let upgrade = [
        Field::new("Connection", "upgrade"),
        Field::new("Upgrade", "websocket"),
    ];
    let head = encoder
        .response(
            &switching,
            &upgrade,
            Body::AsFields,
            Answering::HTTP11,
            &mut out,
        )
        .unwrap();
    assert_eq!(head.framing, Framing::Upgrade);
    assert_eq!(kind(encoder.body(1)), BodyNotAllowed);
    assert_eq!(encoder.end(&[], &mut out), Ok(0));
    assert!(encoder.is_ended());
    assert_eq!(
        kind(encoder.response(&ok(200), &[], Body::Empty, Answering::HTTP11, &mut out)),
        StreamEnded
    );
    assert_eq!(kind(encoder.body(0)), StreamEnded);
    assert_eq!(kind(encoder.end(&[], &mut out)), StreamEnded);

    // A body that runs to the end of the stream ends it.
    let mut encoder = Encoder::server();
    encoder
        .response(&ok(200), &[], Body::UntilClose, Answering::HTTP11, &mut out)
        .unwrap();
    assert!(encoder.body(1 << 20).unwrap().is_empty());
    assert_eq!(encoder.end(&[], &mut out), Ok(0));
    assert_eq!(
        kind(encoder.response(&ok(200), &[], Body::Empty, Answering::HTTP11, &mut out)),
        StreamEnded
    );
}

#[test]
fn each_encoder_writes_one_kind_of_message() {
    let mut out = [0u8; 128];
    assert_eq!(
        kind(Encoder::server().request(&GET, &[HOST], Body::Empty, &mut out)),
        WrongRole
    );
    assert_eq!(
        kind(Encoder::client().response(&ok(200), &[], Body::Empty, Answering::HTTP11, &mut out)),
        WrongRole
    );
}

#[test]
fn answering_follows_the_request_line() {
    let head = line("HEAD", "/", Version::Http10);
    assert_eq!(
        Answering::request(&head),
        Answering::new(MethodKind::Head, Version::Http10)
    );
    assert_eq!(
        Answering::request(&line("CONNECT", "a:1", Version::Http11)).method,
        MethodKind::Connect
    );
    assert_eq!(
        Answering::request(&line("head", "/", Version::Http11)).method,
        MethodKind::Other
    );
    assert_eq!(Answering::default(), Answering::HTTP11);
}

#[test]
fn errors_display_kind_field_and_byte() {
    let e = EncodeError::new(InvalidFieldValue).in_field(2).at_byte(7);
    assert_eq!(
        std::format!("{e}"),
        "invalid_field_value in field 2 at byte 7"
    );
    assert_eq!(
        std::format!("{}", EncodeError::buffer_too_small(9)),
        "buffer_too_small: 9 bytes needed"
    );
    assert_eq!(e.required(), None);
}

#[cfg(feature = "bytes")]
#[test]
fn writes_into_a_bufmut() {
    let mut wire: Vec<u8> = b"earlier bytes|".to_vec();
    let mut encoder = Encoder::server();
    encoder
        .response_into(
            &ok(200),
            &[Field::new("A", "b")],
            Body::Chunked,
            Answering::HTTP11,
            &mut wire,
        )
        .unwrap();
    encoder.body_into(b"hello", &mut wire).unwrap();
    encoder.body_into(b"", &mut wire).unwrap();
    encoder
        .end_into(&[Field::new("T", "1")], &mut wire)
        .unwrap();
    assert_eq!(
        wire,
        b"earlier bytes|HTTP/1.1 200 OK\r\nA: b\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT: 1\r\n\r\n"
    );
    let mut bytes = bytes::BytesMut::new();
    let mut encoder = Encoder::client();
    encoder
        .request_into(&GET, &[HOST], Body::Empty, &mut bytes)
        .unwrap();
    encoder.end_into(&[], &mut bytes).unwrap();
    assert_eq!(&bytes[..], b"GET / HTTP/1.1\r\nHost: a.example\r\n\r\n");
    // A bounded BufMut that is too small: nothing written, state kept.
    let mut encoder = Encoder::server();
    encoder
        .response_into(
            &ok(200),
            &[],
            Body::Length(4),
            Answering::HTTP11,
            &mut Vec::new(),
        )
        .unwrap();
    let mut small = [0u8; 3];
    let mut slice = &mut small[..];
    let e = encoder.body_into(b"abcd", &mut slice).unwrap_err();
    assert_eq!(e.required(), Some(4));
    assert_eq!(encoder.remaining(), Some(4));
    assert_eq!(small, [0; 3]);
}

/// Heads just under, at and over the length gathered on the stack before
/// one `put_slice` are written the same as into a slice: whole, after what
/// the `BufMut` held.
#[cfg(feature = "bytes")]
#[test]
fn a_bufmut_gets_the_same_head_at_every_length() {
    let value = [b'v'; 2 * super::GATHERED_HEAD];
    let mut lengths_seen = [false; 3];
    for value_len in 1..value.len() {
        let value = core::str::from_utf8(&value[..value_len]).unwrap();
        let fields = [Field::new("Server", "x"), Field::new("X-Pad", value)];
        let mut slice = [0u8; 3 * super::GATHERED_HEAD];
        let head = Encoder::server()
            .response(
                &ok(200),
                &fields,
                Body::Empty,
                Answering::HTTP11,
                &mut slice,
            )
            .unwrap();
        let mut wire: Vec<u8> = b"before".to_vec();
        let into = Encoder::server()
            .response_into(&ok(200), &fields, Body::Empty, Answering::HTTP11, &mut wire)
            .unwrap();
        assert_eq!(into, head);
        assert_eq!(&wire[..6], b"before");
        assert_eq!(&wire[6..], &slice[..head.len], "value of {value_len}");
        lengths_seen[(head.len.cmp(&super::GATHERED_HEAD) as i8 + 1) as usize] = true;
    }
    assert_eq!(
        lengths_seen, [true; 3],
        "under, at and over the gathered length"
    );
}

#[test]
fn a_relay_may_keep_framing_fields_every_recipient_ignores() {
    let relay = EncoderOptions {
        ignored_framing_fields: true,
        ..EncoderOptions::STRICT
    };
    let mut out = [0u8; 256];
    let switching = StatusLine::new(Version::Http11, 101, "Switching Protocols");
    for field in [
        Field::new("Content-Length", "10"),
        Field::new("Transfer-Encoding", "chunked"),
    ] {
        let fields = [Field::new("Upgrade", "h2c"), field, UPGRADE_OPTION];
        let strict = Encoder::server().response(
            &switching,
            &fields,
            Body::AsFields,
            Answering::HTTP11,
            &mut out,
        );
        assert_eq!(strict.unwrap_err().field(), Some(1));
        let mut encoder = Encoder::server().with_options(relay);
        let head = encoder
            .response(
                &switching,
                &fields,
                Body::AsFields,
                Answering::HTTP11,
                &mut out,
            )
            .unwrap();
        assert_eq!(head.framing, Framing::Upgrade, "the field changes nothing");
        assert_eq!(kind(encoder.body(1)), BodyNotAllowed);
    }
    // A CONNECT request's Content-Length, which the decoder ignores, but
    // not its Transfer-Encoding, which the decoder refuses.
    let connect = line("CONNECT", "a:443", Version::Http10);
    let cl = [
        Field::new("Host", "a:443"),
        Field::new("Content-Length", "10"),
    ];
    assert_eq!(
        kind(request(&connect, &cl, Body::AsFields)),
        FramingFieldNotAllowed
    );
    let mut encoder = Encoder::client().with_options(relay);
    assert_eq!(encoder.options(), relay);
    let head = encoder
        .request(&connect, &cl, Body::AsFields, &mut out)
        .unwrap();
    assert_eq!(head.framing, Framing::Upgrade);
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let connect11 = line("CONNECT", "a.example:443", Version::Http11);
    let mut encoder = Encoder::client().with_options(relay);
    assert_eq!(
        kind(encoder.request(&connect11, &[HOST, te[0]], Body::AsFields, &mut out)),
        FramingFieldNotAllowed
    );
    // Their values are not read: they frame nothing.
    let odd = [
        Field::new("Content-Length", "abc"),
        Field::new("Transfer-Encoding", "x, chunked, chunked"),
    ];
    let odd = [Field::new("Upgrade", "h2c"), odd[0], odd[1], UPGRADE_OPTION];
    let mut encoder = Encoder::server().with_options(relay);
    let head = encoder
        .response(
            &switching,
            &odd,
            Body::AsFields,
            Answering::HTTP11,
            &mut out,
        )
        .unwrap();
    assert_eq!(head.framing, Framing::Upgrade);
    // Both framings in one response stay refused: an intermediary must drop
    // the Content-Length (RFC 9112 section 6.3).
    let both = [
        Field::new("Transfer-Encoding", "chunked"),
        Field::new("Content-Length", "1"),
    ];
    let mut encoder = Encoder::server().with_options(relay);
    let e = encoder
        .response(&ok(200), &both, Body::AsFields, Answering::HTTP11, &mut out)
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ContentLengthWithTransferEncoding, Some(1))
    );
    // Except for a tool that writes back what the decoder accepted:
    // Transfer-Encoding frames the body, as the decoder reads it.
    let mut encoder = Encoder::server().with_options(EncoderOptions::verbatim());
    let head = encoder
        .response(&ok(200), &both, Body::AsFields, Answering::HTTP11, &mut out)
        .unwrap();
    assert_eq!(head.framing, Framing::Chunked);
    // A request with both stays refused: the decoder refuses it.
    let post = line("POST", "/", Version::Http11);
    let mut encoder = Encoder::client().with_options(EncoderOptions::verbatim());
    let e = encoder
        .request(&post, &[HOST, both[0], both[1]], Body::AsFields, &mut out)
        .unwrap_err();
    assert_eq!(e.kind(), ContentLengthWithTransferEncoding);
}

/// What a sender must not send although a strict decoder reads it: each
/// refused by default with its own kind, and written by
/// `EncoderOptions::verbatim` (the 1xx to HTTP/1.0 whatever the options).
#[test]
fn sender_rules_with_their_kinds() {
    let mut out = [0u8; 256];
    let answering10 = Answering::new(MethodKind::Other, Version::Http10);
    let upgrade = [Field::new("Upgrade", "websocket")];
    for options in [EncoderOptions::default(), EncoderOptions::verbatim()] {
        // RFC 9110 section 15.2: an HTTP/1.0 client takes a 1xx for the
        // final response; section 7.8: it cannot be upgraded.
        for (status, fields) in [(100, &[][..]), (103, &[][..]), (101, &upgrade[..])] {
            let e = Encoder::server()
                .with_options(options)
                .response(&ok(status), fields, Body::AsFields, answering10, &mut out)
                .unwrap_err();
            assert_eq!(e.kind(), InterimToHttp10, "{status}");
        }
    }
    // RFC 9110 section 15.2.2: a 101 names what it switches to.
    let e = response(
        &ok(101),
        &[Field::new("Connection", "upgrade")],
        Body::AsFields,
        Answering::HTTP11,
    )
    .unwrap_err();
    assert_eq!(e.kind(), MissingUpgrade);
    let head = Encoder::server()
        .with_options(EncoderOptions::verbatim())
        .response(&ok(101), &[], Body::AsFields, Answering::HTTP11, &mut out)
        .unwrap();
    assert_eq!(head.framing, Framing::Upgrade);
    let lower = [
        Field::new("upgrade", "h2c"),
        Field::new("connection", "UPGRADE"),
    ];
    assert!(response(&ok(101), &lower, Body::AsFields, Answering::HTTP11).is_ok());
    // Section 15.5.22: so does a 426, the protocols it requires.
    let e = response(&ok(426), &[], Body::Empty, Answering::HTTP11).unwrap_err();
    assert_eq!((e.kind(), e.field()), (MissingUpgrade, None));
    let required = [Field::new("Upgrade", "TLS/1.3"), UPGRADE_OPTION];
    assert!(response(&ok(426), &required, Body::Empty, Answering::HTTP11).is_ok());
    // Section 7.8: a sender of Upgrade lists `upgrade` in Connection, or a
    // recipient takes it for no offer (and a proxy forwards it); RFC 9112
    // section 7.4: the same for a request's TE. The error names the field.
    let bare = [
        Field::new("Connection", "keep-alive"),
        Field::new("Upgrade", "websocket"),
    ];
    let e = response(&ok(101), &bare, Body::AsFields, Answering::HTTP11).unwrap_err();
    assert_eq!((e.kind(), e.field()), (MissingConnectionOption, Some(1)));
    let e = response(&ok(426), &bare, Body::Empty, Answering::HTTP11).unwrap_err();
    assert_eq!((e.kind(), e.field()), (MissingConnectionOption, Some(1)));
    let e = request(&GET, &[HOST, bare[1]], Body::Empty).unwrap_err();
    assert_eq!((e.kind(), e.field()), (MissingConnectionOption, Some(1)));
    let offer = [HOST, bare[1], Field::new("Connection", "Upgrade")];
    assert!(request(&GET, &offer, Body::Empty).is_ok());
    let te = [HOST, Field::new("TE", "trailers")];
    let e = request(&GET, &te, Body::Empty).unwrap_err();
    assert_eq!((e.kind(), e.field()), (MissingConnectionOption, Some(1)));
    let te = [HOST, te[1], Field::new("Connection", "close, TE")];
    assert!(request(&GET, &te, Body::Empty).is_ok());
    // (TE is a request field: a response's means nothing to this rule.)
    let te_response = [Field::new("TE", "trailers")];
    assert!(response(&ok(200), &te_response, Body::Empty, Answering::HTTP11).is_ok());
    // RFC 9112 section 7.4: a client does not send `chunked` in TE (it is
    // always acceptable); the byte is the coding's first.
    for (value, at) in [
        ("chunked", 0),
        ("trailers, Chunked;q=0.5", 10),
        ("gzip;x=\"a,b\", CHUNKED", 14),
        // A `"` that opens no parameter value, or never closes, hides
        // nothing from a recipient that splits at commas.
        ("x\", chunked", 4),
        ("gzip;p=\"x, chunked", 11),
    ] {
        let te = [
            HOST,
            Field::new("Connection", "TE"),
            Field::new("te", value),
        ];
        let e = request(&GET, &te, Body::Empty).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (ChunkedInTe, Some(2), Some(at)),
            "{value}"
        );
        let mut relay = EncoderOptions::STRICT;
        relay.chunked_in_te = true;
        let mut encoder = Encoder::client().with_options(relay);
        assert!(encoder.request(&GET, &te, Body::Empty, &mut out).is_ok());
    }
    for value in ["trailers", "gzip;x=\"a,chunked\"", "chunked-ish"] {
        let te = [
            HOST,
            Field::new("Connection", "TE"),
            Field::new("TE", value),
        ];
        assert!(request(&GET, &te, Body::Empty).is_ok(), "{value}");
    }
    let te_response = [Field::new("TE", "chunked")];
    assert!(response(&ok(200), &te_response, Body::Empty, Answering::HTTP11).is_ok());
    // Section 10.1.1: no 100 (Continue) is expected of a request without
    // content.
    let other_first = [
        HOST,
        Field::new("Expect", "x-other"),
        Field::new("expect", "x-more, 100-Continue"),
    ];
    let e = request(&GET, &other_first, Body::Empty).unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ContinueWithoutBody, Some(2)),
        "the field that asks for it"
    );
    let expect = [HOST, Field::new("Expect", "100-continue")];
    for body in [Body::Empty, Body::Length(0), Body::AsFields] {
        let e = request(&GET, &expect, body).unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (ContinueWithoutBody, Some(1)),
            "{body:?}"
        );
    }
    let connect = line("CONNECT", "a.example:443", Version::Http11);
    let e = request(&connect, &expect, Body::AsFields).unwrap_err();
    assert_eq!(e.kind(), ContinueWithoutBody);
    let post = line("POST", "/", Version::Http11);
    for body in [Body::Length(1), Body::Chunked, Body::Streamed] {
        assert!(request(&post, &expect, body).is_ok(), "{body:?}");
    }
    // Each written back as the decoder takes it, by its option.
    let mut relay = EncoderOptions::STRICT;
    relay.missing_connection_option = true;
    relay.continue_without_body = true;
    for (fields, body) in [(&bare[..], Body::AsFields), (&expect[1..], Body::Empty)] {
        let mut encoder = Encoder::client().with_options(relay);
        assert!(encoder
            .request(&GET, &[&[HOST][..], fields].concat(), body, &mut out)
            .is_ok());
    }
    let mut encoder = Encoder::server().with_options(relay);
    assert!(encoder
        .response(&ok(101), &bare, Body::AsFields, Answering::HTTP11, &mut out)
        .is_ok());
    // RFC 9110 section 4.2.4: no userinfo in an http or https target,
    // the offset that of the userinfo.
    let proxied = line("GET", "http://user:pw@a.com/x", Version::Http11);
    let e = request(&proxied, &[HOST], Body::AsFields).unwrap_err();
    assert_eq!((e.kind(), e.byte()), (TargetUserinfo, Some(7)));
    let written = Encoder::client()
        .with_options(EncoderOptions::verbatim())
        .request(&proxied, &[HOST], Body::AsFields, &mut out)
        .unwrap();
    assert_eq!(&out[..25], b"GET http://user:pw@a.com/");
    assert_eq!(written.framing, Framing::None);
    // RFC 9112 section 3.2.1: an origin-form target is the path and
    // query, no fragment; refused at the `#`, written back by a relay.
    let fragment = line("GET", "/admin#/../x", Version::Http11);
    let e = request(&fragment, &[HOST], Body::AsFields).unwrap_err();
    assert_eq!((e.kind(), e.byte()), (TargetFragment, Some(6)));
    let written = Encoder::client()
        .with_options(EncoderOptions::verbatim())
        .request(&fragment, &[HOST], Body::AsFields, &mut out)
        .unwrap();
    assert_eq!(&out[..written.len][..24], b"GET /admin#/../x HTTP/1.");
    // A `#` in the query is the fragment's start too.
    let e = request(
        &line("GET", "/?a=#b", Version::Http11),
        &[HOST],
        Body::AsFields,
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.byte()), (TargetFragment, Some(4)));
    // An authority that breaks Host's rules is refused whatever the
    // options (the decoder refuses it), at its first bad byte.
    for (target, at) in [
        ("http://a.com\\@b/", 12),
        ("http:///x", 7),
        ("http://a.com:99999/", 17),
        // A fragment in absolute-form, which the decoder refuses too.
        ("http://a.com#@b.com/", 12),
        ("http://a.com/x#f", 14),
    ] {
        let e = Encoder::client()
            .with_options(EncoderOptions::verbatim())
            .request(
                &line("GET", target, Version::Http11),
                &[HOST],
                Body::AsFields,
                &mut out,
            )
            .unwrap_err();
        assert_eq!((e.kind(), e.byte()), (InvalidTarget, Some(at)), "{target}");
    }
    // Transfer-Encoding in an HTTP/1.0 message, even one the start line
    // frames (RFC 9112 section 6.1), whatever the options.
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let head_answer = Answering::new(MethodKind::Head, Version::Http11);
    for options in [EncoderOptions::default(), EncoderOptions::verbatim()] {
        for (status, answering) in [(304, Answering::HTTP11), (200, head_answer)] {
            let line10 = StatusLine::new(Version::Http10, status, "X");
            let e = Encoder::server()
                .with_options(options)
                .response(&line10, &te, Body::AsFields, answering, &mut out)
                .unwrap_err();
            assert_eq!(
                (e.kind(), e.field()),
                (TransferEncodingInHttp10, Some(0)),
                "{status}"
            );
        }
    }
}

#[test]
fn errors_about_the_added_field_name_no_field_of_the_caller() {
    let post10 = line("POST", "/", Version::Http10);
    let e = request(&post10, &[], Body::Chunked).unwrap_err();
    assert_eq!((e.kind(), e.field()), (TransferEncodingInHttp10, None));
    let answering10 = Answering::new(MethodKind::Other, Version::Http10);
    let e = response(
        &ok(200),
        &[Field::new("A", "b")],
        Body::Chunked,
        answering10,
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), (TransferEncodingToHttp10, None));
}

/// `resume` goes back to HTTP/1 only after a message framed as an upgrade
/// (a CONNECT the proxy refused): after a body that ran to the end of the
/// stream nothing can follow, and it does nothing.
#[test]
fn resume_only_after_a_switch_that_did_not_happen() {
    let mut out = [0u8; 256];
    let mut client = Encoder::client();
    let connect = line("CONNECT", "a.example:443", Version::Http11);
    client
        .request(&connect, &[HOST], Body::Empty, &mut out)
        .unwrap();
    client.end(&[], &mut out).unwrap();
    assert!(client.is_ended());
    assert_eq!(
        kind(client.request(&GET, &[HOST], Body::Empty, &mut out)),
        StreamEnded
    );
    client.resume();
    assert!(client.is_idle());
    client
        .request(&GET, &[HOST], Body::Empty, &mut out)
        .unwrap();

    let mut server = Encoder::server();
    server
        .response(&ok(200), &[], Body::UntilClose, Answering::HTTP11, &mut out)
        .unwrap();
    server.end(&[], &mut out).unwrap();
    server.resume();
    assert!(server.is_ended());
    assert_eq!(
        kind(server.response(&ok(200), &[], Body::Empty, Answering::HTTP11, &mut out)),
        StreamEnded
    );
    // Nor after a server's switch, which always happens.
    let mut server = Encoder::server();
    let connect = Answering::new(MethodKind::Connect, Version::Http11);
    server
        .response(&ok(200), &[], Body::AsFields, connect, &mut out)
        .unwrap();
    server.end(&[], &mut out).unwrap();
    server.resume();
    assert!(server.is_ended());
    // Nor in the middle of a message.
    let mut server = Encoder::server();
    server
        .response(&ok(200), &[], Body::Length(1), Answering::HTTP11, &mut out)
        .unwrap();
    server.resume();
    assert_eq!(kind(server.end(&[], &mut out)), BodyTooShort);
}

/// A HEAD or 304 answer takes GET's body choices and must agree with its
/// fields' framing as GET's answer must: an empty body against a stated
/// length, or a streamed one against a coding that runs to the close, is
/// the conflict it is for GET. (A review found HEAD and 304 taking them.)
#[test]
fn a_bodyless_answer_agrees_with_its_fields_as_get_must() {
    let head = Answering::new(MethodKind::Head, Version::Http11);
    let not_modified = StatusLine::new(Version::Http11, 304, "Not Modified");
    let cl = [Field::new("Content-Length", "5")];
    let gzip = [Field::new("Transfer-Encoding", "gzip")];
    let chunked = [Field::new("Transfer-Encoding", "chunked")];
    for (status, answering) in [(&ok(200), head), (&not_modified, Answering::HTTP11)] {
        for (fields, body) in [
            (&cl[..], Body::Empty),
            (&cl[..], Body::Length(6)),
            (&cl[..], Body::Chunked),
            (&chunked[..], Body::Empty),
            (&chunked[..], Body::UntilClose),
            (&gzip[..], Body::Streamed),
            (&gzip[..], Body::Chunked),
        ] {
            let get = kind(response(&ok(200), fields, body, Answering::HTTP11));
            assert_eq!(get, FramingConflict, "GET: {fields:?} {body:?}");
            let bodyless = kind(response(status, fields, body, answering));
            assert_eq!(bodyless, get, "{status:?}: {fields:?} {body:?}");
        }
        // What agrees is taken, with no framing field added.
        for (fields, body) in [
            (&cl[..], Body::Length(5)),
            (&chunked[..], Body::Chunked),
            (&chunked[..], Body::Streamed),
            (&gzip[..], Body::UntilClose),
        ] {
            let (bytes, framing) = response(status, fields, body, answering).unwrap();
            assert_eq!(framing, Framing::None);
            let text = core::str::from_utf8(&bytes).unwrap();
            assert_eq!(
                text.matches("Content-Length").count(),
                fields
                    .iter()
                    .filter(|f| f.name_is("content-length"))
                    .count()
            );
        }
    }
}

/// On a 32-bit target, fields borrowing one large value several times
/// add up past `usize::MAX`: the head is too large for any buffer, and
/// nothing is written (the sum once wrapped to a small number, and the
/// call wrote a partial head as if whole). Compiled for 32-bit targets
/// only: on 64-bit ones no such sum fits in memory.
#[test]
#[cfg(target_pointer_width = "32")]
fn head_lengths_do_not_wrap() {
    let big = vec![b'a'; 1 << 30];
    let fields: Vec<Field<'_>> = (0..4)
        .map(|_| Field {
            name: b"X",
            value: &big,
        })
        .collect();
    let mut out = [0xAAu8; 64];
    let error = Encoder::server()
        .response(&ok(200), &fields, Body::Empty, Answering::HTTP11, &mut out)
        .unwrap_err();
    assert_eq!(
        (error.kind(), error.required()),
        (BufferTooSmall, Some(usize::MAX))
    );
    assert!(out.iter().all(|&b| b == 0xAA));
}

/// `tight_fields`: the caller's fields and trailers as `name:value`, the
/// fields the encoder adds as ever; the length measured to the byte.
#[test]
fn tight_fields_leave_out_the_space_after_the_colon() {
    let mut options = EncoderOptions::STRICT;
    options.tight_fields = true;
    let post = line("POST", "/", Version::Http11);
    let fields = [HOST, Field::new("X", "1")];
    let mut out = Vec::new();
    let mut encoder = Encoder::client().with_options(options);
    encoder
        .request_into(&post, &fields, Body::Chunked, &mut out)
        .unwrap();
    encoder.end_into(&[Field::new("T", "v")], &mut out).unwrap();
    assert_eq!(
        out,
        b"POST / HTTP/1.1\r\nHost:a.example\r\nX:1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT:v\r\n\r\n"
    );
    // Into a slice: exactly the head's size is enough, one byte less not.
    let head_len = out.len() - b"0\r\nT:v\r\n\r\n".len();
    let mut exact = vec![0u8; head_len];
    let mut encoder = Encoder::client().with_options(options);
    let short = encoder.request(&post, &fields, Body::Chunked, &mut exact[..head_len - 1]);
    assert_eq!(short.unwrap_err().required(), Some(head_len));
    let written = encoder
        .request(&post, &fields, Body::Chunked, &mut exact)
        .unwrap();
    assert_eq!((written.len, &exact[..]), (head_len, &out[..head_len]));
    let mut end = [0u8; 10];
    assert_eq!(encoder.end(&[Field::new("T", "v")], &mut end).unwrap(), 10);
    assert_eq!(&end, b"0\r\nT:v\r\n\r\n");
    assert!(encoder.end(&[], &mut end).is_err());
}

/// A head read at its limits (a field line of 16 KiB, written with no
/// space after its colon) is written back within them with
/// `tight_fields`, and one byte past them without (the round trip of
/// `examples/encode.rs` failed on such streams: found by review).
#[test]
fn a_head_at_its_limits_is_written_back_within_them() {
    use crate::{Config, Decoder, Event, Status};
    let mut input = b"GET / HTTP/1.1\r\nHost: a\r\nX:".to_vec();
    input.resize(input.len() + 16_382, b'v');
    input.extend_from_slice(b"\r\n\r\n");
    let read_back = |wire: &[u8]| -> Result<usize, crate::Error> {
        let mut decoder = Decoder::server(Config::default());
        let (mut at, mut fields) = (0, 0);
        loop {
            let step = decoder.decode(&wire[at..])?;
            at += step.consumed;
            match step.status {
                Status::Event(Event::Header(_)) => fields += 1,
                Status::Event(Event::MessageEnd) => return Ok(fields),
                _ => {}
            }
        }
    };
    assert_eq!(read_back(&input), Ok(2));
    let get = line("GET", "/", Version::Http11);
    let value = &input[27..27 + 16_382];
    let fields = [Field::new("Host", "a"), Field { name: b"X", value }];
    for (tight, fits) in [(true, true), (false, false)] {
        let mut options = EncoderOptions::STRICT;
        options.tight_fields = tight;
        let mut wire = Vec::new();
        Encoder::client()
            .with_options(options)
            .request_into(&get, &fields, Body::Empty, &mut wire)
            .unwrap();
        assert_eq!(read_back(&wire).is_ok(), fits, "tight {tight}");
    }
}

/// `Debug` shows what the accessors say (no size but for a buffer too
/// small), and a refusal converts to an `io::Error` that carries it.
#[cfg(feature = "std")]
#[test]
fn an_encode_error_debugs_its_accessors_and_converts_to_io() {
    let e = EncodeError::new(InvalidFieldValue).in_field(2).at_byte(3);
    assert_eq!(
        std::format!("{e:?}"),
        "EncodeError { kind: InvalidFieldValue, field: Some(2), byte: Some(3), required: None }"
    );
    let small = EncodeError::buffer_too_small(40);
    assert!(std::format!("{small:?}").ends_with("required: Some(40) }"));
    let io = std::io::Error::from(e);
    assert_eq!(io.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(
        io.get_ref()
            .and_then(|inner| inner.downcast_ref::<EncodeError>()),
        Some(&e)
    );
}

/// When a response's fields carry both framing fields (which the decoder reads
/// with Transfer-Encoding winning, RFC 9112 section 6.3) and the body asked for
/// disagrees with them, the FramingConflict names the first framing field the
/// caller gave, as `stated_at`'s doc and the single-field cases do, whichever
/// of the two comes first.
#[test]
fn a_conflict_with_both_framing_fields_names_the_first_of_them() {
    let te = Field::new("Transfer-Encoding", "chunked");
    let cl = Field::new("Content-Length", "5");
    let other = Field::new("X-A", "1");
    for (fields, first) in [
        ([other, te, cl], 1),
        ([other, cl, te], 1),
        ([cl, other, te], 0),
    ] {
        let e = framing_of_response(&fields, Body::Length(5)).unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (FramingConflict, Some(first)),
            "{fields:?}"
        );
    }
}
