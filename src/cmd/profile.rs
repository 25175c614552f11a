//! `hi profile [set|add|remove]`: the person's facts and the credentials they hold.

use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::{ProfileAction, ProfileCommandArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Kind, Organization};
use crate::output::{Cell, Detail, Output};
use crate::profile::{self, Held, Profile};

pub fn run(args: &ProfileCommandArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let path = &ctx.profile_path()?;
    match &args.action {
        None => show(catalog, path, out)?,
        Some(ProfileAction::Set(set)) => {
            let orgs = catalog.distinct::<Organization>(&set.member_of)?;
            let given = set.facts.facts();
            if given.is_empty() && orgs.is_empty() {
                return Err(crate::error::usage(
                    "nothing to set: give a flag, e.g. --education bachelor",
                ));
            }
            profile::edit(path, |doc, stored| {
                given
                    .or(&stored.facts)
                    .check()
                    .map_err(crate::error::usage)?;
                doc.set_facts(&given)?;
                if !orgs.is_empty() {
                    let mut members = stored.memberships.clone();
                    let new = orgs
                        .iter()
                        .map(|o| &o.id)
                        .filter(|id| !members.contains(id));
                    members.extend(new.cloned().collect::<Vec<_>>());
                    doc.set_memberships(&members)?;
                }
                Ok(())
            })?;
            changed(out, path, "profile updated")?;
        }
        Some(ProfileAction::Add { cert, earned, .. }) => {
            let cert = catalog.get::<Certification>(cert)?;
            let today = ctx.today()?;
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
                doc.add_credential(&Held {
                    id: cert.id.clone(),
                    earned,
                })
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
                doc.remove_credential(i)
            })?;
            changed(out, path, &format!("{id} removed"))?;
        }
    }
    Ok(Outcome::Done)
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
    for (label, value) in stored.facts.shown() {
        detail.field(label, value.map_or_else(Cell::unknown, Cell::from));
    }
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
