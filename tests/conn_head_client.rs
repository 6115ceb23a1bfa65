//! `client::Connection::decode_head`: a client connection that reads
//! response heads at once reads as one that reads an event at a time, at
//! every split of the input and in any mix of `decode_head`, `decode` and
//! `decode_body` calls: the same responses, bodies, trailers and errors
//! (the connection's own, at the same offsets), the same states after
//! each response, the same requests and bodies refused or let through.

use h1wire::client::Connection;
use h1wire::{
    Body, ConnHeadStatus, ConnStatus, ConnectionConfig, ErrorKind, Event, Field, Framing,
    RequestLine, StartLine, Version,
};
use h1wire_testkit::pieces::Pieces;
use h1wire_testkit::rng::XorShift;

/// One request a case writes, and the bytes the server answers it with.
struct Exchange {
    method: &'static str,
    target: &'static str,
    fields: &'static [(&'static str, &'static str)],
    /// The request's body, sent with its head, or once a 100 came (or
    /// the client gave up waiting) when it asks for one.
    body: &'static [u8],
    response: &'static [u8],
}

const fn exchange(
    method: &'static str,
    fields: &'static [(&'static str, &'static str)],
    body: &'static [u8],
    response: &'static [u8],
) -> Exchange {
    Exchange {
        method,
        target: "/",
        fields,
        body,
        response,
    }
}

const HOST: &[(&str, &str)] = &[("Host", "a")];
const UPGRADE: &[(&str, &str)] = &[
    ("Host", "a"),
    ("Connection", "upgrade"),
    ("Upgrade", "websocket"),
];
const EXPECT: &[(&str, &str)] = &[("Host", "a"), ("Expect", "100-continue")];

/// Responses of every shape the connection weighs: lengths, chunks with
/// trailers, no body (HEAD, 204, 304, interims), closing ones, HTTP/1.0,
/// switches accepted and refused, CONNECT, obs-fold, and errors both of
/// the decoder and of the connection (some after a field the connection
/// refuses first).
const EXCHANGES: &[Exchange] = &[
    exchange("GET", HOST, b"", b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"),
    exchange("HEAD", HOST, b"", b"HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"),
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n2\r\nuv\r\n0\r\nT: 1\r\n\r\n",
    ),
    exchange("GET", HOST, b"", b"HTTP/1.1 204 No Content\r\n\r\n"),
    exchange("GET", HOST, b"", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"),
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.1 103 Early Hints\r\nLink: </s>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx",
    ),
    exchange(
        "PUT",
        EXPECT,
        b"up",
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
    ),
    exchange(
        "PUT",
        EXPECT,
        b"up",
        b"HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno",
    ),
    exchange(
        "PUT",
        EXPECT,
        b"up",
        b"HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n",
    ),
    exchange("GET", HOST, b"", b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi"),
    exchange("GET", HOST, b"", b"HTTP/1.1 200 OK\r\n\r\nto the end"),
    exchange("GET", HOST, b"", b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi"),
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nhi",
    ),
    exchange(
        "GET",
        UPGRADE,
        b"",
        b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\nWS",
    ),
    exchange("GET", UPGRADE, b"", b"HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n"),
    exchange(
        "GET",
        UPGRADE,
        b"",
        b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n",
    ),
    // The connection refuses the Upgrade field before the decoder reaches
    // the broken line after it.
    exchange(
        "GET",
        UPGRADE,
        b"",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nBad Line\r\n\r\n",
    ),
    exchange(
        "GET",
        UPGRADE,
        b"",
        b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n",
    ),
    // A 101 to no offer, refused at its status line before the broken line.
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nBad Line\r\n\r\n",
    ),
    Exchange {
        method: "CONNECT",
        target: "a.example:443",
        fields: &[("Host", "a.example:443")],
        body: b"",
        response: b"HTTP/1.1 200 Connection Established\r\n\r\ntunnel bytes",
    },
    Exchange {
        method: "CONNECT",
        target: "a.example:443",
        fields: &[("Host", "a.example:443")],
        body: b"",
        response: b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 2\r\n\r\nno",
    },
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n",
    ),
    exchange(
        "GET",
        HOST,
        b"",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi",
    ),
    exchange(
        "POST",
        &[("Host", "a"), ("Content-Length", "3")],
        b"abc",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nz\r\n",
    ),
    exchange("GET", HOST, b"", b"HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
];

