//! Relating and record building on any text: fingerprints, comparison, headline figures and
//! mention records with arbitrary (even out-of-range or mid-character) spans never panic;
//! `compare` is symmetric; every quote is the exact code-point slice of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_model::mention::{DateValue, EventMention, Evidence, LocationValue};
use sitrep_model::taxonomy::{SourceRole, SubEventType};
use sitrep_model::{ExtractorId, Span};
use sitrep_reconcile::MentionRecord;
use sitrep_reconcile::testkit::article;
use sitrep_relate::{Fingerprint, compare};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (a, b) = (data[0] as usize, data[1] as usize);
    let Ok(text) = std::str::from_utf8(&data[2..]) else { return };
    let cut = text.char_indices().map(|(i, _)| i).nth(a % (text.chars().count() + 1)).unwrap_or(text.len());
    let (x, y) = (Fingerprint::from_text("x", text, None), Fingerprint::from_text("y", &text[cut..], None));
    let (r1, r2) = (compare(&x, &y), compare(&y, &x));
    assert_eq!(r1, r2);
    let _ = sitrep_relate::headline::headline_figures(&text[..cut]);
    let _ = sitrep_relate::read_kind(text);

    let art = article("x", Some(&text[..cut]), None, text);
    let ev = |s: usize, e: usize| Evidence::new(Span { start: s, end: e.max(s) }, ExtractorId::new("fuzz.v1"));
    let m = EventMention {
        role: SourceRole::Primary,
        event_type: SubEventType::ArmedClash.event_type(),
        sub_event_type: SubEventType::ArmedClash,
        type_evidence: Some(ev(a, a + b)),
        date: DateValue::unknown(),
        location: LocationValue::default(),
        actors: vec![],
        casualties: vec![],
        tactics: vec![],
        sentences: vec![Span { start: b, end: (a + b).max(b) }],
    };
    let rec = MentionRecord::new(&art, &[m], 0);
    if let Some(q) = &rec.type_quote {
        let slice: String = text.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(slice, q.text);
    }
});
