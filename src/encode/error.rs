//! What the caller asked an encoder for that it will not write.

use core::fmt;

use crate::ErrorKind;

/// The caller asked for something the encoder will not write: a head that
/// would not read back as the same message (or would read as two), a body
/// that does not fit its framing, a call out of order, or a buffer too
/// small for what is to be written.
///
/// Nothing was written when an encoder returns it, and the encoder is in
/// the state it was in before the call: fix the request and call again.
/// (A peer breaking HTTP is the decoder's [`Error`](crate::Error), a
/// different type.)
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EncodeError {
    kind: EncodeErrorKind,
    field: Option<usize>,
    byte: Option<usize>,
    required: usize,
}

impl EncodeError {
    pub(crate) const fn new(kind: EncodeErrorKind) -> Self {
        EncodeError {
            kind,
            field: None,
            byte: None,
            required: 0,
        }
    }

    /// The error is about field `index` of the slice the call was given
    /// (header fields, or trailer fields for [`Encoder::end`](crate::Encoder::end)).
    pub(crate) const fn in_field(mut self, index: usize) -> Self {
        self.field = Some(index);
        self
    }

    /// The offending byte is at `index` in the element the kind names.
    pub(crate) const fn at_byte(mut self, index: usize) -> Self {
        self.byte = Some(index);
        self
    }

    pub(crate) const fn buffer_too_small(required: usize) -> Self {
        EncodeError {
            required,
            ..EncodeError::new(EncodeErrorKind::BufferTooSmall)
        }
    }

    /// What was refused.
    pub const fn kind(&self) -> EncodeErrorKind {
        self.kind
    }

    /// The index of the offending field in the slice of fields (or
    /// trailers) the call was given, when the error is about one of them
    /// (`None` when it is about the start line, the body, or the framing
    /// field the encoder was asked to add).
    pub const fn field(&self) -> Option<usize> {
        self.field
    }

    /// The index of the offending byte in the element the kind names (the
    /// method, the target, the reason, a field's name or value), when one
    /// byte is to blame; for an element that is empty but must not be (a
    /// method, a target, a field name), 0, where its first byte was due.
    pub const fn byte(&self) -> Option<usize> {
        self.byte
    }

    /// For [`EncodeErrorKind::BufferTooSmall`]: the size the output buffer
    /// needs for this call to succeed (for the `_into` calls, the room
    /// the `BufMut` must have left: its `remaining_mut()`); `usize::MAX`
    /// for a head no buffer can hold.
    pub const fn required(&self) -> Option<usize> {
        match self.kind {
            EncodeErrorKind::BufferTooSmall => Some(self.required),
            _ => None,
        }
    }
}

impl fmt::Debug for EncodeError {
    /// The accessors' values (`required` is `None` but for a buffer too
    /// small).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncodeError")
            .field("kind", &self.kind)
            .field("field", &self.field)
            .field("byte", &self.byte)
            .field("required", &self.required())
            .finish()
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        if let Some(field) = self.field {
            write!(f, " in field {field}")?;
        }
        if let Some(byte) = self.byte {
            write!(f, " at byte {byte}")?;
        }
        if let Some(required) = self.required() {
            write!(f, ": {required} bytes needed")?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for EncodeError {}

/// A refused write as an I/O error
/// ([`InvalidInput`](std::io::ErrorKind::InvalidInput)), for `?` in code
/// that returns `io::Result`; the [`EncodeError`] is its source.
#[cfg(feature = "std")]
impl From<EncodeError> for std::io::Error {
    fn from(error: EncodeError) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, error)
    }
}

