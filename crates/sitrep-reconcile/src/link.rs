//! Incremental event linking: a batch of new mentions against the stored events near them.
//!
//! See the crate documentation for the protocol. In short: [`Linker::link`] gathers a *pool*
//! (the batch, plus every stored event that shares a block key with it, following links a few
//! rounds), decides article relations and stale datelines inside the pool, clusters the pool's
//! mentions from scratch, gives each cluster an id (an existing id whenever the cluster holds
//! that event's mentions; merged ids go to `merged_from`), and returns what changed.
//!
//! Clustering is a deterministic function of the pool's content (mentions sorted by key, edges
//! sorted by score then key): pairs scoring at least the threshold are merged strongest first
//! (Kruskal), unless the two clusters hold a hard conflict or their average pair score is too
//! low. Two mentions of one article (its main and a background event) are a hard conflict
//! there too, unless they agree as two reports of one event would, by
//! [`ONE_ARTICLE_MARGIN`] above the threshold (the reader split one shooting in two).
//! Arrival order therefore does not change the result as long as each pool holds the
//! events a batch can link to, which block keys and the follow-up rounds ensure.

use crate::reconcile::reconcile;
use crate::record::{ArticleRecord, MentionKey, MentionRecord, StaleEvidence};
use crate::score::{LinkConfig, View, score, score_member, score_one_article, score_with, semantic_points, stale_evidence};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use sitrep_model::article::Article;
use sitrep_model::contract::EventOut;
use sitrep_model::mention::EventMention;
use sitrep_relate::{SentenceEmbedder, compare, cosine};
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A stored event: its id, the ids merged into it, its block keys (for the store's index) and
/// its member mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventState {
    /// Stable id.
    pub id: String,
    /// Ids of events merged into this one (never lost).
    pub merged_from: Vec<String>,
    /// Block keys of its members: index these; [`LinkStore::events_by_keys`] looks them up.
    pub keys: Vec<String>,
    /// The latest usable date among its members: postings are read latest first.
    #[serde(default)]
    pub latest: Option<NaiveDate>,
    /// Its mentions, sorted by key.
    pub members: Vec<MentionRecord>,
}

/// What the linker reads from a store. Implement it over the database (three queries); an
/// in-memory version is [`crate::memory::MemoryStore`].
pub trait LinkStore {
    /// The store's error.
    type Error;
    /// The events filed under each of `keys`, with all their members: per key at most
    /// `limit`, those with the latest [`EventState::latest`] first (undated last, then by id).
    /// SQL: `SELECT event_id FROM event_keys WHERE key = ? ORDER BY latest DESC NULLS LAST,
    /// event_id LIMIT ?`, with `latest` copied into the key table.
    fn events_by_keys(&self, keys: &[String], limit: usize) -> Result<Vec<EventState>, Self::Error>;
    /// How many events are filed under each of `keys`, counting up to `at_most + 1` (a
    /// count above `at_most` means "common"). SQL: `SELECT COUNT(*) FROM (SELECT 1 FROM
    /// event_keys WHERE key = ? LIMIT ?)`. A store that does not count answers 0 for every
    /// key: no key is then common.
    fn key_counts(&self, keys: &[String], at_most: usize) -> Result<Vec<usize>, Self::Error> {
        let _ = at_most;
        Ok(vec![0; keys.len()])
    }
    /// The events filed under each [`NearLookup`]'s key, for each of its anchors (a date and
    /// a number of days) at most `limit`: those whose [`EventState::latest`] is within the
    /// days of the date,
    /// closest first (either side; ties to the earlier date, then by id), then undated ones
    /// (by id) while fewer than `limit`. SQL: per key and anchor, `... WHERE key = ? AND
    /// latest BETWEEN ? AND ? ORDER BY latest DESC LIMIT ?`, the same after the anchor in
    /// ascending order, and `latest IS NULL`. The default reads the latest `limit` per key
    /// ([`LinkStore::events_by_keys`]).
    fn events_near(&self, near: &[NearLookup], limit: usize) -> Result<Vec<EventState>, Self::Error> {
        let keys: Vec<String> = near.iter().map(|n| n.key.clone()).collect();
        self.events_by_keys(&keys, limit)
    }
    /// The events [`LinkStore::events_by_keys`] reads for each `(keys, limit)` of `lookups`
    /// and [`LinkStore::events_near`] for `near`, each once, in id order, offered to `keep`:
    /// returns those it keeps. The default reads them all and drops the others; a store
    /// holding its events in memory can offer them by reference and copy only the kept ones
    /// (most read events are not).
    fn keep_events_by_keys(
        &self,
        lookups: &[(&[String], usize)],
        near: &[NearLookup],
        near_limit: usize,
        keep: &mut dyn FnMut(&EventState) -> bool,
    ) -> Result<Vec<EventState>, Self::Error> {
        let mut all = Vec::new();
        for (keys, limit) in lookups {
            all.extend(self.events_by_keys(keys, *limit)?);
        }
        if !near.is_empty() {
            all.extend(self.events_near(near, near_limit)?);
        }
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all.dedup_by(|a, b| a.id == b.id);
        all.retain(|e| keep(e));
        Ok(all)
    }
    /// For each of `ids`, whether it names a stored event or an id merged into one: a new
    /// event never takes such an id (ids are unique across the store, not only the pool).
    /// SQL: `SELECT 1 FROM link_events WHERE id = ?` or an alias row.
    fn ids_in_use(&self, ids: &[String]) -> Result<Vec<bool>, Self::Error>;
    /// Every event with a member mention from one of these articles.
    fn events_of_articles(&self, article_ids: &[String]) -> Result<Vec<EventState>, Self::Error>;
    /// The records of these articles (those the store has).
    fn articles(&self, ids: &[String]) -> Result<Vec<ArticleRecord>, Self::Error>;
}

/// A key read near some dates: at most a few events per anchor, those whose latest date is
/// within the anchor's days of its date, closest first ([`LinkStore::events_near`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearLookup {
    /// The key.
    pub key: String,
    /// The dates of the mentions looking it up, each with the days either side to look.
    pub anchors: Vec<(NaiveDate, i64)>,
}

/// New articles and their mentions.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// Article records.
    pub articles: Vec<ArticleRecord>,
    /// Their mention records.
    pub mentions: Vec<MentionRecord>,
    /// Stored articles whose mentions leave their events (an original that became an exact
    /// duplicate of another, an article deleted): their events lose them; copy relations
    /// pointing at them are dropped.
    pub removed: Vec<String>,
    /// `(removed mention, mention taking its place)`: for ids, the new mention counts as a
    /// member of the removed one's event (an original demoted to a duplicate hands its events
    /// to the new original, so their ids are kept).
    pub successors: Vec<(MentionKey, MentionKey)>,
}

impl Batch {
    /// Adds an article and its mentions (main first) as the reader gave them.
    pub fn add(&mut self, article: &Article, mentions: &[EventMention]) {
        self.articles.push(ArticleRecord::new(article, mentions));
        self.mentions.extend(MentionRecord::all(article, mentions));
    }
    /// Adds prepared records.
    pub fn add_records(&mut self, article: ArticleRecord, mentions: Vec<MentionRecord>) {
        self.articles.push(article);
        self.mentions.extend(mentions);
    }
}

/// Counters of one linking call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkStats {
    /// Mentions in the pool.
    pub pool_mentions: usize,
    /// Stored events fetched into the pool.
    pub pool_events: usize,
    /// Stored events read from the store (fetched into the pool or left out).
    pub read_events: usize,
    /// Pairs scored.
    pub pairs_scored: usize,
    /// Pairs for which semantic similarity was consulted.
    pub semantic_pairs: usize,
    /// Texts embedded in this call.
    pub embedded: usize,
    /// Fetch rounds.
    pub rounds: usize,
}

impl LinkStats {
    /// Adds another call's counters (sums; `pool_mentions` and `rounds` keep the largest).
    pub fn absorb(&mut self, o: &LinkStats) {
        self.pool_mentions = self.pool_mentions.max(o.pool_mentions);
        self.pool_events += o.pool_events;
        self.read_events += o.read_events;
        self.pairs_scored += o.pairs_scored;
        self.semantic_pairs += o.semantic_pairs;
        self.embedded += o.embedded;
        self.rounds = self.rounds.max(o.rounds);
    }
}

/// What changed: apply it to the store in one transaction.
#[derive(Clone, Debug, Default)]
pub struct LinkDelta {
    /// Events to insert or replace (full state).
    pub events: Vec<EventState>,
    /// Event ids that no longer stand as events: each is now in the `merged_from` of one of
    /// `events` (or, if its mentions all vanished on re-reading, nowhere). Delete their rows
    /// and key index entries.
    pub deleted: Vec<String>,
    /// Article records to insert or replace (the batch's, and those whose relations or
    /// dateline status changed).
    pub articles: Vec<ArticleRecord>,
    /// The contract lines of every event in `events` and of every event whose articles'
    /// status changed, reconciled.
    pub outputs: Vec<EventOut>,
    /// The event of every mention in the pool (store it with the mention; an article's
    /// `event_ids` are its mentions' events in index order).
    pub mention_events: Vec<(MentionKey, String)>,
    /// Counters.
    pub stats: LinkStats,
}

