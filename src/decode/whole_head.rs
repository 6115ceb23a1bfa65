//! The head-at-once API: one call reads a whole head (start line, every
//! field into the caller's array, framing) when it is all in the input,
//! the shape httparse and picohttpparser callers know.
//!
//! It is the event machine run to the end of the head, not a second
//! parser: the same rules, errors, offsets and readings by construction.
//! What it adds is bookkeeping. A head that is not all here yet is
//! checked as far as it goes and left in the caller's buffer
//! (`head_read` bytes of it already read), so a slow peer still costs
//! linear time; when it completes, the lines read by earlier calls are
//! split again, without their checks being run again, into the array.

use super::{count32, held_count, Decoder, State, Status};
use crate::head::field::{classify, fast_field_line, parse_field_line, FastLine, KnownField};
use crate::head::line::{scan_line, LineEnd, LineRules, Progress, Scan};
use crate::readings::SectionReadings;
use crate::syntax::chars::is_whitespace;
use crate::syntax::within;
use crate::{Error, ErrorKind, Event, Field, Framing, MethodKind, StartLine};

/// A whole head read by [`Decoder::decode_head`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head<'a, 'f> {
    /// The request line (server role) or status line (client role).
    pub start: StartLine<'a>,
    /// The fields of the head in the order received: the front of the
    /// array given to `decode_head`.
    pub fields: &'f [Field<'a>],
    /// How the body is framed (RFC 9112 section 6.3).
    pub framing: Framing,
    /// Bytes of the input the head took (with the empty line ending it,
    /// and the empty line before a request line if one was skipped): drop
    /// them, as for [`Step::consumed`](crate::Step::consumed).
    pub len: usize,
}

impl<'a> Head<'a, '_> {
    /// The value of the first field named `name` (ASCII case ignored).
    pub fn field(&self, name: &str) -> Option<&'a [u8]> {
        self.fields
            .iter()
            .find(|f| f.name_is(name))
            .map(|f| f.value)
    }
}

/// What a [`Decoder::decode_head`] call produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadStatus<'a, 'f> {
    /// The whole head. With [`Framing::None`] it is the whole message: no
    /// [`Event::MessageEnd`] follows, and the next call reads the next
    /// head. With [`Framing::Upgrade`] it is the last of HTTP/1: the
    /// bytes after it belong to the new protocol ([`Decoder::decode`]
    /// reports [`Status::Upgraded`]). Otherwise [`Decoder::decode`]
    /// delivers the body as events (a `Length(0)` body at once), any
    /// trailers, then `MessageEnd`; a `decode_head` call for the next head
    /// once the body was read to its end (a chunked body's last chunk and
    /// trailers too) implies that `MessageEnd`.
    Complete(Head<'a, 'f>),
    /// The head is not all here: nothing was consumed. Keep the bytes,
    /// append more and call again; those already read are not read twice.
    NeedMore,
    /// The decoder is not between messages: inside a head that
    /// [`Decoder::decode`] began, a body or a trailer section (read on
    /// with `decode`), or done with HTTP/1. Nothing was consumed.
    NotAtHead,
}

