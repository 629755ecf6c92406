//! The built-in gazetteer: `data/world.tsv.gz` (GeoNames-derived, see `data/gen/make_world.py`)
//! plus the names sitrep adds itself (`data/names.tsv`: short forms, abbreviations, demonyms,
//! regions and seas, admin1 spelling variants).

use crate::Feature;
use crate::store::{ALT, CAPS, CURATED, DEMONYM, DOT, F_CAPITAL, F_LANDMARK, F_REGION, NONE, Row, Store};
use std::borrow::Cow;
use std::collections::HashMap;

const WORLD: &str = include_str!(concat!(env!("OUT_DIR"), "/world.tsv"));
const NAMES: &str = include_str!("../data/names.tsv");

/// Hand-written names for one target.
#[derive(Default)]
struct Extra {
    aliases: Vec<String>,
    demonyms: Vec<String>,
    /// The entry itself comes from names.tsv (a region or landmark sitrep adds).
    curated_primary: bool,
    /// The names are a country's.
    country: bool,
}

fn split_list(s: Option<&str>) -> Vec<String> {
    s.unwrap_or("").split('|').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// An alias written in capitals (two or more capital letters, dots allowed) only matches
/// capitals in the text.
fn alias_flags(a: &str) -> u32 {
    let letters: Vec<char> = a.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !a.contains(' ') { CAPS } else { 0 };
    let dot = if a.ends_with('.') && !a.contains(' ') && letters.len() <= 5 { DOT } else { 0 };
    caps | dot
}

fn strip_the(a: &str) -> &str {
    a.strip_prefix("the ").or_else(|| a.strip_prefix("The ")).unwrap_or(a)
}

fn names_with(primary: &'static str, extra: Option<&Extra>, alternates: &[&'static str]) -> Vec<(Cow<'static, str>, u32)> {
    let mut out = Vec::with_capacity(1 + alternates.len());
    out.push((Cow::Borrowed(primary), 0));
    if let Some(x) = extra {
        if x.curated_primary {
            out[0].1 = CURATED;
        }
        // a country's or region's aliases are curated; an admin1 area's are spelling variants,
        // no better than GeoNames' alternate names (a town may share them: "Tillabery"), but
        // abbreviations ("Ill.", capitals-only "IL") are its own names
        let flag = if x.curated_primary || x.country { CURATED } else { ALT };
        for a in &x.aliases {
            let f = if flag == ALT && alias_flags(a) & (DOT | CAPS) != 0 { 0 } else { flag };
            out.push((Cow::Owned(strip_the(a).to_string()), alias_flags(a) | f));
        }
        for d in &x.demonyms {
            out.push((Cow::Owned(d.clone()), DEMONYM | CURATED));
        }
    }
    for a in alternates {
        if !a.is_empty() {
            out.push((Cow::Borrowed(*a), ALT));
        }
    }
    out
}

fn f(s: Option<&str>) -> f64 {
    s.and_then(|x| x.trim().parse().ok()).unwrap_or(0.0)
}

fn pop(s: Option<&str>) -> u64 {
    let s = s.unwrap_or("0");
    match s.split_once('e') {
        Some((m, e)) => m.parse::<u64>().unwrap_or(0) * 10u64.pow(e.parse().unwrap_or(0)),
        None => s.parse().unwrap_or(0),
    }
}

fn cc2(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 { [b[0], b[1]] } else { [b' ', b' '] }
}

