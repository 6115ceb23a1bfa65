//! The encoder: the writing side of one HTTP/1 stream. It writes heads into
//! the caller's memory and the framing around body data (chunk-size lines,
//! CRLFs, the last chunk), never the body data itself, and refuses anything
//! that would not read back as the same message.
//!
//! All transitions of the writing side are in this file; `head.rs` checks
//! and writes one head, `sink.rs` is where bytes go.

mod error;
pub(crate) mod head;
pub(crate) mod sink;

pub use error::{EncodeError, EncodeErrorKind};

use crate::conn::options::HeadOptions;
use crate::syntax::number::HexLine;
use crate::{Field, Framing, MethodKind, RequestLine, StatusLine, Version};
use head::Start;
use sink::{Sink, SliceSink};

/// Heads up to this long are written into a buffer on the stack and put
/// into a `BufMut` in one piece (most response heads are 150-400 bytes;
/// a longer one goes in part by part). Small enough for the stacks of
/// embedded tasks; 1 KiB measured no faster.
const GATHERED_HEAD: usize = 512;

/// What the caller says about the body when it writes a head: how the
/// encoder frames it when the head's own fields do not.
///
/// A head whose fields hold Content-Length or Transfer-Encoding is framed
/// by them, exactly as a decoder reads it; any other choice than
/// [`AsFields`](Self::AsFields) must then agree with them
/// ([`FramingConflict`](EncodeErrorKind::FramingConflict) otherwise). A
/// head without framing fields gets the one field its choice needs,
/// written after the caller's fields.
///
/// A response to HEAD, or a 304, has no body but takes the choices its GET
/// would (so one handler answers both): [`Length`](Self::Length) states
/// the length the body would have had; [`Chunked`](Self::Chunked),
/// [`Streamed`](Self::Streamed) and [`UntilClose`](Self::UntilClose)
/// write no framing field, whatever the versions (a `Transfer-Encoding`
/// there would mislead a recipient that lost track of the HEAD into
/// reading a body), and must agree with the fields' own framing as
/// GET's. Other messages without a body (1xx, 204, a 2xx to CONNECT, a
/// CONNECT) take only [`AsFields`](Self::AsFields) and
/// [`Empty`](Self::Empty) ([`BodyNotAllowed`](EncodeErrorKind::BodyNotAllowed)
/// otherwise).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Body {
    /// Frame the body as the fields say and add nothing: a request without
    /// framing fields has no body, a response without them runs to the end
    /// of the stream. For proxies and round trips, which pass fields on.
    #[default]
    AsFields,
    /// No body. A request gets no framing field, but for a POST, PUT or
    /// PATCH, whose content has a meaning: `Content-Length: 0` (RFC 9110
    /// section 8.6; some servers answer 411 without it). A response that
    /// may have a body gets `Content-Length: 0` (one to HEAD, a 304, a 1xx
    /// or a 204 none). An answer to HEAD or a 304 whose fields state the
    /// length GET's body has takes that length
    /// ([`Length`](Self::Length)) or the fields ([`AsFields`](Self::AsFields)):
    /// with `Empty` it would say two lengths
    /// ([`FramingConflict`](EncodeErrorKind::FramingConflict), as for GET).
    Empty,
    /// Exactly this many bytes: `Content-Length: n`. For a response to
    /// HEAD or a 304 (which have no body), the length the body would have
    /// had.
    Length(u64),
    /// A chunked body: `Transfer-Encoding: chunked`. Only in HTTP/1.1, and
    /// only in a response to an HTTP/1.1 request (but for a response to
    /// HEAD or a 304, which writes no framing field, whatever the
    /// versions: GET's choice).
    Chunked,
    /// A body whose length is not known yet: chunked when both the message
    /// and (for a response) the request are HTTP/1.1; otherwise a response
    /// runs to the end of the stream, and a request is refused
    /// ([`UnframedRequestBody`](EncodeErrorKind::UnframedRequestBody)).
    Streamed,
    /// A response body that runs to the end of the stream, whatever the
    /// versions: the connection closes after it. (A response that has no
    /// body, to HEAD or a 204 or 304, is not close-delimited: see above.)
    UntilClose,
}

/// The request a response answers, as far as the response's framing
/// cares: its method (a response to HEAD has no body; a 2xx to CONNECT
/// opens a tunnel) and its version (an HTTP/1.0 client cannot read a
/// chunked body).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Answering {
    /// What the request's method means for the response.
    pub method: MethodKind,
    /// The request's version.
    pub version: Version,
}

