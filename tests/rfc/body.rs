//! Message bodies: RFC 9112 sections 6 (Transfer-Encoding, Content-Length,
//! the eight rules of message body length), 7 (the chunked coding, its
//! extensions and trailer section), 8 (incomplete messages), and RFC 9110
//! sections 6.4.1 (which messages carry content), 6.5 (trailer fields) and
//! 8.6 (Content-Length). Decoders through `server`/`client`, encoders
//! through `h1wire::Encoder`, and the two connection types where the RFC
//! asks for the connection to close.

use super::{client, client_with, complete, error_of, serve, server, server_with};
use h1wire::{
    Answering, Body, ConnState, ConnStatus, ConnectionConfig, EncodeError, EncodeErrorKind,
    Encoder, EncoderOptions, ErrorKind, Field, Framing, MethodKind, Reading, RequestLine,
    StatusLine, Version,
};
use h1wire_testkit::{body, header, request, trailer, Ev, Trace};

use MethodKind::{Connect, Head, Other};
use Version::{Http10, Http11};

// ---------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------

/// The stream offset of the first `needle` in `input`.
#[track_caller]
fn at(input: &[u8], needle: &str) -> u64 {
    input
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} not in the input")) as u64
}

/// The events of `trace` with consecutive body pieces merged.
fn evs(trace: &Trace, input: &[u8]) -> Vec<Ev> {
    h1wire_testkit::merge_bodies(trace.events(input))
}

/// The whole body of message `index` of `trace`.
fn body_of(trace: &Trace, index: usize) -> Vec<u8> {
    trace.reduction.messages[index].body.clone()
}

fn status(code: u16, reason: &str) -> Ev {
    Ev::Response {
        version: Http11,
        status: code,
        reason: reason.as_bytes().to_vec(),
    }
}

const HOST: Field<'static> = Field::new("Host", "a");

/// A request written by a fresh client encoder: head, each of `pieces`
/// as body data, then the end with `trailers`. The first refusal, if any.
fn write_request(
    line: RequestLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    pieces: &[&[u8]],
    trailers: &[Field<'_>],
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let mut encoder = Encoder::client();
    let mut out = Vec::new();
    let head = encoder.request_into(&line, fields, body, &mut out)?;
    for piece in pieces {
        encoder.body_into(piece, &mut out)?;
    }
    encoder.end_into(trailers, &mut out)?;
    Ok((out, head.framing))
}

/// A response written by a server encoder with `options`, as
/// [`write_request`] writes a request.
#[allow(clippy::too_many_arguments)]
fn write_response_with(
    options: EncoderOptions,
    line: StatusLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    answering: Answering,
    pieces: &[&[u8]],
    trailers: &[Field<'_>],
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let mut encoder = Encoder::server().with_options(options);
    let mut out = Vec::new();
    let head = encoder.response_into(&line, fields, body, answering, &mut out)?;
    for piece in pieces {
        encoder.body_into(piece, &mut out)?;
    }
    encoder.end_into(trailers, &mut out)?;
    Ok((out, head.framing))
}

/// [`write_response_with`] with the strict options.
fn write_response(
    line: StatusLine<'_>,
    fields: &[Field<'_>],
    body: Body,
    answering: Answering,
    pieces: &[&[u8]],
    trailers: &[Field<'_>],
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let strict = EncoderOptions::default();
    write_response_with(strict, line, fields, body, answering, pieces, trailers)
}

/// The kind and field index of an encoder's refusal.
fn refusal<T>(result: Result<T, EncodeError>) -> Option<(EncodeErrorKind, Option<usize>)> {
    result.err().map(|e| (e.kind(), e.field()))
}

fn ok11(code: u16) -> StatusLine<'static> {
    StatusLine::new(Http11, code, "R")
}

/// A client connection fed `input` whole: the events it read (bodies
/// merged), then its error if one stopped it.
fn read_responses(conn: &mut h1wire::client::Connection, input: &[u8]) -> Vec<Ev> {
    let (mut pos, mut events) = (0, Vec::new());
    loop {
        match conn.decode(&input[pos..]) {
            Err(e) => {
                events.push(Ev::Error(e.kind(), e.offset()));
                break;
            }
            Ok(step) => {
                pos += step.consumed;
                match step.status {
                    ConnStatus::Event(event) => events.push(Ev::of(&event)),
                    _ => break,
                }
            }
        }
    }
    h1wire_testkit::merge_bodies(events)
}

/// The response a server connection writes after a request it could not
/// read: a 400 with an empty body.
fn answer_400(conn: &mut h1wire::server::Connection) -> Vec<u8> {
    let mut out = Vec::new();
    let line = StatusLine::new(Http11, 400, "Bad Request");
    conn.response_into(&line, &[], Body::Empty, &mut out)
        .expect("an error is answered once");
    conn.end_into(&[], &mut out).expect("the answer ends");
    out
}

// ---------------------------------------------------------------------
// RFC 9112 6 and RFC 9110 6.4.1: which messages have a body
// ---------------------------------------------------------------------

/// RFC 9112 6: "Request message framing is independent of method
/// semantics": a GET or HEAD request with Content-Length or chunked has
/// a body, and the next request starts after it.
#[test]
fn a_request_body_is_framed_by_its_fields_whatever_the_method() {
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc\
HEAD / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n\
DELETE / HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(complete(&trace), 3);
    assert_eq!(
        trace.framings(),
        [Framing::Length(3), Framing::Chunked, Framing::None]
    );
    assert_eq!(body_of(&trace, 0), b"abc");
    assert_eq!(body_of(&trace, 1), b"de");
    assert_eq!(body_of(&trace, 2), b"");
}

/// RFC 9110 6.4.1: responses to HEAD, 2xx to CONNECT, 1xx, 204 and 304
/// carry no content; "all other responses do include content, although
/// that content might be of zero length". RFC 9112 6: a response's body
/// depends on the request method and the status code.
#[test]
fn response_content_depends_on_the_method_and_the_status() {
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n\
HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nab\
HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n\
HTTP/1.1 301 Moved\r\nContent-Length: 1\r\n\r\nx";
    let trace = client(&[Head, Other, Other, Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        trace.framings(),
        [
            Framing::None,
            Framing::Length(2),
            Framing::Length(0),
            Framing::Length(1)
        ]
    );
    assert_eq!(body_of(&trace, 1), b"ab");
    assert_eq!(body_of(&trace, 3), b"x");
    // The same first response answering GET takes the next two bytes.
    let trace = client(&[Other], b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nHT");
    assert_eq!(body_of(&trace, 0), b"HT");
}

/// RFC 9110 15.3.6: "a server MUST NOT generate content in a 205
/// response"; 9.3.8: "A client MUST NOT send content in a TRACE request".
/// Unlike a 204's, a 205's body is framed by its fields, and a TRACE's as
/// any request's: both decoders read what is sent. The encoders refuse
/// any framing that could carry content (`ForbiddenContent`, naming the
/// framing field the caller gave); none, or a Content-Length of 0, is
/// written. A 205 answering HEAD or CONNECT has none anyway.
/// `EncoderOptions::forbidden_content` writes back what a decoder read.
#[test]
fn no_content_in_a_205_or_a_trace_request() {
    let reset = StatusLine::new(Http11, 205, "Reset Content");
    for (fields, body, field) in [
        (&[][..], Body::Length(5), None),
        (&[][..], Body::Chunked, None),
        (&[][..], Body::Streamed, None),
        (&[][..], Body::UntilClose, None),
        (&[][..], Body::AsFields, None),
        (
            &[Field::new("Content-Length", "5")][..],
            Body::AsFields,
            Some(0),
        ),
    ] {
        let written = write_response(reset, fields, body, Answering::HTTP11, &[], &[]);
        assert_eq!(
            refusal(written),
            Some((EncodeErrorKind::ForbiddenContent, field)),
            "{body:?}"
        );
    }
    for body in [Body::Empty, Body::Length(0)] {
        let (wire, framing) =
            write_response(reset, &[], body, Answering::HTTP11, &[], &[]).unwrap();
        assert_eq!(framing, Framing::Length(0));
        assert_eq!(
            wire,
            b"HTTP/1.1 205 Reset Content\r\nContent-Length: 0\r\n\r\n"
        );
    }
    for method in [Head, Connect] {
        let answering = Answering::new(method, Http11);
        assert!(write_response(reset, &[], Body::AsFields, answering, &[], &[]).is_ok());
    }

    let trace_line = RequestLine::new("TRACE", "/", Http11);
    for (body, pieces) in [(Body::Length(2), &[&b"hi"[..]][..]), (Body::Chunked, &[])] {
        assert_eq!(
            refusal(write_request(trace_line, &[HOST], body, pieces, &[])),
            Some((EncodeErrorKind::ForbiddenContent, None)),
            "{body:?}"
        );
    }
    let (wire, _) = write_request(trace_line, &[HOST], Body::Empty, &[], &[]).unwrap();
    assert_eq!(wire, b"TRACE / HTTP/1.1\r\nHost: a\r\n\r\n");

    // Read as sent, and written back with the option.
    let sent = b"TRACE / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi";
    let trace = server(sent);
    assert_eq!(body_of(&trace, 0), b"hi");
    let trace = client(
        &[Other],
        b"HTTP/1.1 205 Reset Content\r\nContent-Length: 2\r\n\r\nhi",
    );
    assert_eq!(body_of(&trace, 0), b"hi");
    let mut relay = EncoderOptions::STRICT;
    relay.forbidden_content = true;
    let (wire, _) = write_response_with(
        relay,
        reset,
        &[],
        Body::Length(2),
        Answering::HTTP11,
        &[b"hi"],
        &[],
    )
    .unwrap();
    assert_eq!(
        wire,
        b"HTTP/1.1 205 Reset Content\r\nContent-Length: 2\r\n\r\nhi"
    );
}

// ---------------------------------------------------------------------
// RFC 9112 6.1 Transfer-Encoding
// ---------------------------------------------------------------------

/// RFC 9112 6.1 and 7.1: "A recipient MUST be able to parse the chunked
/// transfer coding", in requests and in responses.
#[test]
fn a_recipient_parses_the_chunked_coding() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\
5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n\
GET /next HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(complete(&trace), 2);
    assert_eq!(body_of(&trace, 0), b"hello, world");
    let events = trace.events(input);
    // Each chunk is handed over as it is (never the framing bytes).
    assert_eq!(
        &events[3..8],
        [
            Ev::HeadEnd(Framing::Chunked),
            body(b"hello"),
            body(b","),
            body(b" world"),
            Ev::MessageEnd
        ]
    );

    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n\
HTTP/1.1 204 No Content\r\n\r\n";
    let trace = client(&[Other, Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(complete(&trace), 2);
    assert_eq!(body_of(&trace, 0), b"abc");
}

/// RFC 9112 6.1: codings are listed in the order applied and chunked is
/// last (`gzip, chunked`); the list may span several field lines. The
/// decoder removes only chunked: the body is handed over still gzipped,
/// and the field as sent.
#[test]
fn codings_before_chunked_are_left_to_the_caller() {
    for te in [
        "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: GZIP ,\r\nTransfer-Encoding: , Chunked\r\n",
    ] {
        let input = format!("POST / HTTP/1.1\r\nHost: a\r\n{te}\r\n2\r\nz!\r\n0\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(error_of(&trace), None, "{te:?}");
        assert_eq!(trace.framings(), [Framing::Chunked], "{te:?}");
        assert_eq!(body_of(&trace, 0), b"z!", "{te:?}");
        let message = &trace.reduction.messages[0];
        assert!(message.values(b"transfer-encoding").count() >= 1);
        assert!(message
            .values(b"transfer-encoding")
            .any(|v| v.to_ascii_lowercase().starts_with(b"gzip")));
    }
}

/// RFC 9112 6.1: "A sender MUST NOT apply the chunked transfer coding
/// more than once". The decoders refuse it (in a list or over two
/// lines, either role); the encoders refuse to write it, and a head that
/// states chunked with `Body::Chunked` asked for gets one chunked only.
#[test]
fn chunked_applied_twice_is_refused() {
    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n";
    let trace = server(input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::ChunkedTwice, at(input, "chunked\r\n")))
    );
    assert_eq!(complete(&trace), 0);
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::ChunkedTwice, at(input, "chunked\r\n\r\n")))
    );

    let twice = [HOST, Field::new("Transfer-Encoding", "chunked, chunked")];
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &twice, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::ChunkedTwice, Some(1)))
    );
    let fields = [Field::new("Transfer-Encoding", "chunked")];
    let (wire, framing) = write_response(
        ok11(200),
        &fields,
        Body::Chunked,
        Answering::HTTP11,
        &[b"x"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Chunked);
    assert_eq!(
        wire,
        b"HTTP/1.1 200 R\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"
    );
}

