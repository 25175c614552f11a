//! Every command in every format, with the JSON contract asserted field by field.

use clap::CommandFactory;
use serde_json::Value;

use crate::common::{KINDS, by_id, hi, json, run};

#[test]
fn cli_definition_is_consistent() {
    hi::cli::Cli::command().debug_assert();
}

#[test]
fn every_list_is_a_json_array_of_records_with_ids() {
    for (command, id) in KINDS {
        let list = json(&[command]);
        let items = list
            .as_array()
            .unwrap_or_else(|| panic!("{command}: an array"));
        assert!(!items.is_empty(), "{command} lists nothing");
        for item in items {
            assert!(item["id"].is_string(), "{command}: a record without id");
        }
        by_id(&list, id);
    }
}

#[test]
fn every_show_is_one_json_object_with_its_id() {
    for (command, id) in KINDS {
        let record = json(&[command, id]);
        assert_eq!(record["id"], id, "{command} {id}");
    }
}

#[test]
fn show_ignores_case() {
    assert_eq!(json(&["certs", "CPHIMS"])["id"], "cphims");
    assert_eq!(json(&["roles", "Analyst"])["id"], "analyst");
}

#[test]
fn plain_lists_are_tab_separated_with_a_header() {
    for (command, _) in KINDS {
        let (code, out, _) = run(&[command, "--format", "plain"]);
        assert_eq!(code, 0, "{command}");
        let mut lines = out.lines();
        let header = lines.next().expect("a header");
        let columns = header.split('\t').count();
        assert!(columns >= 3, "{command}: header `{header}`");
        for line in lines {
            assert_eq!(line.split('\t').count(), columns, "{command}: `{line}`");
        }
    }
}

#[test]
fn piped_output_defaults_to_plain() {
    let (_, out, _) = run(&["roles"]);
    assert!(out.starts_with("ID\tRole\t"), "{out}");
    assert!(!out.contains('│'));
}

#[test]
fn tables_fit_the_width_asked_for() {
    for (command, id) in KINDS {
        for args in [vec![command], vec![command, id]] {
            let output = hi()
                .args(&args)
                .args(["--format", "table"])
                .env("COLUMNS", "80")
                .output()
                .unwrap();
            assert!(output.status.success(), "{args:?}");
            let out = String::from_utf8(output.stdout).unwrap();
            assert!(out.contains('│'), "{args:?}: no table");
            for line in out.lines() {
                assert!(line.chars().count() <= 80, "{args:?}: too wide: {line}");
            }
        }
    }
}

#[test]
fn plain_detail_is_label_tab_value() {
    let (code, out, _) = run(&["certs", "rhia", "--format", "plain"]);
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.contains('\t')), "{out}");
    assert!(out.contains("Issuer\tAHIMA (ahima)"));
    assert!(out.contains("Sources\t[ahima-rhia]"));
}

#[test]
fn certification_json_has_the_contract_fields() {
    let certs = json(&["certs"]);
    for cert in certs.as_array().unwrap() {
        for key in [
            "id",
            "name",
            "issuer",
            "level",
            "eligibility",
            "sources",
            "renewal",
        ] {
            assert!(!cert[key].is_null(), "{}: missing {key}", cert["id"]);
        }
        assert!(cert["eligibility"].is_array());
        assert!(cert.get("fees").is_some() && cert.get("exam").is_some());
        assert!(cert["renewal"].get("cycle_years").is_some());
        assert!(cert["renewal"].get("ce_hours").is_some());
    }
    let cphims = by_id(&certs, "cphims");
    assert_eq!(cphims["issuer"], "himss");
    assert_eq!(cphims["exam"]["duration_minutes"], 120);
    assert_eq!(cphims["fees"]["member_usd"], 405);
    assert_eq!(cphims["fees"]["non_member_usd"], 525);
    assert_eq!(cphims["fees"]["member_saving_usd"], 120);
    assert_eq!(cphims["fees"]["as_of"], "2020");
    assert_eq!(cphims["renewal"]["cycle_years"], 3);
    assert_eq!(cphims["renewal"]["ce_hours"], 45);
    // Every member fee is a number or null, never a string: `jq '.[].fees.member_usd'`.
    for cert in certs.as_array().unwrap() {
        let fee = &cert["fees"]["member_usd"];
        assert!(fee.is_u64() || fee.is_null(), "{}: {fee}", cert["id"]);
    }
}

