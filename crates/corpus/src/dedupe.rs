//! Near-duplicate articles: the same story printed more than once — a wire story in two
//! outlets (trimmed, extended by a write-through, retitled, its dateline rewritten or its agency
//! credit dropped) or a blog repost — found in time linear in the corpus and checked exactly.
//! Owns shingling (words for spaced scripts, characters for Hangul and CJK), the candidate
//! search and which copy counts as the original; it knows nothing of outlets or the report.
//!
//! How: every text is cut to its story (wire datelines and trailing credits removed) and turned
//! into shingles: five words, or fifteen characters (spaces and punctuation left out, about
//! five Korean words) where Hangul or CJK is most of the text. Candidates come from two samples
//! of the shingles, each sorted once, so the work grows with the corpus, not with its pairs:
//! "anchors" (the shingles whose hash falls in one quarter of the range), which find a short
//! text inside a long one, and MinHash bands (25 bands of 5 rows) for the many near-identical
//! copies of a much-printed story. Each candidate pair is then compared on its full shingle
//! sets. A pair is a copy when the shorter text shares at least [`CONTAINMENT`] of its
//! shingles with the longer one, and more than a sentence in all ([`MIN_SHARED_WORDS`],
//! [`MIN_SHARED_CHARS`]).

use crate::model::{Article, Block, Day, Status};
use crate::words::{is_alphanumeric, runs};
use regex::Regex;
use std::sync::LazyLock;

/// Words in a shingle of a spaced script.
const WORD_SHINGLE: usize = 5;
/// Characters in a shingle of Hangul or CJK text (spaces and punctuation left out): the span
/// of five Korean words of three syllables, as a word shingle spans five words. Measured on the
/// test pages and the synthetic corpus: with 5 characters, stories that only share stock
/// phrasing reach a containment of 0.76; with 15 they stay below 0.41, while copies lose
/// almost nothing (0.86 to 0.83 for two dailies' copies of one story).
const CHAR_SHINGLE: usize = 15;
/// Share of the shorter text's shingles the longer one must hold for the two to be copies.
pub const CONTAINMENT: f64 = 0.6;
/// Word shingles a copy must share with its original: 50 shingles are 54 running words, more
/// than the longest lede sentence. One sentence in common — a lede, a quote, a background
/// line — is what different stories share; a copy shares more.
pub const MIN_SHARED_WORDS: usize = 50;
/// The same for character shingles: 150 are about 160 characters in a row, some 54 Korean
/// words.
pub const MIN_SHARED_CHARS: usize = 150;

const BINS: usize = 128;
const ROWS: usize = 5;
const BANDS: usize = BINS / ROWS;
/// A band bucket larger than this (many copies of one story) pairs each member only with its
/// first members in priority order, so a story printed a thousand times costs a thousand
/// comparisons, not half a million.
const BUCKET_ALL_PAIRS: usize = 32;
const BUCKET_HEADS: usize = 4;
/// One shingle in `ANCHOR_RATE` is an anchor (chosen by its hash, so the same in every text).
/// Measured on the synthetic corpus with copies cut to the first tenth of a story: one in
/// eight finds 97 % of them, one in four all.
const ANCHOR_RATE: u32 = 4;
/// Anchors two texts must share to be compared.
const MIN_ANCHORS: usize = 2;
/// An anchor found in more texts than this is a stock phrase, not a sign of copying.
const ANCHOR_MAX_TEXTS: usize = 64;
/// A copy of the first listed text of the earliest day must be this much longer (in tenths) to
/// count as the fuller copy.
const FULLER_TENTHS: usize = 11;

/// A text to compare and the day it was printed, which decides which copy is the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page<'a> {
    pub text: &'a str,
    pub date: Option<Day>,
}

/// The text of an article that copies are compared on: its body paragraphs. Headlines,
/// standfirsts and captions are what a printer rewrites; an unreadable file has none.
pub fn body_text(article: &Article) -> String {
    if article.status == Status::Error {
        return String::new();
    }
    let body: Vec<&str> = article
        .paragraphs
        .iter()
        .filter(|p| p.kind == Block::Body)
        .map(|p| p.text.as_str())
        .collect();
    body.join("\n")
}

