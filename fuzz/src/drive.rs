//! Feeding a stream to a decoder as a real caller does, checking the buffer
//! contract on every call, and recording what came out.

use core::ops::Range;

use h1wire::{
    Config, Decoder, Error, ErrorKind, Event, Field, Framing, Lenient, MethodKind, Reading,
    Readings, Status, Step, TooManyInFlight, Version,
};

use crate::framing_ref::{framing_field_fine, response_framing, Expect};
use crate::{esc, is_ctl, is_token, is_ws};



/// What the driver needs from a decoder; see the crate docs for adding one.
pub trait StreamDecoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error>;
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error>;
    /// Stream offset of the first byte not yet consumed.
    fn position(&self) -> u64;
    /// Lenient readings used in the current message.
    fn readings(&self) -> Readings;
    /// The lenient options in force (readings outside them are a bug).
    fn lenient(&self) -> Lenient;
    /// What the decoder reads: the checks of its start lines and framing
    /// depend on it.
    fn reads(&self) -> Reads;
}

/// What a decoder reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reads {
    /// Requests (the server role).
    Requests,
    /// Responses (the client role), the final ones answering requests with
    /// these methods, in order; past the end of the list they answer GET.
    Responses(Vec<MethodKind>),
}

/// Whether a response with this status answers a request (takes a method
/// off the queue): all but the 1xx other than 101.
pub fn is_final(status: u16) -> bool {
    !(100..200).contains(&status) || status == 101
}

/// A `Decoder` on its own stands for a server's decoder
/// ([`Decoder::server`]): it reads requests. Drive a client's decoder
/// through [`ClientDecoder`], which tells it the methods.
impl StreamDecoder for Decoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        Decoder::decode(self, input)
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        Decoder::finish(self)
    }
    fn position(&self) -> u64 {
        Decoder::position(self)
    }
    fn readings(&self) -> Readings {
        Decoder::readings(self)
    }
    fn lenient(&self) -> Lenient {
        self.config().lenient
    }
    fn reads(&self) -> Reads {
        Reads::Requests
    }
}

/// A client's decoder ([`Decoder::client`]) told the method of each request
/// in flight the way the dump (`examples/dump.rs`) tells it: as many as it
/// holds at once ([`Decoder::MAX_IN_FLIGHT`]), then one more after each
/// final response (a 1xx other than 101 takes none).
///
/// Every call also checks the queue against a count kept here:
/// `in_flight()` is what was told minus the final responses decoded (never
/// below 0), `expect_response` succeeds below `MAX_IN_FLIGHT` and is
/// refused with [`TooManyInFlight`], changing nothing, at it.
#[derive(Clone, Debug)]
pub struct ClientDecoder {
    decoder: Decoder,
    methods: Vec<MethodKind>,
    /// Methods told to the decoder so far (a prefix of `methods`).
    told: usize,
    /// Requests awaiting their final response, as counted here.
    in_flight: usize,
}

impl ClientDecoder {
    pub fn new(config: Config, methods: &[MethodKind]) -> Self {
        let mut client = ClientDecoder {
            decoder: Decoder::client(config),
            methods: methods.to_vec(),
            told: 0,
            in_flight: 0,
        };
        while client.told < client.methods.len() && client.in_flight < Decoder::MAX_IN_FLIGHT {
            client.tell();
        }
        client.check_queue();
        client
    }

    /// The decoder driven.
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// Tell the decoder the next method.
    fn tell(&mut self) {
        let method = self.methods[self.told];
        assert_eq!(
            self.decoder.expect_response(method),
            Ok(()),
            "expect_response refused with {} in flight",
            self.in_flight
        );
        self.told += 1;
        self.in_flight += 1;
    }

    /// The queue holds what was counted; when full, one more is refused.
    fn check_queue(&mut self) {
        if self.in_flight == Decoder::MAX_IN_FLIGHT {
            if let Some(&method) = self.methods.get(self.told) {
                assert_eq!(
                    self.decoder.expect_response(method),
                    Err(TooManyInFlight),
                    "expect_response accepted a method past MAX_IN_FLIGHT"
                );
            }
        }
        assert_eq!(
            self.decoder.in_flight(),
            self.in_flight,
            "in_flight() differs from the count of methods told minus final responses"
        );
    }
}

impl StreamDecoder for ClientDecoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        let result = self.decoder.decode(input);
        if let Ok(Step {
            status: Status::Event(Event::Response(line)),
            ..
        }) = result
        {
            if is_final(line.status) {
                // The decoder took the oldest method for it; make room
                // for the next one, as the dump does.
                self.in_flight = self.in_flight.saturating_sub(1);
                if self.told < self.methods.len() {
                    self.tell();
                }
            }
        }
        self.check_queue();
        result
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        let result = self.decoder.finish();
        self.check_queue();
        result
    }
    fn position(&self) -> u64 {
        self.decoder.position()
    }
    fn readings(&self) -> Readings {
        self.decoder.readings()
    }
    fn lenient(&self) -> Lenient {
        self.decoder.config().lenient
    }
    fn reads(&self) -> Reads {
        Reads::Responses(self.methods.clone())
    }
}

/// How to cut a stream into the pieces a caller receives.
#[derive(Clone, Copy, Debug)]
pub struct Pieces<'a> {
    sizes: &'a [u8],
}

impl<'a> Pieces<'a> {
    /// The whole stream in one piece.
    pub fn whole() -> Self {
        Pieces { sizes: &[] }
    }
    /// One byte at a time.
    pub fn bytewise() -> Self {
        Pieces { sizes: &[1] }
    }
    /// Piece sizes cycled over the stream; a 0 is a call with no new bytes.
    /// No sizes, or only zeros: the whole stream.
    pub fn sizes(sizes: &'a [u8]) -> Self {
        Pieces { sizes }
    }

