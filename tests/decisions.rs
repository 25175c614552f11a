//! eligible, cost, renew, gap and plan: their boundaries, through the binary.

use std::fs;

use serde_json::Value;

use crate::common::{Hi, hi, json, run};

fn verdict(args: &[&str], cert: &str) -> Value {
    let mut all = vec!["eligible", "--cert", cert];
    all.extend_from_slice(args);
    let verdicts = json(&all);
    assert_eq!(verdicts.as_array().unwrap().len(), 1);
    verdicts[0].clone()
}

#[test]
fn cphims_bachelor_route_needs_exactly_three_healthcare_years() {
    let profile = ["--education", "bachelor", "--experience-years", "5"];
    let three = verdict(
        &[&profile[..], &["--healthcare-years", "3"]].concat(),
        "cphims",
    );
    assert_eq!(three["status"], "eligible");
    assert!(
        three["route"]
            .as_str()
            .unwrap()
            .starts_with("Bachelor's degree and 5 years")
    );
    assert_eq!(three["missing"], serde_json::json!([]));

    let two = verdict(
        &[&profile[..], &["--healthcare-years", "2"]].concat(),
        "cphims",
    );
    assert_eq!(two["status"], "not_eligible");
    assert!(
        two["route"]
            .as_str()
            .unwrap()
            .starts_with("Bachelor's degree and 5 years")
    );
    assert_eq!(
        two["missing"],
        serde_json::json!(["1 more year of healthcare experience"])
    );
}

#[test]
fn the_issue_example_names_cphims_in_the_full_list() {
    let all = json(&[
        "eligible",
        "--education",
        "bachelor",
        "--experience-years",
        "5",
        "--healthcare-years",
        "3",
    ]);
    let cphims = all
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "cphims")
        .unwrap();
    assert_eq!(cphims["status"], "eligible");
    let (_, out, _) = run(&[
        "eligible",
        "--education",
        "bachelor",
        "--experience-years",
        "5",
        "--healthcare-years",
        "2",
    ]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("cphims\tCPHIMS\tnot eligible\t")
                && l.ends_with("\t1 more year of healthcare experience")),
        "{out}"
    );
}

