//! `hi gap --role ID --have SKILL,...`: the skills a role needs that the person lacks, and the
//! certifications whose exam domains cover each.

use anyhow::Result;

use crate::cli::GapArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::gap::{Gap, gap};
use crate::output::{Output, Table};

pub fn run(args: &GapArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let stored = &ctx.profile()?;
    let held: Vec<String> = stored.credentials.iter().map(|h| h.id.clone()).collect();
    let gap = gap(&args.role, &args.have, &held, catalog)?;
    out.table(&table(&gap), &gap)?;
    Ok(Outcome::Done)
}

fn table(gap: &Gap) -> Table {
    let mut table = Table::new(&["Skill", "Name", "Category", "Certifications covering it"]);
    for skill in &gap.missing {
        let certs: Vec<String> = skill.certifications.iter().map(|c| c.label()).collect();
        table.row(vec![
            skill.id.clone(),
            skill.name.clone(),
            skill.category.to_string(),
            if certs.is_empty() {
                "none in the data".to_string()
            } else {
                certs.join("\n")
            },
        ]);
    }
    table
}
