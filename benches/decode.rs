//! h1wire's request decoder against httparse and picohttpparser.
//!
//! One criterion group per input (see `inputs/mod.rs`), and in each group the
//! same bytes through every contender, under the same function names, so
//! `target/criterion/<group>/<function>/` can be compared by a script:
//!
//! - `h1wire`: the public `Decoder::decode` loop, every event consumed.
//! - `h1wire_head`: the at-once APIs: `Decoder::decode_head` for each head
//!   (fields into an array on the stack), `Decoder::decode_body` for each
//!   body (pieces into an array of 64 on the stack), events for the rest;
//!   one field array for a whole input, as the httparse caller keeps one
//!   header array, and a piece array made for each body where it is read
//!   (an input without bodies makes none).
//! - `httparse`: `Request::parse` with 32 headers, the body framed from
//!   Content-Length / Transfer-Encoding by the caller, chunked bodies through
//!   `httparse::parse_chunk_size`. In `byte_at_a_time` it is the careful
//!   caller that parses once `\r\n\r\n` has arrived; `httparse_naive`
//!   re-parses from the start on each `Partial`.
//! - `floor_safe` and `floor_unchecked` (heads of whole inputs without
//!   chunked bodies): two parsers of this benchmark's own that check only
//!   what picohttpparser checks, one in safe Rust, one with unchecked
//!   reads and SSE2 intrinsics (see `floor/mod.rs`): how fast a Rust head
//!   parser gets with picohttpparser's checks, and what `unsafe` adds.
//! - `picohttpparser`: `phr_parse_request` (with `last_len`, its incremental
//!   mode, in `byte_at_a_time`) and `phr_decode_chunked`.
//!
//! Each contender hands every start line, field and body piece to a sink
//! that `black_box`es it and folds its length into a tally. Before any
//! timing, each contender runs once with a sink that records everything,
//! and the records must agree with each other, with the input (requests,
//! fields, framing, body bytes) and with what the test kit's loop
//! (`h1wire_testkit::drive`, every call checked against the buffer contract
//! and the event grammar) reads from the same input fed the same way, so a
//! broken contender cannot look fast. The timed loops are this file's own,
//! as tight as a caller's loop can be: the kit's loop checks far too much
//! to be timed.
//!
//! Compile only (CI):
//!     cargo bench --no-run
//! Short run, 22 functions in about 45 s on 2 noisy cores (well under 3 min):
//!     cargo bench --bench decode -- --warm-up-time 0.5 --measurement-time 1
//! (`-- --quick` also works, about 25 s, but skips the warm-up and is noisier.
//! `-- --help` prints nothing useful: criterion is built without clap's help.)
//! Full run, criterion's defaults (3 s warm-up, 5 s measurement each), ~4 min:
//!     cargo bench --bench decode
//! One group, or one contender everywhere:
//!     cargo bench --bench decode -- chunked_64/
//!     cargo bench --bench decode -- /h1wire
//! On a noisy machine, the contenders of each group timed round-robin
//! instead of by criterion, so that their ratios come from the same
//! minutes of the host (a Markdown table of each one's fastest and median
//! batch; about 1.3 s a group for 30 rounds; FILTER picks groups):
//!     H1WIRE_MIN_OF=30 cargo bench --bench decode [-- FILTER]
//! Comparing two builds of h1wire: `python3 benches/ab.py` (both in one
//! harness, batches alternating).
//! Builds in this repository pad x86 branches off 32-byte boundaries
//! (`.cargo/config.toml`): on CPUs with the JCC-erratum microcode, code
//! placement alone otherwise moved a contender by up to 25% between two
//! builds of the same instructions.

use std::ffi::{c_char, c_int};
use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{criterion_group, BatchSize, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use h1wire::{
    Config, Decoder, Event, Field, Framing, Head, HeadStatus, MethodKind, StartLine, Status,
    Version,
};
use h1wire_testkit::{drive, End, Pieces, Start};
use picohttpparser_sys::{
    phr_chunked_decoder, phr_decode_chunked, phr_header, phr_parse_request, phr_parse_response,
};

mod fastest;
mod floor;
mod inputs;
use inputs::{Feed, Input};

/// Header array size for httparse and picohttpparser.
const MAX_HEADERS: usize = 32;

/// How a message body is framed, as each contender's caller works it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    None,
    Length(u64),
    Chunked,
    /// A framing these inputs never use (close-delimited, upgrade).
    Other,
}

/// Where a contender hands what it decoded.
trait Sink {
    fn request(&mut self, method: &[u8], target: &[u8], minor: u8);
    fn header(&mut self, name: &[u8], value: &[u8]);
    fn head_end(&mut self, body: BodyKind);
    fn body(&mut self, data: &[u8]);
    fn trailer(&mut self, name: &[u8], value: &[u8]);
    fn end(&mut self);
}

/// The sink of the timed runs: every slice goes through `black_box`, and its
/// length into the tally.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    messages: usize,
    fields: usize,
    /// Bytes of methods, targets, field names and values.
    head_bytes: usize,
    body_bytes: usize,
}

impl Sink for Tally {
    #[inline(always)]
    fn request(&mut self, method: &[u8], target: &[u8], minor: u8) {
        let (method, target, _) = black_box((method, target, minor));
        self.head_bytes += method.len() + target.len();
    }
    #[inline(always)]
    fn header(&mut self, name: &[u8], value: &[u8]) {
        let (name, value) = black_box((name, value));
        self.fields += 1;
        self.head_bytes += name.len() + value.len();
    }
    #[inline(always)]
    fn head_end(&mut self, body: BodyKind) {
        black_box(body);
    }
    #[inline(always)]
    fn body(&mut self, data: &[u8]) {
        self.body_bytes += black_box(data).len();
    }
    #[inline(always)]
    fn trailer(&mut self, name: &[u8], value: &[u8]) {
        let (name, value) = black_box((name, value));
        self.head_bytes += name.len() + value.len();
    }
    #[inline(always)]
    fn end(&mut self) {
        self.messages += 1;
    }
}

