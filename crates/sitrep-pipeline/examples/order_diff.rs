//! Development aid (not a test): links a corpus in one batch and in a shuffled order cut into
//! batches, and tells why the events differ: for each mention that the one-batch run puts
//! with mentions that arrived before it and the cut run does not, whether their event was
//! never read (blocking, read limits), read and left out (the read filter), in the pool but
//! clustered apart, or joined and split later.
//!
//! `cargo run --release -p sitrep-pipeline --example order_diff -- N CORPUS SEED CUTS...`
//! (N generated articles of corpus CORPUS, `synth::Generator`; the order from SEED, batches
//! of the CUTS sizes in turn). `DB=path` takes a database's stored records instead (N and
//! CORPUS ignored). `ROUNDS`, `POSTINGS`, `RECENT` set `LinkConfig::max_rounds`,
//! `max_key_postings`, `recent_limit`. `SHOW=article:index,...` prints those mentions' events
//! in both runs; `TRACE=article,...` the events of those articles' mentions after each batch
//! that changes them; `MATRIX=article,...` their pair scores (`score`/`score_member`; `1a`:
//! one article's two mentions).
use sitrep_reconcile::synth::{Generator, Rng, SynthArticle};
use sitrep_reconcile::{ArticleRecord, Batch, EventState, LinkStore, Linker, MemoryStore, MentionKey, MentionRecord, NearLookup};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;

/// Records the events read through block keys.
struct Logger<'s> {
    inner: &'s MemoryStore,
    offered: RefCell<BTreeSet<String>>,
}

impl LinkStore for Logger<'_> {
    type Error = Infallible;
    fn events_by_keys(&self, keys: &[String], limit: usize) -> Result<Vec<EventState>, Infallible> {
        let v = self.inner.events_by_keys(keys, limit)?;
        self.offered.borrow_mut().extend(v.iter().map(|e| e.id.clone()));
        Ok(v)
    }
    fn events_near(&self, near: &[NearLookup], limit: usize) -> Result<Vec<EventState>, Infallible> {
        let v = self.inner.events_near(near, limit)?;
        self.offered.borrow_mut().extend(v.iter().map(|e| e.id.clone()));
        Ok(v)
    }
    fn key_counts(&self, keys: &[String], at_most: usize) -> Result<Vec<usize>, Infallible> {
        self.inner.key_counts(keys, at_most)
    }
    fn ids_in_use(&self, ids: &[String]) -> Result<Vec<bool>, Infallible> {
        self.inner.ids_in_use(ids)
    }
    fn events_of_articles(&self, article_ids: &[String]) -> Result<Vec<EventState>, Infallible> {
        self.inner.events_of_articles(article_ids)
    }
    fn articles(&self, ids: &[String]) -> Result<Vec<ArticleRecord>, Infallible> {
        self.inner.articles(ids)
    }
}

