//! The JSON API handlers. Each checks its parameters first (4xx with the error shape of
//! [`ApiError`]), then reads through the pool on a blocking thread.

use crate::App;
use crate::error::ApiError;
use crate::query::{self, Filter};
use crate::view::{self, SpanMapper};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use serde_json::{Value, json};
use sitrep_model::contract::EventOut;
use sitrep_store::serving::{self as sv, EventFilter};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

type Pairs = Query<Vec<(String, String)>>;

/// Longest accepted id.
const MAX_ID: usize = 512;

fn check_id(id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.len() > MAX_ID {
        return Err(ApiError::invalid(format!("an id has 1 to {MAX_ID} bytes")));
    }
    Ok(())
}

fn fold(s: &str) -> String {
    sitrep_text::fold(s.trim()).to_lowercase()
}

/// The store's filter, with the user's admin1 names matched to the stored spellings
/// (accents and case aside). A name matching nothing keeps the result empty.
pub fn resolve_filter(c: &Connection, f: Filter) -> Result<EventFilter, ApiError> {
    let mut store = f.store;
    if !f.admin1.is_empty() {
        let wanted: Vec<String> = f.admin1.iter().map(|a| fold(a)).collect();
        let mut names: Vec<String> = sv::admin1_names(c)?
            .into_iter()
            .filter(|(cc, name, _)| wanted.contains(&fold(name)) && (store.countries.is_empty() || store.countries.contains(cc)))
            .map(|(_, name, _)| name)
            .collect();
        names.sort();
        names.dedup();
        store.admin1 = if names.is_empty() { f.admin1 } else { names };
    }
    Ok(store)
}

fn parse_event(id: &str, json: &str) -> Option<EventOut> {
    match serde_json::from_str(json) {
        Ok(e) => Some(e),
        Err(err) => {
            eprintln!("sitrep serve: event {id}: unreadable contract line ({err}); left out");
            None
        }
    }
}

/// `GET /api/events`. The page's JSON is assembled from the stored short forms (or contract
/// lines) as they are, without parsing them again.
pub async fn events(State(app): State<Arc<App>>, Query(pairs): Pairs) -> Result<Response, ApiError> {
    let p = query::parse_list(&pairs)?;
    let body = app
        .pool
        .read(move |c| {
            let f = resolve_filter(c, p.filter)?;
            let shape = if p.full { sv::Shape::Full } else { sv::Shape::Summary };
            let page = sv::list_events(c, &f, p.sort, p.cursor.as_ref(), p.limit, shape)?;
            // a first page that is not full is the whole result: no count needed
            let total = match page.total {
                Some(t) => t,
                None if p.cursor.is_none() && page.next.is_none() => page.events.len() as u64,
                None => sv::count_events(c, &f)?,
            };
            let sort = query::SORTS.iter().find(|(_, s)| *s == p.sort).map_or("date_desc", |(n, _)| n);
            let next = serde_json::to_string(&page.next.as_ref().map(query::cursor_text)).map_err(ApiError::internal)?;
            let mut out = format!("{{\"total\":{total},\"limit\":{},\"sort\":\"{sort}\",\"next\":{next},\"events\":[", p.limit);
            for (i, (_, j)) in page.events.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(j);
            }
            out.push_str("]}");
            Ok(out)
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response())
}

