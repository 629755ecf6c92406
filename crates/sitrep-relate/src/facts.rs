//! The facts of an article, in order: numbers, names, who is cited, what is quoted.
//!
//! Two reports of one event share words; what tells a re-told copy from an independent report
//! is the *facts*: an independent report brings its own sources ("three sources told ..."), its
//! own figures (an early toll, a distance), its own names and quotes; a rewrite brings none and
//! keeps the original's order.

use crate::numbers::numbers;
use crate::tokens::{Word, is_not_name, words};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// What a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A figure of 2 or more (not a year).
    Number,
    /// A year.
    Year,
    /// A capitalised name (one folded word).
    Name,
    /// Who is cited: the head word of the cited source ("ministry", "reuters", "sources").
    Source,
    /// A direct quote of three words or more (its first words, folded).
    Quote,
}

impl FactKind {
    /// How much a fact of this kind weighs when comparing articles: sources and quotes are
    /// what sourcing is made of, figures are details, names are the weakest.
    pub const fn weight(self) -> f64 {
        match self {
            FactKind::Source | FactKind::Quote => 3.0,
            FactKind::Number => 2.0,
            FactKind::Year | FactKind::Name => 1.0,
        }
    }
}

/// One fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Fact {
    /// Kind.
    pub kind: FactKind,
    /// Normalised key ("12", "kandadji", "ministry", "we will not leave").
    pub key: String,
}

/// Reporting verbs: "X said", "X told Y".
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "states",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "disclosed",
    "added",
    "told",
    "tells",
    "informed",
    "noted",
    "mentioned",
    "explained",
    "declared",
    "revealed",
    "indicated",
    "insisted",
    "warned",
    "tweeted",
    "wrote",
];

/// Words skipped when looking back from a reporting verb to its subject.
const AUX: &[&str] =
    &["has", "have", "had", "also", "later", "earlier", "then", "further", "previously", "was", "is", "been", "reportedly"];

/// Cited words that do not identify a source.
const GENERIC_AUDIENCE: &[&str] =
    &["reporters", "journalists", "media", "press", "that", "the", "a", "an", "it", "they", "he", "she", "we", "us"];

/// The facts of `text` in order of first appearance, each once.
pub fn facts(text: &str) -> Vec<Fact> {
    let ws = words(text);
    let folded: Vec<String> = ws.iter().map(|w| strip_possessive(w.folded())).collect();
    let mut found: Vec<(usize, Fact)> = Vec::new();

    // Numbers.
    for n in numbers(&ws, &folded) {
        if n.vague || n.value < 2 || in_digit_group(text, &ws[n.first]) {
            continue;
        }
        let kind = if n.year { FactKind::Year } else { FactKind::Number };
        found.push((ws[n.first].span.start, Fact { kind, key: n.value.to_string() }));
    }

    // Names: capitalised words not opening a sentence; a sentence opener counts when the same
    // word is capitalised elsewhere mid-sentence, or is written all in capitals.
    let mid_caps: HashSet<&str> =
        ws.iter().zip(&folded).filter(|(w, _)| !w.opens_sentence && w.is_capitalised()).map(|(_, f)| f.as_str()).collect();
    for (w, f) in ws.iter().zip(&folded) {
        if !w.is_capitalised() || w.is_digits() || f.chars().count() < 2 || is_not_name(f) {
            continue;
        }
        let all_caps = w.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && w.text.chars().count() > 2;
        if w.opens_sentence && !mid_caps.contains(f.as_str()) && !all_caps {
            continue;
        }
        found.push((w.span.start, Fact { kind: FactKind::Name, key: f.clone() }));
    }

    // Sources.
    for c in citations_in(&ws, &folded, text) {
        found.push((c.at, Fact { kind: FactKind::Source, key: c.key }));
    }

    // Quotes.
    for (start, q) in quotes(text) {
        let qf: Vec<String> = words(q).iter().map(|w| strip_possessive(w.folded())).collect();
        if qf.len() >= 3 {
            found.push((start, Fact { kind: FactKind::Quote, key: qf.iter().take(6).cloned().collect::<Vec<_>>().join(" ") }));
        }
    }

    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut seen = BTreeSet::new();
    found.into_iter().filter(|(_, f)| seen.insert(f.clone())).map(|(_, f)| f).collect()
}

