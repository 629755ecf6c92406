//! Casualty frames: who was killed, wounded, went missing or was taken, and how many.
//!
//! A frame links a *count phrase* ("at least 15 Niger soldiers", "21 \u{201C}terrorists\u{201D}",
//! "a guard", "the village chief's son", "five others") to an *outcome trigger*:
//!
//! - active verbs take the count after them as their object ("militants killed eight
//!   villagers", "killing 12 soldiers", "shot dead three gendarmes and a civilian");
//! - passive and intransitive forms take the count before them ("seven soldiers were killed",
//!   "17 soldiers lost their lives", "16 were wounded", "three soldiers were unaccounted for");
//! - nouns take the count after "of" ("the deaths of at least 9 of its gendarmes", "the loss of
//!   11 troops", "cost the lives of 14 police officers and a herder");
//! - tolls take the number after them ("the death toll rose to 30").
//!
//! A count not linked to any trigger is not a casualty: "hundreds of militants attacked" counts
//! attackers. Coordinated counts share the trigger; an elided count after "and" takes the
//! outcome of the frame before it ("four gendarmes were killed in the fighting, and two in a
//! vehicle crash"). A count with no noun ("16 were wounded", "five others") takes the party of the
//! casualty count before it in the sentence, or stays [`Party::Unknown`] for the event to
//! resolve. Counts after "including" / "among them" are parts of a larger count and are
//! flagged `subset`. Each frame's own clause decides its cause: "accident", "crash" and the
//! like make it an accident. Negated ("no soldier was killed"), attempted ("tried to abduct")
//! and hypothetical ("threatened to kill") outcomes are not frames.

use crate::lexicon::{Party, arming_modifier, demonym, filler, passive_aux, person_noun};
use crate::numbers::NumTok;
use crate::tokens::{Kind, Token};
use sitrep_model::taxonomy::{Cause, Outcome};
use sitrep_model::{Amount, ExtractorId, Span};

/// A count phrase: a number or a determiner with the people it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountPhrase {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// How many.
    pub amount: Amount,
    /// Whose people.
    pub party: Party,
    /// Country of a demonym modifier ("French soldiers").
    pub country: Option<&'static str>,
    /// "another", "an additional", "five others": adds to a count already given.
    pub additive: bool,
    /// After "including" / "among them": part of a larger count.
    pub subset: bool,
    /// A pronoun ("he", "she", "him"): one person, party from context.
    pub pronoun: bool,
    /// Head noun token, if any.
    pub head: Option<usize>,
}

impl CountPhrase {
    /// `amount` people of `party` over tokens `[start, end)`: no country, not additive, not a
    /// subset, not a pronoun (callers set those).
    fn new(start: usize, end: usize, amount: Amount, party: Party, head: Option<usize>) -> Self {
        CountPhrase { start, end, amount, party, country: None, additive: false, subset: false, pronoun: false, head }
    }

    /// One person of `party` (see [`CountPhrase::new`]).
    fn one(start: usize, end: usize, party: Party, head: Option<usize>) -> Self {
        CountPhrase::new(start, end, Amount::exact(1), party, head)
    }
}

/// One casualty frame in a token stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The count.
    pub count: CountPhrase,
    /// Killed, wounded, missing, captured.
    pub outcome: Outcome,
    /// Violence or accident.
    pub cause: Cause,
    /// True when the clause says the cause ("in combat", "in a road accident").
    pub explicit_cause: bool,
    /// Trigger tokens `[start, end)`.
    pub trigger: (usize, usize),
    /// Bytes covering the count and the trigger (the quote).
    pub span: Span,
    /// The rule.
    pub extractor: ExtractorId,
}

impl Frame {
    /// A frame of violence whose clause does not say the cause (the default reading).
    fn violent(count: CountPhrase, outcome: Outcome, trigger: (usize, usize), span: Span, extractor: ExtractorId) -> Self {
        Frame { count, outcome, cause: Cause::Violence, explicit_cause: false, trigger, span, extractor }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Object after, else subject before.
    Active,
    /// Subject before only.
    Intransitive,
    /// Count after "of".
    NounOf,
    /// Number after ("death toll rose to 30").
    Toll,
    /// Number right before ("12 deaths", "30 bodies").
    NumberBefore,
    /// Object after only ("lost 12 soldiers").
    ObjectOnly,
    /// "took his own life": the shooter's own death, the phrase its own count.
    OwnLife,
}

struct Trigger {
    outcome: Outcome,
    form: Form,
    len: usize,
    extractor: ExtractorId,
}

const KILL_VERB: ExtractorId = ExtractorId::new("casualty.kill.v1");
const WOUND_VERB: ExtractorId = ExtractorId::new("casualty.wound.v1");
const MISSING: ExtractorId = ExtractorId::new("casualty.missing.v1");
const CAPTURE: ExtractorId = ExtractorId::new("casualty.capture.v1");
/// Nouns with "of" ("the deaths of ...", "the murder of ...").
pub const NOUN: ExtractorId = ExtractorId::new("casualty.noun.v1");
/// Tolls ("the death toll rose to 30").
pub const TOLL: ExtractorId = ExtractorId::new("casualty.toll.v1");
const ELLIPSIS: ExtractorId = ExtractorId::new("casualty.ellipsis.v1");
/// "killed himself", "turned the gun on himself": the attacker's own death.
pub const SELF_KILL: ExtractorId = ExtractorId::new("casualty.self.v1");

fn word(toks: &[Token], i: usize) -> &str {
    toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

fn trigger_at(toks: &[Token], k: usize) -> Option<Trigger> {
    use Form::*;
    use Outcome::*;
    let w = word(toks, k);
    let next = word(toks, k + 1);
    let t = |outcome, form, len, extractor| Some(Trigger { outcome, form, len, extractor });
    match w {
        "shot" | "shooting" | "gunned" if matches!(next, "dead" | "down") => t(Killed, Active, 2, KILL_VERB),
        "shot" | "stabbed" | "beaten" | "burned" | "burnt" | "hacked" | "clubbed" | "tortured" | "starved"
            if next == "to" && word(toks, k + 2) == "death" =>
        {
            t(Killed, Active, 3, KILL_VERB)
        }
        // headlines: "6 shot at Easter party", "4 People Shot on Main Street"
        "shot"
            if (toks.get(k.wrapping_sub(1)).is_some_and(|t| t.kind == Kind::Num)
                || crate::numbers::is_number_word(word(toks, k.wrapping_sub(1)))
                || person_noun(word(toks, k.wrapping_sub(1))).is_some_and(|p| !p.singular))
                && !toks.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
                && !matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "dead" | "down" | "and" | "to")
                && !crate::numbers::is_number_word(next) =>
        {
            t(Wounded, Intransitive, 1, WOUND_VERB)
        }
        // "a girl was fatally shot"; "six people were shot" (hit, not said to be killed)
        "shot" | "shooting" | "shoots" | "shoot" if matches!(word(toks, k.wrapping_sub(1)), "fatally" | "mortally") => {
            t(Killed, Active, 1, KILL_VERB)
        }
        // "four teens were shot, one fatally"
        "fatally" | "mortally"
            if !matches!(
                next,
                "shot"
                    | "wounded"
                    | "injured"
                    | "stabbed"
                    | "struck"
                    | "hurt"
                    | "hit"
                    | "injuring"
                    | "wounding"
                    | "shooting"
                    | "shoots"
                    | "shooting,"
                    | "beaten"
                    | "gunned"
            ) && (toks.get(k.wrapping_sub(1)).is_some_and(|t| t.kind == Kind::Num)
                || crate::numbers::is_number_word(word(toks, k.wrapping_sub(1)))
                // "shot three people, two of them fatally"
                || (matches!(word(toks, k.wrapping_sub(1)), "them" | "whom")
                    && word(toks, k.wrapping_sub(2)) == "of"
                    && (toks.get(k.wrapping_sub(3)).is_some_and(|t| t.kind == Kind::Num)
                        || crate::numbers::is_number_word(word(toks, k.wrapping_sub(3)))))) =>
        {
            t(Killed, Intransitive, 1, KILL_VERB)
        }
        // "shot himself", "turned the gun on himself": the shooter's own death
        "shot" if matches!(next, "himself" | "herself") => t(Killed, Active, 1, KILL_VERB),
        "turned" | "turning" | "turns" | "turn"
            if matches!(next, "the" | "a" | "his" | "her")
                && matches!(word(toks, k + 2), "gun" | "weapon" | "rifle" | "pistol" | "handgun" | "shotgun" | "firearm")
                && word(toks, k + 3) == "on"
                && matches!(word(toks, k + 4), "himself" | "herself") =>
        {
            t(Killed, Active, 4, KILL_VERB)
        }
        "shot"
            if (passive_aux(word(toks, k.wrapping_sub(1)))
                || (passive_aux(word(toks, k.wrapping_sub(2)))
                    && matches!(
                        word(toks, k.wrapping_sub(1)),
                        "found" | "also" | "reportedly" | "allegedly" | "apparently" | "critically" | "seriously" | "reported" | "later"
                    )))
                && !(next == "and" && matches!(word(toks, k + 2), "killed" | "dead" | "died" | "wounded" | "injured" | "fatally"))
                && !matches!(next, "down" | "dead")
                // "were shot at a party", "was shot at about 9 p.m." (a place or a time), not
                // "was shot at by a deputy" (fired at)
                && (next != "at"
                    || matches!(word(toks, k + 2), "a" | "an" | "the" | "about" | "around" | "approximately" | "roughly" | "least")
                    || toks.get(k + 2).is_some_and(|t| t.kind == Kind::Num || (t.cap && t.kind == Kind::Word))) =>
        {
            t(Wounded, Intransitive, 1, WOUND_VERB)
        }
        // "a man shot four people", "shooting two teens" (hit: the dead among them too)
        "shot" | "shooting" | "shoots"
            if !matches!(next, "at" | "down" | "dead" | "and" | "to" | "himself" | "herself" | "in" | "by")
                && (toks.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
                    || crate::numbers::is_number_word(next)
                    || matches!(next, "a" | "an")) =>
        {
            t(Wounded, ObjectOnly, 1, WOUND_VERB)
        }
        // "sent three others to the hospital" (hit)
        "sent" | "sending" | "sends"
            if (k + 2..k + 9).any(|j| matches!(word(toks, j), "hospital" | "hospitals"))
                && (k + 2..k + 7).any(|j| word(toks, j) == "to") =>
        {
            t(Wounded, ObjectOnly, 1, WOUND_VERB)
        }
        // "two victims remain in critical condition" (hit)
        "in" if matches!(
            next,
            "critical" | "serious" | "stable" | "fair" | "good" | "grave" | "life-threatening" | "satisfactory" | "guarded" | "extremely"
        ) && (k + 2..k + 4).any(|j| word(toks, j) == "condition") =>
        {
            let end = (k + 2..k + 4).find(|&j| word(toks, j) == "condition").map_or(k + 1, |j| j + 1);
            t(Wounded, Intransitive, end - k, WOUND_VERB)
        }
        "burned" | "burnt" if next == "alive" => t(Killed, Intransitive, 2, KILL_VERB),
        // "before taking his own life"
        "took" | "taking" | "take" | "takes"
            if matches!(next, "his" | "her") && word(toks, k + 2) == "own" && word(toks, k + 3) == "life" =>
        {
            t(Killed, OwnLife, 4, SELF_KILL)
        }
        "kill" | "kills" | "killed" | "killing" | "murder" | "murdered" | "murdering" | "execute" | "executed" | "executing" | "behead"
        | "beheaded" | "beheading" | "slaughter" | "slaughtered" | "slaughtering" | "massacre" | "massacred" | "massacring" | "slew"
        | "assassinate" | "assassinated" | "lynch" | "lynched" | "eliminate" | "eliminated" | "eliminating" | "neutralise"
        | "neutralised" | "neutralising" | "neutralize" | "neutralized" | "neutralizing" | "slay" | "slays" | "slain"
            if !(matches!(w, "killing" | "massacre" | "murder") && next == "of") =>
        {
            t(Killed, Active, 1, KILL_VERB)
        }
        "killing" | "killings" | "massacre" | "murder" | "murders" | "death" | "deaths" | "loss" | "elimination" | "lives" | "bodies"
        | "execution" | "executions" | "assassination"
            if next == "of" =>
        {
            t(Killed, NounOf, 2, NOUN)
        }
        "died" | "die" | "dies" | "dying" | "perished" | "perish" | "succumbed" | "dead" => t(Killed, Intransitive, 1, KILL_VERB),
        // "where she passed away"
        "passed" | "passes" | "pass" | "passing" if next == "away" => t(Killed, Intransitive, 2, KILL_VERB),
        // "was pronounced deceased", "the man was deceased"
        "deceased" if matches!(word(toks, k.wrapping_sub(1)), "pronounced" | "declared" | "found" | "was" | "were" | "is" | "are") => {
            t(Killed, Intransitive, 1, KILL_VERB)
        }
        // "found two deceased victims and two injured people": an adjective of harm between a
        // number and the people it counts
        "deceased" | "injured" | "wounded"
            if (toks.get(k.wrapping_sub(1)).is_some_and(|t| t.kind == Kind::Num)
                || crate::numbers::is_number_word(word(toks, k.wrapping_sub(1))))
                && (person_noun(next).is_some_and(|p| !p.singular)
                    || (next.len() > 4
                        && next.ends_with('s')
                        && !next.ends_with("ss")
                        && !not_people(next)
                        && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word && !t.cap && !stop(t)))) =>
        {
            t(if w == "deceased" { Killed } else { Wounded }, NumberBefore, 1, if w == "deceased" { KILL_VERB } else { WOUND_VERB })
        }
        // "two others are fighting for their lives" (hit)
        "fighting" | "fight" | "fights" | "battling"
            if next == "for" && matches!(word(toks, k + 2), "their" | "his" | "her") && matches!(word(toks, k + 3), "lives" | "life") =>
        {
            t(Wounded, Intransitive, 4, WOUND_VERB)
        }
        // "lost their lives", "claims 12 soldiers' lives", "took four lives" (not "who lives")
        "lives" | "life"
            if {
                let p = word(toks, k.wrapping_sub(1));
                matches!(p, "their" | "his" | "her" | "its" | "'" | "'s")
                    || toks.get(k.wrapping_sub(1)).is_some_and(|t| t.kind == Kind::Num)
                    || crate::numbers::is_number_word(p)
            } =>
        {
            t(Killed, Intransitive, 1, KILL_VERB)
        }
        "end" if matches!(word(toks, k.wrapping_sub(1)), "their" | "his" | "her") && word(toks, k.wrapping_sub(2)) == "met" => {
            t(Killed, Intransitive, 1, KILL_VERB)
        }
        // "the fatal shooting of a 15-year-old boy"
        "shooting" | "shootings" | "stabbing"
            if next == "of" && matches!(word(toks, k.wrapping_sub(1)), "fatal" | "deadly" | "fatally") =>
        {
            t(Killed, NounOf, 2, NOUN)
        }
        "deaths" | "fatalities" | "bodies" | "corpses" => t(Killed, NumberBefore, 1, NOUN),
        "toll" => t(Killed, Toll, 1, TOLL),
        // "bringing the number of fatalities to three"
        "number" if next == "of" && matches!(word(toks, k + 2), "fatalities" | "deaths" | "dead") => t(Killed, Toll, 3, TOLL),
        "lost" if !matches!(next, "their" | "his" | "her" | "its" | "control" | "contact") => t(Killed, ObjectOnly, 1, KILL_VERB),
        "wounded" | "injured" | "wounding" | "injuring" if matches!(word(toks, k.wrapping_sub(1)), "fatally" | "mortally") => {
            t(Killed, Active, 1, KILL_VERB)
        }
        // ("wounds" and "wound" are nouns unless an object follows: "died of gunshot wounds",
        // "historical wounds"; "a gunman wounds two")
        "wound" | "wounds"
            if !(toks.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
                || crate::numbers::is_number_word(next)
                || matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "another")) =>
        {
            None
        }
        "wound" | "wounds" | "wounded" | "wounding" | "injure" | "injures" | "injured" | "injuring" | "maimed" => {
            t(Wounded, Active, 1, WOUND_VERB)
        }
        "hurt" | "hospitalised" | "hospitalized" => t(Wounded, Intransitive, 1, WOUND_VERB),
        // "three men were found with gunshot wounds" (hit: the dead among them too)
        "with" if gunshot_wounds_end(toks, k).is_some() => {
            t(Wounded, Intransitive, gunshot_wounds_end(toks, k).unwrap_or(k + 1) - k, WOUND_VERB)
        }
        // "four people were struck by gunfire", "a blast that struck four people" (hit)
        "struck" | "hit"
            if (k.saturating_sub(8)..k + 8).any(|j| {
                matches!(
                    word(toks, j),
                    "bullet" | "bullets" | "gunfire" | "pellets" | "gunshot" | "gunshots" | "shotgun" | "rounds" | "stray"
                )
            }) =>
        {
            t(Wounded, Active, 1, WOUND_VERB)
        }
        // "suffered a graze wound", "sustained non-life-threatening injuries", "were treated at a
        // local hospital" (hit: the dead may have suffered them too)
        "suffered" | "suffering" | "sustained" | "suffers" | "treated"
            if (k + 1..k + 7).any(|j| matches!(word(toks, j), "wound" | "wounds" | "injuries" | "injury" | "hospital" | "hospitals"))
                && !(k + 1..k + 7).any(|j| matches!(word(toks, j), "fatal" | "deadly")) =>
        {
            t(Wounded, Intransitive, 1, WOUND_VERB)
        }
        // "two more were rushed to the hospital" (hit: some may have died there)
        "rushed" | "taken" | "transported" | "airlifted" | "flown"
            if (k + 1..k + 6).any(|j| matches!(word(toks, j), "hospital" | "hospitals")) && word(toks, k + 1) == "to" =>
        {
            t(Wounded, Intransitive, 1, WOUND_VERB)
        }
        "injuries" | "injury" if next == "of" => t(Wounded, NounOf, 2, NOUN),
        "missing" | "unaccounted" | "disappeared" => t(Missing, Intransitive, 1, MISSING),
        "abduction" | "abductions" | "kidnapping" | "kidnappings" | "capture" if next == "of" => t(Captured, NounOf, 2, NOUN),
        "abduct" | "abducts" | "abducted" | "abducting" | "kidnap" | "kidnaps" | "kidnapped" | "kidnapping" | "capture" | "captured"
        | "capturing" | "seize" | "seized" | "seizing" | "snatched" => t(Captured, Active, 1, CAPTURE),
        "hostage" | "hostages" | "captive" | "captives" | "prisoner" | "prisoners"
            if (1..=6)
                .any(|d| k >= d && matches!(word(toks, k - d), "taken" | "held" | "took" | "taking" | "take" | "holding" | "hold")) =>
        {
            t(Captured, Intransitive, 1, CAPTURE)
        }
        _ => None,
    }
}

