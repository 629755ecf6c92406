//! `sitrep bench place`: speed of toponym recognition and resolution. Not built yet: the module is here so the stage's
//! owner can fill in `Args` and `run`.

use crate::Outcome;

/// Arguments of `sitrep bench place`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("bench place is not built yet")
}
