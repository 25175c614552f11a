//! The pages of roles, occupations, organizations and sources, and their lists, as
//! `hi roles`, `hi occupations`, `hi orgs` and `hi sources` show them.

use maud::{Markup, html};

use super::{Page, Section, Site, lists, notes, root_of, sources_section};
use crate::html::chart::{self, Bar, Column, Layout, Segment};
use crate::html::{Links, cited, outside_link, record_link, rule_source, unknown, usd_fact};
use crate::model::{Certification, Kind, Move, Occupation, Organization, Role, Source};
use crate::show::{Standing, cents, outlook, usd};
use crate::view::{further_fees, occupation_figures};

/// Every page of these kinds, lists first.
pub(super) fn pages(site: &Site) -> Vec<Page> {
    let catalog = site.catalog;
    let mut pages = vec![
        roles_list(site),
        occupations_list(site),
        orgs_list(site),
        sources_list(site),
    ];
    pages.extend(catalog.roles().iter().map(|r| role(site, r)));
    pages.extend(catalog.occupations().iter().map(|o| occupation(site, o)));
    pages.extend(catalog.organizations().iter().map(|o| org(site, o)));
    pages.extend(catalog.sources().iter().map(|s| source(site, s)));
    pages
}

/// Median pay of each occupation as bars, each with its date and source's standing; an
/// occupation without figures shows its parent's, and one with none says unknown.
pub(super) fn pay_chart(
    site: &Site,
    links: Links,
    id: &str,
    occupations: &[&Occupation],
) -> Markup {
    let standing = site.standing;
    let bars: Vec<Bar> = occupations
        .iter()
        .map(|o| {
            let (figures, parent) = occupation_figures(o, site.catalog);
            let note = match &figures.figures_source {
                Some(source) => {
                    let cite = standing.cite(figures.median_as_of, source);
                    let of = parent.map_or(String::new(), |p| format!(", {p}'s"));
                    format!("{}{of}, {}", cite.dated(), cite.kind())
                }
                None => "no figure in the data".to_string(),
            };
            Bar {
                label: format!("{} ({})", o.name, o.id),
                amount: figures.median_annual_usd.map(u64::from),
                note,
            }
        })
        .collect();
    let desc: Vec<String> = bars
        .iter()
        .map(|b| {
            format!(
                "{}: {} ({})",
                b.label,
                usd(b.amount.map(|a| a as u32)).text,
                b.note
            )
        })
        .collect();
    html! {
        (chart::bars(id, "Median annual pay by occupation", &desc.join("; "), &bars,
            html! { "Each bar is a median for the whole occupation, with the date its source "
                "states; the table below names each source." }))
        (occupation_table(site, links, occupations))
    }
}

fn occupation_table(site: &Site, links: Links, occupations: &[&Occupation]) -> Markup {
    html! {
        div.scroll { table.list {
            caption { "Occupations, their median pay and outlook" }
            thead { tr { th scope="col" { "Occupation" } th scope="col" { "Median pay a year" }
                th scope="col" { "Outlook" } th scope="col" { "As of, source" } } }
            tbody { @for o in occupations {
                @let (figures, parent) = occupation_figures(o, site.catalog);
                tr {
                    th scope="row" { (record_link(links, Kind::Occupation, &o.id, &o.name))
                        " (" (o.id) ")" }
                    td.num { (usd(figures.median_annual_usd).text)
                        @if let Some(p) = parent { " (" (p) "'s)" } }
                    td { (outlook(figures.outlook_percent, figures.outlook_period.as_deref()).text) }
                    td { @match &figures.figures_source {
                        Some(s) => (cited(links, site.standing, figures.median_as_of, s)),
                        None => (unknown()),
                    } }
                }
            } }
        } }
    }
}

