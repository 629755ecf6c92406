//! Closed word lists the reader matches on lowercase folded tokens: the nouns that name the
//! people a count counts (whose side they are on), country demonyms, and small helpers.

/// Which side a counted group of people is on, before the event decides the actor kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// Soldiers, police, gendarmes, guards.
    State,
    /// Militants, jihadists, gunmen, assailants: the non-state armed side; its ACLED kind
    /// (rebels, political militia) depends on whether the group is named.
    Armed,
    /// Communal or ethnic militias, vigilantes, self-defence groups.
    Identity,
    /// Civilians, villagers, residents, people.
    Civilian,
    /// Protesters.
    Protester,
    /// Rioters.
    Rioter,
    /// Not said ("others", "16 were wounded", "the death toll").
    Unknown,
}

/// A noun naming people: its party and whether it is singular.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonNoun {
    /// Side.
    pub party: Party,
    /// Singular ("soldier", "man").
    pub singular: bool,
}

const fn pn(party: Party, singular: bool) -> Option<PersonNoun> {
    Some(PersonNoun { party, singular })
}

/// The party of a (lowercase) noun naming people, if it is one.
pub fn person_noun(w: &str) -> Option<PersonNoun> {
    use Party::*;
    match w {
        // state forces
        "soldier" | "serviceman" | "servicemember" | "gendarme" | "policeman" | "policewoman" | "guard" | "guardsman" | "ranger"
        | "eco-guard" | "officer" | "recruit" | "commander" | "colonel" | "captain" | "lieutenant" | "sergeant" | "corporal" | "marine"
        | "paratrooper" | "airman" | "trooper" | "conscript" | "cop" | "constable" | "peacekeeper" | "legionnaire" => pn(State, true),
        "soldiers" | "troops" | "servicemen" | "servicemembers" | "gendarmes" | "policemen" | "policewomen" | "police" | "guards"
        | "guardsmen" | "rangers" | "eco-guards" | "officers" | "personnel" | "recruits" | "commanders" | "colonels" | "captains"
        | "lieutenants" | "sergeants" | "corporals" | "marines" | "paratroopers" | "airmen" | "troopers" | "conscripts" | "cops"
        | "constables" | "peacekeepers" | "legionnaires" | "gendarmerie" | "army" | "military" => pn(State, false),
        // the non-state armed side
        "militant" | "jihadist" | "terrorist" | "insurgent" | "rebel" | "extremist" | "fighter" | "gunman" | "assailant" | "attacker"
        | "bandit" | "kidnapper" | "abductor" | "raider" | "islamist" | "combatant" | "bomber" | "jihadi" | "mujahid" | "hijacker"
        | "infiltrator" | "gunwoman" | "planter" | "shooter" => pn(Armed, true),
        "militants" | "jihadists" | "terrorists" | "insurgents" | "rebels" | "extremists" | "fighters" | "gunmen" | "assailants"
        | "attackers" | "bandits" | "kidnappers" | "abductors" | "raiders" | "islamists" | "combatants" | "bombers" | "jihadis"
        | "mujahideen" | "hijackers" | "infiltrators" | "elements" | "terrorist-elements" | "planters" | "shooters" => pn(Armed, false),
        // communal and ethnic militias
        "militiaman" | "vigilante" | "dozo" | "hunter-militiaman" => pn(Identity, true),
        "militiamen" | "militia" | "militias" | "vigilantes" | "dozos" => pn(Identity, false),
        // civilians
        "civilian" | "villager" | "resident" | "person" | "inhabitant" | "farmer" | "herder" | "herdsman" | "pastoralist" | "shepherd"
        | "trader" | "merchant" | "traveller" | "traveler" | "passenger" | "driver" | "worker" | "man" | "woman" | "child" | "boy"
        | "girl" | "student" | "pupil" | "teacher" | "worshipper" | "worshiper" | "imam" | "cleric" | "chief" | "son" | "daughter"
        | "wife" | "husband" | "brother" | "sister" | "father" | "mother" | "relative" | "youth" | "teen" | "teenager" | "elder"
        | "refugee" | "fisherman" | "miner" | "mayor" | "councillor" | "councilor" | "customer" | "pedestrian" | "journalist" | "nurse"
        | "doctor" | "patient" | "victim" | "hostage" | "infant" | "baby" | "toddler" | "minor" | "pilgrim" | "labourer" | "laborer"
        | "vendor" | "shopkeeper" | "businessman" | "businesswoman" | "employee" | "priest" | "pastor" | "marabout" | "herdsboy"
        | "individual" | "official" | "resident's" | "notable" | "contractor" | "engineer" | "tourist" | "missionary" | "nun"
        | "villager's" | "guide" | "agent" | "rancher" | "breeder" | "cattleman" | "peasant" | "motorist" | "motorcyclist"
        | "bystander" | "schoolboy" | "schoolgirl" | "leader" | "owner" | "occupant" | "grandson" | "nephew" | "uncle" | "cousin"
        | "local" | "fisher" | "collector" | "watchman" | "informant" | "activist" | "councilman" | "christian" | "muslim"
        | "prospector" | "thief" | "robber" | "suspect" | "humanitarian" | "marketgoer" | "traditionalist" | "hunter" | "gardener"
        | "trucker" | "smuggler" | "trafficker" | "chauffeur" | "servant" | "physician" | "reporter" | "interpreter" | "pensioner"
        | "widow" | "orphan" | "neighbour" | "neighbor" | "deputy" | "lawmaker" | "politician" | "candidate" | "voter" | "magistrate"
        | "judge" | "prefect" | "governor" | "shopowner" | "idp" | "repentant" | "accomplice" | "associate" | "courtier" | "member"
        | "tuareg" | "fulani" | "peul" | "zarma" | "djerma" | "hausa" | "kanuri" | "toubou" | "arab" | "buduma" | "dawsahak"
        | "juvenile" | "patron" | "clerk" | "co-worker" | "coworker" | "male" | "female" | "adult" | "kid" | "girlfriend" | "boyfriend"
        | "partygoer" | "niece" | "grandmother" | "grandfather" | "granddaughter" | "aunt" | "friend" | "classmate" | "roommate"
        | "stepfather" | "stepson" | "stepdaughter" | "fiancee" | "fiance" | "bodyguard" | "bouncer" | "doorman" | "mom" | "dad"
        | "grandma" | "grandpa" | "stepmother" | "stepmom" | "stepdad" => pn(Civilian, true),
        "civilians"
        | "juveniles"
        | "toddlers"
        | "patrons"
        | "clerks"
        | "co-workers"
        | "coworkers"
        | "males"
        | "females"
        | "adults"
        | "kids"
        | "partygoers"
        | "friends"
        | "classmates"
        | "villagers"
        | "residents"
        | "people"
        | "persons"
        | "inhabitants"
        | "farmers"
        | "herders"
        | "herdsmen"
        | "pastoralists"
        | "shepherds"
        | "traders"
        | "merchants"
        | "travellers"
        | "travelers"
        | "passengers"
        | "drivers"
        | "workers"
        | "men"
        | "women"
        | "children"
        | "boys"
        | "girls"
        | "students"
        | "pupils"
        | "teachers"
        | "worshippers"
        | "worshipers"
        | "imams"
        | "clerics"
        | "chiefs"
        | "sons"
        | "daughters"
        | "wives"
        | "husbands"
        | "brothers"
        | "sisters"
        | "relatives"
        | "youths"
        | "youngsters"
        | "teens"
        | "teenagers"
        | "elders"
        | "refugees"
        | "idps"
        | "fishermen"
        | "miners"
        | "mayors"
        | "councillors"
        | "customers"
        | "pedestrians"
        | "journalists"
        | "nurses"
        | "doctors"
        | "patients"
        | "victims"
        | "hostages"
        | "infants"
        | "babies"
        | "minors"
        | "pilgrims"
        | "labourers"
        | "laborers"
        | "vendors"
        | "shopkeepers"
        | "businessmen"
        | "employees"
        | "priests"
        | "pastors"
        | "marabouts"
        | "individuals"
        | "officials"
        | "notables"
        | "contractors"
        | "engineers"
        | "tourists"
        | "missionaries"
        | "nuns"
        | "guides"
        | "agents"
        | "ranchers"
        | "breeders"
        | "peasants"
        | "motorists"
        | "bystanders"
        | "schoolchildren"
        | "schoolboys"
        | "schoolgirls"
        | "family"
        | "families"
        | "members"
        | "locals"
        | "occupants"
        | "owners"
        | "leaders"
        | "christians"
        | "muslims"
        | "congregants"
        | "mourners"
        | "shoppers"
        | "commuters"
        | "fishers"
        | "users"
        | "collectors"
        | "watchmen"
        | "informants"
        | "activists"
        | "councilmen"
        | "prospectors"
        | "thieves"
        | "robbers"
        | "suspects"
        | "humanitarians"
        | "marketgoers"
        | "hunters"
        | "gardeners"
        | "truckers"
        | "smugglers"
        | "traffickers"
        | "servants"
        | "staff"
        | "physicians"
        | "reporters"
        | "pensioners"
        | "widows"
        | "bodyguards"
        | "bouncers"
        | "doormen"
        | "orphans"
        | "neighbours"
        | "neighbors"
        | "deputies"
        | "lawmakers"
        | "politicians"
        | "candidates"
        | "voters"
        | "villages'"
        | "households"
        | "nomads"
        | "dwellers"
        | "settlers"
        | "internally-displaced" => pn(Civilian, false),
        // demonstrations
        "protester" | "protestor" | "demonstrator" | "marcher" => pn(Protester, true),
        "protesters" | "protestors" | "demonstrators" | "marchers" => pn(Protester, false),
        "rioter" | "looter" => pn(Rioter, true),
        "rioters" | "looters" | "mob" => pn(Rioter, false),
        // said only as "others", "others were wounded"
        "others" | "more" => pn(Unknown, false),
        "other" => pn(Unknown, true),
        _ => None,
    }
}

