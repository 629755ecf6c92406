-- The serving index, second form: migration 4's tables rebuilt with covering indexes for
-- the API's filters (measured: with 100,000 events, a box or a country-and-type filter read
-- thousands of table rows per page under the first form), the place name kept for map
-- markers, and date filters on the middle day of an event's possible days (ACLED's
-- convention for week- and month-precise dates). As before everything derives from `events`
-- through triggers and the last statement rebuilds it.

DROP TRIGGER IF EXISTS events_serving_clear_insert;
DROP TRIGGER IF EXISTS events_serving_clear_update;
DROP TRIGGER IF EXISTS events_serving_delete;
DROP TRIGGER IF EXISTS events_serving_insert;
DROP TRIGGER IF EXISTS events_serving_update;
DROP TRIGGER IF EXISTS event_index_added;
DROP TRIGGER IF EXISTS event_index_removed;
DROP TABLE IF EXISTS event_fts;
DROP TABLE IF EXISTS event_admin1;
DROP TABLE IF EXISTS event_terms;
DROP TABLE IF EXISTS event_index;
DROP TABLE IF EXISTS event_summary;

-- One row per current event: the columns the API filters and sorts on.
CREATE TABLE event_index (
    n              INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country_code   TEXT,             -- upper case
    admin1         TEXT,             -- as the event gives it
    place          TEXT,             -- location name
    date_start     TEXT,             -- first possible day (YYYY-MM-DD)
    date_end       TEXT,             -- last possible day
    precision      TEXT NOT NULL,    -- date precision
    sort_date      TEXT NOT NULL,    -- the middle of the possible days, '' when unknown
    week           TEXT,             -- Monday of sort_date's week
    fatalities     INTEGER NOT NULL,
    lat            REAL,
    lon            REAL,
    actor_kinds    INTEGER NOT NULL,  -- bit i: an actor of kind i (state_forces, rebels, political_militia,
                                      -- identity_militia, rioters, protesters, civilians, external_forces, unknown)
    flags          INTEGER NOT NULL   -- bit i: flag i (single_source, derivative_only, conflicting_counts,
                                      -- date_conflict, location_conflict, date_suspect)
);
-- Each index ends with the row number (implicitly), so pages come in (key, n) order.
CREATE INDEX event_index_date ON event_index(sort_date);
CREATE INDEX event_index_fatalities ON event_index(fatalities, sort_date);
CREATE INDEX event_index_country ON event_index(country_code, event_type, sort_date);
CREATE INDEX event_index_country_date ON event_index(country_code, sort_date);
CREATE INDEX event_index_admin1 ON event_index(admin1, sort_date);
CREATE INDEX event_index_type ON event_index(event_type, sort_date);
CREATE INDEX event_index_geo ON event_index(lat, lon, sort_date, fatalities, event_type);
CREATE INDEX event_index_week ON event_index(week, precision, fatalities);

-- The short form of each event that event lists show (the contract line's id, types,
-- date, place, actors, casualties, fatalities, flags, and source counts), so that a page
-- reads a few hundred bytes per event instead of its whole line.
CREATE TABLE event_summary (
    n    INTEGER PRIMARY KEY,
    json TEXT NOT NULL
);

-- Many-valued attributes: kind `actor_kind` (an actor's ACLED kind), `flag`, `article` (a
-- source article id), `tactic` (filters on actor kinds and flags use the bit columns above;
-- these rows serve the counts of /api/stats and the article and tactic filters).
CREATE TABLE event_terms (
    kind  TEXT NOT NULL,
    value TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (kind, value, n)
) WITHOUT ROWID;
CREATE INDEX event_terms_n ON event_terms(n);

-- How many events each (country, admin1) has: the API matches a user's admin1 against these
-- names without caring for accents or case.
CREATE TABLE event_admin1 (
    country_code TEXT NOT NULL,
    admin1       TEXT NOT NULL,
    events       INTEGER NOT NULL,
    PRIMARY KEY (country_code, admin1)
) WITHOUT ROWID;

