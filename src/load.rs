//! The data files: parsed and validated into [`Data`], every problem reported as
//! `file:line:column: message` at the offending value itself. `build.rs` runs this same module
//! over `data/` at build time; `hi` runs it at run time only on a `--data-dir`.
//!
//! Each file is parsed into TOML's spanned document tree, and each record is read on its own,
//! so one bad record is reported and the others are still read and checked. What the records
//! declare (see [`crate::record`]) is then checked across files. A problem found by a check is
//! placed by its path inside the record (`fee_history[1].member_usd`), which is looked up again
//! in the document tree: only files with problems are walked twice.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Serialize;
use serde::de::{Deserialize, DeserializeOwned};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::model::*;
use crate::record::{FieldPath, OfKind, Step};

macro_rules! embedded_files {
    ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {
        /// The data files, `about.toml` and one per kind. `include_str!` compiles them into the
        /// binary, so `hi` needs no files at run time.
        pub const FILES: &[(&str, &str)] = &[
            ("about.toml", include_str!("../data/about.toml")),
            $((
                concat!(stringify!($field), ".toml"),
                include_str!(concat!("../data/", stringify!($field), ".toml")),
            ),)*
        ];
    };
}
for_each_kind!(embedded_files);

/// Files larger than this are parsed a record at a time on two threads: the document tree is
/// many times the size of the text, and this keeps only one record's tree at a time.
const PARSE_IN_PARTS_ABOVE: usize = 256 * 1024;

/// A single record (or what comes before the first) larger than this is refused: the largest
/// shipped record is a few KB, and the document tree of a part is many times its text, so this
/// bounds the memory a file of any size can take.
const MAX_RECORD_BYTES: usize = 256 * 1024;

/// A file larger than this whose parts do not all parse is not parsed again whole (which would
/// hold its whole tree at once); each failing part reports its own errors.
const REPARSE_WHOLE_BELOW: usize = 4 * 1024 * 1024;

/// More problems than this in one file are counted, not listed: the first ones tell what is
/// wrong, and a pathological file must not take long to report.
const MAX_PROBLEMS_PER_FILE: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    /// Worth fixing, but the data is usable: a source nothing cites.
    Warning,
}

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// The text of each data file, by name. A file that could not be read is absent, and every
/// check that needs it is skipped.
pub struct Texts(Vec<(&'static str, Cow<'static, str>)>);

impl Texts {
    pub fn embedded() -> Texts {
        Texts(
            FILES
                .iter()
                .map(|(name, text)| (*name, Cow::Borrowed(*text)))
                .collect(),
        )
    }

    /// Texts given directly, by file name; names not among [`FILES`] are ignored.
    pub fn from_files(files: impl IntoIterator<Item = (&'static str, String)>) -> Texts {
        Texts(
            files
                .into_iter()
                .filter(|(n, _)| FILES.iter().any(|(f, _)| f == n))
                .map(|(n, t)| (n, Cow::Owned(t)))
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
    /// (missing, not a file, over the size limit, not UTF-8). Only a `dir` that cannot be read
    /// at all is an error.
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
                Ok(text) => texts.push((*name, Cow::Owned(text))),
                Err(cause) => unreadable.push((*name, cause)),
            }
        }
        Ok((Texts(texts), unreadable))
    }

    /// Each file's name and text, in the order of [`FILES`].
    pub fn files(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.0.iter().map(|(name, text)| (*name, text.as_ref()))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_ref())
    }
}

/// One data file's text, or why it cannot be had: through the one bounded reader, so a FIFO
/// is refused before it is opened and a file over the cap before it is read.
fn read_file(path: &Path) -> Result<String, String> {
    crate::read::DATA_FILE.text(path).map_err(|e| e.to_string())
}

/// Loads the files in `dir` into a validated catalog. Warnings do not stop it, nor does text
/// that `hi data check` refuses but every view shows escaped (control characters in a name).
pub fn load_dir(dir: &Path) -> Result<Data> {
    let texts = Texts::read_dir(dir)?;
    let (data, problems) = build_with_warnings(&texts, Strictness::Lenient);
    data.ok_or(problems).map_err(|problems| {
        let errors: Vec<&Problem> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        let more = match errors.len() {
            0 | 1 => String::new(),
            n => format!(" (and {} more: `hi data check` lists them all)", n - 1),
        };
        let first = errors.first().map_or(String::new(), |p| p.to_string());
        anyhow::anyhow!("invalid data in {}: {first}{more}", dir.display())
    })
}

/// Every problem and warning in the embedded data or in the files of `dir`, unreadable files
/// included. Only a `dir` that cannot be read at all is an error.
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
            severity: Severity::Error,
        })
        .collect();
    let (_, found) = build_with_warnings(&texts, Strictness::Strict);
    problems.extend(found);
    // Name each file by its path, so that editors and terminals can open it at the place.
    if let Some(dir) = dir {
        for problem in &mut problems {
            problem.file = dir.join(&problem.file).display().to_string();
        }
    }
    Ok(problems)
}

/// Parses and validates every file. Any error fails the build, with every problem found
/// (warnings included); warnings alone do not.
pub fn build(texts: &Texts) -> Result<Data, Vec<Problem>> {
    let (data, problems) = build_with_warnings(texts, Strictness::Strict);
    match data {
        Some(data) if !problems.iter().any(|p| p.severity == Severity::Error) => Ok(data),
        _ => Err(problems),
    }
}

/// How hard the rules that only keep text clean are: errors for `hi data check` and the
/// built-in data, warnings for a data directory loaded to run a command on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    Strict,
    Lenient,
}

/// The data when it has no errors, and every problem and warning, sorted by file and place.
fn build_with_warnings(texts: &Texts, strictness: Strictness) -> (Option<Data>, Vec<Problem>) {
    let mut files = Files::default();
    let mut data = Data {
        about: files.about(texts),
        ..Data::default()
    };
    macro_rules! parse_kinds {
        ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {
            $(data.$field = files.kind::<$type>(texts);)*
        };
    }
    for_each_kind!(parse_kinds);
    let findings = validate(&data, &files, strictness);
    let mut problems = files.resolve(texts, findings);
    let order = |file: &str| FILES.iter().position(|(name, _)| *name == file);
    problems.sort_by(|a, b| {
        (order(&a.file), a.line, a.column).cmp(&(order(&b.file), b.line, b.column))
    });
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (None, problems);
    }
    derive(&mut data);
    (Some(data), problems)
}

