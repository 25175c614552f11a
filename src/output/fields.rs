//! Fields as shown: what a command declares once about its table, and what `--fields` makes of
//! it in every format.
//!
//! # Declaring a command's fields
//!
//! A command that lists records declares its columns once, as a `const` beside the code that
//! fills its rows, and builds its table with [`Table::of_records`](super::Table::of_records)
//! (records that `Deserialize`, whose JSON keys are then read from their serde declaration) or
//! [`Table::with_keys`](super::Table::with_keys) (an output type, with its JSON keys listed
//! beside it):
//!
//! ```ignore
//! pub const COLUMNS: &[Column] = &[
//!     Column::new("ID").key("id"),
//!     Column::new("Member").key("fees.member_usd").rank(2),
//!     Column::new("Fees as of").key("fees.as_of").rank(2).provenance("fees"),
//!     Column::new("Renewal").prose().rank(6),
//! ];
//! ```
//!
//! Each column says what people read at its head (`name`), where its value lives in one
//! record's JSON (`key`, a dotted path, if it has one), how much it matters when the terminal is
//! narrow (`rank`: 1 is never hidden, higher ranks are hidden first), whether its text is free
//! prose that a narrow table may shorten with "…" (`prose`; every other cell is wrapped only
//! between words and never cut), and whether its cells carry a figure's provenance, which the
//! plain and CSV formats write as two columns of their own (`provenance("fees")` gives
//! `fees_source_kind` and `fees_stale`). The rows give one cell per column, in this order.
//!
//! # What `--fields` takes
//!
//! A JSON key of the record (exactly as JSON spells it), a column name (ignoring case, or in
//! snake_case: `Non-member`, `non-member`, `non_member`), or a provenance column. In the text
//! formats a column gives the text the table shows (`Issuer` → `HIMSS`) and a JSON key the JSON
//! value (`issuer` → `himss`), a nested key (`fees`) spread over one column per leaf
//! (`fees.member_usd`, ...); in JSON a column prints under its snake_case name with the JSON
//! value its key points at (`--fields id,member` → `{"id": ..., "member": 609}`). Names are
//! checked against this declaration, never against the records printed, so an empty result
//! takes the same names as a full one.

use std::borrow::Cow;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::{Map, Value};

/// One column of a table, declared once: `src/output/fields.rs` says how to declare a
/// command's columns and what `--fields` makes of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: Cow<'static, str>,
    /// Where the column's value lives in one record's JSON, as a dotted path.
    pub key: Option<&'static str>,
    /// 1 is never hidden; higher ranks are hidden first when the terminal is narrow.
    pub rank: u8,
    /// Free text a narrow table may shorten with "…" at a word boundary.
    pub prose: bool,
    /// The figure whose provenance the cells carry: the prefix of the `_source_kind` and
    /// `_stale` columns of the plain and CSV formats.
    pub provenance: Option<&'static str>,
}

impl Column {
    /// A column of values (ids, amounts, dates, names): wrapped between words, never cut.
    pub const fn new(name: &'static str) -> Column {
        Column {
            name: Cow::Borrowed(name),
            key: None,
            rank: 1,
            prose: false,
            provenance: None,
        }
    }

    /// A column whose name is known only at run time (a comparison's items), never hidden.
    pub fn named(name: String) -> Column {
        Column {
            name: Cow::Owned(name),
            ..Column::new("")
        }
    }

    pub const fn key(mut self, key: &'static str) -> Column {
        self.key = Some(key);
        self
    }

    pub const fn rank(mut self, rank: u8) -> Column {
        self.rank = rank;
        self
    }

    pub const fn prose(mut self) -> Column {
        self.prose = true;
        self
    }

    pub const fn provenance(mut self, figure: &'static str) -> Column {
        self.provenance = Some(figure);
        self
    }

    /// The names of the two columns that carry this column's provenance in plain and CSV.
    pub fn provenance_names(&self) -> Option<[String; 2]> {
        self.provenance.map(|figure| {
            let prefix = match figure {
                "" => String::new(),
                figure => format!("{figure}_"),
            };
            [format!("{prefix}source_kind"), format!("{prefix}stale")]
        })
    }
}

/// `Non-member` as `non_member`, `Fees as of` as `fees_as_of`: a column's name as a JSON key.
pub fn snake(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    key.trim_end_matches('_').to_string()
}

