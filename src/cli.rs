//! The command line: clap derive types only.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::engine::ArgValueCandidates;

use crate::complete;
use crate::eligibility::Status;
use crate::facts::Facts;
use crate::model::{CeKind, Education, Field, Level, SkillCategory, Track};
use crate::output::{ColorChoice, Format};

// The tour names no count of the data (the roles and credentials grow): `hi about` gives them.
// `hi man` takes its examples and its ENVIRONMENT section from here.
pub const TOUR: &str = "\
A short tour:
  hi roles                  the roles, and the credentials that fit each
  hi roles analyst          one role in full: skills, employers, credentials
  hi certs                  the credentials, their fees and fee dates
  hi certs rhit             eligibility routes, exam, fees, renewal
  hi compare cahims cphims  side by side, with what membership saves
  hi search hipaa           every record that mentions HIPAA
  hi certs --json | jq '.[].fees.member_usd'

Every figure names its source: `hi sources` lists them; `hi about` counts the data.

Environment:
  HI_DATA_DIR      read the data files from this directory, as --data-dir does
  HI_PROFILE       the profile file, as --profile names it
  HI_TODAY         judge dates as of this day (YYYY-MM-DD) instead of today
  HI_CACHE         off: never keep a compiled cache of a --data-dir
  XDG_CONFIG_HOME  the profile is $XDG_CONFIG_HOME/hi/profile.toml (else ~/.config)
  XDG_CACHE_HOME   a --data-dir's cache is under $XDG_CACHE_HOME/hi (else ~/.cache)
  NO_COLOR         set and not empty: no colour (as --color never)
  CLICOLOR         0: no colour unless forced
  CLICOLOR_FORCE   set and not 0: colour even in a pipe
  COLUMNS          the width tables fit (default: the terminal's, else 100)
  TZ               the time zone of today (default: /etc/localtime, else UTC)";

/// Where to look for what an option of another command would have given (`hi roles --cert`):
/// the command, the option it does not take, and the tip.
pub const TIPS: &[(&str, &str, &str)] = &[
    (
        "roles",
        "cert",
        "the roles a certification is recommended for are listed by `hi certs ID`",
    ),
    (
        "certs",
        "role",
        "the certifications recommended for a role are listed by `hi roles ID`",
    ),
];

/// An offline explorer of health informatics careers and certifications
#[derive(Debug, Parser)]
#[command(
    name = "hi",
    version,
    after_help = TOUR,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// The options every command takes, before or after its name (`hi --json certs`, `hi certs
// --json`). Each command flattens its own copy rather than clap copying global options into
// every command at every start; `Cli::options` merges them, the command's winning.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Output format [default: table on a terminal, plain in a pipe]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Only these fields, in this order: column names as shown (Member, non-member) or JSON
    /// keys (id, fees); `hi COMMAND --help` lists them
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',',
          add = ArgValueCandidates::new(complete::fields))]
    pub fields: Option<Vec<String>>,

    /// When to colour output: stdout and stderr are decided each on their own [default: auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Read the TOML data files from DIR instead of the copy built into hi, and cache them
    /// compiled in ~/.cache/hi (HI_CACHE=off: no cache) [env: HI_DATA_DIR]
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub data_dir: Option<PathBuf>,

    /// Your profile (credentials held, CE log) [env: HI_PROFILE; default:
    /// $XDG_CONFIG_HOME/hi/profile.toml or ~/.config/hi/profile.toml]
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub profile: Option<PathBuf>,
}

impl GlobalArgs {
    /// These options, each one not given taken from `outer` (given before the command name).
    fn or(&self, outer: &GlobalArgs) -> GlobalArgs {
        GlobalArgs {
            format: self.format.or(outer.format),
            json: self.json || outer.json,
            fields: self.fields.clone().or_else(|| outer.fields.clone()),
            color: self.color.or(outer.color),
            data_dir: self.data_dir.clone().or_else(|| outer.data_dir.clone()),
            profile: self.profile.clone().or_else(|| outer.profile.clone()),
        }
    }
}

impl Cli {
    /// The options given, wherever on the line: those after the command name win.
    pub fn options(&self) -> GlobalArgs {
        match &self.command {
            Some(command) => command.options().or(&self.global),
            None => self.global.clone(),
        }
    }
}

impl Command {
    /// The options given after the command's name.
    fn options(&self) -> GlobalArgs {
        match self {
            Command::Query(query) => query.options(),
            Command::Data(
                DataCommand::Export { global, .. } | DataCommand::Check { global, .. },
            ) => global.clone(),
            Command::Completions(CompletionsArgs { global, .. })
            | Command::Man(ManArgs { global, .. }) => global.clone(),
            Command::Help(_) => GlobalArgs::default(),
        }
    }
}

