//! `sitrep bench extract`: speed of the one-article reader on the 3,104 Gun Violence Archive
//! web pages in `../shared/data/gva/documents.jsonl.gz` (skipped with a message when absent),
//! each with its publication date. Pages are read before the clock starts. Two figures per
//! run, on all cores (`--threads`, default: the machine's): the reader alone
//! (`Reader::read`: numbers, casualties, actors, types, time tagging and event dates,
//! toponyms and event places) on articles cleaned beforehand, and cleaning plus reading
//! (what `sitrep extract` does per article). Prints articles/s, events found and peak memory.

use crate::Outcome;
use crate::common::GazetteerArgs;
use anyhow::Context;
use sitrep_clean::CleanOptions;
use sitrep_extract::Reader;
use sitrep_model::article::{Article, Body, RawArticle};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `sitrep bench extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shared data folder (holding gva/).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Runs.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let path = args.data.join("gva/documents.jsonl.gz");
    if !path.exists() {
        eprintln!("bench extract: {} not found; nothing measured", path.display());
        return Ok(Outcome::Ok);
    }
    let raws = gva_pages(&path)?;
    let gaz = args.gazetteer.load()?;
    let reader = Reader::new(&gaz);
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let bytes: usize = raws.iter().map(|r| if let Body::Text(t) = &r.body { t.len() } else { 0 }).sum();
    println!(
        "bench extract: GVA pages: {} articles, {:.2} MB, {} threads, {} runs, gazetteer files: {}",
        raws.len(),
        bytes as f64 / 1e6,
        threads,
        args.runs.max(1),
        args.gazetteer.paths().len()
    );
    let cleaned: Vec<Article> = raws.iter().map(|r| sitrep_clean::clean(r, &CleanOptions::default())).collect();
    let mut read_rates = Vec::new();
    let mut full_rates = Vec::new();
    let mut read_cpu = Vec::new();
    let mut full_cpu = Vec::new();
    for run in 1..=args.runs.max(1) {
        let start = Instant::now();
        let c = super::place::cpu_seconds();
        let events = parallel(&cleaned, threads, |a| reader.read(a).len());
        let secs = start.elapsed().as_secs_f64();
        read_cpu.push(cleaned.len() as f64 / (super::place::cpu_seconds() - c).max(0.01));
        let rate = cleaned.len() as f64 / secs;
        read_rates.push(rate);
        let start = Instant::now();
        let c = super::place::cpu_seconds();
        let events_full = parallel(&raws, threads, |r| crate::extract::extract_one(&reader, r).events.len());
        let secs_full = start.elapsed().as_secs_f64();
        full_cpu.push(raws.len() as f64 / (super::place::cpu_seconds() - c).max(0.01));
        let rate_full = raws.len() as f64 / secs_full;
        full_rates.push(rate_full);
        println!(
            "  run {run}: reader {secs:.3} s, {rate:.0} articles/s, {events} events; clean + read {secs_full:.3} s, {rate_full:.0} articles/s, {events_full} events"
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "  median: reader {:.0} articles/s, clean + read {:.0} articles/s ({threads} threads)",
        median(&mut read_rates),
        median(&mut full_rates)
    );
    // CPU time varies much less than wall time on a shared machine: articles per CPU-second
    // times the threads is what the threads would do with the cores to themselves
    let (rc, fc) = (median(&mut read_cpu), median(&mut full_cpu));
    println!(
        "  per CPU-second: reader {rc:.0} articles, clean + read {fc:.0} articles ({:.0} and {:.0} articles/s on {threads} idle cores)",
        rc * threads as f64,
        fc * threads as f64
    );
    println!("peak memory: {:.0} MiB", super::peak_rss_mib());
    Ok(Outcome::Ok)
}

/// Runs `f` on every item on `threads` threads, each taking the next batch of 16 items as it
/// becomes free (long pages do not leave one thread working alone); returns the sum of the
/// results.
fn parallel<T: Sync>(items: &[T], threads: usize, f: impl Fn(&T) -> usize + Sync) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const BATCH: usize = 16;
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut sum = 0;
                    loop {
                        let from = next.fetch_add(BATCH, Ordering::Relaxed);
                        if from >= items.len() {
                            break sum;
                        }
                        sum += items[from..(from + BATCH).min(items.len())].iter().map(&f).sum::<usize>();
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    })
}

/// GVA pages as raw articles: `doc_id`, `content`, `title`, `dct`.
fn gva_pages(path: &Path) -> anyhow::Result<Vec<RawArticle>> {
    let mut raw = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut raw))
        .with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in raw.split(|&b| b == b'\n').filter(|l| !l.is_empty()).enumerate() {
        let d: serde_json::Value = serde_json::from_slice(line).context("a line of documents.jsonl.gz")?;
        out.push(RawArticle {
            id: d["doc_id"].as_str().map_or_else(|| format!("{}", n + 1), str::to_string),
            body: Body::Text(d["content"].as_str().unwrap_or_default().to_string()),
            title: d["title"].as_str().map(str::to_string),
            published: d["dct"].as_str().map(str::to_string),
            url: d["uri"].as_str().map(str::to_string),
            outlet: None,
            origin: format!("{}:{}", path.display(), n + 1),
        });
    }
    Ok(out)
}