/// One request as recorded by [`Transcript`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Message {
    method: Vec<u8>,
    target: Vec<u8>,
    minor: u8,
    fields: Vec<(Vec<u8>, Vec<u8>)>,
    framing: Option<BodyKind>,
    body: Vec<u8>,
    trailers: Vec<(Vec<u8>, Vec<u8>)>,
    complete: bool,
}

/// The sink of the agreement check: it records everything.
#[derive(Debug, Default, PartialEq, Eq)]
struct Transcript(Vec<Message>);

impl Transcript {
    fn current(&mut self) -> &mut Message {
        self.0.last_mut().expect("an event before the request line")
    }
}

impl Sink for Transcript {
    fn request(&mut self, method: &[u8], target: &[u8], minor: u8) {
        self.0.push(Message {
            method: method.to_vec(),
            target: target.to_vec(),
            minor,
            ..Message::default()
        });
    }
    fn header(&mut self, name: &[u8], value: &[u8]) {
        self.current().fields.push((name.to_vec(), value.to_vec()));
    }
    fn head_end(&mut self, body: BodyKind) {
        self.current().framing = Some(body);
    }
    fn body(&mut self, data: &[u8]) {
        self.current().body.extend_from_slice(data);
    }
    fn trailer(&mut self, name: &[u8], value: &[u8]) {
        self.current()
            .trailers
            .push((name.to_vec(), value.to_vec()));
    }
    fn end(&mut self) {
        self.current().complete = true;
    }
}

// ---------------------------------------------------------------- h1wire

#[inline(always)]
fn h1wire_event<S: Sink>(event: Event<'_>, sink: &mut S) {
    match event {
        Event::Request(line) => {
            let minor = match line.version {
                Version::Http10 => 0,
                Version::Http11 => 1,
            };
            sink.request(line.method, line.target, minor);
        }
        Event::Response(_) => unreachable!("these benchmarks decode requests"),
        Event::Header(field) => sink.header(field.name, field.value),
        Event::HeadEnd(head) => sink.head_end(body_kind(head.framing)),
        Event::Body(data) => sink.body(data),
        Event::Trailer(field) => sink.trailer(field.name, field.value),
        Event::MessageEnd => sink.end(),
    }
}

#[inline(always)]
fn body_kind(framing: Framing) -> BodyKind {
    match framing {
        Framing::None => BodyKind::None,
        Framing::Length(n) => BodyKind::Length(n),
        Framing::Chunked => BodyKind::Chunked,
        Framing::Close | Framing::Upgrade => BodyKind::Other,
    }
}

/// The whole stream in one buffer: decode until `NeedMore`, then `finish`.
/// A timed loop: kept as tight as a caller's, not the test kit's `drive`
/// (which `check` runs over the same input first).
fn h1wire_whole<S: Sink>(input: &[u8], sink: &mut S) {
    let mut decoder = Decoder::server(Config::default());
    let mut rest = input;
    loop {
        let step = decoder.decode(rest).expect("h1wire: invalid input");
        match step.status {
            Status::Event(event) => h1wire_event(event, sink),
            Status::NeedMore => break,
            // (No `{:?}` of the step: formatting it would keep every
            // step in memory, a cost of this loop, not of the decoder.)
            Status::Upgraded => panic!("h1wire: unexpected upgrade"),
            Status::Closed => panic!("h1wire: unexpected close"),
        }
        rest = &rest[step.consumed..];
    }
    assert!(decoder.finish().expect("h1wire: truncated input").is_none());
}

/// One more byte per call: each call gets `&input[consumed..available]`.
/// A timed loop: kept as tight as a caller's, not the test kit's `drive`
/// (which `check` runs over the same input first).
fn h1wire_trickle<S: Sink>(input: &[u8], sink: &mut S) {
    let mut decoder = Decoder::server(Config::default());
    let mut consumed = 0;
    for available in 1..=input.len() {
        loop {
            let step = decoder
                .decode(&input[consumed..available])
                .expect("h1wire: invalid input");
            consumed += step.consumed;
            match step.status {
                Status::Event(event) => h1wire_event(event, sink),
                Status::NeedMore => break,
                Status::Upgraded => panic!("h1wire: unexpected upgrade"),
                Status::Closed => panic!("h1wire: unexpected close"),
            }
        }
    }
    assert!(decoder.finish().expect("h1wire: truncated input").is_none());
}

/// The at-once APIs: `Decoder::decode_head` (fields into an array on the
/// stack) for each head, `Decoder::decode_body` for each body.
fn h1wire_head_whole<S: Sink>(input: &[u8], sink: &mut S) {
    let mut decoder = Decoder::server(Config::default());
    // One field array for the whole input, as httparse's caller has one
    // header array; the piece array is made where a body is read, as a
    // caller would (a bodyless request never pays for it).
    let mut fields = [Field::EMPTY; MAX_HEADERS];
    let mut rest = input;
    while !rest.is_empty() {
        let head = match decoder.decode_head(rest, &mut fields) {
            Ok(HeadStatus::Complete(head)) => head,
            Ok(_) => panic!("h1wire: no whole head"),
            Err(error) => panic!("h1wire: {error}"),
        };
        let framing = h1wire_head(&head, sink);
        rest = &rest[head.len..];
        if framing != Framing::None {
            let mut pieces = [&b""[..]; BODY_PIECES];
            rest = h1wire_body(&mut decoder, rest, &mut pieces, sink);
        }
    }
    assert!(decoder.finish().expect("h1wire: truncated input").is_none());
}

