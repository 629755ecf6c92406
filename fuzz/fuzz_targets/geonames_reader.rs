//! The GeoNames reader (19-column dumps) and sitrep's index files: any bytes load without a
//! panic (bad rows become warnings, a bad index an error), what loaded writes back as an index
//! that reads again with the same row count, and the result can be queried.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_place::{Gazetteer, find_places};

fuzz_target!(|data: &[u8]| {
    let mut g = Gazetteer::empty();
    let Ok(n) = g.load_geonames_bytes("fuzz", data) else { return };
    let _ = g.take_warnings();
    assert!(n <= g.len());
    let mut index = Vec::new();
    let written = g.write_index_to(&mut index).expect("writing to memory");
    let mut h = Gazetteer::empty();
    assert_eq!(h.load_geonames_bytes("index", &index).expect("an index sitrep wrote reads back"), written);
    if let Ok(text) = std::str::from_utf8(data) {
        let sample: String = text.chars().take(200).collect();
        let _ = find_places(&g, &sample);
        if let Some(first) = text.lines().next() {
            let name = first.split('\t').nth(1).unwrap_or("");
            let _ = g.lookup(name);
            let _ = find_places(&g, &format!("Gunmen attacked the village of {name} (Tera, Tillaberi)."));
        }
    }
});
