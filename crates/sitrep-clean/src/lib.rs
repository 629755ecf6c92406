//! Cleaning. Pure (no IO, no clock) and idempotent. Every edit goes through an
//! [`sitrep_text::OffsetMap`], so any span of the cleaned text maps back to the original.
//!
//! [`clean`] turns a [`RawArticle`] into an [`Article`]:
//!
//! 1. **Original text.** Plain text is kept as given; an HTML page becomes the text of its
//!    main content ([`html::extract`]). That text is `Article::original`, the text every
//!    evidence offset indexes.
//! 2. **Lines.** The original is cut into lines, and lines into segments at inline bullets
//!    ("a • b"). Each segment loses its list glyphs and glued ad labels, then is dropped when
//!    it is page furniture ([`lines::furniture`]: labels, share widgets, captcha, cookie,
//!    newsletter and account notices, rights lines), an image file name, a credit
//!    ("Source » …"), a "Read more: …" teaser, glyphs only, a run of video teasers, a line
//!    recurring across many articles of the same source ([`CleanOptions::furniture`]), a
//!    dateline in the header (the lines before the first paragraph of prose), or a repeat of
//!    the headline. What stays is joined one segment per line, a blank line where something
//!    was dropped or the original had one.
//! 3. **Title**: metadata, else the page's (`og:title`, `<title>`, `<h1>`), else the text's
//!    headline: the first headline-like line of the header when it is repeated, follows a
//!    dateline, or stands alone before a blank line.
//! 4. **Publication date**: metadata (`published_from: metadata`), else the page's meta tags,
//!    else a dateline (`dateline`); none found: the `undated` flag. No date is invented.
//! 5. **Flags**: `undated`; `no_content` when no sentence of prose remains ([`has_content`]:
//!    paywalls, consent walls, "verify your email" pages, lists of teasers, empty records).
//!
//! Idempotence: cleaning the cleaned text again (with the same metadata and options) returns
//! the same text: the line pass is repeated on its own output until it changes nothing. The property tests check it, and that every span of the cleaned text maps
//! back to the same characters of the original.

pub mod date;
pub mod html;
pub mod lines;

use chrono::NaiveDate;
use lines::Removed;
use sitrep_model::article::{Article, Body, Diagnostic, RawArticle};
use sitrep_model::taxonomy::{ArticleFlag, PublishedFrom};
use sitrep_text::{OffsetMap, TextBuilder};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// Options for cleaning.
#[derive(Clone, Debug, Default)]
pub struct CleanOptions {
    /// Keys ([`line_key`]) of lines that recur across many articles of this article's source
    /// (its site furniture), computed over a batch and the store by `sitrep-pipeline`. Empty:
    /// no cross-document signal.
    pub furniture: Arc<HashSet<u64>>,
}

/// Fewer words than this left after cleaning: the page had no article (`no_content`).
pub const NO_CONTENT_WORDS: usize = 8;

/// Whether a cleaned text holds an article: at least [`NO_CONTENT_WORDS`] words and one
/// sentence (a line of four words or more ending like a sentence, or a line of fifteen words).
/// A one-sentence brief is an article; a lone headline, a list of teasers or nothing is not.
pub fn has_content(text: &str) -> bool {
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    words >= NO_CONTENT_WORDS && text.split('\n').any(|l| is_sentence(l) || l.split_whitespace().count() >= 15)
}

/// The key of a line for cross-document counting: case, accents, punctuation and spacing
/// ignored.
pub fn line_key(line: &str) -> u64 {
    let mut norm = String::with_capacity(line.len());
    for c in line.chars() {
        let mut buf = String::new();
        sitrep_text::fold_char(c, &mut buf);
        for f in buf.chars() {
            if f.is_alphanumeric() {
                norm.push(f);
            } else if !norm.ends_with(' ') && !norm.is_empty() {
                norm.push(' ');
            }
        }
    }
    xxhash_rust::xxh3::xxh3_64(norm.trim_end().as_bytes())
}

/// Longest segment counted for the cross-document signal: site furniture is short.
pub const RECURRING_MAX_BYTES: usize = 400;

