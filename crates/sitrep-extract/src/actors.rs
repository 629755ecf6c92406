//! Actors: a documented table of armed groups and forces, matched in text.
//!
//! The built-in table (`data/actors.toml`, documented in the file itself) covers the Sahel and
//! Lake Chad armed groups (IS Sahel / ISGS, ISWAP, JNIM and its katibas, Boko Haram / JAS,
//! Ansaroul Islam, AQIM, Azawad movements, Chadian and Nigerien rebels, communal and ethnic
//! militias), the armies, police, gendarmeries, governments and defence ministries of Niger,
//! Mali, Burkina Faso, Nigeria and Chad, French and US forces, Wagner / Africa Corps, MNJTF,
//! G5 Sahel and MINUSMA, and generic entries for unnamed actors ("gunmen" ->
//! "Unidentified Armed Group ({country})", "vigilantes" -> "Unidentified Communal Militia
//! ({country})", "soldiers" -> "Military Forces of {country}"). [`ActorTable::extend_toml`]
//! adds a user's table in the same format.
//!
//! Aliases match case-insensitively on word boundaries (accents optional, straight or
//! typographic apostrophes); acronyms ("IS", "JAS", "FDS") match case-sensitively; the longest
//! match wins ("Islamic State Sahel" over "Islamic State").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use sitrep_model::taxonomy::ActorKind;
use sitrep_model::{ExtractorId, Span};
use std::collections::HashMap;

use crate::lexicon::country_name;

/// One actor mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMention {
    /// Bytes of the text given to [`find`].
    pub span: Span,
    /// Normalised name ("Military Forces of Niger"); generic entries without a country.
    pub name: String,
    /// ACLED kind (at home; see [`ActorTable::resolve`]).
    pub kind: ActorKind,
    /// The rule that found it.
    pub extractor: ExtractorId,
    /// Index of the table entry.
    pub entry: usize,
}

/// One entry of the table.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    /// Normalised name; `{country}` stands for the event's country in generic entries.
    pub name: String,
    /// ACLED kind at home.
    pub kind: ActorKind,
    /// ISO code of the actor's country, `*` for the event's country, none for transnational.
    #[serde(default)]
    pub country: Option<String>,
    /// ISO codes of the countries the actor operates in (transnational groups, forces
    /// deployed abroad). Context for places nothing else in the text anchors.
    #[serde(default)]
    pub area: Vec<String>,
    /// Case-insensitive names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Case-sensitive names.
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// With `nouns`: every "prefix noun" is an alias.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// See `prefixes`.
    #[serde(default)]
    pub nouns: Vec<String>,
}

impl ActorEntry {
    /// True for entries that take the event's country.
    pub fn generic(&self) -> bool {
        self.country.as_deref() == Some("*")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
}

/// An actor table that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ActorTableError {
    /// Not valid TOML or not the table's shape.
    #[error("actor table: {0}")]
    Parse(String),
    /// An entry with an empty name or no names to match.
    #[error("actor table: entry {0:?} has no name or nothing to match")]
    Empty(String),
}

/// The actor table: names, aliases, kinds, countries, and the matchers built from them.
#[derive(Clone, Debug, Default)]
pub struct ActorTable {
    entries: Vec<ActorEntry>,
    ci: Option<AhoCorasick>,
    ci_entry: Vec<usize>,
    cs: Option<AhoCorasick>,
    cs_entry: Vec<usize>,
}

const BUILTIN: &str = include_str!("../data/actors.toml");
const TABLE: ExtractorId = ExtractorId::new("actor.table.v1");

impl ActorTable {
    /// The built-in table.
    pub fn builtin() -> Self {
        match Self::from_toml(BUILTIN) {
            Ok(t) => t,
            // The built-in file is tested; an error here is a build defect.
            Err(e) => panic!("built-in actor table: {e}"),
        }
    }

    /// A table from TOML text (see `data/actors.toml` for the format).
    pub fn from_toml(text: &str) -> Result<Self, ActorTableError> {
        let mut t = ActorTable::default();
        t.extend_toml(text)?;
        Ok(t)
    }

