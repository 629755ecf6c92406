//! `sitrep serve --examples` (the README's main command) end to end: in an empty directory it
//! creates the database from the built-in example articles, prints the address, and serves
//! the page and the API read-only.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 request over a fresh connection; the status and the body.
fn request(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/x-ndjson\r\nAuthorization: Bearer 0123456789abcdef-token\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (head, rest) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(rest) } else { rest.to_string() };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

#[test]
fn serve_examples_builds_the_database_and_serves_it_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["serve", "--examples", "--addr", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env_remove("SITREP_WRITE_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sitrep");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut printed = Vec::new();
    let mut addr = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.split_once("http://").map(|(_, r)| r) {
            addr = rest.split('/').next().map(str::to_string);
            printed.push(line);
            break;
        }
        printed.push(line);
    }
    let Some(addr) = addr else {
        let mut err = String::new();
        BufReader::new(stderr).read_to_string(&mut err).unwrap();
        panic!("no address printed: {printed:?} {err}");
    };
    assert!(dir.path().join("sitrep.db").exists(), "the default database ./sitrep.db was created");
    assert!(printed.iter().any(|l| l.contains("kokorou-ambush")), "the stored examples are listed: {printed:?}");
    assert!(printed.last().unwrap().contains("(read-only)"), "{printed:?}");

    let (status, page) = request(&addr, "GET", "/", "");
    assert_eq!(status, 200);
    assert!(page.contains("/assets/app.js"), "{page}");
    let (status, stats) = request(&addr, "GET", "/api/stats", "");
    assert_eq!(status, 200, "{stats}");
    let stats: Value = serde_json::from_str(&stats).unwrap();
    assert!(stats["events"].as_u64().unwrap() > 0, "{stats}");
    assert_eq!(stats["articles"].as_u64(), Some(10), "{stats}");
    // no write token: uploads are refused, whatever token a request bears
    let line = r#"{"id": "late", "text": "Two people were killed in a clash near Gao on Monday, police said."}"#;
    let (status, body) = request(&addr, "POST", "/api/articles", line);
    assert_eq!(status, 405, "{body}");
    assert!(body.contains("read_only"), "{body}");
    drop(server);
}

#[test]
fn events_export_as_csv_and_geojson() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir.path()).output().expect("run sitrep");
    let out = run(&["ingest", "--db", "x.db", "--quiet"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = run(&["export", "events", "--db", "x.db"]);
    let events = String::from_utf8(lines.stdout).unwrap().lines().count();
    assert!(events > 0);

    let csv = run(&["export", "events", "--db", "x.db", "--format", "csv"]);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut rows = csv.split("\r\n").filter(|l| !l.is_empty());
    let header = rows.next().unwrap();
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1"), "{header}");
    assert_eq!(rows.filter(|r| r.starts_with("ev-")).count(), events, "one row per event");

    let geo = run(&["export", "events", "--db", "x.db", "--format", "geojson"]);
    assert!(geo.status.success(), "{}", String::from_utf8_lossy(&geo.stderr));
    let geo: Value = serde_json::from_slice(&geo.stdout).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), events);
    assert!(features.iter().any(|f| f["geometry"]["type"] == "Point"), "placed events are points");

    let articles = run(&["export", "articles", "--db", "x.db", "--format", "csv"]);
    assert_eq!(articles.status.code(), Some(1), "articles have no CSV form");
}
