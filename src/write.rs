//! Writing a file the user named, and the profile: whole or not at all, and never replacing
//! what is not a regular file.
//!
//! A regular file is written through a temporary file beside it that is flushed, synced and
//! renamed over it, then the directory is synced, so a reader or a crash sees the old file or
//! the new one, never a mix. A symlink is followed and its target written, so the link stays.
//! A FIFO, a character device or `-` is written as a stream. Anything else (a directory, a
//! block device, a socket) is refused.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};

use crate::error::Interrupted;
use crate::sanitize::clean_line;

/// What a path names, once symlinks are followed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A regular file, or nothing yet: written by replacing it whole.
    File { path: PathBuf, exists: bool },
    /// A FIFO or a character device: written as a stream.
    Stream(PathBuf),
    /// `-`: standard output.
    Stdout,
}

/// How many symlinks in a row are followed before the path is taken for a loop, as Linux does.
const MAX_LINKS: usize = 40;

/// What writing to `path` would write to.
pub(crate) fn target(path: &Path) -> Result<Target> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let shown = || clean_line(&path.display().to_string());
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Target::File {
                    path,
                    exists: false,
                });
            }
            Err(e) => return Err(e).with_context(|| format!("cannot write {}", shown())),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link =
                fs::read_link(&path).with_context(|| format!("cannot follow {}", shown()))?;
            path = parent_dir(&path).join(link);
        } else if kind.is_file() {
            return Ok(Target::File { path, exists: true });
        } else if kind.is_fifo() || kind.is_char_device() {
            return Ok(Target::Stream(path));
        } else if kind.is_dir() {
            bail!("cannot write {}: it is a directory", shown());
        } else {
            bail!(
                "cannot write {}: it is not a regular file, a FIFO or a character device",
                shown()
            );
        }
    }
    bail!("cannot write {}: too many symbolic links", shown())
}

/// Writes `bytes` to what `path` names. An existing regular file is replaced only when
/// `replace`; a new one follows the umask.
pub(crate) fn write_output(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let shown = clean_line(&path.display().to_string());
    match target(path)? {
        Target::Stdout => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
        Target::Stream(stream) => {
            let mut file = OpenOptions::new()
                .write(true)
                .open(&stream)
                .with_context(|| format!("cannot write {shown}"))?;
            file.write_all(bytes)
                .with_context(|| format!("cannot write {shown}"))?;
            Ok(())
        }
        Target::File { exists: true, .. } if !replace => {
            bail!("{shown} exists: add --force to overwrite it")
        }
        Target::File { path, exists } => {
            replace_whole(&path, bytes, new_file_mode(&path, exists, 0o666)?)
                .with_context(|| format!("cannot write {shown}"))
        }
    }
}

/// Refuses to write `path` when that would write over one of `own`, the files `hi` itself
/// keeps (the profile, its lock): `--ics ~/.config/hi/profile.toml --force` must not replace
/// the one file nobody can give back. Symlinks are followed as a write would follow them.
pub(crate) fn refuse_own(path: &Path, own: &[PathBuf]) -> Result<()> {
    let real = match target(path)? {
        Target::File { path, .. } | Target::Stream(path) => path,
        Target::Stdout => return Ok(()),
    };
    let real = resolved(&real);
    let kept = |own: &PathBuf| {
        let own = resolved(own);
        real == own || (own.is_dir() && real.starts_with(&own))
    };
    if own.iter().any(kept) {
        bail!(
            "{} is a file hi keeps for you (your profile, its lock or hi's cache): write \
             somewhere else",
            clean_line(&path.display().to_string())
        );
    }
    Ok(())
}

/// `path` with its folder's symlinks resolved, whether or not the file itself exists.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let dir = fs::canonicalize(parent_dir(path)).unwrap_or_else(|_| parent_dir(path).into());
    match path.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    }
}

/// Writes a file the user asked for beside the output (`--ics FILE`), or, for `-`, prints it
/// as the output itself; says whether it printed.
pub(crate) fn write_or_print(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    out: &mut crate::output::Output,
) -> Result<bool> {
    match target(path)? {
        Target::Stdout => out.raw(bytes).map(|()| true),
        _ => write_output(path, bytes, replace).map(|()| false),
    }
}

/// The mode a file written at `path` gets: an existing file's own, else `mode` under the umask.
fn new_file_mode(path: &Path, exists: bool, mode: u32) -> Result<Mode> {
    Ok(match exists {
        true => Mode::Keep(fs::metadata(path)?),
        false => Mode::New(mode),
    })
}

/// The permissions and owner of a file written whole.
pub(crate) enum Mode {
    /// Those of the file it replaces: its mode bits, its owner and group.
    Keep(fs::Metadata),
    /// These bits, under the umask, for a new file.
    New(u32),
}

