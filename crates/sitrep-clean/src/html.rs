//! HTML pages to text. The main content comes from `dom_smoothie` (a port of Mozilla's
//! readability.js, chosen over the `readability` crate after comparing both on real pages:
//! see ARCHITECTURE.md); its metadata gives the title (`og:title`, `<title>`, `<h1>`), the
//! publication time (`article:published_time` and kin, JSON-LD) and the site name. Pages
//! nested deeper than [`MAX_DOM_DEPTH`] (readability's tree walks grow with depth: 2,000 deep
//! took 0.6 s, 100,000 deep did not finish in 5 minutes) and pages readability finds no
//! article in go through [`plain_text`], a one-pass tag stripper that never recurses.

use sitrep_model::article::Diagnostic;

/// Deepest element nesting handed to the DOM (real article pages nest a few dozen deep).
pub const MAX_DOM_DEPTH: usize = 200;

/// Text and metadata of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article text: paragraphs one per line, blank lines between blocks.
    pub text: String,
    /// The title.
    pub title: Option<String>,
    /// The publication time as the page states it.
    pub published: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// What happened on the way.
    pub notes: Vec<Diagnostic>,
}

/// The article text and metadata of an HTML page.
pub fn extract(html: &str) -> Page {
    let depth = html_depth(html, MAX_DOM_DEPTH);
    if depth > MAX_DOM_DEPTH {
        let mut p = plain_text(html);
        p.notes.push(Diagnostic {
            code: "clean.html_deep".into(),
            message: format!("elements nested more than {MAX_DOM_DEPTH} deep: text taken without readability"),
        });
        return p;
    }
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let parsed = dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) if !a.text_content.trim().is_empty() => {
            let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            Page {
                text: normalise(&a.text_content),
                title: nonempty(Some(a.title.to_string())),
                published: nonempty(a.published_time),
                site_name: nonempty(a.site_name),
                url: nonempty(a.url),
                notes: Vec::new(),
            }
        }
        other => {
            let mut p = plain_text(html);
            let why = match other {
                Err(e) => format!("readability found no article ({e})"),
                Ok(_) => "readability found no article text".to_string(),
            };
            p.notes.push(Diagnostic { code: "clean.html_fallback".into(), message: format!("{why}: whole page text taken") });
            p
        }
    }
}

/// Trims every line, drops trailing spaces and keeps at most one blank line in a row.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound",
    "frame", "keygen",
];
/// Elements whose end tag may be left out: they do not deepen the tree in the estimate.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rt", "rp", "html", "head",
    "body",
];
/// Elements whose content is raw text.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext", "noscript"];
/// Containers skipped by the plain-text extraction (page furniture and non-text).
const SKIP: &[&str] = &[
    "nav", "footer", "aside", "form", "template", "svg", "math", "select", "button", "iframe", "object", "head", "noscript", "script",
    "style",
];
/// Elements that break lines.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "caption",
    "center",
    "body",
    "html",
    "title",
];

/// A tag at `data[i..]` (just after `<`): its lowercase name, whether it closes, whether it
/// is self-closing, and where it ends (after `>`).
fn tag_at(data: &str, i: usize) -> Option<(String, bool, bool, usize)> {
    let b = data.as_bytes();
    let mut j = i;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let start = j;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
        j += 1;
    }
    if j == start || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let name = data[start..j].to_ascii_lowercase();
    // Find the end of the tag, skipping quoted attribute values.
    let mut quote = 0u8;
    while j < b.len() {
        let c = b[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            let self_closing = j > 0 && b[j - 1] == b'/';
            return Some((name, closing, self_closing, j + 1));
        }
        j += 1;
    }
    Some((name, closing, false, b.len()))
}

/// Estimated deepest nesting of `html` in one pass (stops counting past `limit`).
pub fn html_depth(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        i += p + 1;
        if html[i..].starts_with("!--") {
            i += memchr::memmem::find(&b[i..], b"-->").map_or(b.len() - i, |e| e + 3);
            continue;
        }
        let Some((name, closing, self_closing, end)) = tag_at(html, i) else { continue };
        i = end;
        if closing {
            if !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW.contains(&name.as_str()) && !self_closing {
            i = find_close(html, i, &name);
            continue;
        }
        if self_closing || VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
        if max > limit {
            break;
        }
    }
    max
}

/// Position after `</name>` at or after `from` (the end of the data when absent).
fn find_close(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + p + 2;
        if html.get(at..at + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
        }
        i = at;
    }
    b.len()
}

