//! `Decoder::decode_head`, the head-at-once API: what its contract says
//! beyond "reads as the event API does" (which `tests/roundtrip.rs` checks
//! on generated and hostile streams, and the `head_agreement` fuzz target
//! on anything).

use h1wire::{
    Config, Decoder, ErrorKind, Event, Field, Framing, HeadStatus, MethodKind, StartLine, Status,
};

const POST: &[u8] = b"POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nX-A: 1\r\n\r\nabc";

#[test]
fn a_pipeline_of_heads_and_bodies() {
    let stream = [
        &b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"[..],
        POST,
        b"\r\nHEAD /3 HTTP/1.1\r\nHost: a\r\n\r\n",
    ]
    .concat();
    let mut decoder = Decoder::server(Config::default());
    let mut at = 0;
    let mut seen = Vec::new();
    while at < stream.len() {
        let mut fields = [Field::EMPTY; 4];
        let HeadStatus::Complete(head) = decoder.decode_head(&stream[at..], &mut fields).unwrap()
        else {
            panic!("a whole head at {at}");
        };
        let StartLine::Request(line) = head.start else {
            panic!("a server reads requests")
        };
        seen.push((line.target.to_vec(), head.fields.len(), head.framing));
        at += head.len;
        if head.framing != Framing::None {
            // The body through the event API, up to MessageEnd.
            loop {
                let step = decoder.decode(&stream[at..]).unwrap();
                at += step.consumed;
                if step.status == Status::Event(Event::MessageEnd) {
                    break;
                }
            }
        }
        assert_eq!(decoder.position(), at as u64);
    }
    assert_eq!(decoder.finish(), Ok(None), "no MessageEnd is pending");
    assert_eq!(
        seen,
        [
            (b"/1".to_vec(), 1, Framing::None),
            (b"/f".to_vec(), 3, Framing::Length(3)),
            // The empty line before a request line is part of its head.
            (b"/3".to_vec(), 1, Framing::None),
        ]
    );
}

#[test]
fn inside_a_body_the_head_api_says_so_and_consumes_nothing() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    let HeadStatus::Complete(head) = decoder.decode_head(POST, &mut fields).unwrap() else {
        panic!("whole head");
    };
    let body = &POST[head.len..];
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(body, &mut fields),
        Ok(HeadStatus::NotAtHead)
    );
    assert_eq!(decoder.position(), head.len as u64);
    let step = decoder.decode(body).unwrap();
    assert_eq!(step.status, Status::Event(Event::Body(b"abc")));
    // The last body byte read: MessageEnd is due, and asking for the next
    // head implies it.
    let mut fields = [Field::EMPTY; 4];
    let next = b"GET / HTTP/1.1\r\nHost: b\r\n\r\n";
    let HeadStatus::Complete(head) = decoder.decode_head(next, &mut fields).unwrap() else {
        panic!("the next head");
    };
    assert_eq!(head.field("HOST"), Some(&b"b"[..]));
}

#[test]
fn too_many_fields_for_the_array_is_its_own_error_at_the_field_that_does_not_fit() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 2];
    let error = decoder.decode_head(POST, &mut fields).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::FieldArrayFull);
    // "POST /f HTTP/1.1\r\n" + "Host: a\r\n" + "Content-Length: 3\r\n": X-A.
    assert_eq!(error.offset(), 18 + 9 + 19);
    assert_eq!(error.status_hint(), 431);
    assert_eq!(decoder.position(), 0, "nothing consumed");
    // Like every decode error, it stays.
    let mut more = [Field::EMPTY; 8];
    assert_eq!(decoder.decode_head(POST, &mut more), Err(error));
    assert_eq!(decoder.decode(POST), Err(error));
}

#[test]
fn a_head_half_read_then_decoded_as_events_starts_over() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&POST[..30], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    assert_eq!(decoder.position(), 0);
    // The caller switches to events, passing the same bytes and more.
    let step = decoder.decode(POST).unwrap();
    let Status::Event(Event::Request(line)) = step.status else {
        panic!("the request line first, got {step:?}");
    };
    assert_eq!(line.target, b"/f");
    assert_eq!(step.consumed, 18);
    assert_eq!(decoder.position(), 18);
}

