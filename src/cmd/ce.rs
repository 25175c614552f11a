//! `hi ce add|list|remove|export`: the continuing-education log, each activity as its
//! certificate states it, credited by each issuer's rules, with its proof; and the audit pack
//! of one cycle.

use std::path::Path;

use anyhow::{Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::{CeAddArgs, CeCommand};
use crate::context::Context;
use crate::credit::{Credit, Entry};
use crate::error::{Outcome, usage};
use crate::lifecycle;
use crate::model::{CeUnit, Certification, Kind, Organization};
use crate::output::{Cell, Column, Output, Table, Tone};
use crate::profile::{self, Activity, Amount, Profile, Proof};
use crate::proof::State;
use crate::sanitize::clean_line;

pub fn run(command: &CeCommand, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let path = &ctx.profile_path()?;
    match command {
        CeCommand::Add(args) => add(args, ctx, path, out)?,
        CeCommand::List(args) => list(args.cert.as_deref(), ctx, out)?,
        CeCommand::Remove { number, .. } => remove(*number, ctx, path, out)?,
        CeCommand::Export(args) => return crate::audit::run(args, ctx, path, out),
    }
    Ok(Outcome::Done)
}

fn remove(number: usize, ctx: &Context, path: &Path, out: &mut Output) -> Result<()> {
    let removed = ctx.edit_profile(|doc, stored| {
        let count = stored.ce.len();
        let Some(i) = number.checked_sub(1).filter(|i| *i < count) else {
            return Err(usage(match count {
                0 => format!("there is no activity {number}: the log is empty"),
                _ => {
                    format!("there is no activity {number}: `hi ce list` numbers them 1 to {count}")
                }
            }));
        };
        doc.remove_activity(i)?;
        Ok(stored
            .ce
            .get(i)
            .map(|a| a.title.clone())
            .unwrap_or_default())
    })?;
    out.message(&format!(
        "activity {number} ({removed}) removed: {}",
        path.display()
    ))
}

fn add(args: &CeAddArgs, ctx: &Context, path: &Path, out: &mut Output) -> Result<()> {
    let catalog = ctx.catalog()?;
    let today = ctx.today()?;
    let date = crate::clock::date_arg("--date", &args.date)?;
    if date > today {
        return Err(usage(format!(
            "--date {date} is after today ({today}): log an activity once it is done"
        )));
    }
    let (key, text) = args
        .amount
        .given()
        .ok_or_else(|| usage("give the amount: --hours, --minutes, --ceus, ..."))?;
    let amount = Amount::parse(key, text).map_err(usage)?;
    let text = |flag: &str, given: &Option<String>| -> Result<Option<String>> {
        match given.as_deref().map(str::trim) {
            Some("") => Err(usage(format!("{flag} is empty"))),
            given => Ok(given.map(str::to_string)),
        }
    };
    let title = text("--title", &Some(args.title.clone()))?.unwrap_or_default();
    let (provider, approval) = (
        text("--provider", &args.provider)?,
        text("--approval", &args.approval)?,
    );
    let from = ids(catalog.distinct::<Organization>(&args.from)?);
    let certs = ids(catalog.distinct::<Certification>(&args.certs)?);
    // Read before the lock is taken: a large proof takes a moment to hash.
    let proof = args.proof.as_deref().map(logged_proof).transpose()?;
    let number = ctx.edit_profile(|doc, stored| {
        if let Some(cert) = certs
            .iter()
            .find(|c| !stored.credentials.iter().any(|h| &h.id == *c))
        {
            bail!(
                "--cert {cert}: it is not in your profile; record it first with `hi profile add {cert} --earned YYYY-MM-DD`"
            );
        }
        let categories = categories(&args.categories, &certs, stored, catalog)?;
        doc.push_activity(&Activity {
            date,
            amount,
            title: title.clone(),
            provider: provider.clone(),
            approval: approval.clone(),
            from: from.clone(),
            ethics: args.ethics,
            certs: certs.clone(),
            categories,
            proof: proof.clone(),
        })?;
        Ok(stored.ce.len() + 1)
    })?;
    out.message(&format!("activity {number} added: {}", path.display()))?;
    let stored = profile::load(path)?;
    // Said now, while the certificate is at hand: where the activity will not count, or
    // counts for an amount hi cannot know.
    for (cert, window) in held_windows(&stored, catalog, today) {
        let entries = crate::credit::entries(&stored.ce, cert, &window, &[]);
        let Some(entry) = entries.iter().find(|e| e.number == number) else {
            continue;
        };
        let shown = Shown::of(cert, entry);
        if let (Some(why), false) = (&shown.why, shown.counted && shown.exact) {
            out.message(&format!(
                "activity {number}: {}: {why}",
                shown.text(&cert.name)
            ))?;
        }
    }
    match (out.data_only(), stored.ce.get(number - 1)) {
        (true, Some(activity)) => out.json(&Numbered { number, activity }),
        _ => Ok(()),
    }
}

fn ids<T: crate::record::Record>(records: Vec<&T>) -> Vec<String> {
    records.iter().map(|r| r.id().to_string()).collect()
}

/// The proof at `path` as it is now: where it is (made absolute, so that the log finds it
/// from anywhere) and its SHA-256.
fn logged_proof(path: &Path) -> Result<Proof> {
    let shown = || clean_line(&path.display().to_string());
    let sha256 = crate::proof::sha256(path)
        .map_err(|why| anyhow::anyhow!("cannot read the proof {}: {why}", shown()))?;
    let path = std::path::absolute(path)?;
    if path.to_str().is_none() {
        bail!(
            "the proof's path {} is not UTF-8 text, which the profile cannot hold: rename it",
            shown()
        );
    }
    Ok(Proof { path, sha256 })
}

/// The categories given, checked against the rules of the credentials the activity counts
/// toward (those of `--cert`, else every one held), as the data spells them.
fn categories(
    given: &[String],
    certs: &[String],
    stored: &Profile,
    catalog: &Catalog,
) -> Result<Vec<String>> {
    if given.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = match certs.is_empty() {
        true => stored.credentials.iter().map(|h| h.id.as_str()).collect(),
        false => certs.iter().map(String::as_str).collect(),
    };
    let toward: Vec<&Certification> = ids
        .into_iter()
        .filter_map(|id| catalog.get::<Certification>(id).ok())
        .collect();
    if toward.is_empty() {
        return Err(usage(
            "--category: the activity counts toward no credential yet; record one with `hi \
             profile add CERT --earned YYYY-MM-DD`",
        ));
    }
    crate::credit::checked_categories(given, &toward, catalog).map_err(usage)
}

#[derive(Serialize)]
struct Numbered<'a> {
    number: usize,
    #[serde(flatten)]
    activity: &'a Activity,
}

