//! The dump's mirror: read the events the dump prints (JSON Lines, one
//! event per line) and write the same messages as wire bytes, through
//! h1wire's encoders only.
//!
//! ```text
//! cargo run --release --example encode -- [--response] [--method M]... < EVENTS.jsonl > WIRE
//! ```
//!
//! - By default the events are requests, written by the client's encoder.
//!   `--response` reads responses and writes them with the server's.
//! - `--method M` (with `--response`, repeatable): the method of the request
//!   each response answers, in order. A 1xx response other than 101 does
//!   not use one up; responses without one answer an HTTP/1.1 `GET`.
//! - Each message keeps the framing its `head_end` states: `length` stays
//!   Content-Length (added after the fields if they hold none), `chunked`
//!   stays chunked (each non-empty `body` event one chunk, the field added
//!   if need be) with the same trailers, `close` runs to the end of the
//!   stream, `none` and `upgrade` end with the head. If the encoder frames
//!   the head differently, the message is refused.
//! - `error` events are ignored.
//! - What the strict decoder accepts but a sender of its own would not
//!   send is written back as it came, with [`EncoderOptions::verbatim`]:
//!   framing fields the decoder reads and ignores (a Content-Length on a
//!   CONNECT request, a framing field on a 1xx or 204 response or a 2xx
//!   answering CONNECT), a response's Content-Length beside its
//!   Transfer-Encoding, userinfo in an `http` target, a 101 without
//!   Upgrade. The tool reproduces what was decoded.
//!
//! Bytes are read from JSON strings with one code point per byte (Latin-1);
//! a code point above U+00FF is an error of the input.
//!
//! Exit status: 0 when every message was written; 1 when a message is
//! refused (by the encoder, for a framing other than its `head_end` says,
//! or because the events stop inside it): the messages before it are
//! written and `encode: message N: REASON` goes to stderr; 2 for bad flags
//! or input that is not the dump's JSON Lines, with nothing written.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use h1wire::{
    Answering, Body, Encoder, EncoderOptions, Field, Framing, MethodKind, RequestLine, StatusLine,
    Version,
};

struct Options {
    response: bool,
    methods: Vec<Vec<u8>>,
}

const USAGE: &str = "usage: encode [--response] [--method M]... < EVENTS.jsonl > WIRE";

