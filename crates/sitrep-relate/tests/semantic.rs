//! The candle embedder against references (feature `semantic`; skipped with a message when
//! the model files are not installed).
//!
//! References: the cosines sentence-transformers publishes for all-MiniLM-L6-v2 on its own
//! example sentences (0.8939, 0.6660, 0.1046), and our independent numpy implementation
//! (`tools/minilm_reference.py`) on our own sentences, which reproduces those published values
//! to 4 decimals.
#![cfg(feature = "semantic")]

use sitrep_relate::semantic::{MiniLm, locate_model};
use sitrep_relate::{SentenceEmbedder, cosine};

fn model() -> Option<MiniLm> {
    match locate_model(None) {
        Ok(dir) => Some(MiniLm::load(&dir).expect("model loads")),
        Err(e) => {
            eprintln!("skipped: {e}");
            None
        }
    }
}

#[test]
fn cosines_match_the_references() {
    let Some(m) = model() else { return };
    // (a, b, cosine from the reference)
    let pairs = [
        ("The new movie is awesome", "The new movie is so great", 0.893904),
        ("The weather is lovely today.", "It's so sunny outside!", 0.665955),
        ("The weather is lovely today.", "He drove to the stadium.", 0.104584),
        (
            "Gunmen killed 12 soldiers in an attack on Thursday.",
            "Twelve soldiers died when militants attacked their post on Thursday.",
            0.733858,
        ),
        ("Gunmen killed 12 soldiers in an attack on Thursday.", "The central bank raised interest rates.", -0.114693),
        ("A man is eating food.", "A man is eating a piece of bread.", 0.755337),
    ];
    let texts: Vec<&str> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    let v = m.embed(&texts).unwrap();
    for (i, (a, b, want)) in pairs.iter().enumerate() {
        let got = cosine(&v[2 * i], &v[2 * i + 1]);
        eprintln!("{got:.6} (reference {want:.6}) {a} || {b}");
        assert!((f64::from(got) - want).abs() < 1e-4, "{a} || {b}: {got} vs {want}");
        let norm: f32 = v[2 * i].iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4);
    }
    // Batching does not change a vector.
    let alone = m.embed(&[texts[0]]).unwrap();
    assert!(cosine(&alone[0], &v[0]) > 0.99999);
}
