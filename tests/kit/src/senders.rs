//! What a sender must not generate although a recipient reads it, for the
//! oracles that predict the encoder's refusals: written from the RFC text,
//! not from the crate.

use crate::abnf::plain_list;

/// RFC 9110 section 6.5.1: "Many fields cannot be processed outside the
/// header section because their evaluation is necessary prior to receiving
/// the content, such as those that describe message framing, routing,
/// authentication, request modifiers, response controls, or content
/// format." The fields it names by kind (framing and routing: RFC 9112
/// section 6; request modifiers: the controls and the conditionals of RFC
/// 9110 section 13; authentication: sections 11.6 and 11.7, and cookies,
/// which RFC 7230 section 4.1.2 named there; response control data, which
/// it named as RFC 7231 section 7.1's; content format), lower-case.
pub const HEADER_ONLY_FIELDS: [&str; 31] = [
    "content-length",
    "transfer-encoding",
    "host",
    "cache-control",
    "expect",
    "max-forwards",
    "pragma",
    "range",
    "te",
    "if-match",
    "if-none-match",
    "if-modified-since",
    "if-unmodified-since",
    "if-range",
    "authorization",
    "proxy-authorization",
    "www-authenticate",
    "proxy-authenticate",
    "cookie",
    "set-cookie",
    "age",
    "date",
    "expires",
    "location",
    "retry-after",
    "vary",
    "warning",
    "content-encoding",
    "content-range",
    "content-type",
    "trailer",
];

/// Whether a trailer field named `name` is one the strict encoder refuses
/// (any case); the first three (framing and routing) whatever its options.
pub fn header_only(name: &[u8]) -> bool {
    HEADER_ONLY_FIELDS
        .iter()
        .any(|field| name.eq_ignore_ascii_case(field.as_bytes()))
}

/// Whether a TE value lists the `chunked` transfer coding, which a client
/// "MUST NOT send" (RFC 9112 section 7.4). `TE = #t-codings`, `t-codings =
/// "trailers" / ( transfer-coding [ weight ] )`: the coding is an
/// element's first token, before any `;`. Quoted strings (parameter
/// values) are blanked out first, so a comma or `chunked` inside one is
/// no element.
pub fn te_lists_chunked(value: &[u8]) -> bool {
    let mut unquoted = Vec::with_capacity(value.len());
    let (mut quoted, mut escaped) = (false, false);
    for &b in value {
        let inside = quoted;
        if quoted {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                quoted = false;
            }
        } else if b == b'"' {
            quoted = true;
        }
        unquoted.push(if inside || quoted { b'x' } else { b });
    }
    // (An unclosed quoted string swallows the rest: blanked out too.)
    let listed =
        plain_list(&unquoted).any(|element| coding(element).eq_ignore_ascii_case(b"chunked"));
    listed
}

/// The coding of a t-codings element: up to `;` or whitespace.
fn coding(element: &[u8]) -> &[u8] {
    let end = element
        .iter()
        .position(|&b| b == b';' || b == b' ' || b == b'\t')
        .unwrap_or(element.len());
    &element[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_each_name_once_in_lower_case() {
        for (i, name) in HEADER_ONLY_FIELDS.iter().enumerate() {
            assert_eq!(name.to_ascii_lowercase(), *name);
            assert!(!HEADER_ONLY_FIELDS[i + 1..].contains(name), "{name}");
        }
        assert!(header_only(b"Content-Type") && header_only(b"TE"));
        assert!(!header_only(b"Server-Timing") && !header_only(b"grpc-status"));
    }

    #[test]
    fn chunked_as_a_coding_only() {
        assert!(te_lists_chunked(b"trailers, chunked;q=0.5"));
        assert!(te_lists_chunked(b"gzip;p=\"x\", CHUNKED"));
        assert!(!te_lists_chunked(b"gzip;p=\"a, chunked\""));
        assert!(!te_lists_chunked(b"chunkedx, trailers"));
        assert!(!te_lists_chunked(b"gzip;p=\"open, chunked"));
    }
}
