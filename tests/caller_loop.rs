//! What the documented decode loop promises a caller: how many bytes it
//! moves, what `NeedMore` with bytes consumed means, and how large a fixed
//! buffer must be.

use h1wire::{Config, Decoder, Event, Field, HeadStatus, Limits, MethodKind, Status};

/// A chunked upload of one-byte chunks: many events per read.
fn one_byte_chunks(chunks: usize) -> (Vec<u8>, Vec<u8>) {
    let mut stream = b"POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    let mut body = Vec::new();
    for i in 0..chunks {
        let b = b'a' + (i % 26) as u8;
        stream.extend_from_slice(&[b'1', b'\r', b'\n', b, b'\r', b'\n']);
        body.push(b);
    }
    stream.extend_from_slice(b"0\r\n\r\n");
    (stream, body)
}

/// The crate docs' loop: advance an index, compact once per read. Returns
/// the body and how many bytes `drain` moved.
fn index_loop(stream: &[u8], read_size: usize) -> (Vec<u8>, usize) {
    let mut decoder = Decoder::server(Config::default());
    let mut buf = Vec::new();
    let mut start = 0;
    let mut moved = 0;
    let mut body = Vec::new();
    for read in stream.chunks(read_size) {
        moved += buf.len() - start; // what drain(..start) shifts down
        buf.drain(..start);
        start = 0;
        buf.extend_from_slice(read);
        loop {
            let step = decoder.decode(&buf[start..]).unwrap();
            start += step.consumed;
            match step.status {
                Status::Event(Event::Body(data)) => body.extend_from_slice(data),
                Status::Event(_) => {}
                Status::NeedMore => break,
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(decoder.finish(), Ok(None));
    (body, moved)
}

/// The loop the docs used to teach: drain after every event.
fn drain_every_event(stream: &[u8], read_size: usize) -> (Vec<u8>, usize) {
    let mut decoder = Decoder::server(Config::default());
    let mut buf = Vec::new();
    let mut moved = 0;
    let mut body = Vec::new();
    for read in stream.chunks(read_size) {
        buf.extend_from_slice(read);
        loop {
            let step = decoder.decode(&buf).unwrap();
            let consumed = step.consumed;
            let more = match step.status {
                Status::Event(Event::Body(data)) => {
                    body.extend_from_slice(data);
                    true
                }
                Status::Event(_) => true,
                Status::NeedMore => false,
                other => panic!("{other:?}"),
            };
            moved += buf.len() - consumed;
            buf.drain(..consumed);
            if !more {
                break;
            }
        }
    }
    (body, moved)
}

#[test]
fn the_documented_loop_moves_each_byte_at_most_once_per_read() {
    let (stream, expected) = one_byte_chunks(20_000);
    let read_size = 64 * 1024;
    let (body, moved) = index_loop(&stream, read_size);
    assert_eq!(body, expected);
    // Only a partial line left over at the end of a read is moved: a few
    // bytes per read, never the data already handed out.
    let reads = stream.len().div_ceil(read_size);
    assert!(moved <= reads * 8, "{moved} bytes moved in {reads} reads");

    // Draining after every event moves what is buffered once per event.
    let (body, moved_per_event) = drain_every_event(&stream, read_size);
    assert_eq!(body, expected);
    assert!(
        moved_per_event > 1000 * stream.len(),
        "{moved_per_event} bytes moved for a {}-byte stream",
        stream.len()
    );
}

/// `NeedMore` with bytes consumed: a chunk-size line is consumed as it
/// arrives. A caller that keeps those bytes (as httparse's `Partial`
/// allows) hands them over twice, and the size is read wrong.
#[test]
fn need_more_may_consume_and_those_bytes_must_be_dropped() {
    let head = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    let mut decoder = Decoder::server(Config::default());
    let mut rest = &head[..];
    while !rest.is_empty() {
        let step = decoder.decode(rest).unwrap();
        rest = &rest[step.consumed..];
    }
    // The first byte of the chunk-size line `10` arrives alone.
    let step = decoder.decode(b"1").unwrap();
    assert_eq!((step.consumed, step.status), (1, Status::NeedMore));
    let mut right = decoder.clone();
    let mut wrong = decoder;
    let data = [b'x'; 16];
    let mut next = b"0\r\n".to_vec();
    next.extend_from_slice(&data);

    // Right: the `1` was consumed; the next call starts after it.
    let step = right.decode(&next).unwrap();
    assert_eq!(step.status, Status::Event(Event::Body(&data[..])));

    // Wrong: the `1` handed over again reads as the chunk size 0x110.
    let mut again = b"1".to_vec();
    again.extend_from_slice(&next);
    let step = wrong.decode(&again).unwrap();
    assert_eq!(step.status, Status::Event(Event::Body(&data[..])));
    let step = wrong.decode(b"\r\n0\r\n\r\n").unwrap();
    assert_eq!(
        step.status,
        Status::Event(Event::Body(b"\r\n0\r\n\r\n")),
        "the end of the body was read as data of a 0x110-byte chunk"
    );
}

/// Feed `stream` through a fixed buffer of `size` bytes; `Err` when the
/// decoder cannot go on because the buffer is full and nothing is consumed.
fn fixed_buffer(stream: &[u8], config: Config, size: usize) -> Result<usize, &'static str> {
    fixed_buffer_of(Decoder::server(config), stream, size)
}

fn fixed_buffer_of(decoder: Decoder, stream: &[u8], size: usize) -> Result<usize, &'static str> {
    fixed_buffer_with(decoder, stream, size, false)
}

/// The messages (their heads) read from `stream` through a fixed buffer of
/// `size` bytes, as events, or with `heads_at_once` each head by
/// `decode_head` and the rest, bodies, as events.
fn fixed_buffer_with(
    mut decoder: Decoder,
    stream: &[u8],
    size: usize,
    heads_at_once: bool,
) -> Result<usize, &'static str> {
    let mut buf = vec![0u8; size];
    let (mut len, mut fed, mut heads) = (0, 0, 0);
    loop {
        let take = (size - len).min(stream.len() - fed);
        buf[len..len + take].copy_from_slice(&stream[fed..fed + take]);
        len += take;
        fed += take;
        let mut start = 0;
        loop {
            if heads_at_once {
                let mut fields = [Field::EMPTY; 16];
                match decoder.decode_head(&buf[start..len], &mut fields) {
                    Err(_) => return Err("error"),
                    Ok(HeadStatus::Complete(head)) => {
                        start += head.len;
                        heads += 1;
                        continue;
                    }
                    Ok(HeadStatus::NeedMore) => break,
                    Ok(HeadStatus::NotAtHead) => {}
                }
            }
            let step = decoder.decode(&buf[start..len]).map_err(|_| "error")?;
            start += step.consumed;
            match step.status {
                Status::Event(Event::HeadEnd(_)) => heads += 1,
                Status::Event(_) => {}
                Status::NeedMore => break,
                _ => return Err("stopped"),
            }
        }
        buf.copy_within(start..len, 0);
        len -= start;
        if fed == stream.len() {
            return if len == 0 {
                Ok(heads)
            } else {
                Err("bytes left")
            };
        }
        if start == 0 && take == 0 {
            return Err("stuck: the buffer is full and nothing was consumed");
        }
    }
}

