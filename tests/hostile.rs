//! Hostile places and hostile input, as a careful tester tries them: special files, full and
//! closed streams, escape sequences, huge files, odd arguments. No abort, no damage, and the
//! exit status the README documents. Special files are made in a temporary folder, never taken
//! from the system.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command as StdCommand, Output, Stdio};

use crate::common::{builtin_process, data_copy, hi, run};

fn mkfifo(path: &Path) {
    let status = StdCommand::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// `hi ARGS` with stdout and stderr going where asked.
fn with_streams(args: &[&str], stdout: Stdio, stderr: Stdio) -> Output {
    crate::common::process()
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .unwrap()
}

fn full() -> Stdio {
    Stdio::from(File::options().write(true).open("/dev/full").unwrap())
}

const RENEW: [&str; 4] = ["renew", "cphims", "--earned", "2025-03-15"];

#[test]
fn a_calendar_goes_into_a_fifo_as_a_stream_and_the_fifo_stays() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("calendar.ics");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            File::open(fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    let output = hi()
        .args(RENEW)
        .arg("--ics")
        .arg(&fifo)
        .arg("--force")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(reader.join().unwrap().starts_with("BEGIN:VCALENDAR"));
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );
}

#[test]
fn a_symlinked_calendar_is_updated_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ics");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let output = hi()
        .args(RENEW)
        .arg("--ics")
        .arg(&link)
        .arg("--force")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
}

#[test]
fn a_dash_prints_the_calendar_and_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = hi()
        .current_dir(dir.path())
        .args(RENEW)
        .args(["--ics", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.starts_with("BEGIN:VCALENDAR") && out.ends_with("END:VCALENDAR\r\n"),
        "the calendar alone"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file named -"
    );
    let output = hi()
        .args(RENEW)
        .arg("--ics")
        .arg(dir.path())
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a directory"));
}

