//! Whether a person may sit an exam: a profile checked against each eligibility route.
//! The rules are the routes in `data/certifications.toml`; nothing here knows a credential.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Certification, Education, Field, Route};

/// What `hi eligible` and `hi plan` know of a person.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub education: Option<Education>,
    pub field: Option<Field>,
    /// The degree is from a CAHIIM-accredited health information management program.
    pub cahiim: bool,
    pub experience_years: u32,
    pub healthcare_years: u32,
    pub ce_hours: u32,
    pub credentials: Vec<String>,
    pub rn: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    /// A route's conditions hi can check are met, but one it cannot check remains; or the
    /// certification's rules are not in the data at all.
    Unknown,
    NotEligible,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Unknown => "unknown",
            Status::NotEligible => "not eligible",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// The route that makes the person eligible, or the closest one.
    pub route: Option<String>,
    /// What the person lacks for that route; for `unknown`, what hi could not check.
    pub missing: Vec<String>,
}

/// The verdict for one certification.
pub fn evaluate(cert: &Certification, profile: &Profile, catalog: &Catalog) -> Verdict {
    let verdict = |status, route: Option<&Route>, missing| Verdict {
        id: cert.id.clone(),
        name: cert.name.clone(),
        status,
        route: route.map(|r| r.label.clone()),
        missing,
    };
    if cert.eligibility.is_empty() {
        return verdict(
            Status::Unknown,
            None,
            vec!["the eligibility rules are not in the data".to_string()],
        );
    }
    let checked: Vec<(&Route, Lack)> = cert
        .eligibility
        .iter()
        .map(|route| (route, lacking(route, profile, catalog)))
        .collect();
    if let Some((route, _)) = checked
        .iter()
        .find(|(r, lack)| lack.items.is_empty() && r.other.is_none())
    {
        return verdict(Status::Eligible, Some(route), Vec::new());
    }
    if let Some((route, _)) = checked.iter().find(|(_, lack)| lack.items.is_empty()) {
        let other = route.other.clone().unwrap_or_default();
        return verdict(
            Status::Unknown,
            Some(route),
            vec![format!("to confirm: {other}")],
        );
    }
    // The closest route: fewest things to obtain (a degree, a credential, a condition hi cannot
    // check), then fewest years to wait, then fewest CE hours; the first written wins a tie.
    let (route, lack) = checked
        .into_iter()
        .min_by_key(|(r, lack)| {
            (
                lack.things + usize::from(r.other.is_some()),
                lack.years,
                lack.ce_hours,
            )
        })
        .expect("routes is not empty");
    let mut missing = lack.items;
    if let Some(other) = &route.other {
        missing.push(format!("also: {other}"));
    }
    verdict(Status::NotEligible, Some(route), missing)
}

/// What a profile lacks for one route.
struct Lack {
    /// Each missing condition as a short phrase; empty when every condition hi can check is met.
    items: Vec<String>,
    /// How many of them are things to obtain: a degree, a credential, a licence.
    things: usize,
    /// More years of experience needed (healthcare years are part of them).
    years: u32,
    ce_hours: u32,
}

fn lacking(route: &Route, profile: &Profile, catalog: &Catalog) -> Lack {
    let mut missing = Vec::new();
    if let Some(level) = route.education {
        let level_ok = profile.education.is_some_and(|have| have >= level);
        let field_ok = route.fields.is_empty()
            || profile.field.is_some_and(|f| route.fields.contains(&f))
            || (profile.cahiim && route.fields.contains(&Field::Him));
        let accreditation_ok = !route.cahiim || profile.cahiim;
        if !(level_ok && field_ok && accreditation_ok) {
            missing.push(degree_phrase(route, level));
        }
    }
    if let Some(years) = route.experience_years
        && profile.experience_years < years
    {
        missing.push(more(
            years - profile.experience_years,
            "year",
            "of experience",
        ));
    }
    if let Some(years) = route.healthcare_years
        && profile.healthcare_years < years
    {
        missing.push(more(
            years - profile.healthcare_years,
            "year",
            "of healthcare experience",
        ));
    }
    if let Some(hours) = route.ce_hours
        && profile.ce_hours < hours
    {
        missing.push(more(hours - profile.ce_hours, "CE hour", "in the field"));
    }
    if !route.credentials.is_empty()
        && !route
            .credentials
            .iter()
            .any(|c| profile.credentials.contains(c))
    {
        let names: Vec<String> = route
            .credentials
            .iter()
            .map(|c| catalog.name_of(crate::model::Kind::Certification, c))
            .collect();
        missing.push(format!("one of these credentials: {}", names.join(", ")));
    }
    if route.rn && !profile.rn {
        missing.push("an active RN licence".to_string());
    }
    if let Some(qualification) = &route.qualification {
        missing.push(qualification.clone());
    }
    // The phrases for years and CE hours are the ones that only take time.
    let short = |need: Option<u32>, have: u32| need.unwrap_or(0).saturating_sub(have);
    let experience = short(route.experience_years, profile.experience_years);
    let healthcare = short(route.healthcare_years, profile.healthcare_years);
    let ce_hours = short(route.ce_hours, profile.ce_hours);
    let timed = [experience, healthcare, ce_hours]
        .iter()
        .filter(|n| **n > 0)
        .count();
    Lack {
        things: missing.len().saturating_sub(timed),
        items: missing,
        years: experience.max(healthcare),
        ce_hours,
    }
}

/// "a CAHIIM-accredited associate program in health information management", and the like.
fn degree_phrase(route: &Route, level: Education) -> String {
    let level = match level {
        Education::None => "no formal education",
        Education::HighSchool => "high-school diploma",
        Education::Associate => "associate",
        Education::Bachelor => "bachelor's",
        Education::Master => "master's",
        Education::Doctorate => "doctoral",
    };
    let fields: Vec<&str> = route.fields.iter().map(|f| field_label(*f)).collect();
    let in_fields = if fields.is_empty() {
        String::new()
    } else {
        format!(" in {}", fields.join(" or "))
    };
    match (route.cahiim, route.education) {
        (true, _) => format!("a CAHIIM-accredited {level} program{in_fields}"),
        (false, Some(Education::HighSchool)) => "a high-school diploma or equivalent".to_string(),
        (false, _) => format!("a {level} degree{in_fields} or higher"),
    }
}

fn field_label(field: Field) -> &'static str {
    match field {
        Field::Him => "health information management",
        Field::Informatics => "health informatics",
        Field::It => "information technology",
        Field::Nursing => "nursing",
        Field::Other => "another field",
    }
}

/// "1 more year of experience", "3 more CE hours in the field".
fn more(count: u32, unit: &str, rest: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more {unit}{plural} {rest}")
}
