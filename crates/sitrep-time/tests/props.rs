//! Property tests: a value depends only on the anchor date and the text up to the end of its
//! sentence; an expression counted from a reference time names that earlier expression, and
//! without one its value is its sentence's own; tagging any text gives well-formed, ordered
//! spans.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use sitrep_time::{Timex, tag};

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &["January", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "October", "Nov.", "December"];

/// Sentences of our own with slots for a weekday, a month, a day and a number.
const TEMPLATES: &[&str] = &[
    "Gunmen attacked the village on {W}, killing {N} people.",
    "The army will resume patrols on {W}, officials said.",
    "On {D} {M}, a convoy hit a mine near the border.",
    "{M} {D} was the deadliest day since the coup in {M}.",
    "A day after the attack, {N} soldiers were reported missing.",
    "{N} days later the road was reopened.",
    "Last week the camp was shelled; two days ago it was shelled again.",
    "The talks, held in {M} 2022, collapsed a year later.",
    "A {N}-day curfew was declared and markets close every {W}.",
    "Earlier this month, fighters seized the town; late last year they had lost it.",
    "The previous month, {N} people fled; the following week they returned.",
    "Since {W}, at least {N} civilians have been killed.",
    "The ceasefire expires at midnight on {W}.",
    "In the third quarter, attacks rose; a year earlier they were rare.",
    "Le {D} {M}, des hommes armés ont attaqué le marché.",
    "Four weeks prior to this incident, the same unit was ambushed on {W} morning.",
    "The next day, the army returned to the town.",
    "Earlier that day, a convoy left the base; that night it was attacked.",
    "The following month, {N} families fled, and a year earlier the market burned.",
    "Output for the quarter fell, and the year-earlier period was weak.",
    "At 10 p.m. the shooting stopped, and the previous {W} was calm.",
];

/// Other sentences that may surround the one under test.
const OTHERS: &[&str] = &[
    "The defence ministry said the situation was under control.",
    "Yesterday, the president visited the wounded.",
    "Next Thursday, the council will meet again.",
    "The attack on 12 March 2021 killed 30 people.",
    "Residents said they would not return until the army came back.",
    "Two weeks later, aid arrived.",
    "In 2019 the group pledged allegiance to a larger network.",
    "Officials expect elections in February.",
    "Sales rose in the third quarter of 2022.",
    "The convoy left on Monday, police said Tuesday.",
];

fn fill(t: &str, w: usize, m: usize, d: u32, n: u32) -> String {
    t.replace("{W}", WEEKDAYS[w % 7]).replace("{M}", MONTHS[m % 12]).replace("{D}", &d.to_string()).replace("{N}", &n.to_string())
}

fn sentence() -> impl Strategy<Value = String> {
    (0..TEMPLATES.len(), 0usize..7, 0usize..12, 1u32..29, 2u32..40).prop_map(|(i, w, m, d, n)| fill(TEMPLATES[i], w, m, d, n))
}

fn other() -> impl Strategy<Value = String> {
    prop_oneof![(0..OTHERS.len()).prop_map(|i| OTHERS[i].to_string()), sentence(), "[a-zA-Z0-9 ,.;:'-]{0,60}",]
}

fn anchor() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![Just(None), (0i64..20_000).prop_map(|d| NaiveDate::from_ymd_opt(1980, 1, 1).map(|x| x + Duration::days(d)))]
}

/// What must not change: everything but the span's position (the reference by its text).
fn essence(text: &str, t: &Timex, shift: usize) -> (usize, usize, String, String) {
    (
        t.span.start - shift,
        t.span.end - shift,
        t.value.clone(),
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            t.kind,
            t.earliest,
            t.latest,
            t.precision,
            t.anchor,
            t.modifier,
            t.offset,
            t.datable,
            t.reference.map(|r| &text[r.start..r.end])
        ),
    )
}

