//! Fields and security: RFC 9110 section 5 (field names, lines, order,
//! limits, values, and the list, token, whitespace and quoted-string rules
//! where h1wire parses them), section 7.2 (Host), RFC 9112 section 3.2 as
//! it concerns Host, and RFC 9112 section 11 (response splitting, request
//! smuggling, message integrity), for both decoders and both encoders.

use h1wire::{
    Answering, Body, Config, ConnState, ConnectionConfig, EncodeError, EncodeErrorKind, Encoder,
    EncoderOptions, ErrorKind, Field, Framing, MethodKind, RequestLine, StatusLine, Version,
};
use h1wire_testkit::{
    body, drive_heads, header, is_tchar, request, trailer, End, Ev, Pieces, Reads, Trace,
};

use crate::{client, client_with, complete, error_of, refusal, server, server_with};

/// A request that must never be read: it follows a refused one.
const SMUGGLED: &str = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";

/// What a buffer holds before an encoder call: a refused call leaves it so.
const UNTOUCHED: &[u8] = b"untouched";

/// `GET / HTTP/1.1`, `Host: a`, then `fields` (each line with its CRLF) and
/// the empty line. The first byte of `fields` is at offset 25.
fn get_with(fields: &[u8]) -> Vec<u8> {
    [&b"GET / HTTP/1.1\r\nHost: a\r\n"[..], fields, b"\r\n"].concat()
}

/// `HTTP/1.1 200 OK`, then `fields` and `Content-Length: 0`. The first
/// byte of `fields` is at offset 17.
fn ok_with(fields: &[u8]) -> Vec<u8> {
    [
        &b"HTTP/1.1 200 OK\r\n"[..],
        fields,
        b"Content-Length: 0\r\n\r\n",
    ]
    .concat()
}

/// The client decoder's reading of responses to GETs.
fn responses(input: &[u8]) -> Trace {
    client(&[MethodKind::Other; 4], input)
}

/// Whether a request for `/smuggled` was ever read.
fn smuggled_read(trace: &Trace) -> bool {
    trace
        .reduction
        .messages
        .iter()
        .any(|m| matches!(&m.start, h1wire_testkit::Start::Request { target, .. } if target == b"/smuggled"))
}

