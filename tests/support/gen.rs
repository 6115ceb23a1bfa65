//! Generators of valid requests (proptest strategies), shared by the
//! decoder's round trips (`tests/roundtrip.rs`) and the encoder's
//! (`tests/encode.rs`): what they generate, decoded, must give back exactly
//! what was written.

use h1wire::Version;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

use super::{is_tchar, Body, Chunk, ChunkExt, ExtValue, FieldLine, Req};

/// Every tchar, as the kit's reference predicate says.
pub fn tchars() -> Vec<u8> {
    (0..=255u8).filter(|&b| is_tchar(b)).collect()
}

pub fn token(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(select(tchars()), 1..=max)
}

/// OWS / BWS: up to `max` SP or HTAB.
pub fn ws(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(select(&b" \t"[..]), 0..=max)
}

/// `name` with each letter's case chosen at random.
pub fn recased(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
    any::<u64>().prop_map(move |bits| {
        name.bytes()
            .enumerate()
            .map(|(i, b)| {
                if bits >> (i % 64) & 1 == 1 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

pub fn bytes_of(s: String) -> Vec<u8> {
    s.into_bytes()
}

/// A field value as delivered: visible ASCII, obs-text, inner SP/HTAB.
pub fn field_value() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        8 => 0x21u8..=0x7e,
        1 => 0x80u8..=0xff,
        2 => select(&b" \t"[..]),
    ];
    vec(byte, 0..=24).prop_map(|mut v| {
        while v.last().is_some_and(|b| b" \t".contains(b)) {
            v.pop();
        }
        let lead = v.iter().take_while(|b| b" \t".contains(b)).count();
        v.drain(..lead);
        v
    })
}

/// A field name that is none of the fields framing depends on.
pub fn other_field_name() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        select(
            &[
                "Accept",
                "Accept-Language",
                "User-Agent",
                "Cookie",
                "X-Request-Id",
                "Content-Type",
                "Connection",
                "Upgrade",
                "Trailer",
                "If-None-Match",
            ][..]
        )
        .prop_flat_map(recased),
        token(16).prop_map(|name| {
            let framing = [&b"host"[..], b"content-length", b"transfer-encoding"];
            if framing.iter().any(|f| name.eq_ignore_ascii_case(f)) {
                [&b"X-"[..], &name].concat()
            } else {
                name
            }
        }),
    ]
}

pub fn field_line(
    name: impl Strategy<Value = Vec<u8>>,
    value: impl Strategy<Value = Vec<u8>>,
) -> impl Strategy<Value = FieldLine> {
    (name, value, ws(3), ws(3)).prop_map(|(name, value, ows_before, ows_after)| FieldLine {
        name,
        value,
        ows_before,
        ows_after,
    })
}

pub fn host_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        ("[a-z0-9-]{1,12}(\\.[a-z0-9-]{1,12}){0,3}", port(true)).prop_map(|(host, port)| [
            host.into_bytes(),
            port
        ]
        .concat()),
        (
            "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
            port(false)
        )
            .prop_map(|(host, port)| [host.into_bytes(), port].concat()),
        "[A-Za-z0-9._~!$&'()*+;=-]{1,12}(%[0-9A-Fa-f]{2})?".prop_map(bytes_of),
        select(
            &[
                "[::1]",
                "[::1]:8080",
                "[2001:db8::7]:443",
                "[v1.fe80::a+en1]",
                ""
            ][..]
        )
        .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

pub fn origin_form() -> impl Strategy<Value = Vec<u8>> {
    "/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,20}(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,20})?"
        .prop_map(bytes_of)
}

/// `scheme "://" authority path [ "?" query ]`, the authority one that
/// Host's rules accept (a port up to 65535, an empty port, an IP literal).
pub fn absolute_form() -> impl Strategy<Value = Vec<u8>> {
    (
        "https?://",
        host_value().prop_filter("an http URI has a host", |h| !h.is_empty()),
        "(/[A-Za-z0-9._~%-]{0,10}){0,3}(\\?[a-z=&]{0,10})?",
    )
        .prop_map(|(scheme, authority, rest)| {
            [scheme.into_bytes(), authority, rest.into_bytes()].concat()
        })
}

/// `host:port` for CONNECT, the port 1-65535 (a tunnel to port 0 goes
/// nowhere: refused, RFC 9110 section 9.3.6).
pub fn authority_form() -> impl Strategy<Value = Vec<u8>> {
    ("[a-z0-9.-]{1,16}", 1..=u16::MAX)
        .prop_map(|(host, port)| format!("{host}:{port}").into_bytes())
}

/// An optional `:port` (0-65535, maybe with leading zeros, maybe empty when
/// `may_be_empty`).
pub fn port(may_be_empty: bool) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        (any::<u16>(), 0usize..=2)
            .prop_map(|(n, zeros)| format!(":{}{n}", "0".repeat(zeros)).into_bytes()),
        Just(if may_be_empty {
            b":".to_vec()
        } else {
            Vec::new()
        }),
    ]
}

