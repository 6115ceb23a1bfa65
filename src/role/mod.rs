//! What differs between the two sides of a connection. The decoder never
//! asks which side it is on; it asks its role.

pub(crate) mod server;

use crate::body::MessageKind;
use crate::head::line::LineEnd;
use crate::syntax::Fault;
use crate::{ErrorKind, Event, Lenient};

/// Which side of the connection a decoder serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Decodes requests.
    Server,
}

/// A decoded start line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StartLine<'a> {
    pub event: Event<'a>,
    pub kind: MessageKind,
    /// Index of the first byte 0x80-0xFF in a request-target (lenient only).
    pub non_ascii_at: Option<usize>,
}

/// What a role remembers about the fields of one head.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RoleFacts {
    /// Host field lines seen.
    pub hosts: u32,
}

impl Role {
    /// Whether one empty line before a start line is skipped (RFC 9112
    /// section 2.2 allows it before a request line).
    pub(crate) fn skips_empty_line(self) -> bool {
        match self {
            Role::Server => true,
        }
    }

    /// The error for a start line over the line limit.
    pub(crate) fn start_line_too_long(self) -> ErrorKind {
        match self {
            Role::Server => ErrorKind::RequestLineTooLong,
        }
    }

    /// Whether obs-fold continues a field value (instead of being an error).
    pub(crate) fn folds(self, lenient: &Lenient) -> bool {
        match self {
            Role::Server => lenient.obs_fold,
        }
    }

    pub(crate) fn parse_start_line<'a>(
        self,
        line: &'a [u8],
        end: LineEnd,
        lenient: &Lenient,
    ) -> Result<StartLine<'a>, Fault> {
        match self {
            Role::Server => server::parse_start_line(line, end, lenient),
        }
    }

    /// The common start line in one pass ([`server::fast_start_line`]);
    /// `None` leaves it to [`parse_start_line`](Self::parse_start_line).
    #[inline]
    pub(crate) fn fast_start_line(
        self,
        bytes: &[u8],
        cap: usize,
    ) -> Option<(StartLine<'_>, usize)> {
        match self {
            Role::Server => server::fast_start_line(bytes, cap),
        }
    }

    /// A Host field value (OWS trimmed). Faults index into the value, except
    /// a duplicate, which is blamed on the start of its field line (`line_at`
    /// bytes before the value).
    pub(crate) fn host_field(
        self,
        facts: &mut RoleFacts,
        value: &[u8],
        value_at: usize,
    ) -> Result<(), Fault> {
        match self {
            Role::Server => server::host_field(facts, value, value_at),
        }
    }

    /// Checks once the head is complete.
    pub(crate) fn end_of_head(self, facts: &RoleFacts, kind: MessageKind) -> Result<(), ErrorKind> {
        match self {
            Role::Server => server::end_of_head(facts, kind),
        }
    }
}
