//! The issuer's renewal rule, in one home: what one renewal costs and asks (for a member or
//! not), how an issuer renews several of its credentials held at once (one combined cycle, a
//! credential that takes another's place), and when cycles end and when to apply. `cost`,
//! `status`, the calendars and the views all ask here, so they cannot disagree.

use anyhow::{Context, Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::ics::Event;
use crate::model::{CeUnit, Certification, CombinedRenewal, CycleEnd, Fees, Organization, Renewal};
use crate::units::Hours;

impl Fees {
    /// The exam fee a member of the issuer pays, or a non-member.
    pub fn price(&self, member: bool) -> Option<u32> {
        match member {
            true => self.member_usd,
            false => self.non_member_usd,
        }
        .map(u32::from)
    }
}

impl Renewal {
    /// The recertification fee of this credential renewed on its own.
    pub fn fee(&self, member: bool) -> Option<u32> {
        match member {
            true => self.fee_member_usd,
            false => self.fee_non_member_usd,
        }
        .map(u32::from)
    }
}

impl CombinedRenewal {
    /// The credential held (as `held` tells) that takes `cert`'s place for recertification.
    pub fn replacing(&self, cert: &str, held: impl Fn(&str) -> bool) -> Option<&str> {
        self.replacements
            .iter()
            .find(|r| r.replaces == cert && held(&r.credential))
            .map(|r| r.credential.as_str())
    }

    /// What each further credential adds to a cycle's fee, for a member or not; a source may
    /// give it for one and not the other.
    pub fn extra_fee(&self, member: bool) -> Option<u32> {
        match member {
            true => self.extra_credential_fee_member_usd,
            false => self.extra_credential_fee_usd,
        }
        .map(u32::from)
    }

    /// The fee and CE hours of one cycle renewing all of `certs` (none replaced by another):
    /// the highest single fee and CE hours among them, plus the rule's increment for each
    /// further one, the CE hours capped. Unknown when a piece is.
    pub fn combined(&self, certs: &[&Certification], member: bool) -> (Option<u32>, Option<u32>) {
        let further = u32::try_from(certs.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let highest = |each: &dyn Fn(&Certification) -> Option<u32>| -> Option<u32> {
            let all: Option<Vec<u32>> = certs.iter().map(|c| each(c)).collect();
            all?.into_iter().max()
        };
        let plus = |base: Option<u32>, extra: Option<u32>| {
            base.zip(extra)
                .and_then(|(base, extra)| extra.checked_mul(further)?.checked_add(base))
        };
        let fee = plus(highest(&|c| c.renewal.fee(member)), self.extra_fee(member));
        let hours = plus(
            highest(&|c| c.renewal.ce_hours.map(u32::from)),
            self.extra_credential_ce_hours.map(u32::from),
        )
        .map(|h| self.max_ce_hours.map_or(h, |max| h.min(max.get())));
        (fee, hours)
    }
}

/// One renewal of credentials held at once: a credential renewed on its own, or several of one
/// issuer renewed in one combined cycle by its rule.
#[derive(Debug, Clone)]
pub(crate) struct Group<'c> {
    pub issuer: &'c str,
    /// The credentials this renewal renews, in the order they were given.
    pub certs: Vec<&'c Certification>,
    /// Whether the issuer's rule for several credentials applies.
    pub combined: bool,
    pub cycle_years: Option<u32>,
    pub fee_usd: Option<u32>,
    pub ce_hours: Option<Hours>,
    /// Of the CE hours, those from the issuer or its approved providers.
    pub from_issuer_hours: Option<Hours>,
    pub notes: Vec<String>,
}

/// A credential held that is not renewed on its own: another one held takes its place.
#[derive(Debug, Clone)]
pub(crate) struct Replaced<'c> {
    pub cert: &'c Certification,
    pub by: &'c Certification,
}

/// How the credentials held at once renew, issuer by issuer: each issuer with a rule for
/// several renews those of its credentials that no other replaces in one cycle, when their
/// cycles are of one known length; every other credential renews on its own. `member` says,
/// per issuer, whether member prices apply.
pub(crate) fn renewals<'c>(
    certs: &[&'c Certification],
    catalog: &'c Catalog,
    member: impl Fn(&str) -> bool,
) -> (Vec<Group<'c>>, Vec<Replaced<'c>>) {
    let mut issuers: Vec<&str> = certs.iter().map(|c| c.issuer.as_str()).collect();
    issuers.sort_unstable();
    issuers.dedup();
    let (mut groups, mut replaced) = (Vec::new(), Vec::new());
    for issuer in issuers {
        let held: Vec<&Certification> = certs
            .iter()
            .copied()
            .filter(|c| c.issuer == issuer)
            .collect();
        let org = catalog.get::<Organization>(issuer).ok();
        let rule = org.and_then(|o| o.combined_renewal.as_ref());
        let (renewed, dropped) = split_replaced(&held, rule);
        replaced.extend(dropped);
        groups.extend(issuer_groups(
            issuer,
            renewed,
            rule,
            member(issuer),
            catalog,
        ));
    }
    (groups, replaced)
}