#[test]
fn cert_filters_narrow_the_list() {
    let ahima = json(&["certs", "--issuer", "AHIMA"]);
    assert!(
        ahima
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["issuer"] == "ahima")
    );
    assert!(ahima.as_array().unwrap().len() >= 7);

    let entry = json(&["certs", "--level", "entry"]);
    assert!(
        entry
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["level"] == "entry")
    );

    // Non-member fees at most $300: RHIT and RHIA ($299), not CPHIMS ($525) nor any unknown.
    let cheap = json(&["certs", "--max-fee", "300"]);
    let ids: Vec<&str> = cheap
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["rhit", "rhia"]);
    let members = json(&["certs", "--max-fee", "405", "--member"]);
    let ids: Vec<&str> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // NI-BC's current price is ANA members' $270 (2014).
    assert_eq!(ids, ["cphims", "rhit", "rhia", "ni-bc"]);
}

#[test]
fn accreditation_filters_keep_what_a_source_states() {
    let ids = |args: &[&str]| -> Vec<String> {
        json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["certs", "--accredited"]), ["cca", "ni-bc"]);
    assert_eq!(ids(&["certs", "--accredited-by", "ncca"]), ["cca"]);
    assert_eq!(ids(&["certs", "--accredited-by", "ABSNC"]), ["ni-bc"]);
    let cca = json(&["certs", "--accredited-by", "NCCA"]);
    assert_eq!(cca[0]["accreditation"][0]["body"], "NCCA");
    assert_eq!(cca[0]["accreditation"][0]["source"], "transcodecpc-cca");
    // An accreditor no source names finds nothing, says so, and is no error.
    let (code, out, err) = run(&["certs", "--accredited-by", "anab", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(out, "[]\n");
    assert_eq!(
        err,
        "hi: no source in the data names `anab` as an accreditor; those named: ABSNC, NCCA\n"
    );
    let (_, _, err) = run(&["certs", "--accredited-by", "NC\u{1b}CA", "--json"]);
    assert!(
        err.contains("names `NC\\u{1b}CA` as an accreditor"),
        "{err}"
    );
}

#[test]
fn skill_filters_by_category_and_role() {
    let technical = json(&["skills", "--category", "technical"]);
    let ids: Vec<&str> = technical
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for id in [
        "r",
        "python",
        "sql",
        "data-visualization",
        "analytics-tools",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(
        technical
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["category"] == "technical")
    );

    let analyst = json(&["skills", "--role", "analyst"]);
    let roles = json(&["roles", "analyst"]);
    assert_eq!(
        analyst.as_array().unwrap().len(),
        roles["skills"].as_array().unwrap().len()
    );
}

#[test]
fn role_view_names_its_linked_records() {
    let (code, out, _) = run(&["roles", "analyst", "--format", "plain"]);
    assert_eq!(code, 0);
    assert!(out.contains("Skills\tSQL (sql) — technical"), "{out}");
    assert!(out.contains(
        "Recommended certifications (the project's judgment)\tRegistered Health Information Administrator (rhia) — AHIMA"
    ));
    assert!(out.contains("Daily responsibilities\tAnalyse health data for policy"));
    assert!(out.contains("Employer types\tGovernment (government)"));
}

#[test]
fn skill_view_names_the_roles_that_need_it() {
    let (_, out, _) = run(&["skills", "hipaa", "--format", "plain"]);
    assert!(
        out.contains("Roles that need it\tHealth information analyst (analyst)"),
        "{out}"
    );
    assert!(out.contains("Regulations\tHIPAA (hipaa)"));
}

#[test]
fn cert_view_names_its_issuer() {
    let (_, out, _) = run(&["certs", "cahims", "--format", "plain"]);
    assert!(out.contains("Issuer\tHIMSS (himss)"), "{out}");
}

#[test]
fn compare_certifications_shows_fees_and_saving_side_by_side() {
    let (code, out, _) = run(&["compare", "cahims", "cphims", "--format", "plain"]);
    assert_eq!(code, 0);
    let row = |label: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{label}\t")))
            .unwrap_or_else(|| panic!("no row {label}: {out}"))
            .split('\t')
            .skip(1)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(out.lines().next().unwrap(), "\tCAHIMS\tCPHIMS");
    assert_eq!(row("Member fee"), ["unknown", "$405"]);
    assert_eq!(row("Non-member fee"), ["$459", "$525"]);
    assert_eq!(row("Membership saves"), ["unknown", "$120"]);
    assert_eq!(row("Issuer"), ["HIMSS", "HIMSS"]);
    assert_eq!(row("Renewal cycle"), ["3 years", "3 years"]);
    assert_eq!(row("CE from issuer"), ["25 h", "25 h"]);
}

#[test]
fn compare_json_is_the_full_records_in_order() {
    let records = json(&["compare", "rhia", "rhit"]);
    let ids: Vec<&str> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["rhia", "rhit"]);
    assert!(records[0]["eligibility"].is_array());
}

