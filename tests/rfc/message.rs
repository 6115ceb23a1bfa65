//! RFC 9112 sections 2 to 5 (message format and parsing, the HTTP
//! version, the request line and its four target forms, the status line,
//! field-line syntax and obs-fold), RFC 9110 section 2.5 (protocol
//! versions) and section 5.6.2 (tokens) where they shape those lines.
//! Requests are read through [`server`], responses through [`client`];
//! the sender's side through `Encoder::client().request(...)` and
//! `Encoder::server().response(...)`.

use h1wire::{
    Answering, Body, Config, ConnState, ConnectionConfig, EncodeError, EncodeErrorKind, Encoder,
    ErrorKind, Field, Framing, Lenient, MethodKind, Reading, RequestLine, StatusLine, Version,
};
use h1wire_testkit::{body, drive_heads, header, request, Ev, Pieces, Reads, Trace};

use super::{client, client_with, complete, error_of, refusal, serve, server, server_with};

// ---------------------------------------------------------------------
// Helpers

/// The strict profile with some lenient readings turned on.
fn lenient(set: impl FnOnce(&mut Lenient)) -> Config {
    let mut config = Config::default();
    set(&mut config.lenient);
    config
}

/// The token characters of RFC 9110 section 5.6.2, written out here (not
/// taken from the crate or the test kit) so that the loops below hold both
/// decoders and both encoders to the RFC's own list.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A request head as the client's encoder writes it, or its refusal.
fn encode_request(
    line: &RequestLine<'_>,
    fields: &[Field<'_>],
    body: Body,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = vec![0u8; 64 * 1024];
    let head = Encoder::client().request(line, fields, body, &mut out)?;
    out.truncate(head.len);
    Ok(out)
}

/// A response head as the server's encoder writes it, or its refusal.
fn encode_response(
    line: &StatusLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    answering: Answering,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = vec![0u8; 4096];
    let head = Encoder::server().response(line, fields, body, answering, &mut out)?;
    out.truncate(head.len);
    Ok(out)
}

/// A GET of `target` with one Host.
fn get(target: &str) -> RequestLine<'_> {
    RequestLine::new("GET", target, Version::Http11)
}

const HOST: [Field<'static>; 1] = [Field::new("Host", "a.example")];

/// The events of a stream that ended in an error before any event: just
/// that error.
#[track_caller]
fn refused_at_once(trace: &Trace, input: &[u8], kind: ErrorKind, at: u64) {
    assert_eq!(
        trace.events(input),
        [Ev::Error(kind, at)],
        "{}",
        h1wire_testkit::esc(input)
    );
}

// ---------------------------------------------------------------------
// RFC 9112 2.2: a message is a sequence of octets

/// RFC 9112 2.2: a recipient "MUST parse an HTTP message as a sequence of
/// octets": bytes that a character decoder would take for a line break
/// (U+2028 in UTF-8, NEL 0x85) end no line, and an LF after a byte that
/// starts a multibyte sequence is still an LF (here a bare one, refused),
/// never swallowed into a character.
#[test]
fn a_message_is_read_as_octets_not_characters() {
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nX: \xe2\x80\xa8\x85z\r\n\r\n";
    assert_eq!(
        server(input).events(input),
        [
            request("GET", "/", Version::Http11),
            header("Host", "a"),
            Ev::Header(b"X".to_vec(), b"\xe2\x80\xa8\x85z".to_vec()),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
        ]
    );
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nX: \xc0\nY: 1\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace), Some((ErrorKind::BareLf, 29)));
    assert_eq!(
        trace.events(input).len(),
        3,
        "the request line and Host only"
    );

    let input = b"HTTP/1.1 200 \xc3\x89t\xc3\xa9\r\nX: \xe2\x80\xa8\r\nContent-Length: 0\r\n\r\n";
    assert_eq!(
        client(&[MethodKind::Other], input).events(input),
        [
            Ev::Response {
                version: Version::Http11,
                status: 200,
                reason: b"\xc3\x89t\xc3\xa9".to_vec(),
            },
            Ev::Header(b"X".to_vec(), b"\xe2\x80\xa8".to_vec()),
            header("Content-Length", "0"),
            Ev::HeadEnd(Framing::Length(0)),
            Ev::MessageEnd,
        ]
    );
}

// ---------------------------------------------------------------------
// RFC 9112 2.2: line ends

/// RFC 9112 2.2: a recipient "MAY recognize a single LF as a line
/// terminator"; the strict profile does not, in any line of a head, in
/// either role (`Lenient::bare_lf` does).
#[test]
fn a_bare_lf_ends_no_head_line_in_the_strict_profile() {
    for (input, at) in [
        (&b"GET / HTTP/1.1\nHost: a\r\n\r\n"[..], 14),
        (b"GET / HTTP/1.1\r\nHost: a\n\r\n", 23),
        (b"GET / HTTP/1.1\r\nHost: a\r\n\n", 25),
    ] {
        let trace = server(input);
        assert_eq!(error_of(&trace), Some((ErrorKind::BareLf, at)));
        assert_eq!(complete(&trace), 0);
    }
    for (input, at) in [
        (&b"HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n"[..], 15),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n", 34),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n", 36),
    ] {
        let trace = client(&[MethodKind::Other], input);
        assert_eq!(error_of(&trace), Some((ErrorKind::BareLf, at)));
        assert_eq!(complete(&trace), 0);
    }
}

/// RFC 9112 2.2 (MAY): with `Lenient::bare_lf` a lone LF ends a head line
/// as CRLF does, the message reads as its CRLF twin, and the reading is
/// recorded where it was first used.
#[test]
fn lenient_bare_lf_reads_a_lone_lf_as_a_line_end_and_records_it() {
    let config = lenient(|l| l.bare_lf = true);
    let crlf = b"GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nz";
    let lf = b"GET /x HTTP/1.1\nHost: a\nContent-Length: 1\n\nz";
    let strict = server(crlf);
    let read = server_with(config, lf);
    assert_eq!(read.events(lf), strict.events(crlf));
    assert!(strict.reduction.messages[0]
        .head_readings
        .unwrap()
        .is_empty());
    let readings = read.reduction.messages[0].head_readings.unwrap();
    assert_eq!(readings.first_use(Reading::BareLf), Some(15));

    let lf = b"HTTP/1.1 200 OK\nContent-Length: 0\n\n";
    let read = client_with(config, &[MethodKind::Other], lf);
    assert_eq!(complete(&read), 1);
    let readings = read.reduction.messages[0].head_readings.unwrap();
    assert_eq!(readings.first_use(Reading::BareLf), Some(15));
}

