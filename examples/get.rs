//! Fetch plain-HTTP URLs with h1wire's client connection
//! (`h1wire::client::Connection`) on `std::net`, and print the bodies.
//!
//! ```text
//! cargo run --release --example get -- [-X METHOD] [-d DATA] [-H 'Name: value']... [-i] [-L] URL...
//! ```
//!
//! - Content-Length, chunked and close-delimited bodies; 1xx interim
//!   responses; HEAD (no body, whatever the response says).
//! - `-i`: the status line and fields too, as `curl -i` prints them
//!   (interim responses included).
//! - `-L`: follow redirects (301, 302, 303, 307, 308; at most 10; 303 and a
//!   POST answered 301/302 go on as GET without a body). `Location` is
//!   resolved against the URL just fetched as RFC 3986 section 5.2 says;
//!   a `Location` that get cannot fetch (https, another scheme, no host)
//!   is an error, as is a redirect with two (`Location` holds one URI,
//!   RFC 9110 section 10.2.2: which one the server meant is not said).
//!   As curl does, `-H` fields `Authorization`, `Cookie` and
//!   `Proxy-Authorization` go only to the scheme, host and port of the URL
//!   given, never to a server it redirects to.
//! - Several URLs to the same host and port reuse one keep-alive
//!   connection while the server keeps it open. A server may close an
//!   idle connection just as a request goes out on it: a request of an
//!   idempotent method that got no byte of answer on a reused connection
//!   is sent once more on a new one (RFC 9112 section 9.3.1), as curl
//!   does; a POST is not (its first attempt may have taken effect).
//! - Exit status 0 when every response was read whole, 1 otherwise.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use h1wire::client::Connection;
use h1wire::{Body, ConnState, ConnStatus, ConnectionConfig, Event, Field, RequestLine, Version};

#[path = "quiet/mod.rs"]
mod quiet;

struct Options {
    method: Option<String>,
    data: Option<Vec<u8>>,
    headers: Vec<(String, String)>,
    include: bool,
    follow: bool,
    urls: Vec<String>,
}

/// A plain-HTTP URL, split.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Url {
    host: String,
    port: u16,
    /// `host` or `host:port` as written, for the Host field.
    authority: String,
    /// Path and query, never empty; never a fragment, which is not sent.
    target: String,
}

/// A URI reference split as RFC 3986 appendix B splits it: every text
/// splits, each part borrows it, and an absent part is `None` (an empty
/// query `?` is not an absent one), so that section 5.2 can tell them apart.
#[derive(Debug, PartialEq, Eq)]
struct UriParts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

/// Fields given with `-H` that carry credentials: curl keeps them from a
/// server the URL given redirects to, so that a redirect cannot collect them.
const CREDENTIAL_FIELDS: [&str; 3] = ["authorization", "cookie", "proxy-authorization"];

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("get: {message}");
            eprintln!("usage: get [-X METHOD] [-d DATA] [-H 'Name: value']... [-i] [-L] URL...");
            std::process::exit(2);
        }
    };
    let mut stdout = io::stdout().lock();
    let mut client = Client::default();
    for url in &options.urls {
        if let Err(e) = fetch(&mut client, &options, url, &mut stdout) {
            let _ = stdout.flush();
            eprintln!("get: {url}: {e}");
            std::process::exit(1);
        }
    }
    let _ = stdout.flush();
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        method: None,
        data: None,
        headers: Vec::new(),
        include: false,
        follow: false,
        urls: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-X" => options.method = Some(value("-X")?),
            "-d" => options.data = Some(value("-d")?.into_bytes()),
            "-H" => {
                let header = value("-H")?;
                let (name, value) = header
                    .split_once(':')
                    .ok_or(format!("-H takes 'Name: value', not {header:?}"))?;
                options
                    .headers
                    .push((name.trim().to_string(), value.trim().to_string()));
            }
            "-i" => options.include = true,
            "-L" => options.follow = true,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            url => options.urls.push(url.to_string()),
        }
    }
    if options.urls.is_empty() {
        return Err("no URL".into());
    }
    Ok(options)
}

