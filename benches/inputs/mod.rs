//! The benchmark inputs: one HTTP/1 byte stream per criterion group, and what
//! a correct decoder must find in it.

/// The request from MDN's "HTTP messages" page: 68 bytes.
pub const MDN_GET: &[u8] =
    b"GET / HTTP/1.1\r\nHost: developer.mozilla.org\r\nAccept-Language: fr\r\n\r\n";

/// A realistic browser navigation (Firefox-like), 12 fields, 765 bytes.
pub const BROWSER_GET: &[u8] = b"GET /en-US/docs/Web/HTTP/Guides/Messages?utm_source=newsletter&utm_medium=email HTTP/1.1\r\n\
Host: developer.mozilla.org\r\n\
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n\
Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n\
Accept-Language: fr,fr-FR;q=0.8,en-US;q=0.5,en;q=0.3\r\n\
Accept-Encoding: gzip, deflate, br, zstd\r\n\
Referer: https://developer.mozilla.org/en-US/docs/Web/HTTP\r\n\
Connection: keep-alive\r\n\
Cookie: preferredlocale=fr; dark_mode=true; _ga=GA1.1.1804725936.1718093512; _ga_XYZ123ABC=GS1.1.1718093512.3.1.1718094021.0.0.0; sessionid=4f9c2a7e81d34b06a5e0c7d2b1f8e3a9\r\n\
Upgrade-Insecure-Requests: 1\r\n\
Sec-Fetch-Dest: document\r\n\
Sec-Fetch-Mode: navigate\r\n\
Sec-Fetch-Site: same-origin\r\n\
\r\n";

/// The head of the chunked uploads.
const CHUNKED_HEAD: &[u8] = b"POST /upload HTTP/1.1\r\n\
Host: example.com\r\n\
Content-Type: application/octet-stream\r\n\
Transfer-Encoding: chunked\r\n\
\r\n";

/// A login form: its head, then a 64-byte url-encoded body.
const FORM_HEAD: &[u8] = b"POST /login HTTP/1.1\r\n\
Host: example.com\r\n\
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n\
Origin: https://example.com\r\n\
Content-Type: application/x-www-form-urlencoded\r\n\
Content-Length: 64\r\n\
\r\n";
const FORM_BODY: &[u8] = b"user=jdupont&password=correct%20horse%20battery&remember=on&ts=1";

/// Size of the chunked bodies.
/// A static page's response head from Apache: nine fields, 313 bytes (the
/// head `benches/encode.rs` writes as `encode_ok_313`).
pub const OK_RESPONSE_313: &[u8] = b"HTTP/1.1 200 OK\r\n\
Date: Tue, 14 May 2024 09:12:45 GMT\r\n\
Server: Apache/2.4.59 (Debian)\r\n\
Content-Type: text/html; charset=UTF-8\r\n\
Content-Length: 12648\r\n\
Last-Modified: Mon, 13 May 2024 17:40:02 GMT\r\n\
ETag: \"3168-618595fff8080\"\r\n\
Cache-Control: max-age=0, must-revalidate\r\n\
Vary: Accept-Encoding\r\n\
Accept-Ranges: bytes\r\n\
\r\n";

/// The 301 response of MDN's "A typical HTTP session" (11 fields, 357
/// bytes): what benches/encode.rs writes as `encode_seed_301`.
#[allow(dead_code)] // benches/decode.rs reads only the others
pub const MOVED_301: &[u8] = b"HTTP/1.1 301 Moved Permanently\r\n\
Server: Apache/2.2.3 (Red Hat)\r\n\
Content-Type: text/html; charset=iso-8859-1\r\n\
Date: Sat, 09 Oct 2010 14:30:24 GMT\r\n\
Location: https://developer.mozilla.org/\r\n\
Keep-Alive: timeout=15, max=98\r\n\
Accept-Ranges: bytes\r\n\
Via: Moz-Cache-zlb05\r\n\
Connection: Keep-Alive\r\n\
X-Cache-Info: caching\r\n\
X-Cache-Info: caching\r\n\
Content-Length: 325\r\n\
\r\n";

pub const MIB: usize = 1 << 20;

/// How an input is handed to the contenders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feed {
    /// The whole stream in one buffer.
    Whole,
    /// One more byte per call, the way a slow peer delivers it.
    ByteAtATime,
}

/// One criterion group's input.
pub struct Input {
    /// The group name.
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub feed: Feed,
    /// Requests in the stream.
    pub messages: usize,
    /// Header fields in the stream, all requests together.
    pub fields: usize,
    /// Every request body in the stream, concatenated.
    pub body: Vec<u8>,
    /// A 1 MiB chunked upload: picohttpparser rewrites it in place, and a
    /// run takes long enough to want flat sampling.
    pub chunked: bool,
}

/// The 1 MiB body of the chunked uploads: a byte pattern that holds no CR/LF
/// runs that could hide a framing bug.
fn upload_body() -> Vec<u8> {
    (0..MIB)
        .map(|i| b"0123456789abcdefghijklmnopqrstuvwxyz"[i % 36])
        .collect()
}

/// `CHUNKED_HEAD` then `body` in chunks of `size` bytes, then the last chunk
/// and the empty trailer section.
fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = CHUNKED_HEAD.to_vec();
    for chunk in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// Field lines in a head: its lines minus the start line and the empty line.
fn fields_in(head: &[u8]) -> usize {
    head.windows(2).filter(|w| w == b"\r\n").count() - 2
}

/// Every input, in group order.
pub fn all() -> Vec<Input> {
    assert_eq!(MDN_GET.len(), 68, "the MDN request is 68 bytes");
    assert_eq!(BROWSER_GET.len(), 765, "the browser request is 765 bytes");
    assert_eq!(FORM_BODY.len(), 64, "the form body is 64 bytes");
    let upload = upload_body();
    let mut form = FORM_HEAD.to_vec();
    form.extend_from_slice(FORM_BODY);
    vec![
        Input {
            name: "mdn_get",
            bytes: MDN_GET.to_vec(),
            feed: Feed::Whole,
            messages: 1,
            fields: 2,
            body: Vec::new(),
            chunked: false,
        },
        Input {
            name: "browser_get",
            bytes: BROWSER_GET.to_vec(),
            feed: Feed::Whole,
            messages: 1,
            fields: fields_in(BROWSER_GET),
            body: Vec::new(),
            chunked: false,
        },
        Input {
            name: "pipelined_64",
            bytes: BROWSER_GET.repeat(64),
            feed: Feed::Whole,
            messages: 64,
            fields: 64 * fields_in(BROWSER_GET),
            body: Vec::new(),
            chunked: false,
        },
        Input {
            name: "chunked_4k",
            bytes: chunked(&upload, 4096),
            feed: Feed::Whole,
            messages: 1,
            fields: fields_in(CHUNKED_HEAD),
            body: upload.clone(),
            chunked: true,
        },
        Input {
            name: "chunked_64",
            bytes: chunked(&upload, 64),
            feed: Feed::Whole,
            messages: 1,
            fields: fields_in(CHUNKED_HEAD),
            body: upload,
            chunked: true,
        },
        Input {
            name: "byte_at_a_time",
            bytes: BROWSER_GET.to_vec(),
            feed: Feed::ByteAtATime,
            messages: 1,
            fields: fields_in(BROWSER_GET),
            body: Vec::new(),
            chunked: false,
        },
        Input {
            name: "post_form",
            bytes: form,
            feed: Feed::Whole,
            messages: 1,
            fields: fields_in(FORM_HEAD),
            body: FORM_BODY.to_vec(),
            chunked: false,
        },
    ]
}
