//! A person's own file: the facts `hi eligible` takes, the credentials held with the date each
//! was earned, and the continuing-education log. It is the one file `hi` writes that nobody
//! can give back, so every change is made under a lock, on the person's own text (comments,
//! order and layout kept, as cargo edits manifests), checked, and written whole (see
//! [`crate::write`]); a file that does not parse is never rewritten.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::catalog::Catalog;
pub(crate) use crate::facts::Facts;
use crate::sanitize::clean_line;
pub(crate) use crate::units::{Amount, Hours};
use crate::write::{Mode, Target, lock, replace_whole, target};

/// The format this `hi` reads and writes; a file of a higher one was written by a newer `hi`.
/// Format 2 added recorded renewals and cycle ends a holder gives; format 3, activities logged
/// in the unit their certificate states (`minutes`, `ceus`, ...), their categories, approval
/// number and proof. An older file reads as it is and says format 3 once `hi` has changed it,
/// so an older `hi` refuses it with a clear word rather than stumbling on a field it does not
/// know.
pub(crate) const FORMAT: u32 = 3;

/// A profile larger than this is neither read nor written.
const MAX_BYTES: u64 = crate::read::PROFILE.max_bytes();

/// The profile as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default = "format")]
    pub format: u32,
    #[serde(default)]
    pub facts: Facts,
    /// Organizations the person is a member of: their members' prices apply.
    #[serde(default)]
    pub memberships: Vec<String>,
    #[serde(default, rename = "credential")]
    pub credentials: Vec<Held>,
    #[serde(default)]
    pub ce: Vec<Activity>,
}

fn format() -> u32 {
    FORMAT
}

/// A credential held, and the day its exam was passed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    pub id: String,
    pub earned: Date,
    /// The end of the first cycle as the issuer set it, given by the holder: it wins over the
    /// one the issuer's rule computes (AAPC ties cycles to the membership month).
    #[serde(default)]
    pub cycle_ends: Option<Date>,
    /// Each renewal recorded, oldest first.
    #[serde(default, rename = "renewal")]
    pub renewals: Vec<Renewed>,
}

/// A renewal the holder recorded: submitted to the issuer, granted, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Renewed {
    /// The day the issuer granted it: a new cycle begins. Unset while it is only submitted.
    #[serde(default)]
    pub on: Option<Date>,
    /// The day the application (CE, fee) was submitted.
    #[serde(default)]
    pub submitted: Option<Date>,
    /// The end of the cycle it began, as the issuer set it; else the issuer's rule computes it.
    #[serde(default)]
    pub cycle_ends: Option<Date>,
}

/// One continuing-education activity, as its certificate states it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "ActivityRecord", into = "ActivityRecord")]
pub struct Activity {
    pub date: Date,
    /// What the certificate states: a length of time or a count of units.
    pub amount: Amount,
    pub title: String,
    pub provider: Option<String>,
    /// The approval or index number the issuer gave the activity (AAPC's index number).
    pub approval: Option<String>,
    /// The organizations that offer or approve it: what counts toward "from the issuer or its
    /// approved providers".
    pub from: Vec<String>,
    pub ethics: bool,
    /// The credentials it counts toward; empty means every one held whose cycle contains it.
    pub certs: Vec<String>,
    /// The categories of the issuers' rules it belongs to (`hiim`, `education`).
    pub categories: Vec<String>,
    /// The certificate or transcript kept for it, as it was when it was logged.
    pub proof: Option<Proof>,
}

impl Activity {
    /// Whether it counts toward the credential `id`: it names it, or names none.
    pub fn counts_toward(&self, id: &str) -> bool {
        self.certs.is_empty() || self.certs.iter().any(|c| c.eq_ignore_ascii_case(id))
    }
}

/// A file kept as proof of an activity: where it was, and its SHA-256 when it was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    pub path: PathBuf,
    /// Lowercase hexadecimal.
    pub sha256: String,
}

