//! The protocols a request's Upgrade offers, kept so that a 101 names only
//! those: "A server MUST NOT switch to a protocol that was not indicated by
//! the client in the corresponding request's Upgrade header field" (RFC
//! 9110 section 7.8). The server's connection refuses to write another;
//! the client's fails on reading one.
//!
//! A connection keeps no field values (they borrow the caller's input), so
//! each offered protocol is kept as two 32-bit hashes: of its name, and of
//! its name with its version. Names compare without case (section 7.8:
//! recipients "SHOULD use case-insensitive comparison when matching each
//! protocol-name"), versions exactly. A hash collision can only let a
//! protocol through that was not offered, never refuse one that was; so
//! can an offer of more protocols than are kept, which accepts any answer.

use super::options::{is_upgrade, list_elements_at};
use crate::syntax::chars::is_ows;
use crate::syntax::list;
use crate::Field;

/// Offered protocols kept; more than this many offers any protocol. Real
/// offers name one (`websocket`, `h2c`) or two (`TLS/1.0, HTTP/1.1`), and
/// every idle connection carries the room.
const KEPT: usize = 2;

/// What one request's Upgrade fields offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Offer {
    /// (name hash, name-and-version hash) of each protocol kept.
    protocols: [(u32, u32); KEPT],
    /// How many of `protocols` hold one.
    count: u8,
    /// More were offered than are kept.
    overflow: bool,
}

/// A protocol's two keys: its name without case, and its name with its
/// version (`protocol = protocol-name ["/" protocol-version]`); `None` for
/// the version when there is none.
fn keys(protocol: &[u8]) -> (u32, Option<u32>) {
    let (name, version) = match protocol.iter().position(|&b| b == b'/') {
        Some(slash) => (
            protocol.get(..slash).unwrap_or_default(),
            protocol.get(slash + 1..),
        ),
        None => (protocol, None),
    };
    let name_key = fnv1a(FNV_BASIS, name.iter().map(u8::to_ascii_lowercase));
    let full_key = version.map(|v| fnv1a(name_key, b"/".iter().chain(v).copied()));
    (name_key, full_key)
}

const FNV_BASIS: u32 = 0x811c_9dc5;

/// 32-bit FNV-1a of `bytes`, continuing from `hash`.
fn fnv1a(hash: u32, bytes: impl Iterator<Item = u8>) -> u32 {
    bytes.fold(hash, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Offer {
    /// Take a field of the offering request: an Upgrade's protocols
    /// (`Upgrade = #protocol`); any other field says nothing.
    pub(crate) fn record(&mut self, field: &Field<'_>) {
        if !is_upgrade(field.name) {
            return;
        }
        for (_, protocol) in list_elements_at(field.value) {
            let (name, full) = keys(protocol);
            // An offer without a version stands for any version of it.
            let entry = (name, full.unwrap_or(name));
            match self.protocols.get_mut(usize::from(self.count)) {
                Some(slot) => {
                    *slot = entry;
                    self.count += 1;
                }
                None => self.overflow = true,
            }
        }
    }

    /// For a field of the 101: if it is an Upgrade, the byte of its value
    /// where the first protocol that was not offered starts, if any (a
    /// protocol with a version must have been offered with that version
    /// or without one, one without a version under its name). An element
    /// with whitespace inside is no protocol at all, and never offered.
    pub(crate) fn unoffered(&self, field: &Field<'_>) -> Option<usize> {
        if !is_upgrade(field.name) {
            return None;
        }
        let offered = self
            .protocols
            .get(..usize::from(self.count))
            .unwrap_or_default();
        let was_offered = |protocol: &[u8]| {
            let (name, full) = keys(protocol);
            offered.iter().any(|&(offered_name, offered_full)| {
                offered_name == name
                    && match full {
                        None => true,
                        Some(full) => offered_full == full || offered_full == offered_name,
                    }
            })
        };
        list::elements(field.value)
            .filter(|(_, element)| !element.is_empty())
            .find(|&(_, protocol)| {
                protocol.iter().any(|&b| is_ows(b)) || !(self.overflow || was_offered(protocol))
            })
            .map(|(at, _)| at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(values: &[&str]) -> Offer {
        let mut offer = Offer::default();
        for value in values {
            offer.record(&upgrade(value.as_bytes()));
        }
        offer
    }

    /// An Upgrade field (of the offer, or of the 101).
    fn upgrade(value: &[u8]) -> Field<'_> {
        Field {
            name: b"Upgrade",
            value,
        }
    }

    #[test]
    fn only_upgrade_fields_offer_and_answer() {
        let mut o = Offer::default();
        o.record(&Field::new("X-Upgrade", "h2c"));
        o.record(&Field::new("UPGRADE", "websocket"));
        assert_eq!(o.unoffered(&upgrade(b"h2c")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"websocket")), None);
        assert_eq!(o.unoffered(&Field::new("X-Upgrade", "h2c")), None);
    }

    #[test]
    fn a_101_names_only_what_was_offered() {
        let o = offer(&["websocket"]);
        assert_eq!(o.unoffered(&upgrade(b"websocket")), None);
        assert_eq!(
            o.unoffered(&upgrade(b"WebSocket")),
            None,
            "names without case"
        );
        assert_eq!(o.unoffered(&upgrade(b"h2c")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"websocket, h2c")), Some(11));
        // An offer without a version takes any version of it.
        assert_eq!(o.unoffered(&upgrade(b"websocket/13")), None);

        let o = offer(&["HTTP/2.0", "RTA/x11"]);
        for answer in ["HTTP/2.0", "http/2.0", "RTA", "RTA/x11, HTTP/2.0"] {
            assert_eq!(o.unoffered(&upgrade(answer.as_bytes())), None, "{answer}");
        }
        // Versions compare exactly.
        assert_eq!(o.unoffered(&upgrade(b"HTTP/3.0")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"RTA/X11")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"RTA/x11 , HTTP/1.1")), Some(10));

        // Nothing offered: any protocol is refused.
        assert_eq!(Offer::default().unoffered(&upgrade(b"websocket")), Some(0));
        assert_eq!(offer(&[""]).unoffered(&upgrade(b" h2c")), Some(1));
    }

    #[test]
    fn an_offer_too_long_to_keep_takes_any_answer() {
        let o = offer(&["a, b"]);
        assert_eq!(o.unoffered(&upgrade(b"c")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"b, a")), None);
        // RFC 9110's own example offers four.
        let o = offer(&["HTTP/2.0, SHTTP/1.3, IRC/6.9, RTA/x11"]);
        assert_eq!(o.unoffered(&upgrade(b"anything")), None);
        // But never something that is no protocol.
        assert_eq!(o.unoffered(&upgrade(b"anything, h2c x")), Some(10));
    }

    #[test]
    fn an_element_with_whitespace_inside_is_no_protocol() {
        let o = offer(&["websocket, h2c"]);
        assert_eq!(o.unoffered(&upgrade(b"websocket, h2c x")), Some(11));
        assert_eq!(o.unoffered(&upgrade(b"web socket")), Some(0));
        // Around an element, and empty elements, are the list's own.
        assert_eq!(o.unoffered(&upgrade(b" ,websocket , ,h2c\t")), None);
    }

    /// An element that is no protocol takes no room in the offer: it
    /// cannot push the offer into overflow, which accepts any answer.
    #[test]
    fn an_element_with_whitespace_inside_takes_no_room() {
        let o = offer(&["x y, websocket, h2c"]);
        assert_eq!(o.unoffered(&upgrade(b"foo")), Some(0));
        assert_eq!(o.unoffered(&upgrade(b"h2c")), None);
    }
}
