//! Deaths no one inflicted (`sitrep_extract::hazard`) on our own example articles: natural
//! hazards, disease and accidents give no event; an accident inside an attack still splits the
//! toll by cause; arson and bombs stay violent.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::article::Article;
use sitrep_model::contract::{EventOut, event_out};
use sitrep_model::mention::EventMention;
use sitrep_place::Gazetteer;
use std::fmt::Write;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static READER: LazyLock<Reader<'static>> = LazyLock::new(|| Reader::new(&GAZ));

fn read(text: &str) -> Vec<EventOut> {
    let mut a = Article::plain("h1", text);
    a.published = NaiveDate::from_ymd_opt(2025, 3, 2);
    let ms: Vec<EventMention> = READER.read(&a);
    let ids: Vec<String> = (0..ms.len()).map(|i| format!("e{i}")).collect();
    (0..ms.len()).map(|i| event_out(&a, &ms, i, &ids)).collect()
}

const NON_VIOLENT: &[&str] = &[
    "An earthquake killed 14 people and injured 60 in the hill town of Varesk on Sunday, officials said.",
    "Floods swept through three districts on Thursday, killing 22 people. Another 9 were reported missing.",
    "A minibus collided with a truck on the main road on Friday, killing eight passengers. Five others were injured, police said.",
    "Nineteen people have died of cholera in the camp since Monday, health workers said.",
    "A fire broke out in a crowded market on Saturday night. Three traders died and 12 were hurt.",
    "Six worshippers were crushed to death in a stampede at the shrine on Friday.",
    "A five-storey building collapsed in the old quarter on Tuesday, killing 11 residents.",
    "Two boys drowned on Sunday after their canoe capsized on the lake.",
    "Lightning killed three herders and 40 cattle in the grazing area on Wednesday.",
    "A gas explosion at a restaurant killed four people on Monday, the fire service said.",
    "A worker was electrocuted at the power station on Tuesday.",
    "Quake hits coastal province, five hurt",
];

#[test]
fn hazards_give_no_event() {
    for t in NON_VIOLENT {
        let ev = read(t);
        assert!(ev.is_empty(), "{t}: {ev:?}");
    }
}

#[test]
fn violence_with_fire_or_explosives_stays_violent() {
    for t in [
        "Gunmen set fire to the hamlet on Sunday, killing seven villagers.",
        "A car bomb exploded near the bus station on Monday, killing nine people.",
        "An explosion killed four soldiers on the road to the border on Tuesday.",
        "Attackers torched houses and shot dead five farmers on Friday.",
    ] {
        let ev = read(t);
        assert_eq!(ev.len(), 1, "{t}: {ev:?}");
        assert!(ev[0].casualties.iter().any(|c| c.cause == sitrep_model::taxonomy::Cause::Violence), "{t}: {:?}", ev[0].casualties);
    }
}

#[test]
fn violence_after_a_disaster_is_still_told() {
    // a disaster told first, then an attack in a separate incident: one event, the attack's
    let ev = read(
        "Floods killed 30 people in the valley on Friday. In a separate incident, gunmen killed four traders on the road to the market on Saturday.",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].casualties.iter().map(|c| c.best).collect::<Vec<_>>(), vec![4]);
}

#[test]
fn a_protest_told_beside_a_hazard_is_a_protest() {
    let ev = read("Traders protested in the market square on Friday against the curfew imposed amid the cholera outbreak.");
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].event_type, sitrep_model::taxonomy::EventType::Protests);
}

#[test]
fn accident_inside_attack_still_splits() {
    let ev = read(
        "Militants attacked an army post near the river on Monday, killing six soldiers. Two more soldiers died when their truck overturned on the way to reinforce the post.",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    let causes: Vec<_> = ev[0].casualties.iter().map(|c| (c.best, c.cause)).collect();
    assert!(causes.contains(&(6, sitrep_model::taxonomy::Cause::Violence)), "{causes:?}");
    assert!(causes.contains(&(2, sitrep_model::taxonomy::Cause::Accident)), "{causes:?}");
}

#[test]
fn hazards_golden() {
    let mut out = String::new();
    for t in [
        "Militants attacked an army post near the river on Monday, killing six soldiers. Two more soldiers died when their truck overturned on the way to reinforce the post.",
        "A bus plunged off a bridge on Friday, killing 17 passengers. Separately, bandits abducted 12 travellers on the highway on Saturday.",
        "Gunmen set fire to the hamlet on Sunday, killing seven villagers.",
    ] {
        writeln!(out, "## {t}").unwrap();
        for e in read(t) {
            let cas: Vec<String> = e.casualties.iter().map(|c| format!("{:?} {:?} {} {:?}", c.party, c.outcome, c.best, c.cause)).collect();
            writeln!(out, "{:?} / {:?} : {}", e.event_type, e.sub_event_type, cas.join(", ")).unwrap();
        }
    }
    insta::assert_snapshot!(out);
}
