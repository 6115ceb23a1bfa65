//! The byte classes of RFC 9110, RFC 9112 and RFC 3986 that the checks
//! need, written plainly from the ABNF, once, for every harness.
//!
//! These are the references the decoder's and encoder's own tables are
//! tested against, so they stay slow and obvious: a list of characters or
//! a range, as the RFC writes it, never a table.

/// RFC 9110 section 5.6.2:
///
/// ```text
/// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
///         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
/// ```
pub fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// `token = 1*tchar` (RFC 9110 section 5.6.2): methods, field names,
/// transfer codings.
pub fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_tchar(b))
}

/// SP or HTAB: the bytes of OWS, RWS and BWS (RFC 9110 section 5.6.3).
pub fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// A control byte that may not appear in a head line: CTL (%x00-1F and
/// %x7F, RFC 5234 appendix B.1) except HTAB, which is whitespace there.
pub fn is_ctl(b: u8) -> bool {
    (b <= 0x1f && b != b'\t') || b == 0x7f
}

/// `VCHAR = %x21-7E` (RFC 5234 appendix B.1): visible US-ASCII.
pub fn is_vchar(b: u8) -> bool {
    (0x21..=0x7e).contains(&b)
}

/// `obs-text = %x80-FF` (RFC 9110 section 5.6.4).
pub fn is_obs_text(b: u8) -> bool {
    b >= 0x80
}

/// `field-vchar = VCHAR / obs-text` (RFC 9110 section 5.5).
pub fn is_field_vchar(b: u8) -> bool {
    is_vchar(b) || is_obs_text(b)
}

/// `HTAB / SP / VCHAR / obs-text`: every byte a field value
/// (`field-content`, RFC 9110 section 5.5) or a reason phrase
/// (`reason-phrase`, RFC 9112 section 4) may hold. Exactly the bytes that
/// are not [`is_ctl`].
pub fn is_text(b: u8) -> bool {
    is_ws(b) || is_field_vchar(b)
}

/// A field value as a recipient delivers it (RFC 9110 section 5.5):
///
/// ```text
/// field-value   = *field-content
/// field-content = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
/// ```
///
/// that is: empty, or [`is_text`] bytes that neither start nor end with
/// whitespace (the OWS around it is not part of it).
pub fn is_field_value(value: &[u8]) -> bool {
    match (value.first(), value.last()) {
        (None, _) | (_, None) => true,
        (Some(&first), Some(&last)) => {
            is_field_vchar(first) && is_field_vchar(last) && value.iter().all(|&b| is_text(b))
        }
    }
}

/// A byte of a request-target as the decoder delivers it: the URI grammar
/// (RFC 3986) only has VCHARs, and no whitespace ends up inside a target
/// (RFC 9112 section 3.2); obs-text only when the caller lets non-ASCII
/// targets through (`Lenient::non_ascii_target`).
pub fn is_target_byte(b: u8, non_ascii: bool) -> bool {
    is_vchar(b) || (non_ascii && is_obs_text(b))
}

/// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986
/// section 3.1): whether `b` may follow the first letter of a scheme.
pub fn is_scheme_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"+-.".contains(&b)
}

/// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"` (RFC 3986
/// section 2.3).
pub fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~".contains(&b)
}

/// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," /
/// ";" / "="` (RFC 3986 section 2.2).
pub fn is_sub_delim(b: u8) -> bool {
    b"!$&'()*+,;=".contains(&b)
}

/// The elements of a `#list` value (RFC 9110 section 5.6.1) split at
/// every comma and trimmed of OWS, empty ones included: the plain reading,
/// right for values without quoted strings (connection options,
/// expectations, codings without parameters).
pub fn plain_list(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    value.split(|&b| b == b',').map(|element| {
        let start = element
            .iter()
            .position(|&b| !is_ws(b))
            .unwrap_or(element.len());
        let end = element
            .iter()
            .rposition(|&b| !is_ws(b))
            .map_or(start, |at| at + 1);
        &element[start..end]
    })
}

/// Whether a `#list` value lists `token`, in any case.
pub fn lists(value: &[u8], token: &[u8]) -> bool {
    plain_list(value).any(|element| element.eq_ignore_ascii_case(token))
}

/// Whether a `#list` value has an empty element (`a,,b`, `,a`, `a,`,
/// `a, ,b`), which a sender must not generate (RFC 9110 section 5.6.1);
/// false for a value with a quoted string, whose commas the plain reading
/// cannot place.
pub fn has_empty_list_element(value: &[u8]) -> bool {
    value.contains(&b',') && !value.contains(&b'"') && plain_list(value).any(<[u8]>::is_empty)
}

