//! The map data built into the binary (`assets/map.json.gz`, made by
//! `assets/gen/make_map.py` from Natural Earth outlines: see `assets/LICENSES.md`) and the
//! country table read from it: name, ISO 3166-1 numeric code, ACLED region.

use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

/// The map data, gzip-compressed JSON.
pub const MAP_GZ: &[u8] = include_bytes!("../assets/map.json.gz");

/// One country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// English short name.
    pub name: String,
    /// ISO 3166-1 numeric, as ACLED's `iso` column has it (no leading zeros).
    pub numeric: String,
    /// ACLED region.
    pub region: String,
}

/// The map data as JSON text.
pub fn map_json() -> String {
    let mut s = String::new();
    flate2::read::GzDecoder::new(MAP_GZ).read_to_string(&mut s).expect("the built-in map data is valid gzip UTF-8");
    s
}

static COUNTRIES: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    let v: serde_json::Value = serde_json::from_str(&map_json()).expect("the built-in map data is JSON");
    let mut out = HashMap::new();
    for row in v["countries"].as_array().into_iter().flatten() {
        let s = |i: usize| row.get(i).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let code = s(0);
        if code.is_empty() || out.contains_key(&code) {
            continue;
        }
        let numeric = s(2).trim_start_matches('0').to_string();
        out.insert(code.clone(), Country { code, name: s(1), numeric, region: s(3) });
    }
    out
});

/// The country with this alpha-2 code (any case).
pub fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES.get(&code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_table_names_regions_and_numeric_codes() {
        let ne = country("ne").unwrap();
        assert_eq!((ne.name.as_str(), ne.numeric.as_str(), ne.region.as_str()), ("Niger", "562", "Western Africa"));
        assert_eq!(country("BF").unwrap().numeric, "854");
        assert_eq!(country("SY").unwrap().region, "Middle East");
        assert!(country("ZZ").is_none());
        assert!(COUNTRIES.len() > 240);
    }

    #[test]
    fn the_map_data_has_outlines_and_admin1_areas() {
        let v: serde_json::Value = serde_json::from_str(&map_json()).unwrap();
        let admin1 = v["admin1"].as_array().unwrap();
        assert!(admin1.len() > 4000);
        assert!(admin1.iter().any(|a| a[0] == "NE" && a[1] == "Tillabéri"));
        let arcs = v["arcs"].as_array().unwrap().len() as i64;
        // every ring refers to an arc that exists
        for row in v["countries"].as_array().unwrap().iter().chain(admin1) {
            for poly in row.as_array().unwrap().last().unwrap().as_array().unwrap() {
                for ring in poly.as_array().unwrap() {
                    for i in ring.as_array().unwrap() {
                        let i = i.as_i64().unwrap();
                        let i = if i < 0 { !i } else { i };
                        assert!(i < arcs);
                    }
                }
            }
        }
        assert!(MAP_GZ.len() < 2 * 1024 * 1024);
    }
}
