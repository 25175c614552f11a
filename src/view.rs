//! What the terminal views and the web pages both show of a record, decided once: which
//! certifications a filter keeps, which observation of a history is the current one, which
//! sources a certification cites, whose figures stand for an occupation. `cmd/*` lays these out
//! as tables, `html` as pages.

use crate::catalog::Catalog;
use crate::model::{
    Certification, CombinedRenewal, Date, Kind, Level, Occupation, OtherFee, Renewal, Track,
};
use crate::record::Record;
use crate::show::usd;

/// The filters of `hi certs`: by issuer (an org id, already looked up), level, track, stated
/// accreditation (by any body, or by one), and a ceiling on the current exam fee (the member
/// price with `member`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CertFilter<'a> {
    pub issuer: Option<&'a str>,
    pub level: Option<Level>,
    pub track: Option<Track>,
    pub accredited: bool,
    pub accredited_by: Option<&'a str>,
    pub max_fee: Option<u32>,
    pub member: bool,
}

impl CertFilter<'_> {
    pub(crate) fn keeps(&self, c: &Certification) -> bool {
        self.issuer.is_none_or(|o| c.issuer == o)
            && self.level.is_none_or(|l| c.level == l)
            && self.track.is_none_or(|t| c.tracks.contains(&t))
            && (!self.accredited || !c.accreditation.is_empty())
            && self.accredited_by.is_none_or(|body| {
                c.accreditation
                    .iter()
                    .any(|a| a.body.eq_ignore_ascii_case(body))
            })
            && self.max_fee.is_none_or(|max| {
                // An unknown fee cannot be shown to be under the limit.
                exam_fee(c, self.member).is_some_and(|fee| fee <= max)
            })
    }
}

/// The current exam fee, at member or non-member price; `None` when the data has none.
pub(crate) fn exam_fee(c: &Certification, member: bool) -> Option<u32> {
    c.fees.as_ref()?.price(member)
}

/// Which of a history's observations is the current one, in words, by the rule
/// `load::current` applies; `None` when there is only one.
pub(crate) fn current_of<T>(history: &[T], date: impl Fn(&T) -> Option<Date>) -> Option<String> {
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
pub(crate) fn cited_sources(cert: &Certification) -> Vec<&str> {
    let mut sources: Vec<&str> = Vec::new();
    for link in cert.declared().links {
        if link.target == Kind::Source && !sources.contains(&link.id) {
            sources.push(link.id);
        }
    }
    sources
}

/// What each further credential of an issuer with a combined renewal rule adds to a cycle,
/// in phrases: "$50 more per cycle for a non-member", "10 more CE hours", ...
pub(crate) fn further_credential(rule: &CombinedRenewal) -> Vec<String> {
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
    parts
}

/// What each further credential adds to a non-member's and to a member's recertification fee
/// for a cycle ("$50", or "an amount no source gives" when only the other price is sourced);
/// a price neither way is left out.
pub(crate) fn further_fees(rule: &CombinedRenewal) -> Vec<(&'static str, String)> {
    let mut fees = Vec::new();
    for (member, whose) in [(false, "a non-member's"), (true, "a member's")] {
        let fee = match rule.extra_fee(member) {
            Some(fee) => usd(Some(fee)).text,
            None if rule.extra_fee(!member).is_some() => "an amount no source gives".into(),
            None => continue,
        };
        fees.push((whose, fee));
    }
    fees
}

/// When the issuer wants the renewal: some days before the cycle ends, on its last day, or
/// (NCRA) some days after it.
pub(crate) fn when_to_apply(renewal: &Renewal) -> String {
    match (renewal.apply_by_days_before, renewal.report_by_days_after) {
        (Some(days), _) if days.get() == 0 => "Apply by the day the cycle ends".to_string(),
        (Some(days), _) => format!("Apply at least {days} days before the cycle ends"),
        (None, Some(days)) => format!("Report within {days} days after the cycle ends"),
        (None, None) => "Apply by: not in the data".to_string(),
    }
}

/// The occupation whose figures stand for `o`: its own, or its parent's when it has none, with
/// the parent's code.
pub(crate) fn occupation_figures<'a>(
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

/// A fee other than the exam's and the renewal's, in words: its amount for everyone or per
/// tier, how often it falls due, and its window.
pub(crate) fn other_fee(f: &OtherFee) -> String {
    let amount = match f.usd {
        Some(amount) => usd(Some(amount)).text,
        None => format!(
            "{} member, {} non-member",
            usd(f.member_usd).text,
            usd(f.non_member_usd).text
        ),
    };
    let mut when = Vec::new();
    if let Some(charged) = f.charged {
        when.push(charged.label().to_string());
    }
    if f.first_year_covered {
        when.push("the first year covered".to_string());
    }
    when.extend(f.from.map(|d| format!("from {d}")));
    when.extend(f.until.map(|d| format!("until {d}")));
    match when.is_empty() {
        true => format!("{}: {amount}", f.what),
        false => format!("{}: {amount} ({})", f.what, when.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_to_apply_by_is_said_before_on_or_after_the_cycles_end() {
        let said = |toml: &str| when_to_apply(&toml::from_str::<Renewal>(toml).unwrap());
        assert_eq!(
            said("apply_by_days_before = 28"),
            "Apply at least 28 days before the cycle ends"
        );
        assert_eq!(
            said("apply_by_days_before = 0"),
            "Apply by the day the cycle ends"
        );
        assert_eq!(
            said("report_by_days_after = 31"),
            "Report within 31 days after the cycle ends"
        );
        assert_eq!(said(""), "Apply by: not in the data");
    }

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
