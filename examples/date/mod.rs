//! HTTP dates (RFC 9110 section 5.6.7), for the examples that send or
//! read them: `Date` and `Last-Modified`, and the conditional requests'
//! dates. Each example uses part of it.
#![allow(dead_code)]

use std::cell::Cell;
use std::time::SystemTime;

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The length of an IMF-fixdate with a four-digit year.
pub const DATE_LEN: usize = 29;
/// The last second an IMF-fixdate can write with four digits for the
/// year: 9999-12-31 23:59:59. Later times (a file's odd mtime) are written
/// as it.
const LAST_DATE: u64 = 253_402_300_799;

/// The `Date` of a response sent now (RFC 9110 section 6.6.1: an origin
/// server with a clock sends one in every response). Formatted once a
/// second per thread, not per response: a response costs a clock read and
/// a 29-byte copy.
pub fn date_now() -> [u8; DATE_LEN] {
    date_of_second(now_secs(), imf_fixdate)
}

/// Seconds since 1970 now (0 on a clock set before it).
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// The text of second `secs`, made by `format` only when this thread's
/// last call asked for another second.
fn date_of_second(secs: u64, format: impl FnOnce(u64) -> [u8; DATE_LEN]) -> [u8; DATE_LEN] {
    thread_local! {
        /// The second last formatted, and its text.
        static LAST: Cell<(u64, [u8; DATE_LEN])> = const { Cell::new((u64::MAX, [0; DATE_LEN])) };
    }
    LAST.with(|last| match last.get() {
        (at, text) if at == secs => text,
        _ => {
            let text = format(secs);
            last.set((secs, text));
            text
        }
    })
}

/// IMF-fixdate (RFC 9110 section 5.6.7) of seconds since 1970.
pub fn http_date(secs: u64) -> String {
    String::from_utf8_lossy(&imf_fixdate(secs)).into_owned()
}

/// IMF-fixdate (RFC 9110 section 5.6.7) of seconds since 1970, formatted
/// by hand into a fixed array (no allocation, no `fmt` machinery).
fn imf_fixdate(secs: u64) -> [u8; DATE_LEN] {
    let secs = secs.min(LAST_DATE);
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days as i64);
    let two = |n: u64| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
    let year = year as u64;
    let mut out = [0u8; DATE_LEN];
    out[..3].copy_from_slice(DAYS[(days % 7) as usize].as_bytes());
    out[3..5].copy_from_slice(b", ");
    out[5..7].copy_from_slice(&two(u64::from(day)));
    out[7] = b' ';
    out[8..11].copy_from_slice(MONTHS[(month - 1) as usize].as_bytes());
    out[11] = b' ';
    out[12..14].copy_from_slice(&two(year / 100));
    out[14..16].copy_from_slice(&two(year));
    out[16] = b' ';
    out[17..19].copy_from_slice(&two(rem / 3600));
    out[19] = b':';
    out[20..22].copy_from_slice(&two(rem / 60 % 60));
    out[22] = b':';
    out[23..25].copy_from_slice(&two(rem % 60));
    out[25..].copy_from_slice(b" GMT");
    out
}

/// Seconds since 1970 of an HTTP-date in any of its three formats (RFC
/// 9110 section 5.6.7: a recipient "MUST accept all three"):
/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850
/// form (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime's (`Sun Nov  6
/// 08:49:37 1994`); `None` for anything else.
pub fn parse_http_date(text: &str) -> Option<u64> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    // Only what the formats allow: a date that is not a date is to be
    // ignored (RFC 9110 section 13.1.3), and the numbers a peer sends
    // must not overflow the arithmetic below. (The day name is not
    // checked against the date, as most servers do not.)
    let (day, month, year, time) = match parts[..] {
        [day_name, day, month, year, time, "GMT"]
            if DAYS.contains(&day_name.trim_end_matches(',')) && day_name.ends_with(',') =>
        {
            (digits(day, 2)?, month, digits(year, 4)?, time)
        }
        [day_name, date, time, "GMT"]
            if LONG_DAYS.contains(&day_name.trim_end_matches(',')) && day_name.ends_with(',') =>
        {
            let [day, month, year] = match date.split('-').collect::<Vec<_>>()[..] {
                [day, month, year] => [day, month, year],
                _ => return None,
            };
            (
                digits(day, 2)?,
                month,
                two_digit_year(digits(year, 2)?),
                time,
            )
        }
        [day_name, month, day, time, year] if DAYS.contains(&day_name) => {
            // asctime pads a one-digit day with a space, which the split
            // above took: `Nov  6` as well as `Nov 16`.
            (
                digits(day, day.len().min(2))?,
                month,
                digits(year, 4)?,
                time,
            )
        }
        _ => return None,
    };
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let [h, m, s] = match time.split(':').collect::<Vec<_>>()[..] {
        [h, m, s] => [digits(h, 2)?, digits(m, 2)?, digits(s, 2)?],
        _ => return None,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=month_days).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = u64::try_from(days_from_civil(i64::from(year), month, day)).ok()?;
    Some(days * 86_400 + u64::from(h * 3600 + m * 60 + s))
}

