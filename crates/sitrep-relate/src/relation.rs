//! How two articles relate: near duplicate, derivative rewrite, independent report, or
//! unrelated.
//!
//! - **Near duplicate**: the same text with small edits (MinHash estimate of the Jaccard
//!   similarity of 4-word shingles at or above [`NEAR_DUPLICATE`]).
//! - **Derivative**: the copy's facts (figures, names, cited sources, quotes; see
//!   [`crate::facts`]) are nearly all in the original ([`DERIVATIVE_COVERAGE`] of their weight),
//!   in much the same order, and the copy brings no source, no quote and at most one figure of
//!   its own. Re-wording does not matter; an AI rewrite of a report is derivative.
//! - **Independent**: the two tell the same story (shared figures and names) but neither is
//!   derivative of the other: other sources, other details.
//! - **Unrelated**: otherwise.
//!
//! Direction: the copy is the article whose facts are contained in the other's. When both
//! contain each other (or for near duplicates), the original is the earlier published, then the
//! one with more facts, then the smaller id; a copy is never published before its original
//! when both dates are known. [`compare`] is symmetric: `compare(a, b) == compare(b, a)`.

use crate::facts::{Fact, FactKind, citations, facts};
use crate::hash::hash_str;
use crate::kind::{KindReading, read_kind};
use crate::minhash::Signature;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::article::Article;
use std::collections::HashMap;

/// Shingle similarity at or above which two texts are near duplicates.
pub const NEAR_DUPLICATE: f64 = 0.6;
/// Share of the copy's fact weight that must be in the original for a derivative.
pub const DERIVATIVE_COVERAGE: f64 = 0.8;
/// Share of the shared facts that must keep the original's order.
pub const DERIVATIVE_ORDER: f64 = 0.5;
/// Least fact weight of a copy (a three-line brief is too thin to call a rewrite).
pub const MIN_COPY_WEIGHT: f64 = 10.0;

/// What relating needs to know about one article; small enough to store beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The article id.
    pub article_id: String,
    /// Hash of the cleaned text.
    pub content_hash: u64,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// MinHash of the cleaned text's shingles.
    pub signature: Signature,
    /// Facts in order of first appearance.
    pub facts: Vec<Fact>,
    /// Every word of every cited noun phrase, sorted ("governor", "moussa", "regional"): a
    /// copy citing "the governor" where the original cites "governor Moussa Adamou" brings no
    /// new source.
    pub source_words: Vec<String>,
    /// Report or commentary, with its counts.
    pub kind: KindReading,
    /// Sentence embedding of the title and lead, when the model is available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding: Option<Vec<f32>>,
}

impl Fingerprint {
    /// The fingerprint of an ingested article (its cleaned text).
    pub fn of(article: &Article) -> Self {
        Self::from_text(&article.id, &article.text, article.published)
    }

    /// The fingerprint of a text.
    pub fn from_text(id: &str, text: &str, published: Option<NaiveDate>) -> Self {
        Fingerprint {
            article_id: id.to_string(),
            content_hash: hash_str(text),
            published,
            signature: Signature::of(text),
            facts: facts(text),
            source_words: {
                let mut w: Vec<String> = citations(text).into_iter().flat_map(|c| c.words).collect();
                w.sort();
                w.dedup();
                w
            },
            kind: read_kind(text),
            embedding: None,
        }
    }

    /// LSH keys for finding near-duplicate candidates in a store.
    pub fn lsh_keys(&self) -> Vec<String> {
        self.signature.band_keys()
    }

    /// Total fact weight.
    pub fn weight(&self) -> f64 {
        self.facts.iter().map(|f| f.kind.weight()).sum()
    }
}

/// The kind of relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Nearly the same text.
    NearDuplicate,
    /// The same facts re-told.
    Derivative,
    /// The same story, separately sourced.
    Independent,
    /// Different stories.
    Unrelated,
}

impl RelationKind {
    /// True when the copy is not independent corroboration of the original.
    pub const fn is_copy(self) -> bool {
        matches!(self, RelationKind::NearDuplicate | RelationKind::Derivative)
    }
}

/// How much of one article's facts another holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Containment {
    /// Share of the fact weight found in the other.
    pub coverage: f64,
    /// Share of the shared facts in the other's order (longest increasing run).
    pub order: f64,
    /// Cited sources the other does not have.
    pub new_sources: u32,
    /// Quotes the other does not have.
    pub new_quotes: u32,
    /// Figures the other does not have.
    pub new_numbers: u32,
    /// Figures both have.
    pub shared_numbers: u32,
    /// Names both have.
    pub shared_names: u32,
    /// Total fact weight.
    pub weight: f64,
}