impl Query {
    fn options(&self) -> GlobalArgs {
        match self {
            Query::Roles(a)
            | Query::Responsibilities(a)
            | Query::Employers(a)
            | Query::Orgs(a)
            | Query::Salaries(a)
            | Query::Paths(a)
            | Query::Regulations(a)
            | Query::Occupations(a) => a.global.clone(),
            Query::About(a) => a.global.clone(),
            Query::Skills(a) => a.global.clone(),
            Query::Certs(a) => a.global.clone(),
            Query::Sources(a) => a.global.clone(),
            Query::Compare(a) => a.global.clone(),
            Query::Search(a) => a.global.clone(),
            Query::Eligible(a) => a.global.clone(),
            Query::Cost(a) => a.global.clone(),
            Query::Renew(a) => a.global.clone(),
            Query::Gap(a) => a.global.clone(),
            Query::Plan(a) => a.gap.global.clone(),
            Query::Path(a) => a.global.clone(),
            Query::Status(a) => a.global.clone(),
            Query::Site(a) => a.global.clone(),
            Query::Report(a) => a.global.clone(),
            Query::Profile(a) => {
                let action = match &a.action {
                    Some(ProfileAction::Set(set)) => set.global.clone(),
                    Some(ProfileAction::Renew(renew)) => renew.global.clone(),
                    Some(ProfileAction::Check(check)) => check.global.clone(),
                    Some(
                        ProfileAction::Add { global, .. } | ProfileAction::Remove { global, .. },
                    ) => global.clone(),
                    None => GlobalArgs::default(),
                };
                action.or(&a.global)
            }
            Query::Ce(CeCommand::Add(add)) => add.global.clone(),
            Query::Ce(CeCommand::Export(export)) => export.global.clone(),
            Query::Ce(CeCommand::List(list)) => list.global.clone(),
            Query::Ce(CeCommand::Remove { global, .. }) => global.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    #[command(flatten)]
    Query(Query),

    /// Export the built-in data files to edit, or check a data directory for problems
    #[command(
        subcommand,
        after_help = "Examples:\n  hi data export my-data\n  hi data check my-data"
    )]
    Data(DataCommand),

    /// Print the shell code that completes hi's commands, options and ids
    #[command(
        after_help = "Examples:\n  hi completions bash > ~/.local/share/bash-completion/completions/hi\n  hi completions fish > ~/.config/fish/completions/hi.fish\n  source <(hi completions zsh)        # in ~/.zshrc (bash: in ~/.bashrc)\n\nThe code asks hi for each completion (as `COMPLETE=bash hi` prints it), so the ids\noffered are those of the data hi reads: a --data-dir or HI_DATA_DIR adds its own."
    )]
    Completions(CompletionsArgs),

    /// Print the manual page (roff), or write one page per command
    #[command(
        after_help = "Examples:\n  hi man | man -l -\n  hi man > ~/.local/share/man/man1/hi.1\n  hi man --dir ~/.local/share/man/man1\n  man -l ~/.local/share/man/man1/hi-certs.1"
    )]
    Man(ManArgs),

    /// Print the help of hi, or of a command: `hi help certs` is `hi certs --help`
    #[command(after_help = "Examples:\n  hi help\n  hi help certs\n  hi help ce add")]
    Help(HelpArgs),
}