#[test]
fn a_client_rereading_a_half_head_keeps_its_methods() {
    // HEAD then GET: the first response has no body though it says
    // Content-Length; the second has one.
    let responses = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let mut decoder = Decoder::client(Config::default());
    decoder.expect_response(MethodKind::Head).unwrap();
    decoder.expect_response(MethodKind::Other).unwrap();
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&responses[..20], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    // Switching to events rereads the status line: the HEAD is still the
    // method it answers.
    let mut events = Vec::new();
    let mut at = 0;
    loop {
        let step = decoder.decode(&responses[at..]).unwrap();
        at += step.consumed;
        match step.status {
            Status::Event(Event::HeadEnd(end)) => events.push(end.framing),
            Status::Event(_) => {}
            _ => break,
        }
    }
    assert_eq!(events, [Framing::None, Framing::Length(2)]);
    assert_eq!(decoder.in_flight(), 0);
}

/// A response head read in part still awaits its whole head: its request
/// counts as in flight and keeps its slot, so that a switch to events,
/// which puts its method back, never pushes the newest one out of a full
/// queue. (Found by review: with 31 in flight, a half head, then a HEAD
/// expected, the HEAD was lost and its response read a body.)
#[test]
fn a_half_read_response_keeps_its_slot_in_a_full_queue() {
    let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let mut decoder = Decoder::client(Config::default());
    for _ in 0..Decoder::MAX_IN_FLIGHT {
        decoder.expect_response(MethodKind::Other).unwrap();
    }
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&ok[..20], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    assert_eq!(decoder.in_flight(), Decoder::MAX_IN_FLIGHT);
    assert!(decoder.expect_response(MethodKind::Head).is_err(), "full");
    // Going on with events: the first response is read whole, then there
    // is room for the HEAD.
    let mut stream = Vec::new();
    for _ in 0..Decoder::MAX_IN_FLIGHT {
        stream.extend_from_slice(ok);
    }
    stream.extend_from_slice(
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
    );
    let mut framings = Vec::new();
    let mut at = 0;
    loop {
        let step = decoder.decode(&stream[at..]).unwrap();
        at += step.consumed;
        match step.status {
            Status::Event(Event::HeadEnd(end)) => {
                framings.push(end.framing);
                if framings.len() == 1 {
                    decoder.expect_response(MethodKind::Head).unwrap();
                    decoder.expect_response(MethodKind::Other).unwrap_err();
                }
            }
            Status::Event(_) => {}
            _ => break,
        }
    }
    let mut want = vec![Framing::Length(0); Decoder::MAX_IN_FLIGHT];
    want.push(Framing::None); // the HEAD's answer: no body
    want.push(Framing::None); // the 204
    assert_eq!((framings, at), (want, stream.len()));
}

/// Other bytes than those an earlier call read (rule 1 of the buffer
/// contract broken): no panic, in debug builds too, and no head made of
/// bytes nobody checked. (Found by review: a debug assertion fired.)
#[test]
fn changed_bytes_under_a_half_read_head_do_not_panic() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    assert_eq!(
        decoder.decode_head(&head[..20], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    let changed = b"\0\0\0 / HTTP/1.1\r\nHost: a\r\n\r\n";
    match decoder.decode_head(changed, &mut fields) {
        Err(_) => {}
        Ok(HeadStatus::Complete(head)) => {
            let StartLine::Request(line) = head.start else {
                panic!("a request")
            };
            assert!(!line.method.contains(&0), "a NUL in the method");
        }
        Ok(other) => panic!("{other:?}"),
    }
}

#[test]
fn a_stream_that_ends_inside_a_head_is_incomplete_where_it_ends() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&POST[..40], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    let error = decoder.finish().unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::Incomplete, 40));
    assert_eq!(decoder.position(), 0);
}

