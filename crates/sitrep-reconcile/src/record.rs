//! What the linker keeps about each mention and each article: small, serialisable records a
//! store persists as they are (JSON), with every quote already cut from the article's original
//! text, so linking and reconciling never need the article texts again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::Amount;
use sitrep_model::article::Article;
use sitrep_model::mention::{EventMention, Evidence, Location};
use sitrep_model::taxonomy::*;
use sitrep_relate::Fingerprint;
use sitrep_relate::facts::citations;
use sitrep_relate::hash::{hash_more, hash_str};
use sitrep_relate::tokens::{is_not_name, words};
use sitrep_text::{CharIndex, fold};

/// A quote: code points `[start, end)` of the article's original text, and that slice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The slice.
    pub text: String,
    /// True when the slice is of the article's title, not its original text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// Which mention: the article and the mention's index among the article's mentions (the
/// reader's order: main event first).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionKey {
    /// The article.
    pub article_id: String,
    /// Index among its mentions.
    pub index: u32,
}

impl std::fmt::Display for MentionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.article_id, self.index)
    }
}

/// A date as one mention gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateClaim {
    /// First possible day.
    pub earliest: Option<NaiveDate>,
    /// Last possible day.
    pub latest: Option<NaiveDate>,
    /// Precision.
    pub precision: DatePrecision,
    /// The expression ("on Thursday").
    pub expression: Option<String>,
    /// Resolved against the article's publication date.
    pub from_publication: bool,
    /// Dated from another mention of the same article: `(its index, offset in days)`.
    pub relative_to: Option<(u32, i64)>,
    /// The quote.
    pub quote: Option<Quote>,
}

impl DateClaim {
    /// The interval, when both ends are known.
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            (Some(a), Some(b)) => Some((b, a)),
            (Some(a), None) | (None, Some(a)) if self.precision == DatePrecision::Day => Some((a, a)),
            _ => None,
        }
    }
}

/// A place as one mention gives it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceClaim {
    /// The place.
    pub place: Location,
    /// The quote.
    pub quote: Option<Quote>,
}

/// An actor as one mention gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorClaim {
    /// Normalised name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Role.
    pub role: ActorRole,
    /// The quote.
    pub quote: Option<Quote>,
}

/// A casualty figure as one mention gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyClaim {
    /// Whose people.
    pub party: ActorKind,
    /// What happened to them.
    pub outcome: Outcome,
    /// How many.
    pub amount: Amount,
    /// Violence or accident.
    pub cause: Cause,
    /// Who said it.
    pub attributed_to: Option<String>,
    /// Replaced by a later figure in the same article.
    pub superseded: bool,
    /// The quote.
    pub quote: Quote,
}

/// A tactic as one mention gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TacticClaim {
    /// Normalised name.
    pub name: String,
    /// The quote.
    pub quote: Quote,
}

/// Everything linking and reconciling need about one event mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Which mention.
    pub key: MentionKey,
    /// Stable hash of the article's original text, its id and the mention's index: new event
    /// ids derive from the smallest hash among an event's mentions (the id tells apart pages
    /// with the same text, such as a site's sign-in page stored under several addresses).
    pub hash: u64,
    /// Primary or background.
    pub role: SourceRole,
    /// Type.
    pub event_type: EventType,
    /// Sub-type.
    pub sub_event_type: SubEventType,
    /// The quote that decided the type.
    pub type_quote: Option<Quote>,
    /// When.
    pub date: DateClaim,
    /// Where.
    pub location: PlaceClaim,
    /// Who.
    pub actors: Vec<ActorClaim>,
    /// How many.
    pub casualties: Vec<CasualtyClaim>,
    /// How.
    pub tactics: Vec<TacticClaim>,
    /// The mention's sentences (at most [`MAX_TEXT`] bytes): for lexical and semantic matching.
    pub text: String,
    /// Capitalised names in those sentences, folded, sorted ("kandadji", "mody").
    pub names: Vec<String>,
    /// Sentence embedding of `text`, once computed (only for pairs cheaper signals leave
    /// undecided).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding: Option<Vec<f32>>,
    /// People named in the mention's sentences (for the main event, in the whole article):
    /// "given surname", folded ([`people_in`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// For a mention placed in no country: the country most of its article's mentions are
    /// in (ISO code), for finding candidates only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_hint: Option<String>,
    /// Population of the place (from the gazetteer, when the caller knows it): sharing a
    /// village says more than sharing a city of millions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
}

