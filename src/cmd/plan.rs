//! `hi plan --role ID [--have ...] [profile flags] [--years N] [--member|--non-member]`: the
//! skill gap, and the certifications to take in order: those the person can sit now first, then
//! those hi cannot decide, then the rest; within each, those that build on the person's
//! background first, then the cheapest. Each step says why it is there.

use anyhow::Result;
use serde::Serialize;

use crate::cli::PlanArgs;
use crate::context::Context;
use crate::cost::{Cost, cost};
use crate::eligibility::{Status, Verdict, evaluate, fit};
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
    /// Why the certification is in the plan, and where: each reason a phrase.
    why: Vec<String>,
    /// The same, as one sentence.
    reason: String,
    /// What in the person's background its routes build on.
    fits: Vec<String>,
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
    let person = super::person(ctx, &args.profile)?;
    let today = ctx.today()?;
    let terms = super::terms(ctx, &args.pricing, args.years)?;
    let gap = gap(&args.gap.role, &args.gap.have, &person.credentials, catalog)?;
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
    let held = &person.credentials;
    let mut steps: Vec<Step> = candidates
        .into_iter()
        .filter(|(cert, _, _)| !held.contains(&cert.id))
        .map(|(cert, recommended, covers)| {
            let verdict = evaluate(cert, &person, catalog, today);
            let fits = fit(cert, &person, catalog, today);
            let why = why(&verdict, recommended, &covers, &fits);
            Step {
                order: 0,
                reason: why.join("; "),
                why,
                fits,
                cost: cost(cert, catalog, &terms),
                verdict,
            }
        })
        .collect();
    // The sort is stable: among equals, recommendations keep the role's order.
    steps.sort_by_key(|s| {
        (
            s.verdict.status,
            std::cmp::Reverse(s.fits.len()),
            s.cost.lower_bound,
            s.cost.total_usd,
        )
    });
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

/// Why a certification is in the plan and where it stands in it: whether the person can sit it
/// now, whether the role recommends it, which missing skills its exam covers, and what in the
/// person's background it builds on.
fn why(verdict: &Verdict, recommended: bool, covers: &[&str], fits: &[String]) -> Vec<String> {
    let mut why = vec![match (verdict.status, &verdict.route) {
        (Status::Eligible, Some(route)) => format!("you can sit it now: {route}"),
        (Status::Eligible, None) => "you can sit it now".to_string(),
        (Status::Unknown, _) => format!("maybe now: {}", verdict.summary()),
        (Status::NotEligible, _) => format!("not yet: {}", verdict.summary()),
    }];
    if recommended {
        why.push("recommended for the role".to_string());
    }
    if !covers.is_empty() {
        why.push(format!("covers {}", covers.join(", ")));
    }
    if !fits.is_empty() {
        why.push(format!("builds on {}", fits.join(" and ")));
    }
    why
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