/// Words that make a civilian-sounding noun an armed one when they stand right before it
/// ("armed men", "unidentified individuals", "unknown gunmen" is already armed).
pub fn arming_modifier(w: &str) -> bool {
    matches!(w, "armed" | "unidentified" | "unknown" | "hooded" | "masked" | "suspected" | "presumed" | "heavily-armed")
}

/// Country (ISO 3166-1 alpha-2) of a demonym or country word used as a modifier
/// ("Nigerien soldiers", "French troops", "Niger soldiers").
pub fn demonym(w: &str) -> Option<&'static str> {
    Some(match w {
        "nigerien" | "nigeriens" | "niger" | "niger's" => "NE",
        "malian" | "malians" | "mali" | "mali's" => "ML",
        "burkinabe" | "burkinabé" | "burkinabè" | "burkina" | "burkina's" => "BF",
        "nigerian" | "nigerians" | "nigeria" | "nigeria's" => "NG",
        "chadian" | "chadians" | "chad" | "chad's" => "TD",
        "cameroonian" | "cameroon" => "CM",
        "beninese" | "benin" => "BJ",
        "togolese" | "togo" => "TG",
        "algerian" | "algeria" => "DZ",
        "libyan" | "libya" => "LY",
        "mauritanian" | "mauritania" => "MR",
        "senegalese" | "senegal" => "SN",
        "ivorian" => "CI",
        "ghanaian" | "ghana" => "GH",
        "french" | "france" | "france's" => "FR",
        "american" | "u.s." | "us" | "america's" => "US",
        "russian" | "russia" | "russia's" => "RU",
        "german" | "germany" => "DE",
        "italian" | "italy" => "IT",
        "british" | "uk" => "GB",
        "chinese" | "china" => "CN",
        "sudanese" | "sudan" => "SD",
        _ => return None,
    })
}

