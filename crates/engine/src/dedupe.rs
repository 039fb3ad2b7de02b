//! Near-duplicate pages (a blog repost, one wire copy printed by two outlets): word 5-gram
//! shingles, a one-permutation MinHash signature per page and LSH banding, so a corpus of
//! 100,000 pages is compared in linear time rather than pair by pair. Written here because the
//! whole method is ~80 lines and the crates that offer it bring far more than we need.

use crate::clean::{is_alphanumeric, runs};
use std::collections::HashMap;

const BINS: usize = 64;
const ROWS: usize = 4;
const SHINGLE: usize = 5;
/// Pages with fewer shingles than this are too short to call copies.
const MIN_SHINGLES: usize = 20;
/// Share of signature bins two pages must agree on (an estimate of their Jaccard similarity).
const THRESHOLD: f64 = 0.7;

/// A MinHash signature of a text, or `None` for texts too short to compare.
pub fn signature(text: &str) -> Option<[u32; BINS]> {
    // The words lowercased one after another in one buffer, each followed by a space, so a
    // shingle is the stretch from its first word's start to the start of the word after it.
    let mut lower: Vec<u8> = Vec::with_capacity(text.len() + text.len() / 4);
    let mut starts: Vec<usize> = Vec::new();
    for (s, e) in runs(text, |b| b.is_ascii_alphanumeric(), is_alphanumeric) {
        starts.push(lower.len());
        let word = &text[s..e];
        if word.is_ascii() {
            lower.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            lower.extend_from_slice(word.to_lowercase().as_bytes());
        }
        lower.push(b' ');
    }
    if starts.len() < SHINGLE + MIN_SHINGLES {
        return None;
    }
    starts.push(lower.len());
    let bytes = lower.as_slice();
    let mut bins = [u32::MAX; BINS];
    for bounds in starts.windows(SHINGLE + 1) {
        let h = fnv(&bytes[bounds[0]..bounds[SHINGLE]]);
        let h = mix(h);
        let bin = (h >> 58) as usize;
        let value = h as u32;
        if value < bins[bin] {
            bins[bin] = value;
        }
    }
    Some(bins)
}

/// FNV-1a over a shingle's bytes, eight at a time so the compiler unrolls the loop.
fn fnv(bytes: &[u8]) -> u64 {
    let step = |h: u64, &b: &u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let mut blocks = bytes.chunks_exact(8);
    let h = (&mut blocks).fold(0xcbf2_9ce4_8422_2325u64, |h, block| {
        block.iter().fold(h, step)
    });
    blocks.remainder().iter().fold(h, step)
}

/// A 64-bit finaliser (splitmix64) so bins and values are independent.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn similarity(a: &[u32; BINS], b: &[u32; BINS]) -> f64 {
    let both = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x == y && **x != u32::MAX)
        .count();
    let filled = a
        .iter()
        .zip(b)
        .filter(|(x, y)| **x != u32::MAX || **y != u32::MAX)
        .count();
    if filled == 0 {
        0.0
    } else {
        both as f64 / filled as f64
    }
}

/// For each text, the index of the earlier text it repeats (the first of its group), if any.
///
/// ```
/// let story = "North Korean leader Kim Jong Un will meet Russian President Vladimir Putin later this month in the \
///     Russian Far East, the Kremlin said on Thursday, in what will be the first summit between the two countries \
///     since 2011 and a sign of warming ties between Pyongyang and Moscow amid stalled talks with Washington.";
/// let repost = format!("Board / Reposts\n{story}\nComments (0)");
/// let dups = engine::dedupe::find_duplicates(&[story, &repost, "Something else entirely."]);
/// assert_eq!(dups, vec![None, Some(0), None]);
/// ```
pub fn find_duplicates(texts: &[&str]) -> Vec<Option<usize>> {
    let signatures: Vec<Option<[u32; BINS]>> = texts.iter().map(|t| signature(t)).collect();
    let mut original: Vec<Option<usize>> = vec![None; texts.len()];
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        let mut best: Option<usize> = None;
        for band in 0..BINS / ROWS {
            let rows = &sig[band * ROWS..(band + 1) * ROWS];
            if rows.iter().all(|&v| v == u32::MAX) {
                continue;
            }
            let key = rows.iter().fold(0u64, |h, &v| mix(h ^ v as u64));
            let bucket = buckets.entry((band, key)).or_default();
            for &j in bucket.iter() {
                if best.is_none_or(|b| j < b)
                    && let Some(other) = &signatures[j]
                    && similarity(sig, other) >= THRESHOLD
                {
                    best = Some(j);
                }
            }
            bucket.push(i);
        }
        original[i] = best.map(|j| original[j].unwrap_or(j));
    }
    original
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russia provides the North with about 4,000 tons of refined oil each month. It supplied 50,000 tons \
        of flour to the North early this year. Kim is likely to ask Putin to provide more energy and more food aid to \
        his country. In addition, he may ask Moscow to extend the stay of about 10,000 North Korean laborers in Russia.";

    #[test]
    fn copies_point_at_the_first() {
        let dups = find_duplicates(&[STORY, STORY, STORY]);
        assert_eq!(dups, vec![None, Some(0), Some(0)]);
    }

    #[test]
    fn different_stories_are_not_copies() {
        let other = STORY
            .replace("Russia", "China")
            .replace("oil", "rice")
            .replace("flour", "steel")
            .replace("Moscow", "Beijing");
        let other = format!(
            "{other} Analysts in Seoul said the talks could move ahead in the coming months, although no date was set."
        );
        assert_eq!(find_duplicates(&[STORY, &other]), vec![None, None]);
    }

    #[test]
    fn short_texts_are_never_copies() {
        assert_eq!(
            find_duplicates(&["Kim met Putin.", "Kim met Putin."]),
            vec![None, None]
        );
    }
}
