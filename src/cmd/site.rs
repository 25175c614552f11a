//! `hi site DIR [--force]`: the loaded catalog as a static website (see `html::site`), written
//! whole or not at all: built in a temporary folder beside DIR and renamed into place, so a
//! browser or a web server never sees half a site, and Ctrl-C leaves nothing behind.

use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use serde::Serialize;

use crate::cli::SiteArgs;
use crate::context::Context;
use crate::error::{Interrupted, Outcome};
use crate::html::site::{MARKER, Page, build};
use crate::output::{Detail, Output};
use crate::sanitize::clean_line;
use crate::write::{Interruptible, interrupted, parent_dir};

/// What `hi site --json` prints.
#[derive(Debug, Serialize)]
struct Written {
    dir: String,
    /// The HTML pages written.
    pages: usize,
    /// Every file written, pages, style sheet and script, in bytes.
    bytes: usize,
}

pub fn run(args: &SiteArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = ctx.standing()?;
    ctx.refuse_own_in(&args.dir)?;
    let pages = build(catalog, &standing);
    match write(&pages, &args.dir, args.force) {
        Err(e) if e.is::<Interrupted>() => return Ok(Outcome::Interrupted),
        done => done?,
    }
    let written = Written {
        dir: args.dir.display().to_string(),
        pages: pages.iter().filter(|p| p.path.ends_with(".html")).count(),
        bytes: pages.iter().map(|p| p.text.len()).sum(),
    };
    let mut detail = Detail::new(format!("Site written to {}", written.dir));
    detail.field("Pages", written.pages.to_string());
    detail.field("Bytes", written.bytes.to_string());
    detail.field("Open", args.dir.join("index.html").display().to_string());
    out.detail(&detail, &written)?;
    Ok(Outcome::Done)
}

/// Writes the site into a new folder beside `dir` and renames it into place. An existing `dir`
/// is replaced only with `force`, and only when it is a site `hi` made or an empty folder: the
/// old one moves aside, the new one takes its name, and the old one is removed.
fn write(pages: &[Page], dir: &Path, force: bool) -> Result<()> {
    let shown = || clean_line(&dir.display().to_string());
    let context = || format!("cannot write {}", shown());
    let existing = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => true,
        Ok(meta) if meta.is_symlink() => {
            bail!("{} is a symbolic link: name the folder itself", shown())
        }
        Ok(_) => bail!("{} exists and is not a folder", shown()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(e).with_context(context),
    };
    if existing && !force {
        bail!("{} exists: add --force to replace it", shown());
    }
    if existing && !replaceable(dir).with_context(context)? {
        bail!(
            "{} is neither a site hi made (it has no {MARKER}) nor empty: refusing to replace it",
            shown()
        );
    }
    let _interruptible = Interruptible::install();
    let parent = parent_dir(dir);
    let temp = new_folder(parent, ".hi-site-").with_context(context)?;
    for page in pages {
        interrupted()?;
        let path = temp.path().join(&page.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).with_context(context)?;
        }
        fs::write(&path, &page.text).with_context(context)?;
    }
    interrupted()?;
    if existing {
        // An empty folder of its own, which the old site's rename replaces, and which is
        // removed with the old site in it when it goes out of scope.
        let old = new_folder(parent, ".hi-site-old-").with_context(context)?;
        fs::rename(dir, old.path()).with_context(context)?;
        if let Err(e) = fs::rename(temp.path(), dir) {
            let _ = fs::rename(old.path(), dir);
            return Err(e).with_context(context);
        }
    } else {
        fs::rename(temp.path(), dir).with_context(context)?;
    }
    // The folder now lives under its final name; nothing is left to clean up.
    let _ = temp.keep();
    Ok(())
}

/// A new, empty, uniquely named folder in `parent`, with the umask's permissions (not the
/// private ones of a temporary folder), removed with its contents when dropped.
fn new_folder(parent: &Path, prefix: &str) -> std::io::Result<tempfile::TempDir> {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .prefix(prefix)
        .permissions(fs::Permissions::from_mode(0o777))
        .tempdir_in(parent)
}

/// Whether `dir` may be replaced whole: it is empty, or a site `hi` made.
fn replaceable(dir: &Path) -> std::io::Result<bool> {
    Ok(dir.join(MARKER).is_file() || fs::read_dir(dir)?.next().is_none())
}
