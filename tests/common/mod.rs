//! The one way tests run `hi`: hermetic, whatever the caller's terminal and environment.

use assert_cmd::Command;
use serde_json::Value;

/// `hi` with the environment variables that change its output removed.
pub fn hi() -> Command {
    let mut cmd = Command::cargo_bin("hi").expect("the hi binary is built");
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TERM",
        "HI_DATA_DIR",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `hi ARGS --json`, asserts success, and parses stdout.
pub fn json(args: &[&str]) -> Value {
    let output = hi().args(args).arg("--json").output().expect("hi runs");
    assert!(
        output.status.success(),
        "hi {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// Runs `hi ARGS` and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = hi().args(args).output().expect("hi runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every list command, each of which also shows one record by id.
pub const KINDS: [(&str, &str); 11] = [
    ("roles", "analyst"),
    ("responsibilities", "patient-records"),
    ("skills", "sql"),
    ("employers", "government"),
    ("certs", "cphims"),
    ("orgs", "ahima"),
    ("salaries", "payscale-median-annual"),
    ("paths", "clinician-to-informatics-masters"),
    ("regulations", "hipaa"),
    ("occupations", "29-9021"),
    ("sources", "seed-article"),
];

/// The object in a JSON array with this id.
pub fn by_id<'a>(array: &'a Value, id: &str) -> &'a Value {
    array
        .as_array()
        .expect("an array")
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no record `{id}`"))
}

/// A fresh directory holding the built-in data files, to edit.
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in hi::load::FILES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}
