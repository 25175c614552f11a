//! csv, markdown, --fields, colour rules, completions and the man page.

use std::process::Command as StdCommand;

use crate::common::{hi, json, run};

#[test]
fn csv_is_rfc_4180_and_parses() {
    let (code, out, _) = run(&["certs", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.contains("\r\n") && !out.replace("\r\n", "").contains('\n'));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "ID");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json(&["certs"]).as_array().unwrap().len());
    let cphims = rows.iter().find(|r| &r[0] == "cphims").unwrap();
    assert!(cphims.iter().any(|c| c == "$525"));
    // A cell with a comma is quoted, not split.
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn csv_and_markdown_for_compare_details_and_decisions() {
    for args in [
        vec!["compare", "cahims", "cphims"],
        vec!["certs", "rhia"],
        vec!["eligible", "--education", "bachelor"],
        vec!["cost", "rhit", "--years", "4"],
        vec!["renew", "rhia", "--earned", "2025-06-30"],
        vec!["gap", "--role", "analyst"],
        vec!["plan", "--role", "analyst"],
        vec!["search", "hipaa"],
    ] {
        let (code, out, err) = run(&[&args[..], &["--format", "csv"]].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
        let width = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width, "{args:?}");
        }
        let (code, out, _) = run(&[&args[..], &["--format", "markdown"]].concat());
        assert_eq!(code, 0, "{args:?}");
        assert!(
            out.lines().any(|l| l.starts_with("|---|")),
            "{args:?}: {out}"
        );
        assert!(
            out.lines()
                .filter(|l| l.starts_with('|'))
                .all(|l| l.ends_with('|'))
        );
    }
}

#[test]
fn markdown_escapes_pipes_and_newlines() {
    let (_, out, _) = run(&["compare", "rhit", "rhia", "--format", "markdown"]);
    let routes = out
        .lines()
        .find(|l| l.starts_with("| Eligibility routes |"))
        .unwrap();
    assert!(routes.contains("<br>"), "{routes}");
    assert_eq!(routes.matches(" | ").count(), 2, "three cells: {routes}");
}

#[test]
fn fields_choose_and_order_json_keys() {
    let certs = json(&["certs", "--fields", "id,fees"]);
    for cert in certs.as_array().unwrap() {
        let keys: Vec<&String> = cert.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "fees"]);
    }
    let one = json(&["certs", "cphims", "--fields", "renewal,id"]);
    let keys: Vec<&String> = one.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["renewal", "id"]);
}

#[test]
fn fields_work_in_csv_plain_and_markdown() {
    let (_, out, _) = run(&["certs", "--format", "plain", "--fields", "name,issuer"]);
    assert_eq!(out.lines().next(), Some("name\tissuer"));
    assert!(out.lines().any(|l| l == "CPHIMS\thimss"));
    let (_, out, _) = run(&[
        "salaries",
        "--format",
        "csv",
        "--fields",
        "id,amount_cents,period",
    ]);
    assert!(
        out.contains("payscale-median-hourly,2398,hour\r\n"),
        "{out}"
    );
    let (_, out, _) = run(&["roles", "--format", "markdown", "--fields", "id,skills"]);
    assert!(out.starts_with("| id | skills |\n|---|---|\n"), "{out}");
}

#[test]
fn unknown_field_lists_the_valid_ones() {
    let (code, out, err) = run(&["certs", "--json", "--fields", "id,price"]);
    // A bad --fields is a usage error.
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with(
            "hi: unknown field `price` for --fields: valid fields are id, name, full_name, former_ids, former_names, issuer"
        ),
        "{err}"
    );
}