/// Method tokens other than CONNECT (which needs authority-form).
pub fn method() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        select(&["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "connect"][..])
            .prop_map(|m| m.as_bytes().to_vec()),
        token(12).prop_filter("CONNECT needs authority-form", |m| m != b"CONNECT"),
    ]
}

/// A hex chunk size for `n`, with random letter case and leading zeros.
pub fn hex_size(n: usize, zeros: usize, case_bits: u64) -> String {
    let digits = format!("{n:x}");
    let cased: String = digits
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if case_bits >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    "0".repeat(zeros) + &cased
}

pub fn chunk_ext() -> impl Strategy<Value = ChunkExt> {
    let quoted_byte = prop_oneof![
        8 => 0x21u8..=0x7e,
        2 => select(&b" \t\"\\"[..]),
        1 => 0x80u8..=0xff,
    ];
    let value = prop_oneof![
        Just(ExtValue::None),
        token(8).prop_map(ExtValue::Token),
        vec(quoted_byte, 0..=12).prop_map(ExtValue::Quoted),
    ];
    (token(8), value, [ws(2), ws(2), ws(2), ws(2)]).prop_map(|(name, value, bws)| ChunkExt {
        name,
        value,
        bws,
    })
}

pub fn chunk() -> impl Strategy<Value = Chunk> {
    (
        vec(any::<u8>(), 1..=40),
        0usize..=3,
        any::<u64>(),
        vec(chunk_ext(), 0..=2),
    )
        .prop_map(|(data, zeros, case_bits, extensions)| Chunk {
            size: hex_size(data.len(), zeros, case_bits),
            extensions,
            data,
        })
}

pub fn chunked_body() -> impl Strategy<Value = Body> {
    (
        vec(chunk(), 0..=4),
        0usize..=2,
        vec(chunk_ext(), 0..=2),
        vec(field_line(other_field_name(), field_value()), 0..=3),
    )
        .prop_map(|(chunks, zeros, extensions, trailers)| Body::Chunked {
            chunks,
            last: Chunk {
                size: "0".repeat(zeros + 1),
                extensions,
                data: Vec::new(),
            },
            trailers,
        })
}

pub fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        Just(Body::None),
        vec(any::<u8>(), 0..=64).prop_map(Body::Length),
        chunked_body(),
    ]
}

/// How the framing field is written: name case, leading zeros of a
/// Content-Length, the Transfer-Encoding value, OWS.
#[derive(Clone, Debug)]
pub struct FramingStyle {
    content_length: Vec<u8>,
    transfer_encoding: Vec<u8>,
    zeros: usize,
    coding: &'static str,
    ows: (Vec<u8>, Vec<u8>),
}

