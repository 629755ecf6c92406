//! Linking through the reader's misreadings, on our own invented reports: a surname read as a
//! town in another state or country, one shooting split into an article's main and background
//! events; and the controls that keep different events apart.

use sitrep_model::Amount;
use sitrep_model::article::Article;
use sitrep_model::mention::EventMention;
use sitrep_model::taxonomy::*;
use sitrep_reconcile::testkit::*;
use sitrep_reconcile::{Batch, Linker, MemoryStore};

const MILLBROOK: (f64, f64) = (41.20, -77.10);
const FARAWAY: (f64, f64) = (33.50, -97.20);
const OVERSEAS: (f64, f64) = (51.50, 0.10);

const A: &str = "Two people were shot outside a bakery in Millbrook on Saturday night, police said. \
Officers found Dana Pruitt, 34, and a second victim near Orchard Street. \
Chief Wendell Marsh said the gunman fled in a grey sedan.";

const B: &str = "Police in Millbrook are looking for the driver of a grey sedan after a shooting on Orchard Street. \
Dana Pruitt, 34, and another man were wounded, Chief Wendell Marsh told reporters.";

/// A report of the Millbrook shooting; `place`: where the reader put it.
fn report_a(place: (&str, &str, &str, (f64, f64))) -> (Article, Vec<EventMention>) {
    let a = article("a", None, Some(day(2025, 3, 10)), A);
    let m = M::new(A, SourceRole::Primary, SubEventType::Attack, "were shot")
        .sentence("Officers found")
        .sentence("Chief Wendell Marsh")
        .date("on Saturday night", day(2025, 3, 8), day(2025, 3, 8), DatePrecision::Day, true)
        .place("Millbrook", Some(place.0), place.1, Some(place.2), Some(place.3), LocationPrecision::Exact)
        .toll("Two people were shot", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence)
        .done();
    (a, vec![m])
}

