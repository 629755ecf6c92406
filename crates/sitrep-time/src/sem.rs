//! What an expression means before it is resolved, and its resolution against the
//! publication date, the reference time (a date mentioned earlier in the text), or nothing.

use crate::cal::{Gran, Period, add_units, easter, nth_weekday, weekday_after, weekday_before, ymd};
use crate::grammar::PosMod;
use crate::lex::{Pod, Season, Unit};
use crate::{Anchor, Offset, TimeUnit, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

/// Which occurrence of a weekday, month or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Decided by the tense of the sentence (past by default for weekdays).
    Auto,
    /// "last Friday": strictly before the anchor.
    Last,
    /// "next Friday": strictly after.
    Next,
    /// "this Friday", "this summer": the one of the current week / year.
    This,
    /// On or before the anchor whatever the tense ("Wednesday's ruling").
    Recent,
}

/// Tense of the words around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// The year of a part of a year ("the third quarter of 1990", "July last year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    Explicit(i32),
    /// Years from the anchor's year.
    Rel(i64),
    /// Not said: the anchor's year, or the nearest one the tense allows.
    Auto,
}

/// A part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(u32),
    Half(u32),
    Season(Season),
    Month(u32),
}

/// A calendar date as written; the year may be missing ("Sept. 28"), the day too ("September").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cal {
    pub y: Option<i32>,
    pub m: u32,
    pub d: Option<u32>,
}

/// How many: `None` when unspecified ("a few", "several").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Amount(pub Option<f64>);

/// PRESENT_REF, PAST_REF, FUTURE_REF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Present,
    Past,
    Future,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tod {
    Clock(u32, u32),
    Pod(Pod),
    Midnight,
}

/// Fixed and computed holidays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    Christmas,
    ChristmasEve,
    NewYear,
    NewYearsEve,
    Easter,
    Thanksgiving,
    Halloween,
    Valentine,
    /// United States: the Tuesday after the first Monday of November.
    ElectionDay,
}

impl Holiday {
    fn date(self, y: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Christmas => ymd(y, 12, 25),
            Holiday::ChristmasEve => ymd(y, 12, 24),
            Holiday::NewYear => ymd(y, 1, 1),
            Holiday::NewYearsEve => ymd(y, 12, 31),
            Holiday::Easter => easter(y),
            Holiday::Thanksgiving => nth_weekday(y, 11, 4, 4),
            Holiday::Halloween => ymd(y, 10, 31),
            Holiday::Valentine => ymd(y, 2, 14),
            Holiday::ElectionDay => nth_weekday(y, 11, 1, 1)?.checked_add_signed(Duration::days(1)),
        }
    }
}

/// The meaning of one expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    Cal(Cal),
    /// "March 26-27", "30 March - 2 April 2019".
    Range(Cal, Cal),
    Year(i32),
    /// "1990s" (century 19, decade 9); "the nineties" has no century.
    Decade {
        century: Option<i32>,
        decade: i32,
    },
    /// Value prefix: 19 for the 20th century.
    Century(i32),
    /// "the week of March 6": the week containing a day.
    WeekOf(Box<Sem>),
    Part {
        year: YearRef,
        part: Part,
    },
    /// "last March", "this summer".
    PartRel {
        part: Part,
        dir: Dir,
    },
    Weekday {
        dow: u32,
        dir: Dir,
        /// "the previous Friday": counted from the reference time when it is a day.
        anaphoric: bool,
    },
    Weekend {
        dir: Dir,
    },
    /// Days from the anchor: today 0, yesterday -1.
    Day(i64),
    /// This (0) / last (-1) / next (1) week, month, quarter, year, decade, century.
    Unit {
        unit: Unit,
        n: i64,
    },
    /// "the quarter", "the latest quarter": the quarter the text is about, else the last
    /// complete one (`years_back` earlier).
    LatestQuarter {
        years_back: i64,
        /// "the 1988 quarter": that quarter of this year.
        year: Option<i32>,
        /// "the quarter" (not "the latest quarter"): the last quarter the text named, if any.
        named: bool,
        /// "the quarter ended Sept. 30": the three months up to that day.
        ended: Option<Cal>,
    },
    /// "the year-earlier period", "the 1988 period": the quarter or half the report is about,
    /// in that year (years from the reported one for `Rel`); a year when none was named.
    Reported {
        year: YearRef,
    },
    /// "two days ago" (sign -1), "two weeks from now" (+1).
    Ago {
        amt: Amount,
        unit: Unit,
        sign: i64,
    },
    Ref(RefKind),
    Duration {
        amt: Amount,
        unit: Unit,
    },
    Set(String),
    /// "a day after the attack", "two weeks later", "the previous month": an offset from
    /// another time: `base` when the expression names it, else the sentence's reference date,
    /// else the event the text is about (unresolved) or, with `dct_fallback`, the anchor.
    Relative {
        amt: Amount,
        unit: Unit,
        sign: i64,
        base: Option<Box<Sem>>,
        event: Option<(usize, usize)>,
        dct_fallback: bool,
        /// Counts from an event the text tells ("two days after he was arrested").
        from_event: bool,
        /// The text states the offset as a measure ("two days later", not "the next day").
        measured: bool,
    },
    Holiday {
        h: Holiday,
        year: YearRef,
        dir: Dir,
    },
    /// A time of day, on `day` when the text says which.
    Time {
        day: Option<Box<Sem>>,
        tod: Tod,
    },
}