/// What `load` fills in beyond the files: the current observations (and the undated ones
/// written after them), the member saving, the issuer's fee for each further credential, and an
/// occupation's newest figures.
fn derive(data: &mut Data) {
    let issuers: HashMap<&str, &Organization> = data
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    for cert in &mut data.certifications {
        cert.exam = current(&cert.exam_history, |e| e.as_of).cloned();
        if let Some(exam) = &mut cert.exam {
            exam.undated_later = undated_later(&cert.exam_history, |e| e.as_of);
        }
        cert.fees = current_fees(&cert.fee_history);
        let renewal = &mut cert.renewal;
        let fees = current_fees(&renewal.fee_history);
        renewal.fee_member_usd = fees.as_ref().and_then(|f| f.member_usd);
        renewal.fee_non_member_usd = fees.as_ref().and_then(|f| f.non_member_usd);
        renewal.fee_as_of = fees.as_ref().and_then(|f| f.as_of);
        renewal.fee_source = fees.as_ref().map(|f| f.source.clone());
        renewal.fee_undated_later = fees.map(|f| f.undated_later).unwrap_or_default();
        let histories = [&mut cert.fee_history, &mut renewal.fee_history];
        for fees in histories.into_iter().flatten().chain(cert.fees.as_mut()) {
            fees.member_saving_usd = match (fees.member_usd, fees.non_member_usd) {
                (Some(member), Some(non_member)) => non_member.get().checked_sub(member.get()),
                _ => None,
            };
        }
        let issuer = issuers.get(cert.issuer.as_str()).copied();
        renewal.extra_credential_fee_usd = issuer
            .and_then(|o| o.combined_renewal.as_ref())
            .and_then(|rule| rule.extra_credential_fee_usd)
            .map(u32::from);
        cert.renewal.ce_unit = issuer.and_then(|o| o.ce.as_ref()).map(|ce| ce.unit);
    }
    for occupation in &mut data.occupations {
        let history = &occupation.figure_history;
        if let Some(median) = newest_with(history, |f| f.median_annual_usd.is_some()) {
            occupation.median_annual_usd = median.median_annual_usd.map(u32::from);
            occupation.median_as_of = median.as_of;
            occupation.figures_source = Some(median.source.clone());
        }
        if let Some(outlook) = newest_with(history, |f| f.outlook_percent.is_some()) {
            occupation.outlook_percent = outlook.outlook_percent;
            occupation.outlook_period = outlook.outlook_period.clone();
            occupation.outlook_as_of = outlook.as_of;
            occupation.outlook_source = Some(outlook.source.clone());
        }
    }
}

/// The current fee observation of a history, with the undated ones written after it.
fn current_fees(history: &[Fees]) -> Option<Fees> {
    let mut fees = current(history, |f| f.as_of).cloned()?;
    fees.undated_later = undated_later(history, |f| f.as_of);
    Some(fees)
}

/// The current observation of a history: the one with the latest date its source states,
/// the one written last among equal dates. An undated observation never outranks a dated one;
/// when none is dated, the one written last is current.
pub fn current<T>(history: &[T], date: impl Fn(&T) -> Option<Date>) -> Option<&T> {
    current_position(history, date).map(|i| &history[i])
}

fn current_position<T>(history: &[T], date: impl Fn(&T) -> Option<Date>) -> Option<usize> {
    let dated = (0..history.len()).filter(|&i| date(&history[i]).is_some());
    // `max_by_key` keeps the last of equal maxima: the one written last.
    dated
        .max_by_key(|&i| date(&history[i]))
        .or(history.len().checked_sub(1))
}

/// The positions of the undated observations written after the current one, when that one is
/// dated: the rule ranks a dated observation above them, though they may be newer.
pub fn undated_later<T>(history: &[T], date: impl Fn(&T) -> Option<Date>) -> Vec<usize> {
    match current_position(history, &date) {
        Some(i) if date(&history[i]).is_some() => (i + 1..history.len())
            .filter(|&later| date(&history[later]).is_none())
            .collect(),
        _ => Vec::new(),
    }
}

/// The current observation among those that give one figure (`has`): each figure of an
/// occupation is the newest observation of that figure, whatever the newest edition lacks.
fn newest_with(
    history: &[OccupationFigures],
    has: impl Fn(&OccupationFigures) -> bool,
) -> Option<&OccupationFigures> {
    let giving: Vec<&OccupationFigures> = history.iter().filter(|f| has(f)).collect();
    current(&giving, |f| f.as_of).copied()
}

/// Where a problem lies before it is turned into a line and column.
enum Place {
    /// A byte offset in the file, from the parser.
    Offset(usize),
    /// A value inside the record at this position of the file's array, by its path.
    Field { position: usize, path: FieldPath },
}

/// A problem of one file, not yet placed.
struct Finding {
    file: &'static str,
    place: Place,
    message: String,
    severity: Severity,
}

/// What is known of each file while it is read: how it was split, which records of it could be
/// read, and the problems found so far.
#[derive(Default)]
struct Files {
    /// Per file: the byte offset where each part starts and the position of its first record.
    parts: HashMap<&'static str, Vec<(usize, usize)>>,
    /// Per kind: the position in its file of each record read, in the order of its list.
    positions: HashMap<Kind, Vec<usize>>,
    /// Per kind: the ids of records that could not be read, so that references to them are
    /// not reported as dangling; `None` when the file itself could not be read or parsed.
    unread_ids: HashMap<Kind, Option<Vec<String>>>,
    findings: Vec<Finding>,
}

impl Files {
    fn found(&mut self, file: &'static str, place: Place, message: String) {
        self.findings.push(Finding {
            file,
            place,
            message,
            severity: Severity::Error,
        });
    }

    fn about(&mut self, texts: &Texts) -> About {
        let file = "about.toml";
        let Some(text) = texts.text(file) else {
            return About::default();
        };
        if text.len() > MAX_RECORD_BYTES {
            let message = format!(
                "larger than the {} KiB it may take",
                MAX_RECORD_BYTES / 1024
            );
            self.found(file, Place::Offset(0), message);
            return About::default();
        }
        let Ok(table) = DeTable::parse(text) else {
            self.syntax_errors_by_part(file, text, &whole(text));
            return About::default();
        };
        let mut table = table.into_inner();
        let about = table.remove("about");
        self.unexpected_keys(file, 0, &table, "the `[about]` table");
        let Some(value) = about else {
            self.found(
                file,
                Place::Offset(0),
                "missing table `[about]`".to_string(),
            );
            return About::default();
        };
        About::deserialize(ValueDeserializer::from(value)).unwrap_or_else(|error| {
            self.parse_error(file, &error);
            About::default()
        })
    }

    /// Every syntax error of the parts of a file that do not parse: the parser recovers after
    /// each.
    fn syntax_errors_by_part(&mut self, file: &'static str, text: &str, parts: &[Range<usize>]) {
        for part in parts {
            for error in DeTable::parse_recoverable(&text[part.clone()]).1 {
                let at = part.start + error.span().map_or(0, |span| span.start);
                let message = error.message().trim().replace('\n', " ");
                self.found(file, Place::Offset(at), message);
            }
        }
    }

    /// Every record of one kind that can be read; the others are reported.
    fn kind<T: OfKind + DeserializeOwned + Send>(&mut self, texts: &Texts) -> Vec<T> {
        let kind = T::KIND;
        let file = kind.file();
        let Some(text) = texts.text(file) else {
            self.unread_ids.insert(kind, None);
            return Vec::new();
        };
        let parts = split(text, kind.key());
        if let Some(big) = parts.iter().find(|p| p.len() > MAX_RECORD_BYTES) {
            let message = format!(
                "a record (or the text before the first `[[{}]]`) of {} KiB: more than the {} KiB a record may take",
                kind.key(),
                big.len() / 1024,
                MAX_RECORD_BYTES / 1024
            );
            self.found(file, Place::Offset(big.start), message);
            self.unread_ids.insert(kind, None);
            return Vec::new();
        }
        let read = if parts.len() > 1 {
            // Two threads, each over its half of the parts; if any part fails to parse (a
            // header inside a multi-line string, say), the file is read again whole, so that
            // errors and their places are those of the whole file.
            let (first, second) = parts.split_at(parts.len() / 2);
            let (a, b) = std::thread::scope(|scope| {
                let a = scope.spawn(|| read_parts::<T>(text, first, kind.key()));
                let b = read_parts::<T>(text, second, kind.key());
                (a.join(), b)
            });
            match (a, b) {
                (Ok(Ok(mut a)), Ok(b)) => {
                    a.append(b);
                    Ok(a)
                }
                _ if text.len() < REPARSE_WHOLE_BELOW => {
                    read_parts::<T>(text, &whole(text), kind.key())
                }
                _ => {
                    self.syntax_errors_by_part(file, text, &parts);
                    self.unread_ids.insert(kind, None);
                    return Vec::new();
                }
            }
        } else {
            read_parts::<T>(text, &parts, kind.key())
        };
        let Ok(read) = read else {
            self.syntax_errors_by_part(file, text, &whole(text));
            self.unread_ids.insert(kind, None);
            return Vec::new();
        };
        self.parts.insert(file, read.parts);
        for (offset, message) in read.problems {
            self.found(file, Place::Offset(offset), message);
        }
        self.positions
            .insert(kind, read.records.iter().map(|(p, _)| *p).collect());
        self.unread_ids.insert(kind, Some(read.unread_ids));
        read.records.into_iter().map(|(_, r)| r).collect()
    }

