//! The one place that writes to stdout: tables, plain text, JSON, CSV and Markdown, from one
//! [`Table`] or [`Detail`] built by a command and the records it serializes.
//!
//! A command declares its columns once ([`Column`]; `src/output/fields.rs` says how); from
//! that declaration the table fits the terminal (`src/output/fit.rs`), `--fields` takes the
//! names people read and the keys scripts read, and each format escapes for its own reader:
//! the terminal (control characters), tab-separated text (no tab or line break inside a
//! field), CSV (RFC 4180, and no cell a spreadsheet would run as a formula), Markdown (`|`,
//! `[`, `]`, `\` and the HTML-significant `<`, `>`, `&`).

mod fields;
mod fit;
pub(crate) mod json;

use std::borrow::Cow;
use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{Attribute, Color, ContentArrangement, presets};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use fields::{Column, keys_of, snake};
use fields::{Declared, Field};

use crate::record::keywords;
use crate::sanitize::{clean, clean_line};

keywords! {
    /// How output is laid out.
    pub enum Format {
        Table = "table", "Bordered table, fitted to the terminal width";
        Plain = "plain", "Tab-separated rows, no borders, no colour: for cut, awk and sort";
        Json = "json", "JSON, for jq and scripts";
        Csv = "csv", "Comma-separated values (RFC 4180), for spreadsheets";
        Markdown = "markdown", "A GitHub-flavoured Markdown table, for notes and issues";
    }
}

impl Format {
    /// The format asked for, else `table` on a terminal and `plain` in a pipe.
    pub fn choose(asked: Option<Format>, json: bool) -> Format {
        match (json, asked) {
            (true, _) => Format::Json,
            (false, Some(format)) => format,
            (false, None) if io::stdout().is_terminal() => Format::Table,
            (false, None) => Format::Plain,
        }
    }
}

keywords! {
    /// When to colour output.
    pub enum ColorChoice {
        Auto = "auto", "Colour when the stream is a terminal, unless NO_COLOR, CLICOLOR=0 or TERM=dumb";
        Always = "always", "always";
        Never = "never", "never";
    }
}

/// Whether to colour a stream. `auto` follows the NO_COLOR and CLICOLOR conventions (as
/// anstyle-query reads them, like clap) and asks whether that stream (stdout and stderr each on
/// their own) is a terminal that takes colour.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if anstyle_query::no_color() => false,
        ColorChoice::Auto if anstyle_query::clicolor_force() => true,
        ColorChoice::Auto if anstyle_query::clicolor() == Some(false) => false,
        ColorChoice::Auto => is_terminal && anstyle_query::term_supports_color(),
    }
}

/// How a cell should catch the eye when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    /// Unknown values and undecided statuses.
    Unsure,
    /// A figure old enough to check before relying on it.
    Stale,
}

/// Where a figure in a cell comes from: the kind of its source, and whether it is stale
/// (unknown when its source states no date). The formats for people mark it (†, *); plain and
/// CSV give it columns of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provenance {
    pub source_kind: &'static str,
    pub stale: Option<bool>,
}

