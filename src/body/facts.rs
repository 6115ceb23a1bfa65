//! What the fields of a head say about framing, gathered one field at a time
//! (the decoder never holds the whole head).

use crate::syntax::chars::{is_token, is_whitespace, token_len, trim_whitespace};
use crate::syntax::Fault;
use crate::ErrorKind;

use crate::syntax::number::parse_decimal;

/// The framing fields of one head.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FramingFacts {
    /// The Content-Length, if any field gave one.
    pub content_length: Option<u64>,
    /// Stream offset of the first Content-Length field line.
    pub content_length_at: u64,
    /// What the Transfer-Encoding field lines say, if there were any.
    pub transfer_encoding: Option<TransferCodings>,
}

/// The transfer codings of a head, across all its Transfer-Encoding lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TransferCodings {
    /// Stream offset of the first Transfer-Encoding field line.
    pub first_at: u64,
    /// Stream offset of the latest Transfer-Encoding field line.
    pub last_at: u64,
    /// `chunked` appeared in the list.
    pub chunked_seen: bool,
    /// The last coding of the list is `chunked`.
    pub chunked_final: bool,
    /// Stream offset of the first coding this crate does not know.
    pub unknown_at: Option<u64>,
}

/// A Content-Length seen before with the same value: accepted only by the
/// lenient option, and then recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DuplicateAccepted;

/// Transfer codings registered with IANA that a recipient may meet in
/// Transfer-Encoding; none of them takes parameters. Anything else is
/// answered with 501 (RFC 9112 section 6.1).
const KNOWN_CODINGS: [&[u8]; 5] = [b"gzip", b"x-gzip", b"deflate", b"compress", b"x-compress"];

impl FramingFacts {
    /// Take one Content-Length field value (OWS already trimmed); `line_at`
    /// is the stream offset of its field line. Faults index into `value`.
    ///
    /// The value is 1*DIGIT. A comma list, or a second field line, of values
    /// that are all identical is accepted as one only if `allow_duplicates`;
    /// differing values are always an error.
    pub fn content_length(
        &mut self,
        value: &[u8],
        line_at: u64,
        allow_duplicates: bool,
    ) -> Result<Option<DuplicateAccepted>, Fault> {
        let mut duplicate = None;
        let mut start = 0;
        for element in value.split(|&b| b == b',') {
            let trimmed = trim_whitespace(element);
            let lead = element.iter().take_while(|&&b| is_whitespace(b)).count();
            let at = start + lead;
            start += element.len() + 1;
            let n = parse_decimal(trimmed)
                .map_err(|i| Fault::new(ErrorKind::InvalidContentLength, at + i))?;
            match self.content_length {
                None => {
                    self.content_length = Some(n);
                    self.content_length_at = line_at;
                }
                Some(seen) if seen != n => {
                    return Err(Fault::new(ErrorKind::ConflictingContentLength, at))
                }
                Some(_) if allow_duplicates => duplicate = Some(DuplicateAccepted),
                Some(_) => return Err(Fault::new(ErrorKind::DuplicateContentLength, at)),
            }
        }
        Ok(duplicate)
    }