/// The keys of a record type's JSON, as its serde declaration names them: the field list that
/// a derived `Deserialize` hands its deserializer, read without any data.
pub fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut probe = Probe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// A deserializer that only notes the fields a struct asks for, then stops.
struct Probe(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut Probe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("only its fields were wanted"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// One name of `--fields`, resolved against a table's declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field<'a> {
    /// A key of the record's JSON.
    Key(&'a str),
    /// A column, by its index.
    Column(usize),
    /// The source kind (`false`) or staleness (`true`) of a column's figure.
    Provenance(usize, bool),
}

/// What a table declares to `--fields`: its columns when each row is one record, and the keys
/// of that record's JSON.
pub(super) struct Declared<'a> {
    pub columns: &'a [Column],
    pub keys: &'a [&'a str],
}

impl<'a> Declared<'a> {
    /// The field `name` stands for: a JSON key exactly, else a column's name ignoring case or
    /// in snake_case, else a provenance column.
    pub(super) fn resolve(&self, name: &str) -> Option<Field<'a>> {
        if let Some(key) = self.keys.iter().find(|k| **k == name) {
            return Some(Field::Key(key));
        }
        let snaked = snake(name);
        let column = self
            .columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name) || snake(&c.name) == snaked);
        if let Some(i) = column.filter(|_| !name.is_empty()) {
            return Some(Field::Column(i));
        }
        self.columns.iter().enumerate().find_map(|(i, c)| {
            let [kind, stale] = c.provenance_names()?;
            match name {
                _ if name == kind => Some(Field::Provenance(i, false)),
                _ if name == stale => Some(Field::Provenance(i, true)),
                _ => None,
            }
        })
    }

    /// Every name `--fields` takes, for a message or a help page: the columns, their
    /// provenance columns, then the JSON keys.
    pub(super) fn names(&self) -> (Vec<String>, Vec<String>) {
        let mut columns: Vec<String> = self.columns.iter().map(|c| c.name.to_string()).collect();
        columns.extend(
            self.columns
                .iter()
                .filter_map(Column::provenance_names)
                .flatten(),
        );
        (columns, self.keys.iter().map(|k| k.to_string()).collect())
    }

    /// "valid fields are ID, Credential, ... (columns); id, name, ... (JSON keys)".
    pub(super) fn valid(&self) -> String {
        let (columns, keys) = self.names();
        match (columns.is_empty(), keys.is_empty()) {
            (true, true) => "this command has no fields to choose".to_string(),
            (true, false) => format!("valid fields are {}", keys.join(", ")),
            (false, true) => format!("valid fields are {}", columns.join(", ")),
            (false, false) => format!(
                "valid fields are {} (columns); {} (JSON keys)",
                columns.join(", "),
                keys.join(", ")
            ),
        }
    }
}

/// The field list of a command's `--help`: the names `--fields` takes, wrapped to fit 80
/// columns.
pub(super) fn help(columns: &[Column], keys: &[&str]) -> String {
    let declared = Declared { columns, keys };
    let (columns, keys) = declared.names();
    let mut text = String::from(
        "Fields (for --fields; a column gives the text shown, a JSON key the JSON value):\n",
    );
    for (label, names) in [
        ("Columns", columns.join(", ")),
        ("JSON keys", keys.join(", ")),
    ] {
        if names.is_empty() {
            continue;
        }
        let lines = super::fit::wrap(&format!("{label}: {names}"), 76);
        for (i, line) in lines.iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            text += &format!("{indent}{line}\n");
        }
    }
    text.trim_end().to_string()
}

/// The value at a dotted path of a JSON object, or null.
pub(super) fn at<'v>(value: &'v Value, path: &str) -> &'v Value {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .unwrap_or(&Value::Null)
}

/// The leaves of `value` under `path`, for a text format: a scalar or a list of scalars is one
/// leaf; an object gives one leaf per key, nested as `path.key`; a list of objects gives the
/// leaves of its items. New leaves are added to `leaves` in the order first met.
pub(super) fn leaves(path: &str, value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                leaves(&format!("{path}.{key}"), inner, found);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            for item in items {
                leaves(path, item, found);
            }
        }
        _ => {
            if !found.iter().any(|f| f == path) {
                found.push(path.to_string());
            }
        }
    }
}

/// The text of the leaf at `path` (as [`leaves`] names it) under `value`: a scalar as it is,
/// the items of a list joined with "; ", nothing for null.
pub(super) fn leaf_text(value: &Value, path: &[&str]) -> String {
    let mut texts = Vec::new();
    collect(value, path, &mut texts);
    texts.join("; ")
}

