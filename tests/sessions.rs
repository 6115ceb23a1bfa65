//! The HTTP sessions a newcomer meets first, decoded event by event.
//!
//! Every test checks the exact event sequence (field values, framing, body
//! bytes), and decodes the input under every split size from 1 byte to the
//! whole input: the events must not depend on how the bytes arrived.

mod support;

use h1wire::{Config, Decoder, ErrorKind, Event, Framing, Status, Version};
use support::{body, decode_every_split, header, request, trailer, Ev};

const GET: &[u8] = b"GET / HTTP/1.1\r\n\
Host: developer.mozilla.org\r\n\
Accept-Language: fr\r\n\
\r\n";

/// An url-encoded form, exactly 64 bytes long.
const FORM: &[u8] = b"name=Ada+Lovelace&email=ada%40example.org&topic=engine&reply=yes";

fn post() -> Vec<u8> {
    let mut post = b"POST /contact_form.php HTTP/1.1\r\n\
Host: developer.mozilla.org\r\n\
Content-Type: application/x-www-form-urlencoded\r\n\
Content-Length: 64\r\n\
\r\n"
        .to_vec();
    post.extend_from_slice(FORM);
    post
}

fn get_events() -> Vec<Ev> {
    vec![
        request("GET", "/", Version::Http11),
        header("Host", "developer.mozilla.org"),
        header("Accept-Language", "fr"),
        Ev::HeadEnd(Framing::None),
        Ev::MessageEnd,
    ]
}

fn post_events() -> Vec<Ev> {
    vec![
        request("POST", "/contact_form.php", Version::Http11),
        header("Host", "developer.mozilla.org"),
        header("Content-Type", "application/x-www-form-urlencoded"),
        header("Content-Length", "64"),
        Ev::HeadEnd(Framing::Length(64)),
        body(FORM),
        Ev::MessageEnd,
    ]
}

fn strict() -> Config {
    Config::default()
}

#[test]
fn form_body_is_64_bytes() {
    // The POST below announces 64 bytes; the fixture must really hold 64.
    assert_eq!(FORM.len(), 64);
}

#[test]
fn get_with_host_and_accept_language() {
    assert_eq!(decode_every_split(GET, strict()), get_events());
}

#[test]
fn post_of_an_urlencoded_form_with_content_length() {
    assert_eq!(decode_every_split(&post(), strict()), post_events());
}

#[test]
fn get_and_post_pipelined_on_one_stream() {
    let mut stream = GET.to_vec();
    stream.extend_from_slice(&post());
    let mut expected = get_events();
    expected.extend(post_events());
    assert_eq!(decode_every_split(&stream, strict()), expected);
}

