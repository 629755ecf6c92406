//! The ingest pipeline: a batch of read inputs is cleaned, deduplicated and stored in one
//! transaction. `sitrep ingest` feeds it through a [`Batcher`]; the HTTP server calls
//! [`ingest_batch`] for a POST.
//!
//! For each batch:
//!
//! 1. **Known ids.** An id already stored from the same input (same bytes and metadata) is
//!    `unchanged`: re-ingesting changes nothing. From a different input it is rejected
//!    (`--replace` replaces it instead).
//! 2. **Cleaning** on all cores (`sitrep_clean::clean`).
//! 3. **Cross-document furniture.** Per source (the site of the article's URL, else its
//!    outlet), short non-prose lines are counted over the stored articles and the batch; a line
//!    in at least [`PipelineOptions::furniture_min_articles`] articles and
//!    [`PipelineOptions::furniture_min_share`] of the source's articles is site furniture. The
//!    batch's articles holding such lines are cleaned again without them, and so are stored
//!    articles of the source holding a line that just became furniture (their original text
//!    and offsets do not change; their cleaned text does, and they are reported as
//!    `recleaned`).
//! 4. **Exact duplicates**: the same normalised cleaned text as a stored or earlier article of
//!    the batch. Stored with `duplicate_of` and without texts of their own.
//! 5. **Store** everything in one transaction, then run the stages that read stored
//!    articles (see the marked place in [`ingest_batch`]).

use sitrep_clean::CleanOptions;
use sitrep_ingest::{Input, InputError};
use sitrep_model::article::{Article, Body, RawArticle};
use sitrep_model::taxonomy::ArticleFlag;
use sitrep_store::articles::{self, InputMeta, NewArticle};
use sitrep_store::{Store, StoreError};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Errors that stop a batch (bad input never does: it is reported and skipped).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Options of the pipeline.
#[derive(Clone, Debug)]
pub struct PipelineOptions {
    /// An id already stored from different input is replaced (otherwise it is rejected).
    pub replace: bool,
    /// Cleaning threads (0: one per core).
    pub threads: usize,
    /// A line is site furniture when it occurs in at least this many articles of a source...
    pub furniture_min_articles: u64,
    /// ...and in at least this share of the source's articles.
    pub furniture_min_share: f64,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions { replace: false, threads: 0, furniture_min_articles: 4, furniture_min_share: 0.10 }
    }
}

/// What a batch did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BatchReport {
    /// New articles stored (originals).
    pub stored: Vec<String>,
    /// New exact duplicates: `(id, original id)`.
    pub duplicates: Vec<(String, String)>,
    /// Ids already stored from the same input.
    pub unchanged: Vec<String>,
    /// Ids replaced (`replace`).
    pub replaced: Vec<String>,
    /// Stored articles cleaned again because a line of theirs became site furniture.
    pub recleaned: Vec<String>,
    /// Inputs refused (an id already stored from different input).
    pub rejected: Vec<InputError>,
    /// Notes about stored articles worth telling the user (`origin`, message): an encoding
    /// guessed, a page too deep for readability.
    pub warnings: Vec<(String, String)>,
}

impl BatchReport {
    /// Adds another report to this one.
    pub fn absorb(&mut self, mut other: BatchReport) {
        self.stored.append(&mut other.stored);
        self.duplicates.append(&mut other.duplicates);
        self.unchanged.append(&mut other.unchanged);
        self.replaced.append(&mut other.replaced);
        self.recleaned.append(&mut other.recleaned);
        self.rejected.append(&mut other.rejected);
        self.warnings.append(&mut other.warnings);
    }
}

/// Hash of an input as given: body kind and bytes, and the metadata.
pub fn input_hash(raw: &RawArticle) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let (kind, body) = match &raw.body {
        Body::Text(t) => (b"T", t),
        Body::Html(t) => (b"H", t),
    };
    h.update(kind);
    h.update(body.as_bytes());
    for f in [&raw.title, &raw.published, &raw.url, &raw.outlet] {
        h.update(&[0xFF]);
        if let Some(s) = f {
            h.update(s.as_bytes());
        }
    }
    format!("{:032x}", h.digest128())
}

