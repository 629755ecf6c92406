//! RSS/Atom reader: any bytes give entries or errors, never a panic or a stack overflow.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{ReadOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_article_bytes: 8192, ..ReadOptions::default() };
    for r in read_bytes("fuzz.xml", "fuzz.xml", data, &opts) {
        if let Err(e) = r {
            assert!(e.origin.starts_with("fuzz.xml"));
        }
    }
});