#[test]
fn an_upgrade_head_is_followed_by_upgraded() {
    let mut decoder = Decoder::server(Config::default());
    let input = b"CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\ntunnel";
    let mut fields = [Field::EMPTY; 4];
    let HeadStatus::Complete(head) = decoder.decode_head(input, &mut fields).unwrap() else {
        panic!("whole head");
    };
    assert_eq!(head.framing, Framing::Upgrade);
    let rest = &input[head.len..];
    assert_eq!(rest, b"tunnel");
    // The head was the whole message: no MessageEnd.
    assert_eq!(decoder.decode(rest).unwrap().status, Status::Upgraded);
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(rest, &mut fields),
        Ok(HeadStatus::NotAtHead)
    );
}

#[test]
fn errors_and_readings_match_the_event_api() {
    // A bare LF, allowed by the lenient option and recorded where it is.
    let mut config = Config::default();
    config.lenient.bare_lf = true;
    let input = b"GET / HTTP/1.1\r\nHost: a\nX: 1\r\n\r\n";
    let mut decoder = Decoder::server(config);
    let mut fields = [Field::EMPTY; 4];
    let HeadStatus::Complete(head) = decoder.decode_head(input, &mut fields).unwrap() else {
        panic!("whole head");
    };
    assert_eq!(head.fields.len(), 2);
    let readings: Vec<_> = decoder.readings().iter().collect();
    assert_eq!(readings, [(h1wire::Reading::BareLf, 23)]);
    // Strict: the same bytes are an error at the same offset either way.
    let strict = || Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    let by_head = strict().decode_head(input, &mut fields).unwrap_err();
    let mut events = strict();
    let mut at = 0;
    let by_events = loop {
        match events.decode(&input[at..]) {
            Ok(step) => at += step.consumed,
            Err(e) => break e,
        }
    };
    assert_eq!(by_head, by_events);
    assert_eq!((by_head.kind(), by_head.offset()), (ErrorKind::BareLf, 23));
}

#[test]
fn fewer_bytes_than_were_read_start_the_head_over() {
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&POST[..40], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    // A caller that lost bytes: the head is read again from its start.
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(&POST[..10], &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    let mut fields = [Field::EMPTY; 4];
    let HeadStatus::Complete(head) = decoder.decode_head(POST, &mut fields).unwrap() else {
        panic!("whole head");
    };
    assert_eq!(head.fields.len(), 3);
    assert_eq!(head.framing, Framing::Length(3));
}

/// `event` appended to `out` as text, body pieces merged (how a body is
/// cut depends on how it arrives).
fn push_event(out: &mut Vec<String>, event: Event<'_>) {
    if let (Event::Body(more), Some(last)) = (event, out.last_mut()) {
        if let Some(body) = last.strip_prefix("body ") {
            *last = format!("body {body}{}", String::from_utf8_lossy(more));
            return;
        }
    }
    out.push(match event {
        Event::Body(data) => format!("body {}", String::from_utf8_lossy(data)),
        other => format!("{other:?}"),
    });
}

/// The events of `stream` read by `decode` alone, whole: the reference.
fn events_of(stream: &[u8]) -> Vec<String> {
    let mut decoder = Decoder::server(Config::default());
    let mut at = 0;
    let mut out = Vec::new();
    while let Ok(step) = decoder.decode(&stream[at..]) {
        at += step.consumed;
        match step.status {
            Status::Event(event) => push_event(&mut out, event),
            _ => break,
        }
    }
    out
}

#[test]
fn a_slow_peer_read_by_both_apis_in_turn_reads_as_one() {
    // A head arrives a byte at a time. The caller asks `decode_head` for
    // the first `switch` bytes, then `decode` (which says `NeedMore`
    // while the line `decode_head` left half read is still partial, and
    // starts the head over as events once it ends), then `decode` to the
    // end: the events are those of the whole stream, and a stream cut
    // short anywhere is incomplete where it ends.
    let reference = events_of(POST);
    for switch in 1..POST.len() {
        let mut decoder = Decoder::server(Config::default());
        let mut fields = [Field::EMPTY; 4];
        let mut complete = false;
        for end in 1..=switch {
            match decoder.decode_head(&POST[..end], &mut fields) {
                Ok(HeadStatus::NeedMore) => assert_eq!(decoder.position(), 0),
                Ok(HeadStatus::Complete(_)) => {
                    complete = true;
                    break;
                }
                other => panic!("{other:?} at {end}"),
            }
        }
        if complete {
            continue; // the head came whole: nothing to switch in
        }
        // Cut here: incomplete at the end of what was given.
        let mut cut = decoder.clone();
        let error = cut.finish().unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (ErrorKind::Incomplete, switch as u64)
        );

        let mut events = Vec::new();
        let mut at = 0;
        for end in switch + 1..=POST.len() {
            loop {
                let step = decoder.decode(&POST[at..end]).unwrap();
                at += step.consumed;
                match step.status {
                    Status::Event(event) => push_event(&mut events, event),
                    _ => break,
                }
            }
            if events.is_empty() {
                // Still in the half-read head: nothing consumed, and a cut
                // here is incomplete where it ends.
                assert_eq!(decoder.position(), 0, "switch {switch}, end {end}");
                let error = decoder.clone().finish().unwrap_err();
                assert_eq!(error.offset(), end as u64, "switch {switch}, end {end}");
            }
        }
        assert_eq!(events, reference, "switch at {switch}");
    }
}

