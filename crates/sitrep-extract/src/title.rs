//! Reading an article's title when its body tells no event.
//!
//! A page whose body is boilerplate, a photo caption or an unrelated teaser may still carry a
//! headline that tells the event ("Four shot outside a bar in Dayton"). When the title was
//! given apart from the text (JSON input's `title`, a page's `<title>`) and the cleaned text
//! does not already hold it, the title is read as a one-sentence article (the same reader, the
//! article's publication date) and its main event is kept, every [`Evidence`] marked
//! [`Evidence::in_title`] with its span in bytes of the title.
//!
//! When the body's main event is violent but states no casualty figure, the figures the title
//! states are added to it, quoted from the title (`complete`; measured on the GVA pages:
//! killed right on 8 more pages, wounded on 11; making the title's event the main one when the
//! body tells only an arrest or a protest did not help and is not done). When the body states
//! fewer of the killed or of the wounded than the title ("Four wounded, one critically" over a
//! body that tells the one in critical condition), the title's figure of that outcome stands
//! and the body's are superseded: only when the title tells no fewer of either outcome than
//! the body, a title's wounded only when it tells more people hurt in all (a headline's "Seven
//! shot" holds the dead the body tells), and never for a title over several incidents
//! ("shootings", "incidents", "attacks", "separate", "across"). Measured on the GVA pages
//! together with the reading of a headline's "1 killed 3 injured" (`casualties`): killed right
//! on 5 more pages, wounded on 26.
//!
//! A headline is terse and one sentence is thin evidence, so the title's event is kept only
//! when all of these hold:
//! - it is not a question, an opinion kicker ("Opinion:", "Editorial:", "Letters:") or empty;
//! - it names violence itself: a weapon or an attack word ("shot", "gunfire", "stabbing",
//!   "bombing", "gunmen", "ambush", ...) or a named armed attacker; "kills 12" alone could be
//!   an earthquake, and the reader's accident test needs more context than a headline gives;
//! - the reader gives it a violent event type (not a protest, not a strategic development: an
//!   arrest or "police investigate" alone is not kept);
//! - it states a casualty figure of violence (killed, wounded, missing, captured). A headline
//!   that drops its article and auxiliary ("Teenager shot in Dayton": a subject of at most
//!   three words, perhaps an age in commas, ending in a noun naming people, then a bare
//!   participle of harm) and gives no figure as written is read again as "A Teenager was shot
//!   in Dayton", the added words standing for the title's words next to them (measured: GVA
//!   pages killed +8, wounded +11).
//!
//! Before reading, a site name after the last " - " / " | " / " – " / " — " (capitalised
//! words, or a media word such as "News"), a leading all-capitals kicker ("UPDATE:",
//! "BREAKING:") and a trailing ellipsis are left out of what is read; the spans still index
//! the whole title. The date is what the reader makes of the title's own words against the
//! publication date; a headline without a date expression takes the day the article's text
//! gives its event, if any ("Four shot at a party" over a short text telling "early
//! Saturday"): the title and the text read together, the title first (see `body_date`); a
//! text that dates nothing leaves the event undated.

use crate::actors::ActorTable;
use sitrep_model::article::Article;
use sitrep_model::mention::{EventMention, Evidence};
use sitrep_model::taxonomy::{ActorKind, ActorRole, Cause, Outcome, SourceRole};
use sitrep_place::Gazetteer;
use sitrep_text::{OffsetMap, TextBuilder};

/// Words that name violence in a headline besides `lexicon::weapon_or_attack` (lowercase,
/// whole words; a hyphenated word is also looked up by its parts).
const VIOLENCE: &[&str] = &[
    "shoot",
    "shoots",
    "shootout",
    "gunman",
    "gunmen",
    "gunpoint",
    "gunbattle",
    "gunfight",
    "firefight",
    "shooter",
    "shooters",
    "sniper",
    "stabbings",
    "murders",
    "homicides",
    "slain",
    "slaying",
    "slayings",
    "massacre",
    "massacred",
    "killer",
    "killers",
    "attacker",
    "attackers",
    "beaten",
    "beating",
    "bombings",
    "bombers",
    "bombed",
    "shelling",
    "shelled",
    "militants",
    "militant",
    "jihadists",
    "jihadist",
    "insurgents",
    "rebels",
    "clash",
    "clashes",
    "clashed",
    "raid",
    "raided",
    "kidnapped",
    "abducted",
    "executed",
    "beheaded",
    "lynched",
    "strangled",
    "riot",
    "rioters",
];

