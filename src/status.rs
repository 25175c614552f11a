//! Where the holder of a credential stands in its current renewal cycle, by its issuer's rule:
//! the hours done and still due for each requirement (the total, the share from the issuer or
//! its approved providers, ethics), the pace needed, and what needs attention.

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::Certification;
use crate::profile::{Activity, Held, Profile};
use crate::renewal::{Deadline, Group, apply_by, cycle_end, renewals};
use crate::units::Hours;

/// Cycles looked at before giving up on reaching today: far more than any holder lives.
const MAX_CYCLES: u32 = 500;

/// A cycle ending within this many days with hours still due needs attention.
pub const SOON_DAYS: i64 = 90;

#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub name: &'static str,
    pub required_hours: Option<Hours>,
    pub done_hours: Hours,
    pub remaining_hours: Option<Hours>,
    pub met: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub id: String,
    pub name: String,
    pub earned: Date,
    /// The current cycle, counted from 1; null when the renewal calendar is unknown.
    pub cycle: Option<u32>,
    pub cycle_start: Option<Date>,
    pub cycle_end: Option<Date>,
    pub apply_by: Option<Date>,
    pub days_left: Option<i64>,
    pub required_hours: Option<Hours>,
    pub done_hours: Hours,
    pub remaining_hours: Option<Hours>,
    pub requirements: Vec<Requirement>,
    pub hours_per_month_needed: Option<Hours>,
    pub on_pace: Option<bool>,
    /// The fee of this credential's renewal: its own, or, where its issuer renews several held
    /// together, the one fee of that combined renewal (the same on each of its rows).
    pub renewal_fee_usd: Option<u32>,
    /// The credentials renewed with this one in one combined cycle, this one included; empty
    /// when it renews on its own.
    pub renewed_with: Vec<String>,
    /// The credential held whose renewal takes this one's place (the RHIA for the RHIT).
    pub replaced_by: Option<String>,
    /// What needs the holder's attention now; empty when all is well.
    pub attention: Vec<String>,
    pub notes: Vec<String>,
}

/// The status of every credential in the profile, on `today`, each renewed by its issuer's
/// rule for the credentials held together (see [`crate::renewal::renewals`]).
pub fn statuses(profile: &Profile, catalog: &Catalog, today: Date) -> Vec<Status> {
    let held: Vec<(&Held, &Certification)> = profile
        .credentials
        .iter()
        .filter_map(|h| Some((h, catalog.get::<Certification>(&h.id).ok()?)))
        .collect();
    let certs: Vec<&Certification> = held.iter().map(|(_, c)| *c).collect();
    let member = |issuer: &str| {
        profile
            .memberships
            .iter()
            .any(|m| m.eq_ignore_ascii_case(issuer))
    };
    let (groups, replaced) = renewals(&certs, catalog, member);
    held.iter()
        .map(|(h, cert)| {
            if let Some(r) = replaced.iter().find(|r| r.cert.id == cert.id) {
                return replaced_status(h, cert, r.by);
            }
            let group = groups
                .iter()
                .find(|g| g.certs.iter().any(|c| c.id == cert.id))
                .expect("every credential held is renewed or replaced");
            status(h, cert, group, profile, today)
        })
        .collect()
}

/// The deadlines of every credential held, from its current cycle on, each with the hours its
/// status asks (the combined ones where its issuer renews several together), for a calendar.
/// A credential renewed through another has none of its own; one whose calendar is unknown
/// has none to give.
pub fn deadlines<'c>(
    statuses: &[Status],
    catalog: &'c Catalog,
) -> Result<Vec<(&'c Certification, Vec<Deadline>)>> {
    let mut calendars = Vec::new();
    for s in statuses.iter().filter(|s| s.replaced_by.is_none()) {
        let Some(cycle) = s.cycle else { continue };
        let cert = catalog.get::<Certification>(&s.id)?;
        let mut list = crate::renewal::deadlines(cert, s.earned, cycle + 2)?;
        list.retain(|d| d.cycle >= cycle);
        for d in &mut list {
            d.ce_hours = s.required_hours;
        }
        calendars.push((cert, list));
    }
    Ok(calendars)
}

