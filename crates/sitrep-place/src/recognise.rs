//! Toponym recognition without a neural tagger: runs of capitalised words are looked up in
//! the gazetteer (longest match first), then context rules decide what each match is: a place
//! (`literal`), a demonym, a place inside another name (`embedded`), or not a place at all
//! (part of a person's name, a street, a month...). Capitalised runs that match nothing but
//! stand where places stand ("the village of X", "in X (Abala, Tillaberi)") are kept as
//! unknown names for the fuzzy matcher and the fallback to an enclosing area.

use crate::PlaceKind;
use crate::keys::name_key;
use crate::lexicon::*;
use crate::store::{ALT, CAPS, DEMONYM, DOT, ENTRY, Store};

/// A token of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// First token of a sentence (after ". ", a line break, or the start of the text).
    pub sent_start: bool,
    /// Whitespace (or nothing) before it contains a line break.
    pub after_break: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A word starting with a capital ("Niamey", "NIAMEY", "N'Guigmi").
    Cap,
    /// A word in capitals only (two letters or more).
    Caps,
    /// A lowercase word.
    Lower,
    /// Digits (possibly with letters: "2019", "5km").
    Num,
    /// Dotted capitals ("U.S.", "D.C.", "W.Va.").
    Abbrev,
    /// One punctuation char.
    Punct(char),
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut sent_start = true;
    let mut after_break = true;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                sent_start = true;
                after_break = true;
            }
            i += cl;
            continue;
        }
        if c.is_alphanumeric() {
            // dotted abbreviation: (X. | Xx.){2,4}
            if c.is_uppercase()
                && let Some(end) = abbrev_end(b, i)
            {
                out.push(Tok { start: i, end, kind: TokKind::Abbrev, sent_start, after_break });
                sent_start = false;
                after_break = false;
                i = end;
                continue;
            }
            let mut j = i;
            let mut upper = 0usize;
            let mut lower = 0usize;
            let mut digit = false;
            while j < text.len() {
                let d = text[j..].chars().next().unwrap_or(' ');
                if d.is_alphanumeric() {
                    if d.is_uppercase() {
                        upper += 1;
                    } else if d.is_lowercase() {
                        lower += 1;
                    } else if d.is_numeric() {
                        digit = true;
                    }
                    j += d.len_utf8();
                    continue;
                }
                // apostrophe inside a word ("N'Guigmi", "D'Aunoy"), not a possessive 's
                if d == '\'' || d == '\u{2019}' {
                    let k = j + d.len_utf8();
                    let next = text[k..].chars().next().unwrap_or(' ');
                    let after = text[k + next.len_utf8().min(text.len() - k)..].chars().next().unwrap_or(' ');
                    let possessive = (next == 's' || next == 'S') && !after.is_alphanumeric();
                    // "I've", "we're", "don't": contractions end the word
                    let rest: String = text[k..].chars().take_while(|c| c.is_alphabetic()).collect();
                    let contraction = matches!(rest.as_str(), "ve" | "re" | "ll" | "d" | "t" | "m" | "s");
                    if next.is_alphabetic() && !possessive && !contraction {
                        j = k;
                        continue;
                    }
                }
                break;
            }
            let kind = if digit {
                TokKind::Num
            } else if c.is_uppercase() {
                if lower == 0 && upper >= 2 { TokKind::Caps } else { TokKind::Cap }
            } else {
                TokKind::Lower
            };
            out.push(Tok { start: i, end: j, kind, sent_start, after_break });
            sent_start = false;
            after_break = false;
            i = j;
            continue;
        }
        out.push(Tok { start: i, end: i + cl, kind: TokKind::Punct(c), sent_start: false, after_break });
        after_break = false;
        let after_title = c == '.'
            && out.len() >= 2
            && out[out.len() - 2].end == i
            && matches!(out[out.len() - 2].kind, TokKind::Cap)
            && is_title_abbrev(&text[out[out.len() - 2].start..i]);
        if matches!(c, '.' | '!' | '?' | ':' | '•' | '|') && !after_title {
            sent_start = true;
        }
        i += cl;
    }
    out
}

/// "St", "Mt", "Mr", "Gen"...: a dot after them ends no sentence.
fn is_title_abbrev(w: &str) -> bool {
    w.len() <= 4 && TITLE_ABBREV.contains(&w.to_lowercase().as_str())
}

const TITLE_ABBREV: &[&str] = &[
    "st", "ste", "mt", "ft", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "cpl", "prof", "rev",
    "pres", "jr", "sr", "hon", "adm", "brig", "insp", "supt", "det", "no",
];

/// End of a dotted abbreviation starting at `i` ("U.S.", "U.A.E.", "W.Va."), if one starts.
fn abbrev_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut parts = 0;
    loop {
        if j < b.len() && b[j].is_ascii_uppercase() {
            let mut k = j + 1;
            if k < b.len() && b[k].is_ascii_lowercase() {
                k += 1;
            }
            if k < b.len() && b[k] == b'.' {
                parts += 1;
                j = k + 1;
                continue;
            }
        }
        break;
    }
    let next_alpha = b.get(j).is_some_and(u8::is_ascii_alphabetic);
    (parts >= 2 && !next_alpha).then_some(j)
}