/// The commands that read the catalog.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Query {
    /// List roles, or show one with its skills, employers and certifications
    #[command(
        after_help = ROLES
    )]
    Roles(Listed<IdArg>),

    /// List the daily responsibilities, or show one with the roles that carry it
    #[command(
        after_help = RESPONSIBILITIES
    )]
    Responsibilities(Listed<IdArg>),

    /// List skills, or show one with the roles that need it
    #[command(
        after_help = SKILLS
    )]
    Skills(Listed<SkillsArgs>),

    /// List employer types, or show one with what it does with health data
    #[command(
        after_help = EMPLOYERS
    )]
    Employers(Listed<IdArg>),

    /// List certifications, or show one: eligibility, exam, fees, renewal, sources
    #[command(
        after_help = CERTS
    )]
    Certs(Listed<CertsArgs>),

    /// List the organizations that issue and accredit, or show one with its certifications
    #[command(after_help = ORGS)]
    Orgs(Listed<IdArg>),

    /// List every salary figure with its source, year and whether it is hourly or annual
    #[command(
        after_help = SALARIES
    )]
    Salaries(Listed<IdArg>),

    /// List education and career paths into the field, or show one step by step
    #[command(after_help = PATHS)]
    Paths(Listed<IdArg>),

    /// List the laws that govern health data, or show one
    #[command(
        after_help = REGULATIONS
    )]
    Regulations(Listed<IdArg>),

    /// List occupations (O*NET-SOC codes) with BLS figures, or show one
    #[command(
        after_help = OCCUPATIONS
    )]
    Occupations(Listed<IdArg>),

    /// List sources, or show one with every record and figure that cites it
    #[command(
        after_help = SOURCES
    )]
    Sources(Listed<SourcesArgs>),

    /// Compare certifications with certifications, or roles with roles, side by side
    #[command(
        after_help = "Examples:\n  hi compare cahims cphims\n  hi compare rhit rhia chda\n  hi compare analyst consultant"
    )]
    Compare(CompareArgs),

    /// Search every record's id, name, description, exam domains and skills
    #[command(
        after_help = SEARCH
    )]
    Search(Listed<SearchArgs>),

    /// Which certifications a person may sit now, by which route, and what is missing
    #[command(
        after_help = ELIGIBLE
    )]
    Eligible(Listed<EligibleArgs>),

    /// What holding credentials costs over N years: exam, renewals, dues, CE hours
    #[command(
        after_help = "Examples:\n  hi cost rhit rhia\n  hi cost rhia chda --years 4 --together\n  hi cost cphims --years 10 --member\n  hi cost ciip --with-retake --non-member\n  hi cost rhia --years 4 --json | jq '.[0].total_usd'\n\nMember prices apply with the organizations your profile names (hi profile set\n--member-of ORG); --member or --non-member decides for every issuer instead."
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
        after_help = "Examples:\n  hi plan --role analyst --have sql\n  hi plan --role implementation-support --education bachelor \\\n      --field nursing --rn --experience-years 3\n  hi plan --role project-manager --education master \\\n      --experience-years 4 --healthcare-years 2 --years 9 --json"
    )]
    Plan(PlanArgs),

    /// The shortest ways from one role to another, each move with what it asks and who says so
    #[command(
        after_help = "Examples:\n  hi path medical-coder him-director\n  hi path registered-nurse cnio --education bachelor --rn\n  hi path him-technician him-director --sourced\n  hi path clinical-informaticist cmio --json | jq .moves\n\nOnly the moves in the data are walked: \"no known way\" means no source (or\njudgment) in the data leads there, not that there is none. Give your profile\n(flags, or `hi profile set`) to see which credentials you may sit."
    )]
    Path(PathArgs),

    /// Your profile: the facts eligibility takes, and the credentials you hold
    #[command(
        after_help = "Examples:\n  hi profile\n  hi profile set --education bachelor --field him --cahiim\n  hi profile add rhia --earned 2024-06-15\n  hi profile remove rhia\n\nThe profile is one TOML file you may also edit: --profile FILE, else HI_PROFILE, else\n$XDG_CONFIG_HOME/hi/profile.toml, else ~/.config/hi/profile.toml."
    )]
    Profile(ProfileCommandArgs),

    /// Your continuing-education log: add an activity, list them, remove one
    #[command(
        subcommand,
        after_help = "Examples:\n  hi ce add --date 2026-03-04 --hours 1.5 --title 'Webinar'\n  hi ce list\n  hi ce remove 3"
    )]
    Ce(CeCommand),

    /// Where you stand with each credential you hold: its cycle, hours done and due, pace
    #[command(
        after_help = STATUS
    )]
    Status(Listed<StatusArgs>),

    /// The data set's version, date and size
    #[command(after_help = "Examples:\n  hi about\n  hi about --json | jq .data_version")]
    About(IdlessArgs),

    /// Write the catalog as a static website: a page per credential, role, occupation, issuer
    /// and source, lists by track, issuer and level, comparisons, charts
    #[command(
        after_help = "Examples:\n  hi site site\n  hi site site --force\n  hi --data-dir my-data site my-site\n\nOpen DIR/index.html in a browser: the site needs no server, no network and no\nJavaScript."
    )]
    Site(SiteArgs),

    /// One printable page for you: what you can sit now, a plan toward a role with its
    /// costs, and where each credential you hold stands
    #[command(
        after_help = "Examples:\n  hi report --html report.html\n  hi report --html r.html --role analyst --have sql\n  hi report --html r.html --education bachelor --field nursing --rn\n\nThe facts come from your profile (see `hi profile`); each flag given overrides one."
    )]
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write; refused if it exists (see --force)
    pub dir: PathBuf,

    /// Replace DIR whole, when it is a site hi made or an empty folder
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write the report to FILE as one HTML page (`-` prints it)
    #[arg(long, value_name = "FILE", required = true)]
    pub html: PathBuf,

    #[command(flatten)]
    pub profile: ProfileArgs,

    /// A role to plan toward (an id from `hi roles`)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Skills you have, comma-separated ids from `hi skills`, for the plan
    #[arg(
        long,
        value_name = "SKILL,...",
        value_delimiter = ',',
        requires = "role"
    )]
    pub have: Vec<String>,

    /// Years over which to cost the plan
    #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    #[command(flatten)]
    pub pricing: PricingArgs,

    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub global: GlobalArgs,
}

const CE_LIST: &str = "Examples:\n  hi ce list\n  hi ce list --cert cphims\n  hi ce list --json | jq '[.[].hours] | add'";
const ROLES: &str =
    "Examples:\n  hi roles\n  hi roles consultant\n  hi roles --json | jq -r '.[].name'";
const RESPONSIBILITIES: &str =
    "Examples:\n  hi responsibilities\n  hi responsibilities secure-databases";
const SKILLS: &str =
    "Examples:\n  hi skills --category technical\n  hi skills --role analyst\n  hi skills sql";
