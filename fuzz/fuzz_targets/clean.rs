//! The cleaner on any text or HTML: no panic, idempotent on its own output, and every span of
//! the cleaned text inside one line quotes the original exactly.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_clean::{CleanOptions, clean};
use sitrep_model::article::{Body, RawArticle};
use sitrep_text::Span;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let s = String::from_utf8_lossy(rest).into_owned();
    let raw = |body: Body| RawArticle { id: "f".into(), body, title: None, published: None, url: None, outlet: None, origin: "fuzz".into() };
    let a = clean(&raw(if mode & 1 == 0 { Body::Text(s) } else { Body::Html(s) }), &CleanOptions::default());
    assert_eq!(a.map.derived_len(), a.text.len());
    assert_eq!(a.map.original_len(), a.original.len());
    let mut pos = 0;
    for line in a.text.split('\n') {
        if !line.is_empty() {
            let o = a.map.to_original(Span::new(pos, pos + line.len()));
            assert_eq!(&a.original[o.start..o.end], line);
        }
        pos += line.len() + 1;
    }
    let mut again = raw(Body::Text(a.text.clone()));
    again.title = a.title.clone();
    let b = clean(&again, &CleanOptions::default());
    assert_eq!(a.text, b.text);
});