#[test]
fn a_stream_that_ends_after_the_empty_line_before_a_head_ends_cleanly() {
    // The empty line allowed before a request line is all there is:
    // `decode_head` read it and left it in the caller's buffer; the
    // stream ends as it would have through `decode`, between messages.
    let mut decoder = Decoder::server(Config::default());
    let mut fields = [Field::EMPTY; 4];
    assert_eq!(
        decoder.decode_head(b"\r\n", &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    assert_eq!(decoder.finish(), Ok(None));
    // One byte more is the start of a request line: incomplete there.
    let mut decoder = Decoder::server(Config::default());
    assert_eq!(
        decoder.decode_head(b"\r\nG", &mut fields),
        Ok(HeadStatus::NeedMore)
    );
    let error = decoder.finish().unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::Incomplete, 3));
}

/// A caller may pass another field array with each call. One shorter
/// than the fields earlier calls read is full at the first field line
/// that does not fit, as when a call reads that line (it panicked when
/// the last call read no new field line: a review found it), and the
/// decoder has failed.
#[test]
fn a_shorter_array_on_a_later_call_is_full_not_a_panic() {
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n\r\n";
    for (len, at) in [(0, 16), (1, 25)] {
        // Read whole by one call: the reference.
        let mut fields = vec![Field::EMPTY; len];
        let whole = Decoder::server(Config::default())
            .decode_head(input, &mut fields)
            .unwrap_err();
        assert_eq!(
            (whole.kind(), whole.offset()),
            (ErrorKind::FieldArrayFull, at)
        );

        let mut decoder = Decoder::server(Config::default());
        let mut wide = [Field::EMPTY; 8];
        let cut = input.len() - 2;
        assert_eq!(
            decoder.decode_head(&input[..cut], &mut wide),
            Ok(HeadStatus::NeedMore)
        );
        let error = decoder.decode_head(input, &mut fields).unwrap_err();
        assert_eq!(error, whole, "array of {len}");
        assert_eq!(
            decoder.decode_head(input, &mut wide).unwrap_err(),
            whole,
            "sticky"
        );
        assert_eq!(decoder.position(), 0);
    }
    // Also when the call goes on to read new lines: the first field that
    // does not fit is one an earlier call read (the check on each new
    // line said 31, the line of B).
    let input = b"GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
    let mut decoder = Decoder::server(Config::default());
    let mut wide = [Field::EMPTY; 8];
    assert_eq!(
        decoder.decode_head(&input[..36], &mut wide),
        Ok(HeadStatus::NeedMore)
    );
    let error = decoder
        .decode_head(input, &mut [Field::EMPTY; 1])
        .unwrap_err();
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::FieldArrayFull, 25)
    );
}

