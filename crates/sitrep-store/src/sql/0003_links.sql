-- The linker's state (sitrep-reconcile): what `Linker::link` reads through `LinkStore` and
-- what applying a `LinkDelta` writes. Export reads `events` (migration 2), never these.

-- One row per current event: its full state (id, merged_from, block keys, latest date and
-- member mention records) as JSON (`sitrep_reconcile::EventState`).
CREATE TABLE link_events (
    id     TEXT PRIMARY KEY,
    latest TEXT,            -- YYYY-MM-DD: the latest usable date of its members
    state  TEXT NOT NULL
) WITHOUT ROWID;

-- Block-key postings: per key, the events filed under it, read latest first.
CREATE TABLE link_keys (
    key      TEXT NOT NULL,
    event_id TEXT NOT NULL,
    latest   TEXT,
    PRIMARY KEY (key, event_id)
) WITHOUT ROWID;
CREATE INDEX link_keys_latest ON link_keys(key, latest DESC, event_id);
CREATE INDEX link_keys_event ON link_keys(event_id);

-- Which event each mention (article, index among its mentions: main first) is in.
CREATE TABLE link_mentions (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX link_mentions_event ON link_mentions(event_id);

-- The linker's record of each read article (`sitrep_reconcile::ArticleRecord` as JSON):
-- fingerprint, copy relations, stale-dateline evidence, base flags.
CREATE TABLE link_articles (
    id     TEXT PRIMARY KEY,
    record TEXT NOT NULL
) WITHOUT ROWID;