/// The credentials `held` of one issuer that renew, and those another one held replaces.
fn split_replaced<'c>(
    held: &[&'c Certification],
    rule: Option<&CombinedRenewal>,
) -> (Vec<&'c Certification>, Vec<Replaced<'c>>) {
    let mut renewed = Vec::new();
    let mut replaced = Vec::new();
    for cert in held {
        let by = rule
            .and_then(|r| r.replacing(&cert.id, |id| held.iter().any(|h| h.id == id)))
            .and_then(|by| held.iter().find(|h| h.id == by));
        match by {
            Some(by) => replaced.push(Replaced { cert, by }),
            None => renewed.push(*cert),
        }
    }
    (renewed, replaced)
}

fn issuer_groups<'c>(
    issuer: &'c str,
    renewed: Vec<&'c Certification>,
    rule: Option<&CombinedRenewal>,
    member: bool,
    catalog: &Catalog,
) -> Vec<Group<'c>> {
    let cycles: Vec<Option<u32>> = renewed
        .iter()
        .map(|c| c.renewal.cycle_years.map(u32::from))
        .collect();
    let one_cycle = cycles
        .first()
        .copied()
        .flatten()
        .filter(|first| cycles.iter().all(|c| *c == Some(*first)));
    let alone = |cert: &'c Certification, notes: Vec<String>| Group {
        issuer,
        certs: vec![cert],
        combined: false,
        cycle_years: cert.renewal.cycle_years.map(u32::from),
        fee_usd: cert.renewal.fee(member),
        ce_hours: cert.renewal.ce_hours.map(|h| Hours::whole(h.get())),
        from_issuer_hours: cert
            .renewal
            .ce_from_issuer_hours
            .map(|h| Hours::whole(h.get())),
        notes,
    };
    match (rule, one_cycle) {
        (Some(rule), Some(cycle)) if renewed.len() > 1 => {
            let (fee, hours) = rule.combined(&renewed, member);
            let mut notes = Vec::new();
            let share = issuer_share(&renewed, hours);
            if share.is_none()
                && renewed
                    .iter()
                    .any(|c| c.renewal.ce_from_issuer_hours.is_some())
            {
                notes.push("the share from the issuer for the combined cycle is unknown".into());
            }
            if fee.is_none() && member && rule.extra_fee(false).is_some() {
                notes.push(format!(
                    "{} states what each further credential adds to the fee for non-members only",
                    catalog.name_of(crate::model::Kind::Organization, issuer)
                ));
            }
            vec![Group {
                issuer,
                certs: renewed,
                combined: true,
                cycle_years: Some(cycle),
                fee_usd: fee,
                ce_hours: hours.map(Hours::whole),
                from_issuer_hours: share,
                notes,
            }]
        }
        _ => {
            let apart = rule.is_some() && renewed.len() > 1;
            let note = || match apart {
                true => vec![format!(
                    "{}'s credentials held here have different or unknown cycles, so each renews \
                     on its own",
                    catalog.name_of(crate::model::Kind::Organization, issuer)
                )],
                false => Vec::new(),
            };
            renewed.into_iter().map(|c| alone(c, note())).collect()
        }
    }
}

