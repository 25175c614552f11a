//! Renewals as they happen: the states a credential passes through when its cycle ends
//! unrenewed, recorded renewals, calendars with reminders, and what `--check` reports.

use std::fs;
use std::io::BufReader;
use std::path::Path;

use serde_json::Value;

use crate::common::{Hi, data_copy};

/// The fixture catalog with an AAPC-like issuer added: one CPC whose cycle ends on a date the
/// holder gives, 30 days' grace (10 by another source), 60 late days at $50, then revoked.
fn with_aapc() -> tempfile::TempDir {
    let dir = data_copy();
    let append = |file: &str, text: &str| {
        let path = dir.path().join(file);
        let old = fs::read_to_string(&path).unwrap();
        fs::write(&path, old + text).unwrap();
    };
    append(
        "organizations.toml",
        r#"
[[organization]]
id = "aapc"
name = "AAPC"
full_name = "AAPC"
description = "A coding body."
url = "https://www.aapc.com"
sources = ["aapc-test"]

[organization.combined_renewal]
extra_credential_ce_hours = 4
max_ce_hours = 52
source = "aapc-test"

[organization.lapse]
periods = [
  { state = "grace", days = 30, fee_usd = 0, conflicts = [{ days = 10, source = "aapc-test" }] },
  { state = "late", days = 60, fee_usd = 50 },
]
then = "revoked"
reinstatement = { within_years = 3, fee_usd = 200, source = "aapc-test" }
source = "aapc-test"

[organization.ce]
unit = "ceu"
before_earned = { source = "aapc-test" }
carry_over = { none = true, source = "aapc-test" }
source = "aapc-test"
"#,
    );
    append(
        "certifications.toml",
        r#"
[[certification]]
id = "cpc"
name = "CPC"
full_name = "Certified Professional Coder"
issuer = "aapc"
level = "professional"
tracks = ["coding"]
description = "A coding credential."
sources = ["aapc-test"]

[certification.renewal]
cycle_years = 2
cycle_end = "holder-date"
ce_hours = 36
source = "aapc-test"
"#,
    );
    append(
        "sources.toml",
        r#"
[[source]]
id = "aapc-test"
title = "AAPC rules, as the tests read them"
publisher = "AAPC"
url = "https://www.aapc.com"
kind = "issuer"
retrieved = "2026-12-06"
"#,
    );
    dir
}

/// `hi` on `data` with the profile at `profile`, on `today`.
fn hi_on(data: &Path, profile: &Path, today: &str) -> Hi {
    Hi::new()
        .env("HI_DATA_DIR", data)
        .profile(profile)
        .env("HI_TODAY", today)
}

fn by_id<'a>(all: &'a Value, id: &str) -> &'a Value {
    crate::common::by_id(all, id)
}

