//! Titles read end to end: `sitrep extract`, `ingest` + `export` and `show` on our own JSON Lines
//! articles whose body tells nothing and whose title tells a shooting.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn sitrep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir).env("SITREP_GAZETTEER", "").output().expect("run sitrep")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

const SHOOTING: &str = "Three men shot outside a Dayton bowling alley on Saturday";
const QUIET: &str = "Library extends its weekend opening hours";

fn input(dir: &Path) {
    let caption = "Photo: the front of a building at night. (File photo)";
    let rows = [
        serde_json::json!({"id": "t-shooting", "title": SHOOTING, "published": "2024-06-10", "text": caption}),
        serde_json::json!({"id": "t-quiet", "title": QUIET, "published": "2024-06-10", "text": caption}),
    ];
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(dir.join("in.jsonl"), text).unwrap();
}

/// Every quote marked `"in": "title"` is the code-point slice of `title`; returns how many.
fn title_quotes(items: &[Value], title: &str) -> usize {
    let chars: Vec<char> = title.chars().collect();
    let mut n = 0;
    for x in items {
        assert_eq!(x["in"], "title", "{x}");
        let (s, e) = (x["start"].as_u64().unwrap() as usize, x["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), x["quote"].as_str().unwrap());
        n += 1;
    }
    n
}

#[test]
fn a_title_alone_gives_an_event_quoted_from_it() {
    let dir = tempfile::tempdir().unwrap();
    input(dir.path());
    let out = sitrep(&["extract", "in.jsonl"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ex = lines(&out);
    assert_eq!(ex.len(), 2);
    let shooting = ex.iter().find(|l| l["article_id"] == "t-shooting").unwrap();
    let events = shooting["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["date"]["earliest"], "2024-06-08");
    let wounded: u64 =
        events[0]["casualties"].as_array().unwrap().iter().filter(|c| c["outcome"] == "wounded").map(|c| c["best"].as_u64().unwrap()).sum();
    assert_eq!(wounded, 3);
    assert!(title_quotes(events[0]["evidence"].as_array().unwrap(), SHOOTING) >= 2);
    let quiet = ex.iter().find(|l| l["article_id"] == "t-quiet").unwrap();
    assert_eq!(quiet["events"].as_array().unwrap().len(), 0);

    let out = sitrep(&["ingest", "--db", "t.db", "--quiet", "in.jsonl"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = lines(&sitrep(&["export", "events", "--db", "t.db", "--format", "jsonl"], dir.path()));
    assert_eq!(events.len(), 1, "the quiet title gives no event");
    let e = &events[0];
    assert!(title_quotes(e["evidence"].as_array().unwrap(), SHOOTING) >= 2);
    assert!(title_quotes(e["claims"].as_array().unwrap(), SHOOTING) >= 2);
    let articles = lines(&sitrep(&["export", "articles", "--db", "t.db", "--format", "jsonl"], dir.path()));
    let a = articles.iter().find(|a| a["id"] == "t-shooting").unwrap();
    assert_eq!(a["title"], SHOOTING);
    assert_eq!(a["event_ids"][0], e["id"]);

    let out = sitrep(&["show", e["id"].as_str().unwrap(), "--db", "t.db"], dir.path());
    assert!(out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("headline: \"3 men shot\"") || shown.contains("headline: \"Three men shot\""), "{shown}");
}
