//! What the fields of a head ask of the connection (RFC 9110 sections 7.6.1,
//! 7.8 and 10.1.1; RFC 9112 section 9): read one field at a time, as the
//! decoder delivers them or the encoder is given them.

use crate::head::field::{classify, KnownField, KnownName};
use crate::syntax::chars::is_ows;
use crate::syntax::list::{self, quoted_string_end};
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
    /// An Upgrade field that names a protocol (one that names none, as
    /// `Upgrade:` with nothing, says no protocol a 101 switches to).
    UPGRADE_PROTOCOL = 9, upgrade_protocol;
    /// `Connection` lists Content-Length, Transfer-Encoding or Host, which
    /// no sender may name as connection options (RFC 9110 section 7.6.1).
    FRAMING_OPTION = 10, framing_option;
}

impl HeadOptions {
    /// Take one field of the head. (Names compare a word at a time: this
    /// runs for every field a connection reads or writes.)
    #[inline]
    pub(crate) fn observe(&mut self, field: &Field<'_>) {
        let name = field.name;
        match name.len() {
            10 if CONNECTION_NAME.matches(name) => self.bits |= connection_options(field.value),
            7 if UPGRADE_NAME.matches(name) => self.bits |= upgrade_bits(field.value),
            2 if is_te(name) => self.bits |= TE_FIELD,
            6 if asks_continue(field) => self.bits |= EXPECTS_CONTINUE,
            14 | 17 => match classify(name) {
                KnownField::ContentLength => self.bits |= CONTENT_LENGTH,
                KnownField::TransferEncoding => self.bits |= TRANSFER_ENCODING,
                KnownField::Host | KnownField::Other => {}
            },
            _ => {}
        }
    }

