//! `sitrep bench link`: relating and linking at scale, on generated corpora
//! (`sitrep_reconcile::synth`: events of a made-up world told by several reports, derivative
//! copies, commentaries, background mentions, a few stale re-publications).
//!
//! For each size, a child process generates the corpus in arrival order and feeds it in
//! batches to the linker over the in-memory store, timing record building (fingerprints) and
//! linking, not generation. It prints articles per second, the growth of time against the
//! article count, peak memory, and the B-cubed F1 of mentions against the generator's truth
//! (a sanity figure on synthetic data, not an accuracy measure).

use crate::Outcome;
use anyhow::Context;
use sitrep_reconcile::synth::Generator;
use sitrep_reconcile::{ArticleRecord, Batch, LinkConfig, Linker, MemoryStore, MentionKey, MentionRecord};
use std::collections::HashMap;
use std::time::Instant;

/// Arguments of `sitrep bench link`.
#[derive(Debug, clap::Parser)]
#[command(name = "link")]
pub struct Args {
    /// Corpus sizes in articles (repeatable).
    #[arg(long = "articles", default_values_t = [10_000usize, 100_000])]
    articles: Vec<usize>,
    /// Articles per ingest batch.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    /// Generator seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Events a day in the generated world (12 countries): the default is a small stream;
    /// a larger value packs the same articles into fewer days.
    #[arg(long, default_value_t = sitrep_reconcile::synth::EVENTS_PER_DAY as u64)]
    events_per_day: u64,
    /// Run one size in this process and print its figures as JSON (used internally).
    #[arg(long, hide = true)]
    child: bool,
}

/// Cumulative figures after a number of articles.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Checkpoint {
    articles: usize,
    cpu_s: f64,
    pairs: usize,
    reads: usize,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Figures {
    checkpoints: Vec<Checkpoint>,
    reads: usize,
    articles: usize,
    mentions: usize,
    events: usize,
    batches: usize,
    build_s: f64,
    link_s: f64,
    build_cpu_s: f64,
    link_cpu_s: f64,
    total_s: f64,
    pool_mentions_max: usize,
    pairs_scored: usize,
    peak_rss_mb: f64,
    store_mb: f64,
    b3_p: f64,
    b3_r: f64,
    b3_f1: f64,
}

/// CPU time of this (single-threaded) process so far, in seconds, from /proc/self/schedstat
/// (0 where it is missing): unlike wall-clock time, not inflated by other work on the machine.
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

fn b_cubed(pred: &HashMap<MentionKey, String>, truth: &HashMap<MentionKey, usize>) -> (f64, f64) {
    let mut pc: HashMap<&str, Vec<&MentionKey>> = HashMap::new();
    let mut gc: HashMap<usize, Vec<&MentionKey>> = HashMap::new();
    for (k, t) in truth {
        if let Some(p) = pred.get(k) {
            pc.entry(p.as_str()).or_default().push(k);
            gc.entry(*t).or_default().push(k);
        }
    }
    let (mut p, mut r, mut n) = (0.0, 0.0, 0usize);
    for (k, t) in truth {
        let Some(e) = pred.get(k) else { continue };
        let pm = &pc[e.as_str()];
        let gm = &gc[t];
        let inter = pm.iter().filter(|x| truth.get(**x) == Some(t)).count() as f64;
        p += inter / pm.len() as f64;
        r += inter / gm.len() as f64;
        n += 1;
    }
    if n == 0 { (0.0, 0.0) } else { (p / n as f64, r / n as f64) }
}

