//! The one lookup every command uses: records by kind and id, ignoring case, with a
//! "did you mean" that searches every kind.
//!
//! The catalog built into `hi` is decoded lazily: a command that shows one certification
//! decodes that record alone, a list decodes its kind, and only search decodes everything.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use anyhow::{Result, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::*;
use crate::record::{OfKind, Record};
use crate::sanitize::echo;

/// What `build.rs` compiled in: for each kind, the postcard encoding of every record and an
/// index of (id, start, end) into it.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/compiled.rs"));
}

type Index = &'static [(&'static str, usize, usize)];

/// The category ids of the built-in data's CE rules, for help and completions.
pub const CATEGORY_IDS: &[&str] = compiled::CATEGORY_IDS;

/// A kind's encoded records (see `encode.rs`) and the index of (id, start, end) into them.
enum Encoded {
    /// Compiled into the binary by build.rs.
    BuiltIn(&'static [u8], Index),
    /// Read from the cache of a data directory: the whole file, and where each record lies in it.
    Cached(Arc<Vec<u8>>, Vec<(Box<str>, usize, usize)>),
}

impl Encoded {
    fn len(&self) -> usize {
        match self {
            Encoded::BuiltIn(_, index) => index.len(),
            Encoded::Cached(_, index) => index.len(),
        }
    }

    fn id(&self, i: usize) -> &str {
        match self {
            Encoded::BuiltIn(_, index) => index[i].0,
            Encoded::Cached(_, index) => &index[i].0,
        }
    }

    fn decode<T: DeserializeOwned>(&self, i: usize) -> T {
        let bytes = match self {
            Encoded::BuiltIn(bytes, index) => &bytes[index[i].1..index[i].2],
            Encoded::Cached(file, index) => &file[index[i].1..index[i].2],
        };
        // Either way, this build encoded it from the same types: the cache's header names the
        // data format and its checksum covers every byte.
        postcard::from_bytes(bytes).expect("this build encoded the record from the same types")
    }
}

/// The records of one kind: all of them once decoded, or any one decoded on its own.
pub struct Records<T> {
    all: OnceLock<Vec<T>>,
    encoded: Option<Encoded>,
    one: Vec<OnceLock<T>>,
    /// Positions by lowercase id, built at the first lookup in a large kind.
    by_id: OnceLock<HashMap<String, usize>>,
}

impl<T: Record + DeserializeOwned> Records<T> {
    fn parsed(records: Vec<T>) -> Records<T> {
        Records {
            all: OnceLock::from(records),
            encoded: None,
            one: Vec::new(),
            by_id: OnceLock::new(),
        }
    }

    fn encoded(encoded: Encoded) -> Records<T> {
        Records {
            all: OnceLock::new(),
            one: (0..encoded.len()).map(|_| OnceLock::new()).collect(),
            encoded: Some(encoded),
            by_id: OnceLock::new(),
        }
    }

    fn len(&self) -> usize {
        match &self.encoded {
            Some(encoded) => encoded.len(),
            None => self.all().len(),
        }
    }

    pub fn all(&self) -> &[T] {
        self.all.get_or_init(|| match &self.encoded {
            Some(encoded) => (0..encoded.len()).map(|i| encoded.decode(i)).collect(),
            None => Vec::new(),
        })
    }

    /// The record with this id, ignoring case, decoding no other.
    fn find(&self, id: &str) -> Option<&T> {
        let i = self.position(id)?;
        match (self.all.get(), &self.encoded) {
            (Some(all), _) => all.get(i),
            (None, Some(encoded)) => Some(self.one[i].get_or_init(|| encoded.decode(i))),
            (None, None) => None,
        }
    }

    /// Where the record with this id is, ignoring case, from the index when there is one.
    fn position(&self, id: &str) -> Option<usize> {
        let id_at = |i: usize| match &self.encoded {
            Some(encoded) => encoded.id(i),
            None => self.all()[i].id(),
        };
        let len = self.len();
        // A scan is quickest for a few hundred records (every built-in kind); a user's large
        // catalog gets a map.
        if len < 256 {
            return (0..len).find(|&i| id_at(i).eq_ignore_ascii_case(id));
        }
        let by_id = self.by_id.get_or_init(|| {
            let mut by_id = HashMap::with_capacity(len);
            for i in 0..len {
                by_id.entry(id_at(i).to_ascii_lowercase()).or_insert(i);
            }
            by_id
        });
        by_id.get(&id.to_ascii_lowercase()).copied()
    }

