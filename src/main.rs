//! Parses the command line, calls the library, and turns the outcome into an exit status:
//! 0 success, 1 a failure, 2 a usage error, 3 `hi status --check` found something to attend to.
//! A closed stdout pipe is success; a stdout that cannot be written is a failure; a stderr that
//! cannot be written ends the run quietly with the status it would have had.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};
use hi::Outcome;

fn main() -> ExitCode {
    // Asked by the shell for a completion (COMPLETE=bash hi -- hi certs cp): answer and exit.
    let completion = clap_complete::CompleteEnv::with_factory(hi::cli::Cli::command)
        .try_complete(std::env::args_os(), std::env::current_dir().ok().as_deref());
    match completion {
        Ok(true) => return ExitCode::SUCCESS,
        Ok(false) => {}
        Err(error) => {
            let text = error.to_string();
            report(
                &format!("COMPLETE: {}", text.trim().trim_start_matches("error: ")),
                false,
            );
            return ExitCode::from(2);
        }
    }
    let mut command = hi::cli::Cli::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| hi::cli::Cli::from_arg_matches(&matches));
    // Freeing clap's definition of every command, argument by argument, costs more than the
    // rest of a lookup; the system reclaims it at exit.
    std::mem::forget(command);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return clap_outcome(&error),
    };
    let color = cli.options().color.unwrap_or(hi::output::ColorChoice::Auto);
    match hi::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NeedsAttention) => ExitCode::from(3),
        Ok(Outcome::Interrupted) => end_as_interrupted(),
        Err(error) => match hi::error::exit_status(&error) {
            None => ExitCode::SUCCESS,
            Some(status) => {
                let bold = hi::output::use_color(color, io::stderr().is_terminal());
                report(&format!("{error:#}"), bold);
                ExitCode::from(status)
            }
        },
    }
}

/// Ends the process as Ctrl-C would have, once `hi` has cleaned up after itself, so that a
/// shell or a script sees an interrupted command (as fd does): the default action of SIGINT,
/// raised again; 130 should that not end the process.
fn end_as_interrupted() -> ExitCode {
    // SAFETY: restoring the default disposition and raising a signal have no memory effects.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    ExitCode::from(130)
}

/// What clap's own outcome means: help and version go to stdout (exit 0, or 1 when stdout
/// cannot be written); a usage error is one line on stderr, with clap's tips, exit 2.
fn clap_outcome(error: &clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = if io::stdout().is_terminal() {
                error.render().ansi().to_string()
            } else {
                error.render().to_string()
            };
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    report(&format!("cannot write to stdout: {e}"), false);
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            let line = match option_elsewhere(error) {
                Some(line) => line,
                None => usage_line(&error.render().to_string()),
            };
            report(&line, false);
            ExitCode::from(2)
        }
    }
}

/// For an option the command does not take, a better tip than clap's (pass it after `--`):
/// which commands take it, and where a person who tried it will likely find what they meant.
fn option_elsewhere(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(given)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = given.split('=').next()?.strip_prefix("--")?;
    let mut root = hi::cli::Cli::command();
    root.build();
    let mut owners = Vec::new();
    let mut commands: Vec<&clap::Command> = root.get_subcommands().collect();
    while let Some(command) = commands.pop() {
        if command.get_arguments().any(|a| a.get_long() == Some(flag)) {
            owners.push(format!("`{}`", command.get_bin_name().unwrap_or_default()));
        }
        commands.extend(command.get_subcommands());
    }
    if owners.is_empty() {
        return None;
    }
    owners.sort();
    let used = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let hint = hi::cli::TIPS
        .iter()
        .find(|(command, option, _)| Some(*command) == used.as_deref() && *option == flag)
        .map_or(String::new(), |(_, _, hint)| format!("; {hint}"));
    Some(format!(
        "unexpected argument '--{flag}' found; tip: --{flag} is an option of {}{hint}; see `hi --help`",
        owners.join(", ")
    ))
}

/// clap's usage error as one line: what went wrong, what it names on the lines below (the
/// missing arguments), its tips, and where to read more. clap's own usage synopsis is left out.
fn usage_line(rendered: &str) -> String {
    let mut line = String::new();
    // Inside a list a line ending in ':' opened, such as the missing arguments.
    let mut listing = false;
    let lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    for part in lines.take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more")) {
        if line.ends_with(':') {
            line += " ";
            listing = true;
        } else if listing && !part.starts_with("tip:") {
            line += ", ";
        } else if !line.is_empty() {
            line += "; ";
            listing = false;
        }
        line += part.trim_start_matches("error: ");
    }
    if line.is_empty() {
        line += "invalid command line";
    }
    line + "; see `hi --help`"
}

/// A message on stderr as `hi: ...`, on one line and safe for the terminal. A stderr that
/// cannot be written is left alone: there is nowhere else to say it.
fn report(message: &str, bold: bool) {
    let prefix = if bold {
        hi::output::bold("hi:")
    } else {
        "hi:".to_string()
    };
    let _ = writeln!(
        io::stderr().lock(),
        "{prefix} {}",
        hi::sanitize::clean_line(message)
    );
}

#[cfg(test)]
mod tests {
    use super::usage_line;

    #[test]
    fn a_usage_error_keeps_what_it_names_and_its_tips_on_one_line() {
        let cases = [
            (
                "error: the following required arguments were not provided:\n  --years <N>\n\nUsage: hi cost --years <N> <CERT>...\n\nFor more information, try '--help'.\n",
                "the following required arguments were not provided: --years <N>; see `hi --help`",
            ),
            (
                "error: unexpected argument '--member' found\n\n  tip: a similar argument exists: '--member-of'\n\nUsage: hi profile set --member-of <ORG>\n",
                "unexpected argument '--member' found; tip: a similar argument exists: '--member-of'; see `hi --help`",
            ),
            (
                "error: the following required arguments were not provided:\n  --hours <H>\n  --title <TEXT>\n\n  tip: try this\n",
                "the following required arguments were not provided: --hours <H>, --title <TEXT>; tip: try this; see `hi --help`",
            ),
            ("", "invalid command line; see `hi --help`"),
        ];
        for (rendered, line) in cases {
            assert_eq!(usage_line(rendered), line);
        }
    }
}
