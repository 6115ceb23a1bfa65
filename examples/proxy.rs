//! A forwarding HTTP/1.1 proxy (a gateway in front of one upstream), on
//! `std::net`: h1wire's server connection toward the client, its client
//! connection toward the upstream, both directions decoded and re-encoded.
//!
//! ```text
//! cargo run --release --example proxy -- --listen 127.0.0.1:8081 --upstream 127.0.0.1:8080
//! ```
//!
//! This is where a strict codec matters most: a request the strict
//! decoder refuses (Content-Length with Transfer-Encoding, an obfuscated
//! Transfer-Encoding, two Hosts...) is answered with the error's status
//! hint and never reaches the upstream, so the two cannot disagree on where
//! it ends. Each head is forwarded only once it is whole and checked.
//!
//! - Hop-by-hop fields (RFC 9110 section 7.6.1) are not forwarded:
//!   Connection and every field it names, Keep-Alive, Proxy-Connection,
//!   TE, Transfer-Encoding, Trailer, Upgrade (no upgrades or tunnels
//!   through this proxy: CONNECT is answered 501), and the body is
//!   re-framed by the encoders (Content-Length kept, chunked re-chunked).
//!   A `Via: 1.1 h1wire` is added both ways.
//! - `Expect: 100-continue` is answered by the proxy, which then reads the
//!   body and forwards the request without the expectation.
//! - Body pieces go from the read buffer to the other socket as they
//!   arrive, with the framing around them: every piece a read brought
//!   (`decode_body`, up to 64 chunks) in one vectored write, after the
//!   response's head when it is still to go (a small response is one
//!   write).
//! - One upstream connection per client connection, kept alive while the
//!   upstream keeps it open; an upstream that fails gives 502.
//! - One log line per request (client, method, target, status).