fn roles_list(site: &Site) -> Page {
    let path = "roles/index.html";
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let body = html! {
        h1 { "Roles" }
        div.scroll { table.list {
            caption { "Roles in health informatics (" (site.catalog.roles().len()) ")" }
            thead { tr { th scope="col" { "Role" } th scope="col" { "Skills" }
                th scope="col" { "Recommended credentials" } } }
            tbody { @for r in site.catalog.roles() {
                tr { th scope="row" { (record_link(links, Kind::Role, &r.id, &r.name)) }
                    td.num { (r.skills.len()) }
                    td { (cert_links(site, links, &r.certifications)) } }
            } }
        } }
    };
    site.page(path, "Roles", Section::Roles, body)
}

fn cert_links(site: &Site, links: Links, ids: &[String]) -> Markup {
    html! {
        @for (i, id) in ids.iter().enumerate() {
            @if i > 0 { ", " }
            (record_link(links, Kind::Certification, id,
                &site.catalog.name_of(Kind::Certification, id)))
        }
    }
}

/// A source, or the project's own judgment when there is none.
fn judged(site: &Site, links: Links, source: &Option<String>) -> Markup {
    match source {
        Some(source) => rule_source(links, site.standing, source),
        None => html! { span.cite { "the project's judgment" } },
    }
}

/// Where a role comes from and leads to, each move with what it asks and who states it: what
/// `hi roles ID` and `hi path` show.
fn moves(site: &Site, links: Links, role: &Role) -> Markup {
    let catalog = site.catalog;
    let from: Vec<(&Role, &Move)> = catalog
        .roles()
        .iter()
        .filter_map(|r| Some((r, r.leads_to.iter().find(|m| m.role == role.id)?)))
        .collect();
    let line = |to: &Role, step: &Move| {
        html! {
            (record_link(links, Kind::Role, &to.id, &to.name))
            " (" (to.level.label()) "): " (crate::show::requirements(catalog, &step.requires))
            " — "
            @if step.judgment { span.cite { "the project's judgment" } }
            @for source in &step.sources { " " (rule_source(links, site.standing, source)) }
        }
    };
    html! {
        @if !from.is_empty() || !role.leads_to.is_empty() {
            section { h2 { "Career moves" }
                @if !from.is_empty() { h3 { "Comes from" } ul {
                    @for (r, step) in &from { li { (line(r, step)) } } } }
                @if !role.leads_to.is_empty() { h3 { "Leads to" } ul {
                    @for step in &role.leads_to {
                        @if let Ok(to) = catalog.get::<Role>(&step.role) {
                            li { (line(to, step)) } } } } }
                p.note { "The shortest ways between two roles, with what each move costs: "
                    code { "hi path " (role.id) " ROLE" } "." }
            }
        }
    }
}

fn role(site: &Site, role: &Role) -> Page {
    let path = format!("roles/{}.html", role.id);
    let root = root_of(&path);
    let links = Links::Site { root: &root };
    let catalog = site.catalog;
    let occupations: Vec<&Occupation> = role
        .occupations
        .iter()
        .filter_map(|id| catalog.get::<Occupation>(id).ok())
        .collect();
    let body = html! {
        h1 { (role.name) }
        p.lead { (role.description) }
        dl.facts {
            dt { "Typical education" }
            dd { (role.education) " — " (judged(site, links, &role.education_source)) }
            dt { "Level" }
            dd { (role.level.label()) " — " (judged(site, links, &role.level_source)) }
        }
        (moves(site, links, role))
        section { h2 { "Daily responsibilities" } ul {
            @for r in catalog.responsibilities().iter().filter(|r| r.roles.contains(&role.id)) {
                li { strong { (r.name) } ": " (r.description) } } } }
        section { h2 { "Skills" } ul { @for id in &role.skills {
            @match catalog.get::<crate::model::Skill>(id) {
                Ok(s) => li { (s.name) " (" (s.category.label()) ")" },
                Err(_) => li { (id) },
            }
        } } }
        section { h2 { "Recommended credentials (the project's judgment)" }
            @let certs: Vec<&Certification> = role.certifications.iter()
                .filter_map(|id| catalog.get::<Certification>(id).ok()).collect();
            (lists::table(site, links, &certs, "Recommended credentials")) }
        section { h2 { "Where such people work" } ul { @for id in &role.employers {
            li { (catalog.name_of(Kind::Employer, id)) } } } }
        @if !role.paths.is_empty() {
            section { h2 { "Education paths" } ul { @for id in &role.paths {
                li { (catalog.name_of(Kind::Path, id)) " (" code { "hi paths " (id) } ")" } } } }
        }
        section { h2 { "Occupations and pay" }
            p { "Mapping: " (judged(site, links, &role.occupations_source)) }
            (pay_chart(site, links, "pay", &occupations)) }
        (salaries(site, links, role))
        (notes(&role.notes))
        (sources_section(site, links, role.sources.iter().map(String::as_str)))
    };
    site.page(&path, &role.name, Section::Roles, body)
}