/// A table cell: its text, and what it means to the eye. The meaning is given where the
/// value is known (an unknown figure, a status), never read back from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
    /// A sign after the text, explained by the table's legend, in the formats people read
    /// (`table`, `markdown`); the formats for programs carry the text alone.
    pub mark: Option<&'static str>,
    pub provenance: Option<Provenance>,
    /// A value no source gives: `null` where the cell becomes JSON.
    pub unknown: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone: Some(tone),
            ..Cell::default()
        }
    }

    /// A value no source gives.
    pub fn unknown() -> Cell {
        Cell {
            unknown: true,
            ..Cell::new("unknown", Tone::Unsure)
        }
    }

    fn marked(&self, marks: bool) -> String {
        match self.mark.filter(|_| marks) {
            Some(mark) => format!("{} {mark}", self.text),
            None => self.text.clone(),
        }
    }

    /// The cell at a terminal, cleaned, its mark held to its text by a no-break space so that
    /// a narrow column never leaves a mark alone on a line.
    fn shown(&self) -> String {
        match self.mark {
            Some(mark) => clean(&format!("{}\u{a0}{mark}", self.text)),
            None => clean(&self.text),
        }
    }

    /// The cell as a JSON value, for a column without a key of its own.
    fn json(&self) -> Value {
        match self.unknown {
            true => Value::Null,
            false => Value::String(self.text.clone()),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            ..Cell::default()
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Cell {
        Cell::from(text.clone())
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Rows under declared columns: a list of records, or a comparison.
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// What the marks in the cells mean, shown under the table where marks are.
    pub legend: Vec<String>,
    /// When each row is one record of the JSON printed beside the table: the keys of that
    /// record's JSON. Then `--fields` takes these keys and the columns' names.
    records: Option<&'static [&'static str]>,
    /// Rows only the formats for programs carry (a comparison's provenance).
    for_programs: Vec<usize>,
}

impl Table {
    /// A table whose columns are named here, none hidden before another: for the tables that
    /// are not lists of records (a comparison, a calendar).
    pub fn new(header: &[&str]) -> Table {
        Table::declared(
            header
                .iter()
                .map(|h| Column::named(h.to_string()))
                .collect(),
        )
    }

    fn declared(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            legend: Vec::new(),
            records: None,
            for_programs: Vec::new(),
        }
    }

    /// A list of records of type `T`, one per row, under the columns a command declares; the
    /// keys of `T`'s JSON are read from its serde declaration.
    pub fn of_records<T: DeserializeOwned>(columns: &[Column]) -> Table {
        Table::with_keys(columns, keys_of::<T>())
    }

    /// A list of records whose JSON has `keys`, one per row, under the columns a command
    /// declares.
    pub fn with_keys(columns: &[Column], keys: &'static [&'static str]) -> Table {
        Table {
            records: Some(keys),
            ..Table::declared(columns.to_vec())
        }
    }

    pub fn row<C: Into<Cell>>(&mut self, cells: Vec<C>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "one cell per column");
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    fn header(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.name.to_string()).collect()
    }

    /// The rows people read, as text; with `marks`, each cell's mark after its text.
    fn texts(&self, marks: bool) -> Vec<Vec<String>> {
        self.people_rows()
            .map(|row| row.iter().map(|c| c.marked(marks)).collect())
            .collect()
    }

    fn people_rows(&self) -> impl Iterator<Item = &Vec<Cell>> {
        let rows = self.rows.iter().enumerate();
        rows.filter(|(i, _)| !self.for_programs.contains(i))
            .map(|(_, row)| row)
    }

    /// The header and rows for the formats programs read: no marks; each column that carries
    /// provenance followed by its `_source_kind` and `_stale` columns.
    fn for_programs(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let mut header = Vec::new();
        for column in &self.columns {
            header.push(column.name.to_string());
            header.extend(column.provenance_names().into_iter().flatten());
        }
        let rows = self.rows.iter().map(|row| {
            let mut texts = Vec::new();
            for (column, cell) in self.columns.iter().zip(row) {
                texts.push(cell.text.clone());
                if column.provenance.is_some() {
                    let [kind, stale] = provenance_texts(cell.provenance);
                    texts.extend([kind, stale]);
                }
            }
            texts
        });
        (header, rows.collect())
    }
}

/// A figure's source kind and staleness as text: "third-party", "true"; empty when unknown.
fn provenance_texts(provenance: Option<Provenance>) -> [String; 2] {
    let kind = provenance.map_or("", |p| p.source_kind);
    let stale = provenance.and_then(|p| p.stale).map_or("", |s| match s {
        true => "true",
        false => "false",
    });
    [kind.to_string(), stale.to_string()]
}

/// One column per item, one row per attribute: the shape of every comparison.
pub struct SideBySide<'a, T> {
    items: &'a [&'a T],
    pub table: Table,
}