/// An absolute `http` URL, split for the request. The fragment is dropped:
/// it is never sent (RFC 9110 section 7.1 leaves it out of the target).
fn parse_url(text: &str) -> Result<Url, String> {
    let parts = UriParts::split(text);
    match parts.scheme {
        Some(scheme) if scheme.eq_ignore_ascii_case("http") => {}
        Some(scheme) if scheme.eq_ignore_ascii_case("https") => {
            return Err("https is not supported (get speaks plain HTTP only)".into())
        }
        _ => return Err("only http:// URLs".into()),
    }
    let authority = parts.authority.ok_or("no host")?;
    if authority.contains('@') {
        // It would go out in the Host field, password and all.
        return Err("a user name in the URL is not supported".into());
    }
    let (host, port) = split_host_port(authority)?;
    if host.is_empty() {
        return Err("no host".into());
    }
    let path = if parts.path.is_empty() {
        "/"
    } else {
        parts.path
    };
    let target = match parts.query {
        Some(query) => format!("{path}?{query}"),
        None => path.to_string(),
    };
    // Said here rather than as the encoder's `invalid_target`, which does
    // not say which URL. (curl would percent-encode; get does not.)
    if !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("a space, control byte or non-ASCII byte in the path or query".into());
    }
    Ok(Url {
        host: host.to_string(),
        port,
        authority: authority.to_string(),
        target,
    })
}

/// Host (an IPv6 literal without its brackets) and port (80 when absent or
/// empty, RFC 3986 section 3.2.3) of an authority without user info.
fn split_host_port(authority: &str) -> Result<(&str, u16), String> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(literal) => {
            let (host, after) = literal.split_once(']').ok_or("no ] after [")?;
            match after {
                "" => (host, ""),
                _ => (host, after.strip_prefix(':').ok_or("bad port")?),
            }
        }
        None => authority.split_once(':').unwrap_or((authority, "")),
    };
    if port.is_empty() {
        return Ok((host, 80));
    }
    let port = port.parse().map_err(|_| format!("bad port {port}"))?;
    Ok((host, port))
}

impl Url {
    /// The URL itself, as the base a `Location` is resolved against.
    fn absolute(&self) -> String {
        format!("http://{}{}", self.authority, self.target)
    }

    /// Same host and port (the scheme is always http). Host names are
    /// case-insensitive (RFC 3986 section 3.2.2); a port left out is 80.
    fn same_origin(&self, other: &Url) -> bool {
        self.host.eq_ignore_ascii_case(&other.host) && self.port == other.port
    }
}

/// The `-H` fields to send to `url` when `first` is the URL that was given:
/// all of them there, and elsewhere all but the credentials.
fn headers_for<'a>(
    headers: &'a [(String, String)],
    first: &Url,
    url: &Url,
) -> Vec<&'a (String, String)> {
    let to_first = url.same_origin(first);
    headers
        .iter()
        .filter(|(name, _)| {
            to_first
                || !CREDENTIAL_FIELDS
                    .iter()
                    .any(|field| name.eq_ignore_ascii_case(field))
        })
        .collect()
}

impl<'a> UriParts<'a> {
    /// Appendix B's `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?`
    /// as code. A scheme is not checked against its grammar: one that is
    /// not http is refused later anyway.
    fn split(text: &'a str) -> Self {
        let (rest, fragment) = match text.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (text, None),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((rest, query)) => (rest, Some(query)),
            None => (rest, None),
        };
        let (scheme, rest) = match rest.find([':', '/']) {
            Some(colon) if colon > 0 && rest.as_bytes()[colon] == b':' => {
                (Some(&rest[..colon]), &rest[colon + 1..])
            }
            _ => (None, rest),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(after) => {
                let end = after.find('/').unwrap_or(after.len());
                (Some(&after[..end]), &after[end..])
            }
            None => (None, rest),
        };
        UriParts {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }
}

