//! Steps with their borrowed parts as offsets into the input: how the
//! decoder's out-of-line paths hand a step back to [`Decoder::decode`],
//! which is inlined into the caller's loop.
//!
//! Why: `decode` returns from a dozen places, a few of them calls to
//! out-of-line paths (`decode_general`, `decode_start_line`) that write a
//! whole `Result<Step, Error>` through a pointer. With such a call among
//! them, the compiler keeps every return's step in memory and copies it
//! out again in the caller before looking at it, even a constant
//! `NeedMore` from the inline fast paths. When those paths return a step
//! of offsets instead, the inline code rebuilds the slices from the input
//! and every return stays in registers: measured (each build's fastest of
//! many rounds, builds alternating) 17% off a small GET's events, 9-11%
//! off larger heads, 10% off a byte-at-a-time head.
//!
//! [`Decoder::decode`]: super::Decoder::decode

use super::{Status, Step};
use crate::syntax::offset_from;
use crate::{Error, Event, Field, HeadEnd, RequestLine, StatusLine, Version};

/// A part of the input: `input[at..at + len]`.
#[derive(Clone, Copy)]
struct Span {
    at: usize,
    len: usize,
}

impl Span {
    /// Where `part`, a subslice of `input`, lies in `input`. (An empty
    /// part keeps its place too: callers may look at where it points.)
    #[inline(always)]
    fn of(part: &[u8], input: &[u8]) -> Span {
        let at = offset_from(input, part);
        debug_assert!(
            at.checked_add(part.len())
                .is_some_and(|end| end <= input.len()),
            "an event part outside the input"
        );
        Span {
            at,
            len: part.len(),
        }
    }

    /// The part again. Every span comes from [`Span::of`] on the same
    /// input, so it is within it (the debug assertion there holds in every
    /// test and fuzz run); out of bounds would give an empty slice, not a
    /// panic.
    #[inline(always)]
    fn get(self, input: &[u8]) -> &[u8] {
        input
            .get(self.at..self.at.wrapping_add(self.len))
            .unwrap_or_default()
    }
}

/// A [`Status`] with spans for slices.
#[derive(Clone, Copy)]
enum OffsetStatus {
    Request(Span, Span, Version),
    Response(Version, u16, Span),
    Header(Span, Span),
    HeadEnd(HeadEnd),
    Body(Span),
    Trailer(Span, Span),
    MessageEnd,
    NeedMore,
    Upgraded,
    Closed,
}

/// A [`Step`] with spans for slices.
#[derive(Clone, Copy)]
pub(super) struct OffsetStep {
    consumed: usize,
    status: OffsetStatus,
}

/// `step`, whose slices borrow from `input`, as offsets.
#[inline(always)]
pub(super) fn detach(step: Result<Step<'_>, Error>, input: &[u8]) -> Result<OffsetStep, Error> {
    let step = step?;
    let span = |part: &[u8]| Span::of(part, input);
    let status = match step.status {
        Status::Event(Event::Request(line)) => {
            OffsetStatus::Request(span(line.method), span(line.target), line.version)
        }
        Status::Event(Event::Response(line)) => {
            OffsetStatus::Response(line.version, line.status, span(line.reason))
        }
        Status::Event(Event::Header(field)) => {
            OffsetStatus::Header(span(field.name), span(field.value))
        }
        Status::Event(Event::HeadEnd(head)) => OffsetStatus::HeadEnd(head),
        Status::Event(Event::Body(data)) => OffsetStatus::Body(span(data)),
        Status::Event(Event::Trailer(field)) => {
            OffsetStatus::Trailer(span(field.name), span(field.value))
        }
        Status::Event(Event::MessageEnd) => OffsetStatus::MessageEnd,
        Status::NeedMore => OffsetStatus::NeedMore,
        Status::Upgraded => OffsetStatus::Upgraded,
        Status::Closed => OffsetStatus::Closed,
    };
    Ok(OffsetStep {
        consumed: step.consumed,
        status,
    })
}

/// The step [`detach`] took apart, borrowing from the same `input` again.
#[inline(always)]
pub(super) fn attach(step: Result<OffsetStep, Error>, input: &[u8]) -> Result<Step<'_>, Error> {
    let step = step?;
    let field = |name: Span, value: Span| Field {
        name: name.get(input),
        value: value.get(input),
    };
    let event = match step.status {
        OffsetStatus::Request(method, target, version) => Event::Request(RequestLine {
            method: method.get(input),
            target: target.get(input),
            version,
        }),
        OffsetStatus::Response(version, status, reason) => Event::Response(StatusLine {
            version,
            status,
            reason: reason.get(input),
        }),
        OffsetStatus::Header(name, value) => Event::Header(field(name, value)),
        OffsetStatus::HeadEnd(head) => Event::HeadEnd(head),
        OffsetStatus::Body(data) => Event::Body(data.get(input)),
        OffsetStatus::Trailer(name, value) => Event::Trailer(field(name, value)),
        OffsetStatus::MessageEnd => Event::MessageEnd,
        OffsetStatus::NeedMore => return Ok(step.with(Status::NeedMore)),
        OffsetStatus::Upgraded => return Ok(step.with(Status::Upgraded)),
        OffsetStatus::Closed => return Ok(step.with(Status::Closed)),
    };
    Ok(step.with(Status::Event(event)))
}

impl OffsetStep {
    #[inline(always)]
    fn with(self, status: Status<'_>) -> Step<'_> {
        Step {
            consumed: self.consumed,
            status,
        }
    }
}
