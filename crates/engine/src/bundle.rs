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

use crate::model::{ActorKind, Origin, Paragraph, Removed, Status, Tone};
use serde::{Deserialize, Serialize};
use thiserror::Error;

const MAGIC: &[u8; 4] = b"CVXB";
const VERSION: u32 = 1;
/// Articles per text chunk: small enough that opening one article inflates little.
pub const CHUNK_ARTICLES: usize = 64;
/// "No value" in the index columns.
pub const NONE: u32 = u32::MAX;

/// Why bundle bytes could not be decoded.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BundleError {
    #[error("not a coverage bundle (bad magic bytes)")]
    Magic,
    #[error("bundle version {0} is not supported by this page (expected {VERSION}); rebuild the page")]
    Version(u32),
    #[error("the bundle is truncated or damaged: {0}")]
    Damaged(String),
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

/// The part of the bundle decoded at start-up.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct IndexPart {
    pub info: BuildInfo,
    pub actors: Vec<ActorInfo>,
    pub outlets: Vec<OutletInfo>,
    pub columns: Columns,
}

/// An evidence sentence inside an article's text record.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct EvidenceText {
    pub a: u32,
    pub b: u32,
    pub tone: Tone,
    pub sentence: String,
    pub cue: Option<(u32, u32)>,
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

/// A decoded bundle: the index part, and text chunks still compressed.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub index: IndexPart,
    chunks: Vec<Vec<u8>>,
}

impl Bundle {
    /// Encodes an index part and the article texts (in article order).
    pub fn encode(index: &IndexPart, texts: &[ArticleText]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let index_bytes = deflate(&postcard::to_allocvec(index).expect("index serialises"));
        push_block(&mut out, &index_bytes);
        let chunks: Vec<&[ArticleText]> = texts.chunks(CHUNK_ARTICLES).collect();
        out.extend_from_slice(&(chunks.len() as u32).to_le_bytes());
        for chunk in chunks {
            push_block(&mut out, &deflate(&postcard::to_allocvec(chunk).expect("texts serialise")));
        }
        out
    }

    /// Decodes the index part; text chunks stay compressed until asked for.
    ///
    /// ```
    /// use engine::bundle::{Bundle, IndexPart};
    /// let bytes = Bundle::encode(&IndexPart::default(), &[]);
    /// assert_eq!(Bundle::decode(&bytes).unwrap().index, IndexPart::default());
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
        let index_len = r.u32()? as usize;
        let index_bytes = inflate(r.take(index_len)?)?;
        let index: IndexPart = postcard::from_bytes(&index_bytes).map_err(|e| BundleError::Damaged(e.to_string()))?;
        let count = r.u32()? as usize;
        let mut chunks = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let len = r.u32()? as usize;
            chunks.push(r.take(len)?.to_vec());
        }
        if chunks.len() != index.columns.len().div_ceil(CHUNK_ARTICLES) {
            return Err(BundleError::Damaged("text chunks do not match the article count".into()));
        }
        Ok(Bundle { index, chunks })
    }

    /// Number of text chunks.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// Inflates one text chunk: the texts of articles `chunk * CHUNK_ARTICLES ..`.
    pub fn chunk(&self, chunk: usize) -> Result<Vec<ArticleText>, BundleError> {
        let bytes = self.chunks.get(chunk).ok_or_else(|| BundleError::Damaged(format!("no text chunk {chunk}")))?;
        postcard::from_bytes(&inflate(bytes)?).map_err(|e| BundleError::Damaged(e.to_string()))
    }

    /// The text of one article.
    pub fn article_text(&self, article: usize) -> Result<ArticleText, BundleError> {
        let mut chunk = self.chunk(article / CHUNK_ARTICLES)?;
        let i = article % CHUNK_ARTICLES;
        if i < chunk.len() { Ok(chunk.swap_remove(i)) } else { Err(BundleError::Damaged(format!("no text for article {article}"))) }
    }
}

fn push_block(out: &mut Vec<u8>, block: &[u8]) {
    out.extend_from_slice(&(block.len() as u32).to_le_bytes());
    out.extend_from_slice(block);
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 8)
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, BundleError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, 1 << 30).map_err(|e| BundleError::Damaged(format!("{e:?}")))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BundleError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| BundleError::Damaged("unexpected end".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, BundleError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(feature = "ingest")]
mod build {
    use super::*;
    use crate::model::Day;
    use crate::outlets::Profiles;
    use crate::report::Corpus;
    use sha2::{Digest, Sha256};
    use std::collections::{BTreeMap, HashMap};

