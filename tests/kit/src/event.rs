//! The owned event every harness compares: an [`Event`] copied out of the
//! buffer it borrowed, plus the two ways a stream stops that are not events
//! (an error, an upgrade).
//!
//! [`Ev::of`] is the one conversion from [`Event`]. The driver records
//! richer events ([`SpannedEv`](crate::SpannedEv): each slice with its
//! stream offset) and turns them into these with
//! [`SpannedEv::plain`](crate::SpannedEv::plain).

use core::fmt;

use h1wire::{ErrorKind, Event, Framing, Version};

use crate::show::Show;

/// An event, owned.
#[derive(Clone, PartialEq, Eq)]
pub enum Ev {
    Request {
        method: Vec<u8>,
        target: Vec<u8>,
        version: Version,
    },
    Response {
        version: Version,
        status: u16,
        reason: Vec<u8>,
    },
    /// Name and value as delivered (a folded value with its folds).
    Header(Vec<u8>, Vec<u8>),
    HeadEnd(Framing),
    Body(Vec<u8>),
    Trailer(Vec<u8>, Vec<u8>),
    MessageEnd,
    /// `Status::Upgraded`: the bytes the decoder left for the new protocol
    /// (the unconsumed input plus everything not fed yet).
    Upgraded(Vec<u8>),
    /// The decoder failed: the kind and the stream offset.
    Error(ErrorKind, u64),
}

impl Ev {
    /// Copy `event` out of the buffer it borrows.
    pub fn of(event: &Event<'_>) -> Ev {
        match *event {
            Event::Request(line) => Ev::Request {
                method: line.method.to_vec(),
                target: line.target.to_vec(),
                version: line.version,
            },
            Event::Response(line) => Ev::Response {
                version: line.version,
                status: line.status,
                reason: line.reason.to_vec(),
            },
            Event::Header(field) => Ev::Header(field.name.to_vec(), field.value.to_vec()),
            Event::HeadEnd(head) => Ev::HeadEnd(head.framing),
            Event::Body(data) => Ev::Body(data.to_vec()),
            Event::Trailer(field) => Ev::Trailer(field.name.to_vec(), field.value.to_vec()),
            Event::MessageEnd => Ev::MessageEnd,
        }
    }
}

/// [`Ev::of`], after checking that every slice `event` borrows lies in
/// `input`, the slice the call that returned it was given (a borrowed
/// event slice must point there, never elsewhere), and that a body piece
/// is not empty (documented).
pub fn own(event: Event<'_>, input: &[u8]) -> Ev {
    let slices: &[(&str, &[u8])] = match &event {
        Event::Request(line) => &[("method", line.method), ("target", line.target)],
        Event::Response(line) => &[("reason", line.reason)],
        Event::Header(field) => &[("header name", field.name), ("header value", field.value)],
        Event::Trailer(field) => &[("trailer name", field.name), ("trailer value", field.value)],
        Event::Body(data) => {
            assert!(!data.is_empty(), "Event::Body is documented never empty");
            &[("body piece", *data)]
        }
        Event::HeadEnd(_) | Event::MessageEnd => &[],
    };
    for (what, slice) in slices {
        assert_within(slice, input, what);
    }
    Ev::of(&event)
}

/// Panics unless `inner` lies inside `outer`.
fn assert_within(inner: &[u8], outer: &[u8], what: &str) {
    let o = outer.as_ptr_range();
    let i = inner.as_ptr_range();
    assert!(
        o.start <= i.start && i.end <= o.end,
        "{what} {:?} does not borrow the input slice it was decoded from",
        Show(inner)
    );
}

