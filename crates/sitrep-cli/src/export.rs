//! `sitrep export articles|events --format jsonl`: what the database holds, in the output
//! contract's shapes (`../shared/PRODUCT.md`), one JSON object per line. Articles in ingest
//! order; events in id order (each line is the contract line stored when the event last
//! changed).

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
