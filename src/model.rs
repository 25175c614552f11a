//! The typed records of the knowledge base, as they appear in `data/*.toml` and in `--json`.
//!
//! Records are deserialized as written (`deny_unknown_fields`), then `load` links them into a
//! [`Data`]: ids checked, references resolved, the current fee and exam observation chosen;
//! `catalog` serves it to the commands.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
        if let (Some(m), Some(d)) = (month, day) {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&d) {
                return Err(bad());
            }
        }
        Ok(Date {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
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

/// The kinds of record, in the order `hi search` groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Role,
    Responsibility,
    Skill,
    Employer,
    Certification,
    Organization,
    Salary,
    Path,
    Regulation,
    Occupation,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Role,
        Kind::Responsibility,
        Kind::Skill,
        Kind::Employer,
        Kind::Certification,
        Kind::Organization,
        Kind::Salary,
        Kind::Path,
        Kind::Regulation,
        Kind::Occupation,
        Kind::Source,
    ];

    /// The subcommand that lists and shows records of this kind.
    pub fn command(self) -> &'static str {
        match self {
            Kind::Role => "roles",
            Kind::Responsibility => "responsibilities",
            Kind::Skill => "skills",
            Kind::Employer => "employers",
            Kind::Certification => "certs",
            Kind::Organization => "orgs",
            Kind::Salary => "salaries",
            Kind::Path => "paths",
            Kind::Regulation => "regulations",
            Kind::Occupation => "occupations",
            Kind::Source => "sources",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::Responsibility => "responsibility",
            Kind::Skill => "skill",
            Kind::Employer => "employer type",
            Kind::Certification => "certification",
            Kind::Organization => "organization",
            Kind::Salary => "salary figure",
            Kind::Path => "education path",
            Kind::Regulation => "regulation",
            Kind::Occupation => "occupation",
            Kind::Source => "source",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub description: String,
    pub skills: Vec<String>,
    pub employers: Vec<String>,
    pub certifications: Vec<String>,
    pub education: String,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub occupations: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum SkillCategory {
    Regulatory,
    Communication,
    Technical,
    ProjectManagement,
    DataManagement,
    StrategicPlanning,
}

impl SkillCategory {
    pub fn label(self) -> &'static str {
        match self {
            SkillCategory::Regulatory => "regulatory",
            SkillCategory::Communication => "communication",
            SkillCategory::Technical => "technical",
            SkillCategory::ProjectManagement => "project-management",
            SkillCategory::DataManagement => "data-management",
            SkillCategory::StrategicPlanning => "strategic-planning",
        }
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub description: String,
    pub url: String,
    pub membership: Option<Membership>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What individual membership of an organization costs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub annual_dues_usd: u32,
    pub as_of: Date,
    pub source: String,
    pub note: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Entry,
    Professional,
    Specialty,
    Advanced,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Entry => "entry",
            Level::Professional => "professional",
            Level::Specialty => "specialty",
            Level::Advanced => "advanced",
        }
    }
}

/// Education levels, lowest first, so a route's minimum compares with `>=`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Education {
    None,
    HighSchool,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

impl Education {
    pub fn label(self) -> &'static str {
        match self {
            Education::None => "no formal education",
            Education::HighSchool => "high-school diploma",
            Education::Associate => "associate degree",
            Education::Bachelor => "bachelor's degree",
            Education::Master => "master's degree",
            Education::Doctorate => "doctorate",
        }
    }
}

/// The field of a degree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// Health information management
    Him,
    /// Health or biomedical informatics
    Informatics,
    /// Information technology or computer science
    It,
    Nursing,
    Other,
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
    pub experience_years: Option<u32>,
    pub healthcare_years: Option<u32>,
    pub ce_hours: Option<u32>,
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
    pub source: String,
    pub note: Option<String>,
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
    pub duration_minutes: Option<u32>,
    pub questions: Option<u32>,
    pub scored_questions: Option<u32>,
    pub format: Option<String>,
    #[serde(default)]
    pub domains: Vec<Domain>,
    pub as_of: Date,
    pub source: String,
    pub note: Option<String>,
}