/// What a recognised name is, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct RawMention {
    /// The name as written (without an admin-level word after it).
    pub raw_name: String,
    /// Bytes of the name in the text.
    pub start: usize,
    pub end: usize,
    pub kind: PlaceKind,
    /// Index values of the gazetteer names it matched (empty: unknown name).
    pub hits: Vec<u32>,
    /// The run of capitalised words holds more than this name.
    pub part_of_run: bool,
    /// An admin-level word follows ("region", "State"): the level.
    pub level_hint: Option<u8>,
    /// Names given in parentheses or after a comma right after it ("(Abala, Tillaberi)",
    /// "Paris, Texas"), as exact keys.
    pub admin_hints: Vec<String>,
    /// Stands where places stand ("in", "village of", "near" before it, "village" after it).
    pub locative: bool,
    /// A single common English word ("Police", "Split").
    pub common_word: bool,
    /// Inside parentheses that give the admin areas of the name before them.
    pub in_hint: bool,
    /// A single word that is a common given name ("Paul", "Keith").
    pub given_name: bool,
    /// Named as a border ("the Burkina Faso border", "the border with Mali").
    pub border: bool,
    /// After "the town of", "the village of", "the city of", or before "village"/"town".
    pub town: bool,
    /// Points of the towns the admin hints name (filled by the resolver).
    pub hint_points: Vec<(f64, f64)>,
    /// The towns the admin hints name (filled by the resolver).
    pub hint_towns: Vec<u32>,
    /// The hints come from parentheses ("X (A, B)"), not from a comma ("X, B").
    pub paren_hints: bool,
    /// The hint after the comma is an abbreviation ("Ill.", "IL"): never a list.
    pub abbrev_hint: bool,
}

/// Lowercase text of token `t`.
fn low(text: &str, t: &Tok) -> String {
    text[t.start..t.end].to_lowercase()
}

fn is_word(t: &Tok) -> bool {
    matches!(t.kind, TokKind::Cap | TokKind::Caps | TokKind::Lower | TokKind::Abbrev)
}

fn is_capital(t: &Tok) -> bool {
    matches!(t.kind, TokKind::Cap | TokKind::Caps | TokKind::Abbrev)
}

/// True when the text between tokens `a` and `b` is only spaces (no line break) or a hyphen.
fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.end..b.start];
    gap.len() <= 3 && !gap.contains('\n')
}

/// Gazetteer hits for the name in `text[s..e]`, keeping only those the way it is written
/// allows (capitals-only aliases need capitals, dotted abbreviations need their dot).
pub(crate) fn hits_for(store: &Store, text: &str, s: usize, e: usize, caps_ok: bool) -> Vec<u32> {
    let surface = &text[s..e];
    let key = name_key(surface);
    if key.is_empty() {
        return Vec::new();
    }
    let found = store.lookup_key(&key);
    if found.is_empty() {
        // most spans name nothing: nothing more to work out
        return Vec::new();
    }
    let all_caps = surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let dotted = surface.ends_with('.') || text[e..].starts_with('.');
    let undotted: String = surface.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out: Vec<u32> = Vec::new();
    let has_dot = surface.contains('.');
    for &(_, v) in found {
        if v & CAPS != 0 && !all_caps {
            continue;
        }
        if has_dot && v & (CAPS | DOT) == 0 && !surface.contains(' ') {
            // "P.A." is an abbreviation: only an alias written so ("U.S.") matches it
            continue;
        }
        if v & DOT != 0 {
            // "Pa." is Pennsylvania, "P.A." is not: the letters must be written the same way
            let same =
                store.e.names_of(v & ENTRY).any(|n| n.ends_with('.') && n.chars().filter(|c| c.is_alphanumeric()).eq(undotted.chars()));
            if !dotted || !same {
                continue;
            }
        }
        if v & ALT == 0 && !all_caps && camel_mismatch(store.e.name_of(v & ENTRY), surface) {
            // "NoMa" is not "Noma"
            continue;
        }
        if v & CAPS == 0 && all_caps && !caps_ok && !surface.contains('.') {
            // a word in capitals ("NATO", "IT") is an acronym unless an alias says so, or the
            // line shouts (a dateline, a headline)
            continue;
        }
        out.push(v);
    }
    out
}

/// True when `name` has a capital inside a word ("NoMa", "DeKalb") that `surface` lacks.
fn camel_mismatch(name: &str, surface: &str) -> bool {
    let camel = |s: &str| {
        let mut prev_lower = false;
        let mut out = Vec::new();
        for (k, c) in s.chars().enumerate() {
            if c.is_uppercase() && prev_lower {
                out.push(k);
            }
            prev_lower = c.is_lowercase();
        }
        out
    };
    let n = camel(name);
    !n.is_empty() && n != camel(surface)
}

/// True when a run in capitals ends a dateline: "WASHINGTON (AP) —", "SAN DIEGO -", "NIAMEY,".
fn dateline(text: &str, last: &Tok) -> bool {
    let rest = text[last.end..].trim_start_matches([' ', '\u{a0}']);
    rest.starts_with('(') || dateline_dash(rest)
}

/// The lines of a text in which capitals are not acronyms (most letters are capitals: a
/// headline, a shouting feed), as (start, end) byte ranges.
fn shouting_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let (mut up, mut all) = (0usize, 0usize);
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            all += 1;
            if c.is_uppercase() {
                up += 1;
            }
        }
        if all > 0 && up * 10 >= all * 7 {
            out.push((start, start + line.len()));
        }
        start += line.len();
    }
    out
}

