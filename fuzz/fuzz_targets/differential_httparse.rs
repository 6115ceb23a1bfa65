//! Complete request heads through h1wire (strict profile; limits raised out
//! of the way, since httparse has none) and `httparse::Request::parse`
//! (default settings, a header array big enough for any head).
//!
//! The input is cut just after its first CRLF CRLF (or gets one appended),
//! so both parsers see one complete head and nothing after it. Where they
//! disagree on accepting the head, or on its request line, field names and
//! values, or its length, that is a failure unless it is one of the
//! deliberate differences listed in [`Difference`], each checked against the
//! input (not just against h1wire's error kind) and each with its RFC
//! reason.
//!
//! httparse leaves Host and framing to its caller, so this target also
//! checks h1wire's Host and framing decisions against small references
//! written from RFC 9112 / RFC 3986 and the strict profile
//! (CONFORMANCE.md section 3): when both parsers accept the head, h1wire's
//! framing must be the reference's; when only httparse accepts it, h1wire's
//! Host or framing error must be one the reference finds.

#![no_main]

use h1wire::{Decoder, ErrorKind, Framing, Version};
use h1wire_fuzz::{
    absolute_authority_ok, check_host, drive, esc, is_absolute, is_tchar, is_ws, port_zero, strict,
    End, Host, Pieces, SpannedEv,
};
use libfuzzer_sys::fuzz_target;

/// The deliberate differences between h1wire's strict profile and httparse's
/// defaults. Each is only claimed after checking the input shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Difference {
    /// httparse accepts a bare LF as a line end; the strict profile refuses
    /// it. RFC 9112 section 2.2: "a recipient MAY recognize a single LF as a
    /// line terminator" (a choice; refusing closes a desync between
    /// parsers that differ on it).
    BareLf,
    /// h1wire requires exactly one Host field with a valid value in an
    /// HTTP/1.1 request (at most one, valid, in HTTP/1.0). RFC 9112 section
    /// 3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks Host,
    /// and to any request with more than one Host field line or an invalid
    /// Host value. httparse does not look at field meanings. (h1wire also
    /// refuses a comma in a bare host name, deliberately: it would make the
    /// value read as a list; inside an IP literal's brackets it cannot, and
    /// it is allowed there as RFC 3986 section 3.2.2 says.)
    Host,
    /// h1wire checks the Content-Length / Transfer-Encoding framing rules
    /// of RFC 9112 section 6.3 (and 6.1: no Transfer-Encoding in HTTP/1.0;
    /// RFC 9110 section 8.6: Content-Length is 1*DIGIT), which httparse
    /// leaves to its caller; when chunked is not the final coding it names
    /// an unknown coding with 501 (RFC 9112 section 6.1) rather than 400.
    Framing,
    /// httparse skips any number of empty lines before the request line;
    /// h1wire skips one. RFC 9112 section 2.2: a server SHOULD ignore "at
    /// least one" empty line received prior to the request-line; more is
    /// garbage on a connection (and refusing it keeps a desync visible).
    LeadingEmptyLines,
    /// httparse accepts bytes 0x80-0xFF in the request-target (when they
    /// form UTF-8); the strict profile refuses them. The URI grammar (RFC
    /// 3986, used by RFC 9112 section 3.2) has no such bytes: a recipient
    /// may reject them (CONFORMANCE.md: "either"); Lenient::non_ascii_target
    /// accepts them.
    NonAsciiTarget,
    /// h1wire refuses a request-target that is none of the four forms of
    /// RFC 9112 section 3.2 (origin, absolute, authority, asterisk), or
    /// whose form does not fit the method (authority-form is for CONNECT,
    /// and CONNECT takes nothing else: sections 3.2.3 and 3.2.4); httparse
    /// takes any run of URI characters. RFC 9112 section 3: "Recipients of
    /// an invalid request-line SHOULD respond with either a 400 (Bad
    /// Request) error or a 301 (Moved Permanently) redirect". h1wire reads
    /// absolute-form as a scheme followed by `://` (a URI without an
    /// authority is refused) and a port as at most 65535, and holds the
    /// authority of absolute-form to Host's rules (it wins over Host, RFC
    /// 9112 section 3.2.2): userinfo of RFC 3986's grammar, then a host (not
    /// empty for http and https, RFC 9110 section 4.2.1) and a port.
    TargetForm,
}

