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

use h1wire::Config;

use crate::drive::Pieces;

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