/// `reference` (a `Location` value) resolved against the absolute URI
/// `base`: RFC 3986 section 5.2.2, the strict form (`http:g` keeps its
/// scheme and stays `http:g`), recomposed as section 5.3 says.
fn resolve_reference(base: &str, reference: &str) -> String {
    let base = UriParts::split(base);
    let reference = UriParts::split(reference);
    let (scheme, authority, path, query);
    if reference.scheme.is_some() {
        scheme = reference.scheme;
        authority = reference.authority;
        path = remove_dot_segments(reference.path);
        query = reference.query;
    } else {
        scheme = base.scheme;
        if reference.authority.is_some() {
            authority = reference.authority;
            path = remove_dot_segments(reference.path);
            query = reference.query;
        } else {
            authority = base.authority;
            if reference.path.is_empty() {
                path = base.path.to_string();
                query = reference.query.or(base.query);
            } else {
                path = if reference.path.starts_with('/') {
                    remove_dot_segments(reference.path)
                } else {
                    remove_dot_segments(&merge_paths(&base, reference.path))
                };
                query = reference.query;
            }
        }
    }
    let mut uri = String::new();
    if let Some(scheme) = scheme {
        uri.push_str(scheme);
        uri.push(':');
    }
    if let Some(authority) = authority {
        uri.push_str("//");
        uri.push_str(authority);
    }
    uri.push_str(&path);
    if let Some(query) = query {
        uri.push('?');
        uri.push_str(query);
    }
    if let Some(fragment) = reference.fragment {
        uri.push('#');
        uri.push_str(fragment);
    }
    uri
}

/// A relative path put in place of the last segment of the base's path:
/// RFC 3986 section 5.2.3.
fn merge_paths(base: &UriParts<'_>, relative: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{relative}");
    }
    match base.path.rfind('/') {
        Some(slash) => format!("{}{relative}", &base.path[..=slash]),
        None => relative.to_string(),
    }
}

/// `.` and `..` segments taken out of a path: RFC 3986 section 5.2.4, its
/// steps A to E in order. A `..` above the root stays at the root.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut output = String::with_capacity(path.len());
    while !input.is_empty() {
        if let Some(rest) = input
            .strip_prefix("../")
            .or_else(|| input.strip_prefix("./"))
        {
            input = rest;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") || input == "/.." {
            input = if input == "/.." { "/" } else { &input[3..] };
            output.truncate(output.rfind('/').unwrap_or(0));
        } else if input == "." || input == ".." {
            input = "";
        } else {
            // The first segment, with its leading `/` if it has one.
            let from = usize::from(input.starts_with('/'));
            let end = input[from..].find('/').map_or(input.len(), |i| from + i);
            output.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    output
}

/// The open connection, kept between URLs to the same place.
#[derive(Default)]
struct Client {
    open: Option<(String, u16, TcpStream, Connection)>,
    /// Bytes read and not yet decoded.
    buf: Vec<u8>,
}

impl Client {
    /// A connection to `url`'s host and port: the open one while it stays
    /// open, else a new one. True when it is the open one.
    fn connect(&mut self, url: &Url) -> io::Result<bool> {
        // Bytes the server sent after the last response, in the same read
        // or since, were never asked for: read as the next request's
        // answer, they would answer it wrongly (RFC 9112 section 9.2).
        let reusable = self.buf.is_empty()
            && matches!(&self.open, Some((host, port, stream, conn))
            if *host == url.host && *port == url.port && conn.state() == ConnState::Open
                && quiet::nothing_new(stream));
        if !reusable {
            let stream = TcpStream::connect((url.host.as_str(), url.port))?;
            stream.set_read_timeout(Some(Duration::from_secs(30)))?;
            stream.set_nodelay(true)?;
            let conn = Connection::new(ConnectionConfig::default());
            self.open = Some((url.host.clone(), url.port, stream, conn));
            self.buf.clear();
        }
        Ok(reusable)
    }
}

/// Why a request got no answer at all: the server closed (or reset) the
/// connection before a byte of its response. On a reused connection it
/// may have closed it as idle just as the request went out.
const UNANSWERED: &str = "the server closed before responding";

/// Whether `error` is [`UNANSWERED`].
fn unanswered(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::ConnectionAborted && error.to_string() == UNANSWERED
}

/// Whether a request of `method` may be sent again when it got no answer
/// (RFC 9110 section 9.2.2: idempotent).
fn may_send_again(method: &str) -> bool {
    matches!(
        method,
        "GET" | "HEAD" | "OPTIONS" | "TRACE" | "PUT" | "DELETE"
    )
}

/// Fetch one URL (following redirects with `-L`) and print what it gave.
fn fetch(
    client: &mut Client,
    options: &Options,
    url: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    let first = parse_url(url).map_err(io::Error::other)?;
    let mut url = first.clone();
    let mut method = options.method.clone().unwrap_or_else(|| {
        if options.data.is_some() {
            "POST"
        } else {
            "GET"
        }
        .to_string()
    });
    let mut data = options.data.clone();
    for _ in 0..=10 {
        let headers = headers_for(&options.headers, &first, &url);
        let request = Request {
            url: &url,
            method: &method,
            headers: &headers,
            data: data.as_deref(),
        };
        let response = exchange(client, options, &request, out)?;
        let Some(location) = response.location.filter(|_| options.follow) else {
            return Ok(());
        };
        if !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
            return Ok(());
        }
        if response.locations_repeated {
            return Err(io::Error::other("a redirect with two Location fields"));
        }
        url = parse_url(&resolve_reference(&url.absolute(), &location))
            .map_err(|e| io::Error::other(format!("cannot follow Location {location}: {e}")))?;
        if response.status == 303 || (matches!(response.status, 301 | 302) && method == "POST") {
            method = "GET".into();
            data = None;
        }
    }
    Err(io::Error::other("more than 10 redirects"))
}

