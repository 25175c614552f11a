//! The CE log as issuers audit it: each activity logged as its certificate states it and
//! credited by its issuer's rules, categories, proof kept with each activity, activities that
//! do not count and why, and the audit pack of one cycle.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::{Hi, data_copy, process};

/// A holder's own folder: a profile and the certificates beside it.
struct Holder {
    dir: tempfile::TempDir,
    data: Option<tempfile::TempDir>,
}

impl Holder {
    fn new() -> Holder {
        Holder {
            dir: tempfile::tempdir().unwrap(),
            data: None,
        }
    }

    /// A holder on the fixture catalog with `extra` appended to its files.
    fn with_data(extra: &[(&str, &str)]) -> Holder {
        let data = data_copy();
        for (file, text) in extra {
            let path = data.path().join(file);
            let old = fs::read_to_string(&path).unwrap();
            fs::write(&path, old + text).unwrap();
        }
        Holder {
            data: Some(data),
            ..Holder::new()
        }
    }

    fn profile(&self) -> PathBuf {
        self.dir.path().join("profile.toml")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn hi(&self, args: &[&str]) -> Hi {
        let hi = Hi::new().profile(&self.profile()).args(args);
        match &self.data {
            Some(data) => hi.env("HI_DATA_DIR", data.path()),
            None => hi,
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        self.hi(args).ok()
    }

    fn json(&self, args: &[&str]) -> Value {
        self.hi(args).json()
    }

    /// `hi ce add --date DATE --title TITLE` with `more`.
    fn add(&self, date: &str, title: &str, more: &[&str]) {
        let args = [&["ce", "add", "--date", date, "--title", title][..], more].concat();
        self.ok(&args);
    }

    /// A certificate file with `text` in it.
    fn certificate(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).unwrap();
        path
    }
}

/// The status of credential `id`.
fn status_of(holder: &Holder, id: &str) -> Value {
    let all = holder.json(&["status"]);
    crate::common::by_id(&all, id).clone()
}

/// The requirement of `status` named `name` (or of category `name`).
fn requirement<'a>(status: &'a Value, name: &str) -> &'a Value {
    status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name || r["category"] == name)
        .unwrap_or_else(|| panic!("no requirement {name}: {status}"))
}

const CCB: [(&str, &str); 3] = [
    (
        "organizations.toml",
        r#"
[[organization]]
id = "ccb"
name = "CCB"
full_name = "Compliance Certification Board"
description = "A certifying board."
url = "https://www.compliancecertification.org"
sources = ["ccb-test"]

[organization.ce]
unit = "ceu"
length = { minutes = 50, source = "ccb-test" }
categories = [{ id = "live", name = "Live events", min_units = 20, source = "ccb-test" }]
source = "ccb-test"
"#,
    ),
    (
        "certifications.toml",
        r#"
[[certification]]
id = "chpc"
name = "CHPC"
full_name = "Certified in Healthcare Privacy Compliance"
issuer = "ccb"
level = "specialty"
tracks = ["privacy-security"]
description = "A privacy credential."
sources = ["ccb-test"]

[certification.renewal]
cycle_years = 2
cycle_end = "anniversary"
ce_hours = 40
source = "ccb-test"
"#,
    ),
    (
        "sources.toml",
        r#"
[[source]]
id = "ccb-test"
title = "CCB rules, as the tests read them"
publisher = "CCB"
url = "https://www.compliancecertification.org"
kind = "issuer"
retrieved = "2026-12-06"
"#,
    ),
];

