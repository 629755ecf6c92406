//! Fuzzy matching of unknown names, one country at a time (the countries the article is
//! about), built on first use: symmetric-delete indexes over the spelling-variant key
//! ([`crate::keys::translit_key`]) and the consonant skeleton ([`crate::keys::skeleton`]).
//! Every candidate has a cost: 0.5 for an equal variant key ("Kandagi" = "Kandadji" once dj,
//! j and soft g fall together), more for one or two edits; short names need closer matches.

use crate::Feature;
use crate::keys::{damerau, deletions, hash, name_key, skeleton, translit_key};
use crate::store::{NONE, Store};

const SEED_T: u64 = 11;
const SEED_TD: u64 = 12;
const SEED_S: u64 = 13;
const SEED_SD: u64 = 14;

/// Above this many entries a country gets no deletion neighbourhoods (memory), only equal keys.
const FULL_INDEX_LIMIT: usize = 400_000;

/// The fuzzy index of one country.
#[derive(Debug, Default)]
pub(crate) struct FuzzyIndex {
    pairs: Vec<(u64, u32)>,
}

impl FuzzyIndex {
    pub fn build(store: &Store, cc: u16) -> Self {
        let entries: Vec<u32> = (0..store.e.len() as u32)
            .filter(|&e| {
                let i = e as usize;
                store.e.cc[i] == cc && store.e.redirect[i] == NONE && store.e.feature[i] != Feature::Country
            })
            .collect();
        let full = entries.len() <= FULL_INDEX_LIMIT;
        let mut pairs = Vec::with_capacity(entries.len() * if full { 12 } else { 2 });
        for e in entries {
            let mut seen: Vec<String> = Vec::new();
            for n in store.e.names_of(e) {
                let t = translit_key(&name_key(n));
                if t.len() < 3 || seen.contains(&t) {
                    continue;
                }
                let s = skeleton(&t);
                pairs.push((hash(&t, SEED_T), e));
                pairs.push((hash(&s, SEED_S), e));
                if full {
                    for d in deletions(&t) {
                        pairs.push((hash(&d, SEED_TD), e));
                    }
                    for d in deletions(&s) {
                        pairs.push((hash(&d, SEED_SD), e));
                    }
                }
                seen.push(t);
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        FuzzyIndex { pairs }
    }

    fn get(&self, h: u64, out: &mut Vec<u32>) {
        let lo = self.pairs.partition_point(|p| p.0 < h);
        for p in &self.pairs[lo..] {
            if p.0 != h {
                break;
            }
            out.push(p.1);
        }
    }
}

/// Candidates for `name` in country `cc`, with their cost (lower is closer), best first.
pub(crate) fn candidates(store: &Store, cc: u16, name: &str) -> Vec<(u32, f64)> {
    let Some(slot) = store.fuzzy.get(&cc) else { return Vec::new() };
    let index = slot.get_or_init(|| FuzzyIndex::build(store, cc));
    let qt = translit_key(&name_key(name));
    if qt.len() < 4 {
        return Vec::new();
    }
    let qs = skeleton(&qt);
    let mut found = Vec::new();
    index.get(hash(&qt, SEED_T), &mut found);
    index.get(hash(&qt, SEED_TD), &mut found);
    index.get(hash(&qs, SEED_S), &mut found);
    index.get(hash(&qs, SEED_SD), &mut found);
    for d in deletions(&qt) {
        index.get(hash(&d, SEED_T), &mut found);
        index.get(hash(&d, SEED_TD), &mut found);
    }
    for d in deletions(&qs) {
        index.get(hash(&d, SEED_S), &mut found);
        index.get(hash(&d, SEED_SD), &mut found);
    }
    found.sort_unstable();
    found.dedup();
    let mut out = Vec::new();
    for e in found {
        let mut best: Option<f64> = None;
        for n in store.e.names_of(e) {
            let t = translit_key(&name_key(n));
            if let Some(c) = cost(&qt, &qs, &t) {
                best = Some(best.map_or(c, |b: f64| b.min(c)));
            }
        }
        if let Some(c) = best {
            out.push((e, c));
        }
    }
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then(store.e.gid[a.0 as usize].cmp(&store.e.gid[b.0 as usize])));
    out
}

/// The cost of reading the query (variant key `qt`, skeleton `qs`) as a name whose variant
/// key is `t`; `None` when too far.
pub(crate) fn cost(qt: &str, qs: &str, t: &str) -> Option<f64> {
    if qt == t {
        return Some(0.5);
    }
    let len = qt.len().max(t.len());
    let first_same = qt.as_bytes().first() == t.as_bytes().first();
    let dt = damerau(qt, t);
    if dt == 1 && len >= 5 {
        return Some(1.5);
    }
    if dt == 2 && len >= 8 && first_same {
        return Some(2.5);
    }
    let s = skeleton(t);
    let ds = damerau(qs, &s);
    let sim = 1.0 - dt as f64 / len as f64;
    if ds <= 1 && first_same && qs.len() >= 3 && s.len() >= 3 && sim >= 0.55 && len >= 5 {
        return Some(2.0 + ds as f64 + (1.0 - sim) * 3.0);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a: &str, b: &str) -> Option<f64> {
        let qt = translit_key(&name_key(a));
        cost(&qt, &skeleton(&qt), &translit_key(&name_key(b)))
    }

    #[test]
    fn costs() {
        assert_eq!(c("Kandagi", "Kandadji"), Some(0.5));
        assert_eq!(c("Kendadji", "Kandadji"), Some(1.5));
        assert!(c("Tabatol", "Tabelot").is_some());
        assert!(c("Tabalolt", "Tabelot").is_some());
        assert_eq!(c("Tera", "Tori"), None);
        assert_eq!(c("Niamey", "Maradi"), None);
    }
}
