//! The event-grammar checker: every result of every call the driver makes
//! is checked here against what the crate documents, and turned into the
//! trace.
//!
//! - the grammar: `Request`/`Response`, `Header`*, `HeadEnd`, then what
//!   the framing allows (`Body`* adding up to a Content-Length; `Body`*
//!   `Trailer`* for chunked; `Body`* until `finish` for close-delimited;
//!   nothing for none or upgrade), `MessageEnd`; `Upgraded` only right
//!   after an upgrade's `MessageEnd`; an error or `finish` only between
//!   events, `Incomplete` only from `finish` and only inside a message;
//! - each slice inside the call's input, at the right place in the stream
//!   ([`lines`]: start lines and field lines, as RFC 9112 writes them);
//! - each head's framing as the strict rules and RFC 9112 section 6.3 say
//!   ([`heads`]);
//! - the readings the decoder reports ([`readings`]).

mod heads;
mod lines;
mod readings;

use h1wire::{Error, ErrorKind, Event, Lenient, MethodKind, Readings, Version};

use crate::decoders::Reads;
use crate::reduction::{Message, Reduction};
use crate::trace::{End, Record, SpannedEv, Trace};

/// Where the event grammar stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grammar {
    /// Between messages.
    Between,
    /// In a head, after the start line.
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
pub(crate) struct Checker<'s> {
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
    pub(crate) fn new(stream: &'s [u8], lenient: Lenient, reads: Reads) -> Self {
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

    /// The whole stream being decoded.
    pub(crate) fn stream(&self) -> &'s [u8] {
        self.stream
    }

    /// The index of the last message started (counting from 0).
    pub(crate) fn last_message(&self) -> usize {
        self.messages.len().saturating_sub(1)
    }

    pub(crate) fn into_trace(self, end: End, given: usize, consumed: u64) -> Trace {
        Trace {
            records: self.records,
            reduction: Reduction {
                messages: self.messages,
                end,
            },
            given: given as u64,
            consumed,
        }
    }

    pub(crate) fn need_more(&mut self) {
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

    pub(crate) fn upgraded(&mut self) {
        assert_eq!(
            self.grammar,
            Grammar::Upgrading,
            "Upgraded without an upgrade's MessageEnd"
        );
    }

    /// The switch did not happen: the decoder reads the next message.
    pub(crate) fn resumed(&mut self) {
        assert_eq!(self.grammar, Grammar::Upgrading);
        self.grammar = Grammar::Between;
    }

    /// `finish` returned the `MessageEnd` of a close-delimited body.
    pub(crate) fn end_by_close(&mut self, readings: Readings, at: u64) {
        assert_eq!(
            self.grammar,
            Grammar::Close,
            "finish produced MessageEnd outside a close-delimited body"
        );
        self.finishing = true;
        self.event(&Event::MessageEnd, &[], at, 0, readings);
        self.finishing = false;
    }

    /// `finish` accepted the end of the stream.
    pub(crate) fn finished_between_messages(&mut self) {
        assert_ne!(
            self.grammar,
            Grammar::Close,
            "finish did not end a close-delimited body"
        );
        assert_eq!(
            self.grammar,
            Grammar::Between,
            "finish accepted a cut message"
        );
    }

    /// `finish` refused the end of the stream (the decoder held `held`
    /// unconsumed bytes, of `given` in all).
    pub(crate) fn finish_refused(&mut self, e: Error, given: usize, held: bool) {
        assert_ne!(
            self.grammar,
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
            held || self.grammar != Grammar::Between,
            "incomplete error between messages with nothing held"
        );
    }

    /// `decode` returned an error after `given` stream bytes.
    pub(crate) fn error(&mut self, e: Error, given: usize) {
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

    /// A call returned `event`, having consumed `consumed` bytes of
    /// `input`, whose first byte is at stream offset `base`; the decoder's
    /// readings are then `readings`.
    pub(crate) fn event(
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
            Event::Request(line) => self.request_line(line, input, base),
            Event::Header(f) => {
                assert_eq!(self.grammar, Grammar::Head, "Header outside a head");
                let rec = self.field("header", f, input, base);
                Self::check_fold_recorded(&rec, readings);
                let m = self.messages.last_mut().unwrap();
                m.headers.push((rec.name.bytes.clone(), rec.joined.clone()));
                SpannedEv::Header(rec)
            }
            Event::HeadEnd(head) => self.head_end(head.framing, readings, end),
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
                SpannedEv::Body(span)
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
                SpannedEv::Trailer(rec)
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
                SpannedEv::MessageEnd
            }
        };
        self.check_readings(readings, end);
        if let SpannedEv::MessageEnd = ev {
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
