//! The decoder: one state machine for both roles, with every transition in
//! this file. What differs by role is asked of [`Role`]; what differs by
//! syntax lives in `head/` and `body/`.

use crate::body::chunked::{ChunkLine, ChunkLineRead, RepeatedFraming};
use crate::body::facts::FramingFacts;
use crate::body::{decide, MessageKind};
use crate::config::{LenientBits, SmallLimits};
use crate::head::field::{classify, parse_field_line, FieldSpan, KnownField};
use crate::head::line::{scan_line, Line, LineEnd, LineRules, Progress, Scan};
use crate::readings::SectionReadings;
use crate::role::client::MethodQueue;
use crate::role::{server, Role, RoleFacts};
use crate::syntax::chars::is_whitespace;
use crate::syntax::{within, Fault};
use crate::{
    Config, Error, ErrorKind, Event, Field, Framing, HeadEnd, MethodKind, Reading, Readings,
};

/// The result of one [`Decoder::decode`] call: how many bytes of the input
/// were consumed, and what happened.
///
/// The caller drops `consumed` bytes from the front of its buffer once it is
/// done with the status's borrowed data, and passes what is left (plus any
/// new bytes) to the next call.
#[must_use = "the caller must drop `consumed` bytes and act on `status`"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step<'a> {
    /// Bytes of the input this call consumed; they will never be needed again.
    pub consumed: usize,
    /// What the call produced.
    pub status: Status<'a>,
}

impl<'a> Step<'a> {
    /// The event, if the call produced one.
    pub fn event(&self) -> Option<Event<'a>> {
        match self.status {
            Status::Event(event) => Some(event),
            _ => None,
        }
    }
}

/// What a [`Decoder::decode`] call produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status<'a> {
    /// An event, borrowing the input. Call again for the next one.
    Event(Event<'a>),
    /// The unconsumed input holds no complete event: append more bytes after
    /// it and call again, or call [`Decoder::finish`] if the peer closed.
    ///
    /// Unlike httparse's `Partial`, this may come with
    /// [`Step::consumed`] `> 0`: part of a chunk-size line is consumed as it
    /// arrives (so a slow peer costs no rescanning). Drop those bytes too;
    /// passing them again would have them read twice (`1` then `10\r\n`
    /// would read as a chunk of 0x110 bytes, not 0x10).
    NeedMore,
    /// The connection left HTTP/1 after a message framed
    /// [`Framing::Upgrade`]: every byte not consumed belongs to the new
    /// protocol, and the decoder will produce nothing more.
    Upgraded,
    /// [`Decoder::finish`] was called; the decoder will produce nothing more.
    Closed,
}

/// A sans-I/O HTTP/1 decoder over caller-owned bytes.
///
/// The buffer contract, for every call of [`decode`](Self::decode):
///
/// 1. Pass the unconsumed front of the stream: the bytes the previous call
///    did not consume, in the same order, followed by any new bytes.
/// 2. The call consumes a prefix of them (`Step::consumed`, possibly 0) and
///    reports one [`Status`]: an event that borrows the input, `NeedMore`,
///    or that the decoder is done.
/// 3. Drop the consumed bytes once you are done with the event (the borrow
///    checker makes you finish with it first), then call again.
/// 4. On `NeedMore`, read more bytes first (after dropping the consumed
///    ones: `NeedMore` may consume some). Bytes the decoder already looked
///    at are not scanned again, so input arriving one byte at a time costs
///    linear time. A line is delivered whole, so the buffer must hold the
///    longest line the limits allow: [`Limits::buffer_len`](crate::Limits::buffer_len).
/// 5. When the peer closes the connection, call [`finish`](Self::finish).
/// 6. A call that returns an `Err` consumes nothing ([`position`](Self::position)
///    stays at the first byte it was given; the error's offset says where
///    the input went wrong). After it, every call returns the same error:
///    answer with [`Error::status_hint`] if you can, and close the
///    connection.
///
/// The decoder never allocates, never blocks and never panics, whatever the
/// input. A caller that breaks rule 1 (hands over other bytes than those
/// the decoder already looked at) gets no panic either, but no promise
/// about those bytes: they are not scanned again, so a byte changed there
/// may be let through, or the head read so far may be refused. (Fewer
/// bytes than `decode_head` read make it start the head over.)
#[derive(Clone, Debug)]
pub struct Decoder {
    limits: SmallLimits,
    lenient: LenientBits,
    role: Role,
    state: State,
    /// Stream offset of the first byte of the next call's input.
    position: u64,
    /// Bytes the last call was given and did not consume (see [`held_count`]).
    held: u32,
    /// How far the pending head line was scanned.
    line: Progress,
    /// Bytes of the current head, or trailer section, consumed so far.
    /// (This and the other counts are bounded by limits, which fit in a
    /// `u32`: see [`Limits::MAX`](crate::Limits::MAX).)
    section_len: u32,
    /// Field lines of the current head so far.
    fields: u32,
    /// The kind of the current message (known from its start line).
    message: MessageKind,
    role_facts: RoleFacts,
    readings: SectionReadings,
    /// Client role: the methods of the requests awaiting a response.
    methods: MethodQueue,
    /// Bytes at the front of the caller's input that a [`decode_head`]
    /// call left waiting for the rest of a head already read (and checked)
    /// but not consumed: the caller passes them again. Zero otherwise.
    ///
    /// [`decode_head`]: Decoder::decode_head
    head_read: u32,
}

