//! The gazetteer's storage: entries in columns, admin areas, the name index, and the rules that
//! merge several sources (the built-in data and any number of GeoNames dumps) into one view
//! that does not depend on the order they were loaded in.

use crate::keys::{hash, name_key};
use crate::{Feature, Place};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// "No such thing" for u32 references.
pub(crate) const NONE: u32 = u32::MAX;
/// Seed of the exact-name index.
pub(crate) const SEED_NAME: u64 = 1;

/// Flag bits of an index value (the low 27 bits are the entry).
pub(crate) const ALT: u32 = 1 << 31;
/// The name is a demonym of the entry ("Malian").
pub(crate) const DEMONYM: u32 = 1 << 30;
/// The name matches only when written in capitals in the text ("US", "DRC").
pub(crate) const CAPS: u32 = 1 << 29;
/// The name is an abbreviation ending with a dot ("Calif.", "Va."): it matches only when the
/// text has the dot.
pub(crate) const DOT: u32 = 1 << 28;
/// A name sitrep's own tables give (`data/names.tsv`): curated, it outranks a GeoNames row
/// that happens to share it ("Atlantic" the ocean, not Atlantic, Iowa).
pub(crate) const CURATED: u32 = 1 << 27;
/// Mask of the entry number in an index value.
pub(crate) const ENTRY: u32 = (1 << 27) - 1;

/// Flag bits of `Entries::flags`.
pub(crate) const F_CAPITAL: u8 = 1;
/// A continent, world region or sea.
pub(crate) const F_REGION: u8 = 2;
/// Loaded from a GeoNames dump (not the built-in data).
pub(crate) const F_DUMP: u8 = 4;
/// The seat of an admin area (GeoNames PPLA..PPLA4).
pub(crate) const F_SEAT: u8 = 8;
/// A building or district news names for its institution ("White House", "Kremlin").
pub(crate) const F_LANDMARK: u8 = 16;
/// The seat of a first-level division (GeoNames PPLA; also a national capital, PPLC).
pub(crate) const F_SEAT1: u8 = 32;
/// A dump row without a first-level division (an airport, a hill: GeoNames' "00") given the
/// one of the nearest town (see [`Store::reconcile`]).
pub(crate) const F_A1_GUESS: u8 = 64;

/// Within this distance (km) of a town, a row without a first-level division takes the town's.
const A1_GUESS_KM: f64 = 30.0;

/// One admin area: a first- or second-level division of a country, named by the ADM1/ADM2
/// rows of the dumps (short common name) or by the built-in data.
#[derive(Debug, Clone)]
pub(crate) struct Admin {
    pub cc: u16,
    /// Short common name ("Tillaberi", not "Tillaberi Region").
    pub name: Option<Box<str>>,
    /// GeoNames id of the row that named it (the smallest wins; `NONE`: built-in).
    pub name_gid: u32,
    /// Modification date of that row (of two rows with one id, the newer names it).
    pub name_mdate: u32,
    /// The gazetteer entry of the area itself, when there is one.
    pub entry: u32,
}

/// The columns of every entry.
#[derive(Debug, Default)]
pub(crate) struct Entries {
    pub gid: Vec<u32>,
    /// Latitude and longitude in 1e-5 degrees.
    pub lat: Vec<i32>,
    pub lon: Vec<i32>,
    pub pop: Vec<u32>,
    /// The population the row itself gives (`pop` may be raised from a built-in row it
    /// replaces).
    pub pop0: Vec<u32>,
    pub cc: Vec<u16>,
    pub a1: Vec<u32>,
    pub a2: Vec<u32>,
    pub feature: Vec<Feature>,
    pub flags: Vec<u8>,
    /// GeoNames modification date as yyyymmdd (0: unknown); decides between two rows with one id.
    pub mdate: Vec<u32>,
    /// Start of the entry's names in `arena` (names separated by tabs, the first is the name).
    pub names: Vec<u32>,
    /// How many of the entry's names come before its first alternate name.
    pub nprim: Vec<u8>,
    pub arena: String,
    /// `NONE`: visible; else the entry this one stands for (a duplicate or a built-in row that a
    /// dump row replaces).
    pub redirect: Vec<u32>,
}

