//! Serve the files of a folder over HTTP/1.1, on `std::net`, a thread per
//! connection, built only on h1wire's server connection
//! (`h1wire::server::Connection`).
//!
//! ```text
//! cargo run --release --example serve -- [--addr 127.0.0.1:8080] [--max-connections N] [--idle-timeout SECS] [--send-timeout SECS] [--stat-valid-ms MS] [DIR]
//! ```
//!
//! - GET and HEAD of files: 200 with Content-Length, Content-Type by
//!   extension, Last-Modified (never later than the Date) and an ETag
//!   that changes with the content (length, modification time to the
//!   nanosecond, inode); If-Match, else If-Unmodified-Since, that fails
//!   answers 412; a conditional GET (If-None-Match, else
//!   If-Modified-Since, in any of the three HTTP-date formats) answers
//!   304 (RFC 9110 section 13.2.2's order); a folder without
//!   its trailing slash answers 301; a folder serves its `index.html`; a
//!   missing file answers 404; a path that would leave DIR (`..`, encoded
//!   or not, a link pointing out) is refused. Small files are cached; a
//!   cached file found unchanged is served for the next `--stat-valid-ms`
//!   (default 1000) without looking at it again, and a connection's
//!   resolved paths are trusted as long, so a change on disk shows within
//!   that time (0: looked at on every request).
//! - POST /echo (however the target spells it) answers 200 with the
//!   request's body: chunked if it came chunked, with Content-Length
//!   otherwise; `Expect: 100-continue` gets its 100 before the body is
//!   read. A method a resource does not take answers 405 with its Allow,
//!   one the server does not know 501, as does a transfer coding other
//!   than chunked (the server undoes none).
//! - Keep-alive and pipelining, `Connection: close` and HTTP/1.0 (the
//!   connection type does all of it); a request the strict decoder refuses
//!   is answered with the error's status hint and the connection closed;
//!   a connection idle for `--idle-timeout` seconds (default 15) is closed
//!   within the second after, and so is one whose request head has not
//!   come whole that long after its first byte, however slowly its bytes
//!   trickle in (nginx's `client_header_timeout`: a slow peer cannot hold
//!   a connection slot for ever one byte at a time), and one whose write has waited
//!   `--send-timeout` seconds (default 60, nginx's `send_timeout`) for the
//!   peer to take more (a peer that does not read what it asked for; see
//!   `site::SEND_TIMEOUT` for why it is longer).
//! - Every response has a `Date`. Past `--max-connections` (default 256)
//!   a connection is answered 503 and closed. When `accept` fails (out of
//!   file descriptors), the loop pauses before it tries again.
//! - One log line per request on standard output: peer, method, target,
//!   status, body bytes, time. The first line says where it listens
//!   (`--addr 127.0.0.1:0` picks a free port).

use std::fs;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use h1wire::server::Connection;
use h1wire::{Body, ConnState, ConnStatus, ConnectionConfig, Event, Framing, StatusLine, Version};

#[path = "access_log/mod.rs"]
mod access_log;
#[path = "date/mod.rs"]
mod date;
#[path = "linger/mod.rs"]
mod linger;
#[path = "site/mod.rs"]
mod site;
use site::{Reply, Request, CHUNK};

