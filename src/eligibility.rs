//! Whether a person may sit an exam: a profile checked against each eligibility route. Each
//! condition of a route comes to met, lacking (a fact given rules it out), or open (a fact
//! nobody gave, a condition `hi` cannot check, a source that leaves part of the rule out): a
//! fact not given is unknown, never "no". The rules are the routes in
//! `data/certifications.toml`; nothing here knows a credential.

use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::facts::Facts;
use crate::model::{self, Certification, Education, Field, InForce, Kind, Requires, Route};

/// What `hi eligible` and `hi plan` know of a person: the facts given (the flags over the
/// profile), each one possibly not given, and the credentials held, which are all the ones the
/// profile and `--credential` name.
#[derive(Debug, Clone, Default)]
pub struct Person {
    pub facts: Facts,
    /// The credentials held and in force (or whose standing the data cannot tell).
    pub credentials: Vec<String>,
    /// The credentials the profile holds that have lapsed by their issuer's rule: an inactive
    /// or suspended one may count for a route (the issuer says), an expired or revoked one not.
    pub lapsed: Vec<Lapsed>,
}

/// A credential held that lapsed: its id, and its state in words (`revoked since 2022-07-01`).
#[derive(Debug, Clone)]
pub struct Lapsed {
    pub id: String,
    pub state: String,
    /// Lost for good (expired or revoked), not only out of force for now.
    pub lost: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    /// No fact given rules every route out, but something stands between the person and a
    /// route: a fact not given, a condition hi cannot check, a rule the data does not have.
    Unknown,
    NotEligible,
}

impl Status {
    pub const ALL: &'static [Status] = &[Status::Eligible, Status::Unknown, Status::NotEligible];

    pub fn label(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Unknown => "unknown",
            Status::NotEligible => "not eligible",
        }
    }

    /// As written on the command line (`--status not-eligible`).
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Unknown => "unknown",
            Status::NotEligible => "not-eligible",
        }
    }
}

/// How one route stands for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteStatus {
    Eligible,
    Unknown,
    NotEligible,
    /// Its window closed before today.
    Closed,
    /// Its window opens after today.
    NotYetOpen,
}

impl RouteStatus {
    pub fn label(self) -> &'static str {
        match self {
            RouteStatus::Eligible => "met",
            RouteStatus::Unknown => "unknown",
            RouteStatus::NotEligible => "not met",
            RouteStatus::Closed => "closed",
            RouteStatus::NotYetOpen => "not yet open",
        }
    }
}

/// One route, judged.
#[derive(Debug, Clone, Serialize)]
pub struct RouteVerdict {
    pub label: String,
    pub status: RouteStatus,
    /// What the person lacks for it, by the facts given.
    pub missing: Vec<String>,
    /// The flags whose facts the route needs and nobody gave.
    pub ask: Vec<String>,
    /// What hi cannot check: a qualifier to confirm, a part of the rule its source leaves out.
    pub confirm: Vec<String>,
    /// The first and last date the route is offered, where its source states them.
    pub from: Option<model::Date>,
    pub until: Option<model::Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// The route that makes the person eligible, or the closest one.
    pub route: Option<String>,
    /// For that route: what the person lacks; for `unknown`, what would settle it.
    pub missing: Vec<String>,
    /// The flags that would settle an `unknown`, over every route still open.
    pub ask: Vec<String>,
    /// Every route, judged.
    pub routes: Vec<RouteVerdict>,
    /// Where a source says the certification's applications are closed or not yet open, what
    /// it says.
    pub applications: Option<String>,
    /// The first of `missing` in short (a condition to confirm is named, not quoted), and how
    /// many more: the one line `hi eligible` shows.
    pub first_reason: String,
}

/// How a condition hi cannot check begins, in `missing`; the compact list names it only.
const TO_CONFIRM: &str = "to confirm: ";
const CONFIRM_WITH_ISSUER: &str = "confirm with the issuer: ";
const NO_RULES: &str = "the eligibility rules are not in the data";

impl Verdict {
    /// The verdict's first reason, and how many more there are.
    pub fn summary(&self) -> String {
        self.first_then_count(|first| first.to_string())
    }

    fn first_then_count(&self, first: impl Fn(&str) -> String) -> String {
        match self.missing.as_slice() {
            [] => String::new(),
            [only] => first(only),
            [one, rest @ ..] => format!("{} (and {} more)", first(one), rest.len()),
        }
    }