/// An activity as the file writes it: the amount under the name of its unit (`minutes = 50`),
/// the proof as two keys. Exactly one amount is given.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ActivityRecord {
    date: Option<Date>,
    hours: Option<Hours>,
    minutes: Option<u32>,
    ceus: Option<Hours>,
    pdus: Option<Hours>,
    cpes: Option<Hours>,
    ce_credits: Option<Hours>,
    academic_credits: Option<Hours>,
    title: String,
    provider: Option<String>,
    approval: Option<String>,
    #[serde(default)]
    from: Vec<String>,
    #[serde(default)]
    ethics: bool,
    #[serde(default)]
    certs: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    proof: Option<PathBuf>,
    proof_sha256: Option<String>,
}

impl TryFrom<ActivityRecord> for Activity {
    type Error = String;

    fn try_from(r: ActivityRecord) -> Result<Activity, String> {
        let number = |n: Option<Hours>| n.map(|n| n.to_string());
        let given: Vec<(&str, String)> = [
            ("hours", number(r.hours)),
            ("minutes", r.minutes.map(|m| m.to_string())),
            ("ceus", number(r.ceus)),
            ("pdus", number(r.pdus)),
            ("cpes", number(r.cpes)),
            ("ce_credits", number(r.ce_credits)),
            ("academic_credits", number(r.academic_credits)),
        ]
        .into_iter()
        .filter_map(|(key, n)| Some((key, n?)))
        .collect();
        let names = || {
            let keys: Vec<&str> = Amount::KINDS.iter().map(|(k, _, _)| *k).collect();
            keys.join(", ")
        };
        let amount = match given.as_slice() {
            [(key, text)] => Amount::parse(key, text)?,
            [] => return Err(format!("an activity needs one of {}", names())),
            _ => {
                let keys: Vec<&str> = given.iter().map(|(k, _)| *k).collect();
                return Err(format!(
                    "an activity has one amount, as its certificate states it: not {}",
                    keys.join(" and ")
                ));
            }
        };
        let proof = match (r.proof, r.proof_sha256) {
            (Some(path), Some(sha256)) if crate::proof::is_sha256(&sha256) => {
                Some(Proof { path, sha256 })
            }
            (Some(_), Some(sha256)) => {
                return Err(format!(
                    "proof_sha256 `{}` is not a SHA-256 in hexadecimal",
                    clean_line(&sha256)
                ));
            }
            (None, None) => None,
            _ => return Err("`proof` and `proof_sha256` go together".into()),
        };
        Ok(Activity {
            date: r.date.ok_or("an activity needs its `date`")?,
            amount,
            title: r.title,
            provider: r.provider,
            approval: r.approval,
            from: r.from,
            ethics: r.ethics,
            certs: r.certs,
            categories: r.categories,
            proof,
        })
    }
}

impl From<Activity> for ActivityRecord {
    fn from(a: Activity) -> ActivityRecord {
        let mut record = ActivityRecord {
            date: Some(a.date),
            title: a.title,
            provider: a.provider,
            approval: a.approval,
            from: a.from,
            ethics: a.ethics,
            certs: a.certs,
            categories: a.categories,
            ..ActivityRecord::default()
        };
        match a.amount {
            Amount::Hours(n) => record.hours = Some(n),
            Amount::Minutes(m) => record.minutes = Some(m),
            Amount::Ceus(n) => record.ceus = Some(n),
            Amount::Pdus(n) => record.pdus = Some(n),
            Amount::Cpes(n) => record.cpes = Some(n),
            Amount::CeCredits(n) => record.ce_credits = Some(n),
            Amount::AcademicCredits(n) => record.academic_credits = Some(n),
        }
        if let Some(proof) = a.proof {
            record.proof = Some(proof.path);
            record.proof_sha256 = Some(proof.sha256);
        }
        record
    }
}