/// Key of a cleaned text for exact-duplicate detection: case, accents, punctuation and
/// spacing ignored. `None` for articles without content (they are never duplicates).
pub fn text_key(a: &Article) -> Option<String> {
    if a.has_flag(ArticleFlag::NoContent) {
        return None;
    }
    // The folded words joined by single spaces, built in one pass.
    let mut norm = String::with_capacity(a.text.len());
    let mut gap = false;
    let mut folded = String::new();
    for c in a.text.chars() {
        folded.clear();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            sitrep_text::fold_char(c, &mut folded);
        }
        for f in folded.chars() {
            if f.is_alphanumeric() {
                if gap && !norm.is_empty() {
                    norm.push(' ');
                }
                gap = false;
                norm.push(f);
            } else {
                gap = true;
            }
        }
    }
    Some(format!("{:032x}", xxhash_rust::xxh3::xxh3_128(norm.as_bytes())))
}

/// The source of an article for the cross-document signal: the site of its URL (looking
/// through web-archive addresses, without `www.`), else its outlet; `None` when neither is
/// known.
pub fn source_key(raw: &RawArticle) -> Option<String> {
    if let Some(host) = raw.url.as_deref().and_then(url_host) {
        return Some(host);
    }
    raw.outlet.as_deref().map(|o| o.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()).filter(|o| !o.is_empty())
}

fn url_host(url: &str) -> Option<String> {
    let mut u = url.trim();
    // Archived copies: https://web.archive.org/web/20150101000000/http://example.com/a
    for prefix in ["web.archive.org/web/", "archive.org/wayback/", "webcache.googleusercontent.com/search?q=cache:"] {
        if let Some(p) = u.find(prefix) {
            let rest = &u[p + prefix.len()..];
            let rest = rest.find(['/', ':']).filter(|_| prefix.ends_with("/web/")).map_or(rest, |i| &rest[i + 1..]);
            u = rest;
        }
    }
    let no_scheme = u.split_once("://").map_or(u, |(_, r)| r);
    let host = no_scheme.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// Cleans `raws` on `threads` threads (in input order).
fn clean_all(jobs: &[(&RawArticle, CleanOptions)], threads: usize) -> Vec<Article> {
    let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
    let threads = threads.min(jobs.len()).max(1);
    if threads == 1 {
        return jobs.iter().map(|(r, o)| sitrep_clean::clean(r, o)).collect();
    }
    let chunk = jobs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                std::thread::Builder::new()
                    .stack_size(16 * 1024 * 1024)
                    .spawn_scoped(s, move || part.iter().map(|(r, o)| sitrep_clean::clean(r, o)).collect::<Vec<_>>())
                    .expect("spawn a cleaning thread")
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("cleaning thread")).collect()
    })
}

/// Whether a line with `n` occurrences is furniture of a source with `total` articles.
fn is_furniture(n: u64, total: u64, opts: &PipelineOptions) -> bool {
    n >= opts.furniture_min_articles && (n as f64) >= opts.furniture_min_share * total as f64
}

/// One input on its way through the batch.
struct Job {
    input: Input,
    hash: String,
    source: Option<String>,
    article: Option<Article>,
    keys: Vec<u64>,
    replaces: bool,
}