#[test]
fn a_holder_sees_each_credential_lapse_and_renew_as_its_issuer_says() {
    let data = with_aapc();
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("profile.toml");
    let at = |today: &str| hi_on(data.path(), &profile, today);
    at("2026-01-01")
        .args(&["profile", "add", "rhia", "--earned", "2025-06-15"])
        .ok();
    at("2026-01-01")
        .args(&["profile", "add", "cphims", "--earned", "2024-04-10"])
        .ok();
    at("2026-01-01")
        .args(&[
            "profile",
            "add",
            "cpc",
            "--earned",
            "2024-09-01",
            "--cycle-ends",
            "2027-05-31",
        ])
        .ok();
    let log = [
        "ce",
        "add",
        "--date",
        "2025-01-10",
        "--hours",
        "13",
        "--title",
        "Webinars",
    ];
    at("2026-01-01").args(&log).ok();

    // Before the ends: CPHIMS is due (its cycle ends 2027-04-30), with hours short.
    let before = at("2027-04-20").args(&["status"]).json();
    let cphims = by_id(&before, "cphims");
    assert_eq!(cphims["state"], "due");
    assert_eq!(cphims["next_change"]["on"], "2027-05-01");
    assert_eq!(cphims["on_pace"], false);
    // The date to apply by (four weeks before) has passed: said, not hidden.
    let check = at("2027-04-20").args(&["status", "--check"]).run();
    assert_eq!(check.code, 3);
    assert!(
        check
            .stdout
            .contains("CPHIMS: the date to apply by, 2027-04-02, has passed"),
        "{}",
        check.stdout
    );

    // After the ends, with no renewal recorded: each issuer's state, dates and fee.
    let after = at("2027-06-20").args(&["status"]).json();
    let cphims = by_id(&after, "cphims");
    assert_eq!(
        (cphims["state"].as_str(), cphims["cycle"].as_u64()),
        (Some("expired"), Some(1))
    );
    assert!(
        cphims["what_to_do"]
            .as_str()
            .unwrap()
            .contains("stop using"),
        "{cphims}"
    );
    let cpc = by_id(&after, "cpc");
    assert_eq!(cpc["cycle_end_set_by"], "holder");
    // 20 days after the end: past the shorter grace of the two sources, in the late period.
    assert_eq!(cpc["state"], "late");
    assert_eq!(cpc["late_fee_usd"], 50);
    assert_eq!(
        cpc["next_change"],
        serde_json::json!({ "state": "revoked", "on": "2027-08-30" })
    );
    let rhia = by_id(&after, "rhia");
    assert_eq!(rhia["state"], "inactive");
    assert_eq!(rhia["state_since"], "2027-06-16");
    assert_eq!(rhia["late_fee_usd"], 50);
    let check = at("2027-06-20").args(&["status", "--check"]).run();
    assert_eq!(check.code, 3);
    for name in [
        "RHIA: inactive since 2027-06-16",
        "CPHIMS: expired since 2027-05-01",
        "CPC: in its late period since",
    ] {
        assert!(check.stdout.contains(name), "{name}: {}", check.stdout);
    }
    let table = at("2027-06-20")
        .args(&["status", "--format", "table"])
        .columns(100)
        .ok();
    // A cell is broken only between words: the date stays whole.
    assert!(
        table.contains("revoked from") && table.contains("2027-08-30"),
        "{table}"
    );
    let plain = at("2027-06-20").args(&["status", "--format", "plain"]).ok();
    assert!(
        plain.contains("expired since 2027-05-01; ended 2027-04-30"),
        "{plain}"
    );

    // Once renewed, the next cycle starts on the issuer's date.
    at("2027-06-20")
        .args(&["profile", "renew", "cphims", "--on", "2027-06-18"])
        .ok();
    at("2027-06-20")
        .args(&["profile", "renew", "cpc", "--submitted", "2027-06-19"])
        .ok();
    let renewed = at("2027-06-20").args(&["status"]).json();
    let cphims = by_id(&renewed, "cphims");
    assert_eq!(cphims["state"], "active");
    assert_eq!(
        (cphims["cycle"].as_u64(), cphims["cycle_start"].as_str()),
        (Some(2), Some("2027-05-01"))
    );
    assert_eq!(cphims["cycle_end"], "2030-04-30");
    assert_eq!(cphims["renewals"][0]["on"], "2027-06-18");
    assert_eq!(by_id(&renewed, "cpc")["state"], "submitted");
}

/// Every issuer of the fixture with a rule for what follows a cycle's end: a credential of
/// its, earned so that its cycle ends on a known day, is walked through each change of state
/// on the day before, on, and after it.
#[test]
fn every_issuer_rule_changes_state_on_its_boundary_days() {
    let data = with_aapc();
    let orgs = Hi::new()
        .env("HI_DATA_DIR", data.path())
        .args(&["orgs"])
        .json();
    let certs = Hi::new()
        .env("HI_DATA_DIR", data.path())
        .args(&["certs"])
        .json();
    let mut walked = 0;
    for org in orgs
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !o["lapse"].is_null())
    {
        let cert = certs
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["issuer"] == org["id"])
            .unwrap_or_else(|| panic!("no credential of {}", org["id"]));
        let id = cert["id"].as_str().unwrap();
        let home = tempfile::tempdir().unwrap();
        let profile = home.path().join("p.toml");
        // The cycle ends on 2030-01-31, set by the holder, whatever the issuer's calendar.
        fs::write(
            &profile,
            format!("format = 2\n[[credential]]\nid = \"{id}\"\nearned = \"2028-01-01\"\ncycle_ends = \"2030-01-31\"\n"),
        )
        .unwrap();
        let state_on = |day: jiff::civil::Date| {
            let all = hi_on(data.path(), &profile, &day.to_string())
                .args(&["status"])
                .json();
            all[0].clone()
        };
        let mut day = jiff::civil::date(2030, 1, 31);
        let mut seen = vec![state_on(day)["state"].as_str().unwrap().to_string()];
        // Follow each change the status announces, checking the days around it.
        while let Some(change) = state_on(day)["next_change"].as_object().cloned() {
            let on: jiff::civil::Date = change["on"].as_str().unwrap().parse().unwrap();
            let before = state_on(on.yesterday().unwrap());
            let at = state_on(on);
            let after = state_on(on.tomorrow().unwrap());
            assert_ne!(before["state"], change["state"], "{id} before {on}");
            assert_eq!(at["state"], change["state"], "{id} on {on}");
            assert_eq!(after["state"], at["state"], "{id} after {on}");
            seen.push(at["state"].as_str().unwrap().to_string());
            day = on;
        }
        let then = org["lapse"]["then"].as_str().unwrap();
        assert_eq!(
            seen.last().map(String::as_str),
            Some(then),
            "{id}: {seen:?}"
        );
        walked += 1;
    }
    assert!(walked >= 3, "{walked} issuers with a rule");
}

