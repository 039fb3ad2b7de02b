//! The bundle: the parsed corpus as the page carries it. Two parts, so start-up decodes only
//! what filtering needs:
//!
//! - the **index part**: build info, actor and outlet tables and per-article columns (date,
//!   outlet, duplicate, actor lists, actor pairs with tone counts), postcard-encoded and deflated;
//! - **text chunks**: article bodies, removed lines, mentions and evidence sentences, a fixed
//!   number of articles per chunk, each deflated on its own and decoded only when shown.
//!
//! Layout: `b"CVXB"`, version `u32`, index length `u32`, index bytes, chunk count `u32`, then
//! each chunk as length `u32` + bytes (all integers little-endian). Nothing in it is parsed as
//! text: decoding is inflate + postcard.

use crate::model::{ActorKind, Category, Direction, Origin, Paragraph, Removed, Status, Tone};
use serde::{Deserialize, Serialize};
use thiserror::Error;

const MAGIC: &[u8; 4] = b"CVXB";
const VERSION: u32 = 4;
/// Articles per text chunk: small enough that opening one article inflates little.
pub const CHUNK_ARTICLES: usize = 64;
/// "No value" in the index columns.
pub const NONE: u32 = u32::MAX;

/// Why bundle bytes could not be decoded.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BundleError {
    #[error("not a coverage bundle (bad magic bytes)")]
    Magic,
    #[error(
        "bundle version {0} is not supported by this page (expected {VERSION}); rebuild the page"
    )]
    Version(u32),
    #[error("the bundle is truncated or damaged: {0}")]
    Damaged(String),
    #[error("the text is in {0}, beside the page; fetch it and decode it with `decode_chunk`")]
    External(String),
}

/// When and from what the bundle was built: shown in the page footer so a view can be cited.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct BuildInfo {
    /// Input files (articles) the bundle was built from.
    pub files: u32,
    /// Build time, ISO 8601 UTC.
    pub built: String,
    /// SHA-256 (hex) of the corpus inputs, see `ARCHITECTURE.md`.
    pub corpus_hash: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ActorInfo {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub known: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct OutletInfo {
    pub id: String,
    pub name: String,
}

/// Per-article columns. Lists per article are stored CSR-style: `*_start[i]..*_start[i+1]`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Columns {
    pub source: Vec<String>,
    pub title: Vec<String>,
    /// `yyyymmdd`, 0 when undated.
    pub date: Vec<u32>,
    /// Index into `outlets`, or `NONE`.
    pub outlet: Vec<u32>,
    /// Index of the article this one repeats, or `NONE`.
    pub duplicate_of: Vec<u32>,
    pub status: Vec<Status>,
    pub actor_start: Vec<u32>,
    /// Actor indices, ascending within an article.
    pub actor_list: Vec<u32>,
    pub pair_start: Vec<u32>,
    /// Pairs `a < b` (actor indices) with evidence in the article, and its tone counts.
    pub pair_a: Vec<u32>,
    pub pair_b: Vec<u32>,
    pub pair_tone: Vec<[u16; 3]>,
}

impl Columns {
    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    pub fn actors(&self, article: usize) -> &[u32] {
        &self.actor_list[self.actor_start[article] as usize..self.actor_start[article + 1] as usize]
    }

    pub fn pairs(&self, article: usize) -> std::ops::Range<usize> {
        self.pair_start[article] as usize..self.pair_start[article + 1] as usize
    }

    /// The tone counts of the sentences relating actors `a` and `b` in an article, if any.
    pub fn pair_tone(&self, article: usize, a: u32, b: u32) -> Option<[u16; 3]> {
        let (a, b) = (a.min(b), a.max(b));
        self.pairs(article)
            .find(|&p| self.pair_a[p] == a && self.pair_b[p] == b)
            .map(|p| self.pair_tone[p])
    }

    pub fn year(&self, article: usize) -> Option<i16> {
        let d = self.date[article];
        (d != 0).then_some((d / 10_000) as i16)
    }

    /// The article's date as `YYYY-MM-DD`, if any.
    pub fn date_text(&self, article: usize) -> Option<String> {
        let d = self.date[article];
        (d != 0).then(|| format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100))
    }
}

/// Every edge of the corpus over distinct articles (copies left out), worked out when the
/// bundle is built so the page need not at start-up: pairs `a < b` in ascending order, each with
/// `[articles, cooperation, conflict, neutral]`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct CorpusEdges {
    pub a: Vec<u32>,
    pub b: Vec<u32>,
    pub sums: Vec<[u32; 4]>,
}