/// Cleans, deduplicates and stores one batch in one transaction.
pub fn ingest_batch(store: &mut Store, inputs: Vec<Input>, opts: &PipelineOptions) -> Result<BatchReport, PipelineError> {
    let mut report = BatchReport::default();
    // 1. Known ids.
    let mut jobs: Vec<Job> = Vec::with_capacity(inputs.len());
    let mut in_batch: HashMap<String, String> = HashMap::new();
    for input in inputs {
        let hash = input_hash(&input.raw);
        let id = input.raw.id.clone();
        if let Some(h) = in_batch.get(&id) {
            if *h == hash {
                report.unchanged.push(id);
            } else {
                report.rejected.push(InputError::new(
                    input.raw.origin.clone(),
                    format!("id {id:?} appears earlier in this input with different content; skipped (ids must be unique)"),
                ));
            }
            continue;
        }
        let mut replaces = false;
        if let Some(e) = articles::find(store.conn(), &id)? {
            if e.input_hash == hash {
                report.unchanged.push(id);
                continue;
            }
            if !opts.replace {
                report.rejected.push(InputError::new(
                    input.raw.origin.clone(),
                    format!("id {id:?} is already stored from different content; skipped (use --replace to update it)"),
                ));
                continue;
            }
            replaces = true;
        }
        in_batch.insert(id, hash.clone());
        let source = source_key(&input.raw);
        jobs.push(Job { input, hash, source, article: None, keys: Vec::new(), replaces });
    }
    // 2. Clean.
    let first: Vec<(&RawArticle, CleanOptions)> = jobs.iter().map(|j| (&j.input.raw, CleanOptions::default())).collect();
    let cleaned = clean_all(&first, opts.threads);
    for (j, a) in jobs.iter_mut().zip(cleaned) {
        if j.source.is_some() {
            j.keys = sitrep_clean::segment_keys(&a.original);
        }
        j.article = Some(a);
    }
    // 3. Cross-document furniture, per source.
    let mut by_source: HashMap<String, Vec<usize>> = HashMap::new();
    let mut first_keys: HashSet<String> = HashSet::new();
    for (i, j) in jobs.iter().enumerate() {
        let a = j.article.as_ref().expect("cleaned");
        // Exact copies count once.
        let fresh = text_key(a).is_none_or(|k| first_keys.insert(k));
        if let (Some(s), true) = (&j.source, fresh) {
            by_source.entry(s.clone()).or_default().push(i);
        }
    }
    let mut sources: Vec<&String> = by_source.keys().collect();
    sources.sort();
    let mut furniture_of: HashMap<String, Arc<HashSet<u64>>> = HashMap::new();
    let mut promoted_of: HashMap<String, HashSet<u64>> = HashMap::new();
    for s in sources {
        let members = &by_source[s];
        let mut batch_counts: HashMap<u64, u64> = HashMap::new();
        for &i in members {
            for &k in &jobs[i].keys {
                *batch_counts.entry(k).or_insert(0) += 1;
            }
        }
        let stored_n = articles::source_articles(store.conn(), s)?;
        let total = stored_n + members.len() as u64;
        let keys: Vec<u64> = batch_counts.keys().copied().collect();
        let stored = articles::source_line_counts(store.conn(), s, &keys)?;
        let mut set = HashSet::new();
        let mut promoted = HashSet::new();
        for (k, n) in &batch_counts {
            let before = stored.get(k).copied().unwrap_or(0);
            if is_furniture(before + n, total, opts) {
                set.insert(*k);
                if !is_furniture(before, stored_n, opts) {
                    promoted.insert(*k);
                }
            }
        }
        if !set.is_empty() {
            furniture_of.insert(s.clone(), Arc::new(set));
        }
        if !promoted.is_empty() {
            promoted_of.insert(s.clone(), promoted);
        }
    }
    let again: Vec<usize> = (0..jobs.len())
        .filter(|&i| {
            let j = &jobs[i];
            j.source.as_ref().and_then(|s| furniture_of.get(s)).is_some_and(|set| j.keys.iter().any(|k| set.contains(k)))
        })
        .collect();
    if !again.is_empty() {
        let work: Vec<(&RawArticle, CleanOptions)> = again
            .iter()
            .map(|&i| {
                let set = furniture_of[jobs[i].source.as_ref().expect("has source")].clone();
                (&jobs[i].input.raw, CleanOptions { furniture: set })
            })
            .collect();
        let redone = clean_all(&work, opts.threads);
        for (&i, a) in again.iter().zip(redone) {
            jobs[i].article = Some(a);
        }
    }
    // Stored articles of a source holding a line that just became furniture.
    let mut recleans: Vec<(i64, Article, Option<String>)> = Vec::new();
    let mut promoted_sources: Vec<&String> = promoted_of.keys().collect();
    promoted_sources.sort();
    for s in promoted_sources {
        let promoted = &promoted_of[s];
        let set = furniture_of[s].clone();
        for id in articles::originals_of_source(store.conn(), s)? {
            let Some(st) = articles::load(store.conn(), &id)? else { continue };
            let keys = sitrep_clean::segment_keys(&st.article.original);
            if !keys.iter().any(|k| promoted.contains(k)) {
                continue;
            }
            // Its lines that are furniture now, by the stored counts plus this batch.
            let stored = articles::source_line_counts(store.conn(), s, &keys)?;
            let total = articles::source_articles(store.conn(), s)? + by_source[s].len() as u64;
            let batch: HashMap<u64, u64> =
                by_source[s].iter().flat_map(|&i| jobs[i].keys.iter().copied()).fold(HashMap::new(), |mut m, k| {
                    *m.entry(k).or_insert(0) += 1;
                    m
                });
            let mine: HashSet<u64> = keys
                .iter()
                .copied()
                .filter(|k| {
                    set.contains(k) || is_furniture(stored.get(k).copied().unwrap_or(0) + batch.get(k).copied().unwrap_or(0), total, opts)
                })
                .collect();
            let body = match &st.raw_html {
                Some(h) => Body::Html(h.clone()),
                None => Body::Text(st.article.original.clone()),
            };
            let raw = RawArticle {
                id: st.article.id.clone(),
                body,
                title: st.input_meta.title.clone(),
                published: st.input_meta.published.clone(),
                url: st.input_meta.url.clone(),
                outlet: st.input_meta.outlet.clone(),
                origin: st.origin.clone(),
            };
            let mut a = sitrep_clean::clean(&raw, &CleanOptions { furniture: Arc::new(mine) });
            carry_reader_notes(&mut a, &st.article);
            if a.text != st.article.text {
                let key = text_key(&a);
                recleans.push((st.seq, a, key));
            }
        }
    }
    // 4 and 5: deduplicate and store, in one transaction.
    let tx = store.transaction()?;
    let mut keys_seen: HashMap<String, String> = HashMap::new();
    for j in &mut jobs {
        let mut a = j.article.take().expect("cleaned");
        for d in j.input.diagnostics.iter().rev() {
            a.diagnostics.insert(0, d.clone());
        }
        if j.input.transcoded {
            a.add_flag(ArticleFlag::Transcoded);
        }
        for d in &a.diagnostics {
            if d.code.starts_with("ingest.") || d.code == "clean.html_deep" {
                report.warnings.push((j.input.raw.origin.clone(), d.message.clone()));
            }
        }
        if j.replaces {
            if let Some(old) = articles::load(&tx, &a.id)?
                && let Some(s) = &old.source_key
                && old.duplicate_of.is_none()
            {
                articles::remove_source_lines(&tx, s, &sitrep_clean::segment_keys(&old.article.original))?;
            }
            articles::delete(&tx, &a.id)?;
            report.replaced.push(a.id.clone());
        }
        let key = text_key(&a);
        let duplicate_of = match &key {
            Some(k) => match keys_seen.get(k) {
                Some(first) => Some(first.clone()),
                None => articles::original_with_text_key(&tx, k)?.filter(|o| *o != a.id),
            },
            None => None,
        };
        if let (Some(k), None) = (&key, &duplicate_of) {
            keys_seen.insert(k.clone(), a.id.clone());
        }
        let raw = &j.input.raw;
        let meta =
            InputMeta { title: raw.title.clone(), published: raw.published.clone(), url: raw.url.clone(), outlet: raw.outlet.clone() };
        let raw_html = match &raw.body {
            Body::Html(h) => Some(h.as_str()),
            Body::Text(_) => None,
        };
        articles::insert(
            &tx,
            &NewArticle {
                article: &a,
                origin: &raw.origin,
                input_hash: &j.hash,
                input_meta: &meta,
                text_key: key.as_deref(),
                duplicate_of: duplicate_of.as_deref(),
                source_key: j.source.as_deref(),
                raw_html,
            },
        )?;
        match duplicate_of {
            Some(o) => report.duplicates.push((a.id.clone(), o)),
            None => {
                if let Some(s) = &j.source {
                    articles::add_source_lines(&tx, s, &j.keys)?;
                }
                report.stored.push(a.id.clone());
            }
        }
    }
    for (seq, a, key) in &recleans {
        articles::update_clean(&tx, *seq, a, key.as_deref())?;
        report.recleaned.push(a.id.clone());
    }
    // ── Stages that read stored articles run here, inside the batch's transaction. ──
    // The one-article reader (sitrep-extract), then relating articles and linking events
    // (sitrep-relate, sitrep-reconcile), take the articles in `report.stored`,
    // `report.duplicates` (which share their original's events), `report.replaced` and
    // `report.recleaned` (load each with `articles::load(&tx, id)`), and record kinds,
    // derivatives and event ids with `articles::set_kind`, `set_derivative_of` and
    // `set_event_ids`. Until they are wired in, a batch stores articles only.
    tx.commit().map_err(StoreError::from)?;
    Ok(report)
}

