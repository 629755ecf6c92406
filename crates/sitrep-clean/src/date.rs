//! Publication dates: metadata strings (ISO 8601, RFC 2822, "March 14, 2026") and datelines,
//! lines that hold nothing but a date and its trimmings ("date 2023-09-29", "Posted: Monday,
//! July 15, 2013 11:40 AM EST", "September, Friday 20, 2024", "29/09/2023").
//!
//! Numeric dates are read only when unambiguous (one part above 12, or both equal): no date is
//! invented.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

/// Words that may stand beside a date in a dateline (compared lowercased, trimmed of
/// punctuation).
const DATELINE_WORDS: &[&str] = &[
    "date",
    "dated",
    "posted",
    "published",
    "publié",
    "publie",
    "le",
    "updated",
    "update",
    "last",
    "modified",
    "mis",
    "à",
    "jour",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "et",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "wat",
    "cet",
    "cest",
    "bst",
    "ist",
    "z",
    "local",
    "time",
    "hrs",
    "h",
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "of",
    "the",
];

const MONTH_RE: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

struct Patterns {
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
    numeric: Regex,
    asctime: Regex,
    time: Regex,
    weekday: Regex,
}

static P: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    iso: Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b").unwrap(),
    month_first: Regex::new(&format!(
        r"(?i)\b({MONTH_RE})\.?,?\s+(?:(?:{WEEKDAYS})\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(\d{{4}})\b"
    ))
    .unwrap(),
    day_first: Regex::new(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b")).unwrap(),
    numeric: Regex::new(r"\b(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b").unwrap(),
    asctime: Regex::new(&format!(r"(?i)\b({MONTH_RE})\s+(\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+(?:[A-Z]{{2,4}}\s+)?(\d{{4}})\b"))
        .unwrap(),
    time: Regex::new(r"(?i)^\d{1,2}(?::\d{2}){1,2}(?:am|pm|h)?$|^\d{1,2}h\d{2}$|^\d{1,2}(?:am|pm)$").unwrap(),
    weekday: Regex::new(&format!(r"(?i)^(?:{WEEKDAYS})\.?$")).unwrap(),
});

fn month_number(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    let l = l.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == l).map(|(_, n)| *n)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d.parse().ok()?)
}

/// A date found in a text, with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// The day.
    pub date: NaiveDate,
    /// Where it is.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// Every full date (day, month and year) in `s`, in order, overlapping matches dropped.
pub fn find_dates(s: &str) -> Vec<DateMatch> {
    let p = &*P;
    let mut out: Vec<DateMatch> = Vec::new();
    let mut push = |start: usize, end: usize, date: Option<NaiveDate>| {
        if let Some(date) = date
            && !out.iter().any(|m| m.start < end && start < m.end)
        {
            out.push(DateMatch { date, start, end });
        }
    };
    for c in p.iso.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), c[2].parse().ok().and_then(|mo| ymd(&c[1], mo, &c[3])));
    }
    for c in p.asctime.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), month_number(&c[1]).and_then(|mo| ymd(&c[3], mo, &c[2])));
    }
    for c in p.month_first.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), month_number(&c[1]).and_then(|mo| ymd(&c[3], mo, &c[2])));
    }
    for c in p.day_first.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), month_number(&c[2]).and_then(|mo| ymd(&c[3], mo, &c[1])));
    }
    for c in p.numeric.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        let m = c.get(0).unwrap();
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        let date = match (a > 12, b > 12) {
            (true, false) => ymd(&c[5], b, &c[1]),
            (false, true) => ymd(&c[5], a, &c[3]),
            (false, false) if a == b => ymd(&c[5], a, &c[1]),
            _ => None,
        };
        push(m.start(), m.end(), date);
    }
    out.sort_by_key(|m| m.start);
    out
}

/// A publication date given as metadata: ISO 8601 / RFC 3339 ("2026-03-14",
/// "2026-03-14T10:00Z"), RFC 2822 ("Tue, 10 Mar 2026 08:00:00 +0000") or a written date.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    find_dates(s).first().map(|m| m.date)
}

/// How a dateline labels its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// A bare date, or one labelled posted/published.
    Published,
    /// Labelled updated/modified only: not a publication date.
    Updated,
}

