use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hi::cli::Cli::parse();
    let color = cli.color;
    match hi::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if hi::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let prefix = if hi::output::use_color(color, io::stderr().is_terminal()) {
                hi::output::bold("hi:")
            } else {
                "hi:".to_string()
            };
            eprintln!("{prefix} {error:#}");
            ExitCode::FAILURE
        }
    }
}
