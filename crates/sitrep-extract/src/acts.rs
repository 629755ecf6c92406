//! What happened: act cues (attack, clash, abduction, looting, explosion, air strike,
//! protest, arrest ...) found in sentences, the tactics they name, and the target nouns that
//! say who or what was attacked ("the village of", "a military position").

use crate::lexicon::Party;
use crate::tokens::{Kind, Token};
use sitrep_model::{ExtractorId, Span};

/// An act a sentence reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Act {
    /// attacked, assaulted, stormed, opened fire, ambushed.
    Attack,
    /// raided, intercepted, made an incursion: entering by force, not itself harm to people
    /// (with looting it is looting).
    Raid,
    /// clashed, exchanged fire, fought, repelled, a gun battle.
    Clash,
    /// killed, executed, shot dead (with or without a count).
    Kill,
    /// wounded, injured, beat.
    Wound,
    /// abducted, kidnapped, took hostage.
    Abduct,
    /// looted, stole, seized livestock, extorted, burned houses, destroyed property.
    Loot,
    /// an IED, a landmine, a bomb or an explosion went off.
    Explosive,
    /// an explosive device was found, defused, dismantled; weapons seized.
    Defuse,
    /// a suicide bomber, a kamikaze vehicle.
    Suicide,
    /// an air or drone strike.
    Air,
    /// shelling, mortars, rockets, artillery.
    Shelling,
    /// a grenade.
    Grenade,
    /// rape, sexual violence.
    Sexual,
    /// protested, demonstrated, marched, a sit-in.
    Protest,
    /// rioted, threw stones, burned tyres, vandalised.
    Riot,
    /// a mob, a lynching.
    Mob,
    /// tear gas, dispersed.
    Intervention,
    /// live ammunition against demonstrators.
    ExcessiveForce,
    /// arrested, detained.
    Arrest,
    /// took control of, overran (a place).
    Takeover,
    /// recaptured, retook, regained control.
    Recapture,
    /// seen, sighted, moved through, ran a checkpoint, preached, threatened.
    Movement,
    /// set up a base.
    Base,
    /// signed an agreement, a ceasefire, surrendered.
    Agreement,
    /// civilians took up arms ("residents responded", "villagers fought back").
    Resist,
}

impl Act {
    /// Acts of violence (an event made of these is a violent event).
    pub fn violent(self) -> bool {
        matches!(
            self,
            Act::Attack
                | Act::Raid
                | Act::Clash
                | Act::Kill
                | Act::Wound
                | Act::Abduct
                | Act::Explosive
                | Act::Suicide
                | Act::Air
                | Act::Shelling
                | Act::Grenade
                | Act::Sexual
                | Act::Riot
                | Act::Mob
                | Act::Resist
        )
    }

    /// Acts whose subject is the one acting on the other side (for attacker roles).
    pub fn agentive(self) -> bool {
        !matches!(self, Act::Agreement | Act::Intervention)
    }
}

/// One act cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActCue {
    /// The act.
    pub act: Act,
    /// First token.
    pub tok: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes.
    pub span: Span,
    /// A verb or a singular noun with a determiner ("attacked", "an attack"), as opposed to
    /// a bare plural noun ("attacks"): only specific cues make a sentence tell an event.
    pub specific: bool,
    /// The rule.
    pub extractor: ExtractorId,
}

const ACT: ExtractorId = ExtractorId::new("act.lexicon.v1");