#[test]
fn a_credential_without_a_calendar_shows_its_hours_and_how_to_set_the_end() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let at = |today: &str| Hi::new().profile(&profile).env("HI_TODAY", today);
    at("2026-01-01")
        .args(&["profile", "add", "achip", "--earned", "2025-03-01"])
        .ok();
    at("2026-01-01")
        .args(&[
            "ce",
            "add",
            "--date",
            "2025-06-01",
            "--pdus",
            "4.5",
            "--title",
            "Course",
        ])
        .ok();
    let status = at("2026-11-27").args(&["status"]).json();
    assert_eq!(status[0]["state"], "unknown");
    assert_eq!(status[0]["cycle_end"], Value::Null);
    assert_eq!(status[0]["done_hours"], 4.5);
    let check = at("2026-11-27").args(&["status", "--check"]).run();
    assert_eq!(check.code, 3, "never passed silently");
    assert!(
        check.stdout.contains("hi profile renew achip --cycle-ends"),
        "{}",
        check.stdout
    );
    at("2026-11-27")
        .args(&["profile", "renew", "achip", "--cycle-ends", "2029-03-01"])
        .ok();
    let status = at("2026-11-27").args(&["status"]).json();
    assert_eq!(status[0]["state"], "active");
    assert_eq!(status[0]["cycle_end_set_by"], "holder");
}

/// Parses an iCalendar file as a calendar program would.
fn events(ics: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut calendars = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().expect("a calendar").expect("it parses");
    assert!(calendars.next().is_none());
    calendar.events
}

#[test]
fn the_calendar_parses_with_a_reminder_per_lead_time() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let hi = || Hi::new().profile(&profile);
    hi().args(&["profile", "add", "rhia", "--earned", "2025-06-15"])
        .ok();
    hi().args(&["profile", "add", "cphims", "--earned", "2025-03-15"])
        .ok();
    let ics = hi().args(&["status", "--ics", "-"]).ok();
    let all = events(&ics);
    // Each credential's current cycle and the next two, and CPHIMS's dates to apply by.
    assert_eq!(all.len(), 3 + 3 + 3);
    for event in &all {
        let triggers: Vec<String> = event
            .alarms
            .iter()
            .flat_map(|a| &a.properties)
            .filter(|p| p.name == "TRIGGER")
            .filter_map(|p| p.value.clone())
            .collect();
        assert_eq!(triggers, ["-P90D", "-P30D", "-P7D"]);
    }
    let ics = hi().args(&["status", "--ics", "-", "--remind", "14"]).ok();
    assert!(events(&ics).iter().all(|e| e.alarms.len() == 1));
    let ics = hi().args(&["status", "--ics", "-", "--no-remind"]).ok();
    assert!(events(&ics).iter().all(|e| e.alarms.is_empty()));
    let ics = hi()
        .args(&[
            "renew",
            "rhia",
            "--earned",
            "2025-06-15",
            "--ics",
            "-",
            "--remind",
            "60,1",
        ])
        .ok();
    assert!(events(&ics).iter().all(|e| e.alarms.len() == 2));
}

