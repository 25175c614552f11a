//! Where the holder of a credential stands, by its issuer's rules: the state of the credential
//! (see [`crate::lifecycle`]), the hours done and still due in the current cycle for each
//! requirement (the total, the share from the issuer or its approved providers, ethics), the
//! pace needed, and what needs attention.

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::credit::{CategoryTally, Counted, Credit, Entry, Window};
use crate::ics::Event;
use crate::lifecycle::{self, Change, Cycle, EndSetBy, State};
use crate::model::{CeUnit, Certification, Lapse, Organization};
use crate::profile::{Activity, Held, Profile, Renewed};
use crate::renewal::{Deadline, Group, apply_by, following, renewals};
use crate::units::Hours;

/// The first days of a cycle in which no hours are expected yet: a new cycle is not behind
/// on its second day. After them, a requirement's hours are expected evenly until the end.
pub(crate) const GRACE_MONTH_DAYS: i64 = 30;

/// A date to apply by within this many days needs attention.
const APPLY_SOON_DAYS: i64 = 30;

/// One thing a cycle asks, in the issuer's CE unit: the total, the share from the issuer or
/// its approved providers, ethics, or a category its rule limits.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    pub name: String,
    /// The category's id, for a category of the issuer's rule (`hiim`).
    pub category: Option<String>,
    /// A category's rule in words: `at least 24 (80 % of the total)`, `no limit`.
    pub limit: Option<String>,
    pub required_hours: Option<Hours>,
    /// For a category the rule caps: the most of it that counts toward the total.
    pub max_hours: Option<Hours>,
    /// What the activities logged earn, credited by the issuer's rules.
    pub done_hours: Hours,
    pub remaining_hours: Option<Hours>,
    pub met: Option<bool>,
    /// Whether the hours done keep up with the share of the cycle gone (see
    /// [`GRACE_MONTH_DAYS`]); unknown when the hours asked or the cycle's end are.
    pub on_pace: Option<bool>,
    /// For a category: what was logged without a category, which may belong to it. While
    /// it could make up the difference, whether the category is met (or on pace) is unknown.
    #[serde(skip)]
    pub unassigned: Hours,
    /// Whether it asks for hours, or may: all but a category whose rule sets no minimum (no
    /// limit, or a cap alone). Only these decide the holder's overall pace.
    #[serde(skip)]
    pub asks: bool,
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
    /// What the issuer counts CE in; every `_hours` figure of the status counts this unit.
    pub ce_unit: Option<CeUnit>,
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

impl Status {
    /// The pace in words and in the issuer's unit: `on pace (1.25 CEUs a month)`, `behind:
    /// 2 h a month needed`, `pace unknown`.
    pub(crate) fn pace_words(&self) -> String {
        let unit = match self.ce_unit {
            None | Some(CeUnit::Hour) => "h",
            Some(unit) => unit.label(),
        };
        match (self.on_pace, self.hours_per_month_needed) {
            (Some(true), Some(h)) => format!("on pace ({h} {unit} a month)"),
            // Behind on a share while the total is met: the attention lines say on what.
            (Some(false), Some(h)) if h.0 > 0 => format!("behind: {h} {unit} a month needed"),
            (Some(false), _) => "behind".to_string(),
            _ => "pace unknown".to_string(),
        }
    }
}

/// The status of every credential in the profile, on `today`, each renewed by its issuer's
/// rule for the credentials held together (see [`crate::renewal::renewals`]).
pub(crate) fn statuses(profile: &Profile, catalog: &Catalog, today: Date) -> Vec<Status> {
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
            let issuer = catalog.get::<Organization>(&cert.issuer).ok();
            status(h, cert, group, issuer, profile, today)
        })
        .collect()
}

/// The calendar of every credential held: from its current cycle on, each cycle's end (with
/// the hours its status asks: the combined ones where its issuer renews several together) and
/// date to apply by, and the next change of state once a cycle has ended unrenewed. A
/// credential renewed through another has none of its own; one whose cycle's end is unknown
/// has none to give.
pub(crate) fn events(statuses: &[Status], catalog: &Catalog) -> Result<Vec<Event>> {
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
        ce_unit: None,
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
    issuer: Option<&Organization>,
    profile: &Profile,
    today: Date,
) -> Status {
    let lapse = issuer.and_then(|o| o.lapse.as_ref());
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
    status.ce_unit = cert.renewal.ce_unit;
    let window = window(held, cert, issuer, &cycle, today);
    let (requirements, notes) = ce_standing(cert, group, cycle.number, profile, &window);
    status.requirements = requirements;
    status.notes.extend(notes);
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

/// The span of `held`'s `cycle` in which its activities count, and its issuer's CE rules.
pub(crate) fn window<'c>(
    held: &Held,
    cert: &Certification,
    issuer: Option<&'c Organization>,
    cycle: &Cycle,
    today: Date,
) -> Window<'c> {
    Window {
        cert: cert.name.clone(),
        issuer: issuer.map_or(cert.issuer.clone(), |o| o.name.clone()),
        earned: held.earned,
        start: cycle.start,
        end: cycle.end,
        today,
        rules: issuer.and_then(|o| o.ce.as_ref()),
    }
}

