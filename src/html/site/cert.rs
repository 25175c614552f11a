//! A credential's page: what `hi certs ID` shows, each figure with its source, date, standing
//! and age, and three pictures: the fees over the years, the cost of holding it year by year,
//! and its renewal timeline.

use maud::{Markup, html};

use super::{COST_YEARS, Page, Section, Site, compare, lists, notes, root_of, sources_section};
use crate::cost::{Cost, cost};
use crate::html::chart::{self, Column, Layout, Mark, Segment};
use crate::html::{Links, cited, fact, record_link, rule_source, unknown, usd_fact};
use crate::model::{Certification, Exam, Fees, Kind, Organization};
use crate::show::{count, duration, usd};
use crate::view::{cited_sources, current_of, further_credential, when_to_apply};

pub(super) fn page(site: &Site, cert: &Certification) -> Page {
    let path = format!("certs/{}.html", cert.id);
    let root = root_of(&path);
    let links = Links::Site { root: &root };
    let catalog = site.catalog;
    let roles: Vec<_> = catalog
        .roles()
        .iter()
        .filter(|r| r.certifications.contains(&cert.id))
        .collect();
    let body = html! {
        h1 { (cert.name) " — " (fact("full_name", Some(cert.full_name.clone()), &cert.full_name)) }
        p.lead { (cert.description) }
        dl.facts {
            dt { "Issuer" }
            dd { (record_link(links, Kind::Organization, &cert.issuer,
                &catalog.name_of(Kind::Organization, &cert.issuer))) }
            dt { "Level" }
            dd { (fact("level", Some(cert.level.keyword().into()), cert.level.label())) }
            dt { "Tracks" }
            dd { @for (i, t) in cert.tracks.iter().enumerate() {
                @if i > 0 { ", " } (lists::track_link(links, *t)) } }
            dt { "Recommended for (the project's judgment)" }
            dd { @if roles.is_empty() { "no role in the data" }
                @for (i, r) in roles.iter().enumerate() {
                    @if i > 0 { ", " } (record_link(links, Kind::Role, &r.id, &r.name)) } }
        }
        (exam(site, links, cert))
        (fees(site, links, cert))
        (costs(site, cert))
        (renewal(site, links, cert))
        (eligibility(site, links, cert))
        (others(site, links, cert))
        (compare::links_from(site, links, cert))
        (notes(&cert.notes))
        (sources_section(site, links, cited_sources(cert)))
    };
    site.page(&path, &cert.name, Section::Credentials, body)
}

fn exam(site: &Site, links: Links, cert: &Certification) -> Markup {
    let Some(exam) = &cert.exam else {
        return html! { section { h2 { "Exam" } p { "The exam's format is " (unknown()) "." } } };
    };
    let num = |key: &str, v: Option<u32>, text: String| fact(key, v.map(|v| v.to_string()), &text);
    html! {
        section {
            h2 { "Exam" }
            p {
                (num("exam.duration_minutes", exam.duration_minutes.map(u32::from),
                    duration(exam.duration_minutes).text))
                ", " (num("exam.questions", exam.questions.map(u32::from),
                    count(exam.questions, "questions").text))
                @if let Some(scored) = exam.scored_questions {
                    " (" (num("exam.scored_questions", Some(scored.get()), scored.get().to_string()))
                    " scored)"
                }
                @if let Some(format) = &exam.format { ", " (format) }
                " — " (cited(links, site.standing, exam.as_of, &exam.source))
            }
            @if let Some(note) = &exam.note { p.note { "Note: " (note) } }
            @if let Some(chosen) = current_of(&cert.exam_history, |e| e.as_of) {
                p.note { "Current: " (chosen) "." }
            }
            @if !exam.domains.is_empty() {
                h3 { "Exam domains" }
                ul { @for d in &exam.domains {
                    li { (d.name) @if let Some(w) = &d.weight { " (" (w) ")" } } } }
            }
            @if cert.exam_history.len() > 1 {
                h3 { "Earlier observations of the exam" }
                ul { @for e in &cert.exam_history { li { (exam_line(site, links, e)) } } }
            }
        }
    }
}

fn exam_line(site: &Site, links: Links, e: &Exam) -> Markup {
    html! {
        (duration(e.duration_minutes).text) ", " (count(e.questions, "questions").text)
        " — " (cited(links, site.standing, e.as_of, &e.source))
    }
}