/// RFC 9112 6.1: a coding other than chunked on a request's content
/// needs chunked as the final coding. The client encoder refuses
/// `gzip` alone or `chunked, gzip`, naming the field.
#[test]
fn the_encoder_ends_a_request_coding_list_in_chunked() {
    let post = RequestLine::new("POST", "/", Http11);
    for te in ["gzip", "chunked, gzip"] {
        let fields = [HOST, Field::new("Transfer-Encoding", te)];
        assert_eq!(
            refusal(write_request(post, &fields, Body::AsFields, &[], &[])),
            Some((EncodeErrorKind::ChunkedNotFinal, Some(1))),
            "{te}"
        );
    }
    let fields = [HOST, Field::new("Transfer-Encoding", "gzip, chunked")];
    let (wire, framing) = write_request(post, &fields, Body::AsFields, &[b"zz"], &[]).unwrap();
    assert_eq!(framing, Framing::Chunked);
    assert!(wire.ends_with(b"gzip, chunked\r\n\r\n2\r\nzz\r\n0\r\n\r\n"));
}

/// RFC 9112 6.1: a response whose codings do not end in chunked is
/// terminated by closing the connection. The server encoder frames it
/// so, writes the data as it is, and writes nothing after it.
#[test]
fn the_encoder_ends_a_response_without_final_chunked_by_closing() {
    let mut encoder = Encoder::server();
    let mut out = Vec::new();
    let fields = [Field::new("Transfer-Encoding", "gzip")];
    let head = encoder
        .response_into(
            &ok11(200),
            &fields,
            Body::AsFields,
            Answering::HTTP11,
            &mut out,
        )
        .unwrap();
    assert_eq!(head.framing, Framing::Close);
    encoder.body_into(b"\x1f\x8b", &mut out).unwrap();
    encoder.end_into(&[], &mut out).unwrap();
    assert_eq!(
        out,
        b"HTTP/1.1 200 R\r\nTransfer-Encoding: gzip\r\n\r\n\x1f\x8b"
    );
    assert!(encoder.is_ended());
    let next = encoder.response_into(&ok11(200), &[], Body::Empty, Answering::HTTP11, &mut out);
    assert_eq!(refusal(next), Some((EncodeErrorKind::StreamEnded, None)));
}

/// RFC 9112 6.1: "Transfer-Encoding MAY be sent in a response to a HEAD
/// request or in a 304": the encoder writes it there, without a body, and
/// the client decoder reads no body.
#[test]
fn transfer_encoding_may_be_stated_on_head_and_304_responses() {
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let head = Answering::new(Head, Http11);
    let (wire, framing) = write_response(ok11(200), &te, Body::AsFields, head, &[], &[]).unwrap();
    assert_eq!(framing, Framing::None);
    assert_eq!(
        wire,
        b"HTTP/1.1 200 R\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    // Data there is refused.
    let data = write_response(ok11(200), &te, Body::AsFields, head, &[b"x"], &[]);
    assert_eq!(refusal(data), Some((EncodeErrorKind::BodyNotAllowed, None)));
    let (wire304, framing) =
        write_response(ok11(304), &te, Body::AsFields, Answering::HTTP11, &[], &[]).unwrap();
    assert_eq!(framing, Framing::None);

    let mut stream = wire.clone();
    stream.extend_from_slice(&wire304);
    stream.extend_from_slice(b"HTTP/1.1 200 R\r\nContent-Length: 1\r\n\r\nz");
    let trace = client(&[Head, Other, Other], &stream);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::None, Framing::Length(1)]
    );
    assert_eq!(body_of(&trace, 2), b"z");
}

/// RFC 9112 6.1: "A server MUST NOT send a Transfer-Encoding header field
/// in any response with a status code of 1xx or 204", nor "in any 2xx
/// response to a CONNECT request". Refused, naming the field;
/// `EncoderOptions::ignored_framing_fields` writes it for a relay, and the
/// message still has no body.
#[test]
fn the_encoder_sends_no_transfer_encoding_on_1xx_204_or_2xx_to_connect() {
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let connect = Answering::new(Connect, Http11);
    for (code, answering) in [
        (103, Answering::HTTP11),
        (204, Answering::HTTP11),
        (200, connect),
        (299, connect),
    ] {
        let written = write_response(ok11(code), &te, Body::AsFields, answering, &[], &[]);
        assert_eq!(
            refusal(written),
            Some((EncodeErrorKind::FramingFieldNotAllowed, Some(0))),
            "{code}"
        );
        // Asked for by the body choice instead: no body there either.
        let chunked = write_response(ok11(code), &[], Body::Chunked, answering, &[], &[]);
        assert_eq!(
            refusal(chunked),
            Some((EncodeErrorKind::BodyNotAllowed, None)),
            "{code}"
        );
        let mut relay = EncoderOptions::default();
        relay.ignored_framing_fields = true;
        let (_, framing) =
            write_response_with(relay, ok11(code), &te, Body::AsFields, answering, &[], &[])
                .unwrap();
        assert_ne!(framing, Framing::Chunked, "{code}");
    }
    // A 407 to CONNECT is no tunnel: chunked is fine there.
    let (_, framing) = write_response(ok11(407), &te, Body::AsFields, connect, &[], &[]).unwrap();
    assert_eq!(framing, Framing::Chunked);
}

/// RFC 9112 6.1: "A server that receives a request message with a
/// transfer coding it does not understand SHOULD respond with 501".
/// The strict profile understands the registered codings only (chunked,
/// gzip, x-gzip, deflate, compress, x-compress); any other name, even
/// before chunked, is `UnknownTransferCoding`, hinting 501, at the name.
#[test]
fn an_unknown_request_coding_is_answered_501() {
    for (te, bad) in [
        ("foo, chunked", "foo"),
        ("identity", "identity"),
        ("gzip, xchunked, chunked", "xchunked"),
    ] {
        let input = format!(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {te}\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        );
        let input = input.as_bytes();
        let trace = server(input);
        let (kind, offset) = error_of(&trace).expect(te);
        assert_eq!(kind, ErrorKind::UnknownTransferCoding, "{te}");
        assert_eq!(kind.status_hint(), 501);
        assert_eq!(offset, at(input, bad), "{te}");
        assert_eq!(complete(&trace), 0, "{te}");
    }
    for te in [
        "x-gzip, chunked",
        "deflate, chunked",
        "compress, x-compress, chunked",
    ] {
        let input =
            format!("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {te}\r\n\r\n0\r\n\r\n");
        let trace = server(input.as_bytes());
        assert_eq!(error_of(&trace), None, "{te}");
        assert_eq!(trace.framings(), [Framing::Chunked], "{te}");
    }
    // The encoder writes no request the decoder would answer 501.
    let fields = [HOST, Field::new("Transfer-Encoding", "foo, chunked")];
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &fields, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::UnknownTransferCoding, Some(1)))
    );
}

/// RFC 9112 6.1: a client reading a response meets codings it did not
/// ask for: an unknown one before chunked still frames by chunked, an
/// unknown final one by the close (6.3 rule 4, responses). No 501 here.
#[test]
fn a_response_may_carry_any_coding_of_the_grammar() {
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: foo;p=\"a, chunked\", chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(trace.framings(), [Framing::Chunked]);
    assert_eq!(body_of(&trace, 0), b"x");
}

