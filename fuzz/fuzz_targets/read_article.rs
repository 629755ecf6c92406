//! The whole one-article reader (cleaning, then `Reader::read`, then the contract's event
//! objects) on any text or HTML, with or without a publication date: no panic, and every
//! evidence span lies on char boundaries of the original text, every quote is exactly its
//! slice (offsets in code points), every casualty and tactic has evidence, and the same input
//! reads the same twice.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_clean::{CleanOptions, clean};
use sitrep_extract::Reader;
use sitrep_model::article::{Body, RawArticle};
use sitrep_model::contract::event_out;
use sitrep_place::Gazetteer;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static READER: LazyLock<Reader<'static>> = LazyLock::new(|| Reader::new(&GAZ));

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let s = String::from_utf8_lossy(rest).into_owned();
    let body = if mode & 1 == 0 { Body::Text(s) } else { Body::Html(s) };
    let published = (mode & 2 != 0).then(|| "2023-09-29".to_string());
    let raw = RawArticle { id: "f".into(), body, title: None, published, url: None, outlet: None, origin: "fuzz".into() };
    let article = clean(&raw, &CleanOptions::default());
    let mentions = READER.read(&article);
    let original = &article.original;
    let chars: Vec<char> = original.chars().collect();
    for (i, m) in mentions.iter().enumerate() {
        for c in &m.casualties {
            let sp = c.evidence.span;
            assert!(sp.start <= sp.end && sp.end <= original.len(), "casualty span out of the text");
            assert!(original.is_char_boundary(sp.start) && original.is_char_boundary(sp.end), "casualty span not on char boundaries");
        }
        for t in &m.tactics {
            assert!(original.get(t.evidence.span.start..t.evidence.span.end).is_some(), "tactic span");
        }
        let e = event_out(&article, &mentions, i, &[]);
        for ev in &e.evidence {
            let slice: String = chars[ev.start.min(chars.len())..ev.end.min(chars.len())].iter().collect();
            assert_eq!(slice, ev.quote, "a quote is not its slice");
        }
        let cas = e.evidence.iter().filter(|x| x.field.starts_with("casualties[")).count();
        assert_eq!(cas, e.casualties.len(), "a casualty without evidence");
        assert!(e.sub_event_type.event_type() == e.event_type);
    }
    assert_eq!(READER.read(&article), mentions, "reading is not deterministic");
});
