//! The server's connection: it reads requests and writes their responses,
//! in order, and tells the cycle table of each.

use super::cycle::{After, Cycle, Exchange, Flow};
use super::offer::Offer;
use super::options::HeadOptions;
use super::{
    misuse, state_of, ConnBodyRead, ConnHeadStatus, ConnState, ConnStatus, ConnStep,
    ConnectionConfig,
};
use crate::encode::head::Start;
use crate::encode::sink::{Sink, SliceSink};
use crate::{
    Answering, Body, BodyFrame, Decoder, EncodeError, EncodeErrorKind, Encoder, Error, Event,
    Field, Framing, HeadEnd, HeadStatus, MethodKind, Readings, StartLine, Status, StatusLine, Step,
    Version, WrittenHead,
};

/// A server's side of one HTTP/1 connection: a request [`Decoder`] and a
/// response [`Encoder`] around the message cycle of RFC 9112 section 9.
///
/// It knows what the caller would otherwise hand-write:
///
/// - **Persistence.** HTTP/1.1 stays open unless either side says
///   `Connection: close`; HTTP/1.0 closes unless the request asked for
///   keep-alive (and then the response says so: the connection adds
///   `Connection: keep-alive`). A decode error, a response that runs to the
///   end of the stream, or a request whose body will never come closes it;
///   the final response of a closing exchange gets `Connection: close` if
///   the caller did not write it (so leave `Connection: keep-alive` to
///   the connection: one of yours on such a response is written as
///   given, beside the `close`, which wins, RFC 9112 section 9.6). After
///   a request that closes the connection, what follows is not decoded
///   ([`ConnStatus::Done`]); nor once the head of a response that closes
///   it was written (RFC 9112
///   section 9.6: no further request is processed), though the request
///   it answers, if its body is still coming, reads on to its end while
///   the response is being written. Once that response has ended, the
///   connection is closed and reads nothing more ([`ConnStatus::Done`]):
///   a caller that closes with a lingering read (RFC 9112 section 9.6)
///   discards what still arrives.
/// - **Pipelining.** Requests are read ahead, up to
///   [`ConnectionConfig::depth`] unanswered ones ([`ConnStatus::Paused`]
///   beyond); each response answers the oldest unanswered request, framed
///   by its method and version.
/// - **100-continue.** [`expects_continue`](Self::expects_continue) says
///   the oldest request waits for a 100 before sending its body; answer
///   100 and read on, or send the final response at once (the connection
///   then closes, since the body may never come, unless all of it was
///   read by then).
/// - **Upgrade and CONNECT.** After a request offering an upgrade, or a
///   CONNECT, nothing more is read until its final response: a 101 (or a
///   2xx to CONNECT) switches protocols ([`ConnStatus::Switched`]: the
///   bytes not consumed belong to the new protocol), any other answer goes
///   on with HTTP/1 (a CONNECT refused with 407 may be retried).
///
/// Misuse is refused with an [`EncodeError`] and changes nothing: a
/// response with no request to answer, a second response head, a 101 to a
/// request that offered no upgrade or naming a protocol it did not offer,
/// a 1xx to an HTTP/1.0 client, body data
/// on a response to HEAD or a 304.
///
/// ```
/// use h1wire::server::Connection;
/// use h1wire::{Body, ConnState, ConnStatus, ConnectionConfig, Event, StatusLine, Version};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let mut conn = Connection::new(ConnectionConfig::default());
/// let input = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /c";
/// let (mut at, mut requests) = (0, 0);
/// loop {
///     let step = conn.decode(&input[at..])?;
///     at += step.consumed;
///     match step.status {
///         ConnStatus::Event(Event::MessageEnd) => requests += 1,
///         ConnStatus::Event(_) => {}
///         ConnStatus::Done { ignored } => {
///             assert_eq!(ignored, 6); // "GET /c" follows a request that closes
///             break;
///         }
///         other => panic!("{other:?}"),
///     }
/// }
/// assert_eq!(requests, 2);
/// let mut out = Vec::new();
/// let ok = StatusLine::new(Version::Http11, 200, "OK");
/// for _ in 0..requests {
///     conn.response_into(&ok, &[], Body::Empty, &mut out)?;
///     conn.end_into(&[], &mut out)?;
/// }
/// // The second response closes the connection, and says so.
/// assert!(out.ends_with(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
/// assert_eq!(conn.state(), ConnState::Closed);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Connection {
    decoder: Decoder,
    encoder: Encoder,
    cycle: Cycle,
    /// The request whose head is being read, and what its fields say.
    reading: Exchange,
    reading_options: HeadOptions,
    /// The protocols its Upgrade offers. (The last request read is the
    /// one a 101 answers: after an upgrade offer, nothing more is read
    /// until it is answered.)
    reading_offer: Offer,
    /// The decoder's error, once it failed.
    failed: Option<Error>,
    /// The request line of the head `decode_head` holds half read was
    /// taken in already (as `decode` takes it in on arrival).
    line_taken: bool,
}