/// True for a number that is part of a dash- or slash-joined group of digits (an ISO date
/// "2023-09-29", a score "3-1"): not a count.
fn in_digit_group(text: &str, w: &Word<'_>) -> bool {
    let before = text[..w.span.start].chars().rev().take(2).collect::<Vec<_>>();
    let after = text[w.span.end..].chars().take(2).collect::<Vec<_>>();
    let joined = |v: &[char]| v.len() == 2 && matches!(v[0], '-' | '/') && v[1].is_ascii_digit();
    w.is_digits() && (joined(&before) || joined(&after))
}

fn strip_possessive(f: String) -> String {
    match f.strip_suffix("'s") {
        Some(s) => s.to_string(),
        None => f,
    }
}

/// True when the text between two words holds a clause break (comma, semicolon, colon, dash,
/// bracket or quote).
fn broken(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    let (s, e) = if a.span.end <= b.span.start { (a.span.end, b.span.start) } else { (b.span.end, a.span.start) };
    text.get(s..e)
        .is_none_or(|gap| gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '"' | '\u{201C}' | '\u{201D}')))
}

/// One citation: who is cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Byte offset of the citation.
    pub at: usize,
    /// Head word of the cited noun phrase ("ministry", "reuters").
    pub key: String,
    /// Every content word of the cited noun phrase ("regional", "governor", "moussa").
    pub words: Vec<String>,
}

/// Words that end a noun phrase when walking away from its head.
const NP_STOP: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "who", "which", "and", "but", "or", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "as", "said", "says", "told", "were", "was", "is", "are", "had", "has", "have", "its", "his", "her", "their",
];

/// Every citation of `text`: "X said", "according to X", "reported by X", "told X".
pub fn citations(text: &str) -> Vec<Citation> {
    let ws = words(text);
    let folded: Vec<String> = ws.iter().map(|w| strip_possessive(w.folded())).collect();
    citations_in(&ws, &folded, text)
}

fn citations_in(ws: &[Word<'_>], folded: &[String], text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    for (i, f) in folded.iter().enumerate() {
        let pos = ws[i].span.start;
        if f == "according" && folded.get(i + 1).is_some_and(|n| n == "to") {
            out.extend(np_after(ws, folded, i + 2, text, false).map(|(key, words)| Citation { at: pos, key, words }));
        } else if matches!(f.as_str(), "reported" | "confirmed" | "announced" | "stated") && folded.get(i + 1).is_some_and(|n| n == "by") {
            out.extend(np_after(ws, folded, i + 2, text, false).map(|(key, words)| Citation { at: pos, key, words }));
        } else if REPORTING.contains(&f.as_str()) && !ws[i].is_capitalised() {
            out.extend(np_before(ws, folded, i, text).map(|(key, words)| Citation { at: pos, key, words }));
            if matches!(f.as_str(), "told" | "tells" | "informed") && i + 1 < ws.len() {
                let at = ws[i + 1].span.start;
                out.extend(np_after(ws, folded, i + 1, text, true).map(|(key, words)| Citation { at, key, words }));
            }
        }
    }
    out
}