/// How two texts overlap, on their sets of shingles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Shingles both texts have.
    pub shared: usize,
    /// Shared over all shingles of either.
    pub jaccard: f64,
    /// Shared over the shingles of the shorter text.
    pub containment: f64,
    /// Whether the shingles are of characters (Hangul, CJK) rather than words.
    pub characters: bool,
}

impl Overlap {
    /// Whether the texts are copies of one story: the shorter is mostly inside the longer, and
    /// what they share is more than a sentence.
    pub fn is_copy(&self) -> bool {
        let min = if self.characters {
            MIN_SHARED_CHARS
        } else {
            MIN_SHARED_WORDS
        };
        self.shared >= min && self.containment >= CONTAINMENT
    }
}

/// How two texts overlap.
///
/// ```
/// let story = "North Korea and Russia opened the first road bridge across the Tumen River on \
///     Thursday, state media said, in the latest sign of deepening ties between the two \
///     neighbours. The bridge will let trucks and buses cross the border for the first time and \
///     cut the time needed to move goods between the North's ports and Vladivostok.";
/// let copy = format!("SEOUL, June 19 (Yonhap) -- {story}\n(END)");
/// let o = corpus::dedupe::overlap(story, &copy);
/// assert_eq!(o.containment, 1.0);
/// ```
pub fn overlap(a: &str, b: &str) -> Overlap {
    compare(&Shingles::of(a), &Shingles::of(b))
}

/// For each page, the index of the page it repeats (its original), if any.
///
/// The original of a group of copies is the copy printed first; a page without a date could be
/// from any day, so it competes with the earliest. Among those, the first listed, unless
/// another has at least a tenth more text — then the longest of them (the fuller copy, such as
/// a write-through). A copy always points at an original, never at another copy, and every
/// copy matches its original directly.
///
/// ```
/// use corpus::dedupe::{find_duplicates, Page};
/// use coverage_core::model::Day;
/// let story = "North Korean leader Kim Jong Un will meet Russian President Vladimir Putin later \
///     this month in the Russian Far East, the Kremlin said on Thursday, in what will be the \
///     first summit between the two countries since 2011 and a sign of warming ties between \
///     Pyongyang and Moscow amid stalled talks with Washington over the North's nuclear weapons.";
/// let repost = format!("Board / Reposts\n{story}\nComments (0)");
/// let day = |d| Day::new(2019, 4, d);
/// let pages = [
///     Page { text: &repost, date: day(20) },
///     Page { text: story, date: day(18) },
///     Page { text: "Something else entirely.", date: day(18) },
/// ];
/// assert_eq!(find_duplicates(&pages), vec![Some(1), None, None]);
/// ```
pub fn find_duplicates(pages: &[Page]) -> Vec<Option<usize>> {
    let n = pages.len();
    // Ranks: earliest day first, undated last, then input order. A crowded bucket pairs its
    // members with its first ranks, the likely originals.
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| day_key(pages[i as usize].date));
    let mut rank = vec![0u32; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    let mut bands: Vec<(u64, u32)> = Vec::new();
    let mut anchors: Vec<u64> = Vec::new();
    let mut hashes = Vec::new();
    let mut doc_anchors = Vec::new();
    // Per page, a short signature (16 bits a bin) and its shingle count, to estimate a pair's
    // containment before it is compared in full.
    let mut sketches = vec![([0u16; BINS], 0u32); n];
    for (i, page) in pages.iter().enumerate() {
        let script = shingle_hashes(page.text, &mut hashes);
        if hashes.len() < script.min_shared() {
            continue;
        }
        let r = rank[i];
        let sig = signature(&hashes);
        sketches[i] = (sig.map(|v| v as u16), hashes.len() as u32);
        for (b, rows) in sig[..BANDS * ROWS].chunks_exact(ROWS).enumerate() {
            let key = rows
                .iter()
                .fold(mix(b as u64 + 1), |k, &v| mix(k ^ u64::from(v)));
            bands.push((key, r));
        }
        doc_anchors.clear();
        doc_anchors.extend(hashes.iter().filter_map(|&h| anchor(h)));
        doc_anchors.sort_unstable();
        doc_anchors.dedup();
        anchors.extend(
            doc_anchors
                .iter()
                .map(|&a| (u64::from(a) << 32) | u64::from(r)),
        );
    }
    let mut candidates = band_candidates(bands);
    candidates.extend(anchor_candidates(anchors, n));
    candidates.sort_unstable();
    candidates.dedup();

    // Exact shingle sets, only for the pages of candidate pairs whose estimate is not far below
    // the threshold.
    let mut sets: Vec<Option<Shingles>> = vec![None; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for &pair in &candidates {
        let (a, b) = (order[(pair >> 32) as usize], order[pair as u32 as usize]);
        if estimated_containment(&sketches[a as usize], &sketches[b as usize]) < CONTAINMENT / 2.0 {
            continue;
        }
        for x in [a, b] {
            if sets[x as usize].is_none() {
                sets[x as usize] = Some(Shingles::of(pages[x as usize].text));
            }
        }
        if let (Some(sa), Some(sb)) = (&sets[a as usize], &sets[b as usize])
            && compare(sa, sb).is_copy()
        {
            union(&mut parent, a, b);
        }
    }

    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &i in &order {
        let root = find(&mut parent, i);
        groups[root as usize].push(i);
    }
    let mut original = vec![None; n];
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        assign_originals(pages, &sets, group, &mut original);
    }
    original
}