#[test]
fn a_buffer_of_buffer_len_bytes_always_makes_progress() {
    let mut config = Config::default();
    config.limits.line = 40;
    let limits: Limits = config.limits;
    assert_eq!(limits.buffer_len(), 43);
    // A field line of exactly the limit, and a request line of it too.
    let value = "v".repeat(40 - "X-Long: ".len());
    let target = format!("/{}", "t".repeat(40 - "GET / HTTP/1.1".len()));
    let stream = format!(
        "GET {target} HTTP/1.1\r\nHost: a\r\nX-Long: {value}\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
    );
    assert_eq!(
        fixed_buffer(stream.as_bytes(), config, limits.buffer_len()),
        Ok(2)
    );
    // Without folding, the line and its CRLF are enough...
    assert_eq!(
        fixed_buffer(stream.as_bytes(), config, limits.buffer_len() - 1),
        Ok(2)
    );
    assert_eq!(
        fixed_buffer(stream.as_bytes(), config, limits.buffer_len() - 2),
        Err("stuck: the buffer is full and nothing was consumed")
    );
    // ...but where a fold may follow (responses; requests with
    // Lenient::obs_fold), the byte after the CRLF says whether the line
    // ends. (Found by review: buffer_len was line + 2, and a client with
    // such a buffer waited for ever.)
    let folding = {
        let mut c = config;
        c.lenient.obs_fold = true;
        c
    };
    assert_eq!(
        fixed_buffer(stream.as_bytes(), folding, limits.buffer_len()),
        Ok(2)
    );
    assert_eq!(
        fixed_buffer(stream.as_bytes(), folding, limits.buffer_len() - 1),
        Err("stuck: the buffer is full and nothing was consumed")
    );
    let response = format!(
        "HTTP/1.1 200 OK\r\nX-Long: {value}\r\nContent-Length: 0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
    );
    let client = || {
        let mut d = Decoder::client(config);
        d.expect_response(MethodKind::Other).unwrap();
        d.expect_response(MethodKind::Other).unwrap();
        d
    };
    assert_eq!(
        fixed_buffer_of(client(), response.as_bytes(), limits.buffer_len()),
        Ok(2)
    );
    assert_eq!(
        fixed_buffer_of(client(), response.as_bytes(), limits.buffer_len() - 1),
        Err("stuck: the buffer is full and nothing was consumed")
    );
    // One byte over the limit is an error, not a wait, at buffer_len.
    let over = format!("GET / HTTP/1.1\r\nHost: a\r\nX-Long: {value}v\r\n\r\n");
    assert_eq!(
        fixed_buffer(over.as_bytes(), config, limits.buffer_len()),
        Err("error")
    );
    assert_eq!(Limits::default().buffer_len(), 16 * 1024 + 3);
}

