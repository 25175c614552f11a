//! A profile edited by hand is checked by the same rules as the flags that write it: dates
//! real, in the years the data takes and not after today; ids known to the catalog and named
//! once; credentials an activity counts toward held; facts possible. Each problem is placed at
//! the file's line and column of the value it is about. Rules about the world when something
//! was written (a proof file that existed) are not applied again on reading.

use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalog::Catalog;
use crate::model::{Certification, Kind, Organization};
use crate::profile::{Held, Profile};
use crate::record::{FieldPath, Step};

/// One problem of a profile: where it is, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every problem of `profile`, read from `text`, against `catalog` on `today`.
pub(crate) fn problems(
    profile: &Profile,
    text: &str,
    catalog: &Catalog,
    today: Date,
) -> Vec<Problem> {
    let mut found = Found::default();
    facts(profile, &mut found);
    memberships(profile, catalog, &mut found);
    credentials(profile, catalog, today, &mut found);
    activities(profile, catalog, today, &mut found);
    let tree = DeTable::parse(text).ok();
    let mut placed: Vec<Problem> = found
        .0
        .into_iter()
        .map(|(path, message)| {
            let offset = tree.as_ref().and_then(|t| locate(t, &path)).unwrap_or(0);
            let (line, column) = crate::load::line_column(text, offset);
            Problem {
                line,
                column,
                message: format!("`{path}`: {message}"),
            }
        })
        .collect();
    placed.sort_by_key(|p| (p.line, p.column));
    placed
}

/// The problems found, each at the field it is about.
#[derive(Default)]
struct Found(Vec<(FieldPath, String)>);

impl Found {
    fn at(&mut self, path: FieldPath, message: impl Into<String>) {
        self.0.push((path, message.into()));
    }
}

fn key(key: &'static str) -> FieldPath {
    FieldPath::key(key)
}

fn item(list: &'static str, i: usize, field: &'static str) -> FieldPath {
    FieldPath::key(list)
        .with(Step::Index(i))
        .with(Step::Key(field))
}

fn facts(profile: &Profile, found: &mut Found) {
    if let Err((field, why)) = profile.facts.check_each() {
        found.at(key("facts").with(Step::Key(field)), why);
    }
}

/// The id the data knows the record `id` names by now: in another case or by a former id (`CTR`
/// and `ods`) it is still the same record, as it is to every rule that reads the profile.
fn record_id(catalog: &Catalog, kind: Kind, id: &str) -> String {
    catalog
        .find(kind, id)
        .map_or_else(|| id.to_ascii_lowercase(), |(now, _)| now.to_string())
}

/// Whether `ids[i]` names a record an earlier id of `ids` names.
fn repeats(catalog: &Catalog, kind: Kind, ids: &[String], i: usize) -> bool {
    let this = record_id(catalog, kind, &ids[i]);
    ids[..i]
        .iter()
        .any(|earlier| record_id(catalog, kind, earlier) == this)
}

fn memberships(profile: &Profile, catalog: &Catalog, found: &mut Found) {
    for (i, org) in profile.memberships.iter().enumerate() {
        let path = key("memberships").with(Step::Index(i));
        if let Err(e) = catalog.get::<Organization>(org) {
            found.at(path, e.to_string());
        } else if repeats(catalog, Kind::Organization, &profile.memberships, i) {
            found.at(path, format!("`{org}` is named twice"));
        }
    }
}

/// A day of the holder's past as the flags take it: in the years the data takes, not after
/// today.
fn past(day: Date, today: Date) -> Result<(), String> {
    if !(1900..=2100).contains(&day.year()) {
        return Err(format!("{day} is outside the years 1900 to 2100"));
    }
    if day > today {
        return Err(format!("{day} is after today ({today})"));
    }
    Ok(())
}

fn credentials(profile: &Profile, catalog: &Catalog, today: Date, found: &mut Found) {
    let ids: Vec<String> = profile.credentials.iter().map(|h| h.id.clone()).collect();
    for (i, held) in profile.credentials.iter().enumerate() {
        let cert = catalog.get::<Certification>(&held.id);
        if let Err(e) = &cert {
            found.at(item("credential", i, "id"), format!("not in the data: {e}"));
        }
        if repeats(catalog, Kind::Certification, &ids, i) {
            found.at(
                item("credential", i, "id"),
                format!("`{}` is held twice", held.id),
            );
        }
        if let Err(why) = past(held.earned, today) {
            found.at(item("credential", i, "earned"), why);
        }
        if let Some(ends) = held.cycle_ends.filter(|ends| *ends <= held.earned) {
            let why = format!(
                "{ends} is not after the day it was earned ({})",
                held.earned
            );
            found.at(item("credential", i, "cycle_ends"), why);
        }
        if let Ok(cert) = cert {
            renewals(held, i, cert, catalog, today, found);
        }
    }
}

