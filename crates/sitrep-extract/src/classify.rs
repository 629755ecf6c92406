//! ACLED event type and sub-type from what an event's sentences say: the acts, who acted and
//! on whom, and the casualties. The rules follow ACLED's codebook as ACLED applies it:
//!
//! - demonstrations: a mob or a lynching is *Mob violence*; stones, burning tyres, vandalism
//!   or rioters a *Violent demonstration*; otherwise a protest, *with intervention* when
//!   security forces dispersed or arrested it, *Excessive force* when they shot at it;
//! - air or drone strikes, suicide bombs, shelling and grenades are *Explosions/Remote
//!   violence* of their sub-type, and so is an IED or landmine unless an exchange of fire
//!   makes it a battle; an explosive found or defused is *Disrupted weapons use*;
//! - armed actors on both sides (soldiers, militants, militias, civilians who took up arms)
//!   fight a *Battle*: *Armed clash*, or a change of territory when one side took or retook
//!   a place;
//! - armed actors against civilians: *Violence against civilians*: *Sexual violence*,
//!   *Attack* (killing, wounding, shooting at or assaulting people), or
//!   *Abduction/forced disappearance* when people were only taken;
//! - property only (looting, livestock seized, extortion, houses burned) is *Looting/property
//!   destruction*; arrests are *Arrests*; armed groups seen moving, running checkpoints or
//!   preaching are *Other*; a base set up *Headquarters or base established*; a signed deal
//!   or a surrender *Agreement* (Strategic developments).

use crate::acts::Act;
use sitrep_model::taxonomy::{ActorKind, Outcome, SubEventType};
use std::collections::BTreeSet;

/// What the classifier looks at.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Specific acts of the event.
    pub acts: BTreeSet<Act>,
    /// Kind of the attacking side, if known.
    pub attacker: Option<ActorKind>,
    /// Kind of the side acted on, if known.
    pub target: Option<ActorKind>,
    /// Casualties: kind and outcome.
    pub victims: Vec<(ActorKind, Outcome)>,
    /// No armed actor at all (a fight between farmers and herders is mob violence).
    pub unarmed: bool,
}

fn armed(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::StateForces | ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia | ActorKind::ExternalForces
    )
}