fn fees(site: &Site, links: Links, cert: &Certification) -> Markup {
    let Some(fees) = &cert.fees else {
        return html! { section { h2 { "Fees" } p { "The exam fees are " (unknown()) "." } } };
    };
    html! {
        section {
            h2 { "Exam fees" }
            dl.facts {
                dt { "Member" } dd { (usd_fact("fees.member_usd", fees.member_usd)) }
                dt { "Non-member" } dd { (usd_fact("fees.non_member_usd", fees.non_member_usd)) }
                @if fees.affiliate_usd.is_some() {
                    dt { "Organizational affiliate" }
                    dd { (usd_fact("fees.affiliate_usd", fees.affiliate_usd)) }
                }
                @if fees.price_usd.is_some() {
                    dt { "Price, no tier stated" }
                    dd { (usd_fact("fees.price_usd", fees.price_usd)) }
                }
                dt { "Membership saves" }
                dd { (usd_fact("fees.member_saving_usd", fees.member_saving_usd)) }
                dt { "As of" }
                dd { (fact("fees.as_of", fees.as_of.map(|d| d.to_string()),
                    &fees.as_of.map_or("undated".into(), |d| d.to_string())))
                    " — " (cited(links, site.standing, fees.as_of, &fees.source)) }
            }
            @if let Some(note) = &fees.note { p.note { "Note: " (note) } }
            @if let Some(chosen) = current_of(&cert.fee_history, |f| f.as_of) {
                p.note { "Current: " (chosen) "." }
            }
            (fee_history(site, links, cert))
        }
    }
}

/// The fees of every observation, as a picture and as the table that is its text.
fn fee_history(site: &Site, links: Links, cert: &Certification) -> Markup {
    let label = |f: &Fees| f.as_of.map_or("undated".to_string(), |d| d.to_string());
    let columns: Vec<Column> = cert
        .fee_history
        .iter()
        .map(|f| Column {
            label: label(f),
            segments: vec![
                Segment {
                    class: "member",
                    amount: f.member_usd.map(|a| u64::from(a.get())),
                },
                Segment {
                    class: "non-member",
                    amount: f.non_member_usd.map(|a| u64::from(a.get())),
                },
            ]
            .into_iter()
            .chain(f.price_usd.map(|a| Segment {
                class: "price",
                amount: Some(u64::from(a.get())),
            }))
            .collect(),
        })
        .collect();
    let desc: Vec<String> = cert
        .fee_history
        .iter()
        .map(|f| {
            format!(
                "{}: member {}, non-member {}",
                label(f),
                usd(f.member_usd).text,
                usd(f.non_member_usd).text
            )
        })
        .collect();
    let title = format!("{} exam fees, each observation", cert.name);
    html! {
        h3 { "Fees over the years" }
        (chart::columns("fee-history", (&title, &desc.join("; ")), Layout::SideBySide, &columns,
            &[("member", "member price"), ("non-member", "non-member price"),
              ("price", "price, no tier stated")]))
        div.scroll { table {
            caption { "Every observation of the fees" }
            thead { tr { th scope="col" { "As of" } th scope="col" { "Member" }
                th scope="col" { "Non-member" } th scope="col" { "Source" } } }
            tbody { @for (i, f) in cert.fee_history.iter().enumerate() {
                tr {
                    th scope="row" { (label(f)) }
                    td.num { (usd_fact(&format!("fee_history.{i}.member_usd"), f.member_usd)) }
                    td.num { (usd_fact(&format!("fee_history.{i}.non_member_usd"),
                        f.non_member_usd)) }
                    td { (cited(links, site.standing, f.as_of, &f.source))
                        @if let Some(note) = &f.note { br; small { (note) } } }
                }
            } }
        } }
    }
}

/// What holding the credential costs, year by year, at non-member prices and as a member.
fn costs(site: &Site, cert: &Certification) -> Markup {
    let non_member = cost(cert, site.catalog, &site.terms(false));
    let member = cost(cert, site.catalog, &site.terms(true));
    html! {
        section {
            h2 { "Cost over " (COST_YEARS) " years" }
            p { "From the exam fee and each renewal inside the span (and membership dues for a "
                "member), as " code { "hi cost " (cert.id) " --years " (COST_YEARS) } " counts them." }
            (cost_chart(&non_member, "cost"))
            (cost_table(&non_member))
            h3 { "As a member of the issuer" }
            (cost_table(&member))
        }
    }
}

