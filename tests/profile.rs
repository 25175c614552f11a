//! The profile, the CE log and `hi status`: the one file hi writes that nobody can give back.
//! Every change is atomic and locked, keeps the person's comments, and changes nothing when
//! refused.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command as StdCommand;

use serde_json::Value;

use crate::common::{hi, process};

/// `hi ARGS` with the profile at `path`: (exit code, stdout, stderr).
fn with(path: &Path, args: &[&str]) -> (i32, String, String) {
    let output = hi().arg("--profile").arg(path).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn ok(path: &Path, args: &[&str]) -> String {
    let (code, out, err) = with(path, args);
    assert_eq!(code, 0, "hi {args:?}: {err}");
    out
}

fn json(path: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(path, &[args, &["--json"]].concat())).unwrap()
}

/// A person holding RHIA and CPHIMS who logs a year of activities.
fn session(path: &Path) {
    ok(
        path,
        &[
            "profile",
            "set",
            "--education",
            "bachelor",
            "--field",
            "him",
            "--cahiim",
            "--experience-years",
            "6",
            "--healthcare-years",
            "4",
        ],
    );
    ok(path, &["profile", "add", "rhia", "--earned", "2025-06-15"]);
    ok(
        path,
        &["profile", "add", "CPHIMS", "--earned", "2025-03-15"],
    );
    for (date, hours, title, extra) in [
        (
            "2026-01-10",
            "1.5",
            "Privacy update webinar",
            vec!["--from", "ahima"],
        ),
        (
            "2026-02-20",
            "6",
            "HIMSS chapter day",
            vec!["--from", "himss", "--ethics"],
        ),
        (
            "2026-05-01",
            "12.25",
            "Coding clinic course",
            vec!["--from", "ahima", "--cert", "rhia"],
        ),
        (
            "2026-09-30",
            "0.25",
            "Short ethics module",
            vec!["--ethics"],
        ),
    ] {
        let mut args = vec![
            "ce", "add", "--date", date, "--hours", hours, "--title", title,
        ];
        args.extend(extra);
        ok(path, &args);
    }
}

#[test]
fn a_year_of_activities_shows_where_each_credential_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    session(&path);
    let status = json(&path, &["status"]);
    let by_id = |id: &str| {
        status
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let rhia = by_id("rhia");
    assert_eq!(rhia["earned"], "2025-06-15");
    assert_eq!(
        (rhia["cycle_start"].as_str(), rhia["cycle_end"].as_str()),
        (Some("2025-06-15"), Some("2027-06-15"))
    );
    assert_eq!(rhia["days_left"], 200);
    assert_eq!(rhia["required_hours"], 30);
    assert_eq!(rhia["ce_unit"], "ceu");
    // AHIMA credits whole CEUs, one more for a part of an hour from 45 minutes: 1.5 hours
    // earn 1, 6 earn 6, 12.25 earn 12 and a quarter of an hour earns none.
    assert_eq!(rhia["done_hours"], 19);
    assert_eq!(rhia["remaining_hours"], 11);
    assert_eq!(rhia["requirements"][1]["done_hours"], 13);
    assert_eq!(rhia["requirements"][1]["met"], true);
    // Logged without a category, the activities may or may not be in the HIIM domains; even
    // all 19 would fall short of the 24 (80 % of 30) asked there.
    let hiim = &rhia["requirements"][2];
    assert_eq!(
        (hiim["category"].as_str(), hiim["required_hours"].as_u64()),
        (Some("hiim"), Some(24))
    );
    assert_eq!(
        (hiim["done_hours"].as_u64(), hiim["met"].as_bool()),
        (Some(0), Some(false))
    );
    assert_eq!(rhia["renewal_fee_usd"], 218);
    let cphims = by_id("cphims");
    // The coding course counts toward the RHIA alone.
    assert_eq!(cphims["done_hours"], 7.75);
    assert_eq!(cphims["apply_by"], "2028-03-03");
    let ethics = &cphims["requirements"][2];
    assert_eq!(
        (
            ethics["name"].as_str(),
            ethics["done_hours"].as_f64(),
            ethics["met"].as_bool()
        ),
        (Some("ethics"), Some(6.25), Some(true))
    );
    assert!(cphims["hours_per_month_needed"].is_number());
    assert!(cphims["on_pace"].is_boolean());
    // The table people read, with a bar per requirement.
    let table = ok(&path, &["status", "--format", "table", "--color", "never"]);
    assert!(
        table.contains("RHIA") && table.contains("ends 2027-06-15") && table.contains('█'),
        "{table}"
    );
    // The decisions read the profile.
    let eligible = json(&path, &["eligible", "--cert", "cphims"]);
    assert_eq!(eligible[0]["status"], "eligible");
    let overridden = json(
        &path,
        &["eligible", "--cert", "cphims", "--education", "associate"],
    );
    assert_eq!(overridden[0]["status"], "not_eligible");
    let renew = json(&path, &["renew", "rhia"]);
    assert_eq!(renew["earned"], "2025-06-15");
    let plan = json(&path, &["plan", "--role", "analyst"]);
    assert!(
        !plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "rhia"),
        "held: not a step"
    );
    // A credential held that covers a skill to gain is marked so in the plan, as in the gap.
    for command in ["plan", "gap"] {
        let shown = json(&path, &[command, "--role", "analyst"]);
        let gap = match command {
            "plan" => &shown["gap"],
            _ => &shown,
        };
        let held = gap["missing"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["certifications"].as_array().unwrap())
            .filter(|c| c["held"] == true)
            .count();
        assert!(held > 0, "{command}");
        let plain = ok(&path, &[command, "--role", "analyst", "--format", "plain"]);
        assert_eq!(plain.matches("— held").count(), held, "{command}: {plain}");
    }
}

