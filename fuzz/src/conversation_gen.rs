//! The `conversation` target's input: a connection setup and a list of
//! caller actions, read from the fuzzer's bytes (simply: every byte string
//! is some script, missing bytes read as 0), and small helpers the target
//! compares with (its owned events are the test kit's `Ev`).
//!
//! ```text
//! byte 0      mode: bits 0-1 0 or 1: a client and a server connection
//!             wired together; 2: the server alone (its peer is raw bytes);
//!             3: the client alone. 0x04 server lenient (every Lenient
//!             option), 0x08 client lenient, 0x10 server encoder
//!             ignored_framing_fields, 0x20 client encoder ditto, 0x40
//!             both read through `decode_body` (two pieces per call)
//!             rather than `decode`
//! byte 1      depths: low nibble the server's, high nibble the client's;
//!             0: 16 (the default), 1-14: that many, 15: 32 (MAX_DEPTH)
//! then        actions, each an opcode byte (op = b % 12) and its operands,
//!             until the input ends (at most MAX_ACTIONS)
//! ```
//!
//! | op | action | operands |
//! | --- | --- | --- |
//! | 0 | client writes a request head | `mt` `flags` `nfields` fields `body` [`size`] [data [trailers]] |
//! | 1 | client writes a body piece | `len` data |
//! | 2 | client ends its request | `flags` trailers [`size`] |
//! | 3 | server writes a response head | `st` [2-byte raw status] `flags` [raw reason] `nfields` fields `body` [`size`] [data [trailers]] |
//! | 4 | server writes a body piece | `len` data |
//! | 5 | server ends its response | `flags` trailers [`size`] |
//! | 6 | the server reads (pump) | `chunk`: 0 all that was sent, else at most that many more bytes arrive |
//! | 7 | the client reads (pump) | `chunk` |
//! | 8 | the client closes its side: the server reads to the end of stream | |
//! | 9 | the server closes its side: the client reads to the end | |
//! | 10 | raw bytes injected toward the server | `len` bytes |
//! | 11 | raw bytes injected toward the client | `len` bytes |
//!
//! - `mt`: `mt % (METHOD_TARGETS.len() + 1)` picks a method and target;
//!   the last value reads a raw method (`len % 16`, bytes) and target
//!   (`len % 32`, bytes).
//! - request `flags`: 0x01 HTTP/1.0; 0x02 no `Host` field first (HTTP/1.1;
//!   for HTTP/1.0 the bit adds one); bits 3-4 the API (0, 3: `*_into` a
//!   `Vec`; 1: a slice big enough; 2: a slice of `size` bytes, often too
//!   small); 0x20 the whole message: a body piece (`len % 64`, data) and
//!   the end follow at once; 0x40 with trailers (`count % 3`, fields).
//! - `st`: `st % (STATUSES.len() + 1)` picks a status; the last value
//!   reads a raw big-endian u16.
//! - response `flags`: 0x01 HTTP/1.0; bits 1-2 the reason (0 "OK", 1 "",
//!   2 "Some Reason", 3 raw: `len % 32`, bytes); bits 3-4, 0x20 and 0x40 as
//!   for requests.
//! - fields: `nfields % 5` of them, each `b % (list + 1)` into
//!   REQUEST_FIELDS or RESPONSE_FIELDS, the last value a raw field (name
//!   `len % 16` bytes, value `len % 32` bytes). Trailers likewise from
//!   TRAILERS.
//! - `body`: `b % 8`: 0, 7 AsFields; 1 Empty; 2, 6 Length(b >> 3);
//!   3 Chunked; 4 Streamed; 5 UntilClose.
//! - body piece `len`: bit 7 the slice API (`body(len)` and the frame
//!   around the data) instead of `body_into`; `len & 0x3F` data bytes.
//! - end `flags`: bits 0-1 the trailer count (0-3), bits 2-3 the API as
//!   bits 3-4 of a head's flags.

use h1wire::{Body, Field, RequestLine, StatusLine, Version};

