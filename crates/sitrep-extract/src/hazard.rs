//! Deaths and injuries that no one inflicted: natural hazards, disease and accidents.
//!
//! ACLED codes political violence; an earthquake, a flood, a cholera outbreak, a road crash, a
//! house fire or a stampede is no violent event and never carries casualties of cause
//! `violence` (GDELT's commonest noise). This module decides, for one sentence, whether its
//! casualties are *non-violent*: every casualty frame's cause is a hazard and the sentence
//! tells no violent act. The reader (`segment_events`) then lets such a sentence open no event
//! (a background event neither) and lets the sentences that go on telling that story open
//! none until violence is told; inside an event already opened by violence, the sentence
//! still joins it (a vehicle that overturned during an attack: cause `accident` there).
//!
//! **The cause of a frame** is read around its killing verb:
//!
//! - the subject of an active verb, or any words of the clause before the count and the verb
//!   ("*An earthquake* killed 12 people", "*A building collapsed* in the city, killing ten",
//!   "*Quake* hits town, five hurt");
//! - an adjunct of the clause opened by a cause word within a few tokens: `in`, `by`, `of`,
//!   `from`, `after`, `when`, `as`, `amid`, `during`, `following`, `due`, `caused` ("died *of
//!   cholera*", "were killed *in a bus crash*", "drowned *when their boat capsized*");
//! - the verb itself ("drowned", "electrocuted").
//!
//! **The lexicon of non-violent causes** ([`hazard_at`]):
//!
//! | kind | words |
//! |------|-------|
//! | natural hazards | earthquake, quake, tremor, aftershock, flood(s/ing), floodwaters, landslide, mudslide, avalanche, storm, thunderstorm, hurricane, cyclone, typhoon, tornado, lightning, tsunami, eruption, volcano, heatwave, drought, wildfire, bushfire, blizzard, snowstorm, rain(s), downpour, rainfall |
//! | disease and want | natural causes, old age, heart attack, cholera, malaria, measles, meningitis, ebola, covid(-19), coronavirus, virus, disease, outbreak, epidemic, pandemic, infection, fever, dengue, diphtheria, influenza, flu, illness, famine, starvation, hunger, malnutrition, overdose, poisoning, cancer |
//! | accidents | fell/fallen/falling/plummeted (from, off, into, down, to), accident, crash, collision, collided, derailment, derailed, capsized, capsizing, sank, sinking, overturned, rollover, plunged, drowned, drowning, stampede, electrocuted, electrocution, collapse(d), collapsing, caved, fall |
//! | fires | fire, blaze, inferno, when no one set them (see below) |
//! | explosions | explosion, blast, exploded, only after gas, tanker, fuel, boiler, cylinder, pipeline, chemical, fireworks, factory, mine-shaft words ([`INDUSTRIAL`]) |
//!
//! **Violence wins**: a sentence that tells any violent act is never non-violent: act cues of
//! violence other than the bare outcome verbs ("killed", "died", "injured": they say what
//! happened to people, not how) and cues whose subject is a hazard ("an earthquake *hit*"), burning set by people ("set fire", "torched", "arson"), weapons
//! and armed people ("gunmen", "a bomb", "a knife"); "hit", "struck" and "destroyed" are violence
//! only beside a weapon or armed people ("a rocket hit the school"). So "gunmen set fire to the village, killing
//! 12" and "a car bomb exploded, killing nine" stay violent; "an explosion" alone is violence
//! (an IED in conflict news); "a gas explosion" is not.

use crate::acts::{Act, ActCue};
use crate::casualties::Frame;
use crate::lexicon::{Party, person_noun};
use crate::tokens::Token;

/// What kind of non-violent cause a word names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hazard {
    /// Earthquakes, floods, storms, lightning.
    Natural,
    /// Disease, famine, overdoses.
    Disease,
    /// Crashes, drownings, collapses, fires, industrial explosions.
    Accident,
}

