//! GeoNames dumps (`XX.txt`, `cities500.txt`, `allCountries.txt`: 19 tab-separated columns,
//! no header, no quoting) and sitrep's own index files made from them by
//! `sitrep gazetteer import`.
//!
//! A malformed row is skipped with a message naming its line; the rest loads. Which rows are
//! kept: every row of a file under [`LARGE_FILE`] bytes; from larger files (allCountries) the
//! populated places (class P), the admin areas (class A) and the feature codes of
//! [`KEPT_CODES`] (regions, localities, camps, bases, mines, airports...), which keeps a
//! 13-million-row dump within a few hundred megabytes of memory.

use crate::Feature;
use crate::store::{ALT, F_CAPITAL, F_DUMP, F_SEAT, F_SEAT1, NONE, Row, Store, short_admin_name};
use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read, Write};

/// Files at least this big keep only the rows most events happen at (see the module docs).
pub const LARGE_FILE: u64 = 200 * 1024 * 1024;

/// Feature codes kept from large files besides classes A and P.
pub const KEPT_CODES: &[&str] = &[
    "RGN", "RGNE", "AREA", "LCTY", "MILB", "INSM", "CMP", "CMPRF", "CMPMN", "CMPQ", "MN", "MNAU", "MNQ", "OAS", "AIRP", "AIRF", "PSTB",
    "PRN", "DAM", "BDG", "MKT", "PRK", "RSV", "RSVT", "FRST", "ISL", "LK", "LKS", "VAL", "PLN", "DSRT", "MT", "MTS",
];

/// Alternate names kept per row (Latin-script names only): more for big places.
const MAX_ALTERNATES: usize = 24;
const MAX_ALTERNATES_LARGE: usize = 8;

/// Magic line of sitrep index files.
pub const INDEX_MAGIC: &[u8] = b"SITREP-GAZETTEER-INDEX 1\n";

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One parsed dump row, before it becomes an entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DumpRow {
    /// geonameid.
    pub gid: u32,
    /// name.
    pub name: String,
    /// asciiname.
    pub ascii: String,
    /// Latin-script alternate names kept.
    pub alternates: Vec<String>,
    /// latitude.
    pub lat: f64,
    /// longitude.
    pub lon: f64,
    /// feature class (one letter).
    pub class: u8,
    /// feature code.
    pub code: String,
    /// country code.
    pub cc: [u8; 2],
    /// admin1 code.
    pub admin1: String,
    /// admin2 code.
    pub admin2: String,
    /// population.
    pub population: u64,
    /// modification date as yyyymmdd.
    pub mdate: u32,
    /// Names already derived (from an index file): used as they are.
    pub prepared: Option<Vec<(String, u32)>>,
}

/// True when an alternate name is worth indexing: Latin script (letters after folding are
/// ASCII), starts with a capital, two to sixty chars, not an all-capital code ("NIM").
fn keep_alternate(a: &str) -> bool {
    let n = a.chars().count();
    if !(2..=60).contains(&n) {
        return false;
    }
    let first = a.chars().next().unwrap_or(' ');
    if !first.is_uppercase() {
        return false;
    }
    if a.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        return false;
    }
    sitrep_text::fold(a).chars().all(|c| c.is_ascii() && (c.is_ascii_alphanumeric() || " -'.".contains(c)))
}

