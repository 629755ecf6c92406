//! The JSON Lines shapes of the output contract (`../shared/PRODUCT.md`). Fields may be added;
//! these may not change meaning. Offsets here are Unicode code points into the article's
//! original text, end exclusive, and `quote` is exactly that slice.

use crate::article::Article;
use crate::mention::{EventMention, Evidence, Location};
use crate::taxonomy::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_text::CharIndex;

/// `date` of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateOut {
    /// First possible day.
    pub earliest: Option<NaiveDate>,
    /// Last possible day.
    pub latest: Option<NaiveDate>,
    /// `day` | `week` | `month` | `year` | `unknown`.
    pub precision: DatePrecision,
    /// The text it came from.
    pub expression: Option<String>,
    /// Set when dated from another event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_to: Option<RelativeOut>,
}

/// `date.relative_to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativeOut {
    /// The other event's id.
    pub event: String,
    /// Days from it (negative: before).
    pub offset_days: i64,
}

/// An entry of `actors`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorOut {
    /// Normalised name.
    pub name: String,
    /// ACLED kind.
    pub kind: ActorKind,
    /// `attacker` | `target` | `other`.
    pub role: ActorRole,
}

/// An entry of `casualties`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyOut {
    /// Whose people.
    pub party: ActorKind,
    /// `killed` | `wounded` | `missing` | `captured`.
    pub outcome: Outcome,
    /// Lowest.
    pub low: u64,
    /// Best.
    pub best: u64,
    /// Highest; null when open-ended.
    pub high: Option<u64>,
    /// Approximate or vague.
    pub vague: bool,
    /// `violence` | `accident`.
    pub cause: Cause,
}

/// An entry of `sources`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceOut {
    /// The article.
    pub article_id: String,
    /// `primary` | `background`.
    pub role: SourceRole,
    /// False for duplicates and derivative rewrites.
    pub independent: bool,
    /// The article's address.
    pub url: Option<String>,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
}

/// An entry of `claims`: one value one source gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut {
    /// The article.
    pub article_id: String,
    /// What it supports: `date`, `location`, `actors[i]`, `casualties[i]`, `event_type`, `tactics`.
    pub field: String,
    /// The value as this source gave it.
    pub value: serde_json::Value,
    /// Who it is attributed to.
    pub attributed_to: Option<String>,
    /// True when a later or better figure replaced it.
    pub superseded: bool,
    /// Code point offset into the article's original text.
    pub start: usize,
    /// Code point offset, exclusive.
    pub end: usize,
    /// The slice.
    pub quote: String,
    /// `Some(TextPart::Title)` when start/end/quote are in the article's title (given apart from
    /// its text) rather than in its original text; absent otherwise.
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub within: Option<TextPart>,
}

/// Which text of an article a quote is cut from when it is not the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextPart {
    /// The article's title (JSON input's `title`, the `title` of `export articles`).
    Title,
}

/// An entry of `evidence`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceOut {
    /// The article.
    pub article_id: String,
    /// What it supports.
    pub field: String,
    /// Code point offset into the article's original text.
    pub start: usize,
    /// Code point offset, exclusive.
    pub end: usize,
    /// The slice.
    pub quote: String,
    /// `Some(TextPart::Title)` when start/end/quote are in the article's title (given apart from
    /// its text) rather than in its original text; absent otherwise.
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub within: Option<TextPart>,
}

/// One event line of `sitrep export events --format jsonl` (and, without the cross-article
/// fields, of `sitrep extract`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    /// Stable id.
    pub id: String,
    /// ACLED type.
    pub event_type: EventType,
    /// ACLED sub-type.
    pub sub_event_type: SubEventType,
    /// When.
    pub date: DateOut,
    /// Where.
    pub location: Location,
    /// Who.
    pub actors: Vec<ActorOut>,
    /// How many, per party and outcome.
    pub casualties: Vec<CasualtyOut>,
    /// ACLED's fatality figure.
    pub fatalities: u64,
    /// How.
    pub tactics: Vec<String>,
    /// Articles that tell it (export only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceOut>>,
    /// Every value every source gave (export only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<ClaimOut>>,
    /// Flags.
    pub flags: Vec<EventFlag>,
    /// Ids merged into this one (export only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<Vec<String>>,
    /// Quotes for the values.
    pub evidence: Vec<EvidenceOut>,
}

