//! `sitrep bench serve`: `/api/events` under load, from a second process on loopback.
//!
//! Fills a database with generated events (`sitrep_serve::synth`: contract lines with ACLED's
//! mix of types and fatalities, places inside real admin1 outlines, one to four sources with
//! claims and quotes; 100,000 by default) unless `--db` names one that exists, starts
//! `sitrep serve` on it as a child process (read-only, a free port), and drives it from this
//! process with keep-alive connections (`sitrep_serve::load`) cycling through pages of
//! `/api/events` without and with filters (country, admin1, type, dates, fatalities, box,
//! full text, actor, flags, sort orders, deep pages by cursor). Prints latency percentiles per
//! kind of request and overall, errors, throughput, and the server's peak memory.

use crate::Outcome;
use anyhow::{Context, bail};
use sitrep_serve::load::{self, Client};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Arguments of `sitrep bench serve`.
#[derive(Debug, clap::Parser)]
#[command(name = "serve")]
pub struct Args {
    /// The database (default: a temporary one). Filled with generated events when it does
    /// not exist; used as it is when it does.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Generated events.
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Seconds of load.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 4)]
    connections: usize,
    /// Read-only connections of the server (`sitrep serve --readers`).
    #[arg(long, default_value_t = 4)]
    readers: usize,
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn json(client: &mut Client, path: &str) -> anyhow::Result<serde_json::Value> {
    let r = client.get(path).with_context(|| format!("GET {path}"))?;
    if r.status != 200 {
        bail!("GET {path}: {} {}", r.status, String::from_utf8_lossy(&r.body));
    }
    Ok(serde_json::from_slice(&r.body)?)
}

/// The requests of the load: `(label, path)`.
fn requests(client: &mut Client) -> anyhow::Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |label: &str, path: String| out.push((label.to_string(), path));
    add("first page, no filter", "/api/events".into());
    // deep pages: follow the cursors of the unfiltered list
    let mut cursor: Option<String> = None;
    for page in 1..=40 {
        let path = match &cursor {
            Some(c) => format!("/api/events?cursor={}", enc(c)),
            None => "/api/events".into(),
        };
        let v = json(client, &path)?;
        cursor = v["next"].as_str().map(str::to_string);
        if page % 4 == 0
            && let Some(c) = &cursor
        {
            add("later page (cursor), no filter", format!("/api/events?cursor={}", enc(c)));
        }
        if cursor.is_none() {
            break;
        }
    }
    add("deadliest first", "/api/events?sort=fatalities_desc".into());
    add("oldest first", "/api/events?sort=date_asc".into());
    add("200 per page", "/api/events?limit=200".into());
    let stats = json(client, "/api/stats")?;
    let countries: Vec<String> = stats["by_country"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["country_code"].as_str().map(str::to_string))
        .take(6)
        .collect();
    for cc in &countries {
        add("country", format!("/api/events?country={cc}"));
        add("country + event type", format!("/api/events?country={cc}&event_type=Battles"));
    }
    let mut admin1: Vec<(u64, String)> = stats["admin1"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a["events"].as_u64()?, a["admin1"].as_str()?.to_string())))
        .collect();
    admin1.sort_by(|a, b| b.cmp(a));
    for (_, a) in admin1.iter().take(4).chain(admin1.iter().rev().take(2)) {
        add("admin1 (any accent or case)", format!("/api/events?admin1={}", enc(&a.to_lowercase())));
    }
    for (from, to) in [("2024-01-01", "2024-03-31"), ("2020-06-01", "2020-06-30"), ("2025-01-01", "2026-12-31")] {
        add("date range", format!("/api/events?date_from={from}&date_to={to}"));
    }
    for m in [5, 20, 100] {
        add("minimum fatalities", format!("/api/events?min_fatalities={m}"));
    }
    for b in ["0,11,4,16", "-6,10,2,15", "30,-5,50,15"] {
        add("bounding box", format!("/api/events?bbox={b}"));
    }
    for q in ["soldiers", "motorcycles", "%22armed%20clash%22", "kaina*", "villagers%20-explosive", "Gari%20OR%20Dogo"] {
        add("full text (FTS5)", format!("/api/events?q={q}"));
    }
    for a in ["Islamic%20State", "JNIM", "Ethnic%20Militia"] {
        add("actor", format!("/api/events?actor={a}"));
    }
    add("actor kind + flag", "/api/events?actor_kind=rebels&flag=conflicting_counts".into());
    if let Some(cc) = countries.first() {
        add("combined filters", format!("/api/events?country={cc}&date_from=2021-01-01&min_fatalities=3&q=soldiers&sort=fatalities_desc"));
        add(
            "combined filters",
            format!("/api/events?country={cc}&event_type=Violence%20against%20civilians&bbox=-20,0,20,25&date_to=2025-06-30"),
        );
    }
    // every request answers before the load starts
    for (_, p) in &out {
        json(client, p)?;
    }
    Ok(out)
}

