//! A small world of our own: one attack told by a dated report, an independent undated report
//! with an early partial toll, an opinion piece re-telling the first report, and a page
//! re-published a year later whose "last week" points back at the attack.

use sitrep_model::Amount;
use sitrep_model::article::Article;
use sitrep_model::contract::EventOut;
use sitrep_model::mention::EventMention;
use sitrep_model::taxonomy::*;
use sitrep_reconcile::testkit::*;
use sitrep_reconcile::{Batch, Linker, MemoryStore};

const DJIBO: (f64, f64) = (14.10, -1.63);
const DORI: (f64, f64) = (14.03, -0.03);
const KAYA: (f64, f64) = (13.09, -1.08);

pub const R1: &str = "Gunmen on motorcycles stormed an army post in Djibo on Monday, killing nine soldiers, the defence ministry said. \
Six other soldiers died when their truck overturned on the way to reinforce the post. \
The ministry said 40 attackers were killed in the counter-attack led by Colonel Ibrahim Sawadogo. \
Last month, 11 gendarmes were killed in an ambush near Dori. \
The junta has promised to recruit 50,000 volunteers this year.";

pub const R2: &str = "Burkina Faso's army confirmed that 15 soldiers died after hundreds of fighters on motorcycles overran a post in Djibo. \
Nine were killed in the fighting and six in a road accident, according to an army statement. \
Earlier, two security sources told AFP that at least eight soldiers had been killed. \
About 40 assailants were killed, the statement said, and one helicopter was hit by gunfire. \
Djibo lies 200 kilometres north of Ouagadougou and has been under blockade since 2022.";

pub const R3: &str = "The assault on the army post in Djibo, where gunmen on motorcycles killed nine soldiers, must be a turning point for Burkina Faso. \
Six more soldiers died on the road, and 40 attackers were killed, yet the junta keeps repeating the same strategy. \
The killing of 11 gendarmes near Dori last month should have been warning enough. \
It is essential that the government rethinks how it protects isolated posts. \
Recruiting 50,000 volunteers is not a plan; the army must be given the means to hold the ground it already has. \
Without a change of course, more soldiers will die.";

pub const R4: &str = "At least 30 soldiers were killed in an attack near Kaya on Thursday, the ministry said. \
Just last week, gunmen on motorbikes killed 15 soldiers in the north of the country. \
Last month, 11 gendarmes were killed in an ambush near Dori, in the Sahel region. \
The government declared three days of mourning.";

pub fn a1() -> (Article, Vec<EventMention>) {
    let a = article("r1", Some("Nine soldiers killed in Djibo attack"), Some(day(2022, 5, 10)), R1);
    let main = M::new(R1, SourceRole::Primary, SubEventType::ArmedClash, "stormed an army post")
        .sentence("Six other soldiers died")
        .sentence("40 attackers were killed")
        .date("on Monday", day(2022, 5, 9), day(2022, 5, 9), DatePrecision::Day, true)
        .place("Djibo", Some("Djibo"), "BF", Some("Sahel"), Some(DJIBO), LocationPrecision::Exact)
        .actor("Gunmen", "Unidentified Armed Group (Burkina Faso)", ActorKind::PoliticalMilitia, ActorRole::Attacker)
        .actor("army post", "Military Forces of Burkina Faso", ActorKind::StateForces, ActorRole::Target)
        .toll("killing nine soldiers", ActorKind::StateForces, Outcome::Killed, Amount::exact(9), Cause::Violence)
        .said_by("the defence ministry")
        .toll("Six other soldiers died", ActorKind::StateForces, Outcome::Killed, Amount::exact(6), Cause::Accident)
        .toll("40 attackers were killed", ActorKind::PoliticalMilitia, Outcome::Killed, Amount::exact(40), Cause::Violence)
        .tactic("motorcycles", "motorcycles")
        .done();
    let bg = M::new(R1, SourceRole::Background, SubEventType::ArmedClash, "ambush near Dori")
        .date("Last month", day(2022, 4, 1), day(2022, 4, 30), DatePrecision::Month, true)
        .place("near Dori", Some("Dori"), "BF", Some("Sahel"), Some(DORI), LocationPrecision::Near)
        .toll("11 gendarmes were killed", ActorKind::StateForces, Outcome::Killed, Amount::exact(11), Cause::Violence)
        .done();
    (a, vec![main, bg])
}