/// Which call reads next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    Head,
    Event,
    Body,
}

/// The connection's state, as a caller sees it.
fn state(conn: &Connection) -> String {
    format!(
        "state {:?}, in flight {}, awaiting 100 {}",
        conn.state(),
        conn.in_flight(),
        conn.awaiting_continue()
    )
}

/// A client connection that wrote the requests of `exchanges` as far as
/// it takes them, and the stream of their responses (with `trailing`
/// after them); what it refused goes into `seen`.
fn written(
    exchanges: &[&Exchange],
    depth: usize,
    trailing: &[u8],
    seen: &mut Vec<String>,
) -> (Connection, Vec<u8>, Option<&'static [u8]>) {
    let mut config = ConnectionConfig::default();
    config.depth = depth;
    let mut conn = Connection::new(config);
    let mut stream = Vec::new();
    let mut held_body = None;
    let mut out = Vec::new();
    for e in exchanges {
        let line = RequestLine::new(e.method, e.target, Version::Http11);
        let length = e.body.len().to_string();
        let mut fields: Vec<Field<'_>> = e.fields.iter().map(|(n, v)| Field::new(n, v)).collect();
        let asks_continue = fields.iter().any(|f| f.name_is("expect"));
        if !e.body.is_empty() && !fields.iter().any(|f| f.name_is("content-length")) {
            fields.push(Field::new("Content-Length", &length));
        }
        let sent = conn.request_into(&line, &fields, Body::AsFields, &mut out);
        if let Err(e) = sent {
            seen.push(format!("request refused {:?}", e.kind()));
            break;
        }
        stream.extend_from_slice(e.response);
        if asks_continue {
            // Its body waits; no request is written behind it.
            held_body = Some(e.body);
            break;
        }
        if !e.body.is_empty() {
            conn.body_into(e.body, &mut out).unwrap();
        }
        conn.end_into(&[], &mut out).unwrap();
    }
    stream.extend_from_slice(trailing);
    (conn, stream, held_body)
}

/// A held body goes out once nothing holds it back: after a 100, or a
/// final response that keeps the connection (or is refused).
fn send_held(conn: &mut Connection, held: &mut Option<&'static [u8]>, seen: &mut Vec<String>) {
    if let Some(body) = *held {
        if conn.awaiting_continue() {
            return;
        }
        *held = None;
        let mut out = Vec::new();
        let sent = conn
            .body_into(body, &mut out)
            .and_then(|()| conn.end_into(&[], &mut out).map(drop));
        seen.push(match sent {
            Ok(()) => "body sent".to_string(),
            Err(e) => format!("body refused {:?}", e.kind()),
        });
    }
}