-- Full text: place names, actor names, and everything else worth finding (types, tactics,
-- date expressions, every quote and whom it is attributed to, outlets). Contentless: the
-- text lives in `events`.
CREATE VIRTUAL TABLE event_fts USING fts5(
    place, actors, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER event_index_added AFTER INSERT ON event_index WHEN NEW.admin1 IS NOT NULL BEGIN
    INSERT INTO event_admin1 (country_code, admin1, events) VALUES (COALESCE(NEW.country_code, ''), NEW.admin1, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
END;

CREATE TRIGGER event_index_removed AFTER DELETE ON event_index WHEN OLD.admin1 IS NOT NULL BEGIN
    UPDATE event_admin1 SET events = events - 1 WHERE country_code = COALESCE(OLD.country_code, '') AND admin1 = OLD.admin1;
    DELETE FROM event_admin1 WHERE country_code = COALESCE(OLD.country_code, '') AND admin1 = OLD.admin1 AND events <= 0;
END;

-- Before a row goes in (a replace included: it fires no delete trigger) or changes, its old
-- entry goes; after, a valid contract line gets its new one (a line that is not a JSON object
-- is simply not indexed).
CREATE TRIGGER events_serving_clear_insert BEFORE INSERT ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = NEW.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = NEW.id);
    DELETE FROM event_summary WHERE n = (SELECT n FROM event_index WHERE id = NEW.id);
    DELETE FROM event_index WHERE id = NEW.id;
END;

CREATE TRIGGER events_serving_clear_update BEFORE UPDATE ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_summary WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_index WHERE id = OLD.id;
END;

CREATE TRIGGER events_serving_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_summary WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_index WHERE id = OLD.id;
END;

CREATE TRIGGER events_serving_insert AFTER INSERT ON events WHEN json_valid(NEW.json) AND json_type(NEW.json) = 'object' BEGIN
    INSERT INTO event_index (id, event_type, sub_event_type, country_code, admin1, place, date_start, date_end, precision, sort_date, week, fatalities, lat, lon, actor_kinds, flags)
    SELECT NEW.id, j.event_type, j.sub_event_type, j.country_code, j.admin1, j.place, j.date_start, j.date_end, j.precision,
           COALESCE(j.mid, ''), date(j.mid, '-6 days', 'weekday 1'), j.fatalities, j.lat, j.lon,
           (SELECT CAST(total(DISTINCT CASE json_extract(a.value, '$.kind') WHEN 'state_forces' THEN 1 WHEN 'rebels' THEN 2 WHEN 'political_militia' THEN 4 WHEN 'identity_militia' THEN 8 WHEN 'rioters' THEN 16 WHEN 'protesters' THEN 32 WHEN 'civilians' THEN 64 WHEN 'external_forces' THEN 128 WHEN 'unknown' THEN 256 ELSE 0 END) AS INTEGER)
            FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object'),
           (SELECT CAST(total(DISTINCT CASE f.value WHEN 'single_source' THEN 1 WHEN 'derivative_only' THEN 2 WHEN 'conflicting_counts' THEN 4 WHEN 'date_conflict' THEN 8 WHEN 'location_conflict' THEN 16 WHEN 'date_suspect' THEN 32 ELSE 0 END) AS INTEGER) FROM json_each(NEW.json, '$.flags') AS f)
    FROM (SELECT COALESCE(json_extract(NEW.json, '$.event_type'), '') AS event_type,
                 COALESCE(json_extract(NEW.json, '$.sub_event_type'), '') AS sub_event_type,
                 upper(json_extract(NEW.json, '$.location.country_code')) AS country_code,
                 json_extract(NEW.json, '$.location.admin1') AS admin1,
                 json_extract(NEW.json, '$.location.name') AS place,
                 json_extract(NEW.json, '$.date.earliest') AS date_start,
                 json_extract(NEW.json, '$.date.latest') AS date_end,
                 COALESCE(json_extract(NEW.json, '$.date.precision'), 'unknown') AS precision,
                 COALESCE(date((julianday(json_extract(NEW.json, '$.date.earliest')) + julianday(json_extract(NEW.json, '$.date.latest'))) / 2),
                          json_extract(NEW.json, '$.date.earliest'), json_extract(NEW.json, '$.date.latest')) AS mid,
                 COALESCE(json_extract(NEW.json, '$.fatalities'), 0) AS fatalities,
                 json_extract(NEW.json, '$.location.lat') AS lat,
                 json_extract(NEW.json, '$.location.lon') AS lon) AS j;
    INSERT INTO event_summary (n, json) VALUES ((SELECT n FROM event_index WHERE id = NEW.id), json_object(
        'id', NEW.id,
        'event_type', json_extract(NEW.json, '$.event_type'),
        'sub_event_type', json_extract(NEW.json, '$.sub_event_type'),
        'date', json_object('earliest', json_extract(NEW.json, '$.date.earliest'), 'latest', json_extract(NEW.json, '$.date.latest'),
                            'precision', json_extract(NEW.json, '$.date.precision')),
        'location', json_object('name', json_extract(NEW.json, '$.location.name'), 'country_code', json_extract(NEW.json, '$.location.country_code'),
                                'admin1', json_extract(NEW.json, '$.location.admin1'), 'admin2', json_extract(NEW.json, '$.location.admin2'),
                                'lat', json_extract(NEW.json, '$.location.lat'), 'lon', json_extract(NEW.json, '$.location.lon'),
                                'precision', json_extract(NEW.json, '$.location.precision')),
        'actors', json(COALESCE(json_extract(NEW.json, '$.actors'), '[]')),
        'casualties', json(COALESCE(json_extract(NEW.json, '$.casualties'), '[]')),
        'fatalities', COALESCE(json_extract(NEW.json, '$.fatalities'), 0),
        'flags', json(COALESCE(json_extract(NEW.json, '$.flags'), '[]')),
        'sources', COALESCE(json_array_length(NEW.json, '$.sources'), 0),
        'independent_sources', (SELECT COUNT(*) FROM json_each(NEW.json, '$.sources') AS s
                                WHERE s.type = 'object' AND json_extract(s.value, '$.independent') = 1)));
    INSERT OR IGNORE INTO event_terms (kind, value, n)
        SELECT 'actor_kind', json_extract(a.value, '$.kind'), (SELECT n FROM event_index WHERE id = NEW.id)
        FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object' AND json_extract(a.value, '$.kind') IS NOT NULL
        UNION ALL SELECT 'flag', f.value, (SELECT n FROM event_index WHERE id = NEW.id) FROM json_each(NEW.json, '$.flags') AS f
        UNION ALL SELECT 'tactic', t.value, (SELECT n FROM event_index WHERE id = NEW.id) FROM json_each(NEW.json, '$.tactics') AS t
        UNION ALL SELECT 'article', json_extract(s.value, '$.article_id'), (SELECT n FROM event_index WHERE id = NEW.id)
        FROM json_each(NEW.json, '$.sources') AS s WHERE s.type = 'object' AND json_extract(s.value, '$.article_id') IS NOT NULL;
    INSERT INTO event_fts (rowid, place, actors, body) VALUES (
        (SELECT n FROM event_index WHERE id = NEW.id),
        concat_ws(' ; ', json_extract(NEW.json, '$.location.name'), json_extract(NEW.json, '$.location.admin2'),
                  json_extract(NEW.json, '$.location.admin1'), json_extract(NEW.json, '$.location.country_code')),
        (SELECT group_concat(json_extract(a.value, '$.name'), ' ; ') FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object'),
        concat_ws(' ; ', json_extract(NEW.json, '$.event_type'), json_extract(NEW.json, '$.sub_event_type'),
                  json_extract(NEW.json, '$.date.expression'),
                  (SELECT group_concat(t.value, ' ; ') FROM json_each(NEW.json, '$.tactics') AS t),
                  (SELECT group_concat(json_extract(e.value, '$.quote'), ' ; ') FROM json_each(NEW.json, '$.evidence') AS e WHERE e.type = 'object'),
                  (SELECT group_concat(concat_ws(' ; ', json_extract(c.value, '$.quote'), json_extract(c.value, '$.attributed_to')), ' ; ')
                   FROM json_each(NEW.json, '$.claims') AS c WHERE c.type = 'object'),
                  (SELECT group_concat(concat_ws(' ; ', json_extract(s.value, '$.outlet'), json_extract(s.value, '$.url')), ' ; ')
                   FROM json_each(NEW.json, '$.sources') AS s WHERE s.type = 'object'))
    );
END;

CREATE TRIGGER events_serving_update AFTER UPDATE ON events WHEN json_valid(NEW.json) AND json_type(NEW.json) = 'object' BEGIN
    INSERT INTO event_index (id, event_type, sub_event_type, country_code, admin1, place, date_start, date_end, precision, sort_date, week, fatalities, lat, lon, actor_kinds, flags)
    SELECT NEW.id, j.event_type, j.sub_event_type, j.country_code, j.admin1, j.place, j.date_start, j.date_end, j.precision,
           COALESCE(j.mid, ''), date(j.mid, '-6 days', 'weekday 1'), j.fatalities, j.lat, j.lon,
           (SELECT CAST(total(DISTINCT CASE json_extract(a.value, '$.kind') WHEN 'state_forces' THEN 1 WHEN 'rebels' THEN 2 WHEN 'political_militia' THEN 4 WHEN 'identity_militia' THEN 8 WHEN 'rioters' THEN 16 WHEN 'protesters' THEN 32 WHEN 'civilians' THEN 64 WHEN 'external_forces' THEN 128 WHEN 'unknown' THEN 256 ELSE 0 END) AS INTEGER)
            FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object'),
           (SELECT CAST(total(DISTINCT CASE f.value WHEN 'single_source' THEN 1 WHEN 'derivative_only' THEN 2 WHEN 'conflicting_counts' THEN 4 WHEN 'date_conflict' THEN 8 WHEN 'location_conflict' THEN 16 WHEN 'date_suspect' THEN 32 ELSE 0 END) AS INTEGER) FROM json_each(NEW.json, '$.flags') AS f)
    FROM (SELECT COALESCE(json_extract(NEW.json, '$.event_type'), '') AS event_type,
                 COALESCE(json_extract(NEW.json, '$.sub_event_type'), '') AS sub_event_type,
                 upper(json_extract(NEW.json, '$.location.country_code')) AS country_code,
                 json_extract(NEW.json, '$.location.admin1') AS admin1,
                 json_extract(NEW.json, '$.location.name') AS place,
                 json_extract(NEW.json, '$.date.earliest') AS date_start,
                 json_extract(NEW.json, '$.date.latest') AS date_end,
                 COALESCE(json_extract(NEW.json, '$.date.precision'), 'unknown') AS precision,
                 COALESCE(date((julianday(json_extract(NEW.json, '$.date.earliest')) + julianday(json_extract(NEW.json, '$.date.latest'))) / 2),
                          json_extract(NEW.json, '$.date.earliest'), json_extract(NEW.json, '$.date.latest')) AS mid,
                 COALESCE(json_extract(NEW.json, '$.fatalities'), 0) AS fatalities,
                 json_extract(NEW.json, '$.location.lat') AS lat,
                 json_extract(NEW.json, '$.location.lon') AS lon) AS j;
    INSERT INTO event_summary (n, json) VALUES ((SELECT n FROM event_index WHERE id = NEW.id), json_object(
        'id', NEW.id,
        'event_type', json_extract(NEW.json, '$.event_type'),
        'sub_event_type', json_extract(NEW.json, '$.sub_event_type'),
        'date', json_object('earliest', json_extract(NEW.json, '$.date.earliest'), 'latest', json_extract(NEW.json, '$.date.latest'),
                            'precision', json_extract(NEW.json, '$.date.precision')),
        'location', json_object('name', json_extract(NEW.json, '$.location.name'), 'country_code', json_extract(NEW.json, '$.location.country_code'),
                                'admin1', json_extract(NEW.json, '$.location.admin1'), 'admin2', json_extract(NEW.json, '$.location.admin2'),
                                'lat', json_extract(NEW.json, '$.location.lat'), 'lon', json_extract(NEW.json, '$.location.lon'),
                                'precision', json_extract(NEW.json, '$.location.precision')),
        'actors', json(COALESCE(json_extract(NEW.json, '$.actors'), '[]')),
        'casualties', json(COALESCE(json_extract(NEW.json, '$.casualties'), '[]')),
        'fatalities', COALESCE(json_extract(NEW.json, '$.fatalities'), 0),
        'flags', json(COALESCE(json_extract(NEW.json, '$.flags'), '[]')),
        'sources', COALESCE(json_array_length(NEW.json, '$.sources'), 0),
        'independent_sources', (SELECT COUNT(*) FROM json_each(NEW.json, '$.sources') AS s
                                WHERE s.type = 'object' AND json_extract(s.value, '$.independent') = 1)));
    INSERT OR IGNORE INTO event_terms (kind, value, n)
        SELECT 'actor_kind', json_extract(a.value, '$.kind'), (SELECT n FROM event_index WHERE id = NEW.id)
        FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object' AND json_extract(a.value, '$.kind') IS NOT NULL
        UNION ALL SELECT 'flag', f.value, (SELECT n FROM event_index WHERE id = NEW.id) FROM json_each(NEW.json, '$.flags') AS f
        UNION ALL SELECT 'tactic', t.value, (SELECT n FROM event_index WHERE id = NEW.id) FROM json_each(NEW.json, '$.tactics') AS t
        UNION ALL SELECT 'article', json_extract(s.value, '$.article_id'), (SELECT n FROM event_index WHERE id = NEW.id)
        FROM json_each(NEW.json, '$.sources') AS s WHERE s.type = 'object' AND json_extract(s.value, '$.article_id') IS NOT NULL;
    INSERT INTO event_fts (rowid, place, actors, body) VALUES (
        (SELECT n FROM event_index WHERE id = NEW.id),
        concat_ws(' ; ', json_extract(NEW.json, '$.location.name'), json_extract(NEW.json, '$.location.admin2'),
                  json_extract(NEW.json, '$.location.admin1'), json_extract(NEW.json, '$.location.country_code')),
        (SELECT group_concat(json_extract(a.value, '$.name'), ' ; ') FROM json_each(NEW.json, '$.actors') AS a WHERE a.type = 'object'),
        concat_ws(' ; ', json_extract(NEW.json, '$.event_type'), json_extract(NEW.json, '$.sub_event_type'),
                  json_extract(NEW.json, '$.date.expression'),
                  (SELECT group_concat(t.value, ' ; ') FROM json_each(NEW.json, '$.tactics') AS t),
                  (SELECT group_concat(json_extract(e.value, '$.quote'), ' ; ') FROM json_each(NEW.json, '$.evidence') AS e WHERE e.type = 'object'),
                  (SELECT group_concat(concat_ws(' ; ', json_extract(c.value, '$.quote'), json_extract(c.value, '$.attributed_to')), ' ; ')
                   FROM json_each(NEW.json, '$.claims') AS c WHERE c.type = 'object'),
                  (SELECT group_concat(concat_ws(' ; ', json_extract(s.value, '$.outlet'), json_extract(s.value, '$.url')), ' ; ')
                   FROM json_each(NEW.json, '$.sources') AS s WHERE s.type = 'object'))
    );
END;

-- Index the events already stored (the update triggers do the work).
UPDATE events SET json = json;
