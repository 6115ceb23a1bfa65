//! The client's connection: it writes requests and reads their responses,
//! in order, and tells the cycle table of each.

use super::cycle::{After, Cycle, Exchange, Flow, Refusal};
use super::offer::Offer;
use super::options::HeadOptions;
use super::{
    misuse, state_of, ConnBodyRead, ConnHeadStatus, ConnState, ConnStatus, ConnStep,
    ConnectionConfig,
};
use crate::encode::head::Start;
use crate::encode::sink::{Sink, SliceSink};
use crate::syntax::offset_from;
use crate::{
    Body, BodyFrame, Decoder, EncodeError, EncodeErrorKind, Encoder, Error, ErrorKind, Event,
    Field, Framing, HeadEnd, HeadStatus, Readings, RequestLine, StartLine, Status, Step, Version,
    WrittenHead,
};

/// A client's side of one HTTP/1 connection: a request [`Encoder`] and a
/// response [`Decoder`] around the message cycle of RFC 9112 section 9.
///
/// - Each request written tells the decoder its method, so a response to
///   HEAD has no body and a 2xx to CONNECT opens a tunnel, with nothing
///   for the caller to do.
/// - **Persistence.** The connection closes after an exchange in which
///   either side said `Connection: close`, after an HTTP/1.0 request or
///   response without keep-alive (the next request is refused as soon as
///   such a request is written), after a response that runs to the end of the
///   stream or carries both Content-Length and Transfer-Encoding, after a
///   final response to a request still waiting for its 100 whose body was
///   not written, and after an error. A request after that is refused
///   ([`ConnectionClosed`](crate::EncodeErrorKind::ConnectionClosed)), from
///   the head of such a response on (RFC 9112 section 9.6: the client
///   ceases sending requests), not only once its body has ended.
/// - **Pipelining.** Up to [`ConnectionConfig::depth`] requests in flight;
///   responses are matched to them in order.
/// - **100-continue.** After a head with `Expect: 100-continue`,
///   [`awaiting_continue`](Self::awaiting_continue) says to wait for the
///   100 (or a final response, and then not to send the body: the
///   connection closes) before writing the body. RFC 9110 section 10.1.1
///   lets a client that waited long enough send it anyway.
/// - **Upgrade and CONNECT.** A request that may switch protocols holds
///   back the next one ([`AwaitingSwitch`](crate::EncodeErrorKind::AwaitingSwitch))
///   until its response: a 101 to an offered upgrade, or a 2xx to CONNECT,
///   ends HTTP/1 ([`ConnStatus::Switched`]); any other answer goes on.
///
/// A response the client did not ask for (none in flight, a 101 without an
/// offer, or one whose Upgrade names no protocol or one not offered) is the
/// peer's error.
///
/// ```
/// use h1wire::client::Connection;
/// use h1wire::{Body, ConnStatus, ConnectionConfig, Event, Field, Framing, RequestLine, Version};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let mut conn = Connection::new(ConnectionConfig::default());
/// let mut out = Vec::new();
/// let host = [Field::new("Host", "example.com")];
/// conn.request_into(&RequestLine::new("HEAD", "/", Version::Http11), &host, Body::Empty, &mut out)?;
/// conn.end_into(&[], &mut out)?;
/// // The server answers with the length the body would have had: no body.
/// let input = b"HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
/// let (mut at, mut framing) = (0, None);
/// loop {
///     let step = conn.decode(&input[at..])?;
///     at += step.consumed;
///     match step.status {
///         ConnStatus::Event(Event::HeadEnd(head)) => framing = Some(head.framing),
///         ConnStatus::Event(Event::MessageEnd) => break,
///         ConnStatus::Event(_) => {}
///         other => panic!("{other:?}"),
///     }
/// }
/// assert_eq!(framing, Some(Framing::None));
/// assert_eq!(conn.in_flight(), 0);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Connection {
    decoder: Decoder,
    encoder: Encoder,
    cycle: Cycle,
    /// What the head of the response being read says.
    reading_options: HeadOptions,
    reading_version: Version,
    /// The response being read is a 101: its Upgrade must name protocols
    /// of `offer`.
    reading_switch: bool,
    /// The protocols the last request written offered. (A request that
    /// offers an upgrade is the last in flight: none is written after it
    /// until it is answered.)
    offer: Offer,
    /// The connection's error, once reading failed.
    failed: Option<Error>,
    /// The status line of the head `decode_head` holds half read was
    /// taken in already (as `decode` takes it in on arrival).
    status_taken: bool,
    /// Whether [`awaiting_continue`](Self::awaiting_continue) said to wait
    /// just before that status line was taken in: the caller has not seen
    /// it yet (`decode_head` said `NeedMore`), so the wait goes on until
    /// the head is whole.
    waiting_at_take: bool,
}