/// ACLED's English name of a country, for actor names ("Military Forces of Niger").
pub fn country_name(cc: &str) -> Option<&'static str> {
    Some(match cc {
        "NE" => "Niger",
        "ML" => "Mali",
        "BF" => "Burkina Faso",
        "NG" => "Nigeria",
        "TD" => "Chad",
        "CM" => "Cameroon",
        "BJ" => "Benin",
        "TG" => "Togo",
        "DZ" => "Algeria",
        "LY" => "Libya",
        "MR" => "Mauritania",
        "SN" => "Senegal",
        "CI" => "Ivory Coast",
        "GH" => "Ghana",
        "FR" => "France",
        "US" => "United States",
        "RU" => "Russia",
        "DE" => "Germany",
        "IT" => "Italy",
        "GB" => "United Kingdom",
        "CN" => "China",
        "SD" => "Sudan",
        "CF" => "Central African Republic",
        "SO" => "Somalia",
        "KE" => "Kenya",
        "ET" => "Ethiopia",
        "MZ" => "Mozambique",
        "CD" => "Democratic Republic of Congo",
        "EG" => "Egypt",
        "TN" => "Tunisia",
        "MA" => "Morocco",
        "GN" => "Guinea",
        "SL" => "Sierra Leone",
        "LR" => "Liberia",
        "GM" => "Gambia",
        "GW" => "Guinea-Bissau",
        "SS" => "South Sudan",
        "UG" => "Uganda",
        _ => return None,
    })
}