/// The kinds of [`EncodeError`], each with a stable short name
/// ([`as_str`](Self::as_str)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodeErrorKind {
    /// The output buffer is too small; [`EncodeError::required`] says how
    /// large it must be. Nothing was written.
    BufferTooSmall,
    /// The method is empty or not a token.
    InvalidMethod,
    /// The request-target is empty or holds whitespace, a control byte,
    /// DEL or a byte above 0x7F, or is none of the four forms (an
    /// absolute-form target whose authority breaks Host's rules or that
    /// carries a fragment among them): what the decoder would refuse.
    InvalidTarget,
    /// An `http` or `https` target with userinfo (`user@host`), which a
    /// sender must not write (RFC 9110 section 4.2.4); see
    /// [`EncoderOptions::target_userinfo`](crate::EncoderOptions::target_userinfo).
    TargetUserinfo,
    /// An origin-form target with a fragment (`/a#b`), which a client does
    /// not send (RFC 9112 section 3.2.1); see
    /// [`EncoderOptions::target_fragment`](crate::EncoderOptions::target_fragment).
    TargetFragment,
    /// The request-target's form does not fit the method: CONNECT takes
    /// `host:port` and only CONNECT does (RFC 9112 section 3.2).
    TargetFormMismatch,
    /// A status code outside 100-999.
    InvalidStatus,
    /// The reason phrase holds a control byte other than HTAB, or DEL.
    InvalidReason,
    /// A field name is empty or not a token.
    InvalidFieldName,
    /// A field value holds a control byte other than HTAB (CR, LF and NUL
    /// among them) or DEL, or starts or ends with whitespace.
    InvalidFieldValue,
    /// A Content-Length value that is not 1*DIGIT fitting in 64 bits.
    InvalidContentLength,
    /// More than one Content-Length value (a list, or a second field).
    DuplicateContentLength,
    /// Content-Length and Transfer-Encoding in one message.
    ContentLengthWithTransferEncoding,
    /// Transfer-Encoding in an HTTP/1.0 message.
    TransferEncodingInHttp10,
    /// Transfer-Encoding in a response to an HTTP/1.0 request (RFC 9112
    /// section 6.1: the recipient may not understand it).
    TransferEncodingToHttp10,
    /// A Transfer-Encoding value that is not a list of codings (or, in a
    /// request, a coding with parameters), or one with an empty list
    /// element (`gzip,,chunked`, `chunked,`), which a sender "MUST NOT
    /// generate" (RFC 9110 section 5.6.1; see
    /// [`EncoderOptions::empty_list_elements`](crate::EncoderOptions::empty_list_elements)).
    InvalidTransferEncoding,
    /// A request's transfer coding that is not a registered one.
    UnknownTransferCoding,
    /// A request's transfer codings do not end in `chunked`.
    ChunkedNotFinal,
    /// `chunked` more than once.
    ChunkedTwice,
    /// A framing field (Content-Length, Transfer-Encoding) on a message
    /// that may not carry one: a 1xx or 204 response, a 2xx response to
    /// CONNECT, a CONNECT request (RFC 9110 sections 8.6, 9.3.6; RFC 9112
    /// section 6.1). A relay may keep them with
    /// [`EncoderOptions::ignored_framing_fields`](crate::EncoderOptions::ignored_framing_fields),
    /// except a Transfer-Encoding on a CONNECT request, which the decoder
    /// refuses too.
    FramingFieldNotAllowed,
    /// The [`Body`](crate::Body) asked for disagrees with the framing the
    /// fields state (a Content-Length of another size, say).
    FramingConflict,
    /// A request body of unknown length in HTTP/1.0, or a request asked to
    /// run to the end of the stream: a request body needs a length or
    /// chunked framing.
    UnframedRequestBody,
    /// A request without a Host field: an HTTP/1.1 one always, an
    /// HTTP/1.0 one unless
    /// [`EncoderOptions::http10_without_host`](crate::EncoderOptions::http10_without_host)
    /// (a user agent sends Host whatever the version, RFC 9110 section
    /// 7.2).
    MissingHost,
    /// A request with more than one Host field.
    DuplicateHost,
    /// A Host value that is not `uri-host [":" port]`.
    InvalidHost,
    /// A Host value other than the authority of the target (an
    /// absolute-form target's without its userinfo, or a CONNECT's
    /// authority-form target itself, or its host without the port), byte
    /// for byte: a client "MUST send" that very value (RFC 9112 section
    /// 3.2), or a recipient routing by Host and one routing by the target
    /// send the request to two places. The byte index is the first that
    /// differs, none when the Host is the authority cut short. See
    /// [`EncoderOptions::host_other_than_authority`](crate::EncoderOptions::host_other_than_authority).
    HostNotAuthority,
    /// Body data on a message that has none (a response to HEAD, a 1xx,
    /// 204 or 304 response, a 2xx response to CONNECT, a CONNECT request,
    /// a request without a body), or a body asked for in the head of a
    /// 1xx, 204, 2xx to CONNECT or CONNECT (a HEAD response or a 304 takes
    /// the choice its GET would: see [`Body`](crate::Body)).
    BodyNotAllowed,
    /// Body data beyond the Content-Length.
    BodyTooLong,
    /// The message was ended before its Content-Length was reached.
    BodyTooShort,
    /// Trailer fields on a message whose body is not chunked.
    TrailersNotAllowed,
    /// A trailer field that frames or routes the message (Content-Length,
    /// Transfer-Encoding, Host), which a recipient that merges trailers
    /// into the head would be misled by; or, unless
    /// [`EncoderOptions::header_fields_in_trailers`](crate::EncoderOptions::header_fields_in_trailers),
    /// one that RFC 9110 section 6.5.1 keeps in the header section because
    /// it must be known before the content:
    /// - controls (Cache-Control, Expect, Max-Forwards, Pragma, Range, TE)
    ///   and content negotiation (Accept, Accept-Charset, Accept-Encoding,
    ///   Accept-Language);
    /// - conditionals (If-Match, If-None-Match, If-Modified-Since,
    ///   If-Unmodified-Since, If-Range);
    /// - authentication (Authorization, Proxy-Authorization,
    ///   WWW-Authenticate, Proxy-Authenticate, Cookie, Set-Cookie);
    /// - response control data (Age, Date, Expires, Location, Retry-After,
    ///   Vary, Warning);
    /// - how to process the content (Content-Encoding, Content-Range,
    ///   Content-Type, Trailer);
    /// - the connection's own fields (Connection, Keep-Alive,
    ///   Proxy-Connection, Upgrade), which a recipient merging trailers
    ///   into the head would act on.
    ForbiddenTrailer,
    /// A head while a message is still being written (call
    /// [`Encoder::end`](crate::Encoder::end) first).
    MessageInProgress,
    /// Body data or an end with no message begun.
    NoMessage,
    /// Nothing more can be written: the last message ran to the end of the
    /// stream, or the connection left HTTP/1 (an upgrade).
    StreamEnded,
    /// A request on a server's encoder, or a response on a client's.
    WrongRole,
    /// A response when no request awaits one on a server's connection
    /// that is still open: none was read, every one read was answered, or
    /// the head of the next is not complete yet. (Once the connection
    /// decided to close, it is [`ConnectionClosed`](Self::ConnectionClosed).)
    NoRequest,
    /// A request beyond the connection's pipeline depth: read responses
    /// first.
    PipelineFull,
    /// A request, or on a server's connection a response with no request
    /// left to answer, after the connection decided to close (a
    /// `Connection: close`, an HTTP/1.0 exchange without keep-alive, a
    /// response that ran to the end of the stream, an error, the end of
    /// the stream); on a client connection, also
    /// body data or the end of a request that a closing final response
    /// answered before it was all sent (RFC 9112 section 9.3).
    ConnectionClosed,
    /// A request while the previous one may switch protocols (CONNECT, or
    /// an Upgrade offer): its response decides first.
    AwaitingSwitch,
    /// A 1xx response to an HTTP/1.0 request (RFC 9110 section 15.2: an
    /// HTTP/1.0 client would take it for the final response).
    InterimToHttp10,
    /// A 101 (Switching Protocols) without an Upgrade field naming the
    /// protocol (RFC 9110 section 15.2.2), or a 426 (Upgrade Required)
    /// without one naming the protocols to upgrade to (section 15.5.22);
    /// see
    /// [`EncoderOptions::switch_without_upgrade`](crate::EncoderOptions::switch_without_upgrade).
    MissingUpgrade,
    /// An Upgrade field without `upgrade` among the Connection options
    /// (RFC 9110 section 7.8: a sender of Upgrade "MUST also send" it), or
    /// a request's TE field without `te` there (RFC 9112 section 7.4): the
    /// field is meant for this hop only, and a recipient that does not see
    /// it listed ignores it, or an intermediary forwards it. Names the
    /// field; see
    /// [`EncoderOptions::missing_connection_option`](crate::EncoderOptions::missing_connection_option).
    MissingConnectionOption,
    /// `Expect: 100-continue` on a request without content, which a
    /// client "MUST NOT generate" (RFC 9110 section 10.1.1): no 100 would
    /// ever be due. Names the field; see
    /// [`EncoderOptions::continue_without_body`](crate::EncoderOptions::continue_without_body).
    ContinueWithoutBody,
    /// A 101 (Switching Protocols) to a request that offered no upgrade,
    /// or naming in its Upgrade a protocol the request did not offer
    /// (RFC 9110 section 7.8; the field and the protocol's first byte are
    /// named), or any response, or a client's next request, once the
    /// connection left HTTP/1 (a body or end after the switch is
    /// [`StreamEnded`](Self::StreamEnded)).
    UnexpectedSwitch,
    /// A request's TE field lists the `chunked` coding, which a client
    /// "MUST NOT send" (RFC 9112 section 7.4): chunked is always acceptable
    /// to an HTTP/1.1 recipient. Names the field and the coding's first
    /// byte; see
    /// [`EncoderOptions::chunked_in_te`](crate::EncoderOptions::chunked_in_te).
    ChunkedInTe,
    /// A Connection field that lists Content-Length, Transfer-Encoding or
    /// Host (RFC 9110 section 7.6.1: fields meant for every recipient are
    /// no connection options); an intermediary that honours it would
    /// forward the message without its framing. The byte index is where
    /// the option starts in the value. See
    /// [`EncoderOptions::framing_connection_option`](crate::EncoderOptions::framing_connection_option).
    FramingConnectionOption,
    /// Content in a 205 (Reset Content) response or a TRACE request (RFC
    /// 9110 sections 15.3.6 and 9.3.8): a framing other than none or a
    /// Content-Length of 0 (the field is the framing field that states
    /// it, when the caller gave one). See
    /// [`EncoderOptions::forbidden_content`](crate::EncoderOptions::forbidden_content).
    ForbiddenContent,
}

