//! Wrong input: clear messages, the right exit codes, no panics; a closed pipe ends quietly.

use std::fs;
use std::process::Stdio;

use crate::common::{Hi, KINDS, builtin_process, data_copy, hi, run};

#[test]
fn unknown_id_suggests_the_closest() {
    let err = Hi::new()
        .args(&["certs", "cphimz"])
        .fails(1, "did you mean");
    assert_eq!(
        err,
        "hi: unknown certification `cphimz`: did you mean `cphims`?\n"
    );
}

#[test]
fn id_of_another_kind_points_to_its_command() {
    Hi::new().args(&["roles", "rhit"]).fails(
        1,
        "`rhit` is not a role; it is a certification: try `hi certs rhit`",
    );
}

#[test]
fn far_off_id_lists_where_to_look() {
    Hi::new().args(&["orgs", "qqqqqqqqqq"]).fails(
        1,
        "unknown organization `qqqqqqqqqq`: `hi orgs` lists them all",
    );
}

#[test]
fn compare_refuses_a_mix_of_kinds() {
    let compare = |x: &str| Hi::new().args(&["compare", "cphims", x]);
    compare("analyst").fails(
        2,
        "cannot compare a certification (`cphims`) with a role (`analyst`)",
    );
    compare("sql").fails(2, "`sql` is a skill: compare takes certifications or roles");
    compare("rhiaa").fails(1, "did you mean `rhia`?");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["compare", "cphims"]).0, 2);
    assert_eq!(run(&["certs", "--level", "wizard"]).0, 2);
    assert_eq!(run(&["no-such-command"]).0, 2);
    assert_eq!(run(&["roles", "--json", "--format", "plain"]).0, 2);
}

#[test]
fn empty_search_is_an_error() {
    let (code, _, err) = run(&["search", "  "]);
    assert_eq!(code, 2);
    assert!(err.starts_with("hi: nothing to search for"), "{err}");
}