/// RFC 9112 2.2: a recipient of a bare CR "MUST consider that element to
/// be invalid or replace each bare CR with SP"; h1wire refuses it wherever
/// it stands in a head, in either role, at its offset, and delivers
/// nothing of the line it is in.
#[test]
fn a_bare_cr_makes_its_element_invalid() {
    for (input, at) in [
        (&b"G\rET / HTTP/1.1\r\nHost: a\r\n\r\n"[..], 1),
        (b"GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 5),
        (b"GET / HTTP/1.1\rHost: a\r\n\r\n", 14),
        (b"GET / HTTP/1.1\r\nHo\rst: a\r\n\r\n", 18),
        (b"GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", 23),
        (b"GET / HTTP/1.1\r\nHost: a\r\n\r\r\n", 25),
    ] {
        let trace = server(input);
        assert_eq!(error_of(&trace), Some((ErrorKind::BareCr, at)), "{input:?}");
        assert_eq!(complete(&trace), 0);
        assert!(!trace.events(input).contains(&header("Host", "a b")));
    }
    for (input, at) in [
        (&b"HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n"[..], 14),
        (
            b"HTTP/1.1 200 OK\r\nX: a\rb\r\nContent-Length: 0\r\n\r\n",
            21,
        ),
    ] {
        let trace = client(&[MethodKind::Other], input);
        assert_eq!(error_of(&trace), Some((ErrorKind::BareCr, at)));
        assert_eq!(complete(&trace), 0);
    }
}

/// RFC 9112 2.2: "A sender MUST NOT generate a bare CR" in any protocol
/// element: both encoders refuse a CR (or LF) in the method, the target,
/// a field name or value, or the reason, naming the byte.
#[test]
fn a_bare_cr_is_never_written() {
    let line = RequestLine::new("GE\rT", "/", Version::Http11);
    assert_eq!(
        refusal(encode_request(&line, &HOST, Body::Empty)),
        (EncodeErrorKind::InvalidMethod, None, Some(2))
    );
    assert_eq!(
        refusal(encode_request(&get("/a\rb"), &HOST, Body::Empty)),
        (EncodeErrorKind::InvalidTarget, None, Some(2))
    );
    let fields = [HOST[0], Field::new("X\r", "1")];
    assert_eq!(
        refusal(encode_request(&get("/"), &fields, Body::Empty)),
        (EncodeErrorKind::InvalidFieldName, Some(1), Some(1))
    );
    for value in ["a\rb", "a\nb", "a\r"] {
        let fields = [HOST[0], Field::new("X", value)];
        assert_eq!(
            refusal(encode_request(&get("/"), &fields, Body::Empty)),
            (EncodeErrorKind::InvalidFieldValue, Some(1), Some(1))
        );
        assert_eq!(
            refusal(encode_response(
                &StatusLine::new(Version::Http11, 200, "OK"),
                &fields[1..],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidFieldValue, Some(0), Some(1))
        );
    }
    for reason in ["O\rK", "O\nK", "\r\nSet-Cookie: a=b"] {
        let status = StatusLine::new(Version::Http11, 200, reason);
        let at = reason.find(['\r', '\n']).unwrap();
        assert_eq!(
            refusal(encode_response(
                &status,
                &[],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidReason, None, Some(at))
        );
    }
}

/// RFC 9112 2.1/2.2: the start line and each field line end in CRLF, and
/// the head in an empty line: the exact bytes of both encoders.
#[test]
fn the_encoders_end_every_head_line_in_crlf() {
    let fields = [HOST[0], Field::new("Accept", "*/*")];
    assert_eq!(
        encode_request(&get("/x?y"), &fields, Body::Empty).unwrap(),
        b"GET /x?y HTTP/1.1\r\nHost: a.example\r\nAccept: */*\r\n\r\n"
    );
    let status = StatusLine::new(Version::Http11, 404, "Not Found");
    assert_eq!(
        encode_response(
            &status,
            &[Field::new("X", "1")],
            Body::Length(3),
            Answering::HTTP11
        )
        .unwrap(),
        b"HTTP/1.1 404 Not Found\r\nX: 1\r\nContent-Length: 3\r\n\r\n"
    );
}

// ---------------------------------------------------------------------
// RFC 9112 2.2: empty lines before a request line

/// RFC 9112 2.2: a server "SHOULD ignore at least one empty line (CRLF)
/// received prior to the request-line", as old HTTP/1.0 clients sent one
/// after a POST body.
#[test]
fn one_empty_line_before_a_request_line_is_ignored() {
    let input = b"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(complete(&trace), 1);
    assert_eq!(trace.events(input)[0], request("GET", "/", Version::Http11));

    let input = b"POST / HTTP/1.0\r\nContent-Length: 1\r\n\r\nx\r\nGET /next HTTP/1.0\r\n\r\n";
    let trace = server(input);
    assert_eq!(complete(&trace), 2);
    assert_eq!(error_of(&trace), None);
    assert!(trace
        .events(input)
        .contains(&request("GET", "/next", Version::Http10)));
}

/// RFC 9112 2.2 (SHOULD ignore "at least one"): the strict profile
/// ignores exactly one; a second empty line is where a request line
/// should be, and is refused as one (an empty method), even with
/// `Lenient::bare_lf`.
#[test]
fn a_second_empty_line_before_a_request_line_is_refused() {
    let input = b"\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    refused_at_once(&server(input), input, ErrorKind::InvalidMethod, 2);

    let input = b"POST / HTTP/1.0\r\nContent-Length: 1\r\n\r\nx\r\n\r\nGET / HTTP/1.0\r\n\r\n";
    let trace = server(input);
    assert_eq!(complete(&trace), 1);
    assert_eq!(error_of(&trace), Some((ErrorKind::InvalidMethod, 41)));

    let input = b"\n\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server_with(lenient(|l| l.bare_lf = true), input);
    refused_at_once(&trace, input, ErrorKind::InvalidMethod, 1);
    // One bare LF alone is the one empty line, with bare_lf on.
    let input = b"\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    assert_eq!(
        complete(&server_with(lenient(|l| l.bare_lf = true), input)),
        1
    );
    refused_at_once(&server(input), input, ErrorKind::BareLf, 0);
}

/// RFC 9112 2.2: the empty-line allowance is for a server expecting a
/// request line; the strict client skips no empty line before a status
/// line.
#[test]
fn no_empty_line_is_skipped_before_a_status_line() {
    let input = b"\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    refused_at_once(
        &client(&[MethodKind::Other], input),
        input,
        ErrorKind::InvalidVersion,
        0,
    );
}

/// RFC 9112 2.2: "A user agent MUST NOT preface or follow a request with
/// an extra CRLF": the client's encoder writes the head, the body as the
/// caller gives it, and nothing after it.
#[test]
fn a_client_never_prefaces_or_follows_a_request_with_an_extra_crlf() {
    let mut encoder = Encoder::client();
    let mut wire = Vec::new();
    let line = RequestLine::new("POST", "/form", Version::Http10);
    encoder
        .request_into(&line, &HOST, Body::Length(3), &mut wire)
        .unwrap();
    let frame = encoder.body(3).unwrap();
    wire.extend_from_slice(frame.before());
    wire.extend_from_slice(b"a=b");
    wire.extend_from_slice(frame.after());
    encoder.end_into(&[], &mut wire).unwrap();
    encoder
        .request_into(&get("/"), &HOST, Body::Empty, &mut wire)
        .unwrap();
    encoder.end_into(&[], &mut wire).unwrap();
    assert_eq!(
        wire,
        b"POST /form HTTP/1.0\r\nHost: a.example\r\nContent-Length: 3\r\n\r\na=bGET / HTTP/1.1\r\nHost: a.example\r\n\r\n"
    );
}

// ---------------------------------------------------------------------
// RFC 9112 2.2: whitespace between the start line and the first field line

/// RFC 9112 2.2: a recipient of whitespace between the start line and the
/// first field line "MUST either reject the message as invalid or consume
/// each whitespace-preceded line without further processing"; h1wire
/// rejects it, in both roles and whatever the lenient options (the line is
/// never delivered as a field, nor silently dropped).
#[test]
fn whitespace_before_the_first_field_line_is_refused() {
    for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
        for input in [
            &b"GET / HTTP/1.1\r\n Host: a\r\n\r\n"[..],
            b"GET / HTTP/1.1\r\n\tX: y\r\nHost: a\r\n\r\n",
        ] {
            let trace = server_with(config, input);
            assert_eq!(
                trace.events(input),
                [
                    request("GET", "/", Version::Http11),
                    Ev::Error(ErrorKind::ObsFold, 16)
                ]
            );
            assert_eq!(ErrorKind::ObsFold.status_hint(), 400);
        }
        let input = b"HTTP/1.1 200 OK\r\n X: y\r\nContent-Length: 0\r\n\r\n";
        let trace = client_with(config, &[MethodKind::Other], input);
        assert_eq!(error_of(&trace), Some((ErrorKind::ObsFold, 17)));
        assert_eq!(complete(&trace), 0);
    }
}

