-- The serving index (sitrep-serve): filter columns, lookup tables and a full-text index,
-- derived from `events` by triggers, so every writer keeps them current without knowing of
-- them (`INSERT OR REPLACE` included: a BEFORE INSERT trigger clears the old entry, since a
-- replace fires no delete trigger). Nothing here is a source of truth: the last statement
-- rebuilds it all from `events`.

-- One row per current event: the columns the API filters and sorts on.
CREATE TABLE event_index (
    n              INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country_code   TEXT,             -- upper case
    admin1         TEXT,             -- as the event gives it
    date_start     TEXT,             -- first possible day (YYYY-MM-DD)
    date_end       TEXT,             -- last possible day
    precision      TEXT NOT NULL,    -- date precision
    sort_date      TEXT NOT NULL,    -- the middle of the possible days, '' when unknown
    week           TEXT,             -- Monday of sort_date's week
    fatalities     INTEGER NOT NULL,
    lat            REAL,
    lon            REAL
);
CREATE INDEX event_index_date ON event_index(sort_date, n);
CREATE INDEX event_index_fatalities ON event_index(fatalities, n);
CREATE INDEX event_index_country ON event_index(country_code, sort_date);
CREATE INDEX event_index_admin1 ON event_index(admin1, sort_date);
CREATE INDEX event_index_type ON event_index(event_type, sort_date);
CREATE INDEX event_index_week ON event_index(week);
CREATE INDEX event_index_lat ON event_index(lat);

-- Many-valued attributes: kind `actor_kind` (an actor's ACLED kind), `flag`, `article` (a
-- source article id), `tactic`.
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
-- date expressions, every quote and whom it is attributed to). Contentless: the text lives
-- in `events`.
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

-- Before a row goes in (a replace included) or changes, its old entry goes; after, a valid
-- contract line gets its new one (a line that is not JSON is simply not indexed).
CREATE TRIGGER events_serving_clear_insert BEFORE INSERT ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = NEW.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = NEW.id);
    DELETE FROM event_index WHERE id = NEW.id;
END;

CREATE TRIGGER events_serving_clear_update BEFORE UPDATE ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_index WHERE id = OLD.id;
END;

CREATE TRIGGER events_serving_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_fts WHERE rowid = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_terms WHERE n = (SELECT n FROM event_index WHERE id = OLD.id);
    DELETE FROM event_index WHERE id = OLD.id;
END;

CREATE TRIGGER events_serving_insert AFTER INSERT ON events WHEN json_valid(NEW.json) AND json_type(NEW.json) = 'object' BEGIN
    INSERT INTO event_index (id, event_type, sub_event_type, country_code, admin1, date_start, date_end, precision, sort_date, week, fatalities, lat, lon)
    SELECT NEW.id, j.event_type, j.sub_event_type, j.country_code, j.admin1, j.date_start, j.date_end, j.precision,
           COALESCE(j.mid, ''), date(j.mid, '-6 days', 'weekday 1'), j.fatalities, j.lat, j.lon
    FROM (SELECT COALESCE(json_extract(NEW.json, '$.event_type'), '') AS event_type,
                 COALESCE(json_extract(NEW.json, '$.sub_event_type'), '') AS sub_event_type,
                 upper(json_extract(NEW.json, '$.location.country_code')) AS country_code,
                 json_extract(NEW.json, '$.location.admin1') AS admin1,
                 json_extract(NEW.json, '$.date.earliest') AS date_start,
                 json_extract(NEW.json, '$.date.latest') AS date_end,
                 COALESCE(json_extract(NEW.json, '$.date.precision'), 'unknown') AS precision,
                 COALESCE(date((julianday(json_extract(NEW.json, '$.date.earliest')) + julianday(json_extract(NEW.json, '$.date.latest'))) / 2),
                          json_extract(NEW.json, '$.date.earliest'), json_extract(NEW.json, '$.date.latest')) AS mid,
                 COALESCE(json_extract(NEW.json, '$.fatalities'), 0) AS fatalities,
                 json_extract(NEW.json, '$.location.lat') AS lat,
                 json_extract(NEW.json, '$.location.lon') AS lon) AS j;
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
    INSERT INTO event_index (id, event_type, sub_event_type, country_code, admin1, date_start, date_end, precision, sort_date, week, fatalities, lat, lon)
    SELECT NEW.id, j.event_type, j.sub_event_type, j.country_code, j.admin1, j.date_start, j.date_end, j.precision,
           COALESCE(j.mid, ''), date(j.mid, '-6 days', 'weekday 1'), j.fatalities, j.lat, j.lon
    FROM (SELECT COALESCE(json_extract(NEW.json, '$.event_type'), '') AS event_type,
                 COALESCE(json_extract(NEW.json, '$.sub_event_type'), '') AS sub_event_type,
                 upper(json_extract(NEW.json, '$.location.country_code')) AS country_code,
                 json_extract(NEW.json, '$.location.admin1') AS admin1,
                 json_extract(NEW.json, '$.date.earliest') AS date_start,
                 json_extract(NEW.json, '$.date.latest') AS date_end,
                 COALESCE(json_extract(NEW.json, '$.date.precision'), 'unknown') AS precision,
                 COALESCE(date((julianday(json_extract(NEW.json, '$.date.earliest')) + julianday(json_extract(NEW.json, '$.date.latest'))) / 2),
                          json_extract(NEW.json, '$.date.earliest'), json_extract(NEW.json, '$.date.latest')) AS mid,
                 COALESCE(json_extract(NEW.json, '$.fatalities'), 0) AS fatalities,
                 json_extract(NEW.json, '$.location.lat') AS lat,
                 json_extract(NEW.json, '$.location.lon') AS lon) AS j;
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

-- Index the events already stored (the update trigger does the work).
UPDATE events SET json = json;