#[test]
fn status_check_says_what_needs_attention_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    ok(&path, &["profile", "add", "rhia", "--earned", "2025-01-10"]);
    let (code, out, err) = with(&path, &["status", "--check"]);
    assert_eq!(code, 3, "{err}");
    assert!(out.starts_with("RHIA: "), "{out}");
    ok(
        &path,
        &[
            "ce",
            "add",
            "--date",
            "2025-03-01",
            "--hours",
            "30",
            "--title",
            "A course",
            "--from",
            "ahima",
        ],
    );
    // 30 CEUs, but none given a category: 24 must be in the HIIM domains, which is unknown.
    let (code, out, _) = with(&path, &["status", "--check"]);
    assert_eq!(code, 3);
    assert!(
        out.contains("HIIM domains: 0 of 24 for certain, met unknown"),
        "{out}"
    );
    ok(
        &path,
        &[
            "ce",
            "add",
            "--date",
            "2025-04-01",
            "--hours",
            "24",
            "--title",
            "Coding course",
            "--category",
            "hiim",
        ],
    );
    let (code, out, err) = with(&path, &["status", "--check"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    // Every held credential's deadlines in one calendar.
    let ics = dir.path().join("renewals.ics");
    ok(&path, &["status", "--ics", ics.to_str().unwrap()]);
    let text = fs::read_to_string(&ics).unwrap();
    assert!(
        text.contains("SUMMARY:RHIA renewal cycle 1 ends")
            && text.contains("DTSTART;VALUE=DATE:20270110"),
        "{text}"
    );
    let (code, _, err) = with(&path, &["status", "--ics", ics.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("add --force"));
}

#[test]
fn the_calendar_asks_the_hours_the_status_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    // AHIMA renews RHIA and CHDA in one cycle: 40 hours, not each one's 30.
    ok(&path, &["profile", "add", "rhia", "--earned", "2025-06-15"]);
    ok(&path, &["profile", "add", "chda", "--earned", "2025-06-15"]);
    let status = json(&path, &["status"]);
    assert_eq!(status[0]["required_hours"], 40, "{status}");
    // Bars are for the table; plain text is for cut and awk.
    let plain = ok(&path, &["status"]);
    assert!(
        plain.contains("total: 0 of 40 CEUs;") && !plain.contains('█'),
        "{plain}"
    );
    let ics = dir.path().join("renewals.ics");
    ok(&path, &["status", "--ics", ics.to_str().unwrap()]);
    let text = fs::read_to_string(&ics).unwrap();
    assert!(
        text.contains("40 CEUs are due for RHIA") && !text.contains("30 CEUs"),
        "{text}"
    );
}

#[test]
fn a_credential_edited_in_that_is_not_in_the_data_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    fs::write(
        &path,
        "[[credential]]\nid = \"rhiaa\"\nearned = \"2025-01-01\"\n",
    )
    .unwrap();
    for args in [
        &["status"][..],
        &["status", "--check"],
        &["eligible"],
        &["plan", "--role", "analyst"],
    ] {
        let (code, out, err) = with(&path, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(
            err.contains("profile.toml:2:6: `credential[0].id`: not in the data")
                && err.contains("`rhia`"),
            "{args:?}: {err}"
        );
    }
    // It can still be seen and removed.
    assert!(ok(&path, &["profile"]).contains("rhiaa"));
    ok(&path, &["profile", "remove", "rhiaa"]);
}

#[test]
fn the_log_lists_numbered_entries_and_removes_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    session(&path);
    let list = json(&path, &["ce", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert_eq!(list[2]["number"], 3);
    assert_eq!(list[2]["hours"], 12.25);
    let cphims_only = json(&path, &["ce", "list", "--cert", "cphims"]);
    assert_eq!(cphims_only.as_array().unwrap().len(), 3);
    ok(&path, &["ce", "remove", "1"]);
    let list = json(&path, &["ce", "list"]);
    assert_eq!(list[0]["title"], "HIMSS chapter day");
    let (code, _, err) = with(&path, &["ce", "remove", "9"]);
    assert_eq!(code, 2, "{err}");
    // RHIA has an activity logged toward it alone: the holder removes that first.
    let (code, _, err) = with(&path, &["profile", "remove", "rhia"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("activity 2 (Coding clinic course) is logged toward rhia"),
        "{err}"
    );
    ok(&path, &["ce", "remove", "2"]);
    ok(&path, &["profile", "remove", "rhia"]);
    let shown = json(&path, &["profile"]);
    assert_eq!(shown["credential"].as_array().unwrap().len(), 1);
    assert_eq!(shown["facts"]["education"], "bachelor");
}

#[test]
fn a_new_profile_is_private_and_comments_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/profile.toml");
    ok(&path, &["profile", "add", "rhia", "--earned", "2025-06-15"]);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = fs::read_to_string(&path).unwrap();
    let mine = text.replace(
        "[[credential]]",
        "# my own note about my credentials\n[[credential]]  # the RHIA",
    ) + "\n# a comment at the end\n";
    fs::write(&path, &mine).unwrap();
    ok(
        &path,
        &[
            "ce",
            "add",
            "--date",
            "2026-01-02",
            "--hours",
            "2",
            "--title",
            "Webinar",
        ],
    );
    ok(&path, &["profile", "set", "--rn"]);
    let after = fs::read_to_string(&path).unwrap();
    for kept in [
        "# my own note about my credentials",
        "# the RHIA",
        "# a comment at the end",
    ] {
        assert!(after.contains(kept), "{kept} lost:\n{after}");
    }
    assert!(after.contains("rn = true"), "{after}");
}

#[test]
fn refused_changes_and_broken_files_leave_the_profile_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    session(&path);
    let before = fs::read(&path).unwrap();
    let refused: [(&[&str], i32, &str); 10] = [
        (
            &[
                "ce",
                "add",
                "--date",
                "2027-01-01",
                "--hours",
                "1",
                "--title",
                "x",
            ],
            2,
            "after today",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-02-30",
                "--hours",
                "1",
                "--title",
                "x",
            ],
            2,
            "not a day of the calendar",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours",
                "0",
                "--title",
                "x",
            ],
            2,
            "more than zero",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours=-3",
                "--title",
                "x",
            ],
            2,
            "must be a number",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours",
                "5000",
                "--title",
                "x",
            ],
            2,
            "typing error",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours",
                "1.234",
                "--title",
                "x",
            ],
            2,
            "two decimals",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours",
                "1",
                "--title",
                "x",
                "--cert",
                "rhit",
            ],
            1,
            "not in your profile",
        ),
        (
            &[
                "ce",
                "add",
                "--date",
                "2026-01-01",
                "--hours",
                "1",
                "--title",
                "x",
                "--from",
                "ahimaa",
            ],
            1,
            "did you mean `ahima`",
        ),
        (
            &["profile", "add", "rhiaa", "--earned", "2020-01-01"],
            1,
            "did you mean `rhia`",
        ),
        (
            &["profile", "add", "chda", "--earned", "2030-01-01"],
            2,
            "after today",
        ),
    ];
    for (args, code, message) in refused {
        let (got, out, err) = with(&path, args);
        assert_eq!(got, code, "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.is_empty());
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{args:?} changed the profile"
        );
    }
    // A file that does not parse is named at its place and never rewritten.
    let broken = String::from_utf8(before.clone())
        .unwrap()
        .replace("hours = 6\n", "hours = six\n");
    fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l == "hours = six").unwrap() + 1;
    let (code, _, err) = with(
        &path,
        &[
            "ce",
            "add",
            "--date",
            "2026-01-01",
            "--hours",
            "1",
            "--title",
            "x",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains(&format!("profile.toml:{line}:9:")), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    // A profile from a newer hi is refused, not rewritten.
    fs::write(&path, "format = 4\n").unwrap();
    let (code, _, err) = with(&path, &["profile", "set", "--rn"]);
    assert_eq!(code, 1);
    assert!(err.contains("written by a newer hi"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "format = 4\n");
}

/// `hi ce add` of one hour on 2026-01-01 to the profile at `path`, as a process to spawn.
fn ce_add(path: &Path, title: &str) -> StdCommand {
    let mut cmd = process();
    cmd.arg("--profile").arg(path).args([
        "ce",
        "add",
        "--date",
        "2026-01-01",
        "--hours",
        "1",
        "--title",
        title,
    ]);
    cmd
}

#[test]
fn twenty_writers_at_once_leave_twenty_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    let children: Vec<_> = (0..20)
        .map(|i| {
            ce_add(&path, &format!("Activity {i}"))
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let list = json(&path, &["ce", "list"]);
    let mut titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), 20);
}

#[test]
fn a_writer_stopped_half_way_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    session(&path);
    let mut count = 4;
    for i in 0..40u64 {
        let mut child = ce_add(&path, "Interrupted")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Killed at a different moment each time: before, during or after its write.
        std::thread::sleep(std::time::Duration::from_micros(i * 150));
        let _ = child.kill();
        child.wait().unwrap();
        let now = json(&path, &["ce", "list"]).as_array().unwrap().len();
        assert!(now == count || now == count + 1, "{count} then {now}");
        count = now;
    }
    // No temporary file is left beside it for long: only the profile and its lock remain
    // besides any a killed writer had open.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.contains(&"profile.toml".to_string()), "{names:?}");
}

