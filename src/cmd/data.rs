//! `hi data export DIR [--force]` and `hi data check [DIR]`.

use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::cli::DataCommand;
use crate::context::Context;
use crate::error::{Interrupted, Outcome};
use crate::load::{Severity, Texts, check};
use crate::output::{Output, Table};
use crate::write::{Interruptible, interrupted, parent_dir, write_output};

pub fn run(command: &DataCommand, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    match command {
        DataCommand::Export { dir, force, .. } => {
            // The data hi runs on: a --data-dir's files as they are, else the built-in ones.
            let texts = match ctx.data_dir() {
                Some(from) => Texts::read_dir(from)?,
                None => Texts::embedded(),
            };
            for (name, _) in texts.files() {
                ctx.refuse_own(&dir.join(name))?;
            }
            match export(&texts, dir, *force) {
                Err(e) if e.is::<Interrupted>() => return Ok(Outcome::Interrupted),
                done => done?,
            }
            let mut table = Table::new(&["File", "Bytes"]);
            let mut written = Vec::new();
            for (name, text) in texts.files() {
                let path = dir.join(name).display().to_string();
                table.row(vec![path.clone(), text.len().to_string()]);
                written.push(path);
            }
            out.table(&table, &written)?;
        }
        DataCommand::Check { dir, .. } => check_dir(dir.as_deref().or(ctx.data_dir()), out)?,
    }
    Ok(Outcome::Done)
}

/// Every problem of the data in `dir` (else the built-in data), one per line; a failure when
/// any is an error.
fn check_dir(dir: Option<&Path>, out: &mut Output) -> Result<()> {
    let place = dir.map_or("the built-in data".to_string(), |d| d.display().to_string());
    let problems = check(dir)?;
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    out.lines(&lines, &problems)?;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = match problems.len() - errors {
        0 => String::new(),
        1 => " (1 warning)".to_string(),
        n => format!(" ({n} warnings)"),
    };
    match errors {
        0 => out.message(&format!("no problems in {place}{warnings}")),
        1 => bail!("1 problem in {place}{warnings}"),
        n => bail!("{n} problems in {place}{warnings}"),
    }
}

/// Writes the data files into `dir`. A missing `dir` is built beside its final name and moved
/// into place whole, and an interruption (Ctrl-C) removes what was built; an existing `dir`
/// must be empty unless `force`, and then each file is replaced whole.
fn export(texts: &Texts, dir: &Path, force: bool) -> Result<()> {
    let shown = || crate::sanitize::clean_line(&dir.display().to_string());
    let context = || format!("cannot write {}", shown());
    let _interruptible = Interruptible::install();
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if !force && entries.next().is_some() {
                bail!(
                    "{} is not empty: add --force to write the data files into it",
                    shown()
                );
            }
            for (name, text) in texts.files() {
                interrupted()?;
                write_output(&dir.join(name), text.as_bytes(), true)?;
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let temp = tempfile::Builder::new()
                .prefix(".hi-export-")
                .tempdir_in(parent_dir(dir))
                .with_context(context)?;
            for (name, text) in texts.files() {
                interrupted()?;
                fs::write(temp.path().join(name), text).with_context(context)?;
            }
            interrupted()?;
            fs::rename(temp.path(), dir).with_context(context)?;
            // The directory now lives under its final name; nothing is left to clean up.
            let _ = temp.keep();
            Ok(())
        }
        Err(error) if dir.is_file() => {
            Err(error).with_context(|| format!("{} is a file, not a directory", shown()))
        }
        Err(error) => Err(error).with_context(context),
    }
}
