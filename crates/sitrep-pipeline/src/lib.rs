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

use chrono::NaiveDate;
use sitrep_clean::CleanOptions;
use sitrep_extract::Reader;
use sitrep_extract::actors::ActorTable;
use sitrep_ingest::{Input, InputError};
use sitrep_model::article::{Article, Body, RawArticle};
use sitrep_model::contract::{EventOut, SourceOut};
use sitrep_model::mention::EventMention;
use sitrep_model::taxonomy::{ArticleFlag, SourceRole};
use sitrep_place::Gazetteer;
use sitrep_reconcile::{Batch, LinkConfig, LinkStats, Linker, MentionKey, MentionRecord};
use sitrep_relate::SentenceEmbedder;
use sitrep_store::articles::{self, InputMeta, NewArticle};
use sitrep_store::links::{self, SqlLinks};
use sitrep_store::{Store, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// Errors that stop a batch (bad input never does: it is reported and skipped).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The stages that read stored articles: the one-article reader and the linker.
#[derive(Clone)]
pub struct Stages {
    /// The one-article reader (its gazetteer and actor table).
    pub reader: Arc<Reader<'static>>,
    /// The reader's gazetteer (the linker asks it how populous a place is).
    pub gazetteer: &'static Gazetteer,
    /// Linking thresholds.
    pub link: LinkConfig,
    /// Sentence embeddings, consulted for pairs the other signals leave undecided (`None`:
    /// semantic matching off).
    pub embedder: Option<Arc<dyn SentenceEmbedder>>,
}

static BUILTIN_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static DEFAULT_READER: LazyLock<Arc<Reader<'static>>> = LazyLock::new(|| Arc::new(Reader::new(&BUILTIN_GAZETTEER)));

impl Default for Stages {
    /// The reader with the built-in gazetteer and actor table (loaded once per process), the
    /// default thresholds, no sentence model.
    fn default() -> Self {
        Stages { reader: DEFAULT_READER.clone(), gazetteer: &BUILTIN_GAZETTEER, link: LinkConfig::default(), embedder: None }
    }
}

impl Stages {
    /// The stages over this gazetteer (e.g. with GeoNames dumps loaded; leak it with
    /// `Box::leak` for a process-long `'static` borrow) and actor table.
    pub fn new(gazetteer: &'static Gazetteer, actors: ActorTable) -> Self {
        Stages { reader: Arc::new(Reader::with_actors(gazetteer, actors)), gazetteer, link: LinkConfig::default(), embedder: None }
    }
}

/// The population of a mention's place, from the gazetteer (by its GeoNames id among the
/// entries of its name).
fn population(gaz: &Gazetteer, m: &MentionRecord) -> Option<u64> {
    let p = &m.location.place;
    let (name, id) = (p.name.as_deref()?, p.geonames_id?);
    gaz.lookup(name).into_iter().find(|x| x.geonames_id == Some(id)).map(|x| x.population).filter(|&n| n > 0)
}

impl std::fmt::Debug for Stages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stages")
            .field("link", &self.link)
            .field("embedder", &self.embedder.as_ref().map(|e| e.model_id().to_string()))
            .finish_non_exhaustive()
    }
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
    /// The reader and the linker.
    pub stages: Stages,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions { replace: false, threads: 0, furniture_min_articles: 4, furniture_min_share: 0.10, stages: Stages::default() }
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
    /// Stored originals that became exact duplicates of a new article (published earlier, or
    /// with a smaller id): `(id, new original id)`.
    pub demoted: Vec<(String, String)>,
    /// Event lines written (new or changed).
    pub events_written: usize,
    /// Events merged into others.
    pub events_merged: usize,
    /// The linker's counters.
    pub link: LinkStats,
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
        self.demoted.append(&mut other.demoted);
        self.events_written += other.events_written;
        self.events_merged += other.events_merged;
        self.link.absorb(&other.link);
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
            // An article this batch replaces is read in its new version only.
            if in_batch.contains_key(&id) {
                continue;
            }
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
    let mut arts: Vec<Article> = Vec::with_capacity(jobs.len());
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
        arts.push(a);
    }
    // Exact duplicates: of the articles sharing a text (stored originals and the batch's), the
    // original is the earliest published (dated before undated), then the smallest id, so the
    // choice does not depend on arrival order. A stored original that is no longer the
    // earliest becomes a duplicate of the new one.
    // Stored articles cleaned again get their new texts first: a text that cleaning made equal
    // to another's (stored or in the batch) makes them exact duplicates, as if they had come
    // in one batch.
    for (seq, a, key) in &recleans {
        articles::update_clean(&tx, *seq, a, key.as_deref())?;
    }
    let keys: Vec<Option<String>> = arts.iter().map(text_key).collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            groups.entry(k.as_str()).or_default().push(i);
        }
    }
    for (_, _, k) in &recleans {
        if let Some(k) = k {
            groups.entry(k.as_str()).or_default();
        }
    }
    let mut dup_of: Vec<Option<String>> = vec![None; arts.len()];
    let mut demote: Vec<(String, String)> = Vec::new();
    for (k, members) in &groups {
        let stored = articles::originals_with_text_key(&tx, k)?;
        let Some(canonical) = members
            .iter()
            .map(|&i| (arts[i].published, arts[i].id.as_str()))
            .chain(stored.iter().map(|(id, p)| (*p, id.as_str())))
            .min_by(|a, b| original_rank(a.0, a.1).cmp(&original_rank(b.0, b.1)))
            .map(|(_, id)| id.to_string())
        else {
            continue;
        };
        for &i in members {
            if arts[i].id != canonical {
                dup_of[i] = Some(canonical.clone());
            }
        }
        demote.extend(stored.into_iter().filter(|(id, _)| *id != canonical).map(|(id, _)| (id, canonical.clone())));
    }
    // In input order, except a duplicate whose original comes later in the batch waits for it.
    let position: HashMap<&str, usize> = arts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let waits = |i: usize| dup_of[i].as_deref().and_then(|o| position.get(o)).is_some_and(|&o| o > i);
    let order: Vec<usize> = (0..arts.len()).filter(|&i| !waits(i)).chain((0..arts.len()).filter(|&i| waits(i))).collect();
    for i in order {
        let (j, a) = (&jobs[i], &arts[i]);
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
                article: a,
                origin: &raw.origin,
                input_hash: &j.hash,
                input_meta: &meta,
                text_key: keys[i].as_deref(),
                duplicate_of: dup_of[i].as_deref(),
                source_key: j.source.as_deref(),
                raw_html,
            },
        )?;
        match &dup_of[i] {
            Some(o) => report.duplicates.push((a.id.clone(), o.clone())),
            None => {
                if let Some(s) = &j.source {
                    articles::add_source_lines(&tx, s, &j.keys)?;
                }
                report.stored.push(a.id.clone());
            }
        }
    }
    for (gone, by) in &demote {
        if let Some(old) = articles::load(&tx, gone)?
            && let Some(s) = &old.source_key
        {
            articles::remove_source_lines(&tx, s, &sitrep_clean::segment_keys(&old.article.original))?;
        }
        articles::make_duplicate(&tx, gone, by)?;
        report.demoted.push((gone.clone(), by.clone()));
    }
    let demoted: HashSet<&str> = demote.iter().map(|(g, _)| g.as_str()).collect();
    report.recleaned.extend(recleans.iter().filter(|(_, a, _)| !demoted.contains(a.id.as_str())).map(|(_, a, _)| a.id.clone()));

    // The one-article reader, then relating and linking, on the batch's new originals and the
    // articles cleaned again; articles that stopped being originals leave their events.
    let mut to_read: Vec<&Article> = (0..arts.len()).filter(|&i| dup_of[i].is_none()).map(|i| &arts[i]).collect();
    to_read.extend(recleans.iter().filter(|(_, a, _)| !demoted.contains(a.id.as_str())).map(|(_, a, _)| a));
    let mut removed: Vec<String> = demote.iter().map(|(g, _)| g.clone()).collect();
    removed.extend((0..arts.len()).filter(|&i| jobs[i].replaces && dup_of[i].is_some()).map(|i| arts[i].id.clone()));
    let mut successors = Vec::new();
    for (gone, by) in &demote {
        for k in links::mention_events(&tx, std::slice::from_ref(gone))?.into_keys() {
            successors.push((k.clone(), MentionKey { article_id: by.clone(), index: k.index }));
        }
    }
    let read = read_all(&opts.stages.reader, &to_read, opts.threads);
    let mut batch = Batch { removed: removed.clone(), successors, ..Batch::default() };
    for (a, r) in to_read.iter().zip(read) {
        let mentions = r.unwrap_or_else(|| {
            report.warnings.push((a.id.clone(), "the reader failed on this article; stored without events".to_string()));
            Vec::new()
        });
        batch.add(a, &mentions);
    }
    for m in &mut batch.mentions {
        m.population = population(opts.stages.gazetteer, m);
    }
    let mut linker = Linker::new(opts.stages.link.clone());
    if let Some(e) = &opts.stages.embedder {
        linker = linker.with_embedder(e.as_ref());
    }
    let delta = linker.link(&SqlLinks::new(&tx), batch)?;
    report.link.absorb(&delta.stats);
    let mut touched = links::apply(&tx, &delta)?;
    for id in &removed {
        links::delete_article_record(&tx, id)?;
        touched.insert(id.clone());
    }
    for a in &delta.articles {
        articles::set_kind(&tx, &a.id, a.kind())?;
        articles::set_derivative_of(&tx, &a.id, &a.derivative_of)?;
        articles::set_flags(&tx, &a.id, &a.flags())?;
    }
    for id in &delta.deleted {
        links::delete_event(&tx, id)?;
    }
    let mut written: HashSet<String> = HashSet::new();
    for mut out in delta.outputs {
        with_duplicate_sources(&tx, &mut out)?;
        links::put_event(&tx, &out)?;
        written.insert(out.id.clone());
    }
    // Events whose articles gained or lost exact duplicates: their sources change.
    let mut dup_changed: BTreeSet<&str> = dup_of.iter().flatten().map(String::as_str).collect();
    dup_changed.extend(demote.iter().map(|(_, by)| by.as_str()));
    for o in dup_changed {
        for ev in links::article_event_ids(&tx, o)? {
            if !written.contains(&ev)
                && let Some(mut out) = links::event(&tx, &ev)?
            {
                with_duplicate_sources(&tx, &mut out)?;
                links::put_event(&tx, &out)?;
                written.insert(ev);
            }
        }
    }
    report.events_written += written.len();
    report.events_merged += delta.deleted.len();
    for a in &touched {
        if !articles::is_duplicate(&tx, a)? {
            articles::set_event_ids(&tx, a, &links::article_event_ids(&tx, a)?)?;
        }
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(report)
}

