//! What the terminal views and the web pages both show of a record, decided once: which
//! certifications a filter keeps, which observation of a history is the current one, which
//! sources a certification cites, whose figures stand for an occupation. `cmd/*` lays these out
//! as tables, `html` as pages.

use crate::catalog::Catalog;
use crate::model::{Certification, Date, Kind, Level, Occupation, Track};
use crate::record::Record;

/// The filters of `hi certs`: by issuer (an org id, already looked up), level, track, and a
/// ceiling on the current exam fee (the member price with `member`).
#[derive(Debug, Clone, Copy, Default)]
pub struct CertFilter<'a> {
    pub issuer: Option<&'a str>,
    pub level: Option<Level>,
    pub track: Option<Track>,
    pub max_fee: Option<u32>,
    pub member: bool,
}

impl CertFilter<'_> {
    pub fn keeps(&self, c: &Certification) -> bool {
        self.issuer.is_none_or(|o| c.issuer == o)
            && self.level.is_none_or(|l| c.level == l)
            && self.track.is_none_or(|t| c.tracks.contains(&t))
            && self.max_fee.is_none_or(|max| {
                // An unknown fee cannot be shown to be under the limit.
                exam_fee(c, self.member).is_some_and(|fee| fee <= max)
            })
    }
}

/// The current exam fee, at member or non-member price; `None` when the data has none.
pub fn exam_fee(c: &Certification, member: bool) -> Option<u32> {
    c.fees.as_ref()?.price(member)
}

/// Which of a history's observations is the current one, in words, by the rule
/// `load::current` applies; `None` when there is only one.
pub fn current_of<T>(history: &[T], date: impl Fn(&T) -> Option<Date>) -> Option<String> {
    let dated = history.iter().filter(|o| date(o).is_some()).count();
    match (history.len(), dated) {
        (0 | 1, _) => None,
        (n, 0) => Some(format!(
            "none of the {n} observations is dated; the last written"
        )),
        (n, _) => Some(format!("the newest dated of {n} observations")),
    }
}

/// Every source the certification and its figures cite, as it declares them, in order.
pub fn cited_sources(cert: &Certification) -> Vec<&str> {
    let mut sources: Vec<&str> = Vec::new();
    for link in cert.declared().links {
        if link.target == Kind::Source && !sources.contains(&link.id) {
            sources.push(link.id);
        }
    }
    sources
}

/// The occupation whose figures stand for `o`: its own, or its parent's when it has none, with
/// the parent's code.
pub fn occupation_figures<'a>(
    o: &'a Occupation,
    catalog: &'a Catalog,
) -> (&'a Occupation, Option<&'a str>) {
    let parent = o
        .parent
        .as_deref()
        .and_then(|id| catalog.get::<Occupation>(id).ok());
    match parent {
        Some(parent) if o.figure_history.is_empty() => (parent, Some(&parent.id)),
        _ => (o, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_observation_is_named_only_among_several() {
        let dates = [None, Some(Date::parse("2026").unwrap())];
        assert_eq!(current_of(&dates[..1], |d| *d), None);
        assert_eq!(
            current_of(&[None, None], |d: &Option<Date>| *d).as_deref(),
            Some("none of the 2 observations is dated; the last written")
        );
        assert_eq!(
            current_of(&dates, |d| *d).as_deref(),
            Some("the newest dated of 2 observations")
        );
    }
}
