//! What the fields of a head ask of the connection (RFC 9110 sections 7.6.1,
//! 7.8 and 10.1.1; RFC 9112 section 9): read one field at a time, as the
//! decoder delivers them or the encoder is given them.

use crate::syntax::chars::{is_whitespace, trim_whitespace};
use crate::Field;

/// The connection options and expectations one head carries, a bit each
/// (a connection keeps one per head it reads: two bytes, not nine).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct HeadOptions {
    bits: u16,
}

/// A getter for each fact [`HeadOptions`] keeps, by bit.
macro_rules! head_options {
    ($($(#[$doc:meta])* $bit:ident = $value:literal, $get:ident;)*) => {
        $(const $bit: u16 = 1 << $value;)*
        impl HeadOptions {
            $(
                $(#[$doc])*
                #[inline]
                pub(crate) const fn $get(&self) -> bool {
                    self.bits & $bit != 0
                }
            )*
        }
    };
}

head_options! {
    /// `Connection: close`.
    CLOSE = 0, close;
    /// `Connection: keep-alive` (the HTTP/1.0 persistence mechanism).
    KEEP_ALIVE = 1, keep_alive;
    /// `Connection: upgrade` (a sender of Upgrade must send it too).
    UPGRADE_OPTION = 2, upgrade_option;
    /// An Upgrade field.
    UPGRADE_FIELD = 3, upgrade_field;
    /// `Connection: te` (a sender of TE must send it too).
    TE_OPTION = 4, te_option;
    /// A TE field.
    TE_FIELD = 5, te_field;
    /// `Expect: 100-continue`.
    EXPECTS_CONTINUE = 6, expects_continue;
    /// A Content-Length field.
    CONTENT_LENGTH = 7, content_length;
    /// A Transfer-Encoding field.
    TRANSFER_ENCODING = 8, transfer_encoding;
}

impl HeadOptions {
    /// Take one field of the head.
    pub(crate) fn observe(&mut self, field: &Field<'_>) {
        let name = field.name;
        match name.len() {
            10 if name.eq_ignore_ascii_case(b"connection") => {
                for option in list_elements(field.value) {
                    if option.eq_ignore_ascii_case(b"close") {
                        self.bits |= CLOSE;
                    } else if option.eq_ignore_ascii_case(b"keep-alive") {
                        self.bits |= KEEP_ALIVE;
                    } else if option.eq_ignore_ascii_case(b"upgrade") {
                        self.bits |= UPGRADE_OPTION;
                    } else if option.eq_ignore_ascii_case(b"te") {
                        self.bits |= TE_OPTION;
                    }
                }
            }
            7 if name.eq_ignore_ascii_case(b"upgrade") => self.bits |= UPGRADE_FIELD,
            2 if name.eq_ignore_ascii_case(b"te") => self.bits |= TE_FIELD,
            // Expect = #expectation; only 100-continue is defined.
            6 if name.eq_ignore_ascii_case(b"expect")
                && list_elements(field.value).any(|e| e.eq_ignore_ascii_case(b"100-continue")) =>
            {
                self.bits |= EXPECTS_CONTINUE;
            }
            14 if name.eq_ignore_ascii_case(b"content-length") => self.bits |= CONTENT_LENGTH,
            17 if name.eq_ignore_ascii_case(b"transfer-encoding") => self.bits |= TRANSFER_ENCODING,
            _ => {}
        }
    }

    /// Every field of a head.
    pub(crate) fn of(fields: &[Field<'_>]) -> Self {
        let mut options = HeadOptions::default();
        for field in fields {
            options.observe(field);
        }
        options
    }

    /// An upgrade offered by a request: an Upgrade field with the
    /// `upgrade` connection option (RFC 9110 section 7.8: a server ignores
    /// an Upgrade without it, and any Upgrade in an HTTP/1.0 request).
    pub(crate) fn offers_upgrade(&self) -> bool {
        self.upgrade_field() && self.upgrade_option()
    }
}

/// The non-empty elements of a `#list` value, trimmed (RFC 9110 section
/// 5.6.1). Values here are tokens (connection options, expectations), so
/// quoted strings need no care: an element that is not a token matches
/// nothing the callers look for.
fn list_elements(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    value
        .split(|&b| b == b',')
        .map(trim_whitespace)
        .filter(|e| !e.is_empty() && !e.iter().any(|&b| is_whitespace(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_options_are_a_case_insensitive_token_list() {
        let o = HeadOptions::of(&[Field::new("connection", " Keep-Alive ,, Upgrade")]);
        assert!(o.keep_alive() && o.upgrade_option() && !o.close());
        let o = HeadOptions::of(&[
            Field::new("Connection", "x"),
            Field::new("CONNECTION", "CLOSE"),
        ]);
        assert!(o.close());
        let o = HeadOptions::of(&[Field::new("Connection", "closed, keep alive")]);
        assert_eq!(o, HeadOptions::default());
        let o = HeadOptions::of(&[Field::new("X-Connection", "close")]);
        assert_eq!(o, HeadOptions::default());
    }

    #[test]
    fn expectations_and_upgrades() {
        let o = HeadOptions::of(&[Field::new("Expect", "100-Continue")]);
        assert!(o.expects_continue());
        let o = HeadOptions::of(&[Field::new("Expect", "200-ok")]);
        assert!(!o.expects_continue());
        let o = HeadOptions::of(&[Field::new("Upgrade", "websocket")]);
        assert!(o.upgrade_field() && !o.offers_upgrade());
        let o = HeadOptions::of(&[
            Field::new("Upgrade", "websocket"),
            Field::new("Connection", "Upgrade"),
        ]);
        assert!(o.offers_upgrade());
        let o = HeadOptions::of(&[Field::new("TE", "trailers")]);
        assert!(o.te_field() && !o.te_option());
        let o = HeadOptions::of(&[Field::new("Connection", "TE, close")]);
        assert!(o.te_option() && o.close() && !o.te_field());
        let o = HeadOptions::of(&[
            Field::new("content-length", "3"),
            Field::new("Transfer-Encoding", "chunked"),
        ]);
        assert!(o.content_length() && o.transfer_encoding());
    }
}