/// Where in the message stream the decoder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before a start line; whether the one empty line allowed before it was
    /// already skipped.
    StartLine {
        empty_line_skipped: bool,
    },
    /// In the field lines of a head, with what they said about framing
    /// so far (kept here: they matter only until the head ends).
    Fields(FramingFacts),
    /// In a Content-Length body.
    LengthBody {
        remaining: u64,
    },
    /// In a body that ends when the peer closes.
    CloseBody,
    /// In a chunk-size line.
    ChunkLine(ChunkLine),
    /// In chunk data.
    ChunkData {
        remaining: u64,
    },
    /// After chunk data, before its CRLF.
    ChunkDataEnd {
        /// The framing of the chunk just read, for a next chunk of the
        /// same size (kept only for a chunk read in one step: enough for
        /// a stream of them, and the state stays small).
        repeat: RepeatedFraming,
    },
    /// In the trailer section.
    Trailers,
    /// `MessageEnd` is due; then the connection leaves HTTP/1 or the next
    /// message starts.
    MessageEnd {
        upgrade: bool,
    },
    Upgraded,
    Closed,
    Failed(Error),
}

impl State {
    /// Whether a plain chunk ([`plain_chunk`](crate::body::chunked::plain_chunk))
    /// may be read in this state, and if so whether the CRLF after the
    /// previous chunk's data comes before it: the one-step path and
    /// `decode_body`'s loop both start from here.
    /// With it, the framing of the chunk before, if the decoder kept it.
    #[inline(always)]
    fn plain_chunk_start(self) -> Option<(bool, RepeatedFraming)> {
        match self {
            State::ChunkDataEnd { repeat } => Some((true, repeat)),
            State::ChunkLine(line) if line == ChunkLine::new() => {
                Some((false, RepeatedFraming::NONE))
            }
            _ => None,
        }
    }

    /// The state once a chunk's data was read up to `remaining` bytes
    /// from its end; `repeat` is the chunk's framing, if kept.
    #[inline(always)]
    fn in_chunk_data(remaining: u64, repeat: RepeatedFraming) -> State {
        match remaining {
            0 => State::ChunkDataEnd { repeat },
            remaining => State::ChunkData { remaining },
        }
    }
}

/// What one state did with the input.
enum Advance<'a> {
    /// Consumed bytes without an event; go on.
    Skip(usize),
    /// Consumed bytes and produced an event.
    Emit(usize, Event<'a>),
    /// Consumed bytes and needs more input.
    Wait(usize),
    /// Done for good.
    Stop(Status<'static>),
}

/// [`Decoder::expect_response`] was called with
/// [`MAX_IN_FLIGHT`](Decoder::MAX_IN_FLIGHT) requests already awaiting
/// their response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TooManyInFlight;

impl core::fmt::Display for TooManyInFlight {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "more than {} requests awaiting a response",
            Decoder::MAX_IN_FLIGHT
        )
    }
}

#[cfg(feature = "std")]
impl std::error::Error for TooManyInFlight {}

impl Decoder {
    /// How many requests a client's decoder can hold the methods of while
    /// they await their responses (see [`expect_response`](Self::expect_response)).
    pub const MAX_IN_FLIGHT: usize = MethodQueue::CAPACITY;

    /// A decoder for the server role: it decodes a stream of requests.
    #[inline]
    pub fn server(config: Config) -> Self {
        Decoder::new(Role::Server, config)
    }

    /// A decoder for the client role: it decodes a stream of responses.
    ///
    /// How a response is framed depends on the request it answers: tell
    /// the decoder the method of each request sent, in order, with
    /// [`expect_response`](Self::expect_response). A response nobody told
    /// it about answers GET.
    #[inline]
    pub fn client(config: Config) -> Self {
        Decoder::new(Role::Client, config)
    }