/// Read the responses to `exchanges` fed in the pieces `cuts` makes,
/// each call chosen by `choose`. With `states`, the state after each
/// response is recorded, and a head call is made only between messages
/// (one right after a body's last piece would end that message inside
/// the call, before the state could be looked at).
fn drive(
    exchanges: &[&Exchange],
    trailing: &[u8],
    depth: usize,
    cuts: &[usize],
    states: bool,
    mut choose: impl FnMut() -> Read,
) -> Vec<String> {
    let mut seen = Vec::new();
    let (mut conn, stream, mut held) = written(exchanges, depth, trailing, &mut seen);
    send_held(&mut conn, &mut held, &mut seen);
    let mut pieces = Pieces::at(cuts)
        .ranges(stream.len())
        .into_iter()
        .map(|r| &stream[r]);
    let (mut buf, mut body) = (Vec::<u8>::new(), Vec::<u8>::new());
    let mut head: Option<(String, Vec<String>)> = None;
    let mut in_body = false;
    // Bytes consumed so far: where a stop leaves the stream.
    let mut taken = 0usize;
    let end = |body: &mut Vec<u8>, conn: &Connection, seen: &mut Vec<String>| {
        let body = String::from_utf8_lossy(&std::mem::take(body)).into_owned();
        seen.push(if states {
            format!("end, body {body:?}; {}", state(conn))
        } else {
            format!("end, body {body:?}")
        });
    };
    for _ in 0..20_000 {
        let mut choice = choose();
        if states && in_body && choice == Read::Head {
            choice = Read::Event;
        }
        let (mut consumed, mut need_more, mut stop) = (0usize, false, None);
        match choice {
            Read::Head => {
                let mut fields = [Field::EMPTY; 16];
                let read = conn.decode_head(&buf, &mut fields);
                if in_body && read != Ok(ConnHeadStatus::NotAtHead) {
                    // The message before ended inside this call (whatever
                    // it read next, if anything).
                    end(&mut body, &conn, &mut seen);
                    in_body = false;
                }
                match read {
                    Ok(ConnHeadStatus::Complete(h)) => {
                        let StartLine::Response(line) = h.start else {
                            panic!("a client reads responses")
                        };
                        let fields: Vec<String> =
                            h.fields.iter().map(|f| format!("{f:?}")).collect();
                        seen.push(format!("response {line:?} {fields:?} {:?}", h.framing));
                        send_held(&mut conn, &mut held, &mut seen);
                        consumed = h.len;
                        if matches!(h.framing, Framing::None | Framing::Upgrade) {
                            end(&mut body, &conn, &mut seen);
                            in_body = false;
                        } else {
                            in_body = true;
                        }
                    }
                    Ok(ConnHeadStatus::NeedMore) => need_more = true,
                    Ok(ConnHeadStatus::NotAtHead) => {}
                    Ok(ConnHeadStatus::Stopped(status)) => stop = Some(stopped(status)),
                    Err(e) => {
                        seen.push(format!("error {e:?}"));
                        break;
                    }
                }
            }
            read @ (Read::Event | Read::Body) => {
                let mut array = [&b""[..]; 2];
                let result = if read == Read::Body {
                    conn.decode_body(&buf, &mut array).map(|r| {
                        for piece in r.pieces {
                            body.extend_from_slice(piece);
                        }
                        (r.consumed, r.then)
                    })
                } else {
                    conn.decode(&buf).map(|s| (s.consumed, Some(s.status)))
                };
                let then = match result {
                    Ok((took, then)) => {
                        consumed = took;
                        then
                    }
                    Err(e) => {
                        seen.push(format!("error {e:?}"));
                        break;
                    }
                };
                match then {
                    Some(ConnStatus::Event(Event::Response(line))) => {
                        head = Some((format!("{line:?}"), Vec::new()));
                    }
                    Some(ConnStatus::Event(Event::Header(field))) => {
                        head.as_mut()
                            .expect("a status line before")
                            .1
                            .push(format!("{field:?}"));
                    }
                    Some(ConnStatus::Event(Event::HeadEnd(h))) => {
                        let (line, fields) = head.take().expect("a status line before");
                        seen.push(format!("response {line} {fields:?} {:?}", h.framing));
                        in_body = true;
                        send_held(&mut conn, &mut held, &mut seen);
                    }
                    Some(ConnStatus::Event(Event::Body(data))) => body.extend_from_slice(data),
                    Some(ConnStatus::Event(Event::Trailer(field))) => {
                        seen.push(format!("trailer {field:?}"));
                    }
                    Some(ConnStatus::Event(Event::MessageEnd)) => {
                        end(&mut body, &conn, &mut seen);
                        in_body = false;
                    }
                    Some(ConnStatus::Event(Event::Request(_))) => panic!("no request here"),
                    Some(ConnStatus::NeedMore) => need_more = true,
                    Some(status) => stop = Some(stopped(status)),
                    None => {}
                }
            }
        }
        buf.drain(..consumed);
        taken += consumed;
        if let Some(status) = stop {
            seen.push(format!("stopped {status} at {taken}; {}", state(&conn)));
            break;
        }
        if need_more {
            match pieces.next() {
                Some(piece) => buf.extend_from_slice(piece),
                None => {
                    let finished = conn.finish();
                    if finished == Ok(Some(Event::MessageEnd)) {
                        end(&mut body, &conn, &mut seen);
                    }
                    seen.push(format!("finish {finished:?}; {}", state(&conn)));
                    break;
                }
            }
        }
    }
    seen
}

/// How a stop reads in a transcript. (How many bytes a `Done` ignores
/// depends on the split: where the stream was left, recorded beside it,
/// does not.)
fn stopped(status: ConnStatus<'_>) -> String {
    match status {
        ConnStatus::Done { .. } => "Done".to_string(),
        other => format!("{other:?}"),
    }
}

/// What may follow the last response: nothing, a response nobody asked
/// for, bytes that are no response.
const TRAILING: &[&[u8]] = &[b"", b"HTTP/1.1 200 OK\r\n\r\n", b"\x00junk"];

