//! `sitrep extract` (issue: one-article reader). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, default_value = "jsonl")]
    format: String,
    #[command(flatten)]
    gazetteer: crate::common::GazetteerArgs,
    /// JSON Lines files (default: standard input).
    files: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("extract is not built yet")
}
