//! Compiles `data/*.toml` into the binary in a form that needs no parsing at run time.
//!
//! The TOML stays the one source of truth: this script parses and validates it with the same
//! code `hi` uses on a `--data-dir` (`src/model.rs`, `src/load.rs`) and fails the build with
//! every problem if the data is invalid. Each record is then encoded on its own with postcard,
//! with an index by id, so that `hi` decodes only the records a command needs: the encoding of
//! `src/encode.rs`, which the cache of a `--data-dir` shares.

// The shared modules hold run-time helpers the build does not call.
#![allow(dead_code)]

#[path = "src/encode.rs"]
mod encode;
#[path = "src/ladder.rs"]
mod ladder;
#[path = "src/load.rs"]
mod load;
#[path = "src/model.rs"]
mod model;
#[path = "src/read.rs"]
mod read;
#[path = "src/record.rs"]
mod record;

use std::fmt::Write;
use std::path::PathBuf;

/// The sources that decide what validated data is and how it is encoded: a change to any of
/// them is a new data format, and a cache written under the old one is not read.
const FORMAT_SOURCES: [&str; 4] = [
    "src/model.rs",
    "src/record.rs",
    "src/load.rs",
    "src/encode.rs",
];

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/ladder.rs");
    println!("cargo::rerun-if-changed=src/read.rs");
    let mut format = std::env::var("CARGO_PKG_VERSION")
        .expect("cargo sets it")
        .into_bytes();
    for source in FORMAT_SOURCES {
        println!("cargo::rerun-if-changed={source}");
        format.extend(std::fs::read(source).expect("the sources are there"));
    }
    println!(
        "cargo::rustc-env=HI_DATA_FORMAT={:016x}",
        encode::fingerprint(&format)
    );
    // A position-independent executable spends a fifth of a short run having the loader
    // relocate it; hi is run often and briefly, so on Linux it is linked at a fixed address.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let data = match load::build(&load::Texts::embedded()) {
        Ok(data) => data,
        Err(problems) => {
            for problem in &problems {
                eprintln!("data/{problem}");
            }
            panic!("{} problem(s) in data/: see above", problems.len());
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let encoded = encode::encode(&data);
    let mut rust = String::new();
    writeln!(
        rust,
        "pub(super) static ABOUT: &[u8] = &{:?};",
        encoded.about
    )
    .unwrap();
    // Each kind as `<name>.postcard` (its records, one after another) and a static of the
    // same name holding those bytes and the index of (id, start, end).
    for (name, kind) in &encoded.kinds {
        let file = format!("{name}.postcard");
        std::fs::write(out.join(&file), &kind.bytes).expect("OUT_DIR is writable");
        let mut index = String::new();
        for (id, start, end) in &kind.index {
            write!(index, "({id:?}, {start}, {end}), ").unwrap();
        }
        writeln!(
            rust,
            "#[allow(non_upper_case_globals)] pub(super) static {name}: (&[u8], &[(&str, usize, usize)]) = \
             (include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")), &[{index}]);"
        )
        .unwrap();
    }
    // What `hi ce add --category` offers in its help.
    let mut categories: Vec<&str> = data
        .organizations
        .iter()
        .flat_map(|o| o.ce.iter().flat_map(|ce| &ce.categories))
        .chain(
            data.certifications
                .iter()
                .flat_map(|c| &c.renewal.categories),
        )
        .map(|c| c.id.as_str())
        .collect();
    categories.sort_unstable();
    categories.dedup();
    writeln!(
        rust,
        "pub(super) static CATEGORY_IDS: &[&str] = &{categories:?};"
    )
    .unwrap();
    std::fs::write(out.join("compiled.rs"), rust).expect("OUT_DIR is writable");
}
