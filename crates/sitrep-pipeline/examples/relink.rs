//! Development aid: links again, with the current linker, the mention records a database
//! holds (as its reader made them), in an in-memory store, and prints each article's main
//! event as `article_id<TAB>event_id`. Separates the linker's changes from the reader's when
//! scoring a labelled corpus. Articles go in their ingest order, in batches of `N` (default
//! 500, as `sitrep ingest`); `--reverse` takes them last first.
//!
//! `cargo run --release -p sitrep-pipeline --example relink -- DB [N] [--reverse] [--all] [--threshold T] [--average-min A] [--max-postings N] [--suspect] > main.tsv`
//! (`--suspect`: list the articles whose dateline is found stale, on standard error)
//! (`--all`: every mention, `article#index<TAB>event_id`)

use rusqlite::params;
use sitrep_reconcile::{ArticleRecord, Batch, EventState, LinkConfig, Linker, MemoryStore, MentionRecord};
use sitrep_store::Store;
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db = args.first().ok_or("usage: relink DB [N] [--reverse] [--all]")?;
    let size: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(500);
    let reverse = args.iter().any(|a| a == "--reverse");
    let store = Store::open_existing(std::path::Path::new(db))?;
    let conn = store.conn();
    let mut mentions: HashMap<String, Vec<MentionRecord>> = HashMap::new();
    let mut st = conn.prepare("SELECT state FROM link_events")?;
    for r in st.query_map(params![], |r| r.get::<_, String>(0))? {
        let e: EventState = serde_json::from_str(&r?)?;
        for mut m in e.members {
            m.embedding = None;
            mentions.entry(m.key.article_id.clone()).or_default().push(m);
        }
    }
    let mut arts: HashMap<String, ArticleRecord> = HashMap::new();
    let mut st = conn.prepare("SELECT id, record FROM link_articles")?;
    for r in st.query_map(params![], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (id, j) = r?;
        let mut a: ArticleRecord = serde_json::from_str(&j)?;
        a.derivative_of.clear();
        a.stale.clear();
        arts.insert(id, a);
    }
    let mut order: Vec<String> = Vec::new();
    let mut st = conn.prepare("SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY seq")?;
    for r in st.query_map(params![], |r| r.get::<_, String>(0))? {
        let id = r?;
        if arts.contains_key(&id) {
            order.push(id);
        }
    }
    if reverse {
        order.reverse();
    }
    let mut config = LinkConfig::default();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse::<f64>().ok());
    if let Some(t) = value("--threshold") {
        config.threshold = t;
    }
    if let Some(t) = value("--average-min") {
        config.average_min = t;
    }
    if let Some(t) = value("--max-postings") {
        config.max_key_postings = t as usize;
    }
    let linker = Linker::new(config);
    let mut mem = MemoryStore::new();
    let t0 = std::time::Instant::now();
    for chunk in order.chunks(size.max(1)) {
        let mut batch = Batch::default();
        for id in chunk {
            let mut ms = mentions.remove(id).unwrap_or_default();
            ms.sort_by(|a, b| a.key.cmp(&b.key));
            if let Some(a) = arts.remove(id) {
                batch.add_records(a, ms);
            }
        }
        mem.ingest(&linker, batch);
    }
    eprintln!("linked {} articles in {:.2} s, {} events", order.len(), t0.elapsed().as_secs_f64(), mem.len());
    let all = args.iter().any(|a| a == "--all");
    if args.iter().any(|a| a == "--suspect") {
        for a in mem.article_records().filter(|a| a.date_suspect()) {
            eprintln!("date suspect: {} ({} pieces of evidence)", a.id, a.stale.len());
        }
    }
    for id in &order {
        let evs = mem.article_event_ids(id);
        if all {
            for (i, ev) in evs.iter().enumerate() {
                println!("{id}#{i}\t{ev}");
            }
        } else if let Some(ev) = evs.first() {
            println!("{id}\t{ev}");
        }
    }
    Ok(())
}