/// Each requirement of the cycle numbered `number` that `window` spans, for `cert` renewed as
/// `group` (the hours asked are the group's), with the activities that count toward it
/// credited by the issuer's rules; and notes on what is not counted, or not known in full.
pub(crate) fn ce_standing(
    cert: &Certification,
    group: &Group,
    number: u32,
    profile: &Profile,
    window: &Window,
) -> (Vec<Requirement>, Vec<String>) {
    let mut notes = Vec::new();
    let (mut total_asked, mut share_asked) = (group.ce_hours, group.from_issuer_hours);
    if number == 1 && cert.renewal.first_cycle_prorated {
        // The issuer prorates them by a rule not in the data: unknown, never the full count.
        (total_asked, share_asked) = (None, None);
        notes.push(
            "the issuer prorates the first cycle's CE by a rule the data does not give: ask it \
             for yours"
                .into(),
        );
    }
    let categories = crate::credit::categories(window.rules, &group.certs);
    let entries = crate::credit::entries(&profile.ce, cert, window, &categories);
    notes.extend(not_counted(&entries));
    let counted: Vec<&Entry> = entries.iter().filter(|e| e.outside.is_none()).collect();
    let sum = |keep: &dyn Fn(&Activity) -> bool| {
        let credits = counted
            .iter()
            .filter(|e| keep(e.activity))
            .map(|e| e.counted());
        credits.fold(Hours::default(), |sum, h| {
            sum.checked_add(h).unwrap_or(Hours(u32::MAX))
        })
    };
    // What the activities `keep` takes count toward the total, within the categories' caps:
    // hours a cap holds back from the total count toward no share of it either.
    let within_caps = |keep: &dyn Fn(&Activity) -> bool| {
        let logged: Vec<Counted> = counted
            .iter()
            .filter(|e| keep(e.activity))
            .map(|e| Counted {
                credit: e.counted(),
                category: e.category,
            })
            .collect();
        crate::credit::tally(&logged, &categories, total_asked)
    };
    let (total, tallies) = within_caps(&|_| true);
    let from_issuer = |a: &Activity| a.from.iter().any(|f| f.eq_ignore_ascii_case(&cert.issuer));
    let mut list = vec![requirement("total", total_asked, total)];
    if share_asked.is_some() || cert.renewal.ce_from_issuer_hours.is_some() {
        let name = "from the issuer or its approved providers";
        list.push(requirement(name, share_asked, within_caps(&from_issuer).0));
        if share_asked.is_some() && !counted.iter().any(|e| from_issuer(e.activity)) {
            notes.push(format!("log such activities with --from {}", cert.issuer));
        }
    }
    if let Some(ethics) = cert.renewal.ethics_hours {
        let asked = Some(Hours::whole(ethics.get()));
        list.push(requirement("ethics", asked, within_caps(&|a| a.ethics).0));
    }
    // What was logged without a category may belong to any of them.
    let loose = sum(&|a| crate::credit::category_of(&a.categories, &categories).is_none());
    let minimums = tallies
        .iter()
        .any(|t| t.required.is_some() || t.category.min_percent.is_some());
    if minimums && loose.0 > 0 {
        let ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
        notes.push(format!(
            "{} logged without a category count toward the total only, so whether each \
             category's minimum is met is unknown: give each activity its category (--category {})",
            CeUnit::amount(cert.renewal.ce_unit, loose),
            ids.join(", ")
        ));
    }
    list.extend(tallies.iter().map(|t| category_requirement(t, loose)));
    (list, notes)
}

/// A category's requirement. While what was logged without a category (`loose`) could make up
/// what it lacks, whether it is met is unknown.
fn category_requirement(t: &CategoryTally, loose: Hours) -> Requirement {
    let unsure = t.required.is_some_and(|r| t.done < r && loose.0 > 0);
    let c = t.category;
    let capped_only = t.cap.is_some() || c.max_percent.is_some();
    let no_minimum = t.required.is_none() && c.min_percent.is_none() && (c.no_limit || capped_only);
    Requirement {
        asks: !no_minimum,
        category: Some(t.category.id.clone()),
        limit: Some(t.limit()),
        max_hours: t.cap,
        unassigned: loose,
        met: match unsure {
            true => t
                .required
                .filter(|r| t.done.saturating_add(loose) < *r)
                .map(|_| false),
            false => t.required.map(|r| t.done >= r),
        },
        ..requirement(&t.category.name, t.required, t.done)
    }
}

