//! The corpus as the page holds it: the decoded bundle, its facet index, lookups by id, and a
//! small cache of inflated text chunks. Built once at start-up and shared read-only.
//!
//! A large corpus's text chunks are not in the wasm but files beside the page (`chunks/`): the
//! first view that asks for an article's text gets `None` and starts the fetch; when the file
//! arrives a trigger that `text` tracks makes that view run again.

use crate::state::ViewState;
use coverage_core::bundle::{ActorInfo, ArticleText, Bundle, BundleError, CHUNK_ARTICLES, Columns};
use coverage_core::index::{Index, Selection, sort_pairs};
use leptos::prelude::{ArcTrigger, Notify, Track};
use roaring::RoaringBitmap;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

/// The bundle built from `corpus/` by `build.rs`.
static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// How many inflated text chunks stay in memory.
const CACHED_CHUNKS: usize = 16;
/// How many fetched (still compressed) chunk files stay in memory: enough for an edge's first
/// page of evidence, which may come from as many chunks as it has sentences.
const FETCHED_CHUNKS: usize = 256;
/// Chunk files fetched at once; views ask again for the rest when these arrive.
const PARALLEL_FETCHES: usize = 6;

/// Chunk files: fetched bytes, in arrival order, and what is on its way or failed.
#[derive(Default)]
struct Fetched {
    ready: HashMap<usize, Arc<Vec<u8>>>,
    order: VecDeque<usize>,
    pending: Vec<usize>,
    failed: HashMap<usize, String>,
}

/// The decoded corpus and its index.
pub struct Explorer {
    pub bundle: Bundle,
    pub index: Index,
    actor_by_id: HashMap<String, u32>,
    outlet_by_id: HashMap<String, u32>,
    source_by_name: HashMap<String, u32>,
    /// Actor indices by total article count, most first (a stable order for the facet).
    pub actors_by_count: Vec<u32>,
    /// Each actor's place in `actors_by_count`.
    actor_rank: Vec<u32>,
    /// Outlet indices by total article count, most first.
    pub outlets_by_count: Vec<u32>,
    /// Every article, newest first (undated last, ties in corpus order): the list's order,
    /// sorted once so that a filter change only has to pick the matches out of it.
    newest_first: Vec<u32>,
    /// Each article's place in `newest_first`.
    rank: Vec<u32>,
    /// The copies of each article (the articles marked `duplicate_of` it), earliest first:
    /// article `i`'s are `copy_list[copy_start[i]..copy_start[i + 1]]`.
    copy_start: Vec<u32>,
    copy_list: Vec<u32>,
    chunks: Mutex<Vec<(usize, Arc<Vec<ArticleText>>)>>,
    fetched: Mutex<Fetched>,
    /// Notified when a chunk file arrives (or fails), so views waiting for a text run again.
    arrived: ArcTrigger,
}

