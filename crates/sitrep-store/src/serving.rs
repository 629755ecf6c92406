//! The serving index (schema `0005_serving_indexes.sql`, which rebuilt `0004_serving.sql`'s
//! tables, and `0006_serving_country_index.sql`, a covering country index) and the reads the
//! HTTP API makes.
//!
//! `event_index` (filter and sort columns), `event_terms` (actor kinds, flags, tactics,
//! source articles), `event_admin1` (events per admin1 name) and `event_fts` (FTS5 over place
//! names, actor names, quotes) derive from `events` through triggers: whoever writes events
//! keeps them current without calling anything here. Every function here only reads.
//!
//! An [`EventFilter`] holds already-validated values (the HTTP layer parses and checks user
//! input, and builds the FTS5 expressions); every value reaches SQLite as a bound parameter.

use crate::StoreError;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

/// Which events to return. Empty lists and `None` mean "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// ISO 3166-1 alpha-2 codes, upper case.
    pub countries: Vec<String>,
    /// Admin1 names exactly as stored (see [`admin1_names`] to match a user's spelling).
    pub admin1: Vec<String>,
    /// Event types (contract strings).
    pub event_types: Vec<String>,
    /// Sub-event types (contract strings).
    pub sub_event_types: Vec<String>,
    /// Events dated this day or later (the middle of their possible days).
    pub date_from: Option<NaiveDate>,
    /// Events dated this day or earlier.
    pub date_to: Option<NaiveDate>,
    /// At least this many fatalities.
    pub min_fatalities: Option<u64>,
    /// Inside this box (events without coordinates are left out).
    pub bbox: Option<BBox>,
    /// A full-text (FTS5) expression, built by the caller from user words.
    pub fts: Option<String>,
    /// With an actor of one of these kinds.
    pub actor_kinds: Vec<String>,
    /// With one of these flags.
    pub flags: Vec<String>,
    /// Told by this article.
    pub article: Option<String>,
}

/// A longitude/latitude box; `west > east` crosses the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

/// Order of an event list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first (undated last).
    #[default]
    DateDesc,
    /// Oldest first (undated first).
    DateAsc,
    /// Deadliest first.
    FatalitiesDesc,
}

/// Where a page of events starts: the sort key and row number of the last event of the
/// previous page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// After (date, n) in date order.
    Date(String, i64),
    /// After (fatalities, n) in fatality order.
    Fatalities(i64, i64),
}

/// One page of events.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPage {
    /// `(id, JSON)` in order: the short form (`event_summary`) or the whole contract line.
    pub events: Vec<(String, String)>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
    /// The number of matching events when the page learnt it on the way (a text-only filter
    /// counts its hits first); else see [`count_events`].
    pub total: Option<u64>,
}

/// A marker of the map: one event, or the events of one cell and type.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    /// Latitude (the events' mean for a cell).
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Event type.
    pub event_type: String,
    /// Number of events.
    pub events: u64,
    /// Sum of their fatalities.
    pub fatalities: u64,
    /// The event's id (single events only).
    pub id: Option<String>,
    /// Its place (single events only).
    pub place: Option<String>,
    /// Its date (single events only).
    pub date: Option<String>,
}

/// One week of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub week: String,
    /// Events.
    pub events: u64,
    /// Their fatalities.
    pub fatalities: u64,
}

/// Counts over the whole database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Current events.
    pub events: u64,
    /// Their fatalities.
    pub fatalities: u64,
    /// Articles (ids, duplicates included).
    pub articles: u64,
    /// Exact duplicates among them.
    pub duplicates: u64,
    /// Merged-away ids that still resolve.
    pub aliases: u64,
    /// Earliest event date (the middle of its possible days, as filters use).
    pub first_date: Option<String>,
    /// Latest.
    pub last_date: Option<String>,
    /// `(event type, events, fatalities)`, most events first.
    pub by_type: Vec<(String, u64, u64)>,
    /// `(country code or "", events, fatalities)`, most events first.
    pub by_country: Vec<(String, u64, u64)>,
    /// `(flag, events)`.
    pub by_flag: Vec<(String, u64)>,
    /// `(actor kind, events)`.
    pub by_actor_kind: Vec<(String, u64)>,
    /// Events without coordinates.
    pub without_coordinates: u64,
    /// Events without a known date.
    pub undated: u64,
}

/// One row of the article list.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleRow {
    /// Ingest order.
    pub seq: i64,
    /// Id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// `report` | `commentary`.
    pub kind: String,
    /// Flags (JSON array text).
    pub flags: String,
    /// Its original when it is an exact duplicate.
    pub duplicate_of: Option<String>,
    /// Number of events it tells (its original's for a duplicate).
    pub events: u64,
}

/// The SQL condition and parameters of a filter, over `event_index` as `e`.
fn conditions(conn: &Connection, f: &EventFilter) -> Result<(Vec<String>, Vec<Value>), StoreError> {
    let mut w: Vec<String> = Vec::new();
    let mut p: Vec<Value> = Vec::new();
    let list = |w: &mut Vec<String>, p: &mut Vec<Value>, col: &str, vals: &[String]| {
        if vals.is_empty() {
            return;
        }
        w.push(format!("{col} IN ({})", vec!["?"; vals.len()].join(", ")));
        p.extend(vals.iter().map(|v| Value::Text(v.clone())));
    };
    list(&mut w, &mut p, "e.country_code", &f.countries);
    list(&mut w, &mut p, "e.admin1", &f.admin1);
    list(&mut w, &mut p, "e.event_type", &f.event_types);
    list(&mut w, &mut p, "e.sub_event_type", &f.sub_event_types);
    // an event's date is the middle of its possible days (ACLED's convention for week- and
    // month-precise dates); undated events ('') fall outside every range
    if let Some(d) = f.date_from {
        w.push("e.sort_date >= ?".into());
        p.push(Value::Text(d.to_string()));
    }
    if let Some(d) = f.date_to {
        w.push("e.sort_date <= ? AND e.sort_date > ''".into());
        p.push(Value::Text(d.to_string()));
    }
    if let Some(m) = f.min_fatalities {
        w.push("e.fatalities >= ?".into());
        p.push(Value::Integer(m.min(i64::MAX as u64) as i64));
    }
    if let Some(b) = f.bbox {
        w.push(BOX_CONDITIONS[0].0.into());
        p.push(Value::Real(b.south));
        p.push(Value::Real(b.north));
        if b.west <= b.east {
            w.push(BOX_CONDITIONS[1].0.into());
        } else {
            w.push(BOX_CONDITIONS[2].0.into());
        }
        p.push(Value::Real(b.west));
        p.push(Value::Real(b.east));
    }
    // actor kinds and flags: a rare value (under 5% of the events) as the set of its events
    // (few lookups), a common one as a bit test on the row itself (no lookup)
    let bits =
        |vals: &[String], all: &[&str]| -> i64 { vals.iter().filter_map(|v| all.iter().position(|a| a == v)).fold(0, |m, i| m | (1 << i)) };
    for (kind, vals, col, all) in
        [("actor_kind", &f.actor_kinds, "actor_kinds", &KIND_BITS[..]), ("flag", &f.flags, "flags", &FLAG_BITS[..])]
    {
        if vals.is_empty() {
            continue;
        }
        let marks = vec!["?"; vals.len()].join(", ");
        let mut q: Vec<Value> = vec![Value::Text(kind.into())];
        q.extend(vals.iter().map(|v| Value::Text(v.clone())));
        // counted up to the threshold only (a common value has tens of thousands of rows)
        let rare = event_rows(conn)? / 20;
        let mut counted = q.clone();
        counted.push(Value::Integer(rare));
        let rows: i64 = conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM (SELECT 1 FROM event_terms WHERE kind = ? AND value IN ({marks}) LIMIT ?)"))?
            .query_row(params_from_iter(counted), |r| r.get(0))?;
        if rows < rare {
            w.push(format!("e.n IN (SELECT t.n FROM event_terms t WHERE t.kind = ? AND t.value IN ({marks}))"));
            p.extend(q);
        } else {
            w.push(format!("(e.{col} & ?) != 0"));
            p.push(Value::Integer(bits(vals, all)));
        }
    }
    if let Some(a) = &f.article {
        w.push("e.n IN (SELECT t.n FROM event_terms t WHERE t.kind = 'article' AND t.value = ?)".into());
        p.push(Value::Text(a.clone()));
    }
    Ok((w, p))
}

