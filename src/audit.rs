//! `hi ce export`: the audit pack of one credential's cycle, for the auditor an issuer may send
//! (AAPC checks a quarter of all submissions; AHIMA tells holders to keep every certificate).
//!
//! The pack is a folder: `summary.txt` (one page: the requirements, met or not, and every
//! proof missing or changed), `log.csv` and `log.json` (each activity of the cycle as logged
//! and as credited, with its proof's name and SHA-256), and `proofs/` (a copy of each proof as
//! it is now). It is built in a temporary folder beside its place and renamed into it whole;
//! Ctrl-C removes what was built. A proof missing is listed, not fatal; a proof changed since
//! it was logged is copied as it is now and flagged.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::CeExportArgs;
use crate::context::Context;
use crate::credit::{Credit, Entry};
use crate::error::{Interrupted, Outcome, usage};
use crate::lifecycle::{self, Cycle};
use crate::model::{CeUnit, Certification, Organization};
use crate::output::Output;
use crate::profile::{self, Held, Hours, Profile};
use crate::proof::State;
use crate::read::Refusal;
use crate::sanitize::clean_line;
use crate::status::Requirement;
use crate::write::{Interruptible, interrupted, parent_dir, resolved};

/// The files of a pack: nothing else is ever in one, so `--force` replaces only a folder
/// holding these (or nothing).
const FILES: [&str; 4] = ["summary.txt", "log.csv", "log.json", "proofs"];

pub(crate) fn run(
    args: &CeExportArgs,
    ctx: &Context,
    path: &Path,
    out: &mut Output,
) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let today = ctx.today()?;
    let stored = profile::read_checked(path, catalog, today)?;
    let cert = catalog.get::<Certification>(&args.cert)?;
    let pack = Pack::build(cert, &args.cycle, &stored, catalog, today)?;
    ctx.refuse_own_in(&args.dir)?;
    refuse_over(&args.dir, &pack)?;
    let done = match write(&args.dir, args.force, &pack) {
        Err(e) if e.is::<Interrupted>() => return Ok(Outcome::Interrupted),
        done => done?,
    };
    let shown = clean_line(&args.dir.display().to_string());
    out.message(&format!(
        "audit pack of {} cycle {} written: {shown} (activities: {}; proofs: {} copied, {} missing, {} changed)",
        cert.name,
        pack.cycle.number,
        pack.rows.len(),
        done.copied,
        done.missing.len(),
        done.changed.len()
    ))?;
    let summary = Written {
        dir: args.dir.display().to_string(),
        cert: &cert.id,
        cycle: pack.cycle.number,
        cycle_start: pack.cycle.start,
        cycle_end: pack.cycle.end,
        activities: pack.rows.len(),
        proofs_copied: done.copied,
        proofs_missing: done.missing,
        proofs_changed: done.changed,
        requirements_met: crate::status::every(&pack.requirements, |r| r.met),
    };
    let lines = vec![format!("{}/summary.txt", args.dir.display())];
    out.lines(&lines, &summary, WRITTEN_KEYS)?;
    Ok(Outcome::Done)
}

/// The keys of what `hi ce export --json` prints, for `--fields`.
const WRITTEN_KEYS: &[&str] = &[
    "dir",
    "cert",
    "cycle",
    "cycle_start",
    "cycle_end",
    "activities",
    "proofs_copied",
    "proofs_missing",
    "proofs_changed",
    "requirements_met",
];

/// What `hi ce export --json` prints.
#[derive(Serialize)]
struct Written<'a> {
    dir: String,
    cert: &'a str,
    cycle: u32,
    cycle_start: Date,
    cycle_end: Option<Date>,
    activities: usize,
    proofs_copied: usize,
    /// The numbers of the activities whose proof is not in the pack: none was logged, or the
    /// file is gone or unreadable.
    proofs_missing: Vec<usize>,
    /// The numbers of the activities whose proof changed since it was logged.
    proofs_changed: Vec<usize>,
    requirements_met: Option<bool>,
}

