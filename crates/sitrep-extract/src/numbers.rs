//! Numbers as news texts state them: digits, words, vague amounts, qualifiers, ranges.
//!
//! Written numbers are read by our own small parser (English cardinals up to the billions:
//! "seven", "twenty-one", "one hundred and twelve", "two hundred", "a dozen", "three dozen",
//! "1,500", "2.5 million"). A crate such as `text2num` reads cardinals too, but not "a dozen",
//! "several hundred" or "1,200", turns "hundreds" into exactly 100, and works on whole strings
//! rather than the token spans evidence needs; the grammar it would cover here is twenty lines.
//!
//! Dates ("28 September", "2023"), clock times ("10:30", "5 p.m."), ordinals ("3rd"), ages and
//! durations written as compounds ("13-year-old", "3-day"), percentages, decimals without a
//! scale word and "no one" are not counts and are not reported.
//!
//! # Qualifiers and vague amounts
//!
//! An [`Amount`] is `low / best / high` (`high` open when `None`), `vague`, and `stated`: the
//! figure the text itself gives, which is what ACLED's conservative fatality convention counts.
//! With `d = max(1, ceil(N / 10))`:
//!
//! | text | low | best | high | vague | stated |
//! | --- | --- | --- | --- | --- | --- |
//! | `N` ("12", "twelve", "a dozen") | N | N | N | no | N |
//! | "at least", "more than", "over", "upwards of", "in excess of", "no fewer/less than", "not less than", "a minimum of" N; "N or more", "N+", "N-plus" | N | N | open | no | N |
//! | "about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "or so", "N-odd" | N - d | N | N + d | yes | N |
//! | "nearly", "almost", "close to", "just under" N | N - d | N | N | yes | N |
//! | "up to", "as many as", "at most", "a maximum of" N | 1 | N | N | yes | N |
//! | "fewer than", "less than", "under" N | 1 | N - 1 | N - 1 | yes | N - 1 |
//! | "A-B", "A to B", "A or B", "between A and B" (A < B) | A | (A + B) / 2 | B | yes | A |
//! | "N (+M)" (Wikipedia: N victims plus M perpetrators) | N + M | N + M | N + M | no | N + M |
//! | "a couple (of)" | 2 | 2 | 3 | yes | 2 |
//! | "a few" | 2 | 3 | 5 | yes | 2 |
//! | "a handful (of)" | 2 | 4 | 6 | yes | 2 |
//! | "several" | 3 | 4 | 9 | yes | 3 |
//! | "a number of" | 2 | 4 | 9 | yes | 2 |
//! | "a large number of" | 10 | 20 | open | yes | 10 |
//! | "numerous" | 3 | 10 | open | yes | 3 |
//! | "tens (of)" | 10 | 30 | 99 | yes | 10 |
//! | "dozens (of)" | 12 | 36 | 99 | yes | 12 |
//! | "a few dozen" | 24 | 36 | 60 | yes | 24 |
//! | "several dozen" | 24 | 36 | 99 | yes | 24 |
//! | "scores (of)" | 20 | 40 | 99 | yes | 20 |
//! | "hundreds (of)" | 100 | 200 | 999 | yes | 100 |
//! | "a few hundred", "several hundred" | 200 | 300 | 999 | yes | 200 |
//! | "thousands (of)" | 1,000 | 2,000 | 9,999 | yes | 1,000 |
//! | "a few thousand", "several thousand" | 2,000 | 3,000 | 9,999 | yes | 2,000 |
//! | "tens of thousands" | 10,000 | 30,000 | 99,999 | yes | 10,000 |
//! | "hundreds of thousands" | 100,000 | 200,000 | 999,999 | yes | 100,000 |
//!
//! The stated figures of "tens", "dozens" and "hundreds" are ACLED's (10, 12, 100); the other
//! vague words follow the same rule: the smallest value the words can mean.

use crate::tokens::{Kind, Token, tokenize};
use sitrep_model::{Amount, ExtractorId, Span};

/// One number mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention {
    /// Bytes of the text given to [`find`] (qualifier included: "at least 12").
    pub span: Span,
    /// The value.
    pub amount: Amount,
    /// The rule that found it.
    pub extractor: ExtractorId,
}