use std::io::{self, ErrorKind, IoSlice, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use h1wire::{
    client, server, Body, BodyFrame, ConnState, ConnStatus, ConnectionConfig, Event, Field,
    Framing, MethodKind, RequestLine, StatusLine, Version,
};

#[path = "access_log/mod.rs"]
mod access_log;
use access_log::Log;

const READ: usize = 64 << 10;
const MAX_CONNECTIONS: usize = 256;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut listen, mut upstream) = ("127.0.0.1:8081".to_string(), None);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--listen", Some(v)) => listen = v,
            ("--upstream", Some(v)) => upstream = Some(v),
            _ => usage(&format!("unexpected {arg}")),
        }
    }
    let upstream = Arc::new(upstream.unwrap_or_else(|| usage("--upstream is required")));
    let listener = TcpListener::bind(&listen).unwrap_or_else(|e| {
        eprintln!("proxy: cannot listen on {listen}: {e}");
        std::process::exit(1);
    });
    let local = listener
        .local_addr()
        .expect("a bound socket has an address");
    println!("proxying http://{local}/ to http://{upstream}/");
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            continue; // dropped: closes
        }
        let (upstream, active) = (Arc::clone(&upstream), Arc::clone(&active));
        std::thread::spawn(move || {
            let peer = stream.peer_addr().map_or("-".into(), |p| p.to_string());
            let mut proxy = Proxy::new(stream, &upstream, peer);
            if let Err(e) = proxy.run() {
                if !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) {
                    eprintln!("proxy: {e}");
                }
            }
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn usage(message: &str) -> ! {
    eprintln!("proxy: {message}");
    eprintln!("usage: proxy [--listen HOST:PORT] --upstream HOST:PORT");
    std::process::exit(2);
}

/// A socket with its read buffer: `buf[start..end]` is read and not yet
/// consumed by the decoder.
struct Side {
    stream: TcpStream,
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl Side {
    fn new(stream: TcpStream) -> io::Result<Self> {
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        stream.set_nodelay(true)?;
        Ok(Side {
            stream,
            buf: vec![0; h1wire::Limits::default().buffer_len().max(READ)],
            start: 0,
            end: 0,
        })
    }

    fn pending(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Read more; false when the peer closed.
    fn fill(&mut self) -> io::Result<bool> {
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        let n = self.stream.read(&mut self.buf[self.end..])?;
        self.end += n;
        Ok(n > 0)
    }
}

/// Body pieces read in one call (`decode_body`) and forwarded in one
/// vectored write.
const PIECES: usize = 64;

/// Write `due` (bytes already encoded: the head these pieces follow, say)
/// and then body `pieces`, each between the framing bytes `frame` gives
/// for its length (`before`, piece, `after`), in as few writes as the
/// socket takes: a head and a buffer of small chunks go out in one system
/// call, not one per chunk.
fn write_pieces(
    stream: &mut TcpStream,
    due: &[u8],
    pieces: &[&[u8]],
    mut frame: impl FnMut(usize) -> io::Result<BodyFrame>,
) -> io::Result<()> {
    let frames = pieces
        .iter()
        .map(|piece| frame(piece.len()))
        .collect::<io::Result<Vec<_>>>()?;
    let mut slices = Vec::with_capacity(1 + pieces.len() * 3);
    if !due.is_empty() {
        slices.push(IoSlice::new(due));
    }
    for (frame, piece) in frames.iter().zip(pieces) {
        for part in [frame.before(), piece, frame.after()] {
            if !part.is_empty() {
                slices.push(IoSlice::new(part));
            }
        }
    }
    let mut slices = &mut slices[..];
    while !slices.is_empty() {
        let n = stream.write_vectored(slices)?;
        if n == 0 {
            return Err(io::Error::new(ErrorKind::WriteZero, "socket closed"));
        }
        IoSlice::advance_slices(&mut slices, n);
    }
    Ok(())
}

/// An owned head, kept from its events until it is whole: its parts
/// copied into one buffer, which the next head on the connection reuses.
#[derive(Default)]
struct OwnedHead {
    bytes: Vec<u8>,
    method: Range<usize>,
    target: Range<usize>,
    status: u16,
    reason: Range<usize>,
    fields: Vec<(Range<usize>, Range<usize>)>,
}

impl OwnedHead {
    /// Start over with a request line.
    fn request(&mut self, line: &RequestLine<'_>) {
        self.clear();
        self.method = self.keep(line.method);
        self.target = self.keep(line.target);
    }

    /// Start over with a status line.
    fn response(&mut self, line: &StatusLine<'_>) {
        self.clear();
        self.status = line.status;
        self.reason = self.keep(line.reason);
    }

    fn field(&mut self, name: &[u8], value: &[u8]) {
        let field = (self.keep(name), self.keep(value));
        self.fields.push(field);
    }

    fn clear(&mut self) {
        *self = OwnedHead {
            bytes: std::mem::take(&mut self.bytes),
            fields: std::mem::take(&mut self.fields),
            ..OwnedHead::default()
        };
        self.bytes.clear();
        self.fields.clear();
    }

    /// Copy `part` in; where it is.
    fn keep(&mut self, part: &[u8]) -> Range<usize> {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(part);
        start..self.bytes.len()
    }

    fn part(&self, at: &Range<usize>) -> &[u8] {
        self.bytes.get(at.clone()).unwrap_or_default()
    }

    fn method(&self) -> &[u8] {
        self.part(&self.method)
    }

    fn target(&self) -> &[u8] {
        self.part(&self.target)
    }

    fn reason(&self) -> &[u8] {
        self.part(&self.reason)
    }

    /// The fields, names and values, in order.
    fn fields(&self) -> impl Iterator<Item = (&[u8], &[u8])> + Clone {
        self.fields
            .iter()
            .map(|(name, value)| (self.part(name), self.part(value)))
    }

    /// The fields to forward: all but the hop-by-hop ones, and framing
    /// left to the encoder except a Content-Length it may keep.
    fn forwarded(&self, keep_length: bool) -> Vec<Field<'_>> {
        // The names the Connection fields list, as they are written.
        let connection_names = || {
            self.fields()
                .filter(|(n, _)| n.eq_ignore_ascii_case(b"connection"))
                .flat_map(|(_, v)| v.split(|&b| b == b','))
                .map(|token| token.trim_ascii())
                .filter(|token| !token.is_empty())
        };
        // (Expect too: the proxy answers 100-continue itself.)
        const HOP_BY_HOP: [&[u8]; 8] = [
            b"connection",
            b"keep-alive",
            b"proxy-connection",
            b"te",
            b"transfer-encoding",
            b"trailer",
            b"upgrade",
            b"expect",
        ];
        let mut fields: Vec<Field<'_>> = self
            .fields()
            .filter(|(name, _)| {
                let is = |other: &[u8]| name.eq_ignore_ascii_case(other);
                !HOP_BY_HOP.iter().any(|hop| is(hop))
                    && !connection_names().any(is)
                    && (keep_length || !is(b"content-length"))
            })
            .map(|(name, value)| Field { name, value })
            .collect();
        // Via (RFC 9110 section 7.6.3): the hops before (kept above), then
        // this one, as a field line of its own (the same list).
        fields.push(Field::new("Via", "1.1 h1wire"));
        fields
    }
}

struct Proxy<'u> {
    client: Side,
    downstream: server::Connection,
    upstream_addr: &'u str,
    upstream: Option<(Side, client::Connection)>,
    /// The response being relayed (its buffers kept from one to the next).
    response: OwnedHead,
    log: Log,
}

impl<'u> Proxy<'u> {
    fn new(stream: TcpStream, upstream_addr: &'u str, peer: String) -> Self {
        let client = Side::new(stream).expect("socket options");
        Proxy {
            client,
            downstream: server::Connection::new(ConnectionConfig::default()),
            upstream_addr,
            upstream: None,
            response: OwnedHead::default(),
            log: Log::new(peer),
        }
    }

    fn run(&mut self) -> io::Result<()> {
        let mut request = OwnedHead::default();
        let mut out = Vec::new();
        loop {
            // Events one call each, body data a buffer's worth at a time.
            let mut pieces = [&b""[..]; PIECES];
            let read = match self
                .downstream
                .decode_body(self.client.pending(), &mut pieces)
            {
                Ok(read) => read,
                Err(error) => {
                    // Refused here: nothing of it went upstream.
                    let status = error.status_hint();
                    self.log(&request, status);
                    let body = format!("{error}\n");
                    self.respond_here(status, body.as_bytes(), &mut out)?;
                    return Ok(());
                }
            };
            if let (false, Some((up, conn))) = (read.pieces.is_empty(), self.upstream.as_mut()) {
                write_pieces(&mut up.stream, &[], read.pieces, |len| {
                    conn.body(len).map_err(io::Error::other)
                })?;
            }
            let consumed = read.consumed;
            let Some(status) = read.then else {
                // The array filled: more pieces follow.
                self.client.start += consumed;
                continue;
            };
            match status {
                ConnStatus::Event(Event::Request(line)) => {
                    request.request(&line);
                    self.client.start += consumed;
                }
                ConnStatus::Event(Event::Header(field)) => {
                    request.field(field.name, field.value);
                    self.client.start += consumed;
                }
                ConnStatus::Event(Event::HeadEnd(end)) => {
                    self.client.start += consumed;
                    if self.downstream.expects_continue() {
                        let line = StatusLine::new(Version::Http11, 100, "Continue");
                        out.clear();
                        self.downstream
                            .response_into(&line, &[], Body::AsFields, &mut out)
                            .and_then(|_| self.downstream.end_into(&[], &mut out))
                            .map_err(io::Error::other)?;
                        self.client.stream.write_all(&out)?;
                    }
                    if line_method(&request) == MethodKind::Connect {
                        self.respond_here(501, b"no tunnels through this proxy\n", &mut out)?;
                        self.log(&request, 501);
                        continue;
                    }
                    if let Err(e) = self.forward_request(&request, end.framing) {
                        self.log(&request, 502);
                        // Its body, if any, is read and dropped below.
                        self.upstream = None;
                        self.respond_here(502, format!("upstream: {e}\n").as_bytes(), &mut out)?;
                    }
                }
                // Body data comes in `read.pieces`, forwarded above.
                ConnStatus::Event(Event::Body(_)) => self.client.start += consumed,
                ConnStatus::Event(Event::Trailer(_)) => self.client.start += consumed,
                ConnStatus::Event(Event::MessageEnd) => {
                    self.client.start += consumed;
                    if self.downstream.in_flight() > 0 && self.upstream.is_some() {
                        let status = self.relay_response(&mut out)?;
                        self.log(&request, status);
                    }
                }
                ConnStatus::Event(Event::Response(_)) => self.client.start += consumed,
                ConnStatus::NeedMore => {
                    self.client.start += consumed;
                    if self.downstream.state() == ConnState::Closed {
                        return Ok(());
                    }
                    if !self.client.fill()? {
                        let _ = self.downstream.finish();
                        return Ok(());
                    }
                }
                ConnStatus::Paused | ConnStatus::Switched | ConnStatus::Done { .. } => {
                    return Ok(());
                }
            }
        }
    }

    /// Write the request head upstream (connecting if needed).
    fn forward_request(&mut self, request: &OwnedHead, framing: Framing) -> io::Result<()> {
        let reusable = matches!(&self.upstream, Some((_, c)) if c.state() == ConnState::Open);
        if !reusable {
            let stream = TcpStream::connect(self.upstream_addr)?;
            self.upstream = Some((
                Side::new(stream)?,
                client::Connection::new(ConnectionConfig::default()),
            ));
        }
        let (up, conn) = self.upstream.as_mut().expect("connected");
        // An absolute-form target becomes origin-form for the origin.
        let target = origin_form(request.target());
        let line = RequestLine {
            method: request.method(),
            target,
            version: Version::Http11,
        };
        let body = match framing {
            Framing::Length(n) => Body::Length(n),
            Framing::Chunked => Body::Chunked,
            _ => Body::Empty,
        };
        let fields = request.forwarded(false);
        let mut head = Vec::new();
        conn.request_into(&line, &fields, body, &mut head)
            .map_err(io::Error::other)?;
        up.stream.write_all(&head)
    }

    /// Read the upstream's response and write it to the client; its status.
    /// The head waits in `out` for the body's first pieces (or its end), so
    /// that a small response reaches the client in one write; it goes
    /// alone only when the upstream makes the proxy wait.
    fn relay_response(&mut self, out: &mut Vec<u8>) -> io::Result<u16> {
        out.clear();
        let (up, conn) = self.upstream.as_mut().expect("a request went upstream");
        let mut end = Vec::new();
        conn.end_into(&[], &mut end).map_err(io::Error::other)?;
        up.stream.write_all(&end)?;
        let response = &mut self.response;
        let mut final_status = 0;
        loop {
            let mut pieces = [&b""[..]; PIECES];
            let read = match conn.decode_body(up.pending(), &mut pieces) {
                Ok(read) => read,
                Err(e) if final_status == 0 => {
                    self.upstream = None;
                    self.respond_here(502, format!("upstream: {e}\n").as_bytes(), out)?;
                    return Ok(502);
                }
                Err(e) => return Err(io::Error::other(e)), // mid-body: cut
            };
            if !read.pieces.is_empty() {
                let downstream = &mut self.downstream;
                write_pieces(&mut self.client.stream, out, read.pieces, |len| {
                    downstream.body(len).map_err(io::Error::other)
                })?;
                out.clear();
            }
            let consumed = read.consumed;
            let Some(status) = read.then else {
                // The array filled: more pieces follow.
                up.start += consumed;
                continue;
            };
            match status {
                ConnStatus::Event(Event::Response(line)) => response.response(&line),
                ConnStatus::Event(Event::Header(field)) => response.field(field.name, field.value),
                ConnStatus::Event(Event::HeadEnd(head)) => {
                    let interim = (100..200).contains(&response.status);
                    if response.status == 101 || (interim && response.status == 100) {
                        // No upgrades here; the proxy sent its own 100.
                        up.start += consumed;
                        continue;
                    }
                    let body = match head.framing {
                        Framing::Length(_) | Framing::None => Body::AsFields,
                        Framing::Chunked | Framing::Close => Body::Streamed,
                        Framing::Upgrade => Body::Empty,
                    };
                    let keep_length = matches!(head.framing, Framing::Length(_) | Framing::None);
                    let fields = response.forwarded(keep_length);
                    let line = StatusLine {
                        version: Version::Http11,
                        status: response.status,
                        reason: response.reason(),
                    };
                    self.downstream
                        .response_into(&line, &fields, body, out)
                        .map_err(io::Error::other)?;
                    if interim {
                        // A whole message: it goes now.
                        self.downstream
                            .end_into(&[], out)
                            .map_err(io::Error::other)?;
                        self.client.stream.write_all(out)?;
                        out.clear();
                    } else {
                        final_status = response.status;
                    }
                }
                // Body data comes in `read.pieces`, forwarded above.
                ConnStatus::Event(Event::Body(_) | Event::Trailer(_) | Event::Request(_)) => {}
                ConnStatus::Event(Event::MessageEnd) => {
                    up.start += consumed;
                    if final_status == 0 {
                        continue; // an interim response ended
                    }
                    self.downstream
                        .end_into(&[], out)
                        .map_err(io::Error::other)?;
                    self.client.stream.write_all(out)?;
                    out.clear();
                    if conn.state() != ConnState::Open {
                        self.upstream = None;
                    }
                    return Ok(final_status);
                }
                ConnStatus::NeedMore => {
                    up.start += consumed;
                    // What is due goes before the proxy waits.
                    self.client.stream.write_all(out)?;
                    out.clear();
                    if !up.fill()? {
                        // The upstream closed: a close-delimited body ends.
                        match conn.finish() {
                            Ok(Some(_)) if final_status != 0 => {
                                self.downstream
                                    .end_into(&[], out)
                                    .map_err(io::Error::other)?;
                                self.client.stream.write_all(out)?;
                                self.upstream = None;
                                return Ok(final_status);
                            }
                            _ if final_status == 0 => {
                                self.upstream = None;
                                self.respond_here(502, b"upstream closed\n", out)?;
                                return Ok(502);
                            }
                            _ => return Err(io::Error::other("upstream closed mid-body")),
                        }
                    }
                    continue;
                }
                ConnStatus::Paused | ConnStatus::Switched | ConnStatus::Done { .. } => {
                    return Err(io::Error::other("upstream connection stopped"));
                }
            }
            up.start += consumed;
        }
    }

    /// A response made here (an error, a refusal): written at once.
    fn respond_here(&mut self, status: u16, body: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        let reason = match status {
            400 => "Bad Request",
            501 => "Not Implemented",
            502 => "Bad Gateway",
            _ => "",
        };
        let line = StatusLine::new(Version::Http11, status, reason);
        let fields = [
            Field::new("Content-Type", "text/plain"),
            Field::new("Via", "1.1 h1wire"),
        ];
        let head = self
            .downstream
            .answering()
            .is_some_and(|a| a.method == MethodKind::Head);
        out.clear();
        let written = self
            .downstream
            .response_into(&line, &fields, Body::Length(body.len() as u64), out)
            .and_then(|_| {
                if head {
                    Ok(())
                } else {
                    self.downstream.body_into(body, out)
                }
            })
            .and_then(|_| self.downstream.end_into(&[], out).map(|_| ()));
        if written.is_ok() {
            self.client.stream.write_all(out)?;
        }
        Ok(())
    }

    fn log(&mut self, request: &OwnedHead, status: u16) {
        self.log.line(format_args!(
            "{} {} {status}",
            String::from_utf8_lossy(request.method()),
            String::from_utf8_lossy(request.target())
        ));
    }
}

fn line_method(request: &OwnedHead) -> MethodKind {
    MethodKind::of(request.method())
}

/// The path and query of an absolute-form target; others as they are.
fn origin_form(target: &[u8]) -> &[u8] {
    let Some(at) = target.windows(3).position(|w| w == b"://") else {
        return target;
    };
    let rest = &target[at + 3..];
    match rest.iter().position(|&b| b == b'/' || b == b'?') {
        Some(i) if rest[i] == b'/' => &rest[i..],
        _ => b"/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_targets_become_origin_form() {
        assert_eq!(origin_form(b"http://h:80/a?b"), b"/a?b");
        assert_eq!(origin_form(b"http://h"), b"/");
        assert_eq!(origin_form(b"http://h?q"), b"/");
        assert_eq!(origin_form(b"/x"), b"/x");
    }

    #[test]
    fn hop_by_hop_fields_stay_behind() {
        let mut head = OwnedHead::default();
        for (name, value) in [
            ("Host", "a"),
            ("Connection", "keep-alive, X-Secret"),
            ("X-Secret", "1"),
            ("Keep-Alive", "timeout=5"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Length", "5"),
            ("Upgrade", "websocket"),
            ("Accept", "*/*"),
            ("Via", "1.0 other"),
        ] {
            head.field(name.as_bytes(), value.as_bytes());
        }
        let names = |fields: Vec<Field<'_>>| -> Vec<String> {
            fields
                .iter()
                .map(|f| String::from_utf8_lossy(f.name).into_owned())
                .collect()
        };
        assert_eq!(
            names(head.forwarded(false)),
            ["Host", "Accept", "Via", "Via"]
        );
        assert_eq!(
            names(head.forwarded(true)),
            ["Host", "Content-Length", "Accept", "Via", "Via"]
        );
    }
}