/// The noun phrase ending just before `verb` ("the regional governor Moussa Adamou said"):
/// its head (the word next to the verb) and its words.
fn np_before(ws: &[Word<'_>], folded: &[String], verb: usize, text: &str) -> Option<(String, Vec<String>)> {
    let mut j = verb;
    let mut head = None;
    let mut words = Vec::new();
    let mut aux = 0;
    while j > 0 && words.len() < 5 {
        let k = j - 1;
        if ws[k].sentence != ws[verb].sentence || broken(text, &ws[k], &ws[j.min(ws.len() - 1)]) {
            break;
        }
        let f = folded[k].as_str();
        if head.is_none() && AUX.contains(&f) && aux < 3 {
            aux += 1;
            j = k;
            continue;
        }
        if NP_STOP.contains(&f) {
            break;
        }
        if head.is_none() {
            head = Some(source_key(f)?);
        }
        if let Some(w) = source_key(f) {
            words.push(w);
        }
        j = k;
    }
    head.map(|h| (h, words))
}

/// The noun phrase starting at `from` ("according to the defence ministry"): its head (last
/// word) and its words. With `capitalised`, only a phrase whose first content word is
/// capitalised ("told Reuters", not "told reporters").
fn np_after(ws: &[Word<'_>], folded: &[String], from: usize, text: &str, capitalised: bool) -> Option<(String, Vec<String>)> {
    let first = ws.get(from)?;
    if from > 0 && (ws[from - 1].sentence != first.sentence || broken(text, &ws[from - 1], first)) {
        return None;
    }
    let mut words = Vec::new();
    let mut started = false;
    for k in from..(from + 7).min(ws.len()) {
        if ws[k].sentence != first.sentence || (k > from && broken(text, &ws[k - 1], &ws[k])) {
            break;
        }
        let f = folded[k].as_str();
        if !started && matches!(f, "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            continue;
        }
        // "Voice of the Plains", "Ministry of Defence": small words inside a capitalised name.
        let inside_name = started
            && matches!(f, "of" | "the" | "de" | "du" | "la" | "and")
            && (ws[k - 1].is_capitalised() || matches!(folded[k - 1].as_str(), "of" | "the" | "de" | "du" | "la" | "and"))
            && ws[k + 1..].iter().take(2).any(|w| w.is_capitalised() && w.sentence == first.sentence);
        if started && NP_STOP.contains(&f) && !inside_name {
            break;
        }
        if !started && capitalised && !ws[k].is_capitalised() {
            return None;
        }
        started = true;
        if let Some(w) = source_key(f) {
            words.push(w);
        }
    }
    let head = words.last()?.clone();
    Some((head, words))
}

fn source_key(f: &str) -> Option<String> {
    if f.len() < 2 || GENERIC_AUDIENCE.contains(&f) || f.chars().all(|c| c.is_ascii_digit()) || NP_STOP.contains(&f) {
        return None;
    }
    // British and American spellings of the same office.
    Some(match f {
        "defense" => "defence".to_string(),
        _ => f.to_string(),
    })
}

/// Quoted passages: `(start byte, inner text)`.
pub fn quotes(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '\u{201C}') | (None, '"') | (None, '\u{00AB}') => open = Some((i + c.len_utf8(), c)),
            (Some((s, '\u{201C}')), '\u{201D}') => {
                out.push((s, &text[s..i]));
                open = None;
            }
            (Some((s, '"')), '"') => {
                out.push((s, &text[s..i]));
                open = None;
            }
            (Some((s, '\u{00AB}')), '\u{00BB}') => {
                out.push((s, &text[s..i]));
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str, kind: FactKind) -> Vec<String> {
        facts(t).into_iter().filter(|f| f.kind == kind).map(|f| f.key).collect()
    }

    #[test]
    fn names_skip_sentence_openers_unless_seen_mid_sentence() {
        let t = "Gunmen raided Moyale on Monday. Moyale residents fled. However, Dr Abebe Kebede stayed.";
        assert_eq!(keys(t, FactKind::Name), vec!["moyale", "abebe", "kebede"]);
    }

    #[test]
    fn numbers_and_years() {
        let t = "In 2021, eleven guards and 1,200 cattle were lost; one man survived on 2021-05-17.";
        assert_eq!(keys(t, FactKind::Number), vec!["11", "1200"]);
        assert_eq!(keys(t, FactKind::Year), vec!["2021"]);
    }

    #[test]
    fn sources_from_reporting_verbs() {
        let t = "The interior ministry said four died. According to the regional governor, roads closed. \
                 Two witnesses told Reuters the convoy burned, as reported by the local radio.";
        assert_eq!(keys(t, FactKind::Source), vec!["ministry", "governor", "witnesses", "reuters", "radio"]);
        let t = "Residents told Voice of the Plains that the road was closed.";
        assert_eq!(citations(t)[1].words, vec!["voice", "plains"]);
    }

    #[test]
    fn capitalised_or_ambiguous_verbs_are_not_citations() {
        let t = "The United States sent aid. A raid in the north claims 12 lives.";
        assert_eq!(keys(t, FactKind::Source), Vec::<String>::new());
    }

    #[test]
    fn comma_blocks_the_subject() {
        let t = "An officer who asked not to be named because he lacked clearance, told AFP that the camp fell.";
        assert_eq!(keys(t, FactKind::Source), vec!["afp"]);
    }

    #[test]
    fn quotes_of_three_words_or_more() {
        let t = "He said \u{201C}we will hold the bridge\u{201D} and \"no\" twice.";
        assert_eq!(keys(t, FactKind::Quote), vec!["we will hold the bridge"]);
    }
}