    fn parse_error(&mut self, file: &'static str, error: &toml::de::Error) {
        let at = error.span().map_or(0, |span| span.start);
        let message = error.message().trim().replace('\n', " ");
        self.found(file, Place::Offset(at), message);
    }

    fn unexpected_keys(
        &mut self,
        file: &'static str,
        offset: usize,
        table: &DeTable,
        wanted: &str,
    ) {
        for key in table.keys() {
            let message = format!("unknown key `{}`: this file holds {wanted}", key.get_ref());
            self.found(file, Place::Offset(offset + key.span().start), message);
        }
    }

    /// Each finding as a problem with its line and column; a parser's message about a value
    /// also gets the record and field it lies in.
    fn resolve(mut self, texts: &Texts, mut findings: Vec<Finding>) -> Vec<Problem> {
        findings.append(&mut self.findings);
        let mut trees: HashMap<(&'static str, usize), Option<Spanned<DeTable<'_>>>> =
            HashMap::new();
        let mut lines: HashMap<&'static str, LineIndex> = HashMap::new();
        let mut per_file: HashMap<(&'static str, Severity), usize> = HashMap::new();
        let mut problems = Vec::with_capacity(findings.len().min(1000));
        for finding in findings {
            let count = per_file
                .entry((finding.file, finding.severity))
                .or_default();
            *count += 1;
            if *count > MAX_PROBLEMS_PER_FILE {
                continue;
            }
            let text = texts.text(finding.file).unwrap_or_default();
            let (offset, message) = self.place(&mut trees, text, &finding);
            let (line, column) = lines
                .entry(finding.file)
                .or_insert_with(|| LineIndex::new(text))
                .line_column(text, offset);
            problems.push(Problem {
                file: finding.file.to_string(),
                line,
                column,
                message: message.replace('\n', " "),
                severity: finding.severity,
            });
        }
        for ((file, severity), count) in per_file
            .into_iter()
            .filter(|(_, n)| *n > MAX_PROBLEMS_PER_FILE)
        {
            let what = match severity {
                Severity::Error => "problems",
                Severity::Warning => "warnings",
            };
            problems.push(Problem {
                file: file.to_string(),
                line: 1,
                column: 1,
                message: format!(
                    "{} more {what} in this file are not listed: see to the ones above first",
                    count - MAX_PROBLEMS_PER_FILE
                ),
                severity,
            });
        }
        problems
    }

    /// The byte offset of a finding in its file, and its message, naming the record and field
    /// of a parser's message about a value.
    fn place<'t>(
        &self,
        trees: &mut HashMap<(&'static str, usize), Option<Spanned<DeTable<'t>>>>,
        text: &'t str,
        finding: &Finding,
    ) -> (usize, String) {
        let parts = self
            .parts
            .get(finding.file)
            .map_or(&[(0, 0)][..], Vec::as_slice);
        let key = key_of(finding.file);
        match finding.place {
            Place::Offset(offset) => {
                let part = parts
                    .partition_point(|(start, _)| *start <= offset)
                    .saturating_sub(1);
                let tree = tree(trees, text, finding.file, parts, part);
                let named = tree.and_then(|t| name_at(t, key, offset - parts[part].0));
                let message = match named {
                    Some((record, field)) if !finding.message.contains(&format!("`{field}`")) => {
                        format!("{record}field `{field}`: {}", finding.message)
                    }
                    Some((record, _)) => format!("{record}{}", finding.message),
                    None => finding.message.clone(),
                };
                (offset, message)
            }
            Place::Field { position, path } => {
                let part = parts
                    .partition_point(|(_, first)| *first <= position)
                    .saturating_sub(1);
                let tree = tree(trees, text, finding.file, parts, part);
                let within = tree.and_then(|t| locate(t, key, position - parts[part].1, &path));
                (parts[part].0 + within.unwrap_or(0), finding.message.clone())
            }
        }
    }
}

/// Where each line of a text starts, to turn many offsets into lines without reading the text
/// from the start for each.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts.collect())
    }

    /// 1-based line and column (in characters) of a byte offset; an offset inside a character
    /// counts as that character.
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.0.partition_point(|start| *start <= offset);
        let start = self.0[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// The document tree of one part of a file, parsed once and kept while problems are placed.
fn tree<'t, 'm>(
    trees: &'m mut HashMap<(&'static str, usize), Option<Spanned<DeTable<'t>>>>,
    text: &'t str,
    file: &'static str,
    parts: &[(usize, usize)],
    part: usize,
) -> Option<&'m DeTable<'t>> {
    trees
        .entry((file, part))
        .or_insert_with(|| {
            let start = parts[part].0;
            let end = parts.get(part + 1).map_or(text.len(), |(s, _)| *s);
            // A file with a syntax error still gives the tree around it, to name the field; a
            // part too large to be a record is not parsed at all.
            (end - start <= MAX_RECORD_BYTES)
                .then(|| DeTable::parse_recoverable(&text[start..end]).0)
        })
        .as_ref()
        .map(Spanned::get_ref)
}

/// The key of the record tables of a data file: `certification` for certifications.toml.
fn key_of(file: &str) -> &'static str {
    Kind::ALL
        .iter()
        .find(|k| k.file() == file)
        .map_or("about", |k| k.key())
}

/// The parts of a file to parse on their own: one part per record, each starting at its
/// header line, when the file is large; else the whole file.
fn split(text: &str, key: &str) -> Vec<Range<usize>> {
    if text.len() <= PARSE_IN_PARTS_ABOVE {
        return whole(text);
    }
    let header = format!("\n[[{key}]]");
    let mut starts = vec![0];
    starts.extend(text.match_indices(&header).map(|(offset, _)| offset + 1));
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| start..end)
        .collect()
}

/// The whole file as one part.
fn whole(text: &str) -> Vec<Range<usize>> {
    std::iter::once(0..text.len()).collect()
}

/// The records read from some parts of a file, each with its position in the file's array.
struct Records<T> {
    records: Vec<(usize, T)>,
    unread_ids: Vec<String>,
    /// Problems with single records or keys, by byte offset in the file.
    problems: Vec<(usize, String)>,
    /// Each part's byte offset and the position of its first record.
    parts: Vec<(usize, usize)>,
}

impl<T> Records<T> {
    /// Appends records read from later parts, renumbering their positions.
    fn append(&mut self, mut later: Records<T>) {
        let shift = self.records.len() + self.unread_ids.len();
        self.records
            .extend(later.records.drain(..).map(|(p, r)| (p + shift, r)));
        self.unread_ids.append(&mut later.unread_ids);
        self.problems.append(&mut later.problems);
        self.parts
            .extend(later.parts.iter().map(|(o, p)| (*o, p + shift)));
    }
}

