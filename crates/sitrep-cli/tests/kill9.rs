//! A `kill -9` in the middle of a large ingest leaves a database that passes
//! `PRAGMA integrity_check` and holds only whole articles; running the same command again
//! completes it.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const N: usize = 40_000;

fn text(i: usize) -> String {
    format!(
        "Report {i}: gunmen attacked the village of Example-{v} on a market day, killing {k} people and wounding {w}, officials said. \
         The attackers came on motorcycles and set fire to {s} stalls before leaving towards the hills, residents said. \
         A second source, speaking on condition of anonymity, put the toll at {k2}. The army said it had sent reinforcements \
         to the area and that an operation was under way to find those responsible for the attack number {i}.",
        v = i % 977,
        k = i % 37,
        w = i % 11,
        s = i % 50,
        k2 = i % 37 + 2
    )
}

fn count(db: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.busy_timeout(Duration::from_secs(10)).unwrap();
    c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)).unwrap_or(0)
}

#[test]
fn kill_9_leaves_whole_articles_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    for i in 0..N {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("a{i}"), "text": text(i), "url": format!("https://example-{}.test/{i}", i % 7)})
        )
        .unwrap();
    }
    drop(f);
    let db = dir.path().join("k.db");
    let args = ["ingest", "--quiet", "--batch-size", "200", "--db", db.to_str().unwrap(), input.to_str().unwrap()];
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).stderr(Stdio::null()).spawn().unwrap();
    // Wait for the first committed batches, then kill -9 (SIGKILL) in the middle.
    let start = Instant::now();
    while !db.exists() || count(&db) < 400 {
        assert!(start.elapsed() < Duration::from_secs(120), "no batch committed");
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before it could be killed");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let stored: i64 = c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert!(stored > 0 && (stored as usize) < N, "killed after {stored} of {N}: not in the middle");
    assert_eq!(stored % 200, 0, "whole batches only: {stored}");
    // Only whole articles: every row has its texts, and they are the article's.
    let mut stmt =
        c.prepare("SELECT a.id, t.original, t.text, length(t.map) FROM articles a LEFT JOIN article_texts t ON t.seq = a.seq").unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, Option<i64>>(3)?))
        })
        .unwrap();
    for row in rows {
        let (id, original, cleaned, map) = row.unwrap();
        let i: usize = id[1..].parse().unwrap();
        assert_eq!(original.as_deref(), Some(text(i).as_str()), "{id}");
        assert_eq!(cleaned.as_deref(), Some(text(i).as_str()), "{id}");
        assert!(map.unwrap_or(0) > 0);
    }
    drop(stmt);
    drop(c);
    // The same command again completes the job.
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(count(&db) as usize, N);
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}
