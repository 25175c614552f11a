//! Bad data directories, hostile text and the data commands: every problem found, named by
//! file, line, column and field; no panic, no partial write.

use std::fs;
use std::path::Path;

use crate::common::{data_copy, hi};

/// (fixture, a line of the fixture the problem is reported at, what the message must say)
const CASES: [(&str, &str, &str); 13] = [
    (
        "paths--syntax",
        "name = ",
        "field `name`: string values must be quoted",
    ),
    (
        "employers--unknown-field",
        "website = ",
        "unknown field `website`",
    ),
    (
        "regulations--missing-field",
        "[[regulation]]",
        "missing field `name`",
    ),
    (
        "responsibilities--wrong-type",
        "roles = ",
        "field `roles`: invalid type: string \"analyst\", expected a sequence",
    ),
    (
        "occupations--invalid-date",
        "median_as_of = ",
        "field `median_as_of`: invalid date `2022-13`",
    ),
    (
        "skills--duplicate-id",
        "id = \"sql\"",
        "field `id`: duplicate skill id `sql`",
    ),
    (
        "roles--dangling-reference",
        "skills = ",
        "`data-steward`: field `skills[1]`: unknown skill `no-such-skill`",
    ),
    (
        "salaries--unknown-source",
        "source = ",
        "`made-up-median`: field `source`: unknown source `no-such-source`",
    ),
    (
        "salaries--empty-name",
        "name = ",
        "salary figure `nameless`: field `name` is empty",
    ),
    (
        "organizations--negative-fee",
        "membership = ",
        "field `membership.annual_dues_usd`: invalid value: integer `-40`",
    ),
    (
        "certifications--fee-over-limit",
        "non_member_usd = ",
        "`gold-plated`: field `fee_history[0].non_member_usd`: 250000 is outside 0..=100000",
    ),
    (
        "certifications--zero-minute-exam",
        "duration_minutes = ",
        "`instant`: field `exam_history[0].duration_minutes`: 0 is outside 1..=1440",
    ),
    (
        "certifications--zero-year-cycle",
        "cycle_years = ",
        "`never-ending`: field `renewal.cycle_years`: 0 is outside 1..=20",
    ),
];

/// Appends a fixture to its data file in `dir`; returns the data file's name and the line at
/// which the problem must be reported.
fn apply(dir: &Path, fixture: &str, marker: &str) -> (String, usize) {
    let text = fs::read_to_string(format!(
        "{}/tests/fixtures/{fixture}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let file = format!("{}.toml", fixture.split("--").next().unwrap());
    let path = dir.join(&file);
    let original = fs::read_to_string(&path).unwrap();
    let line = original.lines().count()
        + 1
        + text
            .lines()
            .position(|l| l.starts_with(marker))
            .expect("marker in fixture");
    fs::write(&path, original + &text).unwrap();
    (file, line)
}

fn check(dir: &Path) -> (i32, String, String) {
    let output = hi().args(["data", "check"]).arg(dir).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn each_broken_fixture_is_reported_with_file_place_and_field() {
    for (fixture, marker, message) in CASES {
        let dir = data_copy();
        let (file, line) = apply(dir.path(), fixture, marker);
        let (code, out, err) = check(dir.path());
        assert_eq!(code, 1, "{fixture}");
        assert_eq!(
            err,
            "hi: 1 problem in ".to_string() + &dir.path().display().to_string() + "\n"
        );
        let prefix = format!("{}:{line}:", dir.path().join(&file).display());
        assert!(
            out.starts_with(&prefix),
            "{fixture}: expected {prefix}, got {out}"
        );
        assert!(out.contains(message), "{fixture}: {out}");
        assert_eq!(out.lines().count(), 1, "{fixture}: {out}");
    }
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let dir = data_copy();
    let mut expected = Vec::new();
    for (fixture, marker, message) in CASES {
        let (file, line) = apply(dir.path(), fixture, marker);
        expected.push((file, line, message));
    }
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 1);
    assert!(err.contains("13 problems"), "{err}\n{out}");
    for (file, line, message) in expected {
        let wanted = format!("{}:{line}:", dir.path().join(&file).display());
        assert!(
            out.lines()
                .any(|l| l.starts_with(&wanted) && l.contains(message)),
            "missing {wanted} {message} in\n{out}"
        );
    }
    let problems: serde_json::Value = serde_json::from_slice(
        &hi()
            .args(["data", "check", "--json"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(problems.as_array().unwrap().len(), 13);
    assert!(problems[0]["line"].is_u64() && problems[0]["column"].is_u64());
}

#[test]
fn export_then_check_succeeds() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("my-data");
    let output = hi().args(["data", "export"]).arg(&dir).output().unwrap();
    assert!(output.status.success());
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), hi::load::FILES.len());
    let (code, out, err) = check(&dir);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.starts_with("hi: no problems in "));
    // Nothing but the directory was written beside it.
    assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 1);
    // The exported copy serves as --data-dir.
    let output = hi()
        .args(["certs", "rhit", "--json", "--data-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(output.status.success());
}

#[test]
fn export_refuses_a_non_empty_directory_without_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let output = hi()
        .args(["data", "export"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not empty: add --force"));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
    let output = hi()
        .args(["data", "export", "--force"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1 + hi::load::FILES.len()
    );
    let file = dir.path().join("notes.txt");
    let output = hi().args(["data", "export"]).arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
}

fn load_error(dir: &Path) -> String {
    let output = hi()
        .arg("roles")
        .arg("--data-dir")
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.starts_with("hi: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn bad_data_directories_are_clear_errors() {
    let dir = data_copy();
    let file = dir.path().join("roles.toml");
    let err = load_error(&file);
    assert!(err.contains("is not a directory"), "{err}");

    fs::remove_file(&file).unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("cannot read data file") && err.contains("roles.toml"),
        "{err}"
    );
    let (code, out, _) = check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains("roles.toml:1:1: cannot read the file"),
        "{out}"
    );

    // A directory where a file should be cannot be read, even by root.
    fs::create_dir(&file).unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("roles.toml: a directory, not a regular file"),
        "{err}"
    );
    fs::remove_dir(&file).unwrap();

    fs::write(&file, b"name = \"\xff\xfe\"\n").unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("not UTF-8 (invalid byte at offset 8)"),
        "{err}"
    );

    // 40 MiB of hole: refused from its size, before any of it is read (a read would stop
    // at the cap, and could not tell its size).
    let big = fs::File::create(&file).unwrap();
    big.set_len(40 * 1024 * 1024).unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("roles.toml: 40 MiB, larger than the 32 MiB a data file may take"),
        "{err}"
    );
}

