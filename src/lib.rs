//! h1wire: a zero-copy, sans-I/O HTTP/1.x codec with a strict profile.
//!
//! The [`Decoder`] turns the bytes of an HTTP/1 stream into [`Event`]s that
//! borrow those bytes; the [`Encoder`] writes messages into the caller's
//! memory. Neither touches a socket, a clock or a thread, allocates, or
//! panics: the caller owns the buffers and the I/O.
//!
//! # The decode loop
//!
//! ```
//! use h1wire::{Config, Decoder, Event, Framing, Status};
//!
//! # fn main() -> Result<(), h1wire::Error> {
//! // Bytes as they arrive from a peer: here one request cut in two reads.
//! let reads: [&[u8]; 2] = [
//!     b"POST /form HTTP/1.1\r\nHost: example.com\r\nContent-Le",
//!     b"ngth: 5\r\n\r\nhello",
//! ];
//! let mut decoder = Decoder::server(Config::default()); // strict profile
//! let mut buf = Vec::new();
//! let mut start = 0; // buf[start..] is what the decoder has not consumed
//! let mut body = Vec::new();
//! for read in reads {
//!     // 1. Before reading: drop the consumed bytes (one move per read,
//!     //    however many events they made), then append what was read.
//!     buf.drain(..start);
//!     start = 0;
//!     buf.extend_from_slice(read);
//!     loop {
//!         // 2. Give the decoder the unconsumed bytes; take one step.
//!         let step = decoder.decode(&buf[start..])?;
//!         // 3. Advance past what it consumed, whatever the status (a
//!         //    `NeedMore` may have consumed part of a chunk-size line).
//!         start += step.consumed;
//!         match step.status {
//!             // 4. Use the event while it borrows `buf`...
//!             Status::Event(Event::Request(line)) => assert_eq!(line.method, b"POST"),
//!             Status::Event(Event::HeadEnd(head)) => assert_eq!(head.framing, Framing::Length(5)),
//!             Status::Event(Event::Body(data)) => body.extend_from_slice(data),
//!             Status::Event(_) => {}
//!             // 5. ...until the decoder needs more input: go and read.
//!             Status::NeedMore => break,
//!             Status::Upgraded | Status::Closed => return Ok(()),
//!         }
//!     }
//! }
//! // 6. The peer closed: tell the decoder (an error if a message was cut short).
//! assert_eq!(decoder.finish()?, None);
//! assert_eq!(body, b"hello");
//! # Ok(())
//! # }
//! ```
//!
//! Compacting once per read, not after every event, matters: a body of
//! one-byte chunks read 64 KiB at a time is thousands of events per read,
//! and moving the buffered bytes after each would cost events x buffered
//! bytes. A fixed buffer needs at least [`Limits::buffer_len`] bytes, or a
//! line of the longest allowed length never fits and the decoder waits for
//! ever; reading heads at once ([`Decoder::decode_head`]), a whole head
//! must fit: [`Limits::head_buffer_len`] bytes.
//!
//! # Heads and bodies at once
//!
//! [`Decoder::decode_head`] reads a whole head in one call, its fields
//! into an array the caller owns (the shape httparse callers know), with
//! the same checks, errors, offsets and readings as the events; a head
//! not all there consumes nothing and is not read twice. Bodies go on as
//! events on the same decoder, or through [`Decoder::decode_body`], which
//! gathers every piece of body data in the input into an array (a body of
//! many small chunks in one call, ready for one vectored write).
//!
//! # Writing messages
//!
//! An [`Encoder`] writes the messages of one stream: [`Encoder::server`]
//! writes responses, [`Encoder::client`] requests. Each message is a head,
//! any number of body pieces, and an end, and the encoder checks them all:
//! the head must read back, under the strict profile, as the message
//! described ([`EncodeError`] says which field or byte stands in the way,
//! and nothing is written), and the body must fit the head's framing.
//!
//! The encoder writes framing, never payload. For each piece of body data
//! it returns the bytes to send before and after it ([`BodyFrame`]: for a
//! chunked body the chunk-size line and CRLF, for other framings nothing),
//! so the data goes from the caller's own buffer to the socket in one
//! vectored write:
//!
//! ```
//! use std::io::{IoSlice, Write};
//! use h1wire::{Answering, Body, Encoder, Field, StatusLine, Version};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut socket: Vec<u8> = Vec::new(); // any `Write`
//! let mut encoder = Encoder::server();
//! let mut head = [0u8; 256];
//! let status = StatusLine::new(Version::Http11, 200, "OK");
//! let fields = [Field::new("Content-Type", "text/plain")];
//! // The length is not known up front: chunked, for an HTTP/1.1 client.
//! let written = encoder.response(&status, &fields, Body::Streamed, Answering::HTTP11, &mut head)?;
//! socket.write_all(&head[..written.len])?;
//! for data in [&b"Mozilla"[..], b"Developer Network"] {
//!     let frame = encoder.body(data.len())?;
//!     let parts = [IoSlice::new(frame.before()), IoSlice::new(data), IoSlice::new(frame.after())];
//!     let n = socket.write_vectored(&parts)?;
//!     assert_eq!(n, frame.len() + data.len()); // a real socket may write less: loop
//! }
//! let n = encoder.end(&[], &mut head)?; // the last chunk (and any trailers)
//! socket.write_all(&head[..n])?;
//! assert!(socket.ends_with(b"\r\n\r\n7\r\nMozilla\r\n11\r\nDeveloper Network\r\n0\r\n\r\n"));
//! # Ok(())
//! # }
//! ```
//!
//! A Content-Length body is counted: a piece that would overrun it is
//! refused, and so is an [`end`](Encoder::end) before it is complete. An
//! empty piece never becomes a chunk (a zero-size chunk would end the
//! body). The framing itself comes from the same RFC 9112 section 6.3 rules
//! the decoder applies, over the same facts, so what is written and what is
//! read cannot disagree.
//!
//! # Connections
//!
//! [`server::Connection`] and [`client::Connection`] pair a decoder with an
//! encoder around one message-cycle table (RFC 9112 section 9) that does
//! not know which role it plays: when a connection stays open or must
//! close (HTTP/1.0 keep-alive, `Connection: close`, close-delimited bodies,
//! errors), which request a response answers (pipelining, to a bounded
//! [`depth`](ConnectionConfig::depth)), when 100 (Continue) is due, and when
//! the connection leaves HTTP/1 (a 101, or a 2xx answering CONNECT; a
//! CONNECT refused with 407 may be retried). Their `decode` reports, beside
//! the decoder's events, when to write before reading on
//! ([`ConnStatus::Paused`]), when the protocol switched, and when nothing
//! more will be read ([`ConnStatus::Done`]); [`ConnState`] says when to
//! close the socket. Misuse (a response with nothing to answer, a second
//! response head, a request after a close) is an [`EncodeError`] of its own
//! kind.
//!
//! # The strict profile
//!
//! The default [`Config`] follows RFC 9112 and, wherever the RFC leaves a
//! choice, takes the reading that closes a request-smuggling door:
//!
//! - lines end in CRLF; a bare LF or a lone CR is an error;
//! - single SPs in the request line; a target whose form fits the method
//!   (CONNECT takes `host:port`, and only CONNECT does); only `HTTP/1.0`
//!   and `HTTP/1.1`; a status line keeps the SP before an empty reason;
//! - field names are tokens, no whitespace before the colon, no control
//!   bytes in values, no obs-fold in requests (in responses it is
//!   accepted and recorded, and the value is delivered raw, fold included:
//!   [`Field::value_pieces`] gives the parts that read as joined by one SP);
//! - an HTTP/1.1 request needs exactly one Host field with a valid value;
//! - in a request, Transfer-Encoding with Content-Length or on CONNECT,
//!   naming a coding that is not registered or has parameters, or with
//!   `chunked` not last; in any message that stays in HTTP/1,
//!   Transfer-Encoding in HTTP/1.0 (a bodiless 204 or HEAD answer too),
//!   `chunked` applied twice or with parameters, an invalid or repeated
//!   Content-Length: all errors (a response whose codings do not end in
//!   `chunked` runs to the end of the stream, RFC 9112 section 6.3; the
//!   framing fields of a 101 or a 2xx answering CONNECT are not read at
//!   all: RFC 9110 section 9.3.6, and nothing after the head is HTTP/1);
//! - chunk sizes and extensions are checked byte by byte (extensions are
//!   `;name[=token|quoted-string]`, whitespace allowed around `;` and `=`
//!   as RFC 9112 section 7.1.1 says), chunk data must be followed by
//!   exactly CRLF, and no trailer may frame or route the message
//!   (Content-Length, Transfer-Encoding, Host);
//! - everything the decoder must hold or look at before it can deliver an
//!   event has a limit ([`Limits`]), each with its own error kind (a body
//!   has none: its data is handed on, never kept, and each chunk costs the
//!   same few words).
//!
//! A client's decoder ([`Decoder::client`]) frames each response by the
//! request it answers: tell it the method of each request sent, in order
//! ([`Decoder::expect_response`]).
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
//! Decided by measurement (the README's "Performance" section: the
//! benchmarks' round-robin runs, summed up by `benches/report.py`).
//! httparse parses a whole head
//! into a caller-provided array: it accepts a bare LF (so its head would
//! need a second scan), it cannot resume a partial head (a slow peer
//! sending one byte per call costs a caller that re-parses quadratic time),
//! and a decoder built on it would have to hold an array of up to
//! [`Limits::fields`] fields to hand them out one event at a time. h1wire's
//! scanner checks every byte of a line in the same pass (sixteen bytes a
//! step, SIMD compares through `wide`) that finds the line end, and keeps
//! its place between calls. httparse serves as
//! the differential oracle (fuzz target `differential_httparse`) and the
//! baseline of the benchmarks.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