/// Parses one line (without its newline). `large`: the file is large (fewer alternates).
/// `Ok(None)`: a valid row the filter leaves out.
pub fn parse_row(line: &str, large: bool) -> Result<Option<DumpRow>, String> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 19 {
        return Err(format!("expected 19 tab-separated columns, found {}", cols.len()));
    }
    let gid: u32 = cols[0].trim().parse().map_err(|_| format!("geonameid {:?} is not a number", cols[0]))?;
    if gid == 0 {
        return Err("geonameid 0".to_string());
    }
    let lat: f64 = cols[4].trim().parse().map_err(|_| format!("latitude {:?} is not a number", cols[4]))?;
    let lon: f64 = cols[5].trim().parse().map_err(|_| format!("longitude {:?} is not a number", cols[5]))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates {lat}, {lon} out of range"));
    }
    let name = cols[1].trim();
    if name.is_empty() {
        return Err("empty name".to_string());
    }
    let class = cols[6].bytes().next().unwrap_or(b'?');
    let code = cols[7].trim();
    if large && !matches!(class, b'A' | b'P') && !KEPT_CODES.contains(&code) {
        return Ok(None);
    }
    let population: u64 = if cols[14].trim().is_empty() {
        0
    } else {
        cols[14].trim().parse().map_err(|_| format!("population {:?} is not a number", cols[14]))?
    };
    let ccb = cols[8].trim().as_bytes();
    let cc = if ccb.len() == 2 && ccb.iter().all(u8::is_ascii_uppercase) { [ccb[0], ccb[1]] } else { [b' ', b' '] };
    let mdate = cols[18].trim().replace('-', "").parse().unwrap_or(0);
    let cap = if large && population < 100_000 { MAX_ALTERNATES_LARGE } else { MAX_ALTERNATES };
    let mut alternates: Vec<String> = Vec::new();
    let mut keys: Vec<String> = vec![crate::keys::name_key(name)];
    for a in cols[3].split(',') {
        let a = a.trim();
        if alternates.len() >= cap || !keep_alternate(a) {
            continue;
        }
        let k = crate::keys::name_key(a);
        if k.is_empty() || keys.contains(&k) {
            continue;
        }
        keys.push(k);
        alternates.push(a.to_string());
    }
    Ok(Some(DumpRow {
        gid,
        name: name.to_string(),
        ascii: cols[2].trim().to_string(),
        alternates,
        lat,
        lon,
        class,
        code: code.to_string(),
        cc,
        admin1: cols[10].trim().to_string(),
        admin2: cols[11].trim().to_string(),
        population,
        mdate,
        prepared: None,
    }))
}

/// Adds one parsed row to the store; returns the new entry.
pub(crate) fn add_row(store: &mut Store, r: &DumpRow, pairs: &mut Vec<(u64, u32)>) -> u32 {
    let ci = store.country(r.cc);
    let has_a1 = !r.admin1.is_empty() && r.admin1 != "00";
    let a1 = if has_a1 { store.admin(ci, 1, &r.admin1) } else { NONE };
    let a2 = if has_a1 && !r.admin2.is_empty() { store.admin(ci, 2, &format!("{}\u{1f}{}", r.admin1, r.admin2)) } else { NONE };
    let code = r.code.as_str();
    let feature = match (r.class, code) {
        (b'A', "ADM1" | "ADM1H") => Feature::Admin1,
        (b'A', "ADM2" | "ADM2H") => Feature::Admin2,
        (b'A', "ADM3" | "ADM3H" | "ADM4" | "ADM4H" | "ADM5" | "ADMD") => Feature::Admin3,
        (b'A', c) if c.starts_with("PCL") => Feature::Country,
        (b'P', _) => Feature::Populated,
        _ => Feature::Other,
    };
    let mut flags = F_DUMP;
    if code == "PPLC" {
        flags |= F_CAPITAL | F_SEAT1;
    }
    if code == "PPLA" {
        flags |= F_SEAT1;
    }
    if matches!(code, "PPLA" | "PPLA2" | "PPLA3" | "PPLA4" | "PPLG") {
        flags |= F_SEAT;
    }
    let mut names: Vec<(Cow<'static, str>, u32)> = vec![(Cow::Owned(r.name.clone()), 0)];
    let short = matches!(feature, Feature::Admin1 | Feature::Admin2 | Feature::Admin3).then(|| short_admin_name(&r.name));
    if let Some(s) = &short
        && s != &r.name
    {
        names.push((Cow::Owned(s.clone()), 0));
    }
    if !r.ascii.is_empty() && r.ascii != r.name {
        names.push((Cow::Owned(r.ascii.clone()), 0));
        if short.is_some() {
            let sa = short_admin_name(&r.ascii);
            if sa != r.ascii {
                names.push((Cow::Owned(sa), 0));
            }
        }
    }
    for a in &r.alternates {
        names.push((Cow::Owned(a.clone()), ALT));
    }
    if let Some(p) = &r.prepared {
        names = p.iter().map(|(n, f)| (Cow::Owned(n.clone()), *f)).collect();
    }
    let row = Row {
        gid: r.gid,
        lat: r.lat,
        lon: r.lon,
        pop: r.population,
        cc: r.cc,
        a1,
        a2,
        feature: Some(feature),
        flags,
        mdate: r.mdate,
        names,
    };
    let e = store.push(row, pairs);
    match feature {
        Feature::Admin1 => store.name_admin(a1, short.as_deref().unwrap_or(&r.name), r.gid, r.mdate, e),
        Feature::Admin2 => store.name_admin(a2, short.as_deref().unwrap_or(&r.name), r.gid, r.mdate, e),
        Feature::Country if (code == "PCLI" || store.country_entry[usize::from(ci)] == NONE) && ci != 0 => {
            let cur = store.country_entry[usize::from(ci)];
            let replace = cur == NONE || store.e.flags[cur as usize] & F_DUMP == 0 || store.e.gid[cur as usize] > r.gid;
            if replace {
                store.country_entry[usize::from(ci)] = e;
            }
        }
        _ => {}
    }
    store.register_gid(e);
    e
}

/// Reads a dump from `reader`; returns (rows added, rows skipped with why).
pub(crate) fn read_dump(
    store: &mut Store,
    reader: impl Read,
    large: bool,
    countries: &mut Vec<u16>,
) -> std::io::Result<(usize, Vec<RowError>)> {
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut buf = Vec::with_capacity(4096);
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    let mut added = 0;
    let mut line_no = 0;
    let mut seen_cc = std::collections::HashSet::new();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
        if raw.iter().all(u8::is_ascii_whitespace) || raw.first() == Some(&b'#') {
            continue;
        }
        let Ok(line) = std::str::from_utf8(raw) else {
            errors.push(RowError { line: line_no, message: "not UTF-8".to_string() });
            continue;
        };
        match parse_row(line, large) {
            Ok(Some(row)) => {
                let e = add_row(store, &row, &mut pairs);
                if seen_cc.insert(store.e.cc[e as usize]) {
                    countries.push(store.e.cc[e as usize]);
                }
                added += 1;
            }
            Ok(None) => {}
            Err(message) => errors.push(RowError { line: line_no, message }),
        }
    }
    store.merge_index(pairs);
    Ok((added, errors))
}