/// A date the text mentioned before the expression being resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub period: Period,
    pub anchor: Anchor,
    /// Its index among the expressions of the text (later mentions have larger ones).
    pub id: usize,
}

/// The reference times: the latest date mentioned so far at each granularity (TimeML's
/// reference time, as the annotators and HeidelTime use it for anaphoric expressions).
#[derive(Clone, Debug, Default)]
pub(crate) struct Refs {
    by_rank: [Option<Mention>; 8],
    /// The id of the latest measure of months or more ("the nine months"): a reporting period
    /// named after the last quarter.
    measure: Option<usize>,
}

impl Refs {
    pub(crate) fn push(&mut self, m: Mention) {
        self.by_rank[usize::from(m.period.gran.rank())] = Some(m);
    }
    pub(crate) fn push_measure(&mut self, id: usize) {
        self.measure = Some(id);
    }
    /// The latest mention of exactly this granularity.
    pub(crate) fn at(&self, g: Gran) -> Option<Mention> {
        self.by_rank[usize::from(g.rank())].filter(|m| m.period.gran == g)
    }
    /// The period the text reports on: the latest quarter or half mentioned, unless a month or
    /// a longer period, or a measure of months ("the nine months"), was named since (a day,
    /// such as the one the quarter ended on, does not change it).
    pub(crate) fn reporting(&self) -> Option<Mention> {
        let q = [Gran::Quarter, Gran::Half].into_iter().filter_map(|g| self.at(g)).max_by_key(|m| m.id)?;
        let later_coarse =
            self.by_rank[usize::from(Gran::Month.rank())..].iter().flatten().any(|m| m.id > q.id && m.period.gran != q.period.gran);
        (!later_coarse && self.measure.is_none_or(|x| x < q.id)).then_some(q)
    }
    /// The latest mention of any granularity.
    pub(crate) fn latest(&self) -> Option<Mention> {
        self.by_rank.iter().flatten().max_by_key(|m| m.id).copied()
    }
}

/// Everything known when resolving one expression.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'r> {
    pub dct: Option<NaiveDate>,
    pub tense: Tense,
    /// The dates mentioned before this expression.
    pub refs: &'r Refs,
    /// The expression carries "about", "nearly"...: offsets are not exact.
    pub approx: bool,
}

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Res {
    pub kind: TimexType,
    pub value: String,
    pub interval: Option<(NaiveDate, NaiveDate)>,
    /// The granularity the expression denotes (known even when unresolved).
    pub gran: Option<Gran>,
    pub anchor: Anchor,
    /// The resolved period, usable as a reference by later expressions of the sentence.
    pub period: Option<Period>,
    pub future: bool,
    pub assumed_day: bool,
    pub offset: Option<Offset>,
    /// The mention ([`Mention::id`]) it was counted from.
    pub reference: Option<usize>,
    /// Counted back from the period the text is about ("the year-ago quarter"): no reference
    /// time of its own.
    pub lookback: bool,
    /// An offset counted from a known time (a date it names, the reference time or the
    /// publication date).
    pub counted: bool,
}

impl Res {
    fn fixed(kind: TimexType, value: String) -> Res {
        Res {
            kind,
            value,
            interval: None,
            gran: None,
            anchor: Anchor::Absolute,
            period: None,
            future: false,
            assumed_day: false,
            offset: None,
            reference: None,
            lookback: false,
            counted: false,
        }
    }
    fn period(p: Period, anchor: Anchor, dct: Option<NaiveDate>) -> Option<Res> {
        let interval = p.interval()?;
        Some(Res {
            kind: TimexType::Date,
            value: p.value(),
            interval: Some(interval),
            gran: Some(p.gran),
            anchor,
            period: Some(p),
            future: dct.is_some_and(|d| interval.0 > d),
            assumed_day: false,
            offset: None,
            reference: None,
            lookback: false,
            counted: false,
        })
    }
    fn unresolved(value: String, gran: Gran) -> Res {
        Res {
            kind: TimexType::Date,
            value,
            interval: None,
            gran: Some(gran),
            anchor: Anchor::Unresolved,
            period: None,
            future: false,
            assumed_day: false,
            offset: None,
            reference: None,
            lookback: false,
            counted: false,
        }
    }
}