/// RFC 9112 2.2: "A sender MUST NOT send whitespace between the
/// start-line and the first header field": a field name starting with
/// whitespace is refused by both encoders.
#[test]
fn a_sender_cannot_start_the_field_section_with_whitespace() {
    for name in [" Host", "\tX"] {
        let fields = [Field::new(name, "a.example")];
        assert_eq!(
            refusal(encode_request(&get("/"), &fields, Body::Empty)),
            (EncodeErrorKind::InvalidFieldName, Some(0), Some(0))
        );
        let status = StatusLine::new(Version::Http11, 200, "OK");
        assert_eq!(
            refusal(encode_response(
                &status,
                &fields,
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidFieldName, Some(0), Some(0))
        );
    }
}

/// RFC 9112 2.2: a server receiving octets that do not match the grammar
/// "SHOULD respond with a 400 (Bad Request) response and close the
/// connection": the server connection's error hints 400, reads nothing
/// more (not the valid request pipelined behind), and its one answer
/// says `Connection: close` and closes it.
#[test]
fn a_malformed_request_is_answered_400_and_the_connection_closes() {
    let mut conn = h1wire::server::Connection::new(ConnectionConfig::default());
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nX : y\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n";
    let (ended, error) = serve(&mut conn, input);
    let error = error.expect("the malformed request is refused");
    assert_eq!(
        (ended, error.kind(), error.offset()),
        (0, ErrorKind::WhitespaceBeforeColon, 26)
    );
    assert_eq!(error.status_hint(), 400);
    assert_eq!(
        conn.decode(&input[40..]).unwrap_err(),
        error,
        "nothing more is read"
    );
    let mut out = Vec::new();
    let line = StatusLine::new(Version::Http11, error.status_hint(), "Bad Request");
    conn.response_into(&line, &[], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    assert_eq!(
        out,
        b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(conn.state(), ConnState::Closed);
}

// ---------------------------------------------------------------------
// RFC 9112 2.3, RFC 9110 2.5: the HTTP version

/// RFC 9112 2.3: "HTTP-version is case-sensitive" (`HTTP-name` is
/// `%s"HTTP"`): `http/1.1` and `Http/1.1` are no version, in either role.
#[test]
fn the_http_name_is_case_sensitive() {
    for version in ["http/1.1", "Http/1.1", "HTTp/1.1"] {
        let input = format!("GET / {version}\r\nHost: a\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(
            error_of(&trace).map(|e| e.0),
            Some(ErrorKind::InvalidVersion)
        );
    }
    let input = b"GET / http/1.1\r\nHost: a\r\n\r\n";
    refused_at_once(&server(input), input, ErrorKind::InvalidVersion, 6);
    let input = b"http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    refused_at_once(
        &client(&[MethodKind::Other], input),
        input,
        ErrorKind::InvalidVersion,
        0,
    );
}

/// RFC 9112 2.3: `HTTP-version = HTTP-name "/" DIGIT "." DIGIT`, one digit
/// each, and the request line ends right after it.
#[test]
fn a_version_is_one_digit_a_dot_and_one_digit() {
    for (version, at) in [
        ("HTTP/1.10", 14),
        ("HTTP/01.1", 6),
        ("HTTP/1", 6),
        ("HTTP/1.", 6),
        ("HTTP/1.x", 6),
        ("HTTP/1.1 ", 14),
        ("HTTP /1.1", 6),
    ] {
        let input = format!("GET / {version}\r\nHost: a\r\n\r\n");
        let trace = server(input.as_bytes());
        refused_at_once(&trace, input.as_bytes(), ErrorKind::InvalidVersion, at);
    }
    for (input, at) in [
        (&b"HTTP/1.01 200 OK\r\n\r\n"[..], 8),
        (b"HTTP/1 200 OK\r\n\r\n", 0),
    ] {
        refused_at_once(
            &client(&[MethodKind::Other], input),
            input,
            ErrorKind::InvalidVersion,
            at,
        );
    }
}

/// RFC 9110 2.5: a server "can send a 505 (HTTP Version Not Supported)"
/// to refuse "the client's major protocol version": h1wire implements
/// major version 1 only; any other well-formed version is refused with
/// its own kind, whose hint is 505, and a client refuses such a response.
#[test]
fn another_major_version_is_refused_with_505() {
    for version in ["HTTP/0.9", "HTTP/2.0", "HTTP/3.0", "HTTP/9.9"] {
        let input = format!("GET / {version}\r\nHost: a\r\n\r\n");
        refused_at_once(
            &server(input.as_bytes()),
            input.as_bytes(),
            ErrorKind::UnsupportedVersion,
            6,
        );
        let input = format!("{version} 200 OK\r\nContent-Length: 0\r\n\r\n");
        let trace = client(&[MethodKind::Other], input.as_bytes());
        refused_at_once(&trace, input.as_bytes(), ErrorKind::UnsupportedVersion, 0);
    }
    assert_eq!(ErrorKind::UnsupportedVersion.status_hint(), 505);
    for (version, v) in [("HTTP/1.0", Version::Http10), ("HTTP/1.1", Version::Http11)] {
        let input = format!("GET / {version}\r\nHost: a\r\n\r\n");
        assert_eq!(
            server(input.as_bytes()).events(input.as_bytes())[0],
            request("GET", "/", v)
        );
    }
}

/// RFC 9110 2.5: a recipient of a higher minor version of a major version
/// it implements "SHOULD process the message as if it were in the highest
/// minor version" it conforms to. The strict profile refuses `HTTP/1.2`
/// (505) instead, in both roles; no `Lenient` option reads it as 1.1.
/// (A deviation: see the report.)
#[test]
fn a_higher_minor_version_is_refused_in_the_strict_profile() {
    let input = b"GET / HTTP/1.2\r\nHost: a\r\n\r\n";
    for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
        refused_at_once(
            &server_with(config, input),
            input,
            ErrorKind::UnsupportedVersion,
            6,
        );
    }
    let input = b"HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n";
    refused_at_once(
        &client(&[MethodKind::Other], input),
        input,
        ErrorKind::UnsupportedVersion,
        0,
    );
}

/// RFC 9110 2.5: a sender "MUST NOT send a version to which it is not
/// conformant" and a server "SHOULD send a response version equal to the
/// highest version" it conforms to; RFC 9112 2.3: an HTTP/1.1 message to an
/// HTTP/1.0 recipient is built so it reads as valid HTTP/1.0. The encoders
/// write only `HTTP/1.0` or `HTTP/1.1`; an HTTP/1.1 response to an HTTP/1.0
/// request is written, but its body is never chunked (a streamed one runs
/// to the close, an explicit chunked one is refused) and no 1xx precedes it.
#[test]
fn an_http11_answer_to_http10_uses_no_http11_only_framing() {
    let http10 = Answering::new(MethodKind::Other, Version::Http10);
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let mut encoder = Encoder::server();
    let mut out = [0u8; 128];
    let head = encoder
        .response(&ok, &[], Body::Streamed, http10, &mut out)
        .unwrap();
    assert_eq!(&out[..head.len], b"HTTP/1.1 200 OK\r\n\r\n");
    assert_eq!(head.framing, Framing::Close);
    assert_eq!(
        refusal(encode_response(&ok, &[], Body::Chunked, http10)),
        (EncodeErrorKind::TransferEncodingToHttp10, None, None)
    );
    let cont = StatusLine::new(Version::Http11, 100, "Continue");
    assert_eq!(
        refusal(encode_response(&cont, &[], Body::AsFields, http10)),
        (EncodeErrorKind::InterimToHttp10, None, None)
    );
    // The same to an HTTP/1.1 client: chunked.
    let head = Encoder::server()
        .response(&ok, &[], Body::Streamed, Answering::HTTP11, &mut out)
        .unwrap();
    assert_eq!(head.framing, Framing::Chunked);
    // Versions written as they are named.
    let line = RequestLine::new("GET", "/", Version::Http10);
    assert_eq!(
        encode_request(&line, &HOST, Body::Empty).unwrap(),
        b"GET / HTTP/1.0\r\nHost: a.example\r\n\r\n"
    );
    let ok10 = StatusLine::new(Version::Http10, 200, "OK");
    assert_eq!(
        encode_response(&ok10, &[], Body::Length(0), http10).unwrap(),
        b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
    );
}

// ---------------------------------------------------------------------
// RFC 9112 3: the request line

/// RFC 9112 3: `method SP request-target SP HTTP-version`; recipients "MAY"
/// split on any whitespace (SP, HTAB, VT, FF, bare CR) and ignore leading
/// or trailing whitespace, which "can result in request smuggling". The
/// strict profile takes single SPs only (no `Lenient` option reads
/// otherwise), and delivers nothing of such a line: no autocorrection
/// (RFC 9112 3.2: a recipient "SHOULD NOT attempt to autocorrect"), 400.
#[test]
fn request_line_parts_are_separated_by_single_spaces() {
    for (input, kind, at) in [
        (&b"GET  / HTTP/1.1\r\n"[..], ErrorKind::InvalidTarget, 4),
        (b"GET /  HTTP/1.1\r\n", ErrorKind::InvalidVersion, 6),
        (b"GET\t/ HTTP/1.1\r\n", ErrorKind::InvalidMethod, 3),
        (b"GET /\tHTTP/1.1\r\n", ErrorKind::InvalidTarget, 5),
        (b"GET\x0b/ HTTP/1.1\r\n", ErrorKind::InvalidMethod, 3),
        (b"GET\x0c/ HTTP/1.1\r\n", ErrorKind::InvalidMethod, 3),
        (b"GET\r/ HTTP/1.1\r\n", ErrorKind::BareCr, 3),
        (b" GET / HTTP/1.1\r\n", ErrorKind::InvalidMethod, 0),
        (b"GET / HTTP/1.1 \r\n", ErrorKind::InvalidVersion, 14),
        (b"GET / HTTP/1.1\t\r\n", ErrorKind::InvalidVersion, 14),
    ] {
        let input = [input, b"Host: a\r\n\r\n"].concat();
        for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
            refused_at_once(&server_with(config, &input), &input, kind, at);
        }
        assert_eq!(kind.status_hint(), 400);
    }
}

/// RFC 9112 3: "It is RECOMMENDED that all HTTP senders and recipients
/// support, at a minimum, request-line lengths of 8000 octets": the
/// default limits read one, and the encoder writes it.
#[test]
fn a_request_line_of_8000_octets_is_read() {
    let target = format!("/{}", "a".repeat(8000 - "GET / HTTP/1.1".len()));
    let line = format!("GET {target} HTTP/1.1");
    assert_eq!(line.len(), 8000);
    let input = format!("{line}\r\nHost: a\r\n\r\n");
    let trace = server(input.as_bytes());
    assert_eq!(complete(&trace), 1);
    assert_eq!(
        trace.events(input.as_bytes())[0],
        request("GET", &target, Version::Http11)
    );
    let written = encode_request(&get(&target), &HOST, Body::Empty).unwrap();
    assert!(written.starts_with(format!("{line}\r\n").as_bytes()));
}