/// The box's conditions, and the same with `+` (which keeps SQLite from choosing an index
/// for them).
const BOX_CONDITIONS: [(&str, &str); 3] = [
    ("e.lat BETWEEN ? AND ?", "+e.lat BETWEEN ? AND ?"),
    ("e.lon BETWEEN ? AND ?", "+e.lon BETWEEN ? AND ?"),
    ("(e.lon >= ? OR e.lon <= ?)", "(+e.lon >= ? OR +e.lon <= ?)"),
];

/// The bits of `event_index.actor_kinds`, in order (the schema's CASE lists them the same).
const KIND_BITS: [&str; 9] =
    ["state_forces", "rebels", "political_militia", "identity_militia", "rioters", "protesters", "civilians", "external_forces", "unknown"];
/// The bits of `event_index.flags`.
const FLAG_BITS: [&str; 6] =
    ["single_source", "derivative_only", "conflicting_counts", "date_conflict", "location_conflict", "date_suspect"];

/// How a full-text filter joins the others: its hits as a set the rows are looked up from
/// by row number (few hits), or as a set that rows read in the page's order, from the sort's
/// index, are checked against (many hits: a page is found after a few hundred rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FtsForm {
    Set,
    Scan,
}

/// Conditions plus the full-text filter in the given form.
fn conditions_with(conn: &Connection, f: &EventFilter, form: FtsForm) -> Result<(Vec<String>, Vec<Value>), StoreError> {
    let (mut w, mut p) = conditions(conn, f)?;
    if let Some(q) = &f.fts {
        w.push(match form {
            FtsForm::Set => "e.n IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)".into(),
            // `+` keeps SQLite from driving the query by the row numbers of the hits
            FtsForm::Scan => "+e.n IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)".into(),
        });
        p.push(Value::Text(q.clone()));
    }
    Ok((w, p))
}

/// Number of events the full-text expression matches.
fn fts_hits(conn: &Connection, q: &str) -> Result<u64, StoreError> {
    Ok(conn.prepare_cached("SELECT COUNT(*) FROM event_fts WHERE event_fts MATCH ?1")?.query_row([q], |r| r.get::<_, i64>(0))? as u64)
}

/// The form for a page. Scanning only pays when the text is the only filter (then the rows
/// come in the order of the page from the sort's index and the scan stops after a page): it
/// costs about 0.1 µs a hit to build the set and 0.015 µs a row scanned, and a page of
/// `limit` needs about `limit * events / hits` rows; looking rows up by the hits' numbers
/// costs about 1 µs a hit, and all of them are sorted (measured on 100,000 generated events:
/// 'Islamic State', 19,888 hits: 12.6 ms looked up, 2.9 ms scanned; a place with 158 hits:
/// 0.08 ms looked up, 1.2 ms scanned). With other filters SQLite picks the plan: a set then.
fn page_form(conn: &Connection, f: &EventFilter, hits: u64, limit: usize) -> Result<FtsForm, StoreError> {
    if (EventFilter { fts: None, ..f.clone() }) != EventFilter::default() {
        return Ok(FtsForm::Set);
    }
    let events = event_rows(conn)? as f64;
    let hits = hits.max(1) as f64;
    let scan = 0.1 * hits + 0.015 * ((limit as f64 + 1.0) * events / hits).min(events);
    let set = 1.0 * hits;
    Ok(if scan < set { FtsForm::Scan } else { FtsForm::Set })
}

/// About how many events are indexed, for choosing a plan: the highest row number (exact
/// until rows are deleted; one index lookup, where COUNT(*) reads the whole index).
fn event_rows(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.prepare_cached("SELECT COALESCE(MAX(n), 0) FROM event_index")?.query_row([], |r| r.get(0))?)
}

fn where_clause(w: &[String]) -> String {
    if w.is_empty() { String::new() } else { format!(" WHERE {}", w.join(" AND ")) }
}

/// Number of events matching `f`.
pub fn count_events(conn: &Connection, f: &EventFilter) -> Result<u64, StoreError> {
    if let Some(q) = &f.fts
        && (EventFilter { fts: None, ..f.clone() }) == EventFilter::default()
    {
        return fts_hits(conn, q);
    }
    let (w, p) = conditions_with(conn, f, FtsForm::Set)?;
    let sql = format!("SELECT COUNT(*) FROM event_index e{}", where_clause(&w));
    Ok(conn.prepare_cached(&sql)?.query_row(params_from_iter(p), |r| r.get::<_, i64>(0))? as u64)
}

/// What a page holds for each event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// The short form: id, types, date, place, actors, casualties, fatalities, flags,
    /// `sources` and `independent_sources` counts.
    #[default]
    Summary,
    /// The whole contract line.
    Full,
}

/// One page of events matching `f`, in `sort` order, after `after`.
pub fn list_events(
    conn: &Connection,
    f: &EventFilter,
    sort: Sort,
    after: Option<&Cursor>,
    limit: usize,
    shape: Shape,
) -> Result<EventPage, StoreError> {
    list_events_with(conn, f, sort, after, limit, shape, true)
}

