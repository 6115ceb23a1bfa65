//! A test-only request writer: a described request ([`Req`]) turned into
//! bytes, and the events decoding them must give back. The proptest
//! generators of such requests are in [`super::gen`].

use h1wire::{Framing, Version};

use super::Ev;

/// One field line: `name ":" ows_before value ows_after CRLF`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLine {
    pub name: Vec<u8>,
    /// The value as the decoder must deliver it (no OWS at either end).
    pub value: Vec<u8>,
    pub ows_before: Vec<u8>,
    pub ows_after: Vec<u8>,
}

impl FieldLine {
    pub fn new(name: &str, value: &str) -> Self {
        FieldLine {
            name: name.as_bytes().to_vec(),
            value: value.as_bytes().to_vec(),
            ows_before: b" ".to_vec(),
            ows_after: Vec::new(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.name);
        out.push(b':');
        out.extend_from_slice(&self.ows_before);
        out.extend_from_slice(&self.value);
        out.extend_from_slice(&self.ows_after);
        out.extend_from_slice(b"\r\n");
    }
}

/// The value of a chunk extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtValue {
    None,
    Token(Vec<u8>),
    /// The unescaped content; the writer escapes `"` and `\`.
    Quoted(Vec<u8>),
}

/// `BWS ";" BWS name [ BWS "=" BWS value ]`; `bws` are the four BWS in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkExt {
    pub name: Vec<u8>,
    pub value: ExtValue,
    pub bws: [Vec<u8>; 4],
}

impl ChunkExt {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bws[0]);
        out.push(b';');
        out.extend_from_slice(&self.bws[1]);
        out.extend_from_slice(&self.name);
        let value = match &self.value {
            ExtValue::None => return,
            ExtValue::Token(token) => token.clone(),
            ExtValue::Quoted(text) => {
                let mut q = vec![b'"'];
                for &b in text {
                    if b == b'"' || b == b'\\' {
                        q.push(b'\\');
                    }
                    q.push(b);
                }
                q.push(b'"');
                q
            }
        };
        out.extend_from_slice(&self.bws[2]);
        out.push(b'=');
        out.extend_from_slice(&self.bws[3]);
        out.extend_from_slice(&value);
    }
}

/// One chunk: its size as written (any hex case, leading zeros), its
/// extensions, its data (empty for the last chunk).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub size: String,
    pub extensions: Vec<ChunkExt>,
    pub data: Vec<u8>,
}

impl Chunk {
    /// A chunk of `data` whose size is written in lower-case hex.
    pub fn plain(data: &[u8]) -> Self {
        Chunk {
            size: format!("{:x}", data.len()),
            extensions: Vec::new(),
            data: data.to_vec(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        assert_eq!(
            u64::from_str_radix(&self.size, 16).ok(),
            Some(self.data.len() as u64),
            "chunk size {:?} does not match its data",
            self.size
        );
        out.extend_from_slice(self.size.as_bytes());
        for ext in &self.extensions {
            ext.write(out);
        }
        out.extend_from_slice(b"\r\n");
        if !self.data.is_empty() {
            out.extend_from_slice(&self.data);
            out.extend_from_slice(b"\r\n");
        }
    }
}

/// A request body. The framing field (Content-Length or Transfer-Encoding)
/// is one of the request's `fields`, put there by whoever builds the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    None,
    Length(Vec<u8>),
    Chunked {
        chunks: Vec<Chunk>,
        /// The last chunk: size zero (`0`, `000`...), maybe extensions.
        last: Chunk,
        trailers: Vec<FieldLine>,
    },
}

/// A request to write, and what decoding it must give back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Req {
    /// Send one empty line (CRLF) before the request line.
    pub empty_line_before: bool,
    pub method: Vec<u8>,
    pub target: Vec<u8>,
    pub version: Version,
    pub fields: Vec<FieldLine>,
    pub body: Body,
}

impl Req {
    /// The start line and the field lines up to and including the empty line.
    pub fn write_head(&self, out: &mut Vec<u8>) {
        if self.empty_line_before {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(&self.method);
        out.push(b' ');
        out.extend_from_slice(&self.target);
        out.push(b' ');
        out.extend_from_slice(self.version.as_str().as_bytes());
        out.extend_from_slice(b"\r\n");
        for field in &self.fields {
            field.write(out);
        }
        out.extend_from_slice(b"\r\n");
    }

    /// The whole request.
    pub fn write(&self, out: &mut Vec<u8>) {
        self.write_head(out);
        match &self.body {
            Body::None => {}
            Body::Length(data) => out.extend_from_slice(data),
            Body::Chunked {
                chunks,
                last,
                trailers,
            } => {
                for chunk in chunks {
                    chunk.write(out);
                }
                assert!(last.data.is_empty(), "the last chunk has no data");
                last.write(out);
                for field in trailers {
                    field.write(out);
                }
                out.extend_from_slice(b"\r\n");
            }
        }
    }

    pub fn is_connect(&self) -> bool {
        self.method == b"CONNECT"
    }

    /// The framing the decoder must announce for this request.
    pub fn framing(&self) -> Framing {
        if self.is_connect() {
            return Framing::Upgrade;
        }
        match &self.body {
            Body::None => Framing::None,
            Body::Length(data) => Framing::Length(data.len() as u64),
            Body::Chunked { .. } => Framing::Chunked,
        }
    }

    /// The events of this request, bodies merged into one `Body` event.
    pub fn expected_events(&self) -> Vec<Ev> {
        let mut events = vec![Ev::Request {
            method: self.method.clone(),
            target: self.target.clone(),
            version: self.version,
        }];
        for field in &self.fields {
            events.push(Ev::Header(field.name.clone(), field.value.clone()));
        }
        events.push(Ev::HeadEnd(self.framing()));
        match &self.body {
            Body::None => {}
            Body::Length(data) => {
                if !data.is_empty() {
                    events.push(Ev::Body(data.clone()));
                }
            }
            Body::Chunked {
                chunks, trailers, ..
            } => {
                let data: Vec<u8> = chunks.iter().flat_map(|c| c.data.clone()).collect();
                if !data.is_empty() {
                    events.push(Ev::Body(data));
                }
                for field in trailers {
                    events.push(Ev::Trailer(field.name.clone(), field.value.clone()));
                }
            }
        }
        events.push(Ev::MessageEnd);
        events
    }
}

/// A stream of requests, then (after a CONNECT) the tunnel's bytes.
pub fn write_stream(requests: &[Req], tunnel: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for request in requests {
        request.write(&mut out);
    }
    out.extend_from_slice(tunnel);
    out
}

/// What decoding [`write_stream`]'s output must give (bodies merged): every
/// request's events, and if the last request is a CONNECT, the tunnel bytes.
pub fn expected_stream(requests: &[Req], tunnel: &[u8]) -> Vec<Ev> {
    let mut events: Vec<Ev> = requests.iter().flat_map(Req::expected_events).collect();
    if requests.last().is_some_and(Req::is_connect) {
        events.push(Ev::Upgraded(tunnel.to_vec()));
    } else {
        assert!(tunnel.is_empty(), "tunnel bytes only follow a CONNECT");
    }
    events
}
