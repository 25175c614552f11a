//! `hi certs [ID] [--issuer ORG] [--level L] [--max-fee USD [--member]]`

use anyhow::Result;

use super::{
    STALE_YEARS, as_of, count, duration, is_older_than, list_or_show, sources_section, usd,
};
use crate::catalog::Catalog;
use crate::cli::CertsArgs;
use crate::model::{Certification, CycleEnd, Exam, Fees, Kind, Organization, Renewal, Route};
use crate::output::{Detail, Output, Table, Tone};

pub fn run(args: &CertsArgs, catalog: &Catalog, out: &mut Output) -> Result<()> {
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
                    fee.is_some_and(|fee| fee <= max)
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
                    c.id.clone(),
                    c.name.clone(),
                    catalog.name_of(Kind::Organization, &c.issuer),
                    c.level.label().to_string(),
                    usd(fees.and_then(|f| f.member_usd)),
                    usd(fees.and_then(|f| f.non_member_usd)),
                    fees.map_or("unknown".to_string(), |f| f.as_of.to_string()),
                    renewal_summary(&c.renewal),
                ]);
                if fees.is_some_and(|f| is_older_than(f.as_of, STALE_YEARS)) {
                    table.tone(6, Tone::Stale);
                }
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
    sources_section(&mut detail, catalog, &cited(cert));
    detail
}

/// Every source the certification and its figures cite.
pub fn cited(cert: &Certification) -> Vec<&String> {
    cert.sources
        .iter()
        .chain(cert.eligibility.iter().map(|r| &r.source))
        .chain(cert.exam_history.iter().map(|e| &e.source))
        .chain(cert.fee_history.iter().map(|f| &f.source))
        .chain([&cert.renewal.source])
        .chain(&cert.renewal.fee_source)
        .chain(&cert.renewal.calendar_source)
        .collect()
}

pub fn route_line(route: &Route) -> String {
    let mut line = format!("{} [{}]", route.label, route.source);
    if let Some(note) = &route.note {
        line += &format!(" — note: {note}");
    }
    line
}

pub fn exam_summary(exam: &Exam) -> String {
    let mut parts = vec![duration(exam.duration_minutes)];
    parts.push(match (exam.questions, exam.scored_questions) {
        (Some(q), Some(s)) => format!("{q} questions ({s} scored)"),
        (Some(q), None) => format!("{q} questions"),
        (None, _) => "questions unknown".to_string(),
    });
    if let Some(format) = &exam.format {
        parts.push(format.clone());
    }
    let mut line = format!(
        "{} — {} [{}]",
        parts.join(", "),
        as_of(exam.as_of),
        exam.source
    );
    if let Some(note) = &exam.note {
        line += &format!(" — note: {note}");
    }
    line
}

pub fn fees_summary(fees: &Fees) -> String {
    let mut parts = vec![
        format!("member {}", usd(fees.member_usd)),
        format!("non-member {}", usd(fees.non_member_usd)),
    ];
    if let Some(affiliate) = fees.affiliate_usd {
        parts.push(format!("organizational affiliate {}", usd(Some(affiliate))));
    }
    if let Some(saving) = fees.member_saving_usd {
        parts.push(format!("membership saves {}", usd(Some(saving))));
    }
    let mut line = format!(
        "{} — {} [{}]",
        parts.join(", "),
        as_of(fees.as_of),
        fees.source
    );
    if let Some(note) = &fees.note {
        line += &format!(" — note: {note}");
    }
    line
}

pub fn renewal_summary(renewal: &Renewal) -> String {
    match (renewal.cycle_years, renewal.ce_hours) {
        (Some(years), Some(hours)) => format!("every {years} y, {hours} CE h"),
        (Some(years), None) => format!("every {years} y, CE unknown"),
        (None, Some(hours)) => format!("cycle unknown, {hours} CE h"),
        (None, None) => "unknown".to_string(),
    }
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
            Some(CycleEnd::Anniversary) => "on the anniversary of the pass date",
            Some(CycleEnd::EndOfMonth) => "on the last day of the anniversary's month",
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
