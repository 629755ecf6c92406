use super::*;

fn input(id: &str, text: &str, url: Option<&str>) -> Input {
    Input {
        raw: RawArticle {
            id: id.into(),
            body: Body::Text(text.into()),
            title: None,
            published: None,
            url: url.map(String::from),
            outlet: None,
            origin: format!("test:{id}"),
        },
        diagnostics: Vec::new(),
        transcoded: false,
    }
}

const A: &str = "Gunmen killed at least seven villagers near Ayorou on Sunday, local officials said on Monday. \
The attackers arrived on motorcycles and burned granaries before leaving towards the border, residents said.";
const B: &str = "Three soldiers were wounded when their vehicle struck a mine near Boulkessi on Friday, the army said. \
The patrol had been escorting a supply convoy between two bases when the blast happened, a statement said.";

#[test]
fn stores_dedups_and_ignores_repeats() {
    let mut store = Store::open_in_memory().unwrap();
    let opts = PipelineOptions::default();
    let r =
        ingest_batch(&mut store, vec![input("a", A, None), input("b", B, None), input("a-copy", &format!("{A}\n"), None)], &opts).unwrap();
    assert_eq!(r.stored, ["a", "b"]);
    assert_eq!(r.duplicates, [("a-copy".to_string(), "a".to_string())]);
    // Same input again: nothing changes.
    let r = ingest_batch(&mut store, vec![input("a", A, None), input("a-copy", &format!("{A}\n"), None)], &opts).unwrap();
    assert_eq!(r.unchanged, ["a", "a-copy"]);
    assert!(r.stored.is_empty() && r.duplicates.is_empty());
    // Same id, other content: refused, or replaced on request.
    let r = ingest_batch(&mut store, vec![input("b", A, None)], &opts).unwrap();
    assert_eq!(r.rejected.len(), 1);
    assert!(r.rejected[0].message.contains("--replace"));
    let r = ingest_batch(
        &mut store,
        vec![input("b", "Replaced text about a clash near Gao in which two people died, officials said.", None)],
        &PipelineOptions { replace: true, ..opts },
    )
    .unwrap();
    assert_eq!(r.replaced, ["b"]);
    let b = articles::load(store.conn(), "b").unwrap().unwrap();
    assert!(b.article.text.starts_with("Replaced text"));
    // A later duplicate of a stored article.
    let r = ingest_batch(&mut store, vec![input("a-again", A, None)], &PipelineOptions::default()).unwrap();
    assert_eq!(r.duplicates, [("a-again".to_string(), "a".to_string())]);
    assert_eq!(articles::counts(store.conn()).unwrap(), (4, 2));
}

#[test]
fn text_keys_ignore_case_accents_and_punctuation() {
    let key = |t: &str| {
        let mut a = sitrep_clean::clean(&input("k", t, None).raw, &CleanOptions::default());
        a.flags.clear();
        text_key(&a)
    };
    assert_eq!(key("Ségou: TEN  soldiers — killed."), key("segou ten soldiers killed"));
    assert_ne!(key("Ten soldiers killed."), key("Eleven soldiers killed."));
}

#[test]
fn same_id_twice_in_one_batch() {
    let mut store = Store::open_in_memory().unwrap();
    let r =
        ingest_batch(&mut store, vec![input("x", A, None), input("x", A, None), input("x", B, None)], &PipelineOptions::default()).unwrap();
    assert_eq!(r.stored, ["x"]);
    assert_eq!(r.unchanged, ["x"]);
    assert_eq!(r.rejected.len(), 1);
}

fn site_article(n: usize) -> String {
    format!(
        "Listen to Example Radio for more local news\nIn story number {n}, gunmen attacked village {n} on Sunday and killed {n} people, officials said on Monday.\nFollow the team on the road"
    )
}

#[test]
fn site_furniture_goes_across_batches() {
    let mut store = Store::open_in_memory().unwrap();
    let opts = PipelineOptions::default();
    let url = |n: usize| format!("https://web.archive.org/web/2016/http://www.example-news.test/story/{n}");
    // Two articles alone: not enough to call anything furniture.
    let r = ingest_batch(&mut store, (0..2).map(|n| input(&format!("s{n}"), &site_article(n), Some(&url(n)))).collect(), &opts).unwrap();
    assert_eq!(r.stored.len(), 2);
    let s0 = articles::load(store.conn(), "s0").unwrap().unwrap();
    assert!(s0.article.text.starts_with("Listen to Example Radio"));
    assert_eq!(s0.source_key.as_deref(), Some("example-news.test"));
    // Three more: the recurring lines are furniture now, in the new and the stored articles.
    let r = ingest_batch(&mut store, (2..5).map(|n| input(&format!("s{n}"), &site_article(n), Some(&url(n)))).collect(), &opts).unwrap();
    assert_eq!(r.recleaned, ["s0", "s1"]);
    for n in 0..5 {
        let s = articles::load(store.conn(), &format!("s{n}")).unwrap().unwrap();
        assert!(s.article.text.starts_with("In story number"), "{n}: {}", s.article.text);
        assert!(!s.article.text.contains("Follow the team"));
        assert!(s.article.original.starts_with("Listen to Example Radio"));
        let o = s.article.map.to_original(sitrep_text::Span::new(0, 15));
        assert_eq!(&s.article.original[o.start..o.end], "In story number");
    }
    // Another site keeps its lines.
    let r = ingest_batch(&mut store, vec![input("o", &site_article(9), Some("https://other.test/a"))], &opts).unwrap();
    assert_eq!(r.stored, ["o"]);
    assert!(articles::load(store.conn(), "o").unwrap().unwrap().article.text.starts_with("Listen"));
}

#[test]
fn source_keys() {
    let mut r = input("a", A, Some("https://web.archive.org/web/20151026092316/http://www.q-example.test/2014/05/16/story/"));
    assert_eq!(source_key(&r.raw).as_deref(), Some("q-example.test"));
    r.raw.url = Some("http://user@Example.TEST:8080/x".into());
    assert_eq!(source_key(&r.raw).as_deref(), Some("example.test"));
    r.raw.url = None;
    r.raw.outlet = Some("  Sahel  Example Daily ".into());
    assert_eq!(source_key(&r.raw).as_deref(), Some("sahel example daily"));
    r.raw.outlet = None;
    assert_eq!(source_key(&r.raw), None);
}

#[test]
fn batcher_flushes_by_size() {
    let mut store = Store::open_in_memory().unwrap();
    let mut b = Batcher::new(&mut store, PipelineOptions::default());
    b.batch_articles = 2;
    assert!(b.push(input("a", A, None)).unwrap().is_none());
    assert_eq!(b.push(input("b", B, None)).unwrap().unwrap().stored.len(), 2);
    b.push(input("c", &format!("{B} Another sentence here.")[..], None)).unwrap();
    let r = b.finish().unwrap();
    assert_eq!(r.stored, ["a", "b", "c"]);
}
