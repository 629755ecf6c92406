//! Temporal tagging. Pure: no IO, no clock; the anchor date is always passed in.
//!
//! [`tag`] finds every time expression of a text and normalises it to a TIMEX3-style value,
//! resolved against the publication date when one is given. Event dates are intervals with
//! a precision, never more precise than the text allows; without a publication date,
//! relative expressions stay unresolved (their text kept), never guessed.
//!
//! # What is recognised
//!
//! - **Calendar dates**: "28 September 2023", "Sept. 28", "September 28, 2023", "Thursday,
//!   September 28", "28 septembre 2023", "1er octobre", "September 2023", "July", ranges
//!   ("March 26-27", "5 or 6 May 2021", "30 March - 2 April 2019", "the night of 2-3 June"),
//!   lists ("April 24 and 25"), ISO dates and timestamps ("2023-09-28", "2023-09-28T14:30:00Z"),
//!   numeric dates ("28/09/2023", "09/28/2023"; when both readings are dates, the one nearer the
//!   publication date, else day first unless [`Options::numeric_order`] says otherwise), years,
//!   decades, centuries, quarters and halves ("the third quarter of 1990", "Q3 2023"), seasons,
//!   holidays. A year-less date joined to a dated one takes its year ("the end of August and
//!   mid-September 2021").
//! - **Relative to the publication date**: weekdays ("on Thursday": the most recent Thursday on
//!   or before the publication date, unless the nearest verb is in the future tense or the text
//!   says "next"), "yesterday", "last week" (ISO week), "earlier this month", "the previous
//!   month", "two days ago", "late last year", "mid-September", year-less dates (the year
//!   nearest the publication date, a year against the tense of the sentence costing eight
//!   months more).
//! - **Relative to another time** (TimeML's reference time): anaphoric expressions ("the next
//!   day", "earlier that day", "that night", "the following month", "two weeks later", "a year
//!   earlier", "the previous Friday", a clock time with no day) count from the latest date the
//!   text mentioned before them, in their sentence or an earlier one, when that date is as fine
//!   as their unit ("the next day" needs a day; after "in 2019" it stays relative). The date
//!   counted from is named in [`Timex::reference`]; an expression counted from another is no
//!   reference time itself. Deictic ones ("yesterday", "last week", "on Thursday", "two days
//!   ago") count from the publication date. A base the expression names ("two days after
//!   Christmas") is used first; "a day after the attack", "four weeks prior to this incident"
//!   and anaphors with no date to count from keep [`Anchor::Event`] with their
//!   [`Timex::offset`] and, when named, the event's phrase ([`Timex::event_span`]);
//!   [`Timex::resolve_from`] dates them once the caller knows the date of that event. A measure
//!   ("two weeks later", "three days after Christmas") has the value TimeML gives it ("P2W",
//!   type DURATION) and, when counted from a known date, that date as its interval; "a year
//!   earlier", the comparison of reports, is the date it names.
//! - **Reporting periods**: after a quarter or a half ("the third quarter"), "the quarter", "a
//!   year earlier", "a year ago", "the year-earlier period", "the 1988 period", "the
//!   corresponding period last year", "last year's quarter" are that period (a year back);
//!   "the quarter ended July 31" is the three months up to that day; "the nine months" or a
//!   later month or year ends the reporting period. "The latest quarter" is the last complete
//!   one.
//! - **Durations** ("three days", "a three-day national mourning", "the past two years"),
//!   **sets** ("every Friday", "daily", "twice a week"), **times of day** ("10 p.m.", "14h30",
//!   "this morning", "last night"), and vague references (PRESENT_REF, PAST_REF, FUTURE_REF).
//!   A named day with a part of day ("Thursday morning") is marked as TimeBank mostly does: the
//!   day, a DATE.
//!
//! # Invariants
//!
//! - A value depends only on the publication date, the [`Options`] and the text up to the end
//!   of the expression's sentence: text after a sentence changes nothing in it or before it
//!   (property test). Within that text, an expression reads its own sentence (grammar and
//!   tense are sentence-local) and, for a reference time, the dates before it: when it counts
//!   from an earlier sentence, [`Timex::reference`] names that expression; otherwise its value
//!   is the one its sentence gives alone (property test).
//! - Without a publication date nothing is resolved against one: deictic expressions get
//!   `earliest`/`latest` `None`, `precision` `unknown`, [`Anchor::Unresolved`] and a TIMEX3
//!   pattern with X ("XXXX-WXX-4" for "Thursday", "XXXX-09-28"); anaphoric ones resolve only
//!   from a date the text gives in full ("on 3 May 2021 ... the next day").
//! - `precision` is the size of the period the text names, never finer: "mid-September" is a
//!   month (its `earliest`/`latest` narrowed to the 11th-20th), "March 26-27" and "around 14
//!   March" (three days either side) are weeks, a quarter or a decade is a year.
//! - Linear time: one pass over the text; each sentence is tokenized once and every word looked
//!   up once in lexicons built on first use (`LazyLock`); no regular expressions.
//!
//! # Dating events
//!
//! [`event_date`] picks, among the expressions inside the sentences that tell an event, the
//! one that dates it: [`Timex::datable`] ones only (no durations, sets, vague references,
//! future dates, decades, clock times without a day, nor the page's own stamps such as
//! "Published Monday, Oct. 10, 2016" or "Updated: 5:17 pm"; a measure counted from a known
//! date is datable), the most precise first (by [`Timex::granularity`], so an unresolved "on
//! Thursday" beats "in 2019"), then one that does not date a statement
//! ([`Timex::of_statement`]: "police said Thursday"), then the first in the text. An
//! unresolved one (no publication date) is still returned so that its expression is kept with
//! precision `unknown`. For [`Anchor::Event`] results, date the referenced event first and call
//! [`Timex::resolve_from`].

