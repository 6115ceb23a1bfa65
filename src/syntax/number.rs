//! Checked decimal numbers: Content-Length = 1*DIGIT, fitting in 64 bits.

/// Parse 1*DIGIT into a u64. `Err(i)` is the index of the first byte that is
/// not a digit, or of the digit that makes the number overflow; an empty
/// input is `Err(0)`. Leading zeros are fine.
pub(crate) fn parse_decimal(bytes: &[u8]) -> Result<u64, usize> {
    if bytes.is_empty() {
        return Err(0);
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
}
