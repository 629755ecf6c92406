//! Development harness: reads JSON Lines articles (`{"id", "text", "published"?}`) on stdin
//! with no cleaning (the identity map) and prints `sitrep extract`-shaped lines. The real
//! command is `sitrep extract`; this exists to measure the reader alone.
//!
//! `cargo run --release -p sitrep-extract --example read_jsonl < articles.jsonl`

use sitrep_extract::Reader;
use sitrep_model::article::Article;
use sitrep_model::contract::{ExtractOut, event_out};
use sitrep_place::Gazetteer;
use sitrep_text::OffsetMap;
use std::io::{BufRead, Write};

fn main() {
    let mut gaz = Gazetteer::builtin();
    for p in std::env::var("SITREP_GAZETTEER").unwrap_or_default().split(':').filter(|s| !s.is_empty()) {
        if let Err(e) = gaz.load_geonames(std::path::Path::new(p)) {
            eprintln!("{e}");
        }
    }
    let reader = Reader::new(&gaz);
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let id = v["id"].as_str().map(str::to_string).unwrap_or_else(|| v["id"].to_string());
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let published = v["published"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok());
        let article = Article {
            id: id.clone(),
            original: text.clone(),
            map: OffsetMap::identity(text.len()),
            text,
            title: None,
            published,
            published_from: None,
            url: None,
            outlet: None,
            flags: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mentions = reader.read(&article);
        let ids: Vec<String> = (0..mentions.len()).map(|i| format!("{id}#{i}")).collect();
        let events = (0..mentions.len()).map(|i| event_out(&article, &mentions, i, &ids)).collect();
        let o = ExtractOut { article_id: id, published, events };
        serde_json::to_writer(&mut out, &o).unwrap();
        out.write_all(b"\n").unwrap();
    }
}
