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
//!   through this proxy: CONNECT is answered 501 and the connection
//!   closed, as what its client sent after it may be tunnel data as well
//!   as requests; but a 426 keeps the Upgrade that names what the
//!   upstream requires), and the proxy
//!   authentication fields (Proxy-Authorization, Proxy-Authenticate,
//!   Proxy-Authentication-Info: this proxy asks for no credentials, and a
//!   client's are not the upstream's to see); the body is
//!   re-framed by the encoders (Content-Length kept, chunked re-chunked,
//!   the transfer codings before `chunked` kept in front of it). A
//!   `Via: 1.1 h1wire` is added both ways (`1.0` for a message that came
//!   as HTTP/1.0: RFC 9110 section 7.6.3 names the version received).
//! - An absolute-form target goes upstream in origin-form, with its
//!   authority as Host; a request without Host (HTTP/1.0) gets the
//!   upstream's address as Host.
//! - A response head that cannot be relayed as it came is mended where
//!   RFC 9110 and 9112 say how (obs-fold unfolded, framing fields dropped
//!   from a 204 or 1xx, a 205 sent with `Content-Length: 0` however the
//!   upstream framed its empty content, and the upstream connection
//!   dropped if any came; no 1xx for an HTTP/1.0 client) and answered 502
//!   otherwise, as is a run of more than 16 interim responses.
//! - `Expect: 100-continue` is answered by the proxy once the request head
//!   went upstream (one answered or refused here, or whose upstream cannot
//!   be reached, gets its final status without a 100), which then reads
//!   the body and forwards the request without the expectation.
//! - Body pieces go from the read buffer to the other socket as they
//!   arrive, with the framing around them: every piece a read brought
//!   (`decode_body`, up to 64 chunks) in one vectored write, after the
//!   response's head when it is still to go (a small response is one
//!   write).
//! - An upstream that answers before the request's body is all sent is
//!   heard at once, also while a slow client's next piece is awaited (RFC
//!   9112 section 9.3): a final response that closes the connection (a
//!   413 at the head, say) goes to the client with `Connection: close`,
//!   and the rest of the body is read and dropped; one that keeps the
//!   connection open gets the whole body, and is relayed after it; a head
//!   not whole yet says nothing, and the body goes on. (One direction at
//!   a time: an upstream that streams a long response while it reads the
//!   body, an echo, waits for its reader.)
//! - A closing connection is closed as RFC 9112 section 9.6 asks: the
//!   proxy's side first, then what the client still sends is read and
//!   dropped for up to 5 s, so that a reset does not discard the answer.
//!   But a response the upstream cut short in its body (closed, failed,
//!   silent for `--upstream-timeout`) after its head went on is ended by a
//!   reset: a clean close would end a close-delimited body (an HTTP/1.0
//!   client's) as if whole (RFC 9112 section 8).
//! - To an HTTP/1.0 client that sends an absolute-form target, taking
//!   this for a forward proxy, every answer closes the connection (RFC
//!   9112 section 9.3: a proxy "MUST NOT maintain a persistent connection
//!   with an HTTP/1.0 client"); one that names no authority is answered
//!   as by the origin, keep-alive honoured.
//! - A TRACE or OPTIONS with `Max-Forwards: 0` is answered here (a TRACE
//!   with the request received, its Authorization, Proxy-Authorization
//!   and Cookie fields left out), a higher one goes on one less (RFC 9110
//!   section 7.6.2); a TRACE with content is refused (400). An
//!   absolute-form target of a scheme other than http or https is refused
//!   (400). A request field whose name holds other bytes than letters,
//!   digits and `-` is not forwarded (as nginx does by default: an
//!   upstream mapping `_` to `-` would read `Content_Length` as framing).
//! - A response status past 599 is invalid (RFC 9110 section 15): 502.
//! - One upstream connection per client connection, kept alive while the
//!   upstream keeps it open; an upstream that fails gives 502, one silent
//!   for `--upstream-timeout` seconds (30 by default) before its response
//!   gives 504 (RFC 9110 section 15.6.5), as does one that takes as long
//!   to accept the connection or to take more of a request's body. A request that may be sent
//!   twice (GET, HEAD, OPTIONS, TRACE, no body) is sent again on a new
//!   connection once when a kept-alive one turns out closed before
//!   answering.
//! - A client's next request, and each read of its body, may take
//!   `--client-timeout` seconds (30 by default); so may a whole request
//!   head, however slowly its bytes trickle in (nginx's
//!   `client_header_timeout`: a slow peer cannot hold a connection for
//!   ever one byte at a time). Then the connection is closed.
//! - Every final response has a `Date`: the upstream's, or one added here
//!   (RFC 9110 section 6.6.1), as have the proxy's own answers.
//! - One log line per request (client, method, target, status).

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, ErrorKind, IoSlice, Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use h1wire::{
    client, server, Body, BodyFrame, Config, ConnState, ConnStatus, ConnectionConfig, Decoder,
    Event, Field, Framing, HeadStatus, MethodKind, RequestLine, StartLine, StatusLine, Version,
};

#[path = "access_log/mod.rs"]
mod access_log;
#[path = "date/mod.rs"]
mod date;
#[path = "linger/mod.rs"]
mod linger;
#[path = "quiet/mod.rs"]
mod quiet;
use access_log::Log;

