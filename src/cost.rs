//! What holding a credential for N years costs: the exam (and a retake, when asked), each
//! renewal that falls inside the span, every recurring fee the data has (yearly maintenance,
//! fees per cycle) and, for a member, the issuer's dues (a first year that costs more, a
//! joining fee). Money is whole dollars in integers; an unknown piece makes the total a lower
//! bound and is named, never guessed.

use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{CeUnit, Certification, Charged, Fees, InForce, Kind, Organization};
use crate::renewal::renewals;
use crate::units::Hours;
use crate::{load, show};

/// Whether a person pays an issuer's member prices: not, as a member already (the profile
/// says so), or by joining it in year 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    NonMember,
    Joining,
    Member,
}

impl Tier {
    pub fn member(self) -> bool {
        self != Tier::NonMember
    }
}

/// What a cost is asked over: the span and the day it starts, whose prices, and whether a
/// retake counts.
#[derive(Debug, Clone)]
pub struct Terms {
    pub years: u32,
    /// Year 1 starts today: a fee in force only from or until a date falls in the years it
    /// covers.
    pub today: Date,
    /// `Some` when a flag decides membership for every issuer; `None` leaves it to
    /// `memberships`.
    pub member: Option<bool>,
    /// The organizations the person is a member of (the profile's).
    pub memberships: Vec<String>,
    pub with_retake: bool,
}