/// A number found in a token stream: token range `[start, end)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumTok {
    /// First token (qualifier included).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value.
    pub amount: Amount,
    /// The rule.
    pub extractor: ExtractorId,
    /// True when the core is a bare word "one"/"a" style singular (used by casualty frames).
    pub vague_word: bool,
}

const DIGITS: ExtractorId = ExtractorId::new("number.digits.v1");
const WORDS: ExtractorId = ExtractorId::new("number.words.v1");
const VAGUE: ExtractorId = ExtractorId::new("number.vague.v1");
const RANGE: ExtractorId = ExtractorId::new("number.range.v1");
const WIKI: ExtractorId = ExtractorId::new("number.wiki.v1");

/// Every number mention of `text`, in order.
pub fn find(text: &str) -> Vec<NumberMention> {
    let toks = tokenize(text);
    find_tokens(&toks)
        .into_iter()
        .map(|n| NumberMention {
            span: Span::new(toks[n.start].span.start, toks[n.end - 1].span.end),
            amount: n.amount,
            extractor: n.extractor,
        })
        .collect()
}

/// Every number in a token stream, in order, not overlapping.
pub fn find_tokens(toks: &[Token]) -> Vec<NumTok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(n) = parse_at(toks, i) {
            i = n.end;
            out.push(n);
        } else {
            i += 1;
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Qual {
    None,
    AtLeast,
    About,
    Nearly,
    UpTo,
    Under,
    Between,
}

/// Multi-word qualifiers before a number, longest first.
const QUALIFIERS: &[(&[&str], Qual)] = &[
    (&["no", "fewer", "than"], Qual::AtLeast),
    (&["no", "less", "than"], Qual::AtLeast),
    (&["not", "less", "than"], Qual::AtLeast),
    (&["not", "fewer", "than"], Qual::AtLeast),
    (&["a", "minimum", "of"], Qual::AtLeast),
    (&["in", "excess", "of"], Qual::AtLeast),
    (&["a", "maximum", "of"], Qual::UpTo),
    (&["just", "over"], Qual::AtLeast),
    (&["well", "over"], Qual::AtLeast),
    (&["just", "under"], Qual::Nearly),
    (&["an", "estimated"], Qual::About),
    (&["as", "many", "as"], Qual::UpTo),
    (&["at", "least"], Qual::AtLeast),
    (&["more", "than"], Qual::AtLeast),
    (&["upwards", "of"], Qual::AtLeast),
    (&["close", "to"], Qual::Nearly),
    (&["up", "to"], Qual::UpTo),
    (&["at", "most"], Qual::UpTo),
    (&["fewer", "than"], Qual::Under),
    (&["less", "than"], Qual::Under),
    (&["over"], Qual::AtLeast),
    (&["about"], Qual::About),
    (&["around"], Qual::About),
    (&["approximately"], Qual::About),
    (&["approx"], Qual::About),
    (&["roughly"], Qual::About),
    (&["some"], Qual::About),
    (&["estimated"], Qual::About),
    (&["circa"], Qual::About),
    (&["nearly"], Qual::Nearly),
    (&["almost"], Qual::Nearly),
    (&["under"], Qual::Under),
    (&["between"], Qual::Between),
];

fn seq_at(toks: &[Token], i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w))
}

/// Words that can start a number or a qualifier (a cheap filter before the grammar).
fn may_start(t: &Token) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => matches!(
            t.lower.as_bytes().first(),
            Some(
                b'a' | b'b'
                    | b'c'
                    | b'd'
                    | b'e'
                    | b'f'
                    | b'h'
                    | b'i'
                    | b'j'
                    | b'l'
                    | b'm'
                    | b'n'
                    | b'o'
                    | b'r'
                    | b's'
                    | b't'
                    | b'u'
                    | b'w'
                    | b'z'
            )
        ),
    }
}