/// Reads the records in some parts of `text`. A part that does not parse is the error.
fn read_parts<T: DeserializeOwned>(
    text: &str,
    parts: &[Range<usize>],
    key: &str,
) -> Result<Records<T>, toml::de::Error> {
    let mut read = Records {
        records: Vec::new(),
        unread_ids: Vec::new(),
        problems: Vec::new(),
        parts: Vec::new(),
    };
    for range in parts {
        let start = range.start;
        let part = &text[range.clone()];
        let mut table = DeTable::parse(part)?.into_inner();
        let first = read.records.len() + read.unread_ids.len();
        read.parts.push((start, first));
        let records = table.remove(key);
        for key_name in table.keys() {
            let message = format!(
                "unknown key `{}`: this file holds `[[{key}]]` tables",
                key_name.get_ref()
            );
            read.problems.push((start + key_name.span().start, message));
        }
        let Some(records) = records else { continue };
        let span = records.span();
        let DeValue::Array(mut array) = records.into_inner() else {
            read.problems.push((
                start + span.start,
                format!("`{key}` must be `[[{key}]]` tables"),
            ));
            continue;
        };
        for (i, slot) in array.iter_mut().enumerate() {
            let position = first + i;
            let value = std::mem::replace(slot, Spanned::new(0..0, DeValue::Boolean(false)));
            let id = value
                .get_ref()
                .get("id")
                .and_then(|id| id.get_ref().as_str())
                .map(str::to_string);
            match T::deserialize(ValueDeserializer::from(value)) {
                Ok(record) => read.records.push((position, record)),
                Err(error) => {
                    let at = error.span().map_or(0, |s| s.start);
                    read.problems
                        .push((start + at, error.message().trim().to_string()));
                    read.unread_ids.push(id.unwrap_or_default());
                }
            }
        }
    }
    Ok(read)
}

/// The record (as "`id`: ") and the field path of the deepest value of a record that holds
/// `offset`, in a part's tree.
fn name_at(tree: &DeTable, key: &str, offset: usize) -> Option<(String, String)> {
    let top = tree.get(key)?;
    let record = match top.get_ref().as_array() {
        Some(records) => records
            .iter()
            .find(|r| contains(r.span(), offset))
            .or_else(|| {
                // A record's span is its header; its fields follow it, up to the next record.
                records.iter().rev().find(|r| r.span().start <= offset)
            })?,
        // `[about]`: one table, not an array of records.
        None => top,
    };
    let id = record
        .get_ref()
        .get("id")
        .and_then(|id| id.get_ref().as_str())
        .map_or(String::new(), |id| format!("`{id}`: "));
    let mut path = String::new();
    let mut value = record;
    'descend: loop {
        match value.get_ref() {
            DeValue::Table(table) => {
                for (name, child) in table {
                    if contains(child.span(), offset) || contains(name.span(), offset) {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(name.get_ref());
                        value = child;
                        continue 'descend;
                    }
                }
                let Some((name, index, item)) = nearest_header(table, offset) else {
                    break;
                };
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name.get_ref());
                if let Some(i) = index {
                    path.push_str(&format!("[{i}]"));
                }
                value = item;
            }
            DeValue::Array(items) => match items.iter().position(|i| contains(i.span(), offset)) {
                Some(i) => {
                    path.push_str(&format!("[{i}]"));
                    value = &items[i];
                }
                None => break,
            },
            _ => break,
        }
    }
    (!path.is_empty()).then_some((id, path))
}

/// A table under a header of its own: its name, its position in its array of tables, itself.
type Header<'t, 'd> = (
    &'t Spanned<std::borrow::Cow<'d, str>>,
    Option<usize>,
    &'t Spanned<DeValue<'d>>,
);

/// Tables written under their own header (`[x.renewal]`, `[[x.fee_history]]`) have the span
/// of the header only: the one of `table` nearest before `offset` holds it. Its name, its
/// position in its array of tables (if it is one), and the table.
fn nearest_header<'t, 'd>(table: &'t DeTable<'d>, offset: usize) -> Option<Header<'t, 'd>> {
    table
        .iter()
        .filter_map(|(name, child)| {
            let (index, item) = match child.get_ref() {
                DeValue::Table(_) => (None, child),
                DeValue::Array(items) => items
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, i)| i.get_ref().is_table() && i.span().start <= offset)
                    .map(|(i, item)| (Some(i), item))?,
                _ => return None,
            };
            (item.span().start <= offset).then_some((item.span().start, name, index, item))
        })
        .max_by_key(|(start, ..)| *start)
        .map(|(_, name, index, item)| (name, index, item))
}

