//! The four forms of a request-target (RFC 9112 section 3.2) and which
//! method takes which.
//!
//! ```text
//! request-target = origin-form / absolute-form / authority-form / asterisk-form
//! origin-form    = absolute-path [ "?" query ]          ; starts with "/"
//! absolute-form  = absolute-URI                          ; "scheme://..." here
//! authority-form = uri-host ":" port                     ; CONNECT only
//! asterisk-form  = "*"                                   ; OPTIONS (and SSDP)
//! ```
//!
//! Two parsers that classify one target differently route the request
//! differently, so the strict profile reads each form by its first bytes
//! and refuses a target whose form does not fit its method.

use super::host::{check_authority, check_host, check_userinfo};
use crate::TargetForm;

/// The form of `target` (already free of whitespace and control bytes),
/// or `None` when it is none of the four (see [`check_target_form`]).
pub(crate) fn target_form(target: &[u8]) -> Option<TargetForm> {
    check_target_form(target).ok()
}

/// The form of `target` (already free of whitespace and control bytes),
/// or the offset of the byte that makes it none of the four: in the
/// authority of an absolute-form target, the first byte that breaks its
/// rules (of an IP-literal that is no address, its first byte after `[`:
/// which byte of a malformed address is to blame is not defined);
/// otherwise 0.
///
/// absolute-URI is read as `scheme "://" authority`: every scheme HTTP
/// routes by has an authority, and without the slashes `host:port`
/// (authority-form) would also read as a scheme followed by a path. The
/// authority wins over Host (RFC 9112 section 3.2.2), so its host is held
/// to Host's rules: `uri-host [":" port]`, no list, a port up to 65535,
/// and for `http` and `https` not empty (RFC 9110 section 4.2.1: a
/// recipient "MUST reject" an empty one). Userinfo before it (`user@`)
/// must be RFC 3986's: a recipient only "SHOULD" treat it as an error (RFC
/// 9110 section 4.2.4), and the conformance corpus accepts it, but a byte
/// outside its grammar (`a\@b`, which URL parsers split differently) or a
/// second `@` is refused. (The encoder does not write userinfo in an
/// `http` or `https` target: see [`userinfo`].)
///
/// A fragment (`#...`) is refused in an absolute-form target, at its `#`:
/// absolute-URI has none (RFC 9112 section 3.2, RFC 3986 section 4.3), a
/// recipient "SHOULD" answer an invalid request-line with 400 (RFC 9112
/// section 3), and where a fragment starts decides the authority for one
/// URL parser and not for another: `http://a.example#@b.example/` is
/// host `a.example` to a parser that knows fragments and `b.example` to
/// one that looks for the last `@` before the first `/`. (In origin-form
/// the fragment routes nothing, Host does, and the conformance corpus
/// accepts it.)
pub(crate) fn check_target_form(target: &[u8]) -> Result<TargetForm, usize> {
    match target.first() {
        Some(b'/') => return Ok(TargetForm::Origin),
        Some(b'*') if target.len() == 1 => return Ok(TargetForm::Asterisk),
        Some(_) => {}
        None => return Err(0),
    }
    let Some(uri) = AbsoluteUri::of(target) else {
        // Not `host:port` either: none of the four forms, which is the
        // whole target's fault, not one byte's.
        check_authority(target).map_err(|_| 0usize)?;
        // A tunnel to port 0 goes nowhere: an invalid port, which a server
        // "MUST reject" (RFC 9110 section 9.3.6).
        if let Some(colon) = target.iter().rposition(|&b| b == b':') {
            let port = target.get(colon + 1..).unwrap_or_default();
            if port.iter().all(|&b| b == b'0') {
                return Err(colon + 1);
            }
        }
        return Ok(TargetForm::Authority);
    };
    let mut host_at = uri.authority_at;
    if let Some(userinfo) = uri.userinfo() {
        check_userinfo(userinfo).map_err(|at| host_at + at)?;
        host_at += userinfo.len() + 1;
    }
    let host = target.get(host_at..uri.authority_end).unwrap_or_default();
    // An empty host: `file:///` has one, an `http` URI may not. (A port
    // after an empty host is refused by `check_host`.)
    if uri.is_web() && host.is_empty() {
        return Err(host_at);
    }
    check_host(host).map_err(|at| host_at + at)?;
    // After the authority's own checks, so that the offset is always that
    // of the first byte at fault.
    if let Some(at) = target.iter().position(|&b| b == b'#') {
        return Err(at);
    }
    Ok(TargetForm::Absolute)
}