/// The containment of the shorter text in the longer, estimated from their signatures (the
/// share of equal bins estimates the Jaccard similarity) and shingle counts.
fn estimated_containment(a: &([u16; BINS], u32), b: &([u16; BINS], u32)) -> f64 {
    let equal = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    let jaccard = equal as f64 / BINS as f64;
    let (sa, sb) = (f64::from(a.1), f64::from(b.1));
    if sa.min(sb) == 0.0 {
        return 0.0;
    }
    jaccard * (sa + sb) / ((1.0 + jaccard) * sa.min(sb))
}

/// Within a group of pages joined by copying: pick the original, mark the pages that copy it
/// directly, and do the same for the rest until none is left.
fn assign_originals(
    pages: &[Page],
    sets: &[Option<Shingles>],
    mut left: Vec<u32>,
    original: &mut [Option<usize>],
) {
    let size = |i: u32| sets[i as usize].as_ref().map_or(0, |s| s.hashes.len());
    let date = |i: u32| pages[i as usize].date;
    while left.len() > 1 {
        // An undated page could be from any day: it competes with the earliest dated ones.
        let earliest = left.iter().filter_map(|&i| date(i)).min();
        let mut contenders: Vec<u32> = left
            .iter()
            .copied()
            .filter(|&i| date(i).is_none() || date(i) == earliest)
            .collect();
        contenders.sort_unstable();
        let first = contenders[0];
        let longest = contenders
            .iter()
            .copied()
            .fold(first, |best, i| if size(i) > size(best) { i } else { best });
        let root = if size(longest) * 10 >= size(first) * FULLER_TENTHS {
            longest
        } else {
            first
        };
        let Some(root_set) = &sets[root as usize] else {
            return;
        };
        let mut rest = Vec::new();
        for &i in left.iter().filter(|&&i| i != root) {
            match &sets[i as usize] {
                Some(s) if compare(s, root_set).is_copy() => {
                    original[i as usize] = Some(root as usize)
                }
                _ => rest.push(i),
            }
        }
        left = rest;
    }
}

/// Dated pages by day, then undated ones.
fn day_key(date: Option<Day>) -> (bool, Option<Day>) {
    (date.is_none(), date)
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb) as usize] = ra.min(rb);
    }
}

/// Pairs of ranks (`lower << 32 | higher`) that share a MinHash band.
fn band_candidates(mut bands: Vec<(u64, u32)>) -> Vec<u64> {
    bands.sort_unstable();
    let mut out = Vec::new();
    for run in bands.chunk_by(|x, y| x.0 == y.0) {
        let heads = if run.len() <= BUCKET_ALL_PAIRS {
            run.len()
        } else {
            BUCKET_HEADS
        };
        for (k, head) in run.iter().take(heads).enumerate() {
            for other in &run[k + 1..] {
                out.push(pair(head.1, other.1));
            }
        }
    }
    out
}

