//! The record of lenient readings a decoder used in the current head, or
//! trailer section.

/// A lenient reading of RFC 9112 that a [`Lenient`](crate::Lenient) option
/// allowed the decoder to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reading {
    /// A head or trailer line ended in a bare LF ([`Lenient::bare_lf`](crate::Lenient::bare_lf)).
    BareLf,
    /// A field value was continued by obs-fold (in a response, or in a
    /// request with [`Lenient::obs_fold`](crate::Lenient::obs_fold)).
    ObsFold,
    /// Several Content-Length values of the same decimal value were read as one
    /// ([`Lenient::duplicate_content_length`](crate::Lenient::duplicate_content_length)).
    DuplicateContentLength,
    /// The request-target held bytes 0x80-0xFF ([`Lenient::non_ascii_target`](crate::Lenient::non_ascii_target)).
    NonAsciiTarget,
    /// A trailer field framed or routed the message and was delivered
    /// ([`Lenient::framing_trailers`](crate::Lenient::framing_trailers)).
    FramingTrailer,
}

const ALL: [Reading; 5] = [
    Reading::BareLf,
    Reading::ObsFold,
    Reading::DuplicateContentLength,
    Reading::NonAsciiTarget,
    Reading::FramingTrailer,
];

impl Reading {
    /// A short, stable, lower-case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reading::BareLf => "bare_lf",
            Reading::ObsFold => "obs_fold",
            Reading::DuplicateContentLength => "duplicate_content_length",
            Reading::NonAsciiTarget => "non_ascii_target",
            Reading::FramingTrailer => "framing_trailer",
        }
    }

    const fn index(self) -> usize {
        match self {
            Reading::BareLf => 0,
            Reading::ObsFold => 1,
            Reading::DuplicateContentLength => 2,
            Reading::NonAsciiTarget => 3,
            Reading::FramingTrailer => 4,
        }
    }
}

/// Which lenient readings the decoder used in the current head, or trailer
/// section, each with the stream offset where it was first used there:
/// where the strict profile would have refused the section, with the error
/// the reading names (the bare LF, the SP or HTAB starting a continuation
/// line, the repeated Content-Length value, the first byte above 0x7F in
/// the target, the framing trailer's line).
///
/// The record starts empty with each message (at its first byte) and again
/// where a chunked body's trailer section starts, and grows as the section
/// is decoded: read it at [`Event::HeadEnd`](crate::Event::HeadEnd) for the
/// head and at [`Event::MessageEnd`](crate::Event::MessageEnd) for the
/// trailers. (A chunked message always has a trailer section, empty or
/// not, so at its `MessageEnd` the record holds only what the trailers
/// used, nothing of its head's; a message without one, framed by length
/// or without a body, still shows its head's there.) With the strict default configuration it is always empty for
/// requests; a response's record shows whether it used obs-fold, and where
/// first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Readings {
    /// Where each reading (by `Reading::index()`) was first used, or
    /// [`NOT_USED`] (no stream reaches that offset). One word per reading
    /// and no flags beside them: a decoder, kept per connection, holds
    /// one record.
    first_at: [u64; 5],
}

/// The offset of a reading not used.
const NOT_USED: u64 = u64::MAX;

impl Default for Readings {
    fn default() -> Self {
        Readings {
            first_at: [NOT_USED; 5],
        }
    }
}

impl core::fmt::Debug for Readings {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Readings {
    /// True when no lenient reading was used.
    pub fn is_empty(&self) -> bool {
        self.first_at.iter().all(|&at| at == NOT_USED)
    }

    /// The stream offset where `reading` was first used in this section,
    /// if it was.
    pub fn first_use(&self, reading: Reading) -> Option<u64> {
        let at = self.first_at.get(reading.index()).copied()?;
        (at != NOT_USED).then_some(at)
    }

    /// Each reading used, with the offset of its first use.
    pub fn iter(&self) -> impl Iterator<Item = (Reading, u64)> + '_ {
        ALL.iter()
            .filter_map(|&r| self.first_use(r).map(|offset| (r, offset)))
    }