/// The head `Encoder::client` writes, or its refusal; a refusal must leave
/// the buffer untouched.
fn write_request(
    line: &RequestLine<'_>,
    fields: &[Field<'_>],
    body: Body,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = UNTOUCHED.to_vec();
    match Encoder::client().request_into(line, fields, body, &mut out) {
        Ok(_) => Ok(out.split_off(UNTOUCHED.len())),
        Err(e) => {
            assert_eq!(out, UNTOUCHED, "a refused request head wrote bytes ({e})");
            Err(e)
        }
    }
}

/// An HTTP/1.1 GET of `/` with `fields` and no body.
fn write_get(fields: &[Field<'_>]) -> Result<Vec<u8>, EncodeError> {
    write_request(
        &RequestLine::new("GET", "/", Version::Http11),
        fields,
        Body::Empty,
    )
}

/// The head `Encoder::server` writes for a 200 answering an HTTP/1.1 GET,
/// or its refusal (the buffer untouched).
fn write_ok(fields: &[Field<'_>], body: Body) -> Result<Vec<u8>, EncodeError> {
    write_response(
        &StatusLine::new(Version::Http11, 200, "OK"),
        fields,
        body,
        Answering::HTTP11,
    )
}

fn write_response(
    line: &StatusLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    answering: Answering,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = UNTOUCHED.to_vec();
    match Encoder::server().response_into(line, fields, body, answering, &mut out) {
        Ok(_) => Ok(out.split_off(UNTOUCHED.len())),
        Err(e) => {
            assert_eq!(out, UNTOUCHED, "a refused response head wrote bytes ({e})");
            Err(e)
        }
    }
}

/// The trailer section a client encoder writes after a chunked request
/// body, or its refusal.
fn write_trailers(trailers: &[Field<'_>]) -> Result<Vec<u8>, EncodeError> {
    let mut encoder = Encoder::client();
    let line = RequestLine::new("POST", "/", Version::Http11);
    let mut out = Vec::new();
    encoder
        .request_into(&line, &[Field::new("Host", "a")], Body::Chunked, &mut out)
        .expect("a chunked POST head");
    let mut end = UNTOUCHED.to_vec();
    match encoder.end_into(trailers, &mut end) {
        Ok(_) => Ok(end.split_off(UNTOUCHED.len())),
        Err(e) => {
            assert_eq!(end, UNTOUCHED, "refused trailers wrote bytes ({e})");
            Err(e)
        }
    }
}

fn field_bytes<'a>(name: &'a [u8], value: &'a [u8]) -> Field<'a> {
    Field { name, value }
}

// ---------------------------------------------------------------------
// RFC 9110 5.1: field names
// ---------------------------------------------------------------------

/// RFC 9110 5.1, 5.6.2: `field-name = token`; a recipient reads a name of
/// tchars, and every other byte in a name stops the head with an error at
/// that byte (whitespace before the colon has its own kind, RFC 9112 5.1;
/// a colon ends the name). Both roles.
#[test]
fn a_field_name_is_exactly_a_token() {
    for b in 0..=255u8 {
        let line = [&b"X"[..], &[b], b"Y: v\r\n"].concat();
        for (trace, at) in [
            (server(&get_with(&line)), 26),
            (responses(&ok_with(&line)), 18),
        ] {
            let expected = match b {
                _ if is_tchar(b) => None,
                b':' => None,
                b' ' | b'\t' => Some((ErrorKind::WhitespaceBeforeColon, at)),
                b'\r' => Some((ErrorKind::BareCr, at)),
                b'\n' => Some((ErrorKind::BareLf, at)),
                _ => Some((ErrorKind::InvalidFieldName, at)),
            };
            assert_eq!(error_of(&trace), expected, "byte {b:#04x}");
            let message = trace.reduction.messages.first().expect("a start line");
            let names: Vec<&[u8]> = message.headers.iter().map(|(n, _)| &n[..]).collect();
            match expected {
                None if b == b':' => {
                    assert!(names.contains(&&b"X"[..]));
                    assert_eq!(message.values(b"X").collect::<Vec<_>>(), [b"Y: v"]);
                }
                None => assert!(names.contains(&&[b'X', b, b'Y'][..]), "byte {b:#04x}"),
                Some(_) => assert_eq!(complete(&trace), 0),
            }
        }
    }
    // An empty name.
    assert_eq!(
        error_of(&server(&get_with(b": v\r\n"))),
        Some((ErrorKind::InvalidFieldName, 25))
    );
    assert_eq!(
        error_of(&responses(&ok_with(b": v\r\n"))),
        Some((ErrorKind::InvalidFieldName, 17))
    );
}

/// RFC 9110 5.1, 5.6.2: a sender writes only token names: the encoders
/// refuse any other byte in a header or trailer name, naming the field and
/// the byte, and write nothing.
#[test]
fn the_encoders_write_only_token_field_names() {
    for b in 0..=255u8 {
        let name = [b'X', b, b'Y'];
        let fields = [Field::new("Host", "a"), field_bytes(&name, b"v")];
        let trailers = [field_bytes(&name, b"v")];
        let request = write_get(&fields);
        let response = write_ok(&fields[1..], Body::Empty);
        let trailer = write_trailers(&trailers);
        if is_tchar(b) {
            let line = [&name[..], b": v\r\n"].concat();
            assert_eq!(
                request.expect("a token name"),
                [&b"GET / HTTP/1.1\r\nHost: a\r\n"[..], &line, b"\r\n"].concat()
            );
            assert!(response
                .expect("a token name")
                .starts_with(&[&b"HTTP/1.1 200 OK\r\n"[..], &line].concat()));
            assert_eq!(
                trailer.expect("a token name"),
                [&b"0\r\n"[..], &line, b"\r\n"].concat()
            );
        } else {
            let kind = EncodeErrorKind::InvalidFieldName;
            assert_eq!(refusal(request), (kind, Some(1), Some(1)), "byte {b:#04x}");
            assert_eq!(refusal(response), (kind, Some(0), Some(1)), "byte {b:#04x}");
            assert_eq!(refusal(trailer), (kind, Some(0), Some(1)), "byte {b:#04x}");
        }
    }
    let empty = [Field::new("Host", "a"), Field::new("", "v")];
    assert_eq!(
        refusal(write_get(&empty)),
        (EncodeErrorKind::InvalidFieldName, Some(1), Some(0))
    );
}

/// RFC 9110 5.1: "Field names are case-insensitive": Host, Content-Length
/// and Transfer-Encoding are recognised in any case (a second `HOST` is a
/// second Host, `cONTENT-lENGTH` frames the body), and names are delivered
/// with their case as sent.
#[test]
fn field_names_are_matched_without_case() {
    let input = b"POST / HTTP/1.1\r\nhOsT: a\r\ncONTENT-lENGTH: 3\r\n\r\nabc";
    let trace = server(input);
    assert_eq!(
        trace.events(input),
        [
            request("POST", "/", Version::Http11),
            header("hOsT", "a"),
            header("cONTENT-lENGTH", "3"),
            Ev::HeadEnd(Framing::Length(3)),
            body(b"abc"),
            Ev::MessageEnd,
        ]
    );
    let input = get_with(b"HOST: b\r\n");
    assert_eq!(
        error_of(&server(&input)),
        Some((ErrorKind::DuplicateHost, 25))
    );
    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\ntransfer-ENCODING: chunked\r\ncontent-length: 3\r\n\r\n";
    assert_eq!(
        error_of(&server(input)),
        Some((ErrorKind::ContentLengthWithTransferEncoding, 54))
    );
    // A response: the lower-case name frames it.
    let input = b"HTTP/1.1 200 OK\r\ntransfer-encoding: CHUNKED\r\n\r\n1\r\nx\r\n0\r\n\r\n";
    let trace = responses(input);
    assert_eq!(trace.framings(), [Framing::Chunked]);
    assert_eq!(trace.reduction.messages[0].body, b"x");
    // The head at once looks names up without case too.
    let input = b"GET / HTTP/1.1\r\nhOsT: a\r\nX-Thing: 1\r\n\r\n";
    let mut decoder = h1wire::Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 8];
    match decoder.decode_head(input, &mut fields) {
        Ok(h1wire::HeadStatus::Complete(head)) => {
            assert_eq!(head.field("HOST"), Some(&b"a"[..]));
            assert_eq!(head.field("x-thing"), Some(&b"1"[..]));
            assert_eq!(head.fields[0].name, b"hOsT");
        }
        other => panic!("{other:?}"),
    }
}

/// RFC 9110 5.1 (case-insensitive names), on the sending side: the client
/// encoder knows `host` and `HOST` for one field, and `content-length`
/// for Content-Length; names are written with the case given.
#[test]
fn the_encoders_match_field_names_without_case_and_keep_their_case() {
    assert_eq!(
        write_get(&[Field::new("hOsT", "a")]).expect("a Host in any case"),
        b"GET / HTTP/1.1\r\nhOsT: a\r\n\r\n"
    );
    assert_eq!(
        refusal(write_get(&[
            Field::new("HOST", "a"),
            Field::new("host", "a")
        ])),
        (EncodeErrorKind::DuplicateHost, Some(1), None)
    );
    let line = RequestLine::new("POST", "/", Version::Http11);
    let fields = [Field::new("Host", "a"), Field::new("content-LENGTH", "3")];
    assert_eq!(
        refusal(write_request(&line, &fields, Body::Length(4))).0,
        EncodeErrorKind::FramingConflict
    );
    let fields = [
        Field::new("Host", "a"),
        Field::new("content-LENGTH", "3"),
        Field::new("TRANSFER-encoding", "chunked"),
    ];
    assert_eq!(
        refusal(write_request(&line, &fields, Body::AsFields)),
        (
            EncodeErrorKind::ContentLengthWithTransferEncoding,
            Some(2),
            None
        )
    );
    assert_eq!(
        write_ok(&[Field::new("content-length", "0")], Body::Empty).expect("one Content-Length"),
        b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"
    );
}

/// RFC 9110 5.1: a proxy MUST forward unrecognized header fields, other
/// recipients SHOULD ignore them: the decoder delivers every field,
/// unknown ones untouched, and the encoder writes them back, so a relay
/// can forward them.
#[test]
fn unrecognized_fields_are_delivered_and_written_as_they_are() {
    let input = get_with(b"X-Never-Registered: a;b=\"c, d\"\r\nZz: !#$%\r\n");
    let trace = server(&input);
    assert_eq!(
        trace.events(&input)[1..4],
        [
            header("Host", "a"),
            header("X-Never-Registered", "a;b=\"c, d\""),
            header("Zz", "!#$%"),
        ]
    );
    let fields = [
        Field::new("Host", "a"),
        Field::new("X-Never-Registered", "a;b=\"c, d\""),
        Field::new("Zz", "!#$%"),
    ];
    assert_eq!(write_get(&fields).expect("unknown fields"), input);
}

// ---------------------------------------------------------------------
// RFC 9110 5.2, 5.3: field lines, combined values, field order
// ---------------------------------------------------------------------

/// RFC 9110 5.2, 5.3: lines of one name are kept in the order received
/// (a recipient MAY combine them, a proxy MUST NOT reorder them): h1wire
/// delivers each line as its own field, in order, never combined, in both
/// roles.
#[test]
fn field_lines_of_one_name_are_delivered_one_by_one_in_order() {
    let lines = b"Accept: a\r\nX: 1\r\naccept: b, c\r\nAccept: d\r\n";
    let input = get_with(lines);
    let trace = server(&input);
    assert_eq!(
        trace.events(&input)[2..6],
        [
            header("Accept", "a"),
            header("X", "1"),
            header("accept", "b, c"),
            header("Accept", "d"),
        ]
    );
    let values: Vec<&[u8]> = trace.reduction.messages[0].values(b"ACCEPT").collect();
    assert_eq!(values, [&b"a"[..], b"b, c", b"d"]);
    let input = ok_with(lines);
    let trace = responses(&input);
    let values: Vec<&[u8]> = trace.reduction.messages[0].values(b"accept").collect();
    assert_eq!(values, [&b"a"[..], b"b, c", b"d"]);
}

/// RFC 9110 5.3: Set-Cookie is the exception to combining (it cannot be
/// joined with commas): each line arrives as its own field, a comma in an
/// Expires date splitting nothing, and the server encoder writes each as
/// its own line, in order.
#[test]
fn set_cookie_lines_stay_separate_lines() {
    let cookies = b"Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT\r\n\
                    Set-Cookie: theme=dark\r\n";
    let input = ok_with(cookies);
    let trace = responses(&input);
    assert_eq!(
        trace.events(&input)[1..3],
        [
            header(
                "Set-Cookie",
                "id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT"
            ),
            header("Set-Cookie", "theme=dark"),
        ]
    );
    let fields = [
        Field::new(
            "Set-Cookie",
            "id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT",
        ),
        Field::new("Set-Cookie", "theme=dark"),
        Field::new("Content-Length", "0"),
    ];
    assert_eq!(
        write_ok(&fields, Body::AsFields).expect("two cookies"),
        input
    );
}

/// RFC 9110 5.3 (a proxy MUST NOT change the order of same-name lines):
/// the encoders write the fields in the order given, repeated names as
/// repeated lines, and the decoder reads back the same list.
#[test]
fn the_encoders_write_fields_in_the_order_given() {
    let fields = [
        Field::new("Via", "1.1 a"),
        Field::new("Host", "example.com"),
        Field::new("Cache-Control", "no-cache"),
        Field::new("Via", "1.1 b"),
        Field::new("cache-control", "no-store"),
    ];
    let wire = write_get(&fields).expect("a GET");
    assert_eq!(
        wire,
        b"GET / HTTP/1.1\r\nVia: 1.1 a\r\nHost: example.com\r\nCache-Control: no-cache\r\n\
          Via: 1.1 b\r\ncache-control: no-store\r\n\r\n"
    );
    let read: Vec<(Vec<u8>, Vec<u8>)> = server(&wire).reduction.messages[0].headers.clone();
    let given: Vec<(Vec<u8>, Vec<u8>)> = fields
        .iter()
        .map(|f| (f.name.to_vec(), f.value.to_vec()))
        .collect();
    assert_eq!(read, given);
}

/// RFC 9110 5.3: a sender MUST NOT generate several lines of a field that
/// is not a list. Of the fields the encoders know, Host and Content-Length
/// are singletons: a second line (identical or not, any case) or a list is
/// refused, naming the field. (Other fields' definitions are the caller's
/// to know.)
#[test]
fn the_encoders_refuse_a_second_line_of_host_or_content_length() {
    assert_eq!(
        refusal(write_get(&[
            Field::new("Host", "a"),
            Field::new("Accept", "*/*"),
            Field::new("Host", "a"),
        ])),
        (EncodeErrorKind::DuplicateHost, Some(2), None)
    );
    let twice = [
        Field::new("Content-Length", "0"),
        Field::new("content-length", "0"),
    ];
    let (kind, field, _) = refusal(write_ok(&twice, Body::AsFields));
    assert_eq!(
        (kind, field),
        (EncodeErrorKind::DuplicateContentLength, Some(1))
    );
    let list = [Field::new("Content-Length", "5, 5")];
    assert_eq!(
        refusal(write_ok(&list, Body::AsFields)).0,
        EncodeErrorKind::DuplicateContentLength
    );
}

/// RFC 9110 5.3: a server MUST NOT apply a request before it has the
/// whole header section: the head ends (`HeadEnd`) only at the empty
/// line, so a head cut short delivers its fields but never its end.
#[test]
fn a_head_ends_only_with_its_whole_header_section() {
    let input = b"DELETE /x HTTP/1.1\r\nHost: a\r\nAuthorization: t\r\n";
    let trace = server(input);
    assert_eq!(
        trace.events(input),
        [
            request("DELETE", "/x", Version::Http11),
            header("Host", "a"),
            header("Authorization", "t"),
            Ev::Error(ErrorKind::Incomplete, input.len() as u64),
        ]
    );
    assert!(trace.framings().is_empty());
}

// ---------------------------------------------------------------------
// RFC 9110 5.4: field limits
// ---------------------------------------------------------------------

fn with_limits(set: impl FnOnce(&mut h1wire::Limits)) -> Config {
    let mut config = Config::default();
    set(&mut config.limits);
    config
}

/// RFC 9110 5.4: a server that receives a field line larger than it
/// wishes to process MUST respond with a 4xx: `Limits::line` (a field
/// line without its CRLF) refuses one byte past the bound with
/// `field_line_too_long` (431) at that byte, and reads nothing after it.
#[test]
fn a_field_line_over_the_line_limit_is_refused_with_431() {
    let config = with_limits(|l| l.line = 20);
    // "X: " and 17 bytes of value: exactly 20.
    let line = |len: usize| [&b"X: "[..], &vec![b'v'; len - 3], b"\r\n"].concat();
    // A next request whose lines fit the limit too.
    let next = b"GET /n HTTP/1.1\r\nHost: a\r\n\r\n";
    let fine = [get_with(&line(20)), next.to_vec()].concat();
    let trace = server_with(config, &fine);
    assert_eq!((error_of(&trace), complete(&trace)), (None, 2));
    let over = [get_with(&line(21)), next.to_vec()].concat();
    let trace = server_with(config, &over);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::FieldLineTooLong, 25 + 20))
    );
    // The next request is never begun.
    assert_eq!((complete(&trace), trace.reduction.messages.len()), (0, 1));
    assert_eq!(ErrorKind::FieldLineTooLong.status_hint(), 431);
}

