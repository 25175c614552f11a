//! The typed records of the knowledge base, as they appear in `data/*.toml` and in `--json`.
//!
//! Records are deserialized as written (`deny_unknown_fields`, bounded numbers), then `load`
//! checks what each one declares (its references and rules, see [`crate::record`]) and derives
//! the current fee and exam observation; `catalog` serves them to the commands.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::record::{Bounded, Declared, OfKind, Record, keywords};

/// Every kind of record, declared once, in the order `hi search` groups them: the variant of
/// [`Kind`], the record type, its list in [`Data`] (and file, `roles.toml`), the key of its
/// tables in that file, the subcommand that lists it, and how messages name it. The catalog,
/// the loader and build.rs each expand this list, so a new kind is one line here.
macro_rules! for_each_kind {
    ($callback:ident) => {
        $callback! {
            Role: Role, roles, "role", "roles", "role";
            Responsibility: Responsibility, responsibilities, "responsibility", "responsibilities", "responsibility";
            Skill: Skill, skills, "skill", "skills", "skill";
            Employer: Employer, employers, "employer", "employers", "employer type";
            Certification: Certification, certifications, "certification", "certs", "certification";
            Organization: Organization, organizations, "organization", "orgs", "organization";
            Salary: Salary, salaries, "salary", "salaries", "salary figure";
            Path: EducationPath, paths, "path", "paths", "education path";
            Regulation: Regulation, regulations, "regulation", "regulations", "regulation";
            Occupation: Occupation, occupations, "occupation", "occupations", "occupation";
            Source: Source, sources, "source", "sources", "source";
        }
    };
}
pub(crate) use for_each_kind;

macro_rules! define_kinds {
    ($($kind:ident: $type:ident, $field:ident, $key:literal, $command:literal, $label:literal;)*) => {
        /// The kinds of record, in the order `hi search` groups them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kind {
            $($kind,)*
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$kind),*];

            /// The subcommand that lists and shows records of this kind.
            pub fn command(self) -> &'static str {
                match self {
                    $(Kind::$kind => $command,)*
                }
            }

            /// How messages name a record of this kind.
            pub fn label(self) -> &'static str {
                match self {
                    $(Kind::$kind => $label,)*
                }
            }

            /// The kind's records, as the catalog and `hi about` name them: `roles`.
            pub fn plural(self) -> &'static str {
                match self {
                    $(Kind::$kind => stringify!($field),)*
                }
            }

            /// The data file that holds this kind.
            pub fn file(self) -> &'static str {
                match self {
                    $(Kind::$kind => concat!(stringify!($field), ".toml"),)*
                }
            }

            /// The key of each record's table in its file: `[[role]]`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Kind::$kind => $key,)*
                }
            }
        }

        $(impl OfKind for $type {
            const KIND: Kind = Kind::$kind;
        })*

        /// Every record, validated and linked, as plain lists. Built only by `load::build`.
        #[derive(Debug, Clone, Default, Serialize, Deserialize)]
        pub struct Data {
            pub about: About,
            $(pub $field: Vec<$type>,)*
        }
    };
}
for_each_kind!(define_kinds);

keywords! {
    pub enum SkillCategory {
        Regulatory = "regulatory", "regulatory";
        Communication = "communication", "communication";
        Technical = "technical", "technical";
        ProjectManagement = "project-management", "project-management";
        DataManagement = "data-management", "data-management";
        StrategicPlanning = "strategic-planning", "strategic-planning";
    }
}

keywords! {
    /// The project's grouping of certifications.
    pub enum Level {
        Entry = "entry", "entry";
        Professional = "professional", "professional";
        Specialty = "specialty", "specialty";
        Advanced = "advanced", "advanced";
    }
}

keywords! {
    /// A role's rung on a career ladder, lowest first, so that a move compares levels with
    /// `<`: where a source names its own levels, the role's notes say how they were mapped.
    pub enum CareerLevel {
        Entry = "entry", "entry";
        Mid = "mid", "mid-level";
        Senior = "senior", "senior";
        Leader = "leader", "leader";
    }
}

keywords! {
    /// Education levels, lowest first, so a route's minimum compares with `>=`.
    pub enum Education {
        None = "none", "no formal education";
        HighSchool = "high-school", "high-school diploma";
        Associate = "associate", "associate degree";
        Bachelor = "bachelor", "bachelor's degree";
        Master = "master", "master's degree";
        Doctorate = "doctorate", "doctorate";
    }
}

keywords! {
    /// The field of a degree.
    pub enum Field {
        Him = "him", "health information management";
        Informatics = "informatics", "health or biomedical informatics";
        It = "it", "information technology or computer science";
        Nursing = "nursing", "nursing";
        Other = "other", "another field";
    }
}

keywords! {
    /// The kinds of continuing education the issuers' routes tell apart: CAHIMS asks for hours
    /// in health information and technology, NI-BC for informatics, PMP for project management.
    pub enum CeKind {
        HealthIt = "health-it", "health information and technology";
        Informatics = "informatics", "informatics";
        ProjectManagement = "project-management", "project management";
    }
}

keywords! {
    /// How often a fee other than the exam's and the renewal's falls due.
    pub enum Charged {
        Yearly = "yearly", "every year the credential is held";
        Cycle = "cycle", "at each renewal";
        Retake = "retake", "each time the exam is taken again";
    }
}

keywords! {
    /// Whether a pay figure is per year or per hour; they are never converted.
    pub enum Period {
        Year = "year", "per year";
        Hour = "hour", "per hour";
    }
}

keywords! {
    /// How far to trust a source.
    pub enum SourceKind {
        Issuer = "issuer", "issuer";
        Government = "government", "government";
        PeerReviewed = "peer-reviewed", "peer-reviewed";
        ThirdParty = "third-party", "third-party";
        SeedArticle = "seed-article", "seed article";
    }
}

keywords! {
    /// How a renewal cycle's end date follows from the pass date.
    pub enum CycleEnd {
        Anniversary = "anniversary", "on the anniversary of the pass date";
        EndOfMonth = "end-of-month", "on the last day of the anniversary's month";
        EndOfYear = "end-of-year", "on 31 December of the anniversary's year";
        HolderDate = "holder-date", "on a date the issuer sets for each holder (such as the membership month), which the holder gives";
    }
}

keywords! {
    /// The part of the field a credential serves; one credential may serve several.
    pub enum Track {
        Coding = "coding", "medical coding";
        Him = "him", "health information management";
        Informatics = "informatics", "health informatics";
        Nursing = "nursing", "nursing informatics";
        Physician = "physician", "physician informatics";
        PrivacySecurity = "privacy-security", "privacy and security";
        Compliance = "compliance", "compliance";
        DataAnalytics = "data-analytics", "data and analytics";
        Quality = "quality", "healthcare quality";
        Leadership = "leadership", "leadership";
        Registry = "registry", "registries";
        Interoperability = "interoperability", "interoperability";
        Imaging = "imaging", "imaging informatics";
        DocumentationIntegrity = "documentation-integrity", "clinical documentation integrity";
        ProjectManagement = "project-management", "project management";
        RevenueCycle = "revenue-cycle", "billing and revenue cycle";
    }
}

