//! Feature `tokio`: the server codec reads requests as frames sharing the
//! read buffer, however the bytes arrive, and writes responses through the
//! connection's rules.

use bytes::BytesMut;
use h1wire::{
    Body, CodecError, ConnState, ConnectionConfig, ErrorKind, Field, Framing, RequestFrame,
    ResponsePart, ServerCodec, StatusLine, Version,
};
use tokio_util::codec::{Decoder, Encoder};

const STREAM: &[u8] = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n\
POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n\
PUT /c HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nwxyz";

/// Decode `STREAM` arriving `piece` bytes at a time; frames with bodies merged.
fn frames(piece: usize) -> Vec<RequestFrame> {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::new();
    let mut out = Vec::new();
    for bytes in STREAM.chunks(piece) {
        buf.extend_from_slice(bytes);
        while let Some(frame) = codec.decode(&mut buf).unwrap() {
            match (&frame, out.last_mut()) {
                (RequestFrame::Body(more), Some(RequestFrame::Body(body))) => {
                    let mut joined = body.to_vec();
                    joined.extend_from_slice(more);
                    *body = joined.into();
                }
                _ => out.push(frame),
            }
            if out.last() == Some(&RequestFrame::MessageEnd) {
                // Answer each request at its end, so the connection reads on.
                answer(&mut codec);
            }
        }
    }
    assert_eq!(codec.decode_eof(&mut buf).unwrap(), None);
    out
}

#[test]
fn frames_are_the_same_however_the_bytes_arrive() {
    let whole = frames(STREAM.len());
    assert_eq!(
        whole
            .iter()
            .filter(|f| **f == RequestFrame::MessageEnd)
            .count(),
        3
    );
    assert!(whole.contains(&RequestFrame::Body("abcde".into())));
    assert!(whole.contains(&RequestFrame::Trailer {
        name: "T".into(),
        value: "1".into()
    }));
    assert!(whole.contains(&RequestFrame::HeadEnd {
        framing: Framing::Length(4),
        expects_continue: true
    }));
    for piece in [1, 2, 3, 7, 64] {
        assert_eq!(frames(piece), whole, "pieces of {piece}");
    }
}

#[test]
fn frames_share_the_read_buffer() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(STREAM);
    let range = buf.as_ptr_range();
    let inside = |b: &bytes::Bytes| {
        let r = b.as_ptr_range();
        range.start <= r.start && r.end <= range.end
    };
    // Each kind of frame that carries bytes, counted: none passes unseen.
    let (mut lines, mut fields, mut bodies, mut trailers, mut ends) = (0, 0, 0, 0, 0);
    while let Some(frame) = codec.decode(&mut buf).unwrap() {
        match frame {
            RequestFrame::Request { method, target, .. } => {
                lines += 1;
                assert!(inside(&method) && inside(&target))
            }
            RequestFrame::Header { name, value } => {
                fields += 1;
                assert!(inside(&name) && inside(&value))
            }
            RequestFrame::Body(data) => {
                bodies += 1;
                assert!(inside(&data))
            }
            RequestFrame::Trailer { name, value } => {
                trailers += 1;
                assert!(inside(&name) && inside(&value))
            }
            RequestFrame::MessageEnd => {
                ends += 1;
                let mut sink = BytesMut::new();
                let ok = StatusLine::new(Version::Http11, 204, "No Content");
                let head = ResponsePart::Head {
                    line: ok,
                    fields: &[],
                    body: Body::AsFields,
                };
                codec.encode(head, &mut sink).unwrap();
                codec.encode(ResponsePart::End, &mut sink).unwrap();
            }
            _ => {}
        }
    }
    // STREAM: three requests, six fields, a chunked body of two chunks
    // with one trailer, and a Content-Length body (in one piece here).
    assert_eq!((lines, fields, trailers, ends), (3, 6, 1, 3));
    assert!(bodies >= 3, "{bodies} body frames");
}

#[test]
fn responses_follow_the_connection_rules() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(&b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"[..]);
    let mut out = BytesMut::new();
    // Nothing to answer yet: refused, nothing written.
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let fields = [Field::new("Content-Type", "text/plain")];
    let head = ResponsePart::Head {
        line: ok,
        fields: &fields,
        body: Body::Length(2),
    };
    assert!(matches!(
        codec.encode(head, &mut out),
        Err(CodecError::Encode(_))
    ));
    assert!(out.is_empty());
    while codec.decode(&mut buf).unwrap() != Some(RequestFrame::MessageEnd) {}
    codec.encode(head, &mut out).unwrap();
    codec.encode(ResponsePart::Body(b"hi"), &mut out).unwrap();
    codec.encode(ResponsePart::End, &mut out).unwrap();
    assert_eq!(
        &out[..],
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi"
    );
    assert_eq!(codec.state(), ConnState::Closed);
}

