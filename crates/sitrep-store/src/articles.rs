//! Article-level storage: one row per ingested id (duplicates included, pointing at their
//! original), the texts and offset map of originals, relations filled by later stages (kind,
//! derivative_of, event ids), and the per-source line counts behind the cross-document
//! furniture signal.

use crate::StoreError;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sitrep_model::article::{Article, Diagnostic};
use sitrep_model::contract::ArticleOut;
use sitrep_model::taxonomy::{ArticleFlag, ArticleKind, PublishedFrom};
use sitrep_text::{OffsetMap, Piece};
use std::collections::HashMap;

/// The metadata an input came with, as given (kept so an article can be cleaned again).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputMeta {
    /// Title given with the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date given with the input, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Address given with the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet given with the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// What to store for one new article.
#[derive(Debug)]
pub struct NewArticle<'a> {
    /// The cleaned article (its id, texts, map, metadata, flags, diagnostics).
    pub article: &'a Article,
    /// Where it came from (`path`, `path:line`).
    pub origin: &'a str,
    /// Hash of the input as given.
    pub input_hash: &'a str,
    /// The metadata as given.
    pub input_meta: &'a InputMeta,
    /// Hash of the normalised cleaned text (None: not compared, e.g. no content).
    pub text_key: Option<&'a str>,
    /// The original this is an exact duplicate of: then no texts are stored.
    pub duplicate_of: Option<&'a str>,
    /// Its source (outlet or site) for the cross-document signal.
    pub source_key: Option<&'a str>,
    /// The page, when the input was HTML.
    pub raw_html: Option<&'a str>,
}

/// What the store knows of an id already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    /// Ingest order.
    pub seq: i64,
    /// Hash of the input it was ingested from.
    pub input_hash: String,
    /// Its original when it is a duplicate.
    pub duplicate_of: Option<String>,
}

/// An article as stored, with everything later stages attached to it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// Ingest order.
    pub seq: i64,
    /// The article (a duplicate carries its original's texts and map).
    pub article: Article,
    /// Where it came from.
    pub origin: String,
    /// The metadata as given.
    pub input_meta: InputMeta,
    /// Report or commentary.
    pub kind: ArticleKind,
    /// Its original, when it is an exact duplicate.
    pub duplicate_of: Option<String>,
    /// Articles it re-tells.
    pub derivative_of: Vec<String>,
    /// Its events, main first (a duplicate's are its original's).
    pub event_ids: Vec<String>,
    /// Its source key.
    pub source_key: Option<String>,
    /// The page, when the input was HTML.
    pub raw_html: Option<String>,
}

/// The stored row of `id`, if any.
pub fn find(conn: &Connection, id: &str) -> Result<Option<Existing>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT seq, input_hash, duplicate_of FROM articles WHERE id = ?1")?
        .query_row([id], |r| Ok(Existing { seq: r.get(0)?, input_hash: r.get(1)?, duplicate_of: r.get(2)? }))
        .optional()?)
}

/// The id of a stored original whose cleaned text has `text_key`.
pub fn original_with_text_key(conn: &Connection, text_key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE text_key = ?1 AND duplicate_of IS NULL ORDER BY seq LIMIT 1")?
        .query_row([text_key], |r| r.get(0))
        .optional()?)
}