mod cal;
mod grammar;
mod lex;
mod sem;
mod tense;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::taxonomy::DatePrecision;
use sitrep_model::{ExtractorId, Span};

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("28 September 2023", "last month").
    Date,
    /// A time of day ("10 a.m.", "Thursday morning").
    Time,
    /// A duration ("three days").
    Duration,
    /// A recurrence ("every Friday").
    Set,
}

/// What a resolved value was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// The text gives the date in full.
    Absolute,
    /// Resolved against the publication date ("on Thursday", "last month").
    Publication,
    /// Relative to another event of the text ("four weeks prior to this incident").
    Event {
        /// Days from that event (negative: before); months count 30 days, years 365: use
        /// [`Timex::offset`] for calendar arithmetic.
        offset_days: i64,
    },
    /// Relative, but nothing to resolve it against: left unresolved.
    Unresolved,
}

/// TIMEX3 `mod`: how the expression bends its period or quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    /// "early 2023", "earlier this month".
    Start,
    /// "mid-September".
    Mid,
    /// "late last year", "later this year", "year-end".
    End,
    /// "about two years", "around 10 p.m.".
    Approx,
    /// "nearly a year", "less than an hour".
    LessThan,
    /// "more than four hours".
    MoreThan,
    /// "up to 180 days", "within 18 months".
    EqualOrLess,
    /// "at least 30 days".
    EqualOrMore,
}

/// A unit of time (for offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// An offset from another time: `amount` units (negative: before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Offset {
    pub amount: i64,
    pub unit: TimeUnit,
}

/// How to read an ambiguous numeric date such as 04/05/2023.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumericOrder {
    /// 04/05/2023 is 4 May (most of the world, and the Sahel press).
    #[default]
    DayFirst,
    /// 04/05/2023 is April 5 (United States).
    MonthFirst,
}

/// Tagging options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The publication date relative expressions are resolved against.
    pub published: Option<NaiveDate>,
    /// Reading of numeric dates whose day and month are both 12 or less.
    pub numeric_order: NumericOrder,
}

