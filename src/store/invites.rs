//! Invite codes: random, easy to type, and stored only as a hash.

use sha2::{Digest, Sha256};

/// The code alphabet: Crockford's base 32 (no I, L, O, U), 5 bits a character.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a code: 16 × 5 = 80 random bits, printed in groups of 4.
const CODE_CHARS: usize = 16;

/// `N` bytes from the operating system's random source.
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// A new invite code such as `7KQ2-M9XD-4TAB-PW3E` (80 random bits).
pub fn new_code() -> String {
    let bytes = random_bytes::<CODE_CHARS>();
    let mut code = String::with_capacity(CODE_CHARS + 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            code.push('-');
        }
        code.push(ALPHABET[(b & 31) as usize] as char);
    }
    code
}

/// The code as typed, reduced to its characters: case, spaces and dashes do not matter, and
/// the look-alikes O, I and L read as 0, 1 and 1 (Crockford's rules).
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// SHA-256 of the normalized code: what the database keeps instead of the code.
pub fn code_hash(typed: &str) -> [u8; 32] {
    Sha256::digest(normalize_code(typed).as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_typing_variants_hash_the_same() {
        let code = new_code();
        assert_eq!(code.len(), 19);
        assert_eq!(code.matches('-').count(), 3);
        assert_eq!(code_hash(&code), code_hash(&format!(" {} ", code.to_lowercase().replace('-', ""))));
        assert_eq!(normalize_code("o1l-I"), "0111");
        assert_ne!(new_code(), new_code());
    }
}