/// Whole US dollars of a fee or dues.
pub type Usd = Bounded<0, 100_000>;
/// Whole US dollars of an annual pay figure.
pub type AnnualUsd = Bounded<1, 10_000_000>;
/// US cents of a pay figure: above zero, at most ten million dollars.
pub type Cents = Bounded<1, 1_000_000_000>;
/// The length of an exam.
pub type Minutes = Bounded<1, 1_440>;
pub type Questions = Bounded<1, 10_000>;
/// The length of a renewal cycle.
pub type CycleYears = Bounded<1, 20>;
/// Years of experience a route asks for.
pub type Years = Bounded<0, 60>;
/// Hours of continuing education.
pub type Hours = Bounded<0, 1_000>;
/// Days before a cycle's end.
pub type Days = Bounded<0, 366>;
/// Days of a period after a cycle's end: a suspension may last years.
pub type LapseDays = Bounded<0, 3660>;

/// A date as precise as its source: `2026`, `2022-05` or `2023-10-01`.
/// Ordering treats a missing month or day as earlier than any given one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("invalid date `{text}`: expected YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = text.split('-');
        let number = |part: Option<&str>, digits: usize| -> Result<Option<u16>, String> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| bad())?))
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() || !(1900..=2100).contains(&year) {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day)
            && !(1..=days_in_month(year, m)).contains(&d)
        {
            return Err(bad());
        }
        Ok(Date {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn days_in_month(year: u16, month: u16) -> u16 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Date {
    /// A day of the calendar, with every part given.
    pub fn day(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// The first day the date covers: 1 January for a year alone.
    pub fn first_day(self) -> Date {
        Date::day(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date covers: 31 December for a year alone.
    pub fn last_day(self) -> Date {
        let month = self.month.unwrap_or(12);
        let last = days_in_month(self.year, u16::from(month)) as u8;
        Date::day(self.year, month, self.day.unwrap_or(last))
    }
}

/// When a route, a fee or an application period is in force, as its source states it: from the
/// first day of `from` to the last day of `until`; an end left out is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// Where `today` falls in a [`Window`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InForce {
    Yes,
    /// Not yet: it starts with this date.
    From(Date),
    /// No more: it ended with this date.
    Ended(Date),
}

impl Window {
    /// Where `day` (a day of the calendar, every part given) falls.
    pub fn on(self, day: Date) -> InForce {
        match (self.from, self.until) {
            (Some(from), _) if day < from.first_day() => InForce::From(from),
            (_, Some(until)) if day > until.last_day() => InForce::Ended(until),
            _ => InForce::Yes,
        }
    }

    /// A window that ends before it starts.
    pub fn is_reversed(self) -> bool {
        matches!((self.from, self.until), (Some(from), Some(until)) if from.first_day() > until.last_day())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Its rung on a career ladder.
    pub level: CareerLevel,
    /// The source that places the role at its level; none means the level is the project's
    /// judgment.
    pub level_source: Option<String>,
    pub skills: Vec<String>,
    pub employers: Vec<String>,
    pub certifications: Vec<String>,
    pub education: String,
    /// The source that states the typical education; none means it is the project's judgment.
    pub education_source: Option<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub occupations: Vec<String>,
    /// The source that maps the role to its occupations; none means it is the project's
    /// mapping.
    pub occupations_source: Option<String>,
    /// The roles it commonly leads to, each move with what it takes and who says so.
    #[serde(default)]
    pub leads_to: Vec<Move>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One move up (or across) a career ladder: from the role that lists it to `role`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub role: String,
    /// What the move asks for, as its sources state it; nothing stated is no condition.
    #[serde(default)]
    pub requires: Requires,
    /// The sources that state the move.
    #[serde(default)]
    pub sources: Vec<String>,
    /// No source states the move: it is the project's judgment, and says so.
    #[serde(default)]
    pub judgment: bool,
    /// The move goes to a lower level, as its sources say; without it a move never goes down.
    #[serde(default)]
    pub steps_down: bool,
    pub note: Option<String>,
}

/// What a career move asks for: the same kinds of condition an eligibility route checks.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    /// Years of experience, in the role moved from or the field, as the source counts them.
    pub experience_years: Option<Years>,
    /// The lowest degree that satisfies the move.
    pub education: Option<Education>,
    /// Any one of these credentials satisfies the move's credential condition.
    #[serde(default)]
    pub credentials: Vec<String>,
    /// A condition in words that `hi` cannot check (management experience, a medical degree).
    pub other: Option<String>,
}

impl Record for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.links("skills", Kind::Skill, &self.skills);
        d.links("employers", Kind::Employer, &self.employers);
        d.links("certifications", Kind::Certification, &self.certifications);
        d.links("paths", Kind::Path, &self.paths);
        d.links("occupations", Kind::Occupation, &self.occupations);
        d.cite_rule_opt(
            "education_source",
            "typical education",
            &self.education_source,
        );
        d.cite_rule_opt(
            "occupations_source",
            "occupations",
            &self.occupations_source,
        );
        d.cite_rule_opt("level_source", "level", &self.level_source);
        let mut seen: Vec<&str> = Vec::new();
        d.each("leads_to", &self.leads_to, |d, step| {
            d.link("role", Kind::Role, &step.role);
            d.within("requires", |d| {
                d.links(
                    "credentials",
                    Kind::Certification,
                    &step.requires.credentials,
                )
            });
            d.cite_rules("sources", "career move", &step.sources);
            self.declare_move(d, step, &mut seen);
        });
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![
            ("name", self.name.as_str()),
            ("description", &self.description),
            ("education", &self.education),
        ];
        fields.extend(self.skills.iter().map(|s| ("skill", s.as_str())));
        fields
    }
}

impl Role {
    /// The rules of one move that its record alone decides; those that need the role moved to
    /// (its level, cycles) are checked across records by `load`.
    fn declare_move<'a>(&self, d: &mut Declared<'a>, step: &'a Move, seen: &mut Vec<&'a str>) {
        if step.role == self.id {
            d.violation(Some("role"), format!("`{}` cannot lead to itself", self.id));
        }
        if seen.contains(&step.role.as_str()) {
            d.violation(
                Some("role"),
                format!("the move to `{}` is listed twice", step.role),
            );
        }
        seen.push(&step.role);
        if !step.judgment && step.sources.is_empty() {
            d.violation(
                Some("sources"),
                "a move needs the sources that state it, or `judgment = true` when it is the \
                 project's own",
            );
        }
        if step.judgment && step.steps_down {
            d.violation(
                Some("steps_down"),
                "only a source can say that a move goes down a level: a move of the project's \
                 judgment may not set `steps_down`",
            );
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub id: String,
    pub name: String,
    pub description: String,
    pub roles: Vec<String>,
    pub sources: Vec<String>,
}

impl Record for Responsibility {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.links("roles", Kind::Role, &self.roles);
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("name", &self.name), ("description", &self.description)]
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: SkillCategory,
    pub description: String,
    #[serde(default)]
    pub regulations: Vec<String>,
    pub sources: Vec<String>,
}

impl Record for Skill {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.links("regulations", Kind::Regulation, &self.regulations);
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("category", self.category.label()),
            ("description", &self.description),
        ]
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub id: String,
    pub name: String,
    pub description: String,
    pub data_use: String,
    #[serde(default)]
    pub examples: Vec<String>,
    pub sources: Vec<String>,
}

impl Record for Employer {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![
            ("name", self.name.as_str()),
            ("description", &self.description),
            ("data use", &self.data_use),
        ];
        fields.extend(self.examples.iter().map(|e| ("example", e.as_str())));
        fields
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub description: String,
    pub url: String,
    pub membership: Option<Membership>,
    /// How the issuer renews several of its credentials held at once.
    pub combined_renewal: Option<CombinedRenewal>,
    /// What the issuer does once a renewal cycle ends unrenewed.
    pub lapse: Option<Lapse>,
    /// How the issuer counts continuing education: its unit and the rules on it.
    pub ce: Option<CeRules>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What individual membership of an organization costs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The dues of each year of membership (a renewing member's, where the first year differs).
    pub annual_dues_usd: Usd,
    /// The dues of the first year, where the source gives them apart from a renewal's.
    pub first_year_dues_usd: Option<Usd>,
    /// Paid once, on joining.
    pub joining_fee_usd: Option<Usd>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// An issuer's rule for renewing several of its credentials in one cycle: the fee of the first
/// and a fixed amount for each further one, the CE hours of the most demanding credential and
/// a fixed number more for each further one, up to a cap. `renewal.rs` applies it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CombinedRenewal {
    /// What each further credential adds to a non-member's fee.
    pub extra_credential_fee_usd: Option<Usd>,
    /// What each further credential adds to a member's fee, where a source gives it.
    pub extra_credential_fee_member_usd: Option<Usd>,
    /// Where the fee increment comes from, when not from `source`.
    pub fee_source: Option<String>,
    pub fee_as_of: Option<Date>,
    pub extra_credential_ce_hours: Option<Hours>,
    pub max_ce_hours: Option<Hours>,
    /// Credentials that take another's place for recertification once earned.
    #[serde(default)]
    pub replacements: Vec<Replacement>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

keywords! {
    /// Where a credential stands once its cycle has ended unrenewed, as the issuer names it.
    pub enum LapseState {
        Grace = "grace", "in its grace period";
        Late = "late", "in its late period";
        Inactive = "inactive", "inactive";
        Suspended = "suspended", "suspended";
        Expired = "expired", "expired";
        Revoked = "revoked", "revoked";
    }
}

/// What an issuer does once a renewal cycle ends and the credential was not renewed: the
/// periods that follow, in order, each with what renewing in it costs, then what the
/// credential is for good, and whether and how it can be reinstated. A length or fee no
/// source gives is left out and shown as unknown.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lapse {
    #[serde(default)]
    pub periods: Vec<LapsePeriod>,
    /// The source says there is no grace period at all (ANCC); without it, an empty list of
    /// periods means none is known.
    #[serde(default)]
    pub no_grace: bool,
    /// What the credential is once the periods are over.
    pub then: LapseState,
    /// The source tells the holder to stop using the credential once it has expired.
    #[serde(default)]
    pub stop_using: bool,
    /// A renewal after the cycle's end starts a new cycle on the day it is approved rather than
    /// being backdated (ANCC).
    #[serde(default)]
    pub late_renewal_restarts: bool,
    pub reinstatement: Option<Reinstatement>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// One period after a cycle's end during which the credential can still be renewed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LapsePeriod {
    pub state: LapseState,
    /// Its length; unknown when left out.
    pub days: Option<LapseDays>,
    /// What renewing in this period costs beyond the recertification fee, per credential; a
    /// known 0 where the source says there is no extra fee.
    pub fee_usd: Option<Usd>,
    /// Other sources that give the period another length: kept, and the shortest counts, so
    /// that no date is promised that a source denies.
    #[serde(default)]
    pub conflicts: Vec<PeriodConflict>,
    /// Where the period comes from, when not from the lapse rule's `source`.
    pub source: Option<String>,
    pub as_of: Option<Date>,
    pub note: Option<String>,
}

/// Another source's length for a lapse period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodConflict {
    pub days: LapseDays,
    pub source: String,
    pub as_of: Option<Date>,
    pub note: Option<String>,
}

/// How a credential that has lapsed for good can be had back without the exam.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reinstatement {
    /// Within this many years of the lapse; unknown when left out.
    pub within_years: Option<CycleYears>,
    pub fee_usd: Option<Usd>,
    /// What it takes besides the fee, as the source words it.
    pub requires: Option<String>,
    pub source: String,
    pub as_of: Option<Date>,
    pub note: Option<String>,
}

