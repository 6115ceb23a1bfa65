//! Connections: RFC 9112 section 9 (associating responses with requests,
//! persistence, retrying, pipelining, tear-down) and the parts of RFC 9110
//! that decide where a message ends or whether HTTP/1 goes on: Connection
//! (7.6.1), Upgrade (7.8), HEAD (9.3.2), CONNECT (9.3.6), Expect (10.1.1),
//! 1xx (15.2), 204 (15.3.5) and 304 (15.4.5).
//!
//! What a single stream of messages must say is checked through the
//! decoders (the helpers of `main.rs`, every split agreeing); what a
//! connection must do across messages, through `server::Connection` and
//! `client::Connection`, driven here by [`Side`] (a reading with nothing
//! written in between goes through [`read_at_every_split`]: whole, a byte
//! at a time and in 7-byte pieces, the same); what a sender must not
//! write, through `Encoder`. Not covered, since a sans-I/O codec has no
//! part in them: establishing connections (9.1), how many to open (9.4),
//! time-outs and half-closes (9.5, 9.6's TCP advice), TLS (9.7, 9.8), and
//! the choices RFC 9112 leaves to the caller (whether to retry, whether to
//! pipeline after a non-idempotent method).

use h1wire::client::Connection as ClientConn;
use h1wire::server::Connection as ServerConn;
use h1wire::{
    Answering, Body, ConnState, ConnStatus, ConnStep, ConnectionConfig, EncodeError,
    EncodeErrorKind, Encoder, EncoderOptions, ErrorKind, Field, Framing, MethodKind, RequestLine,
    StatusLine, Version,
};
use h1wire_testkit::{body, esc, header, merge_bodies, request, Ev};

use super::{client, complete, error_of, server};

const HOST: Field<'static> = Field::new("Host", "example.com");
const NEXT: &[u8] = b"GET /next HTTP/1.1\r\nHost: example.com\r\n\r\n";

// ---------------------------------------------------------------------------
// A connection driven like a caller drives it.

/// Why a connection stopped reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    NeedMore,
    Paused,
    Switched,
    Done,
    Failed(ErrorKind, u64),
}

/// The `decode` of either connection.
trait Decodes {
    fn step<'a>(&mut self, input: &'a [u8]) -> Result<ConnStep<'a>, h1wire::Error>;
}

impl Decodes for ServerConn {
    fn step<'a>(&mut self, input: &'a [u8]) -> Result<ConnStep<'a>, h1wire::Error> {
        self.decode(input)
    }
}

impl Decodes for ClientConn {
    fn step<'a>(&mut self, input: &'a [u8]) -> Result<ConnStep<'a>, h1wire::Error> {
        self.decode(input)
    }
}

/// One side of a connection: the connection, the peer's bytes it has not
/// consumed, and everything it wrote.
struct Side<C> {
    conn: C,
    unread: Vec<u8>,
    wrote: Vec<u8>,
}

fn server_side() -> Side<ServerConn> {
    Side {
        conn: ServerConn::new(ConnectionConfig::default()),
        unread: Vec::new(),
        wrote: Vec::new(),
    }
}

fn client_side() -> Side<ClientConn> {
    Side {
        conn: ClientConn::new(ConnectionConfig::default()),
        unread: Vec::new(),
        wrote: Vec::new(),
    }
}

impl<C: Decodes> Side<C> {
    /// The peer sent `bytes`: decode until the connection stops, keeping
    /// what it did not consume (after a switch, the new protocol's bytes;
    /// after a close, the bytes nobody reads). Bodies come merged.
    fn read(&mut self, bytes: &[u8]) -> (Vec<Ev>, Stop) {
        self.unread.extend_from_slice(bytes);
        let mut events = Vec::new();
        loop {
            let (consumed, got) = match self.conn.step(&self.unread) {
                Ok(step) => {
                    let got = match step.status {
                        ConnStatus::Event(event) => Ok(Ev::of(&event)),
                        ConnStatus::NeedMore => Err(Stop::NeedMore),
                        ConnStatus::Paused => Err(Stop::Paused),
                        ConnStatus::Switched => Err(Stop::Switched),
                        ConnStatus::Done { ignored } => {
                            assert_eq!(
                                ignored + step.consumed,
                                self.unread.len(),
                                "Done says how much of the input it ignored"
                            );
                            Err(Stop::Done)
                        }
                    };
                    (step.consumed, got)
                }
                Err(e) => (0, Err(Stop::Failed(e.kind(), e.offset()))),
            };
            self.unread.drain(..consumed);
            match got {
                Ok(event) => events.push(event),
                Err(stop) => return (merge_bodies(events), stop),
            }
        }
    }
}

/// A fresh side's reading of `input`, the same whole, a byte at a time
/// and in 7-byte pieces (the bytes left unread, and the ones never fed
/// after it stopped, included): returns the whole reading and the side.
#[track_caller]
fn read_at_every_split<C: Decodes>(
    make: impl Fn() -> Side<C>,
    input: &[u8],
) -> (Vec<Ev>, Stop, Side<C>) {
    let mut whole = make();
    let (events, stop) = whole.read(input);
    for size in [1, 7] {
        let mut side = make();
        let mut all = Vec::new();
        let mut last = Stop::NeedMore;
        let mut fed = 0;
        for piece in input.chunks(size) {
            let (events, stop) = side.read(piece);
            all.extend(events);
            fed += piece.len();
            last = stop;
            if stop != Stop::NeedMore {
                break;
            }
        }
        let left = [&side.unread[..], &input[fed..]].concat();
        assert_eq!(
            (merge_bodies(all), last, left),
            (events.clone(), stop, whole.unread.clone()),
            "pieces of {size} read differently: {}",
            esc(input)
        );
    }
    (events, stop, whole)
}

impl Side<ServerConn> {
    /// Write a whole response (head, `data`, end); the bytes it took.
    fn respond(
        &mut self,
        line: StatusLine<'_>,
        fields: &[Field<'_>],
        framing: Body,
        data: &[u8],
    ) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::new();
        self.conn.response_into(&line, fields, framing, &mut out)?;
        if !data.is_empty() {
            self.conn.body_into(data, &mut out)?;
        }
        self.conn.end_into(&[], &mut out)?;
        self.wrote.extend_from_slice(&out);
        Ok(out)
    }
}

impl Side<ClientConn> {
    /// Write a whole request (head, `data`, end); the bytes it took.
    fn send(
        &mut self,
        line: RequestLine<'_>,
        fields: &[Field<'_>],
        framing: Body,
        data: &[u8],
    ) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::new();
        self.conn.request_into(&line, fields, framing, &mut out)?;
        if !data.is_empty() {
            self.conn.body_into(data, &mut out)?;
        }
        self.conn.end_into(&[], &mut out)?;
        self.wrote.extend_from_slice(&out);
        Ok(out)
    }

    /// A plain `GET target` over HTTP/1.1.
    fn get(&mut self, target: &str) -> Result<Vec<u8>, EncodeError> {
        self.send(get(target), &[HOST], Body::Empty, b"")
    }
}

fn get(target: &str) -> RequestLine<'_> {
    RequestLine::new("GET", target, Version::Http11)
}

fn status(code: u16, reason: &str) -> StatusLine<'_> {
    StatusLine::new(Version::Http11, code, reason)
}

fn ok() -> StatusLine<'static> {
    status(200, "OK")
}

fn response(code: u16, reason: &str) -> Ev {
    Ev::Response {
        version: Version::Http11,
        status: code,
        reason: reason.as_bytes().to_vec(),
    }
}

/// The kind of an encoder's refusal.
#[track_caller]
fn refused<T: std::fmt::Debug>(result: Result<T, EncodeError>) -> EncodeErrorKind {
    result.expect_err("the encoder should refuse this").kind()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("ASCII")
}

/// How many messages of `events` ended.
fn ends(events: &[Ev]) -> usize {
    events.iter().filter(|e| **e == Ev::MessageEnd).count()
}

/// A response head the server's encoder writes (no connection around it).
fn encode_response(
    encoder: &mut Encoder,
    line: StatusLine<'_>,
    fields: &[Field<'_>],
    framing: Body,
    answering: Answering,
) -> Result<(Vec<u8>, Framing), EncodeError> {
    let mut out = Vec::new();
    let head = encoder.response_into(&line, fields, framing, answering, &mut out)?;
    Ok((out, head.framing))
}

const TO_HEAD: Answering = Answering::new(MethodKind::Head, Version::Http11);
const TO_CONNECT: Answering = Answering::new(MethodKind::Connect, Version::Http11);
const TO_HTTP10: Answering = Answering::new(MethodKind::Other, Version::Http10);

// ---------------------------------------------------------------------------
// RFC 9112 9.2: associating a response to a request.

/// RFC 9112 9.2: a client associates each response with "the first
/// outstanding request that has not yet received a final (non-1xx)
/// response": an interim response takes no request, a HEAD answer no
/// body, and the next response is read only after the whole body before
/// it (RFC 9112 9.3: a client reads the entire body to reuse the
/// connection), even one that looks like a response.
#[test]
fn each_response_answers_the_oldest_request_without_a_final_one() {
    let lookalike = b"HTTP/1.1 204 No Content\r\n\r\n";
    let wire = [
        &b"HTTP/1.1 100 Continue\r\n\r\n"[..],
        b"HTTP/1.1 200 OK\r\nContent-Length: 27\r\n\r\n",
        lookalike,
        b"HTTP/1.1 200 OK\r\nContent-Length: 38\r\n\r\n",
    ]
    .concat();
    // The decoder told the methods in order: GET, HEAD.
    let trace = client(&[MethodKind::Other, MethodKind::Head], &wire);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::Length(27), Framing::None]
    );
    assert_eq!(complete(&trace), 3, "the last answers the HEAD");
    assert_eq!(trace.reduction.messages[1].body, lookalike);

    // The same through a client connection, which tells its decoder.
    let mut c = client_side();
    c.get("/a").unwrap();
    c.send(
        RequestLine::new("HEAD", "/b", Version::Http11),
        &[HOST],
        Body::Empty,
        b"",
    )
    .unwrap();
    let (events, stop) = c.read(&wire[..25]);
    assert_eq!((ends(&events), stop), (1, Stop::NeedMore));
    assert_eq!(c.conn.in_flight(), 2, "a 100 answers nothing");
    let (_, stop) = c.read(&wire[25..]);
    assert_eq!(stop, Stop::NeedMore);
    assert_eq!(c.conn.in_flight(), 0);
    assert_eq!(c.conn.state(), ConnState::Open);
}

