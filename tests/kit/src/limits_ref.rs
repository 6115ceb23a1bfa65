//! A simple reference for the size limits: it walks the stream's lines the
//! way RFC 9112 splits them (taking each head's framing from the decoder,
//! which other targets check), measures every line and section, and finds
//! the first byte past a bound.
//!
//! What it measures, from the documentation of [`h1wire::Limits`]:
//!
//! - a line (request line, field line, trailer line) is its content without
//!   its line end; a folded field line (Lenient::obs_fold) counts as one
//!   line, folds included;
//! - the head runs from the first byte of the request line (one skipped
//!   empty line before it does not count) to the end of the empty line that
//!   ends it, line ends included;
//! - the field count is the number of field lines of one head;
//! - a chunk-size line is its bytes before its CRLF;
//! - the trailer section runs from just after the last-chunk line to the
//!   end of its final empty line.
//!
//! A limit `L` on a unit starting at `s` is exceeded when the unit holds
//! `L + 1` bytes; the error is at `s + L`, the first byte past the bound.
//! When a line crosses both the line bound and the section bound, the
//! earlier one is reported (on a tie, either kind). A field line over the
//! count is reported at its first byte once it is complete (the count is
//! only known for whole lines). A bound is only "crossed" by bytes present
//! in the stream.
//!
//! The walk stops at the first violation, at the first byte that is not
//! HTTP/1 line structure (a control byte in a line, a bare CR, a bare LF
//! without the option, whitespace at the start of a field line, a bad chunk
//! size), at the end of the input, or where it has no framing for a head.

use h1wire::{Config, ErrorKind, Framing};

use crate::abnf::{is_ctl, is_ws};

/// The error kinds that report an exceeded [`h1wire::Limits`] entry.
pub fn is_limit_kind(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::RequestLineTooLong
            | ErrorKind::FieldLineTooLong
            | ErrorKind::HeadTooLarge
            | ErrorKind::TooManyFields
            | ErrorKind::ChunkLineTooLong
            | ErrorKind::TrailersTooLarge
    )
}

/// The first byte past a bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub offset: u64,
    /// The kinds that may be reported there (two on a tie).
    pub kinds: Vec<ErrorKind>,
    /// When the unit over the bound is also malformed at this offset (a
    /// field line over the count that ends at a control byte), the decoder
    /// may report that error instead, at or before this offset.
    pub or_syntax_until: Option<u64>,
}

/// Why the walk stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Halt {
    /// A violation (see [`Walk::violation`]).
    Violation,
    /// Bytes at this offset are not line structure (a decoder error).
    Syntax(usize),
    /// The input ended inside a message (or between messages).
    EndOfInput,
    /// A head for which the decoder gave no framing.
    NoFraming,
    /// A CONNECT head: the connection leaves HTTP/1.
    Upgrade,
}

/// A line: `start` in the stream, `len` bytes of content, `next` bytes with its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineAt {
    pub start: usize,
    pub len: usize,
    pub next: usize,
}

/// What the walk saw of one message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefMessage {
    /// First byte of the request line.
    pub head_start: usize,
    pub start_line: Option<LineAt>,
    pub fields: Vec<LineAt>,
    /// Stream offset just after the empty line ending the head.
    pub head_end: Option<usize>,
    pub framing: Option<Framing>,
    /// (start, len) of each chunk-size line.
    pub chunk_lines: Vec<(usize, usize)>,
    /// Body bytes seen (chunked framing removed).
    pub body: Vec<u8>,
    pub trailers_start: Option<usize>,
    pub trailer_fields: Vec<LineAt>,
    /// Stream offset just after the message.
    pub end: Option<usize>,
}

/// The result of a walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    pub messages: Vec<RefMessage>,
    pub violation: Option<Violation>,
    pub halt: Halt,
}

/// How scanning one line went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    /// `len` bytes of content, the next line `next` bytes after the start.
    Line { len: usize, next: usize },
    /// More than `cap` content bytes are present without the line ending.
    TooLong,
    /// The line stops at a control byte (not CR, LF) after `len` bytes: a
    /// line the decoder's line parser will refuse.
    Invalid { len: usize },
    /// The input ends before the line (or its fold lookahead) does.
    Partial,
    /// Not line structure at this offset.
    Syntax(usize),
}