    /// Client role: a request with this method was sent and awaits its
    /// response. Responses to HEAD have no body and a 2xx response to
    /// CONNECT opens a tunnel, so the decoder must know; methods are taken
    /// in order, one per final response (a 1xx other than 101 does not use
    /// one up). At most [`MAX_IN_FLIGHT`](Self::MAX_IN_FLIGHT) may wait.
    ///
    /// A server's decoder has no use for it.
    pub fn expect_response(&mut self, method: MethodKind) -> Result<(), TooManyInFlight> {
        if self.in_flight() < Self::MAX_IN_FLIGHT && self.methods.push(method) {
            Ok(())
        } else {
            Err(TooManyInFlight)
        }
    }

    /// Client role: how many requests await their response (as told by
    /// [`expect_response`](Self::expect_response), minus the final
    /// responses begun since: a method is taken when its response's status
    /// line is read, before the rest of that response).
    pub fn in_flight(&self) -> usize {
        self.methods.len() + usize::from(self.holds_a_method())
    }

    /// Whether a final response head that [`decode_head`](Self::decode_head)
    /// read in part took its request's method, which it puts back if the
    /// caller goes on with `decode` (see `rewind_head`): until that head
    /// is whole, its request still awaits its response, and its slot must
    /// stay free.
    fn holds_a_method(&self) -> bool {
        self.head_read != 0 && self.half_read_answer_to().is_some() && self.methods.took_one()
    }

    /// The method of the request a final response answers, while its head
    /// is being read (its status line taken: the method too).
    pub(super) fn half_read_answer_to(&self) -> Option<MethodKind> {
        match self.state {
            State::Fields(_) => self.message.final_response_to(),
            _ => None,
        }
    }

    #[inline]
    fn new(role: Role, config: Config) -> Self {
        Decoder {
            limits: SmallLimits::new(config.limits),
            lenient: LenientBits::new(config.lenient),
            role,
            state: State::StartLine {
                empty_line_skipped: false,
            },
            position: 0,
            held: 0,
            line: Progress::default(),
            section_len: 0,
            fields: 0,
            message: MessageKind::Request {
                version: crate::Version::Http11,
                connect: false,
            },
            role_facts: RoleFacts::default(),
            readings: SectionReadings::starting_at(0),
            methods: MethodQueue::default(),
            head_read: 0,
        }
    }

    /// The configuration this decoder was made with (each limit at most
    /// [`Limits::MAX`](crate::Limits::MAX)).
    pub fn config(&self) -> Config {
        Config {
            limits: self.limits.limits(),
            lenient: self.lenient.lenient(),
        }
    }

    /// Stream offset of the first byte not yet consumed.
    pub fn position(&self) -> u64 {
        self.position - u64::from(self.head_read)
    }

    /// The lenient readings used so far in the current head, or, once a
    /// chunked body's trailer section began, in that section (always
    /// empty for requests with the strict default configuration; a
    /// response's record shows whether it used obs-fold, read by default,
    /// and where first): read them at
    /// [`Event::HeadEnd`] and at [`Event::MessageEnd`]. See [`Readings`].
    pub fn readings(&self) -> Readings {
        self.readings.readings()
    }

