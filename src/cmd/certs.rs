//! `hi certs [ID] [--issuer ORG] [--level L] [--track T] [--max-fee USD [--member]]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::CertsArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Kind, Organization, Renewal};
use crate::output::{Cell, Detail, Output, Table};
use crate::record::Record;
use crate::show::{Standing, count, renewal_summary, sources_section, usd, with_note};

pub fn run(args: &CertsArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
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
            .filter(|c| args.track.is_none_or(|t| c.tracks.contains(&t)))
            .filter(|c| {
                args.max_fee.is_none_or(|max| {
                    let fee = c.fees.as_ref().and_then(|f| f.price(args.member));
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
        |certs| table(certs, catalog, standing),
        |c| detail(c, catalog, standing),
    )
}

fn table(certs: &[&Certification], catalog: &Catalog, standing: &Standing) -> Table {
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
        let (member, non_member, as_of) = match &c.fees {
            Some(f) => (
                usd(f.member_usd),
                usd(f.non_member_usd),
                standing.date(f.as_of, &f.source),
            ),
            None => (Cell::unknown(), Cell::unknown(), Cell::unknown()),
        };
        table.row(vec![
            c.id.clone().into(),
            c.name.clone().into(),
            catalog.name_of(Kind::Organization, &c.issuer).into(),
            c.level.label().into(),
            member,
            non_member,
            as_of,
            renewal_summary(&c.renewal).into(),
        ]);
    }
    standing.legend(&mut table);
    table
}

fn detail(cert: &Certification, catalog: &Catalog, standing: &Standing) -> Detail {
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
    let tracks: Vec<&str> = cert.tracks.iter().map(|t| t.keyword()).collect();
    detail.field("Tracks", tracks.join(", "));
    detail.field("Description", &cert.description);
    match &cert.exam {
        Some(exam) => detail.field(
            "Exam",
            current(standing.exam(exam), &cert.exam_history, |e| e.as_of),
        ),
        None => detail.field("Exam", Cell::unknown()),
    }
    match &cert.fees {
        Some(fees) => detail.field(
            "Fees",
            current(standing.fees(fees), &cert.fee_history, |f| f.as_of),
        ),
        None => detail.field("Fees", Cell::unknown()),
    }
    detail.field("Renewal", renewal_summary(&cert.renewal));

    let routes = if cert.eligibility.is_empty() {
        vec!["unknown: no source in the data gives the eligibility rules".to_string()]
    } else {
        cert.eligibility.iter().map(|r| standing.route(r)).collect()
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
        let history = cert.exam_history.iter().map(|e| standing.exam(e)).collect();
        detail.section("Exam history", history);
    }
    if cert.fee_history.len() > 1 {
        let history = cert.fee_history.iter().map(|f| standing.fees(f)).collect();
        detail.section("Fee history", history);
    }
    let other_fees = cert.other_fees.iter().map(|f| {
        let line = format!(
            "{}: {} — {}",
            f.what,
            usd(Some(f.usd)),
            standing.cited(f.as_of, &f.source)
        );
        with_note(line, &f.note)
    });
    detail.section("Other fees", other_fees.collect());
    let figures = cert.figures.iter().map(|f| {
        let line = format!(
            "{}: {} — {}",
            f.label,
            f.value,
            standing.cited(f.as_of, &f.source)
        );
        with_note(line, &f.note)
    });
    detail.section("Other figures", figures.collect());
    detail.section("Renewal in detail", renewal_lines(cert, catalog, standing));
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

/// A current observation, and which of the history it is: the rule `load::current` applies.
fn current<T>(
    line: String,
    history: &[T],
    date: impl Fn(&T) -> Option<crate::model::Date>,
) -> String {
    let dated = history.iter().filter(|o| date(o).is_some()).count();
    let chosen = match (history.len(), dated) {
        (1, _) => return line,
        (n, 0) => format!("none of the {n} observations is dated; the last written"),
        (n, _) => format!("the newest dated of {n} observations"),
    };
    format!("{line} (current: {chosen})")
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

fn renewal_lines(cert: &Certification, catalog: &Catalog, standing: &Standing) -> Vec<String> {
    let renewal: &Renewal = &cert.renewal;
    let Some(source) = &renewal.source else {
        return vec!["unknown: no source in the data gives the renewal rule".to_string()];
    };
    // A part with a source of its own is cited on its own line.
    let part = |text: String, own: &Option<String>, as_of| match own {
        Some(own) => format!("{text} — {}", standing.cited(as_of, own)),
        None => text,
    };
    let mut lines = vec![
        format!(
            "Cycle: {}; continuing education: {} — {}",
            count(renewal.cycle_years, "years"),
            count(renewal.ce_hours, "hours per cycle"),
            standing.cited(renewal.as_of, source)
        ),
        part(
            format!(
                "Of those, from the issuer or its approved providers: {}",
                count(renewal.ce_from_issuer_hours, "hours")
            ),
            &renewal.ce_from_issuer_source,
            renewal.ce_from_issuer_as_of,
        ),
    ];
    if let Some(ethics) = renewal.ethics_hours {
        let text = format!("Of those, on ethics: at least {ethics} hours");
        lines.push(part(text, &renewal.ethics_source, renewal.ethics_as_of));
    }
    let fees = format!(
        "Recertification fee: member {}, non-member {}",
        usd(renewal.fee_member_usd),
        usd(renewal.fee_non_member_usd)
    );
    lines.push(part(fees, &renewal.fee_source, renewal.fee_as_of));
    let rule = catalog
        .get::<Organization>(&cert.issuer)
        .ok()
        .and_then(|o| o.combined_renewal.as_ref());
    if let Some(rule) = rule {
        let mut parts = Vec::new();
        if let Some(fee) = rule.extra_fee(false) {
            parts.push(format!(
                "{} more per cycle for a non-member",
                usd(Some(fee))
            ));
        }
        if let Some(fee) = rule.extra_fee(true) {
            parts.push(format!("{} more per cycle for a member", usd(Some(fee))));
        }
        if let Some(hours) = rule.extra_credential_ce_hours {
            parts.push(format!("{hours} more CE hours"));
        }
        if let Some(max) = rule.max_ce_hours {
            parts.push(format!("at most {max} CE hours in all"));
        }
        let issuer = catalog.name_of(Kind::Organization, &cert.issuer);
        let text = format!(
            "Each further {issuer} credential held: {}",
            parts.join(", ")
        );
        lines.push(format!(
            "{text} — {}",
            standing.cited(rule.as_of, &rule.source)
        ));
    }
    let ends = renewal.cycle_end.map_or("unknown", |rule| rule.label());
    lines.push(part(
        format!("Cycle ends: {ends}"),
        &renewal.calendar_source,
        renewal.calendar_as_of,
    ));
    match renewal.apply_by_days_before {
        Some(days) => lines.push(format!("Apply at least {days} days before the cycle ends")),
        None => lines.push("Apply by: not in the data".to_string()),
    }
    if let Some(alternative) = &renewal.alternative {
        lines.push(part(
            format!("Alternative: {alternative}"),
            &renewal.alternative_source,
            None,
        ));
    }
    if let Some(note) = &renewal.note {
        lines.push(format!("Note: {note}"));
    }
    lines
}