    /// The first reason in a few words: what to confirm stays in `missing` and `--explain`.
    fn first_reason(&self) -> String {
        self.first_then_count(|first| {
            let also = first.strip_prefix("also: ").unwrap_or(first);
            if also.starts_with(TO_CONFIRM) {
                "a condition to confirm (see --explain)".to_string()
            } else if also.starts_with(CONFIRM_WITH_ISSUER) {
                "to confirm with the issuer (see --explain)".to_string()
            } else if first == NO_RULES {
                "no rules in the data".to_string()
            } else {
                first.to_string()
            }
        })
    }
}

/// The verdict for one certification, judged on `today`.
pub fn evaluate(cert: &Certification, person: &Person, catalog: &Catalog, today: Date) -> Verdict {
    let assessed: Vec<Assessed> = cert
        .eligibility
        .iter()
        .map(|route| assess(route, person, catalog, today))
        .collect();
    let mut verdict = Verdict {
        id: cert.id.clone(),
        name: cert.name.clone(),
        status: Status::Unknown,
        route: None,
        missing: vec![NO_RULES.to_string()],
        ask: Vec::new(),
        routes: assessed.iter().map(|a| a.verdict.clone()).collect(),
        applications: None,
        first_reason: String::new(),
    };
    if let Some(chosen) = choose(&assessed) {
        let route = &chosen.verdict;
        verdict.route = Some(route.label.clone());
        (verdict.status, verdict.missing) = match route.status {
            RouteStatus::Eligible => (Status::Eligible, Vec::new()),
            RouteStatus::Unknown => (Status::Unknown, open_questions(route)),
            _ => (Status::NotEligible, lacking(route)),
        };
        verdict.ask = match verdict.status {
            Status::Unknown => asked_over(&assessed),
            _ => route.ask.clone(),
        };
    }
    applications(cert, &mut verdict, catalog, today);
    verdict.first_reason = verdict.first_reason();
    verdict
}

/// The route a verdict stands on: the first one met; else the unknown one with the fewest
/// open questions; else the closest not met (fewest things to obtain, a condition hi cannot
/// check or a fact not given counting as one, then fewest years to wait, then fewest CE hours),
/// a closed route only when every route is closed. The first written wins a tie.
fn choose(assessed: &[Assessed]) -> Option<&Assessed> {
    let with = |status| assessed.iter().filter(move |a| a.verdict.status == status);
    with(RouteStatus::Eligible)
        .next()
        .or_else(|| {
            with(RouteStatus::Unknown).min_by_key(|a| a.verdict.ask.len() + a.verdict.confirm.len())
        })
        .or_else(|| {
            assessed
                .iter()
                .filter(|a| a.verdict.status != RouteStatus::Closed)
                .min_by_key(|a| {
                    let open = a.verdict.ask.len() + a.verdict.confirm.len();
                    (a.things + open, a.years, a.ce_hours)
                })
        })
        .or_else(|| assessed.first())
}

/// What would settle an unknown route: the facts to give, then what to confirm.
fn open_questions(route: &RouteVerdict) -> Vec<String> {
    let mut questions = Vec::new();
    if !route.ask.is_empty() {
        questions.push(format!("tell me {}", route.ask.join(", ")));
    }
    questions.extend(route.confirm.iter().cloned());
    questions
}

/// What a route not met lacks, and what would remain after.
fn lacking(route: &RouteVerdict) -> Vec<String> {
    let mut missing = route.missing.clone();
    missing.extend(route.confirm.iter().map(|c| format!("also: {c}")));
    missing
}

/// The flags asked by every route still open, each once, in the order the routes ask them.
fn asked_over(assessed: &[Assessed]) -> Vec<String> {
    let mut asked: Vec<String> = Vec::new();
    let open = assessed
        .iter()
        .filter(|a| a.verdict.status == RouteStatus::Unknown);
    for flag in open.flat_map(|a| &a.verdict.ask) {
        if !asked.contains(flag) {
            asked.push(flag.clone());
        }
    }
    asked
}

