//! Whether a peer has said anything since, looked at without waiting:
//! shared by the examples that keep connections open between messages
//! (a kept-alive connection is fit for the next request only while its
//! peer has neither closed it nor sent anything unasked).

use std::io::ErrorKind;
use std::net::TcpStream;

/// The peer has sent nothing that is not read yet, nor closed the
/// connection: a peek that would block. Any doubt (a socket error) says no.
pub fn nothing_new(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return false;
    }
    let quiet = matches!(
        stream.peek(&mut [0u8; 1]),
        Err(e) if e.kind() == ErrorKind::WouldBlock
    );
    stream.set_nonblocking(false).is_ok() && quiet
}
