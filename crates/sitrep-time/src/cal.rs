//! Calendar arithmetic: periods (a day, an ISO week, a month, a quarter...), their TIMEX3
//! values and their first and last days.

use crate::lex::{Season, Unit};
use chrono::{Datelike, Duration, NaiveDate};
use sitrep_model::taxonomy::DatePrecision;

/// The size of a calendar period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gran {
    Day,
    Week,
    Weekend,
    Month,
    Season(Season),
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Gran {
    /// Rank from fine (0) to coarse.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Gran::Day => 0,
            Gran::Weekend | Gran::Week => 1,
            Gran::Month => 2,
            Gran::Season(_) | Gran::Quarter => 3,
            Gran::Half => 4,
            Gran::Year => 5,
            Gran::Decade => 6,
            Gran::Century => 7,
        }
    }
    /// The contract's precision: the finest precision the period does not exceed.
    pub(crate) fn precision(self) -> DatePrecision {
        match self {
            Gran::Day => DatePrecision::Day,
            Gran::Week | Gran::Weekend => DatePrecision::Week,
            Gran::Month => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }
    /// The period a unit of time counts in.
    pub(crate) fn of_unit(u: Unit) -> Gran {
        match u {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
            Unit::Week | Unit::Fortnight => Gran::Week,
            Unit::Month => Gran::Month,
            Unit::Quarter => Gran::Quarter,
            Unit::Year => Gran::Year,
            Unit::Decade => Gran::Decade,
            Unit::Century => Gran::Century,
        }
    }
}

/// A calendar period: its granularity and a day inside it (normalised to its first day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub gran: Gran,
    pub day: NaiveDate,
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Days in month `m` of year `y`.
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    match (ymd(ny, nm, 1), ymd(y, m, 1)) {
        (Some(a), Some(b)) => (a - b).num_days() as u32,
        _ => 31,
    }
}

/// `d` moved by `n` months, the day clamped to the month's length.
pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let idx = i64::from(d.year()) * 12 + i64::from(d.month0()) + n;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    let m = idx.rem_euclid(12) as u32 + 1;
    if !(-9999..=9999).contains(&y) {
        return None;
    }
    ymd(y, m, d.day().min(days_in_month(y, m)))
}

/// `d` moved by `n` units.
pub(crate) fn add_units(d: NaiveDate, n: i64, u: Unit) -> Option<NaiveDate> {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Fortnight => d.checked_add_signed(Duration::try_days(n.checked_mul(14)?)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
    }
}

impl Period {
    /// The period of granularity `gran` containing `day`.
    pub(crate) fn containing(gran: Gran, day: NaiveDate) -> Option<Period> {
        let y = day.year();
        let start = match gran {
            Gran::Day => day,
            Gran::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Gran::Weekend => {
                let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                monday + Duration::days(5)
            }
            Gran::Month => ymd(y, day.month(), 1)?,
            Gran::Season(s) => {
                // Winter starts in December: January and February belong to the previous one.
                let first = s.first_month();
                if s == Season::Winter && day.month() < 3 { ymd(y - 1, 12, 1)? } else { ymd(y, first, 1)? }
            }
            Gran::Quarter => ymd(y, (day.month0() / 3) * 3 + 1, 1)?,
            Gran::Half => ymd(y, (day.month0() / 6) * 6 + 1, 1)?,
            Gran::Year => ymd(y, 1, 1)?,
            Gran::Decade => ymd(y.div_euclid(10) * 10, 1, 1)?,
            Gran::Century => ymd(y.div_euclid(100) * 100, 1, 1)?,
        };
        Some(Period { gran, day: start })
    }