fn contains(span: Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

/// The byte offset (in the part) of the value at `path` in the record at `position` of the
/// part; as near as it gets when the path leads to a value the file does not write.
fn locate(tree: &DeTable, key: &str, position: usize, path: &FieldPath) -> Option<usize> {
    let mut value = tree.get(key)?.get_ref().as_array()?.get(position)?;
    for step in path.steps() {
        let next = match step {
            Step::Key(name) => value.get_ref().get(*name),
            Step::Index(i) => value.get_ref().as_array().and_then(|a| a.get(*i)),
        };
        match next {
            Some(next) => value = next,
            None => break,
        }
    }
    Some(value.span().start)
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(text, offset)
}

/// The ids of each kind that references may name; `None` for a kind whose file could not be
/// read, so that references into it are not checked.
fn known_ids<'a>(data: &'a Data, files: &'a Files) -> HashMap<Kind, Option<HashSet<&'a str>>> {
    let mut known = HashMap::new();
    macro_rules! ids {
        ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {$(
            let unread = files.unread_ids.get(&Kind::$kind).and_then(Option::as_ref);
            known.insert(Kind::$kind, unread.map(|unread| {
                data.$field
                    .iter()
                    .map(|r| r.id.as_str())
                    .chain(unread.iter().map(String::as_str))
                    .collect()
            }));
        )*};
    }
    for_each_kind!(ids);
    known
}

/// Every rule across records: ids well-formed and unique, names given, references resolved,
/// each record's own declared rules, and sources that nothing cites.
fn validate(data: &Data, files: &Files, strictness: Strictness) -> Vec<Finding> {
    let known = known_ids(data, files);
    let mut findings = Vec::new();
    let mut cited: HashSet<&str> = HashSet::new();
    macro_rules! check_kinds {
        ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {$(
            let positions = files.positions.get(&Kind::$kind).map_or(&[][..], Vec::as_slice);
            check_records(&data.$field, positions, &known, &mut cited, &mut findings);
            findings.extend(control_characters(&data.$field, positions, strictness));
        )*};
    }
    for_each_kind!(check_kinds);
    findings.extend(requirement_cycles(data, files));
    findings.extend(ce_rules(data, files));
    findings.extend(uncovered_roles(data, files));
    findings.extend(ladder_problems(data, files));
    // A record that could not be read cites sources no one can see: then any source may look
    // uncited, and none is reported.
    let all_read = files
        .unread_ids
        .values()
        .all(|unread| unread.as_ref().is_some_and(Vec::is_empty));
    if all_read {
        let positions = files
            .positions
            .get(&Kind::Source)
            .map_or(&[][..], Vec::as_slice);
        for (source, &position) in data.sources.iter().zip(positions) {
            if !cited.contains(source.id.as_str()) {
                findings.push(Finding {
                    file: Kind::Source.file(),
                    place: field(position, "id"),
                    message: format!("source `{}` is cited by nothing", source.id),
                    severity: Severity::Warning,
                });
            }
        }
    }
    findings
}

/// Certifications no one can ever sit: every route asks for a credential that can only be
/// reached through them (A requires B, B requires A). A credential is reachable when one of its
/// routes asks for none, or for one that is reachable.
fn requirement_cycles(data: &Data, files: &Files) -> Vec<Finding> {
    let certs = &data.certifications;
    let mut reachable: HashSet<&str> = HashSet::new();
    loop {
        let before = reachable.len();
        for cert in certs {
            if reachable.contains(cert.id.as_str()) {
                continue;
            }
            let open = cert.eligibility.is_empty()
                || cert.eligibility.iter().any(|route| {
                    route.credentials.is_empty()
                        || route
                            .credentials
                            .iter()
                            .any(|c| reachable.contains(c.as_str()))
                });
            if open {
                reachable.insert(&cert.id);
            }
        }
        if reachable.len() == before {
            break;
        }
    }
    let positions = files
        .positions
        .get(&Kind::Certification)
        .map_or(&[][..], Vec::as_slice);
    certs
        .iter()
        .zip(positions)
        .filter(|(cert, _)| !reachable.contains(cert.id.as_str()))
        .map(|(cert, &position)| Finding {
            file: Kind::Certification.file(),
            place: field(position, "eligibility"),
            message: format!(
                "`{}`: every route asks for a credential that can only be earned through this one: \
                 a cycle of requirements",
                cert.id
            ),
            severity: Severity::Error,
        })
        .collect()
}

/// What a certification's CE rule needs from its issuer's: a unit to count `ce_hours` in, and
/// categories that neither repeat an issuer's id nor sit within one that does not exist.
fn ce_rules(data: &Data, files: &Files) -> Vec<Finding> {
    let positions = files
        .positions
        .get(&Kind::Certification)
        .map_or(&[][..], Vec::as_slice);
    let mut findings = Vec::new();
    for (cert, &position) in data.certifications.iter().zip(positions) {
        let issuer = data.organizations.iter().find(|o| o.id == cert.issuer);
        let rules = issuer.and_then(|o| o.ce.as_ref());
        let mut error = |key: &'static str, message: String| {
            findings.push(Finding {
                file: Kind::Certification.file(),
                place: Place::Field {
                    position,
                    path: FieldPath::key("renewal").with(Step::Key(key)),
                },
                message: format!("`{}`: {message}", cert.id),
                severity: Severity::Error,
            })
        };
        let renewal = &cert.renewal;
        let counted = renewal.ce_hours.is_some() || !renewal.categories.is_empty();
        if counted && issuer.is_some() && rules.is_none() {
            error(
                "ce_hours",
                format!(
                    "the issuer `{}` has no `ce` table saying what unit its CE counts in",
                    cert.issuer
                ),
            );
        }
        let of_issuer = rules.map_or(&[][..], |r| r.categories.as_slice());
        for c in &renewal.categories {
            if of_issuer.iter().any(|o| o.id == c.id) {
                error(
                    "categories",
                    format!("category `{}` is the issuer's already", c.id),
                );
            }
        }
        let all: Vec<&crate::model::Category> =
            of_issuer.iter().chain(&renewal.categories).collect();
        for c in &all {
            if let Some(within) = c.within.as_deref()
                && !all.iter().any(|o| o.id == within)
            {
                error(
                    "categories",
                    format!(
                        "category `{}` is within `{within}`, which is not a category of its rule",
                        c.id
                    ),
                );
            }
        }
    }
    findings
}

/// Roles none of whose recommended certifications tests any of the role's skills (by the
/// exam domains' `skills`): a warning, since `hi gap` and `hi plan` would then find nothing
/// the role's own certifications cover, which is most likely a missing link in the data.
fn uncovered_roles(data: &Data, files: &Files) -> Vec<Finding> {
    let positions = files
        .positions
        .get(&Kind::Role)
        .map_or(&[][..], Vec::as_slice);
    data.roles
        .iter()
        .zip(positions)
        .filter(|(role, _)| !role.skills.is_empty() && !role.certifications.is_empty())
        .filter(|(role, _)| {
            let certs = data
                .certifications
                .iter()
                .filter(|c| role.certifications.contains(&c.id));
            !certs
                .flat_map(|c| c.outline())
                .any(|domain| domain.skills.iter().any(|s| role.skills.contains(s)))
        })
        .map(|(role, &position)| Finding {
            file: Kind::Role.file(),
            place: field(position, "certifications"),
            message: format!(
                "`{}`: none of its certifications has an exam domain that tests one of its \
                 skills: link the domains' `skills`, or recommend a certification that does",
                role.id
            ),
            severity: Severity::Warning,
        })
        .collect()
}

/// What no single role can decide about its moves: that a move never goes down a level unless
/// its sources say so (`steps_down`), and says so only when it does; and that no moves lead
/// round in a circle, which would make a ladder of no top.
fn ladder_problems(data: &Data, files: &Files) -> Vec<Finding> {
    let roles = &data.roles;
    let positions = files
        .positions
        .get(&Kind::Role)
        .map_or(&[][..], Vec::as_slice);
    let index: HashMap<&str, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut findings = Vec::new();
    let mut next = vec![Vec::new(); roles.len()];
    for ((from, role), &position) in roles.iter().enumerate().zip(positions) {
        for (i, step) in role.leads_to.iter().enumerate() {
            // A move to a role that does not exist is a dangling reference, and one to the role
            // itself breaks a rule of its own record: both are reported there, once.
            let Some(&to) = index.get(step.role.as_str()).filter(|&&to| to != from) else {
                continue;
            };
            next[from].push(to);
            let (here, there) = (role.level, roles[to].level);
            let message = match (there < here, step.steps_down) {
                (true, false) => format!(
                    "`{}` → `{}` goes down from {} to {}: a move goes down a level only when \
                     its sources say so, with `steps_down = true`",
                    role.id,
                    step.role,
                    here.keyword(),
                    there.keyword()
                ),
                (false, true) => format!(
                    "`{}` → `{}` sets `steps_down`, but goes from {} to {}, not down",
                    role.id,
                    step.role,
                    here.keyword(),
                    there.keyword()
                ),
                _ => continue,
            };
            let key = if step.steps_down {
                "steps_down"
            } else {
                "role"
            };
            findings.push(Finding {
                file: Kind::Role.file(),
                place: move_field(position, i, key),
                message,
                severity: Severity::Error,
            });
        }
    }
    for group in crate::ladder::cycles(&next) {
        let circle: Vec<&str> = crate::ladder::circle(&next, &group)
            .into_iter()
            .map(|r| roles[r].id.as_str())
            .collect();
        for &member in &group {
            let Some(&position) = positions.get(member) else {
                continue;
            };
            findings.push(Finding {
                file: Kind::Role.file(),
                place: field(position, "leads_to"),
                message: format!(
                    "`{}`: its moves lead back to it ({}): a circle of moves, where a ladder \
                     must go somewhere",
                    roles[member].id,
                    circle.join(" → ")
                ),
                severity: Severity::Error,
            });
        }
    }
    findings
}