/// Loads the built-in data into an empty store.
pub(crate) fn load(store: &mut Store) {
    let mut country_extra: HashMap<String, Extra> = HashMap::new();
    let mut admin1_extra: HashMap<(String, String), Extra> = HashMap::new();
    let mut region_extra: HashMap<String, Extra> = HashMap::new();
    let mut regions: Vec<(&'static str, f64, f64, u64)> = Vec::new();
    let mut landmarks: Vec<Vec<&'static str>> = Vec::new();
    for line in NAMES.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        match c[0] {
            "country" => {
                let x = country_extra.entry(c[1].to_string()).or_default();
                x.country = true;
                x.aliases.extend(split_list(c.get(2).copied()));
                x.demonyms.extend(split_list(c.get(3).copied()));
            }
            "admin1" => {
                let x = admin1_extra.entry((c[1].to_string(), c[2].to_string())).or_default();
                x.aliases.extend(split_list(c.get(3).copied()));
                x.demonyms.extend(split_list(c.get(4).copied()));
            }
            "landmark" => landmarks.push(c),
            "region" => {
                regions.push((c[1], f(c.get(2).copied()), f(c.get(3).copied()), pop(c.get(4).copied())));
                let x = region_extra.entry(c[1].to_string()).or_default();
                x.curated_primary = true;
                x.aliases.extend(split_list(c.get(5).copied()));
                x.demonyms.extend(split_list(c.get(6).copied()));
            }
            "regionalias" => {
                let x = region_extra.entry(c[1].to_string()).or_default();
                x.curated_primary = true;
                x.aliases.extend(split_list(c.get(2).copied()));
                x.demonyms.extend(split_list(c.get(3).copied()));
            }
            _ => {}
        }
    }

    let mut pairs = Vec::with_capacity(400_000);
    let (mut prev_lat, mut prev_lon) = (0i64, 0i64);
    let (mut cc, mut a1code, mut a1, mut a2) = (String::new(), String::new(), NONE, NONE);
    let mut cc_b = [b' ', b' '];
    for line in WORLD.lines() {
        let Some(first) = line.chars().next() else { continue };
        match first {
            '#' => {
                cc = line[1..].to_string();
                cc_b = cc2(&cc);
                a1code.clear();
                a1 = NONE;
                a2 = NONE;
                continue;
            }
            '@' => {
                a1code = line[1..].to_string();
                let ci = store.country(cc2(&cc));
                a1 = store.admin(ci, 1, &a1code);
                a2 = NONE;
                continue;
            }
            '%' => {
                let ci = store.country(cc2(&cc));
                let name = &line[1..];
                a2 = if name.is_empty() { NONE } else { store.admin(ci, 2, &format!("{a1code}\u{1f}{}", crate::keys::name_key(name))) };
                continue;
            }
            _ => {}
        }
        let c: Vec<&str> = line.split('\t').collect();
        if !cc.is_empty() {
            // a place: name dlat dlon population geonameid capital alternates
            prev_lat += c.get(1).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
            prev_lon += c.get(2).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
            let alts: Vec<&str> = c.get(6).map(|x| x.split('|').collect()).unwrap_or_default();
            let row = Row {
                gid: c.get(4).and_then(|x| x.parse().ok()).unwrap_or(0),
                lat: prev_lat as f64 / 1000.0,
                lon: prev_lon as f64 / 1000.0,
                pop: pop(c.get(3).copied()),
                cc: cc_b,
                a1,
                a2,
                feature: Some(Feature::Populated),
                flags: if c.get(5) == Some(&"c") { F_CAPITAL } else { 0 },
                mdate: 0,
                names: names_with(c[0], None, &alts),
            };
            store.push(row, &mut pairs);
            continue;
        }
        match c[0] {
            "C" => {
                // C cc geonameid name lat lon population continent capital
                let extra = country_extra.get(c[1]);
                let row = Row {
                    gid: c[2].parse().unwrap_or(0),
                    lat: f(c.get(4).copied()),
                    lon: f(c.get(5).copied()),
                    pop: pop(c.get(6).copied()),
                    cc: cc2(c[1]),
                    a1: NONE,
                    a2: NONE,
                    feature: Some(Feature::Country),
                    flags: 0,
                    mdate: 0,
                    names: names_with(c[3], extra, &[]),
                };
                let e = store.push(row, &mut pairs);
                let ci = store.country(cc2(c[1]));
                store.country_entry[usize::from(ci)] = e;
                store.country_name.insert(ci, c[3].into());
            }
            "A" => {
                // A cc admin1code name lat lon population
                let ci = store.country(cc2(c[1]));
                let a = store.admin(ci, 1, c[2]);
                let extra = admin1_extra.get(&(c[1].to_string(), c[2].to_string()));
                let row = Row {
                    lat: f(c.get(4).copied()),
                    lon: f(c.get(5).copied()),
                    pop: pop(c.get(6).copied()),
                    cc: cc2(c[1]),
                    a1: a,
                    feature: Some(Feature::Admin1),
                    names: names_with(c[3], extra, &[]),
                    a2: NONE,
                    ..Row::default()
                };
                let e = store.push(row, &mut pairs);
                store.name_admin(a, c[3], NONE, 0, e);
            }
            "B" => {
                // B cc admin1code name lat lon
                let ci = store.country(cc2(c[1]));
                let pa1 = store.admin(ci, 1, c[2]);
                let a = store.admin(ci, 2, &format!("{}\u{1f}{}", c[2], crate::keys::name_key(c[3])));
                let mut names = names_with(c[3], None, &[]);
                let short = crate::store::short_admin_name(c[3]);
                if short != c[3] {
                    names.push((Cow::Owned(short), 0));
                }
                let row = Row {
                    lat: f(c.get(4).copied()),
                    lon: f(c.get(5).copied()),
                    cc: cc2(c[1]),
                    a1: pa1,
                    a2: a,
                    feature: Some(Feature::Admin2),
                    names,
                    ..Row::default()
                };
                let e = store.push(row, &mut pairs);
                store.name_admin(a, c[3], NONE, 0, e);
            }
            "R" => regions.push((c[1], f(c.get(2).copied()), f(c.get(3).copied()), 0)),
            _ => {}
        }
    }
    for (name, lat, lon, population) in regions {
        if name.contains('(') || name == "Earth" || name == "Pegasus Island" {
            continue;
        }
        let row = Row {
            lat,
            lon,
            pop: population,
            feature: Some(Feature::Other),
            flags: F_REGION,
            names: names_with(name, region_extra.get(name), &[]),
            a1: NONE,
            a2: NONE,
            ..Row::default()
        };
        store.push(row, &mut pairs);
    }
    for c in landmarks {
        // landmark NAME CC LAT LON aliases
        let extra = Extra { aliases: split_list(c.get(5).copied()), demonyms: Vec::new(), curated_primary: true, country: false };
        let row = Row {
            lat: f(c.get(3).copied()),
            lon: f(c.get(4).copied()),
            cc: cc2(c.get(2).copied().unwrap_or("")),
            feature: Some(Feature::Other),
            flags: F_LANDMARK,
            names: names_with(c[1], Some(&extra), &[]),
            a1: NONE,
            a2: NONE,
            ..Row::default()
        };
        store.push(row, &mut pairs);
    }
    for e in 0..store.e.len() as u32 {
        store.register_gid(e);
    }
    store.merge_index(pairs);
}