const EMPLOYERS: &str = "Examples:\n  hi employers\n  hi employers government";
const CERTS: &str = "Examples:\n  hi certs --issuer ahima\n  hi certs --track coding\n  hi certs --max-fee 300 --member\n  hi certs --accredited-by ncca\n  hi certs cphims\n  hi certs --format csv --fields id,member,non-member\n  hi certs --json | jq '.[] | {id, fee: .fees.non_member_usd}'";
const ORGS: &str = "Examples:\n  hi orgs\n  hi orgs cahiim";
const SALARIES: &str = "Examples:\n  hi salaries\n  hi salaries payscale-median-annual";
const PATHS: &str = "Examples:\n  hi paths\n  hi paths clinician-to-masters";
const REGULATIONS: &str = "Examples:\n  hi regulations\n  hi regulations hitech";
const OCCUPATIONS: &str = "Examples:\n  hi occupations\n  hi occupations 29-9021";
const SOURCES: &str =
    "Examples:\n  hi sources\n  hi sources --older-than 3\n  hi sources seed-article";
const SEARCH: &str = "Examples:\n  hi search hipaa\n  hi search revenue cycle\n  hi search sql --json | jq -r '.[].id'";
const ELIGIBLE: &str = "Examples:\n  hi eligible --education bachelor --experience-years 5 \\\n      --status eligible\n  hi eligible --education associate --cahiim --cert rhit\n  hi eligible --ce-hours health-it=45 --ce-hours informatics=30 \\\n      --explain\n  hi eligible --json \\\n      | jq -r '.[] | select(.status == \"unknown\") | .ask[]'\n\nA fact you do not give is unknown, not \"no\": a verdict that needs it is unknown and\nnames the flag that would settle it.";
const STATUS: &str = "Examples:\n  hi status\n  hi status --json | jq '.[] | {id, remaining_hours, days_left}'\n  hi status --check || echo 'CE needs attention'\n  hi status --ics renewals.ics --force\n\n--check prints nothing and exits 0 when every credential is on track; otherwise it says\nwhat needs attention and exits 3.";

#[derive(Debug, Args)]
pub struct ProfileCommandArgs {
    #[command(subcommand)]
    pub action: Option<ProfileAction>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ProfileAction {
    /// Set facts of your profile; each flag given sets that one
    #[command(
        after_help = "Examples:\n  hi profile set --education master --field informatics\n  hi profile set --experience-years 6 --healthcare-years 4 --rn\n  hi profile set --member-of ahima"
    )]
    Set(SetArgs),

    /// Record a credential you hold and the day you passed its exam
    #[command(
        after_help = "Examples:\n  hi profile add rhia --earned 2024-06-15\n  hi profile add cphims --earned 2025-03-15"
    )]
    Add {
        /// A certification id from `hi certs`
        #[arg(add = ArgValueCandidates::new(complete::certifications))]
        cert: String,

        /// The day the exam was passed, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        earned: String,

        /// The day the first cycle ends as the issuer set it, when it is not the one its rule
        /// gives (or the data has none), YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        cycle_ends: Option<String>,

        #[command(flatten)]
        global: GlobalArgs,
    },

    /// Check a profile edited by hand: every problem, as FILE:LINE:COLUMN: message
    #[command(
        after_help = "Examples:\n  hi profile check\n  hi --profile my-profile.toml profile check\n\nThe rules are those of the flags that write the profile: real dates not after today,\nids in the data and named once, activities toward credentials held."
    )]
    Check(IdlessArgs),

    /// Record a renewal: submitted, granted, or the date the issuer set for a cycle's end
    #[command(
        after_help = "Examples:\n  hi profile renew rhia --submitted 2027-05-20\n  hi profile renew rhia --on 2027-06-01\n  hi profile renew cpc --cycle-ends 2027-09-30\n  hi profile renew cpc --on 2027-09-15 --cycle-ends 2029-09-30\n\n--on starts the next cycle; --cycle-ends alone sets the end of the current one."
    )]
    Renew(RenewRecordArgs),

    /// Remove a credential from your profile (refused while a CE activity is logged toward it)
    #[command(after_help = "Examples:\n  hi profile remove rhit")]
    Remove {
        /// A certification id you hold
        #[arg(add = ArgValueCandidates::new(complete::held))]
        cert: String,

        #[command(flatten)]
        global: GlobalArgs,
    },
}

#[derive(Debug, Args)]
pub struct RenewRecordArgs {
    /// A certification id you hold
    pub cert: String,

    /// The day the issuer granted the renewal: the next cycle begins, YYYY-MM-DD
    #[arg(long, value_name = "DATE", required_unless_present_any = ["submitted", "cycle_ends"])]
    pub on: Option<String>,

    /// The day you submitted the renewal (CE and fee), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub submitted: Option<String>,

    /// The day the cycle ends as the issuer set it (with --on, the new cycle), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub cycle_ends: Option<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    #[command(flatten)]
    pub facts: FactsArgs,