/// RFC 9112 3: a server receiving "a request-target longer than any URI it
/// wishes to parse MUST respond with a 414 (URI Too Long)": a request line
/// past the line limit (16 KiB by default, or as configured) is refused at
/// the first byte past it, with the hint 414.
#[test]
fn a_target_longer_than_the_line_limit_is_answered_414() {
    let line_limit = h1wire::Limits::default().line;
    let at_limit = format!(
        "GET /{} HTTP/1.1",
        "a".repeat(line_limit - "GET / HTTP/1.1".len())
    );
    assert_eq!(at_limit.len(), line_limit);
    let input = format!("{at_limit}\r\nHost: a\r\n\r\n");
    assert_eq!(complete(&server(input.as_bytes())), 1);

    let past = format!(
        "GET /{} HTTP/1.1\r\nHost: a\r\n\r\n",
        "a".repeat(line_limit + 1 - "GET / HTTP/1.1".len())
    );
    let trace = server(past.as_bytes());
    refused_at_once(
        &trace,
        past.as_bytes(),
        ErrorKind::RequestLineTooLong,
        line_limit as u64,
    );
    assert_eq!(ErrorKind::RequestLineTooLong.status_hint(), 414);

    let mut config = Config::default();
    config.limits.line = 40;
    let input = b"GET /0123456789012345678901234567890123 HTTP/1.1\r\nHost: a\r\n\r\n";
    refused_at_once(
        &server_with(config, input),
        input,
        ErrorKind::RequestLineTooLong,
        40,
    );
}

// ---------------------------------------------------------------------
// RFC 9112 3.1, RFC 9110 5.6.2: the method is a case-sensitive token

/// RFC 9112 3.1 and RFC 9110 5.6.2: `method = token`, `token = 1*tchar`:
/// every byte of the method is checked against the RFC's tchar list; a
/// byte outside it (a delimiter, a control byte, DEL, 0x80-0xFF) is refused
/// at its offset, and an empty method too.
#[test]
fn the_method_is_a_token() {
    for b in 0..=255u8 {
        if matches!(b, b' ' | b'\r' | b'\n') {
            continue;
        }
        let input = [&b"G"[..], &[b], b"T / HTTP/1.1\r\nHost: a\r\n\r\n"].concat();
        let trace = server(&input);
        if is_tchar(b) {
            assert_eq!(complete(&trace), 1, "{b:#04x}");
            let Ev::Request { method, .. } = &trace.events(&input)[0] else {
                panic!("no request line for {b:#04x}");
            };
            assert_eq!(method, &[b'G', b, b'T']);
        } else {
            refused_at_once(&trace, &input, ErrorKind::InvalidMethod, 1);
        }
    }
    let input = b" / HTTP/1.1\r\nHost: a\r\n\r\n";
    refused_at_once(&server(input), input, ErrorKind::InvalidMethod, 0);
}

/// RFC 9110 5.6.2, RFC 9112 3.1: the client's encoder refuses a method
/// that is not a token (empty, or any byte outside tchar), naming the byte.
#[test]
fn the_encoder_refuses_a_method_that_is_not_a_token() {
    for b in 0..=255u8 {
        let method = [b'G', b, b'T'];
        let line = RequestLine {
            method: &method,
            target: b"/",
            version: Version::Http11,
        };
        let written = encode_request(&line, &HOST, Body::Empty);
        if is_tchar(b) {
            assert!(written.unwrap().starts_with(&[b'G', b, b'T', b' ', b'/']));
        } else {
            assert_eq!(
                refusal(written),
                (EncodeErrorKind::InvalidMethod, None, Some(1)),
                "{b:#04x}"
            );
        }
    }
    let line = RequestLine::new("", "/", Version::Http11);
    assert_eq!(
        refusal(encode_request(&line, &HOST, Body::Empty)),
        (EncodeErrorKind::InvalidMethod, None, Some(0))
    );
}

/// RFC 9112 3.1: "The request method is case-sensitive": `get` is
/// delivered as it came, `connect` is not CONNECT (so its authority-form
/// target does not fit), and a response to `head` has a body where one
/// to `HEAD` has none.
#[test]
fn the_method_is_case_sensitive() {
    let input = b"get / HTTP/1.1\r\nHost: a\r\n\r\n";
    assert_eq!(
        server(input).events(input)[0],
        request("get", "/", Version::Http11)
    );
    let input = b"connect a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n";
    refused_at_once(&server(input), input, ErrorKind::TargetFormMismatch, 8);
    let line = RequestLine::new("connect", "a.example:443", Version::Http11);
    assert_eq!(
        refusal(encode_request(
            &line,
            &[Field::new("Host", "a.example:443")],
            Body::Empty
        )),
        (EncodeErrorKind::TargetFormMismatch, None, None)
    );

    let ok = StatusLine::new(Version::Http11, 200, "OK");
    for (method, framing) in [("head", Framing::Length(5)), ("HEAD", Framing::None)] {
        let mut conn = h1wire::server::Connection::new(ConnectionConfig::default());
        let input = format!("{method} / HTTP/1.1\r\nHost: a\r\n\r\n");
        assert_eq!(serve(&mut conn, input.as_bytes()), (1, None));
        let mut out = Vec::new();
        let head = conn
            .response_into(&ok, &[], Body::Length(5), &mut out)
            .unwrap();
        assert_eq!(head.framing, framing, "{method}");
    }
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let trace = client(&[MethodKind::of(b"head")], input);
    assert!(trace.events(input).contains(&body(b"ok")));
}

// ---------------------------------------------------------------------
// RFC 9112 3.2: the request target

/// RFC 9112 3.2: "No whitespace is allowed in the request-target", nor
/// (by the URI grammar) a control byte, DEL or a byte above 0x7F; a
/// recipient of an invalid request line "SHOULD respond with ... 400".
/// Bytes above 0x7F are read with `Lenient::non_ascii_target`, and
/// recorded.
#[test]
fn the_target_holds_no_whitespace_or_control_bytes() {
    for (target, at) in [
        (&b"/a\tb"[..], 6),
        (b"/a\x00b", 6),
        (b"/a\x01b", 6),
        (b"/a\x7fb", 6),
        (b"/a\x80b", 6),
        (b"/\xc3\xa9", 5),
    ] {
        let input = [&b"GET "[..], target, b" HTTP/1.1\r\nHost: a\r\n\r\n"].concat();
        let trace = server(&input);
        refused_at_once(&trace, &input, ErrorKind::InvalidTarget, at);
        assert_eq!(ErrorKind::InvalidTarget.status_hint(), 400);
        let line = RequestLine {
            method: b"GET",
            target,
            version: Version::Http11,
        };
        assert_eq!(
            refusal(encode_request(&line, &HOST, Body::Empty)),
            (EncodeErrorKind::InvalidTarget, None, Some(at as usize - 4))
        );
    }
    let input = b"GET /\xc3\xa9 HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server_with(lenient(|l| l.non_ascii_target = true), input);
    assert_eq!(
        trace.events(input)[0],
        Ev::Request {
            method: b"GET".to_vec(),
            target: b"/\xc3\xa9".to_vec(),
            version: Version::Http11,
        }
    );
    let readings = trace.reduction.messages[0].head_readings.unwrap();
    assert_eq!(readings.first_use(Reading::NonAsciiTarget), Some(5));
}

/// RFC 9112 3.2.1: origin-form (`absolute-path [ "?" query ]`) is read
/// for every method but CONNECT, and delivered as it came (nothing
/// normalised: no dot segments removed, no percent-decoding).
#[test]
fn origin_form_is_read_for_every_method_but_connect() {
    for (method, target) in [
        ("GET", "/"),
        ("GET", "/a/../b?x=%20&y"),
        ("POST", "/upload"),
        ("OPTIONS", "/x"),
        ("DELETE", "//double"),
        ("M-SEARCH", "/?"),
    ] {
        let input = format!("{method} {target} HTTP/1.1\r\nHost: a\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(
            trace.events(input.as_bytes())[0],
            request(method, target, Version::Http11)
        );
        assert_eq!(complete(&trace), 1);
    }
    let input = b"CONNECT /x HTTP/1.1\r\nHost: a:1\r\n\r\n";
    refused_at_once(&server(input), input, ErrorKind::TargetFormMismatch, 8);
}

/// RFC 9112 3.2.1: "If the target URI's path component is empty, the
/// client MUST send "/" as the path": the encoder refuses an empty target
/// and a query without its path, and writes `/` and `/?q` as given.
#[test]
fn the_encoder_sends_an_empty_path_as_a_slash() {
    for target in ["", "?q"] {
        assert_eq!(
            refusal(encode_request(&get(target), &HOST, Body::Empty)),
            (EncodeErrorKind::InvalidTarget, None, Some(0))
        );
    }
    for target in ["/", "/?q"] {
        let written = encode_request(&get(target), &HOST, Body::Empty).unwrap();
        assert!(written.starts_with(format!("GET {target} HTTP/1.1\r\n").as_bytes()));
    }
}

