-- Articles as ingested. One row per ingested id, duplicates included (they point at their
-- original with duplicate_of and have no row in article_texts).
CREATE TABLE articles (
    seq            INTEGER PRIMARY KEY,            -- ingest order
    id             TEXT NOT NULL UNIQUE,
    origin         TEXT NOT NULL,                  -- path, path:line, path#entry
    input_hash     TEXT NOT NULL,                  -- the input as given: re-ingesting it changes nothing
    input_meta     TEXT NOT NULL DEFAULT '{}',     -- title, published, url, outlet as given (JSON)
    text_key       TEXT,                           -- normalised cleaned text (exact duplicates); null when no_content
    duplicate_of   TEXT REFERENCES articles(id),
    title          TEXT,
    published      TEXT,                           -- YYYY-MM-DD
    published_from TEXT,                           -- metadata | dateline | inferred
    url            TEXT,
    outlet         TEXT,
    source_key     TEXT,                           -- outlet or site, for the cross-document furniture signal
    kind           TEXT NOT NULL DEFAULT 'report', -- report | commentary
    flags          TEXT NOT NULL DEFAULT '[]',     -- JSON array of flag names
    diagnostics    TEXT NOT NULL DEFAULT '[]'      -- JSON array of {code, message}
);
CREATE INDEX articles_text_key ON articles(text_key) WHERE duplicate_of IS NULL;
CREATE INDEX articles_source ON articles(source_key);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- Texts of originals (not of duplicates).
CREATE TABLE article_texts (
    seq      INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    original TEXT NOT NULL,  -- the text as ingested (for HTML: the text extracted from the page)
    text     TEXT NOT NULL,  -- cleaned
    map      BLOB NOT NULL,  -- OffsetMap from text to original (see sitrep_store::articles::encode_map)
    raw_html TEXT            -- the page, when the input was HTML
);

-- Articles an article re-tells (filled when articles are related).
CREATE TABLE article_derivatives (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    of_id      TEXT NOT NULL,
    PRIMARY KEY (article_id, of_id)
) WITHOUT ROWID;

-- An article's events, main first (filled by the reader and the linker).
CREATE TABLE article_events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_events_event ON article_events(event_id);

-- Cross-document furniture signal: in how many (non-duplicate) articles of a source each
-- short line occurs, and how many articles the source has.
CREATE TABLE source_lines (
    source_key TEXT NOT NULL,
    line_key   INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (source_key, line_key)
) WITHOUT ROWID;
CREATE TABLE source_stats (
    source_key TEXT PRIMARY KEY,
    articles   INTEGER NOT NULL
) WITHOUT ROWID;
