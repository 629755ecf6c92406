//! Decompresses the built-in world gazetteer (`data/world.tsv.gz`, GeoNames-derived, see
//! `data/gen/make_world.py`) into OUT_DIR so that the library can `include_str!` it: loading it
//! at run time is then parsing alone.

use std::io::Read;

fn main() {
    let src = "data/world.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    let file = std::fs::File::open(src).expect("data/world.tsv.gz is part of the crate");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).expect("data/world.tsv.gz is gzip-compressed UTF-8");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("world.tsv");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