/// Longest `MentionRecord::text` kept.
pub const MAX_TEXT: usize = 800;

/// Bytes of an article's cleaned text its main event's names are taken from.
pub const MAX_NAMES_TEXT: usize = 6000;

/// Why an article's dateline is suspect: one of its mentions, dated from the dateline, is the
/// same event as another article's mention dated far away.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StaleEvidence {
    /// The article's mention.
    pub mention: MentionKey,
    /// The other article's mention.
    pub other: MentionKey,
    /// Days to add to this article's dates to agree with the other (negative: earlier).
    pub offset_days: i64,
    /// 2: strong (alone enough); 1: moderate (needs another mention of the page agreeing).
    pub strength: u8,
}

/// Offsets within this many days of each other agree.
pub const OFFSET_AGREEMENT_DAYS: i64 = 45;

/// Everything linking and reconciling need about one article. Built once with
/// [`ArticleRecord::new`]; the linker maintains `derivative_of` and `stale`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Id.
    pub id: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where it came from.
    pub published_from: Option<PublishedFrom>,
    /// Address.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Flags from ingest and reading (`undated`, `headline_conflict`, ...); `date_suspect` is
    /// derived from `stale` (see [`ArticleRecord::flags`]).
    pub base_flags: Vec<ArticleFlag>,
    /// For relating.
    pub fingerprint: Fingerprint,
    /// Exact duplicate of (from ingest): not independent.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// Articles this one re-tells (derivative rewrites and near duplicates): not independent.
    #[serde(default)]
    pub derivative_of: Vec<String>,
    /// Why its dateline is suspect (empty: it is not).
    #[serde(default)]
    pub stale: Vec<StaleEvidence>,
}

impl ArticleRecord {
    /// The record of an ingested article and its mentions (main first): fingerprint, and
    /// `headline_conflict` when the title's figure fits none of the main event's.
    pub fn new(article: &Article, mentions: &[EventMention]) -> Self {
        let mut base_flags = article.flags.clone();
        base_flags.retain(|f| *f != ArticleFlag::DateSuspect);
        if let (Some(title), Some(main)) = (&article.title, mentions.first().filter(|m| m.role == SourceRole::Primary))
            && sitrep_relate::headline_conflict(title, main)
            && !base_flags.contains(&ArticleFlag::HeadlineConflict)
        {
            base_flags.push(ArticleFlag::HeadlineConflict);
        }
        ArticleRecord {
            id: article.id.clone(),
            published: article.published,
            published_from: article.published_from,
            url: article.url.clone(),
            outlet: article.outlet.clone(),
            base_flags,
            fingerprint: Fingerprint::of(article),
            duplicate_of: None,
            derivative_of: Vec::new(),
            stale: Vec::new(),
        }
    }

    /// False for duplicates and derivative rewrites.
    pub fn independent(&self) -> bool {
        self.duplicate_of.is_none() && self.derivative_of.is_empty()
    }

    /// True when the dateline contradicts what the content refers to: one strong piece of
    /// evidence, or moderate evidence from two of its mentions pointing to the same offset
    /// (within [`OFFSET_AGREEMENT_DAYS`]).
    pub fn date_suspect(&self) -> bool {
        self.suspect_evidence().next().is_some()
    }

    /// The evidence that makes the dateline suspect (empty when it is not).
    fn suspect_evidence(&self) -> impl Iterator<Item = &StaleEvidence> {
        let agreeing = |e: &StaleEvidence| {
            e.strength >= 2
                || self.stale.iter().any(|o| o.mention != e.mention && (o.offset_days - e.offset_days).abs() <= OFFSET_AGREEMENT_DAYS)
        };
        self.stale.iter().filter(move |e| agreeing(e))
    }

    /// The article's flags for export: the base flags plus `date_suspect`.
    pub fn flags(&self) -> Vec<ArticleFlag> {
        let mut f = self.base_flags.clone();
        if self.date_suspect() && !f.contains(&ArticleFlag::DateSuspect) {
            f.push(ArticleFlag::DateSuspect);
        }
        f
    }

    /// Report or commentary.
    pub fn kind(&self) -> ArticleKind {
        self.fingerprint.kind.kind
    }

    /// Estimated days to add to the dateline (median of the stale evidence), when suspect.
    pub fn anchor_offset(&self) -> Option<i64> {
        let mut v: Vec<i64> = self.suspect_evidence().map(|s| s.offset_days).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_unstable();
        Some(v[(v.len() - 1) / 2])
    }
}