impl Answering {
    /// An HTTP/1.1 request whose method is not HEAD or CONNECT.
    pub const HTTP11: Answering = Answering::new(MethodKind::Other, Version::Http11);

    /// A request of this method kind and version.
    pub const fn new(method: MethodKind, version: Version) -> Self {
        Answering { method, version }
    }

    /// The request of this request line.
    pub fn request(line: &RequestLine<'_>) -> Self {
        Answering::new(line.method_kind(), line.version)
    }
}

impl Default for Answering {
    /// [`Answering::HTTP11`].
    fn default() -> Self {
        Answering::HTTP11
    }
}

/// A head written by [`Encoder::request`] or [`Encoder::response`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenHead {
    /// Bytes written at the front of the output.
    pub len: usize,
    /// How the body that follows is framed: what the peer's decoder will
    /// announce. [`Framing::Close`]: close the connection after the body.
    /// [`Framing::Upgrade`]: after [`Encoder::end`], the connection leaves
    /// HTTP/1.
    pub framing: Framing,
}

/// The framing bytes to send around one piece of body data: `before()`,
/// then the data (from the caller's own buffer), then `after()`. In a
/// vectored write, the three are one call.
///
/// For a chunked body, a chunk-size line and the CRLF that ends the chunk;
/// for other framings, and for an empty piece (which is never written as a
/// chunk: a zero-size chunk would end the body), both are empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyFrame {
    line: Option<HexLine>,
}

impl BodyFrame {
    const NONE: BodyFrame = BodyFrame { line: None };

    /// The bytes to send before the data.
    pub fn before(&self) -> &[u8] {
        self.line.as_ref().map_or(&[], HexLine::as_bytes)
    }

    /// The bytes to send after the data.
    pub fn after(&self) -> &'static [u8] {
        match self.line {
            Some(_) => b"\r\n",
            None => b"",
        }
    }

    /// `before().len() + after().len()`.
    pub fn len(&self) -> usize {
        self.before().len() + self.after().len()
    }

    /// True when there is nothing to send around the data.
    pub fn is_empty(&self) -> bool {
        self.line.is_none()
    }
}