/// Keeps the reader's notes (encoding) and flags on an article cleaned again.
fn carry_reader_notes(a: &mut Article, before: &Article) {
    for d in before.diagnostics.iter().filter(|d| d.code.starts_with("ingest.")).rev() {
        a.diagnostics.insert(0, d.clone());
    }
    if before.has_flag(ArticleFlag::Transcoded) {
        a.add_flag(ArticleFlag::Transcoded);
    }
}

/// Collects inputs into batches and stores each batch when it is full: the streaming side
/// of [`ingest_batch`] (`sitrep ingest` pushes every article it reads).
#[derive(Debug)]
pub struct Batcher<'s> {
    store: &'s mut Store,
    opts: PipelineOptions,
    pending: Vec<Input>,
    pending_bytes: usize,
    /// Articles per batch (one transaction each).
    pub batch_articles: usize,
    /// Bytes of text per batch, at most (bounds memory).
    pub batch_bytes: usize,
    report: BatchReport,
}

impl<'s> Batcher<'s> {
    /// A batcher storing into `store`.
    pub fn new(store: &'s mut Store, opts: PipelineOptions) -> Self {
        Batcher {
            store,
            opts,
            pending: Vec::new(),
            pending_bytes: 0,
            batch_articles: 500,
            batch_bytes: 64 * 1024 * 1024,
            report: BatchReport::default(),
        }
    }

    /// Adds one input; stores the batch when it is full and returns what that batch did.
    pub fn push(&mut self, input: Input) -> Result<Option<BatchReport>, PipelineError> {
        self.pending_bytes += match &input.raw.body {
            Body::Text(t) | Body::Html(t) => t.len(),
        };
        self.pending.push(input);
        if self.pending.len() >= self.batch_articles || self.pending_bytes >= self.batch_bytes {
            return self.flush().map(Some);
        }
        Ok(None)
    }

    /// Stores what is pending; returns what that batch did.
    pub fn flush(&mut self) -> Result<BatchReport, PipelineError> {
        let batch = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        if batch.is_empty() {
            return Ok(BatchReport::default());
        }
        let r = ingest_batch(self.store, batch, &self.opts)?;
        self.report.absorb(r.clone());
        Ok(r)
    }

    /// Stores what is pending and returns the report of everything.
    pub fn finish(mut self) -> Result<BatchReport, PipelineError> {
        self.flush()?;
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests;