/// What h1wire made of the head.
#[derive(Debug)]
enum Ours {
    Accepted {
        method: Vec<u8>,
        target: Vec<u8>,
        version: Version,
        fields: Vec<(Vec<u8>, Vec<u8>)>,
        framing: Framing,
        /// Head length, a leading empty line included.
        len: usize,
    },
    Rejected(h1wire::Error),
    Incomplete,
}

/// What httparse made of it.
#[derive(Debug)]
enum Theirs {
    Accepted {
        method: Vec<u8>,
        target: Vec<u8>,
        version: u8,
        fields: Vec<(Vec<u8>, Vec<u8>)>,
        len: usize,
    },
    Rejected(httparse::Error),
    Partial,
}

fuzz_target!(|data: &[u8]| {
    let head = cut_head(data);
    let ours = h1wire_head(&head);
    let theirs = httparse_head(&head);
    compare(&head, &ours, &theirs);
});

/// The input up to and including its first CRLF CRLF, or the input with
/// CRLF CRLF appended.
fn cut_head(data: &[u8]) -> Vec<u8> {
    match data.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(at) => data[..at + 4].to_vec(),
        None => [data, b"\r\n\r\n"].concat(),
    }
}

fn h1wire_head(head: &[u8]) -> Ours {
    let mut config = strict();
    config.limits.head = usize::MAX;
    config.limits.line = usize::MAX;
    config.limits.fields = usize::MAX;
    let trace = drive(&mut Decoder::server(config), head, Pieces::whole());
    let mut request = None;
    let mut fields = Vec::new();
    for r in &trace.records {
        match &r.ev {
            SpannedEv::Request {
                method,
                target,
                version,
            } => request = Some((method.bytes.clone(), target.bytes.clone(), *version)),
            SpannedEv::Header(f) => fields.push((f.name.bytes.clone(), f.value.bytes.clone())),
            SpannedEv::HeadEnd(framing) => {
                let (method, target, version) = request.expect("HeadEnd without a request line");
                return Ours::Accepted {
                    method,
                    target,
                    version,
                    fields,
                    framing: *framing,
                    len: r.end as usize,
                };
            }
            _ => unreachable!("event after the head"),
        }
    }
    match trace.end() {
        End::Error(e) if e.kind() == ErrorKind::Incomplete => Ours::Incomplete,
        End::Error(e) => Ours::Rejected(e),
        end => panic!("no head, yet the stream ended {end:?}"),
    }
}

fn httparse_head(head: &[u8]) -> Theirs {
    let mut headers = vec![httparse::EMPTY_HEADER; head.len() / 2 + 1];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(len)) => Theirs::Accepted {
            method: req.method.unwrap().as_bytes().to_vec(),
            target: req.path.unwrap().as_bytes().to_vec(),
            version: req.version.unwrap(),
            fields: req
                .headers
                .iter()
                .map(|h| (h.name.as_bytes().to_vec(), h.value.to_vec()))
                .collect(),
            len,
        },
        Ok(httparse::Status::Partial) => Theirs::Partial,
        Err(e) => Theirs::Rejected(e),
    }
}