fn parse_at(toks: &[Token], i: usize) -> Option<NumTok> {
    if !may_start(&toks[i]) {
        return None;
    }
    // A qualifier, then a core.
    let first = toks[i].lower.as_str();
    for (words, q) in QUALIFIERS.iter().filter(|(w, _)| w[0] == first) {
        if seq_at(toks, i, words) {
            let j = i + words.len();
            if let Some(core) = core_at(toks, j) {
                if *q == Qual::Between {
                    // "between A and B"
                    if toks.get(core.end).is_some_and(|t| t.is("and"))
                        && let Some(c2) = core_at(toks, core.end + 1)
                        && c2.value > core.value
                        && !core.vague
                        && !c2.vague
                    {
                        return Some(NumTok {
                            start: i,
                            end: c2.end,
                            amount: range(core.value, c2.value),
                            extractor: RANGE,
                            vague_word: false,
                        });
                    }
                    continue;
                }
                if core.vague {
                    // "at least dozens": keep the vague range, open-ended for "at least".
                    let mut a = core.amount;
                    if *q == Qual::AtLeast {
                        a.high = None;
                    }
                    return Some(NumTok { start: i, end: core.end, amount: a, extractor: VAGUE, vague_word: true });
                }
                let (end, post) = post_qualifier(toks, core.end);
                let q = if post != Qual::None && *q == Qual::None { post } else { *q };
                return Some(NumTok { start: i, end, amount: qualified(core.value, q), extractor: core.extractor, vague_word: false });
            }
        }
    }
    let core = core_at(toks, i)?;
    if core.vague {
        return Some(NumTok { start: i, end: core.end, amount: core.amount, extractor: VAGUE, vague_word: true });
    }
    // Ranges: "7-11", "7 to 11", "two or three".
    if let Some(sep) = toks.get(core.end)
        && (sep.is_punct('-') || sep.is_punct('\u{2013}') || sep.is_punct('\u{2014}') || sep.is("to") || sep.is("or"))
        && let Some(c2) = core_at(toks, core.end + 1)
        && !c2.vague
        && c2.value > core.value
        && (sep.kind == Kind::Punct || c2.extractor == core.extractor)
        && (c2.value <= core.value.saturating_mul(10).max(10))
    {
        return Some(NumTok { start: i, end: c2.end, amount: range(core.value, c2.value), extractor: RANGE, vague_word: false });
    }
    // Wikipedia style "10 (+2)".
    if core.extractor == DIGITS
        && toks.get(core.end).is_some_and(|t| t.is_punct('('))
        && toks.get(core.end + 1).is_some_and(|t| t.is_punct('+'))
        && let Some(extra) = toks.get(core.end + 2).filter(|t| t.kind == Kind::Num).and_then(|t| digits_value(&t.lower))
        && toks.get(core.end + 3).is_some_and(|t| t.is_punct(')'))
    {
        return Some(NumTok { start: i, end: core.end + 4, amount: Amount::exact(core.value + extra), extractor: WIKI, vague_word: false });
    }
    let (end, post) = post_qualifier(toks, core.end);
    Some(NumTok { start: i, end, amount: qualified(core.value, post), extractor: core.extractor, vague_word: false })
}

/// "or more", "or so", "+", "-plus", "odd" after a number.
fn post_qualifier(toks: &[Token], j: usize) -> (usize, Qual) {
    if seq_at(toks, j, &["or", "more"]) {
        return (j + 2, Qual::AtLeast);
    }
    if seq_at(toks, j, &["or", "so"]) {
        return (j + 2, Qual::About);
    }
    if let Some(t) = toks.get(j) {
        if t.is_punct('+') && !toks.get(j + 1).is_some_and(|n| n.kind == Kind::Num) {
            return (j + 1, Qual::AtLeast);
        }
        if t.is_punct('-') && toks.get(j + 1).is_some_and(|n| n.is("plus") || n.is("odd")) {
            let q = if toks[j + 1].is("plus") { Qual::AtLeast } else { Qual::About };
            return (j + 2, q);
        }
        if t.is("odd") {
            return (j + 1, Qual::About);
        }
    }
    (j, Qual::None)
}

