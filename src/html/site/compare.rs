//! Credentials side by side, with the rows of `hi compare`: a page for every pair from the same
//! issuer (CAHIMS and CPHIMS among them), and on the index a picker of any two, which the
//! script builds from a table of every credential the page carries inert in a `<template>`.

use maud::{Markup, html};

use super::{COST_YEARS, Page, Section, Site, root_of};
use crate::cost::cost;
use crate::html::{Links, cited, record_link, unknown};
use crate::model::{Certification, Kind};
use crate::output::Cell;
use crate::show::{count, duration, total_usd, usd};

/// The page of the pair, whichever order they are named in: catalog order. `_` is in no id,
/// so no two pairs share a name.
pub(super) fn pair_path(site: &Site, a: &Certification, b: &Certification) -> String {
    let position = |c: &Certification| {
        site.catalog
            .certifications()
            .iter()
            .position(|x| x.id == c.id)
    };
    let (first, second) = if position(a) <= position(b) {
        (a, b)
    } else {
        (b, a)
    };
    format!("compare/{}_vs_{}.html", first.id, second.id)
}

/// Every pair of credentials from the same issuer, in catalog order.
fn pairs<'a>(site: &Site<'a>) -> Vec<(&'a Certification, &'a Certification)> {
    let certs = site.catalog.certifications();
    let mut pairs = Vec::new();
    for (i, a) in certs.iter().enumerate() {
        for b in certs[i + 1..].iter().filter(|b| b.issuer == a.issuer) {
            pairs.push((a, b));
        }
    }
    pairs
}

pub(super) fn pages(site: &Site) -> Vec<Page> {
    let mut pages = vec![index(site)];
    for (a, b) in pairs(site) {
        let path = pair_path(site, a, b);
        let root = root_of(&path);
        let links = Links::Site { root: &root };
        let title = format!("{} and {} side by side", a.name, b.name);
        let body = html! {
            h1 { (title) }
            (table(site, links, &[a, b], &title))
            p { "The same comparison in a terminal: " code { "hi compare " (a.id) " " (b.id) } }
        };
        pages.push(site.page(&path, &title, Section::Compare, body));
    }
    pages
}

fn index(site: &Site) -> Page {
    let path = "compare/index.html";
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let certs: Vec<&Certification> = site.catalog.certifications().iter().collect();
    let pairs = pairs(site);
    let body = html! {
        h1 { "Compare credentials" }
        // Shown by the script only, which builds the comparison from the template below.
        form.picker hidden {
            label { "First " (select("a", &certs, 0)) } " "
            label { "Second " (select("b", &certs, 1)) }
        }
        div #picked aria-live="polite" {}
        template #every-credential { (table(site, links, &certs, "The two credentials chosen")) }
        h2 { "Credentials from the same issuer" }
        @for org in site.catalog.organizations() {
            @let mine: Vec<_> = pairs.iter().filter(|(a, _)| a.issuer == org.id).collect();
            @if !mine.is_empty() {
                h3 { (org.name) }
                ul.pairs { @for (a, b) in mine {
                    li { a href=(format!("{root}{}", pair_path(site, a, b))) {
                        (a.name) " and " (b.name) } }
                } }
            }
        }
    };
    site.page(path, "Compare", Section::Compare, body)
}

fn select(name: &str, certs: &[&Certification], chosen: usize) -> Markup {
    html! {
        select name=(name) {
            @for (i, c) in certs.iter().enumerate() {
                option value=(c.id) selected[i == chosen] { (c.name) " — " (c.full_name) }
            }
        }
    }
}

/// The comparisons a credential's page links to.
pub(super) fn links_from(site: &Site, links: Links, cert: &Certification) -> Markup {
    let others: Vec<&Certification> = site
        .catalog
        .certifications()
        .iter()
        .filter(|c| c.issuer == cert.issuer && c.id != cert.id)
        .collect();
    let to = |path: String| links.to(&path).unwrap_or_default();
    html! {
        section {
            h2 { "Compare" }
            p {
                @for (i, other) in others.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(to(pair_path(site, cert, other))) { (cert.name) " and " (other.name) }
                }
                @if !others.is_empty() { ". " }
                a href=(to("compare/index.html".into())) { "Compare with any credential" }
            }
        }
    }
}

type Row<'a> = (&'static str, Box<dyn Fn(&Certification) -> Markup + 'a>);

