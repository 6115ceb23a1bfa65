//! The one error type of the codec: what went wrong, and where in the stream.

use core::fmt;

/// A peer broke HTTP/1 (or a configured limit): the kind of problem and the
/// absolute byte offset in the stream where it was detected.
///
/// The offset counts every byte of the stream from the first byte the decoder
/// was ever given, across all calls, so it points into the stream the caller
/// received, not into the slice of the last call.
///
/// After an error the decoder yields nothing more: every later call returns
/// the same error. Messages completed before it were already delivered. The
/// caller should answer with [`status_hint`](ErrorKind::status_hint) (for a
/// server) and close the connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    kind: ErrorKind,
    offset: u64,
}

impl Error {
    pub(crate) const fn new(kind: ErrorKind, offset: u64) -> Self {
        Error { kind, offset }
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset in the whole stream where the problem was detected.
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// The HTTP status a server should answer with; shorthand for
    /// `self.kind().status_hint()`.
    pub const fn status_hint(&self) -> u16 {
        self.kind.status_hint()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// A peer's bytes that break HTTP/1 as an I/O error
/// ([`InvalidData`](std::io::ErrorKind::InvalidData)), for `?` in code
/// that returns `io::Result`; the [`Error`] is its source.
#[cfg(feature = "std")]
impl From<Error> for std::io::Error {
    fn from(error: Error) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidData, error)
    }
}

/// The kinds of [`Error`]. Each has a stable short name ([`as_str`](Self::as_str))
/// and the HTTP status that fits it ([`status_hint`](Self::status_hint)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The stream ended (see [`Decoder::finish`](crate::Decoder::finish)) in the
    /// middle of a message. Also what
    /// [`Decoder::decode_head`](crate::Decoder::decode_head) may say, at
    /// the head's first byte, when bytes of a head that earlier calls read
    /// were changed (the buffer contract on [`Decoder`](crate::Decoder)
    /// broken) so that the head no longer reads as it did: the head read
    /// so far is refused. (Fewer bytes than it read start the head over,
    /// with no error.)
    Incomplete,
    /// A line ended in LF without CR (allowed in heads by [`Lenient::bare_lf`](crate::Lenient::bare_lf)).
    BareLf,
    /// A CR not followed by LF.
    BareCr,
    /// The method is empty or not a token.
    InvalidMethod,
    /// The request-target is empty, holds a byte it may not hold, or is
    /// none of the four forms of RFC 9112 section 3.2: an absolute-form
    /// target whose authority breaks Host's rules or that carries a
    /// fragment (`#`) among them.
    InvalidTarget,
    /// The version is not of the form `HTTP/DIGIT.DIGIT`, or the request
    /// line does not end after it.
    InvalidVersion,
    /// The request-target's form does not fit the method: CONNECT takes
    /// authority-form (`host:port`) and only CONNECT does (RFC 9112
    /// section 3.2).
    TargetFormMismatch,
    /// A status code that is not three digits, or below 100.
    InvalidStatus,
    /// A status line without the SP after the status code, or a control
    /// byte in its reason phrase.
    InvalidReason,
    /// A well-formed HTTP version other than HTTP/1.0 and HTTP/1.1.
    UnsupportedVersion,
    /// A field name is empty or holds a byte that is not a token character.
    InvalidFieldName,
    /// Whitespace between a field name and its colon (RFC 9112 section 5.1).
    WhitespaceBeforeColon,
    /// A field value holds a control byte (other than HTAB) or DEL.
    InvalidFieldValue,
    /// A line of the head starts with whitespace: obs-fold (RFC 9112 section
    /// 5.2), or whitespace before the first field line (section 2.2).
    ObsFold,
    /// An HTTP/1.1 request without a Host field (RFC 9112 section 3.2).
    MissingHost,
    /// A request with more than one Host field line.
    DuplicateHost,
    /// A Host value that is not `uri-host [":" port]`.
    InvalidHost,
    /// A Content-Length value that is not 1*DIGIT fitting in 64 bits.
    InvalidContentLength,
    /// Several Content-Length values of the same decimal value (accepted as one by
    /// [`Lenient::duplicate_content_length`](crate::Lenient::duplicate_content_length)).
    DuplicateContentLength,
    /// Several Content-Length values that differ.
    ConflictingContentLength,
    /// Transfer-Encoding and Content-Length in one request (RFC 9112 section 6.3, rule 3).
    ContentLengthWithTransferEncoding,
    /// Transfer-Encoding in an HTTP/1.0 message (RFC 9112 section 6.1),
    /// also one whose start line says it has no body (a 204, a 304, an
    /// answer to HEAD); not on a 101 or a 2xx answering CONNECT, whose
    /// framing fields are not read (nothing after their head is HTTP/1).
    TransferEncodingInHttp10,
    /// Transfer-Encoding on a message that has no body to frame: a CONNECT
    /// request (RFC 9110 section 9.3.6).
    TransferEncodingNotAllowed,
    /// A request whose transfer codings do not end in `chunked`.
    ChunkedNotFinal,
    /// `chunked` applied more than once.
    ChunkedTwice,
    /// A transfer coding in a request that is not a registered one
    /// (`chunked`, `gzip`, `x-gzip`, `deflate`, `compress`, `x-compress`):
    /// status 501.
    UnknownTransferCoding,
    /// A Transfer-Encoding value that is not a list of codings, a
    /// request's coding with parameters, or `chunked` with parameters in
    /// any message (RFC 9112 section 7: it has none).
    InvalidTransferEncoding,
    /// A chunk-size that is not 1*HEXDIG fitting in 64 bits.
    InvalidChunkSize,
    /// A chunk extension that is not `;name[=token|quoted-string]`
    /// (whitespace around `;` and `=` is allowed, RFC 9112 section 7.1.1:
    /// `5 ; a = b`).
    InvalidChunkExtension,
    /// Chunk data not followed by exactly CRLF.
    InvalidChunkEnd,
    /// The request line exceeds [`Limits::line`](crate::Limits::line).
    RequestLineTooLong,
    /// The status line exceeds [`Limits::line`](crate::Limits::line).
    StatusLineTooLong,
    /// A field line exceeds [`Limits::line`](crate::Limits::line).
    FieldLineTooLong,
    /// The head exceeds [`Limits::head`](crate::Limits::head).
    HeadTooLarge,
    /// The head has more field lines than [`Limits::fields`](crate::Limits::fields).
    TooManyFields,
    /// The head has more field lines than the array given to
    /// [`Decoder::decode_head`](crate::Decoder::decode_head) holds (an
    /// array of [`Limits::fields`](crate::Limits::fields) entries never
    /// fills: [`TooManyFields`](Self::TooManyFields) comes first).
    FieldArrayFull,
    /// A chunk-size line exceeds [`Limits::chunk_line`](crate::Limits::chunk_line).
    ChunkLineTooLong,
    /// The trailer section exceeds [`Limits::trailers`](crate::Limits::trailers).
    TrailersTooLarge,
    /// A trailer field that frames or routes the message (Content-Length,
    /// Transfer-Encoding, Host): a recipient that merges trailers into the
    /// head would be misled (delivered by
    /// [`Lenient::framing_trailers`](crate::Lenient::framing_trailers)).
    ForbiddenTrailer,
    /// A response when no request awaits one (a client's connection).
    UnsolicitedResponse,
    /// A 101 (Switching Protocols) to a request that offered no upgrade,
    /// whose Upgrade names a protocol the request did not offer (RFC 9110
    /// section 7.8; the offset is that protocol's first byte), or that
    /// names no protocol at all (section 15.2.2; the offset is the empty
    /// line that ends its head). A client's connection.
    UnexpectedUpgrade,
}