/// Another outlet's report of it, placed right; `shooting`: the words typing it.
fn report_b(text: &'static str, person: bool) -> (Article, Vec<EventMention>) {
    let b = article("b", None, Some(day(2025, 3, 9)), text);
    let mut m = M::new(text, SourceRole::Primary, SubEventType::Attack, "a shooting")
        .date("a shooting", day(2025, 3, 8), day(2025, 3, 8), DatePrecision::Day, false)
        .place("Millbrook", Some("Millbrook"), "US", Some("Pennsylvania"), Some(MILLBROOK), LocationPrecision::Exact);
    if person {
        m = m.sentence("Dana Pruitt");
    }
    (b, vec![m.toll("were wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence).done()])
}

fn link(arts: &[(Article, Vec<EventMention>)]) -> MemoryStore {
    let mut store = MemoryStore::new();
    let mut batch = Batch::default();
    for (a, ms) in arts {
        batch.add(a, ms);
    }
    store.ingest(&Linker::default(), batch);
    store
}

fn same_event(store: &MemoryStore, x: &str, y: &str) -> bool {
    store.article_event_ids(x).first().is_some_and(|e| store.article_event_ids(y).first() == Some(e))
}

#[test]
fn a_town_misread_far_away_does_not_split_a_shooting_named_in_the_other_report() {
    // The reader put report A in a "Millbrook" 1,700 km away; B names Millbrook too, and both
    // name the victim.
    let store = link(&[report_a(("Millbrook", "US", "Texas", FARAWAY)), report_b(B, true)]);
    assert!(same_event(&store, "a", "b"));
}

#[test]
fn a_country_misread_does_not_hide_a_shared_victim() {
    // Placed in another country altogether: the victim's full name finds and links it.
    let store = link(&[report_a(("Millbrook", "GB", "England", OVERSEAS)), report_b(B, true)]);
    assert!(same_event(&store, "a", "b"));
}

#[test]
fn far_apart_places_with_nothing_in_common_stay_apart() {
    // The same day and toll, but A is in another state, B's sentence does not name A's town
    // and no person is shared: two shootings.
    const C: &str =
        "Police in Millbrook are looking for the driver of a grey sedan after a shooting on Orchard Street. Two men were wounded.";
    let a = {
        let t = "Two people were shot outside a bakery in Lakeside on Saturday night, police said.";
        let a = article("a", None, Some(day(2025, 3, 10)), t);
        let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "were shot")
            .date("on Saturday night", day(2025, 3, 8), day(2025, 3, 8), DatePrecision::Day, true)
            .place("Lakeside", Some("Lakeside"), "US", Some("Texas"), Some(FARAWAY), LocationPrecision::Exact)
            .toll("Two people were shot", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence)
            .done();
        (a, vec![m])
    };
    let store = link(&[a, report_b(C, false)]);
    assert!(!same_event(&store, "a", "b"));
}

const D: &str = "A gunman opened fire on a crowd at the Riverside market in Millbrook on Friday, wounding five people. \
Witnesses said the shooting at the Riverside market began shortly after noon. \
In 2019, a robbery at the same market left one guard dead.";

const E: &str = "Five people were wounded on Friday when a man fired into a crowd at the Riverside market in Millbrook, police said.";

fn report_d(background_day: chrono::NaiveDate) -> (Article, Vec<EventMention>) {
    let d = article("d", None, Some(day(2025, 6, 7)), D);
    let main = M::new(D, SourceRole::Primary, SubEventType::Attack, "opened fire")
        .date("on Friday", day(2025, 6, 6), day(2025, 6, 6), DatePrecision::Day, true)
        .place("Millbrook", Some("Millbrook"), "US", Some("Pennsylvania"), Some(MILLBROOK), LocationPrecision::Exact)
        .toll("wounding five people", ActorKind::Civilians, Outcome::Wounded, Amount::exact(5), Cause::Violence)
        .done();
    // The reader told the second sentence apart as a background event.
    let bg = M::new(D, SourceRole::Background, SubEventType::Attack, "the shooting at the Riverside market")
        .date("shortly after noon", background_day, background_day, DatePrecision::Day, true)
        .place("Riverside market", Some("Millbrook"), "US", Some("Pennsylvania"), Some(MILLBROOK), LocationPrecision::Exact)
        .done();
    (d, vec![main, bg])
}

fn report_e() -> (Article, Vec<EventMention>) {
    let e = article("e", None, Some(day(2025, 6, 7)), E);
    let m = M::new(E, SourceRole::Primary, SubEventType::Attack, "fired into a crowd")
        .date("on Friday", day(2025, 6, 6), day(2025, 6, 6), DatePrecision::Day, true)
        .place("Millbrook", Some("Millbrook"), "US", Some("Pennsylvania"), Some(MILLBROOK), LocationPrecision::Exact)
        .toll("Five people were wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(5), Cause::Violence)
        .done();
    (e, vec![m])
}

#[test]
fn one_shooting_split_by_the_reader_is_one_event_when_its_parts_agree() {
    let store = link(&[report_d(day(2025, 6, 6)), report_e()]);
    let d = store.article_event_ids("d");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0], d[1], "main and background are one shooting");
    assert_eq!(store.article_event_ids("e").first(), d.first());
    assert_eq!(store.len(), 1);
}

#[test]
fn an_article_background_event_of_another_time_stays_apart() {
    let store = link(&[report_d(day(2019, 4, 2)), report_e()]);
    let d = store.article_event_ids("d");
    assert_ne!(d[0], d[1]);
    assert_eq!(store.article_event_ids("e").first(), d.first());
}

const F: &str = "The frigate Meridian captured fourteen pirates near the Korsa Channel on Tuesday, the navy said. \
Captain Odile Baltrane said the pirates had tried to board the tanker Silvermoor.";

const G: &str =
    "Fourteen pirates who tried to board the tanker Silvermoor in the Korsa Channel were captured by the frigate Meridian on Tuesday.";

/// Two reports of one capture at sea, placed by the reader in two countries: `f_town` puts the
/// first in a town (else the country alone), `g_town` likewise the second.
fn at_sea(f_town: bool, g_town: bool) -> MemoryStore {
    let place = |m: M<'static>, phrase: &str, town: bool, cc: &str, at: (f64, f64)| {
        if town {
            m.place(phrase, Some(phrase), cc, Some("Coast"), Some(at), LocationPrecision::Exact)
        } else {
            m.place(phrase, None, cc, None, None, LocationPrecision::Country)
        }
    };
    let f = article("f", None, Some(day(2025, 9, 4)), F);
    let mf = M::new(F, SourceRole::Primary, SubEventType::Abduction, "captured fourteen pirates").sentence("Captain Odile Baltrane").date(
        "on Tuesday",
        day(2025, 9, 2),
        day(2025, 9, 2),
        DatePrecision::Day,
        true,
    );
    let mf = place(mf, "Korsa Channel", f_town, "KE", (-4.0, 39.7))
        .toll("captured fourteen pirates", ActorKind::PoliticalMilitia, Outcome::Captured, Amount::exact(14), Cause::Violence)
        .done();
    let g = article("g", None, Some(day(2025, 9, 4)), G);
    let mg = M::new(G, SourceRole::Primary, SubEventType::Abduction, "were captured").date(
        "on Tuesday",
        day(2025, 9, 2),
        day(2025, 9, 2),
        DatePrecision::Day,
        true,
    );
    let mg = place(mg, "Korsa Channel", g_town, "TZ", (-6.8, 39.3))
        .toll("Fourteen pirates", ActorKind::PoliticalMilitia, Outcome::Captured, Amount::exact(14), Cause::Violence)
        .done();
    link(&[(f, vec![mf]), (g, vec![mg])])
}

#[test]
fn a_country_read_from_a_flag_or_a_region_costs_points_and_the_names_decide() {
    assert!(same_event(&at_sea(false, true), "f", "g"));
}

#[test]
fn two_towns_in_two_countries_are_two_events() {
    // Both placed in towns, in two countries, with nothing to doubt the places: two events.
    assert!(!same_event(&at_sea(true, true), "f", "g"));
}