/// Decode frames until the codec refuses the input: its error.
fn decode_until_error(codec: &mut ServerCodec, buf: &mut BytesMut) -> h1wire::Error {
    loop {
        match codec.decode(buf) {
            Ok(Some(_)) => continue,
            Ok(None) => panic!("no error"),
            Err(CodecError::Decode(e)) => return e,
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn a_refused_request_is_an_error_with_its_status() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(
        &b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"[..],
    );
    let error = decode_until_error(&mut codec, &mut buf);
    assert_eq!(error.kind(), ErrorKind::ContentLengthWithTransferEncoding);
    assert_eq!(error.status_hint(), 400);
}

#[test]
fn the_last_head_tells_whether_a_body_follows() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(
        &b"HEAD /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"[..],
    );
    assert_eq!(codec.last_head(), None);
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let mut sink = BytesMut::new();
    for expected in [Framing::None, Framing::Length(5)] {
        while codec.decode(&mut buf).unwrap() != Some(RequestFrame::MessageEnd) {}
        let head = ResponsePart::Head {
            line: ok,
            fields: &[],
            body: Body::Length(5),
        };
        codec.encode(head, &mut sink).unwrap();
        let written = codec.last_head().expect("a head was encoded");
        assert_eq!(written.framing, expected);
        if written.framing != Framing::None {
            codec
                .encode(ResponsePart::Body(b"hello"), &mut sink)
                .unwrap();
        }
        codec.encode(ResponsePart::End, &mut sink).unwrap();
    }
    assert_eq!(codec.state(), ConnState::Closed);
    assert!(sink.ends_with(b"\r\n\r\nhello"));
}

/// Decode every frame `buf` holds now.
fn drain(codec: &mut ServerCodec, buf: &mut BytesMut) -> Vec<RequestFrame> {
    let mut frames = Vec::new();
    while let Some(frame) = codec.decode(buf).unwrap() {
        frames.push(frame);
    }
    frames
}

/// Answer the oldest request: 200, no body (the bytes are dropped).
fn answer(codec: &mut ServerCodec) {
    let mut out = BytesMut::new();
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let head = ResponsePart::Head {
        line: ok,
        fields: &[],
        body: Body::Empty,
    };
    codec.encode(head, &mut out).unwrap();
    codec.encode(ResponsePart::End, &mut out).unwrap();
}

/// `HeadEnd::expects_continue` is about the request whose head it ends,
/// even one pipelined behind a request not answered yet. (Found by
/// review: it said the oldest request's, false here, and no frame ever
/// said true.)
#[test]
fn expects_continue_is_the_requests_own() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(
        &b"GET /a HTTP/1.1\r\nHost: a\r\n\r\n\
           PUT /b HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"[..],
    );
    let ends: Vec<bool> = drain(&mut codec, &mut buf)
        .into_iter()
        .filter_map(|f| match f {
            RequestFrame::HeadEnd {
                expects_continue, ..
            } => Some(expects_continue),
            _ => None,
        })
        .collect();
    assert_eq!(ends, [false, true]);
    // Its 100 is due once /a is answered.
    assert!(!codec.connection().expects_continue());
    answer(&mut codec);
    assert!(codec.connection().expects_continue());
}

/// The end of the stream while paused (a request pipelined behind an
/// Upgrade offer) is no truncation: after the answer, the request behind
/// it is read, then the stream ends cleanly. (Found by review: decode_eof
/// said Incomplete and the request was lost.)
#[test]
fn the_end_of_the_stream_while_paused_loses_no_request() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(
        &b"GET /1 HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n\
           GET /2 HTTP/1.1\r\nHost: a\r\n\r\n"[..],
    );
    let first = drain(&mut codec, &mut buf);
    assert_eq!(first.last(), Some(&RequestFrame::MessageEnd));
    assert_eq!(
        codec.decode_eof(&mut buf).unwrap(),
        None,
        "paused: no error"
    );
    assert!(!codec.finished());
    answer(&mut codec); // no switch: reading goes on
    let second = drain(&mut codec, &mut buf);
    assert!(matches!(&second[0], RequestFrame::Request { target, .. } if &target[..] == b"/2"));
    assert_eq!(codec.decode_eof(&mut buf).unwrap(), None);
    assert!(codec.finished());
}

/// Once nothing more is read, what the peer still sends is dropped, so it
/// cannot fill the buffer while the answer goes out. (Found by review: a
/// flood after `Connection: close` grew `Framed`'s buffer to 10 MiB.)
#[test]
fn input_after_the_last_request_is_dropped() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(&b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"[..]);
    drain(&mut codec, &mut buf);
    for _ in 0..100 {
        buf.extend_from_slice(&[b'x'; 1000]);
        assert_eq!(codec.decode(&mut buf).unwrap(), None);
        assert!(buf.is_empty());
    }
    assert!(codec.finished());
}