/// RFC 9112 9.2: data where no request is outstanding "MUST NOT" be taken
/// for a valid response, and the client "SHOULD close the connection":
/// the client connection fails at its first byte and writes no more
/// requests.
#[test]
fn a_response_with_no_request_outstanding_is_refused() {
    let mut c = client_side();
    let (events, stop) = c.read(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(events, []);
    assert_eq!(stop, Stop::Failed(ErrorKind::UnsolicitedResponse, 0));
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/")), EncodeErrorKind::ConnectionClosed);

    // One request, two responses: the second is the peer's error, where
    // it starts.
    let mut c = client_side();
    c.get("/").unwrap();
    let one = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let (events, stop) = c.read(&[&one[..], b"HTTP/1.1 200 OK\r\n\r\n"].concat());
    assert_eq!(ends(&events), 1);
    assert_eq!(
        stop,
        Stop::Failed(ErrorKind::UnsolicitedResponse, one.len() as u64)
    );
    assert_eq!(refused(c.get("/")), EncodeErrorKind::ConnectionClosed);
}

/// RFC 9112 9.2 lets a client discard CRLFs where a response would start
/// (a SHOULD close "unless the data consists only of one or more CRLF").
/// Stricter: no empty line is skipped before a status line
/// (CONFORMANCE.md section 3; no `Lenient` option): the stream ends in an
/// error there, after the responses before it.
#[test]
fn an_empty_line_before_a_status_line_is_an_error_not_skipped() {
    let first = b"HTTP/1.1 204 No Content\r\n\r\n";
    let wire = [&first[..], b"\r\nHTTP/1.1 204 No Content\r\n\r\n"].concat();
    let trace = client(&[MethodKind::Other, MethodKind::Other], &wire);
    assert_eq!(complete(&trace), 1);
    assert_eq!(
        error_of(&trace),
        Some((ErrorKind::InvalidVersion, first.len() as u64))
    );
    // With nothing outstanding, a lone CRLF is refused too.
    let mut c = client_side();
    let (_, stop) = c.read(b"\r\n");
    assert!(matches!(stop, Stop::Failed(_, 0)), "{stop:?}");
    assert_eq!(c.conn.state(), ConnState::Closed);
}

// ---------------------------------------------------------------------------
// RFC 9112 9.3 and RFC 9110 7.6.1: persistence, from the version and the
// connection options of the most recent message.

/// RFC 9112 9.3 (a server reading requests): "close" ends the connection
/// after this response; else HTTP/1.1 persists; else HTTP/1.0 persists
/// only with "keep-alive". RFC 9110 7.6.1: options are a case-insensitive
/// token list, over any number of Connection lines, empty elements
/// ignored. A request that closes is followed by nothing the server reads
/// (RFC 9112 9.6: "MUST NOT process any further requests"), and its
/// response says close (9.6: "SHOULD send a close connection option");
/// an HTTP/1.0 request kept alive gets `Connection: keep-alive` back.
#[test]
fn a_server_reads_persistence_from_each_request() {
    let cases: &[(&str, bool, &str)] = &[
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true, ""),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n",
            true,
            "",
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
            false,
            "Connection: close\r\n",
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: TE\r\nConnection: CLOSE\r\n\r\n",
            false,
            "Connection: close\r\n",
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: ,, Close ,\r\n\r\n",
            false,
            "Connection: close\r\n",
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: closed\r\n\r\n",
            true,
            "",
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nX-Connection: close\r\n\r\n",
            true,
            "",
        ),
        ("GET / HTTP/1.0\r\n\r\n", false, "Connection: close\r\n"),
        (
            "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
            true,
            "Connection: keep-alive\r\n",
        ),
        (
            "GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n",
            false,
            "Connection: close\r\n",
        ),
    ];
    for &(head, persists, says) in cases {
        let input = [head.as_bytes(), NEXT].concat();
        let (events, stop, mut s) = read_at_every_split(server_side, &input);
        let version = if head.contains("HTTP/1.0") {
            "1.0"
        } else {
            "1.1"
        };
        if persists {
            assert_eq!((ends(&events), stop), (2, Stop::NeedMore), "{head:?}");
        } else {
            assert_eq!((ends(&events), stop), (1, Stop::Done), "{head:?}");
            assert_eq!(s.unread, NEXT, "{head:?}: the next request is not read");
        }
        let written = s.respond(ok(), &[], Body::Length(2), b"ok").unwrap();
        assert_eq!(
            text(&written),
            format!("HTTP/1.1 200 OK\r\n{says}Content-Length: 2\r\n\r\nok"),
            "{head:?} (HTTP/{version})"
        );
        let after = if persists {
            ConnState::Open
        } else {
            ConnState::Closed
        };
        assert_eq!(s.conn.state(), after, "{head:?}");
    }
}

/// RFC 9112 9.3 (a client reading responses): the same rules on the
/// response's version and options. A client may go on sending requests
/// "until it sends or receives a close connection option or receives an
/// HTTP/1.0 response without a keep-alive" (9.3); after those it sends
/// none (9.6: "MUST cease sending requests").
#[test]
fn a_client_reads_persistence_from_each_response() {
    let cases: &[(&str, bool)] = &[
        ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true),
        (
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            false,
        ),
        (
            "HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n",
            false,
        ),
        (
            "HTTP/1.1 200 OK\r\nconnection: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            false,
        ),
        (
            "HTTP/1.1 200 OK\r\nConnection: closing\r\nContent-Length: 0\r\n\r\n",
            true,
        ),
        ("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false),
        (
            "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n",
            true,
        ),
        (
            "HTTP/1.0 200 OK\r\nConnection: keep-alive,close\r\nContent-Length: 0\r\n\r\n",
            false,
        ),
    ];
    for &(head, persists) in cases {
        let make = || {
            let mut c = client_side();
            c.get("/").unwrap();
            c
        };
        let (events, stop, mut c) = read_at_every_split(make, head.as_bytes());
        assert_eq!(ends(&events), 1, "{head:?}");
        if persists {
            assert_eq!(stop, Stop::NeedMore, "{head:?}");
            assert_eq!(c.conn.state(), ConnState::Open, "{head:?}");
            c.get("/next").unwrap();
        } else {
            assert_eq!(stop, Stop::Done, "{head:?}");
            assert_eq!(c.conn.state(), ConnState::Closed, "{head:?}");
            assert_eq!(refused(c.get("/next")), EncodeErrorKind::ConnectionClosed);
        }
    }
}

/// RFC 9112 9.3: "to remain persistent, all messages on a connection need
/// to have a self-defined message length". A server's body that runs to
/// the end of the stream closes the connection and says so, even to an
/// HTTP/1.0 client that asked for keep-alive; a client that reads one is
/// done with the connection when the stream ends.
#[test]
fn a_body_delimited_by_the_close_ends_the_connection() {
    let mut s = server_side();
    let (_, stop) = s.read(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    assert_eq!(stop, Stop::NeedMore);
    let written = s.respond(ok(), &[], Body::Streamed, b"bytes").unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbytes"
    );
    assert_eq!(s.conn.state(), ConnState::Closed);
    let (events, stop) = s.read(b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!((events, stop), (vec![], Stop::Done));

    let mut s = server_side();
    s.read(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    let written = s.respond(ok(), &[], Body::UntilClose, b"x").unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nx"
    );
    assert_eq!(s.conn.state(), ConnState::Closed);

    let mut c = client_side();
    c.get("/").unwrap();
    let (events, stop) = c.read(b"HTTP/1.1 200 OK\r\n\r\nuntil the end");
    assert_eq!(events.last(), Some(&body(b"until the end")));
    assert_eq!(stop, Stop::NeedMore);
    assert_eq!(c.conn.finish(), Ok(Some(h1wire::Event::MessageEnd)));
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/")), EncodeErrorKind::ConnectionClosed);
}

/// RFC 9112 9.3: "A server MUST read the entire request message body or
/// close the connection after sending its response". Answered early, the
/// request's body is still read as its body (here, bytes that look like a
/// request), and the next request after it; answered early with close,
/// nothing more is read.
#[test]
fn a_server_answering_early_reads_the_body_or_closes() {
    let head = b"POST /up HTTP/1.1\r\nHost: a\r\nContent-Length: 19\r\n\r\n";
    let lookalike = b"GET /x HTTP/1.1\r\n\r\n";
    let mut s = server_side();
    let (_, stop) = s.read(head);
    assert_eq!(stop, Stop::NeedMore);
    s.respond(status(202, "Accepted"), &[], Body::Empty, b"")
        .unwrap();
    assert_eq!(s.conn.state(), ConnState::Open);
    let (events, stop) = s.read(&[&lookalike[..], NEXT].concat());
    assert_eq!(
        events,
        [
            body(lookalike),
            Ev::MessageEnd,
            request("GET", "/next", Version::Http11),
            header("Host", "example.com"),
            Ev::HeadEnd(Framing::None),
            Ev::MessageEnd,
        ]
    );
    assert_eq!(stop, Stop::NeedMore);

    let mut s = server_side();
    s.read(head);
    let written = s
        .respond(
            status(413, "Content Too Large"),
            &[Field::new("Connection", "close")],
            Body::Empty,
            b"",
        )
        .unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Closed);
    assert_eq!(s.read(lookalike), (vec![], Stop::Done));
}