/// Every stored original whose cleaned text has `text_key`, with its publication date (usually
/// one; two after cleaning made two texts equal).
pub fn originals_with_text_key(conn: &Connection, text_key: &str) -> Result<Vec<(String, Option<NaiveDate>)>, StoreError> {
    let rows: Vec<(String, Option<String>)> = conn
        .prepare_cached("SELECT id, published FROM articles WHERE text_key = ?1 AND duplicate_of IS NULL ORDER BY seq")?
        .query_map([text_key], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter().map(|(id, p)| Ok((id, parse_date(p)?))).collect()
}

/// Makes a stored original an exact duplicate of `of` (another original with the same text):
/// its texts go, its duplicates now point at `of`, its relations and events are cleared (a
/// duplicate shares its original's).
pub fn make_duplicate(tx: &Transaction<'_>, id: &str, of: &str) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM article_texts WHERE seq = (SELECT seq FROM articles WHERE id = ?1)")?.execute([id])?;
    tx.prepare_cached("UPDATE articles SET duplicate_of = ?2 WHERE duplicate_of = ?1")?.execute(params![id, of])?;
    tx.prepare_cached("UPDATE articles SET duplicate_of = ?2 WHERE id = ?1")?.execute(params![id, of])?;
    tx.prepare_cached("DELETE FROM article_derivatives WHERE article_id = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM article_events WHERE article_id = ?1")?.execute([id])?;
    Ok(())
}

/// A duplicate's columns: id, url, outlet, published.
type DupColumns = (String, Option<String>, Option<String>, Option<String>);

/// The exact duplicates of these originals: `(duplicate id, original id, url, outlet,
/// published)`, by duplicate id.
pub fn duplicates_of(conn: &Connection, originals: &[String]) -> Result<Vec<DuplicateRow>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, url, outlet, published FROM articles WHERE duplicate_of = ?1 ORDER BY id")?;
    let mut out = Vec::new();
    for o in originals {
        let rows: Vec<DupColumns> = stmt.query_map([o], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
        for (id, url, outlet, published) in rows {
            out.push(DuplicateRow { id, of: o.clone(), url, outlet, published: parse_date(published)? });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// An exact duplicate as event sources list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateRow {
    /// The duplicate's id.
    pub id: String,
    /// Its original.
    pub of: String,
    /// Its address.
    pub url: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<NaiveDate>,
}

/// True when `id` is stored as an exact duplicate.
pub fn is_duplicate(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT duplicate_of IS NOT NULL FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

/// Stores a new article; returns its `seq`.
pub fn insert(tx: &Transaction<'_>, a: &NewArticle<'_>) -> Result<i64, StoreError> {
    let art = a.article;
    tx.prepare_cached(
        "INSERT INTO articles (id, origin, input_hash, input_meta, text_key, duplicate_of, title, published, published_from, url, outlet, \
         source_key, flags, diagnostics) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        art.id,
        a.origin,
        a.input_hash,
        json(a.input_meta),
        a.text_key,
        a.duplicate_of,
        art.title,
        art.published.map(|d| d.to_string()),
        art.published_from.map(|p| p.as_str()),
        art.url,
        art.outlet,
        a.source_key,
        json(&art.flags),
        json(&art.diagnostics),
    ])?;
    let seq = tx.last_insert_rowid();
    if a.duplicate_of.is_none() {
        tx.prepare_cached("INSERT INTO article_texts (seq, original, text, map, raw_html) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![seq, art.original, art.text, encode_map(&art.map), a.raw_html])?;
    }
    Ok(seq)
}

/// Removes an article and everything attached to it (`ingest --replace`). Duplicates of it
/// are removed too: they have no text of their own.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<(), StoreError> {
    let dups: Vec<String> =
        tx.prepare_cached("SELECT id FROM articles WHERE duplicate_of = ?1")?.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    for d in dups {
        delete(tx, &d)?;
    }
    tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Replaces what cleaning produced for a stored original (its original text is unchanged):
/// used when the cross-document signal finds new furniture in it.
pub fn update_clean(tx: &Transaction<'_>, seq: i64, art: &Article, text_key: Option<&str>) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE articles SET title = ?2, published = ?3, published_from = ?4, flags = ?5, diagnostics = ?6, text_key = ?7 WHERE seq = ?1",
    )?
    .execute(params![
        seq,
        art.title,
        art.published.map(|d| d.to_string()),
        art.published_from.map(|p| p.as_str()),
        json(&art.flags),
        json(&art.diagnostics),
        text_key
    ])?;
    tx.prepare_cached("UPDATE article_texts SET text = ?2, map = ?3 WHERE seq = ?1")?.execute(params![
        seq,
        art.text,
        encode_map(&art.map)
    ])?;
    Ok(())
}

/// Sets an article's kind.
pub fn set_kind(tx: &Transaction<'_>, id: &str, kind: ArticleKind) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE articles SET kind = ?2 WHERE id = ?1")?.execute(params![id, kind.as_str()])?;
    Ok(())
}

/// Sets an article's flags (cleaning's, plus those later stages add: `date_suspect`,
/// `headline_conflict`).
pub fn set_flags(tx: &Transaction<'_>, id: &str, flags: &[ArticleFlag]) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE articles SET flags = ?2 WHERE id = ?1")?.execute(params![id, json(&flags)])?;
    Ok(())
}

/// Sets the articles an article re-tells.
pub fn set_derivative_of(tx: &Transaction<'_>, id: &str, of: &[String]) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM article_derivatives WHERE article_id = ?1")?.execute([id])?;
    let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO article_derivatives (article_id, of_id) VALUES (?1, ?2)")?;
    for o in of {
        ins.execute(params![id, o])?;
    }
    Ok(())
}

/// Sets an article's events, main first.
pub fn set_event_ids(tx: &Transaction<'_>, id: &str, events: &[String]) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM article_events WHERE article_id = ?1")?.execute([id])?;
    let mut ins = tx.prepare_cached("INSERT INTO article_events (article_id, position, event_id) VALUES (?1, ?2, ?3)")?;
    for (i, e) in events.iter().enumerate() {
        ins.execute(params![id, i as i64, e])?;
    }
    Ok(())
}

fn derivative_of(conn: &Connection, id: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT of_id FROM article_derivatives WHERE article_id = ?1 ORDER BY of_id")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

fn event_ids(conn: &Connection, id: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT event_id FROM article_events WHERE article_id = ?1 ORDER BY position")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

fn parse_flags(s: &str) -> Result<Vec<ArticleFlag>, StoreError> {
    let names: Vec<String> = serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("flags {s:?}: {e}")))?;
    names.iter().map(|n| ArticleFlag::parse(n).ok_or_else(|| StoreError::Corrupt(format!("unknown article flag {n:?}")))).collect()
}

fn parse_date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("date {s:?}: {e}")))).transpose()
}