/// The renewals of the credential held at `i`: each granted or submitted after it was earned
/// and by today, granted after it was submitted, and no cycle renewed twice.
fn renewals(
    held: &Held,
    i: usize,
    cert: &Certification,
    catalog: &Catalog,
    today: Date,
    found: &mut Found,
) {
    let renewals = item("credential", i, "renewal");
    let at = |j: usize, field| renewals.with(Step::Index(j)).with(Step::Key(field));
    for (j, renewal) in held.renewals.iter().enumerate() {
        if renewal.on.is_none() && renewal.submitted.is_none() {
            found.at(
                renewals.with(Step::Index(j)),
                "a renewal gives the day it was granted (`on`) or submitted (`submitted`)",
            );
        }
        for (field, day) in [("on", renewal.on), ("submitted", renewal.submitted)] {
            let Some(day) = day else { continue };
            if let Err(why) = past(day, today) {
                found.at(at(j, field), why);
            } else if day <= held.earned {
                found.at(
                    at(j, field),
                    format!("{day} is not after it was earned ({})", held.earned),
                );
            }
        }
        if let (Some(on), Some(submitted)) = (renewal.on, renewal.submitted)
            && submitted > on
        {
            found.at(
                at(j, "submitted"),
                format!("submitted {submitted}, after it was granted ({on})"),
            );
        }
    }
    let issuer = catalog.get::<Organization>(&cert.issuer).ok();
    let lapse = issuer.and_then(|o| o.lapse.as_ref());
    for (j, before) in crate::lifecycle::repeated_renewals(cert, held, lapse) {
        found.at(
            at(j, "on"),
            format!(
                "renews the cycle the renewal granted {before} renewed already: a cycle is \
                 renewed once"
            ),
        );
    }
}

fn activities(profile: &Profile, catalog: &Catalog, today: Date, found: &mut Found) {
    for (i, activity) in profile.ce.iter().enumerate() {
        if let Err(why) = past(activity.date, today) {
            found.at(item("ce", i, "date"), why);
        }
        if activity.title.trim().is_empty() {
            found.at(item("ce", i, "title"), "the title is empty");
        }
        let from = item("ce", i, "from");
        for (j, org) in activity.from.iter().enumerate() {
            if let Err(e) = catalog.get::<Organization>(org) {
                found.at(from.with(Step::Index(j)), e.to_string());
            } else if repeats(catalog, Kind::Organization, &activity.from, j) {
                found.at(from.with(Step::Index(j)), format!("`{org}` is named twice"));
            }
        }
        let toward: Vec<&Certification> = profile
            .credentials
            .iter()
            .filter(|h| activity.counts_toward(&h.id))
            .filter_map(|h| catalog.get::<Certification>(&h.id).ok())
            .collect();
        if !activity.categories.is_empty() {
            let checked = crate::credit::checked_categories(&activity.categories, &toward, catalog);
            if let Err(why) = checked {
                found.at(item("ce", i, "categories"), why);
            }
        }
        let certs = item("ce", i, "certs");
        for (j, cert) in activity.certs.iter().enumerate() {
            let this = record_id(catalog, Kind::Certification, cert);
            let held = profile
                .credentials
                .iter()
                .any(|h| record_id(catalog, Kind::Certification, &h.id) == this);
            if !held {
                found.at(
                    certs.with(Step::Index(j)),
                    format!("`{cert}` is not a credential the profile holds"),
                );
            } else if repeats(catalog, Kind::Certification, &activity.certs, j) {
                found.at(
                    certs.with(Step::Index(j)),
                    format!("`{cert}` is named twice"),
                );
            }
        }
    }
}

/// The byte offset of the value at `path` in the file; as near as it gets when the file does
/// not write that value.
fn locate(tree: &Spanned<DeTable>, path: &FieldPath) -> Option<usize> {
    let mut steps = path.steps().iter();
    let Some(Step::Key(first)) = steps.next() else {
        return None;
    };
    let mut value: &Spanned<DeValue> = tree.get_ref().get(*first)?;
    for step in steps {
        let next = match step {
            Step::Key(name) => value.get_ref().as_table().and_then(|t| t.get(*name)),
            Step::Index(i) => value.get_ref().as_array().and_then(|a| a.get(*i)),
        };
        match next {
            Some(next) => value = next,
            None => break,
        }
    }
    Some(value.span().start)
}
