//! The lists of credentials: all of them, and one page for each track, issuer and level that
//! has any, each filtered by the same `view::CertFilter` as `hi certs --track/--issuer/--level`.

use maud::{Markup, html};

use super::{Page, Section, Site, root_of};
use crate::html::{Links, cited, record_link, unknown, usd_fact};
use crate::model::{Certification, Kind, Level, Organization, Track};
use crate::show::renewal_summary;
use crate::view::{CertFilter, exam_fee};

/// A list of credentials other than the whole one: its page, its title, the filter that
/// makes it, and how the filters name it ("By track", "coding").
struct Listed<'a> {
    path: String,
    title: String,
    filter: CertFilter<'a>,
    group: &'static str,
    name: String,
}

/// The lists by track, issuer and level that hold any credential.
fn listed<'a>(site: &Site<'a>) -> Vec<Listed<'a>> {
    let catalog = site.catalog;
    let mut lists = Vec::new();
    for &track in Track::ALL {
        lists.push(Listed {
            path: format!("certs/track/{}.html", track.keyword()),
            title: format!("Credentials in {}", track.label()),
            filter: CertFilter {
                track: Some(track),
                ..CertFilter::default()
            },
            group: "By track",
            name: track.label().to_string(),
        });
    }
    for org in catalog.organizations() {
        lists.push(Listed {
            path: format!("certs/issuer/{}.html", org.id),
            title: format!("Credentials from {}", org.name),
            filter: CertFilter {
                issuer: Some(&org.id),
                ..CertFilter::default()
            },
            group: "By issuer",
            name: org.name.clone(),
        });
    }
    for &level in Level::ALL {
        lists.push(Listed {
            path: format!("certs/level/{}.html", level.keyword()),
            title: format!("Credentials at the {} level", level.label()),
            filter: CertFilter {
                level: Some(level),
                ..CertFilter::default()
            },
            group: "By level",
            name: level.label().to_string(),
        });
    }
    let certs = catalog.certifications();
    lists.retain(|l| certs.iter().any(|c| l.filter.keeps(c)));
    lists
}

/// Every list page of credentials.
pub(super) fn certs(site: &Site) -> Vec<Page> {
    let lists = listed(site);
    // The filters read the same from every list but for how far up the site's top is; the
    // issuers, as many as the catalog has, are listed on the page of all credentials alone.
    let top = filters(&lists, Links::Site { root: "../" }, true);
    let deep = filters(&lists, Links::Site { root: "../../" }, false);
    let mut pages = vec![list(
        site,
        "certs/index.html",
        "Credentials",
        CertFilter::default(),
        &top,
    )];
    for l in &lists {
        pages.push(list(site, &l.path, &l.title, l.filter, &deep));
    }
    pages
}

/// The page of a track's list, from a page `links` lead from.
pub(super) fn track_link(links: Links, track: Track) -> Markup {
    match links.to(&format!("certs/track/{}.html", track.keyword())) {
        Some(href) => html! { a href=(href) { (track.label()) } },
        None => html! { (track.label()) },
    }
}

/// The ways to narrow the list, as links to the pre-rendered lists, and the fee ceiling the
/// script shows.
fn filters(lists: &[Listed], links: Links, issuers: bool) -> Markup {
    let to = |path: &str| links.to(path).unwrap_or_default();
    html! {
        nav.filters aria-label="Filters" {
            p { a href=(to("certs/index.html")) { "All credentials" } }
            @for group in ["By track", "By issuer", "By level"] {
                p { (group) ": "
                    @if group == "By issuer" && !issuers {
                        a href=(to("certs/index.html")) { "each issuer's list" }
                        " is named on the page of all credentials"
                    } @else {
                        @for (i, l) in lists.iter().filter(|l| l.group == group).enumerate() {
                            @if i > 0 { ", " }
                            a href=(to(&l.path)) { (l.name) }
                        }
                    }
                }
            }
        }
        // Shown by the script only: without it, the lists above are the filters.
        form.fee-filter hidden {
            label { "Exam fee at most (US dollars) "
                input type="number" name="max" min="0" step="1" inputmode="numeric"; }
            " "
            label { input type="checkbox" name="member"; " at the member price" }
            " " output name="shown" aria-live="polite" {}
        }
    }
}

/// A list of the credentials `filter` keeps.
fn list(site: &Site, path: &str, title: &str, filter: CertFilter, filters: &Markup) -> Page {
    let root = root_of(path);
    let links = Links::Site { root: &root };
    let certs: Vec<&Certification> = site
        .catalog
        .certifications()
        .iter()
        .filter(|c| filter.keeps(c))
        .collect();
    let body = html! {
        h1 { (title) }
        (filters)
        (table(site, links, &certs, title))
    };
    site.page(path, title, Section::Credentials, body)
}

/// The table of credentials, as `hi certs` lists them, each fee with its date and source. Each
/// row carries its exam fees for the script's fee ceiling; an unknown fee carries none.
pub(super) fn table(site: &Site, links: Links, certs: &[&Certification], caption: &str) -> Markup {
    let catalog = site.catalog;
    html! {
        div.scroll {
            table.list.cards {
                caption { (caption) " (" (certs.len()) ")" }
                thead { tr {
                    th scope="col" { "Credential" } th scope="col" { "Issuer" }
                    th scope="col" { "Level" } th scope="col" { "Member" }
                    th scope="col" { "Non-member" } th scope="col" { "Fees as of" }
                    th scope="col" { "Renewal" }
                } }
                tbody {
                    @for c in certs {
                        tr data-fee-row="" data-member=[exam_fee(c, true)]
                            data-non-member=[exam_fee(c, false)] {
                            th scope="row" {
                                (record_link(links, Kind::Certification, &c.id, &c.name))
                                br; small { (c.full_name) }
                            }
                            td data-label="Issuer" { (record_link(links, Kind::Organization,
                                &c.issuer, &catalog.name_of(Kind::Organization, &c.issuer))) }
                            td data-label="Level" { (c.level.label()) }
                            @match &c.fees {
                                Some(f) => {
                                    td.num data-label="Member" {
                                        (usd_fact("fees.member_usd", f.member_usd)) }
                                    td.num data-label="Non-member" {
                                        (usd_fact("fees.non_member_usd", f.non_member_usd)) }
                                    td data-label="Fees as of" {
                                        (cited(links, site.standing, f.as_of, &f.source)) }
                                }
                                None => {
                                    td data-label="Member" { (unknown()) }
                                    td data-label="Non-member" { (unknown()) }
                                    td data-label="Fees as of" { (unknown()) }
                                }
                            }
                            td data-label="Renewal" { (renewal_summary(&c.renewal)) }
                        }
                    }
                }
            }
        }
    }
}

/// The issuer's list page, from a page `links` lead from.
pub(super) fn issuer_list(links: Links, org: &Organization) -> Option<String> {
    links.to(&format!("certs/issuer/{}.html", org.id))
}