    /// Every field of a head. (The connections take what the encoder read
    /// while checking the head they write, and observe what they read
    /// field by field.)
    #[cfg(test)]
    pub(crate) fn of(fields: &[Field<'_>]) -> Self {
        let mut options = HeadOptions::default();
        for field in fields {
            options.observe(field);
        }
        options
    }

    /// An Upgrade, TE or `Expect: 100-continue` field, or a connection
    /// option naming a framing field: what a sender's rules tie to other
    /// fields or to the body, or refuse.
    #[inline]
    pub(crate) const fn any_hop_field(&self) -> bool {
        self.bits & (UPGRADE_FIELD | TE_FIELD | EXPECTS_CONTINUE | FRAMING_OPTION) != 0
    }

    /// An upgrade offered by a request: an Upgrade field with the
    /// `upgrade` connection option (RFC 9110 section 7.8: a server ignores
    /// an Upgrade without it, and any Upgrade in an HTTP/1.0 request).
    pub(crate) fn offers_upgrade(&self) -> bool {
        self.upgrade_field() && self.upgrade_option()
    }
}

const CONNECTION_NAME: KnownName = KnownName::new(b"connection");
const UPGRADE_NAME: KnownName = KnownName::new(b"upgrade");
const EXPECT_NAME: KnownName = KnownName::new(b"expect");
const CLOSE_OPTION: KnownName = KnownName::new(b"close");
const KEEP_ALIVE_OPTION: KnownName = KnownName::new(b"keep-alive");

/// Whether `name` is Connection, Upgrade, TE or Expect, in any case: the
/// fields [`HeadOptions::observe`] reads besides the framing ones. (The
/// encoder asks first, inline, before a call: most fields are none of
/// them, and a Server or Keep-Alive field has their names' lengths.)
#[inline(always)]
pub(crate) fn is_option_field(name: &[u8]) -> bool {
    match name.len() {
        10 => CONNECTION_NAME.matches(name),
        7 => UPGRADE_NAME.matches(name),
        6 => EXPECT_NAME.matches(name),
        2 => is_te(name),
        _ => false,
    }
}

/// Whether `field` is an Expect that lists `100-continue` (Expect =
/// #expectation; only 100-continue is defined).
#[inline]
pub(crate) fn asks_continue(field: &Field<'_>) -> bool {
    EXPECT_NAME.matches(field.name)
        && list_elements(field.value).any(|e| e.eq_ignore_ascii_case(b"100-continue"))
}

/// Whether a field is named Upgrade, in any case.
#[inline]
pub(crate) fn is_upgrade(name: &[u8]) -> bool {
    name.len() == 7 && UPGRADE_NAME.matches(name)
}

/// `te`, in any case (too short for a [`KnownName`]): with a letter's bit
/// 0x20 set, only `T` and `t` become `t`, only `E` and `e` become `e`.
#[inline(always)]
pub(crate) fn is_te(name: &[u8]) -> bool {
    matches!(name, [t, e] if t | 0x20 == b't' && e | 0x20 == b'e')
}

/// Where a TE value lists the `chunked` coding, which a client must not
/// send (RFC 9112 section 7.4): the index of the coding's first byte.
/// TE = #t-codings, each `trailers` or a transfer coding with optional
/// parameters and weight (`chunked;q=0.5`). The elements split at commas
/// outside quoted strings, and a quoted string is only ever a parameter's
/// value (RFC 9110 section 5.6.6): it opens at a `"` right after `=`
/// (give or take whitespace) and must close; any other `"` is a plain
/// byte, so that `x", chunked` or an unclosed `p="x, chunked` still lists
/// chunked as any comma-splitting recipient reads it.
pub(crate) fn te_lists_chunked(value: &[u8]) -> Option<usize> {
    let is_chunked_at = |start: usize, end: usize| {
        let element = value.get(start..end).unwrap_or_default();
        let lead = element.iter().take_while(|&&b| is_ows(b)).count();
        let rest = element.get(lead..).unwrap_or_default();
        let coding_len = rest
            .iter()
            .position(|&b| b == b';' || is_ows(b))
            .unwrap_or(rest.len());
        let coding = rest.get(..coding_len).unwrap_or_default();
        coding
            .eq_ignore_ascii_case(b"chunked")
            .then_some(start + lead)
    };
    let mut start = 0;
    // The last byte other than whitespace: a quoted string opens after `=`.
    let mut last = 0u8;
    // Once a quoted string ran to the end unclosed, no later one can close.
    let mut unclosed = false;
    let mut at = 0;
    while let Some(&b) = value.get(at) {
        if b == b'"' && last == b'=' && !unclosed {
            match quoted_string_end(value, at) {
                Ok(end) => {
                    at = end;
                    last = b'"';
                    continue;
                }
                Err(_) => unclosed = true,
            }
        }
        if b == b',' {
            if let Some(found) = is_chunked_at(start, at) {
                return Some(found);
            }
            start = at + 1;
        }
        if !is_ows(b) {
            last = b;
        }
        at += 1;
    }
    is_chunked_at(start, value.len())
}

/// The bits of an Upgrade field (`Upgrade = #protocol`): always the
/// field's, and whether it names a protocol.
fn upgrade_bits(value: &[u8]) -> u16 {
    match list_elements(value).next() {
        Some(_) => UPGRADE_FIELD | UPGRADE_PROTOCOL,
        None => UPGRADE_FIELD,
    }
}

/// The options a Connection value lists that the cycle acts on, as bits.
/// An element is a token, so one with whitespace inside (`keep alive`)
/// matches none of them.
fn connection_options(value: &[u8]) -> u16 {
    // Most values are one option, as it is (`close`, `keep-alive`,
    // `Upgrade`): one compare, no list walk.
    let one = connection_option(value);
    if one != 0 {
        return one;
    }
    list::elements(value).fold(0, |bits, (_, element)| bits | connection_option(element))
}

/// The bit of one connection option, 0 for one the cycle does not act on.
#[inline(always)]
fn connection_option(option: &[u8]) -> u16 {
    match option.len() {
        5 if CLOSE_OPTION.matches(option) => CLOSE,
        10 if KEEP_ALIVE_OPTION.matches(option) => KEEP_ALIVE,
        7 if UPGRADE_NAME.matches(option) => UPGRADE_OPTION,
        2 if is_te(option) => TE_OPTION,
        4 | 14 | 17 if classify(option) != KnownField::Other => FRAMING_OPTION,
        _ => 0,
    }
}

/// Whether a field is named Connection, in any case.
#[inline]
pub(crate) fn is_connection(name: &[u8]) -> bool {
    name.len() == 10 && CONNECTION_NAME.matches(name)
}

/// Where a Connection value lists Content-Length, Transfer-Encoding or
/// Host: the index of the first such option's first byte.
pub(crate) fn framing_option_at(value: &[u8]) -> Option<usize> {
    list::elements(value)
        .find(|&(_, option)| connection_option(option) == FRAMING_OPTION)
        .map(|(at, _)| at)
}

/// The non-empty elements of a `#list` value, trimmed (RFC 9110 section
/// 5.6.1), a fold kept by `Lenient::obs_fold` reading as whitespace.
/// Values here are tokens (connection options, expectations, protocols),
/// so quoted strings need no care: an element that is not a token matches
/// nothing the callers look for.
fn list_elements(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    list_elements_at(value).map(|(_, element)| element)
}

/// [`list_elements`] with where each starts in `value`.
pub(crate) fn list_elements_at(value: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    list::elements(value).filter(|(_, e)| !e.is_empty() && !e.iter().any(|&b| is_ows(b)))
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
    fn te_lists_chunked_as_a_coding_only() {
        for (value, at) in [
            ("chunked", Some(0)),
            ("trailers, Chunked", Some(10)),
            ("gzip;q=0.5,CHUNKED;q=0.1", Some(11)),
            ("deflate , chunked ; q=1", Some(10)),
            ("trailers", None),
            ("chunked-x, xchunked", None),
            ("gzip;p=\"a,chunked\"", None),
            ("gzip;p=\"a\\\",chunked\", trailers", None),
            ("gzip;p=\"x\", chunked", Some(12)),
            ("gzip;p=\"unclosed, chunked", Some(18)),
            // A quote that opens no parameter value is a plain byte.
            ("x\", chunked", Some(4)),
            ("\"x, chunked", Some(4)),
            ("a\"b, chunked, c\"d", Some(5)),
            ("gzip;p= \"a, chunked\"", None),
            ("", None),
        ] {
            assert_eq!(te_lists_chunked(value.as_bytes()), at, "{value}");
        }
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

    /// A quoted string opens after `=` give or take whitespace: its
    /// commas split nothing, whatever follows them.
    #[test]
    fn a_quoted_value_after_bws_hides_its_commas() {
        assert_eq!(te_lists_chunked(b"gzip;p= \"a, chunked;q\""), None);
    }
}