impl CorpusEdges {
    /// The edges of the articles in `columns`.
    ///
    /// ```
    /// use coverage_core::bundle::{Columns, CorpusEdges, NONE};
    /// let mut c = Columns::default();
    /// c.duplicate_of = vec![NONE, 0];
    /// c.pair_start = vec![0, 1, 2];
    /// (c.pair_a, c.pair_b, c.pair_tone) = (vec![0, 0], vec![1, 1], vec![[1, 0, 2], [1, 0, 0]]);
    /// let e = CorpusEdges::of(&c);
    /// assert_eq!((e.a, e.b, e.sums), (vec![0], vec![1], vec![[1, 1, 0, 2]]));
    /// ```
    pub fn of(columns: &Columns) -> CorpusEdges {
        let mut all: std::collections::BTreeMap<(u32, u32), [u32; 4]> = Default::default();
        for i in 0..columns.duplicate_of.len() {
            if columns.duplicate_of[i] != NONE {
                continue;
            }
            for p in columns.pairs(i) {
                let sums = all
                    .entry((columns.pair_a[p], columns.pair_b[p]))
                    .or_default();
                let [co, cf, ne] = columns.pair_tone[p];
                sums[0] += 1;
                sums[1] += u32::from(co);
                sums[2] += u32::from(cf);
                sums[3] += u32::from(ne);
            }
        }
        let mut out = CorpusEdges::default();
        for ((a, b), sums) in all {
            out.a.push(a);
            out.b.push(b);
            out.sums.push(sums);
        }
        out
    }
}

/// The part of the bundle decoded at start-up.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct IndexPart {
    pub info: BuildInfo,
    pub actors: Vec<ActorInfo>,
    pub outlets: Vec<OutletInfo>,
    pub columns: Columns,
    pub edges: CorpusEdges,
}

/// The index part as stored: column by column, each in the form that is quick to read and
/// compresses well. Source names are front-coded (sorted names share long prefixes). The big
/// per-article columns are byte blobs read without per-value decoding: list lengths as one
/// byte (`ESCAPE` then the length in `*_long`); actor indices as little-endian `u16` (`u32`
/// when there are more than 65,535 actors); a pair as the positions of its two actors in the
/// article's actor list, one byte each (`ESCAPE` for both, and the two actor indices in
/// `pair_abs`, when a position does not fit or the actor is missing from the list); tones as
/// one byte `co | cf << 2 | ne << 4` when each count is below 4, else `ESCAPE` and the three
/// counts in `tone_big`.
#[derive(Serialize, Deserialize, Default)]
struct Packed {
    info: BuildInfo,
    actors: Vec<ActorInfo>,
    outlets: Vec<OutletInfo>,
    #[serde(with = "serde_bytes")]
    source_shared: Vec<u8>,
    source_rest: Vec<String>,
    title: Vec<String>,
    date: Vec<u32>,
    outlet: Vec<u32>,
    duplicate_of: Vec<u32>,
    status: Vec<Status>,
    #[serde(with = "serde_bytes")]
    actor_len: Vec<u8>,
    actor_len_long: Vec<u32>,
    #[serde(with = "serde_bytes")]
    actor_ids: Vec<u8>,
    #[serde(with = "serde_bytes")]
    pair_len: Vec<u8>,
    pair_len_long: Vec<u32>,
    #[serde(with = "serde_bytes")]
    pair_pos: Vec<u8>,
    pair_abs: Vec<(u32, u32)>,
    #[serde(with = "serde_bytes")]
    tone: Vec<u8>,
    tone_big: Vec<[u16; 3]>,
    /// `CorpusEdges`: how many edges each actor has as the lower one, the higher actor as a
    /// gap from the previous one in that run, and the four sums.
    edge_count: Vec<u32>,
    edge_gap: Vec<u32>,
    edge_sums: Vec<[u32; 4]>,
}

/// A byte value that says "the value is elsewhere" in `Packed`'s one-byte columns.
const ESCAPE: u8 = 255;