pub fn a2() -> (Article, Vec<EventMention>) {
    let a = article("r2", None, None, R2);
    let main = M::new(R2, SourceRole::Primary, SubEventType::ArmedClash, "overran a post")
        .sentence("Nine were killed")
        .sentence("at least eight soldiers")
        .sentence("About 40 assailants")
        .place("Djibo", Some("Djibo"), "BF", Some("Sahel"), Some(DJIBO), LocationPrecision::Exact)
        .actor("fighters", "Unidentified Armed Group (Burkina Faso)", ActorKind::PoliticalMilitia, ActorRole::Attacker)
        .actor("Burkina Faso's army", "Military Forces of Burkina Faso", ActorKind::StateForces, ActorRole::Target)
        .toll("at least eight soldiers had been killed", ActorKind::StateForces, Outcome::Killed, Amount::at_least(8), Cause::Violence)
        .superseded()
        .toll("Nine were killed in the fighting", ActorKind::StateForces, Outcome::Killed, Amount::exact(9), Cause::Violence)
        .said_by("army statement")
        .toll("six in a road accident", ActorKind::StateForces, Outcome::Killed, Amount::exact(6), Cause::Accident)
        .toll("About 40 assailants were killed", ActorKind::Rebels, Outcome::Killed, about(40), Cause::Violence)
        .tactic("motorcycles", "motorcycles")
        .tactic("helicopter", "helicopters")
        .done();
    (a, vec![main])
}

pub fn a3() -> (Article, Vec<EventMention>) {
    let a = article("r3", None, None, R3);
    let main = M::new(R3, SourceRole::Primary, SubEventType::ArmedClash, "assault on the army post")
        .sentence("Six more soldiers died")
        .place("Djibo", Some("Djibo"), "BF", Some("Sahel"), Some(DJIBO), LocationPrecision::Exact)
        .actor("gunmen", "Unidentified Armed Group (Burkina Faso)", ActorKind::PoliticalMilitia, ActorRole::Attacker)
        .toll("killed nine soldiers", ActorKind::StateForces, Outcome::Killed, Amount::exact(9), Cause::Violence)
        .toll("Six more soldiers died on the road", ActorKind::StateForces, Outcome::Killed, Amount::exact(6), Cause::Accident)
        .toll("40 attackers were killed", ActorKind::PoliticalMilitia, Outcome::Killed, Amount::exact(40), Cause::Violence)
        .tactic("motorcycles", "motorcycles")
        .done();
    let bg = M::new(R3, SourceRole::Background, SubEventType::ArmedClash, "killing of 11 gendarmes")
        .place("near Dori", Some("Dori"), "BF", Some("Sahel"), Some(DORI), LocationPrecision::Near)
        .toll("11 gendarmes", ActorKind::StateForces, Outcome::Killed, Amount::exact(11), Cause::Violence)
        .done();
    (a, vec![main, bg])
}

pub fn a4() -> (Article, Vec<EventMention>) {
    let a = article("r4", Some("Thirty soldiers killed near Kaya"), Some(day(2023, 5, 20)), R4);
    let main = M::new(R4, SourceRole::Primary, SubEventType::ArmedClash, "attack near Kaya")
        .date("on Thursday", day(2023, 5, 18), day(2023, 5, 18), DatePrecision::Day, true)
        .place("near Kaya", Some("Kaya"), "BF", Some("Centre-Nord"), Some(KAYA), LocationPrecision::Near)
        .toll("At least 30 soldiers were killed", ActorKind::StateForces, Outcome::Killed, Amount::at_least(30), Cause::Violence)
        .done();
    let bg = M::new(R4, SourceRole::Background, SubEventType::ArmedClash, "gunmen on motorbikes killed 15 soldiers")
        .date("Just last week", day(2023, 5, 8), day(2023, 5, 14), DatePrecision::Week, true)
        .place("in the north of the country", None, "BF", None, None, LocationPrecision::Country)
        .toll("killed 15 soldiers", ActorKind::StateForces, Outcome::Killed, Amount::exact(15), Cause::Violence)
        .tactic("motorbikes", "motorcycles")
        .done();
    // Each passing mention alone agrees only moderately with the events it tells; together,
    // pointing to the same year-old time, they make the dateline suspect.
    let bg2 = M::new(R4, SourceRole::Background, SubEventType::ArmedClash, "ambush near Dori")
        .date("Last month", day(2023, 4, 1), day(2023, 4, 30), DatePrecision::Month, true)
        .place("in the Sahel region", None, "BF", Some("Sahel"), None, LocationPrecision::Admin1)
        .toll("11 gendarmes were killed", ActorKind::StateForces, Outcome::Killed, Amount::exact(11), Cause::Violence)
        .done();
    (a, vec![main, bg, bg2])
}