// ---------------------------------------------------------------------------
// RFC 9112 9.3.1 and 9.3.2: retrying and pipelining.

/// RFC 9112 9.3.1 and 9.3.2: whether to retry is the caller's (only
/// idempotent requests, automatically); what it needs from the connection
/// is how many of the requests it wrote got no response before the
/// connection ended: the newest `in_flight()` ones. The connection
/// accepts no request after that.
#[test]
fn a_client_knows_how_many_requests_went_unanswered() {
    let mut c = client_side();
    c.get("/1").unwrap();
    c.send(
        RequestLine::new("POST", "/2", Version::Http11),
        &[HOST],
        Body::Length(1),
        b"x",
    )
    .unwrap();
    c.get("/3").unwrap();
    assert_eq!(c.conn.in_flight(), 3);
    let (_, stop) = c.read(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(stop, Stop::NeedMore);
    assert_eq!(c.conn.in_flight(), 2);
    // The server closes: /2 and /3 were never answered.
    assert_eq!(c.conn.finish(), Ok(None));
    assert_eq!(c.conn.in_flight(), 2);
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/4")), EncodeErrorKind::ConnectionClosed);

    // Cut inside a response: that request counts as unanswered too.
    let mut c = client_side();
    c.get("/1").unwrap();
    c.get("/2").unwrap();
    c.read(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\npart");
    assert_eq!(
        c.conn.finish().map_err(|e| e.kind()),
        Err(ErrorKind::Incomplete)
    );
    assert_eq!(c.conn.in_flight(), 2);
    assert_eq!(c.conn.state(), ConnState::Closed);
}

/// RFC 9112 9.3.2: a server may read pipelined requests ahead but "MUST
/// send the corresponding responses in the same order that the requests
/// were received": each response is framed for the oldest unanswered
/// request (no body after HEAD, no chunking to HTTP/1.0, keep-alive said
/// back to HTTP/1.0), and none answers a request not received.
#[test]
fn pipelined_requests_are_answered_in_the_order_received() {
    let input: &[u8] = b"HEAD /1 HTTP/1.1\r\nHost: a\r\n\r\n\
        GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n\
        POST /3 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx";
    let (events, stop, mut s) = read_at_every_split(server_side, input);
    assert_eq!((ends(&events), stop), (3, Stop::NeedMore));
    assert_eq!(s.conn.in_flight(), 3);
    // The HEAD: a length stated, no body.
    assert_eq!(
        s.conn.answering(),
        Some(Answering::new(MethodKind::Head, Version::Http11))
    );
    let mut wire = s.respond(ok(), &[], Body::Length(3), b"").unwrap();
    // The HTTP/1.0 GET: no chunked body for it, and keep-alive said back.
    assert_eq!(
        s.conn.answering(),
        Some(Answering::new(MethodKind::Other, Version::Http10))
    );
    let mut out = Vec::new();
    assert_eq!(
        refused(s.conn.response_into(&ok(), &[], Body::Chunked, &mut out)),
        EncodeErrorKind::TransferEncodingToHttp10
    );
    wire.extend(s.respond(ok(), &[], Body::Length(3), b"abc").unwrap());
    // The POST: chunked for HTTP/1.1.
    assert_eq!(s.conn.answering(), Some(Answering::HTTP11));
    wire.extend(s.respond(ok(), &[], Body::Streamed, b"def").unwrap());
    assert_eq!(
        text(&wire),
        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\
         HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc\
         HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ndef\r\n0\r\n\r\n"
    );
    assert_eq!(s.conn.answering(), None);
    assert_eq!(
        refused(s.respond(ok(), &[], Body::Empty, b"")),
        EncodeErrorKind::NoRequest
    );
    // What the client reads back, framed by its own requests' methods.
    let trace = client(
        &[MethodKind::Head, MethodKind::Other, MethodKind::Other],
        &wire,
    );
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::Length(3), Framing::Chunked]
    );
    assert_eq!(complete(&trace), 3);
}

// ---------------------------------------------------------------------------
// RFC 9112 9.6: tear-down.

/// RFC 9112 9.6: a server that receives "close" closes after the final
/// response to that request, "SHOULD send a close connection option" in
/// it (once, whether the caller wrote it or not), and "MUST NOT process
/// any further requests": a request smuggled behind it is never decoded,
/// and nothing more can be written.
#[test]
fn a_server_that_receives_close_answers_it_and_reads_nothing_more() {
    let closing = b"GET /a HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    let smuggled = b"POST /admin HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n";
    let input = [&closing[..], smuggled].concat();
    let (events, stop, mut s) = read_at_every_split(server_side, &input);
    assert_eq!((ends(&events), stop), (1, Stop::Done));
    assert_eq!(s.unread, smuggled);
    assert_eq!(s.conn.state(), ConnState::Closing, "a response is due");
    let close = [Field::new("Connection", "close")];
    let written = s.respond(ok(), &close, Body::Empty, b"").unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Closed);
    assert_eq!(
        refused(s.respond(ok(), &[], Body::Empty, b"")),
        EncodeErrorKind::ConnectionClosed
    );
    assert_eq!(s.read(b""), (vec![], Stop::Done));
}

/// RFC 9112 9.6: a server that sends "close" closes after that response
/// and "MUST NOT process any further requests": one it had read ahead
/// cannot be answered, and none after it is decoded.
#[test]
fn a_server_that_sends_close_reads_and_answers_nothing_more() {
    let mut s = server_side();
    let (events, stop) = s.read(&[NEXT, NEXT].concat());
    assert_eq!((ends(&events), stop), (2, Stop::NeedMore));
    let busy = status(503, "Service Unavailable");
    let close = [Field::new("Connection", "close")];
    s.respond(busy, &close, Body::Empty, b"").unwrap();
    assert_eq!(s.conn.state(), ConnState::Closed);
    assert_eq!(s.conn.in_flight(), 1, "read ahead, never answered");
    assert_eq!(
        refused(s.respond(ok(), &[], Body::Empty, b"")),
        EncodeErrorKind::ConnectionClosed
    );
    assert_eq!(s.read(NEXT), (vec![], Stop::Done));
    assert_eq!(s.unread, NEXT);
}