/// The text of a whole page in one pass, without a DOM: scripts, styles, navigation, forms,
/// asides and footers skipped; block elements break lines; entities decoded; `<title>` kept as
/// the title. Linear in the page's size whatever its nesting.
pub fn plain_text(html: &str) -> Page {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut title = None;
    let mut skip: Option<(String, usize)> = None;
    let mut i = 0;
    let mut last = 0;
    let flush = |out: &mut String, text: &str, skipping: bool| {
        if !skipping {
            push_text(out, &decode_entities(text));
        }
    };
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + p;
        if html[lt + 1..].starts_with("!--") {
            flush(&mut out, &html[last..lt], skip.is_some());
            i = lt + 4 + memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len() - lt - 4, |e| e + 3);
            last = i;
            continue;
        }
        if html[lt + 1..].starts_with('!') || html[lt + 1..].starts_with('?') {
            flush(&mut out, &html[last..lt], skip.is_some());
            i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
            last = i;
            continue;
        }
        let Some((name, closing, self_closing, end)) = tag_at(html, lt + 1) else {
            i = lt + 1;
            continue;
        };
        flush(&mut out, &html[last..lt], skip.is_some());
        i = end;
        last = end;
        if name == "title" && !self_closing && !closing {
            let close = find_close(html, end, "title");
            let inner_end = html[end..close].rfind("</").map_or(close, |p| end + p);
            let t = decode_entities(&html[end..inner_end]).split_whitespace().collect::<Vec<_>>().join(" ");
            if title.is_none() && !t.is_empty() {
                title = Some(t);
            }
            i = close;
            last = close;
            continue;
        }
        if let Some((sname, n)) = &mut skip {
            if *sname == name && !self_closing {
                if closing {
                    *n -= 1;
                    if *n == 0 {
                        skip = None;
                        newline(&mut out);
                    }
                } else if !VOID.contains(&name.as_str()) {
                    *n += 1;
                }
            }
            continue;
        }
        if closing {
            if BLOCK.contains(&name.as_str()) {
                newline(&mut out);
            }
            continue;
        }
        if RAW.contains(&name.as_str()) && !self_closing {
            i = find_close(html, end, &name);
            last = i;
            continue;
        }
        if SKIP.contains(&name.as_str()) && !self_closing && !VOID.contains(&name.as_str()) {
            skip = Some((name, 1));
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            newline(&mut out);
        }
    }
    flush(&mut out, &html[last..], skip.is_some());
    Page { text: normalise(&out), title, ..Page::default() }
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
    }
}

/// Appends text with its whitespace collapsed.
fn push_text(out: &mut String, text: &str) {
    for (k, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if word.is_empty() {
            if k > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        if k > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("uacute", "ú"),
    ("ugrave", "ù"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("ccedil", "ç"),
    ("ntilde", "ñ"),
    ("Eacute", "É"),
    ("Egrave", "È"),
    ("Agrave", "À"),
    ("Ccedil", "Ç"),
    ("szlig", "ß"),
    ("times", "×"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("thinsp", "\u{2009}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
];

/// Decodes character references (`&amp;`, `&#233;`, `&#xE9;`, common named ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let semi = rest[1..].find(';').map(|x| x + 1).filter(|&x| x <= 12);
        let decoded = semi.and_then(|x| {
            let name = &rest[1..x];
            let ch = if let Some(num) = name.strip_prefix('#') {
                let v = if let Some(h) = num.strip_prefix(['x', 'X']) { u32::from_str_radix(h, 16).ok() } else { num.parse().ok() };
                v.and_then(char::from_u32).map(String::from)
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_string())
            };
            ch.map(|c| (c, x + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push_str(&c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_furniture_elements() {
        let p = plain_text(
            "<html><head><title>T &amp; U</title><style>p{}</style></head><body><nav><ul><li>Home</li></ul></nav>\
             <p>First   para&nbsp;graph.</p><div>Second<br>line</div><script>var x = '<p>';</script><footer>(c)</footer></body></html>",
        );
        assert_eq!(p.title.as_deref(), Some("T & U"));
        assert_eq!(p.text, "First para graph.\n\nSecond\nline");
    }

    #[test]
    fn depth_counts_nesting_not_siblings() {
        assert_eq!(html_depth("<div><p>a<p>b<div><img src=x><br></div></div>", 100), 2);
        let deep = format!("{}x{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(html_depth(&deep, MAX_DOM_DEPTH) > MAX_DOM_DEPTH);
    }

    #[test]
    fn very_deep_pages_do_not_overflow() {
        let deep = format!("<html><body>{}Deep words here.{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let p = extract(&deep);
        assert_eq!(p.text, "Deep words here.");
        assert_eq!(p.notes[0].code, "clean.html_deep");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &amp; b &#233; &#xE9; &bogus; &"), "a & b é é &bogus; &");
    }
}