/// RFC 9112 3.2.2: "A server MUST accept the absolute-form in requests",
/// whatever the method but CONNECT, with or without a port, any case of
/// scheme; the target is delivered whole (the origin server then ignores
/// Host for its authority: the caller's part, since h1wire routes nothing).
#[test]
fn the_absolute_form_is_accepted_by_a_server() {
    for (method, target) in [
        ("GET", "http://a.example/x?y"),
        ("GET", "http://a.example"),
        ("POST", "https://a.example:8443/"),
        ("OPTIONS", "HTTP://A.EXAMPLE:80"),
        ("GET", "http://[::1]:8080/"),
    ] {
        let input = format!("{method} {target} HTTP/1.1\r\nHost: b.example\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(
            trace.events(input.as_bytes())[0],
            request(method, target, Version::Http11)
        );
        assert_eq!(complete(&trace), 1);
    }
    let input = b"GET http://a.example/ HTTP/1.0\r\n\r\n";
    assert_eq!(complete(&server(input)), 1, "HTTP/1.0 needs no Host");
}

/// RFC 9112 3.2.2: absolute-form is `absolute-URI`; the strict profile
/// reads it only as `scheme "://" authority ...` (so that `host:port` never
/// reads as a scheme and a path) and refuses an absolute URI without an
/// authority, which the RFC's own text expects (sent with an empty Host).
/// (A deviation from "MUST accept the absolute-form": see the report.)
#[test]
fn an_absolute_uri_without_an_authority_is_refused() {
    for target in ["urn:example:x", "mailto:a@a.example", "http:/x"] {
        let input = format!("GET {target} HTTP/1.1\r\nHost: \r\n\r\n");
        refused_at_once(
            &server(input.as_bytes()),
            input.as_bytes(),
            ErrorKind::InvalidTarget,
            4,
        );
        assert_eq!(
            refusal(encode_request(
                &get(target),
                &[Field::new("Host", "")],
                Body::Empty
            )),
            (EncodeErrorKind::InvalidTarget, None, Some(0))
        );
    }
}

/// RFC 9110 4.2.1 (via RFC 9112 3.2.2's authority): "A sender MUST NOT
/// generate an "http" URI with an empty host identifier. A recipient ...
/// MUST reject it as invalid": an `http`/`https` target without a host is
/// refused by the decoder and the encoder, at the byte where the host
/// should be.
#[test]
fn an_http_target_with_an_empty_host_is_refused() {
    for (target, at) in [
        ("http:///x", 7),
        ("http://?q", 7),
        ("https://:443/", 8),
        ("http://", 7),
    ] {
        let input = format!("GET {target} HTTP/1.1\r\nHost: a\r\n\r\n");
        refused_at_once(
            &server(input.as_bytes()),
            input.as_bytes(),
            ErrorKind::InvalidTarget,
            4 + at as u64,
        );
        assert_eq!(
            refusal(encode_request(&get(target), &HOST, Body::Empty)),
            (EncodeErrorKind::InvalidTarget, None, Some(at))
        );
    }
}

/// RFC 9112 3.2.2: "A client MUST send a Host header field in an HTTP/1.1
/// request even if the request-target is in the absolute-form": the
/// encoder refuses one without Host, and the server refuses it too (400).
#[test]
fn an_absolute_form_request_still_carries_host() {
    let line = get("http://a.example/x");
    assert_eq!(
        refusal(encode_request(&line, &[], Body::Empty)),
        (EncodeErrorKind::MissingHost, None, None)
    );
    assert_eq!(
        encode_request(&line, &HOST, Body::Empty).unwrap(),
        b"GET http://a.example/x HTTP/1.1\r\nHost: a.example\r\n\r\n"
    );
    let input = b"GET http://a.example/x HTTP/1.1\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace).map(|e| e.0), Some(ErrorKind::MissingHost));
    assert_eq!(ErrorKind::MissingHost.status_hint(), 400);
}

/// RFC 9112 3.2.3: authority-form (`uri-host ":" port`) "is only used for
/// CONNECT requests", and a CONNECT client "MUST send only the host and
/// port": the server reads it for CONNECT (and the stream leaves HTTP/1),
/// refuses it for any other method, and refuses any other form, a missing
/// port or userinfo for CONNECT.
#[test]
fn authority_form_is_for_connect_only() {
    for target in ["a.example:443", "[::1]:8443", "192.0.2.1:80"] {
        let input = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(
            trace.events(input.as_bytes())[0],
            request("CONNECT", target, Version::Http11)
        );
        assert_eq!(trace.framings(), [Framing::Upgrade]);
    }
    for (input, kind, at) in [
        (
            &b"GET a.example:443 HTTP/1.1\r\n"[..],
            ErrorKind::TargetFormMismatch,
            4,
        ),
        (
            b"OPTIONS a.example:443 HTTP/1.1\r\n",
            ErrorKind::TargetFormMismatch,
            8,
        ),
        (b"CONNECT / HTTP/1.1\r\n", ErrorKind::TargetFormMismatch, 8),
        (b"CONNECT * HTTP/1.1\r\n", ErrorKind::TargetFormMismatch, 8),
        (
            b"CONNECT http://a.example:443/ HTTP/1.1\r\n",
            ErrorKind::TargetFormMismatch,
            8,
        ),
        (
            b"CONNECT a.example HTTP/1.1\r\n",
            ErrorKind::InvalidTarget,
            8,
        ),
        (
            b"CONNECT a.example: HTTP/1.1\r\n",
            ErrorKind::InvalidTarget,
            8,
        ),
        (
            b"CONNECT u@a.example:443 HTTP/1.1\r\n",
            ErrorKind::InvalidTarget,
            8,
        ),
        (
            b"CONNECT a.example:443/x HTTP/1.1\r\n",
            ErrorKind::InvalidTarget,
            8,
        ),
    ] {
        let input = [input, b"Host: a.example:443\r\n\r\n"].concat();
        refused_at_once(&server(&input), &input, kind, at);
    }
}

/// RFC 9112 3.2.3: the client's encoder writes CONNECT with `host:port`
/// only, and authority-form with no other method.
#[test]
fn the_encoder_sends_connect_with_host_and_port_only() {
    let host = [Field::new("Host", "a.example:443")];
    let line = RequestLine::new("CONNECT", "a.example:443", Version::Http11);
    let mut out = [0u8; 128];
    let head = Encoder::client()
        .request(&line, &host, Body::Empty, &mut out)
        .unwrap();
    assert_eq!(
        &out[..head.len],
        b"CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n"
    );
    assert_eq!(head.framing, Framing::Upgrade);
    for target in ["/", "*", "http://a.example:443/"] {
        let line = RequestLine::new("CONNECT", target, Version::Http11);
        assert_eq!(
            refusal(encode_request(&line, &host, Body::Empty)),
            (EncodeErrorKind::TargetFormMismatch, None, None),
            "{target}"
        );
    }
    for target in ["a.example", "u@a.example:443"] {
        let line = RequestLine::new("CONNECT", target, Version::Http11);
        assert_eq!(
            refusal(encode_request(&line, &host, Body::Empty)).0,
            EncodeErrorKind::InvalidTarget
        );
    }
    assert_eq!(
        refusal(encode_request(&get("a.example:443"), &host, Body::Empty)),
        (EncodeErrorKind::TargetFormMismatch, None, None)
    );
}

/// RFC 9112 3.2.4: asterisk-form is `"*"` alone, for a server-wide
/// OPTIONS, and the client "MUST send only "*"". Read and written for
/// OPTIONS; `*` followed by anything is no form at all; CONNECT never
/// takes it. (Other methods are read with it, the strict profile's
/// `either`: SSDP's `M-SEARCH *`; the RFC words this without a keyword.)
#[test]
fn asterisk_form_is_a_lone_star_for_options() {
    let input = b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(
        trace.events(input)[0],
        request("OPTIONS", "*", Version::Http11)
    );
    assert_eq!(complete(&trace), 1);
    assert_eq!(
        encode_request(
            &RequestLine::new("OPTIONS", "*", Version::Http11),
            &HOST,
            Body::Empty
        )
        .unwrap(),
        b"OPTIONS * HTTP/1.1\r\nHost: a.example\r\n\r\n"
    );
    for target in ["**", "*/", "*?x"] {
        let input = format!("OPTIONS {target} HTTP/1.1\r\nHost: a\r\n\r\n");
        refused_at_once(
            &server(input.as_bytes()),
            input.as_bytes(),
            ErrorKind::InvalidTarget,
            8,
        );
        let line = RequestLine::new("OPTIONS", target, Version::Http11);
        assert_eq!(
            refusal(encode_request(&line, &HOST, Body::Empty)).0,
            EncodeErrorKind::InvalidTarget
        );
    }
    let input = b"M-SEARCH * HTTP/1.1\r\nHost: 239.255.255.250:1900\r\n\r\n";
    assert_eq!(complete(&server(input)), 1);
}