fn event_of(store: &MemoryStore) -> HashMap<MentionKey, String> {
    store.events().flat_map(|e| e.members.iter().map(move |m| (m.key.clone(), e.id.clone()))).collect()
}

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let (n, corpus, seed) = (args[0] as usize, args[1], args[2]);
    let cuts: Vec<usize> = args[3..].iter().map(|&c| c as usize).collect();
    // Items: (article record, its mention records).
    let arts: Vec<(ArticleRecord, Vec<MentionRecord>)> = match std::env::var("DB") {
        Ok(db) => from_db(&db, seed),
        Err(_) => Generator::new(n, corpus)
            .map(|s: SynthArticle| (ArticleRecord::new(&s.article, &s.mentions), MentionRecord::all(&s.article, &s.mentions)))
            .collect(),
    };
    let mut cfg = sitrep_reconcile::LinkConfig::default();
    if let Some(r) = std::env::var("ROUNDS").ok().and_then(|v| v.parse().ok()) {
        cfg.max_rounds = r;
    }
    if let Some(r) = std::env::var("POSTINGS").ok().and_then(|v| v.parse().ok()) {
        cfg.max_key_postings = r;
    }
    if let Some(r) = std::env::var("RECENT").ok().and_then(|v| v.parse().ok()) {
        cfg.recent_limit = r;
    }
    let linker = Linker::new(cfg);
    let mut one = MemoryStore::new();
    let mut b = Batch::default();
    for (a, ms) in &arts {
        b.add_records(a.clone(), ms.clone());
    }
    one.ingest(&linker, b);
    let one_of = event_of(&one);
    if let Ok(t) = std::env::var("MATRIX") {
        use sitrep_reconcile::score::{View, score, score_member, score_one_article};
        let ids: Vec<&str> = t.split(',').collect();
        let mut keys: Vec<&MentionKey> = one_of.keys().filter(|k| ids.contains(&k.article_id.as_str())).collect();
        keys.sort();
        let by_id: HashMap<&str, &(ArticleRecord, Vec<MentionRecord>)> = arts.iter().map(|s| (s.0.id.as_str(), s)).collect();
        let recs: Vec<(MentionRecord, ArticleRecord)> = keys
            .iter()
            .map(|k| {
                let s = by_id[k.article_id.as_str()];
                (s.1.iter().find(|m| m.key == **k).expect("mention").clone(), s.0.clone())
            })
            .collect();
        for (i, (m, a)) in recs.iter().enumerate() {
            let vi = View::new(m, a);
            let f = |x: Option<f64>| x.map_or("   x".to_string(), |v| format!("{v:4.1}"));
            let row: Vec<String> = recs
                .iter()
                .enumerate()
                .map(|(j, (m2, a2))| {
                    let vj = View::new(m2, a2);
                    if i == j {
                        "    --   ".into()
                    } else if keys[i].article_id == keys[j].article_id {
                        format!("{}/  1a", f(score_one_article(&vi, &vj)))
                    } else {
                        format!("{}/{}", f(score(&vi, &vj, false)), f(score_member(&vi, &vj, false)))
                    }
                })
                .collect();
            println!("{:>12} {} {}", format!("{}:{}", keys[i].article_id, keys[i].index), &one_of[keys[i]][3..9], row.join(" "));
        }
    }
    let mut order: Vec<usize> = (0..arts.len()).collect();
    let mut rng = Rng::new(seed);
    for i in (1..order.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    let mut store = MemoryStore::new();
    let mut batch_of: HashMap<String, usize> = HashMap::new();
    // Per mention, at its batch: (mates' events before, offered, kept, together after).
    let mut at_arrival: HashMap<MentionKey, (bool, bool, bool, bool)> = HashMap::new();
    let (mut at, mut c) = (0, 0);
    let mut last_trace = String::new();
    while at < order.len() {
        let k = cuts[c % cuts.len()].min(order.len() - at);
        let mut b = Batch::default();
        for &i in &order[at..at + k] {
            b.add_records(arts[i].0.clone(), arts[i].1.clone());
            batch_of.insert(arts[i].0.id.clone(), c);
        }
        let new_keys: Vec<MentionKey> = b.mentions.iter().map(|m| m.key.clone()).collect();
        let before = event_of(&store);
        let log = Logger { inner: &store, offered: RefCell::default() };
        let Ok(delta) = linker.link(&log, b);
        let offered = log.offered.into_inner();
        // The stored events in the pool: those of the pool's mentions.
        let kept: BTreeSet<String> = delta.mention_events.iter().filter_map(|(k, _)| before.get(k).cloned()).collect();
        store.apply(delta);
        let after = event_of(&store);
        if let Ok(t) = std::env::var("TRACE") {
            let ids: Vec<&str> = t.split(',').collect();
            let mut part: BTreeMap<&String, Vec<String>> = BTreeMap::new();
            for (m, e) in &after {
                if ids.contains(&m.article_id.as_str()) {
                    part.entry(e).or_default().push(format!("{}:{}", m.article_id, m.index));
                }
            }
            let mut line: Vec<String> = part
                .iter()
                .map(|(e, v)| {
                    let mut v = v.clone();
                    v.sort();
                    format!("{}={}", &e[3..9], v.join(","))
                })
                .collect();
            line.sort();
            let line = line.join("  ");
            if last_trace != line {
                let here: Vec<&str> = order[at..at + k].iter().map(|&i| arts[i].0.id.as_str()).filter(|a| ids.contains(a)).collect();
                println!("b{c} +{here:?}: {line}");
                last_trace = line;
            }
        }
        for x in new_keys {
            // Its one-batch mates stored before this batch, and their events then.
            let mates: Vec<&MentionKey> =
                one_of.iter().filter(|(m, e)| **e == one_of[&x] && before.contains_key(*m)).map(|(m, _)| m).collect();
            if mates.is_empty() {
                continue;
            }
            let evs: BTreeSet<&String> = mates.iter().map(|m| &before[*m]).collect();
            let together = mates.iter().any(|m| after.get(*m) == after.get(&x));
            at_arrival.insert(x, (true, evs.iter().any(|e| offered.contains(*e)), evs.iter().any(|e| kept.contains(*e)), together));
        }
        at += k;
        c += 1;
    }
    let perm_of = event_of(&store);
    if let Ok(t) = std::env::var("SHOW") {
        for x in t.split(',') {
            let (a, i) = x.split_once(':').expect("a:i");
            let k = MentionKey { article_id: a.to_string(), index: i.parse().expect("index") };
            let mut one_m: Vec<String> =
                one_of.iter().filter(|(_, e)| **e == one_of[&k]).map(|(m, _)| format!("{}:{}", m.article_id, m.index)).collect();
            let mut cut_m: Vec<String> =
                perm_of.iter().filter(|(_, e)| **e == perm_of[&k]).map(|(m, _)| format!("{}:{}", m.article_id, m.index)).collect();
            one_m.sort();
            cut_m.sort();
            println!("{x}: one {one_m:?}\n    cut {cut_m:?}");
        }
    }
    let part = |of: &HashMap<MentionKey, String>| -> BTreeSet<Vec<MentionKey>> {
        let mut m: BTreeMap<&String, Vec<MentionKey>> = BTreeMap::new();
        for (k, e) in of {
            m.entry(e).or_default().push(k.clone());
        }
        m.into_values()
            .map(|mut v| {
                v.sort();
                v
            })
            .collect()
    };
    let (pa, pb) = (part(&one_of), part(&perm_of));
    println!(
        "events one {} cut {}; clusters only in one {}, only in cut {}",
        pa.len(),
        pb.len(),
        pa.difference(&pb).count(),
        pb.difference(&pa).count()
    );
    // Mentions apart from an earlier one-batch mate at the end.
    let mut why: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (x, (_, offered, kept, together)) in &at_arrival {
        let apart_now = one_of.iter().any(|(m, e)| *e == one_of[x] && m != x && perm_of.get(m) != perm_of.get(x));
        if !apart_now {
            continue;
        }
        let with_all = one_of
            .iter()
            .filter(|(_, e)| **e == one_of[x])
            .all(|(m, _)| perm_of.get(m) == perm_of.get(x) || batch_of[&m.article_id] > batch_of[&x.article_id]);
        let cat = match (offered, kept, together) {
            _ if with_all => "joined its earlier mates; a later one is apart",
            (false, _, _) => "mates' event never read",
            (true, false, _) => "read, left out by the filter",
            (true, true, false) => "in the pool, clustered apart",
            (true, true, true) => "joined, split later",
        };
        why.entry(cat).or_default().push(format!("{}:{}", x.article_id, x.index));
    }
    for (cat, xs) in &why {
        let mut xs = xs.clone();
        xs.sort();
        println!("{:4} {cat}: {}", xs.len(), xs.iter().take(8).cloned().collect::<Vec<_>>().join(" "));
    }
}