/// "with gunshot wounds", "with a bullet wound" after `k` ("with"): the end of the phrase.
fn gunshot_wounds_end(toks: &[Token], k: usize) -> Option<usize> {
    let mut j = k + 1;
    while j < k + 4 && matches!(word(toks, j), "a" | "multiple" | "several" | "serious" | "critical" | "apparent" | "minor" | "fatal") {
        j += 1;
    }
    (matches!(word(toks, j), "gunshot" | "gun-shot" | "bullet") && matches!(word(toks, j + 1), "wound" | "wounds")).then_some(j + 2)
}

/// True when the trigger at `k` is negated, attempted or hypothetical.
fn unrealised(toks: &[Token], k: usize) -> bool {
    let b1 = word(toks, k.wrapping_sub(1));
    let b2 = word(toks, k.wrapping_sub(2));
    let b3 = word(toks, k.wrapping_sub(3));
    if matches!(b1, "not" | "never" | "no" | "without" | "could" | "would" | "might" | "may" | "will" | "can" | "should")
        || matches!(b2, "not" | "never" | "no" | "without") && passive_aux(b1)
        || b1 == "n't"
    {
        return true;
    }
    if b1 == "to"
        && matches!(
            b2,
            "attempt"
                | "attempted"
                | "attempting"
                | "tried"
                | "try"
                | "trying"
                | "threatened"
                | "threaten"
                | "threatening"
                | "vowed"
                | "plan"
                | "planned"
                | "planning"
                | "wanted"
                | "sought"
                | "failed"
                | "intended"
                | "able"
                | "unable"
                | "prevent"
                | "going"
                | "aim"
                | "aimed"
        )
    {
        return true;
    }
    // killings recalled by demonstrators or ceremonies, not reported as news
    if (1..=5).any(|d| {
        k >= d && {
            let x = word(toks, k - d);
            matches!(
                x,
                "denounced"
                    | "denouncing"
                    | "denounce"
                    | "condemned"
                    | "condemning"
                    | "condemn"
                    | "commemorating"
                    | "commemorated"
                    | "commemorate"
                    | "mourned"
                    | "mourning"
                    | "remembering"
                    | "anniversary"
            ) || (x == "against"
                && k > d
                && matches!(
                    word(toks, k - d - 1),
                    "protest" | "protested" | "protesting" | "demonstrated" | "demonstrating" | "marched" | "rallied"
                ))
        }
    }) {
        return true;
    }
    // "no one was killed", "nobody was hurt", "none were wounded"
    (b2 == "no" && b1 == "one" || matches!(b1, "nobody" | "none") || matches!(b2, "nobody" | "none") && passive_aux(b1))
        || (b3 == "no" && b2 == "one" && passive_aux(b1))
}

fn is_quote(t: &Token) -> bool {
    t.kind == Kind::Punct && matches!(t.lower.as_str(), "\"" | "'" | "\u{201c}" | "\u{201d}" | "\u{ab}" | "\u{bb}")
}

/// Words that end a count phrase without a head noun.
fn stop(t: &Token) -> bool {
    if t.kind == Kind::Punct {
        return !is_quote(t) && !t.is_punct('-');
    }
    matches!(
        t.lower.as_str(),
        "were"
            | "was"
            | "have"
            | "had"
            | "has"
            | "are"
            | "is"
            | "be"
            | "been"
            | "in"
            | "at"
            | "on"
            | "near"
            | "during"
            | "from"
            | "by"
            | "with"
            | "while"
            | "and"
            | "or"
            | "but"
            | "who"
            | "which"
            | "that"
            | "to"
            | "for"
            | "after"
            | "before"
            | "as"
            | "when"
            | "including"
            | "among"
            | "into"
            | "across"
            | "over"
            | "under"
            | "since"
            | "until"
            | "per"
            | "each"
            | "a"
            | "an"
            | "the"
            | "this"
            | "these"
            | "those"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "i"
            | "you"
    ) || trigger_like(&t.lower)
}

fn trigger_like(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "killing"
            | "died"
            | "dead"
            | "wounded"
            | "injured"
            | "abducted"
            | "kidnapped"
            | "missing"
            | "lost"
            | "perished"
            | "slain"
            | "captured"
            | "seized"
            | "attacked"
            | "said"
            | "reported"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "hours"
            | "minutes"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "metres"
            | "meters"
    )
}

/// Modifiers allowed between a number or determiner and the noun it counts.
fn modifier_ok(t: &Token) -> bool {
    t.kind == Kind::Word || is_quote(t) || t.is_punct('-')
}

const DETERMINERS: &[&str] = &["a", "an", "another", "the", "his", "her", "their", "its", "one"];

