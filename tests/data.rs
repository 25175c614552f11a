//! What the data says and how `hi` shows it, on the fixture catalog: the seed's corrections
//! kept, history kept beside the current figure, unknowns shown as unknown. The shipped data's
//! integrity is checked, without any particular figure, in `shipped.rs`.

use hi::model::Kind;

use crate::common::{Hi, by_id, data_copy, fixture_catalog as catalog, hi, json, run};

#[test]
fn the_catalog_has_the_records_of_the_seed() {
    let catalog = catalog();
    assert_eq!(catalog.roles().len(), 6);
    assert!(catalog.certifications().len() >= 12);
    assert_eq!(catalog.responsibilities().len(), 6);
    assert_eq!(catalog.paths().len(), 4);
    for id in ["himss", "ahima", "cahiim"] {
        assert!(catalog.organizations().iter().any(|o| o.id == id), "{id}");
    }
    for id in ["hipaa", "hitech"] {
        assert!(catalog.regulations().iter().any(|r| r.id == id), "{id}");
    }
    for id in [
        "providers",
        "device-makers",
        "pharma",
        "insurers",
        "government",
    ] {
        assert!(catalog.employers().iter().any(|e| e.id == id), "{id}");
    }
    for id in [
        "cahims",
        "cphims",
        "rhit",
        "rhia",
        "cphims-ca",
        "cpdhts",
        "chda",
        "chps",
        "cca",
        "ccs",
        "cdip",
        "achip",
        "ni-bc",
    ] {
        assert!(catalog.certifications().iter().any(|c| c.id == id), "{id}");
    }
}

