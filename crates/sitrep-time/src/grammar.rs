//! The grammar: token patterns to meanings.
//!
//! At each token that can start an expression, every rule is tried and the longest match
//! wins; the scan then goes on after it. Rules are plain functions over the token slice of one
//! sentence, so nothing here can see another sentence.

use crate::lex::{Kind, Lex, MonthForm, Pod, Tok, Unit};
use crate::sem::{Amount, Cal, Dir, Holiday, Part, RefKind, Sem, Tod, YearRef};
use std::collections::HashSet;
use std::sync::LazyLock;

/// START / MID / END and their relatives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PosMod {
    Start,
    Mid,
    End,
    /// "earlier this week": from the start of the period to the anchor.
    SoFar,
    /// "later this year": from the anchor to the end.
    Later,
}

/// Quantity modifiers ("about", "nearly", "at least").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub(crate) enum Approx {
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

/// One expression found: tokens `s..e` of the sentence.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub s: usize,
    pub e: usize,
    pub sem: Sem,
    pub pos: Option<PosMod>,
    pub approx: Option<Approx>,
    pub rule: &'static str,
}

fn cand(s: usize, e: usize, sem: Sem, rule: &'static str) -> Cand {
    Cand { s, e, sem, pos: None, approx: None, rule }
}

/// Nouns of occasions named after a holiday ("a Christmas party", "the Halloween parade"):
/// the holiday names no date there.
const HOLIDAY_OCCASIONS: &[&str] = &[
    "party",
    "parties",
    "celebration",
    "celebrations",
    "gathering",
    "gatherings",
    "dinner",
    "dinners",
    "festivities",
    "festival",
    "parade",
    "lights",
    "light",
    "tree",
    "trees",
    "shopping",
    "shoppers",
    "decorations",
    "display",
    "costume",
    "costumes",
    "event",
    "events",
    "concert",
    "market",
    "feast",
    "meal",
    "bash",
    "get-together",
    "egg",
    "eggs",
    "hunt",
    "toy",
    "toys",
    "gift",
    "gifts",
    "card",
    "cards",
    "dance",
    "show",
    "sale",
    "sales",
    "travel",
    "traffic",
    "rush",
];

/// Street types: a four-digit number before a name and one of these is a house number.
const STREET_WORDS: &[&str] = &[
    "st",
    "street",
    "ave",
    "avenue",
    "rd",
    "road",
    "blvd",
    "boulevard",
    "dr",
    "drive",
    "ln",
    "lane",
    "way",
    "ct",
    "court",
    "pl",
    "place",
    "hwy",
    "highway",
    "pike",
    "parkway",
    "pkwy",
    "circle",
    "cir",
    "terrace",
    "trail",
    "ter",
    "square",
    "sq",
];

/// Every expression of one sentence, in order, not overlapping.
pub(crate) fn parse(t: &[Tok<'_>], month_first: bool, published: Option<chrono::NaiveDate>) -> Vec<Cand> {
    let g = G { t, month_first, published };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if g.starter(i)
            && let Some(c) = g.best(i)
            && c.e > i
        {
            i = c.e;
            // "April 24 and 25": the second day is a date of its own.
            let extra = match &c.sem {
                Sem::Cal(cal @ Cal { d: Some(_), .. }) if g.wa(i, &["and", "or", "et", "ou"]) => g
                    .day_at(i + 1)
                    .filter(|&(e, _)| g.month_at(e).is_none())
                    .map(|(e, d2)| cand(i + 1, e, Sem::Cal(Cal { d: Some(d2), ..*cal }), c.rule)),
                _ => None,
            };
            out.push(c);
            if let Some(x) = extra {
                i = x.e;
                out.push(x);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Words that can start an expression although they mean nothing alone.
static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "last",
        "next",
        "past",
        "coming",
        "previous",
        "preceding",
        "following",
        "current",
        "same",
        "early",
        "earlier",
        "late",
        "later",
        "mid",
        "middle",
        "end",
        "beginning",
        "start",
        "turn",
        "about",
        "around",
        "approximately",
        "roughly",
        "circa",
        "some",
        "nearly",
        "almost",
        "at",
        "more",
        "over",
        "less",
        "under",
        "up",
        "no",
        "not",
        "within",
        "just",
        "fewer",
        "every",
        "each",
        "once",
        "twice",
        "thrice",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "annually",
        "hourly",
        "nightly",
        "quarterly",
        "biweekly",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "now",
        "currently",
        "presently",
        "nowadays",
        "recently",
        "recent",
        "lately",
        "previously",
        "formerly",
        "soon",
        "christmas",
        "easter",
        "thanksgiving",
        "halloween",
        "new",
        "valentine",
        "election",
        "fiscal",
        "q",
        "h",
        "hier",
        "aujourd'hui",
        "demain",
        "avant",
        "apres",
        "noon",
        "midnight",
        "midday",
        "several",
        "few",
        "many",
        "couple",
        "half",
        "dozens",
        "weekend",
        "weekends",
        "fin",
        "debut",
        "mi",
        "year",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
        "'",
        "its",
        "first",
        "second",
        "third",
        "fourth",
        "final",
        "latest",
        "recent",
        "coming",
        "for",
        "in",
        "on",
        "numerous",
        "present",
        "future",
        "ce",
        "cette",
        "la",
        "le",
        "premier",
    ]
    .into_iter()
    .collect()
});

/// Words before a bare month name that make it a date ("in May", "since March").
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "during",
    "from",
    "through",
    "throughout",
    "before",
    "after",
    "between",
    "and",
    "to",
    "end",
    "beginning",
    "around",
    "for",
    "on",
    "en",
    "depuis",
    "fin",
    "debut",
    "mi",
    "of",
    "or",
    "that",
    "each",
    "every",
    "until",
    "starting",
    "ending",
    "late",
    "past",
];

/// Words after a four-digit number that make it a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "percent",
    "per",
    "pc",
    "people",
    "persons",
    "men",
    "women",
    "children",
    "troops",
    "soldiers",
    "fighters",
    "civilians",
    "militants",
    "rebels",
    "police",
    "officers",
    "deaths",
    "casualties",
    "homes",
    "houses",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "ft",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "francs",
    "cfa",
    "votes",
    "cases",
    "jobs",
    "shares",
    "barrels",
    "students",
    "refugees",
    "members",
    "acres",
    "hectares",
    "pages",
    "cars",
    "vehicles",
    "units",
    "employees",
    "workers",
    "residents",
    "families",
    "households",
    "head",
    "cattle",
    "animals",
    "attacks",
    "incidents",
    "points",
    "yards",
    "kg",
    "kilograms",
    "pounds",
    "lbs",
    "rounds",
    "weapons",
    "guns",
    "rifles",
    "bullets",
    "pieces",
    "hours",
    "days",
    "years",
    "prisoners",
    "hostages",
    "patients",
    "beds",
    "schools",
    "villages",
    "victims",
    "seats",
    "copies",
    "times",
    "m",
    "mw",
    "gmt",
    "utc",
    "hrs",
    "sq",
    "square",
    "cc",
    "mph",
    "kph",
    "calories",
];

/// Words before a four-digit number that make it an identifier.
const ID_WORDS: &[&str] = &[
    "no",
    "nos",
    "number",
    "page",
    "pages",
    "flight",
    "route",
    "room",
    "rooms",
    "model",
    "item",
    "article",
    "articles",
    "resolution",
    "code",
    "highway",
    "suite",
    "box",
    "pp",
    "p",
    "vol",
    "chapter",
    "section",
    "platform",
    "gate",
    "bus",
    "line",
    "apartment",
    "apt",
    "unit",
    "ward",
    "hwy",
    "interstate",
    "road",
    "street",
    "avenue",
    "block",
    "lot",
    "cell",
    "mile",
    "exit",
    "bill",
    "form",
    "case",
];

/// Words before an old (pre-1900) year.
const YEAR_PREPS: &[&str] = &[
    "in", "since", "of", "from", "to", "until", "till", "by", "between", "and", "circa", "around", "before", "after", "during", "year",
    "mid", "early", "late", "c", "ca", "en", "depuis", "fiscal",
];

/// Nouns that name an event another date can be counted from ("a day after the attack").
static EVENT_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "attack",
        "attacks",
        "assault",
        "raid",
        "raids",
        "ambush",
        "clash",
        "clashes",
        "fighting",
        "battle",
        "offensive",
        "operation",
        "incident",
        "killing",
        "killings",
        "massacre",
        "bombing",
        "bombings",
        "blast",
        "explosion",
        "shooting",
        "shootings",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "coup",
        "election",
        "elections",
        "vote",
        "referendum",
        "arrest",
        "abduction",
        "kidnapping",
        "murder",
        "death",
        "funeral",
        "invasion",
        "war",
        "ceasefire",
        "truce",
        "protest",
        "protests",
        "riot",
        "riots",
        "uprising",
        "siege",
        "crash",
        "meeting",
        "summit",
        "talks",
        "announcement",
        "visit",
        "deal",
        "agreement",
        "release",
        "violence",
        "unrest",
        "fire",
        "flood",
        "floods",
        "earthquake",
        "storm",
        "disaster",
        "accident",
        "incursion",
        "takeover",
        "withdrawal",
        "inauguration",
        "event",
        "episode",
        "crisis",
        "hearing",
        "trial",
        "verdict",
        "ruling",
        "decision",
        "ban",
        "closure",
        "outbreak",
        "capture",
        "seizure",
        "execution",
        "mutiny",
        "revolt",
        "rebellion",
        "standoff",
        "crackdown",
        "demonstration",
        "demonstrations",
        "rally",
        "ambushes",
        "massacres",
        "assaults",
        "landslide",
        "collapse",
        "hijacking",
        "kidnappings",
        "abductions",
        "deaths",
        "killing",
        "resignation",
        "departure",
        "arrival",
        "signing",
        "launch",
        "opening",
        "discovery",
        "disappearance",
        "escape",
        "jailbreak",
        "invasion",
        "takeover",
        "putsch",
        "explosions",
        "blasts",
        "incidents",
        "operations",
        "confrontation",
        "confrontations",
        "skirmish",
        "skirmishes",
        "bombardment",
        "shelling",
        "firefight",
        "gunfight",
        "robbery",
        "looting",
        "arson",
    ]
    .into_iter()
    .collect()
});

struct G<'s, 'a> {
    t: &'s [Tok<'a>],
    month_first: bool,
    /// Only to choose between the two readings of an ambiguous numeric date.
    published: Option<chrono::NaiveDate>,
}

