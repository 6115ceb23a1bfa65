//! The log line per request of the example servers and the proxy.
//!
//! Every connection writes each line in one write, whole, on one handle on
//! standard output that they share without a lock: `println!` would take
//! the process-wide stdout lock, on which a hundred connections sharing
//! one core queue (a futex call a request, measured on the proxy). The
//! handle is made once, so a connection costs no file descriptor of its
//! own.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::OnceLock;

/// One connection's log.
pub struct Log {
    peer: String,
    /// The line being written, its buffer kept from line to line.
    line: Vec<u8>,
}

/// Standard output as a `File` (a duplicate of its descriptor, made once).
fn out() -> Option<&'static File> {
    static OUT: OnceLock<Option<File>> = OnceLock::new();
    OUT.get_or_init(|| {
        io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(File::from)
    })
    .as_ref()
}

impl Log {
    /// The log of the connection with `peer` (its address, or `-`).
    pub fn new(peer: String) -> Self {
        Log {
            peer,
            line: Vec::new(),
        }
    }

    /// Write `peer rest` and a newline, in one write.
    pub fn line(&mut self, rest: fmt::Arguments<'_>) {
        self.line.clear();
        let _ = writeln!(self.line, "{} {rest}", self.peer);
        let _ = match out() {
            // `Write` is implemented for `&File`: no lock.
            Some(mut out) => out.write_all(&self.line),
            None => io::stdout().write_all(&self.line),
        };
    }
}
