//! Helpers shared by the integration tests: an owned copy of the decoder's
//! events, a driver that feeds the decoder the way a real caller does (and
//! checks the buffer contract on every call), a checker of what any decoded
//! event stream must look like, a small writer that turns a described
//! request into bytes, and ([`gen`]) proptest generators of such requests.
//!
//! Each test crate uses a different part of this module.
#![allow(dead_code)]

pub mod gen;
pub mod pair;

use h1wire::{
    Config, Decoder, Error, ErrorKind, Event, Framing, Lenient, MethodKind, Status, Version,
};

// ---------------------------------------------------------------------------
// Owned events
// ---------------------------------------------------------------------------

/// An [`Event`] copied out of the buffer it borrowed, plus the two ways a
/// stream ends that are not events (an error, an upgrade).
#[derive(Clone, PartialEq, Eq)]
pub enum Ev {
    Request {
        method: Vec<u8>,
        target: Vec<u8>,
        version: Version,
    },
    Response {
        version: Version,
        status: u16,
        reason: Vec<u8>,
    },
    Header(Vec<u8>, Vec<u8>),
    HeadEnd(Framing),
    Body(Vec<u8>),
    Trailer(Vec<u8>, Vec<u8>),
    MessageEnd,
    /// `Status::Upgraded`: the bytes the decoder left for the new protocol
    /// (the unconsumed input plus everything not fed yet).
    Upgraded(Vec<u8>),
    /// The decoder failed: the kind and the stream offset.
    Error(ErrorKind, u64),
}

/// Bytes shown as a Rust byte string, so failing assertions stay readable.
pub struct Show<'a>(pub &'a [u8]);

impl std::fmt::Debug for Show<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("b\"")?;
        for &b in self.0 {
            for c in std::ascii::escape_default(b) {
                f.write_char(char::from(c))?;
            }
        }
        f.write_str("\"")
    }
}

use std::fmt::Write as _;

impl std::fmt::Debug for Ev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ev::Request {
                method,
                target,
                version,
            } => write!(
                f,
                "Request({:?} {:?} {})",
                Show(method),
                Show(target),
                version.as_str()
            ),
            Ev::Response {
                version,
                status,
                reason,
            } => write!(
                f,
                "Response({} {status} {:?})",
                version.as_str(),
                Show(reason)
            ),
            Ev::Header(n, v) => write!(f, "Header({:?}: {:?})", Show(n), Show(v)),
            Ev::HeadEnd(framing) => write!(f, "HeadEnd({framing:?})"),
            Ev::Body(data) => write!(f, "Body({:?})", Show(data)),
            Ev::Trailer(n, v) => write!(f, "Trailer({:?}: {:?})", Show(n), Show(v)),
            Ev::MessageEnd => f.write_str("MessageEnd"),
            Ev::Upgraded(rest) => write!(f, "Upgraded({:?})", Show(rest)),
            Ev::Error(kind, offset) => write!(f, "Error({kind} at {offset})"),
        }
    }
}

/// Shorthands that keep expected event lists short.
pub fn request(method: &str, target: &str, version: Version) -> Ev {
    Ev::Request {
        method: method.as_bytes().to_vec(),
        target: target.as_bytes().to_vec(),
        version,
    }
}

pub fn header(name: &str, value: &str) -> Ev {
    Ev::Header(name.as_bytes().to_vec(), value.as_bytes().to_vec())
}

pub fn trailer(name: &str, value: &str) -> Ev {
    Ev::Trailer(name.as_bytes().to_vec(), value.as_bytes().to_vec())
}

pub fn body(data: &[u8]) -> Ev {
    Ev::Body(data.to_vec())
}

/// Panics unless `inner` lies inside `outer` (a borrowed event slice must
/// point into the input of the call that returned it, never elsewhere).
fn assert_within(inner: &[u8], outer: &[u8], what: &str) {
    let o = outer.as_ptr_range();
    let i = inner.as_ptr_range();
    assert!(
        o.start <= i.start && i.end <= o.end,
        "{what} {:?} does not borrow the input slice it was decoded from",
        Show(inner)
    );
}