fn salaries(site: &Site, links: Links, role: &Role) -> Markup {
    let salaries: Vec<_> = site
        .catalog
        .salaries()
        .iter()
        .filter(|s| s.role.as_deref() == Some(role.id.as_str()))
        .collect();
    html! {
        @if !salaries.is_empty() {
            section { h2 { "Salary figures" } ul { @for s in salaries {
                li { (s.subject) ": " (s.statistic) " " (cents(s.amount_cents.get().into()))
                    " per " (s.period.keyword()) " — "
                    (cited(links, site.standing, s.as_of, &s.source)) }
            } } }
        }
    }
}

fn occupations_list(site: &Site) -> Page {
    let path = "occupations/index.html";
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let all: Vec<&Occupation> = site.catalog.occupations().iter().collect();
    let body = html! {
        h1 { "Occupations" }
        p { "The O*NET-SOC occupations the roles map to, with the Bureau of Labor Statistics' "
            "figures where the data has them." }
        (pay_chart(site, links, "pay", &all))
    };
    site.page(path, "Occupations", Section::Occupations, body)
}

fn occupation(site: &Site, o: &Occupation) -> Page {
    let path = format!("occupations/{}.html", o.id);
    let root = root_of(&path);
    let links = Links::Site { root: &root };
    let (figures, parent) = occupation_figures(o, site.catalog);
    let roles = site
        .catalog
        .roles()
        .iter()
        .filter(|r| r.occupations.contains(&o.id));
    let body = html! {
        h1 { (o.name) " (" (o.id) ")" }
        p.lead { (o.description) }
        @if let Some(p) = parent {
            p.note { "No figures for this occupation: those of its parent "
                (record_link(links, Kind::Occupation, p, &figures.name)) " (" (p) ") follow." }
        }
        dl.facts {
            dt { "Median annual pay" } dd { (usd(figures.median_annual_usd).text) }
            dt { "Outlook" }
            dd { (outlook(figures.outlook_percent, figures.outlook_period.as_deref()).text) }
            @if let Some(source) = &figures.figures_source {
                dt { "Figures from" }
                dd { (cited(links, site.standing, figures.median_as_of, source)) }
            }
        }
        (editions(site, links, figures))
        section { h2 { "Roles" } ul { @for r in roles {
            li { (record_link(links, Kind::Role, &r.id, &r.name)) } } } }
        (notes(&o.notes))
        (sources_section(site, links, figures.figure_history.iter().map(|f| f.source.as_str())
            .chain(o.sources.iter().map(String::as_str))))
    };
    site.page(&path, &o.name, Section::Occupations, body)
}

