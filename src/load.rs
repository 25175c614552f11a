//! The data files: parsed and validated into [`Data`], every problem reported as
//! `file:line:column: message`. `build.rs` runs this same module over `data/` at build time;
//! `hi` runs it at run time only on a `--data-dir`.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::model::*;

/// The data files, in the order they are read. `include_str!` compiles them into the binary,
/// so `hi` needs no files at run time.
pub const FILES: [(&str, &str); 12] = [
    ("about.toml", include_str!("../data/about.toml")),
    ("sources.toml", include_str!("../data/sources.toml")),
    (
        "organizations.toml",
        include_str!("../data/organizations.toml"),
    ),
    ("regulations.toml", include_str!("../data/regulations.toml")),
    ("skills.toml", include_str!("../data/skills.toml")),
    ("employers.toml", include_str!("../data/employers.toml")),
    (
        "certifications.toml",
        include_str!("../data/certifications.toml"),
    ),
    ("occupations.toml", include_str!("../data/occupations.toml")),
    ("roles.toml", include_str!("../data/roles.toml")),
    (
        "responsibilities.toml",
        include_str!("../data/responsibilities.toml"),
    ),
    ("salaries.toml", include_str!("../data/salaries.toml")),
    ("paths.toml", include_str!("../data/paths.toml")),
];

