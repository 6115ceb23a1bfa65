//! Message descriptions for the `encode_roundtrip` target, read from the
//! fuzzer's bytes, and the small references that target checks the encoder
//! against (what must be accepted, what a refusal may point at, how a
//! response's framing reads, a chunked-body reader).
//!
//! # Input layout
//!
//! Every read past the end of the input gives 0 (an empty list, the first
//! choice), so any byte string is a description.
//!
//! ```text
//! byte 0   flags: 0x01 a response (else a request), 0x02 try a small
//!          buffer first on every write, 0x04 out-of-order calls too,
//!          0x08 a second message after the first, 0x10 the encoder passes
//!          ignored framing fields on (`EncoderOptions::ignored_framing_fields`),
//!          0x20 every other option of `EncoderOptions::verbatim` on too,
//!          0x40 field lines and trailers written `name:value`
//!          (`EncoderOptions::tight_fields`)
//! byte 1   the small buffer's size: b for a head, b % 32 for an end
//! byte 2   n = b % 9 piece sizes for the split decode, then n bytes
//! request  method (pick METHODS), target (pick TARGETS), one byte:
//!          bit 0 HTTP/1.1 (else 1.0)
//! response status (below), reason (pick REASONS), one byte: bit 0
//!          HTTP/1.1; bits 1-2 the method answered (1 Head, 2 Connect,
//!          else Other); bit 3 the request was HTTP/1.1
//! fields   b % 9 of them, each a field (below)
//! body     b % 8: AsFields, Empty, Length(next byte), Chunked, Streamed,
//!          UntilClose, Length(u64::MAX - next byte), Length(next byte)
//! pieces   b % 9 of them, each a length byte then that many data bytes
//!          (padded with a pattern where the input ends)
//! trailers b % 5 of them, each a field
//! ```
//!
//! A pick from a list is one byte `s`: below 0xC0 it is `list[s % len]`,
//! from 0xC0 on it is the next `s - 0xC0` raw bytes (0 to 63 of them). A
//! field is one byte `s`: below 0x80 the pair `PAIRS[s % len]`, else a name
//! picked from NAMES and a value picked from VALUES. A status is one byte
//! `s`: below 0xC0 `STATUSES[s % len]`, else the next two bytes, big-endian.
//!
//! `fuzz/seed.sh` writes seeds in this form; it relies on the order of the
//! first entries of each list (noted there), so add new entries at the end.

use h1wire::{
    Answering, Body, EncoderOptions, Field, Framing, MethodKind, RequestLine, StatusLine, Version,
};

use crate::{
    absolute_authority_ok, authority_of, esc, has_empty_list_element, is_absolute, is_ctl,
    is_tchar, is_token, is_ws, lists, senders, web_userinfo,
};

pub const F_RESPONSE: u8 = 0x01;
pub const F_SMALL: u8 = 0x02;
pub const F_MISUSE: u8 = 0x04;
pub const F_SECOND: u8 = 0x08;
pub const F_IGNORED_FRAMING: u8 = 0x10;
pub const F_VERBATIM: u8 = 0x20;
pub const F_TIGHT: u8 = 0x40;

pub const METHODS: &[&[u8]] = &[
    b"GET",
    b"POST",
    b"HEAD",
    b"CONNECT",
    b"OPTIONS",
    b"PUT",
    b"DELETE",
    b"M-SEARCH",
    b"get",
    b"connect",
    b"",
    b"G T",
    b"GET\r\n",
    b"G\xc3\x89T",
    b"\0",
    b"PATCH",
    b"GET:",
];

pub const TARGETS: &[&[u8]] = &[
    b"/",
    b"/a?b=c",
    b"*",
    b"http://example.com/x",
    b"example.com:443",
    b"[::1]:8080",
    b"a.com:80",
    b"//a",
    b"",
    b"/a b",
    b"/caf\xc3\xa9",
    b"a.com",
    b"a.com:",
    b"/\x7f",
    b"/\r\nX: y",
    b"http:/x",
    b"**",
    b"mailto:a@b",
    b"/a\tb",
    b"/%20?q=%zz",
    b"[v1.fe80::a+en1]:1",
    b"a.com:65536",
    b"/\0",
    b"http://u:p@a.com/",
    b"http://a.com\\@b/",
    b"http://:80/",
    b"https://",
    b"http://a.com:99999/",
    b"file:///x",
    b"/admin#/../x",
];

