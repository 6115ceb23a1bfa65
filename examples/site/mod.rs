//! What the example file servers (`serve.rs` on `std::net`,
//! `tokio_serve.rs` on tokio) answer, apart from how they speak HTTP/1:
//! files under a root folder, `POST /echo`, the dates and the log line.
//! Each server turns a [`Reply`] into messages through h1wire.

#![allow(dead_code)] // each server uses most of it, not all

use std::borrow::Cow;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::access_log::Log;
use crate::date::{date_now, http_date, now_secs, parse_http_date};
use h1wire::{Body, Field, Framing, StatusLine, Version};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The largest request body /echo takes (413 past it).
pub const MAX_ECHO: usize = 16 << 20;
/// Bytes of a file read at a time.
pub const CHUNK: usize = 64 << 10;

/// What a server keeps of a request while reading it.
#[derive(Default)]
pub struct Request {
    pub method: String,
    pub target: String,
    /// Its If-None-Match and If-Match lists, every field line of each
    /// joined into one (RFC 9110 section 5.3).
    pub if_none_match: Option<String>,
    pub if_match: Option<String>,
    /// Its If-Modified-Since and If-Unmodified-Since dates; `Some("")`
    /// (no date) for a field sent twice, which is ignored (RFC 9110
    /// sections 13.1.3 and 13.1.4: one date, or the field is not valid).
    pub if_modified_since: Option<String>,
    pub if_unmodified_since: Option<String>,
    /// Its body has a transfer coding other than chunked, which this
    /// server does not decode: answered 501 (RFC 9112 section 6.1).
    pub unknown_coding: bool,
    /// Its target names /echo, however spelled (see [`is_echo`]).
    pub to_echo: bool,
    pub chunked: bool,
    pub body: Vec<u8>,
    pub too_large: bool,
    /// Its Content-Length says more than [`MAX_ECHO`] (answered before
    /// the body comes).
    pub announced_too_large: bool,
    pub started: Option<Instant>,
}

impl Request {
    /// Begin the next request on a connection in this one's place: its
    /// buffers are kept, so a keep-alive connection does not allocate
    /// them again for each request.
    pub fn start(&mut self, method: &[u8], target: &[u8]) {
        self.clear();
        self.method.push_str(&String::from_utf8_lossy(method));
        self.target.push_str(&String::from_utf8_lossy(target));
        self.to_echo = is_echo(&self.target);
        self.started = Some(Instant::now());
    }

    /// Forget the request (its buffers kept): what a decode error after
    /// it logs is then no longer its method and target.
    pub fn clear(&mut self) {
        self.method.clear();
        self.target.clear();
        self.if_none_match = None;
        self.if_match = None;
        self.if_modified_since = None;
        self.if_unmodified_since = None;
        self.unknown_coding = false;
        self.to_echo = false;
        self.chunked = false;
        self.body.clear();
        if self.body.capacity() > CHUNK {
            // A large echo's buffer is not kept for the requests after it.
            self.body = Vec::new();
        }
        self.too_large = false;
        self.announced_too_large = false;
        self.started = None;
    }

    /// Keep the fields the site reads.
    pub fn field(&mut self, name: &[u8], value: &[u8]) {
        let text = String::from_utf8_lossy(value);
        let list = |kept: &mut Option<String>| match kept {
            Some(list) => {
                list.push_str(", ");
                list.push_str(&text);
            }
            None => *kept = Some(text.to_string()),
        };
        let date = |kept: &mut Option<String>| {
            *kept = Some(if kept.is_some() {
                String::new()
            } else {
                text.to_string()
            })
        };
        let is = |other: &[u8]| name.eq_ignore_ascii_case(other);
        if is(b"if-none-match") {
            list(&mut self.if_none_match);
        } else if is(b"if-match") {
            list(&mut self.if_match);
        } else if is(b"if-modified-since") {
            date(&mut self.if_modified_since);
        } else if is(b"if-unmodified-since") {
            date(&mut self.if_unmodified_since);
        } else if is(b"transfer-encoding") {
            // (The decoder checked the list: registered codings, chunked
            // last. Only chunked is undone here.)
            self.unknown_coding |= text
                .split(',')
                .map(str::trim)
                .any(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("chunked"));
        }
    }