    /// Adds the entries of a TOML table; an entry named like an existing one adds its names
    /// to it.
    pub fn extend_toml(&mut self, text: &str) -> Result<(), ActorTableError> {
        let file: TableFile = toml::from_str(text).map_err(|e| ActorTableError::Parse(e.to_string()))?;
        for e in file.actor {
            if e.name.trim().is_empty() || (e.aliases.is_empty() && e.acronyms.is_empty() && (e.prefixes.is_empty() || e.nouns.is_empty()))
            {
                return Err(ActorTableError::Empty(e.name));
            }
            if let Some(old) = self.entries.iter_mut().find(|o| o.name == e.name) {
                old.aliases.extend(e.aliases);
                old.acronyms.extend(e.acronyms);
                old.prefixes.extend(e.prefixes);
                old.nouns.extend(e.nouns);
                old.area.extend(e.area);
            } else {
                self.entries.push(e);
            }
        }
        self.build();
        Ok(())
    }

    /// The entries.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    fn build(&mut self) {
        let mut ci: Vec<String> = Vec::new();
        let mut ci_entry = Vec::new();
        let mut cs: Vec<String> = Vec::new();
        let mut cs_entry = Vec::new();
        let mut seen_ci: HashMap<String, usize> = HashMap::new();
        let mut seen_cs: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            let mut names: Vec<String> = e.aliases.clone();
            for p in &e.prefixes {
                for n in &e.nouns {
                    names.push(format!("{p} {n}"));
                }
            }
            for n in names {
                for v in variants(&n) {
                    let key = v.to_ascii_lowercase();
                    if seen_ci.contains_key(&key) {
                        continue;
                    }
                    seen_ci.insert(key, i);
                    ci.push(v);
                    ci_entry.push(i);
                }
            }
            for a in &e.acronyms {
                for v in variants(a) {
                    if seen_cs.contains_key(&v) {
                        continue;
                    }
                    seen_cs.insert(v.clone(), i);
                    cs.push(v);
                    cs_entry.push(i);
                }
            }
        }
        let build = |pats: &[String], ci: bool| {
            if pats.is_empty() {
                return None;
            }
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).ascii_case_insensitive(ci).build(pats).ok()
        };
        self.ci = build(&ci, true);
        self.ci_entry = ci_entry;
        self.cs = build(&cs, false);
        self.cs_entry = cs_entry;
    }

    /// The name and kind of entry `i` in an event in `event_country` (ISO code): generic
    /// names get the country ("Unidentified Armed Group (Niger)"); national forces acting
    /// outside their country are external forces, as ACLED codes them.
    pub fn resolve(&self, i: usize, event_country: Option<&str>) -> (String, ActorKind) {
        let e = &self.entries[i];
        let cname = event_country.and_then(country_name);
        let name = match (e.generic(), cname) {
            (true, Some(c)) => e.name.replace("{country}", c),
            (true, None) => strip_country(&e.name),
            _ => e.name.clone(),
        };
        let mut kind = e.kind;
        if kind == ActorKind::StateForces
            && let (Some(home), Some(ev)) = (e.country.as_deref().filter(|c| *c != "*"), event_country)
            && home != ev
        {
            kind = ActorKind::ExternalForces;
        }
        (name, kind)
    }

    /// The countries entry `i` is known to operate in (its `area`; empty when the table
    /// gives none).
    pub fn area(&self, i: usize) -> &[String] {
        &self.entries[i].area
    }

    /// The country of entry `i`: its own, or none for generic and transnational entries.
    pub fn country(&self, i: usize) -> Option<&str> {
        self.entries[i].country.as_deref().filter(|c| *c != "*")
    }

    /// True for generic entries (they take the event's country).
    pub fn is_generic(&self, i: usize) -> bool {
        self.entries[i].generic()
    }

    /// The areas of the named (not generic) actors `found` in a text, each once, in order:
    /// the place resolver's context ([`sitrep_place::ArticleContext::region`]).
    pub fn region_of(&self, found: &[ActorMention]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in found.iter().filter(|a| !self.is_generic(a.entry)) {
            for c in self.area(a.entry) {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

/// "Unidentified Armed Group ({country})" -> "Unidentified Armed Group".
fn strip_country(name: &str) -> String {
    name.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "").trim().to_string()
}

/// The spellings to match for one name: as written, accents folded, straight and
/// typographic apostrophes.
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let folded: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                let mut s = String::new();
                sitrep_text::fold_char(c, &mut s);
                s
            }
        })
        .collect();
    if folded != name && folded.chars().count() > 1 {
        // keep the case of the original for acronyms; fold_char lowercases non-ASCII only
        out.push(folded);
    }
    for v in out.clone() {
        if v.contains('\'') {
            out.push(v.replace('\'', "\u{2019}"));
        }
    }
    out
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Every actor mention of `text`, in order, not overlapping (the longest wins).
pub fn find(table: &ActorTable, text: &str) -> Vec<ActorMention> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    if let Some(ac) = &table.ci {
        for m in word_matches(ac, text) {
            cands.push((m.start(), m.end(), table.ci_entry[m.pattern().as_usize()]));
        }
    }
    if let Some(ac) = &table.cs {
        for m in word_matches(ac, text) {
            cands.push((m.start(), m.end(), table.cs_entry[m.pattern().as_usize()]));
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<ActorMention> = Vec::new();
    let mut last_end = 0;
    for (s, e, i) in cands {
        if s < last_end {
            continue;
        }
        let (name, kind) = table.resolve(i, None);
        out.push(ActorMention { span: Span::new(s, e), name, kind, extractor: TABLE, entry: i });
        last_end = e;
    }
    out
}

/// Leftmost-longest matches that sit on word boundaries; after a match that fails the test
/// the search goes on from the next char (so "IS" inside "ISx" does not hide a later match).
fn word_matches<'a>(ac: &'a AhoCorasick, text: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < text.len() {
            let m = ac.find(aho_corasick::Input::new(text).span(pos..text.len()))?;
            if text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()) && boundary_ok(text, m.start(), m.end()) {
                pos = m.end();
                return Some(m);
            }
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_matches() {
        let t = ActorTable::builtin();
        assert!(t.entries().len() > 40);
        let text = "Fighters of the Islamic State Sahel and JNIM attacked Nigerien soldiers; IS claimed it. This is ISWAP.";
        let m = find(&t, text);
        let names: Vec<&str> = m.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Unidentified Armed Group",
                "Islamic State (Sahel)",
                "JNIM: Group for Support of Islam and Muslims",
                "Military Forces of Niger",
                "Islamic State",
                "Islamic State (West Africa)"
            ]
        );
        // "is" in lower case is not the acronym
        assert!(find(&t, "this is it").is_empty());
    }

    #[test]
    fn resolve_country_and_external() {
        let t = ActorTable::builtin();
        let m = find(&t, "French troops and unknown gunmen");
        assert_eq!(t.resolve(m[0].entry, Some("NE")), ("Military Forces of France".to_string(), ActorKind::ExternalForces));
        assert_eq!(t.resolve(m[1].entry, Some("NE")), ("Unidentified Armed Group (Niger)".to_string(), ActorKind::PoliticalMilitia));
        assert_eq!(t.resolve(m[0].entry, Some("FR")).1, ActorKind::StateForces);
    }

    #[test]
    fn user_tables_extend() {
        let mut t = ActorTable::builtin();
        t.extend_toml("[[actor]]\nname = \"Front X\"\nkind = \"rebels\"\naliases = [\"Front X\"]\n[[actor]]\nname = \"Islamic State (Sahel)\"\nkind = \"rebels\"\naliases = [\"Sahel Province\"]\n").unwrap();
        let m = find(&t, "The Front X and Sahel Province");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].name, "Islamic State (Sahel)");
        assert!(ActorTable::from_toml("[[actor]]\nname = \"\"\nkind = \"rebels\"").is_err());
        assert!(ActorTable::from_toml("[[actor]]\nname = \"A\"\nkind = \"pirates\"\naliases=[\"a\"]").is_err());
    }
}
