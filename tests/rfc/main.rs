//! RFC 9112 (HTTP/1.1) and the parts of RFC 9110 (HTTP semantics) that an
//! HTTP/1 codec carries out, requirement by requirement. Each test names
//! the section and quotes the requirement it holds h1wire to, in both
//! directions where both apply: what the decoders do with a peer's bytes,
//! and what the encoders refuse to write. `README.md` in this folder lists
//! every requirement read, with its test, or why no test applies (a rule
//! for caches, say, or a choice the strict profile makes otherwise).
//!
//! Every decode here goes through the test kit's caller loop
//! (`h1wire_testkit::drive`, which checks the buffer contract and the
//! event grammar on each call), and every reading is asserted the same
//! whole, one byte at a time and in pieces of seven bytes.

mod body;
mod connection;
mod fields;
mod message;

use h1wire::{Config, ConnStatus, EncodeError, EncodeErrorKind, ErrorKind, Event, MethodKind};
use h1wire_testkit::{drive, ClientDecoder, End, Pieces, StreamDecoder, Trace};

/// The strict profile's server decoder's reading of `input`, a stream
/// the peer then closed.
pub fn server(input: &[u8]) -> Trace {
    server_with(Config::default(), input)
}

/// [`server`] with another configuration.
pub fn server_with(config: Config, input: &[u8]) -> Trace {
    read_at_every_split(input, || h1wire::Decoder::server(config))
}

/// The strict profile's client decoder's reading of `input`, the
/// responses to requests of `methods`, in order.
pub fn client(methods: &[MethodKind], input: &[u8]) -> Trace {
    client_with(Config::default(), methods, input)
}

/// [`client`] with another configuration.
pub fn client_with(config: Config, methods: &[MethodKind], input: &[u8]) -> Trace {
    read_at_every_split(input, || ClientDecoder::new(config, methods))
}

/// The error that ended the stream, if one did: its kind and stream
/// offset.
pub fn error_of(trace: &Trace) -> Option<(ErrorKind, u64)> {
    match trace.end() {
        End::Error(e) => Some((e.kind(), e.offset())),
        End::Closed | End::Upgraded | End::Open => None,
    }
}

/// How many messages were read whole before the stream ended.
pub fn complete(trace: &Trace) -> usize {
    trace.reduction.complete().count()
}

/// What an encoder refused: kind, field index, byte index.
#[track_caller]
pub fn refusal<T: core::fmt::Debug>(
    result: Result<T, EncodeError>,
) -> (EncodeErrorKind, Option<usize>, Option<usize>) {
    let e = result.expect_err("the encoder should refuse this");
    (e.kind(), e.field(), e.byte())
}

/// Read the requests of `input` (the peer keeps the connection open)
/// through a server connection: how many ended, and the error that
/// stopped it, if one did.
pub fn serve(
    conn: &mut h1wire::server::Connection,
    input: &[u8],
) -> (usize, Option<h1wire::Error>) {
    let (mut at, mut ended) = (0, 0);
    loop {
        match conn.decode(&input[at..]) {
            Ok(step) => {
                at += step.consumed;
                match step.status {
                    ConnStatus::Event(Event::MessageEnd) => ended += 1,
                    ConnStatus::Event(_) => {}
                    _ => return (ended, None),
                }
            }
            Err(e) => return (ended, Some(e)),
        }
    }
}

/// Drive a fresh decoder over `input` whole, a byte at a time and in
/// 7-byte pieces; every split must read the same (events, where they sit
/// in the stream, readings, and how the stream ended). The whole read is
/// returned.
#[track_caller]
fn read_at_every_split<D: StreamDecoder>(input: &[u8], make: impl Fn() -> D) -> Trace {
    let whole = drive(&mut make(), input, Pieces::whole());
    for pieces in [Pieces::bytewise(), Pieces::every(7)] {
        let split = drive(&mut make(), input, pieces);
        assert_eq!(
            split.normalized(),
            whole.normalized(),
            "a split reads differently: {}",
            h1wire_testkit::esc(input)
        );
        assert_eq!(split.end(), whole.end(), "a split ends differently");
    }
    whole
}
