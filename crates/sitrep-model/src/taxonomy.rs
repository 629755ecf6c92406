//! Closed vocabularies of the contract, serialised to its exact strings.

use serde::{Deserialize, Serialize};

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $var),+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The contract's string.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
            /// The value for a contract string (exact match).
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$var),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

vocab! {
    /// ACLED's six event types.
    EventType {
        /// Battles.
        Battles = "Battles",
        /// Explosions/Remote violence.
        ExplosionsRemoteViolence = "Explosions/Remote violence",
        /// Violence against civilians.
        ViolenceAgainstCivilians = "Violence against civilians",
        /// Protests.
        Protests = "Protests",
        /// Riots.
        Riots = "Riots",
        /// Strategic developments (not violent events).
        StrategicDevelopments = "Strategic developments",
    }
}

impl EventType {
    /// True for the violent types (all but protests and strategic developments).
    pub const fn is_violent(self) -> bool {
        matches!(self, EventType::Battles | EventType::ExplosionsRemoteViolence | EventType::ViolenceAgainstCivilians | EventType::Riots)
    }
}

vocab! {
    /// ACLED's 25 sub-event types.
    SubEventType {
        /// Battles.
        ArmedClash = "Armed clash",
        /// Battles.
        GovernmentRegainsTerritory = "Government regains territory",
        /// Battles.
        NonStateActorOvertakesTerritory = "Non-state actor overtakes territory",
        /// Explosions/Remote violence.
        ChemicalWeapon = "Chemical weapon",
        /// Explosions/Remote violence.
        AirDroneStrike = "Air/drone strike",
        /// Explosions/Remote violence.
        SuicideBomb = "Suicide bomb",
        /// Explosions/Remote violence.
        ShellingArtilleryMissile = "Shelling/artillery/missile attack",
        /// Explosions/Remote violence.
        RemoteExplosive = "Remote explosive/landmine/IED",
        /// Explosions/Remote violence.
        Grenade = "Grenade",
        /// Violence against civilians.
        SexualViolence = "Sexual violence",
        /// Violence against civilians.
        Attack = "Attack",
        /// Violence against civilians.
        Abduction = "Abduction/forced disappearance",
        /// Protests.
        PeacefulProtest = "Peaceful protest",
        /// Protests.
        ProtestWithIntervention = "Protest with intervention",
        /// Protests.
        ExcessiveForce = "Excessive force against protesters",
        /// Riots.
        ViolentDemonstration = "Violent demonstration",
        /// Riots.
        MobViolence = "Mob violence",
        /// Strategic developments.
        Agreement = "Agreement",
        /// Strategic developments.
        Arrests = "Arrests",
        /// Strategic developments.
        ChangeToGroup = "Change to group/activity",
        /// Strategic developments.
        DisruptedWeaponsUse = "Disrupted weapons use",
        /// Strategic developments.
        HeadquartersEstablished = "Headquarters or base established",
        /// Strategic developments.
        Looting = "Looting/property destruction",
        /// Strategic developments.
        NonViolentTransfer = "Non-violent transfer of territory",
        /// Strategic developments.
        Other = "Other",
    }
}

impl SubEventType {
    /// The event type this sub-type belongs to.
    pub const fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => EventType::Battles,
            ChemicalWeapon | AirDroneStrike | SuicideBomb | ShellingArtilleryMissile | RemoteExplosive | Grenade => {
                EventType::ExplosionsRemoteViolence
            }
            SexualViolence | Attack | Abduction => EventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForce => EventType::Protests,
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement | Arrests | ChangeToGroup | DisruptedWeaponsUse | HeadquartersEstablished | Looting | NonViolentTransfer | Other => {
                EventType::StrategicDevelopments
            }
        }
    }
}

vocab! {
    /// Actor kind and casualty party: ACLED's inter codes 1-8 in order, plus unknown.
    ActorKind {
        /// 1: armies, police, gendarmes, defence ministries.
        StateForces = "state_forces",
        /// 2: named insurgent groups (IS Sahel, JNIM, ISWAP, Boko Haram).
        Rebels = "rebels",
        /// 3: political militias, and ACLED's "unidentified armed group".
        PoliticalMilitia = "political_militia",
        /// 4: identity (communal, ethnic) militias.
        IdentityMilitia = "identity_militia",
        /// 5: rioters.
        Rioters = "rioters",
        /// 6: protesters.
        Protesters = "protesters",
        /// 7: civilians.
        Civilians = "civilians",
        /// 8: external or other forces (foreign armies, UN missions, private contractors).
        ExternalForces = "external_forces",
        /// Not known.
        Unknown = "unknown",
    }
}

