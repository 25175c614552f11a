//! eligible, cost, renew, gap, plan and path: their boundaries, through the binary.

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
            .any(|l| l == "cphims\tnot eligible\t1 more year of healthcare experience"),
        "{out}"
    );
}

#[test]
fn a_fact_not_given_is_unknown_and_the_verdict_names_its_flag() {
    let (code, _, err) = run(&["eligible", "--cert", "cphims"]);
    assert_eq!(code, 0);
    assert!(
        err.is_empty(),
        "nothing is assumed, so nothing to warn of: {err}"
    );
    let v = verdict(&[], "cphims");
    assert_eq!(v["status"], "unknown");
    assert_eq!(
        v["ask"],
        serde_json::json!(["--education", "--experience-years", "--healthcare-years"])
    );
    // A fact given that rules every route out makes it "not eligible", the rest unknown or not.
    let v = verdict(&["--experience-years", "1"], "cphims");
    assert_eq!(v["status"], "not_eligible", "{v}");
}

#[test]
fn cahims_high_school_route_needs_45_ce_hours_in_health_it() {
    let with = |ce: &str| verdict(&["--education", "high-school", "--ce-hours", ce], "cahims");
    assert_eq!(with("health-it=45")["status"], "eligible");
    let short = with("health-it=44");
    assert_eq!(short["status"], "not_eligible");
    assert_eq!(
        short["missing"],
        serde_json::json!(["1 more CE hour in health information and technology"])
    );
    // Hours of another kind, or of every kind together, do not meet it...
    assert_eq!(with("informatics=90")["status"], "unknown");
    let total = with("60");
    assert_eq!(total["status"], "unknown");
    assert_eq!(
        total["missing"],
        serde_json::json!(["tell me --ce-hours health-it=N"])
    );
    // ...though too few of every kind together rule it out.
    let few = with("20");
    assert_eq!(few["status"], "not_eligible");
    assert_eq!(
        few["missing"],
        serde_json::json!(["at least 25 more CE hours in health information and technology"])
    );
}

#[test]
fn a_degree_holder_with_experience_and_no_ce_given_is_unknown_for_cahims() {
    let v = verdict(
        &["--education", "bachelor", "--experience-years", "5"],
        "cahims",
    );
    assert_eq!(v["status"], "unknown");
    assert_eq!(v["ask"], serde_json::json!(["--ce-hours health-it=N"]));
}

#[test]
fn rhit_needs_a_cahiim_accredited_associate_program() {
    let ok = verdict(&["--education", "associate", "--cahiim"], "rhit");
    assert_eq!(ok["status"], "eligible");
    let phrase = serde_json::json!([
        "a CAHIIM-accredited associate program in health information management"
    ]);
    let unaccredited = verdict(
        &[
            "--education",
            "associate",
            "--field",
            "him",
            "--cahiim=false",
        ],
        "rhit",
    );
    assert_eq!(unaccredited["status"], "not_eligible");
    assert_eq!(unaccredited["missing"], phrase);
    // An HIM graduate who did not say whether the program is accredited: unknown, asked.
    let untold = verdict(&["--education", "associate", "--field", "him"], "rhit");
    assert_eq!(untold["status"], "unknown");
    assert_eq!(untold["missing"], serde_json::json!(["tell me --cahiim"]));
}

#[test]
fn a_route_whose_source_is_cut_off_is_to_confirm_with_the_issuer() {
    // CPHIMS's 10-year route: its share of healthcare years was not captured.
    let v = verdict(
        &["--experience-years", "12", "--education", "none"],
        "cphims",
    );
    assert_eq!(v["status"], "unknown", "{v}");
    assert!(
        v["missing"][0]
            .as_str()
            .unwrap()
            .starts_with("confirm with the issuer: part of the 10 years in healthcare"),
        "{v}"
    );
    assert_eq!(v["routes"][2]["status"], "unknown");
}

#[test]
fn a_route_whose_window_closed_is_shown_closed_with_its_date() {
    let v = verdict(
        &["--education", "doctorate", "--experience-years", "5"],
        "clinical-informatics",
    );
    let practice = &v["routes"][1];
    assert_eq!(practice["status"], "closed");
    assert_eq!(practice["until"], "2025");
    assert_eq!(
        practice["missing"],
        serde_json::json!(["the route closed after 2025"])
    );
    // The verdict stands on the open route, which asks what hi cannot check.
    assert_eq!(v["status"], "unknown");
    assert_eq!(v["route"], "Fellowship pathway");
    let (_, out, _) = run(&[
        "eligible",
        "--cert",
        "clinical-informatics",
        "--format",
        "plain",
    ]);
    assert!(
        out.contains("Practice pathway (time-limited)\tclosed\tthe route closed after 2025"),
        "{out}"
    );
}