impl<'a> G<'_, 'a> {
    fn n(&self) -> usize {
        self.t.len()
    }
    /// The key of word token `i` ("" otherwise).
    fn k(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => t.key,
            _ => "",
        }
    }
    fn w(&self, i: usize, s: &str) -> bool {
        self.k(i) == s
    }
    fn wa(&self, i: usize, ss: &[&str]) -> bool {
        let k = self.k(i);
        !k.is_empty() && ss.contains(&k)
    }
    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }
    /// Token `i` ends where token `i + 1` starts.
    fn adj(&self, i: usize) -> bool {
        i + 1 < self.n() && self.t[i].end == self.t[i + 1].start
    }
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.t.get(i) {
            // "60 Minutes", "This Week" are titles.
            Some(t) if t.kind == Kind::Word && !(t.cap && !t.upper && i > 0) => match t.lex {
                Lex::Unit(u) => Some((u, t.plural)),
                _ => None,
            },
            _ => None,
        }
    }
    fn pod(&self, i: usize) -> Option<Pod> {
        match self.lex(i) {
            Lex::Pod(p) if !self.t[i].plural => Some(p),
            _ => None,
        }
    }

    fn starter(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            Kind::Num => true,
            Kind::Punct => t.ch == '\'',
            Kind::Word => t.lex != Lex::None || STARTERS.contains(t.key),
        }
    }

    /// The longest expression starting at `i`.
    fn best(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Cand| {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        };
        if let Some((j, pm, of)) = self.pos_prefix(i) {
            let core = if of { self.the_unit(j).or_else(|| self.core(j)) } else { self.core(j) };
            if let Some(mut c) = core
                && pos_ok(&c.sem, pm)
            {
                c.s = i;
                c.pos = Some(pm);
                consider(c);
            }
        }
        if let Some((j, ap)) = self.approx_prefix(i)
            && let Some(mut c) = self.core(j)
            && approx_ok(&c.sem)
            && c.approx.is_none()
        {
            c.s = i;
            c.approx = Some(ap);
            consider(c);
        }
        if let Some(c) = self.core(i) {
            consider(c);
        }
        best
    }

    /// The longest expression without prefix modifiers at `i`, with a part of day or a clock
    /// time glued after a day ("Thursday morning").
    fn core(&self, i: usize) -> Option<Cand> {
        let rules: [fn(&Self, usize) -> Option<Cand>; 15] = [
            Self::iso_numeric,
            Self::cal,
            Self::weekday,
            Self::year,
            Self::decade,
            Self::century,
            Self::quarter,
            Self::season,
            Self::holiday,
            Self::deictic,
            Self::unitrel,
            Self::dur_family,
            Self::set,
            Self::clock,
            Self::pod_of,
        ];
        let mut best: Option<Cand> = None;
        for r in rules {
            if let Some(c) = r(self, i)
                && best.as_ref().is_none_or(|b| c.e > b.e)
            {
                best = Some(c);
            }
        }
        let mut c = best?;
        // "Thursday morning", "yesterday afternoon", "Sept. 28 night".
        if day_like(&c.sem)
            && let Some(p) = self.pod(c.e)
            && !self.w(c.e + 1, "of")
        {
            c = Cand { e: c.e + 1, sem: Sem::Time { day: Some(Box::new(c.sem)), tod: Tod::Pod(p) }, ..c };
        }
        Some(c)
    }

    // ----- prefixes -----

    /// "early", "late", "mid-", "the end of"...: (core start, modifier, takes "the year").
    fn pos_prefix(&self, i: usize) -> Option<(usize, PosMod, bool)> {
        let k = self.k(i);
        let dash = |j: usize| if self.p(j, '-') && self.adj(j - 1) { j + 1 } else { j };
        match k {
            "early" => Some((dash(i + 1), PosMod::Start, false)),
            "late" => Some((dash(i + 1), PosMod::End, false)),
            "mid" | "mi" => {
                let j = dash(i + 1);
                (j > i + 1 || k == "mid").then_some((j, PosMod::Mid, false))
            }
            // "earlier in the year"
            "earlier" | "later" if self.w(i + 1, "in") && self.w(i + 2, "the") => {
                Some((i + 2, if k == "earlier" { PosMod::SoFar } else { PosMod::Later }, true))
            }
            "earlier" => Some((i + 1, PosMod::SoFar, false)),
            "later" => Some((i + 1, PosMod::Later, false)),
            "fin" => Some((i + 1, PosMod::End, false)),
            "debut" | "d\u{e9}but" => Some((i + 1, PosMod::Start, false)),
            _ => {
                let j = if k == "the" { i + 1 } else { i };
                let pm = match self.k(j) {
                    "end" | "close" => PosMod::End,
                    "beginning" | "start" | "turn" => PosMod::Start,
                    "middle" => PosMod::Mid,
                    _ => return None,
                };
                self.w(j + 1, "of").then_some((j + 2, pm, true))
            }
        }
    }

    /// "the year", "the month" after "the end of".
    fn the_unit(&self, j: usize) -> Option<Cand> {
        if !self.w(j, "the") {
            return None;
        }
        let (u, plural) = self.unit(j + 1)?;
        if plural || !matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century | Unit::Quarter) {
            return None;
        }
        Some(cand(j, j + 2, Sem::Unit { unit: u, n: 0 }, "time.relunit.v1"))
    }

    fn approx_prefix(&self, i: usize) -> Option<(usize, Approx)> {
        let k = self.k(i);
        let next_amount = |j: usize| self.amount(j).is_some() || self.clock(j).is_some();
        let r = match k {
            "about" | "around" | "approximately" | "roughly" | "circa" => (i + 1, Approx::Approx),
            "some" if next_amount(i + 1) => (i + 1, Approx::Approx),
            "nearly" | "almost" | "barely" => (i + 1, Approx::LessThan),
            "under" if next_amount(i + 1) => (i + 1, Approx::LessThan),
            "over" if next_amount(i + 1) => (i + 1, Approx::MoreThan),
            "within" => (i + 1, Approx::EqualOrLess),
            "less" | "fewer" if self.w(i + 1, "than") => (i + 2, Approx::LessThan),
            "more" if self.w(i + 1, "than") => (i + 2, Approx::MoreThan),
            "at" if self.w(i + 1, "least") => (i + 2, Approx::EqualOrMore),
            "at" if self.w(i + 1, "most") => (i + 2, Approx::EqualOrLess),
            "up" if self.w(i + 1, "to") => (i + 2, Approx::EqualOrLess),
            "no" | "not" if self.w(i + 1, "more") && self.w(i + 2, "than") => (i + 3, Approx::EqualOrLess),
            "no" | "not" if self.w(i + 1, "less") && self.w(i + 2, "than") => (i + 3, Approx::EqualOrMore),
            "just" if self.w(i + 1, "over") => (i + 2, Approx::MoreThan),
            "just" if self.w(i + 1, "under") => (i + 2, Approx::LessThan),
            _ => return None,
        };
        Some(r)
    }

    // ----- numbers -----

    /// A number word phrase ("twenty-four", "one hundred"): (end, value).
    fn num_words(&self, i: usize) -> Option<(usize, u32)> {
        let Lex::Num(n) = self.lex(i) else { return None };
        if n >= 100 {
            return None;
        }
        let mut v = n;
        let mut j = i + 1;
        if (20..100).contains(&n) && n % 10 == 0 {
            let k = if self.p(j, '-') { j + 1 } else { j };
            if let Lex::Num(u) = self.lex(k)
                && (1..10).contains(&u)
            {
                v += u;
                j = k + 1;
            }
        }
        if let Lex::Num(m @ (100 | 1000)) = self.lex(j) {
            v *= m;
            j += 1;
        }
        Some((j, v))
    }

    /// How many: digits, number words, "a", "a few", "several", "half a", "2 1/2".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.t.get(i)?;
        if t.kind == Kind::Num {
            if !t.suffix.is_empty() || t.digits > 6 {
                return None;
            }
            let mut v = f64::from(t.num);
            let mut j = i + 1;
            // 1,000 (a few groups at most: longer runs are not durations)
            let mut groups = 0;
            while groups < 4
                && self.p(j, ',')
                && self.adj(j - 1)
                && self.adj(j)
                && self.t.get(j + 1).is_some_and(|n| n.kind == Kind::Num && n.digits == 3)
            {
                v = v * 1000.0 + f64::from(self.t[j + 1].num);
                j += 2;
                groups += 1;
            }
            // 2.5
            if self.p(j, '.')
                && self.adj(j - 1)
                && self.adj(j)
                && let Some(f) = self.t.get(j + 1).and_then(Tok::plain_num)
            {
                let digits = self.t[j + 1].digits;
                v += f64::from(f) / 10f64.powi(i32::from(digits));
                j += 2;
            }
            // 2 1/2
            if let (Some(a), true, Some(b)) =
                (self.t.get(j).and_then(Tok::plain_num), self.p(j + 1, '/'), self.t.get(j + 2).and_then(Tok::plain_num))
                && self.adj(j)
                && self.adj(j + 1)
                && b > a
                && b <= 4
            {
                v += f64::from(a) / f64::from(b);
                j += 3;
            }
            // "two to three", "12 to 18": the lower bound.
            if (self.wa(j, &["to", "or"]) || (self.p(j, '-') && self.adj(j - 1) && self.adj(j)))
                && self.t.get(j + 1).is_some_and(|n| n.kind == Kind::Num && n.suffix.is_empty())
                && self.unit(j + 2).is_some()
            {
                j += 2;
            }
            return Some((j, Amount(Some(v))));
        }
        let k = self.k(i);
        match k {
            "a" | "an" => {
                if self.w(i + 1, "few") {
                    return Some((i + 2, Amount(None)));
                }
                if self.w(i + 1, "couple") {
                    let j = if self.w(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((j, Amount(Some(2.0))));
                }
                if self.w(i + 1, "half") {
                    return Some((i + 2, Amount(Some(0.5))));
                }
                if self.w(i + 1, "dozen") {
                    return Some((i + 2, Amount(Some(12.0))));
                }
                if self.w(i + 1, "number") && self.w(i + 2, "of") {
                    return Some((i + 3, Amount(None)));
                }
                if let Lex::Num(100) = self.lex(i + 1) {
                    return Some((i + 2, Amount(Some(100.0))));
                }
                Some((i + 1, Amount(Some(1.0))))
            }
            "few" | "several" | "many" | "numerous" => Some((i + 1, Amount(None))),
            "couple" if self.w(i + 1, "of") => Some((i + 2, Amount(Some(2.0)))),
            "dozens" | "hundreds" | "thousands" if self.w(i + 1, "of") => Some((i + 2, Amount(None))),
            "half" if self.wa(i + 1, &["a", "an"]) => Some((i + 2, Amount(Some(0.5)))),
            _ => {
                let (mut j, v) = self.num_words(i)?;
                let mut v = f64::from(v);
                if self.wa(j, &["to", "or"])
                    && let Some((j2, _)) = self.num_words(j + 1)
                    && self.unit(j2).is_some()
                {
                    j = j2;
                }
                if self.w(j, "and") && self.w(j + 1, "a") && self.w(j + 2, "half") {
                    v += 0.5;
                    j += 3;
                }
                Some((j, Amount(Some(v))))
            }
        }
    }

    // ----- calendar dates -----

    /// A month name at `i`: (end after an abbreviation's period, month, form, dotted).
    fn month_at(&self, i: usize) -> Option<(usize, u32, MonthForm, bool)> {
        let t = self.t.get(i)?;
        let Lex::Month(m, form) = t.lex else { return None };
        if t.kind != Kind::Word || t.poss && form != MonthForm::Full {
            return None;
        }
        // "Sept." keeps its period; "May." ends a sentence.
        if self.p(i + 1, '.') && self.adj(i) && form == MonthForm::Abbr {
            return Some((i + 2, m, form, true));
        }
        Some((i + 1, m, form, false))
    }

    /// A day of the month: "28", "28th", "1er".
    fn day_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.digits > 2 || !matches!(t.suffix, "" | "st" | "nd" | "rd" | "th" | "er") {
            return None;
        }
        if !(1..=31).contains(&t.num) {
            return None;
        }
        // Not a time ("10:30"), a decimal or a percentage.
        let glued_num = self.adj(i + 1) && self.t.get(i + 2).is_some_and(|n| n.kind == Kind::Num);
        if self.adj(i) && (self.p(i + 1, '%') || ((self.p(i + 1, ':') || self.p(i + 1, '.')) && glued_num)) {
            return None;
        }
        if self.p(i + 1, '/') && self.adj(i) {
            return None;
        }
        Some((i + 1, t.num))
    }

    /// A four-digit year at `i` (after an optional comma).
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.p(i, ',') { i + 1 } else { i };
        // "nineteen ninety-four"
        if let Lex::Num(19) = self.lex(j)
            && let Some((e, v)) = self.num_words(j + 1)
            && (10..100).contains(&v)
        {
            return Some((e, 1900 + v as i32));
        }
        let t = self.t.get(j)?;
        if t.kind != Kind::Num || t.digits != 4 || !t.suffix.is_empty() || !(1000..=2999).contains(&t.num) {
            return None;
        }
        if self.adj(j) && (self.p(j + 1, ',') || self.p(j + 1, '.')) && self.t.get(j + 2).is_some_and(|n| n.kind == Kind::Num) {
            return None;
        }
        Some((j + 1, t.num as i32))
    }

    fn month_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.k(i - 1);
        if MONTH_CONTEXT.contains(&prev) {
            return true;
        }
        // "mid-March"
        self.p(i - 1, '-') && i >= 2 && self.wa(i - 2, &["mid", "mi"])
    }

    /// "Thursday, September 28", "Sept. 28, 2023", "28 September", "March 26-27", "September 2023", "July".
    fn cal(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut has_wd = false;
        if let Lex::Weekday(_, abbr) = self.lex(i)
            && !self.t[i].plural
        {
            j = i + 1;
            if abbr && self.p(j, '.') {
                j += 1;
            }
            if self.p(j, ',') {
                j += 1;
            }
            if self.w(j, "the") {
                j += 1;
            }
            has_wd = true;
        } else if self.wa(i, &["le", "the"]) && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Num) {
            // "the 28th of September": keep "the" out of the span, as TimeML does.
            return None;
        }
        if let Some(c) = self.month_first(i, j, has_wd) {
            return Some(c);
        }
        self.day_first(i, j)
    }

    fn month_first(&self, i: usize, j: usize, has_wd: bool) -> Option<Cand> {
        let (k, m, form, dotted) = self.month_at(j)?;
        let tj = &self.t[j];
        if form == MonthForm::Ambiguous && !tj.cap {
            return None;
        }
        if let Some((k2, d)) = self.day_at(k) {
            if form == MonthForm::Abbr && !dotted && !tj.cap {
                return None;
            }
            // Not "May 5 people".
            if form == MonthForm::Ambiguous && (self.unit(k2).is_some() || self.wa(k2, COUNT_NOUNS)) {
                return None;
            }
            let mut end = k2;
            let mut second: Option<Cal> = None;
            if self.p(k2, '-') || self.wa(k2, &["to", "through", "till", "until", "au", "or"]) {
                if let Some((k4, d2)) = self.day_at(k2 + 1)
                    && d2 > d
                    && self.month_at(k4).is_none()
                {
                    second = Some(Cal { y: None, m, d: Some(d2) });
                    end = k4;
                } else if let Some((k4, m2, _, _)) = self.month_at(k2 + 1)
                    && let Some((k5, d2)) = self.day_at(k4)
                {
                    second = Some(Cal { y: None, m: m2, d: Some(d2) });
                    end = k5;
                }
            }
            let mut y = None;
            if let Some((k6, yy)) = self.year_at(end) {
                y = Some(yy);
                end = k6;
            }
            let a = Cal { y, m, d: Some(d) };
            let sem = match second {
                Some(mut b) => {
                    b.y = y;
                    let mut a = a;
                    if let Some(yy) = y
                        && b.m < a.m
                    {
                        a.y = Some(yy - 1);
                    }
                    Sem::Range(a, b)
                }
                None => Sem::Cal(a),
            };
            let rule = if matches!(sem, Sem::Range(..)) { "time.range.v1" } else { "time.date.v1" };
            return Some(cand(i, end, sem, rule));
        }
        if has_wd {
            return None;
        }
        // "September 2023", "September of 2023".
        let yk = if self.w(k, "of") { k + 1 } else { k };
        if let Some((k2, y)) = self.year_at(yk) {
            if form == MonthForm::Abbr && !dotted && !tj.cap {
                return None;
            }
            return Some(cand(i, k2, Sem::Cal(Cal { y: Some(y), m, d: None }), "time.date.v1"));
        }
        // Month alone.
        if tj.cap && self.next_is_name(k) {
            return None;
        }
        let ok = match form {
            MonthForm::Full => true,
            MonthForm::Abbr => dotted && tj.cap && self.month_context(j),
            MonthForm::Ambiguous => {
                tj.cap
                    && (self.month_context(j)
                        || self.wa(k, &["this", "last", "next"])
                        || (j > 0 && self.w(j - 1, "the") && self.t.get(k).is_some_and(|n| n.kind == Kind::Word && !n.cap)))
            }
        };
        if !ok
            || (j > 0
                && self.t[j - 1].cap
                && self.t[j - 1].kind == Kind::Word
                && self.t[j - 1].lex == Lex::None
                && !self.month_context(j)
                && j - 1 > 0)
        {
            return None;
        }
        // "July last year", "January this year".
        if self.wa(k, &["this", "last", "next"]) && self.unit(k + 1) == Some((Unit::Year, false)) {
            let n = match self.k(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some(cand(i, k + 2, Sem::Part { year: YearRef::Rel(n), part: Part::Month(m) }, "time.date.v1"));
        }
        Some(cand(i, k, Sem::Cal(Cal { y: None, m, d: None }), "time.date.v1"))
    }

    /// Token `i` is a capitalised word that is no date word (a name after "April").
    fn next_is_name(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap && !t.upper && t.lex == Lex::None)
    }

    fn day_first(&self, i: usize, j: usize) -> Option<Cand> {
        let (k, d) = self.day_at(j)?;
        let mut k1 = k;
        let mut d2 = None;
        if (self.p(k, '-') || self.wa(k, &["to", "and", "or", "au", "et", "ou"]))
            && let Some((k2, dd)) = self.day_at(k + 1)
            && dd > d
        {
            d2 = Some(dd);
            k1 = k2;
        }
        let k2 = if self.w(k1, "of") { k1 + 1 } else { k1 };
        let (k3, m, form, _) = self.month_at(k2)?;
        if form == MonthForm::Ambiguous && !self.t[k2].cap {
            return None;
        }
        let (mut end, mut y) = match self.year_at(k3) {
            Some((e, yy)) => (e, Some(yy)),
            None => (k3, None),
        };
        let mut second = d2.map(|dd| Cal { y: None, m, d: Some(dd) });
        // "30 March - 2 April 2019"
        if second.is_none()
            && y.is_none()
            && (self.p(k3, '-') || self.wa(k3, &["to", "and", "au"]))
            && let Some((a, dd)) = self.day_at(k3 + 1)
            && let Some((b, m2, f2, _)) = self.month_at(a)
            && (f2 != MonthForm::Ambiguous || self.t[a].cap)
        {
            second = Some(Cal { y: None, m: m2, d: Some(dd) });
            end = b;
            if let Some((e, yy)) = self.year_at(b) {
                end = e;
                y = Some(yy);
            }
        }
        let a = Cal { y, m, d: Some(d) };
        let sem = match second {
            Some(mut b) => {
                b.y = y;
                let mut a = a;
                if let Some(yy) = y
                    && b.m < a.m
                {
                    a.y = Some(yy - 1);
                }
                Sem::Range(a, b)
            }
            None => Sem::Cal(a),
        };
        let rule = if matches!(sem, Sem::Range(..)) { "time.range.v1" } else { "time.date.v1" };
        Some(cand(i, end, sem, rule))
    }

    /// ISO dates and timestamps, numeric dates (28/09/2023, 09/28/2023, 2023/09/28).
    fn iso_numeric(&self, i: usize) -> Option<Cand> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let num = |j: usize| self.t.get(j).filter(|x| x.kind == Kind::Num);
        // ISO 8601: 2023-09-28, 2023-09-28T14:30:00Z
        if t.digits == 4
            && t.suffix.is_empty()
            && self.p(i + 1, '-')
            && self.adj(i)
            && self.adj(i + 1)
            && self.adj(i + 2)
            && self.adj(i + 3)
        {
            let (m, d) = (num(i + 2)?, num(i + 4)?);
            if self.p(i + 3, '-') && m.digits == 2 && m.suffix.is_empty() && d.digits == 2 {
                let (y, mm, dd) = (t.num as i32, m.num, d.num);
                if !(1000..=2999).contains(&y) {
                    return None;
                }
                crate::cal::ymd(y, mm, dd)?;
                let date = Sem::Cal(Cal { y: Some(y), m: mm, d: Some(dd) });
                // Time part glued as "28T14".
                if let Some(h) = d.suffix.strip_prefix('t').and_then(|h| h.parse::<u32>().ok())
                    && h < 24
                    && self.p(i + 5, ':')
                    && self.adj(i + 4)
                    && self.adj(i + 5)
                    && let Some(mi) = num(i + 6)
                    && mi.digits == 2
                    && mi.num < 60
                {
                    let mut e = i + 7;
                    // seconds, fraction, zone: all glued.
                    while e < self.n().min(i + 16)
                        && self.adj(e - 1)
                        && (self.t[e].kind == Kind::Num || matches!(self.t[e].ch, ':' | '.' | '+' | '-'))
                    {
                        if self.t[e].kind == Kind::Punct && !self.t.get(e + 1).is_some_and(|x| x.kind == Kind::Num && self.adj(e)) {
                            break;
                        }
                        e += 1;
                    }
                    return Some(cand(i, e, Sem::Time { day: Some(Box::new(date)), tod: Tod::Clock(h, mi.num) }, "time.iso.v1"));
                }
                if !d.suffix.is_empty() {
                    return None;
                }
                return Some(cand(i, i + 5, date, "time.iso.v1"));
            }
            return None;
        }
        // a/b/c with '/' or '.' (or '-' with a four-digit year).
        if !t.suffix.is_empty() || !self.adj(i) {
            return None;
        }
        let sep = self.t.get(i + 1).filter(|x| x.kind == Kind::Punct && matches!(x.ch, '/' | '.' | '-'))?.ch;
        if !(self.adj(i + 1) && self.adj(i + 2) && self.adj(i + 3) && self.p(i + 3, sep)) {
            return None;
        }
        let (b, c) = (num(i + 2)?, num(i + 4)?);
        if !b.suffix.is_empty()
            || !c.suffix.is_empty()
            || b.digits > 2
            || (self.adj(i + 4) && (self.p(i + 5, sep) || self.t.get(i + 5).is_some_and(|x| x.kind == Kind::Num)))
        {
            return None;
        }
        if i > 0 && self.adj(i - 1) && (self.t[i - 1].kind == Kind::Num || self.p(i - 1, sep)) {
            return None;
        }
        let (y, m, d) = if t.digits == 4 {
            if sep == '-' {
                return None;
            }
            (t.num as i32, b.num, c.num)
        } else {
            if t.digits > 2 {
                return None;
            }
            let y = match c.digits {
                4 => c.num as i32,
                2 if sep == '/' => {
                    if c.num < 70 {
                        2000 + c.num as i32
                    } else {
                        1900 + c.num as i32
                    }
                }
                _ => return None,
            };
            let (a, bb) = (t.num, b.num);
            // Day first unless the day cannot be (09/28) or the caller says month first; when
            // both readings are dates, the one nearer the publication date.
            let ambiguous = a <= 12 && bb <= 12 && a != bb;
            let nearer = |first: (u32, u32), second: (u32, u32)| -> Option<bool> {
                let p = self.published?;
                let x = crate::cal::ymd(y, first.0, first.1)?;
                let z = crate::cal::ymd(y, second.0, second.1)?;
                let (dx, dz) = ((x - p).num_days().abs(), (z - p).num_days().abs());
                (dx != dz).then_some(dx < dz)
            };
            let month_first = if ambiguous {
                nearer((a, bb), (bb, a)).unwrap_or(self.month_first)
            } else {
                (bb > 12 && a <= 12) || (self.month_first && !(a > 12 && bb <= 12))
            };
            let (m, d) = if month_first { (a, bb) } else { (bb, a) };
            (y, m, d)
        };
        if !(1000..=2999).contains(&y) {
            return None;
        }
        crate::cal::ymd(y, m, d)?;
        Some(cand(i, i + 5, Sem::Cal(Cal { y: Some(y), m, d: Some(d) }), "time.numeric.v1"))
    }

    /// "Thursday", "last Friday", "next Monday", "jeudi dernier".
    fn weekday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut dir = Dir::Auto;
        let k = self.k(i);
        let k1 = self.k(i + 1);
        // "the previous Friday", "the following Monday" count from the story's time.
        let anaphoric = k == "the" && matches!(k1, "previous" | "following" | "preceding");
        match (k, k1) {
            ("this", "past") | ("the", "past") | ("the", "previous" | "preceding") | ("the", "last") => {
                dir = Dir::Last;
                j += 2;
            }
            ("this", "coming") | ("the", "coming") | ("the", "next") | ("the", "following") => {
                dir = Dir::Next;
                j += 2;
            }
            ("last" | "past" | "previous", _) => {
                dir = Dir::Last;
                j += 1;
            }
            ("next" | "coming", _) => {
                dir = Dir::Next;
                j += 1;
            }
            ("this", _) => {
                dir = Dir::This;
                j += 1;
            }
            _ => {}
        }
        let t = self.t.get(j)?;
        let Lex::Weekday(dow, abbr) = t.lex else { return None };
        if t.plural || t.kind != Kind::Word {
            return None;
        }
        let mut e = j + 1;
        if abbr {
            // "Thu." with a capital, before a date or after a preposition.
            if !(t.cap && self.p(e, '.') && self.adj(j)) {
                return None;
            }
            e += 1;
            let date_next = self.t.get(e).is_some_and(|n| n.kind == Kind::Num) || matches!(self.lex(e), Lex::Month(..));
            if !(date_next || (j > 0 && self.wa(j - 1, &["on", "from", "until", "by", "since"]))) {
                return None;
            }
        }
        // "Sunday Times", "Bloody Sunday" stay names.
        if t.cap && !t.upper && dir == Dir::Auto && !t.poss && self.next_is_name(e) && !matches!(self.lex(e), Lex::Month(..)) {
            return None;
        }
        match self.k(e) {
            "dernier" => {
                dir = Dir::Last;
                e += 1;
            }
            "prochain" => {
                dir = Dir::Next;
                e += 1;
            }
            _ => {}
        }
        // "Wednesday's ruling", "a Wednesday night shooting": a noun's date, not the clause's
        // tense ("victims of a Wednesday night shooting are expected to survive"); only nouns
        // of what has happened (a "Thursday meeting" may be ahead).
        let noun = if self.pod(e).is_some() { e + 1 } else { e };
        let happened = self.wa(
            noun,
            &[
                "attack",
                "attacks",
                "assault",
                "raid",
                "ambush",
                "clash",
                "clashes",
                "shooting",
                "shootings",
                "stabbing",
                "bombing",
                "blast",
                "explosion",
                "killing",
                "killings",
                "massacre",
                "murder",
                "crash",
                "fire",
                "incident",
                "robbery",
                "carjacking",
                "homicide",
                "violence",
            ],
        );
        if dir == Dir::Auto && (t.poss || happened) {
            dir = Dir::Recent;
        }
        Some(cand(i, e, Sem::Weekday { dow, dir, anaphoric }, "time.weekday.v1"))
    }

    /// "2023", "the year 2000", "fiscal 1989", "nineteen ninety-six".
    fn year(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut prefixed = false;
        if self.w(i, "the") && self.w(i + 1, "year") {
            j = i + 2;
            prefixed = true;
        } else if self.w(i, "fiscal") {
            j = if self.w(i + 1, "year") { i + 2 } else { i + 1 };
            prefixed = true;
        }
        // Spoken years.
        if let Lex::Num(19) = self.lex(j)
            && let Some((e, v)) = self.num_words(j + 1)
            && (10..100).contains(&v)
        {
            return Some(cand(i, e, Sem::Year(1900 + v as i32), "time.year.v1"));
        }
        if prefixed
            && let Lex::Num(2) = self.lex(j)
            && let Lex::Num(1000) = self.lex(j + 1)
        {
            let mut e = j + 2;
            let mut v = 2000;
            let k = if self.w(e, "and") { e + 1 } else { e };
            if let Some((e2, n)) = self.num_words(k)
                && n < 100
            {
                v += n as i32;
                e = e2;
            }
            return Some(cand(i, e, Sem::Year(v), "time.year.v1"));
        }
        let t = self.t.get(j)?;
        if t.kind != Kind::Num || t.digits != 4 || !t.suffix.is_empty() {
            return None;
        }
        let y = t.num as i32;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        if j > 0 {
            let prev = &self.t[j - 1];
            if prev.kind == Kind::Punct && matches!(prev.ch, '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '#' | '+') {
                return None;
            }
            if self.adj(j - 1) && (prev.kind == Kind::Num || matches!(prev.ch, ',' | '.' | '/' | ':')) {
                return None;
            }
            if self.wa(j - 1, ID_WORDS) || (prev.kind == Kind::Word && prev.upper && prev.key.len() <= 3 && self.adj(j - 1)) {
                return None;
            }
        }
        if self.adj(j)
            && (self.p(j + 1, '%')
                || ((self.p(j + 1, ',') || self.p(j + 1, '.') || self.p(j + 1, ':') || self.p(j + 1, '/'))
                    && self.t.get(j + 2).is_some_and(|n| n.kind == Kind::Num && self.adj(j + 1))))
        {
            return None;
        }
        if let Some(n) = self.t.get(j + 1)
            && n.kind == Kind::Word
            && (COUNT_NOUNS.contains(&n.key) || (n.key == "and" && self.t.get(j + 2).is_some_and(|x| x.kind == Kind::Num && x.digits != 4)))
        {
            return None;
        }
        // a street number: "1013 Carrie St.", "2010 Cornell Ridge Drive", "1400 N. Elm Avenue"
        let mut a = j + 1;
        while a < (j + 5).min(self.t.len()) && self.t[a].kind == Kind::Word && self.t[a].cap && !STREET_WORDS.contains(&self.t[a].key) {
            a += 1;
            if self.p(a, '.') {
                a += 1;
            }
        }
        if a > j + 1
            && self.t.get(a).is_some_and(|n| n.kind == Kind::Word && STREET_WORDS.contains(&n.key))
            && !(j > 0 && self.wa(j - 1, &["in", "since", "until", "during"]))
        {
            return None;
        }
        let after_dash = j > 1 && self.p(j - 1, '-') && !self.t[j - 2].kind.eq(&Kind::Num);
        if !(1900..=2099).contains(&y) && !prefixed && !(j > 0 && (self.wa(j - 1, YEAR_PREPS) || after_dash)) {
            return None;
        }
        Some(cand(i, j + 1, Sem::Year(y), "time.year.v1"))
    }

    /// "the 1990s", "'80s", "the nineties".
    fn decade(&self, i: usize) -> Option<Cand> {
        let j = if self.w(i, "the") { i + 1 } else { i };
        let t = self.t.get(j)?;
        if t.kind == Kind::Num && t.digits == 4 && t.num % 10 == 0 && (1000..3000).contains(&t.num) {
            let sem = Sem::Decade { century: Some(t.num as i32 / 100), decade: (t.num as i32 / 10) % 10 };
            if t.suffix == "s" {
                return Some(cand(i, j + 1, sem, "time.decade.v1"));
            }
            if t.suffix.is_empty() && self.p(j + 1, '\'') && self.adj(j) && self.w(j + 2, "s") && self.adj(j + 1) {
                return Some(cand(i, j + 3, sem, "time.decade.v1"));
            }
            return None;
        }
        if t.kind == Kind::Punct && t.ch == '\'' && self.adj(j) {
            let n = self.t.get(j + 1)?;
            if n.kind == Kind::Num && n.digits == 2 && n.num % 10 == 0 && n.suffix == "s" {
                return Some(cand(i, j + 2, Sem::Decade { century: None, decade: n.num as i32 / 10 }, "time.decade.v1"));
            }
            return None;
        }
        let d = match t.key {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        // "in his forties" is an age: only "the nineties".
        if j == i {
            return None;
        }
        Some(cand(i, j + 1, Sem::Decade { century: None, decade: d }, "time.decade.v1"))
    }

    /// "the 20th century", "the nineteenth century".
    fn century(&self, i: usize) -> Option<Cand> {
        let j = if self.w(i, "the") { i + 1 } else { i };
        let t = self.t.get(j)?;
        let n = match (t.kind, t.lex) {
            (Kind::Num, _) if matches!(t.suffix, "st" | "nd" | "rd" | "th") && t.digits <= 2 => t.num,
            (Kind::Word, Lex::Ordinal(n)) => n,
            _ => return None,
        };
        let mut e = j + 1;
        if self.p(e, '-') {
            e += 1;
        }
        if self.unit(e) != Some((Unit::Century, false)) || n == 0 {
            return None;
        }
        Some(cand(i, e + 1, Sem::Century(n as i32 - 1), "time.decade.v1"))
    }

    /// Quarters and halves: "the third quarter of 1990", "third-quarter", "Q3 2023", "the
    /// quarter", "the first half of 2023".
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let mut the = false;
        if self.wa(k, &["the", "its", "their"]) {
            the = true;
            k += 1;
        }
        // Q3, H1
        if matches!(self.k(k), "q" | "h")
            && self.t[k].cap
            && self.adj(k)
            && let Some(n) = self.t.get(k + 1).and_then(Tok::plain_num)
        {
            let is_q = self.k(k) == "q";
            let max = if is_q { 4 } else { 2 };
            if !(1..=max).contains(&n) {
                return None;
            }
            let part = if is_q { Part::Quarter(n) } else { Part::Half(n) };
            let mut e = k + 2;
            let mut year = YearRef::Auto;
            let yk = if self.p(e, '/') || self.p(e, '-') { e + 1 } else { e };
            if let Some((e2, y)) = self.year_at(yk) {
                year = YearRef::Explicit(y);
                e = e2;
            } else if !is_q {
                return None;
            }
            return Some(cand(i, e, Sem::Part { year, part }, "time.quarter.v1"));
        }
        let mut year = YearRef::Auto;
        let mut back = 0;
        // "this year's", "last year's", "1988"
        if self.wa(k, &["this", "last", "next"]) && self.unit(k + 1) == Some((Unit::Year, false)) && self.t[k + 1].poss {
            year = YearRef::Rel(match self.k(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            });
            k += 2;
        } else if let Some((e, y)) = self.year_at(k)
            && e == k + 1
            && (matches!(self.lex(e), Lex::Ordinal(_)) || self.wa(e, &["fiscal", "quarter"]))
        {
            year = YearRef::Explicit(y);
            k += 1;
        }
        if self.wa(k, &["comparable", "corresponding", "same"]) {
            k += 1;
        }
        if self.w(k, "year") && self.p(k + 1, '-') && self.wa(k + 2, &["earlier", "ago"]) {
            back = 1;
            k += 3;
        }
        if self.w(k, "fiscal") {
            k += 1;
            if self.p(k, '-') {
                k += 1;
            }
        }
        let ord = match self.t.get(k) {
            Some(t) if t.kind == Kind::Word => match t.lex {
                Lex::Ordinal(n @ 1..=4) => Some(n),
                _ if t.key == "final" => Some(4),
                _ if matches!(t.key, "last" | "latter") && self.w(k + 1, "half") && self.w(k + 2, "of") => Some(2),
                _ => None,
            },
            Some(t)
                if t.kind == Kind::Num && t.digits == 1 && matches!(t.suffix, "st" | "nd" | "rd" | "th") && (1..=4).contains(&t.num) =>
            {
                Some(t.num)
            }
            _ => None,
        };
        if let Some(q) = ord {
            let mut e = k + 1;
            if self.p(e, '-') && self.adj(k) {
                e += 1;
            }
            let is_half = self.w(e, "half");
            if !is_half && self.unit(e) != Some((Unit::Quarter, false)) {
                return None;
            }
            if is_half && q > 2 {
                return None;
            }
            e += 1;
            // "of 1990", "of fiscal 1990", "of this year", "of the year", ", 2023"
            if self.w(e, "of") {
                let mut y = e + 1;
                if self.w(y, "fiscal") {
                    y += 1;
                }
                if let Some((e2, yy)) = self.year_at(y) {
                    year = YearRef::Explicit(yy);
                    e = e2;
                } else if self.wa(y, &["this", "last", "next", "the"]) && self.unit(y + 1) == Some((Unit::Year, false)) {
                    year = YearRef::Rel(match self.k(y) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    });
                    e = y + 2;
                } else if is_half {
                    return None;
                }
            } else if let Some((e2, yy)) = self.year_at(e)
                && self.p(e, ',')
            {
                year = YearRef::Explicit(yy);
                e = e2;
            } else if is_half {
                return None;
            }
            if back > 0 {
                year = match year {
                    YearRef::Explicit(y) => YearRef::Explicit(y - 1),
                    YearRef::Rel(n) => YearRef::Rel(n - 1),
                    YearRef::Auto => YearRef::Rel(-1),
                };
            }
            let part = if is_half { Part::Half(q) } else { Part::Quarter(q) };
            return Some(cand(i, e, Sem::Part { year, part }, "time.quarter.v1"));
        }
        // "the latest quarter", "the quarter", "the year-earlier quarter"
        let mut latest = false;
        if self.wa(k, &["latest", "recent", "just-ended"]) {
            latest = true;
            k += 1;
        } else if self.w(k, "most") && self.w(k + 1, "recent") {
            latest = true;
            k += 2;
        }
        if (the || latest || back > 0)
            && self.unit(k) == Some((Unit::Quarter, false))
            && !self.wa(k + 1, &["of", "century", "mile", "hour"])
            && !self.p(k + 1, '-')
        {
            let year = match year {
                YearRef::Explicit(y) => Some(y),
                _ => None,
            };
            // "the quarter ended Sept. 30": the three months up to that day (the date is tagged
            // on its own, as TimeML does).
            let ended = if self.wa(k + 1, &["ended", "ending", "ends", "to"]) {
                self.cal(k + 2).and_then(|c| match c.sem {
                    Sem::Cal(cal @ Cal { d: Some(_), .. }) => Some(cal),
                    _ => None,
                })
            } else {
                None
            };
            let named = !latest;
            // "the quarter a year ago"
            if back == 0 && self.w(k + 1, "a") && self.w(k + 2, "year") && self.wa(k + 3, &["ago", "earlier"]) {
                return Some(cand(i, k + 4, Sem::Reported { year: YearRef::Rel(-1) }, "time.quarter.v1"));
            }
            return Some(cand(i, k + 1, Sem::LatestQuarter { years_back: back, year, named, ended }, "time.quarter.v1"));
        }
        None
    }

    /// "last fall", "this summer", "the summer of 2019", "winter 2023".
    fn season(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let mut dir = None;
        let mut det = false;
        match (self.k(i), self.k(i + 1)) {
            ("this", "past") => {
                dir = Some(Dir::Last);
                k += 2;
            }
            ("this", "coming") => {
                dir = Some(Dir::Next);
                k += 2;
            }
            ("last" | "past", _) => {
                dir = Some(Dir::Last);
                k += 1;
            }
            ("next" | "coming", _) => {
                dir = Some(Dir::Next);
                k += 1;
            }
            ("this", _) => {
                dir = Some(Dir::This);
                k += 1;
            }
            ("the" | "l'", _) => {
                det = true;
                k += 1;
            }
            _ => {}
        }
        let t = self.t.get(k)?;
        let Lex::Season(s) = t.lex else { return None };
        if t.kind != Kind::Word || t.plural {
            return None;
        }
        let mut e = k + 1;
        let mut year = None;
        let yk = if self.w(e, "of") { e + 1 } else { e };
        if let Some((e2, y)) = self.year_at(yk) {
            year = Some(y);
            e = e2;
        }
        // "the fall of Kabul" is no season.
        if year.is_none() && self.w(e, "of") {
            return None;
        }
        let ambiguous = matches!(t.key, "fall" | "spring");
        let prev_ctx = k > 0
            && self.wa(
                k - 1,
                &[
                    "in", "during", "until", "since", "by", "through", "over", "early", "late", "mid", "this", "last", "next", "the",
                    "past", "coming",
                ],
            );
        if dir.is_none() && year.is_none() && !det && (ambiguous || !prev_ctx) {
            return None;
        }
        if ambiguous
            && det
            && dir.is_none()
            && year.is_none()
            && !(i > 0 && self.wa(i - 1, &["in", "during", "until", "since", "by", "through", "over"]))
        {
            return None;
        }
        let sem = match (year, dir) {
            (Some(y), _) => Sem::Part { year: YearRef::Explicit(y), part: Part::Season(s) },
            (None, Some(d)) => Sem::PartRel { part: Part::Season(s), dir: d },
            (None, None) => Sem::Part { year: YearRef::Auto, part: Part::Season(s) },
        };
        Some(cand(i, e, sem, "time.season.v1"))
    }

    /// Christmas, New Year's Day, Easter, Thanksgiving...
    fn holiday(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let dir = match self.k(i) {
            "last" => Dir::Last,
            "next" => Dir::Next,
            "this" => Dir::This,
            _ => Dir::Auto,
        };
        if dir != Dir::Auto {
            k += 1;
        }
        let t = self.t.get(k)?;
        if !t.cap {
            return None;
        }
        let (h, mut e) = match t.key {
            "christmas" => {
                if self.w(k + 1, "eve") {
                    (Holiday::ChristmasEve, k + 2)
                } else if self.w(k + 1, "day") {
                    (Holiday::Christmas, k + 2)
                } else {
                    (Holiday::Christmas, k + 1)
                }
            }
            "new" if self.w(k + 1, "year") && self.t[k + 1].poss => {
                if self.w(k + 2, "eve") {
                    (Holiday::NewYearsEve, k + 3)
                } else if self.w(k + 2, "day") {
                    (Holiday::NewYear, k + 3)
                } else {
                    return None;
                }
            }
            "thanksgiving" => (Holiday::Thanksgiving, if self.w(k + 1, "day") { k + 2 } else { k + 1 }),
            "easter" => (Holiday::Easter, if self.w(k + 1, "sunday") { k + 2 } else { k + 1 }),
            "halloween" => (Holiday::Halloween, k + 1),
            "valentine" if t.poss && self.w(k + 1, "day") => (Holiday::Valentine, k + 2),
            // the United States' Election Day (capitalised: "election day" is any vote's)
            "election" if self.w(k + 1, "day") && self.t[k + 1].cap => (Holiday::ElectionDay, k + 2),
            _ => return None,
        };
        let mut year = YearRef::Auto;
        let yk = if self.w(e, "of") { e + 1 } else { e };
        if let Some((e2, y)) = self.year_at(yk) {
            year = YearRef::Explicit(y);
            e = e2;
        }
        // "a Christmas party", "the Halloween parade": an occasion named after the holiday, not
        // a date (it may fall days before or after it)
        if year == YearRef::Auto && self.t.get(e).is_some_and(|n| !n.cap && HOLIDAY_OCCASIONS.contains(&n.key)) {
            return None;
        }
        let sem = Sem::Holiday { h, year, dir };
        // "Easter week", "Christmas week", "Thanksgiving weekend": the week of the holiday.
        if year == YearRef::Auto
            && ((self.w(e, "week") && self.unit(e).is_some()) || (self.w(e, "weekend") && !self.t[e].cap))
            && !self.t[e].poss
        {
            return Some(cand(i, e + 1, Sem::WeekOf(Box::new(sem)), "time.holiday.v1"));
        }
        Some(cand(i, e, sem, "time.holiday.v1"))
    }

    /// today, yesterday, tonight, "this morning", "last night", now, recently, the future...
    fn deictic(&self, i: usize) -> Option<Cand> {
        let k = self.k(i);
        let day = |n: i64, e: usize| Some(cand(i, e, Sem::Day(n), "time.deictic.v1"));
        let reff = |r: RefKind, e: usize| Some(cand(i, e, Sem::Ref(r), "time.ref.v1"));
        let time = |n: i64, p: Pod, e: usize| {
            Some(cand(i, e, Sem::Time { day: Some(Box::new(Sem::Day(n))), tod: Tod::Pod(p) }, "time.deictic.v1"))
        };
        match k {
            "today"
                if self.t[i].poss
                    && self
                        .wa(i + 1, &["world", "youth", "society", "generation", "standards", "economy", "children", "young", "kids"]) =>
            {
                reff(RefKind::Present, i + 1)
            }
            "today" | "aujourd'hui" | "aujourd\u{2019}hui" => day(0, i + 1),
            "yesterday" | "hier" => day(-1, i + 1),
            "tomorrow" | "demain" => day(1, i + 1),
            "tonight" => time(0, Pod::Night, i + 1),
            "avant" if self.p(i + 1, '-') && self.w(i + 2, "hier") => day(-2, i + 3),
            "apres" | "apr\u{e8}s" if self.p(i + 1, '-') && self.w(i + 2, "demain") => day(2, i + 3),
            "the" if self.w(i + 1, "day") && self.w(i + 2, "before") && self.w(i + 3, "yesterday") => day(-2, i + 4),
            "the" if self.w(i + 1, "day") && self.w(i + 2, "after") && self.w(i + 3, "tomorrow") => day(2, i + 4),
            "this" | "ce" | "cette" => match self.pod(i + 1) {
                Some(p) if p != Pod::Night || k != "this" => time(0, p, i + 2),
                _ => None,
            },
            "last" => match self.pod(i + 1) {
                Some(Pod::Night) => time(-1, Pod::Night, i + 2),
                Some(Pod::Evening) => time(-1, Pod::Evening, i + 2),
                _ => None,
            },
            "now" => reff(RefKind::Present, i + 1),
            "currently" | "presently" | "nowadays" => reff(RefKind::Present, i + 1),
            "current"
                if self.t.get(i + 1).is_some_and(|n| n.kind == Kind::Word && !n.cap)
                    && !self.wa(i + 1, &["account", "accounts", "affairs", "of"]) =>
            {
                reff(RefKind::Present, i + 1)
            }
            "these" if self.w(i + 1, "days") && !self.w(i + 2, "of") => reff(RefKind::Present, i + 2),
            "present" if i > 0 && self.w(i - 1, "at") => reff(RefKind::Present, i + 1),
            "the"
                if self.w(i + 1, "present")
                    && !self.t.get(i + 2).is_some_and(|n| n.kind == Kind::Word && !self.wa(i + 2, &["and", "or"])) =>
            {
                reff(RefKind::Present, i + 2)
            }
            "recently" | "lately" => reff(RefKind::Past, i + 1),

            "recent" if !self.t.get(i + 1).is_some_and(|n| n.kind == Kind::Num) => reff(RefKind::Past, i + 1),
            "the"
                if self.w(i + 1, "past")
                    && !self.t.get(i + 2).is_some_and(|n| {
                        n.kind == Kind::Num || n.kind == Kind::Word && (n.lex != Lex::None || self.amount(i + 2).is_some())
                    }) =>
            {
                reff(RefKind::Past, i + 2)
            }
            "the" => {
                let mut j = i + 1;
                if self.wa(j, &["near", "foreseeable", "distant", "immediate"]) {
                    j += 1;
                }
                if self.w(j, "future") {
                    return reff(RefKind::Future, j + 1);
                }
                if self.wa(i + 1, &["near", "short"]) && self.w(i + 2, "term") {
                    return reff(RefKind::Future, i + 3);
                }
                None
            }
            _ => None,
        }
    }

    /// "last week", "this month", "next year", "the previous month", "the following day",
    /// "that day", "the weekend", "last March", "year-end", "the day after the attack".
    fn unitrel(&self, i: usize) -> Option<Cand> {
        #[derive(Clone, Copy, PartialEq)]
        enum R {
            Dct(i64),
            /// Relative to the reference; may fall back on the anchor.
            Rel(i64, bool),
        }
        let k0 = self.k(i);
        let k1 = self.k(i + 1);
        // year-end, year end, year's end
        if k0 == "year" && ((self.p(i + 1, '-') && self.w(i + 2, "end")) || k1 == "end") {
            let e = if k1 == "end" { i + 2 } else { i + 3 };
            let mut c = cand(i, e, Sem::Unit { unit: Unit::Year, n: 0 }, "time.relunit.v1");
            c.pos = Some(PosMod::End);
            return Some(c);
        }
        // "the day before/after [X]", "the eve of X"
        if k0 == "the" && (k1 == "day" || k1 == "eve" || k1 == "night") {
            let sign = match (k1, self.k(i + 2)) {
                ("day" | "night", "before") => -1,
                ("day" | "night", "after") => 1,
                ("eve", "of") => -1,
                _ => 0,
            };
            // "later in the day before returning": "before" is a conjunction.
            let gerund = self.t.get(i + 3).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.key.len() > 4 && t.key.ends_with("ing"));
            if sign != 0 && !gerund {
                // The span stops at the preposition: a date after it is tagged on its own.
                let (_, base, event) = self.target(i + 3);
                // Followed by words, it counts from what they tell ("the day before the vote").
                let from_event = base.is_none() && self.t.get(i + 3).is_some_and(|t| t.kind == Kind::Word);
                let rel = Sem::Relative {
                    amt: Amount(Some(1.0)),
                    unit: Unit::Day,
                    sign,
                    base,
                    event,
                    dct_fallback: false,
                    from_event,
                    measured: false,
                };
                let sem = if k1 == "night" { Sem::Time { day: Some(Box::new(rel)), tod: Tod::Pod(Pod::Night) } } else { rel };
                return Some(cand(i, i + 3, sem, "time.relative.v1"));
            }
        }
        // "for the year", "a high for the year": the year the text is in (the reference
        // time's, else the publication's).
        if k0 == "the"
            && k1 == "year"
            && self.unit(i + 1).is_some()
            && !self.t[i + 1].poss
            && i > 0
            && self.wa(i - 1, &["for", "during", "throughout", "of", "in"])
            && !self.p(i + 2, '-')
            && !self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Num)
            && !self.wa(
                i + 2,
                &[
                    "ended", "ending", "ends", "through", "to", "earlier", "ago", "before", "after", "when", "that", "in", "which", "of",
                    "he", "she", "they", "it", "we", "i", "you",
                ],
            )
        {
            let sem = Sem::Relative {
                amt: Amount(Some(0.0)),
                unit: Unit::Year,
                sign: 1,
                base: None,
                event: None,
                dct_fallback: true,
                from_event: false,
                measured: false,
            };
            return Some(cand(i, i + 2, sem, "time.relunit.v1"));
        }
        // "the year ended Sept. 30": a reporting period, a duration in TimeML.
        if k0 == "the" {
            let mut j = i + 1;
            let mut adj = false;
            if self.wa(j, &["fiscal", "full", "current", "latest", "same"]) {
                adj = true;
                j += 1;
            }
            if let Some((u @ (Unit::Year | Unit::Month | Unit::Week), false)) = self.unit(j)
                && !self.t[j].poss
            {
                if self.wa(j + 1, &["ended", "ending", "ends", "through", "to"]) && u == Unit::Year {
                    return Some(cand(i, j + 1, Sem::Duration { amt: Amount(Some(1.0)), unit: u }, "time.duration.v1"));
                }
                if adj && self.k(i + 1) != "same" {
                    // "the latest fiscal year" is the last complete one.
                    let n = if self.w(i + 1, "latest") { -1 } else { 0 };
                    return Some(cand(i, j + 1, Sem::Unit { unit: u, n }, "time.relunit.v1"));
                }
            }
            if self.w(i + 1, "latest") && self.w(i + 2, "period") {
                return Some(cand(
                    i,
                    i + 3,
                    Sem::LatestQuarter { years_back: 0, year: None, named: false, ended: None },
                    "time.quarter.v1",
                ));
            }
        }
        // "the week of March 6"
        if k0 == "the"
            && k1 == "week"
            && self.w(i + 2, "of")
            && let Some(c) = self.cal(i + 3)
            && matches!(c.sem, Sem::Cal(Cal { d: Some(_), .. }))
        {
            return Some(cand(i, c.e, Sem::WeekOf(Box::new(c.sem)), "time.relunit.v1"));
        }
        // "the weekend", "over the weekend"
        if (k0 == "the" && k1 == "weekend") || (k0 == "weekend" && i > 0 && self.wa(i - 1, &["over", "during", "at", "on", "this"])) {
            let e = if k0 == "the" { i + 2 } else { i + 1 };
            if self.t[e - 1].poss || !self.t[e - 1].plural {
                return Some(cand(i, e, Sem::Weekend { dir: Dir::Auto }, "time.relunit.v1"));
            }
        }
        // "the year-earlier period", "year-ago period", "the 1988 period", "the corresponding
        // period last year": the period the report is about, in another year.
        if let Some(c) = self.reported_period(i) {
            return Some(c);
        }
        // "year-earlier", "year-ago" (adjectives)
        if k0 == "year" && self.p(i + 1, '-') && self.adj(i) && self.wa(i + 2, &["earlier", "ago"]) && !self.w(i + 3, "quarter") {
            let sem = if self.k(i + 2) == "ago" {
                Sem::Ago { amt: Amount(Some(1.0)), unit: Unit::Year, sign: -1 }
            } else {
                Sem::Relative {
                    amt: Amount(Some(1.0)),
                    unit: Unit::Year,
                    sign: -1,
                    base: None,
                    event: None,
                    dct_fallback: false,
                    from_event: false,
                    measured: false,
                }
            };
            return Some(cand(i, i + 3, sem, "time.relative.v1"));
        }
        let (r, j) = match (k0, k1) {
            ("this", "past") => (R::Dct(-1), i + 2),
            ("this", "coming") => (R::Dct(1), i + 2),
            ("the", "current") => (R::Dct(0), i + 2),
            ("the", "past" | "last") => (R::Dct(-1), i + 2),
            ("the", "coming") => (R::Dct(1), i + 2),
            ("the", "previous" | "preceding" | "prior") => (R::Rel(-1, true), i + 2),
            ("the", "following" | "next") => (R::Rel(1, false), i + 2),
            ("the" | "that", "same") => (R::Rel(0, false), i + 2),
            ("this" | "current", _) => (R::Dct(0), i + 1),
            ("last" | "past", _) => (R::Dct(-1), i + 1),
            ("next" | "coming", _) => (R::Dct(1), i + 1),
            ("previous" | "preceding", _) => (R::Rel(-1, true), i + 1),
            ("following", _) => (R::Rel(1, false), i + 1),
            ("that", _) => (R::Rel(0, false), i + 1),
            _ => {
                // French: "la semaine dernière", "le mois prochain", "l'année dernière"
                let (j, u) = if self.wa(i, &["la", "le"]) { (i + 1, self.unit(i + 1)) } else { (i, self.unit(i)) };
                let (u, false) = u? else { return None };
                let n = match self.k(j + 1) {
                    "dernier" | "derniere" | "derni\u{e8}re" | "passe" | "pass\u{e9}" | "passee" | "pass\u{e9}e" => -1,
                    "prochain" | "prochaine" => 1,
                    _ => return None,
                };
                if !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                    return None;
                }
                return Some(cand(i, j + 2, Sem::Unit { unit: u, n }, "time.relunit.v1"));
            }
        };
        let mut j = j;
        if self.w(j, "fiscal") {
            j += 1;
        }
        // "last March", "this September"
        if let Some((e, m, form, _)) = self.month_at(j)
            && (form != MonthForm::Ambiguous || self.t[j].cap)
            && let R::Dct(n) = r
            && !self.t.get(e).is_some_and(|t| t.kind == Kind::Num)
        {
            let dir = match n {
                -1 => Dir::Last,
                1 => Dir::Next,
                _ => Dir::This,
            };
            return Some(cand(i, e, Sem::PartRel { part: Part::Month(m), dir }, "time.relunit.v1"));
        }
        if self.w(j, "weekend") {
            let dir = match r {
                R::Dct(-1) => Dir::Last,
                R::Dct(1) => Dir::Next,
                R::Dct(_) => Dir::This,
                _ => return None,
            };
            return Some(cand(i, j + 1, Sem::Weekend { dir }, "time.relunit.v1"));
        }
        if let Some(p) = self.pod(j) {
            // "that night", "the next morning", "the previous evening"
            let R::Rel(n, _) = r else { return None };
            let rel = Sem::Relative {
                amt: Amount(Some(n.abs() as f64)),
                unit: Unit::Day,
                sign: n.signum().max(if n == 0 { 1 } else { -1 }),
                base: None,
                event: None,
                dct_fallback: false,
                from_event: false,
                measured: false,
            };
            let day = if n == 0 {
                Sem::Relative {
                    amt: Amount(Some(0.0)),
                    unit: Unit::Day,
                    sign: 1,
                    base: None,
                    event: None,
                    dct_fallback: false,
                    from_event: false,
                    measured: false,
                }
            } else {
                rel
            };
            return Some(cand(i, j + 1, Sem::Time { day: Some(Box::new(day)), tod: Tod::Pod(p) }, "time.relative.v1"));
        }
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        let e = j + 1;
        match r {
            R::Dct(n) => {
                if !matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade | Unit::Century) {
                    return None;
                }
                // "the past year" is the last twelve months: a duration.
                if k0 == "the" && matches!(k1, "past" | "last") {
                    return Some(cand(i, e, Sem::Duration { amt: Amount(Some(1.0)), unit: u }, "time.duration.v1"));
                }
                if matches!(u, Unit::Decade | Unit::Century) && n != 0 {
                    return Some(cand(i, e, Sem::Duration { amt: Amount(Some(1.0)), unit: u }, "time.duration.v1"));
                }
                Some(cand(i, e, Sem::Unit { unit: u, n }, "time.relunit.v1"))
            }
            R::Rel(n, fallback) => {
                if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Decade | Unit::Century) {
                    return None;
                }
                let (amt, sign) = (Amount(Some(n.unsigned_abs() as f64)), if n < 0 { -1 } else { 1 });
                // The previous day is never the day before publication: no fallback for days.
                let fallback = fallback && u != Unit::Day;
                Some(cand(
                    i,
                    e,
                    Sem::Relative {
                        amt,
                        unit: u,
                        sign,
                        base: None,
                        event: None,
                        dct_fallback: fallback,
                        from_event: false,
                        measured: false,
                    },
                    "time.relative.v1",
                ))
            }
        }
    }

    /// "the year-earlier period", "year-ago period", "the 1988 period", "the comparable period
    /// last year", "last year's quarter".
    fn reported_period(&self, i: usize) -> Option<Cand> {
        let mut k = if self.w(i, "the") { i + 1 } else { i };
        let year_back = |k: usize| self.w(k, "year") && self.p(k + 1, '-') && self.adj(k) && self.wa(k + 2, &["earlier", "ago"]);
        let period = |k: usize| self.wa(k, &["period", "quarter"]) && !self.t[k].plural && !self.t[k].cap;
        // "last year's quarter"
        if self.w(k, "last") && self.w(k + 1, "year") && self.t[k + 1].poss && self.w(k + 2, "quarter") {
            return Some(cand(i, k + 3, Sem::Reported { year: YearRef::Rel(-1) }, "time.quarter.v1"));
        }
        if self.wa(k, &["comparable", "corresponding", "same", "prior"]) {
            k += 1;
        }
        if year_back(k) && self.w(k + 3, "period") {
            return Some(cand(i, k + 4, Sem::Reported { year: YearRef::Rel(-1) }, "time.quarter.v1"));
        }
        if k == i + 1
            && let Some((e, y)) = self.year_at(k)
            && e == k + 1
            && self.w(e, "period")
        {
            return Some(cand(i, e + 1, Sem::Reported { year: YearRef::Explicit(y) }, "time.quarter.v1"));
        }
        // "the comparable period last year", "the same quarter a year ago"
        if k > i + 1 && period(k) {
            let e = k + 1;
            if self.w(e, "last") && self.w(e + 1, "year") && !self.t[e + 1].poss {
                return Some(cand(i, e + 2, Sem::Reported { year: YearRef::Rel(-1) }, "time.quarter.v1"));
            }
            if self.w(e, "a") && self.w(e + 1, "year") && self.wa(e + 2, &["ago", "earlier", "before"]) {
                return Some(cand(i, e + 3, Sem::Reported { year: YearRef::Rel(-1) }, "time.quarter.v1"));
            }
        }
        None
    }

    /// After "after"/"before": a date ("two days after Christmas") or an event phrase ("a day
    /// after the attack"). Returns (end, base date, event phrase tokens).
    fn target(&self, k: usize) -> (usize, Option<Box<Sem>>, Option<(usize, usize)>) {
        // Only rules that do not themselves look for a base: no recursion, linear time.
        let rules: [fn(&Self, usize) -> Option<Cand>; 7] =
            [Self::iso_numeric, Self::cal, Self::weekday, Self::year, Self::holiday, Self::deictic, Self::season];
        let base = rules.iter().filter_map(|r| r(self, k)).filter(|c| date_like(&c.sem)).max_by_key(|c| c.e);
        if let Some(c) = base {
            return (c.e, Some(Box::new(c.sem)), None);
        }
        if let Some(e) = self.event_np(k) {
            return (e, None, Some((k, e)));
        }
        (k, None, None)
    }

    /// "the attack", "this incident", "the army's offensive": ends at the first event noun within
    /// four words.
    fn event_np(&self, k: usize) -> Option<usize> {
        let mut j = k;
        if self.wa(j, &["the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "a", "an"]) {
            j += 1;
        }
        for step in 0..4 {
            let t = self.t.get(j + step)?;
            match t.kind {
                Kind::Word => {
                    if EVENT_NOUNS.contains(t.key) {
                        let mut e = j + step + 1;
                        // "air strike"
                        if self.wa(e, &["strike", "strikes"]) {
                            e += 1;
                        }
                        return Some(e);
                    }
                    if matches!(
                        t.key,
                        "and"
                            | "or"
                            | "but"
                            | "that"
                            | "which"
                            | "who"
                            | "when"
                            | "in"
                            | "on"
                            | "at"
                            | "by"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "i"
                    ) {
                        return None;
                    }
                }
                Kind::Punct if t.ch == '-' => {}
                _ => return None,
            }
        }
        None
    }

    /// Durations and what hangs on them: "three days", "the past two years", "a three-day",
    /// "two days ago", "a day after the attack", "two weeks later", "recent years".
    fn dur_family(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let mut the = false;
        if self.w(k, "the") {
            the = true;
            k += 1;
        }
        let rel = match self.k(k) {
            r @ ("past" | "last" | "next" | "first" | "coming" | "previous" | "following" | "final" | "latest" | "remaining"
            | "initial" | "additional" | "recent" | "further" | "preceding" | "ensuing") => {
                k += 1;
                Some(r)
            }
            _ => None,
        };
        // Bare plural units after "for", "within", "over", "in": "for years".
        if !the && rel.is_none() && self.amount(k).is_none() {
            let (u, plural) = self.unit(k)?;
            // "months ago", "days after a sniper killed..."
            if plural && k == i {
                match self.k(k + 1) {
                    "ago" => return Some(cand(i, k + 2, Sem::Ago { amt: Amount(None), unit: u, sign: -1 }, "time.ago.v1")),
                    "after" | "before" | "later" | "earlier" if !matches!(u, Unit::Second) => {
                        return Some(cand(i, k + 1, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
                    }
                    _ => {}
                }
            }
            if !plural
                || i == 0
                || !self.wa(i - 1, &["for", "within", "over", "in", "after", "from"])
                || self.wa(k + 1, &["of", "old", "ago"])
                || self.p(k + 1, '-')
            {
                // "decades-long"
                if plural && self.p(k + 1, '-') && self.w(k + 2, "long") && self.adj(k) {
                    return Some(cand(i, k + 3, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
                }
                // "year-long", "day-long"
                if !plural && self.p(k + 1, '-') && self.w(k + 2, "long") && self.adj(k) && self.adj(k + 1) {
                    return Some(cand(i, k + 3, Sem::Duration { amt: Amount(Some(1.0)), unit: u }, "time.duration.v1"));
                }
                return None;
            }
            return Some(cand(i, k + 1, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
        }
        let (mut k2, mut amt, from_article) = match self.amount(k) {
            Some((e, a)) => (e, a, self.wa(k, &["a", "an"]) && e == k + 1),
            None => {
                // "recent years", "the coming days", "the past months"
                let (u, plural) = self.unit(k)?;
                if !(plural && rel.is_some()) {
                    if the && plural && self.w(k + 1, "ahead") {
                        return Some(cand(i, k + 2, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
                    }
                    // "in the days before the attack": the unit alone, as TimeML marks it.
                    if the && plural && self.wa(k + 1, &["before", "after", "following", "since", "leading", "preceding", "that"]) {
                        return Some(cand(k, k + 1, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
                    }
                    // "over the years"
                    if the && plural && i > 0 && self.wa(i - 1, &["over", "through", "throughout"]) {
                        return Some(cand(i, k + 1, Sem::Duration { amt: Amount(None), unit: u }, "time.duration.v1"));
                    }
                    return None;
                }
                if rel == Some("recent") && !the && matches!(u, Unit::Year) {
                    return Some(cand(i, k + 1, Sem::Ref(RefKind::Past), "time.ref.v1"));
                }
                (k, Amount(None), false)
            }
        };
        if the && rel.is_none() && amt.0.is_none() {
            return None;
        }
        // "three more days", "eight trading days"
        if self.wa(
            k2,
            &["more", "additional", "straight", "consecutive", "full", "long", "trading", "business", "working", "whole", "solid", "short"],
        ) && self.unit(k2 + 1).is_some()
        {
            k2 += 1;
        }
        // Hyphenated adjective: "three-day", "10-year"
        let hyphen = self.p(k2, '-') && self.adj(k2 - 1) && self.adj(k2);
        let uk = if hyphen { k2 + 1 } else { k2 };
        let (u, _) = self.unit(uk)?;
        let mut e = uk + 1;
        if u == Unit::Quarter
            && (from_article || self.w(e, "of") || amt.0.is_some_and(|v| v.fract() != 0.0) || (amt.0.is_none() && rel.is_none()))
        {
            return None;
        }
        // "a year-earlier loss": the unit belongs to "year-earlier".
        if !hyphen && self.p(e, '-') && self.adj(e - 1) && self.wa(e + 1, &["earlier", "ago", "end"]) {
            return None;
        }
        if hyphen || self.p(e, '-') {
            // Ages are not times: "a 13-year-old", "8-month-old".
            if (self.p(e, '-') && self.wa(e + 1, &["old", "olds"])) || self.wa(e, &["old", "olds"]) {
                return None;
            }
            if self.p(e, '-') && self.w(e + 1, "long") && self.adj(e - 1) {
                e += 2;
            }
        } else if self.wa(e, &["old", "olds"]) && !self.wa(e + 1, &["ago"]) {
            return None;
        }
        if self.w(e, "or") && self.w(e + 1, "so") {
            e += 2;
        }
        if self.w(e, "and")
            && self.w(e + 1, "a")
            && self.w(e + 2, "half")
            && let Some(v) = amt.0
        {
            amt = Amount(Some(v + 0.5));
            e += 3;
        }
        let dur = |e: usize| Some(cand(i, e, Sem::Duration { amt, unit: u }, "time.duration.v1"));
        if hyphen || (the && rel.is_some()) || rel.is_some_and(|r| r != "first") && the {
            return dur(e);
        }
        if rel.is_some() && !the && !matches!(rel, Some("past" | "last" | "next" | "first" | "coming" | "recent" | "additional")) {
            return None;
        }
        if rel.is_some() {
            return dur(e);
        }
        // What hangs on a duration.
        match self.k(e) {
            "ago" => return Some(cand(i, e + 1, Sem::Ago { amt, unit: u, sign: -1 }, "time.ago.v1")),
            "hence" => return Some(cand(i, e + 1, Sem::Ago { amt, unit: u, sign: 1 }, "time.ago.v1")),
            "from" if self.w(e + 1, "now") => return Some(cand(i, e + 2, Sem::Ago { amt, unit: u, sign: 1 }, "time.ago.v1")),
            "earlier" | "later" | "before" | "after" | "prior" | "following" | "since" | "previously" => {
                let sign = if matches!(self.k(e), "later" | "after" | "following" | "since") { 1 } else { -1 };
                let mut k3 = e + 1;
                if self.k(e) == "prior" {
                    if !self.w(k3, "to") {
                        return dur(e);
                    }
                    k3 += 1;
                } else if matches!(self.k(e), "earlier" | "later") && self.w(k3, "than") {
                    k3 += 1;
                } else if matches!(self.k(e), "earlier" | "later" | "previously") {
                    if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) && amt.0.is_none() {
                        return dur(e);
                    }
                    return Some(cand(
                        i,
                        e + 1,
                        Sem::Relative {
                            amt,
                            unit: u,
                            sign,
                            base: None,
                            event: None,
                            dct_fallback: false,
                            from_event: false,
                            measured: true,
                        },
                        "time.relative.v1",
                    ));
                }
                if self.k(e) == "since" {
                    return dur(e);
                }
                let (_, base, event) = self.target(k3);
                let end = k3;
                if base.is_none() && event.is_none() {
                    // "two days after," / "a week before he died": relative to the story's event.
                    let clause_end = self.t.get(k3).is_none_or(|t| t.kind == Kind::Punct);
                    let pronoun = self.wa(k3, &["he", "she", "they", "it", "we", "i", "you", "his", "her", "their"]);
                    if !(clause_end || pronoun) || amt.0.is_none() {
                        return dur(e);
                    }
                    if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                        return dur(e);
                    }
                    // "after he was arrested" counts from that event, not from the last date.
                    return Some(cand(
                        i,
                        e + 1,
                        Sem::Relative {
                            amt,
                            unit: u,
                            sign,
                            base: None,
                            event: None,
                            dct_fallback: false,
                            from_event: pronoun,
                            measured: true,
                        },
                        "time.relative.v1",
                    ));
                }
                if amt.0.is_none() {
                    return dur(e);
                }
                return Some(cand(
                    i,
                    end,
                    Sem::Relative { amt, unit: u, sign, base, event, dct_fallback: false, from_event: false, measured: true },
                    "time.relative.v1",
                ));
            }
            _ => {}
        }
        // "$2 million a year", "24 hours a day": a rate, not a time.
        if from_article && self.rate_before(i) {
            return None;
        }
        dur(e)
    }

    /// A quantity just before `i` ("700 seats", "$2 million", "24 hours").
    fn rate_before(&self, i: usize) -> bool {
        for back in 1..=3 {
            let Some(j) = i.checked_sub(back) else { return false };
            let t = &self.t[j];
            match t.kind {
                Kind::Num => return true,
                Kind::Punct if t.ch == '%' => return true,
                Kind::Punct => return false,
                Kind::Word => {
                    if matches!(t.lex, Lex::Num(_))
                        || matches!(t.key, "million" | "billion" | "thousand" | "percent" | "times" | "once" | "twice")
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// every Friday, each year, daily, twice a week, Tuesday nights.
    fn set(&self, i: usize) -> Option<Cand> {
        let k = self.k(i);
        let set = |e: usize, v: String| Some(cand(i, e, Sem::Set(v), "time.set.v1"));
        let fixed = match k {
            "daily" | "everyday" => Some("P1D"),
            "weekly" => Some("P1W"),
            "biweekly" | "fortnightly" => Some("P2W"),
            "monthly" => Some("P1M"),
            "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            "nightly" => Some("XXXX-XX-XXTNI"),
            _ => None,
        };
        if let Some(v) = fixed {
            // "Daily Trust", "Daily Mail" are newspapers.
            if self.t[i].cap && self.next_is_name(i + 1) {
                return None;
            }
            return set(i + 1, v.into());
        }
        if matches!(k, "every" | "each") {
            let mut j = i + 1;
            if self.wa(j, &["other", "alternate", "single"]) {
                j += 1;
            }
            let other = self.w(i + 1, "other");
            let mult = if other { 2.0 } else { 1.0 };
            if let Lex::Weekday(d, false) = self.lex(j) {
                let pod = self.pod(j + 1);
                return match pod {
                    Some(p) => set(j + 2, format!("XXXX-WXX-{d}T{}", p.code())),
                    None => set(j + 1, format!("XXXX-WXX-{d}")),
                };
            }
            if let Some((_, m, f, _)) = self.month_at(j)
                && (f != MonthForm::Ambiguous || self.t[j].cap)
            {
                return set(j + 1, format!("XXXX-{m:02}"));
            }
            if let Some(p) = self.pod(j) {
                return set(j + 1, format!("XXXX-XX-XXT{}", p.code()));
            }
            if self.w(j, "weekend") {
                return set(j + 1, "XXXX-WXX-WE".into());
            }
            if let Lex::Season(s) = self.lex(j) {
                return set(j + 1, format!("XXXX-{}", s.code()));
            }
            let (j2, amt) = match self.amount(j) {
                Some((e, a)) if self.unit(e).is_some() => (e, a),
                _ => (j, Amount(Some(1.0))),
            };
            let (u, _) = self.unit(j2)?;
            let v = amt.0.map(|v| v * mult);
            return set(j2 + 1, crate::sem::duration_value(Amount(v), u));
        }
        // once a week, twice a year, three times a day
        let (j, times) = match k {
            "once" => (i + 1, true),
            "twice" | "thrice" => (i + 1, true),
            _ => match self.amount(i) {
                Some((e, _)) if self.w(e, "times") => (e + 1, true),
                _ => (i, false),
            },
        };
        if times && self.wa(j, &["a", "an", "per", "every", "each"]) {
            let (u, _) = self.unit(j + 1)?;
            return set(j + 2, crate::sem::duration_value(Amount(Some(1.0)), u));
        }
        // "Fridays", "on Fridays", "Tuesday nights"
        if let Some(t) = self.t.get(i)
            && let Lex::Weekday(d, false) = t.lex
            && t.plural
            && t.cap
        {
            if let Lex::Pod(p) = self.lex(i + 1) {
                return set(i + 2, format!("XXXX-WXX-{d}T{}", p.code()));
            }
            return set(i + 1, format!("XXXX-WXX-{d}"));
        }
        if k == "weekends" && i > 0 && self.wa(i - 1, &["on", "at", "during"]) {
            return set(i + 1, "XXXX-WXX-WE".into());
        }
        None
    }

    /// Clock times: "10 p.m.", "10:35 a.m. EDT Thursday", "14:30 GMT", "14h30", "noon".
    fn clock(&self, i: usize) -> Option<Cand> {
        let t = self.t.get(i)?;
        let mut e;
        let (mut h, mut m);
        let mut explicit = false;
        match (t.kind, t.key) {
            (Kind::Word, "noon" | "midday") if !(i > 0 && self.w(i - 1, "high")) => {
                h = 12;
                m = 0;
                e = i + 1;
                explicit = true;
            }
            (Kind::Word, "midnight") => {
                return Some(self.clock_tail(i, i + 1, Tod::Midnight));
            }
            (Kind::Num, _) => {
                if t.digits > 4 {
                    return None;
                }
                // 14h30, 14h
                if let Some(rest) = t.suffix.strip_prefix('h')
                    && t.digits <= 2
                    && t.num < 24
                    && (rest.is_empty() || (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit())))
                {
                    let mm = if rest.is_empty() { 0 } else { rest.parse::<u32>().ok()? };
                    if mm >= 60 {
                        return None;
                    }
                    return Some(self.clock_tail(i, i + 1, Tod::Clock(t.num, mm)));
                }
                // 1400 GMT
                if t.digits == 4 && t.suffix.is_empty() {
                    let (hh, mm) = (t.num / 100, t.num % 100);
                    if hh < 24 && mm < 60 && self.tz(i + 1).is_some() {
                        return Some(self.clock_tail(i, i + 1, Tod::Clock(hh, mm)));
                    }
                    return None;
                }
                if t.digits > 2 {
                    return None;
                }
                h = t.num;
                m = 0;
                e = i + 1;
                let mut suffix = t.suffix;
                if suffix.is_empty() && self.p(e, ':') && self.adj(i) && self.adj(e) {
                    let mt = self.t.get(e + 1).filter(|x| x.kind == Kind::Num && x.digits == 2)?;
                    m = mt.num;
                    if m >= 60 {
                        return None;
                    }
                    suffix = mt.suffix;
                    e += 2;
                    explicit = true;
                    // seconds
                    if suffix.is_empty()
                        && self.p(e, ':')
                        && self.adj(e - 1)
                        && self.t.get(e + 1).is_some_and(|x| x.kind == Kind::Num && x.digits == 2)
                    {
                        suffix = self.t[e + 1].suffix;
                        e += 2;
                    }
                }
                match suffix {
                    "" => {}
                    "am" | "a" => {
                        if h == 12 {
                            h = 0;
                        }
                        explicit = true;
                        if suffix == "a" && self.p(e, '.') && self.w(e + 1, "m") {
                            e += 2;
                            if self.p(e, '.') && self.adj(e - 1) {
                                e += 1;
                            }
                        }
                        if h > 12 {
                            return None;
                        }
                    }
                    "pm" | "p" => {
                        if h > 12 {
                            return None;
                        }
                        if h < 12 {
                            h += 12;
                        }
                        explicit = true;
                        if suffix == "p" && self.p(e, '.') && self.w(e + 1, "m") {
                            e += 2;
                            if self.p(e, '.') && self.adj(e - 1) {
                                e += 1;
                            }
                        }
                    }
                    _ => return None,
                }
                if t.suffix.is_empty() && suffix.is_empty() {
                    // a.m. / p.m. / am / pm as words
                    if let Some((e2, pm)) = self.ampm(e) {
                        if h == 0 || h > 12 {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        } else if !pm && h == 12 {
                            h = 0;
                        }
                        e = e2;
                        explicit = true;
                    } else if self.w(e, "o'clock") || self.w(e, "o\u{2019}clock") {
                        e += 1;
                        explicit = true;
                    } else if (1..=12).contains(&h)
                        && ((self.w(e, "in") && self.w(e + 1, "the") && self.pod(e + 2).is_some())
                            || (self.w(e, "at") && self.w(e + 1, "night")))
                    {
                        explicit = true;
                    } else if !explicit || h > 23 {
                        return None;
                    }
                }
            }
            (Kind::Word, _) => {
                // "ten o'clock"
                let (e2, v) = self.num_words(i)?;
                if !(1..=12).contains(&v) || !(self.w(e2, "o'clock") || self.w(e2, "o\u{2019}clock")) {
                    return None;
                }
                h = v;
                m = 0;
                e = e2 + 1;
                explicit = true;
            }
            _ => return None,
        }
        if !explicit {
            return None;
        }
        // "4 in the morning", "10 at night"
        if self.w(e, "in") && self.w(e + 1, "the") {
            match self.pod(e + 2) {
                Some(Pod::Morning) => e += 3,
                Some(Pod::Afternoon | Pod::Evening) => {
                    if h < 12 {
                        h += 12;
                    }
                    e += 3;
                }
                _ => {}
            }
        } else if self.w(e, "at") && self.w(e + 1, "night") {
            if (6..12).contains(&h) {
                h += 12;
            }
            e += 2;
        }
        Some(self.clock_tail(i, e, Tod::Clock(h, m)))
    }

    /// "a.m.", "p.m", "AM", "pm": (end, is pm).
    fn ampm(&self, e: usize) -> Option<(usize, bool)> {
        match self.k(e) {
            "am" => Some((e + 1, false)),
            "pm" => Some((e + 1, true)),
            k @ ("a" | "p") if self.p(e + 1, '.') && self.w(e + 2, "m") && self.adj(e) && self.adj(e + 1) => {
                let mut end = e + 3;
                if self.p(end, '.') && self.adj(end - 1) {
                    end += 1;
                }
                Some((end, k == "p"))
            }
            _ => None,
        }
    }

    fn tz(&self, i: usize) -> Option<usize> {
        match self.k(i) {
            "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "bst" | "cet" | "cest" | "wat" | "eat"
            | "cat" | "ist" | "msk" | "jst" | "z" => Some(i + 1),
            "local" if self.w(i + 1, "time") => Some(i + 2),
            _ => None,
        }
    }

    /// Zone and day after a clock time.
    fn clock_tail(&self, i: usize, mut e: usize, tod: Tod) -> Cand {
        if let Some(z) = self.tz(e) {
            e = z;
        } else if self.p(e, '(') && self.tz(e + 1).is_some() && self.p(e + 2, ')') {
            e += 3;
        } else if self.p(e, '(')
            && let Some(c) = self.clock(e + 1)
            && self.p(c.e, ')')
        {
            // "10:35 a.m. (0735 GMT) Friday"
            let dk = c.e + 1;
            if let Some(d) = self.cal(dk).or_else(|| self.weekday(dk)).filter(|d| day_like(&d.sem)) {
                return cand(i, d.e, Sem::Time { day: Some(Box::new(d.sem)), tod }, "time.clock.v1");
            }
        }
        let dk = if self.p(e, ',') { e + 1 } else { e };
        let day = match self.k(dk) {
            "today" => Some((dk + 1, Sem::Day(0))),
            "yesterday" => Some((dk + 1, Sem::Day(-1))),
            "tomorrow" => Some((dk + 1, Sem::Day(1))),
            _ => {
                let c = self.cal(dk).or_else(|| self.weekday(dk));
                c.filter(|c| day_like(&c.sem)).map(|c| (c.e, c.sem))
            }
        };
        match day {
            Some((e2, s)) => cand(i, e2, Sem::Time { day: Some(Box::new(s)), tod }, "time.clock.v1"),
            None => cand(i, e, Sem::Time { day: None, tod }, "time.clock.v1"),
        }
    }

    /// "the morning of September 28", "the night of 2-3 June".
    fn pod_of(&self, i: usize) -> Option<Cand> {
        let j = if self.w(i, "the") { i + 1 } else { i };
        let p = self.pod(j)?;
        if !self.w(j + 1, "of") {
            return None;
        }
        let c = self.cal(j + 2).or_else(|| self.weekday(j + 2))?;
        if !matches!(c.sem, Sem::Cal(Cal { d: Some(_), .. }) | Sem::Range(..) | Sem::Weekday { .. }) {
            return None;
        }
        Some(cand(i, c.e, Sem::Time { day: Some(Box::new(c.sem)), tod: Tod::Pod(p) }, "time.clock.v1"))
    }
}

/// "the end of August and mid-September 2021": a year-less date takes the year of the next
/// one when only a conjunction separates them (and it does not come later in the year).
pub(crate) fn share_years(t: &[Tok<'_>], cands: &mut [Cand]) {
    for i in (0..cands.len().saturating_sub(1)).rev() {
        let next_year = match &cands[i + 1].sem {
            Sem::Cal(Cal { y: Some(y), m, .. }) | Sem::Range(Cal { y: Some(y), m, .. }, _) => Some((*y, *m)),
            _ => None,
        };
        let Some((y, m2)) = next_year else { continue };
        let between = &t[cands[i].e..cands[i + 1].s];
        let joined = !between.is_empty()
            && between
                .iter()
                .all(|x| matches!(x.key, "and" | "or" | "to" | "through" | "until" | "till" | "et" | "ou" | "au" | "-" | "," | "&"));
        if !joined {
            continue;
        }
        match &mut cands[i].sem {
            Sem::Cal(c @ Cal { y: None, .. }) if c.m <= m2 => c.y = Some(y),
            Sem::Range(a @ Cal { y: None, .. }, b @ Cal { y: None, .. }) if b.m <= m2 => {
                a.y = Some(y);
                b.y = Some(y);
            }
            _ => {}
        }
    }
}

/// A single day (a part of day or a clock time can be glued to it).
fn day_like(s: &Sem) -> bool {
    match s {
        Sem::Cal(c) => c.d.is_some(),
        Sem::Weekday { .. } | Sem::Day(_) | Sem::Holiday { .. } => true,
        Sem::Relative { unit: Unit::Day, .. } => true,
        _ => false,
    }
}

/// Denotes a date or period (not a duration, set or vague reference).
fn date_like(s: &Sem) -> bool {
    !matches!(s, Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_) | Sem::Relative { .. })
}

fn pos_ok(s: &Sem, pm: PosMod) -> bool {
    match pm {
        PosMod::SoFar | PosMod::Later => matches!(
            s,
            Sem::Unit { n: 0, .. }
                | Sem::Day(_)
                | Sem::Weekday { .. }
                | Sem::Relative { .. }
                | Sem::Time { .. }
                | Sem::Part { year: YearRef::Rel(0), .. }
        ),
        _ => date_like(s) && !matches!(s, Sem::Time { .. } | Sem::Range(..)),
    }
}

fn approx_ok(s: &Sem) -> bool {
    matches!(s, Sem::Duration { .. } | Sem::Ago { .. } | Sem::Relative { .. } | Sem::Time { .. } | Sem::Cal(_) | Sem::Year(_))
}
