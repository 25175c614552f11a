//! Compiles `data/*.toml` into the binary in a form that needs no parsing at run time.
//!
//! The TOML stays the one source of truth: this script parses and validates it with the same
//! code `hi` uses on a `--data-dir` (`src/model.rs`, `src/load.rs`) and fails the build with
//! every problem if the data is invalid. Each record is then encoded on its own with postcard,
//! with an index by id, so that `hi` decodes only the records a command needs.

// The shared modules hold run-time helpers the build does not call.
#![allow(dead_code)]

#[path = "src/load.rs"]
mod load;
#[path = "src/model.rs"]
mod model;
#[path = "src/read.rs"]
mod read;
#[path = "src/record.rs"]
mod record;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use record::Record;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/model.rs");
    println!("cargo::rerun-if-changed=src/load.rs");
    println!("cargo::rerun-if-changed=src/read.rs");
    println!("cargo::rerun-if-changed=src/record.rs");
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
    let mut rust = String::new();
    let about = encode(&data.about);
    writeln!(rust, "pub static ABOUT: &[u8] = &{about:?};").unwrap();
    macro_rules! encode_kinds {
        ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {
            $(kind(&out, &mut rust, stringify!($field), &data.$field);)*
        };
    }
    model::for_each_kind!(encode_kinds);
    std::fs::write(out.join("compiled.rs"), rust).expect("OUT_DIR is writable");
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("the data serializes")
}

/// Writes `<name>.postcard` (the records, one after another) and, into `rust`, a static of the
/// same name holding those bytes and an index of (id, start, end).
fn kind<T: Serialize + Record>(out: &Path, rust: &mut String, name: &str, records: &[T]) {
    let mut bytes = Vec::new();
    let mut index = String::new();
    for record in records {
        let start = bytes.len();
        bytes.extend(encode(record));
        write!(index, "({:?}, {start}, {}), ", record.id(), bytes.len()).unwrap();
    }
    std::fs::write(out.join(format!("{name}.postcard")), bytes).expect("OUT_DIR is writable");
    writeln!(
        rust,
        "#[allow(non_upper_case_globals)] pub static {name}: (&[u8], &[(&str, usize, usize)]) = \
         (include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.postcard\")), &[{index}]);"
    )
    .unwrap();
}