pub const STATUSES: &[u16] = &[
    200, 201, 204, 206, 301, 304, 100, 101, 103, 199, 299, 404, 500, 999, 0, 99, 1000, 65535, 400,
    302,
];

pub const REASONS: &[&[u8]] = &[
    b"OK",
    b"",
    b"Not Found",
    b"a\tb",
    b"caf\xc3\xa9",
    b"bad\r\nX: y",
    b"\0",
    b" lead",
    b"trail ",
    b"\x7f",
    b"No Content",
    b"\n",
];

pub const NAMES: &[&[u8]] = &[
    b"Host",
    b"host",
    b"Content-Length",
    b"content-length",
    b"Transfer-Encoding",
    b"TRANSFER-ENCODING",
    b"Accept",
    b"X-Custom",
    b"Connection",
    b"Trailer",
    b"",
    b"Bad Name",
    b"X:y",
    b"Host ",
    b"X\x80",
    b"Upgrade",
    b"Content-Length\0",
];

pub const VALUES: &[&[u8]] = &[
    b"example.com",
    b"",
    b"0",
    b"5",
    b"chunked",
    b"gzip, chunked",
    b"gzip",
    b"a\tb",
    b"caf\xc3\xa9",
    b"a\r\nb",
    b"a\0b",
    b" a",
    b"a ",
    b"[::1]:80",
    b"a@b",
    b"close",
    b"1, 1",
    b"-1",
    b"18446744073709551615",
    b"18446744073709551616",
    b"Chunked",
    b"chunked, gzip",
    b"chunked;a=b",
    b"foo;p=\"a,chunked\"",
    b"foo",
    b"\x7f",
    b"a\n",
    b"\t",
];

pub const PAIRS: &[(&[u8], &[u8])] = &[
    (b"Host", b"example.com"),
    (b"Content-Length", b"0"),
    (b"Content-Length", b"5"),
    (b"Transfer-Encoding", b"chunked"),
    (b"Accept", b"*/*"),
    (b"Host", b""),
    (b"Host", b"[::1]:8080"),
    (b"Host", b"a@b"),
    (b"Host", b"a,b"),
    (b"Host", b"example.com:99999"),
    (b"Content-Length", b"3"),
    (b"Content-Length", b"16"),
    (b"Content-Length", b"5, 5"),
    (b"Content-Length", b"-1"),
    (b"Content-Length", b"0x10"),
    (b"Content-Length", b"18446744073709551615"),
    (b"Content-Length", b"99999999999999999999"),
    (b"Transfer-Encoding", b"gzip, chunked"),
    (b"Transfer-Encoding", b"gzip"),
    (b"Transfer-Encoding", b"chunked, gzip"),
    (b"Transfer-Encoding", b"chunked, chunked"),
    (b"Transfer-Encoding", b"identity"),
    (b"Transfer-Encoding", b"foo;p=\"a, chunked\""),
    (b"Transfer-Encoding", b"Chunked"),
    (b"Transfer-Encoding", b""),
    (b"Transfer-Encoding", b"x-gzip ,chunked,"),
    (b"User-Agent", b"fuzz/1.0"),
    (b"X-Empty", b""),
    (b"X-Tab", b"a\tb"),
    (b"X-High", b"caf\xc3\xa9"),
    (b"X-Bad", b"a\r\nb"),
    (b"X-Nul", b"a\0b"),
    (b"X-Lead", b" a"),
    (b"X-Trail", b"a "),
    (b"Connection", b"close"),
    (b"Upgrade", b"websocket"),
    (b"Trailer", b"X-T"),
    (b"X-T", b"1"),
    (b"Digest", b"sha-256=abc"),
    (b"Bad Name", b"x"),
    (b"", b"x"),
    (b"X-Del", b"a\x7fb"),
    (b"content-length", b"1"),
    (b"HOST", b"example.com"),
    (b"Connection", b"upgrade"),
    (b"Connection", b"TE, Upgrade"),
    (b"TE", b"trailers"),
    (b"Expect", b"100-continue"),
];