/// RFC 9110 5.4 with the default limits: a field line of 16 KiB is read,
/// one byte more is refused (431).
#[test]
fn the_default_field_line_limit_is_16_kib() {
    let line = |len: usize| [&b"Cookie: "[..], &vec![b'c'; len - 8], b"\r\n"].concat();
    let trace = server(&get_with(&line(16 * 1024)));
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
    assert_eq!(
        error_of(&server(&get_with(&line(16 * 1024 + 1)))),
        Some((ErrorKind::FieldLineTooLong, 25 + 16 * 1024))
    );
}

/// RFC 9110 5.4: a set of fields larger than the server wishes to process
/// (`Limits::head`, the whole head) is refused with `head_too_large`
/// (431), at the first byte past the bound.
#[test]
fn a_header_section_over_the_head_limit_is_refused_with_431() {
    let input = get_with(b"A: 1\r\nB: 2\r\n");
    let config = with_limits(|l| l.head = input.len());
    assert_eq!(complete(&server_with(config, &input)), 1);
    let config = with_limits(|l| l.head = input.len() - 1);
    let trace = server_with(config, &[&input[..], SMUGGLED.as_bytes()].concat());
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::HeadTooLarge, input.len() as u64 - 1))
    );
    assert_eq!((complete(&trace), smuggled_read(&trace)), (0, false));
    assert_eq!(ErrorKind::HeadTooLarge.status_hint(), 431);
}

/// RFC 9110 5.4 with `Limits::head` at a field line's end, both ways: a
/// field line whose LF is the first byte past the head limit (its CR the
/// last byte within) is refused with `head_too_large` (431) at that LF,
/// and not delivered; one that ends exactly at the limit is read and
/// delivered, and the head then fails at the empty line that no longer
/// fits, at its first byte. The same in a request and a response, read as
/// events or as a head at once, at every split. (Refusing the line only
/// two bytes past the bound, which then failed at the empty line a byte
/// later, passed every test.)
#[test]
fn a_field_line_ending_one_byte_past_the_head_limit_is_refused_at_its_lf() {
    let request = get_with(b"A: 1\r\nB: 2\r\n");
    let response = b"HTTP/1.1 200 OK\r\nB: 2\r\nContent-Length: 0\r\n\r\n".to_vec();
    for (input, last_field) in [
        (request, header("B", "2")),
        (response, header("Content-Length", "0")),
    ] {
        // The last field line's LF, then the empty line's CR.
        let lf = input.len() - 3;
        let reads = if input.starts_with(b"GET") {
            Reads::Requests
        } else {
            Reads::Responses(vec![MethodKind::Other])
        };
        for (head, delivered, at) in [(lf, false, lf), (lf + 1, true, lf + 1)] {
            let config = with_limits(|l| l.head = head);
            let trace = match &reads {
                Reads::Requests => server_with(config, &input),
                Reads::Responses(methods) => client_with(config, methods, &input),
            };
            let case = format!("head limit {head}: {}", h1wire_testkit::esc(&input));
            assert_eq!(
                error_of(&trace),
                Some((ErrorKind::HeadTooLarge, at as u64)),
                "{case}"
            );
            assert_eq!(
                trace.events(&input).contains(&last_field),
                delivered,
                "{case}"
            );
            assert_eq!(complete(&trace), 0, "{case}");
            for pieces in [Pieces::whole(), Pieces::bytewise(), Pieces::every(7)] {
                let heads = drive_heads(config, &reads, &input, pieces, 8, None);
                let End::Error(error) = heads.end else {
                    panic!("at once: {case}");
                };
                assert_eq!(
                    (error.kind(), error.offset()),
                    (ErrorKind::HeadTooLarge, at as u64),
                    "at once: {case}"
                );
            }
        }
    }
}

/// RFC 9110 5.4: more field lines than the server wishes to process
/// (`Limits::fields`) are refused with `too_many_fields` (431), at the
/// first line past the bound.
#[test]
fn more_field_lines_than_the_limit_are_refused_with_431() {
    let config = with_limits(|l| l.fields = 3);
    // Host and two more: three lines.
    assert_eq!(
        complete(&server_with(config, &get_with(b"A: 1\r\nB: 2\r\n"))),
        1
    );
    let trace = server_with(config, &get_with(b"A: 1\r\nB: 2\r\nC: 3\r\n"));
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::TooManyFields, 25 + 2 * 6))
    );
    assert_eq!(ErrorKind::TooManyFields.status_hint(), 431);
    // A head at once, into an array too small for its fields: 431 too, at
    // the line that does not fit.
    let mut decoder = h1wire::Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 2];
    let error = decoder
        .decode_head(&get_with(b"A: 1\r\nB: 2\r\n"), &mut fields)
        .expect_err("three fields, room for two");
    assert_eq!(
        (error.kind(), error.offset(), error.status_hint()),
        (ErrorKind::FieldArrayFull, 25 + 6, 431)
    );
}

/// RFC 9110 5.4 (a set of fields: the trailer section): a trailer section
/// over `Limits::trailers` is refused with `trailers_too_large`, a 4xx
/// (413).
#[test]
fn a_trailer_section_over_its_limit_is_refused_with_a_4xx() {
    let head = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    let config = with_limits(|l| l.trailers = 10);
    // "T: 123\r\n" and the empty line: 10 bytes.
    let fine = [&head[..], b"0\r\nT: 123\r\n\r\n"].concat();
    let trace = server_with(config, &fine);
    assert_eq!(
        trace.reduction.messages[0].trailers,
        [(b"T".to_vec(), b"123".to_vec())]
    );
    let over = [&head[..], b"0\r\nT: 1234\r\n\r\n"].concat();
    assert_eq!(
        error_of(&server_with(config, &over)),
        Some((ErrorKind::TrailersTooLarge, head.len() as u64 + 3 + 10))
    );
    let hint = ErrorKind::TrailersTooLarge.status_hint();
    assert!((400..500).contains(&hint), "{hint}");
}

