//! The command line: clap derive types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::model::{Level, SkillCategory};
use crate::output::Format;

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

/// hi: an offline explorer of health informatics careers and certifications
#[derive(Debug, Parser)]
#[command(name = "hi", version, after_help = TOUR)]
pub struct Cli {
    /// Output format [default: table on a terminal, plain in a pipe]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Same as --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// Read the TOML data files from DIR instead of the copy built into hi
    #[arg(long, global = true, env = "HI_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
        after_help = "Examples:\n  hi certs --issuer ahima\n  hi certs --max-fee 300 --member\n  hi certs cphims\n  hi certs --json | jq '.[] | {id, fee: .fees.non_member_usd}'"
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

    /// The data set's version, date and size
    About,
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