impl CombinedRenewal {
    /// A chain of replacements that comes back to where it started (RHIA replaces RHIA, or
    /// RHIA and RHIT each other): holding them all would renew none.
    pub fn replacement_cycle(&self) -> Option<Vec<&str>> {
        for start in &self.replacements {
            let mut chain = vec![start.credential.as_str()];
            let mut next = start.replaces.as_str();
            // Each step follows one replacement; more steps than there are means a loop that
            // does not pass through `start`, which another start finds.
            for _ in 0..=self.replacements.len() {
                if next == start.credential {
                    chain.push(next);
                    return Some(chain);
                }
                chain.push(next);
                match self.replacements.iter().find(|r| r.credential == next) {
                    Some(r) => next = &r.replaces,
                    None => break,
                }
            }
        }
        None
    }
}

/// Holding `credential` replaces `replaces` for recertification (RHIA replaces RHIT).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    pub credential: String,
    pub replaces: String,
    pub source: String,
    pub note: Option<String>,
}

impl Record for Organization {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.sources(&self.sources);
        if let Some(m) = &self.membership {
            d.within("membership", |d| {
                d.cite("source", "membership dues", m.as_of, &m.source)
            });
        }
        if let Some(rule) = &self.combined_renewal {
            d.within("combined_renewal", |d| {
                d.cite("source", "combined renewal", rule.as_of, &rule.source);
                let fee_as_of = rule.fee_as_of.or(rule.as_of);
                d.cite_opt(
                    "fee_source",
                    "combined renewal fee",
                    fee_as_of,
                    &rule.fee_source,
                );
                d.each("replacements", &rule.replacements, |d, r| {
                    d.link("credential", Kind::Certification, &r.credential);
                    d.link("replaces", Kind::Certification, &r.replaces);
                    d.cite_rule("source", "replacement", &r.source);
                });
                if let Some(cycle) = rule.replacement_cycle() {
                    d.violation(
                        Some("replacements"),
                        format!(
                            "credentials that replace each other ({}) would leave none of them \
                             renewed",
                            cycle.join(" → ")
                        ),
                    );
                }
            });
        }
        if let Some(lapse) = &self.lapse {
            d.within("lapse", |d| lapse.declare(d));
        }
        if let Some(ce) = &self.ce {
            d.within("ce", |d| ce.declare(d));
        }
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("full name", &self.full_name),
            ("description", &self.description),
        ]
    }
}

