//! `hi compare ID ID...`: certifications side by side, or roles side by side.

use anyhow::{Result, bail};

use super::{count, duration, names, usd};
use crate::catalog::Catalog;
use crate::cli::CompareArgs;
use crate::model::{Certification, Kind, Role};
use crate::output::{Output, Table};

pub fn run(args: &CompareArgs, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let kind = kind_of_all(&args.ids, catalog)?;
    match kind {
        Kind::Certification => {
            let certs = args
                .ids
                .iter()
                .map(|id| catalog.get::<Certification>(id))
                .collect::<Result<Vec<_>>>()?;
            out.table(&certifications(&certs, catalog), &certs)
        }
        _ => {
            let roles = args
                .ids
                .iter()
                .map(|id| catalog.get::<Role>(id))
                .collect::<Result<Vec<_>>>()?;
            out.table(&roles_table(&roles, catalog), &roles)
        }
    }
}

/// Certification or Role, the same for every id; anything else is an error that says why.
fn kind_of_all(ids: &[String], catalog: &Catalog) -> Result<Kind> {
    let comparable = [Kind::Certification, Kind::Role];
    let mut first: Option<(Kind, &str)> = None;
    for id in ids {
        let kinds = catalog.kinds_of(id);
        let Some(&kind) = kinds.iter().find(|k| comparable.contains(k)) else {
            match kinds.first() {
                Some(other) => bail!(
                    "`{id}` is a {}: compare takes certifications or roles",
                    other.label()
                ),
                None => bail!(
                    "{}",
                    catalog.not_found(first.map_or(Kind::Certification, |(k, _)| k), id)
                ),
            }
        };
        match first {
            None => first = Some((kind, id)),
            Some((first_kind, first_id)) if first_kind != kind => bail!(
                "cannot compare a {} (`{first_id}`) with a {} (`{id}`): compare certifications \
                 with certifications, or roles with roles",
                first_kind.label(),
                kind.label()
            ),
            Some(_) => {}
        }
    }
    Ok(first.map_or(Kind::Certification, |(k, _)| k))
}

/// One column per item, one row per attribute: the shape of every comparison.
pub struct SideBySide<'a, T> {
    items: &'a [&'a T],
    pub table: Table,
}

impl<'a, T> SideBySide<'a, T> {
    /// `corner` heads the column of row labels.
    pub fn new(corner: &str, items: &'a [&'a T], name: impl Fn(&T) -> String) -> Self {
        let mut header = vec![corner.to_string()];
        header.extend(items.iter().map(|item| name(item)));
        SideBySide {
            items,
            table: Table::with_header(header),
        }
    }

    pub fn row(&mut self, label: &str, cell: impl Fn(&T) -> String) {
        let mut cells = vec![label.to_string()];
        cells.extend(self.items.iter().map(|item| cell(item)));
        self.table.row(cells);
    }
}

fn certifications(certs: &[&Certification], catalog: &Catalog) -> Table {
    let mut side = SideBySide::new("", certs, |c| c.name.clone());
    let mut row = |label: &str, cell: &dyn Fn(&Certification) -> String| side.row(label, cell);
    row("Name", &|c| c.full_name.clone());
    row("Issuer", &|c| {
        catalog.name_of(Kind::Organization, &c.issuer)
    });
    row("Level", &|c| c.level.label().to_string());
    row("Eligibility routes", &|c| {
        if c.eligibility.is_empty() {
            "unknown".to_string()
        } else {
            c.eligibility
                .iter()
                .map(|r| format!("• {}", r.label))
                .collect::<Vec<_>>()
                .join("\n")
        }
    });
    row("Exam length", &|c| {
        duration(c.exam.as_ref().and_then(|e| e.duration_minutes))
    });
    row("Questions", &|c| {
        count(c.exam.as_ref().and_then(|e| e.questions), "")
            .trim()
            .to_string()
    });
    row("Exam as of", &|c| {
        c.exam
            .as_ref()
            .map_or("unknown".into(), |e| e.as_of.to_string())
    });
    row("Member fee", &|c| {
        usd(c.fees.as_ref().and_then(|f| f.member_usd))
    });
    row("Non-member fee", &|c| {
        usd(c.fees.as_ref().and_then(|f| f.non_member_usd))
    });
    row("Affiliate fee", &|c| {
        usd(c.fees.as_ref().and_then(|f| f.affiliate_usd))
    });
    row("Membership saves", &|c| {
        usd(c.fees.as_ref().and_then(|f| f.member_saving_usd))
    });
    row("Fees as of", &|c| {
        c.fees
            .as_ref()
            .map_or("unknown".into(), |f| f.as_of.to_string())
    });
    row("Renewal cycle", &|c| count(c.renewal.cycle_years, "years"));
    row("CE hours per cycle", &|c| count(c.renewal.ce_hours, "h"));
    row("CE from issuer", &|c| {
        count(c.renewal.ce_from_issuer_hours, "h")
    });
    side.table
}

fn roles_table(roles: &[&Role], catalog: &Catalog) -> Table {
    let mut side = SideBySide::new("", roles, |r| r.name.clone());
    let mut row = |label: &str, cell: &dyn Fn(&Role) -> String| side.row(label, cell);
    let lines = |kind: Kind, ids: &[String]| names(catalog, kind, ids).replace(", ", "\n");
    row("Typical education", &|r| r.education.clone());
    row("Responsibilities", &|r| {
        catalog
            .responsibilities()
            .iter()
            .filter(|x| x.roles.contains(&r.id))
            .map(|x| x.name.clone())
            .collect::<Vec<_>>()
            .join("\n")
    });
    row("Skills", &|r| lines(Kind::Skill, &r.skills));
    row("Employer types", &|r| lines(Kind::Employer, &r.employers));
    row("Certifications", &|r| {
        lines(Kind::Certification, &r.certifications)
    });
    side.table
}
