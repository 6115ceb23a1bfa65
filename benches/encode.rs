//! h1wire's response encoder against `write!` formatting and a plain copy.
//!
//! One criterion group per response head, and in each group the same head
//! through every contender, under the same function names, so
//! `target/criterion/<group>/<function>/` can be compared by a script
//! (`benches/report.py`):
//!
//! - `h1wire`: `Encoder::server().response` into a reused `[u8; 1024]`,
//!   with `Body::AsFields` (the Content-Length is among the fields, so
//!   h1wire adds nothing). A fresh encoder per head: it is two bytes of state.
//!   This includes h1wire's checks of the status line and of every field.
//! - `h1wire_bufmut`: `Encoder::server().response_into` appending to a
//!   reused `Vec<u8>`, cleared first.
//! - `write_fmt`: what many small servers do, `write!` into a reused
//!   `Vec<u8>` (cleared first): `"HTTP/1.1 {} {}\r\n"` with the status code
//!   and reason, `"{}: {}\r\n"` per field (names and values as `&str`),
//!   then `"\r\n"`. No checks at all.
//! - `copy_parts`: the head put together from the same parts with
//!   `extend_from_slice` (status line, then name, `": "`, value, CRLF per
//!   field) into a reused `Vec<u8>`, checking nothing: the plainest
//!   writer from parts, as h1wire and `write!` take the head. How far it
//!   stands from `copy` says what taking the head in parts costs before
//!   any check.
//! - `copy`: `clear` and `extend_from_slice` of the finished head into a
//!   reused `Vec<u8>`: the floor no encoder can beat.
//!
//! Only the head is timed, never a body. The inputs go through `black_box`
//! and so does every written head. Before any timing, each contender writes
//! each head twice into its reused buffer, and every output must equal the
//! expected head byte for byte, so a broken contender cannot look fast; and
//! the expected head must read back, through the test kit's loop (a
//! client's decoder, every call checked), as that status line, those
//! fields and that framing. The timed calls are only the contenders'.
//!
//! Compile only (CI):
//!     cargo bench --bench encode --no-run
//! Short run, 10 functions in about 25 s on 2 noisy cores:
//!     cargo bench --bench encode -- --warm-up-time 0.5 --measurement-time 1
//! The run for the README's table (about 35 s), then the table:
//!     cargo bench --bench encode -- --warm-up-time 1 --measurement-time 3
//!     python3 benches/report.py
//! (`-- --help` prints nothing useful: criterion is built without clap's help.)
//! One group, or one contender everywhere:
//!     cargo bench --bench encode -- encode_ok_313/
//!     cargo bench --bench encode -- /write_fmt
//! The contenders timed round-robin instead of by criterion (on a noisy
//! machine; see `benches/fastest/mod.rs` and `benches/decode.rs`):
//!     H1WIRE_MIN_OF=30 cargo bench --bench encode [-- FILTER]

use std::hint::black_box;
use std::io::Write;

use criterion::{criterion_group, Criterion, Throughput};
use h1wire::{Answering, Body, Config, Encoder, Field, Framing, StatusLine, Version};
use h1wire_testkit::{drive_open, ClientDecoder, End, Pieces, Start};

mod fastest;

// The decode benchmark's inputs: this one writes its 313-byte head, and
// the 301 kept there for benches/ab.py.
#[allow(dead_code)]
mod inputs;

/// Size of the reused output buffers.
const BUF_LEN: usize = 1024;

/// One criterion group's response head: its parts, as a server has them,
/// and the bytes every contender must write.
struct Head {
    /// The group name.
    name: &'static str,
    status: u16,
    reason: &'static str,
    /// Field names and values, in order.
    fields: &'static [(&'static str, &'static str)],
    /// The head on the wire, written out by hand.
    bytes: &'static [u8],
    /// The body framing it states.
    framing: Framing,
}

/// The 301 response of MDN's "A typical HTTP session": 11 fields, 357 bytes.
const SEED_301: Head = Head {
    name: "encode_seed_301",
    status: 301,
    reason: "Moved Permanently",
    fields: &[
        ("Server", "Apache/2.2.3 (Red Hat)"),
        ("Content-Type", "text/html; charset=iso-8859-1"),
        ("Date", "Sat, 09 Oct 2010 14:30:24 GMT"),
        ("Location", "https://developer.mozilla.org/"),
        ("Keep-Alive", "timeout=15, max=98"),
        ("Accept-Ranges", "bytes"),
        ("Via", "Moz-Cache-zlb05"),
        ("Connection", "Keep-Alive"),
        ("X-Cache-Info", "caching"),
        ("X-Cache-Info", "caching"),
        ("Content-Length", "325"),
    ],
    bytes: inputs::MOVED_301,
    framing: Framing::Length(325),
};

