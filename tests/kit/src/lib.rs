//! What h1wire's integration tests (`tests/`), fuzz targets (`fuzz/`) and
//! benchmarks (`benches/`) share, once: not published, a dev-dependency
//! only, so the library itself never builds it.
//!
//! - [`abnf`]: the reference byte classes (`is_tchar` and friends),
//!   written plainly from the RFC ABNF.
//! - [`event`]: the owned event every harness compares ([`Ev`]), the one
//!   conversion from `h1wire::Event` ([`Ev::of`], [`own`]), and
//!   [`merge_bodies`]; [`show`]: bytes readable in assertion messages
//!   ([`esc`], [`Show`]).
//! - [`drive()`]: the one loop that feeds a decoder as a real caller does
//!   (keep the unconsumed tail, append the next piece, call again, `finish`
//!   at the end), cut into [`Pieces`], checking on every call the buffer
//!   contract and the event grammar (the checker: slices inside the call's
//!   input, `position()`, error offsets, sticky errors and ends, the
//!   grammar of requests and responses, start lines and field lines as
//!   written in the stream, framing against the strict rules and a small
//!   RFC 9112 section 6.3 reference ([`framing_ref`]), readings). It
//!   records the events with their stream offsets ([`Trace`],
//!   [`SpannedEv`]) and the conformance reduction ([`Reduction`]);
//!   [`Trace::events`] gives the plain [`Ev`]s. [`drive_open`] is the same
//!   for a peer that has not closed.
//! - [`decoders`]: what the loop drives. A server's decoder is driven as it
//!   is; a client's through [`ClientDecoder`], which tells it the methods
//!   as the dump does; [`ResumingDecoder`] resumes after a CONNECT whose
//!   tunnel did not open.
//! - [`heads`]: the head-at-once API driven like a caller
//!   ([`drive_heads`]) and held to the event API ([`assert_heads_agree`]).
//! - [`rng`]: a deterministic [`XorShift`](rng::XorShift) for tests
//!   that pick cases at random.
//! - [`limits_ref`]: a simple reference for where each size limit is
//!   exceeded; [`senders`]: what a sender must not generate although a
//!   recipient reads it (trailers kept to the header section, `chunked`
//!   in TE).
//!
//! # Driving a future decoder
//!
//! Implement [`StreamDecoder`] for it (forward the five decoding methods,
//! and say what it [`Reads`]). If it needs telling things as it goes, wrap
//! it, as [`ClientDecoder`] wraps `Decoder::client(config)` and calls
//! `expect_response` up to `Decoder::MAX_IN_FLIGHT` times, then once after
//! each final response. A new kind of start line needs its own variants of
//! [`SpannedEv`], [`Ev`] and [`Start`] and its checks in the checker
//! (`checker/lines.rs`, `checker/heads.rs`), as `Response` got next to
//! `Request`. Every other check and the whole [`Reduction`] then apply
//! unchanged.

pub mod abnf;
mod checker;
pub mod decoders;
pub mod drive;
pub mod event;
pub mod framing_ref;
pub mod heads;
pub mod limits_ref;
pub mod pieces;
pub mod reduction;
pub mod rng;
pub mod senders;
pub mod show;
pub mod trace;

pub use abnf::{
    has_empty_list_element, is_ctl, is_field_value, is_field_vchar, is_obs_text, is_scheme_char,
    is_sub_delim, is_target_byte, is_tchar, is_text, is_token, is_unreserved, is_vchar, is_ws,
    lists, plain_list,
};
pub use decoders::{is_final, ClientDecoder, Reads, ResumingDecoder, StreamDecoder};
pub use drive::{drive, drive_open};
pub use event::{body, header, is_prefix, merge_bodies, own, request, trailer, Ev};
pub use heads::{assert_heads_agree, drive_heads, HeadTrace};
pub use limits_ref::is_limit_kind;
pub use pieces::Pieces;
pub use reduction::{Message, Reduction, Start};
pub use show::{esc, Show};
pub use trace::{End, FieldRec, Record, Span, SpannedEv, Trace};

use h1wire::{Config, Lenient};

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
