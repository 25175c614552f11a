//! `hi roles [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Occupation;
use crate::model::{Certification, Kind, Role, Skill};
use crate::output::{Detail, Output, Table};
use crate::show::{Standing, linked, names, outlook, sources_section, usd};

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let records = || catalog.roles().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |roles| {
            let mut table = Table::new(&["ID", "Role", "Skills", "Certifications"]);
            for role in roles {
                table.row(vec![
                    role.id.clone(),
                    role.name.clone(),
                    role.skills.len().to_string(),
                    names(catalog, Kind::Certification, &role.certifications),
                ]);
            }
            table
        },
        |role| detail(role, catalog, standing),
    )
}

fn detail(role: &Role, catalog: &Catalog, standing: &Standing) -> Detail {
    let mut detail = Detail::new(format!("{} ({})", role.name, role.id));
    detail.field("Description", &role.description);
    let judged = |source: &Option<String>| match source {
        Some(source) => standing.source(source),
        None => "the project's judgment".to_string(),
    };
    detail.field(
        "Typical education",
        format!("{} ({})", role.education, judged(&role.education_source)),
    );
    let responsibilities = catalog
        .responsibilities()
        .iter()
        .filter(|r| r.roles.contains(&role.id))
        .map(|r| format!("{} ({})", r.name, r.id))
        .collect();
    detail.section("Daily responsibilities", responsibilities);
    let skills = role
        .skills
        .iter()
        .map(|id| match catalog.get::<Skill>(id) {
            Ok(skill) => format!("{} ({id}) — {}", skill.name, skill.category.label()),
            Err(_) => id.clone(),
        })
        .collect();
    detail.section("Skills", skills);
    detail.section(
        "Employer types",
        linked(catalog, Kind::Employer, &role.employers),
    );
    let certs = role
        .certifications
        .iter()
        .map(|id| match catalog.get::<Certification>(id) {
            Ok(cert) => format!(
                "{} ({id}) — {}, {}",
                cert.full_name,
                catalog.name_of(Kind::Organization, &cert.issuer),
                cert.level.label()
            ),
            Err(_) => id.clone(),
        })
        .collect();
    detail.section("Recommended certifications (the project's judgment)", certs);
    detail.section("Education paths", linked(catalog, Kind::Path, &role.paths));
    let occupations: Vec<&Occupation> = role
        .occupations
        .iter()
        .filter_map(|id| catalog.get::<Occupation>(id).ok())
        .collect();
    let mut lines = vec![format!("Mapping: {}", judged(&role.occupations_source))];
    lines.extend(occupations.iter().map(|o| occupation_line(o, standing)));
    detail.section("Occupations (O*NET-SOC) and their outlook", lines);
    let salaries = catalog
        .salaries()
        .iter()
        .filter(|s| s.role.as_deref() == Some(role.id.as_str()))
        .map(|s| standing.salary(s))
        .collect();
    detail.section("Salary figures", salaries);
    detail.section("Notes", role.notes.clone());
    sources_section(&mut detail, catalog, &role.sources);
    detail
}

/// "Name (code): median $X a year, outlook +9% (2024–34) — as of ... [source, kind]", from the
/// occupation's newest figures; each is cited on its own when they come from different editions.
fn occupation_line(o: &Occupation, standing: &Standing) -> String {
    let head = format!("{} ({})", o.name, o.id);
    let median = format!("median {} a year", usd(o.median_annual_usd));
    let outlook = format!(
        "outlook {}",
        outlook(o.outlook_percent, o.outlook_period.as_deref())
    );
    let cited = |as_of, source: &Option<String>| source.as_ref().map(|s| standing.cited(as_of, s));
    match (
        cited(o.median_as_of, &o.figures_source),
        cited(o.outlook_as_of, &o.outlook_source),
    ) {
        (None, None) => format!("{head}: no pay or outlook figure in the data"),
        (Some(m), Some(t)) if m == t => format!("{head}: {median}, {outlook} — {m}"),
        (m, t) => {
            let median = m.map_or("no median in the data".into(), |m| {
                format!("{median} — {m}")
            });
            let outlook = t.map_or("no outlook in the data".into(), |t| {
                format!("{outlook} — {t}")
            });
            format!("{head}: {median}; {outlook}")
        }
    }
}