/// RFC 9112 9.6: a client that sends "close" "MUST NOT send further
/// requests on that connection" and closes after reading the final
/// response to it: no request is written from then on, and nothing after
/// that response is read.
#[test]
fn a_client_that_sends_close_sends_nothing_more() {
    let mut c = client_side();
    let close = [HOST, Field::new("Connection", "close")];
    c.send(get("/"), &close, Body::Empty, b"").unwrap();
    assert_eq!(c.conn.state(), ConnState::Closing);
    assert_eq!(refused(c.get("/next")), EncodeErrorKind::ConnectionClosed);
    let (events, stop) = c.read(
        b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!((ends(&events), stop), (1, Stop::Done));
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/next")), EncodeErrorKind::ConnectionClosed);
}

/// RFC 9112 9.6: a client that receives "close" "MUST cease sending
/// requests" and closes after that response; requests pipelined behind it
/// are not assumed answered (still in flight, their responses not read).
#[test]
fn a_client_that_receives_close_sends_nothing_more() {
    let mut c = client_side();
    c.get("/1").unwrap();
    c.get("/2").unwrap();
    let (events, stop) = c.read(
        b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n\
          HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!((ends(&events), stop), (1, Stop::Done));
    assert_eq!(c.conn.in_flight(), 1);
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/3")), EncodeErrorKind::ConnectionClosed);
}

/// RFC 9112 9.6: a client that receives "close" "MUST cease
/// sending requests on that connection"; 9.3: a client may send requests
/// until it "receives a close connection option or receives an HTTP/1.0
/// response without a keep-alive", and a connection whose messages are
/// not self-delimited does not persist. The client connection learns each
/// of these at the response's head, and refuses a new request from there,
/// not only once that response's body has ended (the request would stay
/// in flight for ever).
#[test]
fn a_client_sends_no_request_once_a_response_head_says_the_connection_ends() {
    for head in [
        &b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 10\r\n\r\nabc"[..],
        b"HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nabc",
        b"HTTP/1.1 200 OK\r\n\r\nabc",
    ] {
        let mut c = client_side();
        c.get("/").unwrap();
        let (events, stop) = c.read(head);
        assert_eq!((ends(&events), stop), (0, Stop::NeedMore));
        assert_eq!(
            refused(c.get("/next")),
            EncodeErrorKind::ConnectionClosed,
            "{}",
            esc(head)
        );
    }
}

/// RFC 9112 9.6: "A server that sends a close connection
/// option MUST initiate closure of the connection ... after it sends the
/// response containing the close connection option. The server MUST NOT
/// process any further requests received on that connection." Once the
/// head of such a response is written (the caller's `Connection: close`,
/// or a body that runs to the end of the stream, for which the connection
/// writes the close itself), the server connection delivers no request
/// that arrives: it would be in flight and never answered.
#[test]
fn a_server_reads_no_request_once_it_has_written_a_closing_head() {
    for (fields, framing) in [
        (&[Field::new("Connection", "close")][..], Body::Length(10)),
        (&[][..], Body::UntilClose),
    ] {
        let mut s = server_side();
        s.read(NEXT);
        s.conn
            .response_into(&ok(), fields, framing, &mut Vec::new())
            .unwrap();
        let (events, stop) = s.read(b"POST /pay HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
        assert_eq!((events, stop), (vec![], Stop::Done), "{framing:?}");
    }
}

/// RFC 9112 9.6: the server that sent close "MUST NOT process any further
/// requests" — a pipelined one whose head had started to arrive included:
/// only the request the closing response answers may go on to its end
/// (an early response, its body still coming). The connection says
/// Closing from that head on, whichever request is in progress.
#[test]
fn a_pipelined_request_is_read_no_further_once_a_closing_head_is_written() {
    let mut s = server_side();
    let (events, _) = s.read(b"GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nab");
    assert!(events.contains(&request("POST", "/2", Version::Http11)));
    s.conn
        .response_into(
            &ok(),
            &[Field::new("Connection", "close")],
            Body::Length(0),
            &mut Vec::new(),
        )
        .unwrap();
    assert_eq!(s.conn.state(), ConnState::Closing);
    let (events, stop) = s.read(b"c");
    assert_eq!(
        (events, stop),
        (vec![], Stop::Done),
        "the rest of /2 is not read"
    );
    // The early case: the request answered goes on to its end.
    let mut s = server_side();
    s.read(b"POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
    s.conn
        .response_into(
            &status(413, "Content Too Large"),
            &[Field::new("Connection", "close")],
            Body::Length(0),
            &mut Vec::new(),
        )
        .unwrap();
    assert_eq!(s.conn.state(), ConnState::Closing, "no request follows");
    let (events, _) = s.read(b"cd");
    assert_eq!(merge_bodies(&events), [body(b"cd"), Ev::MessageEnd]);
}

/// RFC 9112 9.6, the client's side: a closing response read while the
/// request it answers is still being written leaves that request to end,
/// and the connection says Closing at once.
#[test]
fn a_client_says_closing_at_a_closing_head_read_while_it_writes() {
    let mut c = client_side();
    let post = RequestLine::new("POST", "/up", Version::Http11);
    c.conn
        .request_into(&post, &[HOST], Body::Length(4), &mut Vec::new())
        .unwrap();
    c.conn.body_into(b"ab", &mut Vec::new()).unwrap();
    c.read(b"HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 5\r\n\r\n");
    assert_eq!(c.conn.state(), ConnState::Closing);
    assert_eq!(refused(c.get("/next")), EncodeErrorKind::MessageInProgress);
}

// ---------------------------------------------------------------------------
// RFC 9110 7.8 (Upgrade) and 15.2.2 (101 Switching Protocols).

const OFFER: [Field<'static>; 3] = [
    HOST,
    Field::new("Upgrade", "websocket"),
    Field::new("Connection", "Upgrade"),
];

fn switching() -> StatusLine<'static> {
    status(101, "Switching Protocols")
}

const SWITCH_TO: [Field<'static>; 2] = [
    Field::new("Upgrade", "websocket"),
    Field::new("Connection", "Upgrade"),
];

/// RFC 9110 7.8 and 15.2.2: the server "switches to the protocol ...
/// immediately after the empty line that terminates the 101 response":
/// the bytes after that line are the new protocol's on both sides, never
/// read as HTTP/1, and no HTTP/1 message follows either way. Until the
/// offer is answered the server reads nothing more (the bytes after it
/// may be the new protocol's).
#[test]
fn a_101_switches_protocols_after_its_empty_line() {
    let offer =
        b"GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    let frames = b"\x81\x85GET / HTTP/1.1\r\n\r\n";
    let (events, stop, mut s) = read_at_every_split(server_side, &[&offer[..], frames].concat());
    assert_eq!((ends(&events), stop), (1, Stop::Paused));
    let written = s
        .respond(switching(), &SWITCH_TO, Body::AsFields, b"")
        .unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Switched);
    assert_eq!(s.read(b""), (vec![], Stop::Switched));
    assert_eq!(s.unread, frames);
    assert_eq!(
        refused(s.respond(ok(), &[], Body::Empty, b"")),
        EncodeErrorKind::UnexpectedSwitch
    );

    // The client's decoder leaves the bytes after the 101's head alone.
    let answer = [&written[..], frames].concat();
    let trace = client(&[MethodKind::Other], &answer);
    assert_eq!(
        trace.events(&answer).last(),
        Some(&Ev::Upgraded(frames.to_vec()))
    );
    let mut c = client_side();
    c.send(get("/chat"), &OFFER, Body::Empty, b"").unwrap();
    assert_eq!(refused(c.get("/")), EncodeErrorKind::AwaitingSwitch);
    let (events, stop) = c.read(&answer);
    assert_eq!((ends(&events), stop), (1, Stop::Switched));
    assert_eq!(c.unread, frames);
    assert_eq!(c.conn.state(), ConnState::Switched);
    assert_eq!(refused(c.get("/")), EncodeErrorKind::UnexpectedSwitch);
}

/// RFC 9110 15.2.2: a server sending 101 "MUST generate an Upgrade header
/// field" naming the protocol. Refused without one, or with one that
/// names nothing (`Upgrade = #protocol` allows an empty list, which
/// names no protocol); `EncoderOptions::switch_without_upgrade` writes it
/// (for tools that write back what a decoder accepted). A client reading
/// such a 101 fails at the empty line that ends its head: it cannot know
/// what the connection switched to.
#[test]
fn a_101_names_the_protocol_it_switches_to() {
    let mut s = server_side();
    s.read(b"GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n");
    let only_connection = [Field::new("Connection", "Upgrade")];
    assert_eq!(
        refused(s.respond(switching(), &only_connection, Body::AsFields, b"")),
        EncodeErrorKind::MissingUpgrade
    );
    for nothing in ["", ",", ", ,"] {
        let empty = [
            Field::new("Connection", "Upgrade"),
            Field::new("Upgrade", nothing),
        ];
        assert_eq!(
            refused(s.respond(switching(), &empty, Body::AsFields, b"")),
            EncodeErrorKind::MissingUpgrade,
            "Upgrade: {nothing:?}"
        );
    }
    assert!(s.wrote.is_empty());
    let h2c = [
        Field::new("Connection", "Upgrade"),
        Field::new("Upgrade", ", h2c"),
    ];
    s.respond(switching(), &h2c, Body::AsFields, b"").unwrap();
    assert_eq!(s.conn.state(), ConnState::Switched);

    let offer = [
        HOST,
        Field::new("Upgrade", "h2c"),
        Field::new("Connection", "Upgrade"),
    ];
    for head in [
        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n",
        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: \r\n",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: ,\r\nConnection: upgrade\r\n",
    ] {
        let mut c = client_side();
        c.send(get("/"), &offer, Body::Empty, b"").unwrap();
        let (_, stop) = c.read(format!("{head}\r\n").as_bytes());
        assert_eq!(
            stop,
            Stop::Failed(ErrorKind::UnexpectedUpgrade, head.len() as u64),
            "{head:?}"
        );
        assert_eq!(c.conn.state(), ConnState::Closed);
    }
    let mut c = client_side();
    c.send(get("/"), &offer, Body::Empty, b"").unwrap();
    let (_, stop) = c
        .read(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: , h2c\r\nConnection: upgrade\r\n\r\n");
    assert_eq!(stop, Stop::Switched);
    let mut strict = Encoder::server();
    assert_eq!(
        refused(encode_response(
            &mut strict,
            switching(),
            &[],
            Body::AsFields,
            Answering::HTTP11
        )),
        EncodeErrorKind::MissingUpgrade
    );
    let mut options = EncoderOptions::STRICT;
    options.switch_without_upgrade = true;
    let mut relaxed = Encoder::server().with_options(options);
    let (bytes, framing) = encode_response(
        &mut relaxed,
        switching(),
        &[],
        Body::AsFields,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(
        (text(&bytes), framing),
        ("HTTP/1.1 101 Switching Protocols\r\n\r\n", Framing::Upgrade)
    );
}

/// RFC 9110 7.8: "A server MUST NOT switch to a protocol that was not
/// indicated by the client": a 101 to a request that offered none is
/// refused on the server's side, and is the peer's error on the client's.
/// An offer is an Upgrade field with the `upgrade` connection option (a
/// sender of Upgrade "MUST also send" it): an Upgrade alone offers
/// nothing, and the server reads on as for any request.
#[test]
fn a_101_answers_only_an_upgrade_offer() {
    let plain = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    let bare = b"GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n";
    for request in [&plain[..], bare] {
        let mut s = server_side();
        let (events, stop) = s.read(&[request, NEXT].concat());
        assert_eq!(
            (ends(&events), stop),
            (2, Stop::NeedMore),
            "{}",
            esc(request)
        );
        assert_eq!(
            refused(s.respond(switching(), &SWITCH_TO, Body::AsFields, b"")),
            EncodeErrorKind::UnexpectedSwitch
        );
        s.respond(ok(), &[], Body::Empty, b"").unwrap();
    }

    let mut c = client_side();
    c.get("/").unwrap();
    let (_, stop) = c.read(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
    assert_eq!(stop, Stop::Failed(ErrorKind::UnexpectedUpgrade, 0));
    assert_eq!(c.conn.state(), ConnState::Closed);
}

/// RFC 9110 7.8: the protocols a 101 switches to are among those the
/// request's Upgrade offered: a 101 naming another is refused (naming
/// its Upgrade field and the protocol's first byte), and nothing is
/// written or changed; a client reading one fails there; protocol names compare without case ("recipients
/// SHOULD use case-insensitive comparison when matching each
/// protocol-name"), versions exactly.
#[test]
fn a_101_switches_only_to_an_offered_protocol() {
    let offer = b"GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket, TLS/1.0\r\nConnection: Upgrade\r\n\r\n";
    // (An element with whitespace inside names no protocol at all.)
    for (answer, byte) in [
        ("h2c", 0),
        ("websocket, h2c", 11),
        ("TLS/1.3", 0),
        ("websocket, TLS/1.0 x", 11),
    ] {
        let mut s = server_side();
        assert_eq!(s.read(offer).1, Stop::Paused);
        let fields = [
            Field::new("Connection", "Upgrade"),
            Field::new("Upgrade", answer),
        ];
        let e = s
            .respond(switching(), &fields, Body::AsFields, b"")
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.field(), e.byte()),
            (EncodeErrorKind::UnexpectedSwitch, Some(1), Some(byte)),
            "{answer}"
        );
        assert!(s.wrote.is_empty(), "{answer}");
        assert_eq!(s.conn.in_flight(), 1, "{answer}");
        // The request is still there to answer.
        s.respond(ok(), &[], Body::Empty, b"").unwrap();
    }
    for answer in ["websocket", "WebSocket", "tls/1.0", "TLS"] {
        let mut s = server_side();
        assert_eq!(s.read(offer).1, Stop::Paused);
        let fields = [
            Field::new("Connection", "Upgrade"),
            Field::new("Upgrade", answer),
        ];
        s.respond(switching(), &fields, Body::AsFields, b"")
            .unwrap();
        assert_eq!(s.conn.state(), ConnState::Switched, "{answer}");
    }

    // The client holds the server to it: a 101 naming a protocol it did
    // not offer breaks HTTP as a 101 to no offer does, at the protocol.
    let fields = [
        HOST,
        Field::new("Upgrade", "websocket, TLS/1.0"),
        Field::new("Connection", "Upgrade"),
    ];
    let head = "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: ";
    for (answer, byte) in [
        ("h2c", Some(0)),
        ("TLS/1.3", Some(0)),
        ("websocket, TLS/1.0 x", Some(11)),
        ("WebSocket", None),
    ] {
        let mut c = client_side();
        c.send(get("/chat"), &fields, Body::Empty, b"").unwrap();
        let (_, stop) = c.read(format!("{head}{answer}\r\n\r\n").as_bytes());
        let expected = match byte {
            Some(byte) => Stop::Failed(ErrorKind::UnexpectedUpgrade, (head.len() + byte) as u64),
            None => Stop::Switched,
        };
        assert_eq!(stop, expected, "{answer}");
    }
}

/// RFC 9112 5.2: a recipient that accepts obs-fold (`Lenient::obs_fold`)
/// reads each fold as one SP before interpreting the value, so a folded
/// Connection still lists `upgrade` and a folded Upgrade still offers
/// each of its protocols.
#[test]
fn a_folded_offer_reads_as_one_line() {
    for offer in [
        &b"GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\nUpgrade: websocket,\r\n h2c\r\n\r\n"
            [..],
        b"GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\nUpgrade: h2c\r\n , websocket\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive,\r\n upgrade\r\nUpgrade: h2c\r\n\r\n",
    ] {
        let mut config = ConnectionConfig::default();
        config.config.lenient.obs_fold = true;
        let mut s = Side {
            conn: ServerConn::new(config),
            unread: Vec::new(),
            wrote: Vec::new(),
        };
        assert_eq!(s.read(offer).1, Stop::Paused, "{}", esc(offer));
        let fields = [
            Field::new("Connection", "Upgrade"),
            Field::new("Upgrade", "h2c"),
        ];
        s.respond(switching(), &fields, Body::AsFields, b"")
            .unwrap_or_else(|e| panic!("{}: {e}", esc(offer)));
        assert_eq!(s.conn.state(), ConnState::Switched);
    }
}

/// RFC 9112 5.2 and 9.6: a response may fold a field line (the client
/// reads obs-fold in responses by default, each fold as one SP), and a
/// folded Connection that lists `close` still closes: the client
/// connection sends nothing more.
#[test]
fn a_folded_close_in_a_response_still_closes() {
    let mut c = client_side();
    c.get("/").unwrap();
    let (events, stop) = c
        .read(b"HTTP/1.1 200 OK\r\nConnection: keep-alive,\r\n close\r\nContent-Length: 0\r\n\r\n");
    assert_eq!((ends(&events), stop), (1, Stop::Done));
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/")), EncodeErrorKind::ConnectionClosed);
}

/// RFC 9110 7.8: "A server MAY ignore a received Upgrade header field":
/// any other final answer keeps HTTP/1 on both sides, and reading and
/// writing requests go on after it.
#[test]
fn an_upgrade_offer_answered_otherwise_stays_in_http1() {
    let offer = b"GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n";
    let mut s = server_side();
    let (_, stop) = s.read(&[&offer[..], NEXT].concat());
    assert_eq!(stop, Stop::Paused);
    let written = s.respond(ok(), &[], Body::Length(2), b"h1").unwrap();
    assert_eq!(s.conn.state(), ConnState::Open);
    let (events, stop) = s.read(b"");
    assert_eq!(
        (events[0].clone(), stop),
        (request("GET", "/next", Version::Http11), Stop::NeedMore)
    );

    let mut c = client_side();
    let fields = [
        HOST,
        Field::new("Upgrade", "h2c"),
        Field::new("Connection", "Upgrade"),
    ];
    c.send(get("/"), &fields, Body::Empty, b"").unwrap();
    assert_eq!(refused(c.get("/next")), EncodeErrorKind::AwaitingSwitch);
    let (events, stop) = c.read(&written);
    assert_eq!(events.last(), Some(&Ev::MessageEnd));
    assert_eq!(stop, Stop::NeedMore);
    c.get("/next").unwrap();
}

/// RFC 9110 7.8: "A server MUST ignore an Upgrade header field that is
/// received in an HTTP/1.0 request": no pause, no 101 (a 1xx never goes
/// to HTTP/1.0, 15.2); a client writing one expects no switch, and takes a
/// 101 for the peer's error.
#[test]
fn upgrade_in_http10_is_ignored() {
    let offer = b"GET / HTTP/1.0\r\nUpgrade: websocket\r\nConnection: upgrade, keep-alive\r\n\r\n";
    let (events, stop, mut s) = read_at_every_split(server_side, &[&offer[..], NEXT].concat());
    assert_eq!((ends(&events), stop), (2, Stop::NeedMore));
    assert_eq!(
        refused(s.respond(switching(), &SWITCH_TO, Body::AsFields, b"")),
        EncodeErrorKind::UnexpectedSwitch
    );

    let mut c = client_side();
    let fields = [
        Field::new("Host", "a.example"),
        Field::new("Upgrade", "websocket"),
        Field::new("Connection", "upgrade, keep-alive"),
    ];
    let line = RequestLine::new("GET", "/", Version::Http10);
    c.send(line, &fields, Body::Empty, b"").unwrap();
    let (_, stop) = c.read(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
    assert_eq!(stop, Stop::Failed(ErrorKind::UnexpectedUpgrade, 0));
}

/// RFC 9110 7.8: with both Upgrade and 100-continue the server "MUST send
/// a 100 (Continue) response before sending a 101"; and the switch waits
/// for the whole request ("the client can't change the protocol it is
/// sending in the middle of a message"). Stricter on the client's side:
/// a 101 read before the client has sent the whole request is refused.
#[test]
fn a_101_comes_after_the_100_and_the_whole_request() {
    let head = b"POST /up HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
    let mut s = server_side();
    assert_eq!(s.read(head).1, Stop::NeedMore);
    assert!(s.conn.expects_continue());
    assert_eq!(
        refused(s.respond(switching(), &SWITCH_TO, Body::AsFields, b"")),
        EncodeErrorKind::UnexpectedSwitch,
        "no 100 yet"
    );
    s.respond(status(100, "Continue"), &[], Body::AsFields, b"")
        .unwrap();
    assert_eq!(
        refused(s.respond(switching(), &SWITCH_TO, Body::AsFields, b"")),
        EncodeErrorKind::UnexpectedSwitch,
        "the body is not all here"
    );
    assert_eq!(s.read(b"hi").1, Stop::Paused);
    s.respond(switching(), &SWITCH_TO, Body::AsFields, b"")
        .unwrap();
    assert_eq!(s.conn.state(), ConnState::Switched);

    let mut c = client_side();
    let mut out = Vec::new();
    let fields = [
        HOST,
        Field::new("Upgrade", "h2c"),
        Field::new("Connection", "Upgrade"),
    ];
    let post = RequestLine::new("POST", "/up", Version::Http11);
    c.conn
        .request_into(&post, &fields, Body::Length(2), &mut out)
        .unwrap();
    c.conn.body_into(b"h", &mut out).unwrap();
    let (_, stop) = c.read(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");
    assert_eq!(stop, Stop::Failed(ErrorKind::UnexpectedUpgrade, 0));
}

/// RFC 9110 7.8: "When Upgrade is sent, the sender MUST also send a
/// Connection header field that contains the "upgrade" connection
/// option" (a recipient ignores an Upgrade it does not see listed, and an
/// intermediary would forward it). The encoders, and both connections
/// through them, refuse an Upgrade without it, in a request and in a 101,
/// naming the Upgrade field.
#[test]
fn upgrade_is_never_written_without_the_upgrade_connection_option() {
    let bare = [HOST, Field::new("Upgrade", "websocket")];
    let e = Encoder::client()
        .request_into(&get("/"), &bare, Body::Empty, &mut Vec::new())
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::MissingConnectionOption, Some(1))
    );
    assert_eq!(
        refused(client_side().send(get("/"), &bare, Body::Empty, b"")),
        EncodeErrorKind::MissingConnectionOption
    );
    let upgrade_only = [Field::new("Upgrade", "websocket")];
    let e = Encoder::server()
        .response_into(
            &switching(),
            &upgrade_only,
            Body::AsFields,
            Answering::HTTP11,
            &mut Vec::new(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::MissingConnectionOption, Some(0))
    );
    let mut s = server_side();
    s.read(b"GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    assert_eq!(
        refused(s.respond(switching(), &upgrade_only, Body::AsFields, b"")),
        EncodeErrorKind::MissingConnectionOption
    );
    let listed = [
        Field::new("Upgrade", "websocket"),
        Field::new("Connection", "Upgrade"),
    ];
    let written = s
        .respond(switching(), &listed, Body::AsFields, b"")
        .expect("a 101 that lists upgrade");
    assert!(text(&written).contains("Connection: Upgrade\r\n"));
}

/// RFC 9110 15.5.22 (and 7.8): "The server MUST send an Upgrade header
/// field in a 426 response to indicate the required protocol(s)", as in a
/// 101 (15.2.2): the encoder refuses a 426 without one.
#[test]
fn a_426_names_the_protocols_to_upgrade_to() {
    let required = status(426, "Upgrade Required");
    let write = |fields: &[Field<'_>]| {
        Encoder::server().response_into(
            &required,
            fields,
            Body::Empty,
            Answering::HTTP11,
            &mut Vec::new(),
        )
    };
    assert_eq!(refused(write(&[])), EncodeErrorKind::MissingUpgrade);
    let named = [
        Field::new("Upgrade", "HTTP/3.0"),
        Field::new("Connection", "upgrade"),
    ];
    assert!(write(&named).is_ok());
}

// ---------------------------------------------------------------------------
// RFC 9110 9.3.2: HEAD.

/// RFC 9110 9.3.2 (and RFC 9112 6.3 (1)): a response to HEAD has no
/// content, whatever its framing fields say; the next response starts
/// right after its head.
#[test]
fn a_response_to_head_ends_at_its_head() {
    let wire: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n\
        HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
        HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    let methods = [MethodKind::Head, MethodKind::Head, MethodKind::Other];
    let trace = client(&methods, wire);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::None, Framing::Length(5)]
    );
    assert_eq!(complete(&trace), 3);
    assert_eq!(trace.reduction.messages[2].body, b"hello");
}

/// RFC 9110 9.3.2: the server "SHOULD send the same header fields" as for
/// GET, so a HEAD answer may state the length (or the transfer coding)
/// the body would have had; it never carries that body.
#[test]
fn a_response_to_head_states_a_length_and_sends_no_body() {
    let mut encoder = Encoder::server();
    let (bytes, framing) =
        encode_response(&mut encoder, ok(), &[], Body::Length(1234), TO_HEAD).unwrap();
    assert_eq!(
        (text(&bytes), framing),
        (
            "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n",
            Framing::None
        )
    );
    assert_eq!(refused(encoder.body(1)), EncodeErrorKind::BodyNotAllowed);
    assert_eq!(encoder.end(&[], &mut []), Ok(0));
    let chunked = [Field::new("Transfer-Encoding", "chunked")];
    let (bytes, framing) =
        encode_response(&mut encoder, ok(), &chunked, Body::AsFields, TO_HEAD).unwrap();
    assert_eq!(
        (text(&bytes), framing),
        (
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            Framing::None
        )
    );
    assert_eq!(refused(encoder.body(1)), EncodeErrorKind::BodyNotAllowed);

    // Through a server connection, answering a HEAD it read.
    let mut s = server_side();
    s.read(b"HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
    assert_eq!(
        refused(s.respond(ok(), &[], Body::Length(5), b"hello")),
        EncodeErrorKind::BodyNotAllowed
    );
}

// ---------------------------------------------------------------------------
// RFC 9110 9.3.6: CONNECT.

/// RFC 9110 9.3.6: "Any 2xx (Successful) response indicates that the
/// sender ... will switch to tunnel mode immediately after the response
/// header section", and a client "MUST ignore any Content-Length or
/// Transfer-Encoding header fields received in a successful response to
/// CONNECT": the bytes after the head are the tunnel's.
#[test]
fn a_2xx_to_connect_opens_a_tunnel_whatever_its_fields_say() {
    let tunnel = b"\x16\x03\x01\x00\x05hello";
    for head in [
        &b"HTTP/1.1 200 Connection Established\r\n\r\n"[..],
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n",
        b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n",
    ] {
        let wire = [head, tunnel].concat();
        let trace = client(&[MethodKind::Connect], &wire);
        assert_eq!(trace.framings(), [Framing::Upgrade], "{}", esc(head));
        assert_eq!(
            trace.events(&wire).last(),
            Some(&Ev::Upgraded(tunnel.to_vec())),
            "{}",
            esc(head)
        );
    }
    let mut c = client_side();
    let connect = RequestLine::new("CONNECT", "example.com:443", Version::Http11);
    let host = [Field::new("Host", "example.com:443")];
    c.send(connect, &host, Body::AsFields, b"").unwrap();
    let (_, stop) =
        c.read(&[&b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"[..], tunnel].concat());
    assert_eq!(
        (stop, c.conn.state()),
        (Stop::Switched, ConnState::Switched)
    );
    assert_eq!(c.unread, tunnel);
}

/// RFC 9110 9.3.6: "A server MUST NOT send any Transfer-Encoding or
/// Content-Length header fields in a 2xx (Successful) response to
/// CONNECT": refused, and no body can be asked for;
/// `EncoderOptions::ignored_framing_fields` passes such a field on (for a
/// relay), still framing nothing. Through a server connection, the 2xx
/// switches it: the bytes after the CONNECT's head are the tunnel's.
#[test]
fn a_2xx_to_connect_is_written_without_framing() {
    let mut encoder = Encoder::server();
    let length = [Field::new("Content-Length", "0")];
    let e = encoder
        .response_into(&ok(), &length, Body::AsFields, TO_CONNECT, &mut Vec::new())
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::FramingFieldNotAllowed, Some(0))
    );
    let chunked = [HOST, Field::new("Transfer-Encoding", "chunked")];
    let e = encoder
        .response_into(&ok(), &chunked, Body::AsFields, TO_CONNECT, &mut Vec::new())
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::FramingFieldNotAllowed, Some(1))
    );
    assert_eq!(
        refused(encode_response(
            &mut encoder,
            ok(),
            &[],
            Body::Length(5),
            TO_CONNECT
        )),
        EncodeErrorKind::BodyNotAllowed
    );
    let (bytes, framing) =
        encode_response(&mut encoder, ok(), &[], Body::Empty, TO_CONNECT).unwrap();
    assert_eq!(
        (text(&bytes), framing),
        ("HTTP/1.1 200 OK\r\n\r\n", Framing::Upgrade)
    );

    let mut options = EncoderOptions::STRICT;
    options.ignored_framing_fields = true;
    let mut relay = Encoder::server().with_options(options);
    let (bytes, framing) =
        encode_response(&mut relay, ok(), &length, Body::AsFields, TO_CONNECT).unwrap();
    assert_eq!(
        (text(&bytes), framing),
        (
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            Framing::Upgrade
        )
    );

    let connect = b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n";
    let tunnel = b"\x16\x03\x01 client hello";
    let mut s = server_side();
    assert_eq!(s.read(&[&connect[..], tunnel].concat()).1, Stop::Paused);
    s.respond(status(200, "Connection Established"), &[], Body::Empty, b"")
        .unwrap();
    assert_eq!(s.read(b""), (vec![], Stop::Switched));
    assert_eq!(
        (s.unread.as_slice(), s.conn.state()),
        (&tunnel[..], ConnState::Switched)
    );
}

