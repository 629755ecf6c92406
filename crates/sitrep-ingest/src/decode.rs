//! Bytes to text: byte-order marks, UTF-8, declared charsets and a real encoding detector
//! (`chardetng`, what Firefox uses) for pages that are not UTF-8; binary files refused.

use encoding_rs::Encoding;

/// Text decoded from bytes, with what happened on the way.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// Set when the bytes were not UTF-8: a sentence for the article's diagnostics.
    pub note: Option<String>,
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotText {
    /// A known binary format (PDF, PNG, ...), or NUL bytes.
    Binary(String),
    /// Nothing (or only whitespace) in it.
    Empty,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Binary(what) => write!(f, "binary data ({what}), not an article"),
            NotText::Empty => f.write_str("empty input: no text in it"),
        }
    }
}

/// Known binary signatures, by their first bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7FELF", "an executable"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\0", "an xz archive"),
    (b"\x28\xB5\x2F\xFD", "a zstd archive"),
    (b"RIFF", "a RIFF media file"),
];

/// Whether `data` is binary: a known signature, or NUL bytes / many control bytes in its
/// first 8 KB (UTF-16 text with a byte-order mark is text).
pub(crate) fn binary_kind(data: &[u8]) -> Option<String> {
    if data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    for (sig, what) in MAGIC {
        if data.starts_with(sig) {
            return Some((*what).to_string());
        }
    }
    let head = &data[..data.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some("NUL bytes".to_string());
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B)).count();
    if head.len() >= 32 && control * 10 > head.len() {
        return Some("mostly control bytes".to_string());
    }
    None
}

/// Decodes `data`: a byte-order mark wins, then valid UTF-8, then the declared `charset`
/// (from an HTML `<meta>`), then mostly-valid UTF-8 (a few bad bytes replaced), then the
/// detector's guess.
pub(crate) fn decode(data: &[u8], charset: Option<&str>) -> Result<Decoded, NotText> {
    if let Some(kind) = binary_kind(data) {
        return Err(NotText::Binary(kind));
    }
    let (text, note) = if let Some((enc, bom_len)) = Encoding::for_bom(data) {
        let (t, had_errors) = enc.decode_without_bom_handling(&data[bom_len..]);
        let note = (enc != encoding_rs::UTF_8 || had_errors).then(|| format!("decoded as {} (byte-order mark)", enc.name()));
        (t.into_owned(), note)
    } else {
        match std::str::from_utf8(data) {
            Ok(s) => (s.to_string(), None),
            Err(e) => decode_legacy(data, e.valid_up_to(), charset),
        }
    };
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    Ok(Decoded { text, note })
}

fn decode_legacy(data: &[u8], first_bad: usize, charset: Option<&str>) -> (String, Option<String>) {
    if let Some(enc) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        && enc != encoding_rs::UTF_8
    {
        let (t, _, _) = enc.decode(data);
        return (t.into_owned(), Some(format!("not UTF-8; decoded as {} (declared in the page)", enc.name())));
    }
    let (valid_multi, invalid) = utf8_census(data);
    // Legacy-encoded text almost never forms valid multi-byte UTF-8 sequences by chance.
    if valid_multi > 0 && invalid <= valid_multi {
        // UTF-8 with a few damaged bytes: keep it UTF-8.
        let t = String::from_utf8_lossy(data).into_owned();
        return (t, Some(format!("invalid UTF-8 (first bad byte at offset {first_bad}); {invalid} bad sequence(s) replaced with U+FFFD")));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(data, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (t, _, _) = enc.decode(data);
    (t.into_owned(), Some(format!("not UTF-8 (first bad byte at offset {first_bad}); decoded as {} (detected)", enc.name())))
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_census(mut data: &[u8]) -> (usize, usize) {
    let (mut valid_multi, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(data) {
            Ok(s) => {
                valid_multi += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid_multi, invalid);
            }
            Err(e) => {
                let (good, rest) = data.split_at(e.valid_up_to());
                valid_multi += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                data = &rest[skip.min(rest.len())..];
                if data.is_empty() {
                    return (valid_multi, invalid);
                }
            }
        }
    }
}

/// The charset an HTML page declares in its first 2 KB (`<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`), if any.
pub(crate) fn html_charset(data: &[u8]) -> Option<String> {
    let head = &data[..data.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + p + 7;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.')) {
            i += 1;
        }
        if i > start {
            return Some(String::from_utf8_lossy(&lower[start..i]).into_owned());
        }
        from = from + p + 7;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Tillabéri".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Tillabéri");
        assert!(d.note.is_none());
    }

    #[test]
    fn latin1_is_detected() {
        let bytes = encoding_rs::WINDOWS_1252.encode("Les soldats ont été attaqués près de Ségou, a déclaré l'armée.").0.into_owned();
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Les soldats ont été attaqués près de Ségou, a déclaré l'armée.");
        assert!(d.note.unwrap().contains("windows-1252"));
    }

    #[test]
    fn declared_charset_wins_over_detection() {
        let bytes = encoding_rs::WINDOWS_1252.encode("caf\u{e9}").0.into_owned();
        let d = decode(&bytes, Some("iso-8859-1")).unwrap();
        assert_eq!(d.text, "café");
        assert!(d.note.unwrap().contains("declared"));
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let mut bytes = "Ségou, Mopti, Tombouctou et Ménaka: été, déjà, où, même".as_bytes().to_vec();
        bytes.push(0xFF);
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.starts_with("Ségou"), "{:?} {:?}", d.text, d.note);
        assert!(d.text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode(b"%PDF-1.4 ...", None), Err(NotText::Binary(_))));
        assert!(matches!(decode(b"abc\0def", None), Err(NotText::Binary(_))));
        assert_eq!(decode(b"  \n\t ", None).unwrap_err(), NotText::Empty);
        assert_eq!(decode(b"", None).unwrap_err(), NotText::Empty);
    }

    #[test]
    fn utf16_with_bom_is_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Gao".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap().text, "Gao");
    }

    #[test]
    fn finds_declared_charsets() {
        assert_eq!(html_charset(b"<meta charset=\"ISO-8859-1\">").as_deref(), Some("iso-8859-1"));
        assert_eq!(
            html_charset(b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(html_charset(b"<p>no charset</p>"), None);
    }
}
