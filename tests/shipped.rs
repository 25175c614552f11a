//! The shipped `data/`, built into `hi`: valid, linked, sourced and dated. These tests never
//! assert a particular figure, so recording a newer fee, adding a credential or a role breaks
//! none of them; what the figures are and how they show is tested on the fixture catalog.

use std::collections::HashSet;

use hi::catalog::Catalog;
use hi::model::{CycleEnd, Kind};

use crate::common::{Hi, builtin};

fn shipped() -> Catalog {
    hi::catalog::load(None).expect("the built-in data is valid")
}

#[test]
fn the_shipped_data_has_no_problem_and_no_warning() {
    let problems = hi::load::check(None).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    let output = builtin().args(["data", "check"]).output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
}

#[test]
fn every_kind_has_records_with_unique_ids() {
    let catalog = shipped();
    let mut seen = HashSet::new();
    for &kind in Kind::ALL {
        assert!(catalog.records_of(kind).count() > 0, "no {kind:?}");
    }
    for (kind, record) in catalog.everything() {
        assert!(
            seen.insert((kind, record.id())),
            "duplicate {kind:?} {}",
            record.id()
        );
        assert!(!record.name().trim().is_empty(), "{kind:?} {}", record.id());
    }
}

#[test]
fn every_reference_resolves_and_every_source_is_cited() {
    let catalog = shipped();
    let mut cited = HashSet::new();
    for (kind, record) in catalog.everything() {
        for link in record.declared().links {
            assert!(
                catalog.find(link.target, link.id).is_some(),
                "{kind:?} {}: {} names the unknown {:?} {}",
                record.id(),
                link.path,
                link.target,
                link.id
            );
            if link.target == Kind::Source {
                cited.insert(link.id);
            }
        }
    }
    for source in catalog.sources() {
        assert!(
            cited.contains(source.id.as_str()),
            "source {} is cited by nothing",
            source.id
        );
    }
}

#[test]
fn every_figure_names_its_source_and_a_dated_source_dates_it() {
    let catalog = shipped();
    for (kind, record) in catalog.everything() {
        for link in record.declared().links.iter().filter(|l| l.dated) {
            // A source that states its own date dates the figures taken from it; an undated
            // source gives undated figures, never the day it was read.
            let source = catalog.get::<hi::model::Source>(link.id).unwrap();
            if let Some(published) = source.published {
                assert!(
                    link.as_of.is_some(),
                    "{kind:?} {}: {} from {} (published {published}) has no date",
                    record.id(),
                    link.path,
                    link.id
                );
            }
            if let Some(as_of) = link.as_of {
                assert!(
                    as_of <= source.retrieved,
                    "{kind:?} {}: {} is dated {as_of}, after its source was read",
                    record.id(),
                    link.path
                );
            }
        }
    }
    for source in catalog.sources() {
        assert!(
            !source.url.is_empty() && !source.title.is_empty(),
            "{}",
            source.id
        );
    }
}

#[test]
fn the_compiled_catalog_is_the_toml() {
    let compiled = shipped();
    let parsed = Catalog::parsed(hi::load::build(&hi::load::Texts::embedded()).unwrap());
    // Each record decoded alone, before its kind is, equals its TOML source.
    for (kind, record) in parsed.everything() {
        let (id, name) = compiled.find(kind, record.id()).unwrap();
        assert_eq!((id, name), (record.id(), record.name()));
    }
    let json = |c: &Catalog| {
        serde_json::json!([
            c.about(),
            c.roles(),
            c.responsibilities(),
            c.skills(),
            c.employers(),
            c.certifications(),
            c.organizations(),
            c.salaries(),
            c.paths(),
            c.regulations(),
            c.occupations(),
            c.sources(),
        ])
    };
    assert_eq!(json(&compiled), json(&parsed));
}

#[test]
fn every_record_of_the_shipped_data_shows_in_every_format() {
    let catalog = shipped();
    for &kind in Kind::ALL {
        let ids: Vec<String> = catalog
            .records_of(kind)
            .map(|r| r.id().to_string())
            .collect();
        // The list, then each record: a failure names the record.
        let output = builtin().args([kind.command(), "--json"]).output().unwrap();
        assert!(output.status.success(), "hi {}", kind.command());
        for id in ids.iter().take(3) {
            for format in ["table", "plain", "json", "csv", "markdown"] {
                let output = builtin()
                    .args([kind.command(), id, "--format", format])
                    .output()
                    .unwrap();
                assert!(
                    output.status.success(),
                    "hi {} {id} --format {format}",
                    kind.command()
                );
            }
        }
    }
}

/// `hi status` shows a calendar for every credential of the shipped data, or says that its end
/// is unknown and how to set it, and `--check` reports that (exit 3): no credential is passed
/// over in silence, whatever the data knows of it.
#[test]
fn every_credential_has_a_calendar_or_says_how_to_set_its_end() {
    let dir = tempfile::tempdir().unwrap();
    for cert in shipped().certifications() {
        let id = cert.id.as_str();
        let profile = dir.path().join(format!("{id}.toml"));
        let hi = || Hi::builtin().profile(&profile);
        hi().args(&["profile", "add", id, "--earned", "2026-01-15"])
            .ok();
        let status = hi().args(&["status"]).json();
        let held = &status[0];
        let rule = &cert.renewal;
        let computable = rule.cycle_years.is_some()
            && rule
                .cycle_end
                .is_some_and(|end| end != CycleEnd::HolderDate);
        if computable {
            assert!(held["cycle_end"].is_string(), "{id}: {held}");
            continue;
        }
        let what_to_do = held["what_to_do"].as_str().unwrap();
        assert!(what_to_do.contains("--cycle-ends"), "{id}: {what_to_do}");
        let check = hi().args(&["status", "--check"]).run();
        assert_eq!(check.code, 3, "{id}: {}{}", check.stdout, check.stderr);
    }
}
