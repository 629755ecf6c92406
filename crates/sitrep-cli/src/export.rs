//! `sitrep export` (issue: foundation, serve). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `articles` or `events`.
    what: String,
    #[command(flatten)]
    db: crate::common::DbArg,
    /// Output format.
    #[arg(long, default_value = "jsonl")]
    format: String,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("export is not built yet")
}
