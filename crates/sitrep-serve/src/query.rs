//! Query parameters of the event endpoints, parsed and checked before anything reaches the
//! database, and the full-text expressions built from a user's words.
//!
//! Every parameter may be repeated or given as a comma-separated list where it takes several
//! values. An unknown parameter is an error (a typo must not silently widen a result).

use crate::error::ApiError;
use chrono::NaiveDate;
use sitrep_model::taxonomy::{ActorKind, EventFlag, EventType, SubEventType};
use sitrep_store::serving::{BBox, Cursor, EventFilter, Sort};

/// Parameters every event endpoint takes (the filter).
pub const FILTER_PARAMS: &[&str] = &[
    "country",
    "admin1",
    "event_type",
    "sub_event_type",
    "date_from",
    "date_to",
    "min_fatalities",
    "bbox",
    "q",
    "actor",
    "actor_kind",
    "flag",
    "article",
];

/// Largest page.
pub const MAX_LIMIT: usize = 500;

/// A filter as the user gave it, checked; `admin1` still in the user's spelling.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// The store's filter (admin1 not yet resolved).
    pub store: EventFilter,
    /// Admin1 names as given.
    pub admin1: Vec<String>,
}

/// `/api/events` parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListParams {
    /// What to return.
    pub filter: Filter,
    /// Order.
    pub sort: Sort,
    /// Where to start.
    pub cursor: Option<Cursor>,
    /// Page size.
    pub limit: usize,
    /// Whole contract lines instead of summaries.
    pub full: bool,
}

/// `/api/events/map` parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapParams {
    /// What to return.
    pub filter: Filter,
    /// Above this many events, markers group by grid cell.
    pub max_points: usize,
    /// Grid cell size in degrees (None: from the box, else 1°).
    pub cell: Option<f64>,
}

fn values<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
}

fn list_values(pairs: &[(String, String)], key: &str) -> Vec<String> {
    values(pairs, key).iter().flat_map(|v| v.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn single<'a>(pairs: &'a [(String, String)], key: &str) -> Result<Option<&'a str>, ApiError> {
    let v = values(pairs, key);
    match v.as_slice() {
        [] => Ok(None),
        [one] if one.trim().is_empty() => Ok(None),
        [one] => Ok(Some(one.trim())),
        _ => Err(ApiError::invalid(format!("`{key}` is given more than once"))),
    }
}

fn check_known(pairs: &[(String, String)], allowed: &[&[&str]]) -> Result<(), ApiError> {
    for (k, _) in pairs {
        if !allowed.iter().any(|set| set.contains(&k.as_str())) {
            let mut names: Vec<&str> = allowed.iter().flat_map(|s| s.iter().copied()).collect();
            names.sort_unstable();
            return Err(ApiError::invalid(format!("unknown parameter `{}`; known: {}", clip(k, 40), names.join(", "))));
        }
    }
    Ok(())
}

/// At most `n` characters of `s`, for messages that echo user input.
pub fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn vocab<T: Copy>(
    pairs: &[(String, String)],
    key: &str,
    parse: impl Fn(&str) -> Option<T>,
    all: &[T],
    show: impl Fn(T) -> &'static str,
) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    for v in list_values(pairs, key) {
        let found = parse(&v).or_else(|| all.iter().copied().find(|t| show(*t).eq_ignore_ascii_case(&v)));
        match found {
            Some(t) => out.push(show(t).to_string()),
            None => {
                let names: Vec<&str> = all.iter().map(|t| show(*t)).collect();
                return Err(ApiError::invalid(format!("`{key}`: unknown value {:?}; known: {}", clip(&v, 60), names.join(", "))));
            }
        }
    }
    Ok(out)
}

fn date(pairs: &[(String, String)], key: &str) -> Result<Option<NaiveDate>, ApiError> {
    single(pairs, key)?
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| ApiError::invalid(format!("`{key}` must be a date YYYY-MM-DD, not {:?}", clip(v, 40))))
        })
        .transpose()
}

fn number<T: std::str::FromStr>(pairs: &[(String, String)], key: &str) -> Result<Option<T>, ApiError> {
    single(pairs, key)?
        .map(|v| v.parse::<T>().map_err(|_| ApiError::invalid(format!("`{key}` must be a whole number, not {:?}", clip(v, 40)))))
        .transpose()
}

