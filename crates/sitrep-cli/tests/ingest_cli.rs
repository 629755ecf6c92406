//! `sitrep ingest` and `sitrep export articles` end to end, on the project's own example
//! articles and on bad input of every kind the issue lists.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

fn sitrep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir).output().expect("run sitrep")
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn export(dir: &Path, db: &str) -> Vec<Value> {
    let out = sitrep(&["export", "articles", "--db", db, "--format", "jsonl"], dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn examples_go_in_once() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = sitrep(&["ingest", "--db", "x.db", ex.to_str().unwrap()], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("ingested 9, duplicates 1, rejected 0"), "{err}");
    let arts = export(dir.path(), "x.db");
    assert_eq!(arts.len(), 10);
    // The contract's fields, in its shapes.
    for a in &arts {
        for k in [
            "id",
            "title",
            "published",
            "published_from",
            "kind",
            "duplicate_of",
            "derivative_of",
            "flags",
            "event_ids",
            "url",
            "outlet",
            "text",
        ] {
            assert!(a.get(k).is_some(), "{k} missing in {a}");
        }
        // the opinion piece about the Kokorou ambush is commentary, every other example a report
        let want = if a["id"] == "kokorou-ambush-commentary" { "commentary" } else { "report" };
        assert_eq!(a["kind"], want, "{a}");
    }
    let by_id = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap().clone();
    let k = by_id("kokorou-ambush");
    assert_eq!(k["published"], "2026-03-14");
    assert_eq!(k["published_from"], "dateline");
    assert_eq!(k["title"], "Gunmen kill at least 11 soldiers in ambush near Kokorou");
    let text = k["text"].as_str().unwrap();
    assert!(!text.contains("Advertisement") && !text.contains("Share on") && !text.contains(".jpg") && !text.contains("Source »"));
    assert_eq!(text.matches("Gunmen kill at least 11 soldiers").count(), 1);
    assert_eq!(by_id("kokorou-ambush-commentary")["flags"], serde_json::json!(["undated"]));
    assert_eq!(by_id("dori-roadside-bomb")["published"], Value::Null);
    let dup = by_id("djibo-abduction-syndicated");
    assert_eq!(dup["duplicate_of"], "djibo-abduction");
    assert_eq!(dup["text"], by_id("djibo-abduction")["text"]);
    assert_eq!(by_id("sem-2026-0511-niono")["published_from"], "metadata");
    // Again: nothing changes.
    let out = sitrep(&["ingest", "--db", "x.db", ex.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ingested 0, duplicates 0, rejected 0, already stored 10"));
    assert_eq!(export(dir.path(), "x.db"), arts);
}

#[test]
fn built_in_examples_and_listing() {
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(&["ingest"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.starts_with("10 articles in sitrep.db"), "{listing}");
    assert!(listing.contains("duplicate of djibo-abduction"));
    assert!(dir.path().join("sitrep.db").exists());
}

#[test]
fn standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["ingest", "--db", "s.db", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"one\",\"text\":\"A mine killed two herders near Inates on Monday, residents said.\"}\n{oops}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("-:2: malformed JSON"), "{err}");
    assert_eq!(export(dir.path(), "s.db").len(), 1);
}

#[test]
fn bad_input_is_named_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    let good = "Gunmen killed four traders on the road to Tessit on Friday, a local official said on Saturday.";
    std::fs::write(d.join("good.txt"), good).unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02\x03 not text \x00").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    // Latin-1 text: decoded with the detector, stored, and said so.
    let latin1 = encoding_rs_free_latin1("Des hommes armés ont attaqué le marché de Tillabéri vendredi, a déclaré un élu local.");
    std::fs::write(d.join("latin1.txt"), latin1).unwrap();
    // Truncated gzip: the lines before the damage go in.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(
            gz,
            "{{\"id\":\"gz{i}\",\"text\":\"Report number {i} tells of an attack near Ménaka in which {i} people died, officials said.\"}}"
        )
        .unwrap();
    }
    let gz = gz.finish().unwrap();
    std::fs::write(d.join("cut.jsonl.gz"), &gz[..gz.len() * 2 / 3]).unwrap();
    // Malformed JSON on line 3, invalid UTF-8 on line 4.
    let mut jl =
        b"{\"id\":\"j1\",\"text\":\"Three soldiers died near Ouallam, the army said on Sunday night.\"}\n\n{\"id\": \"j3\", \"text\": \n"
            .to_vec();
    jl.extend_from_slice(b"{\"id\":\"j4\",\"text\":\"caf\xe9\"}\n{\"id\":\"j5\",\"text\":\"Two gendarmes were wounded near Dosso on Friday, the ministry said.\"}\n");
    std::fs::write(d.join("lines.jsonl"), jl).unwrap();
    // HTML nested 100,000 deep.
    let deep = format!(
        "<html><body>{}<p>Deep page: a convoy was attacked near Tahoua on Monday, killing six people.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(d.join("deep.html"), deep).unwrap();
    // A 50 MB line.
    let mut big = b"{\"id\":\"big\",\"text\":\"".to_vec();
    big.resize(big.len() + 50 * 1024 * 1024, b'a');
    big.extend_from_slice(b"\"}\n{\"id\":\"after-big\",\"text\":\"A patrol was ambushed near Abala on Tuesday, the ministry said.\"}\n");
    std::fs::write(d.join("big.jsonl"), big).unwrap();

    let out = sitrep(&["ingest", "--db", "b.db", "in"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let has = |needle: &str| assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    has("in/binary.txt: binary data (NUL bytes)");
    has("in/empty.txt: empty file");
    has("in/latin1.txt: warning: not UTF-8");
    has("in/cut.jsonl.gz: truncated or corrupt gzip data");
    has("in/lines.jsonl:3: malformed JSON");
    has("in/lines.jsonl:4: not valid UTF-8");
    has("in/big.jsonl:1: line is 52428822 bytes");
    // One message per bad input, and the summary.
    let named = |l: &&str| l.starts_with("sitrep: ") && !l.contains("warning") && !l.contains("semantic matching is off");
    assert_eq!(err.lines().filter(named).count(), 6, "{err}");
    has("rejected 6 (see above)");
    let arts = export(dir.path(), "b.db");
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    for id in ["good", "latin1", "j1", "j5", "deep", "after-big", "gz0"] {
        assert!(ids.contains(&id), "{id} not stored: {ids:?}");
    }
    let gz_stored = ids.iter().filter(|i| i.starts_with("gz")).count();
    assert!(gz_stored > 10 && gz_stored < 200, "{gz_stored}");
    let latin = arts.iter().find(|a| a["id"] == "latin1").unwrap();
    assert!(latin["text"].as_str().unwrap().contains("armés ont attaqué"));
    assert!(latin["flags"].as_array().unwrap().contains(&Value::from("transcoded")));
    let deep = arts.iter().find(|a| a["id"] == "deep").unwrap();
    assert!(deep["text"].as_str().unwrap().contains("convoy was attacked near Tahoua"));
}

/// Latin-1 bytes of an ASCII/Latin-1 string (without an encoder dependency).
fn encoding_rs_free_latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(c as u32).expect("Latin-1")).collect()
}

#[test]
fn an_unusable_database_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a-directory.db")).unwrap();
    let out = sitrep(&["ingest", "--db", "a-directory.db", examples().to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open database a-directory.db"));
    let out = sitrep(&["export", "articles", "--db", "missing.db"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at missing.db"));
    assert!(!dir.path().join("missing.db").exists());
}

#[test]
fn same_id_from_other_content_is_rejected_unless_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\":\"x\",\"text\":\"First version: two soldiers were killed near Diffa on Monday.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"id\":\"x\",\"text\":\"Second version: three soldiers were killed near Diffa on Monday.\"}\n",
    )
    .unwrap();
    assert_eq!(sitrep(&["ingest", "--db", "r.db", "a.jsonl"], dir.path()).status.code(), Some(0));
    let out = sitrep(&["ingest", "--db", "r.db", "b.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("b.jsonl:1: id \"x\" is already stored from different content"));
    assert!(export(dir.path(), "r.db")[0]["text"].as_str().unwrap().starts_with("First"));
    assert_eq!(sitrep(&["ingest", "--db", "r.db", "--replace", "b.jsonl"], dir.path()).status.code(), Some(0));
    assert!(export(dir.path(), "r.db")[0]["text"].as_str().unwrap().starts_with("Second"));
}