/// One line of `sitrep export articles --format jsonl`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleOut {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// `YYYY-MM-DD` or null.
    pub published: Option<NaiveDate>,
    /// `metadata` | `dateline` | `inferred` | null.
    pub published_from: Option<PublishedFrom>,
    /// `report` | `commentary`.
    pub kind: ArticleKind,
    /// The original this is an exact duplicate of.
    pub duplicate_of: Option<String>,
    /// The articles it re-tells.
    pub derivative_of: Vec<String>,
    /// Flags.
    pub flags: Vec<ArticleFlag>,
    /// Its events, main first.
    pub event_ids: Vec<String>,
    /// Address.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Cleaned text.
    pub text: String,
}

/// One line of `sitrep extract --format jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractOut {
    /// The article.
    pub article_id: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// Its events, main first.
    pub events: Vec<EventOut>,
}

/// Turns byte-span evidence on one article into contract quotes.
#[derive(Debug)]
pub struct Quoter<'a> {
    article: &'a Article,
    chars: CharIndex,
    title_chars: CharIndex,
}

impl<'a> Quoter<'a> {
    /// A quoter over `article`'s original text (and its title, for evidence marked
    /// `in_title`).
    pub fn new(article: &'a Article) -> Self {
        Quoter { chars: CharIndex::new(&article.original), title_chars: CharIndex::new(article.title.as_deref().unwrap_or("")), article }
    }

    /// `(start, end, quote)` in code points for evidence on this article, with the span
    /// widened to char boundaries if needed: of the original text, or of the title when the
    /// evidence is `in_title` (see [`Quoter::within`]).
    pub fn quote(&self, ev: &Evidence) -> (usize, usize, String) {
        let (text, chars) = if ev.in_title {
            (self.article.title.as_deref().unwrap_or(""), &self.title_chars)
        } else {
            (self.article.original.as_str(), &self.chars)
        };
        let start_b = ev.span.start.min(text.len());
        let end_b = ev.span.end.min(text.len()).max(start_b);
        let s = chars.char_offset(start_b);
        let e = if end_b == start_b { s } else { chars.char_offset(end_b - 1) + 1 };
        let (bs, be) = (chars.byte_offset(s), chars.byte_offset(e));
        (s, e, text[bs..be].to_string())
    }

    /// The contract's `in` for a quote of `ev`: `Some(TextPart::Title)` for title evidence.
    pub fn within(ev: &Evidence) -> Option<TextPart> {
        ev.in_title.then_some(TextPart::Title)
    }

    /// An evidence line for `field`.
    pub fn evidence(&self, field: impl Into<String>, ev: &Evidence) -> EvidenceOut {
        let (start, end, quote) = self.quote(ev);
        EvidenceOut { article_id: self.article.id.clone(), field: field.into(), start, end, quote, within: Quoter::within(ev) }
    }
}