/// Copy an event out of `input`, checking that all it borrows lies in `input`.
pub fn own(event: Event<'_>, input: &[u8]) -> Ev {
    match event {
        Event::Request(line) => {
            assert_within(line.method, input, "method");
            assert_within(line.target, input, "target");
            Ev::Request {
                method: line.method.to_vec(),
                target: line.target.to_vec(),
                version: line.version,
            }
        }
        Event::Response(line) => {
            assert_within(line.reason, input, "reason");
            Ev::Response {
                version: line.version,
                status: line.status,
                reason: line.reason.to_vec(),
            }
        }
        Event::Header(field) => {
            assert_within(field.name, input, "header name");
            assert_within(field.value, input, "header value");
            Ev::Header(field.name.to_vec(), field.value.to_vec())
        }
        Event::HeadEnd(head) => Ev::HeadEnd(head.framing),
        Event::Body(data) => {
            assert_within(data, input, "body piece");
            assert!(!data.is_empty(), "Event::Body is documented never empty");
            Ev::Body(data.to_vec())
        }
        Event::Trailer(field) => {
            assert_within(field.name, input, "trailer name");
            assert_within(field.value, input, "trailer value");
            Ev::Trailer(field.name.to_vec(), field.value.to_vec())
        }
        Event::MessageEnd => Ev::MessageEnd,
    }
}

// ---------------------------------------------------------------------------
// Driving the decoder
// ---------------------------------------------------------------------------

/// Decode `input` fed in pieces of at most `split` bytes (the whole input at
/// once when `split >= input.len()`), then tell the decoder the stream ended.
pub fn decode_all(input: &[u8], config: Config, split: usize) -> Vec<Ev> {
    assert!(split >= 1, "split sizes start at 1");
    decode_pieces(input.chunks(split), config)
}

/// Decode `input` whole (one call with everything, then end of stream).
pub fn decode_whole(input: &[u8], config: Config) -> Vec<Ev> {
    decode_pieces([input], config)
}

/// Decode `input` cut at the given offsets (any order, duplicates and
/// offsets past the end are fine).
pub fn decode_cut_at(input: &[u8], config: Config, cuts: &[usize]) -> Vec<Ev> {
    let mut cuts: Vec<usize> = cuts.iter().map(|&c| c.min(input.len())).collect();
    cuts.push(0);
    cuts.push(input.len());
    cuts.sort_unstable();
    cuts.dedup();
    decode_pieces(cuts.windows(2).map(|w| &input[w[0]..w[1]]), config)
}

/// Feed the decoder as a real caller does: keep the unconsumed tail in a
/// buffer, append the next piece, decode until `NeedMore`, drop what was
/// consumed; at the end call `finish()`. Checks the buffer contract on every
/// call: `consumed` never exceeds the input, every borrowed slice lies in the
/// input, `position()` counts the consumed bytes, an error sticks, and the
/// decoder makes progress (no endless run of events that consume nothing).
pub fn decode_pieces<'p>(pieces: impl IntoIterator<Item = &'p [u8]>, config: Config) -> Vec<Ev> {
    drive(Decoder::server(config), pieces, config)
}

/// [`decode_pieces`] for a stream of responses: a client's decoder, told
/// the method of each request the responses answer, in order.
pub fn decode_responses<'p>(
    pieces: impl IntoIterator<Item = &'p [u8]>,
    config: Config,
    methods: &[MethodKind],
) -> Vec<Ev> {
    let mut decoder = Decoder::client(config);
    for &method in methods {
        decoder
            .expect_response(method)
            .expect("room for the methods");
    }
    drive(decoder, pieces, config)
}

/// Responses of `input` fed in pieces of at most `split` bytes.
pub fn decode_responses_split(
    input: &[u8],
    config: Config,
    methods: &[MethodKind],
    split: usize,
) -> Vec<Ev> {
    decode_responses(input.chunks(split.max(1)), config, methods)
}