/// Kickers that make a headline an opinion piece, not a report.
const OPINION: &[&str] = &[
    "opinion",
    "editorial",
    "editorials",
    "letter",
    "letters",
    "column",
    "commentary",
    "op-ed",
    "oped",
    "analysis",
    "viewpoint",
    "perspective",
    "our view",
    "my view",
    "your view",
];

/// Words that make a suffix after a separator a site's name.
const MEDIA: &[&str] = &[
    "news",
    "times",
    "post",
    "tribune",
    "herald",
    "journal",
    "gazette",
    "tv",
    "radio",
    "online",
    "daily",
    "press",
    "chronicle",
    "courier",
    "observer",
    "reporter",
    "dispatch",
    "examiner",
    "inquirer",
    "telegraph",
    "guardian",
    "channel",
    "network",
    "weather",
    "sports",
    "magazine",
    "media",
    "broadcasting",
    "com",
];

/// Small words a site's name may hold in lower case.
const CONNECTORS: &[&str] = &["of", "the", "and", "&", "on", "in", "for", "de", "la", "at"];

/// Byte range of `title` that is read: the title less a site-name suffix, a leading
/// all-capitals kicker and a trailing ellipsis; `None` when nothing readable is left.
pub fn headline_range(title: &str) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    let mut end = title.len();
    // site names after a separator, repeatedly ("Headline - Site | Network")
    loop {
        let head = &title[start..end];
        let Some((at, sep_len)) = [" | ", " - ", " – ", " — ", " :: "].iter().filter_map(|s| head.rfind(s).map(|i| (i, s.len()))).max()
        else {
            break;
        };
        let (before, after) = (&head[..at], &head[at + sep_len..]);
        if words(before).count() >= 3 && site_like(after, before) {
            end = start + at;
        } else {
            break;
        }
    }
    // a leading kicker in capitals: "UPDATE:", "BREAKING NEWS:", "VIDEO |"
    let head = &title[start..end];
    if let Some(colon) = head.find([':', '|']) {
        let kicker = head[..colon].trim();
        if !kicker.is_empty()
            && kicker.split_whitespace().count() <= 2
            && kicker.chars().any(|c| c.is_alphabetic())
            && kicker.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            && words(&head[colon + 1..]).count() >= 3
        {
            start += colon + 1;
        }
    }
    // a trailing ellipsis of a cut headline
    let head = &title[start..end];
    let trimmed = head.trim_end().trim_end_matches(['.', '…']).trim_end();
    end = start + trimmed.len();
    let head = &title[start..end];
    start += head.len() - head.trim_start().len();
    (start < end && words(&title[start..end]).count() >= 2).then_some(start..end)
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '&' || c == '.'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// A site's name: capitalised words (connectors aside), or any short run holding a media word,
/// and not where the headline itself is in title case unless a media word says so.
fn site_like(suffix: &str, head: &str) -> bool {
    let ws: Vec<&str> = words(suffix).collect();
    if ws.is_empty() || ws.len() > 10 {
        return false;
    }
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let media = lower.iter().any(|w| w.split(['.', '-']).any(|p| MEDIA.contains(&p)));
    let capitalised = ws
        .iter()
        .zip(&lower)
        .all(|(w, l)| CONNECTORS.contains(&l.as_str()) || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    // a headline in title case ("Four Shot In Dayton - Police Seek Driver") cannot tell its
    // own words from a site's by case alone
    let head_title_case = words(head)
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .all(|w| CONNECTORS.contains(&w.to_lowercase().as_str()) || w.chars().next().is_some_and(char::is_uppercase));
    media || (capitalised && !head_title_case)
}

/// Letters and digits only, lowercased and folded (how cleaning compares lines with titles).
fn key(s: &str) -> String {
    sitrep_text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// True when `headline` is a question or an opinion piece's.
fn not_a_report(title: &str, headline: &str) -> bool {
    if headline.trim_end().ends_with('?') {
        return true;
    }
    let lower = title.to_lowercase();
    let first = lower.split([':', '|', '-', '–', '—']).next().unwrap_or("").trim();
    OPINION.contains(&first)
}

/// True when the headline names violence: a weapon or attack word.
fn names_violence(headline: &str) -> bool {
    let lower = headline.to_lowercase();
    let hit = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::lexicon::weapon_or_attack(w) || VIOLENCE.contains(&w)
    };
    words(&lower).any(|w| hit(w) || w.split(['-', '.', '\'']).any(hit)) || lower.contains("drive-by") || lower.contains("drive by")
}

/// The title's events when it is read as a one-sentence article: empty when the article has
/// no title apart from its text, the text already holds it, or it tells no violent event with
/// a casualty figure (see the module docs).
pub(crate) fn read(gaz: &Gazetteer, table: &ActorTable, article: &Article) -> Vec<EventMention> {
    read_title(gaz, table, article, true)
}

/// [`read`]; `with_body`: an undated title's event takes the date the text gives it
/// ([`body_date`]).
fn read_title(gaz: &Gazetteer, table: &ActorTable, article: &Article, with_body: bool) -> Vec<EventMention> {
    let Some(title) = article.title.as_deref() else {
        return Vec::new();
    };
    let Some(range) = headline_range(title) else {
        return Vec::new();
    };
    let headline = &title[range.clone()];
    if not_a_report(title, headline) {
        return Vec::new();
    }
    // a title found in the text was read with it
    let k = key(headline);
    if k.len() < 8 || key(&article.text).contains(&k) {
        return Vec::new();
    }
    let counted = |m: &EventMention| m.casualties.iter().any(|c| !c.superseded && c.cause == Cause::Violence);
    let (mut m, edits) = match read_headline(gaz, table, article, title, range.clone(), &[]) {
        Some(m) if counted(&m) => (m, Vec::new()),
        first => {
            // headlinese drops articles and auxiliaries: "Teenager shot in Dayton" is read
            // again as "A Teenager was shot in Dayton" (the words added stand for the title's
            // words next to them, so quotes stay slices of the title)
            let edits = expand(headline, range.start).unwrap_or_default();
            let again = if edits.is_empty() { None } else { read_headline(gaz, table, article, title, range.clone(), &edits) };
            match again.filter(|m| counted(m)).map(|m| (m, edits)).or(first.map(|m| (m, Vec::new()))) {
                Some(x) => x,
                None => return Vec::new(),
            }
        }
    };
    let armed = m.actors.iter().any(|a| {
        a.role == ActorRole::Attacker
            && a.evidence.is_some()
            && !a.name.starts_with("Unidentified")
            && matches!(
                a.kind,
                ActorKind::StateForces
                    | ActorKind::Rebels
                    | ActorKind::PoliticalMilitia
                    | ActorKind::IdentityMilitia
                    | ActorKind::ExternalForces
            )
    });
    if !m.event_type.is_violent() || !counted(&m) || !(names_violence(headline) || armed) {
        return Vec::new();
    }
    m.role = SourceRole::Primary;
    // one sentence, one event: nothing to be relative to
    if m.date.relative_to.is_some() {
        m.date = sitrep_model::mention::DateValue::unknown();
    }
    // the sentences index the original text; the title's are not in it
    m.sentences.clear();
    mark(&mut m);
    if with_body
        && m.date.earliest.is_none()
        && let Some(d) = body_date(gaz, table, article, title, range, &edits)
    {
        m.date = d;
    }
    vec![m]
}

/// The date the article's text gives the event its title tells, when the title gives none
/// ("Four shot at a party" over "Police said the shots were fired early Saturday"): the
/// title and the text read together as one article (the title its first sentence), with the
/// reader's rules for the violence's own time against the publication date; kept only when the
/// main event of that reading is the title's (its type quoted from the title) and its date is
/// quoted from the text by a sentence that tells violence or harm, a day or a week (a year or a
/// month in a short text beside a headline is more often a teaser's than the event's), and not
/// dated from another event. Its evidence is in the article's original text.
fn body_date(
    gaz: &Gazetteer,
    table: &ActorTable,
    article: &Article,
    title: &str,
    range: std::ops::Range<usize>,
    edits: &[(std::ops::Range<usize>, String)],
) -> Option<sitrep_model::mention::DateValue> {
    if article.text.trim().is_empty() {
        return None;
    }
    let (head, _) = edited(title, range, edits);
    let head = head.trim_end();
    let stop = if head.ends_with(['.', '!', '?']) { "" } else { "." };
    let combined = format!("{head}{stop}\n\n{}", article.text);
    let off = head.len() + stop.len() + 2;
    let mut one = Article::new(article.id.clone(), combined.clone(), combined.clone(), OffsetMap::identity(combined.len()));
    one.published = article.published;
    one.published_from = article.published_from;
    let m = crate::reader::read(gaz, table, &one).into_iter().next()?;
    let d = m.date;
    let e = d.evidence.as_ref()?;
    let the_title_s = m.type_evidence.as_ref().is_some_and(|t| t.span.end <= head.len());
    let fine = matches!(d.precision, sitrep_model::taxonomy::DatePrecision::Day | sitrep_model::taxonomy::DatePrecision::Week);
    if !the_title_s || !fine || d.earliest.is_none() || d.relative_to.is_some() || e.span.start < off {
        return None;
    }
    // a day the text gives something else ("before you go to bed Tuesday night" of a weather
    // teaser beside the headline) is not the event's: the sentence that gives it tells violence
    let told = sitrep_text::sentences(&combined).into_iter().find(|s| s.span.start <= e.span.start && e.span.end <= s.span.end);
    if !told.is_some_and(|s| tells_harm(&combined[s.span.start..s.span.end])) {
        return None;
    }
    let span = sitrep_text::Span { start: e.span.start - off, end: e.span.end - off };
    let mut d = d.clone();
    d.evidence = Some(Evidence::new(article.map.to_original(span), e.extractor.clone()));
    Some(d)
}

/// When the body's main event is violent and states no casualty figure, the figures the title
/// states (the headline tells what the article is about), quoted from the title.
pub(crate) fn complete(gaz: &Gazetteer, table: &ActorTable, article: &Article, body: &mut [EventMention]) {
    let Some(main) = body.first_mut() else {
        return;
    };
    if !main.event_type.is_violent() {
        return;
    }
    let Some(t) = read_title(gaz, table, article, false).into_iter().next() else {
        return;
    };
    if !main.casualties.iter().any(|c| !c.superseded && c.cause == Cause::Violence) {
        main.casualties.extend(t.casualties);
        return;
    }
    // a body telling fewer of the killed or of the wounded than its title ("4 injured, 1
    // critically" over a body that tells the one in critical condition): the title's figure
    // of that outcome stands, the body's are superseded
    // (not a headline over several incidents: "17 dead in weekend shootings"; and a title's
    // wounded only when it tells more people hurt in all than the body: "Seven shot" holds the
    // dead the body tells)
    let title = article.title.as_deref().unwrap_or("").to_lowercase();
    if title.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "shootings" | "incidents" | "attacks" | "separate" | "across")) {
        return;
    }
    let total = |cs: &[sitrep_model::mention::CasualtyValue], outcome: Option<Outcome>| -> u64 {
        cs.iter()
            .filter(|c| !c.superseded && c.cause == Cause::Violence && outcome.is_none_or(|o| c.outcome == o))
            .filter(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded))
            .map(|c| c.amount.best)
            .sum()
    };
    let more_hurt = total(&t.casualties, None) > total(&main.casualties, None);
    // (a title that tells fewer of either outcome than the body is about something else or
    // told earlier: the body's figures stand)
    if [Outcome::Killed, Outcome::Wounded].iter().any(|&o| total(&t.casualties, Some(o)) < total(&main.casualties, Some(o))) {
        return;
    }
    for outcome in [Outcome::Killed, Outcome::Wounded] {
        if total(&t.casualties, Some(outcome)) > total(&main.casualties, Some(outcome)) && (outcome == Outcome::Killed || more_hurt) {
            for c in main.casualties.iter_mut().filter(|c| c.outcome == outcome) {
                c.superseded = true;
            }
            main.casualties.extend(t.casualties.iter().filter(|c| !c.superseded && c.outcome == outcome).cloned());
        }
    }
}