    /// Its log line: peer, method, target, status, body bytes, time.
    pub fn log(&self, log: &mut Log, status: u16, bytes: u64) {
        let us = self.started.map_or(0, |t| t.elapsed().as_micros());
        log.line(format_args!(
            "{} {} {status} {bytes} {}.{:03}ms",
            or_dash(&self.method),
            or_dash(&self.target),
            us / 1000,
            us % 1000
        ));
    }

    /// The end of the head: how its body is framed.
    pub fn head_end(&mut self, framing: Framing) {
        self.chunked = framing == Framing::Chunked;
        self.announced_too_large = matches!(framing, Framing::Length(n) if n > MAX_ECHO as u64);
    }

    /// Whether its body is kept: a POST to /echo that gets an echo. (Any
    /// other's is read and dropped, not held in memory for nobody.)
    fn keeps_body(&self) -> bool {
        self.method == "POST" && self.to_echo && !self.unknown_coding
    }

    /// A piece of the body (kept for /echo, up to [`MAX_ECHO`]).
    pub fn body(&mut self, data: &[u8]) {
        if !self.keeps_body() {
            return;
        }
        if self.body.len() + data.len() <= MAX_ECHO {
            self.body.extend_from_slice(data);
        } else {
            self.too_large = true;
        }
    }
}

/// Where a reply's body comes from.
pub enum Payload {
    None,
    /// Bytes in memory (a cached file's are shared with the cache), from
    /// the offset on.
    Bytes(Arc<[u8]>, usize),
    /// A file and the bytes of it still to send (known from its
    /// metadata: reading stops there, without a read to find the end).
    File(File, u64),
}

impl Payload {
    /// The bytes left to send.
    fn len(&self) -> u64 {
        match self {
            Payload::None => 0,
            Payload::Bytes(bytes, at) => bytes.len().saturating_sub(*at) as u64,
            Payload::File(_, left) => *left,
        }
    }
}

/// A response, before h1wire writes it.
pub struct Reply {
    pub status: u16,
    /// Values fixed in the program are borrowed, not copied.
    pub fields: Vec<(&'static str, Cow<'static, str>)>,
    /// How the body is framed: `Length` (for HEAD, the length the body
    /// would have), `Chunked` (an echo of a chunked request), `Empty` (a
    /// 304).
    pub framing: Body,
    pub payload: Payload,
}

impl Reply {
    /// The status line to write.
    pub fn line(&self) -> StatusLine<'static> {
        StatusLine::canonical(Version::Http11, self.status)
    }

    /// The fields to write, borrowed, after a `Date` of `date` (see
    /// [`date_now`]).
    pub fn head_fields<'a>(&'a self, date: &'a [u8]) -> Vec<Field<'a>> {
        let mut fields = Vec::with_capacity(self.fields.len() + 1);
        fields.push(Field {
            name: b"Date",
            value: date,
        });
        fields.extend(self.fields.iter().map(|(name, value)| Field {
            name: name.as_bytes(),
            value: value.as_bytes(),
        }));
        fields
    }

    /// A small response with a body of its own.
    pub fn simple(status: u16, content_type: &str, body: &[u8]) -> Reply {
        Reply {
            status,
            fields: vec![("Content-Type", content_type.to_string().into())],
            framing: Body::Length(body.len() as u64),
            payload: Payload::Bytes(body.into(), 0),
        }
    }

    /// The next piece of the body, empty at its end: bytes in memory as
    /// they are (at most `buf`'s length of them), a file's read into `buf`.
    pub fn piece<'s>(&'s mut self, buf: &'s mut [u8]) -> io::Result<&'s [u8]> {
        match &mut self.payload {
            Payload::None => Ok(&[]),
            Payload::Bytes(bytes, at) => {
                let rest = bytes.get(*at..).unwrap_or_default();
                let n = rest.len().min(buf.len());
                *at += n;
                Ok(&rest[..n])
            }
            Payload::File(file, left) => {
                let want = buf.len().min(usize::try_from(*left).unwrap_or(usize::MAX));
                if want == 0 {
                    return Ok(&[]);
                }
                let n = file.read(&mut buf[..want])?;
                *left -= n as u64;
                Ok(&buf[..n])
            }
        }
    }
}

/// The small files served lately, shared by every connection: a hit costs
/// one `stat` of the path instead of open, fstat, read and close, and no
/// system call at all within a second (by default) of the last `stat`
/// that found the file as it was (lighttpd's stat cache and nginx's
/// `open_file_cache_valid` make the same trade: a file changed on disk is
/// served as changed within that time). An entry serves only while the
/// file's device, inode, length and modification time are what they were
/// when it was read.
pub struct FileCache {
    entries: Mutex<Vec<Cached>>,
    /// How long a `stat` that found a cached file unchanged vouches for
    /// it ([`FileCache::STAT_VALID`] unless said otherwise).
    stat_valid: Duration,
}

