//! RSS and Atom feeds (and JSON Feed): every entry becomes an article with its title, link,
//! publication date and content (or summary when there is no content).

use crate::{Input, InputError, Item, ReadOptions};
use sitrep_model::article::{Body, RawArticle};

/// Deepest element nesting accepted in a feed (real feeds nest about ten deep); deeper
/// documents are refused before parsing so no parser recursion can exhaust the stack.
pub(crate) const MAX_XML_DEPTH: usize = 256;

/// True when `data` looks like a feed: an `<rss`, `<feed` or `<rdf:RDF` root near the start.
pub(crate) fn looks_like_feed(data: &[u8]) -> bool {
    let head = &data[..data.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"].iter().any(|p| memchr::memmem::find(&lower, p).is_some())
}

/// The deepest element nesting of an XML (or HTML) document, estimated in one pass: start
/// tags open, end tags close, `<.../>`, comments, CDATA, declarations and processing
/// instructions do not count. Stops counting at `limit + 1`.
pub(crate) fn xml_depth(data: &[u8], limit: usize) -> usize {
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &data[i..]) {
        i += p + 1;
        let rest = &data[i..];
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"![CDATA[") {
            i += memchr::memmem::find(rest, b"]]>").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let Some(&c) = rest.first() else { break };
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        if c == b'/' {
            depth = depth.saturating_sub(1);
        } else if c.is_ascii_alphabetic() && !(end > 0 && rest[end - 1] == b'/') {
            depth += 1;
            max = max.max(depth);
            if max > limit {
                return max;
            }
        }
        i += end;
    }
    max
}

/// Reads a feed; each entry is one article (`origin#N` in messages).
pub(crate) fn read(origin: &str, data: &[u8], opts: &ReadOptions) -> Vec<Item> {
    let depth = xml_depth(data, MAX_XML_DEPTH);
    if depth > MAX_XML_DEPTH {
        return vec![Err(InputError::new(origin, format!("feed nests elements more than {MAX_XML_DEPTH} deep; refused")))];
    }
    let feed = match feed_rs::parser::parse(data) {
        Ok(f) => f,
        Err(e) => return vec![Err(InputError::new(origin, format!("not a readable RSS/Atom feed ({e})")))],
    };
    let outlet = feed.title.as_ref().map(|t| plain(&t.content)).filter(|s| !s.is_empty());
    if feed.entries.is_empty() {
        return vec![Err(InputError::new(origin, "feed has no entries"))];
    }
    let mut out = Vec::with_capacity(feed.entries.len());
    for (n, e) in feed.entries.into_iter().enumerate() {
        let at = format!("{origin}#{}", n + 1);
        let html_type = |t: &str| t.contains("html");
        let body = match (&e.content, &e.summary) {
            (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => {
                let b = c.body.clone().unwrap_or_default();
                if html_type(c.content_type.as_str()) || b.contains('<') { Body::Html(b) } else { Body::Text(b) }
            }
            (_, Some(s)) if !s.content.trim().is_empty() => {
                if html_type(s.content_type.as_str()) || s.content.contains('<') {
                    Body::Html(s.content.clone())
                } else {
                    Body::Text(s.content.clone())
                }
            }
            _ => {
                out.push(Err(InputError::new(at, "feed entry has no content or summary; skipped")));
                continue;
            }
        };
        let len = match &body {
            Body::Text(t) | Body::Html(t) => t.len(),
        };
        if len > opts.max_article_bytes {
            out.push(Err(InputError::new(
                at,
                format!("entry is {len} bytes, over the {}-byte limit (--max-article-size); skipped", opts.max_article_bytes),
            )));
            continue;
        }
        let url = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|s| !s.is_empty());
        let id = if e.id.trim().is_empty() { url.clone().unwrap_or_else(|| at.clone()) } else { e.id.trim().to_string() };
        out.push(Ok(Input {
            raw: RawArticle {
                id,
                body,
                title: e.title.as_ref().map(|t| plain(&t.content)).filter(|s| !s.is_empty()),
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                url,
                outlet: outlet.clone(),
                origin: at,
            },
            diagnostics: Vec::new(),
            transcoded: false,
        }));
    }
    out
}

/// Text of a feed title: tags dropped, the commonest entities decoded, spaces collapsed.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Convoy attacked near Dori</title><link>https://x.test/dori</link><guid>x-1</guid>
<pubDate>Tue, 10 Mar 2026 08:00:00 +0000</pubDate><description>&lt;p&gt;Three soldiers were wounded.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>x-2</guid></item>
</channel></rss>"#;

    #[test]
    fn rss_entries_become_articles() {
        let out = read("f.xml", RSS.as_bytes(), &ReadOptions::default());
        assert_eq!(out.len(), 2);
        let a = &out[0].as_ref().unwrap().raw;
        assert_eq!(a.id, "x-1");
        assert_eq!(a.title.as_deref(), Some("Convoy attacked near Dori"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/dori"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert!(a.published.as_deref().unwrap().starts_with("2026-03-10"));
        assert!(matches!(&a.body, Body::Html(h) if h.contains("Three soldiers")));
        assert_eq!(out[1].as_ref().unwrap_err().origin, "f.xml#2");
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-01-01T00:00:00Z</updated>
<entry><title>Raid in Djibo</title><id>urn:e1</id><updated>2026-02-03T10:00:00Z</updated><link href="https://x.test/e1"/><content type="text">Two civilians died.</content></entry></feed>"#;
        let out = read("a.atom", atom.as_bytes(), &ReadOptions::default());
        let a = &out[0].as_ref().unwrap().raw;
        assert_eq!(a.id, "urn:e1");
        assert_eq!(a.body, Body::Text("Two civilians died.".into()));
        assert!(a.published.as_deref().unwrap().starts_with("2026-02-03"));
    }

    #[test]
    fn deep_and_broken_feeds_are_refused() {
        let deep = format!("<rss>{}{}</rss>", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let out = read("d.xml", deep.as_bytes(), &ReadOptions::default());
        assert!(out[0].as_ref().unwrap_err().message.contains("deep"));
        let out = read("b.xml", b"<rss version=\"2.0\"><channel><item>", &ReadOptions::default());
        assert!(out[0].is_err());
    }

    #[test]
    fn depth_ignores_comments_and_self_closing() {
        assert_eq!(xml_depth(b"<a><b/><!-- <c><d> --><![CDATA[<e>]]><f></f></a>", 100), 2);
    }
}
