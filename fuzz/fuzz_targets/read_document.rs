//! One-article documents with a sniffed format (text, HTML, or whatever the bytes look like):
//! encoding detection, binary detection, size limit.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{ReadOptions, read_bytes};
use sitrep_model::article::Body;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_article_bytes: 16384, ..ReadOptions::default() };
    for r in read_bytes("fuzz", "", data, &opts) {
        if let Ok(i) = r {
            let (Body::Text(t) | Body::Html(t)) = &i.raw.body;
            assert!(t.len() <= 4 * data.len() + 16);
        }
    }
});
