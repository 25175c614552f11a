//! Where the holder of a credential stands, by its issuer's rules: the state of the credential
//! (see [`crate::lifecycle`]), the hours done and still due in the current cycle for each
//! requirement (the total, the share from the issuer or its approved providers, ethics), the
//! pace needed, and what needs attention.

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::ics::Event;
use crate::lifecycle::{self, Change, Cycle, EndSetBy, State};
use crate::model::{Certification, Lapse, Organization};
use crate::profile::{Activity, Held, Profile, Renewed};
use crate::renewal::{Deadline, Group, apply_by, following, renewals};
use crate::units::Hours;

/// The first days of a cycle in which no hours are expected yet: a new cycle is not behind
/// on its second day. After them, a requirement's hours are expected evenly until the end.
pub const GRACE_MONTH_DAYS: i64 = 30;

/// A date to apply by within this many days needs attention.
const APPLY_SOON_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub name: &'static str,
    pub required_hours: Option<Hours>,
    pub done_hours: Hours,
    pub remaining_hours: Option<Hours>,
    pub met: Option<bool>,
    /// Whether the hours done keep up with the share of the cycle gone (see
    /// [`GRACE_MONTH_DAYS`]); unknown when the hours asked or the cycle's end are.
    pub on_pace: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub id: String,
    pub name: String,
    pub earned: Date,
    /// Where the credential stands today: active, due, submitted, grace, late, inactive,
    /// expired, revoked, or unknown.
    pub state: State,
    pub state_since: Option<Date>,
    /// The next state and the day it begins, by the issuer's rule.
    pub next_change: Option<Change>,
    /// What renewing now costs beyond the recertification fee, per credential.
    pub late_fee_usd: Option<u32>,
    pub reinstatable_until: Option<Date>,
    pub what_to_do: String,
    /// The current cycle, counted from 1; null for a credential renewed through another.
    pub cycle: Option<u32>,
    pub cycle_start: Option<Date>,
    /// Null when neither the data nor the holder gives it.
    pub cycle_end: Option<Date>,
    /// Who gave the cycle's end: the issuer's rule in the data, or the holder.
    pub cycle_end_set_by: Option<EndSetBy>,
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
    /// The renewals the holder recorded, oldest first.
    pub renewals: Vec<Renewed>,
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
            let lapse = catalog
                .get::<Organization>(&cert.issuer)
                .ok()
                .and_then(|o| o.lapse.as_ref());
            status(h, cert, group, lapse, profile, today)
        })
        .collect()
}

/// The calendar of every credential held: from its current cycle on, each cycle's end (with
/// the hours its status asks: the combined ones where its issuer renews several together) and
/// date to apply by, and the next change of state once a cycle has ended unrenewed. A
/// credential renewed through another has none of its own; one whose cycle's end is unknown
/// has none to give.
pub fn events(statuses: &[Status], catalog: &Catalog) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    for s in statuses.iter().filter(|s| s.replaced_by.is_none()) {
        let (Some(cycle), Some(end)) = (s.cycle, s.cycle_end) else {
            continue;
        };
        let cert = catalog.get::<Certification>(&s.id)?;
        let current = Deadline {
            cycle,
            ends: end,
            apply_by: s.apply_by,
            ce_hours: s.required_hours,
        };
        let mut deadlines = vec![current];
        deadlines.extend(following(cert, cycle, end, 2).into_iter().map(|mut d| {
            d.ce_hours = s.required_hours;
            d
        }));
        events.extend(crate::renewal::events(cert, &deadlines));
        if let Some(change) = s.next_change.filter(|c| c.on > end) {
            events.push(Event {
                uid: format!(
                    "{}-cycle-{cycle}-{}-{}@hi",
                    s.id,
                    change.state.keyword(),
                    change.on
                ),
                date: change.on,
                summary: format!("{} {} from today", s.name, change.state.label()),
                description: format!("{}: {}", s.name, s.what_to_do),
            });
        }
    }
    Ok(events)
}

