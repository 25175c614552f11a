//! `hi search TEXT`: every record whose text matches, grouped by kind, with what matched.

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::SearchArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Kind;
use crate::output::{Output, Table};

#[derive(Debug, Serialize)]
pub struct Hit<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    /// The field that matched: "id", "name", "exam domain", ...
    pub matched: &'static str,
    /// The matching text, shortened around the match.
    pub excerpt: String,
}

pub fn run(args: &SearchArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let query = args.text.trim().to_lowercase();
    if query.is_empty() {
        return Err(crate::error::usage(
            "nothing to search for: give some text, for example `hi search hipaa`",
        ));
    }
    let hits = search(catalog, &query);
    let mut table = Table::new(&["Kind", "ID", "Name", "Matched"]);
    for hit in &hits {
        table.row(vec![
            hit.kind.label().to_string(),
            hit.id.to_string(),
            hit.name.to_string(),
            format!("{}: {}", hit.matched, hit.excerpt),
        ]);
    }
    out.table(&table, &hits)?;
    Ok(Outcome::Done)
}

/// Every record with a field containing `query` (already lowercase), in kind order.
pub fn search<'a>(catalog: &'a Catalog, query: &str) -> Vec<Hit<'a>> {
    let mut hits = Vec::new();
    // One buffer for every field's lowercase text: most fields do not match, and finding that
    // out should not allocate.
    let mut lower = String::new();
    for (kind, record) in catalog.everything() {
        let former = record
            .former_ids()
            .iter()
            .map(|id| ("former id", id.as_str()));
        let fields = std::iter::once(("id", record.id()))
            .chain(former)
            .chain(record.search_fields());
        for (field, text) in fields {
            lowercase_into(text, &mut lower);
            if !lower.contains(query) {
                continue;
            }
            if let Some(excerpt) = excerpt(text, query) {
                hits.push(Hit {
                    kind,
                    id: record.id(),
                    name: record.name(),
                    matched: field,
                    excerpt,
                });
                break;
            }
        }
    }
    hits
}

/// `text` in lowercase, written over `buffer`.
fn lowercase_into(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// The text around the first case-insensitive match of `query`, or None. Works on characters,
/// never bytes, so no text can make it slice inside a character.
fn excerpt(text: &str, query: &str) -> Option<String> {
    const CONTEXT: usize = 30;
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let needle: Vec<char> = query.chars().collect();
    if needle.is_empty() || needle.len() > lower.len() {
        return None;
    }
    let start =
        (0..=lower.len() - needle.len()).find(|&i| lower[i..i + needle.len()] == needle[..])?;
    let from = start.saturating_sub(CONTEXT);
    let to = (start + needle.len() + CONTEXT).min(chars.len());
    let mut excerpt: String = chars[from..to].iter().collect();
    if from > 0 {
        excerpt.insert(0, '…');
    }
    if to < chars.len() {
        excerpt.push('…');
    }
    Some(excerpt.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::{excerpt, lowercase_into};

    #[test]
    fn excerpt_ignores_case_and_keeps_characters_whole() {
        assert_eq!(
            excerpt("HIPAA rules", "hipaa").as_deref(),
            Some("HIPAA rules")
        );
        assert_eq!(excerpt("café – ÉTÉ", "été").as_deref(), Some("café – ÉTÉ"));
        assert_eq!(excerpt("abc", "abcd"), None);
        assert!(excerpt(&"x".repeat(100), "xx").unwrap().ends_with('…'));
    }

    #[test]
    fn lowercase_into_overwrites_the_buffer() {
        let mut buffer = "left over".to_string();
        for (text, lower) in [("HIPAA", "hipaa"), ("ÉTÉ Café", "été café"), ("", "")] {
            lowercase_into(text, &mut buffer);
            assert_eq!(buffer, lower);
        }
    }
}
