//! A decoded stream as the conformance contract reduces it: its messages
//! (start line, fields as the contract reads them, framing, body, trailers,
//! complete or not) and how the stream ended. What two decodes of one
//! stream, or a decode and what an encoder was asked to write, must agree
//! on.

use h1wire::{Framing, Readings, Version};

use crate::trace::End;

/// The start line of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    Request {
        method: Vec<u8>,
        target: Vec<u8>,
        version: Version,
    },
    Response {
        version: Version,
        status: u16,
        reason: Vec<u8>,
    },
}

/// A message as the conformance contract reduces it (plus the readings the
/// decoder reported at its head end and at its message end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub start: Start,
    /// (name, value as the contract reads it).
    pub headers: Vec<(Vec<u8>, Vec<u8>)>,
    pub framing: Option<Framing>,
    pub body: Vec<u8>,
    pub trailers: Vec<(Vec<u8>, Vec<u8>)>,
    pub complete: bool,
    pub head_readings: Option<Readings>,
    pub end_readings: Option<Readings>,
}

impl Message {
    /// A message that has only its start line so far.
    pub fn new(start: Start) -> Self {
        Message {
            start,
            headers: Vec::new(),
            framing: None,
            body: Vec::new(),
            trailers: Vec::new(),
            complete: false,
            head_readings: None,
            end_readings: None,
        }
    }

    /// The values of the header fields named `name` (any case), in order,
    /// as the contract reads them.
    pub fn values<'m>(&'m self, name: &'m [u8]) -> impl Iterator<Item = &'m [u8]> + 'm {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| &v[..])
    }
}

/// The reduction of a decoded stream: its messages, then how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reduction {
    pub messages: Vec<Message>,
    pub end: End,
}

impl Reduction {
    /// Equality as the conformance contract compares dumps: messages, and
    /// whether an error ended the stream (kind and offset not compared,
    /// readings not compared).
    pub fn contract_eq(&self, other: &Reduction) -> bool {
        let strip = |r: &Reduction| {
            r.messages
                .iter()
                .map(|m| Message {
                    head_readings: None,
                    end_readings: None,
                    ..m.clone()
                })
                .collect::<Vec<_>>()
        };
        strip(self) == strip(other)
            && matches!(self.end, End::Error(_)) == matches!(other.end, End::Error(_))
    }

    /// The complete messages.
    pub fn complete(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter().filter(|m| m.complete)
    }
}
