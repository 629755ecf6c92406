-- Events as exported: one row per current event; `json` is the contract line (EventOut)
-- exactly as `sitrep export events` prints it. This table is the boundary between the
-- stages that make events (the linker keeps its own state in its own tables) and those that
-- read them (export, the HTTP API, whose filter and full-text index derive from this table).
CREATE TABLE events (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
) WITHOUT ROWID;

-- Ids merged into other events: an id once exported is never lost; it resolves to the event
-- that absorbed it (also listed in that event's `merged_from`).
CREATE TABLE event_aliases (
    old_id   TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX event_aliases_event ON event_aliases(event_id);
