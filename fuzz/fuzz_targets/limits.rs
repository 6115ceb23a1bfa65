//! Tiny fuzzer-chosen limits (head, line, field count, chunk line, trailer
//! section; see `h1wire_fuzz::input`, `LimitsFrom::AlwaysSmall`) over
//! arbitrary input, cut where the fuzzer says.
//!
//! Checked, measuring in the input from the events' slices:
//! - no delivered request line, field line or trailer line is longer than
//!   `line` (a field line runs from the first byte of its name to before its
//!   line end, folds included);
//! - never more Header events in one head than `fields`;
//! - no delivered head is larger than `head`, no completed trailer section
//!   larger than `trailers`, no chunk-size line whose data was delivered
//!   longer than `chunk_line`;
//! - the events sit where the reference (`h1wire_fuzz::limits_ref`) finds
//!   the lines, and body bytes are the reference's;
//! - a limit error is exactly the reference's first byte past a bound
//!   (offset and kind), and the other way round: where the reference finds a
//!   bound crossed, the decoder does not accept the input, does not wait for
//!   more, and any other error it reports comes no later.

#![no_main]

use h1wire::{Config, Decoder, Framing};
use h1wire_fuzz::input::LimitsFrom;
use h1wire_fuzz::limits_ref::{scan, walk, RefMessage, Scan, Walk};
use h1wire_fuzz::{drive, is_limit_kind, End, FuzzInput, SpannedEv, Trace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = FuzzInput::parse(bytes, LimitsFrom::AlwaysSmall);
    let config = input.config;
    let trace = drive(&mut Decoder::server(config), input.data, input.pieces());
    let reference = walk(input.data, &config, &trace.framings());
    check_events(input.data, &config, &trace, &reference);
    check_verdict(&trace, &reference);
});

/// Length of the line starting at `start` (content, without its line end),
/// measured without a cap.
fn line_len(stream: &[u8], start: u64, config: &Config) -> usize {
    let lenient = &config.lenient;
    match scan(
        stream,
        start as usize,
        usize::MAX,
        lenient.bare_lf,
        lenient.obs_fold,
    ) {
        Scan::Line { len, .. } => len,
        other => panic!("a delivered field line at {start} does not end: {other:?}"),
    }
}