/// What the caller needs of a response.
struct Response {
    status: u16,
    location: Option<String>,
    /// More than one `Location` field came.
    locations_repeated: bool,
    /// A redirect that will be followed: its body is not printed (as
    /// curl does not print it).
    followed: bool,
}

/// What one request of a fetch sends.
struct Request<'a> {
    url: &'a Url,
    method: &'a str,
    /// The `-H` fields this URL gets.
    headers: &'a [&'a (String, String)],
    data: Option<&'a [u8]>,
}

/// One request and its response.
fn exchange(
    client: &mut Client,
    options: &Options,
    request: &Request<'_>,
    out: &mut impl Write,
) -> io::Result<Response> {
    let Request {
        url,
        method,
        headers,
        data,
    } = *request;
    let mut fields = vec![
        Field {
            name: b"Host",
            value: url.authority.as_bytes(),
        },
        Field::new("User-Agent", "h1wire-get/0.1"),
        Field::new("Accept", "*/*"),
    ];
    let has = |name: &str| headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    if data.is_some() && !has("content-type") {
        fields.push(Field::new(
            "Content-Type",
            "application/x-www-form-urlencoded",
        ));
    }
    fields.retain(|f| !headers.iter().any(|(n, _)| f.name_is(n)));
    for (name, value) in headers {
        fields.push(Field {
            name: name.as_bytes(),
            value: value.as_bytes(),
        });
    }
    let body = data.map_or(Body::Empty, |d| Body::Length(d.len() as u64));
    let line = RequestLine {
        method: method.as_bytes(),
        target: url.target.as_bytes(),
        version: Version::Http11,
    };
    let mut again = may_send_again(method);
    loop {
        let reused = client.connect(url)?;
        let (_, _, stream, conn) = client.open.as_mut().expect("connected");
        let mut wire = Vec::new();
        conn.request_into(&line, &fields, body, &mut wire)
            .map_err(io::Error::other)?;
        if let Some(data) = data {
            conn.body_into(data, &mut wire).map_err(io::Error::other)?;
        }
        conn.end_into(&[], &mut wire).map_err(io::Error::other)?;
        let answer = match stream.write_all(&wire) {
            Ok(()) => read_response(client, options, out),
            Err(e) if is_cut(&e) => {
                Err(io::Error::new(io::ErrorKind::ConnectionAborted, UNANSWERED))
            }
            Err(e) => Err(e),
        };
        match answer {
            Err(e) if reused && again && unanswered(&e) => {
                client.open = None;
                again = false;
            }
            answer => return answer,
        }
    }
}

