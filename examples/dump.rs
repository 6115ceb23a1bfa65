//! The conformance tool: decode a stream of HTTP/1 messages and print each
//! event as one JSON line.
//!
//! ```text
//! cargo run --release --example dump -- [--response] [--method M]... [--split N]
//!                                       [--lenient NAME]... [FILE | -]
//! ```
//!
//! - `--split N` feeds the decoder pieces of at most N bytes the way a real
//!   caller does: the bytes not consumed stay at the front of the buffer and
//!   the next piece is appended after them. The output reduces to the
//!   same messages for every N (only the cut of body data into `body`
//!   lines may differ).
//! - `--lenient NAME` turns on one lenient reading: `bare-lf`, `obs-fold`,
//!   `duplicate-content-length`, `non-ascii-target`, `framing-trailers`,
//!   or `all`.
//! - `--response` decodes a stream of responses (the client role);
//!   `--method M` (repeatable) gives the method of the request each
//!   response answers, in order (a 1xx other than 101 does not use one
//!   up; responses without one answer `GET`).
//! - `--at-once` reads through the at-once APIs instead of one event per
//!   call: each head with `Decoder::decode_head` (its fields into an
//!   array), each body with `Decoder::decode_body` (its pieces into an
//!   array). The output reduces to the same messages, but for a head
//!   that fails or that the end of the stream cuts short: none of its
//!   lines are printed (the API gives a head whole or not at all), where
//!   the events print those before the error. CI runs the corpus both
//!   ways.
//!
//! The feeding loop is the one the crate docs teach: it advances a start
//! index over the buffer after each event and compacts the buffer only
//! before appending what was read, so a stream of many small events costs
//! no more copying than one of few.
//!
//! Bytes are printed as JSON strings with one code point per byte (Latin-1).
//! The exit status is 0 whether or not the input was valid HTTP.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use h1wire::{Config, Decoder, Event, Field, Framing, HeadStatus, MethodKind, StartLine, Status};

struct Options {
    split: Option<usize>,
    at_once: bool,
    config: Config,
    path: Option<std::path::PathBuf>,
    response: bool,
    methods: Vec<MethodKind>,
}

const USAGE: &str =
    "usage: dump [--response] [--method M]... [--split N] [--lenient NAME]... [--at-once] [FILE | -]";

fn usage(problem: &str) -> ExitCode {
    eprintln!("dump: {problem}");
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn parse_args() -> Result<Options, ExitCode> {
    let mut options = Options {
        split: None,
        at_once: false,
        config: Config::default(),
        path: None,
        response: false,
        methods: Vec::new(),
    };
    // (`args_os`: a file name need not be UTF-8; a flag or its value, all
    // ASCII when right, is refused when it is not.)
    let mut args = std::env::args_os().skip(1);
    let mut operand_seen = false;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            if operand_seen {
                return Err(usage("one input only"));
            }
            operand_seen = true;
            options.path = Some(arg.into());
            continue;
        };
        let mut value = || args.next().and_then(|v| v.into_string().ok());
        match text {
            "--response" => options.response = true,
            "--at-once" => options.at_once = true,
            // (Without `--response` the methods are not used: a request
            // names its own.)
            "--method" => match value() {
                Some(method) if !method.is_empty() => {
                    options.methods.push(MethodKind::of(method.as_bytes()))
                }
                _ => return Err(usage("--method needs a method")),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            "--split" => match value().as_deref().map(split_size) {
                Some(Some(n)) => options.split = Some(n),
                _ => return Err(usage("--split needs a number >= 1")),
            },
            "--lenient" => {
                let lenient = &mut options.config.lenient;
                match value().as_deref() {
                    Some("bare-lf") => lenient.bare_lf = true,
                    Some("obs-fold") => lenient.obs_fold = true,
                    Some("duplicate-content-length") => lenient.duplicate_content_length = true,
                    Some("non-ascii-target") => lenient.non_ascii_target = true,
                    Some("framing-trailers") => lenient.framing_trailers = true,
                    Some("all") => *lenient = h1wire::Lenient::all(),
                    _ => return Err(usage("--lenient needs one of bare-lf, obs-fold, duplicate-content-length, non-ascii-target, framing-trailers, all")),
                }
            }
            flag if flag.starts_with("--") => return Err(usage(&format!("unknown flag {flag}"))),
            _ if operand_seen => return Err(usage("one input only")),
            "-" => operand_seen = true,
            path => {
                operand_seen = true;
                options.path = Some(path.into());
            }
        }
    }
    Ok(options)
}

