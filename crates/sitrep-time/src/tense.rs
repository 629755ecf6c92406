//! Tense of the words around an expression: decides between the last and the next Thursday,
//! or last year's and next year's 28 September, when the text does not say.
//!
//! Each word of the sentence is marked past ("said", "was", "attacked"), future ("will",
//! "would", "scheduled", "expected") or neither; an expression takes the mark nearest to it
//! within [`WINDOW`] tokens, the one before it unless the one after is more than
//! [`LEFT_BONUS`] tokens closer (a time adverbial mostly follows its verb: "was shot by her
//! brother Thursday night, is expected to recover"). "until" right before it is a deadline
//! ahead; a verb of saying across a comma or a quotation mark counts only when nothing else
//! does.

use crate::lex::{Kind, Tok};
use crate::sem::Tense;

/// How far (in tokens) a tense marker may be from the expression.
const WINDOW: usize = 10;

/// A mark before the expression wins over one after it unless that one is this much closer.
const LEFT_BONUS: usize = 2;

/// Future markers.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "won't",
    "wo",
    "going",
    "planning",
    "scheduled",
    "expect",
    "expects",
    "expected",
    "upcoming",
    "slated",
    "intends",
    "intend",
    "aims",
    "next",
    "tomorrow",
    "soon",
    "ahead",
    "prochain",
    "prochaine",
    "sera",
    "seront",
    "doit",
    "doivent",
    "devrait",
];

/// Irregular past forms (and other words that date a clause in the past).
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "took",
    "came",
    "went",
    "made",
    "gave",
    "met",
    "left",
    "fell",
    "rose",
    "began",
    "held",
    "found",
    "got",
    "saw",
    "won",
    "lost",
    "ran",
    "shot",
    "struck",
    "fought",
    "sent",
    "brought",
    "thought",
    "became",
    "broke",
    "led",
    "kept",
    "paid",
    "sold",
    "spent",
    "stood",
    "wrote",
    "knew",
    "fled",
    "stole",
    "seized",
    "slew",
    "overran",
    "hid",
    "drove",
    "rode",
    "blew",
    "threw",
    "caught",
    "burnt",
    "ago",
    "last",
    "yesterday",
    "since",
    "dernier",
    "derniere",
    "hier",
    "ont",
    "avait",
    "avaient",
    "\u{e9}tait",
    "\u{e9}taient",
    "fut",
    "furent",
];

/// "-ed" words that are not past verbs in news.
const NOT_PAST: &[&str] =
    &["need", "indeed", "hundred", "red", "bed", "led", "armed", "based", "related", "united", "limited", "used", "speed"];

/// One mark per token.
pub(crate) fn marks(toks: &[Tok<'_>]) -> Vec<Option<Tense>> {
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            if t.kind != Kind::Word {
                return None;
            }
            let k = t.key;
            // "had been due to", "had been scheduled to": a plan of the past.
            let had_been = i >= 2 && toks[i - 1].key == "been" && toks[i - 2].key == "had";
            if had_been {
                return Some(Tense::Past);
            }
            // "would-be robber" is no future.
            let compound = toks.get(i + 1).is_some_and(|n| n.kind == Kind::Punct && n.ch == '-' && n.start == t.end);
            if !compound && (k.ends_with("'ll") || k.ends_with("\u{2019}ll") || FUTURE.contains(&k)) {
                // "due to", "set to" only before a verb: next word "to".
                return Some(Tense::Future);
            }
            let before_to = toks.get(i + 1).is_some_and(|n| n.key == "to");
            if before_to
                && matches!(
                    k,
                    "due" | "set" | "poised" | "likely" | "is" | "are" | "am" | "plan" | "plans" | "planned" | "schedule" | "intended"
                )
            {
                return Some(Tense::Future);
            }
            // "as early as Tuesday", "as soon as Monday"
            if matches!(k, "early" | "soon") && i > 0 && toks[i - 1].key == "as" {
                return Some(Tense::Future);
            }
            if k.ends_with("'d") {
                return Some(Tense::Future);
            }
            // A participle after "be", "been", "will"... is no past tense ("to be completed").
            let participle = i >= 1
                && matches!(toks[i - 1].key, "be" | "been" | "being" | "is" | "are" | "am" | "to" | "will" | "would" | "get" | "gets");
            if participle {
                return None;
            }
            if PAST.contains(&k) {
                return Some(Tense::Past);
            }
            // "-ed" verbs; not adjectives such as "unspecified", "unexpected".
            if !t.cap && k.len() >= 5 && k.ends_with("ed") && !k.ends_with("eed") && !k.starts_with("un") && !NOT_PAST.contains(&k) {
                return Some(Tense::Past);
            }
            None
        })
        .collect()
}

