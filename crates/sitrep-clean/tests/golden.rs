//! Golden tests of cleaning on the project's own example pages (`examples/articles`, and
//! `tests/pages`): title, publication date, flags, diagnostics and cleaned text. Review a
//! change by hand (`INSTA_UPDATE=always cargo test -p sitrep-clean --test golden`, then read
//! the `.snap` diff).

use sitrep_clean::{CleanOptions, clean};
use sitrep_model::article::{Body, RawArticle};
use sitrep_text::Span;
use std::fmt::Write;
use std::path::Path;

fn render(path: &Path) -> String {
    let data = std::fs::read_to_string(path).unwrap();
    let html = path.extension().is_some_and(|e| e == "html");
    let raw = RawArticle {
        id: path.file_stem().unwrap().to_string_lossy().into_owned(),
        body: if html { Body::Html(data) } else { Body::Text(data) },
        title: None,
        published: None,
        url: None,
        outlet: None,
        origin: path.display().to_string(),
    };
    let a = clean(&raw, &CleanOptions::default());
    // Every line of the cleaned text quotes the original.
    let mut pos = 0;
    for line in a.text.split('\n') {
        let o = a.map.to_original(Span::new(pos, pos + line.len()));
        assert_eq!(&a.original[o.start..o.end], line, "{}", path.display());
        pos += line.len() + 1;
    }
    let mut s = String::new();
    writeln!(s, "title: {}", a.title.as_deref().unwrap_or("-")).unwrap();
    writeln!(s, "published: {} ({})", a.published.map_or("-".into(), |d| d.to_string()), a.published_from.map_or("-", |p| p.as_str()))
        .unwrap();
    writeln!(s, "outlet: {}", a.outlet.as_deref().unwrap_or("-")).unwrap();
    writeln!(s, "flags: {:?}", a.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>()).unwrap();
    for d in &a.diagnostics {
        writeln!(s, "diagnostic: {}: {}", d.code, d.message).unwrap();
    }
    writeln!(s, "--- text ---\n{}", a.text).unwrap();
    s
}

fn check_dir(dir: &Path, exts: &[&str]) {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e)))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no pages in {}", dir.display());
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().replace('.', "_");
        insta::assert_snapshot!(name, render(&p));
    }
}

#[test]
fn example_articles() {
    check_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles"), &["txt", "html"]);
}

#[test]
fn test_pages() {
    check_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages"), &["txt", "html"]);
}
