//! `hi certs [ID] [--issuer ORG] [--level L] [--max-fee USD [--member]]`

use anyhow::Result;

use jiff::civil::Date as Today;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::CertsArgs;
use crate::model::{Certification, Kind, Organization, Renewal};
use crate::output::{Cell, Detail, Output, Table};
use crate::record::Record;
use crate::show::{
    as_of, count, exam_summary, fees_summary, figure_date, renewal_summary, route_line,
    sources_section, usd,
};

pub fn run(args: &CertsArgs, catalog: &Catalog, today: Today, out: &mut Output) -> Result<()> {
    let issuer = args
        .issuer
        .as_deref()
        .map(|id| catalog.get::<Organization>(id))
        .transpose()?;
    let records = || {
        catalog
            .certifications()
            .iter()
            .filter(|c| issuer.is_none_or(|o| c.issuer == o.id))
            .filter(|c| args.level.is_none_or(|l| c.level == l))
            .filter(|c| {
                args.max_fee.is_none_or(|max| {
                    let fees = c.fees.as_ref();
                    let fee = if args.member {
                        fees.and_then(|f| f.member_usd)
                    } else {
                        fees.and_then(|f| f.non_member_usd)
                    };
                    // An unknown fee cannot be shown to be under the limit.
                    fee.is_some_and(|fee| fee.get() <= max)
                })
            })
            .collect()
    };
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |certs| {
            let mut table = Table::new(&[
                "ID",
                "Credential",
                "Issuer",
                "Level",
                "Member",
                "Non-member",
                "Fees as of",
                "Renewal",
            ]);
            for c in certs {
                let fees = c.fees.as_ref();
                table.row(vec![
                    c.id.clone().into(),
                    c.name.clone().into(),
                    catalog.name_of(Kind::Organization, &c.issuer).into(),
                    c.level.label().into(),
                    usd(fees.and_then(|f| f.member_usd)),
                    usd(fees.and_then(|f| f.non_member_usd)),
                    fees.map_or_else(Cell::unknown, |f| figure_date(f.as_of, today)),
                    renewal_summary(&c.renewal).into(),
                ]);
            }
            table
        },
        |c| detail(c, catalog),
    )
}

fn detail(cert: &Certification, catalog: &Catalog) -> Detail {
    let mut detail = Detail::new(format!("{} — {} ({})", cert.name, cert.full_name, cert.id));
    detail.field(
        "Issuer",
        format!(
            "{} ({})",
            catalog.name_of(Kind::Organization, &cert.issuer),
            cert.issuer
        ),
    );
    detail.field("Level", cert.level.label());
    detail.field("Description", &cert.description);
    match &cert.exam {
        Some(exam) => {
            detail.field("Exam", exam_summary(exam));
        }
        None => detail.field("Exam", "unknown"),
    }
    match &cert.fees {
        Some(fees) => detail.field("Fees", fees_summary(fees)),
        None => detail.field("Fees", "unknown"),
    }
    detail.field("Renewal", renewal_summary(&cert.renewal));

    let routes = if cert.eligibility.is_empty() {
        vec!["unknown: no source in the data gives the eligibility rules".to_string()]
    } else {
        cert.eligibility.iter().map(route_line).collect()
    };
    detail.section("Eligibility (any one route)", routes);
    if let Some(exam) = &cert.exam {
        let domains = exam
            .domains
            .iter()
            .map(|d| match &d.weight {
                Some(w) => format!("{} ({w})", d.name),
                None => d.name.clone(),
            })
            .collect();
        detail.section("Exam domains", domains);
    }
    if cert.exam_history.len() > 1 {
        detail.section(
            "Exam history",
            cert.exam_history.iter().map(exam_summary).collect(),
        );
    }
    if cert.fee_history.len() > 1 {
        detail.section(
            "Fee history",
            cert.fee_history.iter().map(fees_summary).collect(),
        );
    }
    detail.section("Renewal in detail", renewal_lines(&cert.renewal));
    let holders = catalog
        .roles()
        .iter()
        .filter(|r| r.certifications.contains(&cert.id))
        .map(|r| format!("{} ({})", r.name, r.id))
        .collect();
    detail.section("Recommended for", holders);
    detail.section("Notes", cert.notes.clone());
    sources_section(&mut detail, catalog, cited(cert));
    detail
}

/// Every source the certification and its figures cite, as it declares them.
fn cited(cert: &Certification) -> Vec<&str> {
    cert.declared()
        .links
        .into_iter()
        .filter(|link| link.target == Kind::Source)
        .map(|link| link.id)
        .collect()
}

fn renewal_lines(renewal: &Renewal) -> Vec<String> {
    let mut lines = vec![
        format!("Cycle: {}", count(renewal.cycle_years, "years")),
        format!(
            "Continuing education: {}",
            count(renewal.ce_hours, "hours per cycle")
        ),
        format!(
            "Of those, from the issuer or its approved providers: {}",
            count(renewal.ce_from_issuer_hours, "hours")
        ),
    ];
    if let Some(ethics) = renewal.ethics_hours {
        lines.push(format!("Of those, on ethics: at least {ethics} hours"));
    }
    lines.push(format!(
        "Recertification fee: member {}, non-member {}{}",
        usd(renewal.fee_member_usd),
        usd(renewal.fee_non_member_usd),
        renewal
            .fee_source
            .as_ref()
            .map_or(String::new(), |s| format!(" [{s}]"))
    ));
    if let Some(extra) = renewal.extra_credential_fee_usd {
        lines.push(format!("Per additional credential: {}", usd(Some(extra))));
    }
    lines.push(format!(
        "Cycle ends: {}",
        match renewal.cycle_end {
            Some(rule) => rule.label(),
            None => "unknown",
        }
    ));
    if let Some(days) = renewal.apply_by_days_before {
        lines.push(format!("Apply at least {days} days before the cycle ends"));
    }
    if let Some(alternative) = &renewal.alternative {
        lines.push(format!("Alternative: {alternative}"));
    }
    if let Some(note) = &renewal.note {
        lines.push(format!("Note: {note}"));
    }
    lines.push(format!("{} [{}]", as_of(renewal.as_of), renewal.source));
    lines
}
