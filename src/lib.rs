//! `hi`: an offline explorer of health informatics careers and certifications.
//!
//! The crate root only wires: `main` parses the command line and calls [`run`], which builds
//! the one `context::Context` and [`output::Output`] and hands them to the subcommand in
//! [`cmd`]. The rules people decide on live in their own modules ([`eligibility`], [`cost`],
//! `renewal`, `credit`, `status`, `gap`), each tested beside its code; [`catalog`] is the one
//! lookup, [`output`] the one writer.
#![warn(unreachable_pub)]

mod audit;
mod cache;
pub mod catalog;
pub mod cli;
mod clock;
pub mod cmd;
pub mod complete;
mod context;
pub mod cost;
mod credit;
pub mod eligibility;
mod encode;
pub mod error;
pub mod facts;
mod gap;
pub mod html;
mod ics;
pub mod ladder;
mod lifecycle;
pub mod load;
pub mod model;
pub mod output;
mod plan;
mod profile;
mod profile_check;
mod proof;
pub mod read;
pub mod record;
mod renewal;
pub mod sanitize;
pub mod show;
mod status;
mod units;
mod view;
mod write;

use std::io::{self, IsTerminal, Write};

use anyhow::Result;

use cli::Cli;
use context::Context;
pub use error::Outcome;
use output::{Format, Output};

/// Runs `hi` as the command line says, writing what it prints to stdout.
pub fn run(cli: Cli) -> Result<Outcome> {
    run_to(cli, Box::new(io::stdout().lock()), Teardown::LeaveToExit)
}

/// What becomes of the catalog once a command has run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teardown {
    /// The process ends next: leave it for the system to reclaim.
    LeaveToExit,
    /// The caller goes on (a fuzzer, a test): free it.
    Free,
}

/// Runs `hi` as the command line says, writing what it would print to stdout into `sink`.
pub fn run_to(cli: Cli, sink: Box<dyn Write>, teardown: Teardown) -> Result<Outcome> {
    let options = cli.options();
    let color = output::use_color(
        options.color.unwrap_or(output::ColorChoice::Auto),
        io::stdout().is_terminal(),
    );
    let format = Format::choose(options.format, options.json);
    let mut out = Output::new(format, color, options.fields.clone(), sink);
    let ctx = Context::new(&options);
    let outcome = cmd::run(cli.command, &ctx, &mut out);
    // Said even when the command fails: a former id may be why it did. Stdout is still
    // buffered here, so on a terminal the notice comes before the output.
    for notice in ctx.notices() {
        out.message(&notice)?;
    }
    let outcome = outcome?;
    out.flush()?;
    if teardown == Teardown::LeaveToExit {
        ctx.leak();
    }
    Ok(outcome)
}