fn w(toks: &[Token], i: usize) -> &str {
    toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

fn any_within(toks: &[Token], from: usize, to: usize, words: &[&str]) -> bool {
    (from..to.min(toks.len())).any(|i| words.contains(&toks[i].lower.as_str()))
}

const PROPERTY: &[&str] = &[
    "livestock",
    "cattle",
    "cows",
    "cow",
    "oxen",
    "ox",
    "goats",
    "sheep",
    "camels",
    "camel",
    "donkeys",
    "animals",
    "ruminants",
    "herd",
    "herds",
    "goods",
    "property",
    "food",
    "money",
    "cash",
    "motorcycles",
    "motorcycle",
    "motorbikes",
    "motorbike",
    "vehicle",
    "vehicles",
    "car",
    "cars",
    "truck",
    "trucks",
    "phones",
    "phone",
    "grain",
    "cereals",
    "supplies",
    "medicines",
    "fuel",
    "shops",
    "shop",
    "houses",
    "house",
    "homes",
    "huts",
    "granaries",
    "granary",
    "school",
    "schools",
    "market",
    "stalls",
    "equipment",
    "belongings",
    "horses",
    "horse",
    "donkey",
    "carts",
    "crops",
    "harvest",
    "fields",
    "tents",
    "church",
    "mosque",
    "building",
    "buildings",
    "offices",
    "office",
    "antenna",
    "antennas",
    "installations",
    "bridge",
    "tricycles",
    "tricycle",
    "merchandise",
    "items",
    "head",
    "valuables",
    "jewellery",
    "jewelry",
    "bags",
    "sacks",
    "ambulance",
    "ambulances",
    "camps",
    "camp",
    "panels",
    "batteries",
    "generator",
    "generators",
    "computers",
    "laptops",
    "documents",
    "fertilizer",
    "fertiliser",
    "gasoline",
    "petrol",
    "diesel",
    "rice",
    "millet",
    "sorghum",
    "maize",
    "flour",
    "sugar",
    "clothes",
    "tools",
    "pumps",
    "pump",
    "materials",
    "gold",
    "cargo",
    "luggage",
    "bulls",
    "calves",
    "poultry",
    "chickens",
    "cereal",
    "foodstuffs",
    "provisions",
    "effects",
    "facility",
    "facilities",
    "infrastructure",
    "tower",
    "towers",
    "pylon",
    "pylons",
    "network",
    "warehouse",
    "store",
    "stores",
    "kiosk",
    "hall",
    "centre",
    "center",
    "bank",
    "agency",
    "tanker",
    "tankers",
    "bus",
    "buses",
    "pickup",
    "pickups",
    "boat",
    "boats",
    "canoes",
    "dromedary",
    "dromedaries",
];

/// Words naming explosives (for "an explosion", "planted", "detonated").
const EXPLOSIVE_NOUNS: &[&str] =
    &["ied", "ieds", "device", "devices", "landmine", "landmines", "mine", "mines", "bomb", "bombs", "explosive", "explosives", "uxo"];

/// True when an armed group is named just before `i` ("militants entered", "JNIM ran").
fn armed_subject_before(toks: &[Token], i: usize) -> bool {
    (i.saturating_sub(8)..i).any(|k| {
        let t = &toks[k];
        matches!(
            t.lower.as_str(),
            "militants"
                | "gunmen"
                | "fighters"
                | "jihadists"
                | "assailants"
                | "insurgents"
                | "terrorists"
                | "bandits"
                | "group"
                | "elements"
                | "militiamen"
                | "militant"
                | "gunman"
                | "attackers"
                | "men"
        ) || (t.kind == Kind::Word && is_acronym(t))
    })
}

fn is_acronym(t: &Token) -> bool {
    // ISWAP, JNIM, ISGS, JAS
    t.caps && t.lower.len() <= 6
}

/// The act cues of `toks[lo..hi]`, in order.
pub fn acts(toks: &[Token], lo: usize, hi: usize) -> Vec<ActCue> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        let (act, len, specific) = match cue_at(toks, i, hi) {
            Some(c) => c,
            None => {
                i += 1;
                continue;
            }
        };
        let end = (i + len).min(hi);
        out.push(ActCue { act, tok: i, end, span: Span::new(toks[i].span.start, toks[end - 1].span.end), specific, extractor: ACT });
        i = end;
    }
    out
}

fn det_before(toks: &[Token], i: usize) -> bool {
    let b = w(toks, i.wrapping_sub(1));
    let b2 = w(toks, i.wrapping_sub(2));
    matches!(b, "a" | "an" | "the" | "this" | "that" | "another" | "one" | "second" | "first" | "latest" | "last" | "new" | "its")
        || matches!(b2, "a" | "an" | "the" | "this" | "that" | "another" | "its")
}