/// The records a database holds, its articles shuffled by `seed` later like the generator's.
fn from_db(db: &str, _seed: u64) -> Vec<(ArticleRecord, Vec<MentionRecord>)> {
    let store = sitrep_store::Store::open_existing(std::path::Path::new(db)).expect("database");
    let conn = store.conn();
    let mut mentions: HashMap<String, Vec<MentionRecord>> = HashMap::new();
    let mut st = conn.prepare("SELECT state FROM link_events").expect("query");
    for r in st.query_map([], |r| r.get::<_, String>(0)).expect("rows") {
        let e: EventState = serde_json::from_str(&r.expect("row")).expect("state");
        for mut m in e.members {
            m.embedding = None;
            mentions.entry(m.key.article_id.clone()).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    let mut st = conn.prepare("SELECT l.id, l.record FROM link_articles l JOIN articles a ON a.id = l.id ORDER BY a.seq").expect("query");
    for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).expect("rows") {
        let (id, j) = r.expect("row");
        let mut a: ArticleRecord = serde_json::from_str(&j).expect("record");
        a.derivative_of.clear();
        a.stale.clear();
        let mut ms = mentions.remove(&id).unwrap_or_default();
        ms.sort_by(|x, y| x.key.cmp(&y.key));
        out.push((a, ms));
    }
    out
}
