//! The one lookup every command uses: records by kind and id, ignoring case, with a
//! "did you mean" that searches every kind.
//!
//! The catalog built into `hi` is decoded lazily: a command that shows one certification
//! decodes that record alone, a list decodes its kind, and only search decodes everything.

use std::collections::HashMap;
use std::sync::OnceLock;

use anyhow::{Result, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::*;

/// What `build.rs` compiled in: for each kind, the postcard encoding of every record and an
/// index of (id, start, end) into it.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/compiled.rs"));
}

type Index = &'static [(&'static str, usize, usize)];

/// The records of one kind: all of them once decoded, or any one decoded on its own.
pub struct Records<T> {
    all: OnceLock<Vec<T>>,
    compiled: Option<(&'static [u8], Index)>,
    one: Vec<OnceLock<T>>,
    /// Positions in `all` by lowercase id, built at the first lookup in a large parsed kind.
    by_id: OnceLock<HashMap<String, usize>>,
}

impl<T: DeserializeOwned> Records<T> {
    fn parsed(records: Vec<T>) -> Records<T> {
        Records {
            all: OnceLock::from(records),
            compiled: None,
            one: Vec::new(),
            by_id: OnceLock::new(),
        }
    }

    fn compiled((bytes, index): (&'static [u8], Index)) -> Records<T> {
        Records {
            all: OnceLock::new(),
            compiled: Some((bytes, index)),
            one: index.iter().map(|_| OnceLock::new()).collect(),
            by_id: OnceLock::new(),
        }
    }

    pub fn all(&self) -> &[T] {
        self.all.get_or_init(|| match self.compiled {
            Some((bytes, index)) => index
                .iter()
                .map(|&(_, a, b)| decode(&bytes[a..b]))
                .collect(),
            None => Vec::new(),
        })
    }

    /// The record with this id, ignoring case, decoding no other.
    fn find(&self, id: &str, id_of: impl Fn(&T) -> &str) -> Option<&T> {
        if let Some(all) = self.all.get() {
            // A scan is quickest for a few records; a user's large catalog gets an index.
            if all.len() < 64 {
                return all.iter().find(|r| id_of(r).eq_ignore_ascii_case(id));
            }
            let by_id = self.by_id.get_or_init(|| {
                let mut by_id = HashMap::with_capacity(all.len());
                for (i, record) in all.iter().enumerate() {
                    by_id.entry(id_of(record).to_ascii_lowercase()).or_insert(i);
                }
                by_id
            });
            return by_id.get(&id.to_ascii_lowercase()).map(|&i| &all[i]);
        }
        let (bytes, index) = self.compiled?;
        let i = index
            .iter()
            .position(|(i, _, _)| i.eq_ignore_ascii_case(id))?;
        let (_, a, b) = index[i];
        Some(self.one[i].get_or_init(|| decode(&bytes[a..b])))
    }
}

/// A record build.rs encoded from the same types in the same build: it always decodes.
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> T {
    postcard::from_bytes(bytes).expect("build.rs encoded this record from the same types")
}

/// Every record, served to the commands.
pub struct Catalog {
    about: About,
    roles: Records<Role>,
    responsibilities: Records<Responsibility>,
    skills: Records<Skill>,
    employers: Records<Employer>,
    certifications: Records<Certification>,
    organizations: Records<Organization>,
    salaries: Records<Salary>,
    paths: Records<EducationPath>,
    regulations: Records<Regulation>,
    occupations: Records<Occupation>,
    sources: Records<Source>,
}

macro_rules! accessors {
    ($($field:ident: $type:ty),*) => {
        impl Catalog {
            /// The catalog `build.rs` validated and compiled into the binary.
            pub fn compiled() -> Catalog {
                Catalog {
                    about: decode(compiled::ABOUT),
                    $($field: Records::compiled(compiled::$field),)*
                }
            }

            /// A catalog of records parsed and validated now (from a `--data-dir`).
            pub fn parsed(data: Data) -> Catalog {
                Catalog {
                    about: data.about,
                    $($field: Records::parsed(data.$field),)*
                }
            }

            pub fn about(&self) -> &About {
                &self.about
            }

            $(pub fn $field(&self) -> &[$type] {
                self.$field.all()
            })*
        }
    };
}

accessors!(
    roles: Role,
    responsibilities: Responsibility,
    skills: Skill,
    employers: Employer,
    certifications: Certification,
    organizations: Organization,
    salaries: Salary,
    paths: EducationPath,
    regulations: Regulation,
    occupations: Occupation,
    sources: Source
);

/// What every kind of record shares, so that lookup, search and listing are written once.
pub trait Record: Serialize + DeserializeOwned + Sized + 'static {
    const KIND: Kind;
    fn records(catalog: &Catalog) -> &Records<Self>;
    fn all(catalog: &Catalog) -> &[Self] {
        Self::records(catalog).all()
    }
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// The texts `hi search` looks through, each with the name of its field.
    fn search_fields(&self) -> Vec<(&'static str, &str)>;
}

macro_rules! record {
    ($type:ty, $kind:expr, $field:ident, |$r:ident| $fields:expr) => {
        record!($type, $kind, $field, name, |$r| $fields);
    };
    ($type:ty, $kind:expr, $field:ident, $name:ident, |$r:ident| $fields:expr) => {
        impl Record for $type {
            const KIND: Kind = $kind;
            fn records(catalog: &Catalog) -> &Records<Self> {
                &catalog.$field
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.$name
            }
            fn search_fields(&self) -> Vec<(&'static str, &str)> {
                let $r = self;
                $fields
            }
        }
    };
}

fn with_list<'a>(
    mut fields: Vec<(&'static str, &'a str)>,
    label: &'static str,
    items: impl IntoIterator<Item = &'a String>,
) -> Vec<(&'static str, &'a str)> {
    fields.extend(items.into_iter().map(|item| (label, item.as_str())));
    fields
}

record!(Role, Kind::Role, roles, |r| with_list(
    vec![
        ("name", &r.name),
        ("description", &r.description),
        ("education", &r.education)
    ],
    "skill",
    &r.skills
));
record!(
    Responsibility,
    Kind::Responsibility,
    responsibilities,
    |r| vec![("name", &r.name), ("description", &r.description)]
);
record!(Skill, Kind::Skill, skills, |r| vec![
    ("name", &r.name),
    ("category", r.category.label()),
    ("description", &r.description)
]);
record!(Employer, Kind::Employer, employers, |r| with_list(
    vec![
        ("name", &r.name),
        ("description", &r.description),
        ("data use", &r.data_use)
    ],
    "example",
    &r.examples
));
record!(Certification, Kind::Certification, certifications, |r| {
    let mut fields = vec![
        ("name", r.name.as_str()),
        ("full name", &r.full_name),
        ("description", &r.description),
    ];
    fields.extend(
        r.eligibility
            .iter()
            .map(|route| ("eligibility", route.label.as_str())),
    );
    fields.extend(
        r.exam
            .iter()
            .flat_map(|exam| &exam.domains)
            .map(|domain| ("exam domain", domain.name.as_str())),
    );
    with_list(fields, "note", &r.notes)
});
record!(Organization, Kind::Organization, organizations, |r| vec![
    ("name", &r.name),
    ("full name", &r.full_name),
    ("description", &r.description)
]);
record!(Salary, Kind::Salary, salaries, |r| vec![
    ("name", &r.name),
    ("subject", &r.subject)
]);
record!(EducationPath, Kind::Path, paths, |r| with_list(
    vec![
        ("name", &r.name),
        ("description", &r.description),
        ("suits", &r.suits)
    ],
    "step",
    &r.steps
));
record!(Regulation, Kind::Regulation, regulations, |r| vec![
    ("name", &r.name),
    ("full name", &r.full_name),
    ("citation", &r.citation),
    ("description", &r.description)
]);
record!(Occupation, Kind::Occupation, occupations, |r| vec![
    ("name", &r.name),
    ("description", &r.description)
]);
record!(Source, Kind::Source, sources, title, |r| vec![
    ("title", &r.title),
    ("publisher", &r.publisher)
]);

impl Catalog {
    /// The record of kind `T` with this id, ignoring case; otherwise an error that names the
    /// closest id of any kind.
    pub fn get<T: Record>(&self, id: &str) -> Result<&T> {
        if let Some(record) = T::records(self).find(id, |r| r.id()) {
            return Ok(record);
        }
        bail!("{}", self.not_found(T::KIND, id))
    }