/// Choices an [`Encoder`] leaves to its caller. `Default` is the strict
/// sender: nothing a sender must not send.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EncoderOptions {
    /// Pass on framing fields that the start line makes every recipient
    /// ignore: a Content-Length on a CONNECT request, a Content-Length or
    /// Transfer-Encoding on a 1xx or 204 response or on a 2xx answering
    /// CONNECT. A sender must not send them (RFC 9110 sections 8.6 and
    /// 9.3.6, RFC 9112 section 6.1), so they are refused by default
    /// ([`FramingFieldNotAllowed`](EncodeErrorKind::FramingFieldNotAllowed));
    /// a relay or a round-trip tool that reproduces what a strict decoder
    /// accepted may keep them. Such a message still has no body.
    pub ignored_framing_fields: bool,
    /// Write a response that carries both Content-Length and
    /// Transfer-Encoding (its body framed as Transfer-Encoding says, as the
    /// decoder reads it). A sender must not (RFC 9112 section 6.2) and an
    /// intermediary drops the Content-Length before forwarding (section
    /// 6.3), so it is refused by default
    /// ([`ContentLengthWithTransferEncoding`](EncodeErrorKind::ContentLengthWithTransferEncoding));
    /// only a tool that writes back what a decoder accepted wants it. (A
    /// request with both is refused whatever this says: the decoder
    /// refuses it too.)
    pub length_with_transfer_encoding: bool,
    /// Write userinfo (`user:pass@`) in the authority of an `http` or
    /// `https` target. A sender must not (RFC 9110 section 4.2.4: it
    /// serves to disguise the host), so it is refused by default
    /// ([`TargetUserinfo`](EncodeErrorKind::TargetUserinfo)); the decoder
    /// accepts userinfo of RFC 3986's grammar, and a tool that writes back
    /// what it accepted may keep it.
    pub target_userinfo: bool,
    /// Write a fragment (`#...`) in an origin-form target (`GET
    /// /admin#/../x`). A client sends only the target URI's path and query
    /// (RFC 9112 section 3.2.1; origin-form has no fragment), and
    /// recipients read one differently (one strips it, one keeps it as
    /// part of the path), so it is refused by default
    /// ([`TargetFragment`](EncodeErrorKind::TargetFragment), at the `#`);
    /// the decoder lets it through in origin-form (it routes nothing:
    /// Host does), and a tool that writes back what it accepted may keep
    /// it. (In an absolute-form target a fragment is refused whatever
    /// this says: the decoder refuses it too.)
    pub target_fragment: bool,
    /// Write a 101 (Switching Protocols) or a 426 (Upgrade Required)
    /// without an Upgrade field that names a protocol (none at all, or
    /// only empty ones such as `Upgrade:`). A server must name the protocol it
    /// switches to, or those it requires (RFC 9110 sections 15.2.2 and
    /// 15.5.22), so it is refused by default
    /// ([`MissingUpgrade`](EncodeErrorKind::MissingUpgrade)); a tool that
    /// writes back what a decoder accepted may write it.
    pub switch_without_upgrade: bool,
    /// Write an Upgrade field whose Connection does not list `upgrade`,
    /// or a request's TE whose Connection does not list `te`. A sender of
    /// either must list it (RFC 9110 section 7.8, RFC 9112 section 7.4):
    /// without it a recipient ignores the Upgrade offer, and an
    /// intermediary forwards what was meant for one hop. Refused by
    /// default
    /// ([`MissingConnectionOption`](EncodeErrorKind::MissingConnectionOption));
    /// the decoder accepts such a message (an Upgrade is then no offer),
    /// and a tool that writes back what it accepted may keep it.
    pub missing_connection_option: bool,
    /// Write `Expect: 100-continue` on a request without content. A client
    /// must not (RFC 9110 section 10.1.1): refused by default
    /// ([`ContinueWithoutBody`](EncodeErrorKind::ContinueWithoutBody)); the
    /// decoder accepts it, and a tool that writes back what it accepted
    /// may keep it.
    pub continue_without_body: bool,
    /// Write a request whose Host is not the authority of its target: of
    /// an absolute-form target (`GET http://a.example/ HTTP/1.1` with
    /// `Host: b.example`), or a CONNECT's authority-form target, which is
    /// the authority itself (RFC 9112 section 3.3). A client must send
    /// that authority as Host, byte for byte (RFC 9112 section 3.2; for a
    /// CONNECT, its host alone is the same authority too, as in RFC 9110's
    /// own example, section 9.3.6: `CONNECT server.example.com:80` with
    /// `Host: server.example.com`), so anything else is refused by default
    /// ([`HostNotAuthority`](EncodeErrorKind::HostNotAuthority)); the
    /// decoder lets the target win and accepts the request, and a tool
    /// that writes back what it accepted may keep it. (A relay puts the
    /// target's authority in Host instead.)
    pub host_other_than_authority: bool,
    /// Write an HTTP/1.0 request without Host. A user agent must send
    /// Host whatever the version (RFC 9110 section 7.2), so it is refused
    /// by default ([`MissingHost`](EncodeErrorKind::MissingHost), as an
    /// HTTP/1.1 one always is); a server must accept it from an HTTP/1.0
    /// client (RFC 9112 section 3.2 asks Host of HTTP/1.1 requests only),
    /// and a tool that writes back what the decoder accepted may write it.
    pub http10_without_host: bool,
    /// Write a Transfer-Encoding with empty list elements
    /// (`gzip,,chunked`, `, chunked`, `chunked,`). A recipient ignores
    /// them, but a sender must not generate them (RFC 9110 section 5.6.1):
    /// refused by default
    /// ([`InvalidTransferEncoding`](EncodeErrorKind::InvalidTransferEncoding),
    /// at the comma that makes the empty element); a tool that writes back
    /// what the decoder accepted may keep them.
    pub empty_list_elements: bool,
    /// Write a request whose TE field lists the `chunked` coding. A client
    /// must not send it (RFC 9112 section 7.4: chunked is always acceptable
    /// to an HTTP/1.1 recipient), so it is refused by default
    /// ([`ChunkedInTe`](EncodeErrorKind::ChunkedInTe)); the decoder
    /// accepts it, and a tool that writes back what it accepted may keep
    /// it.
    pub chunked_in_te: bool,
    /// Write trailer fields that RFC 9110 section 6.5.1 keeps in the header
    /// section: controls and content negotiation, conditionals,
    /// authentication, response control data, fields about how to process
    /// the content, and the connection's own fields (see
    /// [`ForbiddenTrailer`](EncodeErrorKind::ForbiddenTrailer) for the
    /// list). A sender must not generate them as trailers, so they are
    /// refused by default; the decoder delivers them (a recipient may
    /// discard them), and a tool that writes back what it accepted may
    /// keep them. The fields that frame or route a message
    /// (Content-Length, Transfer-Encoding, Host) are refused as trailers
    /// whatever this says: the decoder refuses them too.
    pub header_fields_in_trailers: bool,
    /// Write a Connection field that lists Content-Length,
    /// Transfer-Encoding or Host. Those fields are meant for every
    /// recipient, which a sender must not name as connection options (RFC
    /// 9110 section 7.6.1); an intermediary that honours the option drops
    /// the field before forwarding, and a message without its framing is
    /// read as another message by the next hop (the hop-by-hop smuggling
    /// pattern). Refused by default
    /// ([`FramingConnectionOption`](EncodeErrorKind::FramingConnectionOption));
    /// the decoder frames such a message by its fields as ever, and a
    /// tool that writes back what it accepted may keep it.
    pub framing_connection_option: bool,
    /// Write content in a 205 (Reset Content) response or a TRACE request,
    /// which a sender must not generate (RFC 9110 sections 15.3.6 and
    /// 9.3.8): refused by default
    /// ([`ForbiddenContent`](EncodeErrorKind::ForbiddenContent)) for any
    /// framing but none or a Content-Length of 0. The decoder reads such
    /// content by its framing, and a tool that writes back what it
    /// accepted may keep it.
    pub forbidden_content: bool,
    /// Write each of the caller's field lines and trailers as
    /// `name:value`, without the SP after the colon (RFC 9112 section 5.1
    /// makes that whitespace optional; the decoder reads both alike).
    /// Not a permission but a form: a line is then never longer than any
    /// line the decoder reads as the same field, so a head or trailer
    /// section read at a size limit and written back stays within it
    /// (`examples/encode.rs` turns it on; [`verbatim`](Self::verbatim)
    /// leaves it as it is). The fields the encoder adds itself keep the
    /// SP.
    pub tight_fields: bool,
}