fn collect(value: &Value, path: &[&str], texts: &mut Vec<String>) {
    match (value, path.split_first()) {
        (Value::Array(items), _) => items.iter().for_each(|i| collect(i, path, texts)),
        (Value::Object(map), Some((key, rest))) => {
            if let Some(inner) = map.get(*key) {
                collect(inner, rest, texts);
            }
        }
        (Value::Null, _) | (Value::Object(_), None) => {}
        (Value::String(s), None) => texts.push(s.clone()),
        (other, None) => texts.push(other.to_string()),
        (_, Some(_)) => {}
    }
}

/// The objects of a command's JSON: the items of an array, or the one object.
pub(super) fn objects(value: &Value) -> (Vec<&Value>, bool) {
    match value {
        Value::Array(items) => (items.iter().collect(), false),
        other => (vec![other], true),
    }
}

/// The keys found in `objects`, in the order first met: what a table that declares none
/// offers `--fields`.
pub(super) fn found_keys(objects: &[&Value]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for object in objects.iter().filter_map(|o| o.as_object()) {
        for key in object.keys() {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    }
    keys
}

/// A record's JSON object cut down to `picked`, in that order.
pub(super) fn pick(picked: Vec<(String, Value)>) -> Value {
    Value::Object(picked.into_iter().collect::<Map<_, _>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column::new("ID").key("id"),
        Column::new("Issuer").key("issuer").rank(3),
        Column::new("Non-member").key("fees.non_member_usd").rank(2),
        Column::new("Fees as of").provenance("fees").rank(2),
    ];

    #[test]
    fn a_name_is_a_json_key_exactly_else_a_column_in_any_case() {
        let declared = Declared {
            columns: COLUMNS,
            keys: &["id", "issuer", "fees"],
        };
        let cases = [
            ("issuer", Some(Field::Key("issuer"))),
            ("Issuer", Some(Field::Column(1))),
            ("ISSUER", Some(Field::Column(1))),
            ("non-member", Some(Field::Column(2))),
            ("non_member", Some(Field::Column(2))),
            ("fees_as_of", Some(Field::Column(3))),
            ("fees_source_kind", Some(Field::Provenance(3, false))),
            ("fees_stale", Some(Field::Provenance(3, true))),
            ("fees", Some(Field::Key("fees"))),
            ("price", None),
            ("", None),
        ];
        for (name, field) in cases {
            assert_eq!(declared.resolve(name), field, "{name}");
        }
        assert!(declared.valid().starts_with(
            "valid fields are ID, Issuer, Non-member, Fees as of, fees_source_kind, fees_stale"
        ));
    }

    #[test]
    fn snake_case_of_a_heading() {
        assert_eq!(snake("Non-member"), "non_member");
        assert_eq!(snake("Fees as of"), "fees_as_of");
        assert_eq!(snake("No."), "no");
        assert_eq!(snake("CE hours due"), "ce_hours_due");
    }

    #[test]
    fn keys_come_from_the_serde_declaration() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Record {
            id: String,
            fees: Option<u32>,
        }
        assert_eq!(keys_of::<Record>(), ["id", "fees"]);
        assert!(keys_of::<u32>().is_empty());
    }

    #[test]
    fn nested_values_spread_over_leaves_never_json_in_a_cell() {
        let record = serde_json::json!({
            "fees": {"member_usd": 405, "as_of": "2020", "note": null},
            "routes": [{"label": "a", "fields": ["him", "it"]}, {"label": "b", "fields": []}],
            "tracks": ["him", "coding"],
        });
        let mut found = Vec::new();
        for key in ["fees", "routes", "tracks"] {
            leaves(key, &record[key], &mut found);
        }
        assert_eq!(
            found,
            [
                "fees.member_usd",
                "fees.as_of",
                "fees.note",
                "routes.label",
                "routes.fields",
                "tracks"
            ]
        );
        let text = |path: &str| leaf_text(&record, &path.split('.').collect::<Vec<_>>());
        assert_eq!(text("fees.member_usd"), "405");
        assert_eq!(text("fees.note"), "");
        assert_eq!(text("routes.label"), "a; b");
        assert_eq!(text("routes.fields"), "him; it");
        assert_eq!(text("tracks"), "him; coding");
        assert_eq!(at(&record, "fees.as_of"), "2020");
        assert_eq!(at(&record, "fees.nothing"), &Value::Null);
    }
}
