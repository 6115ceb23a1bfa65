//! Request smuggling, one test per vector class: each shape that has made
//! two HTTP/1 parsers disagree about where a message ends is refused by the
//! default (strict) decoder, whole and fed one byte at a time, and nothing
//! after it is decoded. SECURITY.md points here.

use h1wire::{Config, Decoder, ErrorKind, MethodKind, Reading};
use h1wire_testkit::{drive, ClientDecoder, End, Pieces};

/// Decode `input` at the given split (through the test kit's loop, which
/// checks every call); return how many messages completed and the error
/// that ended the stream, if any.
fn outcome(input: &[u8], split: usize) -> (usize, Option<(ErrorKind, u64)>) {
    let trace = drive(
        &mut Decoder::server(Config::default()),
        input,
        Pieces::every(split),
    );
    let error = match trace.end() {
        End::Error(e) => Some((e.kind(), e.offset())),
        End::Closed | End::Upgraded | End::Open => None,
    };
    (trace.reduction.complete().count(), error)
}

/// `head` (a request head, its fields given without the request line, Host
/// or final CRLF) followed by `body` and a second, valid request must fail
/// with `kind` after zero messages, whole and byte at a time.
#[track_caller]
fn refused(fields: &str, body: &str, kind: ErrorKind) {
    let input = format!(
        "POST / HTTP/1.1\r\nHost: a\r\n{fields}\r\n\r\n{body}GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
    );
    let whole = outcome(input.as_bytes(), input.len());
    assert_eq!(whole.0, 0, "a message was accepted: {input:?}");
    assert_eq!(whole.1.map(|e| e.0), Some(kind), "{input:?}");
    assert_eq!(
        outcome(input.as_bytes(), 1),
        whole,
        "byte at a time differs: {input:?}"
    );
}

#[test]
fn cl_te_and_te_cl() {
    refused(
        "Content-Length: 6\r\nTransfer-Encoding: chunked",
        "0\r\n\r\nX",
        ErrorKind::ContentLengthWithTransferEncoding,
    );
    refused(
        "Transfer-Encoding: chunked\r\nContent-Length: 6",
        "0\r\n\r\nX",
        ErrorKind::ContentLengthWithTransferEncoding,
    );
    refused(
        "Content-Length: 0\r\nTransfer-Encoding: gzip",
        "",
        ErrorKind::ContentLengthWithTransferEncoding,
    );
    // An unknown coding is refused as soon as it is read.
    refused(
        "Content-Length: 0\r\nTransfer-Encoding: identity",
        "",
        ErrorKind::UnknownTransferCoding,
    );
    // An empty Transfer-Encoding is still a Transfer-Encoding.
    refused(
        "Transfer-Encoding:\r\nContent-Length: 3",
        "abc",
        ErrorKind::ContentLengthWithTransferEncoding,
    );
}