/// An activity as `hi ce list` shows it: as logged, as each credential held credits it in its
/// current cycle, and whether its proof is still as it was logged.
#[derive(Serialize)]
struct Listed<'a> {
    number: usize,
    #[serde(flatten)]
    activity: &'a Activity,
    /// The amount as its certificate states it, in words: `165 minutes`.
    logged: String,
    credits: Vec<Shown>,
    /// `ok`, `none`, `changed`, `missing` or `unreadable`.
    proof_state: &'static str,
}

/// What one activity earns toward one credential held, in its current cycle.
#[derive(Debug, Serialize)]
pub struct Shown {
    pub cert: String,
    pub unit: Option<CeUnit>,
    /// The credit; null when unknown, a lower bound when not `exact`.
    pub credited: Option<profile::Hours>,
    pub exact: bool,
    /// Whether it counts in the credential's current cycle.
    pub counted: bool,
    /// Why it does not count, or why its credit is not known in full.
    pub why: Option<String>,
    /// It falls outside the cycle (rather than having an unknown credit).
    #[serde(skip)]
    outside: bool,
}

impl Shown {
    pub fn of(cert: &Certification, entry: &Entry) -> Shown {
        let (credited, exact) = match &entry.credit {
            Credit::Exact(h) => (Some(*h), true),
            Credit::AtLeast(h, _) => (Some(*h), false),
            Credit::Unknown(_) => (None, false),
        };
        let known = !matches!(entry.credit, Credit::Unknown(_));
        Shown {
            cert: cert.id.clone(),
            unit: cert.renewal.ce_unit,
            credited,
            exact,
            counted: entry.outside.is_none() && known,
            why: entry
                .outside
                .clone()
                .or_else(|| entry.credit.doubt().map(str::to_string)),
            outside: entry.outside.is_some(),
        }
    }