/// The fuzzer's bytes, read front to back; 0 past the end.
pub struct Src<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Src<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Src { data, pos: 0 }
    }

    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos = self.pos.saturating_add(1);
        b
    }

    /// Up to `n` bytes (fewer where the input ends).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let start = self.pos.min(self.data.len());
        let end = start.saturating_add(n).min(self.data.len());
        self.pos = self.pos.saturating_add(n);
        &self.data[start..end]
    }

    /// One element of `list`, or raw bytes (see the module docs).
    pub fn pick(&mut self, list: &[&'static [u8]]) -> &'a [u8] {
        match self.byte() {
            s @ 0..=0xBF => list[usize::from(s) % list.len()],
            s => self.bytes(usize::from(s - 0xC0)),
        }
    }

    pub fn field(&mut self) -> Field<'a> {
        match self.byte() {
            s @ 0..=0x7F => {
                let (name, value) = PAIRS[usize::from(s) % PAIRS.len()];
                Field { name, value }
            }
            _ => Field {
                name: self.pick(NAMES),
                value: self.pick(VALUES),
            },
        }
    }

    fn fields(&mut self, max: u8) -> Vec<Field<'a>> {
        let n = self.byte() % (max + 1);
        (0..n).map(|_| self.field()).collect()
    }
}

/// The start line of the message to write.
#[derive(Clone, Copy, Debug)]
pub enum StartDesc<'a> {
    Request(RequestLine<'a>),
    Response(StatusLine<'a>, Answering),
}

/// A message to write, and how to write it.
#[derive(Clone, Debug)]
pub struct Desc<'a> {
    pub flags: u8,
    pub small: u8,
    pub split: &'a [u8],
    pub start: StartDesc<'a>,
    pub fields: Vec<Field<'a>>,
    pub body: Body,
    pub pieces: Vec<Vec<u8>>,
    pub trailers: Vec<Field<'a>>,
}

fn version(bit: u8) -> Version {
    if bit & 1 != 0 {
        Version::Http11
    } else {
        Version::Http10
    }
}

impl<'a> Desc<'a> {
    pub fn parse(data: &'a [u8]) -> Self {
        let mut src = Src::new(data);
        let flags = src.byte();
        let small = src.byte();
        let n = usize::from(src.byte() % 9);
        let split = src.bytes(n);
        let start = if flags & F_RESPONSE == 0 {
            let method = src.pick(METHODS);
            let target = src.pick(TARGETS);
            let v = src.byte();
            StartDesc::Request(RequestLine {
                method,
                target,
                version: version(v),
            })
        } else {
            let status = match src.byte() {
                s @ 0..=0xBF => STATUSES[usize::from(s) % STATUSES.len()],
                _ => u16::from_be_bytes([src.byte(), src.byte()]),
            };
            let reason = src.pick(REASONS);
            let v = src.byte();
            let method = match (v >> 1) & 3 {
                1 => MethodKind::Head,
                2 => MethodKind::Connect,
                _ => MethodKind::Other,
            };
            StartDesc::Response(
                StatusLine {
                    version: version(v),
                    status,
                    reason,
                },
                Answering::new(method, version(v >> 3)),
            )
        };
        let fields = src.fields(8);
        let body = match src.byte() % 8 {
            0 => Body::AsFields,
            1 => Body::Empty,
            2 | 7 => Body::Length(u64::from(src.byte())),
            3 => Body::Chunked,
            4 => Body::Streamed,
            5 => Body::UntilClose,
            _ => Body::Length(u64::MAX - u64::from(src.byte())),
        };
        let count = src.byte() % 9;
        let pieces = (0..count)
            .map(|_| {
                let len = usize::from(src.byte());
                let mut data = src.bytes(len).to_vec();
                let have = data.len();
                data.extend((have..len).map(|i| b'a' + (i % 26) as u8));
                data
            })
            .collect();
        let trailers = src.fields(4);
        Desc {
            flags,
            small,
            split,
            start,
            fields,
            body,
            pieces,
            trailers,
        }
    }

