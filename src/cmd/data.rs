//! `hi data export DIR [--force]` and `hi data check [DIR]`.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::DataCommand;
use crate::load::{FILES, Severity, check};
use crate::output::{Output, Table};
use crate::write::{parent_dir, write_output};

pub fn run(command: &DataCommand, data_dir: Option<&Path>, out: &mut Output) -> Result<()> {
    match command {
        DataCommand::Export { dir, force } => {
            export(dir, *force)?;
            let mut table = Table::new(&["File", "Bytes"]);
            for (name, text) in FILES {
                table.row(vec![
                    dir.join(name).display().to_string(),
                    text.len().to_string(),
                ]);
            }
            let written: Vec<String> = FILES
                .iter()
                .map(|(n, _)| dir.join(n).display().to_string())
                .collect();
            out.table(&table, &written)
        }
        DataCommand::Check { dir } => {
            let dir = dir.as_deref().or(data_dir);
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
                0 => {
                    eprintln!("hi: no problems in {place}{warnings}");
                    Ok(())
                }
                1 => bail!("1 problem in {place}{warnings}"),
                n => bail!("{n} problems in {place}{warnings}"),
            }
        }
    }
}

/// Writes the built-in files into `dir`. A missing `dir` is built beside its final name and
/// moved into place whole; an existing one must be empty unless `force`, and then each file
/// is replaced whole.
fn export(dir: &Path, force: bool) -> Result<()> {
    let context = || format!("cannot write {}", dir.display());
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if !force && entries.next().is_some() {
                bail!(
                    "{} is not empty: add --force to write the data files into it",
                    dir.display()
                );
            }
            for (name, text) in FILES {
                write_output(&dir.join(name), text.as_bytes(), true)?;
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let temp = tempfile::Builder::new()
                .prefix(".hi-export-")
                .tempdir_in(parent_dir(dir))
                .with_context(context)?;
            for (name, text) in FILES {
                fs::write(temp.path().join(name), text).with_context(context)?;
            }
            fs::rename(temp.path(), dir).with_context(context)?;
            // The directory now lives under its final name; nothing is left to clean up.
            let _ = temp.keep();
            Ok(())
        }
        Err(error) if dir.is_file() => {
            Err(error).with_context(|| format!("{} is a file, not a directory", dir.display()))
        }
        Err(error) => Err(error).with_context(context),
    }
}
