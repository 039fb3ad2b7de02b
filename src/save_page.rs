//! "Save as a page": downloads the one-file page (`coverage-explorer.html`, which `xtask`
//! folds from the build) with the shown corpus inside it, and, at start, shows the corpus such
//! a saved page carries. The corpus travels as two inert data blocks before `</body>` (the
//! bundle in base64, the unreadable list as JSON), so the page's wasm, script and policy stay
//! byte for byte those of the build. Owns that embedding only; reading pages is `add_pages`.

use crate::add_pages::Corpora;
use crate::worker::Unreadable;
use js_sys::Array;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The one-file page beside the served page (`xtask/src/onefile.rs` writes it).
const TEMPLATE: &str = "coverage-explorer.html";
const BUNDLE_ID: &str = "saved-corpus";
const UNREADABLE_ID: &str = "saved-unreadable";

/// Shows the corpus this page carries, if it was saved with one; whether it did.
pub fn adopt_embedded(corpora: Corpora) -> bool {
    let Some(document) = window().document() else {
        return false;
    };
    let Some(encoded) = document
        .get_element_by_id(BUNDLE_ID)
        .and_then(|e| e.text_content())
    else {
        return false;
    };
    let unreadable = document
        .get_element_by_id(UNREADABLE_ID)
        .and_then(|e| e.text_content())
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .map(|list| {
            Array::from(&list)
                .iter()
                .map(|pair| {
                    let pair = Array::from(&pair);
                    Unreadable {
                        name: pair.get(0).as_string().unwrap_or_default(),
                        reason: pair.get(1).as_string().unwrap_or_default(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let adopted = from_base64(encoded.trim())
        .ok_or_else(|| "its bundle is not base64".to_string())
        .and_then(|bytes| {
            corpora
                .adopt(Arc::new(bytes), unreadable, Vec::new())
                .map_err(|e| e.to_string())
        });
    if let Err(e) = adopted {
        corpora.problem.set(Some(format!(
            "the corpus saved in this page could not be read ({e})"
        )));
    }
    true
}

/// `html` with the data blocks of `save_page` removed.
pub fn without_corpus(html: &str) -> String {
    let mut out = html.to_string();
    for id in [BUNDLE_ID, UNREADABLE_ID] {
        let marker = format!(" id=\"{id}\">");
        while let Some(at) = out.find(&marker) {
            let start = out[..at].rfind("<script").unwrap_or(at);
            let end = out[at..]
                .find("</script>")
                .map_or(out.len(), |e| at + e + "</script>".len());
            out.replace_range(start..end, "");
        }
    }
    out
}

/// `template` (a one-file page) carrying `bundle` and `unreadable` as its corpus; `None` for
/// the bare template (the built corpus).
pub fn with_corpus(template: &str, corpus: Option<(&[u8], &[Unreadable])>) -> String {
    let mut html = without_corpus(template);
    let Some((bundle, unreadable)) = corpus else {
        return html;
    };
    let list: Array = unreadable
        .iter()
        .map(|u| Array::of2(&u.name.as_str().into(), &u.reason.as_str().into()))
        .collect();
    let json = js_sys::JSON::stringify(&list)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "[]".into())
        // Inside a <script> element: no `<` may start `</script`.
        .replace('<', "\\u003c");
    let blocks = format!(
        "<script type=\"application/octet-stream\" id=\"{BUNDLE_ID}\">{}</script>\
         <script type=\"application/json\" id=\"{UNREADABLE_ID}\">{json}</script>",
        to_base64(bundle)
    );
    let at = html.rfind("</body>").unwrap_or(html.len());
    html.insert_str(at, &blocks);
    html
}

/// The one-file page to save into: this page itself when it is one (rebuilt from its `<head>`,
/// which holds the whole program), else the file beside it.
async fn template() -> Result<String, String> {
    let document = window().document().ok_or("no document")?;
    let served = document
        .query_selector("script[data-js][data-wasm]")
        .ok()
        .flatten()
        .is_some();
    if !served {
        let root = document.document_element().ok_or("no document element")?;
        let head = document.head().ok_or("no <head>")?;
        let lang = root.get_attribute("lang").unwrap_or_else(|| "en".into());
        return Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">{}<body>\n<noscript>This page needs JavaScript and WebAssembly to filter the corpus.</noscript>\n</body></html>\n",
            html_escape::encode_double_quoted_attribute(&lang),
            head.outer_html()
        ));
    }
    let missing = || format!("the one-file page ({TEMPLATE}) is not beside this page");
    let response = JsFuture::from(window().fetch_with_str(TEMPLATE))
        .await
        .map_err(|_| missing())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| missing())?;
    if !response.ok() {
        return Err(missing());
    }
    let text = JsFuture::from(response.text().map_err(|_| missing())?)
        .await
        .map_err(|_| missing())?;
    text.as_string().ok_or_else(missing)
}

/// Offers `html` as a download named `name`.
fn download(html: &str, name: &str) -> Result<(), JsValue> {
    let document = window().document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html");
    let parts = Array::of1(&html.into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link = document
        .create_element("a")?
        .dyn_into::<web_sys::HtmlAnchorElement>()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own copy once started; let it start first.
    let later = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Whether the page was opened from a file, where the reading worker cannot start.
fn from_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// "Save as a page", and, in a page opened from a file, why adding pages is not offered.
#[component]
pub fn SavePage() -> impl IntoView {
    let corpora = expect_context::<Corpora>();
    let saving = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let save = move |_| {
        saving.set(true);
        problem.set(None);
        let added = corpora
            .added
            .get_untracked()
            .filter(|_| corpora.showing_added());
        leptos::task::spawn_local(async move {
            let result = template().await.and_then(|page| {
                let corpus = added
                    .as_ref()
                    .map(|a| (a.bytes.as_slice(), a.unreadable.as_slice()));
                let name = if added.is_some() {
                    "my-coverage-explorer.html"
                } else {
                    TEMPLATE
                };
                download(&with_corpus(&page, corpus), name)
                    .map_err(|e| format!("the browser refused the download ({e:?})"))
            });
            saving.set(false);
            problem.set(result.err());
        });
    };
    view! {
        <button id="save-page" class="button small" disabled=move || saving.get()
            title="Download this explorer with the corpus shown as one HTML file that opens offline"
            on:click=save>
            "Save as a page"
        </button>
        <p id="save-problem" class="reading-error" role="alert" hidden=move || problem.with(Option::is_none)>
            {move || problem.get().map(|p| format!("The page could not be saved: {p}"))}
        </p>
        <p id="file-note" class="add-hint" hidden=!from_file()>
            "Opened from a file: this page shows and saves its corpus, but reading new pages needs the served explorer (browsers start no reading worker from a file)."
        </p>
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Each byte's value in `ALPHABET`, 255 for bytes outside it.
const DECODE: [u8; 256] = {
    let mut table = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Standard base64 with padding (a few lines here weigh less in the wasm than a crate).
fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of standard base64 (padding optional, whitespace ignored); `None` if it is not.
fn from_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut n, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        if c == b'=' {
            break;
        }
        let value = DECODE[c as usize];
        if value == 255 {
            return None;
        }
        let value = u32::from(value);
        n = n << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length_and_byte() {
        assert_eq!(to_base64(b"Man"), "TWFu");
        assert_eq!(to_base64(b"Ma"), "TWE=");
        assert_eq!(to_base64(b"M"), "TQ==");
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            assert_eq!(
                from_base64(&to_base64(&all[..len])).as_deref(),
                Some(&all[..len])
            );
        }
        assert_eq!(from_base64("TW*u"), None);
    }

    #[test]
    fn corpus_blocks_are_found_and_removed() {
        let page = "<html><head></head><body><p>x</p><script type=\"application/octet-stream\" id=\"saved-corpus\">QUJD</script><script type=\"application/json\" id=\"saved-unreadable\">[]</script></body></html>";
        assert_eq!(
            without_corpus(page),
            "<html><head></head><body><p>x</p></body></html>"
        );
    }
}