mod body;
#[cfg(feature = "tokio")]
mod codec;
mod config;
mod conn;
mod decode;
mod encode;
mod error;
mod event;
mod head;
#[cfg(feature = "http")]
mod interop;
mod readings;
mod role;
mod syntax;

#[cfg(feature = "tokio")]
pub use codec::{CodecError, RequestFrame, ResponsePart, ServerCodec};
pub use config::{Config, Lenient, Limits};
pub use conn::{ConnBodyRead, ConnHeadStatus, ConnState, ConnStatus, ConnStep, ConnectionConfig};
pub use decode::{BodyRead, Decoder, Head, HeadStatus, Status, Step, TooManyInFlight};
pub use encode::{
    Answering, Body, BodyFrame, EncodeError, EncodeErrorKind, Encoder, EncoderOptions, WrittenHead,
};
pub use error::{Error, ErrorKind};
pub use event::{
    Event, Field, Framing, HeadEnd, MethodKind, RequestLine, StartLine, StatusLine, TargetForm,
    Version,
};
#[cfg(feature = "http")]
pub use interop::{http_fields, HttpConversionError};
pub use readings::{Reading, Readings};

/// The server role's connection: it reads requests and writes their
/// responses (see [`server::Connection`]).
pub mod server {
    pub use crate::conn::server::Connection;
}

/// The client role's connection: it writes requests and reads their
/// responses (see [`client::Connection`]).
pub mod client {
    pub use crate::conn::client::Connection;
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
