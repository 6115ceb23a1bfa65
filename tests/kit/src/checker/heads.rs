//! The check at the end of each head: the framing the decoder announces is
//! the one the fields call for. For requests these are the strict rules
//! that close smuggling doors, which no lenient option opens; for responses
//! the small RFC 9112 section 6.3 reference in [`crate::framing_ref`].

use h1wire::{Framing, Readings, Version};

use super::{Checker, Grammar};
use crate::framing_ref::{decimal, response_framing, trim, Expect};
use crate::reduction::{Message, Start};
use crate::trace::SpannedEv;

impl Checker<'_> {
    /// `HeadEnd` with `framing`, the call ending at stream offset `end`.
    pub(super) fn head_end(&mut self, framing: Framing, readings: Readings, end: u64) -> SpannedEv {
        assert_eq!(self.grammar, Grammar::Head, "HeadEnd outside a head");
        self.grammar = match framing {
            Framing::None | Framing::Length(0) => Grammar::AwaitEnd { upgrade: false },
            Framing::Length(left) => Grammar::Length { left },
            Framing::Chunked => Grammar::Chunked,
            Framing::Upgrade => Grammar::AwaitEnd { upgrade: true },
            Framing::Close if self.responses.is_some() => Grammar::Close,
            Framing::Close => panic!("a request framed close"),
        };
        let m = self.messages.last().unwrap();
        match m.start {
            Start::Request { .. } => check_request_framing(m, framing),
            Start::Response { .. } => self.check_response_framing(m, framing),
        }
        let m = self.messages.last_mut().unwrap();
        m.framing = Some(framing);
        m.head_readings = Some(readings);
        // The head ends with an empty line.
        let s = self.stream;
        let e = end as usize;
        let crlf = e >= 2 && &s[e - 2..e] == b"\r\n";
        let lf = self.lenient.bare_lf && e >= 1 && s[e - 1] == b'\n';
        assert!(crlf || lf, "HeadEnd not after a line end");
        SpannedEv::HeadEnd(framing)
    }

    /// The framing of a response head is what the reference finds from
    /// its status, the method it answers and its fields, and the reference
    /// does not refuse a head the decoder accepted.
    fn check_response_framing(&self, m: &Message, framing: Framing) {
        let r = self
            .response
            .expect("a response head without its status line");
        let expect = response_framing(r.version, r.status, r.method, &m.headers, &self.lenient);
        match expect {
            Expect::Framing(f) => assert_eq!(
                framing, f,
                "framing of a {} response to {:?} (fields {:?}): RFC 9112 6.3 says {f:?}",
                r.status, r.method, m.headers
            ),
            Expect::Refused(why) => panic!(
                "a {} response to {:?} framed {framing:?}, but the profile refuses \
                 its head: {why} (fields {:?})",
                r.status, r.method, m.headers
            ),
            Expect::Either => {}
        }
    }
}

