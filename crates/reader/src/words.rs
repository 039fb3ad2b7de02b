//! Case-blind word comparisons and byte scans that every reader shares (the cleaner, dates,
//! headlines, outlets, relations): they compare with what `to_lowercase` would give without
//! allocating a lowercased copy, and find bytes a block at a time. This module knows nothing of
//! pages or lines; it depends on no other module of the reader.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Match};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The first index at or after `from` whose byte `wanted` accepts. Blocks of 32 bytes are first
/// tested with a fold the compiler turns into vector instructions; only a block holding such a
/// byte is searched byte by byte. The compiler is particular: this shape of fold, and a test
/// written as comparisons joined by `|` (a `matches!` of scattered bytes becomes a bit test,
/// which stays scalar), measured at one or two instructions a byte against ten or more.
pub(crate) fn find_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = from;
    for block in bytes[from..].chunks(32) {
        if block
            .iter()
            .map(|&b| u8::from(wanted(b)))
            .fold(0, |any, b| any | b)
            != 0
        {
            return block.iter().position(|&b| wanted(b)).map(|i| at + i);
        }
        at += block.len();
    }
    None
}

/// How many bytes `wanted` accepts, counted in blocks short enough for a byte-sized counter,
/// which the compiler turns into vector instructions (`filter(…).count()` stays scalar).
pub(crate) fn count_bytes(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n: u8 = block.iter().map(|&b| u8::from(wanted(b))).sum();
            usize::from(n)
        })
        .sum()
}

/// Whether `text` may hold a Hangul syllable (U+AC00–U+D7A3): whether it holds one of the bytes
/// 0xEA–0xED that open them in UTF-8, looked for in blocks the compiler turns into vector
/// instructions (most texts read hold none).
pub(crate) fn has_hangul_lead(text: &str) -> bool {
    find_byte(text.as_bytes(), 0, |b| b.wrapping_sub(0xEA) < 4).is_some()
}

/// `text.to_lowercase()`. Most texts have no cased character outside ASCII: for them the ASCII
/// letters of a copy are lowercased in place, in one pass the compiler turns into vector
/// instructions (and with no second check that the bytes are UTF-8, as building a `String` from
/// lowercased bytes needs).
pub(crate) fn lowercase(text: &str) -> String {
    if !only_ascii_cased(text) {
        return text.to_lowercase();
    }
    let mut lower = text.to_owned();
    lower.make_ascii_lowercase();
    lower
}

/// Whether every non-ASCII character of `text` is caseless (`is_caseless`).
fn only_ascii_cased(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| b >= 0x80) {
        let c = text[i..].chars().next().expect("a character starts here");
        if !is_caseless(c) {
            return false;
        }
        at = i + c.len_utf8();
    }
    true
}

