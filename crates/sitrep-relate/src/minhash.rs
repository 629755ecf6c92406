//! MinHash signatures over word shingles, and LSH band keys for finding near-duplicates
//! without comparing every pair.
//!
//! Our own rather than `gaoya`/`probminhash`: a signature here is stored in the database and
//! compared across releases, so every hash must be fixed by this code (FNV-1a of each shingle,
//! then 64 SplitMix64-derived hash functions), not by a dependency's hasher; the whole
//! algorithm is 60 lines. `gaoya` also re-implements the same classic scheme.

use crate::hash::{fnv1a, hash_more, mix64};
use crate::tokens::folded_words;
use serde::{Deserialize, Serialize};

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Hash functions per signature.
pub const PERMUTATIONS: usize = 64;
/// LSH bands (rows per band = PERMUTATIONS / BANDS). 16 bands of 4 rows find pairs whose
/// Jaccard similarity is above about 0.5 with high probability (a pair at 0.5 shares a band
/// with probability 1 - (1 - 0.5^4)^16 = 0.64; at 0.7, 0.98).
pub const BANDS: usize = 16;

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature(pub Vec<u64>);

/// The hashed shingles of a text (for exact Jaccard on small inputs and for tests).
pub fn shingles(text: &str) -> Vec<u64> {
    let w = folded_words(text);
    if w.is_empty() {
        return Vec::new();
    }
    let k = SHINGLE.min(w.len());
    let mut out: Vec<u64> = w
        .windows(k)
        .map(|win| {
            let mut h = fnv1a(win[0].as_bytes());
            for x in &win[1..] {
                h = hash_more(h, x.as_bytes());
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Signature {
    /// The signature of `text` (an empty text gives all-`u64::MAX`).
    pub fn of(text: &str) -> Self {
        Self::of_shingles(&shingles(text))
    }

    /// The signature of a set of hashed shingles.
    pub fn of_shingles(sh: &[u64]) -> Self {
        let mut sig = vec![u64::MAX; PERMUTATIONS];
        for &s in sh {
            for (i, slot) in sig.iter_mut().enumerate() {
                let h = mix64(s ^ mix64(i as u64 + 1));
                if h < *slot {
                    *slot = h;
                }
            }
        }
        Signature(sig)
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.0.is_empty() || self.0.len() != other.0.len() || self.0[0] == u64::MAX || other.0[0] == u64::MAX {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// LSH keys, one per band: two texts sharing a key are near-duplicate candidates. Keys are
    /// strings (`b03:9f2c...`) so a store can index them in an ordinary table.
    pub fn band_keys(&self) -> Vec<String> {
        if self.0.len() != PERMUTATIONS || self.0[0] == u64::MAX {
            return Vec::new();
        }
        let rows = PERMUTATIONS / BANDS;
        self.0
            .chunks(rows)
            .enumerate()
            .map(|(b, chunk)| {
                let mut h = fnv1a(&[b as u8]);
                for v in chunk {
                    h = hash_more(h, &v.to_le_bytes());
                }
                format!("b{b:02}:{h:016x}")
            })
            .collect()
    }
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Armed men on pickup trucks attacked the market of Dunkassa on Sunday, burning stalls and killing \
                     four traders, the district commissioner said. Residents fled toward the river while soldiers \
                     from the nearby camp arrived two hours later and exchanged fire with the attackers.";

    #[test]
    fn near_copy_scores_high_and_shares_a_band() {
        let b = A.replace("Sunday", "Sunday morning").replace("Residents fled", "Many residents fled");
        let (sa, sb) = (Signature::of(A), Signature::of(&b));
        let exact = jaccard(&shingles(A), &shingles(&b));
        assert!(exact > 0.6, "{exact}");
        assert!((sa.similarity(&sb) - exact).abs() < 0.2);
        let ka = sa.band_keys();
        assert_eq!(ka.len(), BANDS);
        assert!(sb.band_keys().iter().any(|k| ka.contains(k)));
    }

    #[test]
    fn unrelated_texts_score_low() {
        let c = "The central bank raised its lending rate by half a point on Tuesday, citing inflation in food \
                 and fuel prices, and said further increases were possible before the end of the year.";
        assert!(Signature::of(A).similarity(&Signature::of(c)) < 0.1);
        assert_eq!(Signature::of("").band_keys(), Vec::<String>::new());
    }
}
