//! The client role: decoding responses, each framed by the method of the
//! request it answers.

use super::StartLineRead;
use crate::body::MessageKind;
use crate::head::line::LineEnd;
use crate::head::start_line::{fast_status_line, parse_status_line};
use crate::syntax::Fault;
use crate::{Event, MethodKind, StatusLine};

pub(super) fn parse_start_line(
    line: &[u8],
    end: LineEnd,
    method: MethodKind,
) -> Result<StartLineRead<'_>, Fault> {
    parse_status_line(line, end).map(|status| start_line(status, method))
}

#[inline]
pub(super) fn fast_start_line(
    bytes: &[u8],
    cap: usize,
    method: MethodKind,
) -> Option<(StartLineRead<'_>, usize)> {
    let (status, next) = fast_status_line(bytes, cap)?;
    Some((start_line(status, method), next))
}

/// A status line, as the decoder takes it: the event, and the kind of
/// message it starts (which the method of the request it answers frames).
#[inline]
fn start_line(status: StatusLine<'_>, method: MethodKind) -> StartLineRead<'_> {
    StartLineRead {
        event: Event::Response(status),
        kind: MessageKind::Response {
            version: status.version,
            status: status.status,
            method,
        },
        non_ascii_at: None,
    }
}

/// The methods of the requests a client sent and has not had a final
/// response to yet, oldest first: two bits each, up to
/// [`MethodQueue::CAPACITY`], no allocation.
///
/// One word, as a decoder is kept per connection: slot `i` is bits
/// `2i..2i+2`, the oldest in the low bits, each a method's code (never 0)
/// or 0 past the last request; the top bit says whether the last
/// [`pop`](Self::pop) took a method (see [`unpop`](Self::unpop)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MethodQueue(u64);

/// The bit of [`MethodQueue`] set when the last pop took a method.
const POPPED: u64 = 1 << 63;

/// The bits of [`MethodQueue`] that hold slots.
const SLOTS: u64 = (1 << (2 * MethodQueue::CAPACITY)) - 1;

impl MethodQueue {
    /// How many requests may be awaiting their response: as deep as a
    /// client connection pipelines.
    pub(crate) const CAPACITY: usize = 31;

    fn slots(self) -> u64 {
        self.0 & SLOTS
    }

    /// Add the method of a request just sent; `false` when full.
    pub(crate) fn push(&mut self, method: MethodKind) -> bool {
        let len = self.len();
        if len >= Self::CAPACITY {
            return false;
        }
        self.0 |= Self::code(method) << (2 * len);
        true
    }

    /// The method of the oldest request awaiting a response; a response
    /// nobody said anything about answers GET.
    pub(crate) fn front(&self) -> MethodKind {
        match self.0 & 0b11 {
            HEAD => MethodKind::Head,
            CONNECT => MethodKind::Connect,
            _ => MethodKind::Other,
        }
    }

    /// The oldest request got its final response.
    pub(crate) fn pop(&mut self) {
        let slots = self.slots();
        self.0 = match slots {
            0 => 0,
            _ => slots >> 2 | POPPED,
        };
    }

    /// Whether the last [`pop`](Self::pop) took a method.
    pub(crate) fn took_one(&self) -> bool {
        self.0 & POPPED != 0
    }

    /// Put back the method the last [`pop`](Self::pop) took, `method`,
    /// if it took one: a head read in part is read again from its start.
    pub(crate) fn unpop(&mut self, method: MethodKind) {
        if self.0 & POPPED != 0 {
            self.0 = (self.slots() << 2) | Self::code(method);
        }
    }

    fn code(method: MethodKind) -> u64 {
        match method {
            MethodKind::Other => OTHER,
            MethodKind::Head => HEAD,
            MethodKind::Connect => CONNECT,
        }
    }

    pub(crate) fn len(&self) -> usize {
        // The slots in use are the low ones, each non-zero.
        (64 - self.slots().leading_zeros() as usize).div_ceil(2)
    }
}

/// The codes of [`MethodQueue`]'s slots.
const HEAD: u64 = 1;
const CONNECT: u64 = 2;
const OTHER: u64 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_of_methods_in_order() {
        let mut q = MethodQueue::default();
        assert_eq!(q.front(), MethodKind::Other);
        let order = [MethodKind::Head, MethodKind::Other, MethodKind::Connect];
        for (i, m) in order.iter().cycle().take(MethodQueue::CAPACITY).enumerate() {
            assert!(q.push(*m), "push {i}");
        }
        assert!(!q.push(MethodKind::Head), "full at capacity");
        for m in order.iter().cycle().take(MethodQueue::CAPACITY) {
            assert_eq!(q.front(), *m);
            q.pop();
        }
        assert_eq!(q.len(), 0);
        assert_eq!(q.front(), MethodKind::Other);
        q.pop();
        assert_eq!(q.len(), 0);
    }

    #[test]
    fn unpop_puts_back_what_pop_took() {
        let order = [MethodKind::Head, MethodKind::Connect, MethodKind::Other];
        let mut q = MethodQueue::default();
        for m in order.iter().cycle().take(MethodQueue::CAPACITY) {
            assert!(q.push(*m));
        }
        let full = q;
        for (i, m) in order.iter().cycle().take(MethodQueue::CAPACITY).enumerate() {
            let before = q;
            assert_eq!(q.front(), *m, "front at {i}");
            q.pop();
            q.unpop(*m);
            assert_eq!(
                (q.front(), q.len()),
                (before.front(), before.len()),
                "at {i}"
            );
            q.pop();
        }
        // A pop of an empty queue took nothing: unpop adds nothing.
        q.pop();
        q.unpop(MethodKind::Head);
        assert_eq!(q.len(), 0);
        let mut again = full;
        again.pop();
        again.unpop(MethodKind::Head);
        assert_eq!(again, full);
    }
}