const READ: usize = 64 << 10;
/// How long a read from the client, or from the upstream by default, may
/// wait.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a write to the client may wait for it to take more.
const SEND_TIMEOUT: Duration = Duration::from_secs(60);
/// How often the upstream is looked at while a slow client sends a body.
const WATCH_EVERY: Duration = Duration::from_millis(50);
/// How long a closing connection reads on what its client still sends.
const LINGER: Duration = Duration::from_secs(5);
const MAX_CONNECTIONS: usize = 256;
/// Interim (1xx) responses relayed for one request before the proxy
/// gives up on the upstream with a 502: without a bound, an upstream can
/// keep a client reading 1xx heads for ever.
const MAX_INTERIM: usize = 16;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut listen, mut upstream) = ("127.0.0.1:8081".to_string(), None);
    let (mut upstream_timeout, mut client_timeout) = (READ_TIMEOUT, READ_TIMEOUT);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--listen", Some(v)) => listen = v,
            ("--upstream", Some(v)) => upstream = Some(v),
            ("--upstream-timeout", Some(v)) => match v.parse::<u64>() {
                Ok(secs) if secs > 0 => upstream_timeout = Duration::from_secs(secs),
                _ => usage(&format!("--upstream-timeout takes whole seconds, not {v}")),
            },
            ("--client-timeout", Some(v)) => match v.parse::<u64>() {
                Ok(secs) if secs > 0 => client_timeout = Duration::from_secs(secs),
                _ => usage(&format!("--client-timeout takes whole seconds, not {v}")),
            },
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
            let mut proxy = Proxy::new(stream, &upstream, upstream_timeout, client_timeout, peer);
            let ran = proxy.run();
            if let Err(e) = &ran {
                if !is_timeout(e) {
                    eprintln!("proxy: {e}");
                }
            }
            match ran {
                Err(e) if is_cut(&e) => reset_on_close(&proxy.client.stream),
                _ => linger::linger(&proxy.client.stream, LINGER),
            }
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn usage(message: &str) -> ! {
    eprintln!("proxy: {message}");
    eprintln!(
        "usage: proxy [--listen HOST:PORT] --upstream HOST:PORT [--upstream-timeout SECS] [--client-timeout SECS]"
    );
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
    /// `read_timeout` bounds each read, `write_timeout` each write.
    fn new(stream: TcpStream, read_timeout: Duration, write_timeout: Duration) -> io::Result<Self> {
        stream.set_read_timeout(Some(read_timeout))?;
        // A peer that stops taking what it asked for does not hold its
        // thread for ever. (The kernel wakes a blocked write only once
        // half of what the socket holds was sent: a limit well above the
        // time a slow, steady reader takes for that, as nginx's
        // send_timeout.)
        stream.set_write_timeout(Some(write_timeout))?;
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

    /// A kept-alive connection still fit to send a request on: nothing
    /// read and not consumed, and the peer has neither closed it nor sent
    /// anything unasked since (a look without waiting, as nginx gives its
    /// idle upstream connections). Bytes after a complete response were
    /// never asked for: read as the next request's answer, every answer
    /// after it would go to the wrong request (RFC 9112 section 6.3).
    fn is_quiet(&self) -> bool {
        self.pending().is_empty() && self.nothing_new()
    }

    /// The peer has sent nothing that is not read yet, nor closed (a look
    /// without waiting).
    fn nothing_new(&self) -> bool {
        quiet::nothing_new(&self.stream)
    }

    /// Read what has come, without waiting: `None` when nothing has,
    /// else whether the peer is still open (as `fill`).
    fn fill_now(&mut self) -> io::Result<Option<bool>> {
        self.stream.set_nonblocking(true)?;
        let filled = match self.fill() {
            Ok(open) => Ok(Some(open)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(e),
        };
        self.stream.set_nonblocking(false)?;
        filled
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
    /// The start line's version (`None` before one).
    version: Option<Version>,
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
        self.version = Some(line.version);
    }

    /// Start over with a status line.
    fn response(&mut self, line: &StatusLine<'_>) {
        self.clear();
        self.status = line.status;
        self.reason = self.keep(line.reason);
        self.version = Some(line.version);
    }

    /// Keep a field; a folded value (obs-fold, which the decoder reads in
    /// responses and holds with its line breaks) as its pieces joined by
    /// one SP each, which RFC 9112 section 5.2 lets a recipient do before
    /// forwarding, and without which the encoder could not write it.
    fn field(&mut self, field: &Field<'_>) {
        let name = self.keep(field.name);
        let value = if field.is_folded() {
            let start = self.bytes.len();
            for (i, piece) in field.value_pieces().enumerate() {
                if i > 0 {
                    self.bytes.push(b' ');
                }
                self.bytes.extend_from_slice(piece);
            }
            start..self.bytes.len()
        } else {
            self.keep(field.value)
        };
        self.fields.push((name, value));
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

    /// The values of the fields named `name`, in order.
    fn values<'s>(&'s self, name: &'s [u8]) -> impl Iterator<Item = &'s [u8]> {
        self.fields()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }

    /// The fields to forward: all but the hop-by-hop ones, and framing
    /// left to the encoder except a Content-Length it may keep.
    fn forwarded(&self, keep_length: bool) -> Vec<Field<'_>> {
        // The names the Connection fields list, as they are written.
        let connection_names = || {
            self.fields()
                .filter(|(n, _)| n.eq_ignore_ascii_case(b"connection"))
                .flat_map(|(_, v)| list_elements(v))
        };
        // (Expect too: the proxy answers 100-continue itself. And the
        // proxy authentication fields, which are for the nearest proxy
        // (RFC 9110 sections 11.7.1-11.7.3): this one asks for no
        // credentials, so a client's Proxy-Authorization is not for the
        // upstream to read, and an upstream's Proxy-Authenticate asks this
        // proxy, not its client.)
        const HOP_BY_HOP: [&[u8]; 11] = [
            b"connection",
            b"keep-alive",
            b"proxy-connection",
            b"te",
            b"transfer-encoding",
            b"trailer",
            b"upgrade",
            b"expect",
            b"proxy-authorization",
            b"proxy-authenticate",
            b"proxy-authentication-info",
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
        // this one, as a field line of its own (the same list), with the
        // version the message came in (its received-protocol), not the one
        // it goes on in.
        fields.push(match self.version {
            Some(Version::Http10) => Field::new("Via", "1.0 h1wire"),
            _ => Field::new("Via", "1.1 h1wire"),
        });
        fields
    }
}

struct Proxy<'u> {
    client: Side,
    /// How long the client may keep silent (and take for a whole head).
    client_timeout: Duration,
    downstream: server::Connection,
    upstream_addr: &'u str,
    /// How long the upstream may keep silent while a response is due.
    upstream_timeout: Duration,
    upstream: Option<(Side, client::Connection)>,
    /// The request in flight went on a connection an earlier request used.
    upstream_reused: bool,
    /// The response being relayed (its buffers kept from one to the next).
    response: OwnedHead,
    /// Interim responses relayed for the request in flight.
    interims: usize,
    /// The answer to the request in flight closes the connection: the
    /// request came as HTTP/1.0 with an absolute-form target, so its
    /// client takes this for a forward proxy, which "MUST NOT maintain a
    /// persistent connection with an HTTP/1.0 client" (RFC 9112 section
    /// 9.3; Keep-Alive, which old proxies forwarded blindly, is not to be
    /// trusted); or it is a CONNECT, refused here, after which the bytes
    /// its client sent on may be meant for the tunnel as well as be
    /// requests. (To a client that names no authority, the proxy is the
    /// origin, a gateway, and HTTP/1.0 keep-alive holds as with any
    /// server.)
    close_client: bool,
    /// The proxy sent the request in flight its own 100 (Continue).
    continued: bool,
    log: Log,
}

/// How reading a response from the upstream ended, when the client's
/// connection goes on.
enum Relay {
    /// A final response was relayed whole: its status.
    Relayed(u16),
    /// No final response yet (interim ones relayed, if any), to a request
    /// not all sent: it may wait for the rest of the request.
    NotYet,
    /// Nothing of a final response reached the client (1xx ones may
    /// have), so it can still be answered here.
    Failed {
        /// The upstream closed or reset the connection before a byte of
        /// the response came: a kept-alive connection it had closed
        /// while idle, if it was one.
        stale: bool,
        /// The upstream stayed silent past its timeout: 504, not 502.
        timed_out: bool,
        why: String,
    },
}

/// Body data of the request being forwarded, read when the upstream had
/// spoken (kept to send on if it said nothing final) or refused by it.
struct Early {
    held: Vec<u8>,
    refused: Option<io::Error>,
}

impl Early {
    /// The upstream spoke before the body pieces `held` (none: between
    /// two pieces) went.
    fn heard(held: Vec<u8>) -> Self {
        Early {
            held,
            refused: None,
        }
    }

    fn refused(e: io::Error) -> Self {
        Early {
            held: Vec::new(),
            refused: Some(e),
        }
    }
}

/// Where the body of the request being read goes.
enum BodyTo {
    /// Nowhere: the request was answered here, or early by the upstream
    /// (see `Proxy::answer_early`), or has no body; read and dropped.
    Nowhere,
    /// Upstream, piece by piece; `watch`: looking for an early answer
    /// before each piece (until a final one that takes the body came).
    Upstream { watch: bool },
    /// Nowhere: the upstream failed it; answered 502 or 504 once the
    /// client has sent it all.
    Failed(io::Error),
}

/// What an upstream's early head says (see `Proxy::answer_early`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EarlyHead {
    /// Interim responses, and nothing after them yet.
    Interim,
    /// A final response that keeps the connection open.
    TakesBody,
    /// A final response that closes the connection (or switches).
    RefusesBody,
    /// A head begun, nothing before it: nothing said yet.
    Partial,
    /// Nothing readable (closed, timed out, malformed): the relay says.
    Unknown,
}

fn failed(stale: bool, why: impl Display) -> io::Result<Relay> {
    Ok(Relay::Failed {
        stale,
        timed_out: false,
        why: why.to_string(),
    })
}

impl<'u> Proxy<'u> {
    fn new(
        stream: TcpStream,
        upstream_addr: &'u str,
        upstream_timeout: Duration,
        client_timeout: Duration,
        peer: String,
    ) -> Self {
        let client = Side::new(stream, client_timeout, SEND_TIMEOUT).expect("socket options");
        Proxy {
            client,
            client_timeout,
            downstream: server::Connection::new(ConnectionConfig::default()),
            upstream_addr,
            upstream_timeout,
            upstream: None,
            upstream_reused: false,
            response: OwnedHead::default(),
            interims: 0,
            close_client: false,
            continued: false,
            log: Log::new(peer),
        }
    }

    fn run(&mut self) -> io::Result<()> {
        let mut request = OwnedHead::default();
        let mut request_framing = Framing::None;
        // Where the body of the request being read goes.
        let mut body_to = BodyTo::Nowhere;
        let mut out = Vec::new();
        // When the request head being read must be whole, if one is: a
        // head has the client timeout in all, however slowly its bytes
        // trickle in (nginx's client_header_timeout); a body's reads, and
        // the wait between requests, each have it.
        let mut head_deadline: Option<Instant> = None;
        let (mut head_open, mut in_body) = (false, false);
        let mut early = None;
        loop {
            self.answer_early(&mut early, &request, &mut body_to, &mut out)?;
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
            let upstream = match body_to {
                BodyTo::Upstream { watch } => self.upstream.as_mut().map(|up| (up, watch)),
                _ => None,
            };
            if let (false, Some(((up, conn), watch))) = (read.pieces.is_empty(), upstream) {
                // An upstream that has spoken before the body is all sent
                // is heard first (see `answer_early`), these pieces kept.
                if !watch || up.is_quiet() {
                    let sent = write_pieces(&mut up.stream, &[], read.pieces, |len| {
                        conn.body(len).map_err(io::Error::other)
                    });
                    if let Err(e) = sent {
                        early = Some(Early::refused(e));
                    }
                } else {
                    early = Some(Early::heard(read.pieces.concat()));
                }
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
                    head_open = true;
                    self.client.start += consumed;
                }
                ConnStatus::Event(Event::Header(field)) => {
                    request.field(&field);
                    self.client.start += consumed;
                }
                ConnStatus::Event(Event::HeadEnd(end)) => {
                    self.client.start += consumed;
                    (head_open, in_body) = (false, end.framing != Framing::None);
                    head_deadline = None;
                    request_framing = end.framing;
                    self.interims = 0;
                    self.close_client = line_method(&request) == MethodKind::Connect
                        || (request.version == Some(Version::Http10)
                            && split_absolute(request.target()).is_some());
                    // The 100 goes once the request is on its way
                    // upstream: one answered or refused here, or whose
                    // upstream cannot be reached, gets its final status
                    // at once (RFC 9110 section 10.1.1), and no body is
                    // asked for that nobody reads.
                    self.continued = false;
                    // Answered here, or upstream; a body of a request
                    // not forwarded is read and dropped.
                    body_to = BodyTo::Nowhere;
                    if let Some(answer) = answer_here(&request, end.framing) {
                        self.respond_here_as(
                            answer.status,
                            answer.content_type,
                            &answer.body,
                            &mut out,
                        )?;
                        self.log(&request, answer.status);
                        continue;
                    }
                    match self.forward_request(&request, end.framing) {
                        Ok(()) => {
                            body_to = BodyTo::Upstream { watch: true };
                            if self.downstream.expects_continue() {
                                self.continue_client(&mut out)?;
                            }
                        }
                        Err(e) => {
                            let status = self.upstream_failed(e, &mut out)?;
                            self.log(&request, status);
                        }
                    }
                }
                // Body data comes in `read.pieces`, forwarded above.
                ConnStatus::Event(Event::Body(_)) => self.client.start += consumed,
                ConnStatus::Event(Event::Trailer(_)) => self.client.start += consumed,
                ConnStatus::Event(Event::MessageEnd) => {
                    self.client.start += consumed;
                    in_body = false;
                    self.answer_early(&mut early, &request, &mut body_to, &mut out)?;
                    if self.downstream.in_flight() > 0 {
                        let status = match std::mem::replace(&mut body_to, BodyTo::Nowhere) {
                            BodyTo::Failed(e) => self.upstream_failed(e, &mut out)?,
                            BodyTo::Upstream { .. } if self.upstream.is_some() => {
                                self.relay_response(&mut out, &request, request_framing)?
                            }
                            _ => continue,
                        };
                        self.log(&request, status);
                    }
                }
                ConnStatus::Event(Event::Response(_)) => self.client.start += consumed,
                ConnStatus::NeedMore => {
                    self.client.start += consumed;
                    self.answer_early(&mut early, &request, &mut body_to, &mut out)?;
                    if self.downstream.state() == ConnState::Closed {
                        return Ok(());
                    }
                    let mid_head = !in_body && (head_open || !self.client.pending().is_empty());
                    let wait = match (mid_head, head_deadline) {
                        (true, Some(deadline)) => {
                            deadline.saturating_duration_since(Instant::now())
                        }
                        (true, None) => {
                            head_deadline = Some(Instant::now() + self.client_timeout);
                            self.client_timeout
                        }
                        (false, _) => {
                            head_deadline = None;
                            self.client_timeout
                        }
                    };
                    if wait.is_zero() {
                        return Ok(()); // the head took too long
                    }
                    // While a body goes upstream, the upstream is heard
                    // even when the client is slow to send more.
                    let watching = in_body && matches!(body_to, BodyTo::Upstream { watch: true });
                    match self.fill_client(wait, watching)? {
                        Some(true) => {}
                        Some(false) => {
                            let _ = self.downstream.finish();
                            return Ok(());
                        }
                        None => early = Some(Early::heard(Vec::new())),
                    }
                }
                ConnStatus::Paused | ConnStatus::Switched | ConnStatus::Done { .. } => {
                    return Ok(());
                }
            }
        }
    }

    /// Ask the client for the body it held back: a 100 (Continue) of our
    /// own (the upstream's, if it sends one, is dropped).
    fn continue_client(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        let line = StatusLine::new(Version::Http11, 100, "Continue");
        out.clear();
        self.downstream
            .response_into(&line, &[], Body::AsFields, out)
            .and_then(|_| self.downstream.end_into(&[], out))
            .map_err(io::Error::other)?;
        self.client.stream.write_all(out)?;
        self.continued = true;
        Ok(())
    }

    /// Read more from the client, waiting up to `wait`: whether it is
    /// still open, or (`watching` the upstream, which is then looked at
    /// every [`WATCH_EVERY`]) `None` as soon as the upstream has spoken.
    fn fill_client(&mut self, wait: Duration, watching: bool) -> io::Result<Option<bool>> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::Error::new(
                    ErrorKind::TimedOut,
                    "the client kept silent",
                ));
            }
            let slice = if watching {
                left.min(WATCH_EVERY)
            } else {
                left
            };
            self.client.stream.set_read_timeout(Some(slice))?;
            match self.client.fill() {
                Ok(open) => return Ok(Some(open)),
                Err(e) if watching && is_timeout(&e) => {
                    if self
                        .upstream
                        .as_ref()
                        .is_some_and(|(up, _)| !up.nothing_new())
                    {
                        return Ok(None);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Write the request head upstream, on the open connection if there
    /// is one, else on a new one.
    fn forward_request(&mut self, request: &OwnedHead, framing: Framing) -> io::Result<()> {
        // A connection the upstream closed while idle, or wrote to unasked,
        // is dropped here: a request that may not go twice (a POST) is
        // then sent on a new one, not lost on it.
        if matches!(&self.upstream, Some((up, _)) if !up.is_quiet()) {
            self.upstream = None;
        }
        let reusable = matches!(&self.upstream, Some((_, c)) if c.state() == ConnState::Open);
        self.upstream_reused = reusable;
        match self.send_head(request, framing) {
            // Refused at once by a connection the upstream closed while it
            // was idle: a new one for a request that may go twice.
            Err(e) if reusable && is_reset(&e) && may_send_again(request, framing) => {
                self.upstream = None;
                self.upstream_reused = false;
                self.send_head(request, framing)
            }
            sent => sent,
        }
    }

    /// Write the head as the origin is to read it: origin-form, Host
    /// set, hop-by-hop fields dropped.
    fn send_head(&mut self, request: &OwnedHead, framing: Framing) -> io::Result<()> {
        let reusable = matches!(&self.upstream, Some((_, c)) if c.state() == ConnState::Open);
        if !reusable {
            // (Dropped first: a failed connect leaves no stale one behind.)
            self.upstream = None;
            let stream = connect(self.upstream_addr, self.upstream_timeout)?;
            // (An upstream that stops reading a request's body is as
            // silent as one that does not answer.)
            self.upstream = Some((
                Side::new(stream, self.upstream_timeout, self.upstream_timeout)?,
                client::Connection::new(ConnectionConfig::default()),
            ));
        }
        let (up, conn) = self.upstream.as_mut().expect("connected");
        // An absolute-form target becomes origin-form for the origin.
        let target = origin_form(request.method(), request.target());
        let line = RequestLine {
            method: request.method(),
            target: &target,
            version: Version::Http11,
        };
        let received = RequestLine {
            method: request.method(),
            target: request.target(),
            version: request.version.unwrap_or(Version::Http11),
        };
        let host = upstream_host(
            &received,
            request.values(b"host").next(),
            self.upstream_addr,
        );
        let mut fields = vec![Field {
            name: b"Host",
            value: host,
        }];
        // A TRACE or OPTIONS that goes on has one hop fewer to go (RFC 9110
        // section 7.6.2; at zero the proxy answered it).
        let max_forwards = match max_forwards(request) {
            Some(Ok(n)) => Some(n.saturating_sub(1).to_string()),
            _ => None,
        };
        fields.extend(
            request
                .forwarded(false)
                .into_iter()
                // Names of other bytes than letters, digits and `-` stay
                // behind, as nginx drops them by default: an upstream that
                // maps `_` to `-` (CGI's variables do) would read
                // `Content_Length` as the Content-Length this proxy did
                // not frame the body by.
                .filter(|f| {
                    !f.name.eq_ignore_ascii_case(b"host")
                        && f.name
                            .iter()
                            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
                })
                .map(|f| match &max_forwards {
                    Some(n) if f.name_is("max-forwards") => Field {
                        name: f.name,
                        value: n.as_bytes(),
                    },
                    _ => f,
                }),
        );
        let transfer_encoding = match framing {
            Framing::Chunked => rechunked_transfer_encoding(request.values(b"transfer-encoding")),
            _ => None,
        };
        let body = match (framing, &transfer_encoding) {
            (_, Some(codings)) => {
                fields.push(Field {
                    name: b"Transfer-Encoding",
                    value: codings,
                });
                Body::AsFields
            }
            (Framing::Length(n), None) => Body::Length(n),
            (Framing::Chunked, None) => Body::Chunked,
            // No body, and no framing field among the fields: relayed as
            // it came (`Body::Empty` would add `Content-Length: 0` to a
            // bodiless POST).
            _ => Body::AsFields,
        };
        let mut head = Vec::new();
        conn.request_into(&line, &fields, body, &mut head)
            .map_err(io::Error::other)?;
        up.stream.write_all(&head)
    }

    /// Hear an upstream that spoke while the body of `request` was being
    /// sent, or that refused a piece of it. RFC 9112 section 9.3 has a
    /// client watch for a response while it sends a request, and stop
    /// sending the body when one shows that the server does not want it
    /// and is closing the connection: such an answer (a 413 at the head,
    /// say) goes to the client at once and the rest of the body is
    /// dropped. A final response that keeps the connection open takes the
    /// body: it goes on, no longer watched, and the response is relayed
    /// after it. Interim responses alone: relayed, and the body goes on.
    /// Without this, an upstream that answers and stops reading held the
    /// proxy's write until its timeout, and one that answers and closes
    /// had its answer replaced by a 502.
    fn answer_early(
        &mut self,
        early: &mut Option<Early>,
        request: &OwnedHead,
        body_to: &mut BodyTo,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let Some(Early { held, refused }) = early.take() else {
            return Ok(());
        };
        let watching = matches!(body_to, BodyTo::Upstream { watch: true });
        let verdict = match refused {
            None if watching => self.early_head(request),
            _ => EarlyHead::Unknown,
        };
        if matches!(verdict, EarlyHead::TakesBody | EarlyHead::Partial) {
            if verdict == EarlyHead::TakesBody {
                *body_to = BodyTo::Upstream { watch: false };
            }
            match self.send_pieces(&[&held]) {
                Ok(()) => return Ok(()),
                // (Refused after all: its answer is there to relay.)
                Err(e) => {
                    return self.answer_early(&mut Some(Early::refused(e)), request, body_to, out)
                }
            }
        }
        let failure = match self.relay_once(out, false)? {
            Relay::Relayed(status) => {
                self.log(request, status);
                // (Its request is not whole: the connection goes.)
                self.upstream = None;
                *body_to = BodyTo::Nowhere;
                return Ok(());
            }
            Relay::NotYet => match refused {
                None => match self.send_pieces(&[&held]) {
                    Ok(()) => return Ok(()),
                    Err(e) => e,
                },
                Some(e) => e,
            },
            Relay::Failed { timed_out, why, .. } => match refused {
                Some(e) => e,
                None if timed_out => io::Error::new(ErrorKind::TimedOut, why),
                None => io::Error::other(why),
            },
        };
        self.upstream = None;
        *body_to = BodyTo::Failed(failure);
        Ok(())
    }

    /// What the upstream's first unread head says about the request's
    /// body, read ahead (a throwaway decoder; nothing consumed) from what
    /// has come, without waiting: interim responses are looked past.
    fn early_head(&mut self, request: &OwnedHead) -> EarlyHead {
        let Some((up, _)) = self.upstream.as_mut() else {
            return EarlyHead::Unknown;
        };
        // (Closed or failed: the relay says how.)
        let ended = !matches!(up.fill_now(), Ok(None | Some(true)));
        let mut fields = vec![Field::EMPTY; h1wire::Limits::default().fields];
        let mut decoder = Decoder::client(Config::default());
        if decoder.expect_response(line_method(request)).is_err() {
            return EarlyHead::Unknown;
        }
        let mut at = 0;
        loop {
            let Some(rest) = up.pending().get(at..) else {
                return EarlyHead::Unknown;
            };
            if rest.is_empty() && at > 0 {
                return EarlyHead::Interim;
            }
            match decoder.decode_head(rest, &mut fields) {
                Ok(HeadStatus::Complete(head)) => {
                    let StartLine::Response(line) = head.start else {
                        return EarlyHead::Unknown;
                    };
                    if (100..200).contains(&line.status) && line.status != 101 {
                        at += head.len;
                        continue;
                    }
                    let options = head
                        .fields
                        .iter()
                        .filter(|f| f.name_is("connection"))
                        .flat_map(|f| list_elements(f.value));
                    let (mut close, mut keep_alive) = (false, false);
                    for option in options {
                        close |= option.eq_ignore_ascii_case(b"close");
                        keep_alive |= option.eq_ignore_ascii_case(b"keep-alive");
                    }
                    // A body that runs to the close ends the connection
                    // too (RFC 9112 section 6.3): the server will read no
                    // more of this one.
                    let closing = close
                        || (line.version == Version::Http10 && !keep_alive)
                        || head.framing == Framing::Close;
                    return if closing || line.status == 101 {
                        EarlyHead::RefusesBody
                    } else {
                        EarlyHead::TakesBody
                    };
                }
                // Interim ones are relayed as they come; a head begun says
                // nothing yet of the body (RFC 9112 section 9.3).
                Ok(HeadStatus::NeedMore) if !ended && at > 0 => return EarlyHead::Interim,
                Ok(HeadStatus::NeedMore) if !ended => return EarlyHead::Partial,
                _ => return EarlyHead::Unknown,
            }
        }
    }

    /// Body `pieces` to the upstream, framed.
    fn send_pieces(&mut self, pieces: &[&[u8]]) -> io::Result<()> {
        let Some((up, conn)) = self.upstream.as_mut() else {
            return Err(io::Error::other("no connection"));
        };
        write_pieces(&mut up.stream, &[], pieces, |len| {
            conn.body(len).map_err(io::Error::other)
        })
    }

    /// Read the upstream's response to `request` and write it to the
    /// client; its status (502 when the proxy answered instead).
    fn relay_response(
        &mut self,
        out: &mut Vec<u8>,
        request: &OwnedHead,
        framing: Framing,
    ) -> io::Result<u16> {
        let mut sent_again = false;
        loop {
            match self.relay_once(out, true)? {
                Relay::Relayed(status) => return Ok(status),
                Relay::NotYet => unreachable!("a whole request is answered or fails"),
                // A kept-alive connection the upstream had closed: the
                // request can go again on a new one when sending it twice
                // does no harm and it has no body to replay (RFC 9112
                // section 9.3.1), once.
                Relay::Failed { stale: true, .. }
                    if self.upstream_reused && !sent_again && may_send_again(request, framing) =>
                {
                    sent_again = true;
                    self.upstream = None;
                    if let Err(e) = self.forward_request(request, framing) {
                        return self.upstream_failed(e, out);
                    }
                }
                Relay::Failed {
                    timed_out: true,
                    why,
                    ..
                } => return self.answer_for_upstream(504, why, out),
                Relay::Failed { why, .. } => return self.bad_gateway(why, out),
            }
        }
    }

    /// End the request upstream (when `request_sent`: all of it went)
    /// and relay its response; without `request_sent`, an early one (see
    /// [`answer_early`](Self::answer_early)), or `NotYet` while no final
    /// one has come.
    /// The head waits in `out` for the body's first pieces (or its end), so
    /// that a small response reaches the client in one write; it goes
    /// alone only when the upstream makes the proxy wait.
    fn relay_once(&mut self, out: &mut Vec<u8>, request_sent: bool) -> io::Result<Relay> {
        out.clear();
        let Some((up, conn)) = self.upstream.as_mut() else {
            return failed(false, "no connection");
        };
        if request_sent {
            let mut end = Vec::new();
            let ended = conn
                .end_into(&[], &mut end)
                .map_err(io::Error::other)
                .and_then(|_| up.stream.write_all(&end));
            if let Err(e) = ended {
                return failed(is_reset(&e), e);
            }
        }
        let client_http10 = self
            .downstream
            .answering()
            .is_some_and(|a| a.version == Version::Http10);
        let response = &mut self.response;
        let mut final_status = 0;
        let mut heard = !up.pending().is_empty();
        // The client's connection as it was before the final response's
        // head, while that head waits in `out`: a response that fails
        // before a byte of it left can still be answered 502 instead.
        let mut before_final: Option<server::Connection> = None;
        // A 205's content, which it must not have: `Some(true)` once a
        // byte of it came (dropped, and the connection with it).
        let mut reset_content: Option<bool> = None;
        loop {
            let mut pieces = [&b""[..]; PIECES];
            let read = match conn.decode_body(up.pending(), &mut pieces) {
                Ok(read) => read,
                Err(e) if final_status == 0 => return failed(false, e),
                Err(e) => match before_final.take() {
                    Some(before) if !out.is_empty() => {
                        self.downstream = before;
                        out.clear();
                        return failed(false, e);
                    }
                    _ => return Err(cut(e)),
                },
            };
            if let Some(content) = reset_content.as_mut() {
                *content |= read.pieces.iter().any(|piece| !piece.is_empty());
            } else if !read.pieces.is_empty() {
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
                ConnStatus::Event(Event::Header(field)) => response.field(&field),
                ConnStatus::Event(Event::HeadEnd(head)) => {
                    let status = response.status;
                    // RFC 9110 section 15: a status outside 100-599 is
                    // invalid, to be taken as a 5xx: not the client's to see.
                    if status >= 600 {
                        return failed(false, format_args!("status {status}"));
                    }
                    let interim = (100..200).contains(&status);
                    if interim {
                        // (Counted for the whole request: an upload's
                        // early hints are heard a piece at a time.)
                        self.interims += 1;
                        if self.interims > MAX_INTERIM {
                            return failed(false, "too many interim responses");
                        }
                    }
                    // No upgrades here; no second 100 after the proxy's
                    // own; and an HTTP/1.0 client takes any response for
                    // the final one (RFC 9110 section 15.2). Any other 1xx
                    // goes on: a proxy "MUST forward 1xx responses" it did
                    // not ask for (section 15.2), an upstream's 100 to a
                    // request without Expect among them.
                    if status == 101
                        || (status == 100 && self.continued)
                        || (interim && client_http10)
                    {
                        up.start += consumed;
                        continue;
                    }
                    // A 205 has no content (RFC 9110 section 15.3.6),
                    // whichever way the upstream framed none: the client
                    // gets `Content-Length: 0`, and no framing field of
                    // the upstream's.
                    let resets = status == 205;
                    if resets {
                        reset_content = Some(false);
                    }
                    // The codings the body keeps once re-chunked, which the
                    // client needs to decode it.
                    let transfer_encoding = match head.framing {
                        _ if resets => None,
                        Framing::Chunked | Framing::Close => {
                            rechunked_transfer_encoding(response.values(b"transfer-encoding"))
                        }
                        _ => None,
                    };
                    if transfer_encoding.is_some() && client_http10 {
                        // (Transfer-Encoding is HTTP/1.1's.)
                        return failed(false, "transfer codings an HTTP/1.0 client cannot read");
                    }
                    // A 204 or 1xx may carry neither Content-Length nor
                    // Transfer-Encoding (RFC 9110 section 8.6): dropped.
                    // Nor does a 205's go on, replaced as said above.
                    let framing_fields_allowed = !interim && status != 204 && !resets;
                    // (A Content-Length beside a Transfer-Encoding is
                    // removed before forwarding, RFC 9112 section 6.3: also
                    // where no body follows, a HEAD's or a 304's answer,
                    // whose framing the decoder does not read.)
                    let keep_length = framing_fields_allowed
                        && matches!(head.framing, Framing::Length(_) | Framing::None)
                        && response.values(b"transfer-encoding").next().is_none();
                    let mut fields = response.forwarded(keep_length);
                    // A final answer before the request's body is all here
                    // ends it: the rest of the body goes nowhere, and the
                    // client is told it may stop sending (RFC 9112 section
                    // 9.3); the connection closes once it is relayed.
                    if (!request_sent || self.close_client) && !interim {
                        fields.push(Field::new("Connection", "close"));
                    }
                    // A 426 names the protocols the upstream requires (RFC
                    // 9110 section 15.5.22), which the client needs to see:
                    // its Upgrade goes on, listed in Connection as a sender
                    // of Upgrade must (section 7.8), though this proxy
                    // switches to none of them.
                    if status == 426 {
                        let upgrade = response.values(b"upgrade").map(|value| Field {
                            name: b"Upgrade",
                            value,
                        });
                        fields.extend(upgrade);
                        fields.push(Field::new("Connection", "upgrade"));
                    }
                    // RFC 9110 section 6.6.1: "A recipient with a clock that
                    // receives a response message without a Date header
                    // field MUST add one if it is ... forwarded downstream."
                    let date = date::date_now();
                    // (Looked for among the fields forwarded: a Date that
                    // Connection lists stays behind.)
                    if !interim && !fields.iter().any(|f| f.name_is("date")) {
                        fields.push(Field {
                            name: b"Date",
                            value: &date,
                        });
                    }
                    let body = match (head.framing, &transfer_encoding) {
                        _ if resets => Body::Empty,
                        (_, Some(codings)) => {
                            fields.push(Field {
                                name: b"Transfer-Encoding",
                                value: codings,
                            });
                            Body::AsFields
                        }
                        (Framing::Length(_) | Framing::None, None) => Body::AsFields,
                        (Framing::Chunked | Framing::Close, None) => Body::Streamed,
                        (Framing::Upgrade, None) => Body::Empty,
                    };
                    let line = StatusLine {
                        version: Version::Http11,
                        status,
                        reason: response.reason(),
                    };
                    if !interim {
                        before_final = Some(self.downstream.clone());
                    }
                    if let Err(e) = self.downstream.response_into(&line, &fields, body, out) {
                        return failed(false, format_args!("response head not relayable: {e}"));
                    }
                    if interim {
                        // A whole message: it goes now.
                        self.downstream
                            .end_into(&[], out)
                            .map_err(io::Error::other)?;
                        self.client.stream.write_all(out)?;
                        out.clear();
                    } else {
                        final_status = status;
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
                    // Bytes after the response were never asked for (see
                    // `Side::is_quiet`), nor a 205's content: the
                    // connection is not reused.
                    if conn.state() != ConnState::Open
                        || !up.pending().is_empty()
                        || reset_content == Some(true)
                    {
                        self.upstream = None;
                    }
                    return Ok(Relay::Relayed(final_status));
                }
                ConnStatus::NeedMore => {
                    up.start += consumed;
                    if !request_sent && final_status == 0 {
                        // No final head yet: what came is relayed, and the
                        // final one may wait for the body. More is read
                        // only when it has come (or the upstream closed:
                        // the wait below says so at once).
                        self.client.stream.write_all(out)?;
                        out.clear();
                        match up.fill_now() {
                            Ok(Some(true)) => {
                                heard = true;
                                continue;
                            }
                            Ok(None) => return Ok(Relay::NotYet),
                            _ => {}
                        }
                    }
                    // What is due goes before the proxy waits.
                    self.client.stream.write_all(out)?;
                    out.clear();
                    let open = match up.fill() {
                        Ok(open) => open,
                        Err(e) if final_status == 0 && is_timeout(&e) => {
                            return Ok(Relay::Failed {
                                stale: false,
                                timed_out: true,
                                why: e.to_string(),
                            })
                        }
                        Err(e) if final_status == 0 => return failed(!heard && is_reset(&e), e),
                        Err(e) => return Err(cut(e)),
                    };
                    if open {
                        heard = true;
                        continue;
                    }
                    // The upstream closed: a close-delimited body ends.
                    match conn.finish() {
                        Ok(Some(_)) if final_status != 0 => {
                            self.downstream
                                .end_into(&[], out)
                                .map_err(io::Error::other)?;
                            self.client.stream.write_all(out)?;
                            self.upstream = None;
                            return Ok(Relay::Relayed(final_status));
                        }
                        _ if final_status == 0 => return failed(!heard, "closed"),
                        _ => return Err(cut("upstream closed mid-body")),
                    }
                }
                ConnStatus::Paused | ConnStatus::Switched | ConnStatus::Done { .. } => {
                    if final_status == 0 {
                        return failed(false, "connection stopped");
                    }
                    return Err(cut("upstream connection stopped"));
                }
            }
            up.start += consumed;
        }
    }

    /// Answer 502 for an upstream that failed before any of its final
    /// response reached the client, and drop its connection.
    fn bad_gateway(&mut self, why: impl Display, out: &mut Vec<u8>) -> io::Result<u16> {
        self.answer_for_upstream(502, why, out)
    }

    /// Answer for an upstream that could not be reached or written to:
    /// 504 when it timed out (connecting, or taking none of a request for
    /// `--upstream-timeout`), 502 otherwise.
    fn upstream_failed(&mut self, e: io::Error, out: &mut Vec<u8>) -> io::Result<u16> {
        let status = if is_timeout(&e) { 504 } else { 502 };
        self.answer_for_upstream(status, e, out)
    }

    /// Answer `status` (502, or 504 for an upstream that timed out) in
    /// place of a final response that never came, and drop the upstream's
    /// connection.
    fn answer_for_upstream(
        &mut self,
        status: u16,
        why: impl Display,
        out: &mut Vec<u8>,
    ) -> io::Result<u16> {
        eprintln!("proxy: upstream {}: {why}", self.upstream_addr);
        self.upstream = None;
        self.respond_here(status, format!("upstream: {why}\n").as_bytes(), out)?;
        Ok(status)
    }

    /// A response made here (an error, a refusal): written at once.
    fn respond_here(&mut self, status: u16, body: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        self.respond_here_as(status, "text/plain", body, out)
    }

    /// [`respond_here`](Self::respond_here) with content of another type.
    fn respond_here_as(
        &mut self,
        status: u16,
        content_type: &str,
        body: &[u8],
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let line = StatusLine::canonical(Version::Http11, status);
        let date = date::date_now();
        let mut fields = vec![
            Field {
                name: b"Date",
                value: &date,
            },
            Field {
                name: b"Content-Type",
                value: content_type.as_bytes(),
            },
            Field::new("Via", "1.1 h1wire"),
        ];
        if self.close_client {
            fields.push(Field::new("Connection", "close"));
        }
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

/// A connection to `addr` (each address it resolves to in turn), each
/// attempt bounded by `timeout`: an upstream whose listen queue is full
/// would otherwise hold the client for the kernel's whole retry time.
fn connect(addr: &str, timeout: Duration) -> io::Result<TcpStream> {
    let mut last = io::Error::new(ErrorKind::NotFound, "no address");
    for resolved in addr.to_socket_addrs()? {
        match TcpStream::connect_timeout(&resolved, timeout) {
            Ok(stream) => return Ok(stream),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// An answer the proxy gives itself, without asking the upstream.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

/// The answer to `request` (its body framed by `framing`) when the proxy
/// gives it: a CONNECT (no tunnels here), an absolute-form target this
/// gateway does not serve, a TRACE with content (RFC 9110 section 9.3.8:
/// a client MUST NOT send any), a TRACE or OPTIONS that may go no
/// further (section 7.6.2).
fn answer_here(request: &OwnedHead, framing: Framing) -> Option<Answer> {
    let text = |status, body: &str| {
        Some(Answer {
            status,
            content_type: "text/plain",
            body: body.as_bytes().to_vec(),
        })
    };
    if line_method(request) == MethodKind::Connect {
        return text(501, "no tunnels through this proxy\n");
    }
    // An absolute-form target names an http or https resource with a
    // host; any other scheme is not this gateway's to pass on (the
    // upstream would get a Host made of nothing).
    let target = request.target();
    if let Some((authority, _)) = split_absolute(target) {
        let http = target
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"http://"))
            || target
                .get(..8)
                .is_some_and(|s| s.eq_ignore_ascii_case(b"https://"));
        let host = authority.rsplit(|&b| b == b'@').next().unwrap_or_default();
        if !http || host.is_empty() || host.starts_with(b":") {
            return text(400, "only http targets with a host go through this proxy\n");
        }
    }
    let trace = request.method() == b"TRACE";
    if trace && !matches!(framing, Framing::None | Framing::Length(0)) {
        return text(400, "a TRACE request has no content\n");
    }
    match max_forwards(request)? {
        Err(()) => text(400, "Max-Forwards is one decimal number\n"),
        // Zero: this proxy is the final recipient. An OPTIONS is answered
        // with what the proxy itself offers; a TRACE with the message it
        // received (RFC 9110 section 9.3.8), the fields of the standard
        // credentials (Authorization, Proxy-Authorization, Cookie) left
        // out.
        Ok(0) if !trace => text(200, ""),
        Ok(0) => {
            let version = request.version.unwrap_or(Version::Http11);
            let mut body = Vec::new();
            body.extend_from_slice(request.method());
            body.push(b' ');
            body.extend_from_slice(request.target());
            body.push(b' ');
            body.extend_from_slice(version.as_str().as_bytes());
            body.extend_from_slice(b"\r\n");
            const SENSITIVE: [&[u8]; 4] = [
                b"authorization",
                b"proxy-authorization",
                b"cookie",
                b"set-cookie",
            ];
            for (name, value) in request.fields() {
                if !SENSITIVE.iter().any(|s| name.eq_ignore_ascii_case(s)) {
                    body.extend_from_slice(&[name, b": ", value, b"\r\n"].concat());
                }
            }
            body.extend_from_slice(b"\r\n");
            Some(Answer {
                status: 200,
                content_type: "message/http",
                body,
            })
        }
        Ok(_) => None,
    }
}

/// A TRACE's or OPTIONS's Max-Forwards (RFC 9110 section 7.6.2): `None`
/// for other methods or without one; an error unless it is one field of
/// `1*DIGIT`.
fn max_forwards(request: &OwnedHead) -> Option<Result<u64, ()>> {
    if !matches!(request.method(), b"TRACE" | b"OPTIONS") {
        return None;
    }
    let mut values = request.values(b"max-forwards");
    let value = values.next()?;
    let number = std::str::from_utf8(value)
        .ok()
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .map(|v| v.parse::<u64>().unwrap_or(u64::MAX));
    Some(match (number, values.next()) {
        (Some(n), None) => Ok(n),
        _ => Err(()),
    })
}

fn line_method(request: &OwnedHead) -> MethodKind {
    MethodKind::of(request.method())
}

/// The scheme's end and the authority of an absolute-form target (RFC
/// 9112 section 3.2.2: `scheme "://" authority path-abempty [ "?" query
/// ]`, read as the decoder reads it), and what follows the authority;
/// `None` for the other forms. (Only the start tells the forms apart: a
/// `://` further on is in a path or query.)
fn split_absolute(target: &[u8]) -> Option<(&[u8], &[u8])> {
    let scheme_len = target
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    let is_absolute = target.first().is_some_and(u8::is_ascii_alphabetic)
        && target[scheme_len..].starts_with(b"://");
    if !is_absolute {
        return None;
    }
    let rest = &target[scheme_len + 3..];
    let authority_len = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    Some(rest.split_at(authority_len))
}

/// The target to send the origin: an absolute-form target as origin-form
/// (its path, `/` when empty, and its query; an OPTIONS for the whole
/// server, `http://h`, as `*`, RFC 9112 section 3.2.4), any other as it
/// is; either without a fragment, which has no place in a request (RFC
/// 9112 section 3.2: neither form has one) and which an upstream might
/// take for part of the path.
fn origin_form<'t>(method: &[u8], target: &'t [u8]) -> Cow<'t, [u8]> {
    let without_fragment = |t: &'t [u8]| match t.iter().position(|&b| b == b'#') {
        Some(fragment) => &t[..fragment],
        None => t,
    };
    let Some((_, after)) = split_absolute(target) else {
        return Cow::Borrowed(without_fragment(target));
    };
    let after = without_fragment(after);
    if after.is_empty() && method == b"OPTIONS" {
        Cow::Borrowed(b"*")
    } else if after.first() == Some(&b'/') {
        Cow::Borrowed(after)
    } else {
        Cow::Owned([&b"/"[..], after].concat())
    }
}

/// The Host to send upstream: the authority of an absolute-form target
/// without its userinfo (which a proxy MUST put in place of the client's
/// Host, RFC 9112 section 3.2.2), else the client's Host, else (an
/// HTTP/1.0 request, which may have none, going upstream as HTTP/1.1,
/// which must) the address the proxy connects to.
fn upstream_host<'a>(
    line: &RequestLine<'a>,
    host: Option<&'a [u8]>,
    upstream_addr: &'a str,
) -> &'a [u8] {
    line.authority()
        .or(host)
        .unwrap_or(upstream_addr.as_bytes())
}

/// The Transfer-Encoding to send with a body the proxy re-chunks, given
/// the values it came with: the codings applied before its final
/// `chunked` (or all of them, for a body that ran to the end of the
/// stream), then `chunked`; `None` when there were no others, and plain
/// chunking says it all. Without them the client would get, say, gzip
/// bytes it does not know to decode.
fn rechunked_transfer_encoding<'a>(values: impl Iterator<Item = &'a [u8]>) -> Option<Vec<u8>> {
    let mut codings: Vec<&[u8]> = values.flat_map(list_elements).collect();
    if codings
        .last()
        .is_some_and(|last| last.eq_ignore_ascii_case(b"chunked"))
    {
        codings.pop();
    }
    if codings.is_empty() {
        return None;
    }
    codings.push(b"chunked");
    Some(codings.join(&b", "[..]))
}