fn compare(head: &[u8], ours: &Ours, theirs: &Theirs) {
    match (ours, theirs) {
        (
            Ours::Accepted {
                method,
                target,
                version,
                fields,
                framing,
                len,
            },
            Theirs::Accepted {
                method: m2,
                target: t2,
                version: v2,
                fields: f2,
                len: l2,
            },
        ) => {
            let show = || format!("head {}", esc(head));
            assert_eq!(method, m2, "method differs: {}", show());
            assert_eq!(target, t2, "target differs: {}", show());
            let v = match version {
                Version::Http10 => 0,
                Version::Http11 => 1,
            };
            assert_eq!(v, *v2, "version differs: {}", show());
            assert_eq!(fields, f2, "fields differ: {}", show());
            assert_eq!(len, l2, "head length differs: {}", show());
            // httparse leaves Host and framing to us: check them against the references.
            let problems = head_problems(method, *version, fields);
            assert!(
                problems.must.is_empty(),
                "h1wire accepted a head the strict profile refuses ({:?}): {}",
                problems.must,
                show()
            );
            assert_eq!(
                *framing,
                problems.framing,
                "framing differs from the reference: {}",
                show()
            );
        }
        (
            Ours::Rejected(e),
            Theirs::Accepted {
                method,
                version,
                fields,
                ..
            },
        ) => match explain(head, e, method, *version, fields) {
            Some(_difference) => {}
            None => panic!(
                "h1wire rejects ({e:?}) a head httparse accepts, for no documented reason: {}",
                esc(head)
            ),
        },
        (Ours::Accepted { .. }, Theirs::Rejected(e)) => {
            panic!(
                "httparse rejects ({e:?}) a head h1wire accepts: {}",
                esc(head)
            )
        }
        (Ours::Accepted { .. }, Theirs::Partial) => {
            panic!(
                "h1wire accepts a head httparse finds incomplete: {}",
                esc(head)
            )
        }
        (Ours::Incomplete, Theirs::Accepted { .. }) => {
            panic!(
                "h1wire waits for more on a head httparse accepts: {}",
                esc(head)
            )
        }
        (Ours::Rejected(_), Theirs::Partial) => {
            // httparse has not finished the head: only a run of empty lines
            // before the request line does that to a complete head.
            assert!(
                leading_empty_lines(head) >= 2,
                "httparse waits for more, h1wire rejects: {}",
                esc(head)
            );
        }
        (Ours::Rejected(_), Theirs::Rejected(_)) => {}
        (Ours::Incomplete, _) => panic!("h1wire waits for more on a complete head: {}", esc(head)),
    }
}

/// Line ends (CRLF or LF) at the start of the head.
fn leading_empty_lines(head: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    loop {
        if head[i..].starts_with(b"\r\n") {
            i += 2;
        } else if head[i..].starts_with(b"\n") {
            i += 1;
        } else {
            return n;
        }
        n += 1;
    }
}

/// Why h1wire may refuse a head httparse accepts: the difference, if the
/// input shows it where h1wire says.
fn explain(
    head: &[u8],
    e: &h1wire::Error,
    method: &[u8],
    version: u8,
    fields: &[(Vec<u8>, Vec<u8>)],
) -> Option<Difference> {
    use ErrorKind::*;
    let at = e.offset() as usize;
    let version = if version == 0 {
        Version::Http10
    } else {
        Version::Http11
    };
    match e.kind() {
        BareLf => (head.get(at) == Some(&b'\n') && (at == 0 || head[at - 1] != b'\r'))
            .then_some(Difference::BareLf),
        // "\r\n\r\n..." : one empty line skipped, the next is an empty request line.
        InvalidMethod if leading_empty_lines(head) >= 2 => Some(Difference::LeadingEmptyLines),
        InvalidTarget if head.get(at).is_some_and(|&b| b >= 0x80) => {
            Some(Difference::NonAsciiTarget)
        }
        // (At the target's start, at the bad byte of an absolute-form
        // authority, or at the port 0 of an authority-form one.)
        InvalidTarget => request_target(head)
            .filter(|&(start, target)| {
                target_form(target).is_none()
                    && (start == at
                        || (is_absolute(target) || port_zero(target))
                            && (start..=start + target.len()).contains(&at))
            })
            .map(|_| Difference::TargetForm),
        TargetFormMismatch => request_target(head)
            .filter(|&(start, target)| {
                start == at
                    && target_form(target)
                        .is_some_and(|form| (method == b"CONNECT") != (form == Form::Authority))
            })
            .map(|_| Difference::TargetForm),
        MissingHost | DuplicateHost | InvalidHost => {
            let problems = head_problems(method, version, fields);
            problems
                .all()
                .contains(&e.kind())
                .then_some(Difference::Host)
        }
        InvalidContentLength
        | DuplicateContentLength
        | ConflictingContentLength
        | ContentLengthWithTransferEncoding
        | TransferEncodingInHttp10
        | TransferEncodingNotAllowed
        | ChunkedNotFinal
        | ChunkedTwice
        | UnknownTransferCoding
        | InvalidTransferEncoding => {
            let problems = head_problems(method, version, fields);
            problems
                .all()
                .contains(&e.kind())
                .then_some(Difference::Framing)
        }
        _ => None,
    }
}

