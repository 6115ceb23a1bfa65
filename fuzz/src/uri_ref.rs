//! Reference readings of a Host value and of the authority of an
//! absolute-form target, written here apart from the crate's (which the
//! fuzz targets check against them): straight from RFC 3986's grammar and
//! the strict profile's bounds, for clarity, not speed.

use crate::{is_scheme_char, is_sub_delim, is_unreserved};

/// A scheme (RFC 3986 section 3.1) and `://`.
pub fn is_absolute(target: &[u8]) -> bool {
    authority_of(target).is_some()
}

/// The authority of an absolute-form target, split.
pub struct Authority<'a> {
    /// The scheme is `http` or `https`.
    pub web: bool,
    /// Before an `@`, without it.
    pub userinfo: Option<&'a [u8]>,
    /// `host [":" port]`.
    pub host: &'a [u8],
}

/// The authority (after `scheme "://"`, up to the first `/`, `?` or `#`)
/// of an absolute-form target; `None` for the other forms.
pub fn authority_of(target: &[u8]) -> Option<Authority<'_>> {
    let scheme = target.iter().take_while(|&&b| is_scheme_char(b)).count();
    if !target.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let rest = target[scheme..].strip_prefix(b"://")?;
    let authority = &rest[..rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len())];
    let (userinfo, host) = match authority.iter().position(|&b| b == b'@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    let web = target[..scheme].eq_ignore_ascii_case(b"http")
        || target[..scheme].eq_ignore_ascii_case(b"https");
    Some(Authority {
        web,
        userinfo,
        host,
    })
}

/// The authority of an absolute-form target: `[ userinfo "@" ] host [ ":"
/// port ]`, userinfo of RFC 3986 section 3.2.1 and the rest as Host
/// (below), the host not empty for `http` and `https` (RFC 9110 section
/// 4.2.1), and no fragment anywhere in the target (absolute-URI has none).
/// False for a target of another form.
pub fn absolute_authority_ok(target: &[u8]) -> bool {
    // No fragment anywhere in absolute-form (RFC 9112 section 3.2).
    if target.contains(&b'#') {
        return false;
    }
    let Some(Authority {
        web,
        userinfo,
        host,
    }) = authority_of(target)
    else {
        return false;
    };
    // reg-name's bytes, and `:` and `,` besides.
    let userinfo_ok = userinfo.is_none_or(|u| u.split(|&b| b == b':' || b == b',').all(reg_name));
    userinfo_ok && !(web && host.is_empty()) && check_host(host) == Host::Valid
}

/// An `http` or `https` absolute-form target with userinfo.
pub fn web_userinfo(target: &[u8]) -> bool {
    authority_of(target).is_some_and(|a| a.web && a.userinfo.is_some())
}

/// What the Host reference makes of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    Valid,
    Invalid,
}

/// A port: digits (leading zeros allowed) for a number up to 65535 (the
/// strict profile's bound, CONFORMANCE.md: RFC 3986 sets none).
pub fn port_ok(port: &[u8]) -> bool {
    port.iter().all(u8::is_ascii_digit)
        && port
            .iter()
            .try_fold(0u32, |n, &b| {
                let n = n * 10 + u32::from(b - b'0');
                (n <= 65535).then_some(n)
            })
            .is_some()
}

/// Host = uri-host [ ":" port ] (RFC 9110 7.2, RFC 3986 3.2.2), without a
/// comma in a reg-name (the strict profile refuses a list of hosts), empty
/// allowed (RFC 9110 7.2) but not an empty host with a port, a port up to
/// 65535 (CONFORMANCE.md).
pub fn check_host(v: &[u8]) -> Host {
    let valid = |ok: bool| if ok { Host::Valid } else { Host::Invalid };
    let port = if v.first() == Some(&b'[') {
        let Some(close) = v.iter().position(|&b| b == b']') else {
            return Host::Invalid;
        };
        if !ip_literal(&v[1..close]) {
            return Host::Invalid;
        }
        &v[close + 1..]
    } else {
        let colon = v.iter().position(|&b| b == b':').unwrap_or(v.len());
        if !reg_name(&v[..colon]) {
            return Host::Invalid;
        }
        &v[colon..]
    };
    if port.len() == v.len() && !port.is_empty() {
        // ":80": a port after an empty host.
        return Host::Invalid;
    }
    valid(port.is_empty() || (port[0] == b':' && port_ok(&port[1..])))
}

/// reg-name = *( unreserved / pct-encoded / sub-delims ), no comma.
pub fn reg_name(v: &[u8]) -> bool {
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        if b == b'%' {
            if !(v.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && v.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
            continue;
        }
        if !(is_unreserved(b) || (is_sub_delim(b) && b != b',')) {
            return false;
        }
        i += 1;
    }
    true
}

/// IP-literal without its brackets: IPv6address / IPvFuture.
fn ip_literal(v: &[u8]) -> bool {
    if matches!(v.first(), Some(b'v' | b'V')) {
        // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        let hex = v[1..].iter().take_while(|b| b.is_ascii_hexdigit()).count();
        let rest = &v[1 + hex..];
        return hex > 0
            && rest.first() == Some(&b'.')
            && rest.len() > 1
            && rest[1..]
                .iter()
                .all(|&b| is_unreserved(b) || is_sub_delim(b) || b == b':');
    }
    ipv6(v)
}

/// RFC 3986 IPv6address.
fn ipv6(v: &[u8]) -> bool {
    let s = match std::str::from_utf8(v) {
        Ok(s) => s,
        Err(_) => return false,
    };
    // Zone identifiers are not allowed in a URI (RFC 6874 aside).
    s.parse::<std::net::Ipv6Addr>().is_ok()
        && s.bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

/// A `host:port` whose port is 0 (or empty), where no tunnel goes (RFC
/// 9110 section 9.3.6: an invalid port, which a server must reject).
pub fn port_zero(target: &[u8]) -> bool {
    target
        .iter()
        .rposition(|&b| b == b':')
        .is_some_and(|colon| target[colon + 1..].iter().all(|&b| b == b'0'))
}
