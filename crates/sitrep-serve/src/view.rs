//! What the pages show, computed from contract lines and stored articles (pure: no IO).
//!
//! - [`event_summary`]: the short form of an event for lists and tables.
//! - [`claim_fields`]: an event's claims grouped by the field they support, each claim with
//!   its source's standing (independent or derivative, primary or background), whether it was
//!   superseded, and whether it disagrees with another current independent claim.
//! - [`article_spans`]: an article's extractions as spans of its cleaned text.

use serde::Serialize;
use serde_json::{Value, json};
use sitrep_model::article::Article;
use sitrep_model::contract::{ClaimOut, EventOut};
use sitrep_text::{CharIndex, Span};
use std::collections::BTreeMap;

/// The short form of an event.
pub fn event_summary(e: &EventOut) -> Value {
    let sources = e.sources.as_deref().unwrap_or_default();
    json!({
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": {"earliest": e.date.earliest, "latest": e.date.latest, "precision": e.date.precision},
        "location": {
            "name": e.location.name, "country_code": e.location.country_code, "admin1": e.location.admin1,
            "admin2": e.location.admin2, "lat": e.location.lat, "lon": e.location.lon, "precision": e.location.precision,
        },
        "actors": e.actors,
        "casualties": e.casualties,
        "fatalities": e.fatalities,
        "flags": e.flags,
        "sources": sources.len(),
        "independent_sources": sources.iter().filter(|s| s.independent).count(),
    })
}

/// A readable name of a claim field of `e` ("state forces killed", "date", "actor: JNIM").
pub fn field_label(e: &EventOut, field: &str) -> String {
    let idx = |prefix: &str| field.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).and_then(|n| n.parse::<usize>().ok());
    if let Some(c) = idx("casualties[").and_then(|i| e.casualties.get(i)) {
        let party = c.party.as_str().replace('_', " ");
        let cause = if c.cause == sitrep_model::taxonomy::Cause::Accident { " (accident)" } else { "" };
        return format!("{party} {}{cause}", c.outcome);
    }
    if let Some(a) = idx("actors[").and_then(|i| e.actors.get(i)) {
        return format!("actor: {}", a.name);
    }
    match field {
        "casualties" => "casualties not in the reconciled figures".to_string(),
        "event_type" => "event type".to_string(),
        other => other.replace('_', " "),
    }
}

/// The event's own (reconciled) value of a field.
pub fn field_value(e: &EventOut, field: &str) -> Value {
    let idx = |prefix: &str| field.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).and_then(|n| n.parse::<usize>().ok());
    if let Some(i) = idx("casualties[") {
        return e.casualties.get(i).map_or(Value::Null, |c| json!(c));
    }
    if let Some(i) = idx("actors[") {
        return e.actors.get(i).map_or(Value::Null, |a| json!(a));
    }
    match field {
        "event_type" => json!({"event_type": e.event_type, "sub_event_type": e.sub_event_type}),
        "date" => json!(e.date),
        "location" => json!(e.location),
        "tactics" => json!(e.tactics),
        _ => Value::Null,
    }
}

fn order_of(field: &str) -> (u8, usize, String) {
    let idx = |prefix: &str| field.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).and_then(|n| n.parse::<usize>().ok());
    let rank = match field {
        "event_type" => 0,
        "date" => 1,
        "location" => 2,
        f if f.starts_with("casualties") => 3,
        f if f.starts_with("actors") => 4,
        "tactics" => 5,
        _ => 6,
    };
    (rank, idx("casualties[").or(idx("actors[")).unwrap_or(usize::MAX), field.to_string())
}

/// A closed or open-ended range of a number claim: `low..=high` (`None`: open).
fn count_range(v: &Value) -> Option<(u64, Option<u64>)> {
    let low = v.get("low")?.as_u64()?;
    let high = match v.get("high") {
        Some(Value::Null) | None => None,
        Some(h) => Some(h.as_u64()?),
    };
    Some((low, high))
}

