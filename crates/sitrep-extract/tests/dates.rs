//! The main event's date on short reports written for these tests (US local-news style): the
//! time expression that dates the violence itself wins over those of telling, prosecuting,
//! mourning or investigating it; a date that modifies the attack's noun ("the March 3
//! shooting") or opens the clause of the attack ("Just after 1 a.m. on March 8, gunfire
//! erupted") is the attack's; a holiday that names an occasion ("a Christmas party") is no date.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::article::Article;
use sitrep_model::taxonomy::DatePrecision;
use sitrep_place::Gazetteer;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The main event's (earliest, latest, precision) for `text` published on `published`.
fn main_date(text: &str, published: &str) -> (Option<NaiveDate>, Option<NaiveDate>, DatePrecision) {
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let mut a = Article::plain("t", text);
    a.published = Some(d(published));
    let events = reader.read(&a);
    let e = events.first().expect("an event");
    (e.date.earliest, e.date.latest, e.date.precision)
}

fn day(s: &str) -> (Option<NaiveDate>, Option<NaiveDate>, DatePrecision) {
    (Some(d(s)), Some(d(s)), DatePrecision::Day)
}

#[test]
fn a_date_on_the_attack_noun_beats_one_on_another_verb() {
    // 2026-03-13 is a Friday
    assert_eq!(
        main_date("A judge on Thursday set bail for a man charged in the March 3 shooting that killed a teenager.", "2026-03-13"),
        day("2026-03-03")
    );
    assert_eq!(
        main_date("Relatives spoke at a Wednesday news conference about the Jan. 9 shooting that killed their son.", "2026-03-13"),
        day("2026-01-09")
    );
}

#[test]
fn the_shooting_day_beats_the_day_of_the_investigation() {
    // published Sunday 2026-03-15: "late Friday" is the 13th
    assert_eq!(
        main_date("Police continued Saturday to investigate a shooting late Friday that wounded three people outside a bar.", "2026-03-15"),
        day("2026-03-13")
    );
}

#[test]
fn a_fronted_date_dates_its_clause() {
    // published Thursday 2026-03-12
    assert_eq!(
        main_date(
            "The family of a woman killed in a drive-by shooting spoke to reporters on Wednesday. \
             Just after 1 a.m. on March 8, gunfire erupted outside her home on Birch Lane, police said.",
            "2026-03-12"
        ),
        day("2026-03-08")
    );
}

#[test]
fn killed_by_police_on_a_day() {
    // "by" is a deadline only right before the date ("by Friday"), not in "killed by police Thursday"
    assert_eq!(main_date("A 19-year-old was shot and killed by police Thursday afternoon after a chase.", "2026-03-13"), day("2026-03-12"));
}

#[test]
fn shot_at_a_vigil() {
    // the vigil is where it happened, not a later mourning
    assert_eq!(
        main_date("Five people were shot at a vigil Monday evening for a man who was killed on March 1, police said.", "2026-03-17"),
        day("2026-03-16")
    );
}

#[test]
fn a_follow_up_story_takes_the_shooting_day_from_a_later_sentence() {
    // published Tuesday 2026-03-17
    assert_eq!(
        main_date(
            "Detectives canvassed the neighbourhood on Monday after a weekend shooting that wounded four people. \
             The shooting happened around 2 a.m. Sunday outside a house party on Cedar Street.",
            "2026-03-17"
        ),
        day("2026-03-15")
    );
}

#[test]
fn a_week_narrowed_by_a_day_inside_it() {
    // published Monday 2026-03-16: last week is 9-15 March, Tuesday the 10th
    assert_eq!(
        main_date(
            "Two brothers were shot and wounded last week, police said; the older one had been walking home on Tuesday night.",
            "2026-03-16"
        ),
        day("2026-03-10")
    );
}