/// One more byte per call through `decode_head`: it reads on from where
/// the last call stopped, nothing consumed until the head is whole. The
/// input is one request without a body.
fn h1wire_head_trickle<S: Sink>(input: &[u8], sink: &mut S) {
    let mut decoder = Decoder::server(Config::default());
    // One array for every call, as httparse's careful caller has: every
    // call's input is a slice of the same buffer.
    let mut fields = [Field::EMPTY; MAX_HEADERS];
    for available in 1..=input.len() {
        match decoder.decode_head(&input[..available], &mut fields) {
            Ok(HeadStatus::NeedMore) => {}
            Ok(HeadStatus::Complete(head)) => {
                assert_eq!(head.len, input.len());
                assert_eq!(h1wire_head(&head, sink), Framing::None);
                return;
            }
            Ok(HeadStatus::NotAtHead) => panic!("h1wire: not at a head"),
            Err(error) => panic!("h1wire: {error}"),
        }
    }
    panic!("h1wire: incomplete request");
}

/// Hand a head read at once to the sink (a message without a body ends
/// with it); returns its framing.
#[inline(always)]
fn h1wire_head<S: Sink>(head: &Head<'_, '_>, sink: &mut S) -> Framing {
    let StartLine::Request(line) = head.start else {
        unreachable!("these benchmarks decode requests");
    };
    h1wire_event(Event::Request(line), sink);
    for field in head.fields {
        sink.header(field.name, field.value);
    }
    sink.head_end(body_kind(head.framing));
    if head.framing == Framing::None {
        sink.end();
    }
    head.framing
}

/// The body after a head through the body-at-once API (`decode_body`,
/// pieces into an array on the stack), up to `MessageEnd`; returns the rest.
#[inline(always)]
fn h1wire_body<'a, S: Sink>(
    decoder: &mut Decoder,
    mut rest: &'a [u8],
    pieces: &mut [&'a [u8]],
    sink: &mut S,
) -> &'a [u8] {
    loop {
        let read = decoder
            .decode_body(rest, pieces)
            .expect("h1wire: invalid body");
        rest = &rest[read.consumed..];
        for &data in read.pieces {
            sink.body(data);
        }
        match read.then {
            None => {}
            Some(Status::Event(event)) => {
                h1wire_event(event, sink);
                if event == Event::MessageEnd {
                    return rest;
                }
            }
            Some(_) => panic!("h1wire: a status other than an event after a body"),
        }
    }
}

/// Pieces of body data per `decode_body` call in the at-once contender.
const BODY_PIECES: usize = 64;

// ------------------------------------------- framing, for the other two

/// What a caller of httparse or picohttpparser must work out from the fields
/// to find the body. Minimal: h1wire also refuses duplicate or conflicting
/// framing fields, which these callers do not check.
#[derive(Default)]
struct FramingScan {
    length: Option<u64>,
    chunked: bool,
}

impl FramingScan {
    #[inline(always)]
    fn field(&mut self, name: &[u8], value: &[u8]) {
        if name.eq_ignore_ascii_case(b"content-length") {
            let length = value.iter().try_fold(0u64, |n, &b| {
                let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
                n.checked_mul(10)?.checked_add(u64::from(digit))
            });
            self.length = Some(length.expect("invalid Content-Length"));
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            let tail = value.len().saturating_sub(7);
            self.chunked = value[tail..].eq_ignore_ascii_case(b"chunked");
        }
    }

    fn kind(&self) -> BodyKind {
        match (self.chunked, self.length) {
            (true, _) => BodyKind::Chunked,
            (false, Some(n)) => BodyKind::Length(n),
            (false, None) => BodyKind::None,
        }
    }
}

// ---------------------------------------------------------------- httparse

/// Hand a parsed head to the sink; returns its body framing.
#[inline(always)]
fn httparse_head<S: Sink>(req: &httparse::Request<'_, '_>, sink: &mut S) -> BodyKind {
    let method = req.method.expect("httparse: no method").as_bytes();
    let target = req.path.expect("httparse: no path").as_bytes();
    sink.request(method, target, req.version.expect("httparse: no version"));
    let mut framing = FramingScan::default();
    for field in req.headers.iter() {
        sink.header(field.name.as_bytes(), field.value);
        framing.field(field.name.as_bytes(), field.value);
    }
    let kind = framing.kind();
    sink.head_end(kind);
    kind
}

/// A chunked body at the start of `input`, through `parse_chunk_size`, then
/// its trailer section through `parse_headers`. Returns the bytes it took.
#[inline(always)]
fn httparse_chunked<'a, S: Sink>(
    input: &'a [u8],
    headers: &mut [httparse::Header<'a>],
    sink: &mut S,
) -> usize {
    let mut pos = 0;
    loop {
        let (line, size) = match httparse::parse_chunk_size(&input[pos..]) {
            Ok(httparse::Status::Complete(chunk)) => chunk,
            Ok(httparse::Status::Partial) => panic!("httparse: truncated chunk size"),
            Err(error) => panic!("httparse: {error:?}"),
        };
        pos += line;
        if size == 0 {
            break;
        }
        let end = pos + usize::try_from(size).expect("chunk size");
        sink.body(&input[pos..end]);
        assert!(
            input[end..].starts_with(b"\r\n"),
            "httparse: no CRLF after chunk data"
        );
        pos = end + 2;
    }
    match httparse::parse_headers(&input[pos..], headers) {
        Ok(httparse::Status::Complete((len, trailers))) => {
            for field in trailers {
                sink.trailer(field.name.as_bytes(), field.value);
            }
            pos + len
        }
        Ok(httparse::Status::Partial) => panic!("httparse: truncated trailer section"),
        Err(error) => panic!("httparse: bad trailer section: {error}"),
    }
}