impl Connection {
    /// A client connection.
    pub fn new(config: ConnectionConfig) -> Self {
        Connection {
            decoder: Decoder::client(config.config),
            encoder: Encoder::client().with_options(config.encoder),
            cycle: Cycle::new(config.depth),
            reading_options: HeadOptions::default(),
            reading_version: Version::Http11,
            reading_switch: false,
            offer: Offer::default(),
            failed: None,
            status_taken: false,
            waiting_at_take: false,
        }
    }

    /// Write a request head into the front of `out` (see
    /// [`Encoder::request`]); it is in flight until its final response
    /// ends. Every request, one without a body too, is finished with
    /// [`end`](Self::end) before the next head
    /// ([`MessageInProgress`](crate::EncodeErrorKind::MessageInProgress)
    /// otherwise).
    pub fn request(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        out: &mut [u8],
    ) -> Result<WrittenHead, EncodeError> {
        self.write_head(line, fields, body, &mut SliceSink::new(out))
    }

    /// The framing for the next `len` bytes of the request's body (see
    /// [`Encoder::body`]). Refused once the connection is
    /// [`Closed`](ConnState::Closed)
    /// ([`ConnectionClosed`](crate::EncodeErrorKind::ConnectionClosed)):
    /// a final response that closes the connection has answered the
    /// request before its body was all sent (a 413, or a refusal instead
    /// of a 100), and the client stops sending it (RFC 9112 section 9.3);
    /// close the connection.
    pub fn body(&mut self, len: usize) -> Result<BodyFrame, EncodeError> {
        self.still_sending()?;
        let frame = self.encoder.body(len)?;
        self.body_written();
        Ok(frame)
    }

    /// Body data and the end of a request go nowhere once the connection
    /// is closed.
    fn still_sending(&self) -> Result<(), EncodeError> {
        match self.state() {
            ConnState::Closed => Err(EncodeError::new(EncodeErrorKind::ConnectionClosed)),
            _ => Ok(()),
        }
    }

    /// A Content-Length body whose last byte was written is complete,
    /// even before the caller ends the request.
    fn body_written(&mut self) {
        if self.encoder.remaining() == Some(0) {
            self.cycle.request_body_done();
        }
    }