/// A cost as stacked yearly bars of exam, renewals and dues, unknown pieces marked unknown.
pub(super) fn cost_chart(cost: &Cost, id: &str) -> Markup {
    // Each kind of payment `cost` makes, its class in the style sheet and its legend; a kind
    // this list does not know yet is drawn as "other".
    const KINDS: [(&str, &str, &str); 4] = [
        ("exam", "exam", "exam"),
        ("renewal", "renewal", "renewal"),
        ("membership dues", "dues", "membership dues"),
        ("", "other", "other fees"),
    ];
    let class = |what: &str| {
        KINDS
            .iter()
            .find(|(kind, _, _)| *kind == what)
            .map_or("other", |(_, class, _)| *class)
    };
    let columns: Vec<Column> = (1..=cost.years)
        .map(|year| Column {
            label: format!("year {year}"),
            segments: cost
                .items
                .iter()
                .filter(|i| i.year == year)
                .map(|i| Segment {
                    class: class(&i.what),
                    amount: i.amount_usd.map(u64::from),
                })
                .collect(),
        })
        .collect();
    let legend: Vec<(&str, &str)> = KINDS.iter().map(|(_, c, label)| (*c, *label)).collect();
    let price = if cost.member { "member" } else { "non-member" };
    let title = format!(
        "{}: cost each year over {} years, at {price} prices",
        cost.name, cost.years
    );
    let total = crate::show::total_usd(cost.total_usd, cost.lower_bound).text;
    let desc = format!("{total} in all; unknown: {}", unknown_list(cost));
    chart::columns(id, (&title, &desc), Layout::Stacked, &columns, &legend)
}

fn unknown_list(cost: &Cost) -> String {
    match cost.unknown.is_empty() {
        true => "nothing".to_string(),
        false => cost.unknown.join(", "),
    }
}

/// A cost's items, year by year, and its total.
pub(super) fn cost_table(cost: &Cost) -> Markup {
    let price = if cost.member { "member" } else { "non-member" };
    html! {
        div.scroll { table {
            caption { (cost.name) " over " (cost.years) " years at " (price) " prices" }
            thead { tr { th scope="col" { "Year" } th scope="col" { "What" }
                th scope="col" { "US dollars" } th scope="col" { "CE hours due" } } }
            tbody { @for item in &cost.items {
                tr { td { (item.year) } td { (item.what) }
                    td.num { (usd(item.amount_usd).text) }
                    td.num { @if let Some(h) = item.ce_hours { (h) } } }
            } }
            tfoot { tr {
                th scope="row" colspan="2" { "Total, " (cost.years) " years" }
                td.num { (crate::show::total_usd(cost.total_usd, cost.lower_bound).text) }
                td {}
            } }
        } }
        @if !cost.unknown.is_empty() { p.note { "Unknown: " (unknown_list(cost)) "." } }
        @for note in &cost.notes { p.note { (note) } }
    }
}

fn renewal(site: &Site, links: Links, cert: &Certification) -> Markup {
    let r = &cert.renewal;
    let Some(source) = &r.source else {
        return html! { section { h2 { "Renewal" }
        p { "The renewal rule is " (unknown()) ": no source in the data gives it." } } };
    };
    let standing = site.standing;
    let own = |own: &Option<String>, as_of| match own {
        Some(own) => html! { " — " (cited(links, standing, as_of, own)) },
        None => html! {},
    };
    let num = |key: &str, v: Option<u32>| match v {
        Some(v) => fact(key, Some(v.to_string()), &v.to_string()),
        None => unknown(),
    };
    html! {
        section {
            h2 { "Renewal" }
            ul {
                li { "Every " (num("renewal.cycle_years", r.cycle_years.map(u32::from))) " years, "
                    (num("renewal.ce_hours", r.ce_hours.map(u32::from))) " hours of continuing "
                    "education — " (cited(links, standing, r.as_of, source)) }
                li { "From the issuer or its approved providers: "
                    (num("renewal.ce_from_issuer_hours", r.ce_from_issuer_hours.map(u32::from)))
                    " hours" (own(&r.ce_from_issuer_source, r.ce_from_issuer_as_of)) }
                @if let Some(ethics) = r.ethics_hours {
                    li { "On ethics: at least " (num("renewal.ethics_hours", Some(ethics.get())))
                        " hours" (own(&r.ethics_source, r.ethics_as_of)) }
                }
                li { "Recertification fee: member "
                    (usd_fact("renewal.fee_member_usd", r.fee_member_usd)) ", non-member "
                    (usd_fact("renewal.fee_non_member_usd", r.fee_non_member_usd))
                    @if let Some(source) = &r.fee_source {
                        " — " (cited(links, standing, r.fee_as_of, source)) } }
                (combined(site, links, cert))
                li { "A cycle ends: " (r.cycle_end.map_or("unknown", |rule| rule.label()))
                    (own(&r.calendar_source, r.calendar_as_of)) }
                li { (when_to_apply(r)) }
                @if let Some(alternative) = &r.alternative {
                    li { "Alternative: " (alternative) (own(&r.alternative_source, None)) }
                }
            }
            @if let Some(note) = &r.note { p.note { "Note: " (note) } }
            (timeline(cert))
        }
    }
}

