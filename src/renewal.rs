//! When a credential's renewal cycles end and when to apply, from its issuer's rule in the
//! data: the length of a cycle, how its end follows from the pass date, and how long before
//! the end the issuer wants the application.

use anyhow::{Context, Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::model::{Certification, CycleEnd, Renewal};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub cycle: u32,
    pub ends: Date,
    pub apply_by: Option<Date>,
    pub ce_hours: Option<u32>,
}

/// The end of each of the first `cycles` cycles of `cert` earned on `earned`.
pub fn deadlines(cert: &Certification, earned: Date, cycles: u32) -> Result<Vec<Deadline>> {
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
                ce_hours: renewal.ce_hours.map(u32::from),
            })
        })
        .collect()
}

/// The day cycle `cycle` (from 1) ends. Each end is counted from the pass date, not from the
/// previous end, so a 29 February start does not drift to the 28th for good. `None` past the
/// end of the calendar.
pub fn cycle_end(earned: Date, cycle_years: u32, cycle: u32, rule: CycleEnd) -> Option<Date> {
    let years = i64::from(cycle_years.checked_mul(cycle)?);
    let anniversary = earned
        .checked_add(jiff::Span::new().try_years(years).ok()?)
        .ok()?;
    Some(match rule {
        CycleEnd::Anniversary => anniversary,
        CycleEnd::EndOfMonth => anniversary.last_of_month(),
    })
}

/// The date the issuer wants the application by, for a cycle ending `ends`, when it sets one.
pub fn apply_by(renewal: &Renewal, ends: Date) -> Option<Date> {
    let days = renewal.apply_by_days_before?;
    ends.checked_sub(jiff::Span::new().days(i64::from(days.get())))
        .ok()
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
                    ce_hours: Some(45)
                },
                Deadline {
                    cycle: 2,
                    ends: date(2031, 3, 31),
                    apply_by: Some(date(2031, 3, 3)),
                    ce_hours: Some(45)
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
