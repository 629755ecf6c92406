//! Development harness: time of each stage of the reader on JSON Lines texts (stdin), one
//! thread. `cargo run --release -p sitrep-extract --example stages < texts.jsonl`
use sitrep_extract::Reader;
use sitrep_model::article::Article;
use sitrep_place::Gazetteer;
use sitrep_text::OffsetMap;
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut gaz = Gazetteer::builtin();
    for p in std::env::var("SITREP_GAZETTEER").unwrap_or_default().split(':').filter(|s| !s.is_empty()) {
        let _ = gaz.load_geonames(std::path::Path::new(p));
    }
    let reader = Reader::new(&gaz);
    let mut arts = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let text = v["text"].as_str().or(v["content"].as_str()).unwrap_or_default().to_string();
        let published = v["dct"].as_str().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        arts.push(Article {
            id: String::new(),
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
        });
    }
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| sitrep_time::tag(&a.text, a.published).len()).sum();
    println!("time::tag     {:.3} s ({n})", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| sitrep_place::find_places(&gaz, &a.text).len()).sum();
    println!("find_places   {:.3} s ({n})", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| sitrep_extract::actors::find(reader.actors(), &a.text).len()).sum();
    println!("actors::find  {:.3} s ({n})", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| sitrep_extract::numbers::find(&a.text).len()).sum();
    println!("numbers::find {:.3} s ({n})", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| reader.read(a).len()).sum();
    println!("Reader::read  {:.3} s ({n} events, {} articles)", t.elapsed().as_secs_f64(), arts.len());
}