/// Cuts quotes from one article's original text, or from its title for evidence marked
/// `in_title`.
struct Cutter<'a> {
    text: &'a str,
    chars: CharIndex,
    title: &'a str,
    title_chars: CharIndex,
}

impl<'a> Cutter<'a> {
    fn new(text: &'a str) -> Self {
        Cutter { text, chars: CharIndex::new(text), title: "", title_chars: CharIndex::new("") }
    }
    /// The same cutter, cutting title evidence from `title`.
    fn with_title(self, title: Option<&'a str>) -> Self {
        let title = title.unwrap_or("");
        Cutter { title, title_chars: CharIndex::new(title), ..self }
    }
    fn quote(&self, ev: &Evidence) -> Quote {
        let (text, chars) = if ev.in_title { (self.title, &self.title_chars) } else { (self.text, &self.chars) };
        let start_b = floor_char(text, ev.span.start.min(text.len()));
        let end_b = ceil_char(text, ev.span.end.min(text.len()).max(start_b));
        Quote {
            start: chars.char_offset(start_b),
            end: chars.char_offset(end_b),
            text: text[start_b..end_b].to_string(),
            in_title: ev.in_title,
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Words of the names of countries, first-level divisions and world regions, and demonyms
/// (`data/area_words.txt`, generated from the built-in gazetteer's data): every story of a
/// country names it, so sharing them says nothing about which event a story tells.
static AREA_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| include_str!("../data/area_words.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect());

/// Words that are capitalised as part of a name but name nothing by themselves: street and
/// place designators, compass words, institutions, titles, days, months, numbers, outlets.
const DESIGNATORS: &[&str] = &[
    "street",
    "avenue",
    "ave",
    "road",
    "boulevard",
    "blvd",
    "drive",
    "lane",
    "court",
    "place",
    "way",
    "highway",
    "hwy",
    "route",
    "interstate",
    "parkway",
    "terrace",
    "circle",
    "square",
    "plaza",
    "bridge",
    "county",
    "parish",
    "city",
    "town",
    "township",
    "village",
    "state",
    "district",
    "region",
    "province",
    "department",
    "dept",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "side",
    "downtown",
    "uptown",
    "midtown",
    "park",
    "center",
    "centre",
    "hospital",
    "medical",
    "memorial",
    "university",
    "college",
    "school",
    "high",
    "middle",
    "elementary",
    "academy",
    "church",
    "baptist",
    "apartments",
    "apartment",
    "complex",
    "mall",
    "club",
    "bar",
    "restaurant",
    "hotel",
    "inn",
    "motel",
    "station",
    "airport",
    "police",
    "sheriff",
    "office",
    "fire",
    "rescue",
    "news",
    "press",
    "associated",
    "channel",
    "radio",
    "times",
    "post",
    "tribune",
    "herald",
    "journal",
    "daily",
    "gazette",
    "mount",
    "fort",
    "san",
    "santa",
    "los",
    "las",
    "new",
    "saint",
    "lake",
    "river",
    "beach",
    "heights",
    "hills",
    "hill",
    "valley",
    "springs",
    "grove",
    "gardens",
    "national",
    "international",
    "united",
    "american",
    "america",
    "federal",
    "crime",
    "stoppers",
    "superior",
    "circuit",
    "jail",
    "prison",
    "correctional",
    "facility",
    "authority",
    "ministry",
    "army",
    "forces",
    "military",
    "government",
    "president",
    "governor",
    "mayor",
    "chief",
    "officer",
    "sergeant",
    "lieutenant",
    "captain",
    "detective",
    "deputy",
    "trooper",
    "agent",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "commander",
    "general",
    "colonel",
    "major",
    "prosecutor",
    "attorney",
    "judge",
    "sen",
    "rep",
    "gov",
    "sgt",
    "lt",
    "capt",
    "det",
    "officers",
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
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "breaking",
    "update",
    "updated",
    "video",
    "photos",
    "photo",
    "local",
    "live",
    "watch",
    "read",
    "more",
    "related",
    "copyright",
    "reserved",
    "rights",
    "inc",
    "llc",
    "co",
];

/// Words before a name that make it a person's ("Officer Jane Roe", "Sgt. John Doe").
const PERSON_TITLES: &[&str] = &[
    "officer",
    "officers",
    "deputy",
    "sgt",
    "sergeant",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "detective",
    "det",
    "trooper",
    "agent",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "judge",
    "sheriff",
    "chief",
    "prosecutor",
    "attorney",
    "suspect",
    "victim",
    "gunman",
    "shooter",
    "identified",
    "named",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "wife",
    "husband",
    "girlfriend",
    "boyfriend",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "pastor",
    "rev",
    "mayor",
    "sen",
    "rep",
    "gov",
    "governor",
    "president",
    "minister",
    "general",
    "colonel",
    "commander",
];

/// Name suffixes that are not surnames.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// People named in a text, as "given surname" (folded): a run of two to four capitalised
/// words (initials allowed inside) that starts with a common given name, follows a title or a
/// word that introduces a person ("Officer", "identified"), or is followed by an age
/// (", 32,"). Who was shot and who is charged tell two stories apart better than anything.
pub fn people_in(text: &str) -> Vec<String> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].is_capitalised() || ws[i].is_digits() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && j - i < 5 && ws[j].sentence == ws[i].sentence && ws[j].is_capitalised() && !ws[j].is_digits() {
            let gap = &text[ws[j - 1].span.end..ws[j].span.start];
            let initial = ws[j - 1].text.chars().count() == 1 && gap.trim() == ".";
            if !(gap.chars().all(char::is_whitespace) || initial) {
                break;
            }
            j += 1;
        }
        let run: Vec<String> = ws[i..j].iter().map(|w| w.folded().trim_end_matches("'s").to_string()).collect();
        let mut k = run.len();
        while k > 0 && (NAME_SUFFIXES.contains(&run[k - 1].as_str()) || run[k - 1].chars().count() == 1) {
            k -= 1;
        }
        if k >= 2 {
            let (first, last) = (&run[0], &run[k - 1]);
            let after = &text[ws[j - 1].span.end..];
            let aged = after.strip_prefix(", ").is_some_and(|r| r.chars().next().is_some_and(|c| c.is_ascii_digit()));
            let titled = i > 0 && ws[i - 1].sentence == ws[i].sentence && PERSON_TITLES.contains(&ws[i - 1].folded().as_str());
            let plain = |w: &str| w.len() >= 2 && !is_not_name(w) && !is_area_or_designator(w);
            if (sitrep_text::is_given_name(first.as_str()) || aged || titled) && plain(first) && plain(last) && last.len() >= 2 {
                out.push(format!("{first} {last}"));
            }
        }
        i = j;
    }
    out.sort();
    out.dedup();
    out
}

/// True for a word the names of a mention leave out ([`names_in`]): a designator or a word of
/// a country, admin1 area, region or demonym.
pub fn is_area_or_designator(folded: &str) -> bool {
    DESIGNATOR_SET.contains(folded) || AREA_WORDS.contains(folded)
}

/// [`DESIGNATORS`] as a set: asked for every word of two places' names in every pair scored.
static DESIGNATOR_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| DESIGNATORS.iter().copied().collect());

