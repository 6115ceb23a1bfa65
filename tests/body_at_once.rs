//! `Decoder::decode_body`, the body-at-once API: what its contract says
//! beyond "reads as the event API does" (which `tests/roundtrip.rs` checks
//! on generated and hostile streams, and the `head_agreement` fuzz target
//! on anything).

use h1wire::{Config, Decoder, ErrorKind, Event, Field, HeadStatus, Status};

const CHUNKED_HEAD: &[u8] = b"POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

/// A decoder that has read `head`, and the head's length.
fn after_head(head: &[u8]) -> (Decoder, usize) {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 8];
    let HeadStatus::Complete(read) = decoder.decode_head(head, &mut fields).unwrap() else {
        panic!("a whole head");
    };
    let len = read.len;
    (decoder, len)
}

/// The body events `decode` gives for `body` after the chunked head, one
/// call each, and what ends them.
fn events(body: &[u8]) -> (Vec<Vec<u8>>, Result<Status<'static>, ErrorKind>, u64) {
    let (mut decoder, _) = after_head(CHUNKED_HEAD);
    let mut rest = body;
    let mut pieces = Vec::new();
    loop {
        match decoder.decode(rest) {
            Ok(step) => {
                rest = &rest[step.consumed..];
                match step.status {
                    Status::Event(Event::Body(data)) => pieces.push(data.to_vec()),
                    Status::Event(Event::MessageEnd) => {
                        return (pieces, Ok(Status::Event(Event::MessageEnd)), 0)
                    }
                    // What follows the body: the test looks no further.
                    Status::Event(Event::Trailer(_)) => return (pieces, Ok(Status::NeedMore), 0),
                    Status::NeedMore => return (pieces, Ok(Status::NeedMore), 0),
                    other => panic!("{other:?}"),
                }
            }
            Err(e) => return (pieces, Err(e.kind()), e.offset()),
        }
    }
}