/// The place of one field of one move of a role: `leads_to[2].role`.
fn move_field(position: usize, index: usize, key: &'static str) -> Place {
    let path = FieldPath::key("leads_to")
        .with(Step::Index(index))
        .with(Step::Key(key));
    Place::Field { position, path }
}

fn field(position: usize, key: &'static str) -> Place {
    Place::Field {
        position,
        path: FieldPath::key(key),
    }
}

/// The rules every record of one kind must meet.
fn check_records<'a, T: OfKind>(
    records: &'a [T],
    positions: &[usize],
    known: &HashMap<Kind, Option<HashSet<&str>>>,
    cited: &mut HashSet<&'a str>,
    findings: &mut Vec<Finding>,
) {
    let kind = T::KIND;
    let file = kind.file();
    let mut seen = HashSet::new();
    let mut former_seen = HashSet::new();
    let mut error = |place: Place, message: String| {
        findings.push(Finding {
            file,
            place,
            message,
            severity: Severity::Error,
        });
    };
    for (record, &position) in records.iter().zip(positions) {
        let id = record.id();
        for (path, message) in identity_problems(record, known, &mut seen, &mut former_seen) {
            error(Place::Field { position, path }, message);
        }
        let declared = record.declared();
        for link in &declared.links {
            if link.target == Kind::Source {
                cited.insert(link.id);
            }
            let Some(Some(ids)) = known.get(&link.target) else {
                continue;
            };
            if !ids.contains(link.id) {
                error(
                    Place::Field {
                        position,
                        path: link.path,
                    },
                    format!(
                        "`{id}`: field `{}`: unknown {} `{}`",
                        link.path,
                        link.target.label(),
                        link.id
                    ),
                );
            }
        }
        for violation in declared.violations {
            let message = match violation.path.steps() {
                [] => format!("`{id}`: {}", violation.message),
                _ if violation.message.contains("field `") => {
                    format!("`{id}`: {}", violation.message)
                }
                _ => format!("`{id}`: field `{}`: {}", violation.path, violation.message),
            };
            error(
                Place::Field {
                    position,
                    path: violation.path,
                },
                message,
            );
        }
    }
}

/// Control characters in a record's name or searched text: an escape sequence that would drive
/// a terminal, a bare CR that forges a calendar line. Every view escapes them; the data should
/// not hold them.
fn control_characters<T: OfKind>(
    records: &[T],
    positions: &[usize],
    strictness: Strictness,
) -> Vec<Finding> {
    let hidden = |c: char| c.is_control() && c != '\n' && c != '\t';
    let mut findings = Vec::new();
    for (record, &position) in records.iter().zip(positions) {
        let fields = std::iter::once(("name", record.name())).chain(record.search_fields());
        if let Some((field, _)) = fields
            .into_iter()
            .find(|(_, text)| text.chars().any(hidden))
        {
            findings.push(Finding {
                file: T::KIND.file(),
                place: Place::Field {
                    position,
                    path: FieldPath::key("id"),
                },
                message: format!(
                    "`{}`: its {field} holds a control character (an escape, a bare CR, a bell): \
                     remove it",
                    record.id()
                ),
                severity: match strictness {
                    Strictness::Strict => Severity::Error,
                    Strictness::Lenient => Severity::Warning,
                },
            });
        }
    }
    findings
}

/// What is wrong with how a record names itself: its id (a slug, unique in its kind), its
/// former ids and its name. `seen` and `former_seen` collect ids across the kind.
fn identity_problems<'a, T: OfKind>(
    record: &'a T,
    known: &HashMap<Kind, Option<HashSet<&str>>>,
    seen: &mut HashSet<&'a str>,
    former_seen: &mut HashSet<&'a str>,
) -> Vec<(FieldPath, String)> {
    let (kind, id) = (T::KIND, record.id());
    let mut problems = Vec::new();
    if !is_slug(id) {
        let message = format!(
            "{} id `{id}`: field `id` must be a lowercase slug (a-z, 0-9, -)",
            kind.label()
        );
        problems.push((FieldPath::key("id"), message));
    }
    if !seen.insert(id) {
        let message = format!("field `id`: duplicate {} id `{id}`", kind.label());
        problems.push((FieldPath::key("id"), message));
    }
    for (path, problem) in former_id_problems(record, known, former_seen) {
        problems.push((path, format!("`{id}`: field `{path}`: {problem}")));
    }
    if record.name().trim().is_empty() {
        let key = if kind == Kind::Source {
            "title"
        } else {
            "name"
        };
        let message = format!("{} `{id}`: field `{key}` is empty", kind.label());
        problems.push((FieldPath::key(key), message));
    }
    problems
}

/// What is wrong with a record's former ids: each must be a slug that no record of its kind
/// has now and no other record gave up (`seen` collects them across the kind).
fn former_id_problems<'a, T: OfKind>(
    record: &'a T,
    known: &HashMap<Kind, Option<HashSet<&str>>>,
    seen: &mut HashSet<&'a str>,
) -> Vec<(FieldPath, String)> {
    let live = known.get(&T::KIND).and_then(Option::as_ref);
    let mut problems = Vec::new();
    for (i, former) in record.former_ids().iter().enumerate() {
        let problem = if !is_slug(former) {
            "must be a lowercase slug (a-z, 0-9, -)".to_string()
        } else if live.is_some_and(|ids| ids.contains(former.as_str())) {
            format!("`{former}` is the id of a {} in use", T::KIND.label())
        } else if !seen.insert(former.as_str()) {
            format!("`{former}` is given as a former id twice")
        } else {
            continue;
        };
        problems.push((FieldPath::item("former_ids", i), problem));
    }
    problems
}

