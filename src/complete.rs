//! Completion of what a shell cannot know by itself: the ids of the data actually loaded (so a
//! `--data-dir` or `HI_DATA_DIR` adds its own), the credentials and activities of the profile,
//! and the field names of `--fields`.
//!
//! clap_complete's dynamic completion calls back into `hi` (`COMPLETE=bash hi -- hi certs cp`);
//! each argument that takes an id names its candidates in `cli.rs` with
//! `add = ArgValueCandidates::new(complete::...)`. clap gives a completer no other argument
//! of the line (clap-rs/clap#5784), so the completers read the line themselves: the words the
//! shell passed after `--`, or those a test gave [`complete`].

use std::cell::RefCell;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;

use crate::catalog::{Catalog, Stored};
use crate::cli::Cli;
use crate::model::{Certification, Kind, Organization, Role, Skill};
use crate::profile::{self, Profile};

thread_local! {
    /// The line being completed, when a caller other than the shell (a test) drives it.
    static LINE: RefCell<Option<Vec<OsString>>> = const { RefCell::new(None) };
}

/// What the completer offers for the last of `words` (`["hi", "certs", "cp"]`), as
/// `value — help` strings: the shell's view of a completion, for tests and for `hi` itself.
pub fn complete(words: &[&str]) -> Vec<String> {
    let line: Vec<OsString> = words.iter().map(OsString::from).collect();
    LINE.with(|l| *l.borrow_mut() = Some(line.clone()));
    let mut command = Cli::command();
    let index = line.len().saturating_sub(1);
    let found = clap_complete::engine::complete(&mut command, line, index, None);
    LINE.with(|l| *l.borrow_mut() = None);
    found
        .unwrap_or_default()
        .iter()
        .map(|c| {
            let value = c.get_value().to_string_lossy().into_owned();
            match c.get_help() {
                Some(help) => format!("{value} — {help}"),
                None => value,
            }
        })
        .collect()
}

