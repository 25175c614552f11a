//! What an activity earns toward a credential, by its issuer's rules (`CeRules` in the data):
//! the unit the issuer counts in, how long one is and how a part of one rounds, what an
//! academic credit is worth; which activities count toward a cycle at all, and why the others
//! do not; and how the categories an issuer limits add up. Amounts are whole hundredths of the
//! issuer's unit, so sums are exact. A conversion that needs a fact no source gives is unknown,
//! never assumed: AAPC states no length for its CEU, so an hour logged toward a CPC earns an
//! unknown number of them.

use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::model::{Category, CeRules, CeUnit, Certification, Organization};
use crate::profile::Activity;
use crate::units::{Amount, Hours};

/// What one activity earns toward one issuer's rule, in its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credit {
    Exact(Hours),
    /// At least this much: how the rest counts depends on a rounding rule no source gives.
    AtLeast(Hours, String),
    /// Unknown, and why.
    Unknown(String),
}

impl Credit {
    /// What counts for certain: the exact credit, the part known, or nothing.
    pub fn counted(&self) -> Hours {
        match self {
            Credit::Exact(h) | Credit::AtLeast(h, _) => *h,
            Credit::Unknown(_) => Hours(0),
        }
    }

    /// Why the credit is not known in full, if it is not.
    pub fn doubt(&self) -> Option<&str> {
        match self {
            Credit::Exact(_) => None,
            Credit::AtLeast(_, why) | Credit::Unknown(why) => Some(why),
        }
    }
}

/// What `amount` earns toward `issuer` (its name, for messages), whose CE rules are `rules`.
/// A certificate in the issuer's own unit is credited as it states; a length of time is
/// converted by the unit's length and rounding rule; an academic credit by the issuer's
/// conversion. Anything else needs a fact no source gives.
pub(crate) fn credit(amount: Amount, issuer: &str, rules: Option<&CeRules>) -> Credit {
    let Some(rules) = rules else {
        return Credit::Unknown(format!("the data does not say what {issuer} counts CE in"));
    };
    if let Some(seconds) = amount.seconds() {
        return duration(seconds, issuer, rules);
    }
    let own = match (amount, rules.unit) {
        (Amount::Ceus(n), CeUnit::Ceu)
        | (Amount::Pdus(n), CeUnit::Pdu)
        | (Amount::Cpes(n), CeUnit::Cpe)
        | (Amount::CeCredits(n), CeUnit::CeCredit) => Some(n),
        _ => None,
    };
    if let Some(n) = own {
        return Credit::Exact(n);
    }
    if let Amount::AcademicCredits(n) = amount {
        return match &rules.academic_credit {
            Some(c) => Credit::Exact(Hours(n.0.saturating_mul(c.units.get()))),
            None => Credit::Unknown(format!(
                "{issuer} gives no conversion for academic credits: log the {} it grants",
                rules.unit.label()
            )),
        };
    }
    Credit::Unknown(format!(
        "{issuer} counts {}, and how many {amount} make is not in the data: log how long it \
         lasted (--hours or --minutes) or what its certificate grants in {}",
        rules.unit.label(),
        rules.unit.label()
    ))
}

/// What `seconds` of activity earn: whole units by the unit's length, and the part left over
/// as the issuer's rounding rule says (a whole unit from 45 minutes for AHIMA, quarter steps).
/// The clock hour needs no rule: a length of time in hours is its count.
fn duration(seconds: u64, issuer: &str, rules: &CeRules) -> Credit {
    let unit = rules.unit;
    let Some(length) = &rules.length else {
        return Credit::Unknown(format!(
            "{issuer} does not say how long one of its {} is: log what the certificate grants \
             in {}",
            unit.label(),
            unit.label()
        ));
    };
    let unit_seconds = u64::from(length.minutes.get()) * 60;
    let (whole, left) = (seconds / unit_seconds, seconds % unit_seconds);
    let hundredths = |n: u64| Hours(u32::try_from(n).unwrap_or(u32::MAX));
    let part = match (length.round_up_from_minutes, length.step_minutes) {
        _ if left == 0 => 0,
        (Some(from), _) => match left >= u64::from(from.get()) * 60 {
            true => 100,
            false => 0,
        },
        (_, Some(step)) => {
            let step_seconds = u64::from(step.get()) * 60;
            (left / step_seconds) * step_seconds * 100 / unit_seconds
        }
        // A part of a clock hour is that part of an hour, to the hundredth below.
        (None, None) if unit == CeUnit::Hour => left * 100 / unit_seconds,
        (None, None) => {
            return Credit::AtLeast(
                hundredths(whole * 100),
                format!(
                    "{issuer} grants one of its {} for every {} minutes and does not say how the \
                     {} minutes left over count",
                    unit.label(),
                    length.minutes,
                    left.div_ceil(60)
                ),
            );
        }
    };
    Credit::Exact(hundredths(whole * 100 + part))
}