#[test]
fn a_holiday_party_is_no_date() {
    // published Monday 2025-12-29: the party was on Saturday the 27th, not on Christmas
    assert_eq!(main_date("Seven people were wounded at a Christmas party on Saturday, deputies said.", "2025-12-29"), day("2025-12-27"));
}

#[test]
fn no_time_no_date() {
    let (a, b, p) = main_date("Two men were shot outside a corner store on Main Street. One of them died at the scene.", "2026-03-16");
    assert_eq!((a, b, p), (None, None, DatePrecision::Unknown));
}

#[test]
fn an_arrest_in_the_shooting_is_dated_by_the_arrest_not_the_attack() {
    // "arrested Tuesday in the shooting": Tuesday is the arrest's; "died Tuesday in a shooting"
    // is the attack's (published Thursday 2026-03-19)
    assert_eq!(
        main_date(
            "A teen was arrested Tuesday in the shooting that wounded four people at a bus stop. \
             The shooting happened around 9 p.m. Saturday, police said.",
            "2026-03-19"
        ),
        day("2026-03-14")
    );
    assert_eq!(main_date("A 30-year-old man died Tuesday in a shooting outside a gas station.", "2026-03-19"), day("2026-03-17"));
}

#[test]
fn a_coarse_date_narrowed_by_the_one_day_the_text_gives_inside_it() {
    // published Friday 2026-07-17: "last month" is June; the June 28 shooting is the day
    assert_eq!(
        main_date(
            "Prosecutors filed charges Friday against two brothers over a shooting last month at a nightclub. \
             The brothers face attempted murder charges in connection with the June 28 shooting.",
            "2026-07-17"
        ),
        day("2026-06-28")
    );
}

#[test]
fn an_older_killing_recalled_does_not_date_a_protest() {
    // no publication date: the full date is the event's, not the year of the killing recalled
    assert_eq!(
        main_date_undated("On 9 February 2022, students marched in the capital to remember the killing of three students in 1990."),
        day("2022-02-09")
    );
}

#[test]
fn a_fronted_date_with_a_parenthesis() {
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let a = Article::plain(
        "t",
        "Around 23 May 2020 (as reported), two armed groups clashed near the border, killing six fighters. \
         One of the groups said in a statement that the fighting took place on May 17.",
    );
    let events = reader.read(&a);
    assert_eq!(events[0].date.expression.as_deref(), Some("Around 23 May 2020"));
}

#[test]
fn a_later_death_does_not_split_off_the_shooting() {
    // "died Saturday" is after the attack; the sentence that dates the shooting stays with it
    // (published Sunday 2026-03-22)
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let mut a = Article::plain(
        "t",
        "A 46-year-old woman died Saturday, a week after she was wounded in a drive-by shooting, police said. \
         She was struck by gunfire on March 14 outside her home, and two other people were also shot.",
    );
    a.published = Some(d("2026-03-22"));
    let events = reader.read(&a);
    assert_eq!((events[0].date.earliest, events[0].date.latest), (Some(d("2026-03-14")), Some(d("2026-03-14"))));
}

fn main_date_undated(text: &str) -> (Option<NaiveDate>, Option<NaiveDate>, DatePrecision) {
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let events = reader.read(&Article::plain("t", text));
    let e = events.first().expect("an event");
    (e.date.earliest, e.date.latest, e.date.precision)
}

#[test]
fn found_shot_is_when_it_was_found() {
    // published Tuesday 2026-03-17: the gunfire was heard on Monday night
    assert_eq!(
        main_date(
            "A 16-year-old boy was found shot to death Tuesday morning in a vacant lot. \
             Neighbours said they heard gunfire between 8 and 8:30 p.m. the night before.",
            "2026-03-17"
        ),
        day("2026-03-16")
    );
}

#[test]
fn a_street_named_court_is_no_court() {
    assert_eq!(
        main_date(
            "Officers responded to a shooting at a home on Colletta Court the night of March 4, and the family returned home on March 6.",
            "2026-03-17"
        ),
        day("2026-03-04")
    );
}