impl Connection {
    /// A server connection.
    pub fn new(config: ConnectionConfig) -> Self {
        Connection {
            decoder: Decoder::server(config.config),
            encoder: Encoder::server().with_options(config.encoder),
            cycle: Cycle::new(config.depth),
            reading: Exchange::new(MethodKind::Other, Version::Http11),
            reading_options: HeadOptions::default(),
            reading_offer: Offer::default(),
            failed: None,
            line_taken: false,
        }
    }

    /// Decode the next event from `input`, the unconsumed front of the
    /// stream (the buffer contract of [`Decoder`]). Besides the decoder's
    /// statuses: [`Paused`](ConnStatus::Paused) when responses are due
    /// first, [`Switched`](ConnStatus::Switched) after a switch of
    /// protocols, [`Done`](ConnStatus::Done) once no more requests will be
    /// read.
    ///
    /// An error is the decoder's, sticky like it: answer it (one final
    /// response is still accepted, after those due to earlier requests,
    /// with `Connection: close`, when the request that broke is not
    /// answered yet: [`answering`](Self::answering) says), then close. When a response is already
    /// under way (its head written: a second head is
    /// [`MessageInProgress`](crate::EncodeErrorKind::MessageInProgress)),
    /// nothing more can be said in HTTP/1: close the connection (the
    /// client sees the response cut short).
    ///
    /// To close after a response of your choosing, write `Connection:
    /// close` among its fields: the connection then closes after it, as
    /// after one it closes itself.
    pub fn decode<'a>(&mut self, input: &'a [u8]) -> Result<ConnStep<'a>, Error> {
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnStep {
                consumed: 0,
                status,
            });
        }
        let step = self.decoder.decode(input).map_err(|e| self.fail(e))?;
        Ok(ConnStep {
            consumed: step.consumed,
            status: self.status_of(step.status),
        })
    }

    /// Read every piece of body data at the front of `input` into
    /// `pieces` in one call, then what [`decode`](Self::decode) would
    /// have returned next: see [`Decoder::decode_body`]. A proxy or a
    /// server that streams uploads forwards a buffer of small chunks with
    /// one vectored write this way.
    pub fn decode_body<'a, 'p>(
        &mut self,
        input: &'a [u8],
        pieces: &'p mut [&'a [u8]],
    ) -> Result<ConnBodyRead<'a, 'p>, Error> {
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnBodyRead::stopped(status));
        }
        let read = self
            .decoder
            .decode_body(input, pieces)
            .map_err(|e| self.fail(e))?;
        self.note_body_read();
        Ok(ConnBodyRead {
            consumed: read.consumed,
            pieces: read.pieces,
            then: read.then.map(|status| self.status_of(status)),
        })
    }

    /// Read a whole request head at the front of `input` in one call, the
    /// start line and every field into `fields`, as
    /// [`Decoder::decode_head`] does, with what the connection makes of
    /// it (persistence, 100-continue, pipelining, an upgrade offer)
    /// taken in as [`decode`](Self::decode) takes in the head's events.
    /// The body and trailers go on through `decode` or
    /// [`decode_body`](Self::decode_body); a call for the next head once
    /// a body was read to its end (a chunked body's last chunk and
    /// trailers too) implies its `MessageEnd`, and a bodyless
    /// request is whole with its head (no `MessageEnd` follows). The
    /// request line is taken in as soon as it is read, as `decode` takes
    /// it in (the request is in flight from then on), the fields once the
    /// head is whole. Errors
    /// are `decode`'s, at the same offsets, and sticky; one more is
    /// possible, [`FieldArrayFull`](crate::ErrorKind::FieldArrayFull)
    /// (an array of [`Limits::fields`](crate::Limits::fields) entries
    /// never fills). A failed request is answered as `decode` would have
    /// it: framed by its method and version when its request line was
    /// read.
    ///
    /// ```
    /// use h1wire::server::Connection;
    /// use h1wire::{Body, ConnHeadStatus, ConnectionConfig, Field, StartLine, StatusLine, Version};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let mut conn = Connection::new(ConnectionConfig::default());
    /// let mut fields = [Field::EMPTY; 32];
    /// let input = b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\nGET /b HTTP/1.1\r\n";
    /// let ConnHeadStatus::Complete(head) = conn.decode_head(input, &mut fields)? else {
    ///     panic!("the first head is all here");
    /// };
    /// let StartLine::Request(line) = head.start else { unreachable!() };
    /// assert_eq!(line.target, b"/a");
    /// assert_eq!(head.field("host"), Some(&b"example.com"[..]));
    /// // The second is not whole yet: nothing consumed.
    /// let rest = &input[head.len..];
    /// assert_eq!(conn.decode_head(rest, &mut fields)?, ConnHeadStatus::NeedMore);
    ///
    /// let mut out = Vec::new();
    /// let ok = StatusLine::new(Version::Http11, 200, "OK");
    /// conn.response_into(&ok, &[], Body::Length(2), &mut out)?;
    /// conn.body_into(b"hi", &mut out)?;
    /// conn.end_into(&[], &mut out)?;
    /// assert!(out.ends_with(b"Content-Length: 2\r\n\r\nhi"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn decode_head<'a, 'f>(
        &mut self,
        input: &'a [u8],
        fields: &'f mut [Field<'a>],
    ) -> Result<ConnHeadStatus<'a, 'f>, Error> {
        // The message before ends first, as `decode` says `MessageEnd`
        // before anything else: whether the next head is read at all
        // (a request that closes, the depth reached) depends on it.
        if self.failed.is_none() && self.decoder.message_end_due() {
            let step = self.decoder.decode(input).map_err(|e| self.fail(e))?;
            debug_assert_eq!(
                (step.consumed, step.status),
                (0, Status::Event(Event::MessageEnd))
            );
            self.observe(&Event::MessageEnd);
        }
        if let Some(status) = self.stopped(input.len())? {
            return Ok(ConnHeadStatus::Stopped(status));
        }
        // Where the head starts in the stream (from its first byte when
        // earlier calls read part of it).
        let at = self.decoder.position();
        let head = match self.decoder.decode_head(input, fields) {
            Ok(HeadStatus::Complete(head)) => head,
            Ok(HeadStatus::NeedMore) => {
                // A request line is taken in when it arrives, as `decode`
                // does (the request is in flight from then on).
                if !self.line_taken && self.decoder.start_line_held() {
                    self.take_request_line(input, None);
                }
                return Ok(ConnHeadStatus::NeedMore);
            }
            Ok(HeadStatus::NotAtHead) => return Ok(ConnHeadStatus::NotAtHead),
            Err(e) => {
                // `decode` would have given the request line before an
                // error past it: the answer to the failed request is
                // framed by its method and version (no body to HEAD, none
                // chunked to HTTP/1.0).
                if !core::mem::take(&mut self.line_taken) {
                    let before = e.offset().checked_sub(at).map(usize::try_from);
                    if let Some(Ok(before)) = before {
                        self.take_request_line(input, Some(before));
                    }
                }
                return Err(self.fail(e));
            }
        };
        // The head's events, as `decode` would have given them.
        if let StartLine::Request(line) = head.start {
            if !core::mem::take(&mut self.line_taken) {
                self.observe(&Event::Request(line));
            }
        }
        for field in head.fields {
            self.observe(&Event::Header(*field));
        }
        self.observe(&Event::HeadEnd(HeadEnd {
            framing: head.framing,
        }));
        if matches!(head.framing, Framing::None | Framing::Upgrade) {
            self.observe(&Event::MessageEnd);
        }
        Ok(ConnHeadStatus::Complete(head))
    }

    /// The request line at the front of `input`, which the decoder read
    /// (in a head it holds half read, or one that failed `failed_at` bytes
    /// into `input`, past the line), taken in as `decode` takes it in:
    /// read again by a scratch decoder, on these paths only, once per head.
    /// (A scratch decoder skips an empty line before the line even where
    /// the decoder had skipped one already and failed at a second: then
    /// the error comes before the line it finds, which is not taken.)
    fn take_request_line(&mut self, input: &[u8], failed_at: Option<usize>) {
        let mut again = Decoder::server(self.decoder.config());
        if let Ok(Step {
            consumed,
            status: Status::Event(event @ Event::Request(_)),
        }) = again.decode(input)
        {
            if failed_at.is_some_and(|at| at < consumed) {
                return;
            }
            self.observe(&event);
            self.line_taken = true;
        }
    }

    /// Whether the connection reads no request now, and what it says
    /// instead (nothing of the input consumed); the error again after one.
    fn stopped(&mut self, given: usize) -> Result<Option<ConnStatus<'static>>, Error> {
        Ok(Some(match self.cycle.requests() {
            Flow::Closed => {
                // After an error, every call says it again.
                if let Some(error) = self.failed {
                    return Err(error);
                }
                ConnStatus::Done { ignored: given }
            }
            Flow::Switched => ConnStatus::Switched,
            Flow::Paused => ConnStatus::Paused,
            Flow::Idle if self.paused() => ConnStatus::Paused,
            Flow::Idle | Flow::Message => return Ok(None),
        }))
    }

    /// No request is read until answers are written: the last may switch
    /// protocols, or as many are read ahead as the depth allows.
    fn paused(&self) -> bool {
        match self.cycle.requests() {
            Flow::Paused => true,
            Flow::Idle => self.cycle.check_request().is_err(),
            _ => false,
        }
    }

    /// A decoder error, sticky like it: no more requests are read.
    fn fail(&mut self, error: Error) -> Error {
        self.cycle.requests_failed();
        self.failed = Some(error);
        error
    }

    /// What the decoder's status means for the connection (its events
    /// observed on the way).
    fn status_of<'a>(&mut self, status: Status<'a>) -> ConnStatus<'a> {
        match status {
            Status::Event(event) => {
                self.observe(&event);
                ConnStatus::Event(event)
            }
            Status::NeedMore => ConnStatus::NeedMore,
            // A CONNECT head: the tunnel opens or not with the answer.
            Status::Upgraded => ConnStatus::Paused,
            Status::Closed => ConnStatus::Done { ignored: 0 },
        }
    }

    /// The peer closed its side (end of stream): see
    /// [`Decoder::finish`]. Requests read before it may still be answered.
    ///
    /// Once reading has stopped ([`ConnStatus::Done`] or
    /// [`ConnStatus::Switched`]), the bytes after the last request were
    /// never read, and the end of the stream ends nothing of theirs:
    /// `Ok(None)`, however the bytes were split between calls. After an
    /// error, the error again, and nothing changes.
    ///
    /// While paused ([`ConnStatus::Paused`]: answers are due before more
    /// is read), it ends nothing and changes nothing: write the answers,
    /// [`decode`](Self::decode) what is left, and call it again once that
    /// needs more (requests pipelined behind are complete in the input,
    /// and are read then).
    pub fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        if self.paused() {
            return Ok(None);
        }
        // (The decoder still counts the bytes the last call it made
        // left over, which the connection then ignored.)
        let reading = !matches!(self.cycle.requests(), Flow::Closed | Flow::Switched);
        let ended = if reading {
            self.decoder.finish()
        } else {
            Ok(None)
        };
        match ended {
            Ok(event) => {
                // The end of a request this end completes is taken in as
                // `decode` takes it (its body is all here: no 100 is due).
                if let Some(end @ Event::MessageEnd) = &event {
                    self.observe(end);
                }
                self.cycle.requests_ended();
                Ok(event)
            }
            Err(error) => Err(self.fail(error)),
        }
    }

    /// Write the head of the response to the oldest unanswered request
    /// into the front of `out`: as [`Encoder::response`], framed by that
    /// request's method and version. A 1xx other than 101 is interim: the
    /// final response to the same request follows it.
    pub fn response(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        out: &mut [u8],
    ) -> Result<WrittenHead, EncodeError> {
        self.write_head(line, fields, body, &mut SliceSink::new(out))
    }

    /// The framing for the next `len` bytes of the response's body (see
    /// [`Encoder::body`]).
    pub fn body(&mut self, len: usize) -> Result<BodyFrame, EncodeError> {
        self.encoder.body(len)
    }

    /// End the response (see [`Encoder::end`]); after a final response, the
    /// next one answers the next request.
    pub fn end(&mut self, trailers: &[Field<'_>], out: &mut [u8]) -> Result<usize, EncodeError> {
        self.end_with(trailers, &mut SliceSink::new(out))
    }

    /// Where the connection stands.
    pub fn state(&self) -> ConnState {
        state_of(&self.cycle)
    }

    /// Requests read (or being read) and not answered yet. Once the
    /// connection is [`Closed`](ConnState::Closed) those left are never
    /// answered (a request pipelined behind a closing response, say): stop
    /// there, not when this reaches 0.
    pub fn in_flight(&self) -> usize {
        self.cycle.in_flight()
    }

    /// The oldest unanswered request asked for `100 (Continue)` before
    /// sending its body, got neither it nor a final response yet, and its
    /// body has not all been read (a client may send it without waiting, RFC
    /// 9110 section 10.1.1: then no 100 is due). Never once it failed to
    /// decode: it is owed only its error answer, and a 100 is refused.
    ///
    /// "Read" is what [`decode`](Self::decode) took in, not what is in
    /// your buffer: at the request's `HeadEnd` this says true even when
    /// the body is already in the input. Ask when `decode` says
    /// [`NeedMore`](crate::ConnStatus::NeedMore) after the head (the
    /// client is waiting), and no 100 goes to a body that had already
    /// come.
    pub fn expects_continue(&self) -> bool {
        self.cycle.front().is_some_and(awaits_continue)
    }

    /// The request being read (the newest) asked for `100 (Continue)`
    /// and is still owed it: what the codec's `HeadEnd` frame says. Its
    /// 100 is due once the requests before it are answered
    /// ([`expects_continue`](Self::expects_continue) says when).
    #[cfg(feature = "tokio")]
    pub(crate) fn newest_expects_continue(&self) -> bool {
        self.cycle.newest().is_some_and(awaits_continue)
    }

    /// What the oldest unanswered request's method and version mean for
    /// its response, if one awaits an answer (none once the connection is
    /// closed: a request pipelined behind a closing response gets none).
    pub fn answering(&self) -> Option<Answering> {
        if self.state() == ConnState::Closed {
            return None;
        }
        self.cycle
            .front()
            .filter(|e| e.head_done())
            .map(|e| Answering::new(e.method, e.version))
    }

    /// The lenient readings the decoder used in the current request's
    /// head, or trailer section once it began: see
    /// [`Decoder::readings`](crate::Decoder::readings).
    pub fn readings(&self) -> Readings {
        self.decoder.readings()
    }

    /// Take in what a decoded event says about the request.
    fn observe(&mut self, event: &Event<'_>) {
        match event {
            Event::Request(line) => {
                // (Unless `decode_head` took it in already, and `decode`
                // then read the head over again as events.)
                if core::mem::take(&mut self.line_taken) {
                    return;
                }
                self.reading = Exchange::new(line.method_kind(), line.version);
                self.reading_options = HeadOptions::default();
                self.reading_offer = Offer::default();
                let started = self.cycle.start_request(self.reading);
                debug_assert!(started.is_ok(), "decode checked the request may start");
            }
            Event::Header(field) => {
                self.reading_options.observe(field);
                self.reading_offer.record(field);
            }
            Event::HeadEnd(head) => {
                let (method, version) = (self.reading.method, self.reading.version);
                let options = &self.reading_options;
                self.reading = Exchange::of_head(method, version, options, head.framing);
                self.cycle.update_request(self.reading);
            }
            Event::MessageEnd => self.cycle.end_request(),
            Event::Body(_) | Event::Trailer(_) => self.note_body_read(),
            Event::Response(_) => {}
        }
    }

    /// The request being read has all its body read once its
    /// `MessageEnd` is due, before the caller has pulled it: a final
    /// response then answers a request that sent its body (no 100 owed,
    /// no reason to close), as it would after the `MessageEnd`.
    fn note_body_read(&mut self) {
        if self.decoder.message_end_due() {
            self.cycle.request_body_done();
        }
    }

    fn write_head(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        sink: &mut impl Sink,
    ) -> Result<WrittenHead, EncodeError> {
        self.cycle.check_response(line.status).map_err(misuse)?;
        let front = *self
            .cycle
            .front()
            .ok_or(EncodeError::new(EncodeErrorKind::NoRequest))?;
        let interim = (100..200).contains(&line.status) && line.status != 101;
        if interim && front.failed() {
            return Err(EncodeError::new(EncodeErrorKind::NoRequest));
        }
        if interim && front.version == Version::Http10 {
            return Err(EncodeError::new(EncodeErrorKind::InterimToHttp10));
        }
        // RFC 9110 section 7.8: a 101 switches only to a protocol the
        // request offered.
        if line.status == 101 {
            for (index, field) in fields.iter().enumerate() {
                if let Some(at) = self.reading_offer.unoffered(field) {
                    return Err(EncodeError::new(EncodeErrorKind::UnexpectedSwitch)
                        .in_field(index)
                        .at_byte(at));
                }
            }
        }
        let switches = Cycle::switches(&front, line.status);
        // The last request of a stream the peer ended, or the answer to an
        // error: nothing follows it.
        let last = self.cycle.requests() == Flow::Closed && self.cycle.in_flight() == 1;
        let unread_body = front.expects_continue() && !front.continued() && !front.body_done();
        // Whether the response closes the connection, once the encoder has
        // read its fields (`options`) and decided its framing: set by
        // `extra`, which the encoder calls before writing a byte.
        let mut closes = false;
        // What the response says about the connection.
        let extra = |framing: Framing, options: &HeadOptions| -> &'static [u8] {
            // An HTTP/1.0 response persists only by keep-alive (RFC 9112
            // section 9.3): one the connection does not add closes it.
            let http10_closes =
                line.version == Version::Http10 && !options.keep_alive() && !front.keep_alive_10();
            closes = (!interim
                && !switches
                && (front.close()
                    || front.failed()
                    || options.close()
                    || last
                    || unread_body
                    || http10_closes))
                // A body that runs to the end of the stream.
                || (!interim && framing == Framing::Close);
            if closes && !options.close() {
                b"Connection: close\r\n"
            } else if !interim
                && !closes
                && !switches
                && front.keep_alive_10()
                && !options.keep_alive()
            {
                b"Connection: keep-alive\r\n"
            } else {
                b""
            }
        };
        let answering = Answering::new(front.method, front.version);
        let written =
            self.encoder
                .head(Start::Response(line, answering), fields, body, extra, sink)?;
        let started = self.cycle.start_response(line.status);
        debug_assert!(started.is_ok(), "checked above");
        if closes {
            self.cycle.response_head_closes();
        }
        Ok(written)
    }

    fn end_with(
        &mut self,
        trailers: &[Field<'_>],
        sink: &mut impl Sink,
    ) -> Result<usize, EncodeError> {
        let written = self.encoder.end_into_sink(trailers, sink)?;
        if self.cycle.end_response() == After::Resumed {
            // A CONNECT refused: its decoder stopped at the head and reads
            // on (an Upgrade offer never stopped it).
            self.decoder.resume();
        }
        Ok(written)
    }
}

/// A request whose head asked for `100 (Continue)` and that got neither
/// it nor a final response, nor sent its body anyway, nor failed (a
/// request that failed is owed only its error answer: a 100 to it is
/// refused).
fn awaits_continue(e: &Exchange) -> bool {
    e.head_done()
        && e.expects_continue()
        && !e.continued()
        && !e.answered()
        && !e.body_done()
        && !e.failed()
}

/// Writing into any [`bytes::BufMut`]: the same calls, appending.
#[cfg(feature = "bytes")]
impl Connection {
    /// [`response`](Self::response), appending to `out`.
    pub fn response_into<B: bytes::BufMut>(
        &mut self,
        line: &StatusLine<'_>,
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
        self.encoder.body_into(data, out)
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