/// The issuer's unit and how it is counted, in words: `CEUs, one for each 60 minutes; a part
/// of one earns a whole one from 45 minutes, none below`.
pub(crate) fn unit_rule(issuer: &str, rules: Option<&CeRules>) -> String {
    let Some(rules) = rules else {
        return format!("a unit the data does not give for {issuer}");
    };
    let unit = rules.unit.label();
    let mut text = match &rules.length {
        None => format!("{unit}, whose length {issuer} does not state"),
        Some(l) => {
            let part = match (l.round_up_from_minutes, l.step_minutes) {
                (Some(from), _) => {
                    format!("; a part of one earns a whole one from {from} minutes, none below")
                }
                (_, Some(step)) => format!(", counted in steps of {step} minutes"),
                _ if rules.unit == CeUnit::Hour => String::new(),
                _ => "; how a part of one counts is not stated".into(),
            };
            format!("{unit}, one for each {} minutes{part}", l.minutes)
        }
    };
    if let Some(c) = &rules.academic_credit {
        text += &format!("; {} for each academic credit", c.units);
    }
    text
}

/// The span of one credential's cycle that activities are counted in, and what its issuer
/// says of activities outside it.
pub struct Window<'a> {
    /// The credential's name and its issuer's, for messages.
    pub cert: String,
    pub issuer: String,
    pub earned: Date,
    pub start: Date,
    /// The cycle's end; unknown while neither the data nor the holder gives it.
    pub end: Option<Date>,
    pub today: Date,
    pub rules: Option<&'a CeRules>,
}

impl Window<'_> {
    /// Why an activity dated `date` does not count in this cycle; `None` when it does.
    pub fn outside(&self, date: Date) -> Option<String> {
        let issuer = &self.issuer;
        if date > self.today {
            return Some("dated after today".into());
        }
        if date < self.earned {
            let rule = match self.rules.and_then(|r| r.before_earned.as_ref()) {
                Some(_) => format!("; {issuer} does not count CE earned before the credential"),
                None => String::new(),
            };
            return Some(format!(
                "dated before {} was earned ({}){rule}",
                self.cert, self.earned
            ));
        }
        if date < self.start {
            let carry = self.rules.and_then(|r| r.carry_over.as_ref());
            let rule = match carry {
                Some(c) if c.none => format!("; {issuer} carries none over"),
                Some(c) => format!(
                    "; {issuer} lets {}carry over{}, which hi does not count: ask {issuer}",
                    c.max_units.map_or(String::new(), |m| format!("up to {m} ")),
                    c.last_months.map_or(String::new(), |m| format!(
                        " from a cycle's last {m} months"
                    ))
                ),
                None => String::new(),
            };
            return Some(format!(
                "dated before this cycle began ({}){rule}",
                self.start
            ));
        }
        match self.end {
            Some(end) if date > end => Some(format!("dated after this cycle ended ({end})")),
            _ => None,
        }
    }
}

/// One activity of the log as it stands toward one credential's cycle.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Its place in the log, counted from 1, as `hi ce list` numbers it.
    pub number: usize,
    pub activity: &'a Activity,
    pub credit: Credit,
    /// Why it does not count in the cycle, when it does not.
    pub outside: Option<String>,
    pub category: Option<&'a Category>,
}

impl Entry<'_> {
    /// What it adds to the cycle: its credit, or nothing when it falls outside.
    pub fn counted(&self) -> Hours {
        match self.outside {
            Some(_) => Hours(0),
            None => self.credit.counted(),
        }
    }
}