/// Order of preference for the original among exact duplicates: the earliest published (a
/// date before none), then the smallest id.
fn original_rank(published: Option<NaiveDate>, id: &str) -> (bool, Option<NaiveDate>, &str) {
    (published.is_none(), published, id)
}

/// Lists an event's exact duplicate articles among its sources (role of their original, not
/// independent), replacing any listed before.
fn with_duplicate_sources(conn: &rusqlite::Connection, out: &mut EventOut) -> Result<(), StoreError> {
    let sources = out.sources.get_or_insert_with(Vec::new);
    let mut kept = Vec::with_capacity(sources.len());
    for s in sources.drain(..) {
        if !articles::is_duplicate(conn, &s.article_id)? {
            kept.push(s);
        }
    }
    let originals: Vec<String> = kept.iter().map(|s| s.article_id.clone()).collect();
    for d in articles::duplicates_of(conn, &originals)? {
        let role = kept.iter().find(|s| s.article_id == d.of).map_or(SourceRole::Background, |s| s.role);
        kept.push(SourceOut { article_id: d.id, role, independent: false, url: d.url, outlet: d.outlet, published: d.published });
    }
    kept.sort_by(|a, b| a.article_id.cmp(&b.article_id));
    *sources = kept;
    Ok(())
}

/// Reads articles on `threads` threads (in order); `None` for an article the reader panicked
/// on (one bad article never stops a batch).
fn read_all(reader: &Reader<'_>, arts: &[&Article], threads: usize) -> Vec<Option<Vec<EventMention>>> {
    let one = |a: &Article| -> Option<Vec<EventMention>> {
        // a page with no prose is not read, but its title may still tell the event
        let no_content = a.has_flag(ArticleFlag::NoContent);
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| if no_content { reader.read_title(a) } else { reader.read_with_title(a) }))
            .ok()
    };
    let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
    let threads = threads.min(arts.len()).max(1);
    if threads == 1 {
        return arts.iter().map(|a| one(a)).collect();
    }
    // Interleaved, so long and short articles spread over the threads.
    let mut out: Vec<Option<Vec<EventMention>>> = vec![None; arts.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let one = &one;
                std::thread::Builder::new()
                    .stack_size(16 * 1024 * 1024)
                    .spawn_scoped(s, move || (t..arts.len()).step_by(threads).map(|i| (i, one(arts[i]))).collect::<Vec<_>>())
                    .expect("spawn a reading thread")
            })
            .collect();
        for h in handles {
            if let Ok(v) = h.join() {
                for (i, r) in v {
                    out[i] = r;
                }
            }
        }
    });
    out
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
