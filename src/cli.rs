//! The command line: clap derive types only.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{Education, Field, Level, SkillCategory, Track};
use crate::output::{ColorChoice, Format};

const TOUR: &str = "\
A short tour:
  hi roles                        the four roles health informatics specialists fill
  hi roles analyst                one role in full: skills, employers, certifications
  hi certs                        certifications from HIMSS, AHIMA, AMIA and ANCC
  hi certs rhit                   eligibility routes, exam, fees with dates, renewal
  hi compare cahims cphims        side by side, with what membership saves
  hi search hipaa                 every record that mentions HIPAA
  hi certs --json | jq '.[].fees.member_usd'

Every figure names its source: `hi sources` lists them.";

/// An offline explorer of health informatics careers and certifications
#[derive(Debug, Parser)]
#[command(name = "hi", version, after_help = TOUR)]
pub struct Cli {
    /// Output format [default: table on a terminal, plain in a pipe]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Same as --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// Only these keys (JSON) or columns (other formats), in this order: --fields id,fees
    #[arg(long, global = true, value_name = "FIELD,...", value_delimiter = ',')]
    pub fields: Option<Vec<String>>,

    /// When to colour output: stdout and stderr are decided each on their own
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    pub color: ColorChoice,

    /// Read the TOML data files from DIR instead of the copy built into hi
    #[arg(long, global = true, env = "HI_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Query(Query),

    /// Export the built-in data files to edit, or check a data directory for problems
    #[command(subcommand)]
    Data(DataCommand),

    /// Print a shell completion script: bash, zsh, fish, powershell or elvish
    #[command(
        after_help = "Examples:\n  hi completions bash > ~/.local/share/bash-completion/completions/hi\n  hi completions zsh > ~/.zfunc/_hi\n  hi completions fish > ~/.config/fish/completions/hi.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff)
    #[command(
        after_help = "Examples:\n  hi man | man -l -\n  hi man > ~/.local/share/man/man1/hi.1"
    )]
    Man,
}

