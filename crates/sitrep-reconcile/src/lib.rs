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
//! Per ingest batch, after the reader:
//!
//! ```text
//! let mut batch = Batch::default();
//! for (article, mentions) in read {                 // mentions: main first, as the reader gives them
//!     batch.add(&article, &mentions);               // ArticleRecord::new + MentionRecord::all
//!     // set batch.articles.last_mut().duplicate_of for exact duplicates found by ingest
//!     // (or simply do not link exact duplicates: they share their original's event_ids)
//! }
//! let delta = linker.link(&store, batch)?;          // reads the store, writes nothing
//! // in one transaction:
//! //   delete rows of delta.deleted (events and their key index entries)
//! //   upsert delta.events: event row (id, merged_from JSON), key index rows (key, event_id),
//! //        member mention rows (article_id, index, event_id, record JSON)
//! //   upsert delta.articles (article_id, record JSON): kind(), derivative_of, flags() for export
//! //   set mention -> event from delta.mention_events
//! //   store delta.outputs (EventOut JSON) as the export cache, or recompute with reconcile()
//! ```
//!
//! The store implements [`LinkStore`] with three reads: events by block key (a
//! `(key, event_id)` table), events by article (from the mention rows), and article records by
//! id. Export: events from their cached `EventOut` (or [`reconcile()`] on load); an article's
//! `kind`, `derivative_of`, `flags` from its [`ArticleRecord`] ([`ArticleRecord::kind`],
//! `derivative_of`, [`ArticleRecord::flags`]) and its `event_ids` from its mention rows in index
//! order. Re-ingesting the same article with the same mentions changes nothing.
//!
//! Semantic similarity: build the linker with [`Linker::with_embedder`] (any
//! [`sitrep_relate::SentenceEmbedder`], e.g. `sitrep_relate::semantic::MiniLm` wrapped in a
//! [`sitrep_relate::CachedEmbedder`]); embeddings are computed only for pairs the other
//! signals leave within [`LinkConfig::semantic_band`] of the threshold, and kept in the
//! mention records (so persisted with them). Without a model, say once that semantic matching
//! is off and link on the other signals.
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

pub use link::{Batch, EventState, Keys, LinkDelta, LinkStats, LinkStore, Linker, block_keys, mention_keys, stale_keys};
pub use memory::{Applied, MemoryStore};
pub use reconcile::reconcile;
pub use record::{ArticleRecord, MentionKey, MentionRecord, Quote, StaleEvidence};
pub use score::LinkConfig;
