//! `hi site`: the loaded catalog as a static website that needs no server and no network. An
//! index; a page for each credential, role, occupation, issuer and source; the lists of
//! credentials by track, issuer and level, pre-rendered as `hi certs` filters them; and side by
//! side comparisons of credentials. Every page works without JavaScript; the one script only
//! adds a fee ceiling to the lists and a picker of any two credentials to compare.

mod cert;
mod compare;
mod lists;
mod records;

use std::collections::HashMap;

use maud::{Markup, html};

use super::{Assets, Links};
use crate::catalog::{Catalog, Citation};
use crate::model::{Kind, Source};
use crate::show::Standing;

/// Years over which each credential's cost is drawn, as `hi plan` costs them by default.
pub const COST_YEARS: u32 = 6;

/// The file that marks a folder as a site `hi` made, so that `--force` replaces only such.
pub const MARKER: &str = ".hi-site";

/// One file of the site: its path inside the site's folder and its text.
#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub text: String,
}

/// The folder of the pages of a kind, for the kinds that have pages.
pub fn folder(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Certification => Some("certs"),
        Kind::Role => Some("roles"),
        Kind::Occupation => Some("occupations"),
        Kind::Organization => Some("orgs"),
        Kind::Source => Some("sources"),
        _ => None,
    }
}

/// The parts of the site, as its navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Home,
    Credentials,
    Roles,
    Occupations,
    Organizations,
    Sources,
    Compare,
}

const SECTIONS: [(Section, &str, &str); 7] = [
    (Section::Home, "index.html", "Home"),
    (Section::Credentials, "certs/index.html", "Credentials"),
    (Section::Roles, "roles/index.html", "Roles"),
    (
        Section::Occupations,
        "occupations/index.html",
        "Occupations",
    ),
    (Section::Organizations, "orgs/index.html", "Organizations"),
    (Section::Sources, "sources/index.html", "Sources"),
    (Section::Compare, "compare/index.html", "Compare"),
];

/// What every page is made from.
struct Site<'a> {
    catalog: &'a Catalog,
    standing: &'a Standing<'a>,
    /// Every citation, by the source cited: a source's page lists them.
    citations: HashMap<&'a str, Vec<Citation<'a>>>,
}

/// How far below the top of the site a page is, as the prefix of its links: "", "../", ...
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

impl Site<'_> {
    /// A page at `path` with the site's navigation (`section` marked current) and footer.
    fn page(&self, path: &str, title: &str, section: Section, body: Markup) -> Page {
        let root = root_of(path);
        let nav = html! {
            nav.site aria-label="Site" {
                @for (s, href, label) in SECTIONS {
                    a href=(format!("{root}{href}")) aria-current=[(s == section).then_some("page")] {
                        (label)
                    }
                }
            }
        };
        let about = self.catalog.about();
        let footer = html! {
            p {
                "Made by hi " (env!("CARGO_PKG_VERSION")) " from data version " (about.version)
                " (" (about.date.to_string()) "). Ages are judged against "
                (self.standing.today().to_string())
                ". Every figure names its source, the date that source states and who it is; "
                "\u{201c}unknown\u{201d} means no source in the data gives it."
            }
        };
        let title = format!("{title} — hi");
        let text = super::page(&title, Assets::Linked { root: &root }, nav, body, footer);
        Page {
            path: path.to_string(),
            text,
        }
    }
}

/// Every file of the site for `catalog`, each figure judged by `standing`.
pub fn build(catalog: &Catalog, standing: &Standing) -> Vec<Page> {
    let site = Site {
        catalog,
        standing,
        citations: by_source(catalog.citations()),
    };
    let mut pages = vec![
        index(&site),
        Page {
            path: "style.css".to_string(),
            text: super::STYLE.to_string(),
        },
        Page {
            path: "site.js".to_string(),
            text: super::SCRIPT.to_string(),
        },
        Page {
            path: MARKER.to_string(),
            text: "A site made by `hi site`: `hi site DIR --force` replaces this folder whole.\n"
                .to_string(),
        },
    ];
    pages.extend(lists::certs(&site));
    pages.extend(
        catalog
            .certifications()
            .iter()
            .map(|c| cert::page(&site, c)),
    );
    pages.extend(records::pages(&site));
    pages.extend(compare::pages(&site));
    pages
}

fn by_source(citations: Vec<Citation<'_>>) -> HashMap<&str, Vec<Citation<'_>>> {
    let mut by_source: HashMap<&str, Vec<Citation>> = HashMap::new();
    for citation in citations {
        by_source.entry(citation.source).or_default().push(citation);
    }
    by_source
}

/// The home page: what the site holds, how to read its figures, and pay by occupation.
fn index(site: &Site) -> Page {
    let catalog = site.catalog;
    let links = Links::Site { root: "" };
    let count = |kind| catalog.count(kind);
    let body = html! {
        h1 { "Health informatics careers and certifications" }
        p.lead { (catalog.about().description) }
        ul.sections {
            li { a href="certs/index.html" { (count(Kind::Certification)) " credentials" }
                 ": eligibility, exams, fees over the years, renewal rules, cost over "
                 (COST_YEARS) " years; by track, issuer and level." }
            li { a href="roles/index.html" { (count(Kind::Role)) " roles" }
                 ": skills, recommended credentials, occupations and pay." }
            li { a href="occupations/index.html" { (count(Kind::Occupation)) " occupations" }
                 " (O*NET-SOC) with their median pay and outlook." }
            li { a href="orgs/index.html" { (count(Kind::Organization)) " organizations" }
                 " that issue and accredit, with membership dues." }
            li { a href="sources/index.html" { (count(Kind::Source)) " sources" }
                 ", each with every figure that cites it." }
            li { a href="compare/index.html" { "Compare credentials" } " side by side." }
        }
        h2 { "How to read a figure" }
        p {
            "Each figure is followed by the date its source states, the source (a link to "
            "what it is and where to read it) and who the source is: the issuer, a government "
            "body, or a third party. A figure dated more than "
            (crate::show::STALE_YEARS) " years before today says so; a figure no source gives "
            "is " (super::unknown()) ", never a guess or a zero."
        }
        h2 { "Pay by occupation" }
        (records::pay_chart(site, links, "pay", &catalog.occupations().iter().collect::<Vec<_>>()))
    };
    site.page("index.html", "Home", Section::Home, body)
}

/// A source's link for a list of sources: publisher, kind, and when it was read.
fn source_item(links: Links, source: &Source) -> Markup {
    html! {
        li {
            (super::record_link(links, Kind::Source, &source.id, &source.title))
            " — " (source.publisher) " (" (source.kind.label()) ", retrieved "
            (source.retrieved.to_string()) ")"
        }
    }
}

/// The closing section of a record's page: each source it cites, once, in order.
fn sources_section<'a>(
    site: &Site,
    links: Links,
    ids: impl IntoIterator<Item = &'a str>,
) -> Markup {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    html! {
        section {
            h2 { "Sources" }
            ul {
                @for id in seen {
                    @match site.catalog.get::<Source>(id) {
                        Ok(source) => (source_item(links, source)),
                        Err(_) => li { (id) },
                    }
                }
            }
        }
    }
}

/// A section of notes, when there are any.
fn notes(notes: &[String]) -> Markup {
    html! {
        @if !notes.is_empty() {
            section {
                h2 { "Notes" }
                ul { @for note in notes { li { (note) } } }
            }
        }
    }
}