/// The current cycle of a credential earned on `earned`: its number, first and last day.
fn current_cycle(cert: &Certification, earned: Date, today: Date) -> Option<(u32, Date, Date)> {
    let (years, rule) = (cert.renewal.cycle_years?.get(), cert.renewal.cycle_end?);
    let mut start = earned;
    for cycle in 1..=MAX_CYCLES {
        let end = cycle_end(earned, years, cycle, rule)?;
        if end >= today {
            return Some((cycle, start, end));
        }
        start = end.tomorrow().ok()?;
    }
    None
}

fn empty(held: &Held, cert: &Certification) -> Status {
    Status {
        id: cert.id.clone(),
        name: cert.name.clone(),
        earned: held.earned,
        cycle: None,
        cycle_start: None,
        cycle_end: None,
        apply_by: None,
        days_left: None,
        required_hours: None,
        done_hours: Hours::default(),
        remaining_hours: None,
        requirements: Vec::new(),
        hours_per_month_needed: None,
        on_pace: None,
        renewal_fee_usd: None,
        renewed_with: Vec::new(),
        replaced_by: None,
        attention: Vec::new(),
        notes: Vec::new(),
    }
}

fn replaced_status(held: &Held, cert: &Certification, by: &Certification) -> Status {
    let mut status = empty(held, cert);
    status.notes.push(format!(
        "renewed through {}: its issuer counts it in this one's place",
        by.name
    ));
    status.replaced_by = Some(by.id.clone());
    status
}

fn status(
    held: &Held,
    cert: &Certification,
    group: &Group,
    profile: &Profile,
    today: Date,
) -> Status {
    let mut status = empty(held, cert);
    status.renewal_fee_usd = group.fee_usd;
    status.notes.extend(group.notes.iter().cloned());
    if group.combined {
        status.renewed_with = group.certs.iter().map(|c| c.id.clone()).collect();
        let names: Vec<&str> = group.certs.iter().map(|c| c.name.as_str()).collect();
        status.notes.push(format!(
            "renewed in one cycle with {} by its issuer's rule; the fee shown is that cycle's",
            names.join(" + ")
        ));
        if cycles_apart(group, profile, today) {
            status.notes.push(
                "their current cycles end on different days, each counted from its own pass \
                 date; how the issuer aligns them is not in the data"
                    .into(),
            );
        }
    }
    let Some((cycle, start, end)) = current_cycle(cert, held.earned, today) else {
        status.notes.push(
            "the renewal calendar is unknown: the data does not say when a cycle ends".into(),
        );
        return status;
    };
    status.cycle = Some(cycle);
    status.cycle_start = Some(start);
    status.cycle_end = Some(end);
    status.apply_by = apply_by(&cert.renewal, end);
    let days_left = (end - today).get_days().into();
    status.days_left = Some(days_left);
    status.requirements = requirements(
        cert,
        group,
        profile,
        start,
        end.min(today),
        &mut status.notes,
    );
    if profile.ce.iter().any(|a| a.date > today) {
        status
            .notes
            .push("activities dated after today are not counted yet".into());
    }
    let total = &status.requirements[0];
    (
        status.required_hours,
        status.done_hours,
        status.remaining_hours,
    ) = (
        total.required_hours,
        total.done_hours,
        total.remaining_hours,
    );
    pace(&mut status, start, end, today);
    attention(&mut status, days_left, today);
    status
}

/// Whether the credentials of a combined cycle, each counted from its own pass date, are in
/// cycles that end on different days: the data does not say how the issuer brings them onto
/// one, so a difference is said rather than resolved.
fn cycles_apart(group: &Group, profile: &Profile, today: Date) -> bool {
    let ends: Vec<Option<Date>> = group
        .certs
        .iter()
        .map(|c| {
            let held = profile.credentials.iter().find(|h| h.id == c.id)?;
            current_cycle(c, held.earned, today).map(|(_, _, end)| end)
        })
        .collect();
    ends.windows(2).any(|pair| pair[0] != pair[1])
}