/// True when capitals at token `t` are not acronyms: the token starts a line (a dateline:
/// "NIAMEY (Reuters) -") or its line shouts.
fn caps_context(shouting: &[(usize, usize)], t: &Tok) -> bool {
    t.after_break || shouting.iter().any(|&(a, b)| a <= t.start && t.start < b)
}

const MAX_WORDS: usize = 7;

/// Peoples whose names end village names ("Koutougou Haoussa", "Djole Peul").
const ETHNONYMS: &[&str] = &[
    "fulani",
    "peul",
    "peuls",
    "peulh",
    "tuareg",
    "touareg",
    "hausa",
    "haoussa",
    "zarma",
    "djerma",
    "songhai",
    "songhay",
    "kanuri",
    "toubou",
    "tubu",
    "bambara",
    "bozo",
    "mossi",
    "gourmantche",
    "arabe",
];

/// Lowercase words that end an unknown name ("Klakamana in Nguigmi" is two places).
const RUN_BREAKS: &[&str] = &["and", "or", "in", "at", "on", "near", "from", "to", "by", "with", "for"];

/// Directions before a place name that keep it literal ("Eastern Ghouta").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Every name of `text` the gazetteer knows or that stands where a place stands.
pub(crate) fn recognise(store: &Store, text: &str) -> Vec<RawMention> {
    let toks = tokenize(text);
    let persons = person_words(store, text, &toks);
    let shouting = shouting_lines(text);
    let mut out: Vec<RawMention> = Vec::new();
    // the text is mostly capitals (a headline, a shouting feed): capitals are not acronyms
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !is_capital(&t) {
            i += 1;
            continue;
        }
        // the run of capitalised words (with connectors) starting here
        let mut run_end = i; // inclusive index of the last capitalised token of the run
        let mut k = i;
        let mut words = 1;
        while k + 1 < toks.len() && words < MAX_WORDS + 3 {
            let n = toks[k + 1];
            if !joined(text, &toks[k], &n) {
                break;
            }
            if is_capital(&n) {
                k += 1;
                run_end = k;
                words += 1;
                continue;
            }
            if n.kind == TokKind::Lower && CONNECTORS.contains(low(text, &n).as_str()) {
                k += 1;
                words += 1;
                continue;
            }
            if matches!(n.kind, TokKind::Punct('-') | TokKind::Punct('\'') | TokKind::Punct('\u{2019}') | TokKind::Punct('&')) {
                k += 1;
                continue;
            }
            if n.kind == TokKind::Punct('.')
                && toks[k].end == n.start
                && matches!(low(text, &toks[k]).as_str(), "st" | "ste" | "mt" | "ft")
                && toks.get(k + 2).is_some_and(|x| is_capital(x) && joined(text, &n, x))
            {
                k += 1;
                continue;
            }
            break;
        }
        // a phrase that is never a place ("El Niño"): skip the whole run
        if STOP_PHRASES.iter().any(|p| name_key(&text[t.start..toks[run_end].end]).starts_with(p)) {
            i = run_end + 1;
            continue;
        }
        // the run starts before i when i is inside a run already passed: find its start
        let run_start = {
            let mut s = i;
            while s > 0 && joined(text, &toks[s - 1], &toks[s]) && is_capital(&toks[s - 1]) {
                s -= 1;
            }
            s
        };
        let caps_ok = (t.kind == TokKind::Caps && caps_context(&shouting, &t)) || dateline(text, &toks[run_end]);
        // longest match starting at i
        let mut found = None;
        let mut j = run_end;
        loop {
            if j < i {
                break;
            }
            let hyphen = toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Punct('-') && n.start == t.end);
            let function_word = j > i && !hyphen && FUNCTION_WORDS.contains(low(text, &t).as_str());
            if is_capital(&toks[j]) && j - i < MAX_WORDS * 2 && !function_word {
                let hits = hits_for(store, text, t.start, toks[j].end, caps_ok);
                if !hits.is_empty() {
                    found = Some((j, hits));
                    break;
                }
            }
            if j == i {
                break;
            }
            j -= 1;
        }
        let (j, hits) = match found {
            Some(x) => x,
            None => {
                // unknown name: keep when it stands where places stand
                let mut end = i;
                let mut n = i;
                while n < run_end && n - i < 4 {
                    n += 1;
                    if RUN_BREAKS.contains(&low(text, &toks[n]).as_str()) {
                        break;
                    }
                    if is_capital(&toks[n]) {
                        end = n;
                    }
                }
                if let Some(m) = unknown_name(store, text, &toks, i, end) {
                    out.push(m);
                    i = end + 1;
                } else {
                    i += 1;
                }
                continue;
            }
        };
        let m = classify(store, text, &toks, run_start, run_end, i, j, hits)
            .filter(|m| {
                // a surname of a person the text names: a first-level division or a capital
                // of that name only where places stand ("Sgt. Washington said", "in Washington")
                !(i == j
                    && persons.contains(&low(text, &toks[i]))
                    && !country_hit(store, &m.hits)
                    && !(m.locative && strong_country(store, &m.hits)))
            })
            .filter(|m| !middle_initial(text, &toks, i) || strong_country(store, &m.hits))
            .filter(|m| !(i == j && person_shaped(store, text, &toks, i) && !country_hit(store, &m.hits)));
        if let Some(m) = m {
            out.push(m);
            i = j + 1;
        } else if let Some(u) = (run_end > j)
            .then(|| {
                let stop =
                    (i..=run_end.min(i + 3)).take_while(|&k| !RUN_BREAKS.contains(&low(text, &toks[k]).as_str())).last().unwrap_or(i);
                let stop = (i..=stop).rev().find(|&k| is_capital(&toks[k])).unwrap_or(i);
                unknown_name(store, text, &toks, i, stop)
            })
            .flatten()
        {
            // "in Bangou Koirey (Ouallam, Tillaberi)": not a person, an unknown village
            i = toks.iter().position(|t| t.end == u.end).map_or(j + 1, |p| p + 1);
            out.push(u);
        } else {
            i = j + 1;
        }
    }
    mark_hints(text, &toks, &mut out);
    out
}

