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

use std::fs::{self, File};
use std::io::{self, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use h1wire::server::Connection;
use h1wire::{
    Body, ConnState, ConnStatus, ConnectionConfig, Event, Field, Framing, MethodKind, StatusLine,
    Version,
};

/// The largest request body /echo takes (413 past it).
const MAX_ECHO: usize = 16 << 20;
/// Bytes read from the socket, or from a file, at a time.
const CHUNK: usize = 64 << 10;

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
        let (root, active, idle) = (Arc::clone(&root), Arc::clone(&active), options.idle);
        std::thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(e) = serve_connection(&mut stream, &root, peer, idle) {
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

/// What the server keeps of a request while reading it.
#[derive(Default)]
struct Request {
    method: String,
    target: String,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
    framing: Option<Framing>,
    body: Vec<u8>,
    too_large: bool,
    started: Option<Instant>,
}

/// One connection: read, decode, answer each request at its end, write;
/// until the connection says it is closed, the peer leaves, or it idles.
fn serve_connection(
    stream: &mut TcpStream,
    root: &Path,
    peer: Option<SocketAddr>,
    idle: Duration,
) -> io::Result<()> {
    stream.set_read_timeout(Some(idle))?;
    stream.set_nodelay(true)?;
    let peer = peer.map_or_else(|| "-".to_string(), |p| p.to_string());
    let mut conn = Connection::new(ConnectionConfig::default());
    let mut buf = vec![0u8; h1wire::Limits::default().buffer_len().max(CHUNK)];
    let (mut start, mut end) = (0, 0);
    let mut out: Vec<u8> = Vec::new();
    let mut request = Request::default();
    loop {
        // Decode what is buffered; answer each request at its end.
        let mut done = false;
        loop {
            let step = match conn.decode(&buf[start..end]) {
                Ok(step) => step,
                Err(error) => {
                    let status = error.status_hint();
                    let body = format!("{error}\n");
                    respond_simple(&mut conn, &mut out, status, "text/plain", body.as_bytes());
                    log(&peer, &request, status, body.len());
                    stream.write_all(&out)?;
                    return Ok(());
                }
            };
            start += step.consumed;
            match step.status {
                ConnStatus::Event(event) => {
                    let answered = take_event(&mut request, event);
                    if matches!(event, Event::HeadEnd(_)) && conn.expects_continue() {
                        // The client waits for this before sending the body.
                        let line = StatusLine::new(Version::Http11, 100, "Continue");
                        conn.response_into(&line, &[], Body::AsFields, &mut out)
                            .and_then(|_| conn.end_into(&[], &mut out))
                            .map_err(io::Error::other)?;
                        stream.write_all(&out)?;
                        out.clear();
                    }
                    if answered {
                        let request = std::mem::take(&mut request);
                        answer(&mut conn, &mut out, root, &request, &peer)?;
                        if out.len() >= CHUNK {
                            stream.write_all(&out)?;
                            out.clear();
                        }
                    }
                }
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

/// Keep what the event says; true at the end of the request.
fn take_event(request: &mut Request, event: Event<'_>) -> bool {
    match event {
        Event::Request(line) => {
            *request = Request {
                method: String::from_utf8_lossy(line.method).into_owned(),
                target: String::from_utf8_lossy(line.target).into_owned(),
                started: Some(Instant::now()),
                ..Request::default()
            };
        }
        Event::Header(field) => {
            let value = || String::from_utf8_lossy(field.value).into_owned();
            if field.name_is("if-none-match") {
                request.if_none_match = Some(value());
            } else if field.name_is("if-modified-since") {
                request.if_modified_since = Some(value());
            }
        }
        Event::HeadEnd(head) => request.framing = Some(head.framing),
        Event::Body(data) => {
            if request.body.len() + data.len() <= MAX_ECHO {
                request.body.extend_from_slice(data);
            } else {
                request.too_large = true;
            }
        }
        Event::Trailer(_) => {}
        Event::MessageEnd => return true,
        Event::Response(_) => {}
    }
    false
}

/// Write the response to `request` into `out` (file bodies go straight
/// to the socket's buffer in pieces).
fn answer(
    conn: &mut Connection,
    out: &mut Vec<u8>,
    root: &Path,
    request: &Request,
    peer: &str,
) -> io::Result<()> {
    let (status, bytes) = match (request.method.as_str(), request.target.as_str()) {
        ("POST", "/echo") => echo(conn, out, request)?,
        ("GET" | "HEAD", _) => serve_file(conn, out, root, request)?,
        _ => {
            let allow = [Field::new("Allow", "GET, HEAD")];
            respond(
                conn,
                out,
                405,
                &allow,
                "text/html",
                b"<h1>405 Method Not Allowed</h1>\n",
            )?
        }
    };
    log(peer, request, status, bytes);
    Ok(())
}

fn echo(conn: &mut Connection, out: &mut Vec<u8>, request: &Request) -> io::Result<(u16, usize)> {
    if request.too_large {
        return respond(
            conn,
            out,
            413,
            &[],
            "text/plain",
            b"request body too large\n",
        );
    }
    let line = StatusLine::new(Version::Http11, 200, "OK");
    let content_type = [Field::new("Content-Type", "application/octet-stream")];
    let body = if request.framing == Some(Framing::Chunked) {
        Body::Chunked
    } else {
        Body::Length(request.body.len() as u64)
    };
    conn.response_into(&line, &content_type, body, out)
        .map_err(io::Error::other)?;
    // In pieces, so that a chunked echo has chunks.
    for piece in request.body.chunks(CHUNK) {
        conn.body_into(piece, out).map_err(io::Error::other)?;
    }
    conn.end_into(&[], out).map_err(io::Error::other)?;
    Ok((200, request.body.len()))
}

fn serve_file(
    conn: &mut Connection,
    out: &mut Vec<u8>,
    root: &Path,
    request: &Request,
) -> io::Result<(u16, usize)> {
    const NOT_FOUND: &[u8] = b"<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n";
    let Some((path, query)) = resolve(root, &request.target) else {
        return respond(conn, out, 404, &[], "text/html", NOT_FOUND);
    };
    let Ok(meta) = fs::metadata(&path) else {
        return respond(conn, out, 404, &[], "text/html", NOT_FOUND);
    };
    let (path, meta) = if meta.is_dir() {
        let url_path = request.target.split('?').next().unwrap_or("/");
        if !url_path.ends_with('/') {
            let location = format!("{url_path}/{query}");
            let fields = [Field {
                name: b"Location",
                value: location.as_bytes(),
            }];
            return respond(
                conn,
                out,
                301,
                &fields,
                "text/html",
                b"<h1>Moved Permanently</h1>\n",
            );
        }
        let index = path.join("index.html");
        match fs::metadata(&index) {
            Ok(meta) if meta.is_file() => (index, meta),
            _ => return respond(conn, out, 404, &[], "text/html", NOT_FOUND),
        }
    } else {
        (path, meta)
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), modified);
    let last_modified = http_date(modified);
    let fields = [
        Field::new("Content-Type", content_type(&path)),
        Field {
            name: b"Last-Modified",
            value: last_modified.as_bytes(),
        },
        Field {
            name: b"ETag",
            value: etag.as_bytes(),
        },
    ];
    if not_modified(request, &etag, modified) {
        let line = StatusLine::new(Version::Http11, 304, "Not Modified");
        conn.response_into(&line, &fields[1..], Body::Empty, out)
            .and_then(|_| conn.end_into(&[], out))
            .map_err(io::Error::other)?;
        return Ok((304, 0));
    }
    let mut file = File::open(&path)?;
    let line = StatusLine::new(Version::Http11, 200, "OK");
    conn.response_into(&line, &fields, Body::Length(meta.len()), out)
        .map_err(io::Error::other)?;
    if request.method == "HEAD" {
        conn.end_into(&[], out).map_err(io::Error::other)?;
        return Ok((200, 0));
    }
    let mut left = meta.len();
    let mut piece = vec![0u8; CHUNK];
    while left > 0 {
        let want = piece.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = file.read(&mut piece[..want])?;
        if n == 0 {
            // The file shrank: the response cannot be completed honestly.
            return Err(io::Error::new(ErrorKind::UnexpectedEof, "file shrank"));
        }
        conn.body_into(&piece[..n], out).map_err(io::Error::other)?;
        left -= n as u64;
    }
    conn.end_into(&[], out).map_err(io::Error::other)?;
    Ok((200, meta.len() as usize))
}

/// RFC 9110 section 13.1.2 (If-None-Match, weak comparison) and, without
/// it, 13.1.3 (If-Modified-Since).
fn not_modified(request: &Request, etag: &str, modified: u64) -> bool {
    if let Some(tags) = &request.if_none_match {
        let tags = tags.trim();
        return tags == "*"
            || tags
                .split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag);
    }
    match request
        .if_modified_since
        .as_deref()
        .and_then(parse_http_date)
    {
        Some(since) => modified <= since,
        None => false,
    }
}

/// The file under `root` that `target` names, and the query (with its
/// `?`, or empty). `None` when the target is not a path, its
/// percent-encoding is broken, or it would leave `root`.
fn resolve(root: &Path, target: &str) -> Option<(PathBuf, String)> {
    // An absolute-form target (to a proxy) names its path after the authority.
    let target = match target.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/').unwrap_or(rest.len())..],
        None => target,
    };
    if !target.starts_with('/') {
        return None;
    }
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, format!("?{query}")),
        None => (target, String::new()),
    };
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\0') || s.contains('\\') => return None,
            s => file.push(s),
        }
    }
    // A link inside the folder may point out of it.
    let real = fs::canonicalize(&file).ok()?;
    real.starts_with(root).then_some((real, query))
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" | "md" | "rs" | "toml" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A complete response with a small body.
fn respond(
    conn: &mut Connection,
    out: &mut Vec<u8>,
    status: u16,
    extra: &[Field<'_>],
    content_type: &str,
    body: &[u8],
) -> io::Result<(u16, usize)> {
    let mut fields = vec![Field::new("Content-Type", content_type)];
    fields.extend_from_slice(extra);
    let line = StatusLine::new(Version::Http11, status, reason(status));
    // A response to HEAD states the length but carries no body.
    let head = conn
        .answering()
        .is_some_and(|a| a.method == MethodKind::Head);
    conn.response_into(&line, &fields, Body::Length(body.len() as u64), out)
        .and_then(|_| {
            if head {
                Ok(())
            } else {
                conn.body_into(body, out)
            }
        })
        .and_then(|_| conn.end_into(&[], out).map(|_| ()))
        .map_err(io::Error::other)?;
    Ok((status, if head { 0 } else { body.len() }))
}

/// The answer to a request the decoder refused (the connection adds
/// `Connection: close`). Nothing to do if it cannot be written.
fn respond_simple(conn: &mut Connection, out: &mut Vec<u8>, status: u16, ty: &str, body: &[u8]) {
    let _ = respond(conn, out, status, &[], ty, body);
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

fn log(peer: &str, request: &Request, status: u16, bytes: usize) {
    let ms = request
        .started
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let method = if request.method.is_empty() {
        "-"
    } else {
        &request.method
    };
    let target = if request.target.is_empty() {
        "-"
    } else {
        &request.target
    };
    println!("{peer} {method} {target} {status} {bytes} {ms:.3}ms");
}

// ---------------------------------------------------------------- dates

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// IMF-fixdate (RFC 9110 section 5.6.7) of seconds since 1970.
fn http_date(secs: u64) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        day,
        MONTHS[(month - 1) as usize],
        year,
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Seconds since 1970 of an IMF-fixdate; `None` for anything else.
fn parse_http_date(text: &str) -> Option<u64> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts[..] else {
        return None;
    };
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let day: u32 = day.parse().ok()?;
    let year: i64 = year.parse().ok()?;
    let mut hms = time.split(':').map(|p| p.parse::<u64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    let days = days_from_civil(year, month, day);
    u64::try_from(days)
        .ok()
        .map(|d| d * 86_400 + h * 3600 + m * 60 + s)
}

/// Year, month, day of a count of days since 1970-01-01 (Howard
/// Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a date (the inverse of [`civil_from_days`]).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        for secs in [0, 784_111_777, 951_782_400, 1_700_000_000, 4_102_444_800] {
            assert_eq!(parse_http_date(&http_date(secs)), Some(secs));
        }
        assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), None);
    }

    #[test]
    fn paths_stay_inside_the_root() {
        let root = fs::canonicalize(".").unwrap();
        assert!(resolve(&root, "/Cargo.toml").is_some());
        assert!(resolve(&root, "/src/../Cargo.toml").is_none());
        assert!(resolve(&root, "/%2e%2e/etc/passwd").is_none());
        assert!(resolve(&root, "/%2E%2E%2Fetc").is_none());
        assert!(resolve(&root, "//etc/passwd").is_none());
        assert!(resolve(&root, "/%zz").is_none());
        assert!(resolve(&root, "*").is_none());
        let (path, query) = resolve(&root, "http://h/Cargo.toml?x=1").unwrap();
        assert!(path.ends_with("Cargo.toml"));
        assert_eq!(query, "?x=1");
    }
}