/// The process's CPU time so far (user + system), in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // fields after the command name (which is in parentheses and may hold spaces)
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line: 12 and 13 after the name
    (ticks(11) + ticks(12)) / 100.0
}

/// The machine's load average over the last minute.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").ok().and_then(|s| s.split_whitespace().next().map(str::to_string)).unwrap_or_default()
}

fn peak_rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let tmp = tempfile::tempdir()?;
    let path = args.db.clone().unwrap_or_else(|| tmp.path().join("bench-serve.db"));
    if !path.exists() {
        println!("generating {} events into {} (seed {})", args.events, path.display(), args.seed);
        let t = Instant::now();
        let mut store = sitrep_store::Store::open(&path).with_context(|| format!("creating {}", path.display()))?;
        sitrep_serve::synth::fill(&mut store, args.events, args.seed, |n| eprint!("\r  {n} events"))?;
        store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        drop(store);
        eprintln!();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("  {:.1} s (indexing by the triggers included), database {:.0} MB", t.elapsed().as_secs_f64(), size as f64 / 1e6);
    }
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe)
        .args(["serve", "--addr", "127.0.0.1:0", "--readers", &args.readers.to_string(), "--db"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting sitrep serve")?;
    let pid = child.id();
    let result = (|| -> anyhow::Result<()> {
        let mut line = String::new();
        BufReader::new(child.stdout.take().context("the server's output")?).read_line(&mut line)?;
        let addr: SocketAddr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|a| a.parse().ok())
            .with_context(|| format!("no address in the server's first line {line:?}"))?;
        let mut client = Client::new(addr);
        let stats = json(&mut client, "/api/stats")?;
        println!("server pid {pid} at {addr}: {} events, {} readers, read-only", stats["events"], args.readers);
        let reqs = requests(&mut client)?;
        println!("{} distinct requests; warm-up 3 s, then {} s with {} connections", reqs.len(), args.seconds, args.connections);
        load::run(addr, &reqs, args.connections, Duration::from_secs(3));
        let (cpu0, load0) = (cpu_seconds(pid), load_average());
        let r = load::run(addr, &reqs, args.connections, Duration::from_secs(args.seconds));
        let (cpu1, load1) = (cpu_seconds(pid), load_average());
        println!("{:<32} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7}", "request", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        let row = |label: &str, t: &load::Tally| {
            println!(
                "{:<32} {:>8} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>7}",
                label,
                t.micros.len(),
                t.percentile_ms(50.0),
                t.percentile_ms(90.0),
                t.percentile_ms(99.0),
                t.percentile_ms(100.0),
                t.errors
            )
        };
        for (label, t) in &r.per_label {
            row(label, t);
        }
        row("all", &r.all);
        println!(
            "{} requests in {:.1} s: {:.0} requests/s; server peak memory {:.0} MiB",
            r.all.micros.len(),
            r.elapsed.as_secs_f64(),
            r.all.micros.len() as f64 / r.elapsed.as_secs_f64(),
            peak_rss_mib(pid)
        );
        println!(
            "server CPU {:.1} s: {:.2} ms per request; load average {load0} before, {load1} after ({} cores)",
            cpu1 - cpu0,
            (cpu1 - cpu0) * 1000.0 / r.all.micros.len().max(1) as f64,
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        if let Some(e) = &r.all.first_error {
            println!("first error: {e}");
        }
        Ok(())
    })();
    let _ = child.kill();
    let _ = child.wait();
    result?;
    Ok(Outcome::Ok)
}