fn usage(problem: &str) -> ExitCode {
    let _ = writeln!(io::stderr(), "encode: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn parse_args() -> Result<Options, ExitCode> {
    let mut options = Options {
        response: false,
        methods: Vec::new(),
    };
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else {
            return Err(usage("an argument is not UTF-8"));
        };
        match arg {
            "--response" => options.response = true,
            "--method" => match args.next().and_then(|m| m.into_string().ok()) {
                Some(method) if !method.is_empty() => options.methods.push(method.into_bytes()),
                _ => return Err(usage("--method needs a method name")),
            },
            "-h" | "--help" => {
                let _ = writeln!(io::stdout(), "{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            other => return Err(usage(&format!("unknown argument {other}"))),
        }
    }
    if !options.response && !options.methods.is_empty() {
        return Err(usage(
            "--method names the request a response answers: it needs --response",
        ));
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut input = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut input) {
        return usage(&format!("cannot read input: {e}"));
    }
    let text = match std::str::from_utf8(&input) {
        Ok(text) => text,
        Err(e) => return usage(&format!("input is not UTF-8 (byte {})", e.valid_up_to())),
    };
    let messages = match read_messages(text, options.response) {
        Ok(messages) => messages,
        Err(problem) => return usage(&problem),
    };
    let mut wire = Vec::new();
    let refused = encode_all(&messages, &options, &mut wire);
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(&wire).and_then(|()| stdout.flush()) {
        return usage(&format!("cannot write output: {e}"));
    }
    match refused {
        Ok(()) => ExitCode::SUCCESS,
        Err((number, reason)) => {
            let _ = writeln!(io::stderr(), "encode: message {number}: {reason}");
            ExitCode::from(1)
        }
    }
}

// ------------------------------------------------------------- messages

/// The start line of a message, as the events give it.
enum Start {
    Request {
        method: Vec<u8>,
        target: Vec<u8>,
        version: Vec<u8>,
    },
    Response {
        version: Vec<u8>,
        status: u64,
        reason: Vec<u8>,
    },
}

/// One message gathered from its events.
struct Message {
    start: Start,
    headers: Vec<(Vec<u8>, Vec<u8>)>,
    /// What `head_end` said; `None` before it.
    framing: Option<Framing>,
    body: Vec<Vec<u8>>,
    trailers: Vec<(Vec<u8>, Vec<u8>)>,
    /// `message_end` was seen.
    ended: bool,
}

/// Write every message, one encoder for the whole stream. On a refusal,
/// `wire` holds exactly the messages before the refused one, and the error
/// is its number (from 1) and the reason.
fn encode_all(
    messages: &[Message],
    options: &Options,
    wire: &mut Vec<u8>,
) -> Result<(), (usize, String)> {
    // The tool reproduces what a strict decoder accepted, so it writes
    // what a sender of its own would not: the framing fields that decoder
    // ignored (a Content-Length on a CONNECT request or a 101, say), a
    // response's Content-Length beside its Transfer-Encoding, userinfo in
    // an http target, a 101 without Upgrade.
    let mut encoder = if options.response {
        Encoder::server()
    } else {
        Encoder::client()
    }
    .with_options(options_for_round_trip());
    let mut next_method = 0;
    for (index, message) in messages.iter().enumerate() {
        let mut answering = Answering::HTTP11;
        if let Start::Response { status, .. } = message.start {
            let method = options.methods.get(next_method).map_or(&b"GET"[..], |m| m);
            answering = Answering::new(MethodKind::of(method), Version::Http11);
            if !(100..200).contains(&status) || status == 101 {
                next_method += 1;
            }
        }
        let mark = wire.len();
        if let Err(reason) = encode_message(&mut encoder, message, answering, wire) {
            wire.truncate(mark);
            return Err((index + 1, reason));
        }
    }
    Ok(())
}

/// Write one message: its head, each body piece, its end.
fn encode_message(
    encoder: &mut Encoder,
    message: &Message,
    answering: Answering,
    wire: &mut Vec<u8>,
) -> Result<(), String> {
    let expected = match message.framing {
        Some(framing) if message.ended => framing,
        _ => return Err("incomplete: the events stop before its message_end".into()),
    };
    let fields = as_fields(&message.headers);
    let stated = |name: &str| fields.iter().any(|field| field.name_is(name));
    let content_length = stated("content-length");
    let transfer_encoding = stated("transfer-encoding");
    let body = match expected {
        Framing::None | Framing::Upgrade => Body::AsFields,
        Framing::Length(_) if content_length => Body::AsFields,
        Framing::Length(n) => Body::Length(n),
        Framing::Chunked if transfer_encoding => Body::AsFields,
        Framing::Chunked => Body::Chunked,
        Framing::Close if content_length || transfer_encoding => Body::AsFields,
        Framing::Close => Body::UntilClose,
    };
    let head = match &message.start {
        Start::Request {
            method,
            target,
            version,
        } => {
            let line = RequestLine {
                method,
                target,
                version: version_of(version)?,
            };
            encoder.request_into(&line, &fields, body, wire)
        }
        Start::Response {
            version,
            status,
            reason,
        } => {
            let line = StatusLine {
                version: version_of(version)?,
                status: u16::try_from(*status)
                    .map_err(|_| format!("status {status} is not a three-digit code"))?,
                reason,
            };
            encoder.response_into(&line, &fields, body, answering, wire)
        }
    }
    .map_err(|e| e.to_string())?;
    if head.framing != expected {
        return Err(format!(
            "head_end says framing {}, but the encoder framed the head as {}",
            show_framing(expected),
            show_framing(head.framing)
        ));
    }
    for piece in &message.body {
        encoder.body_into(piece, wire).map_err(|e| e.to_string())?;
    }
    let trailers = as_fields(&message.trailers);
    encoder
        .end_into(&trailers, wire)
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn as_fields(pairs: &[(Vec<u8>, Vec<u8>)]) -> Vec<Field<'_>> {
    pairs
        .iter()
        .map(|(name, value)| Field { name, value })
        .collect()
}

fn version_of(version: &[u8]) -> Result<Version, String> {
    match version {
        b"HTTP/1.1" => Ok(Version::Http11),
        b"HTTP/1.0" => Ok(Version::Http10),
        other => Err(format!(
            "version \"{}\" cannot be written (HTTP/1.0 or HTTP/1.1 only)",
            other.escape_ascii()
        )),
    }
}

fn show_framing(framing: Framing) -> String {
    match framing {
        Framing::Length(n) => format!("\"length\" ({n})"),
        other => format!("\"{}\"", other.as_str()),
    }
}

// --------------------------------------------------------------- events

/// One line of the dump.
enum Event {
    Start(Start),
    Header(Vec<u8>, Vec<u8>),
    HeadEnd(Framing),
    Body(Vec<u8>),
    Trailer(Vec<u8>, Vec<u8>),
    MessageEnd,
    /// Ignored.
    Error,
}

/// Gather the events of `text` into messages, checking only their order.
/// An error names the line and what is wrong with it.
fn read_messages(text: &str, response: bool) -> Result<Vec<Message>, String> {
    let mut messages = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if line.trim_matches(is_json_space).is_empty() {
            continue;
        }
        let at = |problem: String| format!("line {}: {problem}", index + 1);
        let object = parse_object(line).map_err(at)?;
        let event = to_event(&object).map_err(at)?;
        place(&mut messages, event, response).map_err(at)?;
    }
    Ok(messages)
}

fn to_event(object: &Object) -> Result<Event, String> {
    let fields = |kind| -> Result<_, String> {
        Ok((object.bytes("name", kind)?, object.bytes("value", kind)?))
    };
    let kind = object.bytes("type", "an")?;
    Ok(match kind.as_slice() {
        b"request" => Event::Start(Start::Request {
            method: object.bytes("method", "request")?,
            target: object.bytes("target", "request")?,
            version: object.bytes("version", "request")?,
        }),
        b"response" => Event::Start(Start::Response {
            version: object.bytes("version", "response")?,
            status: object.uint("status", "response")?,
            reason: object.bytes("reason", "response")?,
        }),
        b"header" => {
            let (name, value) = fields("header")?;
            Event::Header(name, value)
        }
        b"trailer" => {
            let (name, value) = fields("trailer")?;
            Event::Trailer(name, value)
        }
        b"head_end" => Event::HeadEnd(match object.bytes("framing", "head_end")?.as_slice() {
            b"none" => Framing::None,
            b"length" => Framing::Length(object.uint("length", "head_end")?),
            b"chunked" => Framing::Chunked,
            b"close" => Framing::Close,
            b"upgrade" => Framing::Upgrade,
            other => {
                return Err(format!(
                    "unknown framing \"{}\" (none, length, chunked, close or upgrade)",
                    other.escape_ascii()
                ))
            }
        }),
        b"body" => Event::Body(object.bytes("data", "body")?),
        b"message_end" => Event::MessageEnd,
        b"error" => Event::Error,
        other => return Err(format!("unknown event type \"{}\"", other.escape_ascii())),
    })
}

/// Add `event` to the message it belongs to, or start one.
fn place(messages: &mut Vec<Message>, event: Event, response: bool) -> Result<(), String> {
    let open = messages.last_mut().filter(|m| !m.ended);
    let (event, message) = match (event, open) {
        (Event::Error, _) => return Ok(()),
        (Event::Start(_), Some(_)) => {
            return Err("a message starts before the previous one's message_end".into())
        }
        (Event::Start(start), None) => {
            match (&start, response) {
                (Start::Request { .. }, true) => {
                    return Err("a request event, but --response writes responses".into())
                }
                (Start::Response { .. }, false) => {
                    return Err("a response event: give --response to write responses".into())
                }
                _ => {}
            }
            messages.push(Message {
                start,
                headers: Vec::new(),
                framing: None,
                body: Vec::new(),
                trailers: Vec::new(),
                ended: false,
            });
            return Ok(());
        }
        (event, Some(message)) => (event, message),
        (_, None) => return Err("an event outside a message".into()),
    };
    let head_ended = message.framing.is_some();
    match event {
        Event::Header(..) | Event::HeadEnd(_) if head_ended => {
            return Err("a header or head_end event after head_end".into())
        }
        Event::Body(_) | Event::Trailer(..) | Event::MessageEnd if !head_ended => {
            return Err("a body, trailer or message_end event before head_end".into())
        }
        Event::Body(_) if !message.trailers.is_empty() => {
            return Err("a body event after a trailer".into())
        }
        Event::Header(name, value) => message.headers.push((name, value)),
        Event::HeadEnd(framing) => message.framing = Some(framing),
        Event::Body(data) => message.body.push(data),
        Event::Trailer(name, value) => message.trailers.push((name, value)),
        Event::MessageEnd => message.ended = true,
        Event::Start(_) | Event::Error => {}
    }
    Ok(())
}

// ----------------------------------------------------------------- JSON

/// A value of an event object: the dump writes only strings and numbers.
enum Value {
    /// A string, one byte per code point.
    Bytes(Vec<u8>),
    /// A number, as written.
    Number(String),
}

/// One JSON object of string and number members, in order.
struct Object {
    members: Vec<(Vec<u8>, Value)>,
}

impl Object {
    fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .iter()
            .find(|(k, _)| k.as_slice() == key.as_bytes())
            .map(|(_, value)| value)
    }

    /// Member `key` as bytes; `event` names the event for the error.
    fn bytes(&self, key: &str, event: &str) -> Result<Vec<u8>, String> {
        match self.get(key) {
            Some(Value::Bytes(bytes)) => Ok(bytes.clone()),
            _ => Err(format!("{event} event needs \"{key}\" as a string")),
        }
    }

    /// Member `key` as an integer from 0 to 2^64 - 1.
    fn uint(&self, key: &str, event: &str) -> Result<u64, String> {
        match self.get(key) {
            Some(Value::Number(text)) if text.bytes().all(|b| b.is_ascii_digit()) => text
                .parse()
                .map_err(|_| format!("\"{key}\" {text} does not fit 64 bits")),
            _ => Err(format!(
                "{event} event needs \"{key}\" as a non-negative integer"
            )),
        }
    }
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Parse one line holding one JSON object.
fn parse_object(line: &str) -> Result<Object, String> {
    let mut parser = Parser {
        chars: line.chars().peekable(),
    };
    let mut members: Vec<(Vec<u8>, Value)> = Vec::new();
    parser.expect('{')?;
    if !parser.eat('}') {
        loop {
            parser.expect('"')?;
            let key = parser.string()?;
            parser.expect(':')?;
            let value = parser.value()?;
            if members.iter().any(|(k, _)| *k == key) {
                return Err(format!("key \"{}\" twice", key.escape_ascii()));
            }
            members.push((key, value));
            if !parser.eat(',') {
                parser.expect('}')?;
                break;
            }
        }
    }
    parser.skip_space();
    match parser.chars.next() {
        None => Ok(Object { members }),
        Some(c) => Err(format!("{c:?} after the object")),
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.chars.next_if(|&c| is_json_space(c)).is_some() {}
    }

    /// Skip whitespace, then take `c` if it is next.
    fn eat(&mut self, c: char) -> bool {
        self.skip_space();
        self.chars.next_if_eq(&c).is_some()
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) {
            return Ok(());
        }
        match self.chars.peek() {
            Some(found) => Err(format!("expected {c:?}, found {found:?}")),
            None => Err(format!("expected {c:?}, found the end of the line")),
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        if self.eat('"') {
            return self.string().map(Value::Bytes);
        }
        let mut text = String::new();
        while let Some(c) = self
            .chars
            .next_if(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        {
            text.push(c);
        }
        if is_json_number(&text) {
            return Ok(Value::Number(text));
        }
        if text.is_empty() {
            return Err("a value must be a string or a number".into());
        }
        Err(format!("{text} is not a JSON number"))
    }

    /// The rest of a string whose opening quote was taken, one byte per
    /// code point.
    fn string(&mut self) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        loop {
            let code = match self.chars.next() {
                None => return Err("a string does not end on its line".into()),
                Some('"') => return Ok(bytes),
                Some('\\') => match self.chars.next() {
                    Some('"') => 0x22,
                    Some('\\') => 0x5c,
                    Some('/') => 0x2f,
                    Some('b') => 0x08,
                    Some('f') => 0x0c,
                    Some('n') => 0x0a,
                    Some('r') => 0x0d,
                    Some('t') => 0x09,
                    Some('u') => self.hex4()?,
                    Some(c) => return Err(format!("unknown escape \\{c}")),
                    None => return Err("a string does not end on its line".into()),
                },
                Some(c) if c < ' ' => return Err(format!("control character {c:?} in a string")),
                Some(c) => u32::from(c),
            };
            match u8::try_from(code) {
                Ok(byte) => bytes.push(byte),
                Err(_) => {
                    return Err(format!(
                        "code point U+{code:04X} in a string: each code point is one byte, \
                         U+0000 to U+00FF"
                    ))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            match self.chars.next().and_then(|c| c.to_digit(16)) {
                Some(digit) => code = code * 16 + digit,
                None => return Err("\\u needs four hex digits".into()),
            }
        }
        Ok(code)
    }
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            digits(&mut at);
        }
        _ => return false,
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// Everything a strict decoder accepts is written back
/// ([`EncoderOptions::verbatim`]), with field lines as `name:value`: never
/// longer than a line the decoder read as the same field, so a stream
/// read at a size limit is written back within it (with `name: value`, a
/// field line that came without the space would grow by a byte).
fn options_for_round_trip() -> EncoderOptions {
    let mut options = EncoderOptions::verbatim();
    options.tight_fields = true;
    options
}