/// Scan the line starting at `start`, whose content may hold at most `cap`
/// bytes. A line ends at CRLF (or LF with `bare_lf`); with `fold`, a
/// non-empty line whose end is followed by SP or HTAB goes on (obs-fold).
pub fn scan(stream: &[u8], start: usize, cap: usize, bare_lf: bool, fold: bool) -> Scan {
    let mut from = start;
    loop {
        let mut stop = from;
        while stop < stream.len() && !is_ctl(stream[stop]) {
            stop += 1;
        }
        if stop - start > cap {
            return Scan::TooLong;
        }
        if stop == stream.len() {
            return Scan::Partial;
        }
        let next = match stream[stop] {
            b'\r' => match stream.get(stop + 1) {
                Some(b'\n') => stop + 2,
                Some(_) => return Scan::Syntax(stop),
                None => return Scan::Partial,
            },
            b'\n' if bare_lf => stop + 1,
            b'\n' => return Scan::Syntax(stop),
            _ => return Scan::Invalid { len: stop - start },
        };
        if fold && stop > start {
            match stream.get(next) {
                None => return Scan::Partial,
                Some(&b) if is_ws(b) => {
                    from = next;
                    continue;
                }
                Some(_) => {}
            }
        }
        return Scan::Line {
            len: stop - start,
            next: next - start,
        };
    }
}

/// Why the walk stops.
enum Stop {
    Violation(Violation),
    Halt(Halt),
}

type Step<T> = Result<T, Stop>;

fn halt<T>(halt: Halt) -> Step<T> {
    Err(Stop::Halt(halt))
}

fn violate<T>(offset: usize, kinds: Vec<ErrorKind>, or_syntax_until: Option<usize>) -> Step<T> {
    Err(Stop::Violation(Violation {
        offset: offset as u64,
        kinds,
        or_syntax_until: or_syntax_until.map(|at| at as u64),
    }))
}

/// How a line of a section ended.
enum SectionLine {
    Line(LineAt),
    /// At a control byte after `len` bytes.
    Invalid(usize),
}

impl SectionLine {
    /// The line, or a stop at its control byte.
    fn line(self, start: usize) -> Step<LineAt> {
        match self {
            SectionLine::Line(l) => Ok(l),
            SectionLine::Invalid(len) => halt(Halt::Syntax(start + len)),
        }
    }
}

struct Walker<'a> {
    stream: &'a [u8],
    config: &'a Config,
    framings: core::slice::Iter<'a, Framing>,
    messages: Vec<RefMessage>,
}