fn qualified(n: u64, q: Qual) -> Amount {
    let d = n.div_ceil(10).max(1);
    match q {
        Qual::None | Qual::Between => Amount::exact(n),
        Qual::AtLeast => Amount::at_least(n),
        Qual::About => Amount { low: n.saturating_sub(d), best: n, high: Some(n + d), vague: true, stated: n },
        Qual::Nearly => Amount { low: n.saturating_sub(d), best: n, high: Some(n), vague: true, stated: n },
        Qual::UpTo => Amount { low: n.min(1), best: n, high: Some(n), vague: true, stated: n },
        Qual::Under => {
            let m = n.saturating_sub(1);
            Amount { low: m.min(1), best: m, high: Some(m), vague: true, stated: m }
        }
    }
}

fn range(a: u64, b: u64) -> Amount {
    Amount { low: a, best: (a + b) / 2, high: Some(b), vague: true, stated: a }
}

const fn vague(low: u64, best: u64, high: Option<u64>) -> Amount {
    Amount { low, best, high, vague: true, stated: low }
}

struct Core {
    end: usize,
    value: u64,
    vague: bool,
    amount: Amount,
    extractor: ExtractorId,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn is_month(t: &Token) -> bool {
    t.kind == Kind::Word && MONTHS.contains(&t.lower.as_str()) && (t.cap || t.lower.len() > 3)
}

/// Words before a digit that make it a label, not a count ("Route 1", "Resolution 2100").
const LABEL_BEFORE: &[&str] = &[
    "route",
    "highway",
    "road",
    "no",
    "number",
    "article",
    "section",
    "resolution",
    "chapter",
    "phase",
    "zone",
    "sector",
    "page",
    "flight",
];

fn digits_value(s: &str) -> Option<u64> {
    if s.contains('.') {
        return None;
    }
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    if clean.len() > 12 {
        return None;
    }
    clean.parse().ok()
}

fn unit(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// True for a word that is a number by itself ("seven", "twenty-one", "dozens").
pub(crate) fn is_number_word(w: &str) -> bool {
    small_word(w).is_some() || matches!(w, "dozens" | "hundreds" | "thousands" | "several" | "dozen" | "hundred" | "thousand")
}

/// "twenty-one" -> 21, "twenty" -> 20, "seven" -> 7.
fn small_word(w: &str) -> Option<u64> {
    if let Some(v) = unit(w).or_else(|| tens(w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens(a)? + unit(b).filter(|u| (1..10).contains(u))?)
}

fn core_at(toks: &[Token], i: usize) -> Option<Core> {
    let t = toks.get(i)?;
    let w = t.lower.as_str();
    let next = |k: usize| toks.get(i + k).map(|t| t.lower.as_str()).unwrap_or("");
    // Vague amounts first (longest).
    let v = |end: usize, a: Amount| Some(Core { end, value: a.best, vague: true, amount: a, extractor: VAGUE });
    match (w, next(1), next(2)) {
        ("tens", "of", "thousands") => return v(i + 3, vague(10_000, 30_000, Some(99_999))),
        ("hundreds", "of", "thousands") => return v(i + 3, vague(100_000, 200_000, Some(999_999))),
        ("a", "few", "dozen") => return v(i + 3, vague(24, 36, Some(60))),
        ("a", "few", "hundred") => return v(i + 3, vague(200, 300, Some(999))),
        ("a", "few", "thousand") => return v(i + 3, vague(2_000, 3_000, Some(9_999))),
        ("several", "dozen", _) => return v(i + 2, vague(24, 36, Some(99))),
        ("several", "hundred", _) => return v(i + 2, vague(200, 300, Some(999))),
        ("several", "thousand", _) => return v(i + 2, vague(2_000, 3_000, Some(9_999))),
        ("half", "a", "dozen") => {
            return Some(Core { end: i + 3, value: 6, vague: false, amount: Amount::exact(6), extractor: WORDS });
        }
        ("a", "dozen", _) => {
            return Some(Core { end: i + 2, value: 12, vague: false, amount: Amount::exact(12), extractor: WORDS });
        }
        ("a", "couple", _) => return v(i + 2, vague(2, 2, Some(3))),
        ("a", "few", _) => return v(i + 2, vague(2, 3, Some(5))),
        ("a", "handful", _) => return v(i + 2, vague(2, 4, Some(6))),
        ("a", "large", "number") if next(3) == "of" => return v(i + 3, vague(10, 20, None)),
        ("a", "number", "of") => return v(i + 2, vague(2, 4, Some(9))),
        ("tens", "of", _) => return v(i + 1, vague(10, 30, Some(99))),
        ("dozens", _, _) => return v(i + 1, vague(12, 36, Some(99))),
        ("scores", "of", _) => return v(i + 1, vague(20, 40, Some(99))),
        ("hundreds", _, _) => return v(i + 1, vague(100, 200, Some(999))),
        ("thousands", _, _) => return v(i + 1, vague(1_000, 2_000, Some(9_999))),
        ("several", _, _) => return v(i + 1, vague(3, 4, Some(9))),
        ("numerous", _, _) => return v(i + 1, vague(3, 10, None)),
        _ => {}
    }
    if t.kind == Kind::Num {
        return digit_core(toks, i);
    }
    if t.kind != Kind::Word {
        return None;
    }
    // "a hundred", "a thousand"
    if w == "a" || w == "an" {
        let s = scale(next(1))?;
        let (end, value) = word_number(toks, i + 1, s)?;
        return Some(Core { end, value, vague: false, amount: Amount::exact(value), extractor: WORDS });
    }
    if w == "one" {
        // "no one", "one another", "the one", "one day": not a count.
        let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|t| t.lower.as_str()).unwrap_or("");
        if matches!(prev, "no" | "the" | "this" | "that" | "any" | "each" | "every" | "which" | "anyone")
            || matches!(next(1), "another" | "day" | "time" | "way" | "side" | "thing" | "week" | "month" | "year" | "morning" | "night")
        {
            return None;
        }
    }
    small_word(w)?;
    let (end, value) = word_number(toks, i, 0)?;
    // "three dozen"
    if toks.get(end).is_some_and(|t| t.is("dozen")) {
        let v = value * 12;
        return Some(Core { end: end + 1, value: v, vague: false, amount: Amount::exact(v), extractor: WORDS });
    }
    Some(Core { end, value, vague: false, amount: Amount::exact(value), extractor: WORDS })
}

/// Reads a written cardinal starting at `i`; `first_scale` is set when the caller already saw
/// "a" and the token at `i` is a scale word.
fn word_number(toks: &[Token], i: usize, first_scale: u64) -> Option<(usize, u64)> {
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Unit,
        Ten,
        Hundred,
        Big,
        And,
    }
    let mut total: u64 = 0;
    let mut current: u64 = if first_scale > 0 { 1 } else { 0 };
    let mut last = Last::Start;
    let mut j = i;
    let mut end = i;
    let mut seen = false;
    while let Some(t) = toks.get(j) {
        let w = t.lower.as_str();
        if let Some(s) = scale(w) {
            if !(seen || first_scale > 0) || matches!(last, Last::And) {
                break;
            }
            if s == 100 {
                if matches!(last, Last::Hundred | Last::Big) && current == 0 {
                    break;
                }
                current = current.max(1) * 100;
                last = Last::Hundred;
            } else {
                total += current.max(1) * s;
                current = 0;
                last = Last::Big;
            }
            seen = true;
            j += 1;
            end = j;
            continue;
        }
        if w == "and" && matches!(last, Last::Hundred | Last::Big) {
            // only when a number word follows
            if toks.get(j + 1).is_some_and(|n| small_word(&n.lower).is_some()) {
                last = Last::And;
                j += 1;
                continue;
            }
            break;
        }
        if t.kind == Kind::Word
            && let Some(v) = small_word(w)
        {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Big | Last::And => true,
                Last::Ten => v < 10 && !w.contains('-') && current.is_multiple_of(10),
                Last::Unit => false,
            };
            if !ok {
                break;
            }
            current += v;
            last = if v >= 20 && v % 10 == 0 { Last::Ten } else { Last::Unit };
            if (10..20).contains(&v) {
                last = Last::Unit;
            }
            seen = true;
            j += 1;
            end = j;
            continue;
        }
        break;
    }
    if !seen {
        return None;
    }
    Some((end, total + current))
}