/// The words of the line being completed.
fn line() -> Vec<OsString> {
    if let Some(line) = LINE.with(|l| l.borrow().clone()) {
        return line;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    match args.iter().position(|a| a == "--") {
        Some(dashes) => args[dashes + 1..].to_vec(),
        None => args,
    }
}

/// The value the line gives `--name`, as `--name VALUE` or `--name=VALUE`.
fn option(line: &[OsString], name: &str) -> Option<OsString> {
    let joined = format!("{name}=");
    line.iter().enumerate().find_map(|(i, word)| {
        let word = word.to_str()?;
        match word.strip_prefix(&joined) {
            Some(value) => Some(value.into()),
            None if word == name => line.get(i + 1).cloned(),
            None => None,
        }
    })
}

/// The command the line names, with its subcommand if it has one: `certs`, `ce list`.
fn command(line: &[OsString]) -> Option<String> {
    let mut command = Cli::command();
    let mut path: Vec<String> = Vec::new();
    for word in line.iter().skip(1).filter_map(|w| w.to_str()) {
        let Some(sub) = command.find_subcommand(word).cloned() else {
            continue;
        };
        path.push(word.to_string());
        if !sub.has_subcommands() {
            break;
        }
        command = sub;
    }
    (!path.is_empty()).then(|| path.join(" "))
}

/// The catalog the line would run on: its `--data-dir`, else `HI_DATA_DIR`, else the built-in
/// data. None when that cannot be read: a completion offers nothing rather than an error.
fn catalog() -> Option<Catalog> {
    let dir = option(&line(), "--data-dir")
        .or_else(|| std::env::var_os("HI_DATA_DIR").filter(|v| !v.is_empty()))
        .map(PathBuf::from);
    crate::catalog::load(dir.as_deref()).ok()
}

/// The profile the line would read: its `--profile`, else where `hi` looks for one.
fn profile() -> Option<Profile> {
    let flag = option(&line(), "--profile").map(PathBuf::from);
    let path = profile::path(flag.as_deref()).ok()?;
    profile::load(&path).ok()
}

fn candidate(id: &str, help: String) -> CompletionCandidate {
    CompletionCandidate::new(id).help(Some(help.into()))
}

/// The ids of every record of kind `T`, each with its name.
fn ids<T: Stored>() -> Vec<CompletionCandidate> {
    let Some(catalog) = catalog() else {
        return Vec::new();
    };
    T::all(&catalog)
        .iter()
        .map(|r| candidate(r.id(), r.name().to_string()))
        .collect()
}

pub fn certifications() -> Vec<CompletionCandidate> {
    ids::<Certification>()
}

pub fn roles() -> Vec<CompletionCandidate> {
    ids::<Role>()
}

pub fn skills() -> Vec<CompletionCandidate> {
    ids::<Skill>()
}

pub fn organizations() -> Vec<CompletionCandidate> {
    ids::<Organization>()
}

/// The ids of the kind the line's command lists (`hi occupations 29-`: occupation codes).
pub fn records() -> Vec<CompletionCandidate> {
    let (Some(catalog), Some(command)) = (catalog(), command(&line())) else {
        return Vec::new();
    };
    let Some(kind) = Kind::ALL.iter().find(|k| k.command() == command) else {
        return Vec::new();
    };
    catalog
        .everything()
        .filter(|(k, _)| k == kind)
        .map(|(_, r)| candidate(r.id(), r.name().to_string()))
        .collect()
}

/// Certification ids and role ids: what `hi compare` takes.
pub fn comparable() -> Vec<CompletionCandidate> {
    let mut both = certifications();
    both.extend(roles());
    both
}

/// The credentials the profile holds, each with the day it was earned.
pub fn held() -> Vec<CompletionCandidate> {
    let Some(profile) = profile() else {
        return Vec::new();
    };
    profile
        .credentials
        .iter()
        .map(|h| candidate(&h.id, format!("earned {}", h.earned)))
        .collect()
}

/// The categories of the rules of the credentials an activity would count toward: those the
/// line names with `--cert`, else every one held; each with its name and whose rule it is.
pub fn categories() -> Vec<CompletionCandidate> {
    let (Some(catalog), Some(profile)) = (catalog(), profile()) else {
        return Vec::new();
    };
    let line = line();
    let named: Vec<String> = line
        .windows(2)
        .filter(|w| w[0] == "--cert")
        .filter_map(|w| w[1].to_str().map(str::to_ascii_lowercase))
        .collect();
    let toward = profile
        .credentials
        .iter()
        .filter(|h| named.is_empty() || named.contains(&h.id))
        .filter_map(|h| catalog.get::<Certification>(&h.id).ok());
    let mut found: Vec<CompletionCandidate> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for cert in toward {
        let rules = catalog
            .get::<Organization>(&cert.issuer)
            .ok()
            .and_then(|o| o.ce.as_ref());
        for c in crate::credit::categories(rules, &[cert]) {
            if !seen.contains(&c.id) {
                seen.push(c.id.clone());
                found.push(candidate(&c.id, format!("{} ({})", c.name, cert.name)));
            }
        }
    }
    found
}

/// The activities of the CE log, by the number `hi ce list` gives them, with their titles.
pub fn activities() -> Vec<CompletionCandidate> {
    let Some(profile) = profile() else {
        return Vec::new();
    };
    profile
        .ce
        .iter()
        .enumerate()
        .map(|(i, a)| candidate(&(i + 1).to_string(), format!("{} ({})", a.title, a.date)))
        .collect()
}

/// The names `--fields` takes for the line's command: its columns, then its JSON keys.
pub fn fields() -> Vec<CompletionCandidate> {
    let Some(command) = command(&line()) else {
        return Vec::new();
    };
    let Some((columns, keys)) = crate::cmd::declared(&command) else {
        return Vec::new();
    };
    let column_names = columns.iter().flat_map(|c| {
        let provenance = c.provenance_names().into_iter().flatten();
        std::iter::once(crate::output::snake(&c.name)).chain(provenance)
    });
    let mut names: Vec<String> = column_names.collect();
    for key in keys {
        if !names.iter().any(|n| n == key) {
            names.push(key.to_string());
        }
    }
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// Where `hi completions` says the completer is: the program as it was called, made absolute
/// when it was called by a relative path, as clap_complete's own registration does.
pub fn completer() -> String {
    let called = std::env::args_os().next().unwrap_or_else(|| "hi".into());
    let path = Path::new(&called);
    let path = match (path.components().count() > 1, std::env::current_dir()) {
        (true, Ok(dir)) => dir.join(path).components().collect(),
        _ => path.to_path_buf(),
    };
    path.to_string_lossy().into_owned()
}