fn drive<'p>(
    mut decoder: Decoder,
    pieces: impl IntoIterator<Item = &'p [u8]>,
    config: Config,
) -> Vec<Ev> {
    let pieces: Vec<&[u8]> = pieces.into_iter().collect();
    let mut buf: Vec<u8> = Vec::new();
    let mut events = Vec::new();
    let mut fed: u64 = 0;
    let mut dropped: u64 = 0;
    for (index, piece) in pieces.iter().enumerate() {
        buf.extend_from_slice(piece);
        fed += piece.len() as u64;
        // Events that consume nothing (MessageEnd does) can only come a few
        // in a row; more means the decoder would spin forever.
        let mut idle = 0;
        loop {
            let step = match decoder.decode(&buf) {
                Ok(step) => step,
                Err(error) => {
                    assert!(
                        error.offset() <= fed,
                        "error offset {} past the {fed} bytes given",
                        error.offset()
                    );
                    assert_error_sticks(&mut decoder, &buf, error);
                    events.push(Ev::Error(error.kind(), error.offset()));
                    return events;
                }
            };
            assert!(
                step.consumed <= buf.len(),
                "consumed {} of a {}-byte input",
                step.consumed,
                buf.len()
            );
            let consumed = step.consumed;
            let need_more = match step.status {
                Status::Event(event) => {
                    events.push(own(event, &buf));
                    false
                }
                Status::NeedMore => true,
                Status::Upgraded => {
                    assert_eq!(consumed, 0, "Upgraded consumes nothing");
                    let mut tunnel = buf.clone();
                    for rest in &pieces[index + 1..] {
                        tunnel.extend_from_slice(rest);
                    }
                    assert_upgraded_sticks(&mut decoder, &buf);
                    events.push(Ev::Upgraded(tunnel));
                    return events;
                }
                Status::Closed => panic!("Status::Closed before finish()"),
            };
            // The strict profile uses no lenient reading in requests, ever
            // (responses record the obs-folds they read).
            if config.lenient == Lenient::default()
                && matches!(events.first(), Some(Ev::Request { .. }))
            {
                assert!(
                    decoder.readings().is_empty(),
                    "strict decoder recorded a reading"
                );
            }
            buf.drain(..consumed);
            dropped += consumed as u64;
            assert_eq!(
                decoder.position(),
                dropped,
                "position() counts consumed bytes"
            );
            if need_more {
                break;
            }
            idle = if consumed == 0 { idle + 1 } else { 0 };
            assert!(
                idle < 4,
                "the decoder keeps emitting events without consuming"
            );
        }
    }
    match decoder.finish() {
        Ok(Some(Event::MessageEnd)) => events.push(Ev::MessageEnd),
        Ok(Some(other)) => panic!("finish() returned {other:?}"),
        Ok(None) => {}
        Err(error) => {
            // The only new error the end of stream can bring: where it ended.
            assert_eq!(error.kind(), ErrorKind::Incomplete);
            assert_eq!(
                error.offset(),
                fed,
                "Incomplete is at the end of the stream"
            );
            assert_error_sticks(&mut decoder, &buf, error);
            events.push(Ev::Error(error.kind(), error.offset()));
            return events;
        }
    }
    // After a clean end of stream the decoder is closed for good.
    let step = decoder.decode(&buf).expect("decode after a clean finish()");
    assert_eq!(step.consumed, 0);
    assert_eq!(step.status, Status::Closed);
    assert_eq!(decoder.finish(), Ok(None));
    events
}