#[test]
fn a_credential_whose_applications_are_not_open_says_so() {
    let v = verdict(
        &[
            "--education",
            "master",
            "--experience-years",
            "4",
            "--healthcare-years",
            "2",
        ],
        "cpdhts",
    );
    assert_eq!(v["status"], "unknown");
    assert_eq!(
        v["missing"],
        serde_json::json!([
            "confirm with the issuer: HIMSS had not opened applications when its page was read"
        ])
    );
    assert!(v["applications"].is_string());
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
        "informatics=30",
    ];
    let ni = verdict(&nurse, "ni-bc");
    assert_eq!(
        ni["status"], "unknown",
        "the practice-hours option cannot be checked"
    );
    assert!(
        ni["missing"][0]
            .as_str()
            .unwrap()
            .starts_with("to confirm: ")
    );
    let not_rn: Vec<&str> = nurse
        .iter()
        .map(|a| if *a == "--rn" { "--rn=false" } else { a })
        .collect();
    let ni = verdict(&not_rn, "ni-bc");
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
    Hi::new()
        .args(&["eligible", "--credential", "rhiaa"])
        .fails(1, "did you mean `rhia`?");
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
    assert!(
        out.contains("4\tunknown renewal (45 CE hours due)"),
        "{out}"
    );
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
    Hi::new()
        .args(&["renew", "achip", "--earned", "2025-01-31"])
        .fails(1, "the renewal calendar of ACHIP is unknown");
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
    Hi::new()
        .args(&["gap", "--role", "analyst", "--have", "sqll"])
        .fails(1, "did you mean `sql`?");
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
    // alone (with a share hi cannot check), and a degree away by the graduate route.
    let v = verdict(
        &[
            "--education",
            "bachelor",
            "--experience-years",
            "0",
            "--healthcare-years",
            "0",
        ],
        "cphims",
    );
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

#[test]
fn eligible_lists_one_line_per_credential_and_filters_by_status() {
    let args = [
        "eligible",
        "--education",
        "bachelor",
        "--experience-years",
        "5",
    ];
    let (_, out, _) = run(&args);
    let all = json(&args);
    assert_eq!(
        out.lines().count(),
        all.as_array().unwrap().len() + 1,
        "{out}"
    );
    assert!(out.starts_with("ID\tStatus\tFirst reason\n"), "{out}");
    for status in ["eligible", "unknown", "not-eligible"] {
        let only = json(&[&args[..], &["--status", status]].concat());
        let only = only.as_array().unwrap();
        assert!(!only.is_empty(), "{status}");
        assert!(
            only.iter().all(|v| v["status"] == status.replace('-', "_")),
            "{status}: {only:?}"
        );
    }
    let eligible = json(&[&args[..], &["--status", "eligible"]].concat());
    let ids: Vec<&str> = eligible
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"cca") && !ids.contains(&"cahims"), "{ids:?}");
    // --explain gives each route its own row.
    let (_, out, _) = run(&[&args[..], &["--explain", "--status", "not-eligible"]].concat());
    assert!(
        out.starts_with("ID\tStatus\tRoute\tRoute status\tMissing\n"),
        "{out}"
    );
    assert_eq!(run(&["eligible", "--status", "maybe"]).0, 2);
}