impl<'a, T> SideBySide<'a, T> {
    /// `corner` heads the column of row labels.
    pub fn new(corner: &str, items: &'a [&'a T], name: impl Fn(&T) -> String) -> Self {
        let mut columns = vec![Column::named(corner.to_string())];
        columns.extend(items.iter().map(|item| Column::named(name(item))));
        SideBySide {
            items,
            table: Table::declared(columns),
        }
    }

    /// A row; when its cells carry a figure's provenance, two more rows that only the formats
    /// for programs show, in place of the marks: `fees_source_kind` and `fees_stale` after
    /// "Fees as of".
    pub fn row<C: Into<Cell>>(&mut self, label: &str, cell: impl Fn(&T) -> C) {
        let mut cells = vec![Cell::from(label)];
        cells.extend(self.items.iter().map(|item| cell(item).into()));
        let provenance: Vec<Option<Provenance>> = cells.iter().map(|c| c.provenance).collect();
        self.table.row(cells);
        if provenance.iter().all(Option::is_none) {
            return;
        }
        let figure = fields::snake(label.trim_end_matches(" as of"));
        for (i, suffix) in ["source_kind", "stale"].into_iter().enumerate() {
            let mut cells = vec![Cell::from(format!("{figure}_{suffix}"))];
            cells.extend(
                provenance[1..]
                    .iter()
                    .map(|p| Cell::from(provenance_texts(*p)[i].clone())),
            );
            self.table.for_programs.push(self.table.rows.len());
            self.table.rows.push(cells);
        }
    }
}

/// One record in full: a title, labelled fields, then sections of lines (linked records,
/// history, notes, sources).
pub struct Detail {
    pub title: String,
    pub fields: Vec<(String, Cell)>,
    pub sections: Vec<(String, Vec<String>)>,
}

impl Detail {
    pub fn new(title: String) -> Detail {
        Detail {
            title,
            fields: Vec::new(),
            sections: Vec::new(),
        }
    }

    pub fn field(&mut self, label: &str, value: impl Into<Cell>) {
        self.fields.push((label.to_string(), value.into()));
    }

    /// A section; an empty one is left out.
    pub fn section(&mut self, heading: &str, lines: Vec<String>) {
        if !lines.is_empty() {
            self.sections.push((heading.to_string(), lines));
        }
    }

    /// The title, every field, then every section line, as (label, value) rows.
    fn rows(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("Title", self.title.as_str()))
            .chain(
                self.fields
                    .iter()
                    .map(|(l, v)| (l.as_str(), v.text.as_str())),
            )
            .chain(
                self.sections
                    .iter()
                    .flat_map(|(h, lines)| lines.iter().map(move |l| (h.as_str(), l.as_str()))),
            )
    }
}

pub struct Output {
    pub format: Format,
    pub color: bool,
    /// `--fields`: the names to keep, in order.
    fields: Option<Vec<String>>,
    out: BufWriter<Stdout>,
}

/// Where the output goes (stdout, unless a caller of `run_to` gives another sink); a failed
/// write says so, and keeps its kind so that a closed pipe is still recognised.
struct Stdout(Box<dyn Write>);

impl Write for Stdout {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes).map_err(stdout_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

fn stdout_error(error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("cannot write to stdout: {error}"))
}

impl Output {
    pub fn new(
        format: Format,
        color: bool,
        fields: Option<Vec<String>>,
        sink: Box<dyn Write>,
    ) -> Output {
        Output {
            format,
            // Plain, JSON, CSV and Markdown are for other programs: never coloured.
            color: color && format == Format::Table,
            fields,
            out: BufWriter::new(Stdout(sink)),
        }
    }

    /// Whether only the serialized records will be written (JSON, or `--fields`), so that a
    /// command can skip the notes meant for people.
    pub fn data_only(&self) -> bool {
        self.format == Format::Json || self.fields.is_some()
    }

    /// Whether `--fields` was given.
    pub fn fields_given(&self) -> bool {
        self.fields.is_some()
    }

    /// Whether a command must build its table: `--fields` may name its columns, and every
    /// format but JSON shows it.
    pub fn needs_table(&self) -> bool {
        self.format != Format::Json || self.fields.is_some()
    }

    /// A list or comparison: the table in a text format, the records in JSON, the fields
    /// asked for in any format.
    pub fn table<T: Serialize + ?Sized>(&mut self, table: &Table, json: &T) -> Result<()> {
        if let Some(fields) = self.fields.clone() {
            return self.selected(table, &serde_json::to_value(json)?, &fields);
        }
        match self.format {
            Format::Json => self.json(json),
            _ => self.rows(table),
        }
    }