#[test]
fn pipelined_messages_are_decoded_by_one_decoder_without_end_of_stream() {
    // The second request is decoded as soon as its bytes are there: a server
    // does not wait for the client to close before answering.
    let mut stream = GET.to_vec();
    stream.extend_from_slice(&post());
    let mut decoder = Decoder::server(Config::default());
    let mut input = &stream[..];
    let mut ends = 0;
    loop {
        let step = decoder.decode(input).expect("valid stream");
        input = &input[step.consumed..];
        match step.status {
            Status::Event(Event::MessageEnd) => ends += 1,
            Status::Event(_) => {}
            Status::NeedMore => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(ends, 2);
    assert!(input.is_empty(), "both messages consumed whole");
    assert_eq!(decoder.position(), stream.len() as u64);
}

const CHUNKED: &[u8] = b"POST /upload HTTP/1.1\r\n\
Host: uploads.example.com\r\n\
Content-Type: text/plain\r\n\
Transfer-Encoding: chunked\r\n\
Trailer: Expires, Server-Timing\r\n\
\r\n\
7;lang=en\r\n\
Mozilla\r\n\
11 ; part=\"2 of \\\"3\\\"\" ; last\r\n\
Developer Network\r\n\
0;done\r\n\
Expires: Wed, 21 Oct 2015 07:28:00 GMT\r\n\
Server-Timing: cpu;dur=2.4\r\n\
\r\n";

#[test]
fn chunked_upload_with_extensions_and_trailers() {
    // Chunk extensions (token, quoted-string with escapes, bare name, BWS
    // around `;`) are syntax only: they never reach the events. The size
    // `11` is hex: 17 bytes.
    let expected = vec![
        request("POST", "/upload", Version::Http11),
        header("Host", "uploads.example.com"),
        header("Content-Type", "text/plain"),
        header("Transfer-Encoding", "chunked"),
        header("Trailer", "Expires, Server-Timing"),
        Ev::HeadEnd(Framing::Chunked),
        body(b"MozillaDeveloper Network"),
        trailer("Expires", "Wed, 21 Oct 2015 07:28:00 GMT"),
        trailer("Server-Timing", "cpu;dur=2.4"),
        Ev::MessageEnd,
    ];
    assert_eq!(decode_every_split(CHUNKED, strict()), expected);
}

#[test]
fn chunked_body_arrives_one_piece_per_chunk_when_the_input_is_not_cut() {
    // Body data is only cut where the input was cut; given everything at
    // once, each chunk's data comes as one piece.
    let pieces: Vec<Ev> = support::decode_whole(CHUNKED, strict())
        .into_iter()
        .filter(|e| matches!(e, Ev::Body(_)))
        .collect();
    assert_eq!(pieces, vec![body(b"Mozilla"), body(b"Developer Network")]);
}

#[test]
fn error_after_a_complete_message_keeps_the_earlier_events() {
    const BAD: &[u8] = b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n";
    let mut stream = GET.to_vec();
    stream.extend_from_slice(BAD);
    // RFC 9112 section 3.2: more than one Host field line is a 400. The
    // error is blamed on the start of the second Host line.
    let second_host = GET.len() + b"GET / HTTP/1.1\r\nHost: a\r\n".len();
    let mut expected = get_events();
    expected.extend([
        request("GET", "/", Version::Http11),
        header("Host", "a"),
        Ev::Error(ErrorKind::DuplicateHost, second_host as u64),
    ]);
    assert_eq!(decode_every_split(&stream, strict()), expected);
}

#[test]
fn error_is_returned_again_on_every_later_call() {
    let mut decoder = Decoder::server(Config::default());
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n";
    let mut rest = &input[..];
    let error = loop {
        match decoder.decode(rest) {
            Ok(step) => rest = &rest[step.consumed..],
            Err(error) => break error,
        }
    };
    assert_eq!(error.kind(), ErrorKind::DuplicateHost);
    assert_eq!(error.offset(), 25);
    assert_eq!(error.status_hint(), 400);
    assert_eq!(decoder.decode(GET), Err(error));
    assert_eq!(decoder.finish(), Err(error));
}

#[test]
fn end_of_stream_in_the_body_is_incomplete_at_the_end_of_the_stream() {
    // 10 of the 64 announced body bytes, then the peer closes.
    let post = post();
    let cut = &post[..post.len() - 54];
    let mut expected = post_events();
    expected.truncate(5);
    expected.push(body(&FORM[..10]));
    expected.push(Ev::Error(ErrorKind::Incomplete, cut.len() as u64));
    assert_eq!(decode_every_split(cut, strict()), expected);
}

#[test]
fn end_of_stream_in_the_head_is_incomplete_at_the_end_of_the_stream() {
    let cut = &GET[..GET.len() - 20];
    assert_eq!(cut, b"GET / HTTP/1.1\r\nHost: developer.mozilla.org\r\nAcc");
    let expected = vec![
        request("GET", "/", Version::Http11),
        header("Host", "developer.mozilla.org"),
        Ev::Error(ErrorKind::Incomplete, cut.len() as u64),
    ];
    assert_eq!(decode_every_split(cut, strict()), expected);
}

#[test]
fn end_of_stream_in_a_chunk_or_the_trailers_is_incomplete() {
    // Cut inside a chunk-size line, inside chunk data, right after a chunk's
    // data (before its CRLF), inside the trailers, and one byte short of the
    // final CRLF.
    for cut_before in ["lang=en", "zilla\r\n11", "\r\n11 ;", "Server-Timing", "\n"] {
        let cut_at = CHUNKED
            .windows(cut_before.len())
            .rposition(|w| w == cut_before.as_bytes())
            .expect("marker in fixture");
        let cut = &CHUNKED[..cut_at];
        let events = decode_every_split(cut, strict());
        assert_eq!(
            events.last(),
            Some(&Ev::Error(ErrorKind::Incomplete, cut_at as u64)),
            "cut before {cut_before:?}: {events:?}"
        );
        assert!(
            !events.contains(&Ev::MessageEnd),
            "cut before {cut_before:?}"
        );
    }
}

#[test]
fn lone_crlf_after_a_message_then_end_of_stream_is_clean() {
    // RFC 9112 section 2.2: one empty line before a request line is skipped;
    // the stream ending there is the stream ending between messages.
    let mut stream = GET.to_vec();
    stream.extend_from_slice(b"\r\n");
    assert_eq!(decode_every_split(&stream, strict()), get_events());
}

#[test]
fn one_empty_line_before_the_next_request_is_skipped() {
    let mut stream = b"\r\n".to_vec();
    stream.extend_from_slice(GET);
    stream.extend_from_slice(b"\r\n");
    stream.extend_from_slice(&post());
    let mut expected = get_events();
    expected.extend(post_events());
    assert_eq!(decode_every_split(&stream, strict()), expected);
}

#[test]
fn a_second_empty_line_between_messages_is_an_error() {
    // CONFORMANCE section 3: at most one empty line is skipped. The second
    // one is read as a request line with an empty method.
    let mut stream = GET.to_vec();
    stream.extend_from_slice(b"\r\n\r\n");
    let mut expected = get_events();
    expected.push(Ev::Error(ErrorKind::InvalidMethod, GET.len() as u64 + 2));
    assert_eq!(decode_every_split(&stream, strict()), expected);
}

const CONNECT: &[u8] = b"CONNECT server.example.com:443 HTTP/1.1\r\n\
Host: server.example.com:443\r\n\
\r\n";

/// The start of a TLS ClientHello, then bytes that would be an HTTP error:
/// none of it is HTTP/1 any more.
const TUNNEL: &[u8] = b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03GET / HTTP/1.1\n\n\r\x00";

#[test]
fn connect_upgrades_and_leaves_the_tunnel_bytes_unconsumed() {
    let mut stream = CONNECT.to_vec();
    stream.extend_from_slice(TUNNEL);
    let expected = vec![
        request("CONNECT", "server.example.com:443", Version::Http11),
        header("Host", "server.example.com:443"),
        Ev::HeadEnd(Framing::Upgrade),
        Ev::MessageEnd,
        Ev::Upgraded(TUNNEL.to_vec()),
    ];
    assert_eq!(decode_every_split(&stream, strict()), expected);
}

#[test]
fn connect_step_by_step() {
    // What a server loop sees: HeadEnd(Upgrade), MessageEnd, then Upgraded
    // with every tunnel byte still in its buffer, and Upgraded again if it
    // asks once more.
    let mut stream = CONNECT.to_vec();
    stream.extend_from_slice(TUNNEL);
    let mut decoder = Decoder::server(Config::default());
    let mut input = &stream[..];
    let mut seen = Vec::new();
    loop {
        let step = decoder.decode(input).expect("valid CONNECT");
        input = &input[step.consumed..];
        match step.status {
            Status::Event(Event::Request(_)) => seen.push("request"),
            Status::Event(Event::Header(_)) => seen.push("header"),
            Status::Event(Event::HeadEnd(head)) => {
                assert_eq!(head.framing, Framing::Upgrade);
                seen.push("head_end");
            }
            Status::Event(Event::MessageEnd) => {
                assert_eq!(step.consumed, 0);
                seen.push("message_end");
            }
            Status::Upgraded => {
                assert_eq!(step.consumed, 0);
                break;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(seen, ["request", "header", "head_end", "message_end"]);
    assert_eq!(input, TUNNEL, "the tunnel bytes are left to the caller");
    assert_eq!(decoder.position(), CONNECT.len() as u64);
    let again = decoder.decode(input).expect("still upgraded");
    assert_eq!((again.consumed, again.status), (0, Status::Upgraded));
    assert_eq!(decoder.finish(), Ok(None));
}

#[test]
fn connect_with_no_tunnel_bytes_yet_still_upgrades() {
    let expected = vec![
        request("CONNECT", "server.example.com:443", Version::Http11),
        header("Host", "server.example.com:443"),
        Ev::HeadEnd(Framing::Upgrade),
        Ev::MessageEnd,
        Ev::Upgraded(Vec::new()),
    ];
    assert_eq!(decode_every_split(CONNECT, strict()), expected);
}

#[test]
fn finish_after_a_clean_stream_closes_the_decoder() {
    let mut decoder = Decoder::server(Config::default());
    let mut input = GET;
    loop {
        let step = decoder.decode(input).expect("valid GET");
        input = &input[step.consumed..];
        if step.status == Status::NeedMore {
            break;
        }
    }
    assert_eq!(decoder.finish(), Ok(None));
    let step = decoder.decode(b"GET / HTTP/1.1\r\n").expect("closed");
    assert_eq!((step.consumed, step.status), (0, Status::Closed));
}

/// Decode one GET whose Host value is `host`.
fn get_with_host(host: &str) -> (Vec<u8>, Vec<Ev>) {
    let input = format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").into_bytes();
    let events = decode_every_split(&input, strict());
    (input, events)
}

#[test]
fn host_values_that_are_uri_host_and_port_are_accepted() {
    for host in [
        "example.com",
        "example.com:8080",
        "127.0.0.1",
        "[::1]:443",
        "[v1.fe80::a+en1]",
        "",
    ] {
        let (_, events) = get_with_host(host);
        assert_eq!(
            events.last(),
            Some(&Ev::MessageEnd),
            "Host: {host:?}: {events:?}"
        );
    }
}

/// Panic unless a GET whose Host value is `host` fails with InvalidHost at
/// an offset inside that value.
fn assert_invalid_host(host: &str) {
    let (input, events) = get_with_host(host);
    let value_start = b"GET / HTTP/1.1\r\nHost: ".len() as u64;
    let value_end = (input.len() - 4) as u64;
    match events.last() {
        Some(Ev::Error(ErrorKind::InvalidHost, at)) => assert!(
            (value_start..=value_end).contains(at),
            "Host: {host:?}: error at {at}, outside the value"
        ),
        other => panic!("Host: {host:?} was not refused as invalid_host: {other:?}"),
    }
}

#[test]
fn host_values_that_are_not_uri_host_and_port_are_refused() {
    // RFC 9112 section 3.2: a Host with an invalid value is a 400; the
    // strict profile also refuses userinfo and lists.
    for host in [
        "user@example.com",
        "a b",
        "a.com, b.com",
        "a.com:80x",
        "[::1",
        "[::1]x",
    ] {
        assert_invalid_host(host);
    }
}

#[test]
fn host_with_a_malformed_ip_literal_is_refused() {
    // RFC 3986 section 3.2.2: IP-literal = "[" ( IPv6address / IPvFuture ) "]".
    // None of these is one, so each Host value is invalid (RFC 9112 section
    // 3.2: respond 400), and the decoder refuses each.
    for host in ["[zz]", "[1.2.3.4]", "[::1::2]", "[:]", "[vz.x]"] {
        assert_invalid_host(host);
    }
}
