//! Streams of responses through the client's decoder (`Decoder::client`),
//! with a fuzzer-chosen config (lenient options, limits), a list of the
//! methods of the requests the responses answer, and a split (layout in
//! `h1wire_fuzz::input`, `ResponseInput`).
//!
//! The methods are told to the decoder as the dump does
//! (`h1wire_fuzz::ClientDecoder`): as many as `Decoder::MAX_IN_FLIGHT` at
//! once, then one more after each final response; on every call
//! `in_flight()` matches the count kept there and a method past a full queue
//! is refused with `TooManyInFlight`.
//!
//! The driver (`h1wire_fuzz::drive`) asserts on every call the buffer
//! contract (no panic, `consumed` within the input, event slices inside the
//! call's input, `position()` right, error offsets inside the stream given)
//! and the response grammar:
//! - each message starts with a status line at the first byte after the
//!   previous message (`HTTP/1.x SP 3DIGIT SP reason CRLF` in the stream,
//!   the call consuming exactly it), status 100-999, a reason of HTAB, SP,
//!   VCHAR and obs-text only;
//! - fields are tokens with trimmed values, folded (obs-fold) only with the
//!   `ObsFold` reading recorded;
//! - the framing at `HeadEnd` is what `h1wire_fuzz::framing_ref` (RFC 9112
//!   section 6.3, written apart from the crate) finds from the status, the
//!   method the response answers (the next of the list for a final
//!   response, GET past it; a 1xx other than 101 takes none and is framed
//!   none) and the fields as the contract reads them; a head it refuses is
//!   never accepted;
//! - bodies follow their framing; a close-delimited body is ended only by
//!   `finish`, which ends it; an upgrade's `MessageEnd` is followed only by
//!   `Upgraded`;
//! - readings: `ObsFold` (even in the strict profile) pointing at the SP
//!   or HTAB after a line break, every other reading only with its option
//!   and pointing at what it names;
//! - after an error every `decode` and `finish` returns the same error;
//!   after `Upgraded` (or the end) nothing more is decoded.
//!
//! This target adds: the whole-input decode and the split decode give the
//! same events (body pieces merged), the same reduction, and end the same
//! way (error kind and offset included).

#![no_main]

use h1wire_fuzz::{drive, ClientDecoder, Pieces, ResponseInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let ResponseInput { input, methods } = ResponseInput::parse(bytes);
    let whole = drive(
        &mut ClientDecoder::new(input.config, &methods),
        input.data,
        Pieces::whole(),
    );
    let split = drive(
        &mut ClientDecoder::new(input.config, &methods),
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