fn check_events(stream: &[u8], config: &Config, trace: &Trace, reference: &Walk) {
    let limits = &config.limits;
    let mut index: Option<usize> = None;
    let mut fields = 0;
    let mut trailers = 0;
    // Stream offset just past the last delivered body byte of the message.
    let mut body_end: Option<u64> = None;
    let message = |i: Option<usize>| -> &RefMessage {
        let i = i.expect("event before any request");
        reference.messages.get(i).unwrap_or_else(|| {
            panic!(
                "the decoder delivered message {i}, the reference stopped before it: {reference:?}"
            )
        })
    };
    for r in &trace.records {
        match &r.ev {
            SpannedEv::Request { method, target, .. } => {
                index = Some(index.map_or(0, |i| i + 1));
                fields = 0;
                trailers = 0;
                body_end = None;
                let m = message(index);
                // method SP target SP HTTP/1.x (single SPs, checked by the driver).
                let len = method.bytes.len() + 1 + target.bytes.len() + 1 + 8;
                assert!(
                    len <= limits.line,
                    "request line of {len} bytes delivered, limit {}",
                    limits.line
                );
                assert_eq!(
                    method.at as usize, m.head_start,
                    "request line not where the reference starts the head"
                );
                let start = m.start_line.expect("reference has no request line");
                assert_eq!(
                    start.len, len,
                    "request line length differs from the reference"
                );
            }
            SpannedEv::Response { .. } => unreachable!("a server's decoder reads no response"),
            SpannedEv::Header(f) => {
                let m = message(index);
                let len = line_len(stream, f.name.at, config);
                assert!(
                    len <= limits.line,
                    "field line of {len} bytes delivered at {}, limit {}",
                    f.name.at,
                    limits.line
                );
                fields += 1;
                assert!(
                    fields <= limits.fields,
                    "{fields} header events, limit {}",
                    limits.fields
                );
                let l = m
                    .fields
                    .get(fields - 1)
                    .unwrap_or_else(|| panic!("reference lacks field line {fields}: {m:?}"));
                assert_eq!(
                    (l.start as u64, l.len),
                    (f.name.at, len),
                    "field line not where the reference has it"
                );
                let head = l.start + l.next - m.head_start;
                assert!(
                    head <= limits.head,
                    "head of {head}+ bytes delivered, limit {}",
                    limits.head
                );
            }
            SpannedEv::HeadEnd(framing) => {
                let m = message(index);
                assert_eq!(
                    fields,
                    m.fields.len(),
                    "field count differs from the reference"
                );
                assert_eq!(
                    Some(r.end as usize),
                    m.head_end,
                    "head end differs from the reference"
                );
                let head = r.end as usize - m.head_start;
                assert!(
                    head <= limits.head,
                    "head of {head} bytes delivered, limit {}",
                    limits.head
                );
                assert_eq!(Some(*framing), m.framing);
            }
            SpannedEv::Body(data) => {
                body_end = Some(data.at + data.bytes.len() as u64);
            }
            SpannedEv::Trailer(f) => {
                let m = message(index);
                let len = line_len(stream, f.name.at, config);
                assert!(
                    len <= limits.line,
                    "trailer line of {len} bytes delivered, limit {}",
                    limits.line
                );
                trailers += 1;
                let l = m
                    .trailer_fields
                    .get(trailers - 1)
                    .unwrap_or_else(|| panic!("reference lacks trailer line {trailers}: {m:?}"));
                assert_eq!(
                    (l.start as u64, l.len),
                    (f.name.at, len),
                    "trailer line not where the reference has it"
                );
                let start = m.trailers_start.expect("reference has no trailer section");
                let section = l.start + l.next - start;
                assert!(
                    section <= limits.trailers,
                    "trailer section of {section}+ bytes delivered, limit {}",
                    limits.trailers
                );
            }
            SpannedEv::MessageEnd => {
                let m = message(index);
                assert_eq!(
                    Some(r.end as usize),
                    m.end,
                    "message end differs from the reference"
                );
                if m.framing == Some(Framing::Chunked) {
                    let start = m.trailers_start.expect("reference has no trailer section");
                    let section = r.end as usize - start;
                    assert!(
                        section <= limits.trailers,
                        "trailer section of {section} bytes accepted, limit {}",
                        limits.trailers
                    );
                    assert_eq!(
                        trailers,
                        m.trailer_fields.len(),
                        "trailer count differs from the reference"
                    );
                    body_end = Some(r.end);
                }
            }
        }
        // Chunk-size lines before delivered data (or a completed message).
        if let (Some(i), Some(until)) = (index, body_end) {
            let m = message(Some(i));
            for &(start, len) in m.chunk_lines.iter().filter(|(s, _)| (*s as u64) < until) {
                assert!(
                    len <= limits.chunk_line,
                    "chunk line of {len} bytes at {start} accepted, limit {}",
                    limits.chunk_line
                );
            }
        }
    }
    // Body bytes agree with the reference.
    for (i, m) in trace.reduction.messages.iter().enumerate() {
        let Some(rm) = reference.messages.get(i) else {
            break;
        };
        if m.complete {
            assert_eq!(
                m.body, rm.body,
                "message {i} body differs from the reference"
            );
        } else {
            assert!(
                rm.body.starts_with(&m.body),
                "message {i} body is not a prefix of the reference's"
            );
        }
    }
}

fn check_verdict(trace: &Trace, reference: &Walk) {
    match (&reference.violation, trace.end()) {
        (Some(v), End::Error(e)) if is_limit_kind(e.kind()) => {
            assert!(
                v.offset == e.offset() && v.kinds.contains(&e.kind()),
                "decoder reports {e:?}, the reference finds {v:?}"
            );
        }
        (None, End::Error(e)) if is_limit_kind(e.kind()) => {
            panic!(
                "decoder reports {e:?}, the reference finds no bound crossed ({:?})",
                reference.halt
            )
        }
        (Some(v), End::Error(e)) if e.kind() == h1wire::ErrorKind::Incomplete => {
            panic!("the reference finds {v:?} in the bytes given, the decoder waited for more")
        }
        (Some(v), End::Error(e)) => {
            assert!(
                e.offset() <= v.offset.max(v.or_syntax_until.unwrap_or(0)),
                "decoder reports {e:?} past the reference's {v:?}: it read past a bound"
            );
        }
        (Some(v), end) => panic!("input crossing a bound ({v:?}) accepted: {end:?}"),
        (None, _) => {}
    }
}