/// After an error, every call returns the same error, whatever it is given.
fn assert_error_sticks(decoder: &mut Decoder, buf: &[u8], error: Error) {
    assert_eq!(decoder.decode(buf), Err(error), "same input after an error");
    assert_eq!(
        decoder.decode(&[]),
        Err(error),
        "empty input after an error"
    );
    assert_eq!(
        decoder.decode(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        Err(error),
        "a fresh valid request after an error"
    );
    assert_eq!(
        decoder.decode(b"HTTP/1.1 200 OK\r\n\r\n"),
        Err(error),
        "a fresh valid response after an error"
    );
    assert_eq!(decoder.finish(), Err(error), "finish() after an error");
    assert_eq!(
        decoder.decode(buf),
        Err(error),
        "decode after finish() after an error"
    );
}

/// After an upgrade, the decoder takes no more bytes and ends cleanly.
fn assert_upgraded_sticks(decoder: &mut Decoder, buf: &[u8]) {
    let step = decoder.decode(buf).expect("decode after Upgraded");
    assert_eq!((step.consumed, step.status), (0, Status::Upgraded));
    let step = decoder
        .decode(b"GET / HTTP/1.1\r\n")
        .expect("decode after Upgraded");
    assert_eq!((step.consumed, step.status), (0, Status::Upgraded));
    assert_eq!(decoder.finish(), Ok(None), "finish() after an upgrade");
}

/// Join consecutive `Body` events: how a body is cut into pieces depends on
/// how the input was cut; everything else must not.
pub fn merge_bodies(events: Vec<Ev>) -> Vec<Ev> {
    let mut merged: Vec<Ev> = Vec::with_capacity(events.len());
    for event in events {
        match (merged.last_mut(), event) {
            (Some(Ev::Body(acc)), Ev::Body(more)) => acc.extend_from_slice(&more),
            (_, event) => merged.push(event),
        }
    }
    merged
}

/// Decode `input` whole and under every split size 1..=len, assert all give
/// the same events (body pieces merged), and return them.
pub fn decode_every_split(input: &[u8], config: Config) -> Vec<Ev> {
    let whole = merge_bodies(decode_whole(input, config));
    for split in 1..=input.len() {
        let events = merge_bodies(decode_all(input, config, split));
        assert_eq!(events, whole, "split {split} differs from the whole input");
    }
    whole
}

// ---------------------------------------------------------------------------
// What every decoded event stream must look like
// ---------------------------------------------------------------------------

const TCHAR_SPECIALS: &[u8] = b"!#$%&'*+-.^_`|~";

pub fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || TCHAR_SPECIALS.contains(&b)
}

fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_tchar(b))
}