    /// The description in readable form, for assertion messages.
    pub fn show(&self) -> String {
        let q = |b: &[u8]| format!("\"{}\"", esc(b));
        let fields = |fs: &[Field<'_>]| {
            fs.iter()
                .map(|f| format!("{}: {}", q(f.name), q(f.value)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let start = match self.start {
            StartDesc::Request(l) => format!(
                "request {} {} {}",
                q(l.method),
                q(l.target),
                l.version.as_str()
            ),
            StartDesc::Response(l, a) => format!(
                "response {} {} {} answering {:?} {}",
                l.version.as_str(),
                l.status,
                q(l.reason),
                a.method,
                a.version.as_str()
            ),
        };
        let pieces = self
            .pieces
            .iter()
            .map(|p| format!("{} {}", p.len(), q(p)))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "[{start}; fields [{}]; {:?}; pieces [{pieces}]; trailers [{}]; flags {:#04x}, small {}, split {:?}; {:?}]",
            fields(&self.fields),
            self.body,
            fields(&self.trailers),
            self.flags,
            self.small,
            self.split,
            self.options()
        )
    }

    /// The encoder options the flags ask for.
    pub fn options(&self) -> EncoderOptions {
        let mut options = if self.flags & F_VERBATIM != 0 {
            EncoderOptions::verbatim()
        } else {
            EncoderOptions::default()
        };
        options.ignored_framing_fields = self.flags & F_IGNORED_FRAMING != 0;
        options.tight_fields = self.flags & F_TIGHT != 0;
        options
    }

    pub fn is_request(&self) -> bool {
        matches!(self.start, StartDesc::Request(_))
    }

    /// An upper bound of any head or trailer section this description can
    /// make the encoder write.
    pub fn bound(&self) -> usize {
        let fields: usize = self
            .fields
            .iter()
            .chain(&self.trailers)
            .map(|f| f.name.len() + f.value.len() + 4)
            .sum();
        let start = match self.start {
            StartDesc::Request(l) => l.method.len() + l.target.len() + 12,
            StartDesc::Response(s, _) => s.reason.len() + 16,
        };
        start + fields + 64
    }
}

/// Names compare without case.
pub fn named(field: &Field<'_>, name: &str) -> bool {
    field.name.eq_ignore_ascii_case(name.as_bytes())
}

pub fn is_framing_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"content-length") || name.eq_ignore_ascii_case(b"transfer-encoding")
}

/// A field for this hop only that Connection must list (Upgrade, TE), or
/// an expectation (Expect): sender rules tie each to other fields or to
/// the body.
pub fn is_hop_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"upgrade")
        || name.eq_ignore_ascii_case(b"te")
        || name.eq_ignore_ascii_case(b"expect")
}

/// Whether a Connection field among `fields` lists `option` (a plain
/// reading of the `#token` list).
pub fn connection_lists(fields: &[Field<'_>], option: &[u8]) -> bool {
    fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"connection") && lists(f.value, option))
}

/// A field a strict decoder reads back as given: a token name, a value of
/// visible bytes, SP, HTAB and obs-text, not starting or ending in
/// whitespace.
pub fn clean_field(field: &Field<'_>) -> bool {
    let v = field.value;
    is_token(field.name)
        && !v.iter().any(|&b| is_ctl(b))
        && !v.first().is_some_and(|&b| is_ws(b))
        && !v.last().is_some_and(|&b| is_ws(b))
}

