//! `sitrep gazetteer` (issue: place). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep gazetteer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `import`.
    action: String,
    /// The GeoNames dump.
    file: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("gazetteer is not built yet")
}
