//! `sitrep bench ingest`: reading, cleaning and storing real web pages: the 3,104 Gun
//! Violence Archive news pages in `../shared/data/gva/documents.jsonl.gz` (skipped with a
//! message when absent). The corpus is turned into the JSON Lines `sitrep ingest` reads
//! (`id` = doc_id, `text` = content, `published` = dct, `title`, `url` = uri) before the clock
//! starts; each run then reads those bytes with the real reader, cleans, deduplicates and
//! stores every article into a fresh database, one transaction per batch, as `sitrep ingest`
//! does. Prints articles/s and MB/s per run and their median, cleaning alone on one thread,
//! and the peak resident memory (VmHWM).

use crate::Outcome;
use anyhow::Context;
use sitrep_clean::CleanOptions;
use sitrep_ingest::ReadOptions;
use sitrep_pipeline::{Batcher, PipelineOptions};
use sitrep_store::Store;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `sitrep bench ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder holding documents.jsonl.gz.
    #[arg(long, default_value = "../shared/data/gva")]
    data: PathBuf,
    /// Runs (each into a fresh database).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Cleaning threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500)]
    batch_size: usize,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let path = args.data.join("documents.jsonl.gz");
    if !path.exists() {
        eprintln!("bench ingest: {} not found; skipped (the benchmark needs the GVA corpus from ../shared/data)", path.display());
        return Ok(Outcome::Ok);
    }
    let mut gz = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut gz))
        .with_context(|| format!("reading {}", path.display()))?;
    // The corpus as the JSON Lines sitrep ingest reads.
    let mut jsonl = Vec::with_capacity(gz.len());
    let mut docs = 0usize;
    let mut text_bytes = 0usize;
    for line in gz.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let d: serde_json::Value = serde_json::from_slice(line).context("a line of documents.jsonl.gz")?;
        let text = d["content"].as_str().unwrap_or_default();
        text_bytes += text.len();
        docs += 1;
        let v = serde_json::json!({"id": d["doc_id"], "title": d["title"], "published": d["dct"], "url": d["uri"], "text": text});
        serde_json::to_writer(&mut jsonl, &v)?;
        jsonl.push(b'\n');
    }
    let threads = if args.threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { args.threads };
    println!(
        "bench ingest: {docs} pages, {:.1} MB of text ({:.1} MB as JSON Lines), from {}; {threads} cleaning thread(s), batches of {}",
        text_bytes as f64 / 1e6,
        jsonl.len() as f64 / 1e6,
        path.display(),
        args.batch_size
    );
    let dir = tempfile::tempdir()?;
    let mut rates = Vec::new();
    for run in 1..=args.runs.max(1) {
        let db = dir.path().join(format!("bench-{run}.db"));
        let mut store = Store::open(&db)?;
        let start = Instant::now();
        let cpu0 = cpu_seconds();
        let items = sitrep_ingest::read_bytes("gva.jsonl", "gva.jsonl", &jsonl, &ReadOptions::default());
        let mut batcher = Batcher::new(&mut store, PipelineOptions { threads: args.threads, ..PipelineOptions::default() });
        batcher.batch_articles = args.batch_size;
        let mut rejected = 0;
        for item in items {
            match item {
                Ok(input) => {
                    batcher.push(input)?;
                }
                Err(_) => rejected += 1,
            }
        }
        let report = batcher.finish()?;
        let secs = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu0;
        drop(store);
        let db_mb = std::fs::metadata(&db).map_or(0.0, |m| m.len() as f64 / 1e6);
        let rate = docs as f64 / secs;
        rates.push((rate, text_bytes as f64 / 1e6 / secs));
        println!(
            "run {run}: {secs:.3} s, {rate:.0} articles/s, {:.1} MB/s; CPU {cpu:.3} s ({:.0} articles per CPU-second); stored {}, duplicates {}, already stored {}, rejected {}; database {db_mb:.1} MB",
            text_bytes as f64 / 1e6 / secs,
            docs as f64 / cpu.max(1e-9),
            report.stored.len(),
            report.duplicates.len(),
            report.unchanged.len(),
            rejected + report.rejected.len()
        );
    }
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (rate, mbs) = rates[rates.len() / 2];
    // Cleaning alone, one thread.
    let raws: Vec<_> = sitrep_ingest::read_bytes("gva.jsonl", "gva.jsonl", &jsonl, &ReadOptions::default()).into_iter().flatten().collect();
    let start = Instant::now();
    for i in &raws {
        std::hint::black_box(sitrep_clean::clean(&i.raw, &CleanOptions::default()));
    }
    let clean_rate = raws.len() as f64 / start.elapsed().as_secs_f64();
    println!(
        "median: {rate:.0} articles/s, {mbs:.1} MB/s (read + clean + dedup + store); cleaning alone on 1 thread: {clean_rate:.0} articles/s; peak memory (VmHWM): {:.1} MiB",
        super::peak_rss_mib()
    );
    Ok(Outcome::Ok)
}

/// CPU time (user + system) this process has used, in seconds, from /proc (0 elsewhere).
/// With other work on the machine, wall time overstates the cost; CPU time does not.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name (which is in parentheses): utime and stime are the 12th
    // and 13th, in clock ticks (100 per second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}
