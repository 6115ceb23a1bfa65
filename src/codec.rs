//! A `tokio-util` codec for the server role (feature `tokio`): requests in
//! as [`RequestFrame`]s whose bytes are [`Bytes`] split off the read
//! buffer (never copied), responses out as [`ResponsePart`]s written into
//! the write buffer; a [`server::Connection`](crate::server::Connection)
//! underneath keeps the message cycle (keep-alive, pipelining,
//! 100-continue, what must close).

use core::ops::Range;

use bytes::{Bytes, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::server::Connection;
use crate::syntax::offset_from;
use crate::{
    Body, ConnState, ConnStatus, ConnectionConfig, EncodeError, Error, Event, Field, Framing,
    StatusLine, Version, WrittenHead,
};

/// A piece of a request, owned: each `Bytes` shares the read buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestFrame {
    /// The request line.
    Request {
        /// The method, a token.
        method: Bytes,
        /// The request-target as sent.
        target: Bytes,
        /// The protocol version.
        version: Version,
    },
    /// One field of the head, in order.
    Header {
        /// The name as sent.
        name: Bytes,
        /// The value, without surrounding whitespace.
        value: Bytes,
    },
    /// The head is complete.
    HeadEnd {
        /// How the body is framed.
        framing: Framing,
        /// This request's client waits for `100 (Continue)` before
        /// sending the body: encode a 100 [`ResponsePart::Head`] and an
        /// [`ResponsePart::End`] to have it, or answer at once. Responses
        /// go out in request order, so with earlier requests still
        /// unanswered, answer them first: the 100 is due when
        /// [`Connection::expects_continue`](crate::server::Connection::expects_continue)
        /// says so.
        expects_continue: bool,
    },
    /// A piece of the body, chunk framing removed.
    Body(Bytes),
    /// A trailer field.
    Trailer {
        /// The name as sent.
        name: Bytes,
        /// The value.
        value: Bytes,
    },
    /// The request is complete: answer it.
    MessageEnd,
}

/// A piece of a response, borrowed until it is encoded.
#[derive(Clone, Copy, Debug)]
pub enum ResponsePart<'a> {
    /// The head (see [`Connection::response`]).
    Head {
        /// The status line.
        line: StatusLine<'a>,
        /// The fields.
        fields: &'a [Field<'a>],
        /// How the body is framed.
        body: Body,
    },
    /// Body data (with its chunk framing when chunked).
    Body(&'a [u8]),
    /// The end of the response (the last chunk when chunked).
    End,
    /// The end of a chunked response with these trailer fields after its
    /// last chunk (see [`Connection::end`](crate::server::Connection::end):
    /// refused, nothing written, if the body is not chunked or a field may
    /// not be a trailer).
    EndWithTrailers(&'a [Field<'a>]),
}

/// What went wrong in [`ServerCodec`]: the peer's bytes, the caller's
/// response, or the socket.
#[derive(Debug)]
#[non_exhaustive]
pub enum CodecError {
    /// The request broke HTTP/1: answer with its
    /// [`status_hint`](Error::status_hint) (a response is still accepted
    /// for it, after those due to the requests read before it), then
    /// close. If the response to the request that broke is already under
    /// way, close without ending it, so that the client sees it cut short
    /// (see [`Connection::decode`](crate::server::Connection::decode)).
    Decode(Error),
    /// The response was refused; nothing was written.
    Encode(EncodeError),
    /// The socket failed.
    Io(std::io::Error),
}

impl core::fmt::Display for CodecError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CodecError::Decode(e) => write!(f, "request: {e}"),
            CodecError::Encode(e) => write!(f, "response: {e}"),
            CodecError::Io(e) => write!(f, "socket: {e}"),
        }
    }
}

impl std::error::Error for CodecError {}

impl From<std::io::Error> for CodecError {
    fn from(e: std::io::Error) -> Self {
        CodecError::Io(e)
    }
}

