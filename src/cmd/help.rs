//! `hi` with no command: the commands and the tour, as a help page.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;

pub fn run(_: &Context, out: &mut Output) -> Result<Outcome> {
    let mut help = Vec::new();
    Cli::command().write_long_help(&mut help)?;
    out.raw(&help)?;
    Ok(Outcome::Done)
}
