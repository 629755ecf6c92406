//! `sitrep bench extract`: speed of the one-article reader. Not built yet: the module is here so the stage's
//! owner can fill in `Args` and `run`.

use crate::Outcome;

/// Arguments of `sitrep bench extract`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("bench extract is not built yet")
}
