//! Decoder configuration: size limits and lenient readings. `Default` is the
//! strict profile.

/// How a decoder behaves: its [`Limits`] and which [`Lenient`] readings it allows.
///
/// `Config::default()` is the strict profile with the default limits. Fields
/// are public; start from the default and change what you need:
///
/// ```
/// let mut config = h1wire::Config::default();
/// config.limits.fields = 50;
/// config.lenient.bare_lf = true;
/// let decoder = h1wire::Decoder::server(config);
/// # let _ = decoder;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// Size limits. Each exceeded limit is its own [`ErrorKind`](crate::ErrorKind).
    pub limits: Limits,
    /// Lenient readings, all off by default.
    pub lenient: Lenient,
}

/// Size limits, each in bytes except [`fields`](Self::fields).
///
/// A limit is the largest size accepted: a line of exactly `line` bytes is
/// decoded, one of `line + 1` bytes is an error, reported at the offset of
/// its first byte past the bound. A limit above [`Limits::MAX`] (1 GiB)
/// acts as `Limits::MAX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The whole head: start line, field lines and the empty line that ends
    /// it, line ends included. Default 64 KiB.
    /// Exceeding it: [`HeadTooLarge`](crate::ErrorKind::HeadTooLarge) (431).
    pub head: usize,
    /// One start line or field line, without its line end (a folded field
    /// counts as one line). Default 16 KiB. Exceeding it:
    /// [`RequestLineTooLong`](crate::ErrorKind::RequestLineTooLong) (414),
    /// [`StatusLineTooLong`](crate::ErrorKind::StatusLineTooLong) (a
    /// client's decoder; 400) or
    /// [`FieldLineTooLong`](crate::ErrorKind::FieldLineTooLong) (431).
    pub line: usize,
    /// Field lines in one head. Default 100. Exceeding it:
    /// [`TooManyFields`](crate::ErrorKind::TooManyFields) (431).
    pub fields: usize,
    /// One chunk-size line with its extensions, without its CRLF. Default
    /// 4 KiB. Exceeding it: [`ChunkLineTooLong`](crate::ErrorKind::ChunkLineTooLong) (400).
    /// The number of chunks is not limited.
    pub chunk_line: usize,
    /// The trailer section after the last chunk, line ends and the final
    /// empty line included. Default 16 KiB. Exceeding it:
    /// [`TrailersTooLarge`](crate::ErrorKind::TrailersTooLarge) (413).
    pub trailers: usize,
}

impl Limits {
    /// The largest limit a decoder applies (1 GiB): offsets within a head
    /// or a line then fit in 32 bits, which keeps the decoder small.
    pub const MAX: usize = 1 << 30;

    /// The smallest buffer that always lets a decoder make progress: the
    /// longest line the limits allow, with its CRLF and the byte after it
    /// (`line + 3`).
    ///
    /// A line is delivered whole, so it must fit in the caller's buffer at
    /// once. With a buffer of `line + 1` bytes, a line of exactly `line`
    /// bytes fills it up to its CR and waits for an LF that cannot fit; a
    /// caller that then refuses to grow the buffer waits for ever. Where
    /// obs-fold is read (in responses, and in requests with
    /// [`Lenient::obs_fold`](crate::Lenient::obs_fold)), a field line ends
    /// only where the next line does not start with SP or HTAB, so the
    /// byte after its CRLF must fit too. (A line over the limit is reported
    /// once `line + 1` of its bytes are in.) Body data and chunk-size lines
    /// need no room: they are consumed as they arrive.
    pub const fn buffer_len(&self) -> usize {
        self.line.saturating_add(3)
    }

    /// The smallest buffer that always lets
    /// [`Decoder::decode_head`](crate::Decoder::decode_head) (and the
    /// connections' `decode_head`) make progress: the whole head must be in
    /// it at once, so the head limit and one byte (a head over the limit
    /// is reported once `head + 1` of its bytes are in), and never less
    /// than [`buffer_len`](Self::buffer_len), which the bodies and trailers
    /// read as events need. 64 KiB and a byte by default.
    ///
    /// With a fixed buffer of only [`buffer_len`](Self::buffer_len), a
    /// head longer than it leaves `decode_head` saying
    /// [`NeedMore`](crate::HeadStatus::NeedMore) with the buffer full and
    /// nothing consumed: go on with [`Decoder::decode`](crate::Decoder::decode),
    /// which starts that head over as events, line by line.
    pub const fn head_buffer_len(&self) -> usize {
        let head = if self.head < Self::MAX {
            self.head
        } else {
            Self::MAX
        };
        let whole = head.saturating_add(1);
        let lines = self.buffer_len();
        if whole > lines {
            whole
        } else {
            lines
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head: 64 * 1024,
            line: 16 * 1024,
            fields: 100,
            chunk_line: 4 * 1024,
            trailers: 16 * 1024,
        }
    }
}