#[test]
fn check_within_days_lists_what_falls_due_in_that_window() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let hi = || Hi::new().profile(&profile);
    hi().args(&["profile", "add", "cphims", "--earned", "2025-03-15"])
        .ok();
    for hours in ["30", "13", "2"] {
        let from = [
            "ce",
            "add",
            "--date",
            "2025-04-01",
            "--hours",
            hours,
            "--title",
            "t",
            "--from",
            "himss",
            "--ethics",
        ];
        hi().args(&from).ok();
    }
    assert_eq!(hi().args(&["status", "--check"]).run().code, 0);
    let within = hi().args(&["status", "--check", "--within", "500"]).run();
    assert_eq!(within.code, 3);
    assert!(
        within
            .stdout
            .contains("CPHIMS: the date to apply by is 2028-03-03"),
        "{}",
        within.stdout
    );
    assert!(
        within
            .stdout
            .contains("CPHIMS: the cycle ends on 2028-03-31"),
        "{}",
        within.stdout
    );
    Hi::new()
        .args(&["status", "--within", "5"])
        .fails(2, "--check");
}

/// No answer more sure than its hours: a category's minimum behind by the hours certain to
/// count, which hours logged without a category may or may not make up, leaves the whole pace
/// unknown, and `--check` says so; hours a category's cap keeps out of the total count toward
/// no share of it either.
#[test]
fn a_minimum_short_for_certain_but_in_doubt_leaves_the_pace_unknown_and_capped_hours_fill_no_share()
{
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let at = |today: &str| Hi::new().profile(&profile).env("HI_TODAY", today);
    let add = |args: &[&str]| {
        at("2026-11-27")
            .args(&[&["ce", "add", "--date", "2026-02-10"][..], args].concat())
            .ok();
    };
    at("2026-11-27")
        .args(&["profile", "add", "rhia", "--earned", "2025-06-15"])
        .ok();
    // 30 of 30 CEUs, 24 of which must be in the HIIM domains: none has a category.
    add(&["--hours", "30", "--title", "Course", "--from", "ahima"]);
    let status = at("2026-11-27").args(&["status"]).json();
    let requirements = status[0]["requirements"].as_array().unwrap();
    assert_eq!(requirements[0]["met"], true, "the total");
    let hiim = requirements
        .iter()
        .find(|r| r["category"] == "hiim")
        .unwrap();
    assert_eq!(hiim["met"], Value::Null);
    assert_eq!(status[0]["on_pace"], Value::Null);
    let check = at("2026-11-27").args(&["status", "--check"]).run();
    assert_eq!(check.code, 3);
    assert!(check.stdout.contains("met unknown"), "{}", check.stdout);
    let plain = at("2026-11-27")
        .args(&["status", "--format", "plain"])
        .run()
        .stdout;
    assert!(
        plain.contains("pace unknown") && !plain.contains("on pace"),
        "{plain}"
    );

    // 25 AHIMA CEUs outside the HIIM domains, of which the cap counts 6 of 30.
    fs::remove_file(&profile).unwrap();
    at("2026-05-01")
        .args(&["profile", "add", "rhia", "--earned", "2024-06-15"])
        .ok();
    add(&[
        "--hours",
        "25",
        "--title",
        "A",
        "--from",
        "ahima",
        "--category",
        "outside-hiim",
    ]);
    add(&["--hours", "10", "--title", "B", "--category", "hiim"]);
    let status = at("2026-05-01").args(&["status"]).json();
    let share = &status[0]["requirements"][1];
    assert_eq!(share["name"], "from the issuer or its approved providers");
    assert_eq!(
        (share["done_hours"].as_f64(), share["met"].as_bool()),
        (Some(6.0), Some(false))
    );
    assert_eq!(status[0]["done_hours"], 16);
}