impl Terms {
    /// How the person stands with `issuer`: a member already where the profile says so,
    /// joining where only `--member` says so.
    pub fn tier(&self, issuer: &str) -> Tier {
        let held = self.memberships.iter().any(|m| m == issuer);
        match (self.member, held) {
            (Some(false), _) => Tier::NonMember,
            (_, true) => Tier::Member,
            (Some(true), false) => Tier::Joining,
            (None, false) => Tier::NonMember,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// 1 is the year of the exam; a renewal due `k` cycles after the pass date falls in year
    /// `k * cycle_years + 1`.
    pub year: u32,
    /// "exam", "retake", "renewal", "membership dues", "joining fee", or another fee's name.
    pub what: String,
    /// Null when the data does not have it.
    pub amount_usd: Option<u32>,
    /// The CE hours the cycle ending here required.
    pub ce_hours: Option<Hours>,
}

impl Item {
    fn new(year: u32, what: &str, amount_usd: Option<u32>) -> Item {
        Item {
            year,
            what: what.to_string(),
            amount_usd,
            ce_hours: None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Cost {
    pub id: String,
    pub name: String,
    pub years: u32,
    pub member: bool,
    pub membership: Tier,
    pub with_retake: bool,
    pub items: Vec<Item>,
    /// What the issuer counts CE in: the unit of every item's `ce_hours`.
    pub ce_unit: Option<CeUnit>,
    /// The sum of every known amount.
    pub total_usd: u32,
    /// True when some piece is unknown, so the real total is at least `total_usd`.
    pub lower_bound: bool,
    /// The pieces the data does not have.
    pub unknown: Vec<String>,
    /// The first year in which paying dues has cost less than paying non-member prices, when
    /// the data has every amount needed to tell.
    pub membership_pays_off_year: Option<u32>,
    pub notes: Vec<String>,
}

/// The cost of holding `cert` on `terms`.
pub fn cost(cert: &Certification, catalog: &Catalog, terms: &Terms) -> Cost {
    let tier = terms.tier(&cert.issuer);
    let items = items(cert, catalog, terms, tier);
    let mut unknown: Vec<String> = Vec::new();
    for item in items.iter().filter(|i| i.amount_usd.is_none()) {
        let piece = unknown_piece(&item.what, tier.member());
        if !unknown.contains(&piece) {
            unknown.push(piece);
        }
    }
    if cert.renewal.cycle_years.is_none() && terms.years > 0 {
        unknown.push("the renewal cycle".to_string());
    }
    let mut notes: Vec<String> = fee_conflict(cert, catalog).into_iter().collect();
    notes.extend(fee_notes(cert, terms));
    let issuer = catalog.organizations().iter().find(|o| o.id == cert.issuer);
    if issuer.is_some_and(|o| o.combined_renewal.is_some()) {
        notes.push(format!(
            "{} renews several of its credentials in one cycle: `hi cost ID... --together` \
             prices holding them at once.",
            catalog.name_of(Kind::Organization, &cert.issuer)
        ));
    }
    let membership_pays_off_year = match issuer.and_then(|o| o.membership.as_ref()) {
        Some(_) => pays_off(cert, catalog, terms, tier),
        None => {
            notes.push(format!(
                "{}'s membership dues are not in the data, so when membership pays for itself \
                 is unknown.",
                catalog.name_of(Kind::Organization, &cert.issuer)
            ));
            None
        }
    };
    Cost {
        id: cert.id.clone(),
        name: cert.name.clone(),
        years: terms.years,
        member: tier.member(),
        membership: tier,
        with_retake: terms.with_retake,
        total_usd: items.iter().filter_map(|i| i.amount_usd).sum(),
        lower_bound: !unknown.is_empty(),
        items,
        ce_unit: cert.renewal.ce_unit,
        unknown,
        membership_pays_off_year,
        notes,
    }
}

/// How an unknown piece is named: "the member exam fee", "the yearly maintenance".
fn unknown_piece(what: &str, member: bool) -> String {
    let named = match what {
        "exam" => "exam fee",
        "renewal" => "recertification fee",
        "retake" => "retake fee",
        "membership dues" => return "the membership dues".to_string(),
        other => other,
    };
    match member {
        true => format!("the member {named}"),
        false => format!("the {named}"),
    }
}

fn items(cert: &Certification, catalog: &Catalog, terms: &Terms, tier: Tier) -> Vec<Item> {
    let years = terms.years;
    if years == 0 {
        return Vec::new();
    }
    let member = tier.member();
    let mut items = exam_items(cert, terms, member);
    let renewal = &cert.renewal;
    if let Some(cycle) = renewal.cycle_years.map(u32::from) {
        items.extend(renewal_years(cycle, years).into_iter().map(|year| Item {
            ce_hours: renewal.ce_hours.map(|h| Hours::whole(h.get())),
            ..Item::new(year, "renewal", renewal.fee(member))
        }));
    }
    items.extend(recurring_items(cert, terms, member));
    let org = catalog.organizations().iter().find(|o| o.id == cert.issuer);
    items.extend(dues_items(
        org,
        tier,
        years,
        "membership dues",
        "joining fee",
    ));
    items.sort_by_key(|i| i.year);
    items
}

/// The exam in year 1, and a retake with it when asked: the fees the data marks as a
/// retake's, unknown when it has none.
fn exam_items(cert: &Certification, terms: &Terms, member: bool) -> Vec<Item> {
    let mut items = vec![Item::new(
        1,
        "exam",
        cert.fees.as_ref().and_then(|f| f.price(member)),
    )];
    if terms.with_retake {
        let retakes: Vec<Item> = charged(cert, Charged::Retake)
            .filter(|fee| in_force(fee.window(), terms, 1))
            .map(|fee| Item::new(1, "retake", fee.price(member)))
            .collect();
        match retakes.is_empty() {
            true => items.push(Item::new(1, "retake", None)),
            false => items.extend(retakes),
        }
    }
    items
}

/// The other fees charged every year or every cycle, in the years they are in force.
fn recurring_items(cert: &Certification, terms: &Terms, member: bool) -> Vec<Item> {
    let cycle = cert.renewal.cycle_years.map(u32::from);
    let mut items = Vec::new();
    for fee in &cert.other_fees {
        let due: Vec<u32> = match (fee.charged, cycle) {
            (Some(Charged::Yearly), _) => {
                let first = if fee.first_year_covered { 2 } else { 1 };
                (first..=terms.years).collect()
            }
            (Some(Charged::Cycle), Some(cycle)) => renewal_years(cycle, terms.years),
            _ => Vec::new(),
        };
        items.extend(
            due.into_iter()
                .filter(|year| in_force(fee.window(), terms, *year))
                .map(|year| Item::new(year, &fee.what, fee.price(member))),
        );
    }
    items
}

/// What the cost leaves out of the data's other fees, and why: occasional ones, a retake not
/// asked for, and fees outside their window for part of the span.
fn fee_notes(cert: &Certification, terms: &Terms) -> Vec<String> {
    let mut notes = Vec::new();
    let occasional: Vec<&str> = cert
        .other_fees
        .iter()
        .filter(|f| f.charged.is_none())
        .map(|f| f.what.as_str())
        .collect();
    if !occasional.is_empty() {
        notes.push(format!(
            "Not counted, as they fall due only in some cases: {}.",
            occasional.join("; ")
        ));
    }
    if !terms.with_retake && charged(cert, Charged::Retake).next().is_some() {
        notes.push("A retake is not counted: --with-retake counts one.".to_string());
    }
    for fee in &cert.other_fees {
        let window = fee.window();
        if fee.charged.is_some() && (1..=terms.years).any(|y| !in_force(window, terms, y)) {
            let when = match (window.from, window.until) {
                (Some(from), Some(until)) => format!("from {from} until {until}"),
                (Some(from), None) => format!("from {from}"),
                (None, Some(until)) => format!("until {until}"),
                (None, None) => continue,
            };
            notes.push(format!("The {} is charged {when} only.", fee.what));
        }
    }
    if cert.renewal.cycle_years.is_none() && charged(cert, Charged::Cycle).next().is_some() {
        notes.push("Fees charged each cycle are left out: the cycle is unknown.".to_string());
    }
    notes
}

fn charged(cert: &Certification, how: Charged) -> impl Iterator<Item = &crate::model::OtherFee> {
    cert.other_fees
        .iter()
        .filter(move |f| f.charged == Some(how))
}

/// Whether a fee is in force in year `year` of the span, judged on the year's first day.
fn in_force(window: crate::model::Window, terms: &Terms, year: u32) -> bool {
    let span = jiff::Span::new().years(i64::from(year.saturating_sub(1)));
    match terms.today.checked_add(span) {
        Ok(day) => window.on(crate::clock::data_day(day)) == InForce::Yes,
        // Beyond the calendar hi reads: a window that ends is over, one that only starts is on.
        Err(_) => window.until.is_none(),
    }
}

/// The dues of one issuer over the span: each year's for a member; for one joining, the first
/// year's (and a joining fee) in year 1, then each year's; nothing for a non-member.
fn dues_items(
    org: Option<&Organization>,
    tier: Tier,
    years: u32,
    dues: &str,
    joining: &str,
) -> Vec<Item> {
    let membership = org.and_then(|o| o.membership.as_ref());
    let annual = membership.map(|m| m.annual_dues_usd.get());
    let mut items: Vec<Item> = match tier {
        Tier::NonMember => return Vec::new(),
        Tier::Member => (1..=years).map(|y| Item::new(y, dues, annual)).collect(),
        Tier::Joining => {
            let first = membership
                .and_then(|m| m.first_year_dues_usd)
                .map(u32::from)
                .or(annual);
            let mut items = vec![Item::new(1, dues, first)];
            items.extend((2..=years).map(|y| Item::new(y, dues, annual)));
            items
        }
    };
    if tier == Tier::Joining
        && let Some(fee) = membership.and_then(|m| m.joining_fee_usd)
    {
        items.push(Item::new(1, joining, Some(fee.get())));
    }
    items
}

/// The first year by whose end a member (as the person would be one: joining, or already)
/// has paid no more, dues included, than a non-member.
fn pays_off(cert: &Certification, catalog: &Catalog, terms: &Terms, tier: Tier) -> Option<u32> {
    let as_member = match tier {
        Tier::NonMember => Tier::Joining,
        tier => tier,
    };
    let member = items(cert, catalog, terms, as_member);
    let non_member = items(cert, catalog, terms, Tier::NonMember);
    if member
        .iter()
        .chain(&non_member)
        .any(|i| i.amount_usd.is_none())
    {
        return None;
    }
    let upto = |items: &[Item], year: u32| -> u32 {
        items
            .iter()
            .filter(|i| i.year <= year)
            .filter_map(|i| i.amount_usd)
            .sum()
    };
    (1..=terms.years).find(|&year| upto(&member, year) <= upto(&non_member, year))
}

/// One payment, or one cycle's CE, of holding several credentials together.
#[derive(Debug, Clone, Serialize)]
pub struct TogetherItem {
    pub year: u32,
    /// Null when the data does not have it.
    pub usd: Option<u32>,
    /// "RHIA exam", "AHIMA renewal: RHIA + CHDA", "AHIMA membership dues".
    pub what: String,
    /// The CE the cycle ending here required, in `ce_unit`.
    pub ce_hours: Option<Hours>,
    /// What the issuer counts CE in.
    pub ce_unit: Option<CeUnit>,
}

/// What holding several credentials at once costs, with each issuer's rule for renewing them
/// in one cycle applied.
#[derive(Debug, Clone, Serialize)]
pub struct Together {
    pub ids: Vec<String>,
    pub years: u32,
    pub member: bool,
    pub items: Vec<TogetherItem>,
    pub total_usd: u64,
    /// True when some piece is unknown, so the real total is at least `total_usd`.
    pub lower_bound: bool,
    pub unknown: Vec<String>,
    pub notes: Vec<String>,
}

/// The cost of holding `certs` together on `terms`, all earned in year 1. Credentials of an
/// issuer with a combined renewal rule renew in one cycle: the fee of one credential plus the
/// rule's amount for each further one, and the CE hours of the most demanding one plus the
/// rule's hours for each further one, up to its cap; a credential another one replaces is not
/// renewed at all. Other credentials renew each on its own. Each credential's other recurring
/// fees are its own; membership dues are paid once a year per issuer.
pub fn together(certs: &[&Certification], catalog: &Catalog, terms: &Terms) -> Together {
    let mut items: Vec<TogetherItem> = Vec::new();
    for cert in certs {
        let member = terms.tier(&cert.issuer).member();
        let own = exam_items(cert, terms, member)
            .into_iter()
            .chain(recurring_items(cert, terms, member));
        items.extend(own.map(|item| TogetherItem {
            year: item.year,
            usd: item.amount_usd,
            what: format!("{} {}", cert.name, item.what),
            ce_hours: None,
            ce_unit: None,
        }));
    }
    let (groups, replaced) = renewals(certs, catalog, |issuer| terms.tier(issuer).member());
    let mut notes: Vec<String> = replaced
        .iter()
        .map(|r| {
            format!(
                "{} is not renewed on its own: {} counts the {} held in its place.",
                r.cert.name,
                catalog.name_of(Kind::Organization, &r.cert.issuer),
                r.by.name
            )
        })
        .collect();
    for note in certs.iter().filter_map(|c| fee_conflict(c, catalog)) {
        // Credentials of one issuer share its fee observations: one note says it for all.
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    for group in &groups {
        notes.extend(group.notes.iter().map(|n| format!("{n}.")));
        let names: Vec<&str> = group.certs.iter().map(|c| c.name.as_str()).collect();
        let what = match group.combined {
            true => format!(
                "{} renewal: {}",
                catalog.name_of(Kind::Organization, group.issuer),
                names.join(" + ")
            ),
            false => format!("{} renewal", names.join(" + ")),
        };
        let due = group
            .cycle_years
            .map_or(Vec::new(), |cycle| renewal_years(cycle, terms.years));
        items.extend(due.into_iter().map(|year| TogetherItem {
            year,
            usd: group.fee_usd,
            what: what.clone(),
            ce_hours: group.ce_hours,
            ce_unit: group.certs.first().and_then(|c| c.renewal.ce_unit),
        }));
    }
    items.extend(dues(certs, catalog, terms));
    items.sort_by_key(|i| i.year);
    let mut unknown: Vec<String> = Vec::new();
    for item in items.iter().filter(|i| i.usd.is_none()) {
        // "RHIA exam" in year 1 and "AHIMA renewal: ..." each year: each piece named once.
        if !unknown.contains(&item.what) {
            unknown.push(item.what.clone());
        }
    }
    for c in certs.iter().filter(|c| c.renewal.cycle_years.is_none()) {
        unknown.push(format!("{}'s renewal cycle", c.name));
    }
    Together {
        ids: certs.iter().map(|c| c.id.clone()).collect(),
        years: terms.years,
        member: certs.iter().any(|c| terms.tier(&c.issuer).member()),
        total_usd: items.iter().filter_map(|i| i.usd).map(u64::from).sum(),
        lower_bound: !unknown.is_empty(),
        items,
        unknown,
        notes,
    }
}

/// When sources disagree on a credential's recertification fee, which one a total uses (the
/// newest dated, by the data's rule) and what the others give: a total must not look settled.
fn fee_conflict(cert: &Certification, catalog: &Catalog) -> Option<String> {
    let history = &cert.renewal.fee_history;
    let used = load::current(history, |f| f.as_of)?;
    let dated = |f: &Fees| f.as_of.map_or("undated".to_string(), |d| d.to_string());
    let others: Vec<String> = history
        .iter()
        .filter(|other| show::conflict(other, used))
        .map(|other| format!("{} ({})", show::amounts(other), dated(other)))
        .collect();
    if others.is_empty() {
        return None;
    }
    Some(format!(
        "{}'s recertification fee here is the newest dated observation, {} ({}); other sources \
         give {}.",
        catalog.name_of(Kind::Organization, &cert.issuer),
        show::amounts(used),
        dated(used),
        others.join("; ")
    ))
}

/// Membership dues, once a year for each issuer of `certs` the person pays member prices to.
fn dues(certs: &[&Certification], catalog: &Catalog, terms: &Terms) -> Vec<TogetherItem> {
    let mut issuers: Vec<&str> = certs.iter().map(|c| c.issuer.as_str()).collect();
    issuers.sort_unstable();
    issuers.dedup();
    let mut items = Vec::new();
    for issuer in issuers {
        let org = catalog.get::<Organization>(issuer).ok();
        let name = catalog.name_of(Kind::Organization, issuer);
        let (dues, joining) = (
            format!("{name} membership dues"),
            format!("{name} joining fee"),
        );
        let tier = terms.tier(issuer);
        items.extend(
            dues_items(org, tier, terms.years, &dues, &joining)
                .into_iter()
                .map(|item| TogetherItem {
                    year: item.year,
                    usd: item.amount_usd,
                    what: item.what,
                    ce_hours: None,
                    ce_unit: None,
                }),
        );
    }
    items
}

/// The years, from 1, in which a credential renewed every `cycle` years pays within a span of
/// `years`; a renewal due when the span ends buys the time after it and is not counted.
fn renewal_years(cycle: u32, years: u32) -> Vec<u32> {
    (1..)
        .map_while(|k: u32| cycle.checked_mul(k))
        .take_while(|due| *due < years)
        .map(|due| due + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Data, Organization};

    /// A certification of issuer `o` with `fees` (TOML of one fee observation, or empty) and
    /// `renewal` (the TOML of its renewal table, after its date and source).
    fn cert(fees: &str, renewal: &str) -> Certification {
        let fee_history = match fees {
            "" => "fee_history = []\n".to_string(),
            fees => format!("[[fee_history]]\n{fees}\nas_of = \"2026\"\nsource = \"s\"\n"),
        };
        toml::from_str(&format!(
            "id = \"x\"\nname = \"X\"\nfull_name = \"X\"\nissuer = \"o\"\nlevel = \"entry\"\n\
             description = \"\"\neligibility = []\nexam_history = []\nsources = []\n\
             {fee_history}[renewal]\nas_of = \"2026\"\nsource = \"s\"\n{renewal}\n"
        ))
        .map(|mut c: Certification| {
            c.fees = c.fee_history.last().cloned();
            c
        })
        .unwrap()
    }

    fn catalog(dues: Option<u32>) -> Catalog {
        let membership = dues.map_or(String::new(), |d| {
            format!("membership = {{ annual_dues_usd = {d}, as_of = \"2026\", source = \"s\" }}\n")
        });
        let org: Organization = toml::from_str(&format!(
            "id = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"\"\nurl = \"\"\n\
             sources = []\n{membership}"
        ))
        .unwrap();
        Catalog::parsed(Data {
            organizations: vec![org],
            ..Data::default()
        })
    }

    /// Terms of `years` years from 2026-11-27, at member prices (by joining) or not.
    fn terms(years: u32, member: bool) -> Terms {
        Terms {
            years,
            today: jiff::civil::date(2026, 11, 27),
            member: Some(member),
            memberships: Vec::new(),
            with_retake: false,
        }
    }

    fn years_of(cost: &Cost, what: &str) -> Vec<u32> {
        cost.items
            .iter()
            .filter(|i| i.what == what)
            .map(|i| i.year)
            .collect()
    }

    #[test]
    fn renewal_years_stop_before_the_span_ends() {
        assert_eq!(renewal_years(2, 6), [3, 5]);
        assert_eq!(renewal_years(2, 7), [3, 5, 7]);
        assert_eq!(renewal_years(3, 3), Vec::<u32>::new());
        assert_eq!(renewal_years(u32::MAX, 100), Vec::<u32>::new());
    }

    /// An AHIMA-like catalog: three credentials of issuer `o`, whose rule adds $50 and 10 CE
    /// hours per further credential up to 50, and lets `rhia` replace `rhit`.
    fn combined() -> (Catalog, Vec<Certification>) {
        let org: Organization = toml::from_str(
            "id = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"\"\nurl = \"\"\n\
             sources = []\nmembership = { annual_dues_usd = 40, source = \"s\" }\n\
             [combined_renewal]\nextra_credential_fee_usd = 50\nextra_credential_ce_hours = 10\n\
             max_ce_hours = 50\nsource = \"s\"\n\
             replacements = [{ credential = \"rhia\", replaces = \"rhit\", source = \"s\" }]\n",
        )
        .unwrap();
        let named = |id: &str, ce: u32, fee: u32| {
            let mut c = cert(
                "non_member_usd = 299\nmember_usd = 229",
                &format!(
                    "cycle_years = 2\nce_hours = {ce}\nfee_non_member_usd = {fee}\nfee_member_usd = 100"
                ),
            );
            (c.id, c.name) = (id.to_string(), id.to_uppercase());
            c
        };
        let certs = vec![
            named("rhia", 30, 218),
            named("chda", 30, 218),
            named("rhit", 20, 218),
            named("cdip", 30, 218),
        ];
        let catalog = Catalog::parsed(Data {
            organizations: vec![org],
            ..Data::default()
        });
        (catalog, certs)
    }

    fn renewals(t: &Together) -> Vec<(u32, Option<u32>, String, Option<u32>)> {
        t.items
            .iter()
            .filter(|i| i.what.contains("renewal"))
            .map(|i| (i.year, i.usd, i.what.clone(), i.ce_hours.map(|h| h.0 / 100)))
            .collect()
    }

    #[test]
    fn credentials_of_one_issuer_renew_in_one_cycle_with_its_increments() {
        let (catalog, certs) = combined();
        let t = together(&[&certs[0], &certs[1]], &catalog, &terms(4, false));
        assert_eq!(
            renewals(&t),
            [(3, Some(268), "O renewal: RHIA + CHDA".to_string(), Some(40))]
        );
        assert_eq!(t.total_usd, 299 + 299 + 268);
        assert!(!t.lower_bound);
        // Three of 30 hours: 30 + 10 + 10, within the cap; four would be capped at 50.
        let t = together(
            &[&certs[0], &certs[1], &certs[3]],
            &catalog,
            &terms(3, false),
        );
        assert_eq!(renewals(&t)[0].3, Some(50));
        assert_eq!(renewals(&t)[0].1, Some(318));
    }

    #[test]
    fn a_replaced_credential_is_not_renewed_and_dues_are_paid_once_per_issuer() {
        let (catalog, certs) = combined();
        let t = together(&[&certs[0], &certs[2]], &catalog, &terms(4, true));
        assert_eq!(
            renewals(&t),
            [(3, Some(100), "RHIA renewal".to_string(), Some(30))]
        );
        assert!(
            t.notes
                .iter()
                .any(|n| n.contains("RHIT is not renewed on its own"))
        );
        let dues: Vec<u32> = t
            .items
            .iter()
            .filter(|i| i.what.ends_with("dues"))
            .map(|i| i.year)
            .collect();
        assert_eq!(dues, [1, 2, 3, 4]);
        assert_eq!(t.total_usd, 229 + 229 + 100 + 4 * 40);
    }

    #[test]
    fn renewals_fall_inside_the_span_and_one_due_at_its_end_is_not_counted() {
        let c = cert(
            "non_member_usd = 300",
            "cycle_years = 2\nfee_non_member_usd = 100",
        );
        let catalog = catalog(None);
        let cases = [
            (1, vec![]),
            (2, vec![]),
            (3, vec![3]),
            (6, vec![3, 5]),
            (7, vec![3, 5, 7]),
        ];
        for (years, renewals) in cases {
            let cost = cost(&c, &catalog, &terms(years, false));
            assert_eq!(years_of(&cost, "renewal"), renewals, "{years} years");
            assert_eq!(years_of(&cost, "exam"), [1]);
            assert_eq!(cost.total_usd, 300 + 100 * renewals.len() as u32);
            assert!(!cost.lower_bound);
        }
    }

    #[test]
    fn members_pay_member_prices_and_dues_every_year() {
        let c = cert(
            "member_usd = 200\nnon_member_usd = 300",
            "cycle_years = 2\nfee_member_usd = 50\nfee_non_member_usd = 100",
        );
        let catalog = catalog(Some(40));
        let member = cost(&c, &catalog, &terms(4, true));
        assert_eq!(years_of(&member, "membership dues"), [1, 2, 3, 4]);
        assert_eq!(member.total_usd, 200 + 50 + 4 * 40);
        let non_member = cost(&c, &catalog, &terms(4, false));
        assert_eq!(non_member.total_usd, 300 + 100);
        assert!(years_of(&non_member, "membership dues").is_empty());
    }

    #[test]
    fn membership_pays_off_in_the_first_year_it_has_cost_no_more() {
        let c = cert(
            "member_usd = 200\nnon_member_usd = 300",
            "cycle_years = 1\nfee_member_usd = 50\nfee_non_member_usd = 100",
        );
        // Year 1: 200 + 40 against 300; paid off at once.
        assert_eq!(
            cost(&c, &catalog(Some(40)), &terms(3, true)).membership_pays_off_year,
            Some(1)
        );
        // Dues of 150: 350 against 300, then 550 against 400, 750 against 500: never.
        assert_eq!(
            cost(&c, &catalog(Some(150)), &terms(3, true)).membership_pays_off_year,
            None
        );
        // Dues of 120: 320 against 300, then 490 against 400: never within 2 years...
        assert_eq!(
            cost(&c, &catalog(Some(120)), &terms(2, true)).membership_pays_off_year,
            None
        );
        // ...and dues of 60: 260 against 300 in year 1.
        assert_eq!(
            cost(&c, &catalog(Some(60)), &terms(2, true)).membership_pays_off_year,
            Some(1)
        );
        // No dues in the data: unknown, and said so.
        let unknown = cost(&c, &catalog(None), &terms(3, true));
        assert_eq!(unknown.membership_pays_off_year, None);
        assert!(
            unknown
                .notes
                .iter()
                .any(|n| n.contains("membership dues are not in the data"))
        );
    }

    #[test]
    fn an_unknown_piece_makes_the_total_a_named_lower_bound() {
        let catalog = catalog(None);
        let c = cert("non_member_usd = 300", "cycle_years = 2");
        let cost_ = cost(&c, &catalog, &terms(5, false));
        assert_eq!(cost_.total_usd, 300);
        assert!(cost_.lower_bound);
        assert_eq!(cost_.unknown, ["the recertification fee"]);
        let no_fees = cert("", "cycle_years = 2\nfee_non_member_usd = 100");
        let cost_ = cost(&no_fees, &catalog, &terms(3, false));
        assert_eq!(cost_.unknown, ["the exam fee"]);
        assert_eq!(cost_.total_usd, 100);
        let no_cycle = cert("non_member_usd = 300", "");
        let cost_ = cost(&no_cycle, &catalog, &terms(5, false));
        assert_eq!(cost_.unknown, ["the renewal cycle"]);
        assert!(cost_.lower_bound);
        let member = cost(
            &cert("non_member_usd = 300", "cycle_years = 9"),
            &catalog,
            &terms(2, true),
        );
        assert_eq!(
            member.unknown,
            ["the member exam fee", "the membership dues"]
        );
    }

    /// `c` with other fees, each the TOML of one `[[other_fees]]` entry after its source.
    fn with_fees(mut c: Certification, fees: &[&str]) -> Certification {
        c.other_fees = fees
            .iter()
            .map(|fee| toml::from_str(&format!("what = \"fee\"\nsource = \"s\"\n{fee}")).unwrap())
            .collect();
        c
    }

    #[test]
    fn a_yearly_fee_falls_in_every_year_held_unless_the_first_is_covered() {
        let c = cert(
            "non_member_usd = 415",
            "cycle_years = 2\nfee_non_member_usd = 0",
        );
        let catalog = catalog(None);
        let yearly = with_fees(
            c.clone(),
            &["member_usd = 25\nnon_member_usd = 105\ncharged = \"yearly\""],
        );
        let six = cost(&yearly, &catalog, &terms(6, false));
        assert_eq!(years_of(&six, "fee"), [1, 2, 3, 4, 5, 6]);
        // A source saying there is no fee per cycle makes the renewals a known $0.
        assert_eq!(years_of(&six, "renewal"), [3, 5]);
        assert_eq!((six.total_usd, six.lower_bound), (415 + 6 * 105, false));
        let covered = with_fees(
            c,
            &["usd = 70\ncharged = \"yearly\"\nfirst_year_covered = true"],
        );
        assert_eq!(
            years_of(&cost(&covered, &catalog, &terms(6, false)), "fee"),
            [2, 3, 4, 5, 6]
        );
    }

    #[test]
    fn a_cycle_fee_falls_with_each_renewal_and_a_retake_only_when_asked() {
        let c = with_fees(
            cert(
                "non_member_usd = 300",
                "cycle_years = 3\nfee_non_member_usd = 0",
            ),
            &[
                "usd = 250\ncharged = \"cycle\"",
                "usd = 150\ncharged = \"retake\"",
                "usd = 20",
            ],
        );
        let catalog = catalog(None);
        let plain = cost(&c, &catalog, &terms(7, false));
        assert_eq!(years_of(&plain, "fee"), [4, 7]);
        assert!(years_of(&plain, "retake").is_empty());
        assert!(plain.notes.iter().any(|n| n.contains("--with-retake")));
        assert!(plain.notes.iter().any(|n| n.starts_with("Not counted")));
        let retake = cost(
            &c,
            &catalog,
            &Terms {
                with_retake: true,
                ..terms(7, false)
            },
        );
        assert_eq!(years_of(&retake, "retake"), [1]);
        assert_eq!(retake.total_usd, plain.total_usd + 150);
        // No retake fee in the data: the retake is an unknown piece, not a free one.
        let unknown = cost(
            &cert("non_member_usd = 300", "cycle_years = 3"),
            &catalog,
            &Terms {
                with_retake: true,
                ..terms(2, false)
            },
        );
        assert_eq!(unknown.unknown, ["the retake fee"]);
    }

    #[test]
    fn a_fee_is_charged_only_in_the_years_of_its_window() {
        // Year 1 starts on 2026-11-27, before the window; years 2 and 3 start on 2027-11-27 and
        // 2028-11-27, inside it; year 4 after it ends.
        let c = with_fees(
            cert("non_member_usd = 300", "cycle_years = 9"),
            &["usd = 10\ncharged = \"yearly\"\nfrom = \"2027-06\"\nuntil = \"2028\""],
        );
        let cost = cost(&c, &catalog(None), &terms(4, false));
        assert_eq!(years_of(&cost, "fee"), [2, 3]);
        assert!(
            cost.notes
                .iter()
                .any(|n| n == "The fee is charged from 2027-06 until 2028 only.")
        );
    }

    #[test]
    fn joining_pays_the_first_year_and_the_joining_fee_a_member_the_yearly_dues() {
        let c = cert(
            "member_usd = 405\nnon_member_usd = 555",
            "cycle_years = 3\nfee_non_member_usd = 150",
        );
        let org: Organization = toml::from_str(
            "id = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"\"\nurl = \"\"\n\
             sources = []\nmembership = { annual_dues_usd = 119, first_year_dues_usd = 129, \
             joining_fee_usd = 10, source = \"s\" }\n",
        )
        .unwrap();
        let catalog = Catalog::parsed(Data {
            organizations: vec![org],
            ..Data::default()
        });
        let joining = cost(&c, &catalog, &terms(6, true));
        assert_eq!(joining.membership, Tier::Joining);
        // 405 + (129 + 10) + 5 × 119; the member renewal fee is unknown.
        assert_eq!(joining.total_usd, 1139);
        assert!(joining.lower_bound);
        assert_eq!(joining.unknown, ["the member recertification fee"]);
        let held = Terms {
            member: None,
            memberships: vec!["o".to_string()],
            ..terms(6, false)
        };
        let member = cost(&c, &catalog, &held);
        assert_eq!(member.membership, Tier::Member);
        assert_eq!(member.total_usd, 405 + 6 * 119);
        // --non-member wins over the profile.
        let flag = Terms {
            member: Some(false),
            ..held
        };
        assert_eq!(cost(&c, &catalog, &flag).membership, Tier::NonMember);
    }
}
