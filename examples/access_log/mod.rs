//! The log line per request of the example servers and the proxy.
//!
//! Each connection writes on its own handle on standard output, each line
//! in one write, whole: `println!` would take the process-wide stdout
//! lock, on which a hundred connections sharing one core queue (a futex
//! call a request, measured on the proxy).

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;

/// One connection's log.
pub struct Log {
    out: Option<File>,
    peer: String,
    /// The line being written, its buffer kept from line to line.
    line: Vec<u8>,
}

impl Log {
    /// The log of the connection with `peer` (its address, or `-`).
    pub fn new(peer: String) -> Self {
        let out = io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(File::from);
        Log {
            out,
            peer,
            line: Vec::new(),
        }
    }

    /// Write `peer rest` and a newline, in one write.
    pub fn line(&mut self, rest: fmt::Arguments<'_>) {
        self.line.clear();
        let _ = writeln!(self.line, "{} {rest}", self.peer);
        let _ = match self.out.as_ref() {
            // `Write` is implemented for `&File`: no lock.
            Some(mut out) => out.write_all(&self.line),
            None => io::stdout().write_all(&self.line),
        };
    }
}
