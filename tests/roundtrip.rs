//! Property tests: generated valid request streams decode back to exactly
//! what was written, however the input is cut; and no input at all (random
//! bytes, valid heads followed by random bytes, mutated valid streams) makes
//! the decoder panic, overrun its input, depend on how the input was cut, or
//! go on after an error.

mod support;

use h1wire::{Config, Version};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use support::{
    assert_well_formed, decode_all, decode_cut_at, decode_whole, expected_stream, merge_bodies,
    write_stream, Body, Chunk, ChunkExt, Ev, ExtValue, FieldLine, Req,
};

/// Split sizes every generated stream is decoded with, besides the whole
/// input and the proptest-chosen cut points.
const SPLITS: [usize; 7] = [1, 2, 3, 5, 7, 13, 64];

/// Cases per property. The stream properties decode each case ~10 times,
/// byte at a time among them; with these counts both properties take about
/// 2 s in a debug `cargo test`.
const VALID_CASES: u32 = 512;
const GARBAGE_CASES: u32 = 2048;

// ---------------------------------------------------------------------------
// Generators of valid requests
// ---------------------------------------------------------------------------

const TCHARS: &[u8] =
    b"!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn token(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(select(TCHARS), 1..=max)
}

/// OWS / BWS: up to `max` SP or HTAB.
fn ws(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(select(&b" \t"[..]), 0..=max)
}

