//! `sitrep bench`: speed on real or generated corpora. Each stage's bench lives in its own
//! module, owned with that stage.

use crate::Outcome;

/// Arguments of `sitrep bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to measure: ingest, extract, time, place, link.
    what: String,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    anyhow::bail!("bench {} is not built yet", args.what)
}