/// Every exchange alone, at every split in two and a byte at a time:
/// heads between messages read as events.
#[test]
fn every_exchange_reads_alike_at_every_split() {
    for (index, e) in EXCHANGES.iter().enumerate() {
        for trailing in TRAILING {
            let events = drive(&[e], trailing, 16, &[], true, || Read::Event);
            let len = e.response.len() + trailing.len();
            let mut splits: Vec<Vec<usize>> = (0..=len).map(|cut| vec![cut]).collect();
            splits.push((1..len).collect());
            for cuts in splits {
                for (name, read) in [("heads", Read::Head), ("events", Read::Event)] {
                    assert_eq!(
                        drive(&[e], trailing, 16, &cuts, true, || read),
                        events,
                        "exchange {index} + {trailing:?}, {name}, cuts {cuts:?}"
                    );
                }
            }
        }
    }
}

/// Any mix of calls, on one to four exchanges written ahead (pipelined,
/// as far as the connection lets them go), at depths 1, 2 and 16: the
/// same transcript as events alone.
#[test]
fn any_mix_of_calls_reads_as_events_alone() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut next = |n: usize| rng.below(n);
    for case in 0..1_500 {
        let count = 1 + next(4);
        let picked: Vec<&Exchange> = (0..count)
            .map(|_| &EXCHANGES[next(EXCHANGES.len())])
            .collect();
        let trailing = TRAILING[next(TRAILING.len())];
        let depth = [1, 2, 16][next(3)];
        let alone = drive(&picked, trailing, depth, &[], false, || Read::Event);
        let len: usize = picked.iter().map(|e| e.response.len()).sum::<usize>() + trailing.len();
        let cuts: Vec<usize> = match next(3) {
            0 => Vec::new(),
            1 => (1..len).collect(),
            _ => {
                let mut cuts: Vec<usize> = (0..3).map(|_| next(len + 1)).collect();
                cuts.sort_unstable();
                cuts
            }
        };
        let mut mixer = XorShift(0x2545_f491_4f6c_dd1d ^ case);
        let reads = [Read::Head, Read::Event, Read::Body];
        let mixed = drive(&picked, trailing, depth, &cuts, false, || {
            reads[mixer.below(3)]
        });
        assert_eq!(mixed, alone, "case {case}, depth {depth}, cuts {cuts:?}");
    }
}

/// The connection's own errors in a head read at once are those the
/// events give, at the same offsets, before a decoder error further on.
#[test]
fn the_connections_errors_come_first_at_their_offsets() {
    for (index, kind, at) in [
        // The Upgrade field's value, "h2c", after the 34 bytes of the
        // status line and "Upgrade: ".
        (16, ErrorKind::UnexpectedUpgrade, 43),
        // A 101 to a request that offered nothing: its status line.
        (18, ErrorKind::UnexpectedUpgrade, 0),
        // A 101 that names no protocol: the empty line ending its head.
        (17, ErrorKind::UnexpectedUpgrade, 55),
    ] {
        let e = &EXCHANGES[index];
        let (mut conn, stream, _) = written(&[e], 16, b"", &mut Vec::new());
        let mut fields = [Field::EMPTY; 8];
        let error = conn.decode_head(&stream, &mut fields).unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (kind, at),
            "exchange {index}"
        );
        // Sticky, as after `decode`.
        assert_eq!(conn.decode_head(&stream, &mut fields).unwrap_err(), error);
        assert_eq!(conn.decode(&stream).unwrap_err(), error);
    }
}

/// A response after a body's last piece, read at once: the body's
/// `MessageEnd` is implied, the next response read, and a 101 switches.
#[test]
fn a_head_call_after_the_last_piece_ends_the_response() {
    let (mut conn, stream, _) = written(&[&EXCHANGES[0], &EXCHANGES[13]], 16, b"", &mut Vec::new());
    let mut fields = [Field::EMPTY; 8];
    let ConnHeadStatus::Complete(head) = conn.decode_head(&stream, &mut fields).unwrap() else {
        panic!("a whole head");
    };
    let mut at = head.len;
    let step = conn.decode(&stream[at..]).unwrap();
    assert_eq!(step.status, ConnStatus::Event(Event::Body(b"abc")));
    at += step.consumed;
    assert_eq!(conn.in_flight(), 2);
    let ConnHeadStatus::Complete(switch) = conn.decode_head(&stream[at..], &mut fields).unwrap()
    else {
        panic!("the 101's head");
    };
    assert_eq!(switch.framing, Framing::Upgrade);
    at += switch.len;
    assert_eq!(&stream[at..], b"WS");
    assert_eq!(
        conn.decode_head(&stream[at..], &mut fields).unwrap(),
        ConnHeadStatus::Stopped(ConnStatus::Switched)
    );
    assert_eq!(conn.state(), h1wire::ConnState::Switched);
}

