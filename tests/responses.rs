//! The client role's decoder on the cases its framing turns on: the method
//! each response answers, interim responses, folds, and fields a response
//! that switches protocols does not read. Each decoded whole and at every
//! split.

mod support;

use h1wire::{Config, ErrorKind, Framing, MethodKind, Version};
use support::{body, decode_responses, header, merge_bodies, Ev};

fn status(code: u16, reason: &str) -> Ev {
    Ev::Response {
        version: Version::Http11,
        status: code,
        reason: reason.as_bytes().to_vec(),
    }
}

/// Decode `input` whole and at every split; all the same; return it.
fn responses(input: &[u8], methods: &[MethodKind]) -> Vec<Ev> {
    let whole = merge_bodies(decode_responses([input], Config::default(), methods));
    for split in 1..input.len() {
        let cut = merge_bodies(decode_responses(
            input.chunks(split),
            Config::default(),
            methods,
        ));
        assert_eq!(cut, whole, "split {split}");
    }
    whole
}

#[test]
fn each_response_is_framed_by_the_method_it_answers() {
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\
                  HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc\
                  HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n";
    let events = responses(
        input,
        &[MethodKind::Head, MethodKind::Other, MethodKind::Head],
    );
    let framings: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Ev::HeadEnd(f) => Some(*f),
            _ => None,
        })
        .collect();
    assert_eq!(framings, [Framing::None, Framing::Length(3), Framing::None]);
    assert!(events.contains(&body(b"abc")));
}

#[test]
fn interim_responses_do_not_use_up_a_method() {
    let input = b"HTTP/1.1 100 Continue\r\n\r\n\
                  HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n\
                  HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\
                  HTTP/1.1 204 No Content\r\n\r\n";
    let events = responses(input, &[MethodKind::Head, MethodKind::Other]);
    assert_eq!(
        events,
        vec![
            status(100, "Continue"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
            status(103, "Early Hints"),
            header("Link", "</a.css>; rel=preload"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
            // The HEAD's final answer: the length it would have had.
            status(200, "OK"),
            header("Content-Length", "4"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
            status(204, "No Content"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
        ]
    );
}

/// Found by the `decode_response` fuzz target: a folded framing value was
/// read with its CRLF instead of as one SP (RFC 9112 section 5.2).
#[test]
fn a_folded_framing_field_reads_as_if_each_fold_were_one_space() {
    let input =
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
    let events = responses(input, &[]);
    assert_eq!(events[2], Ev::HeadEnd(Framing::Chunked));
    assert!(events.contains(&body(b"abc")));
    let input = b"HTTP/1.1 200 OK\r\nContent-Length:\r\n 2\r\n\r\nok";
    assert!(responses(input, &[]).contains(&Ev::HeadEnd(Framing::Length(2))));
    let input = b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n 2\r\n\r\n";
    assert!(matches!(
        responses(input, &[]).last(),
        Some(Ev::Error(ErrorKind::InvalidContentLength, _))
    ));
}

/// RFC 9110 section 9.3.6: a client ignores Content-Length and
/// Transfer-Encoding in a 2xx answering CONNECT; a 101 frames nothing
/// either.
#[test]
fn framing_fields_of_a_switch_are_not_read() {
    let input = b"HTTP/1.1 200 Connection Established\r\nContent-Length: abc\r\nTransfer-Encoding: chunked, chunked\r\n\r\ntunnel";
    let events = responses(input, &[MethodKind::Connect]);
    assert_eq!(events[3], Ev::HeadEnd(Framing::Upgrade));
    assert_eq!(events.last(), Some(&Ev::Upgraded(b"tunnel".to_vec())));
    let input = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nContent-Length: -1\r\n\r\n";
    assert!(responses(input, &[]).contains(&Ev::HeadEnd(Framing::Upgrade)));
    // A refused CONNECT is an ordinary response, its fields read.
    let input = b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: abc\r\n\r\n";
    assert!(matches!(
        responses(input, &[MethodKind::Connect]).last(),
        Some(Ev::Error(ErrorKind::InvalidContentLength, _))
    ));
}

#[test]
fn a_response_without_framing_runs_to_the_end_of_the_stream() {
    let input = b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\nall the rest\r\nHTTP/1.1 200 OK\r\n";
    let events = responses(input, &[]);
    assert_eq!(events[2], Ev::HeadEnd(Framing::Close));
    assert_eq!(events[3], body(b"all the rest\r\nHTTP/1.1 200 OK\r\n"));
    assert_eq!(events.last(), Some(&Ev::MessageEnd));
}
