//! Readers: the only stage that reads input files. Every input yields [`Input`]s (a
//! [`RawArticle`] plus what the reader noticed) or an [`InputError`] naming the input (`path`,
//! `path:LINE`, `path#ENTRY`, `-:LINE`) and what is wrong; one bad input never stops the others.
//!
//! # Formats
//!
//! | input | articles | id |
//! | --- | --- | --- |
//! | plain text (`.txt`, `.text`, `.md`) | one | the file stem |
//! | HTML (`.html`, `.htm`, `.xhtml`) | one (the page; cleaning extracts its text) | the file stem |
//! | JSON Lines (`.jsonl`, `.ndjson`, `.json`): `{"id", "text" or "html", "title"?, "published"?, "url"?, "source"?}` | one per line | `id`, else `STEM:LINE` |
//! | RSS, Atom, RDF feeds (`.xml`, `.rss`, `.atom`, `.rdf`) | one per entry (content, else summary) | the entry id |
//! | any of these gzip-compressed (`.gz`, or gzip magic bytes) | as inside | as inside |
//! | a directory | every file above in it, recursively, in name order; hidden files and other extensions skipped | |
//! | `-` | standard input, format sniffed | `stdin`, or as inside |
//!
//! A file named with an unknown extension is sniffed: `{` starts JSON Lines, a `<rss`/`<feed`
//! root a feed, `<` HTML, anything else plain text.
//!
//! # Entry points
//!
//! - [`read_path`]: one path (file, directory or `-`), every article and error to a callback.
//!   This is what `sitrep ingest` and `sitrep extract` use.
//! - [`expand`] + [`read_source`]: the same in two steps (know the files and their sizes
//!   first, for a progress bar).
//! - [`read_bytes`]: bytes already in memory (an HTTP upload, a fuzz input), format from a name
//!   or sniffed, gzip detected.
//! - [`read_jsonl`]: JSON Lines bytes.
//!
//! # Bad input
//!
//! Binary data (NUL bytes, PDF/PNG/ZIP... signatures), empty files, malformed JSON lines (with
//! their line number), text over [`ReadOptions::max_article_bytes`] (a 50 MB line is skipped
//! without being held in memory), truncated gzip (the articles before the damage are kept),
//! feeds nested absurdly deep: each is one `InputError`. Bytes that are not UTF-8 are decoded
//! (byte-order mark, declared charset, or the `chardetng` detector) and the article carries a
//! note saying so; JSON Lines must be UTF-8.

mod decode;
mod feed;
mod jsonl;

use sitrep_model::article::{Body, Diagnostic, RawArticle};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Options for reading.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Largest article accepted, in bytes of text or HTML (default 5 MB). A JSON line may be
    /// twice this plus 64 KB (escapes and metadata).
    pub max_article_bytes: usize,
    /// When set, the number of input bytes read so far (before decompression) is added here,
    /// for progress bars.
    pub progress: Option<Arc<AtomicU64>>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_article_bytes: 5 * 1024 * 1024, progress: None }
    }
}

impl ReadOptions {
    /// The largest feed file read whole: sixteen articles' worth, at least 64 MB.
    fn max_feed_bytes(&self) -> usize {
        self.max_article_bytes.saturating_mul(16).max(64 * 1024 * 1024)
    }
}

/// Something wrong with one input (a file, a line, a feed entry).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct InputError {
    /// The input: `path`, `path:line`, `path#entry`, `-:line`.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl InputError {
    /// An error about `origin`.
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { origin: origin.into(), message: message.into() }
    }
}

/// One article as read, with what the reader noticed about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The article.
    pub raw: RawArticle,
    /// Notes for the article's diagnostics (`ingest.encoding`, ...).
    pub diagnostics: Vec<Diagnostic>,
    /// True when the bytes were not UTF-8 and were decoded from another encoding.
    pub transcoded: bool,
}

/// An article or an error about one input.
pub type Item = Result<Input, InputError>;

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one article.
    Text,
    /// An HTML page: one article.
    Html,
    /// JSON Lines: one article per line.
    Jsonl,
    /// RSS, Atom or RDF: one article per entry.
    Feed,
}

