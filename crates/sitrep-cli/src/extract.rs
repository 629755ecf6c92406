//! `sitrep extract`: the one-document reader without a database. Reads articles (JSON Lines,
//! text, HTML, feeds: whatever `sitrep ingest` reads) from files or standard input, cleans
//! them as ingest does (boilerplate, title, dateline), and prints one line per article:
//! `{"article_id", "published", "events": [...]}` with the events in the contract's shape
//! (without the cross-article fields), main event first.

use crate::Outcome;
use crate::common::{GazetteerArgs, write_json_line};
use anyhow::Context;
use sitrep_clean::CleanOptions;
use sitrep_extract::Reader;
use sitrep_extract::actors::ActorTable;
use sitrep_model::article::RawArticle;
use sitrep_model::contract::{ExtractOut, event_out};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line and article.
    Jsonl,
}

/// Arguments of `sitrep extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// An actor table in TOML (the built-in table's format) that extends the built-in one.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Inputs: files, directories, `-` (default: standard input).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// The built-in actor table extended by the files named.
pub fn actor_table(files: &[PathBuf]) -> anyhow::Result<ActorTable> {
    let mut t = ActorTable::builtin();
    for f in files {
        let text = std::fs::read_to_string(f).with_context(|| format!("reading actor table {}", f.display()))?;
        t.extend_toml(&text).with_context(|| format!("actor table {}", f.display()))?;
    }
    Ok(t)
}

/// Cleans and reads one article into its `extract` line.
pub fn extract_one(reader: &Reader, raw: &RawArticle) -> ExtractOut {
    let article = sitrep_clean::clean(raw, &CleanOptions::default());
    // the title too, when the body tells no event and the title is not in the text
    let mentions = reader.read_with_title(&article);
    let ids: Vec<String> = (0..mentions.len()).map(|i| format!("{}#{}", article.id, i)).collect();
    let events = (0..mentions.len()).map(|i| event_out(&article, &mentions, i, &ids)).collect();
    ExtractOut { article_id: article.id.clone(), published: article.published, events }
}

/// Reads many articles on all cores; results in input order. A panic on one article is
/// reported as an error for that article and the rest go on.
pub fn extract_all(reader: &Reader, raws: &[RawArticle]) -> Vec<Result<ExtractOut, String>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(raws.len().max(1));
    let chunk = raws.len().div_ceil(threads.max(1)).max(1);
    let mut out: Vec<Result<ExtractOut, String>> = Vec::with_capacity(raws.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = raws
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|raw| {
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract_one(reader, raw)))
                                .map_err(|_| format!("{}: the reader failed on this article; skipped", raw.origin))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(v) => out.extend(v),
                Err(_) => out.push(Err("a reader thread failed".to_string())),
            }
        }
    });
    out
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let Format::Jsonl = args.format;
    let gaz = args.gazetteer.load()?;
    let reader = Reader::with_actors(&gaz, actor_table(&args.actors)?);
    let mut outcome = Outcome::Ok;
    let mut raws: Vec<RawArticle> = Vec::new();
    let files = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let opts = sitrep_ingest::ReadOptions::default();
    for f in &files {
        sitrep_ingest::read_path(f, &opts, &mut |item| match item {
            Ok(input) => raws.push(input.raw),
            Err(e) => {
                eprintln!("sitrep: {e}");
                outcome = Outcome::Partial;
            }
        });
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // in batches, so output starts early and memory stays bounded
    for batch in raws.chunks(4096) {
        for r in extract_all(&reader, batch) {
            match r {
                Ok(line) => write_json_line(&mut out, &line)?,
                Err(msg) => {
                    eprintln!("sitrep: {msg}");
                    outcome = Outcome::Partial;
                }
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}
