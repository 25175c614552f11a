//! `hi profile [set|add|remove|renew]`: the person's facts, the credentials they hold, and
//! the renewals they record.

use std::path::Path;

use anyhow::{Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::{ProfileAction, ProfileCommandArgs, RenewRecordArgs, SetArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Kind, Organization};
use crate::output::{Cell, Detail, Output};
use crate::profile::{self, Held, Profile, Renewed};

pub fn run(args: &ProfileCommandArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let path = &ctx.profile_path()?;
    let done = match &args.action {
        None => return show(catalog, path, out).map(|()| Outcome::Done),
        Some(ProfileAction::Set(set)) => set_facts(set, ctx)?,
        Some(ProfileAction::Add {
            cert,
            earned,
            cycle_ends,
            ..
        }) => add(cert, earned, cycle_ends.as_deref(), ctx)?,
        Some(ProfileAction::Remove { cert, .. }) => remove(cert, ctx)?,
        Some(ProfileAction::Renew(renew)) => record_renewal(renew, ctx)?,
        Some(ProfileAction::Check(_)) => return check(ctx, out),
    };
    changed(out, path, &done)?;
    Ok(Outcome::Done)
}

/// Every problem of the profile, one per line as compilers print them; a failure when there
/// is any.
fn check(ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let path = ctx.profile_path()?;
    let shown = crate::sanitize::clean_line(&path.display().to_string());
    let problems = profile::problems(&path, ctx.catalog()?, ctx.today()?)?;
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{shown}:{}:{}: {}", p.line, p.column, p.message))
        .collect();
    #[derive(Serialize)]
    struct Found<'a> {
        file: &'a str,
        line: usize,
        column: usize,
        message: &'a str,
    }
    let found: Vec<Found> = problems
        .iter()
        .map(|p| Found {
            file: &shown,
            line: p.line,
            column: p.column,
            message: &p.message,
        })
        .collect();
    out.lines(&lines, &found, &["file", "line", "column", "message"])?;
    match problems.len() {
        0 => out.message(&format!("no problems in {shown}"))?,
        1 => bail!("1 problem in {shown}"),
        n => bail!("{n} problems in {shown}"),
    }
    Ok(Outcome::Done)
}

/// Sets the facts given and adds the memberships named; what was done.
fn set_facts(set: &SetArgs, ctx: &Context) -> Result<String> {
    let orgs = ctx.catalog()?.distinct::<Organization>(&set.member_of)?;
    let given = set.facts.facts()?;
    if given.is_empty() && orgs.is_empty() {
        return Err(crate::error::usage(
            "nothing to set: give a flag, e.g. --education bachelor",
        ));
    }
    ctx.edit_profile(|doc, stored| {
        given
            .or(&stored.facts)
            .check()
            .map_err(crate::error::usage)?;
        doc.set_facts(&given)?;
        if !orgs.is_empty() {
            let mut members = stored.memberships.clone();
            for org in &orgs {
                if !members.contains(&org.id) {
                    members.push(org.id.clone());
                }
            }
            doc.set_memberships(&members)?;
        }
        Ok(())
    })?;
    Ok("profile updated".to_string())
}

/// A date of the holder's past, given as `flag`: a real day, not after today.
fn past(flag: &str, text: &str, today: Date) -> Result<Date> {
    let day = crate::clock::date_arg(flag, text)?;
    if day > today {
        return Err(crate::error::usage(format!(
            "{flag} {day} is after today ({today})"
        )));
    }
    Ok(day)
}

fn add(cert: &str, earned: &str, cycle_ends: Option<&str>, ctx: &Context) -> Result<String> {
    let cert = ctx.catalog()?.get::<Certification>(cert)?;
    let earned = past("--earned", earned, ctx.today()?)?;
    let cycle_ends = cycle_ends
        .map(|text| crate::clock::date_arg("--cycle-ends", text))
        .transpose()?;
    if let Some(ends) = cycle_ends.filter(|ends| *ends <= earned) {
        return Err(crate::error::usage(format!(
            "--cycle-ends {ends} is not after --earned {earned}"
        )));
    }
    ctx.edit_profile(|doc, stored| {
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
            cycle_ends,
            renewals: Vec::new(),
        })
    })?;
    Ok(format!("{} earned {earned} added", cert.name))
}