/// With bare LF read (a lenient option), a 101 naming no protocol fails
/// at its head's empty line, one byte long: the same offset either way.
#[test]
fn the_end_of_a_bare_lf_head_is_where_events_put_it() {
    let response = b"HTTP/1.1 101 Switching Protocols\nConnection: upgrade\n\n";
    let mut errors = Vec::new();
    for heads in [false, true] {
        let mut config = ConnectionConfig::default();
        config.config.lenient.bare_lf = true;
        let mut conn = Connection::new(config);
        let line = RequestLine::new("GET", "/", Version::Http11);
        let fields: Vec<Field<'_>> = UPGRADE.iter().map(|(n, v)| Field::new(n, v)).collect();
        conn.request_into(&line, &fields, Body::Empty, &mut Vec::new())
            .unwrap();
        conn.end_into(&[], &mut Vec::new()).unwrap();
        let error = if heads {
            conn.decode_head(response, &mut [Field::EMPTY; 4])
                .unwrap_err()
        } else {
            let mut at = 0;
            loop {
                match conn.decode(&response[at..]) {
                    Ok(step) => at += step.consumed,
                    Err(e) => break e,
                }
            }
        };
        errors.push(error);
    }
    assert_eq!(errors[0], errors[1]);
    assert_eq!(
        (errors[0].kind(), errors[0].offset()),
        (ErrorKind::UnexpectedUpgrade, response.len() as u64 - 1)
    );
}

/// A client connection that wrote `line` with `fields` (and ended it when
/// `end`).
fn sent(line: RequestLine<'_>, fields: &[Field<'_>], end: bool) -> Connection {
    let mut conn = Connection::new(ConnectionConfig::default());
    conn.request_into(&line, fields, Body::AsFields, &mut Vec::new())
        .unwrap();
    if end {
        conn.end_into(&[], &mut Vec::new()).unwrap();
    }
    conn
}

/// The error a connection gives for `input` read to its end, then the
/// peer closing: through `decode_head` or `decode`.
fn error_at_eof(conn: &mut Connection, input: &[u8], heads: bool) -> (ErrorKind, u64) {
    let e = if heads {
        match conn.decode_head(input, &mut [Field::EMPTY; 8]) {
            Ok(ConnHeadStatus::NeedMore) => conn.finish().unwrap_err(),
            Err(e) => e,
            other => panic!("{other:?}"),
        }
    } else {
        let mut at = 0;
        loop {
            match conn.decode(&input[at..]) {
                Ok(step) if step.status == ConnStatus::NeedMore => {
                    break conn.finish().unwrap_err()
                }
                Ok(step) => at += step.consumed,
                Err(e) => break e,
            }
        }
    };
    (e.kind(), e.offset())
}

/// A status line is taken in when it arrives, not when its head is
/// whole: a 101 nobody asked for, cut short by the end of the stream, is
/// the unasked 101 either way, not `Incomplete`. (A review found it.)
#[test]
fn a_refused_status_line_is_refused_though_its_head_never_ends() {
    let response = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n";
    let get = || RequestLine::new("GET", "/", Version::Http11);
    for heads in [false, true] {
        let mut conn = sent(get(), &[Field::new("Host", "a")], true);
        assert_eq!(
            error_at_eof(&mut conn, response, heads),
            (ErrorKind::UnexpectedUpgrade, 0),
            "heads {heads}"
        );
    }
}

