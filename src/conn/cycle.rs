//! The message cycle of one HTTP/1 connection (RFC 9112 section 9, RFC
//! 9110 sections 7.8, 9.3.6 and 10.1.1), as h11's `_state.py` keeps it:
//!
//! 1. Everything that moves the message cycle lives here: when a message
//!    may start, which request a response answers, when the connection
//!    closes or switches protocols.
//! 2. This file does not know which side it plays. It hears of requests and
//!    responses, not of reading and writing; the server's connection tells
//!    it of the requests it reads and the responses it writes, the client's
//!    of the requests it writes and the responses it reads.
//!
//! The table, for each direction (`Flow`), with the queue of requests in
//! flight between them:
//!
//! ```text
//! requests:  Idle --head--> Message --end--> Idle      (keep-alive)
//!                                       \--> Paused    (CONNECT or Upgrade: until its final response)
//!                                       \--> Closed    (the request closes the connection)
//! responses: Idle --head--> Message --end--> Idle      (1xx other than 101; or final, keep-alive)
//!                                       \--> Switched  (101, 2xx to CONNECT: both directions)
//!                                       \--> Closed    (the exchange closes: both directions)
//! Paused --final response ends, no switch--> Idle
//! a read error: that direction Closed; the other finishes what is in flight, then Closed
//! ```
//!
//! and the rules each step checks: a response answers the oldest request in
//! flight, once its head is complete; a 101 only answers an upgrade offer;
//! a switch waits for the whole request (and for a 100 owed to its
//! expectation) and never answers a request that failed; at most `depth`
//! requests are in flight; an exchange closes when either message said so,
//! when it is HTTP/1.0 without keep-alive, when its response runs to the
//! end of the stream, when its request failed, or when a final response
//! came before a body announced with `Expect: 100-continue`.

use super::options::HeadOptions;
use crate::{Framing, MethodKind, Version};

/// The most requests a connection holds in flight.
pub(crate) const MAX_DEPTH: usize = 31;

// A client connection tells its decoder the method of every request in
// flight.
const _: () = assert!(MAX_DEPTH <= crate::Decoder::MAX_IN_FLIGHT);
// The queue's indices are bytes.
const _: () = assert!(MAX_DEPTH <= u8::MAX as usize);

/// Where one direction of the connection is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Between messages: the next head may start.
    Idle,
    /// Inside a message: its head started, its end has not passed.
    Message,
    /// Requests only: the last request may switch protocols (CONNECT, or
    /// an Upgrade offer); no request follows until its final response
    /// says whether it does.
    Paused,
    /// The connection left HTTP/1.
    Switched,
    /// No more messages in this direction.
    Closed,
}

/// One request in flight, and what it asked of the connection: the
/// method and version, and a bit for each fact below (a connection keeps
/// [`MAX_DEPTH`] of these, idle or not, so four bytes each, not twelve).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Exchange {
    pub method: MethodKind,
    pub version: Version,
    facts: u16,
}