    /// The pieces of a stream of `len` bytes, in order.
    pub fn ranges(&self, len: usize) -> Vec<Range<usize>> {
        if self.sizes.iter().all(|&s| s == 0) {
            return core::iter::once(0..len).collect();
        }
        let mut out = Vec::new();
        let mut pos = 0;
        let mut i = 0;
        while pos < len {
            let size = self.sizes[i % self.sizes.len()] as usize;
            let end = (pos + size).min(len);
            out.push(pos..end);
            pos = end;
            i += 1;
        }
        if out.is_empty() {
            out.push(0..0);
        }
        out
    }
}

/// A slice of an event, with the stream offset of its first byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub at: u64,
    pub bytes: Vec<u8>,
}

/// A header or trailer field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRec {
    pub name: Span,
    /// The value as delivered (raw folds included when folded).
    pub value: Span,
    pub folded: bool,
    /// The value as the conformance contract reads it: the pieces joined by SP.
    pub joined: Vec<u8>,
}

/// An event, owned, with the stream offsets of its slices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ev {
    Request {
        method: Span,
        target: Span,
        version: Version,
    },
    Response {
        version: Version,
        status: u16,
        reason: Span,
    },
    Header(FieldRec),
    HeadEnd(Framing),
    Body(Span),
    Trailer(FieldRec),
    MessageEnd,
}

/// One event and where its call put it in the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub ev: Ev,
    /// Stream offset of the first byte of the call's input.
    pub base: u64,
    /// Stream offset just after the bytes the call consumed.
    pub end: u64,
    /// The decoder's readings right after the event.
    pub readings: Readings,
}

/// How the stream ended for the decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// `finish` accepted the end of the stream.
    Closed,
    /// The connection left HTTP/1.
    Upgraded,
    /// An error ended the stream.
    Error(Error),
}

/// The start line of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
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
}

/// A message as the conformance contract reduces it (plus the readings the
/// decoder reported at its head end and at its message end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub start: Start,
    /// (name, value as the contract reads it).
    pub headers: Vec<(Vec<u8>, Vec<u8>)>,
    pub framing: Option<Framing>,
    pub body: Vec<u8>,
    pub trailers: Vec<(Vec<u8>, Vec<u8>)>,
    pub complete: bool,
    pub head_readings: Option<Readings>,
    pub end_readings: Option<Readings>,
}

/// The reduction of a decoded stream: its messages, then how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reduction {
    pub messages: Vec<Message>,
    pub end: End,
}

impl Reduction {
    /// Equality as the conformance contract compares dumps: messages, and
    /// whether an error ended the stream (kind and offset not compared,
    /// readings not compared).
    pub fn contract_eq(&self, other: &Reduction) -> bool {
        let strip = |r: &Reduction| {
            r.messages
                .iter()
                .map(|m| Message {
                    head_readings: None,
                    end_readings: None,
                    ..m.clone()
                })
                .collect::<Vec<_>>()
        };
        strip(self) == strip(other)
            && matches!(self.end, End::Error(_)) == matches!(other.end, End::Error(_))
    }

    /// The complete messages.
    pub fn complete(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter().filter(|m| m.complete)
    }
}

/// Everything one drive produced.
#[derive(Clone, Debug)]
pub struct Trace {
    pub records: Vec<Record>,
    pub reduction: Reduction,
    /// Stream bytes given to the decoder (all of them, unless it stopped).
    pub given: u64,
}

impl Trace {
    pub fn end(&self) -> End {
        self.reduction.end
    }

    /// The framings of the heads, in order.
    pub fn framings(&self) -> Vec<Framing> {
        self.records
            .iter()
            .filter_map(|r| match r.ev {
                Ev::HeadEnd(f) => Some(f),
                _ => None,
            })
            .collect()
    }

    /// The records with consecutive body pieces merged into one (the only
    /// thing a split of the input may change), and per-call facts (`base`,
    /// readings of body pieces) dropped.
    pub fn normalized(&self) -> Vec<(Ev, u64, Readings)> {
        let mut out: Vec<(Ev, u64, Readings)> = Vec::new();
        for r in &self.records {
            if let (Ev::Body(piece), Some((Ev::Body(prev), end, _))) = (&r.ev, out.last_mut()) {
                // (Pieces of one chunk are contiguous; chunks are not.)
                prev.bytes.extend_from_slice(&piece.bytes);
                *end = r.end;
                continue;
            }
            let readings = match r.ev {
                Ev::Body(_) => Readings::default(),
                _ => r.readings,
            };
            out.push((r.ev.clone(), r.end, readings));
        }
        out
    }
}

/// Decode `stream`, cut into `pieces`, with `decoder`, as a real caller
/// does; check every call; return what came out.
pub fn drive<D: StreamDecoder>(decoder: &mut D, stream: &[u8], pieces: Pieces<'_>) -> Trace {
    let mut checker = Checker::new(stream, decoder.lenient(), decoder.reads());
    let mut buf: Vec<u8> = Vec::new();
    let mut given = 0usize;
    for piece in pieces.ranges(stream.len()) {
        buf.extend_from_slice(&stream[piece.clone()]);
        given = piece.end;
        if let Some(end) = pump(decoder, &mut buf, given, &mut checker) {
            return checker.into_trace(end, given);
        }
    }
    // The peer closed.
    let end = match decoder.finish() {
        Ok(None) => {
            assert!(
                buf.is_empty(),
                "finish accepted {} unconsumed bytes",
                buf.len()
            );
            assert_ne!(
                checker.grammar,
                Grammar::Close,
                "finish did not end a close-delimited body"
            );
            checker.finished_between_messages();
            End::Closed
        }
        Ok(Some(event)) => {
            // Only a close-delimited body ends this way (responses only).
            assert_eq!(event, Event::MessageEnd, "finish produced {event:?}");
            assert!(
                buf.is_empty(),
                "finish ended a body with {} bytes unconsumed",
                buf.len()
            );
            let readings = decoder.readings();
            checker.end_by_close(readings, given as u64);
            End::Closed
        }
        Err(e) => {
            assert_ne!(
                checker.grammar,
                Grammar::Close,
                "finish refused the end of a close-delimited body ({e:?})"
            );
            assert_eq!(
                e.kind(),
                ErrorKind::Incomplete,
                "finish gave a non-incomplete error {e:?}"
            );
            assert_eq!(
                e.offset(),
                given as u64,
                "incomplete must point at the end of the stream"
            );
            assert!(
                !buf.is_empty() || checker.in_message(),
                "incomplete error between messages with nothing held"
            );
            End::Error(e)
        }
    };
    after_end(decoder, &buf, stream, given, end);
    checker.into_trace(end, given)
}

