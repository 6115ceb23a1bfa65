//! The body-at-once API: one call gathers every piece of body data the
//! input holds into the caller's array, as `decode_head` gathers a head's
//! fields, so a body of many small chunks costs a call per buffer, not a
//! call per chunk.
//!
//! It is `decode` run while it returns body data, not a second reader:
//! the same pieces, errors, offsets and readings by construction. The
//! shortcuts are `decode`'s own one-step readers called directly: body
//! data framed by a length, and a loop over plain chunks (a chunk-size
//! line without extensions, then data), chunk after chunk, with the
//! decoder's bookkeeping done once at the end instead of once per chunk.
//! When a chunk's framing (CRLF and size line) is the same bytes as the
//! chunk's before, it is known by one compare of a word, without parsing
//! the size again: chunks of one size are common, and then where the next
//! chunk starts is known before its bytes are loaded.

use super::{Decoder, State, Status, Step};
use crate::body::chunked::{plain_chunk, RepeatedFraming};
use crate::syntax::within;
use crate::{Error, Event};

/// What a [`Decoder::decode_body`] call read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyRead<'a, 'p> {
    /// Bytes of the input the call consumed: the pieces with their chunk
    /// framing, and what [`then`](Self::then) reports. Drop them, as for
    /// [`Step::consumed`](crate::Step::consumed), once done with the
    /// pieces.
    pub consumed: usize,
    /// The body data read, in order, with the chunked framing removed:
    /// the front of the array given, each piece a non-empty slice of the
    /// input, exactly the [`Event::Body`] pieces `decode` would have
    /// delivered one call at a time.
    pub pieces: &'p [&'a [u8]],
    /// What `decode` returned after the last piece when it was not body
    /// data: the event that follows the body ([`Event::Trailer`] or
    /// [`Event::MessageEnd`]), or, called outside a body, whatever event
    /// comes next; or [`Status::NeedMore`] when the rest of the input
    /// holds no more data. `None` when the array filled up (an empty
    /// array is always full: it reads nothing), or when the input goes
    /// wrong after the pieces: call again (the error comes then, with its
    /// offset, as from `decode`).
    pub then: Option<Status<'a>>,
}