fn empty(held: &Held, cert: &Certification) -> Status {
    Status {
        id: cert.id.clone(),
        name: cert.name.clone(),
        earned: held.earned,
        state: State::Unknown,
        state_since: None,
        next_change: None,
        late_fee_usd: None,
        reinstatable_until: None,
        what_to_do: String::new(),
        cycle: None,
        cycle_start: None,
        cycle_end: None,
        cycle_end_set_by: None,
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
        renewals: held.renewals.clone(),
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
    status.what_to_do = format!("nothing of its own: renewing {} renews it", by.name);
    status
}

fn status(
    held: &Held,
    cert: &Certification,
    group: &Group,
    lapse: Option<&Lapse>,
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
        if cycles_apart(group, profile, lapse) {
            status.notes.push(
                "their current cycles end on different days; how the issuer aligns them is not \
                 in the data: set the date it gives with `hi profile renew ID --cycle-ends DATE`"
                    .into(),
            );
        }
    }
    let cycle = lifecycle::current(cert, held, lapse);
    let standing = lifecycle::standing(cert, &cycle, today, lapse);
    status.state = standing.state;
    status.state_since = standing.since;
    status.next_change = standing.next;
    status.late_fee_usd = standing.late_fee_usd;
    status.reinstatable_until = standing.reinstatable_until;
    status.what_to_do = standing.what_to_do;
    status.cycle = Some(cycle.number);
    status.cycle_start = Some(cycle.start);
    status.cycle_end = cycle.end;
    status.cycle_end_set_by = cycle.end_set_by;
    status.apply_by = cycle.end.and_then(|end| apply_by(&cert.renewal, end));
    status.days_left = cycle.end.map(|end| (end - today).get_days().into());
    // The hours of the cycle count up to its end; while its end is unknown, up to today.
    let until = cycle.end.map_or(today, |end| end.min(today));
    let mut asked = group.clone();
    if cycle.number == 1 && cert.renewal.first_cycle_prorated {
        // The issuer prorates them by a rule not in the data: unknown, never the full count.
        (asked.ce_hours, asked.from_issuer_hours) = (None, None);
        status.notes.push(
            "the issuer prorates the first cycle's CE hours by a rule the data does not give: \
             ask it for yours"
                .into(),
        );
    }
    status.requirements =
        requirements(cert, &asked, profile, cycle.start, until, &mut status.notes);
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
    pace(&mut status, &cycle, today);
    attention(&mut status, today);
    status
}