/// Pairs of ranks that share enough anchors for the shorter text to be a copy: at least
/// [`MIN_ANCHORS`], and as many as [`CONTAINMENT`] of its anchors would give, less 2.5 standard
/// deviations of sampling error. Anchors found in more than [`ANCHOR_MAX_TEXTS`] texts are left
/// out, of the counts too.
fn anchor_candidates(mut anchors: Vec<u64>, texts: usize) -> Vec<u64> {
    anchors.sort_unstable();
    let mut pairs = Vec::new();
    let mut kept = vec![0u32; texts];
    for run in anchors.chunk_by(|x, y| x >> 32 == y >> 32) {
        if run.len() > ANCHOR_MAX_TEXTS {
            continue;
        }
        for (k, a) in run.iter().enumerate() {
            kept[*a as u32 as usize] += 1;
            for b in &run[k + 1..] {
                pairs.push(pair(*a as u32, *b as u32));
            }
        }
    }
    pairs.sort_unstable();
    pairs
        .chunk_by(|x, y| x == y)
        .filter(|run| {
            let (a, b) = ((run[0] >> 32) as usize, run[0] as u32 as usize);
            run.len() >= anchors_needed(kept[a].min(kept[b]))
        })
        .map(|run| run[0])
        .collect()
}

/// Shared anchors a text with `anchors` anchors needs to be compared with another.
fn anchors_needed(anchors: u32) -> usize {
    let n = f64::from(anchors);
    let expected = n * CONTAINMENT;
    let spread = (n * CONTAINMENT * (1.0 - CONTAINMENT)).sqrt();
    ((expected - 2.5 * spread).floor() as usize).max(MIN_ANCHORS)
}

fn pair(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

/// The anchor key of a shingle, if it is one.
fn anchor(h: u64) -> Option<u32> {
    let m = mix(h ^ 0x5bd1_e995_2c1b_3c6d);
    ((m as u32) < u32::MAX / ANCHOR_RATE).then_some((m >> 32) as u32)
}

/// A one-permutation MinHash signature: the least value per bin, empty bins filled from the
/// next filled one (rotation), so short texts still give every band a value.
fn signature(hashes: &[u64]) -> [u32; BINS] {
    let mut bins = [u32::MAX; BINS];
    let mut filled = [false; BINS];
    for &h in hashes {
        let bin = (h >> 57) as usize;
        let value = h as u32;
        if !filled[bin] || value < bins[bin] {
            bins[bin] = value;
            filled[bin] = true;
        }
    }
    for i in 0..BINS {
        if filled[i] {
            continue;
        }
        if let Some(step) = (1..BINS).find(|&s| filled[(i + s) % BINS]) {
            let from = bins[(i + step) % BINS];
            bins[i] = mix(u64::from(from) ^ ((step as u64) << 40)) as u32;
        }
    }
    bins
}

/// A text's shingles as a sorted set of hashes, 32 bits each: two texts of a thousand
/// shingles share a false one about once in four thousand pairs, too rarely to move a score.
#[derive(Debug, Clone)]
struct Shingles {
    hashes: Box<[u32]>,
    script: Script,
}

impl Shingles {
    fn of(text: &str) -> Shingles {
        let mut full = Vec::new();
        let script = shingle_hashes(text, &mut full);
        let mut hashes: Vec<u32> = full.into_iter().map(|h| (h >> 32) as u32).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Shingles {
            hashes: hashes.into_boxed_slice(),
            script,
        }
    }
}

fn compare(a: &Shingles, b: &Shingles) -> Overlap {
    let characters = a.script == Script::Dense && b.script == Script::Dense;
    let shared = if a.script == b.script {
        intersection(&a.hashes, &b.hashes)
    } else {
        0
    };
    let (la, lb) = (a.hashes.len(), b.hashes.len());
    let union = la + lb - shared;
    Overlap {
        shared,
        jaccard: if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        },
        containment: if la.min(lb) == 0 {
            0.0
        } else {
            shared as f64 / la.min(lb) as f64
        },
        characters,
    }
}

fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How a text is shingled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Words between spaces: Latin, Cyrillic…
    Spaced,
    /// Hangul and CJK: characters, since particles and spacing change the words.
    Dense,
}

impl Script {
    fn min_shared(self) -> usize {
        match self {
            Script::Spaced => MIN_SHARED_WORDS,
            Script::Dense => MIN_SHARED_CHARS,
        }
    }
}

