//! `hi plan --role ID [--have ...] [profile flags] [--years N] [--member]`: the skill gap, the
//! certifications to take in order (eligible now first), and what each costs over the years.

use anyhow::Result;
use serde::Serialize;

use crate::cli::PlanArgs;
use crate::context::Context;
use crate::cost::{Cost, cost};
use crate::eligibility::{Status, Verdict, evaluate};
use crate::error::Outcome;
use crate::gap::{Gap, gap};
use crate::model::{Certification, Role};
use crate::output::{Detail, Output};
use crate::show::total_usd;

#[derive(Debug, Serialize)]
struct Step {
    order: usize,
    #[serde(flatten)]
    verdict: Verdict,
    /// Why the certification is in the plan.
    reason: String,
    cost: Cost,
}

#[derive(Debug, Serialize)]
struct Plan {
    role: String,
    years: u32,
    gap: Gap,
    steps: Vec<Step>,
}

pub fn run(args: &PlanArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let profile = super::person(ctx, &args.profile, out)?;
    let gap = gap(
        &args.gap.role,
        &args.gap.have,
        &profile.credentials,
        catalog,
    )?;
    let role = catalog.get::<Role>(&gap.role)?;

    // The role's recommended certifications first, then any that cover a missing skill.
    let mut candidates: Vec<(&Certification, bool, Vec<&str>)> = Vec::new();
    for id in &role.certifications {
        candidates.push((catalog.get::<Certification>(id)?, true, Vec::new()));
    }
    for skill in &gap.missing {
        for covering in &skill.certifications {
            match candidates.iter_mut().find(|(c, _, _)| c.id == covering.id) {
                Some((_, _, covers)) => covers.push(&skill.name),
                None => candidates.push((
                    catalog.get::<Certification>(&covering.id)?,
                    false,
                    vec![&skill.name],
                )),
            }
        }
    }
    let reason = |recommended: bool, covers: &[&str]| {
        let mut parts = Vec::new();
        if recommended {
            parts.push("recommended for the role".to_string());
        }
        if !covers.is_empty() {
            parts.push(format!("covers {}", covers.join(", ")));
        }
        parts.join("; ")
    };
    // Eligible now first, then those hi cannot decide, then those that open up later, the
    // nearest first; the sort is stable, so recommendations keep their order within a group.
    let held = &profile.credentials;
    let mut steps: Vec<Step> = candidates
        .into_iter()
        .filter(|(cert, _, _)| !held.contains(&cert.id))
        .map(|(cert, recommended, covers)| Step {
            order: 0,
            verdict: evaluate(cert, &profile, catalog),
            reason: reason(recommended, &covers),
            cost: cost(cert, catalog, args.years, args.member),
        })
        .collect();
    steps.sort_by_key(|s| (s.verdict.status, s.verdict.missing.len()));
    for (i, step) in steps.iter_mut().enumerate() {
        step.order = i + 1;
    }
    let plan = Plan {
        role: role.id.clone(),
        years: args.years,
        gap,
        steps,
    };
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
