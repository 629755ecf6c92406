//! Linking the generator's corpora: order independence (property test) and a sanity floor on
//! B-cubed against the generator's truth.

use proptest::prelude::*;
use sitrep_reconcile::synth::{Generator, SynthArticle};
use sitrep_reconcile::{Batch, Linker, MemoryStore, MentionKey};
use std::collections::HashMap;

fn link_all(arts: &[&SynthArticle], batch: usize) -> MemoryStore {
    let linker = Linker::default();
    let mut store = MemoryStore::new();
    for chunk in arts.chunks(batch.max(1)) {
        let mut b = Batch::default();
        for s in chunk {
            b.add(&s.article, &s.mentions);
        }
        store.ingest(&linker, b);
    }
    store
}

fn b3(store: &MemoryStore, arts: &[&SynthArticle]) -> (f64, f64) {
    let mut pred: HashMap<MentionKey, String> = HashMap::new();
    for e in store.events() {
        for m in &e.members {
            pred.insert(m.key.clone(), e.id.clone());
        }
    }
    let mut truth: HashMap<MentionKey, usize> = HashMap::new();
    for s in arts {
        for (i, t) in s.truth.iter().enumerate() {
            truth.insert(MentionKey { article_id: s.article.id.clone(), index: i as u32 }, *t);
        }
    }
    let mut by_pred: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_truth: HashMap<usize, usize> = HashMap::new();
    for (k, t) in &truth {
        by_pred.entry(pred[k].as_str()).or_default().push(*t);
        *by_truth.entry(*t).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (k, t) in &truth {
        let cl = &by_pred[pred[k].as_str()];
        let inter = cl.iter().filter(|x| *x == t).count() as f64;
        p += inter / cl.len() as f64;
        r += inter / by_truth[t] as f64;
    }
    (p / truth.len() as f64, r / truth.len() as f64)
}

#[test]
fn synthetic_corpus_links_well() {
    let arts: Vec<SynthArticle> = Generator::new(1500, 11).collect();
    let refs: Vec<&SynthArticle> = arts.iter().collect();
    let t = std::time::Instant::now();
    let store = link_all(&refs, 250);
    let (p, r) = b3(&store, &refs);
    eprintln!("1500 synthetic articles: B3 P {:.1} R {:.1} in {:?}", 100.0 * p, 100.0 * r, t.elapsed());
    assert!(p > 0.9 && r > 0.9, "B3 P {p} R {r}");
}

/// Everything of an exported event but its id and merged_from.
fn signature(e: &sitrep_model::contract::EventOut) -> String {
    let mut v = serde_json::to_value(e).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("id");
    o.remove("merged_from");
    // relative_to names another event's id.
    if let Some(d) = o.get_mut("date").and_then(|d| d.as_object_mut()) {
        d.remove("relative_to");
    }
    if let Some(s) = o.get_mut("sources").and_then(|s| s.as_array_mut()) {
        s.sort_by_key(|x| x.to_string());
    }
    serde_json::to_string(&v).unwrap()
}

fn signatures(store: &MemoryStore) -> Vec<String> {
    let mut v: Vec<String> = store.export_events().iter().map(signature).collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24), ..ProptestConfig::default() })]

    /// Any order, any batching: the same events; and no id is ever lost.
    #[test]
    fn order_and_batching_do_not_change_events(corpus in 0u64..4, seed in 0u64..1000, cuts in proptest::collection::vec(1usize..12, 1..6)) {
        let n = std::env::var("SYNTH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(45);
        let arts: Vec<SynthArticle> = Generator::new(n, corpus).collect();
        let reference = signatures(&link_all(&arts.iter().collect::<Vec<_>>(), arts.len()));
        // A permutation from the seed.
        let mut order: Vec<usize> = (0..arts.len()).collect();
        let mut rng = sitrep_reconcile::synth::Rng::new(seed);
        for i in (1..order.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        let linker = Linker::default();
        let mut store = MemoryStore::new();
        let mut seen: Vec<String> = Vec::new();
        let mut at = 0;
        let mut c = 0;
        while at < order.len() {
            let n = cuts[c % cuts.len()].min(order.len() - at);
            c += 1;
            let mut b = Batch::default();
            for &k in &order[at..at + n] {
                b.add(&arts[k].article, &arts[k].mentions);
            }
            at += n;
            store.ingest(&linker, b);
            seen.extend(store.events().map(|e| e.id.clone()));
            let now: std::collections::HashSet<String> =
                store.events().flat_map(|e| std::iter::once(e.id.clone()).chain(e.merged_from.iter().cloned())).collect();
            for id in &seen {
                prop_assert!(now.contains(id), "id {} lost", id);
            }
        }
        prop_assert_eq!(signatures(&store), reference);
    }
}