    /// One record in full.
    pub fn detail<T: Serialize + ?Sized>(&mut self, detail: &Detail, json: &T) -> Result<()> {
        if let Some(fields) = self.fields.clone() {
            return self.selected(&Table::new(&[]), &serde_json::to_value(json)?, &fields);
        }
        let header = ["Field".to_string(), "Value".to_string()];
        let rows = || -> Vec<Vec<String>> {
            detail
                .rows()
                .map(|(l, v)| vec![l.to_string(), v.to_string()])
                .collect()
        };
        match self.format {
            Format::Json => self.json(json),
            Format::Plain => self.plain(&[], &rows()),
            Format::Csv => self.csv(&header, &rows()),
            Format::Markdown => self.markdown_detail(detail),
            Format::Table => self.table_detail(detail),
        }
    }

    fn markdown_detail(&mut self, detail: &Detail) -> Result<()> {
        writeln!(self.out, "## {}\n", markdown_cell(&detail.title))?;
        let header = ["Field".to_string(), "Value".to_string()];
        let fields: Vec<Vec<String>> = detail
            .fields
            .iter()
            .map(|(l, v)| vec![l.clone(), v.text.clone()])
            .collect();
        self.markdown(&header, &fields)?;
        for (heading, lines) in &detail.sections {
            writeln!(self.out, "\n### {}\n", markdown_cell(heading))?;
            for line in lines {
                writeln!(self.out, "- {}", markdown_cell(line))?;
            }
        }
        Ok(())
    }

    /// A record in full at a terminal: the title, the short fields in a table, then each
    /// field too long for a few lines and each section as a paragraph of its own.
    fn table_detail(&mut self, detail: &Detail) -> Result<()> {
        let width = usize::from(terminal_width());
        for line in fit::wrap(&clean(&detail.title), width) {
            let line = self.bold(&line);
            writeln!(self.out, "{line}")?;
        }
        let label_width = detail
            .fields
            .iter()
            .map(|(l, _)| fit::width(&clean(l)))
            .max()
            .unwrap_or(0);
        let value_width = width.saturating_sub(label_width + 7).max(20);
        let (short, long): (Vec<_>, Vec<_>) = detail.fields.iter().partition(|(_, value)| {
            let lines = fit::lay_out(&value.shown(), value_width, false);
            lines.lines().count() <= fit::MAX_LINES
                && lines.lines().all(|l| fit::width(l) <= value_width)
        });
        let mut fields = Table::new(&["", ""]);
        for (label, value) in short {
            fields.row(vec![label.into(), value.clone()]);
        }
        if !fields.rows.is_empty() {
            self.fitted(&fields, false)?;
        }
        // A long field is one paragraph; a section, a list of items.
        let paragraphs = long
            .into_iter()
            .map(|(label, value)| (label, vec![value.marked(true)], "  "));
        let sections = detail
            .sections
            .iter()
            .map(|(h, lines)| (h, lines.clone(), "  - "));
        for (heading, lines, bullet) in paragraphs.chain(sections) {
            let heading = self.bold(&format!("{}:", clean(heading)));
            writeln!(self.out, "\n{heading}")?;
            let hang = " ".repeat(bullet.len());
            for line in lines {
                for (i, part) in fit::wrap(&clean(&line), width.saturating_sub(4))
                    .iter()
                    .enumerate()
                {
                    let indent = if i == 0 { bullet } else { &hang };
                    writeln!(self.out, "{indent}{part}")?;
                }
            }
        }
        Ok(())
    }