/// A key to look up: how (bounded 0, the latest only 1, near an anchor 2) and the anchor
/// (a date and days either side).
type Lookup = (String, u8, Option<(NaiveDate, i64)>);

/// Links batches of mentions into events.
#[derive(Default)]
pub struct Linker<'e> {
    /// Thresholds.
    pub config: LinkConfig,
    embedder: Option<&'e dyn SentenceEmbedder>,
}

/// A mention's block keys: `index` (what its event is filed under in the store) and `query`
/// (what to look up to find the events it may join). Two mentions are candidates when one's
/// query keys meet the other's index keys.
///
/// Three kinds of mention, by what is known of their time:
///
/// - **dated** (a usable date): filed under country and the weeks of its date, looked up
///   under the weeks a week either side; filed under its places and names for its year; a
///   date resolved from the dateline (perhaps a follow-up's) also looks up its places and
///   names over the year before, near its date ([`Keys::near`]).
/// - **undated in a dated article** (the article's dateline is usable): the event happened
///   before publication, taken as within [`UNDATED_HORIZON_YEARS`] years: looked up under its
///   places and names for those years (near the publication), and filed so that dated mentions of those years find
///   it (`u:` keys).
/// - **timeless** (neither): looked up under its places and names whatever the time, and filed
///   so that the others find it (`u0:` keys).
///
/// "Places and names" are the country with the place (when exact or near) and with each name
/// of the mention's sentences (up to 8, plus the place's words), and the full names of the
/// people it names (up to 6, whatever the country: a misread place must not hide a victim's
/// name). Names are also filed whatever the country (`n:*:`); a mention whose country is
/// uncertain (none, or read from a region or the country alone) looks them up there too.
/// Every mention is also filed under them whatever the
/// time, for timeless mentions to find. And a mention with a date as written (usable or
/// suspect) is filed and looked up (near that date) under its [`stale_keys`], which find a
/// page whose dateline is a year off.
///
/// Postings stay bounded as a corpus grows (their size depends on the density of events, not
/// on the length of the history), except those looked up "whatever the time": these
/// (`recent`) are read for the [`LinkConfig::recent_limit`] latest events only; and the long
/// windows (`near`) read at most [`NEAR_LIMIT`] events per key and mention.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    /// Filed under.
    pub index: Vec<String>,
    /// Looked up (at most [`LinkConfig::max_key_postings`] events per key).
    pub query: Vec<String>,
    /// Looked up whatever the time (at most [`LinkConfig::recent_limit`] latest events per key).
    pub recent: Vec<String>,
    /// Looked up over a long window, with the date to look near and the days either side
    /// (the mention's date for a follow-up, [`FOLLOW_UP_DAYS`], or a stale page,
    /// [`STALE_DAYS`]; its article's publication for an undated mention,
    /// [`UNDATED_HORIZON_YEARS`]): at most [`NEAR_LIMIT`] events per key, those dated
    /// closest to the date within the days.
    pub near: Vec<(String, NaiveDate, i64)>,
}

impl Keys {
    /// Every key looked up.
    pub fn lookups(&self) -> impl Iterator<Item = &String> {
        self.query.iter().chain(&self.recent).chain(self.near.iter().map(|(k, _, _)| k))
    }
}

/// Events read per key and anchor by a lookup over a long window ([`Keys::near`]): a
/// follow-up's event, an undated mention's, or a stale page's, is among the few events of
/// its place, name or toll dated nearest to it. A name of one event a year reads all of
/// them; a name of a few events a month, the few nearest in time.
pub const NEAR_LIMIT: usize = 8;

/// Days before (or after) a follow-up's date within which its event is looked for.
pub const FOLLOW_UP_DAYS: i64 = 366;

/// Days either side of a page's date as written within which the event of a stale
/// re-publication (a year late) is looked for.
pub const STALE_DAYS: i64 = 400;

/// People a mention is filed and looked up under (per country and time).
pub const MAX_PEOPLE_KEYS: usize = 6;
/// Other names a mention is filed and looked up under (the longest first).
pub const MAX_NAME_KEYS: usize = 8;

/// Years before its publication within which an undated mention's event is looked for.
pub const UNDATED_HORIZON_YEARS: i32 = 2;

/// Events of one year filed under one place, name or person above which it is a common word
/// (a capital named in every report of its country, a city of millions, a head of state): it
/// then tells events apart no better than a stop word, and is neither looked up in the store
/// nor used for candidate pairs in the pool, in any of its forms (that year, the others,
/// undated and timeless). Time, place and the other names still find the events it would
/// have found. As with the per-key limits, whether a key has become common depends on what
/// the store holds, so an event found *only* through a word that became common meanwhile may
/// link in one arrival order and not in another.
pub const COMMON_KEY_EVENTS: usize = 50;

/// The place, name or person a key is about, without its time scoping (`u:`/`u0:` and the
/// year): `u:n:XA:kobadu:2019` and `n:XA:kobadu` are both `n:XA:kobadu`. `None` for week (and
/// the former month) and stale keys.
pub fn key_stem(k: &str) -> Option<&str> {
    if k.starts_with("w:") || k.starts_with("m:") || k.starts_with("s:") {
        return None;
    }
    let k = k.strip_prefix("u0:").or_else(|| k.strip_prefix("u:")).unwrap_or(k);
    match k.rsplit_once(':') {
        Some((stem, y)) if stem.contains(':') && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(stem),
        _ => Some(k),
    }
}

/// The year a key is scoped to, with its stem.
fn year_scoped(k: &str) -> Option<(&str, &str)> {
    let stem = key_stem(k)?;
    let k = k.strip_prefix("u:").unwrap_or(k);
    let y = k.strip_prefix(stem)?.strip_prefix(':')?;
    (y.len() == 4).then_some((stem, y))
}

/// Drops the lookups of common stems from `keys` (what a mention is filed under is kept):
/// also stale-page keys combining a toll with a common name, and the bare-toll stale keys
/// in `common` themselves ([`STALE_BARE_COMMON`]).
fn drop_common(keys: &mut Keys, common: &HashSet<String>) {
    if common.is_empty() {
        return;
    }
    let keep = |k: &String| match key_stem(k) {
        Some(s) => !common.contains(s),
        None if k.starts_with("s:") => !common.contains(k) && stale_name_stem(k).is_none_or(|s| !common.contains(&s)),
        None => true,
    };
    keys.query.retain(keep);
    keys.recent.retain(keep);
    keys.near.retain(|(k, _, _)| keep(k));
}

/// The block keys of a mention (see [`Keys`]).
pub fn mention_keys(v: &View<'_>) -> Keys {
    // A mention placed nowhere is looked for in its article's country.
    let cc = v.country.clone().or_else(|| v.rec.country_hint.as_ref().map(|c| c.to_ascii_uppercase())).unwrap_or_else(|| "??".to_string());
    let mut k = Keys::default();
    let mut places: Vec<String> = Vec::new();
    if let Some(p) = &v.place {
        places.push(format!("p:{cc}:{p}"));
    }
    if let Some(g) = v.rec.location.place.geonames_id {
        places.push(format!("g:{g}"));
    }
    // The place's words are names too: "Broad Ripple" in one report is where "Indianapolis"
    // in another names the Broad Ripple Saloon.
    let mut words: Vec<&str> = v.place.as_deref().map(|p| p.split(' ').filter(|w| w.len() >= 3).collect()).unwrap_or_default();
    words.retain(|w| !crate::record::is_area_or_designator(w));
    let in_people = |n: &str| v.rec.people.iter().any(|p| p.split(' ').any(|w| w == n));
    let mut names: Vec<&str> =
        v.rec.names.iter().map(String::as_str).filter(|n| v.admin1.as_deref() != Some(*n) && !words.contains(n) && !in_people(n)).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.truncate(MAX_NAME_KEYS);
    names.extend(words.iter().copied());
    places.extend(names.iter().map(|w| format!("n:{cc}:{w}")));
    // People's full names whatever the country: a misread place must not hide a victim's name.
    places.extend(v.rec.people.iter().take(MAX_PEOPLE_KEYS).map(|p| format!("pp:{p}")));
    // Names are also filed whatever the country, for a mention whose country is uncertain (none,
    // or read from a region or the country alone) to look them up.
    let wide: Vec<String> = names.iter().map(|w| format!("n:*:{w}")).collect();
    let uncertain = v.country.is_none() || !v.town_level();
    let filed_p: Vec<String> = places.iter().chain(&wide).cloned().collect();
    let looked_p: Vec<String> = if uncertain { filed_p.clone() } else { places.clone() };
    k.index.extend(filed_p.iter().cloned());

    let dated = v.date.filter(|(a, b)| (*b - *a).num_days() <= 62);
    let published = v.art.published.filter(|_| !v.art.date_suspect());
    if let Some((a, b)) = dated {
        // Filed under the weeks of its date, looked up a week either side: two mentions dated
        // up to a week apart meet (further apart they are two events, or a follow-up, which
        // its places and names find).
        k.index.extend(week_keys(&cc, a, b));
        k.query.extend(week_keys(&cc, a - Duration::days(WEEK_MARGIN_DAYS), b + Duration::days(WEEK_MARGIN_DAYS)));
        for y in a.year()..=b.year() {
            for p in &filed_p {
                k.index.push(format!("{p}:{y}"));
            }
            for p in &looked_p {
                k.query.push(format!("u:{p}:{y}"));
            }
        }
        // A date resolved from the publication may be a follow-up's (an arrest, a trial):
        // look for the event at the same places and names in the year before too.
        if v.rec.date.from_publication {
            for y in (a.year() - 1)..=b.year() {
                for p in &looked_p {
                    k.near.push((format!("{p}:{y}"), a, FOLLOW_UP_DAYS));
                }
            }
        }
        k.recent.extend(looked_p.iter().map(|p| format!("u0:{p}")));
    } else if let Some(pubd) = published {
        for y in (pubd.year() - UNDATED_HORIZON_YEARS)..=pubd.year() {
            for p in &filed_p {
                k.index.push(format!("{p}:{y}"));
                k.index.push(format!("u:{p}:{y}"));
            }
            for p in &looked_p {
                k.near.push((format!("{p}:{y}"), pubd, 366 * i64::from(UNDATED_HORIZON_YEARS)));
            }
        }
        k.recent.extend(looked_p.iter().map(|p| format!("u0:{p}")));
    } else {
        k.recent.extend(looked_p.iter().cloned());
        k.index.extend(filed_p.iter().map(|p| format!("u0:{p}")));
    }
    let (filed, looked_up) = stale_keys(v);
    k.index.extend(filed);
    if let Some((a, _)) = v.raw_date {
        k.near.extend(looked_up.into_iter().map(|s| (s, a, STALE_DAYS)));
    }
    k.index.sort();
    k.index.dedup();
    k.query.sort();
    k.query.dedup();
    k.recent.sort();
    k.recent.dedup();
    k.near.sort();
    k.near.dedup();
    k
}