/// One time expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Bytes of the text given to [`tag`].
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: `2023-09-28`, `2023-W39`, `2023-09`, `P3D`, `XXXX-XX-XX` style when
    /// unresolved, `PRESENT_REF`, ...
    pub value: String,
    /// First day the expression can denote (dates only; `None` when unresolved).
    pub earliest: Option<NaiveDate>,
    /// Last day.
    pub latest: Option<NaiveDate>,
    /// Precision of the interval (`unknown` when unresolved).
    pub precision: DatePrecision,
    /// What it was resolved against.
    pub anchor: Anchor,
    /// The rule family that found it.
    pub extractor: ExtractorId,
    /// The precision the expression has once resolved (`unknown` for durations, sets and
    /// vague references); equal to `precision` when resolved.
    pub granularity: DatePrecision,
    /// TIMEX3 `mod`.
    pub modifier: Option<Modifier>,
    /// Can it date an event: a date or time the text places (not a duration, set, vague
    /// reference, future date, decade or century, nor a clock time whose day is not said).
    pub datable: bool,
    /// Resolved after the publication date ("next week", "will meet on Monday").
    pub future: bool,
    /// Offset from another time ("a day after the attack": +1 day).
    pub offset: Option<Offset>,
    /// The phrase naming the event an [`Anchor::Event`] expression counts from ("the attack").
    pub event_span: Option<Span>,
    /// It follows a verb of saying ("police said Thursday"): it dates a statement, which is
    /// often not when the event happened.
    pub of_statement: bool,
    /// The earlier expression of the text this one was counted from, its reference time ("Oct.
    /// 23, 1998" for a later "the next day"); `None` when counted from the publication date or
    /// complete in itself.
    pub reference: Option<Span>,
    /// A clock time or part of day whose day the text does not say ("at about 3 p.m.", not a
    /// bare "2:17"), given the publication date as TimeML does (TIMEX3 normalises it to the
    /// document creation time's day): its interval is that day, but it is not `datable`, since
    /// only a report written the day it happened dates the event by it.
    #[serde(default)]
    pub day_assumed: bool,
}

impl Timex {
    /// Dates an [`Anchor::Event`] expression from its event's interval: both ends moved by the
    /// offset; the precision is the coarser of the event's and, when the offset is approximate
    /// ("nearly a year after"), the offset unit's. `None` without an offset.
    pub fn resolve_from(
        &self,
        earliest: NaiveDate,
        latest: NaiveDate,
        precision: DatePrecision,
    ) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
        let off = self.offset?;
        let u = lex_unit(off.unit);
        let a = cal::add_units(earliest, off.amount, u)?;
        let b = cal::add_units(latest, off.amount, u)?;
        let approx = matches!(
            self.modifier,
            Some(Modifier::Approx | Modifier::LessThan | Modifier::MoreThan | Modifier::EqualOrLess | Modifier::EqualOrMore)
        );
        let unit_p = cal::Gran::of_unit(u).precision();
        let p = if approx && precision_rank(unit_p) > precision_rank(precision) { unit_p } else { precision };
        if p == unit_p && approx {
            let g = cal::Gran::of_unit(u);
            let pa = cal::Period::containing(g, a)?.interval()?.0;
            let pb = cal::Period::containing(g, b)?.interval()?.1;
            return Some((pa, pb, p));
        }
        Some((a, b, p))
    }
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unknown => 4,
    }
}

fn lex_unit(u: TimeUnit) -> lex::Unit {
    match u {
        TimeUnit::Second => lex::Unit::Second,
        TimeUnit::Minute => lex::Unit::Minute,
        TimeUnit::Hour => lex::Unit::Hour,
        TimeUnit::Day => lex::Unit::Day,
        TimeUnit::Week => lex::Unit::Week,
        TimeUnit::Month => lex::Unit::Month,
        TimeUnit::Quarter => lex::Unit::Quarter,
        TimeUnit::Year => lex::Unit::Year,
        TimeUnit::Decade => lex::Unit::Decade,
        TimeUnit::Century => lex::Unit::Century,
    }
}