/// Every count phrase of `toks[range]`, in order.
pub fn count_phrases(toks: &[Token], nums: &[NumTok], range: (usize, usize), hints: &[Option<Party>]) -> Vec<CountPhrase> {
    let (lo, hi) = range;
    let mut out = Vec::new();
    let mut num_iter = nums.iter().filter(|n| n.start >= lo && n.end <= hi).peekable();
    let mut i = lo;
    while i < hi {
        while num_iter.peek().is_some_and(|n| n.start < i) {
            num_iter.next();
        }
        let num = num_iter.peek().filter(|n| n.start == i).copied();
        // "a 20 year-old man": an age written apart, one person
        let age_apart = num.is_some_and(|n| {
            // (not the last of a list of ages: "who are 19 and 22 years old")
            !(matches!(word(toks, n.start.wrapping_sub(1)), "and" | "," | "or" | "to")
                && toks.get(n.start.wrapping_sub(2)).is_some_and(|t| t.kind == Kind::Num))
                && (matches!(word(toks, n.end), "year-old" | "years-old" | "month-old")
                    || (matches!(word(toks, n.end), "year" | "years") && word(toks, n.end + 1) == "old"))
        });
        let cp = if age_apart {
            let n = num.expect("checked");
            let skip = if word(toks, n.end + 1) == "old" { 2 } else { 1 };
            let back = if i > lo && matches!(word(toks, i - 1), "a" | "an" | "the") { i - 1 } else { i };
            head_after(toks, n.end + skip, hi, Amount::exact(1), true, hints)
                .map(|mut c| {
                    c.start = back;
                    c
                })
                // "a 17 year old is wounded"
                .or(Some(CountPhrase::one(back, n.end + skip, Party::Civilian, Some(n.end + skip - 1))))
        } else if let Some(n) = num.filter(|n| !in_age_list(toks, n.start, lo)) {
            head_after(toks, n.end, hi, n.amount, false, hints).or_else(|| bare(toks, n, hi)).map(|mut c| {
                c.start = i;
                // "injured another four people": the phrase starts at "another"; "the other
                // two" at "the"
                if i > lo && toks[i - 1].is("another") {
                    c.start = i - 1;
                    c.additive = true;
                } else if i > lo + 1 && toks[i - 1].is("other") && matches!(word(toks, i - 2), "the" | "their" | "his" | "her") {
                    c.start = i - 2;
                    c.additive = true;
                }
                c
            })
        } else {
            let w = word(toks, i);
            // ("the other two": the number counts, see below)
            let other_number = word(toks, i + 1) == "other"
                && toks.get(i + 2).is_some_and(|t| t.kind == Kind::Num || crate::numbers::is_number_word(&t.lower));
            let det = if DETERMINERS.contains(&w) && !toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num) && !other_number {
                head_after(toks, i + 1, hi, Amount::exact(1), true, hints).map(|mut c| {
                    c.start = i;
                    // (not the second of a list: "Dana Smith, 67, and another man were killed")
                    c.additive |= w == "another" && !listed_after(toks, i, lo);
                    c
                })
            } else {
                None
            };
            if det.is_some() {
                det
            } else if w == "another"
                && toks.get(i + 1).is_some_and(|t| t.kind == Kind::Punct || passive_aux(&t.lower) || trigger_at(toks, i + 1).is_some())
            {
                Some(CountPhrase { additive: true, ..CountPhrase::one(i, i + 1, Party::Unknown, None) })
            } else if w == "a"
                && matches!(word(toks, i + 1), "second" | "third" | "fourth" | "fifth" | "sixth")
                && i + 2 < hi
                && (trigger_at(toks, i + 2).is_some_and(|t| t.outcome == Outcome::Killed)
                    || (word(toks, i + 2) == "later" && trigger_at(toks, i + 3).is_some_and(|t| t.outcome == Outcome::Killed)))
            {
                // "One died at the scene and a second died later": one more of the dead (the
                // reader counts the dead as at least that many)
                Some(CountPhrase { additive: true, ..CountPhrase::one(i, i + 2, Party::Unknown, None) })
            } else if matches!(w, "himself" | "herself") && i > lo && trigger_at(toks, i - 1).is_some_and(|t| t.outcome == Outcome::Killed)
                || (i >= lo + 4 && matches!(word(toks, i - 4), "turned" | "turning" | "turns" | "turn") && word(toks, i - 1) == "on")
            {
                // "killed himself", "turned the gun on himself": the shooter, a death of its own
                Some(CountPhrase::one(i, i + 1, Party::Armed, None))
            } else if toks[i].cap
                && (i == lo || (toks[i - 1].kind == Kind::Punct && !toks[i - 1].is_punct(',')))
                && person_noun(w).is_some_and(|p| p.singular)
                && !matches!(w, "police" | "officials" | "authorities")
            {
                // a headline's bare noun: "Teen dies after shooting", "Man killed on Elm Street"
                let p = person_noun(w).map_or(Party::Unknown, |p| p.party);
                Some(CountPhrase::one(i, i + 1, p, Some(i)))
            } else if let Some(end) = age_head(toks, i, hi) {
                // "22-year-old Dana Smith was killed", "a gunman shot 17-year-old Lee Park"
                Some(CountPhrase::one(i, end, Party::Civilian, Some(i)))
            } else if let Some(end) = name_subject(toks, i, lo, hi, hints) {
                // "Dana Smith, 22, died at the hospital": a named person (a civilian unless
                // the text says otherwise: "Officer Dana Smith", "Deputy Lee Park" take the
                // title's side, the title starting the phrase)
                let title = (i > lo && toks[i - 1].cap).then(|| person_noun(&toks[i - 1].lower)).flatten().filter(|p| p.singular);
                match title {
                    Some(p) => {
                        if out.last().is_some_and(|c: &CountPhrase| c.start == i - 1 && c.end == i) {
                            out.pop();
                        }
                        Some(CountPhrase::one(i - 1, end, p.party, None))
                    }
                    None => Some(CountPhrase::one(i, end, Party::Civilian, None)),
                }
            } else if matches!(w, "he" | "she" | "him") {
                Some(CountPhrase { pronoun: true, ..CountPhrase::one(i, i + 1, Party::Unknown, None) })
            } else if w == "they"
                && let v = if matches!(word(toks, i + 1), "both" | "all" | "later") { i + 2 } else { i + 1 }
                && v < hi
                && (passive_aux(word(toks, v)) || trigger_at(toks, v).is_some())
            {
                // "they were pronounced dead": as many as the count it refers to, which the
                // reader finds (two until then)
                Some(CountPhrase { pronoun: true, ..CountPhrase::new(i, i + 1, Amount::exact(2), Party::Unknown, None) })
            } else if w == "both" && toks[i].cap {
                // "Both were taken to a hospital", "Both victims died": two people, at the head
                // of a sentence
                head_after(toks, i + 1, hi, Amount::exact(2), false, hints)
                    .filter(|c| c.head == Some(i + 1))
                    .map(|mut c| {
                        c.start = i;
                        c
                    })
                    .or_else(|| {
                        (passive_aux(word(toks, i + 1)) || trigger_at(toks, i + 1).is_some())
                            .then(|| CountPhrase::new(i, i + 1, Amount::exact(2), Party::Unknown, None))
                    })
            } else if i > lo
                && (toks[i - 1].is("and") || toks[i - 1].is_punct(','))
                && out.last().is_some_and(|c: &CountPhrase| c.end == i - 1 && c.amount.best == 1 && c.head.is_some() && !c.pronoun)
                && person_noun(w).is_some_and(|p| p.singular && p.party != Party::Unknown)
                && !toks.get(i + 1).is_some_and(|t| person_noun(&t.lower).is_some() || t.is("'s"))
            {
                // "a man, woman and boy", "a father and son": one more person each
                let p = person_noun(w).map_or(Party::Unknown, |p| p.party);
                Some(CountPhrase::one(i, i + 1, p, Some(i)))
            } else {
                None
            }
        };
        if let Some(mut c) = cp {
            let b1 = word(toks, c.start.wrapping_sub(1));
            let b2 = word(toks, c.start.wrapping_sub(2));
            c.subset = matches!(b1, "including" | "incl" | "notably" | "namely" | "whom")
                || (b2 == "among" && matches!(b1, "them" | "whom" | "those" | "the"))
                || (b2 == "of" && b1 == "whom");
            c.additive |= matches!(b1, "another" | "additional" | "further" | "other") || b2 == "additional";
            i = c.end.max(i + 1);
            out.push(c);
        } else if let Some(n) = num {
            i = n.end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// True when "and" before `i` closes a list whose first member is a person told by name or
/// age ("Dana Smith, 67, and another man", "a 20-year-old and another man"), so that the word
/// at `i` starts the list's second member, not one more person besides.
fn listed_after(toks: &[Token], i: usize, lo: usize) -> bool {
    if i < lo + 2 || !toks[i - 1].is("and") {
        return false;
    }
    let mut p = i - 2;
    if toks[p].is_punct(',') && p > lo {
        p -= 1;
    }
    let t = &toks[p];
    t.kind == Kind::Num
        || is_age_word(&t.lower)
        || (t.cap && t.kind == Kind::Word && person_noun(&t.lower).is_none() && !not_a_name(&t.lower))
}

/// True when the number at `i` is an age: in a list after "ages" / "aged" ("ages 17, 19 and
/// 20"), or a list of bare numbers in commas after a word ("two men, 27 and 32, were shot";
/// "the victims, 18, 20 and 22, were taken"), not a count.
fn in_age_list(toks: &[Token], i: usize, lo: usize) -> bool {
    let sep = |t: &Token| t.is_punct(',') || matches!(t.lower.as_str(), "and" | "or" | "to");
    let small = |t: &Token| t.kind == Kind::Num && t.lower.len() <= 2;
    if small(&toks[i]) {
        // the list's two ends
        let mut a = i;
        while a >= lo + 2 && sep(&toks[a - 1]) && small(&toks[a - 2]) {
            a -= 2;
        }
        let mut b = i;
        while b + 2 < toks.len() && sep(&toks[b + 1]) && small(&toks[b + 2]) {
            b += 2;
        }
        // "who are 20 and 15 years old"
        if matches!(word(toks, b + 1), "years" | "year") && word(toks, b + 2) == "old" {
            return true;
        }
        // "two males, 30 and 42, were injured": as many numbers as the people before them
        let listed = (b - a) / 2 + 1;
        if listed >= 2
            && a >= lo + 3
            && toks[a - 1].is_punct(',')
            && person_noun(&toks[a - 2].lower).is_some_and(|p| !p.singular)
            && (word(toks, a - 3) == ["", "one", "two", "three", "four", "five", "six"].get(listed).copied().unwrap_or("?")
                || word(toks, a - 3) == listed.to_string())
        {
            return true;
        }
        if a >= lo + 2
            && toks[a - 1].is_punct(',')
            && toks[a - 2].kind == Kind::Word
            && !crate::numbers::is_number_word(&toks[a - 2].lower)
            && (toks.get(b + 1).is_none_or(|t| t.kind == Kind::Punct && !t.is_punct('-') && !t.is_punct('%'))
                || (matches!(word(toks, b + 1), "years" | "year") && word(toks, b + 2) == "old"))
        {
            return true;
        }
    }
    in_age_list_after(toks, i, lo)
}

fn in_age_list_after(toks: &[Token], i: usize, lo: usize) -> bool {
    let mut k = i;
    while k > lo {
        k -= 1;
        let t = &toks[k];
        if matches!(t.lower.as_str(), "ages" | "aged" | "age" | "both") {
            return true;
        }
        // ("between the ages of 18 and 25", "under the age of 13")
        if !(t.kind == Kind::Num || t.is_punct(',') || matches!(t.lower.as_str(), "and" | "to" | "from" | "between" | "of" | "the"))
            || i - k > 12
        {
            return false;
        }
    }
    false
}

/// "17-year-old", "18-month-old", "17-year-olds".
pub(crate) fn is_age_word(w: &str) -> bool {
    w.len() > 9 && ["-year-old", "-years-old", "-month-old", "-year-olds", "-month-olds"].iter().any(|x| w.ends_with(x))
}

/// A person told by an age without a determiner ("22-year-old Dana Smith", "17-year-old
/// was shot"): the end of the phrase (past the name that follows), when a count phrase can
/// start at `i`. Not after a determiner or a number (those phrases start earlier).
fn age_head(toks: &[Token], i: usize, hi: usize) -> Option<usize> {
    let t = toks.get(i)?;
    // "an 18-month old is dead": the age written in two words
    let split = word(toks, i + 1) == "old"
        && t.lower
            .split_once('-')
            .is_some_and(|(d, u)| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) && matches!(u, "year" | "month" | "week" | "day"));
    if split {
        let b1 = word(toks, i.wrapping_sub(1));
        return (i + 2 <= hi && (b1.is_empty() || matches!(b1, "a" | "an" | "the") || !DETERMINERS.contains(&b1))).then_some(i + 2);
    }
    if !is_age_word(&t.lower) || t.lower.ends_with('s') {
        return None;
    }
    let b1 = word(toks, i.wrapping_sub(1));
    if DETERMINERS.contains(&b1) || toks.get(i.wrapping_sub(1)).is_some_and(|p| p.kind == Kind::Num) || b1.ends_with("'s") {
        return None;
    }
    // a person noun after it makes an ordinary count phrase ("17-year-old boy")
    if toks.get(i + 1).is_some_and(|n| person_noun(&n.lower).is_some()) {
        return head_after(toks, i, hi, Amount::exact(1), true, &[]).map(|c| c.end);
    }
    let mut end = i + 1;
    while end < hi && end < i + 4 && toks[end].kind == Kind::Word && toks[end].cap {
        end += 1;
    }
    Some(end)
}

/// Capitalised words that are not the names of people.
fn not_a_name(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "officials"
            | "authorities"
            | "he"
            | "she"
            | "they"
            | "it"
            | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "one"
            | "no"
            | "nobody"
            | "none"
            | "everyone"
            | "someone"
            | "who"
            | "what"
            | "there"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "investigators"
            | "detectives"
            | "deputies"
            | "witnesses"
            | "neighbors"
            | "neighbours"
            | "family"
            | "friends"
            | "both"
            | "all"
            | "each"
            | "but"
            | "and"
            | "when"
            | "while"
            | "after"
            | "if"
            | "as"
            | "since"
            | "although"
            | "though"
            | "because"
            | "once"
            | "until"
            | "before"
            | "during"
            | "despite"
            | "then"
            | "now"
            | "meanwhile"
            | "however"
            | "later"
            | "earlier"
            | "last"
            | "these"
            | "those"
            | "our"
            | "my"
            | "its"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
    ) || crate::numbers::is_number_word(w)
        || sitrep_time_word(w)
}

fn sitrep_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
    )
}

/// A named person as the subject of a casualty verb: one to three capitalised words (no
/// person noun, no named group), an optional age in commas, then "was" / "is" / "had been" /
/// "died" ("Dana Smith, 22, was shot", "Smith died Sunday"). The end of the phrase (before
/// the age).
fn name_subject(toks: &[Token], i: usize, lo: usize, hi: usize, hints: &[Option<Party>]) -> Option<usize> {
    let is_name = |k: usize| {
        toks.get(k).is_some_and(|t| {
            k < hi
                && t.kind == Kind::Word
                && t.cap
                && t.lower.chars().next().is_some_and(char::is_alphabetic)
                && person_noun(&t.lower).is_none()
                && demonym(&t.lower).is_none()
                && !not_a_name(&t.lower)
                && hints.get(k).copied().flatten().is_none()
        })
    };
    if !is_name(i) || (i > lo && is_name(i - 1)) {
        return None;
    }
    // the object of a killing: "shot and killed Dana Smith", "the murder of Lee Park"
    let b1 = word(toks, i.wrapping_sub(1));
    let b2 = word(toks, i.wrapping_sub(2));
    // "the grandson of Rep. Dana Smith was shot": the name is not the subject
    if (1..=6).any(|d| {
        i >= lo + d
            && word(toks, i - d) == "of"
            && !matches!(word(toks, (i - d).wrapping_sub(1)), "death" | "murder" | "killing" | "slaying" | "homicide")
            && (i - d + 1..i).all(|q| toks[q].cap || toks[q].is_punct('.'))
    }) {
        return None;
    }
    if i > lo
        && (matches!(b1, "killed" | "killing" | "kills" | "murdered" | "murdering" | "slaying")
            || (b1 == "of" && matches!(b2, "death" | "murder" | "killing" | "slaying" | "homicide")))
    {
        let mut end = i + 1;
        while end < i + 3 && is_name(end) {
            end += 1;
        }
        return Some(end);
    }
    let mut end = i + 1;
    while end < i + 3 && is_name(end) {
        end += 1;
    }
    // a name of one word only as a sentence subject, or after "and" ("Smith, 22, and Park, 19,
    // were shot"; the verb check below still applies)
    if end == i + 1
        && i != lo
        && !toks[i - 1].is_punct(',')
        && !matches!(toks[i - 1].lower.as_str(), "and" | "while" | "but" | "where" | "when" | "after")
    {
        return None;
    }
    let mut p = end;
    if word(toks, p) == "," && toks.get(p + 1).is_some_and(|t| t.kind == Kind::Num) && word(toks, p + 2) == "," {
        end = p + 2;
        p += 3;
    }
    let ok = match word(toks, p) {
        "was" | "is" | "were" | "are" => true,
        "had" | "has" | "have" => word(toks, p + 1) == "been",
        "died" | "dies" => true,
        // "left Dana Smith, 22, dead"
        "dead" => toks.get(p.wrapping_sub(1)).is_some_and(|t| t.is_punct(',')),
        // "Dana Smith, 22, and Lee Park, 19, were shot"
        "and" => is_name(p + 1),
        // "Dana Smith, who was pronounced dead"; "Lee, Kim and Park were killed"
        "," => (word(toks, p + 1) == "who" && matches!(word(toks, p + 2), "was" | "is" | "had" | "has" | "died")) || is_name(p + 1),
        _ => false,
    };
    ok.then_some(end)
}