/// The whole stream in one buffer: parse a head, take its body, repeat.
fn httparse_whole<S: Sink>(input: &[u8], sink: &mut S) {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut pos = 0;
    while pos < input.len() {
        let mut req = httparse::Request::new(&mut headers);
        let len = match req.parse(&input[pos..]) {
            Ok(httparse::Status::Complete(len)) => len,
            Ok(httparse::Status::Partial) => panic!("httparse: partial"),
            Err(error) => panic!("httparse: {error}"),
        };
        let body = httparse_head(&req, sink);
        pos += len;
        match body {
            BodyKind::None => {}
            BodyKind::Length(n) => {
                let end = pos + usize::try_from(n).expect("body length");
                sink.body(&input[pos..end]);
                pos = end;
            }
            BodyKind::Chunked => pos += httparse_chunked(&input[pos..], &mut headers, sink),
            BodyKind::Other => unreachable!(),
        }
        sink.end();
    }
}

/// One more byte per call, the careful caller: it looks for `\r\n\r\n` in
/// the new bytes only (and the 3 before them), and calls `Request::parse`
/// once, when it has arrived. The input is one request without a body.
fn httparse_trickle<S: Sink>(input: &[u8], sink: &mut S) {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut searched: usize = 0;
    for available in 1..=input.len() {
        let from = searched.saturating_sub(3);
        searched = available;
        if !input[from..available].windows(4).any(|w| w == b"\r\n\r\n") {
            continue;
        }
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&input[..available]) {
            Ok(httparse::Status::Complete(len)) => assert_eq!(len, input.len()),
            Ok(httparse::Status::Partial) => panic!("httparse: partial"),
            Err(error) => panic!("httparse: {error}"),
        }
        assert_eq!(httparse_head(&req, sink), BodyKind::None);
        sink.end();
        return;
    }
    panic!("httparse: incomplete request");
}

/// One more byte per call, the naive caller: it parses from the start of
/// the request again after each `Partial`.
fn httparse_naive_trickle<S: Sink>(input: &[u8], sink: &mut S) {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    for available in 1..=input.len() {
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&input[..available]) {
            Ok(httparse::Status::Partial) => continue,
            Ok(httparse::Status::Complete(len)) => assert_eq!(len, input.len()),
            Err(error) => panic!("httparse: {error:?}"),
        }
        assert_eq!(httparse_head(&req, sink), BodyKind::None);
        sink.end();
        return;
    }
    panic!("httparse: incomplete request");
}

// ---------------------------------------------------------- picohttpparser

/// A slice picohttpparser pointed into `_buf` (a null pointer, which it uses
/// for the name of a continuation line, is the empty slice).
#[inline(always)]
fn pico_slice(_buf: &[u8], ptr: *const c_char, len: usize) -> &[u8] {
    if ptr.is_null() {
        return &[];
    }
    // SAFETY: on success, phr_parse_request sets every pointer it returns
    // (method, path, names, values) to `len` bytes inside the buffer it was
    // given, which is `_buf`.
    unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) }
}

/// `phr_parse_request` over `buf`, the front of a request (`last_len`: the
/// length of `buf` at the previous call for the same request, or 0). On a
/// complete head, hands it to the sink and returns its length and framing;
/// `None` when partial.
#[inline(always)]
fn pico_request<S: Sink>(
    buf: &[u8],
    last_len: usize,
    headers: &mut [phr_header; MAX_HEADERS],
    sink: &mut S,
) -> Option<(usize, BodyKind)> {
    let mut method = std::ptr::null();
    let mut method_len = 0;
    let mut path = std::ptr::null();
    let mut path_len = 0;
    let mut minor: c_int = -1;
    let mut num_headers = headers.len();
    // SAFETY: every pointer is valid for the call: `buf` for `buf.len()`
    // bytes, `headers` for `num_headers` entries, the rest are locals.
    let ret = unsafe {
        phr_parse_request(
            buf.as_ptr().cast(),
            buf.len(),
            &mut method,
            &mut method_len,
            &mut path,
            &mut path_len,
            &mut minor,
            headers.as_mut_ptr(),
            &mut num_headers,
            last_len,
        )
    };
    let len = match ret {
        -2 => return None,
        len if len > 0 => len as usize,
        _ => panic!("picohttpparser: invalid request"),
    };
    let minor = u8::try_from(minor).expect("picohttpparser: minor version");
    sink.request(
        pico_slice(buf, method, method_len),
        pico_slice(buf, path, path_len),
        minor,
    );
    let mut framing = FramingScan::default();
    for field in &headers[..num_headers] {
        let name = pico_slice(buf, field.name, field.name_len);
        let value = pico_slice(buf, field.value, field.value_len);
        sink.header(name, value);
        framing.field(name, value);
    }
    let kind = framing.kind();
    sink.head_end(kind);
    Some((len, kind))
}

