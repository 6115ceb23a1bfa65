//! The same stream decoded whole and cut where the fuzzer says, with a
//! fuzzer-chosen config (lenient options and limits; see
//! `h1wire_fuzz::input` for the layout): the decoder promises the same
//! events whatever the split (only body data may come in other pieces) and
//! the same error, kind and offset.
//!
//! Compared: the events with body pieces merged, each with the stream offset
//! where its call's consumption ended and the readings after it; and the
//! conformance reduction (messages, framing, body, trailers, complete flag),
//! with how the stream ended (error kind and offset included).

#![no_main]

use h1wire::Decoder;
use h1wire_fuzz::input::LimitsFrom;
use h1wire_fuzz::{drive, FuzzInput, Pieces};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = FuzzInput::parse(bytes, LimitsFrom::Flag);
    let whole = drive(
        &mut Decoder::server(input.config),
        input.data,
        Pieces::whole(),
    );
    let split = drive(
        &mut Decoder::server(input.config),
        input.data,
        input.pieces(),
    );
    assert_eq!(
        whole.reduction,
        split.reduction,
        "split decode reduces differently (pieces {:?})",
        input.pieces().ranges(input.data.len())
    );
    assert_eq!(
        whole.normalized(),
        split.normalized(),
        "split decode gives other events (pieces {:?})",
        input.pieces().ranges(input.data.len())
    );
});