fn ranges_overlap(a: (u64, Option<u64>), b: (u64, Option<u64>)) -> bool {
    a.0 <= b.1.unwrap_or(u64::MAX) && b.0 <= a.1.unwrap_or(u64::MAX)
}

fn date_range(v: &Value) -> Option<(String, String)> {
    let e = v.get("earliest")?.as_str()?;
    let l = v.get("latest").and_then(Value::as_str).unwrap_or(e);
    Some((e.to_string(), l.to_string()))
}

fn fold(s: &str) -> String {
    sitrep_text::fold(s).to_lowercase()
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// True when two claim values of `field` cannot both be right.
pub fn disagree(field: &str, a: &Value, b: &Value) -> bool {
    if field.starts_with("casualties") {
        return match (count_range(a), count_range(b)) {
            (Some(x), Some(y)) => !ranges_overlap(x, y),
            _ => false,
        };
    }
    match field {
        "date" => match (date_range(a), date_range(b)) {
            (Some(x), Some(y)) => x.1 < y.0 || y.1 < x.0,
            _ => false,
        },
        "location" => {
            let name = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(fold);
            let coords = |v: &Value| Some((v.get("lat")?.as_f64()?, v.get("lon")?.as_f64()?));
            let (na, nb) = (name(a, "name"), name(b, "name"));
            if na.is_some() && na == nb {
                return false;
            }
            // one names the admin1 area the other lies in: coarser, not contradictory
            let within = |x: &Value, y: &Value| name(x, "name").is_some() && name(x, "name") == name(y, "admin1");
            if within(a, b) || within(b, a) {
                return false;
            }
            if let (Some(x), Some(y)) = (coords(a), coords(b)) {
                return km(x, y) > 50.0;
            }
            match (name(a, "admin1"), name(b, "admin1")) {
                (Some(x), Some(y)) => x != y,
                _ => na.is_some() && nb.is_some(),
            }
        }
        "event_type" => a.get("event_type") != b.get("event_type"),
        _ => false,
    }
}

/// One claim as the event page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimView {
    /// The claim as the contract gives it.
    #[serde(flatten)]
    pub claim: ClaimOut,
    /// Its source is independent (not a duplicate or a derivative rewrite).
    pub independent: bool,
    /// `primary` or `background` (null when the source is not listed).
    pub role: Option<String>,
    /// It disagrees with another current (not superseded) independent claim.
    pub conflicts: bool,
    /// Where the quote sits in its article, when the article's text may be shown.
    pub context: Option<Context>,
}

/// A quote in its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Text before the quote (cut at a word).
    pub before: String,
    /// The quote as the shown text has it.
    pub quote: String,
    /// Text after it.
    pub after: String,
    /// The quote's span in the text the article page shows (code points), when it is there.
    pub start: Option<usize>,
    /// End (exclusive).
    pub end: Option<usize>,
}

/// Claims grouped by field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldView {
    /// `date`, `casualties[0]`, ...
    pub field: String,
    /// Readable name.
    pub label: String,
    /// The event's own value.
    pub value: Value,
    /// Current independent claims disagree (or the event's flags say so).
    pub conflict: bool,
    /// The claims, independent first, then by publication date.
    pub claims: Vec<ClaimView>,
}

