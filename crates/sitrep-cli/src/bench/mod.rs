//! `sitrep bench <stage>`: speed on real or generated corpora. Each stage's bench lives in its
//! own module, owned with that stage; results go to BENCHMARKS.md with the command.

use crate::Outcome;

pub mod extract;
pub mod ingest;
pub mod link;
pub mod place;
pub mod serve;
pub mod time;

/// Arguments of `sitrep bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

/// The stage to measure.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Reading, cleaning and storing (the Gun Violence Archive pages in ../shared/data).
    Ingest(ingest::Args),
    /// The one-article reader.
    Extract(extract::Args),
    /// The temporal tagger.
    Time(time::Args),
    /// Toponym recognition and resolution.
    Place(place::Args),
    /// Relating and linking at scale, on generated corpora.
    Link(link::Args),
    /// The HTTP API under load (`/api/events`, 100,000 generated events), from a second process.
    Serve(serve::Args),
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.what {
        What::Ingest(a) => ingest::run(a),
        What::Extract(a) => extract::run(a),
        What::Time(a) => time::run(a),
        What::Place(a) => place::run(a),
        What::Link(a) => link::run(a),
        What::Serve(a) => serve::run(a),
    }
}

/// Peak resident memory of this process so far (VmHWM), in MiB; 0 where /proc is missing.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}