/// A reg-name Host any reading accepts.
fn simple_host(value: &[u8]) -> bool {
    value
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// Whether the encoder must accept the head: a conservative subset of what
/// RFC 9112 and the strict profile allow, where every part is plainly fine.
pub fn must_accept_head(desc: &Desc<'_>) -> bool {
    // (No content where none may be: a TRACE request, a 205.)
    let no_content = matches!(desc.body, Body::AsFields | Body::Empty | Body::Length(0));
    // (A Connection that lists a framing field or Host is refused by
    // default: RFC 9110 section 7.6.1.)
    let fields_ok = desc.fields.iter().all(|f| {
        clean_field(f)
            && !is_framing_name(f.name)
            && !is_hop_name(f.name)
            && !(named(f, "connection") && senders::connection_lists_framing(f.value))
    });
    if !fields_ok {
        return false;
    }
    match desc.start {
        StartDesc::Request(line) => {
            let t = line.target;
            let target_ok = !t.is_empty()
                && t.iter().all(|&b| (0x21..0x7f).contains(&b))
                && (t[0] == b'/' || t == b"*")
                && (!t.contains(&b'#') || desc.options().target_fragment);
            let hosts: Vec<_> = desc.fields.iter().filter(|f| named(f, "host")).collect();
            let hosts_ok = hosts.iter().all(|f| simple_host(f.value))
                && (hosts.len() == 1
                    || (hosts.is_empty()
                        && line.version == Version::Http10
                        && desc.options().http10_without_host));
            let body_ok = match desc.body {
                Body::AsFields | Body::Empty | Body::Length(_) => true,
                Body::Chunked | Body::Streamed => line.version == Version::Http11,
                Body::UntilClose => false,
            };
            let content_ok = line.method != b"TRACE" || no_content;
            is_token(line.method)
                && line.method != b"CONNECT"
                && target_ok
                && hosts_ok
                && body_ok
                && content_ok
        }
        StartDesc::Response(status, answering) => {
            let code = status.status;
            let reason_ok = !status.reason.iter().any(|&b| is_ctl(b));
            let body_ok = match desc.body {
                Body::Chunked => {
                    status.version == Version::Http11 && answering.version == Version::Http11
                }
                _ => true,
            };
            (200..=599).contains(&code)
                && code != 204
                // (Without framing fields, a response's own fields frame
                // a body to the close: content.)
                && (code != 205 || matches!(desc.body, Body::Empty | Body::Length(0)))
                && code != 426 // (names the protocols it requires)
                && code != 304
                && answering.method == MethodKind::Other
                && reason_ok
                && body_ok
        }
    }
}

/// Why the encoder must refuse the head, if it must: a part that would
/// not read back as given, or a sender rule a recipient would not notice
/// (RFC 9110 sections 8.6 and 9.3.6, RFC 9112 sections 6.1 and 6.2, and
/// the encoder's documented refusals; with
/// `EncoderOptions::ignored_framing_fields`, framing fields the start line
/// makes every recipient ignore are passed on, except a Transfer-Encoding
/// on a CONNECT request).
pub fn must_refuse_head(desc: &Desc<'_>) -> Option<&'static str> {
    let relay = desc.options().ignored_framing_fields;
    let has = |name: &str| desc.fields.iter().any(|f| named(f, name));
    let (cl, te) = (has("content-length"), has("transfer-encoding"));
    if !desc.fields.iter().all(clean_field) {
        return Some("a field that does not read back as given");
    }
    // Sent by no sender (RFC 9110 section 5.6.1), wherever Transfer-Encoding
    // is read (a relay passes a switching response's on unread).
    let empty_element = desc
        .fields
        .iter()
        .any(|f| named(f, "transfer-encoding") && has_empty_list_element(f.value))
        && !desc.options().empty_list_elements;
    // RFC 9110 section 7.8, RFC 9112 section 7.4: Connection lists them.
    let unlisted = |name: &str| has(name) && !connection_lists(&desc.fields, name.as_bytes());
    let request = desc.is_request();
    if (unlisted("upgrade") || (request && unlisted("te")))
        && !desc.options().missing_connection_option
    {
        return Some("Upgrade or TE that Connection does not list");
    }
    // RFC 9110 sections 15.3.6 and 9.3.8: no content in a 205 (but a 2xx
    // to CONNECT, a tunnel, or to HEAD, without any) or a TRACE request.
    let content_asked = match desc.body {
        Body::Length(n) => n > 0,
        Body::Chunked | Body::Streamed | Body::UntilClose => true,
        Body::Empty | Body::AsFields => false,
    };
    let no_content = match desc.start {
        StartDesc::Request(line) => line.method == b"TRACE",
        StartDesc::Response(status, answering) => {
            status.status == 205
                && !matches!(answering.method, MethodKind::Head | MethodKind::Connect)
        }
    };
    if no_content && content_asked && !desc.options().forbidden_content {
        return Some("content in a 205 or a TRACE request");
    }
    // RFC 9110 section 7.6.1: no framing field as a connection option.
    let framing_option = desc
        .fields
        .iter()
        .any(|f| named(f, "connection") && senders::connection_lists_framing(f.value));
    if framing_option && !desc.options().framing_connection_option {
        return Some("a Connection that lists a framing field");
    }
    // RFC 9112 section 7.4: chunked is always acceptable, never sent in TE.
    let te_chunked = desc
        .fields
        .iter()
        .any(|f| named(f, "te") && senders::te_lists_chunked(f.value));
    if request && te_chunked && !desc.options().chunked_in_te {
        return Some("a TE that lists chunked");
    }
    match desc.start {
        StartDesc::Request(line) => {
            let target_ok =
                !line.target.is_empty() && line.target.iter().all(|&b| (0x21..0x7f).contains(&b));
            if !is_token(line.method) {
                return Some("a method that is not a token");
            }
            if !target_ok {
                return Some("a target with whitespace, a control byte or non-ASCII");
            }
            if is_absolute(line.target) && !absolute_authority_ok(line.target) {
                return Some("an absolute-form authority that Host's rules refuse");
            }
            if web_userinfo(line.target) && !desc.options().target_userinfo {
                return Some("userinfo in an http target");
            }
            if line.target.first() == Some(&b'/')
                && line.target.contains(&b'#')
                && !desc.options().target_fragment
            {
                return Some("a fragment in an origin-form target");
            }
            if line.method == b"CONNECT" && (te || (cl && !relay)) {
                return Some("a framing field on a CONNECT request");
            }
            if cl && te {
                return Some("Content-Length and Transfer-Encoding");
            }
            let http10 = line.version == Version::Http10;
            if http10 && (te || desc.body == Body::Chunked) {
                return Some("Transfer-Encoding in HTTP/1.0");
            }
            if desc.body == Body::UntilClose || (http10 && desc.body == Body::Streamed) {
                return Some("a request body without framing");
            }
            if empty_element {
                return Some("an empty list element in Transfer-Encoding");
            }
            if !http10 && !has("host") {
                return Some("an HTTP/1.1 request without Host");
            }
            if desc.fields.iter().filter(|f| named(f, "host")).count() > 1 {
                return Some("two Host fields");
            }
            // A user agent sends Host whatever the version (RFC 9110
            // section 7.2).
            if !has("host") && !desc.options().http10_without_host {
                return Some("a request without Host");
            }
            // With an absolute-form target, Host is its authority without
            // the userinfo, byte for byte (RFC 9112 section 3.2).
            let foreign_host = if line.method == b"CONNECT" {
                desc.fields.iter().any(|f| {
                    named(f, "host") && !senders::host_names_connect_target(line.target, f.value)
                })
            } else {
                authority_of(line.target).is_some_and(|authority| {
                    desc.fields
                        .iter()
                        .any(|f| named(f, "host") && f.value != authority.host)
                })
            };
            if foreign_host && !desc.options().host_other_than_authority {
                return Some("a Host other than the target's authority");
            }
        }
        StartDesc::Response(status, answering) => {
            let code = status.status;
            if !(100..=999).contains(&code) {
                return Some("a status outside 100-999");
            }
            if status.reason.iter().any(|&b| is_ctl(b)) {
                return Some("a reason with a control byte");
            }
            if (100..200).contains(&code) && answering.version == Version::Http10 {
                return Some("a 1xx to an HTTP/1.0 client");
            }
            if (code == 101 || code == 426)
                && !desc
                    .fields
                    .iter()
                    .any(|f| named(f, "upgrade") && senders::upgrade_names_protocol(f.value))
                && !desc.options().switch_without_upgrade
            {
                return Some("a 101 or 426 without an Upgrade that names a protocol");
            }
            let tunnel = answering.method == MethodKind::Connect && (200..300).contains(&code);
            let no_framing = (100..200).contains(&code) || code == 204 || tunnel;
            if (cl || te) && no_framing && !relay {
                return Some("a framing field on a 1xx, 204 or 2xx-to-CONNECT response");
            }
            // A response that switches protocols frames nothing: a relay
            // passes its framing fields on unread (RFC 9110 section 9.3.6),
            // an HTTP/1.0 one's too, but never a Transfer-Encoding to an
            // HTTP/1.0 client (RFC 9112 section 6.1), whatever the options.
            if code == 101 || tunnel {
                if te && answering.version == Version::Http10 {
                    return Some("Transfer-Encoding to an HTTP/1.0 client");
                }
                return None;
            }
            if empty_element {
                return Some("an empty list element in Transfer-Encoding");
            }
            // (Read where the start line frames the message, too: RFC 9112
            // section 6.1.)
            if te && status.version == Version::Http10 {
                return Some("Transfer-Encoding in HTTP/1.0");
            }
            if cl && te && !desc.options().length_with_transfer_encoding {
                return Some("Content-Length and Transfer-Encoding");
            }
            if te && answering.version == Version::Http10 {
                return Some("Transfer-Encoding to an HTTP/1.0 client");
            }
            let http10 = status.version == Version::Http10 || answering.version == Version::Http10;
            // (A response to HEAD or a 304 takes it and writes nothing.)
            let no_body = answering.method == MethodKind::Head || code == 304;
            if desc.body == Body::Chunked && http10 && !no_body {
                return Some("Body::Chunked with HTTP/1.0 on either side");
            }
        }
    }
    None
}

/// The elements of a Transfer-Encoding value, split at commas outside
/// quoted strings, trimmed, empty ones dropped; each with its coding name.
pub fn coding_names(value: &[u8]) -> Vec<&[u8]> {
    let mut elements = Vec::new();
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    for (i, &b) in value.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if quoted && b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            quoted = !quoted;
        } else if b == b',' && !quoted {
            elements.push(&value[start..i]);
            start = i + 1;
        }
    }
    elements.push(&value[start..]);
    elements.into_iter().filter_map(coding_name).collect()
}