#[test]
fn a_glued_sentence_end_stops_the_search_for_the_verb() {
    // published Monday 2026-03-16: "yesterday" is when the girl came in, Saturday the gunfire
    assert_eq!(
        main_date(
            "Police now say a third teen was hurt in a weekend shooting.A 14-year-old girl came to the police station yesterday with a wound to her foot. \
             The gunfire broke out about 12:30 a.m. Saturday at a party.",
            "2026-03-16"
        ),
        day("2026-03-14")
    );
}

/// The main event's date expression for `text` published on `published` (or none).
fn main_expression(text: &str, published: Option<&str>) -> (Option<String>, Option<NaiveDate>, DatePrecision) {
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let mut a = Article::plain("t", text);
    a.published = published.map(d);
    let events = reader.read(&a);
    let e = events.first().expect("an event");
    (e.date.expression.clone(), e.date.earliest, e.date.precision)
}

#[test]
fn a_clock_time_alone_dates_a_same_day_report_to_its_publication_day() {
    // TimeML's convention: a clock time with no day is the document creation time's day
    let text = "A man was shot around 1:15 a.m. outside a convenience store on Elm Street, police said. \
                He was taken to a hospital in critical condition.";
    let (expr, day0, p) = main_expression(text, Some("2026-03-14"));
    assert_eq!((expr.as_deref(), day0, p), (Some("around 1:15 a.m."), Some(d("2026-03-14")), DatePrecision::Day));
    // in a sentence of its own that no other event claims
    let text = "Two teenagers were wounded in a shooting outside a skating rink, police said. \
                Officers were sent to the rink at about 9:40 p.m. after a fight in the parking lot.";
    assert_eq!(main_date(text, "2026-03-14"), day("2026-03-14"));
    // without a publication date there is no day
    let (_, day0, p) = main_expression("A man was shot around 1:15 a.m. outside a store, police said.", None);
    assert_eq!((day0, p), (None, DatePrecision::Unknown));
    // a day the text gives wins over the clock time
    assert_eq!(
        main_date("A man was shot around 1:15 a.m. outside a store. The shooting happened Thursday, police said.", "2026-03-14"),
        day("2026-03-12")
    );
    // a page stamp is no clock time of the event
    let (_, day0, _) =
        main_expression("Updated 5:17 p.m.\n\nA man was shot outside a store on Elm Street, police said.", Some("2026-03-14"));
    assert_eq!(day0, None);
}

#[test]
fn last_night_opens_no_earlier_event() {
    // published Saturday 2026-03-14: the shooting opened by an undated sentence is the one
    // "last night" dates, not an earlier one
    assert_eq!(
        main_date(
            "Detectives are investigating after a man fatally shot a woman and then killed himself at a home on Elm Road. \
             That shooting happened last night around 10:30, a neighbour said.",
            "2026-03-14"
        ),
        day("2026-03-13")
    );
}

/// All the events of `text` published on `published`: (earliest, casualty count).
fn events(text: &str, published: &str) -> Vec<(Option<NaiveDate>, usize)> {
    let gaz = Gazetteer::builtin();
    let reader = Reader::new(&gaz);
    let mut a = Article::plain("t", text);
    a.published = Some(d(published));
    reader.read(&a).iter().map(|e| (e.date.earliest, e.casualties.iter().filter(|c| !c.superseded).count())).collect()
}

#[test]
fn the_page_s_own_stamp_dates_its_relative_expressions() {
    // the publication date given is the last update; the page says when it was posted
    let t = "Two hurt at gas station Posted: Sunday, May 3, 2020 9:12 AM EDT Updated: Tuesday, May 19, 2020 4:40 PM EDT\n\n\
             Two men were wounded when someone opened fire at a gas station on Oak Street early Sunday.";
    assert_eq!(main_date(t, "2020-05-19"), day("2020-05-03"));
    // a dateline in parentheses (the page was crawled two years later)
    let t = "RIVERTON, Ga. (June 2, 2015): An argument on a busy square ended in a shooting that wounded five \
             bystanders early this morning.";
    assert_eq!(main_date(t, "2017-01-05"), day("2015-06-02"));
    // a stamp later than the publication date changes nothing
    let t = "Posted: Friday, June 12, 2015\n\nA man was shot in the leg on Elm Street on Tuesday.";
    assert_eq!(main_date(t, "2015-06-11"), day("2015-06-09"));
}