#[test]
fn facts_not_given_are_said_to_be_assumed() {
    let (code, _, err) = run(&["eligible", "--cert", "cphims"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("not given, so assumed: no degree, no years of experience"),
        "{err}"
    );
    let (_, _, err) = run(&["eligible", "--cert", "cphims", "--education", "master"]);
    assert!(
        err.contains("assumed: no years of experience") && !err.contains("no degree"),
        "{err}"
    );
    let args = [
        "eligible",
        "--education",
        "master",
        "--experience-years",
        "3",
    ];
    let (_, _, err) = run(&args);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn cahims_high_school_route_needs_45_ce_hours() {
    let ok = verdict(
        &["--education", "high-school", "--ce-hours", "45"],
        "cahims",
    );
    assert_eq!(ok["status"], "eligible");
    let short = verdict(
        &["--education", "high-school", "--ce-hours", "44"],
        "cahims",
    );
    assert_eq!(short["status"], "not_eligible");
    assert_eq!(
        short["missing"],
        serde_json::json!(["1 more CE hour in the field"])
    );
}

#[test]
fn rhit_needs_a_cahiim_accredited_associate_program() {
    let ok = verdict(&["--education", "associate", "--cahiim"], "rhit");
    assert_eq!(ok["status"], "eligible");
    let unaccredited = verdict(&["--education", "associate", "--field", "him"], "rhit");
    assert_eq!(unaccredited["status"], "not_eligible");
    assert_eq!(
        unaccredited["missing"],
        serde_json::json!([
            "a CAHIIM-accredited associate program in health information management"
        ])
    );
}

#[test]
fn unverifiable_conditions_and_missing_rules_are_unknown() {
    let chda = verdict(&["--education", "master"], "chda");
    assert_eq!(chda["status"], "unknown");
    assert!(chda["route"].is_null());
    // CHPS: a bachelor's and 2 years meet what hi can check; the kind of experience is not.
    let chps = verdict(
        &["--education", "bachelor", "--experience-years", "2"],
        "chps",
    );
    assert_eq!(chps["status"], "unknown");
    assert!(
        chps["missing"][0]
            .as_str()
            .unwrap()
            .starts_with("to confirm: ")
    );
}

#[test]
fn credentials_and_rn_count() {
    let nurse = [
        "--education",
        "bachelor",
        "--field",
        "nursing",
        "--rn",
        "--experience-years",
        "2",
        "--ce-hours",
        "30",
    ];
    let ni = verdict(&nurse, "ni-bc");
    assert_eq!(
        ni["status"], "unknown",
        "the practice-hours option cannot be checked"
    );
    let without_rn: Vec<&str> = nurse.iter().copied().filter(|a| *a != "--rn").collect();
    let ni = verdict(&without_rn, "ni-bc");
    assert_eq!(ni["status"], "not_eligible");
    assert!(
        ni["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "an active RN licence")
    );

    let chps = verdict(&["--credential", "RHIA", "--experience-years", "2"], "chps");
    assert_eq!(chps["status"], "unknown");
    assert!(chps["route"].as_str().unwrap().starts_with("RHIA"));
}

#[test]
fn eligible_rejects_bad_profiles() {
    let (code, _, err) = run(&[
        "eligible",
        "--experience-years",
        "2",
        "--healthcare-years",
        "3",
    ]);
    // Contradictory values are a usage error.
    assert_eq!(code, 2);
    assert!(err.contains("healthcare years (3)"), "{err}");
    let (code, _, err) = run(&["eligible", "--credential", "rhiaa"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `rhia`?"), "{err}");
    assert_eq!(run(&["eligible", "--education", "phd"]).0, 2);
}

fn total_adds_up(cost: &Value) {
    let sum: u64 = cost["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["amount_usd"].as_u64())
        .sum();
    assert_eq!(cost["total_usd"].as_u64().unwrap(), sum, "{cost}");
}

#[test]
fn cost_counts_every_renewal_inside_the_span_and_adds_up() {
    let costs = json(&["cost", "rhit", "rhia", "--years", "6"]);
    for cost in costs.as_array().unwrap() {
        total_adds_up(cost);
        assert_eq!(cost["lower_bound"], false);
    }
    // Exam $299, then renewals ($218) due 2 and 4 years after the pass date; the one due at 6
    // years buys the years after the span.
    assert_eq!(costs[0]["total_usd"], 299 + 218 + 218);
    let years: Vec<u64> = costs[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["year"].as_u64().unwrap())
        .collect();
    assert_eq!(years, [1, 3, 5]);
    assert_eq!(costs[1]["items"][1]["ce_hours"], 30);
}

#[test]
fn cost_over_a_span_ending_the_day_before_a_renewal_leaves_it_out() {
    // A 4-year span ends the day before the second renewal is due (4 years after passing).
    let four = &json(&["cost", "rhit", "--years", "4"])[0];
    assert_eq!(four["total_usd"], 299 + 218);
    let five = &json(&["cost", "rhit", "--years", "5"])[0];
    assert_eq!(five["total_usd"], 299 + 218 + 218);
    // A 2-year span ends the day before the first renewal.
    let two = &json(&["cost", "rhit", "--years", "2"])[0];
    assert_eq!(two["total_usd"], 299);
}

#[test]
fn cost_with_unknown_pieces_is_a_named_lower_bound() {
    let cphims = &json(&["cost", "cphims", "--years", "7"])[0];
    assert_eq!(cphims["lower_bound"], true);
    assert_eq!(cphims["total_usd"], 525);
    assert_eq!(
        cphims["unknown"],
        serde_json::json!(["the recertification fee"])
    );
    total_adds_up(cphims);
    let (_, out, _) = run(&["cost", "cphims", "--years", "7", "--format", "plain"]);
    assert!(out.contains("Total, 7 y\tat least $525"), "{out}");
    assert!(out.contains("4\tunknown renewal (45 CE h due)"), "{out}");
}

#[test]
fn cost_with_dues_in_the_data_says_when_membership_pays_off() {
    let dir = tempfile::tempdir().unwrap();
    for (name, _) in hi::load::FILES {
        let text = fs::read_to_string(crate::common::fixture().join(name)).unwrap();
        let text = match *name {
            "organizations.toml" => text.replace(
                "url = \"https://www.ahima.org\"\n",
                "url = \"https://www.ahima.org\"\nmembership = { annual_dues_usd = 50, as_of = \"2026\", source = \"seed-article\" }\n",
            ),
            "certifications.toml" => text.replace(
                "[[certification.renewal.fee_history]]\nnon_member_usd = 218",
                "[[certification.renewal.fee_history]]\nmember_usd = 100\nnon_member_usd = 218",
            ),
            _ => text,
        };
        fs::write(dir.path().join(name), text).unwrap();
    }
    let output = hi()
        .args([
            "cost",
            "rhit",
            "--years",
            "4",
            "--member",
            "--json",
            "--data-dir",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let cost: Value = serde_json::from_slice(&output.stdout).unwrap();
    let cost = &cost[0];
    // Member exam $229 + a member renewal $100 + 4 years of $50 dues.
    assert_eq!(cost["total_usd"], 229 + 100 + 4 * 50);
    assert_eq!(cost["lower_bound"], false);
    total_adds_up(cost);
    // Year 1: $229 + $50 = $279 against $299 for a non-member.
    assert_eq!(cost["membership_pays_off_year"], 1);
}

#[test]
fn renewal_from_29_february() {
    // AHIMA: two years from the pass date; 2026 has no 29 February.
    let rhia = json(&["renew", "rhia", "--earned", "2024-02-29"]);
    let ends: Vec<&str> = rhia["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["ends"].as_str().unwrap())
        .collect();
    assert_eq!(ends, ["2026-02-28", "2028-02-29", "2030-02-28"]);
    assert!(rhia["deadlines"][0]["apply_by"].is_null());
    // HIMSS: three years, to the last day of the month.
    let cahims = json(&["renew", "cahims", "--earned", "2024-02-29"]);
    assert_eq!(cahims["deadlines"][0]["ends"], "2027-02-28");
    assert_eq!(cahims["deadlines"][1]["ends"], "2030-02-28");
    assert_eq!(cahims["deadlines"][0]["apply_by"], "2027-01-31");
}

#[test]
fn renewal_from_31_january() {
    let cphims = json(&["renew", "cphims", "--earned", "2025-01-31", "--cycles", "1"]);
    assert_eq!(cphims["deadlines"][0]["ends"], "2028-01-31");
    assert_eq!(cphims["deadlines"][0]["apply_by"], "2028-01-03");
    assert_eq!(cphims["deadlines"][0]["ce_hours"], 45);
    let rhit = json(&["renew", "rhit", "--earned", "2025-01-31", "--cycles", "1"]);
    assert_eq!(rhit["deadlines"][0]["ends"], "2027-01-31");
    // Mid-month HIMSS dates move to the month's end.
    let mid = json(&["renew", "cphims", "--earned", "2025-03-15", "--cycles", "1"]);
    assert_eq!(mid["deadlines"][0]["ends"], "2028-03-31");
}

#[test]
fn renewal_with_unknown_rules_or_bad_dates_is_an_error() {
    let (code, _, err) = run(&["renew", "ahic", "--earned", "2025-01-31"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("the renewal calendar of ACHIP is unknown"),
        "{err}"
    );
    // An impossible date is a usage error.
    let (code, _, err) = run(&["renew", "rhia", "--earned", "2025-02-30"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("hi: --earned `2025-02-30` is not a day of the calendar"),
        "{err}"
    );
}

#[test]
fn ics_file_is_valid_and_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cphims.ics");
    let write = |extra: &[&str]| {
        hi().args(["renew", "cphims", "--earned", "2025-03-15", "--ics"])
            .arg(&path)
            .args(extra)
            .output()
            .unwrap()
    };
    assert!(write(&[]).status.success());
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    // Three cycles, each with its end and its apply-by date.
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
    assert!(text.contains("DTSTART;VALUE=DATE:20280331\r\nDTEND;VALUE=DATE:20280401"));
    assert!(text.contains("DTSTART;VALUE=DATE:20280303"));

    fs::write(&path, "keep me").unwrap();
    let refused = write(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exists: add --force"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
    assert!(write(&["--force"]).status.success());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    // Nothing else was left in the directory.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn gap_lists_missing_skills_with_covering_certifications() {
    let gap = json(&["gap", "--role", "analyst", "--have", "sql,python"]);
    let missing: Vec<&str> = gap["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(!missing.contains(&"sql") && !missing.contains(&"python"));
    assert!(missing.contains(&"r") && missing.contains(&"hipaa"));
    let r = gap["missing"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "r")
        .unwrap();
    assert_eq!(r["certifications"][0]["id"], "chda");
    assert_eq!(r["certifications"][0]["domain"], "Data Analysis");
    let (code, _, err) = run(&["gap", "--role", "analyst", "--have", "sqll"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `sql`?"));
}

#[test]
fn plan_orders_eligible_first_and_costs_each_step() {
    let plan = json(&[
        "plan",
        "--role",
        "analyst",
        "--have",
        "sql",
        "--education",
        "associate",
        "--cahiim",
    ]);
    let steps = plan["steps"].as_array().unwrap();
    assert_eq!(
        steps[0]["id"], "rhit",
        "the one certification open now comes first"
    );
    assert_eq!(steps[0]["status"], "eligible");
    let statuses: Vec<&str> = steps
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    let rank = |s: &str| {
        ["eligible", "unknown", "not_eligible"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    assert!(
        statuses.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{statuses:?}"
    );
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(step["order"], i + 1);
        total_adds_up(&step["cost"]);
    }
    assert!(
        plan["gap"]["missing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["id"] != "sql")
    );
    let (code, out, _) = run(&[
        "plan", "--role", "analyst", "--have", "sql", "--format", "plain",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Certifications, in order\tStep 1: "), "{out}");
}

#[test]
fn the_closest_route_is_the_one_with_least_to_obtain_then_least_to_wait() {
    // A bachelor's with no experience: 5 years away by the bachelor route, 10 by experience
    // alone, and a degree away by the graduate route.
    let v = verdict(&["--education", "bachelor"], "cphims");
    assert!(
        v["route"]
            .as_str()
            .unwrap()
            .starts_with("Bachelor's degree"),
        "{v}"
    );
    assert_eq!(
        v["missing"],
        serde_json::json!([
            "5 more years of experience",
            "3 more years of healthcare experience"
        ])
    );
    // Only healthcare years short: that, not a master's degree, is what is missing.
    let v = verdict(
        &[
            "--education",
            "bachelor",
            "--experience-years",
            "9",
            "--healthcare-years",
            "1",
        ],
        "cphims",
    );
    assert_eq!(
        v["missing"],
        serde_json::json!(["2 more years of healthcare experience"])
    );
}

#[test]
fn credentials_held_together_renew_in_one_cycle_by_the_issuers_rule() {
    let t = json(&["cost", "rhia", "chda", "--years", "4", "--together"]);
    let renewals: Vec<&serde_json::Value> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["what"].as_str().unwrap().contains("renewal"))
        .collect();
    assert_eq!(renewals.len(), 1, "{t}");
    assert_eq!(renewals[0]["usd"], 268);
    assert_eq!(renewals[0]["ce_hours"], 40);
    assert_eq!(renewals[0]["year"], 3);
    assert_eq!(t["ids"], serde_json::json!(["rhia", "chda"]));
    // RHIA takes the RHIT's place: only the RHIA is renewed.
    let t = json(&["cost", "rhit", "rhia", "--years", "3", "--together"]);
    let whats: Vec<&str> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["what"].as_str().unwrap())
        .collect();
    assert!(
        whats.contains(&"RHIA renewal") && !whats.iter().any(|w| w.starts_with("RHIT renewal")),
        "{whats:?}"
    );
    // Without --together, each is costed on its own as before.
    let each = json(&["cost", "rhia", "chda", "--years", "4"]);
    assert_eq!(each.as_array().unwrap().len(), 2);
}

#[test]
fn naming_the_same_record_twice_is_a_usage_error() {
    for args in [
        vec!["cost", "rhia", "RHIA", "--years", "3"],
        vec!["compare", "cphims", "cphims"],
        vec!["compare", "analyst", "ANALYST"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("is named twice"), "{err}");
    }
}

/// One credential's renewal as a view tells it: its name, fee and CE hours.
type Renewal = (String, Value, Value);

/// The renewal the holder of `x` and `y` pays, as `hi status` and `hi cost --together` each
/// tell it, per credential renewed.
fn renewal_views(
    hi: fn() -> Hi,
    x: &str,
    y: &str,
    member_of: Option<&str>,
) -> (Vec<Renewal>, Vec<Renewal>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    let members = member_of.map_or(String::new(), |o| format!("memberships = [\"{o}\"]\n"));
    fs::write(
        &path,
        format!(
            "format = 1\n{members}[[credential]]\nid = \"{x}\"\nearned = \"2026-01-01\"\n\
             [[credential]]\nid = \"{y}\"\nearned = \"2026-01-01\"\n"
        ),
    )
    .unwrap();
    let status = hi().profile(&path).args(&["status"]).json();
    let mut cost_args = vec!["cost", x, y, "--together", "--years", "21"];
    if member_of.is_some() {
        cost_args.push("--member");
    }
    let cost = hi().args(&cost_args).json();
    let from_status = status
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["replaced_by"].is_null())
        .map(|s| {
            let name = s["name"].as_str().unwrap().to_string();
            // Hours are asked only where the renewal calendar is known.
            let hours = match s["required_hours"].is_null() {
                true => Value::Null,
                false => s["required_hours"].clone(),
            };
            (name, s["renewal_fee_usd"].clone(), hours)
        })
        .collect();
    let mut from_cost: Vec<Renewal> = Vec::new();
    for item in cost["items"].as_array().unwrap() {
        let what = item["what"].as_str().unwrap();
        let Some(names) = what
            .split_once(" renewal: ")
            .map(|(_, names)| names)
            .or_else(|| what.strip_suffix(" renewal"))
        else {
            continue;
        };
        for name in names.split(" + ") {
            if !from_cost.iter().any(|(n, _, _)| n == name) {
                from_cost.push((
                    name.to_string(),
                    item["usd"].clone(),
                    item["ce_hours"].clone(),
                ));
            }
        }
    }
    (from_status, from_cost)
}

/// Every pair of credentials of one issuer, member or not: the two views of the one renewal
/// rule agree on what each renewal costs and asks.
fn cost_and_status_agree_on_every_pair(hi: fn() -> Hi) {
    let certs = hi().args(&["certs"]).json();
    let certs = certs.as_array().unwrap();
    let mut pairs = 0;
    for (i, x) in certs.iter().enumerate() {
        for y in certs[i + 1..].iter().filter(|y| y["issuer"] == x["issuer"]) {
            let (x, y) = (x["id"].as_str().unwrap(), y["id"].as_str().unwrap());
            let issuer = certs[i]["issuer"].as_str().unwrap();
            for member_of in [None, Some(issuer)] {
                let (status, cost) = renewal_views(hi, x, y, member_of);
                for (name, fee, hours) in &status {
                    let (_, cost_fee, cost_hours) = cost
                        .iter()
                        .find(|(n, _, _)| n == name)
                        .unwrap_or_else(|| panic!("{x} + {y}: no renewal of {name} in cost"));
                    assert_eq!(fee, cost_fee, "{x} + {y} ({member_of:?}): {name}'s fee");
                    if !hours.is_null() {
                        assert_eq!(hours, cost_hours, "{x} + {y}: {name}'s CE hours");
                    }
                }
            }
            pairs += 1;
        }
    }
    assert!(pairs >= 10, "only {pairs} pairs");
}

#[test]
fn cost_and_status_agree_on_every_pair_of_one_issuer() {
    cost_and_status_agree_on_every_pair(Hi::new);
}

#[test]
fn cost_and_status_agree_on_every_pair_of_one_issuer_in_the_shipped_data() {
    cost_and_status_agree_on_every_pair(Hi::builtin);
}