/// Decode everything `buf` holds. `Some(end)` once the decoder is done.
fn pump<D: StreamDecoder>(
    decoder: &mut D,
    buf: &mut Vec<u8>,
    given: usize,
    checker: &mut Checker<'_>,
) -> Option<End> {
    let stream = checker.stream;
    loop {
        let base = decoder.position();
        assert_eq!(
            base,
            (given - buf.len()) as u64,
            "position() is not the offset of the first unconsumed byte"
        );
        let result = decoder.decode(buf);
        let step = match result {
            Ok(step) => step,
            Err(e) => {
                checker.error(e, given);
                checker.check_refusal(e, base);
                let end = End::Error(e);
                after_end(decoder, buf, stream, given, end);
                return Some(end);
            }
        };
        let consumed = step.consumed;
        assert!(
            consumed <= buf.len(),
            "consumed {consumed} of {} bytes given",
            buf.len()
        );
        match step.status {
            Status::Event(event) => {
                let readings = decoder.readings();
                checker.event(&event, buf, base, consumed, readings);
            }
            Status::NeedMore => {
                checker.need_more();
                buf.drain(..consumed);
                return None;
            }
            Status::Upgraded => {
                assert_eq!(consumed, 0, "Upgraded consumed bytes");
                checker.upgraded();
                after_end(decoder, buf, stream, given, End::Upgraded);
                return Some(End::Upgraded);
            }
            Status::Closed => panic!("Closed before finish was called"),
        }
        buf.drain(..consumed);
    }
}

/// Once the decoder is done (error, upgrade or close), nothing more comes
/// out of it, whatever it is given.
fn after_end<D: StreamDecoder>(decoder: &mut D, buf: &[u8], stream: &[u8], given: usize, end: End) {
    let mut more = buf.to_vec();
    more.extend_from_slice(&stream[given..]);
    more.extend_from_slice(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    for _ in 0..2 {
        for input in [buf, &more[..], &[][..]] {
            let got = decoder.decode(input);
            match end {
                End::Error(e) => assert_eq!(got, Err(e), "decode after an error"),
                End::Upgraded => assert_eq!(
                    got,
                    Ok(Step {
                        consumed: 0,
                        status: Status::Upgraded
                    }),
                    "decode after Upgraded"
                ),
                End::Closed => assert_eq!(
                    got,
                    Ok(Step {
                        consumed: 0,
                        status: Status::Closed
                    }),
                    "decode after finish"
                ),
            }
        }
        match end {
            End::Error(e) => assert_eq!(decoder.finish(), Err(e), "finish after an error"),
            End::Upgraded | End::Closed => {
                assert_eq!(decoder.finish(), Ok(None), "finish after the end")
            }
        }
    }
}

/// Where the event grammar stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grammar {
    /// Between messages.
    Between,
    /// In a head, after the request line.
    Head,
    /// `MessageEnd` must come next.
    AwaitEnd { upgrade: bool },
    /// In a Content-Length body with this many bytes left.
    Length { left: u64 },
    /// In a chunked body (before any trailer).
    Chunked,
    /// In the trailer section.
    Trailers,
    /// In a body that runs until the peer closes (responses only): only
    /// `finish` ends it.
    Close,
    /// After the `MessageEnd` of an upgrade: only `Upgraded` may come.
    Upgrading,
}

/// What the start line of the current response fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ResponseHead {
    version: Version,
    status: u16,
    /// The method of the request it answers (GET past the list).
    method: MethodKind,
}

/// Checks every event and result against the documented promises and
/// builds the trace.
pub struct Checker<'s> {
    stream: &'s [u8],
    lenient: Lenient,
    /// `Some(methods)` for a client's decoder (see [`Reads::Responses`]).
    responses: Option<Vec<MethodKind>>,
    /// Final responses seen so far: the next one answers `methods[finals]`.
    finals: usize,
    /// The current response's start line.
    response: Option<ResponseHead>,
    /// The `MessageEnd` being checked came from `finish`.
    finishing: bool,
    grammar: Grammar,
    /// Stream offset where the current (or next) message starts: the
    /// decoder's readings start empty there.
    message_start: u64,
    records: Vec<Record>,
    messages: Vec<Message>,
    /// Consecutive events that consumed nothing.
    idle_events: usize,
}

impl<'s> Checker<'s> {
    pub fn new(stream: &'s [u8], lenient: Lenient, reads: Reads) -> Self {
        let responses = match reads {
            Reads::Requests => None,
            Reads::Responses(methods) => Some(methods),
        };
        Checker {
            stream,
            lenient,
            responses,
            finals: 0,
            response: None,
            finishing: false,
            grammar: Grammar::Between,
            message_start: 0,
            records: Vec::new(),
            messages: Vec::new(),
            idle_events: 0,
        }
    }

    fn in_message(&self) -> bool {
        self.grammar != Grammar::Between
    }

    fn into_trace(self, end: End, given: usize) -> Trace {
        Trace {
            records: self.records,
            reduction: Reduction {
                messages: self.messages,
                end,
            },
            given: given as u64,
        }
    }