    /// Decode the next event from `input`, the unconsumed front of the
    /// stream (see the buffer contract on [`Decoder`]).
    ///
    /// This call is inlined into the caller's loop, and its steps come
    /// back in registers as long as the loop only matches on them: a
    /// `{:?}` of the whole step, even in an arm that never runs, makes the
    /// compiler store every step (measured: a third slower fed one byte at
    /// a time). Format what an arm holds instead.
    #[inline(always)]
    pub fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        // A slow peer's next bytes of a line: nothing to do but remember
        // how far the line was scanned. (Only a line state leaves a
        // partial scan behind. In a head `decode_head` left half read, the
        // line is still partial all the same: the head is not all here.)
        if self.line.extend_partial(input) {
            self.held = count32(input.len()); // a head within its limit
            return Ok(Step {
                consumed: 0,
                status: Status::NeedMore,
            });
        }
        if self.head_read != 0 {
            self.rewind_head();
        }
        // A chunk framed as the one before, tested by itself: one compare
        // of the state's tag, where the match below is a jump table. (A
        // chunk this does not take, one with extensions or not all here,
        // is tried once more by the arm below before the general path:
        // dropping the state from that arm, or going to the general path
        // from here, measured 4.5% and 8% more instructions a byte at a
        // time, and up to 2% more on heads, from how the compiler then
        // lays `decode` out.)
        if let State::ChunkDataEnd { .. } = self.state {
            if let Some(step) = self.plain_chunk(input) {
                return Ok(step);
            }
        }
        // Most other calls deliver an ordinary field or the next piece of a
        // body: those first, small enough to inline into the caller's loop.
        // (Each returns from its own arm, so that its step is written where
        // the caller wants it, not gathered in a local and copied there.)
        match self.state {
            State::Fields(_) if input.starts_with(b"\r\n") => {
                if let Some(result) = self.plain_head_end(input) {
                    return result;
                }
            }
            // An ordinary field line (see `plain_field`), or a slow
            // peer's partial line (its first bytes, or ending in its CR,
            // waiting for the LF).
            State::Fields(_) => match self.plain_field(input) {
                PlainField::Field(field, next) => {
                    self.held = held_count(input.len() - next);
                    return Ok(Step {
                        consumed: next,
                        status: Status::Event(Event::Header(field)),
                    });
                }
                PlainField::Partial(scanned, cap) => {
                    self.line = Progress::partial(scanned, cap);
                    self.held = count32(input.len()); // a line within its cap
                    return Ok(Step {
                        consumed: 0,
                        status: Status::NeedMore,
                    });
                }
                PlainField::Failed(error) => return Err(error),
                PlainField::Other => {}
            },
            State::ChunkDataEnd { .. } | State::ChunkLine(_) => {
                if let Some(step) = self.plain_chunk(input) {
                    return Ok(step);
                }
            }
            State::LengthBody { remaining } if !input.is_empty() => {
                if let Some(step) = self.plain_body(input, remaining, false) {
                    return Ok(step);
                }
            }
            State::ChunkData { remaining } if !input.is_empty() => {
                if let Some(step) = self.plain_body(input, remaining, true) {
                    return Ok(step);
                }
            }
            State::MessageEnd { upgrade: false } => return Ok(self.message_end(input)),
            State::StartLine {
                empty_line_skipped: false,
            } => return offsets::attach(self.start_line_by_offsets(input), input),
            _ => {}
        }
        // (Out-of-line paths hand their step back as offsets: see
        // `offsets` for why.)
        offsets::attach(self.general_by_offsets(input), input)
    }

    #[inline(never)]
    fn general_by_offsets(&mut self, input: &[u8]) -> Result<offsets::OffsetStep, Error> {
        offsets::detach(self.decode_general(input), input)
    }

    /// The `MessageEnd` due when a message that does not leave HTTP/1 is
    /// done (the step `decode` takes from `State::MessageEnd { upgrade:
    /// false }`, and `decode_body` right after a body's last piece).
    #[inline(always)]
    fn message_end<'a>(&mut self, input: &[u8]) -> Step<'a> {
        self.state = State::StartLine {
            empty_line_skipped: false,
        };
        self.settle(input, 0);
        Step {
            consumed: 0,
            status: Status::Event(Event::MessageEnd),
        }
    }

    /// Everything but the common cases of `fast.rs`: kept out of line so
    /// that `decode` stays small enough to inline into the caller's loop.
    #[inline(never)]
    fn decode_general<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        let mut consumed = 0;
        loop {
            let rest = within(input, consumed..);
            let base = self.position + consumed as u64;
            let advance = match self.advance(rest, base) {
                Ok(advance) => advance,
                // A failing call consumes nothing (it reports no count):
                // `position` stays where the caller's input starts, as
                // with `decode_head` and `decode_body`.
                Err(error) => {
                    self.settle(input, 0);
                    return Err(self.failed(error));
                }
            };
            let (used, status) = match advance {
                Advance::Skip(used) => {
                    consumed += used;
                    self.line = Progress::default();
                    continue;
                }
                Advance::Emit(used, event) => (used, Status::Event(event)),
                Advance::Wait(used) => (used, Status::NeedMore),
                Advance::Stop(status) => (0, status),
            };
            if used > 0 {
                self.line = Progress::default();
            }
            consumed += used;
            self.settle(input, consumed);
            return Ok(Step { consumed, status });
        }
    }

    /// Go on reading HTTP/1 after a message framed [`Framing::Upgrade`]
    /// whose switch did not happen: a CONNECT that was refused (407, say),
    /// after which the client may send another request on the same
    /// connection. The next message starts right after the head. The
    /// connection types call it when the answer decides: after the decoder
    /// stopped at [`Status::Upgraded`], or before, between the head and
    /// its [`Event::MessageEnd`] (a server may refuse a CONNECT as soon as
    /// it has read the head), and then it does not stop there. Does
    /// nothing anywhere else.
    pub fn resume(&mut self) {
        match self.state {
            State::Upgraded => {
                self.state = State::StartLine {
                    empty_line_skipped: false,
                }
            }
            State::MessageEnd { upgrade: true } => {
                self.state = State::MessageEnd { upgrade: false }
            }
            _ => {}
        }
    }

    /// [`decode_head`](Self::decode_head) read the start line of a head
    /// that is not whole yet (and holds it in the caller's buffer).
    pub(crate) fn start_line_held(&self) -> bool {
        matches!(self.state, State::Fields(_)) && self.head_read != 0
    }

    /// `MessageEnd` is due and a next message may follow it: a
    /// [`decode_head`](Self::decode_head) call now implies that end.
    pub(crate) fn message_end_due(&self) -> bool {
        matches!(self.state, State::MessageEnd { upgrade: false })
    }

    /// Tell the decoder the peer closed the connection (end of stream).
    ///
    /// Call it after [`decode`](Self::decode) returned `NeedMore`. Returns
    /// `Ok(Some(Event::MessageEnd))` when the close completes a body framed
    /// [`Framing::Close`], `Ok(None)` when the stream ended between messages
    /// (or after an upgrade), and an [`ErrorKind::Incomplete`] error when it
    /// ended inside a message.
    pub fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        // (`held` counts from the head's first byte when `decode_head`
        // left one half read: `position()`.)
        let incomplete = Error::new(
            ErrorKind::Incomplete,
            self.position() + u64::from(self.held),
        );
        let (next, result) = match self.state {
            State::Failed(error) => return Err(error),
            State::Upgraded | State::Closed => return Ok(None),
            State::MessageEnd { upgrade: true } => (State::Upgraded, Ok(Some(Event::MessageEnd))),
            State::CloseBody | State::MessageEnd { upgrade: false } if self.held == 0 => {
                (State::Closed, Ok(Some(Event::MessageEnd)))
            }
            // (Nothing but the empty line before a start line, which
            // `decode_head` may have read and left in the caller's buffer.)
            State::StartLine { .. } if self.held == self.head_read => (State::Closed, Ok(None)),
            _ => (State::Failed(incomplete), Err(incomplete)),
        };
        self.state = next;
        self.line = Progress::default();
        // A head `decode_head` left half read is not the caller's to drop.
        self.position -= u64::from(core::mem::take(&mut self.head_read));
        result
    }

    /// Record what the call consumed.
    fn settle(&mut self, input: &[u8], consumed: usize) {
        self.position += consumed as u64;
        self.held = held_count(input.len().saturating_sub(consumed));
    }

    /// Enter the failed state for good: every later call returns `error`.
    /// (The partial-line record goes too: only a line state may keep one,
    /// or the slow-peer check in `decode` would answer for a dead decoder.)
    #[cold]
    fn failed(&mut self, error: Error) -> Error {
        self.state = State::Failed(error);
        self.line = Progress::default();
        error
    }

    fn fail<T>(kind: ErrorKind, offset: u64) -> Result<T, Error> {
        Err(Error::new(kind, offset))
    }

    /// One transition from the current state over `rest`, whose first byte
    /// is at stream offset `base`.
    #[inline]
    fn advance<'a>(&mut self, rest: &'a [u8], base: u64) -> Result<Advance<'a>, Error> {
        match self.state {
            State::StartLine { empty_line_skipped } => {
                self.start_line(rest, base, empty_line_skipped)
            }
            State::Fields(_) => self.field_line(rest, base, false),
            State::Trailers => self.field_line(rest, base, true),
            State::LengthBody { remaining } => Ok(self.body(rest, remaining, false)),
            State::ChunkData { remaining } => Ok(self.body(rest, remaining, true)),
            State::CloseBody => Ok(match rest.len() {
                0 => Advance::Wait(0),
                n => Advance::Emit(n, Event::Body(rest)),
            }),
            State::ChunkLine(mut line) => match line.read(rest, self.limits.chunk_line()) {
                Err(fault) => Err(fault.in_stream(base)),
                Ok(ChunkLineRead::NeedMore { consumed }) => {
                    self.state = State::ChunkLine(line);
                    Ok(Advance::Wait(consumed))
                }
                Ok(ChunkLineRead::Done { size, consumed }) => {
                    self.state = if size == 0 {
                        self.section_len = 0;
                        self.readings = SectionReadings::starting_at(base + consumed as u64);
                        State::Trailers
                    } else {
                        State::ChunkData { remaining: size }
                    };
                    Ok(Advance::Skip(consumed))
                }
            },
            State::ChunkDataEnd { .. } => match rest {
                [b'\r', b'\n', ..] => {
                    self.state = State::ChunkLine(ChunkLine::new());
                    Ok(Advance::Skip(2))
                }
                [] | [b'\r'] => Ok(Advance::Wait(0)),
                [b'\r', ..] => Self::fail(ErrorKind::InvalidChunkEnd, base + 1),
                _ => Self::fail(ErrorKind::InvalidChunkEnd, base),
            },
            State::MessageEnd { upgrade } => {
                self.state = if upgrade {
                    State::Upgraded
                } else {
                    State::StartLine {
                        empty_line_skipped: false,
                    }
                };
                Ok(Advance::Emit(0, Event::MessageEnd))
            }
            State::Upgraded => Ok(Advance::Stop(Status::Upgraded)),
            State::Closed => Ok(Advance::Stop(Status::Closed)),
            State::Failed(error) => Err(error),
        }
    }

    /// Body data framed by a length (`remaining` bytes left).
    #[inline]
    fn body<'a>(&mut self, rest: &'a [u8], remaining: u64, chunk: bool) -> Advance<'a> {
        if rest.is_empty() {
            return Advance::Wait(0);
        }
        let take = usize::try_from(remaining).map_or(rest.len(), |r| r.min(rest.len()));
        let left = remaining - take as u64;
        self.state = match (left, chunk) {
            (remaining, true) => State::in_chunk_data(remaining, RepeatedFraming::NONE),
            (0, false) => State::MessageEnd { upgrade: false },
            (remaining, false) => State::LengthBody { remaining },
        };
        Advance::Emit(take, Event::Body(within(rest, ..take)))
    }

    /// Scan for the next head (or trailer) line, with the section's limits.
    /// `Ok(None)`: incomplete, call again with more input.
    fn next_line(
        &mut self,
        rest: &[u8],
        base: u64,
        trailers: bool,
        start_line: bool,
    ) -> Result<Option<Line>, Error> {
        let section_error = Self::section_error(trailers);
        let line_error = if start_line {
            self.role.start_line_too_long()
        } else {
            ErrorKind::FieldLineTooLong
        };
        let (room, cap) = self.section_room(trailers);
        let limits = &self.limits;
        let rules = LineRules {
            cap,
            bare_lf: self.lenient.bare_lf(),
            fold: !start_line && self.role.folds(self.lenient),
        };
        let line = match scan_line(rest, &mut self.line, rules) {
            Scan::Line(line) => line,
            Scan::Partial => return Ok(None),
            Scan::BareCr(at) => return Self::fail(ErrorKind::BareCr, base + at as u64),
            Scan::BareLf(at) => return Self::fail(ErrorKind::BareLf, base + at as u64),
            Scan::TooLong if limits.line() < room => {
                return Self::fail(line_error, base + limits.line() as u64)
            }
            Scan::TooLong => return Self::fail(section_error, base + room as u64),
        };
        if line.next > room {
            return Self::fail(section_error, base + room as u64);
        }
        if let Some(at) = line.bare_lf_at {
            self.readings.record(Reading::BareLf, base + at as u64);
        }
        if let Some(at) = line.fold_at {
            self.readings.record(Reading::ObsFold, base + at as u64);
        }
        Ok(Some(line))
    }

    fn start_line<'a>(
        &mut self,
        rest: &'a [u8],
        base: u64,
        empty_line_skipped: bool,
    ) -> Result<Advance<'a>, Error> {
        if rest.is_empty() {
            return Ok(Advance::Wait(0));
        }
        if !empty_line_skipped {
            // The first byte of a new message: its record starts empty.
            self.readings = SectionReadings::starting_at(base);
            if self.role.skips_empty_line() {
                let skip = match rest {
                    [b'\r', b'\n', ..] => 2,
                    [b'\r'] => return Ok(Advance::Wait(0)),
                    [b'\n', ..] if self.lenient.bare_lf() => {
                        self.readings.record(Reading::BareLf, base);
                        1
                    }
                    _ => 0,
                };
                if skip > 0 {
                    self.state = State::StartLine {
                        empty_line_skipped: true,
                    };
                    return Ok(Advance::Skip(skip));
                }
            }
        }
        self.section_len = 0;
        let (event, kind, next) = match self.fast_start_line(rest) {
            Some(fast) => fast,
            None => {
                let Some(line) = self.next_line(rest, base, false, true)? else {
                    return Ok(Advance::Wait(0));
                };
                let content = within(rest, ..line.len);
                let start = self
                    .role
                    .parse_start_line(content, line.end, self.lenient, self.methods.front())
                    .map_err(|f| f.in_stream(base))?;
                if let Some(at) = start.non_ascii_at {
                    self.readings
                        .record(Reading::NonAsciiTarget, base + at as u64);
                }
                (start.event, start.kind, line.next)
            }
        };
        self.begin_message(kind, next);
        Ok(Advance::Emit(next, event))
    }

    /// A start line of `len` bytes of this kind was read: the head's
    /// fields come next.
    #[inline(always)]
    fn begin_message(&mut self, kind: MessageKind, len: usize) {
        if kind.final_response_to().is_some() {
            self.methods.pop();
        }
        self.message = kind;
        self.role_facts = RoleFacts::default();
        self.fields = 0;
        self.section_len = count32(len);
        self.state = State::Fields(FramingFacts::default());
    }

    /// The common start line in one pass, when it is all here; `None`
    /// leaves it to the general path. The caller resets `line`.
    ///
    /// A line a slow peer sent in pieces is read here too, once its end
    /// has come: what its partial scans recorded is how far they got (a
    /// start line has no fold, and a bare LF would have ended it), and
    /// this reader, which refuses any control byte, takes the line only
    /// if they would have found nothing either. (Reading it again from
    /// its first byte once keeps the cost linear.)
    #[inline]
    fn fast_start_line<'a>(&self, rest: &'a [u8]) -> Option<(Event<'a>, MessageKind, usize)> {
        let limits = &self.limits;
        let (start, next) = self.role.fast_start_line(
            rest,
            limits.line().min(limits.head()),
            self.methods.front(),
        )?;
        // The general path would refuse a line that overflows the head.
        (next <= limits.head()).then_some((start.event, start.kind, next))
    }

    /// A field line of the head, or of the trailer section.
    fn field_line<'a>(
        &mut self,
        rest: &'a [u8],
        base: u64,
        trailers: bool,
    ) -> Result<Advance<'a>, Error> {
        let Some(&first) = rest.first() else {
            return Ok(Advance::Wait(0));
        };
        // Whitespace at the start of a line (RFC 9112 sections 2.2 and 5.2):
        // obs-fold after a field is joined to it by the line scan when
        // allowed, so here it is either refused obs-fold or whitespace
        // before the first field line. Either way it is refused, before
        // waiting for the rest of the line.
        if is_whitespace(first) {
            return Self::fail(ErrorKind::ObsFold, base);
        }
        let Some(line) = self.next_line(rest, base, trailers, false)? else {
            return Ok(Advance::Wait(0));
        };
        self.section_len += count32(line.next);
        if line.len == 0 && line.end != LineEnd::Invalid {
            return self.end_of_section(base, trailers, line.next);
        }
        self.count_field(base, trailers)?;
        let content = within(rest, ..line.len);
        let folded = line.fold_at.is_some();
        let span = parse_field_line(content, line.end, folded).map_err(|f| f.in_stream(base))?;
        self.deliver_field(rest, base, trailers, span, line.next)
    }

    /// The empty line ending a head or a trailer section, `len` bytes at `base`.
    fn end_of_section<'a>(
        &mut self,
        base: u64,
        trailers: bool,
        len: usize,
    ) -> Result<Advance<'a>, Error> {
        if trailers {
            self.state = State::StartLine {
                empty_line_skipped: false,
            };
            return Ok(Advance::Emit(len, Event::MessageEnd));
        }
        let framing = self.end_of_head(base, self.section_len as usize - len)?;
        Ok(Advance::Emit(len, Event::HeadEnd(HeadEnd { framing })))
    }

    /// One more field line in the head (trailers are bounded by size only).
    #[inline]
    fn count_field(&mut self, base: u64, trailers: bool) -> Result<(), Error> {
        if !trailers {
            if self.fields as usize == self.limits.fields() {
                return Self::fail(ErrorKind::TooManyFields, base);
            }
            self.fields += 1;
        }
        Ok(())
    }

    /// Emit a parsed field line that ends at `next`.
    #[inline]
    fn deliver_field<'a>(
        &mut self,
        rest: &'a [u8],
        base: u64,
        trailers: bool,
        span: FieldSpan,
        next: usize,
    ) -> Result<Advance<'a>, Error> {
        let name = within(rest, ..span.name_end);
        let value = within(rest, span.value_start..span.value_end);
        let field = Field { name, value };
        if trailers {
            // Framing and routing fields have no place in a trailer section
            // (RFC 9110 section 6.5.1).
            if classify(name) != KnownField::Other {
                if !self.lenient.framing_trailers() {
                    return Self::fail(ErrorKind::ForbiddenTrailer, base);
                }
                self.readings.record(Reading::FramingTrailer, base);
            }
            return Ok(Advance::Emit(next, Event::Trailer(field)));
        }
        let head_before = self.section_len as usize - next;
        self.field_facts(classify(name), value, base, head_before, span.value_start)
            .map_err(|f| f.in_stream(base))?;
        Ok(Advance::Emit(next, Event::Header(field)))
    }

    /// Bytes left for the current head or trailer section, and the most a
    /// line's content may have: the line limit, or less if the section is
    /// nearly full.
    #[inline]
    fn section_room(&self, trailers: bool) -> (usize, usize) {
        let limits = &self.limits;
        let section_limit = if trailers {
            limits.trailers()
        } else {
            limits.head()
        };
        let room = section_limit.saturating_sub(self.section_len as usize);
        (room, limits.line().min(room))
    }

    const fn section_error(trailers: bool) -> ErrorKind {
        if trailers {
            ErrorKind::TrailersTooLarge
        } else {
            ErrorKind::HeadTooLarge
        }
    }

    /// Take what a head field of kind `known` (its name [`classify`]'d) says
    /// about framing and the role's rules. Faults index into the field
    /// line, which starts at stream offset `base`, after `head_before`
    /// bytes of the head; its value starts `value_at` bytes into it.
    ///
    /// Host, in nearly every request, is taken here; the framing fields
    /// out of line.
    #[inline(always)]
    fn field_facts(
        &mut self,
        known: KnownField,
        value: &[u8],
        base: u64,
        head_before: usize,
        value_at: usize,
    ) -> Result<(), Fault> {
        match known {
            KnownField::Other => Ok(()),
            KnownField::Host if self.role.checks_host() => {
                server::host_field(&mut self.role_facts, value, value_at)
            }
            KnownField::Host => Ok(()),
            KnownField::ContentLength | KnownField::TransferEncoding => {
                self.framing_field(known, value, base, head_before, value_at)
            }
        }
    }

    /// [`field_facts`](Self::field_facts) of Content-Length and
    /// Transfer-Encoding: one call out of line, which keeps the loops
    /// over field lines tight (two calls there made heads slower).
    #[inline(never)]
    fn framing_field(
        &mut self,
        known: KnownField,
        value: &[u8],
        base: u64,
        head_before: usize,
        value_at: usize,
    ) -> Result<(), Fault> {
        // Not in a response whose start line already ended HTTP/1.
        if self.message.ignores_framing_fields() {
            return Ok(());
        }
        let allow_duplicate = self.lenient.duplicate_content_length();
        let codings = self.message.codings();
        // The bytes of the head before the line: how the facts say where.
        let line_at = count32(head_before);
        // (Only a head's fields come here, in the Fields state.)
        let State::Fields(facts) = &mut self.state else {
            return Ok(());
        };
        if known == KnownField::TransferEncoding {
            // (Empty list elements are ignored, RFC 9110 section 5.6.1.)
            return facts
                .transfer_encoding(value, line_at, codings)
                .map(|_empty_element| ())
                .map_err(|f| f.shifted(value_at));
        }
        let duplicate = facts
            .content_length(value, line_at, allow_duplicate)
            .map_err(|f| f.shifted(value_at))?;
        if let Some(duplicate) = duplicate {
            // Where the strict profile refuses it: the value that repeats.
            let at = base + (value_at + duplicate.at) as u64;
            self.readings.record(Reading::DuplicateContentLength, at);
        }
        Ok(())
    }

    /// The empty line ending the head is at `base`, after `head_before`
    /// bytes of the head: check the head, frame the body.
    #[inline(never)]
    fn end_of_head(&mut self, base: u64, head_before: usize) -> Result<Framing, Error> {
        if self.role.checks_host() {
            server::end_of_head(&self.role_facts, self.message)
                .map_err(|kind| Error::new(kind, base))?;
        }
        let head_start = base.saturating_sub(head_before as u64);
        // Only the Fields state reaches the end of a head (the fuzz targets
        // run with this assertion on).
        debug_assert!(matches!(self.state, State::Fields(_)));
        let facts = match &self.state {
            State::Fields(facts) => facts,
            _ => &FramingFacts::NONE,
        };
        let framing = decide(self.message, facts)
            .map_err(|e| Error::new(e.kind, head_start + u64::from(e.at)))?;
        self.state = match framing {
            Framing::None | Framing::Length(0) => State::MessageEnd { upgrade: false },
            Framing::Length(remaining) => State::LengthBody { remaining },
            Framing::Chunked => State::ChunkLine(ChunkLine::new()),
            Framing::Close => State::CloseBody,
            Framing::Upgrade => State::MessageEnd { upgrade: true },
        };
        Ok(framing)
    }
}

/// Bytes a call was given and did not consume, as the decoder keeps them.
/// Once a call returns `NeedMore` they are a partial line at most, which
/// a limit bounds (see [`Limits::MAX`](crate::Limits::MAX)); only a call
/// that returns an event can leave more behind, and the caller gives
/// those bytes again before [`finish`](Decoder::finish) looks at the
/// count. So it is kept in 32 bits, saturating.
#[inline(always)]
fn held_count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count the decoder keeps, bounded by a limit (so it fits: see
/// [`Limits::MAX`](crate::Limits::MAX)).
#[inline(always)]
fn count32(n: usize) -> u32 {
    // Every count is checked against its limit (at most a few bytes over
    // `Limits::MAX`, far below `u32::MAX`) before it is kept; the fuzz
    // targets run with this assertion on.
    debug_assert!(u32::try_from(n).is_ok());
    n as u32
}

mod body_at_once;
mod fast;
mod offsets;
mod whole_head;
use fast::PlainField;

pub use body_at_once::BodyRead;
pub use whole_head::{Head, HeadStatus};
#[cfg(test)]
mod tests;
