//! Host = uri-host [ ":" port ]   (RFC 9110 section 7.2, RFC 3986 section 3.2.2)

use crate::syntax::chars::{all_alnum_dash_dot, byte_table, class_run_len, hex_value};

/// unreserved / sub-delims, without "," (a comma would make the value read
/// as a list of hosts, which the strict profile refuses).
const fn host_char(b: u8) -> bool {
    matches!(b,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~'
        | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b';' | b'=')
}

static HOST_CHAR: [bool; 256] = byte_table!(host_char);

/// userinfo = *( unreserved / pct-encoded / sub-delims / ":" ) (RFC 3986
/// section 3.2.1): a host's bytes, and `,` and `:` besides (`%` apart).
const fn userinfo_char(b: u8) -> bool {
    host_char(b) || b == b',' || b == b':'
}

static USERINFO_CHAR: [bool; 256] = byte_table!(userinfo_char);

/// Check a Host value (already trimmed of OWS). Returns the index of the
/// first byte that does not fit `uri-host [":" port]`; for an IP-literal
/// that is no address, the index of its first byte after `[` (which byte
/// of a malformed address is to blame is not defined: `[::1::2]` has two
/// `::` and neither alone is wrong).
///
/// An empty value is allowed (RFC 9110 section 7.2: a request whose target
/// has no authority sends an empty Host), and so is an empty port (RFC 3986
/// `port = *DIGIT`). No userinfo (`@`), whitespace or list (`,`) is
/// allowed, nor a port above 65535 or a port after an empty host.
#[inline]
pub(crate) fn check_host(value: &[u8]) -> Result<(), usize> {
    // Most Host values are a plain name of letters, digits, dots and
    // dashes (no port, no pct-encoding, no IP-literal): those need one
    // check, here, sixteen bytes at a time.
    if all_alnum_dash_dot(value) {
        return Ok(());
    }
    check_host_port(value, false)
}

/// Check a CONNECT request-target: authority-form, `uri-host ":" port`
/// with a host and a port of at least one digit (RFC 9112 section 3.2.3).
pub(crate) fn check_authority(value: &[u8]) -> Result<(), usize> {
    check_host_port(value, true)
}

#[inline(never)]
fn check_host_port(value: &[u8], port_required: bool) -> Result<(), usize> {
    let after_host = host_end(value)?;
    match value.get(after_host) {
        None if port_required => Err(after_host),
        None => Ok(()),
        Some(b':') if after_host == 0 => Err(0),
        Some(b':') => {
            let port_start = after_host + 1;
            let port = value.get(port_start..).unwrap_or_default();
            if port.is_empty() && port_required {
                return Err(port_start);
            }
            let mut number: u32 = 0;
            for (i, &b) in port.iter().enumerate() {
                if !b.is_ascii_digit() {
                    return Err(port_start + i);
                }
                number = number * 10 + u32::from(b - b'0');
                if number > 65535 {
                    return Err(port_start + i);
                }
            }
            Ok(())
        }
        Some(_) => Err(after_host),
    }
}

/// Where `uri-host` at the start of `value` ends: an IP-literal in
/// brackets, or a reg-name (which IPv4 fits); the index of the first bad
/// byte if it is neither.
fn host_end(value: &[u8]) -> Result<usize, usize> {
    if value.first() == Some(&b'[') {
        let close = value.iter().position(|&b| b == b']').ok_or(value.len())?;
        let inside = value.get(1..close).unwrap_or_default();
        if !is_ip_literal(inside) {
            return Err(1);
        }
        return Ok(close + 1);
    }
    // reg-name = *( unreserved / pct-encoded / sub-delims )
    pct_run_end(value, &HOST_CHAR)
}

/// Check the userinfo of an absolute-form target (without its `@`): the
/// index of its first byte outside RFC 3986's grammar, if any.
pub(crate) fn check_userinfo(value: &[u8]) -> Result<(), usize> {
    match pct_run_end(value, &USERINFO_CHAR)? {
        end if end == value.len() => Ok(()),
        end => Err(end),
    }
}

/// Where the run at the start of `value` of bytes `chars` takes, and of
/// pct-encoded triplets, ends; the index of a `%` not followed by two hex
/// digits, if one comes first.
fn pct_run_end(value: &[u8], chars: &[bool; 256]) -> Result<usize, usize> {
    let plain = |from: usize| from + class_run_len(value.get(from..).unwrap_or_default(), chars);
    // Runs of plain characters at a time; pct-encoded triplets between.
    let mut i = plain(0);
    while value.get(i) == Some(&b'%') {
        match (value.get(i + 1), value.get(i + 2)) {
            (Some(&h), Some(&l)) if hex_value(h).is_some() && hex_value(l).is_some() => {
                i = plain(i + 3);
            }
            _ => return Err(i),
        }
    }
    Ok(i)
}

/// IPv6address / IPvFuture, the inside of an IP-literal (RFC 3986 3.2.2).
fn is_ip_literal(inside: &[u8]) -> bool {
    match inside.first() {
        Some(b'v' | b'V') => is_ipv_future(inside.get(1..).unwrap_or_default()),
        _ => is_ipv6(inside),
    }
}

/// After the "v": 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).
fn is_ipv_future(rest: &[u8]) -> bool {
    let hex = rest.iter().take_while(|&&b| hex_value(b).is_some()).count();
    match rest.get(hex..) {
        // Inside brackets a comma cannot make the value read as a list, so
        // all sub-delims are allowed here, comma included.
        Some([b'.', tail @ ..]) => {
            hex > 0
                && !tail.is_empty()
                && tail
                    .iter()
                    .all(|&b| HOST_CHAR[usize::from(b)] || b == b':' || b == b',')
        }
        _ => false,
    }
}