impl ActorKind {
    /// ACLED's inter code (1-8), 0 for unknown.
    pub const fn inter_code(self) -> u8 {
        match self {
            ActorKind::StateForces => 1,
            ActorKind::Rebels => 2,
            ActorKind::PoliticalMilitia => 3,
            ActorKind::IdentityMilitia => 4,
            ActorKind::Rioters => 5,
            ActorKind::Protesters => 6,
            ActorKind::Civilians => 7,
            ActorKind::ExternalForces => 8,
            ActorKind::Unknown => 0,
        }
    }
}

vocab! {
    /// An actor's part in an event.
    ActorRole {
        /// Carried out the violence.
        Attacker = "attacker",
        /// Was targeted.
        Target = "target",
        /// Otherwise involved.
        Other = "other",
    }
}

vocab! {
    /// What happened to the people counted.
    Outcome {
        /// Killed.
        Killed = "killed",
        /// Wounded or injured.
        Wounded = "wounded",
        /// Missing or unaccounted for.
        Missing = "missing",
        /// Abducted, kidnapped, captured, taken prisoner.
        Captured = "captured",
    }
}

vocab! {
    /// Why they were harmed.
    Cause {
        /// By the violence of the event.
        Violence = "violence",
        /// By an accident linked to it (a road accident on the way to the fight).
        Accident = "accident",
    }
}

vocab! {
    /// How precisely a date is known.
    DatePrecision {
        /// A single day.
        Day = "day",
        /// A week.
        Week = "week",
        /// A month.
        Month = "month",
        /// A year.
        Year = "year",
        /// Not known.
        Unknown = "unknown",
    }
}

vocab! {
    /// How precisely a place is known.
    LocationPrecision {
        /// The named town or village itself.
        Exact = "exact",
        /// Near a named place.
        Near = "near",
        /// Second-level division.
        Admin2 = "admin2",
        /// First-level division (region).
        Admin1 = "admin1",
        /// Country only.
        Country = "country",
        /// Not known.
        Unknown = "unknown",
    }
}

vocab! {
    /// An article's part in an event.
    SourceRole {
        /// The article is about this event.
        Primary = "primary",
        /// Mentioned in passing.
        Background = "background",
    }
}

vocab! {
    /// What an article is.
    ArticleKind {
        /// Reporting (a re-told report included).
        Report = "report",
        /// Mainly opinion, analysis and prescription.
        Commentary = "commentary",
    }
}

vocab! {
    /// Where an article's publication date came from.
    PublishedFrom {
        /// Given with the input (JSON Lines field, feed entry).
        Metadata = "metadata",
        /// Found in the page (HTML meta tags or a dateline in the text).
        Dateline = "dateline",
        /// Inferred from the content and linked events.
        Inferred = "inferred",
    }
}

vocab! {
    /// Flags on an article.
    ArticleFlag {
        /// No publication date known.
        Undated = "undated",
        /// The dateline contradicts what the content refers to (a stale re-publication).
        DateSuspect = "date_suspect",
        /// The headline's numbers contradict the body.
        HeadlineConflict = "headline_conflict",
        /// No article text in the page (paywall, consent wall, "verify your email").
        NoContent = "no_content",
        /// The text was cut at the size limit.
        Truncated = "truncated",
        /// The bytes were not UTF-8 and were decoded from a detected encoding.
        Transcoded = "transcoded",
    }
}

vocab! {
    /// Flags on an event.
    EventFlag {
        /// One independent source.
        SingleSource = "single_source",
        /// Only derivative (non-independent) sources.
        DerivativeOnly = "derivative_only",
        /// Independent sources give figures whose ranges do not overlap.
        ConflictingCounts = "conflicting_counts",
        /// Independent sources disagree on the date.
        DateConflict = "date_conflict",
        /// Independent sources disagree on the place.
        LocationConflict = "location_conflict",
        /// The date rests on a suspect dateline.
        DateSuspect = "date_suspect",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_types_cover_all_six_types() {
        assert_eq!(SubEventType::ALL.len(), 25);
        for t in EventType::ALL {
            assert!(SubEventType::ALL.iter().any(|s| s.event_type() == *t), "{t}");
        }
    }

    #[test]
    fn strings_round_trip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::parse(s.as_str()), Some(*s));
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{}\"", s.as_str()));
        }
        assert_eq!(ActorKind::PoliticalMilitia.inter_code(), 3);
    }
}