/// RFC 9112 6.1: "A server or client that receives an HTTP/1.0 message
/// containing a Transfer-Encoding header field MUST treat the message as
/// if the framing is faulty, even if a Content-Length is present".
/// Both roles refuse it at the Transfer-Encoding line; what came before
/// was delivered.
#[test]
fn transfer_encoding_in_http10_is_faulty_framing() {
    for fields in [
        "Transfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
    ] {
        let input = format!("POST / HTTP/1.0\r\nHost: a\r\n{fields}\r\n0\r\n\r\nhello");
        let input = input.as_bytes();
        let trace = server(input);
        assert_eq!(
            error_of(&trace),
            Some((
                ErrorKind::TransferEncodingInHttp10,
                at(input, "Transfer-Encoding")
            )),
            "{fields:?}"
        );
        assert_eq!(complete(&trace), 0);

        let input =
            format!("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.0 200 OK\r\n{fields}\r\n0\r\n\r\nhello");
        let input = input.as_bytes();
        let trace = client(&[Other, Other], input);
        assert_eq!(
            error_of(&trace),
            Some((
                ErrorKind::TransferEncodingInHttp10,
                at(input, "Transfer-Encoding")
            )),
            "{fields:?}"
        );
        assert_eq!(complete(&trace), 1, "the 204 before it was read");
    }
    // Also where the status says there is no body.
    let input = b"HTTP/1.0 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace).map(|e| e.0),
        Some(ErrorKind::TransferEncodingInHttp10)
    );
}

