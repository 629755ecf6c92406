use super::*;
use std::collections::BTreeMap;

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

/// An input with a title and a publication date.
fn dated(id: &str, title: &str, text: &str, url: &str, published: &str) -> Input {
    let mut i = input(id, text, Some(url));
    i.raw.title = Some(title.into());
    i.raw.published = Some(published.into());
    i
}

/// What the store holds, without ids: each event's contract line (id and merged ids left out)
/// under its sources' article ids, and each article's events as those source lists.
type Content = (BTreeMap<Vec<String>, String>, BTreeMap<String, Vec<Vec<String>>>);

fn content(store: &Store) -> Content {
    let mut events = BTreeMap::new();
    let mut sources_of: HashMap<String, Vec<String>> = HashMap::new();
    links::export_events::<StoreError>(store.conn(), |j| {
        let mut v: serde_json::Value = serde_json::from_str(j).expect("event json");
        let id = v["id"].as_str().expect("id").to_string();
        let o = v.as_object_mut().expect("object");
        o.remove("id");
        o.remove("merged_from");
        let mut srcs: Vec<String> =
            o["sources"].as_array().expect("sources").iter().map(|s| s["article_id"].as_str().expect("article id").to_string()).collect();
        srcs.sort();
        assert!(events.insert(srcs.clone(), v.to_string()).is_none(), "two events with the same sources: {srcs:?}");
        sources_of.insert(id, srcs);
        Ok(())
    })
    .unwrap();
    let mut arts = BTreeMap::new();
    articles::export::<StoreError>(store.conn(), |a| {
        arts.insert(a.id.clone(), a.event_ids.iter().map(|e| sources_of.get(e).cloned().unwrap_or_default()).collect());
        Ok(())
    })
    .unwrap();
    (events, arts)
}

fn ingest_in(batches: &[Vec<Input>]) -> (Store, Vec<BatchReport>) {
    let mut store = Store::open_in_memory().unwrap();
    let reports = batches.iter().map(|b| ingest_batch(&mut store, b.clone(), &PipelineOptions::default()).unwrap()).collect();
    (store, reports)
}

const TOWNS: [&str; 6] = ["Millbrook", "Eastfield", "Harlow Park", "Stonebridge", "Westmoor", "Oakdale"];

/// Our own reports from one local news site, each ending with the site's newsletter line;
/// with `sign_in`, pages whose body is only the site's sign-in notice (the event is in the
/// title alone).
fn local_site(n: usize, sign_in: bool) -> Input {
    let town = TOWNS[n % TOWNS.len()];
    let url = format!("https://www.valley-courier.test/news/{n}");
    let day = 3 + 2 * n;
    let published = format!("2019-03-{day:02}");
    if sign_in {
        let notice = "Thanks for visiting the Valley Courier.\n\nPlease sign in to keep reading our local coverage.\n\nClose";
        return dated(&format!("v{n}"), &format!("{} people shot at a party in {town}", n + 2), notice, &url, &published);
    }
    let text = format!(
        "{} men were shot and killed outside a store in {town} on Saturday night, police said on Sunday.\n\n\
         Officers found the victims in the parking lot shortly after 11 p.m. and no arrests have been made, a police spokesman said.\n\n\
         More stories from the valley desk",
        n + 2
    );
    dated(&format!("v{n}"), &format!("{} men killed in {town}", n + 2), &text, &url, &published)
}

/// A line of a site that becomes furniture in a later batch: the stored articles cleaned
/// again keep their events, and the store ends as after one batch.
#[test]
fn articles_cleaned_again_keep_their_events() {
    let all: Vec<Input> = (0..5).map(|n| local_site(n, false)).collect();
    let (split, reports) = ingest_in(&[all[..2].to_vec(), all[2..].to_vec()]);
    assert_eq!(reports[1].recleaned, ["v0", "v1"]);
    let s0 = articles::load(split.conn(), "v0").unwrap().unwrap();
    assert!(!s0.article.text.contains("valley desk"), "{}", s0.article.text);
    let (one, _) = ingest_in(&[all]);
    let (events, arts) = content(&split);
    assert_eq!(events.len(), 5, "{events:#?}");
    for (id, evs) in &arts {
        assert!(!evs.is_empty(), "{id} lost its events");
    }
    assert_eq!(content(&split), content(&one));
}