/// What of the log is not counted toward the cycle, or not known in full: a line for each
/// reason an activity falls outside the cycle, with how many it keeps out, and one for each
/// activity whose credit is in doubt.
fn not_counted(entries: &[Entry]) -> Vec<String> {
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for why in entries.iter().filter_map(|e| e.outside.as_deref()) {
        match reasons.iter_mut().find(|(known, _)| *known == why) {
            Some((_, n)) => *n += 1,
            None => reasons.push((why, 1)),
        }
    }
    let mut notes: Vec<String> = reasons
        .into_iter()
        .map(|(why, n)| match n {
            1 => format!("1 activity not counted: {why}"),
            n => format!("{n} activities not counted: {why}"),
        })
        .collect();
    for e in entries.iter().filter(|e| e.outside.is_none()) {
        let what = match &e.credit {
            Credit::Exact(_) => continue,
            Credit::AtLeast(h, why) => format!("counts {h} for certain: {why}"),
            Credit::Unknown(why) => format!("not counted: {why}"),
        };
        notes.push(format!(
            "activity {} ({}, {}) {what}",
            e.number, e.activity.date, e.activity.amount
        ));
    }
    notes
}

fn requirement(name: &str, required: Option<Hours>, done: Hours) -> Requirement {
    Requirement {
        name: name.to_string(),
        category: None,
        limit: None,
        required_hours: required,
        max_hours: None,
        done_hours: done,
        remaining_hours: required.map(|r| r.saturating_sub(done)),
        met: required.map(|r| done >= r),
        on_pace: None,
        unassigned: Hours(0),
        asks: true,
    }
}

/// Whether `holds` is true of every requirement that asks for hours: no as soon as it is not
/// for one, unknown while it is unknown for one, and unknown when none asks.
pub(crate) fn every(
    requirements: &[Requirement],
    holds: impl Fn(&Requirement) -> Option<bool>,
) -> Option<bool> {
    let each: Vec<Option<bool>> = requirements.iter().filter(|r| r.asks).map(holds).collect();
    match (each.contains(&Some(false)), each.contains(&None)) {
        (true, _) => Some(false),
        (false, true) => None,
        (false, false) => (!each.is_empty()).then_some(true),
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
        let pace = |done| {
            r.required_hours
                .map(|req| keeps_up(done, req, gone, length))
        };
        // What was logged without a category may keep a category on pace: unknown until then.
        r.on_pace = match (
            pace(r.done_hours),
            pace(r.done_hours.saturating_add(r.unassigned)),
        ) {
            (Some(false), Some(true)) => None,
            (pace, _) => pace,
        };
    }
    status.on_pace = every(&status.requirements, |r| r.on_pace);
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
        let unit = status.ce_unit.map_or("CE", |u| u.label());
        let name = match (r.name.as_str(), &r.category) {
            ("total", None) => unit.to_string(),
            ("ethics", None) => format!("{unit} on ethics"),
            (_, Some(_)) => r.name.clone(),
            _ => format!("{unit} from the issuer or its approved providers"),
        };
        if r.met.is_none() {
            // Not met for certain, and not known to fall short: the holder can settle it.
            status.attention.push(format!(
                "{name}: {} of {required} for certain, met unknown until every activity has \
                 its category",
                r.done_hours
            ));
            continue;
        }
        if r.on_pace == Some(false) {
            let monthly = match (r.name.as_str(), status.hours_per_month_needed) {
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
pub(crate) fn within(status: &Status, today: Date, days: i64) -> Vec<String> {
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
             replacements = [{ credential = \"rhia\", replaces = \"rhit\", source = \"s\" }]\n\
             [ce]\nunit = \"ceu\"\nlength = { minutes = 60, round_up_from_minutes = 45 }\nsource = \"s\"\n",
        )
        .unwrap();
        let himss: Organization = toml::from_str(
            "id = \"h\"\nname = \"H\"\nfull_name = \"H\"\ndescription = \"\"\nurl = \"\"\nsources = []\n\
             [ce]\nunit = \"hour\"\nlength = { minutes = 60 }\nsource = \"s\"\n",
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
            amount: crate::units::Amount::Hours(Hours::parse(hours).unwrap()),
            title: "t".into(),
            provider: None,
            approval: None,
            from: from.iter().map(|f| f.to_string()).collect(),
            ethics,
            certs: Vec::new(),
            categories: Vec::new(),
            proof: None,
        }
    }

    #[test]
    fn every_requirement_that_asks_decides_and_an_unknown_one_leaves_it_unknown() {
        let r = |asks: bool, pace: Option<bool>| Requirement {
            asks,
            on_pace: pace,
            ..requirement("r", None, Hours(0))
        };
        let pace = |all: &[Requirement]| every(all, |r| r.on_pace);
        assert_eq!(pace(&[r(true, Some(true)), r(false, None)]), Some(true));
        assert_eq!(pace(&[r(true, Some(true)), r(true, None)]), None);
        assert_eq!(pace(&[r(true, None), r(true, Some(false))]), Some(false));
        assert_eq!(
            pace(&[r(false, Some(false))]),
            None,
            "asks nothing: no answer"
        );
        assert_eq!(pace(&[]), None);
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
            .map(|r| (r.name.as_str(), r.required_hours, r.done_hours, r.met))
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
