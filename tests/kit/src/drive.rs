//! The one loop that feeds a decoder as a real caller does: keep the
//! unconsumed tail in a buffer, append the next piece, decode until
//! `NeedMore`, drop what was consumed; when the peer closes, `finish`.
//! Every call goes through the checker (`checker/`), so every harness
//! that decodes through here checks the buffer contract and the event
//! grammar on every call.

use h1wire::{Event, Status, Step};

use crate::checker::Checker;
use crate::decoders::StreamDecoder;
use crate::pieces::Pieces;
use crate::trace::{End, Trace};

/// Decode `stream`, cut into `pieces`, with `decoder`, as a real caller
/// does, then tell it the peer closed (`finish`); check every call; return
/// what came out.
pub fn drive<D: StreamDecoder>(decoder: &mut D, stream: &[u8], pieces: Pieces<'_>) -> Trace {
    feed(decoder, stream, pieces, true)
}

/// [`drive`] for a peer that has not closed (yet): every piece is given,
/// `finish` is not called, and unless an error or an upgrade stopped it
/// the trace ends [`End::Open`].
pub fn drive_open<D: StreamDecoder>(decoder: &mut D, stream: &[u8], pieces: Pieces<'_>) -> Trace {
    feed(decoder, stream, pieces, false)
}

fn feed<D: StreamDecoder>(
    decoder: &mut D,
    stream: &[u8],
    pieces: Pieces<'_>,
    peer_closes: bool,
) -> Trace {
    let mut checker = Checker::new(stream, decoder.lenient(), decoder.reads());
    let mut buf: Vec<u8> = Vec::new();
    let mut given = 0usize;
    for piece in pieces.ranges(stream.len()) {
        buf.extend_from_slice(&stream[piece.clone()]);
        given = piece.end;
        if let Some(end) = pump(decoder, &mut buf, given, &mut checker) {
            return checker.into_trace(end, given, decoder.position());
        }
    }
    if !peer_closes {
        return checker.into_trace(End::Open, given, decoder.position());
    }
    let end = match decoder.finish() {
        Ok(None) => {
            assert!(
                buf.is_empty(),
                "finish accepted {} unconsumed bytes",
                buf.len()
            );
            checker.finished_between_messages();
            End::Closed
        }
        Ok(Some(event)) => {
            // Only a close-delimited body ends this way (responses only).
            assert_eq!(event, Event::MessageEnd, "finish produced {event:?}");
            assert!(
                buf.is_empty(),
                "finish ended a body with {} bytes unconsumed",
                buf.len()
            );
            let readings = decoder.readings();
            checker.end_by_close(readings, given as u64);
            End::Closed
        }
        Err(e) => {
            checker.finish_refused(e, given, !buf.is_empty());
            End::Error(e)
        }
    };
    after_end(decoder, &buf, stream, given, end);
    checker.into_trace(end, given, decoder.position())
}

/// Decode everything `buf` holds. `Some(end)` once the decoder is done.
fn pump<D: StreamDecoder>(
    decoder: &mut D,
    buf: &mut Vec<u8>,
    given: usize,
    checker: &mut Checker<'_>,
) -> Option<End> {
    let stream = checker.stream();
    loop {
        let base = decoder.position();
        assert_eq!(
            base,
            (given - buf.len()) as u64,
            "position() is not the offset of the first unconsumed byte"
        );
        let step = match decoder.decode(buf) {
            Ok(step) => step,
            Err(e) => {
                assert_eq!(
                    decoder.position(),
                    base,
                    "a failing call moved position(): it consumes nothing"
                );
                checker.error(e, given);
                checker.check_refusal(e, base);
                let end = End::Error(e);
                after_end(decoder, buf, stream, given, end);
                return Some(end);
            }
        };
        let consumed = step.consumed;
        assert!(
            consumed <= buf.len(),
            "consumed {consumed} of {} bytes given",
            buf.len()
        );
        match step.status {
            Status::Event(event) => {
                let readings = decoder.readings();
                checker.event(&event, buf, base, consumed, readings);
            }
            Status::NeedMore => {
                checker.need_more();
                buf.drain(..consumed);
                assert_eq!(
                    decoder.position(),
                    (given - buf.len()) as u64,
                    "position() does not count the bytes consumed with NeedMore"
                );
                return None;
            }
            Status::Upgraded => {
                assert_eq!(consumed, 0, "Upgraded consumed bytes");
                checker.upgraded();
                if decoder.resume_after(checker.last_message()) {
                    checker.resumed();
                    continue;
                }
                after_end(decoder, buf, stream, given, End::Upgraded);
                return Some(End::Upgraded);
            }
            Status::Closed => panic!("Closed before finish was called"),
        }
        buf.drain(..consumed);
    }
}