    fn need_more(&mut self) {
        self.idle_events = 0;
        assert_ne!(
            self.grammar,
            Grammar::Upgrading,
            "NeedMore after an upgrade's MessageEnd"
        );
        assert!(
            !matches!(self.grammar, Grammar::AwaitEnd { .. }),
            "NeedMore while MessageEnd was due"
        );
    }

    fn upgraded(&mut self) {
        assert_eq!(
            self.grammar,
            Grammar::Upgrading,
            "Upgraded without an upgrade's MessageEnd"
        );
    }

    /// `finish` returned the `MessageEnd` of a close-delimited body.
    fn end_by_close(&mut self, readings: Readings, at: u64) {
        assert_eq!(
            self.grammar,
            Grammar::Close,
            "finish produced MessageEnd outside a close-delimited body"
        );
        self.finishing = true;
        self.event(&Event::MessageEnd, &[], at, 0, readings);
        self.finishing = false;
    }

    fn finished_between_messages(&mut self) {
        assert_eq!(
            self.grammar,
            Grammar::Between,
            "finish accepted a cut message"
        );
    }

    fn error(&mut self, e: Error, given: usize) {
        assert!(
            e.offset() <= given as u64,
            "error offset {} past the {given} bytes given ({e:?})",
            e.offset()
        );
        assert_ne!(
            e.kind(),
            ErrorKind::Incomplete,
            "decode (not finish) returned incomplete"
        );
        assert_ne!(
            self.grammar,
            Grammar::Upgrading,
            "error after an upgrade's MessageEnd"
        );
        assert!(
            !matches!(self.grammar, Grammar::AwaitEnd { .. }),
            "error while MessageEnd was due"
        );
    }

    /// A response head refused for a framing field: the field line the
    /// failing call started at (the call's `base`: in a head every call
    /// reads one line) must be one the reference refuses too, alone or with
    /// the same fields before it ([`framing_field_fine`], reading the value
    /// as the contract does: folds as SP).
    fn check_refusal(&self, e: Error, base: u64) {
        use ErrorKind::*;
        let kinds = [
            InvalidContentLength,
            ConflictingContentLength,
            DuplicateContentLength,
            InvalidTransferEncoding,
            ChunkedTwice,
        ];
        if self.responses.is_none() || self.grammar != Grammar::Head || !kinds.contains(&e.kind()) {
            return;
        }
        // A folded value reads as its pieces joined by SP (CONFORMANCE.md
        // section 3, RFC 9112 section 5.2), so folds are checked the same.
        let Some((name, value, _folded)) =
            field_line_at(self.stream, base as usize, self.lenient.bare_lf)
        else {
            return;
        };
        let m = self.messages.last().expect("a head without its message");
        if framing_field_fine(name, &value, &m.headers, &self.lenient) == Some(true) {
            let upto = (e.offset().max(base) as usize + 1).min(self.stream.len());
            panic!(
                "{e:?}: the decoder refused the field line `{}` (read as `{}: {}`) that RFC \
                 9112 and the profile read fine (fields before it: {:?})",
                esc(&self.stream[base as usize..upto]),
                esc(name),
                esc(&value),
                m.headers
            );
        }
    }

    /// Stream offset of `slice`, which must lie inside `input` (whose first
    /// byte is at stream offset `base`).
    fn span(&self, what: &str, slice: &[u8], input: &[u8], base: u64) -> Span {
        let start = input.as_ptr() as usize;
        let at = slice.as_ptr() as usize;
        assert!(
            at >= start && at + slice.len() <= start + input.len(),
            "{what} slice lies outside the call's input (slice at {at:#x}+{}, input {start:#x}+{})",
            slice.len(),
            input.len()
        );
        let at = base + (at - start) as u64;
        assert_eq!(
            &self.stream[at as usize..at as usize + slice.len()],
            slice,
            "driver bug: stream and buffer differ"
        );
        Span {
            at,
            bytes: slice.to_vec(),
        }
    }

    fn field(&self, what: &str, f: &Field<'_>, input: &[u8], base: u64) -> FieldRec {
        let name = self.span(what, f.name, input, base);
        let value = self.span(what, f.value, input, base);
        assert!(
            is_token(f.name),
            "{what} name is not a token: {}",
            esc(f.name)
        );
        let folded = f.is_folded();
        assert!(
            !folded || self.lenient.obs_fold || self.responses.is_some(),
            "folded {what} in a request without Lenient::obs_fold"
        );
        let value_ok = |b: u8| !is_ctl(b) || (folded && (b == b'\r' || b == b'\n'));
        assert!(
            f.value.iter().all(|&b| value_ok(b)),
            "{what} value holds a control byte: {}",
            esc(f.value)
        );
        let edge = |b: &u8| is_ws(*b) || *b == b'\r' || *b == b'\n';
        assert!(
            !f.value.first().is_some_and(edge) && !f.value.last().is_some_and(edge),
            "{what} value not trimmed: {}",
            esc(f.value)
        );
        let mut joined = Vec::new();
        for (i, piece) in f.value_pieces().enumerate() {
            assert!(
                !piece.iter().any(|&b| is_ctl(b)),
                "{what} value piece holds a control byte"
            );
            if i > 0 {
                joined.push(b' ');
            }
            joined.extend_from_slice(piece);
        }
        // The name ends in a colon, the value follows it.
        assert_eq!(
            self.stream
                .get((name.at + name.bytes.len() as u64) as usize),
            Some(&b':'),
            "{what} name not followed by a colon"
        );
        assert!(
            value.at > name.at + name.bytes.len() as u64,
            "{what} value before its colon"
        );
        FieldRec {
            name,
            value,
            folded,
            joined,
        }
    }