    /// SHA-256 (hex) of the corpus inputs, fed in the order given.
    pub fn corpus_hash<'a>(inputs: impl IntoIterator<Item = &'a [u8]>) -> String {
        let mut hasher = Sha256::new();
        for bytes in inputs {
            hasher.update(bytes);
        }
        hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn packed(day: Option<Day>) -> u32 {
        day.map_or(0, |d| d.year as u32 * 10_000 + d.month as u32 * 100 + d.day as u32)
    }

    /// Builds the bundle bytes from an assembled corpus.
    pub fn build(corpus: &Corpus, profiles: &Profiles, info: BuildInfo) -> Vec<u8> {
        let (index, texts) = parts(corpus, profiles, info);
        Bundle::encode(&index, &texts)
    }

    /// The index part and the article texts of a corpus.
    pub fn parts(corpus: &Corpus, profiles: &Profiles, info: BuildInfo) -> (IndexPart, Vec<ArticleText>) {
        // Actors: dictionary order is not known here, so order by id for a stable bundle.
        let mut actor_map: BTreeMap<&str, ActorInfo> = BTreeMap::new();
        for a in corpus.articles.iter().flat_map(|a| &a.actors) {
            actor_map.entry(&a.id).or_insert_with(|| ActorInfo { id: a.id.clone(), name: a.name.clone(), kind: a.kind, known: a.known });
        }
        let actor_index: HashMap<&str, u32> = actor_map.keys().enumerate().map(|(i, id)| (*id, i as u32)).collect();
        let mut outlet_map: BTreeMap<String, String> = BTreeMap::new();
        for name in corpus.articles.iter().filter_map(|a| a.outlet.as_ref()) {
            let id = profiles.lookup(name).map_or_else(|| crate::names::slug(name), |o| profiles.outlets[o].id.clone());
            outlet_map.insert(id, name.clone());
        }
        let outlet_index: HashMap<&str, u32> = outlet_map.values().enumerate().map(|(i, n)| (n.as_str(), i as u32)).collect();
        let source_index: HashMap<&str, u32> =
            corpus.articles.iter().enumerate().map(|(i, a)| (a.source.as_str(), i as u32)).collect();

        let mut cols = Columns::default();
        let mut texts = Vec::with_capacity(corpus.articles.len());
        cols.actor_start.push(0);
        cols.pair_start.push(0);
        for a in &corpus.articles {
            cols.source.push(a.source.clone());
            cols.title.push(a.title.clone().unwrap_or_default());
            cols.date.push(packed(a.date));
            cols.outlet.push(a.outlet.as_deref().and_then(|o| outlet_index.get(o).copied()).unwrap_or(NONE));
            cols.duplicate_of.push(a.duplicate_of.as_deref().and_then(|d| source_index.get(d).copied()).unwrap_or(NONE));
            cols.status.push(a.status);
            let local: Vec<u32> = a.actors.iter().map(|x| actor_index[x.id.as_str()]).collect();
            let mut ids = local.clone();
            ids.sort_unstable();
            cols.actor_list.extend(&ids);
            cols.actor_start.push(cols.actor_list.len() as u32);
            let mut pairs: BTreeMap<(u32, u32), [u16; 3]> = BTreeMap::new();
            let mut evidence = Vec::with_capacity(a.evidence.len());
            for e in &a.evidence {
                let (x, y) = (actor_index[e.a.as_str()], actor_index[e.b.as_str()]);
                let key = (x.min(y), x.max(y));
                let slot = match e.tone {
                    Tone::Cooperation => 0,
                    Tone::Conflict => 1,
                    Tone::Neutral => 2,
                };
                let counts = pairs.entry(key).or_default();
                counts[slot] = counts[slot].saturating_add(1);
                evidence.push(EvidenceText { a: key.0, b: key.1, tone: e.tone, sentence: e.sentence.clone(), cue: e.cue_span });
            }
            for ((x, y), tone) in pairs {
                cols.pair_a.push(x);
                cols.pair_b.push(y);
                cols.pair_tone.push(tone);
            }
            cols.pair_start.push(cols.pair_a.len() as u32);
            texts.push(ArticleText {
                byline: a.byline.clone(),
                url: a.url.clone(),
                language: a.language.clone(),
                outlet_origin: a.outlet_origin,
                date_origin: a.date_origin,
                title_origin: a.title_origin,
                messages: a.messages.clone(),
                paragraphs: a.paragraphs.clone(),
                removed: a.removed.clone(),
                mentions: a
                    .mentions
                    .iter()
                    .map(|m| MentionRef { paragraph: m.paragraph, start: m.start, end: m.end, actor: local[m.actor as usize] })
                    .collect(),
                evidence,
            });
        }
        let index = IndexPart {
            info,
            actors: actor_map.into_values().collect(),
            outlets: outlet_map.into_iter().map(|(id, name)| OutletInfo { id, name }).collect(),
            columns: cols,
        };
        (index, texts)
    }
}

#[cfg(feature = "ingest")]
pub use build::{build, corpus_hash, parts};