/// What the references find wrong with a head httparse parsed.
#[derive(Debug)]
struct Problems {
    /// Errors the strict profile requires.
    must: Vec<ErrorKind>,
    /// Errors h1wire may choose to report (its documented choices where
    /// the RFC leaves room).
    may: Vec<ErrorKind>,
    /// The framing, if no `must` problem.
    framing: Framing,
}

impl Problems {
    fn all(&self) -> Vec<ErrorKind> {
        [&self.must[..], &self.may[..]].concat()
    }
}

fn trim(v: &[u8]) -> &[u8] {
    let start = v.iter().position(|&b| !is_ws(b)).unwrap_or(v.len());
    let end = v.iter().rposition(|&b| !is_ws(b)).map_or(start, |i| i + 1);
    &v[start..end]
}

/// Host, Content-Length and Transfer-Encoding rules of RFC 9112 sections
/// 3.2, 6.1 and 6.3 and the strict profile, from the parsed fields.
fn head_problems(method: &[u8], version: Version, fields: &[(Vec<u8>, Vec<u8>)]) -> Problems {
    use ErrorKind::*;
    let mut p = Problems {
        must: Vec::new(),
        may: Vec::new(),
        framing: Framing::None,
    };
    let named = |n: &'static str| {
        fields
            .iter()
            .filter(move |(name, _)| name.eq_ignore_ascii_case(n.as_bytes()))
    };

    // Host (RFC 9112 section 3.2).
    let hosts: Vec<_> = named("host").collect();
    if hosts.len() > 1 {
        p.must.push(DuplicateHost);
    }
    if hosts.is_empty() && version == Version::Http11 {
        p.must.push(MissingHost);
    }
    for (_, v) in &hosts {
        match check_host(v) {
            Host::Valid => {}
            Host::Invalid => p.must.push(InvalidHost),
        }
    }

    // Content-Length: each list element 1*DIGIT fitting u64; all equal.
    let mut lengths = Vec::new();
    for (_, v) in named("content-length") {
        for element in v.split(|&b| b == b',') {
            let e = trim(element);
            let n = (!e.is_empty() && e.iter().all(u8::is_ascii_digit))
                .then(|| std::str::from_utf8(e).unwrap().parse::<u64>().ok())
                .flatten();
            match n {
                Some(n) => lengths.push(n),
                None => p.must.push(InvalidContentLength),
            }
        }
    }
    // h1wire reports the first repeat it meets: a repeat of an earlier value
    // (several identical values: "either" in the profile, strict refuses)
    // or a different one.
    for (i, n) in lengths.iter().enumerate().skip(1) {
        if lengths[..i].contains(n) {
            p.must.push(DuplicateContentLength);
        }
        if lengths[..i].iter().any(|m| m != n) {
            p.must.push(ConflictingContentLength);
        }
    }

    // Transfer-Encoding: a list of transfer-coding = token *( OWS ";" OWS param ).
    let te_fields: Vec<_> = named("transfer-encoding").collect();
    let mut codings: Vec<Vec<u8>> = Vec::new();
    for (_, v) in &te_fields {
        for element in v.split(|&b| b == b',') {
            let e = trim(element);
            if e.is_empty() {
                continue; // empty list elements are ignored (RFC 9110 5.6.1)
            }
            let name_len = e.iter().take_while(|&&b| is_tchar(b)).count();
            let params = trim(&e[name_len..]);
            if name_len == 0 || !(params.is_empty() || params[0] == b';') {
                p.must.push(InvalidTransferEncoding);
                continue;
            }
            let name = e[..name_len].to_ascii_lowercase();
            // The strict profile takes in a request only the registered
            // codings (chunked, gzip, x-gzip, deflate, compress, x-compress),
            // none with parameters (none takes any): an unknown one is a
            // 501 (RFC 9112 section 6.1), parameters a 400.
            if !is_registered(&name) {
                p.must.push(UnknownTransferCoding);
            }
            if !params.is_empty() {
                p.must.push(InvalidTransferEncoding);
            }
            codings.push(name);
        }
    }
    let chunked = codings
        .iter()
        .filter(|c| c.as_slice() == b"chunked")
        .count();
    if chunked > 1 {
        p.must.push(ChunkedTwice);
    }
    // A CONNECT request leaves HTTP/1 after its head whatever its framing
    // fields say (profile, framing rule 1, taken first): besides the checks
    // of each field's own syntax above, a Transfer-Encoding on it is an
    // error (it would frame a body a peer reading a tunnel never expects;
    // RFC 9110 section 9.3.6), a Content-Length is ignored.
    // Transfer-Encoding in HTTP/1.0 is an error in any message (RFC 9112
    // section 6.1), a CONNECT among them, and checked first.
    let connect = method == b"CONNECT";
    if !te_fields.is_empty() && version == Version::Http10 {
        p.must.push(TransferEncodingInHttp10);
    }
    if !te_fields.is_empty() && connect {
        p.must.push(TransferEncodingNotAllowed);
    }
    if !te_fields.is_empty() && !connect {
        if !lengths.is_empty() || named("content-length").next().is_some() {
            p.must.push(ContentLengthWithTransferEncoding);
        }
        if codings.last().map(Vec::as_slice) != Some(b"chunked") {
            p.must.push(ChunkedNotFinal);
        }
    }

    // RFC 9112 section 6.3 for requests.
    p.framing = if connect {
        Framing::Upgrade
    } else if !te_fields.is_empty() {
        Framing::Chunked
    } else if let Some(&n) = lengths.first() {
        Framing::Length(n)
    } else {
        Framing::None
    };
    p
}