/// The X-pattern TIMEX3 uses for an unknown period of this granularity.
fn x_value(g: Gran) -> String {
    match g {
        Gran::Day => "XXXX-XX-XX".into(),
        Gran::Week => "XXXX-WXX".into(),
        Gran::Weekend => "XXXX-WXX-WE".into(),
        Gran::Month => "XXXX-XX".into(),
        Gran::Season(s) => format!("XXXX-{}", s.code()),
        Gran::Quarter => "XXXX-QX".into(),
        Gran::Half => "XXXX-HX".into(),
        Gran::Year => "XXXX".into(),
        Gran::Decade => "XXX".into(),
        Gran::Century => "XX".into(),
    }
}

fn unit_code(u: Unit) -> (&'static str, bool, f64) {
    // (letter, is a time-part unit, multiplier into that letter)
    match u {
        Unit::Second => ("S", true, 1.0),
        Unit::Minute => ("M", true, 1.0),
        Unit::Hour => ("H", true, 1.0),
        Unit::Day => ("D", false, 1.0),
        Unit::Week => ("W", false, 1.0),
        Unit::Fortnight => ("W", false, 2.0),
        Unit::Month => ("M", false, 1.0),
        Unit::Quarter => ("Q", false, 1.0),
        Unit::Year => ("Y", false, 1.0),
        Unit::Decade => ("Y", false, 10.0),
        Unit::Century => ("Y", false, 100.0),
    }
}

/// TIMEX3 duration value: P3D, PT5H30M, P2Y6M, PXY.
pub(crate) fn duration_value(amt: Amount, u: Unit) -> String {
    let (letter, time, mult) = unit_code(u);
    let t = if time { "T" } else { "" };
    let Some(n) = amt.0 else {
        let l = match u {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            _ => letter,
        };
        return format!("P{t}X{l}");
    };
    let n = n * mult;
    if n.fract() == 0.0 {
        return format!("P{t}{}{letter}", n as i64);
    }
    // Fractions: split into the next smaller unit when it is whole.
    let (small, per) = match u {
        Unit::Year | Unit::Decade | Unit::Century => ("M", 12.0),
        Unit::Month => ("D", 30.0),
        Unit::Week | Unit::Fortnight => ("D", 7.0),
        Unit::Day => ("H", 24.0),
        Unit::Hour => ("M", 60.0),
        Unit::Minute => ("S", 60.0),
        _ => ("", 0.0),
    };
    let whole = n.trunc() as i64;
    let part = ((n.fract() * per) * 1000.0).round() / 1000.0;
    if per > 0.0 && part.fract() == 0.0 {
        let sep = if u == Unit::Day { "T" } else { "" };
        if whole == 0 {
            return format!("P{t}{sep}{}{small}", part as i64);
        }
        return format!("P{t}{whole}{letter}{sep}{}{small}", part as i64);
    }
    format!("P{t}{n}{letter}")
}

/// Whole units (and the unit) an amount moves by, for calendar arithmetic.
fn whole_units(amt: Amount, u: Unit) -> Option<(i64, Unit)> {
    let n = amt.0?;
    if n.fract() == 0.0 {
        return Some((n as i64, u));
    }
    match u {
        Unit::Year => Some(((n * 12.0).round() as i64, Unit::Month)),
        Unit::Month => Some(((n * 30.0).round() as i64, Unit::Day)),
        Unit::Week => Some(((n * 7.0).round() as i64, Unit::Day)),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Some((n.round() as i64, u)),
        _ => None,
    }
}

/// The public offset of `n` units.
fn to_offset(n: i64, u: Unit) -> Offset {
    let (amount, unit) = match u {
        Unit::Second => (n, TimeUnit::Second),
        Unit::Minute => (n, TimeUnit::Minute),
        Unit::Hour => (n, TimeUnit::Hour),
        Unit::Day => (n, TimeUnit::Day),
        Unit::Week => (n, TimeUnit::Week),
        Unit::Fortnight => (2 * n, TimeUnit::Week),
        Unit::Month => (n, TimeUnit::Month),
        Unit::Quarter => (n, TimeUnit::Quarter),
        Unit::Year => (n, TimeUnit::Year),
        Unit::Decade => (n, TimeUnit::Decade),
        Unit::Century => (n, TimeUnit::Century),
    };
    Offset { amount, unit }
}

/// Approximate days of an offset (for `Anchor::Event { offset_days }`).
pub(crate) fn offset_days(n: i64, u: Unit) -> i64 {
    n * match u {
        Unit::Second | Unit::Minute | Unit::Hour => 0,
        Unit::Day => 1,
        Unit::Week => 7,
        Unit::Fortnight => 14,
        Unit::Month => 30,
        Unit::Quarter => 91,
        Unit::Year => 365,
        Unit::Decade => 3652,
        Unit::Century => 36524,
    }
}

/// Extra distance (days) for a candidate the tense speaks against.
const AGAINST_TENSE: i64 = 240;