/// A certification's applications, where a source says whether they are open: closed or not
/// yet open rules every route out; not open when the source was read, with no date, leaves
/// the person who meets a route unknown.
fn applications(cert: &Certification, verdict: &mut Verdict, catalog: &Catalog, today: Date) {
    let Some(applications) = &cert.applications else {
        return;
    };
    let who = catalog.name_of(Kind::Organization, &cert.issuer);
    let (status, said) = match applications.window().on(crate::clock::data_day(today)) {
        InForce::Ended(until) => (
            Status::NotEligible,
            format!("applications closed after {until}"),
        ),
        InForce::From(from) => (Status::NotEligible, format!("applications open in {from}")),
        InForce::Yes if applications.open || applications.from.is_some() => return,
        InForce::Yes => (
            Status::Unknown,
            format!(
                "{CONFIRM_WITH_ISSUER}{who} had not opened applications when its page was read"
            ),
        ),
    };
    verdict.applications = Some(said.clone());
    match (status, verdict.status) {
        (Status::NotEligible, _) => {
            verdict.status = Status::NotEligible;
            verdict.missing = vec![said];
        }
        (_, Status::Eligible) => {
            verdict.status = status;
            verdict.missing = vec![said];
        }
        (_, Status::Unknown) => verdict.missing.push(said),
        (_, Status::NotEligible) => verdict.missing.push(format!("also: {said}")),
    }
}

/// What a person lacks of what a career move asks for, checked as an eligibility route is: what
/// a given fact rules out, which flag would tell what is not given, and what to confirm.
pub fn unmet(requires: &Requires, person: &Person, catalog: &Catalog) -> Vec<String> {
    let route = Route {
        label: String::new(),
        education: requires.education,
        fields: Vec::new(),
        cahiim: false,
        experience_years: requires.experience_years,
        healthcare_years: None,
        ce_hours: None,
        ce_kind: None,
        credentials: requires.credentials.clone(),
        rn: false,
        other: requires.other.clone(),
        qualification: None,
        incomplete: None,
        from: None,
        until: None,
        window_source: None,
        source: String::new(),
        note: None,
    };
    let tally = conditions(&route, person, catalog);
    let mut unmet = tally.missing;
    if !tally.ask.is_empty() {
        unmet.push(format!("not known: tell me {}", tally.ask.join(", ")));
    }
    unmet.extend(tally.confirm);
    unmet
}

/// One route, judged, with what the closest-route ranking weighs.
struct Assessed {
    verdict: RouteVerdict,
    /// How many of the missing conditions are things to obtain: a degree, a credential, a
    /// licence (years and hours only take time).
    things: usize,
    /// More years of experience needed (healthcare years are part of them).
    years: u32,
    ce_hours: u32,
}

/// The conditions of one route, as they come out for one person.
#[derive(Default)]
struct Tally {
    missing: Vec<String>,
    things: usize,
    ask: Vec<String>,
    confirm: Vec<String>,
    years: u32,
    ce_hours: u32,
}

impl Tally {
    fn lacks(&mut self, what: String) {
        self.missing.push(what);
        self.things += 1;
    }

    fn ask(&mut self, flag: &str) {
        if !self.ask.iter().any(|a| a == flag) {
            self.ask.push(flag.to_string());
        }
    }

    /// A number the route asks for (`need`), against the person's (`have`), if given. When it
    /// is not, `at_most` bounds it (the years of experience bound those in healthcare; the CE
    /// hours of every kind those of one): a bound below the need rules the route out too.
    fn count(
        &mut self,
        need: u32,
        have: Option<u32>,
        at_most: Option<u32>,
        flag: &str,
        phrase: impl Fn(u32) -> String,
    ) -> u32 {
        match (have, at_most) {
            (Some(have), _) if have >= need => 0,
            (Some(have), _) => {
                self.missing.push(phrase(need - have));
                need - have
            }
            (None, Some(bound)) if bound < need => {
                self.missing
                    .push(format!("at least {}", phrase(need - bound)));
                need - bound
            }
            (None, _) => {
                self.ask(flag);
                0
            }
        }
    }
}

