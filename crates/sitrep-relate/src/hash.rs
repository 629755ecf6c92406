//! Stable hashes: the same value on every platform and every release, so hashes can be stored
//! (MinHash signatures, content hashes, event ids derived from them).

/// FNV-1a, 64 bits, over bytes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// FNV-1a of a string.
pub fn hash_str(s: &str) -> u64 {
    fnv1a(s.as_bytes())
}

/// Continues an FNV-1a hash with more bytes (a separator byte first, so ("ab","c") and
/// ("a","bc") differ).
pub fn hash_more(h: u64, bytes: &[u8]) -> u64 {
    let mut h = (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64 finaliser: a strong 64-bit mixer, used to derive independent hash functions.
pub const fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        // Reference values of FNV-1a 64.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn continuation_separates_pieces() {
        assert_ne!(hash_more(hash_str("ab"), b"c"), hash_more(hash_str("a"), b"bc"));
        assert_ne!(mix64(1), mix64(2));
    }
}
