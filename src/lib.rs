//! `hi`: an offline explorer of health informatics careers and certifications.
//!
//! `main` parses the command line and calls [`run`]; every subcommand lives in `cmd`, reads the
//! validated [`catalog::Catalog`] and writes through the one [`output::Output`]. The rules
//! users decide on live in their own modules ([`eligibility`], [`cost`], [`renewal`],
//! [`gap`]), each tested beside its code.

pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod cost;
pub mod eligibility;
pub mod gap;
pub mod ics;
pub mod load;
pub mod model;
pub mod output;
pub mod profile;
pub mod record;
pub mod renewal;
pub mod show;
pub mod status;
pub mod write;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Result, anyhow};
use clap::CommandFactory;

use catalog::Catalog;
use cli::{Cli, Command, Query};
use output::{Format, Output};
use show::Standing;

/// Runs `hi` as the command line says, writing what it prints to stdout. The process is about
/// to end, so the records are left for the system to reclaim: freeing them one by one costs
/// more than a lookup.
pub fn run(cli: Cli) -> Result<()> {
    run_to(cli, Box::new(io::stdout().lock()), Teardown::LeaveToExit)
}

/// What becomes of the catalog once a command has run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teardown {
    /// The process ends next: skip freeing it.
    LeaveToExit,
    /// The caller goes on (a fuzzer, a test): free it.
    Free,
}

/// Runs `hi` as the command line says, writing what it would print to stdout into `sink`.
pub fn run_to(cli: Cli, sink: Box<dyn Write>, teardown: Teardown) -> Result<()> {
    let options = cli.options();
    let color = output::use_color(
        options.color.unwrap_or(output::ColorChoice::Auto),
        io::stdout().is_terminal(),
    );
    let format = Format::choose(options.format, options.json);
    let mut out = Output::new(format, color, options.fields, sink);
    let Some(command) = cli.command else {
        // No command: the commands and the tour, as a help page.
        let mut help = Vec::new();
        Cli::command().write_long_help(&mut help)?;
        out.raw(&help)?;
        return out.flush();
    };
    // An empty variable counts as unset, as for NO_COLOR.
    let data_dir = options.data_dir.or_else(|| {
        std::env::var_os("HI_DATA_DIR")
            .filter(|v| !v.is_empty())
            .map(Into::into)
    });
    match command {
        // Both render into memory first: clap_complete panics on a failed write, and a closed
        // pipe must end quietly.
        Command::Completions { shell, .. } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "hi", &mut script);
            out.raw(&script)?;
        }
        Command::Man(_) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out.raw(&page)?;
        }
        // The data commands read (or write) files themselves, and must run on broken data.
        Command::Data(command) => cmd::data::run(&command, data_dir.as_deref(), &mut out)?,
        Command::Query(query) => {
            let now = now()?;
            let catalog = catalog(data_dir.as_deref())?;
            let result = query_catalog(query, &catalog, options.profile.as_deref(), &now, &mut out);
            // Said even when the command fails: a former id may be why it did. Stdout is still
            // buffered here, so on a terminal the notice comes before the output.
            for notice in catalog.take_notices() {
                out.message(&notice)?;
            }
            result?;
            if teardown == Teardown::LeaveToExit {
                std::mem::forget(catalog);
            }
        }
    }
    out.flush()
}

fn query_catalog(
    query: Query,
    catalog: &Catalog,
    profile_flag: Option<&Path>,
    now: &jiff::ZonedDateTime,
    out: &mut Output,
) -> Result<()> {
    // How each figure stands (its source, its age) is judged against this one "today".
    let standing = &Standing::new(catalog, now.date());
    let today = now.date();
    match query {
        Query::Roles(args) => cmd::roles::run(&args, catalog, standing, out),
        Query::Responsibilities(args) => cmd::responsibilities::run(&args, catalog, out),
        Query::Skills(args) => cmd::skills::run(&args, catalog, out),
        Query::Employers(args) => cmd::employers::run(&args, catalog, out),
        Query::Certs(args) => cmd::certs::run(&args, catalog, standing, out),
        Query::Orgs(args) => cmd::orgs::run(&args, catalog, standing, out),
        Query::Salaries(args) => cmd::salaries::run(&args, catalog, standing, out),
        Query::Paths(args) => cmd::paths::run(&args, catalog, out),
        Query::Regulations(args) => cmd::regulations::run(&args, catalog, out),
        Query::Occupations(args) => cmd::occupations::run(&args, catalog, standing, out),
        Query::Sources(args) => cmd::sources::run(&args, catalog, standing, out),
        Query::Compare(args) => cmd::compare::run(&args, catalog, standing, out),
        Query::Search(args) => cmd::search::run(&args, catalog, out),
        Query::Eligible(args) => cmd::eligible::run(
            &args,
            catalog,
            &profile::stored(profile_flag, catalog)?,
            out,
        ),
        Query::Cost(args) => cmd::cost::run(&args, catalog, out),
        Query::Renew(args) => {
            let stored = match args.earned {
                Some(_) => profile::Profile::default(),
                None => profile::stored(profile_flag, catalog)?,
            };
            cmd::renew::run(&args, catalog, &stored, now, out)
        }
        Query::Gap(args) => cmd::gap::run(
            &args,
            catalog,
            &profile::stored(profile_flag, catalog)?,
            out,
        ),
        Query::Plan(args) => cmd::plan::run(
            &args,
            catalog,
            &profile::stored(profile_flag, catalog)?,
            out,
        ),
        Query::Profile(args) => {
            cmd::profile::run(&args, catalog, &profile::path(profile_flag)?, today, out)
        }
        Query::Ce(command) => {
            cmd::ce::run(&command, catalog, &profile::path(profile_flag)?, today, out)
        }
        Query::Status(args) => {
            cmd::status::run(&args, catalog, &profile::path(profile_flag)?, now, out)
        }
        Query::About(_) => cmd::about::run(catalog, standing, out),
    }
}