/// Where the userinfo of an `http` or `https` absolute-form target is
/// (its offset in the target), if it has one: a sender "MUST NOT
/// generate" it (RFC 9110 section 4.2.4).
pub(crate) fn userinfo(target: &[u8]) -> Option<usize> {
    let uri = AbsoluteUri::of(target)?;
    (uri.is_web() && uri.userinfo().is_some()).then_some(uri.authority_at)
}

/// The authority of an absolute-form target without its userinfo and
/// `@`: the Host a client sends with it, byte for byte (RFC 9112 section
/// 3.2). `None` for the other forms.
pub(crate) fn authority_host(target: &[u8]) -> Option<&[u8]> {
    let uri = AbsoluteUri::of(target)?;
    let authority = target.get(uri.authority_at..uri.authority_end)?;
    match uri.userinfo() {
        Some(userinfo) => authority.get(userinfo.len() + 1..),
        None => Some(authority),
    }
}

/// The parts of a target that starts `scheme "://"`, scheme = ALPHA *(
/// ALPHA / DIGIT / "+" / "-" / "." ).
struct AbsoluteUri<'a> {
    target: &'a [u8],
    scheme_len: usize,
    /// `target[authority_at..authority_end]`: up to the first `/`, `?`
    /// or `#` after the `://`, or the end.
    authority_at: usize,
    authority_end: usize,
}

impl<'a> AbsoluteUri<'a> {
    fn of(target: &'a [u8]) -> Option<Self> {
        let scheme_len = target
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
            .unwrap_or(target.len());
        let starts = target.first().is_some_and(u8::is_ascii_alphabetic)
            && target.get(scheme_len..scheme_len + 3) == Some(b"://");
        if !starts {
            return None;
        }
        let authority_at = scheme_len + 3;
        let rest = target.get(authority_at..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| matches!(b, b'/' | b'?' | b'#'))
            .unwrap_or(rest.len());
        Some(AbsoluteUri {
            target,
            scheme_len,
            authority_at,
            authority_end: authority_at + len,
        })
    }

    /// `http` or `https`, in any case.
    fn is_web(&self) -> bool {
        self.target
            .get(..self.scheme_len)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"http") || s.eq_ignore_ascii_case(b"https"))
    }

    /// The authority's userinfo, without its `@`, when there is one.
    fn userinfo(&self) -> Option<&'a [u8]> {
        let authority = self.target.get(self.authority_at..self.authority_end)?;
        let at = authority.iter().position(|&b| b == b'@')?;
        authority.get(..at)
    }
}

/// Whether a request with `method` may take a target of `form`: CONNECT
/// takes authority-form and only CONNECT does. Asterisk-form is meant for
/// OPTIONS (RFC 9112 section 3.2.4), but taking it with another method
/// opens no door a smuggler could use (no parser reads `*` as a host or a
/// path elsewhere) and SSDP sends `M-SEARCH *`, so it fits every method
/// but CONNECT.
pub(crate) fn form_fits(method: &[u8], form: TargetForm) -> bool {
    (method == b"CONNECT") == (form == TargetForm::Authority)
}

#[cfg(test)]
mod tests {
    use super::*;
    use TargetForm::*;

