//! What the fields of a head say about framing, gathered one field at a time
//! (the decoder never holds the whole head).

use crate::syntax::chars::{is_ows, token_len};
use crate::syntax::list::{self, quoted_string_end};
use crate::syntax::{within, Fault};
use crate::ErrorKind;

use crate::syntax::number::parse_decimal;

/// Where a field line is, as the framing rules report it: the bytes of the
/// head before the line when decoding (at most the head limit, so it fits:
/// see [`Limits::MAX`](crate::Limits::MAX); the decoder adds where the head
/// starts), the field's index when encoding. Four bytes, not a stream
/// offset's eight, because a decoder keeps these for every connection.
pub(crate) type LineAt = u32;

/// The framing fields of one head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FramingFacts {
    /// The Content-Length, when [`content_length_at`](Self::content_length_at)
    /// says a field gave one (see [`length`](Self::length)).
    length: u64,
    /// Where the first Content-Length field line is, or [`NO_LINE`]: the
    /// presence of the length and its place in one word, as a decoder
    /// keeps these per connection (read through [`length`](Self::length)
    /// and [`content_length_line`](Self::content_length_line), written
    /// only by [`set_length`](Self::set_length), so the two agree).
    content_length_at: LineAt,
    /// What the Transfer-Encoding field lines say, if there were any.
    pub transfer_encoding: Option<TransferCodings>,
}

/// [`FramingFacts::content_length_at`] of a head without Content-Length.
/// No line is there: a decoder's offsets within a head stay below
/// [`Limits::MAX`](crate::Limits::MAX), an encoder's field indexes below
/// this (see `encode::head::field_at`).
pub(crate) const NO_LINE: LineAt = LineAt::MAX;

impl Default for FramingFacts {
    fn default() -> Self {
        FramingFacts::NONE
    }
}

impl FramingFacts {
    /// A head without framing fields.
    pub(crate) const NONE: FramingFacts = FramingFacts {
        length: 0,
        content_length_at: NO_LINE,
        transfer_encoding: None,
    };
}

/// The transfer codings of a head, across all its Transfer-Encoding lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TransferCodings {
    /// Where the first Transfer-Encoding field line is.
    pub first_at: LineAt,
    /// Where the latest Transfer-Encoding field line is.
    pub last_at: LineAt,
    /// `chunked` appeared in the list.
    pub chunked_seen: bool,
    /// The last coding of the list is `chunked`.
    pub chunked_final: bool,
}

/// A Content-Length seen before with the same value: accepted only by the
/// lenient option, and then recorded where it is (the index of the first
/// such value in the field value taken, where the strict profile would
/// have refused it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DuplicateAccepted {
    pub at: usize,
}

/// Transfer codings registered with IANA that a recipient may meet in
/// Transfer-Encoding besides `chunked`; none of them takes parameters.
/// A request naming anything else is answered with 501 (RFC 9112 section
/// 6.1); `identity` was removed from the registry by RFC 7230.
const REGISTERED_CODINGS: [&[u8]; 5] = [b"gzip", b"x-gzip", b"deflate", b"compress", b"x-compress"];

/// Which transfer codings a message may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Codings {
    /// Requests: only registered names, without parameters. A server must
    /// understand every coding of a request to find its end, and a list
    /// with quoted strings is read differently by parsers that split it on
    /// every comma.
    Registered,
    /// Responses: any coding that fits the grammar; the body of a response
    /// whose codings do not end in `chunked` runs to the end of the stream.
    Grammar,
}

impl FramingFacts {
    /// The Content-Length, if a field gave one.
    #[inline]
    pub fn length(&self) -> Option<u64> {
        (self.content_length_at != NO_LINE).then_some(self.length)
    }

    /// Where the first Content-Length field line is, if a field gave one.
    #[inline]
    pub fn content_length_line(&self) -> Option<LineAt> {
        (self.content_length_at != NO_LINE).then_some(self.content_length_at)
    }