/// The request-target of a head and its offset (after at most one leading
/// empty line, which h1wire skips).
fn request_target(head: &[u8]) -> Option<(usize, &[u8])> {
    let skipped = if head.starts_with(b"\r\n") { 2 } else { 0 };
    let line = &head[skipped..];
    let line = &line[..line.iter().position(|&b| b == b'\r').unwrap_or(line.len())];
    let start = line.iter().position(|&b| b == b' ')? + 1;
    let len = line[start..]
        .iter()
        .position(|&b| b == b' ')
        .unwrap_or(line.len() - start);
    Some((skipped + start, &line[start..start + len]))
}

/// The forms of a request-target (RFC 9112 section 3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Origin,
    Absolute,
    Authority,
    Asterisk,
}

/// The form of a request-target: origin-form starts with `/`; asterisk-form
/// is `*`; absolute-form here is a scheme (RFC 3986 section 3.1) and
/// `://`; authority-form is `uri-host ":" port` with a port of at least
/// one digit, as the Host reference reads it (no comma, up to 65535).
fn target_form(target: &[u8]) -> Option<Form> {
    match target.first()? {
        b'/' => return Some(Form::Origin),
        b'*' if target.len() == 1 => return Some(Form::Asterisk),
        _ => {}
    }
    if is_absolute(target) {
        return absolute_authority_ok(target).then_some(Form::Absolute);
    }
    let host_end = if target[0] == b'[' {
        target.iter().position(|&b| b == b']')? + 1
    } else {
        target.iter().position(|&b| b == b':')?
    };
    let port = target[host_end..].strip_prefix(b":")?;
    (host_end > 0 && !port.is_empty() && !port_zero(target) && check_host(target) == Host::Valid)
        .then_some(Form::Authority)
}

/// A transfer coding a request may carry (lower case).
fn is_registered(coding: &[u8]) -> bool {
    [
        &b"chunked"[..],
        b"gzip",
        b"x-gzip",
        b"deflate",
        b"compress",
        b"x-compress",
    ]
    .contains(&coding)
}