/// Whether `error` says the peer closed or reset the connection.
fn is_cut(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionReset
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionAborted
    )
}

/// Read the response to the request just sent, printing it.
fn read_response(
    client: &mut Client,
    options: &Options,
    out: &mut impl Write,
) -> io::Result<Response> {
    let Client { open, buf } = client;
    let (_, _, stream, conn) = open.as_mut().expect("a request was sent");
    let mut response = Response {
        status: 0,
        location: None,
        locations_repeated: false,
        followed: false,
    };
    let mut start = 0;
    let mut piece = vec![0u8; 64 << 10];
    // Whether any byte of the answer came.
    let mut heard = !buf.is_empty();
    loop {
        loop {
            let step = conn.decode(&buf[start..]).map_err(io::Error::other)?;
            start += step.consumed;
            match step.status {
                ConnStatus::Event(event) => {
                    if print_event(event, options, &mut response, out)? {
                        buf.drain(..start);
                        return Ok(response);
                    }
                }
                ConnStatus::NeedMore => break,
                ConnStatus::Paused | ConnStatus::Switched | ConnStatus::Done { .. } => {
                    return Err(io::Error::other("the connection stopped mid-response"));
                }
            }
        }
        buf.drain(..start);
        start = 0;
        let n = match stream.read(&mut piece) {
            Err(e) if !heard && is_cut(&e) => 0,
            read => read?,
        };
        heard |= n > 0;
        if n == 0 {
            // The server closed: a close-delimited body ends here.
            return match conn.finish().map_err(io::Error::other)? {
                Some(event) => {
                    print_event(event, options, &mut response, out)?;
                    Ok(response)
                }
                None if !heard => Err(io::Error::new(io::ErrorKind::ConnectionAborted, UNANSWERED)),
                None => Err(io::Error::other("the server closed mid-response")),
            };
        }
        buf.extend_from_slice(&piece[..n]);
    }
}