    /// The name of a record found by kind and id, for showing a link; the id itself when absent.
    pub fn name_of(&self, kind: Kind, id: &str) -> String {
        self.find(kind, id)
            .map_or_else(|| id.to_string(), |(_, name)| name.to_string())
    }

    /// The (id, name) of the record of `kind` with this id, ignoring case; it decodes no other.
    pub fn find(&self, kind: Kind, id: &str) -> Option<(&str, &str)> {
        fn find<'c, T: Record>(catalog: &'c Catalog, id: &str) -> Option<(&'c str, &'c str)> {
            T::records(catalog)
                .find(id, |r| r.id())
                .map(|r| (r.id(), r.name()))
        }
        match kind {
            Kind::Role => find::<Role>(self, id),
            Kind::Responsibility => find::<Responsibility>(self, id),
            Kind::Skill => find::<Skill>(self, id),
            Kind::Employer => find::<Employer>(self, id),
            Kind::Certification => find::<Certification>(self, id),
            Kind::Organization => find::<Organization>(self, id),
            Kind::Salary => find::<Salary>(self, id),
            Kind::Path => find::<EducationPath>(self, id),
            Kind::Regulation => find::<Regulation>(self, id),
            Kind::Occupation => find::<Occupation>(self, id),
            Kind::Source => find::<Source>(self, id),
        }
    }

