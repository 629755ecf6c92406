use super::*;
use proptest::prelude::*;
use sitrep_text::Span;

fn raw(text: &str) -> RawArticle {
    RawArticle {
        id: "t".into(),
        body: Body::Text(text.into()),
        title: None,
        published: None,
        url: None,
        outlet: None,
        origin: "test".into(),
    }
}

fn cleaned(text: &str) -> Article {
    clean(&raw(text), &CleanOptions::default())
}

const PAGE: &str = " date 2026-03-14 Advertisement
Gunmen kill 11 soldiers near Kokorou

Gunmen kill 11 soldiers near Kokorou
Articles
Gunmen kill 11 soldiers near Kokorou

  • Patrol ambushed on the road to Téra.
  • Eleven soldiers killed, six wounded.
patrol_photo.jpg

At least 11 soldiers were killed when gunmen ambushed a patrol near Kokorou on Thursday, the ministry said.

Share on Facebook Share on X
The attackers fled towards the border, the ministry said in a statement on Friday.

Source » example-wire.test
";

#[test]
fn a_typical_page() {
    let a = cleaned(PAGE);
    assert_eq!(a.title.as_deref(), Some("Gunmen kill 11 soldiers near Kokorou"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2026, 3, 14));
    assert_eq!(a.published_from, Some(PublishedFrom::Dateline));
    assert_eq!(
        a.text,
        "Gunmen kill 11 soldiers near Kokorou\n\nPatrol ambushed on the road to Téra.\nEleven soldiers killed, six wounded.\n\n\
         At least 11 soldiers were killed when gunmen ambushed a patrol near Kokorou on Thursday, the ministry said.\n\n\
         The attackers fled towards the border, the ministry said in a statement on Friday."
    );
    assert!(!a.has_flag(ArticleFlag::Undated));
    assert!(a.diagnostics.iter().any(|d| d.code == "clean.credit" && d.message.contains("example-wire.test")));
}

#[test]
fn every_kept_line_quotes_the_original() {
    let a = cleaned(PAGE);
    for (i, line) in a.text.split('\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let start = a.text.split('\n').take(i).map(|l| l.len() + 1).sum::<usize>();
        let o = a.map.to_original(Span::new(start, start + line.len()));
        assert_eq!(&a.original[o.start..o.end], line);
    }
}

#[test]
fn inline_bullets_become_lines() {
    let a = cleaned(
        "Key points • Ten killed in Djibo • Aid convoy halted\n\nThe attack on the convoy near Djibo killed ten people, officials said on Monday.",
    );
    assert!(a.text.starts_with("Key points\nTen killed in Djibo\nAid convoy halted\n\nThe attack"), "{}", a.text);
}

#[test]
fn no_date_is_invented() {
    let a = cleaned("Soldiers were killed on Tuesday near Ayorou, the army said. The toll may rise as reports come in from the area.");
    assert_eq!(a.published, None);
    assert!(a.has_flag(ArticleFlag::Undated));
    assert_eq!(a.title, None);
}

#[test]
fn metadata_wins_and_bad_metadata_is_reported() {
    let mut r = raw("March 2, 2026\n\nSome report about a clash near Gao in which several people died, residents said.");
    r.published = Some("2026-03-03T08:00:00Z".into());
    let a = clean(&r, &CleanOptions::default());
    assert_eq!((a.published, a.published_from), (NaiveDate::from_ymd_opt(2026, 3, 3), Some(PublishedFrom::Metadata)));
    r.published = Some("yesterday".into());
    let a = clean(&r, &CleanOptions::default());
    assert_eq!((a.published, a.published_from), (NaiveDate::from_ymd_opt(2026, 3, 2), Some(PublishedFrom::Dateline)));
    assert!(a.diagnostics.iter().any(|d| d.code == "clean.published_unreadable"));
}

#[test]
fn headline_after_a_dateline_is_the_title() {
    let a = cleaned(
        "March, Monday 9, 2026\n\nRaid on Market Leaves Dozens Dead in Northern Town\n\nbanner.png\n\nGunmen raided the weekly market on Sunday, killing at least thirty people, officials said.",
    );
    assert_eq!(a.title.as_deref(), Some("Raid on Market Leaves Dozens Dead in Northern Town"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2026, 3, 9));
    assert!(!a.text.contains("banner.png"));
    assert!(!a.text.contains("2026"));
}

#[test]
fn walls_have_no_content() {
    let a = cleaned(
        "Already a subscriber?\nClick on the button below to set up your account or log in if you already have one.\nYou are the owner of this article.",
    );
    assert!(a.has_flag(ArticleFlag::NoContent));
    assert_eq!(a.text, "");
}

#[test]
fn a_brief_is_content_a_lone_headline_is_not() {
    assert!(!cleaned("A bomb killed two people near Gao on Friday, police said.").has_flag(ArticleFlag::NoContent));
    assert!(cleaned("Identities of two men shot in a house party identified").has_flag(ArticleFlag::NoContent));
    assert!(cleaned("").has_flag(ArticleFlag::NoContent));
}

#[test]
fn recurring_lines_go_when_the_pipeline_says_so() {
    let text = "Follow our live coverage of the region\nTwo civilians were wounded by a mine near Boulkessi on Friday, the army said.";
    let keep = cleaned(text);
    assert!(keep.text.starts_with("Follow our live"));
    let opts = CleanOptions { furniture: Arc::new([line_key("Follow our LIVE coverage of the region!")].into_iter().collect()) };
    let a = clean(&raw(text), &opts);
    assert!(a.text.starts_with("Two civilians"), "{}", a.text);
}

