//! Golden tests for matching and disambiguation, on sentences written for sitrep, with the
//! built-in gazetteer plus `tests/data/sahel_test.txt` (a small GeoNames-format file written for
//! these tests).

use sitrep_model::Span;
use sitrep_place::{ArticleContext, Gazetteer, event_location, find_places, find_places_in};
use std::fmt::Write;
use std::path::Path;
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer::builtin();
        let n = g.load_geonames(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sahel_test.txt"))).expect("test data");
        assert_eq!(n, 19);
        assert!(g.take_warnings().is_empty());
        g
    })
}

/// One line per mention, then the event location of the whole text.
fn show(text: &str) -> String {
    show_in(text, &ArticleContext::default())
}

/// [`show`] with the caller's context.
fn show_in(text: &str, ctx: &ArticleContext) -> String {
    let g = gaz();
    let places = if ctx.countries.is_empty() && ctx.region.is_empty() { find_places(g, text) } else { find_places_in(g, text, ctx) };
    let mut out = String::new();
    for p in &places {
        let r = p.place.as_ref();
        writeln!(
            out,
            "{:<22} {:<8} {:<10} {:<8} -> {} [{}] {} / {} ({:.2}, {:.2})",
            format!("{:?}", &text[p.span.start..p.span.end]),
            format!("{:?}", p.kind).to_lowercase(),
            format!("{:?}", p.matched).to_lowercase(),
            p.precision.as_str(),
            r.map_or("-", |r| r.name.as_str()),
            r.map_or("", |r| r.country_code.as_str()),
            r.and_then(|r| r.admin1.as_deref()).unwrap_or("-"),
            r.and_then(|r| r.admin2.as_deref()).unwrap_or("-"),
            r.map_or(0.0, |r| r.lat),
            r.map_or(0.0, |r| r.lon),
        )
        .unwrap();
    }
    match event_location(g, text, &places, &[Span::new(0, text.len())]) {
        Some((loc, span)) => writeln!(
            out,
            "event: {:?} {} {} {} ({:.2}, {:.2}) from {:?}",
            loc.name.as_deref().unwrap_or("-"),
            loc.precision.map_or("-", |p| p.as_str()),
            loc.country_code.as_deref().unwrap_or("-"),
            loc.admin1.as_deref().unwrap_or("-"),
            loc.lat.unwrap_or(0.0),
            loc.lon.unwrap_or(0.0),
            &text[span.start..span.end]
        )
        .unwrap(),
        None => writeln!(out, "event: none").unwrap(),
    }
    out
}

#[test]
fn spelling_variants() {
    insta::assert_snapshot!(show("Soldiers were attacked in Kendadji, a village near Ayorou, on Thursday."));
    insta::assert_snapshot!(show("Gunmen on motorbikes raided the town of Kandagi before dawn."));
    insta::assert_snapshot!(show("The convoy left Tillabery for the Tahoua region."));
    insta::assert_snapshot!(show("Fighting near Tabatol left three herders dead."));
    insta::assert_snapshot!(show("Residents fled GUIDAN-ROUMDJI and Guidan Roumdji alike."));
}

#[test]
fn kinds_people_and_organisations() {
    insta::assert_snapshot!(show("Malian and Nigerien troops met Burkinabe officers in Niamey."));
    insta::assert_snapshot!(show("Chad Smith of the Niger Delta Authority spoke to Kenya Airways staff."));
    insta::assert_snapshot!(show("The U.S. and the UK said talks in Washington would resume in May."));
    insta::assert_snapshot!(show("Police in Reading said the Mobile, Ala., office had closed."));
}

#[test]
fn disambiguation() {
    insta::assert_snapshot!(show("Three people were killed in Garin Dalli (Tera, Tillaberi) on Sunday."));
    insta::assert_snapshot!(show("Herders in Garin Dalli, in the Tahoua region, lost their cattle."));
    insta::assert_snapshot!(show("Villagers in Bamba Kouara (Abala, Tillaberi) were abducted."));
    insta::assert_snapshot!(show("He moved from Paris, Texas, to London last year."));
    insta::assert_snapshot!(show("Georgia's governor visited Atlanta and Savannah."));
}

#[test]
fn event_places() {
    insta::assert_snapshot!(show("Militants attacked soldiers in Kandadji, 190 km from the capital, Niamey."));
    insta::assert_snapshot!(show("An explosive device hit a truck 40 km north of Abala."));
    insta::assert_snapshot!(show("Clashes near the border with Burkina Faso left two dead in Tera."));
    insta::assert_snapshot!(show("Gunmen attacked the village of Zangarou (Ayorou, Tillaberi) at night."));
    insta::assert_snapshot!(show("Gunmen stormed the village of Garin Dali overnight."));
    insta::assert_snapshot!(show("The army said the attack happened near Ayorou."));
}

