//! What holding a credential for N years costs: the exam, each renewal that falls inside the
//! span, and membership dues where the data has them. Money is whole dollars in integers; an
//! unknown piece makes the total a lower bound and is named, never guessed.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Certification, Kind};

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
    pub ce_hours: Option<u32>,
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
    let mut notes = Vec::new();
    let issuer = catalog.organizations().iter().find(|o| o.id == cert.issuer);
    if let Some(extra) = cert.renewal.extra_credential_fee_usd {
        notes.push(format!(
            "Holding several {} credentials, each further one adds ${extra} to a cycle's \
             recertification fee instead of a full fee.",
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
    let fees = cert.fees.as_ref();
    items.push(Item {
        year: 1,
        what: "exam",
        amount_usd: fees
            .and_then(|f| {
                if member {
                    f.member_usd
                } else {
                    f.non_member_usd
                }
            })
            .map(u32::from),
        ce_hours: None,
    });
    let renewal = &cert.renewal;
    if let Some(cycle) = renewal.cycle_years.map(u32::from) {
        // A renewal due exactly when the span ends buys the time after it: not counted.
        let mut due = cycle;
        while due < years {
            items.push(Item {
                year: due + 1,
                what: "renewal",
                amount_usd: if member {
                    renewal.fee_member_usd
                } else {
                    renewal.fee_non_member_usd
                }
                .map(u32::from),
                ce_hours: renewal.ce_hours.map(u32::from),
            });
            due += cycle;
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
