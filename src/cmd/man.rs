//! `hi man`: the manual page (roff), derived from the command line's definition.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, IdlessArgs};
use crate::context::Context;
use crate::error::Outcome;
use crate::output::Output;

pub fn run(_: &IdlessArgs, _: &Context, out: &mut Output) -> Result<Outcome> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.raw(&page)?;
    Ok(Outcome::Done)
}