/// The coding name at the front of a list element (after its OWS), if the
/// element is not empty.
fn coding_name(element: &[u8]) -> Option<&[u8]> {
    let leading = element.iter().take_while(|&&b| is_ws(b)).count();
    let element = &element[leading..];
    let len = element
        .iter()
        .position(|&b| !is_tchar(b))
        .unwrap_or(element.len());
    (!element.is_empty()).then(|| &element[..len])
}

/// What a message's head means for its body, by RFC 9112 section 6.3, read
/// from the fields as written (the last one possibly added by the
/// encoder). `None`: no framing a recipient could use (a request whose
/// codings do not end in chunked, a Content-Length that is not a number).
pub fn reference_framing(start: &StartDesc<'_>, fields: &[(Vec<u8>, Vec<u8>)]) -> Option<Framing> {
    let request = matches!(start, StartDesc::Request(_));
    match *start {
        StartDesc::Request(line) if line.method == b"CONNECT" => return Some(Framing::Upgrade),
        StartDesc::Request(_) => {}
        StartDesc::Response(s, a) => {
            let code = s.status;
            if code == 101 || (a.method == MethodKind::Connect && (200..300).contains(&code)) {
                return Some(Framing::Upgrade);
            }
            if a.method == MethodKind::Head
                || (100..200).contains(&code)
                || code == 204
                || code == 304
            {
                return Some(Framing::None);
            }
        }
    }
    let mut te = None;
    let mut cl = None;
    for (name, value) in fields {
        if name.eq_ignore_ascii_case(b"transfer-encoding") {
            let last = te.get_or_insert(None);
            if let Some(&name) = coding_names(value).last() {
                *last = Some(name.eq_ignore_ascii_case(b"chunked"));
            } else if last.is_none() {
                *last = Some(false);
            }
        } else if name.eq_ignore_ascii_case(b"content-length") {
            cl = Some(value);
        }
    }
    if let Some(last) = te {
        return match (last, request) {
            (Some(true), _) => Some(Framing::Chunked),
            (_, false) => Some(Framing::Close),
            (_, true) => None,
        };
    }
    if let Some(value) = cl {
        let text = core::str::from_utf8(value).ok()?;
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return text.parse().ok().map(Framing::Length);
    }
    Some(if request {
        Framing::None
    } else {
        Framing::Close
    })
}

