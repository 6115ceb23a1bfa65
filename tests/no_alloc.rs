//! The decoder never allocates: decoding a whole pipelined stream, at once
//! or one byte at a time, makes no heap allocation at all.
//!
//! A counting global allocator wraps the system one. It counts only on the
//! thread that turned counting on, so the test harness's other threads
//! (and other tests, if any are added) cannot disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use h1wire::{Decoder, Event, Framing, Status};

struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    // A const-initialised `Cell<bool>` needs no allocation and no destructor,
    // so reading it from inside the allocator is safe.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn counting_here() -> bool {
    COUNTING.try_with(Cell::get).unwrap_or(false)
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counting_here() {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if counting_here() {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counting_here() {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Run `f` and return how many allocations this thread made meanwhile.
fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    COUNTING.with(|c| c.set(true));
    let result = f();
    COUNTING.with(|c| c.set(false));
    (result, ALLOCATIONS.load(Ordering::SeqCst) - before)
}

/// What decoding the stream saw, gathered without allocating.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    requests: usize,
    headers: usize,
    body_bytes: usize,
    trailers: usize,
    chunked: usize,
    message_ends: usize,
    /// Body bytes that matched `BODIES` at their place.
    body_bytes_matching: usize,
}

const GET: &[u8] = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
const POST: &[u8] = b"POST /form HTTP/1.1\r\nHost: example.com\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\nsay=Hi&to=Mom";
const CHUNKED: &[u8] = b"PUT /upload HTTP/1.1\r\nHost: example.com\r\n\
Transfer-Encoding: gzip, chunked\r\n\r\n\
7;name=\"v\\\"1\"\r\nMozilla\r\n11\r\nDeveloper Network\r\n0\r\n\
Expires: Wed, 21 Oct 2015 07:28:00 GMT\r\nX-Checksum: abc\r\n\r\n";
const OPTIONS: &[u8] = b"\r\nOPTIONS * HTTP/1.0\r\n\r\n";

/// The body bytes of the stream, in order.
const BODIES: &[u8] = b"say=Hi&to=MomMozillaDeveloper Network";

fn expected_tally() -> Tally {
    Tally {
        requests: 4,
        headers: 2 + 3 + 2,
        body_bytes: BODIES.len(),
        trailers: 2,
        chunked: 1,
        message_ends: 4,
        body_bytes_matching: BODIES.len(),
    }
}

fn record(tally: &mut Tally, event: Event<'_>) {
    match event {
        Event::Request(_) => tally.requests += 1,
        Event::Header(_) => tally.headers += 1,
        Event::HeadEnd(head) => {
            if head.framing == Framing::Chunked {
                tally.chunked += 1;
            }
        }
        Event::Body(data) => {
            let at = tally.body_bytes;
            if BODIES.get(at..at + data.len()) == Some(data) {
                tally.body_bytes_matching += data.len();
            }
            tally.body_bytes += data.len();
        }
        Event::Trailer(_) => tally.trailers += 1,
        Event::MessageEnd => tally.message_ends += 1,
    }
}

/// Decode `stream[start..end]` for each `end` in `ends` (growing), carrying
/// `start` forward by what was consumed: a caller whose buffer already holds
/// the whole stream and shows the decoder a bit more of it each time.
fn decode_growing(stream: &[u8], ends: impl Iterator<Item = usize>) -> Tally {
    let mut decoder = Decoder::default();
    let mut tally = Tally::default();
    let mut start = 0;
    for end in ends {
        loop {
            let step = decoder.decode(&stream[start..end]).expect("valid stream");
            start += step.consumed;
            match step.status {
                Status::Event(event) => record(&mut tally, event),
                Status::NeedMore => break,
                Status::Upgraded | Status::Closed => panic!("unexpected {:?}", step.status),
            }
        }
    }
    assert_eq!(start, stream.len(), "everything consumed");
    assert_eq!(
        decoder.finish(),
        Ok(None),
        "the stream ends between messages"
    );
    tally
}

#[test]
fn decoding_a_pipelined_stream_never_allocates() {
    // Everything that allocates happens before counting starts.
    let stream: Vec<u8> = [GET, POST, CHUNKED, OPTIONS].concat();
    let len = stream.len();
    let expected = expected_tally();

    let (whole, allocations) = allocations_during(|| decode_growing(&stream, [len].into_iter()));
    assert_eq!(
        allocations, 0,
        "allocations decoding the whole stream at once"
    );
    assert_eq!(whole, expected);

    let (byte_at_a_time, allocations) = allocations_during(|| decode_growing(&stream, 1..=len));
    assert_eq!(allocations, 0, "allocations decoding one byte at a time");
    assert_eq!(byte_at_a_time, expected);

    // The counter itself works: an allocation while counting is seen.
    let (_, allocations) = allocations_during(|| std::hint::black_box(Vec::<u8>::with_capacity(8)));
    assert!(allocations >= 1, "the counting allocator counts");
}