#[test]
fn each_issuer_credits_an_activity_in_its_own_unit() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    holder.ok(&["profile", "add", "cphims", "--earned", "2025-03-15"]);
    holder.ok(&["profile", "add", "achip", "--earned", "2025-03-01"]);
    // AHIMA: a part of an hour earns a CEU only from 45 minutes.
    holder.add(
        "2026-01-10",
        "Short of 45",
        &["--minutes", "164", "--cert", "rhia"],
    );
    holder.add(
        "2026-01-11",
        "45 exactly",
        &["--minutes", "165", "--cert", "rhia"],
    );
    assert_eq!(status_of(&holder, "rhia")["done_hours"], 5);
    // HIMSS: 5 CE hours for each academic credit; hours as they are.
    holder.add(
        "2026-02-01",
        "Course",
        &["--credits", "3", "--cert", "cphims"],
    );
    holder.add(
        "2026-02-02",
        "Webinar",
        &["--hours", "1.25", "--cert", "cphims"],
    );
    let cphims = status_of(&holder, "cphims");
    assert_eq!(
        (cphims["done_hours"].as_f64(), cphims["ce_unit"].as_str()),
        (Some(16.25), Some("hour"))
    );
    // AMIA counts PDUs and states no length for one: hours earn an unknown number.
    holder.add("2026-03-01", "Hours", &["--hours", "2", "--cert", "achip"]);
    holder.add("2026-03-02", "PDUs", &["--pdus", "4.5", "--cert", "achip"]);
    let ahic = status_of(&holder, "achip");
    assert_eq!(
        (ahic["done_hours"].as_f64(), ahic["ce_unit"].as_str()),
        (Some(4.5), Some("pdu"))
    );
    let notes = ahic["notes"].to_string();
    assert!(
        notes.contains("activity 5 (2026-03-01, 2 hours) not counted"),
        "{notes}"
    );
    let listed = holder.json(&["ce", "list", "--cert", "achip"]);
    let credit = &listed[0]["credits"][0];
    assert_eq!(
        (credit["credited"].clone(), credit["counted"].as_bool()),
        (Value::Null, Some(false))
    );
    assert!(
        credit["why"]
            .as_str()
            .unwrap()
            .contains("AMIA does not say how long")
    );
}

#[test]
fn ccb_gives_a_ceu_for_every_50_minutes_and_says_what_it_cannot_count() {
    let holder = Holder::with_data(&CCB);
    holder.ok(&["profile", "add", "chpc", "--earned", "2025-05-01"]);
    holder.add(
        "2026-01-10",
        "Two CEUs",
        &["--minutes", "100", "--category", "live"],
    );
    let chpc = status_of(&holder, "chpc");
    assert_eq!(
        (chpc["done_hours"].as_u64(), chpc["ce_unit"].as_str()),
        (Some(2), Some("ceu"))
    );
    let live = requirement(&chpc, "live");
    assert_eq!(
        (live["done_hours"].as_u64(), live["required_hours"].as_u64()),
        (Some(2), Some(20))
    );
    // 75 minutes: one CEU for certain; how CCB counts the 25 left over is not stated.
    holder.add("2026-01-11", "A part", &["--minutes", "75"]);
    let chpc = status_of(&holder, "chpc");
    assert_eq!(chpc["done_hours"], 3);
    let listed = holder.json(&["ce", "list"]);
    let credit = &listed[1]["credits"][0];
    assert_eq!(
        (credit["credited"].as_u64(), credit["exact"].as_bool()),
        (Some(1), Some(false))
    );
    let table = holder.ok(&["ce", "list"]);
    assert!(table.contains("CHPC: at least 1 CEU"), "{table}");
}

#[test]
fn a_category_is_one_the_credentials_rules_know() {
    let holder = Holder::new();
    let add = |more: &[&str]| {
        let args = [
            &[
                "ce",
                "add",
                "--date",
                "2026-01-10",
                "--hours",
                "1",
                "--title",
                "T",
            ][..],
            more,
        ]
        .concat();
        holder.hi(&args)
    };
    add(&["--category", "hiim"]).fails(2, "counts toward no credential yet");
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    holder.ok(&["profile", "add", "cphims", "--earned", "2025-03-15"]);
    let said =
        add(&["--category", "hiin"]).fails(2, "unknown category `hiin`: did you mean `hiim`?");
    assert!(
        said.contains("RHIA has hiim, outside-hiim; CPHIMS has seminar, academic"),
        "{said}"
    );
    add(&["--category", "hiim", "--category", "outside-hiim"])
        .fails(2, "both categories of RHIA's rules");
    // A category of another credential's rules than the one named is refused.
    add(&["--category", "seminar", "--cert", "rhia"]).fails(2, "unknown category `seminar`");
    // One for each issuer's rules, spelt as the data spells them.
    add(&["--category", "HIIM", "--category", "seminar"]).ok();
    let listed = holder.json(&["ce", "list"]);
    assert_eq!(
        listed[0]["categories"],
        serde_json::json!(["hiim", "seminar"])
    );
    // The help offers the categories of the built-in data.
    let help = Hi::new().args(&["ce", "add", "--help"]).ok();
    assert!(
        help.contains("hiim") && help.contains("ways-of-working"),
        "{help}"
    );
}

