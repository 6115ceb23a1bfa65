//! Numbers on the wire: Content-Length = 1*DIGIT fitting in 64 bits, read
//! checked and written back; chunk sizes written in hex.

/// Parse 1*DIGIT into a u64. `Err(i)` is the index of the first byte that is
/// not a digit, or of the digit that makes the number overflow; an empty
/// input is `Err(0)`. Leading zeros are fine.
pub(crate) fn parse_decimal(bytes: &[u8]) -> Result<u64, usize> {
    if bytes.is_empty() {
        return Err(0);
    }
    // Nineteen digits cannot overflow (10^19 - 1 < 2^64): the common
    // lengths need no check per digit.
    if bytes.len() <= 19 {
        let mut n: u64 = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                return Err(i);
            }
            n = n * 10 + u64::from(digit);
        }
        return Ok(n);
    }
    let mut n: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_digit() {
            return Err(i);
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or(i)?;
    }
    Ok(n)
}

/// A u64 written in decimal without leading zeros, on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: u8,
}

impl Decimal {
    pub(crate) fn new(mut n: u64) -> Self {
        let mut digits = [b'0'; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            if let Some(d) = digits.get_mut(start) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Decimal {
            digits,
            start: start as u8,
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        super::within(&self.digits, usize::from(self.start)..)
    }
}

/// A u64 written in lower-case hex without leading zeros, then CRLF: a
/// chunk-size line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HexLine {
    bytes: [u8; 18],
    start: u8,
}

impl HexLine {
    pub(crate) fn new(mut n: u64) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut bytes = [b'\r'; 18];
        if let Some(lf) = bytes.last_mut() {
            *lf = b'\n';
        }
        let mut start = 16;
        loop {
            start -= 1;
            if let Some(d) = bytes.get_mut(start) {
                *d = HEX[(n & 0xf) as usize];
            }
            n >>= 4;
            if n == 0 {
                break;
            }
        }
        HexLine {
            bytes,
            start: start as u8,
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        super::within(&self.bytes, usize::from(self.start)..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only_and_checked() {
        assert_eq!(parse_decimal(b"0"), Ok(0));
        assert_eq!(parse_decimal(b"003"), Ok(3));
        assert_eq!(parse_decimal(b"18446744073709551615"), Ok(u64::MAX));
        assert_eq!(parse_decimal(b"18446744073709551616"), Err(19));
        assert_eq!(parse_decimal(b"1000000000000000000000"), Err(20));
        assert_eq!(parse_decimal(b""), Err(0));
        assert_eq!(parse_decimal(b"+5"), Err(0));
        assert_eq!(parse_decimal(b"4 2"), Err(1));
        assert_eq!(parse_decimal(b"0x10"), Err(1));
    }

    /// Against the standard library's reading (an overflow is at the first
    /// digit whose prefix does not fit), at every length around the
    /// unchecked path's limit and with a bad byte anywhere.
    #[test]
    fn agrees_with_a_naive_reading() {
        use std::string::String;
        let naive = |text: &str| -> Result<u64, usize> {
            if text.is_empty() {
                return Err(0);
            }
            if let Some(bad) = text.bytes().position(|b| !b.is_ascii_digit()) {
                if text[..bad].parse::<u64>().is_ok() || bad == 0 {
                    return Err(bad);
                }
            }
            text.parse::<u64>().map_err(|_| {
                (1..=text.len())
                    .find(|&k| text[..k].parse::<u64>().is_err())
                    .map_or(text.len(), |k| k - 1)
            })
        };
        for len in 1..=22 {
            for fill in ['0', '1', '9'] {
                let mut text: String = core::iter::repeat_n(fill, len).collect();
                assert_eq!(parse_decimal(text.as_bytes()), naive(&text), "{text}");
                for at in 0..len {
                    for bad in ['/', ':', ' ', 'a'] {
                        let saved = text.remove(at);
                        text.insert(at, bad);
                        assert_eq!(parse_decimal(text.as_bytes()), naive(&text), "{text}");
                        text.remove(at);
                        text.insert(at, saved);
                    }
                }
            }
        }
    }

    #[test]
    fn writes_numbers_back() {
        for n in [0, 1, 9, 10, 29769, 1 << 32, u64::MAX - 1, u64::MAX] {
            let decimal = Decimal::new(n);
            assert_eq!(parse_decimal(decimal.as_bytes()), Ok(n));
            assert_ne!(decimal.as_bytes().first(), Some(&b'0').filter(|_| n != 0));
            let line = HexLine::new(n);
            let hex = line.as_bytes().strip_suffix(b"\r\n").unwrap();
            let text = core::str::from_utf8(hex).unwrap();
            assert_eq!(u64::from_str_radix(text, 16), Ok(n));
            assert!(!text.starts_with('0') || n == 0);
            assert!(text.bytes().all(|b| !b.is_ascii_uppercase()));
        }
        assert_eq!(Decimal::new(0).as_bytes(), b"0");
        assert_eq!(HexLine::new(0).as_bytes(), b"0\r\n");
        assert_eq!(HexLine::new(255).as_bytes(), b"ff\r\n");
    }
}