    /// An organization you are a member of (an id from `hi orgs`): its member prices apply;
    /// repeat for several
    #[arg(long = "member-of", value_name = "ORG", add = ArgValueCandidates::new(complete::organizations))]
    pub member_of: Vec<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum CeCommand {
    /// Log a continuing-education activity, as its certificate states it
    #[command(
        override_usage = "hi ce add [OPTIONS] --date <DATE> --title <TEXT> <AMOUNT>\n       \
                          <AMOUNT>: --hours --minutes --ceus --pdus --cpes --ce-credits --credits",
        after_help = "Examples:\n  hi ce add --date 2026-03-04 --minutes 90 --title 'Privacy webinar' \\\n    --from ahima --category hiim --proof ~/ce/privacy.pdf\n  hi ce add --date 2026-05-20 --hours 6 --title 'HIMSS chapter day' \\\n    --from himss --ethics\n  hi ce add --date 2026-06-01 --ceus 2 --title 'Coding clinic' --cert cpc \\\n    --provider AAPC --approval AAPC-12345\n  hi ce add --date 2026-06-30 --credits 3 --title 'Health IT course'\n\nGive the amount in the unit the certificate states: --hours or --minutes for a\nlength of time, --ceus, --pdus, --cpes or --ce-credits for units, --credits\nfor academic credits. Each issuer credits it by its own rules (AHIMA: a part\nof an hour under 45 minutes earns nothing; HIMSS: 5 CE hours per academic\ncredit); where the data lacks a rule it needs, the credit is unknown.\n\nWithout --cert, an activity counts toward every credential you hold whose\ncurrent cycle contains its date."
    )]
    Add(Box<CeAddArgs>),

    /// List your activities, numbered from 1
    #[command(
        after_help = CE_LIST
    )]
    List(Listed<CeListArgs>),

    /// Remove activity N (as `hi ce list` numbers them)
    #[command(after_help = "Examples:\n  hi ce remove 3")]
    Remove {
        /// The activity's number in `hi ce list`
        #[arg(add = ArgValueCandidates::new(complete::activities))]
        number: usize,

        #[command(flatten)]
        global: GlobalArgs,
    },

    /// Write one cycle's CE for an auditor: its log, copies of the proofs, a summary
    #[command(
        after_help = "Examples:\n  hi ce export --cert rhia audit-2027\n  hi ce export --cert rhia --cycle previous audit-2025\n  hi ce export --cert cphims --cycle 2026-03-01 pack --force\n\nDIR gets summary.txt (the requirements, met or not, and every proof missing or\nchanged since it was logged), log.csv and log.json (each activity as logged and\nas credited, with its proof's name and SHA-256), and proofs/ (a copy of each\nproof as it is now). DIR is written whole or not at all."
    )]
    Export(CeExportArgs),
}

#[derive(Debug, Args)]
pub struct CeExportArgs {
    /// The credential held whose cycle to export
    #[arg(long, value_name = "CERT")]
    pub cert: String,

    /// Which cycle: current, previous, or the one containing DATE (YYYY-MM-DD)
    #[arg(long, value_name = "WHICH", default_value = "current")]
    pub cycle: String,

    /// The folder to write; it must not exist yet, unless --force
    pub dir: PathBuf,

    /// Replace DIR if it is an audit pack hi wrote before (or an empty folder)
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// What the activity's certificate states, in its own unit: exactly one of these. (A doc
// comment here would become the help's description of `hi ce add`.)
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct AmountArgs {
    /// Hours it lasted, up to two decimals: 1, 1.5, 0.75
    #[arg(long, allow_negative_numbers = true, value_name = "H")]
    pub hours: Option<String>,

    /// Minutes it lasted: 50, 165
    #[arg(long, allow_negative_numbers = true, value_name = "M")]
    pub minutes: Option<String>,

    /// CEUs its certificate grants
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub ceus: Option<String>,

    /// Professional development units (PMI, AMIA) its certificate grants
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub pdus: Option<String>,

    /// CPE credits (ISC2, IAPP) its certificate grants
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub cpes: Option<String>,

    /// CE credits (NAHQ, ABII) its certificate grants
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub ce_credits: Option<String>,

    /// Academic (college) credits its transcript gives
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub credits: Option<String>,
}

impl AmountArgs {
    /// The one amount given, as (its key in the profile, the text given).
    pub fn given(&self) -> Option<(&'static str, &str)> {
        [
            ("hours", &self.hours),
            ("minutes", &self.minutes),
            ("ceus", &self.ceus),
            ("pdus", &self.pdus),
            ("cpes", &self.cpes),
            ("ce_credits", &self.ce_credits),
            ("academic_credits", &self.credits),
        ]
        .into_iter()
        .find_map(|(key, text)| Some((key, text.as_deref()?)))
    }
}

#[derive(Debug, Args)]
pub struct CeListArgs {
    /// Only the activities that count toward this credential
    #[arg(long, value_name = "CERT", add = ArgValueCandidates::new(complete::held))]
    pub cert: Option<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct CeAddArgs {
    /// The day of the activity, YYYY-MM-DD (not in the future)
    #[arg(long, value_name = "DATE")]
    pub date: String,

    #[command(flatten)]
    pub amount: AmountArgs,

    /// What it was
    #[arg(long, value_name = "TEXT")]
    pub title: String,

    /// Who gave it
    #[arg(long, value_name = "TEXT")]
    pub provider: Option<String>,

    /// The approval or index number its certificate carries (AAPC's index number)
    #[arg(long, value_name = "ID")]
    pub approval: Option<String>,

    /// Its category in the issuer's rules (hiim, education, ...); repeat for the rules of
    /// several issuers. `hi certs CERT` lists a credential's categories
    #[arg(long = "category", value_name = "NAME", value_parser = CategoryParser,
          add = ArgValueCandidates::new(complete::categories))]
    pub categories: Vec<String>,

