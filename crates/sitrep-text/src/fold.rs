//! ASCII folding for name matching.

use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII form of `s`: accents dropped ("é" -> "e"), typographic quotes and dashes
/// mapped to ASCII, other non-ASCII letters kept lowercased. Not length-preserving: use it for
/// keys, never for offsets.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Pushes the folded form of one char onto `out` (possibly several chars, possibly none).
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => out.push(' '),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'ı' => out.push('i'),
        _ => {
            for d in std::iter::once(c).nfd() {
                if unicode_normalization::char::is_combining_mark(d) {
                    continue;
                }
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_quotes() {
        assert_eq!(fold("Tillabéri"), "tillaberi");
        assert_eq!(fold("Niger\u{2019}s"), "niger's");
        assert_eq!(fold("Ségou – Mopti"), "segou - mopti");
        assert_eq!(fold("Straße"), "strasse");
    }
}
