//! What the decoder reports: plain data borrowing the caller's input.

/// One decoded piece of a message. Every slice borrows the input of the
/// [`Decoder::decode`](crate::Decoder::decode) call that returned it.
///
/// A message is always `Request` (server role) or `Response` (client
/// role), any number of `Header`, `HeadEnd`, any number of `Body`, any
/// number of `Trailer` (chunked bodies only), then `MessageEnd`. Start
/// lines, fields and the head end come whole; only body data may be cut
/// into pieces, wherever the input was cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The request line (server role).
    Request(RequestLine<'a>),
    /// The status line (client role). A 1xx other than 101 is a message of
    /// its own, without a body; the final response follows it.
    Response(StatusLine<'a>),
    /// One field of the head, in the order received.
    Header(Field<'a>),
    /// The head is complete; the body is framed as [`HeadEnd::framing`] says.
    /// In this event API every message ends with [`MessageEnd`](Self::MessageEnd),
    /// a bodyless one too ([`Framing::None`]: it follows at once): a loop
    /// that stops at `HeadEnd` reads it first on its next call. (The
    /// at-once [`Decoder::decode_head`](crate::Decoder::decode_head) differs:
    /// a bodyless head is the whole message there.)
    HeadEnd(HeadEnd),
    /// A piece of the body, with any chunked framing removed. Never empty.
    Body(&'a [u8]),
    /// One field of the trailer section of a chunked body.
    Trailer(Field<'a>),
    /// The message is complete. The next message, if any, starts right after it.
    MessageEnd,
}

/// `method SP request-target SP HTTP-version`.
///
/// Its `Debug` shows the byte strings as text, escaped where they are not
/// printable ASCII (as [`Field`]'s and [`StatusLine`]'s).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RequestLine<'a> {
    /// The method, a token (case-sensitive: `GET` is not `get`).
    pub method: &'a [u8],
    /// The request-target exactly as sent: origin-form (`/path?q`),
    /// absolute-form (`http://host/path`), authority-form (`host:port`, for
    /// CONNECT) or asterisk-form (`*`). Never empty; never holds whitespace,
    /// control bytes or DEL.
    pub target: &'a [u8],
    /// The protocol version.
    pub version: Version,
}

impl<'a> RequestLine<'a> {
    /// A request line from its parts (method and target given as text).
    pub const fn new(method: &'a str, target: &'a str, version: Version) -> Self {
        RequestLine {
            method: method.as_bytes(),
            target: target.as_bytes(),
            version,
        }
    }

    /// What the method means for the framing of the response.
    pub fn method_kind(&self) -> MethodKind {
        MethodKind::of(self.method)
    }

    /// The form of the target (RFC 9112 section 3.2): which of origin,
    /// absolute, authority and asterisk form it is. Always `Some` for a
    /// request line the decoder delivered, whose form it checked against
    /// the method; `None` for a target that is none of the four.
    ///
    /// ```
    /// use h1wire::{RequestLine, TargetForm, Version};
    ///
    /// let proxied = RequestLine::new("GET", "http://example.com/a", Version::Http11);
    /// assert_eq!(proxied.form(), Some(TargetForm::Absolute));
    /// let tunnel = RequestLine::new("CONNECT", "example.com:443", Version::Http11);
    /// assert_eq!(tunnel.form(), Some(TargetForm::Authority));
    /// ```
    pub fn form(&self) -> Option<TargetForm> {
        crate::head::target::target_form(self.target)
    }

    /// The authority the target itself names, which routes the request
    /// whatever the Host field says (RFC 9112 section 3.2.2: a server
    /// ignores Host then, and a proxy replaces it): an absolute-form
    /// target's authority without userinfo (the Host a client sends with
    /// it), or a CONNECT's authority-form target. `None` for origin and
    /// asterisk form, where Host names it.
    ///
    /// The decoder accepts an absolute-form target beside a Host that names
    /// another authority, as the RFC asks; a caller that routes by Host
    /// alone would go where the request does not.
    ///
    /// ```
    /// use h1wire::{RequestLine, Version};
    ///
    /// let proxied = RequestLine::new("GET", "http://u@a.example:8080/x", Version::Http11);
    /// assert_eq!(proxied.authority(), Some(&b"a.example:8080"[..]));
    /// let tunnel = RequestLine::new("CONNECT", "a.example:443", Version::Http11);
    /// assert_eq!(tunnel.authority(), Some(&b"a.example:443"[..]));
    /// let plain = RequestLine::new("GET", "/x", Version::Http11);
    /// assert_eq!(plain.authority(), None);
    /// ```
    pub fn authority(&self) -> Option<&'a [u8]> {
        match self.form()? {
            TargetForm::Absolute => crate::head::target::authority_host(self.target),
            TargetForm::Authority => Some(self.target),
            TargetForm::Origin | TargetForm::Asterisk => None,
        }
    }
}

/// The form of a request-target (RFC 9112 section 3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetForm {
    /// `/path?query`: the usual form, for a request to an origin server.
    Origin,
    /// `scheme://authority/path?query`: for a request to a proxy.
    Absolute,
    /// `host:port`: for CONNECT, and only CONNECT.
    Authority,
    /// `*`: for a server-wide OPTIONS (RFC 9112 section 3.2.4), and
    /// accepted with any other method but CONNECT (SSDP sends
    /// `M-SEARCH *`).
    Asterisk,
}

/// `HTTP-version SP status-code SP reason-phrase`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct StatusLine<'a> {
    /// The protocol version.
    pub version: Version,
    /// The status code, three digits (100-999 when written by h1wire).
    pub status: u16,
    /// The reason phrase exactly as sent: possibly empty, never holding CR,
    /// LF or another control byte but HTAB.
    pub reason: &'a [u8],
}