impl EncodeErrorKind {
    /// A short, stable, lower-case name.
    pub const fn as_str(self) -> &'static str {
        use EncodeErrorKind::*;
        match self {
            BufferTooSmall => "buffer_too_small",
            InvalidMethod => "invalid_method",
            InvalidTarget => "invalid_target",
            TargetUserinfo => "target_userinfo",
            TargetFragment => "target_fragment",
            TargetFormMismatch => "target_form_mismatch",
            InvalidStatus => "invalid_status",
            InvalidReason => "invalid_reason",
            InvalidFieldName => "invalid_field_name",
            InvalidFieldValue => "invalid_field_value",
            InvalidContentLength => "invalid_content_length",
            DuplicateContentLength => "duplicate_content_length",
            ContentLengthWithTransferEncoding => "content_length_with_transfer_encoding",
            TransferEncodingInHttp10 => "transfer_encoding_in_http10",
            TransferEncodingToHttp10 => "transfer_encoding_to_http10",
            InvalidTransferEncoding => "invalid_transfer_encoding",
            UnknownTransferCoding => "unknown_transfer_coding",
            ChunkedNotFinal => "chunked_not_final",
            ChunkedTwice => "chunked_twice",
            FramingFieldNotAllowed => "framing_field_not_allowed",
            FramingConflict => "framing_conflict",
            UnframedRequestBody => "unframed_request_body",
            MissingHost => "missing_host",
            DuplicateHost => "duplicate_host",
            InvalidHost => "invalid_host",
            HostNotAuthority => "host_not_authority",
            BodyNotAllowed => "body_not_allowed",
            BodyTooLong => "body_too_long",
            BodyTooShort => "body_too_short",
            TrailersNotAllowed => "trailers_not_allowed",
            ForbiddenTrailer => "forbidden_trailer",
            MessageInProgress => "message_in_progress",
            NoMessage => "no_message",
            StreamEnded => "stream_ended",
            WrongRole => "wrong_role",
            NoRequest => "no_request",
            PipelineFull => "pipeline_full",
            ConnectionClosed => "connection_closed",
            AwaitingSwitch => "awaiting_switch",
            InterimToHttp10 => "interim_to_http10",
            MissingUpgrade => "missing_upgrade",
            MissingConnectionOption => "missing_connection_option",
            ContinueWithoutBody => "continue_without_body",
            UnexpectedSwitch => "unexpected_switch",
            ChunkedInTe => "chunked_in_te",
            FramingConnectionOption => "framing_connection_option",
            ForbiddenContent => "forbidden_content",
        }
    }

    /// The encoder's kind for a rule the decoder shares (framing and Host
    /// checks run the same code on both sides).
    pub(crate) fn from_shared(kind: ErrorKind) -> Self {
        use EncodeErrorKind as E;
        match kind {
            ErrorKind::InvalidContentLength => E::InvalidContentLength,
            ErrorKind::DuplicateContentLength | ErrorKind::ConflictingContentLength => {
                E::DuplicateContentLength
            }
            ErrorKind::ContentLengthWithTransferEncoding => E::ContentLengthWithTransferEncoding,
            ErrorKind::TransferEncodingInHttp10 => E::TransferEncodingInHttp10,
            ErrorKind::TransferEncodingNotAllowed => E::FramingFieldNotAllowed,
            ErrorKind::ChunkedNotFinal => E::ChunkedNotFinal,
            ErrorKind::ChunkedTwice => E::ChunkedTwice,
            ErrorKind::UnknownTransferCoding => E::UnknownTransferCoding,
            ErrorKind::MissingHost => E::MissingHost,
            ErrorKind::DuplicateHost => E::DuplicateHost,
            ErrorKind::InvalidHost => E::InvalidHost,
            ErrorKind::InvalidTransferEncoding => E::InvalidTransferEncoding,
            other => {
                // The framing and Host checks report nothing else.
                debug_assert!(false, "no encoder kind for {other:?}");
                E::InvalidTransferEncoding
            }
        }
    }
}

impl fmt::Display for EncodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
