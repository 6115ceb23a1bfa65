//! Bytes made readable in assertion messages: HTTP is mostly ASCII, so
//! escaped ASCII (`\r\n`, `\x00`) reads better than a list of numbers.

use core::fmt;

/// Bytes as an escaped string (`GET / HTTP/1.1\r\n`).
pub fn esc(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

/// Bytes whose `Debug` is a Rust byte string (`b"GET /\r\n"`), for the
/// `{:?}` of owned events and of `assert_eq!`.
pub struct Show<'a>(pub &'a [u8]);

impl fmt::Debug for Show<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(esc(b"a\r\n\x00\xff\"'"), "a\\r\\n\\x00\\xff\\\"\\'");
        assert_eq!(format!("{:?}", Show(b"GET\t/")), "b\"GET\\t/\"");
    }
}