/// True when token `i` follows a name and a middle initial ("Romell L. Jones", "Travon S.
/// Overton"): it is a surname.
fn middle_initial(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 3
        && toks[i - 1].kind == TokKind::Punct('.')
        && toks[i - 2].kind == TokKind::Cap
        && toks[i - 2].end - toks[i - 2].start == 1
        && toks[i - 2].end == toks[i - 1].start
        && is_capital(&toks[i - 3])
        && joined(text, &toks[i - 3], &toks[i - 2])
        && joined(text, &toks[i - 1], &toks[i])
        && !toks[i - 3].sent_start
}

/// Surnames of the people the text names: the words after a given name or a title in a run
/// of capitalised words ("Michael Jordan", "President Bazoum", "Mr. Johnson"). A lone "Jordan"
/// later in the text is then the person, not the country.
fn person_words(store: &Store, text: &str, toks: &[Tok]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut k = 0;
    while k + 1 < toks.len() {
        let a = toks[k];
        if a.kind == TokKind::Cap && (k == 0 || !(is_capital(&toks[k - 1]) && joined(text, &toks[k - 1], &a))) {
            let w = low(text, &a);
            let title = TITLE_BEFORE.contains(w.as_str()) || is_title_abbrev(&w);
            // "Conor McGregor": two or three capitalised words, the first no place and no
            // common word, the whole no place
            let mut n = k + 1;
            while n < toks.len() && toks[n].kind == TokKind::Cap && joined(text, &toks[n - 1], &toks[n]) && n - k < 4 {
                n += 1;
            }
            let len = n - k;
            let next_is_cap = toks.get(n).is_some_and(|x| is_capital(x) && joined(text, &toks[n - 1], x));
            if (2..=3).contains(&len)
                && !next_is_cap
                && !a.sent_start
                && !title
                && !is_common_word(&w)
                && !STOP.contains(w.as_str())
                && !strong(store, &hits_for(store, text, a.start, a.end, false))
                && hits_for(store, text, a.start, toks[n - 1].end, false).is_empty()
            {
                out.insert(low(text, &toks[n - 1]));
            }
        }
        // a given name or a title, also inside a run ("State's Attorney Jerry Brady")
        if a.kind == TokKind::Cap {
            let w = low(text, &a);
            let title = TITLE_BEFORE.contains(w.as_str()) || is_title_abbrev(&w);
            if is_given_name(&w) || title {
                // the next capitalised words (over a title's dot)
                let mut n = k + 1;
                if toks[n].kind == TokKind::Punct('.') && toks[n].start == a.end {
                    n += 1;
                }
                let mut last = None;
                while n < toks.len() && toks[n].kind == TokKind::Cap && joined(text, &toks[n - 1], &toks[n]) {
                    last = Some(n);
                    n += 1;
                }
                if let Some(l) = last {
                    out.insert(low(text, &toks[l]));
                }
            }
        }
        k += 1;
    }
    out
}

/// True when a hit is a country (or a name in capitals or a demonym): a person's name never
/// hides those.
fn country_hit(store: &Store, hits: &[u32]) -> bool {
    hits.iter().any(|&v| v & (CAPS | DEMONYM) != 0 || store.e.feature[store.visible(v & ENTRY) as usize] == crate::Feature::Country)
}

/// True when the one-word name at token `i` is shaped like a person's surname: the second half
/// of a hyphenated name whose first half is no place or follows a given name ("Ana
/// Ortega-Lima"), or followed by an age between commas ("Ana Lima, 34, was hurt"), or by
/// "Jr."/"Sr."/"III".
fn person_shaped(store: &Store, text: &str, toks: &[Tok], i: usize) -> bool {
    let t = toks[i];
    let hyphenated = i >= 2
        && toks[i - 1].kind == TokKind::Punct('-')
        && toks[i - 1].end == t.start
        && toks[i - 2].end == toks[i - 1].start
        && toks[i - 2].kind == TokKind::Cap
        && !is_common_word(&low(text, &toks[i - 2]))
        && (hits_for(store, text, toks[i - 2].start, toks[i - 2].end, false).is_empty()
            || (i >= 3 && toks[i - 3].kind == TokKind::Cap && is_given_name(&low(text, &toks[i - 3]))));
    let aged = toks.get(i + 1).is_some_and(|c| c.kind == TokKind::Punct(',') && c.start == t.end)
        && toks
            .get(i + 2)
            .is_some_and(|n| n.kind == TokKind::Num && text[n.start..n.end].parse::<u32>().is_ok_and(|a| (1..=110).contains(&a)))
        && toks.get(i + 3).is_some_and(|c| matches!(c.kind, TokKind::Punct(',' | ';' | ')')) && c.start == toks[i + 2].end);
    // "Kevin Lima Jr.": a generational suffix follows a surname
    let suffixed = toks.get(i + 1).is_some_and(|n| n.start == t.end + 1 && matches!(&text[n.start..n.end], "Jr" | "Sr" | "III"));
    hyphenated || aged || suffixed
}