    #[test]
    fn forms_by_their_first_bytes() {
        assert_eq!(target_form(b"/"), Some(Origin));
        assert_eq!(target_form(b"/a?b=c"), Some(Origin));
        assert_eq!(target_form(b"//a"), Some(Origin));
        assert_eq!(target_form(b"*"), Some(Asterisk));
        assert_eq!(target_form(b"http://a.com/x"), Some(Absolute));
        assert_eq!(target_form(b"coap+tcp://a"), Some(Absolute));
        assert_eq!(target_form(b"a.com:443"), Some(Authority));
        assert_eq!(target_form(b"a.com:0"), None);
        assert_eq!(check_target_form(b"a.com:000"), Err(6));
        assert_eq!(check_target_form(b"[::1]:0"), Err(6));
        assert_eq!(target_form(b"a.com:080"), Some(Authority));
        assert_eq!(target_form(b"[::1]:443"), Some(Authority));
        assert_eq!(target_form(b""), None);
        assert_eq!(target_form(b"**"), None);
        assert_eq!(target_form(b"a.com"), None);
        assert_eq!(target_form(b"a.com:"), None);
        assert_eq!(target_form(b"a.com:80/x"), None);
        assert_eq!(target_form(b"http:/x"), None);
        assert_eq!(target_form(b"1http://x"), None);
        assert_eq!(target_form(b"mailto:a@b"), None);
        // None of the four forms: the whole target is at fault.
        for bad in [&b"a.com"[..], b"a.com:99999", b"http:/x", b"**"] {
            assert_eq!(check_target_form(bad), Err(0));
        }
    }

    /// The authority of an absolute-form target wins over Host, so it is
    /// held to Host's rules; the offset is that of the first byte that
    /// breaks them.
    #[test]
    fn absolute_form_authority_is_checked_as_host_is() {
        for ok in [
            &b"http://a.com"[..],
            b"http://a.com:8080/x?y",
            b"HTTPS://a.com:/",
            b"http://[::1]:443/",
            b"http://a.com?q",
            b"http://127.0.0.1:65535",
            b"file:///etc",
            b"coap+tcp://a",
            b"http://user:pass@a.com/",       // userinfo, RFC 3986's
            b"http://a%12:b!&*$@a.com:1234/", // (the corpus has this one)
            b"http://@a.com/",
        ] {
            assert_eq!(
                check_target_form(ok),
                Ok(Absolute),
                "{:?}",
                core::str::from_utf8(ok)
            );
        }
        for (bad, at) in [
            (&b"http://a.com\\@b.com/"[..], 12), // a backslash in userinfo
            (b"http://a@b@c/", 10),              // a second `@`
            (b"http://%zz@a/", 7),
            (b"http://u@/", 9), // userinfo, then no host
            (b"http://u@:80/", 9),
            (b"http://", 7), // no host
            (b"https:///x", 8),
            (b"http://?q", 7),
            (b"http://:80/", 7), // a port without a host
            (b"ftp://:21/", 6),
            (b"http://a.com:99999/", 17), // a port above 65535
            (b"http://a.com:80:80/", 15),
            (b"http://a,b/", 8),   // a list
            (b"http://[::1/", 11), // no closing bracket
            (b"http://[zz]/", 8),
            // A fragment, wherever it starts; an authority fault first.
            (b"http://a.com#f", 12),
            (b"http://a.com#@b.com/", 12),
            (b"http://a.com/x?y#f", 16),
            (b"HTTP://a.com:80#", 15),
            (b"http://a,b/#f", 8),
        ] {
            assert_eq!(
                check_target_form(bad),
                Err(at),
                "{:?}",
                core::str::from_utf8(bad)
            );
        }
    }

    #[test]
    fn userinfo_is_found_in_web_targets() {
        assert_eq!(userinfo(b"http://u:p@a.com/"), Some(7));
        assert_eq!(userinfo(b"HTTPS://@a.com"), Some(8));
        assert_eq!(userinfo(b"http://a.com/x@y"), None); // in the path
        assert_eq!(userinfo(b"http://a.com?x@y"), None);
        assert_eq!(userinfo(b"ftp://u@a.com/"), None); // not an http URI
        assert_eq!(userinfo(b"/u@a"), None);
    }

    #[test]
    fn connect_and_only_connect_takes_authority_form() {
        assert!(form_fits(b"CONNECT", Authority));
        for form in [Origin, Absolute, Asterisk] {
            assert!(!form_fits(b"CONNECT", form));
            assert!(form_fits(b"GET", form));
        }
        assert!(!form_fits(b"GET", Authority));
        // Methods are case-sensitive: `connect` is some other method.
        assert!(form_fits(b"connect", Origin));
        assert!(!form_fits(b"connect", Authority));
    }

    /// The authority ends at a `#`: a fault before it is reported there,
    /// not one read past the fragment's start.
    #[test]
    fn an_authority_ends_at_a_fragment() {
        assert_eq!(check_target_form(b"http://a,b#@c/"), Err(8));
    }
}