pub fn all() -> Vec<(Article, Vec<EventMention>)> {
    vec![a1(), a2(), a3(), a4()]
}

fn find<'a>(events: &'a [EventOut], place: &str) -> &'a EventOut {
    let hits: Vec<&EventOut> = events.iter().filter(|e| e.location.name.as_deref() == Some(place)).collect();
    assert_eq!(hits.len(), 1, "{place}: {hits:#?}");
    hits[0]
}

fn ingest(order: &[usize], batches: &[usize]) -> MemoryStore {
    let arts = all();
    let linker = Linker::default();
    let mut store = MemoryStore::new();
    let mut i = 0;
    for &n in batches {
        let mut b = Batch::default();
        for &k in &order[i..i + n] {
            b.add(&arts[k].0, &arts[k].1);
        }
        store.ingest(&linker, b);
        i += n;
    }
    store
}

#[test]
fn one_attack_told_four_ways() {
    let store = ingest(&[0, 1, 2, 3], &[4]);
    let events = store.export_events();
    assert_eq!(events.len(), 3, "{events:#?}");

    let djibo = find(&events, "Djibo");
    let src: Vec<(&str, SourceRole, bool)> =
        djibo.sources.as_ref().unwrap().iter().map(|s| (s.article_id.as_str(), s.role, s.independent)).collect();
    assert_eq!(
        src,
        vec![
            ("r1", SourceRole::Primary, true),
            ("r2", SourceRole::Primary, true),
            ("r3", SourceRole::Primary, false),
            ("r4", SourceRole::Background, true)
        ]
    );
    let cas: Vec<(ActorKind, Outcome, Cause, u64, u64, Option<u64>)> =
        djibo.casualties.iter().map(|c| (c.party, c.outcome, c.cause, c.low, c.best, c.high)).collect();
    assert_eq!(
        cas,
        vec![
            (ActorKind::StateForces, Outcome::Killed, Cause::Violence, 9, 9, Some(9)),
            (ActorKind::StateForces, Outcome::Killed, Cause::Accident, 6, 6, Some(6)),
            // One source says militia, the other rebels: a tie goes to the lower ACLED code.
            (ActorKind::Rebels, Outcome::Killed, Cause::Violence, 40, 40, Some(40)),
        ]
    );
    assert_eq!(djibo.fatalities, 49);
    assert_eq!(
        (djibo.date.earliest, djibo.date.latest, djibo.date.precision),
        (Some(day(2022, 5, 9)), Some(day(2022, 5, 9)), DatePrecision::Day)
    );
    assert!(djibo.flags.is_empty(), "{:?}", djibo.flags);
    // The early partial toll is kept as a superseded claim with its quote.
    let claims = djibo.claims.as_ref().unwrap();
    let early = claims.iter().find(|c| c.quote == "at least eight soldiers had been killed").unwrap();
    assert!(early.superseded);
    assert_eq!(early.field, "casualties[0]");
    // Every casualty entry has a quote stating it.
    for i in 0..djibo.casualties.len() {
        assert!(djibo.evidence.iter().any(|e| e.field == format!("casualties[{i}]")), "casualties[{i}]");
    }
    // Evidence quotes are exact slices (code points) of their article.
    for e in &djibo.evidence {
        let text = [R1, R2, R3, R4][e.article_id[1..].parse::<usize>().unwrap() - 1];
        let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(slice, e.quote);
    }

    let dori = find(&events, "Dori");
    assert_eq!(dori.flags, vec![]);
    // The stale page's "last month" is not used: April 2022, not April 2023.
    assert_eq!((dori.date.earliest, dori.date.precision), (Some(day(2022, 4, 1)), DatePrecision::Month));
    let dori_src: Vec<&str> = dori.sources.as_ref().unwrap().iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(dori_src, vec!["r1", "r3", "r4"]);

    // The re-published page: its dateline is not used; its main event is dated from the
    // estimated true publication time, flagged.
    let kaya = find(&events, "Kaya");
    assert!(kaya.flags.contains(&EventFlag::DateSuspect), "{:?}", kaya.flags);
    assert!(kaya.flags.contains(&EventFlag::SingleSource));
    let e = kaya.date.earliest.unwrap();
    assert_eq!(chrono::Datelike::year(&e), 2022, "{:?}", kaya.date);

    let r4 = store.article_records().find(|a| a.id == "r4").unwrap();
    assert!(r4.flags().contains(&ArticleFlag::DateSuspect));
    let r3 = store.article_records().find(|a| a.id == "r3").unwrap();
    assert_eq!(r3.derivative_of, vec!["r1".to_string()]);
    assert_eq!(r3.kind(), ArticleKind::Commentary);
    for id in ["r1", "r2", "r4"] {
        let r = store.article_records().find(|a| a.id == id).unwrap();
        assert!(r.derivative_of.is_empty(), "{id}: {:?}", r.derivative_of);
        assert_eq!(r.kind(), ArticleKind::Report, "{id}");
        assert_eq!(r.date_suspect(), id == "r4", "{id}");
    }
    // Main event first in every article's event ids.
    assert_eq!(store.article_event_ids("r1")[0], djibo.id);
    assert_eq!(store.article_event_ids("r4"), vec![kaya.id.clone(), djibo.id.clone(), dori.id.clone()]);
}