/// A 101 whose status line arrives before the offering request's body
/// was sent is refused then, whichever call read it: the switch comes
/// only after the whole request (RFC 9110 section 7.8). A body sent
/// before the rest of its head arrived does not make it acceptable.
/// (A review found `decode_head` switching.)
#[test]
fn a_101_before_the_request_was_sent_is_refused_however_its_head_comes() {
    let response =
        b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n";
    let fields = [
        Field::new("Host", "a"),
        Field::new("Connection", "upgrade"),
        Field::new("Upgrade", "websocket"),
        Field::new("Content-Length", "3"),
    ];
    let mut outcomes = Vec::new();
    for heads in [false, true] {
        let mut conn = sent(
            RequestLine::new("POST", "/", Version::Http11),
            &fields,
            false,
        );
        // The status line and half a field, before the body is sent.
        let first = if heads {
            conn.decode_head(&response[..40], &mut [Field::EMPTY; 8])
                .map(drop)
        } else {
            conn.decode(&response[..40]).map(drop)
        };
        let mut out = Vec::new();
        let body = conn
            .body_into(b"abc", &mut out)
            .and_then(|()| conn.end_into(&[], &mut out).map(drop));
        outcomes.push((
            first.map_err(|e| (e.kind(), e.offset())),
            body.map_err(|e| e.kind()),
            conn.state(),
        ));
    }
    assert_eq!(
        outcomes[0],
        (
            Err((ErrorKind::UnexpectedUpgrade, 0)),
            Err(h1wire::EncodeErrorKind::ConnectionClosed),
            h1wire::ConnState::Closed
        )
    );
    assert_eq!(outcomes[1], outcomes[0]);
}

/// A head call that failed is read again as events only up to its own
/// error: a full field array is the error when the connection's own
/// complaint (the protocol the 101 names) comes after it.
#[test]
fn a_full_array_is_the_error_before_a_later_refusal() {
    let response = b"HTTP/1.1 101 S\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n";
    let fields: Vec<Field<'_>> = UPGRADE.iter().map(|(n, v)| Field::new(n, v)).collect();
    let mut conn = sent(RequestLine::new("GET", "/", Version::Http11), &fields, true);
    let error = conn
        .decode_head(response, &mut [Field::EMPTY; 1])
        .unwrap_err();
    // The Upgrade line, which did not fit.
    assert_eq!(
        (error.kind(), error.offset()),
        (ErrorKind::FieldArrayFull, 37)
    );
}

/// A final response to a request still waiting for its 100 closes the
/// connection, decided at its head: the same whether its end was read
/// in the same call (a bodyless 204 at once) or later, and whether or
/// not the caller tried to send the body in between (taken while the
/// response is still being read, refused once the connection is closed:
/// either way the connection ends Closed). (A review found a 204 read
/// at once closing where events, the body slipped in before their
/// `MessageEnd`, kept the connection.)
#[test]
fn a_final_answer_instead_of_100_closes_however_it_is_read() {
    let fields = [
        Field::new("Host", "a"),
        Field::new("Expect", "100-continue"),
        Field::new("Content-Length", "2"),
    ];
    for response in [
        &b"HTTP/1.1 204 No Content\r\n\r\n"[..],
        b"HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n",
    ] {
        let mut outcomes = Vec::new();
        for (heads, send_body) in [(false, false), (false, true), (true, false), (true, true)] {
            let mut conn = sent(
                RequestLine::new("PUT", "/", Version::Http11),
                &fields,
                false,
            );
            let mut at = 0;
            if heads {
                let mut array = [Field::EMPTY; 8];
                let ConnHeadStatus::Complete(h) = conn.decode_head(response, &mut array).unwrap()
                else {
                    panic!("a whole head")
                };
                at = h.len;
            } else {
                loop {
                    let step = conn.decode(&response[at..]).unwrap();
                    at += step.consumed;
                    if matches!(step.status, ConnStatus::Event(Event::HeadEnd(_))) {
                        break;
                    }
                }
            }
            assert!(!conn.awaiting_continue());
            if send_body {
                let mut out = Vec::new();
                let body = conn
                    .body_into(b"up", &mut out)
                    .and_then(|()| conn.end_into(&[], &mut out).map(drop));
                match conn.state() {
                    // Read whole in the call (the 204 at once): closed.
                    h1wire::ConnState::Closed => assert_eq!(
                        (body.map_err(|e| e.kind()), out.len()),
                        (Err(h1wire::EncodeErrorKind::ConnectionClosed), 0)
                    ),
                    // Its end still to read: closing, the body goes out.
                    state => {
                        assert_eq!(state, h1wire::ConnState::Closing);
                        assert_eq!(body, Ok(()));
                    }
                }
            }
            // The rest: the response's end, if not read yet.
            let rest = conn.decode(&response[at..]).map(|s| s.status);
            outcomes.push((conn.state(), conn.in_flight(), rest.is_ok()));
        }
        assert!(
            outcomes
                .iter()
                .all(|o| *o == (h1wire::ConnState::Closed, 0, true)),
            "{response:?}: {outcomes:?}"
        );
    }
}

