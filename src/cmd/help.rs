//! `hi` with no command, and `hi help [COMMAND...]`: the help of hi, or of one command, as
//! `--help` prints it.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, HelpArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;

pub fn run(args: &HelpArgs, _: &Context, out: &mut Output) -> Result<Outcome> {
    crate::cli::want_long_help();
    let mut command = Cli::command();
    command.build();
    let mut path = String::from("hi");
    for name in &args.command {
        let found = command.find_subcommand(name).cloned();
        let Some(found) = found else {
            return Err(crate::error::usage(format!(
                "`{} {}` is not a command: `{path} --help` lists them",
                path,
                crate::sanitize::echo(name)
            )));
        };
        path = format!("{path} {name}");
        command = found;
    }
    let mut help = Vec::new();
    command.write_long_help(&mut help)?;
    out.raw(&help)?;
    Ok(Outcome::Done)
}
