//! Sentence cues that decide which event a sentence tells: background time cues ("last
//! month", "four weeks prior to this incident", "earlier this month"), new-event markers
//! ("in another attack", "separately"), references back to an event already told ("the
//! attack", "this incident"), and general remarks that tell no event ("recent weeks have seen
//! intense clashes", "a surge in violence").

use crate::tokens::{Kind, Token};

/// What one sentence says about event boundaries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    /// A time cue that points before the main event ("last month", "two weeks earlier"):
    /// its normalised words, used to recognise the same background event told twice.
    pub background: Option<String>,
    /// Token index of the background cue.
    pub background_tok: Option<usize>,
    /// "another attack", "in a separate incident", "separately".
    pub new_event: bool,
    /// A definite reference to an event already told ("the attack", "this incident"), and
    /// whether it opens the sentence (then the sentence is about that event).
    pub anaphor: Option<usize>,
    /// The reference opens the sentence.
    pub anaphor_initial: bool,
    /// A general remark: trends, threats, plans, habits.
    pub generic: bool,
    /// "later", "the next day": a continuation forward in time.
    pub forward: bool,
}

fn w(toks: &[Token], i: usize) -> &str {
    toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

const UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "weekend", "night", "fortnight"];
const MONTHS: &[&str] =
    &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "assault",
    "raid",
    "ambush",
    "onslaught",
    "strike",
    "incident",
    "clash",
    "clashes",
    "fighting",
    "offensive",
    "explosion",
    "blast",
    "skirmish",
    "confrontation",
    "killings",
    "massacre",
    "abduction",
    "kidnapping",
    "incursion",
    "violence",
    "attackers",
    "assailants",
    "bombing",
    "operation",
    "raids",
];

fn number_word(s: &str) -> bool {
    s.parse::<u32>().is_ok()
        || matches!(
            s,
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "few"
                | "eleven"
                | "twelve"
                | "couple"
        )
}

/// The cues of the sentence `toks[lo..hi]`.
pub fn cues(toks: &[Token], lo: usize, hi: usize) -> Cues {
    let mut c = Cues::default();
    let mut i = lo;
    while i < hi {
        let a = w(toks, i);
        let b = w(toks, i + 1);
        let d = w(toks, i + 2);
        // background time cues
        let bg: Option<(String, usize)> = match a {
            // "last night" is the night before the report was written, a same-day report's main
            // event as often as not: no cue that the sentence tells an earlier event
            "last" if b == "night" => None,
            "last" | "previous" | "past" | "preceding" | "prior" if UNITS.contains(&b) || MONTHS.contains(&b) => {
                // "in the past week" tells a trend, but "last week" dates an event
                Some((format!("last {b}"), 2))
            }
            "the" if matches!(b, "previous" | "preceding" | "prior") && UNITS.contains(&d) => Some((format!("last {d}"), 3)),
            "earlier"
                if matches!(b, "this" | "that" | "in") && (UNITS.contains(&d) || w(toks, i + 3) == "month" || w(toks, i + 3) == "week") =>
            {
                let unit = if UNITS.contains(&d) { d } else { w(toks, i + 3) };
                Some((format!("earlier this {unit}"), 3))
            }
            _ if number_word(a) && UNITS.contains(&b) && matches!(d, "ago" | "earlier" | "prior" | "before" | "previously") => {
                Some((format!("{a} {b} {d}"), 3))
            }
            "in" if b == "late" && d == "last" => Some(("last year".to_string(), 4)),
            _ => None,
        };
        if let Some((key, len)) = bg {
            if c.background.is_none() {
                c.background = Some(key);
                c.background_tok = Some(i);
            }
            i += len;
            continue;
        }
        // new-event markers
        if (a == "another" && EVENT_NOUNS.contains(&b))
            || (a == "separately")
            || (matches!(a, "separate" | "similar" | "related" | "second" | "earlier" | "previous" | "other")
                && EVENT_NOUNS.contains(&b)
                && matches!(w(toks, i.wrapping_sub(1)), "a" | "an" | "another"))
        {
            c.new_event = true;
        }
        // a reference back: "the attack", "this incident", "during the raid"
        // "It happened around 2 a.m.", "This occurred on Elm Street", "the victims were": the
        // event told before
        let happened = matches!(a, "it" | "this") && (matches!(b, "happened" | "occurred") || (b == "took" && d == "place"));
        let victims = a == "the" && matches!(b, "victim" | "victims");
        if happened
            || victims
            || matches!(a, "the" | "this" | "that" | "said")
                && EVENT_NOUNS.contains(&b)
                && b != "violence"
                && b != "attacks"
                && b != "raids"
        {
            // "the attack on X last month" is a new event, not a reference back: checked by the caller
            if c.anaphor.is_none() {
                c.anaphor = Some(i);
                let lead = (lo..i).filter(|k| toks[*k].kind == Kind::Word).count();
                c.anaphor_initial = lead <= 2 && !(lo..i).any(|k| matches!(w(toks, k), "after" | "before" | "since" | "prior"));
            }
        }
        if matches!(a, "later" | "subsequently" | "afterwards" | "thereafter") || (matches!(a, "next" | "following") && UNITS.contains(&b))
        {
            c.forward = true;
        }
        i += 1;
    }
    c.generic = generic(toks, lo, hi);
    c
}