    /// The certificate or transcript to keep with it: its path and SHA-256 are recorded
    #[arg(long, value_name = "FILE")]
    pub proof: Option<PathBuf>,

    /// An organization (an id from `hi orgs`) that offers or approves it: what counts as "from
    /// the issuer or its approved providers"; repeat for several
    #[arg(long = "from", value_name = "ORG", add = ArgValueCandidates::new(complete::organizations))]
    pub from: Vec<String>,

    /// It is on ethics
    #[arg(long)]
    pub ethics: bool,

    /// Count it only toward this credential you hold; repeat for several
    #[arg(long = "cert", value_name = "CERT", add = ArgValueCandidates::new(complete::held))]
    pub certs: Vec<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// A category name: any text (the data a run uses decides which are valid, per credential),
/// offered from the built-in data's categories in help and completions.
#[derive(Debug, Clone, Copy)]
pub struct CategoryParser;

impl clap::builder::TypedValueParser for CategoryParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let names = crate::catalog::CATEGORY_IDS.iter();
        Some(Box::new(
            names.map(|id| clap::builder::PossibleValue::new(*id)),
        ))
    }
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Also write every held credential's deadlines to FILE as an iCalendar (.ics) file
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ics: Option<PathBuf>,

    /// Overwrite FILE if it exists
    #[arg(long, requires = "ics")]
    pub force: bool,

    /// Print nothing and exit 0 when every credential is on track; else say what needs
    /// attention and exit 3
    #[arg(long)]
    pub check: bool,

    /// With --check: also report every date (cycle end, date to apply by, change of state)
    /// within DAYS of today
    #[arg(long, requires = "check", value_name = "DAYS", value_parser = clap::value_parser!(u16).range(0..=3660))]
    pub within: Option<u16>,

    #[command(flatten)]
    pub reminders: RemindArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// When the calendar's events remind, as `--ics` writes them.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Reminders in the calendar, DAYS before each event [default: 90,30,7]
    #[arg(long, requires = "ics", value_name = "DAYS,...", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..=366))]
    pub remind: Vec<u32>,

    /// No reminders in the calendar
    #[arg(long, requires = "ics", conflicts_with = "remind")]
    pub no_remind: bool,
}

impl RemindArgs {
    /// The lead times asked for, else the default ones.
    pub fn days(&self) -> Vec<u32> {
        match (self.no_remind, self.remind.is_empty()) {
            (true, _) => Vec::new(),
            (false, true) => crate::ics::DEFAULT_REMINDERS.to_vec(),
            (false, false) => self.remind.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum DataCommand {
    /// Write the built-in data files to DIR, as a starting point for your own copy
    #[command(
        after_help = "Examples:\n  hi data export my-data\n  hi data export my-data --force\n  HI_DATA_DIR=my-data hi certs"
    )]
    Export {
        /// The directory to write; created if missing, refused if not empty (see --force)
        #[arg(value_hint = ValueHint::DirPath)]
        dir: PathBuf,

        /// Write into a non-empty directory, replacing the data files in it
        #[arg(long)]
        force: bool,

        #[command(flatten)]
        global: GlobalArgs,
    },

    /// Check a data directory (default: --data-dir, else the built-in data) and list every problem
    #[command(
        after_help = "Examples:\n  hi data check my-data\n  hi data check my-data --json | jq -r '.[] | .file'\n  hi --data-dir my-data data check"
    )]
    Check {
        /// The directory to check
        #[arg(value_hint = ValueHint::DirPath)]
        dir: Option<PathBuf>,

        #[command(flatten)]
        global: GlobalArgs,
    },
}

// What a person knows of themselves, as `eligible`, `plan` and `profile set` take it: the
// flags of `facts::Facts`, one for each fact. Each flag given overrides that fact of the profile.
// (Plain comments on the flattened structs: a doc comment would become the `about` of every
// command that flattens them.)
#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Highest completed education
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub education: Option<Education>,

    /// The field of that degree
    #[arg(long, value_enum)]
    pub field: Option<Field>,

    /// The degree is from a CAHIIM-accredited health information management program
    /// (--cahiim=false to say it is not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub cahiim: Option<bool>,

    /// Years of relevant work experience
    #[arg(long, allow_negative_numbers = true, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::facts::MAX_YEARS)))]
    pub experience_years: Option<u32>,

    /// Of those years, how many were in healthcare
    #[arg(long, allow_negative_numbers = true, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::facts::MAX_YEARS)))]
    pub healthcare_years: Option<u32>,

    /// Hours of continuing education: KIND=N for one kind (health-it, informatics,
    /// project-management), repeat for several; a bare N is every kind together, which can
    /// rule a route out but never meet one that asks for a kind
    #[arg(long, allow_negative_numbers = true, value_name = "[KIND=]N", value_parser = ce_hours)]
    pub ce_hours: Vec<CeHours>,

    /// Holds an active registered nurse licence (--rn=false to say not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub rn: Option<bool>,
}