    /// `RHIA 3`, `CHC at least 1`, `CPC unknown`, `RHIA not counted`.
    fn text(&self, name: &str) -> String {
        let amount = |h: profile::Hours| self.unit.map_or(h.to_string(), |u| u.count(h));
        match (self.outside, self.credited, self.exact) {
            (true, _, _) => format!("{name}: not counted"),
            (false, Some(h), true) => format!("{name}: {}", amount(h)),
            (false, Some(h), false) => format!("{name}: at least {}", amount(h)),
            (false, None, _) => format!("{name}: unknown"),
        }
    }
}

/// Each credential held that renews on its own account (not through another), with its
/// current cycle's window.
pub fn held_windows<'c>(
    stored: &Profile,
    catalog: &'c Catalog,
    today: Date,
) -> Vec<(&'c Certification, crate::credit::Window<'c>)> {
    let held: Vec<&Certification> = stored
        .credentials
        .iter()
        .filter_map(|h| catalog.get::<Certification>(&h.id).ok())
        .collect();
    let (_, replaced) = crate::renewal::renewals(&held, catalog, |_| false);
    stored
        .credentials
        .iter()
        .filter_map(|h| {
            let cert = catalog.get::<Certification>(&h.id).ok()?;
            if replaced.iter().any(|r| r.cert.id == cert.id) {
                return None;
            }
            let issuer = catalog.get::<Organization>(&cert.issuer).ok();
            let cycle = lifecycle::current(cert, h, issuer.and_then(|o| o.lapse.as_ref()));
            Some((cert, crate::status::window(h, cert, issuer, &cycle, today)))
        })
        .collect()
}

fn list(cert: Option<&str>, ctx: &Context, out: &mut Output) -> Result<()> {
    let (catalog, stored) = (ctx.catalog()?, ctx.profile()?);
    let only = cert
        .map(|id| catalog.get::<Certification>(id))
        .transpose()?;
    let windows: Vec<_> = held_windows(&stored, catalog, ctx.today()?)
        .into_iter()
        .filter(|(c, _)| only.is_none_or(|o| o.id == c.id))
        .collect();
    let mut credits: Vec<Vec<Shown>> = stored.ce.iter().map(|_| Vec::new()).collect();
    for (c, window) in &windows {
        for entry in crate::credit::entries(&stored.ce, c, window, &[]) {
            credits[entry.number - 1].push(Shown::of(c, &entry));
        }
    }
    let listed: Vec<Listed> = stored
        .ce
        .iter()
        .zip(credits)
        .enumerate()
        .filter(|(_, (a, _))| only.is_none_or(|c| a.counts_toward(&c.id)))
        .map(|(i, (activity, credits))| Listed {
            number: i + 1,
            activity,
            logged: activity.amount.to_string(),
            credits,
            proof_state: State::of(activity.proof.as_ref()).keyword(),
        })
        .collect();
    let table = list_table(&listed, catalog);
    out.table(&table, &listed)?;
    if listed.is_empty() {
        out.message(&match only {
            Some(cert) => format!("no activity in the log counts toward {}", cert.name),
            None => format!("the CE log of {} is empty", ctx.profile_path()?.display()),
        })?;
    }
    Ok(())
}