/// A Content-Length body written whole before the answer was sent, its
/// end not called yet: a final answer instead of the 100 keeps the
/// connection, whether the end is called before its head or after, and
/// however the answer is read; nor does the client await a 100 for a
/// body it wrote (the end, which writes nothing for such a body, was
/// taken for the body: found by review).
#[test]
fn a_body_written_whole_before_the_answer_is_not_unsent() {
    let fields = [
        Field::new("Host", "a"),
        Field::new("Expect", "100-continue"),
        Field::new("Content-Length", "2"),
    ];
    let response = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let mut states = Vec::new();
    for heads in [false, true] {
        for end_first in [true, false] {
            let mut conn = sent(
                RequestLine::new("PUT", "/", Version::Http11),
                &fields,
                false,
            );
            let mut out = Vec::new();
            conn.body_into(b"up", &mut out).unwrap();
            assert!(!conn.awaiting_continue());
            if end_first {
                conn.end_into(&[], &mut out).unwrap();
            }
            let mut array = [Field::EMPTY; 4];
            let at = if heads {
                match conn.decode_head(response, &mut array).unwrap() {
                    ConnHeadStatus::Complete(h) => h.len,
                    other => panic!("{other:?}"),
                }
            } else {
                let mut at = 0;
                loop {
                    let step = conn.decode(&response[at..]).unwrap();
                    at += step.consumed;
                    if matches!(step.status, ConnStatus::Event(Event::HeadEnd(_))) {
                        break at;
                    }
                }
            };
            if !end_first {
                conn.end_into(&[], &mut out).unwrap();
            }
            let step = conn.decode(&response[at..]).unwrap();
            assert_eq!(step.status, ConnStatus::Event(Event::MessageEnd));
            states.push((conn.state(), conn.in_flight()));
        }
    }
    assert!(
        states.iter().all(|s| *s == (h1wire::ConnState::Open, 0)),
        "{states:?}"
    );
}

/// `awaiting_continue` follows what the caller was given: a final status
/// line `decode_head` took in while the rest of its head is still coming
/// (the call said `NeedMore`) keeps the wait on, as it would be had the
/// caller read the same bytes with `decode` and not yet seen the status
/// line; the whole head ends it, and the unsent body closes the
/// connection as it does through `decode`. A 100 the same way. (A review
/// found the wait ended by the first call, the caller none the wiser.)
#[test]
fn a_status_line_taken_in_early_does_not_end_the_wait_before_its_head() {
    let fields = [
        Field::new("Host", "a"),
        Field::new("Expect", "100-continue"),
        Field::new("Content-Length", "3"),
    ];
    let request = RequestLine::new("POST", "/", Version::Http11);
    // A final answer instead of the 100.
    let mut conn = sent(request, &fields, false);
    let mut array = [Field::EMPTY; 8];
    let line = b"HTTP/1.1 417 Expectation Failed\r\n";
    assert!(matches!(
        conn.decode_head(line, &mut array),
        Ok(ConnHeadStatus::NeedMore)
    ));
    assert!(
        conn.awaiting_continue(),
        "the status line was not handed over"
    );
    let whole = b"HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n";
    assert!(matches!(
        conn.decode_head(whole, &mut array),
        Ok(ConnHeadStatus::Complete(_))
    ));
    assert!(!conn.awaiting_continue());
    assert_eq!(conn.state(), h1wire::ConnState::Closing);
    // The 100 itself: the wait ends once its head is whole.
    let mut conn = sent(request, &fields, false);
    let line = b"HTTP/1.1 100 Continue\r\n";
    assert!(matches!(
        conn.decode_head(line, &mut array),
        Ok(ConnHeadStatus::NeedMore)
    ));
    assert!(conn.awaiting_continue());
    let whole = b"HTTP/1.1 100 Continue\r\n\r\n";
    assert!(matches!(
        conn.decode_head(whole, &mut array),
        Ok(ConnHeadStatus::Complete(_))
    ));
    assert!(!conn.awaiting_continue());
    let mut out = Vec::new();
    conn.body_into(b"abc", &mut out).unwrap();
    conn.end_into(&[], &mut out).unwrap();
    assert_eq!(out, b"abc");
    // Read as events, the status line ends the wait as it is handed over.
    let mut conn = sent(request, &fields, false);
    let step = conn.decode(line).unwrap();
    assert!(matches!(step.status, ConnStatus::Event(Event::Response(_))));
    assert!(!conn.awaiting_continue());
}