impl EncoderOptions {
    /// The strict sender: every option off (the same as `default()`).
    pub const STRICT: EncoderOptions = EncoderOptions {
        ignored_framing_fields: false,
        length_with_transfer_encoding: false,
        target_userinfo: false,
        target_fragment: false,
        switch_without_upgrade: false,
        missing_connection_option: false,
        continue_without_body: false,
        host_other_than_authority: false,
        http10_without_host: false,
        empty_list_elements: false,
        chunked_in_te: false,
        header_fields_in_trailers: false,
        framing_connection_option: false,
        forbidden_content: false,
        tight_fields: false,
    };

    /// Every permission on ([`tight_fields`](Self::tight_fields), a
    /// form, stays off): what a strict decoder accepted is written back as
    /// it was, which is what a round-trip tool or a test harness wants
    /// (`examples/encode.rs` uses it), but for what no option lets
    /// through: a folded field value (a response's, which the decoder
    /// reads; unfold it first, RFC 9112 section 5.2, as `examples/dump.rs`
    /// does), Transfer-Encoding in an HTTP/1.0 message (but on a 101 or a
    /// 2xx answering CONNECT, whose framing fields no recipient reads) or
    /// to an HTTP/1.0 client, and a 1xx to an HTTP/1.0 client. Not for a server or a relay: they
    /// keep the defaults, or turn on
    /// [`ignored_framing_fields`](Self::ignored_framing_fields) alone.
    ///
    /// ```
    /// use h1wire::{Answering, Body, Encoder, EncoderOptions, Field, StatusLine, Version};
    ///
    /// let line = StatusLine::new(Version::Http11, 200, "OK");
    /// let fields = [
    ///     Field::new("Transfer-Encoding", "chunked"),
    ///     Field::new("Content-Length", "5"),
    /// ];
    /// let mut buf = [0u8; 128];
    /// let strict = Encoder::server().response(&line, &fields, Body::AsFields, Answering::HTTP11, &mut buf);
    /// assert!(strict.is_err());
    /// let mut verbatim = Encoder::server().with_options(EncoderOptions::verbatim());
    /// assert!(verbatim.response(&line, &fields, Body::AsFields, Answering::HTTP11, &mut buf).is_ok());
    /// ```
    pub const fn verbatim() -> Self {
        EncoderOptions {
            ignored_framing_fields: true,
            length_with_transfer_encoding: true,
            target_userinfo: true,
            target_fragment: true,
            switch_without_upgrade: true,
            missing_connection_option: true,
            continue_without_body: true,
            host_other_than_authority: true,
            http10_without_host: true,
            empty_list_elements: true,
            chunked_in_te: true,
            header_fields_in_trailers: true,
            framing_connection_option: true,
            forbidden_content: true,
            tight_fields: false,
        }
    }
}