fn run_one(n: usize, batch: usize, seed: u64, events_per_day: u64) -> Figures {
    let linker = Linker::new(LinkConfig::default());
    let mut store = MemoryStore::new();
    let mut truth: HashMap<MentionKey, usize> = HashMap::new();
    let (mut build, mut link) = (0.0f64, 0.0f64);
    let (mut build_cpu, mut link_cpu) = (0.0f64, 0.0f64);
    let (mut mentions, mut batches, mut pool_max, mut pairs, mut reads) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut checkpoints = Vec::new();
    let mut done = 0usize;
    let start = Instant::now();
    let mut corpus = Generator::new(n, seed).events_per_day(events_per_day);
    loop {
        let chunk: Vec<_> = corpus.by_ref().take(batch).collect();
        if chunk.is_empty() {
            break;
        }
        let t = Instant::now();
        let c = cpu_s();
        let mut b = Batch::default();
        for s in &chunk {
            let recs = MentionRecord::all(&s.article, &s.mentions);
            for (r, &tr) in recs.iter().zip(&s.truth) {
                truth.insert(r.key.clone(), tr);
            }
            mentions += recs.len();
            b.add_records(ArticleRecord::new(&s.article, &s.mentions), recs);
        }
        build += t.elapsed().as_secs_f64();
        build_cpu += cpu_s() - c;
        let t = Instant::now();
        let c = cpu_s();
        let applied = store.ingest(&linker, b);
        link += t.elapsed().as_secs_f64();
        link_cpu += cpu_s() - c;
        pool_max = pool_max.max(applied.stats.pool_mentions);
        pairs += applied.stats.pairs_scored;
        reads += applied.stats.read_events;
        let before = done;
        done += chunk.len();
        let step = (n / 10).max(1);
        if done / step > before / step {
            checkpoints.push(Checkpoint { articles: done, cpu_s: build_cpu + link_cpu, pairs, reads });
        }
        batches += 1;
    }
    let total = start.elapsed().as_secs_f64();
    // Current event of every mention.
    let mut current: HashMap<MentionKey, String> = HashMap::new();
    for e in store.events() {
        for m in &e.members {
            current.insert(m.key.clone(), e.id.clone());
        }
    }
    let (p, r) = b_cubed(&current, &truth);
    Figures {
        checkpoints,
        reads,
        articles: n,
        mentions,
        events: store.len(),
        batches,
        build_s: build,
        link_s: link,
        build_cpu_s: build_cpu,
        link_cpu_s: link_cpu,
        total_s: total,
        pool_mentions_max: pool_max,
        pairs_scored: pairs,
        peak_rss_mb: peak_rss_mb(),
        store_mb: store.approx_bytes() as f64 / 1e6,
        b3_p: 100.0 * p,
        b3_r: 100.0 * r,
        b3_f1: if p + r > 0.0 { 200.0 * p * r / (p + r) } else { 0.0 },
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args.child {
        let n = *args.articles.first().context("--articles")?;
        let f = run_one(n, args.batch, args.seed, args.events_per_day);
        println!("{}", serde_json::to_string(&f)?);
        return Ok(Outcome::Ok);
    }
    let exe = std::env::current_exe().context("locating the sitrep binary")?;
    println!(
        "sitrep bench link: generated corpora (seed {}, about {} events a day), batches of {} articles, in-memory store, semantic matching off",
        args.seed, args.events_per_day, args.batch
    );
    println!(
        "{:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>7}",
        "articles", "mentions", "events", "build cpu", "link cpu", "wall s", "art/cpu-s", "pool max", "peak MB", "store MB", "B3 F1"
    );
    let mut results: Vec<Figures> = Vec::new();
    for &n in &args.articles {
        let out = std::process::Command::new(&exe)
            .args([
                "bench",
                "link",
                "--child",
                "--articles",
                &n.to_string(),
                "--batch",
                &args.batch.to_string(),
                "--seed",
                &args.seed.to_string(),
                "--events-per-day",
                &args.events_per_day.to_string(),
            ])
            .output()
            .context("running the benchmark child")?;
        if !out.status.success() {
            anyhow::bail!("bench child for {n} articles failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Figures = serde_json::from_str(line.lines().last().unwrap_or("")).context("reading the child's figures")?;
        println!(
            "{:>8} {:>8} {:>8} {:>9.2} {:>9.2} {:>9.2} {:>9.0} {:>9} {:>10.0} {:>9.1} {:>7.1}",
            f.articles,
            f.mentions,
            f.events,
            f.build_cpu_s,
            f.link_cpu_s,
            f.build_s + f.link_s,
            f.articles as f64 / (f.build_cpu_s + f.link_cpu_s).max(1e-9),
            f.pool_mentions_max,
            f.peak_rss_mb,
            f.store_mb,
            f.b3_f1
        );
        results.push(f);
    }
    if let Some(big) = results.last() {
        println!("cumulative, {} articles in one run (CPU s / pairs scored per article / store events read per article):", big.articles);
        for c in &big.checkpoints {
            println!(
                "  {:>8} articles: {:>8.2} s  {:>6.1} pairs/art  {:>6.2} reads/art",
                c.articles,
                c.cpu_s,
                c.pairs as f64 / c.articles as f64,
                c.reads as f64 / c.articles as f64
            );
        }
        if let (Some(first), Some(last)) = (big.checkpoints.first(), big.checkpoints.last())
            && last.articles > first.articles
        {
            let t = last.cpu_s / first.cpu_s.max(1e-9);
            let k = last.articles as f64 / first.articles as f64;
            println!(
                "growth within the run {}->{} articles: CPU time x{:.2} for x{:.1} articles ({:.2}x faster than the article count; goal <= 1.3)",
                first.articles,
                last.articles,
                t,
                k,
                t / k
            );
        }
    }
    if let (Some(a), Some(b)) = (results.first(), results.last())
        && b.articles > a.articles
    {
        let time_ratio = (b.build_cpu_s + b.link_cpu_s) / (a.build_cpu_s + a.link_cpu_s).max(1e-9);
        let size_ratio = b.articles as f64 / a.articles as f64;
        println!(
            "growth between the runs {}->{} articles: CPU time x{:.2} for x{:.1} articles ({:.2}x faster than the article count; goal <= 1.3)",
            a.articles,
            b.articles,
            time_ratio,
            size_ratio,
            time_ratio / size_ratio
        );
    }
    Ok(Outcome::Ok)
}