/// Characters of blocks without case, which lowercasing keeps as they are: Latin-1 symbols,
/// general punctuation (curly quotes, dashes), CJK punctuation, kana, Han and Hangul. A text
/// whose non-ASCII characters are all of these is lowercased byte by byte.
fn is_caseless(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{BF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{30FF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
    )
}

/// `text.to_lowercase().starts_with(prefix)` without allocating, for a lowercase `prefix` without
/// 'σ' or 'ς' (so the context rule of 'Σ' cannot matter).
pub(crate) fn starts_with_lowercase(text: &str, prefix: &str) -> bool {
    // ASCII lowercases byte for byte: an ASCII opening is compared as bytes.
    if let Some(head) = text.as_bytes().get(..prefix.len())
        && head.is_ascii()
    {
        return lowercase_bytes_eq(head, prefix);
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// `text.to_lowercase().ends_with(suffix)` without allocating, on the terms of
/// `starts_with_lowercase`.
pub(crate) fn ends_with_lowercase(text: &str, suffix: &str) -> bool {
    // ASCII lowercases byte for byte: an ASCII ending is compared as bytes.
    if let Some(tail) = text
        .len()
        .checked_sub(suffix.len())
        .map(|start| &text.as_bytes()[start..])
        && tail.is_ascii()
    {
        return lowercase_bytes_eq(tail, suffix);
    }
    let mut lower = text.chars().rev().flat_map(|c| c.to_lowercase().rev());
    suffix.chars().rev().all(|p| lower.next() == Some(p))
}

/// Whether ASCII bytes, lowercased, are `word`.
fn lowercase_bytes_eq(ascii: &[u8], word: &str) -> bool {
    ascii.len() == word.len()
        && ascii
            .iter()
            .zip(word.bytes())
            .all(|(a, w)| a.to_ascii_lowercase() == w)
}

/// `text.to_lowercase() == word` without allocating, on the terms of `starts_with_lowercase`.
pub(crate) fn eq_lowercase(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        return lowercase_bytes_eq(text.as_bytes(), word);
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    word.chars().all(|p| lower.next() == Some(p)) && lower.next().is_none()
}

/// `text.chars().count() > n`, counting only when the length in bytes (one to four a
/// character) leaves it open.
pub(crate) fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && (text.len() > 4 * n || text.chars().count() > n)
}

/// `c.is_alphanumeric()`, answering for Hangul syllables (letters) and general punctuation
/// (curly quotes and dashes: not letters) without a look-up in the Unicode tables.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{AC00}'..='\u{D7A3}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The byte ranges of the maximal runs of characters of a text that belong to a word, as
/// `part_ascii` (for ASCII bytes) and `part` (for other characters) say, for the readers that
/// split every paragraph into words.
///
/// Written by hand as a bit mask, one bit a byte, because a scan that tests byte after byte
/// mispredicts a branch at both ends of every word: that scan was a fifth of splitting a
/// paragraph into names. Here the ASCII bytes are tested in blocks of 64 the compiler turns
/// into vector instructions (so `part_ascii` should be comparisons, not a table look-up; it is
/// also called with the low seven bits of non-ASCII bytes, whose answer is then replaced), the
/// non-ASCII characters are decoded one by one and their bytes marked as `part` says, and the
/// runs are read off the mask a word of 64 bits at a time.
pub fn runs<A, O>(text: &str, part_ascii: A, part: O) -> Runs
where
    A: Fn(u8) -> bool,
    O: Fn(char) -> bool,
{
    let bytes = text.as_bytes();
    let mut mask = vec![0u64; bytes.len().div_ceil(64)];
    for (chunk, bits) in bytes.chunks(64).zip(&mut mask) {
        let mut flags = [0u8; 64];
        for (flag, &b) in flags.iter_mut().zip(chunk) {
            *flag = u8::from(part_ascii(b & 0x7f));
        }
        // Eight flags of 0 or 1 to eight bits with one multiplication: the constant moves flag
        // `i` (bit 8i) to bit 56 + i, and the other products never reach bits 56 to 63 nor carry.
        *bits = flags
            .chunks_exact(8)
            .enumerate()
            .fold(0, |bits, (k, eight)| {
                let x = u64::from_le_bytes(eight.try_into().expect("eight flags"));
                bits | (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
            });
    }
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| b >= 0x80) {
        let c = text[i..].chars().next().expect("a character starts here");
        let inside = part(c);
        at = i + c.len_utf8();
        for k in i..at {
            let bit = 1u64 << (k % 64);
            if inside {
                mask[k / 64] |= bit;
            } else {
                mask[k / 64] &= !bit;
            }
        }
    }
    Runs {
        mask,
        at: 0,
        len: bytes.len(),
    }
}

/// The iterator `runs` returns.
pub struct Runs {
    /// Bit `k % 64` of word `k / 64`: whether byte `k` is part of a word.
    mask: Vec<u64>,
    /// Where the next run is looked for.
    at: usize,
    /// The length of the text: bits from here on are not bytes.
    len: usize,
}

impl Runs {
    /// The first byte at or after `from` that is (`inside`) or is not part of a word.
    fn next_byte(&self, from: usize, inside: bool) -> Option<usize> {
        let flip = if inside { 0 } else { !0u64 };
        let mut word = from / 64;
        let mut bits = (self.mask.get(word)? ^ flip) & (!0u64 << (from % 64));
        loop {
            if bits != 0 {
                let k = word * 64 + bits.trailing_zeros() as usize;
                return (k < self.len).then_some(k);
            }
            word += 1;
            bits = self.mask.get(word)? ^ flip;
        }
    }
}

impl Iterator for Runs {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.next_byte(self.at, true)?;
        let end = self.next_byte(start, false).unwrap_or(self.len);
        self.at = end;
        Some((start, end))
    }
}

/// Every match of an automaton (a DFA or a contiguous NFA) built with `MatchKind::Standard` and
/// no prefilter, overlapping ones included, in the order `AhoCorasick::find_overlapping_iter` reports them: by where they end,
/// and at one end in the order the automaton lists them. The walk over the transition table is
/// a few instructions a byte; the library's resumable search, entered through its trait object
/// and re-entered after every match, costs several times that, and every paragraph goes
/// through it.
pub(crate) fn overlapping<'a, A: Automaton>(dfa: &'a A, text: &'a str) -> Overlapping<'a, A> {
    let state = dfa
        .start_state(Anchored::No)
        .expect("the automaton searches unanchored");
    Overlapping {
        dfa,
        bytes: text.as_bytes(),
        end: 0,
        state,
        reported: 0,
    }
}

/// The iterator `overlapping` returns.
pub(crate) struct Overlapping<'a, A = DFA> {
    dfa: &'a A,
    bytes: &'a [u8],
    /// How many bytes were read: where the matches of `state` end.
    end: usize,
    state: aho_corasick::automaton::StateID,
    /// How many of the matches of `state` were reported.
    reported: usize,
}

