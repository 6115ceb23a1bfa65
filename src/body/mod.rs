//! Message bodies: how a head frames its body (RFC 9112 section 6.3), and
//! the syntax of what carries it.

pub(crate) mod chunked;
pub(crate) mod facts;

use crate::{ErrorKind, Framing, MethodKind, Version};
use facts::{Codings, FramingFacts, LineAt};

/// What kind of message a head starts, as far as framing cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MessageKind {
    /// A request; `connect` when its method is CONNECT.
    Request { version: Version, connect: bool },
    /// A response with this status to a request of kind `method`.
    Response {
        version: Version,
        status: u16,
        method: MethodKind,
    },
}

impl MessageKind {
    pub(crate) fn version(self) -> Version {
        match self {
            MessageKind::Request { version, .. } | MessageKind::Response { version, .. } => version,
        }
    }

    /// A final response, which answers the oldest request and takes its
    /// method (a 1xx other than 101 comes before it): the method it
    /// answers.
    #[inline(always)]
    pub(crate) fn final_response_to(self) -> Option<MethodKind> {
        match self {
            MessageKind::Response { status, method, .. }
                if !(100..200).contains(&status) || status == 101 =>
            {
                Some(method)
            }
            _ => None,
        }
    }

    /// A response whose start line switches protocols (a 101, a 2xx
    /// answering CONNECT): its framing fields frame nothing, and RFC 9110
    /// section 9.3.6 has a client ignore them.
    pub(crate) fn ignores_framing_fields(self) -> bool {
        matches!(self, MessageKind::Response { .. })
            && fixed_by_start_line(self) == Some(Framing::Upgrade)
    }

    /// Which transfer codings the message may carry.
    pub(crate) fn codings(self) -> Codings {
        match self {
            MessageKind::Request { .. } => Codings::Registered,
            MessageKind::Response { .. } => Codings::Grammar,
        }
    }
}

/// A framing error and where the field line that caused it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FramingError {
    pub kind: ErrorKind,
    pub at: LineAt,
}

/// Rule 1 of RFC 9112 section 6.3: the framing a start line fixes whatever
/// the fields say, if it does. A 101 switches protocols after its head (RFC
/// 9110 section 15.2.2), and so does a 2xx answering CONNECT, and so does a
/// CONNECT request; responses to HEAD and 1xx, 204 and 304 responses end
/// with their head.
pub(crate) fn fixed_by_start_line(kind: MessageKind) -> Option<Framing> {
    match kind {
        MessageKind::Request { connect, .. } => connect.then_some(Framing::Upgrade),
        MessageKind::Response { status, method, .. } => {
            let tunnel = method == MethodKind::Connect && (200..300).contains(&status);
            if status == 101 || tunnel {
                Some(Framing::Upgrade)
            } else if method == MethodKind::Head
                || (100..200).contains(&status)
                || status == 204
                || status == 304
            {
                Some(Framing::None)
            } else {
                None
            }
        }
    }
}

