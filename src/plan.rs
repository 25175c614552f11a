//! A plan toward a role: the skills it needs that a person lacks, the certifications to take
//! in order (eligible now first), and what each costs over the years. `hi plan` prints it and
//! `hi report` lays it out on a page.

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cost::{Cost, cost};
use crate::eligibility::{Person, Verdict, evaluate};
use crate::gap::{Gap, gap};
use crate::model::{Certification, Role};

#[derive(Debug, Serialize)]
pub struct Step {
    pub order: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
    /// Why the certification is in the plan.
    pub reason: String,
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
/// over `years` years at member prices or not.
pub fn plan(
    person: &Person,
    role: &str,
    have: &[String],
    years: u32,
    member: bool,
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
    let held = &person.credentials;
    let mut steps: Vec<Step> = candidates
        .into_iter()
        .filter(|(cert, _, _)| !held.contains(&cert.id))
        .map(|(cert, recommended, covers)| Step {
            order: 0,
            verdict: evaluate(cert, person, catalog),
            reason: reason(recommended, &covers),
            cost: cost(cert, catalog, years, member),
        })
        .collect();
    steps.sort_by_key(|s| (s.verdict.status, s.verdict.missing.len()));
    for (i, step) in steps.iter_mut().enumerate() {
        step.order = i + 1;
    }
    Ok(Plan {
        role: role.id.clone(),
        years,
        gap,
        steps,
    })
}
