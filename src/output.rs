//! The one place that writes to stdout: tables, plain text, JSON, CSV and Markdown, from one
//! [`Table`] or [`Detail`] built by a command and the records it serializes.

use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{Attribute, Color, ContentArrangement, presets};
use serde::Serialize;
use serde_json::Value;

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

/// A table cell: its text, and what it means to the eye. The meaning is given where the
/// value is known (an unknown figure, a status), never read back from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
    /// A sign after the text, explained by the table's legend, in the formats people read
    /// (`table`, `markdown`); the formats for programs carry the text alone.
    pub mark: Option<&'static str>,
}

impl Cell {
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone: Some(tone),
            mark: None,
        }
    }

    /// A value no source gives.
    pub fn unknown() -> Cell {
        Cell::new("unknown", Tone::Unsure)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            tone: None,
            mark: None,
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

impl Cell {
    fn marked(&self, marks: bool) -> String {
        match self.mark.filter(|_| marks) {
            Some(mark) => format!("{} {mark}", self.text),
            None => self.text.clone(),
        }
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Rows under a header: a list of records, or a comparison.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// What the marks in the cells mean, shown under the table where marks are.
    pub legend: Vec<String>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table::with_header(header.iter().map(|h| h.to_string()).collect())
    }

    pub fn with_header(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
            legend: Vec::new(),
        }
    }

    pub fn row<C: Into<Cell>>(&mut self, cells: Vec<C>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// The rows as text alone, for the formats that carry no colour; with `marks`, each cell's
    /// mark after its text.
    fn texts(&self, marks: bool) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| row.iter().map(|c| c.marked(marks)).collect())
            .collect()
    }
}

/// One column per item, one row per attribute: the shape of every comparison.
pub struct SideBySide<'a, T> {
    items: &'a [&'a T],
    pub table: Table,
}