struct Cached {
    path: PathBuf,
    key: FileKey,
    bytes: Arc<[u8]>,
    /// When a `stat` of the path last found `key`.
    checked: Instant,
}

/// What tells a file's version apart.
#[derive(Clone, Copy, PartialEq, Eq)]
struct FileKey {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
}

impl FileKey {
    fn of(meta: &Metadata) -> FileKey {
        FileKey {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
        }
    }
}

impl FileCache {
    /// Files up to this size are kept.
    pub const MAX_FILE: u64 = 64 << 10;
    /// Files kept at most (the oldest goes first): at most 4 MiB in all.
    pub const ENTRIES: usize = 64;
    /// How long a `stat` that found a cached file unchanged vouches for
    /// it, by default.
    pub const STAT_VALID: Duration = Duration::from_secs(1);

    pub fn new() -> Self {
        FileCache::with_stat_valid(Self::STAT_VALID)
    }

    /// A cache whose `stat`s vouch for a file this long (zero: a `stat`
    /// on every request).
    pub fn with_stat_valid(stat_valid: Duration) -> Self {
        FileCache {
            entries: Mutex::new(Vec::new()),
            stat_valid,
        }
    }

    /// The bytes of `path` and their key, when a `stat` found them
    /// current lately (see [`Self::with_stat_valid`]).
    fn recent(&self, path: &Path, now: Instant) -> Option<(FileKey, Arc<[u8]>)> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .iter()
            .find(|c| c.path == path && now.saturating_duration_since(c.checked) < self.stat_valid)
            .map(|c| (c.key, Arc::clone(&c.bytes)))
    }

    /// The bytes of `path` if they are those of `key` (which a `stat` has
    /// just found, at `now`).
    fn get(&self, path: &Path, key: FileKey, now: Instant) -> Option<Arc<[u8]>> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let cached = entries
            .iter_mut()
            .find(|c| c.key == key && c.path == path)?;
        cached.checked = now;
        Some(Arc::clone(&cached.bytes))
    }

    fn put(&self, path: &Path, key: FileKey, bytes: Arc<[u8]>, checked: Instant) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|c| c.path != path);
        if entries.len() == Self::ENTRIES {
            entries.remove(0);
        }
        entries.push(Cached {
            path: path.to_path_buf(),
            key,
            bytes,
            checked,
        });
    }
}

impl Default for FileCache {
    fn default() -> Self {
        FileCache::new()
    }
}

/// The site as one connection sees it: the root, the shared file cache,
/// and the targets it has resolved already (a connection asks for the same
/// few paths again; the resolution costs a system call per path component,
/// to see links).
pub struct Site<'r> {
    root: &'r Path,
    cache: &'r FileCache,
    /// Each target, what it named, and when it was resolved: trusted for
    /// as long as the file cache trusts a `stat` (a change on disk, a
    /// folder swapped for a link pointing out of the root, shows within
    /// that time, as with the cache).
    resolved: Vec<(String, Option<Resolved>, Instant)>,
}

impl<'r> Site<'r> {
    /// Targets remembered per connection.
    const REMEMBERED: usize = 32;

    pub fn new(root: &'r Path, cache: &'r FileCache) -> Self {
        Site {
            root,
            cache,
            resolved: Vec::new(),
        }
    }

    /// The reply to `request`, a whole request.
    pub fn reply(&mut self, request: &Request) -> Reply {
        reply(self, request)
    }

    /// Whether the reply to a request whose head is `request` is known
    /// before its body: all but an /echo of a body that fits. A request
    /// that asked for `100 (Continue)` is answered at once then, rather
    /// than told to send a body nobody reads (RFC 9110 section 10.1.1 lets
    /// a server answer instead of the 100; the connection then closes, the
    /// body unread).
    pub fn answers_before_the_body(&self, request: &Request) -> bool {
        !request.keeps_body() || request.announced_too_large
    }