/// A head read at once must be in the buffer whole: `buffer_len` is not
/// enough for `decode_head`, `head_buffer_len` is. (Found by review: the
/// docs named `buffer_len` for both APIs, and a head of several long
/// lines waited for ever in such a buffer.)
#[test]
fn a_buffer_of_head_buffer_len_bytes_lets_heads_be_read_at_once() {
    let mut config = Config::default();
    config.limits.line = 40;
    config.limits.head = 120;
    let limits: Limits = config.limits;
    assert_eq!(limits.head_buffer_len(), 121);
    // A head of exactly the head limit, of lines within the line limit.
    let head = |len: usize| {
        let mut head = String::from("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n");
        while head.len() + 2 + 40 < len {
            head.push_str(&format!("X: {}\r\n", "v".repeat(40 - 3)));
        }
        let pad = len - head.len() - 2 - "Y: \r\n".len();
        head.push_str(&format!("Y: {}\r\n\r\n", "w".repeat(pad)));
        assert_eq!(head.len(), len);
        head
    };
    let stream = format!("{}ok{}ok", head(120), head(100));
    let run = |size| fixed_buffer_with(Decoder::server(config), stream.as_bytes(), size, true);
    assert_eq!(run(limits.head_buffer_len()), Ok(2));
    assert_eq!(run(limits.head_buffer_len() - 1), Ok(2));
    assert_eq!(
        run(limits.buffer_len()),
        Err("stuck: the buffer is full and nothing was consumed")
    );
    // As events, buffer_len is enough for the same stream.
    assert_eq!(
        fixed_buffer(stream.as_bytes(), config, limits.buffer_len()),
        Ok(2)
    );
    // One byte over the head limit is an error, not a wait.
    let over = format!("{}ok", head(121));
    let run_over = |size| fixed_buffer_with(Decoder::server(config), over.as_bytes(), size, true);
    assert_eq!(run_over(limits.head_buffer_len()), Err("error"));
    assert_eq!(
        run_over(limits.head_buffer_len() - 1),
        Err("stuck: the buffer is full and nothing was consumed")
    );
    assert_eq!(Limits::default().head_buffer_len(), 64 * 1024 + 1);
}