#[test]
fn text_from_data_cannot_drive_the_terminal() {
    let dir = data_copy();
    let path = dir.path().join("roles.toml");
    let text = fs::read_to_string(&path).unwrap();
    let hostile = "Health information \\u001b[2J\\u001b]0;pwned\\u0007analyst\\u0008\\r";
    fs::write(
        &path,
        text.replacen("Health information analyst", hostile, 1),
    )
    .unwrap();
    for format in ["table", "plain", "csv", "markdown"] {
        for args in [
            vec!["roles"],
            vec!["roles", "analyst"],
            vec!["search", "analyst"],
        ] {
            let output = hi()
                .args(&args)
                .args(["--format", format, "--color", "never", "--data-dir"])
                .arg(dir.path())
                .output()
                .unwrap();
            assert!(output.status.success());
            // CSV ends its records in CRLF, as RFC 4180 says; no other CR may remain.
            let out = String::from_utf8(output.stdout)
                .unwrap()
                .replace("\r\n", "\n");
            assert!(out.contains("information"), "{format} {args:?}");
            assert!(!out.contains("pwned"), "{format} {args:?}: {out}");
            for c in ['\u{1b}', '\u{7}', '\u{8}', '\r'] {
                assert!(!out.contains(c), "{format} {args:?}: {c:?} in {out:?}");
            }
        }
    }
    // JSON keeps the text, escaped, as data.
    let output = hi()
        .args(["roles", "analyst", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(!out.contains('\u{1b}') && out.contains("\\u001b"));
}

#[test]
fn commands_write_nothing_but_what_they_are_given() {
    let cwd = tempfile::tempdir().unwrap();
    for args in [
        vec!["roles"],
        vec!["certs", "rhit"],
        vec!["compare", "rhit", "rhia"],
        vec!["search", "data"],
        vec!["eligible", "--education", "bachelor"],
        vec!["cost", "rhit", "--years", "4"],
        vec!["renew", "rhit", "--earned", "2025-01-31"],
        vec!["plan", "--role", "analyst"],
        vec!["data", "check"],
        vec!["completions", "bash"],
        vec!["man"],
    ] {
        let output = hi()
            .args(&args)
            .current_dir(cwd.path())
            .env("HOME", cwd.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
    }
    assert_eq!(fs::read_dir(cwd.path()).unwrap().count(), 0);
}

/// `count` extra sources, about 250 bytes each, with `broken` (if any) given a bad kind.
fn many_sources(count: usize, broken: Option<usize>) -> String {
    (0..count)
        .map(|i| {
            let kind = if Some(i) == broken { "blog" } else { "third-party" };
            format!(
                "\n[[source]]\nid = \"extra-{i}\"\ntitle = \"Extra source number {i}, to make a large file\"\n\
                 publisher = \"Generated by a test\"\nurl = \"https://example.org/{i}\"\nkind = \"{kind}\"\n\
                 retrieved = \"2026-11-25\"\nnotes = [\"\"\"\nA multi-line note.\n\"\"\"]\n"
            )
        })
        .collect()
}

#[test]
fn large_files_parse_in_parts_with_the_same_result_and_places() {
    let dir = data_copy();
    let path = dir.path().join("sources.toml");
    let original = fs::read_to_string(&path).unwrap();
    fs::write(&path, original.clone() + &many_sources(2000, None)).unwrap();
    assert!(
        fs::metadata(&path).unwrap().len() > 256 * 1024,
        "large enough to be parsed in parts"
    );
    let output = hi()
        .args(["sources", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sources: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        sources.as_array().unwrap().len(),
        2000 + crate::common::fixture_catalog().sources().len()
    );

    // A bad value in the middle is reported at its line in the whole file.
    let text = original + &many_sources(2000, Some(1234));
    fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l == "kind = \"blog\"").unwrap() + 1;
    let (code, out, _) = check(dir.path());
    assert_eq!(code, 1);
    let wanted = format!(
        "{}:{line}:8: `extra-1234`: field `kind`: unknown variant `blog`",
        path.display()
    );
    let first_error = out.lines().find(|l| !l.contains(": warning: ")).unwrap();
    assert!(first_error.starts_with(&wanted), "{out}");
}

/// Every input the fuzzer found a crash with (`tests/fixtures/fuzz/`), fed to loading and
/// validation as the fuzz target feeds it: split at NUL bytes into the data files.
#[test]
fn fuzz_crash_inputs_are_reported_not_panicked_on() {
    let dir = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let files = hi::load::FILES
            .iter()
            .zip(bytes.split(|b| *b == 0))
            .map(|((name, _), part)| (*name, String::from_utf8_lossy(part).into_owned()));
        if let Err(problems) = hi::load::build(&hi::load::Texts::from_files(files)) {
            assert!(!problems.is_empty());
        }
        count += 1;
    }
    assert!(count >= 1);
}