/// A getter and a setter for each fact an [`Exchange`] keeps, by bit.
macro_rules! exchange_facts {
    ($($(#[$doc:meta])* $bit:literal $get:ident $set:ident;)*) => {
        impl Exchange {
            $(
                $(#[$doc])*
                #[inline]
                pub(crate) const fn $get(&self) -> bool {
                    self.facts & (1 << $bit) != 0
                }

                #[inline]
                pub(crate) fn $set(&mut self, on: bool) {
                    if on {
                        self.facts |= 1 << $bit;
                    } else {
                        self.facts &= !(1 << $bit);
                    }
                }
            )*
        }
    };
}

exchange_facts! {
    /// The request closes the connection after its response (`Connection:
    /// close`, or HTTP/1.0 without keep-alive).
    0 close set_close;
    /// An HTTP/1.0 request with `Connection: keep-alive`.
    1 keep_alive_10 set_keep_alive_10;
    /// `Expect: 100-continue`.
    2 expects_continue set_expects_continue;
    /// CONNECT, or an Upgrade offer: its response may switch protocols.
    3 may_switch set_may_switch;
    /// The whole request head passed: what it asks is known.
    4 head_done set_head_done;
    /// The whole request passed.
    5 request_done set_request_done;
    /// The request's body passed: at its end, or at its head when it has
    /// none (a request whose framing is none or upgrade). A protocol
    /// switch waits for it: the client cannot use the new protocol before
    /// it sent the whole request (RFC 9110 section 7.8).
    6 body_done set_body_done;
    /// A 100 (Continue) passed.
    7 continued set_continued;
    /// The final response's head passed.
    8 answered set_answered;
    /// Stands for a request that failed to decode: only a final response
    /// (the error) answers it, and the connection closes after it.
    9 failed set_failed;
}

impl Exchange {
    pub(crate) const fn new(method: MethodKind, version: Version) -> Self {
        Exchange {
            method,
            version,
            facts: 0,
        }
    }

    /// What a whole request head asks of the connection: read the same way
    /// by the client that writes it and the server that reads it.
    pub(crate) fn of_head(
        method: MethodKind,
        version: Version,
        options: &HeadOptions,
        framing: Framing,
    ) -> Self {
        let http10 = version == Version::Http10;
        let connect = method == MethodKind::Connect;
        let no_content = matches!(
            framing,
            Framing::None | Framing::Upgrade | Framing::Length(0)
        );
        let mut e = Exchange::new(method, version);
        // A CONNECT has no content (RFC 9110 section 9.3.6): what follows
        // its head is the tunnel's, or the next request's if it is
        // refused. One that states a Content-Length was sent by a peer
        // that meant a body, which another reader of the stream may take
        // as one: refused, it closes the connection rather than read
        // those bytes as requests.
        let connect_with_length = connect && options.content_length();
        e.set_close(options.close() || (http10 && !options.keep_alive()) || connect_with_length);
        e.set_keep_alive_10(http10 && options.keep_alive() && !options.close());
        // RFC 9110 section 10.1.1: a server ignores 100-continue in an
        // HTTP/1.0 request (so its client waits for no 100); section 7.8:
        // and any Upgrade. Nor is there anything to wait for without
        // content (a CONNECT: a 100 there would have the client send what
        // it called a body, and a refusal read it as requests).
        e.set_expects_continue(options.expects_continue() && !http10 && !no_content);
        e.set_may_switch(connect || (options.offers_upgrade() && !http10));
        e.set_head_done(true);
        e.set_body_done(no_content);
        e
    }
}

/// Why the table refuses a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// A message starts while one in the same direction is unfinished.
    InMessage,
    /// A response with no request awaiting one.
    NoRequest,
    /// More requests in flight than the connection holds.
    Full,
    /// A request while the previous one may switch protocols.
    Paused,
    /// The direction is closed.
    Closed,
    /// The connection left HTTP/1.
    Switched,
    /// A 101 to a request that offered no upgrade.
    UnexpectedSwitch,
}

/// The cycle: both directions and the requests in flight, oldest first.
#[derive(Clone, Debug)]
pub(crate) struct Cycle {
    requests: Flow,
    responses: Flow,
    queue: [Exchange; MAX_DEPTH],
    // Indices and counts of the queue, at most MAX_DEPTH: bytes, as the
    // cycle is kept per connection.
    first: u8,
    len: u8,
    depth: u8,
    /// The exchange of the request being read or written is still queued
    /// (an early final response may take it out first).
    open_request_queued: bool,
    /// What the response in progress is.
    response: Response,
}

/// What kind of response is in progress (or was the last one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Response {
    /// A 1xx other than 101: the final response is still to come.
    Interim,
    /// A final response after which the connection may persist.
    Final,
    /// A final response whose head said the connection closes after it:
    /// no request starts any more (RFC 9112 section 9.6), though the one
    /// in progress may end.
    Closing,
    /// A 101, or a 2xx answering CONNECT: the connection leaves HTTP/1.
    Switching,
}

impl Cycle {
    /// A cycle that holds at most `depth` requests in flight (1 to
    /// [`MAX_DEPTH`]).
    pub(crate) fn new(depth: usize) -> Self {
        Cycle {
            requests: Flow::Idle,
            responses: Flow::Idle,
            queue: [Exchange::new(MethodKind::Other, Version::Http11); MAX_DEPTH],
            first: 0,
            len: 0,
            depth: depth.clamp(1, MAX_DEPTH) as u8,
            open_request_queued: false,
            response: Response::Final,
        }
    }

    pub(crate) fn requests(&self) -> Flow {
        self.requests
    }

    pub(crate) fn responses(&self) -> Flow {
        self.responses
    }

    /// Requests in flight (their final response has not ended).
    pub(crate) fn in_flight(&self) -> usize {
        usize::from(self.len)
    }

    /// Where in the queue the request `k` places after the oldest in
    /// flight is.
    fn slot(&self, k: usize) -> usize {
        (usize::from(self.first) + k) % MAX_DEPTH
    }

    /// The oldest request in flight: the one the next response answers.
    pub(crate) fn front(&self) -> Option<&Exchange> {
        (self.len > 0).then(|| &self.queue[self.slot(0)])
    }

    fn front_mut(&mut self) -> Option<&mut Exchange> {
        let at = self.slot(0);
        (self.len > 0).then(|| &mut self.queue[at])
    }

    /// The newest request in flight: the one being read, or written, if
    /// any is.
    pub(crate) fn newest(&self) -> Option<&Exchange> {
        (self.len > 0).then(|| &self.queue[self.newest_slot()])
    }

    fn newest_mut(&mut self) -> Option<&mut Exchange> {
        let at = self.newest_slot();
        (self.len > 0).then(|| &mut self.queue[at])
    }

    /// Where the newest exchange is, when there is one.
    fn newest_slot(&self) -> usize {
        self.slot(self.in_flight() + MAX_DEPTH - 1)
    }

    /// Queue `exchange` as the newest request in flight (the caller saw
    /// there is room).
    fn push(&mut self, exchange: Exchange) {
        let at = self.slot(self.in_flight());
        self.queue[at] = exchange;
        self.len += 1;
    }

    /// Whether a request may start now.
    pub(crate) fn check_request(&self) -> Result<(), Refusal> {
        match self.requests {
            Flow::Idle if self.len >= self.depth => Err(Refusal::Full),
            Flow::Idle => Ok(()),
            Flow::Message => Err(Refusal::InMessage),
            Flow::Paused => Err(Refusal::Paused),
            Flow::Switched => Err(Refusal::Switched),
            Flow::Closed => Err(Refusal::Closed),
        }
    }

    /// A request head starts.
    pub(crate) fn start_request(&mut self, exchange: Exchange) -> Result<(), Refusal> {
        self.check_request()?;
        self.push(exchange);
        self.requests = Flow::Message;
        self.open_request_queued = true;
        Ok(())
    }

    /// The request head being read or written is complete: what it asked
    /// for is known now.
    pub(crate) fn update_request(&mut self, exchange: Exchange) {
        if self.open_request_queued {
            if let Some(newest) = self.newest_mut() {
                *newest = exchange;
            }
        }
    }

    /// The body of the request in progress is complete (a Content-Length
    /// body's last byte passed), though its end has not been called yet.
    pub(crate) fn request_body_done(&mut self) {
        if self.requests == Flow::Message && self.open_request_queued {
            if let Some(newest) = self.newest_mut() {
                newest.set_body_done(true);
            }
        }
    }

    /// The request in progress ended.
    pub(crate) fn end_request(&mut self) {
        if self.requests != Flow::Message {
            return;
        }
        let ended = if self.open_request_queued {
            self.newest_mut().map(|e| {
                e.set_request_done(true);
                e.set_body_done(true);
                *e
            })
        } else {
            None
        };
        self.open_request_queued = false;
        self.requests = match ended {
            // The response being sent or read closes the connection.
            _ if self.responses == Flow::Message && self.response == Response::Closing => {
                Flow::Closed
            }
            // Its answer decides first, even when the exchange closes after
            // a refusal: the bytes after a CONNECT or an Upgrade offer may
            // be the tunnel's.
            Some(e) if e.may_switch() => Flow::Paused,
            Some(e) if e.close() => Flow::Closed,
            _ if self.responses == Flow::Closed => Flow::Closed,
            _ => Flow::Idle,
        };
    }

    /// Whether a response with `status` may start now.
    pub(crate) fn check_response(&self, status: u16) -> Result<(), Refusal> {
        match self.responses {
            Flow::Idle => {}
            Flow::Message => return Err(Refusal::InMessage),
            Flow::Switched => return Err(Refusal::Switched),
            Flow::Closed | Flow::Paused => return Err(Refusal::Closed),
        }
        let front = self.front().ok_or(Refusal::NoRequest)?;
        if !front.head_done() {
            return Err(Refusal::NoRequest);
        }
        let switching =
            status == 101 || (front.method == MethodKind::Connect && (200..300).contains(&status));
        if switching {
            // RFC 9110 section 7.8: a switch after the whole request, a 100
            // before a 101 that answers an expectation, and never for a
            // request that failed (its answer is an error, and closes).
            let continue_due = front.expects_continue() && !front.continued();
            if !front.body_done() || front.failed() || (status == 101 && continue_due) {
                return Err(Refusal::UnexpectedSwitch);
            }
        }
        if status == 101 && !front.may_switch() {
            return Err(Refusal::UnexpectedSwitch);
        }
        Ok(())
    }

    /// Whether a response with `status` to `exchange` switches protocols:
    /// a 101, or a 2xx answering CONNECT; never the answer to a request
    /// that failed.
    pub(crate) fn switches(exchange: &Exchange, status: u16) -> bool {
        !exchange.failed()
            && (status == 101
                || (exchange.method == MethodKind::Connect && (200..300).contains(&status)))
    }

    /// A response head starts. `switches`: it is a 101, or a 2xx answering
    /// CONNECT.
    pub(crate) fn start_response(&mut self, status: u16) -> Result<(), Refusal> {
        self.check_response(status)?;
        let interim = (100..200).contains(&status) && status != 101;
        let front = self.front_mut().ok_or(Refusal::NoRequest)?;
        let switches = Self::switches(front, status);
        if status == 100 {
            front.set_continued(true);
        }
        if !interim {
            front.set_answered(true);
        }
        self.response = if switches {
            Response::Switching
        } else if interim {
            Response::Interim
        } else {
            Response::Final
        };
        self.responses = Flow::Message;
        Ok(())
    }

    /// The head of the response in progress says the connection closes
    /// after it (`Connection: close`, HTTP/1.0 without keep-alive, a body
    /// that runs to the end of the stream). From here no request starts:
    /// a server that sends close "MUST NOT process any further requests",
    /// a client that receives it "MUST cease sending requests" (RFC 9112
    /// section 9.6); the request it answers, if still in progress (an
    /// early response), may still end, a later one not. An interim
    /// response or one that switches protocols closes nothing.
    pub(crate) fn response_head_closes(&mut self) {
        if self.responses != Flow::Message || self.response != Response::Final {
            return;
        }
        self.response = Response::Closing;
        // Only the request this response answers may go on to its end (an
        // early response, its body still coming); a later one, pipelined
        // behind it, is read no further.
        let answering_it =
            self.requests == Flow::Message && self.open_request_queued && self.len == 1;
        if !answering_it && matches!(self.requests, Flow::Idle | Flow::Paused | Flow::Message) {
            self.requests = Flow::Closed;
            self.open_request_queued = false;
        }
    }

    /// A response whose head said the connection closes is in progress,
    /// or a request whose head said so (`Connection: close`, HTTP/1.0
    /// without keep-alive) is still being read or written: no request
    /// follows it either way. (Not one that may switch protocols, a
    /// CONNECT or an Upgrade offer: its answer decides.)
    pub(crate) fn closing(&self) -> bool {
        let response_closes = self.responses == Flow::Message && self.response == Response::Closing;
        let request_closes = self.requests == Flow::Message
            && self.open_request_queued
            && self
                .newest()
                .is_some_and(|e| e.head_done() && e.close() && !e.may_switch());
        response_closes || request_closes
    }

    /// The response in progress ended (it closes the connection if its
    /// head said so: [`response_head_closes`](Self::response_head_closes)).
    /// Returns what became of the connection.
    pub(crate) fn end_response(&mut self) -> After {
        if self.responses != Flow::Message {
            return After::Open;
        }
        let closes = self.response == Response::Closing;
        self.responses = Flow::Idle;
        if self.response == Response::Interim {
            return After::Open;
        }
        let Some(exchange) = self.front().copied() else {
            return After::Open;
        };
        self.first = self.slot(1) as u8;
        self.len -= 1;
        if !exchange.request_done() {
            // The request this response answers is still in progress (an
            // early response): it is no longer queued.
            self.open_request_queued = false;
        }
        if self.response == Response::Switching {
            self.requests = Flow::Switched;
            self.responses = Flow::Switched;
            return After::Switched;
        }
        // A client that expected 100 (Continue) and got a final response
        // instead may never send the body its request announced: neither
        // side can know where the next request would start.
        // (Its body, not its end: a client that wrote a Content-Length
        // body whole and has not called its end yet sent it all.)
        let unread_body =
            !exchange.body_done() && exchange.expects_continue() && !exchange.continued();
        if closes || exchange.close() || exchange.failed() || unread_body {
            self.close();
            return After::Closed;
        }
        if exchange.may_switch() && self.requests == Flow::Paused {
            self.requests = Flow::Idle;
            return After::Resumed;
        }
        // Answered without a switch before its request's end was read (a
        // server refusing a CONNECT at its head): reading goes on past it
        // too, once that end comes (`end_request` finds it answered).
        if exchange.may_switch() && !exchange.request_done() {
            return After::Resumed;
        }
        After::Open
    }

    /// No more messages in either direction.
    pub(crate) fn close(&mut self) {
        self.requests = Flow::Closed;
        self.responses = match self.responses {
            Flow::Message => Flow::Message,
            _ => Flow::Closed,
        };
    }

    /// Reading requests failed (a decode error): no more requests; one
    /// error response may still answer the request that failed, after the
    /// responses to those before it.
    pub(crate) fn requests_failed(&mut self) {
        let in_message = self.requests == Flow::Message;
        let open = in_message && self.open_request_queued;
        self.requests = Flow::Closed;
        self.open_request_queued = false;
        if in_message && !open {
            // The request that failed was already answered (an early
            // response): no second answer; close once the rest is written.
            if self.len == 0 && self.responses == Flow::Idle {
                self.responses = Flow::Closed;
            }
        } else if open {
            if let Some(newest) = self.newest_mut() {
                newest.set_failed(true);
                newest.set_close(true);
                newest.set_head_done(true);
            }
        } else if self.in_flight() < MAX_DEPTH && self.responses != Flow::Closed {
            // Its request line was not read: neither its method nor its
            // version is known. Its answer is framed for an HTTP/1.0
            // client (a streamed body runs to the close, never chunked),
            // which any client reads; the connection closes after it.
            let mut failed = Exchange::new(MethodKind::Other, Version::Http10);
            failed.set_failed(true);
            failed.set_close(true);
            failed.set_request_done(true);
            failed.set_body_done(true);
            failed.set_head_done(true);
            self.push(failed);
        }
    }

    /// Reading responses failed, or the peer closed: nothing more either
    /// way.
    pub(crate) fn responses_failed(&mut self) {
        self.requests = Flow::Closed;
        self.responses = Flow::Closed;
    }

    /// The peer sent its last request (end of stream): requests in flight
    /// may still be answered.
    pub(crate) fn requests_ended(&mut self) {
        if self.requests != Flow::Switched {
            self.requests = Flow::Closed;
        }
        if self.len == 0 && self.responses == Flow::Idle {
            self.responses = Flow::Closed;
        }
    }
}

/// What became of the connection when a final response ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum After {
    /// It goes on: the next exchange.
    Open,
    /// It goes on, and reading requests resumes after a CONNECT or an
    /// Upgrade offer that was answered without switching.
    Resumed,
    /// It left HTTP/1.
    Switched,
    /// It closes.
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get() -> Exchange {
        let mut e = Exchange::new(MethodKind::Other, Version::Http11);
        e.set_head_done(true);
        e
    }

    #[test]
    fn a_connection_stays_small() {
        // One per connection, idle or not: 680 bytes when each request in
        // flight took twelve bytes and the queue's indices were words, 392
        // before the decoder shrank from 200 to 184, 376 before it shrank
        // to 128; the server's 312 before `EncoderOptions` grew from four
        // flags to nine (the encoder from 24 bytes to 32), 320 before it
        // kept the protocols an Upgrade offers (two of them, as hashes);
        // the client's 312 before it kept those of its own offer.
        assert!(core::mem::size_of::<Exchange>() <= 4);
        assert!(core::mem::size_of::<crate::server::Connection>() <= 336);
        assert!(core::mem::size_of::<crate::client::Connection>() <= 336);
    }

    #[test]
    fn a_switch_waits_for_the_whole_request_and_never_answers_a_failure() {
        let mut c = Cycle::new(4);
        let mut e = get();
        e.set_may_switch(true);
        c.start_request(e).unwrap();
        assert_eq!(
            c.check_response(101),
            Err(Refusal::UnexpectedSwitch),
            "body not done"
        );
        c.end_request();
        assert_eq!(c.check_response(101), Ok(()));
        let mut c = Cycle::new(4);
        let mut e = Exchange::new(MethodKind::Connect, Version::Http11);
        e.set_may_switch(true);
        c.start_request(e).unwrap();
        c.requests_failed();
        // The answer to a failure is an error, and closes; it never switches.
        assert_eq!(c.check_response(200), Err(Refusal::UnexpectedSwitch));
        c.start_response(400).unwrap();
        assert_eq!(c.end_response(), After::Closed);
    }

    #[test]
    fn keep_alive_exchanges_in_order() {
        let mut c = Cycle::new(4);
        for _ in 0..3 {
            c.start_request(get()).unwrap();
            c.end_request();
        }
        assert_eq!((c.requests(), c.in_flight()), (Flow::Idle, 3));
        for left in (0..3).rev() {
            c.start_response(200).unwrap();
            assert_eq!(c.start_response(200), Err(Refusal::InMessage));
            assert_eq!(c.end_response(), After::Open);
            assert_eq!(c.in_flight(), left);
        }
        assert_eq!(c.start_response(200), Err(Refusal::NoRequest));
    }

    #[test]
    fn the_depth_bounds_requests_in_flight() {
        let mut c = Cycle::new(2);
        for _ in 0..2 {
            c.start_request(get()).unwrap();
            c.end_request();
        }
        assert_eq!(c.check_request(), Err(Refusal::Full));
        c.start_response(204).unwrap();
        c.end_response();
        assert_eq!(c.check_request(), Ok(()));
    }

    #[test]
    fn interim_responses_keep_the_request_in_flight() {
        let mut c = Cycle::new(4);
        let mut e = get();
        e.set_expects_continue(true);
        c.start_request(e).unwrap();
        c.start_response(100).unwrap();
        assert_eq!(c.end_response(), After::Open);
        assert!(c.front().unwrap().continued());
        c.end_request();
        c.start_response(200).unwrap();
        assert_eq!(c.end_response(), After::Open);
        assert_eq!(c.in_flight(), 0);
    }

    #[test]
    fn a_final_response_before_an_expected_body_closes() {
        let mut c = Cycle::new(4);
        let mut e = get();
        e.set_expects_continue(true);
        c.start_request(e).unwrap();
        c.start_response(417).unwrap();
        assert_eq!(c.end_response(), After::Closed);
        assert_eq!((c.requests(), c.responses()), (Flow::Closed, Flow::Closed));
    }

    #[test]
    fn connect_pauses_requests_until_answered() {
        let mut c = Cycle::new(4);
        let mut e = Exchange::new(MethodKind::Connect, Version::Http11);
        e.set_may_switch(true);
        e.set_head_done(true);
        c.start_request(e).unwrap();
        c.end_request();
        assert_eq!(c.requests(), Flow::Paused);
        assert_eq!(c.check_request(), Err(Refusal::Paused));
        c.start_response(407).unwrap();
        assert_eq!(c.end_response(), After::Resumed);
        assert_eq!(c.requests(), Flow::Idle);
        c.start_request(e).unwrap();
        c.end_request();
        c.start_response(200).unwrap();
        assert_eq!(c.end_response(), After::Switched);
        assert_eq!(
            (c.requests(), c.responses()),
            (Flow::Switched, Flow::Switched)
        );
    }

    #[test]
    fn a_connect_refused_before_its_end_resumes_and_is_not_paused_after() {
        let mut c = Cycle::new(4);
        let mut e = Exchange::new(MethodKind::Connect, Version::Http11);
        e.set_may_switch(true);
        e.set_head_done(true);
        c.start_request(e).unwrap();
        c.start_response(407).unwrap();
        assert_eq!(c.end_response(), After::Resumed);
        c.end_request();
        assert_eq!((c.requests(), c.responses()), (Flow::Idle, Flow::Idle));
    }

    #[test]
    fn a_101_needs_an_upgrade_offer() {
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        assert_eq!(c.check_response(101), Err(Refusal::UnexpectedSwitch));
        let mut e = get();
        e.set_may_switch(true);
        c.update_request(e);
        c.end_request();
        c.start_response(101).unwrap();
        assert_eq!(c.end_response(), After::Switched);
    }

    #[test]
    fn a_closing_response_head_stops_requests_at_once() {
        // Between requests: none starts once the head says close.
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.end_request();
        c.start_response(200).unwrap();
        c.response_head_closes();
        assert_eq!(c.requests(), Flow::Closed);
        assert_eq!(c.check_request(), Err(Refusal::Closed));
        assert_eq!(c.end_response(), After::Closed);
        // Early, while its request is in progress: that request may end,
        // and it is the last.
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.start_response(413).unwrap();
        c.response_head_closes();
        assert_eq!(c.requests(), Flow::Message);
        c.end_request();
        assert_eq!(c.requests(), Flow::Closed);
        // A CONNECT refused with close: no pause, closed.
        let mut c = Cycle::new(4);
        let mut e = Exchange::new(MethodKind::Connect, Version::Http11);
        e.set_may_switch(true);
        e.set_head_done(true);
        c.start_request(e).unwrap();
        c.end_request();
        assert_eq!(c.requests(), Flow::Paused);
        c.start_response(407).unwrap();
        c.response_head_closes();
        assert_eq!(c.requests(), Flow::Closed);
        // An interim response, or one that switches, closes nothing.
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.end_request();
        c.start_response(103).unwrap();
        c.response_head_closes();
        assert_eq!(c.check_request(), Ok(()));
        assert_eq!(c.end_response(), After::Open);
        c.start_response(200).unwrap();
        assert_eq!(c.check_request(), Ok(()), "a final response that persists");
    }

    #[test]
    fn closing_requests_and_responses() {
        let mut c = Cycle::new(4);
        let mut e = get();
        e.set_close(true);
        c.start_request(e).unwrap();
        c.end_request();
        assert_eq!(c.requests(), Flow::Closed);
        assert_eq!(c.check_request(), Err(Refusal::Closed));
        c.start_response(200).unwrap();
        assert_eq!(c.end_response(), After::Closed);
        assert_eq!(c.check_response(200), Err(Refusal::Closed));

        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.end_request();
        c.start_request(get()).unwrap();
        c.end_request();
        c.start_response(200).unwrap();
        c.response_head_closes();
        assert_eq!(c.end_response(), After::Closed, "the response said close");
        assert_eq!(c.check_response(200), Err(Refusal::Closed));
    }

    #[test]
    fn no_response_before_the_request_head_is_complete() {
        let mut c = Cycle::new(4);
        c.start_request(Exchange::new(MethodKind::Other, Version::Http11))
            .unwrap();
        assert_eq!(c.check_response(200), Err(Refusal::NoRequest));
        c.update_request(get());
        assert_eq!(c.check_response(200), Ok(()));
    }

    #[test]
    fn a_failed_request_gets_one_error_response() {
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.end_request();
        c.requests_failed();
        assert_eq!(c.in_flight(), 2);
        c.start_response(200).unwrap();
        assert_eq!(c.end_response(), After::Open);
        c.start_response(400).unwrap();
        assert_eq!(c.end_response(), After::Closed);

        // A request that fails inside its body is the one answered.
        let mut c = Cycle::new(4);
        c.start_request(get()).unwrap();
        c.requests_failed();
        assert_eq!(c.in_flight(), 1);
        assert!(c.front().unwrap().failed());
    }

    /// Once the connection left HTTP/1, the end of the stream does not turn the
    /// switch into a close; both directions stay Switched.
    #[test]
    fn the_end_of_the_stream_after_a_switch_leaves_it_switched() {
        let mut c = Cycle::new(4);
        let mut e = get();
        e.set_may_switch(true);
        c.start_request(e).unwrap();
        c.end_request();
        c.start_response(101).unwrap();
        assert_eq!(c.end_response(), After::Switched);
        c.requests_ended();
        assert_eq!(
            (c.requests(), c.responses()),
            (Flow::Switched, Flow::Switched)
        );
    }
}