/// `GET /api/events/map`.
pub async fn events_map(State(app): State<Arc<App>>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    let p = query::parse_map(&pairs)?;
    let cell = p.cell.unwrap_or_else(|| match p.filter.store.bbox {
        Some(b) => {
            let w = if b.west <= b.east { b.east - b.west } else { 360.0 - b.west + b.east };
            (w.max(b.north - b.south) / 60.0).clamp(0.01, 45.0)
        }
        None => 1.0,
    });
    let out = app
        .pool
        .read(move |c| {
            let f = resolve_filter(c, p.filter)?;
            let (points, grouped) = sv::map_points(c, &f, p.max_points, cell)?;
            let rows: Vec<Value> = points
                .iter()
                .map(|m| {
                    json!([
                        (m.lat * 1e5).round() / 1e5,
                        (m.lon * 1e5).round() / 1e5,
                        m.event_type,
                        m.events,
                        m.fatalities,
                        m.id,
                        m.place,
                        m.date
                    ])
                })
                .collect();
            Ok(json!({
                "grouped": grouped,
                "cell": if grouped { Some(cell) } else { None },
                "columns": ["lat", "lon", "event_type", "events", "fatalities", "id", "place", "date"],
                "points": rows,
            }))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/events/timeline`.
pub async fn events_timeline(State(app): State<Arc<App>>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    let f = query::parse_filter_only(&pairs)?;
    let out = app
        .pool
        .read(move |c| {
            let f = resolve_filter(c, f)?;
            let (weeks, left_out) = sv::timeline(c, &f)?;
            let weeks: Vec<Value> = weeks.iter().map(|w| json!({"week": w.week, "events": w.events, "fatalities": w.fatalities})).collect();
            Ok(json!({"weeks": weeks, "left_out": left_out}))
        })
        .await?;
    Ok(Json(out))
}

fn article_meta(a: &sitrep_store::articles::StoredArticle) -> Value {
    let x = &a.article;
    json!({
        "id": x.id, "title": x.title, "published": x.published, "published_from": x.published_from,
        "url": x.url, "outlet": x.outlet, "kind": a.kind, "flags": x.flags,
        "duplicate_of": a.duplicate_of, "derivative_of": a.derivative_of, "event_ids": a.event_ids,
    })
}

/// `GET /api/events/{id}`: the event (an id merged into another resolves to it), its
/// sources, and its claims grouped by field with their quotes in context.
pub async fn event(State(app): State<Arc<App>>, Path(id): Path<String>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    query::parse_none(&pairs)?;
    check_id(&id)?;
    let quotes_only = app.config.quotes_only;
    let out = app
        .pool
        .read(move |c| {
            let (json, merged_into) = match sv::event_json(c, &id)? {
                Some(j) => (j, None),
                None => {
                    let to = sv::alias_of(c, &id)?.ok_or_else(|| ApiError::not_found(format!("no event {:?}", query::clip(&id, 80))))?;
                    let j = sv::event_json(c, &to)?
                        .ok_or_else(|| ApiError::not_found(format!("event {:?} was merged into one that is gone", query::clip(&id, 80))))?;
                    (j, Some(to))
                }
            };
            let e: EventOut = serde_json::from_str(&json).map_err(|err| ApiError::internal(format!("event {id}: {err}")))?;
            let raw: Value = serde_json::from_str(&json).map_err(|err| ApiError::internal(format!("event {id}: {err}")))?;
            let mut ids: BTreeSet<&str> = BTreeSet::new();
            ids.extend(e.sources.iter().flatten().map(|s| s.article_id.as_str()));
            ids.extend(e.claims.iter().flatten().map(|s| s.article_id.as_str()));
            ids.extend(e.evidence.iter().map(|s| s.article_id.as_str()));
            let mut stored = BTreeMap::new();
            for a in ids {
                if let Some(sa) = sitrep_store::articles::load(c, a)? {
                    stored.insert(a.to_string(), sa);
                }
            }
            let mappers: BTreeMap<&str, SpanMapper<'_>> =
                stored.iter().map(|(id, sa)| (id.as_str(), SpanMapper::new(&sa.article))).collect();
            let context =
                |aid: &str, s: usize, en: usize| if quotes_only { None } else { mappers.get(aid).and_then(|m| m.context(s, en, 100)) };
            let fields = view::claim_fields(&e, &context);
            let articles: Vec<Value> = stored
                .values()
                .map(|sa| {
                    let mut m = article_meta(sa);
                    let src = e.sources.iter().flatten().find(|s| s.article_id == sa.article.id);
                    m["role"] = json!(src.map(|s| s.role));
                    m["independent"] = json!(src.map(|s| s.independent));
                    m
                })
                .collect();
            Ok(json!({
                "requested_id": id, "merged_into": merged_into, "quotes_only": quotes_only,
                "event": raw, "articles": articles, "fields": fields,
            }))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/articles`.
pub async fn articles(State(app): State<Arc<App>>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    let (cursor, q, limit) = query::parse_articles(&pairs)?;
    let out = app
        .pool
        .read(move |c| {
            let mut rows = sv::list_articles(c, cursor, q.as_deref(), limit + 1)?;
            let more = rows.len() > limit;
            rows.truncate(limit);
            let total = sitrep_store::articles::counts(c)?.0;
            let items: Vec<Value> = rows
                .iter()
                .map(|r| {
                    json!({
                        "id": r.id, "title": r.title, "published": r.published, "url": r.url, "outlet": r.outlet, "kind": r.kind,
                        "flags": serde_json::from_str::<Value>(&r.flags).unwrap_or(json!([])), "duplicate_of": r.duplicate_of, "events": r.events,
                    })
                })
                .collect();
            let next = if more { rows.last().map(|r| r.seq.to_string()) } else { None };
            Ok(json!({"total": total, "limit": limit, "next": next, "articles": items}))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/articles/{id}`: the article, its cleaned text (not with `--quotes-only`), and
/// every extraction of its events quoting it, as spans of that text.
pub async fn article(State(app): State<Arc<App>>, Path(id): Path<String>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    query::parse_none(&pairs)?;
    check_id(&id)?;
    let quotes_only = app.config.quotes_only;
    let out = app
        .pool
        .read(move |c| {
            let sa = sitrep_store::articles::load(c, &id)?
                .ok_or_else(|| ApiError::not_found(format!("no article {:?}", query::clip(&id, 80))))?;
            let events: Vec<EventOut> = sv::events_of_article(c, &id)?.iter().filter_map(|(eid, j)| parse_event(eid, j)).collect();
            let mut ids = vec![id.as_str()];
            if let Some(d) = &sa.duplicate_of {
                ids.push(d);
            }
            let mapper = SpanMapper::new(&sa.article);
            let spans = view::article_spans(&ids, &events, Some(&mapper));
            let summaries: Vec<Value> = events.iter().map(view::event_summary).collect();
            Ok(json!({
                "article": article_meta(&sa),
                "quotes_only": quotes_only,
                "text": if quotes_only { None } else { Some(&sa.article.text) },
                "spans": spans,
                "events": summaries,
            }))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/stats`.
pub async fn stats(State(app): State<Arc<App>>, Query(pairs): Pairs) -> Result<Json<Value>, ApiError> {
    query::parse_none(&pairs)?;
    let (quotes_only, writable) = (app.config.quotes_only, app.writer.is_some());
    let out = app
        .pool
        .read(move |c| {
            let s = sv::stats(c)?;
            let admin1: Vec<Value> = sv::admin1_names(c)?.into_iter().map(|(cc, a, n)| json!({"country_code": cc, "admin1": a, "events": n})).collect();
            let by_country: Vec<Value> = s
                .by_country
                .iter()
                .map(|(cc, n, f)| json!({"country_code": cc, "name": crate::countries::country(cc).map(|x| x.name.clone()), "events": n, "fatalities": f}))
                .collect();
            let pairs = |v: &[(String, u64)], key: &str| -> Vec<Value> { v.iter().map(|(k, n)| json!({key: k, "events": n})).collect() };
            Ok(json!({
                "events": s.events, "fatalities": s.fatalities, "articles": s.articles, "duplicates": s.duplicates,
                "merged_ids": s.aliases, "first_date": s.first_date, "last_date": s.last_date,
                "without_coordinates": s.without_coordinates, "undated": s.undated,
                "by_type": s.by_type.iter().map(|(t, n, f)| json!({"event_type": t, "events": n, "fatalities": f})).collect::<Vec<_>>(),
                "by_country": by_country,
                "by_flag": pairs(&s.by_flag, "flag"),
                "by_actor_kind": pairs(&s.by_actor_kind, "actor_kind"),
                "admin1": admin1,
                "quotes_only": quotes_only, "writable": writable, "version": env!("CARGO_PKG_VERSION"),
            }))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}

/// Anything else.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such page or API endpoint (see /api/openapi.json)")
}

fn token_matches(expected: &str, given: &str) -> bool {
    // constant time in the length of the expected token
    let (a, b) = (expected.as_bytes(), given.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// `POST /api/articles`: ingest JSON Lines (`application/x-ndjson`, `application/jsonl`,
/// `application/json`), an RSS/Atom feed (`application/rss+xml`, `application/atom+xml`,
/// `application/xml`), or one page or text (`text/html`, `text/plain`, with `?id=`), through
/// the same pipeline as `sitrep ingest`. Only with a write token, sent as
/// `Authorization: Bearer TOKEN`.
pub async fn post_articles(
    State(app): State<Arc<App>>,
    Query(pairs): Pairs,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (Some(writer), Some(token)) = (&app.writer, &app.config.write_token) else {
        let mut r = ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "read_only",
            "this server is read-only (start it with --write-token-file to accept uploads)",
        )
        .into_response();
        r.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Ok(r);
    };
    let given =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).unwrap_or_default();
    if !token_matches(token, given.trim()) {
        let mut r = ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "a valid write token is needed (Authorization: Bearer TOKEN)")
            .into_response();
        r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return Ok(r);
    }
    if pairs.iter().any(|(k, _)| k != "id") {
        return Err(ApiError::invalid("the only parameter of an upload is `id` (for a single text or HTML page)"));
    }
    let id = pairs.iter().find(|(k, _)| k == "id").map(|(_, v)| v.clone());
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let name = match mime.as_str() {
        "application/x-ndjson" | "application/jsonl" | "application/json-lines" | "application/json" => "upload.jsonl".to_string(),
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => "upload.xml".to_string(),
        "text/html" | "text/plain" => {
            let id = id.ok_or_else(|| ApiError::invalid("a single text or page needs `?id=` (its article id)"))?;
            check_id(&id)?;
            if id.contains(['/', '\\', '.']) {
                return Err(ApiError::invalid("an uploaded article id cannot contain '/', '\\' or '.'"));
            }
            format!("{id}.{}", if mime == "text/html" { "html" } else { "txt" })
        }
        _ => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send application/x-ndjson (JSON Lines), application/rss+xml or application/atom+xml, or text/html or text/plain with ?id=",
            ));
        }
    };
    if body.is_empty() {
        return Err(ApiError::invalid("the request body is empty"));
    }
    let popts = app.config.pipeline.clone();
    let report = writer
        .write(move |store| {
            let opts = sitrep_ingest::ReadOptions::default();
            let mut inputs = Vec::new();
            let mut rejected = Vec::new();
            for item in sitrep_ingest::read_bytes("upload", &name, &body, &opts) {
                match item {
                    Ok(i) => inputs.push(i),
                    Err(e) => rejected.push(json!({"origin": e.origin, "message": e.message})),
                }
            }
            let r = sitrep_pipeline::ingest_batch(store, inputs, &popts).map_err(ApiError::internal)?;
            rejected.extend(r.rejected.iter().map(|e| json!({"origin": e.origin, "message": e.message})));
            Ok(json!({
                "stored": r.stored, "duplicates": r.duplicates.iter().map(|(a, b)| json!({"id": a, "duplicate_of": b})).collect::<Vec<_>>(),
                "unchanged": r.unchanged, "replaced": r.replaced, "rejected": rejected,
                "warnings": r.warnings.iter().map(|(o, m)| json!({"origin": o, "message": m})).collect::<Vec<_>>(),
            }))
        })
        .await?;
    let took = ["stored", "duplicates", "unchanged", "replaced"].iter().any(|k| report[k].as_array().is_some_and(|a| !a.is_empty()));
    if !took {
        let first = report["rejected"][0]["message"].as_str().unwrap_or("no article in the upload").to_string();
        let mut body = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "nothing_stored", format!("nothing was stored: {first}")).body();
        body["report"] = report;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response());
    }
    Ok(Json(report).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(token_matches("0123456789abcdef", "0123456789abcdef"));
        assert!(!token_matches("0123456789abcdef", "0123456789abcde"));
        assert!(!token_matches("0123456789abcdef", "0123456789abcdefg"));
        assert!(!token_matches("0123456789abcdef", ""));
    }
}
