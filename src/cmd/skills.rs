//! `hi skills [ID] [--category C] [--role ROLE]`

use std::collections::HashMap;

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::SkillsArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Role, Skill};
use crate::output::{Column, Detail, Output, Table};
use crate::show::{linked, sources_section};

/// The columns of `hi skills`; Roles counts the roles that need the skill.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Skill").key("name").rank(2),
    Column::new("Category").key("category").rank(3),
    Column::new("Roles").rank(4),
];

pub fn run(args: &SkillsArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let role = args
        .role
        .as_deref()
        .map(|id| catalog.get::<Role>(id))
        .transpose()?;
    let records = || {
        catalog
            .skills()
            .iter()
            .filter(|s| args.category.is_none_or(|c| s.category == c))
            .filter(|s| role.is_none_or(|r| r.skills.contains(&s.id)))
            .collect()
    };
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |skills| {
            // Count once over the roles, not once per skill.
            let mut needed: HashMap<&str, usize> = HashMap::new();
            for role in catalog.roles() {
                for skill in &role.skills {
                    *needed.entry(skill).or_default() += 1;
                }
            }
            let mut table = Table::of_records::<Skill>(COLUMNS);
            for skill in skills {
                table.row(vec![
                    skill.id.clone(),
                    skill.name.clone(),
                    skill.category.label().to_string(),
                    needed
                        .get(skill.id.as_str())
                        .copied()
                        .unwrap_or(0)
                        .to_string(),
                ]);
            }
            table
        },
        |skill| {
            let mut detail = Detail::new(format!("{} ({})", skill.name, skill.id));
            detail.field("Category", skill.category.label());
            detail.field("Description", &skill.description);
            detail.section(
                "Roles that need it",
                linked(catalog, Kind::Role, &roles_needing(catalog, &skill.id)),
            );
            detail.section(
                "Regulations",
                linked(catalog, Kind::Regulation, &skill.regulations),
            );
            sources_section(&mut detail, catalog, &skill.sources);
            detail
        },
    )
}

fn roles_needing(catalog: &Catalog, skill: &str) -> Vec<String> {
    catalog
        .roles()
        .iter()
        .filter(|r| r.skills.iter().any(|s| s == skill))
        .map(|r| r.id.clone())
        .collect()
}
