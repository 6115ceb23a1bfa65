//! The connection cycle: a decoder and an encoder paired, for each role,
//! around one message-cycle table (`cycle.rs`) that does not know which
//! role it plays. `server.rs` and `client.rs` only translate: what their
//! decoder reads and what their caller writes become the table's requests
//! and responses.

pub(crate) mod client;
pub(crate) mod cycle;
pub(crate) mod offer;
pub(crate) mod options;
pub(crate) mod server;

use crate::{Config, EncodeError, EncodeErrorKind, EncoderOptions, Event, Head};
use cycle::{Cycle, Flow, Refusal};

/// How a connection behaves: its decoder's [`Config`], its encoder's
/// [`EncoderOptions`], and how many requests it holds in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectionConfig {
    /// The decoder's limits and lenient readings.
    pub config: Config,
    /// The encoder's options.
    pub encoder: EncoderOptions,
    /// Requests in flight at most (pipelining): a server reads no request
    /// beyond this many unanswered ones, a client writes none. 1 to
    /// [`ConnectionConfig::MAX_DEPTH`] (a value outside is taken as the
    /// nearest of the two); default 16.
    pub depth: usize,
}

impl ConnectionConfig {
    /// The largest [`depth`](Self::depth): the requests in flight are held
    /// in a fixed array, never allocated.
    pub const MAX_DEPTH: usize = cycle::MAX_DEPTH;
}

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            config: Config::default(),
            encoder: EncoderOptions::default(),
            depth: 16,
        }
    }
}

/// The result of a connection's `decode`: how many bytes of the input were
/// consumed, and what happened (the decoder's buffer contract holds
/// unchanged, see [`Decoder`](crate::Decoder)).
#[must_use = "the caller must drop `consumed` bytes and act on `status`"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnStep<'a> {
    /// Bytes of the input this call consumed.
    pub consumed: usize,
    /// What the call produced.
    pub status: ConnStatus<'a>,
}

impl<'a> ConnStep<'a> {
    /// The event, if the call produced one (as [`Step::event`](crate::Step::event)).
    ///
    /// ```
    /// use h1wire::{server, ConnectionConfig, Event};
    ///
    /// let mut conn = server::Connection::new(ConnectionConfig::default());
    /// let step = conn.decode(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n").unwrap();
    /// assert!(matches!(step.event(), Some(Event::Request(line)) if line.target == b"/"));
    /// let step = conn.decode(b"").unwrap();
    /// assert_eq!(step.event(), None);
    /// ```
    pub fn event(&self) -> Option<Event<'a>> {
        match self.status {
            ConnStatus::Event(event) => Some(event),
            _ => None,
        }
    }
}

/// What a connection's `decode_body` call read: the pieces of body data
/// its decoder's [`decode_body`](crate::Decoder::decode_body) gathered,
/// then what the connection's `decode` would have said next.
#[must_use = "the caller must drop `consumed` bytes and act on the pieces and `then`"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnBodyRead<'a, 'p> {
    /// Bytes of the input the call consumed.
    pub consumed: usize,
    /// The body data read, in order, with the chunked framing removed:
    /// the front of the array given, each piece a non-empty slice of the
    /// input.
    pub pieces: &'p [&'a [u8]],
    /// What followed the pieces when it was not body data (as from the
    /// connection's `decode`), or `None` when the array filled up or an
    /// error is due: call again.
    pub then: Option<ConnStatus<'a>>,
}

impl<'a> ConnBodyRead<'a, '_> {
    /// Nothing read: the connection said `status` instead.
    fn stopped(status: ConnStatus<'a>) -> Self {
        ConnBodyRead {
            consumed: 0,
            pieces: &[],
            then: Some(status),
        }
    }
}

/// What a connection's `decode` call produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnStatus<'a> {
    /// An event of the message being read, borrowing the input.
    Event(Event<'a>),
    /// Read more bytes, then call again.
    NeedMore,
    /// Write first: the connection reads nothing more until the caller has
    /// answered (a server holding as many unanswered requests as its
    /// depth, or whose last request may switch protocols: CONNECT, or an
    /// Upgrade offer). Do not wait for more input: it may never come.
    Paused,
    /// The connection left HTTP/1 (a 101, or a 2xx answering CONNECT):
    /// every byte not consumed belongs to the new protocol.
    Switched,
    /// No more messages will be read on this connection (the last one
    /// closed it, or the peer ended the stream; after an error, the
    /// reading calls give that error again instead):
    /// `ignored` bytes of this call's input were not decoded. Finish what
    /// [`state`](crate::server::Connection::state) says is left to write,
    /// then close.
    Done {
        /// Bytes given that are not read as HTTP.
        ignored: usize,
    },
}

/// What a connection's `decode_head` call produced:
/// [`server::Connection::decode_head`](crate::server::Connection::decode_head)
/// reads request heads,
/// [`client::Connection::decode_head`](crate::client::Connection::decode_head)
/// response heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnHeadStatus<'a, 'f> {
    /// A whole head, as [`HeadStatus::Complete`](crate::HeadStatus::Complete)
    /// says (a bodyless message is whole with it; a body goes on through
    /// `decode` or `decode_body`).
    Complete(Head<'a, 'f>),
    /// The head is not all here: nothing was consumed. Keep the bytes,
    /// append more and call again.
    NeedMore,
    /// The connection is not between messages: inside a message's body
    /// or trailers, inside a head that `decode` began, or after the head
    /// of a switch of protocols that `decode` read (its `MessageEnd` is
    /// `decode`'s to give). Read on with `decode` or `decode_body`.
    /// Nothing was consumed.
    NotAtHead,
    /// No message is read now, and nothing was consumed: what the
    /// connection's `decode` would say, [`Paused`](ConnStatus::Paused)
    /// (a server only), [`Switched`](ConnStatus::Switched) or
    /// [`Done`](ConnStatus::Done).
    Stopped(ConnStatus<'static>),
}

/// Where a connection stands, for the caller who owns its socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnState {
    /// Messages go on both ways.
    Open,
    /// No new request will be read or written, but responses are still
    /// due (or being read): finish them, then close. (From the head of a
    /// request, or a response, that closes the connection on: the rest of
    /// its body is still read or written.)
    Closing,
    /// Nothing more either way: close the connection (after flushing what
    /// was written).
    Closed,
    /// The connection left HTTP/1: hand the socket, and any bytes not
    /// consumed, to the new protocol.
    Switched,
}

/// The state both connection types report, from the table.
fn state_of(cycle: &Cycle) -> ConnState {
    match (cycle.requests(), cycle.responses()) {
        (Flow::Switched, _) | (_, Flow::Switched) => ConnState::Switched,
        (Flow::Closed, Flow::Closed) => ConnState::Closed,
        (Flow::Closed, _) | (_, Flow::Closed) => ConnState::Closing,
        // A closing response under way, the request it answers still
        // coming in (or going out); or a closing request's body.
        _ if cycle.closing() => ConnState::Closing,
        _ => ConnState::Open,
    }
}

/// A refusal of the table, as the misuse it is on the writing side.
fn misuse(refusal: Refusal) -> EncodeError {
    EncodeError::new(match refusal {
        Refusal::InMessage => EncodeErrorKind::MessageInProgress,
        Refusal::NoRequest => EncodeErrorKind::NoRequest,
        Refusal::Full => EncodeErrorKind::PipelineFull,
        Refusal::Paused => EncodeErrorKind::AwaitingSwitch,
        Refusal::Closed => EncodeErrorKind::ConnectionClosed,
        Refusal::Switched | Refusal::UnexpectedSwitch => EncodeErrorKind::UnexpectedSwitch,
    })
}
