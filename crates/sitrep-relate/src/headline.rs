//! Headline numbers against the body: `headline_conflict` when the headline's casualty figure
//! fits none of the figures the body gives for its main event (a recycled page whose headline
//! was written for another story, a rewrite that mixed two events).

use crate::numbers::numbers;
use crate::tokens::words;
use sitrep_model::Amount;
use sitrep_model::mention::EventMention;
use sitrep_model::taxonomy::{ActorKind, Outcome};

/// A casualty figure read from a headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadlineFigure {
    /// The figure as a range.
    pub amount: Amount,
    /// Killed, wounded...
    pub outcome: Outcome,
    /// Whose people, when the headline's noun tells (`None` for "people").
    pub party: Option<PartyClass>,
}

/// Coarse party classes a headline noun can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyClass {
    /// Soldiers, police, gendarmes.
    State,
    /// Militants, rebels, jihadists, gunmen.
    Armed,
    /// Civilians, villagers, children.
    Civilian,
}

impl PartyClass {
    /// The class of an actor kind.
    pub fn of(kind: ActorKind) -> Option<PartyClass> {
        match kind {
            ActorKind::StateForces | ActorKind::ExternalForces => Some(PartyClass::State),
            ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia => Some(PartyClass::Armed),
            ActorKind::Civilians | ActorKind::Protesters | ActorKind::Rioters => Some(PartyClass::Civilian),
            ActorKind::Unknown => None,
        }
    }
}

fn outcome_word(w: &str) -> Option<Outcome> {
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "dead" | "die" | "dies" | "died" | "death" | "deaths" | "lives" | "slain" | "slay"
        | "massacred" | "massacre" | "executed" | "toll" | "perish" | "perished" => Outcome::Killed,
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" | "injure" | "hurt" => Outcome::Wounded,
        "abducted" | "abducts" | "abduct" | "kidnapped" | "kidnap" | "kidnaps" | "captured" | "seized" | "hostage" | "hostages" => {
            Outcome::Captured
        }
        "missing" => Outcome::Missing,
        _ => return None,
    })
}

fn person_noun(w: &str) -> Option<Option<PartyClass>> {
    Some(match w {
        "soldiers" | "soldier" | "troops" | "police" | "policemen" | "officers" | "gendarmes" | "guards" | "servicemen" | "personnel"
        | "peacekeepers" | "marines" => Some(PartyClass::State),
        "militants" | "jihadists" | "terrorists" | "rebels" | "fighters" | "insurgents" | "gunmen" | "bandits" | "attackers"
        | "extremists" | "militiamen" => Some(PartyClass::Armed),
        "civilians" | "villagers" | "children" | "students" | "pupils" | "worshippers" | "farmers" | "herders" | "miners" | "traders"
        | "residents" | "women" | "passengers" | "workers" | "teachers" => Some(PartyClass::Civilian),
        "people" | "persons" | "dead" | "men" | "lives" => None,
        _ => return None,
    })
}

const ATTACK_VERBS: &[&str] = &["attack", "attacks", "attacked", "raid", "raids", "storm", "stormed", "ambush", "ambushed", "overrun"];

/// Casualty figures of a headline: a number followed (within three words) by a person noun,
/// with an outcome word in the headline; a number whose noun is the subject of an attack verb
/// ("hundreds of militants attack ...") is the attackers' strength, not a toll.
pub fn headline_figures(title: &str) -> Vec<HeadlineFigure> {
    let ws = words(title);
    let f: Vec<String> = ws.iter().map(|w| w.folded()).collect();
    let outcomes: Vec<(usize, Outcome)> = f.iter().enumerate().filter_map(|(i, w)| outcome_word(w).map(|o| (i, o))).collect();
    if outcomes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for n in numbers(&ws, &f) {
        if n.year {
            continue;
        }
        // The person noun after the number ("12 Niger soldiers", "dozen soldiers", "hundreds of militants").
        let mut noun = None;
        for (k, w) in f.iter().enumerate().skip(n.end).take(3) {
            if let Some(p) = person_noun(w) {
                noun = Some((k, p));
                break;
            }
        }
        let Some((k, party)) = noun else { continue };
        if f.get(k + 1).is_some_and(|v| ATTACK_VERBS.contains(&v.as_str())) {
            continue;
        }
        // The nearest outcome word.
        let Some(&(_, outcome)) = outcomes.iter().min_by_key(|(i, _)| (*i as i64 - n.first as i64).unsigned_abs()) else { continue };
        let before: Vec<&str> = f[n.first.saturating_sub(3)..n.first].iter().map(String::as_str).collect();
        let joined = before.join(" ");
        let amount = if n.vague {
            Amount { low: n.value / 2, best: n.value, high: None, vague: true, stated: n.value / 2 }
        } else if joined.ends_with("at least") || joined.ends_with("more than") || joined.ends_with("over") {
            Amount::at_least(n.value)
        } else if joined.ends_with("about") || joined.ends_with("around") || joined.ends_with("nearly") || joined.ends_with("almost") {
            Amount { low: n.value * 8 / 10, best: n.value, high: Some(n.value * 12 / 10 + 1), vague: true, stated: n.value }
        } else {
            Amount::exact(n.value)
        };
        out.push(HeadlineFigure { amount, outcome, party });
    }
    out
}

