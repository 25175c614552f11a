use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    let mut command = hi::cli::Cli::command();
    let cli = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| hi::cli::Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| error.exit());
    // Freeing clap's definition of every command, argument by argument, costs more than the
    // rest of a lookup; the system reclaims it at exit.
    std::mem::forget(command);
    let color = cli.color;
    match hi::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if hi::is_closed_pipe(&error) => ExitCode::SUCCESS,
        // `hi status --check` has said what needs attention.
        Err(error) if error.is::<hi::cmd::status::NeedsAttention>() => ExitCode::from(3),
        Err(error) => {
            let prefix = if hi::output::use_color(color, io::stderr().is_terminal()) {
                hi::output::bold("hi:")
            } else {
                "hi:".to_string()
            };
            eprintln!("{prefix} {error:#}");
            match error.downcast_ref::<hi::UsageError>() {
                Some(_) => ExitCode::from(2),
                None => ExitCode::FAILURE,
            }
        }
    }
}