fn assess(route: &Route, person: &Person, catalog: &Catalog, today: Date) -> Assessed {
    let mut tally = conditions(route, person, catalog);
    let status = match route.window().on(crate::clock::data_day(today)) {
        InForce::Ended(until) => {
            // Nothing else about a closed route matters to the person.
            tally = Tally {
                missing: vec![format!("the route closed after {until}")],
                ..Tally::default()
            };
            RouteStatus::Closed
        }
        InForce::From(from) => {
            tally
                .missing
                .insert(0, format!("the route opens in {from}"));
            RouteStatus::NotYetOpen
        }
        InForce::Yes if !tally.missing.is_empty() => RouteStatus::NotEligible,
        InForce::Yes if !tally.ask.is_empty() || !tally.confirm.is_empty() => RouteStatus::Unknown,
        InForce::Yes => RouteStatus::Eligible,
    };
    Assessed {
        verdict: RouteVerdict {
            label: route.label.clone(),
            status,
            missing: tally.missing,
            ask: tally.ask,
            confirm: tally.confirm,
            from: route.from,
            until: route.until,
        },
        things: tally.things,
        years: tally.years,
        ce_hours: tally.ce_hours,
    }
}

/// Each condition of a route, met, lacking, not given or to confirm, for one person.
fn conditions(route: &Route, person: &Person, catalog: &Catalog) -> Tally {
    let facts = &person.facts;
    let mut tally = Tally::default();
    if let Some(level) = route.education {
        degree(route, level, facts, &mut tally);
    }
    let experience = route.experience_years.map_or(0, |y| {
        tally.count(
            y.get(),
            facts.experience_years,
            None,
            "--experience-years",
            |n| more(n, "year", "of experience"),
        )
    });
    let healthcare = route.healthcare_years.map_or(0, |y| {
        tally.count(
            y.get(),
            facts.healthcare_years,
            facts.experience_years,
            "--healthcare-years",
            |n| more(n, "year", "of healthcare experience"),
        )
    });
    if let (Some(hours), Some(kind)) = (route.ce_hours, route.ce_kind) {
        tally.ce_hours = tally.count(
            hours.get(),
            facts.ce_hours_of(kind),
            facts.ce_hours,
            &format!("--ce-hours {}=N", kind.keyword()),
            |n| more(n, "CE hour", &format!("in {}", kind.label())),
        );
    }
    tally.years = experience.max(healthcare);
    if !route.credentials.is_empty()
        && !route
            .credentials
            .iter()
            .any(|c| person.credentials.contains(c))
    {
        let name = |id: &str| catalog.name_of(Kind::Certification, id);
        let names: Vec<String> = route.credentials.iter().map(|c| name(c)).collect();
        let lapsed = (person.lapsed.iter()).find(|l| route.credentials.contains(&l.id));
        match lapsed {
            Some(l) if !l.lost => tally.confirm.push(format!(
                "{TO_CONFIRM}whether your {} ({}) counts for this route",
                name(&l.id),
                l.state
            )),
            Some(l) => tally.lacks(format!(
                "one of these credentials: {} (your {}: {})",
                names.join(", "),
                name(&l.id),
                l.state
            )),
            None => tally.lacks(format!("one of these credentials: {}", names.join(", "))),
        }
    }
    if route.rn {
        match facts.rn {
            Some(true) => {}
            Some(false) => tally.lacks("an active RN licence".to_string()),
            None => tally.ask("--rn"),
        }
    }
    if let Some(qualification) = &route.qualification {
        tally.lacks(qualification.clone());
    }
    if let Some(other) = &route.other {
        tally.confirm.push(format!("{TO_CONFIRM}{other}"));
    }
    if let Some(incomplete) = &route.incomplete {
        tally
            .confirm
            .push(format!("{CONFIRM_WITH_ISSUER}{incomplete}"));
    }
    tally
}

/// The degree a route asks for: its level, its field, its program's accreditation. A CAHIIM
/// accreditation stands for a health information management field; a field given outside the
/// route's rules it out, whatever the accreditation.
fn degree(route: &Route, level: Education, facts: &Facts, tally: &mut Tally) {
    if level == Education::None {
        return;
    }
    // Each part: Some(true) met, Some(false) lacking, None not given (with the flag to give).
    let accredited_him = facts.cahiim == Some(true) && route.fields.contains(&Field::Him);
    let parts = [
        (facts.education.map(|have| have >= level), "--education"),
        (
            match route.fields.is_empty() || accredited_him {
                true => Some(true),
                false => facts.field.map(|f| route.fields.contains(&f)),
            },
            "--field",
        ),
        (
            match route.cahiim {
                true => facts.cahiim,
                false => Some(true),
            },
            "--cahiim",
        ),
    ];
    // A part given that falls short settles the degree: the other parts need not be asked.
    if parts.iter().any(|(met, _)| *met == Some(false)) {
        tally.lacks(degree_phrase(route, level));
        return;
    }
    for (_, flag) in parts.iter().filter(|(met, _)| met.is_none()) {
        tally.ask(flag);
    }
}