/// The server's side of one connection as a `tokio-util` codec.
///
/// `decode` returns `None` when it needs more bytes, and also when
/// nothing more will be read ([`finished`](Self::finished)) or responses
/// are due first ([`ConnStatus::Paused`]): check
/// [`state`](Self::state) after writing.
///
/// Once the connection reads nothing more (after `Connection: close`, an
/// HTTP/1.0 request without keep-alive, or an error), what the peer still
/// sends is dropped from the buffer as it comes, so that it cannot grow
/// the buffer while the answer goes out. (After a switch of protocols the
/// bytes stay: they are the new protocol's.)
///
/// While paused, `decode` returns `None` and leaves the buffer as it is:
/// the answers due must be written before more is read. A `Framed`
/// polled for the next frame then reads on into its buffer whatever the
/// peer sends, with no bound but the peer's: while
/// [`paused`](Self::paused), write the answers due rather than poll the
/// stream.
///
/// At the end of the stream while paused (requests pipelined behind an
/// upgrade offer or a CONNECT, or beyond the connection's depth, and
/// their answers not written yet), `decode_eof` ends nothing: answer,
/// then call `decode` again, and `decode_eof` once it returns `None`.
/// (`tokio_util`'s `Framed` stops at the first `None` from `decode_eof`:
/// a caller that wants those requests reads with the codec directly, as
/// `examples/tokio_serve.rs` does.)
#[derive(Debug)]
pub struct ServerCodec {
    conn: Connection,
    finished: bool,
    /// The last `decode` stopped because answers are due first.
    paused: bool,
    /// Nothing more is read, and the input is not another protocol's.
    discard: bool,
    last_head: Option<WrittenHead>,
}

impl ServerCodec {
    /// A codec for a new connection.
    pub fn new(config: ConnectionConfig) -> Self {
        ServerCodec {
            conn: Connection::new(config),
            finished: false,
            paused: false,
            discard: false,
            last_head: None,
        }
    }

    /// The connection underneath (its state, what it expects).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Where the connection stands: close the socket once it is
    /// [`ConnState::Closed`] and everything encoded was written.
    pub fn state(&self) -> ConnState {
        self.conn.state()
    }

    /// Nothing more will be read on this connection (it closes, it
    /// switched protocols, or reading failed).
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// The last [`decode`](Decoder::decode) stopped because answers are
    /// due first (requests pipelined up to the connection's depth, or
    /// behind an upgrade offer or a CONNECT): write them, then decode
    /// again, before reading more.
    pub fn paused(&self) -> bool {
        self.paused
    }

    /// What the last [`ResponsePart::Head`] encoded wrote, above all how
    /// its body is framed: [`Framing::None`] after a HEAD request, for a
    /// 1xx, a 204 or a 304 (send no [`ResponsePart::Body`], only
    /// [`ResponsePart::End`]); [`Framing::Upgrade`] for a 101 or a 2xx to
    /// CONNECT (no body either: after its `End` the socket is the new
    /// protocol's); [`Framing::Close`] for a body that runs to the end of
    /// the stream (whether the connection closes after a response is
    /// [`state`](Self::state)'s to say). (`Encoder::encode` can only
    /// return `()`.) `None` before the first head.
    ///
    /// [`Framing::None`]: crate::Framing::None
    /// [`Framing::Upgrade`]: crate::Framing::Upgrade
    /// [`Framing::Close`]: crate::Framing::Close
    pub fn last_head(&self) -> Option<WrittenHead> {
        self.last_head
    }
}

/// Where an event's slices lie in the decoder's input, as ranges: taken
/// before the input is split, so the event's borrow ends first.
enum Spans {
    Request(Range<usize>, Range<usize>, Version),
    Header(Range<usize>, Range<usize>),
    Body(Range<usize>),
    Trailer(Range<usize>, Range<usize>),
}

/// `range` of `frozen` as a shared `Bytes` (empty if it is not in it,
/// which the decoder's contract rules out).
fn share(frozen: &Bytes, range: Range<usize>) -> Bytes {
    match frozen.get(range.clone()) {
        Some(_) => frozen.slice(range),
        None => Bytes::new(),
    }
}