/// A cycle is renewed once: a second grant days after the first would otherwise be read as
/// renewing the next cycle, and the next, moving the cycle years ahead of today.
#[test]
fn a_cycle_renewed_twice_is_refused_and_a_hand_edited_one_is_named() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let hi = || Hi::new().profile(&profile);
    hi().args(&["profile", "add", "rhia", "--earned", "2024-06-15"])
        .ok();
    hi().args(&["profile", "renew", "rhia", "--on", "2024-06-15"])
        .fails(2, "2024-06-15 is not after RHIA was earned (2024-06-15)");
    hi().args(&["profile", "renew", "rhia", "--on", "2026-06-20"])
        .ok();
    let before = fs::read_to_string(&profile).unwrap();
    hi().args(&["profile", "renew", "rhia", "--on", "2026-06-21"])
        .fails(
            1,
            "renews the cycle the renewal granted 2026-06-20 renewed already",
        );
    assert_eq!(fs::read_to_string(&profile).unwrap(), before);
    let status = hi().args(&["status"]).json();
    assert_eq!(
        (&status[0]["cycle_start"], &status[0]["cycle_end"]),
        (&Value::from("2026-06-16"), &Value::from("2028-06-15"))
    );
    // By hand: the same, and a renewal that gives no day.
    fs::write(
        &profile,
        "format = 3\n[[credential]]\nid = \"rhia\"\nearned = \"2024-06-15\"\n\
         renewal = [{ on = \"2026-06-20\" }, { on = \"2026-06-22\" }, { cycle_ends = \"2030-01-01\" }]\n",
    )
    .unwrap();
    let check = hi().args(&["profile", "check"]).run();
    assert_eq!(check.code, 1);
    for problem in [
        ":5:42: `credential[0].renewal[1].on`: renews the cycle the renewal granted 2026-06-20",
        ":5:58: `credential[0].renewal[2]`: a renewal gives the day it was granted",
    ] {
        assert!(
            check.stdout.contains(problem),
            "{problem}\n{}",
            check.stdout
        );
    }
    // A cycle whose end the holder has not given yet lasts as the issuer's cycles do: CPC's
    // two years after a renewal on 2023-03-15, not a day.
    let data = with_aapc();
    let cpc = home.path().join("cpc.toml");
    let at = || hi_on(data.path(), &cpc, "2026-11-27");
    at().args(&[
        "profile",
        "add",
        "cpc",
        "--earned",
        "2021-03-01",
        "--cycle-ends",
        "2023-03-31",
    ])
    .ok();
    at().args(&["profile", "renew", "cpc", "--on", "2023-03-15"])
        .ok();
    at().args(&["profile", "renew", "cpc", "--on", "2023-04-01"])
        .fails(
            1,
            "renews the cycle the renewal granted 2023-03-15 renewed already",
        );
    at().args(&["profile", "renew", "cpc", "--on", "2025-03-20"])
        .ok();
}

/// A credential that lapsed counts for no exam route as if it were in force: a revoked one is
/// missing (and says why), an inactive one is for the issuer to confirm; one named by a flag
/// counts as held.
#[test]
fn a_lapsed_credential_is_not_held_for_eligibility() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("p.toml");
    let at = |today: &str| Hi::new().profile(&profile).env("HI_TODAY", today);
    at("2026-11-27")
        .args(&["profile", "add", "rhia", "--earned", "2020-01-01"])
        .ok();
    let routes = |today: &str, more: &[&str]| {
        let shown = at(today)
            .args(&[&["eligible", "--cert", "chps", "--explain"][..], more].concat())
            .json();
        let routes = shown[0]["routes"].as_array().unwrap().clone();
        let rhia = routes
            .into_iter()
            .find(|r| r["label"].as_str().unwrap().starts_with("RHIA"))
            .unwrap();
        let said = format!("{} {}", rhia["missing"], rhia["confirm"]);
        (rhia["status"].clone(), said)
    };
    let status = at("2026-11-27").args(&["status"]).json();
    assert_eq!(status[0]["state"], "revoked");
    let (verdict, missing) = routes("2026-11-27", &[]);
    assert_eq!(verdict, "not_eligible", "{missing}");
    assert!(missing.contains("(your RHIA: revoked since"), "{missing}");
    let (verdict, missing) = routes("2022-03-01", &[]);
    assert_eq!(verdict, "unknown", "{missing}");
    assert!(
        missing.contains("whether your RHIA (inactive since"),
        "{missing}"
    );
    let (_, missing) = routes("2026-11-27", &["--credential", "rhia"]);
    assert!(!missing.contains("RHIA"), "{missing}");
    // A renewal submitted after it was revoked renews nothing.
    at("2026-11-27")
        .args(&["profile", "renew", "rhia", "--submitted", "2026-11-01"])
        .ok();
    let status = at("2026-11-27").args(&["status"]).json();
    assert_eq!(status[0]["state"], "revoked");
    let (verdict, missing) = routes("2026-11-27", &[]);
    assert_eq!(verdict, "not_eligible", "{missing}");
}
