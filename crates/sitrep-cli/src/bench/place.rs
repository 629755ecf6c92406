//! `sitrep bench place`: speed of the gazetteer and of toponym recognition and resolution.
//!
//! 1. Built-in gazetteer load (`Gazetteer::builtin`), best and median of `--runs`.
//! 2. Each GeoNames file named with `--gazetteer` / `SITREP_GAZETTEER`: load time and rows.
//! 3. `find_places` on the 3,104 Gun Violence Archive pages in
//!    `../shared/data/gva/documents.jsonl.gz` (skipped with a message when absent), with the
//!    gazetteer of 1 and 2: articles/s on one thread and on all threads.
//! 4. With `--synthetic-rows N`: a generated GeoNames dump of N rows in the 19-column format
//!    (13,000,000 is the size of allCountries.txt), written to a temporary file, then loaded
//!    as a dump and, after `Gazetteer::write_index`, as an index file; time, rows and peak
//!    memory of each step.

use crate::Outcome;
use crate::common::GazetteerArgs;
use anyhow::Context;
use sitrep_place::{Gazetteer, find_places};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `sitrep bench place`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shared data folder (holding gva/).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Runs of each measurement.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Worker threads for the parallel figure (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Generate a GeoNames dump of this many rows and measure loading it (13000000: the size
    /// of allCountries.txt).
    #[arg(long, value_name = "N")]
    synthetic_rows: Option<usize>,
    /// Where to write the generated dump (default: a temporary file, removed afterwards).
    #[arg(long, value_name = "FILE")]
    synthetic_file: Option<PathBuf>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

/// CPU time of this process so far (user + system), in seconds; 0 where /proc is missing. The
/// machine may be shared: wall-clock figures then vary with the load, CPU time much less.
pub(crate) fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let runs = args.runs.max(1);
    // 1. built-in load
    let mut times = Vec::new();
    let mut entries = 0;
    let cpu0 = cpu_seconds();
    for _ in 0..runs {
        let t = Instant::now();
        let g = Gazetteer::builtin();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        entries = g.len();
    }
    let cpu = (cpu_seconds() - cpu0) * 1000.0 / runs as f64;
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "bench place: built-in gazetteer: {entries} entries; load best {best:.1} ms, median {:.1} ms wall, {cpu:.0} ms CPU per load ({runs} runs)",
        median(&mut times)
    );

    // 2. GeoNames files
    let mut gaz = Gazetteer::builtin();
    for p in args.gazetteer.paths() {
        let t = Instant::now();
        let n = gaz.load_geonames(&p).with_context(|| format!("loading {}", p.display()))?;
        println!("  {}: {n} rows in {:.1} ms", p.display(), t.elapsed().as_secs_f64() * 1000.0);
        for w in gaz.take_warnings() {
            eprintln!("sitrep: {w}");
        }
    }

    // 3. find_places on the GVA pages
    let path = args.data.join("gva/documents.jsonl.gz");
    if path.exists() {
        let pages = gva_texts(&path)?;
        let bytes: usize = pages.iter().map(String::len).sum();
        let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
        let mut one = Vec::new();
        let mut one_cpu = Vec::new();
        let mut all = Vec::new();
        let mut found = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let c = cpu_seconds();
            found = pages.iter().map(|p| find_places(&gaz, p).len()).sum::<usize>();
            one.push(pages.len() as f64 / t.elapsed().as_secs_f64());
            one_cpu.push(pages.len() as f64 / (cpu_seconds() - c).max(0.01));
            let t = Instant::now();
            let chunk = pages.len().div_ceil(threads);
            std::thread::scope(|s| {
                for part in pages.chunks(chunk) {
                    let g = &gaz;
                    s.spawn(move || part.iter().map(|p| find_places(g, p).len()).sum::<usize>());
                }
            });
            all.push(pages.len() as f64 / t.elapsed().as_secs_f64());
        }
        println!(
            "  find_places on {} GVA pages ({:.2} MB, {found} mentions): median {:.0} articles/s on 1 thread ({:.0} per CPU-second), {:.0} articles/s on {threads} threads",
            pages.len(),
            bytes as f64 / 1e6,
            median(&mut one),
            median(&mut one_cpu),
            median(&mut all)
        );
    } else {
        eprintln!("bench place: {} not found; find_places not measured", path.display());
    }
    println!("peak memory: {:.0} MiB", super::peak_rss_mib());
    drop(gaz);

    // 4. a dump of allCountries' size
    if let Some(rows) = args.synthetic_rows {
        let (file, _guard) = match &args.synthetic_file {
            Some(p) => (p.clone(), None),
            None => {
                let dir = tempfile::tempdir().context("a temporary directory")?;
                (dir.path().join("synthetic.txt"), Some(dir))
            }
        };
        let t = Instant::now();
        let size = write_synthetic(&file, rows)?;
        println!("  synthetic dump: {rows} rows, {:.2} GB written in {:.1} s", size as f64 / 1e9, t.elapsed().as_secs_f64());
        let t = Instant::now();
        let c = cpu_seconds();
        let mut g = Gazetteer::empty();
        let n = g.load_geonames(&file)?;
        let skipped = g.take_warnings();
        println!(
            "  synthetic dump loaded: {n} rows kept in {:.1} s ({:.1} CPU-s); peak memory {:.0} MiB{}",
            t.elapsed().as_secs_f64(),
            cpu_seconds() - c,
            super::peak_rss_mib(),
            skipped.last().map(|w| format!(" ({w})")).unwrap_or_default()
        );
        let index = file.with_extension("sgz");
        let t = Instant::now();
        let written = g.write_index(&index)?;
        let isize = std::fs::metadata(&index).map_or(0, |m| m.len());
        println!("  index written: {written} rows, {:.2} GB in {:.1} s", isize as f64 / 1e9, t.elapsed().as_secs_f64());
        drop(g);
        let t = Instant::now();
        let c = cpu_seconds();
        let mut g = Gazetteer::builtin();
        let n = g.load_geonames(&index)?;
        println!(
            "  built-in + index loaded: {n} rows in {:.1} s ({:.1} CPU-s); peak memory {:.0} MiB (whole run)",
            t.elapsed().as_secs_f64(),
            cpu_seconds() - c,
            super::peak_rss_mib()
        );
        let t = Instant::now();
        let text = "Gunmen attacked the village of Kandadji near Ayorou in the Tillaberi region on Monday.";
        let k = 200;
        for _ in 0..k {
            std::hint::black_box(find_places(&g, text));
        }
        println!("  find_places with it: {:.3} ms per short article", t.elapsed().as_secs_f64() * 1000.0 / f64::from(k));
        if args.synthetic_file.is_none() {
            let _ = std::fs::remove_file(&index);
        }
    }
    Ok(Outcome::Ok)
}