    /// Every record as (kind, id, name), in search-group order.
    pub fn entries(&self) -> impl Iterator<Item = (Kind, &str, &str)> {
        fn of<T: Record>(catalog: &Catalog) -> impl Iterator<Item = (Kind, &str, &str)> {
            T::all(catalog).iter().map(|r| (T::KIND, r.id(), r.name()))
        }
        of::<Role>(self)
            .chain(of::<Responsibility>(self))
            .chain(of::<Skill>(self))
            .chain(of::<Employer>(self))
            .chain(of::<Certification>(self))
            .chain(of::<Organization>(self))
            .chain(of::<Salary>(self))
            .chain(of::<EducationPath>(self))
            .chain(of::<Regulation>(self))
            .chain(of::<Occupation>(self))
            .chain(of::<Source>(self))
    }

    /// The kinds that have a record with this id, ignoring case.
    pub fn kinds_of(&self, id: &str) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|kind| self.find(*kind, id).is_some())
            .collect()
    }

    /// The message for an id that is not a record of `kind`.
    pub fn not_found(&self, kind: Kind, id: &str) -> String {
        if let Some(other) = self.kinds_of(id).first() {
            let id = id.to_ascii_lowercase();
            return format!(
                "`{id}` is not a {}; it is a {}: try `hi {} {id}`",
                kind.label(),
                other.label(),
                other.command()
            );
        }
        let wanted = id.to_ascii_lowercase();
        // Prefer a near id of the kind asked for; then any kind.
        let closest = self
            .entries()
            .map(|(k, i, _)| (distance(&wanted, i) + usize::from(k != kind), k, i))
            .min_by_key(|(d, _, _)| *d);
        let mut message = format!("unknown {} `{id}`", kind.label());
        match closest {
            Some((d, k, i)) if d <= wanted.chars().count().max(2) / 2 + 1 => {
                if k == kind {
                    message += &format!(": did you mean `{i}`?");
                } else {
                    message += &format!(
                        ": did you mean `{i}`, a {}? try `hi {} {i}`",
                        k.label(),
                        k.command()
                    );
                }
            }
            _ => message += &format!(": `hi {}` lists them all", kind.command()),
        }
        message
    }
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
}

impl Catalog {
    /// Every citation in the catalog, records first, then dated figures.
    pub fn citations<'a>(&'a self) -> Vec<Citation<'a>> {
        let mut all = Vec::new();
        fn records<'a, T: Record>(
            catalog: &'a Catalog,
            sources: impl Fn(&'a T) -> &'a [String],
            all: &mut Vec<Citation<'a>>,
        ) {
            for r in T::all(catalog) {
                for source in sources(r) {
                    all.push(Citation {
                        kind: T::KIND,
                        id: r.id(),
                        what: "record",
                        as_of: None,
                        source,
                    });
                }
            }
        }
        records::<Role>(self, |r| &r.sources, &mut all);
        records::<Responsibility>(self, |r| &r.sources, &mut all);
        records::<Skill>(self, |r| &r.sources, &mut all);
        records::<Employer>(self, |r| &r.sources, &mut all);
        records::<Certification>(self, |r| &r.sources, &mut all);
        records::<Organization>(self, |r| &r.sources, &mut all);
        records::<EducationPath>(self, |r| &r.sources, &mut all);
        records::<Regulation>(self, |r| &r.sources, &mut all);
        records::<Occupation>(self, |r| &r.sources, &mut all);
        for c in self.certifications() {
            let figure = |what, as_of, source: &'a String| Citation {
                kind: Kind::Certification,
                id: &c.id,
                what,
                as_of,
                source,
            };
            for route in &c.eligibility {
                all.push(figure("eligibility", None, &route.source));
            }
            for exam in &c.exam_history {
                all.push(figure("exam", Some(exam.as_of), &exam.source));
            }
            for fees in &c.fee_history {
                all.push(figure("fees", Some(fees.as_of), &fees.source));
            }
            all.push(figure("renewal", Some(c.renewal.as_of), &c.renewal.source));
            if let Some(source) = &c.renewal.fee_source {
                all.push(figure("renewal fees", Some(c.renewal.as_of), source));
            }
            if let Some(source) = &c.renewal.calendar_source {
                all.push(figure("renewal calendar", Some(c.renewal.as_of), source));
            }
        }
        for o in self.organizations() {
            if let Some(m) = &o.membership {
                all.push(Citation {
                    kind: Kind::Organization,
                    id: &o.id,
                    what: "membership dues",
                    as_of: Some(m.as_of),
                    source: &m.source,
                });
            }
        }
        for s in self.salaries() {
            all.push(Citation {
                kind: Kind::Salary,
                id: &s.id,
                what: "salary",
                as_of: Some(s.as_of),
                source: &s.source,
            });
        }
        for o in self.occupations() {
            if let Some(source) = &o.figures_source {
                all.push(Citation {
                    kind: Kind::Occupation,
                    id: &o.id,
                    what: "median and outlook",
                    as_of: o.median_as_of,
                    source,
                });
            }
        }
        all
    }
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("cphimz", "cphims"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("rhia", "rhit"), 1);
        assert_eq!(distance("analyst", "analyst"), 0);
    }
}