    /// First and last day.
    pub(crate) fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        let d = self.day;
        let last = match self.gran {
            Gran::Day => d,
            Gran::Week => d + Duration::days(6),
            Gran::Weekend => d + Duration::days(1),
            Gran::Month => add_months(d, 1)?.pred_opt()?,
            Gran::Season(_) | Gran::Quarter => add_months(d, 3)?.pred_opt()?,
            Gran::Half => add_months(d, 6)?.pred_opt()?,
            Gran::Year => add_months(d, 12)?.pred_opt()?,
            Gran::Decade => add_months(d, 120)?.pred_opt()?,
            Gran::Century => add_months(d, 1200)?.pred_opt()?,
        };
        Some((d, last))
    }

    /// The period `n` units away, at the same granularity.
    pub(crate) fn shift(&self, n: i64, u: Unit) -> Option<Period> {
        let moved = add_units(self.day, n, u)?;
        Period::containing(self.gran, moved)
    }

    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        let d = self.day;
        let y = d.year();
        match self.gran {
            Gran::Day => format!("{:04}-{:02}-{:02}", y, d.month(), d.day()),
            Gran::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Gran::Weekend => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Gran::Month => format!("{:04}-{:02}", y, d.month()),
            Gran::Season(s) => format!("{:04}-{}", y, s.code()),
            Gran::Quarter => format!("{:04}-Q{}", y, d.month0() / 3 + 1),
            Gran::Half => format!("{:04}-H{}", y, d.month0() / 6 + 1),
            Gran::Year => format!("{y:04}"),
            Gran::Decade => format!("{:03}", y.div_euclid(10)),
            Gran::Century => format!("{:02}", y.div_euclid(100)),
        }
    }
}

/// The `dow` (1 = Monday) on or before `d` (`strict`: before).
pub(crate) fn weekday_before(d: NaiveDate, dow: u32, strict: bool) -> NaiveDate {
    let cur = d.weekday().number_from_monday();
    let mut back = (cur + 7 - dow) % 7;
    if back == 0 && strict {
        back = 7;
    }
    d - Duration::days(i64::from(back))
}

/// The `dow` on or after `d` (`strict`: after).
pub(crate) fn weekday_after(d: NaiveDate, dow: u32, strict: bool) -> NaiveDate {
    let cur = d.weekday().number_from_monday();
    let mut fwd = (dow + 7 - cur) % 7;
    if fwd == 0 && strict {
        fwd = 7;
    }
    d + Duration::days(i64::from(fwd))
}

/// Easter Sunday (Gregorian computus).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// The `n`th `dow` of month `m` of year `y` (US Thanksgiving: 4th Thursday of November).
pub(crate) fn nth_weekday(y: i32, m: u32, dow: u32, n: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let d = weekday_after(first, dow, false);
    d.checked_add_signed(Duration::days(7 * i64::from(n - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        ymd(y, m, dd).unwrap()
    }

    #[test]
    fn values() {
        let day = d(2023, 9, 28);
        assert_eq!(Period::containing(Gran::Week, day).unwrap().value(), "2023-W39");
        assert_eq!(Period::containing(Gran::Weekend, day).unwrap().value(), "2023-W39-WE");
        assert_eq!(Period::containing(Gran::Quarter, day).unwrap().value(), "2023-Q3");
        assert_eq!(Period::containing(Gran::Half, day).unwrap().value(), "2023-H2");
        assert_eq!(Period::containing(Gran::Decade, day).unwrap().value(), "202");
        assert_eq!(Period::containing(Gran::Century, day).unwrap().value(), "20");
        assert_eq!(Period::containing(Gran::Season(Season::Winter), d(2024, 1, 5)).unwrap().value(), "2023-WI");
    }

    #[test]
    fn intervals() {
        let p = Period::containing(Gran::Month, d(2024, 2, 10)).unwrap();
        assert_eq!(p.interval().unwrap(), (d(2024, 2, 1), d(2024, 2, 29)));
        let w = Period::containing(Gran::Week, d(2023, 9, 28)).unwrap();
        assert_eq!(w.interval().unwrap(), (d(2023, 9, 25), d(2023, 10, 1)));
    }

    #[test]
    fn weekdays_and_holidays() {
        // 2023-09-29 is a Friday.
        assert_eq!(weekday_before(d(2023, 9, 29), 4, false), d(2023, 9, 28));
        assert_eq!(weekday_before(d(2023, 9, 29), 5, false), d(2023, 9, 29));
        assert_eq!(weekday_before(d(2023, 9, 29), 5, true), d(2023, 9, 22));
        assert_eq!(weekday_after(d(2023, 9, 29), 1, false), d(2023, 10, 2));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(nth_weekday(1999, 11, 4, 4), Some(d(1999, 11, 25)));
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
    }
}