/// The whole stream in one buffer, which `phr_decode_chunked` rewrites in
/// place: a chunked body comes out as one slice, its data moved over the
/// chunk framing, and the bytes after it moved up behind it.
/// picohttpparser skips trailer fields without reporting them.
fn pico_whole<S: Sink>(buf: &mut [u8], sink: &mut S) {
    let mut headers = [phr_header::default(); MAX_HEADERS];
    let mut pos = 0;
    let mut end = buf.len();
    while pos < end {
        let (len, body) =
            pico_request(&buf[pos..end], 0, &mut headers, sink).expect("picohttpparser: partial");
        pos += len;
        match body {
            BodyKind::None => {}
            BodyKind::Length(n) => {
                let body_end = pos + usize::try_from(n).expect("body length");
                sink.body(&buf[pos..body_end]);
                pos = body_end;
            }
            BodyKind::Chunked => {
                // SAFETY: the decoder is plain integers, and its C header says
                // it "should be zero-filled before start".
                let mut decoder: phr_chunked_decoder = unsafe { std::mem::zeroed() };
                decoder.consume_trailer = 1;
                let data = &mut buf[pos..end];
                let mut size = data.len();
                // SAFETY: `data` is valid for reads and writes of `size` bytes.
                let left = unsafe {
                    phr_decode_chunked(&mut decoder, data.as_mut_ptr().cast(), &mut size)
                };
                let left = usize::try_from(left).expect("picohttpparser: bad chunked body");
                sink.body(&data[..size]);
                pos += size;
                end = pos + left;
            }
            BodyKind::Other => unreachable!(),
        }
        sink.end();
    }
}

/// One more byte per call, through picohttpparser's incremental mode: the
/// whole request so far, and `last_len`, the length at the previous call,
/// so that it only looks at the new bytes for the end of the head. The
/// input is one request without a body.
fn pico_trickle<S: Sink>(input: &[u8], sink: &mut S) {
    let mut headers = [phr_header::default(); MAX_HEADERS];
    let mut last_len = 0;
    for available in 1..=input.len() {
        match pico_request(&input[..available], last_len, &mut headers, sink) {
            None => last_len = available,
            Some((len, body)) => {
                assert_eq!((len, body), (input.len(), BodyKind::None));
                sink.end();
                return;
            }
        }
    }
    panic!("picohttpparser: incomplete request");
}

// ---------------------------------------------------------------- floor