    /// State the Content-Length `n`, given by the field line at `line_at`
    /// (below [`NO_LINE`]).
    #[inline]
    pub fn set_length(&mut self, n: u64, line_at: LineAt) {
        debug_assert!(line_at != NO_LINE, "a Content-Length line has a place");
        self.length = n;
        self.content_length_at = line_at;
    }

    /// Take one Content-Length field value (OWS already trimmed); `line_at`
    /// says where its field line is. Faults index into `value`.
    ///
    /// The value is 1*DIGIT. A comma list, or a second field line, of values
    /// that are all the same decimal value is accepted as one only if `allow_duplicates`;
    /// differing values are always an error.
    #[inline(always)]
    pub fn content_length(
        &mut self,
        value: &[u8],
        line_at: LineAt,
        allow_duplicates: bool,
    ) -> Result<Option<DuplicateAccepted>, Fault> {
        // The common case, one value of plain digits, without the list walk
        // (and inline: a call costs its callers their registers).
        if let (None, Ok(n)) = (self.length(), parse_decimal(value)) {
            self.set_length(n, line_at);
            return Ok(None);
        }
        self.content_length_list(value, line_at, allow_duplicates)
    }

    /// [`content_length`](Self::content_length) past its common case: a
    /// list, a second value, or a fault.
    #[inline(never)]
    fn content_length_list(
        &mut self,
        value: &[u8],
        line_at: LineAt,
        allow_duplicates: bool,
    ) -> Result<Option<DuplicateAccepted>, Fault> {
        let mut duplicate = None;
        for (at, element) in list::elements(value) {
            let n = parse_decimal(element)
                .map_err(|i| Fault::new(ErrorKind::InvalidContentLength, at + i))?;
            match self.length() {
                None => self.set_length(n, line_at),
                Some(seen) if seen != n => {
                    return Err(Fault::new(ErrorKind::ConflictingContentLength, at))
                }
                Some(_) if allow_duplicates => {
                    duplicate = duplicate.or(Some(DuplicateAccepted { at }));
                }
                Some(_) => return Err(Fault::new(ErrorKind::DuplicateContentLength, at)),
            }
        }
        Ok(duplicate)
    }

    /// Take one Transfer-Encoding field value (OWS already trimmed, no
    /// control byte but HTAB outside folds); `line_at` says where its field
    /// line is.
    /// Faults index into `value`.
    ///
    /// `#transfer-coding`: empty list elements are ignored (`chunked,` is
    /// `chunked`), names compare without case, commas inside a quoted
    /// parameter value do not split the list, and `chunked` twice is an
    /// error wherever the second one is.
    ///
    /// Returns where the first empty list element is (the index of the
    /// comma that makes it), if there is one: a recipient ignores them
    /// (RFC 9110 section 5.6.1), a sender "MUST NOT generate" them.
    pub fn transfer_encoding(
        &mut self,
        value: &[u8],
        line_at: LineAt,
        allowed: Codings,
    ) -> Result<Option<usize>, Fault> {
        let codings = self.transfer_encoding.get_or_insert(TransferCodings {
            first_at: line_at,
            ..TransferCodings::default()
        });
        codings.last_at = line_at;
        for_each_coding(value, |coding| {
            let name = coding.name;
            if name.eq_ignore_ascii_case(b"chunked") {
                if codings.chunked_seen {
                    return Err(Fault::new(ErrorKind::ChunkedTwice, coding.at));
                }
                if let Some(at) = coding.params_at {
                    return Err(Fault::new(ErrorKind::InvalidTransferEncoding, at));
                }
                codings.chunked_seen = true;
                codings.chunked_final = true;
                return Ok(());
            }
            codings.chunked_final = false;
            if allowed == Codings::Registered {
                if !REGISTERED_CODINGS
                    .iter()
                    .any(|k| name.eq_ignore_ascii_case(k))
                {
                    return Err(Fault::new(ErrorKind::UnknownTransferCoding, coding.at));
                }
                if let Some(at) = coding.params_at {
                    return Err(Fault::new(ErrorKind::InvalidTransferEncoding, at));
                }
            }
            Ok(())
        })
    }
}

