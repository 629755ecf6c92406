//! Loading GeoNames data: malformed rows, index files, order independence, admin names.

use proptest::prelude::*;
use sitrep_place::{Gazetteer, find_places};
use std::io::Write;
use std::path::{Path, PathBuf};

const TEST_DUMP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sahel_test.txt");

/// One 19-column row.
#[allow(clippy::too_many_arguments)]
fn row(
    id: u32,
    name: &str,
    alternates: &str,
    lat: f64,
    lon: f64,
    class: &str,
    code: &str,
    admin1: &str,
    admin2: &str,
    mdate: &str,
) -> String {
    format!(
        "{id}\t{name}\t{name}\t{alternates}\t{lat}\t{lon}\t{class}\t{code}\tNE\t\t{admin1}\t{admin2}\t\t\t0\t\t250\tAfrica/Niamey\t{mdate}\n"
    )
}

#[test]
fn malformed_rows_are_reported_with_their_line_and_the_rest_loads() {
    let mut text = String::new();
    text.push_str(&row(910001, "Djibaro", "", 14.05, 0.7, "P", "PPL", "09", "", "2020-01-01"));
    text.push_str("910002\tBroken row with too few columns\n");
    text.push_str(&row(910003, "Tassia", "", 15.0, 3.5, "P", "PPL", "09", "", "2020-01-01").replace("15\t3.5", "north\t3.5"));
    text.push_str(&row(910004, "Kandadji", "Kendadji", 14.63, 0.97, "P", "PPL", "09", "", "2020-01-01"));
    let mut g = Gazetteer::empty();
    let n = g.load_geonames_from("test.txt", text.as_bytes()).unwrap();
    assert_eq!(n, 2);
    let w = g.take_warnings();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with("test.txt:2: expected 19 tab-separated columns, found 2"), "{}", w[0]);
    assert!(w[1].starts_with("test.txt:3: latitude \"north\" is not a number"), "{}", w[1]);
    assert_eq!(g.lookup("Kendadji")[0].name, "Kandadji");
}

#[test]
fn a_missing_file_is_an_error() {
    let mut g = Gazetteer::empty();
    let e = g.load_geonames(Path::new("/nonexistent/NE.txt")).unwrap_err();
    assert!(e.to_string().contains("/nonexistent/NE.txt"));
}

#[test]
fn index_files_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("test.sgz");
    let mut a = Gazetteer::empty();
    a.load_geonames(Path::new(TEST_DUMP)).unwrap();
    assert_eq!(a.write_index(&index).unwrap(), 19);
    let mut from_dump = Gazetteer::builtin();
    from_dump.load_geonames(Path::new(TEST_DUMP)).unwrap();
    let mut from_index = Gazetteer::builtin();
    assert_eq!(from_index.load_geonames(&index).unwrap(), 19);
    let text = "Gunmen attacked Kendadji and the village of Garin Dalli (Tera, Tillaberi), 190 km from Niamey, in the Tahoua region.";
    assert_eq!(find_places(&from_dump, text), find_places(&from_index, text));
    assert_eq!(from_dump.admin_names("NE", 2), from_index.admin_names("NE", 2));
    // a damaged index is an error, not a panic
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() - 7]).unwrap();
    assert!(Gazetteer::empty().load_geonames(&index).is_err());
}

#[test]
fn admin_names_are_short() {
    let mut g = Gazetteer::empty();
    g.load_geonames(Path::new(TEST_DUMP)).unwrap();
    assert_eq!(g.admin_names("NE", 1), vec!["Tahoua", "Tillaberi"]);
    assert_eq!(g.admin_names("NE", 2), vec!["Abala", "Ayorou", "Téra"]);
}

/// The OCHA names of Niger's regions and departments (`../shared/data/niger-admin`) against
/// the short names derived from the GeoNames file for Niger (`../shared/data/geonames/NE.txt`).
#[test]
fn admin_names_match_ocha() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let ne = shared.join("geonames/NE.txt");
    let adm1 = shared.join("niger-admin/NER_admbnda_adm1_IGNN_20230720.attributes.csv");
    let adm2 = shared.join("niger-admin/NER_admbnda_adm2_IGNN_20230720.attributes.csv");
    if !ne.exists() || !adm1.exists() {
        eprintln!("skipped: ../shared/data/geonames/NE.txt or ../shared/data/niger-admin not present");
        return;
    }
    let mut g = Gazetteer::empty();
    g.load_geonames(&ne).unwrap();
    let fold = |s: &str| sitrep_place::name_key(s);
    let ours1: Vec<String> = g.admin_names("NE", 1).iter().map(|s| fold(s)).collect();
    let ours2: Vec<String> = g.admin_names("NE", 2).iter().map(|s| fold(s)).collect();
    let ocha = |p: &Path| -> Vec<String> {
        std::fs::read_to_string(p).unwrap().lines().skip(1).filter_map(|l| l.split(',').next()).map(fold).collect()
    };
    let ocha1 = ocha(&adm1);
    let ocha2 = ocha(&adm2);
    let missing1: Vec<&String> = ocha1.iter().filter(|n| !ours1.contains(n)).collect();
    assert!(missing1.is_empty(), "OCHA regions without a GeoNames admin1 of that short name: {missing1:?}");
    // GeoNames' Niger file predates the 2011 departments: the older ones must match
    let found2 = ocha2.iter().filter(|n| ours2.contains(n)).count();
    let unmatched2: Vec<&String> = ours2.iter().filter(|n| !ocha2.contains(n)).collect();
    eprintln!("OCHA departments found among GeoNames admin2 short names: {found2}/{}; ours not in OCHA: {unmatched2:?}", ocha2.len());
    assert!(found2 >= 30, "only {found2} OCHA departments found");
    assert!(ours2.iter().all(|n| !n.contains("departement") && !n.contains("department")));
}