#[test]
fn te_te_obfuscated_transfer_encoding() {
    refused(
        "Transfer-Encoding : chunked",
        "0\r\n\r\n",
        ErrorKind::WhitespaceBeforeColon,
    );
    refused(
        "Transfer-Encoding: xchunked",
        "0\r\n\r\n",
        ErrorKind::UnknownTransferCoding,
    );
    refused(
        "Transfer-Encoding: chunked, identity",
        "0\r\n\r\n",
        ErrorKind::UnknownTransferCoding,
    );
    refused(
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip",
        "0\r\n\r\n",
        ErrorKind::ChunkedNotFinal,
    );
    refused(
        "Transfer-Encoding: chunked, chunked",
        "0\r\n\r\n",
        ErrorKind::ChunkedTwice,
    );
    refused(
        "Transfer-Encoding: \"chunked\"",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
    refused(
        "Transfer-Encoding: chunked;q=1",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
    refused(
        "Transfer-Encoding: chunked\x0b",
        "0\r\n\r\n",
        ErrorKind::InvalidFieldValue,
    );
    refused(
        "Transfer-Encoding: \x00chunked",
        "0\r\n\r\n",
        ErrorKind::InvalidFieldValue,
    );
    refused(
        "X: y\r\n Transfer-Encoding: chunked",
        "0\r\n\r\n",
        ErrorKind::ObsFold,
    );
    refused("X: y\r\n\tchunked", "0\r\n\r\n", ErrorKind::ObsFold);
    // A request names registered codings only, without parameters: a
    // parser that splits the list on every comma, quoted or not, reads
    // these as chunked.
    refused(
        "Transfer-Encoding: xchunked, chunked",
        "0\r\n\r\n",
        ErrorKind::UnknownTransferCoding,
    );
    refused(
        "Transfer-Encoding: foo;;;===\",,, chunked",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
    refused(
        "Transfer-Encoding: foo;p=\",chunked",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
    refused(
        "Transfer-Encoding: gzip;p=\"a,chunked\"",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
}

/// A request line whose target form another parser would route
/// differently: CONNECT takes `host:port` and only CONNECT does.
#[test]
fn target_form_confusion() {
    let next = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
    for (line, kind) in [
        ("GET a.com:80 HTTP/1.1", ErrorKind::TargetFormMismatch),
        ("CONNECT /x HTTP/1.1", ErrorKind::TargetFormMismatch),
        ("CONNECT * HTTP/1.1", ErrorKind::TargetFormMismatch),
        (
            "CONNECT http://a.com:80/ HTTP/1.1",
            ErrorKind::TargetFormMismatch,
        ),
        ("CONNECT a.com HTTP/1.1", ErrorKind::InvalidTarget),
        ("CONNECT a.com:99999 HTTP/1.1", ErrorKind::InvalidTarget),
        ("GET foo HTTP/1.1", ErrorKind::InvalidTarget),
        ("GET http:/a HTTP/1.1", ErrorKind::InvalidTarget),
    ] {
        let input = format!("{line}\r\nHost: a\r\n\r\n{next}");
        for split in [1, input.len()] {
            let (messages, error) = outcome(input.as_bytes(), split);
            assert_eq!((messages, error.map(|e| e.0)), (0, Some(kind)), "{line}");
        }
    }
}

/// The authority of an absolute-form target routes the request (RFC 9112
/// section 3.2.2: it wins over Host), so it is held to Host's rules: a
/// host that is there and well formed, a port up to 65535, no list, and
/// userinfo only of RFC 3986's grammar. Each refusal names the byte.
#[test]
fn absolute_form_authority_confusion() {
    let next = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
    for (target, at) in [
        ("http://a.com\\@b.com/", 12), // WHATWG URL parsers read `\` as `/`
        ("http://a@b@c/", 10),
        ("http://", 7),
        ("http:///x", 7),
        ("https://?q", 8),
        ("http://:80/", 7),
        ("http://u@:80/", 9),
        ("http://a.com:99999/", 17),
        ("http://a.com:80:80/", 15),
        ("http://a,b/", 8),
        ("http://[::1/", 11),
        ("http://%zz@a/", 7),
        // A fragment ends the authority for one URL parser and not for
        // another (`b.com` or `a.com#@b.com`?): absolute-URI has none.
        ("http://a.com#@b.com/", 12),
        ("http://a.com/x#f", 14),
    ] {
        let input = format!("GET {target} HTTP/1.1\r\nHost: b.com\r\n\r\n{next}");
        for split in [1, 3, input.len()] {
            let (messages, error) = outcome(input.as_bytes(), split);
            let want = Some((ErrorKind::InvalidTarget, 4 + at as u64));
            assert_eq!((messages, error), (0, want), "{target} split {split}");
        }
    }
    // Well-formed authorities, userinfo among them (a recipient "SHOULD"
    // refuse it, RFC 9110 section 4.2.4; the conformance corpus accepts it).
    for target in [
        "http://a.com:8080/x?y",
        "http://u:p@a.com/",
        "HTTP://[::1]:80",
        "file:///x",
    ] {
        let input = format!("GET {target} HTTP/1.1\r\nHost: b.com\r\n\r\n{next}");
        assert_eq!(outcome(input.as_bytes(), 1), (2, None), "{target}");
    }
}

/// CONNECT is no way around the framing checks: its head must still frame
/// (a valid Content-Length is ignored), and Transfer-Encoding on it is an
/// error, not a tunnel.
#[test]
fn connect_does_not_skip_framing_checks() {
    for (fields, kind) in [
        (
            "Transfer-Encoding: chunked\r\nContent-Length: 5",
            ErrorKind::TransferEncodingNotAllowed,
        ),
        (
            "Transfer-Encoding: chunked",
            ErrorKind::TransferEncodingNotAllowed,
        ),
        ("Transfer-Encoding: xyz", ErrorKind::UnknownTransferCoding),
        ("Content-Length: 5, 6", ErrorKind::ConflictingContentLength),
        ("Content-Length: -1", ErrorKind::InvalidContentLength),
    ] {
        let input = format!("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n{fields}\r\n\r\n0\r\n\r\n");
        for split in [1, input.len()] {
            let (messages, error) = outcome(input.as_bytes(), split);
            assert_eq!((messages, error.map(|e| e.0)), (0, Some(kind)), "{fields}");
        }
    }
    // A valid Content-Length on a CONNECT is ignored: the tunnel starts
    // right after the head.
    let input = b"CONNECT a:443 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\ntunnel";
    assert_eq!(outcome(input, 1), (1, None));
}

/// Framing and routing fields in a trailer section: a proxy that merges
/// trailers into the head would reframe or reroute the message.
#[test]
fn framing_fields_in_trailers() {
    let chunked = "Transfer-Encoding: chunked";
    for trailer in [
        "Content-Length: 5",
        "Transfer-Encoding: chunked",
        "Host: evil.example",
        "content-length: 0",
    ] {
        refused(
            chunked,
            &format!("0\r\n{trailer}\r\n\r\n"),
            ErrorKind::ForbiddenTrailer,
        );
    }
    refused(
        chunked,
        "0\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        ErrorKind::ForbiddenTrailer,
    );
    // Delivered only when asked for, and then recorded.
    let mut config = Config::default();
    config.lenient.framing_trailers = true;
    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nHost: b\r\n\r\n";
    let trace = drive(&mut Decoder::server(config), input, Pieces::whole());
    let message = &trace.reduction.messages[0];
    assert!(message.complete);
    assert_eq!(message.trailers, [(b"Host".to_vec(), b"b".to_vec())]);
    let readings = message.end_readings.expect("read to its end");
    let at = readings.first_use(Reading::FramingTrailer);
    let line_at = input.windows(7).position(|w| w == b"Host: b").unwrap() as u64;
    assert_eq!(at, Some(line_at), "the offset of the trailer line");
}

#[test]
fn transfer_encoding_in_http10() {
    let input =
        b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n";
    for split in [input.len(), 1] {
        assert_eq!(
            outcome(input, split),
            (0, Some((ErrorKind::TransferEncodingInHttp10, 17))),
            "split {split}"
        );
    }
}

/// In a response too, also one whose start line says it has no body: a
/// 1.0 message with a transfer coding was mangled on the way (RFC 9112
/// section 6.1), and the messages after it on the stream cannot be
/// trusted. Not read at all, so not refused, on a response that leaves
/// HTTP/1: a 101, a 2xx answering CONNECT (RFC 9110 section 9.3.6).
#[test]
fn transfer_encoding_in_http10_responses() {
    let then = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    for (status, method, refused) in [
        ("200 OK", MethodKind::Other, true),
        ("204 No Content", MethodKind::Other, true),
        ("304 Not Modified", MethodKind::Other, true),
        ("200 OK", MethodKind::Head, true),
        (
            "101 Switching Protocols\r\nUpgrade: x",
            MethodKind::Other,
            false,
        ),
        ("200 OK", MethodKind::Connect, false),
    ] {
        let input =
            format!("HTTP/1.0 {status}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{then}");
        for split in [input.len(), 1] {
            let mut decoder = ClientDecoder::new(Config::default(), &[method, MethodKind::Other]);
            let trace = drive(&mut decoder, input.as_bytes(), Pieces::every(split));
            match trace.end() {
                End::Error(e) => {
                    assert!(refused, "{input:?} refused: {e:?}");
                    assert_eq!(e.kind(), ErrorKind::TransferEncodingInHttp10, "{input:?}");
                    assert_eq!(trace.reduction.complete().count(), 0);
                }
                End::Upgraded => assert!(!refused, "{input:?} taken"),
                other => panic!("{input:?} at {split}: {other:?}"),
            }
        }
    }
}

#[test]
fn cl_cl_duplicate_or_malformed_content_length() {
    refused(
        "Content-Length: 5\r\nContent-Length: 6",
        "hello",
        ErrorKind::ConflictingContentLength,
    );
    refused(
        "Content-Length: 5, 6",
        "hello",
        ErrorKind::ConflictingContentLength,
    );
    refused(
        "Content-Length: 5\r\nContent-Length: 5",
        "hello",
        ErrorKind::DuplicateContentLength,
    );
    refused(
        "Content-Length: +5",
        "hello",
        ErrorKind::InvalidContentLength,
    );
    refused(
        "Content-Length: 0x5",
        "hello",
        ErrorKind::InvalidContentLength,
    );
    refused(
        "Content-Length: 5 5",
        "hello",
        ErrorKind::InvalidContentLength,
    );
    refused(
        "Content-Length: 18446744073709551616",
        "",
        ErrorKind::InvalidContentLength,
    );
    refused(
        "Content-Length: 5\x00",
        "hello",
        ErrorKind::InvalidFieldValue,
    );
}

#[test]
fn line_end_confusion_in_the_head() {
    refused(
        "X: y\nTransfer-Encoding: chunked",
        "0\r\n\r\n",
        ErrorKind::BareLf,
    );
    refused(
        "X: y\rTransfer-Encoding: chunked",
        "0\r\n\r\n",
        ErrorKind::BareCr,
    );
    refused("Content-Length: 5\r\n\n", "hello", ErrorKind::BareLf);
}

#[test]
fn chunk_framing_tricks() {
    let chunked = "Transfer-Encoding: chunked";
    refused(chunked, "5\r\nhelloXX0\r\n\r\n", ErrorKind::InvalidChunkEnd);
    refused(chunked, "5\r\nhello\n0\r\n\r\n", ErrorKind::InvalidChunkEnd);
    refused(
        chunked,
        "5\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkSize,
    );
    refused(
        chunked,
        "0x5\r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkSize,
    );
    refused(
        chunked,
        "-5\r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkSize,
    );
    refused(
        chunked,
        "5 \r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkSize,
    );
    refused(
        chunked,
        "1ffffffffffffffff\r\n",
        ErrorKind::InvalidChunkSize,
    );
    refused(
        chunked,
        "5;a=\"x\r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkExtension,
    );
    refused(chunked, "5;a\rb\r\nhello\r\n0\r\n\r\n", ErrorKind::BareCr);
    refused(
        chunked,
        "5;a\x00\r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkExtension,
    );
    refused(chunked, "0\r\nX: y\n\r\n", ErrorKind::BareLf);
    refused(
        chunked,
        "0\r\nContent-Length : 5\r\n\r\n",
        ErrorKind::WhitespaceBeforeColon,
    );
}

#[test]
fn host_confusion() {
    refused("Host: b", "", ErrorKind::DuplicateHost);
    for host in ["a:65536", ":80", "a:99999999999999999999"] {
        let input = format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
        );
        for split in [input.len(), 1] {
            let (messages, error) = outcome(input.as_bytes(), split);
            assert_eq!(
                (messages, error.map(|e| e.0)),
                (0, Some(ErrorKind::InvalidHost)),
                "{host}, split {split}"
            );
        }
    }
    for (input, error) in [
        (
            &b"GET / HTTP/1.1\r\nHost: a b\r\n\r\n"[..],
            (ErrorKind::InvalidHost, 23),
        ),
        (
            b"GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
            (ErrorKind::MissingHost, 16),
        ),
    ] {
        for split in [input.len(), 1] {
            assert_eq!(outcome(input, split), (0, Some(error)), "split {split}");
        }
    }
}

#[test]
fn nothing_after_an_error_is_decoded_but_everything_before_it_was() {
    let input = b"GET /first HTTP/1.1\r\nHost: a\r\n\r\n\
                  POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n\
                  GET /second HTTP/1.1\r\nHost: a\r\n\r\n";
    for split in [1, 2, 5, input.len()] {
        let (messages, error) = outcome(input, split);
        assert_eq!(messages, 1);
        assert_eq!(error, Some((ErrorKind::ConflictingContentLength, 77)));
    }
}

/// A Transfer-Encoding element that is only parameters is refused in a request
/// (400, not 501: it is no coding, known or not) and in a response, where a
/// decoder that got it wrong read `;p=1, chunked` as a chunked body.
#[test]
fn a_transfer_coding_without_a_name_is_refused() {
    refused(
        "Transfer-Encoding: ;p=1, chunked",
        "0\r\n\r\n",
        ErrorKind::InvalidTransferEncoding,
    );
    let response = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: ;p=1, chunked\r\n\r\n0\r\n\r\n";
    let mut client = Decoder::client(Config::default());
    let mut at = 0;
    let error = loop {
        match client.decode(&response[at..]) {
            Ok(step) => {
                assert!(
                    !matches!(
                        step.status,
                        h1wire::Status::Event(h1wire::Event::HeadEnd(_))
                    ),
                    "the head was accepted"
                );
                at += step.consumed;
            }
            Err(error) => break error,
        }
    };
    // At the ';', the first byte of the value.
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::InvalidTransferEncoding, 36)
    );
}

/// Chunk data must be followed by CRLF (RFC 9112 section 7.1: `chunk =
/// chunk-size [ chunk-ext ] CRLF chunk-data CRLF`; ErrorKind::InvalidChunkEnd),
/// also when the next size line repeats the first chunk's bytes exactly. A
/// decoder that gets it wrong read `5\r\nhello5\r\nhello\r\n0\r\n\r\n` as a
/// body of "hellohello" and then the smuggled request after it; a parser that
/// wants the CRLF reads something else, the classic disagreement on where a
/// message ends.
#[test]
fn a_chunk_without_its_crlf_is_refused_even_when_the_next_repeats_it() {
    refused(
        "Transfer-Encoding: chunked",
        "5\r\nhello5\r\nhello\r\n0\r\n\r\n",
        ErrorKind::InvalidChunkEnd,
    );
    // At the byte where the CRLF was due, through both body APIs.
    let input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello5\r\nhello\r\n0\r\n\r\n";
    let due = input.windows(6).position(|w| w == b"hello5").unwrap() as u64 + 5;
    let mut decoder = Decoder::server(Config::default());
    let mut at = 0;
    let error = loop {
        match decoder.decode(&input[at..]) {
            Ok(step) => at += step.consumed,
            Err(error) => break error,
        }
    };
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::InvalidChunkEnd, due)
    );
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [h1wire::Field::EMPTY; 4];
    let h1wire::HeadStatus::Complete(head) = decoder.decode_head(input, &mut fields).unwrap()
    else {
        panic!("the head is all here");
    };
    let mut at = head.len;
    let error = loop {
        let mut pieces = [&b""[..]; 8];
        match decoder.decode_body(&input[at..], &mut pieces) {
            // (The pieces before the error come first; the error next.)
            Ok(read) => {
                let end = h1wire::Status::Event(h1wire::Event::MessageEnd);
                assert_ne!(read.then, Some(end), "the body was accepted");
                assert!(read.consumed > 0, "no progress");
                at += read.consumed;
            }
            Err(error) => break error,
        }
    };
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::InvalidChunkEnd, due)
    );
}