/// Names that name no event: platforms and networks a page links or credits, the acronyms of
/// police work and of vehicles, and the words of a page's furniture ("Caption", "Tips",
/// "Full Screen", "Close").
const FURNITURE_WORDS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "snapchat",
    "linkedin",
    "pinterest",
    "reddit",
    "whatsapp",
    "getty",
    "shutterstock",
    "istock",
    "cbs",
    "nbc",
    "abc",
    "fox",
    "cnn",
    "msnbc",
    "npr",
    "pbs",
    "upi",
    "espn",
    "swat",
    "suv",
    "fbi",
    "atf",
    "dea",
    "ems",
    "cpr",
    "dna",
    "gps",
    "flickr",
    "caption",
    "captions",
    "tips",
    "comments",
    "comment",
    "subscribe",
    "newsletter",
    "gallery",
    "slideshow",
    "photos",
    "credit",
    "email",
    "print",
    "close",
    "full",
    "buy",
];

/// Words that make a capitalised run an institution every report of a city names: where the
/// wounded were taken, who examined the dead ("Mercy Regional Medical Center", "the County
/// Medical Examiner's Office", "Crime Stoppers"). Its other words name the institution, not
/// the event.
const INSTITUTION_HEADS: &[&str] = &[
    "hospital",
    "hospitals",
    "medical",
    "clinic",
    "infirmary",
    "trauma",
    "health",
    "healthcare",
    "examiner",
    "examiner's",
    "coroner",
    "coroner's",
    "morgue",
    "stoppers",
    "crimestoppers",
];