// ---------------------------------------------------------------------
// RFC 9112 4: the status line

/// RFC 9112 4: `HTTP-version SP status-code SP [ reason-phrase ]`: the
/// version, the code and the reason (everything after the second SP,
/// untrimmed, obs-text included) are delivered as they came.
#[test]
fn a_status_line_is_version_code_and_reason() {
    for (line, version, status, reason) in [
        (
            &b"HTTP/1.1 404 Not Found"[..],
            Version::Http11,
            404,
            &b"Not Found"[..],
        ),
        (b"HTTP/1.0 200 OK", Version::Http10, 200, b"OK"),
        (
            b"HTTP/1.1 500  Not \tso good \xe9",
            Version::Http11,
            500,
            b" Not \tso good \xe9",
        ),
        (
            b"HTTP/1.1 200 HTTP/1.1 200 OK",
            Version::Http11,
            200,
            b"HTTP/1.1 200 OK",
        ),
    ] {
        let input = [line, b"\r\nContent-Length: 0\r\n\r\n"].concat();
        let trace = client(&[MethodKind::Other], &input);
        assert_eq!(
            trace.events(&input)[0],
            Ev::Response {
                version,
                status,
                reason: reason.to_vec()
            }
        );
        assert_eq!(complete(&trace), 1);
    }
}

/// RFC 9112 4: recipients "MAY" split a status line on any whitespace and
/// ignore leading or trailing whitespace, which "can result in response
/// splitting"; the strict client takes single SPs only, and reads nothing
/// of such a response.
#[test]
fn status_line_parts_are_separated_by_single_spaces() {
    for (line, kind, at) in [
        (&b"HTTP/1.1  200 OK"[..], ErrorKind::InvalidStatus, 9),
        (b"HTTP/1.1\t200 OK", ErrorKind::InvalidVersion, 8),
        (b"HTTP/1.1 200\tOK", ErrorKind::InvalidStatus, 12),
        (b"HTTP/1.1\x0b200 OK", ErrorKind::InvalidVersion, 8),
        (b" HTTP/1.1 200 OK", ErrorKind::InvalidVersion, 0),
        (b"HTTP/1.1 200\rOK", ErrorKind::BareCr, 12),
    ] {
        let input = [line, b"\r\nContent-Length: 0\r\n\r\n"].concat();
        for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
            refused_at_once(
                &client_with(config, &[MethodKind::Other], &input),
                &input,
                kind,
                at,
            );
        }
    }
}

/// RFC 9112 4: `status-code = 3DIGIT`. Two or four digits, or a
/// non-digit, are refused at the offending byte; the strict profile also
/// refuses a code below 100 (RFC 9110 15 makes 0xx invalid), and reads
/// 100-999.
#[test]
fn the_status_code_is_three_digits() {
    for (code, at) in [
        ("20", 11),
        ("2000", 12),
        ("2x0", 10),
        ("-20", 9),
        ("099", 9),
        ("000", 9),
    ] {
        let input = format!("HTTP/1.1 {code} X\r\nContent-Length: 0\r\n\r\n");
        let trace = client(&[MethodKind::Other], input.as_bytes());
        refused_at_once(&trace, input.as_bytes(), ErrorKind::InvalidStatus, at);
    }
    for code in [100u16, 200, 599, 600, 999] {
        let input = format!("HTTP/1.1 {code} X\r\nContent-Length: 0\r\n\r\n");
        let trace = client(&[MethodKind::Other], input.as_bytes());
        let Ev::Response { status, .. } = trace.events(input.as_bytes())[0] else {
            panic!("{code} not read");
        };
        assert_eq!(status, code);
    }
}

/// RFC 9112 4: a recipient interprets an unrecognised status code "in
/// accordance with the class of that status code": an unknown 1xx (199) is
/// interim (no body, the final response follows), an unknown 2xx (299) or
/// 4xx (499) is framed as any final response.
#[test]
fn an_unrecognised_status_code_is_read_by_its_class() {
    let input = b"HTTP/1.1 199 Odd\r\n\r\nHTTP/1.1 299 Odd\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 499 Odd\r\n\r\ntail";
    let trace = client(&[MethodKind::Other, MethodKind::Other], input);
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::Length(2), Framing::Close]
    );
    assert_eq!(complete(&trace), 3);
    let events = trace.events(input);
    assert!(events.contains(&body(b"ok")));
    assert!(events.contains(&body(b"tail")));
}

/// RFC 9112 4: a server "MUST send the space that separates the
/// status-code from the reason-phrase even when the reason-phrase is
/// absent". The strict client requires it too (it refuses `HTTP/1.1
/// 204` with no SP, which the grammar does not allow either; no
/// `Lenient` option reads it).
#[test]
fn the_sp_before_an_empty_reason_is_sent_and_required() {
    let no_content = StatusLine::new(Version::Http11, 204, "");
    assert_eq!(
        encode_response(&no_content, &[], Body::Empty, Answering::HTTP11).unwrap(),
        b"HTTP/1.1 204 \r\n\r\n"
    );
    let input = b"HTTP/1.1 204 \r\n\r\n";
    let trace = client(&[MethodKind::Other], input);
    assert_eq!(
        trace.events(input),
        [
            Ev::Response {
                version: Version::Http11,
                status: 204,
                reason: vec![]
            },
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd
        ]
    );
    let input = b"HTTP/1.1 204\r\n\r\n";
    for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
        refused_at_once(
            &client_with(config, &[MethodKind::Other], input),
            input,
            ErrorKind::InvalidReason,
            12,
        );
    }
}

/// RFC 9112 4: "A client SHOULD ignore the reason-phrase content": framing
/// follows the code alone, whatever the reason says.
#[test]
fn the_reason_phrase_does_not_change_the_framing() {
    let input = b"HTTP/1.1 200 No Content\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 204 OK\r\n\r\n\
                  HTTP/1.1 304 Created\r\nContent-Length: 9\r\n\r\n";
    let trace = client(&[MethodKind::Other; 3], input);
    assert_eq!(
        trace.framings(),
        [Framing::Length(2), Framing::None, Framing::None]
    );
    assert_eq!(complete(&trace), 3);
    assert_eq!(error_of(&trace), None);
}

/// RFC 9112 4: `reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )`: a
/// control byte other than HTAB, or DEL, in a received reason is refused
/// at its offset.
#[test]
fn a_reason_phrase_holds_no_control_byte() {
    for (b, kind) in [
        (0x00, ErrorKind::InvalidReason),
        (0x01, ErrorKind::InvalidReason),
        (0x7f, ErrorKind::InvalidReason),
        (b'\r', ErrorKind::BareCr),
        (b'\n', ErrorKind::BareLf),
    ] {
        let input = [
            &b"HTTP/1.1 200 O"[..],
            &[b],
            b"K\r\nContent-Length: 0\r\n\r\n",
        ]
        .concat();
        refused_at_once(&client(&[MethodKind::Other], &input), &input, kind, 14);
    }
}

/// RFC 9112 4 (and 2.2's bare CR): the server's encoder writes a reason of
/// SP, HTAB, VCHAR and obs-text as given, and refuses one holding CR, LF,
/// another control byte or DEL, naming the byte.
#[test]
fn the_encoder_refuses_a_reason_with_a_control_byte() {
    for reason in ["Not Found", "O\tK", "\u{e9}t\u{e9}", " lead and trail "] {
        let status = StatusLine::new(Version::Http11, 200, reason);
        let written = encode_response(&status, &[], Body::Empty, Answering::HTTP11).unwrap();
        assert!(written.starts_with(format!("HTTP/1.1 200 {reason}\r\n").as_bytes()));
    }
    for (reason, at) in [
        ("O\rK", 1),
        ("O\nK", 1),
        ("OK\0", 2),
        ("\x01", 0),
        ("O\x7fK", 1),
    ] {
        let status = StatusLine::new(Version::Http11, 200, reason);
        assert_eq!(
            refusal(encode_response(
                &status,
                &[],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidReason, None, Some(at)),
            "{reason:?}"
        );
    }
}

/// RFC 9112 4: `status-code = 3DIGIT`, and a code below 100 is none (RFC
/// 9110 15): the server's encoder refuses a status outside 100-999 and
/// writes each one as exactly three digits.
#[test]
fn the_encoder_writes_a_three_digit_status_from_100_to_999() {
    for code in [0u16, 1, 99, 1000, 65535] {
        let status = StatusLine::new(Version::Http11, code, "X");
        assert_eq!(
            refusal(encode_response(
                &status,
                &[],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidStatus, None, None),
            "{code}"
        );
    }
    for (code, line) in [
        (101u16, "HTTP/1.1 101 X\r\n"),
        (404, "HTTP/1.1 404 X\r\n"),
        (999, "HTTP/1.1 999 X\r\n"),
    ] {
        let status = StatusLine::new(Version::Http11, code, "X");
        let fields = [
            Field::new("Upgrade", "websocket"),
            Field::new("Connection", "upgrade"),
        ];
        let fields = if code == 101 { &fields[..] } else { &[] };
        let written = encode_response(&status, fields, Body::AsFields, Answering::HTTP11).unwrap();
        assert!(written.starts_with(line.as_bytes()), "{code}");
    }
}

/// RFC 9112 4 (what a client does with a malformed status line: the RFC
/// names no recovery; the strict client stops): the client connection's
/// error is sticky, nothing after it is read, and the connection is closed.
#[test]
fn a_malformed_status_line_ends_the_client_connection() {
    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    for _ in 0..2 {
        conn.request_into(&get("/"), &HOST, Body::Empty, &mut out)
            .unwrap();
        conn.end_into(&[], &mut out).unwrap();
    }
    let input =
        b"HTTP/1.1 200\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let error = conn.decode(input).unwrap_err();
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::InvalidReason, 12)
    );
    assert_eq!(conn.decode(&input[35..]).unwrap_err(), error);
    assert_eq!(conn.state(), ConnState::Closed);
}