/// The commands that read the catalog.
#[derive(Debug, Subcommand)]
pub enum Query {
    /// List roles, or show one with its skills, employers and certifications
    #[command(
        after_help = "Examples:\n  hi roles\n  hi roles consultant\n  hi roles --json | jq -r '.[].name'"
    )]
    Roles(IdArg),

    /// List the daily responsibilities, or show one with the roles that carry it
    #[command(
        after_help = "Examples:\n  hi responsibilities\n  hi responsibilities secure-databases"
    )]
    Responsibilities(IdArg),

    /// List skills, or show one with the roles that need it
    #[command(
        after_help = "Examples:\n  hi skills --category technical\n  hi skills --role analyst\n  hi skills sql"
    )]
    Skills(SkillsArgs),

    /// List employer types, or show one with what it does with health data
    #[command(after_help = "Examples:\n  hi employers\n  hi employers government")]
    Employers(IdArg),

    /// List certifications, or show one: eligibility, exam, fees, renewal, sources
    #[command(
        after_help = "Examples:\n  hi certs --issuer ahima\n  hi certs --track coding\n  hi certs --max-fee 300 --member\n  hi certs cphims\n  hi certs --json | jq '.[] | {id, fee: .fees.non_member_usd}'"
    )]
    Certs(CertsArgs),

    /// List the organizations that issue and accredit, or show one with its certifications
    #[command(after_help = "Examples:\n  hi orgs\n  hi orgs cahiim")]
    Orgs(IdArg),

    /// List every salary figure with its source, year and whether it is hourly or annual
    #[command(after_help = "Examples:\n  hi salaries\n  hi salaries payscale-median-annual")]
    Salaries(IdArg),

    /// List education and career paths into the field, or show one step by step
    #[command(after_help = "Examples:\n  hi paths\n  hi paths clinician-to-masters")]
    Paths(IdArg),

    /// List the laws that govern health data, or show one
    #[command(after_help = "Examples:\n  hi regulations\n  hi regulations hitech")]
    Regulations(IdArg),

    /// List occupations (O*NET-SOC codes) with BLS figures, or show one
    #[command(after_help = "Examples:\n  hi occupations\n  hi occupations 29-9021")]
    Occupations(IdArg),

    /// List sources, or show one with every record and figure that cites it
    #[command(
        after_help = "Examples:\n  hi sources\n  hi sources --older-than 3\n  hi sources seed-article"
    )]
    Sources(SourcesArgs),

    /// Compare certifications with certifications, or roles with roles, side by side
    #[command(
        after_help = "Examples:\n  hi compare cahims cphims\n  hi compare rhit rhia chda\n  hi compare analyst consultant"
    )]
    Compare(CompareArgs),

    /// Search every record's id, name, description, exam domains and skills
    #[command(
        after_help = "Examples:\n  hi search hipaa\n  hi search 'revenue cycle'\n  hi search sql --json | jq -r '.[].id'"
    )]
    Search(SearchArgs),

    /// Which certifications a person may sit now, by which route, and what is missing
    #[command(
        after_help = "Examples:\n  hi eligible --education bachelor --experience-years 5 --healthcare-years 3\n  hi eligible --education associate --cahiim --cert rhit\n  hi eligible --education high-school --ce-hours 45 --json | jq '.[] | select(.status == \"eligible\") | .id'"
    )]
    Eligible(EligibleArgs),

    /// What holding credentials costs over N years: exam, renewals, dues, CE hours
    #[command(
        after_help = "Examples:\n  hi cost rhit rhia --years 6\n  hi cost rhia chda --years 4 --together\n  hi cost cphims --years 10 --member\n  hi cost rhia --years 4 --json | jq '.[0].total_usd'"
    )]
    Cost(CostArgs),

    /// The renewal calendar of a credential earned on a date, optionally as an iCalendar file
    #[command(
        after_help = "Examples:\n  hi renew rhia --earned 2025-06-30\n  hi renew cphims --earned 2025-03-15 --ics cphims.ics\n  hi renew cahims --earned 2024-02-29 --cycles 5 --json"
    )]
    Renew(RenewArgs),

    /// The skills a role needs that you lack, and the certifications whose exams cover them
    #[command(
        after_help = "Examples:\n  hi gap --role analyst --have sql,python\n  hi gap --role project-manager --json | jq -r '.missing[].id'"
    )]
    Gap(GapArgs),

    /// A plan toward a role: the skill gap, certifications in order, and their cost
    #[command(
        after_help = "Examples:\n  hi plan --role analyst --have sql\n  hi plan --role implementation-support --education bachelor --field nursing --rn --experience-years 3\n  hi plan --role project-manager --education master --experience-years 4 --healthcare-years 2 --years 9 --json"
    )]
    Plan(PlanArgs),

    /// The data set's version, date and size
    #[command(after_help = "Examples:\n  hi about\n  hi about --json | jq .data_version")]
    About,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Write the built-in data files to DIR, as a starting point for your own copy
    #[command(
        after_help = "Examples:\n  hi data export my-data\n  hi data export my-data --force\n  HI_DATA_DIR=my-data hi certs"
    )]
    Export {
        /// The directory to write; created if missing, refused if not empty (see --force)
        dir: PathBuf,

        /// Write into a non-empty directory, replacing the data files in it
        #[arg(long)]
        force: bool,
    },

    /// Check a data directory (default: --data-dir, else the built-in data) and list every problem
    #[command(
        after_help = "Examples:\n  hi data check my-data\n  hi data check my-data --json | jq -r '.[] | .file'\n  hi --data-dir my-data data check"
    )]
    Check {
        /// The directory to check
        dir: Option<PathBuf>,
    },
}

