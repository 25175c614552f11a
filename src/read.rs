//! The one way `hi` reads a file: every file it reads (the data files, the time zone, the
//! profile, the cache, the lock it opens) goes through here, so that none of them can make it
//! hang, eat memory or follow a link it should not.
//!
//! Each kind of file is a [`Kind`] const: what it is called in messages, the most it may hold,
//! and whether a symbolic link at its place is followed. Reading one:
//!
//! 1. refuses anything but a regular file (a FIFO, a device, a socket, a directory) before
//!    opening it, since opening a FIFO waits for a writer and opening a device can act on it;
//!    the file is then opened without blocking and checked again, in case it was swapped;
//! 2. refuses a file larger than its kind's cap from its size, without reading any of it,
//!    and names the cap;
//! 3. reads at most one byte more than the cap, in case the file grows while it is read.
//!
//! A new kind of file is one const beside the others:
//!
//! ```
//! use hi::read::Kind;
//!
//! const PROOF: Kind = Kind::new("proof file", 16 * 1024 * 1024);
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("certificate.pdf");
//! std::fs::write(&path, b"%PDF").unwrap();
//! assert_eq!(PROOF.bytes(&path).unwrap(), b"%PDF");
//! let missing = PROOF.bytes(&dir.path().join("none.pdf")).unwrap_err();
//! assert!(missing.is_missing());
//! // A refusal reads well after a colon: "cannot read the proof …: a directory, not a regular file".
//! assert_eq!(PROOF.bytes(dir.path()).unwrap_err().to_string(), "a directory, not a regular file");
//! ```

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// A data file of a `--data-dir`. The shipped files are under 100 KB; 100 times the catalog
/// (the scale benchmark's largest) makes a certifications.toml of 9 MB.
pub const DATA_FILE: Kind = Kind::new("data file", 32 * 1024 * 1024);

/// The time zone file `TZ` or `/etc/localtime` names. A TZif file is a few KB.
pub const TIME_ZONE: Kind = Kind::new("time zone file", 256 * 1024);

/// The profile's lock file. It is only opened, never read, so its cap is never checked; a link
/// at its place is refused, so that no one can have `hi` create or lock a file of their
/// choosing through it.
pub const LOCK: Kind = Kind::new("lock file", 0).no_links();

/// The person's profile: years of a busy CE log are a few tens of KB. A link is followed: the
/// profile may live elsewhere and be linked into place.
pub const PROFILE: Kind = Kind::new("profile", 4 * 1024 * 1024);

/// A certificate or transcript kept as proof of a CE activity (`hi ce add --proof`): a scanned
/// one is a few MiB. `proof.rs` streams it through its hash rather than holding it whole.
pub const PROOF: Kind = Kind::new("proof", 64 * 1024 * 1024);

/// The compiled cache of a data directory (see `cache.rs`): at most the size of the encoded
/// data, which is smaller than the TOML it comes from. It lives in a folder others may share,
/// so a link there is not followed.
pub const CACHE: Kind = Kind::new("cache file", 256 * 1024 * 1024).no_links();

/// A kind of file `hi` reads: its name in messages, its cap, and whether a link is followed.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    what: &'static str,
    max_bytes: u64,
    follow_links: bool,
}

impl Kind {
    /// A kind of file called `what` in messages, read up to `max_bytes`, through links.
    pub const fn new(what: &'static str, max_bytes: u64) -> Kind {
        Kind {
            what,
            max_bytes,
            follow_links: true,
        }
    }

    /// The same kind, but a symbolic link at its place is refused rather than followed.
    pub const fn no_links(self) -> Kind {
        Kind {
            follow_links: false,
            ..self
        }
    }

    pub const fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// The whole file at `path`, if it is a regular file within the cap.
    pub fn bytes(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        let (file, meta) = self.open(path, OpenOptions::new().read(true))?;
        if meta.len() > self.max_bytes {
            return Err(self.too_large(meta.len()));
        }
        // Sized once from the file's length: grown by doubling, a large file costs a copy and
        // page faults per step.
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(Refusal::Io)?;
        match bytes.len() as u64 {
            // It grew while it was read.
            n if n > self.max_bytes => Err(self.too_large(n)),
            _ => Ok(bytes),
        }
    }

    /// The whole file at `path` as UTF-8 text, if it is a regular file within the cap.
    pub fn text(&self, path: &Path) -> Result<String, Refusal> {
        String::from_utf8(self.bytes(path)?).map_err(|e| Refusal::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    }

    /// Opens `path` as `options` say (to read, or to create and write, as the lock does), if
    /// it is a regular file, with its metadata. The open never blocks; the cap is not checked,
    /// as nothing is read. The custom flags of `options` are this reader's own (`O_NONBLOCK`,
    /// and `O_NOFOLLOW` for a kind that follows no link).
    pub fn open(
        &self,
        path: &Path,
        options: &mut OpenOptions,
    ) -> Result<(File, Metadata), Refusal> {
        let before = match self.follow_links {
            true => fs::metadata(path),
            false => fs::symlink_metadata(path),
        };
        match before {
            Ok(meta) => regular(&meta)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // Missing, unless it is to be created (by a flag the options do not show):
                // the open below says which.
            }
            Err(e) => return Err(Refusal::Io(e)),
        }
        let mut flags = libc::O_NONBLOCK;
        if !self.follow_links {
            flags |= libc::O_NOFOLLOW;
        }
        let file = options.custom_flags(flags).open(path).map_err(|e| {
            match (e.kind(), e.raw_os_error()) {
                (io::ErrorKind::NotFound, _) => Refusal::Missing,
                // O_NOFOLLOW's answer for a link made since the check above.
                (_, Some(libc::ELOOP)) if !self.follow_links => Refusal::Link,
                _ => Refusal::Io(e),
            }
        })?;
        // What was opened may not be what was checked: the check again, on the open file.
        let meta = file.metadata().map_err(Refusal::Io)?;
        regular(&meta)?;
        Ok((file, meta))
    }