impl Lapse {
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.cite("source", "lapse rule", self.as_of, &self.source);
        if self.no_grace && !self.periods.is_empty() {
            d.violation(
                Some("no_grace"),
                "a lapse rule with `no_grace` has no periods after the cycle's end",
            );
        }
        d.each("periods", &self.periods, |d, period| {
            d.cite_opt("source", "lapse period", period.as_of, &period.source);
            d.each("conflicts", &period.conflicts, |d, other| {
                d.cite("source", "lapse period", other.as_of, &other.source)
            });
            if matches!(period.state, LapseState::Expired | LapseState::Revoked) {
                d.violation(
                    Some("state"),
                    "a period after the cycle's end is grace, late, inactive or suspended: the \
                     state it ends in is `then`",
                );
            }
        });
        if let Some(r) = &self.reinstatement {
            d.within("reinstatement", |d| {
                d.cite("source", "reinstatement", r.as_of, &r.source)
            });
        }
    }
}

keywords! {
    /// What an issuer counts continuing education in.
    pub enum CeUnit {
        Hour = "hour", "CE hours";
        Ceu = "ceu", "CEUs";
        Pdu = "pdu", "PDUs";
        Cpe = "cpe", "CPE credits";
        CeCredit = "ce-credit", "CE credits";
    }
}

impl CeUnit {
    /// A count of CE in `unit`, in words; in CE hours where the unit is not known.
    pub fn amount(unit: Option<CeUnit>, amount: impl fmt::Display) -> String {
        unit.unwrap_or(CeUnit::Hour).count(amount)
    }

    /// `1 CEU`, `2.5 CEUs`: a count of this unit in words.
    pub fn count(self, amount: impl fmt::Display) -> String {
        let amount = amount.to_string();
        let one = match self {
            CeUnit::Hour => "CE hour",
            CeUnit::Ceu => "CEU",
            CeUnit::Pdu => "PDU",
            CeUnit::Cpe => "CPE credit",
            CeUnit::CeCredit => "CE credit",
        };
        match amount.as_str() {
            "1" => format!("1 {one}"),
            _ => format!("{amount} {}", self.label()),
        }
    }
}

/// A share of a cycle's CE, in whole percent.
pub type Percent = Bounded<1, 100>;
/// Months before a cycle's end.
pub type Months = Bounded<1, 60>;

/// How an issuer counts continuing education: the unit it counts in, how long one is and how a
/// part of one is rounded, what else converts into it, which activities it does not count,
/// and the categories its rules limit. Each part names its source; a part no source gives is
/// left out, and what depends on it is unknown (`credit.rs` applies these rules).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CeRules {
    pub unit: CeUnit,
    /// How long one unit is, and how a part of one counts; unknown when left out.
    pub length: Option<UnitLength>,
    /// What one academic credit (a college course's credit) earns, in the unit.
    pub academic_credit: Option<Conversion>,
    /// The issuer counts only CE earned within the renewal cycle.
    pub within_cycle: Option<Stated>,
    /// The issuer does not count CE earned before the credential.
    pub before_earned: Option<Stated>,
    /// What the issuer says of CE beyond a cycle's needs counting in the next.
    pub carry_over: Option<CarryOver>,
    /// The categories the issuer's rules limit, for every credential it renews.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// The date the source of the unit states.
    pub as_of: Option<Date>,
    /// Where the unit comes from, and every part without a source of its own.
    pub source: String,
    pub note: Option<String>,
}

/// How long one unit of CE is, and how an activity's part of a unit counts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitLength {
    pub minutes: Minutes,
    /// A part of a unit earns a whole one from this many minutes, and nothing below (AHIMA: 45).
    pub round_up_from_minutes: Option<Minutes>,
    /// A part of a unit counts in steps of this many minutes, rounded down (a quarter of a PDU).
    pub step_minutes: Option<Minutes>,
    pub as_of: Option<Date>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// What one unit of something else earns in the issuer's unit.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    pub units: Hours,
    pub as_of: Option<Date>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// A rule that holds as its source states it: no figure, only where it is said.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    pub source: Option<String>,
    pub note: Option<String>,
}

/// What CE beyond a cycle's needs does in the next cycle.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CarryOver {
    /// The source says none carries over.
    #[serde(default)]
    pub none: bool,
    /// At most this many units carry over.
    pub max_units: Option<Hours>,
    /// Only what was earned in the cycle's last months carries over.
    pub last_months: Option<Months>,
    pub as_of: Option<Date>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// A category of activity an issuer's rule limits: at least or at most so many units, or a
/// share of the cycle's total. A category `within` another counts toward it too (PMI's
/// education areas toward education).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// What `hi ce add --category` takes.
    pub id: String,
    pub name: String,
    pub within: Option<String>,
    pub min_units: Option<Hours>,
    pub max_units: Option<Hours>,
    pub min_percent: Option<Percent>,
    pub max_percent: Option<Percent>,
    /// The source says the category has no limit.
    #[serde(default)]
    pub no_limit: bool,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

impl CeRules {
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        // The unit and the rules without a figure are rules: cited, with no date to judge them
        // by. A length, a conversion and a carry-over's cap are figures, dated where their
        // source states a date.
        d.cite_rule("source", "CE unit", &self.source);
        if let Some(length) = &self.length {
            d.within("length", |d| length.declare(d));
        }
        let rules = [
            ("within_cycle", "CE within the cycle", &self.within_cycle),
            (
                "before_earned",
                "CE before the credential",
                &self.before_earned,
            ),
        ];
        for (key, rule, stated) in rules {
            if let Some(stated) = stated {
                d.within(key, |d| d.cite_rule_opt("source", rule, &stated.source));
            }
        }
        if let Some(c) = &self.academic_credit {
            let as_of = c.as_of.or(self.as_of);
            d.within("academic_credit", |d| {
                d.cite_opt("source", "academic credit conversion", as_of, &c.source)
            });
        }
        if let Some(c) = &self.carry_over {
            d.within("carry_over", |d| match c.none {
                true => d.cite_rule_opt("source", "CE carry-over", &c.source),
                false => d.cite_opt("source", "CE carry-over", c.as_of.or(self.as_of), &c.source),
            });
        }
        if let Some(c) = &self.carry_over
            && c.none
            && (c.max_units.is_some() || c.last_months.is_some())
        {
            d.within("carry_over", |d| {
                d.violation(
                    Some("none"),
                    "a carry-over of `none` has no `max_units` or `last_months`",
                )
            });
        }
        declare_categories(d, &self.categories);
    }
}

