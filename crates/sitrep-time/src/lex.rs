//! Tokens and the lexicon: one pass over a sentence, each word looked up once.
//!
//! Words keep their byte span in the text given to [`crate::tag`]; `key` is the ASCII-lowercased
//! word without a possessive "'s", and `lex` what the word can mean for dates (a month, a
//! weekday, a number word, a unit...). The grammar compares `key` for function words and uses
//! `lex` for the open classes, so nothing is lowercased or allocated twice.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with inner apostrophes: "Friday's", "o'clock", "aujourd'hui").
    Word,
    /// Digits, with any letters glued after them ("28th", "1990s", "10pm", "14h30").
    Num,
    /// One other character (dashes normalised to '-', apostrophes to '\'').
    Punct,
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A season (northern-hemisphere TIMEX3 codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// First month of the season.
    pub(crate) fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day (TIMEX3 codes MO, AF, EV, NI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// How a month name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthForm {
    /// "September", "septembre".
    Full,
    /// "Sept", "Sep", "Jan": needs a period or a number next to it.
    Abbr,
    /// "May", "March", "August": also ordinary words; needs a capital and date context.
    Ambiguous,
}

/// What a word can mean for dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    None,
    /// Month 1-12.
    Month(u32, MonthForm),
    /// Weekday 1 (Monday) to 7; `true` when abbreviated ("Thu").
    Weekday(u32, bool),
    /// A cardinal number word ("three", "twenty", "hundred" = 100).
    Num(u32),
    /// An ordinal word ("third").
    Ordinal(u32),
    /// A unit of time.
    Unit(Unit),
    Season(Season),
    Pod(Pod),
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    /// Byte span in the text given to `tag`.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lowercased text without a possessive "'s" (for `Num`: the whole lowercased run).
    pub key: &'a str,
    /// The word ends in "'s".
    pub poss: bool,
    /// First character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase (headlines, acronyms).
    pub upper: bool,
    pub lex: Lex,
    /// Plural form of a unit, weekday or month word ("days", "Fridays").
    pub plural: bool,
    /// Num: value of the leading digits (saturated at u32::MAX).
    pub num: u32,
    /// Num: how many leading digits.
    pub digits: u8,
    /// Num: the lowercase letters glued after the digits ("th", "s", "pm").
    pub suffix: &'a str,
    /// Punct: the character, normalised.
    pub ch: char,
}

impl Tok<'_> {
    /// A number written with digits only.
    pub(crate) fn plain_num(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.suffix.is_empty() && self.digits <= 9).then_some(self.num)
    }
}

