//! Arbitrary bytes through the request decoder, strict and with every
//! lenient option on, whole and one byte at a time.
//!
//! The driver (`h1wire_fuzz::drive`) asserts on every call: no panic,
//! `consumed` never exceeds the input, every event slice lies inside the
//! call's input (pointer range), `position()` is the offset of the first
//! unconsumed byte, error offsets lie inside the stream given so far,
//! events follow the message grammar, field/target/method bytes are what
//! the docs promise, readings are empty with the strict profile and point at
//! what they name otherwise, and after an error (or Upgraded, or the end)
//! every later `decode` and `finish` returns the same thing.
//!
//! This target adds: whole-input and byte-at-a-time decodes agree, and the
//! lenient options only widen what is accepted (a message the strict
//! profile completes is completed the same way, with no reading, by the
//! lenient decoder).

#![no_main]

use h1wire::Decoder;
use h1wire_fuzz::{drive, lenient_all, strict, End, Pieces};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reductions = Vec::new();
    for config in [strict(), lenient_all()] {
        let whole = drive(&mut Decoder::server(config), data, Pieces::whole());
        let bytewise = drive(&mut Decoder::server(config), data, Pieces::bytewise());
        assert_eq!(
            whole.normalized(),
            bytewise.normalized(),
            "whole and byte-at-a-time decodes differ"
        );
        assert_eq!(whole.reduction, bytewise.reduction);
        reductions.push(whole.reduction);
    }
    let (strict, lenient) = (&reductions[0], &reductions[1]);
    let done = strict.complete().count();
    assert!(
        lenient.messages.len() >= done,
        "the lenient decoder completed fewer messages than the strict one"
    );
    for (s, l) in strict.complete().zip(&lenient.messages) {
        assert!(
            l.complete,
            "a message the strict profile completes is cut short when lenient"
        );
        let mut l = l.clone();
        assert!(
            l.head_readings.take().is_some_and(|r| r.is_empty()),
            "readings on a strict message"
        );
        assert!(
            l.end_readings.take().is_some_and(|r| r.is_empty()),
            "readings on a strict message"
        );
        let mut s = s.clone();
        s.head_readings = None;
        s.end_readings = None;
        assert_eq!(
            s, l,
            "strict and lenient decodes of a strict message differ"
        );
    }
    if !matches!(strict.end, End::Error(_)) {
        // The strict decode ended without an error: so does the lenient one, alike.
        assert!(
            strict.contract_eq(lenient),
            "strict accepted the stream, lenient decodes it differently"
        );
    }
});
