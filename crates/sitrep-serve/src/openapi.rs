//! The OpenAPI 3.1 document of the API (`GET /api/openapi.json`), written by hand; a test
//! checks that it names every route the router has and every parameter the parsers accept.

use serde_json::{Value, json};

fn param(name: &str, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "schema": schema, "description": description})
}

fn filter_params() -> Vec<Value> {
    let s = || json!({"type": "string"});
    vec![
        param("country", s(), "ISO 3166-1 alpha-2 codes (NE, ML), comma-separated or repeated"),
        param("admin1", s(), "first-level divisions by name (accents and case do not matter), comma-separated or repeated"),
        param("event_type", s(), "ACLED event types (\"Battles\", \"Explosions/Remote violence\", ...), comma-separated or repeated"),
        param("sub_event_type", s(), "ACLED sub-event types (\"Armed clash\", ...), comma-separated or repeated"),
        param(
            "date_from",
            json!({"type": "string", "format": "date"}),
            "events dated this day or later; an event's date is the middle of its possible days (ACLED's convention for week- and month-precise dates); undated events are left out",
        ),
        param("date_to", json!({"type": "string", "format": "date"}), "events dated this day or earlier (as date_from)"),
        param("min_fatalities", json!({"type": "integer", "minimum": 0}), "at least this many fatalities (ACLED's figure)"),
        param(
            "bbox",
            s(),
            "west,south,east,north in degrees; west > east crosses the antimeridian; events without coordinates are left out",
        ),
        param(
            "q",
            s(),
            "full text over places, actors, types, tactics, quotes and sources: words (all must match), \"exact phrases\", prefix*, a OR b, -excluded",
        ),
        param("actor", s(), "an actor's name or part of it (as a phrase)"),
        param(
            "actor_kind",
            s(),
            "with an actor of these ACLED kinds (state_forces, rebels, political_militia, identity_militia, rioters, protesters, civilians, external_forces, unknown)",
        ),
        param(
            "flag",
            s(),
            "with one of these flags (single_source, derivative_only, conflicting_counts, date_conflict, location_conflict, date_suspect)",
        ),
        param("article", s(), "told by this article (id)"),
    ]
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {"$ref": "#/components/responses/Error"},
        "503": {"$ref": "#/components/responses/Error"},
    })
}

