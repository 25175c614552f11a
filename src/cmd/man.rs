//! `hi man [--dir DIR [--force]]`: the manual, derived from the command line's definition. One
//! page, `hi(1)`, to stdout; or that page and one per command (`hi-certs.1`, `hi-ce-add.1`)
//! written into DIR. A page names another page only when it is written beside it.

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::{Cli, ManArgs, TOUR};
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;
use crate::sanitize::clean_line;

pub fn run(args: &ManArgs, _: &Context, out: &mut Output) -> Result<Outcome> {
    let mut root = Cli::command();
    root.build();
    let Some(dir) = &args.dir else {
        out.raw(&page(&root, false)?)?;
        return Ok(Outcome::Done);
    };
    let shown = clean_line(&dir.display().to_string());
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {shown}"))?;
    let mut pages = vec![&root];
    let mut written = 0;
    while let Some(command) = pages.pop() {
        let name = command.get_display_name().unwrap_or(command.get_name());
        crate::write::write_output(
            &dir.join(format!("{name}.1")),
            &page(command, true)?,
            args.force,
        )?;
        written += 1;
        pages.extend(command.get_subcommands());
    }
    out.message(&format!("{written} manual pages written to {shown}"))?;
    Ok(Outcome::Done)
}

/// The page of `command` (hi itself or one of its commands); `beside` when the pages of the
/// other commands are written beside it, so that it may name them.
fn page(command: &clap::Command, beside: bool) -> Result<Vec<u8>> {
    let root = command.get_name() == "hi";
    let version = format!("hi {}", env!("CARGO_PKG_VERSION"));
    let man = Man::new(command.clone())
        .title(
            command
                .get_display_name()
                .unwrap_or("hi")
                .to_ascii_uppercase(),
        )
        .source(&version);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    let mut roff = Roff::new();
    description(&mut roff, command, root);
    roff.to_writer(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut roff = Roff::new();
    commands(&mut roff, command, beside);
    fields(&mut roff, command);
    if root {
        environment(&mut roff);
        files(&mut roff);
    }
    exit_status(&mut roff);
    examples(&mut roff, command, root);
    see_also(&mut roff, command, root, beside);
    section(&mut roff, "VERSION");
    roff.text([roman(version)]);
    roff.to_writer(&mut page)?;
    Ok(page)
}

fn section(roff: &mut Roff, heading: &str) {
    roff.control("SH", [heading]);
}

fn paragraph(roff: &mut Roff, text: &str) {
    roff.control("PP", []);
    roff.text([roman(text)]);
}

/// An item of a list: its term in bold, then what it means.
fn item(roff: &mut Roff, term: &str, meaning: &str) {
    roff.control("TP", []);
    roff.text([bold(term)]);
    roff.text([roman(meaning)]);
}

/// What the command does: its description, and the notes of its help that are not examples.
fn description(roff: &mut Roff, command: &clap::Command, root: bool) {
    section(roff, "DESCRIPTION");
    let about = command.get_long_about().or(command.get_about());
    paragraph(roff, &about.map(ToString::to_string).unwrap_or_default());
    if root {
        paragraph(
            roff,
            "Every figure names its source and the date that source states; a value no source \
             gives is shown as unknown, never guessed. On a terminal hi prints tables fitted to \
             its width; in a pipe, tab-separated text. --format json, csv and markdown give the \
             same data for scripts, spreadsheets and notes.",
        );
    }
    for note in notes(command) {
        paragraph(roff, &note);
    }
}

/// The paragraphs of a command's help that are not its examples.
fn notes(command: &clap::Command) -> Vec<String> {
    let help = command.get_after_help().map(ToString::to_string);
    help.unwrap_or_default()
        .split("\n\n")
        .filter(|p| !p.starts_with("Examples:") && !p.starts_with("A short tour:"))
        .filter(|p| !p.starts_with("Environment:"))
        .map(|p| p.replace('\n', " "))
        .collect()
}

fn commands(roff: &mut Roff, command: &clap::Command, beside: bool) {
    let subcommands: Vec<&clap::Command> = command.get_subcommands().collect();
    if subcommands.is_empty() {
        return;
    }
    section(roff, "COMMANDS");
    for sub in subcommands {
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        item(roff, name, &about);
    }
    let more = match beside {
        true => "Each command has a page of its own: see SEE ALSO.",
        false => "Each command's options: hi COMMAND --help, or the pages hi man --dir DIR writes.",
    };
    paragraph(roff, more);
}

/// The names `--fields` takes, for a command that lists records.
fn fields(roff: &mut Roff, command: &clap::Command) {
    let name = command.get_bin_name().unwrap_or_default();
    let Some((columns, keys)) = crate::cmd::declared(name.trim_start_matches("hi ")) else {
        return;
    };
    section(roff, "FIELDS");
    paragraph(
        roff,
        "--fields takes these names, in every format. A column gives the text the table \
         shows; a JSON key, the JSON value (a nested one spread over a column per leaf in \
         the text formats).",
    );
    let (columns, keys) = crate::output::field_names(columns, keys);
    item(roff, "Columns", &columns.join(", "));
    item(roff, "JSON keys", &keys.join(", "));
}

/// The variables the environment section of `hi --help` lists, each with what it does.
fn environment(roff: &mut Roff) {
    section(roff, "ENVIRONMENT");
    let listed = TOUR
        .split("\n\n")
        .filter(|p| p.starts_with("Environment:"))
        .flat_map(|p| p.lines().skip(1));
    for line in listed {
        if let Some((name, meaning)) = line.trim().split_once("  ") {
            item(roff, name, meaning.trim());
        }
    }
    item(
        roff,
        "COMPLETE",
        "Set by the shell code of hi completions while it asks hi for completions.",
    );
}

fn files(roff: &mut Roff) {
    section(roff, "FILES");
    let files = [
        (
            "$XDG_CONFIG_HOME/hi/profile.toml",
            "The profile: the facts eligibility takes, the credentials held and the CE log. \
             Without XDG_CONFIG_HOME, ~/.config/hi/profile.toml; --profile or HI_PROFILE name \
             another. Created with mode 0600 by the first change.",
        ),
        (
            "$XDG_CONFIG_HOME/hi/.profile.toml.lock",
            "The lock every change of the profile holds, beside the profile.",
        ),
        (
            "$XDG_CACHE_HOME/hi/",
            "A compiled cache of a --data-dir, which holds nothing personal and may be \
             deleted at any time (HI_CACHE=off: none).",
        ),
        (
            "DIR/*.toml",
            "A data directory (--data-dir, HI_DATA_DIR): the files hi data export writes, \
             which hi data check checks.",
        ),
    ];
    for (file, meaning) in files {
        roff.control("TP", []);
        roff.text([italic(file)]);
        roff.text([roman(meaning)]);
    }
}

fn exit_status(roff: &mut Roff) {
    section(roff, "EXIT STATUS");
    let statuses = [
        (
            "0",
            "Success, a search with no hits included, and a closed pipe.",
        ),
        (
            "1",
            "A failure: an unknown id, invalid data, a file that cannot be read or written.",
        ),
        (
            "2",
            "A usage error: an unknown option, a bad value, an unknown --fields name.",
        ),
        (
            "3",
            "hi status --check found something that needs attention.",
        ),
        (
            "130",
            "Interrupted (Ctrl-C): hi cleans up what it was writing, then ends by the signal \
             itself, which a shell reports as 128 + its number.",
        ),
    ];
    for (status, meaning) in statuses {
        item(roff, status, meaning);
    }
}

/// The examples of the command's help, as they are (continued lines and all); for hi itself,
/// the tour.
fn examples(roff: &mut Roff, command: &clap::Command, root: bool) {
    let help = match root {
        true => TOUR.to_string(),
        false => command
            .get_after_help()
            .map(ToString::to_string)
            .unwrap_or_default(),
    };
    let lines: Vec<&str> = help
        .split("\n\n")
        .filter(|p| p.starts_with("Examples:") || p.starts_with("A short tour:"))
        .flat_map(|p| p.lines().skip(1))
        .collect();
    if lines.is_empty() {
        return;
    }
    section(roff, "EXAMPLES");
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(line.trim_start())]);
    }
    roff.control("fi", []);
}

fn see_also(roff: &mut Roff, command: &clap::Command, root: bool, beside: bool) {
    if !beside {
        return;
    }
    let pages: Vec<String> = match root {
        true => command
            .get_subcommands()
            .filter_map(|c| c.get_display_name())
            .map(|name| format!("{name}(1)"))
            .collect(),
        false => {
            let mut pages = vec!["hi(1)".to_string()];
            let subcommands = command
                .get_subcommands()
                .filter_map(|c| c.get_display_name());
            pages.extend(subcommands.map(|name| format!("{name}(1)")));
            pages
        }
    };
    section(roff, "SEE ALSO");
    roff.text([roman(pages.join(", "))]);
}
