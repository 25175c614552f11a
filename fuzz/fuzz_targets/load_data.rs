//! Any contents of a data directory: loading and validating them must report problems, never
//! panic. The input is split at NUL bytes into the data files, in the order of `FILES`.
#![no_main]

use hi::load::{FILES, Texts, build};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = FILES
        .iter()
        .zip(data.split(|b| *b == 0))
        .map(|((name, _), bytes)| (*name, String::from_utf8_lossy(bytes).into_owned()));
    match build(&Texts::from_files(files)) {
        Ok(data) => {
            let catalog = hi::catalog::Catalog::parsed(data);
            // A valid catalog must also answer lookups and searches.
            for cert in catalog.certifications() {
                let _ = catalog.get::<hi::model::Certification>(&cert.id.to_uppercase());
            }
            let _ = hi::cmd::search::search(&catalog, "a");
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
