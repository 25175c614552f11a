use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hi::cli::Cli::parse();
    match hi::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if hi::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hi: {error:#}");
            ExitCode::FAILURE
        }
    }
}