/// The contract shape of one mention of one article, without the cross-article fields.
/// `ids[i]` is the id given to mention `i` (for `relative_to`).
pub fn event_out(article: &Article, mentions: &[EventMention], index: usize, ids: &[String]) -> EventOut {
    let m = &mentions[index];
    let q = Quoter::new(article);
    let mut evidence = Vec::new();
    if let Some(ev) = &m.type_evidence {
        evidence.push(q.evidence("event_type", ev));
    }
    if let Some(ev) = &m.date.evidence {
        evidence.push(q.evidence("date", ev));
    }
    if let Some(ev) = &m.location.evidence {
        evidence.push(q.evidence("location", ev));
    }
    let mut actors = Vec::new();
    for a in &m.actors {
        if let Some(ev) = &a.evidence {
            evidence.push(q.evidence(format!("actors[{}]", actors.len()), ev));
        }
        actors.push(ActorOut { name: a.name.clone(), kind: a.kind, role: a.role });
    }
    let mut casualties = Vec::new();
    for c in m.casualties.iter().filter(|c| !c.superseded) {
        evidence.push(q.evidence(format!("casualties[{}]", casualties.len()), &c.evidence));
        casualties.push(CasualtyOut {
            party: c.party,
            outcome: c.outcome,
            low: c.amount.low,
            best: c.amount.best,
            high: c.amount.high,
            vague: c.amount.vague,
            cause: c.cause,
        });
    }
    let mut tactics: Vec<String> = Vec::new();
    for t in &m.tactics {
        if !tactics.contains(&t.name) {
            tactics.push(t.name.clone());
        }
        evidence.push(q.evidence("tactics", &t.evidence));
    }
    let relative_to =
        m.date.relative_to.and_then(|r| ids.get(r.mention).map(|id| RelativeOut { event: id.clone(), offset_days: r.offset_days }));
    EventOut {
        id: ids.get(index).cloned().unwrap_or_else(|| format!("{}#{index}", article.id)),
        event_type: m.event_type,
        sub_event_type: m.sub_event_type,
        date: DateOut {
            earliest: m.date.earliest,
            latest: m.date.latest,
            precision: m.date.precision,
            expression: m.date.expression.clone(),
            relative_to,
        },
        location: m.location.place.clone(),
        actors,
        casualties,
        fatalities: m.fatalities(),
        tactics,
        sources: None,
        claims: None,
        flags: Vec::new(),
        merged_from: None,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::{DateValue, LocationValue};
    use crate::{Amount, ExtractorId, Span};

    #[test]
    fn quotes_are_code_point_slices_of_the_original() {
        let original = "Ségou: 3 soldiers were killed.".to_string();
        let article = Article::plain("a", &original);
        let b = original.find("3 soldiers").unwrap();
        let ev = Evidence::new(Span::new(b, b + "3 soldiers were killed".len()), ExtractorId::new("test.v1"));
        let m = EventMention {
            role: SourceRole::Primary,
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            type_evidence: None,
            date: DateValue::unknown(),
            location: LocationValue::default(),
            actors: vec![],
            casualties: vec![crate::mention::CasualtyValue {
                party: ActorKind::StateForces,
                outcome: Outcome::Killed,
                amount: Amount::exact(3),
                cause: Cause::Violence,
                attributed_to: None,
                superseded: false,
                evidence: ev,
            }],
            tactics: vec![],
            sentences: vec![],
        };
        let out = event_out(&article, &[m], 0, &["e1".into()]);
        let e = &out.evidence[0];
        let chars: Vec<char> = original.chars().collect();
        assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.quote);
        assert_eq!(e.quote, "3 soldiers were killed");
        assert_eq!(out.fatalities, 3);
        let json = serde_json::to_value(&out).unwrap();
        assert!(json.get("sources").is_none());
        assert_eq!(json["date"]["precision"], "unknown");
        assert!(json["evidence"][0].get("in").is_none(), "a quote of the text says nothing of where it is");
    }

    #[test]
    fn title_quotes_are_code_point_slices_of_the_title() {
        let mut article = Article::plain("a", "Une légende de photo.");
        let title = "Zinder : deux gendarmes tués à l'aube";
        article.title = Some(title.to_string());
        let b = title.find("deux").unwrap();
        let mut ev = Evidence::new(Span::new(b, b + "deux gendarmes tués".len()), ExtractorId::new("test.v1"));
        ev.in_title = true;
        let q = Quoter::new(&article);
        let out = q.evidence("casualties[0]", &ev);
        let chars: Vec<char> = title.chars().collect();
        assert_eq!(chars[out.start..out.end].iter().collect::<String>(), out.quote);
        assert_eq!(out.quote, "deux gendarmes tués");
        assert_eq!(out.within, Some(TextPart::Title));
        assert_eq!(serde_json::to_value(&out).unwrap()["in"], "title");
    }
}
