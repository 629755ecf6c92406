//! JSON Lines: one article per line (`id`, `text` or `html`, `title`, `published`, `url`,
//! `source`), read as a stream so a huge line is skipped without being held in memory.

use crate::{Input, InputError, Item, ReadOptions};
use serde_json::Value;
use sitrep_model::article::{Body, Diagnostic, RawArticle};
use std::io::BufRead;

/// One line as read: its bytes, or its length when it was longer than the cap.
pub(crate) enum Line {
    /// The line's bytes (without the newline).
    Bytes,
    /// The line was `len` bytes long: more than the cap, not kept.
    TooLong(u64),
    /// End of input.
    Eof,
}

/// Reads one line into `buf` (cleared first), keeping at most `cap` bytes; a longer line
/// is consumed to its end and reported with its length.
pub(crate) fn read_capped_line<R: BufRead + ?Sized>(r: &mut R, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if !any {
                Line::Eof
            } else if total > cap as u64 {
                Line::TooLong(total)
            } else {
                Line::Bytes
            });
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if total + (take as u64) <= cap as u64 {
            buf.extend_from_slice(&chunk[..take]);
        } else if !buf.is_empty() {
            buf.clear();
            buf.shrink_to(64 * 1024);
        }
        total += take as u64;
        r.consume(take + usize::from(done));
        if done {
            return Ok(if total > cap as u64 { Line::TooLong(total) } else { Line::Bytes });
        }
    }
}

/// Reads JSON Lines from `reader`, calling `on` for every article or bad line. `origin` names
/// the input in messages (`origin:LINE`); lines without an `id` get `stem:LINE`. Returns the
/// number of lines read, or the IO error that stopped the stream (a truncated gzip, say).
pub(crate) fn read_stream<R: BufRead + ?Sized>(
    origin: &str,
    stem: &str,
    reader: &mut R,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Item),
) -> Result<u64, (u64, std::io::Error)> {
    let cap = opts.max_article_bytes.saturating_mul(2).saturating_add(64 * 1024);
    let mut buf = Vec::new();
    let mut n: u64 = 0;
    loop {
        let line = read_capped_line(reader, &mut buf, cap).map_err(|e| (n, e))?;
        n += 1;
        let at = format!("{origin}:{n}");
        match line {
            Line::Eof => return Ok(n - 1),
            Line::TooLong(len) => on(Err(InputError::new(
                at,
                format!(
                    "line is {len} bytes, over the {cap}-byte limit for one JSON line (--max-article-size {}); skipped",
                    opts.max_article_bytes
                ),
            ))),
            Line::Bytes => {
                let bytes = if n == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf[..] };
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                on(parse_line(&at, &format!("{stem}:{n}"), bytes, opts));
            }
        }
    }
}

