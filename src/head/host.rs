//! Host = uri-host [ ":" port ]   (RFC 9110 section 7.2, RFC 3986 section 3.2.2)

use super::chars::{byte_table, hex_value};

/// unreserved / sub-delims, without "," (a comma would make the value read
/// as a list of hosts, which the strict profile refuses).
const fn host_char(b: u8) -> bool {
    matches!(b,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~'
        | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b';' | b'=')
}

static HOST_CHAR: [bool; 256] = byte_table!(host_char);

/// Check a Host value (already trimmed of OWS). Returns the index of the
/// first byte that does not fit `uri-host [":" port]`.
///
/// An empty value is allowed (RFC 9110 section 7.2: a request whose target
/// has no authority sends an empty Host). No userinfo (`@`), whitespace or
/// list (`,`) is allowed.
pub(crate) fn check_host(value: &[u8]) -> Result<(), usize> {
    let after_host = if value.first() == Some(&b'[') {
        // IP-literal = "[" ( IPv6address / IPvFuture ) "]": hex digits, dots,
        // colons, and for IPvFuture unreserved / sub-delims.
        let close = value.iter().position(|&b| b == b']').ok_or(value.len())?;
        let inside = value.get(1..close).unwrap_or_default();
        if inside.is_empty() {
            return Err(close);
        }
        if let Some(bad) = inside.iter().position(|&b| !(host_char(b) || b == b':')) {
            return Err(1 + bad);
        }
        close + 1
    } else {
        // reg-name = *( unreserved / pct-encoded / sub-delims ); IPv4 fits it.
        let mut i = 0;
        while let Some(&b) = value.get(i) {
            if b == b'%' {
                match (value.get(i + 1), value.get(i + 2)) {
                    (Some(&h), Some(&l)) if hex_value(h).is_some() && hex_value(l).is_some() => {
                        i += 3;
                        continue;
                    }
                    _ => return Err(i),
                }
            }
            if !HOST_CHAR[usize::from(b)] {
                break;
            }
            i += 1;
        }
        i
    };
    match value.get(after_host) {
        None => Ok(()),
        Some(b':') => {
            let port_start = after_host + 1;
            let port = value.get(port_start..).unwrap_or_default();
            match port.iter().position(|b| !b.is_ascii_digit()) {
                None => Ok(()),
                Some(bad) => Err(port_start + bad),
            }
        }
        Some(_) => Err(after_host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_hosts_and_ports() {
        for ok in [
            &b""[..],
            b"example.com",
            b"example.com:8080",
            b"example.com:",
            b"127.0.0.1:80",
            b"[::1]",
            b"[::1]:443",
            b"[v1.fe80::a+en1]",
            b"0.0.0.0=5000",
            b"xn--caf-dma.example",
            b"a%20b",
            b"home_0.netscape.com",
        ] {
            assert_eq!(check_host(ok), Ok(()), "{:?}", core::str::from_utf8(ok));
        }
    }

    #[test]
    fn refuses_userinfo_whitespace_lists_and_bad_ports() {
        assert_eq!(check_host(b"user@example.com"), Err(4));
        assert_eq!(check_host(b"a b"), Err(1));
        assert_eq!(check_host(b"a.com, b.com"), Err(5));
        assert_eq!(check_host(b"a.com:80x"), Err(8));
        assert_eq!(check_host(b"a.com:80:90"), Err(8));
        assert_eq!(check_host(b"[::1"), Err(4));
        assert_eq!(check_host(b"[]"), Err(1));
        assert_eq!(check_host(b"[::1]x"), Err(5));
        assert_eq!(check_host(b"[::1 ]"), Err(4));
        assert_eq!(check_host(b"a%2"), Err(1));
        assert_eq!(check_host(b"a%zz"), Err(1));
        assert_eq!(check_host(b"a/b"), Err(1));
        assert_eq!(check_host(b"\xc3\xa9"), Err(0));
    }
}