/// Auxiliaries that make the participle after them passive ("were killed").
pub fn passive_aux(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got" | "get" | "gets" | "remain" | "remained" | "remains")
}

/// Words that may stand between a count and the verb it is the subject of
/// ("seven soldiers were directly killed", "12 soldiers reportedly died").
pub fn filler(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "had"
            | "have"
            | "has"
            | "been"
            | "being"
            | "are"
            | "is"
            | "be"
            | "got"
            | "reportedly"
            | "allegedly"
            | "also"
            | "all"
            | "directly"
            | "later"
            | "subsequently"
            | "eventually"
            | "then"
            | "who"
            | "that"
            | "which"
            | "tragically"
            | "instantly"
            | "immediately"
            | "each"
            | "both"
            | "apparently"
            | "confirmed"
            | "believed"
            | "feared"
            | "thought"
            | "said"
            | "reported"
            | "to"
            | "lost"
            | "their"
            | "his"
            | "her"
            | "its"
            | "met"
            | "left"
            | "found"
            | "pronounced"
            | "listed"
            | "declared"
            | "shot"
            | "taken"
            | "held"
            | "gone"
            | "went"
            | "remained"
            | "still"
            | "now"
            | "as"
            | "well"
            | "either"
            | "seriously"
            | "critically"
            | "severely"
            | "slightly"
            | "lightly"
            | "fatally"
            | "mortally"
            | "badly"
            | "'"
            | "\""
            | "\u{201d}"
            | "\u{2019}"
            | "s"
    )
}

/// Weapons and attack words that tell violence wherever they stand (lowercase): what both the
/// headline reader (`title`) and the non-violent-death rule (`hazard`) take as violence; each
/// adds words of its own.
pub fn weapon_or_attack(w: &str) -> bool {
    matches!(
        w,
        "gun"
            | "guns"
            | "gunshot"
            | "gunshots"
            | "gunfire"
            | "shotgun"
            | "homicide"
            | "bullet"
            | "bullets"
            | "rifle"
            | "pistol"
            | "handgun"
            | "knife"
            | "machete"
            | "machetes"
            | "stabbed"
            | "stabbing"
            | "shooting"
            | "shootings"
            | "shot"
            | "bomb"
            | "bombs"
            | "bombing"
            | "bomber"
            | "ied"
            | "grenade"
            | "rocket"
            | "rockets"
            | "mortar"
            | "mortars"
            | "airstrike"
            | "airstrikes"
            | "attack"
            | "attacks"
            | "attacked"
            | "ambush"
            | "ambushed"
            | "murder"
            | "murdered"
            | "assault"
            | "assaulted"
    )
}