#[test]
fn the_newest_observation_is_current_and_history_is_kept() {
    let cahims = json(&["certs", "cahims"]);
    let history = cahims["fee_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["member_usd"], 240);
    assert_eq!(history[0]["non_member_usd"], 315);
    assert_eq!(history[0]["as_of"], "2020");
    assert_eq!(cahims["fees"]["affiliate_usd"], 369);
    assert_eq!(cahims["fees"]["non_member_usd"], 459);
    assert_eq!(cahims["fees"]["as_of"], "2026");
    assert!(cahims["fees"]["member_usd"].is_null());

    let rhia = json(&["certs", "rhia"]);
    assert_eq!(rhia["exam"]["duration_minutes"], 210);
    assert_eq!(rhia["exam"]["questions"], 150);
    assert_eq!(rhia["exam"]["as_of"], "2023-10-01");
    let old = rhia["exam_history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["questions"] == 180)
        .unwrap();
    assert_eq!(old["duration_minutes"], 240);

    let (_, out, _) = run(&["certs", "cahims", "--format", "plain"]);
    assert!(out.contains("Fee history\tmember $240, non-member $315, membership saves $75 — as of 2020, over 3 years old [seed-article, seed article]"), "{out}");
    assert!(out.contains("Fee history\tmember unknown, non-member $459, organizational affiliate $369 — as of 2026 [cahimsexam-format, third-party]"));
    assert!(
        out.contains("(current: the newest dated of 2 observations)"),
        "{out}"
    );
}

#[test]
fn unknown_values_are_null_and_show_as_unknown() {
    let chda = json(&["certs", "chda"]);
    assert!(chda["fees"].is_null());
    assert_eq!(chda["eligibility"], serde_json::json!([]));
    assert!(chda["exam"]["duration_minutes"].is_null());
    let (_, out, _) = run(&["certs", "chda", "--format", "plain"]);
    assert!(out.contains("Fees\tunknown"), "{out}");
    assert!(out.contains("Eligibility (any one route)\tunknown"));
    let (_, out, _) = run(&["compare", "chda", "cpdhts", "--format", "plain"]);
    assert!(out.contains("Exam length\tunknown\tunknown"), "{out}");
}

#[test]
fn corrections_of_the_seed_are_kept_as_notes() {
    let catalog = catalog();
    let notes = |id: &str| {
        catalog
            .certifications()
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .notes
            .join(" ")
    };
    assert!(notes("rhit").contains("associate-degree level of a CAHIIM-accredited HIM program"));
    assert!(notes("rhit").contains("the seed asks for a bachelor's degree"));
    assert!(notes("rhia").contains("circular"));
    assert!(notes("rhia").contains("before October 2023"));
    assert!(notes("cphims").contains("10 years"));
    assert!(notes("cahims").contains("2 ethics hours"));
    assert!(notes("cahims").contains("$369"));
    let payscale = catalog
        .salaries()
        .iter()
        .find(|s| s.id == "payscale-median-annual")
        .unwrap();
    assert!(payscale.notes.join(" ").contains("$49,878"));

    let rhit = json(&["certs", "rhit"]);
    let route = &rhit["eligibility"][0];
    assert_eq!(route["education"], "associate");
    assert_eq!(route["cahiim"], true);
    let (_, out, _) = run(&["certs", "rhit", "--format", "plain"]);
    assert!(
        out.contains("Notes\tEligibility corrected: the seed asks for a bachelor's degree"),
        "{out}"
    );
}

#[test]
fn detail_views_end_with_their_sources() {
    for (command, id) in crate::common::KINDS.iter().filter(|(c, _)| *c != "sources") {
        let (_, out, _) = run(&[command, id, "--format", "plain"]);
        let last = out.lines().last().unwrap();
        assert!(last.starts_with("Sources\t["), "{command} {id}: {last}");
    }
}

#[test]
fn sources_show_what_cites_them_and_which_figures_are_old() {
    let (_, out, _) = run(&["sources", "bls-ooh-29-9021", "--format", "plain"]);
    assert!(
        out.contains("Cited by\toccupation 29-9021: median and outlook (as of 2022-05)"),
        "{out}"
    );
    let stale = json(&["sources", "--older-than", "3"]);
    let stale = stale.as_array().unwrap();
    assert!(
        stale
            .iter()
            .any(|c| c["id"] == "cahims" && c["what"] == "fees" && c["as_of"] == "2020")
    );
    // The 2026 fee observation is not older than 3 years.
    assert!(!stale.iter().any(|c| c["as_of"] == "2026"));
    let everything = json(&["sources", "--older-than", "0"]);
    assert!(everything.as_array().unwrap().len() > stale.len());
}

#[test]
fn salaries_say_whether_hourly_or_annual() {
    let salaries = json(&["salaries"]);
    let hourly = by_id(&salaries, "payscale-median-hourly");
    assert_eq!(hourly["period"], "hour");
    assert_eq!(hourly["amount_cents"], 2398);
    let annual = by_id(&salaries, "payscale-median-annual");
    assert_eq!(annual["period"], "year");
    assert_eq!(annual["amount_cents"], 6753400);
    let (_, out, _) = run(&["salaries", "--format", "plain"]);
    assert!(out.contains("payscale-median-hourly\tHealth informatics specialist\tmedian\t$23.98\thour\t2020\tseed-article"), "{out}");
}

#[test]
fn roles_link_to_occupations_with_the_caveat() {
    let analyst = json(&["roles", "analyst"]);
    assert!(
        analyst["occupations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == "29-9021")
    );
    let occupation = json(&["occupations", "29-9021"]);
    assert_eq!(occupation["median_annual_usd"], 58250);
    assert_eq!(occupation["outlook_percent"], 16);
    let specialist = json(&["occupations", "15-1211.01"]);
    assert!(
        specialist["notes"][0]
            .as_str()
            .unwrap()
            .contains("all Computer Systems Analysts")
    );
    let catalog = catalog();
    for code in ["15-1211.01", "29-9021", "29-2072", "11-9111"] {
        assert!(catalog.occupations().iter().any(|o| o.id == code), "{code}");
    }
    assert!(
        catalog
            .name_of(Kind::Occupation, "29-9021")
            .starts_with("Health Information")
    );
}

#[test]
fn roles_have_a_level_and_show_where_they_come_from_and_lead() {
    let roles = json(&["roles"]);
    for role in roles.as_array().unwrap() {
        assert!(role["level"].is_string(), "{role}");
    }
    let support = by_id(&roles, "implementation-support");
    assert_eq!(support["level"], "entry");
    assert_eq!(support["leads_to"][0]["role"], "analyst");
    assert_eq!(support["leads_to"][1]["judgment"], true);
    let (_, out, _) = run(&["roles"]);
    assert!(out.starts_with("ID\tRole\tLevel\tLeads to\t"), "{out}");
    assert!(out.contains("implementation-support\tImplementation support specialist\tentry\tanalyst, consultant\t"), "{out}");
    let (_, out, _) = run(&["roles", "analyst", "--format", "plain"]);
    assert!(
        out.contains("Level\tmid-level (the project's judgment)"),
        "{out}"
    );
    assert!(
        out.contains("Comes from\tImplementation support specialist (implementation-support)"),
        "{out}"
    );
    assert!(out.contains("Leads to\tHealth information project manager (project-manager), senior — asks 3 years of experience; CPHIMS — [seed-article, seed article]"), "{out}");
}

#[test]
fn the_data_check_refuses_moves_that_lead_round_in_a_circle() {
    let dir = crate::common::data_copy();
    let roles = dir.path().join("roles.toml");
    let text = std::fs::read_to_string(&roles).unwrap();
    // analyst and consultant are both mid-level: a move each way is a circle, not a fall.
    let back =
        |to: &str| format!("[[role.leads_to]]\nrole = \"{to}\"\nsources = [\"seed-article\"]\n\n");
    let text = text.replacen(
        "[[role.leads_to]]\nrole = \"project-manager\"\nsources = [\"seed-article\"]\nnote = \"A fixture move: sourced, with experience",
        &(back("consultant") + "[[role.leads_to]]\nrole = \"project-manager\"\nsources = [\"seed-article\"]\nnote = \"A fixture move: sourced, with experience"),
        1,
    );
    let text = text.replacen(
        "[[role.leads_to]]\nrole = \"project-manager\"\nsources = [\"seed-article\"]\nnote = \"A fixture move: sourced, with a degree",
        &(back("analyst") + "[[role.leads_to]]\nrole = \"project-manager\"\nsources = [\"seed-article\"]\nnote = \"A fixture move: sourced, with a degree"),
        1,
    );
    std::fs::write(&roles, text).unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["data", "check", dir_arg]);
    assert_eq!(code, 1, "{out}{err}");
    let circles: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("a circle of moves"))
        .collect();
    assert_eq!(circles.len(), 2, "{out}");
    assert!(
        circles[0]
            .contains("`analyst`: its moves lead back to it (analyst → consultant → analyst)"),
        "{out}"
    );
    assert!(circles[1].contains("`consultant`"), "{out}");
    // A catalog with a circle is not loaded at all.
    Hi::new()
        .args(&["--data-dir", dir_arg, "path", "analyst", "consultant"])
        .fails(1, "a circle of moves");
}

#[test]
fn a_former_id_finds_the_renamed_record_and_says_so() {
    let (code, out, err) = run(&["certs", "achip", "--format", "plain"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("Formerly\tformer id `ahic`"), "{out}");
    for typed in ["ahic", "AHIC"] {
        let (code, out, err) = run(&["certs", typed, "--json"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(err, "hi: `ahic` is the former id of `achip`\n");
        let cert: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(cert["id"], "achip");
        assert_eq!(cert["former_ids"], serde_json::json!(["ahic"]));
    }
    // Every command looks ids up the same way.
    let (code, _, err) = run(&["cost", "ahic", "--years", "4", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("`ahic` is the former id of `achip`"), "{err}");
    // Under another kind's command, it is named for what it is.
    Hi::new()
        .args(&["roles", "ahic"])
        .fails(1, "it is a certification: try `hi certs ahic`");
}

#[test]
fn search_finds_former_ids_and_names() {
    let hits = json(&["search", "rn-bc"]);
    let hit = by_id(&hits, "ni-bc");
    assert_eq!(hit["matched"], "former name");
    let hits = json(&["search", "ahic"]);
    assert_eq!(by_id(&hits, "achip")["kind"], "certification");
    let (_, out, _) = run(&["certs", "ni-bc", "--format", "plain"]);
    assert!(
        out.contains("Formerly\tRN-BC [intelycare-nibc, third-party]"),
        "{out}"
    );
}

#[test]
fn a_former_id_that_is_still_some_record_s_id_is_refused() {
    let dir = data_copy();
    let path = dir.path().join("certifications.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "former_ids = [\"ahic\"]",
            "former_ids = [\"cdip\", \"Bad Id\"]",
        ),
    )
    .unwrap();
    let output = hi()
        .arg("data")
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("`achip`: field `former_ids[0]`: `cdip` is the id of a certification in use"),
        "{out}"
    );
    assert!(
        out.contains("field `former_ids[1]`: must be a lowercase slug"),
        "{out}"
    );
}

#[test]
fn accreditation_is_what_a_source_states_and_never_a_guessed_no() {
    let (_, out, _) = run(&["certs", "cphims", "--format", "plain"]);
    assert!(
        out.contains("Accreditation\tnot stated in the sources read"),
        "{out}"
    );
    let (_, out, _) = run(&["certs", "ni-bc", "--format", "plain"]);
    assert!(
        out.contains(
            "Accreditation\taccredited by ABSNC — as of 2024-03 [ancc-nibc-quote, third-party]"
        ),
        "{out}"
    );
    // A source saying "not accredited" is shown as a statement, apart from silence.
    let dir = data_copy();
    let path = dir.path().join("certifications.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let statement =
        "former_ids = [\"ahic\"]\nnot_accredited = { source = \"amia-ahic\", note = \"n\" }";
    std::fs::write(&path, text.replace("former_ids = [\"ahic\"]", statement)).unwrap();
    let output = hi()
        .args(["certs", "achip", "--format", "plain", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains(
            "Accreditation\tnot accredited, a source states — undated [amia-ahic, issuer] — note: n"
        ),
        "{out}"
    );
    let output = hi()
        .args(["certs", "--accredited", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        !listed
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "achip")
    );
}

#[test]
fn an_old_current_price_says_what_undated_later_sources_give() {
    let ni = json(&["certs", "ni-bc"]);
    assert_eq!(ni["fees"]["as_of"], "2014");
    assert_eq!(ni["fees"]["non_member_usd"], 395);
    assert_eq!(ni["fees"]["undated_later"], serde_json::json!([1]));
    assert_eq!(ni["fee_history"][1]["price_usd"], 395);
    assert!(ni["fee_history"][1]["non_member_usd"].is_null());
    // A list marks it, so that a narrow column keeps the date whole, and says what the mark
    // means under the table.
    let (_, out, _) = run(&["certs", "--format", "markdown"]);
    assert!(out.contains("| 2014 †*‡ |"), "{out}");
    assert!(
        out.contains("‡ an undated source written later gives another amount"),
        "{out}"
    );
    let (_, out, _) = run(&["certs", "ni-bc", "--format", "plain"]);
    assert!(
        out.contains("over 3 years old [exampedia-ni, third-party] — note: The member price is for ANA members. (current: the newest dated of 2 observations); undated observations written after it may be newer: $395 (no tier stated) undated [intelycare-nibc, third-party]"),
        "{out}"
    );
    // A recent current figure needs no such word: CAHIMS's 2026 fee was written last.
    let (_, out, _) = run(&["certs", "cahims", "--format", "plain"]);
    assert!(!out.contains("undated later source"), "{out}");
}

#[test]
fn the_renewal_fee_is_the_newest_dated_and_conflicting_ones_are_shown() {
    let cdip = json(&["certs", "cdip"]);
    let renewal = &cdip["renewal"];
    assert_eq!(renewal["fee_non_member_usd"], 249);
    assert_eq!(renewal["fee_member_usd"], 100);
    assert_eq!(renewal["fee_as_of"], "2026-04");
    assert_eq!(renewal["fee_source"], "oep-cca-guide-2026");
    assert_eq!(renewal["fee_history"].as_array().unwrap().len(), 3);
    let (_, out, _) = run(&["certs", "cdip", "--format", "plain"]);
    assert!(
        out.contains("(current: the newest dated of 3 observations); other sources give: non-member $218 undated [ahima-recert-faq, issuer]; member $100, non-member $218 as of 2026-02 [mbct-cca, third-party]"),
        "{out}"
    );
    let cost = json(&["cost", "cdip", "--years", "3"]);
    let renewal = cost[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["what"] == "renewal")
        .unwrap()
        .clone();
    assert_eq!(renewal["amount_usd"], 249);
    // A total built on a contested fee says so.
    let notes = cost[0]["notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n.as_str().unwrap().contains(
            "newest dated observation, member $100, non-member $249 (2026-04); other sources give non-member $218 (undated)"
        )),
        "{notes:?}"
    );
}

#[test]
fn each_occupation_figure_is_the_newest_of_its_kind() {
    // The newest edition has a median and no outlook: the outlook is the older edition's,
    // with that edition's years, date and source.
    let o = json(&["occupations", "15-1211.01"]);
    assert_eq!(o["median_annual_usd"], 93730);
    assert_eq!(o["median_as_of"], "2020-05");
    assert_eq!(o["figures_source"], "jeghers-bls-cit");
    assert_eq!(o["outlook_percent"], 9);
    assert_eq!(o["outlook_period"], "2018–28");
    assert_eq!(o["outlook_as_of"], "2018-05");
    assert_eq!(o["outlook_source"], "bls-ooh-15-1211");
    let (_, out, _) = run(&["occupations", "15-1211.01", "--format", "plain"]);
    assert!(
        out.contains(
            "Outlook\t+9% (2018–28) — as of 2018-05, over 3 years old [bls-ooh-15-1211, government]"
        ),
        "{out}"
    );
}