#[test]
fn the_profile_is_found_where_the_environment_says() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg");
    let home = dir.path().join("home");
    let add = |envs: &[(&str, &Path)]| {
        let mut cmd = hi();
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let output = cmd
            .args(["profile", "add", "rhia", "--earned", "2025-01-01"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    add(&[("HOME", &home)]);
    assert!(home.join(".config/hi/profile.toml").exists());
    add(&[("HOME", &home), ("XDG_CONFIG_HOME", &xdg)]);
    assert!(xdg.join("hi/profile.toml").exists());
    // An empty HI_PROFILE counts as unset.
    let output = hi()
        .env("HI_PROFILE", "")
        .env("XDG_CONFIG_HOME", &xdg)
        .args(["profile", "--json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        shown["path"],
        xdg.join("hi/profile.toml").display().to_string()
    );
}

/// Rewritten as root (`sudo hi ...`), the profile and a calendar keep their owner and group:
/// the person is not locked out of their own files.
#[test]
fn a_rewritten_file_keeps_its_owner() {
    use std::os::unix::fs::{MetadataExt, chown};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    let ics = dir.path().join("renewals.ics");
    crate::common::Hi::new()
        .profile(&path)
        .args(&["profile", "add", "rhia", "--earned", "2025-06-15"])
        .ok();
    fs::write(&ics, "old").unwrap();
    // Only root can hand a file to someone else; elsewhere there is nothing to test.
    if chown(&path, Some(12345), Some(23456)).is_err() {
        return;
    }
    chown(&ics, Some(12345), Some(23456)).unwrap();
    let hi = || crate::common::Hi::new().profile(&path);
    hi().args(&["profile", "set", "--rn"]).ok();
    hi().args(&["status", "--ics"])
        .arg_path(&ics)
        .args(&["--force"])
        .ok();
    for file in [&path, &ics] {
        let meta = fs::metadata(file).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid()),
            (12345, 23456),
            "{}",
            file.display()
        );
    }
}

/// Two spellings of one record are one record to the checks, as they are to every rule: RHIA
/// held as `rhia` and `RHIA` would ask AHIMA's several-credentials hours twice over.
#[test]
fn a_record_named_in_another_case_or_by_a_former_id_is_named_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    let text = "format = 3\nmemberships = [\"ahima\", \"AHIMA\"]\n\n\
        [[credential]]\nid = \"rhia\"\nearned = \"2025-01-01\"\n\n\
        [[credential]]\nid = \"RHIA\"\nearned = \"2025-02-01\"\n\n\
        [[credential]]\nid = \"achip\"\nearned = \"2025-03-01\"\n\n\
        [[credential]]\nid = \"ahic\"\nearned = \"2025-04-01\"\n\n\
        [[ce]]\ndate = \"2026-01-01\"\nhours = 2\ntitle = \"t\"\nfrom = [\"ahima\", \"Ahima\"]\n\
        certs = [\"AHIC\", \"achip\"]\n";
    fs::write(&path, text).unwrap();
    let hi = || crate::common::Hi::new().profile(&path);
    let check = hi().args(&["profile", "check"]).run();
    assert_eq!(check.code, 1, "{}", check.stdout);
    let shown = path.display();
    for line in [
        format!("{shown}:2:25: `memberships[1]`: `AHIMA` is named twice"),
        format!("{shown}:9:6: `credential[1].id`: `RHIA` is held twice"),
        format!("{shown}:17:6: `credential[3].id`: `ahic` is held twice"),
        format!("{shown}:24:18: `ce[0].from[1]`: `Ahima` is named twice"),
        format!("{shown}:25:18: `ce[0].certs[1]`: `achip` is named twice"),
    ] {
        assert!(
            check.stdout.contains(&line),
            "{line}\nin:\n{}",
            check.stdout
        );
    }
    assert!(check.stderr.contains("5 problems in"), "{}", check.stderr);
    // The former id is pointed out as well, on its own line.
    let status = hi().args(&["status"]).run();
    assert_eq!(status.code, 1);
    assert!(
        status.stderr.contains("`AHIMA` is named twice (and 4 more"),
        "{}",
        status.stderr
    );
}