/// RFC 9112 6.1: "... and close the connection after processing the
/// message": a server connection answers the HTTP/1.0 request with
/// Transfer-Encoding with `Connection: close` and is closed after it.
#[test]
fn transfer_encoding_in_http10_closes_the_connection() {
    let mut conn = h1wire::server::Connection::new(ConnectionConfig::default());
    let input = b"GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n\
POST /b HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    let (read, error) = serve(&mut conn, input);
    assert_eq!(
        (read, error.map(|e| e.kind())),
        (1, Some(ErrorKind::TransferEncodingInHttp10))
    );
    // The first request is answered, kept alive; the error then closes.
    let mut out = Vec::new();
    let line = StatusLine::new(Http10, 200, "OK");
    conn.response_into(&line, &[], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    assert!(out.windows(10).any(|w| w == b"keep-alive"));
    let answer = answer_400(&mut conn);
    assert!(answer.windows(17).any(|w| w == b"Connection: close"));
    assert_eq!(conn.state(), ConnState::Closed);
}

/// RFC 9112 6.1: "A client MUST NOT send a request containing
/// Transfer-Encoding unless it knows the server will handle HTTP/1.1
/// requests"; 6.3: "A client MUST NOT use the chunked transfer coding
/// unless it knows the server will handle HTTP/1.1". An HTTP/1.0 request
/// with Transfer-Encoding, or asked to be chunked, is refused.
#[test]
fn the_client_encoder_sends_no_transfer_encoding_in_http10() {
    let post10 = RequestLine::new("POST", "/", Http10);
    let te = [HOST, Field::new("Transfer-Encoding", "chunked")];
    assert_eq!(
        refusal(write_request(post10, &te, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::TransferEncodingInHttp10, Some(1)))
    );
    assert_eq!(
        refusal(write_request(post10, &[HOST], Body::Chunked, &[], &[])),
        Some((EncodeErrorKind::TransferEncodingInHttp10, None))
    );
    // A body of unknown length then has no framing at all.
    assert_eq!(
        refusal(write_request(post10, &[HOST], Body::Streamed, &[], &[])),
        Some((EncodeErrorKind::UnframedRequestBody, None))
    );
}

/// RFC 9112 6.1: "A server MUST NOT send a response containing
/// Transfer-Encoding unless the corresponding request indicates
/// HTTP/1.1". To an HTTP/1.0 request the field, or `Body::Chunked`, is
/// refused; a streamed body runs to the close instead.
#[test]
fn the_server_encoder_sends_no_transfer_encoding_to_http10() {
    let to10 = Answering::new(Other, Http10);
    let te = [Field::new("Transfer-Encoding", "chunked")];
    assert_eq!(
        refusal(write_response(
            ok11(200),
            &te,
            Body::AsFields,
            to10,
            &[],
            &[]
        )),
        Some((EncodeErrorKind::TransferEncodingToHttp10, Some(0)))
    );
    assert_eq!(
        refusal(write_response(
            ok11(200),
            &[],
            Body::Chunked,
            to10,
            &[],
            &[]
        )),
        Some((EncodeErrorKind::TransferEncodingToHttp10, None))
    );
    let (wire, framing) =
        write_response(ok11(200), &[], Body::Streamed, to10, &[b"abc"], &[]).unwrap();
    assert_eq!(framing, Framing::Close);
    assert_eq!(wire, b"HTTP/1.1 200 R\r\n\r\nabc");
}

// ---------------------------------------------------------------------
// RFC 9112 6.2 Content-Length
// ---------------------------------------------------------------------

/// RFC 9112 6.2: "A sender MUST NOT send a Content-Length header field in
/// any message that contains a Transfer-Encoding header field". Both
/// encoders refuse it (naming the later of the two fields);
/// `EncoderOptions::length_with_transfer_encoding` writes a response with
/// both for round-trip tools, never a request.
#[test]
fn the_encoder_sends_no_content_length_with_transfer_encoding() {
    let both = [
        HOST,
        Field::new("Content-Length", "5"),
        Field::new("Transfer-Encoding", "chunked"),
    ];
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &both, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::ContentLengthWithTransferEncoding, Some(2)))
    );
    assert_eq!(
        refusal(write_response(
            ok11(200),
            &both[1..],
            Body::AsFields,
            Answering::HTTP11,
            &[],
            &[]
        )),
        Some((EncodeErrorKind::ContentLengthWithTransferEncoding, Some(1)))
    );
    // A length asked for beside a chunked field: they disagree.
    let te = [Field::new("Transfer-Encoding", "chunked")];
    assert_eq!(
        refusal(write_response(
            ok11(200),
            &te,
            Body::Length(5),
            Answering::HTTP11,
            &[],
            &[]
        )),
        Some((EncodeErrorKind::FramingConflict, Some(0)))
    );

    let verbatim = EncoderOptions::verbatim();
    let (_, framing) = write_response_with(
        verbatim,
        ok11(200),
        &both[1..],
        Body::AsFields,
        Answering::HTTP11,
        &[b"x"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Chunked, "Transfer-Encoding overrides");
    let mut encoder = Encoder::client().with_options(verbatim);
    let mut out = Vec::new();
    let request = encoder.request_into(&post, &both, Body::AsFields, &mut out);
    assert_eq!(
        refusal(request),
        Some((EncodeErrorKind::ContentLengthWithTransferEncoding, Some(2)))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 6.3 Message body length, rule by rule
// ---------------------------------------------------------------------

/// RFC 9112 6.3 (1): a response to HEAD, and any 1xx, 204 or 304
/// response, "is always terminated by the first empty line after the
/// header fields, regardless of the header fields present ... and thus
/// cannot contain a message body or trailer section".
#[test]
fn rule_1_no_body_after_head_1xx_204_304_whatever_the_fields() {
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n\
HTTP/1.1 103 Early Hints\r\nContent-Length: 5\r\n\r\n\
HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n\
HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n\
HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let trace = client(&[Head, Other, Other, Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(complete(&trace), 5);
    assert_eq!(
        trace.framings(),
        [
            Framing::None,
            Framing::None,
            Framing::None,
            Framing::None,
            Framing::Length(2)
        ]
    );
    assert_eq!(body_of(&trace, 4), b"ok");
    // An invalid Content-Length there is still refused (stricter).
    let input = b"HTTP/1.1 204 No Content\r\nContent-Length: five\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidContentLength, at(input, "five")))
    );
}

/// RFC 9112 6.3 (2): a 2xx response to CONNECT makes the connection a
/// tunnel right after its head; "A client MUST ignore any Content-Length
/// or Transfer-Encoding header fields received in such a message"
/// (even invalid ones). A 407 to CONNECT is framed as usual.
#[test]
fn rule_2_a_2xx_to_connect_is_a_tunnel_whatever_its_framing_fields() {
    let input = b"HTTP/1.1 200 Connection Established\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nTUNNEL BYTES";
    let trace = client(&[Connect], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(trace.framings(), [Framing::Upgrade]);
    assert_eq!(
        trace.events(input).last(),
        Some(&Ev::Upgraded(b"TUNNEL BYTES".to_vec()))
    );
    let input =
        b"HTTP/1.1 299 OK\r\nContent-Length: -1\r\nTransfer-Encoding: xchunked;;\r\n\r\nTUN";
    let trace = client(&[Connect], input);
    assert_eq!(trace.framings(), [Framing::Upgrade]);
    assert_eq!(
        trace.events(input).last(),
        Some(&Ev::Upgraded(b"TUN".to_vec()))
    );

    let input = b"HTTP/1.1 407 Proxy Auth\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 200 OK\r\n\r\n";
    let trace = client(&[Connect, Connect], input);
    assert_eq!(trace.framings(), [Framing::Length(3), Framing::Upgrade]);
    assert_eq!(body_of(&trace, 0), b"abc");
}

/// RFC 9112 6.3 (3): Transfer-Encoding with Content-Length "ought to be
/// handled as an error"; 6.1: "A server MAY reject a request that
/// contains both ... Regardless, the server MUST close the connection".
/// A request with both is refused, in either order, at the later field
/// line, 400, and a server connection closes after its answer.
#[test]
fn rule_3_a_request_with_both_framings_is_refused_and_closes() {
    for fields in [
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
    ] {
        let input = format!(
            "POST / HTTP/1.1\r\nHost: a\r\n{fields}\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
        );
        let input = input.as_bytes();
        let trace = server(input);
        let second = fields.find("\r\n").unwrap() + 2;
        let later = at(input, &fields[second..]);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::ContentLengthWithTransferEncoding, later)),
            "{fields:?}"
        );
        assert_eq!(
            ErrorKind::ContentLengthWithTransferEncoding.status_hint(),
            400
        );
        assert_eq!(complete(&trace), 0);

        let mut conn = h1wire::server::Connection::new(ConnectionConfig::default());
        let (read, error) = serve(&mut conn, input);
        assert_eq!(
            (read, error.map(|e| e.kind())),
            (0, Some(ErrorKind::ContentLengthWithTransferEncoding))
        );
        let answer = answer_400(&mut conn);
        assert!(answer.starts_with(b"HTTP/1.1 400 Bad Request\r\n"));
        assert!(answer.windows(19).any(|w| w == b"Connection: close\r\n"));
        assert_eq!(conn.state(), ConnState::Closed);
    }
}

/// RFC 9112 6.3 (3): in a response "the Transfer-Encoding overrides the
/// Content-Length". The client decoder reads the chunked body; a client
/// connection does not reuse the connection after such a response.
#[test]
fn rule_3_a_response_with_both_is_framed_by_transfer_encoding() {
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(trace.framings(), [Framing::Chunked]);
    assert_eq!(body_of(&trace, 0), b"abc");

    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    let get = RequestLine::new("GET", "/", Http11);
    conn.request_into(&get, &[HOST], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    let events = read_responses(&mut conn, input);
    assert_eq!(events.last(), Some(&Ev::MessageEnd));
    assert_eq!(events[events.len() - 2], body(b"abc"));
    assert_eq!(conn.state(), ConnState::Closed);
    let again = conn.request_into(&get, &[HOST], Body::Empty, &mut out);
    assert_eq!(
        refusal(again),
        Some((EncodeErrorKind::ConnectionClosed, None))
    );
}

/// RFC 9112 6.3 (3): "An intermediary that chooses to forward the message
/// MUST first remove the received Content-Length field": a relay that
/// passes the fields on through the strict encoder cannot forward both.
#[test]
fn rule_3_a_relay_cannot_forward_both_framings() {
    let input =
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    let trace = client(&[Other], input);
    let message = &trace.reduction.messages[0];
    let received: Vec<(String, String)> = message
        .headers
        .iter()
        .map(|(n, v)| {
            (
                String::from_utf8(n.clone()).unwrap(),
                String::from_utf8(v.clone()).unwrap(),
            )
        })
        .collect();
    let fields: Vec<Field<'_>> = received.iter().map(|(n, v)| Field::new(n, v)).collect();
    let forwarded = write_response(
        ok11(200),
        &fields,
        Body::AsFields,
        Answering::HTTP11,
        &[],
        &[],
    );
    assert_eq!(
        refusal(forwarded),
        Some((EncodeErrorKind::ContentLengthWithTransferEncoding, Some(1)))
    );
    // Without the Content-Length, it goes.
    let (_, framing) = write_response(
        ok11(200),
        &fields[1..],
        Body::AsFields,
        Answering::HTTP11,
        &[],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Chunked);
}

/// RFC 9112 6.3 (4): chunked as the final coding: the body is read by
/// decoding the chunked data until it says it is complete; whatever
/// follows is the next message.
#[test]
fn rule_4_final_chunked_reads_to_the_last_chunk() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: deflate, chunked\r\n\r\n\
3\r\n0\r\n\r\n0\r\n\r\nPOST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nz";
    let trace = server(input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(complete(&trace), 2);
    // The data "0\r\n" of the first chunk is data, not the last chunk.
    assert_eq!(body_of(&trace, 0), b"0\r\n");
    assert_eq!(body_of(&trace, 1), b"z");
}

/// RFC 9112 6.3 (4, responses): "If a Transfer-Encoding header field is
/// present in a response and the chunked transfer coding is not the final
/// encoding, the message body length is determined by reading the
/// connection until it is closed by the server."
#[test]
fn rule_4_a_response_whose_final_coding_is_not_chunked_runs_to_the_close() {
    for te in ["gzip", "chunked, gzip", "foo"] {
        let input = format!(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: {te}\r\n\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"
        );
        let input = input.as_bytes();
        let trace = client(&[Other, Other], input);
        assert_eq!(error_of(&trace), None, "{te}");
        assert_eq!(trace.framings(), [Framing::Close], "{te}");
        assert_eq!(complete(&trace), 1, "{te}");
        assert_eq!(
            body_of(&trace, 0),
            b"0\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
            "{te}"
        );
    }
}

/// RFC 9112 6.3 (4, requests): "If a Transfer-Encoding header field is
/// present in a request and the chunked transfer coding is not the final
/// encoding ... the server MUST respond with the 400 (Bad Request) status
/// code and then close the connection." Refused at the last
/// Transfer-Encoding line, hint 400, and nothing after it is read.
#[test]
fn rule_4_a_request_whose_final_coding_is_not_chunked_is_400_and_closes() {
    for fields in [
        "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: chunked, gzip\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: deflate\r\n",
        "Transfer-Encoding:\r\n",
    ] {
        let input = format!(
            "POST / HTTP/1.1\r\nHost: a\r\n{fields}\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        );
        let input = input.as_bytes();
        let last = fields[..fields.len() - 2]
            .rfind("Transfer-Encoding")
            .unwrap();
        let trace = server(input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::ChunkedNotFinal, 26 + last as u64)),
            "{fields:?}"
        );
        assert_eq!(ErrorKind::ChunkedNotFinal.status_hint(), 400);
        assert_eq!(complete(&trace), 0);

        let mut conn = h1wire::server::Connection::new(ConnectionConfig::default());
        let (read, error) = serve(&mut conn, input);
        assert_eq!(
            (read, error.map(|e| e.kind())),
            (0, Some(ErrorKind::ChunkedNotFinal))
        );
        let answer = answer_400(&mut conn);
        assert!(answer.windows(17).any(|w| w == b"Connection: close"));
        assert_eq!(conn.state(), ConnState::Closed);
    }
}

/// RFC 9112 6.3 (5) and RFC 9110 8.6: an invalid Content-Length is an
/// unrecoverable error; in a request "the server MUST respond with a 400
/// ... and then close the connection"; in a response "the user agent MUST
/// close the connection to the server and discard the received response".
/// 9110 8.6: `Content-Length = 1*DIGIT`, any value >= 0; "a recipient
/// MUST anticipate potentially large decimal numerals and prevent parsing
/// errors due to integer conversion overflows". A value past 2^64-1 is
/// refused at its last digit, never wrapped.
#[test]
fn rule_5_an_invalid_content_length_is_an_unrecoverable_error() {
    for (value, bad) in [
        ("abc", 0),
        ("-1", 0),
        ("+5", 0),
        ("0x5", 1),
        ("1 2", 1),
        ("5,", 2),
        ("5;", 1),
        ("", 0),
        ("18446744073709551616", 19),
        ("99999999999999999999999", 19),
    ] {
        let input = format!(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: {value}\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        );
        let input = input.as_bytes();
        let value_at = at(input, "Content-Length: ") + 16;
        let trace = server(input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::InvalidContentLength, value_at + bad)),
            "{value:?}"
        );
        assert_eq!(complete(&trace), 0);
        assert_eq!(ErrorKind::InvalidContentLength.status_hint(), 400);

        let input = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx\
HTTP/1.1 200 OK\r\nContent-Length: {value}\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"
        );
        let input = input.as_bytes();
        let trace = client(&[Other, Other, Other], input);
        assert_eq!(
            error_of(&trace).map(|e| e.0),
            Some(ErrorKind::InvalidContentLength),
            "{value:?}"
        );
        // The response before it was read; the bad one is not delivered.
        assert_eq!(complete(&trace), 1, "{value:?}");
        assert!(!trace.framings().contains(&Framing::Close));
    }
    // A client connection discards the response and closes.
    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    let get = RequestLine::new("GET", "/", Http11);
    conn.request_into(&get, &[HOST], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\nx";
    let events = read_responses(&mut conn, input);
    assert_eq!(
        events.last(),
        Some(&Ev::Error(
            ErrorKind::InvalidContentLength,
            at(input, "x\r\n")
        ))
    );
    assert!(!events.contains(&Ev::MessageEnd));
    assert_eq!(conn.state(), ConnState::Closed);
    // The largest value that fits is a length, as stated.
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551615\r\n\r\nab";
    let trace = h1wire_testkit::drive_open(
        &mut h1wire_testkit::ClientDecoder::new(Default::default(), &[Other]),
        input,
        h1wire_testkit::Pieces::whole(),
    );
    assert_eq!(trace.framings(), [Framing::Length(u64::MAX)]);
    // And leading zeros are digits.
    let trace = server(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0003\r\n\r\nabc");
    assert_eq!(trace.framings(), [Framing::Length(3)]);
    assert_eq!(body_of(&trace, 0), b"abc");
}

/// RFC 9112 6.3 (5) and RFC 9110 8.6: a list of identical values "MAY"
/// be processed as that one value, or rejected. The strict profile
/// rejects `5, 5` and two `Content-Length: 5` lines
/// (`DuplicateContentLength`); `Lenient::duplicate_content_length` reads
/// them as 5 and records the reading. Differing values are refused either
/// way.
#[test]
fn rule_5_identical_content_length_values_are_refused_unless_lenient() {
    let mut lenient = h1wire::Config::default();
    lenient.lenient.duplicate_content_length = true;
    for fields in [
        "Content-Length: 5, 5\r\n",
        "Content-Length: 5\r\nContent-Length: 5\r\n",
        "Content-Length: 5,5 , 5\r\n",
    ] {
        let input = format!("POST / HTTP/1.1\r\nHost: a\r\n{fields}\r\nhello");
        let input = input.as_bytes();
        let trace = server(input);
        assert_eq!(
            error_of(&trace).map(|e| e.0),
            Some(ErrorKind::DuplicateContentLength),
            "{fields:?}"
        );
        let trace = server_with(lenient, input);
        assert_eq!(error_of(&trace), None, "{fields:?}");
        assert_eq!(trace.framings(), [Framing::Length(5)]);
        assert_eq!(body_of(&trace, 0), b"hello");
        let readings = trace.reduction.messages[0].head_readings.unwrap();
        assert!(readings
            .first_use(Reading::DuplicateContentLength)
            .is_some());
    }
    for fields in [
        "Content-Length: 5, 6\r\n",
        "Content-Length: 5\r\nContent-Length: 6\r\n",
    ] {
        let input = format!("POST / HTTP/1.1\r\nHost: a\r\n{fields}\r\nhello!");
        let input = input.as_bytes();
        for trace in [server(input), server_with(lenient, input)] {
            assert_eq!(
                error_of(&trace),
                Some((ErrorKind::ConflictingContentLength, at(input, "6"))),
                "{fields:?}"
            );
        }
        let input = format!("HTTP/1.1 200 OK\r\n{fields}\r\nhello!");
        let trace = client_with(lenient, &[Other], input.as_bytes());
        assert_eq!(
            error_of(&trace).map(|e| e.0),
            Some(ErrorKind::ConflictingContentLength)
        );
    }
}

/// RFC 9112 6.3 (6): "If a valid Content-Length header field is present
/// without Transfer-Encoding, its decimal value defines the expected
/// message body length in octets": exactly that many, then the next
/// message.
#[test]
fn rule_6_a_content_length_body_is_exactly_that_many_octets() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        evs(&trace, input),
        [
            request("POST", "/", Http11),
            header("Host", "a"),
            header("Content-Length", "5"),
            Ev::HeadEnd(Framing::Length(5)),
            body(b"hello"),
            Ev::MessageEnd,
            request("GET", "/", Http11),
            header("Host", "a"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
        ]
    );
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
    let trace = client(&[Other, Other], input);
    assert_eq!(trace.framings(), [Framing::Length(0), Framing::Length(2)]);
    assert_eq!(body_of(&trace, 1), b"hi");
}