fn digit_core(toks: &[Token], i: usize) -> Option<Core> {
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(i + 1);
    // clock times and labels
    if prev.is_some_and(|p| p.is_punct(':') || p.is_punct('#') || (p.cap && LABEL_BEFORE.contains(&p.lower.as_str())))
        || next.is_some_and(|n| {
            n.is_punct(':') && toks.get(i + 2).is_some_and(|m| m.kind == Kind::Num)
                || n.is_punct('%')
                || matches!(n.lower.as_str(), "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "hrs" | "h" | "percent" | "per")
        })
    {
        return None;
    }
    // decimals with a scale word: "2.5 million"
    if t.lower.contains('.') {
        let s = next.and_then(|n| scale(&n.lower)).filter(|s| *s >= 1_000)?;
        let f: f64 = t.lower.replace(',', "").parse().ok()?;
        let value = (f * s as f64).round() as u64;
        return Some(Core { end: i + 2, value, vague: false, amount: Amount::exact(value), extractor: DIGITS });
    }
    let value = digits_value(&t.lower)?;
    // dates: "28 September", "September 28", years
    if value <= 31 && (next.is_some_and(is_month) || prev.is_some_and(is_month)) {
        return None;
    }
    let plain = !t.lower.contains(',');
    if plain && (1800..=2100).contains(&value) {
        let count_like = next.is_some_and(|n| {
            n.kind == Kind::Word
                && !is_month(n)
                && (n.lower.ends_with('s') || matches!(n.lower.as_str(), "people" | "men" | "women" | "children" | "police" | "personnel"))
        });
        if !count_like {
            return None;
        }
    }
    if let Some(s) = next.and_then(|n| scale(&n.lower)) {
        let v = value.saturating_mul(s);
        return Some(Core { end: i + 2, value: v, vague: false, amount: Amount::exact(v), extractor: DIGITS });
    }
    Some(Core { end: i + 1, value, vague: false, amount: Amount::exact(value), extractor: DIGITS })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (String, Amount) {
        let v = find(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        (t[v[0].span.start..v[0].span.end].to_string(), v[0].amount)
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(one("12 soldiers").1, Amount::exact(12));
        assert_eq!(one("twenty-one people").1, Amount::exact(21));
        assert_eq!(one("one hundred and twelve people").1, Amount::exact(112));
        assert_eq!(one("two hundred people").1, Amount::exact(200));
        assert_eq!(one("a dozen people").1, Amount::exact(12));
        assert_eq!(one("1,500 troops").1, Amount::exact(1500));
        assert_eq!(one("2.5 million people").1, Amount::exact(2_500_000));
        assert_eq!(one("three dozen cows").1, Amount::exact(36));
    }

    #[test]
    fn qualifiers() {
        assert_eq!(one("at least 29 soldiers"), ("at least 29".into(), Amount::at_least(29)));
        assert_eq!(one("over 100 militants").1, Amount::at_least(100));
        let a = one("approximately 100 rebels").1;
        assert_eq!((a.low, a.best, a.high, a.vague, a.stated), (90, 100, Some(110), true, 100));
        let n = one("nearly 40 people").1;
        assert_eq!((n.low, n.best, n.high), (36, 40, Some(40)));
        assert_eq!(one("3+ dead").1, Amount::at_least(3));
        assert_eq!(one("10 or more").1, Amount::at_least(10));
    }

    #[test]
    fn vague_and_ranges() {
        let a = one("several dozen terrorists").1;
        assert_eq!((a.low, a.best, a.high, a.vague, a.stated), (24, 36, Some(99), true, 24));
        assert_eq!(one("dozens of people").1.stated, 12);
        assert_eq!(one("hundreds of militants").1.stated, 100);
        let r = one("7-11 people").1;
        assert_eq!((r.low, r.best, r.high), (7, 9, Some(11)));
        let r = one("between two and seven gendarmes").1;
        assert_eq!((r.low, r.high), (2, Some(7)));
        assert_eq!(one("10 (+2)").1, Amount::exact(12));
    }

    #[test]
    fn not_counts() {
        assert!(find("On 28 September 2023 at 10:30 a 13-year-old boy, no one else, 5 p.m., 40%").is_empty());
        assert!(find("in 2023 and since 1999").is_empty());
        assert_eq!(find("On September 28, 12 soldiers").len(), 1);
    }
}
