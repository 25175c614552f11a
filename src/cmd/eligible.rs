//! `hi eligible [profile flags] [--cert ID]`

use anyhow::{Result, bail};

use crate::catalog::Catalog;
use crate::cli::{EligibleArgs, ProfileArgs};
use crate::eligibility::{Profile, Status, evaluate};
use crate::model::Certification;
use crate::output::{Output, Table, Tone};

pub fn run(args: &EligibleArgs, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let profile = profile(&args.profile, catalog)?;
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
        table.row(vec![
            v.id.clone(),
            v.name.clone(),
            v.status.label().to_string(),
            v.route.clone().unwrap_or_default(),
            v.missing.join("\n"),
        ]);
        table.tone(
            2,
            match v.status {
                Status::Eligible => Tone::Good,
                Status::NotEligible => Tone::Bad,
                Status::Unknown => Tone::Unsure,
            },
        );
    }
    out.table(&table, &verdicts)
}

/// The profile the flags describe, with every credential id checked.
pub fn profile(args: &ProfileArgs, catalog: &Catalog) -> Result<Profile> {
    if args.healthcare_years > args.experience_years {
        bail!(
            "--healthcare-years ({}) counts years within --experience-years ({}), so it cannot be larger",
            args.healthcare_years,
            args.experience_years
        );
    }
    let credentials = args
        .credentials
        .iter()
        .map(|id| catalog.get::<Certification>(id).map(|c| c.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    Ok(Profile {
        education: args.education,
        field: args.field,
        cahiim: args.cahiim,
        experience_years: args.experience_years,
        healthcare_years: args.healthcare_years,
        ce_hours: args.ce_hours,
        credentials,
        rn: args.rn,
    })
}