impl UnitLength {
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.cite_opt("source", "CE unit length", self.as_of, &self.source);
        if self.round_up_from_minutes.is_some() && self.step_minutes.is_some() {
            d.violation(
                Some("step_minutes"),
                "a part of a unit is rounded up from some minutes or counted in steps, not both",
            );
        }
        for (key, part) in [
            ("round_up_from_minutes", self.round_up_from_minutes),
            ("step_minutes", self.step_minutes),
        ] {
            if part.is_some_and(|m| m >= self.minutes) {
                d.violation(
                    Some(key),
                    "a part of a unit is shorter than the unit's `minutes`",
                );
            }
        }
    }
}

/// Each category's citation and the rules on its limits; ids are unique in the list.
pub fn declare_categories<'a>(d: &mut Declared<'a>, categories: &'a [Category]) {
    d.each("categories", categories, |d, c| {
        let limited = [c.min_units, c.max_units].iter().any(Option::is_some)
            || [c.min_percent, c.max_percent].iter().any(Option::is_some);
        match limited {
            true => d.cite("source", "CE category limit", c.as_of, &c.source),
            false => d.cite_rule("source", "CE category", &c.source),
        }
        if !crate::load::is_slug(&c.id) {
            d.violation(
                Some("id"),
                "a category id is a lowercase slug (a-z, 0-9, -)",
            );
        }
        if categories.iter().filter(|other| other.id == c.id).count() > 1 {
            d.violation(Some("id"), format!("category `{}` is listed twice", c.id));
        }
        if c.min_units.is_some() && c.min_percent.is_some() {
            d.violation(
                Some("min_percent"),
                "a category has one minimum: units or a share",
            );
        }
        if c.max_units.is_some() && c.max_percent.is_some() {
            d.violation(
                Some("max_percent"),
                "a category has one maximum: units or a share",
            );
        }
        if c.no_limit && limited {
            d.violation(
                Some("no_limit"),
                "a category with `no_limit` has no minimum or maximum",
            );
        }
        let below =
            |min: Option<u32>, max: Option<u32>| min.zip(max).is_some_and(|(min, max)| min > max);
        if below(c.min_units.map(u32::from), c.max_units.map(u32::from))
            || below(c.min_percent.map(u32::from), c.max_percent.map(u32::from))
        {
            d.violation(
                Some("max_units"),
                "a category's maximum is below its minimum",
            );
        }
        if c.within.as_ref() == Some(&c.id) {
            d.violation(Some("within"), "a category cannot be within itself");
        }
    });
}

/// One way to become eligible for an exam. A field left out places no condition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub label: String,
    /// The lowest degree that satisfies the route.
    pub education: Option<Education>,
    /// The degree must be in one of these fields; empty means any field.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// The degree's program must be CAHIIM-accredited (health information management).
    #[serde(default)]
    pub cahiim: bool,
    pub experience_years: Option<Years>,
    pub healthcare_years: Option<Years>,
    pub ce_hours: Option<Hours>,
    /// The kind of continuing education `ce_hours` must be; required with `ce_hours`.
    pub ce_kind: Option<CeKind>,
    /// Any one of these credentials satisfies the route's credential condition.
    #[serde(default)]
    pub credentials: Vec<String>,
    #[serde(default)]
    pub rn: bool,
    /// A qualifier on the conditions above that hi cannot check (that the experience was in
    /// privacy, say): a profile meeting the rest is `unknown`, not `eligible`.
    pub other: Option<String>,
    /// A qualification no profile flag expresses (a foreign program, a certificate): always
    /// counted as missing, since a profile cannot claim it.
    pub qualification: Option<String>,
    /// What of the route its source leaves out (text cut off, a share not given): a profile
    /// meeting the rest is `unknown`, to confirm with the issuer.
    pub incomplete: Option<String>,
    /// The first and last date the route is offered, as its source states them.
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// The source of `from` and `until`, when not `source`.
    pub window_source: Option<String>,
    pub source: String,
    pub note: Option<String>,
}

impl Route {
    /// A route of certification `of`: its references, source and the rules across its fields.
    fn declare<'a>(&'a self, d: &mut Declared<'a>, of: &str) {
        d.links("credentials", Kind::Certification, &self.credentials);
        if self.credentials.iter().any(|c| c == of) {
            d.violation(
                Some("credentials"),
                "a route cannot require the credential itself",
            );
        }
        d.cite_rule("source", "eligibility", &self.source);
        d.cite_rule_opt("window_source", "eligibility window", &self.window_source);
        if self.ce_hours.is_some() != self.ce_kind.is_some() {
            d.violation(
                Some("ce_kind"),
                "`ce_hours` and `ce_kind` go together: name the kind of the hours",
            );
        }
        if self.window().is_reversed() {
            d.violation(Some("until"), "the route ends before it starts");
        }
        if self.window_source.is_some() && self.window() == Window::default() {
            d.violation(
                Some("window_source"),
                "`window_source` without `from` or `until`",
            );
        }
    }

    pub fn window(&self) -> Window {
        Window {
            from: self.from,
            until: self.until,
        }
    }
}

/// Whether a certification takes applications, as a source states it: open or not when the
/// source was read, and the dates it gives for opening and closing.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Applications {
    /// Whether applications were open when the source was read.
    pub open: bool,
    /// The first and last date of applications, where the source gives them.
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