/// Days either side of a mention's date within which it looks for events of its country.
pub const WEEK_MARGIN_DAYS: i64 = 7;

/// The country-and-week keys of the days `from..=to` (`w:CC:` and the week's Monday).
fn week_keys(cc: &str, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut d = from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    while d <= to {
        out.push(format!("w:{cc}:{d}"));
        d += Duration::days(7);
    }
    out
}

/// The keys an event is filed under: its members' index keys.
pub fn block_keys(v: &View<'_>) -> Vec<String> {
    mention_keys(v).index
}

/// The mentions and articles one linking call works on.
#[derive(Default)]
struct Pool {
    mentions: BTreeMap<MentionKey, MentionRecord>,
    articles: BTreeMap<String, ArticleRecord>,
    /// Stored events in the pool (as they were, members by key).
    old: BTreeMap<String, OldEvent>,
    /// Mentions whose record differs from the stored one (re-read, or given an embedding).
    dirty: HashSet<MentionKey>,
    /// Keys already asked of the store.
    asked: HashSet<String>,
    /// Stems of common keys ([`COMMON_KEY_EVENTS`]) and common bare-toll stale keys
    /// ([`STALE_BARE_COMMON`]): not looked up.
    common: HashSet<String>,
    /// Each mention's keys (lookups of common stems dropped), with its article's
    /// `date_suspect()` when they were computed: the keys depend on nothing else that changes
    /// while linking, so they are computed once per mention unless that status changes.
    keys: HashMap<MentionKey, (bool, Keys)>,
}

/// A stored event as it was, its members by key (their records are in the pool).
struct OldEvent {
    id: String,
    merged_from: Vec<String>,
    keys: Vec<String>,
    latest: Option<NaiveDate>,
    members: Vec<MentionKey>,
}

impl Pool {
    fn add_event(&mut self, e: EventState, replaced: &HashSet<String>) -> bool {
        if self.old.contains_key(&e.id) {
            return false;
        }
        let mut keys = Vec::with_capacity(e.members.len());
        for m in e.members {
            keys.push(m.key.clone());
            if replaced.contains(&m.key.article_id) {
                // The batch's version of a re-read article replaces the stored one (keeping a
                // computed embedding of the same text).
                if let Some(new) = self.mentions.get_mut(&m.key)
                    && new.embedding.is_none()
                    && new.text == m.text
                {
                    new.embedding = m.embedding.clone();
                }
                if self.mentions.get(&m.key) != Some(&m) {
                    self.dirty.insert(m.key.clone());
                }
            } else {
                self.mentions.entry(m.key.clone()).or_insert(m);
            }
        }
        self.old.insert(e.id.clone(), OldEvent { id: e.id, merged_from: e.merged_from, keys: e.keys, latest: e.latest, members: keys });
        true
    }

    /// Computes the keys of the pool's mentions that have none, or whose article's status
    /// changed since (mentions without an article record have none).
    fn refresh_keys(&mut self) {
        let mut fresh = Vec::new();
        for (k, m) in &self.mentions {
            let Some(a) = self.articles.get(&k.article_id) else { continue };
            let suspect = a.date_suspect();
            if self.keys.get(k).is_some_and(|(s, _)| *s == suspect) {
                continue;
            }
            let mut ks = mention_keys(&View::new(m, a));
            drop_common(&mut ks, &self.common);
            fresh.push((k.clone(), (suspect, ks)));
        }
        self.keys.extend(fresh);
    }

    fn missing_articles(&self) -> Vec<String> {
        let mut ids: Vec<String> =
            self.mentions.keys().map(|k| k.article_id.clone()).filter(|id| !self.articles.contains_key(id)).collect();
        ids.sort();
        ids.dedup();
        ids
    }

    fn fetch_articles<S: LinkStore>(&mut self, store: &S) -> Result<(), S::Error> {
        let missing = self.missing_articles();
        if !missing.is_empty() {
            for a in store.articles(&missing)? {
                self.articles.entry(a.id.clone()).or_insert(a);
            }
        }
        Ok(())
    }
}