/// True when a hit is a country or an admin1 area (a person's name does not hide those).
fn strong_country(store: &Store, hits: &[u32]) -> bool {
    hits.iter().any(|&v| matches!(store.e.feature[store.visible(v & ENTRY) as usize], crate::Feature::Country | crate::Feature::Admin1))
}

/// Words of the run before and after the match.
#[allow(clippy::too_many_arguments)]
fn classify(
    store: &Store,
    text: &str,
    toks: &[Tok],
    run_start: usize,
    run_end: usize,
    i: usize,
    j: usize,
    hits: Vec<u32>,
) -> Option<RawMention> {
    let strong = |hits: &[u32]| strong(store, hits);
    let first = toks[i];
    let surface = &text[first.start..toks[j].end];
    let single = i == j;
    let lw = low(text, &first);
    // a demonym of a country or region wins over towns that share the word ("Canadian",
    // "Arab"); a strong place does not give way ("Georgian" is no town)
    let demonyms: Vec<u32> = hits.iter().copied().filter(|v| v & DEMONYM != 0).collect();
    let others: Vec<u32> = hits.iter().copied().filter(|v| v & DEMONYM == 0).collect();
    // a country's demonym before a common noun is the people's word even when a first-level
    // division shares it ("Somali pirates", "a Somali official"; but "the Somali region")
    let attributive = i == j
        && toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Lower && joined(text, &first, n) && admin_level(&low(text, n)).is_none());
    let admin1_only =
        !others.is_empty() && others.iter().all(|&v| store.e.feature[store.visible(v & ENTRY) as usize] == crate::Feature::Admin1);
    let as_demonym = !demonyms.is_empty() && (others.is_empty() || !strong(&others) || (attributive && admin1_only));
    let mut kind = if as_demonym { PlaceKind::Demonym } else { PlaceKind::Literal };
    let hits: Vec<u32> = if as_demonym { demonyms } else { others };
    if single
        && (STOP.contains(lw.as_str()) || TITLE_BEFORE.contains(lw.as_str()))
        && first.kind != TokKind::Caps
        && first.kind != TokKind::Abbrev
    {
        return None;
    }
    if STOP_PHRASES.contains(name_key(surface).as_str()) {
        return None;
    }
    // "Sector 4", "Site 12": a numbered common noun
    if single && is_common_word(&lw) && toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Num && joined(text, &first, n)) {
        return None;
    }
    // "Djado Plateau", "Komadougou River": a feature word after a name is part of that name
    if single && i > run_start && (GEO_WORDS.contains(lw.as_str()) || ORG_WORDS.contains(lw.as_str())) && first.kind == TokKind::Cap {
        return None;
    }
    let prev_word = (i > 0).then(|| toks[i - 1]).filter(is_word).map(|t| low(text, &t));
    let next = toks.get(j + 1).copied();
    let next_word = next.filter(is_word).map(|t| low(text, &t));
    // the next capitalised word of the run, over connectors ("Mine de Samira")
    let next_cap = (j + 1..=run_end)
        .take_while(|&k| !matches!(low(text, &toks[k]).as_str(), "and" | "or" | "in" | "on" | "the" | "to"))
        .find(|&k| is_capital(&toks[k]))
        .map(|k| low(text, &toks[k]));
    let next_in_run = next_cap.is_some();
    let prev_in_run = i > run_start;
    let mut level_hint = None;
    let mut end = toks[j].end;

    let next_word = if next_in_run { next_cap } else { next_word };
    if let Some(nw) = next_word.as_deref() {
        if let Some(level) = admin_level(nw) {
            level_hint = Some(level);
            if next.is_some_and(|n| is_word(&n) && low(text, &n) == nw) && joined(text, &toks[j], &next.unwrap_or(first)) {
                end = next.map_or(end, |n| n.end);
            }
        } else if next_in_run {
            if STREET_WORDS.contains(nw) {
                return None;
            }
            if kind == PlaceKind::Literal {
                if GEO_WORDS.contains(nw) || ORG_WORDS.contains(nw) {
                    kind = PlaceKind::Embedded;
                } else if TITLE_AFTER.contains(nw) {
                    // "Texas Governor Greg Abbott": the place stays literal
                } else if settlement_of(text, toks, i) && i == run_start && !is_common_word(nw) {
                    // "the village of Niamey Koira": a village's two-word name, not a town's
                    // name inside another (the run is read as an unknown name)
                    return None;
                } else if single && (is_given_name(&lw) || !(strong(&hits) || big(store, &hits))) {
                    // "Chad Smith", "Paris Hilton", "Allen Jones": a person
                    return None;
                } else {
                    // "Cambridge Analytica", "Seattle Seahawks"
                    kind = PlaceKind::Embedded;
                }
            }
        }
    }
    if prev_in_run && DIRECTIONS.contains(&low(text, &toks[i - 1]).as_str()) && i - 1 == run_start {
        // "Eastern Ghouta", "northern Mali" (capitalised): the direction is part of the place
    } else if prev_in_run {
        let pw = low(text, &toks[i - 1]);
        if TITLE_BEFORE.contains(pw.as_str()) || is_given_name(&pw) {
            // "Angel Rivera", "Chief Flynn": a surname, whatever shares it, but a country
            if kind == PlaceKind::Literal && !country_hit(store, &hits) {
                return None;
            }
        } else if matches!(pw.as_str(), "el" | "al" | "le" | "la" | "les" | "ag" | "ould" | "in") && i - 1 == run_start {
            // "El Guidi", "In Abangaret": an article, part of the place's name
        } else if kind == PlaceKind::Literal && (GEO_WORDS.contains(pw.as_str()) || !strong(&hits) || toks[i - 1].kind == TokKind::Caps) {
            kind = PlaceKind::Embedded;
        }
    } else if i >= 2 && toks[i - 1].kind == TokKind::Lower {
        // "University of Niamey", "Bank of Mali"
        let pw = low(text, &toks[i - 1]);
        let ppw = low(text, &toks[i - 2]);
        if pw == "of" && is_capital(&toks[i - 2]) && ORG_WORDS.contains(ppw.as_str()) && kind == PlaceKind::Literal {
            kind = PlaceKind::Embedded;
        }
    }
    // every word of the name a common English word or a direction ("Police", "West Coast")
    let common_word = first.kind != TokKind::Abbrev
        && (i..=j).filter(|&k| is_capital(&toks[k])).all(|k| {
            let w = low(text, &toks[k]);
            (is_common_word(&w) || DIRECTIONS.contains(&w.as_str())) && admin_level(&w).is_none()
        });
    Some(RawMention {
        raw_name: surface.to_string(),
        start: first.start,
        end,
        kind,
        hits,
        part_of_run: prev_in_run || next_in_run || run_end > j,
        level_hint,
        admin_hints: Vec::new(),
        locative: prev_word.as_deref().is_some_and(|w| LOCATIVE_BEFORE.contains(w))
            || next_word.as_deref().is_some_and(|w| LOCATIVE_AFTER.contains(w)),
        common_word,
        in_hint: false,
        given_name: single && is_given_name(&lw),
        town: (prev_word.as_deref() == Some("of")
            && i >= 2
            && matches!(low(text, &toks[i - 2]).as_str(), "town" | "village" | "city" | "hamlet"))
            || next_word.as_deref().is_some_and(|w| matches!(w, "town" | "village" | "city")),
        border: next_word.as_deref().is_some_and(|w| matches!(w, "border" | "borders" | "frontier"))
            || (prev_word.as_deref().is_some_and(|w| matches!(w, "with" | "of"))
                && i >= 2
                && matches!(low(text, &toks[i - 2]).as_str(), "border" | "frontier" | "borders")),
        hint_points: Vec::new(),
        hint_towns: Vec::new(),
        paren_hints: false,
        abbrev_hint: false,
    })
}

