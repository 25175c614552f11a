//! `hi`: an offline explorer of health informatics careers and certifications.
//!
//! `main` parses the command line and calls [`run`]; every subcommand lives in `cmd`, reads the
//! validated [`model::Catalog`] and writes through the one [`output::Output`].

pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod cost;
pub mod eligibility;
pub mod load;
pub mod model;
pub mod output;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use catalog::Catalog;
use cli::{Cli, Command};
use output::{Format, Output};

pub fn run(cli: Cli) -> Result<()> {
    let Some(command) = cli.command else {
        // No command: the commands and the tour, as a help page on stdout.
        let mut out = io::stdout().lock();
        Cli::command().write_long_help(&mut out)?;
        return Ok(());
    };
    match command {
        // Both render into memory first: clap_complete panics on a failed write, and a closed
        // pipe must end quietly.
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "hi", &mut script);
            io::stdout().lock().write_all(&script)?;
            return Ok(());
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            io::stdout().lock().write_all(&page)?;
            return Ok(());
        }
        _ => {}
    }
    let color = output::use_color(cli.color, io::stdout().is_terminal());
    let mut out = Output::new(Format::choose(cli.format, cli.json), color, cli.fields);
    if let Command::Data(command) = &command {
        // The data commands read (or write) files themselves, and must run on broken data.
        cmd::data::run(command, cli.data_dir.as_deref(), &mut out)?;
        return out.flush();
    }
    let catalog = catalog(cli.data_dir.as_deref())?;
    match command {
        Command::Roles(args) => cmd::roles::run(&args, &catalog, &mut out),
        Command::Responsibilities(args) => cmd::responsibilities::run(&args, &catalog, &mut out),
        Command::Skills(args) => cmd::skills::run(&args, &catalog, &mut out),
        Command::Employers(args) => cmd::employers::run(&args, &catalog, &mut out),
        Command::Certs(args) => cmd::certs::run(&args, &catalog, &mut out),
        Command::Orgs(args) => cmd::orgs::run(&args, &catalog, &mut out),
        Command::Salaries(args) => cmd::salaries::run(&args, &catalog, &mut out),
        Command::Paths(args) => cmd::paths::run(&args, &catalog, &mut out),
        Command::Regulations(args) => cmd::regulations::run(&args, &catalog, &mut out),
        Command::Occupations(args) => cmd::occupations::run(&args, &catalog, &mut out),
        Command::Sources(args) => cmd::sources::run(&args, &catalog, &mut out),
        Command::Compare(args) => cmd::compare::run(&args, &catalog, &mut out),
        Command::Search(args) => cmd::search::run(&args, &catalog, &mut out),
        Command::Eligible(args) => cmd::eligible::run(&args, &catalog, &mut out),
        Command::Cost(args) => cmd::cost::run(&args, &catalog, &mut out),
        Command::Renew(args) => cmd::renew::run(&args, &catalog, &mut out),
        Command::Gap(args) => cmd::gap::run(&args, &catalog, &mut out),
        Command::Plan(args) => cmd::plan::run(&args, &catalog, &mut out),
        Command::About => cmd::about::run(&catalog, &mut out),
        Command::Completions { .. } | Command::Man | Command::Data(_) => {
            unreachable!("handled above")
        }
    }?;
    // As with clap's command in main: the system frees the records faster at exit.
    std::mem::forget(catalog);
    out.flush()
}

/// The catalog `build.rs` validated and compiled in (decoded, not parsed), or the TOML files
/// of a data directory, parsed and validated now.
pub fn catalog(data_dir: Option<&Path>) -> Result<Catalog> {
    match data_dir {
        Some(dir) => Ok(Catalog::parsed(load::load_dir(dir)?)),
        None => Ok(Catalog::compiled()),
    }
}

/// A write to a closed pipe (`hi roles | head -1`): not a failure, the reader has had enough.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    }) || error.chain().any(|cause| {
        cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|e| e.io_error_kind())
            == Some(io::ErrorKind::BrokenPipe)
    })
}
