//! The web page's files, built into the binary: plain HTML, CSS and JavaScript (no build
//! step, no third-party script), an SVG icon, and the map outlines (gzip JSON, sent as is to
//! clients that accept gzip). Each answer carries an ETag; a client revalidates with it.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

/// A built-in file.
#[derive(Debug)]
pub struct Asset {
    /// Name under `/assets/` (`index.html` is served at `/`).
    pub name: &'static str,
    /// MIME type.
    pub mime: &'static str,
    /// Bytes (gzip-compressed when `gzip`).
    pub bytes: &'static [u8],
    /// The bytes are gzip.
    pub gzip: bool,
}

/// Every file of the page.
pub const ASSETS: &[Asset] = &[
    Asset { name: "index.html", mime: "text/html; charset=utf-8", bytes: include_bytes!("../assets/index.html"), gzip: false },
    Asset { name: "app.js", mime: "text/javascript; charset=utf-8", bytes: include_bytes!("../assets/app.js"), gzip: false },
    Asset { name: "map.js", mime: "text/javascript; charset=utf-8", bytes: include_bytes!("../assets/map.js"), gzip: false },
    Asset { name: "style.css", mime: "text/css; charset=utf-8", bytes: include_bytes!("../assets/style.css"), gzip: false },
    Asset { name: "icon.svg", mime: "image/svg+xml", bytes: include_bytes!("../assets/icon.svg"), gzip: false },
    Asset { name: "map.json", mime: "application/json", bytes: crate::countries::MAP_GZ, gzip: true },
    Asset { name: "LICENSES.md", mime: "text/plain; charset=utf-8", bytes: include_bytes!("../assets/LICENSES.md"), gzip: false },
];

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

static ETAGS: LazyLock<Vec<String>> = LazyLock::new(|| ASSETS.iter().map(|a| format!("\"{:016x}\"", fnv(a.bytes))).collect());

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).any(|v| {
        v.split(',').any(|part| {
            let mut it = part.trim().split(';');
            let name = it.next().unwrap_or_default().trim();
            let q_zero = it.any(|p| p.trim().replace(' ', "") == "q=0");
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !q_zero
        })
    })
}

/// The answer for one asset (304 when the client's ETag matches).
pub fn respond(i: usize, headers: &HeaderMap) -> Response {
    let a = &ASSETS[i];
    let etag = &ETAGS[i];
    let mut h = HeaderMap::new();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::ETAG, HeaderValue::from_str(etag).expect("hex etag"));
    if a.gzip {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    let matched = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matched {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.mime));
    if !a.gzip {
        return (h, a.bytes).into_response();
    }
    if accepts_gzip(headers) {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        return (h, a.bytes).into_response();
    }
    let mut out = Vec::new();
    match std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(a.bytes), &mut out) {
        Ok(_) => (h, out).into_response(),
        Err(e) => crate::error::ApiError::internal(format!("built-in asset {}: {e}", a.name)).into_response(),
    }
}

/// `GET /`.
pub async fn index(headers: HeaderMap) -> Response {
    respond(0, &headers)
}

/// `GET /assets/{name}`.
pub async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match ASSETS.iter().position(|a| a.name == name && a.name != "index.html") {
        Some(i) => respond(i, &headers),
        None => crate::error::ApiError::not_found("no such file").into_response(),
    }
}

/// `GET /favicon.ico`: the SVG icon.
pub async fn favicon(headers: HeaderMap) -> Response {
    respond(ASSETS.iter().position(|a| a.name == "icon.svg").expect("icon"), &headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_nothing_from_elsewhere_and_runs_no_inline_script() {
        let html = std::str::from_utf8(ASSETS[0].bytes).unwrap();
        assert!(!html.contains("http://") && !html.contains("https://"), "no outside address in the page");
        // every script has a src from this server, and there is no inline handler or style
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(tag.contains("src=\"/assets/"), "{tag}");
        }
        assert!(!regex_like_handler(html), "no inline event handlers");
        assert!(!html.contains("style=\""), "no inline style");
        for a in ASSETS.iter().filter(|a| a.name.ends_with(".js")) {
            let js = std::str::from_utf8(a.bytes).unwrap();
            for banned in [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
                "new Function",
                "setAttribute('style'",
                "setAttribute(\"style\"",
            ] {
                assert!(!js.contains(banned), "{} uses {banned}", a.name);
            }
            let outside = js.replace("http://www.w3.org/2000/svg", "");
            assert!(!outside.contains("http://") && !outside.contains("https://"), "{} names no outside address", a.name);
        }
    }

    fn regex_like_handler(html: &str) -> bool {
        html.split('<').any(|tag| tag.split_whitespace().skip(1).any(|attr| attr.starts_with("on") && attr.contains('=')))
    }

    #[test]
    fn gzip_is_negotiated() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br, gzip;q=0.8"));
        assert!(accepts_gzip(&h));
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip;q=0, identity"));
        assert!(!accepts_gzip(&h));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