impl Entries {
    pub fn len(&self) -> usize {
        self.gid.len()
    }
    pub fn names_of(&self, e: u32) -> impl Iterator<Item = &str> {
        let i = e as usize;
        let start = self.names[i] as usize;
        let end = self.names.get(i + 1).map_or(self.arena.len(), |&x| x as usize);
        self.arena[start..end].split('\t').filter(|s| !s.is_empty())
    }
    pub fn name_of(&self, e: u32) -> &str {
        self.names_of(e).next().unwrap_or("")
    }
    pub fn lat_f(&self, e: u32) -> f64 {
        f64::from(self.lat[e as usize]) / 1e5
    }
    pub fn lon_f(&self, e: u32) -> f64 {
        f64::from(self.lon[e as usize]) / 1e5
    }
}

/// One row to add, whatever its source.
#[derive(Debug, Clone, Default)]
pub(crate) struct Row {
    pub gid: u32,
    pub lat: f64,
    pub lon: f64,
    pub pop: u64,
    pub cc: [u8; 2],
    pub a1: u32,
    pub a2: u32,
    pub feature: Option<Feature>,
    pub flags: u8,
    pub mdate: u32,
    /// (name, index flags) pairs; the first is the entry's own name.
    pub names: Vec<(Cow<'static, str>, u32)>,
}

/// The seat of each first-level division (by admin index), found on first use.
pub(crate) type SeatSlot = OnceLock<HashMap<u32, u32>>;

/// Per-country fuzzy index, built on first use (see `crate::fuzzy`).
pub(crate) type FuzzySlot = OnceLock<crate::fuzzy::FuzzyIndex>;

/// Everything the gazetteer holds.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub e: Entries,
    /// Country codes by index (0: none).
    pub countries: Vec<[u8; 2]>,
    pub country_ix: HashMap<[u8; 2], u16>,
    /// The entry of each country (by country index), `NONE` when unknown.
    pub country_entry: Vec<u32>,
    /// The short name of each country the built-in data knows ("Niger", where a dump's row
    /// says "Republic of Niger").
    pub country_name: HashMap<u16, Box<str>>,
    pub admins: Vec<Admin>,
    pub admin_ix: HashMap<(u16, u8, Box<str>), u32>,
    /// Sorted (name hash, entry | flags) pairs.
    pub index: Vec<(u64, u32)>,
    /// One bit per name hash (its top bits): most text spans are no name and stop here.
    pub filter: Vec<u64>,
    /// log2 of the filter's size in bits.
    pub filter_bits: u32,
    /// Radix directory of the index: `dir[b]` is the first position whose hash has top bits
    /// `>= b` (`dir_bits` of them), so a lookup reads a range of about one pair instead of
    /// searching the whole index.
    pub dir: Vec<u32>,
    pub dir_bits: u32,
    /// Entries whose GeoNames id is known, by id (the visible one).
    pub by_gid: HashMap<u32, u32>,
    pub fuzzy: HashMap<u16, FuzzySlot>,
    /// Seats of first-level divisions (see [`Store::admin1_seat`]).
    pub seats: SeatSlot,
    /// Messages about rows that were skipped.
    pub warnings: Vec<String>,
    /// Countries GeoNames dumps were loaded for (sorted).
    pub dump_countries: Vec<u16>,
}

impl Store {
    pub fn new() -> Self {
        let mut s = Store::default();
        s.countries.push(*b"  ");
        s.country_entry.push(NONE);
        s
    }

    /// The index of country `cc` (created when new). Empty or invalid codes give 0.
    pub fn country(&mut self, cc: [u8; 2]) -> u16 {
        if !cc.iter().all(u8::is_ascii_uppercase) {
            return 0;
        }
        if let Some(&i) = self.country_ix.get(&cc) {
            return i;
        }
        let i = u16::try_from(self.countries.len()).unwrap_or(0);
        self.countries.push(cc);
        self.country_entry.push(NONE);
        self.country_ix.insert(cc, i);
        i
    }