/// Picks the year of a year-less period: the candidate (previous, this or next year) nearest
/// the anchor, a candidate against the tense costing [`AGAINST_TENSE`] days more (60 for a
/// future one when the tense is unknown: news mostly tells the past).
fn pick_year(dct: NaiveDate, tense: Tense, make: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>) -> Option<i32> {
    let y = dct.year();
    let mut best: Option<(i64, i32)> = None;
    for cand in [y - 1, y, y + 1] {
        let Some((a, b)) = make(cand) else { continue };
        let cost = if a <= dct && dct <= b {
            0
        } else if b < dct {
            (dct - b).num_days() + if tense == Tense::Future { AGAINST_TENSE } else { 0 }
        } else {
            (a - dct).num_days()
                + match tense {
                    Tense::Past => AGAINST_TENSE,
                    Tense::Unknown => 60,
                    Tense::Future => 0,
                }
        };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, cand));
        }
    }
    best.map(|(_, y)| y)
}

fn cal_period(c: Cal, y: i32) -> Option<Period> {
    match c.d {
        Some(d) => Some(Period { gran: Gran::Day, day: ymd(y, c.m, d)? }),
        None => Some(Period { gran: Gran::Month, day: ymd(y, c.m, 1)? }),
    }
}

fn part_period(part: Part, y: i32) -> Option<Period> {
    match part {
        Part::Quarter(q) => Some(Period { gran: Gran::Quarter, day: ymd(y, (q - 1) * 3 + 1, 1)? }),
        Part::Half(h) => Some(Period { gran: Gran::Half, day: ymd(y, (h - 1) * 6 + 1, 1)? }),
        Part::Season(s) => Some(Period { gran: Gran::Season(s), day: ymd(y, s.first_month(), 1)? }),
        Part::Month(m) => Some(Period { gran: Gran::Month, day: ymd(y, m, 1)? }),
    }
}

fn part_gran(part: Part) -> Gran {
    match part {
        Part::Quarter(_) => Gran::Quarter,
        Part::Half(_) => Gran::Half,
        Part::Season(s) => Gran::Season(s),
        Part::Month(_) => Gran::Month,
    }
}

fn part_x(part: Part) -> String {
    match part {
        Part::Quarter(q) => format!("XXXX-Q{q}"),
        Part::Half(h) => format!("XXXX-H{h}"),
        Part::Season(s) => format!("XXXX-{}", s.code()),
        Part::Month(m) => format!("XXXX-{m:02}"),
    }
}

fn ago_gran(u: Unit) -> Gran {
    match u {
        Unit::Decade | Unit::Century => Gran::Year,
        u => Gran::of_unit(u),
    }
}