/// RFC 9110 9.3.6: "Any response other than a successful response
/// indicates that the tunnel has not yet been formed": the answer is an
/// ordinary framed response, and HTTP/1 goes on on both sides (the
/// CONNECT may be retried).
#[test]
fn a_connect_answered_otherwise_stays_in_http1() {
    let connect = b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n";
    let mut s = server_side();
    assert_eq!(s.read(&[&connect[..], NEXT].concat()).1, Stop::Paused);
    let auth = [Field::new("Proxy-Authenticate", "Basic realm=\"p\"")];
    let written = s
        .respond(
            status(407, "Proxy Authentication Required"),
            &auth,
            Body::Length(6),
            b"denied",
        )
        .unwrap();
    assert!(text(&written).ends_with("Content-Length: 6\r\n\r\ndenied"));
    let (events, stop) = s.read(b"");
    assert_eq!((ends(&events), stop), (1, Stop::NeedMore));
    assert_eq!(events[0], request("GET", "/next", Version::Http11));

    let mut c = client_side();
    let line = RequestLine::new("CONNECT", "example.com:443", Version::Http11);
    let host = [Field::new("Host", "example.com:443")];
    c.send(line, &host, Body::AsFields, b"").unwrap();
    let (events, stop) = c.read(&written);
    assert_eq!(
        events.iter().find(|e| matches!(e, Ev::Body(_))),
        Some(&body(b"denied"))
    );
    assert_eq!((stop, c.conn.state()), (Stop::NeedMore, ConnState::Open));
    c.send(line, &host, Body::AsFields, b"").unwrap();
}

