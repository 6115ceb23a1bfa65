//! What differs between the two sides of a connection, as data: a
//! [`Role`] is a handful of answers the decoder reads instead of asking
//! which side it is on. The rules of each kind of start line live beside
//! it: `server.rs` reads requests, `client.rs` responses.

pub(crate) mod client;
pub(crate) mod server;

use crate::body::MessageKind;
use crate::config::LenientBits;
use crate::head::line::LineEnd;
use crate::syntax::Fault;
use crate::{ErrorKind, Event, MethodKind};

/// What the messages a decoder reads start with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reads {
    /// Request lines (the server role).
    Requests,
    /// Status lines (the client role).
    Responses,
}

/// One side of a connection, as the decoder needs to know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Role {
    /// What each message starts with.
    pub reads: Reads,
    /// Whether one empty line before a start line is skipped (RFC 9112
    /// section 2.2 allows it before a request line; the strict profile
    /// skips none before a status line).
    pub skips_empty_line: bool,
    /// Whether obs-fold continues a field value without a lenient option:
    /// in responses (RFC 9112 section 5.2 lets a user agent replace each
    /// fold with SP), not in requests.
    pub folds_by_default: bool,
    /// The error for a start line over the line limit.
    pub start_line_too_long: ErrorKind,
    /// Whether Host is checked (RFC 9112 section 3.2: requests only).
    pub checks_host: bool,
}

impl Role {
    /// The server: it reads requests.
    pub(crate) const SERVER: Role = Role {
        reads: Reads::Requests,
        skips_empty_line: true,
        folds_by_default: false,
        start_line_too_long: ErrorKind::RequestLineTooLong,
        checks_host: true,
    };

    /// The client: it reads responses.
    pub(crate) const CLIENT: Role = Role {
        reads: Reads::Responses,
        skips_empty_line: false,
        folds_by_default: true,
        start_line_too_long: ErrorKind::StatusLineTooLong,
        checks_host: false,
    };

    /// Whether obs-fold continues a field value (instead of being an error).
    #[inline]
    pub(crate) fn folds(&self, lenient: LenientBits) -> bool {
        self.folds_by_default || lenient.obs_fold()
    }

    /// Parse a whole start line; `method` is what the request a response
    /// answers was (unused for requests).
    pub(crate) fn parse_start_line<'a>(
        &self,
        line: &'a [u8],
        end: LineEnd,
        lenient: LenientBits,
        method: MethodKind,
    ) -> Result<StartLineRead<'a>, Fault> {
        match self.reads {
            Reads::Requests => server::parse_start_line(line, end, lenient.non_ascii_target()),
            Reads::Responses => client::parse_start_line(line, end, method),
        }
    }

    /// The common start line in one pass; `None` leaves it to
    /// [`parse_start_line`](Self::parse_start_line).
    #[inline]
    pub(crate) fn fast_start_line<'a>(
        &self,
        bytes: &'a [u8],
        cap: usize,
        method: MethodKind,
    ) -> Option<(StartLineRead<'a>, usize)> {
        match self.reads {
            Reads::Requests => server::fast_start_line(bytes, cap),
            Reads::Responses => client::fast_start_line(bytes, cap, method),
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