impl Decoder {
    /// Read a whole head at the front of `input`: the start line, every
    /// field into `fields`, and the framing of the body, in one call.
    ///
    /// The same rules as [`decode`](Self::decode), with the same errors at
    /// the same offsets and the same [`readings`](Self::readings); only the
    /// delivery differs. A head not all in `input` returns
    /// [`HeadStatus::NeedMore`] and consumes nothing (unlike `decode`, the
    /// head's bytes stay the caller's to pass again), yet what was read is
    /// not read again, so a peer sending a byte at a time costs linear
    /// time. A head with more fields than `fields` holds is an
    /// [`ErrorKind::FieldArrayFull`] error; an array of
    /// [`Limits::fields`](crate::Limits::fields) entries never fills.
    ///
    /// The whole head must be in `input` at once: a fixed buffer needs
    /// [`Limits::head_buffer_len`](crate::Limits::head_buffer_len) bytes
    /// (the head limit and one), not only the
    /// [`buffer_len`](crate::Limits::buffer_len) the events need. Given
    /// less, a long head leaves this saying `NeedMore` with the buffer
    /// full; `decode` then reads it line by line.
    ///
    /// In a read loop, make the field array in the loop (as for
    /// [`decode_body`](Self::decode_body)'s pieces): the fields borrow the
    /// buffer, and an array kept across reads would hold that borrow while
    /// the buffer is refilled (error E0502). Take what you need of the
    /// head (owned, or its framing and length) before you refill.
    ///
    /// The body and trailers go on through `decode`, on the same decoder
    /// (see [`HeadStatus::Complete`]). Switching to
    /// `decode` while a head is half read starts that head over, as
    /// events.
    ///
    /// ```
    /// use h1wire::{Config, Decoder, Field, Framing, HeadStatus, StartLine, Status, Event};
    ///
    /// # fn main() -> Result<(), h1wire::Error> {
    /// let mut decoder = Decoder::server(Config::default());
    /// let mut fields = [Field::EMPTY; 32];
    /// let input = b"POST /form HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhello";
    ///
    /// // Half a head: nothing consumed; pass it again with more bytes.
    /// let half = decoder.decode_head(&input[..30], &mut fields)?;
    /// assert_eq!(half, HeadStatus::NeedMore);
    ///
    /// let HeadStatus::Complete(head) = decoder.decode_head(input, &mut fields)? else {
    ///     panic!("the head is all here");
    /// };
    /// let StartLine::Request(line) = head.start else { unreachable!() };
    /// assert_eq!((line.method, line.target), (&b"POST"[..], &b"/form"[..]));
    /// assert_eq!(head.fields.len(), 2);
    /// assert_eq!(head.field("host"), Some(&b"example.com"[..]));
    /// assert_eq!(head.framing, Framing::Length(5));
    ///
    /// // The body through the event API, after the head's bytes.
    /// let step = decoder.decode(&input[head.len..])?;
    /// assert_eq!(step.status, Status::Event(Event::Body(b"hello")));
    /// # Ok(())
    /// # }
    /// ```
    #[inline]
    pub fn decode_head<'a, 'f>(
        &mut self,
        input: &'a [u8],
        fields: &'f mut [Field<'a>],
    ) -> Result<HeadStatus<'a, 'f>, Error> {
        // A slow peer's next bytes of a line already begun, in a head this
        // API is reading: only they are looked at, here, without the rest
        // of the call (which would find the same).
        let reading_head = || match self.state {
            State::StartLine { .. } => true,
            State::Fields(_) => self.head_read != 0,
            _ => false,
        };
        // (The record of that line counts from the head's first byte: see
        // `Progress::moved`.)
        if !self.line.is_fresh() && reading_head() && self.line.extend_partial(input) {
            self.held = count32(input.len()); // a head within its limit
            return Ok(HeadStatus::NeedMore);
        }
        self.decode_head_general(input, fields)
    }

    /// [`decode_head`](Self::decode_head) but for a slow peer's next bytes.
    #[inline(never)]
    fn decode_head_general<'a, 'f>(
        &mut self,
        input: &'a [u8],
        fields: &'f mut [Field<'a>],
    ) -> Result<HeadStatus<'a, 'f>, Error> {
        match self.state {
            State::Failed(error) => return Err(error),
            // The end of the previous message is implied by asking for the
            // next head.
            State::MessageEnd { upgrade: false } => {
                self.state = State::StartLine {
                    empty_line_skipped: false,
                }
            }
            State::StartLine { .. } => {}
            State::Fields(_) if self.head_read != 0 => {}
            _ => return Ok(HeadStatus::NotAtHead),
        }
        if self.head_read as usize > input.len() {
            // Fewer bytes than earlier calls read: not the buffer contract.
            // Read the head from its first byte again rather than guess.
            self.rewind_head();
        }
        // (A slow peer's next bytes of a line already begun were looked at
        // by `decode_head`: they did not end the line.)
        // Lines read by earlier calls (all of them checked) hold the start
        // line and this many fields.
        let read_before = core::mem::take(&mut self.head_read) as usize;
        // The partial line's record, kept counting from the head's first
        // byte between calls, counts from the line's first byte again, as
        // the event machine keeps it.
        if read_before != 0 {
            self.line = self.line.moved(read_before, false);
        }
        let head_start = self.position - read_before as u64;
        let fields_before = if read_before > 0 && matches!(self.state, State::Fields(_)) {
            self.fields as usize
        } else {
            0
        };
        if fields.len() < fields_before {
            // An array shorter than the one the earlier calls filled: full
            // at the first field line that does not fit, as when one call
            // reads the whole head.
            return Err(self.array_full_again(within(input, ..read_before), fields, head_start));
        }
        let mut read = read_before;
        let mut start = None;
        let framing = loop {
            // (`matches!`, not `==`: the derived `eq` is a call comparing
            // every variant's fields, 20 instructions here.)
            if matches!(
                self.state,
                State::StartLine {
                    empty_line_skipped: false
                }
            ) {
                // The common start line, read here rather than through
                // `decode` (which reads it the same way, and everything
                // else: an empty line before it, a partial or odd line).
                if let Some((event, kind, next)) = self.fast_start_line(within(input, read..)) {
                    self.readings = SectionReadings::starting_at(self.position);
                    self.begin_message(kind, next);
                    self.line = Progress::default();
                    self.position += next as u64;
                    read += next;
                    start = match event {
                        Event::Request(line) => Some(StartLine::Request(line)),
                        Event::Response(line) => Some(StartLine::Response(line)),
                        _ => None,
                    };
                    continue;
                }
            }
            if matches!(self.state, State::Fields(_)) && self.line.is_fresh() {
                // The common field lines, straight into the array. (A line
                // a slow peer is still sending goes to `decode`, which
                // looks at its new bytes only.)
                match self.plain_fields_in_place(input, read, fields) {
                    Ok(after) => read = after,
                    Err(error) => {
                        self.position = head_start;
                        return Err(error);
                    }
                }
                let rest = within(input, read..);
                if rest.starts_with(b"\r\n") && self.section_room(false).0 >= 2 {
                    // The end of the head, as `decode` reads it.
                    match self.end_of_head(self.position, self.section_len as usize) {
                        Ok(framing) => {
                            self.section_len += 2;
                            self.position += 2;
                            read += 2;
                            break framing;
                        }
                        Err(error) => {
                            let error = self.failed(error);
                            self.position = head_start;
                            return Err(error);
                        }
                    }
                }
            }
            // Any other line, through the event machine.
            let line_at = self.position;
            let step = match self.decode(within(input, read..)) {
                Ok(step) => step,
                Err(error) => {
                    // Nothing of the head was the caller's to drop.
                    self.position = head_start;
                    return Err(error);
                }
            };
            read += step.consumed;
            match step.status {
                Status::Event(Event::Request(line)) => start = Some(StartLine::Request(line)),
                Status::Event(Event::Response(line)) => start = Some(StartLine::Response(line)),
                Status::Event(Event::Header(field)) => {
                    let Some(slot) = fields.get_mut(self.fields as usize - 1) else {
                        self.position = head_start;
                        let error = Error::new(ErrorKind::FieldArrayFull, line_at);
                        return Err(self.failed(error));
                    };
                    *slot = field;
                }
                Status::Event(Event::HeadEnd(end)) => break end.framing,
                Status::NeedMore => {
                    self.head_read = count32(read);
                    // Kept in the caller's buffer, after the head's `read`
                    // bytes: the partial line's record counts from the
                    // buffer's first byte, so that the next call (either
                    // API) can look at a slow peer's new bytes without
                    // asking which API read the rest.
                    self.line = self.line.moved(read, true);
                    self.held = held_count(input.len());
                    return Ok(HeadStatus::NeedMore);
                }
                // Nothing else comes before the end of a head.
                _ => return Err(self.head_broken(head_start)),
            }
        };
        if start.is_none() {
            // Earlier calls read the start line and `fields_before` fields:
            // split them again into `fields`. (The whole head is passed: a
            // line's end is known by the byte after it when fields fold.)
            let head = within(input, ..read);
            let earlier = fields.get_mut(..fields_before).unwrap_or_default();
            start = self.split_again(head, earlier).map(|(start, _)| start);
        }
        let Some(start) = start else {
            return Err(self.head_broken(head_start));
        };
        // A message without a body is complete with its head: no
        // `MessageEnd` follows (the head said it all).
        match (framing, self.state) {
            (Framing::None, State::MessageEnd { upgrade: false }) => {
                self.state = State::StartLine {
                    empty_line_skipped: false,
                }
            }
            (Framing::Upgrade, State::MessageEnd { upgrade: true }) => self.state = State::Upgraded,
            _ => {}
        }
        // (Every field read went into `fields`: none beyond its end.)
        let fields: &'f [Field<'a>] = fields;
        let Some(fields) = fields.get(..self.fields as usize) else {
            return Err(self.head_broken(head_start));
        };
        self.held = held_count(input.len() - read);
        Ok(HeadStatus::Complete(Head {
            start,
            fields,
            framing,
            len: read,
        }))
    }

    /// The plain field lines (see `fast.rs`) from `input[read..]` on, each
    /// taken as [`plain_field`](Self::plain_field) takes one and written
    /// into `fields`, with the limits read once and the counters kept in
    /// locals; returns where the first other line starts. On an error the
    /// decoder has failed.
    #[inline(always)]
    fn plain_fields_in_place<'a>(
        &mut self,
        input: &'a [u8],
        mut read: usize,
        fields: &mut [Field<'a>],
    ) -> Result<usize, Error> {
        let folds = self.role.folds(self.lenient);
        let limits = self.limits;
        let input_at = self.position - read as u64;
        let mut count = self.fields as usize;
        let mut section = self.section_len as usize;
        let failure = loop {
            let rest = within(input, read..);
            if rest.first() == Some(&b'\r') {
                // The empty line ending the head, as a rule: the caller
                // reads it.
                break None;
            }
            let room = limits.head().saturating_sub(section);
            let cap = limits.line().min(room);
            let FastLine::Whole(span, next) = fast_field_line(rest, cap, 0) else {
                break None;
            };
            if next > room || count == limits.fields() {
                break None;
            }
            if folds && rest.get(next).is_none_or(|&b| is_whitespace(b)) {
                break None;
            }
            let (Some(name), Some(value)) = (
                rest.get(..span.name_end),
                rest.get(span.value_start..span.value_end),
            ) else {
                break None;
            };
            let line_at = input_at + read as u64;
            let known = classify(name);
            if known != KnownField::Other {
                if let Err(fault) =
                    self.field_facts(known, value, line_at, section, span.value_start)
                {
                    break Some(fault.in_stream(line_at));
                }
            }
            count += 1;
            let Some(slot) = fields.get_mut(count - 1) else {
                break Some(Error::new(ErrorKind::FieldArrayFull, line_at));
            };
            *slot = Field { name, value };
            section += next;
            read += next;
        };
        self.fields = count32(count);
        self.section_len = count32(section);
        self.position = input_at + read as u64;
        match failure {
            None => Ok(read),
            Some(error) => Err(self.failed(error)),
        }
    }

    /// Go back to the start of a head that [`decode_head`](Self::decode_head)
    /// read in part, so that [`decode`](Self::decode) delivers it from its
    /// first line: the caller switched APIs in the middle of a head.
    #[cold]
    pub(super) fn rewind_head(&mut self) {
        self.position -= u64::from(core::mem::take(&mut self.head_read));
        if matches!(self.state, State::StartLine { .. } | State::Fields(_)) {
            // A final status line took the method of the request it
            // answers; it will take it again.
            if let Some(method) = self.half_read_answer_to() {
                self.methods.unpop(method);
            }
            // An empty line before the head that an earlier call skipped
            // (its bytes are consumed) stays skipped: the message, and its
            // record of readings, began there.
            self.state = State::StartLine {
                empty_line_skipped: self.readings.start() < self.position,
            };
            self.line = Progress::default();
        }
    }

    /// The start line and the first `fields.len()` field lines of `head`,
    /// whose lines this decoder already read and checked: split again
    /// (by the same line and field functions), not checked again; and
    /// where the line after them starts in `head`. `None` only if `head`
    /// does not hold them, which the reading that checked them rules out.
    fn split_again<'a>(
        &self,
        head: &'a [u8],
        fields: &mut [Field<'a>],
    ) -> Option<(StartLine<'a>, usize)> {
        let rules = LineRules {
            cap: usize::MAX,
            bare_lf: self.lenient.bare_lf(),
            fold: false,
        };
        let mut at = 0;
        let mut next_line = |fold: bool| {
            let rest = within(head, at..);
            let mut progress = Progress::default();
            let rules = LineRules { fold, ..rules };
            match scan_line(rest, &mut progress, rules) {
                Scan::Line(line) => {
                    at += line.next;
                    Some((within(rest, ..line.len), line.end, line.fold_at.is_some()))
                }
                _ => None,
            }
        };
        let (mut content, mut end, _) = next_line(false)?;
        if content.is_empty() && end != LineEnd::Invalid {
            // The one empty line allowed before a request line.
            (content, end, _) = next_line(false)?;
        }
        // The method only frames the message, which was framed already.
        let start = self
            .role
            .parse_start_line(content, end, self.lenient, MethodKind::Other)
            .ok()?;
        let start = match start.event {
            Event::Request(line) => StartLine::Request(line),
            Event::Response(line) => StartLine::Response(line),
            _ => return None,
        };
        let fold = self.role.folds(self.lenient);
        for slot in fields {
            let (content, end, folded) = next_line(fold)?;
            let span = parse_field_line(content, end, folded).ok()?;
            *slot = Field {
                name: within(content, ..span.name_end),
                value: within(content, span.value_start..span.value_end),
            };
        }
        Some((start, at))
    }

    /// [`ErrorKind::FieldArrayFull`] for an array shorter than the fields
    /// that earlier calls read of `head` (their lines only): at the line
    /// of the first field that does not fit.
    #[cold]
    fn array_full_again<'a>(
        &mut self,
        head: &'a [u8],
        fields: &mut [Field<'a>],
        head_start: u64,
    ) -> Error {
        let at = self.split_again(head, fields).map_or(0, |(_, at)| at);
        self.position = head_start;
        let error = Error::new(ErrorKind::FieldArrayFull, head_start + at as u64);
        self.failed(error)
    }

    /// A head that the decoder's own reading says cannot be: the caller
    /// changed bytes an earlier call read (rule 1 of the buffer contract
    /// on [`Decoder`]), reported as an error rather than a panic. (The
    /// `head_agreement` fuzz target holds a caller that keeps the
    /// contract away from here.)
    #[cold]
    fn head_broken(&mut self, head_start: u64) -> Error {
        self.position = head_start;
        let error = Error::new(ErrorKind::Incomplete, head_start);
        self.failed(error)
    }
}
