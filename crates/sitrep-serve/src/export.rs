//! `sitrep export events --format csv|geojson`: contract lines rendered as an ACLED-style CSV
//! and as GeoJSON for QGIS. Pure functions over [`EventOut`].
//!
//! CSV: ACLED's columns, names and meanings (its 2023 column set: `event_id_cnty`,
//! `event_date`, `year`, `time_precision`, `disorder_type`, `event_type`, `sub_event_type`,
//! `actor1`, `assoc_actor_1`, `inter1`, `actor2`, `assoc_actor_2`, `inter2`, `interaction`,
//! `civilian_targeting`, `iso`, `region`, `country`, `admin1`, `admin2`, `admin3`,
//! `location`, `latitude`, `longitude`, `geo_precision`, `source`, `source_scale`, `notes`,
//! `fatalities`, `tags`, `timestamp`), then sitrep's own: UCDP-style low/best/high of the
//! killed, wounded, missing and captured, the date interval and precision, the place's
//! precision and GeoNames id, source counts, addresses and merged ids. How each ACLED column
//! is filled:
//!
//! - `event_date`: the day for a day-precise date; for a week or a month, the middle of the
//!   possible days (ACLED's convention, with `time_precision` 2 or 3); year-precise dates get
//!   the middle day too with precision 3; unknown dates leave both empty.
//! - `actor1`: the first attacker (else the first actor), `assoc_actor_1` the other
//!   attackers; `actor2`: the first target (else the first other actor), `assoc_actor_2` the
//!   rest; `inter1`/`inter2` ACLED's inter codes of their kinds; `interaction` the two codes,
//!   lower first (`10` when there is no second actor). As in ACLED, actor1 and actor2 do not
//!   promise who attacked whom; sitrep's own `actors` (name:kind:role) column does.
//! - `civilian_targeting`: "Civilian targeting" when civilians are the target.
//! - `iso`, `region`, `country`: ISO 3166-1 numeric code, ACLED region and English name.
//! - `geo_precision`: 1 for an exact place, 2 for near a place, 3 for an admin area or the
//!   country.
//! - `source`: the sources' outlets (else article ids), `; `-separated; `source_scale` is
//!   left empty (sitrep does not know it).
//! - `notes`: the quotes the event's values rest on (first ones, up to 500 characters).
//! - `tags`: sitrep's flags (`single_source; conflicting_counts`).
//! - `timestamp`: empty (sitrep keeps no edit time per event).
//!
//! Text cells that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) are prefixed with `'`: article text is hostile.
//!
//! GeoJSON (RFC 7946): one Feature per event, a Point at the event's place (`null` geometry
//! when it has no coordinates: QGIS keeps those in the attribute table), flat properties
//! (QGIS shows nested objects as text), the same values as the CSV.

use serde_json::{Map, Value, json};
use sitrep_model::contract::EventOut;
use sitrep_model::taxonomy::*;
use std::io::{self, Write};

/// ACLED's columns, then sitrep's.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "missing_low",
    "missing_best",
    "missing_high",
    "captured_low",
    "captured_best",
    "captured_high",
    "date_earliest",
    "date_latest",
    "date_precision",
    "date_expression",
    "location_precision",
    "country_code",
    "geonames_id",
    "actors",
    "tactics",
    "sources",
    "independent_sources",
    "urls",
    "merged_from",
];

/// Columns holding numbers (never prefixed against formulas).
const NUMERIC: &[&str] = &[
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "missing_low",
    "missing_best",
    "missing_high",
    "captured_low",
    "captured_best",
    "captured_high",
    "geonames_id",
    "sources",
    "independent_sources",
];

/// ACLED's `disorder_type` of a sub-event type.
pub fn disorder_type(s: SubEventType) -> &'static str {
    match s {
        SubEventType::ExcessiveForce => "Political violence; Demonstrations",
        SubEventType::MobViolence => "Political violence",
        s => match s.event_type() {
            EventType::Battles | EventType::ExplosionsRemoteViolence | EventType::ViolenceAgainstCivilians => "Political violence",
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
        },
    }
}

/// `(event_date, time_precision)` as ACLED codes them.
pub fn acled_date(e: &EventOut) -> (Option<chrono::NaiveDate>, Option<u8>) {
    let (a, b) = match (e.date.earliest, e.date.latest) {
        (Some(a), Some(b)) => (a, b.max(a)),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => return (None, None),
    };
    let mid = a + (b - a) / 2;
    let p = match e.date.precision {
        DatePrecision::Day if a == b => 1,
        DatePrecision::Day | DatePrecision::Week => 2,
        DatePrecision::Month | DatePrecision::Year => 3,
        DatePrecision::Unknown => return (None, None),
    };
    (Some(mid), Some(p))
}