    /// What `target` names (see [`resolve`]), resolved again once the
    /// file cache would `stat` again.
    fn resolve(&mut self, target: &str, now: Instant) -> Option<&Resolved> {
        let valid = self.cache.stat_valid;
        self.resolved
            .retain(|(_, _, when)| now.saturating_duration_since(*when) < valid);
        let at = match self.resolved.iter().position(|(t, _, _)| t == target) {
            Some(at) => at,
            None => {
                if self.resolved.len() == Self::REMEMBERED {
                    self.resolved.remove(0);
                }
                let found = resolve(self.root, target);
                self.resolved.push((target.to_string(), found, now));
                self.resolved.len() - 1
            }
        };
        self.resolved[at].1.as_ref()
    }
}

fn reply(site: &mut Site<'_>, request: &Request) -> Reply {
    // RFC 9110 section 9.1: a method the server does not know is 501, one
    // it knows that the resource does not take 405, with what it takes.
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    ];
    let method = request.method.as_str();
    if !KNOWN.contains(&method) {
        return Reply::simple(501, "text/plain", b"method not implemented\n");
    }
    if request.unknown_coding {
        return Reply::simple(501, "text/plain", b"transfer coding not implemented\n");
    }
    let not_allowed = |allow: &'static str| {
        let mut reply = Reply::simple(405, "text/html", b"<h1>405 Method Not Allowed</h1>\n");
        reply.fields.push(("Allow", allow.into()));
        reply
    };
    match (method, request.to_echo) {
        ("POST", true) => echo(request),
        (_, true) => not_allowed("POST"),
        ("GET" | "HEAD", false) => file(site, request),
        _ => not_allowed("GET, HEAD"),
    }
}

/// Whether `target` names `/echo`, however it is spelled: absolute-form
/// (RFC 9112 section 3.2.2: a server must take it), dot segments, empty
/// segments and percent-encoding, read as `resolve` reads a file's path.
fn is_echo(target: &str) -> bool {
    plain_path(target).is_some_and(|path| !path.slash && path.segments().eq(["echo"]))
}

fn echo(request: &Request) -> Reply {
    if request.too_large || request.announced_too_large {
        return Reply::simple(413, "text/plain", b"request body too large\n");
    }
    Reply {
        status: 200,
        fields: vec![("Content-Type", Cow::Borrowed("application/octet-stream"))],
        framing: if request.chunked {
            Body::Chunked
        } else {
            Body::Length(request.body.len() as u64)
        },
        payload: Payload::Bytes(request.body.as_slice().into(), 0),
    }
}

const NOT_FOUND: &[u8] = b"<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n";

fn file(site: &mut Site<'_>, request: &Request) -> Reply {
    let not_found = || Reply::simple(404, "text/html", NOT_FOUND);
    let (root, cache) = (site.root, site.cache);
    let now = Instant::now();
    let Some(target) = site.resolve(&request.target, now) else {
        return not_found();
    };
    // (A target ending in `/` names a folder: `find_file` says whether it
    // is one, which a cached file of the same path must not skip.)
    let recent = (!target.slash)
        .then(|| cache.recent(&target.file, now))
        .flatten();
    let (path, key, body) = match recent {
        Some((key, bytes)) => (Cow::Borrowed(&*target.file), key, Payload::Bytes(bytes, 0)),
        None => match find_file(root, cache, &target.file, target.slash, now) {
            Ok(Found::File(path, key, body)) => (path, key, body),
            Ok(Found::Folder) => {
                let mut reply = Reply::simple(301, "text/html", b"<h1>Moved Permanently</h1>\n");
                reply
                    .fields
                    .push(("Location", target.folder_location().into()));
                return reply;
            }
            Err(_) => return not_found(),
        },
    };
    // RFC 9110 section 8.8.2.1: a modification time later than the
    // response's Date is sent as that Date.
    let modified = u64::try_from(key.mtime.0).unwrap_or(0).min(now_secs());
    // A strong validator changes with the content (RFC 9110 section
    // 8.8.3): the length, the modification time to the nanosecond and the
    // inode (a file replaced whole) tell versions apart, as the cache's
    // key does; seconds alone would not, for a rewrite within a second.
    let etag = format!(
        "\"{:x}-{:x}.{:x}-{:x}\"",
        key.len, key.mtime.0, key.mtime.1, key.ino
    );
    if !preconditions_hold(request, &etag, modified) {
        return Reply::simple(412, "text/plain", b"precondition failed\n");
    }
    let unchanged = not_modified(request, &etag, modified);
    let mut fields = Vec::with_capacity(3);
    if !unchanged {
        fields.push(("Content-Type", Cow::Borrowed(content_type(&path))));
    }
    fields.push(("Last-Modified", http_date(modified).into()));
    fields.push(("ETag", etag.into()));
    if unchanged {
        return Reply {
            status: 304,
            fields,
            framing: Body::Empty,
            payload: Payload::None,
        };
    }
    let len = body.len();
    let payload = if request.method == "HEAD" {
        Payload::None
    } else {
        body
    };
    Reply {
        status: 200,
        fields,
        framing: Body::Length(len),
        payload,
    }
}