/// Tokens of `text[start..end]`; `lower` is `text` ASCII-lowercased (same byte offsets).
pub(crate) fn tokenize<'a>(text: &'a str, lower: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let s = i;
            let mut num: u64 = 0;
            while i < end && bytes[i].is_ascii_digit() {
                num = (num * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            let digits = (i - s).min(255) as u8;
            let ds = i;
            while i < end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(Tok {
                start: s,
                end: i,
                kind: Kind::Num,
                key: &lower[s..i],
                poss: false,
                cap: false,
                upper: false,
                lex: Lex::None,
                plural: false,
                num: num as u32,
                digits,
                suffix: &lower[ds..i],
                ch: '\0',
            });
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphabetic() {
            let s = i;
            let mut upper = true;
            let cap = c.is_uppercase();
            let mut j = i;
            let mut last_alpha = true;
            while j < end {
                let Some(ch) = text[j..].chars().next() else { break };
                if ch.is_alphabetic() {
                    if ch.is_lowercase() {
                        upper = false;
                    }
                    j += ch.len_utf8();
                    last_alpha = true;
                } else if (ch == '\'' || ch == '\u{2019}') && last_alpha {
                    // Inner apostrophe: keep it when a letter follows.
                    let after = j + ch.len_utf8();
                    if text[after..end].chars().next().is_some_and(char::is_alphabetic) {
                        j = after;
                        last_alpha = false;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            i = j;
            let full = &lower[s..j];
            let (key, poss) = strip_possessive(full);
            let (lex, plural) = lookup(key);
            out.push(Tok {
                start: s,
                end: j,
                kind: Kind::Word,
                key,
                poss,
                cap,
                upper,
                lex,
                plural,
                num: 0,
                digits: 0,
                suffix: "",
                ch: '\0',
            });
            continue;
        }
        let len = c.len_utf8();
        let ch = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{202F}' => {
                i += len;
                continue;
            }
            other => other,
        };
        out.push(Tok {
            start: i,
            end: i + len,
            kind: Kind::Punct,
            key: &lower[i..i + len],
            poss: false,
            cap: false,
            upper: false,
            lex: Lex::None,
            plural: false,
            num: 0,
            digits: 0,
            suffix: "",
            ch,
        });
        i += len;
    }
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["'s", "\u{2019}s", "s'", "s\u{2019}"] {
        if w.len() > suf.len() + 1
            && let Some(base) = w.strip_suffix(suf)
        {
            // "years'" keeps its "s": the base of a plural possessive is the plural.
            if suf.starts_with('s') {
                return (&w[..base.len() + 1], true);
            }
            return (base, true);
        }
    }
    (w, false)
}

/// The lexicon entry of a lowercased word, and whether it is a plural form.
fn lookup(key: &str) -> (Lex, bool) {
    if key.len() > 14 {
        return (Lex::None, false);
    }
    if !key.is_ascii() {
        let mut folded = String::with_capacity(key.len());
        for c in key.chars() {
            sitrep_text::fold_char(c, &mut folded);
        }
        let f = folded.strip_prefix("l'").or_else(|| folded.strip_prefix("d'")).unwrap_or(&folded);
        return LEXICON.get(f).copied().unwrap_or((Lex::None, false));
    }
    let k = key.strip_prefix("l'").or_else(|| key.strip_prefix("d'")).unwrap_or(key);
    LEXICON.get(k).copied().unwrap_or((Lex::None, false))
}

static LEXICON: LazyLock<HashMap<&'static str, (Lex, bool)>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity(400);
    let months: [(&[&str], &[&str], &[&str]); 12] = [
        (&["january", "janvier"], &["jan"], &[]),
        (&["february", "fevrier"], &["feb", "fev", "fevr"], &[]),
        (&[], &["mar"], &["march", "mars"]),
        (&["april", "avril"], &["apr", "avr"], &[]),
        (&["mai"], &[], &["may"]),
        (&["june", "juin"], &["jun"], &[]),
        (&["july", "juillet"], &["jul", "juil"], &[]),
        (&["aout"], &["aug"], &["august"]),
        (&["september", "septembre"], &["sep", "sept"], &[]),
        (&["october", "octobre"], &["oct"], &[]),
        (&["november", "novembre"], &["nov"], &[]),
        (&["december", "decembre"], &["dec"], &[]),
    ];
    for (i, (full, abbr, amb)) in months.iter().enumerate() {
        let n = i as u32 + 1;
        for w in *full {
            m.insert(*w, (Lex::Month(n, MonthForm::Full), false));
        }
        for w in *abbr {
            m.insert(*w, (Lex::Month(n, MonthForm::Abbr), false));
        }
        for w in *amb {
            m.insert(*w, (Lex::Month(n, MonthForm::Ambiguous), false));
        }
    }
    let days: [(&str, &str, &[&str], &str); 7] = [
        ("monday", "mondays", &["mon"], "lundi"),
        ("tuesday", "tuesdays", &["tue", "tues"], "mardi"),
        ("wednesday", "wednesdays", &["wed"], "mercredi"),
        ("thursday", "thursdays", &["thu", "thur", "thurs"], "jeudi"),
        ("friday", "fridays", &["fri"], "vendredi"),
        ("saturday", "saturdays", &["sat"], "samedi"),
        ("sunday", "sundays", &["sun"], "dimanche"),
    ];
    for (i, (full, plural, abbr, fr)) in days.iter().enumerate() {
        let n = i as u32 + 1;
        m.insert(*full, (Lex::Weekday(n, false), false));
        m.insert(*fr, (Lex::Weekday(n, false), false));
        m.insert(*plural, (Lex::Weekday(n, false), true));
        for a in *abbr {
            m.insert(*a, (Lex::Weekday(n, true), false));
        }
    }
    let nums = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("thousand", 1000),
        ("dozen", 12),
    ];
    for (w, n) in nums {
        m.insert(w, (Lex::Num(n), false));
    }
    let ords = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("premier", 1),
        ("premiere", 1),
    ];
    for (w, n) in ords {
        m.insert(w, (Lex::Ordinal(n), false));
    }
    let units: [(&str, &str, Unit); 12] = [
        ("second", "seconds", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("fortnight", "fortnights", Unit::Fortnight),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
        ("yr", "yrs", Unit::Year),
    ];
    for (s, p, u) in units {
        if s != "second" {
            m.insert(s, (Lex::Unit(u), false));
        }
        m.insert(p, (Lex::Unit(u), true));
    }
    // French units (plural forms written the same or with -s).
    for (w, u, pl) in [
        ("jour", Unit::Day, false),
        ("jours", Unit::Day, true),
        ("semaine", Unit::Week, false),
        ("semaines", Unit::Week, true),
        ("mois", Unit::Month, false),
        ("ans", Unit::Year, true),
        ("annee", Unit::Year, false),
        ("annees", Unit::Year, true),
        ("heures", Unit::Hour, true),
    ] {
        m.entry(w).or_insert((Lex::Unit(u), pl));
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
        ("printemps", Season::Spring),
        ("ete", Season::Summer),
        ("automne", Season::Fall),
        ("hiver", Season::Winter),
    ] {
        m.insert(w, (Lex::Season(s), false));
    }
    for (w, p) in [
        ("morning", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("night", Pod::Night),
        ("matin", Pod::Morning),
        ("soir", Pod::Evening),
        ("soiree", Pod::Evening),
        ("nuit", Pod::Night),
    ] {
        m.insert(w, (Lex::Pod(p), false));
    }
    m
});

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Kind, String)> {
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, 0, s.len(), &mut v);
        v.iter().map(|t| (t.kind, s[t.start..t.end].to_string())).collect()
    }

    #[test]
    fn words_numbers_punct() {
        let t = toks("On Friday's 28th, 10:35pm — mid-Sept.");
        let texts: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(texts, ["On", "Friday's", "28th", ",", "10", ":", "35pm", "—", "mid", "-", "Sept", "."]);
        assert_eq!(t[2].0, Kind::Num);
    }

    #[test]
    fn lexicon_and_possessive() {
        let s = "Friday's septembre Août years' Sept";
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, 0, s.len(), &mut v);
        assert_eq!(v[0].lex, Lex::Weekday(5, false));
        assert!(v[0].poss);
        assert_eq!(v[1].lex, Lex::Month(9, MonthForm::Full));
        assert_eq!(v[2].lex, Lex::Month(8, MonthForm::Full));
        assert_eq!(v[3].lex, Lex::Unit(Unit::Year));
        assert!(v[3].plural);
        assert_eq!(v[4].kind, Kind::Punct);
        assert_eq!(v[5].lex, Lex::Month(9, MonthForm::Abbr));
    }

    #[test]
    fn number_suffix() {
        let s = "1990s 1er";
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, 0, s.len(), &mut v);
        assert_eq!((v[0].num, v[0].digits, v[0].suffix), (1990, 4, "s"));
        assert_eq!((v[1].num, v[1].suffix), (1, "er"));
    }
}