    /// Empties the fuzzy indexes and the seats (after a load: they are rebuilt on next use).
    pub fn reset_fuzzy(&mut self) {
        self.fuzzy = (1..self.countries.len()).map(|i| (u16::try_from(i).unwrap_or(0), FuzzySlot::new())).collect();
        self.seats = SeatSlot::new();
    }

    /// The seat of first-level division `a1` (the entry of its capital town), when a GeoNames
    /// dump marks one (PPLA, or the national capital inside it); the most populous if several.
    pub fn admin1_seat(&self, a1: u32) -> Option<u32> {
        let seats = self.seats.get_or_init(|| {
            let mut best: HashMap<u32, u32> = HashMap::new();
            for e in 0..self.e.len() as u32 {
                let i = e as usize;
                if self.e.flags[i] & F_SEAT1 == 0 || self.e.redirect[i] != NONE || self.e.a1[i] == NONE {
                    continue;
                }
                let slot = best.entry(self.e.a1[i]).or_insert(e);
                let key = |x: u32| (self.e.pop[x as usize], std::cmp::Reverse(self.e.gid[x as usize]));
                if key(e) > key(*slot) {
                    *slot = e;
                }
            }
            best
        });
        seats.get(&a1).copied()
    }

    pub fn cc_str(&self, i: u16) -> Option<&str> {
        if i == 0 {
            return None;
        }
        self.countries.get(usize::from(i)).and_then(|c| std::str::from_utf8(c).ok())
    }

    /// The admin area `(cc, level, code)` (created when new).
    pub fn admin(&mut self, cc: u16, level: u8, code: &str) -> u32 {
        if cc == 0 || code.is_empty() {
            return NONE;
        }
        let key = (cc, level, Box::<str>::from(code));
        if let Some(&i) = self.admin_ix.get(&key) {
            return i;
        }
        let i = u32::try_from(self.admins.len()).unwrap_or(NONE);
        self.admins.push(Admin { cc, name: None, name_gid: NONE, name_mdate: 0, entry: NONE });
        self.admin_ix.insert(key, i);
        i
    }

    /// Names admin area `a` after a row with id `gid` (the smallest id wins, so the result
    /// does not depend on the order of the files).
    pub fn name_admin(&mut self, a: u32, name: &str, gid: u32, mdate: u32, entry: u32) {
        if a == NONE {
            return;
        }
        let ad = &mut self.admins[a as usize];
        let cur = (ad.name_gid, std::cmp::Reverse(ad.name_mdate), ad.name.as_deref().unwrap_or(""));
        let better = ad.name.is_none() || (gid, std::cmp::Reverse(mdate), name) < cur;
        if better {
            ad.name = Some(name.into());
            ad.name_gid = gid;
            ad.name_mdate = mdate;
            ad.entry = entry;
        }
    }

    /// The first-level division of country `cc` with the given name (spelling as the
    /// gazetteer's names and variants: "Tillaberi", "Tillabéri").
    pub fn admin1_named(&self, cc: u16, name: &str) -> Option<u32> {
        let key = crate::keys::name_key(name);
        self.lookup_key(&key).iter().find_map(|&(_, v)| {
            let e = self.visible(v & ENTRY) as usize;
            (self.e.feature[e] == crate::Feature::Admin1 && self.e.cc[e] == cc && self.e.a1[e] != NONE).then_some(self.e.a1[e])
        })
    }

    pub fn admin_name(&self, a: u32) -> Option<&str> {
        if a == NONE {
            return None;
        }
        self.admins.get(a as usize).and_then(|x| x.name.as_deref())
    }