/// One cycle of one credential, as the pack reports it.
struct Pack<'a> {
    cert: &'a Certification,
    issuer: String,
    unit: String,
    cycle: Cycle,
    today: Date,
    requirements: Vec<Requirement>,
    notes: Vec<String>,
    rows: Vec<Row>,
    /// The proof to copy for each row that logged one, by row.
    proofs: Vec<Option<profile::Proof>>,
}

impl<'a> Pack<'a> {
    fn build(
        cert: &'a Certification,
        which: &str,
        stored: &'a Profile,
        catalog: &'a Catalog,
        today: Date,
    ) -> Result<Pack<'a>> {
        let held = stored
            .credentials
            .iter()
            .find(|h| h.id == cert.id)
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{} is not in your profile: `hi profile add {} --earned YYYY-MM-DD` first",
                    cert.name,
                    cert.id
                )
            })?;
        let certs: Vec<&Certification> = stored
            .credentials
            .iter()
            .filter_map(|h| catalog.get::<Certification>(&h.id).ok())
            .collect();
        let member = |issuer: &str| stored.memberships.iter().any(|m| m == issuer);
        let (groups, replaced) = crate::renewal::renewals(&certs, catalog, member);
        if let Some(r) = replaced.iter().find(|r| r.cert.id == cert.id) {
            bail!(
                "{} is renewed through {}: export --cert {}",
                cert.name,
                r.by.name,
                r.by.id
            );
        }
        let group = groups
            .iter()
            .find(|g| g.certs.iter().any(|c| c.id == cert.id))
            .context("every credential held is renewed or replaced")?;
        let issuer = catalog.get::<Organization>(&cert.issuer).ok();
        let cycle = chosen(cert, held, issuer, which)?;
        let window = crate::status::window(held, cert, issuer, &cycle, today);
        let (requirements, notes) =
            crate::status::ce_standing(cert, group, cycle.number, stored, &window);
        let categories = crate::credit::categories(window.rules, &group.certs);
        let entries: Vec<Entry> = crate::credit::entries(&stored.ce, cert, &window, &categories)
            .into_iter()
            .filter(|e| e.outside.is_none())
            .collect();
        let unit = cert.renewal.ce_unit.map_or("unknown", CeUnit::label);
        Ok(Pack {
            cert,
            issuer: window.issuer.clone(),
            unit: crate::credit::unit_rule(&window.issuer, window.rules),
            cycle,
            today,
            requirements,
            notes,
            proofs: entries.iter().map(|e| e.activity.proof.clone()).collect(),
            rows: entries.iter().map(|e| Row::of(e, unit)).collect(),
        })
    }
}

/// The cycle `which` names: `current`, `previous`, or the one containing a date.
fn chosen(
    cert: &Certification,
    held: &Held,
    issuer: Option<&Organization>,
    which: &str,
) -> Result<Cycle> {
    let mut all = lifecycle::cycles(cert, held, issuer.and_then(|o| o.lapse.as_ref()));
    match which {
        "current" => Ok(all.pop().context("a credential held is in a cycle")?),
        "previous" => {
            all.pop();
            all.pop().ok_or_else(|| {
                usage(format!(
                    "{} has no earlier cycle: it was earned {} and no renewal is recorded \
                     (`hi profile renew {} --on DATE`)",
                    cert.name, held.earned, cert.id
                ))
            })
        }
        day => {
            let day = crate::clock::date_arg("--cycle", day).map_err(|_| {
                usage(format!(
                    "--cycle `{}`: give current, previous or a date (YYYY-MM-DD)",
                    crate::sanitize::echo(day)
                ))
            })?;
            let last_end = all.last().and_then(|c| c.end);
            all.into_iter()
                .rev()
                .find(|c| c.start <= day && c.end.is_none_or(|end| day <= end))
                .ok_or_else(|| {
                    usage(match last_end.filter(|end| day > *end) {
                        Some(end) => format!(
                            "no cycle of {} contains {day}: its last cycle ended {end} and no \
                             renewal is recorded since (`hi profile renew {} --on DATE`)",
                            cert.name, cert.id
                        ),
                        None => format!(
                            "no cycle of {} contains {day}: it was earned {}",
                            cert.name, held.earned
                        ),
                    })
                })
        }
    }
}

