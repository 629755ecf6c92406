//! Reading titles (`Reader::read_title`, `Reader::read_with_title`) on our own example
//! headlines: a title that tells a shooting gives an event whose every quote is an exact slice
//! of the title; non-violent titles, opinion, questions and "police investigate" give none.

use chrono::NaiveDate;
use proptest::prelude::*;
use sitrep_extract::Reader;
use sitrep_model::article::Article;
use sitrep_model::contract::{EventOut, TextPart, event_out};
use sitrep_model::mention::{EventMention, Evidence};
use sitrep_model::taxonomy::{Outcome, PublishedFrom};
use sitrep_place::Gazetteer;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static READER: LazyLock<Reader<'static>> = LazyLock::new(|| Reader::new(&GAZ));

/// An article whose body is `body` and whose title, given apart, is `title`, published on
/// Monday 10 June 2024.
fn article(title: &str, body: &str) -> Article {
    let mut a = Article::plain("t1", body);
    a.title = Some(title.to_string());
    a.published = NaiveDate::from_ymd_opt(2024, 6, 10);
    a.published_from = Some(PublishedFrom::Metadata);
    a
}

fn outs(a: &Article, ms: &[EventMention]) -> Vec<EventOut> {
    let ids: Vec<String> = (0..ms.len()).map(|i| format!("e{i}")).collect();
    (0..ms.len()).map(|i| event_out(a, ms, i, &ids)).collect()
}

fn evidence(m: &EventMention) -> Vec<&Evidence> {
    let mut v: Vec<&Evidence> = Vec::new();
    v.extend(m.type_evidence.iter());
    v.extend(m.date.evidence.iter());
    v.extend(m.location.evidence.iter());
    v.extend(m.actors.iter().filter_map(|a| a.evidence.as_ref()));
    v.extend(m.casualties.iter().map(|c| &c.evidence));
    v.extend(m.tactics.iter().map(|t| &t.evidence));
    v
}

const CAPTION: &str = "Photo: a police car parked outside a building at night. (File photo)";

#[test]
fn a_title_that_tells_a_shooting_gives_its_event_quoted_from_the_title() {
    let title = "Four people shot outside a bar in Dayton on Saturday - Valley Evening News";
    let a = article(title, CAPTION);
    assert!(READER.read(&a).is_empty(), "the caption alone tells nothing");
    let ms = READER.read_with_title(&a);
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert!(m.event_type.is_violent());
    let wounded: u64 = m.casualties.iter().filter(|c| c.outcome == Outcome::Wounded).map(|c| c.amount.best).sum();
    assert_eq!(wounded, 4);
    assert_eq!(m.date.earliest, NaiveDate::from_ymd_opt(2024, 6, 8), "Saturday before the Monday it was published");
    assert_eq!(m.date.earliest, m.date.latest);
    assert!(m.sentences.is_empty(), "no sentence of the original text tells it");
    let evs = evidence(m);
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.in_title), "every piece of evidence is the title's");
    let e = &outs(&a, &ms)[0];
    let chars: Vec<char> = title.chars().collect();
    for x in &e.evidence {
        assert_eq!(x.within, Some(TextPart::Title));
        assert_eq!(chars[x.start..x.end].iter().collect::<String>(), x.quote);
        assert!(!x.quote.contains("Valley Evening News"), "the site's name is not read: {:?}", x.quote);
    }
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["evidence"][0]["in"], "title");
}

#[test]
fn a_title_with_a_death_and_no_date_gives_an_undated_event() {
    let title = "Man, 31, shot dead outside corner store in Springfield";
    let a = article(title, CAPTION);
    let ms = READER.read_with_title(&a);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].fatalities(), 1);
    assert_eq!(ms[0].date.earliest, None, "a headline without a date expression gives no date");
}

#[test]
fn titles_that_tell_no_violent_event_give_none() {
    for title in [
        "Veteran director honoured at film festival gala",
        "Earthquake kills 12 in mountain villages",
        "Bus crash leaves 3 dead on the highway",
        "Police investigate shooting on Main Street",
        "Police investigate after man found dead in river",
        "Police investigate after teen shot",
        "Opinion: after four teens were shot, the city must act",
        "Were three men shot because of a parking dispute?",
        "Suspect arrested in Friday shooting",
        "City council votes to fund new park",
    ] {
        let a = article(title, CAPTION);
        assert!(READER.read_with_title(&a).is_empty(), "{title:?} gave an event");
    }
}