/// A `--split` size: 1 or more (a size past `usize::MAX` is every byte
/// at once, as that is).
fn split_size(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match text.parse::<usize>() {
        Ok(0) => None,
        Ok(n) => Some(n),
        Err(_) => text.bytes().any(|b| b != b'0').then_some(usize::MAX),
    }
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut input = Vec::new();
    let read = match &options.path {
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut input)),
        None => io::stdin().read_to_end(&mut input),
    };
    if let Err(e) = read {
        return usage(&format!("cannot read input: {e}"));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match run(&input, &options, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Feed `input` to a decoder as a real caller would and print every event.
fn run(input: &[u8], options: &Options, out: &mut impl Write) -> io::Result<()> {
    let mut decoder = if options.response {
        Decoder::client(options.config)
    } else {
        Decoder::server(options.config)
    };
    // The methods the responses answer: as many as the decoder holds now,
    // the rest as final responses make room.
    let mut methods = options.methods.iter().copied();
    for method in methods.by_ref().take(Decoder::MAX_IN_FLIGHT) {
        let _ = decoder.expect_response(method);
    }
    let piece_len = options.split.unwrap_or(input.len().max(1));
    let mut buf = Vec::new();
    // `buf[start..]` is what the decoder has not consumed yet.
    let mut start = 0;
    // With `--at-once`: whether a head was read whose body is not over.
    let mut in_body = false;
    for piece in input.chunks(piece_len) {
        // Compact only before reading more: the bytes consumed since the
        // last read go in one move, however many events they made.
        buf.drain(..start);
        start = 0;
        buf.extend_from_slice(piece);
        loop {
            let input = &buf[start..];
            let mut fields = [Field::EMPTY; FIELDS];
            let mut pieces = [&b""[..]; PIECES];
            // What this call read: events to print (a head's, or a body's
            // pieces then what followed them), then a status.
            let mut events = Vec::new();
            let read = if options.at_once {
                let (fields, pieces) = (&mut fields, &mut pieces);
                read_at_once(
                    &mut decoder,
                    input,
                    &mut in_body,
                    fields,
                    pieces,
                    &mut events,
                )
            } else {
                decoder.decode(input).map(|step| {
                    if let Status::Event(event) = step.status {
                        events.push(Shown::Event(event));
                    }
                    (step.consumed, step.status)
                })
            };
            let (consumed, status) = match read {
                Ok(read) => read,
                Err(e) => return write_error(out, &e),
            };
            start += consumed;
            for shown in events {
                let event = match shown {
                    Shown::Event(event) => event,
                    Shown::HeadEnd(framing) => {
                        write_head_end(out, framing)?;
                        continue;
                    }
                };
                write_event(out, &event)?;
                if let (Event::Response(line), true) = (event, options.response) {
                    if !(100..200).contains(&line.status) || line.status == 101 {
                        if let Some(method) = methods.next() {
                            let _ = decoder.expect_response(method);
                        }
                    }
                }
            }
            match status {
                Status::Event(_) => {}
                Status::NeedMore => break,
                Status::Upgraded | Status::Closed => return Ok(()),
            }
        }
    }
    match decoder.finish() {
        Ok(Some(event)) => write_event(out, &event),
        Ok(None) => Ok(()),
        Err(e) => write_error(out, &e),
    }
}

/// What one call read, to print: an event, or the end of a head read at
/// once (whose `HeadEnd` event the head API does not make).
enum Shown<'a> {
    Event(Event<'a>),
    HeadEnd(Framing),
}

/// Fields per head and pieces per body that `--at-once` reads in one call
/// (a head of more fields fails with `field_array_full`: the decoder's
/// default limit, 100 field lines, fits).
const FIELDS: usize = 100;
const PIECES: usize = 16;

/// One call of the at-once APIs at the front of `input`: a whole head
/// through `decode_head` (its events, and a `message_end` when it is the
/// whole message), or body pieces through `decode_body`, or, between the
/// two, one event through `decode`. Returns the bytes consumed and the
/// status to act on (`Event` for "call again").
fn read_at_once<'a>(
    decoder: &mut Decoder,
    input: &'a [u8],
    in_body: &mut bool,
    fields: &'a mut [Field<'a>],
    pieces: &'a mut [&'a [u8]],
    events: &mut Vec<Shown<'a>>,
) -> Result<(usize, Status<'a>), h1wire::Error> {
    let again = Status::Event(Event::MessageEnd);
    if *in_body {
        let body = decoder.decode_body(input, pieces)?;
        events.extend(
            body.pieces
                .iter()
                .map(|&data| Shown::Event(Event::Body(data))),
        );
        return match body.then {
            Some(Status::Event(event)) => {
                *in_body = event != Event::MessageEnd;
                events.push(Shown::Event(event));
                Ok((body.consumed, again))
            }
            Some(status) => Ok((body.consumed, status)),
            None => Ok((body.consumed, again)),
        };
    }
    match decoder.decode_head(input, fields)? {
        HeadStatus::Complete(head) => {
            events.push(Shown::Event(match head.start {
                StartLine::Request(line) => Event::Request(line),
                StartLine::Response(line) => Event::Response(line),
            }));
            events.extend(head.fields.iter().map(|&f| Shown::Event(Event::Header(f))));
            events.push(Shown::HeadEnd(head.framing));
            match head.framing {
                // The whole message: no MessageEnd to read.
                Framing::None => events.push(Shown::Event(Event::MessageEnd)),
                // Its MessageEnd, then `decode` says Upgraded.
                Framing::Upgrade => {
                    events.push(Shown::Event(Event::MessageEnd));
                    *in_body = true;
                }
                _ => *in_body = true,
            }
            Ok((head.len, again))
        }
        HeadStatus::NeedMore => Ok((0, Status::NeedMore)),
        // After an upgrade: the decoder says so.
        HeadStatus::NotAtHead => Ok((0, decoder.decode(input)?.status)),
    }
}

