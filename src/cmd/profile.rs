//! `hi profile [set|add|remove]`: the person's facts and the credentials they hold.

use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;
use toml_edit::value;

use crate::catalog::Catalog;
use crate::cli::{FactsArgs, ProfileAction, ProfileCommandArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Kind, Organization};
use crate::output::{Cell, Detail, Output};
use crate::profile::{self, Profile, entry, strings, table, tables};

pub fn run(args: &ProfileCommandArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let path = &ctx.profile_path()?;
    let today = ctx.today()?;
    match &args.action {
        None => show(catalog, path, out)?,
        Some(ProfileAction::Set(set)) => {
            let orgs = catalog.distinct::<Organization>(&set.member_of)?;
            let set_any = set_facts(&set.facts, &orgs, path)?;
            if !set_any {
                return Err(crate::error::usage(
                    "nothing to set: give a flag, e.g. --education bachelor",
                ));
            }
            changed(out, path, "profile updated")?;
        }
        Some(ProfileAction::Add { cert, earned, .. }) => {
            let cert = catalog.get::<Certification>(cert)?;
            let earned = crate::clock::date_arg("--earned", earned)?;
            if earned > today {
                return Err(crate::error::usage(format!(
                    "--earned {earned} is after today ({today})"
                )));
            }
            profile::edit(path, |doc, stored| {
                if stored.credentials.iter().any(|h| h.id == cert.id) {
                    bail!(
                        "{} is in the profile already: `hi profile remove {}` first",
                        cert.name,
                        cert.id
                    );
                }
                tables(doc, "credential")?.push(entry(&[
                    ("id", value(&cert.id)),
                    ("earned", value(earned.to_string())),
                ]));
                Ok(())
            })?;
            changed(out, path, &format!("{} earned {earned} added", cert.name))?;
        }
        Some(ProfileAction::Remove { cert, .. }) => {
            let id = cert.to_ascii_lowercase();
            profile::edit(path, |doc, stored| {
                let Some(i) = stored.credentials.iter().position(|h| h.id == id) else {
                    let held: Vec<&str> =
                        stored.credentials.iter().map(|h| h.id.as_str()).collect();
                    bail!(
                        "`{}` is not in the profile; it holds {}",
                        crate::sanitize::clean_line(cert),
                        if held.is_empty() {
                            "no credential".to_string()
                        } else {
                            held.join(", ")
                        }
                    );
                };
                tables(doc, "credential")?.remove(i);
                Ok(())
            })?;
            changed(out, path, &format!("{id} removed"))?;
        }
    }
    Ok(Outcome::Done)
}

/// Sets the facts given and the memberships named; whether anything was given.
fn set_facts(facts: &FactsArgs, orgs: &[&Organization], path: &Path) -> Result<bool> {
    let mut given: Vec<(&str, toml_edit::Item)> = Vec::new();
    if let Some(education) = facts.education {
        given.push(("education", value(education.keyword())));
    }
    if let Some(field) = facts.field {
        given.push(("field", value(field.keyword())));
    }
    for (key, flag) in [("cahiim", facts.cahiim), ("rn", facts.rn)] {
        if let Some(flag) = flag {
            given.push((key, value(flag)));
        }
    }
    for (key, number) in [
        ("experience_years", facts.experience_years),
        ("healthcare_years", facts.healthcare_years),
        ("ce_hours", facts.ce_hours),
    ] {
        if let Some(number) = number {
            given.push((key, value(i64::from(number))));
        }
    }
    if given.is_empty() && orgs.is_empty() {
        return Ok(false);
    }
    profile::edit(path, |doc, stored| {
        let experience = facts.experience_years.or(stored.facts.experience_years);
        let healthcare = facts.healthcare_years.or(stored.facts.healthcare_years);
        if let (Some(experience), Some(healthcare)) = (experience, healthcare)
            && healthcare > experience
        {
            return Err(crate::error::usage(format!(
                "healthcare years ({healthcare}) count within the years of experience ({experience}), so they cannot be more"
            )));
        }
        let table = table(doc, "facts")?;
        for (key, item) in given.iter().cloned() {
            table.insert(key, item);
        }
        let mut members = stored.memberships.clone();
        members.extend(
            orgs.iter()
                .map(|o| o.id.clone())
                .filter(|id| !stored.memberships.contains(id)),
        );
        if !orgs.is_empty() {
            doc.insert("memberships", strings(&members));
        }
        Ok(())
    })?;
    Ok(true)
}

/// After a change: where it was written, on stderr, and the profile as it is now, as JSON.
fn changed(out: &mut Output, path: &Path, what: &str) -> Result<()> {
    out.message(&format!("{what}: {}", path.display()))?;
    let stored = profile::load(path)?;
    match out.data_only() {
        true => out.json(&stored),
        false => Ok(()),
    }
}

#[derive(Serialize)]
struct Shown<'a> {
    path: String,
    #[serde(flatten)]
    profile: &'a Profile,
}

fn show(catalog: &Catalog, path: &Path, out: &mut Output) -> Result<()> {
    let stored = profile::load(path)?;
    let mut detail = Detail::new(format!("Your profile ({})", path.display()));
    let f = &stored.facts;
    let or_unknown = |v: Option<String>| v.map_or_else(Cell::unknown, Cell::from);
    detail.field(
        "Education",
        or_unknown(f.education.map(|e| e.label().to_string())),
    );
    detail.field("Field", or_unknown(f.field.map(|e| e.label().to_string())));
    detail.field(
        "CAHIIM-accredited program",
        or_unknown(f.cahiim.map(|b| yes(b).to_string())),
    );
    detail.field(
        "Years of experience",
        or_unknown(f.experience_years.map(|y| y.to_string())),
    );
    detail.field(
        "Of them in healthcare",
        or_unknown(f.healthcare_years.map(|y| y.to_string())),
    );
    detail.field(
        "CE hours in the field",
        or_unknown(f.ce_hours.map(|y| y.to_string())),
    );
    detail.field(
        "Active RN licence",
        or_unknown(f.rn.map(|b| yes(b).to_string())),
    );
    let members: Vec<String> = stored
        .memberships
        .iter()
        .map(|m| catalog.name_of(Kind::Organization, m))
        .collect();
    detail.field(
        "Member of",
        if members.is_empty() {
            "none".to_string()
        } else {
            members.join(", ")
        },
    );
    let held = stored.credentials.iter().map(|h| {
        format!(
            "{} ({}), earned {}",
            catalog.name_of(Kind::Certification, &h.id),
            h.id,
            h.earned
        )
    });
    detail.section("Credentials held", held.collect());
    detail.field("CE activities logged", stored.ce.len().to_string());
    let shown = Shown {
        path: path.display().to_string(),
        profile: &stored,
    };
    out.detail(&detail, &shown)
}

fn yes(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}