/// RFC 9112 6.3 (6): "If the sender closes the connection ... before the
/// indicated number of octets are received, the recipient MUST consider
/// the message to be incomplete and close the connection" (and section 8: "A
/// message that uses a valid Content-Length is incomplete if the size of
/// the message body received ... is less than the value"). Both roles end
/// with `Incomplete` where the stream ended, after handing over the bytes
/// that came, and the message is not complete.
#[test]
fn rule_6_a_content_length_body_cut_short_is_incomplete() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhel";
    let trace = server(input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::Incomplete, input.len() as u64))
    );
    assert_eq!(complete(&trace), 0);
    assert_eq!(body_of(&trace, 0), b"hel");

    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::Incomplete, input.len() as u64))
    );
    assert_eq!(complete(&trace), 0);
    assert!(!trace.reduction.messages[0].complete);

    // A client connection closes: no request after it.
    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    let get = RequestLine::new("GET", "/", Http11);
    conn.request_into(&get, &[HOST], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    let events = read_responses(&mut conn, input);
    assert_eq!(events.last(), Some(&body(b"hel")));
    let end = conn.finish();
    assert_eq!(end.map_err(|e| e.kind()), Err(ErrorKind::Incomplete));
    assert_eq!(conn.state(), ConnState::Closed);
}

/// RFC 9112 6.3 (7): "If this is a request message and none of
/// the above are true, then the message body length is zero"; the Note:
/// requests are never close-delimited. The bytes after the head are the
/// next request (here not one: an error there, after one complete
/// request).
#[test]
fn rule_7_a_request_without_framing_has_no_body() {
    let input = b"POST /form HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let trace = server(input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(trace.framings(), [Framing::None, Framing::None]);
    assert_eq!(complete(&trace), 2);

    let input = b"POST /form HTTP/1.1\r\nHost: a\r\n\r\nname=value\r\n\r\n";
    let trace = server(input);
    assert_eq!(complete(&trace), 1);
    assert_eq!(body_of(&trace, 0), b"");
    // "name" reads as a method, which "=" cannot continue.
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidMethod, at(input, "=value")))
    );
}

/// RFC 9112 6.3 (8): "Otherwise, this is a response message
/// without a declared message body length, so the message body length is
/// determined by the number of octets received prior to the server
/// closing the connection"; 8: such a response "is considered complete"
/// if its header section was received intact.
#[test]
fn rule_8_a_response_without_framing_runs_to_the_close() {
    let input = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this\r\nHTTP/1.1 200 OK\r\n\r\n";
    let trace = client(&[Other, Other], input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(trace.framings(), [Framing::Close]);
    assert_eq!(complete(&trace), 1);
    assert_eq!(
        body_of(&trace, 0),
        b"all of this\r\nHTTP/1.1 200 OK\r\n\r\n"
    );
    // An empty one is complete too.
    let trace = client(&[Other], b"HTTP/1.0 200 OK\r\n\r\n");
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
    assert_eq!(trace.framings(), [Framing::Close]);
}

/// RFC 9112 6.3 (8): "a server SHOULD generate encoding or
/// length-delimited messages whenever possible". `Body::Streamed` is
/// chunked whenever both sides speak HTTP/1.1 and close-delimited only
/// otherwise; `Body::Length` writes the length; close-delimited is
/// written only when asked (`Body::UntilClose`, or `Body::AsFields`
/// without framing fields), and then ends the stream.
#[test]
fn rule_8_the_server_encoder_delimits_bodies_when_it_can() {
    let (wire, framing) = write_response(
        ok11(200),
        &[],
        Body::Streamed,
        Answering::HTTP11,
        &[b"ab"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Chunked);
    assert_eq!(
        wire,
        b"HTTP/1.1 200 R\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"
    );
    let (wire, framing) = write_response(
        ok11(200),
        &[],
        Body::Length(2),
        Answering::HTTP11,
        &[b"ab"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Length(2));
    assert_eq!(wire, b"HTTP/1.1 200 R\r\nContent-Length: 2\r\n\r\nab");
    let http10 = StatusLine::new(Http10, 200, "R");
    let (wire, framing) = write_response(
        http10,
        &[],
        Body::Streamed,
        Answering::HTTP11,
        &[b"ab"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Close);
    assert_eq!(wire, b"HTTP/1.0 200 R\r\n\r\nab");
    for body_choice in [Body::UntilClose, Body::AsFields] {
        let mut encoder = Encoder::server();
        let mut out = Vec::new();
        let head = encoder
            .response_into(&ok11(200), &[], body_choice, Answering::HTTP11, &mut out)
            .unwrap();
        assert_eq!(head.framing, Framing::Close);
        encoder.body_into(b"ab", &mut out).unwrap();
        encoder.end_into(&[], &mut out).unwrap();
        assert_eq!(out, b"HTTP/1.1 200 R\r\n\r\nab");
        assert!(encoder.is_ended());
    }
}

/// RFC 9112 6.3: "A user agent that sends a request that contains a
/// message body MUST send either a valid Content-Length header field or
/// use the chunked transfer coding." A request asked to run to the close,
/// or body data on a request without framing, is refused.
#[test]
fn a_request_body_needs_a_length_or_chunked() {
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &[HOST], Body::UntilClose, &[], &[])),
        Some((EncodeErrorKind::UnframedRequestBody, None))
    );
    let get = RequestLine::new("GET", "/", Http11);
    for (line, choice) in [(post, Body::AsFields), (get, Body::Empty)] {
        assert_eq!(
            refusal(write_request(line, &[HOST], choice, &[b"x"], &[])),
            Some((EncodeErrorKind::BodyNotAllowed, None))
        );
    }
    // An empty POST says `Content-Length: 0` (RFC 9110 section 8.6): a
    // byte is one too many.
    assert_eq!(
        refusal(write_request(post, &[HOST], Body::Empty, &[b"x"], &[])),
        Some((EncodeErrorKind::BodyTooLong, None))
    );
    let (wire, framing) = write_request(post, &[HOST], Body::Empty, &[], &[]).unwrap();
    assert_eq!(framing, Framing::Length(0));
    assert!(wire.ends_with(b"Content-Length: 0\r\n\r\n"));
    let (wire, framing) = write_request(post, &[HOST], Body::Streamed, &[b"abc"], &[]).unwrap();
    assert_eq!(framing, Framing::Chunked);
    assert!(wire.ends_with(b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
    let (wire, framing) = write_request(post, &[HOST], Body::Length(3), &[b"abc"], &[]).unwrap();
    assert_eq!(framing, Framing::Length(3));
    assert!(wire.ends_with(b"Content-Length: 3\r\n\r\nabc"));
}

/// RFC 9112 6.3: "If the final response to the last request on a
/// connection has been completely received and there remains additional
/// data to read ... A client MUST NOT process, cache, or forward such
/// extra data as a separate response". A client connection refuses the
/// extra response (`UnsolicitedResponse`) after delivering the one asked
/// for.
#[test]
fn extra_data_after_the_last_response_is_not_a_response() {
    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    let get = RequestLine::new("GET", "/", Http11);
    conn.request_into(&get, &[HOST], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok\
HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil";
    let events = read_responses(&mut conn, input);
    let first_end = events.iter().position(|e| *e == Ev::MessageEnd).unwrap();
    assert_eq!(events[first_end - 1], body(b"ok"));
    assert_eq!(
        events[first_end + 1..],
        [Ev::Error(
            ErrorKind::UnsolicitedResponse,
            at(input, "HTTP/1.1 200 OK\r\nContent-Length: 4")
        )]
    );
}

// ---------------------------------------------------------------------
// RFC 9112 7.1 Chunked transfer coding: the grammar
// ---------------------------------------------------------------------

/// A chunked request with `chunks` as its body after the head.
fn chunked_request(chunks: &str) -> Vec<u8> {
    format!("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n{chunks}").into_bytes()
}

/// Where the chunked body of [`chunked_request`] starts.
const CHUNKS_AT: u64 = 56;

/// RFC 9112 7.1: `chunk-size = 1*HEXDIG` (either case, leading zeros),
/// `last-chunk = 1*("0") [ chunk-ext ] CRLF`; "recipients MUST anticipate
/// potentially large hexadecimal numerals and prevent parsing errors due
/// to integer conversion overflows": a size up to 2^64-1 is read as is,
/// one past it is refused at the digit that overflows.
#[test]
fn chunk_sizes_are_hex_of_any_size_that_fits() {
    let input = chunked_request("a\r\n0123456789\r\nA\r\nabcdefghij\r\n0001\r\nk\r\n000\r\n\r\n");
    let trace = server(&input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(body_of(&trace, 0), b"0123456789abcdefghijk");

    // The largest size: the head of a body that never ends here.
    let input = chunked_request("ffffffffffffffff\r\nab");
    let trace = server(&input);
    assert_eq!(body_of(&trace, 0), b"ab");
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::Incomplete, input.len() as u64))
    );
    let input = chunked_request("00000000000000000000000000001\r\nx\r\n0\r\n\r\n");
    assert_eq!(body_of(&server(&input), 0), b"x");

    let input = chunked_request("10000000000000000\r\n");
    let trace = server(&input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidChunkSize, CHUNKS_AT + 16))
    );
    for (chunks, bad) in [
        ("\r\n", 0),
        ("0x5\r\nhello\r\n0\r\n\r\n", 1),
        ("-5\r\nhello\r\n0\r\n\r\n", 0),
        ("+5\r\nhello\r\n0\r\n\r\n", 0),
        (" 5\r\nhello\r\n0\r\n\r\n", 0),
        ("g\r\n", 0),
        ("5\nhello\r\n0\r\n\r\n", 1),
    ] {
        let input = chunked_request(chunks);
        let trace = server(&input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::InvalidChunkSize, CHUNKS_AT + bad)),
            "{chunks:?}"
        );
        assert_eq!(complete(&trace), 0);
    }
}

