//! `hi renew ID --earned YYYY-MM-DD [--cycles N] [--ics FILE [--force]]`: the end of each
//! renewal cycle, when to apply, and the CE hours due, optionally as an iCalendar file.

use anyhow::{Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::RenewArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Certification;
use crate::output::{Output, Table};
use crate::renewal::{Deadline, deadlines};
use crate::write::write_or_print;

#[derive(Debug, Serialize)]
struct Calendar<'a> {
    id: &'a str,
    earned: Date,
    deadlines: Vec<Deadline>,
}

pub fn run(args: &RenewArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let now = ctx.now()?;
    let cert = catalog.get::<Certification>(&args.id)?;
    let earned: Date = match &args.earned {
        Some(earned) => crate::clock::date_arg("--earned", earned)?,
        // The profile is read only when the date is not given: a flag needs no profile.
        None => match ctx.profile()?.credentials.iter().find(|h| h.id == cert.id) {
            Some(held) => held.earned,
            None => bail!(
                "when {} was earned is not known: give --earned YYYY-MM-DD, or record it with \
                 `hi profile add {} --earned YYYY-MM-DD`",
                cert.name,
                cert.id
            ),
        },
    };
    let deadlines = deadlines(cert, earned, args.cycles)?;
    if let Some(path) = &args.ics {
        let events = crate::renewal::events(cert, &deadlines);
        let calendar = crate::ics::calendar(&events, now.timestamp(), &args.reminders.days());
        // `--ics -`: the calendar is the output.
        ctx.refuse_own(path)?;
        if write_or_print(path, calendar.as_bytes(), args.force, out)? {
            return Ok(Outcome::Done);
        }
    }
    let mut table = Table::new(&["Cycle", "Ends", "Apply by", "CE hours due"]);
    for d in &deadlines {
        table.row(vec![
            d.cycle.to_string(),
            d.ends.to_string(),
            d.apply_by
                .map_or("not in the data".to_string(), |a| a.to_string()),
            d.ce_hours.map_or("unknown".to_string(), |h| h.to_string()),
        ]);
    }
    let calendar = Calendar {
        id: &cert.id,
        earned,
        deadlines,
    };
    out.table(&table, &calendar)?;
    Ok(Outcome::Done)
}