/// Where the profile lives: `--profile FILE`, else `HI_PROFILE`, else
/// `$XDG_CONFIG_HOME/hi/profile.toml`, else `~/.config/hi/profile.toml`. An empty variable
/// counts as unset.
pub(crate) fn path(flag: Option<&Path>) -> Result<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(path) = flag.map(Path::to_path_buf).or_else(|| var("HI_PROFILE")) {
        return Ok(path);
    }
    if let Some(config) = var("XDG_CONFIG_HOME") {
        return Ok(config.join("hi/profile.toml"));
    }
    match var("HOME") {
        Some(home) => Ok(home.join(".config/hi/profile.toml")),
        None => bail!("no place for the profile: set HOME or HI_PROFILE, or give --profile FILE"),
    }
}

/// The profile at `path` (an empty one when there is no file yet), checked by the rules the
/// flags that write it obey (see [`crate::profile_check`]): the first problem is the error,
/// with where to see the others.
pub(crate) fn read_checked(path: &Path, catalog: &Catalog, today: Date) -> Result<Profile> {
    let Some(text) = read(path)? else {
        return Ok(Profile::default());
    };
    let profile = parse(path, &text)?;
    let problems = crate::profile_check::problems(&profile, &text, catalog, today);
    if let Some(first) = problems.first() {
        let more = match problems.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more: `hi profile check` lists them)"),
        };
        bail!(
            "the profile {}:{}:{}: {}{more}",
            clean_line(&path.display().to_string()),
            first.line,
            first.column,
            clean_line(&first.message)
        );
    }
    Ok(current_ids(profile, catalog))
}

/// The profile with every credential named by its current id: one renamed since it was
/// written (`ctr`, now `ods`) is the same credential to every rule that compares ids.
fn current_ids(mut profile: Profile, catalog: &Catalog) -> Profile {
    let current = |id: &mut String| {
        if let Some((now, _)) = catalog.find(crate::model::Kind::Certification, id) {
            *id = now.to_string();
        }
    };
    profile
        .credentials
        .iter_mut()
        .for_each(|h| current(&mut h.id));
    for activity in &mut profile.ce {
        activity.certs.iter_mut().for_each(current);
    }
    profile
}

/// Every problem of the profile at `path`, for `hi profile check`.
pub(crate) fn problems(
    path: &Path,
    catalog: &Catalog,
    today: Date,
) -> Result<Vec<crate::profile_check::Problem>> {
    Ok(match read(path)? {
        Some(text) => crate::profile_check::problems(&parse(path, &text)?, &text, catalog, today),
        None => Vec::new(),
    })
}

/// The profile at `path`; an empty one when there is no file yet. Read with serde alone: a
/// command that only reads it builds no editable document.
pub(crate) fn load(path: &Path) -> Result<Profile> {
    Ok(match read(path)? {
        Some(text) => parse(path, &text)?,
        None => Profile::default(),
    })
}

/// The file's text, or `None` when there is none yet.
fn read(path: &Path) -> Result<Option<String>> {
    match crate::read::PROFILE.text(path) {
        Ok(text) => Ok(Some(text)),
        Err(refusal) if refusal.is_missing() => Ok(None),
        Err(refusal) => Err(anyhow!(
            "cannot read the profile {}: {refusal}",
            clean_line(&path.display().to_string())
        )),
    }
}

/// A problem of the profile's text at a byte offset, as `the profile FILE:LINE:COLUMN: ...`.
fn at(path: &Path, text: &str, offset: usize, message: &str) -> anyhow::Error {
    let (line, column) = crate::load::line_column(text, offset);
    anyhow!(
        "the profile {}:{line}:{column}: {}",
        clean_line(&path.display().to_string()),
        clean_line(message.trim())
    )
}

/// The profile the text holds; an error names the file, line and column. (What it holds is
/// checked against the catalog and the day by `profile_check`.)
fn parse(path: &Path, text: &str) -> Result<Profile> {
    let profile: Profile = toml::from_str(text).map_err(|e| {
        // A TOML date written bare reaches serde as a table; the profile's dates are strings.
        let message = match e.message() {
            "invalid type: map, expected a date string" => {
                "a date is written in quotes: \"2024-06-15\"".to_string()
            }
            other => other.to_string(),
        };
        at(path, text, e.span().map_or(0, |s| s.start), &message)
    })?;
    if profile.format > FORMAT {
        bail!(
            "the profile {} was written by a newer hi (format {}; this one reads format {FORMAT}): \
             nothing was changed",
            clean_line(&path.display().to_string()),
            profile.format
        );
    }
    Ok(profile)
}