fn list_events_with(
    conn: &Connection,
    f: &EventFilter,
    sort: Sort,
    after: Option<&Cursor>,
    limit: usize,
    shape: Shape,
    one_pass: bool,
) -> Result<EventPage, StoreError> {
    let mut total = None;
    let form = match &f.fts {
        Some(q) => {
            let hits = fts_hits(conn, q)?;
            if hits == 0 {
                return Ok(EventPage { events: Vec::new(), next: None, total: Some(0) });
            }
            if (EventFilter { fts: None, ..f.clone() }) == EventFilter::default() {
                total = Some(hits);
            }
            page_form(conn, f, hits, limit)?
        }
        None => FtsForm::Set,
    };
    let (mut w, mut p) = conditions_with(conn, f, form)?;
    // Filters through sets (full text with other filters, actor kinds, flags, an article):
    // one pass reads every match, counted and sorted here, instead of one query for the page
    // and another for the total, each building the sets again.
    let through_sets = (f.fts.is_some() && total.is_none()) || !f.actor_kinds.is_empty() || !f.flags.is_empty() || f.article.is_some();
    if one_pass
        && through_sets
        && f.bbox.is_none()
        && let Some(page) = page_in_one_pass(conn, &w, &p, sort, after, limit, shape)?
    {
        return Ok(page);
    }
    // A box: its events counted first (the total needs it anyway); when they are many, the
    // page is read in order from the sort's index, each row's position checked, instead of
    // every event of the latitude band read from the position index and sorted (measured
    // on 100,000 generated events: a box of 6,950 events 3.5 ms -> 0.5 ms, of 12,243
    // events 9.5 ms -> 0.1 ms). Reading in order costs about 1 µs a row and needs about
    // `limit * events / matches` rows; sorting about 0.3 µs a match.
    if f.bbox.is_some() && total.is_none() {
        let matches = count_events(conn, f)?;
        if matches == 0 {
            return Ok(EventPage { events: Vec::new(), next: None, total: Some(0) });
        }
        total = Some(matches);
        let in_order = (limit as f64 + 1.0) * event_rows(conn)? as f64 / matches as f64;
        if in_order < 0.3 * matches as f64 {
            for c in w.iter_mut() {
                if let Some(unindexed) = BOX_CONDITIONS.iter().find(|(plain, _)| c == plain).map(|(_, u)| u) {
                    *c = (*unindexed).to_string();
                }
            }
        }
    }
    let (order, key) = match sort {
        Sort::DateDesc => ("e.sort_date DESC, e.n DESC", "e.sort_date"),
        Sort::DateAsc => ("e.sort_date ASC, e.n ASC", "e.sort_date"),
        Sort::FatalitiesDesc => ("e.fatalities DESC, e.n DESC", "e.fatalities"),
    };
    let op = if sort == Sort::DateAsc { ">" } else { "<" };
    match (sort, after) {
        (Sort::DateDesc | Sort::DateAsc, Some(Cursor::Date(d, n))) => {
            w.push(format!("({key}, e.n) {op} (?, ?)"));
            p.push(Value::Text(d.clone()));
            p.push(Value::Integer(*n));
        }
        (Sort::FatalitiesDesc, Some(Cursor::Fatalities(v, n))) => {
            w.push(format!("({key}, e.n) {op} (?, ?)"));
            p.push(Value::Integer(*v));
            p.push(Value::Integer(*n));
        }
        (_, Some(_)) => return Err(StoreError::Corrupt("a cursor of another sort order".into())),
        (_, None) => {}
    }
    // The page is chosen from an index alone (the inner query names only the row number and
    // the sort key, which every index holds, so a filter's covering index needs no table
    // row); only the page's rows fetch their ids and contract lines (a join before the sort
    // would read the line of every matching event).
    let outer = order.replace("e.", "p.");
    let join = match shape {
        Shape::Summary => "JOIN event_summary ev ON ev.n = p.n",
        Shape::Full => "JOIN events ev ON ev.id = i.id",
    };
    let sql = format!(
        "SELECT p.n, i.id, i.sort_date, i.fatalities, ev.json FROM \
         (SELECT e.n, {key} FROM event_index e{} ORDER BY {order} LIMIT {}) AS p \
         JOIN event_index i ON i.n = p.n {join} ORDER BY {outer}",
        where_clause(&w),
        limit + 1
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(p))?;
    let mut events = Vec::new();
    let mut last: Option<Cursor> = None;
    let mut more = false;
    while let Some(r) = rows.next()? {
        if events.len() == limit {
            more = true;
            break;
        }
        let n: i64 = r.get(0)?;
        last = Some(match sort {
            Sort::FatalitiesDesc => Cursor::Fatalities(r.get(3)?, n),
            _ => Cursor::Date(r.get(2)?, n),
        });
        events.push((r.get(1)?, r.get(4)?));
    }
    Ok(EventPage { events, next: if more { last } else { None }, total })
}

/// Most matches [`page_in_one_pass`] sorts itself; beyond, the page and the total are two
/// queries.
const ONE_PASS_MAX: usize = 20_000;

/// A page and its total from one query reading every match (`None` when there are more than
/// [`ONE_PASS_MAX`]): the matches sorted and the cursor applied here, in the order and with
/// the comparisons SQL would use (row values, binary text).
fn page_in_one_pass(
    conn: &Connection,
    w: &[String],
    p: &[Value],
    sort: Sort,
    after: Option<&Cursor>,
    limit: usize,
    shape: Shape,
) -> Result<Option<EventPage>, StoreError> {
    let sql = format!("SELECT e.n, e.sort_date, e.fatalities FROM event_index e{} LIMIT {}", where_clause(w), ONE_PASS_MAX + 1);
    let mut rows: Vec<(i64, String, i64)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut q = stmt.query(params_from_iter(p.iter()))?;
        while let Some(r) = q.next()? {
            rows.push((r.get(0)?, r.get(1)?, r.get(2)?));
        }
    }
    if rows.len() > ONE_PASS_MAX {
        return Ok(None);
    }
    let total = rows.len() as u64;
    match sort {
        Sort::DateDesc => rows.sort_by(|a, b| (&b.1, b.0).cmp(&(&a.1, a.0))),
        Sort::DateAsc => rows.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0))),
        Sort::FatalitiesDesc => rows.sort_by_key(|r| std::cmp::Reverse((r.2, r.0))),
    }
    let start = match (sort, after) {
        (Sort::DateDesc, Some(Cursor::Date(d, n))) => rows.partition_point(|r| (&r.1, r.0) >= (d, *n)),
        (Sort::DateAsc, Some(Cursor::Date(d, n))) => rows.partition_point(|r| (&r.1, r.0) <= (d, *n)),
        (Sort::FatalitiesDesc, Some(Cursor::Fatalities(v, n))) => rows.partition_point(|r| (r.2, r.0) >= (*v, *n)),
        (_, Some(_)) => return Err(StoreError::Corrupt("a cursor of another sort order".into())),
        (_, None) => 0,
    };
    let rest = &rows[start..];
    let page = &rest[..rest.len().min(limit)];
    let more = rest.len() > limit;
    let sql = match shape {
        Shape::Summary => "SELECT i.id, ev.json FROM event_index i JOIN event_summary ev ON ev.n = i.n WHERE i.n = ?1",
        Shape::Full => "SELECT i.id, ev.json FROM event_index i JOIN events ev ON ev.id = i.id WHERE i.n = ?1",
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut events = Vec::with_capacity(page.len());
    for (n, _, _) in page {
        if let Some(row) = stmt.query_row([n], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).optional()? {
            events.push(row);
        }
    }
    let next = match (more, page.last()) {
        (true, Some((n, date, fatalities))) => Some(match sort {
            Sort::FatalitiesDesc => Cursor::Fatalities(*fatalities, *n),
            _ => Cursor::Date(date.clone(), *n),
        }),
        _ => None,
    };
    Ok(Some(EventPage { events, next, total: Some(total) }))
}