/// Hangul, kana and CJK ideographs.
fn is_dense(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}')
}

/// The shingle hashes of a text's story, in order (with repeats), into `out`; and its script.
fn shingle_hashes(text: &str, out: &mut Vec<u64>) -> Script {
    out.clear();
    let lines = story_lines(text);
    let script = script_of(&lines);
    match script {
        Script::Spaced => {
            let mut words: Vec<u64> = Vec::new();
            for line in &lines {
                word_hashes(line, &mut words);
            }
            rolling(&words, WORD_SHINGLE, 0x2545_f491_4f6c_dd1d, out);
        }
        Script::Dense => {
            let chars: Vec<u64> = lines
                .iter()
                .flat_map(|l| l.chars())
                .filter(|&c| is_alphanumeric(c))
                .map(|c| {
                    let lower = if c.is_ascii() || is_dense(c) {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_lowercase().next().unwrap_or(c)
                    };
                    mix(u64::from(lower))
                })
                .collect();
            rolling(&chars, CHAR_SHINGLE, 0x9e37_79b9_7f4a_7c15, out);
        }
    }
    script
}

/// The hash of every run of `n` consecutive tokens (each already a mixed hash), by a
/// polynomial hash rolled along the tokens and finished with `mix` and a seed per script, so
/// word and character shingles never meet.
fn rolling(tokens: &[u64], n: usize, seed: u64, out: &mut Vec<u64>) {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    if tokens.len() < n {
        return;
    }
    let top = BASE.wrapping_pow(n as u32 - 1);
    let mut h = tokens[..n]
        .iter()
        .fold(0u64, |h, &t| h.wrapping_mul(BASE).wrapping_add(t));
    out.push(mix(h ^ seed));
    for (&gone, &new) in tokens.iter().zip(&tokens[n..]) {
        h = h
            .wrapping_sub(gone.wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(new);
        out.push(mix(h ^ seed));
    }
}

/// Dense when Hangul, kana and CJK characters outnumber the other letters, counted by their
/// UTF-8 lead bytes: U+3000–U+DFFF (three bytes, lead E3–ED) against ASCII letters and the
/// two-byte alphabets (Latin accents, Greek, Cyrillic: leads C3–DF).
fn script_of(lines: &[&str]) -> Script {
    let (mut dense, mut other) = (0usize, 0usize);
    for b in lines.iter().flat_map(|l| l.bytes()) {
        dense += usize::from((0xE3..=0xED).contains(&b));
        other += usize::from(b.is_ascii_alphabetic() || (0xC3..=0xDF).contains(&b));
    }
    if dense > other {
        Script::Dense
    } else {
        Script::Spaced
    }
}

/// The hash of each word of a line, lowercased, into `out`. Thousands separators and dotted
/// acronyms are closed up ("4,000" and "4000", "U.S." and "US" are one word each).
fn word_hashes(line: &str, out: &mut Vec<u64>) {
    let mut tokens = runs(line, |b| b.is_ascii_alphanumeric(), is_alphanumeric).peekable();
    let bytes = line.as_bytes();
    while let Some((mut s, mut e)) = tokens.next() {
        let mut h = word_hash(0xcbf2_9ce4_8422_2325, &line[s..e]);
        while let Some(&(ns, ne)) = tokens.peek() {
            let joined = ns == e + 1
                && ((matches!(bytes[e], b',' | b'.')
                    && bytes[e - 1].is_ascii_digit()
                    && bytes[ns].is_ascii_digit())
                    || (bytes[e] == b'.'
                        && e - s == 1
                        && ne - ns == 1
                        && bytes[s].is_ascii_alphabetic()
                        && bytes[ns].is_ascii_alphabetic()));
            if !joined {
                break;
            }
            h = word_hash(h, &line[ns..ne]);
            (s, e) = (ns, ne);
            tokens.next();
        }
        out.push(mix(h));
    }
}

/// FNV-1a over a word's lowercased bytes, continuing from `h`.
fn word_hash(h: u64, word: &str) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    if word.is_ascii() {
        word.bytes().fold(h, |h, b| step(h, b.to_ascii_lowercase()))
    } else {
        word.chars().flat_map(char::to_lowercase).fold(h, |h, c| {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).bytes().fold(h, step)
        })
    }
}