/// True for a contraction ("I'm", "We've"): a quote's capital, no name.
fn is_contraction(folded: &str) -> bool {
    folded.split_once('\'').is_some_and(|(_, tail)| matches!(tail, "m" | "ve" | "re" | "ll" | "d" | "t"))
}

/// Capitalised names of a text, folded and sorted: words with a capital that do not open a
/// sentence (or that also appear capitalised mid-sentence), not common words, three letters
/// or more, and not part of a cited source ("told Radio Horizon", "the governor of Sahelia
/// said"): who reports an event says little about which event it is. Designators ("Street",
/// "County", "Hospital") and the words of country, admin1 and region names are left out, and
/// so are common English words the text also writes in lowercase ("Shooting" by "a
/// shooting") or on a page written in capitals, contractions, platforms, networks and page furniture ("Caption"),
/// and the words of an institution's name ("Harlow Memorial Hospital") that the text never
/// capitalises outside such a name.
pub fn names_in(text: &str) -> Vec<String> {
    let cited: std::collections::HashSet<String> = citations(text).into_iter().flat_map(|c| c.words).collect();
    let ws = words(text);
    let folded: Vec<String> = ws.iter().map(|w| w.folded().trim_end_matches("'s").to_string()).collect();
    let mid: std::collections::HashSet<&str> =
        ws.iter().zip(&folded).filter(|(w, _)| !w.opens_sentence && w.is_capitalised()).map(|(_, f)| f.as_str()).collect();
    // Capitalised runs (one sentence, words apart by spaces, an initial or "Jr." inside), and
    // whether each names an institution.
    let mut in_institution = vec![false; ws.len()];
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].is_capitalised() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && ws[j].sentence == ws[i].sentence && ws[j].is_capitalised() {
            let gap = &text[ws[j - 1].span.end..ws[j].span.start];
            let short = ws[j - 1].text.chars().count() <= 2 || NAME_SUFFIXES.contains(&folded[j - 1].as_str());
            if !(gap.chars().all(char::is_whitespace) || (short && gap.trim() == ".")) {
                break;
            }
            j += 1;
        }
        if ws[i..j].iter().any(|w| INSTITUTION_HEADS.contains(&w.folded().as_str())) {
            in_institution[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    // A page written in capitals (a transcript, a wire kept in upper case): no capital there
    // tells a name from a common word.
    let (upper, letters) =
        text.chars().filter(|c| c.is_alphabetic()).fold((0usize, 0usize), |(u, n), c| (u + usize::from(c.is_uppercase()), n + 1));
    let shouting = letters >= 200 && upper * 10 >= letters * 6;
    let lower: std::collections::HashSet<&str> =
        ws.iter().zip(&folded).filter(|(w, _)| !w.is_capitalised()).map(|(_, f)| f.as_str()).collect();
    let outside: std::collections::HashSet<&str> = ws
        .iter()
        .zip(&folded)
        .zip(&in_institution)
        .filter(|((w, _), inst)| !**inst && w.is_capitalised())
        .map(|((_, f), _)| f.as_str())
        .collect();
    let mut out: Vec<String> = ws
        .iter()
        .zip(&folded)
        .filter(|(w, f)| {
            w.is_capitalised()
                && !w.is_digits()
                && f.len() >= 3
                && !is_not_name(f)
                && !is_area_or_designator(f)
                && !cited.contains(f.as_str())
                && (!w.opens_sentence || mid.contains(f.as_str()))
                && !((shouting || lower.contains(f.as_str())) && sitrep_text::is_common_word(f.as_str()))
                && !FURNITURE_WORDS.contains(&f.as_str())
                && !is_contraction(f)
                && outside.contains(f.as_str())
        })
        .map(|(_, f)| f.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

impl MentionRecord {
    /// The record of mention `index` of `article` (whose mentions, main first, are
    /// `mentions`).
    pub fn new(article: &Article, mentions: &[EventMention], index: usize) -> Self {
        let m = &mentions[index];
        let cut = Cutter::new(&article.original).with_title(article.title.as_deref());
        let mut text = String::new();
        for s in &m.sentences {
            if let Some(piece) = article.original.get(floor_char(&article.original, s.start)..ceil_char(&article.original, s.end)) {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(piece.trim());
            }
            if text.len() >= MAX_TEXT {
                break;
            }
        }
        if text.is_empty() {
            // No sentences from the reader: the quotes themselves.
            let evs = m.type_evidence.iter().chain(m.casualties.iter().map(|c| &c.evidence)).chain(m.location.evidence.iter());
            for ev in evs {
                let q = cut.quote(ev).text;
                if !text.contains(&q) {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&q);
                }
            }
        }
        if text.len() > MAX_TEXT {
            text.truncate(floor_char(&text, MAX_TEXT));
        }
        // The main event's names come from the whole article (it is what the article is
        // about: the victims, the suspects, the venue are named anywhere in it); a background
        // event's from its own sentences.
        let main = m.role == SourceRole::Primary && index == 0;
        let whole = &article.text[..floor_char(&article.text, article.text.len().min(MAX_NAMES_TEXT))];
        let mut names = if main {
            let mut n = names_in(whole);
            n.extend(names_in(&text));
            n
        } else {
            names_in(&text)
        };
        // The article's own outlet and site name it, not the event.
        let own: Vec<String> = article
            .outlet
            .iter()
            .chain(article.url.as_ref().map(|u| u.split('/').nth(2).unwrap_or(u.as_str()).to_string()).as_ref())
            .flat_map(|s| fold(s).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect::<Vec<_>>())
            .filter(|w| w.len() >= 3)
            .collect();
        names.retain(|n| !own.contains(n));
        let mut people = if main { people_in(whole) } else { Vec::new() };
        people.extend(people_in(&text));
        people.sort();
        people.dedup();
        if let Some(n) = &m.location.place.name {
            for w in words(n) {
                let f = w.folded();
                if f.len() >= 3 && !is_not_name(&f) && !is_area_or_designator(&f) {
                    names.push(f);
                }
            }
        }
        names.sort();
        names.dedup();
        MentionRecord {
            key: MentionKey { article_id: article.id.clone(), index: index as u32 },
            hash: hash_more(hash_more(hash_str(&article.original), article.id.as_bytes()), &(index as u64).to_le_bytes()),
            role: m.role,
            event_type: m.event_type,
            sub_event_type: m.sub_event_type,
            type_quote: m.type_evidence.as_ref().map(|e| cut.quote(e)),
            date: DateClaim {
                earliest: m.date.earliest,
                latest: m.date.latest,
                precision: m.date.precision,
                expression: m.date.expression.clone(),
                from_publication: m.date.from_publication,
                relative_to: m.date.relative_to.map(|r| (r.mention as u32, r.offset_days)),
                quote: m.date.evidence.as_ref().map(|e| cut.quote(e)),
            },
            location: PlaceClaim { place: m.location.place.clone(), quote: m.location.evidence.as_ref().map(|e| cut.quote(e)) },
            actors: m
                .actors
                .iter()
                .map(|a| ActorClaim { name: a.name.clone(), kind: a.kind, role: a.role, quote: a.evidence.as_ref().map(|e| cut.quote(e)) })
                .collect(),
            casualties: m
                .casualties
                .iter()
                .map(|c| CasualtyClaim {
                    party: c.party,
                    outcome: c.outcome,
                    amount: c.amount,
                    cause: c.cause,
                    attributed_to: c.attributed_to.clone(),
                    superseded: c.superseded,
                    quote: cut.quote(&c.evidence),
                })
                .collect(),
            tactics: m.tactics.iter().map(|t| TacticClaim { name: t.name.clone(), quote: cut.quote(&t.evidence) }).collect(),
            text,
            names,
            people,
            embedding: None,
            country_hint: None,
            population: None,
        }
    }

    /// Every record of an article's mentions, in order.
    pub fn all(article: &Article, mentions: &[EventMention]) -> Vec<MentionRecord> {
        let mut recs: Vec<MentionRecord> = (0..mentions.len()).map(|i| MentionRecord::new(article, mentions, i)).collect();
        let mut count: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for r in &recs {
            if let Some(c) = &r.location.place.country_code {
                *count.entry(c.to_ascii_uppercase()).or_default() += 1;
            }
        }
        let hint = count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c);
        for r in &mut recs {
            if r.location.place.country_code.is_none() {
                r.country_hint = hint.clone();
            }
        }
        recs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{ExtractorId, Span};

    #[test]
    fn quotes_are_code_point_slices() {
        let original = "À Ségou, 4 gardes ont été tués.".to_string();
        let article = Article::plain("a", &original);
        let b = original.find('4').unwrap();
        let e = original.find(" ont").unwrap();
        let cut = Cutter::new(&article.original);
        let q = cut.quote(&Evidence::new(Span::new(b, e), ExtractorId::new("t.v1")));
        assert_eq!(q.text, "4 gardes");
        let chars: Vec<char> = original.chars().collect();
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }

    #[test]
    fn title_evidence_is_cut_from_the_title() {
        let title = "Émeute à Zinder : 3 morts";
        let cut = Cutter::new("Un texte sans rapport.").with_title(Some(title));
        let b = title.find('3').unwrap();
        let mut ev = Evidence::new(Span::new(b, title.len()), ExtractorId::new("t.v1"));
        ev.in_title = true;
        let q = cut.quote(&ev);
        assert_eq!(q.text, "3 morts");
        assert!(q.in_title);
        let chars: Vec<char> = title.chars().collect();
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        // without a title, title evidence quotes nothing rather than the body
        let q = Cutter::new("Un texte sans rapport.").quote(&ev);
        assert_eq!(q.text, "");
    }

    #[test]
    fn names_skip_openers_and_common_words() {
        assert_eq!(names_in("Gunmen raided Dunkassa. Police said Dunkassa and Bagbin were hit on Monday."), vec!["bagbin", "dunkassa"]);
        assert_eq!(names_in("Gunmen raided Dunkassa, two residents told Radio Horizon."), vec!["dunkassa"]);
    }

    #[test]
    fn names_leave_out_common_words_furniture_and_institutions() {
        // Words of a caption, a section and a quote are no names; a platform is no name.
        assert_eq!(
            names_in(
                "Photo Caption: Officers at the scene. The Homicide squad said Marlow Tennant fled after the homicide. \"I'm scared,\" one said. Follow us on Twitter."
            ),
            vec!["marlow", "tennant"]
        );
        // An institution's words are left out, unless the text also names them outside it.
        assert_eq!(
            names_in("Two men were taken to Quillfeather Memorial Hospital in Dunmoor. The Ostrava County Medical Examiner named them."),
            vec!["dunmoor"]
        );
        assert_eq!(
            names_in("Shots were fired in Dunmoor on Friday, and the victim was taken to Dunmoor General Hospital, where she died."),
            vec!["dunmoor"]
        );
        // A page in capitals: its common words are no names, its rare ones are.
        let shout = "POLICE SAID TWO MEN WERE SHOT NEAR THE CORNER OF QUILLFEATHER LANE AND BRANNOCK ROW LATE ON SATURDAY. ".repeat(4);
        assert_eq!(names_in(&shout), vec!["brannock", "quillfeather"]);
        // A name with an apostrophe is still a name.
        assert_eq!(names_in("Witnesses said Brenna O'Dowd ran."), vec!["brenna", "o'dowd"]);
    }
}

#[cfg(test)]
mod stale_tests {
    use super::*;

    fn ev(index: u32, offset_days: i64, strength: u8) -> StaleEvidence {
        StaleEvidence {
            mention: MentionKey { article_id: "p".into(), index },
            other: MentionKey { article_id: "o".into(), index },
            offset_days,
            strength,
        }
    }

    fn record(stale: Vec<StaleEvidence>) -> ArticleRecord {
        ArticleRecord {
            id: "p".into(),
            published: None,
            published_from: None,
            url: None,
            outlet: None,
            base_flags: vec![],
            fingerprint: Fingerprint::from_text("p", "", None),
            duplicate_of: None,
            derivative_of: vec![],
            stale,
        }
    }

    #[test]
    fn one_strong_or_two_agreeing_moderate_pieces() {
        assert!(record(vec![ev(0, -365, 2)]).date_suspect());
        assert!(!record(vec![ev(0, -365, 1)]).date_suspect());
        assert!(record(vec![ev(0, -365, 1), ev(1, -340, 1)]).date_suspect());
        // Two moderate pieces pointing to different times: a coincidence.
        assert!(!record(vec![ev(0, -365, 1), ev(1, 200, 1)]).date_suspect());
        // Two pieces about the same mention do not corroborate each other.
        assert!(!record(vec![ev(0, -365, 1), ev(0, -360, 1)]).date_suspect());
        assert_eq!(record(vec![ev(0, -365, 1), ev(1, -340, 1)]).anchor_offset(), Some(-365));
    }
}