    /// Check the readings the decoder reports: only options in force, each
    /// offset inside the current message and pointing at what it names.
    fn check_readings(&self, readings: Readings, end: u64) {
        let responses = self.responses.is_some();
        for (reading, at) in readings.iter() {
            let allowed = match reading {
                Reading::BareLf => self.lenient.bare_lf,
                // Responses read obs-fold whatever the options (recorded all the same).
                Reading::ObsFold => self.lenient.obs_fold || responses,
                Reading::DuplicateContentLength => self.lenient.duplicate_content_length,
                Reading::NonAsciiTarget => self.lenient.non_ascii_target && !responses,
                Reading::FramingTrailer => self.lenient.framing_trailers,
                _ => false,
            };
            assert!(allowed, "reading {reading:?} used without its option");
            assert!(
                at >= self.message_start && at < end,
                "reading {reading:?} at {at} outside the message [{}, {end})",
                self.message_start
            );
            let s = self.stream;
            let at = at as usize;
            match reading {
                // (A CR just before the message's first byte belongs to the
                // previous message, as body data: an LF there is bare.)
                Reading::BareLf => assert!(
                    s[at] == b'\n' && (at as u64 == self.message_start || s[at - 1] != b'\r'),
                    "BareLf reading at {at} is not a bare LF"
                ),
                Reading::ObsFold => {
                    let crlf = s.get(at..at + 2) == Some(b"\r\n");
                    let lf = s[at] == b'\n' && self.lenient.bare_lf && at > 0 && s[at - 1] != b'\r';
                    let next = if crlf { at + 2 } else { at + 1 };
                    assert!(
                        (crlf || lf) && s.get(next).is_some_and(|&b| is_ws(b)),
                        "ObsFold reading at {at} is not a line break followed by whitespace"
                    );
                }
                // At the start of the trailer line of such a field.
                Reading::FramingTrailer => {
                    let line = &s[at..];
                    let named = [&b"content-length"[..], b"transfer-encoding", b"host"]
                        .iter()
                        .any(|name| {
                            line.len() > name.len()
                                && line[..name.len()].eq_ignore_ascii_case(name)
                                && line[name.len()] == b':'
                        });
                    assert!(
                        named,
                        "FramingTrailer reading at {at} is not a Content-Length, \
                         Transfer-Encoding or Host trailer line"
                    );
                }
                Reading::NonAsciiTarget => {
                    assert!(s[at] >= 0x80, "NonAsciiTarget reading at {at} is ASCII")
                }
                _ => {}
            }
        }
    }

    /// A folded field: the decoder recorded an obs-fold in this message no
    /// later than this field's first one.
    fn check_fold_recorded(rec: &FieldRec, readings: Readings) {
        if !rec.folded {
            return;
        }
        let first = rec
            .value
            .bytes
            .iter()
            .position(|&b| b == b'\r' || b == b'\n');
        let fold_at = rec.value.at + first.unwrap() as u64;
        assert!(
            readings
                .first_use(Reading::ObsFold)
                .is_some_and(|at| at <= fold_at),
            "folded field at {} without an ObsFold reading at or before {fold_at}: {readings:?}",
            rec.name.at
        );
    }

    /// A status line: `HTTP-version SP 3DIGIT SP reason CRLF`, starting
    /// where the message does (no empty line is skipped before one), the
    /// call consuming exactly it. Fixes which method the response answers.
    fn response_line(
        &mut self,
        line: &h1wire::StatusLine<'_>,
        input: &[u8],
        base: u64,
        end: u64,
    ) -> Ev {
        let Some(methods) = &self.responses else {
            panic!("a server's decoder produced a response: {line:?}");
        };
        assert_eq!(self.grammar, Grammar::Between, "Response inside a message");
        self.grammar = Grammar::Head;
        assert!(
            (100..=999).contains(&line.status),
            "status {} outside 100-999",
            line.status
        );
        let reason_ok = |b: u8| b == b'\t' || b == b' ' || (0x21..=0x7e).contains(&b) || b >= 0x80;
        assert!(
            line.reason.iter().all(|&b| reason_ok(b)),
            "reason holds a byte other than HTAB, SP, VCHAR or obs-text: {}",
            esc(line.reason)
        );
        let reason = self.span("reason", line.reason, input, base);
        let start = reason
            .at
            .checked_sub(13)
            .expect("a reason within 13 bytes of the stream start");
        assert_eq!(
            start, self.message_start,
            "the status line does not start where the message does"
        );
        let s = self.stream;
        let prefix = format!("{} {:03} ", line.version.as_str(), line.status);
        assert_eq!(
            &s[start as usize..reason.at as usize],
            prefix.as_bytes(),
            "the status line in the stream is not `{}`",
            esc(prefix.as_bytes())
        );
        let reason_end = reason.at as usize + reason.bytes.len();
        let line_end = match &s[reason_end..] {
            [b'\r', b'\n', ..] => reason_end + 2,
            [b'\n', ..] if self.lenient.bare_lf => reason_end + 1,
            _ => panic!("the reason is not followed by the line end"),
        };
        assert_eq!(
            end, line_end as u64,
            "the Response event consumed other than its status line"
        );
        // A final response answers the next request; a 1xx other than 101
        // comes before it and takes nothing.
        let method = methods
            .get(self.finals)
            .copied()
            .unwrap_or(MethodKind::Other);
        if is_final(line.status) {
            self.finals += 1;
        }
        self.response = Some(ResponseHead {
            version: line.version,
            status: line.status,
            method,
        });
        self.messages.push(Message {
            start: Start::Response {
                version: line.version,
                status: line.status,
                reason: reason.bytes.clone(),
            },
            headers: Vec::new(),
            framing: None,
            body: Vec::new(),
            trailers: Vec::new(),
            complete: false,
            head_readings: None,
            end_readings: None,
        });
        Ev::Response {
            version: line.version,
            status: line.status,
            reason,
        }
    }