/// An event's claims grouped by field, in the order event type, date, location, casualties,
/// actors, tactics. `context(article_id, start, end)` gives a claim's context when the
/// article may be shown.
pub fn claim_fields(e: &EventOut, context: &dyn Fn(&str, usize, usize) -> Option<Context>) -> Vec<FieldView> {
    let sources = e.sources.as_deref().unwrap_or_default();
    let source = |id: &str| sources.iter().find(|s| s.article_id == id);
    let mut groups: BTreeMap<(u8, usize, String), Vec<ClaimView>> = BTreeMap::new();
    for c in e.claims.as_deref().unwrap_or_default() {
        let s = source(&c.article_id);
        groups.entry(order_of(&c.field)).or_default().push(ClaimView {
            claim: c.clone(),
            independent: s.is_none_or(|s| s.independent),
            role: s.map(|s| s.role.as_str().to_string()),
            conflicts: false,
            // a quote of the headline has no place in the body's text
            context: if c.within.is_some() { None } else { context(&c.article_id, c.start, c.end) },
        });
    }
    let flagged = |field: &str| {
        use sitrep_model::taxonomy::EventFlag::*;
        e.flags.iter().any(|f| match f {
            ConflictingCounts => field.starts_with("casualties["),
            DateConflict => field == "date",
            LocationConflict => field == "location",
            _ => false,
        })
    };
    let published = |id: &str| source(id).and_then(|s| s.published);
    groups
        .into_iter()
        .map(|((_, _, field), mut claims)| {
            let current: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].independent && !claims[i].claim.superseded).collect();
            for &i in &current {
                claims[i].conflicts = current.iter().any(|&j| j != i && disagree(&field, &claims[i].claim.value, &claims[j].claim.value));
            }
            let conflict = claims.iter().any(|c| c.conflicts) || flagged(&field);
            claims.sort_by(|a, b| {
                (!a.independent, a.claim.superseded, published(&a.claim.article_id), &a.claim.article_id, a.claim.start).cmp(&(
                    !b.independent,
                    b.claim.superseded,
                    published(&b.claim.article_id),
                    &b.claim.article_id,
                    b.claim.start,
                ))
            });
            FieldView { label: field_label(e, &field), value: field_value(e, &field), conflict, claims, field }
        })
        .collect()
}

/// Converts code point spans of an article's original text to spans of its cleaned text.
#[derive(Debug)]
pub struct SpanMapper<'a> {
    article: &'a Article,
    original: CharIndex,
    text: CharIndex,
    text_chars: usize,
}

impl<'a> SpanMapper<'a> {
    /// A mapper over one article.
    pub fn new(article: &'a Article) -> Self {
        SpanMapper {
            original: CharIndex::new(&article.original),
            text: CharIndex::new(&article.text),
            text_chars: article.text.chars().count(),
            article,
        }
    }

    /// The cleaned-text span (code points) of an original span (code points); `None` when
    /// nothing of it survived cleaning or the span is outside the text.
    pub fn to_cleaned(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let n = self.article.original.chars().count();
        if start > end || end > n {
            return None;
        }
        let (bs, be) = (self.original.byte_offset(start), self.original.byte_offset(end));
        let d = self.article.map.to_derived(Span::new(bs, be))?;
        let (s, e) =
            (self.text.char_offset(d.start.min(self.article.text.len())), self.text.char_offset(d.end.min(self.article.text.len())));
        (e > s || start == end).then_some((s, e.min(self.text_chars)))
    }

    /// The context of an original span: up to `width` characters each side, in the cleaned
    /// text when the quote survived cleaning, else in the original.
    pub fn context(&self, start: usize, end: usize, width: usize) -> Option<Context> {
        let (text, s, e, cleaned) = match self.to_cleaned(start, end) {
            Some((s, e)) => (&self.article.text, s, e, true),
            None => {
                if end > self.article.original.chars().count() || start > end {
                    return None;
                }
                (&self.article.original, start, end, false)
            }
        };
        let chars: Vec<char> = text.chars().collect();
        let mut from = s.saturating_sub(width);
        if from > 0 {
            while from < s && !chars[from - 1].is_whitespace() {
                from += 1;
            }
        }
        let mut to = (e + width).min(chars.len());
        if to < chars.len() {
            while to > e && !chars[to].is_whitespace() {
                to -= 1;
            }
        }
        let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        Some(Context {
            before: format!("{}{}", if from > 0 { "…" } else { "" }, piece(from, s).trim_start()),
            quote: piece(s, e),
            after: format!("{}{}", piece(e, to).trim_end(), if to < chars.len() { "…" } else { "" }),
            start: cleaned.then_some(s),
            end: cleaned.then_some(e),
        })
    }
}