impl<'a, T> SideBySide<'a, T> {
    /// `corner` heads the column of row labels.
    pub fn new(corner: &str, items: &'a [&'a T], name: impl Fn(&T) -> String) -> Self {
        let mut header = vec![corner.to_string()];
        header.extend(items.iter().map(|item| name(item)));
        SideBySide {
            items,
            table: Table::with_header(header),
        }
    }

    pub fn row<C: Into<Cell>>(&mut self, label: &str, cell: impl Fn(&T) -> C) {
        let mut cells = vec![Cell::from(label)];
        cells.extend(self.items.iter().map(|item| cell(item).into()));
        self.table.row(cells);
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
    /// `--fields`: the keys to keep, in order.
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
    /// command can skip building the view for people.
    pub fn data_only(&self) -> bool {
        self.format == Format::Json || self.fields.is_some()
    }

    /// A list or comparison: `table` for people, `json` for JSON and for `--fields`.
    pub fn table<T: Serialize + ?Sized>(&mut self, table: &Table, json: &T) -> Result<()> {
        if let Some(fields) = self.fields.clone() {
            return self.selected(json, &fields);
        }
        match self.format {
            Format::Json => self.json(json),
            _ => self.rows(table),
        }
    }

    /// One record in full.
    pub fn detail<T: Serialize + ?Sized>(&mut self, detail: &Detail, json: &T) -> Result<()> {
        if let Some(fields) = self.fields.clone() {
            return self.selected(json, &fields);
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
            Format::Markdown => {
                writeln!(self.out, "## {}\n", markdown_cell(&detail.title))?;
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
            Format::Table => {
                let width = usize::from(terminal_width().unwrap_or(u16::MAX));
                for line in wrap(&clean(&detail.title), width) {
                    let line = self.bold(&line);
                    writeln!(self.out, "{line}")?;
                }
                let mut fields = Table::new(&[]);
                for (label, value) in &detail.fields {
                    fields.row(vec![label.into(), value.clone()]);
                }
                let rendered = self.comfy(&fields);
                writeln!(self.out, "{rendered}")?;
                for (heading, lines) in &detail.sections {
                    let heading = self.bold(&format!("{}:", clean(heading)));
                    writeln!(self.out, "\n{heading}")?;
                    for line in lines {
                        for (i, part) in wrap(&clean(line), width.saturating_sub(4))
                            .iter()
                            .enumerate()
                        {
                            let bullet = if i == 0 { "  - " } else { "    " };
                            writeln!(self.out, "{bullet}{part}")?;
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// Messages one per line, as compilers print them (`file:line:column: message`), so that
    /// editors and grep can use them; JSON as usual.
    pub fn lines<T: Serialize + ?Sized>(&mut self, lines: &[String], json: &T) -> Result<()> {
        match self.format {
            Format::Plain | Format::Table if self.fields.is_none() => {
                for line in lines {
                    writeln!(self.out, "{}", plain_cell(line))?;
                }
                Ok(())
            }
            _ => {
                let mut table = Table::new(&["Message"]);
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
        serde_json::to_writer_pretty(&mut self.out, value)?;
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

    /// `--fields`: only the keys asked for, in that order, in any format.
    fn selected<T: Serialize + ?Sized>(&mut self, json: &T, fields: &[String]) -> Result<()> {
        let value = serde_json::to_value(json)?;
        let (objects, single) = match &value {
            Value::Array(items) => (items.iter().collect::<Vec<_>>(), false),
            other => (vec![other], true),
        };
        let mut valid: Vec<&str> = Vec::new();
        for object in &objects {
            if let Value::Object(map) = object {
                for key in map.keys() {
                    if !valid.contains(&key.as_str()) {
                        valid.push(key);
                    }
                }
            }
        }
        for (i, field) in fields.iter().enumerate() {
            if fields[..i].contains(field) {
                return Err(crate::error::usage(format!(
                    "`{field}` is named twice in --fields: name each field once"
                )));
            }
            if !valid.contains(&field.as_str()) {
                return Err(crate::error::usage(format!(
                    "unknown field `{field}` for --fields: valid fields are {}",
                    valid.join(", ")
                )));
            }
        }
        let pick = |object: &Value| -> serde_json::Map<String, Value> {
            fields
                .iter()
                .map(|f| (f.clone(), object.get(f).cloned().unwrap_or(Value::Null)))
                .collect()
        };
        if self.format == Format::Json {
            let mut picked: Vec<Value> = objects.iter().map(|o| Value::Object(pick(o))).collect();
            return match (single, picked.pop()) {
                (true, Some(one)) => self.json(&one),
                (_, last) => {
                    picked.extend(last);
                    self.json(&picked)
                }
            };
        }
        let mut table = Table::with_header(fields.to_vec());
        for object in objects {
            table.row(fields.iter().map(|f| text(object.get(f))).collect());
        }
        self.rows(&table)
    }

    /// `table` in a text format. JSON never reaches here: `table` and `selected` write it.
    fn rows(&mut self, table: &Table) -> Result<()> {
        match self.format {
            Format::Plain => self.plain(&table.header, &table.texts(false)),
            Format::Csv => self.csv(&table.header, &table.texts(false)),
            Format::Markdown => {
                self.markdown(&table.header, &table.texts(true))?;
                self.legend(table, "\n")
            }
            Format::Table | Format::Json => {
                let width = usize::from(terminal_width().unwrap_or(u16::MAX));
                if fits(table, width) {
                    let rendered = self.comfy(table);
                    writeln!(self.out, "{rendered}")?;
                } else {
                    self.blocks(table, width)?;
                }
                self.legend(table, "")
            }
        }
    }

    /// A table too wide for the terminal, one row at a time, one field per line.
    fn blocks(&mut self, table: &Table, width: usize) -> Result<()> {
        for (i, row) in table.rows.iter().enumerate() {
            if i > 0 {
                writeln!(self.out)?;
            }
            for (header, cell) in table.header.iter().zip(row) {
                let text = clean(&cell.marked(true)).replace('\n', "; ");
                let line = format!("{}: {text}", clean(header));
                for (j, part) in wrap(&line, width.saturating_sub(2)).iter().enumerate() {
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
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut self.out);
        // As I/O errors, so that a closed pipe is known for one.
        for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
            writer
                .write_record(row.iter().map(|c| clean(c)))
                .map_err(|e| match e.into_kind() {
                    csv::ErrorKind::Io(io) => io,
                    other => io::Error::other(format!("{other:?}")),
                })?;
        }
        writer.flush()?;
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

    fn comfy(&self, table: &Table) -> comfy_table::Table {
        let mut rendered = comfy_table::Table::new();
        rendered
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = terminal_width() {
            rendered.set_width(width);
        }
        // hi decides about colour (NO_COLOR, --color): comfy-table must not decide again.
        if self.color {
            rendered.enforce_styling();
        } else {
            rendered.force_no_tty();
        }
        if !table.header.is_empty() {
            rendered.set_header(table.header.iter().map(|h| {
                let cell = comfy_table::Cell::new(clean(h));
                if self.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            }));
        }
        for row in &table.rows {
            rendered.add_row(row.iter().map(|cell| {
                let tone = cell.tone.filter(|_| self.color);
                let cell = comfy_table::Cell::new(clean(&cell.marked(true)));
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

/// A terminal narrower than this (or one that reports 0 columns) gets tables this wide
/// rather than one letter per column: they overflow its lines but stay readable.
const MIN_WIDTH: u16 = 60;

/// The width to fit: COLUMNS wins, so output is the same at a fixed width in tests and
/// scripts; then the terminal's; off a terminal, 100 columns.
fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok());
    let width = match columns {
        Some(width) => Some(width),
        None if io::stdout().is_terminal() => comfy_table::Table::new().width(),
        None => Some(100),
    };
    width.map(|w| w.max(MIN_WIDTH))
}

/// Whether a table fits `width` columns with no heading cut inside a word: each column as
/// wide as its heading's longest word, plus borders and padding. Cells wrap within that.
fn fits(table: &Table, width: usize) -> bool {
    let longest_word = |text: &str| {
        text.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let needed: usize = table.header.iter().map(|h| longest_word(h) + 3).sum();
    needed < width
}

/// `text` broken into lines of at most `width` characters, at spaces where it can be; a word
/// longer than a line (a URL) is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        while line.chars().count() + word.len() > width {
            let room = width - line.chars().count();
            line.extend(word.drain(..room));
            lines.push(std::mem::take(&mut line));
        }
        line.extend(word);
    }
    lines.push(line);
    lines
}

/// Text in bold (SGR 1), for a stream known to take colour.
pub fn bold(text: &str) -> String {
    format!("\u{1b}[1m{text}\u{1b}[0m")
}

/// A JSON value as one cell: strings as they are, lists joined, objects as compact JSON.
fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.iter().all(|i| !i.is_object()) => items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// A cell for tab-separated output: one line, no tabs.
fn plain_cell(text: &str) -> String {
    clean(text).replace('\n', "; ")
}

/// A cell for a Markdown table: one line, pipes escaped.
fn markdown_cell(text: &str) -> String {
    clean(text).replace('|', "\\|").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("aaa bbb ccc", 10), ["aaa bbb", "ccc"]);
        assert_eq!(
            wrap("https://example.org/long/path", 10),
            ["https://ex", "ample.org/", "long/path"]
        );
        assert_eq!(wrap("", 10), [""]);
        for line in wrap(&"word ".repeat(50), 23) {
            assert!(line.chars().count() <= 23);
        }
    }

    #[test]
    fn cells_fit_their_format() {
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(plain_cell("a\tb\nc"), "a b; c");
        assert_eq!(text(Some(&serde_json::json!(["a", "b"]))), "a; b");
        assert_eq!(text(Some(&serde_json::json!({"k": 1}))), "{\"k\":1}");
        assert_eq!(text(Some(&Value::Null)), "");
    }
}
