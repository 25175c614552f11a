//! `hi site` and `hi report --html`, read back as a browser would: every page parses as HTML5,
//! every link inside the site leads to a file of it, nothing is asked from elsewhere, every
//! figure on a credential page is the figure `hi certs ID --json` gives, and a hostile catalog
//! comes out as text.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde_json::Value;

use crate::common::{data_copy, hi, json};

/// `hi site` on the fixture catalog (or on `data`), into a new folder; the folder's parent is
/// returned too so that it lives as long as the site.
fn site(data: Option<&Path>) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("site");
    let mut cmd = hi();
    if let Some(data) = data {
        cmd.env("HI_DATA_DIR", data);
    }
    let output = cmd.arg("site").arg(&dir).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (parent, dir)
}

/// Every HTML page of the site, by its path inside it.
fn pages(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut pages = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let text = fs::read_to_string(&path).unwrap();
                pages.insert(path.strip_prefix(dir).unwrap().to_path_buf(), text);
            }
        }
    }
    pages
}

fn select(selector: &str) -> Selector {
    Selector::parse(selector).unwrap()
}

/// The document, which must have parsed without an error.
fn parse(name: &Path, text: &str) -> Html {
    let document = Html::parse_document(text);
    assert!(
        document.errors.is_empty(),
        "{} does not parse as HTML5: {:?}",
        name.display(),
        document.errors
    );
    document
}

#[test]
fn every_page_parses_and_every_link_inside_the_site_leads_to_a_file_of_it() {
    let (_parent, dir) = site(None);
    let pages = pages(&dir);
    // The fixture's 16 credentials, 4 roles, 6 occupations and organizations, 41 sources.
    assert!(pages.len() > 70, "{} pages", pages.len());
    let mut links = 0;
    for (name, text) in &pages {
        let document = parse(name, text);
        let here = dir.join(name).parent().unwrap().to_path_buf();
        for attribute in ["href", "src"] {
            for element in document.select(&select(&format!("[{attribute}]"))) {
                let target = element.value().attr(attribute).unwrap();
                let is_anchor = element.value().name() == "a";
                if target.starts_with("https://") || target.starts_with("http://") {
                    assert!(
                        is_anchor,
                        "{}: asks {target} from elsewhere",
                        name.display()
                    );
                    continue;
                }
                let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                let file = match file {
                    "" => dir.join(name),
                    file => here.join(file),
                };
                assert!(file.is_file(), "{}: {target} leads nowhere", name.display());
                if !fragment.is_empty() {
                    let page = Html::parse_document(&fs::read_to_string(&file).unwrap());
                    let id = select(&format!("[id='{fragment}']"));
                    assert!(page.select(&id).next().is_some(), "{target}: no such id");
                }
                links += 1;
            }
        }
        // Every table names its headers, every chart has a text alternative.
        for table in document.select(&select("table")) {
            assert!(
                table.select(&select("th")).next().is_some(),
                "{}",
                name.display()
            );
        }
        for svg in document.select(&select("figure > svg")) {
            assert_eq!(svg.value().attr("role"), Some("img"));
            assert!(svg.select(&select("title")).next().is_some());
            assert!(svg.select(&select("desc")).next().is_some());
        }
    }
    assert!(links > 1000, "{links} links");
}

#[test]
fn every_kind_of_page_is_there_with_its_pictures() {
    let (_parent, dir) = site(None);
    let read = |path: &str| fs::read_to_string(dir.join(path)).unwrap();
    let cert = read("certs/cphims.html");
    for chart in ["fee-history", "cost", "renewal-timeline"] {
        assert!(cert.contains(&format!("id=\"{chart}-title\"")), "{chart}");
    }
    assert!(read("roles/analyst.html").contains("id=\"pay-title\""));
    assert!(read("occupations/index.html").contains("id=\"pay-title\""));
    assert!(read("compare/cahims_vs_cphims.html").contains("CAHIMS and CPHIMS side by side"));
    for page in [
        "index.html",
        "certs/track/coding.html",
        "certs/issuer/ahima.html",
        "certs/level/entry.html",
        "orgs/himss.html",
        "sources/seed-article.html",
        "compare/index.html",
    ] {
        assert!(dir.join(page).is_file(), "{page}");
    }
    // The issuer's list holds its credentials and no other, as `hi certs --issuer` does.
    let listed = json(&["certs", "--issuer", "ahima"]);
    let page = Html::parse_document(&read("certs/issuer/ahima.html"));
    let rows = page.select(&select("tr[data-fee-row]")).count();
    assert_eq!(rows, listed.as_array().unwrap().len());
}

/// The JSON value a `data-key` names: `fee_history.0.member_usd`.
fn at<'a>(value: &'a Value, key: &str) -> &'a Value {
    let pointer = format!("/{}", key.replace('.', "/"));
    value
        .pointer(&pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
}

