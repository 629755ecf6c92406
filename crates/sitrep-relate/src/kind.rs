//! Commentary versus report.
//!
//! A commentary is mainly opinion, analysis and prescription: sentences that judge or tell
//! what ought to be done ("X is essential", "the government must ..."), in the writer's own
//! voice. A report tells what happened and who says so. A re-told report is still a report:
//! re-wording does not make opinion. A sentence that cites someone or quotes someone is
//! reporting even when the cited person prescribes ("the minister said troops must stay").

use crate::tokens::folded_words;
use serde::{Deserialize, Serialize};
use sitrep_model::taxonomy::ArticleKind;
use sitrep_text::sentences;

/// Phrases of the writer's own judgement or prescription (folded, matched on word
/// boundaries).
const OPINION: &[&str] = &[
    "must",
    "should",
    "ought to",
    "need to",
    "needs to",
    "is essential",
    "are essential",
    "will be essential",
    "is crucial",
    "are crucial",
    "is vital",
    "are vital",
    "is imperative",
    "is paramount",
    "is needed",
    "are needed",
    "is necessary",
    "is required",
    "it is time",
    "calls for",
    "call for",
    "underscores",
    "underscore",
    "highlights the need",
    "reminder of",
    "raises concerns",
    "raises questions",
    "raises serious",
    "remains to be seen",
    "in my view",
    "in our view",
    "i believe",
    "we believe",
    "i think",
    "we think",
    "arguably",
    "undoubtedly",
    "failure to",
    "the way forward",
    "it would be wise",
    "one can only",
    "let us",
    "we need",
    "is key to",
    "are key to",
    "is the key",
    "deserves",
    "unacceptable",
];

/// Marks of reporting: someone is cited.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "stated",
    "reported",
    "confirmed",
    "announced",
    "disclosed",
    "added",
    "statement",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "quoted",
    "claimed",
    "informed",
    "witnesses",
    "declared",
];

/// The reading of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindReading {
    /// Report or commentary.
    pub kind: ArticleKind,
    /// Sentences (of five words or more).
    pub sentences: u32,
    /// Sentences of the writer's own opinion or prescription.
    pub opinion: u32,
    /// Sentences citing or quoting someone.
    pub reporting: u32,
}

fn has_phrase(padded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let mut pat = String::with_capacity(p.len() + 2);
        pat.push(' ');
        pat.push_str(p);
        pat.push(' ');
        padded.contains(&pat)
    })
}

/// Reads whether `text` (an article's cleaned text) is commentary or a report.
///
/// Commentary when at least three sentences, and at least a fifth of all sentences, are the
/// writer's opinion or prescription, and they outnumber the sentences that cite someone.
pub fn read_kind(text: &str) -> KindReading {
    let (mut n, mut opinion, mut reporting) = (0u32, 0u32, 0u32);
    for s in sentences(text) {
        let piece = &text[s.span.start..s.span.end];
        let words = folded_words(piece);
        if words.len() < 5 {
            continue;
        }
        n += 1;
        let padded = format!(" {} ", words.join(" "));
        let quoted = piece.contains(['"', '\u{201C}', '\u{201D}', '\u{00AB}']);
        let cites = quoted || has_phrase(&padded, REPORTING);
        if cites {
            reporting += 1;
        } else if has_phrase(&padded, OPINION) {
            opinion += 1;
        }
    }
    let commentary = opinion >= 3 && f64::from(opinion) >= 0.2 * f64::from(n) && opinion > reporting;
    KindReading { kind: if commentary { ArticleKind::Commentary } else { ArticleKind::Report }, sentences: n, opinion, reporting }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_with_a_quoted_prescription_stays_a_report() {
        let t = "Gunmen killed six herders near Gadabeji on Saturday, the regional governor said. \
                 Police said the attackers fled on motorcycles toward the forest. \
                 \"The state must protect these communities,\" a local chief told reporters. \
                 Two of the wounded were taken to hospital in Maradi.";
        assert_eq!(read_kind(t).kind, ArticleKind::Report);
    }

    #[test]
    fn an_opinion_piece_is_commentary() {
        let t = "The killing of six herders near Gadabeji is a grim reminder of a failing strategy. \
                 Authorities must stop treating rural violence as a footnote to the war in the north. \
                 It is essential that grazing corridors are mapped and protected before the dry season. \
                 Donors should fund local mediation rather than more armoured vehicles. \
                 Failure to act now will only deepen the cycle of revenge between communities. \
                 Six herders died on Saturday, the governor said.";
        let r = read_kind(t);
        assert_eq!(r.kind, ArticleKind::Commentary, "{r:?}");
        assert_eq!(r.reporting, 1);
    }
}