    /// Adds one entry; returns its number and the (hash, value) pairs of its names.
    pub fn push(&mut self, r: Row, pairs: &mut Vec<(u64, u32)>) -> u32 {
        let e = u32::try_from(self.e.len()).unwrap_or(NONE);
        debug_assert!(e < ENTRY);
        let cc = self.country(r.cc);
        let en = &mut self.e;
        en.gid.push(r.gid);
        en.lat.push(to_e5(r.lat));
        en.lon.push(to_e5(r.lon));
        en.pop.push(u32::try_from(r.pop).unwrap_or(u32::MAX));
        en.pop0.push(u32::try_from(r.pop).unwrap_or(u32::MAX));
        en.cc.push(cc);
        en.a1.push(r.a1);
        en.a2.push(r.a2);
        en.feature.push(r.feature.unwrap_or(Feature::Other));
        en.flags.push(r.flags);
        en.mdate.push(r.mdate);
        en.names.push(u32::try_from(en.arena.len()).unwrap_or(u32::MAX));
        en.redirect.push(NONE);
        let mut nprim = 0usize;
        let mut count = 0usize;
        let mut seen: Vec<(u64, u32)> = Vec::with_capacity(r.names.len());
        for (name, fl) in &r.names {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            if count > 0 {
                en.arena.push('\t');
            }
            en.arena.push_str(name);
            let fl = if count == 0 { fl & !ALT } else { *fl };
            if fl & ALT == 0 && nprim == count {
                nprim += 1;
            }
            count += 1;
            let h = hash(&key, SEED_NAME);
            if seen.contains(&(h, fl)) {
                continue;
            }
            pairs.push((h, e | fl));
            seen.push((h, fl));
        }
        en.nprim.push(u8::try_from(nprim.max(1)).unwrap_or(u8::MAX));
        e
    }