#[test]
fn every_figure_on_a_credential_page_is_the_json_of_hi_certs() {
    let (_parent, dir) = site(None);
    let certs = json(&["certs"]);
    let mut figures = 0;
    for cert in certs.as_array().unwrap() {
        let id = cert["id"].as_str().unwrap();
        let record = json(&["certs", id]);
        let page = Html::parse_document(
            &fs::read_to_string(dir.join(format!("certs/{id}.html"))).unwrap(),
        );
        for element in page.select(&select("[data-key]")) {
            let key = element.value().attr("data-key").unwrap();
            let text: String = element.text().collect();
            match (at(&record, key), element.value().attr("value")) {
                (Value::Null, None) => assert_eq!(text, "unknown", "{id} {key}"),
                (Value::String(s), Some(v)) => assert_eq!(s, v, "{id} {key}"),
                (Value::Number(n), Some(v)) => {
                    assert_eq!(n.to_string(), v, "{id} {key}");
                    if key.ends_with("_usd") {
                        let dollars = hi::show::thousands(n.as_u64().unwrap());
                        assert_eq!(text, format!("${dollars}"), "{id} {key}");
                    }
                }
                (json, shown) => panic!("{id} {key}: JSON {json}, page {shown:?} {text:?}"),
            }
            figures += 1;
        }
    }
    assert!(figures > 120, "{figures} figures");
}

