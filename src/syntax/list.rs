//! The `#list` of RFC 9110 section 5.6.1, as every list-valued field is
//! read here: elements between commas, OWS around them (a fold kept by
//! `Lenient::obs_fold` counting as OWS), and the quoted strings that
//! parameter values may be (section 5.6.4).

use super::chars::{is_ows, trim_by};

/// Each element of `value` between commas, OWS trimmed, with the index in
/// `value` where it starts (after its leading OWS). Empty elements are
/// kept (a caller decides whether they are errors): `a,,b` gives `a`,
/// ``, `b`. Commas inside quoted strings split too: callers whose
/// elements are tokens need no more.
pub(crate) fn elements(value: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    value.split(|&b| b == b',').map(move |element| {
        let lead = element.iter().take_while(|&&b| is_ows(b)).count();
        let at = start + lead;
        start += element.len() + 1;
        (at, trim_by(element, is_ows))
    })
}

/// The index just past the quoted-string that opens at `open`, or the
/// index where it goes wrong (a lone backslash, or no closing quote).
pub(crate) fn quoted_string_end(value: &[u8], open: usize) -> Result<usize, usize> {
    let mut i = open + 1;
    loop {
        match value.get(i) {
            Some(b'"') => return Ok(i + 1),
            Some(b'\\') if i + 1 < value.len() => i += 2,
            Some(b'\\') | None => return Err(i),
            Some(_) => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_with_where_they_start() {
        let want: [(usize, &[u8]); 5] = [(1, b"a"), (4, b""), (6, b"b c"), (13, b"d"), (15, b"")];
        assert!(elements(b" a ,,\tb c,\r\n d,").eq(want));
        assert!(elements(b"").eq([(0, &b""[..])]));
    }

    #[test]
    fn quoted_strings_end_at_their_closing_quote() {
        assert_eq!(quoted_string_end(b"\"a,b\" x", 0), Ok(5));
        assert_eq!(quoted_string_end(b"x=\"a\\\"b\"", 2), Ok(8));
        assert_eq!(quoted_string_end(b"\"open", 0), Err(5));
        assert_eq!(quoted_string_end(b"\"a\\", 0), Err(2));
    }
}