impl Walker<'_> {
    /// The line starting at `start` in a section with `room` bytes left.
    fn section_line(
        &self,
        start: usize,
        room: usize,
        fold: bool,
        line_kind: ErrorKind,
        section_kind: ErrorKind,
    ) -> Step<SectionLine> {
        let line = self.config.limits.line;
        let cap = line.min(room);
        let bare_lf = self.config.lenient.bare_lf;
        match scan(self.stream, start, cap, bare_lf, fold) {
            Scan::TooLong => match line.cmp(&room) {
                core::cmp::Ordering::Less => violate(start + line, vec![line_kind], None),
                core::cmp::Ordering::Equal => {
                    violate(start + line, vec![line_kind, section_kind], None)
                }
                core::cmp::Ordering::Greater => violate(start + room, vec![section_kind], None),
            },
            Scan::Partial => halt(Halt::EndOfInput),
            Scan::Syntax(at) => halt(Halt::Syntax(at)),
            Scan::Invalid { len } => Ok(SectionLine::Invalid(len)),
            Scan::Line { next, .. } if next > room => {
                violate(start + room, vec![section_kind], None)
            }
            Scan::Line { len, next } => Ok(SectionLine::Line(LineAt { start, len, next })),
        }
    }

    /// The first byte of a field line (head or trailers) may not be whitespace.
    fn field_line_start(&self, q: usize) -> Step<()> {
        match self.stream.get(q) {
            None => halt(Halt::EndOfInput),
            Some(&b) if is_ws(b) => halt(Halt::Syntax(q)),
            Some(_) => Ok(()),
        }
    }

    /// Messages from offset `p` on, until something stops the walk.
    fn messages(&mut self, mut p: usize) -> Step<()> {
        loop {
            p = self.message(p)?;
        }
    }

    /// One message from offset `p`; the offset after it.
    fn message(&mut self, p: usize) -> Step<usize> {
        let stream = self.stream;
        let limits = self.config.limits;
        let lenient = self.config.lenient;
        // One empty line before a request line is skipped.
        let skip = match &stream[p..] {
            [] | [b'\r'] => return halt(Halt::EndOfInput),
            [b'\r', b'\n', ..] => 2,
            [b'\n', ..] if lenient.bare_lf => 1,
            _ => 0,
        };
        let mut q = p + skip;
        if q == stream.len() {
            return halt(Halt::EndOfInput);
        }
        self.messages.push(RefMessage {
            head_start: q,
            ..RefMessage::default()
        });

        // The request line (never folded).
        let start = self
            .section_line(
                q,
                limits.head,
                false,
                ErrorKind::RequestLineTooLong,
                ErrorKind::HeadTooLarge,
            )?
            .line(q)?;
        if start.len == 0 {
            return halt(Halt::Syntax(q));
        }
        self.current().start_line = Some(start);
        let mut section = start.next;
        q += start.next;

        // The field lines, to the empty line.
        loop {
            self.field_line_start(q)?;
            let over_count = self.current().fields.len() == limits.fields;
            let line = self.section_line(
                q,
                limits.head - section,
                lenient.obs_fold,
                ErrorKind::FieldLineTooLong,
                ErrorKind::HeadTooLarge,
            )?;
            let l = match line {
                // A line that ends at a control byte is still a field line
                // of the head: over the count, either error may come first.
                SectionLine::Invalid(len) if over_count => {
                    return violate(q, vec![ErrorKind::TooManyFields], Some(q + len))
                }
                other => other.line(q)?,
            };
            section += l.next;
            if l.len == 0 {
                q += l.next;
                break;
            }
            if over_count {
                return violate(q, vec![ErrorKind::TooManyFields], None);
            }
            self.current().fields.push(l);
            q += l.next;
        }
        self.current().head_end = Some(q);

        let Some(&framing) = self.framings.next() else {
            return halt(Halt::NoFraming);
        };
        self.current().framing = Some(framing);
        match framing {
            Framing::None => {}
            Framing::Upgrade => {
                self.current().end = Some(q);
                return halt(Halt::Upgrade);
            }
            Framing::Length(n) => q = self.data(q, n)?,
            Framing::Close => return halt(Halt::EndOfInput),
            Framing::Chunked => q = self.chunked(q)?,
        }
        self.current().end = Some(q);
        Ok(q)
    }

    fn current(&mut self) -> &mut RefMessage {
        self.messages.last_mut().expect("a message")
    }

    /// `n` bytes of body data at `q`; the offset after them.
    fn data(&mut self, q: usize, n: u64) -> Step<usize> {
        let stream = self.stream;
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if stream.len() - q < n {
            self.current().body.extend_from_slice(&stream[q..]);
            return halt(Halt::EndOfInput);
        }
        self.current().body.extend_from_slice(&stream[q..q + n]);
        Ok(q + n)
    }

    /// A chunked body from `q`, trailers included; the offset after it.
    fn chunked(&mut self, mut q: usize) -> Step<usize> {
        let stream = self.stream;
        let limits = self.config.limits;
        let lenient = self.config.lenient;
        loop {
            // chunk-size line: its bytes before the first CR.
            let cap = limits.chunk_line;
            let cr = stream[q..].iter().position(|&b| b == b'\r');
            let line_len = match cr {
                Some(i) if i <= cap => i,
                _ if stream.len() - q > cap => {
                    return violate(q + cap, vec![ErrorKind::ChunkLineTooLong], None)
                }
                _ => return halt(Halt::EndOfInput),
            };
            match stream.get(q + line_len + 1) {
                None => return halt(Halt::EndOfInput),
                Some(b'\n') => {}
                Some(_) => return halt(Halt::Syntax(q + line_len)),
            }
            let content = &stream[q..q + line_len];
            let digits = content.iter().take_while(|b| b.is_ascii_hexdigit()).count();
            let significant = content[..digits].iter().skip_while(|&&b| b == b'0').count();
            if digits == 0 || significant > 16 {
                return halt(Halt::Syntax(q));
            }
            let size = content[..digits].iter().fold(0u64, |n, &b| {
                n << 4 | u64::from((b as char).to_digit(16).unwrap())
            });
            self.current().chunk_lines.push((q, line_len));
            q += line_len + 2;
            if size == 0 {
                break;
            }
            q = self.data(q, size)?;
            match (stream.get(q), stream.get(q + 1)) {
                (Some(b'\r'), Some(b'\n')) => q += 2,
                (None, _) | (Some(b'\r'), None) => return halt(Halt::EndOfInput),
                _ => return halt(Halt::Syntax(q)),
            }
        }
        // The trailer section.
        self.current().trailers_start = Some(q);
        let mut section = 0;
        loop {
            self.field_line_start(q)?;
            let l = self
                .section_line(
                    q,
                    limits.trailers - section,
                    lenient.obs_fold,
                    ErrorKind::FieldLineTooLong,
                    ErrorKind::TrailersTooLarge,
                )?
                .line(q)?;
            section += l.next;
            q += l.next;
            if l.len == 0 {
                return Ok(q);
            }
            self.current().trailer_fields.push(l);
        }
    }
}