/// True when a headline figure fits none of the main event's figures of the same outcome
/// and party class (each claim as given, and each party's total), while the main event does
/// give figures for that outcome. Superseded figures count as given: a headline carrying an
/// early toll the body later revised is no contradiction.
pub fn headline_conflict(title: &str, main: &EventMention) -> bool {
    headline_figures(title).iter().any(|h| {
        let claims: Vec<_> = main
            .casualties
            .iter()
            .filter(|c| {
                c.outcome == h.outcome && (h.party.is_none() || PartyClass::of(c.party) == h.party || c.party == ActorKind::Unknown)
            })
            .collect();
        if claims.is_empty() {
            return false;
        }
        let fits_one = claims.iter().any(|c| c.amount.overlaps(&h.amount));
        let total = claims.iter().filter(|c| !c.superseded).fold((0u64, Some(0u64)), |(lo, hi), c| {
            (
                lo + c.amount.low,
                match (hi, c.amount.high) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                },
            )
        });
        let total = Amount { low: total.0, best: total.0, high: total.1, vague: false, stated: total.0 };
        !(fits_one || total.overlaps(&h.amount))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::mention::*;
    use sitrep_model::taxonomy::*;
    use sitrep_model::{ExtractorId, Span};

    fn main_event(cas: &[(ActorKind, Amount)]) -> EventMention {
        EventMention {
            role: SourceRole::Primary,
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            type_evidence: None,
            date: DateValue::unknown(),
            location: LocationValue::default(),
            actors: vec![],
            casualties: cas
                .iter()
                .map(|(p, a)| CasualtyValue {
                    party: *p,
                    outcome: Outcome::Killed,
                    amount: *a,
                    cause: Cause::Violence,
                    attributed_to: None,
                    superseded: false,
                    evidence: Evidence::new(Span::new(0, 1), ExtractorId::new("test.v1")),
                })
                .collect(),
            tactics: vec![],
            sentences: vec![],
        }
    }

    #[test]
    fn reads_headline_tolls() {
        let f = headline_figures("At least 9 police officers killed in ambush near Gao");
        assert_eq!(f, vec![HeadlineFigure { amount: Amount::at_least(9), outcome: Outcome::Killed, party: Some(PartyClass::State) }]);
        assert!(headline_figures("Hundreds of bandits attack convoy, killing guards").is_empty());
        assert!(headline_figures("Two dozen villagers flee floods").is_empty());
    }

    #[test]
    fn conflict_only_when_no_figure_fits() {
        let ev = main_event(&[(ActorKind::StateForces, Amount::at_least(31)), (ActorKind::Rebels, Amount::exact(12))]);
        // 12 soldiers: the soldiers' toll is 31 or more; the 12 are the other side.
        assert!(headline_conflict("Ambush kills 12 soldiers in the north", &ev));
        assert!(!headline_conflict("Ambush kills at least 30 soldiers in the north", &ev));
        assert!(!headline_conflict("Ambush kills 12 militants", &ev));
        // No figure in the headline, or none for the outcome: nothing to contradict.
        assert!(!headline_conflict("Ambush in the north", &ev));
        assert!(!headline_conflict("Ambush leaves 40 soldiers wounded", &ev));
    }

    #[test]
    fn a_total_of_causes_fits() {
        let ev = main_event(&[(ActorKind::StateForces, Amount::exact(4)), (ActorKind::StateForces, Amount::exact(5))]);
        assert!(!headline_conflict("Nine soldiers die in attack and crash", &ev));
    }
}
