//! `hi roles [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::model::{Kind, Role};
use crate::output::{Detail, Output, Table};
use crate::show::{linked, names, sources_section};

pub fn run(args: &IdArg, catalog: &Catalog, out: &mut Output) -> Result<()> {
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
        |role| detail(role, catalog),
    )
}

pub fn detail(role: &Role, catalog: &Catalog) -> Detail {
    let mut detail = Detail::new(format!("{} ({})", role.name, role.id));
    detail.field("Description", &role.description);
    detail.field("Typical education", &role.education);
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
        .map(|id| match catalog.skills().iter().find(|s| &s.id == id) {
            Some(skill) => format!("{} ({id}) — {}", skill.name, skill.category.label()),
            None => id.clone(),
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
        .map(
            |id| match catalog.certifications().iter().find(|c| &c.id == id) {
                Some(cert) => format!(
                    "{} ({id}) — {}, {}",
                    cert.full_name,
                    catalog.name_of(Kind::Organization, &cert.issuer),
                    cert.level.label()
                ),
                None => id.clone(),
            },
        )
        .collect();
    detail.section("Recommended certifications", certs);
    detail.section("Education paths", linked(catalog, Kind::Path, &role.paths));
    detail.section(
        "Occupations (O*NET-SOC)",
        linked(catalog, Kind::Occupation, &role.occupations),
    );
    let salaries = catalog
        .salaries()
        .iter()
        .filter(|s| s.role.as_deref() == Some(role.id.as_str()))
        .map(crate::show::salary_summary)
        .collect();
    detail.section("Salary figures", salaries);
    detail.section("Notes", role.notes.clone());
    sources_section(&mut detail, catalog, &role.sources);
    detail
}