impl Format {
    /// The format a file name's extension says (`.gz` looked through), if known.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let base = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = Path::new(base).extension()?.to_str()?;
        Some(match ext {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "xml" | "rss" | "atom" | "rdf" => Format::Feed,
            _ => return None,
        })
    }

    /// The format the first bytes of a document suggest.
    pub fn sniff(data: &[u8]) -> Format {
        let start = data.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(data.len());
        let head = data[start..].strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&data[start..]);
        match head.first() {
            Some(b'{') => Format::Jsonl,
            Some(b'<') if feed::looks_like_feed(head) => Format::Feed,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// One input to read: a file, or standard input (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path (`-` for standard input).
    pub path: PathBuf,
    /// Its size in bytes, when known.
    pub size: Option<u64>,
}

impl Source {
    /// How the source is named in messages.
    pub fn origin(&self) -> String {
        self.path.display().to_string()
    }
    fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// The files behind some paths.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files to read, in order (directories expanded in name order).
    pub sources: Vec<Source>,
    /// Paths that could not be listed or do not exist.
    pub errors: Vec<InputError>,
    /// Files inside directories skipped for their extension.
    pub skipped: Vec<PathBuf>,
}

/// Expands paths: files as given, directories recursively (hidden entries and files with
/// other extensions skipped; symbolic links to directories not followed), `-` as is.
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.sources.push(Source { path: p.clone(), size: None });
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => out.errors.push(InputError::new(p.display().to_string(), io_message(&e))),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(m) => out.sources.push(Source { path: p.clone(), size: Some(m.len()) }),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Expanded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            out.errors.push(InputError::new(dir.display().to_string(), format!("cannot list directory: {}", io_message(&e))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.starts_with('.')) {
            continue;
        }
        let Ok(link) = std::fs::symlink_metadata(&p) else { continue };
        if link.is_dir() {
            walk(&p, out);
        } else if link.file_type().is_symlink() && std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
            out.skipped.push(p);
        } else if Format::from_name(&p.to_string_lossy()).is_some() {
            let size = std::fs::metadata(&p).ok().map(|m| m.len());
            out.sources.push(Source { path: p, size });
        } else {
            out.skipped.push(p);
        }
    }
}

/// Reads everything under `path` (a file, a directory, or `-`), calling `on` for every
/// article and every error.
pub fn read_path(path: &Path, opts: &ReadOptions, on: &mut dyn FnMut(Item)) {
    let ex = expand(&[path.to_path_buf()]);
    for e in ex.errors {
        on(Err(e));
    }
    for s in &ex.sources {
        read_source(s, opts, on);
    }
}

/// Reads standard input (format sniffed).
pub fn read_stdin(opts: &ReadOptions, on: &mut dyn FnMut(Item)) {
    read_source(&Source { path: PathBuf::from("-"), size: None }, opts, on);
}

/// Counts bytes read into the progress counter.
struct Counting<R> {
    inner: R,
    counter: Option<Arc<AtomicU64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// Reads one source.
pub fn read_source(src: &Source, opts: &ReadOptions, on: &mut dyn FnMut(Item)) {
    let origin = src.origin();
    let raw: Box<dyn Read> = if src.is_stdin() {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(&src.path) {
            Ok(f) => Box::new(f),
            Err(e) => return on(Err(InputError::new(origin, format!("cannot open: {}", io_message(&e))))),
        }
    };
    let mut r = BufReader::with_capacity(256 * 1024, Counting { inner: raw, counter: opts.progress.clone() });
    let name =
        if src.is_stdin() { String::new() } else { src.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default() };
    let stem = if src.is_stdin() { "stdin".to_string() } else { stem_of(&name) };
    let gz = match r.fill_buf() {
        Ok(b) => b.starts_with(&[0x1F, 0x8B]),
        Err(e) => return on(Err(InputError::new(origin, format!("cannot read: {}", io_message(&e))))),
    };
    if gz {
        let mut inner = BufReader::with_capacity(256 * 1024, flate2::bufread::MultiGzDecoder::new(r));
        read_stream(&origin, &name, &stem, &mut inner, true, opts, on);
    } else {
        read_stream(&origin, &name, &stem, &mut r, false, opts, on);
    }
}

/// The id a one-article file gets: its name without extensions (`a.txt.gz` gives `a`).
fn stem_of(name: &str) -> String {
    let base = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".GZ")).unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 && Format::from_name(base).is_some() => base[..i].to_string(),
        _ => base.to_string(),
    }
}