impl IndexPart {
    /// The index part's bytes before compression (see `Packed` for the column forms).
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = &self.columns;
        let wide = self.actors.len() > usize::from(u16::MAX);
        let mut p = Packed {
            info: self.info.clone(),
            actors: self.actors.clone(),
            outlets: self.outlets.clone(),
            title: c.title.clone(),
            date: c.date.clone(),
            outlet: c.outlet.clone(),
            duplicate_of: c.duplicate_of.clone(),
            status: c.status.clone(),
            ..Packed::default()
        };
        let mut previous = "";
        for name in &c.source {
            let shared = common_prefix(previous, name).min(usize::from(u8::MAX));
            let shared = (0..=shared)
                .rev()
                .find(|&i| name.is_char_boundary(i))
                .unwrap_or(0);
            p.source_shared.push(shared as u8);
            p.source_rest.push(name[shared..].to_string());
            previous = name;
        }
        let length = |bytes: &mut Vec<u8>, long: &mut Vec<u32>, len: usize| {
            if len < usize::from(ESCAPE) {
                bytes.push(len as u8);
            } else {
                bytes.push(ESCAPE);
                long.push(len as u32);
            }
        };
        for i in 0..c.len() {
            let list = c.actors(i);
            length(&mut p.actor_len, &mut p.actor_len_long, list.len());
            for &a in list {
                if wide {
                    p.actor_ids.extend_from_slice(&a.to_le_bytes());
                } else {
                    p.actor_ids.extend_from_slice(&(a as u16).to_le_bytes());
                }
            }
            let pairs = c.pairs(i);
            length(&mut p.pair_len, &mut p.pair_len_long, pairs.len());
            let position = |x: u32| {
                list.iter()
                    .position(|&y| y == x)
                    .filter(|&at| at < usize::from(ESCAPE))
            };
            for k in pairs {
                let (a, b) = (c.pair_a[k], c.pair_b[k]);
                match (position(a), position(b)) {
                    (Some(x), Some(y)) => p.pair_pos.extend_from_slice(&[x as u8, y as u8]),
                    _ => {
                        p.pair_pos.extend_from_slice(&[ESCAPE, ESCAPE]);
                        p.pair_abs.push((a, b));
                    }
                }
                let [co, cf, ne] = c.pair_tone[k];
                if co < 4 && cf < 4 && ne < 4 {
                    p.tone.push((co | cf << 2 | ne << 4) as u8);
                } else {
                    p.tone.push(ESCAPE);
                    p.tone_big.push(c.pair_tone[k]);
                }
            }
        }
        let e = &self.edges;
        let mut previous: Option<(u32, u32)> = None;
        for (&a, &b) in e.a.iter().zip(&e.b) {
            // Runs by lower actor, ascending (as `CorpusEdges::of` makes them).
            while p.edge_count.len() <= a as usize {
                p.edge_count.push(0);
            }
            p.edge_count[a as usize] += 1;
            let from = match previous {
                Some((pa, pb)) if pa == a => pb + 1,
                _ => 0,
            };
            p.edge_gap.push(b.wrapping_sub(from));
            previous = Some((a, b));
        }
        p.edge_sums = e.sums.clone();
        postcard::to_allocvec(&p).expect("the index part serialises")
    }

    /// Reads `to_bytes` output back, and checks that every column agrees with the others, so
    /// code that indexes the columns cannot go out of bounds on a damaged bundle.
    pub fn from_bytes(bytes: &[u8]) -> Result<IndexPart, BundleError> {
        let p: Packed =
            postcard::from_bytes(bytes).map_err(|e| BundleError::Damaged(e.to_string()))?;
        let part = IndexPart::unpack(p).map_err(BundleError::Damaged)?;
        part.check().map_err(BundleError::Damaged)?;
        Ok(part)
    }

    fn unpack(p: Packed) -> Result<IndexPart, String> {
        let n = p.title.len();
        if [
            p.source_shared.len(),
            p.source_rest.len(),
            p.actor_len.len(),
            p.pair_len.len(),
        ]
        .iter()
        .any(|&l| l != n)
        {
            return Err("article columns differ in length".into());
        }
        let mut source: Vec<String> = Vec::with_capacity(n);
        for (&shared, rest) in p.source_shared.iter().zip(p.source_rest) {
            let previous = source.last().map_or("", String::as_str);
            let head = previous
                .get(..usize::from(shared))
                .ok_or("a source name's shared prefix is out of range")?;
            let mut name = String::with_capacity(head.len() + rest.len());
            name.push_str(head);
            name.push_str(&rest);
            source.push(name);
        }
        let lengths = |short: &[u8], long: &[u32]| -> Result<Vec<u32>, String> {
            let mut long = long.iter();
            short
                .iter()
                .map(|&b| match b {
                    ESCAPE => long
                        .next()
                        .copied()
                        .ok_or_else(|| "a length is missing".to_string()),
                    b => Ok(u32::from(b)),
                })
                .collect()
        };
        let actor_len = lengths(&p.actor_len, &p.actor_len_long)?;
        let pair_len = lengths(&p.pair_len, &p.pair_len_long)?;
        let total = |lens: &[u32]| lens.iter().map(|&l| l as usize).sum::<usize>();
        let wide = p.actors.len() > usize::from(u16::MAX);
        let width = if wide { 4 } else { 2 };
        let (actor_total, pair_total) = (total(&actor_len), total(&pair_len));
        if actor_total.checked_mul(width) != Some(p.actor_ids.len())
            || pair_total.checked_mul(2) != Some(p.pair_pos.len())
            || p.tone.len() != pair_total
        {
            return Err("list lengths do not add up".into());
        }
        let actor_count = p.actors.len() as u32;
        if p.pair_abs
            .iter()
            .any(|&(a, b)| a >= actor_count || b >= actor_count)
        {
            return Err("an actor index is out of range".into());
        }
        let actor_list: Vec<u32> = if wide {
            p.actor_ids
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()
        } else {
            p.actor_ids
                .chunks_exact(2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
                .collect()
        };
        if actor_list.iter().any(|&a| a >= actor_count) {
            return Err("an actor index is out of range".into());
        }
        let mut c = Columns {
            source,
            title: p.title,
            date: p.date,
            outlet: p.outlet,
            duplicate_of: p.duplicate_of,
            status: p.status,
            actor_start: Vec::with_capacity(n + 1),
            actor_list,
            pair_start: Vec::with_capacity(n + 1),
            pair_a: Vec::with_capacity(pair_total),
            pair_b: Vec::with_capacity(pair_total),
            pair_tone: Vec::with_capacity(pair_total),
        };
        c.actor_start.push(0);
        c.pair_start.push(0);
        let mut pairs = PairReader {
            pos: &p.pair_pos,
            tone: &p.tone,
            absolute: p.pair_abs.iter(),
            big: p.tone_big.iter(),
            next: 0,
        };
        let mut at = 0usize;
        // In blocks, for the reason `index::blocks` gives.
        for start in (0..n).step_by(2048) {
            let block = start..(start + 2048).min(n);
            pairs.block(&mut c, block, &actor_len, &pair_len, &mut at)?;
        }
        let mut edges = CorpusEdges {
            sums: p.edge_sums,
            ..CorpusEdges::default()
        };
        let mut gaps = p.edge_gap.iter();
        for (a, &count) in p.edge_count.iter().enumerate() {
            let mut from = 0u32;
            for _ in 0..count {
                let b = from.wrapping_add(*gaps.next().ok_or("an edge is missing")?);
                if a >= p.actors.len() || b as usize >= p.actors.len() {
                    return Err("an edge names an actor out of range".into());
                }
                edges.a.push(a as u32);
                edges.b.push(b);
                from = b.wrapping_add(1);
            }
        }
        if edges.a.len() != edges.sums.len() || gaps.next().is_some() {
            return Err("edge columns differ in length".into());
        }
        Ok(IndexPart {
            info: p.info,
            actors: p.actors,
            outlets: p.outlets,
            columns: c,
            edges,
        })
    }

    fn check(&self) -> Result<(), String> {
        let c = &self.columns;
        let n = c.source.len();
        let same = [
            c.title.len(),
            c.date.len(),
            c.outlet.len(),
            c.duplicate_of.len(),
            c.status.len(),
        ];
        if same.iter().any(|&l| l != n) {
            return Err("article columns differ in length".into());
        }
        let csr = |start: &[u32], len: usize, what: &str| -> Result<(), String> {
            let ok = start.len() == n + 1
                && start.first() == Some(&0)
                && start.windows(2).all(|w| w[0] <= w[1])
                && start.last().copied() == Some(len as u32);
            if ok {
                Ok(())
            } else {
                Err(format!("{what} offsets are inconsistent"))
            }
        };
        csr(&c.actor_start, c.actor_list.len(), "actor")?;
        csr(&c.pair_start, c.pair_a.len(), "pair")?;
        if c.pair_b.len() != c.pair_a.len() || c.pair_tone.len() != c.pair_a.len() {
            return Err("pair columns differ in length".into());
        }
        // Actor indices were checked as they were read (`unpack`): a pair's come from its
        // article's list, or from `pair_abs`.
        if c.outlet
            .iter()
            .any(|&o| o != NONE && o as usize >= self.outlets.len())
        {
            return Err("an outlet index is out of range".into());
        }
        if c.duplicate_of.iter().any(|&d| d != NONE && d as usize >= n) {
            return Err("a duplicate points outside the corpus".into());
        }
        Ok(())
    }
}