fn parse_from(s: Option<String>) -> Result<Option<PublishedFrom>, StoreError> {
    s.map(|s| PublishedFrom::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("published_from {s:?}")))).transpose()
}

fn parse_kind(s: &str) -> Result<ArticleKind, StoreError> {
    ArticleKind::parse(s).ok_or_else(|| StoreError::Corrupt(format!("kind {s:?}")))
}

/// Loads one article with its texts (a duplicate gets its original's texts and events).
pub fn load(conn: &Connection, id: &str) -> Result<Option<StoredArticle>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT a.seq, a.id, a.origin, a.input_meta, a.duplicate_of, a.title, a.published, a.published_from, a.url, a.outlet, \
             a.source_key, a.kind, a.flags, a.diagnostics, COALESCE(t.original, ot.original), COALESCE(t.text, ot.text), \
             COALESCE(t.map, ot.map), COALESCE(t.raw_html, ot.raw_html) \
             FROM articles a LEFT JOIN article_texts t ON t.seq = a.seq \
             LEFT JOIN articles o ON o.id = a.duplicate_of LEFT JOIN article_texts ot ON ot.seq = o.seq WHERE a.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
                r.get::<_, String>(11)?,
                r.get::<_, String>(12)?,
                r.get::<_, String>(13)?,
                (
                    r.get::<_, Option<String>>(14)?,
                    r.get::<_, Option<String>>(15)?,
                    r.get::<_, Option<Vec<u8>>>(16)?,
                    r.get::<_, Option<String>>(17)?,
                ),
            ))
        })
        .optional()?;
    let Some((seq, id, origin, meta, duplicate_of, title, published, published_from, url, outlet, source_key, kind, flags, diags, texts)) =
        row
    else {
        return Ok(None);
    };
    let (original, text, map, raw_html) = texts;
    let original = original.unwrap_or_default();
    let text = text.unwrap_or_default();
    let map = match map {
        Some(m) => decode_map(&m).ok_or_else(|| StoreError::Corrupt(format!("offset map of {id}")))?,
        None => OffsetMap::identity(text.len()),
    };
    let diagnostics: Vec<Diagnostic> =
        serde_json::from_str(&diags).map_err(|e| StoreError::Corrupt(format!("diagnostics of {id}: {e}")))?;
    let events_of = duplicate_of.clone().unwrap_or_else(|| id.clone());
    Ok(Some(StoredArticle {
        seq,
        article: Article {
            id: id.clone(),
            original,
            text,
            map,
            title,
            published: parse_date(published)?,
            published_from: parse_from(published_from)?,
            url,
            outlet,
            flags: parse_flags(&flags)?,
            diagnostics,
        },
        origin,
        input_meta: serde_json::from_str(&meta).unwrap_or_default(),
        kind: parse_kind(&kind)?,
        derivative_of: derivative_of(conn, &id)?,
        event_ids: event_ids(conn, &events_of)?,
        duplicate_of,
        source_key,
        raw_html,
    }))
}

