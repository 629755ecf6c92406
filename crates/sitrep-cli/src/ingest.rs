//! `sitrep ingest` (issue: foundation). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: crate::common::DbArg,
    /// Files, directories or `-` (standard input).
    paths: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("ingest is not built yet")
}