/// RFC 9110 5.4: a client MAY discard or truncate a field line larger than
/// it wishes to process. Stricter: the client decoder refuses the
/// response (a dropped line could have framed it); no lenient option.
#[test]
fn a_client_refuses_a_response_field_over_the_limit() {
    let config = with_limits(|l| l.line = 20);
    let line = |len: usize| [&b"X: "[..], &vec![b'v'; len - 3], b"\r\n"].concat();
    let trace = client_with(config, &[MethodKind::Other], &ok_with(&line(20)));
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
    let trace = client_with(config, &[MethodKind::Other], &ok_with(&line(21)));
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::FieldLineTooLong, 17 + 20))
    );
    assert_eq!(complete(&trace), 0);
}

/// RFC 9110 5.4, end to end: the server connection hands the caller the
/// error (hint 431) and still takes one response to it, which closes the
/// connection.
#[test]
fn a_server_connection_answers_a_field_over_the_limit_and_closes() {
    let mut config = ConnectionConfig::default();
    config.config.limits.line = 20;
    let mut conn = h1wire::server::Connection::new(config);
    let input = [
        get_with(b"X: 012345678901234567890\r\n"),
        SMUGGLED.as_bytes().to_vec(),
    ]
    .concat();
    let mut at = 0;
    let error = loop {
        match conn.decode(&input[at..]) {
            Ok(step) => at += step.consumed,
            Err(e) => break e,
        }
    };
    assert_eq!(
        (error.kind(), error.offset(), error.status_hint()),
        (ErrorKind::FieldLineTooLong, 25 + 20, 431)
    );
    let mut out = Vec::new();
    let status = StatusLine::new(
        Version::Http11,
        error.status_hint(),
        "Request Header Fields Too Large",
    );
    conn.response_into(&status, &[], Body::Empty, &mut out)
        .expect("one answer to the error");
    conn.end_into(&[], &mut out).expect("its end");
    assert_eq!(
        out,
        b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(conn.state(), ConnState::Closed);
}

// ---------------------------------------------------------------------
// RFC 9110 5.5: field values
// ---------------------------------------------------------------------

/// RFC 9110 5.5: a recipient of CR, LF or NUL in a field value MUST reject
/// the message or replace them with SP: h1wire rejects it (a CR or LF
/// inside a line is a broken line end, RFC 9112 2.2), at the byte, in
/// headers and trailers, in both roles, and reads nothing after it.
#[test]
fn cr_lf_and_nul_in_a_field_value_are_refused() {
    for (byte, kind) in [
        (b'\r', ErrorKind::BareCr),
        (b'\n', ErrorKind::BareLf),
        (0, ErrorKind::InvalidFieldValue),
    ] {
        let line = [&b"X: a"[..], &[byte], b"b\r\n"].concat();
        let input = [get_with(&line), SMUGGLED.as_bytes().to_vec()].concat();
        let trace = server(&input);
        assert_eq!(error_of(&trace), Some((kind, 25 + 4)), "{byte:#04x}");
        assert_eq!((complete(&trace), smuggled_read(&trace)), (0, false));
        let trace = responses(&ok_with(&line));
        assert_eq!(error_of(&trace), Some((kind, 17 + 4)), "{byte:#04x}");
        assert_eq!(complete(&trace), 0);
        // In a trailer section.
        let head = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n";
        let trace = server(&[&head[..], &line, b"\r\n"].concat());
        assert_eq!(
            error_of(&trace),
            Some((kind, head.len() as u64 + 4)),
            "{byte:#04x}"
        );
    }
    // Even where every lenient reading is on (a folded CRLF apart, which
    // is not inside a value line).
    let mut lenient = Config::default();
    lenient.lenient = h1wire::Lenient::all();
    let trace = server_with(lenient, &get_with(b"X: a\0b\r\n"));
    assert_eq!(error_of(&trace), Some((ErrorKind::InvalidFieldValue, 29)));
}

/// RFC 9110 5.5: other CTLs in a value are invalid too, and a recipient
/// MAY retain them in safe contexts. Stricter: every control byte but
/// HTAB, and DEL, is refused at the byte in both roles, whatever the
/// lenient options (none retains them).
#[test]
fn other_control_bytes_in_a_field_value_are_refused() {
    let mut lenient = Config::default();
    lenient.lenient = h1wire::Lenient::all();
    let controls = (0x01..=0x1fu8)
        .filter(|b| ![b'\t', b'\r', b'\n'].contains(b))
        .chain([0x7f]);
    for b in controls {
        let line = [&b"X: a"[..], &[b], b"b\r\n"].concat();
        for config in [Config::default(), lenient] {
            assert_eq!(
                error_of(&server_with(config, &get_with(&line))),
                Some((ErrorKind::InvalidFieldValue, 29)),
                "{b:#04x}"
            );
            assert_eq!(
                error_of(&client_with(config, &[MethodKind::Other], &ok_with(&line))),
                Some((ErrorKind::InvalidFieldValue, 21)),
                "{b:#04x}"
            );
        }
    }
    // HTAB is whitespace, and stays inside a value.
    let trace = server(&get_with(b"X: a\tb\r\n"));
    assert_eq!(
        trace.reduction.messages[0].values(b"x").next(),
        Some(&b"a\tb"[..])
    );
}

/// RFC 9110 5.5: a recipient SHOULD treat obs-text (bytes 0x80-0xFF) in a
/// value as opaque data: every such byte is delivered as it came, in both
/// roles.
#[test]
fn obs_text_in_a_field_value_is_delivered_opaque() {
    let value: Vec<u8> = [
        b"caf".as_slice(),
        &(0x80..=0xffu8).collect::<Vec<_>>(),
        b"!",
    ]
    .concat();
    let line = [&b"X-Name: "[..], &value, b"\r\n"].concat();
    let trace = server(&get_with(&line));
    assert_eq!(
        trace.reduction.messages[0].values(b"x-name").next(),
        Some(&value[..])
    );
    let trace = responses(&ok_with(&line));
    assert_eq!(
        trace.reduction.messages[0].values(b"x-name").next(),
        Some(&value[..])
    );
}

/// RFC 9110 5.5: a field value does not include leading or trailing
/// whitespace, and a parser MUST exclude it before evaluating the value:
/// SP and HTAB around a value are dropped (inside it they stay), and the
/// framing and Host rules judge the trimmed value. Both roles.
#[test]
fn whitespace_around_a_field_value_is_not_part_of_it() {
    let input = b"POST / HTTP/1.1\r\nHost: \t a.example:80 \t \r\nX:v\r\nY: \t\r\n\
                  Content-Length:\t 3 \t\r\nZ:  a \t b  \r\n\r\nabc";
    let trace = server(input);
    assert_eq!(
        trace.events(input),
        [
            request("POST", "/", Version::Http11),
            header("Host", "a.example:80"),
            header("X", "v"),
            header("Y", ""),
            header("Content-Length", "3"),
            header("Z", "a \t b"),
            Ev::HeadEnd(Framing::Length(3)),
            body(b"abc"),
            Ev::MessageEnd,
        ]
    );
    let input =
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: \tchunked\t\r\nX:\t v \r\n\r\n0\r\nT:  1 \r\n\r\n";
    let trace = responses(input);
    assert_eq!(
        trace.events(input),
        [
            Ev::Response {
                version: Version::Http11,
                status: 200,
                reason: b"OK".to_vec()
            },
            header("Transfer-Encoding", "chunked"),
            header("X", "v"),
            Ev::HeadEnd(Framing::Chunked),
            trailer("T", "1"),
            Ev::MessageEnd,
        ]
    );
}

/// RFC 9110 5.5 and RFC 9112 11.1, on the sending side: a value holding
/// CR, LF, NUL, another control byte or DEL is refused, naming the field
/// and the byte, in header and trailer fields of both encoders; HTAB and
/// obs-text are written as they are.
#[test]
fn the_encoders_refuse_control_bytes_in_a_field_value() {
    for b in (0x00..=0x1fu8).filter(|&b| b != b'\t').chain([0x7f]) {
        let value = [b'a', b, b'b'];
        let kind = EncodeErrorKind::InvalidFieldValue;
        let fields = [Field::new("Host", "a"), field_bytes(b"X", &value)];
        assert_eq!(
            refusal(write_get(&fields)),
            (kind, Some(1), Some(1)),
            "{b:#04x}"
        );
        assert_eq!(
            refusal(write_ok(&fields[1..], Body::Empty)),
            (kind, Some(0), Some(1)),
            "{b:#04x}"
        );
        let trailers = [Field::new("T", "1"), field_bytes(b"X", &value)];
        assert_eq!(
            refusal(write_trailers(&trailers)),
            (kind, Some(1), Some(1)),
            "{b:#04x}"
        );
    }
    let value: Vec<u8> = [&b"a\tb "[..], &(0x80..=0xffu8).collect::<Vec<_>>()].concat();
    let wire = write_ok(&[field_bytes(b"X", &value)], Body::Empty).expect("HTAB and obs-text");
    let expected = [
        &b"HTTP/1.1 200 OK\r\nX: "[..],
        &value,
        b"\r\nContent-Length: 0\r\n\r\n",
    ]
    .concat();
    assert_eq!(wire, expected);
    assert_eq!(
        responses(&wire).reduction.messages[0].values(b"X").next(),
        Some(&value[..])
    );
}

/// RFC 9110 5.5 (whitespace around a value is not part of it), on the
/// sending side: a value that starts or ends with SP or HTAB would not
/// read back as given, so it is refused at that byte.
#[test]
fn the_encoders_refuse_whitespace_at_either_end_of_a_value() {
    for (value, at) in [
        (" a", 0),
        ("a ", 1),
        ("\ta", 0),
        ("a\t", 1),
        (" ", 0),
        ("a b \t", 4),
    ] {
        let fields = [Field::new("Host", "a"), Field::new("X", value)];
        assert_eq!(
            refusal(write_get(&fields)),
            (EncodeErrorKind::InvalidFieldValue, Some(1), Some(at)),
            "{value:?}"
        );
        assert_eq!(
            refusal(write_ok(&fields[1..], Body::Empty)),
            (EncodeErrorKind::InvalidFieldValue, Some(0), Some(at)),
            "{value:?}"
        );
    }
    // Inside, and an empty value, are fine.
    let fields = [
        Field::new("Host", "a"),
        Field::new("X", "a \t b"),
        Field::new("Y", ""),
    ];
    let wire = write_get(&fields).expect("inner whitespace");
    assert_eq!(
        wire,
        b"GET / HTTP/1.1\r\nHost: a\r\nX: a \t b\r\nY: \r\n\r\n"
    );
    let read = &server(&wire).reduction.messages[0];
    assert_eq!(read.values(b"x").next(), Some(&b"a \t b"[..]));
    assert_eq!(read.values(b"y").next(), Some(&b""[..]));
}

// ---------------------------------------------------------------------
// RFC 9110 5.6: lists, tokens, whitespace, quoted strings (as h1wire
// parses them: Transfer-Encoding, Content-Length, Host)
// ---------------------------------------------------------------------

/// RFC 9110 5.6.1: a recipient MUST parse and ignore a reasonable number
/// of empty list elements: in Transfer-Encoding, `gzip, , chunked`,
/// `,chunked` and `chunked,` read as their elements, in both roles.
#[test]
fn empty_list_elements_in_transfer_encoding_are_ignored() {
    for te in ["gzip, , chunked", ",chunked", "chunked,", " , ,chunked, ,"] {
        let input = format!(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {te}\r\n\r\n1\r\nx\r\n0\r\n\r\n"
        );
        let trace = server(input.as_bytes());
        assert_eq!(
            (trace.framings(), complete(&trace)),
            (vec![Framing::Chunked], 1),
            "{te:?}"
        );
        let input =
            format!("HTTP/1.1 200 OK\r\nTransfer-Encoding: {te}\r\n\r\n1\r\nx\r\n0\r\n\r\n");
        let trace = responses(input.as_bytes());
        assert_eq!(
            (trace.framings(), complete(&trace)),
            (vec![Framing::Chunked], 1),
            "{te:?}"
        );
    }
    // An empty element does not hide a second chunked.
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, ,chunked\r\n\r\n";
    assert_eq!(
        error_of(&server(input)).map(|e| e.0),
        Some(ErrorKind::ChunkedTwice)
    );
}

/// RFC 9110 5.6.3: a sender SHOULD generate OWS as one SP and MUST NOT
/// generate BWS; a recipient reads any OWS. The encoders write `name: value`
/// (one SP after the colon, none before it or at the end); the decoders read
/// no whitespace, one SP, or runs of SP and HTAB after the colon alike.
#[test]
fn optional_whitespace_is_written_as_one_space_and_read_in_any_run() {
    let wire = write_ok(&[Field::new("X", "v")], Body::Length(0)).expect("a response");
    assert_eq!(
        wire,
        b"HTTP/1.1 200 OK\r\nX: v\r\nContent-Length: 0\r\n\r\n"
    );
    for line in [&b"X:v\r\n"[..], b"X: v\r\n", b"X: \t \tv\r\n", b"X:\tv\r\n"] {
        let trace = server(&get_with(line));
        assert_eq!(
            trace.reduction.messages[0].headers[1],
            (b"X".to_vec(), b"v".to_vec()),
            "{}",
            h1wire_testkit::esc(line)
        );
    }
}

/// RFC 9110 5.6.4: a quoted-string is one element, and a recipient MUST
/// read a quoted-pair as the byte after the backslash. In a response's
/// transfer-coding parameters, `"\",chunked"` is one string: the final
/// coding stays gzip and the body runs to the close. (In requests the
/// strict profile refuses any parameter or quoted string: a naive list
/// splitter would read it differently.)
#[test]
fn a_quoted_string_in_a_response_coding_is_one_element() {
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip;p=\"\\\",chunked\"\r\n\r\n0\r\n\r\n";
    let trace = responses(input);
    assert_eq!(trace.framings(), [Framing::Close]);
    assert_eq!(trace.reduction.messages[0].body, b"0\r\n\r\n");
    // Without the quotes, chunked is the final coding.
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip;p=x,chunked\r\n\r\n0\r\n\r\n";
    assert_eq!(responses(input).framings(), [Framing::Chunked]);
    // An unterminated string is not a list.
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip;p=\"a, chunked\r\n\r\n";
    assert_eq!(
        error_of(&responses(input)).map(|e| e.0),
        Some(ErrorKind::InvalidTransferEncoding)
    );
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip;p=\"x\", chunked\r\n\r\n";
    assert_eq!(
        error_of(&server(input)).map(|e| e.0),
        Some(ErrorKind::InvalidTransferEncoding)
    );
    // The server encoder reads the same list the same way.
    let te = [Field::new("Transfer-Encoding", "gzip;p=\"\\\",chunked\"")];
    let mut out = Vec::new();
    let head = Encoder::server()
        .response_into(
            &StatusLine::new(Version::Http11, 200, "OK"),
            &te,
            Body::AsFields,
            Answering::HTTP11,
            &mut out,
        )
        .expect("a response coding with a quoted parameter");
    assert_eq!(head.framing, Framing::Close);
}

// ---------------------------------------------------------------------
// RFC 9110 7.2 and RFC 9112 3.2: Host
// ---------------------------------------------------------------------

/// RFC 9112 3.2 (and RFC 9110 7.2): a server MUST respond 400 to an
/// HTTP/1.1 request without Host: `missing_host` at the empty line that
/// ends the head, even with an absolute-form target, and nothing after it
/// is read.
#[test]
fn an_http11_request_without_host_is_refused_with_400() {
    for target in ["/", "http://a.example/", "*"] {
        let method = if target == "*" { "OPTIONS" } else { "GET" };
        let head = format!("{method} {target} HTTP/1.1\r\nAccept: */*\r\n");
        let input = format!("{head}\r\n{SMUGGLED}");
        let trace = server(input.as_bytes());
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::MissingHost, head.len() as u64)),
            "{target}"
        );
        assert_eq!((complete(&trace), smuggled_read(&trace)), (0, false));
    }
    assert_eq!(ErrorKind::MissingHost.status_hint(), 400);
    // HTTP/1.0 has no such rule.
    let trace = server(b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
}