/// The most actions one input holds.
pub const MAX_ACTIONS: usize = 256;

pub const METHOD_TARGETS: &[(&str, &str)] = &[
    ("GET", "/"),
    ("POST", "/a?b"),
    ("HEAD", "/"),
    ("CONNECT", "example.com:443"),
    ("OPTIONS", "*"),
    ("GET", "http://example.com/"),
    ("PUT", "/up"),
    ("DELETE", "/x"),
    // Targets that do not fit their method.
    ("GET", "example.com:443"),
    ("CONNECT", "/"),
];

pub const REQUEST_FIELDS: &[(&str, &str)] = &[
    ("Connection", "close"),
    ("Connection", "keep-alive"),
    ("Connection", "upgrade"),
    ("Connection", "Upgrade, close"),
    ("Connection", "keep-alive, upgrade"),
    ("Upgrade", "websocket"),
    ("Upgrade", "h2c"),
    ("Expect", "100-continue"),
    ("Content-Length", "3"),
    ("Content-Length", "0"),
    ("Transfer-Encoding", "chunked"),
    ("Transfer-Encoding", "gzip, chunked"),
    ("Accept", "*/*"),
    ("Trailer", "X-T"),
    ("Host", "other.example"),
];

pub const RESPONSE_FIELDS: &[(&str, &str)] = &[
    ("Connection", "close"),
    ("Connection", "keep-alive"),
    ("Connection", "upgrade"),
    ("Upgrade", "websocket"),
    ("Content-Length", "3"),
    ("Content-Length", "0"),
    ("Transfer-Encoding", "chunked"),
    ("Server", "fuzz"),
    ("Content-Type", "text/plain"),
    ("Keep-Alive", "timeout=5"),
];

pub const TRAILERS: &[(&str, &str)] = &[
    ("X-T", "1"),
    ("Digest", "sha-256=abc"),
    ("Content-Length", "1"),
    ("Host", "a"),
];

pub const STATUSES: &[u16] = &[
    100, 101, 103, 200, 200, 201, 204, 206, 304, 400, 404, 407, 417, 500, 599, 999, 99, 1000, 0,
];

/// How a call writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Api {
    /// `*_into` a `Vec<u8>`.
    Vec,
    /// Into a slice that is large enough.
    Slice,
    /// Into a slice of this many bytes (then, on `BufferTooSmall`, into
    /// one of the size it requires).
    Small(usize),
}

/// The `Body` choice, as owned data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyChoice {
    AsFields,
    Empty,
    Length(u64),
    Chunked,
    Streamed,
    UntilClose,
}

impl BodyChoice {
    pub fn body(self) -> Body {
        match self {
            BodyChoice::AsFields => Body::AsFields,
            BodyChoice::Empty => Body::Empty,
            BodyChoice::Length(n) => Body::Length(n),
            BodyChoice::Chunked => Body::Chunked,
            BodyChoice::Streamed => Body::Streamed,
            BodyChoice::UntilClose => Body::UntilClose,
        }
    }
}

/// A field: from a list (known, `raw` false) or raw bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct OwnedField {
    pub name: Vec<u8>,
    pub value: Vec<u8>,
    pub raw: bool,
}

impl OwnedField {
    fn listed((name, value): (&str, &str)) -> Self {
        OwnedField {
            name: name.as_bytes().to_vec(),
            value: value.as_bytes().to_vec(),
            raw: false,
        }
    }

    pub fn field(&self) -> Field<'_> {
        Field {
            name: &self.name,
            value: &self.value,
        }
    }
}

impl core::fmt::Debug for OwnedField {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let raw = if self.raw { "raw " } else { "" };
        write!(
            f,
            "{raw}\"{}: {}\"",
            crate::esc(&self.name),
            crate::esc(&self.value)
        )
    }
}

pub fn fields_of(owned: &[OwnedField]) -> Vec<Field<'_>> {
    owned.iter().map(OwnedField::field).collect()
}

