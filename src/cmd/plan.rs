//! `hi plan --role ID [--have ...] [profile flags] [--years N] [--member|--non-member]`: the
//! skill gap, and the certifications to take in order: those the person can sit now first, then
//! those hi cannot decide, then the rest; within each, those that build on the person's
//! background first, then the cheapest. Each step says why it is there.

use anyhow::Result;

use crate::cli::PlanArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Role;
use crate::output::{Detail, Output};
use crate::plan::{Plan, plan};
use crate::show::total_usd;

pub fn run(args: &PlanArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let person = super::person(ctx, &args.profile)?;
    let terms = super::terms(ctx, &args.pricing, args.years)?;
    let plan = plan(&person, &args.gap.role, &args.gap.have, &terms, catalog)?;
    let role = catalog.get::<Role>(&plan.role)?;
    out.detail(&detail(&plan, role), &plan)?;
    Ok(Outcome::Done)
}

fn detail(plan: &Plan, role: &Role) -> Detail {
    let mut detail = Detail::new(format!("Plan toward {} ({})", role.name, role.id));
    detail.field("Skills the role needs", role.skills.len().to_string());
    detail.field(
        "Skills you have of them",
        (role.skills.len() - plan.gap.missing.len()).to_string(),
    );
    detail.field("Costs over", format!("{} years", plan.years));
    let skills = plan
        .gap
        .missing
        .iter()
        .map(|s| {
            let covered: Vec<String> = s.certifications.iter().map(|c| c.label()).collect();
            if covered.is_empty() {
                format!(
                    "{} ({}): no certification in the data covers it",
                    s.name, s.id
                )
            } else {
                format!("{} ({}): covered by {}", s.name, s.id, covered.join(", "))
            }
        })
        .collect();
    detail.section("Skills to gain", skills);
    let steps = plan
        .steps
        .iter()
        .map(|s| {
            let total = total_usd(s.cost.total_usd, s.cost.lower_bound).text;
            format!(
                "Step {}: {} — {} — {total} over {} years — {}",
                s.order,
                s.verdict.name,
                s.verdict.status.label(),
                plan.years,
                s.reason
            )
        })
        .collect();
    detail.section("Certifications, in order", steps);
    detail
}