/// Every activity of `log` that counts toward `cert` (all those logged without `--cert`, and
/// those naming it), each with its credit, its category among `categories`, and why it falls
/// outside `window`, if it does.
pub(crate) fn entries<'a>(
    log: &'a [Activity],
    cert: &Certification,
    window: &Window,
    categories: &[&'a Category],
) -> Vec<Entry<'a>> {
    log.iter()
        .enumerate()
        .filter(|(_, a)| a.counts_toward(&cert.id))
        .map(|(i, activity)| Entry {
            number: i + 1,
            activity,
            credit: credit(activity.amount, &window.issuer, window.rules),
            outside: window.outside(activity.date),
            category: category_of(&activity.categories, categories),
        })
        .collect()
}

/// The categories a cycle's rule limits: the issuer's, then those of each credential it renews.
pub(crate) fn categories<'a>(
    rules: Option<&'a CeRules>,
    certs: &[&'a Certification],
) -> Vec<&'a Category> {
    let mut all: Vec<&Category> = rules.map_or(Vec::new(), |r| r.categories.iter().collect());
    for cert in certs {
        for c in &cert.renewal.categories {
            if !all.iter().any(|known| known.id == c.id) {
                all.push(c);
            }
        }
    }
    all
}

/// The categories `given` for an activity that counts toward `toward`, as the data spells
/// them. Each must be a category of one of those credentials' rules, and no credential's rule
/// may get two (a narrower category counts toward the wider one by itself); an error names
/// the nearest known category and every one known.
pub(crate) fn checked_categories(
    given: &[String],
    toward: &[&Certification],
    catalog: &Catalog,
) -> Result<Vec<String>, String> {
    let known: Vec<(&Certification, Vec<&str>)> = toward
        .iter()
        .map(|cert| {
            let rules = catalog
                .get::<Organization>(&cert.issuer)
                .ok()
                .and_then(|o| o.ce.as_ref());
            let ids = categories(rules, &[cert]);
            (*cert, ids.iter().map(|c| c.id.as_str()).collect())
        })
        .collect();
    let mut chosen: Vec<String> = Vec::new();
    for name in given {
        let id = name.trim().to_ascii_lowercase();
        if !known.iter().any(|(_, ids)| ids.contains(&id.as_str())) {
            return Err(unknown_category(name, &known));
        }
        if !chosen.contains(&id) {
            chosen.push(id);
        }
    }
    for (cert, ids) in &known {
        let mine: Vec<&String> = chosen
            .iter()
            .filter(|c| ids.contains(&c.as_str()))
            .collect();
        if let [first, second, ..] = mine.as_slice() {
            return Err(format!(
                "`{first}` and `{second}` are both categories of {}'s rules: an activity is in \
                 one (the narrower one counts toward the wider)",
                cert.name
            ));
        }
    }
    Ok(chosen)
}

/// An unknown category, with the nearest known one and every one known, credential by
/// credential.
fn unknown_category(name: &str, known: &[(&Certification, Vec<&str>)]) -> String {
    let all = known.iter().flat_map(|(_, ids)| ids.iter().copied());
    let near = crate::catalog::nearest(name.trim(), all)
        .map_or(String::new(), |id| format!(": did you mean `{id}`?"));
    let lists: Vec<String> = known
        .iter()
        .map(|(cert, ids)| match ids.is_empty() {
            true => format!("{} has none", cert.name),
            false => format!("{} has {}", cert.name, ids.join(", ")),
        })
        .collect();
    format!(
        "unknown category `{}`{near} ({})",
        crate::sanitize::echo(name),
        lists.join("; ")
    )
}

/// The category of `ids` (an activity's, in the order given) that `categories` knows first.
pub(crate) fn category_of<'a>(ids: &[String], categories: &[&'a Category]) -> Option<&'a Category> {
    ids.iter()
        .find_map(|id| categories.iter().find(|c| c.id.eq_ignore_ascii_case(id)))
        .copied()
}

/// One activity as it counts toward a cycle: what it earns, and its category there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Counted<'a> {
    pub credit: Hours,
    pub category: Option<&'a Category>,
}

/// How one category of a cycle stands.
#[derive(Debug, Clone)]
pub(crate) struct CategoryTally<'a> {
    pub category: &'a Category,
    /// Everything logged in it and in the categories within it.
    pub done: Hours,
    /// The least it asks; unknown when it is a share of a total that is unknown.
    pub required: Option<Hours>,
    /// The most of it that counts toward the total.
    pub cap: Option<Hours>,
}