/// True when token `i` follows "the village of", "the hamlet of", "the locality of" (a
/// settlement's own name comes next).
fn settlement_of(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2
        && low(text, &toks[i - 1]) == "of"
        && matches!(low(text, &toks[i - 2]).as_str(), "village" | "hamlet" | "locality" | "villages" | "hamlets")
}

/// True when some hit is a country, an admin1 area, a region, a capital or a city of a
/// million people, or a hand-written alias or demonym.
pub(crate) fn strong(store: &Store, hits: &[u32]) -> bool {
    hits.iter().any(|&v| v & (CAPS | DEMONYM | DOT) != 0 || store.is_strong(store.visible(v & ENTRY)))
}

/// True when some hit is a place of 100,000 people or more.
fn big(store: &Store, hits: &[u32]) -> bool {
    hits.iter().any(|&v| store.e.pop[store.visible(v & ENTRY) as usize] >= 100_000)
}

/// An unknown capitalised name (tokens i..=end) kept when its context says it is a place.
fn unknown_name(_store: &Store, text: &str, toks: &[Tok], i: usize, end: usize) -> Option<RawMention> {
    let first = toks[i];
    let lw = low(text, &first);
    if first.kind == TokKind::Abbrev || STOP.contains(lw.as_str()) || TITLE_BEFORE.contains(lw.as_str()) {
        return None;
    }
    let surface = &text[first.start..toks[end].end];
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 {
        return None;
    }
    let words: Vec<String> = (i..=end).filter(|&k| is_capital(&toks[k])).map(|k| low(text, &toks[k])).collect();
    let prev = (i > 0).then(|| toks[i - 1]);
    let prev_word = prev.filter(is_word).map(|t| low(text, &t));
    let prev2_word = (i > 1).then(|| toks[i - 2]).filter(is_word).map(|t| low(text, &t));
    let next = toks.get(end + 1).copied();
    let next_word = next.filter(is_word).map(|t| low(text, &t));
    let of_place = prev_word.as_deref() == Some("of")
        && prev2_word.as_deref().is_some_and(|w| {
            matches!(
                w,
                "village"
                    | "town"
                    | "locality"
                    | "commune"
                    | "hamlet"
                    | "area"
                    | "vicinity"
                    | "outskirts"
                    | "city"
                    | "villages"
                    | "site"
                    | "camp"
                    | "zone"
                    | "department"
                    | "district"
                    | "municipality"
                    | "region"
                    | "province"
                    | "quarter"
                    | "neighbourhood"
                    | "neighborhood"
                    | "localities"
                    | "communes"
            )
        });
    let roman = |w: &str| matches!(w, "i" | "ii" | "iii" | "iv");
    if words.iter().enumerate().any(|(k, w)| {
        (!of_place && is_given_name(w))
            || ORG_WORDS.contains(w.as_str())
            || STREET_WORDS.contains(w.as_str())
            || (STOP.contains(w.as_str()) && !(k > 0 && (roman(w) || ETHNONYMS.contains(&w.as_str()))))
    }) {
        return None;
    }
    if end == i && is_common_word(&lw) {
        return None;
    }
    // strong place contexts only: "village of X", "in X (", "X village", "near X"
    let near = prev_word.as_deref().is_some_and(|w| matches!(w, "near" | "outside" | "around" | "nearby"));
    let paren = next.is_some_and(|n| n.kind == TokKind::Punct('(')) && prev_word.as_deref().is_some_and(|w| LOCATIVE_BEFORE.contains(w));
    let after = next_word.as_deref().is_some_and(|w| matches!(w, "village" | "villages" | "town" | "locality" | "commune" | "hamlet"));
    let at_in = prev_word.as_deref().is_some_and(|w| matches!(w, "in" | "at"))
        && next.is_some_and(|n| matches!(n.kind, TokKind::Punct(',') | TokKind::Punct('.') | TokKind::Punct('(')));
    // "between X and Y": both ends of a stretch of road or bush
    let between = prev_word.as_deref() == Some("between") && next_word.as_deref() == Some("and")
        || prev_word.as_deref() == Some("and")
            && next.is_some_and(|n| matches!(n.kind, TokKind::Punct(',') | TokKind::Punct('.') | TokKind::Punct('(')))
            && (i.saturating_sub(8)..i).any(|k| low(text, &toks[k]) == "between");
    // "location coded as X", "coded to X": the coder names the place
    let coded = matches!(prev_word.as_deref(), Some("as" | "to")) && (i.saturating_sub(6)..i).any(|k| low(text, &toks[k]) == "coded");
    if !(of_place || near || paren || after || at_in || between || coded) {
        return None;
    }
    Some(RawMention {
        raw_name: surface.to_string(),
        start: first.start,
        end: toks[end].end,
        kind: PlaceKind::Literal,
        hits: Vec::new(),
        part_of_run: false,
        level_hint: None,
        admin_hints: Vec::new(),
        locative: true,
        common_word: false,
        in_hint: false,
        given_name: false,
        town: true,
        border: false,
        hint_points: Vec::new(),
        hint_towns: Vec::new(),
        paren_hints: false,
        abbrev_hint: false,
    })
}