/// Whether the credentials of a combined cycle are in cycles that end on different days: the
/// data does not say how the issuer brings them onto one, so a difference is said rather than
/// resolved.
fn cycles_apart(group: &Group, profile: &Profile, lapse: Option<&Lapse>) -> bool {
    let ends: Vec<Option<Date>> = group
        .certs
        .iter()
        .map(|c| {
            let held = profile.credentials.iter().find(|h| h.id == c.id)?;
            lifecycle::current(c, held, lapse).end
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
        on_pace: None,
    }
}

/// Whether `done` keeps up with `required` hours after `gone` of a cycle's `length` days:
/// nothing is expected in its first [`GRACE_MONTH_DAYS`], then the hours evenly until its end,
/// so that all of them are expected by the last day and none on the second.
fn keeps_up(done: Hours, required: Hours, gone: i64, length: i64) -> bool {
    let grace = GRACE_MONTH_DAYS.min(length - 1).max(0);
    let gone = (gone - grace).clamp(0, length - grace);
    // done / required ≥ gone / (length − grace), in whole numbers.
    i64::from(done.0) * (length - grace) >= i64::from(required.0) * gone
}

/// The pace of every requirement, the holder's overall pace (behind as soon as any one is),
/// and the hours a month still needed for the total (a month being a twelfth of 365 days), all
/// in whole hundredths. Unknown while the cycle's end is.
fn pace(status: &mut Status, cycle: &Cycle, today: Date) {
    let Some(end) = cycle.end else { return };
    let length = i64::from((end - cycle.start).get_days()).max(1);
    let gone = i64::from((today - cycle.start).get_days()).clamp(0, length);
    for r in &mut status.requirements {
        r.on_pace = r
            .required_hours
            .map(|req| keeps_up(r.done_hours, req, gone, length));
    }
    let paces: Vec<Option<bool>> = status.requirements.iter().map(|r| r.on_pace).collect();
    status.on_pace = match paces.contains(&Some(false)) {
        true => Some(false),
        false => paces.first().copied().flatten(),
    };
    let Some(remaining) = status.remaining_hours else {
        return;
    };
    let left = (length - gone).max(0);
    status.hours_per_month_needed = Some(match (remaining.0, left) {
        (0, _) => Hours(0),
        (_, 0) => remaining,
        (r, left) => {
            let per_month = (u64::from(r) * 365).div_ceil(12 * left.unsigned_abs());
            Hours(u32::try_from(per_month).unwrap_or(u32::MAX))
        }
    });
}

/// What needs the holder's attention: a state other than active or due, each requirement
/// behind its pace or still short as the cycle ends, and the date to apply by.
fn attention(status: &mut Status, today: Date) {
    let end = status
        .cycle_end
        .map_or("an unknown date".to_string(), |e| e.to_string());
    match (status.state, status.state_since) {
        (State::Active | State::Due | State::Submitted, _) => {}
        (state, Some(since)) => {
            let line = format!("{} since {since}: {}", state.label(), status.what_to_do);
            status.attention.push(line);
        }
        (state, None) => {
            let line = format!("{}: {}", state.label(), status.what_to_do);
            status.attention.push(line);
        }
    }
    let ending = matches!(status.state, State::Due);
    for r in &status.requirements {
        let (Some(required), Some(remaining)) = (r.required_hours, r.remaining_hours) else {
            continue;
        };
        if remaining.0 == 0 || !matches!(status.state, State::Active | State::Due) {
            continue;
        }
        let name = match r.name {
            "total" => "CE hours",
            "ethics" => "hours on ethics",
            _ => "hours from the issuer or its approved providers",
        };
        if r.on_pace == Some(false) {
            let monthly = match (r.name, status.hours_per_month_needed) {
                ("total", Some(per_month)) => format!(" (about {per_month} a month)"),
                _ => String::new(),
            };
            status.attention.push(format!(
                "behind the pace on {name}: {} of {required} done, {remaining} to go by {end}{monthly}",
                r.done_hours
            ));
        } else if ending {
            let days = status.days_left.unwrap_or_default();
            status.attention.push(format!(
                "the cycle ends in {days} days ({end}) with {remaining} {name} still due"
            ));
        }
    }
    if let Some(by) = status.apply_by
        && status.state == State::Due
    {
        let days = (by - today).get_days();
        if days < 0 {
            status
                .attention
                .push(format!("the date to apply by, {by}, has passed: apply now"));
        } else if i64::from(days) <= APPLY_SOON_DAYS {
            status.attention.push(format!("apply to renew by {by}"));
        }
    }
}

/// What falls within `days` of `today` for the holder: the cycle's end, the date to apply
/// by, and the next change of state, each once; for `hi status --check --within DAYS`.
pub fn within(status: &Status, today: Date, days: i64) -> Vec<String> {
    let soon = |day: Date| (0..=days).contains(&i64::from((day - today).get_days()));
    let mut lines = Vec::new();
    if let Some(by) = status.apply_by.filter(|by| soon(*by)) {
        lines.push(format!("the date to apply by is {by}"));
    }
    if let Some(end) = status.cycle_end.filter(|end| soon(*end)) {
        lines.push(format!("the cycle ends on {end}"));
    }
    if let Some(change) = status.next_change.filter(|c| soon(c.on)) {
        lines.push(format!("{} from {}", change.state.label(), change.on));
    }
    lines.retain(|line| !status.attention.iter().any(|a| a.contains(line.as_str())));
    lines
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
            cycle_ends: None,
            renewals: Vec::new(),
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
    fn a_cycle_that_ends_unrenewed_does_not_roll_into_the_next() {
        let catalog = catalog();
        let profile = |renewals| Profile {
            credentials: vec![Held {
                renewals,
                ..held("cphims", date(2024, 4, 10))
            }],
            ce: vec![activity(date(2025, 1, 10), "13", &["h"], false)],
            ..Profile::default()
        };
        // Ended 2027-04-30 with 13 of 45 hours: still that cycle, its state unknown here (the
        // test issuer has no lapse rule), and it needs attention.
        let s = &statuses(&profile(vec![]), &catalog, date(2027, 5, 5))[0];
        assert_eq!((s.cycle, s.cycle_end), (Some(1), Some(date(2027, 4, 30))));
        assert_eq!(s.state, State::Unknown);
        assert_eq!(s.done_hours, Hours::whole(13));
        assert_eq!(s.on_pace, Some(false));
        assert!(
            s.attention
                .iter()
                .any(|a| a.contains("no renewal recorded")),
            "{:?}",
            s.attention
        );
        // Once the renewal is recorded, the next cycle begins the day after the end.
        let renewed = crate::profile::Renewed {
            on: Some(date(2027, 4, 20)),
            ..Default::default()
        };
        let s = &statuses(&profile(vec![renewed]), &catalog, date(2027, 5, 5))[0];
        assert_eq!((s.cycle, s.cycle_start), (Some(2), Some(date(2027, 5, 1))));
        assert_eq!(s.cycle_end, Some(date(2030, 4, 30)));
        assert_eq!((s.state, s.done_hours), (State::Active, Hours(0)));
        // A new cycle is not behind on its second day.
        assert_eq!(s.on_pace, Some(true), "{:?}", s.requirements);
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