/// An evidence sentence inside an article's text record.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct EvidenceText {
    pub a: u32,
    pub b: u32,
    pub tone: Tone,
    pub sentence: String,
    pub cue: Option<(u32, u32)>,
    /// The kind of event the cue names.
    pub category: Option<Category>,
    /// Who acts on whom, between actor indices `a` and `b` (`a < b`).
    pub direction: Direction,
}

/// An actor mention: paragraph (0 = title), byte range, actor index.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    pub actor: u32,
}

/// Everything shown when an article is opened, decoded on demand.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct ArticleText {
    pub byline: Option<String>,
    /// The news agency credited for a wire copy (`Article::wire`).
    pub wire: Option<String>,
    pub url: Option<String>,
    pub language: String,
    pub outlet_origin: Origin,
    pub date_origin: Origin,
    pub title_origin: Origin,
    pub messages: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<Removed>,
    pub mentions: Vec<MentionRef>,
    pub evidence: Vec<EvidenceText>,
}

/// Where the text chunks live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Inside the bundle bytes: the page is one self-contained file.
    Inline,
    /// Beside the bundle, one file per chunk (`Bundle::chunk_path`), fetched when shown.
    External,
}

/// Articles above which `Bundle::encode_auto` places text chunks outside the bundle.
pub const EXTERNAL_ARTICLES: usize = 2_000;
/// Compressed text bytes above which `Bundle::encode_auto` places text chunks outside.
pub const EXTERNAL_TEXT_BYTES: usize = 4 << 20;

