//! The file server of `serve.rs` on tokio, through h1wire's tokio-util
//! codec (`h1wire::ServerCodec`, feature `tokio`): request frames share the
//! read buffer, responses are encoded into the write buffer.
//!
//! ```text
//! cargo run --release --features tokio --example tokio_serve -- [--addr 127.0.0.1:8080] [--max-connections N] [--idle-timeout SECS] [--send-timeout SECS] [--stat-valid-ms MS] [DIR]
//! ```
//!
//! It answers what `serve.rs` answers (`examples/site`), and
//! `tests/peers/serve_peers.py` runs the same checks against it. Small
//! files come from the site's shared cache (a file found unchanged is
//! served for the next `--stat-valid-ms` without another look, one second
//! unless said otherwise, as `serve.rs` does); a large file is read through
//! `tokio::fs` (on tokio's blocking pool) and streams to the socket in
//! 64 KiB pieces.
//!
//! As in `serve.rs`: a connection idle for `--idle-timeout` seconds
//! (default 15) waiting for a request, or whose request head has not come
//! whole that long after it began, or whose write has waited
//! `--send-timeout` seconds (default 60, nginx's `send_timeout`) for the
//! peer to take more, is closed; past `--max-connections` (default 256)
//! a connection is answered 503 and closed; a failed `accept` (out of file
//! descriptors) pauses the accept loop before it tries again.
//!
//! Finding a file (its `stat`, and the `open` and read of a small one
//! the cache does not hold) runs on the runtime's own thread, not on the
//! blocking pool: on a local disk it takes microseconds and, with the
//! cache, happens about once a second per file, where a hand-off to the
//! pool and back would cost every request a thread switch or two. A site
//! on a network file system would want `tokio::task::spawn_blocking`
//! around `Site::reply`.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

use bytes::BytesMut;
use h1wire::{
    Body, CodecError, ConnState, ConnectionConfig, Framing, RequestFrame, ResponsePart,
    ServerCodec, StatusLine, Version,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{Decoder, Encoder};

#[path = "access_log/mod.rs"]
mod access_log;
#[path = "date/mod.rs"]
mod date;
#[path = "site/mod.rs"]
mod site;
use site::{Payload, Reply, Request, CHUNK};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (mut addr, mut root, mut idle) = ("127.0.0.1:8080".to_string(), PathBuf::from("."), 15);
    let mut send_timeout = site::SEND_TIMEOUT.as_secs();
    let mut stat_valid = site::FileCache::STAT_VALID;
    let mut max_connections: usize = 256;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--addr" => addr = args.next().unwrap_or_else(|| usage("--addr needs a value")),
            "--max-connections" => {
                max_connections = number(&mut args, "--max-connections takes a number")
            }
            "--send-timeout" => send_timeout = number(&mut args, "--send-timeout takes seconds"),
            "--idle-timeout" => idle = number(&mut args, "--idle-timeout takes seconds"),
            "--stat-valid-ms" => {
                let ms = number(&mut args, "--stat-valid-ms takes milliseconds");
                stat_valid = Duration::from_millis(ms);
            }
            flag if flag.starts_with("--") => usage(&format!("unknown option {flag}")),
            dir => root = PathBuf::from(dir),
        }
    }
    let root = match std::fs::canonicalize(&root) {
        Ok(root) if root.is_dir() => Arc::new(root),
        _ => usage(&format!("{} is not a folder", root.display())),
    };
    let listener = TcpListener::bind(&addr).await.unwrap_or_else(|e| {
        eprintln!("tokio_serve: cannot listen on {addr}: {e}");
        std::process::exit(1);
    });
    let local = listener
        .local_addr()
        .expect("a bound socket has an address");
    println!("serving {} on http://{local}/", root.display());
    // As serve reads them: at least a second.
    let timeouts = Timeouts {
        idle: Duration::from_secs(idle.max(1)),
        send: Duration::from_secs(send_timeout.max(1)),
    };
    let cache = Arc::new(site::FileCache::with_stat_valid(stat_valid));
    let active = Arc::new(AtomicUsize::new(0));
    let mut accept_errors = site::AcceptErrors::default();
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tokio::time::sleep(accept_errors.failed("tokio_serve", &e)).await;
                continue;
            }
        };
        let Some(slot) = site::Slot::take(&active, max_connections) else {
            // Written at once, as serve does: a new socket's send buffer
            // takes these few bytes. (Through std: tokio's own write waits
            // until its reactor has seen the new socket writable.)
            if let Ok(stream) = stream.into_std() {
                let _ = (&stream).write(&site::busy_response());
            }
            continue;
        };
        let (root, cache) = (Arc::clone(&root), Arc::clone(&cache));
        tokio::spawn(async move {
            let _slot = slot;
            let peer = peer.to_string();
            if let Err(e) = serve_connection(stream, &root, &cache, peer, timeouts).await {
                if !matches!(e, CodecError::Io(_)) {
                    eprintln!("tokio_serve: {e}");
                }
            }
        });
    }
}