/// The profile as its person wrote it, changed only through these verbs, so that commands
/// never spell a key of the file and the person's comments, order and layout stay (as cargo's
/// `toml_mut` edits manifests). What each verb writes is the serde form of the same structs
/// the profile is read into.
pub struct Document(DocumentMut);

impl Document {
    fn parse(path: &Path, text: &str) -> Result<Document> {
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            at(path, text, e.span().map_or(0, |s| s.start), e.message())
        })?;
        Ok(Document(doc))
    }

    pub fn add_credential(&mut self, held: &Held) -> Result<()> {
        let entry = to_table(held)?;
        self.tables(CREDENTIAL)?.push(entry);
        Ok(())
    }

    /// Writes `held` over the credential at `index` in the profile's list, keeping its place
    /// (and the comments before it).
    pub fn update_credential(&mut self, index: usize, held: &Held) -> Result<()> {
        let entry = to_table(held)?;
        let tables = self.tables(CREDENTIAL)?;
        let table = tables
            .get_mut(index)
            .context("the credential went away while being changed")?;
        let decor = table.decor().clone();
        *table = entry;
        *table.decor_mut() = decor;
        Ok(())
    }

    /// Removes the credential at `index` in the profile's list.
    pub fn remove_credential(&mut self, index: usize) -> Result<()> {
        self.tables(CREDENTIAL)?.remove(index);
        Ok(())
    }

    pub fn push_activity(&mut self, activity: &Activity) -> Result<()> {
        let entry = to_table(activity)?;
        self.tables(CE)?.push(entry);
        Ok(())
    }

    /// Removes the activity at `index` in the log.
    pub fn remove_activity(&mut self, index: usize) -> Result<()> {
        self.tables(CE)?.remove(index);
        Ok(())
    }

    /// Sets each fact given in `facts`; the others stay as they are.
    pub fn set_facts(&mut self, facts: &Facts) -> Result<()> {
        let given = to_table(facts)?;
        let item = self.0.entry(FACTS).or_insert(toml_edit::table());
        let table = item.as_table_mut().with_context(|| {
            format!("`{FACTS}` in the profile is not a table: write it as [{FACTS}]")
        })?;
        for (key, value) in given.iter() {
            table.insert(key, value.clone());
        }
        Ok(())
    }

    pub fn set_memberships(&mut self, orgs: &[String]) -> Result<()> {
        let list = toml_edit::Array::from_iter(orgs.iter().map(String::as_str));
        self.0.insert(MEMBERSHIPS, value(list));
        Ok(())
    }

    /// The array of tables `key`, made when missing.
    fn tables(&mut self, key: &str) -> Result<&mut ArrayOfTables> {
        let item = self
            .0
            .entry(key)
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        item.as_array_of_tables_mut().with_context(|| {
            format!(
                "`{key}` in the profile is not written as [[{key}]] tables, so hi cannot change it"
            )
        })
    }
}

// The keys of the profile's tables, as `Profile`'s serde attributes name them.
const FACTS: &str = "facts";
const MEMBERSHIPS: &str = "memberships";
const CREDENTIAL: &str = "credential";
const CE: &str = "ce";

/// A record as a table of the file: its serde form, without the keys that only repeat a
/// default (an empty list, `false`), so that the file stays as short as a person would write it.
fn to_table(record: &impl Serialize) -> Result<Table> {
    let doc = toml_edit::ser::to_document(record).context("cannot write this in the profile")?;
    let mut table = doc.as_table().clone();
    table.retain(|_, item| {
        let default =
            item.as_array().is_some_and(|a| a.is_empty()) || item.as_bool() == Some(false);
        !default
    });
    table.set_implicit(false);
    Ok(table)
}