/// The distinct keys of the short segments of a text that are not sentences (what the
/// cross-document signal counts). Sentences are left out: a site repeats facts ("No one was
/// in custody.") across updates of a story, and they are not furniture.
pub fn segment_keys(original: &str) -> Vec<u64> {
    let mut keys: Vec<u64> = segments(original)
        .into_iter()
        .filter(|s| s.len() <= RECURRING_MAX_BYTES && !is_sentence(&original[s.start..s.end]))
        .map(|s| line_key(&original[s.start..s.end]))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A piece of a line: its trimmed range in the original and whether it starts a new line.
#[derive(Clone, Copy, Debug)]
struct Seg {
    start: usize,
    end: usize,
    /// Blank lines between this segment and the one before it.
    blank_before: bool,
    /// Cut from the same line as the segment before it (at an inline bullet).
    same_line: bool,
}

impl Seg {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Cuts `text` into trimmed segments, glyphs and glued ad labels removed.
fn segments(text: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut blank = false;
    let mut pos = 0;
    for line in text.split('\n') {
        let ls = pos;
        pos += line.len() + 1;
        let mut cuts = vec![(0usize, line.len())];
        let bullets = lines::inline_bullets(line);
        if !bullets.is_empty() {
            cuts.clear();
            let mut s = 0;
            for (bs, be) in bullets {
                cuts.push((s, bs));
                s = be;
            }
            cuts.push((s, line.len()));
        }
        let mut first = true;
        for (cs, ce) in cuts {
            let (s, e) = tidy(line, cs, ce);
            if s >= e {
                continue;
            }
            out.push(Seg { start: ls + s, end: ls + e, blank_before: blank, same_line: !first });
            blank = false;
            first = false;
        }
        if first {
            blank = true;
        }
    }
    out
}

/// Trims `line[s..e]` of whitespace, list glyphs and glued ad labels, until nothing changes.
fn tidy(line: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    loop {
        let before = (s, e);
        let piece = &line[s..e];
        let t = piece.trim_start();
        s += piece.len() - t.len();
        e = s + t.trim_end().len();
        s += lines::leading_glyphs(&line[s..e]);
        let (a, b) = lines::edge_labels(&line[s..e]);
        s += a;
        e -= b;
        if (s, e) == before || s >= e {
            return (s, e.max(s));
        }
    }
}

/// True for a line of prose: eight words or more ending a sentence, or thirty words.
fn is_body(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends = line.trim_end().ends_with(['.', '!', '?', '…', '"', '\u{201D}', '\u{2019}', '\u{00BB}', ')']);
    words >= 8 && ends || words >= 30
}

/// True for a sentence: four words or more ending with a full stop, a question or
/// exclamation mark (closing quotes allowed).
fn is_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\u{201D}', '\u{2019}', '\'', ')', '\u{00BB}']);
    line.split_whitespace().count() >= 4 && t.ends_with(['.', '!', '?', '…'])
}

/// True for a line shaped like a headline.
fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or(' ');
    (2..=30).contains(&words)
        && line.len() <= 250
        && !line.ends_with(['.', ',', ';', ':'])
        && (first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\'' | '\u{201C}' | '\u{2018}' | '«'))
        && !(line.starts_with("By ") && words <= 6)
        && date::dateline(line).is_none()
}

/// Whether a line can fold to a title key of `key_len` bytes: folding keeps at most the
/// letters and digits and at most doubles one ("ß" gives "ss"), so a line much longer than the
/// key (prose) or shorter than half of it cannot match.
fn could_be_title(line: &str, key_len: usize) -> bool {
    line.len() * 2 >= key_len && line.len() <= 4 * key_len + 16
}