/// RFC 9110 9.3.6: "A CONNECT request message does not have content": the
/// bytes after its head are not a body (a Content-Length on it frames
/// nothing; Transfer-Encoding on it is refused), and a client writes
/// none.
#[test]
fn a_connect_request_has_no_content() {
    let head =
        b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nContent-Length: 3\r\n\r\n";
    let input = [&head[..], b"abc"].concat();
    let trace = server(&input);
    assert_eq!(trace.framings(), [Framing::Upgrade]);
    assert_eq!(
        trace.events(&input).last(),
        Some(&Ev::Upgraded(b"abc".to_vec()))
    );
    let chunked = b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nTransfer-Encoding: chunked\r\n\r\n";
    assert_eq!(
        error_of(&server(chunked)),
        Some((ErrorKind::TransferEncodingNotAllowed, 57))
    );

    let line = RequestLine::new("CONNECT", "example.com:443", Version::Http11);
    let host = Field::new("Host", "example.com:443");
    let mut encoder = Encoder::client();
    let e = encoder
        .request_into(&line, &[host], Body::Length(3), &mut Vec::new())
        .unwrap_err();
    assert_eq!(e.kind(), EncodeErrorKind::BodyNotAllowed);
    let e = encoder
        .request_into(
            &line,
            &[host, Field::new("Content-Length", "3")],
            Body::AsFields,
            &mut Vec::new(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::FramingFieldNotAllowed, Some(1))
    );
}