/// `west,south,east,north` in degrees.
pub fn parse_bbox(v: &str) -> Result<BBox, ApiError> {
    let bad =
        || ApiError::invalid("`bbox` must be west,south,east,north in degrees (longitudes -180..180, latitudes -90..90, south <= north)");
    let parts: Vec<f64> = v.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
    let [west, south, east, north] = parts[..] else { return Err(bad()) };
    let lon = -180.0..=180.0;
    let lat = -90.0..=90.0;
    if !(lon.contains(&west) && lon.contains(&east) && lat.contains(&south) && lat.contains(&north) && south <= north) {
        return Err(bad());
    }
    Ok(BBox { west, south, east, north })
}

/// The filter parameters.
pub fn parse_filter(pairs: &[(String, String)]) -> Result<Filter, ApiError> {
    let mut countries = Vec::new();
    for c in list_values(pairs, "country") {
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ApiError::invalid(format!("`country` takes ISO 3166-1 alpha-2 codes such as NE, not {:?}", clip(&c, 40))));
        }
        countries.push(c.to_ascii_uppercase());
    }
    let admin1 = list_values(pairs, "admin1");
    let event_types = vocab(pairs, "event_type", EventType::parse, EventType::ALL, EventType::as_str)?;
    let sub_event_types = vocab(pairs, "sub_event_type", SubEventType::parse, SubEventType::ALL, SubEventType::as_str)?;
    let actor_kinds = vocab(pairs, "actor_kind", ActorKind::parse, ActorKind::ALL, ActorKind::as_str)?;
    let flags = vocab(pairs, "flag", EventFlag::parse, EventFlag::ALL, EventFlag::as_str)?;
    let date_from = date(pairs, "date_from")?;
    let date_to = date(pairs, "date_to")?;
    if let (Some(a), Some(b)) = (date_from, date_to)
        && a > b
    {
        return Err(ApiError::invalid("`date_from` is after `date_to`"));
    }
    let min_fatalities = number::<u64>(pairs, "min_fatalities")?;
    let bbox = single(pairs, "bbox")?.map(parse_bbox).transpose()?;
    let text = single(pairs, "q")?.map(|q| fts_query(q, None)).transpose()?.flatten();
    let actor = single(pairs, "actor")?.map(|a| fts_query(a, Some("actors"))).transpose()?.flatten();
    let fts = match (text, actor) {
        (Some(t), Some(a)) => Some(format!("({t}) AND ({a})")),
        (t, a) => t.or(a),
    };
    let article = single(pairs, "article")?.map(str::to_string);
    Ok(Filter {
        store: EventFilter {
            countries,
            admin1: Vec::new(),
            event_types,
            sub_event_types,
            date_from,
            date_to,
            min_fatalities,
            bbox,
            fts,
            actor_kinds,
            flags,
            article,
        },
        admin1,
    })
}

/// `sort` values.
pub const SORTS: &[(&str, Sort)] = &[("date_desc", Sort::DateDesc), ("date_asc", Sort::DateAsc), ("fatalities_desc", Sort::FatalitiesDesc)];

/// The text of a cursor (opaque to clients).
pub fn cursor_text(c: &Cursor) -> String {
    match c {
        Cursor::Date(d, n) => format!("d{n}.{d}"),
        Cursor::Fatalities(f, n) => format!("f{n}.{f}"),
    }
}

/// Reads a cursor written by [`cursor_text`] for `sort`.
pub fn parse_cursor(s: &str, sort: Sort) -> Result<Cursor, ApiError> {
    let bad = || ApiError::invalid("`cursor` is not one this server gave for this sort order (take `next` from the previous page)");
    let (kind, rest) = s.split_at_checked(1).ok_or_else(bad)?;
    let (n, key) = rest.split_once('.').ok_or_else(bad)?;
    let n: i64 = n.parse().map_err(|_| bad())?;
    match (kind, sort) {
        ("d", Sort::DateDesc | Sort::DateAsc) => {
            if !(key.is_empty() || NaiveDate::parse_from_str(key, "%Y-%m-%d").is_ok()) {
                return Err(bad());
            }
            Ok(Cursor::Date(key.to_string(), n))
        }
        ("f", Sort::FatalitiesDesc) => Ok(Cursor::Fatalities(key.parse().map_err(|_| bad())?, n)),
        _ => Err(bad()),
    }
}