struct Options {
    addr: String,
    root: PathBuf,
    max_connections: usize,
    idle: Duration,
    send_timeout: Duration,
    stat_valid: Duration,
}

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("serve: {message}");
            eprintln!(
                "usage: serve [--addr HOST:PORT] [--max-connections N] [--idle-timeout SECS] [--send-timeout SECS] [--stat-valid-ms MS] [DIR]"
            );
            std::process::exit(2);
        }
    };
    let root = match fs::canonicalize(&options.root) {
        Ok(root) if root.is_dir() => root,
        _ => {
            eprintln!("serve: {} is not a folder", options.root.display());
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind(&options.addr) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("serve: cannot listen on {}: {e}", options.addr);
            std::process::exit(1);
        }
    };
    let local = listener
        .local_addr()
        .expect("a bound socket has an address");
    println!("serving {} on http://{local}/", root.display());
    let root = Arc::new(root);
    let cache = Arc::new(site::FileCache::with_stat_valid(options.stat_valid));
    let active = Arc::new(AtomicUsize::new(0));
    let idle = IdleWatch::start(options.idle, options.send_timeout);
    let mut accept_errors = site::AcceptErrors::default();
    for stream in listener.incoming() {
        let mut stream = match stream {
            Ok(stream) => stream,
            Err(e) => {
                std::thread::sleep(accept_errors.failed("serve", &e));
                continue;
            }
        };
        let Some(slot) = site::Slot::take(&active, options.max_connections) else {
            // (A new socket's send buffer takes these few bytes at once.)
            let _ = stream.write_all(&site::busy_response());
            continue;
        };
        let (root, cache) = (Arc::clone(&root), Arc::clone(&cache));
        let idle = Arc::clone(&idle);
        std::thread::spawn(move || {
            let _slot = slot;
            let peer = stream.peer_addr().ok();
            // Shared with the idle watch, which may shut it down.
            let stream = Arc::new(stream);
            if let Err(e) = serve_connection(&stream, &root, &cache, peer, &idle) {
                // (A peer that leaves mid-response, or stops reading it, is
                // no news.)
                if !matches!(
                    e.kind(),
                    ErrorKind::ConnectionReset | ErrorKind::BrokenPipe | ErrorKind::NotConnected
                ) {
                    eprintln!("serve: {e}");
                }
            }
            linger::linger(&stream, site::LINGER);
        });
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8080".into(),
        root: PathBuf::from("."),
        max_connections: 256,
        idle: Duration::from_secs(15),
        send_timeout: site::SEND_TIMEOUT,
        stat_valid: site::FileCache::STAT_VALID,
    };
    let mut root = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--addr" => options.addr = value("--addr")?,
            "--max-connections" => {
                options.max_connections = value("--max-connections")?
                    .parse()
                    .map_err(|_| "--max-connections takes a number")?
            }
            "--send-timeout" => {
                let secs: u64 = value("--send-timeout")?
                    .parse()
                    .map_err(|_| "--send-timeout takes seconds")?;
                options.send_timeout = Duration::from_secs(secs.max(1));
            }
            "--idle-timeout" => {
                let secs: u64 = value("--idle-timeout")?
                    .parse()
                    .map_err(|_| "--idle-timeout takes seconds")?;
                options.idle = Duration::from_secs(secs.max(1));
            }
            "--stat-valid-ms" => {
                let ms: u64 = value("--stat-valid-ms")?
                    .parse()
                    .map_err(|_| "--stat-valid-ms takes milliseconds")?;
                options.stat_valid = Duration::from_millis(ms);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            dir if root.is_none() => root = Some(PathBuf::from(dir)),
            extra => return Err(format!("one folder only ({extra}?)")),
        }
    }
    if let Some(root) = root {
        options.root = root;
    }
    Ok(options)
}