/// ACLED's `geo_precision`.
pub fn geo_precision(p: Option<LocationPrecision>) -> Option<u8> {
    match p? {
        LocationPrecision::Exact => Some(1),
        LocationPrecision::Near => Some(2),
        LocationPrecision::Admin2 | LocationPrecision::Admin1 | LocationPrecision::Country => Some(3),
        LocationPrecision::Unknown => None,
    }
}

/// Sums of the casualty entries of one outcome (violent deaths only for `killed`):
/// `(low, best, high)`, high `None` when one of them is open-ended; `None` when there are none.
pub fn totals(e: &EventOut, outcome: Outcome) -> Option<(u64, u64, Option<u64>)> {
    let rows: Vec<_> =
        e.casualties.iter().filter(|c| c.outcome == outcome && (outcome != Outcome::Killed || c.cause == Cause::Violence)).collect();
    if rows.is_empty() {
        return None;
    }
    let low = rows.iter().map(|c| c.low).sum();
    let best = rows.iter().map(|c| c.best).sum();
    let high = rows.iter().map(|c| c.high).sum::<Option<u64>>();
    Some((low, best, high))
}

struct Sides<'a> {
    actor1: Option<&'a str>,
    assoc1: Vec<&'a str>,
    inter1: Option<u8>,
    actor2: Option<&'a str>,
    assoc2: Vec<&'a str>,
    inter2: Option<u8>,
}

fn sides(e: &EventOut) -> Sides<'_> {
    let attackers: Vec<_> = e.actors.iter().filter(|a| a.role == ActorRole::Attacker).collect();
    let others: Vec<_> = e.actors.iter().filter(|a| a.role != ActorRole::Attacker).collect();
    let (first, first_assoc, second_pool) = if attackers.is_empty() {
        (others.first().copied(), Vec::new(), others.iter().skip(1).copied().collect::<Vec<_>>())
    } else {
        (Some(attackers[0]), attackers[1..].to_vec(), others.clone())
    };
    // the target side: targets first, then the rest
    let mut second: Vec<_> = second_pool.iter().filter(|a| a.role == ActorRole::Target).copied().collect();
    second.extend(second_pool.iter().filter(|a| a.role != ActorRole::Target).copied());
    Sides {
        actor1: first.map(|a| a.name.as_str()),
        assoc1: first_assoc.iter().map(|a| a.name.as_str()).collect(),
        inter1: first.map(|a| a.kind.inter_code()),
        actor2: second.first().map(|a| a.name.as_str()),
        assoc2: second.iter().skip(1).map(|a| a.name.as_str()).collect(),
        inter2: second.first().map(|a| a.kind.inter_code()),
    }
}

fn interaction(i1: Option<u8>, i2: Option<u8>) -> Option<String> {
    match (i1, i2) {
        (Some(a), Some(b)) => Some(format!("{}{}", a.min(b), a.max(b))),
        (Some(a), None) => Some(format!("{a}0")),
        _ => None,
    }
}

fn notes(e: &EventOut) -> String {
    let mut out = String::new();
    let mut seen: Vec<&str> = Vec::new();
    for q in e.evidence.iter().map(|x| x.quote.as_str()) {
        let q = q.trim();
        if q.is_empty() || seen.contains(&q) {
            continue;
        }
        seen.push(q);
        let piece = q.split_whitespace().collect::<Vec<_>>().join(" ");
        if out.chars().count() + piece.chars().count() > 500 {
            break;
        }
        if !out.is_empty() {
            out.push_str(" | ");
        }
        out.push_str(&piece);
    }
    out
}

