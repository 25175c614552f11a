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
        amount_usd: fees.and_then(|f| {
            if member {
                f.member_usd
            } else {
                f.non_member_usd
            }
        }),
        ce_hours: None,
    });
    let renewal = &cert.renewal;
    if let Some(cycle) = renewal.cycle_years.filter(|c| *c > 0) {
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
                },
                ce_hours: renewal.ce_hours,
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
            .map(|m| m.annual_dues_usd);
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
