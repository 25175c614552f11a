//! `hi completions SHELL`: the shell code that completes `hi`, as `COMPLETE=SHELL hi` prints
//! it. The code asks `hi` itself for each completion (clap_complete's dynamic completion), so
//! ids come from the data `hi` reads, a `--data-dir` included; see [`crate::complete`].

use anyhow::Result;
use clap_complete::env::Shells;

use crate::cli::CompletionsArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;

pub fn run(args: &CompletionsArgs, _: &Context, out: &mut Output) -> Result<Outcome> {
    let name = args.shell.to_string();
    let shells = Shells::builtins();
    let Some(shell) = shells.completer(&name) else {
        return Err(crate::error::usage(format!(
            "no completion for {name}: bash, elvish, fish, powershell and zsh have it"
        )));
    };
    let mut script = Vec::new();
    let completer = crate::complete::completer();
    shell.write_registration("COMPLETE", "hi", "hi", &completer, &mut script)?;
    out.raw(&script)?;
    Ok(Outcome::Done)
}