#[test]
fn new_files_follow_the_umask_and_the_profile_stays_private() {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("c.ics");
    // The umask of the tests' process is inherited; the file gets 0666 without its bits.
    let output = hi().args(RENEW).arg("--ics").arg(&ics).output().unwrap();
    assert!(output.status.success());
    let mode = fs::metadata(&ics).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o600, 0o600);
    assert_ne!(
        mode, 0o600,
        "not private unless the umask says so: {mode:o}"
    );
    let export = dir.path().join("copy");
    assert!(
        hi().args(["data", "export"])
            .arg(&export)
            .output()
            .unwrap()
            .status
            .success()
    );
    let mode = fs::metadata(export.join("roles.toml"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_ne!(mode, 0o600, "{mode:o}");
}

#[test]
fn full_and_closed_streams_never_abort() {
    // A stdout that cannot be written is a failure, even for --version.
    let output = with_streams(&["--version"], full(), Stdio::piped());
    assert_eq!(output.status.code(), Some(1));
    for args in [&["roles"][..], &["certs", "--json"]] {
        let output = with_streams(args, full(), Stdio::piped());
        assert_eq!(output.status.code(), Some(1));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.starts_with("hi: cannot write to stdout: "), "{err}");
    }
    // A stderr that cannot be written ends with the status it would have had.
    let output = with_streams(&["certs", "nope"], Stdio::piped(), full());
    assert_eq!(output.status.code(), Some(1));
    let output = with_streams(&["data", "check"], Stdio::piped(), full());
    assert_eq!(output.status.code(), Some(0));
    let output = with_streams(&["roles", "--no-such-flag"], Stdio::piped(), full());
    assert_eq!(output.status.code(), Some(2));
    // A closed stderr too.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = with_streams(&["certs", "nope"], Stdio::piped(), Stdio::from(writer));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn nothing_typed_reaches_the_terminal_raw_and_a_message_stays_one_line() {
    for id in [
        "\u{1b}]52;c;aGk=\u{7}cphims",
        "\u{1b}[2Jcphims",
        "cphims\nhi: forged",
        "a\u{202e}gpj",
    ] {
        let (code, out, err) = run(&["certs", id]);
        assert_eq!(code, 1);
        assert!(out.is_empty());
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{202e}'),
            "{err:?}"
        );
        assert_eq!(err.lines().count(), 1, "{err:?}");
    }
    let (code, _, err) = run(&[
        "roles",
        "--data-dir",
        "/nonexistent/\u{1b}[31mred\nhi: forged",
    ]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn usage_errors_exit_2_on_one_line() {
    let cases: [&[&str]; 12] = [
        &["roles", "--no-such-flag"],
        &["roles", "--fields", "id,id"],
        &["eligible", "--experience-years", "-1"],
        &["cost", "rhia", "--years", "-3"],
        &["rols"],
        &["cost", "rhia", "--member", "--non-member"],
        &["gap"],
        &["cost", "rhia", "--years", "0"],
        &["certs", "--json", "--fields", "id,price"],
        &["renew", "rhia", "--earned", "2025-13-01"],
        &[
            "eligible",
            "--experience-years",
            "1",
            "--healthcare-years",
            "2",
        ],
        &["compare", "rhia", "RHIA"],
    ];
    for args in cases {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(
            err.starts_with("hi: ") && err.lines().count() == 1,
            "{args:?}: {err:?}"
        );
    }
    // clap's tip survives on the line, and so does the argument it says is missing.
    let (_, _, err) = run(&["rols"]);
    assert!(err.contains("roles"), "{err}");
    let (_, _, err) = run(&["gap"]);
    assert!(err.contains("--role"), "{err}");
    // A negative number is a value out of range, not an unknown option.
    let (_, _, err) = run(&["eligible", "--experience-years", "-1"]);
    assert!(
        err.contains("invalid value '-1' for '--experience-years"),
        "{err}"
    );
}

#[test]
fn an_empty_variable_counts_as_unset_and_an_export_takes_the_data_dir() {
    let output = crate::common::builtin()
        .env("HI_DATA_DIR", "")
        .args(["roles", "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mine = data_copy();
    let roles = mine.path().join("roles.toml");
    let text = fs::read_to_string(&roles)
        .unwrap()
        .replace("Health information analyst", "My own analyst");
    fs::write(&roles, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let copy = out.path().join("copy");
    let output = hi()
        .arg("--data-dir")
        .arg(mine.path())
        .args(["data", "export"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        fs::read_to_string(copy.join("roles.toml"))
            .unwrap()
            .contains("My own analyst")
    );
}

#[test]
fn suggestions_stay_quiet_for_empty_or_one_letter_ids() {
    for id in ["", "x"] {
        let (code, _, err) = run(&["certs", id]);
        assert_eq!(code, 1);
        assert!(!err.contains("did you mean"), "{id:?}: {err}");
        assert!(err.contains("`hi certs` lists them all"), "{err}");
    }
}

#[test]
fn a_credential_requiring_itself_fails_the_check() {
    let dir = data_copy();
    let path = dir.path().join("certifications.toml");
    let text = fs::read_to_string(&path).unwrap();
    // CHPS's third route asks for CCA, CCS or RHIT: make it ask for CHPS itself.
    let changed = text.replacen(
        "credentials = [\"cca\", \"ccs\", \"rhit\"]",
        "credentials = [\"chps\"]",
        1,
    );
    assert_ne!(changed, text);
    fs::write(&path, &changed).unwrap();
    let output = hi()
        .args(["data", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("`chps`: field `eligibility[2].credentials`: a route cannot require the credential itself"), "{out}");
}

#[test]
fn pathological_files_are_refused_fast_and_bounded() {
    let dir = data_copy();
    let check = || {
        hi().args(["data", "check"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    // 600 KB of tiny keys and no record header: refused before it is parsed.
    let tiny: String = (0..60_000).map(|i| format!("k{i}=1\n")).collect();
    fs::write(dir.path().join("skills.toml"), tiny).unwrap();
    let output = check();
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        out.contains("more than the 256 KiB a record may take"),
        "{out}"
    );
    // Deep nesting is a parse error, not a crash.
    fs::write(
        dir.path().join("skills.toml"),
        format!("a = {}{}\n", "[".repeat(50_000), "]".repeat(50_000)),
    )
    .unwrap();
    let output = check();
    assert_eq!(output.status.code(), Some(1));
    // Many bad records: the first hundred are listed, the rest counted.
    let bad: String = (0..300)
        .map(|i| format!("[[skill]]\nid = \"s{i}\"\nname = \"n\"\n"))
        .collect();
    fs::write(dir.path().join("skills.toml"), bad).unwrap();
    let output = check();
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("200 more problems in this file are not listed"),
        "{out}"
    );
}

#[test]
fn a_zero_or_narrow_terminal_width_still_gives_readable_tables() {
    for columns in ["0", "5"] {
        let output = hi()
            .env("COLUMNS", columns)
            .args(["certs", "--format", "table"])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            out.contains("cphims") && out.contains("Non-member"),
            "whole words at COLUMNS={columns}:\n{out}"
        );
    }
}

#[test]
fn an_interrupted_export_leaves_nothing_behind() {
    let parent = tempfile::tempdir().unwrap();
    for i in 0..20u64 {
        let dir = parent.path().join(format!("copy{i}"));
        let mut export = builtin_process();
        export.args(["data", "export"]).arg(&dir);
        crate::common::interrupt(export, std::time::Duration::from_micros(i * 200));
        // The export is whole or absent; no temporary folder is left.
        if dir.exists() {
            assert_eq!(fs::read_dir(&dir).unwrap().count(), hi::load::FILES.len());
        }
    }
    let left = crate::common::temporary_left(parent.path());
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn odd_arguments_are_errors_not_crashes() {
    let long = "x".repeat(100_000);
    let (code, _, err) = run(&["certs", &long]);
    assert_eq!(code, 1);
    assert!(
        err.len() < 300,
        "the id is cut in the message: {} bytes",
        err.len()
    );
    let (code, _, _) = run(&["search", &long]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&["sources", "--older-than", "4000000000"]);
    assert_eq!(code, 0);
    // Days outside the data's years are refused before any calendar arithmetic; the latest
    // one allowed, renewed for the most cycles, still computes.
    let (code, _, err) = run(&["renew", "cphims", "--earned", "9999-12-31"]);
    assert_eq!(code, 2);
    assert!(err.contains("outside the years 1900 to 2100"), "{err}");
    let (code, _, _) = run(&[
        "renew",
        "cphims",
        "--earned",
        "2100-12-31",
        "--cycles",
        "50",
    ]);
    assert_eq!(code, 0);
    // An argument that is not UTF-8.
    let output = hi()
        .arg("roles")
        .arg(OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_fifo_in_the_data_directory_is_refused_not_waited_on() {
    let dir = data_copy();
    let path = dir.path().join("paths.toml");
    fs::remove_file(&path).unwrap();
    mkfifo(&path);
    for args in [&["certs"][..], &["data", "check"]] {
        let output = hi()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let said =
            String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains("paths.toml") && said.contains("not a regular file"),
            "{args:?}: {said}"
        );
    }
}

#[test]
fn the_profile_must_be_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("profile.toml");
    mkfifo(&fifo);
    let output = hi()
        .arg("--profile")
        .arg(&fifo)
        .args(["profile", "set", "--rn"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));
    // Reading does not wait for a writer either: the FIFO is refused before it is opened.
    for args in [&["profile"][..], &["status"]] {
        let output = hi()
            .arg("--profile")
            .arg(&fifo)
            .args(args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));
    }
    let output = hi()
        .arg("--profile")
        .arg(dir.path())
        .args(["profile", "set", "--rn"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // Escapes logged in a title are kept in the file but never reach the terminal.
    let path = dir.path().join("p.toml");
    let output = hi()
        .arg("--profile")
        .arg(&path)
        .args([
            "ce",
            "add",
            "--date",
            "2026-01-01",
            "--hours",
            "1",
            "--title",
            "\u{1b}[2Jwebinar",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let output = hi()
        .arg("--profile")
        .arg(&path)
        .args(["ce", "list", "--format", "table"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("webinar") && !out.contains('\u{1b}'),
        "{out:?}"
    );
}
