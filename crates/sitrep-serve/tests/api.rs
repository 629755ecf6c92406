//! The API end to end, in process: a database built by the real pipeline from articles
//! written for these tests (two independent reports of one attack with different tolls, a
//! hostile article), plus an alias; requests through the whole router and its guards.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use sitrep_serve::{App, Config, router};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;

const ARTICLES: &str = r#"{"id": "wire-douentza", "title": "Nine soldiers killed near Douentza", "published": "2026-04-08", "url": "https://wire.test/douentza", "source": "Example Wire", "text": "BAMAKO, April 8 - Gunmen killed nine soldiers in an attack on an army post near Douentza in the Mopti region on Tuesday, the army said in a statement. The attackers came on motorcycles and set fire to two vehicles before fleeing, the statement said."}
{"id": "radio-douentza", "title": "Army post attacked in central Mali", "published": "2026-04-09", "url": "https://radio.test/post-attack", "source": "Example Radio", "text": "MOPTI, April 9 - At least twelve soldiers were killed when armed men stormed a military post near Douentza on Tuesday, local officials told Example Radio. Residents said the assailants arrived on motorcycles at dawn."}
{"id": "hostile", "title": "Market <script>alert(1)</script> attack", "published": "2026-04-10", "url": "javascript:alert(1)", "source": "<b>Bad</b>", "text": "NIAMEY, April 10 - Gunmen killed four traders at a market in the Tillaberi region on Thursday, officials said. <script>alert('x')</script> <a href=\"javascript:alert(2)\">more</a>"}
"#;

fn build_db(dir: &Path) -> PathBuf {
    let path = dir.join("api.db");
    let mut store = sitrep_store::Store::open(&path).unwrap();
    let inputs: Vec<_> =
        sitrep_ingest::read_bytes("test", "test.jsonl", ARTICLES.as_bytes(), &Default::default()).into_iter().map(|i| i.unwrap()).collect();
    let report = sitrep_pipeline::ingest_batch(&mut store, inputs, &Default::default()).unwrap();
    assert_eq!(report.stored.len(), 3, "{report:?}");
    // an id merged into the first event resolves to it
    let first: String = store.conn().query_row("SELECT id FROM events ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    store.conn().execute("INSERT INTO event_aliases (old_id, event_id) VALUES ('ev-old-merged', ?1)", [&first]).unwrap();
    // and one event told by both reports, with tolls that cannot both hold, written by hand
    // with the articles' real quotes
    let quote = |article: &str, q: &str| {
        let a = sitrep_store::articles::load(store.conn(), article).unwrap().unwrap().article;
        let b = a.original.find(q).unwrap_or_else(|| panic!("{q:?} in {article}"));
        let start = a.original[..b].chars().count();
        (start, start + q.chars().count())
    };
    let (w0, w1) = quote("wire-douentza", "killed nine soldiers");
    let (r0, r1) = quote("radio-douentza", "At least twelve soldiers were killed");
    let (p0, p1) = quote("radio-douentza", "near Douentza");
    let e = serde_json::json!({
        "id": "ev-hand-douentza", "event_type": "Battles", "sub_event_type": "Armed clash",
        "date": {"earliest": "2026-04-07", "latest": "2026-04-07", "precision": "day", "expression": "on Tuesday"},
        "location": {"name": "Douentza", "country_code": "ML", "admin1": "Mopti", "admin2": null, "lat": 15.0, "lon": -2.95, "precision": "near", "geonames_id": null},
        "actors": [{"name": "Military Forces of Mali", "kind": "state_forces", "role": "target"}],
        "casualties": [{"party": "state_forces", "outcome": "killed", "low": 9, "best": 9, "high": 12, "vague": false, "cause": "violence"}],
        "fatalities": 9, "tactics": [],
        "sources": [
            {"article_id": "wire-douentza", "role": "primary", "independent": true, "url": "https://wire.test/douentza", "outlet": "Example Wire", "published": "2026-04-08"},
            {"article_id": "radio-douentza", "role": "primary", "independent": true, "url": "https://radio.test/post-attack", "outlet": "Example Radio", "published": "2026-04-09"}],
        "claims": [
            {"article_id": "wire-douentza", "field": "casualties[0]", "value": {"party": "state_forces", "outcome": "killed", "cause": "violence", "low": 9, "best": 9, "high": 9, "vague": false}, "attributed_to": "the army", "superseded": false, "start": w0, "end": w1, "quote": "killed nine soldiers"},
            {"article_id": "radio-douentza", "field": "casualties[0]", "value": {"party": "state_forces", "outcome": "killed", "cause": "violence", "low": 12, "best": 12, "high": null, "vague": false}, "attributed_to": "local officials", "superseded": false, "start": r0, "end": r1, "quote": "At least twelve soldiers were killed"},
            {"article_id": "radio-douentza", "field": "location", "value": {"name": "Douentza", "admin1": "Mopti", "country_code": "ML"}, "attributed_to": null, "superseded": false, "start": p0, "end": p1, "quote": "near Douentza"}],
        "flags": ["conflicting_counts"], "merged_from": [],
        "evidence": [{"article_id": "wire-douentza", "field": "casualties[0]", "start": w0, "end": w1, "quote": "killed nine soldiers"}]
    });
    store.conn().execute("INSERT INTO events (id, json) VALUES ('ev-hand-douentza', ?1)", [e.to_string()]).unwrap();
    path
}

struct Server {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Server {
    fn new() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let path = build_db(dir.path());
        Server { _dir: dir, path }
    }

    fn app(&self, edit: impl FnOnce(&mut Config)) -> axum::Router {
        let mut c = Config::new(self.path.clone());
        edit(&mut c);
        router(Arc::new(App::open(c).unwrap()))
    }
}

async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), 64 << 20).await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, body)
}

