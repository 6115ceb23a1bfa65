//! Feeding a stream to a decoder as a real caller does, checking the buffer
//! contract on every call, and recording what came out.

use core::ops::Range;

use h1wire::{
    Decoder, Error, ErrorKind, Event, Field, Framing, Lenient, Reading, Readings, Status, Step,
    Version,
};

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
}

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
    let mut checker = Checker::new(stream, decoder.lenient());
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
            checker.finished_between_messages();
            End::Closed
        }
        Ok(Some(event)) => {
            // Only a close-delimited body ends this way, and requests have none.
            panic!("finish produced {event:?} for a request stream");
        }
        Err(e) => {
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
    /// After the `MessageEnd` of an upgrade: only `Upgraded` may come.
    Upgrading,
}

/// Checks every event and result against the documented promises and
/// builds the trace.
pub struct Checker<'s> {
    stream: &'s [u8],
    lenient: Lenient,
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
    pub fn new(stream: &'s [u8], lenient: Lenient) -> Self {
        Checker {
            stream,
            lenient,
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
            !folded || self.lenient.obs_fold,
            "folded {what} without Lenient::obs_fold"
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
        for (reading, at) in readings.iter() {
            let allowed = match reading {
                Reading::BareLf => self.lenient.bare_lf,
                Reading::ObsFold => self.lenient.obs_fold,
                Reading::DuplicateContentLength => self.lenient.duplicate_content_length,
                Reading::NonAsciiTarget => self.lenient.non_ascii_target,
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
                    let next = if s[at] == b'\r' { at + 2 } else { at + 1 };
                    assert!(
                        (s[at] == b'\r' || s[at] == b'\n')
                            && s.get(next).is_some_and(|&b| is_ws(b)),
                        "ObsFold reading at {at} is not a line break followed by whitespace"
                    );
                }
                Reading::NonAsciiTarget => {
                    assert!(s[at] >= 0x80, "NonAsciiTarget reading at {at} is ASCII")
                }
                _ => {}
            }
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
            Event::Response(line) => panic!("this driver reads requests only: {line:?}"),
            Event::Request(line) => {
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
                    Framing::Close => panic!("a request framed close"),
                };
                let m = self.messages.last_mut().unwrap();
                if framing == Framing::Upgrade {
                    let Start::Request { method, .. } = &m.start;
                    assert_eq!(
                        method, b"CONNECT",
                        "upgrade framing for a non-CONNECT request"
                    );
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
                    Grammar::Chunked => {}
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
                let m = self.messages.last_mut().unwrap();
                m.trailers
                    .push((rec.name.bytes.clone(), rec.joined.clone()));
                Ev::Trailer(rec)
            }
            Event::MessageEnd => {
                self.grammar = match self.grammar {
                    Grammar::AwaitEnd { upgrade: true } => Grammar::Upgrading,
                    Grammar::AwaitEnd { upgrade: false } | Grammar::Chunked | Grammar::Trailers => {
                        Grammar::Between
                    }
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
            assert!(
                readings.is_empty(),
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
        let whole = drive(&mut Decoder::server(h1wire::Config::default()), stream, Pieces::whole());
        assert_eq!(whole.end(), End::Closed);
        assert_eq!(whole.reduction.messages.len(), 2);
        assert_eq!(whole.reduction.messages[1].body, b"abc");
        assert_eq!(
            whole.reduction.messages[1].trailers,
            vec![(b"T".to_vec(), b"1".to_vec())]
        );
        for sizes in [&[1u8][..], &[7, 0, 3]] {
            let split = drive(&mut Decoder::server(h1wire::Config::default()), stream, Pieces::sizes(sizes));
            assert_eq!(split.reduction, whole.reduction);
            assert_eq!(split.normalized(), whole.normalized());
        }
    }
}
