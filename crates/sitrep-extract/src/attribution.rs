//! Attribution: who a sentence says its figures come from ("the defence ministry said",
//! "three sources told Reuters", "according to AFP", "as reported by the defense ministry").

use crate::tokens::{Kind, Token};
use sitrep_model::Span;

/// One attribution in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Who ("the defence ministry", "three sources told Reuters").
    pub source: String,
    /// Bytes of the source phrase.
    pub span: Span,
    /// Tokens `[start, end)` of the whole attribution (source and verb), so that actors named
    /// inside it are not taken for participants.
    pub toks: (usize, usize),
}

fn reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "stated"
            | "states"
            | "reported"
            | "reports"
            | "confirmed"
            | "confirms"
            | "announced"
            | "announces"
            | "claimed"
            | "claims"
            | "disclosed"
            | "informed"
            | "added"
            | "indicated"
            | "noted"
            | "highlighted"
            | "mentioned"
            | "revealed"
            | "explained"
            | "declared"
            | "affirmed"
            | "asserted"
            | "alleged"
            | "insisted"
            | "estimated"
            | "tweeted"
            | "wrote"
            | "posted"
            | "specified"
            | "recounted"
            | "testified"
            | "acknowledged"
            | "admitted"
            | "detailed"
    )
}

/// Nouns that make a phrase a plausible source.
fn source_word(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "minister"
            | "army"
            | "military"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "official"
            | "officials"
            | "source"
            | "sources"
            | "police"
            | "government"
            | "governor"
            | "mayor"
            | "statement"
            | "communique"
            | "communiqué"
            | "residents"
            | "resident"
            | "witness"
            | "witnesses"
            | "agency"
            | "authorities"
            | "commander"
            | "officer"
            | "officers"
            | "president"
            | "junta"
            | "council"
            | "media"
            | "television"
            | "radio"
            | "report"
            | "reports"
            | "chief"
            | "leader"
            | "locals"
            | "villagers"
            | "hospital"
            | "doctor"
            | "analyst"
            | "analysts"
            | "group"
            | "militants"
            | "jihadists"
            | "organisation"
            | "organization"
            | "ngo"
            | "forces"
            | "headquarters"
            | "prefect"
            | "sheriff"
            | "coroner"
            | "department"
            | "office"
            | "investigators"
            | "relatives"
            | "family"
            | "survivors"
    )
}

fn is_quote(t: &Token) -> bool {
    t.kind == Kind::Punct && matches!(t.lower.as_str(), "\"" | "\u{201c}" | "\u{201d}" | "'")
}

/// The attributions of the sentence `toks[lo..hi]` of `text`, in order.
pub fn find(text: &str, toks: &[Token], lo: usize, hi: usize) -> Vec<Attribution> {
    let mut out = Vec::new();
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let mut i = lo;
    while i < hi {
        // "according to X", "as reported by X", "as per X", "citing X", "quoted by X"
        let lead = match w(i) {
            "according" if w(i + 1) == "to" => Some(i + 2),
            "reported" | "quoted" | "cited" if w(i + 1) == "by" && i > lo && matches!(w(i - 1), "as" | "was" | "were" | ",") => Some(i + 2),
            "per" if w(i.wrapping_sub(1)) == "as" => Some(i + 1),
            "citing" => Some(i + 1),
            _ => None,
        };
        if let Some(s) = lead {
            let mut e = s;
            while e < hi
                && e < s + 9
                && toks[e].kind == Kind::Word
                && !matches!(w(e), "that" | "who" | "which" | "and" | "on" | "in" | "at")
            {
                e += 1;
            }
            if e > s {
                push(text, toks, s, e, None, lead_start(toks, i, lo), &mut out);
            }
            i = e.max(i + 1);
            continue;
        }
        if reporting_verb(w(i)) && i > lo {
            // the subject: the words before the verb, back to a clause boundary
            let mut s = i;
            while s > lo
                && toks[s - 1].kind == Kind::Word
                && i - (s - 1) <= 9
                && !matches!(w(s - 1), "that" | "and" | "but" | "while" | "which")
            {
                s -= 1;
            }
            // "three sources, including ..., told Reuters": jump back over the parenthesis
            if s == i && s > lo && toks[s - 1].is_punct(',') {
                let mut c = s - 1;
                while c > lo && !toks[c - 1].is_punct(',') && i - c < 40 {
                    c -= 1;
                }
                if c > lo && toks[c - 1].is_punct(',') {
                    let e = c - 1;
                    let mut b = e;
                    while b > lo && toks[b - 1].kind == Kind::Word && e - (b - 1) <= 6 {
                        b -= 1;
                    }
                    if b < e {
                        s = b;
                        let told = told_whom(toks, i, hi);
                        push(text, toks, s, e, told, s, &mut out);
                        out.last_mut().into_iter().for_each(|a| a.toks.1 = i + 1);
                        i += 1;
                        continue;
                    }
                }
            }
            // strip temporal adverbials ("on Tuesday said") and leading connectives
            let mut e = i;
            while e > s + 1
                && (toks[e - 1].cap && is_weekday(w(e - 1))
                    || matches!(w(e - 1), "on" | "also" | "later" | "earlier" | "has" | "have" | "had"))
            {
                e -= 1;
            }
            while s < e && matches!(w(s), "however" | "additionally" | "meanwhile" | "also" | "and" | "but" | "moreover" | "furthermore") {
                s += 1;
            }
            if s < e {
                let told = told_whom(toks, i, hi);
                push(text, toks, s, e, told, s, &mut out);
                out.last_mut().into_iter().for_each(|a| a.toks.1 = i + 1);
            } else if i + 1 < hi && matches!(w(i), "said" | "says" | "told") {
                // inversion: "..., said the mayor."
                let mut e2 = i + 1;
                while e2 < hi && toks[e2].kind == Kind::Word && e2 < i + 8 {
                    e2 += 1;
                }
                if e2 > i + 1 && (e2 == hi || toks[e2].kind == Kind::Punct && !is_quote(&toks[e2]) || is_quote(&toks[e2])) {
                    push(text, toks, i + 1, e2, None, i, &mut out);
                }
            }
        }
        i += 1;
    }
    out
}