/// Plural nouns that do not name people (a count of them is never a casualty).
fn not_people(w: &str) -> bool {
    matches!(
        w,
        "goats"
            | "cows"
            | "camels"
            | "donkeys"
            | "animals"
            | "heads"
            | "horses"
            | "sheeps"
            | "bulls"
            | "oxens"
            | "ruminants"
            | "vehicles"
            | "motorcycles"
            | "motorbikes"
            | "trucks"
            | "houses"
            | "homes"
            | "shops"
            | "buildings"
            | "rounds"
            | "bullets"
            | "shots"
            | "rockets"
            | "shells"
            | "mortars"
            | "bombs"
            | "mines"
            | "devices"
            | "weapons"
            | "rifles"
            | "guns"
            | "dollars"
            | "euros"
            | "francs"
            | "nairas"
            | "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "seconds"
            | "times"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "meters"
            | "metres"
            | "tons"
            | "tonnes"
            | "kilograms"
            | "percents"
            | "points"
            | "votes"
            | "seats"
            | "cases"
            | "incidents"
            | "attacks"
            | "events"
            | "villages"
            | "towns"
            | "areas"
            | "regions"
            | "schools"
            | "hospitals"
            | "boats"
            | "pirogues"
            | "bases"
            | "positions"
            | "sites"
            | "cattle"
            | "chickens"
            | "dogs"
            | "pigs"
    )
}

/// A number with no noun: counts people only when something verb-like or a clause end
/// follows ("16 were wounded", "and five in a road accident").
fn bare(toks: &[Token], n: &NumTok, hi: usize) -> Option<CountPhrase> {
    let next = toks.get(n.end).filter(|_| n.end < hi);
    // an age, not a count: "Lee, 24 was shot", "Lee Jr., 24, was shot" (a singular verb),
    // "who was 24", "all younger than 45"
    let after = if next.is_some_and(|t| t.is_punct(',')) { n.end + 1 } else { n.end };
    let b1 = word(toks, n.start.wrapping_sub(1));
    let b2 = word(toks, n.start.wrapping_sub(2));
    // "men in their early 20's": a decade of age
    if (n.amount.best >= 10
        && n.amount.best.is_multiple_of(10)
        && (matches!(word(toks, n.end), "s" | "'s") || (word(toks, n.end) == "'" && word(toks, n.end + 1) == "s")))
        || (n.amount.best > 1 && n.end == n.start + 1 && matches!(word(toks, after), "was" | "is" | "has"))
        || (matches!(b1, "was" | "is") && b2 == "who")
        || (b1 == "than" && matches!(b2, "younger" | "older"))
    {
        return None;
    }
    // "Donovan Spann, 18, was killed": an age after a name
    if n.start >= 2
        && toks[n.start - 1].is_punct(',')
        && toks[n.start - 2].kind == Kind::Word
        && next.is_some_and(|t| t.is_punct(','))
        && n.amount.best < 120
        && n.end == n.start + 1
    {
        return None;
    }
    // "wounding five partygoers": a plural noun the lexicon does not know, when a trigger
    // takes it; animals and things are not people
    if let Some(t) = next
        && t.kind == Kind::Word
        && !t.cap
        && t.lower.len() > 4
        && t.lower.ends_with('s')
        && !t.lower.ends_with("ss")
        && person_noun(&t.lower).is_none()
        && !not_people(&t.lower)
        && !stop(t)
        && n.start > 0
        && trigger_at(toks, n.start - 1).is_some()
        && !matches!(word(toks, n.start - 1), "shooting" | "shoots" | "sent" | "sending")
    {
        return Some(CountPhrase::new(n.start, n.end + 1, n.amount, Party::Unknown, Some(n.end)));
    }
    let ok = match next {
        None => true,
        Some(t) => {
            t.kind == Kind::Punct && !t.is_punct('%') && !t.is_punct('(') && !t.is_punct('-') && !t.is_punct('/') && !t.is_punct('$')
                || matches!(
                    t.lower.as_str(),
                    "were"
                        | "was"
                        | "have"
                        | "had"
                        | "are"
                        | "remain"
                        | "remained"
                        | "in"
                        | "during"
                        | "on"
                        | "while"
                        | "after"
                        | "others"
                        | "more"
                        | "of"
                        | "and"
                )
                || trigger_at(toks, n.end).is_some()
                || (filler(&t.lower) && t.kind == Kind::Word && !matches!(t.lower.as_str(), "to" | "as" | "that" | "who" | "which" | "s"))
                // "four people were shot, including one who died"
                || (t.is("who") && matches!(b1, "including" | "incl"))
                // "killing three and wounding 16 before taking his own life": the object of a
                // verb, a clause word after it
                || (t.kind == Kind::Word
                    && matches!(t.lower.as_str(), "before" | "at" | "near" | "inside" | "outside" | "as" | "when" | "with" | "across")
                    && n.start > 0
                    && trigger_at(toks, n.start - 1).is_some_and(|tr| matches!(tr.form, Form::Active | Form::ObjectOnly)))
        }
    };
    if !ok {
        return None;
    }
    // "two of the six died", "three of the other four were in serious condition": a part of a
    // count told before, the verb right after it
    let of_number = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Num || crate::numbers::is_number_word(&t.lower));
    if next.is_some_and(|t| t.is("of")) && word(toks, n.end + 1) == "the" {
        let m = if word(toks, n.end + 2) == "other" { n.end + 3 } else { n.end + 2 };
        // ("one of the six, a 24-year-old man, died": a remark in apposition before the verb)
        if m + 1 < hi
            && of_number(m)
            && (passive_aux(word(toks, m + 1)) || trigger_at(toks, m + 1).is_some() || (toks[m + 1].is_punct(',') && n.amount.best == 1))
        {
            return Some(CountPhrase::new(n.start, m + 1, n.amount, Party::Unknown, None));
        }
    }
    // "12 of them", "three of whom"
    if next.is_some_and(|t| t.is("of")) && !matches!(word(toks, n.end + 1), "them" | "whom" | "those" | "these") {
        return None;
    }
    let end = if next.is_some_and(|t| t.is("of")) { n.end + 2 } else { n.end };
    Some(CountPhrase::new(n.start, end, n.amount, Party::Unknown, None))
}

/// Index of the bracket closing the one opening at `k` ("(" or "["), within 10 tokens.
fn close_bracket(toks: &[Token], k: usize, hi: usize) -> Option<usize> {
    let close = if toks[k].is_punct('(') {
        ')'
    } else if toks[k].is_punct('[') {
        ']'
    } else {
        return None;
    };
    (k + 1..hi.min(k + 12)).find(|&i| toks[i].is_punct(close))
}

/// The noun a count counts, after `j`: the last noun naming people before the phrase ends
/// ("two vigilante committee militiamen"), or a named group ("17 JNIM"); brackets are
/// skipped ("an ISWAP (Greater Sahara) militant"); "soldiers and gendarmes" is one head.
fn head_after(toks: &[Token], j: usize, hi: usize, amount: Amount, singular_only: bool, hints: &[Option<Party>]) -> Option<CountPhrase> {
    let mut k = j;
    let mut mods = 0;
    let mut country = None;
    let mut armed = false;
    let mut additive = false;
    let mut best: Option<(usize, Party)> = None;
    let mut since_best = 0;
    let mut off_duty = false;
    let hint = |i: usize| hints.get(i).copied().flatten();
    // the head is an age so far ("a 20-year-old Des Moines man", "a 22-year-old Dana Smith")
    let mut age_best = false;
    while k < hi && mods <= 6 {
        let t = &toks[k];
        if best.is_some() && (since_best > 2 || t.cap && person_noun(&t.lower).is_none()) && !(age_best && t.cap && since_best <= 2) {
            break;
        }
        if t.is_punct('(') || t.is_punct('[') {
            match close_bracket(toks, k, hi) {
                Some(c) => {
                    k = c + 1;
                    continue;
                }
                None => break,
            }
        }
        // partitive "12 of its soldiers", "dozens of militants"
        if t.is("of") && best.is_none() {
            let nxt = word(toks, k + 1);
            // "two of those men": the noun after the demonstrative is the head
            if matches!(nxt, "those" | "these") && !singular_only && person_noun(word(toks, k + 2)).is_some_and(|p| !p.singular) {
                k += 2;
                mods += 1;
                continue;
            }
            if matches!(nxt, "them" | "whom" | "those" | "these") && !singular_only {
                return Some(CountPhrase {
                    start: j,
                    end: k + 2,
                    amount,
                    party: Party::Unknown,
                    country,
                    additive,
                    subset: false,
                    pronoun: false,
                    head: None,
                });
            }
            if singular_only {
                return None;
            }
            k += 1;
            if matches!(nxt, "its" | "their" | "the" | "his" | "her" | "our") {
                k += 1;
            }
            mods += 1;
            continue;
        }
        if let Some(p) = hint(k).filter(|_| best.is_none()) {
            best = Some((k, p));
            since_best = 0;
            k += 1;
            while k < hi && hint(k) == Some(p) {
                best = Some((k, p));
                k += 1;
            }
            continue;
        }
        // (an age heads the phrase only right after its determiner: "the shooting left
        // 16-year-old Dana Smith dead" counts no shooting)
        let age = (is_age_word(&t.lower) && k <= j + 1)
            .then_some(crate::lexicon::PersonNoun { party: Party::Civilian, singular: !t.lower.ends_with('s') });
        if let Some(p) = person_noun(&t.lower).or(age) {
            // "two more soldiers", "the other man": modifiers, not heads, when a noun follows
            if matches!(t.lower.as_str(), "more" | "other") && toks.get(k + 1).is_some_and(|n| person_noun(&n.lower).is_some()) {
                additive = true;
                k += 1;
                mods += 1;
                continue;
            }
            // "village chief's son": a possessive is a modifier
            if toks.get(k + 1).is_some_and(|n| n.is_punct('\'')) && toks.get(k + 2).is_some_and(|n| n.is("s")) {
                k += 3;
                mods += 1;
                continue;
            }
            if t.lower.ends_with("'s") {
                k += 1;
                mods += 1;
                continue;
            }
            if singular_only && !p.singular {
                best?;
                break;
            }
            let mut party = p.party;
            if armed && matches!(party, Party::Civilian) {
                party = Party::Armed;
            }
            if matches!(t.lower.as_str(), "members" | "elements" | "member")
                && let Some(pp) = members_of(toks, k + 1, hi)
            {
                party = pp;
            }
            if matches!(t.lower.as_str(), "others" | "other" | "more") {
                additive = true;
            }
            // keep the first noun's side in compounds ("police officers", "soldiers and gendarmes")
            let civilian_adjective = best.is_some_and(|(b, _)| toks[b].lower == "civilian");
            let party = match best {
                Some((_, bp)) if civilian_adjective => bp,
                Some((_, bp))
                    if bp != Party::Unknown && !(bp == Party::Civilian && party != Party::Civilian && party != Party::Unknown) =>
                {
                    bp
                }
                _ => party,
            };
            age_best = age.is_some() && person_noun(&t.lower).is_none();
            best = Some((k, party));
            since_best = 0;
            k += 1;
            // "soldiers and gendarmes", "men and women"
            if matches!(word(toks, k), "and" | "or")
                && toks.get(k + 1).is_some_and(|n| person_noun(&n.lower).is_some_and(|q| q.party != Party::Unknown))
                && !singular_only
            {
                k += 1;
            }
            continue;
        }
        // another number starts another count ("Oct. 27 (UPI) -- One person"); a dash is no
        // modifier when it is doubled
        if stop(t)
            || !modifier_ok(t)
            || t.kind == Kind::Num
            || crate::numbers::is_number_word(&t.lower)
            || (t.is_punct('-') && toks.get(k + 1).is_some_and(|n| n.is_punct('-')))
        {
            break;
        }
        if let Some(cc) = demonym(&t.lower) {
            country = Some(cc);
        }
        if arming_modifier(&t.lower) {
            armed = true;
        }
        if matches!(t.lower.as_str(), "off-duty" | "retired" | "former" | "ex-") {
            off_duty = true;
        }
        if matches!(t.lower.as_str(), "additional" | "more" | "further" | "other") {
            additive = true;
        }
        if t.kind == Kind::Word {
            mods += 1;
        }
        if best.is_some() {
            since_best += 1;
        }
        k += 1;
    }
    let (head, mut party) = best?;
    // "7 Action News 17-year-old Lee Park": an age counts one person, never a number before it
    if age_best && amount.best != 1 {
        return None;
    }
    if armed && party == Party::Civilian {
        party = Party::Armed;
    }
    // ACLED counts off-duty and former soldiers as civilians ("a soldier (assumed off-duty)")
    let bracket_off_duty = toks.get(head + 1).is_some_and(|t| t.is_punct('(') || t.is_punct('['))
        && close_bracket(toks, head + 1, hi)
            .is_some_and(|c| (head + 2..c).any(|q| matches!(toks[q].lower.as_str(), "off-duty" | "unarmed")));
    if matches!(party, Party::State | Party::Armed) && (off_duty || bracket_off_duty) {
        party = Party::Civilian;
    }
    // a guard hired by a business is a civilian ("a security guard", "two bank guards"), while
    // a guard of the state ("national guard", "border guards") keeps its side
    if party == Party::State && matches!(toks[head].lower.as_str(), "guard" | "guards") && (j..head).any(|q| private_guard(&toks[q].lower))
    {
        party = Party::Civilian;
    }
    // "five watchmen (suspected to be JNIM)": the bracket says whose side
    if toks.get(head + 1).is_some_and(|t| t.is_punct('(') || t.is_punct('['))
        && let Some(c) = close_bracket(toks, head + 1, hi)
        && (head + 2..c).any(|q| hint(q) == Some(Party::Armed) || matches!(toks[q].lower.as_str(), "militants" | "jihadists" | "militant"))
    {
        party = Party::Armed;
    }
    let mut end = head + 1;
    // "a 22-year-old Dana Smith": the name after the age is part of the phrase
    if age_best {
        while end < hi && end < head + 4 && toks[end].kind == Kind::Word && toks[end].cap && person_noun(&toks[end].lower).is_none() {
            end += 1;
        }
    }
    while end < hi && toks.get(end).is_some_and(is_quote) {
        end += 1;
    }
    Some(CountPhrase { start: j, end, amount, party, country, additive, subset: false, pronoun: false, head: Some(head) })
}