/// The sub-type (its type follows from it).
pub fn classify(f: &Facts) -> SubEventType {
    use Act::*;
    use SubEventType as S;
    let has = |a: Act| f.acts.contains(&a);
    let harmed = |k: ActorKind| f.victims.iter().any(|(vk, vo)| *vk == k && matches!(vo, Outcome::Killed | Outcome::Wounded));
    let taken = |k: ActorKind| f.victims.iter().any(|(vk, vo)| *vk == k && *vo == Outcome::Captured);
    let demo = has(Protest) || matches!(f.attacker, Some(ActorKind::Protesters | ActorKind::Rioters));
    let clash = has(Clash) || has(Resist);
    if has(Mob) || (clash && f.unarmed && !demo) {
        return S::MobViolence;
    }
    if demo || has(Riot) {
        if has(Riot) || f.attacker == Some(ActorKind::Rioters) || (has(Loot) && demo) {
            return S::ViolentDemonstration;
        }
        if has(ExcessiveForce) || harmed(ActorKind::Protesters) {
            return S::ExcessiveForce;
        }
        if has(Intervention) || has(Arrest) {
            return S::ProtestWithIntervention;
        }
        return S::PeacefulProtest;
    }
    if has(Air) && !has(Clash) {
        return S::AirDroneStrike;
    }
    let attacker_state = matches!(f.attacker, Some(ActorKind::StateForces | ActorKind::ExternalForces));
    if clash {
        if has(Takeover) && !attacker_state {
            return S::NonStateActorOvertakesTerritory;
        }
        if has(Recapture) && attacker_state {
            return S::GovernmentRegainsTerritory;
        }
        return S::ArmedClash;
    }
    let violent_harm = f.victims.iter().any(|(_, o)| matches!(o, Outcome::Killed | Outcome::Wounded));
    if has(Suicide) {
        return S::SuicideBomb;
    }
    if has(Shelling) {
        return S::ShellingArtilleryMissile;
    }
    if has(Grenade) {
        return S::Grenade;
    }
    if has(Explosive) && (!has(Defuse) || violent_harm) {
        return S::RemoteExplosive;
    }
    if has(Defuse) && !violent_harm && !has(Attack) {
        return S::DisruptedWeaponsUse;
    }
    if has(Takeover) && !attacker_state && f.acts.iter().any(|a| a.violent()) {
        return S::NonStateActorOvertakesTerritory;
    }
    if has(Recapture) && attacker_state {
        return S::GovernmentRegainsTerritory;
    }
    let armed_harmed = f.victims.iter().any(|(k, o)| armed(*k) && matches!(o, Outcome::Killed | Outcome::Wounded | Outcome::Captured));
    let any_violence = f.acts.iter().any(|a| a.violent()) || violent_harm;
    if armed_harmed && any_violence {
        return S::ArmedClash;
    }
    if has(Sexual) {
        return S::SexualViolence;
    }
    if harmed(ActorKind::Civilians) {
        return S::Attack;
    }
    if taken(ActorKind::Civilians) {
        return S::Abduction;
    }
    if f.target.is_some_and(armed) && (has(Attack) || has(Raid) || has(Kill) || has(Wound)) {
        return S::ArmedClash;
    }
    if has(Kill) || has(Wound) {
        return S::Attack;
    }
    if has(Abduct) {
        return S::Abduction;
    }
    if has(Attack) {
        return S::Attack;
    }
    if has(Loot) {
        return S::Looting;
    }
    if has(Raid) {
        return S::Attack;
    }
    if has(Arrest) {
        return S::Arrests;
    }
    if has(Base) {
        return S::HeadquartersEstablished;
    }
    if has(Agreement) {
        return S::Agreement;
    }
    if has(Takeover) {
        return S::NonViolentTransfer;
    }
    S::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::taxonomy::ActorKind::*;

    fn f(acts: &[Act], attacker: Option<ActorKind>, target: Option<ActorKind>, victims: &[(ActorKind, Outcome)]) -> SubEventType {
        classify(&Facts { acts: acts.iter().copied().collect(), attacker, target, victims: victims.to_vec(), unarmed: false })
    }

    #[test]
    fn rules() {
        use Act::*;
        assert_eq!(f(&[Attack, Kill], Some(Rebels), Some(Civilians), &[(Civilians, Outcome::Killed)]), SubEventType::Attack);
        assert_eq!(f(&[Abduct], Some(PoliticalMilitia), Some(Civilians), &[(Civilians, Outcome::Captured)]), SubEventType::Abduction);
        assert_eq!(f(&[Attack], Some(Rebels), Some(StateForces), &[(StateForces, Outcome::Killed)]), SubEventType::ArmedClash);
        assert_eq!(f(&[Loot], Some(PoliticalMilitia), Some(Civilians), &[]), SubEventType::Looting);
        assert_eq!(f(&[Explosive], None, Some(StateForces), &[(StateForces, Outcome::Wounded)]), SubEventType::RemoteExplosive);
        assert_eq!(f(&[Defuse, Explosive], Some(StateForces), None, &[]), SubEventType::DisruptedWeaponsUse);
        assert_eq!(f(&[Air, Kill], Some(StateForces), Some(Rebels), &[(Rebels, Outcome::Killed)]), SubEventType::AirDroneStrike);
        assert_eq!(f(&[Protest, Intervention], Some(Protesters), None, &[]), SubEventType::ProtestWithIntervention);
        assert_eq!(f(&[Protest, Riot], Some(Protesters), None, &[]), SubEventType::ViolentDemonstration);
        assert_eq!(f(&[Arrest], Some(StateForces), Some(Civilians), &[]), SubEventType::Arrests);
        assert_eq!(f(&[Attack, Resist], Some(Rebels), Some(Civilians), &[(Civilians, Outcome::Wounded)]), SubEventType::ArmedClash);
    }
}