/// What in the person's background a certification's routes build on: the phrases of the
/// open route that names most of it (a degree in the route's field, an RN licence, a CAHIIM
/// program, a credential the route accepts). `hi plan` ranks by it.
pub fn fit(cert: &Certification, person: &Person, catalog: &Catalog, today: Date) -> Vec<String> {
    let facts = &person.facts;
    cert.eligibility
        .iter()
        .filter(|route| route.window().on(crate::clock::data_day(today)) == InForce::Yes)
        .map(|route| {
            let mut fits = Vec::new();
            if let Some(field) = facts.field.filter(|f| route.fields.contains(f)) {
                fits.push(format!("a degree in {}", field_label(field)));
            }
            if route.cahiim && facts.cahiim == Some(true) {
                fits.push("a CAHIIM-accredited program".to_string());
            }
            if route.rn && facts.rn == Some(true) {
                fits.push("an RN licence".to_string());
            }
            if let Some(held) = route
                .credentials
                .iter()
                .find(|c| person.credentials.contains(c))
            {
                fits.push(format!(
                    "holding {}",
                    catalog.name_of(Kind::Certification, held)
                ));
            }
            fits
        })
        .fold(Vec::new(), |best, fits| match fits.len() > best.len() {
            true => fits,
            false => best,
        })
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

/// "1 more year of experience", "3 more CE hours in informatics".
fn more(count: u32, unit: &str, rest: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more {unit}{plural} {rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Data;

    const TODAY: Date = jiff::civil::date(2026, 11, 27);

    /// A route as the data would write it, with `conditions` in TOML.
    fn route(conditions: &str) -> Route {
        toml::from_str(&format!(
            "label = \"the route\"\nsource = \"s\"\n{conditions}"
        ))
        .unwrap()
    }

    /// Routes named by their labels, each with its conditions in TOML.
    fn routes(specs: &[(&str, &str)]) -> Vec<Route> {
        specs
            .iter()
            .map(|(label, conditions)| Route {
                label: label.to_string(),
                ..route(conditions)
            })
            .collect()
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

    /// A person with the facts written in TOML, as a profile's `[facts]`.
    fn person(facts: &str) -> Person {
        Person {
            lapsed: Vec::new(),
            facts: toml::from_str(facts).unwrap(),
            credentials: Vec::new(),
        }
    }

    fn judge(conditions: &str, person: &Person) -> Verdict {
        evaluate(&cert(vec![route(conditions)]), person, &catalog(), TODAY)
    }

    /// Each case: a route's conditions, the person's facts, the status and what is missing.
    type Case = (&'static str, &'static str, Status, &'static [&'static str]);

    fn check(cases: &[Case]) {
        for (conditions, facts, status, missing) in cases {
            let verdict = judge(conditions, &person(facts));
            assert_eq!(verdict.status, *status, "{conditions:?} for {facts:?}");
            assert_eq!(verdict.missing, *missing, "{conditions:?} for {facts:?}");
        }
    }

    #[test]
    fn a_degree_level_given_yes_no_or_not_at_all() {
        use Status::*;
        check(&[
            (
                "education = \"bachelor\"",
                "education = \"bachelor\"",
                Eligible,
                &[],
            ),
            (
                "education = \"bachelor\"",
                "education = \"doctorate\"",
                Eligible,
                &[],
            ),
            (
                "education = \"bachelor\"",
                "education = \"associate\"",
                NotEligible,
                &["a bachelor's degree or higher"],
            ),
            (
                "education = \"bachelor\"",
                "",
                Unknown,
                &["tell me --education"],
            ),
            (
                "education = \"high-school\"",
                "education = \"none\"",
                NotEligible,
                &["a high-school diploma or equivalent"],
            ),
            ("education = \"none\"", "", Eligible, &[]),
        ]);
    }

    #[test]
    fn a_degree_field_given_yes_no_or_not_at_all() {
        use Status::*;
        let route = "education = \"bachelor\"\nfields = [\"him\", \"informatics\"]";
        check(&[
            (
                route,
                "education = \"bachelor\"\nfield = \"him\"",
                Eligible,
                &[],
            ),
            (
                route,
                "education = \"bachelor\"\nfield = \"it\"",
                NotEligible,
                &[
                    "a bachelor's degree in health information management or health informatics or higher",
                ],
            ),
            (
                route,
                "education = \"bachelor\"",
                Unknown,
                &["tell me --field"],
            ),
            (route, "", Unknown, &["tell me --education, --field"]),
            // A field outside the route rules it out even with the level not given.
            (
                route,
                "field = \"nursing\"",
                NotEligible,
                &[
                    "a bachelor's degree in health information management or health informatics or higher",
                ],
            ),
        ]);
    }

    #[test]
    fn a_cahiim_program_given_yes_no_or_not_at_all() {
        use Status::*;
        let route = "education = \"associate\"\nfields = [\"him\"]\ncahiim = true";
        let phrase: &[&str] =
            &["a CAHIIM-accredited associate program in health information management"];
        check(&[
            (
                route,
                "education = \"associate\"\ncahiim = true",
                Eligible,
                &[],
            ),
            (
                route,
                "education = \"associate\"\nfield = \"him\"\ncahiim = false",
                NotEligible,
                phrase,
            ),
            (
                route,
                "education = \"associate\"\nfield = \"him\"",
                Unknown,
                &["tell me --cahiim"],
            ),
            // A nursing degree is not an HIM program, accredited or not.
            (
                route,
                "education = \"bachelor\"\nfield = \"nursing\"",
                NotEligible,
                phrase,
            ),
        ]);
    }

    #[test]
    fn a_degree_ruled_out_by_one_part_asks_nothing_of_the_others() {
        let route = "education = \"associate\"\nfields = [\"him\"]\ncahiim = true";
        let verdict = judge(route, &person("field = \"nursing\""));
        assert_eq!(verdict.status, Status::NotEligible);
        assert!(verdict.routes[0].ask.is_empty(), "{verdict:?}");
        let verdict = judge(route, &person("field = \"him\""));
        assert_eq!(verdict.routes[0].ask, ["--education", "--cahiim"]);
    }

    #[test]
    fn years_given_yes_no_or_not_at_all() {
        use Status::*;
        let route = "experience_years = 5\nhealthcare_years = 3";
        check(&[
            (
                route,
                "experience_years = 5\nhealthcare_years = 3",
                Eligible,
                &[],
            ),
            (
                route,
                "experience_years = 4\nhealthcare_years = 3",
                NotEligible,
                &["1 more year of experience"],
            ),
            (
                route,
                "experience_years = 5\nhealthcare_years = 1",
                NotEligible,
                &["2 more years of healthcare experience"],
            ),
            (
                route,
                "",
                Unknown,
                &["tell me --experience-years, --healthcare-years"],
            ),
            (
                route,
                "experience_years = 6",
                Unknown,
                &["tell me --healthcare-years"],
            ),
            // Healthcare years count within the years of experience: 2 in all cannot make 3.
            (
                route,
                "experience_years = 2",
                NotEligible,
                &[
                    "3 more years of experience",
                    "at least 1 more year of healthcare experience",
                ],
            ),
        ]);
    }

    #[test]
    fn ce_hours_of_a_kind_given_yes_no_or_not_at_all() {
        use Status::*;
        let route = "ce_hours = 45\nce_kind = \"health-it\"";
        check(&[
            (route, "ce_health_it_hours = 45", Eligible, &[]),
            (
                route,
                "ce_health_it_hours = 44",
                NotEligible,
                &["1 more CE hour in health information and technology"],
            ),
            (route, "", Unknown, &["tell me --ce-hours health-it=N"]),
            // Hours of another kind say nothing of these.
            (
                route,
                "ce_informatics_hours = 90",
                Unknown,
                &["tell me --ce-hours health-it=N"],
            ),
            // Hours of every kind together bound each kind: too few rule the route out...
            (
                route,
                "ce_hours = 20",
                NotEligible,
                &["at least 25 more CE hours in health information and technology"],
            ),
            // ...enough leave the kind to tell.
            (
                route,
                "ce_hours = 60",
                Unknown,
                &["tell me --ce-hours health-it=N"],
            ),
        ]);
    }

    #[test]
    fn a_licence_given_yes_no_or_not_at_all() {
        use Status::*;
        check(&[
            ("rn = true", "rn = true", Eligible, &[]),
            (
                "rn = true",
                "rn = false",
                NotEligible,
                &["an active RN licence"],
            ),
            ("rn = true", "", Unknown, &["tell me --rn"]),
        ]);
    }

    #[test]
    fn credentials_held_are_those_named_and_no_other() {
        let route = "credentials = [\"rhit\"]";
        let holder = Person {
            lapsed: Vec::new(),
            credentials: vec!["rhit".to_string()],
            ..Person::default()
        };
        assert_eq!(judge(route, &holder).status, Status::Eligible);
        let verdict = judge(route, &Person::default());
        assert_eq!(verdict.status, Status::NotEligible);
        assert_eq!(verdict.missing, ["one of these credentials: RHIT"]);
    }

    #[test]
    fn what_hi_cannot_check_leaves_a_route_met_otherwise_unknown() {
        use Status::*;
        let other = "experience_years = 2\nother = \"the experience was in privacy\"";
        let incomplete =
            "experience_years = 10\nincomplete = \"a share in healthcare, size not given\"";
        check(&[
            (
                other,
                "experience_years = 2",
                Unknown,
                &["to confirm: the experience was in privacy"],
            ),
            (
                other,
                "experience_years = 1",
                NotEligible,
                &[
                    "1 more year of experience",
                    "also: to confirm: the experience was in privacy",
                ],
            ),
            (
                incomplete,
                "experience_years = 10",
                Unknown,
                &["confirm with the issuer: a share in healthcare, size not given"],
            ),
            (
                incomplete,
                "",
                Unknown,
                &[
                    "tell me --experience-years",
                    "confirm with the issuer: a share in healthcare, size not given",
                ],
            ),
            (
                "qualification = \"a foreign program under a reciprocity agreement\"",
                "education = \"bachelor\"",
                NotEligible,
                &["a foreign program under a reciprocity agreement"],
            ),
        ]);
    }

    #[test]
    fn a_route_outside_its_window_is_closed_or_not_yet_open() {
        use Status::*;
        check(&[
            (
                "until = \"2025\"",
                "",
                NotEligible,
                &["the route closed after 2025"],
            ),
            ("until = \"2026\"", "", Eligible, &[]),
            ("until = \"2026-11-27\"", "", Eligible, &[]),
            (
                "until = \"2026-11-26\"",
                "",
                NotEligible,
                &["the route closed after 2026-11-26"],
            ),
            (
                "from = \"2027\"",
                "",
                NotEligible,
                &["the route opens in 2027"],
            ),
            ("from = \"2026-11\"", "", Eligible, &[]),
        ]);
        // A closed route gives way to any open one, even one not met.
        let verdict = evaluate(
            &cert(vec![
                route("until = \"2025\""),
                Route {
                    label: "open".to_string(),
                    ..route("experience_years = 9")
                },
            ]),
            &person("experience_years = 1"),
            &catalog(),
            TODAY,
        );
        assert_eq!(verdict.route.as_deref(), Some("open"));
        assert_eq!(verdict.routes[0].status, RouteStatus::Closed);
    }

    #[test]
    fn a_certification_without_rules_is_unknown() {
        let verdict = evaluate(&cert(Vec::new()), &Person::default(), &catalog(), TODAY);
        assert_eq!(verdict.status, Status::Unknown);
        assert_eq!(verdict.route, None);
        assert_eq!(
            verdict.missing,
            ["the eligibility rules are not in the data"]
        );
    }

    #[test]
    fn applications_not_open_leave_a_person_who_meets_a_route_unknown() {
        let mut c = cert(vec![route("")]);
        let applications = |text: &str| toml::from_str(&format!("{text}\nsource = \"s\"")).ok();
        c.applications = applications("open = false");
        let verdict = evaluate(&c, &Person::default(), &catalog(), TODAY);
        assert_eq!(verdict.status, Status::Unknown);
        assert!(
            verdict.missing[0].starts_with("confirm with the issuer: "),
            "{verdict:?}"
        );
        c.applications = applications("open = false\nfrom = \"2026-06\"");
        assert_eq!(
            evaluate(&c, &Person::default(), &catalog(), TODAY).status,
            Status::Eligible
        );
        c.applications = applications("open = true\nuntil = \"2025-12-31\"");
        let verdict = evaluate(&c, &Person::default(), &catalog(), TODAY);
        assert_eq!(verdict.status, Status::NotEligible);
        assert_eq!(verdict.missing, ["applications closed after 2025-12-31"]);
    }

    #[test]
    fn the_verdict_stands_on_a_met_route_then_the_least_open_then_the_closest() {
        let person = person("education = \"associate\"\nexperience_years = 1");
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
                vec![
                    ("more", "ce_hours = 40\nce_kind = \"informatics\""),
                    ("fewer", "ce_hours = 10\nce_kind = \"informatics\""),
                ],
                "fewer",
            ),
        ];
        let person = Person {
            lapsed: Vec::new(),
            facts: Facts {
                ce_informatics_hours: Some(0),
                ..person.facts
            },
            ..person
        };
        for (specs, closest) in cases {
            let verdict = evaluate(&cert(routes(&specs)), &person, &catalog(), TODAY);
            assert_eq!(verdict.status, Status::NotEligible, "{specs:?}");
            assert_eq!(verdict.route.as_deref(), Some(closest), "{specs:?}");
        }
    }

    #[test]
    fn any_route_met_is_enough_and_an_unknown_one_beats_one_not_met() {
        let person = person("education = \"associate\"\nexperience_years = 1");
        let verdict = evaluate(
            &cert(routes(&[
                ("far", "experience_years = 9"),
                ("met", "education = \"associate\""),
            ])),
            &person,
            &catalog(),
            TODAY,
        );
        assert_eq!(
            (verdict.status, verdict.route.as_deref()),
            (Status::Eligible, Some("met"))
        );
        let verdict = evaluate(
            &cert(routes(&[
                ("far", "experience_years = 9"),
                ("open", "rn = true"),
            ])),
            &person,
            &catalog(),
            TODAY,
        );
        assert_eq!(
            (verdict.status, verdict.route.as_deref()),
            (Status::Unknown, Some("open"))
        );
        assert_eq!(verdict.ask, ["--rn"]);
    }

    #[test]
    fn fit_names_what_in_the_background_a_route_builds_on() {
        let c = cert(vec![
            route("education = \"bachelor\"\nfields = [\"nursing\"]\nrn = true"),
            route("credentials = [\"rhit\"]"),
        ]);
        let nurse = person("field = \"nursing\"\nrn = true");
        assert_eq!(
            fit(&c, &nurse, &catalog(), TODAY),
            ["a degree in nursing", "an RN licence"]
        );
        let holder = Person {
            lapsed: Vec::new(),
            credentials: vec!["rhit".to_string()],
            ..Person::default()
        };
        assert_eq!(fit(&c, &holder, &catalog(), TODAY), ["holding RHIT"]);
        assert!(fit(&c, &Person::default(), &catalog(), TODAY).is_empty());
    }

    #[test]
    fn a_move_lists_what_the_person_lacks_and_what_to_confirm() {
        let catalog = catalog();
        let requires: Requires = toml::from_str(
            "experience_years = 3\neducation = \"bachelor\"\ncredentials = [\"rhit\"]\n\
             other = \"management experience\"",
        )
        .unwrap();
        let lacking = person("education = \"associate\"\nexperience_years = 1");
        assert_eq!(
            unmet(&requires, &lacking, &catalog),
            [
                "a bachelor's degree or higher",
                "2 more years of experience",
                "one of these credentials: RHIT",
                "to confirm: management experience",
            ]
        );
        let qualified = Person {
            lapsed: Vec::new(),
            credentials: vec!["rhit".to_string()],
            ..person("education = \"master\"\nexperience_years = 3")
        };
        assert_eq!(
            unmet(&requires, &qualified, &catalog),
            ["to confirm: management experience"]
        );
        // A fact not given is not lacking: hi says which flag would tell.
        let unknown = unmet(&requires, &Person::default(), &catalog);
        assert!(
            unknown.contains(&"not known: tell me --education, --experience-years".to_string()),
            "{unknown:?}"
        );
        assert!(unmet(&Requires::default(), &Person::default(), &catalog).is_empty());
    }
}