    /// The record that once had this id and keeps it as a former id, ignoring case. Asked only
    /// when no record has the id now, so it may decode them all.
    fn formerly(&self, id: &str) -> Option<&T> {
        self.all().iter().find(|r| {
            r.former_ids()
                .iter()
                .any(|former| former.eq_ignore_ascii_case(id))
        })
    }

    /// The record with this id, or the one that had it before a rename.
    fn find_or_former(&self, id: &str) -> Option<&T> {
        self.find(id).or_else(|| self.formerly(id))
    }
}

/// The catalog `build.rs` validated and compiled in (decoded, not parsed), or the TOML files
/// of a data directory, parsed and validated now.
pub fn load(data_dir: Option<&std::path::Path>) -> Result<Catalog> {
    match data_dir {
        Some(dir) => Ok(Catalog::parsed(crate::load::load_dir(dir)?)),
        None => Ok(Catalog::compiled()),
    }
}

macro_rules! define_catalog {
    ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {
        /// Every record, served to the commands.
        pub struct Catalog {
            about: About,
            $($field: Records<$type>,)*
            /// What lookups found worth telling the person (a former id used), for the command
            /// to say on stderr.
            notices: Mutex<Vec<String>>,
        }

        impl Catalog {
            /// The catalog `build.rs` validated and compiled into the binary.
            pub fn compiled() -> Catalog {
                Catalog {
                    about: postcard::from_bytes(compiled::ABOUT)
                        .expect("build.rs encoded it from the same types"),
                    $($field: Records::encoded(Encoded::BuiltIn(
                        compiled::$field.0,
                        compiled::$field.1,
                    )),)*
                    notices: Mutex::default(),
                }
            }

            /// A catalog read from a cache file (see `cache.rs`) that passed its checks:
            /// `about` is where its About lies in `file`, and `kinds` each kind's index, in the
            /// order of `for_each_kind!`. `None` when the file does not hold every kind.
            pub(crate) fn cached(
                file: Arc<Vec<u8>>,
                about: About,
                kinds: Vec<Vec<(Box<str>, usize, usize)>>,
            ) -> Option<Catalog> {
                let mut kinds = kinds.into_iter();
                let catalog = Catalog {
                    about,
                    $($field: Records::encoded(Encoded::Cached(file.clone(), kinds.next()?)),)*
                    notices: Mutex::default(),
                };
                kinds.next().is_none().then_some(catalog)
            }

            /// A catalog of records parsed and validated now (from a `--data-dir`).
            pub fn parsed(data: Data) -> Catalog {
                Catalog {
                    about: data.about,
                    $($field: Records::parsed(data.$field),)*
                    notices: Mutex::default(),
                }
            }

            pub fn about(&self) -> &About {
                &self.about
            }

            $(pub fn $field(&self) -> &[$type] {
                self.$field.all()
            })*

            /// The (id, name) of the record of `kind` with this id, or that had it before a
            /// rename, ignoring case; a current id decodes no other record.
            pub fn find(&self, kind: Kind, id: &str) -> Option<(&str, &str)> {
                match kind {
                    $(Kind::$kind => self.$field.find_or_former(id).map(|r| (r.id(), r.name())),)*
                }
            }

            /// How many records of `kind` there are, decoding none of the built-in ones.
            pub fn count(&self, kind: Kind) -> usize {
                match kind {
                    $(Kind::$kind => self.$field.len(),)*
                }
            }

            /// Every record of `kind`, decoding them all.
            pub fn records_of(&self, kind: Kind) -> Box<dyn Iterator<Item = &dyn Record> + '_> {
                match kind {
                    $(Kind::$kind => Box::new(self.$field.all().iter().map(|r| r as &dyn Record)),)*
                }
            }
        }

        $(impl Stored for $type {
            fn records(catalog: &Catalog) -> &Records<Self> {
                &catalog.$field
            }
        })*
    };
}
for_each_kind!(define_catalog);

/// A record type the catalog holds: generic code reaches its records through this.
pub trait Stored: OfKind + Serialize + DeserializeOwned + Sized {
    fn records(catalog: &Catalog) -> &Records<Self>;
    fn all(catalog: &Catalog) -> &[Self] {
        Self::records(catalog).all()
    }
}