const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `text` as a number of exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<u32>().ok())
        .flatten()
}

/// The year of an RFC 850 date's two digits: RFC 9110 section 5.6.7 has a
/// year that looks more than 50 years ahead taken as the most recent past
/// year with the same last two digits.
fn two_digit_year(yy: u32) -> u32 {
    let (this_year, _, _) = civil_from_days((now_secs() / 86_400) as i64);
    let this_year = u32::try_from(this_year).unwrap_or(1970);
    let century = this_year - this_year % 100;
    let year = century + yy;
    if year > this_year + 50 {
        year - 100
    } else {
        year
    }
}

/// Year, month, day of a count of days since 1970-01-01 (Howard
/// Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a date (the inverse of [`civil_from_days`]).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date that is not an IMF-fixdate is ignored (RFC 9110 section
    /// 13.1.3), and no number a peer sends overflows. (Found by review:
    /// a huge hour panicked a debug build; day 99 was taken.)
    #[test]
    fn dates_that_are_not_dates_are_ignored() {
        for bad in [
            "Sun, 06 Nov 1994 5124095576030432:00:00 GMT",
            "Sun, 99 Nov 2026 00:00:00 GMT",
            "Sun, 00 Nov 2026 00:00:00 GMT",
            "Sun, 29 Feb 2023 00:00:00 GMT",
            "Sun, 31 Apr 2026 00:00:00 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 99999 08:49:37 GMT",
            "Sun, 06 Nov +994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT"),
            Some(951_782_400)
        );
    }

    #[test]
    fn dates_round_trip() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        for secs in [0, 784_111_777, 951_782_400, 1_700_000_000, 4_102_444_800] {
            assert_eq!(parse_http_date(&http_date(secs)), Some(secs));
        }
    }

    /// The three formats a recipient must accept (RFC 9110 section
    /// 5.6.7), each for the same second; their near misses are ignored.
    /// (Only IMF-fixdate was read: found by review.)
    #[test]
    fn all_three_formats_are_read() {
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(text), Some(784_111_777), "{text}");
        }
        assert_eq!(
            parse_http_date("Fri Dec 31 23:59:59 2100"),
            parse_http_date("Fri, 31 Dec 2100 23:59:59 GMT")
        );
        // A two-digit year more than 50 years ahead is in the past.
        let this_year = civil_from_days((now_secs() / 86_400) as i64).0 as u32;
        assert_eq!(two_digit_year(this_year % 100), this_year);
        assert_eq!(two_digit_year((this_year + 60) % 100), this_year + 60 - 100);
        for bad in [
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sunday 06-Nov-94 08:49:37 GMT",
            "Sun Nov 06 08:49:37 94",
            "Sun Nov 6 08:49:37 1994 GMT",
            "Sun Nov 32 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sonntag, 06-Nov-94 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_formatted_by_hand() {
        assert_eq!(&imf_fixdate(784_111_777), b"Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(&imf_fixdate(951_782_400), b"Tue, 29 Feb 2000 00:00:00 GMT");
        assert_eq!(
            &imf_fixdate(1_700_000_000),
            b"Tue, 14 Nov 2023 22:13:20 GMT"
        );
        assert_eq!(&imf_fixdate(u64::MAX), b"Fri, 31 Dec 9999 23:59:59 GMT");
        let now = now_secs();
        let date = date_now();
        let said = parse_http_date(std::str::from_utf8(&date).unwrap()).unwrap();
        assert!(said.abs_diff(now) <= 1, "{said} for {now}");
    }

    /// A second's text is formatted once per thread, then kept: counted
    /// on a thread of its own, whose cache starts empty.
    #[test]
    fn a_seconds_text_is_formatted_once() {
        std::thread::spawn(|| {
            let formatted = Cell::new(0);
            let format = |secs| {
                formatted.set(formatted.get() + 1);
                imf_fixdate(secs)
            };
            let first = date_of_second(1_000, format);
            assert_eq!(date_of_second(1_000, format), first);
            assert_eq!(formatted.get(), 1);
            assert_ne!(date_of_second(1_001, format), first);
            assert_eq!(formatted.get(), 2);
        })
        .join()
        .unwrap();
    }
}
