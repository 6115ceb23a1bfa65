//! A lingering close, shared by the examples that serve on `std::net`
//! (`serve.rs`, `proxy.rs`; `tokio_serve.rs` has its own on tokio's
//! sockets).

use std::io::Read;
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// Close `stream` so that what was written to it is read: RFC 9112
/// section 9.6 has a server close its sending side first and read on
/// (and drop) what the client still sends, for a while, rather than
/// reset the connection, which can discard the response before the
/// client reads it. Until the client closes too, or `limit` has passed.
pub fn linger(stream: &TcpStream, limit: Duration) {
    if stream.shutdown(Shutdown::Write).is_err() {
        return;
    }
    let deadline = Instant::now() + limit;
    let mut sink = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match (&*stream).read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}