/// Each requirement of the cycle from `start`, with the hours of the activities up to `until`
/// that count toward `cert` and meet it; the hours asked are the renewal's (`group`'s).
fn requirements(
    cert: &Certification,
    group: &Group,
    profile: &Profile,
    start: Date,
    until: Date,
    notes: &mut Vec<String>,
) -> Vec<Requirement> {
    let counted: Vec<&Activity> = profile
        .ce
        .iter()
        .filter(|a| a.date >= start && a.date <= until)
        .filter(|a| a.certs.is_empty() || a.certs.iter().any(|c| c.eq_ignore_ascii_case(&cert.id)))
        .collect();
    let sum = |keep: &dyn Fn(&Activity) -> bool| {
        let hours = counted.iter().filter(|a| keep(a)).map(|a| a.hours);
        hours.fold(Hours::default(), |sum, h| {
            sum.checked_add(h).unwrap_or(Hours(u32::MAX))
        })
    };
    let from_issuer = |a: &Activity| a.from.iter().any(|f| f.eq_ignore_ascii_case(&cert.issuer));
    let mut list = vec![requirement("total", group.ce_hours, sum(&|_| true))];
    let share = group.from_issuer_hours;
    if share.is_some() || cert.renewal.ce_from_issuer_hours.is_some() {
        let name = "from the issuer or its approved providers";
        list.push(requirement(name, share, sum(&from_issuer)));
        if share.is_some() && !counted.iter().any(|a| from_issuer(a)) {
            notes.push(format!("log such activities with --from {}", cert.issuer));
        }
    }
    if let Some(ethics) = cert.renewal.ethics_hours {
        list.push(requirement(
            "ethics",
            Some(Hours::whole(ethics.get())),
            sum(&|a| a.ethics),
        ));
    }
    list
}

fn requirement(name: &'static str, required: Option<Hours>, done: Hours) -> Requirement {
    Requirement {
        name,
        required_hours: required,
        done_hours: done,
        remaining_hours: required.map(|r| r.saturating_sub(done)),
        met: required.map(|r| done >= r),
    }
}

/// The pace: hours a month still needed (a month being a twelfth of 365 days), and whether the
/// hours done keep up with the time gone, all in whole hundredths.
fn pace(status: &mut Status, start: Date, end: Date, today: Date) {
    let (Some(required), Some(remaining)) = (status.required_hours, status.remaining_hours) else {
        return;
    };
    let length = i64::from((end - start).get_days()).max(1);
    let gone = i64::from((today - start).get_days()).clamp(0, length);
    let left = (length - gone).max(0);
    status.hours_per_month_needed = Some(match (remaining.0, left) {
        (0, _) => Hours(0),
        (_, 0) => remaining,
        (r, left) => {
            let per_month = (u64::from(r) * 365).div_ceil(12 * left.unsigned_abs());
            Hours(u32::try_from(per_month).unwrap_or(u32::MAX))
        }
    });
    // On pace: done / required ≥ time gone / cycle length.
    status.on_pace = Some(i64::from(status.done_hours.0) * length >= i64::from(required.0) * gone);
}