/// Which side of a connection an encoder writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Writes requests.
    Client,
    /// Writes responses.
    Server,
}

/// Where the writing side of the stream is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Writing {
    /// Ready for a head.
    Idle,
    /// A head was written; its message has no body. `upgrade`: the stream
    /// leaves HTTP/1 once the message ends.
    NoBody { upgrade: bool },
    /// In a Content-Length body.
    Length { remaining: u64 },
    /// In a chunked body.
    Chunked,
    /// In a body that runs to the end of the stream.
    UntilClose,
    /// After a message framed [`Framing::Upgrade`]: the stream left HTTP/1,
    /// unless the answer says the switch did not happen
    /// ([`Encoder::resume`]).
    Switched,
    /// After a body that ran to the end of the stream: nothing more may be
    /// written.
    Ended,
}

/// A sans-I/O HTTP/1 encoder over caller-owned memory: a server's writes
/// responses, a client's writes requests.
///
/// Every message is written in three steps:
///
/// 1. [`response`](Self::response) (or [`request`](Self::request)) writes
///    the head into the front of a buffer and says how many bytes it took
///    and how the body is framed.
/// 2. For each piece of body data, [`body`](Self::body) returns the
///    framing bytes to send around it; the data never passes through the
///    encoder.
/// 3. [`end`](Self::end) writes what ends the message (for a chunked body,
///    the last chunk and the trailer fields; for the others nothing) and
///    checks that the body was complete. Every message needs it, even one
///    without a body.
///
/// A call that fails writes nothing and leaves the encoder as it was. A
/// head that would not read back as the same message is refused, and so is
/// body data the framing does not allow: the bytes an encoder produces
/// always decode, by h1wire's strict decoder, to the message the caller
/// described, given limits that admit its size. (The encoder checks no
/// size: a head with a 20 KiB field line is written, and a decoder with
/// the default [`Limits`](crate::Limits) refuses it. Keep what you write
/// within what your peers read; most read heads of 8 KiB or more.)
///
/// ```
/// use h1wire::{Answering, Body, Encoder, Field, StatusLine, Version};
///
/// # fn main() -> Result<(), h1wire::EncodeError> {
/// let mut encoder = Encoder::server();
/// let mut out = [0u8; 256];
/// let status = StatusLine::new(Version::Http11, 200, "OK");
/// let fields = [Field::new("Content-Type", "text/plain")];
/// let head = encoder.response(&status, &fields, Body::Streamed, Answering::HTTP11, &mut out)?;
/// let mut wire = out[..head.len].to_vec();
/// for data in [&b"hello, "[..], b"world"] {
///     let frame = encoder.body(data.len())?;
///     // A vectored write of these three, in a real server.
///     wire.extend_from_slice(frame.before());
///     wire.extend_from_slice(data);
///     wire.extend_from_slice(frame.after());
/// }
/// let n = encoder.end(&[], &mut out)?;
/// wire.extend_from_slice(&out[..n]);
/// assert_eq!(
///     wire,
///     b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n\
///       7\r\nhello, \r\n5\r\nworld\r\n0\r\n\r\n"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Encoder {
    side: Side,
    state: Writing,
    options: EncoderOptions,
}

impl Encoder {
    /// An encoder for the server role: it writes responses.
    pub const fn server() -> Self {
        Encoder {
            side: Side::Server,
            state: Writing::Idle,
            options: EncoderOptions::STRICT,
        }
    }

    /// An encoder for the client role: it writes requests.
    pub const fn client() -> Self {
        Encoder {
            side: Side::Client,
            state: Writing::Idle,
            options: EncoderOptions::STRICT,
        }
    }

    /// The same encoder with `options` instead of the strict defaults.
    pub const fn with_options(mut self, options: EncoderOptions) -> Self {
        self.options = options;
        self
    }

    /// The options this encoder writes with.
    pub const fn options(&self) -> EncoderOptions {
        self.options
    }