/// Once the decoder is done (error, upgrade or close), nothing more comes
/// out of it, whatever it is given: the same bytes, more of the stream
/// with a fresh request after it, a fresh response, nothing; before and
/// after another `finish`.
fn after_end<D: StreamDecoder>(decoder: &mut D, buf: &[u8], stream: &[u8], given: usize, end: End) {
    let mut more = buf.to_vec();
    more.extend_from_slice(&stream[given..]);
    more.extend_from_slice(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    let response = b"HTTP/1.1 200 OK\r\n\r\n";
    for _ in 0..2 {
        for input in [buf, &more[..], &response[..], &[][..]] {
            let got = decoder.decode(input);
            match end {
                End::Error(e) => assert_eq!(got, Err(e), "decode after an error"),
                End::Upgraded => assert_eq!(
                    got,
                    Ok(Step {
                        consumed: 0,
                        status: Status::Upgraded
                    }),
                    "decode after Upgraded"
                ),
                End::Closed => assert_eq!(
                    got,
                    Ok(Step {
                        consumed: 0,
                        status: Status::Closed
                    }),
                    "decode after finish"
                ),
                End::Open => unreachable!("the decoder is not done"),
            }
        }
        match end {
            End::Error(e) => assert_eq!(decoder.finish(), Err(e), "finish after an error"),
            End::Upgraded | End::Closed => {
                assert_eq!(decoder.finish(), Ok(None), "finish after the end")
            }
            End::Open => unreachable!("the decoder is not done"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decoders::{ClientDecoder, ResumingDecoder};
    use crate::event::{header, request, Ev};
    use crate::reduction::Start;
    use h1wire::{Config, Decoder, ErrorKind, Framing, MethodKind, Reading, Version};

    #[test]
    fn a_pipelined_stream_reduces_alike_whatever_the_split() {
        let stream = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nPOST / HTTP/1.1\r\nHost: a\r\n\
            Transfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n";
        let whole = drive(
            &mut Decoder::server(h1wire::Config::default()),
            stream,
            Pieces::whole(),
        );
        assert_eq!(whole.end(), End::Closed);
        assert_eq!(whole.reduction.messages.len(), 2);
        assert_eq!(whole.reduction.messages[1].body, b"abc");
        assert_eq!(
            whole.reduction.messages[1].trailers,
            vec![(b"T".to_vec(), b"1".to_vec())]
        );
        for sizes in [&[1u8][..], &[7, 0, 3]] {
            let split = drive(
                &mut Decoder::server(h1wire::Config::default()),
                stream,
                Pieces::sizes(sizes),
            );
            assert_eq!(split.reduction, whole.reduction);
            assert_eq!(split.normalized(), whole.normalized());
        }
    }

    #[test]
    fn a_framing_trailer_is_a_reading_of_its_option() {
        let stream =
            b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nHost: b\r\n\r\n";
        let trace = drive(
            &mut Decoder::server(crate::lenient_all()),
            stream,
            Pieces::whole(),
        );
        assert_eq!(trace.end(), End::Closed);
        let m = &trace.reduction.messages[0];
        assert_eq!(
            m.end_readings.unwrap().first_use(Reading::FramingTrailer),
            Some(59)
        );
    }

    /// Found by `decode_response`: the decoder refused framing values that
    /// hold a fold; they read as if each fold were one SP.
    #[test]
    fn folded_framing_values() {
        let stream = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n0\r\n\r\n";
        let trace = drive(
            &mut ClientDecoder::new(Config::default(), &[]),
            stream,
            Pieces::whole(),
        );
        assert_eq!(trace.framings(), [Framing::Chunked]);
    }

    fn responses(stream: &[u8], methods: &[MethodKind], config: Config) -> Trace {
        let whole = drive(
            &mut ClientDecoder::new(config, methods),
            stream,
            Pieces::whole(),
        );
        for sizes in [&[1u8][..], &[7, 0, 3], &[64]] {
            let split = drive(
                &mut ClientDecoder::new(config, methods),
                stream,
                Pieces::sizes(sizes),
            );
            assert_eq!(split.reduction, whole.reduction);
            assert_eq!(split.normalized(), whole.normalized());
        }
        whole
    }

    #[test]
    fn responses_framed_by_status_and_method() {
        use MethodKind::*;
        let stream: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n\
            HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\
            HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n\
            3;x\r\nabc\r\n0\r\nT: 1\r\n\r\n\
            HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n\
            HTTP/1.0 200 \r\nX-F: a\r\n  b\r\nContent-Length: 2\r\n\r\nok\
            HTTP/1.1 404 Not Found\r\nX: 1\r\n\r\nuntil the end";
        let trace = responses(stream, &[Head, Other], Config::default());
        assert_eq!(trace.end(), End::Closed);
        assert_eq!(
            trace.framings(),
            [
                Framing::None,
                Framing::None,
                Framing::Chunked,
                Framing::None,
                Framing::Length(2),
                Framing::Close
            ]
        );
        let m = &trace.reduction.messages;
        assert!(m.iter().all(|m| m.complete));
        assert_eq!(m[2].body, b"abc");
        assert_eq!(m[4].headers[0], (b"X-F".to_vec(), b"a b".to_vec()));
        assert!(m[4]
            .head_readings
            .unwrap()
            .first_use(Reading::ObsFold)
            .is_some());
        assert_eq!(m[5].body, b"until the end");
        assert_eq!(
            m[4].start,
            Start::Response {
                version: Version::Http10,
                status: 200,
                reason: Vec::new()
            }
        );
    }

    #[test]
    fn upgrades_end_the_stream() {
        let stream = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n\x00\xffHTTP";
        let trace = responses(stream, &[], Config::default());
        assert_eq!(trace.end(), End::Upgraded);
        let stream = b"HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03";
        let trace = responses(stream, &[MethodKind::Connect], Config::default());
        assert_eq!(trace.end(), End::Upgraded);
        assert_eq!(trace.framings(), [Framing::Upgrade]);
    }

    #[test]
    fn methods_past_the_queue_limit_are_told_as_responses_come() {
        let mut methods = vec![MethodKind::Other; Decoder::MAX_IN_FLIGHT];
        methods.push(MethodKind::Head);
        let mut stream = b"HTTP/1.1 204 \r\n\r\n".repeat(Decoder::MAX_IN_FLIGHT);
        stream.extend_from_slice(b"HTTP/1.1 103 Early\r\nLink: </a>\r\n\r\n");
        stream.extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
        stream.extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
        let trace = responses(&stream, &methods, Config::default());
        assert_eq!(trace.end(), End::Closed);
        let framings = trace.framings();
        assert_eq!(framings.len(), Decoder::MAX_IN_FLIGHT + 3);
        assert_eq!(
            framings[framings.len() - 2..],
            [Framing::None, Framing::Length(3)]
        );
    }

    #[test]
    fn a_cut_response_is_incomplete() {
        let trace = responses(
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab",
            &[],
            Config::default(),
        );
        assert!(matches!(trace.end(), End::Error(e) if e.kind() == ErrorKind::Incomplete));
        let trace = responses(b"HTTP/1.1 200 OK\r\n\r\nHTTP/1.1", &[], Config::default());
        assert_eq!(trace.end(), End::Closed);
        assert_eq!(trace.reduction.messages[0].body, b"HTTP/1.1");
    }

    #[test]
    fn a_refused_connect_resumes_and_an_accepted_one_upgrades() {
        let stream = b"CONNECT a:1 HTTP/1.1\r\nHost: a:1\r\n\r\n\
            GET / HTTP/1.1\r\nHost: a\r\n\r\n\
            CONNECT b:2 HTTP/1.1\r\nHost: b:2\r\n\r\ntunnel";
        // The first CONNECT is answered 407, the second (message 2) 200.
        let opens = |k: usize| k == 2;
        for pieces in [Pieces::whole(), Pieces::bytewise()] {
            let trace = drive(
                &mut ResumingDecoder::new(Config::default(), &opens),
                stream,
                pieces,
            );
            assert_eq!(trace.end(), End::Upgraded);
            assert_eq!(trace.reduction.complete().count(), 3);
            let events = trace.events(stream);
            assert_eq!(events.last(), Some(&Ev::Upgraded(b"tunnel".to_vec())));
        }
        // Without resuming, the first CONNECT is the end of HTTP/1.
        let trace = drive(
            &mut Decoder::server(Config::default()),
            stream,
            Pieces::whole(),
        );
        assert_eq!(trace.reduction.messages.len(), 1);
        assert_eq!(trace.consumed, 35);
    }

    #[test]
    fn an_open_stream_is_not_finished() {
        let stream = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTT";
        let trace = drive_open(
            &mut Decoder::server(Config::default()),
            stream,
            Pieces::every(5),
        );
        assert_eq!(trace.end(), End::Open);
        assert_eq!(
            trace.events(stream),
            [
                request("GET", "/", Version::Http11),
                header("Host", "a"),
                Ev::HeadEnd(Framing::None),
                Ev::MessageEnd,
            ]
        );
        let closed = drive(
            &mut Decoder::server(Config::default()),
            stream,
            Pieces::every(5),
        );
        let incomplete = ErrorKind::Incomplete;
        assert_eq!(
            closed.events(stream).last(),
            Some(&Ev::Error(incomplete, stream.len() as u64))
        );
        assert!(matches!(
            closed.reduction.messages[0].start,
            Start::Request { .. }
        ));
    }
}