/// Encoded bundle bytes and, for `Placement::External`, the chunk files (in chunk order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub bundle: Vec<u8>,
    pub chunks: Vec<Vec<u8>>,
}

#[derive(Debug, Clone)]
enum Chunks {
    Inline(Vec<Vec<u8>>),
    /// Length and FNV-1a hash of each chunk file, to tell a stale or damaged file.
    External(Vec<(u32, u32)>),
}

/// A decoded bundle: the index part, and text chunks still compressed (or still on the server).
#[derive(Debug, Clone)]
pub struct Bundle {
    pub index: IndexPart,
    chunks: Chunks,
}

impl Bundle {
    /// Encodes an index part and the article texts (in article order), chunks inline.
    pub fn encode(index: &IndexPart, texts: &[ArticleText]) -> Vec<u8> {
        Bundle::encode_with(index, texts, Placement::Inline).bundle
    }

    /// Encodes with the text chunks inline for a small corpus and outside for a large one
    /// (more than `EXTERNAL_ARTICLES` articles or `EXTERNAL_TEXT_BYTES` of compressed text).
    pub fn encode_auto(index: &IndexPart, texts: &[ArticleText]) -> Encoded {
        let chunks = encode_chunks(texts);
        let text_bytes: usize = chunks.iter().map(Vec::len).sum();
        let placement = if texts.len() > EXTERNAL_ARTICLES || text_bytes > EXTERNAL_TEXT_BYTES {
            Placement::External
        } else {
            Placement::Inline
        };
        assemble(index, chunks, placement)
    }

    /// Encodes with the text chunks where `placement` says.
    ///
    /// ```
    /// use coverage_core::bundle::{ArticleText, Bundle, IndexPart, Placement};
    /// let mut index = IndexPart::default();
    /// let c = &mut index.columns;
    /// c.source.push("a.txt".into());
    /// c.title.push(String::new());
    /// c.date.push(0);
    /// c.outlet.push(coverage_core::bundle::NONE);
    /// c.duplicate_of.push(coverage_core::bundle::NONE);
    /// c.status.push(coverage_core::model::Status::Ok);
    /// c.actor_start.extend([0, 0]);
    /// c.pair_start.extend([0, 0]);
    /// let texts = [ArticleText { language: "en".into(), ..Default::default() }];
    /// let out = Bundle::encode_with(&index, &texts, Placement::External);
    /// let bundle = Bundle::decode(&out.bundle).unwrap();
    /// assert!(bundle.is_external() && bundle.chunk(0).is_err());
    /// assert_eq!(Bundle::chunk_path(0), "chunks/00000.bin");
    /// assert_eq!(bundle.decode_chunk(0, &out.chunks[0]).unwrap()[0].language, "en");
    /// assert!(bundle.decode_chunk(0, b"stale").is_err());
    /// ```
    pub fn encode_with(index: &IndexPart, texts: &[ArticleText], placement: Placement) -> Encoded {
        assemble(index, encode_chunks(texts), placement)
    }