/// One of the floor's request parsers (`floor/mod.rs`).
type FloorRequest =
    for<'a, 'f> fn(&'a [u8], &'f mut [floor::Pair<'a>]) -> Option<floor::RequestHead<'a>>;

/// The whole stream in one buffer through a floor parser: a head, its
/// body by Content-Length, repeat. Only for inputs without chunked bodies.
#[inline(always)]
fn floor_whole<S: Sink>(input: &[u8], sink: &mut S, parse: FloorRequest) {
    let mut fields: [floor::Pair<'_>; MAX_HEADERS] = [(&[], &[]); MAX_HEADERS];
    let mut pos = 0;
    while pos < input.len() {
        let head = parse(&input[pos..], &mut fields).expect("floor: partial or invalid head");
        sink.request(head.method, head.target, head.minor);
        let mut framing = FramingScan::default();
        for &(name, value) in &fields[..head.fields] {
            sink.header(name, value);
            framing.field(name, value);
        }
        let kind = framing.kind();
        sink.head_end(kind);
        pos += head.len;
        match kind {
            BodyKind::None => {}
            BodyKind::Length(n) => {
                let end = pos + usize::try_from(n).expect("body length");
                sink.body(&input[pos..end]);
                pos = end;
            }
            BodyKind::Chunked | BodyKind::Other => unreachable!("floor: no chunked inputs"),
        }
        sink.end();
    }
}

fn floor_safe_whole<S: Sink>(input: &[u8], sink: &mut S) {
    floor_whole(input, sink, floor::safe::request);
}

#[cfg(target_arch = "x86_64")]
fn floor_unchecked_whole<S: Sink>(input: &[u8], sink: &mut S) {
    floor_whole(input, sink, floor::unchecked::request);
}

// ---------------------------------------------------------------- harness

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Contender {
    H1wire,
    H1wireHead,
    Httparse,
    HttparseNaive,
    Picohttpparser,
    FloorSafe,
    #[cfg(target_arch = "x86_64")]
    FloorUnchecked,
}

/// The contenders of whole inputs with chunked bodies (the floor reads
/// heads only).
const WHOLE: &[Contender] = &[
    Contender::H1wire,
    Contender::H1wireHead,
    Contender::Httparse,
    Contender::Picohttpparser,
];

/// The contenders of the other whole inputs.
const WHOLE_HEADS: &[Contender] = &[
    Contender::H1wire,
    Contender::H1wireHead,
    Contender::Httparse,
    Contender::Picohttpparser,
    Contender::FloorSafe,
    #[cfg(target_arch = "x86_64")]
    Contender::FloorUnchecked,
];

impl Contender {
    fn name(self) -> &'static str {
        match self {
            Contender::H1wire => "h1wire",
            Contender::H1wireHead => "h1wire_head",
            Contender::Httparse => "httparse",
            Contender::HttparseNaive => "httparse_naive",
            Contender::Picohttpparser => "picohttpparser",
            Contender::FloorSafe => "floor_safe",
            #[cfg(target_arch = "x86_64")]
            Contender::FloorUnchecked => "floor_unchecked",
        }
    }

    fn all(input: &Input) -> &'static [Contender] {
        match input.feed {
            Feed::Whole if input.chunked => WHOLE,
            Feed::Whole => WHOLE_HEADS,
            Feed::ByteAtATime => &[
                Contender::H1wire,
                Contender::H1wireHead,
                Contender::Httparse,
                Contender::HttparseNaive,
                Contender::Picohttpparser,
            ],
        }
    }

    /// The timed reader of this contender for `feed`, over a shared input;
    /// `None` for picohttpparser on a whole input, which decodes in place
    /// and so is given a buffer of its own by each caller.
    fn reader(self, feed: Feed) -> Option<fn(&[u8], &mut Tally)> {
        Some(match (self, feed) {
            (Contender::H1wire, Feed::Whole) => h1wire_whole,
            (Contender::H1wire, Feed::ByteAtATime) => h1wire_trickle,
            (Contender::H1wireHead, Feed::Whole) => h1wire_head_whole,
            (Contender::H1wireHead, Feed::ByteAtATime) => h1wire_head_trickle,
            (Contender::Httparse, Feed::Whole) => httparse_whole,
            (Contender::Httparse, Feed::ByteAtATime) => httparse_trickle,
            (Contender::HttparseNaive, Feed::ByteAtATime) => httparse_naive_trickle,
            (Contender::Picohttpparser, Feed::ByteAtATime) => pico_trickle,
            (Contender::Picohttpparser, Feed::Whole) => return None,
            (Contender::FloorSafe, Feed::Whole) => floor_safe_whole,
            #[cfg(target_arch = "x86_64")]
            (Contender::FloorUnchecked, Feed::Whole) => floor_unchecked_whole,
            (Contender::HttparseNaive | Contender::FloorSafe, _) => unreachable!(),
            #[cfg(target_arch = "x86_64")]
            (Contender::FloorUnchecked, Feed::ByteAtATime) => unreachable!(),
        })
    }

    /// One run over a private copy of the input (picohttpparser may rewrite it).
    fn run<S: Sink>(self, input: &Input, sink: &mut S) {
        let mut copy = input.bytes.clone();
        let bytes = &input.bytes[..];
        match (self, input.feed) {
            (Contender::H1wire, Feed::Whole) => h1wire_whole(bytes, sink),
            (Contender::H1wire, Feed::ByteAtATime) => h1wire_trickle(bytes, sink),
            (Contender::H1wireHead, Feed::Whole) => h1wire_head_whole(bytes, sink),
            (Contender::H1wireHead, Feed::ByteAtATime) => h1wire_head_trickle(bytes, sink),
            (Contender::Httparse, Feed::Whole) => httparse_whole(bytes, sink),
            (Contender::Httparse, Feed::ByteAtATime) => httparse_trickle(bytes, sink),
            (Contender::HttparseNaive, Feed::ByteAtATime) => httparse_naive_trickle(bytes, sink),
            (Contender::Picohttpparser, Feed::Whole) => {
                pico_whole(&mut copy, sink);
                // The timed loop reuses one copy when there is nothing to
                // decode in place: make sure nothing was.
                assert!(input.chunked || copy == input.bytes, "pico wrote the input");
            }
            (Contender::Picohttpparser, Feed::ByteAtATime) => pico_trickle(bytes, sink),
            (Contender::FloorSafe, Feed::Whole) => floor_safe_whole(bytes, sink),
            #[cfg(target_arch = "x86_64")]
            (Contender::FloorUnchecked, Feed::Whole) => floor_unchecked_whole(bytes, sink),
            (Contender::HttparseNaive | Contender::FloorSafe, _) => unreachable!(),
            #[cfg(target_arch = "x86_64")]
            (Contender::FloorUnchecked, Feed::ByteAtATime) => unreachable!(),
        }
    }
}

/// Outside the timed loop: every contender must find the same requests,
/// fields, framing and body bytes in `input`, the ones `input` says it
/// holds, and the ones the test kit's loop reads; and the tally of the
/// timed sink must match.
fn check(input: &Input) {
    let mut reference: Option<Transcript> = None;
    for &contender in Contender::all(input) {
        let who = format!("{}/{}", input.name, contender.name());
        let mut transcript = Transcript::default();
        contender.run(input, &mut transcript);
        let messages = &transcript.0;
        assert_eq!(messages.len(), input.messages, "{who}: requests");
        assert!(messages.iter().all(|m| m.complete), "{who}: incomplete");
        let fields: usize = messages.iter().map(|m| m.fields.len()).sum();
        assert_eq!(fields, input.fields, "{who}: fields");
        let body: Vec<u8> = messages.iter().flat_map(|m| m.body.clone()).collect();
        assert!(body == input.body, "{who}: body differs");
        for m in messages {
            let expected = match m.framing {
                Some(BodyKind::Length(n)) => n as usize,
                Some(BodyKind::None) | Some(BodyKind::Chunked) => m.body.len(),
                other => panic!("{who}: framing {other:?}"),
            };
            assert_eq!(m.body.len(), expected, "{who}: body length");
        }

        let mut tally = Tally::default();
        contender.run(input, &mut tally);
        let head_bytes: usize = messages
            .iter()
            .map(|m| {
                m.method.len()
                    + m.target.len()
                    + m.fields
                        .iter()
                        .chain(&m.trailers)
                        .map(|(n, v)| n.len() + v.len())
                        .sum::<usize>()
            })
            .sum();
        let expected = Tally {
            messages: input.messages,
            fields: input.fields,
            head_bytes,
            body_bytes: input.body.len(),
        };
        assert_eq!(tally, expected, "{who}: tally");

        match &reference {
            None => reference = Some(transcript),
            Some(first) => assert!(
                *first == transcript,
                "{who}: disagrees with {}",
                Contender::all(input)[0].name()
            ),
        }
    }
    assert!(
        reference == Some(kit_transcript(input)),
        "{}: the contenders disagree with the test kit's loop",
        input.name
    );
}

/// What the test kit's loop (every call checked) reads from the input, fed
/// as the contenders are fed it, as a transcript.
fn kit_transcript(input: &Input) -> Transcript {
    let pieces = match input.feed {
        Feed::Whole => Pieces::whole(),
        Feed::ByteAtATime => Pieces::bytewise(),
    };
    let decoder = &mut Decoder::server(Config::default());
    let trace = drive(decoder, &input.bytes, pieces);
    assert_eq!(trace.end(), End::Closed, "{}: the kit's loop", input.name);
    let messages = trace.reduction.messages.iter().map(|m| {
        let Start::Request {
            method,
            target,
            version,
        } = &m.start
        else {
            unreachable!("a server's decoder reads requests");
        };
        Message {
            method: method.clone(),
            target: target.clone(),
            minor: match version {
                Version::Http10 => 0,
                Version::Http11 => 1,
            },
            fields: m.headers.clone(),
            framing: m.framing.map(body_kind),
            body: m.body.clone(),
            trailers: m.trailers.clone(),
            complete: m.complete,
        }
    });
    Transcript(messages.collect())
}

/// Time `f` over the input (shared, read-only).
fn bench_ref(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    bytes: &[u8],
    f: impl Fn(&[u8], &mut Tally),
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut tally = Tally::default();
            f(black_box(bytes), &mut tally);
            tally
        })
    });
}