/// RFC 9112 section 6.3, in its order, with every choice the RFC leaves
/// closed the strict way. The one place that decides how a body is framed:
/// the decoder calls it at the end of each head it reads, the encoder on
/// each head it writes, so what is written reads back the same.
#[inline]
pub(crate) fn decide(kind: MessageKind, facts: &FramingFacts) -> Result<Framing, FramingError> {
    let fail = |kind, at| Err(FramingError { kind, at });
    let request = matches!(kind, MessageKind::Request { .. });

    // HTTP/1.0 has no transfer codings (RFC 9112 section 6.1): a 1.0
    // message carrying one was mangled on the way, and its framing is to
    // be treated as faulty whatever the start line says, as the other
    // framing faults of a message without a body are.
    if let (Version::Http10, Some(te)) = (kind.version(), facts.transfer_encoding) {
        return fail(ErrorKind::TransferEncodingInHttp10, te.first_at);
    }

    // 1. Messages whose framing the start line fixes. A CONNECT request
    //    leaves HTTP/1 after its head: a valid Content-Length on it is
    //    ignored, but a Transfer-Encoding would frame a body that a peer
    //    reading it as a tunnel never expects.
    if let Some(fixed) = fixed_by_start_line(kind) {
        if let (MessageKind::Request { .. }, Some(te)) = (kind, facts.transfer_encoding) {
            return fail(ErrorKind::TransferEncodingNotAllowed, te.first_at);
        }
        return Ok(fixed);
    }

    // 2. Transfer-Encoding.
    if let Some(te) = facts.transfer_encoding {
        // 3. "... ought to be handled as an error": in a request, both
        //    framings at once is the classic smuggling vector. In a
        //    response, Transfer-Encoding overrides Content-Length.
        if let (true, Some(cl_at)) = (request, facts.content_length_line()) {
            let later = te.first_at.max(cl_at);
            return fail(ErrorKind::ContentLengthWithTransferEncoding, later);
        }
        // Chunked last frames the body, whatever codings come before it:
        // the decoder removes chunked and hands the rest to the caller,
        // who sees the Transfer-Encoding field.
        if te.chunked_final {
            return Ok(Framing::Chunked);
        }
        // 4. A response whose final coding is not chunked runs to the end
        //    of the stream; a request cannot be framed so.
        return if request {
            fail(ErrorKind::ChunkedNotFinal, te.last_at)
        } else {
            Ok(Framing::Close)
        };
    }

    // 5. Content-Length.
    if let Some(n) = facts.length() {
        return Ok(Framing::Length(n));
    }

    // 6. A request without either has no body; a response runs to the end
    //    of the stream.
    Ok(if request {
        Framing::None
    } else {
        Framing::Close
    })
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
            f.transfer_encoding(v, 200 + i as u32 * 10, Codings::Grammar)
                .unwrap();
        }
        f
    }

    fn err(kind: ErrorKind, offset: LineAt) -> Result<Framing, FramingError> {
        Err(FramingError { kind, at: offset })
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
    fn connect_upgrades_and_ignores_a_valid_length() {
        let connect = MessageKind::Request {
            version: Version::Http11,
            connect: true,
        };
        assert_eq!(
            decide(connect, &facts(Some(b"10"), &[])),
            Ok(Framing::Upgrade)
        );
        assert_eq!(
            decide(connect, &facts(None, &[b"chunked"])),
            err(ErrorKind::TransferEncodingNotAllowed, 200)
        );
    }

    fn response(status: u16, method: MethodKind) -> MessageKind {
        MessageKind::Response {
            version: Version::Http11,
            status,
            method,
        }
    }

    #[test]
    fn responses() {
        use MethodKind::*;
        let both = facts(Some(b"5"), &[b"chunked"]);
        assert_eq!(decide(response(200, Other), &both), Ok(Framing::Chunked));
        assert_eq!(
            decide(response(200, Other), &facts(Some(b"5"), &[])),
            Ok(Framing::Length(5))
        );
        assert_eq!(
            decide(response(200, Other), &facts(None, &[])),
            Ok(Framing::Close)
        );
        assert_eq!(
            decide(response(200, Other), &facts(None, &[b"gzip"])),
            Ok(Framing::Close)
        );
        assert_eq!(decide(response(200, Head), &both), Ok(Framing::None));
        for status in [100, 103, 199, 204, 304] {
            assert_eq!(
                decide(response(status, Other), &both),
                Ok(Framing::None),
                "{status}"
            );
        }
        assert_eq!(decide(response(101, Other), &both), Ok(Framing::Upgrade));
        assert_eq!(decide(response(200, Connect), &both), Ok(Framing::Upgrade));
        assert_eq!(decide(response(299, Connect), &both), Ok(Framing::Upgrade));
        assert_eq!(decide(response(407, Connect), &both), Ok(Framing::Chunked));
        assert_eq!(
            decide(response(600, Other), &facts(Some(b"1"), &[])),
            Ok(Framing::Length(1))
        );
        let http10 = MessageKind::Response {
            version: Version::Http10,
            status: 200,
            method: Other,
        };
        assert_eq!(
            decide(http10, &facts(None, &[b"chunked"])),
            err(ErrorKind::TransferEncodingInHttp10, 200)
        );
        // Also where the start line frames the message (RFC 9112 section
        // 6.1: its framing is faulty all the same), as the other framing
        // faults of a message without a body are. (Not a 101 or a 2xx
        // answering CONNECT: their framing fields never come here, as
        // nothing after their head is HTTP/1 to frame. The decoder does not
        // read them; the encoder refuses them, or passes them on unread,
        // but for a Transfer-Encoding in or to HTTP/1.0.)
        let http10 = |status, method| MessageKind::Response {
            version: Version::Http10,
            status,
            method,
        };
        for kind in [
            http10(204, Other),
            http10(304, Other),
            http10(103, Other),
            http10(200, Head),
        ] {
            assert_eq!(
                decide(kind, &facts(None, &[b"chunked"])),
                err(ErrorKind::TransferEncodingInHttp10, 200),
                "{kind:?}"
            );
            assert_ne!(
                decide(kind, &facts(Some(b"5"), &[])),
                Ok(Framing::Length(5))
            );
        }
    }

    /// Only a 2xx answering CONNECT opens a tunnel: a 300 to it is an
    /// ordinary response, framed by its fields. (A mutation that took the
    /// 300 for a tunnel survived the suite.)
    #[test]
    fn only_a_2xx_to_connect_is_a_tunnel() {
        let answer = |status| MessageKind::Response {
            version: Version::Http11,
            status,
            method: MethodKind::Connect,
        };
        assert_eq!(fixed_by_start_line(answer(200)), Some(Framing::Upgrade));
        assert_eq!(fixed_by_start_line(answer(299)), Some(Framing::Upgrade));
        assert_eq!(fixed_by_start_line(answer(300)), None);
        assert_eq!(fixed_by_start_line(answer(199)), Some(Framing::None));
        assert_eq!(
            decide(answer(300), &facts(Some(b"2"), &[])),
            Ok(Framing::Length(2))
        );
        assert_eq!(decide(answer(300), &facts(None, &[])), Ok(Framing::Close));
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