/// One activity of the cycle, as `log.csv` and `log.json` give it.
#[derive(Debug, Clone, Serialize)]
struct Row {
    number: usize,
    date: Date,
    title: String,
    provider: Option<String>,
    approval: Option<String>,
    /// The organizations that offer or approve it, separated by `; `.
    from: String,
    categories: String,
    ethics: bool,
    /// As its certificate states it: `165 minutes`.
    logged: String,
    logged_amount: String,
    logged_unit: &'static str,
    /// What the issuer's rules credit; empty when unknown.
    credited: Option<Hours>,
    credited_unit: &'static str,
    /// Why the credit is not known in full, if it is not.
    credit_note: Option<String>,
    /// The copy's path inside the pack, when it was copied.
    proof_file: Option<String>,
    proof_sha256_logged: Option<String>,
    proof_sha256_now: Option<String>,
    /// `ok`, `none`, `changed`, `missing` or `unreadable`.
    proof_state: &'static str,
}

impl Row {
    fn of(e: &Entry, unit: &'static str) -> Row {
        let a = e.activity;
        Row {
            number: e.number,
            date: a.date,
            title: a.title.clone(),
            provider: a.provider.clone(),
            approval: a.approval.clone(),
            from: a.from.join("; "),
            categories: a.categories.join("; "),
            ethics: a.ethics,
            logged: a.amount.to_string(),
            logged_amount: a.amount.number(),
            logged_unit: a.amount.key(),
            credited: match &e.credit {
                Credit::Unknown(_) => None,
                credit => Some(credit.counted()),
            },
            credited_unit: unit,
            credit_note: e.credit.doubt().map(str::to_string),
            proof_file: None,
            proof_sha256_logged: a.proof.as_ref().map(|p| p.sha256.clone()),
            proof_sha256_now: None,
            proof_state: "none",
        }
    }
}

/// What writing the pack found of the proofs.
struct Done {
    copied: usize,
    missing: Vec<usize>,
    changed: Vec<usize>,
}

/// Refuses a DIR that holds a proof of the pack: replacing it would destroy what the pack is
/// made from (the profile, its lock and hi's cache are refused before, as every command does).
fn refuse_over(dir: &Path, pack: &Pack) -> Result<()> {
    let shown = || clean_line(&dir.display().to_string());
    let dir = resolved(dir);
    for (row, proof) in pack.rows.iter().zip(&pack.proofs) {
        if let Some(proof) = proof
            && resolved(&proof.path).starts_with(&dir)
        {
            bail!(
                "{} holds the proof of activity {}, which the pack copies: write it to another folder",
                shown(),
                row.number
            );
        }
    }
    Ok(())
}

/// Writes `pack` into `dir`: built beside it and renamed into place whole. An existing `dir`
/// is replaced only with `force`, and only when it holds an audit pack or nothing.
fn write(dir: &Path, force: bool, pack: &Pack) -> Result<Done> {
    let shown = || clean_line(&dir.display().to_string());
    let context = || format!("cannot write {}", shown());
    let exists = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => true,
        Ok(_) => bail!("{} exists and is not a folder", shown()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(e).with_context(context),
    };
    if exists && !force {
        bail!("{} exists: add --force to replace it", shown());
    }
    if exists {
        let entries = fs::read_dir(dir).with_context(context)?;
        for entry in entries {
            let name = entry.with_context(context)?.file_name();
            if !FILES.iter().any(|f| name == *f) {
                bail!(
                    "{} holds {}, which is not part of an audit pack: hi replaces only a pack \
                     it wrote, so choose another folder",
                    shown(),
                    clean_line(&name.to_string_lossy())
                );
            }
        }
    }
    let _interruptible = Interruptible::install();
    let parent = parent_dir(dir);
    if !parent.is_dir() {
        bail!("cannot write {}: its folder does not exist", shown());
    }
    // tempfile's error names the temporary folder, which the person never asked for.
    let temp = tempfile::Builder::new()
        .prefix(".hi-audit-")
        .tempdir_in(parent)
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot write {}: no temporary folder can be made beside it ({})",
                shown(),
                e.kind()
            )
        })?;
    let done = fill(temp.path(), pack).with_context(context)?;
    interrupted()?;
    if exists {
        // The old pack steps aside under a temporary name, removed with it once the new one
        // is in place; if the new one cannot be moved in, the old one comes back.
        let old = tempfile::Builder::new()
            .prefix(".hi-audit-old-")
            .tempdir_in(parent)
            .with_context(context)?;
        let aside = old.path().join("pack");
        fs::rename(dir, &aside).with_context(context)?;
        if let Err(e) = fs::rename(temp.path(), dir) {
            let _ = fs::rename(&aside, dir);
            return Err(e).with_context(context);
        }
    } else {
        fs::rename(temp.path(), dir).with_context(context)?;
    }
    // The folder now lives under its final name; nothing is left to clean up.
    let _ = temp.keep();
    fs::File::open(parent)
        .and_then(|d| d.sync_all())
        .with_context(context)?;
    Ok(done)
}