    /// Decodes the index part; text chunks stay compressed until asked for.
    ///
    /// ```
    /// use coverage_core::bundle::{Bundle, IndexPart};
    /// let bytes = Bundle::encode(&IndexPart::default(), &[]);
    /// assert!(Bundle::decode(&bytes).unwrap().index.columns.is_empty());
    /// assert!(Bundle::decode(b"nope").is_err());
    /// ```
    pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(BundleError::Magic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(BundleError::Version(version));
        }
        let placement = r.take(1)?[0];
        let index_len = r.u32()? as usize;
        let stored = r.take(index_len)?;
        // Inline: the page may be one file, so the index is deflated. External: the page is
        // served, HTTP compresses it, and start-up skips the inflate.
        let index = match placement {
            0 => IndexPart::from_bytes(&inflate(stored)?)?,
            _ => IndexPart::from_bytes(stored)?,
        };
        let count = r.u32()? as usize;
        // Every chunk takes at least four bytes, so a count beyond that is damage.
        if count > bytes.len() / 4 {
            return Err(BundleError::Damaged("impossible chunk count".into()));
        }
        let chunks = match placement {
            0 => Chunks::Inline(
                (0..count)
                    .map(|_| {
                        let len = r.u32()? as usize;
                        Ok(r.take(len)?.to_vec())
                    })
                    .collect::<Result<_, BundleError>>()?,
            ),
            1 => Chunks::External(
                (0..count)
                    .map(|_| Ok((r.u32()?, r.u32()?)))
                    .collect::<Result<_, BundleError>>()?,
            ),
            other => {
                return Err(BundleError::Damaged(format!(
                    "unknown chunk placement {other}"
                )));
            }
        };
        let got = match &chunks {
            Chunks::Inline(c) => c.len(),
            Chunks::External(c) => c.len(),
        };
        if got != index.columns.len().div_ceil(CHUNK_ARTICLES) || r.at != bytes.len() {
            return Err(BundleError::Damaged(
                "text chunks do not match the article count".into(),
            ));
        }
        Ok(Bundle { index, chunks })
    }

    /// Number of text chunks.
    pub fn chunk_count(&self) -> usize {
        match &self.chunks {
            Chunks::Inline(c) => c.len(),
            Chunks::External(c) => c.len(),
        }
    }

    /// Whether text chunks are files beside the page (fetch `chunk_path`, then `decode_chunk`).
    pub fn is_external(&self) -> bool {
        matches!(self.chunks, Chunks::External(_))
    }

    /// Where an external chunk lives, relative to the page.
    pub fn chunk_path(chunk: usize) -> String {
        format!("chunks/{chunk:05}.bin")
    }

    /// Inflates one inline text chunk: the texts of articles `chunk * CHUNK_ARTICLES ..`.
    /// External chunks are an error here; fetch them and use `decode_chunk`.
    pub fn chunk(&self, chunk: usize) -> Result<Vec<ArticleText>, BundleError> {
        match &self.chunks {
            Chunks::Inline(c) => {
                let bytes = c
                    .get(chunk)
                    .ok_or_else(|| BundleError::Damaged(format!("no text chunk {chunk}")))?;
                self.texts(chunk, bytes)
            }
            Chunks::External(_) => Err(BundleError::External(Bundle::chunk_path(chunk))),
        }
    }

    /// Inflates the bytes of an external chunk file, after checking they are the ones this
    /// bundle was built with.
    pub fn decode_chunk(
        &self,
        chunk: usize,
        bytes: &[u8],
    ) -> Result<Vec<ArticleText>, BundleError> {
        if let Chunks::External(c) = &self.chunks {
            let &(len, hash) = c
                .get(chunk)
                .ok_or_else(|| BundleError::Damaged(format!("no text chunk {chunk}")))?;
            if bytes.len() != len as usize || fnv1a(bytes) != hash {
                return Err(BundleError::Damaged(format!(
                    "{} is not the file this page was built with; rebuild or redeploy the page",
                    Bundle::chunk_path(chunk)
                )));
            }
        }
        self.texts(chunk, bytes)
    }

    fn texts(&self, chunk: usize, bytes: &[u8]) -> Result<Vec<ArticleText>, BundleError> {
        let texts: Vec<ArticleText> = postcard::from_bytes(&inflate(bytes)?)
            .map_err(|e| BundleError::Damaged(e.to_string()))?;
        let expected = self
            .index
            .columns
            .len()
            .saturating_sub(chunk * CHUNK_ARTICLES)
            .min(CHUNK_ARTICLES);
        if texts.len() != expected {
            return Err(BundleError::Damaged(format!(
                "text chunk {chunk} holds {} articles, expected {expected}",
                texts.len()
            )));
        }
        Ok(texts)
    }

    /// The text of one article (inline chunks only).
    pub fn article_text(&self, article: usize) -> Result<ArticleText, BundleError> {
        let mut chunk = self.chunk(article / CHUNK_ARTICLES)?;
        let i = article % CHUNK_ARTICLES;
        if i < chunk.len() {
            Ok(chunk.swap_remove(i))
        } else {
            Err(BundleError::Damaged(format!(
                "no text for article {article}"
            )))
        }
    }
}