/// The combined cycle's hours from the issuer: each credential states its share of its own
/// hours; scaled in proportion to the combined hours where that comes out in whole hours (12
/// of 30 becomes 16 of 40), else unknown.
fn issuer_share(certs: &[&Certification], combined: Option<u32>) -> Option<Hours> {
    let most = certs
        .iter()
        .max_by_key(|c| c.renewal.ce_hours.map(u32::from))?;
    let own = most.renewal.ce_hours.map(u32::from)?;
    let share = most.renewal.ce_from_issuer_hours.map(u32::from)?;
    let combined = combined?;
    (own > 0 && (combined * share).is_multiple_of(own))
        .then(|| Hours::whole(combined * share / own))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Deadline {
    pub cycle: u32,
    pub ends: Date,
    pub apply_by: Option<Date>,
    pub ce_hours: Option<Hours>,
}

/// The end of each of the first `cycles` cycles of `cert` earned on `earned`.
pub(crate) fn deadlines(cert: &Certification, earned: Date, cycles: u32) -> Result<Vec<Deadline>> {
    let renewal = &cert.renewal;
    let (Some(years), Some(rule)) = (renewal.cycle_years, renewal.cycle_end) else {
        bail!(
            "the renewal calendar of {} is unknown: the data does not say {}",
            cert.name,
            if renewal.cycle_years.is_none() {
                "how long a cycle lasts"
            } else {
                "on which day a cycle ends"
            }
        );
    };
    (1..=cycles)
        .map(|cycle| {
            let ends = cycle_end(earned, years.get(), cycle, rule)
                .with_context(|| format!("cycle {cycle} ends beyond the calendar"))?;
            Ok(Deadline {
                cycle,
                ends,
                apply_by: apply_by(renewal, ends),
                ce_hours: renewal.ce_hours.map(|h| Hours::whole(h.get())),
            })
        })
        .collect()
}

/// The `count` cycles after one ending `end`, numbered on from `cycle`, by the issuer's rule;
/// none where the rule is unknown.
pub(crate) fn following(cert: &Certification, cycle: u32, end: Date, count: u32) -> Vec<Deadline> {
    let renewal = &cert.renewal;
    let (Some(years), Some(rule)) = (renewal.cycle_years, renewal.cycle_end) else {
        return Vec::new();
    };
    (1..=count)
        .map_while(|k| {
            let ends = cycle_end(end, years.get(), k, rule)?;
            Some(Deadline {
                cycle: cycle + k,
                ends,
                apply_by: apply_by(renewal, ends),
                ce_hours: renewal.ce_hours.map(|h| Hours::whole(h.get())),
            })
        })
        .collect()
}

/// Each deadline of `cert` as calendar events: the cycle's end, with the hours due, and the
/// date to apply by where the issuer sets one.
pub(crate) fn events(cert: &Certification, deadlines: &[Deadline]) -> Vec<Event> {
    let mut events = Vec::new();
    for d in deadlines {
        let unit = cert.renewal.ce_unit;
        let due = d
            .ce_hours
            .map_or("An unknown amount of CE is".to_string(), |h| {
                format!("{} are", CeUnit::amount(unit, h))
            });
        events.push(Event {
            uid: format!("{}-cycle-{}-ends-{}@hi", cert.id, d.cycle, d.ends),
            date: d.ends,
            summary: format!("{} renewal cycle {} ends", cert.name, d.cycle),
            description: format!(
                "{due} due for {} ({}) by this date.",
                cert.name, cert.full_name
            ),
        });
        if let Some(apply_by) = d.apply_by {
            events.push(Event {
                uid: format!("{}-cycle-{}-apply-by-{}@hi", cert.id, d.cycle, apply_by),
                date: apply_by,
                summary: format!("Apply to renew {} (cycle {})", cert.name, d.cycle),
                description: format!(
                    "The issuer asks for the renewal application by this date; the cycle ends {}.",
                    d.ends
                ),
            });
        }
    }
    events
}

/// The day cycle `cycle` (from 1) ends. Each end is counted from the pass date, not from the
/// previous end, so a 29 February start does not drift to the 28th for good. `None` past the
/// end of the calendar.
pub(crate) fn cycle_end(
    earned: Date,
    cycle_years: u32,
    cycle: u32,
    rule: CycleEnd,
) -> Option<Date> {
    let years = i64::from(cycle_years.checked_mul(cycle)?);
    let anniversary = earned
        .checked_add(jiff::Span::new().try_years(years).ok()?)
        .ok()?;
    match rule {
        CycleEnd::Anniversary => Some(anniversary),
        CycleEnd::EndOfMonth => Some(anniversary.last_of_month()),
        CycleEnd::EndOfYear => anniversary.last_of_year().into(),
        // Only the holder knows it: see `Held::cycle_ends`.
        CycleEnd::HolderDate => None,
    }
}

/// The date the issuer wants the application by, for a cycle ending `ends`, when it sets one:
/// some days before the end, or (NCRA) some days after it.
pub(crate) fn apply_by(renewal: &Renewal, ends: Date) -> Option<Date> {
    let span = |days: crate::model::Days| jiff::Span::new().days(i64::from(days.get()));
    match (renewal.apply_by_days_before, renewal.report_by_days_after) {
        (Some(before), _) => ends.checked_sub(span(before)).ok(),
        (None, Some(after)) => ends.checked_add(span(after)).ok(),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn cycles_end_on_the_anniversary_or_at_the_end_of_its_month() {
        use CycleEnd::*;
        let cases = [
            // earned, years, cycle, rule, ends
            (date(2025, 6, 30), 2, 1, Anniversary, date(2027, 6, 30)),
            (date(2025, 6, 30), 2, 3, Anniversary, date(2031, 6, 30)),
            (date(2025, 3, 15), 3, 1, EndOfMonth, date(2028, 3, 31)),
            (date(2025, 2, 1), 3, 1, EndOfMonth, date(2028, 2, 29)),
            (date(2025, 12, 31), 1, 1, EndOfMonth, date(2026, 12, 31)),
            // 29 February: the 28th in common years, the 29th again in leap years.
            (date(2024, 2, 29), 3, 1, Anniversary, date(2027, 2, 28)),
            (date(2024, 2, 29), 2, 2, Anniversary, date(2028, 2, 29)),
            (date(2024, 2, 29), 3, 1, EndOfMonth, date(2027, 2, 28)),
            (date(2024, 2, 29), 4, 1, EndOfMonth, date(2028, 2, 29)),
        ];
        for (earned, years, cycle, rule, ends) in cases {
            assert_eq!(
                cycle_end(earned, years, cycle, rule),
                Some(ends),
                "{earned} + {cycle} × {years} y, {rule:?}"
            );
        }
    }

    fn cert(renewal: &str) -> Certification {
        toml::from_str(&format!(
            "id = \"x\"\nname = \"X\"\nfull_name = \"X\"\nissuer = \"o\"\nlevel = \"entry\"\n\
             description = \"\"\neligibility = []\nexam_history = []\nfee_history = []\n\
             sources = []\n[renewal]\nas_of = \"2026\"\nsource = \"s\"\n{renewal}\n"
        ))
        .unwrap()
    }

    /// An AHIMA-like issuer `a` (a non-member pays $50 more per further credential, a
    /// member's increment unknown; 10 more CE hours each, at most 50; RHIA replaces RHIT) and
    /// an AAPC-like issuer `p` (4 more CE hours each, at most 52; no fee per credential).
    fn two_issuers() -> Catalog {
        let org = |id: &str, rule: &str| -> Organization {
            toml::from_str(&format!(
                "id = \"{id}\"\nname = \"{}\"\nfull_name = \"X\"\ndescription = \"\"\nurl = \"\"\n\
                 sources = []\n[combined_renewal]\nsource = \"s\"\n{rule}\n",
                id.to_uppercase()
            ))
            .unwrap()
        };
        let ahima = org(
            "a",
            "extra_credential_fee_usd = 50\nextra_credential_ce_hours = 10\nmax_ce_hours = 50\n\
             replacements = [{ credential = \"rhia\", replaces = \"rhit\", source = \"s\" }]",
        );
        let aapc = org("p", "extra_credential_ce_hours = 4\nmax_ce_hours = 52");
        let of = |id: &str, issuer: &str, renewal: &str| {
            let mut c = cert(renewal);
            (c.id, c.name, c.issuer) = (id.into(), id.to_uppercase(), issuer.into());
            c
        };
        let ahima_rule = |hours: u32, share: u32| {
            format!(
                "cycle_years = 2\nce_hours = {hours}\nce_from_issuer_hours = {share}\n\
                 fee_member_usd = 100\nfee_non_member_usd = 218"
            )
        };
        let aapc_rule = "cycle_years = 2\nce_hours = 36";
        let certs = vec![
            of("rhia", "a", &ahima_rule(30, 12)),
            of("chda", "a", &ahima_rule(30, 12)),
            of("rhit", "a", &ahima_rule(20, 8)),
            of("cca", "a", &ahima_rule(20, 8)),
            of("ccs", "a", &ahima_rule(20, 8)),
            of("cdip", "a", &ahima_rule(30, 12)),
            of("cpc", "p", aapc_rule),
            of("crc", "p", aapc_rule),
            of("cpb", "p", aapc_rule),
        ];
        Catalog::parsed(crate::model::Data {
            certifications: certs,
            organizations: vec![ahima, aapc],
            ..Default::default()
        })
    }

    /// Credentials held, member or not; then per renewal: its credentials, fee, CE hours and
    /// hours from the issuer; and the credentials replaced.
    type Row<Ids> = (Ids, Option<u32>, Option<u32>, Option<u32>);
    type Case = (
        &'static [&'static str],
        bool,
        Vec<Row<&'static str>>,
        Vec<&'static str>,
    );

    fn renewal_cases() -> Vec<Case> {
        vec![
            (
                &["rhia"],
                false,
                vec![("rhia", Some(218), Some(30), Some(12))],
                vec![],
            ),
            (
                &["rhia"],
                true,
                vec![("rhia", Some(100), Some(30), Some(12))],
                vec![],
            ),
            (
                &["rhia", "chda"],
                false,
                vec![("rhia+chda", Some(268), Some(40), Some(16))],
                vec![],
            ),
            // The member's increment is unknown, so the combined member fee is too.
            (
                &["rhia", "chda"],
                true,
                vec![("rhia+chda", None, Some(40), Some(16))],
                vec![],
            ),
            (
                &["rhia", "rhit"],
                false,
                vec![("rhia", Some(218), Some(30), Some(12))],
                vec!["rhit"],
            ),
            // Five of 30/20 hours: 30 + 40 capped at 50; $218 + 4 × $50.
            (
                &["cca", "rhia", "ccs", "chda", "cdip"],
                false,
                vec![("cca+rhia+ccs+chda+cdip", Some(418), Some(50), Some(20))],
                vec![],
            ),
            // AAPC: 36 + 4 + 4, and no fee per credential in the data.
            (
                &["cpc", "crc", "cpb"],
                false,
                vec![("cpc+crc+cpb", None, Some(44), None)],
                vec![],
            ),
            // Two issuers: each renews on its own terms.
            (
                &["cpc", "rhia"],
                false,
                vec![
                    ("rhia", Some(218), Some(30), Some(12)),
                    ("cpc", None, Some(36), None),
                ],
                vec![],
            ),
        ]
    }

    #[test]
    fn one_rule_prices_and_sizes_every_renewal_of_credentials_held_together() {
        let catalog = two_issuers();
        for (held, member, want, want_replaced) in renewal_cases() {
            let certs: Vec<&Certification> = held
                .iter()
                .map(|id| catalog.get::<Certification>(id).unwrap())
                .collect();
            let (groups, replaced) = renewals(&certs, &catalog, |_| member);
            let whole = |h: Option<Hours>| h.map(|h| h.0 / 100);
            let got: Vec<Row<String>> = groups
                .iter()
                .map(|g| {
                    let ids: Vec<&str> = g.certs.iter().map(|c| c.id.as_str()).collect();
                    let row = (g.fee_usd, whole(g.ce_hours), whole(g.from_issuer_hours));
                    (ids.join("+"), row.0, row.1, row.2)
                })
                .collect();
            let want: Vec<_> = want
                .into_iter()
                .map(|(ids, fee, hours, share)| (ids.to_string(), fee, hours, share))
                .collect();
            assert_eq!(got, want, "{held:?}, member: {member}");
            let replaced: Vec<&str> = replaced.iter().map(|r| r.cert.id.as_str()).collect();
            assert_eq!(replaced, want_replaced, "{held:?}");
        }
    }

    #[test]
    fn deadlines_say_when_to_apply_and_what_is_due() {
        let himss = cert(
            "cycle_years = 3\nce_hours = 45\ncycle_end = \"end-of-month\"\napply_by_days_before = 28",
        );
        let got = deadlines(&himss, date(2025, 3, 15), 2).unwrap();
        assert_eq!(
            got,
            [
                Deadline {
                    cycle: 1,
                    ends: date(2028, 3, 31),
                    apply_by: Some(date(2028, 3, 3)),
                    ce_hours: Some(Hours::whole(45))
                },
                Deadline {
                    cycle: 2,
                    ends: date(2031, 3, 31),
                    apply_by: Some(date(2031, 3, 3)),
                    ce_hours: Some(Hours::whole(45))
                },
            ]
        );
        let ahima = cert("cycle_years = 2\ncycle_end = \"anniversary\"");
        let got = deadlines(&ahima, date(2025, 6, 30), 1).unwrap();
        assert_eq!(
            (got[0].ends, got[0].apply_by, got[0].ce_hours),
            (date(2027, 6, 30), None, None)
        );
    }

    #[test]
    fn an_unknown_calendar_is_refused_rather_than_guessed() {
        let no_rule = cert("cycle_years = 2");
        let error = deadlines(&no_rule, date(2025, 1, 1), 1)
            .unwrap_err()
            .to_string();
        assert!(error.contains("on which day a cycle ends"), "{error}");
        let no_cycle = cert("cycle_end = \"anniversary\"");
        let error = deadlines(&no_cycle, date(2025, 1, 1), 1)
            .unwrap_err()
            .to_string();
        assert!(error.contains("how long a cycle lasts"), "{error}");
    }

    #[test]
    fn a_cycle_past_the_calendar_has_no_end() {
        assert_eq!(
            cycle_end(date(9990, 1, 1), 20, 1, CycleEnd::Anniversary),
            None
        );
        assert_eq!(
            cycle_end(date(2025, 1, 1), u32::MAX, 2, CycleEnd::Anniversary),
            None
        );
    }
}