impl Catalog {
    /// The record of kind `T` with this id, ignoring case; otherwise an error that names the
    /// closest id of any kind. A former id finds the record that had it, and the catalog keeps
    /// a notice saying so.
    pub fn get<T: Stored>(&self, id: &str) -> Result<&T> {
        let records = T::records(self);
        if let Some(record) = records.find(id) {
            return Ok(record);
        }
        if let Some(record) = records.formerly(id) {
            let notice = format!(
                "`{}` is the former id of `{}`",
                echo(&id.to_ascii_lowercase()),
                record.id()
            );
            let mut notices = self.notices.lock().unwrap_or_else(PoisonError::into_inner);
            if !notices.contains(&notice) {
                notices.push(notice);
            }
            return Ok(record);
        }
        bail!("{}", self.not_found(T::KIND, id))
    }

    /// The notices lookups have kept since the last call, each once, oldest first.
    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// The records the ids name, each looked up; the same record named twice is a usage error.
    pub fn distinct<T: Stored>(&self, ids: &[String]) -> Result<Vec<&T>> {
        let mut records: Vec<&T> = Vec::with_capacity(ids.len());
        for id in ids {
            let record = self.get::<T>(id)?;
            if records.iter().any(|r| r.id() == record.id()) {
                return Err(crate::error::usage(format!(
                    "`{}` is named twice: name each record once",
                    record.id()
                )));
            }
            records.push(record);
        }
        Ok(records)
    }

    /// The name of a record found by kind and id, for showing a link; the id itself when absent.
    pub fn name_of(&self, kind: Kind, id: &str) -> String {
        self.find(kind, id)
            .map_or_else(|| id.to_string(), |(_, name)| name.to_string())
    }

    /// Every record of every kind, in search-group order.
    pub fn everything(&self) -> impl Iterator<Item = (Kind, &dyn Record)> {
        Kind::ALL
            .iter()
            .flat_map(|&kind| self.records_of(kind).map(move |r| (kind, r)))
    }

    /// The kinds that have a record with this id, ignoring case.
    pub fn kinds_of(&self, id: &str) -> Vec<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .filter(|kind| self.find(*kind, id).is_some())
            .collect()
    }

    /// The message for an id that is not a record of `kind`.
    pub fn not_found(&self, kind: Kind, id: &str) -> String {
        if let Some(other) = self.kinds_of(id).first() {
            let id = echo(&id.to_ascii_lowercase());
            return format!(
                "`{id}` is not a {}; it is a {}: try `hi {} {id}`",
                kind.label(),
                other.label(),
                other.command()
            );
        }
        let mut message = format!("unknown {} `{}`", kind.label(), echo(id));
        match self.closest(kind, id) {
            Some((k, i)) if k == kind => message += &format!(": did you mean `{i}`?"),
            Some((k, i)) => {
                message += &format!(
                    ": did you mean `{i}`, a {}? try `hi {} {i}`",
                    k.label(),
                    k.command()
                )
            }
            None => message += &format!(": `hi {}` lists them all", kind.command()),
        }
        message
    }

    /// The id nearest to `id` by edit distance, preferring `kind` (a record of another kind
    /// counts one edit further), if it is near enough to be what was meant.
    pub fn closest(&self, kind: Kind, id: &str) -> Option<(Kind, &str)> {
        let wanted = id.to_ascii_lowercase();
        let length = wanted.chars().count();
        let (distance, k, i) = self
            .everything()
            // The distance is at least the difference in length: skip the ids too long or
            // too short to be near, so a huge typed id costs no quadratic work.
            .filter(|(_, r)| is_near(&wanted, length.abs_diff(r.id().chars().count())))
            .map(|(k, r)| {
                (
                    strsim::levenshtein(&wanted, r.id()) + usize::from(k != kind),
                    k,
                    r.id(),
                )
            })
            .min_by_key(|(d, _, _)| *d)?;
        is_near(&wanted, distance).then_some((k, i))
    }

    /// Every citation in the catalog, in kind order, each record's own sources first: what
    /// every record declares about its sources.
    pub fn citations(&self) -> Vec<Citation<'_>> {
        self.everything()
            .flat_map(|(kind, record)| {
                let id = record.id();
                record
                    .declared()
                    .links
                    .into_iter()
                    .filter(|link| link.target == Kind::Source)
                    .map(move |link| Citation {
                        kind,
                        id,
                        what: link.figure.unwrap_or("record"),
                        as_of: link.as_of,
                        source: link.id,
                        dated: link.dated,
                    })
            })
            .collect()
    }
}