#[test]
fn a_title_the_text_already_holds_is_not_read_again() {
    let title = "Two men shot outside a diner in Dayton";
    let a = article(title, "Two men shot outside a diner in Dayton\n\nPhoto: a diner at night.");
    assert!(READER.read_title(&a).is_empty());
}

#[test]
fn a_body_that_tells_an_event_keeps_its_own() {
    let title = "Three wounded in shooting at a park";
    let body = "Two men were shot and killed on Friday night in a parking lot in Dayton, police said.";
    let a = article(title, body);
    let ms = READER.read_with_title(&a);
    assert!(!ms.is_empty());
    assert!(ms.iter().all(|m| evidence(m).iter().all(|e| !e.in_title)));
}

fn headline() -> impl Strategy<Value = String> {
    let count = prop::sample::select(vec![
        "Four",
        "2",
        "Three teens",
        "A man",
        "Élodie, 19,",
        "One",
        "5 people",
        "Dozens",
        "Teenager",
        "Girl, 9,",
        "Night guard",
    ]);
    let verb = prop::sample::select(vec!["shot", "killed", "wounded", "hurt", "shot dead", "stabbed", "injured by gunfire"]);
    let rest = prop::sample::select(vec![
        " in Dayton",
        " outside a café in Québec",
        " at a party on Sunday",
        " — police say",
        " near the mall…",
        "",
        " in drive-by shooting",
    ]);
    let kicker = prop::sample::select(vec!["", "UPDATE: ", "Police: ", "Opinion: "]);
    let site = prop::sample::select(vec!["", " - Riverton Daily News", " | Channel 9 Évening", " – The Courier"]);
    (kicker, count, verb, rest, site).prop_map(|(k, c, v, r, s)| format!("{k}{c} {v}{r}{s}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every title quote is the exact code-point slice of the title, and every other quote the
    /// exact slice of the original text.
    #[test]
    fn title_quotes_are_exact_slices_of_the_title(title in headline(), body in prop::sample::select(vec![CAPTION, "", "Advertisement", "Dayton: two people were shot on Sunday."])) {
        let a = article(&title, body);
        let ms = READER.read_with_title(&a);
        let tchars: Vec<char> = title.chars().collect();
        let ochars: Vec<char> = a.original.chars().collect();
        for m in &ms {
            for e in evidence(m) {
                let len = if e.in_title { title.len() } else { a.original.len() };
                prop_assert!(e.span.end <= len && e.span.start <= e.span.end);
            }
        }
        for e in outs(&a, &ms) {
            for x in &e.evidence {
                let chars = if x.within == Some(TextPart::Title) { &tchars } else { &ochars };
                prop_assert_eq!(chars[x.start..x.end].iter().collect::<String>(), x.quote.clone());
            }
        }
    }
}

#[test]
fn a_body_event_without_figures_takes_the_title_figures() {
    let title = "Three wounded in gunfire outside a bar in Dayton";
    let body = "Gunmen opened fire outside a bar in Dayton late on Friday, police said. Officers are looking for a grey car.";
    let a = article(title, body);
    let plain = READER.read(&a);
    assert!(plain.first().is_some_and(|m| m.event_type.is_violent() && m.casualties.is_empty()), "{plain:?}");
    let ms = READER.read_with_title(&a);
    let m = &ms[0];
    let wounded: Vec<_> = m.casualties.iter().filter(|c| c.outcome == Outcome::Wounded).collect();
    assert_eq!(wounded.len(), 1);
    assert_eq!(wounded[0].amount.best, 3);
    assert!(wounded[0].evidence.in_title);
    assert!(m.type_evidence.as_ref().is_some_and(|e| !e.in_title), "the rest is the body's");
    let e = &outs(&a, &ms)[0];
    let x = e.evidence.iter().find(|x| x.field == "casualties[0]").unwrap();
    assert_eq!(x.within, Some(TextPart::Title));
    assert_eq!(title.chars().skip(x.start).take(x.end - x.start).collect::<String>(), x.quote);
}

#[test]
fn a_headline_without_article_or_auxiliary_is_counted() {
    let title = "Teenager shot outside a gym in Dayton";
    let a = article(title, CAPTION);
    let ms = READER.read_with_title(&a);
    assert_eq!(ms.len(), 1);
    let e = &outs(&a, &ms)[0];
    assert_eq!(e.casualties.len(), 1);
    assert_eq!((e.casualties[0].outcome, e.casualties[0].best), (Outcome::Wounded, 1));
    let x = e.evidence.iter().find(|x| x.field == "casualties[0]").unwrap();
    assert_eq!(x.within, Some(TextPart::Title));
    assert_eq!(x.quote, "Teenager shot", "the words read in between stand for the title's own");
    assert_eq!(title.chars().skip(x.start).take(x.end - x.start).collect::<String>(), x.quote);
}

#[test]
fn a_body_telling_fewer_than_its_title_takes_the_title_figure() {
    // the body tells the one in critical condition only; the title counts all four
    let title = "Four wounded, one critically, in shooting outside a bowling alley";
    let body = "Gunfire broke out outside a bowling alley in Dayton late on Friday. One person was hospitalized in critical condition, police said.";
    let a = article(title, body);
    let ms = READER.read_with_title(&a);
    let wounded: Vec<_> = ms[0].casualties.iter().filter(|c| c.outcome == Outcome::Wounded && !c.superseded).collect();
    assert_eq!(wounded.iter().map(|c| c.amount.best).sum::<u64>(), 4, "{:?}", ms[0].casualties);
    assert!(wounded.iter().all(|c| c.evidence.in_title));
    // a title over several incidents does not
    let a = article("Twelve wounded in weekend shootings", body);
    let ms = READER.read_with_title(&a);
    assert_eq!(ms[0].casualties.iter().filter(|c| c.outcome == Outcome::Wounded && !c.superseded).map(|c| c.amount.best).sum::<u64>(), 1);
    // nor a title telling fewer of the dead than the body ("three wounded" over a body with two
    // dead is about someone else)
    let body2 = "Two men were shot and killed on Friday night in a parking lot in Dayton, police said.";
    let ms = READER.read_with_title(&article("Three wounded in shooting at a park", body2));
    assert!(ms[0].casualties.iter().all(|c| !c.evidence.in_title));
}

#[test]
fn an_undated_title_takes_the_day_its_short_text_gives_the_violence() {
    // a page too short to be read as prose (read by its title): its text still dates the shots
    let title = "Four people shot outside a bar in Dayton";
    let body = "Police said the shots were fired early Saturday after an argument in the parking lot.";
    let a = article(title, body);
    let ms = READER.read_title(&a);
    assert_eq!(ms.len(), 1);
    let d = &ms[0].date;
    assert_eq!(d.earliest, NaiveDate::from_ymd_opt(2024, 6, 8), "the Saturday before the Monday it was published: {d:?}");
    assert_eq!(d.earliest, d.latest);
    let e = d.evidence.as_ref().expect("the date is quoted");
    assert!(!e.in_title, "quoted from the text");
    assert!(body[e.span.start..e.span.end].contains("Saturday"), "{:?}", &body[e.span.start..e.span.end]);
    // the casualty figures are still the title's
    assert!(ms[0].casualties.iter().all(|c| c.evidence.in_title));
    // a date in the title is the title's
    let a = article("Four people shot outside a bar in Dayton on Friday", body);
    let ms = READER.read_title(&a);
    assert_eq!(ms[0].date.earliest, NaiveDate::from_ymd_opt(2024, 6, 7));
    assert!(ms[0].date.evidence.as_ref().unwrap().in_title);
}

#[test]
fn a_day_the_short_text_gives_something_else_leaves_the_title_undated() {
    let title = "Four people shot outside a bar in Dayton";
    for body in [
        "Storms are on the way: here is what to know before you go to bed Tuesday night.",
        "Watch the highlights of Sunday's game and the coach's news conference.",
        "",
    ] {
        let ms = READER.read_title(&article(title, body));
        assert_eq!(ms.len(), 1, "{body}");
        assert_eq!(ms[0].date.earliest, None, "{body}: {:?}", ms[0].date);
        assert_eq!(ms[0].date.precision, sitrep_model::taxonomy::DatePrecision::Unknown);
    }
}
