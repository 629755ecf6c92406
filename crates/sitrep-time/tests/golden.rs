//! Golden tests: one snapshot per family of expressions, on sentences written for these tests.
//! Publication date 2023-09-29 (a Friday) unless said.

use chrono::NaiveDate;
use sitrep_time::{Timex, tag};

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 9, 29)
}

/// One line per expression: text, type, value, interval, precision, anchor (and modifier).
fn render(text: &str, timexes: &[Timex]) -> String {
    let mut out = String::new();
    for t in timexes {
        let iv = match (t.earliest, t.latest) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".into(),
        };
        let m = t.modifier.map(|m| format!(" mod={m:?}")).unwrap_or_default();
        let ev = t.event_span.map(|s| format!(" event={:?}", &text[s.start..s.end])).unwrap_or_default();
        let rf = t.reference.map(|s| format!(" ref={:?}", &text[s.start..s.end])).unwrap_or_default();
        out.push_str(&format!(
            "{:?} {:?} {} [{}] {:?} {:?}{}{}{}{}{}\n",
            &text[t.span.start..t.span.end],
            t.kind,
            t.value,
            iv,
            t.precision,
            t.anchor,
            m,
            ev,
            rf,
            if t.of_statement { " statement" } else { "" },
            if t.datable { "" } else { " not-datable" }
        ));
    }
    out
}

fn family(sentences: &[&str], published: Option<NaiveDate>) -> String {
    let mut out = String::new();
    for s in sentences {
        out.push_str(&format!("# {s}\n"));
        out.push_str(&render(s, &tag(s, published)));
    }
    out
}

/// Each text tagged whole: expressions may count from a date of an earlier sentence.
fn texts(texts: &[&str], published: Option<NaiveDate>) -> String {
    let mut out = String::new();
    for t in texts {
        out.push_str(&format!("# {t}\n"));
        out.push_str(&render(t, &tag(t, published)));
    }
    out
}

#[test]
fn absolute_dates() {
    insta::assert_snapshot!(family(
        &[
            "The convoy was ambushed on 28 September 2023 near the border.",
            "Fighting resumed on Sept. 28, officials said.",
            "The camp was attacked on Thursday, September 28, at dawn.",
            "Elections were held in September 2023 and again in March.",
            "The group first appeared in 2015 and grew after 2019.",
            "The curfew imposed on Aug 3 was lifted on the 5th.",
            "The army said May 12 was the deadliest day; he may return in May.",
            "Villagers fled in the 1990s and again in the late 2010s.",
        ],
        published()
    ));
}

#[test]
fn ranges() {
    insta::assert_snapshot!(family(
        &[
            "Clashes on March 26-27 left twelve dead.",
            "Between 26 and 28 December 2022, three villages were burned.",
            "From 30 March to 2 April 2019 the road stayed closed.",
            "The attacks took place on the night of 2-3 June.",
            "Talks were set for October 4 and 5.",
        ],
        published()
    ));
}

#[test]
fn numeric_and_iso() {
    insta::assert_snapshot!(family(
        &[
            "Le rapport du 28/09/2023 fait état de sept morts.",
            "The incident report dated 09/28/2023 lists seven dead.",
            "The note of 04/05/2023 is ambiguous and read day first.",
            "Posted 2023-09-28T14:30:00Z by the regional desk.",
            "The archive entry 2023-09-28 has no time.",
            "A score of 3/4 and a ratio of 1.5 are not dates.",
        ],
        published()
    ));
}

#[test]
fn french_dates() {
    insta::assert_snapshot!(family(
        &[
            "L'attaque du 28 septembre 2023 a fait sept morts.",
            "Le 1er septembre, des hommes armés ont attaqué le marché.",
            "Les violences de mi-septembre ont déplacé des milliers de personnes.",
            "Jeudi dernier, un convoi a sauté sur une mine; hier soir, le camp a été visé.",
            "Des élections sont prévues en février 2024.",
        ],
        published()
    ));
}

#[test]
fn weekdays() {
    insta::assert_snapshot!(family(
        &[
            "Gunmen killed seven soldiers in the assault on Thursday.",
            "The army said on Friday that the attack happened on Tuesday.",
            "The council will meet on Monday to discuss the attack.",
            "Last Friday, a patrol was ambushed; next Thursday the talks resume.",
            "The victims were buried on Sunday morning.",
            "Wednesday's raid was the third this month.",
        ],
        published()
    ));
}

#[test]
fn relative_to_publication() {
    insta::assert_snapshot!(family(
        &[
            "Yesterday, gunmen stormed the town hall; today the streets are empty.",
            "Last week, the army retook the town; last month it lost it; last year it held it.",
            "Earlier this week a convoy was hit, and earlier this month a base was overrun.",
            "The previous month, a similar raid killed five.",
            "Two days ago a mine exploded; three weeks ago another one did.",
            "Late last year the group moved south, and in mid-September it attacked the capital.",
            "Since the coup in July, attacks have doubled.",
            "Attacks rose in the third quarter and fell this summer; the ceasefire ends next year.",
            "The town was quiet this morning, but shots were heard last night.",
        ],
        published()
    ));
}