/// A static page from Apache (its ETag is the size and modification time in
/// hex): 9 fields, 313 bytes.
const OK_313: Head = Head {
    name: "encode_ok_313",
    status: 200,
    reason: "OK",
    fields: &[
        ("Date", "Tue, 14 May 2024 09:12:45 GMT"),
        ("Server", "Apache/2.4.59 (Debian)"),
        ("Content-Type", "text/html; charset=UTF-8"),
        ("Content-Length", "12648"),
        ("Last-Modified", "Mon, 13 May 2024 17:40:02 GMT"),
        ("ETag", "\"3168-618595fff8080\""),
        ("Cache-Control", "max-age=0, must-revalidate"),
        ("Vary", "Accept-Encoding"),
        ("Accept-Ranges", "bytes"),
    ],
    // The same bytes the decode benchmark reads as ok_response_313.
    bytes: inputs::OK_RESPONSE_313,
    framing: Framing::Length(12648),
};

// ---------------------------------------------------------------- contenders

/// `Encoder::response` into the front of `buf`; returns the head.
fn h1wire_slice<'b>(
    status: &StatusLine<'_>,
    fields: &[Field<'_>],
    buf: &'b mut [u8; BUF_LEN],
) -> (&'b [u8], Framing) {
    let head = Encoder::server()
        .response(status, fields, Body::AsFields, Answering::HTTP11, buf)
        .expect("h1wire: refused the head");
    (&buf[..head.len], head.framing)
}

/// `Encoder::response_into`, appending to `buf` once cleared.
fn h1wire_bufmut(status: &StatusLine<'_>, fields: &[Field<'_>], buf: &mut Vec<u8>) -> Framing {
    buf.clear();
    Encoder::server()
        .response_into(status, fields, Body::AsFields, Answering::HTTP11, buf)
        .expect("h1wire_bufmut: refused the head")
        .framing
}

/// `write!` formatting, the way many small servers write a head.
fn write_fmt(status: u16, reason: &str, fields: &[(&str, &str)], buf: &mut Vec<u8>) {
    buf.clear();
    write!(buf, "HTTP/1.1 {} {}\r\n", status, reason).expect("write_fmt: status line");
    for (name, value) in fields {
        write!(buf, "{}: {}\r\n", name, value).expect("write_fmt: field");
    }
    buf.extend_from_slice(b"\r\n");
}

/// The head from its parts, appended piece by piece, nothing checked.
fn copy_parts(status: u16, reason: &str, fields: &[(&str, &str)], buf: &mut Vec<u8>) {
    buf.clear();
    let digits = [
        b'0' + (status / 100 % 10) as u8,
        b'0' + (status / 10 % 10) as u8,
        b'0' + (status % 10) as u8,
    ];
    buf.extend_from_slice(b"HTTP/1.1 ");
    buf.extend_from_slice(&digits);
    buf.push(b' ');
    buf.extend_from_slice(reason.as_bytes());
    buf.extend_from_slice(b"\r\n");
    for (name, value) in fields {
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(b": ");
        buf.extend_from_slice(value.as_bytes());
        buf.extend_from_slice(b"\r\n");
    }
    buf.extend_from_slice(b"\r\n");
}

/// The finished head, copied.
fn copy(head: &[u8], buf: &mut Vec<u8>) {
    buf.clear();
    buf.extend_from_slice(head);
}

// ---------------------------------------------------------------- harness

/// The head's parts as h1wire takes them.
fn parts(head: &Head) -> (StatusLine<'static>, Vec<Field<'static>>) {
    let status = StatusLine::new(Version::Http11, head.status, head.reason);
    let fields = head
        .fields
        .iter()
        .map(|&(name, value)| Field::new(name, value))
        .collect();
    (status, fields)
}

/// Outside the timed loop: the expected bytes are the head's parts, and
/// each contender writes the head twice into one reused buffer, which
/// starts out dirty, and both outputs must be the expected bytes.
fn check(head: &Head) {
    check_expected(head);
    let (status, fields) = parts(head);
    let expected = head.bytes;
    let who = |contender: &str| format!("{}/{}", head.name, contender);

    let mut array = [0xA5u8; BUF_LEN];
    for _ in 0..2 {
        let (out, framing) = h1wire_slice(&status, &fields, &mut array);
        assert!(out == expected, "{}: wrong bytes", who("h1wire"));
        assert_eq!(framing, head.framing, "{}: framing", who("h1wire"));
    }

    let dirty = b"left over from the previous response".to_vec();
    let mut buf = dirty.clone();
    for _ in 0..2 {
        let framing = h1wire_bufmut(&status, &fields, &mut buf);
        assert!(buf == expected, "{}: wrong bytes", who("h1wire_bufmut"));
        assert_eq!(framing, head.framing, "{}: framing", who("h1wire_bufmut"));
    }

    let mut buf = dirty.clone();
    for _ in 0..2 {
        write_fmt(head.status, head.reason, head.fields, &mut buf);
        assert!(buf == expected, "{}: wrong bytes", who("write_fmt"));
    }

    let mut buf = dirty.clone();
    for _ in 0..2 {
        copy_parts(head.status, head.reason, head.fields, &mut buf);
        assert!(buf == expected, "{}: wrong bytes", who("copy_parts"));
    }

    let mut buf = dirty;
    for _ in 0..2 {
        copy(expected, &mut buf);
        assert!(buf == expected, "{}: wrong bytes", who("copy"));
    }
}

