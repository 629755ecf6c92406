//! JSON Lines reader: any bytes give articles or errors naming a line, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{ReadOptions, read_jsonl};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_article_bytes: 4096, ..ReadOptions::default() };
    for r in read_jsonl("fuzz.jsonl", data, &opts) {
        match r {
            Ok(a) => assert!(!a.id.is_empty()),
            Err(e) => assert!(e.origin.starts_with("fuzz.jsonl")),
        }
    }
});