// ---- index files: the rows kept from dumps, in a compact binary form ----

fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}
fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, u32::try_from(s.len()).unwrap_or(0));
    out.extend_from_slice(s.as_bytes());
}

/// Writes every dump row of `store` (built-in rows left out) as an index file.
pub(crate) fn write_index(store: &Store, mut w: impl Write) -> std::io::Result<usize> {
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice(INDEX_MAGIC);
    let mut n = 0;
    // admin codes back from the admin table
    let mut codes: Vec<Option<&str>> = vec![None; store.admins.len()];
    for ((_, _, code), &i) in &store.admin_ix {
        codes[i as usize] = Some(code);
    }
    for e in 0..store.e.len() as u32 {
        let i = e as usize;
        if store.e.flags[i] & F_DUMP == 0 {
            continue;
        }
        n += 1;
        let names: Vec<&str> = store.e.names_of(e).collect();
        put_u32(&mut out, store.e.gid[i]);
        put_u32(&mut out, store.e.lat[i] as u32);
        put_u32(&mut out, store.e.lon[i] as u32);
        put_u32(&mut out, store.e.pop[i]);
        put_u32(&mut out, store.e.mdate[i]);
        out.extend_from_slice(&store.countries[usize::from(store.e.cc[i])]);
        out.push(match store.e.feature[i] {
            Feature::Country => 0,
            Feature::Admin1 => 1,
            Feature::Admin2 => 2,
            Feature::Admin3 => 3,
            Feature::Populated => 4,
            Feature::Other => 5,
        });
        out.push(store.e.flags[i]);
        let a1 = if store.e.a1[i] == NONE { "" } else { codes[store.e.a1[i] as usize].unwrap_or("") };
        let a2 = if store.e.a2[i] == NONE { "" } else { codes[store.e.a2[i] as usize].unwrap_or("") };
        put_str(&mut out, a1);
        put_str(&mut out, a2.split('\u{1f}').nth(1).unwrap_or(""));
        put_u32(&mut out, u32::try_from(names.len()).unwrap_or(0));
        // the first names are the row's own (its name, short admin name, ASCII name), the
        // others alternates
        out.push(store.e.nprim[i]);
        for nm in names {
            put_str(&mut out, nm);
        }
        if out.len() > 1 << 22 {
            w.write_all(&out)?;
            out.clear();
        }
    }
    w.write_all(&out)?;
    w.flush()?;
    Ok(n)
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn str(&mut self) -> Option<&str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// Reads an index file's bytes (after the magic line). Returns the rows added.
pub(crate) fn read_index(store: &mut Store, bytes: &[u8], countries: &mut Vec<u16>) -> Result<usize, String> {
    let mut c = Cursor { b: bytes, at: 0 };
    let mut pairs = Vec::new();
    let mut n = 0;
    let mut seen_cc = std::collections::HashSet::new();
    while c.at < bytes.len() {
        let at = c.at + INDEX_MAGIC.len();
        let bad = || format!("index file truncated or corrupt in the row starting at byte {at}");
        let gid = c.u32().ok_or_else(bad)?;
        let lat = c.u32().ok_or_else(bad)? as i32;
        let lon = c.u32().ok_or_else(bad)? as i32;
        let pop = c.u32().ok_or_else(bad)?;
        let mdate = c.u32().ok_or_else(bad)?;
        let cc = c.take(2).ok_or_else(bad)?;
        let cc = [cc[0], cc[1]];
        let feature = c.u8().ok_or_else(bad)?;
        let flags = c.u8().ok_or_else(bad)?;
        let a1 = c.str().ok_or_else(bad)?.to_string();
        let a2 = c.str().ok_or_else(bad)?.to_string();
        let count = c.u32().ok_or_else(bad)? as usize;
        let nprim = usize::from(c.u8().ok_or_else(bad)?);
        let mut names = Vec::with_capacity(count.min(64));
        for k in 0..count {
            names.push((c.str().ok_or_else(bad)?.to_string(), if k < nprim { 0 } else { ALT }));
        }
        let class = match feature {
            0..=3 => b'A',
            4 => b'P',
            _ => b'X',
        };
        let code = match feature {
            0 => "PCLI",
            1 => "ADM1",
            2 => "ADM2",
            3 => "ADM3",
            _ if flags & F_CAPITAL != 0 => "PPLC",
            _ if flags & F_SEAT1 != 0 => "PPLA",
            _ if flags & F_SEAT != 0 => "PPLA2",
            _ => "",
        };
        let name = names.first().map(|n| n.0.clone()).unwrap_or_default();
        let row = DumpRow {
            gid,
            ascii: String::new(),
            alternates: Vec::new(),
            prepared: Some(names),
            name,
            lat: f64::from(lat) / 1e5,
            lon: f64::from(lon) / 1e5,
            class,
            code: code.to_string(),
            cc,
            admin1: a1,
            admin2: a2,
            population: u64::from(pop),
            mdate,
        };
        let e = add_row(store, &row, &mut pairs);
        if seen_cc.insert(store.e.cc[e as usize]) {
            countries.push(store.e.cc[e as usize]);
        }
        n += 1;
    }
    store.merge_index(pairs);
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cols: &[&str]) -> String {
        cols.join("\t")
    }

    #[test]
    fn parses_a_row_and_filters_alternates() {
        let l = line(&[
            "101",
            "Tabla",
            "Tabla",
            "Tabla,Tablah,TBL,tabla,تبلة",
            "14.5",
            "1.25",
            "P",
            "PPL",
            "NE",
            "",
            "09",
            "555",
            "",
            "",
            "1200",
            "",
            "250",
            "Africa/Niamey",
            "2012-01-18",
        ]);
        let r = parse_row(&l, false).unwrap().unwrap();
        assert_eq!(r.gid, 101);
        assert_eq!(r.alternates, vec!["Tablah".to_string()]);
        assert_eq!(r.population, 1200);
        assert_eq!(r.mdate, 20120118);
    }

    #[test]
    fn reports_what_is_wrong() {
        assert!(parse_row("1\tX", false).unwrap_err().contains("19"));
        let l = line(&["x", "A", "A", "", "1", "1", "P", "PPL", "NE", "", "", "", "", "", "", "", "", "", ""]);
        assert!(parse_row(&l, false).unwrap_err().contains("geonameid"));
        let l = line(&["3", "A", "A", "", "91", "1", "P", "PPL", "NE", "", "", "", "", "", "", "", "", "", ""]);
        assert!(parse_row(&l, false).unwrap_err().contains("range"));
    }

    #[test]
    fn large_files_keep_places_and_areas() {
        let l = line(&["3", "Wadi", "Wadi", "", "10", "1", "H", "WAD", "NE", "", "", "", "", "", "", "", "", "", ""]);
        assert_eq!(parse_row(&l, true).unwrap(), None);
        assert!(parse_row(&l, false).unwrap().is_some());
    }
}
