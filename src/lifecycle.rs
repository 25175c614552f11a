//! The life of a credential held: its cycles, from the pass date through each renewal the
//! holder recorded, and where it stands on a given day. Before a cycle ends it is active, then
//! due; once the renewal is submitted, it waits on the issuer; once a cycle has ended with no
//! renewal recorded, it passes through the issuer's periods (grace, late, inactive) to what it
//! then is for good (expired, revoked), each change on a date the issuer's rule gives. A new
//! cycle begins only when the holder records the renewal: a cycle that ends short never rolls
//! silently into the next.

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{Certification, CycleEnd, Lapse, LapseState};
use crate::profile::{Held, Renewed};
use crate::record::keywords;
use crate::renewal::cycle_end;

/// A cycle ending within this many days is due: the time to gather what is missing and apply.
pub(crate) const DUE_DAYS: i64 = 90;

keywords! {
    /// Where a credential stands on a day.
    pub enum State {
        Active = "active", "active";
        Due = "due", "due for renewal";
        Submitted = "submitted", "renewal submitted";
        Grace = "grace", "in its grace period";
        Late = "late", "in its late period";
        Inactive = "inactive", "inactive";
        Suspended = "suspended", "suspended";
        Expired = "expired", "expired";
        Revoked = "revoked", "revoked";
        Unknown = "unknown", "unknown";
    }
}

impl State {
    /// Lapsed by the issuer's rule: the credential cannot be used as it stands (a grace
    /// period still can).
    pub(crate) fn out_of_force(self) -> bool {
        self.lost() || matches!(self, State::Late | State::Inactive | State::Suspended)
    }

    /// Lost for good: only reinstatement or the exam brings it back.
    pub(crate) fn lost(self) -> bool {
        matches!(self, State::Expired | State::Revoked)
    }
}

impl From<LapseState> for State {
    fn from(state: LapseState) -> State {
        match state {
            LapseState::Grace => State::Grace,
            LapseState::Late => State::Late,
            LapseState::Inactive => State::Inactive,
            LapseState::Suspended => State::Suspended,
            LapseState::Expired => State::Expired,
            LapseState::Revoked => State::Revoked,
        }
    }
}

/// Who gave a cycle's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndSetBy {
    /// The issuer's rule in the data, counted from the pass date or a renewal.
    IssuerRule,
    /// The holder, as the issuer told them (`--cycle-ends`).
    Holder,
}

/// The cycle a credential is in: the one after the last renewal recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cycle {
    /// Counted from 1, the first cycle after the pass date.
    pub number: u32,
    pub start: Date,
    /// Unknown when the data has no calendar for the credential and the holder gave no date.
    pub end: Option<Date>,
    pub end_set_by: Option<EndSetBy>,
    /// The day the renewal that began this cycle was granted.
    pub renewed_on: Option<Date>,
    /// A renewal submitted for this cycle and not yet recorded as granted.
    pub submitted: Option<Date>,
}

/// Where the cycle's end comes from: a date the holder fixed, or the issuer's rule counted from
/// an anchor (the pass date, a holder's date, a late renewal's approval), `steps` cycles on.
struct Timeline<'a> {
    cert: &'a Certification,
    cycle: Cycle,
    /// The cycles before this one, oldest first, each with the end it had.
    past: Vec<Cycle>,
    anchor: Date,
    steps: u32,
    fixed: Option<Date>,
}

