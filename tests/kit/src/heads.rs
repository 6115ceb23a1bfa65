//! The at-once APIs (`Decoder::decode_head`, `Decoder::decode_body`)
//! driven as their callers drive them, and held to the event API:
//! [`drive_heads`] feeds a stream cut into pieces, heads through
//! `decode_head` and bodies through `decode` or `decode_body`;
//! [`assert_heads_agree`] drives the same stream both ways and asserts the
//! two read the same messages, errors and readings.

use h1wire::{
    Config, Decoder, ErrorKind, Event, Field, Framing, HeadStatus, Readings, StartLine, Status,
};

use crate::decoders::{is_final, ClientDecoder, Reads};
use crate::drive::drive;
use crate::event::{own, Ev};
use crate::pieces::Pieces;
use crate::trace::{End, SpannedEv, Trace};

/// What [`drive_heads`] read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTrace {
    /// The events, as the event API would report them: a head's start
    /// line, fields and `HeadEnd`, then the body events, then
    /// `MessageEnd` (also for a message without a body).
    pub events: Vec<Ev>,
    /// The readings right after each head.
    pub readings: Vec<Readings>,
    /// The stream offset of the first byte of each field line delivered.
    pub field_offsets: Vec<u64>,
    pub end: End,
}

/// Decode `stream`, cut into `pieces`, as a caller of `decode_head` does:
/// keep the unconsumed bytes, append each piece, read a head whole (fields
/// into an array of `array_len`), then its body as events, or, with
/// `body_array`, through `decode_body` into an array of that many pieces;
/// `finish` when the stream ends. Checks on every call: nothing consumed
/// without a whole head, `position()` right, a head's slices and a body's
/// pieces inside the input, pieces never empty.
pub fn drive_heads(
    config: Config,
    reads: &Reads,
    stream: &[u8],
    pieces: Pieces<'_>,
    array_len: usize,
    body_array: Option<usize>,
) -> HeadTrace {
    let (mut decoder, methods) = match reads {
        Reads::Requests => (Decoder::server(config), &[][..]),
        Reads::Responses(methods) => (Decoder::client(config), &methods[..]),
    };
    let mut told = 0;
    while told < methods.len() && told < Decoder::MAX_IN_FLIGHT {
        decoder
            .expect_response(methods[told])
            .expect("room to tell");
        told += 1;
    }
    let mut trace = HeadTrace {
        events: Vec::new(),
        readings: Vec::new(),
        field_offsets: Vec::new(),
        end: End::Open,
    };
    let mut buf: Vec<u8> = Vec::new();
    let mut at_head = true;
    let mut framing = Framing::None;
    for piece in pieces.ranges(stream.len()) {
        buf.extend_from_slice(&stream[piece.clone()]);
        let given = piece.end;
        loop {
            let base = (given - buf.len()) as u64;
            assert_eq!(decoder.position(), base, "position() before a call");
            if let (false, Some(len)) = (at_head, body_array) {
                let mut body = vec![&b""[..]; len];
                let read = match decoder.decode_body(&buf, &mut body) {
                    Ok(read) => read,
                    Err(e) => {
                        assert_eq!(decoder.position(), base, "an error consumed bytes");
                        trace.end = End::Error(e);
                        return trace;
                    }
                };
                let input = buf.as_ptr_range();
                assert!(read.consumed <= buf.len(), "consumed more than given");
                assert!(read.pieces.len() <= len, "more pieces than the array");
                for piece in read.pieces {
                    let r = piece.as_ptr_range();
                    assert!(!piece.is_empty(), "an empty piece");
                    assert!(input.start <= r.start && r.end <= input.end);
                    trace.events.push(own(Event::Body(piece), &buf));
                }
                assert_eq!(
                    decoder.position(),
                    base + read.consumed as u64,
                    "position() after decode_body"
                );
                match read.then {
                    // The array filled, or an error is due after the pieces.
                    None => assert!(!read.pieces.is_empty(), "no pieces, yet nothing after them"),
                    Some(Status::Event(event)) => {
                        at_head = event == Event::MessageEnd && framing != Framing::Upgrade;
                        trace.events.push(own(event, &buf));
                    }
                    Some(Status::NeedMore) => {
                        buf.drain(..read.consumed);
                        break;
                    }
                    Some(Status::Upgraded) => {
                        trace.end = End::Upgraded;
                        return trace;
                    }
                    Some(Status::Closed) => panic!("Closed before finish"),
                }
                buf.drain(..read.consumed);
                continue;
            }
            if !at_head {
                let step = match decoder.decode(&buf) {
                    Ok(step) => step,
                    Err(e) => {
                        trace.end = End::Error(e);
                        return trace;
                    }
                };
                match step.status {
                    Status::Event(event) => {
                        // After an upgrade's MessageEnd, decode says Upgraded.
                        at_head = event == Event::MessageEnd && framing != Framing::Upgrade;
                        trace.events.push(own(event, &buf));
                    }
                    Status::NeedMore => {
                        buf.drain(..step.consumed);
                        break;
                    }
                    Status::Upgraded => {
                        assert_eq!(step.consumed, 0, "Upgraded consumed bytes");
                        trace.end = End::Upgraded;
                        return trace;
                    }
                    Status::Closed => panic!("Closed before finish"),
                }
                buf.drain(..step.consumed);
                continue;
            }
            // An array per call, as with httparse: its fields borrow `buf`.
            let mut fields = vec![Field::EMPTY; array_len];
            let head = match decoder.decode_head(&buf, &mut fields) {
                Ok(HeadStatus::Complete(head)) => head,
                Ok(HeadStatus::NeedMore) => {
                    assert_eq!(decoder.position(), base, "NeedMore consumed bytes");
                    break;
                }
                Ok(HeadStatus::NotAtHead) => panic!(
                    "NotAtHead between messages: {decoder:?} buf {:?}",
                    crate::esc(&buf)
                ),
                Err(e) => {
                    assert_eq!(decoder.position(), base, "an error consumed bytes");
                    trace.end = End::Error(e);
                    return trace;
                }
            };
            let input = buf.as_ptr_range();
            let inside = |s: &[u8]| {
                let r = s.as_ptr_range();
                s.is_empty() || (input.start <= r.start && r.end <= input.end)
            };
            let end = match head.start {
                StartLine::Request(line) => {
                    assert!(inside(line.method) && inside(line.target));
                    Event::Request(line)
                }
                StartLine::Response(line) => {
                    assert!(inside(line.reason));
                    Event::Response(line)
                }
            };
            trace.events.push(own(end, &buf));
            for field in head.fields {
                assert!(inside(field.name) && inside(field.value));
                let at = field.name.as_ptr() as usize - buf.as_ptr() as usize;
                trace.field_offsets.push(base + at as u64);
                trace.events.push(own(Event::Header(*field), &buf));
            }
            trace.events.push(Ev::HeadEnd(head.framing));
            trace.readings.push(decoder.readings());
            assert!(head.len <= buf.len(), "a head longer than the input");
            let len = head.len;
            framing = head.framing;
            let final_response = matches!(head.start, StartLine::Response(l) if is_final(l.status));
            buf.drain(..len);
            assert_eq!(
                decoder.position(),
                base + len as u64,
                "position() after a head"
            );
            if final_response && told < methods.len() {
                decoder.expect_response(methods[told]).expect("room");
                told += 1;
            }
            match framing {
                // The whole message: no MessageEnd to read.
                Framing::None => trace.events.push(Ev::MessageEnd),
                Framing::Upgrade => {
                    trace.events.push(Ev::MessageEnd);
                    let step = decoder.decode(&buf).expect("after an upgrade's head");
                    assert_eq!(
                        (step.consumed, step.status),
                        (0, Status::Upgraded),
                        "an upgrade's head is followed by Upgraded"
                    );
                    trace.end = End::Upgraded;
                    return trace;
                }
                _ => at_head = false,
            }
        }
    }
    trace.end = match decoder.finish() {
        Ok(None) => End::Closed,
        Ok(Some(event)) => {
            trace.events.push(own(event, &[]));
            End::Closed
        }
        Err(e) => End::Error(e),
    };
    trace
}

