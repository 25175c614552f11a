//! Writes a valid synthetic catalog, SCALE times the size of the shipped one, into DIR:
//!
//!     cargo run --release --example gen-catalog -- --scale 100 DIR
//!     cargo run --release --example gen-catalog -- --scale 100 --certifications 1000 \
//!         --roles 1000 --skills 5000 DIR
//!
//! Every shipped record is copied SCALE times (or as often as a count given for its kind
//! needs, rounded up to whole copies); copy k of a record gets the id `ID-xK`, and every
//! reference it declares points at copy k of its target (k modulo the copies of that kind), so
//! texts keep their real lengths and every reference resolves. The references are those each
//! record declares for validation, so a new kind or reference field needs nothing here.
//! `hi --data-dir DIR` loads the result like a user's copy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hi::catalog::Catalog;
use hi::load::{FILES, Texts, build};
use hi::model::Kind;
use hi::record::Step;
use toml::{Table, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((options, dir)) = parse(&args) else {
        eprintln!("usage: gen-catalog --scale N [--certifications N] [--roles N] [--skills N] DIR");
        return ExitCode::from(2);
    };
    let shipped = Catalog::parsed(build(&Texts::embedded()).expect("the shipped data is valid"));
    let copies: BTreeMap<Kind, usize> = Kind::ALL
        .iter()
        .map(|&kind| {
            let shipped = shipped.records_of(kind).count().max(1);
            // A count is met in whole copies, so it is rounded up: cutting a copy short would
            // leave references to the records cut.
            let wanted = options.counts.get(kind.plural());
            (
                kind,
                wanted.map_or(options.scale, |n| n.div_ceil(shipped)).max(1),
            )
        })
        .collect();
    match write(&shipped, &copies, &dir) {
        Ok(written) => {
            eprintln!("gen-catalog: wrote {written} records to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("gen-catalog: cannot write {}: {error}", dir.display());
            ExitCode::FAILURE
        }
    }
}

/// `--scale`, and the record counts asked for by kind.
struct Options {
    scale: usize,
    counts: BTreeMap<String, usize>,
}

fn parse(args: &[String]) -> Option<(Options, PathBuf)> {
    let (dir, flags) = args.split_last()?;
    let mut options = Options {
        scale: 0,
        counts: BTreeMap::new(),
    };
    for pair in flags.chunks(2) {
        let [flag, value] = pair else { return None };
        let value: usize = value.parse().ok().filter(|v| *v >= 1)?;
        match flag.as_str() {
            "--scale" => options.scale = value,
            "--certifications" | "--roles" | "--skills" => {
                options.counts.insert(flag[2..].to_string(), value);
            }
            _ => return None,
        }
    }
    (options.scale >= 1).then(|| (options, PathBuf::from(dir)))
}

/// The id of copy `k` of the record `id` of `kind` (copy 0 keeps the shipped id).
fn copy_id(copies: &BTreeMap<Kind, usize>, kind: Kind, id: &str, k: usize) -> String {
    match k % copies[&kind] {
        0 => id.to_string(),
        k => format!("{id}-x{k}"),
    }
}

/// Writes every file: `about.toml` as shipped, and each kind's records copied. Each copy is
/// the record as written in the shipped file, with its id and declared references renamed.
fn write(
    shipped: &Catalog,
    copies: &BTreeMap<Kind, usize>,
    dir: &Path,
) -> Result<usize, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("about.toml"), FILES[0].1)?;
    let mut written = 0;
    for &kind in Kind::ALL {
        let text = FILES
            .iter()
            .find(|(name, _)| *name == kind.file())
            .map_or("", |(_, t)| t);
        let mut file: Table = toml::from_str(text)?;
        let written_records = match file.remove(kind.key()) {
            Some(Value::Array(records)) => records,
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for k in 0..copies[&kind] {
            for (record, typed) in written_records.iter().zip(shipped.records_of(kind)) {
                let mut record = record.clone();
                set(
                    &mut record,
                    &[Step::Key("id")],
                    copy_id(copies, kind, typed.id(), k),
                );
                for (i, former) in typed.former_ids().iter().enumerate() {
                    let path = [Step::Key("former_ids"), Step::Index(i)];
                    set(&mut record, &path, copy_id(copies, kind, former, k));
                }
                for link in typed.declared().links {
                    set(
                        &mut record,
                        link.path.steps(),
                        copy_id(copies, link.target, link.id, k),
                    );
                }
                out.push(record);
            }
        }
        written += out.len();
        let file = Table::from_iter([(kind.key().to_string(), Value::Array(out))]);
        std::fs::write(dir.join(kind.file()), toml::to_string(&file)?)?;
    }
    Ok(written)
}

/// Replaces the string at `path` in a record as written.
fn set(value: &mut Value, path: &[Step], to: String) {
    let mut value = value;
    for step in path {
        let next = match step {
            Step::Key(key) => value.as_table_mut().and_then(|t| t.get_mut(*key)),
            Step::Index(i) => value.as_array_mut().and_then(|a| a.get_mut(*i)),
        };
        match next {
            Some(next) => value = next,
            None => return,
        }
    }
    *value = Value::String(to);
}
