//! `sitrep export articles|events --format jsonl`: what the database holds, in the output
//! contract's shapes (`../shared/PRODUCT.md`), one JSON object per line. Articles in ingest
//! order; events in id order (each line is the contract line stored when the event last
//! changed). Events also as `--format csv` (ACLED-style) and `--format geojson`, rendered by
//! `sitrep_serve::export` from the same lines.

use crate::Outcome;
use crate::common::{DbArg, write_json_line};
use anyhow::Context;
use sitrep_store::Store;
use std::io::{BufWriter, Write};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// One line per ingested article id, duplicates included.
    Articles,
    /// One line per event.
    Events,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines.
    Jsonl,
    /// Events only: ACLED-style CSV (ACLED's columns, then low/best/high and sitrep's own).
    Csv,
    /// Events only: a GeoJSON FeatureCollection (points, flat properties, for QGIS).
    Geojson,
}

/// Arguments of `sitrep export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `articles` or `events`.
    #[arg(value_enum)]
    what: What,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = Store::open_existing(&args.db.db).with_context(|| format!("cannot open database {}", args.db.db.display()))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match (args.what, args.format) {
        (What::Articles, Format::Jsonl) => articles(&store, &mut out)?,
        (What::Events, Format::Jsonl) => events(&store, &mut out)?,
        (What::Events, Format::Csv) => events_csv(&store, &mut out)?,
        (What::Events, Format::Geojson) => events_geojson(&store, &mut out)?,
        (What::Articles, Format::Csv | Format::Geojson) => anyhow::bail!("--format csv and geojson are for events only"),
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

/// Writes every article as a contract line, in ingest order.
pub fn articles(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    sitrep_store::articles::export::<anyhow::Error>(store.conn(), |a| write_json_line(out, &a))
}

/// Writes every event's contract line (as stored when it was last linked), in id order.
pub fn events(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    sitrep_store::links::export_events::<anyhow::Error>(store.conn(), |json| {
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })
}

fn each_event(store: &Store, mut f: impl FnMut(&sitrep_model::contract::EventOut) -> std::io::Result<()>) -> anyhow::Result<()> {
    sitrep_store::links::export_events::<anyhow::Error>(store.conn(), |json| {
        let e: sitrep_model::contract::EventOut = serde_json::from_str(json).context("a stored event line")?;
        f(&e)?;
        Ok(())
    })
}

/// Writes every event as a row of the ACLED-style CSV (header first), in id order.
pub fn events_csv(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    sitrep_serve::export::write_csv_header(out)?;
    each_event(store, |e| sitrep_serve::export::write_csv_row(out, e))
}

/// Writes every event as a Feature of one GeoJSON FeatureCollection, in id order.
pub fn events_geojson(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    let mut w = sitrep_serve::export::GeoJsonWriter::new(out)?;
    each_event(store, |e| w.feature(e))?;
    w.finish()?;
    Ok(())
}