/// RFC 9112 7.1: `chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF`:
/// the data is exactly chunk-size octets followed by CRLF. Anything else
/// there (a byte too many, a bare LF) is refused at the first byte after
/// the data.
#[test]
fn chunk_data_is_followed_by_exactly_crlf() {
    for (chunks, bad) in [
        ("5\r\nhelloX\r\n0\r\n\r\n", 8),
        ("5\r\nhello\n0\r\n\r\n", 8),
        ("5\r\nhello0\r\n\r\n", 8),
        // A CR, then not LF: at the byte after the CR.
        ("5\r\nhello\r0\r\n\r\n", 9),
    ] {
        let input = chunked_request(chunks);
        let trace = server(&input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::InvalidChunkEnd, CHUNKS_AT + bad)),
            "{chunks:?}"
        );
        assert_eq!(body_of(&trace, 0), b"hello");
        assert_eq!(complete(&trace), 0);
    }
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidChunkEnd, at(input, "c\r\n0")))
    );
}

/// RFC 9112 7.1 and 7.2: "The chunked coding does not define any
/// parameters. Their presence SHOULD be treated as an error", and so for
/// the compression codings. Requests and responses refuse `chunked;...`;
/// requests refuse parameters on gzip, deflate and compress too (the
/// response side reads them: see the report), and so does the encoder.
#[test]
fn transfer_coding_parameters_are_refused() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n";
    assert_eq!(
        error_of(&server(input)),
        Some((ErrorKind::InvalidTransferEncoding, at(input, ";q=1")))
    );
    let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked ; a=b\r\n\r\n0\r\n\r\n";
    assert_eq!(
        error_of(&client(&[Other], input)),
        Some((ErrorKind::InvalidTransferEncoding, at(input, "; a=b")))
    );
    for te in [
        "gzip;level=9, chunked",
        "deflate;x=\"y\", chunked",
        "compress ;a=b, chunked",
    ] {
        let input =
            format!("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {te}\r\n\r\n0\r\n\r\n");
        let input = input.as_bytes();
        assert_eq!(
            error_of(&server(input)),
            Some((ErrorKind::InvalidTransferEncoding, at(input, ";"))),
            "{te}"
        );
    }
    let te = [Field::new("Transfer-Encoding", "chunked;q=1")];
    assert_eq!(
        refusal(write_response(
            ok11(200),
            &te,
            Body::AsFields,
            Answering::HTTP11,
            &[],
            &[]
        )),
        Some((EncodeErrorKind::InvalidTransferEncoding, Some(0)))
    );
    let te = [
        HOST,
        Field::new("Transfer-Encoding", "gzip;level=9, chunked"),
    ];
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &te, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::InvalidTransferEncoding, Some(1)))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 7.1.1 Chunk extensions
// ---------------------------------------------------------------------

/// RFC 9112 7.1.1: `chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "="
/// BWS chunk-ext-val ] )`, the value a token or a quoted-string; "A
/// recipient MUST ignore unrecognized chunk extensions": the body reads
/// as without them, on data chunks and on the last chunk.
#[test]
fn unrecognized_chunk_extensions_are_ignored() {
    let plain = chunked_request("5\r\nhello\r\n0\r\n\r\n");
    let with = chunked_request(
        "5;foo=bar;baz=\"q\\\"x;y\";flag\r\nhello\r\n0 ; last = \"1, 2\"\t;e\r\n\r\n",
    );
    let (a, b) = (server(&plain), server(&with));
    assert_eq!(error_of(&b), None);
    assert_eq!(evs(&a, &plain), evs(&b, &with));
    assert_eq!(body_of(&b, 0), b"hello");
}

/// RFC 9112 7.1.1: a chunk extension out of the grammar is refused where
/// it breaks it; so is whitespace after the size that no `;` follows
/// (BWS comes only before `;`).
#[test]
fn malformed_chunk_extensions_are_refused() {
    for (chunks, kind, bad) in [
        (
            "5;\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            2,
        ),
        (
            "5;=x\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            2,
        ),
        (
            "5;a=\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            4,
        ),
        (
            "5;a=\"x\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            6,
        ),
        (
            "5;a b\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            4,
        ),
        (
            "5;a=b c\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            6,
        ),
        (
            "5;a=\x01\r\nhello\r\n0\r\n\r\n",
            ErrorKind::InvalidChunkExtension,
            4,
        ),
        ("5 \r\nhello\r\n0\r\n\r\n", ErrorKind::InvalidChunkSize, 2),
    ] {
        let input = chunked_request(chunks);
        let trace = server(&input);
        assert_eq!(
            error_of(&trace),
            Some((kind, CHUNKS_AT + bad)),
            "{chunks:?}"
        );
        assert_eq!(complete(&trace), 0);
    }
}

/// RFC 9112 7.1.1: "A server ought to limit the total length of chunk
/// extensions received in a request ... and generate an appropriate 4xx
/// (Client Error) response if that amount is exceeded". The bound is per
/// chunk-size line (`Limits::chunk_line`, default 4 KiB): a line of
/// exactly the limit is read, one byte more is `ChunkLineTooLong` (400)
/// at that byte.
#[test]
fn chunk_extensions_are_bounded() {
    let mut config = h1wire::Config::default();
    config.limits.chunk_line = 16;
    // "5;" and 14 bytes of extension: 16 bytes before the CRLF.
    let at_limit = chunked_request("5;aaaaaaaaaaaaaa\r\nhello\r\n0\r\n\r\n");
    let trace = server_with(config, &at_limit);
    assert_eq!(error_of(&trace), None);
    assert_eq!(body_of(&trace, 0), b"hello");
    let past = chunked_request("5;aaaaaaaaaaaaaaa\r\nhello\r\n0\r\n\r\n");
    let trace = server_with(config, &past);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::ChunkLineTooLong, CHUNKS_AT + 16))
    );
    let hint = ErrorKind::ChunkLineTooLong.status_hint();
    assert!((400..500).contains(&hint));
    // The default bound: 4 KiB of extension on one line is too much.
    let long = format!("1;x={}\r\nz\r\n0\r\n\r\n", "v".repeat(4096));
    let trace = server(&chunked_request(&long));
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::ChunkLineTooLong, CHUNKS_AT + 4096))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 7.1.2 and RFC 9110 6.5: trailer fields
// ---------------------------------------------------------------------

/// RFC 9112 7.1.2: "A recipient that retains a received trailer field
/// MUST either store/forward the trailer field separately from the
/// received header fields or merge" it; "MUST NOT merge ... unless its
/// corresponding header field definition explicitly permits"; RFC 9110
/// 6.5: trailers "ought to be processed and stored separately", 6.5.2:
/// same-name trailer lines are processed in order. The decoders deliver
/// trailers as their own events after the body, in order, never as
/// header fields; a field that is also a header (Content-Type) stays a
/// trailer.
#[test]
fn trailer_fields_are_delivered_apart_from_the_header_fields() {
    let input = chunked_request(
        "3\r\nabc\r\n0\r\nChecksum: 1\r\nContent-Type: text/evil\r\nChecksum: 2\r\n\r\n",
    );
    let trace = server(&input);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        evs(&trace, &input)[3..],
        [
            Ev::HeadEnd(Framing::Chunked),
            body(b"abc"),
            trailer("Checksum", "1"),
            trailer("Content-Type", "text/evil"),
            trailer("Checksum", "2"),
            Ev::MessageEnd
        ]
    );
    let message = &trace.reduction.messages[0];
    assert_eq!(message.values(b"content-type").count(), 0);
    assert_eq!(message.trailers.len(), 3);

    let input = b"HTTP/1.1 200 OK\r\nTrailer: Server-Timing\r\nTransfer-Encoding: chunked\r\n\r\n\
0\r\nServer-Timing: db;dur=53\r\n\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        evs(&trace, input)[4..],
        [trailer("Server-Timing", "db;dur=53"), Ev::MessageEnd]
    );
}

