//! Helpers of the h1wire fuzz targets (`fuzz_targets/*.rs`): only what is
//! fuzz-specific, the layouts that read a target's input from the fuzzer's
//! bytes. Everything a target checks with comes from the test kit
//! (`tests/kit`, the crate `h1wire_testkit`, shared with the integration
//! tests and the benchmarks), re-exported here whole: the feeding loop
//! [`drive`] with its checker, [`Trace`] and [`Reduction`], the client's
//! [`ClientDecoder`], the owned events, the reference predicates
//! (`is_tchar` and friends), [`framing_ref`] and [`limits_ref`].
//!
//! - [`input`]: how a target reads a config and split points from the
//!   front of the fuzzer's bytes ([`FuzzInput`]), so that a seed is a short
//!   header followed by an HTTP stream; [`ResponseInput`] adds the methods
//!   of the requests a stream of responses answers.
//! - [`encode_gen`]: message descriptions read from the fuzzer's bytes and
//!   the small references of the `encode_roundtrip` target (the encoder).
//! - [`conversation_gen`]: the scripts of caller actions and peer bytes of
//!   the `conversation` target (both connection types).
//!
//! # Adding a target for a future entry point
//!
//! 1. A new decoder: make the kit's loop drive it (its crate docs say how:
//!    a [`StreamDecoder`] implementation, and the checks of a new start
//!    line). A target is then a copy of `split_invariance.rs` with the
//!    decoder swapped (`decode_response.rs` is one:
//!    `ClientDecoder::new(config, &methods)` instead of
//!    `Decoder::server(config)`).
//! 2. An encoder: write a target that encodes the messages of an arbitrary
//!    [`Reduction`] (or of a decoded one), decodes the output with
//!    [`drive`], and asserts the reduction comes back equal
//!    (`encode_roundtrip.rs` does this for [`h1wire::Encoder`], with
//!    descriptions from [`encode_gen`]).
//! 3. Add a `[[bin]]` entry to `fuzz/Cargo.toml` and a corpus line to
//!    `fuzz/seed.sh`.

pub mod conversation_gen;
pub mod encode_gen;
pub mod input;
pub mod uri_ref;

pub use h1wire_testkit::*;
pub use input::{FuzzInput, ResponseInput};
pub use uri_ref::{
    absolute_authority_ok, authority_of, check_host, is_absolute, port_zero, web_userinfo, Host,
};