    fn event(
        &mut self,
        event: &Event<'_>,
        input: &[u8],
        base: u64,
        consumed: usize,
        readings: Readings,
    ) {
        let end = base + consumed as u64;
        if consumed == 0 {
            self.idle_events += 1;
            assert!(
                matches!(event, Event::MessageEnd) && self.idle_events == 1,
                "event {event:?} consumed nothing"
            );
        } else {
            self.idle_events = 0;
        }
        let ev = match event {
            Event::Response(line) => self.response_line(line, input, base, end),
            Event::Request(line) => {
                assert!(
                    self.responses.is_none(),
                    "a client's decoder produced a request: {line:?}"
                );
                assert_eq!(self.grammar, Grammar::Between, "Request inside a message");
                self.grammar = Grammar::Head;
                let method = self.span("method", line.method, input, base);
                let target = self.span("target", line.target, input, base);
                assert!(
                    is_token(line.method),
                    "method is not a token: {}",
                    esc(line.method)
                );
                assert!(!line.target.is_empty(), "empty target");
                assert!(
                    !line.target.iter().any(|&b| is_ctl(b) || is_ws(b)),
                    "target holds whitespace or a control byte: {}",
                    esc(line.target)
                );
                assert!(
                    self.lenient.non_ascii_target || line.target.is_ascii(),
                    "non-ASCII target without Lenient::non_ascii_target"
                );
                // method SP target SP version CRLF, single SPs.
                let version_at = (target.at + target.bytes.len() as u64) as usize + 1;
                assert_eq!(
                    method.at + method.bytes.len() as u64 + 1,
                    target.at,
                    "method SP target"
                );
                assert_eq!(
                    self.stream.get(version_at..version_at + 8),
                    Some(line.version.as_str().as_bytes()),
                    "the version in the stream"
                );
                self.messages.push(Message {
                    start: Start::Request {
                        method: method.bytes.clone(),
                        target: target.bytes.clone(),
                        version: line.version,
                    },
                    headers: Vec::new(),
                    framing: None,
                    body: Vec::new(),
                    trailers: Vec::new(),
                    complete: false,
                    head_readings: None,
                    end_readings: None,
                });
                Ev::Request {
                    method,
                    target,
                    version: line.version,
                }
            }
            Event::Header(f) => {
                assert_eq!(self.grammar, Grammar::Head, "Header outside a head");
                let rec = self.field("header", f, input, base);
                Self::check_fold_recorded(&rec, readings);
                let m = self.messages.last_mut().unwrap();
                m.headers.push((rec.name.bytes.clone(), rec.joined.clone()));
                Ev::Header(rec)
            }
            Event::HeadEnd(head) => {
                assert_eq!(self.grammar, Grammar::Head, "HeadEnd outside a head");
                let framing = head.framing;
                self.grammar = match framing {
                    Framing::None | Framing::Length(0) => Grammar::AwaitEnd { upgrade: false },
                    Framing::Length(left) => Grammar::Length { left },
                    Framing::Chunked => Grammar::Chunked,
                    Framing::Upgrade => Grammar::AwaitEnd { upgrade: true },
                    Framing::Close if self.responses.is_some() => Grammar::Close,
                    Framing::Close => panic!("a request framed close"),
                };
                let lenient = self.lenient;
                let response = self.response;
                let m = self.messages.last_mut().unwrap();
                match &m.start {
                    Start::Request { method, .. } => {
                        if framing == Framing::Upgrade {
                            assert_eq!(
                                method, b"CONNECT",
                                "upgrade framing for a non-CONNECT request"
                            );
                        }
                    }
                    Start::Response { .. } => {
                        let r = response.expect("a response head without its status line");
                        let expect =
                            response_framing(r.version, r.status, r.method, &m.headers, &lenient);
                        match expect {
                            Expect::Framing(f) => assert_eq!(
                                framing, f,
                                "framing of a {} response to {:?} (fields {:?}): RFC 9112 6.3 says {f:?}",
                                r.status, r.method, m.headers
                            ),
                            Expect::Refused(why) => panic!(
                                "a {} response to {:?} framed {framing:?}, but the profile refuses \
                                 its head: {why} (fields {:?})",
                                r.status, r.method, m.headers
                            ),
                            Expect::Either => {}
                        }
                    }
                }
                m.framing = Some(framing);
                m.head_readings = Some(readings);
                // The head ends with an empty line.
                let s = self.stream;
                let e = end as usize;
                let crlf = e >= 2 && &s[e - 2..e] == b"\r\n";
                let lf = self.lenient.bare_lf && e >= 1 && s[e - 1] == b'\n';
                assert!(crlf || lf, "HeadEnd not after a line end");
                Ev::HeadEnd(framing)
            }
            Event::Body(data) => {
                assert!(!data.is_empty(), "empty Body event");
                let span = self.span("body", data, input, base);
                match &mut self.grammar {
                    Grammar::Length { left } => {
                        let n = data.len() as u64;
                        assert!(n <= *left, "body longer than its Content-Length");
                        *left -= n;
                        if *left == 0 {
                            self.grammar = Grammar::AwaitEnd { upgrade: false };
                        }
                    }
                    Grammar::Chunked | Grammar::Close => {}
                    g => panic!("Body in state {g:?}"),
                }
                self.messages
                    .last_mut()
                    .unwrap()
                    .body
                    .extend_from_slice(data);
                Ev::Body(span)
            }
            Event::Trailer(f) => {
                assert!(
                    matches!(self.grammar, Grammar::Chunked | Grammar::Trailers),
                    "Trailer outside a chunked body"
                );
                self.grammar = Grammar::Trailers;
                let rec = self.field("trailer", f, input, base);
                Self::check_fold_recorded(&rec, readings);
                let m = self.messages.last_mut().unwrap();
                m.trailers
                    .push((rec.name.bytes.clone(), rec.joined.clone()));
                Ev::Trailer(rec)
            }
            Event::MessageEnd => {
                assert!(
                    !self.finishing || self.grammar == Grammar::Close,
                    "finish ended a message that is not close-delimited"
                );
                self.grammar = match self.grammar {
                    Grammar::AwaitEnd { upgrade: true } => Grammar::Upgrading,
                    Grammar::AwaitEnd { upgrade: false } | Grammar::Chunked | Grammar::Trailers => {
                        Grammar::Between
                    }
                    Grammar::Close if self.finishing => Grammar::Between,
                    Grammar::Close => panic!("MessageEnd of a close-delimited body before finish"),
                    g => panic!("MessageEnd in state {g:?}"),
                };
                let m = self.messages.last_mut().unwrap();
                m.complete = true;
                m.end_readings = Some(readings);
                Ev::MessageEnd
            }
        };
        self.check_readings(readings, end);
        if self.lenient == Lenient::default() {
            // Responses read obs-fold by default, and record it.
            let strict_ok = |r: Reading| self.responses.is_some() && r == Reading::ObsFold;
            assert!(
                readings.iter().all(|(r, _)| strict_ok(r)),
                "readings {readings:?} with the strict profile"
            );
        }
        if let Ev::MessageEnd = ev {
            // The next message's readings start where it starts.
            self.message_start = end;
        }
        self.records.push(Record {
            ev,
            base,
            end,
            readings,
        });
    }
}

