//! `sitrep bench time`: speed of the temporal tagger (`sitrep_time::tag`) on one thread, on
//! real news text read from `../shared/data` (each corpus skipped with a message when absent):
//! the 256 TempEval-3 TimeML documents (tags removed, each with its creation date) and the 3,104
//! Gun Violence Archive web pages (with their publication dates). Texts are loaded before the
//! clock starts; each run tags every text once. Prints MB/s and expressions per run, and the
//! median MB/s per corpus (the goal: 5 MB/s per core).

use crate::Outcome;
use anyhow::Context;
use chrono::NaiveDate;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `sitrep bench time`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shared data folder (holding tempeval3/ and gva/).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Runs per corpus.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// Texts with their publication dates.
type Texts = Vec<(String, Option<NaiveDate>)>;

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut corpora: Vec<(&str, Texts)> = Vec::new();
    let te = args.data.join("tempeval3/TBAQ-cleaned");
    if te.is_dir() {
        corpora.push(("TempEval-3 TBAQ-cleaned", tempeval(&te)?));
    } else {
        eprintln!("bench time: {} not found; TempEval skipped", te.display());
    }
    let gva = args.data.join("gva/documents.jsonl.gz");
    if gva.exists() {
        corpora.push(("GVA pages", gva_pages(&gva)?));
    } else {
        eprintln!("bench time: {} not found; GVA skipped", gva.display());
    }
    if corpora.is_empty() {
        eprintln!("bench time: no corpus found under {}; nothing measured", args.data.display());
        return Ok(Outcome::Ok);
    }
    for (name, texts) in &corpora {
        let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
        println!("bench time: {name}: {} texts, {:.2} MB, one thread, {} runs", texts.len(), bytes as f64 / 1e6, args.runs.max(1));
        let mut rates = Vec::new();
        for run in 1..=args.runs.max(1) {
            let start = Instant::now();
            let mut found = 0usize;
            for (text, published) in texts {
                found += std::hint::black_box(sitrep_time::tag(text, *published)).len();
            }
            let secs = start.elapsed().as_secs_f64();
            let rate = bytes as f64 / 1e6 / secs;
            println!("  run {run}: {secs:.3} s, {rate:.1} MB/s, {found} expressions");
            rates.push(rate);
        }
        rates.sort_by(f64::total_cmp);
        println!("  median: {:.1} MB/s per core", rates[rates.len() / 2]);
    }
    println!("peak memory: {:.0} MiB", super::peak_rss_mib());
    Ok(Outcome::Ok)
}

/// TimeML files: the text inside <TEXT> without tags (entities decoded), and the DCT.
fn tempeval(dir: &Path) -> anyhow::Result<Texts> {
    let mut files = Vec::new();
    for sub in std::fs::read_dir(dir)? {
        let sub = sub?.path();
        if sub.is_dir() {
            for f in std::fs::read_dir(&sub)? {
                let f = f?.path();
                if f.extension().is_some_and(|e| e == "tml") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let raw = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let dct = raw
            .find("<DCT>")
            .and_then(|i| raw[i..].find("value=\"").map(|j| i + j + 7))
            .and_then(|i| raw.get(i..i + 10))
            .and_then(crate::annotate::parse_day);
        let body = match (raw.find("<TEXT>"), raw.rfind("</TEXT>")) {
            (Some(a), Some(b)) if a + 6 <= b => &raw[a + 6..b],
            _ => continue,
        };
        let mut text = String::with_capacity(body.len());
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
        out.push((text, dct));
    }
    Ok(out)
}

/// GVA pages: `content` with `dct`.
fn gva_pages(path: &Path) -> anyhow::Result<Texts> {
    let mut raw = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut raw))
        .with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for line in raw.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let d: serde_json::Value = serde_json::from_slice(line).context("a line of documents.jsonl.gz")?;
        let text = d["content"].as_str().unwrap_or_default().to_string();
        let dct = d["dct"].as_str().and_then(crate::annotate::parse_day);
        out.push((text, dct));
    }
    Ok(out)
}