#[test]
fn lists_inside_an_area() {
    // the villages before "in the commune of X (hints)" lie in X and take its hints
    insta::assert_snapshot!(show("Raiders struck the village of Wandouki, in the commune of Ayorou (Ayorou, Tillaberi)."));
}

#[test]
fn armed_groups_areas() {
    // a village nothing in the text places: the one first-level division of the region the
    // caller names in that country (an armed group's theatre)
    let ctx = ArticleContext { region: vec!["NE".into(), "NE/Tillaberi".into()], ..Default::default() };
    insta::assert_snapshot!(show_in("Fighters set fire to houses in the village of Wandouki.", &ctx));
    // none named: the name stays unresolved
    insta::assert_snapshot!(show("Fighters set fire to houses in the village of Wandouki."));
}

#[test]
fn compound_village_names() {
    // "the village of A B" with A a known town: an unknown two-word village name, placed near
    // the one village one of its words names close to the text's other places
    insta::assert_snapshot!(show(
        "Troops clashed with gunmen in Téra on Monday. Days later, four herders were killed in the nearby village of Niamey Djibaro."
    ));
}

#[test]
fn fuzzy_readings_give_way_to_known_towns() {
    // a hamlet the gazetteer reads only fuzzily, near a town it knows: the town, as coders
    // place what they cannot find
    insta::assert_snapshot!(show("Gunmen raided the hamlet of Kandagi, near Ayorou, at dawn."));
    insta::assert_snapshot!(show("Gunmen raided the hamlet of Kandagi, 12 km south of Ayorou, at dawn."));
    insta::assert_snapshot!(show("Gunmen burned tents at the camp of Kandagi in the town of Ayorou."));
}

#[test]
fn institutions_named_after_places() {
    // "the directorate of water of Tahoua" names an institution, not where it happened
    insta::assert_snapshot!(show("Gunmen seized two engineers of the regional directorate of water of Tahoua in the area of Abala."));
}

#[test]
fn a_lone_village_abroad_is_read_in_the_users_region() {
    // the test dump (Niger) is the user's region; a small foreign town of that name, with
    // nothing else in the text, gives way to a local reading (here: none, so unresolved)
    insta::assert_snapshot!(show("Gunmen abducted two chiefs in the village of Kumasi."));
    insta::assert_snapshot!(show("Gunmen abducted two chiefs in the village of Wenchi."));
}

#[test]
fn demonyms_before_nouns_and_datelines() {
    // a country's demonym before a common noun is the people's word, even where a first-level
    // division elsewhere shares it; with "region" after it, it is that division
    insta::assert_snapshot!(show("Somali fishermen said a Somali patrol boat had left; the Somali region of Ethiopia was calm."));
    // a dateline says where the story was filed: the event's place is the one the text names
    insta::assert_snapshot!(show("NIAMEY (AFP) \u{2014} Gunmen attacked a gendarmerie post in Torodi on Monday."));
    insta::assert_snapshot!(show("NIAMEY (AFP) \u{2014} The government extended the state of emergency."));
}

#[test]
fn us_local_news_surnames_and_home_places() {
    // surnames that name places abroad: after a given name or a title, before an age between
    // commas or "Jr.", after a hyphen
    insta::assert_snapshot!(show("DAYTON, Ohio - Officer Dana Rivera, 41, said Manuel Ponce was hit twice near the park."));
    insta::assert_snapshot!(show("Sgt. Washington said the victim, Carla Ortega-Flores, was taken to a hospital in Dayton."));
    insta::assert_snapshot!(show("The boy was identified as Tyrone Cleveland Jr., police in Tacoma said."));
    insta::assert_snapshot!(show("County Prosecutor Linda Warren said the shooting in Akron was planned. Warren said more."));
    // a town dwarfed by a namesake (twice its people) takes no bonus from its area's name
    insta::assert_snapshot!(show("Two men were shot outside a bar in San Antonio late Friday."));
    insta::assert_snapshot!(show("Gunfire erupted at a party in Toledo on Saturday night."));
    // postal codes after a dateline's city
    insta::assert_snapshot!(show("ST. LOUIS, MO - Four people were wounded in a drive-by shooting on Sunday."));
    // a state's abbreviation after a big city's namesake the gazetteer lacks: that state
    insta::assert_snapshot!(show("MANCHESTER, IL - A farmer was shot dead at his home."));
    insta::assert_snapshot!(show("Deputies said the shooting in Birmingham, Mich., wounded two."));
    // a state named for sports teams is no reason for a small namesake of a big city
    insta::assert_snapshot!(show("Houston, Texas, beat Portland on Tuesday; Dallas lost at home."));
}
