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
//!   the next piece is appended after them. The output is the same for
//!   every N.
//! - `--lenient NAME` turns on one lenient reading: `bare-lf`, `obs-fold`,
//!   `duplicate-content-length`, `non-ascii-target`, `framing-trailers`,
//!   or `all`.
//! - `--response` decodes a stream of responses (the client role);
//!   `--method M` (repeatable) gives the method of the request each
//!   response answers, in order (a 1xx other than 101 does not use one
//!   up; responses without one answer `GET`).
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

use h1wire::{Config, Decoder, Event, Field, Framing, MethodKind, Status};

struct Options {
    split: Option<usize>,
    config: Config,
    path: Option<String>,
    response: bool,
    methods: Vec<MethodKind>,
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("dump: {problem}");
    eprintln!(
        "usage: dump [--response] [--method M]... [--split N] [--lenient NAME]... [FILE | -]"
    );
    ExitCode::from(2)
}

fn parse_args() -> Result<Options, ExitCode> {
    let mut options = Options {
        split: None,
        config: Config::default(),
        path: None,
        response: false,
        methods: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--response" => options.response = true,
            "--method" => match args.next() {
                Some(method) => options.methods.push(MethodKind::of(method.as_bytes())),
                None => return Err(usage("--method needs a method")),
            },
            "--split" => {
                let n = args.next().and_then(|n| n.parse::<usize>().ok());
                match n {
                    Some(n) if n >= 1 => options.split = Some(n),
                    _ => return Err(usage("--split needs a number >= 1")),
                }
            }
            "--lenient" => {
                let lenient = &mut options.config.lenient;
                match args.next().as_deref() {
                    Some("bare-lf") => lenient.bare_lf = true,
                    Some("obs-fold") => lenient.obs_fold = true,
                    Some("duplicate-content-length") => lenient.duplicate_content_length = true,
                    Some("non-ascii-target") => lenient.non_ascii_target = true,
                    Some("framing-trailers") => lenient.framing_trailers = true,
                    Some("all") => *lenient = h1wire::Lenient::all(),
                    _ => return Err(usage("--lenient needs one of bare-lf, obs-fold, duplicate-content-length, non-ascii-target, framing-trailers, all")),
                }
            }
            "-" => options.path = None,
            flag if flag.starts_with("--") => return Err(usage(&format!("unknown flag {flag}"))),
            path => options.path = Some(path.to_owned()),
        }
    }
    Ok(options)
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
        Err(e) => usage(&format!("cannot write output: {e}")),
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
    for piece in input.chunks(piece_len) {
        // Compact only before reading more: the bytes consumed since the
        // last read go in one move, however many events they made.
        buf.drain(..start);
        start = 0;
        buf.extend_from_slice(piece);
        loop {
            let step = match decoder.decode(&buf[start..]) {
                Ok(step) => step,
                Err(e) => return write_error(out, &e),
            };
            start += step.consumed;
            match step.status {
                Status::Event(event) => {
                    write_event(out, &event)?;
                    if let (Event::Response(line), true) = (event, options.response) {
                        if !(100..200).contains(&line.status) || line.status == 101 {
                            if let Some(method) = methods.next() {
                                let _ = decoder.expect_response(method);
                            }
                        }
                    }
                }
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
        Event::HeadEnd(head) => {
            write!(
                out,
                "{{\"type\":\"head_end\",\"framing\":\"{}\"",
                head.framing.as_str()
            )?;
            if let Framing::Length(n) = head.framing {
                write!(out, ",\"length\":{n}")?;
            }
            writeln!(out, "}}")
        }
        Event::Body(data) => {
            write!(out, "{{\"type\":\"body\",\"data\":")?;
            write_bytes(out, data)?;
            writeln!(out, "}}")
        }
        Event::MessageEnd => writeln!(out, "{{\"type\":\"message_end\"}}"),
    }
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