/// Every time expression of `text`, in text order, resolved against `published` when given.
pub fn tag(text: &str, published: Option<NaiveDate>) -> Vec<Timex> {
    tag_with(text, &Options { published, ..Options::default() })
}

/// [`tag`] with options.
pub fn tag_with(text: &str, opts: &Options) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let mut toks = Vec::new();
    let mut out = Vec::new();
    let month_first = opts.numeric_order == NumericOrder::MonthFirst;
    let mut refs = sem::Refs::default();
    for s in sitrep_text::sentences(text) {
        lex::tokenize(text, &lower, s.span.start, s.span.end, &mut toks);
        if toks.is_empty() {
            continue;
        }
        let mut cands = grammar::parse(&toks, month_first, opts.published);
        grammar::share_years(&toks, &mut cands);
        if cands.is_empty() {
            continue;
        }
        let marks = tense::marks(&toks);
        for c in cands {
            let ctx =
                sem::Ctx { dct: opts.published, tense: tense::around(&toks, &marks, c.s, c.e), refs: &refs, approx: c.approx.is_some() };
            let Some(r) = sem::resolve(&c.sem, &ctx) else { continue };
            let span = Span::new(toks[c.s].start, toks[c.e - 1].end);
            let modifier = match (c.pos, c.approx) {
                (Some(grammar::PosMod::Start | grammar::PosMod::SoFar), _) => Some(Modifier::Start),
                (Some(grammar::PosMod::Mid), _) => Some(Modifier::Mid),
                (Some(grammar::PosMod::End | grammar::PosMod::Later), _) => Some(Modifier::End),
                (None, Some(grammar::Approx::Approx)) => Some(Modifier::Approx),
                (None, Some(grammar::Approx::LessThan)) => Some(Modifier::LessThan),
                (None, Some(grammar::Approx::MoreThan)) => Some(Modifier::MoreThan),
                (None, Some(grammar::Approx::EqualOrLess)) => Some(Modifier::EqualOrLess),
                (None, Some(grammar::Approx::EqualOrMore)) => Some(Modifier::EqualOrMore),
                (None, None) => None,
            };
            let interval = r.interval.map(|iv| match c.pos {
                Some(pm) => sem::narrow(iv, pm, r.gran, opts.published),
                None => iv,
            });
            let mut granularity = r.gran.map_or(DatePrecision::Unknown, cal::Gran::precision);
            // "around 14 March": a few days either side, known to the week.
            let approx_day = matches!(modifier, Some(Modifier::Approx)) && r.kind == TimexType::Date && granularity == DatePrecision::Day;
            let interval = if approx_day {
                granularity = DatePrecision::Week;
                interval.and_then(|(a, b)| {
                    Some((a.checked_sub_signed(chrono::Duration::days(3))?, b.checked_add_signed(chrono::Duration::days(3))?))
                })
            } else {
                interval
            };
            let precision = if interval.is_some() { granularity } else { DatePrecision::Unknown };
            let is_ref = r.value.ends_with("_REF");
            let broad = matches!(r.gran, Some(cal::Gran::Decade | cal::Gran::Century));
            // A measure counted from another time ("two days later") dates what it tells.
            let counted = matches!(r.anchor, Anchor::Event { .. }) || (r.counted && r.interval.is_some());
            let dated_kind = matches!(r.kind, TimexType::Date | TimexType::Time) || counted;
            // "Published Monday, Oct. 10, 2016", "Updated: 5:17 pm": the page's own date.
            let stamp = page_stamp(&toks, c.s);
            let datable = dated_kind && !is_ref && !r.future && !r.assumed_day && !broad && !stamp && r.gran.is_some();
            let event_span = match &c.sem {
                sem::Sem::Relative { event: Some((a, b)), .. } => Some(Span::new(toks[*a].start, toks[*b - 1].end)),
                _ => None,
            };
            // A date counted from another one is no reference time of its own: "a year earlier"
            // and then "the latest quarter" both count from the quarter the report is about. One
            // that names the same time again ("the quarter" after "the third quarter of 2022")
            // makes it the latest mention again.
            let names_again = r
                .reference
                .and_then(|i| out.get(i))
                .is_some_and(|t: &Timex| (t.earliest, t.latest) == (interval.map(|iv| iv.0), interval.map(|iv| iv.1)));
            if let Some(p) = r.period
                && !r.assumed_day
                && (r.reference.is_none() || names_again)
                && !r.lookback
                && matches!(r.kind, TimexType::Date | TimexType::Time)
            {
                refs.push(sem::Mention { period: p, anchor: r.anchor, id: out.len() });
            }
            if r.kind == TimexType::Duration && r.gran.is_none() && is_long_measure(&r.value) {
                refs.push_measure(out.len());
            }
            let reference = r.reference.and_then(|i| out.get(i)).map(|t: &Timex| t.span);
            out.push(Timex {
                span,
                kind: r.kind,
                value: r.value,
                earliest: interval.map(|iv| iv.0),
                latest: interval.map(|iv| iv.1),
                precision,
                anchor: r.anchor,
                extractor: ExtractorId::new(c.rule),
                granularity,
                modifier,
                datable,
                future: r.future,
                offset: r.offset,
                event_span,
                of_statement: tense::after_saying(&toks, c.s, c.e),
                reference,
                day_assumed: r.assumed_day
                    && r.reference.is_none()
                    && r.kind == TimexType::Time
                    && matches!(r.anchor, Anchor::Publication)
                    && !r.future
                    && !stamp
                    && interval.is_some()
                    // a bare "2:17" is as often a length (a video's, a race's) as a time of day
                    && text[span.start..span.end].chars().any(char::is_alphabetic),
            });
        }
    }
    out
}