/// Each edition of an occupation's figures: the median as a picture, and every figure in a
/// table with its source.
fn editions(site: &Site, links: Links, o: &Occupation) -> Markup {
    let mut history: Vec<_> = o.figure_history.iter().collect();
    history.sort_by_key(|f| f.as_of);
    let label = |f: &crate::model::OccupationFigures| {
        f.as_of.map_or("undated".to_string(), |d| d.to_string())
    };
    let columns: Vec<Column> = history
        .iter()
        .map(|f| Column {
            label: label(f),
            segments: vec![Segment {
                class: "pay",
                amount: f.median_annual_usd.map(|a| u64::from(a.get())),
            }],
        })
        .collect();
    let desc: Vec<String> = history
        .iter()
        .map(|f| format!("{}: {}", label(f), usd(f.median_annual_usd).text))
        .collect();
    html! {
        @if !history.is_empty() {
            section { h2 { "Figures, edition by edition" }
                (chart::columns("median-history", ("Median annual pay, each edition",
                    &desc.join("; ")), Layout::SideBySide, &columns, &[("pay", "median pay")]))
                div.scroll { table {
                    caption { "Every edition of the figures" }
                    thead { tr { th scope="col" { "As of" } th scope="col" { "Median a year" }
                        th scope="col" { "Jobs" } th scope="col" { "Outlook" }
                        th scope="col" { "Source" } } }
                    tbody { @for f in history.iter().rev() { tr {
                        th scope="row" { (label(f)) }
                        td.num { (usd(f.median_annual_usd).text) }
                        td.num { @match f.employment { Some(j) => (j), None => (unknown()) } }
                        td { (outlook(f.outlook_percent, f.outlook_period.as_deref()).text) }
                        td { (cited(links, site.standing, f.as_of, &f.source))
                            @if let Some(note) = &f.note { br; small { (note) } } }
                    } } }
                } }
            }
        }
    }
}

fn orgs_list(site: &Site) -> Page {
    let path = "orgs/index.html";
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let catalog = site.catalog;
    let body = html! {
        h1 { "Organizations" }
        div.scroll { table.list {
            caption { "Issuers and accreditors (" (catalog.organizations().len()) ")" }
            thead { tr { th scope="col" { "Organization" } th scope="col" { "Full name" }
                th scope="col" { "Credentials it issues" } } }
            tbody { @for o in catalog.organizations() {
                @let issued: Vec<String> = issued_by(catalog.certifications(), &o.id);
                tr { th scope="row" { (record_link(links, Kind::Organization, &o.id, &o.name)) }
                    td { (o.full_name) } td { (cert_links(site, links, &issued)) } }
            } }
        } }
    };
    site.page(path, "Organizations", Section::Organizations, body)
}

fn issued_by(certs: &[Certification], org: &str) -> Vec<String> {
    certs
        .iter()
        .filter(|c| c.issuer == org)
        .map(|c| c.id.clone())
        .collect()
}

fn org(site: &Site, o: &Organization) -> Page {
    let path = format!("orgs/{}.html", o.id);
    let root = root_of(&path);
    let links = Links::Site { root: &root };
    let issued = issued_by(site.catalog.certifications(), &o.id);
    let body = html! {
        h1 { (o.name) " — " (o.full_name) }
        p.lead { (o.description) }
        dl.facts {
            dt { "Website" } dd { (outside_link(&o.url)) }
            dt { "Membership dues" }
            dd { @match &o.membership {
                Some(m) => { (usd_fact("membership.annual_dues_usd", Some(m.annual_dues_usd)))
                    " a year — " (cited(links, site.standing, m.as_of, &m.source))
                    @if let Some(note) = &m.note { br; small { "Note: " (note) } } }
                None => (unknown()),
            } }
        }
        section { h2 { "Credentials it issues" }
            @if issued.is_empty() { p { "None in the data." } } @else {
                p { (cert_links(site, links, &issued)) }
                @if let Some(href) = lists::issuer_list(links, o) {
                    p { a href=(href) { "Compare their fees in one list" } } }
            }
        }
        (combined(site, links, o))
        (notes(&o.notes))
        (sources_section(site, links, o.sources.iter().map(String::as_str)))
    };
    site.page(&path, &o.name, Section::Organizations, body)
}