#[cfg(test)]
mod tests {
    //! Each class against a second, naive reading of the same RFC text:
    //! the sets the RFCs state in prose, counted and partitioned.

    use super::*;

    fn all(class: impl Fn(u8) -> bool) -> Vec<u8> {
        (0..=255u8).filter(|&b| class(b)).collect()
    }

    #[test]
    fn tchars_are_the_vchars_that_are_not_delimiters() {
        // RFC 9110 section 5.6.2: "Delimiters are chosen from the set of
        // US-ASCII visual characters not allowed in a token (DQUOTE and
        // "(),/:;<=>?@[\]{}")."
        let delimiters = b"\"(),/:;<=>?@[\\]{}";
        for b in 0..=255u8 {
            let expected = is_vchar(b) && !delimiters.contains(&b);
            assert_eq!(is_tchar(b), expected, "{b:#04x}");
        }
        // 15 specials, 10 digits, 52 letters.
        assert_eq!(all(is_tchar).len(), 15 + 10 + 52);
    }

    #[test]
    fn tokens() {
        assert!(is_token(b"GET"));
        assert!(is_token(b"X-Custom_1.0~!#$%&'*+^`|"));
        assert!(!is_token(b""));
        for bad in [&b"a b"[..], b"a:", b"a\tb", b"\xe9", b"a\x7f", b"(a)"] {
            assert!(!is_token(bad), "{bad:?}");
        }
    }

    #[test]
    fn whitespace_controls_and_text_cover_every_byte_once() {
        assert_eq!(all(is_ws), b"\t ");
        let mut ctl: Vec<u8> = (0x00..=0x1f).filter(|&b| b != b'\t').collect();
        ctl.push(0x7f);
        assert_eq!(all(is_ctl), ctl);
        assert_eq!(all(is_vchar), (b'!'..=b'~').collect::<Vec<u8>>());
        assert_eq!(all(is_obs_text), (0x80..=0xff).collect::<Vec<u8>>());
        for b in 0..=255u8 {
            // Text is whitespace or visible (ASCII or not), never both.
            assert_eq!(is_text(b), !is_ctl(b), "{b:#04x}");
            assert!(!(is_ws(b) && is_field_vchar(b)), "{b:#04x}");
        }
    }

    #[test]
    fn lists_read_plainly() {
        let elements: Vec<&[u8]> = plain_list(b" a ,\tB,, c").collect();
        assert_eq!(elements, [&b"a"[..], b"B", b"", b"c"]);
        assert!(lists(b"close, Upgrade", b"upgrade") && !lists(b"upgrades", b"upgrade"));
        for empty in [&b"a,,b"[..], b",a", b"a,", b"a, ,b", b" , "] {
            assert!(has_empty_list_element(empty), "{empty:?}");
        }
        for full in [&b"a, b"[..], b"a", b"", b"x;p=\",,\", b"] {
            assert!(!has_empty_list_element(full), "{full:?}");
        }
    }

    #[test]
    fn field_values_as_delivered() {
        for good in [&b""[..], b"a", b"a b", b"a\t\tb", b"\xff", b"x=\"1, 2\""] {
            assert!(is_field_value(good), "{good:?}");
        }
        for bad in [
            &b" a"[..],
            b"a ",
            b"\t",
            b" ",
            b"a\r\nb",
            b"a\x00",
            b"a\x7fb",
        ] {
            assert!(!is_field_value(bad), "{bad:?}");
        }
    }

    #[test]
    fn target_bytes() {
        assert!(is_target_byte(b'/', false));
        assert!(!is_target_byte(b' ', true));
        assert!(!is_target_byte(0x7f, true));
        assert!(!is_target_byte(0x80, false));
        assert!(is_target_byte(0x80, true));
        assert_eq!(all(|b| is_target_byte(b, false)), all(is_vchar));
    }

    #[test]
    fn uri_classes() {
        let alnum = 26 + 26 + 10;
        assert_eq!(all(is_scheme_char).len(), alnum + 3);
        assert_eq!(all(is_unreserved).len(), alnum + 4);
        let mut sub_delims = b"!$&'()*+,;=".to_vec();
        sub_delims.sort_unstable();
        assert_eq!(all(is_sub_delim), sub_delims);
        // All three are visible characters.
        for b in all(|b| is_scheme_char(b) || is_unreserved(b) || is_sub_delim(b)) {
            assert!(is_vchar(b), "{b:#04x}");
        }
    }
}