impl<A: Automaton> Iterator for Overlapping<'_, A> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let dfa = self.dfa;
        loop {
            if dfa.is_match(self.state) && self.reported < dfa.match_len(self.state) {
                let pattern = dfa.match_pattern(self.state, self.reported);
                self.reported += 1;
                return Some(Match::new(
                    pattern,
                    self.end - dfa.pattern_len(pattern)..self.end,
                ));
            }
            // Without a prefilter only match (and dead) states are special.
            let mut state = self.state;
            let stop = self.bytes[self.end..].iter().position(|&byte| {
                state = dfa.next_state(Anchored::No, state, byte);
                dfa.is_special(state)
            });
            self.state = state;
            self.reported = 0;
            self.end = match stop {
                Some(i) => self.end + i + 1,
                None => {
                    self.end = self.bytes.len();
                    return None;
                }
            };
        }
    }
}

/// A word list the readers look words up in: a set rather than a list, as every capitalised word
/// or sentence end is looked up.
#[derive(Debug, Clone)]
pub(crate) struct WordSet {
    words: HashSet<&'static str, BuildHasherDefault<WordHasher>>,
    /// The most characters a word of the list has.
    longest: usize,
    /// Per ASCII first byte, a bit for each length in bytes (below 32) of the list's words that
    /// open with it: most words looked up are not in the list, and this tells at once.
    shapes: [u32; 128],
}

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        let mut shapes = [0u32; 128];
        for w in words {
            if let Some(&b) = w.as_bytes().first()
                && b < 128
                && w.len() < 32
            {
                shapes[usize::from(b)] |= 1 << w.len();
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            longest: words.iter().map(|w| w.chars().count()).max().unwrap_or(0),
            shapes,
        }
    }

    /// Whether no word of the list opens with ASCII byte `first` and is `len` bytes long.
    fn no_shape(&self, first: u8, len: usize) -> bool {
        first < 128 && len < 32 && self.shapes[usize::from(first)] >> len & 1 == 0
    }

    /// The words of the list, in no order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        if let Some(&first) = word.as_bytes().first()
            && self.no_shape(first, word.len())
        {
            return false;
        }
        self.words.contains(word)
    }

    /// `self.contains(&word.to_lowercase())`: a word longer than any in the list is not looked
    /// up (lowercasing never drops characters), and a short ASCII word is lowercased on the stack.
    pub(crate) fn contains_lowercase(&self, word: &str) -> bool {
        if word.len() > self.longest && (word.is_ascii() || word.chars().count() > self.longest) {
            return false;
        }
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(key) if word.is_ascii() => {
                if let Some(&first) = word.as_bytes().first()
                    && self.no_shape(first.to_ascii_lowercase(), word.len())
                {
                    return false;
                }
                key.copy_from_slice(word.as_bytes());
                key.make_ascii_lowercase();
                std::str::from_utf8(key).is_ok_and(|key| self.words.contains(key))
            }
            _ => self.words.contains(word.to_lowercase().as_str()),
        }
    }
}

/// FNV-1a, for the word lists: their keys are a few bytes long, where SipHash's set-up and
/// finish cost several times the hashing itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `runs` as a plain scan of characters.
    fn runs_by_chars(text: &str, part: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            if !part(c) {
                continue;
            }
            match out.last_mut() {
                Some(run) if run.1 == i => run.1 = i + c.len_utf8(),
                _ => out.push((i, i + c.len_utf8())),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn runs_are_the_runs_of_word_characters(
            text in "[a-zA-Z0-9 .,'’“”\\-_&북한Ü\t\n]{0,200}"
        ) {
            let part = |c: char| is_alphanumeric(c) || c == '’';
            let ascii = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
            let got: Vec<(usize, usize)> = runs(&text, ascii, part).collect();
            let want = runs_by_chars(&text, |c| {
                if c.is_ascii() { ascii(c as u8) } else { part(c) }
            });
            proptest::prop_assert_eq!(got, want);
        }
    }
}