impl Timeline<'_> {
    fn end(&self) -> Option<Date> {
        let rule = &self.cert.renewal;
        self.fixed.or_else(|| {
            let (years, end) = (rule.cycle_years?, rule.cycle_end?);
            cycle_end(self.anchor, years.get(), self.steps, end)
        })
    }

    /// The end of the cycle after this one, by the rule.
    fn next_end(&self) -> Option<Date> {
        let rule = &self.cert.renewal;
        let (years, end) = (rule.cycle_years?, rule.cycle_end?);
        match self.fixed {
            Some(fixed) => cycle_end(fixed, years.get(), 1, end),
            None => cycle_end(self.anchor, years.get(), self.steps + 1, end),
        }
    }

    /// The next cycle, starting the day after `end`; `fixed` is its end if someone set one.
    fn roll(&mut self, end: Date, fixed: Option<Date>) {
        self.close(Some(end));
        self.cycle.number += 1;
        self.cycle.start = end.tomorrow().unwrap_or(end);
        match self.fixed.take() {
            Some(previous) => (self.anchor, self.steps) = (previous, 1),
            None => self.steps += 1,
        }
        self.fixed = fixed;
    }

    /// A new cycle beginning on `day` (a late renewal the issuer does not backdate, or a
    /// renewal of a credential whose calendar is unknown).
    fn restart(&mut self, day: Date, fixed: Option<Date>) {
        // The cycle ended on its own end if one is known, else the day before this one.
        let end = self.end().filter(|end| *end < day).or(day.yesterday().ok());
        self.close(end);
        self.cycle.number += 1;
        self.cycle.start = day;
        (self.anchor, self.steps, self.fixed) = (day, 1, fixed);
    }

    /// Keeps the cycle that ends here, with its end, among the past ones.
    fn close(&mut self, end: Option<Date>) {
        let mut ended = self.cycle.clone();
        ended.end = end;
        ended.end_set_by = match (self.fixed, end) {
            (Some(_), _) => Some(EndSetBy::Holder),
            (None, Some(_)) => Some(EndSetBy::IssuerRule),
            (None, None) => None,
        };
        self.past.push(ended);
    }

    fn renew(&mut self, renewal: &Renewed, on: Date, lapse: Option<&Lapse>) {
        // A renewal renews the cycle whose end is nearest its day (a renewal goes in near a
        // cycle's end, before or after it): the cycles before that one, which the holder did
        // not record, were renewed too, or this one could not have been.
        let distance = |end: Date| (on - end).get_days().unsigned_abs();
        while let (Some(end), Some(next)) = (self.end(), self.next_end()) {
            if distance(next) >= distance(end) {
                break;
            }
            self.roll(end, None);
        }
        let restarts = lapse.is_some_and(|l| l.late_renewal_restarts);
        match self.end() {
            Some(end) if !(restarts && on > end) => self.roll(end, renewal.cycle_ends),
            _ => self.restart(on, renewal.cycle_ends),
        }
        self.cycle.renewed_on = Some(on);
        self.cycle.submitted = None;
    }
}

fn days_after(day: Date, days: u32) -> Date {
    day.checked_add(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(Date::MAX)
}

/// The cycle `held` is in, after every renewal it records.
pub(crate) fn current(cert: &Certification, held: &Held, lapse: Option<&Lapse>) -> Cycle {
    let mut all = cycles(cert, held, lapse);
    all.pop().expect("a credential held is always in a cycle")
}

/// The first cycle of `held`, which its pass date began.
fn first<'a>(cert: &'a Certification, held: &Held) -> Timeline<'a> {
    let start = match cert.renewal.first_cycle_starts_next_year {
        true => held.earned.last_of_year().tomorrow().unwrap_or(held.earned),
        false => held.earned,
    };
    Timeline {
        cert,
        past: Vec::new(),
        cycle: Cycle {
            number: 1,
            start,
            end: None,
            end_set_by: None,
            renewed_on: None,
            submitted: None,
        },
        anchor: held.earned,
        steps: 1,
        fixed: held.cycle_ends,
    }
}

/// The renewals `held` records as granted, by day, each with its place in the record.
fn granted(held: &Held) -> Vec<(usize, &Renewed, Date)> {
    let mut granted: Vec<(usize, &Renewed, Date)> = (held.renewals.iter().enumerate())
        .filter_map(|(i, r)| Some((i, r, r.on?)))
        .collect();
    granted.sort_by_key(|(_, _, on)| *on);
    granted
}

