//! `hi eligible [profile flags] [--cert ID]`

use anyhow::Result;

use crate::cli::EligibleArgs;
use crate::context::Context;
use crate::eligibility::{Status, evaluate};
use crate::error::Outcome;
use crate::model::Certification;
use crate::output::{Cell, Output, Table, Tone};

pub fn run(args: &EligibleArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let profile = super::person(ctx, &args.profile, out)?;
    let certs: Vec<&Certification> = match &args.cert {
        Some(id) => vec![catalog.get::<Certification>(id)?],
        None => catalog.certifications().iter().collect(),
    };
    let verdicts: Vec<_> = certs
        .iter()
        .map(|c| evaluate(c, &profile, catalog))
        .collect();
    let mut table = Table::new(&["ID", "Certification", "Status", "Route", "Missing"]);
    for v in &verdicts {
        let tone = match v.status {
            Status::Eligible => Tone::Good,
            Status::NotEligible => Tone::Bad,
            Status::Unknown => Tone::Unsure,
        };
        table.row(vec![
            v.id.clone().into(),
            v.name.clone().into(),
            Cell::new(v.status.label(), tone),
            v.route.clone().unwrap_or_default().into(),
            v.missing.join("\n").into(),
        ]);
    }
    out.table(&table, &verdicts)?;
    Ok(Outcome::Done)
}