/// The elements of a `#list` value, trimmed, without the empty ones a
/// recipient ignores and a sender must not generate (RFC 9110 section
/// 5.6.1); a comma inside a quoted string (a coding's parameter) is no
/// separator.
fn list_elements<'a>(value: &'a [u8]) -> Vec<&'a [u8]> {
    let mut elements = Vec::new();
    let mut keep = |element: &'a [u8]| {
        let element = element.trim_ascii();
        if !element.is_empty() {
            elements.push(element);
        }
    };
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (at, &b) in value.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                keep(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    keep(&value[start..]);
    elements
}

/// Whether a request may go upstream a second time when the connection
/// it went on proved closed: a method that changes nothing (GET, HEAD,
/// OPTIONS, TRACE: RFC 9110 section 9.2.1; PUT and DELETE are idempotent
/// too, but their effects are not the client's to repeat unasked) with no
/// body that would have to be kept to be sent again.
fn may_send_again(request: &OwnedHead, framing: Framing) -> bool {
    matches!(request.method(), b"GET" | b"HEAD" | b"OPTIONS" | b"TRACE")
        && matches!(framing, Framing::None | Framing::Length(0))
}

/// A response cut short after its head reached the client: the upstream
/// closed, failed or fell silent in the middle of its body.
#[derive(Debug)]
struct Cut(String);