fn remove(cert: &str, ctx: &Context) -> Result<String> {
    let id = cert.to_ascii_lowercase();
    ctx.edit_profile(|doc, stored| {
        let i = held_at(stored, &id, cert)?;
        // An activity logged toward this credential would be left naming one not held, which
        // no profile may: the holder decides what becomes of it.
        let toward: Vec<String> = stored
            .ce
            .iter()
            .enumerate()
            .filter(|(_, a)| a.certs.iter().any(|c| c.eq_ignore_ascii_case(&id)))
            .map(|(n, a)| format!("{} ({})", n + 1, crate::sanitize::clean_line(&a.title)))
            .collect();
        if !toward.is_empty() {
            let (which, are) = match toward.len() {
                1 => ("activity", "is"),
                _ => ("activities", "are"),
            };
            bail!(
                "{which} {} {are} logged toward {id}: remove them first with `hi ce remove N` \
                 (from the last), then the credential",
                toward.join(", ")
            );
        }
        doc.remove_credential(i)
    })?;
    Ok(format!("{id} removed"))
}

/// Where the credential `id` (as typed: `typed`) is in the profile's list.
fn held_at(stored: &Profile, id: &str, typed: &str) -> Result<usize> {
    stored
        .credentials
        .iter()
        .position(|h| h.id == id)
        .ok_or_else(|| {
            let held: Vec<&str> = stored.credentials.iter().map(|h| h.id.as_str()).collect();
            anyhow::anyhow!(
                "`{}` is not in the profile; it holds {}",
                crate::sanitize::clean_line(typed),
                if held.is_empty() {
                    "no credential".to_string()
                } else {
                    held.join(", ")
                }
            )
        })
}

/// Records a renewal: granted (`--on`, which completes a submission recorded before),
/// submitted, or the end the issuer set for the current cycle (`--cycle-ends` alone).
fn record_renewal(args: &RenewRecordArgs, ctx: &Context) -> Result<String> {
    let cert = ctx.catalog()?.get::<Certification>(&args.cert)?;
    let today = ctx.today()?;
    let on = args
        .on
        .as_deref()
        .map(|d| past("--on", d, today))
        .transpose()?;
    let submitted = args
        .submitted
        .as_deref()
        .map(|d| past("--submitted", d, today))
        .transpose()?;
    let cycle_ends = args
        .cycle_ends
        .as_deref()
        .map(|d| crate::clock::date_arg("--cycle-ends", d))
        .transpose()?;
    if let (Some(on), Some(submitted)) = (on, submitted)
        && submitted > on
    {
        return Err(crate::error::usage(format!(
            "--submitted {submitted} is after --on {on}: a renewal is granted after it is submitted"
        )));
    }
    ctx.edit_profile(|doc, stored| {
        let i = held_at(stored, &cert.id, &args.cert)?;
        let mut held = stored.credentials[i].clone();
        let first = [on, submitted].into_iter().flatten().min();
        if let Some(day) = first.filter(|day| *day <= held.earned) {
            return Err(crate::error::usage(format!(
                "{day} is not after {} was earned ({})",
                cert.name, held.earned
            )));
        }
        renewed(&mut held, on, submitted, cycle_ends);
        doc.update_credential(i, &held)
    })?;
    Ok(match (on, submitted) {
        (Some(on), _) => format!("{} renewed on {on}", cert.name),
        (None, Some(submitted)) => format!("{} renewal submitted on {submitted}", cert.name),
        (None, None) => format!(
            "{}'s cycle set to end on {}",
            cert.name,
            args.cycle_ends.as_deref().unwrap_or_default()
        ),
    })
}

/// `held` with a renewal recorded: a grant completes the submission still waiting, if any;
/// a cycle's end alone belongs to the cycle the holder is in.
fn renewed(held: &mut Held, on: Option<Date>, submitted: Option<Date>, cycle_ends: Option<Date>) {
    let waiting = held.renewals.last_mut().filter(|r| r.on.is_none());
    match (on, submitted, waiting) {
        (Some(on), submitted, Some(waiting)) => {
            waiting.on = Some(on);
            waiting.submitted = submitted.or(waiting.submitted);
            waiting.cycle_ends = cycle_ends;
        }
        (None, None, _) => match held.renewals.iter_mut().rev().find(|r| r.on.is_some()) {
            Some(last) => last.cycle_ends = cycle_ends,
            None => held.cycle_ends = cycle_ends,
        },
        (on, submitted, _) => held.renewals.push(Renewed {
            on,
            submitted,
            cycle_ends: cycle_ends.filter(|_| on.is_some()),
        }),
    }
}

/// After a change: what was done and where, on stderr, and the profile as it is now, as JSON.
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