impl fmt::Debug for Ev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ev::Request {
                method,
                target,
                version,
            } => write!(
                f,
                "Request({:?} {:?} {})",
                Show(method),
                Show(target),
                version.as_str()
            ),
            Ev::Response {
                version,
                status,
                reason,
            } => write!(
                f,
                "Response({} {status} {:?})",
                version.as_str(),
                Show(reason)
            ),
            Ev::Header(n, v) => write!(f, "Header({:?}: {:?})", Show(n), Show(v)),
            Ev::HeadEnd(framing) => write!(f, "HeadEnd({framing:?})"),
            Ev::Body(data) => write!(f, "Body({:?})", Show(data)),
            Ev::Trailer(n, v) => write!(f, "Trailer({:?}: {:?})", Show(n), Show(v)),
            Ev::MessageEnd => f.write_str("MessageEnd"),
            Ev::Upgraded(rest) => write!(f, "Upgraded({:?})", Show(rest)),
            Ev::Error(kind, offset) => write!(f, "Error({kind} at {offset})"),
        }
    }
}

/// Join consecutive `Body` events: how a body is cut into pieces depends on
/// how the input was cut; everything else must not. (Takes the events by
/// value or by reference.)
pub fn merge_bodies(events: impl AsRef<[Ev]>) -> Vec<Ev> {
    let events = events.as_ref();
    let mut merged: Vec<Ev> = Vec::with_capacity(events.len());
    for event in events {
        match (merged.last_mut(), event) {
            (Some(Ev::Body(acc)), Ev::Body(more)) => acc.extend_from_slice(more),
            (_, event) => merged.push(event.clone()),
        }
    }
    merged
}

/// Whether `saw` (what a connection read so far) is the start of `all`
/// (what a fresh decoder reads from the whole wire): bodies merged, and the
/// last body of `saw` may be the start of a longer one.
pub fn is_prefix(saw: &[Ev], all: &[Ev]) -> bool {
    let saw = merge_bodies(saw);
    let all = merge_bodies(all);
    let Some((last, before)) = saw.split_last() else {
        return true;
    };
    all.len() >= saw.len()
        && all[..before.len()] == *before
        && match (last, &all[before.len()]) {
            (Ev::Body(a), Ev::Body(b)) => b.starts_with(a),
            (a, b) => a == b,
        }
}

/// Shorthands that keep expected event lists short.
pub fn request(method: &str, target: &str, version: Version) -> Ev {
    Ev::Request {
        method: method.as_bytes().to_vec(),
        target: target.as_bytes().to_vec(),
        version,
    }
}

pub fn header(name: &str, value: &str) -> Ev {
    Ev::Header(name.as_bytes().to_vec(), value.as_bytes().to_vec())
}

pub fn trailer(name: &str, value: &str) -> Ev {
    Ev::Trailer(name.as_bytes().to_vec(), value.as_bytes().to_vec())
}

pub fn body(data: &[u8]) -> Ev {
    Ev::Body(data.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_merge_and_nothing_else_does() {
        let events = [
            body(b"ab"),
            body(b"c"),
            trailer("T", "1"),
            Ev::MessageEnd,
            Ev::MessageEnd,
        ];
        assert_eq!(
            merge_bodies(events),
            [
                body(b"abc"),
                trailer("T", "1"),
                Ev::MessageEnd,
                Ev::MessageEnd
            ]
        );
    }

    #[test]
    fn a_prefix_may_end_inside_a_body() {
        let all = [body(b"ab"), body(b"cd"), Ev::MessageEnd];
        assert!(is_prefix(&[], &all));
        assert!(is_prefix(&[body(b"a")], &all));
        assert!(is_prefix(&[body(b"abc")], &all));
        assert!(is_prefix(&all, &all));
        assert!(!is_prefix(&[body(b"b")], &all));
        assert!(!is_prefix(
            &[body(b"abcd"), Ev::MessageEnd, Ev::MessageEnd],
            &all
        ));
    }

    #[test]
    #[should_panic(expected = "does not borrow the input slice")]
    fn a_slice_from_elsewhere_is_refused() {
        let input = b"abc".to_vec();
        let elsewhere = b"abc".to_vec();
        own(Event::Body(&elsewhere), &input);
    }
}
