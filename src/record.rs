//! What every kind of record declares once, and everything derived from it.
//!
//! Each record type implements [`Record`]: its id, its name, and in [`Record::declare`] every
//! reference it makes (to which kind, where in the record it is written) and every rule on its
//! values that a type cannot express. Validation (`load`), the citations `hi sources` shows,
//! the sources a certification's detail view lists and the catalog generator all walk these
//! declarations, as ripgrep derives its help, man page and completions from one list of flags.
//! Bounds on single values are types ([`Bounded`]) and fail when the value is read.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Date, Kind};

/// One step into a record: a key of a table, or a position in an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// Where a value sits inside its record, `fee_history[1].source`: enough to find it again in
/// the file it came from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    steps: [Step; FieldPath::MAX_DEPTH],
    len: usize,
}

impl FieldPath {
    /// Deeper than any record nests: `exam_history[0].domains[2].skills[1]` is 6 steps.
    const MAX_DEPTH: usize = 8;

    pub const ROOT: FieldPath = FieldPath {
        steps: [Step::Index(0); FieldPath::MAX_DEPTH],
        len: 0,
    };

    /// The path of a top-level field of a record.
    pub fn key(key: &'static str) -> FieldPath {
        FieldPath::ROOT.with(Step::Key(key))
    }

    /// The path of an item of a top-level list: `former_ids[1]`.
    pub fn item(key: &'static str, index: usize) -> FieldPath {
        FieldPath::key(key).with(Step::Index(index))
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps[..self.len]
    }

    fn push(&mut self, step: Step) {
        // Declarations are written in the source and nest at most a few levels: a deeper one
        // is a bug in a declaration, and the path then stops at the deepest step it holds.
        if self.len < FieldPath::MAX_DEPTH {
            self.steps[self.len] = step;
            self.len += 1;
        }
    }

