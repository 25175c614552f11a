//! `hi certs [ID] [--issuer ORG] [--level L] [--track T] [--max-fee USD [--member]]
//! [--accredited] [--accredited-by BODY]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::CertsArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::load;
use crate::model::{Certification, Date, Fees, Kind, Organization, Renewal};
use crate::output::{Cell, Detail, Output, Table};
use crate::show::{
    Standing, amounts, conflict, count, renewal_summary, sources_section, usd, with_note,
};
use crate::view::{CertFilter, cited_sources, current_of, further_credential, when_to_apply};

pub fn run(args: &CertsArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let issuer = args
        .issuer
        .as_deref()
        .map(|id| catalog.get::<Organization>(id))
        .transpose()?;
    let filter = CertFilter {
        issuer: issuer.map(|o| o.id.as_str()),
        level: args.level,
        track: args.track,
        accredited: args.accredited,
        accredited_by: args.accredited_by.as_deref(),
        max_fee: args.max_fee,
        member: args.member,
    };
    let records = || {
        catalog
            .certifications()
            .iter()
            .filter(|c| filter.keeps(c))
            .collect()
    };
    if let Some(body) = &args.accredited_by {
        unnamed_accreditor(body, catalog, out)?;
    }
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |certs| table(certs, catalog, standing),
        |c| detail(c, catalog, standing),
    )
}

/// An accreditor no source in the data names finds nothing, which is not an error; says so,
/// with the names the data uses, so that a different spelling is not taken for "none".
fn unnamed_accreditor(body: &str, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let mut named: Vec<&str> = catalog
        .certifications()
        .iter()
        .flat_map(|c| &c.accreditation)
        .map(|a| a.body.as_str())
        .collect();
    named.sort_unstable();
    named.dedup();
    if named.iter().any(|n| n.eq_ignore_ascii_case(body)) {
        return Ok(());
    }
    // Escaped, not cleaned: a control character dropped from the echo would make the message
    // name a body that does exist.
    out.message(&format!(
        "no source in the data names `{}` as an accreditor; those named: {}",
        body.escape_debug(),
        named.join(", ")
    ))
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
                standing.fees_date(f, &c.fee_history),
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
    current_fields(&mut detail, cert, standing);
    detail.field("Renewal", renewal_summary(&cert.renewal));
    detail.section("Accreditation", accreditation(cert, standing));
    detail.section("Formerly", formerly(cert, standing));

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
    sources_section(&mut detail, catalog, cited_sources(cert));
    detail
}

/// The current exam and fees, each with which observation of its history it is and, when it
/// is old, what undated observations written after it give.
fn current_fields(detail: &mut Detail, cert: &Certification, standing: &Standing) {
    match &cert.exam {
        Some(exam) => {
            let history = &cert.exam_history;
            let later = standing.undated_later(exam.as_of, &exam.undated_later, history, |e| {
                standing.exam(e)
            });
            let line = current(standing.exam(exam), history, |e| e.as_of);
            detail.field("Exam", beside(line, later));
        }
        None => detail.field("Exam", Cell::unknown()),
    }
    match &cert.fees {
        Some(fees) => {
            let history = &cert.fee_history;
            let later = standing.undated_later(fees.as_of, &fees.undated_later, history, |f| {
                briefly(f, standing)
            });
            let line = current(standing.fees(fees), history, |f| f.as_of);
            detail.field("Fees", beside(line, later));
        }
        None => detail.field("Fees", Cell::unknown()),
    }
}

/// The names the issuer gave the credential before, and the ids hi gave it.
fn formerly(cert: &Certification, standing: &Standing) -> Vec<String> {
    let names = cert.former_names.iter().map(|f| {
        let name = match &f.full_name {
            Some(full) => format!("{} ({full})", f.name),
            None => f.name.clone(),
        };
        let until = f.until.map_or(String::new(), |d| format!(", until {d}"));
        with_note(
            format!("{name}{until} {}", standing.source(&f.source)),
            &f.note,
        )
    });
    let ids = cert.former_ids.iter().map(|id| format!("former id `{id}`"));
    names.chain(ids).collect()
}