impl<'a> StatusLine<'a> {
    /// A status line from its parts (the reason given as text).
    pub const fn new(version: Version, status: u16, reason: &'a str) -> Self {
        StatusLine {
            version,
            status,
            reason: reason.as_bytes(),
        }
    }
}

impl StatusLine<'static> {
    /// A status line with the status's registered reason phrase
    /// ([`canonical_reason`](Self::canonical_reason)): what a server
    /// answering an [`Error`](crate::Error) with its
    /// [`status_hint`](crate::Error::status_hint) writes.
    ///
    /// ```
    /// use h1wire::{StatusLine, Version};
    ///
    /// let line = StatusLine::canonical(Version::Http11, 431);
    /// assert_eq!(line.reason, b"Request Header Fields Too Large");
    /// ```
    pub const fn canonical(version: Version, status: u16) -> Self {
        StatusLine::new(version, status, Self::canonical_reason(status))
    }

    /// The reason phrase registered for `status` (RFC 9110 section 15,
    /// and 103, 428, 429, 431, 451 and 511 from the RFCs that define
    /// them); empty for any other status (a reason may be empty, RFC 9112
    /// section 4: clients ignore it).
    pub const fn canonical_reason(status: u16) -> &'static str {
        match status {
            100 => "Continue",
            101 => "Switching Protocols",
            103 => "Early Hints",
            200 => "OK",
            201 => "Created",
            202 => "Accepted",
            203 => "Non-Authoritative Information",
            204 => "No Content",
            205 => "Reset Content",
            206 => "Partial Content",
            300 => "Multiple Choices",
            301 => "Moved Permanently",
            302 => "Found",
            303 => "See Other",
            304 => "Not Modified",
            305 => "Use Proxy",
            307 => "Temporary Redirect",
            308 => "Permanent Redirect",
            400 => "Bad Request",
            401 => "Unauthorized",
            402 => "Payment Required",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            406 => "Not Acceptable",
            407 => "Proxy Authentication Required",
            408 => "Request Timeout",
            409 => "Conflict",
            410 => "Gone",
            411 => "Length Required",
            412 => "Precondition Failed",
            413 => "Content Too Large",
            414 => "URI Too Long",
            415 => "Unsupported Media Type",
            416 => "Range Not Satisfiable",
            417 => "Expectation Failed",
            421 => "Misdirected Request",
            422 => "Unprocessable Content",
            426 => "Upgrade Required",
            428 => "Precondition Required",
            429 => "Too Many Requests",
            431 => "Request Header Fields Too Large",
            451 => "Unavailable For Legal Reasons",
            500 => "Internal Server Error",
            501 => "Not Implemented",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            505 => "HTTP Version Not Supported",
            511 => "Network Authentication Required",
            _ => "",
        }
    }
}

/// A request method, as far as the framing of the response to it cares
/// (RFC 9112 section 6.3): a response to HEAD has no body, and a 2xx
/// response to CONNECT turns the connection into a tunnel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MethodKind {
    /// `HEAD`.
    Head,
    /// `CONNECT`.
    Connect,
    /// Any other method.
    #[default]
    Other,
}

impl MethodKind {
    /// The kind of `method` (methods are case-sensitive: `head` is not `HEAD`).
    pub fn of(method: &[u8]) -> Self {
        match method {
            b"HEAD" => MethodKind::Head,
            b"CONNECT" => MethodKind::Connect,
            _ => MethodKind::Other,
        }
    }
}