/// Each granted renewal of `held` that would renew a cycle an earlier one renewed already (it
/// is nearer the end of the cycle before than the end of the one that renewal began), by its
/// place in the record, with the day of the earlier one. A cycle is renewed once; taken as
/// renewing the next one, such a grant would move the cycles years ahead.
pub(crate) fn repeated_renewals(
    cert: &Certification,
    held: &Held,
    lapse: Option<&Lapse>,
) -> Vec<(usize, Date)> {
    let mut timeline = first(cert, held);
    let mut repeated = Vec::new();
    for (i, renewal, on) in granted(held) {
        // A cycle whose end the holder has not given lasts as long as the issuer's cycles.
        let years = cert
            .renewal
            .cycle_years
            .map(|y| jiff::Span::new().years(y.get()));
        let end = timeline.end().or_else(|| {
            let start = timeline.cycle.start;
            years.and_then(|years| start.checked_add(years).ok())
        });
        if let (Some(before), Some(end), Ok(ended)) = (
            timeline.cycle.renewed_on,
            end,
            timeline.cycle.start.yesterday(),
        ) {
            let distance = |day: Date| (on - day).get_days().unsigned_abs();
            if distance(ended) < distance(end) {
                repeated.push((i, before));
                continue;
            }
        }
        timeline.renew(renewal, on, lapse);
    }
    repeated
}

/// Every cycle of `held`, from the one its pass date began to the one it is in, each with its
/// end (that of the current one may be unknown).
pub(crate) fn cycles(cert: &Certification, held: &Held, lapse: Option<&Lapse>) -> Vec<Cycle> {
    let mut timeline = first(cert, held);
    for (_, renewal, on) in granted(held) {
        timeline.renew(renewal, on, lapse);
    }
    let mut cycle = timeline.cycle.clone();
    cycle.end = timeline.end();
    cycle.end_set_by = match (timeline.fixed, cycle.end) {
        (Some(_), _) => Some(EndSetBy::Holder),
        (None, Some(_)) => Some(EndSetBy::IssuerRule),
        (None, None) => None,
    };
    cycle.submitted = held
        .renewals
        .iter()
        .filter(|r| r.on.is_none())
        .filter_map(|r| r.submitted)
        .filter(|s| *s >= cycle.start)
        .max();
    let mut all = timeline.past;
    all.push(cycle);
    all
}

/// Where `held` stands on `today` in the cycle it is in, by its issuer's rule in `catalog`
/// and the renewals granted: whether it is in force, for the routes that ask for it.
pub(crate) fn in_force_standing(
    cert: &Certification,
    held: &Held,
    catalog: &crate::catalog::Catalog,
    today: Date,
) -> Standing {
    let issuer = catalog.get::<crate::model::Organization>(&cert.issuer).ok();
    let lapse = issuer.and_then(|o| o.lapse.as_ref());
    by_calendar(cert, &current(cert, held, lapse), today, lapse)
}

/// Where a credential stands on a day, what changes next, and what renewing then costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Standing {
    pub state: State,
    /// The day the state began, where it is known.
    pub since: Option<Date>,
    /// The next state and the day it begins; none when nothing changes by the issuer's rule
    /// or the day is unknown.
    pub next: Option<Change>,
    /// What renewing in this state costs beyond the recertification fee, per credential.
    pub late_fee_usd: Option<u32>,
    /// Until when a credential lost for good can be reinstated without the exam.
    pub reinstatable_until: Option<Date>,
    /// What the holder can do now, in words.
    pub what_to_do: String,
}