/// A word before "guard(s)" that makes the guard a private one (a civilian, in ACLED's sense).
fn private_guard(w: &str) -> bool {
    matches!(w, "security" | "private" | "bank" | "store" | "shop" | "mall" | "night" | "hotel" | "casino" | "club" | "apartment")
}

/// "members of the group", "elements of ISWAP": armed when an armed word follows soon.
fn members_of(toks: &[Token], k: usize, hi: usize) -> Option<Party> {
    if word(toks, k) != "of" {
        return None;
    }
    for t in toks.iter().take(hi.min(k + 7)).skip(k + 1) {
        let w = t.lower.as_str();
        if matches!(
            w,
            "group" | "groups" | "jnim" | "iswap" | "isgs" | "is" | "boko" | "islamic" | "al-qaeda" | "jihadist" | "terrorist" | "militia"
        ) {
            return Some(if w == "militia" { Party::Identity } else { Party::Armed });
        }
        if matches!(w, "security" | "army" | "forces" | "police" | "military" | "gendarmerie" | "guard") {
            return Some(Party::State);
        }
        if matches!(w, "family" | "community" | "families") {
            return Some(Party::Civilian);
        }
    }
    None
}

/// True when the token at `p` starts an object noun phrase (so a verb before it is active,
/// not a participle: "abducted a herd" is not "[count] abducted").
fn object_like(toks: &[Token], p: usize, hi: usize) -> bool {
    let Some(t) = toks.get(p).filter(|_| p < hi) else { return false };
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => {
            !t.cap
                && !matches!(
                    t.lower.as_str(),
                    "in" | "at"
                        | "on"
                        | "near"
                        | "during"
                        | "by"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "and"
                        | "or"
                        | "but"
                        | "as"
                        | "following"
                        | "since"
                        | "with"
                        | "from"
                        | "overnight"
                        | "yesterday"
                        | "today"
                        | "tonight"
                        | "last"
                        | "early"
                        | "late"
                        | "earlier"
                        | "later"
                        | "this"
                        | "that"
                        | "which"
                        | "who"
                        | "outside"
                        | "inside"
                        | "around"
                        | "between"
                        | "along"
                        | "across"
                        | "into"
                        | "close"
                        | "en"
                        | "over"
                        | "under"
                        | "within"
                        | "per"
                        | "according"
                        | "amid"
                        | "against"
                        | "for"
                        | "to"
                        | "of"
                        | "instantly"
                        | "immediately"
                        | "too"
                        | "so"
                        | "because"
                        | "then"
                        | "there"
                        | "here"
                        | "nearby"
                        | "alongside"
                        | "respectively"
                        | "each"
                )
                && !t.lower.ends_with("ly")
        }
    }
}

/// The count a passive or intransitive trigger at `k` is about: the count phrase right
/// before it (fillers and brackets skipped); when that count is part of a list after
/// "including", the count the list belongs to ("six soldiers including a captain were
/// killed").
fn subject_left(toks: &[Token], cps: &[CountPhrase], k: usize, lo: usize) -> Option<usize> {
    // "Both were taken": the count is a filler word elsewhere ("they were both killed")
    if let Some(c) = cps.iter().position(|c| c.start < k && word(toks, c.start) == "both" && (c.end..k).all(|q| filler(&toks[q].lower))) {
        return Some(c);
    }
    let mut e = left_of_fillers(toks, k, lo)?;
    // "four men in their early 20s were shot": an age by decade after the count
    if let Some(a) = decade_before(toks, e, lo) {
        e = left_of_fillers(toks, a, lo)?;
    }
    // "were shot and killed", "were abducted and executed"
    if toks[e].is("and")
        && e > lo + 1
        && matches!(
            toks[e - 1].lower.as_str(),
            "shot"
                | "beaten"
                | "tortured"
                | "abducted"
                | "kidnapped"
                | "wounded"
                | "injured"
                | "stabbed"
                | "mutilated"
                | "captured"
                | "taken"
                | "robbed"
        )
    {
        e = left_of_fillers(toks, e - 1, lo)?;
    }
    // "Six people, including two children, were shot dead"
    if toks[e].is_punct(',') && e > lo {
        e -= 1;
        // "The victim, Dana Smith, died": a name in apposition
        if !cps.iter().any(|c| c.end == e + 1 || c.head == Some(e))
            && let Some(o) = (e.saturating_sub(5).max(lo)..e).rev().find(|&i| toks[i].is_punct(','))
            && (o + 1..=e).all(|i| toks[i].cap || toks[i].kind == Kind::Num)
            && o > lo
        {
            e = o - 1;
        } else if !cps.iter().any(|c| c.end == e + 1 || c.head == Some(e))
            && let Some(o) = (e.saturating_sub(16).max(lo)..e).rev().find(|&i| toks[i].is_punct(','))
            && o > lo
            && cps.iter().any(|c| c.end == o && c.amount.best > 1)
            && (o + 1..=e).all(|i| {
                toks[i].cap
                    || toks[i].kind == Kind::Num
                    || toks[i].is("and")
                    || cps.iter().any(|c| c.amount.best == 1 && c.start <= i && i < c.end)
            })
        {
            // "Two of those men, 23-year-old Dan Perez and 24 year old Lee Chu, died": the
            // people named in apposition are the count before them
            e = o - 1;
        } else if let Some(o) = appositive_start(toks, cps, e + 1, lo) {
            // "A 19-year-old man, later identified as Dana Smith, 19, of Elmwood, was
            // pronounced dead": one person, then a phrase in apposition
            e = o - 1;
        }
    }
    if toks[e].is_punct(')') || toks[e].is_punct(']') {
        let open = if toks[e].is_punct(')') { '(' } else { '[' };
        let o = (e.saturating_sub(12).max(lo)..e).rev().find(|&i| toks[i].is_punct(open))?;
        e = left_of_fillers(toks, o, lo)?;
    }
    // "Four people -- including a child -- were injured": a remark between dashes
    let dash = |t: &Token| t.is_punct('-') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}');
    if dash(&toks[e]) {
        let mut d = e;
        while d > lo && dash(&toks[d - 1]) {
            d -= 1;
        }
        if let Some(o) = (d.saturating_sub(12).max(lo)..d).rev().find(|&i| dash(&toks[i])) {
            let mut o = o;
            while o > lo && dash(&toks[o - 1]) {
                o -= 1;
            }
            if o > lo {
                e = o - 1;
            }
        }
    }
    // "four victims, ages 19 to 24, were": the ages in apposition
    if toks[e].kind == Kind::Num || toks[e].is_punct(',') {
        let mut a = e;
        while a > lo && (toks[a].kind == Kind::Num || toks[a].is_punct(',') || matches!(toks[a].lower.as_str(), "and" | "to")) {
            a -= 1;
        }
        // ("six people, all between the ages of 18 and 25, were")
        if toks[a].is("of") && a > lo + 1 && toks[a - 1].is("ages") {
            a -= 1;
            while a > lo + 1 && matches!(toks[a - 1].lower.as_str(), "the" | "between" | "all") {
                a -= 1;
            }
            a = if a > lo + 1 && toks[a - 1].is_punct(',') { a } else { e + 1 };
            if a <= e {
                e = a - 2;
            }
        } else if matches!(toks[a].lower.as_str(), "ages" | "aged") && a > lo + 1 && toks[a - 1].is_punct(',') {
            e = a - 2;
        }
    }
    let direct = cps.iter().position(|c| c.end == e + 1 || c.head == Some(e));
    // "a boy who was with him was shot": an object pronoun is no subject; the relative
    // clause's head is
    // ("pronounced him dead" keeps its pronoun)
    let direct = direct.filter(|&c| !(cps[c].pronoun && matches!(word(toks, cps[c].start), "him" | "her" | "them") && e + 1 < k));
    let c = match direct {
        Some(c) => c,
        None => relative_subject(toks, cps, e, lo)
            .or_else(|| shared_subject(toks, cps, e, lo))
            .or_else(|| place_between(toks, cps, e, k, lo))?,
    };
    // "which of the three victims was later declared dead": one of them, not all
    if cps[c].amount.best > 1 && (cps[c].end..k).any(|i| matches!(word(toks, i), "was" | "is" | "has")) {
        return None;
    }
    if !cps[c].subset {
        return Some(c);
    }
    // "ten friends, including the boy who was killed": the relative clause is the part's own
    // (a part, which the reader adds only to a count of people hit: "four people were shot,
    // including one who died")
    if (cps[c].end..k).any(|i| matches!(word(toks, i), "who" | "that" | "whom")) {
        return Some(c);
    }
    let inc = (cps[c].start.saturating_sub(30).max(lo)..cps[c].start)
        .rev()
        .find(|&i| matches!(toks[i].lower.as_str(), "including" | "incl" | "among"))?;
    let mut e2 = inc.checked_sub(1)?;
    if toks[e2].is_punct(',') {
        e2 = e2.checked_sub(1)?;
    }
    // "Five members of a family, including three children, were found shot dead"
    cps.iter().position(|c| !c.subset && (c.end == e2 + 1 || (c.end <= e2 && e2 + 1 - c.end <= 4 && word(toks, c.end) == "of")))
}

/// The "in" of an age told by decade ending at `e` ("in their early 20s", "in his 40s", "in
/// their mid-30's"), when there is one.
fn decade_before(toks: &[Token], e: usize, lo: usize) -> Option<usize> {
    let from = e.saturating_sub(6).max(lo);
    let a = (from..=e).rev().find(|&q| toks[q].is("in"))?;
    if !matches!(word(toks, a + 1), "their" | "his" | "her") {
        return None;
    }
    let mut decade = false;
    if a + 2 > e {
        return None;
    }
    for t in &toks[a + 2..=e] {
        let w = t.lower.as_str();
        if t.kind == Kind::Num || w.strip_suffix('s').is_some_and(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit())) {
            decade = true;
        } else if !(matches!(w, "early" | "mid" | "late" | "mid-" | "s" | "'s" | "'") || t.is_punct('-') || is_quote(t)) {
            return None;
        }
    }
    (decade && a > lo).then_some(a)
}

/// The comma opening a phrase in apposition to a count that ends at the comma `c` ("a
/// man, later identified as Dana Smith, 19, of Elmwood, [was]", "the victim, a 30-year-old
/// father of two, [died]", "one person, identified by family as Lee Park, [was]"): the comma
/// right after a count phrase of one person with a noun, when the comma-separated pieces up to
/// `c` (16 tokens at most) hold no verb of their own (no casualty trigger, no auxiliary, no
/// relative pronoun, no conjunction) and no sentence punctuation. A count of several people
/// takes a remark the same way ("five people, four of them teenagers, [were shot]").
fn appositive_start(toks: &[Token], cps: &[CountPhrase], c: usize, lo: usize) -> Option<usize> {
    let from = c.saturating_sub(16).max(lo + 1);
    let mut q = c;
    while q > from {
        q -= 1;
        let t = &toks[q];
        // "the young man shot Friday evening in Elmwood, near the school, [has died]": a
        // participle of harm right after the count opens a reduced relative clause
        if matches!(t.lower.as_str(), "shot" | "wounded" | "injured" | "hurt" | "struck" | "hit")
            && q > lo
            && !passive_aux(word(toks, q - 1))
            && let Some(p) = cps.iter().find(|p| p.end == q)
        {
            let ok = p.amount.best == 1 && p.head.is_some() && !p.pronoun && !p.subset && !p.additive && q + 2 < c;
            return ok.then_some(q);
        }
        if t.is_punct(',') {
            if let Some(p) = cps.iter().find(|p| p.end == q) {
                // (a noun, or a part: "one of the six")
                let ok = (p.head.is_some() || p.end > p.start + 2) && !p.pronoun && !p.subset && q + 1 < c;
                return ok.then_some(q);
            }
            continue;
        }
        let inside_one = cps.iter().any(|p| p.start <= q && q < p.end && p.amount.best == 1);
        if (t.kind == Kind::Punct && !t.is_punct('.') && !t.is_punct('-') && !is_quote(t))
            || passive_aux(&t.lower)
            || matches!(
                t.lower.as_str(),
                "who" | "whom" | "which" | "that" | "and" | "or" | "but" | "said" | "says" | "had" | "has" | "have"
            )
            || (trigger_at(toks, q).is_some() && !inside_one)
            || (t.kind == Kind::Num && toks.get(q + 1).is_some_and(|n| !n.is_punct(',')) && !inside_one)
        {
            return None;
        }
    }
    None
}