/// Each lenient reading is recorded where the strict profile refuses the
/// same bytes, through either API, and a head that an earlier call began
/// with an empty line keeps that line's reading when the caller switches
/// APIs in the middle of it. (Found by review: the switch dropped the
/// skipped bare LF's reading; a repeated value in one Content-Length list
/// was recorded at the list's first value.)
#[test]
fn readings_sit_where_the_strict_profile_refuses() {
    use h1wire::{Lenient, Reading};
    // The input, the reading, and the option that allows it.
    type Case = (&'static [u8], Reading, fn(&mut Lenient));
    let cases: [Case; 6] = [
        (
            b"\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
            Reading::BareLf,
            |l| l.bare_lf = true,
        ),
        (
            b"GET / HTTP/1.1\r\nHost: a\nX: 1\r\n\r\n",
            Reading::BareLf,
            |l| l.bare_lf = true,
        ),
        (
            b"GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n",
            Reading::ObsFold,
            |l| l.obs_fold = true,
        ),
        (
            b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello",
            Reading::DuplicateContentLength,
            |l| l.duplicate_content_length = true,
        ),
        (
            b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
            Reading::DuplicateContentLength,
            |l| l.duplicate_content_length = true,
        ),
        (
            b"GET /\xc3\xa9 HTTP/1.1\r\nHost: a\r\n\r\n",
            Reading::NonAsciiTarget,
            |l| l.non_ascii_target = true,
        ),
    ];
    for (input, reading, allow) in cases {
        let mut strict = Decoder::server(Config::default());
        let mut fields = [Field::EMPTY; 8];
        let refused_at = strict.decode_head(input, &mut fields).unwrap_err().offset();
        let mut config = Config::default();
        allow(&mut config.lenient);
        // At once, as events, and by both in turn over the same bytes
        // (the first byte alone as events, then the head at once, then
        // events again).
        let mut at_once = Decoder::server(config);
        assert!(matches!(
            at_once.decode_head(input, &mut fields),
            Ok(HeadStatus::Complete(_))
        ));
        let mut events = Decoder::server(config);
        events_to_head_end(&mut events, input, 0);
        let mut mixed = Decoder::server(config);
        let at = mixed.decode(&input[..1]).unwrap().consumed;
        let head_len = input.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        assert_eq!(
            mixed.decode_head(&input[at..head_len], &mut fields),
            Ok(HeadStatus::NeedMore)
        );
        events_to_head_end(&mut mixed, input, at);
        for decoder in [&at_once, &events, &mixed] {
            let readings: Vec<_> = decoder.readings().iter().collect();
            assert_eq!(
                readings,
                [(reading, refused_at)],
                "{}",
                String::from_utf8_lossy(input)
            );
        }
    }
}

/// Decode `input[at..]` as events up to the end of a head.
fn events_to_head_end(decoder: &mut Decoder, input: &[u8], mut at: usize) {
    loop {
        let step = decoder.decode(&input[at..]).unwrap();
        at += step.consumed;
        if matches!(step.status, Status::Event(Event::HeadEnd(_))) {
            return;
        }
    }
}

/// A head read at once with `Framing::Length(0)` leaves the decoder with its
/// `MessageEnd` due, and the bytes after the head (the start of the next
/// request) held. If the peer closes there, the stream ended inside that next
/// request: `finish` says `Incomplete` at the end of the stream, as it does
/// after a bodyless head (`Framing::None`). A decoder that gets it wrong
/// answers `Ok(Some(MessageEnd))` and silently drops the bytes of a request the
/// peer began (RFC 9112 section 8: an incomplete message is not a complete one;
/// the decoder's contract on `finish`).
#[test]
fn a_stream_that_ends_in_the_request_after_an_empty_body_is_incomplete() {
    for (head, framing) in [
        (&b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"[..], Framing::None),
        (
            b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
            Framing::Length(0),
        ),
    ] {
        let input = [head, b"GE"].concat();
        let mut decoder = Decoder::server(Config::default());
        let mut fields = [Field::EMPTY; 4];
        let HeadStatus::Complete(whole) = decoder.decode_head(&input, &mut fields).unwrap() else {
            panic!("the head is all here");
        };
        assert_eq!((whole.framing, whole.len), (framing, head.len()));
        let error = decoder.finish().unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (ErrorKind::Incomplete, input.len() as u64),
            "{framing:?}"
        );
    }
    // The same stream through the event API, read to NeedMore as `finish`'s
    // doc asks, ends the same way (there the MessageEnd is taken first: this
    // half holds the contract, the half above kills the mutant).
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\nGE";
    let mut decoder = Decoder::server(Config::default());
    let mut at = 0;
    loop {
        let step = decoder.decode(&input[at..]).unwrap();
        at += step.consumed;
        if step.status == Status::NeedMore {
            break;
        }
    }
    let error = decoder.finish().unwrap_err();
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::Incomplete, input.len() as u64)
    );
}