/// Pages of one site with the same body (a sign-in notice, furniture once the site has a
/// few) tell their events in their titles; the same text must not give two events one id
/// (a new event overwrote a stored one of another batch).
#[test]
fn pages_with_the_same_body_keep_their_events_across_batches() {
    let all: Vec<Input> = (0..6).map(|n| local_site(n, true)).collect();
    let (split, _) = ingest_in(&[all[..4].to_vec(), all[4..].to_vec()]);
    let (one, _) = ingest_in(&[all]);
    let (events, arts) = content(&split);
    assert_eq!(events.len(), 6, "{events:#?}");
    for (id, evs) in &arts {
        assert_eq!(evs, &vec![vec![id.clone()]], "{id}");
    }
    assert_eq!(content(&split), content(&one));
}

/// Re-reading paths other than cleaning again: an article replaced by a new version, and a
/// stored original demoted to a duplicate of an earlier copy; each ends as one batch of the
/// final inputs would.
#[test]
fn replaced_and_demoted_articles_keep_their_events() {
    let first: Vec<Input> = (0..3).map(|n| local_site(n, false)).collect();
    // v1 replaced: other town, other toll.
    let mut v1 = local_site(4, false);
    v1.raw.id = "v1".into();
    // An earlier copy of v2 (published a day before, other id): v2 becomes its duplicate.
    let mut early = local_site(2, false);
    early.raw.id = "early".into();
    early.raw.published = Some("2019-03-06".into());
    let mut store = Store::open_in_memory().unwrap();
    ingest_batch(&mut store, first.clone(), &PipelineOptions::default()).unwrap();
    let before = content(&store);
    let v2_ids = links::article_event_ids(store.conn(), "v2").unwrap();
    assert_eq!(v2_ids.len(), 1);
    let r = ingest_batch(&mut store, vec![v1.clone(), early.clone()], &PipelineOptions { replace: true, ..PipelineOptions::default() })
        .unwrap();
    assert_eq!(r.replaced, ["v1"], "{r:?}");
    assert_eq!(r.demoted, [("v2".to_string(), "early".to_string())], "{r:?}");
    assert_ne!(content(&store), before);
    // The demoted article's event keeps its id, now told by the earlier copy.
    assert_eq!(links::article_event_ids(store.conn(), "early").unwrap(), v2_ids);
    let (one, _) = ingest_in(&[vec![first[0].clone(), v1, first[2].clone(), early]]);
    assert_eq!(content(&store), content(&one));
}

/// A stored page of a site, and another stored page with the same text and a line that later
/// becomes the site's furniture: once cleaned again, the later published one is an exact
/// duplicate of the earlier (which is not read again), hands it its event, and the store ends
/// as after one batch.
#[test]
fn stored_articles_cleaned_into_duplicates() {
    let page = |id: &str, n: usize, tail: &str, published: &str| {
        let mut i = local_site(n, false);
        i.raw.id = id.into();
        i.raw.published = Some(published.into());
        if let Body::Text(t) = &mut i.raw.body {
            *t = format!("{}{tail}", t.replace("\n\nMore stories from the valley desk", ""));
        }
        i
    };
    let tail = "\n\nShare this page with a friend";
    let pair = vec![page("early", 1, "", "2019-03-04"), page("late", 1, tail, "2019-03-05")];
    let more: Vec<Input> = (2..6).map(|n| page(&format!("v{n}"), n, tail, "2019-03-20")).collect();
    let (split, reports) = ingest_in(&[pair.clone(), more.clone()]);
    assert_eq!(reports[0].stored, ["early", "late"]);
    assert_eq!(reports[1].demoted, [("late".to_string(), "early".to_string())], "{:?}", reports[1]);
    assert!(reports[1].recleaned.is_empty(), "{:?}", reports[1]);
    let (one, _) = ingest_in(&[pair.into_iter().chain(more).collect()]);
    assert_eq!(content(&split), content(&one));
    let (_, arts) = content(&split);
    assert_eq!(arts["late"], arts["early"]);
    assert_eq!(arts["early"].len(), 1);
}
