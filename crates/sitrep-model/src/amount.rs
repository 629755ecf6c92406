//! A number as a news text states it: exact, bounded, approximate or vague.

use serde::{Deserialize, Serialize};

/// A count with its uncertainty, in the contract's low / best / high form.
///
/// - exact N: N / N / N;
/// - "at least", "over", "more than" N: low N, best N, high `None` (open-ended);
/// - "about", "approximately", "around" N: low <= N <= high, best N, `vague`;
/// - "nearly", "almost", "up to" N: high N;
/// - vague words ("dozens", "several dozen", "hundreds"): a documented range, `vague`.
///
/// `stated` is the figure the text itself gives, the one ACLED's conservative convention
/// counts ("over 100" and "approximately 100" state 100; "dozens" states 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// Lowest plausible value.
    pub low: u64,
    /// Best estimate.
    pub best: u64,
    /// Highest plausible value; `None` when open-ended.
    pub high: Option<u64>,
    /// True for approximate or vague amounts.
    pub vague: bool,
    /// The figure the text states (ACLED's conservative reading).
    pub stated: u64,
}

impl Amount {
    /// An exact count.
    pub const fn exact(n: u64) -> Self {
        Amount { low: n, best: n, high: Some(n), vague: false, stated: n }
    }
    /// "at least N": low N, best N, open high.
    pub const fn at_least(n: u64) -> Self {
        Amount { low: n, best: n, high: None, vague: false, stated: n }
    }
    /// True when `n` lies in `[low, high]`.
    pub fn admits(&self, n: u64) -> bool {
        self.low <= n && self.high.is_none_or(|h| n <= h)
    }
    /// True when the two ranges share a value.
    pub fn overlaps(&self, other: &Amount) -> bool {
        self.low <= other.high.unwrap_or(u64::MAX) && other.low <= self.high.unwrap_or(u64::MAX)
    }
}
