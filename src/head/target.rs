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

use super::host::check_authority;
use crate::TargetForm;

/// The form of `target` (already free of whitespace and control bytes),
/// or `None` when it is none of the four.
///
/// absolute-URI is read as `scheme "://"`: every scheme HTTP routes by has
/// an authority, and without the slashes `host:port` (authority-form) would
/// also read as a scheme followed by a path.
pub(crate) fn target_form(target: &[u8]) -> Option<TargetForm> {
    match target.first()? {
        b'/' => return Some(TargetForm::Origin),
        b'*' if target.len() == 1 => return Some(TargetForm::Asterisk),
        _ => {}
    }
    if has_scheme_and_authority(target) {
        return Some(TargetForm::Absolute);
    }
    check_authority(target).ok()?;
    Some(TargetForm::Authority)
}

/// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then "://".
fn has_scheme_and_authority(target: &[u8]) -> bool {
    let scheme_len = target
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
        .unwrap_or(target.len());
    target.first().is_some_and(u8::is_ascii_alphabetic)
        && target.get(scheme_len..scheme_len + 3) == Some(b"://")
}

/// Whether a request with `method` may take a target of `form`: CONNECT
/// takes authority-form and only CONNECT does. Asterisk-form is meant for
/// OPTIONS, but RFC 9112 lets a recipient accept it elsewhere (SSDP sends
/// `M-SEARCH *`), so it fits every method but CONNECT.
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
        assert_eq!(target_form(b"[::1]:443"), Some(Authority));
        assert_eq!(target_form(b""), None);
        assert_eq!(target_form(b"**"), None);
        assert_eq!(target_form(b"a.com"), None);
        assert_eq!(target_form(b"a.com:"), None);
        assert_eq!(target_form(b"a.com:80/x"), None);
        assert_eq!(target_form(b"http:/x"), None);
        assert_eq!(target_form(b"1http://x"), None);
        assert_eq!(target_form(b"mailto:a@b"), None);
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
}