impl Decoder {
    /// Read every piece of body data at the front of `input` into
    /// `pieces`, in one call: what [`decode`](Self::decode) would return
    /// as [`Event::Body`] events, one per call, until it returns
    /// something else (given in [`BodyRead::then`]) or the array is full.
    ///
    /// For a body of many small chunks (a stream of events, a proxied
    /// upload) this is one call per buffer instead of one per chunk, and
    /// the pieces are ready for one vectored write. The same rules as
    /// `decode`, with the same errors at the same offsets: an error after
    /// some pieces is returned by the next call, the pieces first; a call
    /// that returns an error consumes nothing. Mixing the two calls freely
    /// is fine; so is calling this one outside a body, where it returns no
    /// pieces and the next event in `then`.
    ///
    /// ```
    /// use h1wire::{Config, Decoder, Event, Field, HeadStatus, Status};
    ///
    /// # fn main() -> Result<(), h1wire::Error> {
    /// let mut decoder = Decoder::server(Config::default());
    /// let input = b"POST /upload HTTP/1.1\r\nHost: example.com\r\n\
    ///     Transfer-Encoding: chunked\r\n\r\n\
    ///     5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n";
    /// let mut fields = [Field::EMPTY; 16];
    /// let HeadStatus::Complete(head) = decoder.decode_head(input, &mut fields)? else {
    ///     panic!("the head is all here");
    /// };
    /// let rest = &input[head.len..];
    ///
    /// let mut pieces = [&b""[..]; 64];
    /// let body = decoder.decode_body(rest, &mut pieces)?;
    /// assert_eq!(body.pieces, [&b"hello"[..], b",", b" world"]);
    /// assert_eq!(body.then, Some(Status::Event(Event::MessageEnd)));
    /// assert_eq!(body.consumed, rest.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// In a read loop, make the array in the loop: the pieces borrow the
    /// buffer, and an array kept across reads would hold that borrow while
    /// the buffer is refilled (error E0502). Making one costs nothing. Take
    /// what you need of `then` before dropping the consumed bytes:
    ///
    /// ```
    /// use h1wire::{Config, Decoder, Event, Status};
    ///
    /// # fn main() -> Result<(), h1wire::Error> {
    /// let mut decoder = Decoder::server(Config::default());
    /// // What three reads from a socket bring.
    /// let mut reads = [
    ///     &b"PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhel"[..],
    ///     b"lo wor",
    ///     b"ld",
    /// ]
    /// .into_iter();
    /// let (mut buf, mut body) = (Vec::new(), Vec::new());
    /// loop {
    ///     let mut pieces = [&b""[..]; 64];
    ///     let read = decoder.decode_body(&buf, &mut pieces)?;
    ///     for piece in read.pieces {
    ///         body.extend_from_slice(piece); // or one vectored write
    ///     }
    ///     // (The head's events come in `then`, one per call.)
    ///     let ended = read.then == Some(Status::Event(Event::MessageEnd));
    ///     let starved = read.then == Some(Status::NeedMore);
    ///     let consumed = read.consumed;
    ///     buf.drain(..consumed); // the borrow of `buf` ends here
    ///     if ended {
    ///         break;
    ///     }
    ///     if starved {
    ///         buf.extend_from_slice(reads.next().expect("the peer sends more"));
    ///     }
    /// }
    /// assert_eq!(body, b"hello world");
    /// # Ok(())
    /// # }
    /// ```
    pub fn decode_body<'a, 'p>(
        &mut self,
        input: &'a [u8],
        pieces: &'p mut [&'a [u8]],
    ) -> Result<BodyRead<'a, 'p>, Error> {
        let mut read = 0;
        let mut count = 0;
        let then = loop {
            let Some(free) = pieces.get_mut(count..).filter(|free| !free.is_empty()) else {
                break None;
            };
            let rest = within(input, read..);
            let (used, filled) = match self.state {
                State::LengthBody { remaining } => self.length_piece(rest, remaining, false, free),
                State::ChunkData { remaining } => self.length_piece(rest, remaining, true, free),
                _ => self.plain_chunks(rest, free),
            };
            if filled > 0 {
                read += used;
                count += filled;
            } else {
                // (`decode` may first go back to the start of a head that
                // `decode_head` read in part, which moves both.)
                let before = (self.position, self.held, self.head_read);
                match self.decode(within(input, read..)) {
                    Ok(step) => {
                        read += step.consumed;
                        match step.status {
                            Status::Event(Event::Body(data)) => {
                                if let Some(slot) = free.first_mut() {
                                    *slot = data;
                                    count += 1;
                                }
                            }
                            status => break Some(status),
                        }
                    }
                    // Nothing of the failing attempt counts as consumed. No
                    // pieces: the error now. After pieces: they first, and
                    // the error, which the decoder keeps, with the next call.
                    Err(error) => {
                        (self.position, self.held, self.head_read) = before;
                        if count == 0 {
                            return Err(error);
                        }
                        break None;
                    }
                }
            }
            // After a body's last piece: what the next turn would get from
            // `decode`, taken now.
            if matches!(self.state, State::MessageEnd { upgrade: false }) && count < pieces.len() {
                break Some(self.message_end(within(input, read..)).status);
            }
        };
        let pieces: &'p [&'a [u8]] = pieces;
        Ok(BodyRead {
            consumed: read,
            pieces: pieces.get(..count).unwrap_or_default(),
            then,
        })
    }

    /// Body data framed by a length (`remaining` bytes of a Content-Length
    /// body, or of a chunk's data when `chunk`) at the front of `input`,
    /// into the first of `pieces`, as `decode`'s one-step path reads it.
    /// Returns the bytes consumed and the pieces filled (none when the
    /// input is empty: `decode` says what then).
    #[inline(always)]
    fn length_piece<'a>(
        &mut self,
        input: &'a [u8],
        remaining: u64,
        chunk: bool,
        pieces: &mut [&'a [u8]],
    ) -> (usize, usize) {
        // (A body state has no head half read and no line partly scanned,
        // so `decode` would go straight to its one-step path.)
        let Some(slot) = pieces.first_mut() else {
            return (0, 0);
        };
        match self.plain_body(input, remaining, chunk) {
            Some(Step {
                consumed,
                status: Status::Event(Event::Body(data)),
            }) => {
                *slot = data;
                (consumed, 1)
            }
            _ => (0, 0),
        }
    }

    /// Plain chunks at the front of `input`, one after another, into
    /// `pieces`: each read by [`plain_chunk`] as `decode`'s one-step path
    /// reads it (the CRLF after the previous chunk's data, a chunk-size
    /// line without extensions, the data that is here). Stops at the first
    /// chunk that is not plain or not here, or when `pieces` is full.
    /// Returns the bytes consumed and the pieces filled; the decoder's
    /// state and position are brought up to date once, at the end.
    #[inline(always)]
    fn plain_chunks<'a>(&mut self, input: &'a [u8], pieces: &mut [&'a [u8]]) -> (usize, usize) {
        // As `decode` would find it: no head half read by `decode_head`,
        // no line partly scanned.
        if self.head_read != 0 || !self.line.is_fresh() {
            return (0, 0);
        }
        let Some((mut after_data, mut repeated)) = self.state.plain_chunk_start() else {
            return (0, 0);
        };
        let cap = self.limits.chunk_line();
        // What follows the chunks taken.
        let mut rest = input;
        let mut filled = 0;
        let mut remaining = 0;
        let mut slots = pieces.iter_mut();
        'fill: loop {
            // Chunks framed as the one before, as long as they come, in a
            // loop of their own: its exit is a branch, so where the next
            // chunk starts never waits for this one's bytes to load.
            while let Some(chunk) = repeated.next(rest) {
                let Some(slot) = slots.next() else {
                    break 'fill;
                };
                *slot = chunk.data;
                filled += 1;
                rest = chunk.rest;
                remaining = chunk.remaining;
                if remaining > 0 {
                    // The input ends inside this chunk's data.
                    break 'fill;
                }
            }
            // Any other plain chunk; its framing is the one to look for next.
            let Some(chunk) = plain_chunk(rest, after_data, cap) else {
                break;
            };
            let Some(slot) = slots.next() else {
                break;
            };
            repeated = RepeatedFraming::of(rest, after_data, &chunk);
            *slot = chunk.data;
            filled += 1;
            rest = chunk.rest;
            remaining = chunk.remaining;
            if remaining > 0 {
                break;
            }
            after_data = true;
        }
        let read = input.len() - rest.len();
        if filled > 0 {
            self.state = State::in_chunk_data(remaining, repeated);
            self.settle(input, read);
        }
        (read, filled)
    }
}