fn bench_group(c: &mut Criterion, input: &Input) {
    let mut group = c.benchmark_group(input.name);
    group.throughput(Throughput::Bytes(input.bytes.len() as u64));
    if input.chunked {
        // Up to ~0.3 ms per iteration (chunked_64): flat
        // sampling keeps a short run within its measurement time.
        group.sampling_mode(SamplingMode::Flat);
    }
    let bytes = &input.bytes[..];
    for &contender in Contender::all(input) {
        let name = contender.name();
        if let Some(read) = contender.reader(input.feed) {
            bench_ref(&mut group, name, bytes, read);
            continue;
        }
        match contender {
            Contender::Picohttpparser if input.chunked => {
                // phr_decode_chunked decodes in place, so each iteration
                // needs a fresh copy of the input (made outside the timing).
                // Its number thus includes moving every byte of chunk data
                // over the chunk framing, where h1wire and httparse hand the
                // chunk data over as slices of the input, without copying.
                group.bench_function(name, |b| {
                    b.iter_batched_ref(
                        || bytes.to_vec(),
                        |buf| {
                            let mut tally = Tally::default();
                            pico_whole(buf, &mut tally);
                            tally
                        },
                        BatchSize::LargeInput,
                    )
                });
            }
            Contender::Picohttpparser => {
                // Without a chunked body picohttpparser writes nothing, so
                // one mutable copy serves every iteration.
                let mut buf = bytes.to_vec();
                group.bench_function(name, |b| {
                    b.iter(|| {
                        let mut tally = Tally::default();
                        pico_whole(black_box(&mut buf), &mut tally);
                        tally
                    })
                });
            }
            // Every other contender has a reader for a shared input.
            _ => unreachable!("{name}: no reader"),
        }
    }
    group.finish();
}

// ---------------------------------------------------------------- responses

/// A response head as each contender reads it: status, fields (handed to
/// a sink that `black_box`es them), framing of the body.
type ResponseRead = (u16, usize, usize, BodyKind);