/// One observation of an exam's fees, from one source at one date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    pub member_usd: Option<u32>,
    pub non_member_usd: Option<u32>,
    /// Some issuers price a third tier for staff of member organizations.
    pub affiliate_usd: Option<u32>,
    /// Derived at load: what an individual member saves, when both prices are known. A data
    /// file may not set it.
    #[serde(default)]
    pub member_saving_usd: Option<u32>,
    pub as_of: Date,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    pub cycle_years: Option<u32>,
    pub ce_hours: Option<u32>,
    /// Of `ce_hours`, how many must come from the issuer or its approved providers.
    pub ce_from_issuer_hours: Option<u32>,
    pub ethics_hours: Option<u32>,
    /// The issuer's recertification fee per cycle, for one credential.
    pub fee_member_usd: Option<u32>,
    pub fee_non_member_usd: Option<u32>,
    /// What each further credential held from the same issuer adds to the fee.
    pub extra_credential_fee_usd: Option<u32>,
    /// Where the fees come from, when not from `source`.
    pub fee_source: Option<String>,
    pub alternative: Option<String>,
    /// How a cycle's end date follows from the pass date; unknown when left out.
    pub cycle_end: Option<CycleEnd>,
    /// The issuer asks for the renewal application this many days before the cycle ends.
    pub apply_by_days_before: Option<u32>,
    /// Where `cycle_end` and `apply_by_days_before` come from, when not from `source`.
    pub calendar_source: Option<String>,
    pub as_of: Date,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CycleEnd {
    /// The same day, `cycle_years` after the pass date (or the previous cycle's end).
    Anniversary,
    /// The last day of the month in which the anniversary falls.
    EndOfMonth,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub issuer: String,
    pub level: Level,
    pub description: String,
    /// Every eligibility route; empty means the rules are not in the data.
    pub eligibility: Vec<Route>,
    /// The newest entry of `exam_history`, chosen at load; a data file may not set it.
    #[serde(default)]
    pub exam: Option<Exam>,
    pub exam_history: Vec<Exam>,
    /// The newest entry of `fee_history`, chosen at load; a data file may not set it.
    #[serde(default)]
    pub fees: Option<Fees>,
    pub fee_history: Vec<Fees>,
    pub renewal: Renewal,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Year,
    Hour,
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
    pub amount_cents: u64,
    pub as_of: Date,
    pub source: String,
    #[serde(default)]
    pub notes: Vec<String>,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    /// The O*NET-SOC code, e.g. `29-9021`.
    pub id: String,
    pub name: String,
    pub description: String,
    pub median_annual_usd: Option<u32>,
    pub median_as_of: Option<Date>,
    pub outlook_percent: Option<i32>,
    pub outlook_period: Option<String>,
    /// The source of the median and outlook figures; required when either is given.
    pub figures_source: Option<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Issuer,
    Government,
    PeerReviewed,
    ThirdParty,
    SeedArticle,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Issuer => "issuer",
            SourceKind::Government => "government",
            SourceKind::PeerReviewed => "peer-reviewed",
            SourceKind::ThirdParty => "third-party",
            SourceKind::SeedArticle => "seed article",
        }
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

/// The data set's own version, from `data/about.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub version: String,
    pub date: Date,
    pub description: String,
}

/// Every record, validated and linked, as plain lists. Built only by `load::build`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Data {
    pub about: About,
    pub roles: Vec<Role>,
    pub responsibilities: Vec<Responsibility>,
    pub skills: Vec<Skill>,
    pub employers: Vec<Employer>,
    pub certifications: Vec<Certification>,
    pub organizations: Vec<Organization>,
    pub salaries: Vec<Salary>,
    pub paths: Vec<EducationPath>,
    pub regulations: Vec<Regulation>,
    pub occupations: Vec<Occupation>,
    pub sources: Vec<Source>,
}