/// What sources state of the credential's accreditation: never "not accredited" where none
/// says so.
fn accreditation(cert: &Certification, standing: &Standing) -> Vec<String> {
    let mut lines: Vec<String> = cert
        .accreditation
        .iter()
        .map(|a| {
            let under = a
                .standard
                .as_ref()
                .map_or(String::new(), |s| format!(" under {s}"));
            let cited = standing.cited(a.as_of, &a.source);
            with_note(
                format!("accredited by {}{under} — {cited}", a.body),
                &a.note,
            )
        })
        .collect();
    if let Some(statement) = &cert.not_accredited {
        let cited = standing.cited(statement.as_of, &statement.source);
        lines.push(with_note(
            format!("not accredited, a source states — {cited}"),
            &statement.note,
        ));
    }
    if lines.is_empty() {
        lines.push("not stated in the sources read".to_string());
    }
    lines
}

/// A fee observation in a few words: its amounts, date and source.
fn briefly(fees: &Fees, standing: &Standing) -> String {
    format!(
        "{} {}",
        amounts(fees),
        standing.cited(fees.as_of, &fees.source)
    )
}

/// `line` (whose citation says how old it is), then what the undated observations written
/// after it give, when there are any to mention (see [`Standing::undated_later`]).
fn beside(line: String, later: Vec<String>) -> String {
    match later.is_empty() {
        true => line,
        false => format!(
            "{line}; undated observations written after it may be newer: {}",
            later.join("; ")
        ),
    }
}

/// A current observation, and which of the history it is.
fn current<T>(line: String, history: &[T], date: impl Fn(&T) -> Option<Date>) -> String {
    match current_of(history, date) {
        Some(chosen) => format!("{line} (current: {chosen})"),
        None => line,
    }
}

/// The current recertification fee and, beside it, every observation that conflicts with it.
fn renewal_fee(renewal: &Renewal, standing: &Standing) -> String {
    let history = &renewal.fee_history;
    let Some(fees) = load::current(history, |f| f.as_of) else {
        return "Recertification fee: unknown".to_string();
    };
    let mut line = current(
        format!("Recertification fee: {}", standing.fees(fees)),
        history,
        |f| f.as_of,
    );
    let later = standing.undated_later(fees.as_of, &renewal.fee_undated_later, history, |f| {
        briefly(f, standing)
    });
    line = beside(line, later);
    let conflicting: Vec<String> = history
        .iter()
        .filter(|other| conflict(other, fees))
        .map(|other| briefly(other, standing))
        .collect();
    if !conflicting.is_empty() {
        line += &format!("; other sources give: {}", conflicting.join("; "));
    }
    line
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
    lines.push(renewal_fee(renewal, standing));
    lines.extend(combined_line(cert, catalog, standing));
    let ends = renewal.cycle_end.map_or("unknown", |rule| rule.label());
    lines.push(part(
        format!("Cycle ends: {ends}"),
        &renewal.calendar_source,
        renewal.calendar_as_of,
    ));
    lines.push(when_to_apply(renewal));
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

/// The issuer's rule for renewing several of its credentials together, when it has one.
fn combined_line(cert: &Certification, catalog: &Catalog, standing: &Standing) -> Option<String> {
    let rule = catalog
        .get::<Organization>(&cert.issuer)
        .ok()?
        .combined_renewal
        .as_ref()?;
    let parts = further_credential(rule);
    let issuer = catalog.name_of(Kind::Organization, &cert.issuer);
    let text = format!(
        "Each further {issuer} credential held: {}",
        parts.join(", ")
    );
    Some(format!(
        "{text} — {}",
        standing.cited(rule.as_of, &rule.source)
    ))
}