/// True when a sentence names violence or a person harmed by it ("shots were fired", "was
/// wounded", "died at a hospital").
fn tells_harm(sentence: &str) -> bool {
    const MORE: &[&str] = &["shots", "dead", "died", "fatally", "wounds"];
    names_violence(sentence)
        || words(&sentence.to_lowercase()).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            HARMED.contains(&w) || MORE.contains(&w)
        })
}

/// The main event of `title[range]` read as a one-sentence article, with `edits` (byte range
/// of the title, text standing for it; in order, inside `range`) applied to what is read.
fn read_headline(
    gaz: &Gazetteer,
    table: &ActorTable,
    article: &Article,
    title: &str,
    range: std::ops::Range<usize>,
    edits: &[(std::ops::Range<usize>, String)],
) -> Option<EventMention> {
    let (text, map) = edited(title, range, edits);
    let mut one = Article::new(article.id.clone(), title, text, map);
    one.published = article.published;
    one.published_from = article.published_from;
    crate::reader::read(gaz, table, &one).into_iter().next()
}

/// `title[range]` with `edits` (byte range of the title, text standing for it; in order,
/// inside `range`) applied, and the map from the result back to the title.
fn edited(title: &str, range: std::ops::Range<usize>, edits: &[(std::ops::Range<usize>, String)]) -> (String, OffsetMap) {
    let mut b = TextBuilder::new(title);
    let mut at = range.start;
    for (r, text) in edits {
        b.copy(at..r.start);
        b.replace(text, r.clone());
        at = r.end;
    }
    b.copy(at..range.end);
    b.finish()
}