/// Map cells: (grid cell, event type) -> (sum of lat, sum of lon, events, fatalities).
type Cells = std::collections::HashMap<((i64, i64), String), (f64, f64, u64, u64)>;

/// Map markers for the events matching `f`: one per event when there are at most
/// `max_points`, otherwise one per grid cell of `cell` degrees and event type (at the mean
/// position of its events); deadliest first. The rows are read in any order and grouped here
/// (a GROUP BY in SQLite sorts every row first).
pub fn map_points(conn: &Connection, f: &EventFilter, max_points: usize, cell: f64) -> Result<(Vec<MapPoint>, bool), StoreError> {
    let (mut w, p) = conditions_with(conn, f, FtsForm::Set)?;
    w.push("e.lat IS NOT NULL AND e.lon IS NOT NULL".into());
    let wc = where_clause(&w);
    // how many first (from an index), then either every event with its id and place, or only
    // what the cells need (the box index holds it all: no table row is read)
    let n: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM (SELECT 1 FROM event_index e{wc} LIMIT {})", max_points + 1))?
        .query_row(params_from_iter(p.clone()), |r| r.get(0))?;
    let sql = if n as usize <= max_points {
        format!(
            "SELECT e.lat, e.lon, e.event_type, e.fatalities, e.id, COALESCE(e.place, e.admin1, e.country_code), NULLIF(e.sort_date, ''), e.n FROM event_index e{wc}"
        )
    } else {
        format!("SELECT e.lat, e.lon, e.event_type, e.fatalities FROM event_index e{wc}")
    };
    let cell = if cell.is_finite() && cell > 0.0 { cell } else { 1.0 };
    let key = |lat: f64, lon: f64| (((lat + 90.0) / cell) as i64, ((lon + 180.0) / cell) as i64);
    let mut single: Vec<(i64, MapPoint)> = Vec::new();
    // (cell, type) -> (sum lat, sum lon, events, fatalities)
    let mut cells: Cells = std::collections::HashMap::new();
    let add = |cells: &mut Cells, m: &MapPoint| {
        let c = cells.entry((key(m.lat, m.lon), m.event_type.clone())).or_insert((0.0, 0.0, 0, 0));
        c.0 += m.lat;
        c.1 += m.lon;
        c.2 += 1;
        c.3 += m.fatalities;
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(p))?;
    while let Some(r) = rows.next()? {
        let m = MapPoint {
            lat: r.get(0)?,
            lon: r.get(1)?,
            event_type: r.get(2)?,
            events: 1,
            fatalities: r.get::<_, i64>(3)?.max(0) as u64,
            id: None,
            place: None,
            date: None,
        };
        if n as usize > max_points {
            add(&mut cells, &m);
            continue;
        }
        single.push((r.get(7)?, MapPoint { id: Some(r.get(4)?), place: r.get(5)?, date: r.get(6)?, ..m }));
    }
    if n as usize <= max_points {
        single.sort_by(|a, b| b.1.fatalities.cmp(&a.1.fatalities).then(a.0.cmp(&b.0)));
        return Ok((single.into_iter().map(|(_, m)| m).collect(), false));
    }
    let mut pts: Vec<MapPoint> = cells
        .into_iter()
        .map(|((_, ty), (la, lo, n, fat))| MapPoint {
            lat: la / n as f64,
            lon: lo / n as f64,
            event_type: ty,
            events: n,
            fatalities: fat,
            id: None,
            place: None,
            date: None,
        })
        .collect();
    pts.sort_by(|a, b| {
        (b.fatalities, b.events)
            .cmp(&(a.fatalities, a.events))
            .then(a.event_type.cmp(&b.event_type))
            .then(a.lat.total_cmp(&b.lat))
            .then(a.lon.total_cmp(&b.lon))
    });
    Ok((pts, true))
}

/// Events and fatalities per week (weeks starting on Monday) of the events matching `f`
/// whose date is known to the month or better; and how many matching events are left out
/// (dated only to the year, or undated).
pub fn timeline(conn: &Connection, f: &EventFilter) -> Result<(Vec<Week>, u64), StoreError> {
    let (mut w, p) = conditions_with(conn, f, FtsForm::Set)?;
    w.push("e.week IS NOT NULL AND e.precision IN ('day', 'week', 'month')".into());
    let sql = format!("SELECT e.week, COUNT(*), SUM(e.fatalities) FROM event_index e{} GROUP BY e.week ORDER BY e.week", where_clause(&w));
    let weeks = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(p), |r| {
            Ok(Week { week: r.get(0)?, events: r.get::<_, i64>(1)? as u64, fatalities: r.get::<_, i64>(2)?.max(0) as u64 })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let shown: u64 = weeks.iter().map(|w| w.events).sum();
    Ok((weeks.clone(), count_events(conn, f)?.saturating_sub(shown)))
}

/// Every `(country code, admin1, events)` known to the index.
pub fn admin1_names(conn: &Connection) -> Result<Vec<(String, String, u64)>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT country_code, admin1, events FROM event_admin1 ORDER BY country_code, admin1")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64)))?
        .collect::<Result<_, _>>()?)
}

