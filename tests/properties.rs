//! Properties of the one lookup and of search, over any input.

use hi::catalog::Catalog;
use hi::model::{Certification, Role, Skill};
use hi::record::Record;
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(crate::common::fixture_catalog)
}

/// Every id of the kinds users look up most.
fn ids() -> Vec<String> {
    let c = catalog();
    c.certifications()
        .iter()
        .map(|r| r.id().to_string())
        .chain(c.roles().iter().map(|r| r.id().to_string()))
        .chain(c.skills().iter().map(|r| r.id().to_string()))
        .collect()
}

proptest! {
    #[test]
    fn lookup_of_any_string_answers_without_panic(text in any::<String>()) {
        let c = catalog();
        let found = c.get::<Certification>(&text);
        if let Err(error) = found {
            prop_assert!(!error.to_string().is_empty());
        }
        let _ = c.get::<Role>(&text);
    }

    #[test]
    fn search_of_any_string_answers_without_panic(text in any::<String>()) {
        let hits = hi::cmd::search::search(catalog(), &text.to_lowercase());
        for hit in hits {
            prop_assert!(!hit.id.is_empty());
        }
    }

    #[test]
    fn every_id_finds_itself_in_any_letter_case(index in any::<prop::sample::Index>(), mask in any::<u64>()) {
        let ids = ids();
        let id = &ids[index.index(ids.len())];
        let cased: String = id
            .chars()
            .enumerate()
            .map(|(i, c)| if mask >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        let c = catalog();
        let found = c.get::<Certification>(&cased).map(|r| r.id().to_string())
            .or_else(|_| c.get::<Role>(&cased).map(|r| r.id().to_string()))
            .or_else(|_| c.get::<Skill>(&cased).map(|r| r.id().to_string()));
        let found = found.ok();
        prop_assert_eq!(found.as_deref(), Some(id.as_str()));
        // Search finds it too, by its id.
        let hits = hi::cmd::search::search(c, &cased.to_lowercase());
        prop_assert!(hits.iter().any(|h| h.id == id.as_str()));
    }
}