impl Explorer {
    /// Decodes bundle bytes and builds the index.
    pub fn from_bytes(bytes: &[u8]) -> Result<Explorer, BundleError> {
        let bundle = Bundle::decode(bytes)?;
        let index = Index::build(&bundle.index);
        let part = &bundle.index;
        let actor_by_id = part
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        let outlet_by_id = part
            .outlets
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i as u32))
            .collect();
        let source_by_name = part
            .columns
            .source
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();
        let mut actors_by_count: Vec<u32> = (0..part.actors.len() as u32).collect();
        sort_ids_by_key(&mut actors_by_count, |a| {
            descending(index.actor_sets[a as usize].len())
        });
        let mut actor_rank = vec![0u32; actors_by_count.len()];
        for (r, &a) in actors_by_count.iter().enumerate() {
            actor_rank[a as usize] = r as u32;
        }
        let mut outlet_totals = vec![0u32; part.outlets.len()];
        for &o in &part.columns.outlet {
            if let Some(t) = outlet_totals.get_mut(o as usize) {
                *t += 1;
            }
        }
        let mut outlets_by_count: Vec<u32> = (0..part.outlets.len() as u32).collect();
        sort_ids_by_key(&mut outlets_by_count, |o| {
            descending(u64::from(outlet_totals[o as usize]))
        });
        let dates = &part.columns.date;
        let mut newest_first: Vec<u32> = (0..dates.len() as u32).collect();
        // Undated is 0, so it sorts last.
        sort_ids_by_key(&mut newest_first, |i| {
            descending(u64::from(dates[i as usize]))
        });
        let mut rank = vec![0u32; newest_first.len()];
        for (r, &i) in newest_first.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let (copy_start, copy_list) = copies_by_original(&part.columns);
        Ok(Explorer {
            bundle,
            index,
            actor_by_id,
            outlet_by_id,
            source_by_name,
            actors_by_count,
            actor_rank,
            outlets_by_count,
            newest_first,
            rank,
            copy_start,
            copy_list,
            chunks: Mutex::new(Vec::new()),
            fetched: Mutex::new(Fetched::default()),
            arrived: ArcTrigger::new(),
        })
    }

    /// An article's actors, the most-named in the corpus first (the bundle keeps them in index
    /// order, which reads as alphabetical noise in a row of chips).
    pub fn actors_by_prominence(&self, article: u32) -> Vec<u32> {
        let mut list = self.cols().actors(article as usize).to_vec();
        sort_ids_by_key(&mut list, |a| {
            u64::from(self.actor_rank.get(a as usize).copied().unwrap_or(u32::MAX))
        });
        list
    }

    /// The copies of an article: the articles marked as repeating it, earliest first.
    pub fn copies(&self, article: u32) -> &[u32] {
        let i = article as usize;
        match (self.copy_start.get(i), self.copy_start.get(i + 1)) {
            (Some(&s), Some(&e)) => &self.copy_list[s as usize..e as usize],
            _ => &[],
        }
    }

    /// The article an article repeats, if it is a copy.
    pub fn original(&self, article: u32) -> Option<u32> {
        let cols = self.cols();
        let d = *cols.duplicate_of.get(article as usize)?;
        (d != coverage_core::bundle::NONE && (d as usize) < cols.len()).then_some(d)
    }

    /// "OUTLET (DATE)" for an article, as the copy notes name it.
    pub fn printed_as(&self, article: u32) -> String {
        format!(
            "{} ({})",
            self.outlet_name(article).unwrap_or("outlet not known"),
            self.cols()
                .date_text(article as usize)
                .unwrap_or_else(|| "no date".into())
        )
    }

    /// "also printed by OUTLET (DATE), OUTLET (DATE)" for an article with copies.
    pub fn also_printed_by(&self, article: u32) -> Option<String> {
        let copies = self.copies(article);
        (!copies.is_empty()).then(|| {
            also_printed_by(
                &copies
                    .iter()
                    .map(|&c| self.printed_as(c))
                    .collect::<Vec<_>>(),
            )
        })
    }

    /// Puts articles in the list's order, newest first (by their precomputed rank).
    pub fn sort_newest_first(&self, list: &mut [u32]) {
        sort_ids_by_key(list, |i| {
            u64::from(self.rank.get(i as usize).copied().unwrap_or(u32::MAX))
        });
    }

    /// The matching articles newest first (undated last). A few matches are sorted by their
    /// rank; many are picked out of the presorted order through a dense bitset, which is
    /// linear in the corpus and needs no sort.
    pub fn newest_first(&self, matches: &RoaringBitmap) -> Vec<u32> {
        let n = self.newest_first.len();
        let m = matches.len() as usize;
        if m >= n {
            return self.newest_first.clone();
        }
        if m * 16 < n {
            let mut list: Vec<u32> = matches.iter().collect();
            self.sort_newest_first(&mut list);
            return list;
        }
        let mut dense = vec![0u64; n.div_ceil(64)];
        for i in matches {
            if let Some(word) = dense.get_mut(i as usize / 64) {
                *word |= 1 << (i % 64);
            }
        }
        let mut list = Vec::with_capacity(m);
        list.extend(
            self.newest_first
                .iter()
                .copied()
                .filter(|&i| dense[i as usize / 64] & (1 << (i % 64)) != 0),
        );
        list
    }

    pub fn cols(&self) -> &Columns {
        &self.bundle.index.columns
    }

    pub fn actor(&self, i: u32) -> &ActorInfo {
        &self.bundle.index.actors[i as usize]
    }

    pub fn actor_index(&self, id: &str) -> Option<u32> {
        self.actor_by_id.get(id).copied()
    }

    pub fn outlet_index(&self, id: &str) -> Option<u32> {
        self.outlet_by_id.get(id).copied()
    }

    pub fn article_index(&self, source: &str) -> Option<u32> {
        self.source_by_name.get(source).copied()
    }

    /// Whether some articles have no known outlet (then "outlet not known" is a facet value).
    pub fn index_has_unknown_outlet(&self) -> bool {
        self.cols().outlet.contains(&coverage_core::bundle::NONE)
    }

    pub fn outlet_name(&self, article: u32) -> Option<&str> {
        let o = self.cols().outlet[article as usize];
        self.bundle
            .index
            .outlets
            .get(o as usize)
            .map(|o| o.name.as_str())
    }

    /// The text of an article, inflating its chunk if it is not cached. For a corpus whose
    /// chunks are files, `None` until the file has arrived (the fetch starts here); read inside
    /// a reactive view, the view runs again then.
    pub fn text(&self, article: u32) -> Option<ArticleText> {
        let chunk = article as usize / CHUNK_ARTICLES;
        let offset = article as usize % CHUNK_ARTICLES;
        if let Some(texts) = self.cached(chunk) {
            return texts.get(offset).cloned();
        }
        let texts = if self.bundle.is_external() {
            self.arrived.track();
            let bytes = self.fetched_bytes(chunk)?;
            self.bundle.decode_chunk(chunk, &bytes)
        } else {
            self.bundle.chunk(chunk)
        };
        let texts = match texts {
            Ok(texts) => Arc::new(texts),
            Err(e) => {
                leptos::logging::error!("text of article {article}: {e}");
                return None;
            }
        };
        let text = texts.get(offset).cloned();
        let mut cache = self.chunks.lock().ok()?;
        cache.push((chunk, texts));
        if cache.len() > CACHED_CHUNKS {
            cache.remove(0);
        }
        text
    }

    /// Why an article's text cannot be shown, once fetching its chunk file has failed: a
    /// sentence for the reader, with what to do about it. `None` while it may still arrive.
    pub fn text_problem(&self, article: u32) -> Option<String> {
        let chunk = article as usize / CHUNK_ARTICLES;
        let f = self.fetched.lock().ok()?;
        let error = f.failed.get(&chunk)?;
        let file = Bundle::chunk_path(chunk);
        Some(if opened_from_file() {
            format!(
                "This corpus keeps its texts in files beside the page ({file}, …), and a page \
                 opened from a file cannot read them. Open the served page instead (cargo xtask \
                 serve, any static web server, or GitHub Pages). Filters, counts and the map \
                 work here all the same."
            )
        } else {
            format!(
                "The text could not be loaded ({file}: {error}). Filters, counts and the map \
                 still work; texts opened once while online stay available offline."
            )
        })
    }

    /// An inflated chunk from the cache, marked as most recently used.
    fn cached(&self, chunk: usize) -> Option<Arc<Vec<ArticleText>>> {
        let mut cache = self.chunks.lock().ok()?;
        let pos = cache.iter().position(|(c, _)| *c == chunk)?;
        let entry = cache.remove(pos);
        let texts = Arc::clone(&entry.1);
        cache.push(entry);
        Some(texts)
    }

    /// The bytes of a chunk file if they have arrived; otherwise starts fetching it (a few at a
    /// time) and returns `None`.
    fn fetched_bytes(&self, chunk: usize) -> Option<Arc<Vec<u8>>> {
        let mut f = self.fetched.lock().ok()?;
        if let Some(bytes) = f.ready.get(&chunk) {
            return Some(Arc::clone(bytes));
        }
        if f.failed.contains_key(&chunk)
            || f.pending.contains(&chunk)
            || f.pending.len() >= PARALLEL_FETCHES
            || chunk >= self.bundle.chunk_count()
        {
            return None;
        }
        f.pending.push(chunk);
        drop(f);
        fetch_chunk(chunk);
        None
    }

    /// Files a fetched chunk (or its failure) and wakes the views waiting for it.
    fn chunk_arrived(&self, chunk: usize, result: Result<Vec<u8>, String>) {
        if let Ok(mut f) = self.fetched.lock() {
            f.pending.retain(|&c| c != chunk);
            match result {
                Ok(bytes) => {
                    f.ready.insert(chunk, Arc::new(bytes));
                    f.order.push_back(chunk);
                    if f.order.len() > FETCHED_CHUNKS
                        && let Some(old) = f.order.pop_front()
                    {
                        f.ready.remove(&old);
                    }
                }
                Err(e) => {
                    leptos::logging::error!("cannot fetch {}: {e}", Bundle::chunk_path(chunk));
                    f.failed.insert(chunk, e);
                }
            }
        }
        self.arrived.notify();
    }

    /// The engine selection for a view state, and a notice for each value this corpus lacks.
    pub fn resolve(&self, state: &ViewState) -> (Selection, Vec<String>) {
        let mut notices = Vec::new();
        let mut sel = Selection {
            mode: state.mode,
            ..Selection::default()
        };
        for id in &state.actors {
            match self.actor_index(id) {
                Some(a) => sel.actors.push(a),
                None => notices.push(format!(
                    "No actor “{id}” in this corpus; that filter was ignored."
                )),
            }
        }
        for year in &state.years {
            if self.index.year_slot(*year).is_some() {
                sel.years.push(*year);
            } else {
                let label = year.map_or_else(|| "no date".to_string(), |y| y.to_string());
                notices.push(format!(
                    "No articles from {label} in this corpus; that filter was ignored."
                ));
            }
        }
        for outlet in &state.outlets {
            match outlet {
                None => sel.outlets.push(None),
                Some(id) => match self.outlet_index(id) {
                    Some(o) => sel.outlets.push(Some(o)),
                    None => notices.push(format!(
                        "No outlet “{id}” in this corpus; that filter was ignored."
                    )),
                },
            }
        }
        if let Some(a) = &state.article
            && self.article_index(a).is_none()
        {
            notices.push(format!("No article “{a}” in this corpus."));
        }
        if let Some((a, b)) = &state.edge
            && (self.actor_index(a).is_none() || self.actor_index(b).is_none())
        {
            notices.push(
                "The link's map edge names an actor this corpus lacks; it was ignored.".to_string(),
            );
        }
        (sel, notices)
    }
}

