//! What one drive of a decoder produced: every event with where its call
//! put it in the stream ([`Record`]), the reduction, and how the stream
//! ended.

use h1wire::{Error, Framing, Readings, Version};

use crate::event::Ev;
use crate::reduction::Reduction;

/// A slice of an event, with the stream offset of its first byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub at: u64,
    pub bytes: Vec<u8>,
}

/// A header or trailer field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRec {
    pub name: Span,
    /// The value as delivered (raw folds included when folded).
    pub value: Span,
    pub folded: bool,
    /// The value as the conformance contract reads it: the pieces joined by SP.
    pub joined: Vec<u8>,
}

/// An event, owned, with the stream offsets of its slices: what the
/// driver records. [`SpannedEv::plain`] drops the offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpannedEv {
    Request {
        method: Span,
        target: Span,
        version: Version,
    },
    Response {
        version: Version,
        status: u16,
        reason: Span,
    },
    Header(FieldRec),
    HeadEnd(Framing),
    Body(Span),
    Trailer(FieldRec),
    MessageEnd,
}

impl SpannedEv {
    /// The event without its offsets (a field value as delivered).
    pub fn plain(&self) -> Ev {
        match self {
            SpannedEv::Request {
                method,
                target,
                version,
            } => Ev::Request {
                method: method.bytes.clone(),
                target: target.bytes.clone(),
                version: *version,
            },
            SpannedEv::Response {
                version,
                status,
                reason,
            } => Ev::Response {
                version: *version,
                status: *status,
                reason: reason.bytes.clone(),
            },
            SpannedEv::Header(f) => Ev::Header(f.name.bytes.clone(), f.value.bytes.clone()),
            SpannedEv::HeadEnd(framing) => Ev::HeadEnd(*framing),
            SpannedEv::Body(data) => Ev::Body(data.bytes.clone()),
            SpannedEv::Trailer(f) => Ev::Trailer(f.name.bytes.clone(), f.value.bytes.clone()),
            SpannedEv::MessageEnd => Ev::MessageEnd,
        }
    }
}

/// One event and where its call put it in the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub ev: SpannedEv,
    /// Stream offset of the first byte of the call's input.
    pub base: u64,
    /// Stream offset just after the bytes the call consumed.
    pub end: u64,
    /// The decoder's readings right after the event.
    pub readings: Readings,
}

/// How the stream ended for the decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// `finish` accepted the end of the stream.
    Closed,
    /// The connection left HTTP/1.
    Upgraded,
    /// An error ended the stream.
    Error(Error),
    /// The peer did not close ([`drive_open`](crate::drive_open)): every
    /// byte was given, `finish` was not called, the decoder waits for more.
    Open,
}

/// Everything one drive produced.
#[derive(Clone, Debug)]
pub struct Trace {
    pub records: Vec<Record>,
    pub reduction: Reduction,
    /// Stream bytes given to the decoder (all of them, unless it stopped).
    pub given: u64,
    /// Stream bytes the decoder consumed: after an upgrade, the tunnel
    /// starts here.
    pub consumed: u64,
}

impl Trace {
    pub fn end(&self) -> End {
        self.reduction.end
    }

    /// The framings of the heads, in order.
    pub fn framings(&self) -> Vec<Framing> {
        self.records
            .iter()
            .filter_map(|r| match r.ev {
                SpannedEv::HeadEnd(f) => Some(f),
                _ => None,
            })
            .collect()
    }

    /// The events, plain, then how the stream of `stream` stopped if not
    /// by a clean end: [`Ev::Error`], or [`Ev::Upgraded`] with the bytes
    /// left for the new protocol.
    pub fn events(&self, stream: &[u8]) -> Vec<Ev> {
        let mut events: Vec<Ev> = self.records.iter().map(|r| r.ev.plain()).collect();
        match self.end() {
            End::Error(e) => events.push(Ev::Error(e.kind(), e.offset())),
            End::Upgraded => events.push(Ev::Upgraded(stream[self.consumed as usize..].to_vec())),
            End::Closed | End::Open => {}
        }
        events
    }

    /// The records with consecutive body pieces merged into one (the only
    /// thing a split of the input may change), and per-call facts (`base`,
    /// readings of body pieces) dropped.
    pub fn normalized(&self) -> Vec<(SpannedEv, u64, Readings)> {
        let mut out: Vec<(SpannedEv, u64, Readings)> = Vec::new();
        for r in &self.records {
            if let (SpannedEv::Body(piece), Some((SpannedEv::Body(prev), end, _))) =
                (&r.ev, out.last_mut())
            {
                // (Pieces of one chunk are contiguous; chunks are not.)
                prev.bytes.extend_from_slice(&piece.bytes);
                *end = r.end;
                continue;
            }
            let readings = match r.ev {
                SpannedEv::Body(_) => Readings::default(),
                _ => r.readings,
            };
            out.push((r.ev.clone(), r.end, readings));
        }
        out
    }
}