/// When the whole of `line` is a dateline (a date with only labels, weekdays, times, time
/// zones and ad labels around it), its date and kind.
pub fn dateline(line: &str) -> Option<(NaiveDate, DateKind)> {
    let dates = find_dates(line);
    let first = dates.first()?;
    let mut rest = String::with_capacity(line.len());
    let mut pos = 0;
    for m in &dates {
        rest.push_str(&line[pos..m.start]);
        rest.push(' ');
        pos = m.end;
    }
    rest.push_str(&line[pos..]);
    let p = &*P;
    let mut updated_before_first = false;
    let before_first = line[..first.start].to_lowercase();
    if before_first.contains("updated") || before_first.contains("modified") || before_first.contains("mis à jour") {
        updated_before_first = true;
    }
    for tok in rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '(' | ')' | '[' | ']')) {
        let t = tok.trim_matches(|c: char| matches!(c, ':' | ';' | '-' | '–' | '—' | '/' | '.' | '"' | '\'' | '«' | '»'));
        if t.is_empty() {
            continue;
        }
        let lower = t.to_lowercase();
        if DATELINE_WORDS.contains(&lower.as_str()) || p.time.is_match(t) || p.weekday.is_match(t) {
            continue;
        }
        // Time-zone offsets and abbreviations ("+0000", "GMT+1").
        if lower.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit()) && lower.len() == 4
            || lower.starts_with("gmt") && lower.len() <= 6
        {
            continue;
        }
        return None;
    }
    // A line holding "Posted ... Updated ...": the first date; labelled updated only: Updated.
    let kind = if updated_before_first { DateKind::Updated } else { DateKind::Published };
    Some((first.date, kind))
}

/// Where a trailing "Posted: DATE" / "Updated: DATE" block starts in a line that begins
/// with other text (a headline with its dateline glued on), and the published date in it.
pub fn trailing_dateline(line: &str) -> Option<(usize, Option<NaiveDate>)> {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(posted|published|updated|last updated|publié le|mis à jour le)\b\s*(?:on\s*)?:?").unwrap());
    let m = LABEL.find_iter(line).find(|m| m.start() > 0)?;
    let tail = &line[m.start()..];
    let (date, kind) = dateline(tail)?;
    if line[..m.start()].trim().is_empty() {
        return None;
    }
    Some((m.start(), (kind == DateKind::Published).then_some(date)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn datelines_in_many_shapes() {
        assert_eq!(dateline(" date 2026-03-14 Advertisement"), Some((d("2026-03-14"), DateKind::Published)));
        assert_eq!(dateline("March, Saturday 14, 2026"), Some((d("2026-03-14"), DateKind::Published)));
        assert_eq!(dateline("Sept. 29, 2025"), Some((d("2025-09-29"), DateKind::Published)));
        assert_eq!(dateline("14/03/2026"), Some((d("2026-03-14"), DateKind::Published)));
        assert_eq!(dateline("2026-03-14T10:00Z"), Some((d("2026-03-14"), DateKind::Published)));
        assert_eq!(dateline("April 8, 2026 6:12 AM"), Some((d("2026-04-08"), DateKind::Published)));
        assert_eq!(dateline("Posted: Wednesday, April 8, 2026 11:40 AM EST"), Some((d("2026-04-08"), DateKind::Published)));
        assert_eq!(dateline("Last Updated: April 9, 2026 at 7:44 pm"), Some((d("2026-04-09"), DateKind::Updated)));
        assert_eq!(dateline("Publié le 8 avril 2026 à 17h45"), Some((d("2026-04-08"), DateKind::Published)));
    }

    #[test]
    fn sentences_and_ambiguous_numbers_are_not_datelines() {
        assert_eq!(dateline("Gunmen attacked the town on March 14, 2026."), None);
        assert_eq!(dateline("03/04/2026"), None);
        assert_eq!(dateline("2:40 Video of the market"), None);
        assert_eq!(dateline("2026-02-30"), None);
    }

    #[test]
    fn metadata_dates() {
        assert_eq!(parse_published("2026-03-14"), Some(d("2026-03-14")));
        assert_eq!(parse_published("2026-03-14T23:30:00-05:00"), Some(d("2026-03-14")));
        assert_eq!(parse_published("Tue, 10 Mar 2026 08:00:00 +0000"), Some(d("2026-03-10")));
        assert_eq!(parse_published("Fri Mar 13 21:30:09 EST 2026"), Some(d("2026-03-13")));
        assert_eq!(parse_published("soon"), None);
    }

    #[test]
    fn headline_with_glued_dateline() {
        let line = "Troops Repel Attack On Base Posted: Monday, March 16, 2026 11:40 AM EST Updated: Monday, March 16, 2026 3:31 PM EST";
        let (at, date) = trailing_dateline(line).unwrap();
        assert_eq!(line[..at].trim(), "Troops Repel Attack On Base");
        assert_eq!(date, Some(d("2026-03-16")));
        assert_eq!(trailing_dateline("Police said the suspect was posted at the gate."), None);
    }
}
