//! Property tests: generated valid request streams decode back to exactly
//! what was written, however the input is cut; and no input at all (random
//! bytes, valid heads followed by random bytes, mutated valid streams) makes
//! the decoder panic, overrun its input, depend on how the input was cut, or
//! go on after an error.

mod support;

use h1wire::{Config, MethodKind};
use h1wire_testkit::{assert_heads_agree, drive_heads, Pieces, Reads};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use support::gen::{pipeline, request, Shape};
use support::{
    decode_all, decode_cut_at, decode_whole, expected_stream, merge_bodies, write_stream, Ev,
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
    /// (Every decode also goes through the kit's event-grammar checker.)
    #[test]
    fn generated_pipelines_decode_to_exactly_what_was_written(
        (requests, tunnel) in pipeline(),
        cuts in vec(0usize..4096, 0..=8),
    ) {
        let stream = write_stream(&requests, &tunnel);
        let config = Config::default();
        let events = decode_every_way(&stream, config, &cuts)?;
        prop_assert_eq!(&events, &expected_stream(&requests, &tunnel));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(GARBAGE_CASES))]

    /// Whatever the bytes and the configuration: no panic; every call
    /// consumes at most what it was given and borrows only from it; the
    /// events form well-formed messages that obey the strict framing rules;
    /// an error is the last thing decoded, every later call returns it
    /// again, and its offset lies within the input (all checked on every
    /// call by the kit's loop and checker, `h1wire_testkit::drive`); and
    /// none of it depends on how the input was cut.
    #[test]
    fn any_input_is_decoded_safely_and_the_same_however_it_is_cut(
        input in any_input(),
        config in any_config(),
        cuts in vec(0usize..4096, 0..=8),
    ) {
        let events = decode_every_way(&input, config, &cuts)?;
        for (i, event) in events.iter().enumerate() {
            if let Ev::Error(_, offset) = event {
                prop_assert_eq!(i, events.len() - 1, "nothing is decoded after an error");
                prop_assert!(*offset <= input.len() as u64);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The head-at-once API against the event API
// ---------------------------------------------------------------------------

/// Pieces of responses, for the client role's share of the agreement.
const RESPONSE_PIECES: &[&str] = &[
    "HTTP/1.1 200 OK\r\n",
    "HTTP/1.1 100 Continue\r\n\r\n",
    "HTTP/1.1 101 Switching Protocols\r\n",
    "HTTP/1.1 204 No Content\r\n",
    "HTTP/1.0 304 \r\n",
    "HTTP/1.1 407 \r\n",
    "Content-Length: 3\r\n",
    "Transfer-Encoding: chunked\r\n",
    "X-Folded: a\r\n b\r\n",
    "Set-Cookie: a=b\r\n",
    "\r\n",
    "abc",
    "3\r\nabc\r\n0\r\n\r\n",
    "\n",
    " ",
];

fn response_stream() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => select(RESPONSE_PIECES).prop_map(|s| s.as_bytes().to_vec()),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ];
    vec(piece, 0..=24).prop_map(|pieces| pieces.concat())
}

fn any_method() -> impl Strategy<Value = MethodKind> {
    select(&[MethodKind::Other, MethodKind::Head, MethodKind::Connect][..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(GARBAGE_CASES))]

    /// `Decoder::decode_head` reads every stream as `decode` does, in
    /// both roles, under any configuration and however the stream is cut:
    /// the same start lines, fields, framing, bodies, readings, errors
    /// and offsets (the kit's `assert_heads_agree`); with an array
    /// shorter than a head, `FieldArrayFull` at the first field that does
    /// not fit.
    #[test]
    fn the_head_at_once_api_reads_as_the_event_api_does(
        requests in any_input(),
        responses in response_stream(),
        methods in vec(any_method(), 0..=4),
        client in any::<bool>(),
        config in any_config(),
        sizes in vec(0u8..=16, 0..=6),
        short_array in proptest::option::of(0usize..=4),
        body_array in proptest::option::of(1usize..=3),
    ) {
        let (stream, reads) = if client {
            (responses, Reads::Responses(methods))
        } else {
            (requests, Reads::Requests)
        };
        let array_len = short_array.unwrap_or(config.limits.fields);
        for pieces in [Pieces::whole(), Pieces::bytewise(), Pieces::sizes(&sizes)] {
            assert_heads_agree(config, &reads, &stream, pieces, array_len, body_array);
        }
    }

    /// Generated valid pipelines, with a large enough array, come out of
    /// the head-at-once API exactly as written.
    #[test]
    fn generated_pipelines_read_head_at_once(
        (requests, tunnel) in pipeline(),
        sizes in vec(0u8..=64, 0..=6),
        body_array in proptest::option::of(1usize..=3),
    ) {
        let stream = write_stream(&requests, &tunnel);
        let config = Config::default();
        let pieces = Pieces::sizes(&sizes);
        let heads = drive_heads(config, &Reads::Requests, &stream, pieces, 64, body_array);
        let mut expected = expected_stream(&requests, &tunnel);
        if let Some(Ev::Upgraded(_)) = expected.last() {
            expected.pop();
        }
        prop_assert_eq!(merge_bodies(heads.events), expected);
        assert_heads_agree(config, &Reads::Requests, &stream, pieces, 64, body_array);
    }
}
