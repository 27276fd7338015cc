//! A small deterministic pseudo-random generator (SplitMix64).
//!
//! The demo data must be byte-identical on every platform and with every
//! dependency version, so it cannot use `rand` (whose streams change between
//! releases). SplitMix64 is a fixed, published algorithm (Steele, Lea and Flood,
//! 2014): a 64-bit counter passed through a mixing function. Only integer
//! arithmetic is used, so nothing depends on floating-point behaviour.

#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    #[cfg(test)]
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for item `n` of family `label`: the streams do not
    /// shift when another family draws more or fewer numbers.
    pub(crate) fn stream(seed: u64, label: u64, n: u64) -> Rng {
        Rng(mix(seed
            ^ mix(
                label.wrapping_mul(GAMMA) ^ mix(n.wrapping_add(GAMMA))
            )))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }

    /// Uniform in `0..n` (0 when `n` is 0), by Lemire's multiply-shift.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// True with probability `percent`/100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A uniformly chosen index into a slice of length `len` (0 when empty).
    pub(crate) fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A uniformly chosen item. The slices passed here are non-empty constants.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = self.index(items.len());
        items[i]
    }

    /// An item chosen with the given integer weights (non-empty, total > 0).
    pub(crate) fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut ticket = self.below(total);
        for (item, weight) in items {
            let weight = u64::from(*weight);
            if ticket < weight {
                return *item;
            }
            ticket -= weight;
        }
        items[items.len() - 1].0
    }

    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }

    /// `count` lowercase hex digits.
    pub(crate) fn hex(&mut self, count: usize) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(count);
        let mut bits = 0u64;
        for i in 0..count {
            if i % 16 == 0 {
                bits = self.next_u64();
            }
            out.push(char::from(HEX[(bits & 0xf) as usize]));
            bits >>= 4;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_fixed() {
        // Reference values of SplitMix64 seeded with 0 (from the published C code).
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn helpers_stay_in_range() {
        let mut rng = Rng::new(7);
        for _ in 0..1000 {
            assert!(rng.below(3) < 3);
            let r = rng.range(-2, 2);
            assert!((-2..=2).contains(&r));
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.hex(64).len(), 64);
    }
}