/// What a path names, for [`find_file`].
enum Found<'p> {
    /// A file (a folder's `index.html` for a folder path ending in `/`):
    /// its path, version and bytes.
    File(Cow<'p, Path>, FileKey, Payload),
    /// A folder named without its trailing `/`.
    Folder,
}

/// The file `path` (canonical, inside `root`) names, found by `stat` (at
/// `now`): from the cache when it holds this version, else opened. A
/// folder's `index.html` when the target named the folder with its
/// trailing `/` (`slash`).
fn find_file<'p>(
    root: &Path,
    cache: &FileCache,
    path: &'p Path,
    slash: bool,
    now: Instant,
) -> io::Result<Found<'p>> {
    // `lstat`: `path` was canonical (no link in it) when the target was
    // resolved, which a connection remembers; a link found here now was
    // put in its place since, and may point out of the root.
    let meta = fs::symlink_metadata(path)?;
    if meta.is_symlink() {
        return Err(io::ErrorKind::NotFound.into());
    }
    let (path, meta) = if meta.is_dir() {
        if !slash {
            return Ok(Found::Folder);
        }
        let index = path.join("index.html");
        // `resolve` checked the folder, not this name in it: a link here
        // may point out of the root as well. (`lstat` first: a plain file,
        // the usual case, costs no more than the `stat` it replaces.)
        let meta = fs::symlink_metadata(&index)?;
        let meta = if meta.is_symlink() {
            if !fs::canonicalize(&index)?.starts_with(root) {
                return Err(io::ErrorKind::NotFound.into());
            }
            fs::metadata(&index)?
        } else {
            meta
        };
        (Cow::Owned(index), meta)
    } else if slash {
        // `/file.txt/` names a folder that is not there.
        return Err(io::ErrorKind::NotFound.into());
    } else {
        (Cow::Borrowed(path), meta)
    };
    if !meta.is_file() {
        return Err(io::ErrorKind::NotFound.into());
    }
    // The bytes come from the cache, or from the file as opened (its own
    // metadata then: the path may have changed since the stat above).
    let key = FileKey::of(&meta);
    let (key, body) = match cache.get(&path, key, now) {
        Some(bytes) => (key, Payload::Bytes(bytes, 0)),
        None => open_file(cache, &path, now)?,
    };
    Ok(Found::File(path, key, body))
}