/// An HTTP/1 protocol version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    /// `HTTP/1.0`
    Http10,
    /// `HTTP/1.1`
    Http11,
}

impl Version {
    /// `"HTTP/1.0"` or `"HTTP/1.1"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Version::Http10 => "HTTP/1.0",
            Version::Http11 => "HTTP/1.1",
        }
    }
}

/// The first line of a message (RFC 9112 section 2.1): a request line or
/// a status line, as [`Decoder::decode_head`](crate::Decoder::decode_head)
/// reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartLine<'a> {
    /// A request line (server role).
    Request(RequestLine<'a>),
    /// A status line (client role).
    Response(StatusLine<'a>),
}

/// A header or trailer field: `name: value`.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field name as sent (case kept), a token.
    pub name: &'a [u8],
    /// The field value without leading and trailing whitespace. It holds
    /// visible ASCII, SP, HTAB and bytes 0x80-0xFF; CR and LF only when the
    /// field is [folded](Self::is_folded) (obs-fold: in responses, or in
    /// requests with [`Lenient::obs_fold`](crate::Lenient::obs_fold)).
    pub value: &'a [u8],
}

impl Field<'static> {
    /// An empty name and value: what to fill a field array with before
    /// [`Decoder::decode_head`](crate::Decoder::decode_head) writes into it
    /// (`[Field::EMPTY; 64]`).
    pub const EMPTY: Field<'static> = Field {
        name: b"",
        value: b"",
    };
}

impl<'a> Field<'a> {
    /// A field from its name and value given as text.
    pub const fn new(name: &'a str, value: &'a str) -> Self {
        Field {
            name: name.as_bytes(),
            value: value.as_bytes(),
        }
    }

    /// Whether a field of this name may be sent as a trailer: not one that
    /// frames or routes the message (Content-Length, Transfer-Encoding,
    /// Host) nor one RFC 9110 section 6.5.1 keeps in the header section
    /// (see [`ForbiddenTrailer`](crate::EncodeErrorKind::ForbiddenTrailer)),
    /// which the encoders refuse in trailers by default. The decoder
    /// delivers such trailers all the same (a recipient may discard
    /// them): a relay filters what it forwards with this.
    ///
    /// ```
    /// use h1wire::Field;
    ///
    /// assert!(Field::new("Server-Timing", "db;dur=53").may_be_trailer());
    /// assert!(!Field::new("content-type", "text/plain").may_be_trailer());
    /// assert!(!Field::new("Content-Length", "5").may_be_trailer());
    /// ```
    pub fn may_be_trailer(&self) -> bool {
        !crate::encode::head::forbidden_trailer(self.name, false)
    }

    /// True when the value spans several lines joined by obs-fold (in a
    /// response, or in a request with
    /// [`Lenient::obs_fold`](crate::Lenient::obs_fold)): the value then
    /// holds the raw line breaks, and is read as its
    /// [`value_pieces`](Self::value_pieces) joined by single spaces
    /// (RFC 9112 section 5.2).
    ///
    /// A scan of the value: a decoder that does not allow obs-fold never
    /// delivers a folded field.
    pub fn is_folded(&self) -> bool {
        memchr::memchr2(b'\r', b'\n', self.value).is_some()
    }

    /// The value as RFC 9112 section 5.2 reads it: the pieces between
    /// folds, each trimmed of whitespace, to be joined by one SP each.
    /// An unfolded value is one piece (none if it is empty).
    ///
    /// Each obs-fold (`OWS CRLF RWS`) reads as one SP, so a continuation
    /// line of whitespace alone is two folds: an empty piece between two
    /// SPs (`a\r\n \r\n b` reads `a  b`). A fold at either end of the
    /// value is whitespace around it, which a field value never keeps.
    ///
    /// ```
    /// let field = h1wire::Field::new("X", "a \r\n\tb\r\n \r\n c");
    /// let pieces: Vec<&[u8]> = field.value_pieces().collect();
    /// assert_eq!(pieces, [&b"a"[..], b"b", b"", b"c"]);
    /// ```
    pub fn value_pieces(&self) -> impl Iterator<Item = &'a [u8]> {
        use crate::syntax::chars::{is_whitespace, trim_by};
        let line_space = |b: u8| is_whitespace(b) || b == b'\r' || b == b'\n';
        let value = trim_by(self.value, line_space);
        // (`split` yields one empty piece for an empty value.)
        let lines = (!value.is_empty()).then(|| value.split(|&b| b == b'\n'));
        // A line break is CRLF, or a bare LF where the decoder allows it:
        // the CR is trimmed with the whitespace before it.
        lines
            .into_iter()
            .flatten()
            .map(move |line| trim_by(line, line_space))
    }

    /// True when the name equals `name`, ignoring ASCII case.
    pub fn name_is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name.as_bytes())
    }
}