    /// Write a request head into the front of `out` (client role).
    ///
    /// The head is the request line, `fields` in order (names' case kept,
    /// repeated names kept), and the framing field `body` asks for if the
    /// fields state none. Refused: a method that is not a token; a target
    /// that is empty, holds whitespace, a control byte, DEL or a byte above
    /// 0x7F, or whose form does not fit the method; a request without
    /// exactly one valid Host (an HTTP/1.0 one may go without, by
    /// [`EncoderOptions::http10_without_host`]); any field or framing the strict
    /// profile refuses (see [`EncodeErrorKind`]).
    pub fn request(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        out: &mut [u8],
    ) -> Result<WrittenHead, EncodeError> {
        self.head(
            Start::Request(line),
            fields,
            body,
            |_, _| b"",
            &mut SliceSink::new(out),
        )
    }

    /// Write a response head into the front of `out` (server role).
    ///
    /// The head is the status line, `fields` in order (names' case kept,
    /// repeated names kept), and the framing field `body` asks for if the
    /// fields state none; `answering` is the request it answers. Refused: a
    /// status outside 100-999; a reason with a control byte other than
    /// HTAB; a framing field on a 1xx or 204 response or a 2xx answering
    /// CONNECT; Transfer-Encoding to an HTTP/1.0 client; any field or
    /// framing the strict profile refuses (see [`EncodeErrorKind`]).
    pub fn response(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        answering: Answering,
        out: &mut [u8],
    ) -> Result<WrittenHead, EncodeError> {
        let start = Start::Response(line, answering);
        self.head(start, fields, body, |_, _| b"", &mut SliceSink::new(out))
    }

    /// The framing bytes for the next `len` bytes of body data (see
    /// [`BodyFrame`]). Refused: data beyond the Content-Length, and any
    /// data on a message without a body. Within a message, an empty piece
    /// is always fine (even on one without a body) and never becomes a
    /// chunk; between messages, any piece is
    /// [`NoMessage`](EncodeErrorKind::NoMessage) (after a message that
    /// ran to the end of the stream, or an upgrade,
    /// [`StreamEnded`](EncodeErrorKind::StreamEnded)).
    pub fn body(&mut self, len: usize) -> Result<BodyFrame, EncodeError> {
        let (frame, next) = self.frame_body(len)?;
        self.state = next;
        Ok(frame)
    }

    /// End the message: write into the front of `out` the last chunk and
    /// `trailers` for a chunked body (nothing for other framings) and
    /// return how many bytes were written. Refused: a Content-Length body
    /// that is not complete; trailers on a body that is not chunked, or a
    /// trailer that frames or routes the message (Content-Length,
    /// Transfer-Encoding, Host) or that belongs in the header section
    /// (Content-Type, Cache-Control, Set-Cookie, ...: see
    /// [`ForbiddenTrailer`](EncodeErrorKind::ForbiddenTrailer)).
    ///
    /// After a message framed [`Framing::Close`] or [`Framing::Upgrade`],
    /// nothing more can be written: close the connection, or hand it to
    /// the new protocol.
    pub fn end(&mut self, trailers: &[Field<'_>], out: &mut [u8]) -> Result<usize, EncodeError> {
        self.end_into_sink(trailers, &mut SliceSink::new(out))
    }

    /// Body bytes still due in a Content-Length body (`None` for any other
    /// framing, or between messages).
    pub fn remaining(&self) -> Option<u64> {
        match self.state {
            Writing::Length { remaining } => Some(remaining),
            _ => None,
        }
    }

    /// True between messages: the next call writes a head.
    pub fn is_idle(&self) -> bool {
        self.state == Writing::Idle
    }

    /// True once nothing more can be written on this stream (after a
    /// message that ran to the end of the stream, or an upgrade).
    pub fn is_ended(&self) -> bool {
        matches!(self.state, Writing::Ended | Writing::Switched)
    }

    /// Go on writing HTTP/1 after a message framed [`Framing::Upgrade`]
    /// whose switch did not happen: a CONNECT answered 407 (or any status
    /// but 2xx), after which the client may send another request on the
    /// same connection. [`client::Connection`](crate::client::Connection)
    /// calls it when the answer decides; a caller of a bare encoder calls
    /// it itself, as with [`Decoder::resume`](crate::Decoder::resume). Does
    /// nothing anywhere else: after a body that ran to the end of the
    /// stream nothing can follow, and a server's 101 or 2xx to CONNECT
    /// always switches.
    ///
    /// ```
    /// use h1wire::{Body, Encoder, Field, Framing, RequestLine, Version};
    ///
    /// # fn main() -> Result<(), h1wire::EncodeError> {
    /// let mut encoder = Encoder::client();
    /// let mut out = Vec::new();
    /// let connect = RequestLine::new("CONNECT", "a.example:443", Version::Http11);
    /// let host = [Field::new("Host", "a.example:443")];
    /// let head = encoder.request_into(&connect, &host, Body::Empty, &mut out)?;
    /// assert_eq!(head.framing, Framing::Upgrade);
    /// encoder.end_into(&[], &mut out)?;
    /// assert!(encoder.is_ended());
    /// // The proxy answered 407 Proxy Authentication Required: try again.
    /// encoder.resume();
    /// let auth = [host[0], Field::new("Proxy-Authorization", "Basic YTpi")];
    /// encoder.request_into(&connect, &auth, Body::Empty, &mut out)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn resume(&mut self) {
        if self.state == Writing::Switched && self.side == Side::Client {
            self.state = Writing::Idle;
        }
    }

