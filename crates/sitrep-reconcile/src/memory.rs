//! An in-memory [`LinkStore`]: what tests and `sitrep bench link` use, and a reference for a
//! database implementation (three lookups, and applying a delta).

use crate::link::{Batch, EventState, LinkDelta, LinkStats, LinkStore, Linker, NearLookup};
use crate::reconcile::reconcile;
use crate::record::{ArticleRecord, MentionKey};
use chrono::NaiveDate;
use sitrep_model::contract::EventOut;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A posting: latest date first (undated last), then id.
type Posting = (Reverse<Option<NaiveDate>>, String);
use std::convert::Infallible;

/// What applying a delta did.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// The linker's counters.
    pub stats: LinkStats,
    /// Events inserted or replaced.
    pub upserted: Vec<String>,
    /// Events deleted (merged into others).
    pub deleted: Vec<String>,
    /// Contract lines the linker reconciled.
    pub outputs: usize,
}

/// Events, their key index, and article records, in memory.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    events: BTreeMap<String, EventState>,
    index: HashMap<String, BTreeSet<Posting>>,
    articles: BTreeMap<String, ArticleRecord>,
    by_article: HashMap<String, BTreeSet<String>>,
    mention_event: BTreeMap<MentionKey, String>,
    /// Ids of events deleted or merged into others: never handed out again.
    retired: HashSet<String>,
}

impl LinkStore for MemoryStore {
    type Error = Infallible;

    fn events_by_keys(&self, keys: &[String], limit: usize) -> Result<Vec<EventState>, Infallible> {
        let mut ids = BTreeSet::new();
        for k in keys {
            if let Some(s) = self.index.get(k) {
                ids.extend(s.iter().take(limit).map(|(_, id)| id.clone()));
            }
        }
        Ok(ids.into_iter().filter_map(|id| self.events.get(&id).cloned()).collect())
    }

    fn events_near(&self, near: &[NearLookup], limit: usize) -> Result<Vec<EventState>, Infallible> {
        let mut ids: BTreeSet<&String> = BTreeSet::new();
        self.near_ids(near, limit, &mut ids);
        Ok(ids.into_iter().filter_map(|id| self.events.get(id).cloned()).collect())
    }

    fn keep_events_by_keys(
        &self,
        lookups: &[(&[String], usize)],
        near: &[NearLookup],
        near_limit: usize,
        keep: &mut dyn FnMut(&EventState) -> bool,
    ) -> Result<Vec<EventState>, Infallible> {
        let mut ids: BTreeSet<&String> = BTreeSet::new();
        for (keys, limit) in lookups {
            for k in *keys {
                if let Some(s) = self.index.get(k) {
                    ids.extend(s.iter().take(*limit).map(|(_, id)| id));
                }
            }
        }
        self.near_ids(near, near_limit, &mut ids);
        Ok(ids.into_iter().filter_map(|id| self.events.get(id)).filter(|e| keep(e)).cloned().collect())
    }

    fn key_counts(&self, keys: &[String], _at_most: usize) -> Result<Vec<usize>, Infallible> {
        Ok(keys.iter().map(|k| self.index.get(k).map_or(0, |s| s.len())).collect())
    }

    fn ids_in_use(&self, ids: &[String]) -> Result<Vec<bool>, Infallible> {
        Ok(ids.iter().map(|id| self.events.contains_key(id) || self.retired.contains(id)).collect())
    }

    fn events_of_articles(&self, article_ids: &[String]) -> Result<Vec<EventState>, Infallible> {
        let mut ids = BTreeSet::new();
        for a in article_ids {
            if let Some(s) = self.by_article.get(a) {
                ids.extend(s.iter().cloned());
            }
        }
        Ok(ids.into_iter().filter_map(|id| self.events.get(&id).cloned()).collect())
    }