    /// The refusal of a file of `size` bytes, over the cap: for a reader that streams the file
    /// itself (after [`Kind::open`]) and finds it grown.
    pub fn too_large(&self, size: u64) -> Refusal {
        Refusal::TooLarge {
            size,
            max: self.max_bytes,
            what: self.what,
        }
    }
}

/// Why a file was not read. Its text reads after a colon: `cannot read X: <refusal>`.
#[derive(Debug)]
pub enum Refusal {
    /// There is no file at the path.
    Missing,
    /// Something other than a regular file: "a FIFO", "a directory", ...
    NotRegular(&'static str),
    /// A symbolic link where the kind follows none.
    Link,
    TooLarge {
        size: u64,
        max: u64,
        what: &'static str,
    },
    NotUtf8 {
        offset: usize,
    },
    Io(io::Error),
}

impl Refusal {
    pub fn is_missing(&self) -> bool {
        matches!(self, Refusal::Missing)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => write!(f, "no such file"),
            Refusal::NotRegular(kind) => write!(f, "{kind}, not a regular file"),
            Refusal::Link => write!(
                f,
                "a symbolic link, which hi does not follow here, so that no link can point it \
                 at another file: remove the link"
            ),
            Refusal::TooLarge { size, max, what } => {
                write!(
                    f,
                    "{}, larger than the {} a {what} may take",
                    size_text(*size),
                    size_text(*max)
                )
            }
            Refusal::NotUtf8 { offset } => write!(f, "not UTF-8 (invalid byte at offset {offset})"),
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Refusal {}

/// Nothing, when `meta` is a regular file's; else what it is.
fn regular(meta: &Metadata) -> Result<(), Refusal> {
    let kind = meta.file_type();
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_symlink() {
        return Err(Refusal::Link);
    } else {
        "not a file"
    };
    Err(Refusal::NotRegular(what))
}

/// A size as people read it: whole MiB or KiB when it is one, else bytes.
fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    match bytes {
        b if b >= MIB => format!("{} MiB", b.div_ceil(MIB)),
        b if b >= KIB => format!("{} KiB", b.div_ceil(KIB)),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;

    fn mkfifo(path: &Path) {
        let c = CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid C string for the call's duration.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    const SMALL: Kind = Kind::new("small file", 10);

    #[test]
    fn only_a_regular_file_within_its_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "0123456789").unwrap();
        assert_eq!(SMALL.text(&file).unwrap(), "0123456789");
        fs::write(&file, "0123456789A").unwrap();
        assert_eq!(
            SMALL.bytes(&file).unwrap_err().to_string(),
            "11 bytes, larger than the 10 bytes a small file may take"
        );
        fs::write(&file, b"ok\xff").unwrap();
        assert_eq!(
            SMALL.text(&file).unwrap_err().to_string(),
            "not UTF-8 (invalid byte at offset 2)"
        );
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        // Refused before it is opened: a read would wait for a writer forever.
        assert_eq!(
            SMALL.bytes(&fifo).unwrap_err().to_string(),
            "a FIFO, not a regular file"
        );
        assert_eq!(
            SMALL.bytes(Path::new("/dev/zero")).unwrap_err().to_string(),
            "a character device, not a regular file"
        );
        assert!(
            SMALL
                .bytes(&dir.path().join("none"))
                .unwrap_err()
                .is_missing()
        );
    }

    #[test]
    fn a_file_over_the_cap_is_refused_from_its_size_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sparse");
        // 40 MiB of hole: reading it would take the memory, the size alone does not.
        File::create(&file)
            .unwrap()
            .set_len(40 * 1024 * 1024)
            .unwrap();
        let refusal = DATA_FILE.bytes(&file).unwrap_err();
        assert!(matches!(refusal, Refusal::TooLarge { size, .. } if size == 40 << 20));
        assert_eq!(
            refusal.to_string(),
            "40 MiB, larger than the 32 MiB a data file may take"
        );
    }

    #[test]
    fn a_link_is_followed_only_where_the_kind_allows() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("target"), "x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("target", &link).unwrap();
        assert_eq!(SMALL.bytes(&link).unwrap(), b"x");
        assert!(matches!(SMALL.no_links().bytes(&link), Err(Refusal::Link)));
        // A dangling link is not a way to have a file created either.
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink("made-through-the-link", &dangling).unwrap();
        let mut create = OpenOptions::new();
        create.create(true).write(true).truncate(false);
        assert!(matches!(
            LOCK.open(&dangling, &mut create),
            Err(Refusal::Link)
        ));
        assert!(!dir.path().join("made-through-the-link").exists());
        let (_, meta) = LOCK.open(&dir.path().join("lock"), &mut create).unwrap();
        assert!(meta.is_file());
    }
}
