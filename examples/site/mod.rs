//! What the example file servers (`serve.rs` on `std::net`,
//! `tokio_serve.rs` on tokio) answer, apart from how they speak HTTP/1:
//! files under a root folder, `POST /echo`, the dates and the log line.
//! Each server turns a [`Reply`] into messages through h1wire.

#![allow(dead_code)] // each server uses most of it, not all

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Instant, UNIX_EPOCH};

/// The largest request body /echo takes (413 past it).
pub const MAX_ECHO: usize = 16 << 20;
/// Bytes of a file read at a time.
pub const CHUNK: usize = 64 << 10;

/// What a server keeps of a request while reading it.
#[derive(Default)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
    pub chunked: bool,
    pub body: Vec<u8>,
    pub too_large: bool,
    pub started: Option<Instant>,
}

impl Request {
    pub fn new(method: &[u8], target: &[u8]) -> Self {
        Request {
            method: String::from_utf8_lossy(method).into_owned(),
            target: String::from_utf8_lossy(target).into_owned(),
            started: Some(Instant::now()),
            ..Request::default()
        }
    }

    /// Keep the fields the site reads.
    pub fn field(&mut self, name: &[u8], value: &[u8]) {
        let value = || String::from_utf8_lossy(value).into_owned();
        if name.eq_ignore_ascii_case(b"if-none-match") {
            self.if_none_match = Some(value());
        } else if name.eq_ignore_ascii_case(b"if-modified-since") {
            self.if_modified_since = Some(value());
        }
    }

    /// A piece of the body (kept for /echo, up to [`MAX_ECHO`]).
    pub fn body(&mut self, data: &[u8]) {
        if self.body.len() + data.len() <= MAX_ECHO {
            self.body.extend_from_slice(data);
        } else {
            self.too_large = true;
        }
    }
}

/// How a reply's body is framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Content-Length (for HEAD and 304, the length the body would have).
    Length(u64),
    /// Chunked (an echo of a chunked request).
    Chunked,
    /// No body at all (a 304).
    Empty,
}

/// Where a reply's body comes from.
pub enum Payload {
    None,
    Bytes(Vec<u8>),
    File(File),
}

/// A response, before h1wire writes it.
pub struct Reply {
    pub status: u16,
    pub fields: Vec<(&'static str, String)>,
    pub framing: Framing,
    pub payload: Payload,
}

impl Reply {
    /// A small response with a body of its own.
    pub fn simple(status: u16, content_type: &str, body: &[u8]) -> Reply {
        Reply {
            status,
            fields: vec![("Content-Type", content_type.to_string())],
            framing: Framing::Length(body.len() as u64),
            payload: Payload::Bytes(body.to_vec()),
        }
    }

    /// The next piece of the body into `buf`; 0 at its end.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.payload {
            Payload::None => Ok(0),
            Payload::Bytes(bytes) => {
                let n = bytes.len().min(buf.len());
                buf[..n].copy_from_slice(&bytes[..n]);
                bytes.drain(..n);
                Ok(n)
            }
            Payload::File(file) => file.read(buf),
        }
    }
}

/// The reply to `request`, a whole request.
pub fn reply(root: &Path, request: &Request) -> Reply {
    match (request.method.as_str(), request.target.as_str()) {
        ("POST", "/echo") => echo(request),
        ("GET" | "HEAD", _) => file(root, request),
        _ => {
            let mut reply = Reply::simple(405, "text/html", b"<h1>405 Method Not Allowed</h1>\n");
            reply.fields.push(("Allow", "GET, HEAD".into()));
            reply
        }
    }
}

fn echo(request: &Request) -> Reply {
    if request.too_large {
        return Reply::simple(413, "text/plain", b"request body too large\n");
    }
    Reply {
        status: 200,
        fields: vec![("Content-Type", "application/octet-stream".into())],
        framing: if request.chunked {
            Framing::Chunked
        } else {
            Framing::Length(request.body.len() as u64)
        },
        payload: Payload::Bytes(request.body.clone()),
    }
}

const NOT_FOUND: &[u8] = b"<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n";

fn file(root: &Path, request: &Request) -> Reply {
    let not_found = || Reply::simple(404, "text/html", NOT_FOUND);
    let Some((path, query)) = resolve(root, &request.target) else {
        return not_found();
    };
    let Ok(meta) = fs::metadata(&path) else {
        return not_found();
    };
    let (path, meta) = if meta.is_dir() {
        let url_path = request.target.split('?').next().unwrap_or("/");
        if !url_path.ends_with('/') {
            let mut reply = Reply::simple(301, "text/html", b"<h1>Moved Permanently</h1>\n");
            reply
                .fields
                .push(("Location", format!("{url_path}/{query}")));
            return reply;
        }
        let index = path.join("index.html");
        match fs::metadata(&index) {
            Ok(meta) if meta.is_file() => (index, meta),
            _ => return not_found(),
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
    let mut fields = vec![
        ("Content-Type", content_type(&path).to_string()),
        ("Last-Modified", http_date(modified)),
        ("ETag", etag.clone()),
    ];
    if not_modified(request, &etag, modified) {
        fields.remove(0);
        return Reply {
            status: 304,
            fields,
            framing: Framing::Empty,
            payload: Payload::None,
        };
    }
    let payload = match File::open(&path) {
        Ok(file) if request.method != "HEAD" => Payload::File(file),
        Ok(_) => Payload::None,
        Err(_) => return not_found(),
    };
    Reply {
        status: 200,
        fields,
        framing: Framing::Length(meta.len()),
        payload,
    }
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
pub fn resolve(root: &Path, target: &str) -> Option<(PathBuf, String)> {
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

pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
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

/// One log line: peer, method, target, status, body bytes, time.
pub fn log(peer: &str, request: &Request, status: u16, bytes: u64) {
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
pub fn http_date(secs: u64) -> String {
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
pub fn parse_http_date(text: &str) -> Option<u64> {
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