/// Drive `stream` cut into `pieces` through the event API (the kit's
/// checked [`drive`]) and through [`drive_heads`], and assert they read it
/// alike: the same events (where a head fails, the event API has
/// delivered its first lines and the head API nothing of it), the same
/// end (error kind and offset), the same readings after each head. With
/// an array shorter than a head's fields, the head API must stop at the
/// first field line that does not fit, with `FieldArrayFull`.
pub fn assert_heads_agree(
    config: Config,
    reads: &Reads,
    stream: &[u8],
    pieces: Pieces<'_>,
    array_len: usize,
    body_array: Option<usize>,
) {
    let events_trace: Trace = match reads {
        Reads::Requests => drive(&mut Decoder::server(config), stream, pieces),
        Reads::Responses(methods) => {
            drive(&mut ClientDecoder::new(config, methods), stream, pieces)
        }
    };
    let heads = drive_heads(config, reads, stream, pieces, array_len, body_array);

    // The event API's reading, up to the head the head API stopped in.
    let mut expected: Vec<Ev> = Vec::new();
    let mut readings: Vec<Readings> = Vec::new();
    let mut field_offsets: Vec<u64> = Vec::new();
    let mut head: Vec<Ev> = Vec::new();
    let mut head_offsets: Vec<u64> = Vec::new();
    let mut in_head = false;
    let mut full_at = None;
    for record in &events_trace.records {
        let ev = record.ev.plain();
        match &record.ev {
            SpannedEv::Request { .. } | SpannedEv::Response { .. } => {
                in_head = true;
                head.push(ev);
            }
            SpannedEv::Header(field) if in_head => {
                if head_offsets.len() == array_len && full_at.is_none() {
                    full_at = Some(field.name.at);
                }
                head_offsets.push(field.name.at);
                head.push(ev);
            }
            SpannedEv::HeadEnd(_) => {
                if full_at.is_some() {
                    break;
                }
                in_head = false;
                expected.append(&mut head);
                expected.push(ev);
                field_offsets.append(&mut head_offsets);
                readings.push(record.readings);
            }
            _ => expected.push(ev),
        }
    }
    let expected_end = match full_at {
        Some(_) => {
            // The event API delivered that field (so it failed, if at
            // all, later: maybe at an offset before it, as with a framing
            // rule checked at the end of the head); the head API refused
            // it.
            let head_error = match heads.end {
                End::Error(e) => e,
                other => {
                    panic!("the array of {array_len} overflowed, yet the head API ended {other:?}")
                }
            };
            assert_eq!(head_error.kind(), ErrorKind::FieldArrayFull);
            End::Error(head_error)
        }
        None => events_trace.end(),
    };
    assert_eq!(heads.events, expected, "events differ between the APIs");
    assert_eq!(heads.end, expected_end, "the APIs end differently");
    assert_eq!(heads.readings, readings, "readings after a head differ");
    assert_eq!(heads.field_offsets, field_offsets, "field offsets differ");
    if let End::Error(e) = heads.end {
        if e.kind() == ErrorKind::FieldArrayFull {
            assert_eq!(Some(e.offset()), full_at);
        }
    }
}
