//! A file kept as proof of an activity (a certificate, a transcript): its SHA-256 when it is
//! logged, whether it is still the same file later, and a copy for an audit pack.
//!
//! A proof is read through the one bounded reader (`read::PROOF`): only a regular file (a FIFO
//! would make the read wait forever, a device could be endless), opened without blocking and
//! checked again once open, and never more than its cap. The bytes stream through the hash
//! (and, for a copy, into the copy), so a large certificate is never held in memory whole.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::profile::Proof;
use crate::read::{Kind, Refusal};

/// How proofs are read: `read::PROOF`.
const PROOF: Kind = crate::read::PROOF;

/// Whether `text` is a SHA-256 as `hi` writes it: 64 lowercase hexadecimal digits.
pub(crate) fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The SHA-256 of the file at `path`, in lowercase hexadecimal.
pub(crate) fn sha256(path: &Path) -> Result<String, Refusal> {
    let (file, meta) = open(path)?;
    stream(file, &meta, &mut io::sink())
}

/// Copies the file at `path` to `to` (a new file), and gives the SHA-256 of what it copied.
pub(crate) fn copy(path: &Path, to: &Path) -> Result<String, Refusal> {
    // The proof is opened first, so that one that is gone leaves no empty copy behind.
    let (file, meta) = open(path)?;
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(Refusal::Io)?;
    let sha = stream(file, &meta, &mut out)?;
    out.sync_all().map_err(Refusal::Io)?;
    Ok(sha)
}

/// The proof at `path`, opened to be read: a regular file within the cap.
fn open(path: &Path) -> Result<(File, Metadata), Refusal> {
    let (file, meta) = PROOF.open(path, OpenOptions::new().read(true))?;
    match meta.len() > PROOF.max_bytes() {
        true => Err(PROOF.too_large(meta.len())),
        false => Ok((file, meta)),
    }
}

/// Reads `file` (whose metadata is `meta`) through the hash into `out`, and gives the hash.
fn stream(file: File, meta: &Metadata, out: &mut dyn Write) -> Result<String, Refusal> {
    let max = PROOF.max_bytes();
    let mut hasher = Sha256::new();
    let mut reader = file.take(max + 1);
    let size = meta.len().clamp(1, 64 * 1024);
    let mut buffer = vec![0; usize::try_from(size).unwrap_or(64 * 1024)];
    let mut read = 0u64;
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Refusal::Io(e)),
        };
        read += n as u64;
        // It grew while it was read.
        if read > max {
            return Err(PROOF.too_large(read));
        }
        hasher.update(&buffer[..n]);
        out.write_all(&buffer[..n]).map_err(Refusal::Io)?;
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// How a proof stands now against what was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum State {
    /// No proof was logged.
    None,
    /// The file is as it was logged.
    Same,
    /// The file is there but its content changed; its SHA-256 now.
    Changed(String),
    /// The file is gone.
    Missing,
    /// The file is there but cannot be read as a proof, and why.
    Unreadable(String),
}

impl State {
    /// The state of `proof` now.
    pub(crate) fn of(proof: Option<&Proof>) -> State {
        let Some(proof) = proof else {
            return State::None;
        };
        match sha256(&proof.path) {
            Ok(now) if now == proof.sha256 => State::Same,
            Ok(now) => State::Changed(now),
            Err(Refusal::Missing) => State::Missing,
            Err(why) => State::Unreadable(why.to_string()),
        }
    }

    /// As `hi ce list` and the audit pack write it: `ok`, `none`, `changed`, `missing`,
    /// `unreadable`.
    pub(crate) fn keyword(&self) -> &'static str {
        match self {
            State::None => "none",
            State::Same => "ok",
            State::Changed(_) => "changed",
            State::Missing => "missing",
            State::Unreadable(_) => "unreadable",
        }
    }

    /// In words, for people.
    pub(crate) fn label(&self) -> String {
        match self {
            State::None => "no proof".into(),
            State::Same => "kept".into(),
            State::Changed(_) => "changed since logged".into(),
            State::Missing => "file gone".into(),
            State::Unreadable(why) => format!("unreadable: {why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_proof_is_hashed_and_checked_against_what_was_logged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("certificate.pdf");
        fs::write(&path, "abc").unwrap();
        let sha = sha256(&path).unwrap();
        // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_sha256(&sha));
        let proof = Proof {
            path: path.clone(),
            sha256: sha,
        };
        assert_eq!(State::of(Some(&proof)), State::Same);
        fs::write(&path, "abd").unwrap();
        assert!(matches!(State::of(Some(&proof)), State::Changed(_)));
        let copied = dir.path().join("copy.pdf");
        assert_eq!(copy(&path, &copied).unwrap(), sha256(&copied).unwrap());
        assert!(
            copy(&path, &copied).is_err(),
            "a copy never replaces a file"
        );
        fs::remove_file(&path).unwrap();
        assert_eq!(State::of(Some(&proof)), State::Missing);
        assert_eq!(State::of(None), State::None);
    }

    #[test]
    fn only_a_regular_file_within_the_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            sha256(dir.path()).unwrap_err().to_string(),
            "a directory, not a regular file"
        );
        assert_eq!(
            sha256(Path::new("/dev/zero")).unwrap_err().to_string(),
            "a character device, not a regular file"
        );
        let big = dir.path().join("big");
        File::create(&big)
            .unwrap()
            .set_len(PROOF.max_bytes() + 1)
            .unwrap();
        assert_eq!(
            sha256(&big).unwrap_err().to_string(),
            "65 MiB, larger than the 64 MiB a proof may take"
        );
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string for the call's duration.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(
            sha256(&fifo).unwrap_err().to_string(),
            "a FIFO, not a regular file"
        );
        assert!(!is_sha256("ABC"));
    }
}