/// Parses one JSON line into an article.
pub(crate) fn parse_line(at: &str, default_id: &str, bytes: &[u8], opts: &ReadOptions) -> Item {
    let err = |m: String| Err(InputError::new(at.to_string(), m));
    let s = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => return err(format!("not valid UTF-8 (bad byte at column {}); JSON Lines must be UTF-8; skipped", e.valid_up_to() + 1)),
    };
    let v: Value = match serde_json::from_str(s.trim_end_matches('\r')) {
        Ok(v) => v,
        Err(e) => return err(format!("malformed JSON ({e}); skipped")),
    };
    let Value::Object(mut o) = v else {
        return err("not a JSON object; each line must be one article object; skipped".to_string());
    };
    let mut field = |name: &str| -> Result<Option<String>, InputError> {
        match o.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
            Some(other) => {
                Err(InputError::new(at.to_string(), format!("field \"{name}\" must be a string, not {}; skipped", kind(&other))))
            }
        }
    };
    let (id, text, html, title, published, url, source) =
        match (field("id"), field("text"), field("html"), field("title"), field("published"), field("url"), field("source")) {
            (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e), Ok(f), Ok(g)) => (a, b, c, d, e, f, g),
            (a, b, c, d, e, f, g) => {
                let first = [a.err(), b.err(), c.err(), d.err(), e.err(), f.err(), g.err()].into_iter().flatten().next();
                return Err(first.expect("one field failed"));
            }
        };
    let mut diagnostics = Vec::new();
    let body = match (text, html) {
        (Some(t), _) if !t.trim().is_empty() => Body::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
        (Some(t), _) => {
            // A record without text (a page that had none): kept, and flagged no_content.
            diagnostics
                .push(Diagnostic { code: "ingest.empty".into(), message: "empty \"text\": kept as an article without content".into() });
            Body::Text(t)
        }
        (None, Some(h)) => {
            diagnostics
                .push(Diagnostic { code: "ingest.empty".into(), message: "empty \"html\": kept as an article without content".into() });
            Body::Html(h)
        }
        (None, None) => return err("no \"text\" or \"html\" field; skipped".to_string()),
    };
    let len = match &body {
        Body::Text(t) | Body::Html(t) => t.len(),
    };
    if len > opts.max_article_bytes {
        return err(format!("article is {len} bytes, over the {}-byte limit (--max-article-size); skipped", opts.max_article_bytes));
    }
    let id = id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| default_id.to_string());
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Input {
        raw: RawArticle {
            id,
            body,
            title: nonempty(title),
            published: nonempty(published),
            url: nonempty(url),
            outlet: nonempty(source),
            origin: at.to_string(),
        },
        diagnostics,
        transcoded: false,
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &[u8]) -> Vec<Item> {
        let mut out = Vec::new();
        read_stream("f.jsonl", "f", &mut &data[..], &ReadOptions::default(), &mut |i| out.push(i)).unwrap();
        out
    }

    #[test]
    fn reads_fields_and_defaults() {
        let out = read(b"{\"id\":\"a\",\"text\":\"Seven soldiers died.\",\"title\":\"T\",\"published\":\"2026-03-14\",\"url\":\"https://x.test/a\",\"source\":\"Wire\"}\n\n{\"text\":\"No id here.\"}\n{\"id\":7,\"html\":\"<p>Hi</p>\"}");
        assert_eq!(out.len(), 3);
        let a = &out[0].as_ref().unwrap().raw;
        assert_eq!((a.id.as_str(), a.title.as_deref(), a.outlet.as_deref()), ("a", Some("T"), Some("Wire")));
        assert_eq!(out[1].as_ref().unwrap().raw.id, "f:3");
        let c = &out[2].as_ref().unwrap().raw;
        assert_eq!(c.id, "7");
        assert!(matches!(c.body, Body::Html(_)));
    }

    #[test]
    fn bad_lines_name_their_line_number() {
        let out = read(b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\n[1,2]\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"\xff\"}\n{\"id\":\"e\",\"text\":3}\n{\"id\":\"f\",\"text\":\" \"}\n");
        let errs: Vec<String> = out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 5, "{errs:?}");
        assert!(errs[0].starts_with("f.jsonl:2: malformed JSON"), "{}", errs[0]);
        assert!(errs[1].starts_with("f.jsonl:3: not a JSON object"));
        assert!(errs[2].starts_with("f.jsonl:4: no \"text\""));
        assert!(errs[3].starts_with("f.jsonl:5: not valid UTF-8"));
        assert!(errs[4].starts_with("f.jsonl:6: field \"text\" must be a string"));
        let empty = out.last().unwrap().as_ref().unwrap();
        assert_eq!((empty.raw.id.as_str(), empty.diagnostics[0].code.as_str()), ("f", "ingest.empty"));
    }

    #[test]
    fn huge_line_is_skipped_with_its_length() {
        let opts = ReadOptions { max_article_bytes: 1000, ..ReadOptions::default() };
        let mut data = b"{\"id\":\"big\",\"text\":\"".to_vec();
        data.extend(std::iter::repeat_n(b'x', 200_000));
        data.extend_from_slice(b"\"}\n{\"id\":\"small\",\"text\":\"fine\"}\n");
        let mut out = Vec::new();
        read_stream("f.jsonl", "f", &mut &data[..], &opts, &mut |i| out.push(i)).unwrap();
        assert_eq!(out.len(), 2);
        let e = out[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("f.jsonl:1: line is 200022 bytes"), "{e}");
        assert_eq!(out[1].as_ref().unwrap().raw.id, "small");
    }

    #[test]
    fn text_over_the_limit_is_refused() {
        let opts = ReadOptions { max_article_bytes: 10, ..ReadOptions::default() };
        let mut out = Vec::new();
        read_stream("f.jsonl", "f", &mut &b"{\"text\":\"01234567890123\"}"[..], &opts, &mut |i| out.push(i)).unwrap();
        assert!(out[0].as_ref().unwrap_err().to_string().contains("over the 10-byte limit"));
    }
}