/// The end of a head and what it says about the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeadEnd {
    /// How the body is framed (RFC 9112 section 6.3).
    pub framing: Framing,
}

/// How a message body is delimited (RFC 9112 section 6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Framing {
    /// No body: [`Event::MessageEnd`] follows at once.
    None,
    /// Exactly this many bytes of body (from Content-Length).
    Length(u64),
    /// A chunked body, possibly with trailers.
    Chunked,
    /// The body runs until the peer closes the connection (responses only);
    /// [`Decoder::finish`](crate::Decoder::finish) ends it.
    Close,
    /// The connection leaves HTTP/1 after this head (a CONNECT request, a
    /// 101 response, a 2xx response to CONNECT): `MessageEnd` follows at
    /// once, and every byte after the head belongs to the new protocol.
    Upgrade,
}

impl Framing {
    /// `"none"`, `"length"`, `"chunked"`, `"close"` or `"upgrade"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Framing::None => "none",
            Framing::Length(_) => "length",
            Framing::Chunked => "chunked",
            Framing::Close => "close",
            Framing::Upgrade => "upgrade",
        }
    }
}

/// A byte string in `Debug` output: `"text"`, each byte that is not
/// printable ASCII escaped (`\r`, `\x80`), as `b"..."` literals read.
struct Bytes<'a>(&'a [u8]);

impl core::fmt::Debug for Bytes<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "\"{}\"", self.0.escape_ascii())
    }
}

impl core::fmt::Debug for RequestLine<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RequestLine")
            .field("method", &Bytes(self.method))
            .field("target", &Bytes(self.target))
            .field("version", &self.version)
            .finish()
    }
}

impl core::fmt::Debug for StatusLine<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StatusLine")
            .field("version", &self.version)
            .field("status", &self.status)
            .field("reason", &Bytes(self.reason))
            .finish()
    }
}

impl core::fmt::Debug for Field<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Field")
            .field("name", &Bytes(self.name))
            .field("value", &Bytes(self.value))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolded_value_is_one_piece() {
        let f = Field {
            name: b"A",
            value: b"x  y",
        };
        assert!(!f.is_folded());
        let pieces: [&[u8]; 1] = [b"x  y"];
        assert!(f.value_pieces().eq(pieces.iter().copied()));
    }

    #[test]
    fn folded_value_splits_at_line_breaks() {
        let f = Field {
            name: b"A",
            value: b"abc \r\n\tdef\r\n \r\n ghi",
        };
        // The line of one SP is two folds, each one SP: `def  ghi`.
        let pieces: [&[u8]; 4] = [b"abc", b"def", b"", b"ghi"];
        assert!(f.value_pieces().eq(pieces.iter().copied()));
        assert!(f.is_folded());
        assert!(f.name_is("a"));
    }

    /// Folds at the ends of a value are its leading and trailing
    /// whitespace; a bare LF (`Lenient::bare_lf`) breaks a line as CRLF does.
    #[test]
    fn folds_at_the_ends_are_trimmed_and_bare_lf_breaks_lines() {
        let reads = |value: &'static [u8], pieces: &[&[u8]]| {
            let field = Field { name: b"A", value };
            field.value_pieces().eq(pieces.iter().copied())
        };
        assert!(reads(b"\r\n x\r\n \r\n", &[b"x"]));
        assert!(reads(b"x\n y\n\t\n z", &[b"x", b"y", b"", b"z"]));
        assert!(reads(b"", &[]));
        assert!(reads(b"\r\n \r\n ", &[]));
        assert!(!reads(b"x\r\n \r\n y", &[b"x", b"y"]));
    }

    /// `Debug` shows byte strings as escaped text, not lists of numbers.
    #[test]
    fn debug_shows_bytes_as_text() {
        let field = Field {
            name: b"X-Odd",
            value: b"a\r\n b\x80\"",
        };
        assert_eq!(
            std::format!("{field:?}"),
            r#"Field { name: "X-Odd", value: "a\r\n b\x80\"" }"#
        );
        let line = RequestLine::new("GET", "/a?b", Version::Http11);
        assert_eq!(
            std::format!("{line:?}"),
            r#"RequestLine { method: "GET", target: "/a?b", version: Http11 }"#
        );
        let status = StatusLine::new(Version::Http10, 200, "OK");
        assert_eq!(
            std::format!("{status:?}"),
            r#"StatusLine { version: Http10, status: 200, reason: "OK" }"#
        );
    }
}
