//! The JSON contract of docs/json.md as typed structs that reject unknown keys: every
//! command's JSON must deserialize into them, so a renamed, removed or undocumented key fails.

#![allow(dead_code)] // the fields are read by serde, which is the point

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::common::{KINDS, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Role {
    id: String,
    name: String,
    description: String,
    skills: Vec<String>,
    employers: Vec<String>,
    certifications: Vec<String>,
    education: String,
    education_source: Option<String>,
    paths: Vec<String>,
    occupations: Vec<String>,
    occupations_source: Option<String>,
    sources: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Responsibility {
    id: String,
    name: String,
    description: String,
    roles: Vec<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Skill {
    id: String,
    name: String,
    category: String,
    description: String,
    regulations: Vec<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Employer {
    id: String,
    name: String,
    description: String,
    data_use: String,
    examples: Vec<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Route {
    label: String,
    education: Option<String>,
    fields: Vec<String>,
    cahiim: bool,
    experience_years: Option<u32>,
    healthcare_years: Option<u32>,
    ce_hours: Option<u32>,
    credentials: Vec<String>,
    rn: bool,
    other: Option<String>,
    qualification: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Domain {
    name: String,
    weight: Option<String>,
    skills: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exam {
    duration_minutes: Option<u32>,
    questions: Option<u32>,
    scored_questions: Option<u32>,
    format: Option<String>,
    domains: Vec<Domain>,
    undated_later: Vec<usize>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fees {
    member_usd: Option<u32>,
    non_member_usd: Option<u32>,
    affiliate_usd: Option<u32>,
    price_usd: Option<u32>,
    member_saving_usd: Option<u32>,
    undated_later: Vec<usize>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OtherFee {
    what: String,
    usd: u32,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Figure {
    label: String,
    value: String,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Renewal {
    cycle_years: Option<u32>,
    ce_hours: Option<u32>,
    ce_from_issuer_hours: Option<u32>,
    ce_from_issuer_source: Option<String>,
    ce_from_issuer_as_of: Option<String>,
    ethics_hours: Option<u32>,
    ethics_source: Option<String>,
    ethics_as_of: Option<String>,
    fee_member_usd: Option<u32>,
    fee_non_member_usd: Option<u32>,
    extra_credential_fee_usd: Option<u32>,
    fee_source: Option<String>,
    fee_as_of: Option<String>,
    fee_history: Vec<Fees>,
    fee_undated_later: Vec<usize>,
    alternative: Option<String>,
    alternative_source: Option<String>,
    cycle_end: Option<String>,
    apply_by_days_before: Option<u32>,
    report_by_days_after: Option<u32>,
    first_cycle_prorated: bool,
    first_cycle_starts_next_year: bool,
    calendar_source: Option<String>,
    calendar_as_of: Option<String>,
    as_of: Option<String>,
    source: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Certification {
    id: String,
    name: String,
    full_name: String,
    former_ids: Vec<String>,
    former_names: Vec<FormerName>,
    issuer: String,
    level: String,
    tracks: Vec<String>,
    description: String,
    accreditation: Vec<Accreditation>,
    not_accredited: Option<Statement>,
    eligibility: Vec<Route>,
    exam: Option<Exam>,
    exam_history: Vec<Exam>,
    fees: Option<Fees>,
    fee_history: Vec<Fees>,
    other_fees: Vec<OtherFee>,
    figures: Vec<Figure>,
    renewal: Renewal,
    sources: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormerName {
    name: String,
    full_name: Option<String>,
    until: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Accreditation {
    body: String,
    standard: Option<String>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statement {
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Membership {
    annual_dues_usd: u32,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Organization {
    id: String,
    name: String,
    full_name: String,
    description: String,
    url: String,
    membership: Option<Membership>,
    combined_renewal: Option<CombinedRenewal>,
    lapse: Option<Lapse>,
    sources: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lapse {
    periods: Vec<LapsePeriod>,
    no_grace: bool,
    then: String,
    stop_using: bool,
    late_renewal_restarts: bool,
    reinstatement: Option<Reinstatement>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LapsePeriod {
    state: String,
    days: Option<u32>,
    fee_usd: Option<u32>,
    conflicts: Vec<PeriodConflict>,
    source: Option<String>,
    as_of: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodConflict {
    days: u32,
    source: String,
    as_of: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reinstatement {
    within_years: Option<u32>,
    fee_usd: Option<u32>,
    requires: Option<String>,
    source: String,
    as_of: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CombinedRenewal {
    extra_credential_fee_usd: Option<u32>,
    extra_credential_fee_member_usd: Option<u32>,
    fee_source: Option<String>,
    fee_as_of: Option<String>,
    extra_credential_ce_hours: Option<u32>,
    max_ce_hours: Option<u32>,
    replacements: Vec<Replacement>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Replacement {
    credential: String,
    replaces: String,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Salary {
    id: String,
    name: String,
    subject: String,
    role: Option<String>,
    occupation: Option<String>,
    statistic: String,
    period: String,
    amount_cents: u64,
    as_of: Option<String>,
    source: String,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EducationPath {
    id: String,
    name: String,
    description: String,
    suits: String,
    steps: Vec<String>,
    roles: Vec<String>,
    certifications: Vec<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Regulation {
    id: String,
    name: String,
    full_name: String,
    citation: String,
    enacted: String,
    description: String,
    sources: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Occupation {
    id: String,
    name: String,
    description: String,
    parent: Option<String>,
    median_annual_usd: Option<u32>,
    median_as_of: Option<String>,
    outlook_percent: Option<i32>,
    outlook_period: Option<String>,
    figures_source: Option<String>,
    outlook_as_of: Option<String>,
    outlook_source: Option<String>,
    figure_history: Vec<OccupationFigures>,
    sources: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OccupationFigures {
    median_annual_usd: Option<u32>,
    employment: Option<u32>,
    employment_year: Option<u16>,
    employment_change: Option<i32>,
    outlook_percent: Option<i32>,
    outlook_period: Option<String>,
    openings_per_year: Option<u32>,
    entry_education: Option<String>,
    as_of: Option<String>,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    id: String,
    title: String,
    publisher: String,
    url: String,
    kind: String,
    retrieved: String,
    published: Option<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Citation {
    kind: String,
    id: String,
    what: String,
    as_of: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hit {
    kind: String,
    id: String,
    name: String,
    matched: String,
    excerpt: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Verdict {
    id: String,
    name: String,
    status: String,
    route: Option<String>,
    missing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    year: u32,
    what: String,
    amount_usd: Option<u32>,
    ce_hours: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cost {
    id: String,
    name: String,
    years: u32,
    member: bool,
    items: Vec<Item>,
    total_usd: u32,
    lower_bound: bool,
    unknown: Vec<String>,
    membership_pays_off_year: Option<u32>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Deadline {
    cycle: u32,
    ends: String,
    apply_by: Option<String>,
    ce_hours: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Calendar {
    id: String,
    earned: String,
    deadlines: Vec<Deadline>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Covering {
    id: String,
    name: String,
    domain: String,
    held: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissingSkill {
    id: String,
    name: String,
    category: String,
    certifications: Vec<Covering>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gap {
    role: String,
    have: Vec<String>,
    missing: Vec<MissingSkill>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    order: usize,
    id: String,
    name: String,
    status: String,
    route: Option<String>,
    missing: Vec<String>,
    reason: String,
    cost: Cost,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    role: String,
    years: u32,
    gap: Gap,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct About {
    program_version: String,
    data_version: String,
    data_date: String,
    description: String,
    counts: BTreeMap<String, usize>,
    figures: AboutFigures,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AboutFigures {
    total: usize,
    undated: usize,
    stale: usize,
    third_party_only: usize,
}

fn parses<T: DeserializeOwned>(args: &[&str]) -> T {
    let value = json(args);
    serde_json::from_value(value).unwrap_or_else(|e| panic!("hi {args:?}: {e}"))
}

/// A list and one record of a kind, both typed.
fn kind<T: DeserializeOwned>(command: &str) {
    let (_, id) = KINDS.iter().find(|(c, _)| *c == command).unwrap();
    let list: Vec<T> = parses(&[command]);
    assert!(!list.is_empty());
    let _: T = parses(&[command, id]);
}

#[test]
fn every_list_and_record_matches_the_contract() {
    kind::<Role>("roles");
    kind::<Responsibility>("responsibilities");
    kind::<Skill>("skills");
    kind::<Employer>("employers");
    kind::<Certification>("certs");
    // The records that carry what most certifications leave empty: former ids and names,
    // accreditation, a price with no tier, undated later observations, a renewal fee history.
    for id in ["achip", "ni-bc", "cdip"] {
        let _: Certification = parses(&["certs", id]);
    }
    let accredited: Vec<Certification> = parses(&["certs", "--accredited"]);
    assert!(!accredited.is_empty());
    kind::<Organization>("orgs");
    kind::<Salary>("salaries");
    kind::<EducationPath>("paths");
    kind::<Regulation>("regulations");
    kind::<Occupation>("occupations");
    kind::<Source>("sources");
}

#[test]
fn every_other_command_matches_the_contract() {
    let _: Vec<Citation> = parses(&["sources", "--older-than", "0"]);
    let _: Vec<Certification> = parses(&["compare", "cahims", "cphims"]);
    let _: Vec<Role> = parses(&["compare", "analyst", "consultant"]);
    let hits: Vec<Hit> = parses(&["search", "data"]);
    assert!(!hits.is_empty());
    let _: Vec<Verdict> = parses(&[
        "eligible",
        "--education",
        "master",
        "--experience-years",
        "4",
    ]);
    let _: Vec<Cost> = parses(&["cost", "rhit", "cphims", "--years", "6", "--member"]);
    let _: Calendar = parses(&["renew", "cphims", "--earned", "2025-03-15"]);
    let _: Gap = parses(&["gap", "--role", "analyst", "--have", "sql"]);
    let plan: Plan = parses(&["plan", "--role", "consultant", "--education", "master"]);
    assert!(!plan.steps.is_empty());
    let _: About = parses(&["about"]);
    let _: Together = parses(&[
        "cost",
        "rhia",
        "chda",
        "--years",
        "6",
        "--member",
        "--together",
    ]);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TogetherItem {
    year: u32,
    usd: Option<u32>,
    what: String,
    ce_hours: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Together {
    ids: Vec<String>,
    years: u32,
    member: bool,
    items: Vec<TogetherItem>,
    total_usd: u64,
    lower_bound: bool,
    unknown: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Facts {
    education: Option<String>,
    field: Option<String>,
    cahiim: Option<bool>,
    experience_years: Option<u32>,
    healthcare_years: Option<u32>,
    ce_hours: Option<u32>,
    rn: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Held {
    id: String,
    earned: String,
    cycle_ends: Option<String>,
    renewal: Vec<Renewed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Renewed {
    on: Option<String>,
    submitted: Option<String>,
    cycle_ends: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Activity {
    number: Option<usize>,
    date: String,
    hours: f64,
    title: String,
    provider: Option<String>,
    from: Vec<String>,
    ethics: bool,
    certs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonalProfile {
    path: String,
    format: u32,
    facts: Facts,
    memberships: Vec<String>,
    credential: Vec<Held>,
    ce: Vec<Activity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Requirement {
    name: String,
    required_hours: Option<f64>,
    done_hours: f64,
    remaining_hours: Option<f64>,
    met: Option<bool>,
    on_pace: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialStatus {
    id: String,
    name: String,
    earned: String,
    state: String,
    state_since: Option<String>,
    next_change: Option<Change>,
    late_fee_usd: Option<u32>,
    reinstatable_until: Option<String>,
    what_to_do: String,
    cycle: Option<u32>,
    cycle_start: Option<String>,
    cycle_end: Option<String>,
    cycle_end_set_by: Option<String>,
    apply_by: Option<String>,
    days_left: Option<i64>,
    required_hours: Option<f64>,
    done_hours: f64,
    remaining_hours: Option<f64>,
    requirements: Vec<Requirement>,
    hours_per_month_needed: Option<f64>,
    on_pace: Option<bool>,
    renewal_fee_usd: Option<u32>,
    renewed_with: Vec<String>,
    replaced_by: Option<String>,
    renewals: Vec<Renewed>,
    attention: Vec<String>,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    state: String,
    on: String,
}

#[test]
fn the_personal_commands_match_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    let run = |args: &[&str]| {
        let output = crate::common::hi()
            .arg("--profile")
            .arg(&profile)
            .args(args)
            .arg("--json")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    };
    run(&[
        "profile",
        "set",
        "--education",
        "master",
        "--member-of",
        "ahima",
    ]);
    run(&["profile", "add", "rhia", "--earned", "2025-06-15"]);
    run(&["profile", "add", "rhit", "--earned", "2023-06-15"]);
    let added: Activity = serde_json::from_slice(&run(&[
        "ce",
        "add",
        "--date",
        "2026-01-05",
        "--hours",
        "2.5",
        "--title",
        "Webinar",
        "--provider",
        "AHIMA",
        "--from",
        "ahima",
        "--cert",
        "rhia",
    ]))
    .unwrap();
    assert_eq!(added.number, Some(1));
    let shown: PersonalProfile = serde_json::from_slice(&run(&["profile"])).unwrap();
    assert_eq!(shown.ce.len(), 1);
    let listed: Vec<Activity> = serde_json::from_slice(&run(&["ce", "list"])).unwrap();
    assert_eq!(listed.len(), 1);
    let status: Vec<CredentialStatus> = serde_json::from_slice(&run(&["status"])).unwrap();
    assert_eq!(status.len(), 2);
    assert_eq!(status[1].replaced_by.as_deref(), Some("rhia"));
    // A member pays the member fee, which the fixture does not have: unknown, not the
    // non-member price.
    assert_eq!(status[0].renewal_fee_usd, None);
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Problem {
    file: String,
    line: u64,
    column: u64,
    message: String,
    severity: Severity,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum Severity {
    Error,
    Warning,
}

#[test]
fn the_data_commands_match_the_contract() {
    let dir = crate::common::data_copy();
    let path = dir.path().join("sources.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let lonely = "\n[[source]]\nid = \"lonely\"\ntitle = \"t\"\npublisher = \"p\"\nurl = \"u\"\n\
                  kind = \"issuer\"\nretrieved = \"2026\"\n";
    std::fs::write(&path, text + lonely).unwrap();
    let output = crate::common::hi()
        .args(["data", "check", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "a warning alone is no failure");
    let problems: Vec<Problem> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    let out = tempfile::tempdir().unwrap();
    let output = crate::common::hi()
        .args(["data", "export", "--json"])
        .arg(out.path().join("copy"))
        .output()
        .unwrap();
    let written: Vec<String> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(written.len(), hi::load::FILES.len());
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteWritten {
    dir: String,
    pages: u64,
    bytes: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportWritten {
    file: String,
    bytes: u64,
}

#[test]
fn the_page_commands_match_the_contract() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let output = crate::common::hi()
        .args(["site", "--json"])
        .arg(&dir)
        .output()
        .unwrap();
    let site: SiteWritten = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(site.dir, dir.display().to_string());
    assert!(site.pages > 0 && site.bytes > 0);
    let file = out.path().join("report.html");
    let output = crate::common::hi()
        .args(["report", "--json", "--education", "bachelor", "--html"])
        .arg(&file)
        .output()
        .unwrap();
    let report: ReportWritten = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report.file, file.display().to_string());
    assert_eq!(report.bytes, std::fs::metadata(&file).unwrap().len());
}