/// The values of one event's CSV row, by column (empty string when unknown).
pub fn csv_values(e: &EventOut) -> Vec<(&'static str, String)> {
    let s = |v: Option<String>| v.unwrap_or_default();
    let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
    let (date, tp) = acled_date(e);
    let sd = sides(e);
    let country = e.location.country_code.as_deref().and_then(crate::countries::country);
    let sources = e.sources.as_deref().unwrap_or_default();
    let civilian_targeting = e.actors.iter().any(|a| a.kind == ActorKind::Civilians && a.role == ActorRole::Target)
        || (e.event_type == EventType::ViolenceAgainstCivilians
            && !e.actors.iter().any(|a| a.kind == ActorKind::Civilians && a.role == ActorRole::Attacker));
    let mut outlets: Vec<String> = Vec::new();
    for src in sources {
        let name = src.outlet.clone().unwrap_or_else(|| src.article_id.clone());
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    let t = |o: Outcome| totals(e, o);
    let killed = t(Outcome::Killed);
    let trio = |v: Option<(u64, u64, Option<u64>)>| -> [String; 3] {
        match v {
            Some((l, b, h)) => [l.to_string(), b.to_string(), n(h)],
            None => [String::new(), String::new(), String::new()],
        }
    };
    let [kl, kb, kh] = trio(killed);
    let [wl, wb, wh] = trio(t(Outcome::Wounded));
    let [ml, mb, mh] = trio(t(Outcome::Missing));
    let [cl, cb, ch] = trio(t(Outcome::Captured));
    let f = |x: Option<f64>| x.map(|v| format!("{v}")).unwrap_or_default();
    vec![
        ("event_id_cnty", e.id.clone()),
        ("event_date", s(date.map(|d| d.to_string()))),
        ("year", s(date.map(|d| chrono::Datelike::year(&d).to_string()))),
        ("time_precision", s(tp.map(|p| p.to_string()))),
        ("disorder_type", disorder_type(e.sub_event_type).to_string()),
        ("event_type", e.event_type.to_string()),
        ("sub_event_type", e.sub_event_type.to_string()),
        ("actor1", s(sd.actor1.map(str::to_string))),
        ("assoc_actor_1", sd.assoc1.join("; ")),
        ("inter1", s(sd.inter1.map(|i| i.to_string()))),
        ("actor2", s(sd.actor2.map(str::to_string))),
        ("assoc_actor_2", sd.assoc2.join("; ")),
        ("inter2", s(sd.inter2.map(|i| i.to_string()))),
        ("interaction", s(interaction(sd.inter1, sd.inter2))),
        ("civilian_targeting", if civilian_targeting { "Civilian targeting".to_string() } else { String::new() }),
        ("iso", s(country.map(|c| c.numeric.clone()))),
        ("region", s(country.map(|c| c.region.clone()))),
        ("country", s(country.map(|c| c.name.clone()).or_else(|| e.location.country_code.clone()))),
        ("admin1", s(e.location.admin1.clone())),
        ("admin2", s(e.location.admin2.clone())),
        ("admin3", String::new()),
        ("location", s(e.location.name.clone())),
        ("latitude", f(e.location.lat)),
        ("longitude", f(e.location.lon)),
        ("geo_precision", s(geo_precision(e.location.precision).map(|p| p.to_string()))),
        ("source", outlets.join("; ")),
        ("source_scale", String::new()),
        ("notes", notes(e)),
        ("fatalities", e.fatalities.to_string()),
        ("tags", e.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("; ")),
        ("timestamp", String::new()),
        ("fatalities_low", kl),
        ("fatalities_best", kb),
        ("fatalities_high", kh),
        ("wounded_low", wl),
        ("wounded_best", wb),
        ("wounded_high", wh),
        ("missing_low", ml),
        ("missing_best", mb),
        ("missing_high", mh),
        ("captured_low", cl),
        ("captured_best", cb),
        ("captured_high", ch),
        ("date_earliest", s(e.date.earliest.map(|d| d.to_string()))),
        ("date_latest", s(e.date.latest.map(|d| d.to_string()))),
        ("date_precision", e.date.precision.to_string()),
        ("date_expression", s(e.date.expression.clone())),
        ("location_precision", s(e.location.precision.map(|p| p.to_string()))),
        ("country_code", s(e.location.country_code.clone())),
        ("geonames_id", n(e.location.geonames_id)),
        ("actors", e.actors.iter().map(|a| format!("{}:{}:{}", a.name, a.kind, a.role)).collect::<Vec<_>>().join("; ")),
        ("tactics", e.tactics.join("; ")),
        ("sources", sources.len().to_string()),
        ("independent_sources", sources.iter().filter(|s| s.independent).count().to_string()),
        ("urls", sources.iter().filter_map(|s| s.url.clone()).collect::<Vec<_>>().join(" ")),
        ("merged_from", e.merged_from.as_deref().unwrap_or_default().join("; ")),
    ]
}

/// One CSV cell: formula-looking text defused, quoted when needed (RFC 4180).
pub fn csv_cell(column: &str, value: &str) -> String {
    let mut v = value.to_string();
    if !NUMERIC.contains(&column) && v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
}

/// Writes the header line.
pub fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    out.write_all(CSV_COLUMNS.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Writes one event's line.
pub fn write_csv_row(out: &mut impl Write, e: &EventOut) -> io::Result<()> {
    let cells: Vec<String> = csv_values(e).iter().map(|(c, v)| csv_cell(c, v)).collect();
    out.write_all(cells.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// One event as a GeoJSON Feature.
pub fn geojson_feature(e: &EventOut) -> Value {
    let mut props = Map::new();
    for (col, v) in csv_values(e) {
        let value = if v.is_empty() {
            Value::Null
        } else if NUMERIC.contains(&col) && col != "iso" {
            v.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(|n| {
                    if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 9e15) {
                        json!(n.as_f64().unwrap_or_default() as i64)
                    } else {
                        Value::Number(n)
                    }
                })
                .unwrap_or(Value::String(v))
        } else {
            Value::String(v)
        };
        let key = if col == "event_id_cnty" { "id" } else { col };
        props.insert(key.to_string(), value);
    }
    let geometry = match (e.location.lon, e.location.lat) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => json!({"type": "Point", "coordinates": [lon, lat]}),
        _ => Value::Null,
    };
    json!({"type": "Feature", "id": e.id, "geometry": geometry, "properties": props})
}

/// Streams a GeoJSON FeatureCollection: call [`GeoJsonWriter::feature`] per event, then
/// [`GeoJsonWriter::finish`].
#[derive(Debug)]
pub struct GeoJsonWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> GeoJsonWriter<W> {
    /// Starts the collection.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        Ok(GeoJsonWriter { out, first: true })
    }

    /// Writes one event.
    pub fn feature(&mut self, e: &EventOut) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b",\n")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.out, &geojson_feature(e))?;
        Ok(())
    }

    /// Closes the collection.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"\n]}\n")?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::contract::*;
    use sitrep_model::mention::Location;

    fn kandadji() -> EventOut {
        EventOut {
            id: "ev-1".into(),
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            date: DateOut {
                earliest: chrono::NaiveDate::from_ymd_opt(2024, 3, 7),
                latest: chrono::NaiveDate::from_ymd_opt(2024, 3, 7),
                precision: DatePrecision::Day,
                expression: Some("on Thursday".into()),
                relative_to: None,
            },
            location: Location {
                name: Some("Kokorou".into()),
                country_code: Some("NE".into()),
                admin1: Some("Tillaberi".into()),
                admin2: None,
                lat: Some(14.2),
                lon: Some(0.95),
                precision: Some(LocationPrecision::Exact),
                geonames_id: Some(2_441_194),
                pcode: None,
            },
            actors: vec![
                ActorOut { name: "Military Forces of Niger".into(), kind: ActorKind::StateForces, role: ActorRole::Target },
                ActorOut { name: "Islamic State (Sahel)".into(), kind: ActorKind::Rebels, role: ActorRole::Attacker },
            ],
            casualties: vec![
                CasualtyOut {
                    party: ActorKind::StateForces,
                    outcome: Outcome::Killed,
                    low: 11,
                    best: 11,
                    high: None,
                    vague: false,
                    cause: Cause::Violence,
                },
                CasualtyOut {
                    party: ActorKind::Rebels,
                    outcome: Outcome::Killed,
                    low: 36,
                    best: 40,
                    high: Some(44),
                    vague: true,
                    cause: Cause::Violence,
                },
                CasualtyOut {
                    party: ActorKind::StateForces,
                    outcome: Outcome::Killed,
                    low: 2,
                    best: 2,
                    high: Some(2),
                    vague: false,
                    cause: Cause::Accident,
                },
                CasualtyOut {
                    party: ActorKind::StateForces,
                    outcome: Outcome::Wounded,
                    low: 6,
                    best: 6,
                    high: Some(6),
                    vague: false,
                    cause: Cause::Violence,
                },
            ],
            fatalities: 51,
            tactics: vec!["motorcycles".into()],
            sources: Some(vec![SourceOut {
                article_id: "a1".into(),
                role: SourceRole::Primary,
                independent: true,
                url: Some("https://wire.test/a1".into()),
                outlet: Some("Sahel Wire".into()),
                published: None,
            }]),
            claims: Some(vec![]),
            flags: vec![EventFlag::SingleSource],
            merged_from: Some(vec!["old-1".into()]),
            evidence: vec![EvidenceOut {
                article_id: "a1".into(),
                field: "casualties[0]".into(),
                start: 0,
                end: 10,
                quote: "=HYPERLINK(\"x\") at least 11 soldiers, killed".into(),
                within: None,
            }],
        }
    }

    fn row(e: &EventOut) -> std::collections::HashMap<&'static str, String> {
        csv_values(e).into_iter().collect()
    }

    #[test]
    fn acled_columns_mean_what_acled_means() {
        let r = row(&kandadji());
        assert_eq!(r.len(), CSV_COLUMNS.len());
        assert_eq!(csv_values(&kandadji()).iter().map(|(c, _)| *c).collect::<Vec<_>>(), CSV_COLUMNS);
        assert_eq!(r["event_date"], "2024-03-07");
        assert_eq!(r["time_precision"], "1");
        assert_eq!(r["disorder_type"], "Political violence");
        assert_eq!((r["actor1"].as_str(), r["inter1"].as_str()), ("Islamic State (Sahel)", "2"));
        assert_eq!((r["actor2"].as_str(), r["inter2"].as_str()), ("Military Forces of Niger", "1"));
        assert_eq!(r["interaction"], "12");
        assert_eq!((r["iso"].as_str(), r["region"].as_str(), r["country"].as_str()), ("562", "Western Africa", "Niger"));
        assert_eq!(r["geo_precision"], "1");
        assert_eq!(r["fatalities"], "51");
        // violent deaths only; one open-ended figure opens the sum
        assert_eq!((r["fatalities_low"].as_str(), r["fatalities_best"].as_str(), r["fatalities_high"].as_str()), ("47", "51", ""));
        assert_eq!((r["wounded_low"].as_str(), r["wounded_high"].as_str()), ("6", "6"));
        assert_eq!(r["missing_best"], "");
        assert_eq!(r["tags"], "single_source");
        assert_eq!(r["source"], "Sahel Wire");
        assert_eq!(r["merged_from"], "old-1");
    }

    #[test]
    fn weeks_and_months_take_their_middle_day() {
        let mut e = kandadji();
        e.date = DateOut {
            earliest: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            latest: chrono::NaiveDate::from_ymd_opt(2024, 3, 31),
            precision: DatePrecision::Month,
            expression: None,
            relative_to: None,
        };
        assert_eq!(acled_date(&e), (chrono::NaiveDate::from_ymd_opt(2024, 3, 16), Some(3)));
        e.date.precision = DatePrecision::Unknown;
        assert_eq!(acled_date(&e), (None, None));
        e.actors.retain(|a| a.role == ActorRole::Attacker);
        assert_eq!(row(&e)["interaction"], "20");
    }

    #[test]
    fn hostile_text_cannot_become_a_formula_or_break_a_row() {
        let e = kandadji();
        let mut out = Vec::new();
        write_csv_header(&mut out).unwrap();
        write_csv_row(&mut out, &e).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"'=HYPERLINK(\"\"x\"\") at least 11 soldiers, killed\""), "{text}");
        assert_eq!(csv_cell("longitude", "-0.5"), "-0.5");
        assert_eq!(csv_cell("location", "-0.5"), "'-0.5");
        assert_eq!(csv_cell("notes", "two\nlines"), "\"two\nlines\"");
        assert_eq!(text.matches("\r\n").count(), 2);
    }

    #[test]
    fn geojson_is_a_feature_collection_of_points_with_flat_properties() {
        let mut e2 = kandadji();
        e2.id = "ev-2".into();
        e2.location.lat = None;
        let mut w = GeoJsonWriter::new(Vec::new()).unwrap();
        w.feature(&kandadji()).unwrap();
        w.feature(&e2).unwrap();
        let v: Value = serde_json::from_slice(&w.finish().unwrap()).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["coordinates"], json!([0.95, 14.2]));
        assert_eq!(f["properties"]["fatalities"], json!(51));
        assert_eq!(f["properties"]["iso"], json!("562"));
        assert_eq!(f["properties"]["latitude"], json!(14.2));
        assert_eq!(f["properties"]["id"], json!("ev-1"));
        assert!(f["properties"].as_object().unwrap().values().all(|v| !v.is_object() && !v.is_array()));
        assert_eq!(v["features"][1]["geometry"], Value::Null);
    }
}