/// The expected bytes read back, through the test kit's loop (a client's
/// decoder answering a GET, the body not sent), as the head's status line,
/// fields and framing.
fn check_expected(head: &Head) {
    let decoder = &mut ClientDecoder::new(Config::default(), &[]);
    let trace = drive_open(decoder, head.bytes, Pieces::whole());
    assert_eq!(trace.end(), End::Open, "{}: read back", head.name);
    let [message] = &trace.reduction.messages[..] else {
        panic!("{}: not one head", head.name);
    };
    let start = Start::Response {
        version: Version::Http11,
        status: head.status,
        reason: head.reason.as_bytes().to_vec(),
    };
    assert_eq!(message.start, start, "{}: status line", head.name);
    let fields: Vec<(Vec<u8>, Vec<u8>)> = head
        .fields
        .iter()
        .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec()))
        .collect();
    assert_eq!(message.headers, fields, "{}: fields", head.name);
    assert_eq!(
        message.framing,
        Some(head.framing),
        "{}: framing",
        head.name
    );
}

/// The head's contenders, each a timed call that writes it once into
/// its own reused buffer: the same calls for criterion and for
/// `H1WIRE_MIN_OF`.
fn contenders(head: &'static Head) -> Vec<fastest::Contender<'static>> {
    let (status, fields) = parts(head);
    let (status2, fields2) = (status, fields.clone());
    let mut array = [0u8; BUF_LEN];
    let mut bufmut = Vec::with_capacity(BUF_LEN);
    let mut fmt = Vec::with_capacity(BUF_LEN);
    let mut parts_copied = Vec::with_capacity(BUF_LEN);
    let mut copied = Vec::with_capacity(BUF_LEN);
    vec![
        (
            "h1wire",
            Box::new(move || {
                let (out, framing) =
                    h1wire_slice(black_box(&status), black_box(&fields), &mut array);
                black_box((out, framing));
            }),
        ),
        (
            "h1wire_bufmut",
            Box::new(move || {
                let framing = h1wire_bufmut(black_box(&status2), black_box(&fields2), &mut bufmut);
                black_box((bufmut.as_slice(), framing));
            }),
        ),
        (
            "write_fmt",
            Box::new(move || {
                write_fmt(
                    black_box(head.status),
                    black_box(head.reason),
                    black_box(head.fields),
                    &mut fmt,
                );
                black_box(fmt.as_slice());
            }),
        ),
        (
            "copy_parts",
            Box::new(move || {
                copy_parts(
                    black_box(head.status),
                    black_box(head.reason),
                    black_box(head.fields),
                    &mut parts_copied,
                );
                black_box(parts_copied.as_slice());
            }),
        ),
        (
            "copy",
            Box::new(move || {
                copy(black_box(head.bytes), &mut copied);
                black_box(copied.as_slice());
            }),
        ),
    ]
}

fn bench_group(c: &mut Criterion, head: &'static Head) {
    let mut group = c.benchmark_group(head.name);
    group.throughput(Throughput::Bytes(head.bytes.len() as u64));
    for (name, mut run) in contenders(head) {
        group.bench_function(name, |b| b.iter(&mut run));
    }
    group.finish();
}

/// Both heads, checked (outside any timing).
fn checked_heads() -> [&'static Head; 2] {
    let heads = [&SEED_301, &OK_313];
    assert_eq!((SEED_301.bytes.len(), SEED_301.fields.len()), (357, 11));
    assert_eq!((OK_313.bytes.len(), OK_313.fields.len()), (313, 9));
    for head in heads {
        // The status line, a line per field, the empty line, and after it
        // nothing.
        let lines = head.bytes.split(|&b| b == b'\n').count();
        assert_eq!(lines, head.fields.len() + 3, "{}: lines", head.name);
        check(head);
    }
    heads
}

fn encode(c: &mut Criterion) {
    for head in checked_heads() {
        bench_group(c, head);
    }
}

criterion_group!(benches, encode);

/// `H1WIRE_MIN_OF=ROUNDS cargo bench --bench encode [-- FILTER]`: the
/// contenders of each head timed round-robin instead of by criterion (see
/// `fastest`); FILTER picks groups by name.
fn round_robin(rounds: usize, filter: Option<&str>) {
    for head in checked_heads() {
        if filter.is_none_or(|f| head.name.contains(f)) {
            fastest::compare(head.name, rounds, &mut contenders(head));
        }
    }
}

fn main() {
    fastest::main(round_robin, benches);
}
