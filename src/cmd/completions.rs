//! `hi completions SHELL`: the shell's completion script, derived from the command line's
//! definition.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;

pub fn run(args: &CompletionsArgs, _: &Context, out: &mut Output) -> Result<Outcome> {
    // Rendered into memory first: clap_complete panics on a failed write, and a closed pipe
    // must end quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "hi", &mut script);
    out.raw(&script)?;
    Ok(Outcome::Done)
}
