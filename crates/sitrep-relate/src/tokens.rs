//! Words with their positions, folded forms and whether they open a sentence.

use sitrep_text::{Span, fold, sentences};

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it is (bytes of the text it was cut from).
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// True for the first word of a sentence (its capital tells nothing).
    pub opens_sentence: bool,
}

impl Word<'_> {
    /// Lowercase ASCII form ("Tillabéri" -> "tillaberi").
    pub fn folded(&self) -> String {
        fold(self.text)
    }
    /// True when the word starts with a capital letter or carries one inside ("al-Qaeda").
    pub fn is_capitalised(&self) -> bool {
        let mut chars = self.text.chars();
        let first = chars.next().unwrap_or(' ');
        first.is_uppercase() || (first.is_lowercase() && self.text.chars().skip(1).any(char::is_uppercase))
    }
    /// True when the word is a number written in digits.
    pub fn is_digits(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text`, in order. A word is a run of letters and digits; an apostrophe or a
/// hyphen between letters stays inside ("Niger's", "al-Qaeda"), and a comma or period between
/// digits too ("1,500", "2.5").
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for (si, s) in sentences(text).iter().enumerate() {
        let base = s.span.start;
        let piece = &text[s.span.start..s.span.end];
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        let mut i = 0;
        let mut first = true;
        while i < chars.len() {
            if !is_word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                if is_word_char(c) {
                    j += 1;
                    continue;
                }
                let prev = chars[j - 1].1;
                let next = chars.get(j + 1).map(|p| p.1);
                let joins = match c {
                    '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                    ',' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                };
                if joins {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(piece.len(), |p| p.0);
            out.push(Word { text: &piece[start..end], span: Span::new(base + start, base + end), sentence: si, opens_sentence: first });
            first = false;
            i = j;
        }
    }
    out
}

/// Lowercase ASCII words of `text` with possessive endings removed: the unit of shingles and
/// lexical comparisons.
pub fn folded_words(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .map(|w| {
            let f = w.folded();
            f.strip_suffix("'s").map(str::to_string).unwrap_or(f)
        })
        .collect()
}

/// Common words that are capitalised only because they open a sentence or a headline, plus
/// words that are capitalised in news without naming anything specific (weekdays, months,
/// titles). A capitalised word in this list is never a name fact.
pub const NOT_NAMES: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "let",
    "many",
    "may",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "never",
    "nevertheless",
    "new",
    "no",
    "nor",
    "not",
    "notably",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "per",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
    "additionally",
    "currently",
    "instead",
    "overall",
    "amid",
    // weekdays and months (dates are compared as dates, not as names)
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "jan",
    "feb",
    "aug",
    "oct",
    "nov",
    "dec",
    // titles and generic office words
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "capt",
    "captain",
    "sgt",
    "president",
    "minister",
    "ministry",
    "prime",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "police",
    "officer",
    "officers",
    "sheriff",
    "chief",
    "department",
    "office",
    "authorities",
    "officials",
    "official",
    "government",
    "army",
    "military",
    "forces",
    "force",
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "source",
    "sources",
    "advertisement",
    "photo",
    "video",
    "read",
    "image",
    "click",
    "share",
    "related",
    "breaking",
    "update",
    "updated",
    "news",
    "report",
    "reports",
];

/// True when the folded word is in [`NOT_NAMES`].
pub fn is_not_name(folded: &str) -> bool {
    NOT_NAMES.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks() {
        let t = "Gunmen killed 1,500 cattle near al-Qaeda's camp. Police said it.";
        let ws: Vec<&str> = words(t).iter().map(|w| w.text).collect();
        assert_eq!(ws, vec!["Gunmen", "killed", "1,500", "cattle", "near", "al-Qaeda's", "camp", "Police", "said", "it"]);
        let w = words(t);
        assert!(w[0].opens_sentence && w[7].opens_sentence && !w[1].opens_sentence);
        assert!(w[5].is_capitalised() && !w[4].is_capitalised());
        assert_eq!(&t[w[2].span.start..w[2].span.end], "1,500");
    }

    #[test]
    fn folded_words_drop_possessives() {
        assert_eq!(folded_words("Ségou's mayor"), vec!["segou", "mayor"]);
    }
}
