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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MethodQueue {
    /// The methods, two bits each, oldest in the low bits. (One word: as
    /// many as a client connection keeps in flight, and a decoder is kept
    /// per connection.)
    methods: u64,
    len: u8,
    /// Whether the last [`pop`](Self::pop) took a method (see
    /// [`unpop`](Self::unpop)).
    popped: bool,
}

impl MethodQueue {
    /// How many requests may be awaiting their response: as deep as a
    /// client connection pipelines.
    pub(crate) const CAPACITY: usize = 32;

    /// Add the method of a request just sent; `false` when full.
    pub(crate) fn push(&mut self, method: MethodKind) -> bool {
        let len = usize::from(self.len);
        if len >= Self::CAPACITY {
            return false;
        }
        self.methods |= Self::code(method) << (2 * len);
        self.len += 1;
        true
    }

    /// The method of the oldest request awaiting a response; a response
    /// nobody said anything about answers GET.
    pub(crate) fn front(&self) -> MethodKind {
        if self.len == 0 {
            return MethodKind::Other;
        }
        match self.methods & 0b11 {
            1 => MethodKind::Head,
            2 => MethodKind::Connect,
            _ => MethodKind::Other,
        }
    }

    /// The oldest request got its final response.
    pub(crate) fn pop(&mut self) {
        self.popped = self.len > 0;
        if self.popped {
            self.methods >>= 2;
            self.len -= 1;
        }
    }

    /// Put back the method the last [`pop`](Self::pop) took, `method`,
    /// if it took one: a head read in part is read again from its start.
    pub(crate) fn unpop(&mut self, method: MethodKind) {
        if core::mem::take(&mut self.popped) {
            self.methods = (self.methods << 2) | Self::code(method);
            self.len += 1;
        }
    }

    fn code(method: MethodKind) -> u64 {
        match method {
            MethodKind::Other => 0,
            MethodKind::Head => 1,
            MethodKind::Connect => 2,
        }
    }

    pub(crate) fn len(&self) -> usize {
        usize::from(self.len)
    }
}

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
        assert_eq!((again.methods, again.len), (full.methods, full.len));
    }
}
