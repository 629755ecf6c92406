//! Articles before and after cleaning.

use crate::taxonomy::{ArticleFlag, PublishedFrom};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_text::OffsetMap;

/// The body of an article as read from its input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    /// Plain text.
    Text(String),
    /// An HTML page (or fragment).
    Html(String),
}

/// An article as a reader found it, before cleaning: what the input said, nothing inferred.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawArticle {
    /// The article id (metadata `id`, or the file stem).
    pub id: String,
    /// Text or HTML.
    pub body: Body,
    /// Title given with the input.
    pub title: Option<String>,
    /// Publication date or timestamp given with the input, as written.
    pub published: Option<String>,
    /// Address given with the input.
    pub url: Option<String>,
    /// Outlet or source name given with the input.
    pub outlet: Option<String>,
    /// Where it came from, for messages: `path`, `path:line`, `path#entry`, `-:line`.
    pub origin: String,
}

/// A diagnostic about one article: bad data is not an error, it is recorded and the batch
/// goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, such as `clean.truncated` or `ingest.encoding`.
    pub code: String,
    /// What happened, for people.
    pub message: String,
}

/// An article after cleaning: the unit every later stage reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article id.
    pub id: String,
    /// The text as ingested: the input text itself, or for an HTML page the text extracted
    /// from it. Every evidence offset indexes this text.
    pub original: String,
    /// The cleaned text: boilerplate removed, whitespace tidied.
    pub text: String,
    /// Maps spans of `text` to spans of `original`.
    pub map: OffsetMap,
    /// The title.
    pub title: Option<String>,
    /// The publication date, when known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: Option<PublishedFrom>,
    /// Address, when known.
    pub url: Option<String>,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Flags (`undated`, `no_content`, ...).
    pub flags: Vec<ArticleFlag>,
    /// What cleaning noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// An article of cleaned `text` mapped to `original` by `map`, with no metadata, flags or
    /// diagnostics yet.
    pub fn new(id: impl Into<String>, original: impl Into<String>, text: impl Into<String>, map: OffsetMap) -> Self {
        Article {
            id: id.into(),
            original: original.into(),
            text: text.into(),
            map,
            title: None,
            published: None,
            published_from: None,
            url: None,
            outlet: None,
            flags: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// An article whose text needed no cleaning (the identity map), with no metadata.
    pub fn plain(id: impl Into<String>, text: &str) -> Self {
        Article::new(id, text, text, OffsetMap::identity(text.len()))
    }

    /// True when the article carries `flag`.
    pub fn has_flag(&self, flag: ArticleFlag) -> bool {
        self.flags.contains(&flag)
    }
    /// Adds `flag` once.
    pub fn add_flag(&mut self, flag: ArticleFlag) {
        if !self.has_flag(flag) {
            self.flags.push(flag);
        }
    }
}