    /// Merges new (hash, value) pairs into the sorted index.
    pub fn merge_index(&mut self, mut pairs: Vec<(u64, u32)>) {
        pairs.sort_unstable();
        pairs.dedup();
        if self.index.is_empty() {
            self.index = pairs;
            self.build_filter();
            return;
        }
        let old = std::mem::take(&mut self.index);
        let mut out = Vec::with_capacity(old.len() + pairs.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() && j < pairs.len() {
            if old[i] <= pairs[j] {
                out.push(old[i]);
                i += 1;
            } else {
                out.push(pairs[j]);
                j += 1;
            }
        }
        out.extend_from_slice(&old[i..]);
        out.extend_from_slice(&pairs[j..]);
        out.dedup();
        self.index = out;
        self.build_filter();
    }

    fn build_filter(&mut self) {
        let want = (self.index.len().max(1) * 8).next_power_of_two().clamp(1 << 16, 1 << 28);
        self.filter_bits = want.trailing_zeros();
        self.filter = vec![0u64; want / 64];
        let shift = 64 - self.filter_bits;
        for &(h, _) in &self.index {
            let b = (h >> shift) as usize;
            self.filter[b / 64] |= 1 << (b % 64);
        }
        // about one pair per directory slot
        let slots = self.index.len().max(1).next_power_of_two().clamp(1 << 10, 1 << 26);
        self.dir_bits = slots.trailing_zeros();
        let dshift = 64 - self.dir_bits;
        self.dir = Vec::with_capacity(slots + 1);
        let mut pos = 0usize;
        for b in 0..slots as u64 {
            while pos < self.index.len() && (self.index[pos].0 >> dshift) < b {
                pos += 1;
            }
            self.dir.push(pos as u32);
        }
        self.dir.push(self.index.len() as u32);
    }

    /// Index values stored under the key `key` (an exact [`name_key`]).
    pub fn lookup_key(&self, key: &str) -> &[(u64, u32)] {
        let h = hash(key, SEED_NAME);
        if self.filter_bits > 0 {
            let b = (h >> (64 - self.filter_bits)) as usize;
            if self.filter[b / 64] & (1 << (b % 64)) == 0 {
                return &[];
            }
        }
        let (from, to) = if self.dir_bits > 0 && self.index.len() < u32::MAX as usize {
            let b = (h >> (64 - self.dir_bits)) as usize;
            (self.dir[b] as usize, self.dir[b + 1] as usize)
        } else {
            (0, self.index.len())
        };
        let part = &self.index[from..to];
        let lo = part.partition_point(|p| p.0 < h);
        let hi = lo + part[lo..].partition_point(|p| p.0 == h);
        &part[lo..hi]
    }

    /// The visible entry `e` stands for.
    pub fn visible(&self, mut e: u32) -> u32 {
        for _ in 0..8 {
            let r = self.e.redirect[e as usize];
            if r == NONE {
                return e;
            }
            e = r;
        }
        e
    }

    /// Records entry `e` under its GeoNames id; when another entry has the id, the better row
    /// (later modification date, then more names, then smaller coordinates) stays visible and
    /// the other points to it.
    pub fn register_gid(&mut self, e: u32) {
        let gid = self.e.gid[e as usize];
        if gid == 0 {
            return;
        }
        match self.by_gid.get(&gid).copied() {
            None => {
                self.by_gid.insert(gid, e);
            }
            Some(o) if o == e => {}
            Some(o) => {
                let rank = |x: u32| {
                    let i = x as usize;
                    let dump = self.e.flags[i] & F_DUMP != 0;
                    (dump, self.e.mdate[i], self.e.names_of(x).count(), std::cmp::Reverse((self.e.lat[i], self.e.lon[i])))
                };
                let (keep, drop) = if rank(e) > rank(o) { (e, o) } else { (o, e) };
                self.e.redirect[drop as usize] = keep;
                self.e.redirect[keep as usize] = NONE;
                self.by_gid.insert(gid, keep);
            }
        }
    }

    /// After a dump was loaded: built-in rows of the countries it covers that the dump
    /// replaces point to the dump's row (same GeoNames id; the same admin area; or the same
    /// name, same kind, within 10 km; the nearest, then the smallest id, wins).
    pub fn reconcile(&mut self, countries: &[u16]) {
        for &c in countries {
            if c != 0 && !self.dump_countries.contains(&c) {
                self.dump_countries.push(c);
            }
        }
        self.dump_countries.sort_unstable();
        let covered: std::collections::HashSet<u16> = countries.iter().copied().collect();
        for i in 0..self.e.len() {
            if self.e.flags[i] & F_DUMP != 0 && covered.contains(&self.e.cc[i]) {
                self.e.pop[i] = self.e.pop0[i];
            }
        }
        for e in 0..self.e.len() as u32 {
            let i = e as usize;
            if self.e.flags[i] & F_DUMP != 0 || !covered.contains(&self.e.cc[i]) {
                continue;
            }
            let target = match self.e.feature[i] {
                Feature::Country => {
                    let ce = self.country_entry[usize::from(self.e.cc[i])];
                    (ce != NONE && ce != e).then_some(ce)
                }
                Feature::Admin1 | Feature::Admin2 => {
                    let a = if self.e.feature[i] == Feature::Admin1 { self.e.a1[i] } else { self.e.a2[i] };
                    let ent = if a == NONE { NONE } else { self.admins[a as usize].entry };
                    if ent != NONE && ent != e && self.e.flags[ent as usize] & F_DUMP != 0 {
                        Some(ent)
                    } else {
                        self.same_named_dump_entry(e, 60.0)
                    }
                }
                _ => {
                    let gid = self.e.gid[i];
                    match self.by_gid.get(&gid) {
                        Some(&o) if gid != 0 && o != e => Some(o),
                        _ => self.same_named_dump_entry(e, 10.0),
                    }
                }
            };
            if let Some(t) = target {
                let t = self.visible(t);
                self.e.redirect[i] = t;
                // the dump row keeps the population the built-in row knew
                let p = self.e.pop[i];
                let t = t as usize;
                self.e.pop[t] = self.e.pop[t].max(p);
            }
        }
        let all: std::collections::HashSet<u16> = self.dump_countries.iter().copied().collect();
        self.guess_admin1(&all);
    }

    /// Dump rows of the countries of every dump loaded without a first-level division
    /// (airports, hills, wells: GeoNames' "00") take the one of the nearest populated row
    /// within [`A1_GUESS_KM`] (recomputed from scratch at every load: the result does not
    /// depend on the order of the files).
    fn guess_admin1(&mut self, covered: &std::collections::HashSet<u16>) {
        let n = self.e.len();
        for i in 0..n {
            if self.e.flags[i] & F_A1_GUESS != 0 {
                self.e.a1[i] = NONE;
                self.e.flags[i] &= !F_A1_GUESS;
            }
        }
        let cell = |la: f64, lo: f64| ((la * 4.0).floor() as i32, (lo * 4.0).floor() as i32);
        let mut grid: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        let mut wanted = false;
        for e in 0..n as u32 {
            let i = e as usize;
            if !covered.contains(&self.e.cc[i]) || self.e.redirect[i] != NONE {
                continue;
            }
            if self.e.a1[i] == NONE {
                wanted |= self.e.flags[i] & F_DUMP != 0 && !matches!(self.e.feature[i], Feature::Country | Feature::Admin1);
            } else if self.e.feature[i] == Feature::Populated {
                grid.entry(cell(self.e.lat_f(e), self.e.lon_f(e))).or_default().push(e);
            }
        }
        if !wanted {
            return;
        }
        for e in 0..n as u32 {
            let i = e as usize;
            if self.e.a1[i] != NONE
                || self.e.flags[i] & F_DUMP == 0
                || !covered.contains(&self.e.cc[i])
                || matches!(self.e.feature[i], Feature::Country | Feature::Admin1)
            {
                continue;
            }
            let (la, lo) = (self.e.lat_f(e), self.e.lon_f(e));
            let (cy, cx) = cell(la, lo);
            let mut best: Option<(f64, u32, u32)> = None;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    for &t in grid.get(&(cy + dy, cx + dx)).map_or(&[][..], |v| &v[..]) {
                        let ti = t as usize;
                        if self.e.cc[ti] != self.e.cc[i] {
                            continue;
                        }
                        let d = crate::geo::km(la, lo, self.e.lat_f(t), self.e.lon_f(t));
                        let key = (d, self.e.gid[ti], t);
                        if d <= A1_GUESS_KM && best.is_none_or(|b| (key.0, key.1, key.2) < b) {
                            best = Some(key);
                        }
                    }
                }
            }
            if let Some((_, _, t)) = best {
                self.e.a1[i] = self.e.a1[t as usize];
                self.e.flags[i] |= F_A1_GUESS;
            }
        }
    }

    /// The nearest dump entry with `e`'s name, kind and country within `km`.
    fn same_named_dump_entry(&self, e: u32, km: f64) -> Option<u32> {
        let i = e as usize;
        let key = name_key(self.e.name_of(e));
        let mut best: Option<(f64, u32, u32)> = None;
        for &(_, v) in self.lookup_key(&key) {
            let o = v & ENTRY;
            let j = o as usize;
            if self.e.flags[j] & F_DUMP == 0 || self.e.cc[j] != self.e.cc[i] || self.e.redirect[j] != NONE {
                continue;
            }
            let same_kind = self.e.feature[j] == self.e.feature[i]
                || (self.e.feature[i] == Feature::Populated && self.e.feature[j] == Feature::Other && self.e.pop[j] > 0);
            if !same_kind {
                continue;
            }
            let d = crate::geo::km(self.e.lat_f(e), self.e.lon_f(e), self.e.lat_f(o), self.e.lon_f(o));
            if d <= km && best.is_none_or(|(bd, bg, _)| (d, self.e.gid[j]) < (bd, bg)) {
                best = Some((d, self.e.gid[j], o));
            }
        }
        best.map(|b| b.2)
    }

    /// A country, an admin1 area, a region, a capital, or a city of a million people.
    pub fn is_strong(&self, e: u32) -> bool {
        let i = e as usize;
        matches!(self.e.feature[i], Feature::Country | Feature::Admin1)
            || self.e.flags[i] & (F_REGION | F_CAPITAL | F_LANDMARK) != 0
            || self.e.pop[i] >= 1_000_000
    }

    /// The public view of entry `e`.
    pub fn place(&self, e: u32) -> Place {
        let i = e as usize;
        let feature = self.e.feature[i];
        let name = match feature {
            Feature::Country => self.country_name.get(&self.e.cc[i]).map(|s| s.to_string()),
            Feature::Admin1 => self.admin_name(self.e.a1[i]).map(str::to_string),
            Feature::Admin2 => self.admin_name(self.e.a2[i]).map(str::to_string),
            _ => None,
        }
        .unwrap_or_else(|| self.e.name_of(e).to_string());
        Place {
            name,
            country_code: self.cc_str(self.e.cc[i]).unwrap_or("").to_string(),
            admin1: self.admin_name(self.e.a1[i]).map(str::to_string),
            admin2: self.admin_name(self.e.a2[i]).map(str::to_string),
            lat: self.e.lat_f(e),
            lon: self.e.lon_f(e),
            geonames_id: (self.e.gid[i] != 0).then_some(u64::from(self.e.gid[i])),
            feature,
            population: u64::from(self.e.pop[i]),
        }
    }
}