/// Everything but ids, for comparing runs.
pub fn signature(e: &EventOut) -> String {
    let mut src: Vec<String> =
        e.sources.as_ref().unwrap().iter().map(|s| format!("{}:{}:{}", s.article_id, s.role, s.independent)).collect();
    src.sort();
    serde_json::to_string(&(
        e.event_type,
        e.sub_event_type,
        &e.date.earliest,
        &e.date.latest,
        e.date.precision,
        &e.location.name,
        &e.casualties,
        e.fatalities,
        &e.flags,
        src,
        e.evidence.len(),
        e.claims.as_ref().map(Vec::len),
    ))
    .unwrap()
}

#[test]
fn order_and_batches_do_not_matter() {
    let reference: Vec<String> = {
        let mut v: Vec<String> = ingest(&[0, 1, 2, 3], &[4]).export_events().iter().map(signature).collect();
        v.sort();
        v
    };
    let orders: [[usize; 4]; 6] = [[3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2], [3, 0, 2, 1], [2, 3, 1, 0], [0, 3, 1, 2]];
    for order in orders {
        for batches in [vec![1, 1, 1, 1], vec![2, 2], vec![1, 3], vec![3, 1]] {
            let store = ingest(&order, &batches);
            let mut got: Vec<String> = store.export_events().iter().map(signature).collect();
            got.sort();
            assert_eq!(got, reference, "order {order:?} batches {batches:?}");
        }
    }
}

#[test]
fn ids_are_never_lost_and_reingest_changes_nothing() {
    let arts = all();
    let linker = Linker::default();
    let mut store = MemoryStore::new();
    let mut seen: Vec<String> = Vec::new();
    for k in [3, 2, 1, 0] {
        let mut b = Batch::default();
        b.add(&arts[k].0, &arts[k].1);
        store.ingest(&linker, b);
        seen.extend(store.events().map(|e| e.id.clone()));
        let now: Vec<String> = store.events().flat_map(|e| std::iter::once(e.id.clone()).chain(e.merged_from.iter().cloned())).collect();
        for id in &seen {
            assert!(now.contains(id), "{id} lost after adding {k}");
        }
    }
    let before: Vec<String> = store.export_events().iter().map(|e| serde_json::to_string(e).unwrap()).collect();
    let mut b = Batch::default();
    for (a, m) in &arts {
        b.add(a, m);
    }
    let delta = store.ingest(&linker, b);
    assert!(delta.upserted.is_empty() && delta.deleted.is_empty(), "{:?}", delta.upserted);
    let after: Vec<String> = store.export_events().iter().map(|e| serde_json::to_string(e).unwrap()).collect();
    assert_eq!(before, after);
}