/// Letters and digits only, lowercased and folded: how lines are compared with titles.
fn norm(s: &str) -> String {
    sitrep_text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What the line pass found.
struct LinePass {
    text: String,
    map: OffsetMap,
    title: Option<String>,
    dateline: Option<NaiveDate>,
    removed: BTreeMap<Removed, usize>,
    credits: Vec<String>,
}

fn line_pass(original: &str, known_titles: &[&str], opts: &CleanOptions) -> LinePass {
    let segs = segments(original);
    let text_of = |s: &Seg| &original[s.start..s.end];
    let mut drop: Vec<Option<Removed>> = vec![None; segs.len()];
    let mut credits = Vec::new();
    // Line-local rules.
    for (i, s) in segs.iter().enumerate() {
        let t = text_of(s);
        drop[i] = if let Some(k) = lines::furniture(t) {
            Some(k)
        } else if !opts.furniture.is_empty() && s.len() <= RECURRING_MAX_BYTES && opts.furniture.contains(&line_key(t)) {
            Some(Removed::Recurring)
        } else if lines::is_image_name(t) {
            Some(Removed::Image)
        } else if let Some(who) = lines::credit(t) {
            credits.push(who.to_string());
            Some(Removed::Credit)
        } else if lines::is_teaser(t) {
            Some(Removed::Teaser)
        } else if lines::is_glyphs_only(t) {
            Some(Removed::Glyphs)
        } else {
            None
        };
    }
    // Runs of three or more video teasers.
    let mut i = 0;
    while i < segs.len() {
        let mut j = i;
        while j < segs.len() && (drop[j].is_some() || lines::is_duration_teaser(text_of(&segs[j]))) {
            j += 1;
        }
        let run: Vec<usize> = (i..j).filter(|&k| drop[k].is_none()).collect();
        if run.len() >= 3 {
            for k in run {
                drop[k] = Some(Removed::Playlist);
            }
        }
        i = j.max(i + 1);
    }
    // The header: everything before the first line of prose.
    let header_end = (0..segs.len()).find(|&k| drop[k].is_none() && is_body(text_of(&segs[k]))).unwrap_or(segs.len());
    let mut ends: Vec<usize> = segs.iter().map(|s| s.end).collect();
    let mut dateline = None;
    let mut dateline_at = None;
    for k in 0..header_end {
        if drop[k].is_some() {
            continue;
        }
        let t = text_of(&segs[k]);
        if let Some((d, kind)) = date::dateline(t) {
            drop[k] = Some(Removed::Dateline);
            if kind == date::DateKind::Published && dateline.is_none() {
                dateline = Some(d);
            }
            dateline_at.get_or_insert(k);
        } else if let Some((cut, d)) = date::trailing_dateline(t) {
            ends[k] = segs[k].start + t[..cut].trim_end().len();
            if dateline.is_none() {
                dateline = d;
            }
            dateline_at.get_or_insert(k);
        }
    }
    let seg_text = |k: usize| &original[segs[k].start..ends[k]];
    // The text's own headline.
    let mut title = None;
    if let Some(h) = (0..header_end).find(|&k| drop[k].is_none()) {
        let t = seg_text(h);
        if is_headline(t) {
            let n = norm(t);
            let repeated = (h + 1..segs.len()).any(|k| drop[k].is_none() && could_be_title(seg_text(k), n.len()) && norm(seg_text(k)) == n);
            let after_dateline = dateline_at.is_some_and(|d| d < h);
            let first = (0..h).all(|k| drop[k].is_some());
            let alone = first && segs.get(h + 1).is_some_and(|s| s.blank_before) && header_end > h;
            if repeated || after_dateline || alone {
                title = Some(t.to_string());
            }
        }
    }
    // Repeats of the headline and of the known titles: the first copy stays.
    let mut keys: Vec<String> = known_titles.iter().map(|t| norm(t)).filter(|n| n.len() >= 8).collect();
    if let Some(t) = &title {
        keys.push(norm(t));
    }
    let longest = keys.iter().map(String::len).max().unwrap_or(0);
    let mut seen: HashSet<String> = HashSet::new();
    for (k, d) in drop.iter_mut().enumerate() {
        if d.is_some() || keys.is_empty() || !could_be_title(seg_text(k), longest) {
            continue;
        }
        let n = norm(seg_text(k));
        if keys.contains(&n) && !seen.insert(n) {
            *d = Some(Removed::RepeatedTitle);
        }
    }
    // Build the text.
    let mut b = TextBuilder::new(original);
    let mut prev_end: Option<usize> = None;
    let mut gap_dropped = false;
    let mut removed = BTreeMap::new();
    for (k, s) in segs.iter().enumerate() {
        if let Some(why) = drop[k] {
            *removed.entry(why).or_insert(0) += 1;
            gap_dropped = true;
            continue;
        }
        if let Some(pe) = prev_end {
            let sep = if s.same_line && !gap_dropped {
                "\n"
            } else if s.blank_before || gap_dropped {
                "\n\n"
            } else {
                "\n"
            };
            if &original[pe..s.start] == sep {
                b.copy(pe..s.start);
            } else {
                b.replace(sep, pe..s.start);
            }
        }
        b.copy(s.start..ends[k]);
        prev_end = Some(ends[k]);
        gap_dropped = false;
    }
    let (text, map) = b.finish();
    LinePass { text, map, title, dateline, removed, credits }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans one article: main text, boilerplate removed, title and publication date found.
pub fn clean(raw: &RawArticle, opts: &CleanOptions) -> Article {
    let mut diagnostics = Vec::new();
    let (original, page) = match &raw.body {
        Body::Text(t) => (t.clone(), None),
        Body::Html(h) => {
            let mut p = html::extract(h);
            diagnostics.append(&mut p.notes);
            (std::mem::take(&mut p.text), Some(p))
        }
    };
    let meta_title = raw.title.as_deref().map(collapse_ws).filter(|t| !t.is_empty());
    let page_title = page.as_ref().and_then(|p| p.title.as_deref()).map(collapse_ws).filter(|t| !t.is_empty());
    let known: Vec<&str> = meta_title.iter().chain(page_title.iter()).map(String::as_str).collect();
    let mut lp = line_pass(&original, &known, opts);
    // Rules see their neighbours (runs of teasers, the header before the first paragraph,
    // repeats), so dropping lines can expose more to drop: repeat the pass on its own output
    // until nothing changes (it only ever removes, so it ends). This makes cleaning idempotent.
    let mut known_again = known.clone();
    if let Some(t) = &lp.title {
        known_again.push(t);
    }
    for _ in 0..8 {
        let next = line_pass(&lp.text, &known_again, opts);
        if next.text == lp.text {
            break;
        }
        lp.map = lp.map.then(&next.map);
        lp.text = next.text;
        for (k, n) in next.removed {
            *lp.removed.entry(k).or_insert(0) += n;
        }
        lp.credits.extend(next.credits);
    }

    let title = meta_title.or(page_title).or(lp.title);
    let mut published = None;
    let mut published_from = None;
    if let Some(p) = raw.published.as_deref().filter(|p| !p.trim().is_empty()) {
        match date::parse_published(p) {
            Some(d) => (published, published_from) = (Some(d), Some(PublishedFrom::Metadata)),
            None => diagnostics.push(Diagnostic {
                code: "clean.published_unreadable".into(),
                message: format!("publication date {p:?} given with the article is not a date; ignored"),
            }),
        }
    }
    if published.is_none() {
        if let Some(d) = page.as_ref().and_then(|p| p.published.as_deref()).and_then(date::parse_published) {
            (published, published_from) = (Some(d), Some(PublishedFrom::Dateline));
        } else if let Some(d) = lp.dateline {
            (published, published_from) = (Some(d), Some(PublishedFrom::Dateline));
        }
    }
    let mut flags = Vec::new();
    if published.is_none() {
        flags.push(ArticleFlag::Undated);
    }
    if !has_content(&lp.text) {
        flags.push(ArticleFlag::NoContent);
    }
    if !lp.removed.is_empty() {
        let total: usize = lp.removed.values().sum();
        let parts: Vec<String> = lp.removed.iter().map(|(k, n)| format!("{} {n}", k.as_str())).collect();
        diagnostics.push(Diagnostic { code: "clean.removed".into(), message: format!("removed {total} line(s): {}", parts.join(", ")) });
    }
    for c in &lp.credits {
        diagnostics.push(Diagnostic { code: "clean.credit".into(), message: format!("credit line removed; credits {c:?}") });
    }
    let url = raw.url.clone().or_else(|| page.as_ref().and_then(|p| p.url.clone()));
    let outlet = raw.outlet.clone().or_else(|| page.as_ref().and_then(|p| p.site_name.clone()));
    Article { id: raw.id.clone(), original, text: lp.text, map: lp.map, title, published, published_from, url, outlet, flags, diagnostics }
}

#[cfg(test)]
mod tests;