/// A data file larger than this is refused, and never read past it, so memory stays bounded.
/// The shipped files are a few KB; 1,000 times the catalog (the scale benchmark's largest)
/// makes a certifications.toml of 31.5 MB.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The text of each data file, by name. A file that could not be read is absent, and every
/// check that needs it is skipped.
pub struct Texts(Vec<(&'static str, String)>);

impl Texts {
    pub fn embedded() -> Texts {
        Texts(
            FILES
                .iter()
                .map(|(name, text)| (*name, text.to_string()))
                .collect(),
        )
    }

    /// Texts given directly, by file name; names not among [`FILES`] are ignored.
    pub fn from_files(files: impl IntoIterator<Item = (&'static str, String)>) -> Texts {
        Texts(
            files
                .into_iter()
                .filter(|(n, _)| FILES.iter().any(|(f, _)| f == n))
                .collect(),
        )
    }

    /// Reads every data file from `dir`; the first file that cannot be read is the error.
    pub fn read_dir(dir: &Path) -> Result<Texts> {
        let (texts, unreadable) = Texts::read_dir_all(dir)?;
        match unreadable.into_iter().next() {
            Some((name, cause)) => bail!(
                "cannot read data file {}: {cause}",
                dir.join(name).display()
            ),
            None => Ok(texts),
        }
    }

    /// Reads what it can of every data file in `dir`, and says why it could not read the rest
    /// (missing, not a file, over 8 MiB, not UTF-8). Only a `dir` that cannot be read at all is
    /// an error. Memory stays bounded: no file is read past the limit.
    pub fn read_dir_all(dir: &Path) -> Result<(Texts, Vec<(&'static str, String)>)> {
        let meta = fs::metadata(dir)
            .with_context(|| format!("cannot read data directory {}", dir.display()))?;
        if !meta.is_dir() {
            bail!("data directory {} is not a directory", dir.display());
        }
        let mut texts = Vec::new();
        let mut unreadable = Vec::new();
        for (name, _) in FILES {
            match read_file(&dir.join(name)) {
                Ok(text) => texts.push((name, text)),
                Err(cause) => unreadable.push((name, cause)),
            }
        }
        Ok((Texts(texts), unreadable))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_str())
    }
}

/// One data file's text, or why it cannot be had.
fn read_file(path: &Path) -> Result<String, String> {
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Loads the files in `dir` into a validated catalog.
pub fn load_dir(dir: &Path) -> Result<Data> {
    build(&Texts::read_dir(dir)?).map_err(|problems| {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("invalid data in {}: {}", dir.display(), listed.join("\n  "))
    })
}

/// Every problem in the embedded data or in the files of `dir`, unreadable files included;
/// empty when the data is valid. Only a `dir` that cannot be read at all is an error.
pub fn check(dir: Option<&Path>) -> Result<Vec<Problem>> {
    let (texts, unreadable) = match dir {
        Some(dir) => Texts::read_dir_all(dir)?,
        None => (Texts::embedded(), Vec::new()),
    };
    let mut problems: Vec<Problem> = unreadable
        .into_iter()
        .map(|(file, cause)| Problem {
            file: file.to_string(),
            line: 1,
            column: 1,
            message: format!("cannot read the file: {cause}"),
        })
        .collect();
    if let Err(found) = build(&texts) {
        problems.extend(found);
    }
    // Name each file by its path, so that editors and terminals can open it at the place.
    if let Some(dir) = dir {
        for problem in &mut problems {
            problem.file = dir.join(&problem.file).display().to_string();
        }
    }
    Ok(problems)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AboutFile {
    about: About,
}

/// A data file's top-level shape: one array of tables.
trait File: DeserializeOwned + Default + Send {
    /// The line that opens each record, `[[role]]`.
    const HEADER: &'static str;
    fn append(&mut self, other: Self);
}

macro_rules! file_struct {
    ($name:ident, $key:ident, $type:ty) => {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct $name {
            #[serde(default)]
            $key: Vec<$type>,
        }

        impl File for $name {
            const HEADER: &'static str = concat!("[[", stringify!($key), "]]");
            fn append(&mut self, mut other: Self) {
                self.$key.append(&mut other.$key);
            }
        }
    };
}

impl File for AboutFile {
    const HEADER: &'static str = "[about]";
    fn append(&mut self, other: Self) {
        *self = other;
    }
}

/// Files larger than this are parsed record by record on two threads: the document tree the
/// TOML parser builds is many times the text, and this keeps only a record's at a time.
const PARSE_IN_PARTS_ABOVE: usize = 256 * 1024;

/// Parses a file as `T`. A large file is cut before each record's header line and the parts
/// parsed on two threads; should any part fail (a header inside a multi-line string, say),
/// the whole file is parsed again, so errors and their places are those of the whole file.
fn parse<T: File>(text: &str) -> Result<T, toml::de::Error> {
    if text.len() > PARSE_IN_PARTS_ABOVE {
        let mut parts = Vec::new();
        let mut start = 0;
        for (offset, _) in text.match_indices(&format!("\n{}", T::HEADER)) {
            parts.push(&text[start..=offset]);
            start = offset + 1;
        }
        parts.push(&text[start..]);
        let parse_all = |parts: &[&str]| -> Result<T, toml::de::Error> {
            let mut file = T::default();
            for part in parts {
                file.append(toml::from_str(part)?);
            }
            Ok(file)
        };
        let (first, second) = parts.split_at(parts.len() / 2);
        let halves = std::thread::scope(|scope| {
            let first = scope.spawn(|| parse_all(first));
            let second = parse_all(second);
            (first.join(), second)
        });
        if let (Ok(Ok(mut file)), Ok(rest)) = halves {
            file.append(rest);
            return Ok(file);
        }
    }
    toml::from_str(text)
}

file_struct!(SourcesFile, source, Source);
file_struct!(OrganizationsFile, organization, Organization);
file_struct!(RegulationsFile, regulation, Regulation);
file_struct!(SkillsFile, skill, Skill);
file_struct!(EmployersFile, employer, Employer);
file_struct!(CertificationsFile, certification, Certification);
file_struct!(OccupationsFile, occupation, Occupation);
file_struct!(RolesFile, role, Role);
file_struct!(ResponsibilitiesFile, responsibility, Responsibility);
file_struct!(SalariesFile, salary, Salary);
file_struct!(PathsFile, path, EducationPath);

/// Parses and validates every file, collecting every problem rather than stopping at the first.
pub fn build(texts: &Texts) -> Result<Data, Vec<Problem>> {
    let mut problems = Vec::new();
    // A file that does not parse is reported and read as empty, so the other files are still
    // checked; references into it are not, as they would all look dangling.
    let mut failed: HashSet<&'static str> = HashSet::new();
    fn parse_file<T: File>(
        texts: &Texts,
        file: &'static str,
        problems: &mut Vec<Problem>,
        failed: &mut HashSet<&'static str>,
    ) -> T {
        let Some(text) = texts.text(file) else {
            failed.insert(file);
            return T::default();
        };
        match parse(text) {
            Ok(value) => value,
            Err(error) => {
                let start = error.span().map_or(0, |span| span.start);
                let (line, column) = line_column(text, start);
                let mut message = error.message().trim().replace('\n', " ");
                // serde names a missing or unknown field, but not the one whose value is wrong.
                if let Some(key) = key_before(text, start)
                    && !message.contains(&format!("`{key}`"))
                {
                    message = format!("field `{key}`: {message}");
                }
                problems.push(Problem {
                    file: file.to_string(),
                    line,
                    column,
                    message,
                });
                failed.insert(file);
                T::default()
            }
        }
    }
    let p = &mut problems;
    let f = &mut failed;
    let about: AboutFile = parse_file(texts, "about.toml", p, f);
    let sources: SourcesFile = parse_file(texts, "sources.toml", p, f);
    let organizations: OrganizationsFile = parse_file(texts, "organizations.toml", p, f);
    let regulations: RegulationsFile = parse_file(texts, "regulations.toml", p, f);
    let skills: SkillsFile = parse_file(texts, "skills.toml", p, f);
    let employers: EmployersFile = parse_file(texts, "employers.toml", p, f);
    let certifications: CertificationsFile = parse_file(texts, "certifications.toml", p, f);
    let occupations: OccupationsFile = parse_file(texts, "occupations.toml", p, f);
    let roles: RolesFile = parse_file(texts, "roles.toml", p, f);
    let responsibilities: ResponsibilitiesFile = parse_file(texts, "responsibilities.toml", p, f);
    let salaries: SalariesFile = parse_file(texts, "salaries.toml", p, f);
    let paths: PathsFile = parse_file(texts, "paths.toml", p, f);
    let mut catalog = Data {
        about: about.about,
        roles: roles.role,
        responsibilities: responsibilities.responsibility,
        skills: skills.skill,
        employers: employers.employer,
        certifications: certifications.certification,
        organizations: organizations.organization,
        salaries: salaries.salary,
        paths: paths.path,
        regulations: regulations.regulation,
        occupations: occupations.occupation,
        sources: sources.source,
    };
    validate(&catalog, texts, &failed, &mut problems);
    if !problems.is_empty() {
        let order = |file: &str| FILES.iter().position(|(name, _)| *name == file);
        problems.sort_by_key(|p| (order(&p.file), p.line, p.column));
        return Err(problems);
    }
    for cert in &mut catalog.certifications {
        cert.exam = newest(&cert.exam_history, |e| e.as_of).cloned();
        cert.fees = newest(&cert.fee_history, |f| f.as_of).cloned();
        for fees in cert.fee_history.iter_mut().chain(cert.fees.as_mut()) {
            fees.member_saving_usd = match (fees.member_usd, fees.non_member_usd) {
                (Some(member), Some(non_member)) => non_member.checked_sub(member),
                _ => None,
            };
        }
    }
    Ok(catalog)
}

/// The observation with the latest date; among equal dates, the one written last.
fn newest<T>(history: &[T], date: impl Fn(&T) -> Date) -> Option<&T> {
    history.iter().rev().max_by_key(|item| date(item))
}

/// The key of a `key = value` whose value starts at `offset`, if the line says so.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let line = before.rsplit('\n').next()?;
    let (key, value) = line.rsplit_once('=')?;
    if !value.trim().is_empty() {
        return None;
    }
    let key = key.trim_end();
    // The key is the run of key characters that ends the text before `=`; the character
    // before it may be any, and may take several bytes.
    let start = key
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&key[start..]).filter(|k| !k.is_empty())
}

/// 1-based line and column (in characters) of a byte offset; an offset inside a character
/// counts as that character.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Collects validation problems, placing each at the line where the record (and, where
/// possible, the offending value) is written.
struct Checker<'a> {
    texts: &'a Texts,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    /// Reports `message` against the record `id` in `file`, at the first occurrence of
    /// `needle` after the record's `id = "..."` line (or at that line).
    fn report(&mut self, file: &str, id: &str, needle: Option<&str>, message: String) {
        let text = self.texts.text(file).unwrap_or_default();
        let start = find_id_line(text, id).unwrap_or(0);
        // The needle as a whole word: `member_usd =` must not match `non_member_usd =`.
        let offset = needle
            .and_then(|n| {
                text[start..]
                    .match_indices(n)
                    .map(|(i, _)| start + i)
                    .find(|&i| {
                        !text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    })
            })
            .unwrap_or(start);
        let (line, column) = line_column(text, offset);
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            column,
            message,
        });
    }

    fn ids<'r>(&mut self, file: &str, kind: &str, ids: impl Iterator<Item = (&'r str, &'r str)>) {
        let mut seen = HashSet::new();
        for (id, name) in ids {
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            {
                self.report(
                    file,
                    id,
                    None,
                    format!("{kind} id `{id}`: field `id` must be a lowercase slug (a-z, 0-9, -)"),
                );
            }
            if !seen.insert(id) {
                self.report_last(file, id, format!("field `id`: duplicate {kind} id `{id}`"));
            }
            if name.trim().is_empty() {
                self.report(
                    file,
                    id,
                    Some("name ="),
                    format!("{kind} `{id}`: field `name` is empty"),
                );
            }
        }
    }

    /// Like `report`, at the last record with this id: a duplicate is the later one.
    fn report_last(&mut self, file: &str, id: &str, message: String) {
        let text = self.texts.text(file).unwrap_or_default();
        let needle = format!("\"{id}\"");
        let offset = text
            .match_indices(&needle)
            .map(|(i, _)| i)
            .filter(|&i| {
                text[..i]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.trim_start().starts_with("id"))
            })
            .last()
            .unwrap_or(0);
        let (line, column) = line_column(text, offset);
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            column,
            message,
        });
    }

    /// Checks that every id in `refs` names a record in `known`.
    fn refs<'r>(
        &mut self,
        file: &str,
        owner: &str,
        field: &str,
        target: &str,
        known: &Option<HashSet<&str>>,
        refs: impl IntoIterator<Item = &'r String>,
    ) {
        let Some(known) = known else { return };
        for reference in refs {
            if !known.contains(reference.as_str()) {
                let quoted = format!("\"{reference}\"");
                self.report(
                    file,
                    owner,
                    Some(&quoted),
                    format!("`{owner}`: field `{field}`: unknown {target} `{reference}`"),
                );
            }
        }
    }

    fn range(
        &mut self,
        file: &str,
        owner: &str,
        field: &str,
        value: Option<u32>,
        min: u32,
        max: u32,
    ) {
        if let Some(v) = value
            && !(min..=max).contains(&v)
        {
            let needle = format!("{field} =");
            self.report(
                file,
                owner,
                Some(&needle),
                format!("`{owner}`: field `{field}` is {v}, outside {min}..={max}"),
            );
        }
    }
}

