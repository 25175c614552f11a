//! A plan toward a role: the skills it needs that a person lacks, and the certifications to
//! take in order: those the person can sit now first, then those hi cannot decide, then the
//! rest; within each, those that build on the person's background first, then the cheapest.
//! Each step says why it is there. `hi plan` prints it and `hi report` lays it out on a page.

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cost::{Cost, Terms, cost};
use crate::eligibility::{Person, Status, Verdict, evaluate, fit};
use crate::gap::{Gap, gap};
use crate::model::{Certification, Role};

#[derive(Debug, Serialize)]
pub struct Step {
    pub order: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
    /// Why the certification is in the plan, and where: each reason a phrase.
    pub why: Vec<String>,
    /// The same, as one sentence.
    pub reason: String,
    /// What in the person's background its routes build on.
    pub fits: Vec<String>,
    pub cost: Cost,
}

#[derive(Debug, Serialize)]
pub struct Plan {
    pub role: String,
    pub years: u32,
    pub gap: Gap,
    pub steps: Vec<Step>,
}

/// The plan toward `role` for `person`, who has the skills `have`, each certification costed
/// on `terms`.
pub(crate) fn plan(
    person: &Person,
    role: &str,
    have: &[String],
    terms: &Terms,
    catalog: &Catalog,
) -> Result<Plan> {
    let gap = gap(role, have, &person.credentials, catalog)?;
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
            let verdict = evaluate(cert, person, catalog, terms.today);
            let fits = fit(cert, person, catalog, terms.today);
            let why = why(&verdict, recommended, &covers, &fits);
            Step {
                order: 0,
                reason: why.join("; "),
                why,
                fits,
                cost: cost(cert, catalog, terms),
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
    Ok(Plan {
        role: role.id.clone(),
        years: terms.years,
        gap,
        steps,
    })
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