/// After a refused request, as after one that closes, nothing more is
/// read and what the peer still sends is dropped (it was kept and grew
/// the buffer without bound while the error answer went out: found by
/// review); the error says itself again on every call.
#[test]
fn input_after_an_error_is_dropped() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(&b"GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n"[..]);
    let error = decode_until_error(&mut codec, &mut buf);
    assert_eq!(error.kind(), ErrorKind::WhitespaceBeforeColon);
    assert!(buf.is_empty() && codec.finished());
    for _ in 0..100 {
        buf.extend_from_slice(&[b'x'; 1000]);
        match codec.decode(&mut buf) {
            Err(CodecError::Decode(again)) => assert_eq!(again, error),
            other => panic!("{other:?}"),
        }
        assert!(buf.is_empty());
    }
    // The one answer the error gets still goes out.
    let mut out = BytesMut::new();
    let bad = StatusLine::new(Version::Http11, error.status_hint(), "Bad Request");
    let head = ResponsePart::Head {
        line: bad,
        fields: &[],
        body: Body::Empty,
    };
    codec.encode(head, &mut out).unwrap();
    codec.encode(ResponsePart::End, &mut out).unwrap();
    assert!(out.starts_with(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"));
    assert_eq!(codec.state(), ConnState::Closed);
}

/// `paused` says answers are due before more is read (a `Framed` polled
/// then would buffer whatever the peer sends).
#[test]
fn paused_says_answers_are_due_first() {
    let mut config = ConnectionConfig::default();
    config.depth = 1;
    let mut codec = ServerCodec::new(config);
    let mut buf = BytesMut::from(
        &b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n"[..],
    );
    let first = drain(&mut codec, &mut buf);
    assert_eq!(first.last(), Some(&RequestFrame::MessageEnd));
    assert!(codec.paused(), "the depth is 1");
    answer(&mut codec);
    let second = drain(&mut codec, &mut buf);
    assert!(matches!(&second[0], RequestFrame::Request { target, .. } if &target[..] == b"/2"));
    assert!(codec.paused(), "the second one's answer is due");
    answer(&mut codec);
    assert_eq!(codec.decode(&mut buf).unwrap(), None);
    assert!(!codec.paused(), "nothing due: it needs more input");
}

/// A request cut short by the end of the stream fails in `decode_eof`,
/// and reading is over then, as after an error from `decode`: `finished`
/// says so at once (it waited for the next `decode`: found by review),
/// the error says itself again, and what still comes is dropped.
#[test]
fn a_request_cut_short_at_the_end_of_the_stream_finishes_reading() {
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut buf = BytesMut::from(&b"GET / HTTP/1.1\r\nHo"[..]);
    while codec.decode(&mut buf).unwrap().is_some() {}
    let error = match codec.decode_eof(&mut buf) {
        Err(CodecError::Decode(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(error.kind(), ErrorKind::Incomplete);
    assert!(codec.finished());
    assert!(buf.is_empty());
    buf.extend_from_slice(b"more");
    match codec.decode(&mut buf) {
        Err(CodecError::Decode(again)) => assert_eq!(again, error),
        other => panic!("{other:?}"),
    }
    assert!(buf.is_empty());
}

/// A chunked response can end with trailers; on a body that is not
/// chunked they are refused and nothing is written.
#[test]
fn a_chunked_response_ends_with_trailers() {
    let trailers = [Field::new("Server-Timing", "db;dur=53")];
    for (body, expected) in [
        (
            Body::Chunked,
            Ok(&b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\nServer-Timing: db;dur=53\r\n\r\n"[..]),
        ),
        (Body::Length(2), Err(())),
    ] {
        let mut codec = ServerCodec::new(ConnectionConfig::default());
        let mut buf = BytesMut::from(&b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"[..]);
        assert_eq!(drain(&mut codec, &mut buf).last(), Some(&RequestFrame::MessageEnd));
        let mut out = BytesMut::new();
        let head = ResponsePart::Head {
            line: StatusLine::new(Version::Http11, 200, "OK"),
            fields: &[],
            body,
        };
        codec.encode(head, &mut out).unwrap();
        codec.encode(ResponsePart::Body(b"hi"), &mut out).unwrap();
        let before = out.len();
        let end = codec.encode(ResponsePart::EndWithTrailers(&trailers), &mut out);
        match expected {
            Ok(bytes) => {
                end.unwrap();
                assert_eq!(&out[..], bytes);
                assert_eq!(codec.state(), ConnState::Open);
            }
            Err(()) => {
                assert!(matches!(end, Err(CodecError::Encode(_))));
                assert_eq!(out.len(), before);
                // The response is still open: a plain end completes it.
                codec.encode(ResponsePart::End, &mut out).unwrap();
                assert!(out.ends_with(b"\r\n\r\nhi"));
            }
        }
    }
}
