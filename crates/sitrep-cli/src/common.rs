//! Options and helpers shared by several subcommands.

use anyhow::Context;
use sitrep_place::Gazetteer;
use std::io::Write;
use std::path::PathBuf;

/// `--db FILE`, default `./sitrep.db`.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// The database file.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
}

/// `--gazetteer FILE` (repeatable) and `SITREP_GAZETTEER` (paths separated by `:`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GazetteerArgs {
    /// A GeoNames dump (NE.txt, cities500.txt, allCountries.txt) to use besides the built-in
    /// gazetteer; repeatable. Also read from SITREP_GAZETTEER (paths separated by ':').
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl GazetteerArgs {
    /// Every file named, from the environment first, then the flags.
    pub fn paths(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> =
            std::env::var("SITREP_GAZETTEER").unwrap_or_default().split(':').filter(|s| !s.trim().is_empty()).map(PathBuf::from).collect();
        out.extend(self.files.iter().cloned());
        out
    }

    /// The built-in gazetteer plus every file named.
    pub fn load(&self) -> anyhow::Result<Gazetteer> {
        let mut gaz = Gazetteer::builtin();
        for p in self.paths() {
            gaz.load_geonames(&p).with_context(|| format!("loading gazetteer {}", p.display()))?;
            // malformed rows were skipped (the rest loaded): say which
            for w in gaz.take_warnings() {
                eprintln!("sitrep: {w}");
            }
        }
        Ok(gaz)
    }
}

/// True when `e` is a closed pipe on stdout (the reader went away: not an error).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Writes one JSON value as a line.
pub fn write_json_line<T: serde::Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}