#[test]
fn playlists_of_video_teasers_go() {
    let a = cleaned(
        "2:40 Flood waters rise in the capital\n1:02 Market prices climb again\n3:15 Football team wins the cup\nThe convoy was attacked near Ménaka on Sunday, killing four drivers, officials said.",
    );
    assert!(a.text.starts_with("The convoy"), "{}", a.text);
}

#[test]
fn html_page_text_and_metadata() {
    let html = "<html><head><title>Clash near Gao | Example Daily</title><meta property=\"og:title\" content=\"Clash near Gao\">\
        <meta property=\"article:published_time\" content=\"2026-05-02T09:00:00Z\"></head><body>\
        <div class=\"cookie-banner\"><p>We use cookies to improve your experience.</p></div>\
        <nav><a href=\"/\">Home</a></nav><article><h1>Clash near Gao</h1>\
        <p>Soldiers and gunmen clashed near Gao on Thursday, leaving at least nine dead, according to the regional governor, who spoke to reporters on Friday.</p>\
        <p>Three of the dead were soldiers, he said, and six were attackers. The army said it had recovered weapons and motorcycles after the fighting.</p>\
        <p>Share</p></article></body></html>";
    let mut r = raw("");
    r.body = Body::Html(html.into());
    let a = clean(&r, &CleanOptions::default());
    assert_eq!(a.title.as_deref(), Some("Clash near Gao"));
    assert_eq!((a.published, a.published_from), (NaiveDate::from_ymd_opt(2026, 5, 2), Some(PublishedFrom::Dateline)));
    assert!(a.text.starts_with("Soldiers and gunmen clashed"), "{}", a.text);
    assert!(!a.text.contains("cookies") && !a.text.ends_with("Share"), "{}", a.text);
    assert!(a.original.contains("Soldiers and gunmen clashed"));
}

#[test]
fn sentences_are_not_counted_for_furniture() {
    let keys = segment_keys("No one was in custody.\nFollow us for more\nA long paragraph of prose that ends like a sentence does.");
    assert_eq!(keys, vec![line_key("Follow us for more")]);
}

#[test]
fn line_keys_ignore_case_and_punctuation() {
    assert_eq!(line_key("Follow us: Facebook | Twitter"), line_key("follow us facebook twitter"));
    assert_ne!(line_key("Copyright 2025 Example"), line_key("Copyright 2026 Example"));
}

#[test]
fn clean_is_idempotent_on_the_example_page() {
    let a = cleaned(PAGE);
    let b = cleaned(&a.text);
    assert_eq!(a.text, b.text);
}

/// Random pages made of pieces real pages have.
fn page_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Advertisement".to_string()),
        Just(" date 2026-03-14 Advertisement".to_string()),
        Just("March, Saturday 14, 2026".to_string()),
        Just("Gunmen kill 11 soldiers near Kokorou".to_string()),
        Just("  • Eleven soldiers killed, six wounded.".to_string()),
        Just("Key points • Ten killed • Convoy halted".to_string()),
        Just("Share on Facebook Share on X".to_string()),
        Just("photo_2026.jpg".to_string()),
        Just("Source » example.test".to_string()),
        Just("Read more: Another story about the region".to_string()),
        Just("2:40 A video about floods".to_string()),
        Just("* * *".to_string()),
        Just("We use cookies to improve your experience.".to_string()),
        Just("Posted: Monday, March 16, 2026 11:40 AM EST".to_string()),
        Just("Attack On Base Posted: Monday, March 16, 2026 11:40 AM EST".to_string()),
        Just("At least 11 soldiers were killed when gunmen ambushed a patrol near Kokorou on Thursday.".to_string()),
        Just("The army said \u{201C}about 40\u{201D} attackers died in the pursuit that followed the ambush.".to_string()),
        Just("× Close".to_string()),
        Just("— Téra, Niger".to_string()),
        Just(String::new()),
        "[a-zA-Zé•·×:»\\-\\. 0-9]{0,40}",
    ];
    proptest::collection::vec(piece, 0..14).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn cleaning_is_idempotent(page in page_strategy()) {
        let a = cleaned(&page);
        let mut again = raw(&a.text);
        again.title = a.title.clone();
        let b = clean(&again, &CleanOptions::default());
        prop_assert_eq!(&a.text, &b.text, "page {:?}", page);
    }

    #[test]
    fn cleaned_spans_map_back_to_the_same_characters(page in page_strategy(), a in 0usize..400, l in 1usize..60) {
        let art = cleaned(&page);
        let t = &art.text;
        let mut s = a.min(t.len());
        while !t.is_char_boundary(s) { s -= 1; }
        let mut e = (s + l).min(t.len());
        while !t.is_char_boundary(e) { e -= 1; }
        // Every span that does not cross a line break is copied text: it quotes the original.
        if s < e && !t[s..e].contains('\n') {
            let o = art.map.to_original(Span::new(s, e));
            prop_assert_eq!(&art.original[o.start..o.end], &t[s..e]);
        }
        prop_assert_eq!(art.map.derived_len(), t.len());
        prop_assert_eq!(art.map.original_len(), art.original.len());
    }
}