/// One `--ce-hours`: the hours of one kind, or of every kind together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CeHours {
    pub kind: Option<CeKind>,
    pub hours: u32,
}

/// Reads `--ce-hours N` or `--ce-hours KIND=N`.
fn ce_hours(text: &str) -> Result<CeHours, String> {
    let (kind, number) = match text.split_once('=') {
        Some((kind, number)) => {
            let kind = CeKind::ALL
                .iter()
                .find(|k| k.keyword().eq_ignore_ascii_case(kind.trim()))
                .ok_or_else(|| {
                    let kinds: Vec<&str> = CeKind::ALL.iter().map(|k| k.keyword()).collect();
                    format!("unknown kind of CE: expected one of {}", kinds.join(", "))
                })?;
            (Some(*kind), number)
        }
        None => (None, text),
    };
    let hours = number
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|h| *h <= crate::facts::MAX_CE_HOURS)
        .ok_or_else(|| {
            format!(
                "expected N or KIND=N, N a whole number of hours from 0 to {}",
                crate::facts::MAX_CE_HOURS
            )
        })?;
    Ok(CeHours { kind, hours })
}

impl FactsArgs {
    /// The facts these flags give; a flag not given gives nothing. The same kind of CE hours
    /// given twice is a usage error.
    pub fn facts(&self) -> anyhow::Result<Facts> {
        let mut facts = Facts {
            education: self.education,
            field: self.field,
            cahiim: self.cahiim,
            experience_years: self.experience_years,
            healthcare_years: self.healthcare_years,
            rn: self.rn,
            ..Facts::default()
        };
        for (i, given) in self.ce_hours.iter().enumerate() {
            if self.ce_hours[..i].iter().any(|g| g.kind == given.kind) {
                let kind = given.kind.map_or("every kind together", |k| k.keyword());
                return Err(crate::error::usage(format!(
                    "--ce-hours for {kind} is given twice: give each kind once"
                )));
            }
            facts = match given.kind {
                Some(kind) => facts.with_ce_hours_of(kind, given.hours),
                None => Facts {
                    ce_hours: Some(given.hours),
                    ..facts
                },
            };
        }
        Ok(facts)
    }
}

// A person's facts and credentials, as `eligible` and `plan` read them: the profile's, with
// each flag given overriding it.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(flatten)]
    pub facts: FactsArgs,

    /// A credential already held (an id from `hi certs`), besides the profile's; repeat for several
    #[arg(long = "credential", value_name = "ID", add = ArgValueCandidates::new(complete::certifications))]
    pub credentials: Vec<String>,
}