#[test]
fn missing_data_dir_is_a_clear_error() {
    let (code, out, err) = run(&["roles", "--data-dir", "/nonexistent/hi-data"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with("hi: cannot read data directory /nonexistent/hi-data: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn data_dir_from_the_environment() {
    let output = hi()
        .env("HI_DATA_DIR", "/nonexistent/env-dir")
        .arg("roles")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/env-dir"));
}

#[test]
fn data_dir_with_an_updated_fee_is_used() {
    let dir = data_copy();
    let path = dir.path().join("certifications.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("member_usd = 405", "member_usd = 410")).unwrap();
    let output = hi()
        .args(["certs", "cphims", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let cert: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(cert["fees"]["member_usd"], 410);
    assert_eq!(cert["fees"]["member_saving_usd"], 115);
}

#[test]
fn bad_data_names_file_line_column_and_field() {
    let dir = data_copy();
    let path = dir.path().join("roles.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("skills = [\"sql\"", "skills = [\"sqll\"", 1),
    )
    .unwrap();
    let output = hi()
        .arg("roles")
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    let line = text
        .lines()
        .position(|l| l.starts_with("skills = [\"sql\""))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "roles.toml:{line}:11: `analyst`: field `skills[0]`: unknown skill `sqll`"
        )),
        "{err}"
    );
}

#[test]
fn toml_syntax_error_names_the_place() {
    let dir = data_copy();
    fs::write(
        dir.path().join("paths.toml"),
        "[[path]]\nid = \"x\"\nname = \n",
    )
    .unwrap();
    let output = hi()
        .arg("paths")
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("paths.toml:3:"), "{err}");
}

#[test]
fn unknown_field_is_an_error() {
    let dir = data_copy();
    let path = dir.path().join("organizations.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("url = ", "website = ", 1)).unwrap();
    let output = hi()
        .arg("orgs")
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("organizations.toml:") && err.contains("unknown field `website`"),
        "{err}"
    );
}

#[test]
fn duplicate_id_is_an_error() {
    let dir = data_copy();
    let path = dir.path().join("skills.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("id = \"python\"", "id = \"r\"", 1)).unwrap();
    let (code, err) = {
        let output = hi()
            .args(["data", "check"])
            .arg(dir.path())
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    assert_eq!(code, Some(1));
    let line = text.lines().position(|l| l == "id = \"python\"").unwrap() + 1;
    assert!(
        err.contains(&format!(
            "skills.toml:{line}:6: field `id`: duplicate skill id `r`"
        )),
        "{err}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_for_every_command_and_format() {
    let mut commands: Vec<Vec<&str>> = Vec::new();
    for (command, id) in KINDS {
        commands.push(vec![command]);
        commands.push(vec![command, id]);
    }
    commands.extend([
        vec!["compare", "rhit", "rhia"],
        vec!["search", "data"],
        // With the facts given: what is assumed is said on stderr, which this test keeps empty.
        vec![
            "eligible",
            "--education",
            "bachelor",
            "--experience-years",
            "2",
        ],
        vec!["cost", "rhit", "rhia", "--years", "6"],
        vec!["renew", "rhia", "--earned", "2024-02-29"],
        vec!["gap", "--role", "analyst"],
        vec![
            "plan",
            "--role",
            "analyst",
            "--education",
            "bachelor",
            "--experience-years",
            "2",
        ],
        vec!["sources", "--older-than", "1"],
        vec!["data", "check"],
        vec!["about"],
    ]);
    for args in &commands {
        for format in ["table", "plain", "json", "csv", "markdown"] {
            // The reading end is closed before hi writes a byte, so every write fails (EPIPE).
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            let output = builtin_process()
                .args(args)
                .args(["--format", format])
                .stdout(Stdio::from(writer))
                .stderr(Stdio::piped())
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{args:?} {format}");
            assert!(
                output.stderr.is_empty() || output.stderr.starts_with(b"hi: no problems"),
                "{args:?} {format}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    for args in [["completions", "bash"], ["man", "--color=never"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = builtin_process()
            .args(args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

/// Renewal rules that contradict themselves are data errors, not silent surprises: a
/// credential replacing itself, two replacing each other, a part asking more than the whole.
#[test]
fn contradictory_renewal_rules_fail_the_data_check() {
    let cases = [
        (
            "organizations.toml",
            r#"{ credential = "rhia", replaces = "rhit""#,
            r#"{ credential = "rhia", replaces = "rhia""#,
            "credentials that replace each other (rhia → rhia)",
        ),
        (
            "organizations.toml",
            r#"replacements = [{ credential = "rhia", replaces = "rhit", source = "ahima-recertification" }]"#,
            r#"replacements = [{ credential = "rhia", replaces = "rhit", source = "ahima-recertification" }, { credential = "rhit", replaces = "rhia", source = "ahima-recertification" }]"#,
            "(rhia → rhit → rhia)",
        ),
        (
            "certifications.toml",
            "ethics_hours = 2",
            "ethics_hours = 200",
            "200 hours of a cycle's 45 CE hours cannot be asked of a part",
        ),
    ];
    for (file, from, to, needle) in cases {
        let dir = data_copy();
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let ran = Hi::new()
            .args(&["data", "check"])
            .arg_path(dir.path())
            .run();
        assert_eq!(ran.code, 1, "{needle}: {}", ran.stderr);
        assert!(ran.stdout.contains(needle), "{needle}: {}", ran.stdout);
    }
}

/// A name with control characters fails `hi data check` but not the commands that show it,
/// which show it escaped.
#[test]
fn control_characters_in_names_fail_the_check_only() {
    let dir = data_copy();
    let path = dir.path().join("roles.toml");
    let text = fs::read_to_string(&path).unwrap();
    let hostile = text.replacen(
        "name = \"Health information analyst\"",
        "name = \"Health information analyst\\u001b]0;owned\\u0007\\r\"",
        1,
    );
    assert_ne!(hostile, text);
    fs::write(&path, hostile).unwrap();
    let check = Hi::new()
        .args(&["data", "check"])
        .arg_path(dir.path())
        .run();
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .contains("`analyst`: its name holds a control character"),
        "{}",
        check.stdout
    );
    let shown = Hi::new()
        .env("HI_DATA_DIR", dir.path())
        .args(&["roles", "analyst", "--format", "plain"])
        .ok();
    assert!(
        shown.starts_with("Title\tHealth information analyst (analyst)"),
        "{shown}"
    );
    assert!(!shown.contains('\u{1b}') && !shown.contains('\r'));
}