/// An error ends the wait for a 100: a status line `decode_head` took in
/// before the head failed does not keep `awaiting_continue` on, read as
/// events or at once alike (the connection is closed either way; a caller
/// that polls the wait must not hold a body back from a dead connection).
#[test]
fn an_error_after_a_status_line_taken_in_ends_the_wait() {
    let fields = [
        Field::new("Host", "a"),
        Field::new("Expect", "100-continue"),
        Field::new("Content-Length", "3"),
    ];
    let request = RequestLine::new("POST", "/", Version::Http11);
    let line = b"HTTP/1.1 417 Expectation Failed\r\n";
    let broken = b"HTTP/1.1 417 Expectation Failed\r\nBad Line\r\n\r\n";
    for heads in [false, true] {
        let mut conn = sent(request, &fields, false);
        let mut array = [Field::EMPTY; 8];
        if heads {
            assert!(matches!(
                conn.decode_head(line, &mut array),
                Ok(ConnHeadStatus::NeedMore)
            ));
            assert!(conn.awaiting_continue());
            let error = conn.decode_head(broken, &mut array).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::WhitespaceBeforeColon, "heads");
        } else {
            let step = conn.decode(broken).unwrap();
            assert!(matches!(step.status, ConnStatus::Event(Event::Response(_))));
            let error = conn.decode(&broken[step.consumed..]).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::WhitespaceBeforeColon, "events");
        }
        assert!(!conn.awaiting_continue(), "heads {heads}");
        assert_eq!(conn.state(), h1wire::ConnState::Closed, "heads {heads}");
    }
    // The stream ending after the status line: no replay of the head
    // hands the status line over, the error does.
    let mut conn = sent(request, &fields, false);
    assert!(matches!(
        conn.decode_head(line, &mut [Field::EMPTY; 8]),
        Ok(ConnHeadStatus::NeedMore)
    ));
    assert_eq!(conn.finish().unwrap_err().kind(), ErrorKind::Incomplete);
    assert!(!conn.awaiting_continue(), "at the end of the stream");
}

/// What a request offers to upgrade to is that request's alone: a 101
/// switching to the protocol an earlier request offered (and was answered
/// in HTTP/1 without switching) is refused for the request that offered
/// another (RFC 9110 section 7.8: a server switches only to a protocol
/// the request named).
#[test]
fn an_upgrade_offer_belongs_to_its_own_request() {
    let offer = |protocol| {
        [
            Field::new("Host", "a"),
            Field::new("Connection", "upgrade"),
            Field::new("Upgrade", protocol),
        ]
    };
    let get = RequestLine::new("GET", "/", Version::Http11);
    let first = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let switch = b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n";
    for (second_offer, accepted) in [("websocket", false), ("h2c", true)] {
        let mut conn = sent(get, &offer("h2c"), true);
        let mut at = 0;
        loop {
            let step = conn.decode(&first[at..]).unwrap();
            at += step.consumed;
            if step.status == ConnStatus::Event(Event::MessageEnd) {
                break;
            }
        }
        assert_eq!((at, conn.in_flight()), (first.len(), 0));
        conn.request_into(&get, &offer(second_offer), Body::AsFields, &mut Vec::new())
            .unwrap();
        conn.end_into(&[], &mut Vec::new()).unwrap();
        let mut outcome = Ok(());
        let mut at = 0;
        while at < switch.len() {
            match conn.decode(&switch[at..]) {
                Ok(step) => at += step.consumed,
                Err(e) => {
                    outcome = Err((e.kind(), e.offset()));
                    break;
                }
            }
        }
        if accepted {
            assert_eq!(outcome, Ok(()), "{second_offer}");
        } else {
            // At the protocol's first byte, in the second response.
            let value_at = switch.len() - 7 + first.len();
            assert_eq!(
                outcome,
                Err((ErrorKind::UnexpectedUpgrade, value_at as u64)),
                "{second_offer}"
            );
        }
    }
}
