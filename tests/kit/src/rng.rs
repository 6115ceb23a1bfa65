//! A small deterministic generator for tests that pick cases at random:
//! the same cases on every run and every machine, no dependency.

/// Marsaglia's xorshift64: seed it with any non-zero number.
#[derive(Clone, Debug)]
pub struct XorShift(pub u64);

impl XorShift {
    /// The next number below `n` (at least 1).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
