//! The compiled cache of a `--data-dir`: the one file `hi` writes unasked.
//!
//! Parsing a large data directory's TOML is most of a run; decoding the same records from the
//! compiled form the built-in catalog uses (`encode.rs`) is a small part of it. So once a data
//! directory has passed validation, its compiled form is kept in
//! `$XDG_CACHE_HOME/hi/data-<hash of the directory's path>.bin` (else `~/.cache/hi/`), and the
//! next run that finds the files as they were reads that instead. It holds the data files'
//! records and nothing of the person's; deleting it at any time only costs the next run the
//! parse. `HI_CACHE=off` turns it off; `hi data check` never uses it.
//!
//! The file is trusted only when everything matches: a magic, the cache layout's version, a
//! key (this build's data format and version, and every data file's path, size, modification
//! and change times to the nanosecond, device and inode), the length, and a checksum of every
//! byte after the header. Anything else (stale, truncated, damaged, foreign, unreadable) is
//! ignored and the cache rebuilt. It is written whole into a temporary file beside it and
//! renamed into place, so a reader, or a second `hi` writing at the same moment, sees an old
//! file or a new one; it is not synced to disk, since the checks on read reject what a crash
//! could leave. A cache that cannot be written only costs speed: nothing is said. A cache
//! folder someone else owns or may write is not used at all, so no one else can plant a file
//! that `hi` would take for the person's data.

use std::fs::{self, DirBuilder};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::encode::{self, fingerprint};
use crate::load::{self, FILES};
use crate::model::{About, Data};

/// The start of every cache file.
const MAGIC: &[u8; 8] = b"hi-cache";

/// The layout of the file itself, below: a new layout is a new version.
const LAYOUT: u64 = 1;

/// The magic, then four little-endian u64: the layout, the key, the length of the body (all
/// that follows the header) and its checksum.
const HEADER_BYTES: usize = MAGIC.len() + 4 * 8;

/// A file changed this recently may change again within the same tick of its file system's
/// clock without its times changing, so a cache of it could go stale unseen (git's "racy
/// clean"): it is not written until the files have been still this long.
const SETTLED: Duration = Duration::from_secs(2);

/// The data format this build encodes, from `build.rs`: a change to the record types, the
/// validation or the encoding makes a new one.
const DATA_FORMAT: &str = env!("HI_DATA_FORMAT");

/// Where each record lies, after the header: the index of the file's records, as postcard.
/// Written from borrowed ids (`S = &str`), read into owned ones.
#[derive(Serialize, Deserialize)]
struct Index<S> {
    /// (start, end) of the encoded [`About`] in the records.
    about: (u32, u32),
    /// Per kind, in the order of `for_each_kind!`: (id, start, end) of each record.
    kinds: Vec<Vec<(S, u32, u32)>>,
}

