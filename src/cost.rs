//! What holding a credential for N years costs: the exam, each renewal that falls inside the
//! span, and membership dues where the data has them. Money is whole dollars in integers; an
//! unknown piece makes the total a lower bound and is named, never guessed.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Certification, Fees, Kind, Organization};
use crate::renewal::renewals;
use crate::units::Hours;
use crate::{load, show};

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// 1 is the year of the exam; a renewal due `k` cycles after the pass date falls in year
    /// `k * cycle_years + 1`.
    pub year: u32,
    /// "exam", "renewal" or "membership dues"
    pub what: &'static str,
    /// Null when the data does not have it.
    pub amount_usd: Option<u32>,
    /// The CE hours the cycle ending here required.
    pub ce_hours: Option<Hours>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cost {
    pub id: String,
    pub name: String,
    pub years: u32,
    pub member: bool,
    pub items: Vec<Item>,
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

/// The cost of holding `cert` for `years` years, as a member of its issuer or not.
pub fn cost(cert: &Certification, catalog: &Catalog, years: u32, member: bool) -> Cost {
    let items = items(cert, catalog, years, member);
    let mut unknown: Vec<String> = Vec::new();
    for item in items.iter().filter(|i| i.amount_usd.is_none()) {
        let piece = match (item.what, member) {
            ("exam", true) => "the member exam fee",
            ("exam", false) => "the exam fee",
            ("renewal", true) => "the member recertification fee",
            ("renewal", false) => "the recertification fee",
            _ => "the membership dues",
        };
        if !unknown.iter().any(|u| u == piece) {
            unknown.push(piece.to_string());
        }
    }
    if cert.renewal.cycle_years.is_none() && years > 0 {
        unknown.push("the renewal cycle".to_string());
    }
    let mut notes: Vec<String> = fee_conflict(cert, catalog).into_iter().collect();
    let issuer = catalog.organizations().iter().find(|o| o.id == cert.issuer);
    if issuer.is_some_and(|o| o.combined_renewal.is_some()) {
        notes.push(format!(
            "{} renews several of its credentials in one cycle: `hi cost ID... --together` \
             prices holding them at once.",
            catalog.name_of(Kind::Organization, &cert.issuer)
        ));
    }
    let membership_pays_off_year = match issuer.and_then(|o| o.membership.as_ref()) {
        Some(_) => pays_off(cert, catalog, years),
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
        years,
        member,
        total_usd: items.iter().filter_map(|i| i.amount_usd).sum(),
        lower_bound: !unknown.is_empty(),
        items,
        unknown,
        membership_pays_off_year,
        notes,
    }
}

fn items(cert: &Certification, catalog: &Catalog, years: u32, member: bool) -> Vec<Item> {
    let mut items = Vec::new();
    if years == 0 {
        return items;
    }
    items.push(Item {
        year: 1,
        what: "exam",
        amount_usd: cert.fees.as_ref().and_then(|f| f.price(member)),
        ce_hours: None,
    });
    let renewal = &cert.renewal;
    if let Some(cycle) = renewal.cycle_years.map(u32::from) {
        for year in renewal_years(cycle, years) {
            items.push(Item {
                year,
                what: "renewal",
                amount_usd: renewal.fee(member),
                ce_hours: renewal.ce_hours.map(|h| Hours::whole(h.get())),
            });
        }
    }
    if member {
        let dues = catalog
            .organizations()
            .iter()
            .find(|o| o.id == cert.issuer)
            .and_then(|o| o.membership.as_ref())
            .map(|m| m.annual_dues_usd.get());
        for year in 1..=years {
            items.push(Item {
                year,
                what: "membership dues",
                amount_usd: dues,
                ce_hours: None,
            });
        }
    }
    items.sort_by_key(|i| i.year);
    items
}

/// The first year by whose end a member has paid no more, dues included, than a non-member.
fn pays_off(cert: &Certification, catalog: &Catalog, years: u32) -> Option<u32> {
    let member = items(cert, catalog, years, true);
    let non_member = items(cert, catalog, years, false);
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
    (1..=years).find(|&year| upto(&member, year) <= upto(&non_member, year))
}

/// One payment, or one cycle's CE, of holding several credentials together.
#[derive(Debug, Clone, Serialize)]
pub struct TogetherItem {
    pub year: u32,
    /// Null when the data does not have it.
    pub usd: Option<u32>,
    /// "RHIA exam", "AHIMA renewal: RHIA + CHDA", "AHIMA membership dues".
    pub what: String,
    /// The CE hours the cycle ending here required.
    pub ce_hours: Option<Hours>,
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

/// The cost of holding `certs` together for `years` years, all earned in year 1. Credentials
/// of an issuer with a combined renewal rule renew in one cycle: the fee of one credential plus
/// the rule's amount for each further one, and the CE hours of the most demanding one plus
/// the rule's hours for each further one, up to its cap; a credential another one replaces is
/// not renewed at all. Other credentials renew each on its own. Membership dues, with
/// `member`, are paid once a year per issuer.
pub fn together(certs: &[&Certification], catalog: &Catalog, years: u32, member: bool) -> Together {
    let mut items: Vec<TogetherItem> = certs
        .iter()
        .map(|cert| TogetherItem {
            year: 1,
            usd: cert.fees.as_ref().and_then(|f| f.price(member)),
            what: format!("{} exam", cert.name),
            ce_hours: None,
        })
        .collect();
    let (groups, replaced) = renewals(certs, catalog, |_| member);
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
            .map_or(Vec::new(), |cycle| renewal_years(cycle, years));
        items.extend(due.into_iter().map(|year| TogetherItem {
            year,
            usd: group.fee_usd,
            what: what.clone(),
            ce_hours: group.ce_hours,
        }));
    }
    if member {
        items.extend(dues(certs, catalog, years));
    }
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
        years,
        member,
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

/// Membership dues, once a year for each issuer of `certs`.
fn dues(certs: &[&Certification], catalog: &Catalog, years: u32) -> Vec<TogetherItem> {
    let mut issuers: Vec<&str> = certs.iter().map(|c| c.issuer.as_str()).collect();
    issuers.sort_unstable();
    issuers.dedup();
    let mut items = Vec::new();
    for issuer in issuers {
        let org = catalog.get::<Organization>(issuer).ok();
        let dues = org
            .and_then(|o| o.membership.as_ref())
            .map(|m| m.annual_dues_usd.get());
        let what = format!(
            "{} membership dues",
            catalog.name_of(Kind::Organization, issuer)
        );
        items.extend((1..=years).map(|year| TogetherItem {
            year,
            usd: dues,
            what: what.clone(),
            ce_hours: None,
        }));
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
        let t = together(&[&certs[0], &certs[1]], &catalog, 4, false);
        assert_eq!(
            renewals(&t),
            [(3, Some(268), "O renewal: RHIA + CHDA".to_string(), Some(40))]
        );
        assert_eq!(t.total_usd, 299 + 299 + 268);
        assert!(!t.lower_bound);
        // Three of 30 hours: 30 + 10 + 10, within the cap; four would be capped at 50.
        let t = together(&[&certs[0], &certs[1], &certs[3]], &catalog, 3, false);
        assert_eq!(renewals(&t)[0].3, Some(50));
        assert_eq!(renewals(&t)[0].1, Some(318));
    }

    #[test]
    fn a_replaced_credential_is_not_renewed_and_dues_are_paid_once_per_issuer() {
        let (catalog, certs) = combined();
        let t = together(&[&certs[0], &certs[2]], &catalog, 4, true);
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
            let cost = cost(&c, &catalog, years, false);
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
        let member = cost(&c, &catalog, 4, true);
        assert_eq!(years_of(&member, "membership dues"), [1, 2, 3, 4]);
        assert_eq!(member.total_usd, 200 + 50 + 4 * 40);
        let non_member = cost(&c, &catalog, 4, false);
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
            cost(&c, &catalog(Some(40)), 3, true).membership_pays_off_year,
            Some(1)
        );
        // Dues of 150: 350 against 300, then 550 against 400, 750 against 500: never.
        assert_eq!(
            cost(&c, &catalog(Some(150)), 3, true).membership_pays_off_year,
            None
        );
        // Dues of 120: 320 against 300, then 490 against 400: never within 2 years...
        assert_eq!(
            cost(&c, &catalog(Some(120)), 2, true).membership_pays_off_year,
            None
        );
        // ...and dues of 60: 260 against 300 in year 1.
        assert_eq!(
            cost(&c, &catalog(Some(60)), 2, true).membership_pays_off_year,
            Some(1)
        );
        // No dues in the data: unknown, and said so.
        let unknown = cost(&c, &catalog(None), 3, true);
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
        let cost_ = cost(&c, &catalog, 5, false);
        assert_eq!(cost_.total_usd, 300);
        assert!(cost_.lower_bound);
        assert_eq!(cost_.unknown, ["the recertification fee"]);
        let no_fees = cert("", "cycle_years = 2\nfee_non_member_usd = 100");
        let cost_ = cost(&no_fees, &catalog, 3, false);
        assert_eq!(cost_.unknown, ["the exam fee"]);
        assert_eq!(cost_.total_usd, 100);
        let no_cycle = cert("non_member_usd = 300", "");
        let cost_ = cost(&no_cycle, &catalog, 5, false);
        assert_eq!(cost_.unknown, ["the renewal cycle"]);
        assert!(cost_.lower_bound);
        let member = cost(
            &cert("non_member_usd = 300", "cycle_years = 9"),
            &catalog,
            2,
            true,
        );
        assert_eq!(
            member.unknown,
            ["the member exam fee", "the membership dues"]
        );
    }
}