/// A field value as the strict profile delivers it: no SP/HTAB at either
/// end, no control byte but HTAB, no DEL.
fn is_clean_value(value: &[u8]) -> bool {
    let ws = |b: &u8| *b == b' ' || *b == b'\t';
    !value.first().is_some_and(ws)
        && !value.last().is_some_and(ws)
        && value
            .iter()
            .all(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

/// The head fields of one message, as far as framing cares.
#[derive(Default)]
struct HeadFacts {
    hosts: usize,
    content_length: Option<Vec<u8>>,
    transfer_encoding: bool,
}

/// Panic unless `events` (as returned by the drivers above, bodies merged or
/// not) is a well-formed stream for `config`:
///
/// - each message is `Request`, `Header`*, `HeadEnd`, then what its framing
///   allows (`Body`* adding up to a Content-Length; `Body`* `Trailer`* for
///   chunked; nothing for none/upgrade), then `MessageEnd`;
/// - an `Error` or `Upgraded` (right after an upgrade's `MessageEnd`) ends
///   the stream, and a stream that ends otherwise ends between messages;
/// - every message that got to `HeadEnd` obeys the strict framing rules that
///   close smuggling doors: at most one Host (exactly one in HTTP/1.1), no
///   Content-Length beside Transfer-Encoding, no Transfer-Encoding in
///   HTTP/1.0, CONNECT upgrades, and the framing matches the fields;
/// - names are tokens, values trimmed and free of control bytes (unless the
///   config allows obs-fold), targets free of whitespace and controls.
pub fn assert_well_formed(events: &[Ev], config: &Config) {
    #[derive(Clone, Copy, PartialEq, Debug)]
    enum At {
        Between,
        Head,
        Body { left: Option<u64>, trailers: bool },
        Trailers,
        End { upgrade: bool },
        Upgraded,
        Done,
    }
    let lenient = config.lenient;
    let mut at = At::Between;
    let mut facts = HeadFacts::default();
    let mut version = Version::Http11;
    let mut connect = false;
    for (i, event) in events.iter().enumerate() {
        let bad = || -> ! { panic!("event {i} {event:?} out of place in {events:?}") };
        at = match (at, event) {
            (At::Done | At::Upgraded, _) => bad(),
            (_, Ev::Error(..)) => At::Done,
            (
                At::Between,
                Ev::Request {
                    method,
                    target,
                    version: v,
                },
            ) => {
                assert!(is_token(method), "method {:?}", Show(method));
                assert!(!target.is_empty());
                assert!(
                    target
                        .iter()
                        .all(|&b| b > 0x20 && b != 0x7f && (b < 0x80 || lenient.non_ascii_target)),
                    "target {:?}",
                    Show(target)
                );
                facts = HeadFacts::default();
                version = *v;
                connect = method == b"CONNECT";
                At::Head
            }
            (At::Head, Ev::Header(name, value)) => {
                assert!(is_token(name), "field name {:?}", Show(name));
                if !lenient.obs_fold {
                    assert!(is_clean_value(value), "field value {:?}", Show(value));
                }
                if name.eq_ignore_ascii_case(b"host") {
                    facts.hosts += 1;
                } else if name.eq_ignore_ascii_case(b"content-length") {
                    facts.content_length.get_or_insert_with(|| value.clone());
                } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                    facts.transfer_encoding = true;
                }
                At::Head
            }
            (At::Head, Ev::HeadEnd(framing)) => {
                assert!(facts.hosts <= 1, "several Host fields accepted: {events:?}");
                if version == Version::Http11 {
                    assert_eq!(facts.hosts, 1, "HTTP/1.1 without Host accepted: {events:?}");
                }
                if connect {
                    assert_eq!(*framing, Framing::Upgrade, "CONNECT must upgrade");
                } else {
                    assert!(
                        !(facts.transfer_encoding && facts.content_length.is_some()),
                        "Content-Length with Transfer-Encoding accepted: {events:?}"
                    );
                    assert!(
                        !(facts.transfer_encoding && version == Version::Http10),
                        "Transfer-Encoding in HTTP/1.0 accepted: {events:?}"
                    );
                    match framing {
                        Framing::Chunked => assert!(facts.transfer_encoding),
                        Framing::Length(n) => {
                            let cl = facts.content_length.as_deref().expect("Length without CL");
                            let first = cl.split(|&b| b == b',').next().unwrap_or_default();
                            let digits: Vec<u8> = first
                                .iter()
                                .copied()
                                .filter(|b| !b" \t".contains(b))
                                .collect();
                            let parsed: u64 = std::str::from_utf8(&digits)
                                .ok()
                                .and_then(|s| s.parse().ok())
                                .expect("Content-Length value");
                            assert_eq!(parsed, *n, "framing length vs Content-Length");
                        }
                        Framing::None => {
                            assert!(!facts.transfer_encoding && facts.content_length.is_none())
                        }
                        Framing::Close | Framing::Upgrade => bad(),
                    }
                }
                match framing {
                    Framing::None => At::End { upgrade: false },
                    Framing::Upgrade => At::End { upgrade: true },
                    Framing::Length(n) => At::Body {
                        left: Some(*n),
                        trailers: false,
                    },
                    Framing::Chunked => At::Body {
                        left: None,
                        trailers: true,
                    },
                    Framing::Close => bad(),
                }
            }
            (At::Body { left, trailers }, Ev::Body(data)) => {
                assert!(!data.is_empty());
                let left = left.map(|n| {
                    n.checked_sub(data.len() as u64)
                        .unwrap_or_else(|| panic!("body longer than its length: {events:?}"))
                });
                At::Body { left, trailers }
            }
            (At::Body { left: Some(0), .. } | At::End { upgrade: false }, Ev::MessageEnd) => {
                At::Between
            }
            (At::Body { left: None, .. } | At::Trailers, Ev::MessageEnd) => At::Between,
            (At::End { upgrade: true }, Ev::MessageEnd) => At::End { upgrade: true },
            (At::Body { trailers: true, .. } | At::Trailers, Ev::Trailer(name, value)) => {
                assert!(is_token(name), "trailer name {:?}", Show(name));
                if !lenient.obs_fold {
                    assert!(is_clean_value(value), "trailer value {:?}", Show(value));
                }
                At::Trailers
            }
            // Only after the MessageEnd of an upgrading message.
            (At::End { upgrade: true }, Ev::Upgraded(_)) => {
                let prev = i.checked_sub(1).map(|p| &events[p]);
                assert_eq!(
                    prev,
                    Some(&Ev::MessageEnd),
                    "Upgraded right after MessageEnd"
                );
                At::Upgraded
            }
            _ => bad(),
        };
    }
    assert!(
        matches!(at, At::Between | At::Done | At::Upgraded),
        "the stream stopped inside a message without an error: {events:?}"
    );
}

// ---------------------------------------------------------------------------
// A test-only request writer
// ---------------------------------------------------------------------------

/// One field line: `name ":" ows_before value ows_after CRLF`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLine {
    pub name: Vec<u8>,
    /// The value as the decoder must deliver it (no OWS at either end).
    pub value: Vec<u8>,
    pub ows_before: Vec<u8>,
    pub ows_after: Vec<u8>,
}