/// The field line that starts at `at` in `s`, if the stream holds it whole
/// (up to the first byte after its last line end) and it is plainly one:
/// its name (a token followed by a colon), its value as the contract reads
/// it (the pieces between folds, trimmed of SP and HTAB, joined by one SP),
/// and whether a fold continued it.
fn field_line_at(s: &[u8], at: usize, bare_lf: bool) -> Option<(&[u8], Vec<u8>, bool)> {
    let rest = s.get(at..)?;
    let name_len = rest.iter().position(|&b| !crate::is_tchar(b))?;
    if name_len == 0 || rest[name_len] != b':' {
        return None;
    }
    let name = &rest[..name_len];
    let mut pieces = Vec::new();
    let mut start = name_len + 1;
    let mut folded = false;
    loop {
        let stop = start
            + rest[start..]
                .iter()
                .position(|&b| b == b'\r' || b == b'\n')?;
        let piece = &rest[start..stop];
        if piece.iter().any(|&b| is_ctl(b)) {
            return None;
        }
        pieces.push(piece);
        let next = match (rest[stop], rest.get(stop + 1)) {
            (b'\r', Some(b'\n')) => stop + 2,
            (b'\n', _) if bare_lf => stop + 1,
            _ => return None,
        };
        match rest.get(next) {
            Some(&b) if is_ws(b) => {
                folded = true;
                start = next;
            }
            Some(_) => break,
            None => return None,
        }
    }
    let trim = |p: &[u8]| -> Vec<u8> {
        let a = p.iter().position(|&b| !is_ws(b)).unwrap_or(p.len());
        let z = p.iter().rposition(|&b| !is_ws(b)).map_or(a, |i| i + 1);
        p[a..z].to_vec()
    };
    let value = pieces
        .iter()
        .map(|p| trim(p))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(&b' ');
    Some((name, value, folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_stream_in_order() {
        assert_eq!(Pieces::whole().ranges(5), vec![0..5]);
        assert_eq!(Pieces::bytewise().ranges(3), vec![0..1, 1..2, 2..3]);
        assert_eq!(
            Pieces::sizes(&[2, 0]).ranges(5),
            vec![0..2, 2..2, 2..4, 4..4, 4..5]
        );
        assert_eq!(Pieces::sizes(&[0, 0]).ranges(4), vec![0..4]);
        assert_eq!(Pieces::sizes(&[3]).ranges(0), vec![0..0]);
    }

    #[test]
    fn a_pipelined_stream_reduces_alike_whatever_the_split() {
        let stream = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nPOST / HTTP/1.1\r\nHost: a\r\n\
            Transfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n";
        let whole = drive(
            &mut Decoder::server(h1wire::Config::default()),
            stream,
            Pieces::whole(),
        );
        assert_eq!(whole.end(), End::Closed);
        assert_eq!(whole.reduction.messages.len(), 2);
        assert_eq!(whole.reduction.messages[1].body, b"abc");
        assert_eq!(
            whole.reduction.messages[1].trailers,
            vec![(b"T".to_vec(), b"1".to_vec())]
        );
        for sizes in [&[1u8][..], &[7, 0, 3]] {
            let split = drive(
                &mut Decoder::server(h1wire::Config::default()),
                stream,
                Pieces::sizes(sizes),
            );
            assert_eq!(split.reduction, whole.reduction);
            assert_eq!(split.normalized(), whole.normalized());
        }
    }

    #[test]
    fn a_framing_trailer_is_a_reading_of_its_option() {
        let stream =
            b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nHost: b\r\n\r\n";
        let trace = drive(
            &mut Decoder::server(crate::lenient_all()),
            stream,
            Pieces::whole(),
        );
        assert_eq!(trace.end(), End::Closed);
        let m = &trace.reduction.messages[0];
        assert_eq!(
            m.end_readings.unwrap().first_use(Reading::FramingTrailer),
            Some(59)
        );
    }

    #[test]
    fn a_field_line_as_the_contract_reads_it() {
        let s = b"X\r\nContent-Length: 5,\r\n\t 5 \r\n \r\nY: 1\r\n";
        let (name, value, folded) = field_line_at(s, 3, false).unwrap();
        assert_eq!(
            (name, &value[..], folded),
            (&b"Content-Length"[..], &b"5, 5"[..], true)
        );
        assert_eq!(field_line_at(s, 0, false), None, "no colon after the token");
        assert_eq!(
            field_line_at(b"A: 1\r\n", 0, false),
            None,
            "the next byte is not here"
        );
        assert_eq!(field_line_at(b"A: 1\nB", 0, false), None);
        let (_, value, folded) = field_line_at(b"A: 1\nB", 0, true).unwrap();
        assert_eq!((&value[..], folded), (&b"1"[..], false));
        let mut lenient = Lenient::default();
        let fine = |n: &str, v: &str, e: &[(Vec<u8>, Vec<u8>)], l: &Lenient| {
            framing_field_fine(n.as_bytes(), v.as_bytes(), e, l)
        };
        let earlier = [(b"content-length".to_vec(), b"5".to_vec())];
        assert_eq!(fine("Content-Length", "5", &[], &lenient), Some(true));
        assert_eq!(fine("Content-Length", "5", &earlier, &lenient), Some(false));
        assert_eq!(fine("Content-Length", "5, x", &[], &lenient), Some(false));
        lenient.duplicate_content_length = true;
        assert_eq!(fine("Content-Length", "5", &earlier, &lenient), Some(true));
        assert_eq!(fine("Content-Length", "6", &earlier, &lenient), Some(false));
        assert_eq!(
            fine("Transfer-Encoding", "gzip, chunked", &[], &lenient),
            Some(true)
        );
        assert_eq!(
            fine("Transfer-Encoding", "gzip chunked", &[], &lenient),
            Some(false)
        );
        let chunked = [(b"Transfer-Encoding".to_vec(), b"chunked".to_vec())];
        assert_eq!(
            fine("Transfer-Encoding", "x, chunked", &chunked, &lenient),
            Some(false)
        );
        assert_eq!(fine("Host", "a", &[], &lenient), None);
    }

    /// Found by `decode_response`: the decoder refused framing values that
    /// hold a fold; they read as if each fold were one SP.
    #[test]
    fn folded_framing_values() {
        let stream = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n0\r\n\r\n";
        let trace = drive(
            &mut ClientDecoder::new(Config::default(), &[]),
            stream,
            Pieces::whole(),
        );
        assert_eq!(trace.framings(), [Framing::Chunked]);
    }

    fn responses(stream: &[u8], methods: &[MethodKind], config: Config) -> Trace {
        let whole = drive(
            &mut ClientDecoder::new(config, methods),
            stream,
            Pieces::whole(),
        );
        for sizes in [&[1u8][..], &[7, 0, 3], &[64]] {
            let split = drive(
                &mut ClientDecoder::new(config, methods),
                stream,
                Pieces::sizes(sizes),
            );
            assert_eq!(split.reduction, whole.reduction);
            assert_eq!(split.normalized(), whole.normalized());
        }
        whole
    }

    #[test]
    fn responses_framed_by_status_and_method() {
        use MethodKind::*;
        let stream: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n\
            HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\
            HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n\
            3;x\r\nabc\r\n0\r\nT: 1\r\n\r\n\
            HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n\
            HTTP/1.0 200 \r\nX-F: a\r\n  b\r\nContent-Length: 2\r\n\r\nok\
            HTTP/1.1 404 Not Found\r\nX: 1\r\n\r\nuntil the end";
        let trace = responses(stream, &[Head, Other], Config::default());
        assert_eq!(trace.end(), End::Closed);
        assert_eq!(
            trace.framings(),
            [
                Framing::None,
                Framing::None,
                Framing::Chunked,
                Framing::None,
                Framing::Length(2),
                Framing::Close
            ]
        );
        let m = &trace.reduction.messages;
        assert!(m.iter().all(|m| m.complete));
        assert_eq!(m[2].body, b"abc");
        assert_eq!(m[4].headers[0], (b"X-F".to_vec(), b"a b".to_vec()));
        assert!(m[4]
            .head_readings
            .unwrap()
            .first_use(Reading::ObsFold)
            .is_some());
        assert_eq!(m[5].body, b"until the end");
        assert_eq!(
            m[4].start,
            Start::Response {
                version: Version::Http10,
                status: 200,
                reason: Vec::new()
            }
        );
    }

    #[test]
    fn upgrades_end_the_stream() {
        let stream = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n\x00\xffHTTP";
        let trace = responses(stream, &[], Config::default());
        assert_eq!(trace.end(), End::Upgraded);
        let stream = b"HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03";
        let trace = responses(stream, &[MethodKind::Connect], Config::default());
        assert_eq!(trace.end(), End::Upgraded);
        assert_eq!(trace.framings(), [Framing::Upgrade]);
    }

    #[test]
    fn methods_past_the_queue_limit_are_told_as_responses_come() {
        let mut methods = vec![MethodKind::Other; Decoder::MAX_IN_FLIGHT];
        methods.push(MethodKind::Head);
        let mut stream = b"HTTP/1.1 204 \r\n\r\n".repeat(Decoder::MAX_IN_FLIGHT);
        stream.extend_from_slice(b"HTTP/1.1 103 Early\r\nLink: </a>\r\n\r\n");
        stream.extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
        stream.extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
        let trace = responses(&stream, &methods, Config::default());
        assert_eq!(trace.end(), End::Closed);
        let framings = trace.framings();
        assert_eq!(framings.len(), Decoder::MAX_IN_FLIGHT + 3);
        assert_eq!(
            framings[framings.len() - 2..],
            [Framing::None, Framing::Length(3)]
        );
    }

    #[test]
    fn a_cut_response_is_incomplete() {
        let trace = responses(
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab",
            &[],
            Config::default(),
        );
        assert!(matches!(trace.end(), End::Error(e) if e.kind() == ErrorKind::Incomplete));
        let trace = responses(b"HTTP/1.1 200 OK\r\n\r\nHTTP/1.1", &[], Config::default());
        assert_eq!(trace.end(), End::Closed);
        assert_eq!(trace.reduction.messages[0].body, b"HTTP/1.1");
    }
}
