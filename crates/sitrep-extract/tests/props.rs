//! Property tests on texts made of our own example sentences and random noise:
//! every span the reader returns quotes the original text exactly (on char boundaries, and the
//! contract's code-point quotes are the slices), and the results do not depend on unrelated
//! text placed before the article (spans move by its length, nothing else changes).

use proptest::prelude::*;
use serde_json::Value;
use sitrep_extract::Reader;
use sitrep_extract::actors::{self, ActorTable};
use sitrep_extract::numbers;
use sitrep_model::article::Article;
use sitrep_model::contract::event_out;
use sitrep_place::Gazetteer;
use sitrep_text::OffsetMap;
use std::sync::LazyLock;

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);
static READER: LazyLock<Reader<'static>> = LazyLock::new(|| Reader::new(&GAZ));
static TABLE: LazyLock<ActorTable> = LazyLock::new(ActorTable::builtin);

const POOL: &[&str] = &[
    "Gunmen on motorcycles killed nine villagers and wounded two others near Tera on Sunday.",
    "At least 14 gendarmes were killed, six were wounded and three went missing, the ministry said.",
    "Four police officers died in the fighting, while two more died in a road accident.",
    "Last month, 17 soldiers were killed in an ambush near the border with Mali.",
    "Two weeks earlier, an IED destroyed a truck on the same road, killing the driver.",
    "Hundreds of fighters attacked the garrison; about 40 assailants were killed, according to AFP.",
    "Residents of Ségou said several dozen houses were burned — «a disaster».",
    "The junta signed a defence pact in Niamey. Analysts say violence has surged in recent months.",
    "ISWAP militants abducted a teacher and seized 40 cattle in the village of Bosso.",
    "Students demonstrated in Zinder; police dispersed them with tear gas and arrested 12 people.",
    "Hours before, two officers told AFP that at least eight gendarmes had been slain.",
    "Three weeks before that raid, militants in the same district took the lives of 13 troops and a shepherd.",
    "L'armée a dit: 12 soldats tués à Ménaka. 😢 Des témoins parlent de «dizaines» de morts.",
];

const PREFIXES: &[&str] = &[
    "Markets reopened after the holiday.\n",
    "The weather was mild and dry.\n\n",
    "Subscribe to our newsletter for more stories.\n",
    "(photo © archives, 2019)\n",
];

fn article(text: &str, published: Option<&str>) -> Article {
    Article {
        id: "p".into(),
        original: text.to_string(),
        text: text.to_string(),
        map: OffsetMap::identity(text.len()),
        title: None,
        published: published.and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        published_from: None,
        url: None,
        outlet: None,
        flags: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// Moves every `{"start", "end"}` span (bytes) of a serialised mention back by `by`.
fn unshift(v: &mut Value, by: i64) {
    match v {
        Value::Object(m) => {
            if m.len() == 2
                && let (Some(Value::Number(s)), Some(Value::Number(e))) = (m.get("start"), m.get("end"))
            {
                let (s, e) = (s.as_i64().unwrap_or(0) - by, e.as_i64().unwrap_or(0) - by);
                m.insert("start".into(), s.into());
                m.insert("end".into(), e.into());
                return;
            }
            for x in m.values_mut() {
                unshift(x, by);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| unshift(x, by)),
        _ => {}
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(POOL).prop_map(str::to_string),
        1 => "[ a-zA-Z0-9.,;:!?\\-\u{2019}\u{201C}\u{201D}é\n]{0,40}",
        1 => any::<String>().prop_map(|s| s.chars().take(30).collect::<String>()),
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn spans_quote_the_original(text in text_strategy(), dated in any::<bool>()) {
        let a = article(&text, dated.then_some("2024-03-01"));
        let mentions = READER.read(&a);
        let chars: Vec<char> = text.chars().collect();
        for (i, m) in mentions.iter().enumerate() {
            for c in &m.casualties {
                prop_assert!(text.get(c.evidence.span.start..c.evidence.span.end).is_some());
                prop_assert!(!c.evidence.span.is_empty());
            }
            for s in &m.sentences {
                prop_assert!(text.get(s.start..s.end).is_some());
            }
            let e = event_out(&a, &mentions, i, &[]);
            for x in &e.evidence {
                let slice: String = chars[x.start..x.end].iter().collect();
                prop_assert_eq!(&slice, &x.quote);
            }
            prop_assert_eq!(e.sub_event_type.event_type(), e.event_type);
        }
        for n in numbers::find(&text) {
            prop_assert!(text.get(n.span.start..n.span.end).is_some());
            prop_assert!(n.amount.low <= n.amount.best && n.amount.high.is_none_or(|h| n.amount.best <= h));
        }
        for m in actors::find(&TABLE, &text) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
        }
    }

    #[test]
    fn unrelated_prefix_only_moves_spans(text in text_strategy(), prefix in proptest::sample::select(PREFIXES)) {
        let plain = READER.read(&article(&text, Some("2024-03-01")));
        let shifted_text = format!("{prefix}{text}");
        let shifted = READER.read(&article(&shifted_text, Some("2024-03-01")));
        let mut a = serde_json::to_value(&plain).unwrap();
        let mut b = serde_json::to_value(&shifted).unwrap();
        unshift(&mut a, 0);
        unshift(&mut b, prefix.len() as i64);
        prop_assert_eq!(a, b);
    }
}
