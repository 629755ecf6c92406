//! A small tokenizer for English news text: words, numbers and punctuation with byte spans.
//!
//! Words keep inner apostrophes and hyphens ("al-Qaeda", "Niger's", "twenty-one"); a token
//! that starts with digits and goes on with a hyphen and letters ("13-year-old", "3-day") is a
//! word, not a number, so ages and durations never read as counts. Numbers keep inner
//! thousands separators and decimals ("1,500", "2.5"). Every other non-space char is one
//! punctuation token. `lower` is the ASCII-folded lowercase form used for matching (typographic
//! apostrophes become `'`).

use sitrep_model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and inner apostrophes/hyphens/digits).
    Word,
    /// Digits with optional thousands separators and one decimal part.
    Num,
    /// Anything else, one char.
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the text given to [`tokenize`].
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Lowercase folded form.
    pub lower: String,
    /// True when the token's first char is uppercase.
    pub cap: bool,
    /// True when the token has two or more letters, all uppercase ("ISWAP", "U.S.").
    pub caps: bool,
}

impl Token {
    /// True when the token is this (lowercase) word.
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    /// True for punctuation tokens equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.starts_with(c) && self.lower.len() == c.len_utf8()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The tokens of `text` in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, &mut out);
    out
}

/// Appends the tokens of `text` to `out`, spans shifted by `base`.
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            // digits, then groups of [,.]digits
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else if (d == ',' || d == '.') && text[j + 1..].chars().next().is_some_and(|x| x.is_ascii_digit()) {
                    it.next();
                    end = j + 1;
                } else {
                    break;
                }
            }
            // "13-year-old", "1st", "3rd", "10km": a word.
            let rest = &text[end..];
            let mut chars = rest.chars();
            let next = chars.next();
            let is_word = match next {
                Some(h) if is_hyphen(h) => chars.next().is_some_and(char::is_alphabetic),
                Some(a) if a.is_alphabetic() => true,
                _ => false,
            };
            if is_word {
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() || (is_hyphen(d) && text[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                push(text, base, i, end, Kind::Word, out);
            } else {
                push(text, base, i, end, Kind::Num, out);
            }
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner = d.is_alphanumeric()
                    || matches!(d, '\u{0300}'..='\u{036F}')
                    || ((is_apostrophe(d) || is_hyphen(d) || d == '.')
                        && text[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphabetic)
                        && (d != '.' || is_dotted_abbrev(&text[i..j])));
                if !inner {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            // Keep a trailing dot of dotted abbreviations ("U.S.", "a.m.").
            if text[i..end].contains('.') && text[end..].starts_with('.') {
                it.next();
                end += 1;
            }
            push(text, base, i, end, Kind::Word, out);
            continue;
        }
        push(text, base, i, i + c.len_utf8(), Kind::Punct, out);
    }
}

/// "U.S", "a.m": single letters separated by dots.
fn is_dotted_abbrev(s: &str) -> bool {
    s.split('.').all(|p| p.chars().count() == 1)
}

fn push(text: &str, base: usize, start: usize, end: usize, kind: Kind, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut lower = String::with_capacity(s.len());
    for c in s.chars() {
        if is_apostrophe(c) {
            lower.push('\'');
        } else if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            sitrep_text::fold_char(c, &mut lower);
        }
    }
    let cap = s.chars().next().is_some_and(char::is_uppercase);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let caps = letters >= 2 && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    out.push(Token { span: Span::new(base + start, base + end), kind, lower, cap, caps });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        tokenize(t).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            toks("At least 1,500 al-Qaeda fighters' 13-year-old (U.S.) 2.5"),
            vec!["at", "least", "1,500", "al-qaeda", "fighters", "'", "13-year-old", "(", "u.s.", ")", "2.5"]
        );
        assert_eq!(toks("Niger\u{2019}s twenty-one 7-11 3+"), vec!["niger's", "twenty-one", "7", "-", "11", "3", "+"]);
        assert_eq!(toks("the end. Then"), vec!["the", "end", ".", "then"]);
    }

    #[test]
    fn spans_quote_the_text() {
        let t = "Ségou: 3 soldiers, \u{201C}terrorists\u{201D}.";
        for tok in tokenize(t) {
            assert!(t.get(tok.span.start..tok.span.end).is_some());
        }
        assert_eq!(tokenize(t)[0].lower, "segou");
    }
}
