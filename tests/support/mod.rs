//! Helpers shared by the integration tests, over the test kit
//! (`tests/kit`, the crate `h1wire_testkit`, which the fuzz targets and the
//! benchmarks use too): the kit's owned events and predicates, re-exported;
//! decoding as thin wrappers over the kit's one feeding loop, which checks
//! the buffer contract and the event grammar on every call and returns the
//! plain events the tests compare; a small writer that turns a described
//! request into bytes ([`writer`]), proptest generators of such requests
//! ([`gen`]), and two connections wired together ([`pair`]).
//!
//! Each test crate uses a different part of this module.
#![allow(dead_code, unused_imports)]

pub mod gen;
pub mod pair;
pub mod writer;

use h1wire::{Config, Decoder, MethodKind};
use h1wire_testkit::{drive, ClientDecoder, Pieces, StreamDecoder};

pub use h1wire_testkit::{body, header, is_tchar, merge_bodies, own, request, trailer, Ev};
pub use writer::*;

/// Decode `input` fed in pieces of at most `split` bytes (the whole input at
/// once when `split >= input.len()`), then tell the decoder the stream ended.
pub fn decode_all(input: &[u8], config: Config, split: usize) -> Vec<Ev> {
    assert!(split >= 1, "split sizes start at 1");
    events(Decoder::server(config), input, Pieces::every(split))
}

/// Decode `input` whole (one call with everything, then end of stream).
pub fn decode_whole(input: &[u8], config: Config) -> Vec<Ev> {
    events(Decoder::server(config), input, Pieces::whole())
}

/// Decode `input` cut at the given offsets (any order, duplicates and
/// offsets past the end are fine).
pub fn decode_cut_at(input: &[u8], config: Config, cuts: &[usize]) -> Vec<Ev> {
    let mut cuts = cuts.to_vec();
    cuts.retain(|&cut| cut > 0 && cut < input.len());
    cuts.sort_unstable();
    cuts.dedup();
    events(Decoder::server(config), input, Pieces::at(&cuts))
}

/// Decode the stream these pieces make, one read per piece, as a server.
pub fn decode_pieces<'p>(pieces: impl IntoIterator<Item = &'p [u8]>, config: Config) -> Vec<Ev> {
    let (stream, cuts) = joined(pieces);
    events(Decoder::server(config), &stream, Pieces::at(&cuts))
}

/// [`decode_pieces`] for a stream of responses: a client's decoder, told
/// the method of each request the responses answer, in order.
pub fn decode_responses<'p>(
    pieces: impl IntoIterator<Item = &'p [u8]>,
    config: Config,
    methods: &[MethodKind],
) -> Vec<Ev> {
    let (stream, cuts) = joined(pieces);
    events(
        ClientDecoder::new(config, methods),
        &stream,
        Pieces::at(&cuts),
    )
}

/// Responses of `input` fed in pieces of at most `split` bytes.
pub fn decode_responses_split(
    input: &[u8],
    config: Config,
    methods: &[MethodKind],
    split: usize,
) -> Vec<Ev> {
    events(
        ClientDecoder::new(config, methods),
        input,
        Pieces::every(split.max(1)),
    )
}

/// Decode `input` whole and under every split size 1..=len, assert all give
/// the same events (body pieces merged), and return them.
pub fn decode_every_split(input: &[u8], config: Config) -> Vec<Ev> {
    let whole = merge_bodies(decode_whole(input, config));
    for split in 1..=input.len() {
        let events = merge_bodies(decode_all(input, config, split));
        assert_eq!(events, whole, "split {split} differs from the whole input");
    }
    whole
}

/// The kit's loop over `stream` cut into `pieces`, then the end of stream:
/// the events, ending with the error or the upgrade if one stopped it.
fn events<D: StreamDecoder>(mut decoder: D, stream: &[u8], pieces: Pieces<'_>) -> Vec<Ev> {
    drive(&mut decoder, stream, pieces).events(stream)
}

/// The pieces joined into one stream, and the offsets where they meet.
fn joined<'p>(pieces: impl IntoIterator<Item = &'p [u8]>) -> (Vec<u8>, Vec<usize>) {
    let mut stream = Vec::new();
    let mut cuts = Vec::new();
    for piece in pieces {
        stream.extend_from_slice(piece);
        cuts.push(stream.len());
    }
    // The last piece runs to the end.
    cuts.pop();
    (stream, cuts)
}