#[test]
fn since_opens_the_clause_that_dates_the_violence() {
    // published Monday 2026-03-16
    assert_eq!(
        main_date(
            "Classmates have rallied around the family since the 15-year-old was shot Friday morning outside the school. \
             He died of his wounds, police said.",
            "2026-03-16"
        ),
        day("2026-03-13")
    );
    // published 2015-01-01: the arrest is Wednesday the 31st, the shooting Dec. 23
    assert_eq!(
        main_date(
            "A third person has been charged in a fatal shooting last month at an apartment complex. \
             Police had been looking for the man since the Dec. 23 shooting at the apartments. \
             He was picked up Wednesday night in a nearby county.",
            "2015-01-01"
        ),
        day("2014-12-23")
    );
    // "since Friday" alone is no date of the event
    assert_eq!(
        main_date("A woman was shot in the arm on Saturday. Her brother has been missing since Friday.", "2026-03-16"),
        day("2026-03-14")
    );
}

#[test]
fn opening_fire_is_the_violence() {
    // published Thursday 2015-10-29: the arrests are Monday the 26th
    assert_eq!(
        main_date(
            "Deputies arrested two more men on Monday in connection with a deadly bar shooting. \
             The men are accused of opening fire into a crowd at a bar in Riverton on Sept. 13. \
             The shots killed a 19-year-old woman and injured four others.",
            "2015-10-29"
        ),
        day("2015-09-13")
    );
}

#[test]
fn a_later_death_stays_with_its_shooting() {
    // published Monday 2016-06-13: shot Friday the 10th, died Sunday the 12th: one event
    let ev = events(
        "A 19-year-old man was shot Friday night outside a bar on Elm Street.\n\n\
         He died Sunday at a hospital, police said. Two other men were wounded in the shooting.",
        "2016-06-13",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].0, Some(d("2016-06-10")));
    let ev = events(
        "Four people were shot outside a bar on Elm Street early Saturday.\n\n\
         One of them, a 22-year-old man, died of his wounds Sunday afternoon, police said Monday.",
        "2016-06-13",
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].0, Some(d("2016-06-11")));
    // "the violence Sunday": the day of the shooting, not of the death's confirmation
    assert_eq!(
        main_date(
            "An 8-year-old girl who was shot last weekend has died, her family said.\n\n\
             She fell victim to the gun violence Sunday when two men pulled up in a car and started shooting. \
             Tuesday evening, it was confirmed that the girl had succumbed to her injuries.",
            "2016-08-31"
        ),
        day("2016-08-28")
    );
    // a death months later is told as its own event
    let ev =
        events("A man was shot outside a bar on Elm Street on Jan. 3.\n\nHe died on May 30 at a nursing home, police said.", "2016-06-01");
    assert!(ev.len() >= 2, "{ev:?}");
}

#[test]
fn saying_is_telling() {
    // published Tuesday 2015-09-15: the news conference is today, the shooting Aug. 29
    assert_eq!(
        main_date(
            "The sheriff held a news conference Tuesday afternoon, saying his office needs help identifying suspects \
             in the shooting at a truck stop on Aug. 29. One man was killed and two others were wounded.",
            "2015-09-15"
        ),
        day("2015-08-29")
    );
}

