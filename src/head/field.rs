//! field-line = field-name ":" OWS field-value OWS (RFC 9112 section 5).

use super::line::LineEnd;
use crate::syntax::chars::{find_line_stop, is_whitespace, token_len};
use crate::syntax::Fault;
use crate::ErrorKind;

/// Where the name and value of a field line lie within the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FieldSpan {
    pub name_end: usize,
    pub value_start: usize,
    pub value_end: usize,
}

/// Parse the content of one field line (line end excluded). The line scan
/// already proved the content holds no control byte but HTAB (nor DEL),
/// except inside folds when `folded`; so the value needs no byte check here.
/// With [`LineEnd::Invalid`] the byte at `line.len()` is a control byte.
///
/// A line that starts with whitespace is not a field line; the caller
/// handles it (obs-fold) before calling.
pub(crate) fn parse_field_line(
    line: &[u8],
    end: LineEnd,
    folded: bool,
) -> Result<FieldSpan, Fault> {
    let name_end = token_len(line);
    match line.get(name_end) {
        Some(b':') if name_end > 0 => {}
        Some(&b) if is_whitespace(b) && name_end > 0 => {
            return Err(Fault::new(ErrorKind::WhitespaceBeforeColon, name_end))
        }
        _ => return Err(Fault::new(ErrorKind::InvalidFieldName, name_end)),
    }
    if end == LineEnd::Invalid {
        return Err(Fault::new(ErrorKind::InvalidFieldValue, line.len()));
    }
    let trimmable = |b: u8| is_whitespace(b) || (folded && (b == b'\r' || b == b'\n'));
    let after_colon = name_end + 1;
    let value_start = line
        .iter()
        .skip(after_colon)
        .position(|&b| !trimmable(b))
        .map_or(line.len(), |p| after_colon + p);
    let value_end = line
        .iter()
        .rposition(|&b| !trimmable(b))
        .map_or(value_start, |p| (p + 1).max(value_start));
    Ok(FieldSpan {
        name_end,
        value_start,
        value_end,
    })
}

/// What [`fast_field_line`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FastLine {
    /// A whole line: its span, and where the next line starts.
    Whole(FieldSpan, usize),
    /// Well-formed so far, and the input ends with the CR at this index:
    /// the line is partial, waiting for its LF.
    AtCr(usize),
    /// A name and maybe a value so far, no stop byte, within the cap: the
    /// line is partial, all of its bytes scanned (a line scan stops at the
    /// end of the input).
    Partial,
    /// Anything else: for the general path.
    Other,
}

/// The common case in one pass: a whole, well-formed, unfolded field line
/// ending in CRLF, with at most `cap` bytes before the CRLF. `bytes[..scanned]`
/// is known to hold no line-stop byte (an earlier partial scan of the same
/// line, with the same cap, passed it): the value scan resumes there, so a
/// line that arrived in pieces is not scanned twice.
///
/// [`FastLine::Other`] means "take the general path" ([`super::line::scan_line`]
/// then [`parse_field_line`]), which decides what the line is (partial, too
/// long, malformed, folded) and reads every line this accepts the same way.
#[inline(always)]
pub(crate) fn fast_field_line(bytes: &[u8], cap: usize, scanned: usize) -> FastLine {
    let name_end = token_len(bytes);
    match bytes.get(name_end) {
        Some(b':') if name_end > 0 => {}
        // All name so far (or nothing yet): a name's bytes are no stop.
        None if bytes.len() <= cap => return FastLine::Partial,
        _ => return FastLine::Other,
    }
    let mut value_start = name_end + 1;
    while bytes.get(value_start).is_some_and(|&b| is_whitespace(b)) {
        value_start += 1;
    }
    let Some(window) = bytes.get(..cap.saturating_add(1).min(bytes.len())) else {
        return FastLine::Other;
    };
    // Bytes an earlier partial scan passed hold no stop byte: start after them.
    let Some(stop) = find_line_stop(window, value_start.max(scanned)) else {
        // No stop byte: partial if within the cap (the window is all of
        // it), too long otherwise.
        return if bytes.len() <= cap {
            FastLine::Partial
        } else {
            FastLine::Other
        };
    };
    match bytes.get(stop..stop + 2) {
        Some(b"\r\n") => {}
        None if stop + 1 == bytes.len() && bytes.get(stop) == Some(&b'\r') => {
            return FastLine::AtCr(stop)
        }
        _ => return FastLine::Other,
    }
    let mut value_end = stop;
    while value_end > value_start && bytes.get(value_end - 1).is_some_and(|&b| is_whitespace(b)) {
        value_end -= 1;
    }
    let span = FieldSpan {
        name_end,
        value_start,
        value_end,
    };
    FastLine::Whole(span, stop + 2)
}