    /// This path, one step further.
    pub fn with(mut self, step: Step) -> FieldPath {
        self.push(step);
        self
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps().iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{self}`")
    }
}

/// One reference from a record to another record, by id.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub path: FieldPath,
    pub target: Kind,
    pub id: &'a str,
    /// For a source: the figure it stands behind ("fees", "exam", ...), or `None` when it is
    /// one of the record's own `sources`.
    pub figure: Option<&'static str>,
    /// For a source behind a figure: the date of that figure, when its source states one.
    pub as_of: Option<Date>,
    /// Whether the figure is one a source dates (a fee, an exam's length), rather than a rule
    /// or a mapping, which carry no date.
    pub dated: bool,
}

/// A value that breaks a rule its type cannot express.
#[derive(Debug, Clone)]
pub struct Violation {
    pub path: FieldPath,
    pub message: String,
}

/// What `Record::declare` fills in: the links and violations of one record.
#[derive(Default)]
pub struct Declared<'a> {
    at: Option<FieldPath>,
    pub links: Vec<Link<'a>>,
    pub violations: Vec<Violation>,
}

impl<'a> Declared<'a> {
    fn here(&self) -> FieldPath {
        self.at.unwrap_or(FieldPath::ROOT)
    }

    fn push_link(
        &mut self,
        path: FieldPath,
        target: Kind,
        id: &'a str,
        figure: Option<&'static str>,
        as_of: Option<Date>,
    ) {
        let dated = figure.is_some();
        self.links.push(Link {
            path,
            target,
            id,
            figure,
            as_of,
            dated,
        });
    }

    /// A field holding one id of `target`.
    pub fn link(&mut self, key: &'static str, target: Kind, id: &'a str) {
        let path = self.here().with(Step::Key(key));
        self.push_link(path, target, id, None, None);
    }

    /// An optional field holding one id of `target`.
    pub fn link_opt(&mut self, key: &'static str, target: Kind, id: &'a Option<String>) {
        if let Some(id) = id {
            self.link(key, target, id);
        }
    }

    /// A field holding a list of ids of `target`.
    pub fn links(&mut self, key: &'static str, target: Kind, ids: &'a [String]) {
        let list = self.here().with(Step::Key(key));
        for (i, id) in ids.iter().enumerate() {
            self.push_link(list.with(Step::Index(i)), target, id, None, None);
        }
    }

    /// The record's own `sources`.
    pub fn sources(&mut self, ids: &'a [String]) {
        self.links("sources", Kind::Source, ids);
    }

    /// A field naming the source of one figure, dated `as_of` where the source states a date.
    pub fn cite(
        &mut self,
        key: &'static str,
        figure: &'static str,
        as_of: Option<Date>,
        id: &'a str,
    ) {
        let path = self.here().with(Step::Key(key));
        self.push_link(path, Kind::Source, id, Some(figure), as_of);
    }

    /// A field naming the source of a rule or a mapping (an eligibility route, the project's
    /// reading of a role): cited, but with no date to judge it by.
    pub fn cite_rule(&mut self, key: &'static str, rule: &'static str, id: &'a str) {
        let path = self.here().with(Step::Key(key));
        self.push_rule(path, rule, id);
    }

    /// A field listing the sources of a rule or a mapping (a career move): each cited, undated.
    pub fn cite_rules(&mut self, key: &'static str, rule: &'static str, ids: &'a [String]) {
        let list = self.here().with(Step::Key(key));
        for (i, id) in ids.iter().enumerate() {
            self.push_rule(list.with(Step::Index(i)), rule, id);
        }
    }

    fn push_rule(&mut self, path: FieldPath, rule: &'static str, id: &'a str) {
        self.push_link(path, Kind::Source, id, Some(rule), None);
        if let Some(link) = self.links.last_mut() {
            link.dated = false;
        }
    }

    /// An optional field naming the source of a rule or a mapping.
    pub fn cite_rule_opt(&mut self, key: &'static str, rule: &'static str, id: &'a Option<String>) {
        if let Some(id) = id {
            self.cite_rule(key, rule, id);
        }
    }

    /// An optional field naming the source of one figure.
    pub fn cite_opt(
        &mut self,
        key: &'static str,
        figure: &'static str,
        as_of: Option<Date>,
        id: &'a Option<String>,
    ) {
        if let Some(id) = id {
            self.cite(key, figure, as_of, id);
        }
    }

    /// Declarations inside a table of the record: `renewal`.
    pub fn within(&mut self, key: &'static str, declare: impl FnOnce(&mut Self)) {
        let outer = self.at;
        self.at = Some(self.here().with(Step::Key(key)));
        declare(self);
        self.at = outer;
    }

    /// Declarations inside each table of an array: `fee_history`.
    pub fn each<T>(
        &mut self,
        key: &'static str,
        items: &'a [T],
        mut declare: impl FnMut(&mut Self, &'a T),
    ) {
        let outer = self.at;
        let list = self.here().with(Step::Key(key));
        for (i, item) in items.iter().enumerate() {
            self.at = Some(list.with(Step::Index(i)));
            declare(self, item);
        }
        self.at = outer;
    }

    /// A rule broken at `key` (or at the current table, for a rule across several fields).
    pub fn violation(&mut self, key: Option<&'static str>, message: impl Into<String>) {
        let path = match key {
            Some(key) => self.here().with(Step::Key(key)),
            None => self.here(),
        };
        self.violations.push(Violation {
            path,
            message: message.into(),
        });
    }

    /// A field that `load` derives (from `from`) and a data file may not set: it would be
    /// silently replaced.
    pub fn derived(&mut self, key: &'static str, is_set: bool, from: &str) {
        if is_set {
            self.violation(
                Some(key),
                format!("field `{key}` is derived from {from}: remove it"),
            );
        }
    }
}

/// What every kind of record has and declares.
pub trait Record: 'static {
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// Ids the record had before a rename, which lookups still accept. A kind keeps them in a
    /// `former_ids` field and returns it here; the others have none.
    fn former_ids(&self) -> &[String] {
        &[]
    }
    /// Every reference the record makes and every rule beyond its types: the one declaration
    /// that validation, citations and the catalog generator read.
    fn declare<'a>(&'a self, declared: &mut Declared<'a>);
    /// The texts `hi search` looks through, each with the name of its field.
    fn search_fields(&self) -> Vec<(&'static str, &str)>;

    /// The record's declarations, collected.
    fn declared(&self) -> Declared<'_> {
        let mut declared = Declared::default();
        self.declare(&mut declared);
        declared
    }
}

/// The kind of a record type, as a constant for generic code.
pub trait OfKind: Record {
    const KIND: Kind;
}

/// An enum written in the data (and on the command line) as a keyword: the keyword of each
/// variant and the words that describe it are declared together.
macro_rules! keywords {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($variant:ident = $keyword:literal, $label:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $keyword)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// As written in the data and on the command line.
            pub fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $keyword,)*
                }
            }

            /// In words, for people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }
        }
    };
}
pub(crate) use keywords;

/// A whole number that must lie in `MIN..=MAX`. It fails when read from a file, so the error
/// points at the value itself, and it reads and writes as a plain number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bounded<const MIN: u32, const MAX: u32>(u32);

impl<const MIN: u32, const MAX: u32> Bounded<MIN, MAX> {
    pub fn new(value: u32) -> Result<Self, String> {
        if (MIN..=MAX).contains(&value) {
            Ok(Bounded(value))
        } else {
            Err(format!("{value} is outside {MIN}..={MAX}"))
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl<const MIN: u32, const MAX: u32> From<Bounded<MIN, MAX>> for u32 {
    fn from(value: Bounded<MIN, MAX>) -> u32 {
        value.0
    }
}

impl<const MIN: u32, const MAX: u32> fmt::Debug for Bounded<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<const MIN: u32, const MAX: u32> fmt::Display for Bounded<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<const MIN: u32, const MAX: u32> Serialize for Bounded<MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, const MIN: u32, const MAX: u32> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u32::deserialize(deserializer)?;
        Bounded::new(value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_written_in_a_file() {
        let path = FieldPath::ROOT
            .with(Step::Key("exam_history"))
            .with(Step::Index(0))
            .with(Step::Key("domains"))
            .with(Step::Index(2))
            .with(Step::Key("skills"));
        assert_eq!(path.to_string(), "exam_history[0].domains[2].skills");
        assert_eq!(FieldPath::ROOT.to_string(), "");
    }

    #[test]
    fn declarations_nest_and_restore_their_place() {
        let sources = vec!["a".to_string(), "b".to_string()];
        let items = vec![(), ()];
        let mut declared = Declared::default();
        declared.sources(&sources);
        declared.each("fee_history", &items, |d, _| {
            d.cite("source", "fees", None, "s")
        });
        declared.within("renewal", |d| d.violation(Some("cycle_years"), "bad"));
        declared.link("issuer", Kind::Organization, "himss");
        let paths: Vec<String> = declared.links.iter().map(|l| l.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "sources[0]",
                "sources[1]",
                "fee_history[0].source",
                "fee_history[1].source",
                "issuer"
            ]
        );
        assert_eq!(
            declared.violations[0].path.to_string(),
            "renewal.cycle_years"
        );
        assert_eq!(declared.links[2].figure, Some("fees"));
        assert_eq!(declared.links[0].figure, None);
    }

    #[test]
    fn bounded_values_reject_what_is_out_of_range() {
        type Fee = Bounded<0, 100>;
        assert_eq!(Fee::new(100).map(Fee::get), Ok(100));
        assert_eq!(Fee::new(101).unwrap_err(), "101 is outside 0..=100");
        let read: Result<Fee, _> = serde_json::from_str("250");
        assert!(read.unwrap_err().to_string().contains("outside 0..=100"));
        assert_eq!(serde_json::to_string(&Fee::new(7).unwrap()).unwrap(), "7");
    }

    #[test]
    fn a_path_deeper_than_any_record_stops_growing() {
        let mut path = FieldPath::ROOT;
        for i in 0..20 {
            path.push(Step::Index(i));
        }
        assert_eq!(path.steps().len(), FieldPath::MAX_DEPTH);
    }
}