#[test]
fn relative_to_events() {
    insta::assert_snapshot!(family(
        &[
            "Four weeks prior to this incident, the same unit had been ambushed.",
            "A day after the attack, the army launched a counter-offensive.",
            "Nearly a year after the coup, the junta announced elections.",
            "The raid came on 3 May; two weeks later the village was attacked again.",
            "The ceasefire was signed two days after Christmas.",
            "The next day, soldiers returned to the village.",
            "Three days after he was released, he was arrested again.",
        ],
        published()
    ));
}

#[test]
fn durations_and_sets() {
    insta::assert_snapshot!(family(
        &[
            "The government declared a three-day national mourning.",
            "The siege lasted nearly two months, and the talks went on for years.",
            "Fighters have controlled the road for the past three years.",
            "Markets are closed every Friday and patrols run twice a week.",
            "The radio broadcasts daily and the council meets each July.",
            "The 13-year-old boy was among the 1,200 people displaced.",
        ],
        published()
    ));
}

#[test]
fn times_of_day() {
    insta::assert_snapshot!(family(
        &[
            "The explosion occurred at about 10:35 a.m. (0735 GMT) Friday.",
            "Gunmen arrived around 14h30 and left before 6 p.m.",
            "The curfew starts at midnight; the market opens at noon.",
        ],
        published()
    ));
}

#[test]
fn report_dates() {
    insta::assert_snapshot!(family(
        &[
            "On the night of 30 to 31 December 2022, gunmen attacked a gold mining site.",
            "Around 14 March 2021, an armed group abducted five herders.",
            "On 5 or 6 May 2021, the herders were released.",
            "During the week of 18 July 2022, militants burned a school.",
            "Early July 2022, fighting displaced 3,000 people.",
            "Between the end of August and mid-September 2021, several villages were emptied.",
            "The previous day, the same group had looted cattle.",
        ],
        None
    ));
}

#[test]
fn without_publication_date() {
    insta::assert_snapshot!(family(
        &[
            "Gunmen killed seven soldiers in the assault on Thursday.",
            "Last month, 17 soldiers died in a similar ambush near the border on 12 August.",
            "Two days ago a mine exploded on the road to Sept. 28's market.",
            "The attack of 28 September 2023 killed seven; the previous month was calm.",
        ],
        None
    ));
}

#[test]
fn reference_time() {
    insta::assert_snapshot!(texts(
        &[
            "Gunmen attacked the market of Dori on 3 March 2021. The next day, soldiers arrived. Earlier that day, the mayor had \
             fled. Two days later, the road reopened. The following month, aid came.",
            "The attack began on Tuesday. At 10 p.m. the soldiers withdrew. That night, the camp was shelled again.",
            "Villagers fled in 2019. The next day, the town was looted.",
            "The index closed lower on Monday, 25 September 2023. It was down from the previous Friday.",
            "The convoy left on 12 August. A week earlier, a bridge had been blown up.",
            "The next day, soldiers returned to the village.",
        ],
        published()
    ));
}

#[test]
fn reporting_periods() {
    insta::assert_snapshot!(texts(
        &[
            "The mining company reported a loss for the third quarter. A year earlier it earned a profit. Output in the quarter fell, \
             and the year-earlier period had a strike. In the 2022 period costs were lower than a year ago.",
            "For the nine months, output rose. A year earlier it fell.",
            "Sales for the quarter ended 31 July rose; the corresponding period last year was weak. For the year, sales were flat.",
            "The latest quarter was the worst since the fourth quarter of 2021.",
        ],
        published()
    ));
}

#[test]
fn statements_and_page_stamps() {
    insta::assert_snapshot!(texts(
        &[
            "A man was shot Wednesday night near the school, police said Thursday.",
            "Officials confirmed on Monday that two herders were killed on Sunday.",
            "(Published Thursday, Sept. 28, 2023) Gunmen attacked a checkpoint on Tuesday.",
            "Updated: 5:17 pm, September 28, 2023. Last updated at 10:39 a.m. on Thursday.",
        ],
        published()
    ));
}

#[test]
fn holidays() {
    insta::assert_snapshot!(family(
        &[
            "Two markets were looted on Christmas Eve and a church was burned on Christmas Day.",
            "Displaced families returned during Easter week.",
            "Polling stations will open on Election Day; the election day in Niamey was calm.",
            "The ceasefire held until New Year's Day 2022.",
            "Gunmen opened fire at a Christmas party on Saturday; the Halloween parade went ahead.",
            "Three shops were robbed over Thanksgiving weekend, and a fourth on Christmas.",
        ],
        published()
    ));
}

#[test]
fn tense_cues() {
    insta::assert_snapshot!(family(
        &[
            "The boy who was shot by his brother Thursday night is expected to recover.",
            "All five victims of a Wednesday night shooting are expected to survive.",
            "The hearing was postponed until Tuesday morning.",
            "She heard shots outside her home Sunday night until she saw the lights.",
            "A would-be robber was killed in a shootout early Monday.",
            "He was not the intended target of the 3:30 a.m. Saturday attack.",
            "\"The convoy will leave at dawn on Monday,\" the governor said.",
        ],
        published()
    ));
}

#[test]
fn house_numbers() {
    insta::assert_snapshot!(family(
        &[
            "Three people were shot in front of 1013 Maple St. on Sunday.",
            "Police found him at 2010 Cornell Ridge Drive, a house built in 1998.",
            "In 2014 Elm Street was renamed.",
        ],
        published()
    ));
}
