//! Event linking and reconciliation: every event mention joins an existing event or creates
//! one; each event's figures come from independent sources only; ids stay stable as articles
//! arrive; stale datelines are found and not used.
//!
//! # Pieces
//!
//! - [`record`]: [`MentionRecord`] (one mention, every value with its quote already cut from
//!   the article's original text, in code points) and [`ArticleRecord`] (publication,
//!   fingerprint for relating, copy relations, stale-dateline evidence). Both serialise to
//!   JSON: a store keeps them as they are.
//! - [`score`]: whether two mentions are one event (points per signal, hard conflicts; the
//!   table is in the module docs), and when a dateline is stale.
//! - [`link`]: [`Linker`], the incremental linking of a [`Batch`] against a [`LinkStore`];
//!   returns a [`LinkDelta`].
//! - [`reconcile()`]: one event's contract line (`EventOut`) from its members.
//! - [`memory`]: [`MemoryStore`], an in-memory store (tests, benchmark, reference).
//!
//! # Wiring it into ingest (the API the pipeline calls)
//!
//! Per ingest batch, after the reader, inside the batch's transaction:
//!
//! ```text
//! let mut batch = Batch::default();
//! for (article, mentions) in read {           // mentions main first, as the reader gives them
//!     batch.add(&article, &mentions);         // ArticleRecord::new + MentionRecord::all
//! }                                           // (exact duplicates: not linked; they share their
//!                                             //  original's event_ids)
//! let delta = linker.link(&store, batch)?;    // reads the store through LinkStore, writes nothing
//! // apply, in the same transaction:
//! //   for id in delta.deleted:  delete the event row and its key rows
//! //   for e in delta.events:    upsert event (id, merged_from JSON, latest, members JSON or
//! //                             member rows); replace its key rows (key, event_id, latest)
//! //   for a in delta.articles:  upsert the ArticleRecord (JSON); set_kind(a.kind()),
//! //                             set_derivative_of(&a.derivative_of); flags = a.flags()
//! //                             (base flags plus date_suspect)
//! //   for (mention, event) in delta.mention_events: record the mention's event; an article's
//! //                             event_ids are its mentions' events in index order, main first
//! //                             (set_event_ids)
//! //   for out in delta.outputs: store the EventOut JSON (the export line), by out.id
//! ```
//!
//! [`LinkStore`] is three reads: [`LinkStore::events_by_keys`] (a `(key, event_id, latest)`
//! table: per key the `limit` latest events), [`LinkStore::events_of_articles`] (events having
//! a member from these articles), and [`LinkStore::articles`] (records by id).
//! [`MemoryStore`] is a complete reference implementation of the three reads and of applying a
//! delta ([`MemoryStore::apply`]). `export events` prints the stored `EventOut`s (or calls
//! [`reconcile()`] on load); `export articles` takes `kind`, `derivative_of` and `flags` from
//! the article's record. Re-ingesting the same article with the same mentions yields no event
//! change (only `outputs` for its events).
//!
//! Semantic similarity: build the linker with [`Linker::with_embedder`] (any
//! [`sitrep_relate::SentenceEmbedder`], e.g. `sitrep_relate::semantic::MiniLm` wrapped in a
//! [`sitrep_relate::CachedEmbedder`], behind sitrep-relate's `semantic` feature); embeddings are
//! computed only for pairs the other signals leave within [`LinkConfig::semantic_band`] below
//! the threshold, and kept in the mention records (so persisted with them). Without a model,
//! print once that semantic matching is off and link on the other signals.
//!
//! # Guarantees
//!
//! - Order and batching do not change the events (their members, figures, flags, sources)
//!   when each batch's pool holds what it can link to (block keys plus follow-up rounds; the
//!   property tests check it).
//! - An id once given is never lost: it stays the id of the event holding most of its
//!   mentions, or goes to that event's `merged_from`.
//! - New ids derive from the smallest content hash among the event's mentions, so the same
//!   articles give the same ids whatever the order in which they formed.

pub mod link;
pub mod memory;
pub mod reconcile;
pub mod record;
pub mod score;
pub mod synth;
pub mod testkit;

pub use link::{Batch, EventState, Keys, LinkDelta, LinkStats, LinkStore, Linker, NearLookup, block_keys, mention_keys, stale_keys};
pub use memory::{Applied, MemoryStore};
pub use reconcile::reconcile;
pub use record::{ArticleRecord, MentionKey, MentionRecord, Quote, StaleEvidence};
pub use score::LinkConfig;