    /// Messages one per line, as compilers print them (`file:line:column: message`), so that
    /// editors and grep can use them; JSON as usual, each message an object with `keys`, which
    /// `--fields` takes (none when `json` is the lines themselves).
    pub fn lines<T: Serialize + ?Sized>(
        &mut self,
        lines: &[String],
        json: &T,
        keys: &'static [&'static str],
    ) -> Result<()> {
        match self.format {
            Format::Plain | Format::Table if self.fields.is_none() => {
                for line in lines {
                    writeln!(self.out, "{}", plain_cell(line))?;
                }
                Ok(())
            }
            _ => {
                let mut table = Table::with_keys(&[Column::new("Message")], keys);
                for line in lines {
                    table.row(vec![line.as_str()]);
                }
                self.table(&table, json)
            }
        }
    }

    /// A message for the person, not the data: `hi: ...` on stderr, on one line, so that stdout
    /// stays what a pipe expects. A stderr that cannot be written is no failure.
    pub fn message(&mut self, text: &str) -> Result<()> {
        let _ = writeln!(io::stderr().lock(), "hi: {}", clean_line(text));
        Ok(())
    }

    /// Pretty JSON and a final newline: the one JSON writer of every command.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        json::write(&mut self.out, value)?;
        writeln!(self.out)?;
        Ok(())
    }

    /// Bytes as they are: a calendar, a completion script, a man page.
    pub fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes)?;
        Ok(())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }

    /// `--fields`: only the fields asked for, in that order, in any format.
    fn selected(&mut self, table: &Table, value: &Value, names: &[String]) -> Result<()> {
        let (objects, single) = fields::objects(value);
        let found: Vec<String>;
        let found_refs: Vec<&str>;
        let declared = match table.records {
            Some(keys) => Declared {
                columns: &table.columns,
                keys,
            },
            None => {
                found = fields::found_keys(&objects);
                found_refs = found.iter().map(String::as_str).collect();
                Declared {
                    columns: &[],
                    keys: &found_refs,
                }
            }
        };
        let picked = resolve(&declared, names, self.format == Format::Json)?;
        if self.format == Format::Json {
            let cell = |row: usize, column: usize| table.rows.get(row).and_then(|r| r.get(column));
            let mut records: Vec<Value> = Vec::new();
            for (i, object) in objects.iter().enumerate() {
                let pairs = picked.iter().map(|(name, field)| {
                    let value = match *field {
                        Field::Key(key) => object.get(key).cloned().unwrap_or(Value::Null),
                        Field::Column(c) => match table.columns[c].key {
                            Some(key) => fields::at(object, key).clone(),
                            None => cell(i, c).map_or(Value::Null, Cell::json),
                        },
                        Field::Provenance(c, stale) => provenance_json(cell(i, c), stale),
                    };
                    (name.clone(), value)
                });
                records.push(fields::pick(pairs.collect()));
            }
            return match (single, records.pop()) {
                (true, Some(one)) => self.json(&one),
                (_, last) => {
                    records.extend(last);
                    self.json(&records)
                }
            };
        }
        let chosen = chosen_table(table, &objects, names, &picked);
        self.rows(&chosen)
    }

    /// `table` in a text format. JSON never reaches here: `table` and `selected` write it.
    fn rows(&mut self, table: &Table) -> Result<()> {
        match self.format {
            Format::Plain => {
                let (header, rows) = table.for_programs();
                self.plain(&header, &rows)
            }
            Format::Csv => {
                let (header, rows) = table.for_programs();
                self.csv(&header, &rows)
            }
            Format::Markdown => {
                self.markdown(&table.header(), &table.texts(true))?;
                self.legend(table, "\n")
            }
            Format::Table | Format::Json => {
                self.fitted(table, true)?;
                self.legend(table, "")
            }
        }
    }

    /// A table at the terminal, fitted to its width (see [`fit`]); when even its most
    /// important columns cannot fit, one row at a time, one field per line.
    fn fitted(&mut self, table: &Table, header: bool) -> Result<()> {
        let width = terminal_width();
        let heading: Vec<String> = table.columns.iter().map(|c| clean(&c.name)).collect();
        let texts: Vec<Vec<String>> = table
            .people_rows()
            .map(|row| row.iter().map(Cell::shown).collect())
            .collect();
        let Some(layout) = fit::layout(&table.columns, &heading, &texts, usize::from(width)) else {
            return self.blocks(table, usize::from(width));
        };
        let hidden = layout.hidden(table.columns.len());
        if hidden > 0 {
            let columns = if hidden == 1 { "column" } else { "columns" };
            self.message(&format!(
                "{hidden} {columns} hidden at {width} columns; --fields or a wider terminal shows them"
            ))?;
        }
        let rendered = self.comfy(table, &layout, &heading, header);
        writeln!(self.out, "{rendered}")?;
        Ok(())
    }

    /// A table too wide for the terminal, one row at a time, one field per line.
    fn blocks(&mut self, table: &Table, width: usize) -> Result<()> {
        for (i, row) in table.people_rows().enumerate() {
            if i > 0 {
                writeln!(self.out)?;
            }
            for (column, cell) in table.columns.iter().zip(row) {
                let text = clean(&cell.marked(true)).replace('\n', "; ");
                let line = format!("{}: {text}", clean(&column.name));
                for (j, part) in fit::wrap(&line, width.saturating_sub(2)).iter().enumerate() {
                    let indent = if j == 0 { "" } else { "  " };
                    writeln!(self.out, "{indent}{part}")?;
                }
            }
        }
        Ok(())
    }

    /// The legend of the table (what its marks mean, a total), under it.
    fn legend(&mut self, table: &Table, gap: &str) -> Result<()> {
        if !table.legend.is_empty() {
            write!(self.out, "{gap}")?;
            for line in &table.legend {
                writeln!(self.out, "{}", plain_cell(line))?;
            }
        }
        Ok(())
    }

    fn plain(&mut self, header: &[String], rows: &[Vec<String>]) -> Result<()> {
        let header = (!header.is_empty()).then_some(header);
        for row in header.into_iter().chain(rows.iter().map(Vec::as_slice)) {
            let cells: Vec<String> = row.iter().map(|c| plain_cell(c)).collect();
            writeln!(self.out, "{}", cells.join("\t"))?;
        }
        Ok(())
    }

    fn csv(&mut self, header: &[String], rows: &[Vec<String>]) -> Result<()> {
        write_csv(&mut self.out, header, rows)?;
        Ok(())
    }

    fn markdown(&mut self, header: &[String], rows: &[Vec<String>]) -> Result<()> {
        let line = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
            format!("| {} |", cells.join(" | "))
        };
        writeln!(self.out, "{}", line(header))?;
        writeln!(self.out, "|{}", "---|".repeat(header.len()))?;
        for row in rows {
            writeln!(self.out, "{}", line(row))?;
        }
        Ok(())
    }

    /// The table as comfy-table draws it, with each cell already laid out to its column's
    /// width, so that comfy-table only draws the borders and never breaks a line itself.
    fn comfy(
        &self,
        table: &Table,
        layout: &fit::Layout,
        heading: &[String],
        header: bool,
    ) -> comfy_table::Table {
        let mut rendered = comfy_table::Table::new();
        rendered
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        // hi decides about colour (NO_COLOR, --color): comfy-table must not decide again.
        if self.color {
            rendered.enforce_styling();
        } else {
            rendered.force_no_tty();
        }
        let shown = || layout.shown.iter().zip(&layout.widths);
        if header {
            rendered.set_header(shown().map(|(&i, &width)| {
                let cell = comfy_table::Cell::new(fit::lay_out(&heading[i], width, false));
                if self.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            }));
        }
        for row in table.people_rows() {
            rendered.add_row(shown().map(|(&i, &width)| {
                let cell = &row[i];
                let laid = fit::lay_out(&cell.shown(), width, table.columns[i].prose);
                let tone = cell.tone.filter(|_| self.color);
                let cell = comfy_table::Cell::new(laid);
                match tone {
                    Some(Tone::Good) => cell.fg(Color::Green),
                    Some(Tone::Bad) => cell.fg(Color::Red),
                    Some(Tone::Unsure) => cell.fg(Color::DarkYellow),
                    Some(Tone::Stale) => cell.fg(Color::Yellow),
                    None => cell,
                }
            }));
        }
        rendered
    }

    /// Bold text, when colour is on.
    fn bold(&self, text: &str) -> String {
        if self.color {
            bold(text)
        } else {
            text.to_string()
        }
    }
}