/// `/api/events` parameters.
pub fn parse_list(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    check_known(pairs, &[FILTER_PARAMS, &["sort", "cursor", "limit", "full"]])?;
    let filter = parse_filter(pairs)?;
    let sort = match single(pairs, "sort")? {
        None => Sort::DateDesc,
        Some(s) => SORTS.iter().find(|(name, _)| *name == s).map(|(_, v)| *v).ok_or_else(|| {
            ApiError::invalid(format!("`sort` is one of {}", SORTS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")))
        })?,
    };
    let cursor = single(pairs, "cursor")?.map(|c| parse_cursor(c, sort)).transpose()?;
    let limit = number::<usize>(pairs, "limit")?.unwrap_or(50);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::invalid(format!("`limit` is between 1 and {MAX_LIMIT}")));
    }
    let full = match single(pairs, "full")? {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => return Err(ApiError::invalid("`full` is true or false")),
    };
    Ok(ListParams { filter, sort, cursor, limit, full })
}

/// `/api/events/map` parameters.
pub fn parse_map(pairs: &[(String, String)]) -> Result<MapParams, ApiError> {
    check_known(pairs, &[FILTER_PARAMS, &["max_points", "cell"]])?;
    let filter = parse_filter(pairs)?;
    let max_points = number::<usize>(pairs, "max_points")?.unwrap_or(3000);
    if max_points == 0 || max_points > 20_000 {
        return Err(ApiError::invalid("`max_points` is between 1 and 20000"));
    }
    let cell = single(pairs, "cell")?
        .map(|c| {
            c.parse::<f64>()
                .ok()
                .filter(|c| c.is_finite() && (0.01..=45.0).contains(c))
                .ok_or_else(|| ApiError::invalid("`cell` is a size in degrees between 0.01 and 45"))
        })
        .transpose()?;
    Ok(MapParams { filter, max_points, cell })
}

/// Parameters of endpoints that take only the filter (the timeline).
pub fn parse_filter_only(pairs: &[(String, String)]) -> Result<Filter, ApiError> {
    check_known(pairs, &[FILTER_PARAMS])?;
    parse_filter(pairs)
}

/// Parameters of `/api/articles`.
pub fn parse_articles(pairs: &[(String, String)]) -> Result<(Option<i64>, Option<String>, usize), ApiError> {
    check_known(pairs, &[&["cursor", "q", "limit"]])?;
    let cursor = number::<i64>(pairs, "cursor")?;
    let q = single(pairs, "q")?.map(|q| clip(q, 200));
    let limit = number::<usize>(pairs, "limit")?.unwrap_or(50);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::invalid(format!("`limit` is between 1 and {MAX_LIMIT}")));
    }
    Ok((cursor, q, limit))
}

/// Checks that a request has no query parameters.
pub fn parse_none(pairs: &[(String, String)]) -> Result<(), ApiError> {
    check_known(pairs, &[])
}