/// Open `path`: a small file is read whole and cached, a large one is
/// streamed from the open file.
fn open_file(cache: &FileCache, path: &Path, now: Instant) -> io::Result<(FileKey, Payload)> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::ErrorKind::NotFound.into());
    }
    let key = FileKey::of(&meta);
    if meta.len() > FileCache::MAX_FILE {
        let len = meta.len();
        return Ok((key, Payload::File(file, len)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    if bytes.len() as u64 != meta.len() {
        // Written to while read: serve what was read, uncached.
        return Ok((key, Payload::Bytes(bytes.into(), 0)));
    }
    let bytes: Arc<[u8]> = bytes.into();
    cache.put(path, key, Arc::clone(&bytes), now);
    Ok((key, Payload::Bytes(bytes, 0)))
}

/// RFC 9110 section 13.1.1 (If-Match, strong comparison) and, without it,
/// 13.1.4 (If-Unmodified-Since), evaluated first (section 13.2.2): false
/// is a 412.
fn preconditions_hold(request: &Request, etag: &str, modified: u64) -> bool {
    if let Some(tags) = &request.if_match {
        let tags = tags.trim();
        // (A weak tag never matches strongly.)
        return tags == "*" || tags.split(',').map(str::trim).any(|t| t == etag);
    }
    match request
        .if_unmodified_since
        .as_deref()
        .and_then(parse_http_date)
    {
        Some(since) => modified <= since,
        None => true,
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

/// What a request target names under the root, from [`resolve`].
#[derive(Debug)]
pub struct Resolved {
    /// The file or folder, canonical (links followed), inside the root.
    pub file: PathBuf,
    /// The target's path made plain: its segments (empty ones and `.`
    /// dropped) percent-encoded afresh, each after one `/`; empty for the
    /// root. It never starts with `//`, which a browser reads as a host.
    pub path: String,
    /// Whether the target's path ends with `/` (a folder's `index.html`).
    pub slash: bool,
    /// The target's query, with its `?`, or empty.
    pub query: String,
}

impl Resolved {
    /// Where a folder named without its trailing `/` redirects: built from
    /// the plain path, never from the target's bytes (`//host/x` there
    /// would send the client to another site).
    pub fn folder_location(&self) -> String {
        format!("{}/{}", self.path, self.query)
    }
}

/// A request target's path, percent-decoded, and what else of the target
/// a server reads: from [`plain_path`].
struct PlainPath<'t> {
    decoded: String,
    /// The path ends with `/`.
    slash: bool,
    /// The query, with its `?`, or empty.
    query: &'t str,
}

impl PlainPath<'_> {
    /// The path's segments, empty ones and `.` dropped.
    fn segments(&self) -> impl Iterator<Item = &str> {
        self.decoded.split('/').filter(|s| !matches!(*s, "" | "."))
    }
}

/// `target`'s path, decoded; `None` when the target is not a path, its
/// percent-encoding is broken, or a segment would leave the folder it is
/// read in (`..`, or one holding NUL or `\`).
fn plain_path(target: &str) -> Option<PlainPath<'_>> {
    let (path, query) = split_target(target)?;
    let plain = PlainPath {
        decoded: percent_decode(path)?,
        slash: path.ends_with('/'),
        query,
    };
    let leaves = |s: &str| s == ".." || s.contains('\0') || s.contains('\\');
    let stays = !plain.segments().any(leaves);
    stays.then_some(plain)
}

/// What `target` names under `root`. `None` when the target is not a
/// path, its percent-encoding is broken, or it would leave `root`.
pub fn resolve(root: &Path, target: &str) -> Option<Resolved> {
    let path = plain_path(target)?;
    let mut file = root.to_path_buf();
    let mut plain = String::with_capacity(path.decoded.len() + 1);
    for segment in path.segments() {
        file.push(segment);
        plain.push('/');
        percent_encode_into(segment, &mut plain);
    }
    // A link inside the folder may point out of it.
    let real = fs::canonicalize(&file).ok()?;
    real.starts_with(root).then(|| Resolved {
        file: real,
        path: plain,
        slash: path.slash,
        query: path.query.to_string(),
    })
}

/// The path and the query (with its `?`, or empty) of a request target.
/// An origin-form target (`/` first) is taken as it is: a `://` in its
/// query or path is data. Only an absolute-form one (to a proxy) has a
/// scheme and an authority to drop. `None` for any other form (`*`).
fn split_target(target: &str) -> Option<(&str, &str)> {
    let path_and_query = if target.starts_with('/') {
        target
    } else {
        let (scheme, rest) = target.split_once("://")?;
        let is_scheme = |b: u8| b.is_ascii_alphanumeric() || b"+-.".contains(&b);
        if scheme.is_empty() || !scheme.bytes().all(is_scheme) {
            return None;
        }
        &rest[rest.find(['/', '?']).unwrap_or(rest.len())..]
    };
    let (path, query) =
        path_and_query.split_at(path_and_query.find('?').unwrap_or(path_and_query.len()));
    // An absolute-form target's empty path is `/` (RFC 9110 section 4.2.3).
    Some((if path.is_empty() { "/" } else { path }, query))
}

/// Append `segment` to `out`, percent-encoded but for the characters a
/// path segment may hold as they are (RFC 3986 `pchar`): a decoded `%`,
/// `?`, `#` or non-ASCII byte cannot change what the path means.
fn percent_encode_into(segment: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in segment.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            // Two hex digits (RFC 3986 section 2.1): `from_str_radix` alone
            // would also take `+2`.
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().map_or(&b""[..], |e| e.as_encoded_bytes());
    // Lower-cased on the stack: every extension below is short.
    let mut buf = [0u8; 8];
    let ext = match buf.get_mut(..ext.len()) {
        Some(lower) => {
            lower.copy_from_slice(ext);
            lower.make_ascii_lowercase();
            &*lower
        }
        None => &[],
    };
    match ext {
        b"html" | b"htm" => "text/html; charset=utf-8",
        b"css" => "text/css; charset=utf-8",
        b"js" | b"mjs" => "text/javascript; charset=utf-8",
        b"json" => "application/json",
        b"txt" | b"md" | b"rs" | b"toml" => "text/plain; charset=utf-8",
        b"xml" => "application/xml",
        b"svg" => "image/svg+xml",
        b"png" => "image/png",
        b"jpg" | b"jpeg" => "image/jpeg",
        b"gif" => "image/gif",
        b"webp" => "image/webp",
        b"ico" => "image/x-icon",
        b"pdf" => "application/pdf",
        b"wasm" => "application/wasm",
        b"mp4" => "video/mp4",
        b"woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// One of the `--max-connections` a server serves at once, given back when
/// dropped, however the connection ends (a panic included: the limit must
/// not shrink for good). A counter: tokio's `Semaphore` would need its
/// `sync` feature, and serve's threads have no use for one.
pub struct Slot(Arc<AtomicUsize>);

impl Slot {
    /// A slot, unless `max` are taken.
    pub fn take(active: &Arc<AtomicUsize>, max: usize) -> Option<Slot> {
        if active.fetch_add(1, Ordering::SeqCst) >= max {
            active.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(Arc::clone(active)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How long a write may wait for the peer to take more of a response
/// before the connection is closed, by default: nginx's `send_timeout`.
/// Longer than the idle timeout, because the kernel wakes a blocked
/// writer only once half of what it holds was sent: a client reading a
/// large file slowly but steadily can leave one write waiting many
/// seconds (a 4 MiB loopback send buffer read at 64 KiB/s: half a minute).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a closing connection reads on, and drops, what the client
/// still sends (RFC 9112 section 9.6: close the sending side first, then
/// read, so that a reset does not discard the response before the client
/// read it: after an error answer, say, with the rest of a request or
/// pipelined ones still coming).
pub const LINGER: Duration = Duration::from_secs(2);

/// The whole answer to a connection past the servers' connection limit,
/// written before it is closed.
pub fn busy_response() -> Vec<u8> {
    let mut out = b"HTTP/1.1 503 Service Unavailable\r\nDate: ".to_vec();
    out.extend_from_slice(&date_now());
    out.extend_from_slice(b"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    out
}

/// What a server does when `accept` fails. Out of file descriptors
/// (`EMFILE`), the listener stays readable and every retry fails at once:
/// without a pause the accept loop spins on a core until a connection
/// ends. One line says so every [`AcceptErrors::LOG_EVERY`] at most, not
/// one per failure.
#[derive(Default)]
pub struct AcceptErrors {
    /// When a failure was last logged.
    logged: Option<Instant>,
    /// Failures since then.
    unlogged: u64,
}

impl AcceptErrors {
    /// The pause after a failed accept: short enough that a freed
    /// descriptor is soon used, long enough that waiting costs no CPU.
    pub const PAUSE: Duration = Duration::from_millis(50);
    /// At most one line about failed accepts this often.
    pub const LOG_EVERY: Duration = Duration::from_secs(10);

    /// Note that `accept` failed with `error`; the pause to take before the
    /// next one. (`server` names the program in the log line.)
    pub fn failed(&mut self, server: &str, error: &io::Error) -> Duration {
        if error.kind() == io::ErrorKind::ConnectionAborted {
            // A peer that left while queued: the next accept can succeed.
            return Duration::ZERO;
        }
        self.unlogged += 1;
        let now = Instant::now();
        if self
            .logged
            .is_none_or(|at| now.duration_since(at) >= Self::LOG_EVERY)
        {
            eprintln!(
                "{server}: accept failed ({} times since the last such line): {error}; retrying every {} ms",
                self.unlogged,
                Self::PAUSE.as_millis()
            );
            self.logged = Some(now);
            self.unlogged = 0;
        }
        Self::PAUSE
    }
}

/// `-` for an empty part of a log line (a request that failed early).
fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a POST to /echo keeps its body; lists and dates of the
    /// conditional fields as RFC 9110 reads them; a coding not undone.
    #[test]
    fn what_a_request_keeps() {
        let mut request = Request::default();
        for (method, target, kept) in [
            ("POST", "/echo", true),
            ("POST", "http://h/./%65cho", true),
            ("GET", "/echo", false),
            ("POST", "/echo/", false),
            ("POST", "/f.txt", false),
        ] {
            request.start(method.as_bytes(), target.as_bytes());
            request.head_end(Framing::Length(2));
            request.body(b"hi");
            assert_eq!(request.body == b"hi", kept, "{method} {target}");
        }
        request.start(b"GET", b"/");
        request.field(b"If-None-Match", b"\"a\"");
        request.field(b"if-none-match", b"\"b\"");
        assert_eq!(request.if_none_match.as_deref(), Some("\"a\", \"b\""));
        request.field(b"If-Modified-Since", b"Sun, 06 Nov 1994 08:49:37 GMT");
        assert!(parse_http_date(request.if_modified_since.as_deref().unwrap()).is_some());
        request.field(b"If-Modified-Since", b"Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(request.if_modified_since.as_deref(), Some(""));
        assert!(!request.unknown_coding);
        request.field(b"Transfer-Encoding", b"chunked");
        assert!(!request.unknown_coding);
        request.field(b"Transfer-Encoding", b"gzip, chunked");
        assert!(request.unknown_coding);
    }

    #[test]
    fn percent_decoding_takes_two_hex_digits() {
        assert_eq!(percent_decode("/a%20b").as_deref(), Some("/a b"));
        for bad in ["/%+2", "/%-1", "/%2", "/%zz", "/% 2"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
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
        let found = resolve(&root, "http://h/Cargo.toml?x=1").unwrap();
        assert!(found.file.ends_with("Cargo.toml"));
        assert_eq!(found.query, "?x=1");
    }

    #[test]
    fn only_an_absolute_form_target_drops_a_scheme_and_authority() {
        let root = fs::canonicalize(".").unwrap();
        // A `://` in an origin-form target's query is data, not a path.
        assert!(resolve(&root, "/nothing-here?u=http://h/Cargo.toml").is_none());
        let found = resolve(&root, "/Cargo.toml?u=http://h/src").unwrap();
        assert!(found.file.ends_with("Cargo.toml"));
        assert_eq!(found.query, "?u=http://h/src");
        assert!(resolve(&root, "/nothing-here/http://h/Cargo.toml").is_none());
        // The absolute form, to a proxy; its empty path is `/`.
        let found = resolve(&root, "HTTP://h:80/Cargo.toml").unwrap();
        assert!(found.file.ends_with("Cargo.toml"));
        let found = resolve(&root, "http://h?q").unwrap();
        assert_eq!(
            (found.file, found.slash, &*found.query),
            (root.clone(), true, "?q")
        );
        assert!(resolve(&root, "x?u=http://h/Cargo.toml").is_none());
    }

    #[test]
    fn folder_locations_are_plain_paths() {
        let root = fs::canonicalize(".").unwrap();
        let location = |target| resolve(&root, target).unwrap().folder_location();
        assert_eq!(location("//src"), "/src/");
        assert_eq!(location("//src?a=b"), "/src/?a=b");
        assert_eq!(location("/./src//"), "/src/");
        assert_eq!(location("/%73rc"), "/src/");
        assert_eq!(location("http://h//src"), "/src/");
        assert_eq!(location("/."), "/");
        assert_eq!(location("//"), "/");
        let mut encoded = String::new();
        percent_encode_into("a b%?#/\u{e9}-._~!$&'()*+,;=:@", &mut encoded);
        assert_eq!(encoded, "a%20b%25%3F%23%2F%C3%A9-._~!$&'()*+,;=:@");
    }

    /// A folder of its own under the system's temporary folder, removed
    /// when dropped (a failed test too).
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("h1wire-site-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_linked_index_stays_inside_the_root() {
        let scratch = Scratch::new("linked-index");
        let base = &scratch.0;
        let root = base.join("root");
        for dir in ["root/out", "root/in", "outside"] {
            fs::create_dir_all(base.join(dir)).unwrap();
        }
        fs::write(base.join("outside/secret.txt"), "secret\n").unwrap();
        fs::write(base.join("root/page.html"), "page\n").unwrap();
        std::os::unix::fs::symlink("../../outside/secret.txt", root.join("out/index.html"))
            .unwrap();
        std::os::unix::fs::symlink("../page.html", root.join("in/index.html")).unwrap();
        let root = fs::canonicalize(&root).unwrap();
        let cache = FileCache::new();
        let mut site = Site::new(&root, &cache);
        let mut status = |target: &str| {
            let mut request = Request::default();
            request.start(b"GET", target.as_bytes());
            site.reply(&request).status
        };
        assert_eq!(status("/out/index.html"), 404);
        assert_eq!(status("/out/"), 404);
        assert_eq!(status("/in/"), 200);
        assert_eq!(status("/in"), 301);
    }
}