/// General remarks: trends ("a rise in attacks"), habits ("regularly attack"), threats and
/// plans, states of affairs ("has been plagued by").
fn generic(toks: &[Token], lo: usize, hi: usize) -> bool {
    for i in lo..hi {
        let a = w(toks, i);
        let b = w(toks, i + 1);
        let hit = match a {
            "rise" | "increase" | "surge" | "upsurge" | "spike" | "escalation" | "wave" | "spate" | "resurgence" | "uptick" | "decline"
            | "decrease" | "drop" => matches!(b, "in" | "of"),
            "recent" => matches!(b, "weeks" | "months" | "years" | "days" | "attacks" | "violence" | "escalation"),
            "regularly" | "frequently" | "repeatedly" | "routinely" | "often" | "increasingly" | "persisted" | "persist" | "continue"
            | "continues" | "vulnerable" | "insurgency" | "plagued" | "grappling" | "historically" | "track" => true,
            "have" | "has" if b == "seen" => true,
            "in" if b == "recent" => true,
            "years" | "decade" | "decades" if matches!(b, "of") => true,
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn cs(t: &str) -> Cues {
        let toks = tokenize(t);
        cues(&toks, 0, toks.len())
    }

    #[test]
    fn background_and_markers() {
        assert_eq!(cs("Last month, 9 guards died near the border.").background.as_deref(), Some("last month"));
        assert_eq!(cs("Just the previous month, gunmen struck.").background.as_deref(), Some("last month"));
        assert_eq!(cs("Two weeks earlier, a convoy was hit.").background.as_deref(), Some("two weeks earlier"));
        assert_eq!(cs("Earlier this month, four herders were shot.").background.as_deref(), Some("earlier this month"));
        assert!(cs("In another attack, 3 died.").new_event);
        assert!(cs("Separately, police arrested two men.").new_event);
        assert!(cs("Earlier on the same day, sources spoke.").background.is_none());
    }

    #[test]
    fn references_and_remarks() {
        let c = cs("The attack took place early on Monday.");
        assert!(c.anaphor_initial);
        let c = cs("Four weeks prior to this incident, gunmen struck.");
        assert!(c.background.is_some() && !c.anaphor_initial);
        assert!(cs("Recent weeks have seen intense clashes.").generic);
        assert!(cs("There has been a surge in violence in the north.").generic);
        assert!(!cs("Gunmen killed five herders on Monday.").generic);
    }
}