/// Changes the profile at `path` by `change`, under a lock, on the person's own text. The
/// file is written only when it parsed, the change succeeded and the result parses; a new file
/// gets mode 0600. Returns what `change` returned.
pub(crate) fn edit<T>(
    path: &Path,
    catalog: &Catalog,
    today: Date,
    mut change: impl FnMut(&mut Document, &Profile) -> Result<T>,
) -> Result<T> {
    let shown = clean_line(&path.display().to_string());
    // A symlinked profile is edited where it lives; a FIFO or a device is no profile.
    let (real, exists) = match target(path)? {
        Target::File { path, exists } => (path, exists),
        _ => bail!("the profile {shown} is not a regular file"),
    };
    if !exists {
        // Try the change on a new profile first, so that a refused one leaves no folder or
        // lock file behind; it is made for real below, under the lock.
        let mut doc = Document::parse(path, NEW_FILE)?;
        change(&mut doc, &parse(path, NEW_FILE)?)?;
    }
    if let Some(dir) = real.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("cannot create the folder of {shown}"))?;
    }
    let _lock = lock(&real)?;
    let text = match read(&real)? {
        Some(text) => text,
        None if exists => bail!("the profile {shown} went away while being changed"),
        None => NEW_FILE.to_string(),
    };
    // Another writer may have made it since it was looked at: it keeps its mode then.
    let exists = exists || fs::symlink_metadata(&real).is_ok();
    let profile = parse(path, &text)?;
    let mut doc = Document::parse(path, &text)?;
    let result = change(&mut doc, &profile)?;
    set_format(&mut doc);
    let written = doc.0.to_string();
    // Never write what this hi could not read back: a file over the size it reads, one that
    // does not parse, or one with a problem the change made (those it had may be mended one
    // change at a time).
    if written.len() as u64 > MAX_BYTES {
        bail!(
            "the change would make the profile larger than {} MiB, which hi could not read \
             back: nothing was changed",
            MAX_BYTES / 1024 / 1024
        );
    }
    let after = parse(path, &written)
        .context("the change would leave the profile unreadable, so it was not made")?;
    let had = crate::profile_check::problems(&profile, &text, catalog, today);
    let new = crate::profile_check::problems(&after, &written, catalog, today)
        .into_iter()
        .find(|p| !had.iter().any(|h| h.message == p.message));
    if let Some(new) = new {
        bail!(
            "the change would leave a problem in the profile ({}), so it was not made",
            clean_line(&new.message)
        );
    }
    let mode = match exists {
        true => Mode::Keep(fs::metadata(&real)?),
        false => Mode::New(0o600),
    };
    replace_whole(&real, written.as_bytes(), mode)
        .with_context(|| format!("cannot write the profile {shown}"))?;
    Ok(result)
}

/// Writes this `hi`'s format into `doc`, in place when the file says one: the comments around
/// it stay where the person wrote them.
fn set_format(doc: &mut Document) {
    let format = toml_edit::Value::from(i64::from(FORMAT));
    match doc.0.get_mut("format").and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = format;
            *old.decor_mut() = decor;
        }
        None => {
            doc.0.insert("format", value(format));
        }
    }
}

/// What a new profile starts with.
const NEW_FILE: &str = "\
# Your hi profile: what `hi eligible` and `hi plan` know of you, the credentials you hold and
# your continuing education. hi keeps your comments and layout when it changes this file.
format = 3
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_names_the_place_of_its_problem() {
        let path = Path::new("p.toml");
        let error = parse(path, "format = 1\n[facts]\neducation = \"phd\"\n").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("the profile p.toml:3:13: unknown variant `phd`"),
            "{error}"
        );
        let error = parse(path, "format = 1\n[[ce]\n").unwrap_err();
        assert!(
            error.to_string().starts_with("the profile p.toml:2:"),
            "{error}"
        );
        let error = parse(path, "format = 4\n").unwrap_err();
        assert!(
            error.to_string().contains("written by a newer hi"),
            "{error}"
        );
    }
}