    /// Write a head; `extra` gives, from the framing decided and what the
    /// fields say about the connection (read once, for the encoder's checks
    /// and the connection alike: the Connection options, Upgrade, TE and
    /// Expect; the framing fields are read apart, so the options' framing
    /// bits stay unset, but for a CONNECT's Content-Length), a whole field
    /// line (CRLF included) that the
    /// connection adds after the caller's fields, or empty. It is called
    /// once, after every check, before anything is written.
    pub(crate) fn head<S: Sink>(
        &mut self,
        start: Start<'_>,
        fields: &[Field<'_>],
        body: Body,
        extra: impl FnOnce(Framing, &HeadOptions) -> &'static [u8],
        sink: &mut S,
    ) -> Result<WrittenHead, EncodeError> {
        let side = match start {
            Start::Request(_) => Side::Client,
            Start::Response(..) => Side::Server,
        };
        if side != self.side {
            return Err(EncodeError::new(EncodeErrorKind::WrongRole));
        }
        match self.state {
            Writing::Idle => {}
            Writing::Ended | Writing::Switched => {
                return Err(EncodeError::new(EncodeErrorKind::StreamEnded))
            }
            _ => return Err(EncodeError::new(EncodeErrorKind::MessageInProgress)),
        }
        let plan = head::plan(start, fields, body, self.options, extra)?;
        if !sink.has_room(plan.len) {
            return Err(EncodeError::buffer_too_small(plan.len));
        }
        if S::GATHERS && plan.len <= GATHERED_HEAD {
            // One `put_slice` of the whole head instead of one per part.
            let mut gathered = [0u8; GATHERED_HEAD];
            head::write(start, fields, &plan, &mut SliceSink::new(&mut gathered));
            sink.put(gathered.get(..plan.len).unwrap_or_default());
        } else {
            head::write(start, fields, &plan, sink);
        }
        self.state = match plan.framing {
            Framing::None => Writing::NoBody { upgrade: false },
            Framing::Upgrade => Writing::NoBody { upgrade: true },
            Framing::Length(remaining) => Writing::Length { remaining },
            Framing::Chunked => Writing::Chunked,
            Framing::Close => Writing::UntilClose,
        };
        Ok(WrittenHead {
            len: plan.len,
            framing: plan.framing,
        })
    }

    /// The frame for `len` bytes of body data and the state after them,
    /// without moving to it.
    pub(crate) fn frame_body(&self, len: usize) -> Result<(BodyFrame, Writing), EncodeError> {
        let refuse = |kind| Err(EncodeError::new(kind));
        match self.state {
            Writing::Idle => refuse(EncodeErrorKind::NoMessage),
            Writing::Ended | Writing::Switched => refuse(EncodeErrorKind::StreamEnded),
            state if len == 0 => Ok((BodyFrame::NONE, state)),
            Writing::NoBody { .. } => refuse(EncodeErrorKind::BodyNotAllowed),
            Writing::Length { remaining } => match remaining.checked_sub(len as u64) {
                Some(remaining) => Ok((BodyFrame::NONE, Writing::Length { remaining })),
                // The first byte too many is at `remaining` in this piece.
                None => Err(EncodeError::new(EncodeErrorKind::BodyTooLong)
                    .at_byte(usize::try_from(remaining).unwrap_or(usize::MAX))),
            },
            Writing::Chunked => {
                let frame = BodyFrame {
                    line: Some(HexLine::new(len as u64)),
                };
                Ok((frame, Writing::Chunked))
            }
            Writing::UntilClose => Ok((BodyFrame::NONE, Writing::UntilClose)),
        }
    }

    pub(crate) fn end_into_sink(
        &mut self,
        trailers: &[Field<'_>],
        sink: &mut impl Sink,
    ) -> Result<usize, EncodeError> {
        let refuse = |kind| Err(EncodeError::new(kind));
        let (written, next) = match self.state {
            Writing::Idle => return refuse(EncodeErrorKind::NoMessage),
            Writing::Ended | Writing::Switched => return refuse(EncodeErrorKind::StreamEnded),
            Writing::Chunked => {
                let len = trailer_section_len(trailers, self.options)?;
                if !sink.has_room(len) {
                    return Err(EncodeError::buffer_too_small(len));
                }
                sink.put(b"0\r\n");
                head::write_fields(trailers, self.options.tight_fields, sink);
                sink.put(b"\r\n");
                (len, Writing::Idle)
            }
            _ if !trailers.is_empty() => return refuse(EncodeErrorKind::TrailersNotAllowed),
            Writing::Length { remaining } if remaining > 0 => {
                return refuse(EncodeErrorKind::BodyTooShort)
            }
            Writing::Length { .. } | Writing::NoBody { upgrade: false } => (0, Writing::Idle),
            Writing::NoBody { upgrade: true } => (0, Writing::Switched),
            Writing::UntilClose => (0, Writing::Ended),
        };
        self.state = next;
        Ok(written)
    }
}

/// The length of the last chunk, `trailers` and the empty line, once each
/// trailer passed the field checks and is none that frames or routes.
fn trailer_section_len(
    trailers: &[Field<'_>],
    options: EncoderOptions,
) -> Result<usize, EncodeError> {
    // (In u64, as a head's length: see `head::wide`.)
    let mut len: u64 = 3 + 2;
    for (index, field) in trailers.iter().enumerate() {
        head::check_field(field).map_err(|e| e.in_field(index))?;
        if head::forbidden_trailer(field.name, options.header_fields_in_trailers) {
            return Err(EncodeError::new(EncodeErrorKind::ForbiddenTrailer).in_field(index));
        }
        len += head::wide(field.name.len()) + head::wide(field.value.len()) + 4;
    }
    if options.tight_fields {
        // No SP after the colons, as for a head's fields.
        len -= head::wide(trailers.len());
    }
    Ok(usize::try_from(len).unwrap_or(usize::MAX))
}

/// Writing into any [`bytes::BufMut`] (a `Vec<u8>`, a `BytesMut`): the
/// same calls, appending instead of filling a slice, and a body call that
/// copies the data too.
#[cfg(feature = "bytes")]
impl Encoder {
    /// [`request`](Self::request), appending to `out`.
    pub fn request_into<B: bytes::BufMut>(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        out: &mut B,
    ) -> Result<WrittenHead, EncodeError> {
        self.head(
            Start::Request(line),
            fields,
            body,
            |_, _| b"",
            &mut sink::BufSink(out),
        )
    }

    /// [`response`](Self::response), appending to `out`.
    pub fn response_into<B: bytes::BufMut>(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        answering: Answering,
        out: &mut B,
    ) -> Result<WrittenHead, EncodeError> {
        let start = Start::Response(line, answering);
        self.head(start, fields, body, |_, _| b"", &mut sink::BufSink(out))
    }

    /// Append `data` to `out` with its framing: [`body`](Self::body) and a
    /// copy, for callers that build the whole message in one buffer.
    pub fn body_into<B: bytes::BufMut>(
        &mut self,
        data: &[u8],
        out: &mut B,
    ) -> Result<(), EncodeError> {
        let (frame, next) = self.frame_body(data.len())?;
        let len = frame.len() + data.len();
        let mut sink = sink::BufSink(out);
        if !sink.has_room(len) {
            return Err(EncodeError::buffer_too_small(len));
        }
        sink.put(frame.before());
        sink.put(data);
        sink.put(frame.after());
        self.state = next;
        Ok(())
    }

    /// [`end`](Self::end), appending to `out`.
    pub fn end_into<B: bytes::BufMut>(
        &mut self,
        trailers: &[Field<'_>],
        out: &mut B,
    ) -> Result<usize, EncodeError> {
        self.end_into_sink(trailers, &mut sink::BufSink(out))
    }
}

#[cfg(test)]
mod tests;