/// The rules every accepted request head obeys, whatever the lenient
/// options: at most one Host (exactly one in HTTP/1.1, RFC 9112 section
/// 3.2); CONNECT, and only CONNECT, upgrades; no Content-Length beside
/// Transfer-Encoding, no Transfer-Encoding in HTTP/1.0 (RFC 9112 section
/// 6.1); and the framing is the one the framing fields give: chunked only
/// with a Transfer-Encoding list of registered codings without
/// parameters, `chunked` once and last (empty elements aside); a length
/// only when every element of every Content-Length line is that number;
/// none without either.
fn check_request_framing(m: &Message, framing: Framing) {
    let Start::Request {
        method, version, ..
    } = &m.start
    else {
        unreachable!("a request head");
    };
    let fields = &m.headers;
    let hosts = m.values(b"host").count();
    assert!(hosts <= 1, "several Host fields accepted: {fields:?}");
    if *version == Version::Http11 {
        assert_eq!(hosts, 1, "HTTP/1.1 without Host accepted: {fields:?}");
    }
    if method == b"CONNECT" {
        assert_eq!(framing, Framing::Upgrade, "CONNECT must upgrade");
        return;
    }
    assert_ne!(
        framing,
        Framing::Upgrade,
        "upgrade framing for a non-CONNECT request"
    );
    let content_length = m.values(b"content-length").next();
    let transfer_encoding = m.values(b"transfer-encoding").next().is_some();
    assert!(
        !(transfer_encoding && content_length.is_some()),
        "Content-Length with Transfer-Encoding accepted: {fields:?}"
    );
    assert!(
        !(transfer_encoding && *version == Version::Http10),
        "Transfer-Encoding in HTTP/1.0 accepted: {fields:?}"
    );
    match framing {
        Framing::Chunked => {
            // Every element of every Transfer-Encoding line, in order.
            let codings: Vec<&[u8]> = m
                .values(b"transfer-encoding")
                .flat_map(|v| v.split(|&b| b == b','))
                .map(trim)
                .filter(|c| !c.is_empty())
                .collect();
            const REGISTERED: [&[u8]; 6] = [
                b"chunked",
                b"gzip",
                b"x-gzip",
                b"deflate",
                b"compress",
                b"x-compress",
            ];
            assert!(
                codings
                    .iter()
                    .all(|c| REGISTERED.iter().any(|r| c.eq_ignore_ascii_case(r))),
                "a request's coding not registered, or with parameters, accepted: {fields:?}"
            );
            let chunked = |c: &[u8]| c.eq_ignore_ascii_case(b"chunked");
            let times = codings.iter().filter(|c| chunked(c)).count();
            assert!(
                codings.last().is_some_and(|c| chunked(c)) && times == 1,
                "chunked framing without chunked once and last: {fields:?}"
            );
        }
        Framing::Length(n) => {
            assert!(content_length.is_some(), "a length without Content-Length");
            // (Several identical values only when let through: all of
            // them that number.)
            for element in m
                .values(b"content-length")
                .flat_map(|v| v.split(|&b| b == b','))
            {
                assert_eq!(
                    decimal(trim(element)),
                    Some(n),
                    "framing length vs Content-Length: {fields:?}"
                );
            }
        }
        Framing::None => assert!(
            !transfer_encoding && content_length.is_none(),
            "no body despite a framing field: {fields:?}"
        ),
        Framing::Close | Framing::Upgrade => unreachable!("checked above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(method: &str, version: Version, fields: &[(&str, &str)]) -> Message {
        let mut m = Message::new(Start::Request {
            method: method.as_bytes().to_vec(),
            target: b"/".to_vec(),
            version,
        });
        m.headers = fields
            .iter()
            .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec()))
            .collect();
        m
    }

    const HOST: (&str, &str) = ("Host", "a");

    #[test]
    fn framings_the_fields_call_for_pass() {
        let v11 = Version::Http11;
        check_request_framing(&head("GET", v11, &[HOST]), Framing::None);
        check_request_framing(&head("GET", Version::Http10, &[]), Framing::None);
        let cl = ("content-length", "007, 7");
        check_request_framing(&head("POST", v11, &[HOST, cl]), Framing::Length(7));
        let te = ("Transfer-Encoding", "gzip, chunked");
        check_request_framing(&head("POST", v11, &[HOST, te]), Framing::Chunked);
        let connect = head("CONNECT", v11, &[HOST, ("Content-Length", "5")]);
        check_request_framing(&connect, Framing::Upgrade);
    }

    #[test]
    #[should_panic(expected = "Content-Length with Transfer-Encoding")]
    fn both_framing_fields_fail() {
        let fields = [
            HOST,
            ("Content-Length", "5"),
            ("Transfer-Encoding", "chunked"),
        ];
        check_request_framing(&head("POST", Version::Http11, &fields), Framing::Chunked);
    }

    #[test]
    #[should_panic(expected = "HTTP/1.1 without Host")]
    fn a_missing_host_fails() {
        check_request_framing(&head("GET", Version::Http11, &[]), Framing::None);
    }

    #[test]
    #[should_panic(expected = "several Host fields")]
    fn two_hosts_fail() {
        let fields = [HOST, HOST];
        check_request_framing(&head("GET", Version::Http10, &fields), Framing::None);
    }

    #[test]
    #[should_panic(expected = "framing length vs Content-Length")]
    fn another_length_fails() {
        let fields = [HOST, ("Content-Length", "+5")];
        check_request_framing(&head("POST", Version::Http11, &fields), Framing::Length(5));
    }

    #[test]
    #[should_panic(expected = "CONNECT must upgrade")]
    fn a_connect_that_does_not_upgrade_fails() {
        check_request_framing(&head("CONNECT", Version::Http11, &[HOST]), Framing::None);
    }

    #[test]
    #[should_panic(expected = "Transfer-Encoding in HTTP/1.0")]
    fn transfer_encoding_in_http10_fails() {
        let fields = [("Transfer-Encoding", "chunked")];
        check_request_framing(&head("POST", Version::Http10, &fields), Framing::Chunked);
    }
}
