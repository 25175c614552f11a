//! Whether a person may sit an exam: a profile checked against each eligibility route.
//! The rules are the routes in `data/certifications.toml`; nothing here knows a credential.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::facts::Facts;
use crate::model::{Certification, Education, Field, Kind, Route};

/// What `hi eligible` and `hi plan` know of a person: the facts given (the flags over the
/// profile) and the credentials held.
#[derive(Debug, Clone, Default)]
pub struct Person {
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

impl Person {
    /// The person `facts` describe, holding `credentials` (ids known to the catalog). A fact
    /// not given counts as none here; [`assumed`] says so to the person.
    pub fn new(facts: &Facts, credentials: Vec<String>) -> Person {
        Person {
            education: facts.education,
            field: facts.field,
            cahiim: facts.cahiim.unwrap_or(false),
            experience_years: facts.experience_years.unwrap_or(0),
            healthcare_years: facts.healthcare_years.unwrap_or(0),
            ce_hours: facts.ce_hours.unwrap_or(0),
            credentials,
            rn: facts.rn.unwrap_or(false),
        }
    }
}

/// What the verdicts assume because `facts` do not say it (a fact not given counts as none),
/// as a message for the person, if anything is assumed.
pub fn assumed(facts: &Facts) -> Option<String> {
    let mut assumed = Vec::new();
    if facts.education.is_none() {
        assumed.push("no degree");
    }
    if facts.experience_years.is_none() {
        assumed.push("no years of experience");
    }
    (!assumed.is_empty()).then(|| {
        format!(
            "not given, so assumed: {}; give them as flags (see --help) or once with \
             `hi profile set`",
            assumed.join(", ")
        )
    })
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
pub fn evaluate(cert: &Certification, profile: &Person, catalog: &Catalog) -> Verdict {
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

fn lacking(route: &Route, profile: &Person, catalog: &Catalog) -> Lack {
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
    let needs = |need: Option<crate::model::Years>| need.map_or(0, |n| n.get());
    let needs_hours = route.ce_hours.map_or(0, |n| n.get());
    if let Some(years) = route.experience_years.map(|y| y.get())
        && profile.experience_years < years
    {
        missing.push(more(
            years - profile.experience_years,
            "year",
            "of experience",
        ));
    }
    if let Some(years) = route.healthcare_years.map(|y| y.get())
        && profile.healthcare_years < years
    {
        missing.push(more(
            years - profile.healthcare_years,
            "year",
            "of healthcare experience",
        ));
    }
    if let Some(hours) = route.ce_hours.map(|h| h.get())
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
            .map(|c| catalog.name_of(Kind::Certification, c))
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
    let experience = needs(route.experience_years).saturating_sub(profile.experience_years);
    let healthcare = needs(route.healthcare_years).saturating_sub(profile.healthcare_years);
    let ce_hours = needs_hours.saturating_sub(profile.ce_hours);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Data;

    /// A route as the data would write it, with `conditions` in TOML.
    fn route(conditions: &str) -> Route {
        toml::from_str(&format!(
            "label = \"the route\"\nsource = \"s\"\n{conditions}"
        ))
        .unwrap()
    }

    fn cert(routes: Vec<Route>) -> Certification {
        let mut cert: Certification = toml::from_str(
            "id = \"x\"\nname = \"X\"\nfull_name = \"X\"\nissuer = \"o\"\nlevel = \"entry\"\n\
             description = \"\"\neligibility = []\nexam_history = []\nfee_history = []\n\
             sources = []\n[renewal]\nas_of = \"2026\"\nsource = \"s\"\n",
        )
        .unwrap();
        cert.eligibility = routes;
        cert
    }

    fn catalog() -> Catalog {
        let mut rhit = cert(Vec::new());
        (rhit.id, rhit.name) = ("rhit".to_string(), "RHIT".to_string());
        Catalog::parsed(Data {
            certifications: vec![rhit],
            ..Data::default()
        })
    }

    fn profile(education: Option<Education>, field: Option<Field>) -> Person {
        Person {
            education,
            field,
            ..Person::default()
        }
    }

    /// Each case: a route's conditions, a person, the verdict and what is missing.
    type Case = (&'static str, Person, Status, Vec<&'static str>);

    fn check(cases: Vec<Case>) {
        let catalog = catalog();
        for (conditions, person, status, missing) in cases {
            let verdict = evaluate(&cert(vec![route(conditions)]), &person, &catalog);
            assert_eq!(verdict.status, status, "{conditions:?} for {person:?}");
            assert_eq!(verdict.missing, missing, "{conditions:?} for {person:?}");
        }
    }

    #[test]
    fn a_degree_meets_a_route_at_its_level_in_its_field_and_accreditation() {
        use Education::{Associate, Bachelor, Doctorate};
        let bachelor_him = profile(Some(Bachelor), Some(Field::Him));
        let cases: Vec<Case> = vec![
            (
                "education = \"bachelor\"",
                profile(Some(Bachelor), None),
                Status::Eligible,
                vec![],
            ),
            (
                "education = \"bachelor\"",
                profile(Some(Doctorate), None),
                Status::Eligible,
                vec![],
            ),
            (
                "education = \"bachelor\"",
                profile(Some(Associate), None),
                Status::NotEligible,
                vec!["a bachelor's degree or higher"],
            ),
            (
                "education = \"bachelor\"",
                Person::default(),
                Status::NotEligible,
                vec!["a bachelor's degree or higher"],
            ),
            (
                "education = \"high-school\"",
                Person::default(),
                Status::NotEligible,
                vec!["a high-school diploma or equivalent"],
            ),
            (
                "education = \"bachelor\"\nfields = [\"him\"]",
                bachelor_him.clone(),
                Status::Eligible,
                vec![],
            ),
            (
                "education = \"bachelor\"\nfields = [\"him\", \"informatics\"]",
                profile(Some(Bachelor), Some(Field::It)),
                Status::NotEligible,
                vec![
                    "a bachelor's degree in health information management or health informatics or higher",
                ],
            ),
            (
                "education = \"associate\"\nfields = [\"him\"]\ncahiim = true",
                bachelor_him.clone(),
                Status::NotEligible,
                vec!["a CAHIIM-accredited associate program in health information management"],
            ),
            (
                "education = \"associate\"\nfields = [\"him\"]\ncahiim = true",
                Person {
                    cahiim: true,
                    ..profile(Some(Associate), None)
                },
                Status::Eligible,
                vec![],
            ),
        ];
        check(cases);
    }

    #[test]
    fn years_and_hours_meet_a_route_at_its_minimum() {
        let cases: Vec<Case> = vec![
            (
                "experience_years = 5",
                Person {
                    experience_years: 5,
                    ..Person::default()
                },
                Status::Eligible,
                vec![],
            ),
            (
                "experience_years = 5",
                Person {
                    experience_years: 4,
                    ..Person::default()
                },
                Status::NotEligible,
                vec!["1 more year of experience"],
            ),
            (
                "experience_years = 5\nhealthcare_years = 3",
                Person {
                    experience_years: 5,
                    healthcare_years: 1,
                    ..Person::default()
                },
                Status::NotEligible,
                vec!["2 more years of healthcare experience"],
            ),
            (
                "ce_hours = 45",
                Person {
                    ce_hours: 45,
                    ..Person::default()
                },
                Status::Eligible,
                vec![],
            ),
            (
                "ce_hours = 45",
                Person {
                    ce_hours: 44,
                    ..Person::default()
                },
                Status::NotEligible,
                vec!["1 more CE hour in the field"],
            ),
        ];
        check(cases);
    }

    #[test]
    fn credentials_a_licence_and_what_hi_cannot_check() {
        let bachelor_him = profile(Some(Education::Bachelor), Some(Field::Him));
        let cases: Vec<Case> = vec![
            (
                "credentials = [\"rhit\"]",
                Person::default(),
                Status::NotEligible,
                vec!["one of these credentials: RHIT"],
            ),
            (
                "credentials = [\"rhit\"]",
                Person {
                    credentials: vec!["rhit".to_string()],
                    ..Person::default()
                },
                Status::Eligible,
                vec![],
            ),
            (
                "rn = true",
                Person::default(),
                Status::NotEligible,
                vec!["an active RN licence"],
            ),
            (
                "rn = true",
                Person {
                    rn: true,
                    ..Person::default()
                },
                Status::Eligible,
                vec![],
            ),
            (
                "experience_years = 2\nother = \"the experience was in privacy\"",
                Person {
                    experience_years: 2,
                    ..Person::default()
                },
                Status::Unknown,
                vec!["to confirm: the experience was in privacy"],
            ),
            (
                "qualification = \"a foreign program under a reciprocity agreement\"",
                bachelor_him,
                Status::NotEligible,
                vec!["a foreign program under a reciprocity agreement"],
            ),
        ];
        check(cases);
    }

    #[test]
    fn a_certification_without_rules_is_unknown() {
        let verdict = evaluate(&cert(Vec::new()), &Person::default(), &catalog());
        assert_eq!(verdict.status, Status::Unknown);
        assert_eq!(verdict.route, None);
        assert_eq!(
            verdict.missing,
            ["the eligibility rules are not in the data"]
        );
    }

    #[test]
    fn the_closest_route_has_the_least_to_obtain_then_the_least_to_wait() {
        let catalog = catalog();
        let routes = |specs: &[(&str, &str)]| {
            specs
                .iter()
                .map(|(label, conditions)| Route {
                    label: label.to_string(),
                    ..route(conditions)
                })
                .collect::<Vec<_>>()
        };
        let person = Person {
            experience_years: 1,
            ..profile(Some(Education::Associate), None)
        };
        let cases = [
            // A degree to obtain loses to years to wait.
            (
                vec![
                    ("degree", "education = \"master\""),
                    ("years", "experience_years = 9"),
                ],
                "years",
            ),
            // Fewer years to wait wins among routes with nothing to obtain.
            (
                vec![
                    ("nine", "experience_years = 9"),
                    ("three", "experience_years = 3"),
                ],
                "three",
            ),
            // A tie goes to the route written first.
            (
                vec![
                    ("first", "experience_years = 3"),
                    ("second", "experience_years = 3"),
                ],
                "first",
            ),
            // A condition hi cannot check counts as one more thing to obtain.
            (
                vec![
                    ("unsure", "experience_years = 2\nother = \"x\""),
                    ("sure", "experience_years = 4"),
                ],
                "sure",
            ),
            // Fewer CE hours to gather breaks a tie in years.
            (
                vec![("more", "ce_hours = 40"), ("fewer", "ce_hours = 10")],
                "fewer",
            ),
        ];
        for (specs, closest) in cases {
            let verdict = evaluate(&cert(routes(&specs)), &person, &catalog);
            assert_eq!(verdict.status, Status::NotEligible, "{specs:?}");
            assert_eq!(verdict.route.as_deref(), Some(closest), "{specs:?}");
        }
        // Any route met is enough, wherever it is written.
        let verdict = evaluate(
            &cert(routes(&[
                ("far", "experience_years = 9"),
                ("met", "education = \"associate\""),
            ])),
            &person,
            &catalog,
        );
        assert_eq!(
            (verdict.status, verdict.route.as_deref()),
            (Status::Eligible, Some("met"))
        );
    }
}
