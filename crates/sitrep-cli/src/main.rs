//! `sitrep`: news articles in, a deduplicated, evidence-linked database of violent events out.
//!
//! Each subcommand lives in its own module; this file only parses arguments, dispatches and
//! maps errors to exit codes (0 ok, 1 fatal, 2 some input rejected). A closed stdout (`sitrep
//! export ... | head`) is not an error.

mod annotate;
mod bench;
mod common;
mod export;
mod extract;
mod gazetteer;
mod ingest;
mod serve;
mod show;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// sitrep: turns news articles into a deduplicated, evidence-linked database of violent events.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles (text, HTML, JSON Lines, RSS/Atom, gzip, directories, `-`) into the database.
    Ingest(ingest::Args),
    /// Print what the database holds.
    Export(export::Args),
    /// Read articles (JSON Lines on stdin or files) and print their events, without a database.
    Extract(extract::Args),
    /// Show every time, place, number and actor mention of a text, with offsets.
    Annotate(annotate::Args),
    /// Manage gazetteer data (GeoNames dumps).
    Gazetteer(gazetteer::Args),
    /// Print one event with its claims side by side.
    Show(show::Args),
    /// Serve the HTTP API and the web page.
    Serve(serve::Args),
    /// Measure speed on real or generated corpora.
    Bench(bench::Args),
}

/// What a command reports besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went in.
    Ok,
    /// Some inputs were rejected (each reported); the rest went in.
    Partial,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(a) => ingest::run(a),
        Command::Export(a) => export::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Annotate(a) => annotate::run(a),
        Command::Gazetteer(a) => gazetteer::run(a),
        Command::Show(a) => show::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Bench(a) => bench::run(a),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(2),
        Err(e) if common::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