fn cue_at(toks: &[Token], i: usize, hi: usize) -> Option<(Act, usize, bool)> {
    use Act::*;
    let t = &toks[i];
    if t.kind != Kind::Word && t.kind != Kind::Punct {
        return None;
    }
    let a = t.lower.as_str();
    let b = w(toks, i + 1);
    let c = w(toks, i + 2);
    let prev = w(toks, i.wrapping_sub(1));
    Some(match a {
        // suicide attacks
        "suicide"
            if matches!(
                b,
                "bomber"
                    | "bombers"
                    | "attack"
                    | "attacks"
                    | "bombing"
                    | "bombings"
                    | "vest"
                    | "vests"
                    | "car"
                    | "truck"
                    | "vehicle"
                    | "vehicles"
                    | "attacker"
                    | "attackers"
            ) =>
        {
            (Suicide, 2, true)
        }
        "kamikaze" | "vbied" | "vbieds" | "svbied" | "svbieds" => (Suicide, 1, true),
        "blew" | "detonated" if matches!(b, "himself" | "herself" | "themselves") => (Suicide, 2, true),
        // air and drone strikes
        "airstrike" | "airstrikes" | "air-strike" | "air-strikes" | "airstrikes," => (Air, 1, true),
        "air" | "drone" | "aerial" | "helicopter" | "gunship"
            if matches!(
                b,
                "strike"
                    | "strikes"
                    | "raid"
                    | "raids"
                    | "attack"
                    | "attacks"
                    | "bombardment"
                    | "bombardments"
                    | "bombing"
                    | "operation"
                    | "operations"
                    | "fire"
            ) =>
        {
            (Air, 2, true)
        }
        "bombed" | "bombarded" | "strafed"
            if any_within(
                toks,
                i.saturating_sub(6),
                i,
                &["air", "aircraft", "jets", "planes", "warplanes", "drone", "drones", "helicopter", "helicopters", "force"],
            ) =>
        {
            (Air, 1, true)
        }
        "warplanes" | "warplane" | "gunships" => (Air, 1, true),
        // shelling, grenades
        "shelled" | "shelling" | "mortar" | "mortars" | "artillery" | "shells" => (Shelling, 1, true),
        "rocket" | "rockets" | "missile" | "missiles" | "grad"
            if !matches!(prev, "rpg" | "rpgs") && !matches!(b, "propelled" | "-propelled") =>
        {
            (Shelling, 1, true)
        }
        "grenade" | "grenades" => (Grenade, 1, true),
        // explosives: found or detonated
        "defused" | "dismantled" | "defuse" | "defusing" | "defusal" | "demined" | "demining" | "deactivated" | "neutralised"
        | "neutralized"
            if any_within(toks, i + 1, i + 10, EXPLOSIVE_NOUNS) || any_within(toks, i.saturating_sub(5), i, EXPLOSIVE_NOUNS) =>
        {
            (Defuse, 1, true)
        }
        "discovered" | "found" | "detected" | "uncovered" | "destroyed" | "recovered"
            if any_within(
                toks,
                i + 1,
                i + 6,
                &["ied", "ieds", "device", "devices", "landmine", "landmines", "explosives", "uxo", "cache", "caches", "mines"],
            ) && !any_within(toks, i.saturating_sub(8), i + 8, &["exploded", "detonated", "struck", "hit"]) =>
        {
            (Defuse, 1, true)
        }
        "seized" | "recovered" | "confiscated"
            if any_within(toks, i + 1, i + 7, &["weapons", "arms", "ammunition", "rifles", "guns", "firearms", "munitions"])
                && !any_within(toks, i + 1, i + 4, &["livestock", "cattle"]) =>
        {
            (Defuse, 1, true)
        }
        // "IED planters", "IED-making materiel" are not an explosion
        "ied" | "ieds"
            if !matches!(
                b,
                "planters"
                    | "planter"
                    | "makers"
                    | "maker"
                    | "layers"
                    | "components"
                    | "factory"
                    | "factories"
                    | "materials"
                    | "materiel"
                    | "-making"
            ) && !b.starts_with("-") =>
        {
            (Explosive, 1, true)
        }
        "explosives" if matches!(prev, "off" | "planted" | "detonated" | "using" | "with" | "of") => (Explosive, 1, true),
        "improvised" if b == "explosive" => (Explosive, 3, true),
        "roadside" if matches!(b, "bomb" | "bombs" | "ied" | "ieds" | "device" | "devices" | "mine" | "mines") => (Explosive, 2, true),
        "landmine" | "landmines" => (Explosive, 1, true),
        "land" if matches!(b, "mine" | "mines") => (Explosive, 2, true),
        "mine"
            if matches!(prev, "a" | "the")
                && any_within(toks, i.saturating_sub(4), i, &["struck", "hit", "stepped", "triggered", "detonated", "ran"]) =>
        {
            (Explosive, 1, true)
        }
        "explosion" | "explosions" | "blast" | "blasts" | "detonation" => {
            (Explosive, 1, det_before(toks, i) || a == "explosion" || a == "blast")
        }
        "exploded" | "detonated" | "detonating" | "exploding" => (Explosive, 1, true),
        "bomb" | "bombs" | "bombing" | "bombings" if prev != "suicide" => (Explosive, 1, true),
        "explosive" if matches!(b, "device" | "devices") => (Explosive, 2, true),
        // protests and riots
        "protest" | "protests" | "protested" | "protesting" | "demonstrated" | "demonstration" | "demonstrations" | "demonstrating"
        | "marched" | "rally" | "rallied" | "rallies" | "sit-in" | "sit-ins" | "protesters" | "protestors" | "demonstrators" => {
            (Protest, 1, true)
        }
        "strike" | "strikes"
            if (matches!(prev, "on" | "general" | "a")
                || prev.ends_with("-hour")
                || prev.ends_with("-day")
                || any_within(toks, i.saturating_sub(4), i, &["observing", "observed", "began"]))
                && !matches!(w(toks, i.wrapping_sub(2)), "air" | "drone")
                && any_within(
                    toks,
                    i.saturating_sub(4),
                    i + 4,
                    &["workers", "teachers", "went", "general", "staged", "unions", "union", "traders", "transporters", "students"],
                ) =>
        {
            (Protest, 1, true)
        }
        "march" if det_before(toks, i) && !t.cap => (Protest, 1, true),
        "riot" | "riots" | "rioted" | "rioting" | "rioters" | "barricaded" | "barricades" => (Riot, 1, true),
        "vandalised" | "vandalized" | "vandalism" | "vandalising" | "vandalizing" => (Loot, 1, true),
        "threw" | "throwing" | "hurled" if matches!(b, "stones" | "rocks" | "projectiles" | "stone") => (Riot, 2, true),
        "stone-throwing" => (Riot, 1, true),
        "burned" | "burnt" | "burning" | "torched" if matches!(b, "tires" | "tyres") => (Riot, 2, true),
        "popular" | "jungle" | "mob" if b == "justice" => (Mob, 2, true),
        "mob" | "lynched" | "lynching" | "lynch" => (Mob, 1, true),
        "tear" if matches!(b, "gas" | "-gas") => (Intervention, 2, true),
        "teargas" | "dispersed" | "disperse" | "dispersing" | "dispersal" => (Intervention, 1, true),
        "broke" if b == "up" => (Intervention, 2, true),
        "live" if matches!(b, "ammunition" | "rounds" | "bullets" | "fire") => (ExcessiveForce, 2, true),
        // sexual violence
        "raped" | "rape" | "rapes" | "raping" => (Sexual, 1, true),
        "sexual" if matches!(b, "violence" | "assault" | "abuse") => (Sexual, 2, true),
        "sexually" => (Sexual, 1, true),
        // arrests
        "arrested" | "arrests" | "detained" | "apprehended" | "arresting" | "jailed" | "interpellated" => (Arrest, 1, true),
        "arrest" => (Arrest, 1, det_before(toks, i) || prev == "under"),
        "custody" if matches!(prev, "into" | "in") => (Arrest, 1, true),
        // territory
        "took" | "seized" | "taken" | "gained" | "assumed" if b == "control" => (Takeover, 2, true),
        "overran" | "overrun" => (Takeover, 1, true),
        "recaptured" | "retook" | "regained" | "liberated" | "reclaimed"
            if (i + 1..(i + 5).min(hi)).any(|k| {
                matches!(
                    toks[k].lower.as_str(),
                    "town" | "village" | "locality" | "area" | "base" | "city" | "control" | "territory" | "district" | "camp"
                ) || (toks[k].cap && toks[k].kind == Kind::Word && !matches!(toks[k].lower.as_str(), "the" | "a"))
            }) =>
        {
            (Recapture, 1, true)
        }
        // movements and presence
        "sighted" | "spotted" => (Movement, 1, true),
        "seen" if prev == "were" || prev == "was" => (Movement, 1, true),
        "ran" | "set" | "erected" | "mounted"
            if matches!(b, "a" | "an" | "up")
                && any_within(toks, i + 1, i + 4, &["checkpoint", "checkpoints", "roadblock", "roadblocks"]) =>
        {
            // their own checkpoint is not what they acted on
            let len = (i + 1..(i + 4).min(hi))
                .find(|&k| matches!(toks[k].lower.as_str(), "checkpoint" | "checkpoints" | "roadblock" | "roadblocks"))
                .map_or(2, |k| k + 1 - i);
            (Movement, len, true)
        }
        "preached" | "sermon" | "sermons" | "preaching" | "recruited" | "recruiting" | "infiltrated" | "paraded" | "patrolled"
        | "ultimatum" => (Movement, 1, true),
        "entered" | "chased" | "closed" | "stopped" | "searched" | "visited" | "occupied" | "gathered" | "camped" | "forced"
        | "summoned" | "told" | "distributed" | "displaced" | "expelled" | "evicted" | "gave" | "issued" | "lectured" | "harangued"
        | "questioned" | "interrogated" | "checked" | "controlled" | "conducted"
            if armed_subject_before(toks, i) =>
        {
            (Movement, 1, true)
        }
        "passed" | "transited" | "travelled" | "traveled" | "moved" | "crossed"
            if any_within(toks, i.saturating_sub(6), i, &["militants", "gunmen", "fighters", "jihadists", "convoy", "men", "group"]) =>
        {
            (Movement, 1, true)
        }
        "threatened" | "warned" | "ordered" | "imposed" | "banned" | "forbade" | "instructed"
            if any_within(toks, i.saturating_sub(6), i, &["militants", "gunmen", "fighters", "jihadists", "group", "men"]) =>
        {
            (Movement, 1, true)
        }
        "prevented" | "blocked" | "denied" | "barred" if armed_subject_before(toks, i) => (Movement, 1, true),
        "left" | "fled" | "abandoned" | "deserted" | "evacuated"
            if (i.saturating_sub(10)..i)
                .any(|k| crate::lexicon::person_noun(&toks[k].lower).is_some_and(|p| p.party == crate::lexicon::Party::Civilian))
                && any_within(
                    toks,
                    i + 1,
                    hi.min(i + 25),
                    &["due", "following", "because", "after", "threats", "threat", "presence", "fear"],
                ) =>
        {
            (Movement, 1, true)
        }
        "established" | "set" | "built" if any_within(toks, i + 1, i + 5, &["base", "camp", "headquarters", "bases"]) => (Base, 1, true),
        // agreements and surrenders
        // a peace deal or a surrender (a defence pact between governments is politics, not an event)
        "signed" | "concluded" | "reached"
            if any_within(
                toks,
                i + 1,
                i + 7,
                &["peace", "ceasefire", "cease-fire", "truce", "reconciliation", "commitment", "non-aggression", "deal"],
            ) && !any_within(toks, i + 1, i + 7, &["pact", "defence", "defense", "security", "military", "trade", "cooperation"]) =>
        {
            (Agreement, 1, true)
        }
        "ceasefire" | "cease-fire" | "truce" | "surrendered" | "surrender" => (Agreement, 1, true),
        "laid" | "lay" if b == "down" && c == "arms" => (Agreement, 3, true),
        // looting and property destruction
        "carjacked" | "hijacked" | "taxed" | "stripped" | "emptied" | "looted" | "looting" | "pillaged" | "plundered" | "ransacked"
        | "stole" | "stolen" | "stealing" | "robbed" | "robbery" | "rustled" | "rustling" | "extorted" | "extorting" | "extortion"
        | "zakat" | "torched" | "sabotaged" | "rustlers" | "theft" | "thefts" => {
            (Loot, 1, a != "theft" && a != "thefts" || det_before(toks, i))
        }
        // "carried off", "made off with", "took away": only with their particle
        "carried" | "made" | "took" | "taken"
            if !(matches!(b, "off" | "away") || matches!(a, "took" | "taken") && any_within(toks, i + 1, i + 4, PROPERTY)) =>
        {
            return None;
        }
        "seized" | "took" | "carried" | "taken" | "made" | "confiscated" | "collected" | "levied" | "demanded" | "burned" | "burnt"
        | "set" | "destroyed" | "damaged" | "razed" | "burning" | "destroying" | "seizing"
            if any_within(toks, i + 1, i + 10, PROPERTY) || (matches!(a, "set") && matches!(b, "fire" | "ablaze" | "alight")) =>
        {
            let len = if matches!(a, "set") { 2 } else { 1 };
            (Loot, len, true)
        }
        "set" if matches!(b, "fire" | "ablaze" | "alight") || (b == "on" && c == "fire") => (Loot, 2, true),
        // civilians fighting back
        "responded" | "retaliated" | "resisted" | "repelled" | "repulsed" | "fought" | "defended"
            if any_within(
                toks,
                i.saturating_sub(6),
                i,
                &[
                    "villagers",
                    "residents",
                    "inhabitants",
                    "population",
                    "youths",
                    "locals",
                    "herders",
                    "farmers",
                    "vigilantes",
                    "militia",
                    "hunters",
                    "villagers,",
                ],
            ) || any_within(toks, i.saturating_sub(6), i, &["themselves"]) =>
        {
            (Resist, 1, true)
        }
        "armed" if b == "themselves" => (Resist, 2, true),
        // "fighting for their lives": the wounded, no clash
        "fighting" | "fight" | "fights" | "battling" if b == "for" && matches!(c, "their" | "his" | "her" | "life" | "lives") => {
            return None;
        }
        // clashes
        "clash" | "clashes" | "clashed" | "clashing" | "fighting" | "fought" | "firefight" | "firefights" | "gunfight" | "skirmish"
        | "skirmishes" | "confrontation" | "confrontations" | "battle" | "battles" | "battled" | "engaged" | "repelled" | "repulsed"
        | "counter-attack" | "counterattack" | "counter-attacked" | "counter-offensive" | "counteroffensive" | "retaliated"
        | "responded" | "neutralised" | "neutralized" | "offensive" | "combat" => {
            let specific = match a {
                "clashes" | "battles" | "confrontations" | "skirmishes" | "firefights" => det_before(toks, i) || prev == "in",
                "fighting" | "combat" => det_before(toks, i) || matches!(prev, "heavy" | "fierce" | "intense" | "in" | "during"),
                "clash" | "confrontation" | "battle" | "skirmish" | "offensive" | "firefight" | "gunfight" | "counter-offensive"
                | "counteroffensive" | "counter-attack" | "counterattack" | "pursuit" => det_before(toks, i),
                "engaged" | "responded" => !matches!(b, "in"),
                _ => true,
            };
            (Clash, 1, specific)
        }
        "exchanged" | "exchange" | "exchanging" | "exchanges"
            if matches!(b, "fire" | "gunfire" | "shots") || (b == "of" && matches!(c, "fire" | "gunfire")) =>
        {
            (Clash, if b == "of" { 3 } else { 2 }, true)
        }
        "gun" if matches!(b, "battle" | "battles" | "fight") => (Clash, 2, true),
        "returned" | "returning" if matches!(b, "fire" | "gunfire") => (Clash, 2, true),
        "air-ground" | "air-land" | "air-landed" => (Clash, 1, true),
        "ground" if matches!(b, "assault" | "assaults" | "offensive" | "attack" | "attacks" | "fighting") => (Clash, 2, true),
        // attacks
        "made" | "carried" | "staged"
            if matches!(b, "an" | "a") && c == "incursion" || (b == "out" && matches!(c, "an" | "a") && w(toks, i + 3) == "incursion") =>
        {
            (Raid, if b == "out" { 4 } else { 3 }, true)
        }
        "raided" | "intercepted" | "invaded" | "incursion" | "incursions" | "raid" | "raids" | "staged"
            if a != "staged" || matches!(b, "raids" | "multiple" | "several") =>
        {
            let specific = match a {
                "raided" | "intercepted" | "invaded" | "staged" => true,
                "raids" | "incursions" => {
                    !det_before(toks, i) && matches!(b, "the" | "a" | "an")
                        || w(toks, i.wrapping_sub(1)).parse::<u32>().is_ok()
                        || matches!(prev, "multiple" | "several" | "staged")
                }
                _ => det_before(toks, i),
            };
            (Raid, 1, specific)
        }
        "attacked" | "attacking" | "stormed" | "ambushed" | "assaulted" | "besieged" | "targeted" | "struck" | "hit" | "harassed"
        | "harassing" | "attacks" | "attack" | "assault" | "assaults" | "ambush" | "ambushes" | "onslaught" | "strike" | "massacre"
        | "shooting" | "shootings" | "gunshots" | "shots" | "gunfire" => {
            let specific = match a {
                "attacked" | "stormed" | "ambushed" | "assaulted" | "besieged" | "attacking" => true,
                "targeted" | "struck" | "hit" | "harassed" | "harassing" => true,
                "attacks" | "assaults" | "ambushes" | "shootings" => {
                    // a verb ("militants attacks the town") or a counted noun
                    !det_before(toks, i) && matches!(b, "the" | "a" | "an") || w(toks, i.wrapping_sub(1)).parse::<u32>().is_ok()
                }
                "gunshots" | "shots" | "gunfire" => any_within(toks, i.saturating_sub(3), i, &["fired", "opened", "heard", "firing"]),
                "strike" => det_before(toks, i) && !matches!(prev, "general" | "labour" | "hunger"),
                "shooting" => det_before(toks, i),
                _ => det_before(toks, i) || matches!(prev, "deadly" | "fierce" | "coordinated" | "simultaneous" | "twin" | "double"),
            };
            (Attack, 1, specific)
        }
        "opened" | "fired"
            if matches!(b, "fire" | "on" | "at" | "upon" | "shots" | "gunshots" | "several" | "into")
                && !((i + 1..(i + 6).min(hi)).any(|k| toks[k].lower == "air" && matches!(w(toks, k - 1), "the" | "into"))) =>
        {
            (Attack, 2, true)
        }
        // warning shots ("fired gunshots in the air") are not an attack
        "opened" | "fired" if matches!(b, "fire" | "shots" | "gunshots" | "several" | "into" | "in") => {
            (Movement, if matches!(b, "shots" | "gunshots") { 2 } else { 1 }, false)
        }
        "shot" if !matches!(b, "dead" | "down") => (Attack, 1, true),
        // killings, woundings, abductions without a count
        "killed" | "killing" | "executed" | "murdered" | "massacred" | "beheaded" | "slaughtered" | "assassinated" | "slain" | "slit"
        | "eliminated" | "killings" | "murder" | "murders" | "execution" | "executions" | "assassination" | "died" | "dead" | "deaths"
        | "death" => {
            let specific =
                !matches!(a, "killings" | "murders" | "executions" | "deaths" | "death" | "murder" | "execution" | "assassination")
                    || det_before(toks, i);
            (Kill, 1, specific)
        }
        "shot" | "gunned" if matches!(b, "dead" | "down") => (Kill, 2, true),
        "wounded" | "injured" | "wounding" | "injuring" | "beat" | "beaten" | "tortured" | "flogged" | "whipped" | "mutilated"
        | "stabbed" | "hurt" => (Wound, 1, true),
        "abduct" | "kidnap" | "abducted" | "kidnapped" | "abducting" | "kidnapping" | "kidnappings" | "abduction" | "abductions"
        | "hostage" | "hostages" | "captive" => {
            let specific = !matches!(a, "kidnappings" | "abductions" | "kidnapping" | "abduction") || det_before(toks, i);
            (Abduct, 1, specific)
        }
        _ => return None,
    })
    .filter(|_| i < hi)
}