/// Admin hints: "X (A, B)" gives X the hints A and B (and marks A and B as hints); "X, B" where
/// B is the next mention gives X the hint B (city, state).
fn mark_hints(text: &str, _toks: &[Tok], ms: &mut [RawMention]) {
    for a in 0..ms.len() {
        let mut after = &text[ms[a].end..];
        // "Gardjina [Wassal Gardjina] (Tera, Tillaberi)": over a bracketed other name
        let t0 = after.trim_start_matches([' ', '\u{a0}']);
        if t0.starts_with('[')
            && let Some(close) = t0.find(']').filter(|&c| c < 60)
        {
            after = &t0[close + 1..];
        }
        // the first byte after the bracketed other name: mentions inside it are no hints
        let hints_from = text.len() - after.len();
        let mut trimmed = after.trim_start_matches([' ', '\u{a0}']);
        // "the Doutchi area (Diffa)": over a place noun
        for noun in ["area ", "village ", "commune ", "department ", "town ", "camp ", "locality "] {
            if let Some(rest) = trimmed.strip_prefix(noun)
                && rest.trim_start().starts_with('(')
            {
                trimmed = rest.trim_start();
            }
        }
        if trimmed.starts_with('(') {
            let open = text.len() - trimmed.len();
            let Some(close_rel) = text[open..].find(')') else { continue };
            let close = open + close_rel;
            if close - open > 80 || !hint_list(&text[open + 1..close]) {
                continue;
            }
            let mut hints = Vec::new();
            for b in a + 1..ms.len() {
                if ms[b].start >= close {
                    break;
                }
                if ms[b].kind == PlaceKind::Literal && ms[b].start >= hints_from {
                    hints.push(name_key(strip_level(&text[ms[b].start..ms[b].end])));
                    ms[b].in_hint = true;
                }
            }
            // names inside the parentheses that no gazetteer row has are hints too (not
            // acronyms: "(TLP)")
            for part in text[open + 1..close].split(',') {
                let part = part.trim();
                let k = name_key(strip_level(part));
                if !k.is_empty()
                    && !hints.contains(&k)
                    && part.chars().next().is_some_and(char::is_uppercase)
                    && part.chars().any(char::is_lowercase)
                {
                    hints.push(k);
                }
            }
            // "the villages of A, B and C (Abala, Tillaberi)", "between A and B (Tera,
            // Tillaberi)": the hints hold for the whole list
            // "the villages of A and B, in the commune of C (Madarounfa, Maradi)": the places
            // before the area lie in it (the area's name becomes their first hint)
            let mut k = a;
            let mut list_hints = hints.clone();
            while k > 0 {
                let gap = text[ms[k - 1].end..ms[k].start].trim();
                let inside = k == a && area_of_gap(gap);
                let list = matches!(gap, "," | "and" | ", and" | "or" | ", or");
                if !(list || inside) || !ms[k - 1].admin_hints.is_empty() || ms[k - 1].in_hint {
                    break;
                }
                if inside {
                    let own = name_key(strip_level(&text[ms[k].start..ms[k].end]));
                    if !own.is_empty() && !list_hints.contains(&own) {
                        list_hints.insert(0, own);
                    }
                }
                k -= 1;
                ms[k].admin_hints = list_hints.clone();
                ms[k].paren_hints = true;
            }
            // "Tassia [Tassia Kaina] (Abala, Tillaberi)": the other name in brackets lies
            // in the same areas
            for mb in ms[a + 1..].iter_mut().take_while(|mb| mb.start < hints_from) {
                if mb.admin_hints.is_empty() {
                    mb.admin_hints = hints.clone();
                    mb.paren_hints = true;
                }
            }
            ms[a].admin_hints = hints;
            ms[a].paren_hints = true;
        } else if let Some(rest) = trimmed.strip_prefix(',') {
            // "Kollo, Tillaberi" / "Mobile, Ala." : the next mention right after the comma
            let pos = text.len() - rest.len();
            let rest_trim = rest.trim_start();
            let next_start = pos + (rest.len() - rest_trim.len());
            // not in a list ("Niger, Mali and Burkina Faso", "Niger, Mali, Chad"): a third
            // name follows the second after a comma, "and" or "or"
            let list = match (ms.get(a + 1), ms.get(a + 2)) {
                (Some(b), Some(c)) => {
                    let gap = text[b.end..c.start].trim();
                    matches!(gap, "," | "and" | "or" | ", and" | ", or")
                }
                _ => false,
            };
            if let Some(b) = ms.get(a + 1).filter(|_| !list)
                && b.start == next_start
                && (b.kind == PlaceKind::Literal || b.hits.iter().any(|&v| v & (DOT | CAPS) != 0))
                && !b.hits.is_empty()
            {
                let k = name_key(strip_level(&text[b.start..b.end]));
                let abbrev = b.hits.iter().any(|&v| v & (DOT | CAPS) != 0);
                ms[a].admin_hints.push(k);
                ms[a].abbrev_hint = abbrev;
            }
        }
    }
}

