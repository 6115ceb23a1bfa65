//! h1wire: a zero-copy, sans-I/O HTTP/1.x codec with a strict profile.
//!
//! The [`Decoder`] turns the bytes of an HTTP/1 stream into [`Event`]s that
//! borrow those bytes. It never touches a socket, a clock or a thread, never
//! allocates, and never panics: the caller owns the buffer and the I/O.
//!
//! # The decode loop
//!
//! ```
//! use h1wire::{Decoder, Event, Framing, Status};
//!
//! # fn main() -> Result<(), h1wire::Error> {
//! // Bytes as they arrive from a peer: here one request cut in two reads.
//! let reads: [&[u8]; 2] = [
//!     b"POST /form HTTP/1.1\r\nHost: example.com\r\nContent-Le",
//!     b"ngth: 5\r\n\r\nhello",
//! ];
//! let mut decoder = Decoder::default(); // server role, strict profile
//! let mut buf = Vec::new();
//! let mut body = Vec::new();
//! for read in reads {
//!     // 1. Append what was read after the bytes not yet consumed.
//!     buf.extend_from_slice(read);
//!     loop {
//!         // 2. Give the decoder the unconsumed bytes; take one step.
//!         let step = decoder.decode(&buf)?;
//!         let consumed = step.consumed;
//!         match step.status {
//!             // 3. Use the event while it borrows `buf`...
//!             Status::Event(Event::Request(line)) => assert_eq!(line.method, b"POST"),
//!             Status::Event(Event::HeadEnd(head)) => assert_eq!(head.framing, Framing::Length(5)),
//!             Status::Event(Event::Body(data)) => body.extend_from_slice(data),
//!             Status::Event(_) => {}
//!             // 4. ...until the decoder needs more input: go and read.
//!             Status::NeedMore => {
//!                 buf.drain(..consumed);
//!                 break;
//!             }
//!             Status::Upgraded | Status::Closed => return Ok(()),
//!         }
//!         // 5. Then drop the consumed bytes and go on.
//!         buf.drain(..consumed);
//!     }
//! }
//! // 6. The peer closed: tell the decoder (an error if a message was cut short).
//! assert_eq!(decoder.finish()?, None);
//! assert_eq!(body, b"hello");
//! # Ok(())
//! # }
//! ```
//!
//! # The strict profile
//!
//! The default [`Config`] follows RFC 9112 and, wherever the RFC leaves a
//! choice, takes the reading that closes a request-smuggling door:
//!
//! - lines end in CRLF; a bare LF or a lone CR is an error;
//! - single SPs in the request line; only `HTTP/1.0` and `HTTP/1.1`;
//! - field names are tokens, no whitespace before the colon, no control
//!   bytes in values, no obs-fold in requests;
//! - an HTTP/1.1 request needs exactly one Host field with a valid value;
//! - Transfer-Encoding with Content-Length, Transfer-Encoding in HTTP/1.0,
//!   `chunked` not last or applied twice, an invalid or repeated
//!   Content-Length: all errors;
//! - chunk sizes and extensions are checked byte by byte, and chunk data must
//!   be followed by exactly CRLF;
//! - every size has a limit ([`Limits`]), each with its own error kind.
//!
//! Lenient readings are named, off-by-default options ([`Lenient`]), and the
//! decoder records each one it used, with its offset ([`Decoder::readings`]),
//! so a proxy can refuse or normalise a message before forwarding it.
//!
//! # Errors
//!
//! An [`Error`] has a [`kind`](Error::kind) with a stable short name and an
//! HTTP [status hint](ErrorKind::status_hint), and the absolute byte
//! [`offset`](Error::offset) in the stream where the problem was detected.
//! Events of messages completed before it were already delivered.
//!
//! # Why its own line scanner, not httparse
//!
//! Decided by measurement (README, "Performance"; `cargo bench --bench
//! decode`). httparse parses a whole head into a caller-provided array: on a
//! complete 765-byte browser head it takes 233 ns against h1wire's 311 ns
//! with every event delivered and every strict check done. But it accepts a
//! bare LF (so its head would need a second scan), it cannot resume a
//! partial head (a slow peer sending one byte per call costs a caller that
//! re-parses 76 us, h1wire 3.0 us), and a decoder built on it would have to
//! hold an array of up to [`Limits::fields`] fields to hand them out one
//! event at a time. h1wire's scanner checks every byte of a line in the same
//! word-at-a-time pass that finds the line end and keeps its place between
//! calls. httparse serves as the differential oracle (fuzz target
//! `differential_httparse`) and the baseline of the benchmarks.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

mod body;
mod config;
mod decode;
mod encode;
mod error;
mod event;
mod head;
mod readings;
mod role;
mod syntax;

pub use config::{Config, Lenient, Limits};
pub use decode::{Decoder, Status, Step};
pub use encode::{Answering, Body, BodyFrame, EncodeError, EncodeErrorKind, Encoder, WrittenHead};
pub use error::{Error, ErrorKind};
pub use event::{
    Event, Field, Framing, HeadEnd, MethodKind, RequestLine, StatusLine, TargetForm, Version,
};
pub use readings::{Reading, Readings};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