/// A person's education and experience, as `eligible` and `plan` read them.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Highest completed education
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub education: Option<Education>,

    /// The field of that degree
    #[arg(long, value_enum)]
    pub field: Option<Field>,

    /// The degree is from a CAHIIM-accredited health information management program
    #[arg(long)]
    pub cahiim: bool,

    /// Years of relevant work experience
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub experience_years: u32,

    /// Of those years, how many were in healthcare
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub healthcare_years: u32,

    /// Hours of continuing education in the field
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub ce_hours: u32,

    /// A credential already held (an id from `hi certs`); repeat for several
    #[arg(long = "credential", value_name = "ID")]
    pub credentials: Vec<String>,

    /// Holds an active registered nurse licence
    #[arg(long)]
    pub rn: bool,
}

#[derive(Debug, Args)]
pub struct EligibleArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Only this certification
    #[arg(long, value_name = "ID")]
    pub cert: Option<String>,
}

#[derive(Debug, Args)]
pub struct CostArgs {
    /// One or more certification ids
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    /// Years to hold the credentials, counted from the pass date
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    /// Pay member prices (and membership dues, where the data has them)
    #[arg(long)]
    pub member: bool,

    /// Cost the credentials held at once, each issuer's rule for renewing several applied
    #[arg(long)]
    pub together: bool,
}

#[derive(Debug, Args)]
pub struct RenewArgs {
    /// A certification id
    pub id: String,

    /// The date the exam was passed, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub earned: String,

    /// How many cycles to list
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub cycles: u32,

    /// Also write the deadlines to FILE as an iCalendar (.ics) file
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,

    /// Overwrite FILE if it exists
    #[arg(long, requires = "ics")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    /// The target role (an id from `hi roles`)
    #[arg(long, value_name = "ROLE")]
    pub role: String,

    /// Skills you have, comma-separated ids from `hi skills`
    #[arg(long, value_name = "SKILL,...", value_delimiter = ',')]
    pub have: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub gap: GapArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Years over which to cost each certification
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    /// Cost at member prices
    #[arg(long)]
    pub member: bool,
}

#[derive(Debug, Args)]
pub struct IdArg {
    /// Show this record in full (case does not matter)
    pub id: Option<String>,
}

#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// Show this skill in full
    pub id: Option<String>,

    /// Only skills of this category
    #[arg(long, value_enum)]
    pub category: Option<SkillCategory>,

    /// Only skills this role needs
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
}

#[derive(Debug, Args)]
pub struct CertsArgs {
    /// Show this certification in full
    pub id: Option<String>,

    /// Only certifications from this organization (an id from `hi orgs`)
    #[arg(long, value_name = "ORG")]
    pub issuer: Option<String>,

    /// Only certifications of this level
    #[arg(long, value_enum)]
    pub level: Option<Level>,

    /// Only certifications that serve this track
    #[arg(long, value_enum)]
    pub track: Option<Track>,

    /// Only certifications whose current exam fee is at most USD (non-member, or member with --member)
    #[arg(long, value_name = "USD")]
    pub max_fee: Option<u32>,

    /// Apply --max-fee to the member price
    #[arg(long, requires = "max_fee")]
    pub member: bool,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Show this source with what cites it
    pub id: Option<String>,

    /// List the figures whose date is more than N years before today
    #[arg(long, value_name = "N", conflicts_with = "id")]
    pub older_than: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more certification ids, or two or more role ids
    #[arg(required = true, num_args = 2.., value_name = "ID")]
    pub ids: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Text to find, ignoring case
    pub text: String,
}

/// The data's keyword enums as values on the command line: the keywords and their descriptions
/// come from the model, so the two never disagree.
macro_rules! value_enum {
    ($($type:ty),*) => {$(
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                <$type>::ALL
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                let value = PossibleValue::new(self.keyword());
                Some(match self.label() == self.keyword() {
                    true => value,
                    false => value.help(self.label()),
                })
            }
        }
    )*};
}
value_enum!(
    ColorChoice,
    Education,
    Field,
    Format,
    Level,
    SkillCategory,
    Track
);