fn read_stream(origin: &str, name: &str, stem: &str, r: &mut dyn BufRead, gz: bool, opts: &ReadOptions, on: &mut dyn FnMut(Item)) {
    let head = match r.fill_buf() {
        Ok(h) => h,
        Err(e) => return on(Err(InputError::new(origin, stream_error(&e, gz, None)))),
    };
    if head.is_empty() {
        return on(Err(InputError::new(origin, if gz { "empty gzip data: no text in it" } else { "empty file: no text in it" })));
    }
    let format = Format::from_name(name).unwrap_or_else(|| Format::sniff(head));
    match format {
        Format::Jsonl => {
            if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
                return on(Err(InputError::new(origin, "a JSON array: write one article object per line (JSON Lines)")));
            }
            if let Some(kind) = decode::binary_kind(head) {
                return on(Err(InputError::new(origin, format!("binary data ({kind}), not JSON Lines"))));
            }
            let lines_origin = if origin == "-" { "-" } else { origin };
            if let Err((n, e)) = jsonl::read_stream(lines_origin, stem, r, opts, on) {
                on(Err(InputError::new(origin, stream_error(&e, gz, Some(n)))));
            }
        }
        Format::Feed => match read_capped(r, opts.max_feed_bytes()) {
            Ok(Some(data)) => {
                for item in feed::read(origin, &data, opts) {
                    on(item);
                }
            }
            Ok(None) => on(Err(InputError::new(origin, format!("feed is over {} bytes; refused", opts.max_feed_bytes())))),
            Err(e) => on(Err(InputError::new(origin, stream_error(&e, gz, None)))),
        },
        Format::Text | Format::Html => match read_capped(r, opts.max_article_bytes) {
            Ok(Some(data)) => on(one_article(origin, stem, format, &data)),
            Ok(None) => on(Err(InputError::new(
                origin,
                format!("article is over the {}-byte limit (--max-article-size); skipped", opts.max_article_bytes),
            ))),
            Err(e) => on(Err(InputError::new(origin, stream_error(&e, gz, None)))),
        },
    }
}

/// Reads to the end, or `None` when there are more than `cap` bytes.
fn read_capped(r: &mut dyn BufRead, cap: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let n = r.take(cap as u64 + 1).read_to_end(&mut data)?;
    Ok(if n > cap { None } else { Some(data) })
}