impl FieldLine {
    pub fn new(name: &str, value: &str) -> Self {
        FieldLine {
            name: name.as_bytes().to_vec(),
            value: value.as_bytes().to_vec(),
            ows_before: b" ".to_vec(),
            ows_after: Vec::new(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.name);
        out.push(b':');
        out.extend_from_slice(&self.ows_before);
        out.extend_from_slice(&self.value);
        out.extend_from_slice(&self.ows_after);
        out.extend_from_slice(b"\r\n");
    }
}

/// The value of a chunk extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtValue {
    None,
    Token(Vec<u8>),
    /// The unescaped content; the writer escapes `"` and `\`.
    Quoted(Vec<u8>),
}

/// `BWS ";" BWS name [ BWS "=" BWS value ]`; `bws` are the four BWS in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkExt {
    pub name: Vec<u8>,
    pub value: ExtValue,
    pub bws: [Vec<u8>; 4],
}

impl ChunkExt {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bws[0]);
        out.push(b';');
        out.extend_from_slice(&self.bws[1]);
        out.extend_from_slice(&self.name);
        let value = match &self.value {
            ExtValue::None => return,
            ExtValue::Token(token) => token.clone(),
            ExtValue::Quoted(text) => {
                let mut q = vec![b'"'];
                for &b in text {
                    if b == b'"' || b == b'\\' {
                        q.push(b'\\');
                    }
                    q.push(b);
                }
                q.push(b'"');
                q
            }
        };
        out.extend_from_slice(&self.bws[2]);
        out.push(b'=');
        out.extend_from_slice(&self.bws[3]);
        out.extend_from_slice(&value);
    }
}

/// One chunk: its size as written (any hex case, leading zeros), its
/// extensions, its data (empty for the last chunk).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub size: String,
    pub extensions: Vec<ChunkExt>,
    pub data: Vec<u8>,
}

impl Chunk {
    /// A chunk of `data` whose size is written in lower-case hex.
    pub fn plain(data: &[u8]) -> Self {
        Chunk {
            size: format!("{:x}", data.len()),
            extensions: Vec::new(),
            data: data.to_vec(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        assert_eq!(
            u64::from_str_radix(&self.size, 16).ok(),
            Some(self.data.len() as u64),
            "chunk size {:?} does not match its data",
            self.size
        );
        out.extend_from_slice(self.size.as_bytes());
        for ext in &self.extensions {
            ext.write(out);
        }
        out.extend_from_slice(b"\r\n");
        if !self.data.is_empty() {
            out.extend_from_slice(&self.data);
            out.extend_from_slice(b"\r\n");
        }
    }
}

/// A request body. The framing field (Content-Length or Transfer-Encoding)
/// is one of the request's `fields`, put there by whoever builds the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    None,
    Length(Vec<u8>),
    Chunked {
        chunks: Vec<Chunk>,
        /// The last chunk: size zero (`0`, `000`...), maybe extensions.
        last: Chunk,
        trailers: Vec<FieldLine>,
    },
}

/// A request to write, and what decoding it must give back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Req {
    /// Send one empty line (CRLF) before the request line.
    pub empty_line_before: bool,
    pub method: Vec<u8>,
    pub target: Vec<u8>,
    pub version: Version,
    pub fields: Vec<FieldLine>,
    pub body: Body,
}