#[derive(Debug, Args)]
pub struct EligibleArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Only this certification, every route shown
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(complete::certifications))]
    pub cert: Option<String>,

    /// Only the certifications with this verdict
    #[arg(long, value_enum)]
    pub status: Option<Status>,

    /// Every route of each certification, and how it stands
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct CostArgs {
    /// One or more certification ids
    #[arg(required = true, value_name = "ID", add = ArgValueCandidates::new(complete::certifications))]
    pub ids: Vec<String>,

    /// Years to hold the credentials, counted from the pass date
    #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    #[command(flatten)]
    pub pricing: PricingArgs,

    /// Cost the credentials held at once, each issuer's rule for renewing several applied
    #[arg(long)]
    pub together: bool,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct RenewArgs {
    /// A certification id
    #[arg(add = ArgValueCandidates::new(complete::certifications))]
    pub id: String,

    /// The date the exam was passed, YYYY-MM-DD [default: the date in your profile]
    #[arg(long, value_name = "DATE")]
    pub earned: Option<String>,

    /// How many cycles to list
    #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub cycles: u32,

    /// Also write the deadlines to FILE as an iCalendar (.ics) file
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ics: Option<PathBuf>,

    /// Overwrite FILE if it exists
    #[arg(long, requires = "ics")]
    pub force: bool,

    #[command(flatten)]
    pub reminders: RemindArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    /// The target role (an id from `hi roles`)
    #[arg(long, value_name = "ROLE", add = ArgValueCandidates::new(complete::roles))]
    pub role: String,

    /// Skills you have, comma-separated ids from `hi skills`
    #[arg(long, value_name = "SKILL,...", value_delimiter = ',', add = ArgValueCandidates::new(complete::skills))]
    pub have: Vec<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub gap: GapArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Years over which to cost each certification
    #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    #[command(flatten)]
    pub pricing: PricingArgs,
}

// Which prices `cost` and `plan` pay: the profile's memberships unless a flag says otherwise,
// and whether to count a retake.
#[derive(Debug, Args)]
pub struct PricingArgs {
    /// Pay member prices and dues with every issuer, joining those your profile holds no
    /// membership of [default: member of the organizations in your profile]
    #[arg(long, conflicts_with = "non_member")]
    pub member: bool,

    /// Pay non-member prices with every issuer, whatever your profile says
    #[arg(long)]
    pub non_member: bool,

    /// Count one retake of each exam, at its re-examination fee
    #[arg(long)]
    pub with_retake: bool,
}

impl PricingArgs {
    /// Whether a flag asks for member prices everywhere (`Some(true)`), for none
    /// (`Some(false)`), or leaves it to the profile (`None`).
    pub fn member(&self) -> Option<bool> {
        match (self.member, self.non_member) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// The role you are in (an id from `hi roles`)
    pub from: String,

    /// The role you want to reach
    pub to: String,

    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Years over which to cost each credential a move names
    #[arg(long, allow_negative_numbers = true, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,

    #[command(flatten)]
    pub pricing: PricingArgs,

    /// Only moves a source states, leaving out those of the project's judgment
    #[arg(long)]
    pub sourced: bool,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The arguments of a command that lists records, whose `--help` also lists the names
/// `--fields` takes. The list is written when clap builds that command (it is deferred), and
/// only in a run that shows long help: building it costs a lookup a tenth of its instructions.
#[derive(Debug)]
pub struct Listed<T>(pub T);

/// Set by a run that shows a command's long help other than through `--help` (`hi help CMD`).
static LONG_HELP: AtomicBool = AtomicBool::new(false);

/// Asks the commands built from now on for their long help in full, field list included.
pub fn want_long_help() {
    LONG_HELP.store(true, Ordering::Relaxed);
}

fn long_help_wanted() -> bool {
    LONG_HELP.load(Ordering::Relaxed) || std::env::args_os().any(|a| a == "--help")
}

impl<T> std::ops::Deref for Listed<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Args> Args for Listed<T> {
    fn augment_args(command: clap::Command) -> clap::Command {
        with_fields(T::augment_args(command))
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        with_fields(T::augment_args_for_update(command))
    }
}

/// The command's examples, then its field names, as its long help.
fn with_fields(command: clap::Command) -> clap::Command {
    if !long_help_wanted() {
        return command;
    }
    let examples = command.get_after_help().map(ToString::to_string);
    let name = command.get_bin_name().unwrap_or(command.get_name());
    let long = crate::cmd::help_with_fields(
        name.trim_start_matches("hi "),
        &examples.unwrap_or_default(),
    );
    command.after_long_help(long)
}

impl<T: clap::FromArgMatches> clap::FromArgMatches for Listed<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Listed)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into DIR (hi.1, hi-certs.1, ...), not the one page to stdout
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// Overwrite pages that exist in DIR
    #[arg(long, requires = "dir")]
    pub force: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Default, Args)]
pub struct HelpArgs {
    /// The command, and its subcommand: `certs`, `ce add`
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

// A command that takes only the options every command takes.
#[derive(Debug, Args)]
pub struct IdlessArgs {
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct IdArg {
    /// Show this record in full (case does not matter)
    #[arg(add = ArgValueCandidates::new(complete::records))]
    pub id: Option<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// Show this skill in full
    #[arg(add = ArgValueCandidates::new(complete::skills))]
    pub id: Option<String>,

    /// Only skills of this category
    #[arg(long, value_enum)]
    pub category: Option<SkillCategory>,

    /// Only skills this role needs
    #[arg(long, value_name = "ROLE", add = ArgValueCandidates::new(complete::roles))]
    pub role: Option<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct CertsArgs {
    /// Show this certification in full
    #[arg(add = ArgValueCandidates::new(complete::certifications))]
    pub id: Option<String>,

    /// Only certifications from this organization (an id from `hi orgs`)
    #[arg(long, value_name = "ORG", add = ArgValueCandidates::new(complete::organizations))]
    pub issuer: Option<String>,

    /// Only certifications of this level
    #[arg(long, value_enum)]
    pub level: Option<Level>,

    /// Only certifications that serve this track
    #[arg(long, value_enum)]
    pub track: Option<Track>,

    /// Only certifications whose current exam fee is at most USD (non-member, or member with --member)
    #[arg(long, allow_negative_numbers = true, value_name = "USD")]
    pub max_fee: Option<u32>,

    /// Apply --max-fee to the member price
    #[arg(long, requires = "max_fee")]
    pub member: bool,

    /// Only certifications a source states are accredited (by any body)
    #[arg(long)]
    pub accredited: bool,

    /// Only certifications a source states are accredited by BODY (NCCA, ANAB, ...; any case)
    #[arg(long, value_name = "BODY")]
    pub accredited_by: Option<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Show this source with what cites it
    #[arg(add = ArgValueCandidates::new(complete::records))]
    pub id: Option<String>,

    /// List the figures whose date is more than N years before today
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "N",
        conflicts_with = "id"
    )]
    pub older_than: Option<u32>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more certification ids, or two or more role ids
    #[arg(required = true, num_args = 2.., value_name = "ID", add = ArgValueCandidates::new(complete::comparable))]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Text to find, ignoring case; several words are one phrase
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    #[command(flatten)]
    pub global: GlobalArgs,
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
    Status,
    Education,
    Field,
    Format,
    Level,
    SkillCategory,
    Track
);