fn encode_chunks(texts: &[ArticleText]) -> Vec<Vec<u8>> {
    texts
        .chunks(CHUNK_ARTICLES)
        .map(|chunk| {
            deflate(
                &postcard::to_allocvec(chunk).expect("texts serialise"),
                TEXT_LEVEL,
            )
        })
        .collect()
}

fn assemble(index: &IndexPart, chunks: Vec<Vec<u8>>, placement: Placement) -> Encoded {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    match placement {
        Placement::Inline => {
            out.push(0);
            push_block(&mut out, &deflate(&index.to_bytes(), INDEX_LEVEL));
            out.extend_from_slice(&(chunks.len() as u32).to_le_bytes());
            for chunk in &chunks {
                push_block(&mut out, chunk);
            }
            Encoded {
                bundle: out,
                chunks: Vec::new(),
            }
        }
        Placement::External => {
            out.push(1);
            push_block(&mut out, &index.to_bytes());
            out.extend_from_slice(&(chunks.len() as u32).to_le_bytes());
            for chunk in &chunks {
                out.extend_from_slice(&(chunk.len() as u32).to_le_bytes());
                out.extend_from_slice(&fnv1a(chunk).to_le_bytes());
            }
            Encoded {
                bundle: out,
                chunks,
            }
        }
    }
}

/// Turns `Packed`'s pair columns back into actor indices and tone counts, block by block.
struct PairReader<'a> {
    pos: &'a [u8],
    tone: &'a [u8],
    absolute: std::slice::Iter<'a, (u32, u32)>,
    big: std::slice::Iter<'a, [u16; 3]>,
    /// The next pair to read.
    next: usize,
}

impl PairReader<'_> {
    /// Fills the actor and pair offsets and the pairs of a block of articles; `at` is where the
    /// block's first actor list starts.
    #[inline(never)]
    fn block(
        &mut self,
        c: &mut Columns,
        block: std::ops::Range<usize>,
        actor_len: &[u32],
        pair_len: &[u32],
        at: &mut usize,
    ) -> Result<(), String> {
        for i in block {
            let list = &c.actor_list[*at..*at + actor_len[i] as usize];
            *at += list.len();
            c.actor_start.push(*at as u32);
            for k in self.next..self.next + pair_len[i] as usize {
                let (x, y) = (self.pos[2 * k], self.pos[2 * k + 1]);
                let (a, b) = match (list.get(usize::from(x)), list.get(usize::from(y))) {
                    (Some(&a), Some(&b)) if x != ESCAPE => (a, b),
                    _ => *self.absolute.next().ok_or("a pair's actors are missing")?,
                };
                c.pair_a.push(a);
                c.pair_b.push(b);
                let tone = self.tone[k];
                c.pair_tone.push(if tone == ESCAPE {
                    *self.big.next().ok_or("a tone escape without its counts")?
                } else {
                    [
                        u16::from(tone & 3),
                        u16::from(tone >> 2 & 3),
                        u16::from(tone >> 4 & 3),
                    ]
                });
            }
            self.next += pair_len[i] as usize;
            c.pair_start.push(self.next as u32);
        }
        Ok(())
    }
}

/// Length in bytes of the longest common prefix of two strings, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let bytes = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..=bytes)
        .rev()
        .find(|&i| b.is_char_boundary(i))
        .unwrap_or(0)
}

/// FNV-1a, 32 bits: enough to tell a chunk file from another build's.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

fn push_block(out: &mut Vec<u8>, block: &[u8]) {
    out.extend_from_slice(&(block.len() as u32).to_le_bytes());
    out.extend_from_slice(block);
}

/// How hard the index part is deflated: it is small next to the texts, and the seeds' page
/// carries it in its first load.
const INDEX_LEVEL: u8 = 8;
/// How hard the text chunks are deflated. Writing them is most of the time between the last file
/// read and an explorable corpus in the page (one worker does it): for the 57 MB of texts of
/// 10,000 synthetic pages, level 8 took 1.48 s natively for 13.28 MB, level 3 0.65 s for
/// 13.73 MB (+3.4 %), level 1 0.31 s for 22.1 MB. A chunk is fetched when its evidence or
/// article is opened, so a few per cent more bytes cost less than a second more to wait.
const TEXT_LEVEL: u8 = 3;