/// Candidate pairs: one mention's query keys meet the other's index keys (keys indexed by
/// more than `cap` mentions ignored). Sorted, unique, `i < j`.
pub fn candidate_pairs<K: std::borrow::Borrow<Keys>>(keys: &[K], cap: usize) -> Vec<(usize, usize)> {
    let mut post: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in &ks.borrow().index {
            post.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (i, ks) in keys.iter().enumerate() {
        for q in ks.borrow().lookups() {
            let Some(list) = post.get(q.as_str()) else { continue };
            if list.len() > cap {
                continue;
            }
            for &j in list {
                if i != j {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

struct UnionFind {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect(), members: (0..n).map(|i| vec![i]).collect() }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (keep, gone) = if a < b { (a, b) } else { (b, a) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
    }
}

/// Copy relations among the pool's articles: `(copy, original)` pairs.
type Related = HashSet<(String, String)>;

fn is_related(related: &Related, a: &str, b: &str) -> bool {
    related.contains(&(a.to_string(), b.to_string())) || related.contains(&(b.to_string(), a.to_string()))
}

impl<'e> Linker<'e> {
    /// A linker with these thresholds and no sentence model.
    pub fn new(config: LinkConfig) -> Self {
        Linker { config, embedder: None }
    }

    /// Uses `embedder` for pairs the other signals leave undecided.
    pub fn with_embedder(mut self, embedder: &'e dyn SentenceEmbedder) -> Self {
        self.embedder = Some(embedder);
        self
    }

    /// True when a sentence model is in use.
    pub fn semantic(&self) -> bool {
        self.embedder.is_some()
    }

    /// Links `batch` against the events in `store`. Pure apart from the store's reads; the
    /// store is not written: apply the returned delta.
    pub fn link<S: LinkStore>(&self, store: &S, batch: Batch) -> Result<LinkDelta, S::Error> {
        let cfg = &self.config;
        let mut stats = LinkStats::default();
        let mut pool = Pool::default();
        let batch_ids: Vec<String> = {
            let mut v: Vec<String> = batch.articles.iter().map(|a| a.id.clone()).collect();
            v.sort();
            v.dedup();
            v
        };
        let removed: HashSet<String> = batch.removed.iter().filter(|id| batch_ids.binary_search(id).is_err()).cloned().collect();
        let mut replaced: HashSet<String> = batch_ids.iter().cloned().collect();
        replaced.extend(removed.iter().cloned());
        let successors = batch.successors;

        // The batch, carrying over what the store knows of the same articles (re-ingest).
        let stored: HashMap<String, ArticleRecord> = store.articles(&batch_ids)?.into_iter().map(|a| (a.id.clone(), a)).collect();
        for mut a in batch.articles {
            if let Some(s) = stored.get(&a.id) {
                a.derivative_of = s.derivative_of.clone();
                a.stale = s.stale.clone();
                a.duplicate_of = a.duplicate_of.or_else(|| s.duplicate_of.clone());
            }
            pool.articles.insert(a.id.clone(), a);
        }
        for m in batch.mentions {
            pool.mentions.insert(m.key.clone(), m);
        }
        // The events of the articles taking a removed one's place too: its events may merge
        // into theirs (an original demoted to a duplicate of a stored article).
        let mut leaving: Vec<String> =
            batch_ids.iter().chain(&removed).cloned().chain(successors.iter().map(|(_, n)| n.article_id.clone())).collect();
        leaving.sort();
        leaving.dedup();
        for e in store.events_of_articles(&leaving)? {
            stats.pool_events += usize::from(pool.add_event(e, &replaced));
        }
        pool.fetch_articles(store)?;
        if !removed.is_empty() {
            for a in pool.articles.values_mut() {
                a.derivative_of.retain(|o| !removed.contains(o));
            }
        }

        // Common words: a place, name or person filed by many events of a year the batch
        // files or looks up.
        {
            let raw: Vec<(MentionKey, bool, Keys)> = pool
                .mentions
                .values()
                .filter(|m| replaced.contains(&m.key.article_id))
                .filter_map(|m| {
                    pool.articles.get(&m.key.article_id).map(|a| (m.key.clone(), a.date_suspect(), mention_keys(&View::new(m, a))))
                })
                .collect();
            let mut years: Vec<String> = raw
                .iter()
                .flat_map(|(_, _, ks)| ks.index.iter().chain(&ks.query).chain(ks.near.iter().map(|(k, _, _)| k)))
                .filter_map(|k| year_scoped(k).map(|(stem, y)| format!("{stem}:{y}")))
                .collect();
            years.sort();
            years.dedup();
            let counts = store.key_counts(&years, COMMON_KEY_EVENTS)?;
            for (k, n) in years.iter().zip(counts) {
                if n > COMMON_KEY_EVENTS
                    && let Some((stem, _)) = year_scoped(k)
                {
                    pool.common.insert(stem.to_string());
                }
            }
            // Bare tolls shared by many events of a country and year.
            let mut bare: Vec<String> =
                raw.iter().flat_map(|(_, _, ks)| ks.near.iter().map(|(k, _, _)| k)).filter(|k| is_bare_stale(k)).cloned().collect();
            bare.sort();
            bare.dedup();
            let counts = store.key_counts(&bare, STALE_BARE_COMMON)?;
            pool.common.extend(bare.into_iter().zip(counts).filter(|(_, n)| *n > STALE_BARE_COMMON).map(|(k, _)| k));
            for (k, suspect, mut ks) in raw {
                drop_common(&mut ks, &pool.common);
                pool.keys.insert(k, (suspect, ks));
            }
        }

        // Neighbouring events, following links.
        // (key, read only the latest events)
        // (key, how: bounded 0, latest only 1, nearest the anchor 2, anchor)
        let lookups = |ks: &Keys| -> Vec<Lookup> {
            ks.query
                .iter()
                .map(|k| (k.clone(), 0, None))
                .chain(ks.recent.iter().map(|k| (k.clone(), 1, None)))
                .chain(ks.near.iter().map(|(k, d, n)| (k.clone(), 2, Some((*d, *n)))))
                .collect()
        };
        let mut frontier: Vec<Lookup> = {
            let mut ks: Vec<Lookup> = pool
                .mentions
                .keys()
                .filter(|k| replaced.contains(&k.article_id))
                .filter_map(|k| pool.keys.get(k).map(|(_, ks)| lookups(ks)))
                .flatten()
                .collect();
            ks.sort();
            ks.dedup();
            ks
        };
        let mut copies: HashMap<(String, String), bool> = HashMap::new();
        for round in 0..cfg.max_rounds {
            frontier.retain(|k| !pool.asked.contains(&k.0));
            if frontier.is_empty() {
                break;
            }
            stats.rounds = round + 1;
            pool.asked.extend(frontier.iter().map(|k| k.0.clone()));
            let bounded: Vec<String> = frontier.iter().filter(|k| k.1 == 0).map(|k| k.0.clone()).collect();
            let recent: Vec<String> = frontier.iter().filter(|k| k.1 == 1).map(|k| k.0.clone()).collect();
            let mut near: Vec<NearLookup> = Vec::new();
            for (k, _, d) in frontier.iter().filter(|k| k.1 == 2) {
                match near.last_mut() {
                    Some(last) if last.key == *k => last.anchors.extend(*d),
                    _ => near.push(NearLookup { key: k.clone(), anchors: d.iter().copied().collect() }),
                }
            }
            // Keep only the events that may link to the pool (or bear on a stale dateline):
            // the others cannot change and stay as stored.
            pool.refresh_keys();
            // Views of the pool's mentions, built when a read event is scored against them.
            let pool_recs: Vec<(&MentionRecord, &ArticleRecord)> =
                pool.mentions.values().filter_map(|m| pool.articles.get(&m.key.article_id).map(|a| (m, a))).collect();
            let pool_views: Vec<OnceCell<View<'_>>> = pool_recs.iter().map(|_| OnceCell::new()).collect();
            // Pool mentions by what they look up: an event was read because some pool mention
            // looked up one of its keys; those are the mentions it may join.
            let mut by_lookup: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, (m, _)) in pool_recs.iter().enumerate() {
                let Some((_, ks)) = pool.keys.get(&m.key) else { continue };
                for key in ks.lookups() {
                    by_lookup.entry(key.as_str()).or_default().push(i);
                }
            }
            let floor = if self.embedder.is_some() { cfg.threshold - cfg.semantic_band } else { cfg.threshold };
            // Records of the read events' articles the pool lacks (fetched as events are read).
            let mut extra: HashMap<String, ArticleRecord> = HashMap::new();
            let mut failed: Option<S::Error> = None;
            let mut filter = |e: &EventState| -> bool {
                if pool.old.contains_key(&e.id) || failed.is_some() {
                    return false;
                }
                stats.read_events += 1;
                let mut missing: Vec<String> = e
                    .members
                    .iter()
                    .map(|m| &m.key.article_id)
                    .filter(|id| !pool.articles.contains_key(*id) && !extra.contains_key(*id))
                    .cloned()
                    .collect();
                missing.sort();
                missing.dedup();
                if !missing.is_empty() {
                    match store.articles(&missing) {
                        Ok(arts) => extra.extend(arts.into_iter().map(|a| (a.id.clone(), a))),
                        Err(err) => {
                            failed = Some(err);
                            return false;
                        }
                    }
                }
                let mut cands: Vec<usize> = e.keys.iter().filter_map(|k| by_lookup.get(k.as_str())).flatten().copied().collect();
                cands.sort_unstable();
                cands.dedup();
                !cands.is_empty()
                    && e.members.iter().any(|m| {
                        let Some(a) = pool.articles.get(&m.key.article_id).or_else(|| extra.get(&m.key.article_id)) else { return false };
                        let v = View::new(m, a);
                        cands.iter().any(|&i| {
                            let ov = pool_views[i].get_or_init(|| View::new(pool_recs[i].0, pool_recs[i].1));
                            match score(&v, ov, false) {
                                Some(s) if s >= floor => true,
                                Some(s) if s + 3.0 >= floor => {
                                    let (x, y) = (&a.id, &ov.art.id);
                                    let pair = if x < y { (x.clone(), y.clone()) } else { (y.clone(), x.clone()) };
                                    *copies.entry(pair).or_insert_with(|| {
                                        a.derivative_of.contains(y)
                                            || ov.art.derivative_of.contains(x)
                                            || compare(&a.fingerprint, &ov.art.fingerprint).kind.is_copy()
                                    })
                                }
                                _ => stale_evidence(&v, ov).is_some(),
                            }
                        })
                    })
            };
            let lookups_now: Vec<(&[String], usize)> = if recent.is_empty() {
                vec![(&bounded, cfg.max_key_postings)]
            } else {
                vec![(&bounded, cfg.max_key_postings), (&recent, cfg.recent_limit)]
            };
            let keep = store.keep_events_by_keys(&lookups_now, &near, NEAR_LIMIT, &mut filter)?;
            if let Some(err) = failed {
                return Err(err);
            }
            drop(by_lookup);
            drop(pool_views);
            drop(pool_recs);
            let mut members: Vec<MentionKey> = Vec::new();
            for e in keep {
                for m in &e.members {
                    if let Some(a) = extra.remove(&m.key.article_id) {
                        pool.articles.entry(a.id.clone()).or_insert(a);
                    }
                }
                members.extend(e.members.iter().map(|m| m.key.clone()));
                stats.pool_events += usize::from(pool.add_event(e, &replaced));
            }
            // The next round's keys, when one follows.
            let mut next = Vec::new();
            if round + 1 < cfg.max_rounds {
                pool.refresh_keys();
                next.extend(members.iter().filter_map(|k| pool.keys.get(k)).flat_map(|(_, ks)| lookups(ks)));
            }
            next.sort();
            next.dedup();
            frontier = next;
            // Articles fetched only for events left out are not part of the pool.
            let referenced: HashSet<&str> = pool.mentions.keys().map(|k| k.article_id.as_str()).collect();
            let unreferenced: Vec<String> =
                pool.articles.keys().filter(|id| !referenced.contains(id.as_str()) && !replaced.contains(*id)).cloned().collect();
            for id in unreferenced {
                pool.articles.remove(&id);
            }
        }

        // Relations and stale datelines inside the pool.
        // From here on only an article's copy relations and stale evidence change: what
        // tells whether its record changed.
        let records_before: HashMap<String, (Vec<String>, Vec<StaleEvidence>)> =
            pool.articles.iter().map(|(id, a)| (id.clone(), (a.derivative_of.clone(), a.stale.clone()))).collect();
        let status_before: HashMap<String, (bool, bool)> =
            pool.articles.iter().map(|(id, a)| (id.clone(), (a.independent(), a.date_suspect()))).collect();
        let related = self.relate_and_stale(&mut pool);
        let changed_status: Vec<String> = pool
            .articles
            .iter()
            .filter(|(id, a)| status_before.get(*id).is_some_and(|s| *s != (a.independent(), a.date_suspect())))
            .map(|(id, _)| id.clone())
            .collect();
        // Articles whose status changed, and copies with their originals: all their mentions
        // (a copy's background mentions are compared with its original's whatever their keys).
        let mut fetch: Vec<String> = changed_status.clone();
        fetch.extend(related.iter().flat_map(|(c, o)| [c.clone(), o.clone()]));
        fetch.sort();
        fetch.dedup();
        if !fetch.is_empty() {
            for e in store.events_of_articles(&fetch)? {
                stats.pool_events += usize::from(pool.add_event(e, &replaced));
            }
            pool.fetch_articles(store)?;
        }

        // Cluster.
        let keys_sorted: Vec<MentionKey> = pool.mentions.keys().cloned().collect();
        let (mut clusters, index_keys) = self.cluster(&mut pool, &related, &mut stats);
        clusters.sort_by(|a, b| keys_sorted[a[0]].cmp(&keys_sorted[b[0]]));
        stats.pool_mentions = keys_sorted.len();

        let mut changed_records: Vec<String> = pool
            .articles
            .iter()
            .filter(|(id, a)| records_before.get(*id).is_some_and(|(d, s)| *d != a.derivative_of || *s != a.stale))
            .map(|(id, _)| id.clone())
            .collect();
        changed_records.extend(changed_status.iter().cloned());
        changed_records.sort();
        changed_records.dedup();
        self.delta(store, pool, clusters, &index_keys, &keys_sorted, &batch_ids, &changed_status, &changed_records, &successors, stats)
    }

    /// Decides copy relations between articles whose mentions may be one event (candidate
    /// pairs scoring at least the threshold less the copy bonus), and the stale-dateline
    /// evidence of the pool's candidate pairs; updates the pool's article records (earlier
    /// evidence whose other mention is not in the pool is kept). Returns the copy pairs.
    fn relate_and_stale(&self, pool: &mut Pool) -> Related {
        let cfg = &self.config;
        let floor = cfg.threshold - 3.0 - if self.embedder.is_some() { cfg.semantic_band } else { 0.0 };
        let mut article_pairs: BTreeSet<(String, String)> = BTreeSet::new();
        let mut found: BTreeMap<String, Vec<StaleEvidence>> = BTreeMap::new();
        pool.refresh_keys();
        {
            let recs: Vec<&MentionRecord> = pool.mentions.values().collect();
            let views: Vec<Option<View<'_>>> = recs.iter().map(|m| pool.articles.get(&m.key.article_id).map(|a| View::new(m, a))).collect();
            let empty = Keys::default();
            let keys: Vec<&Keys> = recs.iter().map(|m| pool.keys.get(&m.key).map_or(&empty, |(_, ks)| ks)).collect();
            for (i, j) in candidate_pairs(&keys, cfg.max_key_postings) {
                let (Some(a), Some(b)) = (&views[i], &views[j]) else { continue };
                let (x, y) = (&a.rec.key.article_id, &b.rec.key.article_id);
                if x == y {
                    continue;
                }
                if score_with(a, b, false, false).is_some_and(|s| s >= floor) {
                    article_pairs.insert((x.min(y).clone(), x.max(y).clone()));
                }
                if let Some((art, ev)) = stale_evidence(a, b) {
                    found.entry(art).or_default().push(ev);
                }
            }
        }
        let mut related = Related::new();
        let mut updates: Vec<(String, String, bool)> = Vec::new();
        for (a, b) in &article_pairs {
            let (Some(fa), Some(fb)) = (pool.articles.get(a), pool.articles.get(b)) else { continue };
            let rel = compare(&fa.fingerprint, &fb.fingerprint);
            if rel.kind.is_copy() {
                related.insert((rel.copy.clone(), rel.original.clone()));
                updates.push((rel.copy.clone(), rel.original.clone(), true));
                updates.push((rel.original, rel.copy, false));
            } else {
                updates.push((a.clone(), b.clone(), false));
                updates.push((b.clone(), a.clone(), false));
            }
        }
        for (copy, original, is_copy) in updates {
            if let Some(art) = pool.articles.get_mut(&copy) {
                if is_copy {
                    if !art.derivative_of.contains(&original) {
                        art.derivative_of.push(original);
                        art.derivative_of.sort();
                    }
                } else {
                    art.derivative_of.retain(|o| *o != original);
                }
            }
        }
        // Copy relations recorded earlier with articles outside this pool still count.
        for a in pool.articles.values() {
            for o in &a.derivative_of {
                related.insert((a.id.clone(), o.clone()));
            }
        }
        // Stale evidence.
        let in_pool: HashSet<&MentionKey> = pool.mentions.keys().collect();
        let mut changed: Vec<(String, Vec<StaleEvidence>)> = Vec::new();
        for (id, a) in &pool.articles {
            let mut v: Vec<StaleEvidence> =
                a.stale.iter().filter(|s| !(in_pool.contains(&s.mention) && in_pool.contains(&s.other))).cloned().collect();
            v.extend(found.remove(id).unwrap_or_default());
            v.sort();
            v.dedup();
            if v != a.stale {
                changed.push((id.clone(), v));
            }
        }
        for (id, v) in changed {
            if let Some(a) = pool.articles.get_mut(&id) {
                a.stale = v;
            }
        }
        related
    }

    /// Clusters the pool; returns the clusters (pool indexes) and each mention's index keys.
    fn cluster(&self, pool: &mut Pool, related: &Related, stats: &mut LinkStats) -> (Vec<Vec<usize>>, Vec<Vec<String>>) {
        let cfg = &self.config;
        // Semantic similarity for undecided candidate pairs: embed the texts that lack a vector.
        let mut semantic: HashMap<(usize, usize), f64> = HashMap::new();
        let pairs;
        let index_keys: Vec<Vec<String>>;
        pool.refresh_keys();
        {
            let recs: Vec<&MentionRecord> = pool.mentions.values().collect();
            let views: Vec<View<'_>> = recs.iter().map(|m| View::new(m, &pool.articles[&m.key.article_id])).collect();
            let keys: Vec<&Keys> = recs.iter().map(|m| &pool.keys[&m.key].1).collect();
            let mut p = candidate_pairs(&keys, cfg.max_key_postings);
            // Every pair of mentions across a copy and its original.
            let mut of_article: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, m) in recs.iter().enumerate() {
                of_article.entry(m.key.article_id.as_str()).or_default().push(i);
            }
            for (c, o) in related {
                if let (Some(xs), Some(ys)) = (of_article.get(c.as_str()), of_article.get(o.as_str())) {
                    p.extend(xs.iter().flat_map(|&x| ys.iter().map(move |&y| (x.min(y), x.max(y)))));
                }
            }
            // Every pair of members of one stored event: a link once made is weighed again
            // whatever the block keys now say (a word that became common since, a posting
            // grown past its cap), as it was when the two met.
            let at: HashMap<&MentionKey, usize> = recs.iter().enumerate().map(|(i, m)| (&m.key, i)).collect();
            for e in pool.old.values() {
                let ms: Vec<usize> = e.members.iter().filter_map(|k| at.get(k).copied()).collect();
                for (n, &x) in ms.iter().enumerate() {
                    p.extend(ms[n + 1..].iter().map(|&y| (x.min(y), x.max(y))));
                }
            }
            p.sort_unstable();
            p.dedup();
            pairs = p;
            index_keys = keys.iter().map(|k| k.index.clone()).collect();
            stats.pairs_scored += pairs.len();
            if let Some(emb) = self.embedder {
                let undecided: Vec<(usize, usize)> = pairs
                    .iter()
                    .copied()
                    .filter(|&(i, j)| {
                        let rel = is_related(related, &recs[i].key.article_id, &recs[j].key.article_id);
                        score(&views[i], &views[j], rel).is_some_and(|s| s < cfg.threshold && s >= cfg.threshold - cfg.semantic_band)
                    })
                    .collect();
                stats.semantic_pairs += undecided.len();
                let mut need: Vec<usize> = undecided.iter().flat_map(|&(i, j)| [i, j]).filter(|&i| recs[i].embedding.is_none()).collect();
                need.sort_unstable();
                need.dedup();
                let texts: Vec<&str> = need.iter().map(|&i| recs[i].text.as_str()).collect();
                let vectors = if texts.is_empty() { Ok(Vec::new()) } else { emb.embed(&texts) };
                let mut fresh: HashMap<usize, Vec<f32>> = HashMap::new();
                if let Ok(vs) = vectors {
                    stats.embedded += vs.len();
                    fresh.extend(need.iter().copied().zip(vs));
                }
                for &(i, j) in &undecided {
                    let vi = recs[i].embedding.as_ref().or(fresh.get(&i));
                    let vj = recs[j].embedding.as_ref().or(fresh.get(&j));
                    if let (Some(a), Some(b)) = (vi, vj) {
                        semantic.insert((i, j), semantic_points(cosine(a, b)));
                    }
                }
                drop(views);
                let keys_vec: Vec<MentionKey> = recs.iter().map(|m| m.key.clone()).collect();
                for (i, v) in fresh {
                    if let Some(m) = pool.mentions.get_mut(&keys_vec[i]) {
                        m.embedding = Some(v);
                        pool.dirty.insert(keys_vec[i].clone());
                    }
                }
            }
        }
        let recs: Vec<&MentionRecord> = pool.mentions.values().collect();
        let views: Vec<View<'_>> = recs.iter().map(|m| View::new(m, &pool.articles[&m.key.article_id])).collect();
        let mut cache: HashMap<(usize, usize), Option<f64>> = HashMap::new();
        let mut pair_score = |i: usize, j: usize| -> Option<f64> {
            let (i, j) = (i.min(j), i.max(j));
            *cache.entry((i, j)).or_insert_with(|| {
                let rel = is_related(related, &recs[i].key.article_id, &recs[j].key.article_id);
                score(&views[i], &views[j], rel).map(|s| s + semantic.get(&(i, j)).copied().unwrap_or(0.0))
            })
        };
        let mut edges: Vec<(f64, usize, usize)> =
            pairs.iter().filter_map(|&(i, j)| pair_score(i, j).filter(|s| *s >= cfg.threshold).map(|s| (s, i, j))).collect();
        // Pairs across two clusters being merged: a follow-up short of linking alone counts
        // with its points (score::score_member).
        let mut member_cache: HashMap<(usize, usize), Option<f64>> = HashMap::new();
        let mut member_score = |i: usize, j: usize| -> Option<f64> {
            let (i, j) = (i.min(j), i.max(j));
            *member_cache.entry((i, j)).or_insert_with(|| {
                let rel = is_related(related, &recs[i].key.article_id, &recs[j].key.article_id);
                score_member(&views[i], &views[j], rel).map(|s| s + semantic.get(&(i, j)).copied().unwrap_or(0.0))
            })
        };

        edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut uf = UnionFind::new(recs.len());
        for (_, i, j) in edges {
            let (ri, rj) = (uf.find(i), uf.find(j));
            if ri == rj {
                continue;
            }
            let (a, b) = (uf.members[ri].clone(), uf.members[rj].clone());
            let mut sum = 0.0;
            let mut ok = true;
            'pairs: for &x in &a {
                for &y in &b {
                    let s = if recs[x].key.article_id == recs[y].key.article_id {
                        // One article's two mentions: one event only on strong agreement.
                        score_one_article(&views[x], &views[y]).filter(|s| *s >= cfg.threshold + ONE_ARTICLE_MARGIN)
                    } else {
                        member_score(x, y)
                    };
                    match s {
                        Some(s) => sum += s,
                        None => {
                            ok = false;
                            break 'pairs;
                        }
                    }
                }
            }
            if ok && sum / (a.len() * b.len()) as f64 >= cfg.average_min {
                uf.union(ri, rj);
            }
        }
        let mut out: Vec<Vec<usize>> = Vec::new();
        for i in 0..recs.len() {
            if uf.find(i) == i {
                let mut m = uf.members[i].clone();
                m.sort_unstable();
                out.push(m);
            }
        }
        (out, index_keys)
    }

    #[allow(clippy::too_many_arguments)]
    fn delta<S: LinkStore>(
        &self,
        store: &S,
        pool: Pool,
        clusters: Vec<Vec<usize>>,
        index_keys: &[Vec<String>],
        keys_sorted: &[MentionKey],
        batch_ids: &[String],
        changed_status: &[String],
        changed_records: &[String],
        successors: &[(MentionKey, MentionKey)],
        stats: LinkStats,
    ) -> Result<LinkDelta, S::Error> {
        let Pool { mentions, articles, old, dirty, .. } = pool;
        let recs: Vec<&MentionRecord> = mentions.values().collect();

        // Which old event each mention was in.
        let mut old_of: HashMap<&MentionKey, &str> = HashMap::new();
        for e in old.values() {
            for m in &e.members {
                old_of.insert(m, e.id.as_str());
            }
        }
        for (gone, new) in successors {
            if let Some(id) = old_of.get(gone).copied() {
                old_of.entry(new).or_insert(id);
            }
        }
        // Give clusters old ids: largest overlap first, then smaller id.
        let mut overlaps: Vec<(usize, &str, usize)> = Vec::new();
        for (c, members) in clusters.iter().enumerate() {
            let mut count: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in members {
                if let Some(id) = old_of.get(&keys_sorted[i]) {
                    *count.entry(id).or_default() += 1;
                }
            }
            overlaps.extend(count.into_iter().map(|(id, n)| (c, id, n)));
        }
        overlaps.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)).then(a.0.cmp(&b.0)));
        let mut id_of: Vec<Option<String>> = vec![None; clusters.len()];
        let mut taken: HashSet<&str> = HashSet::new();
        for &(c, id, _) in &overlaps {
            if id_of[c].is_none() && !taken.contains(id) {
                id_of[c] = Some(id.to_string());
                taken.insert(id);
            }
        }
        let mut used: HashSet<String> =
            old.values().flat_map(|e| std::iter::once(e.id.clone()).chain(e.merged_from.iter().cloned())).collect();
        used.extend(id_of.iter().flatten().cloned());
        for (c, members) in clusters.iter().enumerate() {
            if id_of[c].is_none() {
                let h = members.iter().map(|&i| (recs[i].hash, &recs[i].key)).min().map(|(h, _)| h).unwrap_or(0);
                // Not an id of the pool, nor of any stored event outside it (or merged into
                // one): taking it would overwrite that event.
                let mut id = format!("ev-{h:016x}");
                let mut n = 1;
                while used.contains(&id) || store.ids_in_use(std::slice::from_ref(&id))?.first().copied().unwrap_or(false) {
                    n += 1;
                    id = format!("ev-{h:016x}-{n}");
                }
                used.insert(id.clone());
                id_of[c] = Some(id);
            }
        }
        let id_of: Vec<String> = id_of.into_iter().map(|x| x.unwrap_or_default()).collect();
        let cluster_of_id: HashMap<&str, usize> = id_of.iter().enumerate().map(|(c, id)| (id.as_str(), c)).collect();

        // Old ids not kept go to the merged_from of the cluster holding most of their members.
        let mut merged: Vec<BTreeSet<String>> = vec![BTreeSet::new(); clusters.len()];
        let cluster_of_mention: HashMap<&MentionKey, usize> =
            clusters.iter().enumerate().flat_map(|(c, ms)| ms.iter().map(move |&i| (&keys_sorted[i], c))).collect();
        let succ: HashMap<&MentionKey, &MentionKey> = successors.iter().map(|(g, n)| (g, n)).collect();
        let mut deleted = Vec::new();
        for e in old.values() {
            let kept = cluster_of_id.get(e.id.as_str()).copied();
            let target = kept.or_else(|| {
                let mut count: BTreeMap<usize, usize> = BTreeMap::new();
                for m in &e.members {
                    let here = cluster_of_mention.get(m).or_else(|| succ.get(m).and_then(|n| cluster_of_mention.get(*n)));
                    if let Some(&c) = here {
                        *count.entry(c).or_default() += 1;
                    }
                }
                count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c)
            });
            match target {
                Some(c) => {
                    merged[c].extend(e.merged_from.iter().cloned());
                    if kept.is_none() {
                        merged[c].insert(e.id.clone());
                        deleted.push(e.id.clone());
                    }
                }
                None => deleted.push(e.id.clone()),
            }
        }

        // New states: only those that changed, or whose articles changed, are built.
        let touched_articles: HashSet<&str> = batch_ids.iter().chain(changed_status).map(String::as_str).collect();
        let mention_events: Vec<(MentionKey, String)> = clusters
            .iter()
            .enumerate()
            .flat_map(|(c, ms)| ms.iter().map(move |&i| (keys_sorted[i].clone(), c)))
            .map(|(k, c)| (k, id_of[c].clone()))
            .collect();
        let event_of: HashMap<&MentionKey, &str> = mention_events.iter().map(|(k, id)| (k, id.as_str())).collect();
        let mut events = Vec::new();
        let mut outputs = Vec::new();
        for (c, members) in clusters.iter().enumerate() {
            let mut member_keys: Vec<&MentionKey> = members.iter().map(|&i| &keys_sorted[i]).collect();
            member_keys.sort();
            let mut keys: Vec<&String> = members.iter().flat_map(|&i| index_keys[i].iter()).collect();
            keys.sort();
            keys.dedup();
            let mut mf: Vec<String> = merged[c].iter().filter(|x| **x != id_of[c]).cloned().collect();
            mf.sort();
            let latest = members
                .iter()
                .filter_map(|&i| articles.get(&recs[i].key.article_id).and_then(|a| usable_date(recs[i], a).map(|d| d.1)))
                .max();
            // An event with a dated member is found through that member's time keys by
            // anything that can join it: its undated members' `u:`/`u0:` filings are not needed.
            if latest.is_some() {
                keys.retain(|k| !k.starts_with("u:") && !k.starts_with("u0:"));
            }
            let same = old.get(&id_of[c]).is_some_and(|o| {
                o.merged_from == mf
                    && o.keys.iter().eq(keys.iter().copied())
                    && o.latest == latest
                    && o.members.iter().eq(member_keys.iter().copied())
                    && !member_keys.iter().any(|k| dirty.contains(*k))
            });
            let touched = member_keys.iter().any(|k| touched_articles.contains(k.article_id.as_str()));
            if same && !touched {
                continue;
            }
            let mut ms: Vec<MentionRecord> = members.iter().map(|&i| recs[i].clone()).collect();
            ms.sort_by(|a, b| a.key.cmp(&b.key));
            let keys: Vec<String> = keys.into_iter().cloned().collect();
            let state = EventState { id: id_of[c].clone(), merged_from: mf, keys, latest, members: ms };
            outputs.push(reconcile(&state, &articles, &|k| event_of.get(k).map(|s| s.to_string())));
            if !same {
                events.push(state);
            }
        }

        // Articles whose record changed (the batch's always).
        let mut out_articles: Vec<ArticleRecord> = Vec::new();
        for (id, a) in &articles {
            if batch_ids.binary_search(id).is_ok() || changed_records.binary_search(id).is_ok() {
                out_articles.push(a.clone());
            }
        }
        Ok(LinkDelta { events, deleted, articles: out_articles, outputs, mention_events, stats })
    }
}

