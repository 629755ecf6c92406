//! Sentence boundaries for news text.
//!
//! Rules: a line break always ends a sentence (cleaned articles keep one paragraph, headline
//! or bullet per line); `.`, `!`, `?` (with closing quotes or brackets after them) end one
//! when whitespace and an opening letter, digit or quote follow, except after titles
//! ("Gen.", "Mr."), initials ("J."), month abbreviations before a number ("Sept. 28") and
//! "a.m."/"p.m." before a lowercase word.

use crate::Span;

/// One sentence: its byte span in the text, trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
}

/// Words after which a period never ends a sentence (compared lowercased, without the dot).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "gov", "sen", "rep", "st", "prof", "rev", "fr",
    "hon", "pres", "gens", "adm", "cmdr", "brig", "insp", "supt", "det", "ofc", "atty", "mt", "ft", "no", "nos", "vs", "v", "e.g", "i.e",
    "approx", "dept", "univ", "jr", "sr", "messrs", "mme", "mlle", "cf", "al", "fig",
];
/// Month and weekday abbreviations: no break when a number follows ("Sept. 28").
const DATE_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun",
];

/// The sentences of `text`, in order. Every non-blank char belongs to exactly one sentence.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            // Closing punctuation after the mark belongs to this sentence.
            let mut j = i + 1;
            while j < bytes.len() {
                let rest = &text[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            if j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') && breaks_here(text, i, j) {
                push(text, start, j, &mut out);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence { span: Span::new(start + lead, end - trail) });
    }
}

/// Whether the mark at `mark` (closing punctuation up to `after`) ends a sentence.
fn breaks_here(text: &str, mark: usize, after: usize) -> bool {
    let next = text[after..].trim_start_matches([' ', '\t']);
    let Some(first) = next.chars().next() else { return true };
    let opens =
        first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}');
    if !opens {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..mark];
    // After the separator, whatever its width in bytes (U+2000 is whitespace too).
    let word_start =
        before.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"').map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    let lower = word.to_ascii_lowercase();
    let bare = lower.trim_start_matches(['\'', '\u{2018}']);
    if TITLES.contains(&bare) {
        return false;
    }
    // Initials: "J." and dotted abbreviations such as "U.S." stay inside the sentence when a
    // capitalised word follows that is not a usual sentence opener.
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && bare.chars().all(|c| c.is_alphabetic() || c == '.') && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if DATE_ABBR.contains(&bare) && first.is_ascii_digit() {
        return false;
    }
    if bare.contains('.') && bare.chars().all(|c| c.is_alphabetic() || c == '.') {
        // "a.m.", "U.S.", "U.N.": break only before a typical sentence opener.
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

/// Words that usually open a sentence (used after dotted abbreviations).
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "There",
    "Police",
    "Officials",
    "Authorities",
    "According",
    "After",
    "When",
    "His",
    "Her",
    "Their",
    "Its",
    "No",
    "Some",
    "Many",
    "Two",
    "Three",
    "One",
];

#[cfg(test)]
mod tests {
    #[test]
    fn wide_whitespace_before_a_period() {
        // U+2000 is whitespace three bytes wide: the word before the period starts after it.
        let text = "The a.\u{2000}lllt. 29,The end";
        let v = sentences(text);
        assert!(!v.is_empty());
    }

    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn splits_on_marks_and_lines() {
        assert_eq!(split("Troops arrived. They left!\nNext line"), vec!["Troops arrived.", "They left!", "Next line"]);
    }

    #[test]
    fn keeps_titles_initials_and_dates() {
        assert_eq!(split("Gen. Ali spoke on Sept. 28 in the town."), vec!["Gen. Ali spoke on Sept. 28 in the town."]);
        assert_eq!(split("Said J. Smith at 10 a.m. on Friday."), vec!["Said J. Smith at 10 a.m. on Friday."]);
        assert_eq!(split("It hit at 10 a.m. The army left."), vec!["It hit at 10 a.m.", "The army left."]);
        assert_eq!(split("U.S. forces left the U.S. The end."), vec!["U.S. forces left the U.S.", "The end."]);
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(split("\u{201C}We won.\u{201D} He said."), vec!["\u{201C}We won.\u{201D}", "He said."]);
    }

    #[test]
    fn lowercase_continuation_does_not_break() {
        assert_eq!(split("About 3 p.m. police came."), vec!["About 3 p.m. police came."]);
    }
}