/// RFC 9112 3.2: a server MUST respond 400 to any request (HTTP/1.0 too)
/// with more than one Host line, identical or not, whatever the case of
/// the names: `duplicate_host` at the second line.
#[test]
fn a_request_with_two_host_lines_is_refused_with_400() {
    for version in ["1.0", "1.1"] {
        for second in ["Host: a", "host: b", "HOST: "] {
            let head = format!("GET / HTTP/{version}\r\nHost: a\r\nX: 1\r\n");
            let input = format!("{head}{second}\r\n\r\n{SMUGGLED}");
            let trace = server(input.as_bytes());
            assert_eq!(
                error_of(&trace),
                Some((ErrorKind::DuplicateHost, head.len() as u64)),
                "{version} {second}"
            );
            assert_eq!((complete(&trace), smuggled_read(&trace)), (0, false));
        }
    }
    assert_eq!(ErrorKind::DuplicateHost.status_hint(), 400);
}

/// RFC 9112 3.2 (RFC 9110 7.2, `Host = uri-host [ ":" port ]`): a server
/// MUST respond 400 to any request with an invalid Host value:
/// `invalid_host` at the first byte that does not fit, HTTP/1.0 too.
#[test]
fn a_request_with_an_invalid_host_is_refused_with_400() {
    for (host, bad) in [
        ("a.example, b.example", 9),
        ("user@a.example", 4),
        ("a example", 1),
        ("a.example:65536", 14),
        ("a.example:8o", 11),
        (":80", 0),
        ("[::1", 4),
        ("a/b", 1),
        ("caf\u{e9}", 3),
        ("a:1:2", 3),
    ] {
        for version in ["1.0", "1.1"] {
            let head = format!("GET / HTTP/{version}\r\nHost: ");
            let input = format!("{head}{host}\r\n\r\n{SMUGGLED}");
            let trace = server(input.as_bytes());
            assert_eq!(
                error_of(&trace),
                Some((ErrorKind::InvalidHost, (head.len() + bad) as u64)),
                "{version} {host:?}"
            );
            assert_eq!((complete(&trace), smuggled_read(&trace)), (0, false));
        }
    }
    assert_eq!(ErrorKind::InvalidHost.status_hint(), 400);
}

