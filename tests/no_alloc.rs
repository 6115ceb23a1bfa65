//! The decoder and the encoders never allocate: decoding a whole pipelined
//! stream, at once or one byte at a time, and writing requests and
//! responses (heads, body frames, last chunks with trailers, refusals) into
//! caller buffers make no heap allocation at all.
//!
//! A counting global allocator wraps the system one. It counts only on the
//! thread that turned counting on, in a per-thread counter, so the test
//! harness's other threads and the other tests running at the same time
//! cannot disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use h1wire::{
    Answering, Body, Config, Decoder, EncodeErrorKind, Encoder, EncoderOptions, Event, Field,
    Framing, HeadStatus, MethodKind, RequestLine, StartLine, Status, StatusLine, Version,
};

struct CountingAllocator;

thread_local! {
    // A const-initialised `Cell<bool>` needs no allocation and no destructor,
    // so reading it from inside the allocator is safe.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    // Per thread too: tests run in parallel, and one test's allocations
    // must not show in another's count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

fn allocations_so_far() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn counting_here() -> bool {
    COUNTING.try_with(Cell::get).unwrap_or(false)
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counting_here() {
            count_one();
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if counting_here() {
            count_one();
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counting_here() {
            count_one();
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Run `f` and return how many allocations this thread made meanwhile.
fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = allocations_so_far();
    COUNTING.with(|c| c.set(true));
    let result = f();
    COUNTING.with(|c| c.set(false));
    (result, allocations_so_far() - before)
}

/// What decoding the stream saw, gathered without allocating.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    requests: usize,
    headers: usize,
    body_bytes: usize,
    trailers: usize,
    chunked: usize,
    message_ends: usize,
    /// Body bytes that matched `BODIES` at their place.
    body_bytes_matching: usize,
}

const GET: &[u8] = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
const POST: &[u8] = b"POST /form HTTP/1.1\r\nHost: example.com\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\nsay=Hi&to=Mom";
const CHUNKED: &[u8] = b"PUT /upload HTTP/1.1\r\nHost: example.com\r\n\
Transfer-Encoding: gzip, chunked\r\n\r\n\
7;name=\"v\\\"1\"\r\nMozilla\r\n11\r\nDeveloper Network\r\n0\r\n\
Server-Timing: db;dur=53\r\nX-Checksum: abc\r\n\r\n";
const OPTIONS: &[u8] = b"\r\nOPTIONS * HTTP/1.0\r\n\r\n";

/// The body bytes of the stream, in order.
const BODIES: &[u8] = b"say=Hi&to=MomMozillaDeveloper Network";

fn expected_tally() -> Tally {
    Tally {
        requests: 4,
        headers: 2 + 3 + 2,
        body_bytes: BODIES.len(),
        trailers: 2,
        chunked: 1,
        message_ends: 4,
        body_bytes_matching: BODIES.len(),
    }
}

fn record(tally: &mut Tally, event: Event<'_>) {
    match event {
        Event::Request(_) | Event::Response(_) => tally.requests += 1,
        Event::Header(_) => tally.headers += 1,
        Event::HeadEnd(head) => {
            if head.framing == Framing::Chunked {
                tally.chunked += 1;
            }
        }
        Event::Body(data) => {
            let at = tally.body_bytes;
            if BODIES.get(at..at + data.len()) == Some(data) {
                tally.body_bytes_matching += data.len();
            }
            tally.body_bytes += data.len();
        }
        Event::Trailer(_) => tally.trailers += 1,
        Event::MessageEnd => tally.message_ends += 1,
    }
}

/// Decode `stream[start..end]` for each `end` in `ends` (growing), carrying
/// `start` forward by what was consumed: a caller whose buffer already holds
/// the whole stream and shows the decoder a bit more of it each time.
fn decode_growing(stream: &[u8], ends: impl Iterator<Item = usize>) -> Tally {
    let mut decoder = Decoder::server(Config::default());
    let mut tally = Tally::default();
    let mut start = 0;
    for end in ends {
        loop {
            let step = decoder.decode(&stream[start..end]).expect("valid stream");
            start += step.consumed;
            match step.status {
                Status::Event(event) => record(&mut tally, event),
                Status::NeedMore => break,
                Status::Upgraded | Status::Closed => panic!("unexpected {:?}", step.status),
            }
        }
    }
    assert_eq!(start, stream.len(), "everything consumed");
    assert_eq!(
        decoder.finish(),
        Ok(None),
        "the stream ends between messages"
    );
    tally
}

/// [`decode_growing`] with the at-once APIs: heads read by `decode_head`
/// (fields into an array on the stack), bodies by `decode_body` (pieces
/// into an array of two, which fills).
fn decode_heads_growing(stream: &[u8], ends: impl Iterator<Item = usize>) -> Tally {
    let mut decoder = Decoder::server(Config::default());
    let mut tally = Tally::default();
    let mut start = 0;
    let mut in_body = false;
    for end in ends {
        loop {
            if in_body {
                let mut pieces = [&b""[..]; 2];
                let read = decoder
                    .decode_body(&stream[start..end], &mut pieces)
                    .expect("valid stream");
                start += read.consumed;
                for &data in read.pieces {
                    record(&mut tally, Event::Body(data));
                }
                match read.then {
                    None => {}
                    Some(Status::Event(event)) => {
                        in_body = event != Event::MessageEnd;
                        record(&mut tally, event);
                    }
                    Some(Status::NeedMore) => break,
                    Some(status) => panic!("unexpected {status:?}"),
                }
                continue;
            }
            let mut fields = [Field::EMPTY; 8];
            let head = match decoder.decode_head(&stream[start..end], &mut fields) {
                Ok(HeadStatus::Complete(head)) => head,
                Ok(HeadStatus::NeedMore) => break,
                other => panic!("unexpected {other:?}"),
            };
            record(
                &mut tally,
                match head.start {
                    StartLine::Request(line) => Event::Request(line),
                    StartLine::Response(line) => Event::Response(line),
                },
            );
            for field in head.fields {
                record(&mut tally, Event::Header(*field));
            }
            if head.framing == Framing::Chunked {
                tally.chunked += 1;
            }
            start += head.len;
            if head.framing == Framing::None {
                // The whole message.
                record(&mut tally, Event::MessageEnd);
            } else {
                in_body = true;
            }
        }
    }
    assert_eq!(start, stream.len(), "everything consumed");
    tally
}

#[test]
fn reading_heads_and_bodies_at_once_never_allocates() {
    let stream: Vec<u8> = [GET, POST, CHUNKED, OPTIONS].concat();
    let len = stream.len();
    let expected = expected_tally();
    let (whole, allocations) =
        allocations_during(|| decode_heads_growing(&stream, [len].into_iter()));
    assert_eq!(allocations, 0, "allocations reading heads at once");
    assert_eq!(whole, expected);
    let (byte_at_a_time, allocations) =
        allocations_during(|| decode_heads_growing(&stream, 1..=len));
    assert_eq!(allocations, 0, "allocations reading heads byte at a time");
    assert_eq!(byte_at_a_time, expected);
}

#[test]
fn decoding_a_pipelined_stream_never_allocates() {
    // Everything that allocates happens before counting starts.
    let stream: Vec<u8> = [GET, POST, CHUNKED, OPTIONS].concat();
    let len = stream.len();
    let expected = expected_tally();

    let (whole, allocations) = allocations_during(|| decode_growing(&stream, [len].into_iter()));
    assert_eq!(
        allocations, 0,
        "allocations decoding the whole stream at once"
    );
    assert_eq!(whole, expected);

    let (byte_at_a_time, allocations) = allocations_during(|| decode_growing(&stream, 1..=len));
    assert_eq!(allocations, 0, "allocations decoding one byte at a time");
    assert_eq!(byte_at_a_time, expected);

    // The counter itself works: an allocation while counting is seen.
    let (_, allocations) = allocations_during(|| std::hint::black_box(Vec::<u8>::with_capacity(8)));
    assert!(allocations >= 1, "the counting allocator counts");
}

/// Write the stream `decode_growing` reads (the GET, the form POST, the
/// chunked PUT with trailers, the OPTIONS) with a client encoder into `out`,
/// then a few responses with a server encoder into `responses`, each into a
/// fixed buffer; refusals included. Returns the bytes used in each.
fn encode_everything(out: &mut [u8], responses: &mut [u8]) -> (usize, usize) {
    let host = Field::new("Host", "example.com");
    // The decoder's stream ends in an HTTP/1.0 OPTIONS without Host, which
    // a server takes but a user agent does not send: written back as it
    // came, by the option for it.
    let mut relay = EncoderOptions::STRICT;
    relay.http10_without_host = true;
    let mut client = Encoder::client().with_options(relay);
    let mut at = 0;
    let put = |bytes: &[u8], at: &mut usize, out: &mut [u8]| {
        out[*at..*at + bytes.len()].copy_from_slice(bytes);
        *at += bytes.len();
    };
    let get = RequestLine {
        method: b"GET",
        target: b"/index.html",
        version: Version::Http11,
    };
    let head = client
        .request(
            &get,
            &[host, Field::new("Accept", "*/*")],
            Body::Empty,
            &mut out[at..],
        )
        .unwrap();
    at += head.len;
    at += client.end(&[], &mut out[at..]).unwrap();

    let post = RequestLine {
        method: b"POST",
        target: b"/form",
        version: Version::Http11,
    };
    let form = [
        host,
        Field::new("Content-Type", "application/x-www-form-urlencoded"),
    ];
    at += client
        .request(&post, &form, Body::Length(13), &mut out[at..])
        .unwrap()
        .len;
    let frame = client.body(13).unwrap();
    put(frame.before(), &mut at, out);
    put(b"say=Hi&to=Mom", &mut at, out);
    put(frame.after(), &mut at, out);
    at += client.end(&[], &mut out[at..]).unwrap();

    let put_line = RequestLine {
        method: b"PUT",
        target: b"/upload",
        version: Version::Http11,
    };
    let te = [host, Field::new("Transfer-Encoding", "gzip, chunked")];
    at += client
        .request(&put_line, &te, Body::AsFields, &mut out[at..])
        .unwrap()
        .len;
    for data in [&b"Mozilla"[..], b"Developer Network"] {
        let frame = client.body(data.len()).unwrap();
        put(frame.before(), &mut at, out);
        put(data, &mut at, out);
        put(frame.after(), &mut at, out);
    }
    let trailers = [
        Field::new("Server-Timing", "db;dur=53"),
        Field::new("X-Checksum", "abc"),
    ];
    // Refusals allocate nothing either.
    let bad = [Field::new("Content-Length", "1")];
    assert_eq!(
        client.end(&bad, &mut out[at..]).unwrap_err().kind(),
        EncodeErrorKind::ForbiddenTrailer
    );
    at += client.end(&trailers, &mut out[at..]).unwrap();

    let options = RequestLine {
        method: b"OPTIONS",
        target: b"*",
        version: Version::Http10,
    };
    let tight = &mut out[at..at + 3];
    let short = client
        .request(&options, &[], Body::Empty, tight)
        .unwrap_err();
    assert_eq!(short.required(), Some(22));
    at += client
        .request(&options, &[], Body::Empty, &mut out[at..])
        .unwrap()
        .len;
    at += client.end(&[], &mut out[at..]).unwrap();

    let mut server = Encoder::server();
    let mut used = 0;
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let fields = [Field::new("Content-Type", "text/plain")];
    used += server
        .response(
            &ok,
            &fields,
            Body::Streamed,
            Answering::HTTP11,
            &mut responses[used..],
        )
        .unwrap()
        .len;
    let frame = server.body(5).unwrap();
    for piece in [frame.before(), b"hello", frame.after()] {
        responses[used..used + piece.len()].copy_from_slice(piece);
        used += piece.len();
    }
    used += server.end(&[], &mut responses[used..]).unwrap();
    let head = Answering::new(MethodKind::Head, Version::Http10);
    used += server
        .response(&ok, &[], Body::Length(29769), head, &mut responses[used..])
        .unwrap()
        .len;
    used += server.end(&[], &mut responses[used..]).unwrap();
    let bad_value = [Field::new("X", "a\r\nInjected: yes")];
    let refused = server.response(
        &ok,
        &bad_value,
        Body::Empty,
        Answering::HTTP11,
        &mut responses[used..],
    );
    assert_eq!(
        refused.unwrap_err().kind(),
        EncodeErrorKind::InvalidFieldValue
    );
    (at, used)
}

#[test]
fn encoding_never_allocates() {
    let mut out = vec![0u8; 1024];
    let mut responses = vec![0u8; 1024];
    let ((at, used), allocations) =
        allocations_during(|| encode_everything(&mut out, &mut responses));
    assert_eq!(allocations, 0, "allocations while encoding");
    // What was written decodes as the stream the decoder test reads.
    let written = &out[..at];
    let decoded = decode_growing(written, [written.len()].into_iter());
    assert_eq!(decoded, expected_tally());
    assert!(used > 0);
    assert_eq!(
        &responses[..used],
        &b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n\
HTTP/1.1 200 OK\r\nContent-Length: 29769\r\n\r\n"[..]
    );
}

/// A fixed buffer one side writes into and the other reads from.
struct Wire {
    bytes: [u8; 2048],
    written: usize,
    read: usize,
}

impl Wire {
    fn new() -> Self {
        Wire {
            bytes: [0; 2048],
            written: 0,
            read: 0,
        }
    }
    fn room(&mut self) -> &mut [u8] {
        &mut self.bytes[self.written..]
    }
    fn wrote(&mut self, n: usize) {
        self.written += n;
    }
    fn put(&mut self, data: &[u8]) {
        self.bytes[self.written..self.written + data.len()].copy_from_slice(data);
        self.written += data.len();
    }
}

/// Decode what `wire` holds with `decode`; count the message ends.
fn drain_conn(
    wire: &mut Wire,
    mut decode: impl FnMut(&[u8]) -> h1wire::ConnStep<'_>,
) -> (usize, h1wire::ConnStatus<'static>) {
    let mut ends = 0;
    loop {
        let input = &wire.bytes[wire.read..wire.written];
        let step = decode(input);
        wire.read += step.consumed;
        match step.status {
            h1wire::ConnStatus::Event(Event::MessageEnd) => ends += 1,
            h1wire::ConnStatus::Event(_) => {}
            h1wire::ConnStatus::NeedMore => return (ends, h1wire::ConnStatus::NeedMore),
            h1wire::ConnStatus::Paused => return (ends, h1wire::ConnStatus::Paused),
            h1wire::ConnStatus::Switched => return (ends, h1wire::ConnStatus::Switched),
            h1wire::ConnStatus::Done { ignored } => {
                return (ends, h1wire::ConnStatus::Done { ignored })
            }
        }
    }
}

/// [`drain_conn`] for the client, through `decode_body` (body pieces into
/// an array of two on the stack); counts the message ends.
fn drain_client_at_once(wire: &mut Wire, client: &mut h1wire::client::Connection) -> usize {
    let mut ends = 0;
    loop {
        let input = &wire.bytes[wire.read..wire.written];
        let mut pieces = [&b""[..]; 2];
        let read = client.decode_body(input, &mut pieces).unwrap();
        wire.read += read.consumed;
        match read.then {
            None => {}
            Some(h1wire::ConnStatus::Event(Event::MessageEnd)) => ends += 1,
            Some(h1wire::ConnStatus::Event(_)) => {}
            Some(_) => return ends,
        }
    }
}

/// A whole conversation between a client and a server connection: an
/// upload with 100-continue, a chunked response with trailers, pipelined
/// GETs answered in order, a CONNECT refused with 407 then accepted.
fn converse(to_server: &mut Wire, to_client: &mut Wire) -> (usize, usize) {
    use h1wire::{client, server, ConnState, ConnStatus, ConnectionConfig};
    let mut c = client::Connection::new(ConnectionConfig::default());
    let mut s = server::Connection::new(ConnectionConfig::default());
    let host = Field::new("Host", "example.com");
    let ok = StatusLine::new(Version::Http11, 200, "OK");
    let (mut server_ends, mut client_ends) = (0, 0);

    let put = RequestLine::new("PUT", "/file", Version::Http11);
    let expect = [host, Field::new("Expect", "100-continue")];
    let n = c
        .request(&put, &expect, Body::Length(5), to_server.room())
        .unwrap()
        .len;
    to_server.wrote(n);
    assert!(c.awaiting_continue());
    drain_conn(to_server, |i| s.decode(i).unwrap());
    assert!(s.expects_continue());
    let cont = StatusLine::new(Version::Http11, 100, "Continue");
    let n = s
        .response(&cont, &[], Body::AsFields, to_client.room())
        .unwrap()
        .len;
    to_client.wrote(n);
    let n = s.end(&[], to_client.room()).unwrap();
    to_client.wrote(n);
    client_ends += drain_client_at_once(to_client, &mut c);
    assert!(!c.awaiting_continue());
    c.body(5).unwrap();
    to_server.put(b"hello");
    let n = c.end(&[], to_server.room()).unwrap();
    to_server.wrote(n);
    server_ends += drain_conn(to_server, |i| s.decode(i).unwrap()).0;

    let n = s
        .response(&ok, &[], Body::Chunked, to_client.room())
        .unwrap()
        .len;
    to_client.wrote(n);
    let frame = s.body(7).unwrap();
    to_client.put(frame.before());
    to_client.put(b"Mozilla");
    to_client.put(frame.after());
    let n = s
        .end(&[Field::new("Digest", "x")], to_client.room())
        .unwrap();
    to_client.wrote(n);
    client_ends += drain_client_at_once(to_client, &mut c);

    for target in ["/a", "/b"] {
        let get = RequestLine::new("GET", target, Version::Http11);
        let n = c
            .request(&get, &[host], Body::Empty, to_server.room())
            .unwrap()
            .len;
        to_server.wrote(n);
        let n = c.end(&[], to_server.room()).unwrap();
        to_server.wrote(n);
    }
    // The two heads at once, through the connection's head API.
    let mut fields = [Field::EMPTY; 4];
    while let h1wire::ConnHeadStatus::Complete(head) = s
        .decode_head(
            &to_server.bytes[to_server.read..to_server.written],
            &mut fields,
        )
        .unwrap()
    {
        to_server.read += head.len;
        server_ends += 1;
    }
    for _ in 0..2 {
        let n = s
            .response(&ok, &[], Body::Empty, to_client.room())
            .unwrap()
            .len;
        to_client.wrote(n);
        let n = s.end(&[], to_client.room()).unwrap();
        to_client.wrote(n);
    }
    // Their responses' heads at once too, through the client's head API
    // (each says `Content-Length: 0`: the call after it implies its end).
    while let h1wire::ConnHeadStatus::Complete(head) = c
        .decode_head(
            &to_client.bytes[to_client.read..to_client.written],
            &mut fields,
        )
        .unwrap()
    {
        to_client.read += head.len;
        client_ends += 1;
    }
    assert_eq!(c.in_flight(), 0);

    let connect = RequestLine::new("CONNECT", "example.com:443", Version::Http11);
    for status in [407, 200] {
        let n = c
            .request(&connect, &[host], Body::AsFields, to_server.room())
            .unwrap()
            .len;
        to_server.wrote(n);
        let n = c.end(&[], to_server.room()).unwrap();
        to_server.wrote(n);
        let (ends, stop) = drain_conn(to_server, |i| s.decode(i).unwrap());
        server_ends += ends;
        assert_eq!(stop, ConnStatus::Paused);
        let line = StatusLine::new(Version::Http11, status, "X");
        let n = s
            .response(&line, &[], Body::Empty, to_client.room())
            .unwrap()
            .len;
        to_client.wrote(n);
        let n = s.end(&[], to_client.room()).unwrap();
        to_client.wrote(n);
        client_ends += drain_client_at_once(to_client, &mut c);
    }
    assert_eq!(
        (c.state(), s.state()),
        (ConnState::Switched, ConnState::Switched)
    );
    (server_ends, client_ends)
}

#[test]
fn a_whole_conversation_never_allocates() {
    let mut to_server = Wire::new();
    let mut to_client = Wire::new();
    let (ends, allocations) = allocations_during(|| converse(&mut to_server, &mut to_client));
    assert_eq!(allocations, 0, "allocations during a conversation");
    // 1 upload + 2 GETs + 2 CONNECTs read; 100 + 200 + 2 + 407 + 200 read.
    assert_eq!(ends, (5, 6));
}