/// Every article id, in ingest order.
pub fn ids(conn: &Connection) -> Result<Vec<String>, StoreError> {
    Ok(conn.prepare("SELECT id FROM articles ORDER BY seq")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// Ids of the stored originals (not duplicates) of a source, in ingest order.
pub fn originals_of_source(conn: &Connection, source_key: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE source_key = ?1 AND duplicate_of IS NULL ORDER BY seq")?
        .query_map([source_key], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// Numbers of stored articles: `(all ids, exact duplicates)`.
pub fn counts(conn: &Connection) -> Result<(u64, u64), StoreError> {
    Ok(conn.query_row("SELECT COUNT(*), COUNT(duplicate_of) FROM articles", [], |r| {
        Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
    })?)
}

/// Calls `f` with every article in the contract's export shape, in ingest order. A duplicate
/// carries its original's text, kind and event ids.
pub fn export<E: From<StoreError>>(conn: &Connection, mut f: impl FnMut(ArticleOut) -> Result<(), E>) -> Result<(), E> {
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.title, a.published, a.published_from, COALESCE(o.kind, a.kind), a.duplicate_of, a.flags, a.url, a.outlet, \
             COALESCE(t.text, ot.text, '') FROM articles a LEFT JOIN article_texts t ON t.seq = a.seq \
             LEFT JOIN articles o ON o.id = a.duplicate_of LEFT JOIN article_texts ot ON ot.seq = o.seq ORDER BY a.seq",
        )
        .map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let get = |i: usize| -> Result<Option<String>, StoreError> { Ok(r.get(i)?) };
        let id: String = r.get(0).map_err(StoreError::from)?;
        let duplicate_of = get(5)?;
        let out = ArticleOut {
            title: get(1)?,
            published: parse_date(get(2)?)?,
            published_from: parse_from(get(3)?)?,
            kind: parse_kind(&get(4)?.unwrap_or_default())?,
            derivative_of: derivative_of(conn, &id)?,
            flags: parse_flags(&get(6)?.unwrap_or_default())?,
            event_ids: event_ids(conn, duplicate_of.as_deref().unwrap_or(&id))?,
            url: get(7)?,
            outlet: get(8)?,
            text: get(9)?.unwrap_or_default(),
            duplicate_of,
            id,
        };
        f(out)?;
    }
    Ok(())
}

/// How many (non-duplicate) articles of a source are stored.
pub fn source_articles(conn: &Connection, source_key: &str) -> Result<u64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT articles FROM source_stats WHERE source_key = ?1")?
        .query_row([source_key], |r| r.get::<_, i64>(0))
        .optional()?
        .unwrap_or(0) as u64)
}

/// In how many stored articles of a source each of `keys` occurs (absent keys: 0).
pub fn source_line_counts(conn: &Connection, source_key: &str, keys: &[u64]) -> Result<HashMap<u64, u64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT articles FROM source_lines WHERE source_key = ?1 AND line_key = ?2")?;
    let mut out = HashMap::new();
    for &k in keys {
        if let Some(n) = stmt.query_row(params![source_key, k as i64], |r| r.get::<_, i64>(0)).optional()? {
            out.insert(k, n as u64);
        }
    }
    Ok(out)
}

