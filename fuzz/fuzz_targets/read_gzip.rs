//! Gzip-compressed JSON Lines (the bytes are the compressed stream): truncated or corrupt
//! data is an error naming the input, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{ReadOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_article_bytes: 8192, ..ReadOptions::default() };
    let mut gz = vec![0x1F, 0x8B];
    gz.extend_from_slice(data);
    for r in read_bytes("fuzz.jsonl.gz", "fuzz.jsonl.gz", &gz, &opts) {
        if let Err(e) = r {
            assert!(e.origin.starts_with("fuzz.jsonl.gz"));
        }
    }
});