/// One extraction shown on the article page: a quote of this article that one event's claim
/// or evidence rests on (a claim and an evidence line on the same quote are one span).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanView {
    /// Start in the cleaned text (code points), null when the quote did not survive cleaning.
    pub start: Option<usize>,
    /// End (exclusive).
    pub end: Option<usize>,
    /// Offsets in the original text, as the contract gives them.
    pub original_start: usize,
    /// End (exclusive).
    pub original_end: usize,
    /// The quote (exactly the original slice).
    pub quote: String,
    /// What it supports.
    pub field: String,
    /// The event.
    pub event_id: String,
    /// This article claims a value with it (`value`, `superseded`, `attributed_to` say which).
    pub claim: bool,
    /// The event's own value rests on it (an evidence line).
    pub evidence: bool,
    /// A later or better figure replaced the claim.
    pub superseded: bool,
    /// Who the claim is attributed to.
    pub attributed_to: Option<String>,
    /// The claimed value.
    pub value: Option<Value>,
    /// The quote is of the article's title (offsets in the title), not of its text: the page
    /// shows it in the headline, never in the body.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// The extractions of `events` that quote article `article_ids` (the article and, for a
/// duplicate, its original), as spans of its cleaned text, sorted by position.
pub fn article_spans(article_ids: &[&str], events: &[EventOut], mapper: Option<&SpanMapper<'_>>) -> Vec<SpanView> {
    let mut out: Vec<SpanView> = Vec::new();
    let cleaned =
        |start: usize, end: usize| mapper.and_then(|m| m.to_cleaned(start, end)).map_or((None, None), |(s, e)| (Some(s), Some(e)));
    for ev in events {
        for c in ev.claims.iter().flatten().filter(|c| article_ids.contains(&c.article_id.as_str())) {
            let in_title = c.within.is_some();
            let (s, e) = if in_title { (None, None) } else { cleaned(c.start, c.end) };
            let same = |o: &SpanView| {
                o.event_id == ev.id
                    && o.field == c.field
                    && o.original_start == c.start
                    && o.original_end == c.end
                    && o.claim
                    && o.in_title == in_title
            };
            if !out.iter().any(same) {
                out.push(SpanView {
                    start: s,
                    end: e,
                    original_start: c.start,
                    original_end: c.end,
                    quote: c.quote.clone(),
                    field: c.field.clone(),
                    event_id: ev.id.clone(),
                    claim: true,
                    evidence: false,
                    superseded: c.superseded,
                    attributed_to: c.attributed_to.clone(),
                    value: Some(c.value.clone()),
                    in_title,
                });
            }
        }
        for x in ev.evidence.iter().filter(|x| article_ids.contains(&x.article_id.as_str())) {
            let in_title = x.within.is_some();
            if let Some(o) = out.iter_mut().find(|o| {
                o.event_id == ev.id
                    && o.field == x.field
                    && o.original_start == x.start
                    && o.original_end == x.end
                    && o.in_title == in_title
            }) {
                o.evidence = true;
                continue;
            }
            let (s, e) = if in_title { (None, None) } else { cleaned(x.start, x.end) };
            out.push(SpanView {
                start: s,
                end: e,
                original_start: x.start,
                original_end: x.end,
                quote: x.quote.clone(),
                field: x.field.clone(),
                event_id: ev.id.clone(),
                claim: false,
                evidence: true,
                superseded: false,
                attributed_to: None,
                value: None,
                in_title,
            });
        }
    }
    out.sort_by_key(|a| (a.start.is_none(), a.start, a.end, a.original_start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::contract::{DateOut, SourceOut};
    use sitrep_model::taxonomy::*;
    use sitrep_text::TextBuilder;

    fn claim(article: &str, field: &str, value: Value, superseded: bool) -> ClaimOut {
        ClaimOut {
            article_id: article.into(),
            field: field.into(),
            value,
            attributed_to: None,
            superseded,
            start: 0,
            end: 4,
            quote: "some".into(),
            within: None,
        }
    }

    fn source(id: &str, independent: bool, day: u32) -> SourceOut {
        SourceOut {
            article_id: id.into(),
            role: SourceRole::Primary,
            independent,
            url: None,
            outlet: None,
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, day),
        }
    }

    pub(crate) fn event(claims: Vec<ClaimOut>, sources: Vec<SourceOut>, flags: Vec<EventFlag>) -> EventOut {
        EventOut {
            id: "ev1".into(),
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            date: DateOut { earliest: None, latest: None, precision: DatePrecision::Unknown, expression: None, relative_to: None },
            location: Default::default(),
            actors: vec![],
            casualties: vec![sitrep_model::contract::CasualtyOut {
                party: ActorKind::StateForces,
                outcome: Outcome::Killed,
                low: 12,
                best: 12,
                high: Some(12),
                vague: false,
                cause: Cause::Violence,
            }],
            fatalities: 12,
            tactics: vec![],
            sources: Some(sources),
            claims: Some(claims),
            flags,
            merged_from: Some(vec![]),
            evidence: vec![],
        }
    }

    #[test]
    fn counts_that_cannot_both_hold_conflict_and_superseded_or_derivative_ones_do_not() {
        let e = event(
            vec![
                claim("a", "casualties[0]", json!({"low": 12, "best": 12, "high": 12}), false),
                claim("b", "casualties[0]", json!({"low": 30, "best": 30, "high": 30}), false),
                claim("b", "casualties[0]", json!({"low": 10, "best": 10, "high": null}), true),
                claim("c", "casualties[0]", json!({"low": 100, "best": 100, "high": 100}), false),
                claim("a", "date", json!({"earliest": "2024-03-01", "latest": "2024-03-01"}), false),
                claim("b", "date", json!({"earliest": "2024-03-01", "latest": "2024-03-07"}), false),
            ],
            vec![source("a", true, 2), source("b", true, 1), source("c", false, 3)],
            vec![],
        );
        let fields = claim_fields(&e, &|_, _, _| None);
        assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["date", "casualties[0]"]);
        let cas = &fields[1];
        assert_eq!(cas.label, "state forces killed");
        assert!(cas.conflict);
        let by = |a: &str, sup: bool| cas.claims.iter().find(|c| c.claim.article_id == a && c.claim.superseded == sup).unwrap();
        assert!(by("a", false).conflicts && by("b", false).conflicts);
        assert!(!by("b", true).conflicts, "superseded claims do not count");
        assert!(!by("c", false).conflicts && !by("c", false).independent, "derivative sources do not count");
        // independent first, current before superseded, earlier publication first
        assert_eq!(
            cas.claims.iter().map(|c| (c.claim.article_id.as_str(), c.claim.superseded)).collect::<Vec<_>>(),
            [("b", false), ("a", false), ("b", true), ("c", false)]
        );
        assert!(!fields[0].conflict, "a day inside a week agrees with it");
    }

    #[test]
    fn open_ranges_overlap_and_flags_mark_a_field() {
        assert!(!disagree("casualties[0]", &json!({"low": 10, "high": null}), &json!({"low": 100, "high": 100})));
        assert!(disagree("casualties[1]", &json!({"low": 10, "high": 11}), &json!({"low": 100, "high": null})));
        assert!(!disagree("location", &json!({"name": "Tillabéri"}), &json!({"name": "Kokorou", "admin1": "Tillaberi"})));
        assert!(disagree(
            "location",
            &json!({"name": "Kokorou", "lat": 14.2, "lon": 0.9}),
            &json!({"name": "Gao", "lat": 16.27, "lon": -0.04})
        ));
        assert!(!disagree(
            "location",
            &json!({"name": "Kokorou", "lat": 14.2, "lon": 0.9}),
            &json!({"name": "Kokoro", "lat": 14.21, "lon": 0.95})
        ));
        let e =
            event(vec![claim("a", "location", json!({"name": "X"}), false)], vec![source("a", true, 1)], vec![EventFlag::LocationConflict]);
        assert!(claim_fields(&e, &|_, _, _| None)[0].conflict);
    }

    fn article(original: &str, keep: std::ops::Range<usize>) -> Article {
        let mut b = TextBuilder::new(original);
        b.copy(keep);
        let (text, map) = b.finish();
        Article::new("a", original, text, map)
    }

    #[test]
    fn spans_map_through_cleaning_in_code_points() {
        // "Advertisement\n" is cleaned away; an accented word before the quote shifts bytes
        let original = "Advertisement\nÀ Ségou, 12 soldats tués. Share this";
        let start_b = original.find("À").unwrap();
        let end_b = original.find(" Share").unwrap();
        let a = article(original, start_b..end_b);
        assert_eq!(a.text, "À Ségou, 12 soldats tués.");
        let m = SpanMapper::new(&a);
        let q_start = original.chars().position(|c| c == '1').unwrap();
        let (s, e) = m.to_cleaned(q_start, q_start + 16).unwrap();
        assert_eq!(a.text.chars().skip(s).take(e - s).collect::<String>(), "12 soldats tués.");
        assert_eq!(m.to_cleaned(0, 13), None, "the ad label did not survive");
        assert_eq!(m.to_cleaned(5, 500), None);
        let ctx = m.context(q_start, q_start + 10, 8).unwrap();
        assert_eq!((ctx.before.as_str(), ctx.quote.as_str(), ctx.after.as_str()), ("…Ségou, ", "12 soldats", " tués."));
        let gone = m.context(0, 13, 10).unwrap();
        assert_eq!((gone.quote.as_str(), gone.start), ("Advertisement", None));
    }

    #[test]
    fn article_spans_keep_evidence_and_claims_of_this_article_only() {
        let original = "On Thursday 12 soldiers were killed.";
        let a = article(original, 0..original.len());
        let m = SpanMapper::new(&a);
        let mut e = event(vec![claim("a", "date", json!({}), false), claim("other", "date", json!({}), false)], vec![], vec![]);
        e.evidence.push(sitrep_model::contract::EvidenceOut {
            article_id: "a".into(),
            field: "casualties[0]".into(),
            start: 12,
            end: 35,
            quote: "12 soldiers were killed".into(),
            within: None,
        });
        e.evidence.push(sitrep_model::contract::EvidenceOut {
            article_id: "a".into(),
            field: "date".into(),
            start: 0,
            end: 4,
            quote: "On T".into(),
            within: None,
        });
        let spans = article_spans(&["a"], &[e], Some(&m));
        assert_eq!(spans.len(), 2, "the claim and the evidence on the same quote are one span");
        assert_eq!((spans[0].start, spans[0].claim, spans[0].evidence), (Some(0), true, true));
        assert_eq!((spans[1].start, spans[1].end, spans[1].claim, spans[1].evidence), (Some(12), Some(35), false, true));
    }

    #[test]
    fn title_quotes_are_not_placed_in_the_text() {
        let original = "On Thursday 12 soldiers were killed.";
        let a = article(original, 0..original.len());
        let m = SpanMapper::new(&a);
        let mut e = event(vec![], vec![], vec![]);
        // the same offsets as a quote of the text, but of the title
        for within in [None, Some(sitrep_model::contract::TextPart::Title)] {
            e.evidence.push(sitrep_model::contract::EvidenceOut {
                article_id: "a".into(),
                field: "casualties[0]".into(),
                start: 12,
                end: 35,
                quote: "12 soldiers were killed".into(),
                within,
            });
        }
        let spans = article_spans(&["a"], &[e], Some(&m));
        assert_eq!(spans.len(), 2, "a title quote is not merged with a text quote at the same offsets");
        assert_eq!((spans[0].start, spans[0].in_title), (Some(12), false));
        assert_eq!((spans[1].start, spans[1].end, spans[1].in_title), (None, None, true));
        let json = serde_json::to_value(&spans[1]).unwrap();
        assert_eq!(json["in_title"], true);
        assert!(serde_json::to_value(&spans[0]).unwrap().get("in_title").is_none());
    }
}