/// RFC 9110 6.5.1: fields "that describe message framing, routing" cannot
/// be processed outside the header section. The strict profile refuses
/// Content-Length, Transfer-Encoding and Host as trailers
/// (`ForbiddenTrailer`, at the field line), in both roles;
/// `Lenient::framing_trailers` delivers them as trailers, recorded.
#[test]
fn framing_and_routing_trailers_are_refused_unless_lenient() {
    let mut lenient = h1wire::Config::default();
    lenient.lenient.framing_trailers = true;
    for name in [
        "Content-Length: 50",
        "transfer-encoding: chunked",
        "HOST: evil",
    ] {
        let input = chunked_request(&format!("1\r\nx\r\n0\r\n{name}\r\n\r\n"));
        let trace = server(&input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::ForbiddenTrailer, at(&input, name))),
            "{name}"
        );
        assert_eq!(complete(&trace), 0);
        let trace = server_with(lenient, &input);
        assert_eq!(error_of(&trace), None, "{name}");
        let message = &trace.reduction.messages[0];
        assert_eq!(message.trailers.len(), 1);
        let readings = message.end_readings.unwrap();
        assert_eq!(
            readings.first_use(Reading::FramingTrailer),
            Some(at(&input, name))
        );
    }
    let input =
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nContent-Length: 5\r\n\r\n";
    assert_eq!(
        error_of(&client(&[Other], input)),
        Some((ErrorKind::ForbiddenTrailer, at(input, "Content-Length")))
    );
}

/// RFC 9110 6.5.1: "A sender MUST NOT generate a trailer field unless the
/// sender knows the corresponding header field name's definition permits
/// the field to be sent in trailers"; "A trailer section is only possible
/// when ... enabled by an explicit framing mechanism". The encoder
/// writes trailers after the last chunk, in order, refuses framing and
/// routing fields there (naming the trailer), and refuses trailers on any
/// body that is not chunked.
#[test]
fn the_encoder_writes_trailers_only_after_chunked() {
    let trailers = [Field::new("Checksum", "1"), Field::new("Checksum", "2")];
    let (wire, _) = write_response(
        ok11(200),
        &[],
        Body::Chunked,
        Answering::HTTP11,
        &[b"abc"],
        &trailers,
    )
    .unwrap();
    assert!(wire.ends_with(b"\r\n\r\n3\r\nabc\r\n0\r\nChecksum: 1\r\nChecksum: 2\r\n\r\n"));
    let trace = client(&[Other], &wire);
    assert_eq!(trace.reduction.messages[0].trailers.len(), 2);

    for (index, name) in [
        (0, "Content-Length"),
        (1, "Transfer-Encoding"),
        (1, "host"),
        // What must be known before the content (controls, conditionals,
        // authentication, response control data, content format).
        (0, "Content-Type"),
        (1, "Cache-Control"),
        (0, "If-Match"),
        (1, "Set-Cookie"),
        (0, "Expires"),
        (1, "Trailer"),
    ] {
        let mut bad = [Field::new("X", "1"), Field::new("X", "2")];
        bad[index] = Field::new(name, "5");
        let written = write_response(ok11(200), &[], Body::Chunked, Answering::HTTP11, &[], &bad);
        assert_eq!(
            refusal(written),
            Some((EncodeErrorKind::ForbiddenTrailer, Some(index))),
            "{name}"
        );
    }
    // A bad field is refused as a trailer as it is in a head.
    let crlf = [Field::new("X", "a\r\nContent-Length: 5")];
    let written = write_response(ok11(200), &[], Body::Chunked, Answering::HTTP11, &[], &crlf);
    assert_eq!(
        refusal(written),
        Some((EncodeErrorKind::InvalidFieldValue, Some(0)))
    );
    for choice in [Body::Length(1), Body::UntilClose, Body::Empty] {
        let written = write_response(
            ok11(200),
            &[],
            choice,
            Answering::HTTP11,
            &[&b"x"[..]][..usize::from(choice != Body::Empty)],
            &trailers,
        );
        assert_eq!(
            refusal(written),
            Some((EncodeErrorKind::TrailersNotAllowed, None)),
            "{choice:?}"
        );
    }
}

/// RFC 9112 6.3 (1): a response to HEAD, 1xx, 204 or 304 "cannot contain
/// a message body or trailer section"; a chunked head there frames
/// nothing, so no trailers either.
#[test]
fn no_trailer_section_where_there_is_no_body() {
    let te = [Field::new("Transfer-Encoding", "chunked")];
    let trailers = [Field::new("Checksum", "1")];
    let head = Answering::new(Head, Http11);
    let written = write_response(ok11(200), &te, Body::AsFields, head, &[], &trailers);
    assert_eq!(
        refusal(written),
        Some((EncodeErrorKind::TrailersNotAllowed, None))
    );
    // The decoder reads "0\r\nChecksum: 1\r\n\r\n" after a 304 as the
    // start of the next response, not as a trailer section.
    let input =
        b"HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nChecksum: 1\r\n\r\n";
    let trace = client(&[Other, Other], input);
    assert_eq!(complete(&trace), 1);
    assert!(trace.reduction.messages[0].trailers.is_empty());
    // "0" is no HTTP version.
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidVersion, at(input, "0\r\nChecksum")))
    );
}

// ---------------------------------------------------------------------
// RFC 9112 7.1 / 7.1.3: the encoder's chunks
// ---------------------------------------------------------------------

/// RFC 9112 7.1 and 7.1.3: each chunk is its size in hex, CRLF, the data,
/// CRLF; the body ends with the last chunk `0` CRLF, the trailer section
/// and CRLF. A zero-size chunk would end the body, so an empty write
/// writes nothing: the encoder's bytes decode back to the same data.
#[test]
fn the_encoder_frames_each_piece_and_never_writes_an_empty_chunk() {
    let mut encoder = Encoder::client();
    let mut out = Vec::new();
    let post = RequestLine::new("POST", "/", Http11);
    encoder
        .request_into(&post, &[HOST], Body::Chunked, &mut out)
        .unwrap();
    let head_len = out.len();
    let pieces: [&[u8]; 4] = [b"", &[b'x'; 300], b"", b"end"];
    for piece in pieces {
        let frame = encoder.body(piece.len()).unwrap();
        if piece.is_empty() {
            assert!(frame.is_empty());
            assert_eq!((frame.before(), frame.after()), (&b""[..], &b""[..]));
        }
        out.extend_from_slice(frame.before());
        out.extend_from_slice(piece);
        out.extend_from_slice(frame.after());
    }
    encoder.end_into(&[], &mut out).unwrap();
    let mut expected = b"12c\r\n".to_vec();
    expected.extend_from_slice(&[b'x'; 300]);
    expected.extend_from_slice(b"\r\n3\r\nend\r\n0\r\n\r\n");
    assert_eq!(out[head_len..], expected);
    let trace = server(&out);
    assert_eq!(error_of(&trace), None);
    assert_eq!(body_of(&trace, 0).len(), 303);
    assert!(encoder.is_idle());
}

// ---------------------------------------------------------------------
// RFC 9112 7.4 TE
// ---------------------------------------------------------------------

/// RFC 9112 7.4: "a sender of TE MUST also send a "TE" connection option
/// within the Connection header field ... in order to prevent the TE
/// header field from being forwarded by intermediaries". The client
/// encoder refuses a TE that Connection does not list, naming it.
#[test]
fn the_client_encoder_sends_te_only_with_the_te_connection_option() {
    let get = RequestLine::new("GET", "/", Http11);
    let fields = [HOST, Field::new("TE", "trailers")];
    assert_eq!(
        refusal(write_request(get, &fields, Body::Empty, &[], &[])),
        Some((EncodeErrorKind::MissingConnectionOption, Some(1)))
    );
    let fields = [
        HOST,
        Field::new("te", "trailers"),
        Field::new("Connection", "keep-alive, TE"),
    ];
    assert!(write_request(get, &fields, Body::Empty, &[], &[]).is_ok());
}

/// RFC 9112 7.4: "A client MUST NOT send the chunked transfer coding name
/// in TE; chunked is always acceptable for HTTP/1.1 recipients." The
/// client encoder refuses it (naming the field and the coding's first
/// byte), with or without a weight; `trailers` and other codings go.
#[test]
fn the_client_encoder_sends_no_chunked_in_te() {
    let get = RequestLine::new("GET", "/", Http11);
    for (value, byte) in [("chunked", 0), ("trailers, chunked;q=0.5", 10)] {
        let fields = [
            HOST,
            Field::new("Connection", "TE"),
            Field::new("TE", value),
        ];
        let e = write_request(get, &fields, Body::Empty, &[], &[]).unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (EncodeErrorKind::ChunkedInTe, Some(2), Some(byte)),
            "{value}"
        );
    }
    let fields = [
        HOST,
        Field::new("Connection", "TE"),
        Field::new("TE", "trailers, gzip;q=0.5"),
    ];
    assert!(write_request(get, &fields, Body::Empty, &[], &[]).is_ok());
}

// ---------------------------------------------------------------------
// RFC 9110 8.6 Content-Length: senders
// ---------------------------------------------------------------------

/// RFC 9110 8.6 and RFC 9112 6.2: Content-Length frames the content: a
/// body write past it is refused (`BodyTooLong`, at the first byte too
/// many, nothing written), an end before it is refused (`BodyTooShort`),
/// and the encoder counts what is left.
#[test]
fn the_encoder_counts_a_content_length_body() {
    let mut encoder = Encoder::server();
    let mut out = Vec::new();
    encoder
        .response_into(
            &ok11(200),
            &[],
            Body::Length(5),
            Answering::HTTP11,
            &mut out,
        )
        .unwrap();
    assert_eq!(out, b"HTTP/1.1 200 R\r\nContent-Length: 5\r\n\r\n");
    encoder.body_into(b"hel", &mut out).unwrap();
    assert_eq!(encoder.remaining(), Some(2));
    let before = out.len();
    let too_long = encoder.body_into(b"lo!", &mut out).unwrap_err();
    assert_eq!(
        (too_long.kind(), too_long.byte()),
        (EncodeErrorKind::BodyTooLong, Some(2))
    );
    assert_eq!(out.len(), before);
    let short = encoder.end_into(&[], &mut out).unwrap_err();
    assert_eq!(short.kind(), EncodeErrorKind::BodyTooShort);
    encoder.body_into(b"lo", &mut out).unwrap();
    assert_eq!(encoder.remaining(), Some(0));
    assert_eq!(encoder.end_into(&[], &mut out), Ok(0));
    assert!(out.ends_with(b"\r\n\r\nhello"));
    // The same for a length the caller's own field states.
    let fields = [HOST, Field::new("Content-Length", "2")];
    let post = RequestLine::new("POST", "/", Http11);
    assert_eq!(
        refusal(write_request(post, &fields, Body::AsFields, &[b"abc"], &[])),
        Some((EncodeErrorKind::BodyTooLong, None))
    );
    assert_eq!(
        refusal(write_request(post, &fields, Body::AsFields, &[b"a"], &[])),
        Some((EncodeErrorKind::BodyTooShort, None))
    );
}