/// A profile edited by hand is held to the rules of the flags that write it: each bad value is
/// named at its line and column, all at once by `hi profile check`, and the first one stops
/// any command that reads the profile.
#[test]
fn a_hand_edited_profile_is_checked_like_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    let text = "format = 2\nmemberships = [\"ahima\", \"ahima\", \"nope\"]\n\n[facts]\n\
        experience_years = 4294967295\n\n[[credential]]\nid = \"rhia\"\nearned = \"1800-01-01\"\n\n\
        [[credential]]\nid = \"rhia\"\nearned = \"2030-01-01\"\n\n[[ce]]\ndate = \"2026-01-01\"\n\
        hours = 2\ntitle = \" \"\nfrom = [\"nope\"]\ncerts = [\"chda\"]\n";
    fs::write(&path, text).unwrap();
    let hi = || crate::common::Hi::new().profile(&path);
    let check = hi().args(&["profile", "check"]).run();
    assert_eq!(check.code, 1);
    assert!(check.stderr.contains("9 problems in"), "{}", check.stderr);
    let shown = path.display();
    for line in [
        format!("{shown}:2:25: `memberships[1]`: `ahima` is named twice"),
        format!("{shown}:2:34: `memberships[2]`: unknown organization `nope`"),
        format!("{shown}:5:20: `facts.experience_years`: 4294967295 is more than 80"),
        format!(
            "{shown}:9:10: `credential[0].earned`: 1800-01-01 is outside the years 1900 to 2100"
        ),
        format!("{shown}:12:6: `credential[1].id`: `rhia` is held twice"),
        format!("{shown}:13:10: `credential[1].earned`: 2030-01-01 is after today (2026-11-27)"),
        format!("{shown}:18:9: `ce[0].title`: the title is empty"),
        format!("{shown}:19:9: `ce[0].from[0]`: unknown organization `nope`"),
        format!("{shown}:20:10: `ce[0].certs[0]`: `chda` is not a credential the profile holds"),
    ] {
        assert!(
            check.stdout.contains(&line),
            "{line}\nin:\n{}",
            check.stdout
        );
    }
    // Reading it fails on the first problem, and says where the others are listed.
    hi().args(&["status"])
        .fails(1, "(and 8 more: `hi profile check` lists them)");
    // It can be mended one change at a time, and a change that adds a problem is refused.
    hi().args(&["profile", "set", "--experience-years", "6"])
        .ok();
    let before = fs::read_to_string(&path).unwrap();
    hi().args(&["profile", "set", "--member-of", "himss"]).ok();
    hi().args(&[
        "ce",
        "add",
        "--date",
        "2026-02-01",
        "--hours",
        "1",
        "--title",
        "t",
        "--cert",
        "rhia",
    ])
    .ok();
    assert_ne!(fs::read_to_string(&path).unwrap(), before);
    // A clean profile has none.
    let clean = dir.path().join("clean.toml");
    crate::common::Hi::new()
        .profile(&clean)
        .args(&["profile", "add", "rhia", "--earned", "2025-06-15"])
        .ok();
    let ran = crate::common::Hi::new()
        .profile(&clean)
        .args(&["profile", "check"])
        .run();
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""));
}