/// RFC 9110 7.2, RFC 3986 3.2.2: valid Host values are read as they are:
/// names, ports up to 65535, IP literals, IPv4, pct-encoding; an empty
/// value (what a client sends when the target has no authority, RFC 9112
/// 3.2) is accepted.
#[test]
fn valid_host_values_are_accepted() {
    for host in [
        "example.com",
        "example.com:65535",
        "EXAMPLE.com:080",
        "[2001:db8::1]:8443",
        "[v1.x]",
        "192.0.2.1:80",
        "xn--caf-dma.example",
        "a%2Db",
        "",
    ] {
        let input = format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!((error_of(&trace), complete(&trace)), (None, 1), "{host:?}");
        assert_eq!(
            trace.reduction.messages[0].values(b"host").next(),
            Some(host.as_bytes())
        );
    }
}

/// RFC 9112 3.2.2: a server MUST accept the absolute-form, and its
/// authority wins over Host (an origin server ignores Host, a proxy
/// replaces it). The decoder accepts a Host that differs from the target's
/// authority and delivers both unchanged: routing by the target is the
/// caller's, and the target is there whole.
#[test]
fn an_absolute_form_target_is_accepted_beside_a_different_host() {
    let input = b"GET http://origin.example:8080/p?q HTTP/1.1\r\nHost: other.example\r\n\r\n";
    let trace = server(input);
    assert_eq!(
        trace.events(input),
        [
            request("GET", "http://origin.example:8080/p?q", Version::Http11),
            header("Host", "other.example"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
        ]
    );
    // The line says which authority routes it: the target's, not Host's.
    let mut fields = [Field::EMPTY; 4];
    let mut decoder = h1wire::Decoder::server(Config::default());
    let Ok(h1wire::HeadStatus::Complete(head)) = decoder.decode_head(input, &mut fields) else {
        panic!("a complete head");
    };
    let h1wire::StartLine::Request(line) = head.start else {
        panic!("a request");
    };
    assert_eq!(line.authority(), Some(&b"origin.example:8080"[..]));
    assert_eq!(head.fields[0].value, b"other.example");
    // Its authority is held to Host's rules all the same.
    let input = b"GET http://a.example:65536/ HTTP/1.1\r\nHost: a.example\r\n\r\n";
    assert_eq!(
        error_of(&server(input)).map(|e| e.0),
        Some(ErrorKind::InvalidTarget)
    );
}

/// RFC 9112 3.2, RFC 9110 7.2: a client MUST send Host in every HTTP/1.1
/// request, exactly one, with a valid value: the client encoder refuses a
/// request without one (even with an absolute-form target), with two
/// (naming the second), or with an invalid value (naming field and byte),
/// and writes nothing.
#[test]
fn the_client_encoder_refuses_a_request_without_exactly_one_valid_host() {
    assert_eq!(
        refusal(write_get(&[Field::new("Accept", "*/*")])),
        (EncodeErrorKind::MissingHost, None, None)
    );
    let absolute = RequestLine::new("GET", "http://a.example/", Version::Http11);
    assert_eq!(
        refusal(write_request(&absolute, &[], Body::Empty)).0,
        EncodeErrorKind::MissingHost
    );
    assert_eq!(
        refusal(write_get(&[
            Field::new("Host", "a"),
            Field::new("Host", "b")
        ])),
        (EncodeErrorKind::DuplicateHost, Some(1), None)
    );
    let old = RequestLine::new("GET", "/", Version::Http10);
    assert_eq!(
        refusal(write_request(
            &old,
            &[Field::new("Host", "a"), Field::new("HOST", "a")],
            Body::Empty
        ))
        .0,
        EncodeErrorKind::DuplicateHost
    );
    for (host, bad) in [
        ("a, b", 1),
        ("u@a", 1),
        ("a:65536", 6),
        (":80", 0),
        ("a b", 1),
    ] {
        assert_eq!(
            refusal(write_get(&[
                Field::new("Accept", "*/*"),
                Field::new("Host", host)
            ])),
            (EncodeErrorKind::InvalidHost, Some(1), Some(bad)),
            "{host:?}"
        );
    }
    // One valid Host: written, and read back as sent.
    let wire = write_request(&absolute, &[Field::new("Host", "a.example")], Body::Empty)
        .expect("Host matching the authority");
    assert_eq!(
        wire,
        b"GET http://a.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n"
    );
    assert_eq!(complete(&server(&wire)), 1);
}

/// RFC 9112 3.2: "If the target URI includes an authority component, then
/// a client MUST send a field value for Host that is identical to that
/// authority component, excluding any userinfo". With an absolute-form
/// target the client encoder knows the authority: another Host (an empty
/// one, or the same host with another port or in other case) is refused,
/// naming the Host field and the first byte that differs (none when the
/// Host stops short of the authority); the
/// authority itself is written. `EncoderOptions::host_other_than_authority`
/// writes back what the decoder took (it lets the target win).
#[test]
fn the_client_encoder_refuses_a_host_other_than_the_targets_authority() {
    let line = RequestLine::new("GET", "http://a.example:8080/p", Version::Http11);
    for (host, at) in [
        ("b.example", Some(0)),
        ("a.example", None),
        ("a.example:80", None),
        ("A.EXAMPLE:8080", Some(0)),
        ("", None),
    ] {
        let fields = [Field::new("Accept", "*/*"), Field::new("Host", host)];
        assert_eq!(
            refusal(write_request(&line, &fields, Body::Empty)),
            (EncodeErrorKind::HostNotAuthority, Some(1), at),
            "{host:?}"
        );
    }
    let wire = write_request(&line, &[Field::new("Host", "a.example:8080")], Body::Empty)
        .expect("the authority as Host");
    assert_eq!(complete(&server(&wire)), 1);
    let mut relay = EncoderOptions::STRICT;
    relay.host_other_than_authority = true;
    let mut out = Vec::new();
    Encoder::client()
        .with_options(relay)
        .request_into(
            &line,
            &[Field::new("Host", "b.example")],
            Body::Empty,
            &mut out,
        )
        .expect("written back as the decoder took it");
    assert_eq!(
        out,
        b"GET http://a.example:8080/p HTTP/1.1\r\nHost: b.example\r\n\r\n"
    );
}

/// RFC 9112 3.2 and 3.3: a CONNECT's authority-form target is the target
/// URI's authority, so its Host is that authority too: the same bytes,
/// or the host without the port, as RFC 9110 9.3.6's own example writes
/// it (`CONNECT server.example.com:80` with `Host: server.example.com`).
/// A Host naming another host, or another port, would send a router by
/// Host and one by the target to two places: refused at the first byte
/// that differs; `EncoderOptions::host_other_than_authority` writes it
/// (the decoder reads the tunnel's target from the request line).
#[test]
fn a_connect_names_its_target_as_host() {
    let line = RequestLine::new("CONNECT", "server.example.com:80", Version::Http11);
    for host in ["server.example.com:80", "server.example.com"] {
        let wire = write_request(&line, &[Field::new("Host", host)], Body::Empty)
            .unwrap_or_else(|e| panic!("{host}: {e}"));
        assert_eq!(complete(&server(&wire)), 1, "{host}");
    }
    for (host, at) in [
        ("other.example.com:80", Some(0)),
        ("server.example.com:8080", Some(21)),
        ("SERVER.example.com", Some(0)),
        ("server.example", None),
    ] {
        let fields = [Field::new("Host", host)];
        assert_eq!(
            refusal(write_request(&line, &fields, Body::Empty)),
            (EncodeErrorKind::HostNotAuthority, Some(0), at),
            "{host:?}"
        );
    }
    let mut relay = EncoderOptions::STRICT;
    relay.host_other_than_authority = true;
    let mut out = Vec::new();
    Encoder::client()
        .with_options(relay)
        .request_into(
            &line,
            &[Field::new("Host", "other.example")],
            Body::Empty,
            &mut out,
        )
        .expect("written back as the decoder took it");
    assert_eq!(complete(&server(&out)), 1);
}

/// RFC 9110 7.6.1: "A sender MUST NOT send a connection option
/// corresponding to a field that is intended for all recipients of the
/// content." The fields that frame or route a message are the ones where
/// it matters most: an intermediary that honours `Connection:
/// Content-Length` (or Transfer-Encoding) drops the field before
/// forwarding, and the next hop reads the body as the next message. Both
/// encoders refuse such an option, naming the Connection field and where
/// the option starts; `EncoderOptions::framing_connection_option` writes
/// it, and the decoder frames such a message by its fields as ever.
#[test]
fn connection_names_no_framing_field() {
    let post = RequestLine::new("POST", "/", Version::Http11);
    for (options, body, at) in [
        ("Content-Length", Body::Length(3), 0),
        ("keep-alive, transfer-encoding", Body::Chunked, 12),
        ("close,HOST", Body::Empty, 6),
    ] {
        let fields = [Field::new("Host", "a"), Field::new("Connection", options)];
        assert_eq!(
            refusal(write_request(&post, &fields, body)),
            (EncodeErrorKind::FramingConnectionOption, Some(1), Some(at)),
            "{options}"
        );
        let mut out = Vec::new();
        let e = Encoder::server()
            .response_into(
                &StatusLine::new(Version::Http11, 200, "OK"),
                &fields[1..],
                body,
                Answering::HTTP11,
                &mut out,
            )
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte(), out.len()),
            (
                EncodeErrorKind::FramingConnectionOption,
                Some(0),
                Some(at),
                0
            ),
            "{options}"
        );
    }
    // Options that name no such field, and a field merely named like one.
    let fields = [
        Field::new("Host", "a"),
        Field::new("Connection", "content-lengths, x-host"),
        Field::new("X-Connection", "content-length"),
    ];
    assert!(write_request(&post, &fields, Body::Length(3)).is_ok());

    let fields = [
        Field::new("Host", "a"),
        Field::new("Connection", "content-length"),
    ];
    let mut relay = EncoderOptions::STRICT;
    relay.framing_connection_option = true;
    let mut wire = Vec::new();
    let mut encoder = Encoder::client().with_options(relay);
    encoder
        .request_into(&post, &fields, Body::Length(3), &mut wire)
        .expect("written back as the decoder took it");
    encoder.body_into(b"abc", &mut wire).unwrap();
    encoder.end_into(&[], &mut wire).unwrap();
    let trace = server(&wire);
    assert_eq!(complete(&trace), 1);
    assert_eq!(trace.reduction.messages[0].body, b"abc");
}