/// Readings of RFC 9112 that the strict profile refuses and a caller may
/// choose to accept. Each is off by default; each one used is recorded in
/// [`Decoder::readings`](crate::Decoder::readings) with the offset where it
/// was first used in the current head (or trailer section), so a proxy can
/// refuse or normalise before forwarding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Lenient {
    /// Accept a bare LF as the end of a head or trailer line (RFC 9112
    /// section 2.2 allows it). Chunk-size lines and the CRLF after chunk data
    /// stay strict: a bare LF there has been a smuggling vector.
    pub bare_lf: bool,
    /// Accept obs-fold (a field line continued on the next line, which starts
    /// with SP or HTAB) in requests, where RFC 9112 section 5.2 lets a server
    /// reject it. (Responses accept it always, as the same section asks of
    /// a user agent; each use is recorded all the same.) The field's value is then delivered raw, folds included:
    /// see [`Field::is_folded`](crate::Field::is_folded) and
    /// [`Field::value_pieces`](crate::Field::value_pieces).
    pub obs_fold: bool,
    /// Accept several Content-Length values that are all the same decimal
    /// value (`Content-Length: 5, 5`, or two `Content-Length: 5` lines; `5`
    /// and `05` alike) as one, as RFC 9110 section 8.6 allows. Refused by default: such a message was
    /// built by something that does not frame messages the way we do, and
    /// refusing costs a well-behaved peer nothing.
    pub duplicate_content_length: bool,
    /// Accept bytes 0x80-0xFF in the request-target's path and query. The
    /// URI grammar has no such bytes and RFC 9112 section 3.2 lets a server
    /// refuse them; some clients send raw UTF-8 paths. An authority (of an
    /// absolute-form or a CONNECT target) keeps Host's rules whatever this
    /// says: a host that routes the request is ASCII (an international
    /// name goes as its `xn--` form).
    pub non_ascii_target: bool,
    /// Deliver trailer fields that frame or route a message
    /// (Content-Length, Transfer-Encoding, Host) as ordinary trailers.
    /// Refused by default ([`ForbiddenTrailer`](crate::ErrorKind::ForbiddenTrailer)):
    /// RFC 9110 section 6.5.1 forbids them there, and a recipient that
    /// merges trailers into the head would be misled.
    pub framing_trailers: bool,
}

impl Lenient {
    /// Every lenient reading on.
    pub const fn all() -> Self {
        Lenient {
            bare_lf: true,
            obs_fold: true,
            duplicate_content_length: true,
            non_ascii_target: true,
            framing_trailers: true,
        }
    }
}

/// [`Lenient`], a bit per option, as the decoder keeps it (an idle
/// decoder is kept per connection, so its size counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LenientBits(u8);

/// [`LenientBits`] from one list of (bit, option): the conversions both
/// ways and a getter per option, named as the option.
macro_rules! lenient_bits {
    ($($bit:literal $option:ident;)*) => {
        impl LenientBits {
            #[inline]
            pub(crate) fn new(lenient: Lenient) -> Self {
                LenientBits(0 $(| u8::from(lenient.$option) << $bit)*)
            }

            pub(crate) fn lenient(self) -> Lenient {
                Lenient {
                    $($option: self.$option(),)*
                }
            }

            $(
                #[inline(always)]
                pub(crate) fn $option(self) -> bool {
                    self.0 & (1 << $bit) != 0
                }
            )*
        }
    };
}

lenient_bits! {
    0 bare_lf;
    1 obs_fold;
    2 duplicate_content_length;
    3 non_ascii_target;
    4 framing_trailers;
}

/// [`Limits`] as the decoder keeps them: in 32 bits, each clamped to
/// [`Limits::MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SmallLimits {
    head: u32,
    line: u32,
    fields: u32,
    chunk_line: u32,
    trailers: u32,
}

impl SmallLimits {
    #[inline]
    pub(crate) fn new(l: Limits) -> Self {
        // Limits::MAX fits in a u32.
        let small = |n: usize| n.min(Limits::MAX) as u32;
        SmallLimits {
            head: small(l.head),
            line: small(l.line),
            fields: small(l.fields),
            chunk_line: small(l.chunk_line),
            trailers: small(l.trailers),
        }
    }

    /// The limits, as given (clamped).
    pub(crate) fn limits(&self) -> Limits {
        Limits {
            head: self.head(),
            line: self.line(),
            fields: self.fields(),
            chunk_line: self.chunk_line(),
            trailers: self.trailers(),
        }
    }

    #[inline(always)]
    pub(crate) fn head(&self) -> usize {
        self.head as usize
    }
    #[inline(always)]
    pub(crate) fn line(&self) -> usize {
        self.line as usize
    }
    #[inline(always)]
    pub(crate) fn fields(&self) -> usize {
        self.fields as usize
    }
    #[inline(always)]
    pub(crate) fn chunk_line(&self) -> usize {
        self.chunk_line as usize
    }
    #[inline(always)]
    pub(crate) fn trailers(&self) -> usize {
        self.trailers as usize
    }
}