#[test]
fn an_undated_shooting_takes_the_day_of_telling_about_it() {
    // published Tuesday 2016-12-20: nothing dates the shooting itself but the investigation
    assert_eq!(
        main_date(
            "Police are investigating a road rage shooting on the interstate Tuesday afternoon that left a girl wounded. \
             Officers responded at 2:56 p.m. to a call about a shooting.",
            "2016-12-20"
        ),
        day("2016-12-20")
    );
    // a bare year of another event does not date it; the day of telling does
    assert_eq!(
        main_date(
            "Two men have been charged in a gun battle Saturday morning outside a club that left six people wounded. \
             One of them has a prior robbery conviction from 2013.",
            "2016-11-09"
        ),
        day("2016-11-05")
    );
}

#[test]
fn the_weekend_takes_in_friday_night() {
    // published Tuesday 2013-06-18
    assert_eq!(
        main_date(
            "Police say a man has been arrested in connection with a shooting that wounded five people over the weekend. \
             According to police, officers responded around 7:30 p.m. Friday to a report of a shooting outside a store.",
            "2013-06-18"
        ),
        day("2013-06-14")
    );
}

#[test]
fn a_victim_s_condition_and_the_day_classes_resumed_are_not_the_shooting_s() {
    // published Tuesday 2016-10-18
    assert_eq!(
        main_date(
            "Classes at a high school resumed Wednesday after four students were shot just outside the campus. \
             Police are looking for suspects in the shooting reported Tuesday afternoon in the school parking lot.",
            "2016-10-20"
        ),
        day("2016-10-18")
    );
    assert_eq!(
        main_date(
            "A girl was shot multiple times while riding in a car on Sunday night. \
             She remained in extremely critical condition Monday morning, police said.",
            "2016-05-16"
        ),
        day("2016-05-15")
    );
}

#[test]
fn a_day_inside_a_quotation_dates_the_speaker_s_words() {
    // published Thursday 2017-03-30: the quotation's "a couple of days ago" is another shooting
    assert_eq!(
        main_date(
            "A 12-year-old boy was found shot inside his home Thursday night, police say. \
             \"There was just a shooting a couple of days ago over on Park Avenue,\" a neighbour said.",
            "2017-03-31"
        ),
        day("2017-03-30")
    );
    // a statement quoted whole over paragraphs is the text's own account
    assert_eq!(
        main_date(
            "\u{201C}Robbery ARREST \u{2013} On March 3, a man was shot in the leg during a robbery on Elm Street.\n\nArrested:",
            "2017-03-20"
        ),
        day("2017-03-03")
    );
}

#[test]
fn a_court_day_does_not_date_an_undated_shooting() {
    // published Thursday 2007-04-12: Wednesday is the court appearance, a later development
    let (a, _, _) = main_date(
        "A fired clerk bought a shotgun the day after he lost his job, then returned to the office and opened fire, \
         killing a receptionist. He did not have a lawyer in court Wednesday.",
        "2007-04-12",
    );
    assert_ne!(a, Some(d("2007-04-11")));
}

#[test]
fn a_neutral_day_elsewhere_beats_the_day_of_the_investigation() {
    // published Wednesday 2016-10-26: the investigation is today, the body was come upon Tuesday
    assert_eq!(
        main_date(
            "An investigation was underway Wednesday into the killing of a teenager whose body was found on a road near \
             the county line.\n\nDeputies responding to a call came upon the body in traffic shortly after 8:30 p.m. \
             Tuesday, a sheriff's lieutenant said.",
            "2016-10-26"
        ),
        day("2016-10-25")
    );
}

#[test]
fn a_bare_year_of_another_matter_gives_way_to_the_day_of_the_report() {
    // published Saturday 2016-10-15: the year is an older shooting's, the clock time is today's
    assert_eq!(
        main_date(
            "Two men were wounded in a shooting at a house on Elm Street. A neighbour said another shooting \
             happened at the same house in 2011.\n\nShe was putting her dog to bed at about midnight when she heard \
             the shots, she said.",
            "2016-10-15"
        ),
        day("2016-10-15")
    );
}