impl Req {
    /// The start line and the field lines up to and including the empty line.
    pub fn write_head(&self, out: &mut Vec<u8>) {
        if self.empty_line_before {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(&self.method);
        out.push(b' ');
        out.extend_from_slice(&self.target);
        out.push(b' ');
        out.extend_from_slice(self.version.as_str().as_bytes());
        out.extend_from_slice(b"\r\n");
        for field in &self.fields {
            field.write(out);
        }
        out.extend_from_slice(b"\r\n");
    }

    /// The whole request.
    pub fn write(&self, out: &mut Vec<u8>) {
        self.write_head(out);
        match &self.body {
            Body::None => {}
            Body::Length(data) => out.extend_from_slice(data),
            Body::Chunked {
                chunks,
                last,
                trailers,
            } => {
                for chunk in chunks {
                    chunk.write(out);
                }
                assert!(last.data.is_empty(), "the last chunk has no data");
                last.write(out);
                for field in trailers {
                    field.write(out);
                }
                out.extend_from_slice(b"\r\n");
            }
        }
    }

    pub fn is_connect(&self) -> bool {
        self.method == b"CONNECT"
    }

    /// The framing the decoder must announce for this request.
    pub fn framing(&self) -> Framing {
        if self.is_connect() {
            return Framing::Upgrade;
        }
        match &self.body {
            Body::None => Framing::None,
            Body::Length(data) => Framing::Length(data.len() as u64),
            Body::Chunked { .. } => Framing::Chunked,
        }
    }

    /// The events of this request, bodies merged into one `Body` event.
    pub fn expected_events(&self) -> Vec<Ev> {
        let mut events = vec![Ev::Request {
            method: self.method.clone(),
            target: self.target.clone(),
            version: self.version,
        }];
        for field in &self.fields {
            events.push(Ev::Header(field.name.clone(), field.value.clone()));
        }
        events.push(Ev::HeadEnd(self.framing()));
        match &self.body {
            Body::None => {}
            Body::Length(data) => {
                if !data.is_empty() {
                    events.push(Ev::Body(data.clone()));
                }
            }
            Body::Chunked {
                chunks, trailers, ..
            } => {
                let data: Vec<u8> = chunks.iter().flat_map(|c| c.data.clone()).collect();
                if !data.is_empty() {
                    events.push(Ev::Body(data));
                }
                for field in trailers {
                    events.push(Ev::Trailer(field.name.clone(), field.value.clone()));
                }
            }
        }
        events.push(Ev::MessageEnd);
        events
    }
}

/// A stream of requests, then (after a CONNECT) the tunnel's bytes.
pub fn write_stream(requests: &[Req], tunnel: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for request in requests {
        request.write(&mut out);
    }
    out.extend_from_slice(tunnel);
    out
}

/// What decoding [`write_stream`]'s output must give (bodies merged): every
/// request's events, and if the last request is a CONNECT, the tunnel bytes.
pub fn expected_stream(requests: &[Req], tunnel: &[u8]) -> Vec<Ev> {
    let mut events: Vec<Ev> = requests.iter().flat_map(Req::expected_events).collect();
    if requests.last().is_some_and(Req::is_connect) {
        events.push(Ev::Upgraded(tunnel.to_vec()));
    } else {
        assert!(tunnel.is_empty(), "tunnel bytes only follow a CONNECT");
    }
    events
}