/// True when token `i` opens its sentence (nothing but quotes before it on the line).
fn sentence_start(toks: &[Token], i: usize) -> bool {
    i == 0 || toks[..i].iter().rev().take_while(|t| t.kind == Kind::Punct && !t.is_punct('.')).count() == i || toks[i - 1].is_punct('.')
}

fn lead_start(toks: &[Token], i: usize, lo: usize) -> usize {
    if i > lo && matches!(toks[i - 1].lower.as_str(), "as") { i - 1 } else { i }
}

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// "told Reuters", "told AFP": the outlet after "told".
fn told_whom(toks: &[Token], i: usize, hi: usize) -> Option<(usize, usize)> {
    if toks[i].lower != "told" {
        return None;
    }
    let mut e = i + 1;
    while e < hi && e < i + 4 && toks[e].cap && toks[e].kind == Kind::Word {
        e += 1;
    }
    (e > i + 1).then_some((i, e))
}

fn push(text: &str, toks: &[Token], s: usize, e: usize, told: Option<(usize, usize)>, whole_start: usize, out: &mut Vec<Attribution>) {
    let words: Vec<&Token> = toks[s..e].iter().collect();
    // a source noun, or a name (a capitalised word that does not merely open the sentence)
    let plausible = words.iter().enumerate().any(|(k, t)| {
        source_word(&t.lower)
            || t.caps
            || (t.cap
                && t.kind == Kind::Word
                && (k > 0 || !sentence_start(toks, s))
                && !matches!(t.lower.as_str(), "he" | "she" | "it" | "they" | "we" | "i"))
    });
    if !plausible {
        return;
    }
    let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
    let mut source = text[span.start..span.end].to_string();
    if let Some((ts, te)) = told {
        source.push(' ');
        source.push_str(&text[toks[ts].span.start..toks[te - 1].span.end]);
    }
    out.push(Attribution { source, span, toks: (whole_start, e) });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn srcs(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        find(t, &toks, 0, toks.len()).into_iter().map(|a| a.source).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(srcs("The interior ministry said 4 guards died."), vec!["The interior ministry"]);
        assert_eq!(srcs("Five people died, according to local officials."), vec!["local officials"]);
        assert_eq!(srcs("Two sources, one of them a nurse, told Reuters that nine people died."), vec!["Two sources told Reuters"]);
        assert_eq!(srcs("A village was hit, as reported by the regional governor."), vec!["the regional governor"]);
        assert_eq!(srcs("\u{201C}It was terrible,\u{201D} said the mayor."), vec!["the mayor"]);
        assert_eq!(srcs("The army on Monday said it killed 8 fighters."), vec!["The army"]);
        assert!(srcs("He said nothing.").is_empty());
    }
}