impl CategoryTally<'_> {
    /// Its rule in words: `at least 24 (80 % of the total)`, `at most 25`, `no limit`.
    pub(crate) fn limit(&self) -> String {
        let c = self.category;
        let share = |p: Option<u32>| p.map_or(String::new(), |p| format!(" ({p} % of the total)"));
        let mut parts = Vec::new();
        match (self.required, c.min_percent) {
            (Some(r), p) => parts.push(format!("at least {r}{}", share(p.map(u32::from)))),
            (None, Some(p)) => parts.push(format!("at least {p} % of the total")),
            _ => {}
        }
        match (self.cap, c.max_percent) {
            (Some(m), p) => parts.push(format!("at most {m}{}", share(p.map(u32::from)))),
            (None, Some(p)) => parts.push(format!("at most {p} % of the total")),
            _ => {}
        }
        match (parts.is_empty(), c.no_limit) {
            (false, _) => parts.join(", "),
            (true, true) => "no limit".into(),
            (true, false) => "limit not in the data".into(),
        }
    }
}

/// A category's rule in words, whatever a cycle's total: `at least 35`, `at most 20 % of the
/// total`, `no limit`.
pub(crate) fn rule(category: &Category) -> String {
    let (_, standing) = tally(&[], &[category], None);
    standing.first().map_or(String::new(), CategoryTally::limit)
}

/// The total that counts toward a cycle, and each category's standing. A category's cap holds
/// back what is beyond it from the total (PMI counts at most 25 PDUs of giving back), and a
/// category within another counts toward it too. A share of the total is a share of the
/// cycle's `required` total: 80 % of 30 CEUs is 24.
pub(crate) fn tally<'a>(
    counted: &[Counted<'a>],
    categories: &[&'a Category],
    required: Option<Hours>,
) -> (Hours, Vec<CategoryTally<'a>>) {
    let tree = Tree {
        counted,
        categories,
        required,
    };
    let tops = categories.iter().filter(|c| {
        c.within
            .as_deref()
            .is_none_or(|w| !categories.iter().any(|o| o.id == w))
    });
    let uncategorized = counted
        .iter()
        .filter(|n| n.category.is_none())
        .fold(Hours(0), |sum, n| sum.saturating_add(n.credit));
    let total = tops.fold(uncategorized, |sum, c| {
        sum.saturating_add(tree.walk(c, categories.len()).1)
    });
    let standing = categories
        .iter()
        .map(|c| {
            let (min, max) = tree.limits(c);
            CategoryTally {
                category: c,
                done: tree.walk(c, categories.len()).0,
                required: min,
                cap: max,
            }
        })
        .collect();
    (total, standing)
}

/// The categories of a cycle as a tree (by `within`), with the activities logged in them.
struct Tree<'t, 'a> {
    counted: &'t [Counted<'a>],
    categories: &'t [&'a Category],
    required: Option<Hours>,
}