/// Copies named in an "also printed by" line; more are counted.
const COPIES_NAMED: usize = 5;

/// "also printed by A, B, C and 4 more".
pub fn also_printed_by(printers: &[String]) -> String {
    let named = printers.len().min(COPIES_NAMED);
    let mut line = format!("also printed by {}", printers[..named].join(", "));
    if printers.len() > named {
        line.push_str(&format!(" and {} more", printers.len() - named));
    }
    line
}

/// Each original's copies, earliest first (undated last), as offsets and one list: built once
/// at start-up, in two passes over the `duplicate_of` column.
fn copies_by_original(cols: &Columns) -> (Vec<u32>, Vec<u32>) {
    let n = cols.duplicate_of.len();
    let original =
        |d: u32| (d != coverage_core::bundle::NONE && (d as usize) < n).then_some(d as usize);
    let mut start = vec![0u32; n + 1];
    for &d in &cols.duplicate_of {
        if let Some(o) = original(d) {
            start[o + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut list = vec![0u32; start[n] as usize];
    for (i, &d) in cols.duplicate_of.iter().enumerate() {
        if let Some(o) = original(d) {
            list[next[o] as usize] = i as u32;
            next[o] += 1;
        }
    }
    for o in 0..n {
        let copies = &mut list[start[o] as usize..start[o + 1] as usize];
        if copies.len() > 1 {
            let date = |c: u32| cols.date.get(c as usize).copied().unwrap_or(0);
            sort_ids_by_key(copies, |c| {
                (u64::from(date(c) == 0) << 32) | u64::from(date(c))
            });
        }
    }
    (start, list)
}

/// Whether the page was opened as a file (`file://`), where nothing beside it can be fetched.
fn opened_from_file() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p == "file:")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Fetches `chunks/NNNNN.bin` beside the page and hands it to the explorer.
#[cfg(target_arch = "wasm32")]
fn fetch_chunk(chunk: usize) {
    leptos::task::spawn_local(async move {
        let result = fetch_bytes(&Bundle::chunk_path(chunk)).await;
        if let Ok(ex) = explorer() {
            ex.chunk_arrived(chunk, result);
        }
    });
}

/// Natively (the app's unit tests) there is no page to fetch from.
#[cfg(not(target_arch = "wasm32"))]
fn fetch_chunk(chunk: usize) {
    if let Ok(ex) = explorer() {
        ex.chunk_arrived(chunk, Err("no network outside the browser".into()));
    }
}

#[cfg(target_arch = "wasm32")]
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let shown = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(shown)?
        .dyn_into()
        .map_err(|_| "the fetch gave no response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(shown)?)
        .await
        .map_err(shown)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of the bundle built into the page.
pub fn built_bytes() -> &'static [u8] {
    BUNDLE_BYTES
}

static EXPLORER: OnceLock<Result<Explorer, String>> = OnceLock::new();

/// The page's corpus, decoded on first use.
pub fn explorer() -> Result<&'static Explorer, &'static str> {
    EXPLORER
        .get_or_init(|| Explorer::from_bytes(BUNDLE_BYTES).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}

/// Sorts ids by a key, ties by id (so the order never depends on the sort's stability). The
/// keys are computed once and the (key, id) pairs sorted by the engine's one non-generic sort:
/// every list of the page and the index shares one compiled sort instead of one per key (each
/// is several KB of wasm).
pub fn sort_ids_by_key(list: &mut [u32], key: impl Fn(u32) -> u64) {
    let mut keyed: Vec<(u64, u32)> = list.iter().map(|&i| (key(i), i)).collect();
    sort_pairs(&mut keyed);
    for (slot, (_, id)) in list.iter_mut().zip(keyed) {
        *slot = id;
    }
}

/// A key that sorts larger values first.
fn descending(value: u64) -> u64 {
    u64::MAX - value
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverage_core::bundle::NONE;

    #[test]
    fn copies_are_listed_under_their_original_earliest_first() {
        let cols = Columns {
            duplicate_of: vec![NONE, 0, NONE, 0, 2, 0],
            date: vec![20240619, 20240621, 20240101, 20240620, 0, 0],
            ..Columns::default()
        };
        let (start, list) = copies_by_original(&cols);
        let of = |o: usize| &list[start[o] as usize..start[o + 1] as usize];
        assert_eq!(of(0), [3, 1, 5]);
        assert_eq!(of(2), [4]);
        assert!(of(1).is_empty() && of(5).is_empty());
    }

    #[test]
    fn many_copies_are_counted_past_the_named_ones() {
        let printers: Vec<String> = (1..=7)
            .map(|i| format!("Outlet {i} (2024-06-19)"))
            .collect();
        assert_eq!(
            also_printed_by(&printers[..2]),
            "also printed by Outlet 1 (2024-06-19), Outlet 2 (2024-06-19)"
        );
        assert!(also_printed_by(&printers).ends_with("Outlet 5 (2024-06-19) and 2 more"));
    }

    #[test]
    fn ids_sort_by_key_and_then_by_id() {
        let mut ids = vec![4, 1, 3, 0, 2];
        let key = [7u64, 5, 7, 5, 9];
        sort_ids_by_key(&mut ids, |i| key[i as usize]);
        assert_eq!(ids, [1, 3, 0, 2, 4]);
        sort_ids_by_key(&mut ids, |i| descending(key[i as usize]));
        assert_eq!(ids, [4, 0, 2, 1, 3]);
    }
}
