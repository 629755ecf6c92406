//! Word lists the recogniser uses (general vocabulary, lowercase).

use std::collections::HashSet;
use std::sync::OnceLock;

pub use sitrep_text::{is_common_word, is_given_name};

/// A word list as a set, built on first use.
pub struct WordSet {
    words: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    /// The words of `words`, separated by whitespace.
    const fn new(words: &'static str) -> Self {
        WordSet { words, set: OnceLock::new() }
    }
    /// True when `w` is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.words.split_whitespace().collect()).contains(w)
    }
    /// The words.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.words.split_whitespace()
    }
}

/// Capitalised words that are never a place on their own (months, weekdays, pronouns,
/// holidays, honorifics...), whatever the gazetteer holds.
pub static STOP: WordSet = WordSet::new(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep \
    sept oct nov dec monday tuesday wednesday thursday friday saturday sunday i a an the he she it we they you his her its \
    our their this that these those there here god allah christmas easter ramadan eid tabaski mr mrs ms dr sir madam mister \
    am pm ok tv ceo phd id ad bc ce no yes but and or if so as at by in on of to for from with after before when while since \
    until during also however meanwhile according said says photo video image read more share advertisement subscribe click \
    today yesterday tomorrow tonight covid coronavirus internet web online email facebook twitter google youtube instagram \
    whatsapp reuters afp ap bbc cnn un nato isis isil jnim iswap mnla ecowas au who unicef unhcr ocha acled al el de la le \
    du des saint san santa st new north south east west northern southern eastern western central upper lower great greater \
    little old mount lake river port fort cape point union republic kingdom state states city county district region \
    province department island islands valley bay beach park street road avenue bridge tower center centre hall house church \
    school college university hospital airport station market square plaza army police government ministry minister \
    president court senate congress parliament assembly council committee commission party group company bank club team \
    league cup world international national federal royal imperial islamic christian muslim jewish catholic human rights red \
    cross crescent black white green blue gold silver victory liberty freedom peace hope justice independence democracy \
    revolution war day night time times post news press daily weekly herald tribune journal gazette star sun moon mail media \
    radio television fulani fulanis peul peuls peulh tuareg tuaregs touareg touaregs tamasheq hausa haoussa zarma djerma \
    songhai songhay kanuri toubou tubu teda dogon bambara bozo mossi gourmantche igbo ibo yoruba berber berbers amazigh \
    pashtun hutu tutsi dinka nuer shia shiite sunni sufi wahhabi salafi koran quran bible muslims christians jihadist \
    jihadists",
);

/// Words a place name never starts with ("And I" is no "Andi").
pub static FUNCTION_WORDS: WordSet = WordSet::new(
    "and or but if in on at of to for from with by as i we he she it they you his her its our their this that these those \
    there here so no yes after before when while since until during also however meanwhile then now is was are were a an",
);

/// Capitalised phrases that are never places (as exact keys: lowercase, no spaces).
pub static STOP_PHRASES: WordSet = WordSet::new("elnino lanina newyear newyears labourday laborday goodfriday");

/// Words after a place name that make the whole a named organisation or thing: the place is
/// then `embedded` ("Niger Delta Authority", "Kenya Airways", "Boston Globe").
pub static ORG_WORDS: WordSet = WordSet::new(
    "university college school academy institute hospital clinic airport airways airlines air police army navy guard guards \
    forces force command brigade battalion regiment council ministry department authority agency bureau office commission \
    committee board assembly parliament senate congress court courts tribunal bank company corporation corp inc ltd plc \
    group holdings association federation union foundation fund trust society club fc united rangers rovers wanderers \
    athletic sports team league cup championship open marathon festival fair expo show times post news herald tribune \
    journal gazette chronicle observer telegraph guardian globe daily weekly magazine press radio television tv media \
    network party movement front alliance coalition church cathedral mosque temple synagogue museum gallery library zoo \
    stadium arena theatre theater hotel mall centre center hall tower towers palace castle prison jail station port harbour \
    harbor railway railways railroad metro transit energy power electric oil gas petroleum mining mines telecom \
    communications insurance capital partners ventures industries motors cement steel brewery water utilities declaration \
    accord agreement treaty convention protocol initiative summit conference process plan programme program project mission \
    operation state province stock exchange reserve treasury customs gendarmerie prefecture municipality",
);