/// The body piece and end that follow a head at once.
#[derive(Clone, PartialEq, Eq)]
pub struct Whole {
    pub data: Vec<u8>,
    pub trailers: Vec<OwnedField>,
}

impl core::fmt::Debug for Whole {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "data \"{}\", end, trailers {:?}",
            crate::esc(&self.data),
            self.trailers
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestDesc {
    pub method: Vec<u8>,
    pub target: Vec<u8>,
    pub version: Version,
    pub fields: Vec<OwnedField>,
    pub body: BodyChoice,
    pub api: Api,
    pub whole: Option<Whole>,
    /// Anything raw in the head (method, target, a field).
    pub raw: bool,
}

impl RequestDesc {
    pub fn line(&self) -> RequestLine<'_> {
        RequestLine {
            method: &self.method,
            target: &self.target,
            version: self.version,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseDesc {
    pub status: u16,
    pub reason: Vec<u8>,
    pub version: Version,
    pub fields: Vec<OwnedField>,
    pub body: BodyChoice,
    pub api: Api,
    pub whole: Option<Whole>,
    pub raw: bool,
}

impl ResponseDesc {
    pub fn line(&self) -> StatusLine<'_> {
        StatusLine {
            version: self.version,
            status: self.status,
            reason: &self.reason,
        }
    }
}

/// Which connection an action is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Client,
    Server,
}

#[derive(Clone, PartialEq, Eq)]
pub enum Action {
    Request(RequestDesc),
    Response(ResponseDesc),
    /// A body piece from `side`: the slice API (`body(len)`) or `body_into`.
    Body {
        side: Side,
        data: Vec<u8>,
        slice: bool,
    },
    /// The end of `side`'s message.
    End {
        side: Side,
        trailers: Vec<OwnedField>,
        api: Api,
    },
    /// `side` reads: `chunk` more bytes arrive (all that were sent if
    /// `None`), then it decodes until it needs more or stops.
    Pump {
        side: Side,
        chunk: Option<usize>,
    },
    /// `side`'s peer closes its side: everything sent arrives, `side`
    /// reads it, then the end of stream.
    PeerCloses {
        side: Side,
    },
    /// Raw bytes arrive at `side`, as if its peer sent them.
    Inject {
        side: Side,
        bytes: Vec<u8>,
    },
}

impl core::fmt::Debug for Action {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let e = crate::esc;
        match self {
            Action::Request(d) => write!(
                f,
                "client request \"{} {} {:?}\" fields {:?} body {:?} api {:?}{}{}",
                e(&d.method),
                e(&d.target),
                d.version,
                d.fields,
                d.body,
                d.api,
                if d.whole.is_some() { ", then " } else { "" },
                d.whole
                    .as_ref()
                    .map(|w| format!("{w:?}"))
                    .unwrap_or_default()
            ),
            Action::Response(d) => write!(
                f,
                "server response \"{:?} {} {}\" fields {:?} body {:?} api {:?}{}{}",
                d.version,
                d.status,
                e(&d.reason),
                d.fields,
                d.body,
                d.api,
                if d.whole.is_some() { ", then " } else { "" },
                d.whole
                    .as_ref()
                    .map(|w| format!("{w:?}"))
                    .unwrap_or_default()
            ),
            Action::Body { side, data, slice } => {
                let api = if *slice { "body(len)" } else { "body_into" };
                write!(f, "{side:?} {api} \"{}\"", e(data))
            }
            Action::End {
                side,
                trailers,
                api,
            } => write!(f, "{side:?} end, trailers {trailers:?}, api {api:?}"),
            Action::Pump { side, chunk } => match chunk {
                Some(n) => write!(f, "{side:?} reads ({n} more bytes arrive)"),
                None => write!(f, "{side:?} reads (all that was sent arrives)"),
            },
            Action::PeerCloses { side } => {
                write!(f, "{side:?}'s peer closes; {side:?} reads to the end")
            }
            Action::Inject { side, bytes } => write!(f, "raw bytes to {side:?}: \"{}\"", e(bytes)),
        }
    }
}

