//! `sitrep serve`: the HTTP API and the web page over a database (crate `sitrep-serve`).
//! Read-only unless a write token is given; bound to 127.0.0.1 unless told otherwise.

use crate::Outcome;
use crate::ingest::parse_size;
use anyhow::Context;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `sitrep serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: crate::common::DbArg,
    /// Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface, which
    /// lets anyone who can reach it read the database). Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// Serve quotes only, never whole article texts (for deployments that must not
    /// republish third-party articles).
    #[arg(long)]
    quotes_only: bool,
    /// Accept `POST /api/articles` (ingest) from requests bearing the token in this file
    /// (`Authorization: Bearer TOKEN`; 16 characters or more). Also read from the
    /// environment variable SITREP_WRITE_TOKEN. Without it the database is opened read-only.
    #[arg(long, value_name = "FILE")]
    write_token_file: Option<PathBuf>,
    /// Largest upload (suffixes K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_upload: usize,
    /// Longest a request may take, in seconds (a database read is stopped then).
    #[arg(long, value_name = "SECONDS", default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// Accept requests addressed to this host name too (repeatable). A server on 127.0.0.1
    /// answers only requests addressed to localhost, 127.0.0.1 or [::1] (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
    /// Read-only database connections (concurrent reads).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64))]
    readers: u32,
    /// Bring the database's schema up to date first (this writes to it).
    #[arg(long)]
    migrate: bool,
    /// Ingest the built-in example articles into the database first (creating it when absent;
    /// articles already stored are skipped), as `sitrep ingest` with no path does, then serve it.
    #[arg(long)]
    examples: bool,
    /// Print one line per request on standard error.
    #[arg(long)]
    access_log: bool,
    /// For uploads: GeoNames dumps besides the built-in gazetteer (as `sitrep ingest`).
    #[command(flatten)]
    gazetteer: crate::common::GazetteerArgs,
    /// For uploads: an actor table in TOML extending the built-in one (as `sitrep ingest`).
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// For uploads: the sentence model's folder (as `sitrep ingest`).
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
}

fn write_token(args: &Args) -> anyhow::Result<Option<String>> {
    let token = match &args.write_token_file {
        Some(p) => Some(std::fs::read_to_string(p).with_context(|| format!("reading the write token file {}", p.display()))?),
        None => std::env::var("SITREP_WRITE_TOKEN").ok(),
    };
    Ok(token.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()))
}

/// `sitrep ingest --db DB` with no path (the built-in examples), with this command's reader
/// options, through the ingest command itself.
fn ingest_examples(args: &Args) -> anyhow::Result<Outcome> {
    use clap::{FromArgMatches, Parser};
    #[derive(Parser)]
    struct Ingest {
        #[command(flatten)]
        args: crate::ingest::Args,
    }
    let mut argv: Vec<std::ffi::OsString> = vec!["sitrep ingest".into(), "--db".into(), args.db.db.clone().into()];
    for f in &args.gazetteer.files {
        argv.extend(["--gazetteer".into(), f.clone().into()]);
    }
    for f in &args.actors {
        argv.extend(["--actors".into(), f.clone().into()]);
    }
    if let Some(m) = &args.model {
        argv.extend(["--model".into(), m.clone().into()]);
    }
    let matches = <Ingest as clap::CommandFactory>::command().try_get_matches_from(argv)?;
    let ingest = Ingest::from_arg_matches(&matches)?;
    crate::ingest::run(ingest.args)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::Ok;
    if args.examples {
        outcome = ingest_examples(&args).context("ingesting the example articles")?;
    }
    let mut config = sitrep_serve::Config::new(args.db.db.clone());
    config.addr = args.addr;
    config.quotes_only = args.quotes_only;
    config.write_token = write_token(&args)?;
    config.max_body_bytes = args.max_upload;
    config.request_timeout = Duration::from_secs(args.timeout);
    config.query_timeout = Duration::from_secs(args.timeout).saturating_sub(Duration::from_millis(500)).max(Duration::from_millis(500));
    config.allowed_hosts = args.allow_hosts.clone();
    config.readers = args.readers as usize;
    config.migrate = args.migrate;
    config.access_log = args.access_log;
    let writable = config.write_token.is_some();
    if writable {
        // uploads go through the same reader and linker as `sitrep ingest`
        let stages = crate::ingest::stages(&args.gazetteer, &args.actors, args.model.as_deref(), |why| eprintln!("sitrep: {why}"))?;
        config.pipeline = sitrep_pipeline::PipelineOptions { stages, ..sitrep_pipeline::PipelineOptions::default() };
    }
    let app = sitrep_serve::App::open(config).with_context(|| format!("cannot serve {}", args.db.db.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the server's threads")?;
    let db = args.db.db.display().to_string();
    let quotes_only = args.quotes_only;
    runtime.block_on(sitrep_serve::run(app, move |addr| {
        let host = if addr.ip().is_unspecified() { format!("127.0.0.1:{}", addr.port()) } else { addr.to_string() };
        let mode = match (writable, quotes_only) {
            (true, _) => "uploads accepted with the write token",
            (false, true) => "read-only, quotes only",
            (false, false) => "read-only",
        };
        // stdout, one line, flushed: scripts (and `sitrep bench serve`) read the address here
        println!("sitrep: serving {db} at http://{host}/ ({mode}); Ctrl-C stops");
        if !addr.ip().is_loopback() {
            eprintln!("sitrep: warning: listening on {addr}: anyone who can reach this address can read the database");
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }))?;
    Ok(outcome)
}