/// True when the words between two mentions say the first lies in the second ("in the
/// commune of", ", in the area of", "department of").
fn area_of_gap(gap: &str) -> bool {
    let g = gap.trim_start_matches(',').trim();
    let g = g.strip_prefix("in ").unwrap_or(g).trim_start();
    let g = g.strip_prefix("the ").unwrap_or(g).trim_start();
    let g = g.strip_prefix("rural ").or_else(|| g.strip_prefix("urban ")).unwrap_or(g).trim_start();
    g.strip_suffix(" of").is_some_and(|w| {
        let w = w.trim();
        matches!(w, "area" | "zone") || admin_level(w).is_some_and(|l| l >= 2)
    })
}

/// True when the text inside parentheses reads as a list of admin names ("Abala, Tillaberi",
/// "Ville de Niamey, Niamey"): every part starts with a capital and holds no lowercase word
/// but a connector; not a remark ("coded as X at geo precision 2", "possibly X or Y").
pub(crate) fn hint_list(inner: &str) -> bool {
    let inner = inner.trim();
    !inner.is_empty()
        && inner.split(',').all(|part| {
            let part = part.trim();
            part.chars().next().is_some_and(char::is_uppercase)
                && part
                    .split([' ', '\u{a0}'])
                    .filter(|w| !w.is_empty())
                    .all(|w| !w.chars().next().is_some_and(char::is_lowercase) || CONNECTORS.contains(w) || admin_level(w).is_some())
        })
}

/// A name without a trailing admin-level word ("Tahoua region" -> "Tahoua").
pub(crate) fn strip_level(s: &str) -> &str {
    let t = s.trim();
    if let Some((head, last)) = t.rsplit_once(' ')
        && admin_level(&last.to_lowercase()).is_some()
    {
        return head.trim();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("In N'Guigmi, the U.S. and Niger's army.");
        let words: Vec<(&str, TokKind)> = t.iter().map(|x| (&"In N'Guigmi, the U.S. and Niger's army."[x.start..x.end], x.kind)).collect();
        assert_eq!(words[0], ("In", TokKind::Cap));
        assert_eq!(words[1], ("N'Guigmi", TokKind::Cap));
        assert_eq!(words[4], ("U.S.", TokKind::Abbrev));
        assert_eq!(words[6], ("Niger", TokKind::Cap));
        assert!(t[0].sent_start && !t[1].sent_start);
    }

    #[test]
    fn camel_case() {
        assert!(camel_mismatch("NoMa", "Noma"));
        assert!(!camel_mismatch("NoMa", "NoMa"));
        assert!(!camel_mismatch("United Kingdom", "British"));
        assert!(!camel_mismatch("Niamey", "NIAMEY"));
    }

    #[test]
    fn strip_levels() {
        assert_eq!(strip_level("Tahoua region"), "Tahoua");
        assert_eq!(strip_level("Borno State"), "Borno");
        assert_eq!(strip_level("Niamey"), "Niamey");
    }
}