/// Builds an FTS5 expression from a user's search: words (all must match), `"exact
/// phrases"`, `word*` (prefix), `OR` between two terms, `-word` (exclude). Everything the
/// user typed reaches FTS5 inside double-quoted strings, so no input is FTS5 syntax. With
/// `column`, the terms are one phrase searched in that column. `Ok(None)` when there is
/// nothing to search for.
pub fn fts_query(input: &str, column: Option<&str>) -> Result<Option<String>, ApiError> {
    if input.chars().count() > 500 {
        return Err(ApiError::invalid("search text is limited to 500 characters"));
    }
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let wordy = |s: &str| s.chars().any(char::is_alphanumeric);
    if let Some(col) = column {
        let words: Vec<&str> = input.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Ok(None);
        }
        if words.len() > 16 {
            return Err(ApiError::invalid("an actor name is limited to 16 words"));
        }
        return Ok(Some(format!("{col} : {}", quote(&words.join(" ")))));
    }
    // chunks: phrases in quotes, else whitespace-separated words
    let mut chunks: Vec<(String, bool)> = Vec::new(); // (text, was quoted)
    let mut rest = input;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            chunks.push((after[..end].to_string(), true));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            chunks.push((rest[..end].to_string(), false));
            rest = &rest[end..];
        }
    }
    enum Term {
        Pos(String),
        Neg(String),
        Or,
    }
    let mut terms = Vec::new();
    for (text, quoted) in chunks {
        if !quoted && text == "OR" {
            terms.push(Term::Or);
            continue;
        }
        let (neg, body) = match text.strip_prefix('-') {
            Some(b) if !quoted && wordy(b) => (true, b.to_string()),
            _ => (false, text.clone()),
        };
        if !wordy(&body) {
            continue;
        }
        let expr = match body.strip_suffix('*') {
            Some(stem) if !quoted && wordy(stem) && !stem.ends_with('*') => format!("{}*", quote(stem.trim_end_matches('*'))),
            _ => quote(body.trim_end_matches('*')),
        };
        terms.push(if neg { Term::Neg(expr) } else { Term::Pos(expr) });
    }
    if terms.iter().filter(|t| !matches!(t, Term::Or)).count() > 32 {
        return Err(ApiError::invalid("a search is limited to 32 terms"));
    }
    // Positive terms joined by AND, an OR binding the terms on either side; exclusions last.
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut negs = Vec::new();
    let mut pending_or = false;
    for t in terms {
        match t {
            Term::Or => pending_or = !groups.is_empty(),
            Term::Neg(e) => {
                negs.push(e);
                pending_or = false;
            }
            Term::Pos(e) => {
                match groups.last_mut() {
                    Some(g) if pending_or => g.push(e),
                    _ => groups.push(vec![e]),
                }
                pending_or = false;
            }
        }
    }
    if groups.is_empty() {
        if negs.is_empty() {
            return Ok(None);
        }
        return Err(ApiError::invalid("a search needs at least one word to look for besides the excluded ones"));
    }
    let mut out =
        groups.iter().map(|g| if g.len() == 1 { g[0].clone() } else { format!("({})", g.join(" OR ")) }).collect::<Vec<_>>().join(" AND ");
    for n in negs {
        out = format!("({out}) NOT {n}");
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        q.split('&')
            .filter(|s| !s.is_empty())
            .map(|kv| kv.split_once('=').map_or((kv.into(), String::new()), |(k, v)| (k.into(), v.into())))
            .collect()
    }

    #[test]
    fn filters_parse_and_normalise() {
        let p = parse_list(&pairs(
            "country=ne,ml&event_type=battles&date_from=2024-01-01&min_fatalities=3&bbox=0,10,5,16&sort=fatalities_desc&limit=20",
        ))
        .unwrap();
        assert_eq!(p.filter.store.countries, ["NE", "ML"]);
        assert_eq!(p.filter.store.event_types, ["Battles"]);
        assert_eq!(p.filter.store.min_fatalities, Some(3));
        assert_eq!(p.filter.store.bbox, Some(BBox { west: 0.0, south: 10.0, east: 5.0, north: 16.0 }));
        assert_eq!(p.sort, Sort::FatalitiesDesc);
        assert_eq!(p.limit, 20);
        let p = parse_list(&pairs("admin1=Tillabéri&admin1=Dosso&actor_kind=rebels&flag=single_source")).unwrap();
        assert_eq!(p.filter.admin1, ["Tillabéri", "Dosso"]);
        assert_eq!(p.filter.store.actor_kinds, ["rebels"]);
    }

    #[test]
    fn bad_parameters_are_named() {
        for (q, needle) in [
            ("contry=NE", "unknown parameter `contry`"),
            ("country=Niger", "alpha-2"),
            ("event_type=War", "unknown value"),
            ("date_from=yesterday", "YYYY-MM-DD"),
            ("date_from=2024-02-01&date_to=2024-01-01", "after"),
            ("min_fatalities=-1", "whole number"),
            ("bbox=1,2,3", "west,south,east,north"),
            ("bbox=0,50,10,40", "south <= north"),
            ("limit=0", "between 1"),
            ("limit=501", "between 1"),
            ("sort=random", "sort"),
            ("cursor=zzz", "cursor"),
            ("cursor=f1.3", "cursor"),
            ("q=-ambush", "besides the excluded"),
            ("q=a&q=b", "more than once"),
        ] {
            let e = parse_list(&pairs(q)).unwrap_err();
            assert_eq!(e.status, 400, "{q}");
            assert!(e.message.contains(needle), "{q}: {}", e.message);
        }
    }

    #[test]
    fn cursors_round_trip() {
        for (c, s) in [
            (Cursor::Date("2024-01-02".into(), 17), Sort::DateDesc),
            (Cursor::Date(String::new(), 3), Sort::DateAsc),
            (Cursor::Fatalities(12, 9), Sort::FatalitiesDesc),
        ] {
            assert_eq!(parse_cursor(&cursor_text(&c), s).unwrap(), c);
        }
        assert!(parse_cursor("d1.'; DROP TABLE events; --", Sort::DateDesc).is_err());
    }

    #[test]
    fn searches_become_quoted_fts_terms() {
        let q = |s| fts_query(s, None).unwrap();
        assert_eq!(q("ambush Tillaberi").as_deref(), Some("\"ambush\" AND \"Tillaberi\""));
        assert_eq!(q("\"armed group\" attack*").as_deref(), Some("\"armed group\" AND \"attack\"*"));
        assert_eq!(q("ambush OR raid market").as_deref(), Some("(\"ambush\" OR \"raid\") AND \"market\""));
        assert_eq!(q("attack -drone").as_deref(), Some("(\"attack\") NOT \"drone\""));
        assert_eq!(q("NEAR(a b) ^x {col}: \"").as_deref(), Some("\"NEAR(a\" AND \"b)\" AND \"^x\" AND \"{col}:\""));
        assert_eq!(q("  *** && "), None);
        assert_eq!(fts_query("Islamic State (Sahel)", Some("actors")).unwrap().as_deref(), Some("actors : \"Islamic State Sahel\""));
    }

    fn fts_db() -> sitrep_store::Store {
        let s = sitrep_store::Store::open_in_memory().unwrap();
        let e = serde_json::json!({"id": "x", "event_type": "Battles", "sub_event_type": "Armed clash",
            "date": {"earliest": null, "latest": null, "precision": "unknown", "expression": null},
            "location": {"name": "Ségou"}, "actors": [{"name": "JNIM", "kind": "rebels", "role": "attacker"}],
            "casualties": [], "fatalities": 0, "tactics": [], "flags": [], "evidence": [{"article_id": "a", "field": "date", "start": 0, "end": 1, "quote": "an ambush near the market"}]});
        s.conn().execute("INSERT INTO events VALUES ('x', ?1)", [e.to_string()]).unwrap();
        s
    }

    #[test]
    fn built_expressions_find_accent_folded_words() {
        let s = fts_db();
        let c = s.conn();
        let hits = |q: &str| -> i64 { c.query_row("SELECT COUNT(*) FROM event_fts WHERE event_fts MATCH ?1", [q], |r| r.get(0)).unwrap() };
        assert_eq!(hits(&fts_query("segou ambush", None).unwrap().unwrap()), 1);
        assert_eq!(hits(&fts_query("amb*", None).unwrap().unwrap()), 1);
        assert_eq!(hits(&fts_query("ambush -market", None).unwrap().unwrap()), 0);
        assert_eq!(hits(&fts_query("jnim", Some("actors")).unwrap().unwrap()), 1);
        assert_eq!(hits(&fts_query("market", Some("actors")).unwrap().unwrap()), 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn any_search_is_valid_fts5(input in "[ -~àéè\"*()^:{}+-]{0,60}") {
            let s = fts_db();
            let c = s.conn();
            for column in [None, Some("actors")] {
                if let Ok(Some(q)) = fts_query(&input, column) {
                    let r: Result<i64, _> = c.query_row("SELECT COUNT(*) FROM event_fts WHERE event_fts MATCH ?1", [&q], |r| r.get(0));
                    prop_assert!(r.is_ok(), "{input:?} -> {q:?}: {r:?}");
                }
            }
        }
    }
}
