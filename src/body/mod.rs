//! Message bodies: how a head frames its body (RFC 9112 section 6.3), and
//! the syntax of what carries it.

pub(crate) mod chunked;
pub(crate) mod facts;

use crate::{ErrorKind, Framing, Version};
use facts::FramingFacts;

/// What kind of message a head starts, as far as framing cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MessageKind {
    /// A request; `connect` when its method is CONNECT.
    Request { version: Version, connect: bool },
}

impl MessageKind {
    fn version(self) -> Version {
        match self {
            MessageKind::Request { version, .. } => version,
        }
    }
}

/// A framing error and the stream offset of the field line that caused it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FramingError {
    pub kind: ErrorKind,
    pub offset: u64,
}

/// RFC 9112 section 6.3, in its order, with every choice the RFC leaves
/// closed the strict way. The one place that decides how a body is framed:
/// the decoder calls it at the end of each head.
pub(crate) fn decide(kind: MessageKind, facts: &FramingFacts) -> Result<Framing, FramingError> {
    let fail = |kind, offset| Err(FramingError { kind, offset });

    // 1. A CONNECT request leaves HTTP/1 after its head. (Responses to HEAD,
    //    1xx, 204 and 304 have no body; 2xx to CONNECT and 101 upgrade.)
    if let MessageKind::Request { connect: true, .. } = kind {
        return Ok(Framing::Upgrade);
    }

    // 2. Transfer-Encoding.
    if let Some(te) = facts.transfer_encoding {
        // HTTP/1.0 has no transfer codings (RFC 9112 section 6.1): a 1.0
        // message carrying one was mangled on the way.
        if kind.version() == Version::Http10 {
            return fail(ErrorKind::TransferEncodingInHttp10, te.first_at);
        }
        // 3. "... ought to be handled as an error": in a request, both
        //    framings at once is the classic smuggling vector.
        let request = matches!(kind, MessageKind::Request { .. });
        if request && facts.content_length.is_some() {
            let later = te.first_at.max(facts.content_length_at);
            return fail(ErrorKind::ContentLengthWithTransferEncoding, later);
        }
        // Chunked last frames the body, whatever codings come before it:
        // the decoder removes chunked and hands the rest to the caller,
        // who sees the Transfer-Encoding field (and may answer 501 to a
        // coding it cannot undo, RFC 9112 section 6.1).
        if te.chunked_final {
            return Ok(Framing::Chunked);
        }
        // 4. A request whose final coding is not chunked cannot be framed:
        //    501 when a coding is unknown, else 400.
        return match te.unknown_at {
            Some(at) if request => fail(ErrorKind::UnknownTransferCoding, at),
            _ => fail(ErrorKind::ChunkedNotFinal, te.last_at),
        };
    }

    // 5. Content-Length.
    if let Some(n) = facts.content_length {
        return Ok(Framing::Length(n));
    }

    // 6. A request without either has no body.
    Ok(Framing::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GET11: MessageKind = MessageKind::Request {
        version: Version::Http11,
        connect: false,
    };

    fn facts(cl: Option<&[u8]>, te: &[&[u8]]) -> FramingFacts {
        let mut f = FramingFacts::default();
        if let Some(cl) = cl {
            f.content_length(cl, 100, false).unwrap();
        }
        for (i, v) in te.iter().enumerate() {
            f.transfer_encoding(v, 200 + i as u64 * 10, 0).unwrap();
        }
        f
    }

    fn err(kind: ErrorKind, offset: u64) -> Result<Framing, FramingError> {
        Err(FramingError { kind, offset })
    }

    #[test]
    fn requests() {
        assert_eq!(decide(GET11, &facts(None, &[])), Ok(Framing::None));
        assert_eq!(
            decide(GET11, &facts(Some(b"12"), &[])),
            Ok(Framing::Length(12))
        );
        assert_eq!(
            decide(GET11, &facts(None, &[b"chunked"])),
            Ok(Framing::Chunked)
        );
        assert_eq!(
            decide(GET11, &facts(None, &[b"gzip", b"chunked"])),
            Ok(Framing::Chunked)
        );
    }

    #[test]
    fn connect_upgrades_whatever_else_the_head_says() {
        let connect = MessageKind::Request {
            version: Version::Http11,
            connect: true,
        };
        assert_eq!(
            decide(connect, &facts(Some(b"10"), &[])),
            Ok(Framing::Upgrade)
        );
    }

    #[test]
    fn smuggling_shapes_are_refused() {
        use ErrorKind::*;
        assert_eq!(
            decide(GET11, &facts(Some(b"5"), &[b"chunked"])),
            err(ContentLengthWithTransferEncoding, 200)
        );
        assert_eq!(
            decide(GET11, &facts(None, &[b"chunked", b"gzip"])),
            err(ChunkedNotFinal, 210)
        );
        assert_eq!(
            decide(GET11, &facts(None, &[b""])),
            err(ChunkedNotFinal, 200)
        );
        assert_eq!(
            decide(GET11, &facts(None, &[b"identity"])),
            err(UnknownTransferCoding, 0)
        );
        let http10 = MessageKind::Request {
            version: Version::Http10,
            connect: false,
        };
        assert_eq!(
            decide(http10, &facts(None, &[b"chunked"])),
            err(TransferEncodingInHttp10, 200)
        );
    }
}