fn gva_texts(path: &Path) -> anyhow::Result<Vec<String>> {
    let mut raw = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut raw))
        .with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for line in raw.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let d: serde_json::Value = serde_json::from_slice(line).context("a line of documents.jsonl.gz")?;
        out.push(d["content"].as_str().unwrap_or_default().to_string());
    }
    Ok(out)
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ta", "ba", "ma", "na", "sa", "da", "ga", "ko", "to", "bo", "mo", "no", "so", "do", "go", "ki", "ti", "bi", "mi", "ni", "si",
    "di", "gi", "ku", "tu", "bu", "mu", "nu", "su", "du", "gu", "ou", "dji", "tch", "ar", "el", "in", "an", "ber", "wa", "ya", "la", "ra",
    "za",
];

fn name(r: &mut Rng) -> String {
    let n = 2 + r.below(3) as usize;
    let mut s: String = (0..n).map(|_| SYLLABLES[r.below(SYLLABLES.len() as u64) as usize]).collect();
    if r.below(5) == 0 {
        s.push(' ');
        s.push_str(&(0..2).map(|_| SYLLABLES[r.below(SYLLABLES.len() as u64) as usize]).collect::<String>());
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Writes `rows` synthetic GeoNames rows: real allCountries' mix of feature classes (P 37%,
/// H 19%, S 19%, T 16%, L 4%, A 3%, V 1%, R 1%), 250 countries, a third of the rows with
/// alternate names (some in other scripts), a few with populations. Returns the bytes written.
fn write_synthetic(path: &Path, rows: usize) -> anyhow::Result<u64> {
    let f = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = BufWriter::with_capacity(1 << 20, f);
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bytes = 0u64;
    let classes: &[(u64, &str, &[&str])] = &[
        (37, "P", &["PPL", "PPL", "PPL", "PPLA2", "PPLX", "PPLA3"]),
        (19, "H", &["STM", "WLL", "LK", "WAD"]),
        (19, "S", &["SCH", "CH", "FRM", "HTL", "CMP"]),
        (16, "T", &["HLL", "MT", "PK", "MTS"]),
        (4, "L", &["LCTY", "AREA", "PRK"]),
        (3, "A", &["ADM3", "ADM4", "ADM2", "ADM1"]),
        (1, "V", &["FRST"]),
        (1, "R", &["RD"]),
    ];
    for id in 1..=rows {
        let mut pick = r.below(100);
        let mut class = &classes[0];
        for c in classes {
            if pick < c.0 {
                class = c;
                break;
            }
            pick -= c.0;
        }
        let code = class.2[r.below(class.2.len() as u64) as usize];
        let nm = name(&mut r);
        let alts = if r.below(3) == 0 {
            let k = 1 + r.below(6);
            (0..k).map(|j| if j % 3 == 2 { "Кандаджи".to_string() } else { name(&mut r) }).collect::<Vec<_>>().join(",")
        } else {
            String::new()
        };
        let cc = r.below(250);
        let cc = format!("{}{}", char::from(b'A' + (cc / 26 % 26) as u8), char::from(b'A' + (cc % 26) as u8));
        let lat = r.below(1_400_000) as f64 / 10_000.0 - 60.0;
        let lon = r.below(3_600_000) as f64 / 10_000.0 - 180.0;
        let pop = if class.1 == "P" && r.below(10) == 0 { r.below(200_000) } else { 0 };
        let line = format!(
            "{id}\t{nm}\t{nm}\t{alts}\t{lat:.5}\t{lon:.5}\t{}\t{code}\t{cc}\t\t{:02}\t{}\t\t\t{pop}\t\t{}\tAfrica/Niamey\t2020-01-0{}\n",
            class.1,
            r.below(40),
            r.below(300),
            r.below(2000),
            1 + r.below(9)
        );
        bytes += line.len() as u64;
        w.write_all(line.as_bytes())?;
    }
    w.flush()?;
    Ok(bytes)
}
