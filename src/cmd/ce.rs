//! `hi ce add|list|remove`: the continuing-education log.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::{CeAddArgs, CeCommand};
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Kind, Organization};
use crate::output::{Output, Table};
use crate::profile::{self, Activity, Hours};

pub fn run(command: &CeCommand, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let path = &ctx.profile_path()?;
    match command {
        CeCommand::Add(args) => add(args, ctx, out)?,
        CeCommand::List { cert, .. } => list(cert.as_deref(), ctx, out)?,
        CeCommand::Remove { number, .. } => {
            let removed = ctx.edit_profile(|doc, stored| {
                let count = stored.ce.len();
                let Some(i) = number.checked_sub(1).filter(|i| *i < count) else {
                    return Err(crate::error::usage(match count {
                        0 => format!("there is no activity {number}: the log is empty"),
                        _ => format!(
                            "there is no activity {number}: `hi ce list` numbers them 1 to {count}"
                        ),
                    }));
                };
                doc.remove_activity(i)?;
                Ok(stored
                    .ce
                    .get(i)
                    .map(|a| a.title.clone())
                    .unwrap_or_default())
            })?;
            out.message(&format!(
                "activity {number} ({removed}) removed: {}",
                path.display()
            ))?;
        }
    }
    Ok(Outcome::Done)
}

fn add(args: &CeAddArgs, ctx: &Context, out: &mut Output) -> Result<()> {
    let (catalog, today, path) = (ctx.catalog()?, ctx.today()?, ctx.profile_path()?);
    let date = crate::clock::date_arg("--date", &args.date)?;
    if date > today {
        return Err(crate::error::usage(format!(
            "--date {date} is after today ({today}): log an activity once it is done"
        )));
    }
    let hours = Hours::parse(&args.hours).map_err(crate::error::usage)?;
    if args.title.trim().is_empty() {
        return Err(crate::error::usage(
            "--title is empty: say what the activity was",
        ));
    }
    let from: Vec<String> = catalog
        .distinct::<Organization>(&args.from)?
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let certs: Vec<String> = catalog
        .distinct::<Certification>(&args.certs)?
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let number = ctx.edit_profile(|doc, stored| {
        if let Some(cert) = certs
            .iter()
            .find(|c| !stored.credentials.iter().any(|h| &h.id == *c))
        {
            bail!(
                "--cert {cert}: it is not in your profile; record it first with `hi profile add {cert} --earned YYYY-MM-DD`"
            );
        }
        doc.push_activity(&Activity {
            date,
            hours,
            title: args.title.trim().to_string(),
            provider: args.provider.clone(),
            from: from.clone(),
            ethics: args.ethics,
            certs: certs.clone(),
        })?;
        Ok(stored.ce.len() + 1)
    })?;
    out.message(&format!("activity {number} added: {}", path.display()))?;
    let stored = profile::load(&path)?;
    match (out.data_only(), stored.ce.get(number - 1)) {
        (true, Some(activity)) => out.json(&Numbered { number, activity }),
        _ => Ok(()),
    }
}

#[derive(Serialize)]
struct Numbered<'a> {
    number: usize,
    #[serde(flatten)]
    activity: &'a Activity,
}

fn list(cert: Option<&str>, ctx: &Context, out: &mut Output) -> Result<()> {
    let (catalog, stored) = (ctx.catalog()?, ctx.profile()?);
    let cert = cert
        .map(|id| catalog.get::<Certification>(id))
        .transpose()?;
    let listed: Vec<Numbered> = stored
        .ce
        .iter()
        .enumerate()
        .filter(|(_, a)| cert.is_none_or(|c| a.certs.is_empty() || a.certs.contains(&c.id)))
        .map(|(i, activity)| Numbered {
            number: i + 1,
            activity,
        })
        .collect();
    let mut table = Table::new(&[
        "No.",
        "Date",
        "Hours",
        "Title",
        "From",
        "Ethics",
        "Counts toward",
    ]);
    for n in &listed {
        let a = n.activity;
        let from: Vec<String> = a
            .from
            .iter()
            .map(|f| catalog.name_of(Kind::Organization, f))
            .collect();
        table.row(vec![
            n.number.to_string(),
            a.date.to_string(),
            a.hours.to_string(),
            a.title.clone(),
            from.join(", "),
            if a.ethics { "yes" } else { "" }.to_string(),
            if a.certs.is_empty() {
                "every credential held".to_string()
            } else {
                a.certs.join(", ").to_uppercase()
            },
        ]);
    }
    let total = listed
        .iter()
        .try_fold(Hours(0), |sum, n| sum.checked_add(n.activity.hours));
    if let Some(total) = total.filter(|_| !listed.is_empty()) {
        table.legend = vec![format!("{total} hours in {} activities", listed.len())];
    }
    out.table(&table, &listed)
}
