//! One module per subcommand, each with its `run`. What commands share lives in library
//! modules (`show` for text, `output` for tables, the rules in their own modules); here only
//! the list-or-show shape of the record commands and the person `eligible` and `plan` judge.

pub mod about;
pub mod ce;
pub mod certs;
pub mod compare;
pub mod cost;
pub mod data;
pub mod eligible;
pub mod employers;
pub mod gap;
pub mod occupations;
pub mod orgs;
pub mod paths;
pub mod plan;
pub mod profile;
pub mod regulations;
pub mod renew;
pub mod responsibilities;
pub mod roles;
pub mod salaries;
pub mod search;
pub mod skills;
pub mod sources;
pub mod status;

use anyhow::Result;

use crate::catalog::{Catalog, Stored};
use crate::cli::ProfileArgs;
use crate::eligibility::{Person, assumed};
use crate::output::{Detail, Output, Table};
use crate::profile::Profile;

/// The person the profile and the flags describe, after saying on stderr what is assumed
/// because neither gives it.
pub fn person(
    stored: &Profile,
    args: &ProfileArgs,
    catalog: &Catalog,
    out: &mut Output,
) -> Result<Person> {
    let person = Person::new(stored, args, catalog)?;
    if let Some(note) = assumed(stored, args)
        && !out.data_only()
    {
        out.message(&note)?;
    }
    Ok(person)
}

/// With an id, shows that record in full; without, lists `records` (filtered as asked).
/// Each is computed only when needed: showing one record decodes no other, and JSON builds
/// no table.
pub fn list_or_show<'a, T: Stored>(
    id: Option<&str>,
    records: impl FnOnce() -> Vec<&'a T>,
    catalog: &'a Catalog,
    out: &mut Output,
    table: impl Fn(&[&T]) -> Table,
    detail: impl Fn(&T) -> Detail,
) -> Result<()> {
    match id {
        Some(id) => {
            let record = catalog.get::<T>(id)?;
            match out.data_only() {
                true => out.detail(&Detail::new(String::new()), record),
                false => out.detail(&detail(record), record),
            }
        }
        None => {
            let records = records();
            match out.data_only() {
                true => out.table(&Table::new(&[]), &records),
                false => out.table(&table(&records), &records),
            }
        }
    }
}
