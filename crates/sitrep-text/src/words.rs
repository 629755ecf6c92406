//! English word lists every stage may consult (lowercase, built into the binary): common words
//! and common given names. One list each, one reading of it (`data/`, licences in
//! `data/LICENSES.md`).

use std::collections::HashSet;
use std::sync::OnceLock;

const COMMON: &str = include_str!("../data/common_words.txt");
const GIVEN: &str = include_str!("../data/given_names.txt");

/// True for a common English word (SCOWL size 35; `w` lowercase): a capitalised one in a
/// text needs more evidence before it is taken for a place or a name.
pub fn is_common_word(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.lines().map(str::trim).filter(|l| !l.is_empty()).collect()).contains(w)
}

/// True for a common given name (`w` lowercase).
pub fn is_given_name(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| GIVEN.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()).contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_lowercase_words() {
        assert!(is_common_word("shooting"));
        assert!(!is_common_word("Shooting"));
        assert!(!is_common_word("tillaberi"));
        assert!(is_given_name("john"));
        assert!(!is_given_name("shooting"));
    }
}
