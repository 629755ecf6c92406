//! Readers. The only stage that reads input files. Every input yields [`RawArticle`]s or an
//! [`InputError`] naming the input and what is wrong; one bad input never stops the others.

use sitrep_model::article::RawArticle;

/// Options for reading.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Largest article accepted, in bytes (default 5 MB).
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_article_bytes: 5 * 1024 * 1024 }
    }
}

/// Something wrong with one input (a file, a line, a feed entry).
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct InputError {
    /// The input: `path`, `path:line`, `-:line`.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

/// Reads JSON Lines articles (`id`, `text` or `html`, `title`, `published`, `url`, `source`)
/// from `data`; `origin` names the input in messages.
pub fn read_jsonl(origin: &str, data: &[u8], opts: &ReadOptions) -> Vec<Result<RawArticle, InputError>> {
    let _ = (origin, data, opts);
    Vec::new()
}
