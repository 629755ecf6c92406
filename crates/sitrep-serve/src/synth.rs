//! Generated events for load tests (`sitrep bench serve`): contract lines that look like
//! real ones (ACLED's mix of types and fatalities, places inside real admin1 outlines of
//! the built-in map, actors named the ACLED way, one to four sources with claims, quotes and
//! evidence, some merged ids), deterministic for a seed. Nothing here is real data.

use crate::countries;
use chrono::{Datelike, Duration, NaiveDate};
use serde_json::json;
use sitrep_model::contract::*;
use sitrep_model::mention::Location;
use sitrep_model::taxonomy::*;

/// A small deterministic generator (splitmix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// Next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index drawn by weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < u64::from(*w) {
                return i;
            }
            x -= u64::from(*w);
        }
        weights.len() - 1
    }
}

/// An admin1 area of the map: its country, name, and outer ring (degrees).
#[derive(Clone, Debug)]
pub struct Area {
    /// Country code.
    pub country: String,
    /// Name.
    pub name: String,
    ring: Vec<(f64, f64)>,
    bbox: (f64, f64, f64, f64),
}

impl Area {
    fn contains(&self, lon: f64, lat: f64) -> bool {
        let mut inside = false;
        let r = &self.ring;
        let mut j = r.len().wrapping_sub(1);
        for i in 0..r.len() {
            let ((xi, yi), (xj, yj)) = (r[i], r[j]);
            if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }

    /// A point inside the area (its box's centre when sampling fails).
    pub fn sample(&self, rng: &mut Rng) -> (f64, f64) {
        let (w, s, e, n) = self.bbox;
        for _ in 0..40 {
            let (lon, lat) = (w + (e - w) * rng.unit(), s + (n - s) * rng.unit());
            if self.contains(lon, lat) {
                return (lat, lon);
            }
        }
        ((s + n) / 2.0, (w + e) / 2.0)
    }
}

/// The admin1 areas of `countries` from the built-in map.
pub fn areas(countries: &[&str]) -> Vec<Area> {
    let v: serde_json::Value = serde_json::from_str(&countries::map_json()).expect("built-in map data");
    let scale = v["scale"].as_f64().unwrap_or(100.0);
    let arcs: Vec<Vec<(f64, f64)>> = v["arcs"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|arc| {
                    let flat: Vec<i64> = arc.as_array().map(|x| x.iter().filter_map(|n| n.as_i64()).collect()).unwrap_or_default();
                    let (mut x, mut y) = (0, 0);
                    flat.chunks(2)
                        .filter(|c| c.len() == 2)
                        .map(|c| {
                            x += c[0];
                            y += c[1];
                            (x as f64 / scale, y as f64 / scale)
                        })
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for row in v["admin1"].as_array().into_iter().flatten() {
        let cc = row[0].as_str().unwrap_or_default();
        if !countries.contains(&cc) {
            continue;
        }
        let Some(ring) = row[3][0][0].as_array() else { continue };
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for i in ring.iter().filter_map(|i| i.as_i64()) {
            let arc = if i >= 0 { arcs.get(i as usize).cloned() } else { arcs.get(!i as usize).map(|a| a.iter().rev().copied().collect()) };
            pts.extend(arc.unwrap_or_default());
        }
        if pts.len() < 3 {
            continue;
        }
        let bbox =
            pts.iter().fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, p| (b.0.min(p.0), b.1.min(p.1), b.2.max(p.0), b.3.max(p.1)));
        out.push(Area { country: cc.to_string(), name: row[1].as_str().unwrap_or_default().to_string(), ring: pts, bbox });
    }
    out
}

/// Countries and their weights (the Sahel heavy, as the project's users are).
pub const COUNTRIES: &[(&str, u32)] = &[
    ("NE", 14),
    ("ML", 14),
    ("BF", 14),
    ("NG", 12),
    ("TD", 4),
    ("CM", 5),
    ("SD", 6),
    ("SO", 6),
    ("CD", 8),
    ("ET", 4),
    ("SY", 5),
    ("YE", 4),
    ("MZ", 3),
    ("CF", 3),
    ("BJ", 2),
    ("TG", 1),
];

const OUTLETS: &[&str] = &[
    "Sahel Wire",
    "Daily Dispatch",
    "Radio Savane",
    "The Frontline Herald",
    "Niger River Times",
    "Desert Post",
    "Horn Observer",
    "Lake Chad Monitor",
];
const TACTICS: &[&str] =
    &["motorcycles", "improvised explosive devices", "small arms", "drones", "helicopters", "arson", "pick-up trucks", "mortars"];
const REBELS: &[&str] = &[
    "JNIM: Group for Support of Islam and Muslims",
    "Islamic State (Sahel)",
    "Islamic State West Africa Province (ISWAP)",
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "Al Shabaab",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Generates events.
#[derive(Debug)]
pub struct Generator {
    rng: Rng,
    areas: Vec<Vec<Area>>,
    weights: Vec<u32>,
    n: u64,
}

impl Generator {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Self {
        let codes: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
        let all = areas(&codes);
        let mut by: Vec<Vec<Area>> = codes.iter().map(|c| all.iter().filter(|a| a.country == *c).cloned().collect()).collect();
        let mut weights: Vec<u32> = COUNTRIES.iter().map(|c| c.1).collect();
        for (i, a) in by.iter_mut().enumerate() {
            if a.is_empty() {
                weights[i] = 0;
            }
        }
        Generator { rng: Rng::new(seed), areas: by, weights, n: 0 }
    }

    fn quote(&mut self, text: String) -> (usize, usize, String) {
        let start = self.rng.below(3000) as usize;
        (start, start + text.chars().count(), text)
    }

    /// The next event.
    pub fn event(&mut self) -> EventOut {
        self.n += 1;
        let r = &mut self.rng;
        let ci = r.weighted(&self.weights);
        let area = r.pick(&self.areas[ci]).clone();
        let cc = area.country.clone();
        let cname = countries::country(&cc).map_or(cc.clone(), |c| c.name.clone());
        let ty = EventType::ALL[r.weighted(&[30, 15, 30, 12, 5, 8])];
        let subs: Vec<SubEventType> = SubEventType::ALL.iter().copied().filter(|s| s.event_type() == ty).collect();
        let sub = if ty == EventType::Battles && r.chance(0.85) { SubEventType::ArmedClash } else { *r.pick(&subs) };
        let violent = ty.is_violent() || sub == SubEventType::ExcessiveForce;
        let fatalities = if !violent || r.chance(0.35) {
            0
        } else {
            match r.weighted(&[40, 20, 5]) {
                0 => 1 + r.below(3),
                1 => 4 + r.below(17),
                _ => 21 + r.below(130),
            }
        };
        // when
        let day0 = NaiveDate::from_ymd_opt(2019, 1, 1).expect("date");
        let day = day0 + Duration::days(r.below(2860) as i64);
        let (precision, earliest, latest, expression) = match r.weighted(&[75, 10, 12, 2, 1]) {
            0 => (DatePrecision::Day, Some(day), Some(day), format!("on {}", WEEKDAYS[day.weekday().num_days_from_monday() as usize])),
            1 => (DatePrecision::Week, Some(day), Some(day + Duration::days(6)), "last week".to_string()),
            2 => {
                let first = day.with_day0(0).unwrap_or(day);
                let next = (first + Duration::days(32)).with_day0(0).unwrap_or(first);
                (DatePrecision::Month, Some(first), Some(next - Duration::days(1)), "earlier this month".to_string())
            }
            3 => {
                let y = day.year();
                (DatePrecision::Year, NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31), format!("in {y}"))
            }
            _ => (DatePrecision::Unknown, None, None, String::new()),
        };
        // where
        let (lat, lon) = area.sample(r);
        let place = format!(
            "{} {}",
            r.pick(&["Tin", "Bani", "Koro", "Dan", "Sabon", "Gidan", "Ouro", "Abu", "Kafr", "Beled"]),
            r.pick(&["Goungou", "Bangou", "Kaina", "Gari", "Tasha", "Dogo", "Saba", "Wein", "Haraza", "Mali"])
        );
        let (lprec, name, lat, lon) = match r.weighted(&[70, 10, 15, 5]) {
            0 => (LocationPrecision::Exact, Some(place.clone()), Some(lat), Some(lon)),
            1 => (LocationPrecision::Near, Some(place.clone()), Some(lat), Some(lon)),
            2 => (LocationPrecision::Admin1, Some(area.name.clone()), Some(lat), Some(lon)),
            _ => (LocationPrecision::Country, Some(cname.clone()), None, None),
        };
        let location = Location {
            name,
            country_code: Some(cc.clone()),
            admin1: (lprec != LocationPrecision::Country).then(|| area.name.clone()),
            admin2: None,
            lat: lat.map(|x| (x * 1e4).round() / 1e4),
            lon: lon.map(|x| (x * 1e4).round() / 1e4),
            precision: Some(lprec),
            geonames_id: (lprec == LocationPrecision::Exact).then(|| 2_000_000 + r.below(900_000)),
            pcode: None,
        };
        // who
        let state = ActorOut { name: format!("Military Forces of {cname}"), kind: ActorKind::StateForces, role: ActorRole::Target };
        let armed = if r.chance(0.6) {
            ActorOut { name: r.pick(REBELS).to_string(), kind: ActorKind::Rebels, role: ActorRole::Attacker }
        } else if r.chance(0.7) {
            ActorOut { name: format!("Unidentified Armed Group ({cname})"), kind: ActorKind::PoliticalMilitia, role: ActorRole::Attacker }
        } else {
            ActorOut {
                name: format!("{} Ethnic Militia ({cname})", r.pick(&["Fulani", "Dogon", "Tuareg", "Hausa", "Nuer"])),
                kind: ActorKind::IdentityMilitia,
                role: ActorRole::Attacker,
            }
        };
        let civilians = ActorOut { name: format!("Civilians ({cname})"), kind: ActorKind::Civilians, role: ActorRole::Target };
        let actors = match ty {
            EventType::Battles => vec![armed.clone(), state.clone()],
            EventType::ViolenceAgainstCivilians => vec![armed.clone(), civilians.clone()],
            EventType::ExplosionsRemoteViolence => vec![armed.clone(), if r.chance(0.5) { state.clone() } else { civilians.clone() }],
            EventType::Protests => {
                vec![ActorOut { name: format!("Protesters ({cname})"), kind: ActorKind::Protesters, role: ActorRole::Other }]
            }
            EventType::Riots => vec![
                ActorOut { name: format!("Rioters ({cname})"), kind: ActorKind::Rioters, role: ActorRole::Attacker },
                civilians.clone(),
            ],
            EventType::StrategicDevelopments => vec![armed.clone()],
        };
        let target_kind = actors.iter().find(|a| a.role == ActorRole::Target).map_or(ActorKind::Unknown, |a| a.kind);
        let mut casualties = Vec::new();
        if fatalities > 0 {
            let vague = r.chance(0.15);
            let high = if vague { None } else { Some(fatalities) };
            casualties.push(CasualtyOut {
                party: target_kind,
                outcome: Outcome::Killed,
                low: fatalities,
                best: fatalities,
                high,
                vague,
                cause: Cause::Violence,
            });
        }
        if violent && r.chance(0.3) {
            let w = 1 + r.below(15);
            casualties.push(CasualtyOut {
                party: target_kind,
                outcome: Outcome::Wounded,
                low: w,
                best: w,
                high: Some(w),
                vague: false,
                cause: Cause::Violence,
            });
        }
        let tactics: Vec<String> = if violent && r.chance(0.5) { vec![r.pick(TACTICS).to_string()] } else { vec![] };
        // sources, claims, evidence
        let n_sources = 1 + r.weighted(&[50, 30, 15, 5]);
        let mut sources = Vec::new();
        let mut claims = Vec::new();
        let mut evidence = Vec::new();
        let id = format!("ev{:06x}{:04x}", self.n, self.rng.below(0x10000));
        for k in 0..n_sources {
            let r = &mut self.rng;
            let outlet = r.pick(OUTLETS).to_string();
            let article_id = format!("{id}-a{k}");
            let independent = k == 0 || r.chance(0.7);
            let published = earliest.map(|d| d + Duration::days(r.below(3) as i64));
            let slug: String = outlet.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-");
            sources.push(SourceOut {
                article_id: article_id.clone(),
                role: if r.chance(0.9) { SourceRole::Primary } else { SourceRole::Background },
                independent,
                url: Some(format!("https://{slug}.test/{article_id}")),
                outlet: Some(outlet.clone()),
                published,
            });
            let place_text = location.name.clone().unwrap_or_default();
            let date_q = if expression.is_empty() { String::new() } else { format!(" {expression}") };
            let verb = match ty {
                EventType::Battles => "clashed with soldiers",
                EventType::ViolenceAgainstCivilians => "attacked villagers",
                EventType::ExplosionsRemoteViolence => "set off an explosive device",
                EventType::Protests => "marched",
                EventType::Riots => "rioted",
                EventType::StrategicDevelopments => "moved through",
            };
            let sentence = format!("Gunmen {verb} near {place_text}{date_q}, {outlet} reported.");
            let (s, e, q) = self.quote(sentence);
            claims.push(ClaimOut {
                article_id: article_id.clone(),
                field: "event_type".into(),
                value: json!({"event_type": ty, "sub_event_type": sub}),
                attributed_to: None,
                superseded: false,
                start: s,
                end: e,
                quote: q.clone(),
                within: None,
            });
            if k == 0 {
                evidence.push(EvidenceOut {
                    article_id: article_id.clone(),
                    field: "event_type".into(),
                    start: s,
                    end: e,
                    quote: q,
                    within: None,
                });
            }
            if !expression.is_empty() {
                let (s, e, q) = self.quote(expression.clone());
                claims.push(ClaimOut {
                    article_id: article_id.clone(),
                    field: "date".into(),
                    value: json!({"earliest": earliest, "latest": latest, "precision": precision, "expression": expression}),
                    attributed_to: None,
                    superseded: false,
                    start: s,
                    end: e,
                    quote: q.clone(),
                    within: None,
                });
                if k == 0 {
                    evidence.push(EvidenceOut {
                        article_id: article_id.clone(),
                        field: "date".into(),
                        start: s,
                        end: e,
                        quote: q,
                        within: None,
                    });
                }
            }
            let (s, e, q) = self.quote(place_text.clone());
            claims.push(ClaimOut { article_id: article_id.clone(), field: "location".into(), value: json!({"name": location.name, "admin1": location.admin1, "country_code": cc, "lat": location.lat, "lon": location.lon, "precision": lprec}), attributed_to: None, superseded: false, start: s, end: e, quote: q.clone(), within: None });
            if k == 0 {
                evidence.push(EvidenceOut {
                    article_id: article_id.clone(),
                    field: "location".into(),
                    start: s,
                    end: e,
                    quote: q,
                    within: None,
                });
            }
            for (i, c) in casualties.iter().enumerate() {
                let r = &mut self.rng;
                let attributed = r
                    .chance(0.4)
                    .then(|| r.pick(&["the defence ministry", "local officials", "a security source", "residents"]).to_string());
                if k > 0 && r.chance(0.3) {
                    // an early, lower figure later superseded
                    let early = c.low / 2;
                    let (s, e, q) = self.quote(format!("at least {early} people were {}", c.outcome));
                    claims.push(ClaimOut { article_id: article_id.clone(), field: format!("casualties[{i}]"), value: json!({"party": c.party, "outcome": c.outcome, "cause": c.cause, "low": early, "best": early, "high": null, "vague": false}), attributed_to: attributed.clone(), superseded: true, start: s, end: e, quote: q, within: None });
                }
                let (s, e, q) = self.quote(format!("{} people were {}", c.best, c.outcome));
                claims.push(ClaimOut { article_id: article_id.clone(), field: format!("casualties[{i}]"), value: json!({"party": c.party, "outcome": c.outcome, "cause": c.cause, "low": c.low, "best": c.best, "high": c.high, "vague": c.vague}), attributed_to: attributed, superseded: false, start: s, end: e, quote: q.clone(), within: None });
                if k == 0 {
                    evidence.push(EvidenceOut {
                        article_id: article_id.clone(),
                        field: format!("casualties[{i}]"),
                        start: s,
                        end: e,
                        quote: q,
                        within: None,
                    });
                }
            }
            for (i, a) in actors.iter().enumerate() {
                if k == 0 || self.rng.chance(0.3) {
                    let (s, e, q) = self.quote(a.name.clone());
                    claims.push(ClaimOut {
                        article_id: article_id.clone(),
                        field: format!("actors[{i}]"),
                        value: json!({"name": a.name, "kind": a.kind, "role": a.role}),
                        attributed_to: None,
                        superseded: false,
                        start: s,
                        end: e,
                        quote: q.clone(),
                        within: None,
                    });
                    if k == 0 {
                        evidence.push(EvidenceOut {
                            article_id: article_id.clone(),
                            field: format!("actors[{i}]"),
                            start: s,
                            end: e,
                            quote: q,
                            within: None,
                        });
                    }
                }
            }
        }
        let independent = sources.iter().filter(|s| s.independent).count();
        let mut flags = Vec::new();
        if independent == 1 {
            flags.push(EventFlag::SingleSource);
        }
        if self.rng.chance(0.03) {
            flags.push(EventFlag::ConflictingCounts);
        }
        let merged_from = if self.rng.chance(0.05) { vec![format!("{id}-m")] } else { vec![] };
        EventOut {
            id,
            event_type: ty,
            sub_event_type: sub,
            date: DateOut { earliest, latest, precision, expression: (!expression.is_empty()).then_some(expression), relative_to: None },
            location,
            actors,
            casualties,
            fatalities,
            tactics,
            sources: Some(sources),
            claims: Some(claims),
            flags,
            merged_from: Some(merged_from),
            evidence,
        }
    }
}

/// Writes `n` generated events (and their merged-id aliases) into a store, in one
/// transaction; `progress` is called every 10,000 events.
pub fn fill(store: &mut sitrep_store::Store, n: usize, seed: u64, mut progress: impl FnMut(usize)) -> Result<(), sitrep_store::StoreError> {
    let mut g = Generator::new(seed);
    let tx = store.transaction()?;
    {
        let mut put = tx.prepare("INSERT OR REPLACE INTO events (id, json) VALUES (?1, ?2)")?;
        let mut alias = tx.prepare("INSERT OR REPLACE INTO event_aliases (old_id, event_id) VALUES (?1, ?2)")?;
        for i in 0..n {
            let e = g.event();
            put.execute(rusqlite::params![e.id, serde_json::to_string(&e).expect("serialisable")])?;
            for old in e.merged_from.iter().flatten() {
                alias.execute(rusqlite::params![old, e.id])?;
            }
            if (i + 1) % 10_000 == 0 {
                progress(i + 1);
            }
        }
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_events_are_valid_contract_lines_inside_their_areas() {
        let mut g = Generator::new(7);
        let mut types = std::collections::BTreeSet::new();
        for _ in 0..300 {
            let e = g.event();
            let back: EventOut = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
            assert_eq!(back, e);
            assert_eq!(e.sub_event_type.event_type(), e.event_type);
            let violent: u64 = e.casualties.iter().filter(|c| c.outcome == Outcome::Killed).map(|c| c.low).sum();
            assert_eq!(violent, e.fatalities);
            for c in e.claims.iter().flatten() {
                assert_eq!(c.end - c.start, c.quote.chars().count());
            }
            if let (Some(lat), Some(lon)) = (e.location.lat, e.location.lon) {
                assert!((-40.0..40.0).contains(&lat) && (-20.0..60.0).contains(&lon), "{lat} {lon}");
            }
            types.insert(e.event_type);
        }
        assert_eq!(types.len(), 6);
        // same seed, same events
        assert_eq!(Generator::new(7).event(), Generator::new(7).event());
    }

    #[test]
    fn areas_sample_inside_their_outline() {
        let a = areas(&["NE"]);
        assert!(a.len() >= 8);
        let mut rng = Rng::new(1);
        for area in &a {
            let (lat, lon) = area.sample(&mut rng);
            assert!(area.contains(lon, lat) || (lat, lon) == ((area.bbox.1 + area.bbox.3) / 2.0, (area.bbox.0 + area.bbox.2) / 2.0));
        }
    }
}
