//! What every command runs against, resolved once from the options and the environment and
//! handed to each `run(&args, &ctx, out)`: the catalog, "today", how each figure stands, and
//! where the person's profile lives. Each is made on first use, so a command that needs no
//! catalog (`hi data check` on broken data, `hi man`) never loads one, and one that needs no
//! date never reads the clock.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use anyhow::Result;
use jiff::civil::Date;

use crate::cache::Cache;
use crate::catalog::Catalog;
use crate::cli::GlobalArgs;
use crate::profile::{self, Profile};
use crate::show::Standing;

pub struct Context {
    data_dir: Option<PathBuf>,
    profile_flag: Option<PathBuf>,
    now: OnceCell<jiff::ZonedDateTime>,
    catalog: OnceCell<Catalog>,
}

impl Context {
    /// The context the options describe; `HI_DATA_DIR` stands in for `--data-dir` (an empty
    /// variable counts as unset, as for NO_COLOR).
    pub fn new(options: &GlobalArgs) -> Context {
        let data_dir = options.data_dir.clone().or_else(|| {
            std::env::var_os("HI_DATA_DIR")
                .filter(|v| !v.is_empty())
                .map(Into::into)
        });
        Context {
            data_dir,
            profile_flag: options.profile.clone(),
            now: OnceCell::new(),
            catalog: OnceCell::new(),
        }
    }

    /// The data directory asked for, if any; else the catalog built into `hi`.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The moment this run happens, decided at the first question and the same ever after.
    pub fn now(&self) -> Result<&jiff::ZonedDateTime> {
        if let Some(now) = self.now.get() {
            return Ok(now);
        }
        let now = crate::clock::now()?;
        Ok(self.now.get_or_init(|| now))
    }

    pub fn today(&self) -> Result<Date> {
        Ok(self.now()?.date())
    }

    /// The catalog: built in (decoded, not parsed), or the data directory's at the first
    /// question, from its compiled cache when that is current, else parsed and validated.
    pub fn catalog(&self) -> Result<&Catalog> {
        if let Some(catalog) = self.catalog.get() {
            return Ok(catalog);
        }
        let catalog = match (
            self.data_dir(),
            self.data_dir().and_then(|_| Cache::from_env()),
        ) {
            (Some(dir), Some(cache)) => cache.catalog(dir)?,
            (dir, _) => crate::catalog::load(dir)?,
        };
        Ok(self.catalog.get_or_init(|| catalog))
    }

    /// How each figure stands (its source, its age), judged against this run's one "today".
    pub fn standing(&self) -> Result<Standing<'_>> {
        Ok(Standing::new(self.catalog()?, self.today()?))
    }

    /// Where the profile lives, for the commands that change it or report on it.
    pub fn profile_path(&self) -> Result<PathBuf> {
        profile::path(self.profile_flag.as_deref())
    }

    /// The profile the decisions read, checked against the catalog: the one at its place, or
    /// an empty one when there is no file (or no place for one).
    pub fn profile(&self) -> Result<Profile> {
        let Ok(path) = self.profile_path() else {
            return Ok(Profile::default());
        };
        profile::read_checked(&path, self.catalog()?, self.today()?)
    }

    /// Changes the profile by `change`, under its lock, as [`profile::edit`] does, checked
    /// against this run's catalog and day.
    pub fn edit_profile<T>(
        &self,
        change: impl FnMut(&mut profile::Document, &Profile) -> Result<T>,
    ) -> Result<T> {
        profile::edit(
            &self.profile_path()?,
            self.catalog()?,
            self.today()?,
            change,
        )
    }

    /// Refuses to write `path` when it is one of the files `hi` keeps for the person: every
    /// command that writes a path the user names asks here first.
    pub fn refuse_own(&self, path: &Path) -> Result<()> {
        crate::write::refuse_own(path, &self.own_files())
    }

    /// Refuses to replace the folder `dir` whole when it holds one of the files `hi` keeps.
    pub fn refuse_own_in(&self, dir: &Path) -> Result<()> {
        crate::write::refuse_own_in(dir, &self.own_files())
    }

    /// The files `hi` keeps for the person: the profile and its lock, and the cache's folder.
    fn own_files(&self) -> Vec<PathBuf> {
        let mut own = match self.profile_path() {
            Ok(profile) => vec![crate::write::lock_path(&profile), profile],
            Err(_) => Vec::new(),
        };
        own.extend(crate::cache::Cache::from_env().map(|c| c.dir().to_path_buf()));
        own
    }

    /// What the catalog's lookups found worth telling the person (a former id used), once
    /// each; nothing when no catalog was loaded.
    pub fn notices(&self) -> Vec<String> {
        self.catalog
            .get()
            .map(Catalog::take_notices)
            .unwrap_or_default()
    }

    /// Leaves the catalog for the system to reclaim: the process ends next, and freeing the
    /// records one by one costs more than a lookup.
    pub fn leak(self) {
        std::mem::forget(self);
    }
}