/// The relation of two articles, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Which relation.
    pub kind: RelationKind,
    /// For a near duplicate or derivative, the copy; otherwise the smaller id.
    pub copy: String,
    /// For a near duplicate or derivative, the original; otherwise the larger id.
    pub original: String,
    /// Estimated shingle similarity.
    pub text_similarity: f64,
    /// The copy's facts in the original.
    pub copy_in_original: Containment,
    /// The original's facts in the copy.
    pub original_in_copy: Containment,
}

/// How much of `a`'s facts `b` holds. A cited source of `a` counts as held when `b` cites
/// it, names it, or has it among the words of its own citations.
pub fn containment(a: &Fingerprint, b: &Fingerprint) -> Containment {
    let pos: HashMap<&Fact, usize> = b.facts.iter().enumerate().map(|(i, f)| (f, i)).collect();
    let mut c = Containment::default();
    let mut shared_w = 0.0;
    let mut seq = Vec::new();
    for f in &a.facts {
        c.weight += f.kind.weight();
        let found = pos.get(f).copied().or_else(|| {
            (f.kind == FactKind::Source)
                .then(|| {
                    let as_name = Fact { kind: FactKind::Name, key: f.key.clone() };
                    pos.get(&as_name).copied().or_else(|| b.source_words.binary_search(&f.key).ok().map(|_| usize::MAX))
                })
                .flatten()
        });
        match found {
            Some(p) => {
                shared_w += f.kind.weight();
                if p != usize::MAX {
                    seq.push(p);
                }
                match f.kind {
                    FactKind::Number => c.shared_numbers += 1,
                    FactKind::Name => c.shared_names += 1,
                    _ => {}
                }
            }
            None => match f.kind {
                FactKind::Source => c.new_sources += 1,
                FactKind::Quote => c.new_quotes += 1,
                FactKind::Number => c.new_numbers += 1,
                _ => {}
            },
        }
    }
    c.coverage = if c.weight > 0.0 { shared_w / c.weight } else { 0.0 };
    c.order = if seq.is_empty() { 0.0 } else { lis(&seq) as f64 / seq.len() as f64 };
    c
}

/// Length of the longest strictly increasing subsequence.
fn lis(seq: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in seq {
        match tails.binary_search(&x) {
            Ok(_) => {}
            Err(i) if i == tails.len() => tails.push(x),
            Err(i) => tails[i] = x,
        }
    }
    tails.len()
}

fn tells_same_story(c: &Containment, text_similarity: f64) -> bool {
    (c.shared_numbers >= 1 && c.shared_names >= 2) || c.shared_names >= 4 || text_similarity >= 0.3
}

fn derivative(copy: &Fingerprint, c: &Containment, original: &Fingerprint, text_similarity: f64) -> bool {
    let too_early = matches!((copy.published, original.published), (Some(a), Some(b)) if a < b);
    !too_early
        && tells_same_story(c, text_similarity)
        && c.weight >= MIN_COPY_WEIGHT
        && c.coverage >= DERIVATIVE_COVERAGE
        && c.order >= DERIVATIVE_ORDER
        && c.new_sources == 0
        && c.new_quotes == 0
        && c.new_numbers <= 1
}

/// True when `a` is the original of the pair under the tie rules (earlier, then more facts,
/// then smaller id).
fn a_is_original(a: &Fingerprint, b: &Fingerprint) -> bool {
    if let (Some(pa), Some(pb)) = (a.published, b.published)
        && pa != pb
    {
        return pa < pb;
    }
    let (wa, wb) = (a.weight(), b.weight());
    if wa != wb {
        return wa > wb;
    }
    a.article_id < b.article_id
}