/// The expression starting at token `s` follows "Published", "Updated", "Posted", "Created" (with an
/// optional ":", "at" or "on"): a stamp of the page, which dates no event.
fn page_stamp(toks: &[lex::Tok<'_>], s: usize) -> bool {
    let mut j = s;
    for _ in 0..2 {
        if j == 0 {
            return false;
        }
        let t = &toks[j - 1];
        if (t.kind == lex::Kind::Punct && t.ch == ':') || (t.kind == lex::Kind::Word && matches!(t.key, "at" | "on")) {
            j -= 1;
        } else {
            break;
        }
    }
    j > 0 && toks[j - 1].kind == lex::Kind::Word && matches!(toks[j - 1].key, "published" | "updated" | "posted" | "modified" | "created")
}

/// A TIMEX3 duration of whole months, quarters or years ("P9M", "P1Y").
fn is_long_measure(v: &str) -> bool {
    v.strip_prefix('P')
        .and_then(|r| r.strip_suffix(['M', 'Q', 'Y']))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The time expression that dates an event told by `sentences` (spans of the text given to
/// [`tag`]): among the [`Timex::datable`] expressions inside them, the most precise (by
/// [`Timex::granularity`]: day, week, month, year, unknown), then one that does not date a
/// statement ([`Timex::of_statement`]: "a man was shot Wednesday night, police said
/// Thursday"), then the first in the text. `None` when they hold none.
pub fn event_date<'a>(timexes: &'a [Timex], sentences: &[Span]) -> Option<&'a Timex> {
    timexes
        .iter()
        .filter(|t| t.datable && sentences.iter().any(|s| s.contains(&t.span)))
        .min_by_key(|t| (precision_rank(t.granularity), t.of_statement, t.span.start))
}

/// How far into a text [`written_on`] looks for the page's own stamp or dateline (bytes).
const HEAD_BYTES: usize = 400;

/// The day a page says it was first written: the earliest full date (day, month and year) in
/// its first few hundred bytes that is a stamp of the page ("Posted: Saturday, March 2, 2013",
/// "Created: 08/26/2015", "Published Aug. 3, 2015", "Updated: ...") or the date of a dateline
/// in parentheses ("RIVERTON, Ga. (June 2, 2015): Police said ..."). A caption's own stamp in
/// parentheses ("(Published Monday, June 1, 2015)", a video's) is not the page's. `None` when
/// the head holds none. A caller whose publication date comes later (a crawl date, the last
/// update) resolves the text's relative expressions ("early Sunday") against this day: they
/// were written then. `published` reads ambiguous numeric dates ("04/11/2019": the reading
/// nearer it), as [`tag`] does, together with the order the whole text shows.
pub fn written_on(text: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let opts = Options { published, numeric_order: numeric_order_hint(text).unwrap_or_default() };
    tag_with(head, &opts)
        .into_iter()
        .filter(|t| t.anchor == Anchor::Absolute && t.granularity == DatePrecision::Day && t.earliest.is_some() && t.earliest == t.latest)
        .filter(|t| stamp_label(&head[..t.span.start]) || dateline_date(&head[..t.span.start], &head[t.span.end..]))
        .filter_map(|t| t.earliest)
        .min()
}

/// `before` (the text up to a date) ends with a page stamp's label: "Posted:", "Created",
/// "Published on", not inside a parenthesis ("(Published Monday, ...": a caption's).
fn stamp_label(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix(':').unwrap_or(b).trim_end();
    let lower = b.to_ascii_lowercase();
    let b = lower.strip_suffix(" on").or_else(|| lower.strip_suffix(" at")).unwrap_or(&lower).trim_end();
    let b = b.strip_suffix(':').unwrap_or(b).trim_end();
    ["posted", "created", "published", "updated", "modified"].iter().any(|w| {
        b.strip_suffix(w).is_some_and(|rest| {
            let prev = rest.trim_end_matches(' ').chars().next_back();
            rest.chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric()) && prev != Some('(')
        })
    })
}

