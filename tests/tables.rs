//! Tables at the widths people use, and every format safe for its reader: ids, amounts and
//! dates never cut, rows kept short, hostile names escaped.

use serde_json::Value;

use crate::common::{Hi, KINDS, data_copy};

const WIDTHS: [u16; 4] = [60, 80, 100, 160];

/// `hi ARGS` as a table `columns` wide: its stdout and stderr.
fn table(args: &[&str], columns: u16) -> (String, String) {
    let ran = Hi::new()
        .args(args)
        .args(&["--format", "table", "--color", "never"])
        .columns(columns)
        .run();
    assert_eq!(ran.code, 0, "{args:?} at {columns}: {}", ran.stderr);
    (ran.stdout, ran.stderr)
}

/// A value as a table shows it, when it is an id, an amount or a date: an `id` as it is, a
/// `*_usd` and `amount_cents` as money, an `as_of`, `enacted` or `retrieved` date as written.
fn token(key: &str, value: &Value) -> Option<String> {
    match (key, value) {
        ("id", Value::String(id)) => Some(id.clone()),
        (k, Value::Number(n)) if k.ends_with("_usd") => {
            Some(format!("${}", hi::show::thousands(n.as_u64().unwrap())))
        }
        ("amount_cents", Value::Number(n)) => Some(hi::show::cents(n.as_u64().unwrap())),
        (k, Value::String(date)) if k.ends_with("as_of") || k == "enacted" || k == "retrieved" => {
            Some(date.clone())
        }
        _ => None,
    }
}

/// Every id, amount and date of a record shown in full, however deep.
fn every_token(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|i| every_token(i, found)),
        Value::Object(object) => {
            for (key, value) in object {
                found.extend(token(key, value));
                every_token(value, found);
            }
        }
        _ => {}
    }
}

/// The ids of a list, and the amounts and dates of the columns it declares (a column the
/// terminal is too narrow for is hidden whole; those of ids, amounts and dates are ranked to
/// stay at 60 columns).
fn list_tokens(command: &str, list: &Value, found: &mut Vec<String>) {
    let (columns, _) = hi::cmd::declared(command).expect("a list declares its columns");
    for record in list.as_array().unwrap() {
        found.extend(token("id", &record["id"]));
        for key in columns.iter().filter_map(|c| c.key) {
            let value = key.split('.').fold(record, |v, k| &v[k]);
            let leaf = key.rsplit('.').next().unwrap();
            found.extend(token(leaf, value));
        }
    }
}

/// The rows of the bordered tables in `out`, each as the lines it takes: a row starts on a
/// line whose first cell has text, and goes on over the lines whose first cell is empty.
fn rows(out: &str) -> Vec<Vec<&str>> {
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut in_body = false;
    for line in out.lines() {
        if line.starts_with('╞') || line.starts_with('┌') {
            in_body = true;
            continue;
        }
        if line.starts_with('└') {
            in_body = false;
        }
        let Some(cells) = line.strip_prefix("│ ").filter(|_| in_body) else {
            continue;
        };
        let first = cells.split(['┆', '│']).next().unwrap_or_default().trim();
        match (first.is_empty(), rows.last_mut()) {
            (true, Some(row)) => row.push(line),
            _ => rows.push(vec![line]),
        }
    }
    rows
}

/// The Done-when of issue 23: every list and detail command at 60, 80, 100 and 160 columns
/// shows every id, amount and date of its JSON whole, and at 80 columns no row of a table
/// takes more than three lines.
#[test]
fn every_list_and_detail_keeps_ids_amounts_and_dates_whole() {
    for (command, id) in KINDS {
        for args in [vec![command], vec![command, id]] {
            let json = Hi::new().args(&args).json();
            let mut wanted = Vec::new();
            match args.len() {
                1 => list_tokens(command, &json, &mut wanted),
                _ => every_token(&json, &mut wanted),
            }
            assert!(!wanted.is_empty(), "{args:?}");
            for columns in WIDTHS {
                let (out, _) = table(&args, columns);
                for token in &wanted {
                    assert!(
                        out.contains(token.as_str()),
                        "{args:?} at {columns} columns: `{token}` is not whole in\n{out}"
                    );
                }
                if columns != 80 {
                    continue;
                }
                for row in rows(&out) {
                    assert!(
                        row.len() <= 3,
                        "{args:?}: a row of {} lines:\n{out}",
                        row.len()
                    );
                }
            }
        }
    }
}

#[test]
fn a_narrow_table_hides_what_matters_least_and_says_so_once() {
    let (wide, quiet) = table(&["certs"], 160);
    assert!(quiet.is_empty(), "{quiet}");
    assert!(wide.contains("Renewal") && wide.contains("Level"));
    let (narrow, note) = table(&["certs"], 60);
    assert!(!narrow.contains("Renewal") && narrow.contains("Non-member"));
    assert_eq!(note.lines().count(), 1, "{note}");
    assert!(
        note.starts_with("hi: ")
            && note.ends_with(
                " columns hidden at 60 columns; --fields or a wider terminal shows them\n"
            ),
        "{note}"
    );
    // Asked for, a hidden column comes back.
    let ran = Hi::new()
        .args(&["certs", "--format", "table", "--fields", "id,renewal"])
        .columns(60)
        .run();
    assert!(ran.stdout.contains("Renewal") || ran.stdout.contains("renewal"));
    // Free prose is shortened at a word boundary, never wrapped past three lines.
    let (paths, _) = table(&["paths"], 100);
    assert!(paths.contains('…'), "{paths}");
    for line in paths.lines().filter(|l| l.contains('…')) {
        assert!(!line.contains(" …") && !line.contains(",…"), "{line}");
    }
}