/// Walk `stream` with `config`; `framings` are the decoder's head framings
/// in order.
pub fn walk(stream: &[u8], config: &Config, framings: &[Framing]) -> Walk {
    let mut walker = Walker {
        stream,
        config,
        framings: framings.iter(),
        messages: Vec::new(),
    };
    let stop = walker.messages(0).expect_err("the walk ends with a stop");
    let (violation, halt) = match stop {
        Stop::Violation(v) => (Some(v), Halt::Violation),
        Stop::Halt(h) => (None, h),
    };
    Walk {
        messages: walker.messages,
        violation,
        halt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_measures_lines_folds_and_caps() {
        assert_eq!(
            scan(b"abc\r\nx", 0, 3, false, false),
            Scan::Line { len: 3, next: 5 }
        );
        assert_eq!(scan(b"abcd\r\n", 0, 3, false, false), Scan::TooLong);
        assert_eq!(scan(b"abc", 0, 3, false, false), Scan::Partial);
        assert_eq!(scan(b"ab\nc", 0, 9, false, false), Scan::Syntax(2));
        assert_eq!(
            scan(b"ab\nc", 0, 9, true, false),
            Scan::Line { len: 2, next: 3 }
        );
        assert_eq!(
            scan(b"a\x01b\r\n", 0, 9, false, false),
            Scan::Invalid { len: 1 }
        );
        assert_eq!(
            scan(b"a: b\r\n c\r\nX", 0, 9, false, true),
            Scan::Line { len: 8, next: 10 }
        );
        assert_eq!(scan(b"a: b\r\n", 0, 9, false, true), Scan::Partial);
    }

    #[test]
    fn walk_finds_the_first_byte_past_a_bound() {
        let stream = b"GET / HTTP/1.1\r\nHost: a\r\nB: c\r\n\r\n";
        let mut config = Config::default();
        config.limits.fields = 1;
        let w = walk(stream, &config, &[]);
        assert_eq!(
            w.violation.map(|v| (v.offset, v.kinds)),
            Some((25, vec![ErrorKind::TooManyFields]))
        );
        config.limits.fields = 2;
        config.limits.head = 20;
        let w = walk(stream, &config, &[]);
        assert_eq!(
            w.violation.map(|v| (v.offset, v.kinds)),
            Some((20, vec![ErrorKind::HeadTooLarge]))
        );
        config.limits.head = 100;
        config.limits.line = 13;
        let w = walk(stream, &config, &[]);
        assert_eq!(
            w.violation.map(|v| (v.offset, v.kinds)),
            Some((13, vec![ErrorKind::RequestLineTooLong]))
        );
        config.limits.line = 14;
        let w = walk(stream, &config, &[Framing::None]);
        assert_eq!((w.violation, w.halt), (None, Halt::EndOfInput));
        assert_eq!(w.messages[0].end, Some(stream.len()));
    }
}