/// RFC 9110 7.2: "A user agent MUST generate a Host header field in a
/// request unless it sends that information as an ':authority'
/// pseudo-header field" (HTTP/1 has none): the client encoder refuses an
/// HTTP/1.0 request without Host too. (The server decoder takes one, as
/// RFC 9112 3.2 asks a 400 only of HTTP/1.1 requests; the option
/// `EncoderOptions::http10_without_host` writes it back.)
#[test]
fn the_client_encoder_refuses_an_http10_request_without_host() {
    let line = RequestLine::new("GET", "/", Version::Http10);
    assert_eq!(
        refusal(write_request(&line, &[], Body::Empty)),
        (EncodeErrorKind::MissingHost, None, None)
    );
    let input = b"GET / HTTP/1.0\r\n\r\n";
    assert_eq!(complete(&server(input)), 1);
    let mut relay = EncoderOptions::STRICT;
    relay.http10_without_host = true;
    let mut out = Vec::new();
    Encoder::client()
        .with_options(relay)
        .request_into(&line, &[], Body::Empty, &mut out)
        .expect("written back as the decoder took it");
    assert_eq!(out, input);
}

/// RFC 9110 5.6.1: "A sender MUST NOT generate empty list elements", and
/// a recipient ignores a reasonable number of them. The encoders refuse
/// `gzip,,chunked`, `,chunked`, `chunked,` and `gzip, ,chunked` in
/// Transfer-Encoding, at the comma that makes the empty element, in
/// requests and responses; the decoders read them as if they were not
/// there.
#[test]
fn the_encoders_refuse_empty_elements_in_transfer_encoding() {
    let post = RequestLine::new("POST", "/", Version::Http11);
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    for (te, at) in [
        ("gzip,,chunked", 5),
        (",chunked", 0),
        ("chunked,", 7),
        ("gzip, ,chunked", 6),
    ] {
        let fields = [Field::new("Host", "a"), Field::new("Transfer-Encoding", te)];
        assert_eq!(
            refusal(write_request(&post, &fields, Body::AsFields)),
            (EncodeErrorKind::InvalidTransferEncoding, Some(1), Some(at)),
            "request {te:?}"
        );
        let fields = [Field::new("Transfer-Encoding", te)];
        let mut out = Vec::new();
        let e = Encoder::server()
            .response_into(&ok, &fields, Body::AsFields, Answering::HTTP11, &mut out)
            .expect_err("an empty list element");
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (EncodeErrorKind::InvalidTransferEncoding, Some(0), Some(at)),
            "response {te:?}"
        );
        assert!(out.is_empty());
        let input =
            format!("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {te}\r\n\r\n0\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(trace.framings(), [Framing::Chunked], "{te:?}");
        assert_eq!(complete(&trace), 1);
    }
}

/// RFC 9112 3.2: the Host a client sends with an absolute-form target is
/// its authority "excluding any userinfo" (and RFC 9110 4.2.4: a sender
/// MUST NOT generate userinfo in an http target): the client encoder
/// refuses userinfo in the target.
#[test]
fn the_client_encoder_refuses_userinfo_in_an_absolute_form_target() {
    let line = RequestLine::new("GET", "http://user:pw@a.example/", Version::Http11);
    assert_eq!(
        refusal(write_request(
            &line,
            &[Field::new("Host", "a.example")],
            Body::Empty
        )),
        (EncodeErrorKind::TargetUserinfo, None, Some(7))
    );
}

