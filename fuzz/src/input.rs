//! The layout of a structured fuzz input: a 7-byte header, piece sizes, then
//! the HTTP stream.
//!
//! ```text
//! byte 0      flags: 0x01 bare_lf, 0x02 obs_fold, 0x04 duplicate_content_length,
//!             0x08 non_ascii_target (the Lenient options),
//!             0x10 small limits (bytes 1-5; otherwise the default limits)
//! byte 1      head limit       = 2 * b   (0..=510)
//! byte 2      line limit       = b       (0..=255)
//! byte 3      fields limit     = b % 16
//! byte 4      chunk-line limit = b % 32
//! byte 5      trailers limit   = b       (0..=255)
//! byte 6      n = b % 33: how many piece sizes follow
//! 7..7+n      piece sizes, cycled over the stream (0: call again with no
//!             new bytes); none, or all zero: the whole stream in one piece
//! rest        the stream
//! ```
//!
//! Missing header bytes read as 0. `fuzz/seed.sh` writes seeds in this form.
//!
//! # Responses ([`ResponseInput`], the `decode_response` target)
//!
//! The same header, one more flag, and the methods of the requests the
//! responses answer between the piece sizes and the stream:
//!
//! ```text
//! byte 0      as above, and 0x20 framing_trailers
//!             (0x08 non_ascii_target is set but has nothing to act on)
//! 1..7+n      as above
//! next byte   r = b % 16: how many method runs follow
//! r bytes     one run each, in order: bits 7-6 the method (0 GET, 1 HEAD,
//!             2 CONNECT, 3 POST: GET and POST are both "other"), bits 5-0
//!             the run length minus 1 (1..=64 methods)
//! rest        the stream of responses
//! ```
//!
//! So a few bytes give up to 960 methods, past `Decoder::MAX_IN_FLIGHT`
//! (64): the target tells the decoder as many as it holds, then one more
//! after each final response, as the dump does (`drive::ClientDecoder`).
//! Responses past the list answer GET.

use h1wire::{Config, MethodKind};

use crate::Pieces;

/// Length of the fixed part of the header.
pub const HEADER_LEN: usize = 7;

/// A decoded structured input.
#[derive(Clone, Copy, Debug)]
pub struct FuzzInput<'a> {
    pub config: Config,
    pub sizes: &'a [u8],
    pub data: &'a [u8],
}

/// Whether the limits come from the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitsFrom {
    /// Small limits from bytes 1-5 when flag 0x10 is set, else the defaults.
    Flag,
    /// Always the small limits of bytes 1-5 (the `limits` target).
    AlwaysSmall,
}

impl<'a> FuzzInput<'a> {
    pub fn parse(bytes: &'a [u8], limits: LimitsFrom) -> Self {
        let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let flags = byte(0);
        let mut config = Config::default();
        config.lenient.bare_lf = flags & 0x01 != 0;
        config.lenient.obs_fold = flags & 0x02 != 0;
        config.lenient.duplicate_content_length = flags & 0x04 != 0;
        config.lenient.non_ascii_target = flags & 0x08 != 0;
        if limits == LimitsFrom::AlwaysSmall || flags & 0x10 != 0 {
            config.limits.head = 2 * byte(1) as usize;
            config.limits.line = byte(2) as usize;
            config.limits.fields = (byte(3) % 16) as usize;
            config.limits.chunk_line = (byte(4) % 32) as usize;
            config.limits.trailers = byte(5) as usize;
        }
        let n = (byte(6) % 33) as usize;
        let rest = bytes.get(HEADER_LEN..).unwrap_or_default();
        let (sizes, data) = rest.split_at(n.min(rest.len()));
        FuzzInput {
            config,
            sizes,
            data,
        }
    }

    /// The split the header asks for.
    pub fn pieces(&self) -> Pieces<'a> {
        Pieces::sizes(self.sizes)
    }
}

/// A decoded structured input for the response decoder (layout in the
/// module docs).
#[derive(Clone, Debug)]
pub struct ResponseInput<'a> {
    /// Config, piece sizes and the stream (`input.data`: the responses).
    pub input: FuzzInput<'a>,
    /// The method of each request, in order, as the runs give them.
    pub methods: Vec<MethodKind>,
}

impl<'a> ResponseInput<'a> {
    pub fn parse(bytes: &'a [u8]) -> Self {
        let mut input = FuzzInput::parse(bytes, LimitsFrom::Flag);
        let flags = bytes.first().copied().unwrap_or(0);
        input.config.lenient.framing_trailers = flags & 0x20 != 0;
        let runs = input.data.first().map_or(0, |&b| b % 16) as usize;
        let rest = input.data.get(1..).unwrap_or_default();
        let (runs, stream) = rest.split_at(runs.min(rest.len()));
        let methods = runs
            .iter()
            .flat_map(|&run| {
                let method = match run >> 6 {
                    1 => MethodKind::Head,
                    2 => MethodKind::Connect,
                    _ => MethodKind::Other,
                };
                core::iter::repeat_n(method, (run & 0x3f) as usize + 1)
            })
            .collect();
        input.data = stream;
        ResponseInput { input, methods }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_layout() {
        let bytes = b"\x22\0\0\0\0\0\x02\x05\x00\x03\x3f\x41\x80HTTP/1.1 200 OK\r\n";
        let r = ResponseInput::parse(bytes);
        assert!(r.input.config.lenient.obs_fold);
        assert!(r.input.config.lenient.framing_trailers);
        assert!(!r.input.config.lenient.bare_lf);
        assert_eq!(r.input.sizes, &[5, 0]);
        assert_eq!(r.methods.len(), 64 + 2 + 1);
        assert!(r.methods[..64].iter().all(|&m| m == MethodKind::Other));
        assert_eq!(
            &r.methods[64..],
            &[MethodKind::Head, MethodKind::Head, MethodKind::Connect]
        );
        assert_eq!(r.input.data, b"HTTP/1.1 200 OK\r\n");
        // Short inputs read as zeros: no methods, no stream.
        let r = ResponseInput::parse(b"\x00");
        assert!(r.methods.is_empty() && r.input.data.is_empty());
        // More runs announced than present: the runs end the input.
        let r = ResponseInput::parse(b"\0\0\0\0\0\0\0\x05\x41");
        assert_eq!(r.methods, vec![MethodKind::Head, MethodKind::Head]);
        assert!(r.input.data.is_empty());
    }
}