/// What runs: both connections or one alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Pair,
    ServerAlone,
    ClientAlone,
}

#[derive(Clone, Debug)]
pub struct Script {
    pub mode: Mode,
    pub server_lenient: bool,
    pub client_lenient: bool,
    pub server_ignored_framing: bool,
    pub client_ignored_framing: bool,
    pub server_depth: usize,
    pub client_depth: usize,
    /// Read through the connections' `decode_body`.
    pub bodies_at_once: bool,
    /// Read heads between messages through the connections' `decode_head`.
    pub heads_at_once: bool,
    pub actions: Vec<Action>,
}

/// Reads bytes, 0 past the end.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.at >= self.data.len()
    }

    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let start = self.at.min(self.data.len());
        let end = (self.at + n).min(self.data.len());
        self.at += n;
        self.data[start..end].to_vec()
    }

    fn sized(&mut self, modulo: usize) -> Vec<u8> {
        let n = self.byte() as usize % modulo;
        self.bytes(n)
    }

    fn fields(&mut self, list: &[(&str, &str)], count: usize) -> Vec<OwnedField> {
        (0..count)
            .map(|_| {
                let i = self.byte() as usize % (list.len() + 1);
                match list.get(i) {
                    Some(&pair) => OwnedField::listed(pair),
                    None => OwnedField {
                        name: self.sized(16),
                        value: self.sized(32),
                        raw: true,
                    },
                }
            })
            .collect()
    }

    fn body(&mut self) -> BodyChoice {
        let b = self.byte();
        match b % 8 {
            1 => BodyChoice::Empty,
            2 | 6 => BodyChoice::Length(u64::from(b >> 3)),
            3 => BodyChoice::Chunked,
            4 => BodyChoice::Streamed,
            5 => BodyChoice::UntilClose,
            _ => BodyChoice::AsFields,
        }
    }

    fn api(&mut self, code: u8) -> Api {
        match code & 3 {
            1 => Api::Slice,
            2 => Api::Small(self.byte() as usize),
            _ => Api::Vec,
        }
    }

    fn whole(&mut self, flags: u8) -> Option<Whole> {
        if flags & 0x20 == 0 {
            return None;
        }
        let data = self.sized(64);
        let trailers = if flags & 0x40 != 0 {
            let n = self.byte() as usize % 3;
            self.fields(TRAILERS, n)
        } else {
            Vec::new()
        };
        Some(Whole { data, trailers })
    }

    fn request(&mut self) -> RequestDesc {
        let mt = self.byte() as usize % (METHOD_TARGETS.len() + 1);
        let (method, target, mut raw) = match METHOD_TARGETS.get(mt) {
            Some((m, t)) => (m.as_bytes().to_vec(), t.as_bytes().to_vec(), false),
            None => (self.sized(16), self.sized(32), true),
        };
        let flags = self.byte();
        let version = if flags & 1 != 0 {
            Version::Http10
        } else {
            Version::Http11
        };
        let host = (version == Version::Http11) == (flags & 2 == 0);
        let n = self.byte() as usize % 5;
        let mut fields = self.fields(REQUEST_FIELDS, n);
        if host {
            fields.insert(0, OwnedField::listed(("Host", "example.com")));
        }
        raw |= fields.iter().any(|f| f.raw);
        let body = self.body();
        let api = self.api(flags >> 3);
        let whole = self.whole(flags);
        RequestDesc {
            method,
            target,
            version,
            fields,
            body,
            api,
            whole,
            raw,
        }
    }

    fn response(&mut self) -> ResponseDesc {
        let st = self.byte() as usize % (STATUSES.len() + 1);
        let mut raw = false;
        let status = match STATUSES.get(st) {
            Some(&s) => s,
            None => {
                raw = true;
                u16::from_be_bytes([self.byte(), self.byte()])
            }
        };
        let flags = self.byte();
        let version = if flags & 1 != 0 {
            Version::Http10
        } else {
            Version::Http11
        };
        let reason = match (flags >> 1) & 3 {
            0 => b"OK".to_vec(),
            1 => Vec::new(),
            2 => b"Some Reason".to_vec(),
            _ => {
                raw = true;
                self.sized(32)
            }
        };
        let n = self.byte() as usize % 5;
        let fields = self.fields(RESPONSE_FIELDS, n);
        raw |= fields.iter().any(|f| f.raw);
        let body = self.body();
        let api = self.api(flags >> 3);
        let whole = self.whole(flags);
        ResponseDesc {
            status,
            reason,
            version,
            fields,
            body,
            api,
            whole,
            raw,
        }
    }

    fn piece(&mut self, side: Side) -> Action {
        let b = self.byte();
        Action::Body {
            side,
            data: self.bytes(usize::from(b & 0x3F)),
            slice: b & 0x80 != 0,
        }
    }

    fn end(&mut self, side: Side) -> Action {
        let flags = self.byte();
        let trailers = self.fields(TRAILERS, usize::from(flags & 3));
        let api = self.api(flags >> 2);
        Action::End {
            side,
            trailers,
            api,
        }
    }

    fn chunk(&mut self) -> Option<usize> {
        match self.byte() {
            0 => None,
            n => Some(usize::from(n)),
        }
    }
}