/// The names of `--fields`, each resolved against what the table declares, with the name it
/// takes in JSON; a name that is unknown, or names the same field twice (in `json`, two that
/// would print under the same key), is a usage error.
fn resolve<'a>(
    declared: &Declared<'a>,
    names: &[String],
    json: bool,
) -> Result<Vec<(String, Field<'a>)>> {
    let mut picked: Vec<(String, Field)> = Vec::new();
    for name in names {
        let Some(field) = declared.resolve(name) else {
            return Err(crate::error::usage(format!(
                "unknown field `{}` for --fields: {}",
                crate::sanitize::echo(name),
                declared.valid()
            )));
        };
        let key = match field {
            Field::Key(key) => key.to_string(),
            Field::Column(c) => fields::snake(&declared.columns[c].name),
            Field::Provenance(..) => name.clone(),
        };
        let twice = picked
            .iter()
            .zip(names)
            .find(|((k, f), _)| *f == field || (json && *k == key));
        if let Some(((_, earlier), first)) = twice {
            let named = match (first == name, *earlier == field) {
                (true, _) => format!("`{name}` is named twice in --fields"),
                (false, true) => format!("`{first}` and `{name}` name the same field in --fields"),
                (false, false) => format!("`{first}` and `{name}` both print as `{key}` in JSON"),
            };
            return Err(crate::error::usage(format!(
                "{}: name each field once",
                crate::sanitize::clean_line(&named)
            )));
        }
        picked.push((key, field));
    }
    Ok(picked)
}