fn stream_error(e: &std::io::Error, gz: bool, lines: Option<u64>) -> String {
    let what = if gz
        && matches!(e.kind(), std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData)
    {
        format!("truncated or corrupt gzip data ({e})")
    } else {
        format!("read error: {}", io_message(e))
    };
    match lines {
        Some(n) => format!("{what} after line {n}; the lines before it were read"),
        None => format!("{what}; skipped"),
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// One text or HTML document as one article.
fn one_article(origin: &str, id: &str, format: Format, data: &[u8]) -> Item {
    let charset = if format == Format::Html { decode::html_charset(data) } else { None };
    let d = decode::decode(data, charset.as_deref()).map_err(|e| InputError::new(origin, format!("{e}; skipped")))?;
    let mut diagnostics = Vec::new();
    let transcoded = d.note.is_some();
    if let Some(note) = d.note {
        diagnostics.push(Diagnostic { code: "ingest.encoding".into(), message: note });
    }
    let body = if format == Format::Html { Body::Html(d.text) } else { Body::Text(d.text) };
    Ok(Input {
        raw: RawArticle { id: id.to_string(), body, title: None, published: None, url: None, outlet: None, origin: origin.to_string() },
        diagnostics,
        transcoded,
    })
}

/// Reads a document held in memory. `name` gives the format by its extension (and the id of
/// a one-article document by its stem); an unknown or empty name means the format is sniffed.
/// Gzip data is recognised by its magic bytes.
pub fn read_bytes(origin: &str, name: &str, data: &[u8], opts: &ReadOptions) -> Vec<Item> {
    let mut out = Vec::new();
    let stem = if name.is_empty() { origin.to_string() } else { stem_of(name) };
    let mut on = |i: Item| out.push(i);
    if data.starts_with(&[0x1F, 0x8B]) {
        let mut inner = BufReader::new(flate2::bufread::MultiGzDecoder::new(data));
        read_stream(origin, name, &stem, &mut inner, true, opts, &mut on);
    } else {
        let mut r = data;
        read_stream(origin, name, &stem, &mut r, false, opts, &mut on);
    }
    out
}

/// Reads JSON Lines articles (`id`, `text` or `html`, `title`, `published`, `url`, `source`)
/// from `data`; `origin` names the input in messages (`origin:LINE`), and lines without an
/// `id` get `origin:LINE` as theirs.
pub fn read_jsonl(origin: &str, data: &[u8], opts: &ReadOptions) -> Vec<Result<RawArticle, InputError>> {
    let mut out = Vec::new();
    let mut r = data;
    if let Err((n, e)) = jsonl::read_stream(origin, origin, &mut r, opts, &mut |i| out.push(i.map(|i| i.raw))) {
        out.push(Err(InputError::new(origin, stream_error(&e, false, Some(n)))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(Format::from_name("a.jsonl.gz"), Some(Format::Jsonl));
        assert_eq!(Format::from_name("A.HTM"), Some(Format::Html));
        assert_eq!(Format::from_name("feed.rss"), Some(Format::Feed));
        assert_eq!(Format::from_name("notes"), None);
        assert_eq!(Format::sniff(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
        assert_eq!(Format::sniff(b"<!doctype html><p>x"), Format::Html);
        assert_eq!(Format::sniff(b"Plain words."), Format::Text);
        assert_eq!(stem_of("kokorou.txt.gz"), "kokorou");
        assert_eq!(stem_of("a.b.html"), "a.b");
        assert_eq!(stem_of("README"), "README");
    }

    #[test]
    fn text_and_gzip_in_memory() {
        let out = read_bytes("x/a.txt", "a.txt", b"Seven soldiers were killed.", &ReadOptions::default());
        assert_eq!(out[0].as_ref().unwrap().raw.id, "a");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\"two\"}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let out = read_bytes("w.jsonl.gz", "w.jsonl.gz", &bytes, &ReadOptions::default());
        assert_eq!(out.len(), 2);
        let out = read_bytes("w.jsonl.gz", "w.jsonl.gz", &bytes[..bytes.len() - 12], &ReadOptions::default());
        let last = out.last().unwrap().as_ref().unwrap_err();
        assert!(last.message.contains("truncated or corrupt gzip"), "{last}");
    }

    #[test]
    fn bad_documents_are_named() {
        let o = ReadOptions::default();
        assert!(read_bytes("e.txt", "e.txt", b"", &o)[0].as_ref().unwrap_err().message.contains("empty"));
        assert!(read_bytes("b.txt", "b.txt", b"\x00\x01\x02binary", &o)[0].as_ref().unwrap_err().message.contains("binary"));
        assert!(read_bytes("p.dat", "p.dat", b"%PDF-1.7\n...", &o)[0].as_ref().unwrap_err().message.contains("PDF"));
        let small = ReadOptions { max_article_bytes: 4, ..ReadOptions::default() };
        assert!(read_bytes("l.txt", "l.txt", b"longer than four", &small)[0].as_ref().unwrap_err().message.contains("limit"));
    }

    #[test]
    fn directories_are_walked_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "B text.").unwrap();
        std::fs::write(dir.path().join("sub/a.html"), "<p>A page.</p>").unwrap();
        std::fs::write(dir.path().join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        let ex = expand(&[dir.path().to_path_buf(), dir.path().join("missing.txt")]);
        let names: Vec<String> = ex.sources.iter().map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["b.txt", "a.html"]);
        assert_eq!(ex.skipped.len(), 1);
        assert_eq!(ex.errors.len(), 1);
        assert!(ex.errors[0].message.contains("no such file"));
        let mut ids = Vec::new();
        read_path(dir.path(), &ReadOptions::default(), &mut |i| ids.push(i.unwrap().raw.id));
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn read_jsonl_keeps_its_interface() {
        let out = read_jsonl("in", b"{\"text\":\"a\"}\nnot json\n", &ReadOptions::default());
        assert_eq!(out[0].as_ref().unwrap().id, "in:1");
        assert_eq!(out[1].as_ref().unwrap_err().origin, "in:2");
    }
}