#[test]
fn a_category_minimum_is_a_requirement_with_its_own_pace() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    holder.add(
        "2025-09-01",
        "In the domains",
        &["--hours", "10", "--category", "hiim"],
    );
    holder.add(
        "2025-10-01",
        "Outside",
        &["--hours", "9", "--category", "outside-hiim"],
    );
    let rhia = status_of(&holder, "rhia");
    // 10 in the domains and 6 of the 9 outside (at most 20 % of 30) count toward the total.
    assert_eq!(rhia["done_hours"], 16);
    let hiim = requirement(&rhia, "hiim");
    assert_eq!(
        (
            hiim["required_hours"].as_u64(),
            hiim["done_hours"].as_u64(),
            hiim["met"].as_bool()
        ),
        (Some(24), Some(10), Some(false))
    );
    assert_eq!(hiim["limit"], "at least 24 (80 % of the total)");
    let outside = requirement(&rhia, "outside-hiim");
    assert_eq!(
        (
            outside["max_hours"].as_u64(),
            outside["done_hours"].as_u64()
        ),
        (Some(6), Some(9))
    );
    // 10 of 24 is behind a pace that asks for 12.9 by now: said as its own attention.
    assert_eq!(hiim["on_pace"], false);
    let check = holder.hi(&["status", "--check"]).run();
    assert_eq!(check.code, 3);
    assert!(
        check
            .stdout
            .contains("behind the pace on HIIM domains: 10 of 24 done"),
        "{}",
        check.stdout
    );
    // Activities logged without a category may be in the domains: then it is not known.
    holder.add("2025-11-01", "No category", &["--hours", "20"]);
    let hiim = requirement(&status_of(&holder, "rhia"), "hiim").clone();
    assert_eq!(
        (hiim["met"].clone(), hiim["on_pace"].clone()),
        (Value::Null, Value::Null)
    );
    let plain = holder.ok(&["status"]);
    assert!(plain.contains("HIIM domains: 10 of 24"), "{plain}");
}