    /// Take one Transfer-Encoding field value (OWS already trimmed); `line_at`
    /// is the stream offset of its field line, `value_at` that of the value.
    ///
    /// transfer-coding list: empty elements are ignored (`chunked,` is
    /// `chunked`); names compare without case; `chunked` twice is an error
    /// wherever the second one is.
    pub fn transfer_encoding(
        &mut self,
        value: &[u8],
        line_at: u64,
        value_at: u64,
    ) -> Result<(), Fault> {
        let codings = self.transfer_encoding.get_or_insert(TransferCodings {
            first_at: line_at,
            ..TransferCodings::default()
        });
        codings.last_at = line_at;
        let mut start = 0;
        for element in value.split(|&b| b == b',') {
            let element_start = start;
            start += element.len() + 1;
            let lead = element.iter().take_while(|&&b| is_whitespace(b)).count();
            let element = trim_whitespace(element);
            if element.is_empty() {
                continue;
            }
            let at = element_start + lead;
            let name_len = token_len(element);
            let (name, params) = element.split_at(name_len);
            let params = trim_whitespace(params);
            if name.is_empty() || !(params.is_empty() || params.first() == Some(&b';')) {
                return Err(Fault::new(
                    ErrorKind::InvalidTransferEncoding,
                    at + name_len,
                ));
            }
            if name.eq_ignore_ascii_case(b"chunked") {
                if codings.chunked_seen {
                    return Err(Fault::new(ErrorKind::ChunkedTwice, at));
                }
                if !params.is_empty() {
                    return Err(Fault::new(
                        ErrorKind::InvalidTransferEncoding,
                        at + name_len,
                    ));
                }
                codings.chunked_seen = true;
                codings.chunked_final = true;
                continue;
            }
            codings.chunked_final = false;
            let known = KNOWN_CODINGS.iter().any(|k| name.eq_ignore_ascii_case(k));
            if known && !params.is_empty() {
                return Err(Fault::new(
                    ErrorKind::InvalidTransferEncoding,
                    at + name_len,
                ));
            }
            if !known {
                // Parameters of an unknown coding are not checked: it is
                // refused (501) or, in a response, read until close anyway.
                debug_assert!(is_token(name));
                codings.unknown_at.get_or_insert(value_at + at as u64);
            }
        }
        Ok(())
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
        assert_eq!(f.content_length, Some(42));
        assert_eq!(f.content_length_at, 7);
        assert_eq!(
            f.content_length(b"42", 9, false),
            Err(Fault::new(DuplicateContentLength, 0))
        );
        assert_eq!(
            f.content_length(b"42", 9, true),
            Ok(Some(DuplicateAccepted))
        );
        assert_eq!(
            f.content_length(b"43", 9, true),
            Err(Fault::new(ConflictingContentLength, 0))
        );
        assert_eq!(f.content_length_at, 7);
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
            Ok(Some(DuplicateAccepted))
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

    #[test]
    fn transfer_coding_lists() {
        let mut f = FramingFacts::default();
        f.transfer_encoding(b"gzip, chunked", 3, 10).unwrap();
        let te = f.transfer_encoding.unwrap();
        assert!(te.chunked_final && te.chunked_seen);
        assert_eq!((te.first_at, te.unknown_at), (3, None));

        let mut f = FramingFacts::default();
        f.transfer_encoding(b"Chunked ,", 0, 0).unwrap();
        assert!(f.transfer_encoding.unwrap().chunked_final);

        let mut f = FramingFacts::default();
        f.transfer_encoding(b"chunked", 0, 0).unwrap();
        f.transfer_encoding(b"deflate", 5, 0).unwrap();
        let te = f.transfer_encoding.unwrap();
        assert!(!te.chunked_final && te.chunked_seen);
        assert_eq!(te.last_at, 5);
    }

    #[test]
    fn transfer_coding_errors() {
        let mut f = FramingFacts::default();
        assert_eq!(
            f.transfer_encoding(b"chunked, chunked", 0, 0),
            Err(Fault::new(ChunkedTwice, 9))
        );
        let mut f = FramingFacts::default();
        f.transfer_encoding(b"chunked", 0, 0).unwrap();
        assert_eq!(
            f.transfer_encoding(b"CHUNKED", 0, 0),
            Err(Fault::new(ChunkedTwice, 0))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.transfer_encoding(b"chunked;a=b", 0, 0),
            Err(Fault::new(InvalidTransferEncoding, 7))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.transfer_encoding(b"gzip chunked", 0, 0),
            Err(Fault::new(InvalidTransferEncoding, 4))
        );
        let mut f = FramingFacts::default();
        assert_eq!(
            f.transfer_encoding(b"\"x\"", 0, 0),
            Err(Fault::new(InvalidTransferEncoding, 0))
        );
        let mut f = FramingFacts::default();
        f.transfer_encoding(b"gzip, pigeons;x=1", 0, 100).unwrap();
        assert_eq!(f.transfer_encoding.unwrap().unknown_at, Some(106));
    }
}