/// A 64-bit finaliser (splitmix64).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

// ---------------------------------------------------------------------------------------------
// The story of a text: datelines and credits are the printer's, not the story's.
// ---------------------------------------------------------------------------------------------

/// "SEOUL, June 19 (Yonhap) --", "VLADIVOSTOK, Russia (AFP) -", "Seoul, June 19 (AFP) –":
/// a place, perhaps a region and a date, an agency in brackets, a dash.
static CREDITED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[\w.'’ -]{2,25}?){0,2}\s*\([^()]{2,40}\)\s*(?:--|—|–|-|:)\s*",
    )
    .expect("the pattern compiles")
});

/// "SEOUL —", "VLADIVOSTOK, Russia, Sept 16 –": a place in capitals, perhaps a region and a
/// date, a dash.
static PLAIN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[\w.'’ -]{2,25}?){0,2}\s*(?:--|—|–|-)\s+",
    )
    .expect("the pattern compiles")
});

/// "(서울=연합뉴스) 김지훈 기자 =", "[서울=뉴스1] ", "【워싱턴=뉴시스】 이수진 특파원 =": place and
/// agency, then perhaps the reporters and an equals sign.
static KOREAN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[(\[【]\s*[^()\[\]【】=]{1,20}=\s*[^()\[\]【】]{1,25}[)\]】]\s*(?:[가-힣]{2,5}(?:\s*[·ㆍ,]\s*[가-힣]{2,5})*\s*(?:기자|특파원|통신원|객원기자|인턴기자)\s*)?=?\s*",
    )
    .expect("the pattern compiles")
});

/// An e-mail address, or an end mark: "(END)", "(끝)".
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\((?:end|끝)\)|/끝/)\s*$")
        .expect("the pattern compiles")
});