#[test]
fn the_pieces_are_the_body_events_of_one_call_each() {
    // Plain chunks, a chunk with extensions, chunks of one byte, trailers.
    let bodies: [&[u8]; 4] = [
        b"5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n",
        b"3;ext=1\r\nabc\r\n2\r\nde\r\n1 ; a = \"b\"\r\nf\r\n0\r\n\r\n",
        b"1\r\na\r\n1\r\nb\r\n1\r\nc\r\n1\r\nd\r\n0\r\nX-T: 1\r\n\r\n",
        b"000a\r\n0123456789\r\n0\r\n\r\n",
    ];
    for body in bodies {
        let (expected, _, _) = events(body);
        for array in [1, 2, 3, 64] {
            let (mut decoder, _) = after_head(CHUNKED_HEAD);
            let mut rest = body;
            let mut got = Vec::new();
            let then = loop {
                let mut pieces = vec![&b""[..]; array];
                let read = decoder.decode_body(rest, &mut pieces).unwrap();
                assert!(read.pieces.len() <= array);
                got.extend(read.pieces.iter().map(|p| p.to_vec()));
                rest = &rest[read.consumed..];
                if let Some(then) = read.then {
                    break then;
                }
                assert_eq!(read.pieces.len(), array, "None only when the array is full");
            };
            assert_eq!(
                got,
                expected,
                "array of {array}: {:?}",
                String::from_utf8_lossy(body)
            );
            // Trailers come as events after the pieces.
            match then {
                Status::Event(Event::MessageEnd) => assert!(rest.is_empty()),
                Status::Event(Event::Trailer(field)) => assert_eq!(field.name, b"X-T"),
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn a_body_cut_short_gives_what_is_here_then_need_more() {
    let body = b"5\r\nhello\r\n8\r\nabcdefgh\r\n0\r\n\r\n";
    let (mut decoder, head_len) = after_head(CHUNKED_HEAD);
    let mut pieces = [&b""[..]; 8];
    // Into the second chunk's data: "hello", then "abc" of "abcdefgh".
    let cut = 3 + 5 + 2 + 3 + 3;
    let read = decoder.decode_body(&body[..cut], &mut pieces).unwrap();
    assert_eq!(read.pieces, [&b"hello"[..], b"abc"]);
    assert_eq!(read.then, Some(Status::NeedMore));
    assert_eq!(read.consumed, cut);
    assert_eq!(decoder.position(), (head_len + cut) as u64);
    let read = decoder.decode_body(&body[cut..], &mut pieces).unwrap();
    assert_eq!(read.pieces, [&b"defgh"[..]]);
    assert_eq!(read.then, Some(Status::Event(Event::MessageEnd)));
    assert_eq!(read.consumed, body.len() - cut);
}

#[test]
fn an_error_after_pieces_comes_with_the_next_call_at_the_same_offset() {
    let body = b"5\r\nhello\r\n1\r\n,\r\nzz\r\nnever\r\n";
    let (_, expected_kind, expected_offset) = events(body);
    let (mut decoder, head_len) = after_head(CHUNKED_HEAD);
    let mut pieces = [&b""[..]; 8];
    let read = decoder.decode_body(body, &mut pieces).unwrap();
    assert_eq!(read.pieces, [&b"hello"[..], b","]);
    assert_eq!(read.then, None, "the error is due");
    // Position and consumed agree: the failing attempt is not counted.
    assert_eq!(decoder.position(), (head_len + read.consumed) as u64);
    let error = decoder
        .decode_body(&body[read.consumed..], &mut pieces)
        .unwrap_err();
    assert_eq!(Err(error.kind()), expected_kind);
    assert_eq!(error.offset(), expected_offset);
    assert_eq!(error.kind(), ErrorKind::InvalidChunkSize);
    // And it stays.
    assert_eq!(decoder.decode(b"").unwrap_err(), error);
}

#[test]
fn outside_a_body_it_gives_the_next_event_and_no_pieces() {
    let mut decoder = Decoder::server(Config::default());
    let mut pieces = [&b""[..]; 4];
    let input = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let read = decoder.decode_body(input, &mut pieces).unwrap();
    assert!(read.pieces.is_empty());
    let Some(Status::Event(Event::Request(line))) = read.then else {
        panic!("{:?}", read.then);
    };
    assert_eq!(line.target, b"/");
    assert_eq!(read.consumed, 16);
}

#[test]
fn a_content_length_body_is_one_piece_per_call_as_with_decode() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789";
    let (mut decoder, head_len) = after_head(input);
    let mut pieces = [&b""[..]; 4];
    let read = decoder
        .decode_body(&input[head_len..head_len + 4], &mut pieces)
        .unwrap();
    assert_eq!(
        (read.pieces, read.then),
        (&[&b"0123"[..]][..], Some(Status::NeedMore))
    );
    let read = decoder
        .decode_body(&input[head_len + 4..], &mut pieces)
        .unwrap();
    assert_eq!(read.pieces, [&b"456789"[..]]);
    assert_eq!(read.then, Some(Status::Event(Event::MessageEnd)));
}

#[test]
fn the_message_end_comes_with_the_last_piece_when_the_array_has_room() {
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let body_end = input.len() - b"GET / HTTP/1.1\r\nHost: a\r\n\r\n".len();
    // Room for more: the MessageEnd in the same call, nothing consumed
    // past the body.
    let (mut decoder, head_len) = after_head(input);
    let mut pieces = [&b""[..]; 2];
    let read = decoder
        .decode_body(&input[head_len..], &mut pieces)
        .unwrap();
    assert_eq!(read.pieces, [&b"hello"[..]]);
    assert_eq!(read.then, Some(Status::Event(Event::MessageEnd)));
    assert_eq!(read.consumed, 5);
    assert_eq!(decoder.position(), body_end as u64);
    // The last piece filled the array: the MessageEnd with the next call.
    let (mut full, _) = after_head(input);
    let mut one = [&b""[..]; 1];
    let read = full.decode_body(&input[head_len..], &mut one).unwrap();
    assert_eq!(
        (read.pieces, read.then, read.consumed),
        (&[&b"hello"[..]][..], None, 5)
    );
    let read = full.decode_body(&input[body_end..], &mut one).unwrap();
    assert!(read.pieces.is_empty());
    assert_eq!(read.then, Some(Status::Event(Event::MessageEnd)));
    assert_eq!(read.consumed, 0);
    // Either way the next request is read from where the body ended.
    for decoder in [&mut decoder, &mut full] {
        let step = decoder.decode(&input[body_end..]).unwrap();
        let Status::Event(Event::Request(line)) = step.status else {
            panic!("{:?}", step.status);
        };
        assert_eq!(line.method, b"GET");
    }
}

/// Chunks of one size, one after another (the at-once loop then knows the
/// next chunk's framing by its bytes alone), among chunks that look alike
/// but are not (see [`same_size_bodies`]). Every body, cut in two at every
/// byte (at a spread of bytes for the long ones) and read with arrays of
/// 1, 2, 5 and 64 pieces, gives the data of the `decode` calls, and the
/// same end or error at the same offset.
#[test]
fn chunks_of_one_size_read_as_the_event_api_reads_them() {
    let bodies = same_size_bodies();
    for body in &bodies {
        let (expected, expected_end, expected_offset) = events(body);
        // Every cut of the small bodies; of the large, cuts around every
        // chunk boundary would be many: a spread of them.
        let step = if body.len() <= 1000 { 1 } else { 97 };
        let cuts: Vec<usize> = (0..=body.len()).step_by(step).chain([body.len()]).collect();
        for array in [1, 2, 5, 64] {
            for &cut in &cuts {
                let (mut decoder, _) = after_head(CHUNKED_HEAD);
                let mut got = Vec::new();
                let mut read_to = 0;
                let mut outcome = Ok(Status::NeedMore);
                // The body in two parts, each read to its end.
                'parts: for part_end in [cut, body.len()] {
                    loop {
                        let mut pieces = vec![&b""[..]; array];
                        let read = match decoder.decode_body(&body[read_to..part_end], &mut pieces)
                        {
                            Ok(read) => read,
                            Err(e) => {
                                assert_eq!(e.offset(), expected_offset, "cut at {cut}");
                                outcome = Err(e.kind());
                                break 'parts;
                            }
                        };
                        got.extend(read.pieces.iter().map(|p| p.to_vec()));
                        read_to += read.consumed;
                        match read.then {
                            None => {}
                            Some(Status::NeedMore) => break,
                            Some(then) => {
                                outcome = Ok(then);
                                break 'parts;
                            }
                        }
                    }
                }
                // Pieces cut differently: the same bytes in the same order.
                assert_eq!(
                    got.concat(),
                    expected.concat(),
                    "cut at {cut}, array of {array}: {:?}",
                    String::from_utf8_lossy(body)
                );
                if cut == 0 || cut == body.len() {
                    assert_eq!(got, expected, "array of {array}");
                }
                assert_eq!(outcome, expected_end, "cut at {cut}, array of {array}");
            }
        }
    }
}

/// Chunked bodies of chunks of one size, mixed with chunks that look alike
/// but are not (another size, the same size spelled otherwise, an
/// extension, a size line that breaks), ending well or not.
fn same_size_bodies() -> Vec<Vec<u8>> {
    let chunk = |size: &str, fill: u8| {
        let n = usize::from_str_radix(size.split(';').next().unwrap(), 16).unwrap();
        let mut c = format!("{size}\r\n").into_bytes();
        c.extend(std::iter::repeat_n(fill, n));
        c.extend_from_slice(b"\r\n");
        c
    };
    let body = |sizes: &[&str], end: &[u8]| {
        let mut b: Vec<u8> = Vec::new();
        for (i, size) in sizes.iter().enumerate() {
            b.extend(chunk(size, b'a' + i as u8));
        }
        b.extend_from_slice(end);
        b
    };
    let end = b"0\r\n\r\n";
    vec![
        body(&["4", "4", "4", "4", "4"], end),
        body(&["10", "10", "10", "1", "1", "10"], end),
        body(&["a", "A", "a", "0a", "a", "a;x", "a"], end),
        body(&["100", "100", "100", "1000", "1000", "1000"], end),
        body(&["10000", "10000"], end),
        body(&["3", "3", "3"], b"3\r\nab"),
        body(&["3", "3", "3"], b"3\rxabc\r\n0\r\n\r\n"),
        body(&["3", "3", "3"], b"3\r\nabcX\r\n0\r\n\r\n"),
        body(&["3", "3", "3"], b"30\r\nabc"),
    ]
}

/// The body events `decode` gives for `body` after the chunked head when
/// the input arrives `piece` bytes at a time (each call given what it
/// left and the next piece), and what ends them; the data joined.
fn events_fed(body: &[u8], piece: usize) -> (Vec<u8>, Result<Status<'static>, ErrorKind>, u64) {
    let (mut decoder, _) = after_head(CHUNKED_HEAD);
    let (mut start, mut end) = (0, 0);
    let mut data = Vec::new();
    loop {
        match decoder.decode(&body[start..end]) {
            Ok(step) => {
                start += step.consumed;
                match step.status {
                    Status::Event(Event::Body(piece)) => data.extend_from_slice(piece),
                    Status::Event(Event::MessageEnd) => {
                        return (data, Ok(Status::Event(Event::MessageEnd)), 0)
                    }
                    Status::NeedMore if end == body.len() => {
                        return (data, Ok(Status::NeedMore), 0)
                    }
                    Status::NeedMore => end = end.saturating_add(piece).min(body.len()),
                    other => panic!("{other:?}"),
                }
            }
            Err(e) => return (data, Err(e.kind()), e.offset()),
        }
    }
}

/// The event API on chunks of one size (whole input: after the first
/// chunk, each is known by its framing's bytes) reads what a peer sending
/// a byte or a few at a time gets read (no chunk whole in one call: the
/// general reader), the same data, end and error offset.
#[test]
fn chunks_of_one_size_read_as_events_as_a_slow_peer_gets_them_read() {
    for body in same_size_bodies() {
        let (whole, _, _) = events(&body);
        let whole_data = whole.concat();
        let reference = events_fed(&body, 1);
        assert_eq!(
            events_fed(&body, usize::MAX),
            reference,
            "{:?}",
            String::from_utf8_lossy(&body)
        );
        assert_eq!(whole_data, reference.0);
        for piece in [2, 3, 7, 64, 100] {
            assert_eq!(events_fed(&body, piece), reference, "pieces of {piece}");
        }
    }
}

/// The buffer contract: a call that fails consumes nothing, whichever API
/// it is and whatever an earlier call of another API read. Here
/// `decode_head` has read the empty line a request may start with and
/// waits; the rest of the stream, with an invalid method, goes to each
/// API in turn: the same error, and `position()` still at the stream's
/// first byte. (`decode_body` used to leave it at 2: it restored the
/// position of before `decode` went back to the head's start, not the
/// partial head's count with it.)
#[test]
fn a_failing_call_consumes_nothing_after_a_partial_head() {
    let stream = b"\r\n@ / HTTP/1.1\r\nHost: a\r\n\r\n";
    for api in ["decode", "decode_head", "decode_body"] {
        let mut decoder = Decoder::server(Config::default());
        let mut fields = [Field::EMPTY; 8];
        let mut pieces = [&b""[..]; 4];
        assert_eq!(
            decoder.decode_head(&stream[..2], &mut fields),
            Ok(HeadStatus::NeedMore)
        );
        assert_eq!(decoder.position(), 0);
        let error = match api {
            "decode" => decoder.decode(stream).map(|_| ()),
            "decode_head" => decoder.decode_head(stream, &mut fields).map(|_| ()),
            _ => decoder.decode_body(stream, &mut pieces).map(|_| ()),
        }
        .unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (ErrorKind::InvalidMethod, 2),
            "{api}"
        );
        assert_eq!(decoder.position(), 0, "{api}");
    }
}