/// The cache folder.
pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache folder the environment names: `$XDG_CACHE_HOME/hi`, else `~/.cache/hi`; none
    /// when `HI_CACHE=off`, or when neither variable gives an absolute path (the XDG rule: a
    /// relative one is ignored).
    pub(crate) fn from_env() -> Option<Cache> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        if var("HI_CACHE").is_some_and(|v| v.eq_ignore_ascii_case("off")) {
            return None;
        }
        let absolute = |name| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
        let base = absolute("XDG_CACHE_HOME").or_else(|| Some(absolute("HOME")?.join(".cache")))?;
        Some(Cache::at(base.join("hi")))
    }

    /// The cache's folder: what no command may write into.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// A cache in `dir`.
    pub(crate) fn at(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// The catalog of `data_dir`: from the cache when it holds the files as they are now, else
    /// parsed and validated (errors as without a cache), then kept for the next run.
    pub(crate) fn catalog(&self, data_dir: &Path) -> Result<Catalog> {
        let Some(key) = Key::of(data_dir) else {
            return Ok(Catalog::parsed(load::load_dir(data_dir)?));
        };
        let path = self.dir.join(format!("data-{:016x}.bin", key.place));
        if let Some(catalog) = self.is_private().then(|| read(&path, key.hash)).flatten() {
            return Ok(catalog);
        }
        // The files are read after the key was taken: a change made in between is cached
        // under the key of before, which the next run does not match. (Taken after, the key
        // could name the changed files over a cache of their old text.)
        let data = load::load_dir(data_dir)?;
        if key.settled() {
            // A cache that cannot be written costs the next run its speed, nothing more.
            let _ = self.write(&path, key.hash, &data);
        }
        Ok(Catalog::parsed(data))
    }

    /// Writes the cache of `data` (validated) at `path`, whole or not at all.
    fn write(&self, path: &Path, key: u64, data: &Data) -> std::io::Result<()> {
        let body = body(data);
        if (HEADER_BYTES + body.len()) as u64 > crate::read::CACHE.max_bytes() {
            return Ok(());
        }
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)?;
        if !self.is_private() {
            return Ok(());
        }
        let mut temp = tempfile::Builder::new()
            .prefix(".data-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)?;
        temp.write_all(&header(key, &body))?;
        temp.write_all(&body)?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Whether the cache folder is this user's alone: owned by them and writable by no one
    /// else, so that no one else can have put a file there. A cache in a folder others can
    /// write (an `XDG_CACHE_HOME` in a shared place) is neither read nor written.
    fn is_private(&self) -> bool {
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        fs::metadata(&self.dir)
            .is_ok_and(|meta| meta.is_dir() && meta.uid() == me && meta.mode() & 0o022 == 0)
    }
}

/// What a cache file holds after its header: the length of the index, the index, then the
/// records, the built-in catalog's encoding. Each kind's bytes are copied once, into a body of
/// the final size, and freed as they are: a large catalog's first run holds the encoding about
/// twice, not three times.
fn body(data: &Data) -> Vec<u8> {
    let encoded = encode::encode(data);
    let mut end = encoded.about.len();
    let about = (0, end as u32);
    let mut kinds = Vec::with_capacity(encoded.kinds.len());
    for (_, kind) in &encoded.kinds {
        let base = end;
        end += kind.bytes.len();
        // Offsets fit in 32 bits: a body over the cache's cap (far below 4 GiB) is not written.
        let at = |offset: usize| (base + offset) as u32;
        kinds.push(
            kind.index
                .iter()
                .map(|(id, start, end)| (id.as_str(), at(*start), at(*end)))
                .collect::<Vec<_>>(),
        );
    }
    let index = postcard::to_allocvec(&Index { about, kinds }).expect("an index serializes");
    let mut body = Vec::with_capacity(8 + index.len() + end);
    body.extend((index.len() as u64).to_le_bytes());
    body.extend(index);
    body.extend(encoded.about);
    for (_, kind) in encoded.kinds {
        body.extend(kind.bytes);
    }
    body
}

fn header(key: u64, body: &[u8]) -> Vec<u8> {
    let mut header = MAGIC.to_vec();
    for field in [LAYOUT, key, body.len() as u64, fingerprint(body)] {
        header.extend(field.to_le_bytes());
    }
    header
}

/// The catalog in the cache file at `path`, if it is one this build wrote for `key`, whole.
fn read(path: &Path, key: u64) -> Option<Catalog> {
    let file = crate::read::CACHE.bytes(path).ok()?;
    let (header, body) = file.split_at_checked(HEADER_BYTES)?;
    let (magic, fields) = header.split_at(MAGIC.len());
    let field = |i: usize| u64::from_le_bytes(fields[i * 8..i * 8 + 8].try_into().unwrap());
    let whole = magic == MAGIC
        && field(0) == LAYOUT
        && field(1) == key
        && field(2) == body.len() as u64
        && field(3) == fingerprint(body);
    if !whole {
        return None;
    }
    let (index_len, rest) = body.split_at_checked(8)?;
    let index_len = usize::try_from(u64::from_le_bytes(index_len.try_into().ok()?)).ok()?;
    let (index, records) = rest.split_at_checked(index_len)?;
    let index: Index<Box<str>> = postcard::from_bytes(index).ok()?;
    // Offsets into the whole file, each checked to lie in the records.
    let base = HEADER_BYTES + 8 + index_len;
    let place = |(start, end): (u32, u32)| {
        let (start, end) = (start as usize, end as usize);
        (start <= end && end <= records.len()).then_some((base + start, base + end))
    };
    let (a, b) = place(index.about)?;
    let about: About = postcard::from_bytes(&file[a..b]).ok()?;
    let mut kinds = Vec::with_capacity(index.kinds.len());
    for kind in index.kinds {
        let placed: Option<Vec<_>> = kind
            .into_iter()
            .map(|(id, start, end)| place((start, end)).map(|(a, b)| (id, a, b)))
            .collect();
        kinds.push(placed?);
    }
    Catalog::cached(Arc::new(file), about, kinds)
}

/// What a cache file must have been written for.
struct Key {
    /// The data directory's own fingerprint, which names its cache file.
    place: u64,
    /// The fingerprint of the data format and of every data file as it is now.
    hash: u64,
    /// When a data file was last modified.
    newest: SystemTime,
}

impl Key {
    /// The key of the files in `dir` now; none when `dir` cannot be resolved (the load then
    /// says why).
    fn of(dir: &Path) -> Option<Key> {
        let dir = fs::canonicalize(dir).ok()?;
        let mut text = Vec::with_capacity(1024);
        text.extend(DATA_FORMAT.as_bytes());
        text.extend(dir.as_os_str().as_bytes());
        let mut newest = SystemTime::UNIX_EPOCH;
        for (name, _) in FILES {
            text.push(0);
            text.extend(name.as_bytes());
            // Through a link, as the load reads it: the key is the target's.
            let Ok(meta) = fs::metadata(dir.join(name)) else {
                continue;
            };
            let times = [
                meta.mtime(),
                meta.mtime_nsec(),
                meta.ctime(),
                meta.ctime_nsec(),
            ];
            for number in [meta.dev(), meta.ino(), meta.size()] {
                text.extend(number.to_le_bytes());
            }
            for number in times {
                text.extend(number.to_le_bytes());
            }
            newest = newest.max(meta.modified().ok()?);
        }
        Some(Key {
            place: fingerprint(dir.as_os_str().as_bytes()),
            hash: fingerprint(&text),
            newest,
        })
    }

    /// Whether every file has been still long enough for its times to tell a later change.
    fn settled(&self) -> bool {
        SystemTime::now()
            .duration_since(self.newest)
            .is_ok_and(|age| age >= SETTLED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog")
    }

    #[test]
    fn a_cached_catalog_holds_every_record_as_parsed() {
        let folder = tempfile::tempdir().unwrap();
        let cache = Cache::at(folder.path().join("hi"));
        let key = Key::of(&fixture()).unwrap();
        let path = cache.dir.join("data.bin");
        let data = load::load_dir(&fixture()).unwrap();
        cache.write(&path, key.hash, &data).unwrap();
        let cached = read(&path, key.hash).expect("the cache just written is read");
        let parsed = Catalog::parsed(data);
        assert_eq!(json(cached.about()), json(parsed.about()));
        macro_rules! compare_kinds {
            ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {$(
                // Each record on its own, as a lookup decodes it, then all of them.
                for record in parsed.$field() {
                    let one = cached.get::<$type>(&record.id.to_uppercase()).unwrap();
                    assert_eq!(json(one), json(record), "{}", record.id);
                }
                assert_eq!(json(&cached.$field()), json(&parsed.$field()));
                assert!(!parsed.$field().is_empty(), stringify!($field));
            )*};
        }
        for_each_kind!(compare_kinds);
        // Written for another key, or read for another, it is not read.
        assert!(read(&path, key.hash ^ 1).is_none());
    }

    /// A record (or a list) as JSON, to compare records as their readers see them.
    fn json<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_never_read() {
        let folder = tempfile::tempdir().unwrap();
        let cache = Cache::at(folder.path().to_path_buf());
        let key = Key::of(&fixture()).unwrap();
        let path = folder.path().join("data.bin");
        cache
            .write(&path, key.hash, &load::load_dir(&fixture()).unwrap())
            .unwrap();
        let good = fs::read(&path).unwrap();
        let mut damaged = vec![
            Vec::new(),
            good[..HEADER_BYTES].to_vec(),
            good[..good.len() - 1].to_vec(),
            [&good[..], b"x"].concat(),
            b"hi-cache".repeat(100),
        ];
        // Every byte flipped in turn, in the header and through the body.
        for at in (0..good.len()).step_by(good.len() / 300 + 1) {
            let mut flipped = good.clone();
            flipped[at] ^= 0x40;
            damaged.push(flipped);
        }
        // Garbage of every length up to a header and a little more.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..100 {
            damaged.push(
                (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        seed as u8
                    })
                    .collect(),
            );
        }
        for bytes in damaged {
            fs::write(&path, &bytes).unwrap();
            assert!(read(&path, key.hash).is_none(), "{} bytes", bytes.len());
        }
        fs::write(&path, &good).unwrap();
        assert!(read(&path, key.hash).is_some());
    }

    #[test]
    fn the_key_follows_every_data_file() {
        let dir = tempfile::tempdir().unwrap();
        for (name, _) in FILES {
            fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
        }
        let before = Key::of(dir.path()).unwrap();
        assert_eq!(before.hash, Key::of(dir.path()).unwrap().hash);
        let file = fs::File::options()
            .append(true)
            .open(dir.path().join("skills.toml"))
            .unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(1 << 30))
            .unwrap();
        let after = Key::of(dir.path()).unwrap();
        assert_ne!(before.hash, after.hash);
        // The cache file is named by the folder, whatever its files.
        assert_eq!(before.place, after.place);
        // Just copied: not settled until the files have been still a while.
        assert!(!before.settled());
    }
}
