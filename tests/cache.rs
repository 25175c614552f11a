//! The compiled cache of a `--data-dir`: the only tests that turn it on, each with a cache
//! folder of its own. What it must never do is give an answer the data files do not.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::{data_copy, hi};

/// A copy of the fixture catalog whose files were last changed an hour ago: settled, so the
/// first run caches them.
fn settled_copy() -> TempDir {
    let dir = data_copy();
    for (name, _) in hi::load::FILES {
        set_modified(&dir.path().join(name), an_hour_ago());
    }
    dir
}

fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

fn set_modified(path: &Path, time: SystemTime) {
    fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// `hi` on the data in `data`, with its cache in `cache`/hi.
fn cached(cache: &Path, data: &Path) -> Command {
    let mut cmd = hi();
    cmd.env_remove("HI_CACHE")
        .env("XDG_CACHE_HOME", cache)
        .env("HI_DATA_DIR", data);
    cmd
}

/// Runs it with `args`, asserts success with nothing said on stderr, and returns stdout.
fn stdout(cmd: &mut Command, args: &[&str]) -> String {
    let output = cmd.args(args).output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {err}");
    assert_eq!(err, "", "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Every file in the cache folder.
fn cache_files(cache: &Path) -> Vec<PathBuf> {
    match fs::read_dir(cache.join("hi")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The one cache file, asserting there is exactly one.
fn cache_file(cache: &Path) -> PathBuf {
    let files = cache_files(cache);
    assert_eq!(files.len(), 1, "{files:?}");
    let file = files[0].clone();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("data-") && name.ends_with(".bin"),
        "{name}"
    );
    file
}

const COMMANDS: [&[&str]; 5] = [
    &["certs", "cphims", "--json"],
    &["search", "hipaa", "--json"],
    &["roles"],
    &["compare", "cahims", "cphims", "--json"],
    &[
        "eligible",
        "--education",
        "bachelor",
        "--experience-years",
        "5",
    ],
];

#[test]
fn a_cached_run_answers_as_a_parsed_one() {
    let cache = tempfile::tempdir().unwrap();
    let data = settled_copy();
    for args in COMMANDS {
        let parsed = stdout(hi().env("HI_DATA_DIR", data.path()), args);
        let first = stdout(&mut cached(cache.path(), data.path()), args);
        let warm = stdout(&mut cached(cache.path(), data.path()), args);
        assert_eq!(first, parsed, "{args:?}");
        assert_eq!(warm, parsed, "{args:?}");
    }
    let file = cache_file(cache.path());
    assert!(fs::read(&file).unwrap().starts_with(b"hi-cache"));
    // Nothing personal: the folder is the person's alone, as ~/.cache is.
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(cache.path().join("hi"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn an_edited_data_file_is_seen_on_the_next_run() {
    let cache = tempfile::tempdir().unwrap();
    let data = settled_copy();
    let roles = data.path().join("roles.toml");
    let name = |cache: &Path| {
        let out = stdout(
            &mut cached(cache, data.path()),
            &["roles", "analyst", "--json"],
        );
        let role: serde_json::Value = serde_json::from_str(&out).unwrap();
        role["name"].as_str().unwrap().to_string()
    };
    assert_eq!(name(cache.path()), "Health information analyst");
    let text = fs::read_to_string(&roles).unwrap();
    let then = modified(&roles);

    // The same size, a new modification time.
    fs::write(
        &roles,
        text.replacen(
            "Health information analyst",
            "Health information ANALYST",
            1,
        ),
    )
    .unwrap();
    set_modified(&roles, then + Duration::from_secs(60));
    assert_eq!(name(cache.path()), "Health information ANALYST");
    // The next run reads the cache that run rewrote.
    assert_eq!(name(cache.path()), "Health information ANALYST");

    // The same modification time, a new size.
    let then = modified(&roles);
    fs::write(
        &roles,
        text.replacen(
            "Health information analyst",
            "Health information analysts",
            1,
        ),
    )
    .unwrap();
    set_modified(&roles, then);
    assert_eq!(name(cache.path()), "Health information analysts");
    assert_eq!(name(cache.path()), "Health information analysts");
    cache_file(cache.path());
}

#[test]
fn a_truncated_or_garbage_cache_is_rebuilt() {
    let cache = tempfile::tempdir().unwrap();
    let data = settled_copy();
    let args = &["search", "hipaa", "--json"][..];
    let want = stdout(&mut cached(cache.path(), data.path()), args);
    let file = cache_file(cache.path());
    let good = fs::read(&file).unwrap();
    let garbage: Vec<u8> = (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect();
    let mut header_only = good[..40].to_vec();
    header_only.extend(std::iter::repeat_n(0, good.len() - 40));
    for bad in [
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        garbage,
        header_only,
    ] {
        fs::write(&file, &bad).unwrap();
        assert_eq!(stdout(&mut cached(cache.path(), data.path()), args), want);
        // Rebuilt as it was: the same files give the same cache.
        assert_eq!(fs::read(&file).unwrap(), good);
    }
}

#[test]
fn a_cache_that_cannot_be_written_or_read_still_gives_the_right_answer() {
    let data = settled_copy();
    let args = &["certs", "cphims", "--json"][..];
    let want = stdout(hi().env("HI_DATA_DIR", data.path()), args);
    // The cache folder's place is a file, so nothing can be made in it (as root too).
    let blocked = tempfile::tempdir().unwrap();
    fs::write(blocked.path().join("hi"), "not a folder").unwrap();
    assert_eq!(stdout(&mut cached(blocked.path(), data.path()), args), want);
    assert_eq!(
        fs::read_to_string(blocked.path().join("hi")).unwrap(),
        "not a folder"
    );

    // A folder others may write is not trusted: nothing is read from it or written to it.
    use std::os::unix::fs::PermissionsExt;
    let shared = tempfile::tempdir().unwrap();
    fs::create_dir(shared.path().join("hi")).unwrap();
    fs::set_permissions(shared.path().join("hi"), fs::Permissions::from_mode(0o777)).unwrap();
    assert_eq!(stdout(&mut cached(shared.path(), data.path()), args), want);
    assert_eq!(cache_files(shared.path()), Vec::<PathBuf>::new());

    // A FIFO, a folder, a link where the cache file goes: never waited on nor followed, and
    // replaced by a cache file at the next write.
    let cache = tempfile::tempdir().unwrap();
    stdout(&mut cached(cache.path(), data.path()), args);
    let file = cache_file(cache.path());
    let good = fs::read(&file).unwrap();
    let elsewhere = cache.path().join("elsewhere.bin");
    fs::write(&elsewhere, &good).unwrap();
    let makers: [fn(&Path, &Path); 2] = [
        |file, _| {
            let status = std::process::Command::new("mkfifo").arg(file).status();
            assert!(status.unwrap().success());
        },
        |file, elsewhere| std::os::unix::fs::symlink(elsewhere, file).unwrap(),
    ];
    for make in makers {
        fs::remove_file(&file).unwrap();
        make(&file, &elsewhere);
        let mut cmd = cached(cache.path(), data.path());
        cmd.timeout(Duration::from_secs(20));
        assert_eq!(stdout(&mut cmd, args), want);
        assert!(fs::symlink_metadata(&file).unwrap().is_file());
        assert_eq!(fs::read(&file).unwrap(), good);
    }
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    assert_eq!(stdout(&mut cached(cache.path(), data.path()), args), want);
}

#[test]
fn two_first_runs_at_once_both_succeed() {
    let cache = tempfile::tempdir().unwrap();
    let data = settled_copy();
    let args = ["search", "data", "--json"];
    let want = stdout(hi().env("HI_DATA_DIR", data.path()), &args);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            crate::common::process()
                .env_remove("HI_CACHE")
                .env("XDG_CACHE_HOME", cache.path())
                .env("HI_DATA_DIR", data.path())
                .args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        assert!(output.status.success());
        assert_eq!(String::from_utf8(output.stdout).unwrap(), want);
        assert!(output.stderr.is_empty());
    }
    // One cache file, whole, and no temporary file left behind.
    let file = cache_file(cache.path());
    assert_eq!(stdout(&mut cached(cache.path(), data.path()), &args), want);
    assert!(fs::read(file).unwrap().starts_with(b"hi-cache"));
}

#[test]
fn only_settled_valid_data_is_cached_and_only_where_asked() {
    let cache = tempfile::tempdir().unwrap();
    // Files changed just now may change again unseen within their clock's tick: not cached.
    let fresh = data_copy();
    stdout(&mut cached(cache.path(), fresh.path()), &["roles"]);
    assert_eq!(cache_files(cache.path()), Vec::<PathBuf>::new());

    // Invalid data: the same error as without a cache, and nothing cached.
    let data = settled_copy();
    let roles = data.path().join("roles.toml");
    let text = fs::read_to_string(&roles).unwrap();
    fs::write(&roles, text.replacen("id = \"analyst\"", "id = 7", 1)).unwrap();
    set_modified(&roles, an_hour_ago());
    let output = cached(cache.path(), data.path())
        .arg("roles")
        .output()
        .unwrap();
    let plain = hi()
        .env("HI_DATA_DIR", data.path())
        .arg("roles")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stderr, plain.stderr);
    assert_eq!(cache_files(cache.path()), Vec::<PathBuf>::new());

    // `hi data check` never uses the cache, and HI_CACHE=off turns it off.
    fs::write(&roles, &text).unwrap();
    set_modified(&roles, an_hour_ago());
    cached(cache.path(), data.path())
        .args(["data", "check"])
        .assert()
        .success();
    let mut off = cached(cache.path(), data.path());
    off.env("HI_CACHE", "off");
    stdout(&mut off, &["roles"]);
    assert_eq!(cache_files(cache.path()), Vec::<PathBuf>::new());

    // Without XDG_CACHE_HOME (or with a relative one, which XDG says to ignore), the cache
    // is in ~/.cache/hi, and nothing else is written anywhere.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = cached(cache.path(), data.path());
    cmd.env("XDG_CACHE_HOME", "relative/cache")
        .env("HOME", home.path())
        .current_dir(home.path());
    stdout(&mut cmd, &["roles"]);
    cache_file(&home.path().join(".cache"));
    assert_eq!(fs::read_dir(home.path()).unwrap().count(), 1);
}