/// Small dumps built from a pool of rows: some share ids (a newer row of the same place), some
/// share names (two villages), one repeats a built-in place.
fn pool() -> Vec<String> {
    vec![
        row(920001, "Garin Dalli", "", 14.1, 0.9, "P", "PPL", "09", "", "2020-01-01"),
        row(920001, "Garin Dalli", "Garin Dali", 14.11, 0.91, "P", "PPL", "09", "", "2021-06-01"),
        row(920002, "Garin Dalli", "", 15.2, 5.4, "P", "PPL", "06", "", "2020-01-01"),
        row(920003, "Tillaberi Region", "Tillabery", 14.3, 1.9, "A", "ADM1", "09", "", "2020-01-01"),
        row(920003, "Tillaberi Region", "", 14.3, 1.9, "A", "ADM1", "09", "", "2019-01-01"),
        row(920004, "Département de Téra", "", 14.2, 0.8, "A", "ADM2", "09", "920004", "2020-01-01"),
        row(920005, "Kandadji", "Kendadji", 14.63, 0.97, "P", "PPL", "09", "920004", "2020-01-01"),
        row(920006, "Niamey", "", 13.52, 2.11, "P", "PPLC", "08", "", "2020-01-01"),
        row(920007, "Djibaro", "", 14.05, 0.7, "P", "PPL", "09", "920004", "2020-01-01"),
        row(920008, "Djibaro", "", 13.05, 2.7, "P", "PPL", "03", "", "2020-01-01"),
        row(920009, "Tahoua Region", "", 15.9, 5.6, "A", "ADM1", "06", "", "2020-01-01"),
    ]
}

fn write_files(dir: &Path, parts: &[Vec<usize>]) -> Vec<PathBuf> {
    let rows = pool();
    parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let p = dir.join(format!("part{k}.txt"));
            let mut f = std::fs::File::create(&p).unwrap();
            for &r in part {
                f.write_all(rows[r].as_bytes()).unwrap();
            }
            p
        })
        .collect()
}

fn resolve_all(files: &[PathBuf]) -> Vec<Vec<sitrep_place::PlaceMention>> {
    let mut g = Gazetteer::builtin();
    for f in files {
        g.load_geonames(f).unwrap();
    }
    [
        "Gunmen attacked Garin Dalli (Tera, Tillaberi) and then Kendadji.",
        "The army said Djibaro, near Niamey, was calm; Garin Dali was not.",
        "Herders in Garin Dalli, in the Tahoua region, fled to Tillabery.",
        "Soldiers left Kandagi for Niamey.",
    ]
    .iter()
    .map(|t| find_places(&g, t))
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Resolution does not depend on the order the gazetteer files are loaded in.
    #[test]
    fn resolution_does_not_depend_on_file_order(assign in proptest::collection::vec(0usize..3, 11), perm in Just(()).prop_perturb(|_, mut rng| {
        let mut v = vec![0usize, 1, 2];
        for i in (1..v.len()).rev() {
            let j = (rng.next_u32() as usize) % (i + 1);
            v.swap(i, j);
        }
        v
    })) {
        let mut parts = vec![Vec::new(), Vec::new(), Vec::new()];
        for (r, &p) in assign.iter().enumerate() {
            parts[p].push(r);
        }
        let dir = tempfile::tempdir().unwrap();
        let files = write_files(dir.path(), &parts);
        let reordered: Vec<PathBuf> = perm.iter().map(|&k| files[k].clone()).collect();
        prop_assert_eq!(resolve_all(&files), resolve_all(&reordered));
    }
}

#[test]
fn rows_without_a_first_level_division_take_the_nearest_towns() {
    let mut text = String::new();
    text.push_str(&row(920001, "Wandouki", "", 14.70, 0.90, "P", "PPL", "09", "", "2020-01-01"));
    // an airstrip 5 km away, GeoNames' "00" for its division
    text.push_str(&row(920002, "Wandouki Airstrip", "", 14.74, 0.92, "S", "AIRF", "00", "", "2020-01-01"));
    // a hill 200 km from any town of the file: no guess
    text.push_str(&row(920003, "Mount Tazoulet", "", 17.5, 6.0, "T", "HLL", "00", "", "2020-01-01"));
    let mut g = Gazetteer::builtin();
    g.load_geonames_from("test.txt", text.as_bytes()).unwrap();
    let town = g.lookup("Wandouki")[0].admin1.clone();
    assert!(town.is_some());
    assert_eq!(g.lookup("Wandouki Airstrip")[0].admin1, town);
    assert_eq!(g.lookup("Mount Tazoulet")[0].admin1, None);
}
