//! Development aid: every candidate pair of mentions in a database (block keys as the linker
//! uses them), with each signal's points, as tab-separated lines on standard output:
//! `a  b  score_or_conflict  signal=points ...`. For studying the scoring on a labelled corpus.
//!
//! `cargo run --release -p sitrep-pipeline --example link_pairs -- DB > pairs.tsv`

use rusqlite::params;
use sitrep_reconcile::link::candidate_pairs;
use sitrep_reconcile::score::{View, explain};
use sitrep_reconcile::{ArticleRecord, EventState, mention_keys};
use sitrep_store::Store;
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = std::env::args().nth(1).ok_or("usage: link_pairs DB")?;
    let store = Store::open_existing(std::path::Path::new(&db))?;
    let conn = store.conn();
    let mut states: Vec<EventState> = Vec::new();
    let mut st = conn.prepare("SELECT state FROM link_events")?;
    for r in st.query_map(params![], |r| r.get::<_, String>(0))? {
        states.push(serde_json::from_str(&r?)?);
    }
    let mut arts: HashMap<String, ArticleRecord> = HashMap::new();
    let mut st = conn.prepare("SELECT id, record FROM link_articles")?;
    for r in st.query_map(params![], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (id, j) = r?;
        arts.insert(id, serde_json::from_str(&j)?);
    }
    let recs: Vec<_> = states.iter().flat_map(|s| s.members.iter()).filter(|m| arts.contains_key(&m.key.article_id)).collect();
    let views: Vec<View<'_>> = recs.iter().map(|m| View::new(m, &arts[&m.key.article_id])).collect();
    let keys: Vec<_> = views.iter().map(mention_keys).collect();
    for (i, j) in candidate_pairs(&keys, 200) {
        let (a, b) = (&views[i], &views[j]);
        let line = match explain(a, b, false) {
            Ok(parts) => {
                let s: f64 = parts.iter().map(|p| p.1).sum();
                let ps: Vec<String> = parts.iter().map(|(w, p)| format!("{w}={p:.2}")).collect();
                format!("{s:.2}\t{}", ps.join("\t"))
            }
            Err((c, parts)) => {
                let ps: Vec<String> = parts.iter().map(|(w, p)| format!("{w}={p:.2}")).collect();
                format!("X\t{c}\t{}", ps.join("\t"))
            }
        };
        let shared: Vec<&String> = a.rec.names.iter().filter(|n| b.rec.names.contains(n)).collect();
        let shared: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
        println!("{}\t{}\t{line}\tshared={}", a.rec.key, b.rec.key, shared.join(","));
    }
    Ok(())
}
