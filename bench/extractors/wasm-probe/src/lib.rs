//! One extractor (chosen by a cargo feature) behind two plain exports, so a wasm32 build shows
//! whether the crate builds there and how many bytes it adds. No wasm-bindgen: the host writes a
//! page into memory from `alloc` and calls `run`, which returns the length of what came out.

// Which code is live depends on the one feature chosen.
#![allow(unused_mut, unused_variables, dead_code)]

#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Reads the page at `ptr..ptr+len` (UTF-8) and returns how many bytes of text and title came out.
///
/// # Safety
/// `ptr` must come from `alloc(len)` and hold `len` bytes the host wrote.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn run(ptr: *mut u8, len: usize) -> usize {
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let html = String::from_utf8_lossy(&bytes);
    probe(&html)
}

const URL: &str = "http://fakehost/test/page.html";

fn probe(html: &str) -> usize {
    let mut n = 0usize;
    #[cfg(feature = "scraper-parse")]
    {
        let doc = scraper::Html::parse_document(html);
        n += doc.tree.nodes().count();
    }
    #[cfg(feature = "engine-html")]
    {
        n += engine::html::extract(html).text.len();
    }
    #[cfg(feature = "engine-read")]
    {
        let k = engine::Knowledge::from_sources("", "", "").unwrap();
        let a = k.read_article("page.html", html.as_bytes());
        n += a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>();
    }
    #[cfg(feature = "dom_smoothie")]
    {
        if let Ok(mut r) = dom_smoothie::Readability::new(html, Some(URL), None) {
            if let Ok(a) = r.parse() {
                n += a.content.len() + a.title.len();
            }
        }
    }
    #[cfg(feature = "readabilityrs")]
    {
        if let Ok(r) = readabilityrs::Readability::new(html, Some(URL), None) {
            if let Some(a) = r.parse() {
                n += a.content.unwrap_or_default().len();
            }
        }
    }
    #[cfg(feature = "legible")]
    {
        if let Ok(a) = legible::parse(html, Some(URL), None) {
            n += a.content.len();
        }
    }
    #[cfg(feature = "libreadability")]
    {
        if let Ok(a) = libreadability::extract(html, Some(URL)) {
            n += a.content.len();
        }
    }
    #[cfg(feature = "readability-rust")]
    {
        if let Ok(mut r) = readability_rust::Readability::new_with_base_uri(html, URL, None) {
            if let Some(a) = r.parse() {
                n += a.content.unwrap_or_default().len();
            }
        }
    }
    #[cfg(feature = "readability")]
    {
        let url = url::Url::parse(URL).unwrap();
        if let Ok(p) = readability::extractor::extract(&mut html.as_bytes(), &url) {
            n += p.content.len();
        }
    }
    #[cfg(feature = "readability-rs")]
    {
        let url = url::Url::parse(URL).unwrap();
        if let Ok(p) = readability_quambene::extract(
            &mut html.as_bytes(),
            &url,
            readability_quambene::ExtractOptions::default(),
        ) {
            n += p.content.len();
        }
    }
    #[cfg(feature = "llm_readability")]
    {
        let url = url::Url::parse(URL).unwrap();
        if let Ok(p) = llm_readability::extractor::extract(&mut html.as_bytes(), &url) {
            n += p.content.len();
        }
    }
    #[cfg(feature = "article-extractor")]
    {
        let url = url::Url::parse(URL).unwrap();
        let parser = article_extractor::FullTextParser::new(None);
        if let Ok(a) = parser.parse_offline(vec![html.to_string()], None, Some(url)) {
            n += a.html.unwrap_or_default().len();
        }
    }
    #[cfg(feature = "trafilatura")]
    {
        if let Ok(r) = trafilatura::extract(html, &trafilatura::Options::default()) {
            n += r.content_html.len();
        }
    }
    #[cfg(feature = "rs-trafilatura")]
    {
        if let Ok(r) = rs_trafilatura::extract(html) {
            n += r.content_text.len();
        }
    }
    #[cfg(feature = "htmldate-rs")]
    {
        n += htmldate_rs::find_date(html, &htmldate_rs::DateOptions::default())
            .map_or(0, |d| d.len());
    }
    #[cfg(feature = "article-date-extractor")]
    {
        n += article_date_extractor::extract_date::extract_article_published_date(URL, html)
            .map_or(0, |d| d.to_string().len());
    }
    n
}