// ---------------------------------------------------------------------
// RFC 9112 5: field lines

/// RFC 9112 5: `field-line = field-name ":" OWS field-value OWS`, and OWS
/// before the first and after the last non-whitespace octet "is excluded
/// by parsers"; whitespace inside the value stays. In both roles.
#[test]
fn a_field_value_is_read_without_its_surrounding_whitespace() {
    let lines = b"A:1\r\nB: 2\r\nC:\t 3 \t \r\nD: x  y\r\nE:\r\nF: \t \r\n";
    let want = [
        header("A", "1"),
        header("B", "2"),
        header("C", "3"),
        header("D", "x  y"),
        header("E", ""),
        header("F", ""),
    ];
    let input = [&b"GET / HTTP/1.1\r\nHost: a\r\n"[..], lines, b"\r\n"].concat();
    assert_eq!(server(&input).events(&input)[2..8], want);
    let input = [
        &b"HTTP/1.1 200 OK\r\n"[..],
        lines,
        b"Content-Length: 0\r\n\r\n",
    ]
    .concat();
    assert_eq!(
        client(&[MethodKind::Other], &input).events(&input)[1..7],
        want
    );
}

/// RFC 9112 5: the encoders write `name ": " value`, the single SP the
/// RFC prefers, and refuse a value with whitespace at either end (a
/// recipient would drop it), naming the byte.
#[test]
fn the_encoder_writes_one_sp_after_the_colon_and_no_ows_in_the_value() {
    let fields = [HOST[0], Field::new("X", "a  b")];
    assert_eq!(
        encode_request(&get("/"), &fields, Body::Empty).unwrap(),
        b"GET / HTTP/1.1\r\nHost: a.example\r\nX: a  b\r\n\r\n"
    );
    for (value, at) in [(" a", 0), ("\ta", 0), ("a ", 1), ("a\t", 1)] {
        let fields = [HOST[0], Field::new("X", value)];
        assert_eq!(
            refusal(encode_request(&get("/"), &fields, Body::Empty)),
            (EncodeErrorKind::InvalidFieldValue, Some(1), Some(at))
        );
        let status = StatusLine::new(Version::Http11, 200, "OK");
        assert_eq!(
            refusal(encode_response(
                &status,
                &fields[1..],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidFieldValue, Some(0), Some(at))
        );
    }
}

/// RFC 9112 5 and RFC 9110 5.6.2: `field-name = token`. Each byte of a
/// received name is checked against tchar: whitespace is refused as
/// whitespace before the colon (5.1), any other byte outside tchar as an
/// invalid name, at its offset; an empty name and a line without a colon
/// too. In both roles.
#[test]
fn a_field_name_is_a_token() {
    for b in 0..=255u8 {
        if matches!(b, b':' | b'\r' | b'\n') {
            continue;
        }
        let kind = match b {
            b' ' | b'\t' => ErrorKind::WhitespaceBeforeColon,
            _ => ErrorKind::InvalidFieldName,
        };
        let input = [
            &b"GET / HTTP/1.1\r\nHost: a\r\nX"[..],
            &[b],
            b"Y: v\r\n\r\n",
        ]
        .concat();
        let trace = server(&input);
        let response = [
            &b"HTTP/1.1 200 OK\r\nX"[..],
            &[b],
            b"Y: v\r\nContent-Length: 0\r\n\r\n",
        ]
        .concat();
        let read = client(&[MethodKind::Other], &response);
        if is_tchar(b) {
            assert_eq!(
                trace.events(&input)[2],
                Ev::Header(vec![b'X', b, b'Y'], b"v".to_vec())
            );
            assert_eq!(
                read.events(&response)[1],
                Ev::Header(vec![b'X', b, b'Y'], b"v".to_vec())
            );
        } else {
            assert_eq!(error_of(&trace), Some((kind, 26)), "{b:#04x}");
            assert_eq!(error_of(&read), Some((kind, 18)), "{b:#04x}");
        }
    }
    for (line, at) in [(&b": v"[..], 25), (b"NoColon", 32)] {
        let input = [&b"GET / HTTP/1.1\r\nHost: a\r\n"[..], line, b"\r\n\r\n"].concat();
        assert_eq!(
            error_of(&server(&input)),
            Some((ErrorKind::InvalidFieldName, at))
        );
    }
}

/// RFC 9110 5.6.2, RFC 9112 5: both encoders refuse a field name that is
/// not a token (empty, or any byte outside tchar), naming the field and
/// the byte.
#[test]
fn the_encoder_refuses_a_field_name_that_is_not_a_token() {
    let status = StatusLine::new(Version::Http11, 200, "OK");
    for b in 0..=255u8 {
        let name = [b'X', b, b'Y'];
        let field = Field {
            name: &name,
            value: b"v",
        };
        let request = encode_request(&get("/"), &[HOST[0], field], Body::Empty);
        let response = encode_response(&status, &[field], Body::Empty, Answering::HTTP11);
        if is_tchar(b) {
            assert!(request.is_ok() && response.is_ok(), "{b:#04x}");
        } else {
            assert_eq!(
                refusal(request),
                (EncodeErrorKind::InvalidFieldName, Some(1), Some(1)),
                "{b:#04x}"
            );
            assert_eq!(
                refusal(response),
                (EncodeErrorKind::InvalidFieldName, Some(0), Some(1)),
                "{b:#04x}"
            );
        }
    }
    assert_eq!(
        refusal(encode_request(
            &get("/"),
            &[HOST[0], Field::new("", "v")],
            Body::Empty
        )),
        (EncodeErrorKind::InvalidFieldName, Some(1), Some(0))
    );
}

/// RFC 9112 5: field names are case-insensitive: the framing and routing
/// fields the decoder itself reads are found in any case.
#[test]
fn field_names_are_read_in_any_case() {
    let input = b"POST / HTTP/1.1\r\nhOsT: a\r\ncontent-LENGTH: 2\r\n\r\nokPOST / HTTP/1.1\r\nHOST: a\r\ntransfer-ENCODING: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n";
    let trace = server(input);
    assert_eq!(trace.framings(), [Framing::Length(2), Framing::Chunked]);
    assert_eq!(complete(&trace), 2);
    let input = b"GET / HTTP/1.1\r\nhost: a\r\nHOST: b\r\n\r\n";
    assert_eq!(
        error_of(&server(input)).map(|e| e.0),
        Some(ErrorKind::DuplicateHost)
    );
    let input = b"HTTP/1.1 200 OK\r\nCONTENT-length: 2\r\n\r\nok";
    assert_eq!(
        client(&[MethodKind::Other], input).framings(),
        [Framing::Length(2)]
    );
}

// ---------------------------------------------------------------------
// RFC 9112 5.1: no whitespace between the field name and the colon

/// RFC 9112 5.1: "A server MUST reject, with a response status code of
/// 400 (Bad Request), any received request message that contains
/// whitespace between a header field name and colon": SP or HTAB, one or
/// several, in any field (framing fields too), whatever the lenient
/// options; in a trailer section as well.
#[test]
fn whitespace_between_a_field_name_and_its_colon_is_refused_with_400() {
    for field in [
        &b"Host : a"[..],
        b"Host\t: a",
        b"Host  \t: a",
        b"Content-Length : 0",
    ] {
        let input = [&b"GET / HTTP/1.1\r\n"[..], field, b"\r\nHost: a\r\n\r\n"].concat();
        let at = 16 + field.iter().position(|&b| b == b' ' || b == b'\t').unwrap() as u64;
        for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
            let trace = server_with(config, &input);
            assert_eq!(
                trace.events(&input),
                [
                    request("GET", "/", Version::Http11),
                    Ev::Error(ErrorKind::WhitespaceBeforeColon, at)
                ]
            );
        }
    }
    assert_eq!(ErrorKind::WhitespaceBeforeColon.status_hint(), 400);
    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX : y\r\n\r\n";
    let trace = server(input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::WhitespaceBeforeColon, 60))
    );
    assert_eq!(complete(&trace), 0);
}