/// A mention's date as [`View::new`] reads it (a date resolved from a suspect dateline is not
/// used), without building the view.
fn usable_date(rec: &MentionRecord, art: &ArticleRecord) -> Option<(NaiveDate, NaiveDate)> {
    if rec.date.from_publication && art.date_suspect() { None } else { rec.date.interval() }
}

/// Above the threshold, the score two mentions of one article need to be one event.
pub const ONE_ARTICLE_MARGIN: f64 = 0.0;

/// Least toll filed for finding a stale page's event by itself (with the country and year).
pub const STALE_BARE_TOLL: u64 = 10;

/// Events of one country and year filed under one bare toll (say, 12 wounded) above which it
/// is not distinctive alone: it is then not looked up (the toll with a tactic, an actor, a
/// name or the place still is). Where tolls of ten or more are common (a war), a bare toll
/// finds dozens of unrelated events; where they are rare, it finds a stale page's event even
/// when its place was read differently.
pub const STALE_BARE_COMMON: usize = 4;

/// True for a stale-page key of a bare toll ([`STALE_BARE_TOLL`]).
fn is_bare_stale(k: &str) -> bool {
    k.starts_with("s:") && k.rsplit_once(':').is_some_and(|(rest, _)| rest.ends_with(":any"))
}

/// The name a stale-page key combines with its toll, as a name key's stem (`n:CC:name`).
fn stale_name_stem(k: &str) -> Option<String> {
    let mut parts = k.splitn(6, ':');
    let (Some("s"), Some(cc)) = (parts.next(), parts.next()) else { return None };
    let with = parts.nth(3)?.rsplit_once(':')?.0;
    with.strip_prefix("n=").map(|n| format!("n:{cc}:{n}"))
}

