//! Reading titles (`Reader::read_with_title`) on any title and body: the input's first line is
//! the title given apart, the rest the body (text or HTML), with or without a publication
//! date. No panic; every evidence span marked `in_title` lies on char boundaries of the title
//! and every other one on those of the original text; every contract quote is exactly its slice
//! of the title (`"in": "title"`) or of the original text; the same input reads the same twice.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_clean::{CleanOptions, clean};
use sitrep_extract::Reader;
use sitrep_model::article::{Body, RawArticle};
use sitrep_model::contract::{TextPart, event_out};
use sitrep_model::mention::Evidence;
use sitrep_place::Gazetteer;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static READER: LazyLock<Reader<'static>> = LazyLock::new(|| Reader::new(&GAZ));

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let s = String::from_utf8_lossy(rest).into_owned();
    let (title, body) = s.split_once('\n').unwrap_or((s.as_str(), ""));
    let body = if mode & 1 == 0 { Body::Text(body.to_string()) } else { Body::Html(body.to_string()) };
    let published = (mode & 2 != 0).then(|| "2023-09-29".to_string());
    let raw =
        RawArticle { id: "f".into(), body, title: Some(title.to_string()), published, url: None, outlet: None, origin: "fuzz".into() };
    let article = clean(&raw, &CleanOptions::default());
    let mentions = READER.read_with_title(&article);
    let original = article.original.as_str();
    let t = article.title.as_deref().unwrap_or("");
    let check = |e: &Evidence| {
        let text = if e.in_title { t } else { original };
        assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "span out of its text");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "span not on char boundaries");
    };
    let ochars: Vec<char> = original.chars().collect();
    let tchars: Vec<char> = t.chars().collect();
    for (i, m) in mentions.iter().enumerate() {
        m.casualties.iter().for_each(|c| check(&c.evidence));
        m.tactics.iter().for_each(|x| check(&x.evidence));
        m.actors.iter().filter_map(|a| a.evidence.as_ref()).for_each(check);
        m.type_evidence.iter().chain(m.date.evidence.iter()).chain(m.location.evidence.iter()).for_each(check);
        let e = event_out(&article, &mentions, i, &[]);
        for ev in &e.evidence {
            let chars = if ev.within == Some(TextPart::Title) { &tchars } else { &ochars };
            let slice: String = chars[ev.start.min(chars.len())..ev.end.min(chars.len())].iter().collect();
            assert_eq!(slice, ev.quote, "a quote is not its slice");
        }
    }
    assert_eq!(READER.read_with_title(&article), mentions, "reading is not deterministic");
});