fn provenance_json(cell: Option<&Cell>, stale: bool) -> Value {
    let provenance = cell.and_then(|c| c.provenance);
    match (provenance, stale) {
        (Some(p), false) => Value::String(p.source_kind.to_string()),
        (Some(Provenance { stale: Some(s), .. }), true) => Value::Bool(s),
        _ => Value::Null,
    }
}

/// The table of the fields chosen, for a text format: a column as the table shows it, a JSON
/// key as its JSON value, spread over one column per leaf when it is nested.
fn chosen_table(
    table: &Table,
    objects: &[&Value],
    names: &[String],
    picked: &[(String, Field)],
) -> Table {
    let mut columns: Vec<Column> = Vec::new();
    // Where each chosen column's text comes from: a leaf of the JSON, or a cell of the table.
    let mut sources: Vec<Field> = Vec::new();
    let mut leaves: Vec<String> = Vec::new();
    for (name, (_, field)) in names.iter().zip(picked) {
        match *field {
            Field::Key(key) => {
                let before = leaves.len();
                // A record without the value (null) adds no leaf; one that has it, all of its.
                for value in objects.iter().filter_map(|o| o.get(key)) {
                    if !value.is_null() {
                        fields::leaves(key, value, &mut leaves);
                    }
                }
                if leaves.len() == before {
                    leaves.push(key.to_string());
                }
                for leaf in &leaves[before..] {
                    columns.push(Column::named(leaf.clone()));
                    sources.push(Field::Key(""));
                }
            }
            Field::Column(c) => {
                let column = &table.columns[c];
                // Asked for by name, it is never hidden.
                columns.push(Column {
                    name: Cow::Owned(name.clone()),
                    provenance: None,
                    rank: 1,
                    ..column.clone()
                });
                sources.push(*field);
            }
            Field::Provenance(..) => {
                columns.push(Column::named(name.clone()));
                sources.push(*field);
            }
        }
    }
    let mut chosen = Table::declared(columns);
    for (i, object) in objects.iter().enumerate() {
        let mut leaf = leaves.iter();
        let cell = |c: usize| table.rows.get(i).and_then(|r| r.get(c));
        let cells = sources.iter().map(|source| match *source {
            Field::Key(_) => {
                let path: Vec<&str> = leaf.next().map_or(vec![], |l| l.split('.').collect());
                Cell::from(fields::leaf_text(object, &path))
            }
            Field::Column(c) => cell(c).cloned().unwrap_or_default(),
            Field::Provenance(c, stale) => Cell::from(
                provenance_texts(cell(c).and_then(|c| c.provenance))[usize::from(stale)].clone(),
            ),
        });
        chosen.rows.push(cells.collect());
    }
    if chosen.rows.iter().flatten().any(|c| c.mark.is_some()) {
        chosen.legend = table.legend.clone();
    }
    chosen
}

/// A terminal narrower than this (or one that reports 0 columns) gets tables this wide
/// rather than one letter per column: they overflow its lines but stay readable.
const MIN_WIDTH: u16 = 60;

/// The width to fit: COLUMNS wins, so output is the same at a fixed width in tests and
/// scripts; then the terminal's; off a terminal, 100 columns.
fn terminal_width() -> u16 {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok());
    let width = match columns {
        Some(width) => width,
        None if io::stdout().is_terminal() => comfy_table::Table::new().width().unwrap_or(100),
        None => 100,
    };
    width.max(MIN_WIDTH)
}