    pub(crate) fn record(&mut self, reading: Reading, offset: u64) {
        if let Some(at) = self.first_at.get_mut(reading.index()) {
            if *at == NOT_USED {
                *at = offset;
            }
        }
    }
}

/// [`Readings`] as a decoder keeps them: where the current section (a head,
/// or a trailer section) started, and each reading's first use as an
/// offset within it, which a limit bounds (see
/// [`Limits::MAX`](crate::Limits::MAX)). Seven 32-bit words rather than
/// five 64-bit ones: a decoder is kept per connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SectionReadings {
    /// The section's first stream offset, low and high halves (32-bit
    /// words, so that the record packs beside the decoder's other counts).
    start: [u32; 2],
    /// Where each reading (by `Reading::index()`) was first used, from
    /// `start`, or [`NOT_USED_HERE`].
    first_at: [u32; 5],
}

/// The offset of a reading not used in the section.
const NOT_USED_HERE: u32 = u32::MAX;

impl SectionReadings {
    /// An empty record for a section whose first byte is at stream offset
    /// `start`.
    #[inline(always)]
    pub(crate) fn starting_at(start: u64) -> Self {
        SectionReadings {
            start: [start as u32, (start >> 32) as u32],
            first_at: [NOT_USED_HERE; 5],
        }
    }

    pub(crate) fn start(&self) -> u64 {
        u64::from(self.start[0]) | u64::from(self.start[1]) << 32
    }

    /// Record that `reading` was used at stream offset `at`, in the section.
    pub(crate) fn record(&mut self, reading: Reading, at: u64) {
        // Within a section, below the limits (the fuzz targets run with
        // this assertion on); a use out of it would read as the latest
        // offset the record holds.
        let within = at.saturating_sub(self.start());
        debug_assert!(within < u64::from(NOT_USED_HERE));
        let within = u32::try_from(within).unwrap_or(NOT_USED_HERE - 1);
        if let Some(first) = self.first_at.get_mut(reading.index()) {
            if *first == NOT_USED_HERE {
                *first = within;
            }
        }
    }

    /// The record with stream offsets.
    pub(crate) fn readings(&self) -> Readings {
        let mut readings = Readings::default();
        for reading in ALL {
            if let Some(&within) = self.first_at.get(reading.index()) {
                if within != NOT_USED_HERE {
                    readings.record(reading, self.start() + u64::from(within));
                }
            }
        }
        readings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_offset_of_each_reading() {
        let mut r = Readings::default();
        assert!(r.is_empty());
        r.record(Reading::BareLf, 10);
        r.record(Reading::BareLf, 20);
        r.record(Reading::ObsFold, 30);
        assert_eq!(r.first_use(Reading::BareLf), Some(10));
        assert_eq!(r.first_use(Reading::NonAsciiTarget), None);
        let mut it = r.iter();
        assert_eq!(it.next(), Some((Reading::BareLf, 10)));
        assert_eq!(it.next(), Some((Reading::ObsFold, 30)));
        assert_eq!(it.next(), None);
        drop(it);
        // Offset 0 is a use like any other.
        r.record(Reading::NonAsciiTarget, 0);
        assert_eq!(r.first_use(Reading::NonAsciiTarget), Some(0));
        assert!(!Readings::default().iter().any(|_| true));
    }

    #[test]
    fn a_section_record_keeps_stream_offsets_past_32_bits() {
        let start = (5u64 << 32) + 7;
        let mut r = SectionReadings::starting_at(start);
        assert!(r.readings().is_empty());
        r.record(Reading::FramingTrailer, start + 3);
        r.record(Reading::FramingTrailer, start + 9);
        r.record(Reading::BareLf, start);
        let readings: std::vec::Vec<_> = r.readings().iter().collect();
        assert_eq!(
            readings,
            [
                (Reading::BareLf, start),
                (Reading::FramingTrailer, start + 3)
            ]
        );
    }
}