/// The columns of `hi ce list`.
pub const COLUMNS: &[Column] = &[
    Column::new("No.").key("number"),
    Column::new("Date").key("date"),
    Column::new("Logged").key("logged"),
    Column::new("Title").key("title").prose().rank(2),
    Column::new("Category").key("categories").rank(4),
    Column::new("Credit").rank(3),
    Column::new("Proof").key("proof_state").rank(2),
];

/// The keys of a listed activity's JSON: its number, the activity's own, then what `hi ce
/// list` adds.
pub const KEYS: &[&str] = &[
    "number",
    "date",
    "hours",
    "minutes",
    "ceus",
    "pdus",
    "cpes",
    "ce_credits",
    "academic_credits",
    "title",
    "provider",
    "approval",
    "from",
    "ethics",
    "certs",
    "categories",
    "proof",
    "proof_sha256",
    "logged",
    "credits",
    "proof_state",
];

fn list_table(listed: &[Listed], catalog: &Catalog) -> Table {
    let mut table = Table::with_keys(COLUMNS, KEYS);
    for n in listed {
        let credit: Vec<String> = n
            .credits
            .iter()
            .map(|s| s.text(&catalog.name_of(Kind::Certification, &s.cert)))
            .collect();
        let credit = match credit.is_empty() {
            true => "no credential held".to_string(),
            false => credit.join("\n"),
        };
        let proof = match n.proof_state {
            "ok" => Cell::new("kept", Tone::Good),
            "none" => Cell::new("none", Tone::Unsure),
            "missing" => Cell::new("gone", Tone::Bad),
            other => Cell::new(other, Tone::Bad),
        };
        table.row(vec![
            Cell::from(n.number.to_string()),
            n.activity.date.to_string().into(),
            n.logged.clone().into(),
            n.activity.title.clone().into(),
            n.activity.categories.join(", ").into(),
            credit.into(),
            proof,
        ]);
    }
    table.legend = legend(listed);
    table
}

/// What the list's reader should know: activities without proof, proofs changed or gone,
/// and activities not counted in their credential's current cycle (the reasons are in JSON).
fn legend(listed: &[Listed]) -> Vec<String> {
    let numbers = |keep: &dyn Fn(&Listed) -> bool| -> Vec<String> {
        listed
            .iter()
            .filter(|n| keep(n))
            .map(|n| n.number.to_string())
            .collect()
    };
    let mut lines = Vec::new();
    let mut say = |what: &str, numbers: Vec<String>| {
        if !numbers.is_empty() {
            lines.push(format!("{what}: {}", numbers.join(", ")));
        }
    };
    say("without proof", numbers(&|n| n.proof_state == "none"));
    say(
        "proof changed or gone since it was logged",
        numbers(&|n| !matches!(n.proof_state, "none" | "ok")),
    );
    // Each reason once, with the activities it applies to.
    let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
    for n in listed {
        for s in n.credits.iter().filter(|s| !s.counted || !s.exact) {
            let Some(why) = &s.why else { continue };
            let cert = s.cert.to_uppercase();
            let what = match (s.outside, s.credited) {
                (true, _) => format!("not counted toward {cert}: {why}"),
                (false, Some(_)) => format!("{cert} counts only part: {why}"),
                (false, None) => format!("credit toward {cert} unknown: {why}"),
            };
            match reasons.iter_mut().find(|(known, _)| *known == what) {
                Some((_, numbers)) => numbers.push(n.number.to_string()),
                None => reasons.push((what, vec![n.number.to_string()])),
            }
        }
    }
    for (what, numbers) in reasons {
        lines.push(format!("{what} ({})", numbers.join(", ")));
    }
    lines
}