/// RFC 9110 9.3.6: a CONNECT target is the tunnel's host and port, and
/// "A server MUST reject a CONNECT request that targets an empty or
/// invalid port number": refused at the target by the decoder (400), and
/// never written by the encoder.
#[test]
fn a_connect_target_needs_a_valid_port() {
    for target in ["example.com", "example.com:", "example.com:65536", "/"] {
        let input = format!("CONNECT {target} HTTP/1.1\r\nHost: example.com\r\n\r\n");
        let (kind, at) = error_of(&server(input.as_bytes())).expect(target);
        assert_eq!(at, 8, "{target}");
        assert!(
            matches!(
                kind,
                ErrorKind::InvalidTarget | ErrorKind::TargetFormMismatch
            ),
            "{target}: {kind:?}"
        );
        assert_eq!(kind.status_hint(), 400);
        let line = RequestLine::new("CONNECT", target, Version::Http11);
        let kind = refused(Encoder::client().request_into(
            &line,
            &[HOST],
            Body::AsFields,
            &mut Vec::new(),
        ));
        assert!(
            matches!(
                kind,
                EncodeErrorKind::InvalidTarget | EncodeErrorKind::TargetFormMismatch
            ),
            "{target}: {kind:?}"
        );
    }
    // Port 0 is no port a tunnel can reach: invalid, refused at its first
    // digit; a port with leading zeros is its number.
    for target in ["example.com:0", "example.com:000", "[::1]:0"] {
        let input = format!("CONNECT {target} HTTP/1.1\r\nHost: example.com\r\n\r\n");
        let port_at = 8 + target.rfind(':').unwrap() as u64 + 1;
        assert_eq!(
            error_of(&server(input.as_bytes())),
            Some((ErrorKind::InvalidTarget, port_at)),
            "{target}"
        );
        let line = RequestLine::new("CONNECT", target, Version::Http11);
        let e = Encoder::client()
            .request_into(&line, &[HOST], Body::AsFields, &mut Vec::new())
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.byte()),
            (EncodeErrorKind::InvalidTarget, Some(port_at as usize - 8))
        );
    }
    let input = b"CONNECT example.com:0443 HTTP/1.1\r\nHost: example.com\r\n\r\n";
    assert_eq!(complete(&server(input)), 1);
}

// ---------------------------------------------------------------------------
// RFC 9110 10.1.1: Expect: 100-continue.

/// RFC 9110 10.1.1: on a complete HTTP/1.1 head with 100-continue and
/// content to come, the server "MUST send either" a final response or an
/// immediate 100: the connection says one is due as soon as the head is
/// read. After the 100 the request still awaits its final response ("MUST
/// ultimately send a final status code"), and the exchange goes on as
/// usual.
#[test]
fn a_server_is_told_a_100_is_due_and_then_a_final_response() {
    let head = b"PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
    let mut s = server_side();
    assert_eq!(s.read(head).1, Stop::NeedMore);
    assert!(s.conn.expects_continue());
    let written = s
        .respond(status(100, "Continue"), &[], Body::AsFields, b"")
        .unwrap();
    assert_eq!(text(&written), "HTTP/1.1 100 Continue\r\n\r\n");
    assert!(!s.conn.expects_continue());
    assert_eq!(s.conn.in_flight(), 1, "the final response is still owed");
    let (events, stop) = s.read(b"data");
    assert_eq!(
        (events, stop),
        (vec![body(b"data"), Ev::MessageEnd], Stop::NeedMore)
    );
    let written = s
        .respond(status(201, "Created"), &[], Body::Empty, b"")
        .unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Open);
}

/// RFC 9110 10.1.1: a server answering "with a final status code before
/// reading the entire request content SHOULD indicate whether it intends
/// to close the connection ... or continue reading": after a 100-continue
/// head, the body may never come, so the connection closes and says so;
/// it does not read on. The client then does not send the body, and
/// closes too.
#[test]
fn a_final_answer_instead_of_100_closes_and_says_so() {
    let head = b"PUT /f HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
    let mut s = server_side();
    s.read(head);
    let written = s
        .respond(status(417, "Expectation Failed"), &[], Body::Empty, b"")
        .unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Closed);
    assert_eq!(s.read(b"data"), (vec![], Stop::Done));

    let mut c = client_side();
    let mut out = Vec::new();
    let put = RequestLine::new("PUT", "/f", Version::Http11);
    let fields = [HOST, Field::new("Expect", "100-continue")];
    c.conn
        .request_into(&put, &fields, Body::Length(4), &mut out)
        .unwrap();
    assert!(c.conn.awaiting_continue());
    c.read(&written);
    assert!(!c.conn.awaiting_continue());
    assert_eq!(c.conn.state(), ConnState::Closed);
}

/// RFC 9110 10.1.1: a client "MAY proceed to send the content even if it
/// has not yet received a response", and a server "MAY omit sending a 100"
/// once it has the content: the client connection does not hold the body
/// back, and the server's stops saying a 100 is due once the body is in;
/// the exchange then persists.
#[test]
fn a_client_may_send_the_body_without_waiting_for_100() {
    let mut c = client_side();
    let put = RequestLine::new("PUT", "/f", Version::Http11);
    let fields = [HOST, Field::new("Expect", "100-continue")];
    let sent = c.send(put, &fields, Body::Length(4), b"data").unwrap();
    assert!(!c.conn.awaiting_continue());
    let mut s = server_side();
    let (events, stop) = s.read(&sent);
    assert_eq!((ends(&events), stop), (1, Stop::NeedMore));
    assert!(!s.conn.expects_continue(), "the body is here");
    let written = s.respond(ok(), &[], Body::Empty, b"").unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    );
    c.read(&written);
    assert_eq!(
        (c.conn.state(), s.conn.state()),
        (ConnState::Open, ConnState::Open)
    );
}

/// RFC 9110 10.1.1: "A server that receives a 100-continue expectation in
/// an HTTP/1.0 request MUST ignore that expectation": no 100 is due (none
/// may be sent: 15.2), and a client writing one does not wait for it.
#[test]
fn an_expectation_in_http10_is_ignored() {
    let head = b"PUT /f HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
    let mut s = server_side();
    s.read(head);
    assert!(!s.conn.expects_continue());
    assert_eq!(
        refused(s.respond(status(100, "Continue"), &[], Body::AsFields, b"")),
        EncodeErrorKind::InterimToHttp10
    );

    let mut c = client_side();
    let put = RequestLine::new("PUT", "/f", Version::Http10);
    let expect = [
        Field::new("Host", "a.example"),
        Field::new("Expect", "100-continue"),
    ];
    c.conn
        .request_into(&put, &expect, Body::Length(4), &mut Vec::new())
        .unwrap();
    assert!(!c.conn.awaiting_continue());
}

/// RFC 9110 10.1.1: "A client MUST NOT generate a 100-continue
/// expectation in a request that does not include content": the encoder
/// (and the client connection through it) refuses one on a request
/// without a body, naming the Expect field, so the connection never says
/// to wait for a 100 before a body there is none of.
#[test]
fn a_client_never_expects_100_continue_without_content() {
    let expect = [HOST, Field::new("Expect", "100-continue")];
    for body in [Body::Empty, Body::Length(0)] {
        let e = Encoder::client()
            .request_into(&get("/"), &expect, body, &mut Vec::new())
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (EncodeErrorKind::ContinueWithoutBody, Some(1))
        );
        let mut c = client_side();
        let head = c
            .conn
            .request_into(&get("/"), &expect, body, &mut Vec::new());
        assert_eq!(refused(head), EncodeErrorKind::ContinueWithoutBody);
        assert!(!c.conn.awaiting_continue());
    }
    let mut c = client_side();
    let put = RequestLine::new("PUT", "/f", Version::Http11);
    c.conn
        .request_into(&put, &expect, Body::Length(4), &mut Vec::new())
        .expect("content to send");
    assert!(c.conn.awaiting_continue());
}