/// Counts one more article of a source, containing the (distinct) line `keys`.
pub fn add_source_lines(tx: &Transaction<'_>, source_key: &str, keys: &[u64]) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO source_stats (source_key, articles) VALUES (?1, 1) ON CONFLICT(source_key) DO UPDATE SET articles = articles + 1",
    )?
    .execute([source_key])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO source_lines (source_key, line_key, articles) VALUES (?1, ?2, 1) \
         ON CONFLICT(source_key, line_key) DO UPDATE SET articles = articles + 1",
    )?;
    for &k in keys {
        stmt.execute(params![source_key, k as i64])?;
    }
    Ok(())
}

/// Forgets one article of a source (when it is replaced).
pub fn remove_source_lines(tx: &Transaction<'_>, source_key: &str, keys: &[u64]) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE source_stats SET articles = MAX(articles - 1, 0) WHERE source_key = ?1")?.execute([source_key])?;
    let mut stmt = tx.prepare_cached("UPDATE source_lines SET articles = MAX(articles - 1, 0) WHERE source_key = ?1 AND line_key = ?2")?;
    for &k in keys {
        stmt.execute(params![source_key, k as i64])?;
    }
    Ok(())
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn get_varint(data: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *data.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Encodes an offset map compactly: a version byte, the two lengths, the number of pieces,
/// then per piece the original start (as a step from the previous one), the original length
/// with the copy bit, and the derived length of replacements (derived starts follow).
pub fn encode_map(map: &OffsetMap) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + map.pieces().len() * 4);
    out.push(1);
    put_varint(&mut out, map.derived_len() as u64);
    put_varint(&mut out, map.original_len() as u64);
    put_varint(&mut out, map.pieces().len() as u64);
    let mut last = 0;
    for p in map.pieces() {
        put_varint(&mut out, (p.original - last) as u64);
        put_varint(&mut out, ((p.original_len as u64) << 1) | u64::from(p.copy));
        if !p.copy {
            put_varint(&mut out, p.derived_len as u64);
        }
        last = p.original;
    }
    out
}