/// One connection: read, decode, answer each request at its end, write;
/// until the connection says it is closed, the peer leaves, or it idles
/// (waiting to read, or in a write the peer does not take).
fn serve_connection(
    stream: &Arc<TcpStream>,
    root: &Path,
    cache: &site::FileCache,
    peer: Option<SocketAddr>,
    idle: &IdleWatch,
) -> io::Result<()> {
    let watched = idle.watch(stream);
    stream.set_nodelay(true)?;
    // Writes go through the watch: a peer that asks for a large file and
    // never reads would block a write, and hold this thread and a
    // connection slot, for ever.
    let mut writer = WatchedWriter {
        stream,
        watched: &watched,
    };
    // (`&TcpStream` reads.)
    let mut stream = &**stream;
    let mut log = access_log::Log::new(peer.map_or_else(|| "-".to_string(), |p| p.to_string()));
    let mut conn = Connection::new(ConnectionConfig::default());
    let mut buf = vec![0u8; h1wire::Limits::default().buffer_len().max(CHUNK)];
    let (mut start, mut end) = (0, 0);
    let mut out: Vec<u8> = Vec::new();
    let mut request = Request::default();
    let mut files = site::Site::new(root, cache);
    // Where file bodies are read into, once per connection.
    let mut piece = vec![0u8; CHUNK];
    // The tick at which the head being read began, if one is: the whole
    // head has the idle limit (a body's reads, and the wait between
    // requests, each have it).
    let mut head_began: Option<u64> = None;
    let mut in_body = false;
    loop {
        // Decode what is buffered; answer each request at its end.
        let mut done = false;
        loop {
            let step = match conn.decode(&buf[start..end]) {
                Ok(step) => step,
                Err(error) => {
                    let status = error.status_hint();
                    let mut reply =
                        Reply::simple(status, "text/plain", format!("{error}\n").as_bytes());
                    let sent =
                        write_reply(&mut conn, &mut out, &mut reply, &mut piece, &mut writer);
                    request.log(&mut log, status, sent.unwrap_or(0));
                    writer.write_all(&out)?;
                    return Ok(());
                }
            };
            start += step.consumed;
            // Whether the request is answered now: at its end, or at its
            // head when the answer does not depend on the body.
            let mut answer = false;
            match step.status {
                ConnStatus::Event(Event::Request(line)) => {
                    request.start(line.method, line.target);
                }
                ConnStatus::Event(Event::Header(field)) => request.field(field.name, field.value),
                ConnStatus::Event(Event::HeadEnd(head)) => {
                    head_began = None;
                    in_body = head.framing != Framing::None;
                    request.head_end(head.framing);
                    // Answered now, the body unread, the connection closes
                    // after it (and reads nothing more); or a 100.
                    // (Only while none of the body is here: a client that
                    // sent it without waiting, and requests after it, are
                    // read as ever.)
                    let expects_continue = conn.expects_continue();
                    answer =
                        expects_continue && start == end && files.answers_before_the_body(&request);
                    if expects_continue && !answer {
                        // The client waits for this before sending the body.
                        let line = StatusLine::new(Version::Http11, 100, "Continue");
                        conn.response_into(&line, &[], Body::AsFields, &mut out)
                            .and_then(|_| conn.end_into(&[], &mut out))
                            .map_err(io::Error::other)?;
                        writer.write_all(&out)?;
                        out.clear();
                    }
                }
                ConnStatus::Event(Event::Body(data)) => request.body(data),
                ConnStatus::Event(Event::MessageEnd) => {
                    in_body = false;
                    answer = true;
                }
                ConnStatus::Event(_) => {}
                ConnStatus::NeedMore => break,
                // Every request is answered at its end, so nothing is due
                // when the connection pauses; nothing here upgrades.
                ConnStatus::Paused | ConnStatus::Switched => break,
                ConnStatus::Done { .. } => {
                    done = true;
                    break;
                }
            }
            if answer {
                let mut reply = files.reply(&request);
                let bytes = write_reply(&mut conn, &mut out, &mut reply, &mut piece, &mut writer)?;
                request.log(&mut log, reply.status, bytes);
                request.clear();
            }
        }
        writer.write_all(&out)?;
        out.clear();
        if done || conn.state() == ConnState::Closed {
            return Ok(());
        }
        // Make room, then read more.
        buf.copy_within(start..end, 0);
        end -= start;
        start = 0;
        // Bytes of a head came (buffered, or read as events), and its end
        // has not: its clock runs on.
        if !in_body && (end > start || request.started.is_some()) {
            let began = *head_began.get_or_insert_with(|| watched.now());
            watched.reading_since(began);
        } else {
            head_began = None;
            watched.reading();
        }
        let n = stream.read(&mut buf[end..]);
        watched.busy();
        let n = n?;
        if n == 0 {
            // The peer closed its side, or the connection idled and was
            // shut down: anything half read is dropped.
            let _ = conn.finish();
            return Ok(());
        }
        end += n;
    }
}

/// Write `reply` through the connection into `out`; the body bytes sent.
/// Whenever `out` holds a piece's worth, it goes to `stream` (so a large
/// file streams through two 64 KiB buffers); what is left stays in `out`,
/// to go out with the responses to pipelined requests after it.
fn write_reply(
    conn: &mut Connection,
    out: &mut Vec<u8>,
    reply: &mut Reply,
    piece: &mut [u8],
    stream: &mut impl Write,
) -> io::Result<u64> {
    let date = date::date_now();
    let (fields, body, line) = (reply.head_fields(&date), reply.framing, reply.line());
    let head = conn
        .response_into(&line, &fields, body, out)
        .map_err(io::Error::other)?;
    let mut sent = 0;
    if head.framing != Framing::None {
        // (Not after HEAD or a 304: the framing says so.)
        loop {
            let data = reply.piece(piece)?;
            if data.is_empty() {
                break;
            }
            conn.body_into(data, out).map_err(io::Error::other)?;
            sent += data.len() as u64;
            if out.len() >= CHUNK {
                stream.write_all(out)?;
                out.clear();
            }
        }
    }
    conn.end_into(&[], out).map_err(io::Error::other)?;
    Ok(sent)
}