/// A chunk whose size line (framed as the chunk before, with four digits) is
/// the last thing in the buffer gives no `Event::Body` yet ("A piece of the
/// body ... Never empty"): the line is consumed and the decoder needs more. A
/// decoder that gets it wrong gave an empty body piece. (Three chunks of
/// 0x1000: the second is read after the CRLF of the first's data, and its
/// framing kept for the third.)
#[test]
fn no_empty_body_piece_when_the_buffer_ends_after_a_repeated_size_line() {
    let data = [b'a'; 0x1000];
    let mut input =
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n".to_vec();
    for _ in 0..2 {
        input.extend_from_slice(&data);
        input.extend_from_slice(b"\r\n1000\r\n");
    }
    let cut = input.len();
    input.extend_from_slice(&data);
    input.extend_from_slice(b"\r\n0\r\n\r\n");
    let mut decoder = Decoder::server(Config::default());
    let mut at = 0;
    let mut body = 0;
    for end in [cut, input.len()] {
        loop {
            let step = decoder.decode(&input[at..end]).unwrap();
            at += step.consumed;
            match step.status {
                h1wire::Status::Event(h1wire::Event::Body(piece)) => {
                    assert!(!piece.is_empty(), "an empty body piece at {at}");
                    body += piece.len();
                }
                h1wire::Status::Event(h1wire::Event::MessageEnd) => break,
                h1wire::Status::Event(_) => {}
                h1wire::Status::NeedMore => {
                    assert_eq!(at, cut, "the size line is consumed");
                    break;
                }
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!((body, at), (3 * 0x1000, input.len()));
}