impl ErrorKind {
    /// A short, stable, lower-case name (the `kind` of the dump tool's error event).
    pub const fn as_str(self) -> &'static str {
        use ErrorKind::*;
        match self {
            Incomplete => "incomplete",
            BareLf => "bare_lf",
            BareCr => "bare_cr",
            InvalidMethod => "invalid_method",
            InvalidTarget => "invalid_target",
            InvalidVersion => "invalid_version",
            TargetFormMismatch => "target_form_mismatch",
            InvalidStatus => "invalid_status",
            InvalidReason => "invalid_reason",
            UnsupportedVersion => "unsupported_version",
            InvalidFieldName => "invalid_field_name",
            WhitespaceBeforeColon => "whitespace_before_colon",
            InvalidFieldValue => "invalid_field_value",
            ObsFold => "obs_fold",
            MissingHost => "missing_host",
            DuplicateHost => "duplicate_host",
            InvalidHost => "invalid_host",
            InvalidContentLength => "invalid_content_length",
            DuplicateContentLength => "duplicate_content_length",
            ConflictingContentLength => "conflicting_content_length",
            ContentLengthWithTransferEncoding => "content_length_with_transfer_encoding",
            TransferEncodingInHttp10 => "transfer_encoding_in_http10",
            TransferEncodingNotAllowed => "transfer_encoding_not_allowed",
            ChunkedNotFinal => "chunked_not_final",
            ChunkedTwice => "chunked_twice",
            UnknownTransferCoding => "unknown_transfer_coding",
            InvalidTransferEncoding => "invalid_transfer_encoding",
            InvalidChunkSize => "invalid_chunk_size",
            InvalidChunkExtension => "invalid_chunk_extension",
            InvalidChunkEnd => "invalid_chunk_end",
            RequestLineTooLong => "request_line_too_long",
            StatusLineTooLong => "status_line_too_long",
            FieldLineTooLong => "field_line_too_long",
            HeadTooLarge => "head_too_large",
            TooManyFields => "too_many_fields",
            FieldArrayFull => "field_array_full",
            ChunkLineTooLong => "chunk_line_too_long",
            TrailersTooLarge => "trailers_too_large",
            ForbiddenTrailer => "forbidden_trailer",
            UnsolicitedResponse => "unsolicited_response",
            UnexpectedUpgrade => "unexpected_upgrade",
        }
    }

    /// The HTTP status code a server should answer with.
    ///
    /// 414 for a request line over the limit, 431 for fields and heads over
    /// theirs, 413 for a trailer section over its limit, 501 for an unknown
    /// transfer coding, 505 for an unsupported version, 400 otherwise. (A
    /// client that meets an error in a response has no one to answer: the
    /// hint is for servers and proxies; a proxy answers 502.)
    pub const fn status_hint(self) -> u16 {
        use ErrorKind::*;
        match self {
            RequestLineTooLong => 414,
            FieldLineTooLong | HeadTooLarge | TooManyFields | FieldArrayFull => 431,
            TrailersTooLarge => 413,
            UnknownTransferCoding => 501,
            UnsupportedVersion => 505,
            _ => 400,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_the_kind() {
        assert_eq!(ErrorKind::RequestLineTooLong.status_hint(), 414);
        assert_eq!(ErrorKind::TooManyFields.status_hint(), 431);
        assert_eq!(ErrorKind::UnknownTransferCoding.status_hint(), 501);
        assert_eq!(ErrorKind::UnsupportedVersion.status_hint(), 505);
        assert_eq!(ErrorKind::BareLf.status_hint(), 400);
        let e = Error::new(ErrorKind::MissingHost, 17);
        assert_eq!(e.status_hint(), 400);
        assert_eq!(e.offset(), 17);
        // Every hint has its registered reason phrase to answer with.
        for hint in [400, 413, 414, 431, 501, 505] {
            let line = crate::StatusLine::canonical(crate::Version::Http11, hint);
            assert!(!line.reason.is_empty(), "{hint}");
        }
        assert_eq!(
            crate::StatusLine::canonical_reason(413),
            "Content Too Large"
        );
        assert_eq!(crate::StatusLine::canonical_reason(299), "");
    }

    #[cfg(feature = "std")]
    #[test]
    fn an_io_error_carries_the_error() {
        let io = std::io::Error::from(Error::new(ErrorKind::BareCr, 7));
        assert_eq!(io.kind(), std::io::ErrorKind::InvalidData);
        let inner = io.get_ref().and_then(|e| e.downcast_ref::<Error>());
        assert_eq!(inner, Some(&Error::new(ErrorKind::BareCr, 7)));
    }

    #[cfg(feature = "std")]
    #[test]
    fn display_names_kind_and_offset() {
        let e = Error::new(ErrorKind::BareCr, 5);
        assert_eq!(std::format!("{e}"), "bare_cr at byte 5");
    }
}