/// The fields whose meaning the decoder itself needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KnownField {
    ContentLength,
    TransferEncoding,
    Host,
    Other,
}

/// Which [`KnownField`] a field name is (names compare without case).
#[inline(always)]
pub(crate) fn classify(name: &[u8]) -> KnownField {
    // The length test first keeps the common case (any other field) to one
    // comparison; then eight bytes at a time (see [`NamePart`]).
    let [cl0, cl1] = CONTENT_LENGTH;
    let [te0, te1, te2] = TRANSFER_ENCODING;
    match name.len() {
        4 if HOST.matches(name) => KnownField::Host,
        14 if cl0.matches(name) && cl1.matches(name) => KnownField::ContentLength,
        17 if te0.matches(name) && te1.matches(name) && te2.matches(name) => {
            KnownField::TransferEncoding
        }
        _ => KnownField::Other,
    }
}

const HOST: NamePart = NamePart::new(b"host", 0, 4);
const CONTENT_LENGTH: [NamePart; 2] = [
    NamePart::new(b"content-length", 0, 8),
    NamePart::new(b"content-length", 6, 8),
];
const TRANSFER_ENCODING: [NamePart; 3] = [
    NamePart::new(b"transfer-encoding", 0, 8),
    NamePart::new(b"transfer-encoding", 8, 8),
    NamePart::new(b"transfer-encoding", 9, 8),
];

/// A lower-case name of 4 to 16 bytes, compared without case in two
/// overlapping words (see [`NamePart`]): a known field name or connection
/// option in a few instructions, where a byte loop takes one per byte.
#[derive(Clone, Copy)]
pub(crate) struct KnownName {
    len: usize,
    parts: [NamePart; 2],
}

impl KnownName {
    pub(crate) const fn new(name: &[u8]) -> Self {
        let len = name.len();
        assert!(len >= 4 && len <= 16, "a known name is 4 to 16 bytes");
        let word = if len >= 8 { 8 } else { 4 };
        KnownName {
            len,
            parts: [
                NamePart::new(name, 0, word),
                NamePart::new(name, len - word, word),
            ],
        }
    }

    /// Whether `name` is this name, in any case.
    #[inline(always)]
    pub(crate) fn matches(&self, name: &[u8]) -> bool {
        name.len() == self.len && self.parts[0].matches(name) && self.parts[1].matches(name)
    }
}

/// Up to eight bytes of a lower-case name at `at`, compared in one word
/// without case: a letter's bit 0x20 is set in the input before the
/// comparison (only a letter, upper or lower case, then equals a lower-case
/// letter); every other byte must be equal as it is.
#[derive(Clone, Copy)]
struct NamePart {
    at: usize,
    len: usize,
    lower: u64,
    case_bits: u64,
}

impl NamePart {
    const fn new(name: &[u8], at: usize, len: usize) -> Self {
        let (mut lower, mut case_bits) = (0u64, 0u64);
        let mut i = 0;
        while i < len {
            let b = name[at + i];
            lower |= (b as u64) << (8 * i);
            if b.is_ascii_lowercase() {
                case_bits |= 0x20 << (8 * i);
            }
            i += 1;
        }
        NamePart {
            at,
            len,
            lower,
            case_bits,
        }
    }

