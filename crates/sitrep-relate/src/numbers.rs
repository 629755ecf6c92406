//! Small number reader for facts and headlines: digits ("1,500"), number words ("twenty-one",
//! "two hundred"), "a dozen", and vague plurals ("dozens", "hundreds"). The full casualty
//! reader lives in `sitrep-extract`; this one only needs to recognise the same figure written
//! in two articles.

use crate::tokens::Word;

/// A number found in a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberAt {
    /// Index of its first word.
    pub first: usize,
    /// Index one past its last word.
    pub end: usize,
    /// Its value (for vague plurals, the low end: "dozens" 24, "hundreds" 200).
    pub value: u64,
    /// True for vague plurals ("dozens", "hundreds", "scores").
    pub vague: bool,
    /// True for a four-digit number between 1900 and 2100 written without a comma (a year).
    pub year: bool,
}

fn unit(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The value of one number word or hyphenated pair ("twenty-one").
pub fn word_value(folded: &str) -> Option<u64> {
    if let Some(v) = unit(folded) {
        return Some(v);
    }
    let (a, b) = folded.split_once('-')?;
    let (ta, ub) = (unit(a)?, unit(b)?);
    (ta >= 20 && ta % 10 == 0 && ub < 10).then_some(ta + ub)
}

fn digits_value(text: &str) -> Option<(u64, bool)> {
    let t = text.trim_end_matches(|c: char| !c.is_ascii_digit());
    if t.is_empty() || !t.chars().next()?.is_ascii_digit() {
        return None;
    }
    if t.contains('.') {
        return None; // decimals are not counts
    }
    let has_comma = t.contains(',');
    let v: u64 = t.replace(',', "").parse().ok()?;
    let year = !has_comma && t.len() == 4 && (1900..=2100).contains(&v);
    Some((v, year))
}

/// Every number in `words` (folded forms in `folded`, same length).
pub fn numbers(words: &[Word<'_>], folded: &[String]) -> Vec<NumberAt> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let f = folded[i].as_str();
        if words[i].is_digits()
            && let Some((v, year)) = digits_value(words[i].text)
        {
            let mut end = i + 1;
            let mut value = v;
            if let Some(m) = folded.get(i + 1).and_then(|n| multiplier(n)) {
                value = v.saturating_mul(m);
                end += 1;
            }
            out.push(NumberAt { first: i, end, value, vague: false, year: year && end == i + 1 });
            i = end;
            continue;
        }
        if let Some(v) = word_value(f) {
            let mut end = i + 1;
            let mut value = v;
            if let Some(m) = folded.get(end).and_then(|n| multiplier(n)) {
                value = v * m;
                end += 1;
                // "two hundred and twelve"
                let mut k = end;
                if folded.get(k).is_some_and(|w| w == "and") {
                    k += 1;
                }
                if let Some(rest) = folded.get(k).and_then(|w| word_value(w)) {
                    value += rest;
                    end = k + 1;
                }
            }
            out.push(NumberAt { first: i, end, value, vague: false, year: false });
            i = end;
            continue;
        }
        match f {
            "dozen" => {
                // "a dozen", "several dozen" (the latter vague)
                let several = i > 0 && matches!(folded[i - 1].as_str(), "several" | "few");
                out.push(NumberAt { first: i, end: i + 1, value: if several { 36 } else { 12 }, vague: several, year: false });
            }
            "dozens" => out.push(NumberAt { first: i, end: i + 1, value: 24, vague: true, year: false }),
            "scores" => out.push(NumberAt { first: i, end: i + 1, value: 40, vague: true, year: false }),
            "hundreds" => out.push(NumberAt { first: i, end: i + 1, value: 200, vague: true, year: false }),
            "thousands" => out.push(NumberAt { first: i, end: i + 1, value: 2000, vague: true, year: false }),
            "hundred" if i == 0 || folded[i - 1] == "a" => {
                out.push(NumberAt { first: i, end: i + 1, value: 100, vague: false, year: false })
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn multiplier(w: &str) -> Option<u64> {
    match w {
        "dozen" => Some(12),
        "hundred" => Some(100),
        "thousand" => Some(1000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::words;

    fn vals(t: &str) -> Vec<(u64, bool, bool)> {
        let ws = words(t);
        let f: Vec<String> = ws.iter().map(|w| w.folded()).collect();
        numbers(&ws, &f).iter().map(|n| (n.value, n.vague, n.year)).collect()
    }

    #[test]
    fn reads_digits_words_and_vague_plurals() {
        assert_eq!(vals("In 2019, 1,500 people and twenty-one goats"), vec![(2019, false, true), (1500, false, false), (21, false, false)]);
        assert_eq!(vals("two hundred and twelve shops"), vec![(212, false, false)]);
        assert_eq!(
            vals("a dozen guards, several dozen rebels, dozens of homes"),
            vec![(12, false, false), (36, true, false), (24, true, false)]
        );
        assert_eq!(vals("3 million dollars"), vec![(3_000_000, false, false)]);
        assert_eq!(vals("two dozen sheep"), vec![(24, false, false)]);
        assert_eq!(vals("a 2.5 km road"), vec![]);
    }
}