    fn articles(&self, ids: &[String]) -> Result<Vec<ArticleRecord>, Infallible> {
        Ok(ids.iter().filter_map(|id| self.articles.get(id).cloned()).collect())
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The ids [`LinkStore::events_near`] reads.
    fn near_ids<'s>(&'s self, near: &[NearLookup], limit: usize, ids: &mut BTreeSet<&'s String>) {
        for NearLookup { key, anchors } in near {
            let Some(s) = self.index.get(key) else { continue };
            for &(d, days) in anchors {
                let split: Posting = (Reverse(Some(d)), String::new());
                // At or before the anchor, latest first (undated at the end); after it,
                // earliest first; within `days` of it.
                let mut before = s.range(&split..).filter(|(l, _)| l.0.is_some()).peekable();
                let mut after = s.range(..&split).rev().peekable();
                let mut n = 0;
                while n < limit {
                    let gap = |p: Option<&&Posting>| p.and_then(|(l, _)| l.0).map(|x| (x - d).num_days().abs()).filter(|g| *g <= days);
                    let take_before = match (gap(before.peek()), gap(after.peek())) {
                        (Some(b), Some(a)) => b <= a,
                        (Some(_), None) => true,
                        (None, Some(_)) => false,
                        (None, None) => break,
                    };
                    let next = if take_before { before.next() } else { after.next() };
                    ids.extend(next.map(|(_, id)| id));
                    n += 1;
                }
                ids.extend(s.range((Reverse(None), String::new())..).take(limit - n).map(|(_, id)| id));
            }
        }
    }

    fn remove_event(&mut self, id: &str) {
        if let Some(old) = self.events.remove(id) {
            let posting: Posting = (Reverse(old.latest), old.id.clone());
            for k in &old.keys {
                if let Some(s) = self.index.get_mut(k) {
                    s.remove(&posting);
                    if s.is_empty() {
                        self.index.remove(k);
                    }
                }
            }
            for m in &old.members {
                if let Some(s) = self.by_article.get_mut(&m.key.article_id) {
                    s.remove(id);
                }
            }
        }
    }

    /// Applies a delta (what a database does in one transaction).
    pub fn apply(&mut self, delta: LinkDelta) -> Applied {
        let applied = Applied {
            stats: delta.stats.clone(),
            upserted: delta.events.iter().map(|e| e.id.clone()).collect(),
            deleted: delta.deleted.clone(),
            outputs: delta.outputs.len(),
        };
        for id in &delta.deleted {
            self.remove_event(id);
            self.retired.insert(id.clone());
        }
        for e in delta.events {
            self.remove_event(&e.id);
            for k in &e.keys {
                self.index.entry(k.clone()).or_default().insert((Reverse(e.latest), e.id.clone()));
            }
            for m in &e.members {
                self.by_article.entry(m.key.article_id.clone()).or_default().insert(e.id.clone());
            }
            self.events.insert(e.id.clone(), e);
        }
        for a in delta.articles {
            let start = MentionKey { article_id: a.id.clone(), index: 0 };
            let stale: Vec<MentionKey> =
                self.mention_event.range(start..).take_while(|(k, _)| k.article_id == a.id).map(|(k, _)| k.clone()).collect();
            for k in stale {
                self.mention_event.remove(&k);
            }
            self.articles.insert(a.id.clone(), a);
        }
        for (k, id) in delta.mention_events {
            self.mention_event.insert(k, id);
        }
        applied
    }

    /// Links a batch and applies the result.
    pub fn ingest(&mut self, linker: &Linker<'_>, batch: Batch) -> Applied {
        let Ok(delta) = linker.link(self, batch);
        self.apply(delta)
    }

    /// Every event, reconciled, sorted by id.
    pub fn export_events(&self) -> Vec<EventOut> {
        let event_of = |k: &MentionKey| self.mention_event.get(k).cloned();
        self.events.values().map(|e| reconcile(e, &self.articles, &event_of)).collect()
    }

    /// The stored events.
    pub fn events(&self) -> impl Iterator<Item = &EventState> {
        self.events.values()
    }

    /// The stored article records.
    pub fn article_records(&self) -> impl Iterator<Item = &ArticleRecord> {
        self.articles.values()
    }

    /// An article's event ids in mention order (main first).
    pub fn article_event_ids(&self, article_id: &str) -> Vec<String> {
        let start = MentionKey { article_id: article_id.to_string(), index: 0 };
        self.mention_event.range(start..).take_while(|(k, _)| k.article_id == article_id).map(|(_, id)| id.clone()).collect()
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Approximate bytes held (members' texts, names, quotes, keys): for the benchmark.
    pub fn approx_bytes(&self) -> usize {
        let ev: usize = self
            .events
            .values()
            .map(|e| {
                e.id.len()
                    + e.keys.iter().map(|k| k.len() + 16).sum::<usize>()
                    + e.members.iter().map(|m| 400 + m.text.len() + m.names.iter().map(|n| n.len() + 24).sum::<usize>()).sum::<usize>()
            })
            .sum();
        let arts: usize = self.articles.values().map(|a| 300 + a.fingerprint.facts.len() * 40 + a.fingerprint.signature.0.len() * 8).sum();
        ev + arts
    }
}
