//! `hi plan --role ID [--have ...] [profile flags] [--years N] [--member]`: the skill gap, the
//! certifications to take in order (eligible now first), and what each costs over the years.

use anyhow::Result;

use crate::cli::PlanArgs;
use crate::context::Context;
use crate::eligibility::Status;
use crate::error::Outcome;
use crate::model::Role;
use crate::output::{Detail, Output};
use crate::plan::{Plan, plan};
use crate::show::total_usd;

pub fn run(args: &PlanArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let person = super::person(ctx, &args.profile, out)?;
    let plan = plan(
        &person,
        &args.gap.role,
        &args.gap.have,
        args.years,
        args.member,
        catalog,
    )?;
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
            let covered: Vec<String> = s
                .certifications
                .iter()
                .map(|c| format!("{} ({})", c.name, c.domain))
                .collect();
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
            let mut line = format!(
                "Step {}: {} — {}",
                s.order,
                s.verdict.name,
                s.verdict.status.label()
            );
            match (&s.verdict.status, &s.verdict.route) {
                (Status::Eligible, Some(route)) => line += &format!(" by: {route}"),
                (_, _) if !s.verdict.missing.is_empty() => {
                    line += &format!(" (missing: {})", s.verdict.missing.join("; "))
                }
                _ => {}
            }
            let total = total_usd(s.cost.total_usd, s.cost.lower_bound).text;
            line += &format!(" — {total} over {} years — {}", plan.years, s.reason);
            line
        })
        .collect();
    detail.section("Certifications, in order", steps);
    detail
}