/// RFC 9112 3.2.1: "a client MUST send only the absolute path and query
/// components of the target URI as the request-target": the client
/// encoder refuses a fragment in an origin-form target, at its `#`.
#[test]
fn the_client_encoder_refuses_a_fragment_in_an_origin_form_target() {
    let line = RequestLine::new("GET", "/a?b#c", Version::Http11);
    assert_eq!(
        refusal(write_request(
            &line,
            &[Field::new("Host", "a.example")],
            Body::Empty
        )),
        (EncodeErrorKind::TargetFragment, None, Some(4))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 11.1: response splitting
// ---------------------------------------------------------------------

/// RFC 9112 11.1: response splitting needs CR or LF in data the sender
/// copies into a head. The encoders refuse them (and NUL) wherever data
/// lands in a head: a field value (a redirect's Location), a reason
/// phrase, a request target, a method, a trailer value; nothing is
/// written.
#[test]
fn the_encoders_refuse_what_would_split_a_message() {
    let split = "/next\r\nSet-Cookie: session=attacker";
    let location = [Field::new("Location", split)];
    let found = StatusLine::new(Version::Http11, 302, "Found");
    assert_eq!(
        refusal(write_response(
            &found,
            &location,
            Body::Empty,
            Answering::HTTP11
        )),
        (EncodeErrorKind::InvalidFieldValue, Some(0), Some(5))
    );
    for reason in ["OK\r\nSet-Cookie: a=b", "OK\nX: y", "O\0K"] {
        let line = StatusLine::new(Version::Http11, 200, reason);
        assert_eq!(
            refusal(write_response(&line, &[], Body::Empty, Answering::HTTP11)).0,
            EncodeErrorKind::InvalidReason,
            "{reason:?}"
        );
    }
    let host = [Field::new("Host", "a")];
    for target in ["/a\r\nX: y", "/a\nX: y", "/a b"] {
        let line = RequestLine::new("GET", target, Version::Http11);
        assert_eq!(
            refusal(write_request(&line, &host, Body::Empty)),
            (EncodeErrorKind::InvalidTarget, None, Some(2)),
            "{target:?}"
        );
    }
    let line = RequestLine::new("GET\r\n", "/", Version::Http11);
    assert_eq!(
        refusal(write_request(&line, &host, Body::Empty)),
        (EncodeErrorKind::InvalidMethod, None, Some(3))
    );
    assert_eq!(
        refusal(write_trailers(&[Field::new(
            "Digest",
            "x\r\n\r\nGET / HTTP/1.1"
        )])),
        (EncodeErrorKind::InvalidFieldValue, Some(0), Some(1))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 11.2: request smuggling
// ---------------------------------------------------------------------

/// RFC 9112 11.2: smuggling works where two parsers frame one request
/// differently. Each ambiguous framing is refused (RFC 9112 6.1, 6.3,
/// 5.1, 5.2, 2.2, 7.1), at the byte named, and the request behind it is
/// never read, while a valid request before it was.
#[test]
fn ambiguous_framings_are_refused_before_a_smuggled_request() {
    let first = "GET /first HTTP/1.1\r\nHost: a\r\n\r\n";
    // (the head up to where the error is, the rest of the bad request, kind)
    let cases: &[(&str, &str, ErrorKind)] = &[
        (
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n",
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            ErrorKind::ContentLengthWithTransferEncoding,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n",
            "Content-Length: 3\r\n\r\n0\r\n\r\n",
            ErrorKind::ContentLengthWithTransferEncoding,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: ",
            "4\r\n\r\nabcd",
            ErrorKind::ConflictingContentLength,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: ",
            "3\r\n\r\nabc",
            ErrorKind::DuplicateContentLength,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding",
            " : chunked\r\n\r\n0\r\n\r\n",
            ErrorKind::WhitespaceBeforeColon,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nX: y\r\n",
            " Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            ErrorKind::ObsFold,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ",
            "xchunked\r\n\r\n0\r\n\r\n",
            ErrorKind::UnknownTransferCoding,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, ",
            "identity\r\n\r\n0\r\n\r\n",
            ErrorKind::UnknownTransferCoding,
        ),
        (
            "POST / HTTP/1.0\r\nHost: a\r\n",
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            ErrorKind::TransferEncodingInHttp10,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a",
            "\nContent-Length: 3\r\n\r\nabc",
            ErrorKind::BareLf,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3",
            "\nabc\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkSize,
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
            "Content-Length: 10\r\n\r\n",
            ErrorKind::ForbiddenTrailer,
        ),
    ];
    // The check can see a smuggled request: behind a valid one, it is read.
    let valid =
        format!("{first}POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx{SMUGGLED}");
    assert!(smuggled_read(&server(valid.as_bytes())));
    for &(before, after, kind) in cases {
        let input = format!("{first}{before}{after}{SMUGGLED}");
        let trace = server(input.as_bytes());
        assert_eq!(
            error_of(&trace),
            Some((kind, (first.len() + before.len()) as u64)),
            "{before:?}{after:?}"
        );
        assert_eq!(complete(&trace), 1, "{before:?}{after:?}");
        assert!(!smuggled_read(&trace), "{before:?}{after:?}");
    }
}

/// RFC 9112 11.2 with the lenient reading RFC 9110 8.6 allows: identical
/// Content-Length values read as one under
/// `Lenient::duplicate_content_length`, and the request behind reads
/// where both parsers agree it starts.
#[test]
fn identical_content_lengths_read_as_one_when_asked() {
    let mut config = Config::default();
    config.lenient.duplicate_content_length = true;
    let input = format!(
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc{SMUGGLED}"
    );
    let trace = server_with(config, input.as_bytes());
    assert_eq!(trace.framings(), [Framing::Length(3), Framing::None]);
    assert_eq!((error_of(&trace), complete(&trace)), (None, 2));
    let differing = input.replacen("Content-Length: 3\r\n\r\n", "Content-Length: 4\r\n\r\n", 1);
    assert_eq!(
        error_of(&server_with(config, differing.as_bytes())).map(|e| e.0),
        Some(ErrorKind::ConflictingContentLength)
    );
}

/// RFC 9112 11.2 (6.1, 6.2, 6.3), on the sending side: the encoders never
/// write a framing two parsers could read two ways: Content-Length with
/// Transfer-Encoding, two Content-Lengths, Transfer-Encoding in HTTP/1.0
/// or to an HTTP/1.0 client, a request coding not registered or not
/// ending in chunked.
#[test]
fn the_encoders_refuse_ambiguous_framings() {
    let post = RequestLine::new("POST", "/", Version::Http11);
    let host = Field::new("Host", "a");
    let cases: &[(&[Field<'_>], EncodeErrorKind, Option<usize>)] = &[
        (
            &[
                host,
                Field::new("Content-Length", "3"),
                Field::new("Transfer-Encoding", "chunked"),
            ],
            EncodeErrorKind::ContentLengthWithTransferEncoding,
            Some(2),
        ),
        (
            &[
                host,
                Field::new("Content-Length", "3"),
                Field::new("Content-Length", "3"),
            ],
            EncodeErrorKind::DuplicateContentLength,
            Some(2),
        ),
        (
            &[host, Field::new("Transfer-Encoding", "xchunked")],
            EncodeErrorKind::UnknownTransferCoding,
            Some(1),
        ),
        (
            &[host, Field::new("Transfer-Encoding", "chunked, gzip")],
            EncodeErrorKind::ChunkedNotFinal,
            Some(1),
        ),
    ];
    for &(fields, kind, field) in cases {
        let (k, f, _) = refusal(write_request(&post, fields, Body::AsFields));
        assert_eq!((k, f), (kind, field), "{fields:?}");
    }
    let old = RequestLine::new("POST", "/", Version::Http10);
    assert_eq!(
        refusal(write_request(
            &old,
            &[Field::new("Transfer-Encoding", "chunked")],
            Body::AsFields
        )),
        (EncodeErrorKind::TransferEncodingInHttp10, Some(0), None)
    );
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let to_http10 = Answering::new(MethodKind::Other, Version::Http10);
    assert_eq!(
        refusal(write_response(&ok, &te, Body::AsFields, to_http10)),
        (EncodeErrorKind::TransferEncodingToHttp10, Some(0), None)
    );
    let both = [
        Field::new("Transfer-Encoding", "chunked"),
        Field::new("Content-Length", "3"),
    ];
    assert_eq!(
        refusal(write_ok(&both, Body::AsFields)),
        (
            EncodeErrorKind::ContentLengthWithTransferEncoding,
            Some(1),
            None
        )
    );
}

// ---------------------------------------------------------------------
// RFC 9112 11.3: message integrity
// ---------------------------------------------------------------------

/// RFC 9112 11.3: length and chunked framing make a cut-short message
/// detectable: a Content-Length or chunked body that ends early is an
/// `incomplete` error at the end of the stream, with the message not
/// complete, in both roles. (A close-delimited response cannot be told
/// from a cut one: the close completes it.)
#[test]
fn a_body_cut_short_is_an_error_at_the_end_of_the_stream() {
    for input in [
        &b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabcd"[..],
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcd",
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n",
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: 1\r\n",
    ] {
        let trace = server(input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::Incomplete, input.len() as u64)),
            "{}",
            h1wire_testkit::esc(input)
        );
        assert_eq!(complete(&trace), 0);
        assert_eq!(trace.reduction.messages.len(), 1);
    }
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcd";
    let trace = responses(input);
    assert_eq!(
        (error_of(&trace), complete(&trace)),
        (Some((ErrorKind::Incomplete, input.len() as u64)), 0)
    );
    let input = b"HTTP/1.1 200 OK\r\n\r\nabcd";
    let trace = responses(input);
    assert_eq!(trace.framings(), [Framing::Close]);
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
}

/// RFC 9112 11.3, on the sending side: the encoder counts a
/// Content-Length body, refusing to end it short and refusing data past
/// it, so what it writes frames the message it says.
#[test]
fn the_encoder_refuses_a_body_that_does_not_match_its_length() {
    let mut encoder = Encoder::server();
    let mut out = Vec::new();
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    encoder
        .response_into(&ok, &[], Body::Length(5), Answering::HTTP11, &mut out)
        .expect("a head");
    encoder.body_into(b"abcd", &mut out).expect("four bytes");
    assert_eq!(
        encoder.end_into(&[], &mut out).map_err(|e| e.kind()),
        Err(EncodeErrorKind::BodyTooShort)
    );
    let e = encoder
        .body_into(b"ef", &mut out)
        .expect_err("one byte too many");
    assert_eq!(
        (e.kind(), e.byte()),
        (EncodeErrorKind::BodyTooLong, Some(1))
    );
    encoder.body_into(b"e", &mut out).expect("the last byte");
    encoder.end_into(&[], &mut out).expect("the end");
    assert!(out.ends_with(b"Content-Length: 5\r\n\r\nabcde"));
    assert_eq!(complete(&responses(&out)), 1);
}