/// The pack's files in `into`: the proofs first, since what they are now goes in the logs.
fn fill(into: &Path, pack: &Pack) -> Result<Done> {
    let proofs = into.join("proofs");
    fs::create_dir(&proofs)?;
    let mut rows = pack.rows.clone();
    let mut done = Done {
        copied: 0,
        missing: Vec::new(),
        changed: Vec::new(),
    };
    let mut lines = Vec::new();
    for (row, proof) in rows.iter_mut().zip(&pack.proofs) {
        interrupted()?;
        let Some(proof) = proof else {
            done.missing.push(row.number);
            lines.push(format!("activity {}: no proof was logged", row.number));
            continue;
        };
        let name = format!("{:02}-{}", row.number, file_name(&proof.path));
        let state = match crate::proof::copy(&proof.path, &proofs.join(&name)) {
            Ok(now) => {
                done.copied += 1;
                row.proof_file = Some(format!("proofs/{name}"));
                row.proof_sha256_now = Some(now.clone());
                match now == proof.sha256 {
                    true => State::Same,
                    false => State::Changed(now),
                }
            }
            Err(Refusal::Missing) => State::Missing,
            Err(why) => State::Unreadable(why.to_string()),
        };
        row.proof_state = state.keyword();
        let place = clean_line(&proof.path.display().to_string());
        match &state {
            State::Same | State::None => {}
            State::Changed(_) => done.changed.push(row.number),
            State::Missing | State::Unreadable(_) => {
                done.missing.push(row.number);
                lines.push(format!(
                    "activity {}: {place}: {}",
                    row.number,
                    state.label()
                ));
            }
        }
    }
    write_logs(into, pack, &rows)?;
    let summary = summary(pack, &rows, &done, &lines);
    fs::write(into.join("summary.txt"), summary)?;
    Ok(done)
}

/// `log.csv` and `log.json`.
fn write_logs(into: &Path, pack: &Pack, rows: &[Row]) -> Result<()> {
    // Through the one CSV writer: an auditor opens the log in a spreadsheet, where a title
    // that begins `=` must stay text.
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()?;
    let header: Vec<String> = match values.first() {
        Some(serde_json::Value::Object(first)) => first.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let cells: Vec<Vec<String>> = values
        .iter()
        .map(|value| header.iter().map(|key| cell(&value[key])).collect())
        .collect();
    let file = fs::File::create(into.join("log.csv"))?;
    // No activity, no line: the columns are those of the first row.
    if !values.is_empty() {
        crate::output::write_csv(std::io::BufWriter::new(file), &header, &cells)?;
    }
    #[derive(Serialize)]
    struct Log<'a> {
        cert: &'a str,
        name: &'a str,
        issuer: &'a str,
        cycle: u32,
        cycle_start: Date,
        cycle_end: Option<Date>,
        ce_unit: Option<CeUnit>,
        exported_on: Date,
        requirements: &'a [Requirement],
        notes: &'a [String],
        activities: &'a [Row],
    }
    let log = Log {
        cert: &pack.cert.id,
        name: &pack.cert.name,
        issuer: &pack.cert.issuer,
        cycle: pack.cycle.number,
        cycle_start: pack.cycle.start,
        cycle_end: pack.cycle.end,
        ce_unit: pack.cert.renewal.ce_unit,
        exported_on: pack.today,
        requirements: &pack.requirements,
        notes: &pack.notes,
        activities: rows,
    };
    let mut json = crate::output::json::to_string(&log)?;
    json.push('\n');
    fs::write(into.join("log.json"), json)?;
    Ok(())
}