fn exam(c: &Certification) -> Option<&crate::model::Exam> {
    c.exam.as_ref()
}

fn fees(c: &Certification) -> Option<&crate::model::Fees> {
    c.fees.as_ref()
}

/// A cell of the terminal's comparison, "unknown" marked as a gap.
fn text(cell: Cell) -> Markup {
    match cell == Cell::unknown() {
        true => unknown(),
        false => html! { (cell.text) },
    }
}

/// The rows of `hi compare`, each figure with its date and source where the row is a date,
/// and the cost over the years.
fn rows<'a>(site: &'a Site, links: Links<'a>) -> Vec<Row<'a>> {
    let mut rows = about_rows(site, links);
    rows.extend(money_rows(site, links));
    rows
}

/// What the credential is and how its exam runs.
fn about_rows<'a>(site: &'a Site, links: Links<'a>) -> Vec<Row<'a>> {
    let standing = site.standing;
    vec![
        ("Name", Box::new(|c| html! { (c.full_name) })),
        (
            "Issuer",
            Box::new(move |c| {
                record_link(
                    links,
                    Kind::Organization,
                    &c.issuer,
                    &site.catalog.name_of(Kind::Organization, &c.issuer),
                )
            }),
        ),
        ("Level", Box::new(|c| html! { (c.level.label()) })),
        (
            "Eligibility routes",
            Box::new(move |c| {
                html! {
                @if c.eligibility.is_empty() { (unknown()) }
                ul { @for r in &c.eligibility { li { (r.label) } } } }
            }),
        ),
        (
            "Exam length",
            Box::new(move |c| text(duration(exam(c).and_then(|e| e.duration_minutes)))),
        ),
        (
            "Questions",
            Box::new(move |c| match exam(c).and_then(|e| e.questions) {
                Some(q) => html! { (q.get()) },
                None => unknown(),
            }),
        ),
        (
            "Exam as of",
            Box::new(move |c| match exam(c) {
                Some(e) => cited(links, standing, e.as_of, &e.source),
                None => unknown(),
            }),
        ),
    ]
}

/// What it costs, and what renewing it asks.
fn money_rows<'a>(site: &'a Site, links: Links<'a>) -> Vec<Row<'a>> {
    let standing = site.standing;
    vec![
        (
            "Member fee",
            Box::new(move |c| text(usd(fees(c).and_then(|f| f.member_usd)))),
        ),
        (
            "Non-member fee",
            Box::new(move |c| text(usd(fees(c).and_then(|f| f.non_member_usd)))),
        ),
        (
            "Affiliate fee",
            Box::new(move |c| text(usd(fees(c).and_then(|f| f.affiliate_usd)))),
        ),
        (
            "Membership saves",
            Box::new(move |c| text(usd(fees(c).and_then(|f| f.member_saving_usd)))),
        ),
        (
            "Fees as of",
            Box::new(move |c| match fees(c) {
                Some(f) => cited(links, standing, f.as_of, &f.source),
                None => unknown(),
            }),
        ),
        (
            "Renewal cycle",
            Box::new(move |c| text(count(c.renewal.cycle_years, "years"))),
        ),
        (
            "CE hours per cycle",
            Box::new(move |c| text(count(c.renewal.ce_hours, "h"))),
        ),
        (
            "CE from issuer",
            Box::new(move |c| text(count(c.renewal.ce_from_issuer_hours, "h"))),
        ),
        (
            "Cost, non-member",
            Box::new(move |c| {
                let cost = cost(c, site.catalog, &site.terms(false));
                let total = total_usd(cost.total_usd, cost.lower_bound).text;
                html! { (total) " over " (COST_YEARS) " years" }
            }),
        ),
    ]
}

/// Credentials as columns, the rows of `hi compare` down the side. Each cell names its column,
/// so that the picker can keep two.
fn table(site: &Site, links: Links, certs: &[&Certification], caption: &str) -> Markup {
    html! {
        div.scroll { table.compare {
            caption { (caption) }
            thead { tr { td {}
                @for c in certs { th scope="col" data-col=(c.id) {
                    (record_link(links, Kind::Certification, &c.id, &c.name)) } }
            } }
            tbody { @for (label, cell) in rows(site, links) {
                tr { th scope="row" { (label) }
                    @for c in certs { td data-col=(c.id) { (cell(c)) } } }
            } }
        } }
    }
}
