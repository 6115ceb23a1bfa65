//! What a sender must not generate although a recipient reads it, for the
//! oracles that predict the encoder's refusals: written from the RFC text,
//! not from the crate.

use crate::abnf::{is_ws, plain_list};

/// RFC 9110 section 6.5.1: "Many fields cannot be processed outside the
/// header section because their evaluation is necessary prior to receiving
/// the content, such as those that describe message framing, routing,
/// authentication, request modifiers, response controls, or content
/// format." The fields it names by kind (framing and routing: RFC 9112
/// section 6; request modifiers: the controls and the conditionals of RFC
/// 9110 section 13, and content negotiation, which RFC 7230 section 4.1.2
/// counted among them as RFC 7231 section 5's; authentication: sections
/// 11.6 and 11.7, and cookies, which RFC 7230 named there; response
/// control data, which it named as RFC 7231 section 7.1's; content
/// format), lower-case; and the connection's own fields (RFC 9110 section
/// 7.6.1, 7.8), which act on the connection a merging recipient would
/// misread, as the framing fields do.
pub const HEADER_ONLY_FIELDS: [&str; 39] = [
    "content-length",
    "transfer-encoding",
    "host",
    "cache-control",
    "expect",
    "max-forwards",
    "pragma",
    "range",
    "te",
    "accept",
    "accept-charset",
    "accept-encoding",
    "accept-language",
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
    "connection",
    "keep-alive",
    "proxy-connection",
    "upgrade",
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
/// element's first token, before any `;`. A quoted string is only a
/// parameter's value (`transfer-parameter = token BWS "=" BWS ( token /
/// quoted-string )`): one that opens right after `=` and closes is blanked
/// out first, so a comma or `chunked` inside it is no element; any other
/// `"` is a plain byte.
pub fn te_lists_chunked(value: &[u8]) -> bool {
    let mut plain = value.to_vec();
    let mut i = 0;
    while i < value.len() {
        let after_equals = value[..i]
            .iter()
            .rev()
            .find(|&&b| !matches!(b, b' ' | b'\t'))
            == Some(&b'=');
        if value[i] == b'"' && after_equals {
            // Find the closing quote, a backslash quoting the byte after it.
            let mut j = i + 1;
            let mut close = None;
            while j < value.len() {
                if value[j] == b'\\' {
                    j += 2;
                } else if value[j] == b'"' {
                    close = Some(j);
                    break;
                } else {
                    j += 1;
                }
            }
            match close {
                Some(j) => {
                    plain[i..=j].fill(b'x');
                    i = j + 1;
                    continue;
                }
                // Unclosed: no quoted string, here or later.
                None => break,
            }
        }
        i += 1;
    }
    let listed = plain_list(&plain).any(|element| coding(element).eq_ignore_ascii_case(b"chunked"));
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
        assert!(te_lists_chunked(b"gzip;p=\"open, chunked"));
        assert!(te_lists_chunked(b"x\", chunked"));
        assert!(!te_lists_chunked(b"gzip;p = \"a,chunked\", trailers"));
    }
}

/// Whether an Upgrade value names a protocol, as a 101 or 426 must (RFC
/// 9110 sections 15.2.2 and 15.5.22). `Upgrade = #protocol` allows a list
/// of none (`Upgrade:`, `Upgrade: ,`), which names nothing; an element
/// with whitespace inside is no `protocol-name ["/" protocol-version]`.
pub fn upgrade_names_protocol(value: &[u8]) -> bool {
    plain_list(value).any(|element| !element.is_empty() && !element.iter().any(|&b| is_ws(b)))
}

/// Whether a CONNECT's Host names its target (RFC 9112 section 3.2: a
/// client sends the target URI's authority as Host, "identical"; section
/// 3.3: an authority-form target is that authority): the target itself,
/// or its host without the port, as RFC 9110 section 9.3.6's own example
/// writes it (`CONNECT server.example.com:80` with `Host:
/// server.example.com`).
pub fn host_names_connect_target(target: &[u8], host: &[u8]) -> bool {
    let without_port = match target.iter().rposition(|&b| b == b':') {
        Some(colon) => &target[..colon],
        None => target,
    };
    host == target || host == without_port
}

/// Whether a Connection value names a field meant for every recipient
/// that frames or routes the message (Content-Length, Transfer-Encoding,
/// Host), which no sender may list as a connection option (RFC 9110
/// section 7.6.1): an intermediary honouring it drops the framing.
pub fn connection_lists_framing(value: &[u8]) -> bool {
    plain_list(value).any(|option| {
        ["content-length", "transfer-encoding", "host"]
            .iter()
            .any(|name| option.eq_ignore_ascii_case(name.as_bytes()))
    })
}