/// The number after a flag, or `why` and the usage.
fn number<T: std::str::FromStr>(args: &mut impl Iterator<Item = String>, why: &str) -> T {
    args.next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| usage(why))
}

fn usage(message: &str) -> ! {
    eprintln!("tokio_serve: {message}");
    eprintln!(
        "usage: tokio_serve [--addr HOST:PORT] [--max-connections N] [--idle-timeout SECS] [--send-timeout SECS] [--stat-valid-ms MS] [DIR]"
    );
    std::process::exit(2);
}

/// How long the peer may keep a connection waiting.
#[derive(Clone, Copy)]
struct Timeouts {
    /// For its next request (`--idle-timeout`).
    idle: Duration,
    /// To take more of a response, as nginx's `send_timeout`
    /// (`--send-timeout`; see `site::SEND_TIMEOUT`).
    send: Duration,
}

/// Write all of `bytes`, each write allowed `limit` to move: a peer that
/// stops reading (its window shut) is left once a write has waited that
/// long. (The socket says it is writable again only when half of what it
/// holds is gone: a slow reader of a large file can leave a write waiting
/// many seconds, hence a limit of its own, longer than the idle one.)
async fn send(stream: &mut TcpStream, mut bytes: &[u8], limit: Duration) -> io::Result<()> {
    while !bytes.is_empty() {
        // Most writes fit in the send buffer at once: they make no timer.
        let written = match stream.try_write(bytes) {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                match tokio::time::timeout(limit, stream.write(bytes)).await {
                    Ok(written) => written?,
                    Err(_) => return Err(io::ErrorKind::TimedOut.into()),
                }
            }
            written => written?,
        };
        if written == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[written..];
    }
    Ok(())
}

/// One connection, then its lingering close.
async fn serve_connection(
    mut stream: TcpStream,
    root: &Path,
    cache: &site::FileCache,
    peer: String,
    timeouts: Timeouts,
) -> Result<(), CodecError> {
    let served = converse(&mut stream, root, cache, peer, timeouts).await;
    linger(&mut stream).await;
    served
}

/// Close `stream` so that what was written to it is read: its sending
/// side first, then what the client still sends is read and dropped,
/// until it closes too or [`site::LINGER`] has passed (see there).
async fn linger(stream: &mut TcpStream) {
    if stream.shutdown().await.is_err() {
        return;
    }
    let deadline = tokio::time::Instant::now() + site::LINGER;
    let mut sink = [0u8; 4096];
    while let Ok(Ok(n)) = tokio::time::timeout_at(deadline, stream.read(&mut sink)).await {
        if n == 0 {
            return;
        }
    }
}

