//! Helpers shared by the h1wire fuzz targets (`fuzz_targets/*.rs`).
//!
//! - [`input`]: how a target reads a config and split points from the
//!   front of the fuzzer's bytes ([`FuzzInput`]), so that a seed is a short
//!   header followed by an HTTP stream; [`ResponseInput`] adds the methods
//!   of the requests a stream of responses answers.
//! - [`drive`]: feeds a stream to a decoder the way a real caller does
//!   (keep the unconsumed tail, append the next piece, call again, call
//!   `finish` at the end), checks the per-call promises of the buffer
//!   contract on every call, and records the events with their stream
//!   offsets ([`Trace`]) and the conformance reduction ([`Reduction`]). A
//!   server's decoder is driven as it is; a client's through
//!   [`ClientDecoder`], which tells it the methods as the dump does.
//! - [`framing_ref`]: RFC 9112 section 6.3 for responses, written apart
//!   from the crate's own framing code; the driver checks every response
//!   head's framing against it.
//! - [`limits_ref`]: a simple reference for where each size limit is
//!   exceeded, used by the `limits` target.
//! - [`encode_gen`]: message descriptions read from the fuzzer's bytes and
//!   the small references of the `encode_roundtrip` target (the encoder).
//! - [`conversation_gen`]: the scripts of caller actions and peer bytes of
//!   the `conversation` target (both connection types), and its owned
//!   events.
//!
//! # Adding a target for a future entry point
//!
//! 1. A new decoder: implement [`StreamDecoder`] for it (forward the five
//!    decoding methods, and say what it [`Reads`]). If it needs telling
//!    things as it goes, wrap it, as [`ClientDecoder`] wraps
//!    `Decoder::client(config)` and calls `expect_response` up to
//!    `Decoder::MAX_IN_FLIGHT` times, then once after each final
//!    response. A new kind of start line needs its own variants of [`Ev`]
//!    and [`Start`] and its checks in `Checker::event` (`drive.rs`), as
//!    `Response` got next to `Request` (`Checker::response_line`, and the
//!    framing check at `HeadEnd` against [`framing_ref`]). Every other check
//!    of the driver and the whole [`Reduction`] then apply unchanged; a
//!    target is a copy of `split_invariance.rs` with the decoder swapped
//!    (`decode_response.rs` is one: `ClientDecoder::new(config, &methods)`
//!    instead of `Decoder::server(config)`).
//! 2. An encoder: write a target that encodes the messages of an arbitrary
//!    [`Reduction`] (or of a decoded one), decodes the output with
//!    [`drive`], and asserts the reduction comes back equal
//!    (`encode_roundtrip.rs` does this for [`h1wire::Encoder`], with
//!    descriptions from [`encode_gen`]).
//! 3. Add a `[[bin]]` entry to `fuzz/Cargo.toml` and a corpus line to
//!    `fuzz/seed.sh`.

pub mod conversation_gen;
pub mod drive;
pub mod encode_gen;
pub mod framing_ref;
pub mod input;
pub mod limits_ref;

pub use drive::{
    drive, is_final, ClientDecoder, End, Ev, FieldRec, Message, Pieces, Reads, Record, Reduction,
    Span, Start, StreamDecoder, Trace,
};
pub use input::{FuzzInput, ResponseInput};

use h1wire::{Config, ErrorKind, Lenient};

/// The strict profile (the default config).
pub fn strict() -> Config {
    Config::default()
}

/// Every lenient reading on, default limits.
pub fn lenient_all() -> Config {
    let mut config = Config::default();
    config.lenient = Lenient::all();
    config
}

/// The error kinds that report an exceeded [`h1wire::Limits`] entry.
pub fn is_limit_kind(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::RequestLineTooLong
            | ErrorKind::FieldLineTooLong
            | ErrorKind::HeadTooLarge
            | ErrorKind::TooManyFields
            | ErrorKind::ChunkLineTooLong
            | ErrorKind::TrailersTooLarge
    )
}

/// SP or HTAB.
pub fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// A byte that may not appear in a head line: CTL other than HTAB, and DEL.
pub fn is_ctl(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// RFC 9110 section 5.6.2 tchar.
pub fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A non-empty token.
pub fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_tchar(b))
}

/// Bytes as a readable escaped string, for assertion messages.
pub fn esc(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}