/// IPv6address: eight 16-bit groups of 1 to 4 hex digits separated by
/// colons, the last two possibly written as an IPv4 address, and at most
/// one "::" standing for one or more groups of zeros.
fn is_ipv6(s: &[u8]) -> bool {
    let compression = s.windows(2).position(|w| w == b"::");
    let (head, tail) = match compression {
        Some(at) => (
            s.get(..at).unwrap_or_default(),
            s.get(at + 2..).unwrap_or_default(),
        ),
        None => (s, &[][..]),
    };
    if tail.windows(2).any(|w| w == b"::") {
        return false;
    }
    // The IPv4 form may only end the address.
    let ends_in_head = compression.is_none();
    let (Some(head_groups), Some(tail_groups)) = (
        count_groups(head, ends_in_head),
        count_groups(tail, !ends_in_head),
    ) else {
        return false;
    };
    let groups = head_groups + tail_groups;
    match compression {
        Some(_) => groups <= 7,
        None => groups == 8,
    }
}

/// The 16-bit groups of a colon-separated run (empty: none). `last` says
/// whether the run ends the address, where an IPv4 address counts for two.
fn count_groups(run: &[u8], last: bool) -> Option<usize> {
    if run.is_empty() {
        return Some(0);
    }
    let mut groups = 0;
    let mut parts = run.split(|&b| b == b':').peekable();
    while let Some(part) = parts.next() {
        let final_part = parts.peek().is_none();
        if last && final_part && part.contains(&b'.') {
            is_ipv4(part).then_some(())?;
            groups += 2;
        } else {
            let h16 = (1..=4).contains(&part.len()) && part.iter().all(|&b| hex_value(b).is_some());
            h16.then_some(())?;
            groups += 1;
        }
    }
    Some(groups)
}

/// IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, each
/// 0-255 without leading zeros.
fn is_ipv4(s: &[u8]) -> bool {
    let mut octets = 0;
    for octet in s.split(|&b| b == b'.') {
        let digits_ok = (1..=3).contains(&octet.len())
            && octet.iter().all(u8::is_ascii_digit)
            && (octet.len() == 1 || octet.first() != Some(&b'0'));
        if !digits_ok {
            return false;
        }
        let value = octet
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        if value > 255 {
            return false;
        }
        octets += 1;
    }
    octets == 4
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

    /// Found by the `decode_request` fuzz target: a non-digit in what
    /// looked like an IPv4 tail was subtracted from '0' (overflow panic).
    #[test]
    fn non_digits_in_an_ipv4_tail_are_refused_without_overflow() {
        assert!(!is_ip_literal(b"hunked_uT."));
        assert!(!is_ip_literal(b"::a.b.c.d"));
        assert_eq!(check_host(b"[hunked_uT.]"), Err(1));
    }

    #[test]
    fn ip_literals_follow_rfc_3986() {
        for ok in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1::8",
            "fe80::1:2",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "ABCD:ef01::",
            "v1.x",
            "V7F.a:b+c",
            "v1.fe80::a+era,,,",
        ] {
            assert!(is_ip_literal(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "",
            "zz",
            "1.2.3.4",
            "::1::2",
            ":",
            ":::",
            "1:",
            ":1",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2:3:4:5:6:7:8",
            "12345::",
            "::1.2.3",
            "::1.2.3.256",
            "::01.2.3.4",
            "1.2.3.4::",
            "::1.2.3.4:1",
            "v",
            "v1",
            "v1.",
            "vz.x",
            "v1.x y",
        ] {
            assert!(!is_ip_literal(bad.as_bytes()), "{bad}");
        }
        assert_eq!(check_host(b"[zz]"), Err(1));
        assert_eq!(check_host(b"[::1]:8080"), Ok(()));
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
        assert_eq!(check_host(b"[::1 ]"), Err(1));
        assert_eq!(check_host(b"a%2"), Err(1));
        assert_eq!(check_host(b"a%zz"), Err(1));
        assert_eq!(check_host(b"a/b"), Err(1));
        assert_eq!(check_host(b"\xc3\xa9"), Err(0));
        assert_eq!(check_host(b"a:65535"), Ok(()));
        assert_eq!(check_host(b"a:0000065535"), Ok(()));
        assert_eq!(check_host(b"a:65536"), Err(6));
        assert_eq!(check_host(b"a:99999999999999999999"), Err(6));
        assert_eq!(check_host(b":80"), Err(0));
        assert_eq!(check_host(b":"), Err(0));
    }

    #[test]
    fn authority_form_needs_host_and_port() {
        assert_eq!(check_authority(b"a.com:443"), Ok(()));
        assert_eq!(check_authority(b"[::1]:8443"), Ok(()));
        assert_eq!(check_authority(b"a.com"), Err(5));
        assert_eq!(check_authority(b"a.com:"), Err(6));
        assert_eq!(check_authority(b":443"), Err(0));
        assert_eq!(check_authority(b"a.com:70000"), Err(10));
        assert_eq!(check_authority(b"/a"), Err(0));
        assert_eq!(check_authority(b"u@a.com:443"), Err(1));
    }

    /// pct-encoded = "%" HEXDIG HEXDIG: both digits are checked.
    #[test]
    fn a_pct_triplet_needs_two_hex_digits() {
        assert_eq!(check_host(b"a%2z"), Err(1));
        assert_eq!(check_host(b"a%z2"), Err(1));
    }
}