#[test]
fn a_hostile_catalog_comes_out_as_text() {
    let data = data_copy();
    let edit = |file: &str, from: &str, to: &str| {
        let path = data.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    let hostile =
        r#"<script>alert(1)</script> & \"x\" <img src=x onerror=alert(2)>\u001b[2J\u202e"#;
    edit(
        "certifications.toml",
        "name = \"CPHIMS\"",
        &format!("name = \"{hostile}\""),
    );
    edit(
        "roles.toml",
        "name = \"Health information analyst\"",
        &format!("name = \"{hostile}\""),
    );
    edit(
        "sources.toml",
        "url = \"https://estudarpara.com",
        "url = \"javascript:alert(3)//",
    );
    let (_parent, dir) = site(Some(data.path()));
    for (name, text) in pages(&dir) {
        parse(&name, &text);
        for raw in ["<script>alert", "<img src=x", "href=\"javascript:"] {
            assert!(!text.contains(raw), "{}: {raw}", name.display());
        }
        // No character reference stands for an escape or a bidi override: they are dropped.
        assert!(!text.contains(['\u{1b}', '\u{202e}']), "{}", name.display());
    }
    let cert = fs::read_to_string(dir.join("certs/cphims.html")).unwrap();
    assert!(cert.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    let source = fs::read_to_string(dir.join("sources/seed-article.html")).unwrap();
    assert!(source.contains("<code>javascript:alert(3)//"));
}

#[test]
fn an_existing_folder_is_replaced_only_when_forced_and_only_a_site() {
    let (parent, dir) = site(None);
    fs::write(dir.join("stray.txt"), "left over").unwrap();
    let again = |force: bool| {
        let mut cmd = hi();
        cmd.arg("site").arg(&dir);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = again(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("add --force"));
    assert!(again(true).status.success());
    assert!(
        !dir.join("stray.txt").exists(),
        "the old site is gone whole"
    );
    assert!(dir.join("index.html").is_file());

    let foreign = parent.path().join("mine");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("thesis.txt"), "precious").unwrap();
    let output = hi()
        .args(["site", "--force"])
        .arg(&foreign)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("refusing to replace it"));
    assert_eq!(
        fs::read_to_string(foreign.join("thesis.txt")).unwrap(),
        "precious"
    );
    let left = crate::common::temporary_left(parent.path());
    assert!(left.is_empty(), "{left:?}");
}

/// A profile holding RHIA and CPHIMS with a CE log, in a folder of its own.
fn holder() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("profile.toml");
    let run = |args: &[&str]| {
        let output = hi()
            .env("HI_PROFILE", &profile)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
    };
    run(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    run(&["profile", "add", "cphims", "--earned", "2025-03-15"]);
    run(&[
        "profile",
        "set",
        "--education",
        "bachelor",
        "--field",
        "him",
    ]);
    let ce = [
        "--date",
        "2026-02-20",
        "--hours",
        "6",
        "--title",
        "Chapter day",
    ];
    run(&[&["ce", "add"], &ce[..], &["--from", "himss", "--ethics"]].concat());
    home
}

#[test]
fn a_report_shows_what_a_person_can_sit_their_plan_and_their_renewals() {
    let home = holder();
    let profile = home.path().join("profile.toml");
    let file = home.path().join("report.html");
    let output = hi()
        .env("HI_PROFILE", &profile)
        .args(["report", "--role", "consultant", "--json", "--html"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(written["bytes"], text.len());
    let page = parse(&file, &text);
    assert!(
        page.select(&select("link, script, img")).next().is_none(),
        "one file"
    );
    let status = crate::common::hi()
        .env("HI_PROFILE", &profile)
        .args(["status", "--json"])
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&status.stdout).unwrap();
    for held in status.as_array().unwrap() {
        let end = held["cycle_end"].as_str().unwrap();
        assert!(text.contains(&format!("cycle ends {end}")), "{end}");
        let done = held["done_hours"].as_f64().unwrap();
        assert!(
            text.contains(&format!("<td class=\"num\">{done}</td>")),
            "{done}"
        );
    }
    // Each requirement's row says what `hi status` says is due: the hours, or the rule of a
    // category that asks for none ("no limit" is known, not unknown).
    let tables: Vec<_> = page
        .select(&select("article.held table"))
        .map(|table| {
            table
                .select(&select("tbody tr"))
                .map(|row| {
                    let cells: Vec<String> = row
                        .select(&select("th, td"))
                        .map(|c| c.text().collect::<String>())
                        .collect();
                    (cells[0].clone(), cells[2].clone())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let expected: Vec<Vec<(String, String)>> = status
        .as_array()
        .unwrap()
        .iter()
        .map(|held| {
            held["requirements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let due = match (&r["required_hours"], &r["limit"]) {
                        (Value::Number(h), _) => h.to_string(),
                        (Value::Null, Value::String(limit)) => limit.clone(),
                        _ => "unknown".to_string(),
                    };
                    (r["name"].as_str().unwrap().to_string(), due)
                })
                .collect()
        })
        .collect();
    assert_eq!(tables, expected);
    assert!(tables.concat().iter().any(|(_, due)| due == "no limit"));
    // The pace in the issuer's unit: RHIA's CE is counted in CEUs, not hours.
    let rhia = status
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "rhia");
    assert_eq!(rhia.unwrap()["ce_unit"], "ceu");
    let paces: Vec<String> = page
        .select(&select("article.held dd"))
        .map(|dd| dd.text().collect())
        .filter(|text: &String| text.contains("a month"))
        .collect();
    assert!(paces[0].contains(" CEUs a month"), "{paces:?}");
    assert!(paces[1].contains(" h a month"), "{paces:?}");
    assert!(text.contains("A plan toward Health informatics consultant"));
    assert!(text.contains("Eligible now"));
    // `-` prints the page itself.
    let printed = hi()
        .env("HI_PROFILE", &profile)
        .args(["report", "--html", "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&printed.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn neither_command_writes_over_the_profile_or_its_lock() {
    let home = holder();
    let profile = home.path().join("profile.toml");
    let before = fs::read_to_string(&profile).unwrap();
    let lock = home.path().join(".profile.toml.lock");
    fs::write(&lock, "").unwrap();
    for target in [&profile, &lock] {
        let output = hi()
            .env("HI_PROFILE", &profile)
            .args(["report", "--force", "--html"])
            .arg(target)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&output.stderr).contains("your profile"));
    }
    fs::write(home.path().join(hi::html::site::MARKER), "").unwrap();
    let output = hi()
        .env("HI_PROFILE", &profile)
        .args(["site", "--force"])
        .arg(home.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds files hi keeps for you"));
    assert_eq!(fs::read_to_string(&profile).unwrap(), before);
}

#[test]
fn an_interrupted_site_leaves_nothing_behind() {
    let parent = tempfile::tempdir().unwrap();
    let whole = {
        let (_keep, dir) = site(None);
        pages(&dir).len()
    };
    for i in 0..12u64 {
        let dir = parent.path().join(format!("site{i}"));
        let mut site = crate::common::process();
        site.arg("site").arg(&dir);
        crate::common::interrupt(site, std::time::Duration::from_micros(i * 400));
        // The site is whole or absent; no temporary folder is left.
        if dir.exists() {
            assert_eq!(pages(&dir).len(), whole);
        }
    }
    let left = crate::common::temporary_left(parent.path());
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_report_lists_what_eligible_finds_and_says_which_facts_were_not_given() {
    let flags = [
        "--education",
        "bachelor",
        "--field",
        "nursing",
        "--rn",
        "--experience-years",
        "4",
    ];
    let (code, text, _) = crate::common::run(&[&["report", "--html", "-"], &flags[..]].concat());
    assert_eq!(code, 0);
    let page = parse(Path::new("report"), &text);
    let eligible = json(&[&["eligible"], &flags[..]].concat());
    let first_table = page.select(&select("table")).next().unwrap();
    let listed: Vec<String> = first_table
        .select(&select("tbody th"))
        .map(|th| th.text().collect())
        .collect();
    let expected: Vec<&str> = eligible
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["status"] == "eligible")
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(listed, expected);
    assert!(text.contains("<dt>Of them in healthcare</dt><dd><span class=\"unknown\">not given"));
}