/// The contract line of an event.
pub fn event_json(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.prepare_cached("SELECT json FROM events WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}

/// The event an id was merged into, if it was.
pub fn alias_of(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.prepare_cached("SELECT event_id FROM event_aliases WHERE old_id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}

/// `(id, contract line)` of the events an article tells: those its `article_events` list
/// (its original's for a duplicate), then those naming it among their sources.
pub fn events_of_article(conn: &Connection, article_id: &str) -> Result<Vec<(String, String)>, StoreError> {
    let sql = "SELECT ev.id, ev.json FROM article_events ae JOIN events ev ON ev.id = ae.event_id \
               WHERE ae.article_id = COALESCE((SELECT duplicate_of FROM articles WHERE id = ?1), ?1) \
               UNION \
               SELECT ev.id, ev.json FROM event_terms t JOIN event_index e ON e.n = t.n JOIN events ev ON ev.id = e.id \
               WHERE t.kind = 'article' AND t.value = ?1";
    let mut rows: Vec<(String, String)> =
        conn.prepare_cached(sql)?.query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let order: Vec<String> = conn
        .prepare_cached(
            "SELECT event_id FROM article_events WHERE article_id = COALESCE((SELECT duplicate_of FROM articles WHERE id = ?1), ?1) ORDER BY position",
        )?
        .query_map([article_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    rows.sort_by_key(|(id, _)| (order.iter().position(|o| o == id).unwrap_or(usize::MAX), id.clone()));
    Ok(rows)
}

/// A page of articles, newest ingested first, after ingest number `before`; `title` keeps
/// those whose title or id contains it (case-insensitive for ASCII).
pub fn list_articles(conn: &Connection, before: Option<i64>, title: Option<&str>, limit: usize) -> Result<Vec<ArticleRow>, StoreError> {
    let mut w = vec!["a.seq < ?1".to_string()];
    let mut p: Vec<Value> = vec![Value::Integer(before.unwrap_or(i64::MAX))];
    if let Some(t) = title {
        let pat = format!("%{}%", t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        w.push("(a.title LIKE ?2 ESCAPE '\\' OR a.id LIKE ?2 ESCAPE '\\')".into());
        p.push(Value::Text(pat));
    }
    let sql = format!(
        "SELECT a.seq, a.id, a.title, a.published, a.url, a.outlet, a.kind, a.flags, a.duplicate_of, \
         (SELECT COUNT(*) FROM article_events ae WHERE ae.article_id = COALESCE(a.duplicate_of, a.id)) \
         FROM articles a WHERE {} ORDER BY a.seq DESC LIMIT {limit}",
        w.join(" AND ")
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(p), |r| {
            Ok(ArticleRow {
                seq: r.get(0)?,
                id: r.get(1)?,
                title: r.get(2)?,
                published: r.get(3)?,
                url: r.get(4)?,
                outlet: r.get(5)?,
                kind: r.get(6)?,
                flags: r.get(7)?,
                duplicate_of: r.get(8)?,
                events: r.get::<_, i64>(9)? as u64,
            })
        })?
        .collect::<Result<_, _>>()?)
}

/// Whole-database counts (one pass over the index).
pub fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    use std::collections::HashMap;
    let mut s = Stats::default();
    let mut types: HashMap<String, (u64, u64)> = HashMap::new();
    let mut countries: HashMap<String, (u64, u64)> = HashMap::new();
    let mut kinds = [0u64; 9];
    let mut flags = [0u64; 6];
    let mut stmt =
        conn.prepare_cached("SELECT event_type, COALESCE(country_code, ''), fatalities, actor_kinds, flags, lat IS NULL OR lon IS NULL, sort_date FROM event_index")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let fat = r.get::<_, i64>(2)?.max(0) as u64;
        s.events += 1;
        s.fatalities += fat;
        let t = types.entry(r.get(0)?).or_default();
        t.0 += 1;
        t.1 += fat;
        let c = countries.entry(r.get(1)?).or_default();
        c.0 += 1;
        c.1 += fat;
        let (k, fl): (i64, i64) = (r.get(3)?, r.get(4)?);
        for (i, n) in kinds.iter_mut().enumerate() {
            *n += u64::from(k & (1 << i) != 0);
        }
        for (i, n) in flags.iter_mut().enumerate() {
            *n += u64::from(fl & (1 << i) != 0);
        }
        s.without_coordinates += u64::from(r.get::<_, bool>(5)?);
        let d: String = r.get(6)?;
        if d.is_empty() {
            s.undated += 1;
        } else {
            if s.first_date.as_ref().is_none_or(|f| d < *f) {
                s.first_date = Some(d.clone());
            }
            if s.last_date.as_ref().is_none_or(|l| d > *l) {
                s.last_date = Some(d);
            }
        }
    }
    let ranked = |m: HashMap<String, (u64, u64)>| {
        let mut v: Vec<(String, u64, u64)> = m.into_iter().map(|(k, (n, f))| (k, n, f)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    s.by_type = ranked(types);
    s.by_country = ranked(countries);
    let named = |counts: &[u64], names: &[&str]| {
        let mut v: Vec<(String, u64)> = counts.iter().zip(names).filter(|(n, _)| **n > 0).map(|(n, k)| (k.to_string(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    s.by_actor_kind = named(&kinds, &KIND_BITS);
    s.by_flag = named(&flags, &FLAG_BITS);
    let (a, d) = crate::articles::counts(conn)?;
    s.articles = a;
    s.duplicates = d;
    s.aliases = conn.query_row("SELECT COUNT(*) FROM event_aliases", [], |r| r.get::<_, i64>(0))? as u64;
    Ok(s)
}

/// Calls `f` with every current event's contract line, newest first (undated last).
pub fn for_each_event<E: From<StoreError>>(conn: &Connection, mut f: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut stmt = conn
        .prepare("SELECT ev.json FROM events ev LEFT JOIN event_index e ON e.id = ev.id ORDER BY e.sort_date DESC, ev.id")
        .map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let j: String = r.get(0).map_err(StoreError::from)?;
        f(&j)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use rusqlite::params;

    #[allow(clippy::too_many_arguments)] // a test row's columns, named at each call
    fn event(id: &str, ty: &str, cc: &str, admin1: &str, day: &str, fatalities: u64, lat: f64, lon: f64) -> String {
        serde_json::json!({
            "id": id, "event_type": ty, "sub_event_type": "Armed clash",
            "date": {"earliest": day, "latest": day, "precision": "day", "expression": "on Thursday"},
            "location": {"name": format!("Town of {id}"), "country_code": cc, "admin1": admin1, "admin2": null, "lat": lat, "lon": lon, "precision": "exact", "geonames_id": null},
            "actors": [{"name": "Military Forces of Niger", "kind": "state_forces", "role": "target"},
                       {"name": "Unidentified Armed Group (Niger)", "kind": "political_militia", "role": "attacker"}],
            "casualties": [], "fatalities": fatalities, "tactics": ["motorcycles"],
            "sources": [{"article_id": format!("art-{id}"), "role": "primary", "independent": true, "url": null, "outlet": "Sahel Wire", "published": day}],
            "claims": [{"article_id": format!("art-{id}"), "field": "date", "value": {}, "attributed_to": "the governor", "superseded": false, "start": 0, "end": 3, "quote": "gunmen on motorbikes"}],
            "flags": ["single_source"], "merged_from": [], "evidence": []
        })
        .to_string()
    }

    fn store_with(events: &[String]) -> Store {
        let s = Store::open_in_memory().unwrap();
        for e in events {
            let v: serde_json::Value = serde_json::from_str(e).unwrap();
            s.conn().execute("INSERT INTO events (id, json) VALUES (?1, ?2)", params![v["id"].as_str().unwrap(), e]).unwrap();
        }
        s
    }

    fn ids(page: &EventPage) -> Vec<&str> {
        page.events.iter().map(|(id, _)| id.as_str()).collect()
    }

    #[test]
    fn triggers_index_inserts_replaces_updates_and_deletes() {
        let s = store_with(&[
            event("a", "Battles", "NE", "Tillabéri", "2024-03-01", 5, 14.2, 1.4),
            event("b", "Riots", "ML", "Gao", "2024-03-09", 0, 16.3, -0.04),
        ]);
        let c = s.conn();
        let all = EventFilter::default();
        assert_eq!(count_events(c, &all).unwrap(), 2);
        // a replace (what the linker does) re-indexes instead of failing on the unique id
        c.execute(
            "INSERT OR REPLACE INTO events (id, json) VALUES ('a', ?1)",
            [event("a", "Battles", "BF", "Sahel", "2024-03-02", 9, 14.0, -0.5)],
        )
        .unwrap();
        assert_eq!(count_events(c, &all).unwrap(), 2);
        let bf = EventFilter { countries: vec!["BF".into()], ..Default::default() };
        assert_eq!(count_events(c, &bf).unwrap(), 1);
        assert_eq!(admin1_names(c).unwrap(), vec![("BF".into(), "Sahel".into(), 1), ("ML".into(), "Gao".into(), 1)]);
        c.execute("UPDATE events SET json = ?1 WHERE id = 'b'", [event("b", "Riots", "ML", "Gao", "2024-03-10", 3, 16.3, -0.04)]).unwrap();
        assert_eq!(count_events(c, &EventFilter { min_fatalities: Some(3), ..Default::default() }).unwrap(), 2);
        c.execute("DELETE FROM events WHERE id = 'a'", []).unwrap();
        assert_eq!(count_events(c, &all).unwrap(), 1);
        let fts = EventFilter { fts: Some("motorbikes".into()), ..Default::default() };
        assert_eq!(count_events(c, &fts).unwrap(), 1);
        assert_eq!(admin1_names(c).unwrap().len(), 1);
        let n_terms: i64 = c.query_row("SELECT COUNT(*) FROM event_terms", [], |r| r.get(0)).unwrap();
        assert_eq!(n_terms, 5, "b's two actor kinds, flag, tactic and article");
        // a line that is not JSON is stored but not indexed, and does not fail the writer
        c.execute("INSERT INTO events (id, json) VALUES ('bad', 'not json')", []).unwrap();
        assert_eq!(count_events(c, &all).unwrap(), 1);
    }

    #[test]
    fn filters_combine_and_pages_follow_cursors() {
        let mut evs = Vec::new();
        for i in 0..25u64 {
            let (cc, a1) = if i % 2 == 0 { ("NE", "Tillabéri") } else { ("ML", "Mopti") };
            let ty = if i % 3 == 0 { "Battles" } else { "Violence against civilians" };
            evs.push(event(&format!("e{i:02}"), ty, cc, a1, &format!("2024-01-{:02}", i + 1), i, 10.0 + i as f64 / 10.0, 1.0));
        }
        let s = store_with(&evs);
        let c = s.conn();
        let f = EventFilter { countries: vec!["NE".into()], event_types: vec!["Battles".into()], ..Default::default() };
        // even i and multiple of 3: 0, 6, 12, 18, 24
        assert_eq!(count_events(c, &f).unwrap(), 5);
        let p1 = list_events(c, &f, Sort::DateDesc, None, 2, Shape::Full).unwrap();
        assert_eq!(ids(&p1), ["e24", "e18"]);
        let p2 = list_events(c, &f, Sort::DateDesc, p1.next.as_ref(), 2, Shape::Full).unwrap();
        assert_eq!(ids(&p2), ["e12", "e06"]);
        let p3 = list_events(c, &f, Sort::DateDesc, p2.next.as_ref(), 2, Shape::Full).unwrap();
        assert_eq!(ids(&p3), ["e00"]);
        assert!(p3.next.is_none());
        let asc = list_events(c, &EventFilter::default(), Sort::DateAsc, None, 3, Shape::Full).unwrap();
        assert_eq!(ids(&asc), ["e00", "e01", "e02"]);
        let deadly = list_events(c, &EventFilter::default(), Sort::FatalitiesDesc, None, 2, Shape::Full).unwrap();
        assert_eq!(ids(&deadly), ["e24", "e23"]);
        let next = list_events(c, &EventFilter::default(), Sort::FatalitiesDesc, deadly.next.as_ref(), 1, Shape::Full).unwrap();
        assert_eq!(ids(&next), ["e22"]);
        // dates: the event's (middle) day in the range
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = EventFilter { date_from: Some(d("2024-01-10")), date_to: Some(d("2024-01-12")), ..Default::default() };
        assert_eq!(count_events(c, &r).unwrap(), 3);
        let b = EventFilter { bbox: Some(BBox { west: 0.0, south: 11.0, east: 2.0, north: 11.45 }), ..Default::default() };
        assert_eq!(count_events(c, &b).unwrap(), 5, "lat 11.0 .. 11.4");
        let across = EventFilter { bbox: Some(BBox { west: 170.0, south: -90.0, east: 2.0, north: 90.0 }), ..Default::default() };
        assert_eq!(count_events(c, &across).unwrap(), 25);
        let actor =
            EventFilter { actor_kinds: vec!["political_militia".into()], flags: vec!["single_source".into()], ..Default::default() };
        assert_eq!(count_events(c, &actor).unwrap(), 25);
        let art = EventFilter { article: Some("art-e03".into()), ..Default::default() };
        assert_eq!(ids(&list_events(c, &art, Sort::DateDesc, None, 10, Shape::Full).unwrap()), ["e03"]);
        let fts = EventFilter { fts: Some("actors : \"armed group\"".into()), admin1: vec!["Mopti".into()], ..Default::default() };
        assert_eq!(count_events(c, &fts).unwrap(), 12);
        let wrong = list_events(c, &f, Sort::DateDesc, Some(&Cursor::Fatalities(1, 1)), 2, Shape::Summary);
        assert!(wrong.is_err());
    }

    #[test]
    fn map_timeline_and_stats() {
        let evs: Vec<String> = (0..10u64)
            .map(|i| {
                event(&format!("m{i}"), "Battles", "NE", "Tillabéri", &format!("2024-02-{:02}", i + 1), i, 14.0 + i as f64 * 0.01, 1.0)
            })
            .collect();
        let s = store_with(&evs);
        let c = s.conn();
        let (pts, grouped) = map_points(c, &EventFilter::default(), 100, 1.0).unwrap();
        assert!(!grouped);
        assert_eq!(pts.len(), 10);
        assert_eq!(pts[0].id.as_deref(), Some("m9"));
        assert_eq!(pts[0].place.as_deref(), Some("Town of m9"));
        let (cells, grouped) = map_points(c, &EventFilter::default(), 5, 1.0).unwrap();
        assert!(grouped);
        assert_eq!(cells.len(), 1);
        assert_eq!((cells[0].events, cells[0].fatalities), (10, 45));
        let (weeks, left_out) = timeline(c, &EventFilter::default()).unwrap();
        // 2024-02-01 is a Thursday: weeks of Jan 29, Feb 5 (5..11)
        assert_eq!(weeks.iter().map(|w| (w.week.as_str(), w.events)).collect::<Vec<_>>(), [("2024-01-29", 4), ("2024-02-05", 6)]);
        assert_eq!(left_out, 0);
        let st = stats(c).unwrap();
        assert_eq!((st.events, st.fatalities), (10, 45));
        assert_eq!(st.by_country, vec![("NE".to_string(), 10, 45)]);
        assert_eq!(st.first_date.as_deref(), Some("2024-02-01"));
        let mut n = 0;
        for_each_event::<StoreError>(c, |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 10);
    }

    #[test]
    fn bit_columns_follow_the_vocabularies_and_undated_events_have_no_date() {
        use sitrep_model::taxonomy::{ActorKind, EventFlag};
        assert_eq!(KIND_BITS.to_vec(), ActorKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>());
        assert_eq!(FLAG_BITS.to_vec(), EventFlag::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>());
        let mut evs = Vec::new();
        for (i, k) in KIND_BITS.iter().enumerate() {
            let mut v: serde_json::Value =
                serde_json::from_str(&event(&format!("k{i}"), "Battles", "NE", "Dosso", "2024-01-01", 0, 13.0, 3.0)).unwrap();
            v["actors"] = serde_json::json!([{"name": "X", "kind": k, "role": "other"}]);
            v["flags"] = serde_json::json!([FLAG_BITS[i % FLAG_BITS.len()]]);
            evs.push(v.to_string());
        }
        let mut undated: serde_json::Value =
            serde_json::from_str(&event("u", "Battles", "NE", "Dosso", "2024-01-01", 0, 13.0, 3.0)).unwrap();
        undated["date"] = serde_json::json!({"earliest": null, "latest": null, "precision": "unknown", "expression": null});
        undated["actors"] = serde_json::json!([]);
        undated["flags"] = serde_json::json!([]);
        evs.push(undated.to_string());
        let s = store_with(&evs);
        let c = s.conn();
        for (i, k) in KIND_BITS.iter().enumerate() {
            let f = EventFilter { actor_kinds: vec![k.to_string()], ..Default::default() };
            assert_eq!(ids(&list_events(c, &f, Sort::DateDesc, None, 10, Shape::Full).unwrap()), [format!("k{i}")], "{k}");
        }
        for (i, fl) in FLAG_BITS.iter().enumerate() {
            let f = EventFilter { flags: vec![fl.to_string()], ..Default::default() };
            let want = if i < 3 { 2 } else { 1 };
            assert_eq!(count_events(c, &f).unwrap() as usize, want, "{fl}");
        }
        let d = NaiveDate::from_ymd_opt(2030, 1, 1);
        assert_eq!(count_events(c, &EventFilter { date_to: d, ..Default::default() }).unwrap(), 9, "undated is in no range");
        assert_eq!(count_events(c, &EventFilter::default()).unwrap(), 10);
    }

    #[test]
    fn both_full_text_forms_give_the_same_pages() {
        let evs: Vec<String> = (0..60u64)
            .map(|i| {
                let mut v: serde_json::Value = serde_json::from_str(&event(
                    &format!("f{i:02}"),
                    "Battles",
                    "ML",
                    "Gao",
                    &format!("2024-03-{:02}", i % 28 + 1),
                    i,
                    16.0,
                    0.0,
                ))
                .unwrap();
                if i % 3 == 0 {
                    v["evidence"] =
                        serde_json::json!([{"article_id": "a", "field": "date", "start": 0, "end": 5, "quote": "a convoy ambush"}]);
                }
                v.to_string()
            })
            .collect();
        let s = store_with(&evs);
        let c = s.conn();
        let f = EventFilter { fts: Some("\"convoy\"".into()), min_fatalities: Some(10), ..Default::default() };
        let page = |form: FtsForm| -> Vec<String> {
            let (w, p) = conditions_with(c, &f, form).unwrap();
            let sql = format!("SELECT e.id FROM event_index e{} ORDER BY e.sort_date DESC, e.n DESC", where_clause(&w));
            c.prepare(&sql).unwrap().query_map(params_from_iter(p), |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
        };
        let set = page(FtsForm::Set);
        assert_eq!(set.len(), 16, "multiples of 3 from 12 to 57");
        assert_eq!(set, page(FtsForm::Scan));
        assert_eq!(count_events(c, &f).unwrap(), 16);
        let only = EventFilter { fts: Some("\"convoy\"".into()), ..Default::default() };
        assert_eq!(count_events(c, &only).unwrap(), 20);
        assert_eq!(list_events(c, &only, Sort::DateDesc, None, 100, Shape::Full).unwrap().events.len(), 20);
    }

    #[test]
    fn pages_through_sets_in_one_pass_are_the_pages_of_two_queries() {
        let kinds = ["state_forces", "rebels", "civilians"];
        let evs: Vec<String> = (0..120u64)
            .map(|i| {
                let mut v: serde_json::Value = serde_json::from_str(&event(
                    &format!("p{i:03}"),
                    if i % 2 == 0 { "Battles" } else { "Riots" },
                    if i % 3 == 0 { "ML" } else { "NE" },
                    "Gao",
                    // repeated dates and fatalities: ties are broken by row number
                    &format!("2024-{:02}-{:02}", i % 5 + 1, i % 3 + 1),
                    i % 7,
                    16.0,
                    0.5,
                ))
                .unwrap();
                v["actors"] = serde_json::json!([{"name": "A", "kind": kinds[(i % 3) as usize], "role": "attacker"}]);
                v["flags"] = if i % 4 == 0 { serde_json::json!(["conflicting_counts"]) } else { serde_json::json!([]) };
                if i % 5 == 0 {
                    v["evidence"] =
                        serde_json::json!([{"article_id": "a", "field": "date", "start": 0, "end": 5, "quote": "a convoy ambush"}]);
                }
                v.to_string()
            })
            .collect();
        let s = store_with(&evs);
        let c = s.conn();
        let filters = [
            EventFilter { flags: vec!["conflicting_counts".into()], ..Default::default() },
            EventFilter { actor_kinds: vec!["rebels".into()], flags: vec!["conflicting_counts".into()], ..Default::default() },
            EventFilter { fts: Some("\"convoy\"".into()), countries: vec!["NE".into()], ..Default::default() },
            EventFilter { actor_kinds: vec!["civilians".into(), "rebels".into()], min_fatalities: Some(2), ..Default::default() },
        ];
        for f in &filters {
            for sort in [Sort::DateDesc, Sort::DateAsc, Sort::FatalitiesDesc] {
                let mut both: Vec<(Vec<String>, u64)> = Vec::new();
                for one_pass in [true, false] {
                    let (mut all, mut after) = (Vec::new(), None);
                    let total = loop {
                        let page = list_events_with(c, f, sort, after.as_ref(), 7, Shape::Summary, one_pass).unwrap();
                        let total = page.total.unwrap_or_else(|| count_events(c, f).unwrap());
                        all.extend(ids(&page).iter().map(|x| x.to_string()));
                        match page.next {
                            Some(n) => after = Some(n),
                            None => break total,
                        }
                    };
                    assert_eq!(all.len() as u64, total, "{f:?} {sort:?} {one_pass}");
                    both.push((all, total));
                }
                assert!(both[0].1 > 0, "{f:?}");
                assert_eq!(both[0], both[1], "{f:?} {sort:?}");
            }
        }
    }

    #[test]
    fn box_pages_read_in_order_or_sorted_are_the_same() {
        // a third of the events in the box (one across the antimeridian too), the rest out
        let evs: Vec<String> = (0..300u64)
            .map(|i| {
                let (lat, lon) = match i % 3 {
                    0 => (15.0, 1.0 + (i % 7) as f64 / 10.0),
                    1 => (5.0, 1.0),
                    _ => (15.0, 179.5),
                };
                event(&format!("b{i:03}"), "Battles", "ML", "Gao", &format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1), i % 17, lat, lon)
            })
            .collect();
        let s = store_with(&evs);
        let c = s.conn();
        for (bbox, want) in [
            (BBox { west: 0.5, south: 14.0, east: 2.0, north: 16.0 }, 100),
            (BBox { west: 179.0, south: 14.0, east: -179.0, north: 16.0 }, 100),
            (BBox { west: 0.5, south: -10.0, east: 2.0, north: 16.0 }, 200),
        ] {
            let f = EventFilter { bbox: Some(bbox), ..Default::default() };
            for sort in [Sort::DateDesc, Sort::DateAsc, Sort::FatalitiesDesc] {
                // limit 5: read in order (6 * 300 / 100 < 0.3 * 100); limit 500: sorted
                let mut pages: Vec<Vec<String>> = Vec::new();
                for limit in [5, 500] {
                    let mut all = Vec::new();
                    let mut after = None;
                    loop {
                        let page = list_events(c, &f, sort, after.as_ref(), limit, Shape::Summary).unwrap();
                        assert_eq!(page.total, Some(want));
                        all.extend(ids(&page).iter().map(|x| x.to_string()));
                        match page.next {
                            Some(n) => after = Some(n),
                            None => break,
                        }
                    }
                    assert_eq!(all.len() as u64, want, "{bbox:?} {sort:?} {limit}");
                    pages.push(all);
                }
                assert_eq!(pages[0], pages[1], "{bbox:?} {sort:?}");
            }
        }
    }

    #[test]
    fn summaries_are_short_forms_of_the_lines_and_rare_flags_use_their_set() {
        let mut evs: Vec<String> =
            (0..40u64).map(|i| event(&format!("s{i:02}"), "Riots", "BF", "Sahel", "2025-07-01", i, 14.0, -0.5)).collect();
        let mut rare: serde_json::Value = serde_json::from_str(&evs[7]).unwrap();
        rare["flags"] = serde_json::json!(["conflicting_counts", "single_source"]);
        evs[7] = rare.to_string();
        let s = store_with(&evs);
        let c = s.conn();
        let page = list_events(c, &EventFilter::default(), Sort::FatalitiesDesc, None, 3, Shape::Summary).unwrap();
        let full = list_events(c, &EventFilter::default(), Sort::FatalitiesDesc, None, 3, Shape::Full).unwrap();
        for ((id, short), (_, line)) in page.events.iter().zip(&full.events) {
            let short: serde_json::Value = serde_json::from_str(short).unwrap();
            let line: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(short["id"], id.as_str());
            for k in ["event_type", "sub_event_type", "actors", "casualties", "fatalities", "flags"] {
                assert_eq!(short[k], line[k], "{k}");
            }
            assert_eq!(short["location"]["lat"], line["location"]["lat"]);
            assert_eq!(short["date"]["precision"], line["date"]["precision"]);
            assert_eq!((short["sources"].as_u64(), short["independent_sources"].as_u64()), (Some(1), Some(1)));
        }
        // 1 event in 40 (under 5%): the flag's set; 40 in 40: the bit test; the same answers
        let f = EventFilter { flags: vec!["conflicting_counts".into()], ..Default::default() };
        assert!(conditions(c, &f).unwrap().0[0].contains("event_terms"));
        assert_eq!(ids(&list_events(c, &f, Sort::DateDesc, None, 5, Shape::Summary).unwrap()), ["s07"]);
        let g = EventFilter { flags: vec!["single_source".into()], actor_kinds: vec!["state_forces".into()], ..Default::default() };
        assert!(conditions(c, &g).unwrap().0.iter().all(|w| w.contains('&')));
        assert_eq!(count_events(c, &g).unwrap(), 40);
    }

    #[test]
    fn backfill_indexes_events_stored_before_the_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::migrations::current(&conn).unwrap();
            let serving = crate::migrations::MIGRATIONS.iter().find(|m| m.name == "serving").unwrap().version;
            for m in crate::migrations::MIGRATIONS.iter().filter(|m| m.version < serving) {
                let tx = conn.transaction().unwrap();
                tx.execute_batch(m.sql).unwrap();
                tx.execute("INSERT INTO schema_migrations VALUES (?1, ?2, 'then')", params![m.version, m.name]).unwrap();
                tx.commit().unwrap();
                if m.name == "events" {
                    conn.execute(
                        "INSERT INTO events VALUES ('old', ?1)",
                        [event("old", "Battles", "NE", "Dosso", "2023-05-05", 2, 13.0, 3.2)],
                    )
                    .unwrap();
                }
            }
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(count_events(s.conn(), &EventFilter { admin1: vec!["Dosso".into()], ..Default::default() }).unwrap(), 1);
    }
}