/// Resolves `sem` in `ctx`; `None` when it names no real date (a 31 February).
pub(crate) fn resolve(sem: &Sem, ctx: &Ctx) -> Option<Res> {
    let dct = ctx.dct;
    let pub_anchor = Anchor::Publication;
    match sem {
        Sem::Cal(c) => {
            if let Some(y) = c.y {
                return Res::period(cal_period(*c, y)?, Anchor::Absolute, dct);
            }
            let Some(d) = dct else {
                // Still check the date can exist in some year.
                cal_period(*c, 2000)?;
                let v = match c.d {
                    Some(day) => format!("XXXX-{:02}-{:02}", c.m, day),
                    None => format!("XXXX-{:02}", c.m),
                };
                return Some(Res::unresolved(v, if c.d.is_some() { Gran::Day } else { Gran::Month }));
            };
            let y = pick_year(d, ctx.tense, |y| cal_period(*c, y)?.interval())?;
            Res::period(cal_period(*c, y)?, pub_anchor, dct)
        }
        Sem::Range(a, b) => {
            let ra = resolve(&Sem::Cal(*a), ctx)?;
            let Some(pa) = ra.period else {
                let mut r = Res::unresolved(ra.value, Gran::Day);
                r.gran = Some(Gran::Week);
                return Some(r);
            };
            let ya = pa.day.year();
            let mut yb = b.y.unwrap_or(ya);
            let mut pb = cal_period(*b, yb)?;
            if pb.day < pa.day && b.y.is_none() {
                yb += 1;
                pb = cal_period(*b, yb)?;
            }
            let (first, _) = pa.interval()?;
            let (_, last) = pb.interval()?;
            if last < first {
                return None;
            }
            let days = (last - first).num_days() + 1;
            let gran = if days <= 1 {
                Gran::Day
            } else if days <= 7 {
                Gran::Week
            } else if first.year() == last.year() && first.month() == last.month() {
                Gran::Month
            } else {
                Gran::Year
            };
            Some(Res {
                kind: TimexType::Date,
                value: pa.value(),
                interval: Some((first, last)),
                gran: Some(gran),
                anchor: ra.anchor,
                period: Some(pa),
                future: dct.is_some_and(|d| first > d),
                assumed_day: false,
                offset: None,
                reference: None,
                lookback: false,
                counted: false,
            })
        }
        Sem::Year(y) => Res::period(Period { gran: Gran::Year, day: ymd(*y, 1, 1)? }, Anchor::Absolute, dct),
        Sem::Decade { century, decade } => {
            let (c, anchor) = match (century, dct) {
                (Some(c), _) => (*c, Anchor::Absolute),
                (None, Some(d)) => {
                    let c = d.year().div_euclid(100);
                    if c * 100 + decade * 10 > d.year() { (c - 1, pub_anchor) } else { (c, pub_anchor) }
                }
                (None, None) => return Some(Res::unresolved(format!("XX{decade}"), Gran::Decade)),
            };
            Res::period(Period { gran: Gran::Decade, day: ymd(c * 100 + decade * 10, 1, 1)? }, anchor, dct)
        }
        Sem::WeekOf(inner) => {
            let r = resolve(inner, ctx)?;
            match r.period {
                Some(p) => Res::period(Period::containing(Gran::Week, p.day)?, r.anchor, dct),
                None => Some(Res::unresolved("XXXX-WXX".into(), Gran::Week)),
            }
        }
        Sem::Century(c) => Res::period(Period { gran: Gran::Century, day: ymd(c * 100, 1, 1)? }, Anchor::Absolute, dct),
        Sem::Part { year, part } => {
            let (y, anchor) = match (year, dct) {
                (YearRef::Explicit(y), _) => (*y, Anchor::Absolute),
                (YearRef::Rel(n), Some(d)) => (d.year() + *n as i32, pub_anchor),
                (YearRef::Auto, Some(d)) => match part {
                    // The latest one begun ("the fourth quarter" in January is last year's):
                    // quarters are reported after they end, whatever the tense.
                    Part::Quarter(_) | Part::Half(_) => {
                        let (a, _) = part_period(*part, d.year())?.interval()?;
                        (if a > d { d.year() - 1 } else { d.year() }, pub_anchor)
                    }
                    _ => (pick_year(d, ctx.tense, |y| part_period(*part, y)?.interval())?, pub_anchor),
                },
                (_, None) => return Some(Res::unresolved(part_x(*part), part_gran(*part))),
            };
            Res::period(part_period(*part, y)?, anchor, dct)
        }
        Sem::PartRel { part, dir } => {
            let Some(d) = dct else { return Some(Res::unresolved(part_x(*part), part_gran(*part))) };
            let cur = match part {
                Part::Season(_) => {
                    let s = match d.month() {
                        3..=5 => Season::Spring,
                        6..=8 => Season::Summer,
                        9..=11 => Season::Fall,
                        _ => Season::Winter,
                    };
                    Period::containing(Gran::Season(s), d)?
                }
                _ => Period::containing(part_gran(*part), d)?,
            };
            let cands = [d.year() - 1, d.year(), d.year() + 1];
            let periods: Vec<Period> = cands.iter().filter_map(|&y| part_period(*part, y)).collect();
            let chosen = match dir {
                Dir::Last => periods.iter().rev().find(|p| p.day < cur.day).copied(),
                Dir::Next => periods.iter().find(|p| p.day > cur.day).copied(),
                Dir::This | Dir::Auto | Dir::Recent => {
                    // The one of the current year (winter: the one running or starting this year).
                    if let Part::Season(Season::Winter) = part
                        && d.month() < 3
                    {
                        part_period(*part, d.year() - 1)
                    } else {
                        part_period(*part, d.year())
                    }
                }
            };
            Res::period(chosen?, pub_anchor, dct)
        }
        Sem::Weekday { dow, dir, anaphoric } => {
            let mention = ctx.refs.latest().filter(|m| *anaphoric && m.period.gran == Gran::Day);
            if let Some(m) = mention {
                let day =
                    if *dir == Dir::Next { weekday_after(m.period.day, *dow, true) } else { weekday_before(m.period.day, *dow, true) };
                let mut r = Res::period(Period { gran: Gran::Day, day }, m.anchor, dct)?;
                r.reference = Some(m.id);
                return Some(r);
            }
            let Some(d) = dct else { return Some(Res::unresolved(format!("XXXX-WXX-{dow}"), Gran::Day)) };
            let day = match dir {
                Dir::Last => weekday_before(d, *dow, true),
                Dir::Next => weekday_after(d, *dow, true),
                Dir::Recent => weekday_before(d, *dow, false),
                Dir::This | Dir::Auto => {
                    if ctx.tense == Tense::Future {
                        weekday_after(d, *dow, false)
                    } else {
                        weekday_before(d, *dow, false)
                    }
                }
            };
            Res::period(Period { gran: Gran::Day, day }, pub_anchor, dct)
        }
        Sem::Weekend { dir } => {
            let Some(d) = dct else { return Some(Res::unresolved("XXXX-WXX-WE".into(), Gran::Weekend)) };
            let cur = Period::containing(Gran::Weekend, d)?;
            let in_weekend = d.weekday().number_from_monday() >= 6;
            let p = match dir {
                Dir::Last => cur.shift(-1, Unit::Week)?,
                Dir::Next => cur.shift(1, Unit::Week)?,
                Dir::This => cur,
                Dir::Auto | Dir::Recent => {
                    if in_weekend || ctx.tense == Tense::Future {
                        cur
                    } else {
                        cur.shift(-1, Unit::Week)?
                    }
                }
            };
            Res::period(p, pub_anchor, dct)
        }
        Sem::Day(n) => {
            let Some(d) = dct else { return Some(Res::unresolved("XXXX-XX-XX".into(), Gran::Day)) };
            Res::period(Period { gran: Gran::Day, day: d.checked_add_signed(Duration::try_days(*n)?)? }, pub_anchor, dct)
        }
        Sem::Unit { unit, n } => {
            let g = Gran::of_unit(*unit);
            let Some(d) = dct else { return Some(Res::unresolved(x_value(g), g)) };
            let p = Period::containing(g, d)?.shift(*n, *unit)?;
            Res::period(p, pub_anchor, dct)
        }
        Sem::LatestQuarter { years_back, year, named, ended } => {
            // The quarter ending on the day given (its middle month is 45 days before), else
            // the quarter the text is about when it named one ("the third quarter ... in the
            // quarter"), else the last complete one.
            let end = match ended {
                Some(c) => resolve(&Sem::Cal(*c), &Ctx { tense: Tense::Past, ..*ctx }).and_then(|r| Some((r.period?, r.anchor))),
                None => None,
            };
            let mention = if *named && end.is_none() { ctx.refs.at(Gran::Quarter) } else { None };
            let (base, anchor) = match (end, mention, dct) {
                (Some((p, a)), _, _) => (Period::containing(Gran::Quarter, p.day.checked_sub_signed(Duration::days(45))?)?, a),
                (None, Some(m), _) => (m.period, m.anchor),
                (None, None, Some(d)) => (Period::containing(Gran::Quarter, d)?.shift(-1, Unit::Quarter)?, pub_anchor),
                (None, None, None) => return Some(Res::unresolved("XXXX-QX".into(), Gran::Quarter)),
            };
            let mut p = base.shift(-*years_back, Unit::Year)?;
            if let Some(y) = year {
                p = p.shift(i64::from(*y - p.day.year()), Unit::Year)?;
            }
            let mut r = Res::period(p, anchor, dct)?;
            r.reference = mention.map(|m| m.id);
            r.lookback = *years_back != 0;
            Some(r)
        }
        Sem::Reported { year } => {
            if let Some(m) = ctx.refs.reporting() {
                let y = match year {
                    YearRef::Explicit(y) => *y,
                    YearRef::Rel(n) => m.period.day.year() + *n as i32,
                    YearRef::Auto => m.period.day.year(),
                };
                let mut r = Res::period(m.period.shift(i64::from(y - m.period.day.year()), Unit::Year)?, m.anchor, dct)?;
                r.reference = Some(m.id);
                r.lookback = true;
                return Some(r);
            }
            let (y, anchor) = match (year, dct) {
                (YearRef::Explicit(y), _) => (*y, Anchor::Absolute),
                (YearRef::Rel(n), Some(d)) => (d.year() + *n as i32, pub_anchor),
                (YearRef::Auto, Some(d)) => (d.year(), pub_anchor),
                (_, None) => return Some(Res::unresolved("XXXX".into(), Gran::Year)),
            };
            let mut r = Res::period(Period { gran: Gran::Year, day: ymd(y, 1, 1)? }, anchor, dct)?;
            r.lookback = !matches!(year, YearRef::Explicit(_));
            Some(r)
        }
        Sem::Ago { amt, unit, sign } => {
            let g = ago_gran(*unit);
            let Some((n, u)) = whole_units(*amt, *unit) else {
                let k = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(Res::fixed(TimexType::Date, k.into()));
            };
            // "profit rose from $5 million a year ago" after a quarter: the same quarter a year
            // before (the reporting convention).
            if let Some(m) = ctx.refs.reporting()
                && *sign < 0
                && u == Unit::Year
            {
                let mut r = Res::period(m.period.shift(-n, Unit::Year)?, m.anchor, dct)?;
                r.offset = Some(to_offset(-n, u));
                r.reference = Some(m.id);
                return Some(r);
            }
            let Some(d) = dct else { return Some(Res::unresolved(x_value(g), g)) };
            let day = add_units(d, sign * n, u)?;
            let mut r = Res::period(Period::containing(g, day)?, pub_anchor, dct)?;
            // "up from $5 million a year ago" compares; it does not move the story's time.
            r.lookback = u == Unit::Year && n == 1 && *sign < 0;
            Some(r)
        }
        Sem::Ref(k) => Some(Res::fixed(
            TimexType::Date,
            match k {
                RefKind::Present => "PRESENT_REF",
                RefKind::Past => "PAST_REF",
                RefKind::Future => "FUTURE_REF",
            }
            .into(),
        )),
        Sem::Duration { amt, unit } => Some(Res::fixed(TimexType::Duration, duration_value(*amt, *unit))),
        Sem::Set(v) => Some(Res::fixed(TimexType::Set, v.clone())),
        Sem::Relative { amt, unit, sign, base, event, dct_fallback, from_event, measured } => {
            let mut r = resolve_relative(*amt, *unit, *sign, base.as_deref(), event.is_some() || *from_event, *dct_fallback, ctx)?;
            // "two days later": TimeML marks the measure ("P2D") whether or not the reference
            // time is known (the interval, when resolved, and the offset keep the date); "a year
            // earlier", the comparison of reports, is marked as the date it names.
            let one_year = *unit == Unit::Year && amt.0 == Some(1.0);
            if *measured && (matches!(r.anchor, Anchor::Event { .. }) || (r.counted && !one_year)) {
                r.kind = TimexType::Duration;
                r.value = duration_value(*amt, *unit);
            }
            Some(r)
        }
        Sem::Holiday { h, year, dir } => {
            let (y, anchor) = match (year, dct) {
                (YearRef::Explicit(y), _) => (*y, Anchor::Absolute),
                (YearRef::Rel(n), Some(d)) => (d.year() + *n as i32, pub_anchor),
                (YearRef::Auto, Some(d)) => {
                    let t = match dir {
                        Dir::Last => Tense::Past,
                        Dir::Next => Tense::Future,
                        _ => ctx.tense,
                    };
                    let y = pick_year(d, t, |y| h.date(y).map(|x| (x, x)))?;
                    let y = match dir {
                        Dir::Last if h.date(y)? >= d => y - 1,
                        Dir::Next if h.date(y)? <= d => y + 1,
                        _ => y,
                    };
                    (y, pub_anchor)
                }
                (_, None) => return Some(Res::unresolved("XXXX-XX-XX".into(), Gran::Day)),
            };
            Res::period(Period { gran: Gran::Day, day: h.date(y)? }, anchor, dct)
        }
        Sem::Time { day, tod } => {
            let suffix = match tod {
                Tod::Clock(h, m) => format!("T{h:02}:{m:02}"),
                Tod::Pod(p) => format!("T{}", p.code()),
                Tod::Midnight => "T24:00".into(),
            };
            // "the night of 2-3 June": one night over two dates, known to the day.
            if let (Some(s), Tod::Pod(Pod::Night)) = (day.as_deref(), tod)
                && matches!(s, Sem::Range(..))
                && let Some(mut r) = resolve(s, ctx)
                && let Some((x, y)) = r.interval
                && (y - x).num_days() == 1
            {
                r.gran = Some(Gran::Day);
                return Some(r);
            }
            let (mut r, assumed) = match day {
                // "Thursday morning", "Sept. 28 night": TimeBank marks the day alone (a DATE) a
                // little more often than with its part of day (17 to 15 in TBAQ-cleaned);
                // relative days ("this morning", "last night") keep the part of day.
                Some(s) if matches!(tod, Tod::Pod(_)) && !matches!(**s, Sem::Day(_) | Sem::Relative { .. }) => {
                    return resolve(s, ctx);
                }
                Some(s) => (resolve(s, ctx)?, false),
                None => match (ctx.refs.latest(), dct) {
                    (Some(m), _) if m.period.gran == Gran::Day => {
                        let mut r = Res::period(m.period, m.anchor, dct)?;
                        r.reference = Some(m.id);
                        (r, true)
                    }
                    (_, Some(d)) => (Res::period(Period { gran: Gran::Day, day: d }, pub_anchor, dct)?, true),
                    (_, None) => (Res::unresolved("XXXX-XX-XX".into(), Gran::Day), true),
                },
            };
            if r.gran != Some(Gran::Day) && r.period.is_some() {
                // "the morning of the third quarter" is not a time: keep the date alone.
                return Some(r);
            }
            r.kind = TimexType::Time;
            r.value.push_str(&suffix);
            r.assumed_day = assumed;
            Some(r)
        }
    }
}