/// Whether an id at `distance` edits from what was typed is close enough to suggest. Empty or
/// one-letter input is too short to guess from; longer input allows about one edit in two
/// characters, so a slip is caught but an unrelated word is not.
/// The one of `candidates` nearest to `typed`, if it is near enough to be what was meant.
pub fn nearest<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = typed.to_ascii_lowercase();
    let length = wanted.chars().count();
    let (distance, best) = candidates
        .filter(|c| is_near(&wanted, length.abs_diff(c.chars().count())))
        .map(|c| (strsim::levenshtein(&wanted, c), c))
        .min_by_key(|(d, _)| *d)?;
    is_near(&wanted, distance).then_some(best)
}

fn is_near(typed: &str, distance: usize) -> bool {
    let length = typed.chars().count();
    length >= 2 && distance <= length.max(2) / 2 + 1 && distance < length
}

/// One place a source is cited: by a whole record, or by one dated figure of it.
#[derive(Debug, Clone, Serialize)]
pub struct Citation<'a> {
    pub kind: Kind,
    pub id: &'a str,
    /// "record" for a record's own sources list, else the figure: "fees", "exam", ...
    pub what: &'static str,
    pub as_of: Option<Date>,
    pub source: &'a str,
    /// Whether it is a figure a source dates, rather than a record's or a rule's source.
    #[serde(skip)]
    pub dated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let skill: Skill = toml::from_str(
            "id = \"sql\"\nname = \"SQL\"\ncategory = \"technical\"\ndescription = \"\"\nsources = []",
        )
        .unwrap();
        let role: Role = toml::from_str(
            "id = \"analyst\"\nname = \"Analyst\"\ndescription = \"\"\nlevel = \"mid\"\nskills = []\n\
             employers = []\ncertifications = []\neducation = \"\"\nsources = []",
        )
        .unwrap();
        Catalog::parsed(Data {
            skills: vec![skill],
            roles: vec![role],
            ..Data::default()
        })
    }

    #[test]
    fn a_typed_id_is_echoed_visible_and_short() {
        assert_eq!(echo("cphims"), "cphims");
        assert_eq!(echo("\u{202e}cphims\u{1b}"), "\\u{202e}cphims\\u{1b}");
        let long = echo(&"x".repeat(1000));
        assert_eq!(long.chars().count(), 61);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn an_unknown_id_names_the_closest_of_its_kind_or_of_another() {
        let catalog = catalog();
        let cases = [
            (
                Kind::Skill,
                "sqk",
                "unknown skill `sqk`: did you mean `sql`?",
            ),
            (
                Kind::Role,
                "sqk",
                "unknown role `sqk`: did you mean `sql`, a skill? try `hi skills sql`",
            ),
            (
                Kind::Role,
                "SQL",
                "`sql` is not a role; it is a skill: try `hi skills sql`",
            ),
            (Kind::Role, "", "unknown role ``: `hi roles` lists them all"),
            (
                Kind::Skill,
                "a",
                "unknown skill `a`: `hi skills` lists them all",
            ),
            (
                Kind::Skill,
                "zzzzzz",
                "unknown skill `zzzzzz`: `hi skills` lists them all",
            ),
        ];
        for (kind, id, message) in cases {
            assert_eq!(catalog.not_found(kind, id), message);
        }
        assert_eq!(
            catalog.get::<Role>("ANALYST").map(|r| r.id.as_str()).ok(),
            Some("analyst")
        );
    }

    #[test]
    fn suggestions_need_enough_input_and_few_enough_edits() {
        let cases = [
            ("cphimz", 1, true),
            ("rhia", 1, true),
            ("rhia", 3, true),
            ("rhia", 4, false),
            ("analyst", 4, true),
            ("analyst", 5, false),
            ("", 1, false),
            ("r", 0, false),
            ("r", 1, false),
            ("ab", 1, true),
            ("ab", 2, false),
        ];
        for (typed, distance, near) in cases {
            assert_eq!(is_near(typed, distance), near, "{typed:?} at {distance}");
        }
    }
}