/// Participles a headline uses without their auxiliary ("Teen shot in Dayton").
const HARMED: &[&str] = &["shot", "killed", "wounded", "injured", "hurt", "stabbed", "slain", "murdered"];

/// Words that open a noun phrase already determined or counted.
const DETERMINERS: &[&str] =
    &["a", "an", "the", "one", "his", "her", "their", "its", "this", "that", "another", "two", "three", "four", "five"];

/// The edits that turn a headline whose subject is a bare noun phrase naming people and whose
/// verb is a bare participle into a sentence: "A " before the subject when it has no
/// determiner and names one person, "was"/"were" before the participle. `None` when the
/// headline is not of that shape. `offset`: where `headline` starts in the title.
fn expand(headline: &str, offset: usize) -> Option<Vec<(std::ops::Range<usize>, String)>> {
    let toks = crate::tokens::tokenize(headline);
    let p = toks.iter().position(|t| HARMED.contains(&t.lower.as_str()))?;
    // a short subject with no verb of its own in front of the participle
    if p == 0 || p > 8 || toks[..p].iter().any(|t| crate::lexicon::passive_aux(&t.lower) || t.is_punct(':') || t.is_punct(';')) {
        return None;
    }
    // the subject: at most three words, then an age in commas ("Girl, 10, shot"); its last
    // word names people ("Security guard", "Teenage girl", "16-year-old")
    let mut head_end = p;
    if p >= 3 && toks[p - 1].is_punct(',') && toks[p - 2].kind == crate::tokens::Kind::Num && toks[p - 3].is_punct(',') {
        head_end = p - 3;
    }
    let subject = &toks[..head_end];
    if subject.is_empty() || subject.len() > 3 || subject.iter().any(|t| t.kind == crate::tokens::Kind::Punct) {
        return None;
    }
    let head = subject[subject.len() - 1].lower.as_str();
    let (noun, plural) = match crate::lexicon::person_noun(head) {
        Some(n) => (true, !n.singular),
        None => (head.ends_with("-old") || head.ends_with("-olds"), head.ends_with("-olds")),
    };
    if !noun {
        return None;
    }
    let first = &toks[0];
    let mut edits = Vec::new();
    if !plural && first.kind != crate::tokens::Kind::Num && !DETERMINERS.contains(&first.lower.as_str()) {
        let r = first.span.start + offset..first.span.end + offset;
        edits.push((r, format!("A {}", &headline[first.span.start..first.span.end])));
    }
    let verb = &toks[p];
    let aux = if plural { "were" } else { "was" };
    edits.push((verb.span.start + offset..verb.span.end + offset, format!("{aux} {}", &headline[verb.span.start..verb.span.end])));
    Some(edits)
}

