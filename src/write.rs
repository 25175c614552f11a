//! Writing a file the user named: whole or not at all.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// The directory `path` lies in: `.` for a bare file name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` whole or not at all, through a temporary file beside it that is
/// then moved into place. An existing file is replaced only when `replace`; otherwise the move
/// fails if the name was taken meanwhile.
pub fn write_whole(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let context = || format!("cannot write {}", path.display());
    let mut temp = tempfile::NamedTempFile::new_in(parent_dir(path)).with_context(context)?;
    temp.write_all(bytes).with_context(context)?;
    let placed = if replace {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    placed.map_err(|e| e.error).with_context(context)?;
    Ok(())
}

/// Writes a new file at `path`, whole or not at all; an existing file is kept unless `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!("{} exists: add --force to overwrite it", path.display());
    }
    write_whole(path, bytes, force)
}