/// Print one event; true at the end of the final response.
fn print_event(
    event: Event<'_>,
    options: &Options,
    response: &mut Response,
    out: &mut impl Write,
) -> io::Result<bool> {
    let include = options.include;
    match event {
        Event::Response(line) => {
            response.status = line.status;
            response.location = None;
            response.locations_repeated = false;
            response.followed = false;
            if include {
                out.write_all(line.version.as_str().as_bytes())?;
                write!(out, " {} ", line.status)?;
                out.write_all(line.reason)?;
                out.write_all(b"\r\n")?;
            }
        }
        Event::Header(field) => {
            if field.name_is("location") {
                response.locations_repeated |= response.location.is_some();
                response.location = Some(String::from_utf8_lossy(field.value).into_owned());
            }
            if include {
                out.write_all(field.name)?;
                out.write_all(b": ")?;
                out.write_all(field.value)?;
                out.write_all(b"\r\n")?;
            }
        }
        Event::HeadEnd(_) => {
            if include {
                out.write_all(b"\r\n")?;
            }
            response.followed = options.follow
                && response.location.is_some()
                && matches!(response.status, 301 | 302 | 303 | 307 | 308);
        }
        Event::Body(data) if !response.followed => out.write_all(data)?,
        Event::Body(_) => {}
        Event::Trailer(_) | Event::Request(_) => {}
        // A 1xx other than 101 is followed by the final response; after
        // a 101 the connection speaks another protocol.
        Event::MessageEnd => {
            return Ok(response.status == 101 || !(100..200).contains(&response.status))
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split() {
        let url = parse_url("http://example.com:8080/a/b?c=d").unwrap();
        assert_eq!(
            (
                url.host.as_str(),
                url.port,
                url.authority.as_str(),
                url.target.as_str()
            ),
            ("example.com", 8080, "example.com:8080", "/a/b?c=d")
        );
        let url = parse_url("http://example.com").unwrap();
        assert_eq!((url.port, url.target.as_str()), (80, "/"));
        let url = parse_url("http://example.com?q").unwrap();
        assert_eq!(url.target, "/?q");
        let url = parse_url("http://[::1]:81/").unwrap();
        assert_eq!((url.host.as_str(), url.port), ("::1", 81));
        assert!(parse_url("https://example.com/").is_err());
        assert!(parse_url("http://:80/").is_err());
    }

    #[test]
    fn urls_split_as_rfc_3986_reads_them() {
        let url = parse_url("HTTP://Example.com/a#frag").unwrap();
        assert_eq!(
            (url.host.as_str(), url.target.as_str()),
            ("Example.com", "/a")
        );
        let url = parse_url("http://[::1]/x?").unwrap();
        assert_eq!(
            (url.host.as_str(), url.port, url.target.as_str()),
            ("::1", 80, "/x?")
        );
        let url = parse_url("http://h:/").unwrap();
        assert_eq!(url.port, 80);
        assert_eq!(
            parse_url("https://h/").unwrap_err(),
            "https is not supported (get speaks plain HTTP only)"
        );
        for unusable in [
            "ftp://h/",
            "http:g",
            "//h/",
            "http://",
            "http://h:99999/",
            "http://user:secret@h/",
            "http://[::1/",
            "http://h/a b",
            "http://h/caf\u{e9}",
            "http://h/?\t",
        ] {
            assert!(parse_url(unusable).is_err(), "{unusable}");
        }
    }

    /// RFC 3986 section 5.4.1, "Normal Examples", and 5.4.2, "Abnormal
    /// Examples" (the strict reading of `http:g`).
    #[test]
    fn references_resolve_as_rfc_3986_section_5_4_says() {
        let base = "http://a/b/c/d;p?q";
        let normal = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ];
        let abnormal = [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ];
        for (reference, expected) in normal.into_iter().chain(abnormal) {
            assert_eq!(
                resolve_reference(base, reference),
                expected,
                "{reference:?}"
            );
        }
    }

    /// The redirects a review found mishandled, from `Location` to target.
    #[test]
    fn locations_become_the_targets_they_name() {
        let target = |base: &str, location: &str| {
            let url = parse_url(&resolve_reference(base, location)).unwrap();
            (url.authority, url.target)
        };
        let here = "http://h:8080/current/path";
        let on_h = |target: &str| ("h:8080".to_string(), target.to_string());
        assert_eq!(target(here, "?q=1"), on_h("/current/path?q=1"));
        assert_eq!(target("http://h:8080/a/b/c", "../b"), on_h("/a/b"));
        assert_eq!(target(here, "/x#frag"), on_h("/x"));
        assert_eq!(target(here, "#frag"), on_h("/current/path"));
        assert_eq!(
            target(here, "//other:81/p"),
            ("other:81".into(), "/p".into())
        );
        assert_eq!(
            target(here, "HTTP://other/p"),
            ("other".into(), "/p".into())
        );
        assert_eq!(
            target("http://h/", "http://other"),
            ("other".into(), "/".into())
        );
    }

    #[test]
    fn credentials_go_only_to_the_url_given() {
        let headers = [
            ("Authorization", "Bearer SECRET"),
            ("cookie", "c=1"),
            ("PROXY-AUTHORIZATION", "Basic eA=="),
            ("X-Trace", "kept"),
        ]
        .map(|(name, value)| (name.to_string(), value.to_string()));
        let first = parse_url("http://Example.com/").unwrap();
        let names = |url: &str| -> Vec<&str> {
            headers_for(&headers, &first, &parse_url(url).unwrap())
                .iter()
                .map(|(name, _)| name.as_str())
                .collect()
        };
        let all = ["Authorization", "cookie", "PROXY-AUTHORIZATION", "X-Trace"];
        assert_eq!(names("http://example.COM:80/elsewhere"), all);
        assert_eq!(names("http://example.com:8080/"), ["X-Trace"]);
        assert_eq!(names("http://example.org/"), ["X-Trace"]);
    }
}