fn depth(code: u8) -> usize {
    match code & 0x0F {
        0 => 16,
        15 => 32,
        n => usize::from(n),
    }
}

impl Script {
    pub fn parse(data: &[u8]) -> Script {
        let mut r = Reader { data, at: 0 };
        let mode_byte = r.byte();
        let depths = r.byte();
        let mut actions = Vec::new();
        while !r.done() && actions.len() < MAX_ACTIONS {
            let op = r.byte() % 12;
            let action = match op {
                0 => Action::Request(r.request()),
                1 => r.piece(Side::Client),
                2 => r.end(Side::Client),
                3 => Action::Response(r.response()),
                4 => r.piece(Side::Server),
                5 => r.end(Side::Server),
                6 => Action::Pump {
                    side: Side::Server,
                    chunk: r.chunk(),
                },
                7 => Action::Pump {
                    side: Side::Client,
                    chunk: r.chunk(),
                },
                8 => Action::PeerCloses { side: Side::Server },
                9 => Action::PeerCloses { side: Side::Client },
                10 => {
                    let n = usize::from(r.byte());
                    Action::Inject {
                        side: Side::Server,
                        bytes: r.bytes(n),
                    }
                }
                _ => {
                    let n = usize::from(r.byte());
                    Action::Inject {
                        side: Side::Client,
                        bytes: r.bytes(n),
                    }
                }
            };
            actions.push(action);
        }
        Script {
            mode: match mode_byte & 3 {
                2 => Mode::ServerAlone,
                3 => Mode::ClientAlone,
                _ => Mode::Pair,
            },
            server_lenient: mode_byte & 0x04 != 0,
            client_lenient: mode_byte & 0x08 != 0,
            server_ignored_framing: mode_byte & 0x10 != 0,
            client_ignored_framing: mode_byte & 0x20 != 0,
            server_depth: depth(depths),
            client_depth: depth(depths >> 4),
            bodies_at_once: mode_byte & 0x40 != 0,
            heads_at_once: mode_byte & 0x80 != 0,
            actions,
        }
    }
}

/// The request's fields say it offers an upgrade (an Upgrade field and the
/// `upgrade` connection option), for the known fields of the lists.
pub fn offers_upgrade(fields: &[OwnedField]) -> bool {
    let has = |name: &[u8], token: &str| {
        fields.iter().any(|f| {
            f.name.eq_ignore_ascii_case(name)
                && f.value
                    .split(|&b| b == b',')
                    .any(|e| e.trim_ascii().eq_ignore_ascii_case(token.as_bytes()))
        })
    };
    fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"upgrade"))
        && has(b"connection", "upgrade")
}
