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
//!   POST answered 301/302 go on as GET without a body).
//! - Several URLs to the same host and port reuse one keep-alive
//!   connection while the server keeps it open.
//! - Exit status 0 when every response was read whole, 1 otherwise.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use h1wire::client::Connection;
use h1wire::{Body, ConnState, ConnStatus, ConnectionConfig, Event, Field, RequestLine, Version};

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
    /// Path and query, never empty.
    target: String,
}

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

fn parse_url(text: &str) -> Result<Url, String> {
    let rest = text
        .strip_prefix("http://")
        .ok_or_else(|| format!("{text}: only http:// URLs"))?;
    let (authority, target) = match rest.find(['/', '?']) {
        Some(i) if rest.as_bytes()[i] == b'/' => (&rest[..i], rest[i..].to_string()),
        Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
        None => (rest, "/".to_string()),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => (
            host,
            port.parse::<u16>()
                .map_err(|_| format!("{text}: bad port {port}"))?,
        ),
        _ => (authority, 80),
    };
    if host.is_empty() {
        return Err(format!("{text}: no host"));
    }
    Ok(Url {
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
        authority: authority.to_string(),
        target,
    })
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
    /// open, else a new one.
    fn connect(&mut self, url: &Url) -> io::Result<&mut (String, u16, TcpStream, Connection)> {
        let reusable = matches!(&self.open, Some((host, port, _, conn))
            if *host == url.host && *port == url.port && conn.state() == ConnState::Open);
        if !reusable {
            let stream = TcpStream::connect((url.host.as_str(), url.port))?;
            stream.set_read_timeout(Some(Duration::from_secs(30)))?;
            stream.set_nodelay(true)?;
            let conn = Connection::new(ConnectionConfig::default());
            self.open = Some((url.host.clone(), url.port, stream, conn));
            self.buf.clear();
        }
        Ok(self.open.as_mut().expect("just opened"))
    }
}

/// Fetch one URL (following redirects with `-L`) and print what it gave.
fn fetch(
    client: &mut Client,
    options: &Options,
    url: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut url = parse_url(url).map_err(io::Error::other)?;
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
        let response = exchange(client, options, &url, &method, data.as_deref(), out)?;
        let Some(location) = response.location.filter(|_| options.follow) else {
            return Ok(());
        };
        if !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
            return Ok(());
        }
        url = if location.starts_with("http://") {
            parse_url(&location).map_err(io::Error::other)?
        } else if location.starts_with('/') {
            Url {
                target: location,
                ..url
            }
        } else {
            let base = url.target.rsplit_once('/').map_or("", |(dir, _)| dir);
            Url {
                target: format!("{base}/{location}"),
                ..url
            }
        };
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
    /// A redirect that will be followed: its body is not printed (as
    /// curl does not print it).
    followed: bool,
}

/// One request and its response.
fn exchange(
    client: &mut Client,
    options: &Options,
    url: &Url,
    method: &str,
    data: Option<&[u8]>,
    out: &mut impl Write,
) -> io::Result<Response> {
    let mut fields = vec![
        Field {
            name: b"Host",
            value: url.authority.as_bytes(),
        },
        Field::new("User-Agent", "h1wire-get/0.1"),
        Field::new("Accept", "*/*"),
    ];
    let has = |name: &str| {
        options
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    if data.is_some() && !has("content-type") {
        fields.push(Field::new(
            "Content-Type",
            "application/x-www-form-urlencoded",
        ));
    }
    fields.retain(|f| !options.headers.iter().any(|(n, _)| f.name_is(n)));
    for (name, value) in &options.headers {
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
    let mut wire = Vec::new();
    let (_, _, stream, conn) = client.connect(url)?;
    conn.request_into(&line, &fields, body, &mut wire)
        .map_err(io::Error::other)?;
    if let Some(data) = data {
        conn.body_into(data, &mut wire).map_err(io::Error::other)?;
    }
    conn.end_into(&[], &mut wire).map_err(io::Error::other)?;
    stream.write_all(&wire)?;
    read_response(client, options, out)
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
        followed: false,
    };
    let mut start = 0;
    let mut piece = vec![0u8; 64 << 10];
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
        let n = stream.read(&mut piece)?;
        if n == 0 {
            // The server closed: a close-delimited body ends here.
            return match conn.finish().map_err(io::Error::other)? {
                Some(event) => {
                    print_event(event, options, &mut response, out)?;
                    Ok(response)
                }
                None => Err(io::Error::other("the server closed before responding")),
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
        // A 1xx other than 101 is followed by the final response.
        Event::MessageEnd => return Ok(!(100..200).contains(&response.status)),
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
}
