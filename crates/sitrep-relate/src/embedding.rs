//! Sentence embeddings behind a trait, with a cache by content hash: linking asks for the
//! embedding of a sentence only when cheaper signals leave a pair undecided, and never twice
//! for the same text. The model itself (all-MiniLM-L6-v2 on candle) is in `semantic`, behind
//! the `semantic` cargo feature; without it nothing here needs a model.

use crate::hash::hash_str;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Why embeddings are not available.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// No model files where we looked.
    #[error("sentence model not found (looked in: {0}); semantic matching is off")]
    NotFound(String),
    /// The files are there but could not be loaded.
    #[error("loading the sentence model from {path}: {message}")]
    Load {
        /// Where.
        path: String,
        /// What failed.
        message: String,
    },
    /// Running the model failed.
    #[error("embedding failed: {0}")]
    Run(String),
}

/// Something that turns sentences into unit-length vectors.
pub trait SentenceEmbedder: Send + Sync {
    /// One vector per text, in order, each of length 1 (so a dot product is the cosine).
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
    /// A name for the model, stored beside cached vectors ("all-MiniLM-L6-v2").
    fn model_id(&self) -> &str;
}

/// Cosine similarity of two vectors (0 when either is zero or the lengths differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0f32, 0f32, 0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na.sqrt() * nb.sqrt()) }
}

/// A [`SentenceEmbedder`] that remembers every vector it made, by a hash of the text.
pub struct CachedEmbedder<E> {
    inner: E,
    cache: Mutex<HashMap<u64, Arc<Vec<f32>>>>,
    computed: Mutex<u64>,
}

impl<E: SentenceEmbedder> CachedEmbedder<E> {
    /// Wraps `inner`.
    pub fn new(inner: E) -> Self {
        CachedEmbedder { inner, cache: Mutex::new(HashMap::new()), computed: Mutex::new(0) }
    }
    /// How many texts the model actually embedded (cache misses).
    pub fn computed(&self) -> u64 {
        *self.computed.lock().unwrap_or_else(|e| e.into_inner())
    }
    /// Vectors already known, e.g. loaded from a store: `(text hash, vector)`.
    pub fn preload(&self, items: impl IntoIterator<Item = (u64, Vec<f32>)>) {
        let mut c = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        for (h, v) in items {
            c.insert(h, Arc::new(v));
        }
    }
}

impl<E: SentenceEmbedder> SentenceEmbedder for CachedEmbedder<E> {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let keys: Vec<u64> = texts.iter().map(|t| hash_str(t)).collect();
        let missing: Vec<usize> = {
            let c = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            let mut seen = std::collections::HashSet::new();
            (0..texts.len()).filter(|&i| !c.contains_key(&keys[i]) && seen.insert(keys[i])).collect()
        };
        if !missing.is_empty() {
            let batch: Vec<&str> = missing.iter().map(|&i| texts[i]).collect();
            let vecs = self.inner.embed(&batch)?;
            *self.computed.lock().unwrap_or_else(|e| e.into_inner()) += vecs.len() as u64;
            let mut c = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            for (&i, v) in missing.iter().zip(vecs) {
                c.insert(keys[i], Arc::new(v));
            }
        }
        let c = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        Ok(keys.iter().map(|k| c.get(k).map(|v| v.as_ref().clone()).unwrap_or_default()).collect())
    }
    fn model_id(&self) -> &str {
        self.inner.model_id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy embedder: letter counts, normalised.
    struct Letters(Mutex<u64>);
    impl SentenceEmbedder for Letters {
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
            *self.0.lock().unwrap() += texts.len() as u64;
            Ok(texts
                .iter()
                .map(|t| {
                    let mut v = vec![0f32; 26];
                    for c in t.bytes().filter(u8::is_ascii_lowercase) {
                        v[(c - b'a') as usize] += 1.0;
                    }
                    v
                })
                .collect())
        }
        fn model_id(&self) -> &str {
            "letters"
        }
    }

    #[test]
    fn cache_embeds_each_text_once() {
        let e = CachedEmbedder::new(Letters(Mutex::new(0)));
        let a = e.embed(&["abc", "abd", "abc"]).unwrap();
        assert_eq!(a[0], a[2]);
        let _ = e.embed(&["abd", "xyz"]).unwrap();
        assert_eq!(e.computed(), 3);
        assert!((cosine(&a[0], &a[0]) - 1.0).abs() < 1e-6);
        assert!(cosine(&a[0], &a[1]) < 1.0);
        assert_eq!(cosine(&[], &[]), 0.0);
    }
}