impl Decoder for ServerCodec {
    type Item = RequestFrame;
    type Error = CodecError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<RequestFrame>, CodecError> {
        if self.finished {
            if self.discard {
                src.clear();
            }
            // (After an error, the error again: the connection keeps it.)
            return match self.conn.decode(&[]) {
                Err(error) => Err(CodecError::Decode(error)),
                Ok(_) => Ok(None),
            };
        }
        let step = match self.conn.decode(&src[..]) {
            Ok(step) => step,
            Err(error) => {
                // Nothing more is read: what the peer still sends is
                // dropped as it comes, as after a request that closes.
                self.finished = true;
                self.discard = true;
                src.clear();
                return Err(CodecError::Decode(error));
            }
        };
        let consumed = step.consumed;
        self.paused = step.status == ConnStatus::Paused;
        let event = match step.status {
            ConnStatus::Event(event) => event,
            ConnStatus::NeedMore | ConnStatus::Paused => {
                let _ = src.split_to(consumed);
                return Ok(None);
            }
            ConnStatus::Switched => {
                self.finished = true;
                return Ok(None);
            }
            ConnStatus::Done { .. } => {
                self.finished = true;
                self.discard = true;
                src.clear();
                return Ok(None);
            }
        };
        // The event's slices lie in the consumed bytes: note where, split
        // those bytes off, and share them.
        let input: &[u8] = &src[..];
        let at = |part: &[u8]| {
            let start = offset_from(input, part);
            start..start.wrapping_add(part.len())
        };
        let spans = match event {
            Event::Request(line) => Spans::Request(at(line.method), at(line.target), line.version),
            Event::Header(field) => Spans::Header(at(field.name), at(field.value)),
            Event::Body(data) => Spans::Body(at(data)),
            Event::Trailer(field) => Spans::Trailer(at(field.name), at(field.value)),
            Event::HeadEnd(head) => {
                let _ = src.split_to(consumed);
                return Ok(Some(RequestFrame::HeadEnd {
                    framing: head.framing,
                    expects_continue: self.conn.newest_expects_continue(),
                }));
            }
            // A server's connection reads no responses.
            Event::MessageEnd | Event::Response(_) => {
                let _ = src.split_to(consumed);
                return Ok(Some(RequestFrame::MessageEnd));
            }
        };
        let frozen = src.split_to(consumed).freeze();
        Ok(Some(match spans {
            Spans::Request(method, target, version) => RequestFrame::Request {
                method: share(&frozen, method),
                target: share(&frozen, target),
                version,
            },
            Spans::Header(name, value) => RequestFrame::Header {
                name: share(&frozen, name),
                value: share(&frozen, value),
            },
            Spans::Body(data) => RequestFrame::Body(share(&frozen, data)),
            Spans::Trailer(name, value) => RequestFrame::Trailer {
                name: share(&frozen, name),
                value: share(&frozen, value),
            },
        }))
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<RequestFrame>, CodecError> {
        if let Some(frame) = self.decode(src)? {
            return Ok(Some(frame));
        }
        // Paused: complete requests may wait behind the answers due (see
        // the type's docs); the end is not theirs to report yet.
        if !self.finished && !self.paused {
            // (An error stays: every later call returns it.)
            let ended = self.conn.finish();
            self.finished = true;
            if let Err(error) = ended {
                // Nothing more is read, as after an error from `decode`.
                self.discard = true;
                src.clear();
                return Err(CodecError::Decode(error));
            }
        }
        Ok(None)
    }
}

impl<'a> Encoder<ResponsePart<'a>> for ServerCodec {
    type Error = CodecError;

    fn encode(&mut self, part: ResponsePart<'a>, dst: &mut BytesMut) -> Result<(), CodecError> {
        match part {
            ResponsePart::Head { line, fields, body } => self
                .conn
                .response_into(&line, fields, body, dst)
                .map(|written| self.last_head = Some(written)),
            ResponsePart::Body(data) => self.conn.body_into(data, dst),
            ResponsePart::End => self.conn.end_into(&[], dst).map(|_| ()),
            ResponsePart::EndWithTrailers(trailers) => {
                self.conn.end_into(trailers, dst).map(|_| ())
            }
        }
        .map_err(CodecError::Encode)
    }
}