/// Words before "explosion", "blast", "fire" that make it an industrial or domestic one.
pub const INDUSTRIAL: &[&str] = &[
    "gas",
    "tanker",
    "fuel",
    "petrol",
    "gasoline",
    "diesel",
    "boiler",
    "cylinder",
    "pipeline",
    "chemical",
    "chemicals",
    "fireworks",
    "firework",
    "factory",
    "plant",
    "refinery",
    "mine",
    "mining",
    "coal",
    "methane",
    "dust",
    "electrical",
    "house",
    "home",
    "apartment",
    "building",
    "market",
    "warehouse",
    "forest",
    "bush",
    "kitchen",
    "hospital",
    "ward",
    "truck",
    "bus",
    "vehicle",
    "car",
    "train",
    "accidental",
    "industrial",
    "laboratory",
    "oxygen",
];

fn w(toks: &[Token], i: usize) -> &str {
    toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

/// The non-violent cause the token at `i` names, if any (context decides "fire" and
/// "explosion").
pub fn hazard_at(toks: &[Token], i: usize) -> Option<Hazard> {
    use Hazard::*;
    let a = w(toks, i);
    let prev = if i > 0 { w(toks, i - 1) } else { "" };
    let next = w(toks, i + 1);
    // a capitalised word inside a sentence is a name ("the Sinking Spring police", "Flood
    // Street"), unless it names a storm ("when Hurricane Ida struck")
    if toks.get(i).is_some_and(|t| t.cap)
        && i > 0
        && toks[i - 1].kind == crate::tokens::Kind::Word
        && !matches!(a, "hurricane" | "typhoon" | "cyclone" | "storm" | "tropical")
    {
        return None;
    }
    Some(match a {
        "earthquake" | "earthquakes" | "quake" | "quakes" | "tremor" | "tremors" | "aftershock" | "aftershocks" | "flood" | "floods"
        | "flooding" | "floodwaters" | "floodwater" | "landslide" | "landslides" | "mudslide" | "mudslides" | "avalanche"
        | "avalanches" | "storm" | "storms" | "thunderstorm" | "thunderstorms" | "hurricane" | "cyclone" | "typhoon" | "tornado"
        | "tornadoes" | "lightning" | "tsunami" | "eruption" | "volcano" | "heatwave" | "drought" | "wildfire" | "wildfires"
        | "bushfire" | "bushfires" | "blizzard" | "snowstorm" | "downpour" | "downpours" | "rainfall" | "rainstorm" => Natural,
        "rain" | "rains" if !matches!(prev, "bullets" | "of") => Natural,
        "cholera" | "malaria" | "measles" | "meningitis" | "ebola" | "covid" | "covid-19" | "coronavirus" | "virus" | "disease"
        | "diseases" | "outbreak" | "epidemic" | "pandemic" | "infection" | "infections" | "fever" | "dengue" | "diphtheria"
        | "influenza" | "flu" | "illness" | "famine" | "starvation" | "hunger" | "malnutrition" | "overdose" | "overdoses"
        | "poisoning" | "cancer" => Disease,
        "heart" | "asthma" if next == "attack" => Disease,
        "natural" if next == "causes" => Disease,
        "old" if next == "age" => Disease,
        "fell" | "fall" | "fallen" | "falling" | "plummeted" | "plunging"
            if matches!(next, "from" | "off" | "into" | "down" | "to" | "about" | "some" | "nearly" | "more")
                || toks.get(i + 1).is_some_and(|t| t.kind == crate::tokens::Kind::Num) =>
        {
            Accident
        }
        "slipped" | "slipping" | "tripped" => Accident,
        "accident" | "accidents" | "accidental" | "accidentally" | "crash" | "crashes" | "crashed" | "collision" | "collisions"
        | "collided" | "derailment" | "derailed" | "capsized" | "capsizing" | "capsize" | "sank" | "sinking" | "overturned"
        | "rollover" | "plunged" | "drowned" | "drowning" | "drownings" | "stampede" | "electrocuted" | "electrocution" | "collapse"
        | "collapsed" | "collapsing" | "caved" => Accident,
        // "a fire", "the blaze", "a house fire": not "opened fire", "set fire", "under fire",
        // "exchange of fire", "gunfire"
        "fire" | "fires" | "blaze" | "blazes" | "inferno"
            if matches!(prev, "a" | "the" | "massive" | "huge" | "deadly" | "major" | "fierce" | "overnight" | "big")
                || INDUSTRIAL.contains(&prev)
                || matches!(next, "broke" | "swept" | "gutted" | "engulfed" | "ripped" | "tore" | "razed") =>
        {
            Accident
        }
        "explosion" | "explosions" | "blast" | "blasts" | "exploded" | "fire-" if INDUSTRIAL.contains(&prev) => Accident,
        _ => return None,
    })
}

/// True when the token at `i` is a weapon, an armed person or a deliberate burning: a violent
/// act whatever the verbs around it.
fn violent_word(toks: &[Token], i: usize) -> bool {
    let a = w(toks, i);
    if i > 0 && matches!(w(toks, i - 1), "heart" | "asthma" | "panic") {
        return false;
    }
    if crate::lexicon::weapon_or_attack(a)
        || matches!(
            a,
            "murder-suicide"
                | "rifles"
                | "firearm"
                | "firearms"
                | "knives"
                | "shots"
                | "arson"
                | "arsonist"
                | "arsonists"
                | "torched"
                | "firebomb"
                | "firebombed"
                | "molotov"
                | "ieds"
                | "grenades"
                | "landmine"
        )
    {
        return true;
    }
    if a == "set" && matches!(w(toks, i + 1), "fire" | "ablaze" | "alight") {
        return true;
    }
    // an armed person ("gunmen", "militants", "a shooter"), not one counted as a victim of the
    // hazard ("thirty militants drowned" keeps its armed noun but tells no violence)
    person_noun(a).is_some_and(|p| p.party == Party::Armed) && !matches!(a, "elements")
}

/// The outcome verbs that say what happened to people, not how.
fn bare_outcome(word: &str) -> bool {
    matches!(
        word,
        "killed"
            | "killing"
            | "kills"
            | "kill"
            | "died"
            | "dead"
            | "death"
            | "deaths"
            | "killings"
            | "wounded"
            | "injured"
            | "wounding"
            | "injuring"
            | "hurt"
            | "slain"
    )
}

/// True when the sentence `toks[lo..hi]` tells a violent act: a violent act cue that is not a
/// bare outcome verb nor itself a hazard ("a gas explosion"), or a violent word.
pub fn violent_means(toks: &[Token], lo: usize, hi: usize, acts: &[ActCue]) -> bool {
    let weapon = (lo..hi.min(toks.len())).any(|k| violent_word(toks, k) && hazard_at(toks, k).is_none());
    let cue = acts.iter().any(|a| {
        (a.act.violent() || (a.act == Act::Loot && w(toks, a.tok) == "set"))
            && !(matches!(a.act, Act::Kill | Act::Wound) && bare_outcome(w(toks, a.tok)))
            && !(a.tok..a.end.max(a.tok + 1)).any(|k| hazard_at(toks, k).is_some())
            && !(a.tok > 0 && matches!(w(toks, a.tok - 1), "heart" | "asthma" | "panic"))
            && !hazard_subject(toks, lo, a.tok)
            // "the island was hit", "struck the town": violence only with a weapon or armed
            // people told
            && (weapon || !matches!(w(toks, a.tok), "hit" | "hits" | "struck" | "strikes" | "strike" | "destroyed"))
    });
    cue || weapon
}

/// True when a hazard is the subject of the act cue at `tok` ("an earthquake *hit* the
/// island", "the tremor *struck*", "floodwaters *swept away* homes"): a hazard word among the
/// twelve words before it, with no clause break between.
fn hazard_subject(toks: &[Token], lo: usize, tok: usize) -> bool {
    let from = tok.saturating_sub(12).max(lo);
    (from..tok).rev().take_while(|&k| !toks[k].is_punct(',') && !toks[k].is_punct(';')).any(|k| hazard_at(toks, k).is_some())
}

/// The hazard a frame's cause names (see the module docs), if any.
pub fn frame_hazard(toks: &[Token], lo: usize, hi: usize, f: &Frame) -> Option<Hazard> {
    let (ts, te) = f.trigger;
    let first = ts.min(f.count.start);
    let last = te.max(f.count.end);
    let boundary = |k: usize| toks[k].is_punct(';') || toks[k].is_punct(':');
    let start = (lo..first).rev().find(|&k| boundary(k)).map_or(lo, |k| k + 1);
    let end = (last..hi.min(toks.len())).find(|&k| boundary(k)).unwrap_or(hi.min(toks.len()));
    // the verb itself
    if let Some(h) = (ts..te).find_map(|k| hazard_at(toks, k)) {
        return Some(h);
    }
    // the subject of an active verb ("a quake killed 40"), or a hazard told before the count
    // in its clause ("Quake hits town, five hurt")
    if let Some(h) = (start..first).find_map(|k| hazard_at(toks, k)) {
        return Some(h);
    }
    // an adjunct of cause in the clause ("were killed in a bus crash", "razed by a quake that
    // left 40 dead")
    let mut k = start;
    while k < end {
        if matches!(
            w(toks, k),
            "in" | "by" | "of" | "from" | "after" | "when" | "as" | "amid" | "during" | "following" | "due" | "caused" | "while"
        ) && let Some(h) = (k + 1..(k + 7).min(end)).find_map(|q| hazard_at(toks, q))
        {
            return Some(h);
        }
        k += 1;
    }
    None
}

/// True when the sentence `toks[lo..hi]` tells only non-violent harm: it tells no violent act,
/// and either every casualty frame's cause is a hazard, or it has no frame, tells a hazard
/// ("the quake struck the island", "a fire broke out in the market") and no other act (a
/// protest, an arrest).
pub fn nonviolent(toks: &[Token], lo: usize, hi: usize, frames: &[Frame], acts: &[ActCue]) -> bool {
    if violent_means(toks, lo, hi, acts) {
        return false;
    }
    if frames.is_empty() {
        // no casualty, but a hazard told and no violent act ("the tremor struck the town",
        // "a fire broke out in the market", "two firefighters were hurt in the blaze"); a
        // protest, an arrest or looting told beside a hazard ("a protest against the measures
        // imposed amid the pandemic") is what the sentence tells
        return acts.iter().all(|a| a.act.violent()) && (lo..hi.min(toks.len())).any(|k| hazard_at(toks, k).is_some());
    }
    frames.iter().all(|f| frame_hazard(toks, lo, hi, f).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_tokens;
    use crate::tokens::tokenize;

    fn nv(t: &str) -> bool {
        let toks = tokenize(t);
        let nums = find_tokens(&toks);
        let frames = crate::casualties::frames(&toks, &nums, (0, toks.len()));
        let acts = crate::acts::acts(&toks, 0, toks.len());
        nonviolent(&toks, 0, toks.len(), &frames, &acts)
    }

    #[test]
    fn hazards_are_not_violence() {
        assert!(nv("A tornado killed four people and injured 20 in the county on Tuesday."));
        assert!(nv("Eleven miners died when the shaft collapsed on Monday."));
        assert!(nv("Six children drowned after their canoe capsized on the river."));
        assert!(nv("A measles outbreak has killed 17 children in the district."));
        assert!(nv("Two firefighters were injured in a warehouse fire overnight."));
        assert!(nv("A gas explosion at a restaurant killed three diners."));
        assert!(nv("Five pilgrims died in a stampede at the shrine."));
        assert!(nv("Two farmers were killed by lightning in their field."));
    }

    #[test]
    fn violence_stays_violence() {
        assert!(!nv("Gunmen set fire to the hamlet, killing seven villagers."));
        assert!(!nv("A car bomb exploded near the market, killing nine people."));
        assert!(!nv("An explosion killed four soldiers on the road to the border."));
        assert!(!nv("Attackers killed six traders in the market on Sunday."));
        assert!(!nv("Three people were killed in the shooting near the stadium."));
        assert!(!nv("The militants opened fire, killing two guards."));
        // one frame violent, one an accident: not only non-violent
        assert!(!nv("Four gendarmes were killed in the fighting and two in a road accident."));
    }

    #[test]
    fn fire_in_context() {
        let t = tokenize("soldiers opened fire and a fire broke out");
        assert_eq!(hazard_at(&t, 2), None);
        assert_eq!(hazard_at(&t, 5), Some(Hazard::Accident));
    }
}