/// An id as lookups and commands expect it: a-z, 0-9, `-`, and `.` for O*NET codes.
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
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
        assert_eq!(line_column("\u{fffd}", 1), (1, 1));
    }

    #[test]
    fn slugs_are_lowercase_words() {
        for good in ["cphims", "ccs-p", "15-1211.01", "a"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "CPHIMS", "ccs p", "é", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn the_newest_dated_observation_is_current_and_an_undated_one_never_outranks_it() {
        let date = |t: &str| Some(Date::parse(t).unwrap());
        let cases = [
            (
                vec![
                    ("a", date("2020")),
                    ("b", date("2026")),
                    ("c", date("2026")),
                ],
                Some("c"),
            ),
            (
                vec![("a", date("2026-11-25")), ("b", date("2026"))],
                Some("a"),
            ),
            (vec![("a", date("2020")), ("b", None)], Some("a")),
            (
                vec![("a", None), ("b", date("1999")), ("c", None)],
                Some("b"),
            ),
            (vec![("a", None), ("b", None)], Some("b")),
            (vec![], None),
        ];
        for (history, wanted) in cases {
            assert_eq!(
                current(&history, |h| h.1).map(|h| h.0),
                wanted,
                "{history:?}"
            );
        }
    }

    /// Every problem in these files, the others empty, as `hi data check` prints them.
    #[test]
    fn undated_observations_written_after_a_dated_current_one_are_named() {
        let date = |t: &str| Some(Date::parse(t).unwrap());
        let cases: [(Vec<Option<Date>>, Vec<usize>); 5] = [
            (vec![date("2014"), None, None], vec![1, 2]),
            // Written before it, an undated observation is older by the data's own order.
            (vec![None, date("2014")], vec![]),
            (vec![None, date("2014"), date("2010"), None], vec![3]),
            // With nothing dated, the last written is current and nothing comes after it.
            (vec![None, None], vec![]),
            (vec![], vec![]),
        ];
        for (history, wanted) in cases {
            assert_eq!(undated_later(&history, |d| *d), wanted, "{history:?}");
        }
    }

    #[test]
    fn each_occupation_figure_comes_from_the_newest_observation_giving_it() {
        let edition = |median: Option<u32>, outlook: Option<i32>, as_of: Option<&str>| {
            let mut text = "source = \"s\"\n".to_string();
            if let Some(m) = median {
                text += &format!("median_annual_usd = {m}\n");
            }
            if let Some(o) = outlook {
                text += &format!("outlook_percent = {o}\n");
            }
            if let Some(d) = as_of {
                text += &format!("as_of = \"{d}\"\n");
            }
            toml::from_str::<OccupationFigures>(&text).unwrap()
        };
        let history = [
            edition(Some(81220), Some(6), Some("2022-05")),
            edition(Some(86070), None, Some("2023-05")),
            edition(None, Some(9), None),
        ];
        let median = newest_with(&history, |f| f.median_annual_usd.is_some()).unwrap();
        assert_eq!(median.median_annual_usd.map(|m| m.get()), Some(86070));
        let outlook = newest_with(&history, |f| f.outlook_percent.is_some()).unwrap();
        // The undated +9 % never outranks the dated +6 %.
        assert_eq!(outlook.outlook_percent, Some(6));
        assert!(newest_with(&history, |f| f.employment.is_some()).is_none());
    }

    #[test]
    fn a_former_id_must_be_a_free_slug_used_once() {
        let org = "[[organization]]\nid = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"d\"\n\
                   url = \"u\"\nsources = [\"s\"]\n";
        let renamed = |id: &str, former: &str| {
            cert(id, "").replace(
                "full_name = \"N\"\n",
                &format!("full_name = \"N\"\nformer_ids = [{former}]\n"),
            )
        };
        let certs = renamed("a", "\"b\", \"Old\"") + &cert("b", "") + &renamed("c", "\"x\", \"x\"");
        let found = problems(&[
            ABOUT,
            SOURCES,
            ("organizations.toml", org),
            ("certifications.toml", &certs),
        ]);
        let wanted = [
            "`a`: field `former_ids[0]`: `b` is the id of a certification in use",
            "`a`: field `former_ids[1]`: must be a lowercase slug (a-z, 0-9, -)",
            "`c`: field `former_ids[1]`: `x` is given as a former id twice",
        ];
        for message in wanted {
            assert!(
                found.iter().any(|p| p.contains(message)),
                "{message}: {found:#?}"
            );
        }
        assert_eq!(found.len(), wanted.len(), "{found:#?}");
    }

    fn problems(files: &[(&'static str, &str)]) -> Vec<String> {
        let texts = Texts::from_files(FILES.iter().map(|(name, _)| {
            let text = files.iter().find(|(n, _)| n == name).map_or("", |(_, t)| t);
            (*name, text.to_string())
        }));
        build_with_warnings(&texts, Strictness::Strict)
            .1
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const ABOUT: (&str, &str) = (
        "about.toml",
        "[about]\nversion = \"1\"\ndate = \"2026\"\ndescription = \"d\"\n",
    );
    const SOURCES: (&str, &str) = (
        "sources.toml",
        "[[source]]\nid = \"s\"\ntitle = \"t\"\npublisher = \"p\"\nurl = \"u\"\n\
         kind = \"issuer\"\nretrieved = \"2026\"\n",
    );

    fn skill(id: &str, extra: &str) -> String {
        format!(
            "[[skill]]\nid = \"{id}\"\nname = \"n\"\ncategory = \"technical\"\n\
             description = \"d\"\nsources = [\"s\"]\n{extra}"
        )
    }

    #[test]
    fn a_bad_value_is_placed_at_itself_not_at_the_first_like_it() {
        let org = "[[organization]]\nid = \"o\"\nname = \"O\"\nfull_name = \"O\"\n\
                   description = \"d\"\nurl = \"u\"\nsources = [\"s\"]\n\
                   membership = { annual_dues_usd = 10, as_of = \"2026\", source = \"s\" }\n\
                   [[organization]]\nid = \"p\"\nname = \"P\"\nfull_name = \"P\"\n\
                   description = \"d\"\nurl = \"u\"\nsources = [\"s\"]\n\
                   membership = { annual_dues_usd = 999999, as_of = \"2026\", source = \"s\" }\n";
        assert_eq!(
            problems(&[ABOUT, SOURCES, ("organizations.toml", org)]),
            [
                "organizations.toml:16:34: `p`: field `membership.annual_dues_usd`: 999999 is outside 0..=100000"
            ]
        );
    }

    #[test]
    fn a_dangling_reference_is_placed_at_the_id_in_its_list() {
        let skills = skill("a", "regulations = [\"hipaa\", \"nope\"]\n");
        let regulations = "[[regulation]]\nid = \"hipaa\"\nname = \"H\"\nfull_name = \"H\"\n\
                           citation = \"c\"\nenacted = \"1996\"\ndescription = \"d\"\n\
                           sources = [\"s\"]\n";
        assert_eq!(
            problems(&[
                ABOUT,
                SOURCES,
                ("skills.toml", &skills),
                ("regulations.toml", regulations)
            ]),
            ["skills.toml:7:25: `a`: field `regulations[1]`: unknown regulation `nope`"]
        );
    }

    #[test]
    fn the_later_of_two_records_with_one_id_is_the_duplicate() {
        let skills = skill("a", "") + &skill("b", "") + &skill("a", "");
        assert_eq!(
            problems(&[ABOUT, SOURCES, ("skills.toml", &skills)]),
            ["skills.toml:14:6: field `id`: duplicate skill id `a`"]
        );
    }

    #[test]
    fn every_bad_record_is_reported_and_the_good_ones_are_still_checked() {
        let skills = skill("a", "level = 3\n")
            + &skill("b", "").replace("technical", "magic")
            + &skill("c", "regulations = [\"nope\"]\n");
        let found = problems(&[ABOUT, SOURCES, ("skills.toml", &skills)]);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].starts_with("skills.toml:7:1: `a`: unknown field `level`"),
            "{found:#?}"
        );
        assert!(
            found[1]
                .starts_with("skills.toml:11:12: `b`: field `category`: unknown variant `magic`"),
            "{found:#?}"
        );
        assert!(
            found[2].starts_with("skills.toml:20:16: `c`: field `regulations[0]`"),
            "{found:#?}"
        );
    }

    #[test]
    fn every_syntax_error_of_a_file_is_reported() {
        let skills = skill("a", "") + "oops = \n" + &skill("b", "") + "[[skill\n";
        let found = problems(&[ABOUT, SOURCES, ("skills.toml", &skills)]);
        assert!(found.len() >= 2, "{found:#?}");
        assert!(found.iter().all(|p| p.starts_with("skills.toml:")));
    }

    #[test]
    fn a_key_outside_the_records_is_named() {
        let skills = "version = 2\n".to_string() + &skill("a", "");
        assert_eq!(
            problems(&[ABOUT, SOURCES, ("skills.toml", &skills)]),
            ["skills.toml:1:1: unknown key `version`: this file holds `[[skill]]` tables"]
        );
    }

    #[test]
    fn references_to_a_record_that_failed_to_read_are_not_dangling() {
        let skills = skill("a", "level = 3\n");
        let roles = "[[role]]\nid = \"r\"\nname = \"R\"\ndescription = \"d\"\nlevel = \"entry\"\n\
                     skills = [\"a\"]\nemployers = []\ncertifications = []\n\
                     education = \"e\"\nsources = [\"s\"]\n";
        let found = problems(&[
            ABOUT,
            SOURCES,
            ("skills.toml", &skills),
            ("roles.toml", roles),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("unknown field `level`"));
    }

    #[test]
    fn a_source_nothing_cites_is_a_warning_not_an_error() {
        let sources = SOURCES.1.to_string() + &SOURCES.1.replace("id = \"s\"", "id = \"lonely\"");
        let skills = skill("a", "");
        let texts = [
            ABOUT,
            ("sources.toml", sources.as_str()),
            ("skills.toml", skills.as_str()),
        ];
        assert_eq!(
            problems(&texts),
            ["sources.toml:9:6: warning: source `lonely` is cited by nothing"]
        );
        let texts = Texts::from_files(FILES.iter().map(|(n, _)| {
            (
                *n,
                texts
                    .iter()
                    .find(|t| t.0 == *n)
                    .map_or("", |t| t.1)
                    .to_string(),
            )
        }));
        assert!(build(&texts).is_ok(), "a warning does not fail the build");
        // A record that cannot be read may cite it: then no source is called uncited.
        let broken = skill("a", "level = 1\n");
        let found = problems(&[ABOUT, ("sources.toml", &sources), ("skills.toml", &broken)]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    fn cert(id: &str, requires: &str) -> String {
        format!(
            "[[certification]]\nid = \"{id}\"\nname = \"N\"\nfull_name = \"N\"\nissuer = \"o\"\n\
             level = \"entry\"\ntracks = [\"him\"]\ndescription = \"d\"\nsources = [\"s\"]\n\
             [[certification.eligibility]]\nlabel = \"l\"\ncredentials = [{requires}]\nsource = \"s\"\n"
        )
    }

    #[test]
    fn a_credential_that_requires_itself_or_a_cycle_of_them_is_refused() {
        let org = "[[organization]]\nid = \"o\"\nname = \"O\"\nfull_name = \"O\"\ndescription = \"d\"\n\
                   url = \"u\"\nsources = [\"s\"]\n";
        let orgs = ("organizations.toml", org);
        let itself = cert("a", "\"a\"");
        let found = problems(&[ABOUT, SOURCES, orgs, ("certifications.toml", &itself)]);
        assert!(
            found
                .iter()
                .any(|p| p.contains("a route cannot require the credential itself")),
            "{found:#?}"
        );
        let cycle =
            cert("a", "\"b\"") + &cert("b", "\"a\"") + &cert("c", "\"a\", \"d\"") + &cert("d", "");
        let found = problems(&[ABOUT, SOURCES, orgs, ("certifications.toml", &cycle)]);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().all(|p| p.contains("a cycle of requirements")));
        assert!(
            found[0].contains("`a`") && found[1].contains("`b`"),
            "c is reachable through d"
        );
    }

    /// A role at `level` with the moves written after it, in TOML.
    fn role(id: &str, level: &str, moves: &str) -> String {
        format!(
            "[[role]]\nid = \"{id}\"\nname = \"R\"\ndescription = \"d\"\nlevel = \"{level}\"\n\
             skills = []\nemployers = []\ncertifications = []\neducation = \"e\"\n\
             sources = [\"s\"]\n{moves}"
        )
    }

    /// A sourced move to `to`, with `extra` keys.
    fn step(to: &str, extra: &str) -> String {
        format!("[[role.leads_to]]\nrole = \"{to}\"\nsources = [\"s\"]\n{extra}")
    }

    fn role_problems(roles: &str) -> Vec<String> {
        problems(&[ABOUT, SOURCES, ("roles.toml", roles)])
    }

    #[test]
    fn a_ladder_of_sourced_moves_upward_is_valid() {
        let roles = role("a", "entry", &(step("b", "") + &step("c", "")))
            + &role("b", "mid", &step("c", ""))
            + &role("c", "mid", "");
        assert_eq!(role_problems(&roles), Vec::<String>::new());
    }

    #[test]
    fn a_move_down_a_level_needs_its_sources_to_say_so() {
        let roles = role("a", "senior", &step("b", "")) + &role("b", "mid", "");
        assert_eq!(
            role_problems(&roles),
            [
                "roles.toml:12:8: `a` → `b` goes down from senior to mid: a move goes down a \
                 level only when its sources say so, with `steps_down = true`"
            ]
        );
        let roles = role("a", "senior", &step("b", "steps_down = true\n")) + &role("b", "mid", "");
        assert_eq!(role_problems(&roles), Vec::<String>::new());
        let roles = role("a", "mid", &step("b", "steps_down = true\n")) + &role("b", "mid", "");
        let found = role_problems(&roles);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("sets `steps_down`, but goes from mid to mid"));
        assert!(found[0].starts_with("roles.toml:14:14:"), "{found:#?}");
    }

    #[test]
    fn a_move_to_itself_twice_unsourced_or_nowhere_is_refused() {
        let moves = step("a", "") + &step("b", "") + &step("b", "") + &step("nope", "");
        let roles = role("a", "entry", &moves)
            + &role("b", "mid", "[[role.leads_to]]\nrole = \"c\"\n")
            + &role(
                "c",
                "mid",
                "[[role.leads_to]]\nrole = \"a\"\njudgment = true\nsteps_down = true\n",
            );
        let found = role_problems(&roles);
        let wanted = [
            "`a` cannot lead to itself",
            "the move to `b` is listed twice",
            "unknown role `nope`",
            "a move needs the sources that state it",
            "only a source can say that a move goes down a level",
        ];
        for message in wanted {
            assert!(
                found.iter().any(|p| p.contains(message)),
                "{message}: {found:#?}"
            );
        }
    }

    #[test]
    fn moves_that_lead_round_in_a_circle_are_refused_at_each_role_on_it() {
        let roles = role("a", "entry", &step("b", ""))
            + &role("b", "mid", &step("c", ""))
            + &role("c", "mid", &step("b", ""))
            + &role("d", "mid", &step("b", ""));
        let found = role_problems(&roles);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("`b`: its moves lead back to it (b → c → b)"),
            "{found:#?}"
        );
        assert!(
            found[1].contains("`c`: its moves lead back to it (b → c → b)"),
            "{found:#?}"
        );
        assert!(found[0].starts_with("roles.toml:24:1:"), "{found:#?}");
        // A move to the role itself is reported once, by its own rule, not again as a circle.
        let found = role_problems(&role("a", "entry", &step("a", "")));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("`a` cannot lead to itself"), "{found:#?}");
    }

    #[test]
    fn a_large_file_read_in_parts_gives_the_same_records_and_places() {
        let mut skills = String::new();
        for i in 0..3000 {
            skills += &skill(&format!("s{i}"), "");
        }
        skills += &skill("bad", "regulations = [\"nope\"]\n");
        assert!(skills.len() > PARSE_IN_PARTS_ABOVE);
        let line = skills.lines().count();
        let found = problems(&[ABOUT, SOURCES, ("skills.toml", &skills)]);
        assert_eq!(
            found,
            [format!(
                "skills.toml:{line}:16: `bad`: field `regulations[0]`: unknown regulation `nope`"
            )]
        );
        // Records are renumbered across the parts: the last one is found by its position.
        assert_eq!(split(&skills, "skill").len(), 3001);
    }

    #[test]
    fn embedded_data_builds() {
        let catalog = build(&Texts::embedded()).expect("embedded data is valid");
        assert!(!catalog.certifications.is_empty());
    }
}