/// Replaces the regular file `path` (no symlink) with `bytes`: a temporary file beside it,
/// flushed and synced, renamed over it, then the directory synced.
pub(crate) fn replace_whole(path: &Path, bytes: &[u8], mode: Mode) -> Result<()> {
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hi-").suffix(".tmp");
    if let Mode::New(bits) = mode {
        builder.permissions(Permissions::from_mode(bits));
    }
    // tempfile's error names the temporary file, which the person never asked for.
    let mut temp = builder.tempfile_in(dir).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => io::Error::new(e.kind(), "its folder does not exist"),
        kind => io::Error::new(
            kind,
            format!("no temporary file can be made beside it ({kind})"),
        ),
    })?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Mode::Keep(old) = &mode {
        keep_owner(temp.as_file(), old, path);
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    // The rename is durable only once the directory that holds the name is.
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Gives the new copy of a file the owner and group of the one it replaces (`sudo hi ce add`
/// must not hand a person's profile to root); where that is not allowed, says so, as the file
/// changes hands.
fn keep_owner(new: &File, old: &fs::Metadata, path: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(now) = new.metadata() else { return };
    if (now.uid(), now.gid()) == (old.uid(), old.gid()) {
        return;
    }
    if std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).is_err() {
        crate::error::notice(&format!(
            "{} belonged to user {} and group {}; hi could not keep that, so it now belongs to \
             user {} and group {}",
            clean_line(&path.display().to_string()),
            old.uid(),
            old.gid(),
            now.uid(),
            now.gid()
        ));
    }
}

/// The directory `path` lies in: `.` for a bare file name.
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Refuses to replace the folder `dir` whole when it holds one of `own`, the files `hi` keeps
/// (the profile, its lock), at any depth: `hi site ~/.config/hi --force` must not take them.
pub(crate) fn refuse_own_in(dir: &Path, own: &[PathBuf]) -> Result<()> {
    let Ok(dir) = fs::canonicalize(dir) else {
        return Ok(());
    };
    let kept = |own: &PathBuf| {
        let own = resolved(own);
        own.starts_with(&dir) || (own.is_dir() && dir.starts_with(&own))
    };
    if own.iter().any(kept) {
        bail!(
            "{} holds files hi keeps for you (your profile, its lock or hi's cache): write \
             somewhere else",
            clean_line(&dir.display().to_string())
        );
    }
    Ok(())
}

/// The lock file of `path`: beside it (`.NAME.lock`), since the file itself is replaced by
/// every write.
pub(crate) fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("profile".into(), |n| n.to_string_lossy());
    parent_dir(path).join(format!(".{name}.lock"))
}

/// Holds an exclusive lock on `path` for as long as the returned file lives. The lock file is
/// opened through the one bounded reader's checks: a FIFO or anything else that is not a
/// regular file is refused without waiting on it, and a symbolic link there is refused, never
/// followed, so that no link can have `hi` create or lock a file elsewhere.
pub(crate) fn lock(path: &Path) -> Result<File> {
    let lock_path = lock_path(path);
    let shown = || clean_line(&lock_path.display().to_string());
    let (file, _) = crate::read::LOCK
        .open(
            &lock_path,
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .mode(0o600),
        )
        .with_context(|| format!("cannot lock {}", shown()))?;
    file.lock()
        .with_context(|| format!("cannot lock {}", shown()))?;
    Ok(file)
}

/// Set when SIGINT arrives while an [`Interruptible`] lives.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// While it lives, Ctrl-C (SIGINT) does not kill `hi` but is noted, so that work written
/// in steps (an export) stops at the next [`interrupted`] and removes what it made.
pub(crate) struct Interruptible {
    previous: libc::sighandler_t,
}

impl Interruptible {
    pub(crate) fn install() -> Interruptible {
        let handler = on_interrupt as extern "C" fn(libc::c_int);
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        let previous = unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
        Interruptible { previous }
    }
}

impl Drop for Interruptible {
    fn drop(&mut self) {
        // SAFETY: puts back the disposition `install` replaced.
        unsafe { libc::signal(libc::SIGINT, self.previous) };
    }
}

/// Fails with [`Interrupted`] once Ctrl-C has been pressed, so that the caller unwinds, cleans
/// up, and ends as the signal would have ended it (see `main`).
pub(crate) fn interrupted() -> Result<()> {
    match INTERRUPTED.load(Ordering::SeqCst) {
        true => Err(Interrupted.into()),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_written_as_what_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ics");
        assert_eq!(target(Path::new("-")).unwrap(), Target::Stdout);
        assert_eq!(
            target(&file).unwrap(),
            Target::File {
                path: file.clone(),
                exists: false
            }
        );
        fs::write(&file, "x").unwrap();
        assert_eq!(
            target(&file).unwrap(),
            Target::File {
                path: file.clone(),
                exists: true
            }
        );
        let link = dir.path().join("link.ics");
        std::os::unix::fs::symlink("a.ics", &link).unwrap();
        assert_eq!(
            target(&link).unwrap(),
            Target::File {
                path: dir.path().join("a.ics"),
                exists: true
            }
        );
        let dangling = dir.path().join("dangling.ics");
        std::os::unix::fs::symlink("new.ics", &dangling).unwrap();
        assert_eq!(
            target(&dangling).unwrap(),
            Target::File {
                path: dir.path().join("new.ics"),
                exists: false
            }
        );
        let lp = dir.path().join("loop");
        std::os::unix::fs::symlink("loop", &lp).unwrap();
        assert!(
            target(&lp)
                .unwrap_err()
                .to_string()
                .contains("too many symbolic links")
        );
        assert!(
            target(dir.path())
                .unwrap_err()
                .to_string()
                .contains("is a directory")
        );
        assert_eq!(
            target(Path::new("/dev/null")).unwrap(),
            Target::Stream("/dev/null".into())
        );
    }

    #[test]
    fn a_symlinked_file_is_updated_and_the_link_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("real.ics"), "old").unwrap();
        let link = dir.path().join("link.ics");
        std::os::unix::fs::symlink("real.ics", &link).unwrap();
        write_output(&link, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real.ics")).unwrap(),
            "new"
        );
        let refused = write_output(&link, b"newer", false).unwrap_err();
        assert!(refused.to_string().contains("exists: add --force"));
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, Permissions::from_mode(0o640)).unwrap();
        write_output(&file, b"new", true).unwrap();
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o640
        );
        // Nothing but the file is left in the directory.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