/// A chunked body read back by the chunk lines the encoder writes
/// (`hex CRLF data CRLF`, lower-case hex without leading zeros, no
/// extensions), then `0 CRLF`, trailer lines `name ": " value CRLF` (with
/// `tight`, `name ":" value CRLF`), and CRLF. Returns the chunk sizes, the
/// data, the trailers and how many bytes it took; `Err` says what was not
/// as expected, and where.
#[allow(clippy::type_complexity)]
pub fn read_chunked(
    wire: &[u8],
    tight: bool,
) -> Result<(Vec<usize>, Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>, usize), String> {
    let line_at = |at: usize| -> Result<(&[u8], usize), String> {
        let rest = wire.get(at..).unwrap_or_default();
        let end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or(format!("no CRLF after offset {at}"))?;
        Ok((&rest[..end], at + end + 2))
    };
    let mut sizes = Vec::new();
    let mut data = Vec::new();
    let mut at = 0;
    loop {
        let (line, next) = line_at(at)?;
        let hex_ok = !line.is_empty()
            && line.len() <= 16
            && line.iter().all(|b| b"0123456789abcdef".contains(b))
            && (line == b"0" || line[0] != b'0');
        if !hex_ok {
            return Err(format!("chunk line {:?} at {at}", crate::esc(line)));
        }
        let size = u64::from_str_radix(core::str::from_utf8(line).unwrap(), 16).unwrap();
        at = next;
        if size == 0 {
            break;
        }
        let size = usize::try_from(size).map_err(|_| "chunk size".to_string())?;
        let chunk = wire
            .get(at..at.saturating_add(size))
            .ok_or(format!("chunk of {size} cut short at {at}"))?;
        data.extend_from_slice(chunk);
        sizes.push(size);
        at += size;
        if wire.get(at..at + 2) != Some(b"\r\n") {
            return Err(format!("no CRLF after the chunk data at {at}"));
        }
        at += 2;
    }
    let mut trailers = Vec::new();
    loop {
        let (line, next) = line_at(at)?;
        at = next;
        if line.is_empty() {
            return Ok((sizes, data, trailers, at));
        }
        let separator: &[u8] = if tight { b":" } else { b": " };
        let colon = line
            .windows(separator.len())
            .position(|w| w == separator)
            .ok_or(format!(
                "trailer line {:?} without {:?}",
                crate::esc(line),
                crate::esc(separator)
            ))?;
        let value = &line[colon + separator.len()..];
        trailers.push((line[..colon].to_vec(), value.to_vec()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_a_bare_get() {
        let d = Desc::parse(&[]);
        let StartDesc::Request(line) = d.start else {
            panic!()
        };
        assert_eq!(line.method, b"GET");
        assert_eq!(line.target, b"/");
        assert_eq!(line.version, Version::Http10);
        assert!(d.fields.is_empty() && d.pieces.is_empty() && d.trailers.is_empty());
        assert_eq!(d.body, Body::AsFields);
        // An HTTP/1.0 request without Host: refused by default (a user
        // agent sends Host, RFC 9110 section 7.2), taken with the option.
        assert!(!must_accept_head(&d));
        let d = Desc::parse(&[F_VERBATIM]);
        assert!(d.options().http10_without_host);
        assert!(must_accept_head(&d));
    }

    #[test]
    fn reads_a_post_with_pieces() {
        // flags, small, no split; POST, "/a?b=c", 1.1; two fields: Host
        // (pair 0) and raw name "Xy" with value pick 3 ("5"); Length(5);
        // two pieces "he" and "llo"; one trailer X-T: 1 (pair 37).
        let input = [
            0, 0, 0, 1, 1, 1, 2, 0, 0x80, 0xC2, b'X', b'y', 3, 2, 5, 2, 2, b'h', b'e', 3, b'l',
            b'l', b'o', 1, 37,
        ];
        let d = Desc::parse(&input);
        let StartDesc::Request(line) = d.start else {
            panic!()
        };
        assert_eq!((line.method, line.target), (&b"POST"[..], &b"/a?b=c"[..]));
        assert_eq!(line.version, Version::Http11);
        assert_eq!(d.fields.len(), 2);
        assert_eq!(
            (d.fields[1].name, d.fields[1].value),
            (&b"Xy"[..], &b"5"[..])
        );
        assert_eq!(d.body, Body::Length(5));
        assert_eq!(d.pieces, vec![b"he".to_vec(), b"llo".to_vec()]);
        assert_eq!(d.trailers, vec![Field::new("X-T", "1")]);
        assert!(must_accept_head(&d));
        // Where the input ends, a piece is padded to its length.
        let d = Desc::parse(&input[..21]);
        assert_eq!(d.pieces, vec![b"he".to_vec(), b"lbc".to_vec()]);
    }

    #[test]
    fn codings_split_outside_quotes() {
        assert_eq!(
            coding_names(b"gzip, chunked"),
            vec![&b"gzip"[..], b"chunked"]
        );
        assert_eq!(coding_names(b" , ,chunked ,"), vec![&b"chunked"[..]]);
        assert_eq!(coding_names(b"foo;p=\"a, chunked\""), vec![&b"foo"[..]]);
        assert_eq!(
            coding_names(b"foo ; p = \"a,\\\"b\" ; q=t, chunked"),
            vec![&b"foo"[..], b"chunked"]
        );
        assert!(coding_names(b"").is_empty());
    }

    #[test]
    fn reads_chunks_and_trailers() {
        let wire = b"5\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-T: 1\r\n\r\nNEXT";
        let (sizes, data, trailers, len) = read_chunked(wire, false).unwrap();
        assert_eq!(sizes, vec![5, 26]);
        assert_eq!(data.len(), 31);
        assert_eq!(trailers, vec![(b"X-T".to_vec(), b"1".to_vec())]);
        assert_eq!(&wire[len..], b"NEXT");
        assert!(read_chunked(b"05\r\nhello\r\n0\r\n\r\n", false).is_err());
        assert!(read_chunked(b"5\r\nhello0\r\n\r\n", false).is_err());
    }
}