    /// End the request (see [`Encoder::end`]); refused, as
    /// [`body`](Self::body), once the connection is closed.
    pub fn end(&mut self, trailers: &[Field<'_>], out: &mut [u8]) -> Result<usize, EncodeError> {
        self.end_with(trailers, &mut SliceSink::new(out))
    }

    /// Decode the next event of the responses from `input`, the unconsumed
    /// front of the stream (the buffer contract of [`Decoder`]). Besides
    /// the decoder's statuses: [`Switched`](ConnStatus::Switched) after a
    /// switch of protocols, [`Done`](ConnStatus::Done) once no more
    /// responses will be read.
    pub fn decode<'a>(&mut self, input: &'a [u8]) -> Result<ConnStep<'a>, Error> {
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnStep {
                consumed: 0,
                status,
            });
        }
        let at = self.decoder.position();
        let step = self.decoder.decode(input).map_err(|e| self.fail(e))?;
        Ok(ConnStep {
            consumed: step.consumed,
            status: self.status_of(step.status, at)?,
        })
    }

    /// Read every piece of body data at the front of `input` into
    /// `pieces` in one call, then what [`decode`](Self::decode) would
    /// have returned next: see [`Decoder::decode_body`](crate::Decoder::decode_body).
    /// A client that streams a download, or a proxy relaying it, forwards
    /// a buffer of small chunks with one vectored write this way.
    pub fn decode_body<'a, 'p>(
        &mut self,
        input: &'a [u8],
        pieces: &'p mut [&'a [u8]],
    ) -> Result<ConnBodyRead<'a, 'p>, Error> {
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnBodyRead::stopped(status));
        }
        // Where a status line in `then` starts: only with no pieces before
        // it (body data is followed by a trailer or MessageEnd, never by
        // a status line), so where this call starts.
        let at = self.decoder.position();
        let read = self
            .decoder
            .decode_body(input, pieces)
            .map_err(|e| self.fail(e))?;
        Ok(ConnBodyRead {
            consumed: read.consumed,
            pieces: read.pieces,
            then: read.then.map(|s| self.status_of(s, at)).transpose()?,
        })
    }

    /// Read a whole response head at the front of `input` in one call,
    /// the status line and every field into `fields`, as
    /// [`Decoder::decode_head`] does, with what the connection makes of
    /// it (persistence, a 100 or another interim, a switch of protocols,
    /// the request it answers) taken in as [`decode`](Self::decode) takes
    /// in the head's events. The body and trailers go on through `decode`
    /// or [`decode_body`](Self::decode_body); a call for the next head
    /// once a body was read to its end (a chunked body's last chunk and
    /// trailers too) implies its `MessageEnd`, and a bodyless
    /// response (an interim, a 204 or 304, one to HEAD) is whole with its
    /// head (no `MessageEnd` follows). A 101, or a 2xx to CONNECT, is the
    /// last of HTTP/1: the bytes after its head belong to the new
    /// protocol, and the next call says [`Switched`](ConnStatus::Switched).
    /// The status line is taken in as soon as it is read, as `decode`
    /// takes it in: a response nobody asked for fails then (and a 101 is
    /// weighed against the request as sent so far), though its head is
    /// not whole; the fields once the head is whole (a head the stream
    /// cuts short is then `Incomplete`, where `decode` might have refused
    /// one of its fields first). Errors are `decode`'s, at the same
    /// offsets (the connection's own, such as a 101 naming a protocol not
    /// offered, included), and sticky; one more is possible,
    /// [`FieldArrayFull`](crate::ErrorKind::FieldArrayFull) (an array of
    /// [`Limits::fields`](crate::Limits::fields) entries never fills).
    ///
    /// ```
    /// use h1wire::client::Connection;
    /// use h1wire::{Body, ConnHeadStatus, ConnStatus, ConnectionConfig, Event, Field, Framing};
    /// use h1wire::{RequestLine, StartLine, Version};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mut conn = Connection::new(ConnectionConfig::default());
    /// let mut out = Vec::new();
    /// let host = [Field::new("Host", "example.com")];
    /// conn.request_into(&RequestLine::new("GET", "/", Version::Http11), &host, Body::Empty, &mut out)?;
    /// conn.end_into(&[], &mut out)?;
    ///
    /// let input = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi";
    /// let mut fields = [Field::EMPTY; 32];
    /// let ConnHeadStatus::Complete(head) = conn.decode_head(input, &mut fields)? else {
    ///     panic!("the head is all here");
    /// };
    /// let StartLine::Response(line) = head.start else { unreachable!() };
    /// assert_eq!(line.status, 200);
    /// assert_eq!(head.field("content-type"), Some(&b"text/plain"[..]));
    /// assert_eq!(head.framing, Framing::Length(2));
    /// // The body through the event API, after the head's bytes.
    /// let step = conn.decode(&input[head.len..])?;
    /// assert_eq!(step.status, ConnStatus::Event(Event::Body(b"hi")));
    /// let step = conn.decode(&input[head.len + step.consumed..])?;
    /// assert_eq!(step.status, ConnStatus::Event(Event::MessageEnd));
    /// assert_eq!(conn.in_flight(), 0);
    /// # Ok(())
    /// # }
    /// ```
    pub fn decode_head<'a, 'f>(
        &mut self,
        input: &'a [u8],
        fields: &'f mut [Field<'a>],
    ) -> Result<ConnHeadStatus<'a, 'f>, Error> {
        // The response before ends first, as `decode` says `MessageEnd`
        // before anything else: whether another is read at all (one that
        // closes the connection) depends on it.
        if self.failed.is_none() && self.decoder.message_end_due() {
            let at = self.decoder.position();
            let step = self.decoder.decode(input).map_err(|e| self.fail(e))?;
            debug_assert_eq!(
                (step.consumed, step.status),
                (0, Status::Event(Event::MessageEnd))
            );
            self.observe(&Event::MessageEnd, at)?;
        }
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnHeadStatus::Stopped(status));
        }
        // Where the head starts in the stream (from its first byte when
        // earlier calls read part of it), so the events' offsets.
        let at = self.decoder.position();
        let head = match self.decoder.decode_head(input, fields) {
            Ok(HeadStatus::Complete(head)) => head,
            Ok(HeadStatus::NeedMore) => {
                // A status line is taken in when it arrives, as `decode`
                // does: a response the client did not ask for fails now
                // (not only once its head is whole, or as `Incomplete`
                // if it never is), and a 101 is weighed against the
                // request as sent so far.
                if !self.status_taken && self.decoder.start_line_held() {
                    self.take_status_line(input, at)?;
                }
                return Ok(ConnHeadStatus::NeedMore);
            }
            Ok(HeadStatus::NotAtHead) => return Ok(ConnHeadStatus::NotAtHead),
            Err(error) => {
                let error = self.replay_failed_head(input, at, error).unwrap_or(error);
                return Err(self.fail(error));
            }
        };
        // The head's events, as `decode` would have given them.
        if let StartLine::Response(line) = head.start {
            if !core::mem::take(&mut self.status_taken) {
                self.observe(&Event::Response(line), at)?;
            }
        }
        for field in head.fields {
            let line_at = at + offset_from(input, field.name) as u64;
            self.observe(&Event::Header(*field), line_at)?;
        }
        // The empty line that ends the head: CRLF, or a bare LF where
        // the configuration reads one.
        let empty_line = if input.get(..head.len).is_some_and(|h| h.ends_with(b"\r\n")) {
            2
        } else {
            1
        };
        let end_at = at + head.len.saturating_sub(empty_line) as u64;
        self.observe(
            &Event::HeadEnd(HeadEnd {
                framing: head.framing,
            }),
            end_at,
        )?;
        if matches!(head.framing, Framing::None | Framing::Upgrade) {
            self.observe(&Event::MessageEnd, end_at)?;
        }
        Ok(ConnHeadStatus::Complete(head))
    }

    /// A fresh decoder, as this one is configured, that reads the
    /// response to the oldest request in flight: the head at the front of
    /// the input read again as events, from its first byte.
    fn scratch_decoder(&self) -> Option<Decoder> {
        let method = self.cycle.front()?.method;
        let mut again = Decoder::client(self.decoder.config());
        again.expect_response(method).ok()?;
        Some(again)
    }

    /// The status line at the front of `input`, which the decoder read
    /// and holds in a head not whole yet, taken in as `decode` takes it
    /// in (`at`: where it starts in the stream).
    fn take_status_line(&mut self, input: &[u8], at: u64) -> Result<(), Error> {
        let Some(mut again) = self.scratch_decoder() else {
            return Ok(());
        };
        if let Ok(Step {
            status: Status::Event(event @ Event::Response(_)),
            ..
        }) = again.decode(input)
        {
            let waiting = self.awaiting_continue();
            self.observe(&event, at)?;
            self.status_taken = true;
            self.waiting_at_take = waiting;
        }
        Ok(())
    }

    /// A response head that failed to decode at once, read again as
    /// events up to `error`: `decode` would have given its status line
    /// and the fields before the error, and the connection's own error
    /// about one of them (a 101 to no offer, a protocol not offered)
    /// comes first. That error, if any. (On this path only; `at` is where
    /// the head starts.)
    fn replay_failed_head(&mut self, input: &[u8], at: u64, error: Error) -> Option<Error> {
        let mut again = self.scratch_decoder()?;
        let mut read = 0;
        while let Some(rest) = input.get(read..) {
            let event_at = at + again.position();
            // (A `FieldArrayFull` is at the line that did not fit: what
            // comes after it, `decode` would read, but this call did not.)
            if event_at >= error.offset() {
                return None;
            }
            let step = again.decode(rest).ok()?;
            read += step.consumed;
            match step.status {
                Status::Event(event @ (Event::Response(_) | Event::Header(_))) => {
                    if let Err(error) = self.observe(&event, event_at) {
                        return Some(error);
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether the connection reads no response now, and what it says
    /// instead (nothing of the input consumed); the error again after one.
    fn stopped(&mut self, given: usize) -> Result<Option<ConnStatus<'static>>, Error> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        Ok(match self.cycle.responses() {
            Flow::Closed | Flow::Paused => Some(ConnStatus::Done { ignored: given }),
            Flow::Switched => Some(ConnStatus::Switched),
            // RFC 9112 section 9.2: what comes with no request in flight
            // is no response, however little of it came. (The decoder
            // would hold a part of a status line until it is whole, and
            // then a request sent meanwhile would take it as its answer.)
            Flow::Idle if given > 0 && self.cycle.in_flight() == 0 => {
                let error = Error::new(ErrorKind::UnsolicitedResponse, self.decoder.position());
                return Err(self.fail(error));
            }
            Flow::Idle | Flow::Message => None,
        })
    }

    /// What the decoder's status means for the connection (its events
    /// observed on the way; `at` is where an event starts).
    fn status_of<'a>(&mut self, status: Status<'a>, at: u64) -> Result<ConnStatus<'a>, Error> {
        Ok(match status {
            Status::Event(event) => {
                self.observe(&event, at)?;
                ConnStatus::Event(event)
            }
            Status::NeedMore => ConnStatus::NeedMore,
            Status::Upgraded => ConnStatus::Switched,
            Status::Closed => ConnStatus::Done { ignored: 0 },
        })
    }

    /// The server closed its side (end of stream): completes a response
    /// that runs to the end of the stream (see [`Decoder::finish`]).
    ///
    /// Once reading has stopped ([`ConnStatus::Done`] or
    /// [`ConnStatus::Switched`]), the bytes after the last response were
    /// never read, and the end of the stream ends nothing of theirs:
    /// `Ok(None)`, however the bytes were split between calls.
    ///
    /// A server may close between responses, with requests still in
    /// flight: no error (nothing read was cut short), and
    /// [`in_flight`](Self::in_flight) says how many got no response (a
    /// client may retry the idempotent ones, RFC 9112 section 9.3.1).
    pub fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        // (The decoder still counts the bytes the last call it made
        // left over, which the connection then ignored.)
        let reading = !matches!(
            self.cycle.responses(),
            Flow::Closed | Flow::Paused | Flow::Switched
        );
        let ended = if reading {
            self.decoder.finish()
        } else {
            Ok(None)
        };
        match ended {
            Ok(event) => {
                if event == Some(Event::MessageEnd) {
                    self.cycle.end_response();
                }
                // A switch stays one (the bytes after it are the new
                // protocol's, and the end of the stream ends nothing of
                // theirs), also one this very end completes.
                if self.cycle.responses() != Flow::Switched {
                    self.cycle.responses_failed();
                }
                Ok(event)
            }
            Err(error) => Err(self.fail(error)),
        }
    }

    /// Where the connection stands.
    pub fn state(&self) -> ConnState {
        state_of(&self.cycle)
    }

    /// Requests written (or being written) whose final response has not
    /// ended.
    pub fn in_flight(&self) -> usize {
        self.cycle.in_flight()
    }

    /// The request whose body is still to be written (the newest in
    /// flight) sent `Expect: 100-continue` and has neither a 100 nor a
    /// final response yet: hold its body back. Behind pipelined requests,
    /// it waits for their responses too: its 100 can only follow them.
    /// (Never for an HTTP/1.0 request: a server ignores the expectation
    /// there, RFC 9110 section 10.1.1, so no 100 would come.)
    ///
    /// It changes with what the caller has been given: at the 100's or
    /// the final response's status line through [`decode`](Self::decode),
    /// at its whole head through [`decode_head`](Self::decode_head) (which
    /// may take in a status line before the rest of its head has come,
    /// and then says `NeedMore`).
    pub fn awaiting_continue(&self) -> bool {
        self.cycle.newest().is_some_and(|e| {
            let waiting = !e.continued() && !e.answered()
                // A status line `decode_head` took in, not yet handed over.
                || (self.status_taken && self.waiting_at_take);
            e.expects_continue() && waiting && !e.body_done()
        })
    }

    /// The lenient readings the decoder used in the current response's
    /// head, or trailer section once it began (obs-fold is read in
    /// responses by default, and recorded): see [`Decoder::readings`](crate::Decoder::readings).
    pub fn readings(&self) -> Readings {
        self.decoder.readings()
    }

    fn fail(&mut self, error: Error) -> Error {
        self.cycle.responses_failed();
        // A status line taken in counts as handed over, as `decode`'s
        // would have been before the error.
        self.status_taken = false;
        self.failed = Some(error);
        error
    }

    /// Take in what a decoded event says about the response; `at` is the
    /// stream offset of the event's first byte.
    fn observe(&mut self, event: &Event<'_>, at: u64) -> Result<(), Error> {
        match event {
            Event::Response(line) => {
                // (Unless `decode_head` took it in already, and `decode`
                // then read the head over again as events.)
                let taken = core::mem::take(&mut self.status_taken);
                let started = match taken {
                    true => Ok(()),
                    false => self.cycle.start_response(line.status),
                };
                if let Err(refusal) = started {
                    let kind = match refusal {
                        Refusal::UnexpectedSwitch => ErrorKind::UnexpectedUpgrade,
                        _ => ErrorKind::UnsolicitedResponse,
                    };
                    return Err(self.fail(Error::new(kind, at)));
                }
                self.reading_options = HeadOptions::default();
                self.reading_version = line.version;
                self.reading_switch = line.status == 101;
            }
            Event::Header(field) => {
                self.reading_options.observe(field);
                // RFC 9110 section 7.8: a server switches only to a
                // protocol the request offered; one that names another
                // breaks HTTP as a 101 to no offer does.
                if self.reading_switch {
                    if let Some(byte) = self.offer.unoffered(field) {
                        let value_at = offset_from(field.name, field.value);
                        let offset = at + (value_at + byte) as u64;
                        return Err(self.fail(Error::new(ErrorKind::UnexpectedUpgrade, offset)));
                    }
                }
            }
            Event::HeadEnd(head) => {
                let o = self.reading_options;
                // RFC 9110 section 15.2.2: a 101 names the protocol it
                // switches to; one that names none switches to nothing
                // this client offered.
                if self.reading_switch && !o.upgrade_protocol() {
                    return Err(self.fail(Error::new(ErrorKind::UnexpectedUpgrade, at)));
                }
                let http10 = self.reading_version == Version::Http10;
                // A final answer to a request still waiting for its 100:
                // the body it announced was not sent, and where a next
                // request would start is unknown to the server (RFC 9110
                // section 10.1.1); decided here, at the head, so that it
                // does not depend on whether the caller slipped the body
                // in before the response's end was read.
                let body_unsent = self
                    .cycle
                    .front()
                    .is_some_and(|e| e.expects_continue() && !e.continued() && !e.body_done());
                // RFC 9112 sections 6.3 and 9.3: a response framed by the
                // end of the stream, or carrying both framings, ends the
                // connection; so does an HTTP/1.0 one without keep-alive.
                let closes = o.close()
                    || (http10 && !o.keep_alive())
                    || head.framing == Framing::Close
                    || (o.content_length() && o.transfer_encoding())
                    || body_unsent;
                if closes {
                    self.cycle.response_head_closes();
                }
            }
            Event::MessageEnd => {
                if self.cycle.end_response() == After::Resumed {
                    // A CONNECT refused: the request stream goes on.
                    self.encoder.resume();
                }
            }
            Event::Request(_) | Event::Body(_) | Event::Trailer(_) => {}
        }
        Ok(())
    }

    fn write_head(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        sink: &mut impl Sink,
    ) -> Result<WrittenHead, EncodeError> {
        self.cycle.check_request().map_err(misuse)?;
        // What the fields say about the connection, as the encoder read them.
        let mut options = HeadOptions::default();
        let written = self.encoder.head(
            Start::Request(line),
            fields,
            body,
            |_, read| {
                options = *read;
                b""
            },
            sink,
        )?;
        self.offer = Offer::default();
        if options.upgrade_field() {
            for field in fields {
                self.offer.record(field);
            }
        }
        let exchange =
            Exchange::of_head(line.method_kind(), line.version, &options, written.framing);
        let started = self.cycle.start_request(exchange);
        debug_assert!(started.is_ok(), "checked above");
        // The depth is at most MAX_DEPTH, within the decoder's own bound.
        let expected = self.decoder.expect_response(exchange.method);
        debug_assert!(expected.is_ok(), "the decoder holds more than the depth");
        Ok(written)
    }

    fn end_with(
        &mut self,
        trailers: &[Field<'_>],
        sink: &mut impl Sink,
    ) -> Result<usize, EncodeError> {
        self.still_sending()?;
        let written = self.encoder.end_into_sink(trailers, sink)?;
        self.cycle.end_request();
        // A CONNECT whose refusal arrived before the caller ended it: the
        // encoder stopped at its end, but HTTP/1 goes on.
        if self.encoder.is_ended() && self.cycle.requests() == Flow::Idle {
            self.encoder.resume();
        }
        Ok(written)
    }
}

/// Writing into any [`bytes::BufMut`]: the same calls, appending.
#[cfg(feature = "bytes")]
impl Connection {
    /// [`request`](Self::request), appending to `out`.
    pub fn request_into<B: bytes::BufMut>(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        out: &mut B,
    ) -> Result<WrittenHead, EncodeError> {
        self.write_head(line, fields, body, &mut crate::encode::sink::BufSink(out))
    }

    /// Append `data` with its framing (see [`Encoder::body_into`]).
    pub fn body_into<B: bytes::BufMut>(
        &mut self,
        data: &[u8],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        self.still_sending()?;
        self.encoder.body_into(data, out)?;
        self.body_written();
        Ok(())
    }

    /// [`end`](Self::end), appending to `out`.
    pub fn end_into<B: bytes::BufMut>(
        &mut self,
        trailers: &[Field<'_>],
        out: &mut B,
    ) -> Result<usize, EncodeError> {
        self.end_with(trailers, &mut crate::encode::sink::BufSink(out))
    }
}