impl Standing {
    /// Nothing known yet: the state unknown, nothing to do said.
    fn unknown() -> Standing {
        Standing {
            state: State::Unknown,
            since: None,
            next: None,
            late_fee_usd: None,
            reinstatable_until: None,
            what_to_do: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub state: State,
    pub on: Date,
}

/// Where `cert` in `cycle` stands on `today`, by its issuer's `lapse` rule.
pub(crate) fn standing(
    cert: &Certification,
    cycle: &Cycle,
    today: Date,
    lapse: Option<&Lapse>,
) -> Standing {
    let record = format!("`hi profile renew {} --on YYYY-MM-DD`", cert.id);
    // A renewal submitted while the credential could still be renewed waits on the issuer; one
    // submitted after it was lost for good changes nothing.
    let renewable = |day| !by_calendar(cert, cycle, day, lapse).state.lost();
    match cycle.submitted {
        Some(submitted) if renewable(submitted) => Standing {
            state: State::Submitted,
            since: Some(submitted),
            what_to_do: format!(
                "wait for the issuer, then record the renewal it grants with {record}"
            ),
            ..Standing::unknown()
        },
        _ => by_calendar(cert, cycle, today, lapse),
    }
}

/// Where a credential in `cycle` stands on `today` by the calendar alone: a renewal
/// submitted and not yet granted puts nothing back in force.
fn by_calendar(
    cert: &Certification,
    cycle: &Cycle,
    today: Date,
    lapse: Option<&Lapse>,
) -> Standing {
    let id = &cert.id;
    let record = format!("`hi profile renew {id} --on YYYY-MM-DD`");
    let mut standing = Standing::unknown();
    let Some(end) = cycle.end else {
        let unknown = match cert.renewal.cycle_end {
            Some(CycleEnd::HolderDate) => "the issuer sets when this cycle ends for each holder",
            _ => "the data does not say when this cycle ends",
        };
        standing.what_to_do = format!(
            "{unknown}: set the date the issuer gives you with `hi profile renew {id} \
             --cycle-ends YYYY-MM-DD`"
        );
        return standing;
    };
    let due = end
        .checked_sub(jiff::Span::new().days(DUE_DAYS))
        .unwrap_or(end);
    let after_end = end.tomorrow().unwrap_or(end);
    if today <= end {
        let first_after = match lapse {
            Some(l) => l.periods.first().map_or(l.then, |p| p.state).into(),
            None => State::Unknown,
        };
        (standing.state, standing.since, standing.next) = match today >= due {
            true => (
                State::Due,
                Some(due),
                Some(Change {
                    state: first_after,
                    on: after_end,
                }),
            ),
            false => (
                State::Active,
                Some(cycle.start),
                Some(Change {
                    state: State::Due,
                    on: due,
                }),
            ),
        };
        // Some issuers take the application after the cycle's end (NCRA: 31 January).
        let by = crate::renewal::apply_by(&cert.renewal, end).filter(|by| *by > end);
        let by = by.map_or(end.to_string(), |by| {
            format!("{by} (the issuer's report date)")
        });
        standing.what_to_do = format!("renew by {by}; once granted, record it with {record}");
        return standing;
    }
    let Some(lapse) = lapse else {
        standing.since = Some(after_end);
        standing.what_to_do = format!(
            "the cycle ended on {end} with no renewal recorded, and what the issuer allows now is \
             not in the data: confirm with the issuer; if you renewed, record it with {record}"
        );
        return standing;
    };
    lapsed(&mut standing, lapse, after_end, today, &record);
    standing
}

/// The standing of a credential whose cycle ended the day before `from` with no renewal
/// recorded: the period of the issuer's rule `today` falls in, or what it is for good.
fn lapsed(standing: &mut Standing, lapse: &Lapse, mut from: Date, today: Date, record: &str) {
    // Where each period ends by the lengths the rule's own source gives, counted from the end.
    let mut nominal = Some(from);
    for (i, period) in lapse.periods.iter().enumerate() {
        nominal = nominal
            .zip(period.days)
            .map(|(day, days)| days_after(day, days.get()));
        // Where another source gives a period a shorter length, the shorter one counts: no
        // date is promised that a source denies. The next period takes up the difference, so
        // that the dates the sources agree on (AAPC's 90 days to revocation) stay.
        let shortest = period.conflicts.iter().map(|c| c.days.get()).min();
        let until = match shortest {
            Some(days) => nominal.map(|n| n.min(days_after(from, days))),
            None => nominal,
        };
        if until.is_some_and(|until| today >= until) {
            from = until.unwrap_or(from);
            continue;
        }
        let next = lapse.periods.get(i + 1).map_or(lapse.then, |p| p.state);
        standing.state = period.state.into();
        standing.since = Some(from);
        standing.next = until.map(|on| Change {
            state: next.into(),
            on,
        });
        standing.late_fee_usd = period.fee_usd.map(u32::from);
        let by = until.map_or(
            "while the issuer allows it (how long is not in the data)".to_string(),
            |u| format!("before {u}"),
        );
        let fee = match standing.late_fee_usd {
            Some(0) => String::new(),
            Some(fee) => format!(", with ${fee} more per credential"),
            None => ", at an extra cost the data does not give".to_string(),
        };
        standing.what_to_do = format!(
            "no renewal is recorded: renew {by}{fee}; if you renewed, record it with {record}"
        );
        return;
    }
    standing.state = lapse.then.into();
    standing.since = Some(from);
    let mut what = vec![format!(
        "no renewal is recorded, so the issuer's rule applies; if you renewed, record it with \
         {record}"
    )];
    if lapse.stop_using {
        what.push("the issuer asks holders to stop using the credential once it has lapsed".into());
    }
    if lapse.late_renewal_restarts {
        what.push(
            "a renewal now starts a new cycle on the day it is approved, with a gap before it"
                .into(),
        );
    }
    if let Some(r) = &lapse.reinstatement {
        standing.reinstatable_until = r.within_years.and_then(|y| {
            from.checked_add(jiff::Span::new().years(i64::from(y.get())))
                .ok()
        });
        let until = standing
            .reinstatable_until
            .map_or(String::new(), |u| format!(" until {u}"));
        let fee = r.fee_usd.map_or(String::new(), |f| format!(" for ${f}"));
        let requires = r
            .requires
            .as_ref()
            .map_or(String::new(), |q| format!(" ({q})"));
        what.push(format!("it can be reinstated{until}{fee}{requires}"));
    }
    standing.what_to_do = what.join("; ");
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn cert(renewal: &str) -> Certification {
        toml::from_str(&format!(
            "id = \"x\"\nname = \"X\"\nfull_name = \"X\"\nissuer = \"o\"\nlevel = \"entry\"\n\
             description = \"\"\nsources = []\n[renewal]\nsource = \"s\"\n{renewal}\n"
        ))
        .unwrap()
    }

    fn lapse(toml: &str) -> Lapse {
        toml::from_str(&format!("source = \"s\"\n{toml}")).unwrap()
    }

    fn held(earned: Date, renewals: Vec<Renewed>) -> Held {
        Held {
            id: "x".into(),
            earned,
            cycle_ends: None,
            renewals,
        }
    }

    fn granted(on: Date) -> Renewed {
        Renewed {
            on: Some(on),
            ..Renewed::default()
        }
    }

    const TWO_YEARS: &str = "cycle_years = 2\ncycle_end = \"anniversary\"";

    #[test]
    fn a_cycle_ends_on_its_rule_and_a_new_one_begins_only_with_a_renewal() {
        let c = cert(TWO_YEARS);
        let earned = date(2025, 6, 15);
        let first = current(&c, &held(earned, vec![]), None);
        assert_eq!(
            (first.number, first.start, first.end),
            (1, earned, Some(date(2027, 6, 15)))
        );
        assert_eq!(first.end_set_by, Some(EndSetBy::IssuerRule));
        // Renewed on time: the next cycle follows the end, counted from the pass date.
        let on_time = current(&c, &held(earned, vec![granted(date(2027, 6, 1))]), None);
        assert_eq!(
            (
                on_time.number,
                on_time.start,
                on_time.end,
                on_time.renewed_on
            ),
            (
                2,
                date(2027, 6, 16),
                Some(date(2029, 6, 15)),
                Some(date(2027, 6, 1))
            )
        );
        // Renewed late (within a year, as no lapse rule is known): the same cycle renews.
        let late = current(&c, &held(earned, vec![granted(date(2027, 8, 1))]), None);
        assert_eq!((late.number, late.end), (2, Some(date(2029, 6, 15))));
        // A renewal recorded years on: the cycles between were renewed too.
        let much_later = current(&c, &held(earned, vec![granted(date(2031, 6, 1))]), None);
        assert_eq!(
            (much_later.number, much_later.start, much_later.end),
            (4, date(2031, 6, 16), Some(date(2033, 6, 15)))
        );
    }

    #[test]
    fn a_first_cycle_may_start_on_the_first_of_january_after_the_pass() {
        let c = cert(
            "cycle_years = 2\ncycle_end = \"end-of-year\"\nfirst_cycle_starts_next_year = true",
        );
        let cycle = current(&c, &held(date(2024, 5, 10), vec![]), None);
        assert_eq!(
            (cycle.start, cycle.end),
            (date(2025, 1, 1), Some(date(2026, 12, 31)))
        );
    }

    #[test]
    fn a_date_the_holder_gives_wins_and_the_rule_counts_on_from_it() {
        let c = cert(TWO_YEARS);
        let mut h = held(date(2025, 6, 15), vec![]);
        h.cycle_ends = Some(date(2027, 9, 30));
        let cycle = current(&c, &h, None);
        assert_eq!(
            (cycle.end, cycle.end_set_by),
            (Some(date(2027, 9, 30)), Some(EndSetBy::Holder))
        );
        h.renewals = vec![granted(date(2027, 9, 1))];
        let next = current(&c, &h, None);
        assert_eq!(
            (next.start, next.end),
            (date(2027, 10, 1), Some(date(2029, 9, 30)))
        );
        assert_eq!(next.end_set_by, Some(EndSetBy::IssuerRule));
        // A credential with no calendar in the data has none until the holder gives one.
        let unknown = cert("cycle_years = 2");
        assert_eq!(
            current(&unknown, &held(date(2025, 1, 1), vec![]), None).end,
            None
        );
        let renewed = Renewed {
            on: Some(date(2026, 1, 1)),
            cycle_ends: Some(date(2028, 1, 31)),
            ..Renewed::default()
        };
        let set = current(&unknown, &held(date(2025, 1, 1), vec![renewed]), None);
        assert_eq!(
            (set.start, set.end),
            (date(2026, 1, 1), Some(date(2028, 1, 31)))
        );
    }

    #[test]
    fn a_late_renewal_the_issuer_does_not_backdate_starts_a_new_cycle() {
        let c = cert("cycle_years = 5\ncycle_end = \"anniversary\"");
        let rule = lapse("then = \"expired\"\nno_grace = true\nlate_renewal_restarts = true");
        let h = held(date(2020, 3, 1), vec![granted(date(2025, 4, 15))]);
        let cycle = current(&c, &h, Some(&rule));
        assert_eq!(
            (cycle.start, cycle.end),
            (date(2025, 4, 15), Some(date(2030, 4, 15)))
        );
    }

    /// AAPC-like: 30 days' grace (one source gives 10), 60 late days with $50, then revoked
    /// (90 days after the end, as both sources say), reinstatable within 3 years for $200.
    fn aapc() -> Lapse {
        lapse(
            "then = \"revoked\"\n\
             periods = [\n\
               { state = \"grace\", days = 30, fee_usd = 0, conflicts = [{ days = 10, source = \"t\" }] },\n\
               { state = \"late\", days = 60, fee_usd = 50 },\n]\n\
             reinstatement = { within_years = 3, fee_usd = 200, source = \"r\" }",
        )
    }

    #[test]
    fn after_an_unrenewed_end_each_period_begins_on_its_day() {
        let c = cert(TWO_YEARS);
        let cycle = current(&c, &held(date(2025, 6, 15), vec![]), None);
        let rule = aapc();
        let at = |day: Date| standing(&c, &cycle, day, Some(&rule));
        // Boundaries: the day before, on and after each change.
        let cases = [
            (
                date(2027, 3, 16),
                State::Active,
                Some((State::Due, date(2027, 3, 17))),
            ),
            (
                date(2027, 3, 17),
                State::Due,
                Some((State::Grace, date(2027, 6, 16))),
            ),
            (
                date(2027, 6, 15),
                State::Due,
                Some((State::Grace, date(2027, 6, 16))),
            ),
            // The shorter grace of the two sources counts: 10 days.
            (
                date(2027, 6, 16),
                State::Grace,
                Some((State::Late, date(2027, 6, 26))),
            ),
            (
                date(2027, 6, 25),
                State::Grace,
                Some((State::Late, date(2027, 6, 26))),
            ),
            (
                date(2027, 6, 26),
                State::Late,
                Some((State::Revoked, date(2027, 9, 14))),
            ),
            (
                date(2027, 9, 13),
                State::Late,
                Some((State::Revoked, date(2027, 9, 14))),
            ),
            (date(2027, 9, 14), State::Revoked, None),
        ];
        for (day, state, next) in cases {
            let s = at(day);
            assert_eq!(s.state, state, "{day}");
            assert_eq!(s.next.map(|n| (n.state, n.on)), next, "{day}");
        }
        assert_eq!(at(date(2027, 7, 1)).late_fee_usd, Some(50));
        assert_eq!(at(date(2027, 6, 20)).late_fee_usd, Some(0));
        let revoked = at(date(2028, 1, 1));
        assert_eq!(revoked.reinstatable_until, Some(date(2030, 9, 14)));
        assert!(
            revoked
                .what_to_do
                .contains("reinstated until 2030-09-14 for $200"),
            "{}",
            revoked.what_to_do
        );
    }

    #[test]
    fn an_issuer_with_no_grace_or_no_rule_in_the_data() {
        let c = cert(TWO_YEARS);
        let cycle = current(&c, &held(date(2025, 6, 15), vec![]), None);
        let ancc = lapse("then = \"expired\"\nno_grace = true\nstop_using = true");
        let s = standing(&c, &cycle, date(2027, 6, 16), Some(&ancc));
        assert_eq!(
            (s.state, s.since),
            (State::Expired, Some(date(2027, 6, 16)))
        );
        assert!(s.what_to_do.contains("stop using"), "{}", s.what_to_do);
        // No rule: the end is known, what follows is not.
        let s = standing(&c, &cycle, date(2027, 6, 16), None);
        assert_eq!(s.state, State::Unknown);
        assert!(
            s.what_to_do.contains("confirm with the issuer"),
            "{}",
            s.what_to_do
        );
        // AHIMA-like: inactive for 180 days (length known), then revoked.
        let ahima = lapse(
            "then = \"revoked\"\nperiods = [{ state = \"inactive\", days = 180, fee_usd = 50 }]",
        );
        let s = standing(&c, &cycle, date(2027, 12, 12), Some(&ahima));
        assert_eq!(s.state, State::Inactive);
        assert_eq!(s.next.map(|n| n.on), Some(date(2027, 12, 13)));
        let s = standing(&c, &cycle, date(2027, 12, 13), Some(&ahima));
        assert_eq!(s.state, State::Revoked);
    }

    #[test]
    fn a_submitted_renewal_waits_on_the_issuer() {
        let c = cert(TWO_YEARS);
        let submitted = Renewed {
            submitted: Some(date(2027, 5, 1)),
            ..Renewed::default()
        };
        let cycle = current(&c, &held(date(2025, 6, 15), vec![submitted]), None);
        assert_eq!(cycle.submitted, Some(date(2027, 5, 1)));
        let s = standing(&c, &cycle, date(2027, 7, 1), Some(&aapc()));
        assert_eq!(
            (s.state, s.since),
            (State::Submitted, Some(date(2027, 5, 1)))
        );
    }
}