/// RFC 9110 10.1.1: a 100 asks the client to send its content, so a
/// request without content has nothing to wait for: the server connection
/// says no 100 is due for one that expects it anyway (a GET, or a
/// CONNECT, which "does not have content", RFC 9110 9.3.6). For a CONNECT
/// that matters: a 100 would have the client send what it called a body,
/// and a refusal would then read those bytes as requests nobody checked.
/// Stricter: a refused CONNECT that stated a Content-Length closes the
/// connection (its peer meant a body, which another reader of the stream
/// may take as one), and what follows is not read.
#[test]
fn no_100_is_due_without_content_and_a_refused_connect_with_a_length_closes() {
    let smuggled = b"GET /inner HTTP/1.1\r\nHost: internal\r\n\r\n";
    let connect = b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\nExpect: 100-continue\r\nContent-Length: 40\r\n\r\n";
    for head in [
        &b"GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n"[..],
        b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\nExpect: 100-continue\r\n\r\n",
        connect,
    ] {
        // Asked at the end of the head, where a server decides on a 100.
        let mut conn = ServerConn::new(ConnectionConfig::default());
        let mut at = 0;
        loop {
            let step = conn.decode(&head[at..]).unwrap();
            at += step.consumed;
            if let ConnStatus::Event(h1wire::Event::HeadEnd(_)) = step.status {
                break;
            }
        }
        assert!(!conn.expects_continue(), "{}", esc(head));
    }

    let mut s = server_side();
    assert_eq!(s.read(connect).1, Stop::Paused);
    let refusal = s
        .respond(status(501, "Not Implemented"), &[], Body::Empty, b"")
        .unwrap();
    assert!(refusal.ends_with(b"Connection: close\r\nContent-Length: 0\r\n\r\n"));
    assert_eq!(s.conn.state(), ConnState::Closed);
    let (events, stop) = s.read(smuggled);
    assert_eq!((events.len(), stop), (0, Stop::Done));

    // The client that wrote such a CONNECT (an encoder that passes the
    // length on) closes after the refusal too, whatever the refusal says.
    let mut config = ConnectionConfig::default();
    config.encoder = EncoderOptions::verbatim();
    let mut c = Side {
        conn: ClientConn::new(config),
        unread: Vec::new(),
        wrote: Vec::new(),
    };
    let connect_fields = [
        Field::new("Host", "a.example:443"),
        Field::new("Content-Length", "5"),
    ];
    let connect_line = RequestLine::new("CONNECT", "a.example:443", Version::Http11);
    c.send(connect_line, &connect_fields, Body::AsFields, b"")
        .unwrap();
    let (_, stop) =
        c.read(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(stop, Stop::Done);
    assert_eq!(c.conn.state(), ConnState::Closed);
    assert_eq!(refused(c.get("/")), EncodeErrorKind::ConnectionClosed);

    // Without a Content-Length, a refused CONNECT lets HTTP/1 go on (as
    // `a_connect_answered_otherwise_stays_in_http1` shows); with one, a 2xx
    // still opens the tunnel.
    let mut s = server_side();
    s.read(b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\nContent-Length: 3\r\n\r\n");
    s.respond(ok(), &[], Body::AsFields, b"").unwrap();
    assert_eq!(s.conn.state(), ConnState::Switched);
}

// ---------------------------------------------------------------------------
// RFC 9110 15.2: informational responses.

/// RFC 9110 15.2: "A client MUST be able to parse one or more 1xx
/// responses received prior to a final response, even if the client does
/// not expect one": each ends at its head (fields delivered, 103's
/// included), and the final response answers the request.
#[test]
fn a_client_reads_any_number_of_1xx_before_the_final_response() {
    let interim: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n\
        HTTP/1.1 102 Processing\r\n\r\n\
        HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n\
        HTTP/1.1 103 Early Hints\r\nLink: </a.js>; rel=preload\r\n\r\n\
        HTTP/1.1 199 Whatever\r\nX: y\r\n\r\n";
    let to_head = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n";
    let to_get = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let wire = [interim, to_head, to_get].concat();
    let trace = client(&[MethodKind::Head, MethodKind::Other], &wire);
    assert_eq!(error_of(&trace), None);
    // Had a 1xx taken the HEAD, the HEAD's answer would have had a body.
    let mut framings = vec![Framing::None; 6];
    framings.push(Framing::Length(2));
    assert_eq!(trace.framings(), framings);
    assert_eq!(complete(&trace), 7);
    assert_eq!(
        trace.reduction.messages[2].headers,
        [(b"Link".to_vec(), b"</s.css>; rel=preload".to_vec())]
    );

    let mut c = client_side();
    c.get("/").unwrap();
    let (events, stop) = c.read(interim);
    assert_eq!((ends(&events), stop), (5, Stop::NeedMore));
    assert_eq!(c.conn.in_flight(), 1, "no final response yet");
    let (events, _) = c.read(to_get);
    assert_eq!(events[0], response(200, "OK"));
    assert_eq!((c.conn.in_flight(), c.conn.state()), (0, ConnState::Open));
}

/// RFC 9110 15.2: "A server MUST NOT send a 1xx response to an HTTP/1.0
/// client": refused by the encoder answering HTTP/1.0 (even with every
/// `EncoderOptions` on) and by the server connection. To an HTTP/1.1
/// client, any number of them before the final response.
#[test]
fn no_1xx_goes_to_an_http10_client() {
    for code in [100, 102, 103] {
        for options in [EncoderOptions::STRICT, EncoderOptions::verbatim()] {
            let mut encoder = Encoder::server().with_options(options);
            assert_eq!(
                refused(encode_response(
                    &mut encoder,
                    status(code, "X"),
                    &[],
                    Body::AsFields,
                    TO_HTTP10
                )),
                EncodeErrorKind::InterimToHttp10
            );
        }
    }
    let mut s = server_side();
    s.read(b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(
        refused(s.respond(status(103, "Early Hints"), &[], Body::AsFields, b"")),
        EncodeErrorKind::InterimToHttp10
    );
    let mut s = server_side();
    s.read(NEXT);
    let hint = [Field::new("Link", "</s.css>; rel=preload")];
    let mut wire = Vec::new();
    for _ in 0..2 {
        wire.extend(
            s.respond(status(103, "Early Hints"), &hint, Body::AsFields, b"")
                .unwrap(),
        );
    }
    assert_eq!(s.conn.in_flight(), 1);
    wire.extend(s.respond(ok(), &[], Body::Empty, b"").unwrap());
    assert_eq!(s.conn.in_flight(), 0);
    assert_eq!(complete(&client(&[MethodKind::Other], &wire)), 3);
}

/// RFC 9110 15.2: a 1xx "is terminated by the end of the header section;
/// it cannot contain content or trailers": a framing field on one frames
/// nothing when read, and is refused when written (RFC 9110 8.6, RFC 9112
/// 6.1), as is any body.
#[test]
fn a_1xx_ends_at_its_head() {
    let wire: &[u8] = b"HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\n\
        HTTP/1.1 103 Early Hints\r\nTransfer-Encoding: chunked\r\n\r\n\
        HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let trace = client(&[MethodKind::Other], wire);
    assert_eq!(
        trace.framings(),
        [Framing::None, Framing::None, Framing::Length(0)]
    );
    assert_eq!(complete(&trace), 3);

    let mut encoder = Encoder::server();
    let length = [Field::new("Content-Length", "5")];
    let e = encoder
        .response_into(
            &status(100, "Continue"),
            &length,
            Body::AsFields,
            Answering::HTTP11,
            &mut Vec::new(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::FramingFieldNotAllowed, Some(0))
    );
    assert_eq!(
        refused(encode_response(
            &mut encoder,
            status(103, "Early Hints"),
            &[],
            Body::Length(0),
            Answering::HTTP11
        )),
        EncodeErrorKind::BodyNotAllowed
    );
    encode_response(
        &mut encoder,
        status(103, "Early Hints"),
        &[],
        Body::AsFields,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(refused(encoder.body(1)), EncodeErrorKind::BodyNotAllowed);
}

// ---------------------------------------------------------------------------
// RFC 9110 15.3.5 (204) and 15.4.5 (304).

/// RFC 9110 15.3.5 and 15.4.5: a 204 or 304 "is terminated by the end of
/// the header section; it cannot contain content or trailers": read so
/// whatever framing field it carries, the next response starting right
/// after its head.
#[test]
fn a_204_or_304_ends_at_its_head() {
    let wire: &[u8] = b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n\
        HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n\
        HTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n\
        HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n\
        HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    let trace = client(&[MethodKind::Other; 5], wire);
    assert_eq!(error_of(&trace), None);
    assert_eq!(
        trace.framings(),
        [
            Framing::None,
            Framing::None,
            Framing::None,
            Framing::None,
            Framing::Length(5)
        ]
    );
    assert_eq!(complete(&trace), 5);
    assert_eq!(trace.reduction.messages[4].body, b"hello");
}

/// RFC 9110 15.3.5 with 8.6 (no Content-Length in a 204): a 204 is
/// written with neither framing field nor body; a relay may pass an
/// ignored framing field on with `EncoderOptions::ignored_framing_fields`.
#[test]
fn a_204_is_written_without_framing_or_body() {
    let no_content = status(204, "No Content");
    let mut encoder = Encoder::server();
    let (bytes, framing) = encode_response(
        &mut encoder,
        no_content,
        &[],
        Body::Empty,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(
        (text(&bytes), framing),
        ("HTTP/1.1 204 No Content\r\n\r\n", Framing::None)
    );
    assert_eq!(refused(encoder.body(1)), EncodeErrorKind::BodyNotAllowed);
    encoder.end(&[], &mut []).unwrap();
    let zero = [Field::new("Content-Length", "0")];
    let e = encoder
        .response_into(
            &no_content,
            &zero,
            Body::AsFields,
            Answering::HTTP11,
            &mut Vec::new(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (EncodeErrorKind::FramingFieldNotAllowed, Some(0))
    );
    for framing in [Body::Length(0), Body::Chunked, Body::Streamed] {
        assert_eq!(
            refused(encode_response(
                &mut encoder,
                no_content,
                &[],
                framing,
                Answering::HTTP11
            )),
            EncodeErrorKind::BodyNotAllowed,
            "{framing:?}"
        );
    }
    let mut options = EncoderOptions::STRICT;
    options.ignored_framing_fields = true;
    let mut relay = Encoder::server().with_options(options);
    let (_, framing) = encode_response(
        &mut relay,
        no_content,
        &zero,
        Body::AsFields,
        Answering::HTTP11,
    )
    .unwrap();
    assert_eq!(framing, Framing::None);
}

/// RFC 9110 15.4.5: a 304 has no content, but may state the length the
/// 200 would have had (RFC 9110 8.6); its body is refused.
#[test]
fn a_304_states_a_length_and_sends_no_body() {
    let not_modified = status(304, "Not Modified");
    let mut s = server_side();
    s.read(b"GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"v1\"\r\n\r\n");
    let etag = [Field::new("ETag", "\"v1\"")];
    let mut written = Vec::new();
    s.conn
        .response_into(&not_modified, &etag, Body::Length(9), &mut written)
        .unwrap();
    assert_eq!(
        refused(s.conn.body_into(b"unchanged", &mut written)),
        EncodeErrorKind::BodyNotAllowed
    );
    s.conn.end_into(&[], &mut written).unwrap();
    assert_eq!(
        text(&written),
        "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 9\r\n\r\n"
    );
    assert_eq!(s.conn.state(), ConnState::Open);
    let trace = client(&[MethodKind::Other], &written);
    assert_eq!(
        (trace.framings(), complete(&trace)),
        (vec![Framing::None], 1)
    );
}
