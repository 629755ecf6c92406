//! Reads the seed articles at run time (never copied into the repository) and checks the
//! article relations and kinds that `../shared/seeds/gold.json` states. Skips with a message
//! when the shared folder is absent. The texts are read raw (before cleaning), so this checks
//! the relating rules, not the whole pipeline.

use sitrep_model::taxonomy::ArticleKind;
use sitrep_relate::{Fingerprint, RelationKind, compare};
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    d.join("gold.json").exists().then_some(d)
}

fn load(dir: &PathBuf, prefix: &str) -> Fingerprint {
    let entry = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix) && e.file_name().to_string_lossy().ends_with(".txt"))
        .expect("seed file");
    let text = std::fs::read_to_string(entry.path()).unwrap();
    let id = entry.path().file_stem().unwrap().to_string_lossy().to_string();
    Fingerprint::from_text(&id, &text, None)
}

#[test]
fn seed_relations_and_kinds() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: ../shared/seeds not found");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    for r in gold["article_relations"].as_array().unwrap() {
        let (a, b) = (r["a"].as_str().unwrap(), r["b"].as_str().unwrap());
        let (fa, fb) = (load(&dir, &a[..3]), load(&dir, &b[..3]));
        let rel = compare(&fa, &fb);
        match r["relation"].as_str().unwrap() {
            "derivative" => {
                assert!(rel.kind.is_copy(), "{a} vs {b}: {rel:#?}");
                assert_eq!(rel.copy, fa.article_id, "{rel:#?}");
            }
            _ => assert!(!rel.kind.is_copy(), "{a} vs {b}: {rel:#?}"),
        }
    }
    for (id, art) in gold["articles"].as_object().unwrap() {
        let f = load(&dir, &id[..3]);
        let want = if art["kind"] == "commentary" { ArticleKind::Commentary } else { ArticleKind::Report };
        assert_eq!(f.kind.kind, want, "{id}: {:?}", f.kind);
    }
    // Headline figures: the titles gold.json gives, read with the general reader.
    for (id, art) in gold["articles"].as_object().unwrap() {
        let Some(title) = art["title"].as_str() else { continue };
        let figs = sitrep_relate::headline::headline_figures(title);
        let flagged = art["flags_required"].as_array().unwrap().iter().any(|f| f == "headline_conflict");
        if flagged {
            assert!(!figs.is_empty(), "{id}: a headline figure to compare with the body");
        }
        for f in &figs {
            assert_eq!(f.outcome, sitrep_model::taxonomy::Outcome::Killed, "{id}: {f:?}");
        }
    }
    // No other pair of seeds is a copy.
    let all: Vec<Fingerprint> = ["000", "001", "002", "003", "004"].iter().map(|p| load(&dir, p)).collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let rel = compare(a, b);
            let expected = (a.article_id.starts_with("001") && b.article_id.starts_with("002")) as u8;
            assert_eq!(rel.kind == RelationKind::Derivative || rel.kind == RelationKind::NearDuplicate, expected == 1, "{rel:#?}");
        }
    }
}
