//! `sitrep annotate`: every time, place, number and actor mention of a text, with offsets in
//! Unicode code points into the text exactly as given (no cleaning). The inspection tool for
//! every extractor, and what the temporal-tagging and geoparsing scorers read.

use crate::Outcome;
use crate::common::{GazetteerArgs, write_json_line};
use anyhow::Context;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};
use sitrep_extract::actors::ActorTable;
use sitrep_place::Gazetteer;
use sitrep_text::CharIndex;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object for one text file.
    Json,
    /// JSON Lines articles in (stdin or FILE), one line out per article.
    Jsonl,
}

/// Arguments of `sitrep annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `json` for one text file, `jsonl` for JSON Lines articles.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Publication date (YYYY-MM-DD) to resolve relative dates against; a JSON Lines
    /// article's own `published` takes precedence.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<String>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// The text file (json), or a JSON Lines file (jsonl; default: standard input).
    file: Option<PathBuf>,
}

/// One JSON Lines input line (only what annotate needs).
#[derive(Debug, Deserialize)]
struct Line {
    id: Option<Value>,
    text: Option<String>,
    published: Option<String>,
}

/// A date from `YYYY-MM-DD` or an ISO timestamp starting with one.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let default_published = match &args.published {
        Some(s) => Some(parse_day(s).with_context(|| format!("--published {s:?} is not a date (YYYY-MM-DD)"))?),
        None => None,
    };
    let gaz = args.gazetteer.load()?;
    let actors = ActorTable::builtin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let path = args.file.context("annotate --format json needs a FILE")?;
            let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            let text = String::from_utf8(bytes)
                .map_err(|e| anyhow::anyhow!("{}: not UTF-8 text (invalid byte at {})", path.display(), e.utf8_error().valid_up_to()))?;
            let v = annotate(&gaz, &actors, &text, default_published);
            serde_json::to_writer_pretty(&mut out, &v)?;
            out.write_all(b"\n")?;
            out.flush()?;
            Ok(Outcome::Ok)
        }
        Format::Jsonl => {
            let (reader, name): (Box<dyn BufRead>, String) = match &args.file {
                Some(p) if p.as_os_str() != "-" => (
                    Box::new(std::io::BufReader::new(std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?)),
                    p.display().to_string(),
                ),
                _ => (Box::new(std::io::stdin().lock()), "-".to_string()),
            };
            let mut outcome = Outcome::Ok;
            for (n, line) in reader.split(b'\n').enumerate() {
                let line = line.with_context(|| format!("reading {name}"))?;
                let where_ = format!("{name}:{}", n + 1);
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let parsed = std::str::from_utf8(&line)
                    .map_err(|e| format!("not UTF-8 (invalid byte at {})", e.valid_up_to()))
                    .and_then(|s| serde_json::from_str::<Line>(s).map_err(|e| format!("malformed JSON: {e}")));
                let l = match parsed {
                    Ok(l) => l,
                    Err(msg) => {
                        eprintln!("sitrep: {where_}: {msg}; skipped");
                        outcome = Outcome::Partial;
                        continue;
                    }
                };
                let Some(text) = l.text else {
                    eprintln!("sitrep: {where_}: no \"text\" field; skipped");
                    outcome = Outcome::Partial;
                    continue;
                };
                let id = match l.id {
                    Some(Value::String(s)) => s,
                    Some(v) => v.to_string(),
                    None => format!("{}", n + 1),
                };
                let published = l.published.as_deref().and_then(parse_day).or(default_published);
                let mut v = annotate(&gaz, &actors, &text, published);
                v["article_id"] = Value::String(id);
                write_json_line(&mut out, &v)?;
            }
            out.flush()?;
            Ok(outcome)
        }
    }
}

/// All mentions of one text as the JSON `annotate` prints.
pub fn annotate(gaz: &Gazetteer, actors: &ActorTable, text: &str, published: Option<NaiveDate>) -> Value {
    let ci = CharIndex::new(text);
    let at = |s: sitrep_text::Span| {
        let (a, b) = ci.span(s);
        (a, b, text.get(s.start..s.end).unwrap_or_default().to_string())
    };
    let times: Vec<Value> = sitrep_time::tag(text, published)
        .into_iter()
        .map(|t| {
            let (start, end, s) = at(t.span);
            json!({"start": start, "end": end, "text": s, "type": t.kind, "value": t.value,
                   "earliest": t.earliest, "latest": t.latest, "precision": t.precision, "extractor": t.extractor})
        })
        .collect();
    // the areas of the text's armed groups are context for the places, as in `extract`
    let found_actors = sitrep_extract::actors::find(actors, text);
    let ctx = sitrep_place::ArticleContext { region: actors.region_of(&found_actors), ..Default::default() };
    let places: Vec<Value> = sitrep_place::find_places_in(gaz, text, &ctx)
        .into_iter()
        .map(|p| {
            let (start, end, s) = at(p.span);
            let r = p.place.as_ref();
            json!({"start": start, "end": end, "text": s, "name": r.map(|r| r.name.clone()), "kind": p.kind,
                   "country_code": r.map(|r| r.country_code.clone()), "admin1": r.and_then(|r| r.admin1.clone()),
                   "admin2": r.and_then(|r| r.admin2.clone()), "lat": r.map(|r| r.lat), "lon": r.map(|r| r.lon),
                   "geonames_id": r.and_then(|r| r.geonames_id), "feature": r.map(|r| r.feature), "extractor": p.extractor,
                   "precision": p.precision, "matched": p.matched})
        })
        .collect();
    let numbers: Vec<Value> = sitrep_extract::numbers::find(text)
        .into_iter()
        .map(|n| {
            let (start, end, s) = at(n.span);
            json!({"start": start, "end": end, "text": s, "low": n.amount.low, "best": n.amount.best, "high": n.amount.high,
                   "vague": n.amount.vague, "extractor": n.extractor})
        })
        .collect();
    let actors: Vec<Value> = found_actors
        .into_iter()
        .map(|a| {
            let (start, end, s) = at(a.span);
            json!({"start": start, "end": end, "text": s, "name": a.name, "kind": a.kind, "extractor": a.extractor})
        })
        .collect();
    json!({"published": published, "times": times, "places": places, "numbers": numbers, "actors": actors})
}