/// The names `--fields` takes, from declared columns and JSON keys: the columns' (and their
/// provenance columns'), then the keys.
pub fn field_names(columns: &[Column], keys: &[&str]) -> (Vec<String>, Vec<String>) {
    fields::Declared { columns, keys }.names()
}

/// The field list of a command's `--help`, from its declared columns and JSON keys.
pub fn fields_help(columns: &[Column], keys: &[&str]) -> String {
    fields::help(columns, keys)
}

/// Text in bold (SGR 1), for a stream known to take colour.
pub fn bold(text: &str) -> String {
    format!("\u{1b}[1m{text}\u{1b}[0m")
}

/// A cell for tab-separated output: one line, no tabs (the cleaning turns a tab into a space).
fn plain_cell(text: &str) -> String {
    clean(text).replace('\n', "; ")
}

/// `header` and `rows` as CSV (RFC 4180, lines ending CRLF), every cell as [`csv_cell`] makes
/// it: the one CSV writer, of every `--format csv` and of the audit pack's log.
pub(crate) fn write_csv<W: Write>(
    out: W,
    header: &[String],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    // As I/O errors, so that a closed pipe is known for one.
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        writer
            .write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(io) => io,
                other => io::Error::other(format!("{other:?}")),
            })?;
    }
    writer.flush()
}

/// A cell for CSV: the csv writer quotes it as RFC 4180 says; a cell a spreadsheet would run
/// as a formula (one that begins with `=`, `+`, `-` or `@`, and is not a finite number: `-inf`
/// and `+NaN` read as names) gets a leading `'`, as OWASP advises, so that it stays text.
fn csv_cell(text: &str) -> String {
    let text = clean(text);
    let number = text.parse::<f64>().is_ok_and(f64::is_finite);
    match text.starts_with(['=', '+', '-', '@']) && !number {
        true => format!("'{text}"),
        false => text,
    }
}

/// A cell for a Markdown table: one line; the characters that would end the cell (`|`), start
/// a link (`[`, `]`) or escape (`\`) escaped, and `<`, `>`, `&` as HTML entities, so that no
/// text can close the table, forge a heading or slip HTML into a page.
fn markdown_cell(text: &str) -> String {
    let cleaned = clean(text);
    let escaped = html_escape::encode_text(&cleaned);
    let mut cell = String::with_capacity(escaped.len());
    for c in escaped.chars() {
        match c {
            '\\' | '|' | '[' | ']' => {
                cell.push('\\');
                cell.push(c);
            }
            '\n' => cell.push_str("<br>"),
            c => cell.push(c),
        }
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fit_their_format() {
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(
            markdown_cell("</table>\n# Forged & [link](x)"),
            "&lt;/table&gt;<br># Forged &amp; \\[link\\](x)"
        );
        assert_eq!(plain_cell("a\tb\nc\r"), "a b; c");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+9% (2024–34)"), "'+9% (2024–34)");
        assert_eq!(csv_cell("-3"), "-3");
        assert_eq!(csv_cell("@sum"), "'@sum");
        // Rust reads these as numbers; a spreadsheet reads a name.
        for name in ["-inf", "+NaN", "-infinity"] {
            assert_eq!(csv_cell(name), format!("'{name}"));
        }
        assert_eq!(csv_cell("+1e5"), "+1e5");
        assert_eq!(csv_cell("plain, text"), "plain, text");
    }

    #[test]
    fn provenance_reads_as_its_own_columns() {
        let mut table = Table::with_keys(
            &[
                Column::new("ID").key("id"),
                Column::new("As of").provenance(""),
            ],
            &["id"],
        );
        let provenance = Some(Provenance {
            source_kind: "third-party",
            stale: Some(true),
        });
        table.row(vec![
            Cell::from("a"),
            Cell {
                mark: Some("†*"),
                provenance,
                ..Cell::from("2020")
            },
        ]);
        table.row(vec![Cell::from("b"), Cell::from("undated")]);
        let (header, rows) = table.for_programs();
        assert_eq!(header, ["ID", "As of", "source_kind", "stale"]);
        assert_eq!(rows[0], ["a", "2020", "third-party", "true"]);
        assert_eq!(rows[1], ["b", "undated", "", ""]);
        assert_eq!(table.texts(true)[0], ["a", "2020 †*"]);
    }
}