fn get(uri: &str) -> Request<Body> {
    Request::builder().uri(uri).header(header::HOST, "localhost:8080").body(Body::empty()).unwrap()
}

async fn get_json(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let (s, h, b) = send(app, get(uri)).await;
    assert!(h.get("content-security-policy").is_some(), "{uri} has a CSP");
    (s, b)
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["error"]["status"], want.as_u16(), "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn events_list_filter_page_and_search() {
    let s = Server::new();
    let app = s.app(|_| {});
    let (st, all) = get_json(&app, "/api/events").await;
    assert_eq!(st, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 2, "{all}");
    assert_eq!(all["events"].as_array().unwrap().len() as u64, total);
    let e0 = &all["events"][0];
    assert!(e0["id"].is_string() && e0["event_type"].is_string() && e0["fatalities"].is_u64() && e0["sources"].is_u64());

    // one page at a time
    let (_, p1) = get_json(&app, "/api/events?limit=1").await;
    let next = p1["next"].as_str().unwrap();
    let (_, p2) = get_json(&app, &format!("/api/events?limit=1&cursor={}", urlencode(next))).await;
    assert_ne!(p1["events"][0]["id"], p2["events"][0]["id"]);
    assert_eq!(p2["total"], all["total"]);

    // filters
    let (_, ml) = get_json(&app, "/api/events?country=ml").await;
    assert!(ml["total"].as_u64().unwrap() >= 1);
    assert!(ml["events"].as_array().unwrap().iter().all(|e| e["location"]["country_code"] == "ML"));
    let (_, mopti) = get_json(&app, "/api/events?admin1=mopti").await;
    assert!(mopti["total"].as_u64().unwrap() >= 1, "admin1 matches without case: {mopti}");
    assert!(mopti["events"].as_array().unwrap().iter().all(|e| e["location"]["admin1"] == "Mopti"));
    let (_, none) = get_json(&app, "/api/events?country=ML&min_fatalities=1000").await;
    assert_eq!(none["total"], 0);
    let (_, boxed) = get_json(&app, "/api/events?bbox=-3.5,14.5,-2.5,15.5").await;
    assert!(boxed["events"].as_array().unwrap().iter().any(|e| e["id"] == "ev-hand-douentza"), "{boxed}");
    assert!(boxed["events"].as_array().unwrap().iter().all(|e| e["location"]["lat"].as_f64().is_some_and(|l| (14.5..=15.5).contains(&l))));
    let (_, flagged) = get_json(&app, "/api/events?flag=conflicting_counts").await;
    assert_eq!(flagged["total"], 1);
    let (_, by_article) = get_json(&app, "/api/events?article=radio-douentza").await;
    assert!(by_article["events"].as_array().unwrap().iter().any(|e| e["id"] == "ev-hand-douentza"));
    let (_, found) = get_json(&app, "/api/events?q=motorcycles%20douentza").await;
    assert!(found["total"].as_u64().unwrap() >= 1);
    let (_, q_none) = get_json(&app, "/api/events?q=%22no%20such%20phrase%20anywhere%22").await;
    assert_eq!(q_none["total"], 0);
    let (_, full) = get_json(&app, "/api/events?full=true&limit=1").await;
    assert!(full["events"][0]["evidence"].is_array(), "whole contract lines");

    // the map and the timeline take the same filters
    let (_, map) = get_json(&app, "/api/events/map?country=ML").await;
    assert_eq!(map["grouped"], false);
    assert_eq!(map["points"].as_array().unwrap().len() as u64, ml["total"].as_u64().unwrap());
    let (_, grouped) = get_json(&app, "/api/events/map?max_points=1").await;
    assert_eq!(grouped["grouped"], true);
    let (_, tl) = get_json(&app, "/api/events/timeline").await;
    let weekly: u64 = tl["weeks"].as_array().unwrap().iter().map(|w| w["events"].as_u64().unwrap()).sum();
    assert_eq!(weekly + tl["left_out"].as_u64().unwrap(), total);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn user_errors_have_one_shape() {
    let s = Server::new();
    let app = s.app(|_| {});
    for (uri, status, code) in [
        ("/api/events?contry=NE", StatusCode::BAD_REQUEST, "invalid_parameter"),
        ("/api/events?date_from=soon", StatusCode::BAD_REQUEST, "invalid_parameter"),
        ("/api/events?cursor=xyz", StatusCode::BAD_REQUEST, "invalid_parameter"),
        ("/api/events?limit=many", StatusCode::BAD_REQUEST, "invalid_parameter"),
        ("/api/events/no-such-event", StatusCode::NOT_FOUND, "not_found"),
        ("/api/articles/no-such-article", StatusCode::NOT_FOUND, "not_found"),
        ("/api/nothing-here", StatusCode::NOT_FOUND, "not_found"),
        ("/no/such/page", StatusCode::NOT_FOUND, "not_found"),
        ("/api/stats?x=1", StatusCode::BAD_REQUEST, "invalid_parameter"),
    ] {
        let (st, body) = get_json(&app, uri).await;
        assert_error(st, &body, status, code);
    }
    let long = format!("/api/events?q={}", "a".repeat(9000));
    let (st, body) = get_json(&app, &long).await;
    assert_error(st, &body, StatusCode::URI_TOO_LONG, "uri_too_long");
    let put = Request::builder().method("PUT").uri("/api/events").header(header::HOST, "localhost").body(Body::empty()).unwrap();
    let (st, _, body) = send(&app, put).await;
    assert_error(st, &body, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn a_loopback_server_answers_loopback_names_only() {
    let s = Server::new();
    let app = s.app(|_| {});
    for host in ["localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
        let req = Request::builder().uri("/api/stats").header(header::HOST, host).body(Body::empty()).unwrap();
        assert_eq!(send(&app, req).await.0, StatusCode::OK, "{host}");
    }
    for host in ["evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io"] {
        let req = Request::builder().uri("/api/stats").header(header::HOST, host).body(Body::empty()).unwrap();
        let (st, _, body) = send(&app, req).await;
        assert_error(st, &body, StatusCode::MISDIRECTED_REQUEST, "misdirected_request");
    }
    let app = s.app(|c| c.allowed_hosts = vec!["sitrep.lan".into()]);
    let req = Request::builder().uri("/api/stats").header(header::HOST, "sitrep.lan:8080").body(Body::empty()).unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::OK);
}

#[tokio::test]
async fn an_event_has_its_claims_side_by_side_and_merged_ids_resolve() {
    let s = Server::new();
    let app = s.app(|_| {});
    let (st, d) = get_json(&app, "/api/events/ev-hand-douentza").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(d["event"]["id"], "ev-hand-douentza");
    assert_eq!(d["merged_into"], Value::Null);
    let fields = d["fields"].as_array().unwrap();
    assert_eq!(fields.iter().map(|f| f["field"].as_str().unwrap()).collect::<Vec<_>>(), ["location", "casualties[0]"]);
    let cas = &fields[1];
    assert_eq!(cas["label"], "state forces killed");
    assert_eq!(cas["conflict"], true);
    let claims = cas["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    for c in claims {
        assert_eq!(c["independent"], true);
        assert_eq!(c["conflicts"], true, "9 and at least 12 cannot both hold");
        assert_eq!(c["context"]["quote"], c["quote"], "the quote in its cleaned article: {c}");
        assert!(c["context"]["before"].as_str().unwrap().len() + c["context"]["after"].as_str().unwrap().len() > 20);
    }
    assert_eq!(claims[0]["article_id"], "wire-douentza", "earlier publication first");
    assert_eq!(d["articles"].as_array().unwrap().len(), 2);
    // the article page highlights the same quote
    let (_, a) = get_json(&app, "/api/articles/radio-douentza").await;
    assert!(
        a["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["event_id"] == "ev-hand-douentza" && s["quote"] == "At least twelve soldiers were killed")
    );
    // every event of the pipeline has its claims too
    let (_, list) = get_json(&app, "/api/events?country=NE").await;
    let id = list["events"][0]["id"].as_str().unwrap().to_string();
    let (_, d) = get_json(&app, &format!("/api/events/{id}")).await;
    for f in d["fields"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            assert!(c["quote"].as_str().is_some_and(|q| !q.is_empty()));
            assert_eq!(c["context"]["quote"], c["quote"], "{c}");
        }
    }
    // an id merged away resolves to the event that absorbed it
    let (_, first) = get_json(&app, "/api/events?sort=date_asc&limit=500").await;
    let (st, merged) = get_json(&app, "/api/events/ev-old-merged").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(merged["requested_id"], "ev-old-merged");
    assert!(merged["merged_into"].is_string());
    assert!(first["events"].as_array().unwrap().iter().any(|e| e["id"] == merged["merged_into"]));
}

#[tokio::test]
async fn articles_show_cleaned_text_with_spans_or_quotes_only() {
    let s = Server::new();
    let app = s.app(|_| {});
    let (_, list) = get_json(&app, "/api/articles").await;
    assert_eq!(list["total"], 3);
    let (_, found) = get_json(&app, "/api/articles?q=CENTRAL%20mali").await;
    assert_eq!(found["articles"].as_array().unwrap().len(), 1, "title or id, any case");
    let (_, a) = get_json(&app, "/api/articles/wire-douentza").await;
    let text = a["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let spans = a["spans"].as_array().unwrap();
    assert!(!spans.is_empty());
    for sp in spans {
        if let (Some(st), Some(en)) = (sp["start"].as_u64(), sp["end"].as_u64()) {
            let shown: String = chars[st as usize..en as usize].iter().collect();
            assert_eq!(shown, sp["quote"].as_str().unwrap(), "a span of the cleaned text is its quote");
        }
    }
    assert!(!a["events"].as_array().unwrap().is_empty());
    // hostile metadata is data: it comes back as the same strings
    let (_, h) = get_json(&app, "/api/articles/hostile").await;
    assert_eq!(h["article"]["title"], "Market <script>alert(1)</script> attack");
    assert!(h["text"].as_str().unwrap().contains("<script>alert('x')</script>"));

    let quotes = s.app(|c| c.quotes_only = true);
    let (_, q) = get_json(&quotes, "/api/articles/wire-douentza").await;
    assert_eq!(q["text"], Value::Null);
    assert_eq!(q["quotes_only"], true);
    assert_eq!(q["spans"].as_array().unwrap().len(), spans.len());
    let (_, d) = get_json(&quotes, "/api/events/ev-hand-douentza").await;
    for f in d["fields"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            assert_eq!(c["context"], Value::Null, "no article text around quotes");
        }
    }
}

#[tokio::test]
async fn uploads_need_a_write_token_and_go_through_the_pipeline() {
    let s = Server::new();
    let line = r#"{"id": "upload-1", "title": "Convoy ambushed near Gao", "published": "2026-04-12", "text": "GAO, April 12 - Six soldiers were killed when a convoy was ambushed near Gao on Saturday, the army said."}"#;
    let post = |auth: Option<&str>, ctype: &str, body: String| {
        let mut b =
            Request::builder().method("POST").uri("/api/articles").header(header::HOST, "localhost").header(header::CONTENT_TYPE, ctype);
        if let Some(a) = auth {
            b = b.header(header::AUTHORIZATION, a);
        }
        b.body(Body::from(body)).unwrap()
    };
    let ro = s.app(|_| {});
    let (st, _, body) = send(&ro, post(Some("Bearer 0123456789abcdef"), "application/x-ndjson", line.into())).await;
    assert_error(st, &body, StatusCode::METHOD_NOT_ALLOWED, "read_only");

    let token = "0123456789abcdef-token";
    let rw = s.app(|c| {
        c.write_token = Some(token.into());
        c.max_body_bytes = 64 * 1024;
    });
    let (st, h, body) = send(&rw, post(None, "application/x-ndjson", line.into())).await;
    assert_error(st, &body, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(h.get(header::WWW_AUTHENTICATE).unwrap(), "Bearer");
    let (st, _, body) = send(&rw, post(Some("Bearer wrong-token-wrong-token"), "application/x-ndjson", line.into())).await;
    assert_error(st, &body, StatusCode::UNAUTHORIZED, "unauthorized");
    let auth = format!("Bearer {token}");
    let (st, _, body) = send(&rw, post(Some(&auth), "application/pdf", line.into())).await;
    assert_error(st, &body, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let (st, _, body) = send(&rw, post(Some(&auth), "application/x-ndjson", "x".repeat(100 * 1024))).await;
    assert_error(st, &body, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    let (st, _, body) = send(&rw, post(Some(&auth), "application/x-ndjson", "{not json\n".into())).await;
    assert_error(st, &body, StatusCode::UNPROCESSABLE_ENTITY, "nothing_stored");
    assert_eq!(body["report"]["rejected"].as_array().unwrap().len(), 1);

    let (st, _, body) = send(&rw, post(Some(&auth), "application/x-ndjson", format!("{line}\n"))).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], serde_json::json!(["upload-1"]));
    let (_, a) = get_json(&rw, "/api/articles/upload-1").await;
    assert!(!a["events"].as_array().unwrap().is_empty(), "the reader and the linker ran on the upload: {a}");
    // the same input again changes nothing
    let (_, _, again) = send(&rw, post(Some(&auth), "application/x-ndjson", line.into())).await;
    assert_eq!(again["unchanged"], serde_json::json!(["upload-1"]));
    // one page as text, with its id
    let mut req = post(Some(&auth), "text/plain", "Two civilians were killed by a landmine near Mopti on Monday, officials said.".into());
    *req.uri_mut() = "/api/articles?id=landmine-note".parse().unwrap();
    let (st, _, body) = send(&rw, req).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], serde_json::json!(["landmine-note"]));
}

#[tokio::test]
async fn the_page_and_its_files_come_with_guards_and_etags() {
    let s = Server::new();
    let app = s.app(|_| {});
    let resp = app.clone().oneshot(get("/")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let h = resp.headers();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe"));
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("x-frame-options").unwrap(), "DENY");
    let etag = h.get(header::ETAG).unwrap().clone();
    let again =
        Request::builder().uri("/").header(header::HOST, "localhost").header(header::IF_NONE_MATCH, etag).body(Body::empty()).unwrap();
    assert_eq!(app.clone().oneshot(again).await.unwrap().status(), StatusCode::NOT_MODIFIED);
    // the map data, gzip when accepted, plain otherwise
    let gz = Request::builder()
        .uri("/assets/map.json")
        .header(header::HOST, "localhost")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let r = app.clone().oneshot(gz).await.unwrap();
    assert_eq!(r.headers().get(header::CONTENT_ENCODING).unwrap(), "gzip");
    let (st, _, plain) = send(&app, get("/assets/map.json")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(plain["admin1"].as_array().unwrap().len() > 4000);
    // the document names every route the API has
    let (_, doc) = get_json(&app, "/api/openapi.json").await;
    for path in [
        "/api/events",
        "/api/events/map",
        "/api/events/timeline",
        "/api/events/{id}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/stats",
        "/api/openapi.json",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let (_, stats) = get_json(&app, "/api/stats").await;
    assert_eq!(stats["articles"], 3);
    assert_eq!(stats["writable"], false);
    assert!(stats["by_country"].as_array().unwrap().iter().any(|c| c["country_code"] == "ML" && c["name"] == "Mali"));
}
