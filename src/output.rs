//! The one place that writes to stdout: tables, plain text and JSON, from one [`Table`] or
//! [`Detail`] built by a command and the records it serializes.

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

use anyhow::Result;
use comfy_table::{ContentArrangement, presets};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Bordered table, fitted to the terminal width
    Table,
    /// Tab-separated rows, no borders, no colour: for cut, awk and sort
    Plain,
    /// JSON, for jq and scripts
    Json,
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

/// Rows under a header: a list of records, or a comparison.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// One record in full: a title, labelled fields, then sections of lines (linked records,
/// history, notes, sources).
pub struct Detail {
    pub title: String,
    pub fields: Vec<(String, String)>,
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

    pub fn field(&mut self, label: &str, value: impl Into<String>) {
        self.fields.push((label.to_string(), value.into()));
    }

    /// A section; an empty one is left out.
    pub fn section(&mut self, heading: &str, lines: Vec<String>) {
        if !lines.is_empty() {
            self.sections.push((heading.to_string(), lines));
        }
    }
}

pub struct Output {
    pub format: Format,
    out: BufWriter<StdoutLock<'static>>,
}

impl Output {
    pub fn new(format: Format) -> Output {
        Output {
            format,
            out: BufWriter::new(io::stdout().lock()),
        }
    }

    /// A list or comparison: `table` as a table or tab-separated rows, `json` as JSON.
    pub fn table<T: Serialize + ?Sized>(&mut self, table: &Table, json: &T) -> Result<()> {
        match self.format {
            Format::Json => self.json(json),
            Format::Plain => {
                for row in std::iter::once(&table.header).chain(&table.rows) {
                    let cells: Vec<String> = row.iter().map(|c| plain_cell(c)).collect();
                    writeln!(self.out, "{}", cells.join("\t"))?;
                }
                Ok(())
            }
            Format::Table => {
                let mut rendered = new_table();
                rendered.set_header(table.header.iter().map(|h| clean(h)));
                for row in &table.rows {
                    rendered.add_row(row.iter().map(|c| clean(c)));
                }
                writeln!(self.out, "{rendered}")?;
                Ok(())
            }
        }
    }

    /// One record in full.
    pub fn detail<T: Serialize + ?Sized>(&mut self, detail: &Detail, json: &T) -> Result<()> {
        match self.format {
            Format::Json => self.json(json),
            Format::Plain => {
                for (label, value) in &detail.fields {
                    writeln!(self.out, "{}\t{}", plain_cell(label), plain_cell(value))?;
                }
                for (heading, lines) in &detail.sections {
                    for line in lines {
                        writeln!(self.out, "{}\t{}", plain_cell(heading), plain_cell(line))?;
                    }
                }
                Ok(())
            }
            Format::Table => {
                writeln!(self.out, "{}", clean(&detail.title))?;
                let mut fields = new_table();
                for (label, value) in &detail.fields {
                    fields.add_row([clean(label), clean(value)]);
                }
                writeln!(self.out, "{fields}")?;
                for (heading, lines) in &detail.sections {
                    writeln!(self.out, "\n{}:", clean(heading))?;
                    for line in lines {
                        writeln!(self.out, "  - {}", clean(line))?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Pretty JSON and a final newline: the one JSON writer of every command.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer_pretty(&mut self.out, value)?;
        writeln!(self.out)?;
        Ok(())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn new_table() -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    // COLUMNS wins, so output is the same at a fixed width in tests and scripts; off a
    // terminal comfy-table cannot measure one, so fall back to 100 columns.
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok());
    match width {
        Some(width) => {
            table.set_width(width.max(20));
        }
        None if !io::stdout().is_terminal() => {
            table.set_width(100);
        }
        None => {}
    }
    table
}

/// Text from data files, stripped of control characters so that a data file cannot move the
/// cursor or change colours; newlines stay, as they break lines inside table cells.
pub fn clean(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // An escape sequence: drop the ESC and the bracketed parameters that follow it.
            '\u{1b}' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    while let Some(&next) = chars.peek() {
                        chars.next();
                        if next.is_ascii_alphabetic() || next == '~' {
                            break;
                        }
                    }
                }
            }
            '\n' => cleaned.push('\n'),
            '\t' => cleaned.push(' '),
            c if c.is_control() => {}
            c => cleaned.push(c),
        }
    }
    cleaned
}

/// A cell for tab-separated output: one line, no tabs.
fn plain_cell(text: &str) -> String {
    clean(text).replace('\n', "; ")
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn clean_strips_escapes_and_controls() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("bell\u{7}\r\tx\ny"), "bell x\ny");
        assert_eq!(clean("plain é – text"), "plain é – text");
    }
}
