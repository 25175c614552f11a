//! Integration tests: they run the real `hi` binary, parse its JSON and assert on it.

mod common;

mod cache;
mod ce;
mod commands;
mod contract;
mod data;
mod decisions;
mod errors;
mod fields;
mod formats;
mod hostile;
mod profile;
mod properties;
mod reader;
mod renewals;
mod robustness;
mod shell;
mod shipped;
mod site;
mod snapshots;
mod tables;
