//! Helpers shared by the h1wire fuzz targets (`fuzz_targets/*.rs`).
//!
//! - [`input`]: how a target reads a config and split points from the
//!   front of the fuzzer's bytes ([`FuzzInput`]), so that a seed is a short
//!   header followed by an HTTP stream.
//! - [`drive`]: feeds a stream to a decoder the way a real caller does
//!   (keep the unconsumed tail, append the next piece, call again, call
//!   `finish` at the end), checks the per-call promises of the buffer
//!   contract on every call, and records the events with their stream
//!   offsets ([`Trace`]) and the conformance reduction ([`Reduction`]).
//! - [`limits_ref`]: a simple reference for where each size limit is
//!   exceeded, used by the `limits` target.
//! - [`encode_gen`]: message descriptions read from the fuzzer's bytes and
//!   the small references of the `encode_roundtrip` target (the encoder).
//!
//! # Adding a target for a future entry point
//!
//! 1. A new decoder (e.g. a client/response decoder): implement
//!    [`StreamDecoder`] for it (forward the five methods), and teach
//!    `Checker::event` in `drive.rs`, [`Ev`] and [`Start`] its start-line
//!    event (a `Response` variant next to `Request`). Every check of the driver and
//!    the whole [`Reduction`] then apply unchanged; a target is a copy of
//!    `decode_request.rs` or `split_invariance.rs` with the constructor
//!    swapped (`Decoder::client(config, methods)` instead of
//!    `Decoder::server(config)`).
//! 2. An encoder: write a target that encodes the messages of an arbitrary
//!    [`Reduction`] (or of a decoded one), decodes the output with
//!    [`drive`], and asserts the reduction comes back equal
//!    (`encode_roundtrip.rs` does this for [`h1wire::Encoder`], with
//!    descriptions from [`encode_gen`]).
//! 3. Add a `[[bin]]` entry to `fuzz/Cargo.toml` and a corpus line to
//!    `fuzz/seed.sh`.

pub mod drive;
pub mod encode_gen;
pub mod input;
pub mod limits_ref;

pub use drive::{
    drive, End, Ev, FieldRec, Message, Pieces, Record, Reduction, Span, Start, StreamDecoder, Trace,
};
pub use input::FuzzInput;

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