/// A contender of `ok_response_313`: its name and how it reads a head.
type ResponseReader = (&'static str, fn(&[u8]) -> ResponseRead);

/// The client's decoder, events: status line, fields, framing.
fn h1wire_response(input: &[u8]) -> ResponseRead {
    let mut decoder = Decoder::client(Config::default());
    decoder.expect_response(MethodKind::Other).expect("room");
    let (mut status, mut fields, mut bytes) = (0, 0, 0);
    let mut rest = input;
    loop {
        let step = decoder.decode(rest).expect("h1wire: invalid response");
        rest = &rest[step.consumed..];
        match step.status {
            Status::Event(Event::Response(line)) => status = black_box(line).status,
            Status::Event(Event::Header(field)) => {
                let (name, value) = black_box((field.name, field.value));
                fields += 1;
                bytes += name.len() + value.len();
            }
            Status::Event(Event::HeadEnd(end)) => {
                return (status, fields, bytes, body_kind(end.framing))
            }
            _ => panic!("h1wire: a response head was expected"),
        }
    }
}

/// The client's decoder, the head at once.
fn h1wire_head_response(input: &[u8]) -> ResponseRead {
    let mut decoder = Decoder::client(Config::default());
    decoder.expect_response(MethodKind::Other).expect("room");
    let mut fields = [Field::EMPTY; MAX_HEADERS];
    let head = match decoder.decode_head(input, &mut fields) {
        Ok(HeadStatus::Complete(head)) => head,
        Ok(_) => panic!("h1wire: no whole head"),
        Err(error) => panic!("h1wire: {error}"),
    };
    let StartLine::Response(line) = head.start else {
        unreachable!("a client's decoder reads responses");
    };
    let mut bytes = 0;
    for field in head.fields {
        let (name, value) = black_box((field.name, field.value));
        bytes += name.len() + value.len();
    }
    (
        black_box(line).status,
        head.fields.len(),
        bytes,
        body_kind(head.framing),
    )
}

fn httparse_response(input: &[u8]) -> ResponseRead {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    match response.parse(input) {
        Ok(httparse::Status::Complete(len)) => assert_eq!(len, input.len()),
        Ok(httparse::Status::Partial) => panic!("httparse: partial"),
        Err(error) => panic!("httparse: {error}"),
    }
    let mut framing = FramingScan::default();
    let mut bytes = 0;
    for field in response.headers.iter() {
        let (name, value) = black_box((field.name.as_bytes(), field.value));
        bytes += name.len() + value.len();
        framing.field(name, value);
    }
    let status = black_box(response.code.expect("httparse: no status"));
    (status, response.headers.len(), bytes, framing.kind())
}

fn pico_response(input: &[u8]) -> ResponseRead {
    let mut headers = [phr_header::default(); MAX_HEADERS];
    let mut minor: c_int = -1;
    let mut status: c_int = 0;
    let mut msg = std::ptr::null();
    let mut msg_len = 0;
    let mut num_headers = headers.len();
    // SAFETY: every pointer is valid for the call: `input` for its length,
    // `headers` for `num_headers` entries, the rest are locals.
    let ret = unsafe {
        phr_parse_response(
            input.as_ptr().cast(),
            input.len(),
            &mut minor,
            &mut status,
            &mut msg,
            &mut msg_len,
            headers.as_mut_ptr(),
            &mut num_headers,
            0,
        )
    };
    assert_eq!(
        ret,
        input.len() as c_int,
        "picohttpparser: invalid response"
    );
    black_box(pico_slice(input, msg, msg_len));
    let mut framing = FramingScan::default();
    let mut bytes = 0;
    for field in &headers[..num_headers] {
        let name = pico_slice(input, field.name, field.name_len);
        let value = pico_slice(input, field.value, field.value_len);
        let (name, value) = black_box((name, value));
        bytes += name.len() + value.len();
        framing.field(name, value);
    }
    (status as u16, num_headers, bytes, framing.kind())
}

/// One of the floor's response parsers (`floor/mod.rs`).
type FloorResponse =
    for<'a, 'f> fn(&'a [u8], &'f mut [floor::Pair<'a>]) -> Option<floor::ResponseHead<'a>>;

/// A response head through a floor parser, framed as for httparse.
#[inline(always)]
fn floor_response(input: &[u8], parse: FloorResponse) -> ResponseRead {
    let mut fields: [floor::Pair<'_>; MAX_HEADERS] = [(&[], &[]); MAX_HEADERS];
    let head = parse(input, &mut fields).expect("floor: partial or invalid response");
    assert_eq!(head.len, input.len());
    black_box((head.minor, head.reason));
    let mut framing = FramingScan::default();
    let mut bytes = 0;
    for &(name, value) in &fields[..head.fields] {
        let (name, value) = black_box((name, value));
        bytes += name.len() + value.len();
        framing.field(name, value);
    }
    (black_box(head.status), head.fields, bytes, framing.kind())
}

fn floor_safe_response(input: &[u8]) -> ResponseRead {
    floor_response(input, floor::safe::response)
}

#[cfg(target_arch = "x86_64")]
fn floor_unchecked_response(input: &[u8]) -> ResponseRead {
    floor_response(input, floor::unchecked::response)
}

/// The contenders of `ok_response_313`.
const RESPONSE_READERS: &[ResponseReader] = &[
    ("h1wire", h1wire_response),
    ("h1wire_head", h1wire_head_response),
    ("httparse", httparse_response),
    ("picohttpparser", pico_response),
    ("floor_safe", floor_safe_response),
    #[cfg(target_arch = "x86_64")]
    ("floor_unchecked", floor_unchecked_response),
];

/// `ok_response_313`: the 313-byte `200 OK` head with nine fields (the
/// encode benchmark's `encode_ok_313`), read by each contender as a
/// client would; checked to agree before timing.
fn response_group(c: &mut Criterion) {
    let input = inputs::OK_RESPONSE_313;
    assert_eq!(input.len(), 313);
    let field_bytes = 313 - 17 - 2 - 9 * 4;
    for &(name, read) in RESPONSE_READERS {
        assert_eq!(
            read(input),
            (200, 9, field_bytes, BodyKind::Length(12648)),
            "ok_response_313/{name}"
        );
    }
    let mut group = c.benchmark_group("ok_response_313");
    group.throughput(Throughput::Bytes(input.len() as u64));
    for &(name, read) in RESPONSE_READERS {
        group.bench_function(name, |b| b.iter(|| read(black_box(input))));
    }
    group.finish();
}

fn decode(c: &mut Criterion) {
    let inputs = inputs::all();
    for input in &inputs {
        check(input);
    }
    for input in &inputs {
        bench_group(c, input);
    }
    response_group(c);
}

criterion_group!(benches, decode);

/// `H1WIRE_MIN_OF=ROUNDS cargo bench --bench decode [-- FILTER]`: the
/// contenders of each group timed round-robin instead of by criterion
/// (see `fastest`), the same checked inputs and timed functions; FILTER
/// picks groups by name. (picohttpparser on chunked input is left out:
/// it decodes in place, so each run needs a fresh copy.)
fn round_robin(rounds: usize, filter: Option<&str>) {
    let wanted = |group: &str| filter.is_none_or(|f| group.contains(f));
    let inputs = inputs::all();
    for input in &inputs {
        check(input);
    }
    for input in inputs.iter().filter(|input| wanted(input.name)) {
        let bytes = &input.bytes[..];
        let mut contenders: Vec<fastest::Contender<'_>> = Vec::new();
        for &contender in Contender::all(input) {
            let Some(read) = contender.reader(input.feed) else {
                if input.chunked {
                    continue;
                }
                // It decodes in place: its own copy.
                let mut buf = bytes.to_vec();
                contenders.push((
                    contender.name(),
                    Box::new(move || {
                        let mut tally = Tally::default();
                        pico_whole(black_box(&mut buf), &mut tally);
                        black_box(tally);
                    }),
                ));
                continue;
            };
            contenders.push((
                contender.name(),
                Box::new(move || {
                    let mut tally = Tally::default();
                    read(black_box(bytes), &mut tally);
                    black_box(tally);
                }),
            ));
        }
        fastest::compare(input.name, rounds, &mut contenders);
    }
    if wanted("ok_response_313") {
        let mut contenders: Vec<fastest::Contender<'_>> = RESPONSE_READERS
            .iter()
            .map(|&(name, read)| -> fastest::Contender<'_> {
                (
                    name,
                    Box::new(move || {
                        black_box(read(black_box(inputs::OK_RESPONSE_313)));
                    }),
                )
            })
            .collect();
        fastest::compare("ok_response_313", rounds, &mut contenders);
    }
}

fn main() {
    fastest::main(round_robin, benches);
}