fn find_id_line(text: &str, id: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("id")
            && let Some(value) = rest.trim_start().strip_prefix('=')
            && value.trim().trim_matches('"') == id
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

const MAX_FEE_USD: u32 = 100_000;

fn validate(c: &Data, texts: &Texts, failed: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let mut check = Checker { texts, problems };
    // The ids of a kind, or None when its file did not parse and references into it are not
    // checked.
    fn set<'a, T>(
        failed: &HashSet<&str>,
        file: &str,
        records: &'a [T],
        id: fn(&T) -> &String,
    ) -> Option<HashSet<&'a str>> {
        (!failed.contains(file)).then(|| records.iter().map(|r| id(r).as_str()).collect())
    }
    let sources = set(failed, "sources.toml", &c.sources, |r| &r.id);
    let orgs = set(failed, "organizations.toml", &c.organizations, |r| &r.id);
    let regulations = set(failed, "regulations.toml", &c.regulations, |r| &r.id);
    let skills = set(failed, "skills.toml", &c.skills, |r| &r.id);
    let employers = set(failed, "employers.toml", &c.employers, |r| &r.id);
    let certs = set(failed, "certifications.toml", &c.certifications, |r| &r.id);
    let occupations = set(failed, "occupations.toml", &c.occupations, |r| &r.id);
    let roles = set(failed, "roles.toml", &c.roles, |r| &r.id);
    let paths = set(failed, "paths.toml", &c.paths, |r| &r.id);

    check.ids(
        "sources.toml",
        "source",
        c.sources.iter().map(|r| (r.id.as_str(), r.title.as_str())),
    );
    check.ids(
        "organizations.toml",
        "organization",
        c.organizations
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "regulations.toml",
        "regulation",
        c.regulations
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "skills.toml",
        "skill",
        c.skills.iter().map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "employers.toml",
        "employer",
        c.employers.iter().map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "certifications.toml",
        "certification",
        c.certifications
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "occupations.toml",
        "occupation",
        c.occupations
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "roles.toml",
        "role",
        c.roles.iter().map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "responsibilities.toml",
        "responsibility",
        c.responsibilities
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "salaries.toml",
        "salary",
        c.salaries.iter().map(|r| (r.id.as_str(), r.name.as_str())),
    );
    check.ids(
        "paths.toml",
        "path",
        c.paths.iter().map(|r| (r.id.as_str(), r.name.as_str())),
    );

    for r in &c.organizations {
        check.refs(
            "organizations.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
    for r in &c.regulations {
        check.refs(
            "regulations.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
    for r in &c.skills {
        check.refs(
            "skills.toml",
            &r.id,
            "regulations",
            "regulation",
            &regulations,
            &r.regulations,
        );
        check.refs(
            "skills.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
    for r in &c.employers {
        check.refs(
            "employers.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
    let file = "certifications.toml";
    for r in &c.certifications {
        check.refs(file, &r.id, "issuer", "organization", &orgs, [&r.issuer]);
        check.refs(file, &r.id, "sources", "source", &sources, &r.sources);
        for route in &r.eligibility {
            check.refs(
                file,
                &r.id,
                "eligibility.credentials",
                "certification",
                &certs,
                &route.credentials,
            );
            check.refs(
                file,
                &r.id,
                "eligibility.source",
                "source",
                &sources,
                [&route.source],
            );
        }
        for exam in &r.exam_history {
            check.refs(
                file,
                &r.id,
                "exam_history.source",
                "source",
                &sources,
                [&exam.source],
            );
            check.range(
                file,
                &r.id,
                "duration_minutes",
                exam.duration_minutes,
                1,
                24 * 60,
            );
            check.range(file, &r.id, "questions", exam.questions, 1, 10_000);
        }
        for fees in &r.fee_history {
            check.refs(
                file,
                &r.id,
                "fee_history.source",
                "source",
                &sources,
                [&fees.source],
            );
            check.range(file, &r.id, "member_usd", fees.member_usd, 0, MAX_FEE_USD);
            check.range(
                file,
                &r.id,
                "non_member_usd",
                fees.non_member_usd,
                0,
                MAX_FEE_USD,
            );
            check.range(
                file,
                &r.id,
                "affiliate_usd",
                fees.affiliate_usd,
                0,
                MAX_FEE_USD,
            );
        }
        // What load derives, a file may not set: it would be silently replaced.
        for (field, set) in [
            ("exam", r.exam.is_some()),
            ("fees", r.fees.is_some()),
            (
                "member_saving_usd",
                r.fee_history.iter().any(|f| f.member_saving_usd.is_some()),
            ),
        ] {
            if set {
                let needle = format!("{field} =");
                check.report(
                    file,
                    &r.id,
                    Some(&needle),
                    format!(
                        "`{}`: field `{field}` is derived from the history: remove it",
                        r.id
                    ),
                );
            }
        }
        let renewal = &r.renewal;
        check.refs(
            file,
            &r.id,
            "renewal.source",
            "source",
            &sources,
            [&renewal.source],
        );
        check.range(file, &r.id, "cycle_years", renewal.cycle_years, 1, 20);
        check.refs(
            file,
            &r.id,
            "renewal.fee_source",
            "source",
            &sources,
            &renewal.fee_source,
        );
        check.range(
            file,
            &r.id,
            "fee_member_usd",
            renewal.fee_member_usd,
            0,
            MAX_FEE_USD,
        );
        check.range(
            file,
            &r.id,
            "fee_non_member_usd",
            renewal.fee_non_member_usd,
            0,
            MAX_FEE_USD,
        );
        check.range(
            file,
            &r.id,
            "extra_credential_fee_usd",
            renewal.extra_credential_fee_usd,
            0,
            MAX_FEE_USD,
        );
    }
    for r in &c.occupations {
        check.refs(
            "occupations.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
        check.refs(
            "occupations.toml",
            &r.id,
            "figures_source",
            "source",
            &sources,
            &r.figures_source,
        );
        let has_figure = r.median_annual_usd.is_some() || r.outlook_percent.is_some();
        if has_figure && (r.figures_source.is_none() || r.median_as_of.is_none()) {
            check.report(
                "occupations.toml",
                &r.id,
                None,
                format!(
                    "`{}`: a median or outlook needs `figures_source` and `median_as_of`",
                    r.id
                ),
            );
        }
    }
    for r in &c.roles {
        let file = "roles.toml";
        check.refs(file, &r.id, "skills", "skill", &skills, &r.skills);
        check.refs(
            file,
            &r.id,
            "employers",
            "employer",
            &employers,
            &r.employers,
        );
        check.refs(
            file,
            &r.id,
            "certifications",
            "certification",
            &certs,
            &r.certifications,
        );
        check.refs(file, &r.id, "paths", "path", &paths, &r.paths);
        check.refs(
            file,
            &r.id,
            "occupations",
            "occupation",
            &occupations,
            &r.occupations,
        );
        check.refs(file, &r.id, "sources", "source", &sources, &r.sources);
    }
    for r in &c.responsibilities {
        check.refs(
            "responsibilities.toml",
            &r.id,
            "roles",
            "role",
            &roles,
            &r.roles,
        );
        check.refs(
            "responsibilities.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
    for r in &c.salaries {
        let file = "salaries.toml";
        check.refs(file, &r.id, "role", "role", &roles, &r.role);
        check.refs(
            file,
            &r.id,
            "occupation",
            "occupation",
            &occupations,
            &r.occupation,
        );
        check.refs(file, &r.id, "source", "source", &sources, [&r.source]);
        if r.amount_cents == 0 || r.amount_cents > 10_000_000 * 100 {
            check.report(
                file,
                &r.id,
                Some("amount_cents"),
                format!("`{}`: field `amount_cents` is out of range", r.id),
            );
        }
    }
    for r in &c.paths {
        check.refs("paths.toml", &r.id, "roles", "role", &roles, &r.roles);
        check.refs(
            "paths.toml",
            &r.id,
            "certifications",
            "certification",
            &certs,
            &r.certifications,
        );
        check.refs(
            "paths.toml",
            &r.id,
            "sources",
            "source",
            &sources,
            &r.sources,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, text.len() + 10), (3, 1));
    }

    #[test]
    fn key_before_names_the_field_of_a_value() {
        let text = "a = 1\nroles = \"x\"\nm = { dues = -4 }\n";
        assert_eq!(key_before(text, text.find("\"x").unwrap()), Some("roles"));
        assert_eq!(key_before(text, text.find("-4").unwrap()), Some("dues"));
        assert_eq!(key_before(text, 0), None);
        assert_eq!(key_before(text, text.find("roles").unwrap()), None);
        // Found by fuzzing: a multi-byte character just before the key.
        let text = "x\u{fffd}key = ";
        assert_eq!(key_before(text, text.len()), Some("key"));
        assert_eq!(line_column("\u{fffd}", 1), (1, 1));
    }

    #[test]
    fn embedded_data_builds() {
        let catalog = build(&Texts::embedded()).expect("embedded data is valid");
        assert!(!catalog.certifications.is_empty());
    }
}
