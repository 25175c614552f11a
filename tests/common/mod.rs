//! The one way tests run `hi`: hermetic, whatever the caller's terminal and environment, on
//! the frozen fixture catalog and on a fixed "today", so that an edit of `data/` (a newer fee,
//! a new credential) or the passing of time breaks no test.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The day every test runs on.
pub const TODAY: &str = "2026-11-27";

/// The frozen catalog behaviour tests run on: a copy of the data as it was when the tests
/// were written. Tests of the shipped `data/` itself are in `shipped.rs`.
pub fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog")
}

/// `hi` on the fixture catalog, on [`TODAY`], with the environment variables that change its
/// output removed.
pub fn hi() -> Command {
    let mut cmd = builtin();
    cmd.env("HI_DATA_DIR", fixture());
    cmd
}

/// `hi` on its built-in data, for the tests of the shipped data and of what only the built-in
/// catalog does.
pub fn builtin() -> Command {
    Command::from_std(builtin_process())
}

/// `hi` as a plain process on the fixture catalog, for the tests that choose its streams.
pub fn process() -> std::process::Command {
    let mut cmd = builtin_process();
    cmd.env("HI_DATA_DIR", fixture());
    cmd
}

/// `hi` as a plain process on its built-in data, on [`TODAY`], with the caller's variables that
/// change its output removed.
pub fn builtin_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hi"));
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TERM",
        "HI_DATA_DIR",
        "HI_PROFILE",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HI_TODAY", TODAY);
    // No cache of the fixture catalog, in the tester's cache folder or anywhere: only the
    // cache's own tests (cache.rs) turn it on, each with a folder of its own.
    cmd.env("HI_CACHE", "off");
    // No test reads or writes the profile of whoever runs the tests.
    cmd.env("HOME", "/nonexistent/hi-tests-home");
    cmd
}

/// Runs `hi ARGS --json`, asserts success, and parses stdout: the shorthand of
/// `Hi::new().args(ARGS).json()`.
pub fn json(args: &[&str]) -> Value {
    Hi::new().args(args).json()
}

/// Runs `hi ARGS` and returns (exit code, stdout, stderr): the shorthand of
/// `Hi::new().args(ARGS).run()`.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let ran = Hi::new().args(args).run();
    (ran.code, ran.stdout, ran.stderr)
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

/// A fresh directory holding the fixture catalog's files, to edit.
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, _) in hi::load::FILES {
        std::fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// The fixture catalog, loaded in-process.
pub fn fixture_catalog() -> hi::catalog::Catalog {
    hi::catalog::load(Some(&fixture())).expect("the fixture catalog is valid")
}

/// One run of `hi`, described by what it is given and checked by what it should do, so that
/// a test reads as its input and expectations (as just's and fd's test helpers do):
/// `Hi::new().args(&["certs", "x"]).fails(1, "unknown certification")`.
pub struct Hi {
    command: Command,
}

/// What a finished run gave: its exit status and both streams.
#[derive(Debug)]
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Hi {
    /// `hi` on the fixture catalog, on [`TODAY`], hermetic.
    pub fn new() -> Hi {
        Hi { command: hi() }
    }

    /// `hi` on its built-in data, for the tests of the shipped data.
    pub fn builtin() -> Hi {
        Hi { command: builtin() }
    }

    pub fn args(mut self, args: &[&str]) -> Hi {
        self.command.args(args);
        self
    }

    /// A path as the next argument.
    pub fn arg_path(mut self, path: &std::path::Path) -> Hi {
        self.command.arg(path);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Hi {
        self.command.env(key, value);
        self
    }

    /// The profile at `path` (which need not exist yet).
    pub fn profile(self, path: &std::path::Path) -> Hi {
        self.env("HI_PROFILE", path)
    }

    /// A terminal `columns` wide.
    pub fn columns(self, columns: u16) -> Hi {
        self.env("COLUMNS", columns.to_string())
    }

    /// Runs it, whatever it gives.
    pub fn run(mut self) -> Ran {
        let output = self.command.output().expect("hi runs");
        Ran {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs it, asserts it succeeded, and gives its stdout.
    pub fn ok(self) -> String {
        let ran = self.run();
        assert_eq!(ran.code, 0, "hi failed: {}", ran.stderr);
        ran.stdout
    }

    /// Runs it with `--json`, asserts it succeeded, and parses its stdout.
    pub fn json(self) -> Value {
        let out = self.args(&["--json"]).ok();
        serde_json::from_str(&out).expect("stdout is JSON")
    }

    /// Runs it, asserts it ended with exit status `code` and said `needle` on stderr, on one
    /// line, and gives what it said.
    pub fn fails(self, code: i32, needle: &str) -> String {
        let ran = self.run();
        assert_eq!(
            ran.code, code,
            "stdout: {}\nstderr: {}",
            ran.stdout, ran.stderr
        );
        assert!(
            ran.stderr.contains(needle),
            "{needle:?} not in: {}",
            ran.stderr
        );
        assert_eq!(ran.stderr.lines().count(), 1, "one line: {}", ran.stderr);
        ran.stderr
    }
}

impl Ran {
    /// The whole run as a snapshot records it (as uv does): the exit status, stdout and
    /// stderr, with the program's version filtered out so that a release changes no snapshot.
    pub fn snapshot(&self) -> String {
        let version = env!("CARGO_PKG_VERSION");
        format!(
            "exit: {}\n----- stdout -----\n{}----- stderr -----\n{}",
            self.code, self.stdout, self.stderr
        )
        .replace(version, "[VERSION]")
    }
}

/// Runs `cmd` with its output discarded and sends it Ctrl-C (SIGINT) `after` it starts; waits
/// for it to end.
pub fn interrupt(mut cmd: std::process::Command, after: std::time::Duration) {
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    child.wait().unwrap();
}

/// The temporary folders hi left in `dir` (theirs begin `.hi-`): none, once a write ended.
pub fn temporary_left(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".hi-"))
        .collect()
}