/// RFC 9112 5.1: "A proxy MUST remove any such whitespace from a response
/// message before forwarding": the strict client goes further and refuses
/// the response (there is nothing to forward; a proxy answers 502); no
/// `Lenient` option reads it.
#[test]
fn whitespace_before_a_colon_in_a_response_is_refused() {
    for config in [Config::default(), lenient(|l| *l = Lenient::all())] {
        let input = b"HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello";
        let trace = client_with(config, &[MethodKind::Other], input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::WhitespaceBeforeColon, 31))
        );
        assert_eq!(complete(&trace), 0);
    }
}

// ---------------------------------------------------------------------
// RFC 9112 5.2: obsolete line folding

/// RFC 9112 5.2: a server receiving obs-fold in a request "MUST either
/// reject the message by sending a 400 (Bad Request) ... or replace each
/// received obs-fold with one or more SP octets": the strict profile
/// rejects it (hint 400) where the fold line starts, before the head
/// ends and before any value takes in the continuation line, a folded
/// framing field included.
#[test]
fn obs_fold_in_a_request_is_refused_with_400() {
    for (input, at) in [
        (&b"GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n z\r\n\r\n"[..], 31),
        (b"GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n\tz\r\n\r\n", 31),
        (
            b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n0\r\n\r\n",
            52,
        ),
    ] {
        let trace = server(input);
        assert_eq!(error_of(&trace), Some((ErrorKind::ObsFold, at)));
        // The field's first line may already have been delivered (a fold
        // is seen only at the next line); the head never ends, and the
        // continuation is never part of a value.
        let events = trace.events(input);
        assert!(!events.iter().any(|e| matches!(e, Ev::HeadEnd(_))));
        assert!(!events.iter().any(
            |e| matches!(e, Ev::Header(_, v) if v.ends_with(b"z") || v.ends_with(b"chunked"))
        ));
    }
    assert_eq!(ErrorKind::ObsFold.status_hint(), 400);
}

/// RFC 9112 5.2 (the other choice): with `Lenient::obs_fold` a request's
/// fold reads as one SP before the value is interpreted: the delivered
/// value keeps the raw fold (`Field::value_pieces` joins it), the reading
/// is recorded, and the decoder's own framing fields are read unfolded.
#[test]
fn lenient_obs_fold_reads_a_request_fold_as_one_space() {
    let config = lenient(|l| l.obs_fold = true);
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n z\r\n\tw\r\n\r\n";
    let trace = server_with(config, input);
    assert_eq!(
        trace.events(input)[2],
        Ev::Header(b"X".to_vec(), b"y\r\n z\r\n\tw".to_vec())
    );
    let message = &trace.reduction.messages[0];
    assert_eq!(message.headers[1], (b"X".to_vec(), b"y z w".to_vec()));
    assert!(message
        .head_readings
        .unwrap()
        .first_use(Reading::ObsFold)
        .is_some());
    let field = Field {
        name: b"X",
        value: b"y\r\n z\r\n\tw",
    };
    assert_eq!(
        field.value_pieces().collect::<Vec<_>>(),
        [&b"y"[..], b"z", b"w"]
    );

    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n0\r\n\r\n\
                  POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n 2\r\n\r\nok";
    let trace = server_with(config, input);
    assert_eq!(trace.framings(), [Framing::Chunked, Framing::Length(2)]);
    assert_eq!(complete(&trace), 2);
}

/// RFC 9112 2.2 and 5.2 together: with `Lenient::bare_lf` and
/// `Lenient::obs_fold`, a bare LF inside a folded field (ending its first
/// line, or a continuation line) is a use of the bare-LF reading like any
/// other, and when it is the head's first bare LF the record says so, at
/// that LF: a proxy that refuses bare LFs must not be told the head had
/// none because the only ones were folded away. The fold is recorded
/// beside it, at the whitespace that starts the first continuation line;
/// read as events and as a head at once (`decode_head`, which keeps the
/// record of a line it left half read), at every split, and in a
/// response, where the fold is read by default. (Recording the last bare
/// LF of a folded line instead of its first passed every test.)
#[test]
fn a_first_bare_lf_inside_a_folded_line_is_recorded() {
    let config = lenient(|l| {
        l.bare_lf = true;
        l.obs_fold = true;
    });
    // (The request line takes 16 bytes, `Host: a` and its CRLF 9.) Each
    // case: the input, its first bare LF, its first fold.
    let cases: [(&[u8], u64, u64); 3] = [
        // The LF ending the field's first line, then two more.
        (
            b"GET / HTTP/1.1\r\nHost: a\r\nX: y\n z\n\tw\r\nY: 1\n\r\n",
            29,
            30,
        ),
        // The LF ending a continuation line, the one before it a CRLF.
        (
            b"GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n z\n\tw\r\n\r\n",
            33,
            31,
        ),
        // The folded field first, the bare LF ending its last line.
        (b"GET / HTTP/1.1\r\nX: y\r\n z\nHost: a\r\n\r\n", 24, 22),
    ];
    for (input, bare_lf_at, fold_at) in cases {
        let trace = server_with(config, input);
        assert_eq!(complete(&trace), 1, "{input:?}");
        let readings = trace.reduction.messages[0].head_readings.unwrap();
        assert_eq!(
            readings.iter().collect::<Vec<_>>(),
            [(Reading::BareLf, bare_lf_at), (Reading::ObsFold, fold_at)],
            "{input:?}"
        );
        // A head at once, given whole or in pieces (a folded line whose
        // bare LF was seen before the byte that says it folds).
        for pieces in [Pieces::whole(), Pieces::bytewise(), Pieces::every(7)] {
            let heads = drive_heads(config, &Reads::Requests, input, pieces, 4, None);
            assert_eq!(heads.readings, [readings], "at once: {input:?}");
        }
    }
    let input = b"HTTP/1.1 200 OK\r\nX: y\n z\r\nContent-Length: 0\n\r\n";
    let trace = client_with(config, &[MethodKind::Other], input);
    let readings = trace.reduction.messages[0].head_readings.unwrap();
    assert_eq!(
        readings.iter().collect::<Vec<_>>(),
        [(Reading::BareLf, 21), (Reading::ObsFold, 22)]
    );
}

/// RFC 9112 5.2: a user agent receiving obs-fold in a response "MUST
/// replace each received obs-fold with one or more SP octets prior to
/// interpreting the field value": the client reads it (always, the
/// reading recorded), the value reads with one SP per fold, and folded
/// framing fields frame as their unfolded values.
#[test]
fn obs_fold_in_a_response_reads_as_one_space() {
    let input = b"HTTP/1.1 200 OK\r\nX: y\r\n z \r\n\t w\r\nContent-Length: 0\r\n\r\n";
    let trace = client(&[MethodKind::Other], input);
    let message = &trace.reduction.messages[0];
    assert_eq!(message.headers[0], (b"X".to_vec(), b"y z w".to_vec()));
    assert_eq!(
        message.head_readings.unwrap().first_use(Reading::ObsFold),
        Some(23),
        "at the SP that starts the first continuation line"
    );
    assert!(complete(&trace) == 1);

    let input =
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n\
                  HTTP/1.1 200 OK\r\nContent-Length:\r\n 2\r\n\r\nok";
    let trace = client(&[MethodKind::Other, MethodKind::Other], input);
    assert_eq!(trace.framings(), [Framing::Chunked, Framing::Length(2)]);
    assert_eq!(complete(&trace), 2);
}

/// RFC 9112 5.2: "A sender MUST NOT generate a message that includes line
/// folding": both encoders refuse a value holding CRLF followed by
/// whitespace, in a head and in trailers, naming the field and the CR.
#[test]
fn a_sender_never_writes_obs_fold() {
    for fold in ["a\r\n b", "a\r\n\tb", "a\n b"] {
        let fields = [HOST[0], Field::new("X", fold)];
        assert_eq!(
            refusal(encode_request(&get("/"), &fields, Body::Empty)),
            (EncodeErrorKind::InvalidFieldValue, Some(1), Some(1))
        );
        let status = StatusLine::new(Version::Http11, 200, "OK");
        assert_eq!(
            refusal(encode_response(
                &status,
                &fields[1..],
                Body::Empty,
                Answering::HTTP11
            )),
            (EncodeErrorKind::InvalidFieldValue, Some(0), Some(1))
        );
        let mut encoder = Encoder::server();
        let mut out = [0u8; 256];
        encoder
            .response(&status, &[], Body::Chunked, Answering::HTTP11, &mut out)
            .unwrap();
        let error = encoder.end(&fields[1..], &mut out).unwrap_err();
        assert_eq!(
            (error.kind(), error.field(), error.byte()),
            (EncodeErrorKind::InvalidFieldValue, Some(0), Some(1))
        );
    }
}