fn deflate(bytes: &[u8], level: u8) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, level)
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, BundleError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, 1 << 30)
        .map_err(|e| BundleError::Damaged(format!("{e:?}")))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BundleError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| BundleError::Damaged("unexpected end".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, BundleError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    /// Three articles: shared name prefixes, an undated one without outlet, a copy, a pair
    /// naming an actor the article's list lacks, and tone counts too big for one symbol.
    fn part() -> IndexPart {
        let actor = |id: &str| ActorInfo {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Country,
            known: true,
        };
        IndexPart {
            info: BuildInfo {
                files: 3,
                built: "2024-01-01T00:00:00Z".into(),
                corpus_hash: "ab".repeat(32),
            },
            actors: vec![actor("a"), actor("b"), actor("c"), actor("d")],
            outlets: vec![OutletInfo {
                id: "x".into(),
                name: "X".into(),
            }],
            columns: Columns {
                source: vec![
                    "page_001.txt".into(),
                    "page_002.txt".into(),
                    "서울.html".into(),
                ],
                title: vec!["One".into(), String::new(), "세 번째".into()],
                date: vec![20190420, 0, 20230908],
                outlet: vec![0, NONE, 0],
                duplicate_of: vec![NONE, NONE, 0],
                status: vec![Status::Ok, Status::Warning, Status::Ok],
                actor_start: vec![0, 3, 3, 5],
                actor_list: vec![0, 1, 3, 0, 2],
                pair_start: vec![0, 2, 2, 4],
                pair_a: vec![0, 1, 0, 1],
                pair_b: vec![1, 3, 2, 2],
                pair_tone: vec![[1, 0, 0], [0, 9, 300], [0, 0, 1], [2, 2, 2]],
            },
            edges: CorpusEdges::default(),
        }
        .with_edges()
    }

    impl IndexPart {
        fn with_edges(mut self) -> IndexPart {
            self.edges = CorpusEdges::of(&self.columns);
            self
        }
    }

    fn texts(n: usize) -> Vec<ArticleText> {
        (0..n)
            .map(|i| ArticleText {
                language: format!("l{i}"),
                ..ArticleText::default()
            })
            .collect()
    }

    #[test]
    fn index_part_round_trips_through_its_packed_form() {
        let p = part();
        assert_eq!(IndexPart::from_bytes(&p.to_bytes()).unwrap(), p);
        let bytes = Bundle::encode(&p, &texts(3));
        let b = Bundle::decode(&bytes).unwrap();
        assert_eq!(b.index, p);
        assert_eq!(b.article_text(2).unwrap().language, "l2");
    }

    #[test]
    fn large_corpora_keep_texts_outside() {
        let mut p = part();
        let n = EXTERNAL_ARTICLES + 1;
        let c = &mut p.columns;
        c.source = (0..n).map(|i| format!("{i:05}.txt")).collect();
        c.title = vec![String::new(); n];
        c.date = vec![0; n];
        c.outlet = vec![NONE; n];
        c.duplicate_of = vec![NONE; n];
        c.status = vec![Status::Ok; n];
        c.actor_start = vec![0; n + 1];
        c.actor_list.clear();
        c.pair_start = vec![0; n + 1];
        c.pair_a.clear();
        c.pair_b.clear();
        c.pair_tone.clear();
        let out = Bundle::encode_auto(&p, &texts(n));
        assert_eq!(out.chunks.len(), n.div_ceil(CHUNK_ARTICLES));
        let b = Bundle::decode(&out.bundle).unwrap();
        assert!(b.is_external());
        let last = out.chunks.len() - 1;
        let tail = b.decode_chunk(last, &out.chunks[last]).unwrap();
        assert_eq!(tail.len(), n - last * CHUNK_ARTICLES);
        assert!(
            b.decode_chunk(0, &out.chunks[1]).is_err(),
            "another chunk's file"
        );
        assert!(
            Bundle::encode_auto(&part(), &texts(3)).chunks.is_empty(),
            "small: inline"
        );
    }

    #[test]
    fn damaged_bundles_are_errors_not_panics() {
        let bytes = Bundle::encode(&part(), &texts(3));
        for len in 0..bytes.len() {
            assert!(Bundle::decode(&bytes[..len]).is_err(), "truncated to {len}");
        }
        // Flip every bit of the header and index part in turn: an error or a consistent index.
        for at in 0..bytes.len().min(400) {
            for bit in 0..8 {
                let mut bad = bytes.clone();
                bad[at] ^= 1 << bit;
                if let Ok(b) = Bundle::decode(&bad) {
                    let _ = crate::index::Index::build(&b.index);
                }
            }
        }
    }

    #[test]
    fn inconsistent_columns_are_refused() {
        let mut p = part();
        p.columns.actor_list[4] = 9;
        assert!(IndexPart::from_bytes(&p.to_bytes()).is_err());
        let mut p = part();
        p.columns.duplicate_of[1] = 7;
        assert!(IndexPart::from_bytes(&p.to_bytes()).is_err());
    }
}