fn resolve_relative(
    amt: Amount,
    unit: Unit,
    sign: i64,
    base: Option<&Sem>,
    from_event: bool,
    dct_fallback: bool,
    ctx: &Ctx,
) -> Option<Res> {
    let unit_g = Gran::of_unit(unit);
    let Some((n, u)) = whole_units(amt, unit) else {
        return Some(Res::fixed(TimexType::Duration, duration_value(amt, unit)));
    };
    let exact = !ctx.approx && amt.0.is_some_and(|v| v.fract() == 0.0);
    let offset = to_offset(sign * n, u);
    let from = |p: Period, anchor: Anchor| -> Option<Res> {
        let moved = add_units(p.day, sign * n, u)?;
        // Never finer than the offset's unit ("the following year" after a day is a year), but
        // days and weeks count from a day, and whole years from a month or a quarter ("a year
        // earlier" than the third quarter is a third quarter).
        let keep = p.gran.rank() >= unit_g.rank()
            || (matches!(unit_g, Gran::Day | Gran::Week) && p.gran == Gran::Day && exact)
            || (unit_g == Gran::Year && exact && n != 0 && matches!(p.gran, Gran::Month | Gran::Quarter | Gran::Half | Gran::Season(_)));
        let g = if keep { p.gran } else { unit_g };
        let mut r = Res::period(Period::containing(g, moved)?, anchor, ctx.dct)?;
        r.offset = Some(offset);
        r.counted = true;
        Some(r)
    };
    if let Some(b) = base {
        let rb = resolve(b, ctx)?;
        return match rb.period {
            Some(p) => from(p, rb.anchor),
            None => {
                let mut r = Res::unresolved(x_value(unit_g), unit_g);
                r.offset = Some(offset);
                Some(r)
            }
        };
    }
    if !from_event && let Some(m) = ctx.refs.latest().filter(|m| m.period.gran.rank() <= unit_g.rank()) {
        // A quarter the text has moved on from (to "the nine months") counts as its year.
        let p = if matches!(m.period.gran, Gran::Quarter | Gran::Half) && ctx.refs.reporting().is_none() {
            Period::containing(Gran::Year, m.period.day)?
        } else {
            m.period
        };
        let mut r = from(p, m.anchor)?;
        r.reference = Some(m.id);
        return Some(r);
    }
    if dct_fallback && let Some(d) = ctx.dct {
        return from(Period::containing(unit_g, d)?, Anchor::Publication);
    }
    let mut r = Res::unresolved(x_value(unit_g), unit_g);
    r.anchor = Anchor::Event { offset_days: offset_days(sign * n, u) };
    r.offset = Some(offset);
    Some(r)
}