/// The head of a relative clause ending at `e` ("the boy who was shot on Tuesday [has died]",
/// "a woman who was in critical condition after the attack [died]"): the count right before
/// "who" / "that", within the clause (no sentence break, no other count in between).
fn relative_subject(toks: &[Token], cps: &[CountPhrase], e: usize, lo: usize) -> Option<usize> {
    let from = e.saturating_sub(20).max(lo);
    let w = (from..=e).rev().find(|&i| matches!(toks[i].lower.as_str(), "who" | "that") || toks[i].is_punct(';'))?;
    if !matches!(toks[w].lower.as_str(), "who" | "that") || w <= lo {
        return None;
    }
    // the clause itself names no one else as a subject ("the man who police say shot two
    // people" still has its head; "the man that two people saw" is no casualty's head)
    if cps.iter().any(|c| c.start > w && c.end <= e + 1 && !c.pronoun && c.amount.best > 1) {
        return None;
    }
    let mut b = w - 1;
    let comma = toks[b].is_punct(',');
    if comma && b > lo {
        b -= 1;
    }
    let c = cps.iter().position(|c| c.end == b + 1 && !c.subset)?;
    // the clause tells how the person was hurt ("who was shot", "who was in critical
    // condition"), or is a short restrictive clause about one person ("a boy who was with
    // him"); not "40 people who gathered for the party", not "police said that ..."
    // (the clause ends at a comma: "40 people who gathered for the party, were hospitalized")
    let end = (w + 1..=e).find(|&i| toks[i].is_punct(',')).unwrap_or(e + 1);
    // ("who was caught in the crossfire", "who was struck by a stray bullet")
    let hurt = (w + 1..end).any(|i| {
        trigger_at(toks, i).is_some_and(|t| t.form != Form::OwnLife)
            || matches!(toks[i].lower.as_str(), "crossfire" | "gunfire" | "bullet" | "bullets" | "gunshot" | "gunshots")
    });
    let short = !comma && toks[w].is("who") && cps[c].amount.best == 1 && e < w + 6;
    (hurt || short).then_some(c)
}

/// The subject shared by two verbs joined by "and" ("Dana Smith was shot in the chest and
/// was pronounced dead", "the suspect shot two people and was killed by police"): `e` is the
/// "and"; the subject of the verb before it, when no count stands between that verb and "and".
fn shared_subject(toks: &[Token], cps: &[CountPhrase], e: usize, lo: usize) -> Option<usize> {
    if !toks[e].is("and") {
        return None;
    }
    let from = e.saturating_sub(12).max(lo);
    let v = (from..e).rev().find(|&i| trigger_at(toks, i).is_some() || toks[i].is_punct(';') || toks[i].is_punct('.'))?;
    let tr = trigger_at(toks, v)?;
    let passive = passive_aux(word(toks, v.wrapping_sub(1))) || passive_aux(word(toks, v.wrapping_sub(2)));
    if !(tr.form == Form::Intransitive || (tr.form == Form::Active && passive)) || cps.iter().any(|c| c.start > v && c.start < e) {
        return None;
    }
    let c = subject_left(toks, cps, v, lo)?;
    (!cps[c].pronoun || matches!(word(toks, cps[c].start), "he" | "she")).then_some(c)
}

/// A subject before a short phrase of place ending at `e` ("another man in the home [was
/// wounded]", "a 15-year-old in the red car [was also shot]"): the count right before the
/// preposition, when the phrase holds no verb, count or punctuation.
fn place_between(toks: &[Token], cps: &[CountPhrase], e: usize, k: usize, lo: usize) -> Option<usize> {
    // one person and a singular verb ("a man in his 60s and another man in his 80s were
    // killed" is a list)
    if !((e + 1..k).any(|i| matches!(word(toks, i), "was" | "is" | "has")) || matches!(word(toks, k), "died" | "dies")) {
        return None;
    }
    for p in (e.saturating_sub(4).max(lo + 1)..=e).rev() {
        let t = &toks[p];
        if t.kind == Kind::Punct || passive_aux(&t.lower) || trigger_at(toks, p).is_some() || cps.iter().any(|c| c.start <= p && p < c.end)
        {
            return None;
        }
        // ("Dana Smith of Elmwood died")
        if matches!(t.lower.as_str(), "in" | "at" | "on" | "inside" | "outside" | "near" | "from" | "behind" | "of") {
            return cps.iter().position(|c| {
                c.end == p
                    && !c.subset
                    && !c.pronoun
                    && c.amount.best == 1
                    && !matches!(word(toks, c.start.wrapping_sub(1)), "and" | "," | "or")
            });
        }
    }
    None
}

/// The person a phrase of state at `k` tells of ("with gunshot wounds", "in critical
/// condition") when no subject stands right before it: the nearest count phrase to the left in
/// its clause, across a verb and a place ("three other victims showed up at a hospital with
/// gunshot wounds", "officers found a man in the street with a gunshot wound"), when nothing
/// between them is punctuation, a casualty trigger, another count or a conjunction.
fn state_holder(toks: &[Token], cps: &[CountPhrase], k: usize, lo: usize) -> Option<usize> {
    if !matches!(word(toks, k), "with" | "in") {
        return None;
    }
    let c = cps.iter().rposition(|c| c.end <= k && c.end + 10 >= k && c.start >= lo)?;
    let clear = (cps[c].end..k).all(|q| {
        let t = &toks[q];
        t.kind == Kind::Word
            && trigger_at(toks, q).is_none()
            && !matches!(t.lower.as_str(), "and" | "or" | "but" | "while" | "who" | "which" | "that" | "whom" | "where" | "when" | "after")
    });
    (clear && !cps[c].subset && cps[c].end < k).then_some(c)
}

/// Skips fillers leftwards from `k` (exclusive); returns the index of the token before them.
fn left_of_fillers(toks: &[Token], k: usize, lo: usize) -> Option<usize> {
    let mut i = k;
    let mut skipped = 0;
    while i > lo {
        i -= 1;
        let t = &toks[i];
        if filler(&t.lower) || (t.kind == Kind::Word && t.lower.ends_with("ly") && t.lower.len() > 4) || is_quote(t) {
            skipped += 1;
            if skipped > 6 {
                return None;
            }
            continue;
        }
        return Some(i);
    }
    None
}

/// Every casualty frame of the sentence `toks[range]`.
pub fn frames(toks: &[Token], nums: &[NumTok], range: (usize, usize)) -> Vec<Frame> {
    frames_with(toks, nums, range, &[])
}

