//! The head-at-once API (`Decoder::decode_head`) against the event API
//! (`Decoder::decode`) on the same stream, config and split, in either
//! role: they must read it alike (`h1wire_fuzz::assert_heads_agree`): the
//! same start lines, fields, framing, bodies and trailers, the same
//! readings after each head, the same end (error kind and offset); where
//! a head fails, the event API has delivered its first lines and the head
//! API nothing of it; with a field array shorter than a head,
//! `FieldArrayFull` at the first field line that does not fit. Bodies go
//! through `decode_body` (the body-at-once API) when flag 0x80 of byte 4
//! is set, into an array of `1 + (byte 4 >> 5 & 3)` pieces, and are held
//! to the same events: the same pieces, then the same trailers and end.
//! The event
//! API goes through the kit's checked loop (buffer contract and event
//! grammar on every call); the head API's loop checks that nothing is
//! consumed before a head is whole, `position()`, and that a head's
//! slices lie in the input.
//!
//! Layout: `ResponseInput` (`h1wire_fuzz::input`), with two more flags in
//! byte 0: 0x40 the client role (the stream is responses to the methods
//! given; otherwise requests, and the methods are ignored), 0x80 a short
//! field array of `byte 3 % 8` entries (otherwise `limits.fields`, which
//! never fills).

#![no_main]

use h1wire_fuzz::{assert_heads_agree, Reads, ResponseInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let ResponseInput { input, methods } = ResponseInput::parse(bytes);
    let flags = bytes.first().copied().unwrap_or(0);
    let reads = if flags & 0x40 != 0 {
        Reads::Responses(methods)
    } else {
        Reads::Requests
    };
    let array_len = if flags & 0x80 != 0 {
        usize::from(bytes.get(3).copied().unwrap_or(0) % 8)
    } else {
        input.config.limits.fields
    };
    let body_byte = bytes.get(4).copied().unwrap_or(0);
    let body_array = (body_byte & 0x80 != 0).then_some(1 + usize::from(body_byte >> 5 & 3));
    assert_heads_agree(
        input.config,
        &reads,
        input.data,
        input.pieces(),
        array_len,
        body_array,
    );
});