impl Display for Cut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "response cut: {}", self.0)
    }
}

impl std::error::Error for Cut {}

fn cut(why: impl Display) -> io::Error {
    io::Error::other(Cut(why.to_string()))
}

fn is_cut(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<Cut>())
}

/// Have the connection reset when it closes, not ended with a FIN: a
/// client reading a body to the close (HTTP/1.0's, or any close-delimited
/// one) would take a clean end for the whole body, and a cache would keep
/// it. RFC 9112 section 8 has an incomplete message recorded as such; a
/// reset is how a proxy says so once the head is gone. (std has no stable
/// SO_LINGER; `socket2`, already under tokio, sets it without unsafe.)
fn reset_on_close(stream: &TcpStream) {
    let _ = socket2::SockRef::from(stream).set_linger(Some(Duration::ZERO));
}

/// An error that says the peer had closed the connection (what a write or
/// read on a kept-alive connection the peer closed while idle meets).
fn is_reset(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe
    )
}

/// A read that waited past its socket's timeout (`WouldBlock` where the
/// platform says so for a timed-out blocking read).
fn is_timeout(error: &io::Error) -> bool {
    matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The requests the proxy answers itself, by their start line and
    /// fields alone.
    #[test]
    fn answered_here() {
        let status = |method: &str, target: &str, fields: &[(&str, &str)]| {
            let mut head = OwnedHead::default();
            head.request(&RequestLine::new(method, target, Version::Http11));
            for (name, value) in fields {
                head.field(&Field::new(name, value));
            }
            answer_here(&head, Framing::None).map(|a| a.status)
        };
        assert_eq!(status("GET", "/a", &[]), None);
        assert_eq!(status("GET", "HTTP://a.example/x", &[]), None);
        assert_eq!(status("GET", "https://a.example", &[]), None);
        assert_eq!(status("GET", "foo://a.example/x", &[]), Some(400));
        assert_eq!(status("GET", "http://@/x", &[]), Some(400));
        assert_eq!(status("GET", "http://:80/x", &[]), Some(400));
        assert_eq!(status("CONNECT", "a.example:443", &[]), Some(501));
        let zero = [("Max-Forwards", "0")];
        assert_eq!(status("TRACE", "/", &zero), Some(200));
        assert_eq!(status("OPTIONS", "*", &zero), Some(200));
        // Max-Forwards is for TRACE and OPTIONS only.
        assert_eq!(status("GET", "/", &zero), None);
        assert_eq!(status("OPTIONS", "*", &[("Max-Forwards", "3")]), None);
        for bad in ["", "-1", "1x", "0x0"] {
            assert_eq!(
                status("TRACE", "/", &[("Max-Forwards", bad)]),
                Some(400),
                "{bad:?}"
            );
        }
        let two = [("Max-Forwards", "1"), ("Max-Forwards", "1")];
        assert_eq!(status("TRACE", "/", &two), Some(400));
    }

    #[test]
    fn absolute_targets_become_origin_form() {
        let origin = |target: &str| {
            String::from_utf8(origin_form(b"GET", target.as_bytes()).into()).unwrap()
        };
        assert_eq!(origin("http://h:80/a?b"), "/a?b");
        assert_eq!(origin("http://h"), "/");
        assert_eq!(origin("http://h?q"), "/?q");
        assert_eq!(origin("HTTPS://u:p@h/a#frag"), "/a");
        assert_eq!(
            origin("http://h/a?next=http://other/admin"),
            "/a?next=http://other/admin"
        );
        // Origin-form goes as it is, whatever its query holds, but for a
        // fragment.
        assert_eq!(origin("/x"), "/x");
        assert_eq!(origin("/x?a#b"), "/x?a");
        assert_eq!(origin("/x#b?a"), "/x");
        assert_eq!(
            origin("/login?next=https://example.com"),
            "/login?next=https://example.com"
        );
        assert_eq!(
            origin("/x?next=http://other/admin"),
            "/x?next=http://other/admin"
        );
        assert_eq!(origin("*"), "*");
        // An OPTIONS for the whole server (RFC 9112 section 3.2.4).
        let options = |target: &str| origin_form(b"OPTIONS", target.as_bytes()).into_owned();
        assert_eq!(options("http://h:81"), b"*");
        assert_eq!(options("http://h:81/"), b"/");
        assert_eq!(options("http://h?q"), b"/?q");
    }

    #[test]
    fn host_is_the_absolute_targets_authority_else_the_clients_else_the_upstream() {
        let host = |target: &str, field: Option<&str>| {
            let field = field.map(str::as_bytes);
            let line = RequestLine::new("GET", target, Version::Http11);
            String::from_utf8(upstream_host(&line, field, "up:8080").to_vec()).unwrap()
        };
        assert_eq!(host("http://a.test:81/x", Some("b.test")), "a.test:81");
        assert_eq!(host("http://user:pw@a.test/x", Some("b.test")), "a.test");
        assert_eq!(host("http://a.test?q", None), "a.test");
        assert_eq!(host("/x?next=http://c.test/", Some("b.test")), "b.test");
        assert_eq!(host("/x", Some("")), "");
        assert_eq!(host("/x", None), "up:8080");
    }

    #[test]
    fn codings_before_chunked_stay_in_front_of_it() {
        let te = |values: &[&str]| {
            rechunked_transfer_encoding(values.iter().map(|v| v.as_bytes()))
                .map(|list| String::from_utf8(list).unwrap())
        };
        assert_eq!(te(&[]), None);
        assert_eq!(te(&["chunked"]), None);
        assert_eq!(te(&["Chunked ,"]), None);
        assert_eq!(te(&["gzip, chunked"]).as_deref(), Some("gzip, chunked"));
        assert_eq!(te(&["gzip", "chunked"]).as_deref(), Some("gzip, chunked"));
        assert_eq!(
            te(&["x;p=\"a, chunked\""]).as_deref(),
            Some("x;p=\"a, chunked\", chunked")
        );
        // A body that ran to the end of the stream: all its codings.
        assert_eq!(te(&["gzip"]).as_deref(), Some("gzip, chunked"));
        // Empty list elements, which the decoder ignores and the encoder
        // refuses to write, are left out (RFC 9110 section 5.6.1).
        assert_eq!(
            te(&[", gzip,,deflate ,", " , chunked"]).as_deref(),
            Some("gzip, deflate, chunked")
        );
        assert_eq!(
            te(&["x;p=\"a,,\\\", b\", ,chunked"]).as_deref(),
            Some("x;p=\"a,,\\\", b\", chunked")
        );
    }

    #[test]
    fn a_folded_value_is_kept_unfolded() {
        // What the decoder holds for a folded value: the raw line breaks.
        let mut conn = client::Connection::new(ConnectionConfig::default());
        let line = RequestLine::new("GET", "/", Version::Http11);
        let mut head = Vec::new();
        conn.request_into(&line, &[Field::new("Host", "h")], Body::Empty, &mut head)
            .unwrap();
        conn.end_into(&[], &mut head).unwrap();
        let mut input = &b"HTTP/1.1 200 OK\r\nX-Folded: one  \r\n \t two\r\n three\r\n\r\n"[..];
        let mut kept = OwnedHead::default();
        loop {
            let step = conn.decode(input).unwrap();
            match step.status {
                ConnStatus::Event(Event::Header(field)) => {
                    assert_eq!(field.value, b"one  \r\n \t two\r\n three");
                    kept.field(&field);
                }
                ConnStatus::Event(Event::HeadEnd(_)) => break,
                ConnStatus::Event(_) => {}
                other => panic!("{other:?}"),
            }
            input = &input[step.consumed..];
        }
        assert_eq!(kept.values(b"x-folded").next(), Some(&b"one two three"[..]));
        let mut plain = OwnedHead::default();
        plain.field(&Field::new("X", "a  b"));
        assert_eq!(plain.values(b"x").next(), Some(&b"a  b"[..]));
    }

    #[test]
    fn only_a_bodiless_request_that_changes_nothing_goes_twice() {
        let request = |method: &str| {
            let mut head = OwnedHead::default();
            head.request(&RequestLine::new(method, "/", Version::Http11));
            head
        };
        assert!(may_send_again(&request("GET"), Framing::None));
        assert!(may_send_again(&request("HEAD"), Framing::None));
        assert!(may_send_again(&request("OPTIONS"), Framing::Length(0)));
        assert!(!may_send_again(&request("GET"), Framing::Length(3)));
        assert!(!may_send_again(&request("GET"), Framing::Chunked));
        assert!(!may_send_again(&request("POST"), Framing::None));
        assert!(!may_send_again(&request("DELETE"), Framing::None));
    }

    #[test]
    fn answers_made_here_have_their_reason() {
        for status in [400, 413, 414, 431, 501, 502, 504, 505] {
            assert!(!StatusLine::canonical_reason(status).is_empty(), "{status}");
        }
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
            ("Proxy-Authorization", "Basic dTpw"),
            ("Authorization", "Bearer t"),
            ("Proxy-Authenticate", "Basic realm=\"p\""),
            ("Accept", "*/*"),
            ("Via", "1.0 other"),
        ] {
            head.field(&Field::new(name, value));
        }
        let names = |fields: Vec<Field<'_>>| -> Vec<String> {
            fields
                .iter()
                .map(|f| String::from_utf8_lossy(f.name).into_owned())
                .collect()
        };
        assert_eq!(
            names(head.forwarded(false)),
            ["Host", "Authorization", "Accept", "Via", "Via"]
        );
        assert_eq!(
            names(head.forwarded(true)),
            [
                "Host",
                "Content-Length",
                "Authorization",
                "Accept",
                "Via",
                "Via"
            ]
        );
    }
}