#[test]
fn an_activity_before_the_credential_or_outside_its_cycle_is_not_counted_and_says_why() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2023-06-15"]);
    holder.ok(&["profile", "renew", "rhia", "--on", "2025-06-01"]);
    holder.add("2023-01-10", "Before", &["--hours", "3"]);
    holder.add("2024-02-01", "Last cycle", &["--hours", "4"]);
    holder.add("2025-07-01", "This cycle", &["--hours", "5"]);
    let rhia = status_of(&holder, "rhia");
    assert_eq!(
        (rhia["cycle_start"].as_str(), rhia["done_hours"].as_u64()),
        (Some("2025-06-16"), Some(5))
    );
    let notes = rhia["notes"].to_string();
    assert!(
        notes.contains("1 activity not counted: dated before RHIA was earned (2023-06-15)"),
        "{notes}"
    );
    assert!(
        notes.contains("1 activity not counted: dated before this cycle began (2025-06-16)"),
        "{notes}"
    );
    let listed = holder.json(&["ce", "list"]);
    let why = |i: usize| {
        listed[i]["credits"][0]["why"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        why(0).starts_with("dated before RHIA was earned"),
        "{}",
        why(0)
    );
    assert!(
        why(1).starts_with("dated before this cycle began"),
        "{}",
        why(1)
    );
    assert_eq!(listed[2]["credits"][0]["counted"], true);
    let table = holder.ok(&["ce", "list", "--format", "table", "--color", "never"]);
    assert!(
        table.contains("not counted toward RHIA: dated before RHIA was earned (2023-06-15) (1)"),
        "{table}"
    );
    // Adding one says so at once.
    let ran = holder
        .hi(&[
            "ce",
            "add",
            "--date",
            "2020-01-01",
            "--hours",
            "1",
            "--title",
            "Old",
        ])
        .run();
    assert!(
        ran.stderr
            .contains("activity 4: RHIA: not counted: dated before RHIA was earned"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_proof_is_kept_with_its_hash_and_checked_later() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    let kept = holder.certificate("kept.pdf", "certificate one");
    let changed = holder.certificate("changed.pdf", "certificate two");
    let gone = holder.certificate("gone.pdf", "certificate three");
    for (title, proof) in [("Kept", &kept), ("Changed", &changed), ("Gone", &gone)] {
        holder.add(
            "2026-01-10",
            title,
            &[
                "--hours",
                "1",
                "--proof",
                proof.to_str().unwrap(),
                "--approval",
                "IDX-9",
            ],
        );
    }
    holder.add("2026-01-11", "None", &["--hours", "1"]);
    let shown = holder.json(&["profile"]);
    assert_eq!(
        shown["ce"][0]["proof_sha256"],
        hex(&Sha256::digest("certificate one"))
    );
    assert_eq!(shown["ce"][0]["approval"], "IDX-9");
    assert!(Path::new(shown["ce"][0]["proof"].as_str().unwrap()).is_absolute());
    fs::write(&changed, "certificate two, edited").unwrap();
    fs::remove_file(&gone).unwrap();
    let listed = holder.json(&["ce", "list"]);
    let states: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["proof_state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["ok", "changed", "missing", "none"]);
    let table = holder.ok(&["ce", "list", "--format", "table", "--color", "never"]);
    assert!(
        table.contains("without proof: 4")
            && table.contains("proof changed or gone since it was logged: 2, 3"),
        "{table}"
    );
}

#[test]
fn what_is_not_a_certificate_file_is_refused_as_proof() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    let add = |proof: &Path| {
        holder.hi(&[
            "ce",
            "add",
            "--date",
            "2026-01-10",
            "--hours",
            "1",
            "--title",
            "T",
            "--proof",
            proof.to_str().unwrap(),
        ])
    };
    let fifo = holder.path("fifo");
    assert!(
        StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Refused before it is opened: reading a FIFO would wait for a writer forever.
    add(&fifo).fails(1, "a FIFO, not a regular file");
    add(holder.dir.path()).fails(1, "a directory, not a regular file");
    add(&holder.path("none.pdf")).fails(1, "no such file");
    let huge = holder.path("huge.pdf");
    fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    add(&huge).fails(1, "larger than the 64 MiB a proof may take");
    assert_eq!(
        holder.json(&["ce", "list"]).as_array().unwrap().len(),
        0,
        "nothing was logged"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A row of the pack's `log.csv`, as an auditor's spreadsheet would read it.
#[derive(Debug, Deserialize)]
struct Row {
    number: usize,
    date: String,
    title: String,
    approval: String,
    logged: String,
    credited: String,
    credited_unit: String,
    categories: String,
    proof_file: String,
    proof_sha256_logged: String,
    proof_sha256_now: String,
    proof_state: String,
}

#[test]
fn an_audit_pack_holds_the_cycles_log_its_proofs_and_what_is_missing() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    // 20 activities in the cycle, 18 with a certificate; and one before the credential.
    holder.add("2025-01-10", "Before", &["--hours", "2"]);
    for i in 1..=20u32 {
        let date = format!("2025-{:02}-{:02}", 7 + i % 6, 1 + i);
        let title = format!("Webinar {i}, part \"{i}\"");
        let mut more = vec![
            "--minutes".to_string(),
            "90".into(),
            "--category".into(),
            "hiim".into(),
            "--approval".into(),
            format!("AH-{i}"),
        ];
        if i != 4 && i != 9 {
            let proof = holder.certificate(&format!("cert {i}.pdf"), &format!("certificate {i}"));
            more.extend(["--proof".to_string(), proof.to_str().unwrap().to_string()]);
        }
        let more: Vec<&str> = more.iter().map(String::as_str).collect();
        holder.add(&date, &title, &more);
    }
    // One proof edited since it was logged, one deleted.
    fs::write(holder.path("cert 7.pdf"), "certificate 7, edited").unwrap();
    fs::remove_file(holder.path("cert 12.pdf")).unwrap();
    let pack = holder.path("audit");
    let said = holder.json(&["ce", "export", "--cert", "rhia", pack.to_str().unwrap()]);
    assert_eq!(said["activities"], 20);
    assert_eq!(said["proofs_copied"], 17);
    // Activity numbers: "Before" is 1, so webinar i is i + 1.
    assert_eq!(said["proofs_missing"], serde_json::json!([5, 10, 13]));
    assert_eq!(said["proofs_changed"], serde_json::json!([8]));
    assert_eq!(said["requirements_met"], false);
    // The CSV parses, one row per activity of the cycle, as logged and as credited.
    let mut csv = csv::Reader::from_path(pack.join("log.csv")).unwrap();
    let rows: Vec<Row> = csv.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20);
    let first = &rows[0];
    assert_eq!(
        (first.number, first.title.as_str()),
        (2, "Webinar 1, part \"1\"")
    );
    assert_eq!(
        (
            first.logged.as_str(),
            first.credited.as_str(),
            first.credited_unit.as_str()
        ),
        ("90 minutes", "1", "CEUs")
    );
    assert_eq!(
        (first.approval.as_str(), first.categories.as_str()),
        ("AH-1", "hiim")
    );
    assert!(
        rows.iter()
            .all(|r| r.date.starts_with("2025-") || r.date.starts_with("2026-"))
    );
    // Each copied proof is the file whose hash the log gives; unchanged ones are as logged.
    for row in rows.iter().filter(|r| !r.proof_file.is_empty()) {
        let copy = fs::read(pack.join(&row.proof_file)).unwrap();
        assert_eq!(hex(&Sha256::digest(&copy)), row.proof_sha256_now, "{row:?}");
        if row.proof_state == "ok" {
            assert_eq!(row.proof_sha256_now, row.proof_sha256_logged);
        }
    }
    let changed = rows.iter().find(|r| r.number == 8).unwrap();
    assert_eq!(changed.proof_state, "changed");
    assert_eq!(
        fs::read_to_string(pack.join(&changed.proof_file)).unwrap(),
        "certificate 7, edited"
    );
    assert_ne!(changed.proof_sha256_now, changed.proof_sha256_logged);
    let states: Vec<(usize, &str)> = rows
        .iter()
        .filter(|r| r.proof_state != "ok")
        .map(|r| (r.number, r.proof_state.as_str()))
        .collect();
    assert_eq!(
        states,
        [(5, "none"), (8, "changed"), (10, "none"), (13, "missing")]
    );
    assert_eq!(fs::read_dir(pack.join("proofs")).unwrap().count(), 17);
    // The summary: requirements, missing proofs, the changed one flagged.
    let summary = fs::read_to_string(pack.join("summary.txt")).unwrap();
    for expected in [
        "Audit pack: RHIA",
        "NOT MET  total: 20 of 30 CEUs",
        "activity 5: no proof was logged",
        "activity 10: no proof was logged",
        "activity 13: ",
        "file gone",
        "Changed since logged (copied as they are now)",
        "activity 8 (",
        "1 activity not counted: dated before RHIA was earned",
    ] {
        assert!(
            summary.contains(expected),
            "{expected:?} not in:\n{summary}"
        );
    }
    let log: Value =
        serde_json::from_str(&fs::read_to_string(pack.join("log.json")).unwrap()).unwrap();
    assert_eq!(log["activities"].as_array().unwrap().len(), 20);
    assert_eq!(log["ce_unit"], "ceu");
}

#[test]
fn an_audit_log_opened_in_a_spreadsheet_runs_no_formula() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    let pack = holder.path("empty");
    holder.json(&["ce", "export", "--cert", "rhia", pack.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(pack.join("log.csv")).unwrap(), "");
    let title = "=HYPERLINK(\"http://x\",\"click\")";
    holder.add("2026-01-10", title, &["--hours", "1", "--approval=-inf"]);
    let pack = holder.path("pack");
    holder.json(&["ce", "export", "--cert", "rhia", pack.to_str().unwrap()]);
    let mut csv = csv::Reader::from_path(pack.join("log.csv")).unwrap();
    let rows: Vec<Row> = csv.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows[0].title, format!("'{title}"));
    assert_eq!(rows[0].approval, "'-inf");
    // The JSON log keeps the title as logged.
    let log: Value =
        serde_json::from_str(&fs::read_to_string(pack.join("log.json")).unwrap()).unwrap();
    assert_eq!(log["activities"][0]["title"], title);
}

#[test]
fn an_audit_pack_is_written_whole_and_only_where_it_may_be() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    let proof = holder.certificate("c.pdf", "certificate");
    holder.add(
        "2026-01-10",
        "One",
        &["--hours", "1", "--proof", proof.to_str().unwrap()],
    );
    let pack = holder.path("pack");
    let export = |dir: &Path, more: &[&str]| {
        holder.hi(&[
            &["ce", "export", "--cert", "rhia", dir.to_str().unwrap()][..],
            more,
        ]
        .concat())
    };
    export(&pack, &[]).ok();
    export(&pack, &[]).fails(1, "exists: add --force");
    export(&pack, &["--force"]).ok();
    assert_eq!(fs::read_dir(&pack).unwrap().count(), 4);
    // A folder that is no pack is never replaced, nor one that holds the profile or a proof.
    let other = holder.path("photos");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("holiday.jpg"), "x").unwrap();
    export(&other, &["--force"]).fails(1, "not part of an audit pack");
    assert!(other.join("holiday.jpg").exists());
    export(holder.dir.path(), &["--force"]).fails(1, "holds files hi keeps for you");
    export(&holder.profile(), &["--force"]).fails(1, "holds files hi keeps for you");
    let certs = holder.path("certs");
    fs::create_dir(&certs).unwrap();
    let inside = certs.join("inside.pdf");
    fs::write(&inside, "certificate").unwrap();
    holder.add(
        "2026-01-11",
        "Two",
        &["--hours", "1", "--proof", inside.to_str().unwrap()],
    );
    export(&certs, &["--force"]).fails(1, "holds the proof of activity 2");
    // Which cycle: a credential with none before its current one says so.
    holder
        .hi(&["ce", "export", "--cert", "rhia", "--cycle", "previous", "x"])
        .fails(2, "no earlier cycle");
    holder
        .hi(&[
            "ce",
            "export",
            "--cert",
            "rhia",
            "--cycle",
            "2020-01-01",
            "x",
        ])
        .fails(2, "no cycle of RHIA contains 2020-01-01");
    holder
        .hi(&["ce", "export", "--cert", "rhia", "--cycle", "last", "x"])
        .fails(2, "give current, previous or a date");
    holder
        .hi(&["ce", "export", "--cert", "cphims", "x"])
        .fails(1, "CPHIMS is not in your profile");
    // A folder whose parent is missing is named, not the temporary folder hi would have made.
    let said = export(&holder.path("no/such/pack"), &[]).fails(1, "its folder does not exist");
    assert!(!said.contains(".hi-audit"), "{said}");
    let left: Vec<String> = fs::read_dir(holder.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".hi-audit"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_earlier_cycle_is_exported_with_its_own_activities() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2023-06-15"]);
    holder.add(
        "2024-02-01",
        "First cycle",
        &["--hours", "30", "--category", "hiim"],
    );
    holder.ok(&["profile", "renew", "rhia", "--on", "2025-06-01"]);
    holder.add("2025-09-01", "Second cycle", &["--hours", "2"]);
    let pack = holder.path("first");
    let said = holder.json(&[
        "ce",
        "export",
        "--cert",
        "rhia",
        "--cycle",
        "previous",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(
        (said["cycle"].as_u64(), said["activities"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (said["cycle_start"].as_str(), said["cycle_end"].as_str()),
        (Some("2023-06-15"), Some("2025-06-15"))
    );
    let by_date = holder.json(&[
        "ce",
        "export",
        "--cert",
        "rhia",
        "--cycle",
        "2025-09-01",
        holder.path("second").to_str().unwrap(),
    ]);
    assert_eq!(
        (by_date["cycle"].as_u64(), by_date["activities"].as_u64()),
        (Some(2), Some(1))
    );
    let summary = fs::read_to_string(pack.join("summary.txt")).unwrap();
    let total = summary.lines().find(|l| l.contains("total: ")).unwrap();
    assert!(
        total.trim_start().starts_with("met ") && total.ends_with("total: 30 of 30 CEUs"),
        "{summary}"
    );
}

#[test]
fn an_interrupted_audit_pack_leaves_nothing_behind() {
    let holder = Holder::new();
    holder.ok(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    for i in 0..30 {
        let proof = holder.certificate(&format!("c{i}.pdf"), &"x".repeat(200_000));
        holder.add(
            "2026-01-10",
            "T",
            &["--hours", "1", "--proof", proof.to_str().unwrap()],
        );
    }
    for i in 0..15u64 {
        let dir = holder.path(&format!("pack{i}"));
        let mut export = process();
        export
            .env("HI_PROFILE", holder.profile())
            .args(["ce", "export", "--cert", "rhia"])
            .arg(&dir);
        crate::common::interrupt(export, std::time::Duration::from_micros(i * 500));
        if dir.exists() {
            assert_eq!(
                fs::read_dir(dir.join("proofs")).unwrap().count(),
                30,
                "whole or absent"
            );
        }
    }
    let left = crate::common::temporary_left(holder.dir.path());
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_profile_of_the_previous_format_reads_unchanged_and_says_what_lacks_proof() {
    let holder = Holder::new();
    let before = "\
# written by hi before proofs were kept
format = 2

[[credential]]
id = \"rhia\"
earned = \"2025-06-15\"

[[ce]]
date = \"2026-01-10\"
hours = 2.75
title = \"Webinar\"
provider = \"AHIMA\"
from = [\"ahima\"]
";
    fs::write(holder.profile(), before).unwrap();
    let listed = holder.json(&["ce", "list"]);
    assert_eq!(
        (
            listed[0]["hours"].as_f64(),
            listed[0]["proof_state"].as_str()
        ),
        (Some(2.75), Some("none"))
    );
    let table = holder.ok(&["ce", "list", "--format", "table", "--color", "never"]);
    assert!(table.contains("without proof: 1"), "{table}");
    assert_eq!(status_of(&holder, "rhia")["done_hours"], 3);
    assert_eq!(
        fs::read_to_string(holder.profile()).unwrap(),
        before,
        "reading changes nothing"
    );
    // A change writes the format that says what the file now holds, keeping the rest.
    holder.add("2026-02-01", "Second", &["--minutes", "50"]);
    let after = fs::read_to_string(holder.profile()).unwrap();
    assert!(
        after.contains("format = 3") && after.contains("# written by hi before proofs were kept"),
        "{after}"
    );
    assert!(
        after.contains("hours = 2.75") && after.contains("minutes = 50"),
        "{after}"
    );
}

#[test]
fn a_hand_edited_activity_is_checked_as_the_flags_check_it() {
    let holder = Holder::new();
    let write = |ce: &str| {
        let text = format!(
            "format = 3\n\n[[credential]]\nid = \"rhia\"\nearned = \"2025-06-15\"\n\n[[ce]]\ndate = \"2026-01-10\"\ntitle = \"T\"\n{ce}"
        );
        fs::write(holder.profile(), text).unwrap();
    };
    write("hours = 1\nminutes = 60\n");
    holder.hi(&["ce", "list"]).fails(1, "not hours and minutes");
    write("");
    holder
        .hi(&["ce", "list"])
        .fails(1, "an activity needs one of hours, minutes, ceus");
    write("hours = 1\ncategories = [\"seminar\"]\n");
    let said = holder
        .hi(&["status"])
        .fails(1, "unknown category `seminar`");
    assert!(said.contains("profile.toml:11:14:"), "{said}");
    write("hours = 1\nproof = \"/x.pdf\"\n");
    holder
        .hi(&["ce", "list"])
        .fails(1, "`proof` and `proof_sha256` go together");
}