/// The issuer's rule for renewing several of its credentials at once.
fn combined(site: &Site, links: Links, o: &Organization) -> Markup {
    let Some(rule) = &o.combined_renewal else {
        return html! {};
    };
    let standing: &Standing = site.standing;
    let (fee_source, fee_as_of) = match &rule.fee_source {
        Some(source) => (source, rule.fee_as_of),
        None => (&rule.source, rule.as_of),
    };
    let name = |id: &str| site.catalog.name_of(Kind::Certification, id);
    html! {
        section { h2 { "Holding several of its credentials" } ul {
            @for (whose, fee) in further_fees(rule) {
                li { "Each further credential adds " (fee) " to " (whose)
                    " recertification fee for a cycle — " (cited(links, standing, fee_as_of, fee_source)) }
            }
            @if let Some(hours) = rule.extra_credential_ce_hours {
                li { "CE hours: those of the most demanding credential, plus " (hours)
                    " for each further one"
                    @if let Some(max) = rule.max_ce_hours { ", up to " (max) " in all" }
                    " — " (cited(links, standing, rule.as_of, &rule.source)) }
            }
            @for r in &rule.replacements {
                li { "Earning " (record_link(links, Kind::Certification, &r.credential, &name(&r.credential)))
                    " replaces " (record_link(links, Kind::Certification, &r.replaces, &name(&r.replaces)))
                    " for recertification — " (rule_source(links, standing, &r.source)) }
            }
        }
        @if let Some(note) = &rule.note { p.note { "Note: " (note) } } }
    }
}

fn sources_list(site: &Site) -> Page {
    let path = "sources/index.html";
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let catalog = site.catalog;
    let body = html! {
        h1 { "Sources" }
        p { "Every source the data cites, with who it is and the day it was read." }
        div.scroll { table.list {
            caption { "Sources (" (catalog.sources().len()) ")" }
            thead { tr { th scope="col" { "Source" } th scope="col" { "Publisher" }
                th scope="col" { "Kind" } th scope="col" { "Retrieved" }
                th scope="col" { "Cited" } } }
            tbody { @for s in catalog.sources() {
                tr { th scope="row" { (record_link(links, Kind::Source, &s.id, &s.title)) }
                    td { (s.publisher) } td { (s.kind.label()) }
                    td { (s.retrieved.to_string()) }
                    td.num { (site.citations.get(s.id.as_str()).map_or(0, Vec::len)) } }
            } }
        } }
    };
    site.page(path, "Sources", Section::Sources, body)
}

fn source(site: &Site, s: &Source) -> Page {
    let path = format!("sources/{}.html", s.id);
    let root = root_of(&path);
    let links = Links::Site { root: &root };
    let cited_by = site.citations.get(s.id.as_str()).into_iter().flatten();
    let body = html! {
        h1 { (s.title) }
        dl.facts {
            dt { "Publisher" } dd { (s.publisher) }
            dt { "Kind" } dd { (s.kind.label()) }
            dt { "Address" } dd { (outside_link(&s.url)) }
            dt { "Retrieved" } dd { (s.retrieved.to_string()) }
            @if let Some(published) = s.published {
                dt { "Published" } dd { (published.to_string()) } }
            dt { "Id" } dd { code { (s.id) } }
        }
        section { h2 { "Cited by" } div.scroll { table {
            caption { "Every record and figure that cites it" }
            thead { tr { th scope="col" { "Record" } th scope="col" { "Figure" }
                th scope="col" { "As of" } } }
            tbody { @for c in cited_by { tr {
                th scope="row" { (c.kind.label()) " "
                    (record_link(links, c.kind, c.id, &site.catalog.name_of(c.kind, c.id))) }
                td { (c.what) }
                td { (c.as_of.map_or("—".into(), |d| d.to_string())) }
            } } }
        } } }
        (notes(&s.notes))
    };
    site.page(&path, &s.title, Section::Sources, body)
}