fn to_e5(x: f64) -> i32 {
    (x * 1e5).round().clamp(-18_000_000.0, 18_000_000.0) as i32
}

/// The short common name of an admin area from a GeoNames name: "Tillaberi Region" ->
/// "Tillaberi", "Département de Téra" -> "Téra", "Guidan Roumdji Department" -> "Guidan
/// Roumdji", "Cercle de Gao" -> "Gao", "Borno State" -> "Borno".
pub fn short_admin_name(name: &str) -> String {
    const PREFIXES: &[&str] = &[
        "département de la ",
        "département de l'",
        "département de l’",
        "département des ",
        "département du ",
        "département de ",
        "département d'",
        "département d’",
        "department of ",
        "région de la ",
        "région du ",
        "région de ",
        "région d'",
        "région d’",
        "region de ",
        "region of ",
        "province de la ",
        "province du ",
        "province des ",
        "province de ",
        "province d'",
        "province of ",
        "préfecture de ",
        "prefecture de ",
        "cercle de ",
        "cercle d'",
        "commune urbaine de ",
        "commune rurale de ",
        "commune de ",
        "arrondissement de ",
        "district de ",
        "district of ",
        "wilaya de ",
        "gouvernorat de ",
        "governorate of ",
        "municipality of ",
        "state of ",
        "estado de ",
        "provincia de ",
        "provincia di ",
        "distrito de ",
    ];
    const SUFFIXES: &[&str] = &[
        " region",
        " department",
        " province",
        " prefecture",
        " cercle",
        " district",
        " state",
        " governorate",
        " municipality",
        " division",
        " commune",
        " oblast",
        " county",
    ];
    let trimmed = name.trim();
    let lower = trimmed.to_lowercase();
    let mut start = 0;
    for p in PREFIXES {
        if lower.starts_with(p) && lower.len() > p.len() {
            start = p.len();
            break;
        }
    }
    let mut end = trimmed.len();
    for s in SUFFIXES {
        if lower.ends_with(s) && lower.len() > start + s.len() {
            end = lower.len() - s.len();
            break;
        }
    }
    // lower and trimmed have the same byte length for the prefixes and suffixes above (ASCII
    // or é/É, which keep their length when lowercased); fall back to the name when not.
    match trimmed.get(start..end) {
        Some(s) if lower.len() == trimmed.len() => s.trim().trim_start_matches(['\'', '’']).trim().to_string(),
        _ => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_admin_names() {
        assert_eq!(short_admin_name("Tillaberi Region"), "Tillaberi");
        assert_eq!(short_admin_name("Département de Téra"), "Téra");
        assert_eq!(short_admin_name("Département d' Illéla"), "Illéla");
        assert_eq!(short_admin_name("Département du Boboye"), "Boboye");
        assert_eq!(short_admin_name("Guidan Roumdji Department"), "Guidan Roumdji");
        assert_eq!(short_admin_name("Cercle de Gao"), "Gao");
        assert_eq!(short_admin_name("Borno State"), "Borno");
        assert_eq!(short_admin_name("Région de Tombouctou"), "Tombouctou");
        assert_eq!(short_admin_name("Region"), "Region");
        assert_eq!(short_admin_name("Zinder"), "Zinder");
    }
}