#[test]
fn ce_hours_take_a_kind_and_each_kind_once() {
    let (code, _, err) = run(&["eligible", "--ce-hours", "quantum=3"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("health-it, informatics, project-management"),
        "{err}"
    );
    Hi::new()
        .args(&[
            "eligible",
            "--ce-hours",
            "informatics=3",
            "--ce-hours",
            "informatics=4",
        ])
        .fails(2, "--ce-hours for informatics is given twice");
    // A kind cannot hold more hours than every kind together.
    Hi::new()
        .args(&[
            "eligible",
            "--ce-hours",
            "10",
            "--ce-hours",
            "informatics=30",
        ])
        .fails(2, "CE hours in informatics (30)");
}

#[test]
fn cost_counts_yearly_fees_from_year_one_and_a_cycle_fee_the_source_denies_as_zero() {
    let ctr = &json(&["cost", "ctr"])[0];
    assert_eq!(ctr["years"], 6, "--years defaults to 6, as in plan");
    assert_eq!(ctr["total_usd"], 415 + 6 * 105);
    assert_eq!(ctr["lower_bound"], false);
    total_adds_up(ctr);
    let yearly: Vec<u64> = ctr["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["what"] == "yearly maintenance")
        .map(|i| i["year"].as_u64().unwrap())
        .collect();
    assert_eq!(yearly, [1, 2, 3, 4, 5, 6]);
    assert!(
        ctr["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("late report")),
        "occasional fees are named as not counted: {ctr}"
    );
    let member = &json(&["cost", "ctr", "--member"])[0];
    assert_eq!(member["membership"], "joining");
    assert_eq!(member["total_usd"], 315 + 6 * 25);
    assert_eq!(
        member["unknown"],
        serde_json::json!(["the membership dues"])
    );
}

#[test]
fn dues_with_a_first_year_difference_and_membership_from_the_profile() {
    let joining = &json(&["cost", "pmp", "--member"])[0];
    // 405 + (129 + 10) + 5 × 119, with the member renewal fee unknown.
    assert_eq!(joining["total_usd"], 1139);
    assert_eq!(joining["lower_bound"], true);
    assert_eq!(
        joining["unknown"],
        serde_json::json!(["the member recertification fee"])
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    fs::write(&path, "format = 1\nmemberships = [\"pmi\"]\n").unwrap();
    let member = &Hi::new().profile(&path).args(&["cost", "pmp"]).json()[0];
    assert_eq!(member["membership"], "member");
    assert_eq!(member["total_usd"], 405 + 6 * 119);
    let flag = &Hi::new()
        .profile(&path)
        .args(&["cost", "pmp", "--non-member"])
        .json()[0];
    assert_eq!(flag["membership"], "non_member");
    assert_eq!(flag["total_usd"], 555 + 150);
    assert_eq!(run(&["cost", "pmp", "--member", "--non-member"]).0, 2);
}

#[test]
fn a_retake_is_counted_only_when_asked() {
    let plain = &json(&["cost", "ni-bc"])[0];
    let retake = &json(&["cost", "ni-bc", "--with-retake"])[0];
    assert_eq!(
        retake["total_usd"].as_u64().unwrap(),
        plain["total_usd"].as_u64().unwrap() + 270
    );
    // No retake fee in the data: unknown, never free.
    let cca = &json(&["cost", "cca", "--with-retake"])[0];
    assert!(
        cca["unknown"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "the retake fee"),
        "{cca}"
    );
}

#[test]
fn gap_finds_the_coding_credentials_for_coding_skills() {
    let gap = json(&["gap", "--role", "medical-coder"]);
    let covering = |skill: &str| -> Vec<String> {
        gap["missing"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == skill)
            .unwrap()["certifications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(covering("icd-10-coding"), ["cca", "ccs"]);
    assert_eq!(covering("cpt-hcpcs-coding"), ["cca"]);
}

#[test]
fn a_role_whose_certifications_test_none_of_its_skills_is_a_warning() {
    let dir = crate::common::data_copy();
    let roles = dir.path().join("roles.toml");
    let text = fs::read_to_string(&roles).unwrap().replace(
        "certifications = [\"cca\", \"ccs\"]",
        "certifications = [\"pmp\"]",
    );
    fs::write(&roles, text).unwrap();
    let (code, out, err) = run(&["data", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("warning: `medical-coder`: none of its certifications has an exam domain"),
        "{out}"
    );
}

#[test]
fn the_nurses_plan_starts_with_what_she_may_sit_and_builds_on_her_background() {
    let plan = json(&[
        "plan",
        "--role",
        "clinical-informaticist",
        "--education",
        "bachelor",
        "--field",
        "nursing",
        "--rn",
        "--experience-years",
        "4",
        "--ce-hours",
        "informatics=30",
    ]);
    let steps = plan["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    // First what she can sit now (CCA, whose exam covers HIPAA), then NI-BC, which hi cannot
    // settle (practice hours) but which builds on her background, before the rest.
    assert_eq!(steps[0]["status"], "eligible", "{ids:?}");
    let ni = ids.iter().position(|id| *id == "ni-bc").unwrap();
    assert!(
        steps[..ni].iter().all(|s| s["status"] == "eligible"),
        "{ids:?}"
    );
    assert_eq!(
        steps[ni]["fits"],
        serde_json::json!(["a degree in nursing", "an RN licence"])
    );
    assert!(
        steps[ni]["reason"]
            .as_str()
            .unwrap()
            .contains("builds on a degree in nursing and an RN licence"),
        "{}",
        steps[ni]["reason"]
    );
    // Those an HIM degree opens come after, and every step says why it is there.
    let rhit = ids.iter().position(|id| *id == "rhit").unwrap();
    assert!(
        rhit > ni && steps[rhit]["status"] == "not_eligible",
        "{ids:?}"
    );
    assert!(
        steps
            .iter()
            .all(|s| !s["why"].as_array().unwrap().is_empty())
    );
}

#[test]
fn path_lists_every_shortest_way_with_what_each_move_asks_and_who_says_so() {
    let found = json(&["path", "implementation-support", "project-manager"]);
    assert_eq!(found["moves"], 2);
    assert_eq!(found["total"], 2);
    assert_eq!(found["profile_given"], false);
    let ways = found["ways"].as_array().unwrap();
    let through: Vec<&str> = ways
        .iter()
        .map(|w| w["steps"][0]["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        through,
        ["analyst", "consultant"],
        "in the order the data lists moves"
    );
    let first = &ways[0]["steps"];
    assert_eq!(first[0]["sources"][0], "job-postings-2021");
    assert_eq!(first[0]["judgment"], false);
    let to_manager = &first[1];
    assert_eq!(to_manager["from"], "analyst");
    assert_eq!(to_manager["level"], "senior");
    assert_eq!(to_manager["requires"]["experience_years"], 3);
    assert_eq!(to_manager["sources"][0], "seed-article");
    let cphims = &to_manager["credentials"][0];
    assert_eq!(cphims["id"], "cphims");
    assert_eq!(cphims["cost"]["years"], 6);
    total_adds_up(&cphims["cost"]);
    // No profile: nothing is judged of the person, and null says so.
    assert!(to_manager["unmet"].is_null());
    assert!(cphims["eligibility"].is_null() && cphims["held"].is_null());
    // The other way passes through a move of the project's judgment, and says so.
    assert_eq!(ways[1]["steps"][0]["judgment"], true);
    assert_eq!(ways[1]["steps"][0]["sources"], serde_json::json!([]));
}

#[test]
fn path_with_sourced_moves_only_leaves_out_the_projects_judgment() {
    let found = json(&[
        "path",
        "implementation-support",
        "project-manager",
        "--sourced",
    ]);
    assert_eq!(
        (found["moves"].as_u64(), found["total"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(found["ways"][0]["steps"][0]["to"], "analyst");
    let found = json(&["path", "implementation-support", "consultant", "--sourced"]);
    assert!(found["moves"].is_null());
}

#[test]
fn path_judges_what_a_described_person_lacks_and_which_credentials_they_hold() {
    let found = json(&[
        "path",
        "analyst",
        "project-manager",
        "--education",
        "master",
        "--experience-years",
        "1",
        "--credential",
        "cphims",
    ]);
    assert_eq!(found["profile_given"], true);
    let step = &found["ways"][0]["steps"][0];
    assert_eq!(
        step["unmet"],
        serde_json::json!(["2 more years of experience"])
    );
    assert_eq!(step["credentials"][0]["held"], true);
    assert_eq!(step["credentials"][0]["eligibility"]["id"], "cphims");
    let (code, out, _) = run(&[
        "path",
        "consultant",
        "project-manager",
        "--education",
        "bachelor",
        "--format",
        "plain",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("You lack: a master's degree or higher"),
        "{out}"
    );
    assert!(out.contains("to confirm: years of client work"), "{out}");
}

#[test]
fn path_where_the_data_has_no_way_is_an_empty_answer_not_a_failure() {
    let output = hi()
        .args(["path", "project-manager", "analyst", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let found: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(found["moves"].is_null());
    assert_eq!(found["total"], 0);
    assert_eq!(found["ways"], serde_json::json!([]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no known way from `project-manager` to `analyst` in the data"),
        "{stderr}"
    );
    let (code, out, _) = run(&["path", "project-manager", "analyst", "--format", "plain"]);
    assert_eq!(code, 0);
    assert!(out.contains("no known way in the data"), "{out}");
}

#[test]
fn path_to_an_unknown_role_names_the_closest_and_a_missing_one_is_a_usage_error() {
    let (code, _, err) = run(&["path", "analyst", "project-manger"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `project-manager`?"), "{err}");
    let (code, _, _) = run(&["path", "analyst"]);
    assert_eq!(code, 2);
}