#[test]
fn a_comparison_keeps_every_item_and_a_detail_every_word() {
    let (compare, note) = table(&["compare", "cahims", "cphims", "rhit", "rhia"], 80);
    assert!(note.is_empty(), "{note}");
    for name in ["CAHIMS", "CPHIMS", "RHIT", "RHIA"] {
        assert!(compare.contains(name), "{compare}");
    }
    let full = Hi::new().args(&["certs", "rhit", "--format", "plain"]).ok();
    let (detail, _) = table(&["certs", "rhit"], 60);
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| c.is_whitespace() || "│┆─┌┐└┘┬┴╞╪═╡".contains(c))
            .map(|w| w.trim_end_matches(':'))
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let shown = words(&detail);
    for word in words(&full.replace('\t', " ")) {
        let label = ["Title", "Field", "Value"].contains(&word.as_str());
        assert!(
            label || shown.contains(&word),
            "`{word}` is missing:\n{detail}"
        );
    }
}

/// A copy of the fixture catalog whose first certification and role have hostile names.
fn hostile_catalog() -> tempfile::TempDir {
    let dir = data_copy();
    let hostile = r#"name = "=HYPERLINK(\"http://x\")</td>|<script>alert(1)</script>\n# Forged [link](javascript:x) & more\tend\u001b[2J\u202egnp.exe""#;
    for (file, name) in [
        ("certifications.toml", "name = \"CAHIMS\""),
        ("roles.toml", "name = \"Health information analyst\""),
    ] {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(name), "{file}");
        std::fs::write(&path, text.replacen(name, hostile, 1)).unwrap();
    }
    dir
}

#[test]
fn hostile_names_are_escaped_for_every_reader() {
    let dir = hostile_catalog();
    let hi = |args: &[&str], format: &str| {
        let ran = Hi::new()
            .env("HI_DATA_DIR", dir.path())
            .args(args)
            .args(&["--format", format, "--color", "never"])
            .columns(100)
            .run();
        assert_eq!(ran.code, 0, "{args:?} {format}: {}", ran.stderr);
        ran.stdout
    };
    for args in [
        vec!["certs"],
        vec!["certs", "cahims"],
        vec!["roles"],
        vec!["compare", "cahims", "cphims"],
        vec!["search", "hyperlink"],
    ] {
        let markdown = hi(&args, "markdown");
        assert!(
            !markdown.contains("<script") && !markdown.contains("</td>"),
            "{markdown}"
        );
        assert!(markdown.contains("&lt;script&gt;") && markdown.contains("&amp;"));
        assert!(markdown.contains("\\[link\\]") && markdown.contains("\\|"));
        for line in markdown.lines() {
            assert!(
                !line.starts_with("# ") && !line.starts_with("#\t"),
                "{line}"
            );
        }
        let header = markdown.lines().find(|l| l.starts_with('|')).unwrap();
        let cells = |line: &str| line.replace("\\|", "").matches('|').count();
        for line in markdown.lines().filter(|l| l.starts_with('|')) {
            assert_eq!(cells(line), cells(header), "{args:?}: {line}");
        }

        let csv_text = hi(&args, "csv");
        let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
        let width = reader.headers().unwrap().len();
        let mut records: Vec<csv::StringRecord> = vec![reader.headers().unwrap().clone()];
        records.extend(reader.records().map(Result::unwrap));
        assert!(records.iter().all(|r| r.len() == width), "{csv_text}");
        let formula = records.iter().flatten().find(|c| c.contains("HYPERLINK"));
        assert!(formula.is_some_and(|c| c.starts_with("'=")), "{csv_text}");
        assert!(records.iter().flatten().all(|c| !c.starts_with('=')));

        let plain = hi(&args, "plain");
        let tabs = plain.lines().next().unwrap().matches('\t').count();
        for line in plain.lines() {
            assert_eq!(line.matches('\t').count(), tabs, "{args:?}: {line}");
        }
        // JSON keeps every character, but writes what a terminal would act on as an escape.
        let text = hi(&args, "json");
        assert!(!text.contains(['\u{1b}', '\u{202e}']), "{text}");
        let json: Value = serde_json::from_str(&text).unwrap();
        assert!(json.to_string().contains("<script>alert(1)</script>"));
        assert!(json.to_string().contains("end\\u001b[2J\u{202e}gnp.exe"));
        let table = hi(&args, "table");
        assert!(
            !table.contains('\t') && !table.contains('\u{1b}'),
            "{table}"
        );
    }
}