/// [`frames`] with a party for the tokens of named actors (`hints[i]` for token `i`), so that
/// "17 JNIM" counts militants.
pub fn frames_with(toks: &[Token], nums: &[NumTok], range: (usize, usize), hints: &[Option<Party>]) -> Vec<Frame> {
    let (lo, hi) = range;
    let mut cps = count_phrases(toks, nums, range, hints);
    // everything listed after "including" up to the next verb is part of a count
    let mut in_list = false;
    let mut ci = 0;
    for k in lo..hi {
        let w = toks[k].lower.as_str();
        if matches!(w, "including" | "incl") || (w == "among" && matches!(word(toks, k + 1), "them" | "whom" | "those")) {
            in_list = true;
        } else if in_list && (trigger_at(toks, k).is_some() || passive_aux(w) || toks[k].is_punct(';')) {
            in_list = false;
        }
        while ci < cps.len() && cps[ci].start < k {
            ci += 1;
        }
        if in_list && ci < cps.len() && cps[ci].start == k {
            cps[ci].subset = true;
        }
    }
    let mut linked: Vec<Option<usize>> = vec![None; cps.len()]; // cp -> frame index
    let mut linked_as: Vec<Vec<Outcome>> = vec![Vec::new(); cps.len()];
    let mut out: Vec<Frame> = Vec::new();
    let cp_starting = |p: usize| cps.iter().position(|c| c.start == p);
    let mut k = lo;
    while k < hi {
        let Some(tr) = trigger_at(toks, k) else {
            k += 1;
            continue;
        };
        if unrealised(toks, k) {
            k += tr.len;
            continue;
        }
        let after = k + tr.len;
        let mut objects: Vec<usize> = Vec::new();
        let mut headline_pair = false;
        match tr.form {
            Form::Active | Form::ObjectOnly => {
                let passive = passive_aux(word(toks, k.wrapping_sub(1)))
                    || passive_aux(word(toks, k.wrapping_sub(2))) && word(toks, k.wrapping_sub(1)).ends_with("ly");
                if !passive {
                    let mut p = after;
                    loop {
                        if p < hi && (is_quote(&toks[p]) || matches!(toks[p].lower.as_str(), "also" | "reportedly" | "allegedly")) {
                            p += 1;
                        } else if p < hi
                            && toks[p].is_punct('(')
                            && let Some(c) = close_bracket(toks, p, hi)
                        {
                            p = c + 1;
                        } else {
                            break;
                        }
                    }
                    // ("1 killed 3 injured": a headline's two counts, the number after the verb
                    // is the next count's, not an object)
                    let next_count = |c: &usize| {
                        cps[*c].head.is_none()
                            && trigger_at(toks, cps[*c].end).is_some()
                            && toks.get(k.wrapping_sub(1)).is_some_and(|t| t.kind == Kind::Num || crate::numbers::is_number_word(&t.lower))
                    };
                    headline_pair = cp_starting(p).is_some_and(|c| next_count(&c));
                    if let Some(c) = cp_starting(p).filter(|c| (!cps[*c].pronoun || cps[*c].start == p) && !next_count(c)) {
                        objects.push(c);
                        coordinated(toks, &cps, c, hi, &mut objects);
                    }
                }
                // "abducted, tortured, and severely wounded a student": the object after the
                // list of verbs, never the subject before it
                let mut verb_list = false;
                if !passive && objects.is_empty() && (word(toks, after) == "," || word(toks, after) == "and") {
                    let mut p = after;
                    let mut verbs = 0;
                    while p < hi
                        && p < after + 10
                        && (toks[p].is_punct(',')
                            || matches!(toks[p].lower.as_str(), "and" | "then" | "later")
                            || (toks[p].kind == Kind::Word && toks[p].lower.ends_with("ly"))
                            || (toks[p].kind == Kind::Word
                                && (toks[p].lower.ends_with("ed") || trigger_at(toks, p).is_some())
                                && cp_starting(p).is_none()))
                    {
                        if toks[p].kind == Kind::Word && (toks[p].lower.ends_with("ed") || trigger_at(toks, p).is_some()) {
                            verbs += 1;
                        }
                        p += 1;
                    }
                    if verbs > 0
                        && let Some(c) = cp_starting(p).filter(|c| !cps[*c].subset)
                    {
                        verb_list = true;
                        objects.push(c);
                        coordinated(toks, &cps, c, hi, &mut objects);
                    }
                }
                if objects.is_empty()
                    && tr.form == Form::Active
                    && !verb_list
                    && (passive || headline_pair || !object_like(toks, after, hi))
                    && let Some(c) = subject_left(toks, &cps, k, lo)
                {
                    objects.push(c);
                    coordinated_left(toks, &cps, c, lo, &mut objects);
                    apposition(toks, &cps, &mut objects);
                }
            }
            Form::Intransitive => {
                if let Some(c) = subject_left(toks, &cps, k, lo).or_else(|| state_holder(toks, &cps, k, lo)) {
                    objects.push(c);
                    // "six people were shot, one fatally": the part, never the list before it
                    if !matches!(word(toks, k), "fatally" | "mortally") {
                        coordinated_left(toks, &cps, c, lo, &mut objects);
                        apposition(toks, &cps, &mut objects);
                    }
                }
            }
            Form::NounOf => {
                if let Some(c) = cp_starting(after).or_else(|| cp_starting(after + 1).filter(|_| word(toks, after) == "the")) {
                    objects.push(c);
                    coordinated(toks, &cps, c, hi, &mut objects);
                }
            }
            Form::Toll => {
                let mut p = after;
                // ("the death toll in the shooting to three": a short place or event between)
                let mut inside = false;
                while p < hi && p < after + 9 {
                    if let Some(c) = cp_starting(p).filter(|_| !inside) {
                        objects.push(c);
                        break;
                    }
                    if inside && toks[p].is("to") {
                        inside = false;
                    } else if toks[p].is("in") && p == after {
                        inside = true;
                    } else if (!inside && stop(&toks[p]) && !matches!(toks[p].lower.as_str(), "to" | "at" | "of" | "is" | "was" | "has"))
                        || (inside && toks[p].kind == Kind::Punct)
                    {
                        break;
                    }
                    p += 1;
                }
            }
            Form::OwnLife => {
                let cp = CountPhrase::one(k + 1, after, Party::Armed, None);
                let span = Span::new(toks[k].span.start, toks[after - 1].span.end);
                out.push(Frame::violent(cp, tr.outcome, (k, after), span, SELF_KILL));
            }
            Form::NumberBefore => {
                if k > lo
                    && let Some(c) = cps.iter().position(|c| c.end == k && c.head.is_none())
                {
                    objects.push(c);
                } else if k > lo
                    && let Some(n) = nums.iter().find(|n| n.end == k && n.start >= lo)
                {
                    // "12 deaths": the number is not a count phrase of people on its own
                    let cp = CountPhrase::new(n.start, n.end, n.amount, Party::Unknown, None);
                    let span = Span::new(toks[cp.start].span.start, toks[k].span.end);
                    out.push(Frame::violent(cp, tr.outcome, (k, after), span, tr.extractor.clone()));
                }
            }
        }
        for c in objects {
            // a count may be taken and killed, never killed twice
            if linked_as[c].contains(&tr.outcome) {
                continue;
            }
            // "leaving two of them in critical condition": no one new
            if word(toks, k) == "in" && matches!(word(toks, cps[c].end.wrapping_sub(1)), "them" | "whom") {
                continue;
            }
            let cp = &cps[c];
            let (s, e) = (cp.start.min(k), (cp.end).max(after));
            let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
            linked[c] = Some(out.len());
            linked_as[c].push(tr.outcome);
            let extractor =
                if cp.head.is_none() && matches!(word(toks, cp.start), "himself" | "herself") { SELF_KILL } else { tr.extractor.clone() };
            out.push(Frame::violent(cp.clone(), tr.outcome, (k, after), span, extractor));
        }
        k = after;
    }
    // Elided counts: "four gendarmes were killed in the fighting, and two in a vehicle crash".
    for (ci, cp) in cps.iter().enumerate() {
        if linked[ci].is_some() || cp.subset || cp.pronoun {
            continue;
        }
        let b1 = word(toks, cp.start.wrapping_sub(1));
        let nx = toks.get(cp.end).filter(|_| cp.end < hi);
        let next_ok =
            nx.is_none_or(|t| t.kind == Kind::Punct || matches!(t.lower.as_str(), "in" | "during" | "on" | "while" | "after" | "near"));
        // "six gendarmes died, four of them in combat and two in a road accident"
        let of_them = cp.head.is_none() && cp.end >= cp.start + 2 && toks[cp.end - 1].is("them");
        if !(matches!(b1, "and" | "while" | "whereas") || (of_them && b1 == ",")) || !next_ok {
            continue;
        }
        // "... and a second woman, a man and a baby were taken": the first of a list that is
        // the subject of a verb of its own
        if nx.is_some_and(|t| t.is_punct(',')) && cps.iter().any(|c| c.start == cp.end + 1) {
            continue;
        }
        // "... and two others -- a man and a woman -- were taken to a hospital": the subject
        // of a verb after a remark
        if nx.is_some_and(|t| t.is_punct('-') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}'))
            && (cp.end..hi.min(cp.end + 14))
                .take_while(|&q| !toks[q].is_punct('.') && !toks[q].is_punct(';'))
                .any(|q| matches!(toks[q].lower.as_str(), "was" | "were" | "is" | "are"))
        {
            continue;
        }
        let Some(prev) = out.iter().filter(|f| f.count.end <= cp.start && f.trigger.1 <= cp.start).max_by_key(|f| f.trigger.1) else {
            continue;
        };
        // no other trigger between that frame and this count
        if (prev.trigger.1..cp.start).any(|p| trigger_at(toks, p).is_some()) {
            continue;
        }
        // ("left two people dead and three others in the hospital": in a hospital, alive)
        let in_hospital = word(toks, cp.end) == "in"
            && (matches!(word(toks, cp.end + 1), "hospital" | "hospitals")
                || (matches!(word(toks, cp.end + 1), "the" | "a" | "area" | "local")
                    && matches!(word(toks, cp.end + 2), "hospital" | "hospitals")));
        let outcome = if in_hospital { Outcome::Wounded } else { prev.outcome };
        let mut tail = cp.end;
        while tail < hi
            && tail < cp.end + 8
            && !toks[tail].is_punct(',')
            && !toks[tail].is_punct('.')
            && !toks[tail].is_punct(';')
            && !matches!(toks[tail].lower.as_str(), "and" | "while" | "whereas" | "but")
        {
            tail += 1;
        }
        let span = Span::new(toks[cp.start].span.start, toks[tail.max(cp.end) - 1].span.end);
        linked[ci] = Some(out.len());
        out.push(Frame::violent(cp.clone(), outcome, (cp.end, cp.end), span, ELLIPSIS));
    }
    out.sort_by_key(|f| f.count.start);
    // "a woman who was wounded in the shooting has died": wounded, then dead, is dead
    let dead: Vec<usize> = out.iter().filter(|f| f.outcome == Outcome::Killed).map(|f| f.count.start).collect();
    // (not a count of people hit, which holds the dead: "the fourth victim sustained
    // injuries and was pronounced dead")
    out.retain(|f| {
        !(f.outcome == Outcome::Wounded
            && dead.contains(&f.count.start)
            && matches!(
                word(toks, f.trigger.0),
                "wounded" | "injured" | "wounding" | "injuring" | "hurt" | "maimed" | "hospitalised" | "hospitalized"
            ))
    });
    // A pronoun stands for the nearest person named before it ("attacked a National Guard
    // aboard a motorbike, wounding him").
    for f in &mut out {
        if f.count.pronoun
            && f.count.party == Party::Unknown
            && let Some(a) = cps.iter().rfind(|c| !c.pronoun && c.end <= f.count.start && c.party != Party::Unknown)
        {
            f.count.party = a.party;
            f.count.country = a.country;
        }
    }
    // Party of counts without a noun: the casualty count before them in the sentence.
    let mut last: Option<(Party, Option<&'static str>)> = None;
    for f in &mut out {
        if f.count.party == Party::Unknown && f.count.head.is_none_or(|h| matches!(toks[h].lower.as_str(), "others" | "other" | "more")) {
            if let Some((p, c)) = last {
                f.count.party = p;
                f.count.country = f.count.country.or(c);
            }
        } else if f.count.party != Party::Unknown && f.extractor != SELF_KILL {
            last = Some((f.count.party, f.count.country));
        }
    }
    // Cause, from each frame's own clause.
    let bounds: Vec<usize> = out.iter().map(|f| f.count.start.min(f.trigger.0)).collect();
    for (idx, f) in out.iter_mut().enumerate() {
        let from = f.count.start.min(f.trigger.0);
        let next_frame = bounds.get(idx + 1).copied().unwrap_or(hi);
        let until = next_frame.min(f.trigger.1.max(f.count.end) + 12).min(hi);
        let (cause, explicit) = cause_in(toks, from, until);
        f.cause = cause;
        f.explicit_cause = explicit;
    }
    out
}

/// Counts coordinated after count `c` ("20 soldiers and one civilian").
fn coordinated(toks: &[Token], cps: &[CountPhrase], c: usize, hi: usize, out: &mut Vec<usize>) {
    let mut cur = c;
    loop {
        let e = cps[cur].end;
        let mut p = e;
        let mut saw_and = false;
        while p < hi && (toks[p].is_punct(',') || toks[p].is("and") || is_quote(&toks[p])) {
            saw_and |= toks[p].is("and");
            p += 1;
        }
        if p == e {
            return;
        }
        let Some(n) = cps.iter().position(|x| x.start == p && !x.pronoun) else { return };
        // a count followed by its own verb starts a new clause
        let after = cps[n].end;
        if !saw_and && (passive_aux(word(toks, after)) || trigger_at(toks, after).is_some()) {
            return;
        }
        if saw_and && (passive_aux(word(toks, after)) || trigger_at(toks, after).is_some()) {
            return;
        }
        // "left his brother, 25-year-old Lee Park, dead": one person told twice
        if !appositive(toks, cps, cur, n) {
            out.push(n);
        }
        cur = n;
    }
}

/// "Two victims, a 25-year-old man and a 26-year-old man, died": the singles in apposition
/// are the count, not additions to it.
fn apposition(toks: &[Token], cps: &[CountPhrase], objects: &mut Vec<usize>) {
    if objects.len() < 2 {
        return;
    }
    let Some(&lead) = objects.iter().min_by_key(|&&c| cps[c].start) else { return };
    let others: Vec<usize> = objects.iter().copied().filter(|&c| c != lead).collect();
    // "One victim, a 27-year-old woman, died": two phrases, one person, when no "and" joins them
    if others.len() == 1 && (cps[lead].end..cps[others[0]].start).any(|k| toks[k].is("and")) {
        return;
    }
    // "six people, three men and three women, were shot": the parts of the first
    let parts: u64 = others.iter().map(|&c| cps[c].amount.best).sum();
    if (others.iter().all(|&c| cps[c].amount.best == 1) && cps[lead].amount.best == others.len() as u64)
        || (others.len() >= 2 && cps[lead].amount.best == parts && toks.get(cps[lead].end).is_some_and(|t| t.is_punct(',')))
    {
        objects.retain(|&c| c == lead);
    }
}

/// Counts coordinated before count `c` ("20 soldiers and one civilian were killed").
fn coordinated_left(toks: &[Token], cps: &[CountPhrase], c: usize, lo: usize, out: &mut Vec<usize>) {
    let mut cur = c;
    loop {
        let s = cps[cur].start;
        if s == 0 || s <= lo {
            return;
        }
        // "wounding four men, three of whom died": a part of the count before it, never a
        // second count joined to it
        if (s + 1..cps[cur].end.min(s + 3)).any(|k| toks[k].is("of")) {
            return;
        }
        let mut p = s;
        let mut saw = false;
        while p > lo && (toks[p - 1].is_punct(',') || toks[p - 1].is("and")) {
            saw = true;
            p -= 1;
        }
        if !saw || p == 0 {
            return;
        }
        // "a woman in her 60s and another woman in her 70s": an age by decade after a member
        if let Some(a) = decade_before(toks, p - 1, lo) {
            p = a;
        }
        // "two children, ages 3 and 5, and their mother": the ages in apposition
        if toks[p - 1].kind == Kind::Num
            && let Some(a) = (p.saturating_sub(8).max(lo)..p).rev().find(|&i| matches!(toks[i].lower.as_str(), "ages" | "aged"))
            && a > lo
            && toks[a - 1].is_punct(',')
            && (a + 1..p).all(|i| toks[i].kind == Kind::Num || toks[i].is_punct(',') || matches!(toks[i].lower.as_str(), "and" | "to"))
        {
            p = a - 1;
        }
        // "Eighteen soldiers (mainly gendarmes) and one civilian"
        if p > lo && (toks[p - 1].is_punct(')') || toks[p - 1].is_punct(']')) {
            let open = if toks[p - 1].is_punct(')') { '(' } else { '[' };
            if let Some(o) = (p.saturating_sub(12).max(lo)..p - 1).rev().find(|&i| toks[i].is_punct(open)) {
                p = o;
            }
        }
        let Some(n) = cps.iter().position(|x| x.end == p && !x.pronoun && !x.subset) else { return };
        // "his mother, 27-year-old Dana Smith, and ...": one person told twice
        if !(appositive(toks, cps, n, cur) && out.contains(&cur)) {
            out.push(n);
        }
        cur = n;
    }
}

/// True when count `b` follows count `a` after a single comma and names the same one person:
/// one of them a noun ("his mother", "the victim"), the other a name or an age with a name
/// ("Dana Smith", "27-year-old Dana Smith").
fn appositive(toks: &[Token], cps: &[CountPhrase], a: usize, b: usize) -> bool {
    let (x, y) = (&cps[a], &cps[b]);
    if x.amount.best != 1 || y.amount.best != 1 || y.start != x.end + 1 || !toks[x.end].is_punct(',') {
        return false;
    }
    let named = |c: &CountPhrase| match c.head {
        None => !c.pronoun && toks.get(c.start).is_some_and(|t| t.cap || is_age_word(&t.lower)),
        Some(h) => is_age_word(&toks[h].lower) && c.end > h + 1,
    };
    let noun = |c: &CountPhrase| c.head.is_some_and(|h| person_noun(&toks[h].lower).is_some_and(|p| p.singular));
    (noun(x) && named(y)) || (named(x) && noun(y))
}

fn cause_in(toks: &[Token], from: usize, until: usize) -> (Cause, bool) {
    let mut violence = false;
    for t in toks.iter().take(until).skip(from) {
        match t.lower.as_str() {
            "accident" | "accidents" | "crash" | "crashed" | "collision" | "overturned" | "accidentally" | "accidental" | "drowned" => {
                return (Cause::Accident, true);
            }
            "combat" | "fighting" | "clash" | "clashes" | "battle" | "gunfire" | "crossfire" | "directly" | "skirmish" | "firefight" => {
                violence = true
            }
            _ => {}
        }
    }
    (Cause::Violence, violence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_tokens;
    use crate::tokens::tokenize;

    fn read(t: &str) -> Vec<(String, Outcome, Party, u64, Cause)> {
        let toks = tokenize(t);
        let nums = find_tokens(&toks);
        frames(&toks, &nums, (0, toks.len()))
            .into_iter()
            .map(|f| (t[f.span.start..f.span.end].to_string(), f.outcome, f.count.party, f.count.amount.best, f.cause))
            .collect()
    }

    #[test]
    fn active_and_passive() {
        let r = read("Gunmen killed eight villagers and wounded one on Monday.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[0].1, r[0].2, r[0].3), (Outcome::Killed, Party::Civilian, 8));
        assert_eq!((r[1].1, r[1].2, r[1].3), (Outcome::Wounded, Party::Civilian, 1));
        let r = read("At least 11 troops lost their lives, two troops were unaccounted for, while 9 were wounded.");
        assert_eq!(
            r.iter().map(|x| (x.1, x.2, x.3)).collect::<Vec<_>>(),
            vec![(Outcome::Killed, Party::State, 11), (Outcome::Missing, Party::State, 2), (Outcome::Wounded, Party::State, 9)]
        );
    }

    #[test]
    fn parts_and_ages_are_not_added() {
        // a part of the count before it ("three of whom") is no second subject of its verb
        let r = read("The gunman wounded five men, two of whom died.");
        assert_eq!(r.iter().map(|x| (x.1, x.3)).collect::<Vec<_>>(), vec![(Outcome::Wounded, 5), (Outcome::Killed, 2)], "{r:?}");
        // "two of them fatally" is a death told with the people shot
        let r = read("He shot four people, one of them fatally.");
        assert!(r.iter().any(|x| x.1 == Outcome::Killed && x.3 == 1), "{r:?}");
        // a decade or a range of ages is no count
        assert!(read("Three men in their late 30's were injured.").iter().all(|x| x.3 != 30));
        let r = read("Nine people, between the ages of 16 and 30, were injured.");
        assert_eq!(r.iter().map(|x| x.3).collect::<Vec<_>>(), vec![9], "{r:?}");
        // "two of the six died": the part died, not the six
        let r = read("Two of the six died at a hospital.");
        assert_eq!(r.iter().map(|x| (x.1, x.3)).collect::<Vec<_>>(), vec![(Outcome::Killed, 2)], "{r:?}");
    }

    #[test]
    fn private_guards_are_civilians() {
        let side = |t: &str| read(t).first().map(|x| (x.2, x.3));
        assert_eq!(side("A security guard was shot dead outside the bank."), Some((Party::Civilian, 1)));
        assert_eq!(side("Two store guards were wounded in the robbery."), Some((Party::Civilian, 2)));
        assert_eq!(side("A bodyguard was killed when the convoy was ambushed."), Some((Party::Civilian, 1)));
        // guards of the state keep their side
        assert_eq!(side("Three border guards were killed in the raid."), Some((Party::State, 3)));
        assert_eq!(side("Two guards were killed at the checkpoint."), Some((Party::State, 2)));
    }

    #[test]
    fn attackers_are_not_a_toll() {
        assert!(read("Hundreds of fighters on motorbikes attacked the garrison.").is_empty());
        let r = read("Hundreds of fighters killed 9 guards.");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].2, r[0].3), (Party::State, 9));
    }

    #[test]
    fn accident_split_and_ellipsis() {
        let r = read("Four police officers were killed in the fighting, and two in a crash on the way.");
        assert_eq!(
            r.iter().map(|x| (x.3, x.2, x.4)).collect::<Vec<_>>(),
            vec![(4, Party::State, Cause::Violence), (2, Party::State, Cause::Accident)]
        );
    }

    #[test]
    fn nouns_and_coordination() {
        let r = read("The raid claimed the lives of 9 gendarmes and one civilian.");
        assert_eq!(r.iter().map(|x| (x.2, x.3)).collect::<Vec<_>>(), vec![(Party::State, 9), (Party::Civilian, 1)]);
        let r = read("It confirmed the deaths of at least 6 of its soldiers.");
        assert_eq!(r[0].3, 6);
        let r = read("The army reported killing \u{201C}more than 40 terrorists\u{201D} in response.");
        assert_eq!((r[0].2, r[0].3), (Party::Armed, 40));
        let r = read("Attackers shot dead three guards and a trader.");
        assert_eq!(r.len(), 2, "{r:?}");
    }

    fn outcomes(t: &str) -> Vec<(Outcome, u64)> {
        read(t).into_iter().map(|x| (x.1, x.3)).collect()
    }

    #[test]
    fn relative_clauses_and_shared_subjects() {
        use Outcome::*;
        // the head of a relative clause that tells the wound is the subject of the main verb
        assert_eq!(outcomes("The 16-year-old girl who was shot on Elm Street last week has died."), vec![(Wounded, 1), (Killed, 1)]);
        assert_eq!(outcomes("A man who was in critical condition after the robbery died on Sunday."), vec![(Wounded, 1), (Killed, 1)]);
        // a short restrictive clause; an object pronoun is no subject
        assert_eq!(outcomes("A 14-year-old boy who was with him was shot in the arm."), vec![(Wounded, 1)]);
        // but not a clause that tells something else about many people
        assert!(read("Two others, some of the 30 guests who attended the barbecue, were hurt.").iter().all(|x| x.3 != 30));
        // two verbs, one subject
        assert_eq!(outcomes("Lee Carter was shot in the neck and was pronounced dead at the scene."), vec![(Wounded, 1), (Killed, 1)]);
        // "pronounced him dead" keeps its pronoun
        assert_eq!(outcomes("Medics pronounced him dead at the scene.").len(), 1);
    }

    #[test]
    fn people_listed_one_by_one() {
        use Outcome::*;
        assert_eq!(outcomes("A man, woman and girl were wounded in the drive-by."), vec![(Wounded, 1), (Wounded, 1), (Wounded, 1)]);
        assert_eq!(outcomes("A mother and daughter were found shot to death in their home."), vec![(Killed, 1), (Killed, 1)]);
        // a noun and a name in apposition are one person
        assert_eq!(outcomes("Her husband, 41-year-old Sam Ortiz, and her son, 9-year-old Leo Ortiz, were injured.").len(), 2);
        assert_eq!(outcomes("The blast left 19-year-old Ana Ruiz and her cousin, 23-year-old Eva Ruiz, dead.").len(), 2);
        // "passed away"; a hometown between a name and its verb; "left NAME, 22, dead"
        assert_eq!(outcomes("She was taken to a hospital, where she passed away."), vec![(Wounded, 1), (Killed, 1)]);
        assert_eq!(outcomes("19-year-old Dan Moss of Elmwood died at the scene."), vec![(Killed, 1)]);
        assert_eq!(outcomes("The shooting left Dan Moss, 19, dead."), vec![(Killed, 1)]);
        // surnames joined by "and", in a list, after "while"
        assert_eq!(outcomes("Ortiz, 30, and Ruiz, 28, were killed."), vec![(Killed, 1), (Killed, 1)]);
        assert_eq!(outcomes("Ortiz, Ruiz and Vega were pronounced dead."), vec![(Killed, 1), (Killed, 1), (Killed, 1)]);
        assert_eq!(outcomes("Ortiz died while Vega was hurt.").len(), 2);
        // ages in apposition do not break a list
        assert_eq!(outcomes("Three boys, ages 8, 10 and 12, and their father were found dead."), vec![(Killed, 3), (Killed, 1)]);
        // the people named after "of those men" are that count
        assert_eq!(outcomes("Two of those men, 31-year-old Ken Doe and 29 year old Al Roe, died later."), vec![(Killed, 2)]);
        // the shooter who took his own life
        let r = read("She killed her husband before turning the gun on herself.");
        assert_eq!(r.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(), vec![(Killed, Party::Civilian), (Killed, Party::Armed)]);
        let r = read("He killed his wife before taking his own life.");
        assert_eq!(r.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(), vec![(Killed, Party::Civilian), (Killed, Party::Armed)]);
        // a short phrase of place between one person and a singular verb
        assert_eq!(outcomes("Another man in the apartment was wounded."), vec![(Wounded, 1)]);
        // (not in a list before a plural verb: the list is not one person; each member with
        // an age by decade is one of the list)
        assert_eq!(outcomes("A woman in her 60s and another woman in her 70s were hurt."), vec![(Wounded, 1), (Wounded, 1)]);
        // a remark between dashes before the verb of its own: not an elided death
        assert_eq!(
            outcomes("One man died at the scene and two others -- a man and a woman -- were taken to an area hospital."),
            vec![(Killed, 1), (Wounded, 2)]
        );
        // "both" at the head of a sentence counts two
        assert_eq!(outcomes("Both were taken to a hospital."), vec![(Wounded, 2)]);
        assert_eq!(outcomes("Both victims were rushed to a local hospital."), vec![(Wounded, 2)]);
        // shot at a place, not shot at by someone
        assert_eq!(outcomes("Two men were shot at a gas station on Main Street."), vec![(Wounded, 2)]);
        assert!(read("Two men were shot at by a deputy.").is_empty());
        // a toll after the place it happened
        assert_eq!(outcomes("The death toll in the shooting rose to four."), vec![(Killed, 4)]);
        // "wounds" as a noun is no trigger
        assert_eq!(outcomes("The girl died of multiple gunshot wounds."), vec![(Killed, 1)]);
    }

    #[test]
    fn negation_and_singulars() {
        assert!(read("No one was killed in the blast.").is_empty());
        assert!(read("They tried to abduct a trader.").is_empty());
        let r = read("Militants executed the village chief's son.");
        assert_eq!((r[0].2, r[0].3), (Party::Civilian, 1));
        let r = read("One herder was killed and another wounded.");
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn subject_across_an_apposition() {
        use Outcome::*;
        // a phrase in apposition between one person and the verb
        assert_eq!(outcomes("A man, later identified as Oskar Lind, 41, of Brookfield, was pronounced dead."), vec![(Killed, 1)]);
        assert_eq!(outcomes("One person, identified by relatives as Mia Holt, died at the scene."), vec![(Killed, 1)]);
        assert_eq!(outcomes("A 19-year-old woman, Mia Holt of Brookfield, was shot in the leg."), vec![(Wounded, 1)]);
        // one of a count told before, then a remark
        assert_eq!(outcomes("One of the six, a 30-year-old woman, died at the hospital."), vec![(Killed, 1)]);
        // a reduced relative clause of harm, then a remark, before the verb
        assert_eq!(outcomes("The young man shot Friday in Elmwood, near the old mill, has died."), vec![(Killed, 1)]);
        // a relative clause telling harm by its weapon
        assert_eq!(outcomes("A girl who was caught in the crossfire near the fair has died."), vec![(Killed, 1)]);
        // (a relative clause, a remark with a verb or a count of several people is no apposition)
        assert!(read("The suspect, who fled on foot, was arrested.").is_empty());
        let toks = tokenize("A man, two women and a boy, were shot");
        let cps = count_phrases(&toks, &find_tokens(&toks), (0, toks.len()), &[]);
        assert_eq!(appositive_start(&toks, &cps, 9, 0), None);
        assert_eq!(outcomes("Six people, five of them teenagers, were shot."), vec![(Wounded, 6)]);
    }

    #[test]
    fn ages_by_decade_and_lists() {
        use Outcome::*;
        assert_eq!(outcomes("Four men in their early 20s were shot outside a bar."), vec![(Wounded, 4)]);
        assert_eq!(outcomes("A woman in her 70s was hurt."), vec![(Wounded, 1)]);
        // (no decade at all: no phrase, no panic)
        assert!(read("Those in their were hurt.").len() <= 1);
        // an adjective of harm before the people counted
        assert_eq!(
            outcomes("Deputies found two deceased victims and three injured subjects in the house."),
            vec![(Killed, 2), (Wounded, 3)]
        );
        assert_eq!(outcomes("The woman was deceased when medics arrived."), vec![(Killed, 1)]);
        assert_eq!(outcomes("Police said a 10-month old is dead."), vec![(Killed, 1)]);
        // an elided count in a hospital is alive
        assert_eq!(outcomes("The shooting left two people dead and three others in the hospital."), vec![(Killed, 2), (Wounded, 3)]);
        // "the other two": the number counts
        assert_eq!(outcomes("One man died, while the other two remain in critical condition."), vec![(Killed, 1), (Wounded, 2)]);
        // "and another" closing a list of named people is the list's second member
        let toks = tokenize("Ruiz, 67, and another man were killed.");
        let nums = find_tokens(&toks);
        let cps = count_phrases(&toks, &nums, (0, toks.len()), &[]);
        assert!(cps.iter().all(|c| !c.additive), "{cps:?}");
        // but one more after a verb: "two were killed and another man wounded"
        let toks = tokenize("Two were killed and another man was wounded.");
        let cps = count_phrases(&toks, &find_tokens(&toks), (0, toks.len()), &[]);
        assert!(cps.iter().any(|c| c.additive), "{cps:?}");
        // "another four": the phrase starts at "another" and adds
        let r = read("The gunfire injured another four people.");
        assert_eq!((r.len(), r[0].3), (1, 4), "{r:?}");
        // a headline's two counts without a comma
        assert_eq!(outcomes("1 killed 3 injured in shooting at a bar"), vec![(Killed, 1), (Wounded, 3)]);
        // a number as the object before a clause word
        assert_eq!(outcomes("He killed two and wounded 14 before police arrived."), vec![(Killed, 2), (Wounded, 14)]);
    }

    #[test]
    fn titles_and_states() {
        use Outcome::*;
        // a title before a name gives the side
        let r = read("Officer Oskar Lind was wounded.");
        assert_eq!((r[0].1, r[0].2), (Wounded, Party::State), "{r:?}");
        assert!(r[0].0.starts_with("Officer"));
        // a phrase of state tells of the nearest person in its clause
        assert_eq!(outcomes("Three other victims arrived at a hospital with gunshot wounds."), vec![(Wounded, 3)]);
        assert_eq!(outcomes("Officers found a man on the sidewalk with a gunshot wound."), vec![(Wounded, 1)]);
        // (not across a conjunction or a comma)
        assert!(read("Police found a car, and later a teenager arrived with gunshot wounds.").iter().all(|x| !x.0.contains("car")));
    }
}
