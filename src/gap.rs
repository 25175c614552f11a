//! The skills a role needs that a person lacks, and the certifications whose exam domains
//! cover each: what `hi gap` shows and `hi plan` builds on.

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Role, Skill};

#[derive(Debug, Serialize)]
pub struct Covering {
    pub id: String,
    pub name: String,
    pub domain: String,
    /// The person holds it already.
    pub held: bool,
}

#[derive(Debug, Serialize)]
pub struct MissingSkill {
    pub id: String,
    pub name: String,
    pub category: &'static str,
    pub certifications: Vec<Covering>,
}

#[derive(Debug, Serialize)]
pub struct Gap {
    pub role: String,
    pub have: Vec<String>,
    pub missing: Vec<MissingSkill>,
}

/// The role's skills not in `have`, each with the certifications whose exam domains test it,
/// those `held` marked. Every id given is checked.
pub fn gap(role: &str, have: &[String], held: &[String], catalog: &Catalog) -> Result<Gap> {
    let role = catalog.get::<Role>(role)?;
    let have = have
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .map(|id| catalog.get::<Skill>(id).map(|s| s.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    let missing = role
        .skills
        .iter()
        .filter(|id| !have.contains(id))
        .filter_map(|id| catalog.skills().iter().find(|s| &s.id == id))
        .map(|skill| MissingSkill {
            id: skill.id.clone(),
            name: skill.name.clone(),
            category: skill.category.label(),
            certifications: covering(catalog, &skill.id, held),
        })
        .collect();
    Ok(Gap {
        role: role.id.clone(),
        have,
        missing,
    })
}

/// The certifications whose exam outline (the newest observation that lists its domains)
/// tests `skill`.
fn covering(catalog: &Catalog, skill: &str, held: &[String]) -> Vec<Covering> {
    catalog
        .certifications()
        .iter()
        .filter_map(|cert| {
            let domain = cert.domain_testing(skill)?;
            Some(Covering {
                id: cert.id.clone(),
                name: cert.name.clone(),
                domain: domain.name.clone(),
                held: held.contains(&cert.id),
            })
        })
        .collect()
}