impl<'a> Tree<'_, 'a> {
    /// A category's minimum and maximum in the unit; a share of an unknown total is unknown.
    fn limits(&self, c: &Category) -> (Option<Hours>, Option<Hours>) {
        let share = |percent: u32, up: bool| {
            self.required.map(|r| {
                let n = u64::from(r.0) * u64::from(percent);
                let h = if up { n.div_ceil(100) } else { n / 100 };
                Hours(u32::try_from(h).unwrap_or(u32::MAX))
            })
        };
        let min = c.min_units.map(|m| Hours::whole(m.get()));
        let max = c.max_units.map(|m| Hours::whole(m.get()));
        (
            min.or_else(|| c.min_percent.and_then(|p| share(p.get(), true))),
            max.or_else(|| c.max_percent.and_then(|p| share(p.get(), false))),
        )
    }

    /// What was logged in `c` and the categories within it, and how much of that counts
    /// toward the total under the caps; `depth` stops a loop of `within`, which the data
    /// check refuses anyway.
    fn walk(&self, c: &'a Category, depth: usize) -> (Hours, Hours) {
        let own = self
            .counted
            .iter()
            .filter(|n| n.category.is_some_and(|mine| mine.id == c.id))
            .fold(Hours(0), |sum, n| sum.saturating_add(n.credit));
        let (mut done, mut toward) = (own, own);
        let children = self
            .categories
            .iter()
            .filter(|child| child.within.as_deref() == Some(c.id.as_str()));
        for child in children.filter(|_| depth > 0) {
            let (d, t) = self.walk(child, depth - 1);
            (done, toward) = (done.saturating_add(d), toward.saturating_add(t));
        }
        (done, self.limits(c).1.map_or(toward, |cap| toward.min(cap)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Organization;
    use jiff::civil::date;

    fn rules(ce: &str) -> CeRules {
        let org: Organization = toml::from_str(&format!(
            "id = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"\"\nurl = \"\"\n\
             sources = []\n[ce]\nsource = \"s\"\n{ce}\n"
        ))
        .unwrap();
        org.ce.unwrap()
    }

    fn ahima() -> CeRules {
        rules("unit = \"ceu\"\nlength = { minutes = 60, round_up_from_minutes = 45 }")
    }

    fn minutes(m: u32) -> Amount {
        Amount::Minutes(m)
    }

    #[test]
    fn ahima_gives_a_whole_ceu_for_what_is_left_over_only_from_45_minutes() {
        let ahima = ahima();
        let got = |a| credit(a, "AHIMA", Some(&ahima));
        assert_eq!(got(minutes(164)), Credit::Exact(Hours::whole(2)));
        assert_eq!(got(minutes(165)), Credit::Exact(Hours::whole(3)));
        // Its guide's own example: a programme of two and a half hours earns 2.
        assert_eq!(
            got(Amount::Hours(Hours(250))),
            Credit::Exact(Hours::whole(2))
        );
        assert_eq!(got(Amount::Hours(Hours(50))), Credit::Exact(Hours(0)));
        assert_eq!(
            got(Amount::Hours(Hours(75))),
            Credit::Exact(Hours::whole(1))
        );
        // A certificate in AHIMA's own unit is credited as it states.
        assert_eq!(got(Amount::Ceus(Hours(150))), Credit::Exact(Hours(150)));
    }

    #[test]
    fn himss_counts_clock_hours_and_five_for_each_academic_credit() {
        let himss =
            rules("unit = \"hour\"\nlength = { minutes = 60 }\nacademic_credit = { units = 5 }");
        let got = |a| credit(a, "HIMSS", Some(&himss));
        assert_eq!(
            got(Amount::AcademicCredits(Hours::whole(3))),
            Credit::Exact(Hours::whole(15))
        );
        assert_eq!(got(minutes(90)), Credit::Exact(Hours(150)));
        assert_eq!(got(Amount::Hours(Hours(125))), Credit::Exact(Hours(125)));
        // 50 minutes are 0.8333 of an hour: the hundredth below.
        assert_eq!(got(minutes(50)), Credit::Exact(Hours(83)));
        // Whose CEU a certificate means is not known, so neither is its length.
        assert!(matches!(got(Amount::Ceus(Hours(100))), Credit::Unknown(_)));
    }

    #[test]
    fn ccb_gives_a_ceu_for_every_50_minutes_and_leaves_a_part_unknown() {
        let ccb = rules("unit = \"ceu\"\nlength = { minutes = 50 }");
        let got = |a| credit(a, "CCB", Some(&ccb));
        assert_eq!(got(minutes(100)), Credit::Exact(Hours::whole(2)));
        match got(minutes(75)) {
            Credit::AtLeast(h, why) => {
                assert_eq!(h, Hours::whole(1));
                assert!(why.contains("25 minutes left over"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            got(Amount::AcademicCredits(Hours::whole(1))),
            Credit::Unknown(_)
        ));
    }

    #[test]
    fn a_unit_of_unknown_length_takes_no_hours() {
        let aapc = rules("unit = \"ceu\"");
        let got = |a| credit(a, "AAPC", Some(&aapc));
        let Credit::Unknown(why) = got(minutes(60)) else {
            panic!("an hour toward AAPC is no known number of CEUs");
        };
        assert!(why.contains("does not say how long"), "{why}");
        assert_eq!(got(Amount::Ceus(Hours(200))), Credit::Exact(Hours(200)));
        assert!(matches!(got(Amount::Pdus(Hours(100))), Credit::Unknown(_)));
        assert!(matches!(
            credit(minutes(60), "ANCC", None),
            Credit::Unknown(_)
        ));
    }

    #[test]
    fn a_unit_counted_in_steps_rounds_down_to_the_step() {
        let pmi = rules("unit = \"pdu\"\nlength = { minutes = 60, step_minutes = 15 }");
        let got = |a| credit(a, "PMI", Some(&pmi));
        assert_eq!(got(minutes(70)), Credit::Exact(Hours(100)));
        assert_eq!(got(minutes(75)), Credit::Exact(Hours(125)));
        assert_eq!(got(minutes(119)), Credit::Exact(Hours(175)));
        assert_eq!(got(Amount::Pdus(Hours(50))), Credit::Exact(Hours(50)));
    }

    #[test]
    fn an_activity_before_the_credential_or_outside_the_cycle_does_not_count() {
        let aapc = rules(
            "unit = \"ceu\"\nbefore_earned = { source = \"s\" }\ncarry_over = { none = true }",
        );
        let iapp = rules("unit = \"cpe\"\ncarry_over = { max_units = 10, last_months = 6 }");
        let window = |rules| Window {
            cert: "CPC".into(),
            issuer: "AAPC".into(),
            earned: date(2023, 3, 1),
            start: date(2025, 3, 1),
            end: Some(date(2027, 2, 28)),
            today: date(2026, 11, 27),
            rules,
        };
        let w = window(Some(&aapc));
        assert_eq!(w.outside(date(2025, 3, 1)), None);
        assert_eq!(w.outside(date(2026, 11, 27)), None);
        let before = w.outside(date(2023, 2, 28)).unwrap();
        assert_eq!(
            before,
            "dated before CPC was earned (2023-03-01); AAPC does not count CE earned before the \
             credential"
        );
        let earlier = w.outside(date(2024, 12, 1)).unwrap();
        assert_eq!(
            earlier,
            "dated before this cycle began (2025-03-01); AAPC carries none over"
        );
        assert_eq!(w.outside(date(2026, 11, 28)).unwrap(), "dated after today");
        let iapp_window = Window {
            issuer: "IAPP".into(),
            ..window(Some(&iapp))
        };
        let carried = iapp_window.outside(date(2024, 12, 1)).unwrap();
        assert!(
            carried.contains("lets up to 10 carry over from a cycle's last 6 months"),
            "{carried}"
        );
        // Without a rule in the data, the reason is the date alone.
        let plain = window(None).outside(date(2023, 1, 1)).unwrap();
        assert_eq!(plain, "dated before CPC was earned (2023-03-01)");
        let ended = Window {
            today: date(2027, 6, 1),
            ..window(None)
        };
        assert_eq!(
            ended.outside(date(2027, 3, 1)).unwrap(),
            "dated after this cycle ended (2027-02-28)"
        );
    }

    fn category(toml_text: &str) -> Category {
        toml::from_str(&format!("source = \"s\"\n{toml_text}")).unwrap()
    }

    fn by_id<'a>(tallies: &'a [CategoryTally], id: &str) -> &'a CategoryTally<'a> {
        tallies.iter().find(|t| t.category.id == id).unwrap()
    }

    #[test]
    fn ahima_asks_80_percent_in_the_hiim_domains_and_counts_at_most_20_outside() {
        let hiim = category("id = \"hiim\"\nname = \"HIIM\"\nmin_percent = 80");
        let outside = category("id = \"outside-hiim\"\nname = \"Outside\"\nmax_percent = 20");
        let cats = [&hiim, &outside];
        let logged = [
            Counted {
                credit: Hours::whole(20),
                category: Some(&hiim),
            },
            Counted {
                credit: Hours::whole(9),
                category: Some(&outside),
            },
            Counted {
                credit: Hours::whole(2),
                category: None,
            },
        ];
        let (total, tallies) = tally(&logged, &cats, Some(Hours::whole(30)));
        // 20 + 6 of the 9 outside (20 % of 30) + 2 without a category.
        assert_eq!(total, Hours::whole(28));
        let hiim = by_id(&tallies, "hiim");
        assert_eq!(
            (hiim.done, hiim.required),
            (Hours::whole(20), Some(Hours::whole(24)))
        );
        assert_eq!(hiim.limit(), "at least 24 (80 % of the total)");
        let outside = by_id(&tallies, "outside-hiim");
        assert_eq!(
            (outside.done, outside.cap),
            (Hours::whole(9), Some(Hours::whole(6)))
        );
        // A combined cycle's total raises the share: 80 % of 40 is 32.
        let (_, tallies) = tally(&logged, &cats, Some(Hours::whole(40)));
        assert_eq!(by_id(&tallies, "hiim").required, Some(Hours::whole(32)));
        // An unknown total leaves the share unknown.
        let (_, tallies) = tally(&logged, &cats, None);
        assert_eq!(by_id(&tallies, "hiim").required, None);
        assert_eq!(
            by_id(&tallies, "hiim").limit(),
            "at least 80 % of the total"
        );
    }

    #[test]
    fn pmi_caps_giving_back_and_asks_each_education_area() {
        let education = category("id = \"education\"\nname = \"E\"\nmin_units = 35");
        let ways = category("id = \"ways\"\nname = \"W\"\nwithin = \"education\"\nmin_units = 8");
        let power = category("id = \"power\"\nname = \"P\"\nwithin = \"education\"\nmin_units = 8");
        let giving = category("id = \"giving\"\nname = \"G\"\nmax_units = 25");
        let working =
            category("id = \"working\"\nname = \"Wk\"\nwithin = \"giving\"\nmax_units = 8");
        let cats = [&education, &ways, &power, &giving, &working];
        let pdus = |n, c| Counted {
            credit: Hours::whole(n),
            category: Some(c),
        };
        let logged = [
            pdus(10, &ways),
            pdus(5, &power),
            pdus(20, &education),
            pdus(12, &working),
            pdus(20, &giving),
        ];
        let (total, tallies) = tally(&logged, &cats, Some(Hours::whole(60)));
        // Education 35; giving back 20 + 8 of the 12 working = 28, of which 25 count.
        assert_eq!(total, Hours::whole(60));
        assert_eq!(by_id(&tallies, "education").done, Hours::whole(35));
        assert_eq!(by_id(&tallies, "power").done, Hours::whole(5));
        assert_eq!(by_id(&tallies, "power").required, Some(Hours::whole(8)));
        assert_eq!(by_id(&tallies, "giving").done, Hours::whole(32));
        assert_eq!(by_id(&tallies, "giving").limit(), "at most 25");
        let less = [pdus(30, &giving)];
        assert_eq!(
            tally(&less, &cats, Some(Hours::whole(60))).0,
            Hours::whole(25)
        );
    }

    #[test]
    fn aapc_asks_16_on_auditing_for_the_cpma_and_8_for_each_specialty() {
        let auditing = category("id = \"auditing\"\nname = \"Auditing\"\nmin_units = 16");
        let cardio = category("id = \"cardiology\"\nname = \"Cardiology\"\nmin_units = 8");
        let derm = category("id = \"dermatology\"\nname = \"Dermatology\"\nmin_units = 8");
        let cats = [&auditing, &cardio, &derm];
        let logged = [
            Counted {
                credit: Hours::whole(16),
                category: Some(&auditing),
            },
            Counted {
                credit: Hours::whole(8),
                category: Some(&cardio),
            },
            Counted {
                credit: Hours::whole(3),
                category: Some(&derm),
            },
            Counted {
                credit: Hours::whole(13),
                category: None,
            },
        ];
        let (total, tallies) = tally(&logged, &cats, Some(Hours::whole(44)));
        assert_eq!(total, Hours::whole(40));
        let short: Vec<&str> = tallies
            .iter()
            .filter(|t| t.required.is_some_and(|r| t.done < r))
            .map(|t| t.category.id.as_str())
            .collect();
        assert_eq!(short, ["dermatology"]);
        assert_eq!(by_id(&tallies, "auditing").limit(), "at least 16");
        let none = category("id = \"seminar\"\nname = \"S\"\nno_limit = true");
        let (_, t) = tally(&[], &[&none], None);
        assert_eq!(t[0].limit(), "no limit");
        let unknown = category("id = \"x\"\nname = \"X\"");
        assert_eq!(
            tally(&[], &[&unknown], None).1[0].limit(),
            "limit not in the data"
        );
    }
}