/// Narrows an interval for START / MID / END: a year's first, middle or last four months, a
/// month's days 1-10, 11-20 or 21 to the end, otherwise thirds; "earlier this week" ends at
/// the anchor, "later this year" starts there.
pub(crate) fn narrow(iv: (NaiveDate, NaiveDate), m: PosMod, gran: Option<Gran>, dct: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let (a, b) = iv;
    match m {
        PosMod::SoFar => {
            return match dct {
                Some(d) if a <= d && d <= b => (a, d),
                _ => (a, b),
            };
        }
        PosMod::Later => {
            return match dct {
                Some(d) if a <= d && d <= b => (d, b),
                _ => (a, b),
            };
        }
        _ => {}
    }
    let calendar = match gran {
        Some(Gran::Year) => {
            let y = a.year();
            let cut = |m1: u32, m2: u32| Some((ymd(y, m1, 1)?, add_units(ymd(y, m2, 1)?, 1, Unit::Month)?.pred_opt()?));
            match m {
                PosMod::Start => cut(1, 4),
                PosMod::Mid => cut(5, 8),
                _ => cut(9, 12),
            }
        }
        Some(Gran::Month) => {
            let (y, mo) = (a.year(), a.month());
            match m {
                PosMod::Start => Some((a, ymd(y, mo, 10).unwrap_or(b))),
                PosMod::Mid => ymd(y, mo, 11).zip(ymd(y, mo, 20)),
                _ => ymd(y, mo, 21).map(|x| (x, b)),
            }
        }
        _ => None,
    };
    if let Some(iv) = calendar {
        return iv;
    }
    let len = (b - a).num_days() + 1;
    let third = len / 3;
    if third < 1 {
        return (a, b);
    }
    match m {
        PosMod::Start => (a, a + Duration::days(third - 1)),
        PosMod::Mid => (a + Duration::days(third), b - Duration::days(third)),
        _ => (b - Duration::days(third - 1), b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_value(Amount(Some(3.0)), Unit::Day), "P3D");
        assert_eq!(duration_value(Amount(Some(5.5)), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Amount(Some(2.5)), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Amount(None), Unit::Year), "PXY");
        assert_eq!(duration_value(Amount(Some(2.0)), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Amount(Some(1.5)), Unit::Day), "P1DT12H");
        assert_eq!(duration_value(Amount(Some(0.5)), Unit::Hour), "PT30M");
    }

    #[test]
    fn year_choice_follows_tense() {
        let dct = ymd(2023, 9, 29).unwrap();
        let c = |m, d| move |y| cal_period(Cal { y: None, m, d: Some(d) }, y)?.interval();
        assert_eq!(pick_year(dct, Tense::Past, c(9, 28)), Some(2023));
        assert_eq!(pick_year(dct, Tense::Past, c(10, 2)), Some(2023));
        assert_eq!(pick_year(dct, Tense::Unknown, c(1, 5)), Some(2024));
        assert_eq!(pick_year(dct, Tense::Past, c(4, 15)), Some(2023));
        assert_eq!(pick_year(dct, Tense::Unknown, c(4, 15)), Some(2023));
        assert_eq!(pick_year(dct, Tense::Future, c(4, 15)), Some(2024));
    }
}