/// Sentences joined one per line, with where each starts and ends.
fn join(parts: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut bounds = Vec::new();
    for p in parts {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(p);
        bounds.push((start, text.len()));
    }
    (text, bounds)
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop_oneof![sentence(), other()], 1..7)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Text after a sentence never changes the values in it or before it.
    #[test]
    fn value_depends_only_on_the_text_before(parts in texts(), published in anchor()) {
        let (full, bounds) = join(&parts);
        let all: Vec<_> = tag(&full, published).iter().map(|t| essence(&full, t, 0)).collect();
        for &(_, end) in &bounds {
            let prefix = &full[..end];
            let alone: Vec<_> = tag(prefix, published).iter().map(|t| essence(prefix, t, 0)).collect();
            let inside: Vec<_> = all.iter().filter(|e| e.1 <= end).cloned().collect();
            prop_assert_eq!(alone, inside);
        }
    }

    /// An expression counts from an earlier date of the text only when it names it
    /// (`reference`); otherwise its value is the one its sentence gives alone.
    #[test]
    fn values_count_only_from_named_earlier_expressions(before in prop::collection::vec(other(), 0..4), target in sentence(), after in prop::collection::vec(other(), 0..3), published in anchor()) {
        let mut parts = before.clone();
        parts.push(target.clone());
        parts.extend(after);
        let (full, bounds) = join(&parts);
        let (start, end) = bounds[before.len()];
        let ts = tag(&full, published);
        let alone = tag(&target, published);
        // the earliest expression a chain of references reaches ("the year-earlier period" ->
        // "the quarter" -> "the third quarter of 2022"): a value may come from an earlier
        // sentence through an expression of its own sentence
        let root = |t: &sitrep_time::Timex| {
            let mut r = t.reference;
            for _ in 0..ts.len() {
                match r {
                    Some(x) if x.start >= start => r = ts.iter().find(|y| y.span == x).and_then(|y| y.reference),
                    _ => break,
                }
            }
            r
        };
        for t in ts.iter().filter(|t| t.span.start >= start && t.span.end <= end) {
            match root(t) {
                Some(r) if r.start < start => {
                    prop_assert!(r.end <= t.span.start);
                    prop_assert!(ts.iter().any(|x| x.span == r && x.span.end <= t.span.start), "reference is no earlier expression");
                }
                _ => {
                    let a = alone.iter().find(|a| a.span.start + start == t.span.start);
                    prop_assert!(a.is_some(), "{} not found alone", &full[t.span.start..t.span.end]);
                    prop_assert_eq!(essence(&target, a.unwrap(), 0), essence(&full, t, start));
                }
            }
        }
    }

    #[test]
    fn spans_are_ordered_and_well_formed(text in "\\PC{0,200}", published in anchor()) {
        let ts = tag(&text, published);
        let mut last = 0;
        for t in &ts {
            prop_assert!(t.span.start < t.span.end);
            prop_assert!(t.span.start >= last);
            prop_assert!(text.get(t.span.start..t.span.end).is_some());
            last = t.span.end;
            if let (Some(a), Some(b)) = (t.earliest, t.latest) {
                prop_assert!(a <= b);
            }
            if published.is_none() {
                prop_assert!(!matches!(t.anchor, sitrep_time::Anchor::Publication));
            }
        }
    }

    #[test]
    fn datable_expressions_are_not_after_publication(target in sentence(), published in anchor()) {
        for t in tag(&target, published) {
            if let (true, Some(p), Some(a)) = (t.datable, published, t.earliest) {
                prop_assert!(a <= p, "{} -> {} after {}", &target[t.span.start..t.span.end], t.value, p);
            }
        }
    }
}

/// A reference chain that leaves its sentence: "the year-earlier period" is counted from "the
/// quarter", which is the quarter the previous sentence named.
#[test]
fn a_chain_of_references_reaches_the_earlier_sentence() {
    let text = "Exports grew in the second quarter of 2021. Output for the quarter fell, and the year-earlier period was weak.";
    let ts = tag(text, NaiveDate::from_ymd_opt(1985, 6, 1));
    let value = |phrase: &str| ts.iter().find(|t| &text[t.span.start..t.span.end] == phrase).map(|t| (t.value.clone(), t.reference));
    let (quarter, r1) = value("the quarter").expect("the quarter");
    assert_eq!(quarter, "2021-Q2");
    assert_eq!(r1.map(|r| &text[r.start..r.end]), Some("the second quarter of 2021"));
    let (period, r2) = value("the year-earlier period").expect("the year-earlier period");
    assert_eq!(period, "2020-Q2");
    assert!(r2.is_some(), "the year-earlier period names what it counts from");
}