/// Keys for finding a stale page's event a year away: for a mention with a date as written,
/// each distinctive toll (5 or more, not vague) combined with each specific thing that may
/// corroborate it ([`crate::score::dates_aside_strength`]: a tactic, a specific actor, a name
/// of the sentences; not the admin1 area, too common to look up) and with the year. Returns
/// `(filed, looked up)`: filed under the date's year, looked up under it and the years before
/// and after (so either side arriving first finds the other; postings stay bounded as a corpus
/// grows).
pub fn stale_keys(v: &View<'_>) -> (Vec<String>, Vec<String>) {
    let cc = v.country.clone().unwrap_or_else(|| "??".to_string());
    let (Some((a, b)), Some(_)) = (v.raw_date, &v.country) else { return (Vec::new(), Vec::new()) };
    if (b - a).num_days() > 62 {
        return (Vec::new(), Vec::new());
    }
    let mut with: Vec<String> = Vec::new();
    with.extend(v.tactics.iter().map(|t| format!("t={t}")));
    with.extend(v.actors.iter().filter(|(_, specific)| *specific).map(|(n, _)| format!("r={n}")));
    with.extend(v.rec.names.iter().filter(|n| v.admin1.as_deref() != Some(n.as_str())).take(4).map(|n| format!("n={n}")));
    // The place: a re-published page keeps the town of its event.
    with.extend(v.place.iter().map(|p| format!("p={p}")));
    let (mut filed, mut looked_up) = (Vec::new(), Vec::new());
    let y = b.year();
    for g in v.groups.iter().filter(|g| g.total.stated >= 5 && !g.total.vague) {
        // A toll of ten or more is distinctive enough alone (per country and year).
        let bare = (g.total.stated >= STALE_BARE_TOLL).then(|| "any".to_string());
        for w in with.iter().chain(bare.as_ref()) {
            let base = format!("s:{cc}:{}:{}:{}:{w}", g.class.as_str(), g.outcome.as_str(), g.total.stated);
            filed.push(format!("{base}:{y}"));
            looked_up.extend([y - 1, y, y + 1].map(|yy| format!("{base}:{yy}")));
        }
    }
    (filed, looked_up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_stems_drop_time_scoping_only() {
        assert_eq!(key_stem("n:XA:kobadu:2019"), Some("n:XA:kobadu"));
        assert_eq!(key_stem("u:n:XA:kobadu:2019"), Some("n:XA:kobadu"));
        assert_eq!(key_stem("u0:n:XA:kobadu"), Some("n:XA:kobadu"));
        assert_eq!(key_stem("n:*:kobadu"), Some("n:*:kobadu"));
        assert_eq!(key_stem("pp:amina tilo:2020"), Some("pp:amina tilo"));
        // A geonames id is not a year.
        assert_eq!(key_stem("g:2345"), Some("g:2345"));
        assert_eq!(key_stem("g:2345:2019"), Some("g:2345"));
        assert_eq!(key_stem("m:XA:2019-07"), None);
        assert_eq!(key_stem("s:XA:civilians:killed:12:any:2019"), None);
        assert_eq!(year_scoped("u:p:XA:tima:2019"), Some(("p:XA:tima", "2019")));
        assert_eq!(year_scoped("p:XA:tima"), None);
    }

    #[test]
    fn common_stems_are_not_looked_up_in_any_form() {
        let mut k = Keys {
            index: vec!["n:XA:kobadu:2019".into()],
            query: vec!["n:XA:kobadu:2018".into(), "u:n:XA:kobadu:2019".into(), "p:XA:tima:2019".into(), "m:XA:2019-07".into()],
            recent: vec!["u0:n:XA:kobadu".into(), "u0:p:XA:tima".into()],
            near: Vec::new(),
        };
        let common: HashSet<String> = ["n:XA:kobadu".to_string()].into();
        drop_common(&mut k, &common);
        assert_eq!(k.index, vec!["n:XA:kobadu:2019".to_string()], "still filed: counting needs it");
        assert_eq!(k.query, vec!["p:XA:tima:2019".to_string(), "m:XA:2019-07".to_string()]);
        assert_eq!(k.recent, vec!["u0:p:XA:tima".to_string()]);
    }

    #[test]
    fn stale_keys_of_common_names_and_common_bare_tolls_are_not_looked_up() {
        let d = NaiveDate::from_ymd_opt(2019, 7, 1).expect("date");
        let s = |w: &str| format!("s:XA:civilians:killed:12:{w}:2019");
        let mut k = Keys {
            near: vec![
                ("n:XA:kobadu:2018".into(), d, 366),
                ("p:XA:tima:2019".into(), d, 366),
                (s("n=kobadu"), d, 366),
                (s("n=tima"), d, 366),
                (s("any"), d, 366),
                (s("t=motorcycles"), d, 366),
                (s("p=tima"), d, 366),
            ],
            ..Keys::default()
        };
        assert_eq!(stale_name_stem(&s("n=kobadu")).as_deref(), Some("n:XA:kobadu"));
        assert_eq!(stale_name_stem(&s("p=tima")), None);
        assert!(is_bare_stale(&s("any")) && !is_bare_stale(&s("n=any")));
        let common: HashSet<String> = ["n:XA:kobadu".to_string(), s("any")].into();
        drop_common(&mut k, &common);
        let left: Vec<&str> = k.near.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(left, vec!["p:XA:tima:2019", &s("n=tima"), &s("t=motorcycles"), &s("p=tima")]);
    }

    #[test]
    fn week_keys_cover_the_days_from_monday() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).expect("date");
        // 2024-01-01 is a Monday.
        assert_eq!(week_keys("XA", day(1, 3), day(1, 3)), vec!["w:XA:2024-01-01".to_string()]);
        assert_eq!(week_keys("XA", day(1, 7), day(1, 8)), vec!["w:XA:2024-01-01".to_string(), "w:XA:2024-01-08".to_string()]);
        assert_eq!(week_keys("XA", day(1, 10) - Duration::days(7), day(1, 10) + Duration::days(7)).len(), 3);
    }

    /// A store that reports some ids as taken (by events outside any pool).
    struct Claimed {
        inner: crate::memory::MemoryStore,
        taken: Vec<String>,
    }

    impl LinkStore for Claimed {
        type Error = std::convert::Infallible;
        fn events_by_keys(&self, keys: &[String], limit: usize) -> Result<Vec<EventState>, Self::Error> {
            self.inner.events_by_keys(keys, limit)
        }
        fn ids_in_use(&self, ids: &[String]) -> Result<Vec<bool>, Self::Error> {
            let mine = self.inner.ids_in_use(ids)?;
            Ok(ids.iter().zip(mine).map(|(id, m)| m || self.taken.contains(id)).collect())
        }
        fn events_of_articles(&self, article_ids: &[String]) -> Result<Vec<EventState>, Self::Error> {
            self.inner.events_of_articles(article_ids)
        }
        fn articles(&self, ids: &[String]) -> Result<Vec<ArticleRecord>, Self::Error> {
            self.inner.articles(ids)
        }
    }

    /// A new event never takes an id the store holds, even for an event outside the pool
    /// (writing it would replace that event); and pages with the same text get different ids.
    #[test]
    fn new_ids_are_unique_in_the_store() {
        use crate::testkit::{M, article};
        use chrono::NaiveDate;
        use sitrep_model::Amount;
        use sitrep_model::taxonomy::*;
        let day = NaiveDate::from_ymd_opt(2021, 5, 2).expect("date");
        let text = "Gunmen killed four herders near Dalomi on Sunday, officials said.";
        let batch = |id: &str| {
            let a = article(id, None, Some(day), text);
            let m = M::new(text, SourceRole::Primary, SubEventType::Attack, "Gunmen killed")
                .date("on Sunday", day, day, DatePrecision::Day, true)
                .place("Dalomi", Some("Dalomi"), "XA", Some("Nordia"), Some((12.0, 3.0)), LocationPrecision::Exact)
                .toll("killed four herders", ActorKind::Civilians, Outcome::Killed, Amount::exact(4), Cause::Violence)
                .done();
            let mut b = Batch::default();
            b.add(&a, &[m]);
            b
        };
        let linker = Linker::new(LinkConfig::default());
        let alone = |id: &str, taken: Vec<String>| {
            let store = Claimed { inner: crate::memory::MemoryStore::new(), taken };
            let Ok(d) = linker.link(&store, batch(id));
            d.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
        };
        let first = alone("p1", vec![]);
        assert_eq!(first.len(), 1);
        assert_ne!(alone("p2", vec![]), first, "same text, other page: other id");
        assert_eq!(alone("p1", first.clone()), vec![format!("{}-2", first[0])]);
        assert_eq!(alone("p1", vec![first[0].clone(), format!("{}-2", first[0])]), vec![format!("{}-3", first[0])]);
    }

    /// Two undated reports of one attack found each other through their town; many events of
    /// that town later make it a common word. When one of them is read again (cleaned again,
    /// replaced), the two stay one event: a link once made is weighed again whatever the
    /// block keys now say.
    #[test]
    fn a_word_that_became_common_does_not_undo_a_link() {
        use crate::memory::MemoryStore;
        use crate::testkit::{M, article};
        use chrono::NaiveDate;
        use sitrep_model::Amount;
        use sitrep_model::taxonomy::*;
        let published = NaiveDate::from_ymd_opt(2019, 11, 20).expect("date");
        // Two independent reports (other words: not copies, which pair whatever their keys).
        let undated = |id: &str| {
            let (text, kill) = if id == "z1" {
                ("Gunmen attacked Kelimaro, killing 77 villagers, residents said.", "killing 77 villagers")
            } else {
                (
                    "A local official told reporters that armed men on motorbikes raided Kelimaro and shot dead 77 people.",
                    "shot dead 77 people",
                )
            };
            let a = article(id, None, Some(published), text);
            let m = M::new(text, SourceRole::Primary, SubEventType::Attack, if id == "z1" { "Gunmen attacked" } else { "raided" })
                .place("Kelimaro", Some("Kelimaro"), "XA", Some("Nordia"), Some((10.0, 2.0)), LocationPrecision::Exact)
                .toll(kill, ActorKind::Civilians, Outcome::Killed, Amount::exact(77), Cause::Violence)
                .done();
            let mut b = Batch::default();
            b.add(&a, &[m]);
            b
        };
        let dated = |n: u32| {
            let day = NaiveDate::from_ymd_opt(2019, 1 + n / 6, 1 + (n % 6) * 5).expect("date");
            let text = format!("On Monday, a bomb went off in Kelimaro, wounding {} traders.", n + 1);
            let a = article(&format!("d{n:03}"), None, Some(day + Duration::days(1)), &text);
            let m = M::new(&text, SourceRole::Primary, SubEventType::RemoteExplosive, "a bomb went off")
                .date("On Monday", day, day, DatePrecision::Day, true)
                .place("Kelimaro", Some("Kelimaro"), "XA", Some("Nordia"), Some((10.0, 2.0)), LocationPrecision::Exact)
                .toll(
                    &format!("wounding {} traders", n + 1),
                    ActorKind::Civilians,
                    Outcome::Wounded,
                    Amount::exact(u64::from(n) + 1),
                    Cause::Violence,
                )
                .done();
            let mut b = Batch::default();
            b.add(&a, &[m]);
            b
        };
        let linker = Linker::new(LinkConfig::default());
        let mut store = MemoryStore::new();
        let together = |store: &MemoryStore| {
            let (a, b) = (store.article_event_ids("z1"), store.article_event_ids("z2"));
            !a.is_empty() && a == b
        };
        let mut b = undated("z1");
        let two = undated("z2");
        b.articles.extend(two.articles);
        b.mentions.extend(two.mentions);
        store.ingest(&linker, b);
        assert!(together(&store), "the two reports are one event");
        for n in 0..COMMON_KEY_EVENTS as u32 + 5 {
            store.ingest(&linker, dated(n));
        }
        assert!(together(&store));
        // z1 read again: its town is a common word now.
        store.ingest(&linker, undated("z1"));
        assert!(together(&store), "z1 {:?} z2 {:?}", store.article_event_ids("z1"), store.article_event_ids("z2"));
    }

    /// Our own reports: many events of one country whose every report names the capital. Once
    /// the capital is common, a new report naming it reads no more old events than the same
    /// report without it; the two reports of its event still make one event.
    #[test]
    fn a_common_name_stops_being_a_key() {
        use crate::memory::MemoryStore;
        use crate::testkit::{M, article};
        use chrono::NaiveDate;
        use sitrep_model::Amount;
        use sitrep_model::taxonomy::*;
        let day = |d: u32| NaiveDate::from_ymd_opt(2019, 1 + (d / 28), 1 + d % 28).expect("date");
        let report = |id: &str, town: &str, d: u32, killed: u64, capital: bool| {
            let tail = if capital { format!("The army sent troops from Tolabemu to {town}.") } else { "The army sent troops.".to_string() };
            let text = format!("On Monday, gunmen attacked {town}, killing {killed} villagers. {tail}");
            let a = article(id, None, Some(day(d) + chrono::Duration::days(1)), &text);
            let m = M::new(&text, SourceRole::Primary, SubEventType::Attack, "gunmen attacked")
                .date("On Monday", day(d), day(d), DatePrecision::Day, true)
                .place(town, Some(town), "XA", Some("Nordia"), Some((10.0, 2.0 + f64::from(d) / 100.0)), LocationPrecision::Exact)
                .toll(&format!("killing {killed} villagers"), ActorKind::Civilians, Outcome::Killed, Amount::exact(killed), Cause::Violence)
                .sentence("sent troops")
                .done();
            (a, m)
        };
        let reads = |capital: bool, old_events: u32| {
            let linker = Linker::new(LinkConfig::default());
            let mut store = MemoryStore::new();
            for d in 0..old_events {
                let town = format!("Tow{}", ["ka", "bo", "ti", "na", "ru", "se"][d as usize % 6].repeat(1 + d as usize / 6));
                let (a, m) = report(&format!("a{d:03}"), &town, d * 2, 1 + u64::from(d % 40), true);
                let mut b = Batch::default();
                b.add(&a, &[m]);
                store.ingest(&linker, b);
            }
            let before = store.len();
            let mut b = Batch::default();
            for id in ["z1", "z2"] {
                let (a, m) = report(id, "Kelimaro", 130, 77, capital);
                b.add(&a, &[m]);
            }
            let applied = store.ingest(&linker, b);
            assert_eq!(store.len(), before + 1, "the two reports of one event are one event");
            applied.stats.read_events
        };
        let rare = COMMON_KEY_EVENTS as u32 / 2;
        assert!(reads(true, rare) > reads(false, rare), "a name of a few events is looked up");
        let common = COMMON_KEY_EVENTS as u32 + 5;
        assert_eq!(reads(true, common), reads(false, common), "a common name is not");
    }
}