/// Verbs of saying: the tense of the report, not of what it tells.
const REPORTING: &[&str] = &["said", "told", "added", "stated", "announced", "reported", "explained", "insisted", "warned"];

/// The expression on tokens `s..e` dates a statement: it follows a verb of saying ("police
/// said Thursday", "officials confirmed on Monday"), and is not the subject of what was said
/// ("the army said May 12 was the deadliest day").
pub(crate) fn after_saying(toks: &[Tok<'_>], s: usize, e: usize) -> bool {
    let j = if s > 0 && toks[s - 1].key == "on" { s - 1 } else { s };
    let subject = toks.get(e).is_some_and(|t| matches!(t.key, "was" | "were" | "is" | "are" | "had" | "has" | "will" | "would"));
    j > 0
        && !subject
        && toks[j - 1].kind == Kind::Word
        && (REPORTING.contains(&toks[j - 1].key) || matches!(toks[j - 1].key, "says" | "say" | "confirmed" | "tells" | "announces"))
}

/// The tense nearest to tokens `s..e`. A verb of saying on the other side of a comma or a
/// quotation mark ("... on Thursday,'' Castro said") speaks for the report, not for the
/// expression: it counts only when no other mark is in reach.
pub(crate) fn around(toks: &[Tok<'_>], marks: &[Option<Tense>], s: usize, e: usize) -> Tense {
    let mut fallback = None;
    let mut crossed_left = false;
    let mut crossed_right = false;
    let boundary = |t: &Tok<'_>| t.kind == Kind::Punct && matches!(t.ch, ',' | '"' | '\'' | ')' | '(' | ';' | ':');
    // "postponed until Tuesday": a deadline ahead ("until she saw" further away says nothing).
    if s > 0 && matches!(toks[s - 1].key, "until" | "till") {
        return Tense::Future;
    }
    let mut left = None;
    let mut right = None;
    for dist in 1..=WINDOW {
        if left.is_none() && s >= dist {
            let t = &toks[s - dist];
            if let Some(m) = marks[s - dist] {
                if crossed_left && REPORTING.contains(&t.key) {
                    fallback = fallback.or(Some(m));
                } else {
                    left = Some((dist, m));
                }
            }
            crossed_left |= boundary(t);
        }
        if right.is_none()
            && let Some(t) = toks.get(e + dist - 1)
        {
            if let Some(m) = marks[e + dist - 1] {
                if crossed_right && REPORTING.contains(&t.key) {
                    fallback = fallback.or(Some(m));
                } else {
                    right = Some((dist, m));
                }
            }
            crossed_right |= boundary(t);
        }
    }
    match (left, right) {
        (Some((dl, l)), Some((dr, r))) => return if dl <= dr + LEFT_BONUS { l } else { r },
        (Some((_, l)), None) => return l,
        (None, Some((_, r))) => return r,
        _ => {}
    }
    fallback.unwrap_or(Tense::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::tokenize;

    fn tense_of(s: &str, word: &str) -> Tense {
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, 0, s.len(), &mut v);
        let m = marks(&v);
        let i = v.iter().position(|t| &s[t.start..t.end] == word).unwrap();
        around(&v, &m, i, i + 1)
    }

    #[test]
    fn nearest_marker() {
        assert_eq!(tense_of("Gunmen attacked the village on Thursday", "Thursday"), Tense::Past);
        assert_eq!(tense_of("The council will meet on Thursday", "Thursday"), Tense::Future);
        assert_eq!(tense_of("He said on Monday that talks would resume Thursday", "Thursday"), Tense::Future);
        assert_eq!(tense_of("He said on Monday that talks would resume Thursday", "Monday"), Tense::Past);
        assert_eq!(tense_of("The vote is on Thursday", "Thursday"), Tense::Unknown);
    }
}