impl Applications {
    pub fn window(&self) -> Window {
        Window {
            from: self.from,
            until: self.until,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub name: String,
    pub weight: Option<String>,
    /// Skills the domain tests, by the project's reading of its name: what `hi gap` suggests.
    #[serde(default)]
    pub skills: Vec<String>,
}

/// One observation of an exam's format, from one source at one date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exam {
    pub duration_minutes: Option<Minutes>,
    pub questions: Option<Questions>,
    pub scored_questions: Option<Questions>,
    pub format: Option<String>,
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// Derived at load, on the current observation when it is dated: the positions in its
    /// history of the undated observations written after it. The rule never ranks them above
    /// a dated one, though they may be newer, so a view says so beside an old current figure.
    #[serde(default)]
    pub undated_later: Vec<usize>,
    /// The date the source states for it; none when the source is undated.
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// One observation of an exam's fees, from one source at one date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    pub member_usd: Option<Usd>,
    pub non_member_usd: Option<Usd>,
    /// Some issuers price a third tier for staff of member organizations.
    pub affiliate_usd: Option<Usd>,
    /// One price whose source names no membership tier: never taken for either tier.
    pub price_usd: Option<Usd>,
    /// Derived at load: what an individual member saves, when both prices are known. A data
    /// file may not set it.
    #[serde(default)]
    pub member_saving_usd: Option<u32>,
    /// Derived at load, on the current observation: see [`Exam::undated_later`].
    #[serde(default)]
    pub undated_later: Vec<usize>,
    /// The date the source states for it; none when the source is undated.
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// A name the issuer gave a credential before its current one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// The letters, as `name` holds them now: `CTR`.
    pub name: String,
    pub full_name: Option<String>,
    /// The date the source gives for the current name taking its place.
    pub until: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// An accreditation of a credential, as a source states it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accreditation {
    /// The accrediting body as the source names it: `NCCA`, `ANAB`, `ABSNC`, ...
    pub body: String,
    /// The standard it accredits against, where the source names one: `ISO/IEC 17024:2012`.
    pub standard: Option<String>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// A sourced statement with no figure of its own.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// A fee other than the exam's and the cycle's renewal: yearly maintenance, a retake, an
/// extension. One amount for everyone (`usd`), or one per membership tier.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OtherFee {
    pub what: String,
    pub usd: Option<Usd>,
    pub member_usd: Option<Usd>,
    pub non_member_usd: Option<Usd>,
    /// How often it falls due, for `hi cost`; left out, it is occasional and not counted.
    pub charged: Option<Charged>,
    /// A yearly fee whose source says the first year is covered (by the exam fee, say).
    #[serde(default)]
    pub first_year_covered: bool,
    /// The first and last date the fee is charged, as its source states them.
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

impl OtherFee {
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.cite("source", "other fee", self.as_of, &self.source);
        let tiers = self.member_usd.is_some() || self.non_member_usd.is_some();
        if self.usd.is_some() == tiers {
            d.violation(
                Some("usd"),
                "give `usd` (one amount for everyone) or `member_usd`/`non_member_usd`, not both",
            );
        }
        if self.first_year_covered && self.charged != Some(Charged::Yearly) {
            d.violation(
                Some("first_year_covered"),
                "`first_year_covered` applies to a fee charged yearly",
            );
        }
        if self.window().is_reversed() {
            d.violation(Some("until"), "the fee ends before it starts");
        }
    }

    /// What a member of the issuer pays, or a non-member.
    pub fn price(&self, member: bool) -> Option<u32> {
        let tier = match member {
            true => self.member_usd,
            false => self.non_member_usd,
        };
        self.usd.or(tier).map(u32::from)
    }

    pub fn window(&self) -> Window {
        Window {
            from: self.from,
            until: self.until,
        }
    }
}

/// Any other figure a source gives (a pass rate, a count of holders), as the source words it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

/// An issuer's renewal rule for one credential. A part that comes from another source than the
/// rest (the fee, the share from the issuer) names its own source and date.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    pub cycle_years: Option<CycleYears>,
    pub ce_hours: Option<Hours>,
    /// Of `ce_hours`, how many must come from the issuer or its approved providers.
    pub ce_from_issuer_hours: Option<Hours>,
    pub ce_from_issuer_source: Option<String>,
    pub ce_from_issuer_as_of: Option<Date>,
    pub ethics_hours: Option<Hours>,
    pub ethics_source: Option<String>,
    pub ethics_as_of: Option<Date>,
    /// The recertification fee per cycle, for one credential, its source and date: those of
    /// the current entry of `fee_history`, derived at load, so a data file may not set them.
    #[serde(default)]
    pub fee_member_usd: Option<Usd>,
    #[serde(default)]
    pub fee_non_member_usd: Option<Usd>,
    /// What each further credential of the same issuer adds to the fee: derived at load from
    /// the issuer's combined renewal rule, so a data file may not set it.
    #[serde(default)]
    pub extra_credential_fee_usd: Option<u32>,
    #[serde(default)]
    pub fee_source: Option<String>,
    #[serde(default)]
    pub fee_as_of: Option<Date>,
    /// Every observation of the recertification fee, each from one source at one date; the
    /// newest dated one is current, as for the exam's fees.
    #[serde(default)]
    pub fee_history: Vec<Fees>,
    /// Derived at load: the current fee observation's `undated_later`.
    #[serde(default)]
    pub fee_undated_later: Vec<usize>,
    pub alternative: Option<String>,
    pub alternative_source: Option<String>,
    /// How a cycle's end date follows from the pass date; unknown when left out.
    pub cycle_end: Option<CycleEnd>,
    /// The issuer asks for the renewal application this many days before the cycle ends.
    pub apply_by_days_before: Option<Days>,
    /// The issuer asks for it this many days after the cycle ends instead (NCRA: CE and fee
    /// due on 31 January for a cycle ending 31 December).
    pub report_by_days_after: Option<Days>,
    /// The issuer prorates the CE hours of a holder's first cycle by a rule the data does not
    /// give (AAPC): the first cycle's hours are unknown.
    #[serde(default)]
    pub first_cycle_prorated: bool,
    /// The first cycle begins on 1 January after the year of the pass date, not on the pass
    /// date (NAHQ, ABII): what is earned before it does not count toward it.
    #[serde(default)]
    pub first_cycle_starts_next_year: bool,
    /// Categories this credential's rule limits, besides those of its issuer (AAPC's 16 CEUs
    /// on auditing for the CPMA).
    #[serde(default)]
    pub categories: Vec<Category>,
    /// What `ce_hours` and its parts count in: the issuer's CE unit, derived at load from the
    /// issuer's `ce` rules, so a data file may not set it.
    #[serde(default)]
    pub ce_unit: Option<CeUnit>,
    /// Where `cycle_end`, `apply_by_days_before` and `report_by_days_after` come from, when
    /// not from `source`.
    pub calendar_source: Option<String>,
    pub calendar_as_of: Option<Date>,
    /// The date the source states for the cycle and its CE hours; none when it is undated.
    pub as_of: Option<Date>,
    /// Where the cycle and its CE hours come from, and every part without a source of its own.
    pub source: Option<String>,
    pub note: Option<String>,
}

