//! Every file `hi` reads or opens goes through one bounded, type-checked reader: a special
//! file is refused without being waited on, a file over its cap without being read, and the
//! profile's lock is never reached through a link. Special files are made in a temporary
//! folder, never taken from the system.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::common::hi;

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status();
    assert!(status.unwrap().success());
}

/// `hi --profile PROFILE profile set --rn`: a change, which takes the lock; exit code and stderr.
fn change(profile: &Path) -> (Option<i32>, String) {
    let output = hi()
        .arg("--profile")
        .arg(profile)
        .args(["profile", "set", "--rn"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    (output.status.code(), err)
}

#[test]
fn a_fifo_at_the_lock_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    let lock = dir.path().join(".profile.toml.lock");
    mkfifo(&lock);
    let (code, err) = change(&profile);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(".profile.toml.lock: a FIFO, not a regular file"),
        "{err}"
    );
    assert!(!profile.exists());
    // A folder there is refused the same way.
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();
    let (code, err) = change(&profile);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("a directory, not a regular file"), "{err}");
}

#[test]
fn a_symlink_at_the_lock_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    let lock = dir.path().join(".profile.toml.lock");
    // Dangling: following it would create the file it names.
    let target = dir.path().join("created-through-the-link");
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let (code, err) = change(&profile);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.starts_with("hi: cannot lock ")
            && err.contains("a symbolic link, which hi does not follow"),
        "{err}"
    );
    assert!(!target.exists());
    assert!(!profile.exists());
    // To an existing file: it is not locked, nor changed, nor the profile written.
    fs::write(&target, "theirs").unwrap();
    let (code, _) = change(&profile);
    assert_eq!(code, Some(1));
    assert_eq!(fs::read_to_string(&target).unwrap(), "theirs");
    assert!(!profile.exists());
    // Once the link is gone, the change is made, and the lock is a file of hi's own.
    fs::remove_file(&lock).unwrap();
    let (code, err) = change(&profile);
    assert_eq!(code, Some(0), "{err}");
    assert!(fs::symlink_metadata(&lock).unwrap().is_file());
    assert!(fs::read_to_string(&profile).unwrap().contains("rn = true"));
}

#[test]
fn a_data_file_over_its_cap_is_refused_unread_however_it_is_named() {
    let dir = crate::common::data_copy();
    // Through a link, as data files may be: the cap is the target's.
    let big = dir.path().join("big.toml");
    fs::File::create(&big)
        .unwrap()
        .set_len(40 * 1024 * 1024)
        .unwrap();
    let skills = dir.path().join("skills.toml");
    fs::remove_file(&skills).unwrap();
    std::os::unix::fs::symlink(&big, &skills).unwrap();
    for args in [&["skills"][..], &["data", "check"]] {
        let output = hi()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let said =
            String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains("skills.toml") && said.contains("40 MiB, larger than the 32 MiB"),
            "{args:?}: {said}"
        );
    }
}
