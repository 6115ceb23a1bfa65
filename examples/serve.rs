//! Serve the files of a folder over HTTP/1.1, on `std::net`, a thread per
//! connection, built only on h1wire's server connection
//! (`h1wire::server::Connection`).
//!
//! ```text
//! cargo run --release --example serve -- [--addr 127.0.0.1:8080] [--max-connections N] [--idle-timeout SECS] [DIR]
//! ```
//!
//! - GET and HEAD of files: 200 with Content-Length, Content-Type by
//!   extension, Last-Modified and an ETag; a conditional GET
//!   (If-None-Match, else If-Modified-Since) answers 304; a folder without
//!   its trailing slash answers 301; a folder serves its `index.html`; a
//!   missing file answers 404; a path that would leave DIR (`..`, encoded
//!   or not, a link pointing out) is refused.
//! - POST /echo answers 200 with the request's body: chunked if it came
//!   chunked, with Content-Length otherwise; `Expect: 100-continue` gets
//!   its 100 before the body is read.
//! - Keep-alive and pipelining, `Connection: close` and HTTP/1.0 (the
//!   connection type does all of it); a request the strict decoder refuses
//!   is answered with the error's status hint and the connection closed;
//!   an idle connection times out.
//! - One log line per request on standard output: peer, method, target,
//!   status, body bytes, time. The first line says where it listens
//!   (`--addr 127.0.0.1:0` picks a free port).

use std::fs;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use h1wire::server::Connection;
use h1wire::{Body, ConnState, ConnStatus, ConnectionConfig, Event, Framing, StatusLine, Version};

#[path = "access_log/mod.rs"]
mod access_log;
#[path = "site/mod.rs"]
mod site;
use site::{Reply, Request, CHUNK};

struct Options {
    addr: String,
    root: PathBuf,
    max_connections: usize,
    idle: Duration,
}

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("serve: {message}");
            eprintln!(
                "usage: serve [--addr HOST:PORT] [--max-connections N] [--idle-timeout SECS] [DIR]"
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
    let cache = Arc::new(site::FileCache::new());
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if active.fetch_add(1, Ordering::SeqCst) >= options.max_connections {
            active.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.write_all(
                b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            );
            continue;
        }
        let (root, cache, active) = (Arc::clone(&root), Arc::clone(&cache), Arc::clone(&active));
        let idle = options.idle;
        std::thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(e) = serve_connection(&mut stream, &root, &cache, peer, idle) {
                if !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) {
                    eprintln!("serve: {e}");
                }
            }
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8080".into(),
        root: PathBuf::from("."),
        max_connections: 256,
        idle: Duration::from_secs(15),
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
            "--idle-timeout" => {
                let secs: u64 = value("--idle-timeout")?
                    .parse()
                    .map_err(|_| "--idle-timeout takes seconds")?;
                options.idle = Duration::from_secs(secs.max(1));
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
/// until the connection says it is closed, the peer leaves, or it idles.
fn serve_connection(
    stream: &mut TcpStream,
    root: &Path,
    cache: &site::FileCache,
    peer: Option<SocketAddr>,
    idle: Duration,
) -> io::Result<()> {
    stream.set_read_timeout(Some(idle))?;
    stream.set_nodelay(true)?;
    let mut log = access_log::Log::new(peer.map_or_else(|| "-".to_string(), |p| p.to_string()));
    let mut conn = Connection::new(ConnectionConfig::default());
    let mut buf = vec![0u8; h1wire::Limits::default().buffer_len().max(CHUNK)];
    let (mut start, mut end) = (0, 0);
    let mut out: Vec<u8> = Vec::new();
    let mut request = Request::default();
    let mut files = site::Site::new(root, cache);
    // Where file bodies are read into, once per connection.
    let mut piece = vec![0u8; CHUNK];
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
                    let sent = write_reply(&mut conn, &mut out, &mut reply, &mut piece, stream);
                    request.log(&mut log, status, sent.unwrap_or(0));
                    stream.write_all(&out)?;
                    return Ok(());
                }
            };
            start += step.consumed;
            match step.status {
                ConnStatus::Event(Event::Request(line)) => {
                    request.start(line.method, line.target);
                }
                ConnStatus::Event(Event::Header(field)) => request.field(field.name, field.value),
                ConnStatus::Event(Event::HeadEnd(head)) => {
                    request.chunked = head.framing == Framing::Chunked;
                    if conn.expects_continue() {
                        // The client waits for this before sending the body.
                        let line = StatusLine::new(Version::Http11, 100, "Continue");
                        conn.response_into(&line, &[], Body::AsFields, &mut out)
                            .and_then(|_| conn.end_into(&[], &mut out))
                            .map_err(io::Error::other)?;
                        stream.write_all(&out)?;
                        out.clear();
                    }
                }
                ConnStatus::Event(Event::Body(data)) => request.body(data),
                ConnStatus::Event(Event::MessageEnd) => {
                    let mut reply = files.reply(&request);
                    let bytes = write_reply(&mut conn, &mut out, &mut reply, &mut piece, stream)?;
                    request.log(&mut log, reply.status, bytes);
                    request.clear();
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
        }
        stream.write_all(&out)?;
        out.clear();
        if done || conn.state() == ConnState::Closed {
            return Ok(());
        }
        // Make room, then read more.
        buf.copy_within(start..end, 0);
        end -= start;
        start = 0;
        let n = match stream.read(&mut buf[end..]) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Ok(()); // idle: close
            }
            Err(e) => return Err(e),
        };
        if n == 0 {
            // The peer closed its side: anything half read is dropped.
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
    let (fields, body, line) = (reply.head_fields(), reply.framing, reply.line());
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