#[test]
fn compare_roles_side_by_side() {
    let (code, out, _) = run(&["compare", "analyst", "consultant", "--format", "plain"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("\tHealth information analyst\tHealth informatics consultant"),
        "{out}"
    );
    assert!(out.contains("\nSkills\t"));
}

#[test]
fn search_groups_hits_by_kind_with_what_matched() {
    let hits = json(&["search", "HIPAA"]);
    let hits = hits.as_array().unwrap();
    let kinds: Vec<&str> = hits.iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert!(
        kinds.contains(&"skill") && kinds.contains(&"regulation"),
        "{kinds:?}"
    );
    let mut sorted = kinds.clone();
    sorted.dedup();
    let mut grouped = sorted.clone();
    grouped.sort_by_key(|k| kinds.iter().position(|x| x == k));
    assert_eq!(sorted, grouped, "hits of one kind are together");
    for hit in hits {
        for key in ["kind", "id", "name", "matched"] {
            assert!(hit[key].is_string(), "{hit}");
        }
    }
    let regulation = hits
        .iter()
        .find(|h| h["id"] == "hipaa" && h["kind"] == "regulation")
        .unwrap();
    assert_eq!(regulation["matched"], "id");
}

#[test]
fn search_finds_exam_domains_and_skills() {
    let hits = json(&["search", "revenue cycle"]);
    let rhia = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "rhia")
        .expect("rhia");
    assert_eq!(rhia["matched"], "exam domain");
    let hits = json(&["search", "sql"]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["kind"] == "role" && h["matched"] == "skill")
    );
}

#[test]
fn search_without_hits_succeeds_empty() {
    assert_eq!(json(&["search", "zzzz-no-such-text"]), Value::Array(vec![]));
    let (code, out, _) = run(&["search", "zzzz-no-such-text", "--format", "plain"]);
    assert_eq!(code, 0);
    assert_eq!(out, "Kind\tID\tName\tMatched\n");
}

#[test]
fn no_command_prints_commands_and_tour() {
    let (code, out, _) = run(&[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Commands:") && out.contains("A short tour:"),
        "{out}"
    );
    assert!(out.contains("compare"));
}

/// Every command, as the command line defines them (no hand-kept list to go stale), has
/// examples in its help.
#[test]
fn every_command_has_help_with_examples() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            found.push(path.clone());
            walk(sub, path, found);
            path.pop();
        }
    }
    let mut commands = Vec::new();
    walk(&hi::cli::Cli::command(), &mut Vec::new(), &mut commands);
    assert!(commands.len() > 25, "{}", commands.len());
    for command in commands {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let help = crate::common::Hi::new().args(&args).args(&["--help"]).ok();
        assert!(help.contains("Examples:\n  hi "), "{command:?}: {help}");
    }
}

#[test]
fn about_shows_the_data_version() {
    let about = json(&["about"]);
    assert!(about["data_version"].is_string());
    assert!(about["counts"]["certifications"].as_u64().unwrap() >= 12);
}
