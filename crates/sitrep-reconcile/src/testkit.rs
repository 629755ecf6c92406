//! Building articles and mentions by hand from our own example sentences, for tests and the
//! benchmark generator: every value's evidence is the first occurrence of a quoted phrase.

use chrono::NaiveDate;
use sitrep_model::Amount;
use sitrep_model::article::Article;
use sitrep_model::mention::*;
use sitrep_model::taxonomy::*;
use sitrep_model::{ExtractorId, Span};
use sitrep_text::sentences;

/// An article from a text.
pub fn article(id: &str, title: Option<&str>, published: Option<NaiveDate>, text: &str) -> Article {
    Article {
        title: title.map(str::to_string),
        published,
        published_from: published.map(|_| PublishedFrom::Metadata),
        flags: if published.is_none() { vec![ArticleFlag::Undated] } else { vec![] },
        ..Article::plain(id, text)
    }
}

/// Evidence for the first occurrence of `phrase` in `text` (panics when absent: a test bug).
pub fn ev(text: &str, phrase: &str) -> Evidence {
    let at = text.find(phrase).unwrap_or_else(|| panic!("phrase {phrase:?} not in text"));
    Evidence::new(Span::new(at, at + phrase.len()), ExtractorId::new("test.hand.v1"))
}

/// A mention under construction.
pub struct M<'t> {
    text: &'t str,
    /// The mention.
    pub m: EventMention,
}

impl<'t> M<'t> {
    /// A mention of `text` whose sentences are those containing `sentence_phrases`.
    pub fn new(text: &'t str, role: SourceRole, sub: SubEventType, type_phrase: &str) -> Self {
        let type_evidence = Some(ev(text, type_phrase));
        let sent = sentences(text).into_iter().find(|s| {
            s.span.start <= type_evidence.as_ref().map_or(0, |e| e.span.start)
                && type_evidence.as_ref().is_some_and(|e| e.span.end <= s.span.end)
        });
        M {
            text,
            m: EventMention {
                role,
                event_type: sub.event_type(),
                sub_event_type: sub,
                type_evidence,
                date: DateValue::unknown(),
                location: LocationValue::default(),
                actors: vec![],
                casualties: vec![],
                tactics: vec![],
                sentences: sent.map(|s| vec![s.span]).unwrap_or_default(),
            },
        }
    }
    /// Adds the sentence holding `phrase` to the mention's sentences.
    pub fn sentence(mut self, phrase: &str) -> Self {
        let e = ev(self.text, phrase);
        if let Some(s) = sentences(self.text).into_iter().find(|s| s.span.start <= e.span.start && e.span.end <= s.span.end)
            && !self.m.sentences.contains(&s.span)
        {
            self.m.sentences.push(s.span);
        }
        self
    }
    /// A date interval.
    pub fn date(mut self, phrase: &str, earliest: NaiveDate, latest: NaiveDate, precision: DatePrecision, from_publication: bool) -> Self {
        self.m.date = DateValue {
            earliest: Some(earliest),
            latest: Some(latest),
            precision,
            expression: Some(phrase.to_string()),
            relative_to: None,
            from_publication,
            evidence: Some(ev(self.text, phrase)),
        };
        self
    }
    /// A place.
    #[allow(clippy::too_many_arguments)]
    pub fn place(
        mut self,
        phrase: &str,
        name: Option<&str>,
        cc: &str,
        admin1: Option<&str>,
        coords: Option<(f64, f64)>,
        precision: LocationPrecision,
    ) -> Self {
        self.m.location = LocationValue {
            place: Location {
                name: name.map(str::to_string),
                country_code: Some(cc.to_string()),
                admin1: admin1.map(str::to_string),
                admin2: None,
                lat: coords.map(|c| c.0),
                lon: coords.map(|c| c.1),
                precision: Some(precision),
                geonames_id: None,
                pcode: None,
            },
            evidence: Some(ev(self.text, phrase)),
        };
        self
    }
    /// An actor.
    pub fn actor(mut self, phrase: &str, name: &str, kind: ActorKind, role: ActorRole) -> Self {
        self.m.actors.push(ActorValue { name: name.to_string(), kind, role, evidence: Some(ev(self.text, phrase)) });
        self
    }
    /// A casualty figure.
    pub fn toll(mut self, phrase: &str, party: ActorKind, outcome: Outcome, amount: Amount, cause: Cause) -> Self {
        self.m.casualties.push(CasualtyValue {
            party,
            outcome,
            amount,
            cause,
            attributed_to: None,
            superseded: false,
            evidence: ev(self.text, phrase),
        });
        self
    }
    /// Marks the last casualty figure superseded (by a later figure in the same article).
    pub fn superseded(mut self) -> Self {
        if let Some(c) = self.m.casualties.last_mut() {
            c.superseded = true;
        }
        self
    }
    /// Attributes the last casualty figure.
    pub fn said_by(mut self, who: &str) -> Self {
        if let Some(c) = self.m.casualties.last_mut() {
            c.attributed_to = Some(who.to_string());
        }
        self
    }
    /// A tactic.
    pub fn tactic(mut self, phrase: &str, name: &str) -> Self {
        self.m.tactics.push(TacticValue { name: name.to_string(), evidence: ev(self.text, phrase) });
        self
    }
    /// The mention.
    pub fn done(self) -> EventMention {
        self.m
    }
}

/// "about N": a vague range of N +- 10% (at least 1).
pub fn about(n: u64) -> Amount {
    let d = (n / 10).max(1);
    Amount { low: n - d.min(n), best: n, high: Some(n + d), vague: true, stated: n }
}

/// A day.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}
