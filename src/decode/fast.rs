//! The common cases, each read in one step by code small enough to inline
//! into the caller's loop: an ordinary field line, the empty line ending a
//! head, a plain chunk. Each returns `None` for anything else, which the
//! general path (`decode_general`) then reads the same way; the unit tests
//! of the readers and the split-invariance tests (the general path reads
//! partial input, the one-step path whole lines) hold them to that.

use super::offsets::{self, OffsetStep};
use super::{count32, held_count, Advance, Decoder, State, Status, Step};
use crate::body::chunked::{plain_chunk, RepeatedFraming};
use crate::head::field::{classify, fast_field_line, FastLine, KnownField};
use crate::head::line::Progress;
use crate::readings::SectionReadings;
use crate::syntax::chars::is_whitespace;
use crate::{Error, Event, Field, HeadEnd};

impl Decoder {
    /// The empty line that ends a head, at the front of the input, when it
    /// is the first look at it and the head has room for it.
    #[inline(always)]
    pub(super) fn plain_head_end<'a>(&mut self, input: &[u8]) -> Option<Result<Step<'a>, Error>> {
        let (room, _) = self.section_room(false);
        if !self.line.is_fresh() || room < 2 {
            return None;
        }
        let result = self
            .end_of_head(self.position, self.section_len as usize)
            .map_err(|e| self.failed(e));
        Some(result.map(|framing| {
            self.section_len += 2;
            self.settle(input, 2);
            Step {
                consumed: 2,
                status: Status::Event(Event::HeadEnd(HeadEnd { framing })),
            }
        }))
    }

    /// A message's start line, all here and with no empty line before it,
    /// read by the general path's own fast reader (`fast_start_line`)
    /// without the general path's loop around it; anything else goes to
    /// that loop. Out of line, its step as offsets: once per message, and
    /// `decode` stays small (see `offsets`).
    #[inline(never)]
    pub(super) fn start_line_by_offsets(&mut self, input: &[u8]) -> Result<OffsetStep, Error> {
        offsets::detach(self.decode_start_line(input), input)
    }

    #[inline(always)]
    fn decode_start_line<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        let fast = match input.first() {
            Some(b'\r' | b'\n') | None => None,
            Some(_) => self.fast_start_line(input),
        };
        let Some((event, kind, next)) = fast else {
            return self.decode_general(input);
        };
        // As `start_line` and the general loop do for the same line
        // (`begin_message` counts the line into the head's length).
        self.readings = SectionReadings::starting_at(self.position);
        self.begin_message(kind, next);
        self.line = Progress::default();
        self.settle(input, next);
        Ok(Step {
            consumed: next,
            status: Status::Event(event),
        })
    }

    /// Body data framed by a length (a Content-Length body, or the rest
    /// of a chunk's data), when some of it is here: the general path's
    /// own reader (`body`), without the general path around it.
    #[inline(always)]
    pub(super) fn plain_body<'a>(
        &mut self,
        input: &'a [u8],
        remaining: u64,
        chunk: bool,
    ) -> Option<Step<'a>> {
        match self.body(input, remaining, chunk) {
            Advance::Emit(take, event) => {
                self.settle(input, take);
                Some(Step {
                    consumed: take,
                    status: Status::Event(event),
                })
            }
            _ => None,
        }
    }

    /// The common chunk in one step ([`plain_chunk`]): `None` leaves it
    /// to the general path, which reads these bytes the same way.
    #[inline(always)]
    pub(super) fn plain_chunk<'a>(&mut self, input: &'a [u8]) -> Option<Step<'a>> {
        let (after_data, repeat) = self.state.plain_chunk_start()?;
        let chunk = match repeat.next(input) {
            // A whole chunk framed as the one before leaves the state as
            // it was (unwritten: the next call reads it back at once, and
            // a state written in parts and read whole stalls).
            Some(chunk) if chunk.remaining == 0 => chunk,
            Some(chunk) => {
                self.state = State::in_chunk_data(chunk.remaining, repeat);
                chunk
            }
            None => {
                let chunk = plain_chunk(input, after_data, self.limits.chunk_line())?;
                let repeat = RepeatedFraming::of(input, after_data, &chunk);
                self.state = State::in_chunk_data(chunk.remaining, repeat);
                chunk
            }
        };
        let consumed = input.len() - chunk.rest.len();
        // (What is held is the rest: no subtraction to saturate.)
        self.position += consumed as u64;
        self.held = held_count(chunk.rest.len());
        Some(Step {
            consumed,
            status: Status::Event(Event::Body(chunk.data)),
        })
    }

    /// The field line at the front of `input` when it is the common case
    /// (well-formed, no fold, within every limit), in one pass: taken
    /// (counted, its framing and role facts checked, `position` moved past
    /// it; `held` is the caller's), or, for a line that arrived in pieces
    /// (scanned on from where its partial scan stopped), its CR if that is
    /// where it now ends, or why not. `decode` delivers it as its one-step
    /// path (the general path reads every other line, the same way), and
    /// `decode_head` into the caller's array.
    #[inline(always)]
    pub(super) fn plain_field<'a>(&mut self, input: &'a [u8]) -> PlainField<'a> {
        // The caller matched State::Fields. Without folding, a partial scan
        // of this line only ever recorded how far it got (no marks), with
        // the same cap, since nothing of the head was consumed meanwhile.
        // With folding (responses), only a fresh line, whose end is known
        // by the byte after it.
        let folds = self.role.folds(self.lenient);
        if folds && !self.line.is_fresh() {
            return PlainField::Other;
        }
        let (room, cap) = self.section_room(false);
        let (span, next) = match fast_field_line(input, cap, self.line.scanned()) {
            FastLine::Whole(span, next) => (span, next),
            FastLine::AtCr(at) if !folds => return PlainField::Partial(at, cap),
            // (No stop byte yet: not a fold either.)
            FastLine::Partial => return PlainField::Partial(input.len(), cap),
            FastLine::AtCr(_) | FastLine::Other => return PlainField::Other,
        };
        if next > room || self.fields as usize == self.limits.fields() {
            return PlainField::Other;
        }
        if folds && input.get(next).is_none_or(|&b| is_whitespace(b)) {
            // Folded, or not known yet.
            return PlainField::Other;
        }
        let (Some(name), Some(value)) = (
            input.get(..span.name_end),
            input.get(span.value_start..span.value_end),
        ) else {
            return PlainField::Other;
        };
        let known = classify(name);
        if known != KnownField::Other {
            let base = self.position;
            let head_before = self.section_len as usize;
            if let Err(fault) = self.field_facts(known, value, base, head_before, span.value_start)
            {
                return PlainField::Failed(self.failed(fault.in_stream(base)));
            }
        }
        self.fields += 1;
        self.section_len += count32(next);
        self.line = Progress::default();
        self.position += next as u64;
        PlainField::Field(Field { name, value }, next)
    }
}

/// What [`Decoder::plain_field`] did.
pub(super) enum PlainField<'a> {
    /// Took this field, whose line ends at this index.
    Field(Field<'a>, usize),
    /// A plain line so far, partial: scanned up to this index (its CR
    /// there, the last byte, or the end of the input), line cap given.
    Partial(usize, usize),
    /// The line broke a rule: the decoder failed.
    Failed(Error),
    /// Not the common case: for the general path.
    Other,
}