/// A date in parentheses right after the dateline's place, the parenthesis closed by a colon
/// or a dash: "RIVERTON, Ga. (June 2, 2015): ...", "RIVERTON (June 2, 2015) - ...".
fn dateline_date(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let Some(place) = b.strip_suffix('(') else { return false };
    let place = place.trim();
    let a = after.trim_start();
    let Some(rest) = a.strip_prefix(')') else { return false };
    let rest = rest.trim_start();
    // the dateline opens the text (after a line or two of furniture at most)
    let line = place.rsplit('\n').next().unwrap_or(place).trim();
    !line.is_empty()
        && line.len() <= 60
        && line.chars().next().is_some_and(char::is_uppercase)
        && (rest.starts_with(':') || rest.starts_with('-') || rest.starts_with('\u{2014}') || rest.starts_with('\u{2013}'))
}

/// The numeric date order a whole text shows: `Some` when its unambiguous numeric dates
/// (a day over 12) all agree. Callers may pass it in [`Options::numeric_order`].
pub fn numeric_order_hint(text: &str) -> Option<NumericOrder> {
    let b = text.as_bytes();
    let (mut day_first, mut month_first) = (false, false);
    let mut i = 0;
    let read = |i: &mut usize| -> Option<u32> {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == s || *i - s > 4 { None } else { std::str::from_utf8(&b[s..*i]).ok()?.parse().ok() }
    };
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let start = i;
            let a = read(&mut i);
            if let Some(a) = a
                && i - start <= 2
                && i < b.len()
                && b[i] == b'/'
            {
                i += 1;
                let s2 = i;
                if let Some(m) = read(&mut i)
                    && i - s2 <= 2
                    && i < b.len()
                    && b[i] == b'/'
                {
                    if a > 12 && (1..=12).contains(&m) {
                        day_first = true;
                    } else if m > 12 && m <= 31 && (1..=12).contains(&a) {
                        month_first = true;
                    }
                }
            }
            continue;
        }
        i += 1;
    }
    match (day_first, month_first) {
        (true, false) => Some(NumericOrder::DayFirst),
        (false, true) => Some(NumericOrder::MonthFirst),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn values(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        tag(text, published.map(d)).into_iter().map(|t| (text[t.span.start..t.span.end].to_string(), t.value)).collect()
    }

    #[test]
    fn weekday_in_past_report() {
        let v = values("Gunmen killed seven soldiers in the assault on Thursday.", Some("2023-09-29"));
        assert_eq!(v, [("Thursday".to_string(), "2023-09-28".to_string())]);
    }

    #[test]
    fn unresolved_without_publication_date() {
        let t = tag("The assault on Thursday left seven dead; last month a convoy was hit.", None);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].value, "XXXX-WXX-4");
        assert_eq!(t[0].anchor, Anchor::Unresolved);
        assert_eq!(t[0].precision, DatePrecision::Unknown);
        assert_eq!(t[0].earliest, None);
        assert_eq!(t[1].value, "XXXX-XX");
    }

    #[test]
    fn a_clock_time_alone_takes_the_publication_day_but_dates_nothing() {
        let text = "Updated 6:40 p.m.\nA man was shot at about 3 p.m. near the park. At 9 p.m. Friday a second man was hurt.";
        let t = tag(text, Some(d("2026-03-14")));
        let got: Vec<(&str, bool, bool)> = t.iter().map(|t| (&text[t.span.start..t.span.end], t.datable, t.day_assumed)).collect();
        // the page stamp is no clock time of anything; "at about 3 p.m." is the publication
        // day's (TIMEX3: the document creation time's day) but not said to be; "9 p.m. Friday" says its day
        assert!(got.iter().any(|&(s, datable, assumed)| s.contains("3 p.m.") && !datable && assumed), "{got:?}");
        assert!(got.iter().any(|&(s, datable, assumed)| s.contains("Friday") && datable && !assumed), "{got:?}");
        assert!(got.iter().filter(|&&(s, _, _)| s.contains("6:40")).all(|&(_, datable, assumed)| !datable && !assumed), "{got:?}");
        let three = t.iter().find(|t| text[t.span.start..t.span.end].contains("3 p.m.")).unwrap();
        assert_eq!((three.earliest, three.latest), (Some(d("2026-03-14")), Some(d("2026-03-14"))));
        // without a publication date there is no day to assume
        assert!(tag(text, None).iter().all(|t| !t.day_assumed));
        // a bare "2:17" before a headline is a video's length as often as a time of day
        assert!(tag("2:17 Video: a man was shot near the park.", Some(d("2026-03-14"))).iter().all(|t| !t.day_assumed));
    }

    #[test]
    fn event_relative_keeps_offset() {
        let text = "Four weeks prior to this incident, the same unit had been ambushed.";
        let t = tag(text, Some(d("2023-09-29")));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].anchor, Anchor::Event { offset_days: -28 });
        assert_eq!(&text[t[0].event_span.unwrap().start..t[0].event_span.unwrap().end], "this incident");
        let (a, b, p) = t[0].resolve_from(d("2023-09-28"), d("2023-09-28"), DatePrecision::Day).unwrap();
        assert_eq!((a, b, p), (d("2023-08-31"), d("2023-08-31"), DatePrecision::Day));
    }

    #[test]
    fn event_date_prefers_precise_datable() {
        let text = "A three-day national mourning was declared.\nThe attack on Thursday came a year after the coup in July 2022.";
        let t = tag(text, Some(d("2023-09-29")));
        let sents: Vec<Span> = sitrep_text::sentences(text).into_iter().map(|s| s.span).collect();
        assert!(event_date(&t, &sents[..1]).is_none());
        let e = event_date(&t, &sents[1..]).unwrap();
        assert_eq!(e.value, "2023-09-28");
    }

    #[test]
    fn event_date_prefers_the_event_to_the_statement() {
        let text = "Police said Thursday that a man was shot Wednesday night.";
        let t = tag(text, Some(d("2023-09-29")));
        let e = event_date(&t, &[Span::new(0, text.len())]).unwrap();
        assert_eq!(&text[e.span.start..e.span.end], "Wednesday night");
        assert!(t[0].of_statement && !t[1].of_statement);
    }

    #[test]
    fn reference_time_from_an_earlier_sentence() {
        let text = "Gunmen raided the camp on 3 May 2021.\nThe next day, the army returned.\nIn 2019 it was calm. The next day is unknown.";
        let t = tag(text, Some(d("2023-09-29")));
        assert_eq!(t[1].value, "2021-05-04");
        assert_eq!(t[1].reference, Some(t[0].span));
        assert_eq!(t[1].anchor, Anchor::Absolute);
        // a year is too coarse for "the next day": it stays relative to an event
        assert_eq!(t[3].value, "XXXX-XX-XX");
        assert_eq!(t[3].reference, None);
    }

    #[test]
    fn written_on_reads_the_page_s_own_stamp_or_dateline() {
        // a stamp of the page: the earliest one ("Posted" before "Updated")
        let t = "Two hurt in shooting at a gas station Posted: Sunday, May 3, 2020 9:12 AM EDT Updated: Tuesday, May 19, 2020 \
                 4:40 PM EDT\n\nTwo men were hurt when someone fired at them early Sunday.";
        assert_eq!(written_on(t, Some(d("2020-05-20"))), Some(d("2020-05-03")));
        assert_eq!(
            written_on("Created: 04/11/2019 6:02 AM\n\nA man was shot on Elm Street on Wednesday.", Some(d("2019-04-20"))),
            Some(d("2019-04-11"))
        );
        assert_eq!(written_on("Published on March 9, 2021\n\nA woman was shot Monday.", None), Some(d("2021-03-09")));
        // a dateline in parentheses
        assert_eq!(
            written_on("RIVERTON, Ga. (June 2, 2015): An argument ended in gunfire early this morning.", None),
            Some(d("2015-06-02"))
        );
        assert_eq!(written_on("RIVERTON (June 2, 2015) - An argument ended in gunfire.", None), Some(d("2015-06-02")));
        // a caption's own stamp, a date of the story, a stamp without a year: not the page's
        assert_eq!(written_on("The scene on Elm Street. (Published Monday, June 1, 2015)\n\nA man was shot.", None), None);
        assert_eq!(written_on("On June 2, 2015, a man was shot on Elm Street.", None), None);
        assert_eq!(written_on("A man was shot (June 2, 2015) on Elm Street.", None), None);
        assert_eq!(written_on("Posted: Monday, 9:12 AM\n\nA man was shot.", None), None);
        // only the head is read
        let late = format!("{}Posted: May 3, 2020", "A man was shot on Elm Street. ".repeat(20));
        assert_eq!(written_on(&late, None), None);
    }

    #[test]
    fn page_stamps_date_no_event() {
        let t = tag("Published: Thursday, Sept. 28, 2023. Updated 10:39 a.m.", Some(d("2023-09-29")));
        assert_eq!(t[0].value, "2023-09-28");
        assert!(!t[0].datable);
    }

    #[test]
    fn ambiguous_numeric_date_nearest_publication() {
        assert_eq!(values("Update 8/2/16: two men were arrested.", Some("2016-08-02")), [("8/2/16".into(), "2016-08-02".into())]);
        assert_eq!(values("Le 8/2/16, deux hommes ont été arrêtés.", None), [("8/2/16".into(), "2016-02-08".into())]);
        let opts = Options { published: None, numeric_order: NumericOrder::MonthFirst };
        assert_eq!(tag_with("Filed 8/2/16.", &opts)[0].value, "2016-08-02");
    }

    #[test]
    fn numbers_that_are_not_years() {
        for s in [
            "Call Crime Stoppers at 554-1111 with tips.",
            "The unit lost 1,990 rifles.",
            "About 2000 people fled the fighting.",
            "It cost $1995.",
        ] {
            assert!(tag(s, Some(d("2016-08-02"))).is_empty(), "{s}");
        }
    }

    #[test]
    fn numeric_hint() {
        assert_eq!(numeric_order_hint("on 09/28/2023 and 10/02/2023"), Some(NumericOrder::MonthFirst));
        assert_eq!(numeric_order_hint("le 28/09/2023"), Some(NumericOrder::DayFirst));
        assert_eq!(numeric_order_hint("04/05/2023"), None);
    }
}