    #[inline(always)]
    fn matches(&self, name: &[u8]) -> bool {
        let word = match self.len {
            8 => name
                .get(self.at..self.at + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map(u64::from_le_bytes),
            _ => name
                .get(self.at..self.at + 4)
                .and_then(|w| <[u8; 4]>::try_from(w).ok())
                .map(|w| u32::from_le_bytes(w).into()),
        };
        word.is_some_and(|w| w | self.case_bits == self.lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ErrorKind::*;

    #[test]
    fn known_names_match_in_any_case_and_nothing_else() {
        for name in [
            &b"close"[..],
            b"upgrade",
            b"expect",
            b"connection",
            b"keep-alive",
        ] {
            let known = KnownName::new(name);
            assert!(known.matches(name));
            assert!(known.matches(&name.to_ascii_uppercase()));
            for at in 0..name.len() {
                for b in 0..=255u8 {
                    let mut other = name.to_vec();
                    other[at] = b;
                    let same = other.eq_ignore_ascii_case(name);
                    assert_eq!(known.matches(&other), same, "{other:?}");
                }
            }
            assert!(!known.matches(&name[1..]));
            assert!(!known.matches(&[name, b"x"].concat()));
        }
    }

    fn parse(line: &[u8]) -> Result<(&[u8], &[u8]), Fault> {
        parse_field_line(line, LineEnd::Crlf, false)
            .map(|s| (&line[..s.name_end], &line[s.value_start..s.value_end]))
    }

    /// Every line the fast path reads, the general path reads the same.
    #[test]
    fn fast_path_agrees_with_the_general_path() {
        use crate::head::line::{scan_line, LineRules, Progress, Scan};
        let lines: [&[u8]; 12] = [
            b"Host: a\r\n",
            b"A:b\r\n",
            b"A: \t b c \t\r\n",
            b"A:\r\n",
            b"A:   \r\n",
            b"A: \xff\x80\r\n",
            b"A: b\x00\r\n",
            b"A: b\n",
            b"A: b\r",
            b"A : b\r\n",
            b"A: b\r\n c\r\n",
            b"Long-Name-Of-A-Field: and a value long enough for several words\r\n",
        ];
        for cap in [0, 3, 8, 100] {
            for line in lines {
                let FastLine::Whole(span, next) = fast_field_line(line, cap, 0) else {
                    continue;
                };
                let rules = LineRules {
                    cap,
                    bare_lf: false,
                    fold: false,
                };
                let Scan::Line(general) = scan_line(line, &mut Progress::default(), rules) else {
                    panic!("general path refused {line:?}");
                };
                assert_eq!(general.next, next);
                let content = &line[..general.len];
                assert_eq!(parse_field_line(content, general.end, false), Ok(span));
            }
        }
    }

    /// A line cut anywhere: the one-pass reader, resuming where a partial
    /// scan stopped, agrees with the line scan on whole lines and on
    /// partial ones (no stop byte yet, or waiting for the LF after a CR),
    /// with caps inside and outside the lines.
    #[test]
    fn fast_path_resumes_like_the_line_scan() {
        use crate::head::line::{scan_line, LineRules, Progress, Scan};
        let lines: [&[u8]; 7] = [
            b"Accept-Language: fr, en;q=0.5\r\nX",
            b"A:\tv \t\r\n",
            b"Empty:\r\n",
            b"Name:val\rue\r\n",
            b"NoColon\r\n",
            b" lead: x\r\n",
            b"Del: a\x7fb\r\n",
        ];
        for line in lines {
            for cap in [100, 12, 6, 1] {
                let rules = LineRules {
                    cap,
                    bare_lf: false,
                    fold: false,
                };
                for cut in 0..=line.len() {
                    let mut progress = Progress::default();
                    for end in cut..=line.len() {
                        let bytes = &line[..end];
                        let fast = fast_field_line(bytes, rules.cap, progress.scanned());
                        let general = scan_line(bytes, &mut progress, rules);
                        let at = (line, cap, cut, end);
                        match (fast, general) {
                            (FastLine::Whole(_, next), Scan::Line(l)) => {
                                assert_eq!(next, l.next, "{at:?}")
                            }
                            (FastLine::AtCr(stop), Scan::Partial) => {
                                assert_eq!(progress, Progress::partial(stop, cap), "{at:?}")
                            }
                            (FastLine::Partial, Scan::Partial) => {
                                assert_eq!(progress, Progress::partial(end, cap), "{at:?}")
                            }
                            (FastLine::Other, _) => {}
                            (fast, general) => panic!("{fast:?} against {general:?} at {at:?}"),
                        }
                    }
                }
            }
        }
    }

    /// Every name of the known lengths that differs from a known name in
    /// one byte, and every case of each known name, against the plain
    /// comparison.
    #[test]
    fn classify_matches_a_plain_comparison() {
        let naive = |name: &[u8]| {
            if name.eq_ignore_ascii_case(b"host") {
                KnownField::Host
            } else if name.eq_ignore_ascii_case(b"content-length") {
                KnownField::ContentLength
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                KnownField::TransferEncoding
            } else {
                KnownField::Other
            }
        };
        for known in [&b"host"[..], b"content-length", b"transfer-encoding"] {
            let mut buf = [0u8; 17];
            let name = &mut buf[..known.len()];
            name.copy_from_slice(known);
            for at in 0..name.len() {
                for b in 0..=255u8 {
                    name[at] = b;
                    assert_eq!(classify(name), naive(name), "{name:?}");
                }
                name[at] = known[at];
            }
            for mask in 0..1u32 << known.len() {
                for (i, (cased, &b)) in name.iter_mut().zip(known).enumerate() {
                    *cased = if mask >> i & 1 == 1 {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    };
                }
                assert_eq!(classify(name), naive(name));
            }
        }
    }

    #[test]
    fn classifies_framing_fields_without_case() {
        assert_eq!(classify(b"conTENT-Length"), KnownField::ContentLength);
        assert_eq!(classify(b"Transfer-Encoding"), KnownField::TransferEncoding);
        assert_eq!(classify(b"HOST"), KnownField::Host);
        assert_eq!(classify(b"Hosts"), KnownField::Other);
        assert_eq!(classify(b"Content-Type"), KnownField::Other);
    }

    #[test]
    fn trims_ows_around_the_value() {
        assert_eq!(parse(b"Host: a"), Ok((&b"Host"[..], &b"a"[..])));
        assert_eq!(parse(b"A:\t b c \t"), Ok((&b"A"[..], &b"b c"[..])));
        assert_eq!(parse(b"A:"), Ok((&b"A"[..], &b""[..])));
        assert_eq!(parse(b"A:   "), Ok((&b"A"[..], &b""[..])));
        assert_eq!(parse(b"A: \xff\x80"), Ok((&b"A"[..], &b"\xff\x80"[..])));
    }

    #[test]
    fn name_rules() {
        assert_eq!(parse(b": v"), Err(Fault::new(InvalidFieldName, 0)));
        assert_eq!(parse(b"Fo@: v"), Err(Fault::new(InvalidFieldName, 2)));
        assert_eq!(parse(b"Foo v"), Err(Fault::new(WhitespaceBeforeColon, 3)));
        assert_eq!(parse(b"Foo : v"), Err(Fault::new(WhitespaceBeforeColon, 3)));
        assert_eq!(parse(b"Foo"), Err(Fault::new(InvalidFieldName, 3)));
    }

    #[test]
    fn a_control_byte_ends_in_name_or_value() {
        let bad = |line: &[u8]| parse_field_line(line, LineEnd::Invalid, false);
        assert_eq!(bad(b"Foo"), Err(Fault::new(InvalidFieldName, 3)));
        assert_eq!(bad(b"Foo: a"), Err(Fault::new(InvalidFieldValue, 6)));
    }

    #[test]
    fn folded_values_are_trimmed_of_line_breaks_too() {
        let line = b"A: \r\n b\r\n ";
        let s = parse_field_line(line, LineEnd::Crlf, true).unwrap();
        assert_eq!(&line[s.value_start..s.value_end], b"b");
        let line = b"A: \r\n ";
        let s = parse_field_line(line, LineEnd::Crlf, true).unwrap();
        assert_eq!(s.value_start, s.value_end);
    }
}