/// Read, decode, answer each request, write; until the connection says
/// it is closed, the peer leaves, or it idles.
async fn converse(
    stream: &mut TcpStream,
    root: &Path,
    cache: &site::FileCache,
    peer: String,
    timeouts: Timeouts,
) -> Result<(), CodecError> {
    stream.set_nodelay(true)?;
    let mut log = access_log::Log::new(peer);
    let mut codec = ServerCodec::new(ConnectionConfig::default());
    let mut input = BytesMut::with_capacity(CHUNK);
    let mut output = BytesMut::new();
    let mut request = Request::default();
    let mut files = site::Site::new(root, cache);
    // Where file bodies are read into, once per connection.
    let mut piece = vec![0u8; CHUNK];
    // When the head being read must be whole, if one is: the whole head
    // has the idle limit (a body's reads, and the wait between requests,
    // each have it), as in `serve.rs`.
    let mut head_deadline: Option<tokio::time::Instant> = None;
    let mut in_body = false;
    loop {
        loop {
            let frame = match codec.decode(&mut input) {
                Ok(Some(frame)) => frame,
                Ok(None) => break,
                Err(CodecError::Decode(error)) => {
                    let status = error.status_hint();
                    let mut reply =
                        Reply::simple(status, "text/plain", format!("{error}\n").as_bytes());
                    let sent = write_reply(
                        &mut codec,
                        &mut output,
                        &mut reply,
                        &mut piece,
                        stream,
                        timeouts.send,
                    )
                    .await;
                    request.log(&mut log, status, sent.unwrap_or(0));
                    send(stream, &output, timeouts.send).await?;
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
            // Whether the request is answered now: at its end, or at its
            // head when the answer does not depend on the body.
            let mut answer = false;
            match frame {
                RequestFrame::Request { method, target, .. } => {
                    request.start(&method, &target);
                }
                RequestFrame::Header { name, value } => request.field(&name, &value),
                RequestFrame::HeadEnd {
                    framing,
                    expects_continue,
                } => {
                    head_deadline = None;
                    in_body = framing != Framing::None;
                    request.head_end(framing);
                    // Answered now, the body unread, the connection closes
                    // after it (and reads nothing more); or a 100.
                    // (Only while none of the body is here: a client that
                    // sent it without waiting, and requests after it, are
                    // read as ever.)
                    answer = expects_continue
                        && input.is_empty()
                        && files.answers_before_the_body(&request);
                    if expects_continue && !answer {
                        let line = StatusLine::new(Version::Http11, 100, "Continue");
                        let head = ResponsePart::Head {
                            line,
                            fields: &[],
                            body: Body::AsFields,
                        };
                        codec.encode(head, &mut output)?;
                        codec.encode(ResponsePart::End, &mut output)?;
                        send(stream, &output, timeouts.send).await?;
                        output.clear();
                    }
                }
                RequestFrame::Body(data) => request.body(&data),
                RequestFrame::Trailer { .. } => {}
                RequestFrame::MessageEnd => {
                    in_body = false;
                    answer = true;
                }
            }
            if answer {
                let mut reply = files.reply(&request);
                let bytes = write_reply(
                    &mut codec,
                    &mut output,
                    &mut reply,
                    &mut piece,
                    stream,
                    timeouts.send,
                )
                .await?;
                request.log(&mut log, reply.status, bytes);
                request.clear();
            }
        }
        send(stream, &output, timeouts.send).await?;
        output.clear();
        if codec.finished() || codec.state() == ConnState::Closed {
            return Ok(());
        }
        // Bytes of a head came (buffered, or read as frames), and its end
        // has not: its clock runs on.
        let deadline = if !in_body && (!input.is_empty() || request.started.is_some()) {
            *head_deadline.get_or_insert_with(|| tokio::time::Instant::now() + timeouts.idle)
        } else {
            head_deadline = None;
            tokio::time::Instant::now() + timeouts.idle
        };
        match tokio::time::timeout_at(deadline, stream.read_buf(&mut input)).await {
            Ok(Ok(0)) | Err(_) => return Ok(()), // closed, or idle
            Ok(Ok(_)) => {}
            Ok(Err(e)) => return Err(e.into()),
        }
    }
}

/// Encode `reply` into `output`; the body bytes sent. Whenever `output`
/// holds a piece's worth, it goes to `stream` (each write given `limit` to
/// move); what is left stays, to go out with the responses to pipelined
/// requests after it.
async fn write_reply(
    codec: &mut ServerCodec,
    output: &mut BytesMut,
    reply: &mut Reply,
    piece: &mut [u8],
    stream: &mut TcpStream,
    limit: Duration,
) -> Result<u64, CodecError> {
    let date = date::date_now();
    let (fields, body, line) = (reply.head_fields(&date), reply.framing, reply.line());
    codec.encode(
        ResponsePart::Head {
            line,
            fields: &fields,
            body,
        },
        output,
    )?;
    // After HEAD, or for a 204 or 304, the head frames no body (nor for
    // a 101, which this server never sends).
    let has_body = codec
        .last_head()
        .is_some_and(|head| !matches!(head.framing, Framing::None | Framing::Upgrade));
    let mut sent = 0;
    if has_body {
        // A file not in the cache is read without blocking the runtime.
        let mut file = match std::mem::replace(&mut reply.payload, Payload::None) {
            Payload::File(file, left) => Some((tokio::fs::File::from_std(file), left)),
            other => {
                reply.payload = other;
                None
            }
        };
        loop {
            let data: &[u8] = match &mut file {
                Some((file, left)) => {
                    let want = piece
                        .len()
                        .min(usize::try_from(*left).unwrap_or(usize::MAX));
                    let n = if want == 0 {
                        0
                    } else {
                        file.read(&mut piece[..want]).await?
                    };
                    *left -= n as u64;
                    &piece[..n]
                }
                None => reply.piece(piece)?,
            };
            if data.is_empty() {
                break;
            }
            codec.encode(ResponsePart::Body(data), output)?;
            sent += data.len() as u64;
            if output.len() >= CHUNK {
                send(stream, output, limit).await?;
                output.clear();
            }
        }
    }
    codec.encode(ResponsePart::End, output)?;
    Ok(sent)
}