/// The lines of a text that tell its story: a wire dateline cut from the start of each line,
/// and credit lines (reporters, e-mail addresses, copyright, end marks) dropped from the end.
fn story_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(|l| strip_dateline(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    while let Some(last) = lines.last() {
        let cut = strip_end_marks(last);
        if cut.is_empty() || is_credit_line(cut) {
            lines.pop();
        } else {
            *lines.last_mut().expect("a last line") = cut;
            break;
        }
    }
    lines
}

/// Where a dateline may end: no dateline is longer.
const DATELINE_BYTES: usize = 160;

fn strip_dateline(line: &str) -> &str {
    let mut end = line.len().min(DATELINE_BYTES);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let head = &line[..end];
    let b = head.as_bytes();
    // Cheap tests first: most paragraphs open with a capitalised word and no bracket near.
    let bracket_near = || b.iter().take(80).any(|&c| c == b'(');
    let found = match b.first() {
        Some(b'(' | b'[') => KOREAN_DATELINE.find(head),
        _ if head.starts_with('【') => KOREAN_DATELINE.find(head),
        Some(c) if c.is_ascii_uppercase() => {
            if b.get(1).is_some_and(u8::is_ascii_uppercase) {
                PLAIN_DATELINE
                    .find(head)
                    .or_else(|| CREDITED_DATELINE.find(head))
            } else if bracket_near() {
                CREDITED_DATELINE.find(head)
            } else {
                None
            }
        }
        _ => None,
    };
    match found {
        // The dateline only: a line that is nothing but one is the page's, not the story's.
        Some(m) if m.end() < line.len() => &line[m.end()..],
        Some(_) => "",
        None => line,
    }
}

fn strip_end_marks(line: &str) -> &str {
    let mut line = line;
    while let Some(m) = END_MARK.find(line) {
        if m.start() == line.len() {
            break;
        }
        line = line[..m.start()].trim_end();
    }
    line
}

/// A closing line that credits rather than tells: reporters, copyright, an agency's name.
fn is_credit_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let lower = line.to_lowercase();
    let credit_opening = [
        "reporting by",
        "(reporting by",
        "writing by",
        "editing by",
        "additional reporting",
        "(additional reporting",
        "compiled by",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let copyright = lower.starts_with("copyright")
        || [
            "©",
            "ⓒ",
            "(c) ",
            "all rights reserved",
            "저작권자",
            "무단 전재",
            "무단전재",
            "재배포",
        ]
        .iter()
        .any(|p| lower.contains(p));
    let bracketed = matches!(line.chars().next(), Some('<' | '[' | '(' | '【'))
        && matches!(line.chars().last(), Some('>' | ']' | ')' | '】'));
    let reporter = lower.ends_with("기자") || lower.ends_with("특파원");
    let no_lowercase = !line.chars().any(char::is_lowercase) && !line.ends_with('.');
    credit_opening
        || (copyright && words <= 20)
        || (bracketed && words <= 20)
        || (reporter && words <= 4)
        || (no_lowercase && words <= 3 && !line.chars().any(is_dense))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russia provides the North with about 4,000 tons of refined oil each month. It supplied 50,000 tons \
        of flour to the North early this year. Kim is likely to ask Putin to provide more energy and more food aid to \
        his country. In addition, he may ask Moscow to extend the stay of about 10,000 North Korean laborers in Russia.";

    fn undated(texts: &[&str]) -> Vec<Option<usize>> {
        let pages: Vec<Page> = texts
            .iter()
            .map(|&text| Page { text, date: None })
            .collect();
        find_duplicates(&pages)
    }

    #[test]
    fn copies_point_at_the_first() {
        assert_eq!(
            undated(&[STORY, STORY, STORY]),
            vec![None, Some(0), Some(0)]
        );
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
        assert_eq!(undated(&[STORY, &other]), vec![None, None]);
    }

    #[test]
    fn a_story_printed_a_hundred_times_is_one_story() {
        // More copies than a band bucket pairs in full: each is still tied to the original.
        let long = format!("{STORY} {STORY}");
        let mut texts: Vec<String> = vec![long.clone(); 100];
        texts.push(format!("SEOUL, June 19 (Yonhap) -- {long}"));
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = undated(&refs);
        assert_eq!(found[0], None);
        assert!(found[1..].iter().all(|&f| f == Some(0)), "{found:?}");
    }

    #[test]
    fn short_texts_are_never_copies() {
        assert_eq!(
            undated(&["Kim met Putin.", "Kim met Putin."]),
            vec![None, None]
        );
    }

    #[test]
    fn datelines_and_credits_are_not_the_story() {
        let lines = story_lines(
            "SEOUL, June 19 (Yonhap) -- North Korea opened a bridge.\nIt is long.\nhong@yna.co.kr\n(END)",
        );
        assert_eq!(lines, ["North Korea opened a bridge.", "It is long."]);
        let lines = story_lines(
            "(서울=연합뉴스) 김지훈 기자 = 북한이 다리를 열었다.\n길다. kimjh@yna.co.kr\n<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
        );
        assert_eq!(lines, ["북한이 다리를 열었다.", "길다."]);
        assert_eq!(
            strip_dateline("VLADIVOSTOK, Russia, Sept 16 (Reuters) - Putin welcomed Kim."),
            "Putin welcomed Kim."
        );
        assert_eq!(
            strip_dateline("SEOUL — North Korea fired."),
            "North Korea fired."
        );
        assert_eq!(strip_dateline("[서울=연합뉴스] 북한이"), "북한이");
        assert_eq!(
            strip_dateline("North Korea - the hermit state - fired."),
            "North Korea - the hermit state - fired."
        );
        assert_eq!(
            story_lines("Kim met Putin in Moscow.\n(Reporting by A; Editing by B)\nAFP-JIJI"),
            ["Kim met Putin in Moscow."]
        );
    }

    #[test]
    fn house_style_does_not_change_the_words() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        word_hashes("U.S. sent 4,000 tons — “aid” to Kim Jong-un", &mut a);
        word_hashes("US sent 4000 tons - \"aid\" to KIM JONG UN", &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn korean_text_is_shingled_by_characters() {
        let mut out = Vec::new();
        assert_eq!(
            shingle_hashes("북한과 러시아가 다리를 열었다. ICBM 발사", &mut out),
            Script::Dense
        );
        let spaced = out.clone();
        shingle_hashes("북한과러시아가 다리를  열었다 ICBM발사", &mut out);
        assert_eq!(out, spaced);
        assert_eq!(
            shingle_hashes("Kim said 김정은 in Korean.", &mut out),
            Script::Spaced
        );
    }
}