/// One element of a Transfer-Encoding list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Coding<'a> {
    name: &'a [u8],
    /// Index of the name in the field value.
    at: usize,
    /// Index of the first `;` when parameters follow the name.
    params_at: Option<usize>,
}

/// Walk a Transfer-Encoding value by its grammar (RFC 9110 sections 5.6.1,
/// 5.6.6 and 10.1.4), calling `each` on every coding in order:
///
/// ```text
/// Transfer-Encoding  = [ element ] *( OWS "," OWS [ element ] )
/// element            = token *( OWS ";" OWS transfer-parameter )
/// transfer-parameter = token "=" ( token / quoted-string )
/// ```
///
/// RFC 9112 section 7 allows BWS around the `=` of a transfer-parameter
/// (which a sender must not generate); the strict profile's grammar
/// (CONFORMANCE.md section 3) has none, as RFC 9110 section 5.6.6 has
/// none around any other parameter's `=`: `gzip;q = 1` is refused, where
/// a reader that does not expect the spaces would split it otherwise.
///
/// The value holds no control byte but HTAB (the field syntax saw to it),
/// so inside a quoted string only `"` and `\` are special. Returns the
/// index of the comma that makes the first empty element, if any: one
/// before the first element, a second between two, one after the last.
fn for_each_coding<'a>(
    value: &'a [u8],
    mut each: impl FnMut(Coding<'a>) -> Result<(), Fault>,
) -> Result<Option<usize>, Fault> {
    let invalid = |at| Err(Fault::new(ErrorKind::InvalidTransferEncoding, at));
    let skip_ws = |mut i: usize| {
        while value.get(i).is_some_and(|&b| is_ows(b)) {
            i += 1;
        }
        i
    };
    let token_at = |i: usize| token_len(value.get(i..).unwrap_or_default());
    let mut i = 0;
    let mut empty_at = None;
    let mut after_element = false;
    loop {
        // Empty elements and the OWS around commas. Past an element, its
        // own comma comes first: a second one (or, at the end, the one)
        // closes an empty element.
        let mut commas = usize::from(!after_element);
        while let Some(&b) = value.get(i).filter(|&&b| b == b',' || is_ows(b)) {
            if b == b',' {
                commas += 1;
                if commas == 2 {
                    empty_at.get_or_insert(i);
                }
            }
            i += 1;
        }
        if i >= value.len() {
            if after_element && commas == 1 {
                // A comma after the last element, and nothing after it.
                let trailing = value.iter().rposition(|&b| b == b',');
                empty_at = empty_at.or(trailing);
            }
            return Ok(empty_at);
        }
        after_element = true;
        let at = i;
        let name_len = token_at(i);
        if name_len == 0 {
            return invalid(i);
        }
        i += name_len;
        let mut params_at = None;
        loop {
            i = skip_ws(i);
            match value.get(i) {
                None | Some(b',') => break,
                Some(b';') => {}
                Some(_) => return invalid(i),
            }
            params_at.get_or_insert(i);
            i = skip_ws(i + 1);
            let param_len = token_at(i);
            if param_len == 0 {
                return invalid(i);
            }
            // No whitespace around `=` (see above).
            i += param_len;
            if value.get(i) != Some(&b'=') {
                return invalid(i);
            }
            i += 1;
            i = match value.get(i) {
                Some(b'"') => quoted_string_end(value, i)
                    .map_err(|at| Fault::new(ErrorKind::InvalidTransferEncoding, at))?,
                _ => match token_at(i) {
                    0 => return invalid(i),
                    n => i + n,
                },
            };
        }
        let name = within(value, at..at + name_len);
        each(Coding {
            name,
            at,
            params_at,
        })?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ErrorKind::*;

    #[test]
    fn content_length_values() {
        let mut f = FramingFacts::default();
        assert_eq!(f.content_length(b"42", 7, false), Ok(None));
        assert_eq!(f.length(), Some(42));
        assert_eq!(f.content_length_line(), Some(7));
        assert_eq!(
            f.content_length(b"42", 9, false),
            Err(Fault::new(DuplicateContentLength, 0))
        );
        assert_eq!(
            f.content_length(b"42", 9, true),
            Ok(Some(DuplicateAccepted { at: 0 }))
        );
        assert_eq!(
            f.content_length(b"43", 9, true),
            Err(Fault::new(ConflictingContentLength, 0))
        );
        assert_eq!(f.content_length_line(), Some(7));
    }

    #[test]
    fn content_length_lists() {
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5, 5", 0, false),
            Err(Fault::new(DuplicateContentLength, 3))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5,\t5", 0, true),
            Ok(Some(DuplicateAccepted { at: 3 }))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5, 6", 0, true),
            Err(Fault::new(ConflictingContentLength, 3))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5,", 0, true),
            Err(Fault::new(InvalidContentLength, 2))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"", 0, false),
            Err(Fault::new(InvalidContentLength, 0))
        );
        assert_eq!(
            f.content_length(b"1 2", 0, false),
            Err(Fault::new(InvalidContentLength, 1))
        );
        assert_eq!(
            f.content_length(b"-1", 0, false),
            Err(Fault::new(InvalidContentLength, 0))
        );
    }

    fn te(value: &[u8], allowed: Codings) -> Result<TransferCodings, Fault> {
        let mut f = FramingFacts::default();
        f.transfer_encoding(value, 0, allowed)?;
        Ok(f.transfer_encoding.unwrap())
    }

    #[test]
    fn transfer_coding_lists() {
        let mut f = FramingFacts::default();
        f.transfer_encoding(b"gzip, chunked", 3, Codings::Registered)
            .unwrap();
        let codings = f.transfer_encoding.unwrap();
        assert!(codings.chunked_final && codings.chunked_seen);
        assert_eq!(codings.first_at, 3);

        assert!(te(b"Chunked ,", Codings::Registered).unwrap().chunked_final);
        assert!(
            te(b" , ,chunked", Codings::Registered)
                .unwrap()
                .chunked_final
        );
        assert!(!te(b"", Codings::Registered).unwrap().chunked_seen);

        let mut f = FramingFacts::default();
        f.transfer_encoding(b"chunked", 0, Codings::Registered)
            .unwrap();
        f.transfer_encoding(b"deflate", 5, Codings::Registered)
            .unwrap();
        let codings = f.transfer_encoding.unwrap();
        assert!(!codings.chunked_final && codings.chunked_seen);
        assert_eq!(codings.last_at, 5);
    }

    #[test]
    fn request_codings_are_registered_names_without_parameters() {
        let r = Codings::Registered;
        assert_eq!(
            te(b"xchunked, chunked", r),
            Err(Fault::new(UnknownTransferCoding, 0))
        );
        assert_eq!(
            te(b"identity", r),
            Err(Fault::new(UnknownTransferCoding, 0))
        );
        assert_eq!(
            te(b"gzip, foo, chunked", r),
            Err(Fault::new(UnknownTransferCoding, 6))
        );
        assert_eq!(
            te(b"gzip;q=1, chunked", r),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
        assert_eq!(
            te(b"foo;;;===\",,, chunked", r),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
        assert_eq!(
            te(b"foo;p=\",chunked", r),
            Err(Fault::new(InvalidTransferEncoding, 15))
        );
        assert_eq!(
            te(b"gzip;p=\"a,b\", chunked", r),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
    }

    #[test]
    fn response_codings_follow_the_grammar() {
        let g = Codings::Grammar;
        // A comma inside a quoted string does not split the list.
        let t = te(b"foo;p=\"a, chunked\"", g).unwrap();
        assert!(!t.chunked_seen);
        let t = te(b"foo ; p=\"a,\\\"b\" ; q=t, chunked", g).unwrap();
        assert!(t.chunked_final);
        // No whitespace around `=`, before or after (the profile's grammar).
        for (value, at) in [(&b"foo;p =x, chunked"[..], 5), (b"foo;p= x, chunked", 6)] {
            assert_eq!(te(value, g), Err(Fault::new(InvalidTransferEncoding, at)));
        }
        assert!(!te(b"xchunked", g).unwrap().chunked_seen);
        assert_eq!(
            te(b"foo;p=\",chunked", g),
            Err(Fault::new(InvalidTransferEncoding, 15))
        );
        assert_eq!(
            te(b"foo;p=\"\\", g),
            Err(Fault::new(InvalidTransferEncoding, 7))
        );
        assert_eq!(
            te(b"foo;;;===\",,, chunked", g),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
        assert_eq!(te(b"foo;p", g), Err(Fault::new(InvalidTransferEncoding, 5)));
        assert_eq!(
            te(b"foo;p=", g),
            Err(Fault::new(InvalidTransferEncoding, 6))
        );
        assert_eq!(
            te(b"foo;=x", g),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
        assert_eq!(
            te(b"chunked;p=x", g),
            Err(Fault::new(InvalidTransferEncoding, 7))
        );
    }

    /// Found by the `decode_response` fuzz target: a folded framing value
    /// (obs-fold, read in responses) reads as if each fold were one SP.
    #[test]
    fn folds_in_framing_values_read_as_spaces() {
        let t = te(b"gzip,\r\n chunked", Codings::Grammar).unwrap();
        assert!(t.chunked_final);
        let t = te(b"gzip\r\n\t,chunked", Codings::Registered).unwrap();
        assert!(t.chunked_final);
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5,\r\n 5", 0, true),
            Ok(Some(DuplicateAccepted { at: 5 }))
        );
        assert_eq!(f.length(), Some(5));
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"1\r\n 2", 0, true),
            Err(Fault::new(InvalidContentLength, 1))
        );
    }

    #[test]
    fn transfer_coding_errors() {
        let r = Codings::Registered;
        assert_eq!(te(b"chunked, chunked", r), Err(Fault::new(ChunkedTwice, 9)));
        let mut f = FramingFacts::default();
        f.transfer_encoding(b"chunked", 0, r).unwrap();
        assert_eq!(
            f.transfer_encoding(b"CHUNKED", 0, r),
            Err(Fault::new(ChunkedTwice, 0))
        );
        assert_eq!(
            te(b"chunked;a=b", r),
            Err(Fault::new(InvalidTransferEncoding, 7))
        );
        assert_eq!(
            te(b"gzip chunked", r),
            Err(Fault::new(InvalidTransferEncoding, 5))
        );
        assert_eq!(te(b"\"x\"", r), Err(Fault::new(InvalidTransferEncoding, 0)));
        assert_eq!(
            te(b"gzip, pigeons;x=1", r),
            Err(Fault::new(UnknownTransferCoding, 6))
        );
    }

    /// In a list that repeats a value more than once, the lenient reading is
    /// accepted at the first repeat, where the strict profile refuses
    /// (DuplicateContentLength at that index), not at the last.
    #[test]
    fn a_list_that_repeats_a_length_twice_is_accepted_at_the_first_repeat() {
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5, 5, 5", 0, false),
            Err(Fault::new(DuplicateContentLength, 3))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.content_length(b"5, 5, 5", 0, true),
            Ok(Some(DuplicateAccepted { at: 3 }))
        );
    }

    /// A list element made of parameters only (`;p=1`) names no coding. RFC
    /// 9110 section 10.1.4: `transfer-coding = token *( OWS ";" OWS
    /// transfer-parameter )`; the strict profile (CONFORMANCE.md section 3)
    /// reads TE by this grammar. A decoder that gets it wrong takes it for a
    /// nameless coding: in a response, `;p=1, chunked` is read as chunked; in a
    /// request, the error becomes UnknownTransferCoding (501) instead of
    /// InvalidTransferEncoding (400).
    #[test]
    fn an_element_without_a_coding_name_is_invalid() {
        for allowed in [Codings::Registered, Codings::Grammar] {
            assert_eq!(
                te(b";p=1, chunked", allowed),
                Err(Fault::new(InvalidTransferEncoding, 0))
            );
            assert_eq!(
                te(b"gzip, ;p=1, chunked", allowed),
                Err(Fault::new(InvalidTransferEncoding, 6))
            );
        }
    }
}
