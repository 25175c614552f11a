//! `--fields` takes the names people read and the keys scripts read, in every format, checked
//! against what the command declares rather than what it happens to print.

use serde_json::Value;

use crate::common::{Hi, by_id};

const FORMATS: [&str; 5] = ["table", "plain", "csv", "markdown", "json"];

fn fields(args: &[&str], format: &str) -> String {
    Hi::new()
        .args(args)
        .args(&["--format", format, "--color", "never"])
        .columns(160)
        .ok()
}

#[test]
fn column_names_give_plain_columns_in_every_format() {
    let csv = fields(&["certs", "--fields", "id,member,non-member"], "csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,member,non-member"));
    assert!(csv.lines().any(|l| l == "cphims,$405,$525"), "{csv}");
    assert!(csv.lines().all(|l| l.split(',').count() == 3), "{csv}");
    let json: Value = serde_json::from_str(&fields(
        &["certs", "--fields", "id,Member,NON-MEMBER"],
        "json",
    ))
    .unwrap();
    let cphims = by_id(&json, "cphims");
    let keys: Vec<&String> = cphims.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "member", "non_member"]);
    assert_eq!(cphims["member"], 405);
    assert_eq!(by_id(&json, "cahims")["member"], Value::Null);
    for format in FORMATS {
        let out = fields(&["certs", "--fields", "id,member,non_member"], format);
        assert!(
            out.contains("cphims") && out.contains("405"),
            "{format}: {out}"
        );
    }
}

#[test]
fn a_column_gives_the_text_shown_and_a_key_the_json_value() {
    let plain = fields(
        &["certs", "cphims", "--fields", "Issuer,issuer,Level"],
        "plain",
    );
    assert_eq!(plain, "Issuer\tissuer\tLevel\nHIMSS\thimss\tprofessional\n");
    let json: Value = serde_json::from_str(&fields(
        &["certs", "cphims", "--fields", "id,Issuer"],
        "json",
    ))
    .unwrap();
    assert_eq!(json, serde_json::json!({"id": "cphims", "issuer": "himss"}));
    // Both would print as `issuer` in JSON: refused there, as a usage error.
    Hi::new()
        .args(&["certs", "--json", "--fields", "Issuer,issuer"])
        .fails(2, "`Issuer` and `issuer` both print as `issuer` in JSON");
}

#[test]
fn a_nested_key_spreads_over_its_leaves_in_text() {
    let csv = fields(&["certs", "--fields", "id,fees"], "csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "id");
    for leaf in [
        "fees.member_usd",
        "fees.non_member_usd",
        "fees.as_of",
        "fees.source",
    ] {
        assert!(header.iter().any(|h| h == leaf), "{leaf}: {header:?}");
    }
    assert!(!header.contains(&"fees".to_string()));
    for record in reader.records() {
        assert!(record.unwrap().iter().all(|cell| !cell.starts_with('{')));
    }
    let plain = fields(&["certs", "rhit", "--fields", "eligibility"], "plain");
    assert!(plain.starts_with("eligibility.label\t"), "{plain}");
    assert!(!plain.contains('{') && !plain.contains('['), "{plain}");
}

#[test]
fn provenance_is_a_column_of_its_own_where_marks_cannot_go() {
    let csv = fields(&["certs"], "csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (kind, stale) = (column("fees_source_kind"), column("fees_stale"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cphims = rows.iter().find(|r| &r[0] == "cphims").unwrap();
    assert_eq!((&cphims[kind], &cphims[stale]), ("seed-article", "true"));
    assert!(!csv.contains('†'), "marks are for people: {csv}");
    let markdown = fields(&["certs"], "markdown");
    assert!(markdown.contains("2020 †*") && !markdown.contains("fees_stale"));
    let json: Value = serde_json::from_str(&fields(
        &["certs", "--fields", "id,fees_source_kind,fees_stale"],
        "json",
    ))
    .unwrap();
    assert_eq!(by_id(&json, "cphims")["fees_stale"], true);
    assert_eq!(by_id(&json, "cphims")["fees_source_kind"], "seed-article");
    // A comparison carries the same rows in the formats for programs.
    let compare = fields(&["compare", "cahims", "cphims"], "csv");
    assert!(compare.contains("fees_stale,false,true"), "{compare}");
}

/// Issue 22.8: an empty result takes the same names as a full one.
#[test]
fn fields_work_on_an_empty_result() {
    let profile = tempfile::tempdir().unwrap();
    let empty_log = profile.path().join("profile.toml");
    let cases: [(Vec<&str>, &str); 5] = [
        (vec!["certs", "--max-fee", "0"], "id,member"),
        (vec!["search", "no-such-thing-anywhere"], "id,name"),
        (vec!["sources", "--older-than", "900"], "id,figure"),
        (vec!["ce", "list"], "number,title"),
        (vec!["data", "check"], "file,line"),
    ];
    for (args, names) in cases {
        for format in ["json", "csv"] {
            let out = Hi::new()
                .profile(&empty_log)
                .args(&args)
                .args(&["--fields", names, "--format", format])
                .ok();
            match format {
                "json" => assert_eq!(out.trim(), "[]", "{args:?}"),
                _ => assert_eq!(out, format!("{names}\r\n"), "{args:?}"),
            }
        }
        let err = Hi::new()
            .profile(&empty_log)
            .args(&args)
            .args(&["--fields", "nonsense"])
            .fails(
                2,
                "unknown field `nonsense` for --fields: valid fields are ",
            );
        assert!(!err.trim_end().ends_with("are"), "{err}");
    }
}

#[test]
fn help_lists_the_field_names() {
    let help = Hi::new().args(&["certs", "--help"]).ok();
    let fields = help
        .split("Fields (for --fields")
        .nth(1)
        .expect("a field list");
    for name in [
        "Member",
        "Non-member",
        "fees_source_kind",
        "full_name",
        "renewal",
    ] {
        assert!(fields.contains(name), "{name}: {fields}");
    }
    let short = Hi::new().args(&["certs", "-h"]).ok();
    assert!(short.contains("Examples:"));
}

/// The keys declared by hand for the outputs that are not catalog records are the keys their
/// JSON has: a field added to one of those types fails here until its list follows.
#[test]
fn declared_keys_are_the_keys_printed() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    let with_profile = |args: &[&str]| Hi::new().profile(&profile).args(args);
    with_profile(&["profile", "add", "rhia", "--earned", "2025-06-15"]).ok();
    with_profile(&[
        "ce",
        "add",
        "--date",
        "2026-01-10",
        "--hours",
        "1",
        "--title",
        "A",
    ])
    .ok();
    let cases: [(&[&str], &[&str]); 5] = [
        (&["search", "hipaa"], hi::cmd::search::KEYS),
        (
            &["eligible", "--education", "bachelor"],
            hi::cmd::eligible::KEYS,
        ),
        (&["status"], hi::cmd::status::KEYS),
        (&["ce", "list"], hi::cmd::ce::KEYS),
        (
            &["sources", "--older-than", "1"],
            hi::cmd::sources::CITATION_KEYS,
        ),
    ];
    for (args, declared) in cases {
        let json = with_profile(args).json();
        let first = json.as_array().and_then(|a| a.first()).expect("a record");
        let keys: Vec<&str> = first
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, declared, "{args:?}");
    }
}