/// The document.
pub fn document() -> Value {
    let mut list_params = filter_params();
    list_params.extend([
        param("sort", json!({"type": "string", "enum": ["date_desc", "date_asc", "fatalities_desc"], "default": "date_desc"}), "order"),
        param("cursor", json!({"type": "string"}), "`next` of the previous page"),
        param("limit", json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}), "page size"),
        param("full", json!({"type": "boolean", "default": false}), "whole contract lines instead of summaries"),
    ]);
    let mut map_params = filter_params();
    map_params.extend([
        param(
            "max_points",
            json!({"type": "integer", "minimum": 1, "maximum": 20000, "default": 3000}),
            "above this many events, markers group by grid cell and type",
        ),
        param(
            "cell",
            json!({"type": "number", "minimum": 0.01, "maximum": 45}),
            "grid cell in degrees (default: the box's size / 60, else 1)",
        ),
    ]);
    let id_param = |what: &str| json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": what});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Violent events read from news articles, deduplicated and reconciled across sources, each value with the quote it came from. Event objects are the contract lines of `sitrep export events --format jsonl`. Offsets (`start`, `end`) in contract objects are Unicode code points into the article's original text; offsets of article spans (`/api/articles/{id}`) are code points into the cleaned `text` it returns. Every error has the shape of `Error`. Unknown query parameters are errors.",
            "license": {"name": "Apache-2.0"},
        },
        "paths": {
            "/api/events": {"get": {
                "summary": "Events matching filters, one page at a time",
                "parameters": list_params,
                "responses": ok("a page", json!({"type": "object", "required": ["total", "limit", "sort", "next", "events"], "properties": {
                    "total": {"type": "integer", "description": "events matching the filters"},
                    "limit": {"type": "integer"}, "sort": {"type": "string"},
                    "next": {"type": ["string", "null"], "description": "cursor of the next page; null on the last"},
                    "events": {"type": "array", "items": {"$ref": "#/components/schemas/EventSummary"}},
                }})),
            }},
            "/api/events/map": {"get": {
                "summary": "Map markers of the events matching filters",
                "parameters": map_params,
                "responses": ok("markers: one per event, or (grouped) one per grid cell and event type", json!({"type": "object", "properties": {
                    "grouped": {"type": "boolean"}, "cell": {"type": ["number", "null"]},
                    "columns": {"type": "array", "items": {"type": "string"}, "description": "lat, lon, event_type, events, fatalities, id, place, date"},
                    "points": {"type": "array", "items": {"type": "array"}},
                }})),
            }},
            "/api/events/timeline": {"get": {
                "summary": "Events and fatalities per week (Monday) of the events matching filters",
                "parameters": filter_params(),
                "responses": ok("weeks with events; events dated only to the year or undated are counted in left_out", json!({"type": "object", "properties": {
                    "weeks": {"type": "array", "items": {"type": "object", "properties": {"week": {"type": "string", "format": "date"}, "events": {"type": "integer"}, "fatalities": {"type": "integer"}}}},
                    "left_out": {"type": "integer"},
                }})),
            }},
            "/api/events/{id}": {"get": {
                "summary": "One event with every claim, source and quote; an id merged into another event resolves to it",
                "parameters": [id_param("event id (current or merged)")],
                "responses": {
                    "200": {"description": "the event", "content": {"application/json": {"schema": {"type": "object", "properties": {
                        "requested_id": {"type": "string"}, "merged_into": {"type": ["string", "null"]}, "quotes_only": {"type": "boolean"},
                        "event": {"$ref": "#/components/schemas/Event"},
                        "articles": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleMeta"}},
                        "fields": {"type": "array", "items": {"$ref": "#/components/schemas/Field"}},
                    }}}}},
                    "404": {"$ref": "#/components/responses/Error"},
                },
            }},
            "/api/articles": {
                "get": {
                    "summary": "Ingested articles, newest ingested first",
                    "parameters": [
                        param("q", json!({"type": "string"}), "title or id contains this"),
                        param("cursor", json!({"type": "string"}), "`next` of the previous page"),
                        param("limit", json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}), "page size"),
                    ],
                    "responses": ok("a page", json!({"type": "object", "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "next": {"type": ["string", "null"]}, "articles": {"type": "array", "items": {"type": "object"}}}})),
                },
                "post": {
                    "summary": "Ingest articles (only when the server was started with a write token)",
                    "security": [{"bearer": []}],
                    "parameters": [param("id", json!({"type": "string"}), "the article id of a single text/plain or text/html upload")],
                    "requestBody": {"required": true, "content": {
                        "application/x-ndjson": {"schema": {"type": "string"}, "description": "JSON Lines: {id, text or html, title?, published?, url?, source?} per line"},
                        "application/rss+xml": {"schema": {"type": "string"}}, "application/atom+xml": {"schema": {"type": "string"}},
                        "text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}},
                    }},
                    "responses": {
                        "200": {"description": "what was stored, skipped and rejected (like `sitrep ingest`)", "content": {"application/json": {"schema": {"type": "object"}}}},
                        "401": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"},
                        "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
                        "422": {"$ref": "#/components/responses/Error"},
                    },
                },
            },
            "/api/articles/{id}": {"get": {
                "summary": "One article: its cleaned text (null with --quotes-only) and every extraction quoting it as spans of that text",
                "parameters": [id_param("article id")],
                "responses": {
                    "200": {"description": "the article", "content": {"application/json": {"schema": {"type": "object", "properties": {
                        "article": {"$ref": "#/components/schemas/ArticleMeta"}, "quotes_only": {"type": "boolean"},
                        "text": {"type": ["string", "null"]},
                        "spans": {"type": "array", "items": {"$ref": "#/components/schemas/Span"}},
                        "events": {"type": "array", "items": {"$ref": "#/components/schemas/EventSummary"}},
                    }}}}},
                    "404": {"$ref": "#/components/responses/Error"},
                },
            }},
            "/api/stats": {"get": {
                "summary": "Counts over the database: events, fatalities, articles, per type, country, admin1, flag and actor kind",
                "responses": ok("counts", json!({"type": "object"})),
            }},
            "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "an error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
                    "status": {"type": "integer"},
                    "code": {"type": "string", "description": "invalid_parameter, not_found, unauthorized, read_only, too_large, unsupported_media_type, misdirected_request, uri_too_long, timeout, nothing_stored, internal, ..."},
                    "message": {"type": "string"},
                }}}},
                "Event": {"type": "object", "description": "a contract line (PRODUCT.md): id, event_type, sub_event_type, date, location, actors, casualties, fatalities, tactics, sources, claims, flags, merged_from, evidence"},
                "EventSummary": {"type": "object", "properties": {
                    "id": {"type": "string"}, "event_type": {"type": "string"}, "sub_event_type": {"type": "string"},
                    "date": {"type": "object"}, "location": {"type": "object"}, "actors": {"type": "array"}, "casualties": {"type": "array"},
                    "fatalities": {"type": "integer"}, "flags": {"type": "array"}, "sources": {"type": "integer"}, "independent_sources": {"type": "integer"},
                }},
                "ArticleMeta": {"type": "object", "properties": {
                    "id": {"type": "string"}, "title": {"type": ["string", "null"]}, "published": {"type": ["string", "null"]},
                    "url": {"type": ["string", "null"]}, "outlet": {"type": ["string", "null"]}, "kind": {"type": "string"},
                    "flags": {"type": "array"}, "duplicate_of": {"type": ["string", "null"]}, "derivative_of": {"type": "array"},
                    "event_ids": {"type": "array"}, "role": {"type": ["string", "null"]}, "independent": {"type": ["boolean", "null"]},
                }},
                "Field": {"type": "object", "description": "the claims about one field of the event, side by side", "properties": {
                    "field": {"type": "string"}, "label": {"type": "string"}, "value": {}, "conflict": {"type": "boolean"},
                    "claims": {"type": "array", "items": {"type": "object", "description": "a contract claim plus independent, role, conflicts, and context {before, quote, after, start, end} (null with --quotes-only)"}},
                }},
                "Span": {"type": "object", "properties": {
                    "start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]},
                    "original_start": {"type": "integer"}, "original_end": {"type": "integer"}, "quote": {"type": "string"},
                    "field": {"type": "string"}, "event_id": {"type": "string"},
                    "claim": {"type": "boolean", "description": "this article claims a value with the quote"},
                    "evidence": {"type": "boolean", "description": "the event's own value rests on the quote"},
                    "superseded": {"type": "boolean"}, "attributed_to": {"type": ["string", "null"]}, "value": {},
                }},
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::FILTER_PARAMS;

    #[test]
    fn every_filter_parameter_is_documented() {
        let d = document();
        for path in ["/api/events", "/api/events/map", "/api/events/timeline"] {
            let names: Vec<&str> =
                d["paths"][path]["get"]["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
            for p in FILTER_PARAMS {
                assert!(names.contains(p), "{path} lacks {p}");
            }
        }
    }
}
