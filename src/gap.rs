//! The skills a role needs that a person lacks, and the certifications whose exam domains
//! cover each: what `hi gap` shows and `hi plan` builds on.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Role, Skill};

#[derive(Debug, Clone, Serialize)]
pub struct Covering {
    pub id: String,
    pub name: String,
    pub domain: String,
    /// The person holds it already.
    pub held: bool,
}

impl Covering {
    /// The certification and the domain of its exam that covers the skill, and whether the
    /// person holds it: `RHIA (Data governance) — held`.
    pub(crate) fn label(&self) -> String {
        match self.held {
            true => format!("{} ({}) — held", self.name, self.domain),
            false => format!("{} ({})", self.name, self.domain),
        }
    }
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
pub(crate) fn gap(role: &str, have: &[String], held: &[String], catalog: &Catalog) -> Result<Gap> {
    let role = catalog.get::<Role>(role)?;
    let have = have
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .map(|id| catalog.get::<Skill>(id).map(|s| s.id.clone()))
        .collect::<Result<Vec<_>>>()?;
    let covers = covering(catalog, held);
    let missing = role
        .skills
        .iter()
        .filter(|id| !have.contains(id))
        .filter_map(|id| catalog.get::<Skill>(id).ok())
        .map(|skill| MissingSkill {
            id: skill.id.clone(),
            name: skill.name.clone(),
            category: skill.category.label(),
            certifications: covers.get(skill.id.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(Gap {
        role: role.id.clone(),
        have,
        missing,
    })
}

/// For each skill, the certifications whose exam outline tests it (the domains of the newest
/// observation that lists any; the first such domain of each), those `held` marked: gathered in
/// one pass over the certifications, so that a role of many skills costs no more than its
/// length.
fn covering<'c>(catalog: &'c Catalog, held: &[String]) -> HashMap<&'c str, Vec<Covering>> {
    let mut covers: HashMap<&str, Vec<Covering>> = HashMap::new();
    for cert in catalog.certifications() {
        let mut seen: HashSet<&str> = HashSet::new();
        for domain in cert.outline() {
            for skill in domain.skills.iter().filter(|s| seen.insert(s.as_str())) {
                covers.entry(skill).or_default().push(Covering {
                    id: cert.id.clone(),
                    name: cert.name.clone(),
                    domain: domain.name.clone(),
                    held: held.contains(&cert.id),
                });
            }
        }
    }
    covers
}
