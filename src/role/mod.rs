//! What differs between the two sides of a connection: a [`Role`] is a
//! handful of answers the decoder asks for instead of asking which side
//! it is on. The rules of each kind of start line live beside
//! it: `server.rs` reads requests, `client.rs` responses.

pub(crate) mod client;
pub(crate) mod server;

use crate::body::MessageKind;
use crate::config::LenientBits;
use crate::head::line::LineEnd;
use crate::syntax::Fault;
use crate::{ErrorKind, Event, MethodKind};

/// One side of a connection, as the decoder needs to know it: one byte
/// in the decoder, each of its answers a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Reads requests.
    Server,
    /// Reads responses.
    Client,
}

impl Role {
    /// Whether one empty line before a start line is skipped (RFC 9112
    /// section 2.2 allows it before a request line; the strict profile
    /// skips none before a status line).
    #[inline(always)]
    pub(crate) fn skips_empty_line(self) -> bool {
        self == Role::Server
    }

    /// The error for a start line over the line limit.
    #[inline(always)]
    pub(crate) fn start_line_too_long(self) -> ErrorKind {
        match self {
            Role::Server => ErrorKind::RequestLineTooLong,
            Role::Client => ErrorKind::StatusLineTooLong,
        }
    }

    /// Whether Host is checked (RFC 9112 section 3.2: requests only).
    #[inline(always)]
    pub(crate) fn checks_host(self) -> bool {
        self == Role::Server
    }

    /// Whether obs-fold continues a field value (instead of being an error).
    #[inline]
    pub(crate) fn folds(self, lenient: LenientBits) -> bool {
        // In responses without an option: RFC 9112 section 5.2 lets a
        // user agent replace each fold with SP.
        self == Role::Client || lenient.obs_fold()
    }

    /// Parse a whole start line; `method` is what the request a response
    /// answers was (unused for requests).
    pub(crate) fn parse_start_line<'a>(
        self,
        line: &'a [u8],
        end: LineEnd,
        lenient: LenientBits,
        method: MethodKind,
    ) -> Result<StartLineRead<'a>, Fault> {
        match self {
            Role::Server => server::parse_start_line(line, end, lenient.non_ascii_target()),
            Role::Client => client::parse_start_line(line, end, method),
        }
    }

    /// The common start line in one pass; `None` leaves it to
    /// [`parse_start_line`](Self::parse_start_line).
    #[inline]
    pub(crate) fn fast_start_line<'a>(
        self,
        bytes: &'a [u8],
        cap: usize,
        method: MethodKind,
    ) -> Option<(StartLineRead<'a>, usize)> {
        match self {
            Role::Server => server::fast_start_line(bytes, cap),
            Role::Client => client::fast_start_line(bytes, cap, method),
        }
    }
}

/// A decoded start line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StartLineRead<'a> {
    pub event: Event<'a>,
    pub kind: MessageKind,
    /// Index of the first byte 0x80-0xFF in a request-target (lenient only).
    pub non_ascii_at: Option<usize>,
}

/// What a role remembers about the fields of one head.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RoleFacts {
    /// A Host field line was seen (a second one is an error).
    pub host_seen: bool,
}
