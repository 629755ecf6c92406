//! `sitrep gazetteer`: GeoNames dumps into a sitrep index file, and name look-ups.
//!
//! - `sitrep gazetteer import FILE... [-o INDEX]`: reads GeoNames dumps (`NE.txt`,
//!   `cities500.txt`, `allCountries.txt`: 19 tab-separated columns) and writes the rows
//!   sitrep keeps as one index file (default `gazetteer.sgz`). `--gazetteer INDEX` (or
//!   `SITREP_GAZETTEER`) then loads it without parsing text: a 13-million-row dump once, not
//!   at every run. Malformed rows are skipped, each reported with its line number; exit code 2
//!   when any was.
//! - `sitrep gazetteer lookup NAME... [--gazetteer FILE]`: every place of that name the
//!   gazetteer holds (built-in data plus the files), most populous first, as JSON Lines.

use crate::Outcome;
use crate::common::{GazetteerArgs, write_json_line};
use anyhow::Context;
use sitrep_place::Gazetteer;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `sitrep gazetteer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

/// What to do.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Read GeoNames dumps and write them as one sitrep index file.
    Import {
        /// GeoNames dump files (19 tab-separated columns), or index files to merge.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The index file to write.
        #[arg(short, long, default_value = "gazetteer.sgz", value_name = "FILE")]
        output: PathBuf,
    },
    /// Print every place of a name (built-in data plus --gazetteer files) as JSON Lines.
    Lookup {
        /// Names to look up.
        #[arg(required = true)]
        names: Vec<String>,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
    },
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.action {
        Action::Import { files, output } => import(&files, &output),
        Action::Lookup { names, gazetteer } => lookup(&names, &gazetteer),
    }
}

fn import(files: &[PathBuf], output: &std::path::Path) -> anyhow::Result<Outcome> {
    let mut gaz = Gazetteer::empty();
    let mut outcome = Outcome::Ok;
    for f in files {
        let t = Instant::now();
        let n = gaz.load_geonames(f).with_context(|| format!("importing {}", f.display()))?;
        let warnings = gaz.take_warnings();
        if !warnings.is_empty() {
            outcome = Outcome::Partial;
        }
        for w in &warnings {
            eprintln!("sitrep: {w}");
        }
        eprintln!("sitrep: {}: {n} rows kept in {:.1} s", f.display(), t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let n = gaz.write_index(output).with_context(|| format!("writing {}", output.display()))?;
    eprintln!("sitrep: {}: {n} rows written in {:.1} s", output.display(), t.elapsed().as_secs_f64());
    Ok(outcome)
}

fn lookup(names: &[String], gazetteer: &GazetteerArgs) -> anyhow::Result<Outcome> {
    let gaz = gazetteer.load()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for name in names {
        for p in gaz.lookup(name) {
            let mut v = serde_json::to_value(&p)?;
            v["query"] = serde_json::Value::String(name.clone());
            write_json_line(&mut out, &v)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