/// Marks every piece of evidence of `m` as the title's.
fn mark(m: &mut EventMention) {
    let set = |e: &mut Evidence| e.in_title = true;
    m.type_evidence.iter_mut().for_each(set);
    m.date.evidence.iter_mut().for_each(set);
    m.location.evidence.iter_mut().for_each(set);
    m.actors.iter_mut().filter_map(|a| a.evidence.as_mut()).for_each(set);
    m.casualties.iter_mut().map(|c| &mut c.evidence).for_each(set);
    m.tactics.iter_mut().map(|t| &mut t.evidence).for_each(set);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(t: &str) -> &str {
        &t[headline_range(t).unwrap()]
    }

    #[test]
    fn site_names_and_kickers_are_not_read() {
        assert_eq!(head("Two hurt in Elm Street shooting - Valley News 7 Weather & Sports"), "Two hurt in Elm Street shooting");
        assert_eq!(head("Two hurt in Elm Street shooting | The Riverton Courier"), "Two hurt in Elm Street shooting");
        assert_eq!(head("UPDATE: Two hurt in Elm Street shooting"), "Two hurt in Elm Street shooting");
        assert_eq!(head("Man hurt, woman killed in shooting on Elm..."), "Man hurt, woman killed in shooting on Elm");
        // a title-case headline keeps a second part that is no site
        assert_eq!(head("Two Hurt In Shooting - Police Seek Driver"), "Two Hurt In Shooting - Police Seek Driver");
        // a lowercase second part is the headline's
        assert_eq!(head("Shooting at a park - two teens hurt"), "Shooting at a park - two teens hurt");
        // "Police:" is an attribution, not a kicker in capitals
        assert_eq!(head("Police: three shot near the mall"), "Police: three shot near the mall");
        assert!(headline_range("...").is_none());
        assert!(headline_range("").is_none());
    }

    #[test]
    fn questions_and_opinion_are_not_reports() {
        assert!(not_a_report("Is the city safe after the shooting?", "Is the city safe after the shooting?"));
        assert!(not_a_report("Opinion: after the shooting, act", "Opinion: after the shooting, act"));
        assert!(!not_a_report("Three shot outside a diner", "Three shot outside a diner"));
    }

    fn expanded(h: &str) -> Option<String> {
        let edits = expand(h, 0)?;
        let mut out = String::new();
        let mut at = 0;
        for (r, t) in edits {
            out.push_str(&h[at..r.start]);
            out.push_str(&t);
            at = r.end;
        }
        out.push_str(&h[at..]);
        Some(out)
    }

    #[test]
    fn headlinese_is_read_as_a_sentence() {
        assert_eq!(expanded("Teenager shot in Elm Park").as_deref(), Some("A Teenager was shot in Elm Park"));
        assert_eq!(expanded("Night guard killed at depot").as_deref(), Some("A Night guard was killed at depot"));
        assert_eq!(expanded("Boy, 9, wounded by stray bullet").as_deref(), Some("A Boy, 9, was wounded by stray bullet"));
        assert_eq!(expanded("Two teens shot near school").as_deref(), Some("Two teens were shot near school"));
        assert_eq!(expanded("17-year-old shot outside gym").as_deref(), Some("A 17-year-old was shot outside gym"));
        // a subject that is no noun naming people, a verb of its own, or a long subject
        assert_eq!(expanded("Car shot at on highway"), None);
        assert_eq!(expanded("Police investigate after teen shot"), None);
        assert_eq!(expanded("Man was shot in Elm Park"), None);
        assert_eq!(expanded("Shooting at a park"), None);
    }

    #[test]
    fn sentences_that_tell_harm() {
        assert!(tells_harm("Police said the shots were fired early Saturday."));
        assert!(tells_harm("One man died at a hospital on Friday night."));
        assert!(!tells_harm("Here is what to know before you go to bed Tuesday night."));
        assert!(!tells_harm("Watch the highlights of Sunday's game."));
    }

    #[test]
    fn violence_words() {
        assert!(names_violence("Teen wounded in drive-by on Oak Road"));
        assert!(names_violence("Three shot outside a diner"));
        assert!(names_violence("Murder-suicide leaves two dead"));
        assert!(!names_violence("Earthquake kills 12 in the hills"));
        assert!(!names_violence("Bus crash leaves 3 dead on highway"));
    }
}
