//! Pages for the people who do not live in a terminal: the catalog as a static website
//! ([`site`]) and a person's report as one printable page ([`report`]), with pictures
//! ([`chart`]).
//!
//! Every page is written with maud: its `html!` checks the markup when `hi` is compiled and
//! escapes every piece of text spliced into it, so no data text (a name, a note, a URL) can
//! open a tag. What a page says of a figure (its source, date, standing and age) comes from
//! [`Standing`], the same as the terminal views; only the layout is here.

pub mod chart;
pub mod report;
pub mod site;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::model::{Date, Kind};
use crate::show::{Cite, Standing};

/// The style sheet of every page: the site links it, a report carries it inside.
pub const STYLE: &str = include_str!("style.css");
/// The site's only script, which only adds to pages that work without it.
pub const SCRIPT: &str = include_str!("site.js");

/// Where a page's links lead.
#[derive(Debug, Clone, Copy)]
pub enum Links<'a> {
    /// Into the site, from a page `root` below its top ("", "../", "../../").
    Site { root: &'a str },
    /// Nowhere inside: a report stands alone, so a source links to its own address.
    Alone,
}

impl Links<'_> {
    /// The page of a record of `kind`, where the site has one.
    pub fn record(&self, kind: Kind, id: &str) -> Option<String> {
        let Links::Site { root } = self else {
            return None;
        };
        let folder = site::folder(kind)?;
        Some(format!("{root}{folder}/{id}.html"))
    }

    /// A page of the site by its path from the top, or `None` in a report.
    pub fn to(&self, path: &str) -> Option<String> {
        match self {
            Links::Site { root } => Some(format!("{root}{path}")),
            Links::Alone => None,
        }
    }
}

/// A link to a record's page, or its name alone where there is no page.
pub fn record_link(links: Links, kind: Kind, id: &str, name: &str) -> Markup {
    match links.record(kind, id) {
        Some(href) => html! { a href=(href) { (name) } },
        None => html! { (name) },
    }
}

/// An address that may be followed from a page: `http` and `https` only, so that a data file's
/// `javascript:` or `data:` URL is shown as text, never made a link.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

/// An outside address as a link when it is safe to follow, else as text.
pub fn outside_link(url: &str) -> Markup {
    match safe_url(url) {
        Some(url) => html! { a href=(url) rel="external noreferrer" { (url) } },
        None => html! { code { (url) } },
    }
}

/// Where a figure stands, after it: its date (and age, when stale), its source linked, and
/// who the source is (issuer, government, third party), as `Standing` judges them.
pub fn cite(links: Links, cite: &Cite) -> Markup {
    html! {
        span.cite.stale[cite.stale].third-party[cite.third_party] {
            (cite.dated()) " · " (source_part(links, cite))
        }
    }
}

/// The source behind a rule (an eligibility route, a mapping): linked, with who it is; a rule
/// has no date of its own.
pub fn rule_source(links: Links, standing: &Standing, source: &str) -> Markup {
    let cite = standing.cite(None, source);
    html! {
        span.cite.third-party[cite.third_party] { "source: " (source_part(links, &cite)) }
    }
}

/// "AHIMA, issuer": the source's publisher, linked (to its page in the site, or to its own
/// address from a report), and its kind.
fn source_part(links: Links, cite: &Cite) -> Markup {
    let (name, title) = match cite.source {
        Some(s) => (s.publisher.as_str(), s.title.as_str()),
        None => (cite.id, cite.id),
    };
    let href = match (links, cite.source) {
        (Links::Site { .. }, _) => links.record(Kind::Source, cite.id),
        (Links::Alone, Some(s)) => safe_url(&s.url).map(str::to_string),
        (Links::Alone, None) => None,
    };
    html! {
        @match href {
            Some(href) => a href=(href) title=(title) { (name) },
            None => span title=(title) { (name) },
        }
        ", " span.standing { (cite.kind()) }
    }
}

/// A figure's citation from the figure's date and source id.
pub fn cited(links: Links, standing: &Standing, as_of: Option<Date>, source: &str) -> Markup {
    cite(links, &standing.cite(as_of, source))
}

/// A value from the JSON of `hi certs ID` under its key (`fees.member_usd`), shown as `text`;
/// a value no source gives is "unknown". Tests read the key and value back against the JSON.
pub fn fact(key: &str, value: Option<String>, text: &str) -> Markup {
    match value {
        Some(value) => html! { data value=(value) data-key=(key) { (text) } },
        None => html! { span.unknown data-key=(key) { "unknown" } },
    }
}

/// Whole dollars under a JSON key: `$609`, or "unknown".
pub fn usd_fact(key: &str, amount: Option<impl Into<u32> + Copy>) -> Markup {
    let text = crate::show::usd(amount).text;
    fact(key, amount.map(|a| a.into().to_string()), &text)
}

/// "unknown", marked so that it reads as a gap and not as a value.
pub fn unknown() -> Markup {
    html! { span.unknown { "unknown" } }
}

/// How a page gets its style and script.
#[derive(Debug, Clone, Copy)]
pub enum Assets<'a> {
    /// From the site's own files, `root` up from the page.
    Linked { root: &'a str },
    /// Inside the page: a report is one file.
    Inline,
}

/// A whole page: the document, its head, the site's navigation (when it has one), the body and
/// the footer. The content security policy forbids anything from elsewhere.
pub fn page(title: &str, assets: Assets, nav: Markup, body: Markup, footer: Markup) -> String {
    let policy = match assets {
        Assets::Linked { .. } => {
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'"
        }
        Assets::Inline => "default-src 'none'; style-src 'unsafe-inline'",
    };
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(policy);
                meta name="generator" content=(concat!("hi ", env!("CARGO_PKG_VERSION")));
                title { (title) }
                @match assets {
                    Assets::Linked { root } => {
                        link rel="stylesheet" href=(format!("{root}style.css"));
                        script src=(format!("{root}site.js")) defer {}
                    }
                    Assets::Inline => style { (PreEscaped(STYLE)) },
                }
            }
            body {
                a.skip href="#main" { "Skip to the content" }
                (nav)
                main #main { (body) }
                footer { (footer) }
            }
        }
    };
    // maud escapes what HTML reads as markup; control and invisible characters from the data
    // (an escape sequence, which `cat` would run; a bidi override, which reverses a name) it
    // leaves, and no character reference can stand for them.
    crate::sanitize::without_hidden(&markup.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(safe_url("https://ahima.org"), Some("https://ahima.org"));
        assert_eq!(safe_url("HTTP://x.org"), Some("HTTP://x.org"));
        for bad in [
            "javascript:alert(1)",
            " data:text/html,x",
            "file:///etc",
            "//x.org",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
        let text = outside_link("javascript:alert('<x>')").into_string();
        assert_eq!(text, "<code>javascript:alert('&lt;x&gt;')</code>");
    }

    #[test]
    fn a_fact_carries_its_value_and_an_unknown_one_says_so() {
        assert_eq!(
            usd_fact("fees.member_usd", Some(609u32)).into_string(),
            "<data value=\"609\" data-key=\"fees.member_usd\">$609</data>"
        );
        assert_eq!(
            usd_fact("fees.member_usd", None::<u32>).into_string(),
            "<span class=\"unknown\" data-key=\"fees.member_usd\">unknown</span>"
        );
    }
}