impl Renewal {
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        let figures = [
            self.cycle_years.is_some(),
            self.ce_hours.is_some(),
            self.ce_from_issuer_hours.is_some(),
            self.ethics_hours.is_some(),
            self.alternative.is_some(),
            self.cycle_end.is_some(),
            self.apply_by_days_before.is_some(),
            self.report_by_days_after.is_some(),
            self.first_cycle_prorated,
            self.first_cycle_starts_next_year,
        ];
        self.declare_consistent(d);
        if self.source.is_none() && figures.contains(&true) {
            d.violation(None, "a renewal rule with figures needs `source`");
        }
        self.declare_sources(d);
        d.each("fee_history", &self.fee_history, |d, fees| {
            fees.declare(d, "renewal fees")
        });
        declare_categories(d, &self.categories);
        d.derived(
            "extra_credential_fee_usd",
            self.extra_credential_fee_usd.is_some(),
            "the issuer's `combined_renewal`",
        );
        d.derived("ce_unit", self.ce_unit.is_some(), "the issuer's `ce` rules");
        for (key, set) in [
            ("fee_member_usd", self.fee_member_usd.is_some()),
            ("fee_non_member_usd", self.fee_non_member_usd.is_some()),
            ("fee_source", self.fee_source.is_some()),
            ("fee_as_of", self.fee_as_of.is_some()),
            ("fee_undated_later", !self.fee_undated_later.is_empty()),
        ] {
            d.derived(key, set, "`fee_history`");
        }
    }

    /// The parts of one rule must not contradict each other.
    fn declare_consistent<'a>(&'a self, d: &mut Declared<'a>) {
        let total = self.ce_hours.map(|h| h.get());
        for (key, part) in [
            ("ce_from_issuer_hours", self.ce_from_issuer_hours),
            ("ethics_hours", self.ethics_hours),
        ] {
            if let (Some(part), Some(total)) = (part.map(|h| h.get()), total)
                && part > total
            {
                d.violation(
                    Some(key),
                    format!("{part} hours of a cycle's {total} CE hours cannot be asked of a part"),
                );
            }
        }
        if let (Some(days), Some(years)) = (self.apply_by_days_before, self.cycle_years)
            && days.get() >= years.get() * 365
        {
            d.violation(
                Some("apply_by_days_before"),
                "the date to apply by falls before the cycle begins",
            );
        }
        if self.apply_by_days_before.is_some() && self.report_by_days_after.is_some() {
            d.violation(
                Some("report_by_days_after"),
                "a renewal asks for the application before the cycle's end or after it, not both",
            );
        }
    }

    /// The rule's source, and each part's own where it has one.
    fn declare_sources<'a>(&'a self, d: &mut Declared<'a>) {
        d.cite_opt("source", "renewal", self.as_of, &self.source);
        // A part with a source of its own has its own date; one without shares the rule's.
        let part = |source: &Option<String>, as_of: Option<Date>| match source {
            Some(_) => as_of,
            None => self.as_of,
        };
        let parts = [
            (
                "ce_from_issuer_source",
                "renewal CE from the issuer",
                &self.ce_from_issuer_source,
                self.ce_from_issuer_as_of,
            ),
            (
                "ethics_source",
                "renewal ethics hours",
                &self.ethics_source,
                self.ethics_as_of,
            ),
            (
                "calendar_source",
                "renewal calendar",
                &self.calendar_source,
                self.calendar_as_of,
            ),
        ];
        for (key, figure, source, as_of) in parts {
            d.cite_opt(key, figure, part(source, as_of), source);
        }
        d.cite_rule_opt(
            "alternative_source",
            "renewal alternative",
            &self.alternative_source,
        );
    }
}

impl Fees {
    /// A fee observation's source and date, and the fields `load` derives in it.
    fn declare<'a>(&'a self, d: &mut Declared<'a>, figure: &'static str) {
        d.cite("source", figure, self.as_of, &self.source);
        d.derived(
            "member_saving_usd",
            self.member_saving_usd.is_some(),
            "the prices",
        );
        d.derived(
            "undated_later",
            !self.undated_later.is_empty(),
            "the history",
        );
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub id: String,
    pub name: String,
    pub full_name: String,
    /// Ids the record had before, still accepted by every lookup (which then says so).
    #[serde(default)]
    pub former_ids: Vec<String>,
    /// Names the issuer gave the credential before, each with its source.
    #[serde(default)]
    pub former_names: Vec<FormerName>,
    pub issuer: String,
    pub level: Level,
    /// The parts of the field it serves: what `hi certs --track` filters by.
    #[serde(default)]
    pub tracks: Vec<Track>,
    pub description: String,
    /// Each accreditation of the credential a source states; empty when none is stated, which
    /// says nothing either way.
    #[serde(default)]
    pub accreditation: Vec<Accreditation>,
    /// A source's statement that the credential is not accredited: not the same as none
    /// stating that it is.
    #[serde(default)]
    pub not_accredited: Option<Statement>,
    /// Every eligibility route; empty means the rules are not in the data.
    #[serde(default)]
    pub eligibility: Vec<Route>,
    /// Whether it takes applications, where a source says; left out, nothing is known.
    pub applications: Option<Applications>,
    /// The current entry of `exam_history`, chosen at load; a data file may not set it.
    #[serde(default)]
    pub exam: Option<Exam>,
    #[serde(default)]
    pub exam_history: Vec<Exam>,
    /// The current entry of `fee_history`, chosen at load; a data file may not set it.
    #[serde(default)]
    pub fees: Option<Fees>,
    #[serde(default)]
    pub fee_history: Vec<Fees>,
    #[serde(default)]
    pub other_fees: Vec<OtherFee>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub renewal: Renewal,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Certification {
    /// The exam's content outline: the domains of the newest observation that lists any (an
    /// observation of the length or the fee alone says nothing of what the exam tests).
    pub fn outline(&self) -> &[Domain] {
        let listed: Vec<&Exam> = self
            .exam_history
            .iter()
            .filter(|e| !e.domains.is_empty())
            .collect();
        crate::load::current(&listed, |e| e.as_of).map_or(&[], |e| &e.domains)
    }
}

impl Record for Certification {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn former_ids(&self) -> &[String] {
        &self.former_ids
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.link("issuer", Kind::Organization, &self.issuer);
        d.sources(&self.sources);
        d.each("eligibility", &self.eligibility, |d, route| {
            route.declare(d, &self.id)
        });
        if let Some(applications) = &self.applications {
            d.within("applications", |d| {
                d.cite(
                    "source",
                    "applications",
                    applications.as_of,
                    &applications.source,
                );
                if applications.window().is_reversed() {
                    d.violation(Some("until"), "applications end before they start");
                }
            });
        }
        if self.tracks.is_empty() {
            d.violation(Some("tracks"), "a certification serves at least one track");
        }
        d.each("exam_history", &self.exam_history, |d, exam| {
            d.cite("source", "exam", exam.as_of, &exam.source);
            d.each("domains", &exam.domains, |d, domain| {
                d.links("skills", Kind::Skill, &domain.skills)
            });
            d.derived(
                "undated_later",
                !exam.undated_later.is_empty(),
                "the history",
            );
        });
        d.each("fee_history", &self.fee_history, |d, fees| {
            fees.declare(d, "fees")
        });
        d.each("former_names", &self.former_names, |d, former| {
            if former.name.trim().is_empty() {
                d.violation(Some("name"), "a former name cannot be empty");
            }
            // A rename is a fact of the past, not a figure that ages.
            d.cite_rule("source", "former name", &former.source);
        });
        d.each("accreditation", &self.accreditation, |d, a| {
            if a.body.trim().is_empty() {
                d.violation(Some("body"), "name the accrediting body");
            }
            d.cite("source", "accreditation", a.as_of, &a.source);
        });
        if let Some(statement) = &self.not_accredited {
            d.within("not_accredited", |d| {
                d.cite(
                    "source",
                    "not accredited",
                    statement.as_of,
                    &statement.source,
                )
            });
        }
        d.each("other_fees", &self.other_fees, |d, fee| fee.declare(d));
        d.each("figures", &self.figures, |d, figure| {
            d.cite("source", "figure", figure.as_of, &figure.source)
        });
        d.derived("exam", self.exam.is_some(), "the history");
        d.derived("fees", self.fees.is_some(), "the history");
        d.within("renewal", |d| self.renewal.declare(d));
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![("name", self.name.as_str()), ("full name", &self.full_name)];
        for former in &self.former_names {
            fields.push(("former name", &former.name));
            fields.extend(former.full_name.iter().map(|n| ("former name", n.as_str())));
        }
        fields.push(("description", &self.description));
        fields.extend(
            self.eligibility
                .iter()
                .map(|r| ("eligibility", r.label.as_str())),
        );
        fields.extend(
            self.exam
                .iter()
                .flat_map(|exam| &exam.domains)
                .map(|domain| ("exam domain", domain.name.as_str())),
        );
        fields.extend(self.notes.iter().map(|n| ("note", n.as_str())));
        fields
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    pub id: String,
    pub name: String,
    /// Who the figure describes, as the source words it.
    pub subject: String,
    pub role: Option<String>,
    pub occupation: Option<String>,
    /// median, mean, 90th percentile, high, ...
    pub statistic: String,
    pub period: Period,
    /// Exact amount in US cents: hourly figures have cents, and money is never a float.
    pub amount_cents: Cents,
    /// The date the source states for it; none when the source is undated.
    pub as_of: Option<Date>,
    pub source: String,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for Salary {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.link_opt("role", Kind::Role, &self.role);
        d.link_opt("occupation", Kind::Occupation, &self.occupation);
        d.cite("source", "salary", self.as_of, &self.source);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("name", &self.name), ("subject", &self.subject)]
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EducationPath {
    pub id: String,
    pub name: String,
    pub description: String,
    pub suits: String,
    pub steps: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub certifications: Vec<String>,
    pub sources: Vec<String>,
}

impl Record for EducationPath {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.links("roles", Kind::Role, &self.roles);
        d.links("certifications", Kind::Certification, &self.certifications);
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = vec![
            ("name", self.name.as_str()),
            ("description", &self.description),
            ("suits", &self.suits),
        ];
        fields.extend(self.steps.iter().map(|s| ("step", s.as_str())));
        fields
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub citation: String,
    pub enacted: Date,
    pub description: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for Regulation {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.sources(&self.sources);
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("full name", &self.full_name),
            ("citation", &self.citation),
            ("description", &self.description),
        ]
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    /// The O*NET-SOC code, e.g. `29-9021`.
    pub id: String,
    pub name: String,
    pub description: String,
    /// The broader occupation whose figures stand in for this one's, which no source gives
    /// (15-1211 Computer Systems Analysts for 15-1211.01).
    pub parent: Option<String>,
    /// The newest median and the newest outlook of `figure_history`, each with its date and
    /// source, derived at load: a data file may not set them.
    #[serde(default)]
    pub median_annual_usd: Option<u32>,
    #[serde(default)]
    pub median_as_of: Option<Date>,
    #[serde(default)]
    pub outlook_percent: Option<i32>,
    #[serde(default)]
    pub outlook_period: Option<String>,
    /// The source of the median.
    #[serde(default)]
    pub figures_source: Option<String>,
    /// The date and source of the outlook, which may come from an older edition than the
    /// median: each figure is the newest observation of that figure.
    #[serde(default)]
    pub outlook_as_of: Option<Date>,
    #[serde(default)]
    pub outlook_source: Option<String>,
    /// Every edition of the occupation's figures, each from one source.
    #[serde(default)]
    pub figure_history: Vec<OccupationFigures>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One edition of an occupation's figures (BLS's, or a third party's restatement of them).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OccupationFigures {
    pub median_annual_usd: Option<AnnualUsd>,
    /// Jobs, counted in `employment_year`.
    pub employment: Option<u32>,
    pub employment_year: Option<u16>,
    /// The projected change in jobs over `outlook_period`.
    pub employment_change: Option<i32>,
    pub outlook_percent: Option<i32>,
    pub outlook_period: Option<String>,
    pub openings_per_year: Option<u32>,
    pub entry_education: Option<String>,
    /// The pay's reference month as the source states it; none when it is undated.
    pub as_of: Option<Date>,
    pub source: String,
    pub note: Option<String>,
}

impl Record for Occupation {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn declare<'a>(&'a self, d: &mut Declared<'a>) {
        d.sources(&self.sources);
        d.link_opt("parent", Kind::Occupation, &self.parent);
        d.each("figure_history", &self.figure_history, |d, f| {
            d.cite("source", "median and outlook", f.as_of, &f.source)
        });
        for (key, set) in [
            ("median_annual_usd", self.median_annual_usd.is_some()),
            ("median_as_of", self.median_as_of.is_some()),
            ("outlook_percent", self.outlook_percent.is_some()),
            ("outlook_period", self.outlook_period.is_some()),
            ("figures_source", self.figures_source.is_some()),
            ("outlook_as_of", self.outlook_as_of.is_some()),
            ("outlook_source", self.outlook_source.is_some()),
        ] {
            d.derived(key, set, "`figure_history`");
        }
    }
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("name", &self.name), ("description", &self.description)]
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub kind: SourceKind,
    /// When the text was captured; what a figure from it is "as of" when it gives no date.
    pub retrieved: Date,
    pub published: Option<Date>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Record for Source {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn declare<'a>(&'a self, _: &mut Declared<'a>) {}
    fn search_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("title", &self.title), ("publisher", &self.publisher)]
    }
}