fn write_event(out: &mut impl Write, event: &Event<'_>) -> io::Result<()> {
    match event {
        Event::Request(line) => {
            write!(out, "{{\"type\":\"request\",\"method\":")?;
            write_bytes(out, line.method)?;
            write!(out, ",\"target\":")?;
            write_bytes(out, line.target)?;
            writeln!(out, ",\"version\":\"{}\"}}", line.version.as_str())
        }
        Event::Response(line) => {
            write!(
                out,
                "{{\"type\":\"response\",\"version\":\"{}\",\"status\":{},\"reason\":",
                line.version.as_str(),
                line.status
            )?;
            write_bytes(out, line.reason)?;
            writeln!(out, "}}")
        }
        Event::Header(field) => write_field(out, "header", field),
        Event::Trailer(field) => write_field(out, "trailer", field),
        Event::HeadEnd(head) => write_head_end(out, head.framing),
        Event::Body(data) => {
            write!(out, "{{\"type\":\"body\",\"data\":")?;
            write_bytes(out, data)?;
            writeln!(out, "}}")
        }
        Event::MessageEnd => writeln!(out, "{{\"type\":\"message_end\"}}"),
    }
}

fn write_head_end(out: &mut impl Write, framing: Framing) -> io::Result<()> {
    write!(
        out,
        "{{\"type\":\"head_end\",\"framing\":\"{}\"",
        framing.as_str()
    )?;
    if let Framing::Length(n) = framing {
        write!(out, ",\"length\":{n}")?;
    }
    writeln!(out, "}}")
}

fn write_field(out: &mut impl Write, kind: &str, field: &Field<'_>) -> io::Result<()> {
    write!(out, "{{\"type\":\"{kind}\",\"name\":")?;
    write_bytes(out, field.name)?;
    write!(out, ",\"value\":")?;
    // A folded value reads as its pieces joined by single spaces.
    let mut value = Vec::new();
    for (i, piece) in field.value_pieces().enumerate() {
        if i > 0 {
            value.push(b' ');
        }
        value.extend_from_slice(piece);
    }
    write_bytes(out, &value)?;
    writeln!(out, "}}")
}

fn write_error(out: &mut impl Write, error: &h1wire::Error) -> io::Result<()> {
    writeln!(
        out,
        "{{\"type\":\"error\",\"kind\":\"{}\",\"offset\":{}}}",
        error.kind().as_str(),
        error.offset()
    )
}

/// A JSON string with one code point per byte: printable ASCII as itself
/// (`"` and `\` escaped), every other byte as `\u00XX`.
fn write_bytes(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(b"\"")?;
    for &b in bytes {
        match b {
            b'"' => out.write_all(b"\\\"")?,
            b'\\' => out.write_all(b"\\\\")?,
            0x20..=0x7e => out.write_all(&[b])?,
            _ => write!(out, "\\u{b:04x}")?,
        }
    }
    out.write_all(b"\"")
}