/// A value of a row as its CSV cell: nothing for none, a string as it is, the rest as JSON
/// writes it.
fn cell(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A proof's own file name, kept to letters, digits, `.`, `-` and `_`, and short.
fn file_name(path: &Path) -> String {
    let name: String = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                true => c,
                false => '_',
            },
        )
        .take(80)
        .collect();
    match name.trim_start_matches('.') {
        "" => "proof".to_string(),
        name => name.to_string(),
    }
}

/// The one page an auditor reads first.
fn summary(pack: &Pack, rows: &[Row], done: &Done, missing: &[String]) -> String {
    let cert = pack.cert;
    let mut s = String::new();
    let end = pack
        .cycle
        .end
        .map_or("an end not in the data".into(), |e| e.to_string());
    let _ = writeln!(
        s,
        "Audit pack: {} ({}), {}",
        cert.name, cert.full_name, pack.issuer
    );
    let _ = writeln!(
        s,
        "Cycle {}: {} to {end}. Made by hi {} on {}.",
        pack.cycle.number,
        pack.cycle.start,
        env!("CARGO_PKG_VERSION"),
        pack.today
    );
    let _ = writeln!(s, "CE counted in {}.", pack.unit);
    s += &requirements(pack);
    let _ = writeln!(
        s,
        "\nActivities: {} in this cycle, each in log.csv and log.json as logged and as credited.",
        rows.len()
    );
    let _ = writeln!(
        s,
        "Proofs: {} copied into proofs/, {} missing, {} changed since logged.",
        done.copied,
        done.missing.len(),
        done.changed.len()
    );
    if !missing.is_empty() {
        let _ = writeln!(s, "\nMissing proofs");
        for line in missing {
            let _ = writeln!(s, "  {line}");
        }
    }
    if !done.changed.is_empty() {
        let _ = writeln!(s, "\nChanged since logged (copied as they are now)");
        for row in rows.iter().filter(|r| done.changed.contains(&r.number)) {
            let _ = writeln!(
                s,
                "  activity {} ({}, {}): SHA-256 when logged {}, now {}",
                row.number,
                row.date,
                clean_line(&row.title),
                row.proof_sha256_logged.as_deref().unwrap_or(""),
                row.proof_sha256_now.as_deref().unwrap_or("")
            );
        }
    }
    if !pack.notes.is_empty() {
        let _ = writeln!(s, "\nNotes");
        for note in &pack.notes {
            let _ = writeln!(s, "  {note}");
        }
    }
    s
}

/// The summary's requirements, one to a line, each met, not met or unknown.
fn requirements(pack: &Pack) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\nRequirements");
    for r in &pack.requirements {
        // A category that asks for nothing (no limit, a cap alone) is neither met nor not.
        let mark = match (r.met, r.asks) {
            (Some(true), _) => "met    ",
            (Some(false), _) => "NOT MET",
            (None, false) => "       ",
            (None, true) => "unknown",
        };
        // The unit once, on the total.
        let unit = match (r.name.as_str(), &r.category) {
            ("total", None) => format!(" {}", pack.cert.renewal.ce_unit.map_or("", CeUnit::label)),
            _ => String::new(),
        };
        let asked = match (r.required_hours, &r.limit) {
            (Some(req), Some(limit)) => format!("{} of {req}; the rule: {limit}", r.done_hours),
            (Some(req), None) => format!("{} of {req}{unit}", r.done_hours),
            (None, Some(limit)) => format!("{}; the rule: {limit}", r.done_hours),
            (None, None) => format!("{}{unit} done; how many are due is unknown", r.done_hours),
        };
        let _ = writeln!(s, "  {mark}  {}: {asked}", r.name);
    }
    s
}