fn attention(status: &mut Status, days_left: i64, today: Date) {
    let remaining = status.remaining_hours.unwrap_or_default();
    let end = status.cycle_end.map_or(String::new(), |e| e.to_string());
    if status.on_pace == Some(false) {
        let per_month = status.hours_per_month_needed.unwrap_or_default();
        status.attention.push(format!(
            "behind the pace: {remaining} CE hours to go, about {per_month} a month until {end}"
        ));
    }
    if remaining.0 > 0 && days_left <= SOON_DAYS {
        status.attention.push(format!(
            "the cycle ends in {days_left} days ({end}) with {remaining} CE hours still due"
        ));
    }
    for r in status
        .requirements
        .iter()
        .skip(1)
        .filter(|r| r.met == Some(false))
    {
        if days_left <= SOON_DAYS {
            let due = r.remaining_hours.unwrap_or_default();
            status
                .attention
                .push(format!("{due} more hours {} are needed", r.name));
        }
    }
    if let Some(by) = status.apply_by
        && by >= today
        && (by - today).get_days() <= 30
    {
        status.attention.push(format!("apply to renew by {by}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Data, Organization};
    use jiff::civil::date;

    fn catalog() -> Catalog {
        let cert = |id: &str, renewal: &str| -> Certification {
            toml::from_str(&format!(
                "id = \"{id}\"\nname = \"{}\"\nfull_name = \"X\"\nissuer = \"o\"\nlevel = \"entry\"\n\
                 tracks = [\"him\"]\ndescription = \"\"\nsources = []\n[renewal]\nsource = \"s\"\n{renewal}\n",
                id.to_uppercase()
            ))
            .unwrap()
        };
        let org: Organization = toml::from_str(
            "id = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"\"\nurl = \"\"\nsources = []\n\
             [combined_renewal]\nextra_credential_ce_hours = 10\nmax_ce_hours = 50\nsource = \"s\"\n\
             replacements = [{ credential = \"rhia\", replaces = \"rhit\", source = \"s\" }]\n",
        )
        .unwrap();
        let himss: Organization = toml::from_str(
            "id = \"h\"\nname = \"H\"\nfull_name = \"H\"\ndescription = \"\"\nurl = \"\"\nsources = []\n",
        )
        .unwrap();
        let mut cphims = cert(
            "cphims",
            "cycle_years = 3\nce_hours = 45\nce_from_issuer_hours = 25\nethics_hours = 2\n\
             cycle_end = \"end-of-month\"\napply_by_days_before = 28\nfee_non_member_usd = 150",
        );
        cphims.issuer = "h".into();
        let ahima = "cycle_years = 2\ncycle_end = \"anniversary\"\nce_from_issuer_hours = 12\nfee_non_member_usd = 218";
        let certs = vec![
            cphims,
            cert("rhia", &format!("ce_hours = 30\n{ahima}")),
            cert("chda", &format!("ce_hours = 30\n{ahima}")),
            cert("rhit", &format!("ce_hours = 20\n{ahima}")),
        ];
        Catalog::parsed(Data {
            certifications: certs,
            organizations: vec![org, himss],
            ..Data::default()
        })
    }

    fn held(id: &str, earned: Date) -> Held {
        Held {
            id: id.into(),
            earned,
        }
    }

    fn activity(date: Date, hours: &str, from: &[&str], ethics: bool) -> Activity {
        Activity {
            date,
            hours: Hours::parse(hours).unwrap(),
            title: "t".into(),
            provider: None,
            from: from.iter().map(|f| f.to_string()).collect(),
            ethics,
            certs: Vec::new(),
        }
    }

    #[test]
    fn the_current_cycle_is_the_first_that_ends_on_or_after_today() {
        let catalog = catalog();
        let cphims = catalog.get::<Certification>("cphims").unwrap();
        let earned = date(2020, 3, 15);
        let cases = [
            (date(2021, 1, 1), (1, date(2020, 3, 15), date(2023, 3, 31))),
            (date(2023, 3, 31), (1, date(2020, 3, 15), date(2023, 3, 31))),
            (date(2023, 4, 1), (2, date(2023, 4, 1), date(2026, 3, 31))),
            (date(2026, 11, 27), (3, date(2026, 4, 1), date(2029, 3, 31))),
        ];
        for (today, cycle) in cases {
            assert_eq!(current_cycle(cphims, earned, today), Some(cycle), "{today}");
        }
    }

    #[test]
    fn each_requirement_counts_the_activities_that_meet_it_inside_the_cycle() {
        let catalog = catalog();
        let profile = Profile {
            credentials: vec![held("cphims", date(2025, 3, 15))],
            ce: vec![
                activity(date(2025, 1, 10), "10", &["h"], false), // before the cycle
                activity(date(2025, 6, 1), "12.5", &["h"], false),
                activity(date(2025, 9, 1), "1.25", &[], true),
                activity(date(2026, 2, 1), "0.75", &["H"], true),
            ],
            ..Profile::default()
        };
        let s = &statuses(&profile, &catalog, date(2026, 11, 27))[0];
        assert_eq!(
            (s.cycle_start, s.cycle_end),
            (Some(date(2025, 3, 15)), Some(date(2028, 3, 31)))
        );
        assert_eq!(s.apply_by, Some(date(2028, 3, 3)));
        assert_eq!(s.days_left, Some(490));
        let r: Vec<(&str, Option<Hours>, Hours, Option<bool>)> = s
            .requirements
            .iter()
            .map(|r| (r.name, r.required_hours, r.done_hours, r.met))
            .collect();
        assert_eq!(
            r,
            [
                ("total", Some(Hours(4500)), Hours(1450), Some(false)),
                (
                    "from the issuer or its approved providers",
                    Some(Hours(2500)),
                    Hours(1325),
                    Some(false)
                ),
                ("ethics", Some(Hours(200)), Hours(200), Some(true)),
            ]
        );
        assert_eq!(s.remaining_hours, Some(Hours(3050)));
        assert_eq!(s.renewal_fee_usd, Some(150));
        // 620 of 1,112 days gone: 45 × 620 / 1112 = 25.1 hours due by now, 14.5 done.
        assert_eq!(s.on_pace, Some(false));
        // 30.5 hours over 490 days: 30.5 × 365 / (12 × 490) = 1.894 → 1.90 a month.
        assert_eq!(s.hours_per_month_needed, Some(Hours(190)));
        assert!(s.attention.iter().any(|a| a.starts_with("behind the pace")));
    }

    #[test]
    fn an_issuer_renewing_several_credentials_together_asks_the_combined_hours() {
        let catalog = catalog();
        let earned = date(2025, 6, 1);
        let profile = Profile {
            credentials: vec![
                held("rhia", earned),
                held("chda", earned),
                held("rhit", earned),
            ],
            ..Profile::default()
        };
        let all = statuses(&profile, &catalog, date(2026, 1, 1));
        // RHIA + CHDA: 30 + 10 = 40 hours, the issuer's share scaled (12 of 30 → 16 of 40).
        assert_eq!(all[0].required_hours, Some(Hours::whole(40)));
        assert_eq!(
            all[0].requirements[1].required_hours,
            Some(Hours::whole(16))
        );
        assert_eq!(all[1].required_hours, Some(Hours::whole(40)));
        // The RHIA takes the RHIT's place.
        assert_eq!(all[2].replaced_by.as_deref(), Some("rhia"));
        assert!(all[2].requirements.is_empty());
        let differ = |s: &Status| s.notes.iter().any(|n| n.contains("end on different days"));
        assert!(!differ(&all[0]));
        // Passed on other days, their cycles end apart: said, not resolved.
        let apart = Profile {
            credentials: vec![held("rhia", earned), held("chda", date(2024, 2, 1))],
            ..Profile::default()
        };
        let all = statuses(&apart, &catalog, date(2026, 1, 1));
        assert!(differ(&all[0]) && differ(&all[1]), "{:?}", all[0].notes);
    }

    #[test]
    fn a_cycle_about_to_end_with_hours_due_needs_attention() {
        let catalog = catalog();
        let profile = Profile {
            credentials: vec![held("rhia", date(2025, 1, 10))],
            ce: vec![activity(date(2025, 5, 1), "29", &["o"], false)],
            ..Profile::default()
        };
        let s = &statuses(&profile, &catalog, date(2026, 12, 1))[0];
        assert_eq!(s.days_left, Some(40));
        assert!(
            s.attention.iter().any(|a| a.contains("ends in 40 days")),
            "{:?}",
            s.attention
        );
        let done = Profile {
            ce: vec![activity(date(2025, 5, 1), "30", &["o"], false)],
            ..profile
        };
        let s = &statuses(&done, &catalog, date(2026, 12, 1))[0];
        assert!(s.attention.is_empty(), "{:?}", s.attention);
        assert_eq!(s.on_pace, Some(true));
        assert_eq!(s.hours_per_month_needed, Some(Hours(0)));
    }
}