/// A change that would write a profile larger than hi reads is refused, and nothing written;
/// the profile still opens, so the change can be undone.
#[test]
fn a_profile_is_never_written_past_what_hi_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    // Just under the 4 MiB hi reads: one activity with a very long title.
    let long = "x".repeat(4 * 1024 * 1024 - 200);
    let text =
        format!("format = 2\n[[ce]]\ndate = \"2026-01-01\"\nhours = 1\ntitle = \"{long}\"\n");
    fs::write(&path, &text).unwrap();
    let hi = || crate::common::Hi::new().profile(&path);
    let title = "y".repeat(100_000);
    let add = [
        "ce",
        "add",
        "--date",
        "2026-01-02",
        "--hours",
        "1",
        "--title",
        title.as_str(),
    ];
    hi().args(&add)
        .fails(1, "larger than 4 MiB, which hi could not read back");
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "nothing written");
    hi().args(&["ce", "remove", "1"]).ok();
}

/// A date typed bare, as TOML allows, is named with the way to write it.
#[test]
fn a_bare_toml_date_in_the_profile_says_to_quote_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    fs::write(
        &path,
        "format = 3\n[[credential]]\nid = \"rhia\"\nearned = 2024-06-15\n",
    )
    .unwrap();
    crate::common::Hi::new()
        .profile(&path)
        .args(&["status"])
        .fails(1, ":4:10: a date is written in quotes: \"2024-06-15\"");
}