/// The count of the previous head's fields must not follow the decoder into the
/// next head. The doc of `decode_head` lets a caller pass another field array
/// with each call ("make the field array in the loop"); a head of one field
/// fits an array of one, whatever the head before held. A decoder that gets it
/// wrong reports `FieldArrayFull` at the second head's start.
#[test]
fn the_array_a_head_needs_does_not_depend_on_the_head_before() {
    let stream =
        b"GET /1 HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n";
    let mut decoder = Decoder::server(Config::default());
    let mut wide = [Field::EMPTY; 8];
    let HeadStatus::Complete(first) = decoder.decode_head(stream, &mut wide).unwrap() else {
        panic!("the first head is all here");
    };
    assert_eq!(first.fields.len(), 4);
    let at = first.len;
    let mut one = [Field::EMPTY; 1];
    let HeadStatus::Complete(second) = decoder.decode_head(&stream[at..], &mut one).unwrap() else {
        panic!("the second head is all here, and its one field fits");
    };
    assert_eq!(second.fields.len(), 1);
    assert_eq!(second.field("host"), Some(&b"a"[..]));
}

/// Readings are per message (`Decoder::readings`: "the lenient readings used so
/// far in the current head"). A request that used a lenient reading (a bare LF,
/// RFC 9112 section 2.2) must not make the clean request after it look lenient,
/// or a caller that answers or logs by the readings blames the wrong message.
#[test]
fn readings_start_anew_with_each_head_read_at_once() {
    use h1wire::Reading;
    let mut config = Config::default();
    config.lenient.bare_lf = true;
    let stream = b"GET /1 HTTP/1.1\r\nHost: a\nX: 1\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n";
    let mut decoder = Decoder::server(config);
    let mut fields = [Field::EMPTY; 4];
    let HeadStatus::Complete(first) = decoder.decode_head(stream, &mut fields).unwrap() else {
        panic!("the first head is all here");
    };
    let at = first.len;
    assert!(decoder.readings().first_use(Reading::BareLf).is_some());
    let HeadStatus::Complete(_) = decoder.decode_head(&stream[at..], &mut fields).unwrap() else {
        panic!("the second head is all here");
    };
    assert!(
        decoder.readings().is_empty(),
        "{:?}",
        decoder.readings().iter().collect::<Vec<_>>()
    );
}

/// The reading of a Content-Length list that repeats its value twice sits at
/// the first repeat, where the strict decoder refuses the same bytes (what
/// `readings_sit_where_the_strict_profile_refuses` holds for one repeat).
#[test]
fn a_twice_repeated_length_is_read_at_the_first_repeat() {
    use h1wire::Reading;
    let input = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5, 5\r\n\r\nhello";
    let mut fields = [Field::EMPTY; 4];
    let refused = Decoder::server(Config::default())
        .decode_head(input, &mut fields)
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::DuplicateContentLength);
    let mut config = Config::default();
    config.lenient.duplicate_content_length = true;
    let mut decoder = Decoder::server(config);
    assert!(matches!(
        decoder.decode_head(input, &mut fields),
        Ok(HeadStatus::Complete(_))
    ));
    assert_eq!(
        decoder.readings().iter().collect::<Vec<_>>(),
        [(Reading::DuplicateContentLength, refused.offset())]
    );
}