/// Words after a place name that name a road or building: neither the place nor a mention.
pub static STREET_WORDS: WordSet = WordSet::new(
    "street st road rd avenue ave boulevard blvd lane drive way highway freeway expressway parkway place terrace court \
    crescent alley row square circle",
);

/// Physical features after a place name ("Niger River", "Chad Basin"): the name is another
/// feature's; the place inside it is `embedded`.
pub static GEO_WORDS: WordSet = WordSet::new(
    "river lake delta valley basin mountain mountains mount hills hill desert forest plateau plain plains island islands bay \
    sea coast gulf peninsula strait canal falls reserve park dam creek springs oasis corridor border frontier triangle",
);

/// Admin-level words after a name ("Tahoua region", "Borno State", "Orange County").
pub fn admin_level(word: &str) -> Option<u8> {
    match word {
        "region" | "regions" | "province" | "state" | "governorate" | "oblast" | "wilaya" | "territory" => Some(1),
        "department" | "departement" | "département" | "prefecture" | "préfecture" | "district" | "county" | "cercle" | "circle"
        | "division" | "lga" | "municipality" | "parish" => Some(2),
        "commune" | "arrondissement" | "sub-prefecture" | "subprefecture" | "canton" | "subdivision" => Some(3),
        _ => None,
    }
}

/// Titles and roles after a place name ("Texas Governor", "Niger President"): the place is a
/// literal modifier of a person.
pub static TITLE_AFTER: WordSet = WordSet::new(
    "governor gov president mayor minister prime premier secretary senator sen representative rep attorney chief judge \
    sheriff officials official authorities leader leaders king queen prince ambassador envoy consul general commander \
    spokesman spokesperson councillor councilman lawmaker lawmakers residents citizens people",
);

/// Titles before a capitalised name ("President Chad X"): what follows is a person.
pub static TITLE_BEFORE: WordSet = WordSet::new(
    "mr mrs ms dr sir dame lord lady president gen general col colonel capt captain lt lieutenant maj major sgt sergeant cpl \
    corporal sen senator rep gov governor judge justice mayor minister prof professor rev reverend father sister brother \
    pope imam sheikh cheikh king queen prince princess emir sultan chief officer detective coach pastor bishop saint",
);

/// Lowercase connectors inside a multi-word place name ("Bosnia and Herzegovina", "Republic of
/// the Congo", "Newcastle upon Tyne").
pub static CONNECTORS: WordSet = WordSet::new(
    "of the de du des la le les el al an ag and upon on da di do dos das del della van von der den y en sur sous in am bin \
    ben ould n d l",
);

/// Words right before a name that say it is a place ("in Kandadji", "the village of Garin").
pub static LOCATIVE_BEFORE: WordSet = WordSet::new(
    "in at near outside around from to towards toward into inside between across through via of and nearby within outskirts \
    vicinity village town locality commune city hamlet district area region department camp base localities villages towns",
);

/// Words right after a name that say it is a place ("Garin Dogo village").
pub static LOCATIVE_AFTER: WordSet =
    WordSet::new("village villages town locality commune area camp market hamlet region department district");

/// True when `rest` starts with the dash that ends a dateline ("NIAMEY \u{2014}", "GAO -- ").
pub fn dateline_dash(rest: &str) -> bool {
    rest.starts_with(['\u{2014}', '\u{2013}']) || rest.starts_with("- ") || rest.starts_with("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets() {
        assert!(STOP.contains("sep") && STOP.contains("sept") && STOP.contains("may"));
        assert!(!STOP.contains("sepsept"));
        assert!(LOCATIVE_AFTER.contains("village"));
        assert!(ORG_WORDS.contains("university"));
        assert!(is_common_word("police") && !is_common_word("niamey"));
        assert!(is_given_name("chad") && !is_given_name("niger"));
        assert_eq!(admin_level("region"), Some(1));
    }
}