/// Closes the connections that wait for the peer too long: one thread
/// ticks once a second and shuts down each connection whose read (for a
/// request) or write (of a response the peer does not take: a blocking
/// write returns once all of it is in the send buffer) has waited more
/// than the limit. (A timeout on every read, `SO_RCVTIMEO`,
/// arms and cancels a kernel timer for each request: about 2% of serve's
/// CPU under load, measured with perf.)
struct IdleWatch {
    /// Seconds since the watch started.
    tick: AtomicU64,
    /// The limits, in ticks: for a read (the next request) and for a
    /// write (the peer taking more of a response).
    idle_limit: u64,
    send_limit: u64,
    waiting: Mutex<Vec<Arc<Waiter>>>,
}

/// A watched connection: the tick at which its read or write began (a
/// write with [`WRITING`] set), or [`BUSY`].
struct Waiter {
    since: AtomicU64,
    stream: Arc<TcpStream>,
}

/// Not waiting for the peer (decoding a request, or making the answer).
const BUSY: u64 = u64::MAX;

/// Set in [`Waiter::since`] while a write waits.
const WRITING: u64 = 1 << 62;

impl IdleWatch {
    /// The watch, its thread started.
    fn start(idle: Duration, send: Duration) -> Arc<IdleWatch> {
        let watch = Arc::new(IdleWatch {
            tick: AtomicU64::new(0),
            idle_limit: idle.as_secs(),
            send_limit: send.as_secs(),
            waiting: Mutex::new(Vec::new()),
        });
        let ticking = Arc::clone(&watch);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            ticking.close_idle(ticking.tick.fetch_add(1, Ordering::Relaxed) + 1);
        });
        watch
    }

    fn close_idle(&self, now: u64) {
        // (A read so shut down returns the end of the stream; a write
        // fails with a broken pipe.)
        let waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        for waiter in waiting.iter() {
            let since = waiter.since.load(Ordering::Relaxed);
            let limit = if since & WRITING != 0 {
                self.send_limit
            } else {
                self.idle_limit
            };
            // Waited more than `limit` whole ticks: idle at least that long.
            if since != BUSY && now.saturating_sub(since & !WRITING) > limit {
                waiter.since.store(BUSY, Ordering::Relaxed);
                let _ = waiter.stream.shutdown(std::net::Shutdown::Both);
            }
        }
    }

    /// Watch `stream` until the returned guard drops. (The stream is
    /// shared, not a duplicate descriptor: a watched connection costs no
    /// second file descriptor.)
    fn watch(&self, stream: &Arc<TcpStream>) -> Watched<'_> {
        let waiter = Arc::new(Waiter {
            since: AtomicU64::new(BUSY),
            stream: Arc::clone(stream),
        });
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        waiting.push(Arc::clone(&waiter));
        Watched {
            watch: self,
            waiter,
        }
    }
}

/// A connection under an [`IdleWatch`], until dropped.
struct Watched<'w> {
    watch: &'w IdleWatch,
    waiter: Arc<Waiter>,
}

impl Watched<'_> {
    /// A read for the peer's next request begins.
    fn reading(&self) {
        self.reading_since(self.now());
    }

    /// A read begins that is part of a wait that began at tick `began`
    /// (the first bytes of a request head).
    fn reading_since(&self, began: u64) {
        self.waiter.since.store(began, Ordering::Relaxed);
    }

    /// The watch's tick now.
    fn now(&self) -> u64 {
        self.watch.tick.load(Ordering::Relaxed)
    }

    /// A write that may wait for the peer to take more begins.
    fn writing(&self) {
        let now = self.watch.tick.load(Ordering::Relaxed);
        self.waiter.since.store(now | WRITING, Ordering::Relaxed);
    }

    /// The read or write returned.
    fn busy(&self) {
        self.waiter.since.store(BUSY, Ordering::Relaxed);
    }
}

impl Drop for Watched<'_> {
    fn drop(&mut self) {
        let mut waiting = self.watch.waiting.lock().unwrap_or_else(|e| e.into_inner());
        waiting.retain(|w| !Arc::ptr_eq(w, &self.waiter));
    }
}

/// A connection's writes, each watched by the [`IdleWatch`] as its reads
/// are (two relaxed stores and a load a write: nothing that shows).
struct WatchedWriter<'w> {
    stream: &'w TcpStream,
    watched: &'w Watched<'w>,
}

impl Write for WatchedWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.watched.writing();
        let written = { self.stream }.write(bytes);
        self.watched.busy();
        written
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
