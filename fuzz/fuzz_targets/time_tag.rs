//! The temporal tagger on any text, with or without a publication date: no panic, spans on
//! char boundaries, in order and not overlapping, intervals not reversed, nothing resolved
//! against a publication date that was not given, a reference time always an earlier
//! expression of the text, and the first line tagged the same alone (text after it changes
//! nothing).
#![no_main]
use chrono::{Duration, NaiveDate};
use libfuzzer_sys::fuzz_target;
use sitrep_time::{Anchor, NumericOrder, Options, tag_with};

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else { return };
    let Some((&d, rest)) = rest.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    // One byte picks the options, another the date (1900 to 2100, or none).
    let published = (k & 1 == 1).then(|| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(i64::from(d) * 287 + i64::from(k >> 2) * 3));
    let numeric_order = if k & 2 == 0 { NumericOrder::DayFirst } else { NumericOrder::MonthFirst };
    let opts = Options { published, numeric_order };
    let ts = tag_with(&text, &opts);
    let mut last = 0;
    for t in &ts {
        assert!(t.span.start < t.span.end && t.span.start >= last);
        assert!(text.get(t.span.start..t.span.end).is_some());
        last = t.span.end;
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            assert!(a <= b);
        }
        if published.is_none() {
            assert!(!matches!(t.anchor, Anchor::Publication));
        }
        if let Some(r) = t.reference {
            assert!(r.end <= t.span.start && ts.iter().any(|x| x.span == r));
        }
    }
    // The first line alone gives the same expressions as inside the whole text.
    if let Some(first) = text.split('\n').next() {
        let alone = tag_with(first, &opts);
        let inside: Vec<_> = ts.iter().filter(|t| t.span.end <= first.len()).collect();
        assert_eq!(alone.len(), inside.len());
        for (a, b) in alone.iter().zip(inside) {
            assert_eq!((a.span, &a.value, a.earliest, a.latest, a.reference), (b.span, &b.value, b.earliest, b.latest, b.reference));
        }
    }
});