pub fn framing_style() -> impl Strategy<Value = FramingStyle> {
    (
        recased("Content-Length"),
        recased("Transfer-Encoding"),
        0usize..=2,
        select(
            &[
                "chunked",
                "Chunked",
                "CHUNKED",
                "gzip, chunked",
                "deflate,chunked",
                "x-gzip ,\tchunked",
                "chunked,",
                ", chunked",
            ][..],
        ),
        (ws(2), ws(2)),
    )
        .prop_map(
            |(content_length, transfer_encoding, zeros, coding, ows)| FramingStyle {
                content_length,
                transfer_encoding,
                zeros,
                coding,
                ows,
            },
        )
}

#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Any method but CONNECT; origin-form or absolute-form.
    Ordinary,
    /// `OPTIONS *`.
    Asterisk,
    /// `CONNECT host:port`, no body.
    Connect,
}

pub fn method_and_target(shape: Shape) -> BoxedStrategy<(Vec<u8>, Vec<u8>)> {
    match shape {
        Shape::Ordinary => (
            method(),
            prop_oneof![3 => origin_form(), 1 => absolute_form()],
        )
            .boxed(),
        Shape::Asterisk => Just((b"OPTIONS".to_vec(), b"*".to_vec())).boxed(),
        Shape::Connect => authority_form()
            .prop_map(|target| (b"CONNECT".to_vec(), target))
            .boxed(),
    }
}

pub fn request(shape: Shape) -> impl Strategy<Value = Req> {
    (
        (any::<bool>(), any::<bool>(), any::<bool>()),
        method_and_target(shape),
        vec(field_line(other_field_name(), field_value()), 0..=5),
        field_line(recased("Host"), host_value()),
        if matches!(shape, Shape::Connect) {
            Just(Body::None).boxed()
        } else {
            body().boxed()
        },
        framing_style(),
        (any::<Index>(), any::<Index>()),
    )
        .prop_map(
            move |(
                (http11, empty_line_before, host_in_http10),
                (method, target),
                mut fields,
                host,
                body,
                style,
                (host_at, framing_at),
            )| {
                let version = if http11 {
                    Version::Http11
                } else {
                    Version::Http10
                };
                // HTTP/1.1 needs exactly one Host; HTTP/1.0 may leave it out.
                if http11 || host_in_http10 {
                    fields.insert(host_at.index(fields.len() + 1), host);
                }
                // HTTP/1.0 has no chunked coding: send the same data by length.
                let body = match body {
                    Body::Chunked { chunks, .. } if !http11 => {
                        Body::Length(chunks.into_iter().flat_map(|c| c.data).collect())
                    }
                    body => body,
                };
                let framing_field = match &body {
                    Body::None => None,
                    Body::Length(data) => Some((
                        style.content_length,
                        format!("{}{}", "0".repeat(style.zeros), data.len()).into_bytes(),
                    )),
                    Body::Chunked { .. } => {
                        Some((style.transfer_encoding, style.coding.as_bytes().to_vec()))
                    }
                };
                if let Some((name, value)) = framing_field {
                    let field = FieldLine {
                        name,
                        value,
                        ows_before: style.ows.0,
                        ows_after: style.ows.1,
                    };
                    fields.insert(framing_at.index(fields.len() + 1), field);
                }
                Req {
                    empty_line_before,
                    method,
                    target,
                    version,
                    fields,
                    body,
                }
            },
        )
}

/// 1 to 4 requests; the last may be a CONNECT followed by tunnel bytes.
pub fn pipeline() -> impl Strategy<Value = (Vec<Req>, Vec<u8>)> {
    let any_request = || prop_oneof![6 => request(Shape::Ordinary), 1 => request(Shape::Asterisk)];
    let last = prop_oneof![
        4 => any_request().prop_map(|r| (r, Vec::new())),
        1 => (request(Shape::Connect), vec(any::<u8>(), 0..=24)),
    ];
    (vec(any_request(), 0..=3), last).prop_map(|(mut requests, (last, tunnel))| {
        requests.push(last);
        (requests, tunnel)
    })
}