/// A tactic or weapon named in text: `(normalised name, first token, end token)`.
pub fn tactics(toks: &[Token], lo: usize, hi: usize) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        let a = w(toks, i);
        let b = w(toks, i + 1);
        let c = w(toks, i + 2);
        let hit: Option<(&'static str, usize)> = match a {
            "improvised" if b == "explosive" && matches!(c, "device" | "devices") => Some(("improvised explosive devices", 3)),
            "ied" | "ieds" | "roadside" => Some(("improvised explosive devices", 1)),
            "landmine" | "landmines" => Some(("landmines", 1)),
            "land" if matches!(b, "mine" | "mines") => Some(("landmines", 2)),
            "kamikaze" if matches!(b, "vehicles" | "vehicle" | "cars" | "car" | "trucks" | "truck") => Some(("suicide vehicles", 2)),
            "suicide" if matches!(b, "vehicles" | "vehicle" | "car" | "cars" | "truck" | "trucks") => Some(("suicide vehicles", 2)),
            "vbied" | "vbieds" | "svbied" | "svbieds" => Some(("suicide vehicles", 1)),
            "car" if matches!(b, "bomb" | "bombs") => Some(("car bombs", 2)),
            "suicide"
                if matches!(
                    b,
                    "bomber" | "bombers" | "vest" | "vests" | "bombing" | "bombings" | "attack" | "attacks" | "attacker" | "attackers"
                ) =>
            {
                Some(("suicide bombers", 2))
            }
            "kamikaze" => Some(("suicide bombers", 1)),
            "motorcycles" | "motorbikes" | "motorcycle" | "motorbike" | "motos" => Some(("motorcycles", 1)),
            "ambush" | "ambushed" | "ambushes" => Some(("ambush", 1)),
            "airstrike" | "airstrikes" => Some(("air strikes", 1)),
            "air" if matches!(b, "strike" | "strikes" | "raid" | "raids") => Some(("air strikes", 2)),
            "drone" if matches!(b, "strike" | "strikes" | "attack" | "attacks") => Some(("drone strikes", 2)),
            "drones" | "drone" => Some(("drones", 1)),
            "helicopters" | "helicopter" | "gunships" | "gunship" => Some(("helicopters", 1)),
            "shelled" | "shelling" | "artillery" | "mortar" | "mortars" => Some(("shelling", 1)),
            "rocket" | "rockets" | "rpg" | "rpgs" => Some(("rockets", 1)),
            "grenade" | "grenades" => Some(("grenades", 1)),
            "arson" | "torched" => Some(("arson", 1)),
            "set" if matches!(b, "fire" | "ablaze") => Some(("arson", 2)),
            "machetes" | "machete" | "knives" | "knife" | "blade" | "cutlass" | "cutlasses" => Some(("blade weapons", 1)),
            _ => None,
        };
        if let Some((name, len)) = hit {
            out.push((name, i, (i + len).min(hi)));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Infrastructure: attacking it harms no particular people ("sabotaged a telecommunications
/// antenna").
pub fn infrastructure(w: &str) -> bool {
    matches!(
        w,
        "installations"
            | "installation"
            | "antenna"
            | "antennas"
            | "network"
            | "tower"
            | "towers"
            | "pylon"
            | "pylons"
            | "line"
            | "lines"
            | "bridge"
            | "bridges"
            | "dam"
            | "pipeline"
            | "infrastructure"
            | "transmission"
            | "telecommunications"
            | "relay"
    )
}

/// Whom a non-person target noun stands for ("the village of X": civilians; "a military
/// position": state forces).
pub fn target_noun(toks: &[Token], i: usize) -> Option<Party> {
    let a = w(toks, i);
    let prev = w(toks, i.wrapping_sub(1));
    let military_prev = matches!(
        prev,
        "military"
            | "army"
            | "security"
            | "gendarmerie"
            | "police"
            | "guard"
            | "forces"
            | "defence"
            | "defense"
            | "customs"
            | "fds"
            | "mixed"
    );
    match a {
        "position" | "positions" | "post" | "posts" | "outpost" | "outposts" | "base" | "bases" | "garrison" | "garrisons"
        | "checkpoint" | "checkpoints" | "patrol" | "patrols" | "barracks" | "detachment" | "unit" | "units" | "brigade" | "squad"
        | "escort" | "camp" | "convoy" | "station" | "headquarters" | "airport" | "airbase" | "prison" => {
            if matches!(a, "camp" | "convoy" | "station" | "post" | "headquarters" | "airport" | "prison") && !military_prev {
                // a refugee camp, a Fulani camp, a bus convoy, a radio station: civilians
                if matches!(a, "camp" | "convoy") {
                    return Some(Party::Civilian);
                }
                return None;
            }
            Some(Party::State)
        }
        "village" | "villages" | "hamlet" | "hamlets" | "town" | "market" | "markets" | "mosque" | "mosques" | "church" | "churches"
        | "school" | "schools" | "farm" | "farms" | "fields" | "houses" | "homes" | "home" | "house" | "shops" | "quarter"
        | "neighbourhood" | "neighborhood" | "compound" | "residence" | "wedding" | "funeral" | "bus" | "vehicle" | "vehicles"
        | "truck" | "trucks" | "hospital" | "clinic" | "settlement" | "settlements" | "site" | "well" | "wells" | "population"
        | "populations" | "community" | "communities" | "encampment" | "herd" | "herds" | "livestock" | "cattle" | "ngo" | "locality"
        | "localities" | "camps" | "passengers" | "ambulance" | "car" | "cart" | "taxi" | "minibus" | "motorcycle" | "warehouse"
        | "shop" | "mine" | "office" | "offices" => {
            if matches!(a, "vehicle" | "vehicles" | "truck" | "trucks") && military_prev {
                return Some(Party::State);
            }
            Some(Party::Civilian)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn cues(t: &str) -> Vec<(Act, bool)> {
        let toks = tokenize(t);
        acts(&toks, 0, toks.len()).into_iter().map(|c| (c.act, c.specific)).collect()
    }

    #[test]
    fn specific_and_generic() {
        assert_eq!(cues("Gunmen attacked the village."), vec![(Act::Attack, true)]);
        assert_eq!(cues("There has been a rise in attacks on the army."), vec![(Act::Attack, false)]);
        assert_eq!(cues("A roadside bomb exploded under a truck."), vec![(Act::Explosive, true), (Act::Explosive, true)]);
        assert_eq!(cues("Soldiers defused an IED near the well."), vec![(Act::Defuse, true), (Act::Explosive, true)]);
        assert_eq!(cues("Air strikes hit a convoy."), vec![(Act::Air, true), (Act::Attack, true)]);
        assert_eq!(cues("The militants seized 40 cattle."), vec![(Act::Loot, true)]);
        assert_eq!(cues("Residents demonstrated and police fired tear gas."), vec![(Act::Protest, true), (Act::Intervention, true)]);
    }

    #[test]
    fn tactics_are_named() {
        let toks = tokenize("They used improvised explosive devices and kamikaze vehicles, then fled on motorbikes.");
        let names: Vec<&str> = tactics(&toks, 0, toks.len()).into_iter().map(|t| t.0).collect();
        assert_eq!(names, vec!["improvised explosive devices", "suicide vehicles", "motorcycles"]);
    }
}