/// The data set's own version, from `data/about.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub version: String,
    pub date: Date,
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn partial_dates_order_a_missing_part_first() {
        // The trap the data README warns about: a year alone is earlier than any day of it.
        let cases = [
            ("2026", "2026-01", true),
            ("2026", "2026-11-25", true),
            ("2026-11", "2026-11-01", true),
            ("2025-12-31", "2026", true),
            ("2023-09", "2023-10-01", true),
            ("2026-11-25", "2026-11-25", false),
            ("2027", "2026-12-31", false),
        ];
        for (earlier, later, strictly) in cases {
            assert_eq!(date(earlier) < date(later), strictly, "{earlier} < {later}");
        }
    }

    #[test]
    fn dates_are_as_precise_as_written() {
        for text in ["2026", "2022-05", "2023-10-01", "2024-02-29"] {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "",
            "26",
            "2026-1",
            "2026-13",
            "2026-00",
            "2023-02-29",
            "2100-02-29",
            "2026-04-31",
            "1899",
            "2101",
            "2026-01-01-01",
            "2026/01/01",
            "２０２６",
        ] {
            assert!(Date::parse(text).is_err(), "{text:?} should be refused");
        }
        assert!(Date::parse("2000-02-29").is_ok());
    }

    #[test]
    fn keywords_read_and_write_as_in_the_data() {
        for level in Level::ALL {
            let json = serde_json::to_string(level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.keyword()));
        }
        assert_eq!(Education::HighSchool.keyword(), "high-school");
        assert!(Education::Master > Education::Bachelor);
        assert_eq!(SourceKind::SeedArticle.label(), "seed article");
    }

    #[test]
    fn every_kind_has_its_own_file_and_command() {
        let mut files: Vec<&str> = Kind::ALL.iter().map(|k| k.file()).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), Kind::ALL.len());
        assert_eq!(Kind::Path.file(), "paths.toml");
        assert_eq!(Kind::Certification.command(), "certs");
        assert_eq!(Kind::Employer.key(), "employer");
    }
}