/// How `a` and `b` relate. Symmetric.
pub fn compare(a: &Fingerprint, b: &Fingerprint) -> Relation {
    let sim = a.signature.similarity(&b.signature);
    let ab = containment(a, b);
    let ba = containment(b, a);
    let a_copy = derivative(a, &ab, b, sim);
    let b_copy = derivative(b, &ba, a, sim);
    let near = sim >= NEAR_DUPLICATE && a.content_hash != 0;
    let (kind, a_is_copy) = if near {
        (RelationKind::NearDuplicate, !a_is_original(a, b))
    } else if a_copy && b_copy {
        (RelationKind::Derivative, !a_is_original(a, b))
    } else if a_copy {
        (RelationKind::Derivative, true)
    } else if b_copy {
        (RelationKind::Derivative, false)
    } else if tells_same_story(&ab, sim) || tells_same_story(&ba, sim) {
        (RelationKind::Independent, a.article_id < b.article_id)
    } else {
        (RelationKind::Unrelated, a.article_id < b.article_id)
    };
    if a_is_copy {
        Relation {
            kind,
            copy: a.article_id.clone(),
            original: b.article_id.clone(),
            text_similarity: sim,
            copy_in_original: ab,
            original_in_copy: ba,
        }
    } else {
        Relation {
            kind,
            copy: b.article_id.clone(),
            original: a.article_id.clone(),
            text_similarity: sim,
            copy_in_original: ba,
            original_in_copy: ab,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Our own small story, told three ways.
    const WIRE: &str = "Gunmen on motorcycles attacked the village of Tamou on Sunday, killing 14 civilians and wounding 9, \
        the regional governor Moussa Adamou said. The attackers also burned 30 granaries before fleeing toward the Mekrou river. \
        Adamou said troops from the Say garrison reached Tamou four hours later. \
        \"We buried them this morning,\" a villager named Issa Garba told the radio station Anfani.";
    const REWRITE: &str = "Tamou, a quiet farming village, was struck on Sunday by gunmen riding motorcycles. Fourteen civilians lost \
        their lives and nine more were hurt, according to the regional governor, Moussa Adamou. Before escaping toward the \
        Mekrou river, the assailants set fire to thirty granaries. Troops from Say only arrived four hours after the assault.";
    const OTHER: &str = "At least 12 people died when armed men raided Tamou on Sunday, two residents told AFP, while a health worker \
        in Say said 11 wounded had been brought to the clinic and the governor's office later put the toll at 14. The army has not commented. Local herders said the raiders \
        came from across the border with Benin and took 200 head of cattle. Tamou lies 90 kilometres south of Niamey.";

    #[test]
    fn a_rewrite_is_derivative_of_its_original() {
        let w = Fingerprint::from_text("wire", WIRE, NaiveDate::from_ymd_opt(2024, 3, 4));
        let r = Fingerprint::from_text("rewrite", REWRITE, None);
        let rel = compare(&r, &w);
        assert_eq!(rel.kind, RelationKind::Derivative, "{rel:#?}");
        assert_eq!((rel.copy.as_str(), rel.original.as_str()), ("rewrite", "wire"));
        assert_eq!(compare(&w, &r), rel);
    }

    #[test]
    fn a_separately_sourced_report_is_independent() {
        let w = Fingerprint::from_text("wire", WIRE, NaiveDate::from_ymd_opt(2024, 3, 4));
        let o = Fingerprint::from_text("other", OTHER, NaiveDate::from_ymd_opt(2024, 3, 4));
        let rel = compare(&o, &w);
        assert_eq!(rel.kind, RelationKind::Independent, "{rel:#?}");
        assert!(rel.copy_in_original.new_sources >= 2);
    }

    #[test]
    fn a_near_copy_points_at_the_earlier_article() {
        let copy = WIRE.replace("on Sunday", "on Sunday evening");
        let a = Fingerprint::from_text("a", &copy, NaiveDate::from_ymd_opt(2024, 3, 5));
        let w = Fingerprint::from_text("wire", WIRE, NaiveDate::from_ymd_opt(2024, 3, 4));
        let rel = compare(&w, &a);
        assert_eq!(rel.kind, RelationKind::NearDuplicate);
        assert_eq!(rel.copy, "a");
    }

    #[test]
    fn a_copy_cannot_predate_its_original() {
        let w = Fingerprint::from_text("wire", WIRE, NaiveDate::from_ymd_opt(2024, 3, 4));
        let r = Fingerprint::from_text("rewrite", REWRITE, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_ne!(compare(&r, &w).kind, RelationKind::Derivative);
    }

    #[test]
    fn different_stories_are_unrelated() {
        let w = Fingerprint::from_text("wire", WIRE, None);
        let x = Fingerprint::from_text(
            "x",
            "The parliament in Accra passed the budget on Thursday after a 14-hour debate, the speaker Alban Bagbin said.",
            None,
        );
        assert_eq!(compare(&w, &x).kind, RelationKind::Unrelated);
    }
}