/// RFC 9110 8.6: "a sender MUST NOT forward a message with a
/// Content-Length header field value that does not match the ABNF"
/// (`1*DIGIT`). The encoder refuses any other value, a list (even of
/// equal values: the RFC lets a recipient replace it by one value) and a
/// second field, naming it.
#[test]
fn the_encoder_writes_content_length_as_digits_only() {
    let post = RequestLine::new("POST", "/", Http11);
    for value in ["+5", "-0", "0x5", "5 5", "five", "", "18446744073709551616"] {
        let fields = [HOST, Field::new("Content-Length", value)];
        assert_eq!(
            refusal(write_request(post, &fields, Body::AsFields, &[], &[])),
            Some((EncodeErrorKind::InvalidContentLength, Some(1))),
            "{value:?}"
        );
    }
    let list = [HOST, Field::new("Content-Length", "5, 5")];
    assert_eq!(
        refusal(write_request(post, &list, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::DuplicateContentLength, Some(1)))
    );
    let two = [
        Field::new("Content-Length", "5"),
        HOST,
        Field::new("content-length", "5"),
    ];
    assert_eq!(
        refusal(write_request(post, &two, Body::AsFields, &[], &[])),
        Some((EncodeErrorKind::DuplicateContentLength, Some(2)))
    );
    let (wire, framing) = write_request(
        post,
        &[HOST, Field::new("Content-Length", "005")],
        Body::AsFields,
        &[b"abcde"],
        &[],
    )
    .unwrap();
    assert_eq!(framing, Framing::Length(5));
    assert!(wire.ends_with(b"Content-Length: 005\r\n\r\nabcde"));
}

/// RFC 9110 8.6: "A server MUST NOT send a Content-Length header field in
/// any response with a status code of 1xx (Informational) or 204 (No
/// Content)", nor "in any 2xx (Successful) response to a CONNECT
/// request". Refused, naming the field; asked for as `Body::Length`, a
/// body is refused there; `EncoderOptions::ignored_framing_fields`
/// writes the field for a relay and the message still has no body.
#[test]
fn the_encoder_sends_no_content_length_on_1xx_204_or_2xx_to_connect() {
    let cl = [Field::new("Content-Length", "0")];
    let connect = Answering::new(Connect, Http11);
    let mut relay = EncoderOptions::default();
    relay.ignored_framing_fields = true;
    for (code, answering) in [
        (100, Answering::HTTP11),
        (199, Answering::HTTP11),
        (204, Answering::HTTP11),
        (200, connect),
    ] {
        assert_eq!(
            refusal(write_response(
                ok11(code),
                &cl,
                Body::AsFields,
                answering,
                &[],
                &[]
            )),
            Some((EncodeErrorKind::FramingFieldNotAllowed, Some(0))),
            "{code}"
        );
        assert_eq!(
            refusal(write_response(
                ok11(code),
                &[],
                Body::Length(3),
                answering,
                &[],
                &[]
            )),
            Some((EncodeErrorKind::BodyNotAllowed, None)),
            "{code}"
        );
        // `Body::Empty` there writes no Content-Length: 0.
        let (wire, _) = write_response(ok11(code), &[], Body::Empty, answering, &[], &[]).unwrap();
        assert_eq!(
            wire,
            format!("HTTP/1.1 {code} R\r\n\r\n").as_bytes(),
            "{code}"
        );
        let (wire, framing) =
            write_response_with(relay, ok11(code), &cl, Body::AsFields, answering, &[], &[])
                .unwrap();
        assert!(matches!(framing, Framing::None | Framing::Upgrade));
        assert!(wire.ends_with(b"Content-Length: 0\r\n\r\n"));
    }
}

/// RFC 9110 8.6: "A server MAY send a Content-Length header field in a
/// response to a HEAD request" or a 304, the length the content would
/// have had. `Body::Length(n)` writes it there with no body: data is
/// refused and the end needs none; a field of another length conflicts.
#[test]
fn a_head_or_304_response_states_the_length_without_a_body() {
    for (code, answering) in [
        (200, Answering::new(Head, Http11)),
        (304, Answering::HTTP11),
    ] {
        let mut encoder = Encoder::server();
        let mut out = Vec::new();
        let head = encoder
            .response_into(&ok11(code), &[], Body::Length(1234), answering, &mut out)
            .unwrap();
        assert_eq!(head.framing, Framing::None);
        assert!(out.ends_with(b"\r\nContent-Length: 1234\r\n\r\n"));
        assert_eq!(
            encoder.body(1).map_err(|e| e.kind()),
            Err(EncodeErrorKind::BodyNotAllowed)
        );
        assert_eq!(encoder.end_into(&[], &mut out), Ok(0));
        let cl = [Field::new("Content-Length", "99")];
        assert_eq!(
            refusal(write_response(
                ok11(code),
                &cl,
                Body::Length(1234),
                answering,
                &[],
                &[]
            )),
            Some((EncodeErrorKind::FramingConflict, Some(0)))
        );
    }
}

/// RFC 9110 8.6: "a user agent normally sends Content-Length in a POST
/// request even when the value is 0", and "SHOULD NOT send a
/// Content-Length header field when the request message does not contain
/// content and the method semantics do not anticipate such data". The
/// caller says which: `Body::Length(0)` writes `Content-Length: 0`,
/// `Body::Empty` writes no framing field.
#[test]
fn a_request_states_an_empty_body_only_when_asked() {
    let post = RequestLine::new("POST", "/", Http11);
    let (wire, framing) = write_request(post, &[HOST], Body::Length(0), &[], &[]).unwrap();
    assert_eq!(framing, Framing::Length(0));
    assert_eq!(
        wire,
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"
    );
    let get = RequestLine::new("GET", "/", Http11);
    let (wire, framing) = write_request(get, &[HOST], Body::Empty, &[], &[]).unwrap();
    assert_eq!(framing, Framing::None);
    assert_eq!(wire, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
}

// ---------------------------------------------------------------------
// RFC 9112 8 Handling incomplete messages
// ---------------------------------------------------------------------

/// RFC 9112 8: "A message body that uses the chunked transfer coding is
/// incomplete if the zero-sized chunk that terminates the encoding has
/// not been received"; 7.1: complete only once the trailer section's
/// empty line is in. Cut anywhere before that, the stream ends with
/// `Incomplete` at its end, in both roles; "A client that receives an
/// incomplete response message ... MUST record the message as
/// incomplete".
#[test]
fn a_chunked_body_cut_short_is_incomplete() {
    let whole = "5;x=y\r\nhello\r\n0\r\nChecksum: 1\r\n\r\n";
    for cut in [0, 3, 7, 9, 12, 14, 16, 20, 31] {
        let input = chunked_request(&whole[..cut]);
        let trace = server(&input);
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::Incomplete, input.len() as u64)),
            "cut at {cut}"
        );
        assert_eq!(complete(&trace), 0);

        let input = format!(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{}",
            &whole[..cut]
        );
        let trace = client(&[Other], input.as_bytes());
        assert_eq!(
            error_of(&trace),
            Some((ErrorKind::Incomplete, input.len() as u64)),
            "cut at {cut}"
        );
        assert!(!trace.reduction.messages[0].complete);
    }
    let trace = server(&chunked_request(whole));
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
}

/// RFC 9112 8: "If a response terminates in the middle of the header
/// section ... the client cannot assume that meaning has been conveyed":
/// no head end is announced, and the stream ends `Incomplete`. A server
/// "MAY send an error response" to an incomplete request: the error
/// hints 400.
#[test]
fn a_message_cut_in_its_head_is_incomplete() {
    let input = b"HTTP/1.1 301 Moved\r\nLocation: /elsewhere\r\n";
    let trace = client(&[Other], input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::Incomplete, input.len() as u64))
    );
    assert!(trace.framings().is_empty());
    assert!(!trace.reduction.messages[0].complete);

    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Len";
    let trace = server(input);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::Incomplete, input.len() as u64))
    );
    assert_eq!(ErrorKind::Incomplete.status_hint(), 400);
}

/// RFC 9112 8: "A response that has neither chunked transfer coding nor
/// Content-Length is terminated by closure of the connection and, if the
/// header section was received intact, is considered complete"; a client
/// connection ends such a response at the close and then closes.
#[test]
fn a_close_delimited_response_is_complete_at_the_close() {
    let mut conn = h1wire::client::Connection::new(ConnectionConfig::default());
    let mut out = Vec::new();
    let get = RequestLine::new("GET", "/", Http11);
    conn.request_into(&get, &[HOST], Body::Empty, &mut out)
        .unwrap();
    conn.end_into(&[], &mut out).unwrap();
    let input = b"HTTP/1.1 200 OK\r\n\r\npartial or not";
    let events = read_responses(&mut conn, input);
    assert_eq!(
        events,
        [
            status(200, "OK"),
            Ev::HeadEnd(Framing::Close),
            body(b"partial or not")
        ]
    );
    let end = conn.finish().map(|e| e.map(|e| Ev::of(&e)));
    assert_eq!(end, Ok(Some(Ev::MessageEnd)));
    assert_eq!(conn.state(), ConnState::Closed);
    // The decoder alone: the same, complete.
    let trace = client(&[Other], input);
    assert_eq!((error_of(&trace), complete(&trace)), (None, 1));
}