/// `name` with each letter's case chosen at random.
fn recased(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
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

fn bytes_of(s: String) -> Vec<u8> {
    s.into_bytes()
}

/// A field value as delivered: visible ASCII, obs-text, inner SP/HTAB.
fn field_value() -> impl Strategy<Value = Vec<u8>> {
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
fn other_field_name() -> impl Strategy<Value = Vec<u8>> {
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

fn field_line(
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

fn host_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[a-z0-9-]{1,12}(\\.[a-z0-9-]{1,12}){0,3}(:[0-9]{0,5})?".prop_map(bytes_of),
        "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(:[0-9]{1,5})?".prop_map(bytes_of),
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

fn origin_form() -> impl Strategy<Value = Vec<u8>> {
    "/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,20}(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,20})?"
        .prop_map(bytes_of)
}

fn absolute_form() -> impl Strategy<Value = Vec<u8>> {
    "https?://[a-z0-9.-]{1,12}(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]{0,10}){0,3}(\\?[a-z=&]{0,10})?"
        .prop_map(bytes_of)
}

fn authority_form() -> impl Strategy<Value = Vec<u8>> {
    "[a-z0-9.-]{1,16}:[0-9]{1,5}".prop_map(bytes_of)
}

/// Method tokens other than CONNECT (which needs authority-form).
fn method() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        select(&["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "connect"][..])
            .prop_map(|m| m.as_bytes().to_vec()),
        token(12).prop_filter("CONNECT needs authority-form", |m| m != b"CONNECT"),
    ]
}

/// A hex chunk size for `n`, with random letter case and leading zeros.
fn hex_size(n: usize, zeros: usize, case_bits: u64) -> String {
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

fn chunk_ext() -> impl Strategy<Value = ChunkExt> {
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

fn chunk() -> impl Strategy<Value = Chunk> {
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

fn chunked_body() -> impl Strategy<Value = Body> {
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

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        Just(Body::None),
        vec(any::<u8>(), 0..=64).prop_map(Body::Length),
        chunked_body(),
    ]
}

/// How the framing field is written: name case, leading zeros of a
/// Content-Length, the Transfer-Encoding value, OWS.
#[derive(Clone, Debug)]
struct FramingStyle {
    content_length: Vec<u8>,
    transfer_encoding: Vec<u8>,
    zeros: usize,
    coding: &'static str,
    ows: (Vec<u8>, Vec<u8>),
}

fn framing_style() -> impl Strategy<Value = FramingStyle> {
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
enum Shape {
    /// Any method but CONNECT; origin-form or absolute-form.
    Ordinary,
    /// `OPTIONS *`.
    Asterisk,
    /// `CONNECT host:port`, no body.
    Connect,
}

fn method_and_target(shape: Shape) -> BoxedStrategy<(Vec<u8>, Vec<u8>)> {
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

fn request(shape: Shape) -> impl Strategy<Value = Req> {
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
fn pipeline() -> impl Strategy<Value = (Vec<Req>, Vec<u8>)> {
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

// ---------------------------------------------------------------------------
// Generators of anything
// ---------------------------------------------------------------------------

/// Pieces of HTTP syntax, so that random input gets past the first byte.
const PIECES: &[&str] = &[
    "GET ",
    "POST ",
    "CONNECT ",
    "OPTIONS * ",
    " ",
    "  ",
    "\t",
    "/",
    "/a?b",
    "http://h/p",
    "HTTP/1.1",
    "HTTP/1.0",
    "HTTP/2.0",
    "HTTP/1.2",
    "\r\n",
    "\r",
    "\n",
    "\r\n\r\n",
    ":",
    "Host: a",
    "Host:",
    "host: [::1]:80",
    "Content-Length: ",
    "Content-Length: 5",
    "Transfer-Encoding: chunked",
    "Transfer-Encoding: gzip",
    "\r\nHost: b",
    "\r\nContent-Length: 6",
    "\r\nTransfer-Encoding: chunked",
    "\r\n ",
    "chunked",
    ",",
    "0",
    "5",
    "ff",
    "FFFFFFFFFFFFFFFFF",
    ";",
    "=",
    "\"",
    "\\",
    "ext=\"q\\\"\"",
    "0\r\n\r\n",
    "\x00",
    "\x7f",
    "\u{ff}",
];

fn noise() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        any::<u8>().prop_map(|b| vec![b]),
        select(PIECES).prop_map(|s| s.as_bytes().to_vec()),
    ];
    vec(piece, 0..=48).prop_map(|pieces| pieces.concat())
}

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<Index>(), select(&b"\r\n \t:;=\"\\0aF,\x00"[..]))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<Index>().prop_map(Mutation::Delete),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match *m {
            Mutation::Replace(ref i, b) => {
                let at = i.index(bytes.len());
                bytes[at] = b;
            }
            Mutation::Insert(ref i, b) => bytes.insert(i.index(bytes.len() + 1), b),
            Mutation::Delete(ref i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::Truncate(ref i) => bytes.truncate(i.index(bytes.len())),
        }
    }
    bytes
}

/// Field lines that break the strict profile's framing or field rules,
/// or obs-fold, or contain bytes a value may not hold.
const HOSTILE_LINES: &[&str] = &[
    "Host: evil.example\r\n",
    "Host:\r\n",
    "Content-Length: 3\r\n",
    "Content-Length: 0\r\n",
    "Content-Length: 5, 5\r\n",
    "Content-Length: +5\r\n",
    "Content-Length:\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Transfer-Encoding: chunked, chunked\r\n",
    "Transfer-Encoding: chunked, gzip\r\n",
    "Transfer-Encoding: gzip\r\n",
    "Transfer-Encoding: identity\r\n",
    "Transfer-Encoding : chunked\r\n",
    "Transfer-Encoding:\x0bchunked\r\n",
    " chunked\r\n",
    "\tx\r\n",
    "X: a\x00b\r\n",
    "X: a\rb\r\n",
    "X: a\nb\r\n",
];

/// A valid stream with some hostile field lines put into the heads.
fn hostile_stream() -> impl Strategy<Value = Vec<u8>> {
    let insertion = (any::<Index>(), any::<Index>(), select(HOSTILE_LINES));
    (pipeline(), vec(insertion, 1..=2)).prop_map(|((requests, tunnel), insertions)| {
        let mut heads: Vec<Vec<u8>> = requests
            .iter()
            .map(|r| {
                let mut head = Vec::new();
                r.write_head(&mut head);
                head
            })
            .collect();
        for (which, line_at, line) in insertions {
            let head = &mut heads[which.index(requests.len())];
            // After the CRLF of the request line or of any field line.
            let ends: Vec<usize> = head
                .windows(2)
                .enumerate()
                .filter(|(i, w)| *w == b"\r\n" && *i + 2 < head.len() && *i > 1)
                .map(|(i, _)| i + 2)
                .collect();
            let at = ends[line_at.index(ends.len())];
            head.splice(at..at, line.bytes());
        }
        let mut out = Vec::new();
        for (request, head) in requests.iter().zip(&heads) {
            let mut whole = Vec::new();
            request.write(&mut whole);
            let mut plain_head = Vec::new();
            request.write_head(&mut plain_head);
            out.extend_from_slice(head);
            out.extend_from_slice(&whole[plain_head.len()..]);
        }
        out.extend_from_slice(&tunnel);
        out
    })
}

/// Random input of four kinds: noise; the head of a valid request (often
/// framing a body) followed by noise; a valid stream with a few mutations;
/// a valid stream with hostile field lines in its heads.
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        hostile_stream(),
        noise(),
        (request(Shape::Ordinary), noise()).prop_map(|(req, noise)| {
            let mut bytes = Vec::new();
            req.write_head(&mut bytes);
            bytes.extend_from_slice(&noise);
            bytes
        }),
        (pipeline(), vec(mutation(), 1..=3))
            .prop_map(|((reqs, tunnel), m)| mutate(write_stream(&reqs, &tunnel), &m)),
    ]
}

/// The strict default most of the time; otherwise small limits (so they are
/// hit) and random lenient readings.
fn any_config() -> impl Strategy<Value = Config> {
    let custom = (
        (
            0usize..=80,
            0usize..=400,
            0usize..=8,
            0usize..=40,
            0usize..=200,
        ),
        [any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()],
    )
        .prop_map(|((line, head, fields, chunk_line, trailers), lenient)| {
            let mut config = Config::default();
            config.limits.line = line;
            config.limits.head = head;
            config.limits.fields = fields;
            config.limits.chunk_line = chunk_line;
            config.limits.trailers = trailers;
            config.lenient.bare_lf = lenient[0];
            config.lenient.obs_fold = lenient[1];
            config.lenient.duplicate_content_length = lenient[2];
            config.lenient.non_ascii_target = lenient[3];
            config
        });
    prop_oneof![2 => Just(Config::default()), 1 => custom]
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Decode `input` whole, with every split size of `SPLITS` and cut at
/// `cuts`; assert they all agree (body pieces merged) and return the events.
fn decode_every_way(
    input: &[u8],
    config: Config,
    cuts: &[usize],
) -> Result<Vec<Ev>, TestCaseError> {
    let whole = merge_bodies(decode_whole(input, config));
    for split in SPLITS {
        let events = merge_bodies(decode_all(input, config, split));
        prop_assert_eq!(
            &events,
            &whole,
            "split {} differs from the whole input",
            split
        );
    }
    let cuts: Vec<usize> = cuts.iter().map(|c| c % (input.len() + 1)).collect();
    let events = merge_bodies(decode_cut_at(input, config, &cuts));
    prop_assert_eq!(
        &events,
        &whole,
        "cut at {:?} differs from the whole input",
        cuts
    );
    Ok(whole)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(VALID_CASES))]

    /// (a) however the stream is cut, the events are those of the whole
    /// input; (b) they are exactly the generated requests: method, target,
    /// version, field names with their case, values without OWS, framing,
    /// body bytes, trailers, in order; after a CONNECT, the tunnel bytes.
    #[test]
    fn generated_pipelines_decode_to_exactly_what_was_written(
        (requests, tunnel) in pipeline(),
        cuts in vec(0usize..4096, 0..=8),
    ) {
        let stream = write_stream(&requests, &tunnel);
        let config = Config::default();
        let events = decode_every_way(&stream, config, &cuts)?;
        prop_assert_eq!(&events, &expected_stream(&requests, &tunnel));
        assert_well_formed(&events, &config);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(GARBAGE_CASES))]

    /// Whatever the bytes and the configuration: no panic; every call
    /// consumes at most what it was given and borrows only from it (checked
    /// by the driver); the events form well-formed messages that obey the
    /// strict framing rules; an error is the last thing decoded, every later
    /// call returns it again (checked by the driver), and its offset lies
    /// within the input; and none of it depends on how the input was cut.
    #[test]
    fn any_input_is_decoded_safely_and_the_same_however_it_is_cut(
        input in any_input(),
        config in any_config(),
        cuts in vec(0usize..4096, 0..=8),
    ) {
        let events = decode_every_way(&input, config, &cuts)?;
        assert_well_formed(&events, &config);
        for (i, event) in events.iter().enumerate() {
            if let Ev::Error(_, offset) = event {
                prop_assert_eq!(i, events.len() - 1, "nothing is decoded after an error");
                prop_assert!(*offset <= input.len() as u64);
            }
        }
    }
}