/// Decodes [`encode_map`]'s bytes (`None` when damaged).
pub fn decode_map(data: &[u8]) -> Option<OffsetMap> {
    if data.first() != Some(&1) {
        return None;
    }
    let mut pos = 1;
    let derived_len = get_varint(data, &mut pos)? as usize;
    let original_len = get_varint(data, &mut pos)? as usize;
    let n = get_varint(data, &mut pos)? as usize;
    let mut pieces = Vec::with_capacity(n.min(data.len()));
    let (mut last, mut derived) = (0usize, 0usize);
    for _ in 0..n {
        let original = last.checked_add(get_varint(data, &mut pos)? as usize)?;
        let lc = get_varint(data, &mut pos)?;
        let (original_len, copy) = ((lc >> 1) as usize, lc & 1 == 1);
        let derived_len = if copy { original_len } else { get_varint(data, &mut pos)? as usize };
        pieces.push(Piece { derived, derived_len, original, original_len, copy });
        derived = derived.checked_add(derived_len)?;
        last = original;
    }
    (pos == data.len()).then_some(())?;
    OffsetMap::from_pieces(pieces, derived_len, original_len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use proptest::prelude::*;
    use sitrep_text::TextBuilder;

    fn article(id: &str, text: &str) -> Article {
        let original = format!("Advertisement\n{text}");
        let mut b = TextBuilder::new(&original);
        b.copy("Advertisement\n".len()..original.len());
        let (t, map) = b.finish();
        Article {
            id: id.into(),
            original,
            text: t,
            map,
            title: Some("T".into()),
            published: NaiveDate::from_ymd_opt(2026, 3, 14),
            published_from: Some(PublishedFrom::Dateline),
            url: None,
            outlet: Some("Wire".into()),
            flags: vec![ArticleFlag::Transcoded],
            diagnostics: vec![Diagnostic { code: "x".into(), message: "y".into() }],
        }
    }

    fn row<'a>(a: &'a Article, meta: &'a InputMeta, dup: Option<&'a str>) -> NewArticle<'a> {
        NewArticle {
            article: a,
            origin: "f.txt",
            input_hash: "h",
            input_meta: meta,
            text_key: Some("k"),
            duplicate_of: dup,
            source_key: Some("wire"),
            raw_html: None,
        }
    }

    #[test]
    fn round_trip_and_export() {
        let mut s = Store::open_in_memory().unwrap();
        let a = article("a", "Ten soldiers were killed.");
        let b = article("b", "Ten soldiers were killed.");
        let meta = InputMeta::default();
        let tx = s.transaction().unwrap();
        insert(&tx, &row(&a, &meta, None)).unwrap();
        insert(&tx, &row(&b, &meta, Some("a"))).unwrap();
        set_event_ids(&tx, "a", &["e1".into(), "e2".into()]).unwrap();
        set_kind(&tx, "a", ArticleKind::Commentary).unwrap();
        set_derivative_of(&tx, "b", &["a".into()]).unwrap();
        tx.commit().unwrap();
        let got = load(s.conn(), "a").unwrap().unwrap();
        assert_eq!(got.article, a);
        assert_eq!(got.event_ids, ["e1", "e2"]);
        let dup = load(s.conn(), "b").unwrap().unwrap();
        assert_eq!(dup.duplicate_of.as_deref(), Some("a"));
        assert_eq!(dup.article.text, a.text);
        assert_eq!(dup.event_ids, ["e1", "e2"]);
        assert_eq!(original_with_text_key(s.conn(), "k").unwrap().as_deref(), Some("a"));
        let mut out = Vec::new();
        export::<StoreError>(s.conn(), |o| {
            out.push(o);
            Ok(())
        })
        .unwrap();
        assert_eq!(out.len(), 2);
        // A duplicate takes its original's kind.
        assert_eq!((out[0].kind, out[1].kind), (ArticleKind::Commentary, ArticleKind::Commentary));
        assert_eq!(out[1].derivative_of, ["a"]);
        assert_eq!(out[1].text, "Ten soldiers were killed.");
        assert_eq!(serde_json::to_value(&out[0]).unwrap()["published_from"], "dateline");
        assert_eq!(counts(s.conn()).unwrap(), (2, 1));
        let tx = s.transaction().unwrap();
        delete(&tx, "a").unwrap();
        tx.commit().unwrap();
        assert_eq!(counts(s.conn()).unwrap(), (0, 0));
    }

    #[test]
    fn source_line_counting() {
        let mut s = Store::open_in_memory().unwrap();
        let tx = s.transaction().unwrap();
        add_source_lines(&tx, "wire", &[1, 2]).unwrap();
        add_source_lines(&tx, "wire", &[2, u64::MAX]).unwrap();
        tx.commit().unwrap();
        assert_eq!(source_articles(s.conn(), "wire").unwrap(), 2);
        let c = source_line_counts(s.conn(), "wire", &[1, 2, 3, u64::MAX]).unwrap();
        assert_eq!((c.get(&1), c.get(&2), c.get(&3), c.get(&u64::MAX)), (Some(&1), Some(&2), None, Some(&1)));
    }

    proptest! {
        #[test]
        fn maps_survive_encoding(orig in "[a-z •\n]{0,60}", ops in proptest::collection::vec(any::<u8>(), 0..60)) {
            let mut b = TextBuilder::new(&orig);
            let idx: Vec<usize> = orig.char_indices().map(|(i, _)| i).chain(std::iter::once(orig.len())).collect();
            let mut i = 0;
            for op in ops {
                if i + 1 >= idx.len() { break; }
                let j = (i + 1 + (op as usize >> 2) % 3).min(idx.len() - 1);
                match op & 3 { 0 | 1 => b.copy(idx[i]..idx[j]), 2 => b.skip(idx[i]..idx[j]), _ => b.replace("\n", idx[i]..idx[j]) }
                i = j;
            }
            let (_, m) = b.finish();
            prop_assert_eq!(decode_map(&encode_map(&m)), Some(m));
        }
    }
}