/// The moment this run happens, decided once and passed to whatever needs "today".
/// `HI_TODAY=YYYY-MM-DD` fixes it (at midnight UTC), for reproducible output and tests.
pub fn now() -> Result<jiff::ZonedDateTime> {
    match std::env::var("HI_TODAY").ok().filter(|v| !v.is_empty()) {
        Some(day) => {
            let date = self::day(&day)
                .map_err(|why| anyhow!("HI_TODAY `{}` {why}", output::clean_line(&day)))?;
            Ok(date.to_zoned_datetime(jiff::tz::TimeZone::UTC)?)
        }
        None => Ok(jiff::Timestamp::now().to_zoned_datetime(local_zone())),
    }
}

/// The local time zone, read from `TZ` or `/etc/localtime` directly: asking jiff for the
/// system's zone walks the whole zoneinfo folder to name it, three quarters of a short run.
fn local_zone() -> jiff::tz::TimeZone {
    use jiff::tz::TimeZone;
    const ZONEINFO: &str = "/usr/share/zoneinfo";
    let tzif = |name: &str, path: &Path| {
        std::fs::read(path)
            .ok()
            .and_then(|b| TimeZone::tzif(name, &b).ok())
    };
    match std::env::var("TZ").ok().filter(|tz| !tz.is_empty()) {
        Some(tz) => {
            let name = tz.trim_start_matches(':');
            let path = Path::new(name);
            let file = if path.is_absolute() {
                path.to_path_buf()
            } else {
                Path::new(ZONEINFO).join(name)
            };
            tzif(name, &file)
                .or_else(|| TimeZone::posix(name).ok())
                .unwrap_or_else(TimeZone::system)
        }
        None => tzif("localtime", Path::new("/etc/localtime")).unwrap_or_else(TimeZone::system),
    }
}

/// The catalog `build.rs` validated and compiled in (decoded, not parsed), or the TOML files
/// of a data directory, parsed and validated now.
pub fn catalog(data_dir: Option<&Path>) -> Result<Catalog> {
    match data_dir {
        Some(dir) => Ok(Catalog::parsed(load::load_dir(dir)?)),
        None => Ok(Catalog::compiled()),
    }
}

/// A mistake in how `hi` was called that clap cannot catch, found while checking a value after
/// parsing (the same id twice, an impossible date): exit status 2, as clap's own usage errors.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A usage error, as an error to return.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// A date given on the command line as `flag`: a usage error unless it is a real day written
/// YYYY-MM-DD.
pub fn date_arg(flag: &str, text: &str) -> Result<jiff::civil::Date> {
    day(text).map_err(|why| usage(format!("{flag} `{}` {why}", output::clean_line(text))))
}

/// A day written YYYY-MM-DD in the years the data's dates may take, or what is wrong with it.
fn day(text: &str) -> Result<jiff::civil::Date, &'static str> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err("is not a date of the form YYYY-MM-DD");
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| "is not a day of the calendar")?;
    if !(1900..=2100).contains(&date.year()) {
        return Err("is outside the years 1900 to 2100");
    }
    Ok(date)
}

/// The records the ids name, each looked up; the same record named twice is a usage error.
pub fn distinct<'c, T: record::Record>(
    ids: &[String],
    get: impl Fn(&str) -> Result<&'c T>,
) -> Result<Vec<&'c T>> {
    let mut records: Vec<&T> = Vec::with_capacity(ids.len());
    for id in ids {
        let record = get(id)?;
        if records.iter().any(|r| r.id() == record.id()) {
            return Err(usage(format!(
                "`{}` is named twice: name each record once",
                record.id()
            )));
        }
        records.push(record);
    }
    Ok(records)
}

/// A write to a closed pipe (`hi roles | head -1`): not a failure, the reader has had enough.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    }) || error.chain().any(|cause| {
        cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|e| e.io_error_kind())
            == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn a_day_is_well_formed_real_and_in_the_data_years() {
        let cases = [
            ("2024-02-29", Ok("2024-02-29")),
            ("2100-12-31", Ok("2100-12-31")),
            ("2023-02-29", Err("is not a day of the calendar")),
            ("2025-13-01", Err("is not a day of the calendar")),
            ("2025-1-01", Err("is not a date of the form YYYY-MM-DD")),
            ("+2025-01-01", Err("is not a date of the form YYYY-MM-DD")),
            ("1899-12-31", Err("is outside the years 1900 to 2100")),
            ("9999-12-31", Err("is outside the years 1900 to 2100")),
        ];
        for (text, want) in cases {
            let got = day(text).map(|d| d.to_string());
            assert_eq!(got.as_deref().map_err(|e| *e), want, "{text}");
        }
    }
}