/// The issuer's rule for holding several of its credentials, as a line of the renewal list.
fn combined(site: &Site, links: Links, cert: &Certification) -> Markup {
    let rule = site
        .catalog
        .get::<Organization>(&cert.issuer)
        .ok()
        .and_then(|o| o.combined_renewal.as_ref());
    let Some(rule) = rule else {
        return html! {};
    };
    let parts = further_credential(rule);
    let issuer = site.catalog.name_of(Kind::Organization, &cert.issuer);
    html! {
        li { "Each further " (issuer) " credential held: " (parts.join(", ")) " — "
            (cited(links, site.standing, rule.as_of, &rule.source)) }
    }
}

/// The renewal calendar from a pass date: three cycles, each end and its apply-by.
fn timeline(cert: &Certification) -> Markup {
    let r = &cert.renewal;
    let Some(years) = r.cycle_years.map(u32::from) else {
        return html! { p { "No timeline: the length of a cycle is " (unknown()) "." } };
    };
    let cycles = 3;
    let span = f64::from(years * cycles);
    let mut marks = vec![Mark {
        at: 0.0,
        label: "pass the exam".to_string(),
        class: "start",
    }];
    for k in 1..=cycles {
        let end = f64::from(years * k);
        if let Some(days) = r.apply_by_days_before {
            marks.push(Mark {
                at: (end - f64::from(days.get()) / 365.25) / span,
                label: String::new(),
                class: "apply",
            });
        }
        marks.push(Mark {
            at: end / span,
            label: format!("year {}: cycle {k} ends", years * k),
            class: "end",
        });
    }
    let title = format!("{}: renewal timeline from the pass date", cert.name);
    let apply = when_to_apply(r);
    let ends = r
        .cycle_end
        .map_or("on a day the data does not give", |e| e.label());
    let desc = format!("A cycle lasts {years} years and ends {ends}. {apply}.");
    let legend = html! {
        span.key { "A cycle ends " (ends) ". " }
        @if r.apply_by_days_before.is_some() {
            span.key { svg.swatch viewBox="0 0 10 10" aria-hidden="true" {
                circle.dot.apply cx="5" cy="5" r="5" {} } " " (apply) " (each dot)." }
        } @else { span.key { (apply) "." } }
    };
    chart::timeline(
        "renewal-timeline",
        (&title, &desc),
        ("pass date", &format!("year {}", years * cycles)),
        &marks,
        legend,
    )
}

fn eligibility(site: &Site, links: Links, cert: &Certification) -> Markup {
    html! {
        section {
            h2 { "Eligibility (any one route)" }
            @if cert.eligibility.is_empty() {
                p { "The rules are " (unknown()) ": no source in the data gives them." }
            }
            ul { @for route in &cert.eligibility {
                li { (route.label) " — " (rule_source(links, site.standing, &route.source))
                    @if let Some(note) = &route.note { br; small { "Note: " (note) } } }
            } }
        }
    }
}

/// Other fees (a retake, an inactive status) and other figures (a pass rate), each cited.
fn others(site: &Site, links: Links, cert: &Certification) -> Markup {
    html! {
        @if !cert.other_fees.is_empty() {
            section { h2 { "Other fees" } ul { @for f in &cert.other_fees {
                li { (crate::view::other_fee(f)) " — "
                    (cited(links, site.standing, f.as_of, &f.source))
                    @if let Some(note) = &f.note { br; small { "Note: " (note) } } }
            } } }
        }
        @if !cert.figures.is_empty() {
            section { h2 { "Other figures" } ul { @for f in &cert.figures {
                li { (f.label) ": " (f.value) " — " (cited(links, site.standing, f.as_of, &f.source))
                    @if let Some(note) = &f.note { br; small { "Note: " (note) } } }
            } } }
        }
    }
}