fn has_escapes(text: &str) -> bool {
    text.contains('\u{1b}')
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let table = |envs: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = hi();
        cmd.args(["eligible", "--education", "bachelor", "--format", "table"])
            .args(extra);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    // Piped (as in every test) and auto: no colour.
    assert!(!has_escapes(&table(&[], &[])));
    assert!(has_escapes(&table(&[], &["--color", "always"])));
    assert!(!has_escapes(&table(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never"]
    )));
    assert!(has_escapes(&table(&[("CLICOLOR_FORCE", "1")], &[])));
    assert!(!has_escapes(&table(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    )));
    // Colour is for people: plain and JSON never carry it, even when forced.
    let (_, plain, _) = run(&["eligible", "--education", "bachelor", "--color", "always"]);
    assert!(!has_escapes(&plain));
    let (_, json, _) = run(&["certs", "--json", "--color", "always"]);
    assert!(!has_escapes(&json));
}

#[test]
fn stderr_colour_is_decided_on_its_own() {
    let output = hi()
        .args(["certs", "nope", "--color", "always"])
        .output()
        .unwrap();
    assert!(has_escapes(&String::from_utf8_lossy(&output.stderr)));
    let output = hi()
        .args(["certs", "nope"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!has_escapes(&String::from_utf8_lossy(&output.stderr)));
}

#[test]
fn bars_appear_in_tables_only() {
    let (_, table, _) = run(&["cost", "rhit", "--years", "4", "--format", "table"]);
    assert!(table.contains('█'), "{table}");
    let (_, plain, _) = run(&["cost", "rhit", "--years", "4"]);
    assert!(!plain.contains('█'));
    let (_, table, _) = run(&["salaries", "--format", "table"]);
    assert!(table.contains("Annual, to") && table.contains('█'));
}

#[test]
fn completions_load_in_bash() {
    let (code, script, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(script.contains("complete -F"));
    let Ok(output) = StdCommand::new("bash")
        .args(["--norc", "-c", "source /dev/stdin && complete -p hi"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes())?;
            child.wait_with_output()
        })
    else {
        return; // no bash on this machine: the script's text was checked above
    };
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("-F _hi hi"));
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(out.contains("certs"), "{shell}");
    }
}

#[test]
fn man_page_is_roff() {
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH hi 1"), "{out}");
    assert!(
        out.contains(".SH SUBCOMMANDS") && out.contains("hi\\-compare"),
        "{out}"
    );
    assert!(out.contains("compare"));
}

/// Every command's help starts with its own description, however its arguments are built
/// (deferred, flattened).
#[test]
fn every_subcommand_help_starts_with_its_own_description() {
    use clap::CommandFactory;
    fn walk(
        command: &clap::Command,
        path: &mut Vec<String>,
        found: &mut Vec<(Vec<String>, String)>,
    ) {
        for sub in command.get_subcommands() {
            path.push(sub.get_name().to_string());
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            found.push((path.clone(), about));
            walk(sub, path, found);
            path.pop();
        }
    }
    let mut found = Vec::new();
    walk(&hi::cli::Cli::command(), &mut Vec::new(), &mut found);
    assert!(found.len() > 25, "{}", found.len());
    for (path, about) in found {
        assert!(!about.is_empty(), "{path:?} has no description");
        let output = crate::common::hi()
            .args(&path)
            .arg("--help")
            .output()
            .unwrap();
        let help = String::from_utf8(output.stdout).unwrap();
        let first: String = help
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(first, about, "hi {} --help", path.join(" "));
    }
}

/// The options every command takes work before its name and after it; after it wins.
#[test]
fn options_work_before_and_after_the_command() {
    for args in [
        vec!["--json", "certs", "cphims"],
        vec!["certs", "cphims", "--json"],
        vec!["--format", "csv", "certs", "cphims", "--json"],
        vec!["--json", "profile", "--profile", "/nonexistent/p.toml"],
        vec!["ce", "list", "--json", "--profile", "/nonexistent/p.toml"],
    ] {
        let output = crate::common::hi().args(&args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let _: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    }
    let (code, out, _) = crate::common::run(&["--fields", "id", "certs", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("id\r\ncahims\r\n"), "{out}");
}
