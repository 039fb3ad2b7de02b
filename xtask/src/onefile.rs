//! The one-file page: folds the Trunk build in `dist/` into `dist/coverage-explorer.html`, one
//! HTML file that opens from `file://` with no network. The stylesheet becomes a `<style>`, the
//! start script becomes one inline module holding the wasm-bindgen glue and the wasm in base64
//! (started with `initSync`), and the Content-Security-Policy allows exactly those two inline
//! elements by their SHA-256. Pure string work on the files Trunk wrote: it knows the few tags
//! Trunk emits in `<head>`, not HTML at large, and refuses a page that would still load a file.

use crate::Result;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "coverage-explorer.html";

/// Chromium refuses to compile a larger wasm synchronously on the main thread; past this size
/// the page starts with the asynchronous init instead of `initSync`.
const SYNC_COMPILE_LIMIT: usize = 8 * 1024 * 1024;

/// Writes `dist/coverage-explorer.html` from `dist/index.html` and the files it names.
pub fn write(dist: &Path) -> Result<PathBuf> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let html = fold(&index, |name| {
        let path = dist.join(name.trim_start_matches("./"));
        std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    })
    .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let out = dist.join(FILE_NAME);
    std::fs::write(&out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(out)
}

/// The one-file page for a Trunk `index.html`; `read` gives the bytes of a file it names.
fn fold(index: &str, read: impl Fn(&str) -> Result<Vec<u8>>) -> Result<String> {
    let read_text = |name: &str| {
        let bytes = read(name)?;
        String::from_utf8(bytes)
            .map(|text| text.replace("\r\n", "\n").replace('\r', "\n"))
            .map_err(|_| format!("{name} is not UTF-8"))
    };
    let mut out = String::with_capacity(index.len());
    let mut csp: Option<(usize, String)> = None;
    let (mut script_hashes, mut style_hashes) = (Vec::new(), Vec::new());
    let mut rest = index;
    while let Some(tag) = next_tag(rest)? {
        out.push_str(&rest[..tag.start]);
        let attr = |name: &str| tag.attr(name);
        let rel = attr("rel").unwrap_or_default().to_ascii_lowercase();
        match tag.name.as_str() {
            "meta"
                if attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) =>
            {
                // Written last, once the hashes of the inline elements are known.
                csp = Some((out.len(), attr("content").unwrap_or_default().to_string()));
            }
            "link" if rel == "stylesheet" => {
                let href = attr("href").ok_or("a stylesheet link without href")?;
                let css = read_text(href)?;
                if css.to_ascii_lowercase().contains("</style") {
                    return Err(format!("{href} contains `</style`; it cannot be inlined"));
                }
                style_hashes.push(csp_hash(&css));
                out.push_str(&format!("<style>{css}</style>"));
            }
            // Preloads of files that are inlined now, and the manifest (an installed app is
            // the served page's business; from a file it is only an error in the console).
            "link" if rel.split_whitespace().any(|r| r.ends_with("preload")) => {}
            "link" if rel == "manifest" => {}
            "link" if rel.split_whitespace().any(|r| r == "icon") => {
                let href = attr("href").ok_or("an icon link without href")?;
                if is_local(href) {
                    let data = format!(
                        "data:{};base64,{}",
                        image_type(href),
                        BASE64.encode(read(href)?)
                    );
                    out.push_str(&format!(r#"<link rel="icon" href="{data}">"#));
                } else {
                    out.push_str(&tag.text);
                }
            }
            "script" if attr("data-js").is_some() && attr("data-wasm").is_some() => {
                let glue = read_text(attr("data-js").unwrap_or_default())?;
                let wasm = read(attr("data-wasm").unwrap_or_default())?;
                let module = start_module(&glue, &wasm)?;
                script_hashes.push(csp_hash(&module));
                out.push_str(&format!(r#"<script type="module">{module}</script>"#));
            }
            _ => {
                let url = ["src", "href"].iter().find_map(|a| attr(a));
                if let Some(url) = url.filter(|url| is_local(url)) {
                    return Err(format!(
                        "`{}` loads {url}, which the one-file page cannot inline; \
                         teach xtask/src/onefile.rs about it",
                        tag.text
                    ));
                }
                out.push_str(&tag.text);
            }
        }
        rest = &rest[tag.end..];
    }
    out.push_str(rest);
    if let Some((at, policy)) = csp {
        let mut script = script_hashes;
        script.push("'wasm-unsafe-eval'".to_string());
        let policy = with_sources(&policy, "script-src", &script.join(" "));
        let policy = with_sources(&policy, "style-src", &style_hashes.join(" "));
        let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
        out.insert_str(at, &meta);
    }
    Ok(out)
}

/// The inline module that starts the page: the glue as wasm-bindgen wrote it (its exports are
/// harmless in an inline module), then the wasm from base64, started synchronously.
fn start_module(glue: &str, wasm: &[u8]) -> Result<String> {
    let lower = glue.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err(
            "the wasm-bindgen glue contains `</script` or `<!--`; it cannot be inlined".into(),
        );
    }
    if !glue.contains("function initSync(") || !glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no `initSync` or `__wbg_init`; \
                    check the wasm-bindgen version against xtask/src/onefile.rs"
            .into());
    }
    let start = if wasm.len() <= SYNC_COMPILE_LIMIT {
        "initSync({ module: bytes });"
    } else {
        "await __wbg_init({ module_or_path: bytes });"
    };
    Ok(format!(
        "{glue}\n{{\nconst bytes = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n{start}\n}}\n",
        BASE64.encode(wasm)
    ))
}

/// A CSP source for an inline element's text: `'sha256-…'`.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The policy with `directive`'s sources replaced (or the directive added).
fn with_sources(policy: &str, directive: &str, sources: &str) -> String {
    let mut found = false;
    let mut parts: Vec<String> = policy
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let name = part.split_whitespace().next().unwrap_or_default();
            if name.eq_ignore_ascii_case(directive) {
                found = true;
                format!("{directive} {sources}")
            } else {
                part.to_string()
            }
        })
        .collect();
    if !found {
        parts.push(format!("{directive} {sources}"));
    }
    parts.join("; ")
}

/// Whether a URL names a file beside the page (not `data:`, not another site, not a fragment).
fn is_local(url: &str) -> bool {
    let url = url.trim();
    !(url.is_empty() || url.starts_with('#') || url.starts_with("//") || url.contains(':'))
}

fn image_type(name: &str) -> &'static str {
    match name
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// A `<link>`, `<meta>` or `<script>` element as written in the page (a script with its
/// end tag), with its attributes.
struct Tag {
    start: usize,
    end: usize,
    name: String,
    text: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The next `<link>`, `<meta>` or `<script>` element in `html`, skipping comments.
fn next_tag(html: &str) -> Result<Option<Tag>> {
    let mut from = 0;
    while let Some(offset) = html[from..].find('<') {
        let start = from + offset;
        let after = &html[start + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            from = start + 4 + comment.find("-->").ok_or("an unclosed HTML comment")? + 3;
            continue;
        }
        let name_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let name = after[..name_len].to_ascii_lowercase();
        if !matches!(name.as_str(), "link" | "meta" | "script") {
            from = start + 1;
            continue;
        }
        let (attrs, tag_end) = attributes(html, start + 1 + name_len)?;
        let end = if name == "script" {
            let close = html[tag_end..]
                .to_ascii_lowercase()
                .find("</script")
                .ok_or("a <script> without </script>")?;
            let close = tag_end + close;
            close + html[close..].find('>').ok_or("an unclosed </script")? + 1
        } else {
            tag_end
        };
        return Ok(Some(Tag {
            start,
            end,
            text: html[start..end].to_string(),
            name,
            attrs,
        }));
    }
    Ok(None)
}

/// The attributes of a start tag from `at` (just after its name) and where the tag ends.
fn attributes(html: &str, mut at: usize) -> Result<(Vec<(String, String)>, usize)> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at) {
            None => return Err("a tag without `>`".into()),
            Some(b'>') => return Ok((attrs, at + 1)),
            Some(_) => {}
        }
        let name_start = at;
        while at < bytes.len() && !b" \t\n\r\x0c/>=".contains(&bytes[at]) {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let close = html[at + 1..]
                        .find(quote as char)
                        .ok_or("an unclosed attribute value")?;
                    value = html[at + 1..at + 1 + close].to_string();
                    at += close + 2;
                }
                _ => {
                    let value_start = at;
                    while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>'
                    {
                        at += 1;
                    }
                    value = html[value_start..at].to_string();
                }
            }
        }
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "function initSync(module) {}\nasync function __wbg_init(m) {}\n\
                        export { initSync, __wbg_init as default };\n";

    fn files(name: &str) -> Result<Vec<u8>> {
        match name {
            "./main-1.css" => Ok(b"body { color: red }\r\n".to_vec()),
            "./app-1.js" => Ok(GLUE.as_bytes().to_vec()),
            "./app-1_bg.wasm" => Ok(b"\0asm\x01\0\0\0".to_vec()),
            "icon.svg" => Ok(b"<svg/>".to_vec()),
            other => Err(format!("no file {other}")),
        }
    }

    const INDEX: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:">
<!-- <script src="commented-out.js"></script> -->
<link rel="stylesheet" href="./main-1.css" integrity="sha384-x"/>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
<script type="module" src="./start.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" as="fetch"></head>
<body><p>hi</p></body></html>"#;

    /// The text of the first element `<name>…</name>` (or `<script type="module">`) in `html`.
    fn inner<'a>(html: &'a str, name: &str) -> &'a str {
        let open = match name {
            "script" => r#"<script type="module">"#.to_string(),
            _ => format!("<{name}>"),
        };
        let body = html.find(&open).unwrap() + open.len();
        &html[body..body + html[body..].find(&format!("</{name}>")).unwrap()]
    }

    #[test]
    fn inlines_css_glue_wasm_and_icon() {
        let page = fold(INDEX, files).unwrap();
        assert_eq!(inner(&page, "style"), "body { color: red }\n");
        let module = inner(&page, "script");
        assert!(module.starts_with(GLUE));
        assert!(module.contains(r#"atob("AGFzbQEAAAA=")"#));
        assert!(module.contains("initSync({ module: bytes });"));
        assert!(page.contains(r#"<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+">"#));
        for gone in [
            "main-1.css",
            "start.js",
            "app-1",
            "manifest",
            "preload",
            "integrity",
        ] {
            assert!(!page.contains(gone), "{gone} is still in the page");
        }
        assert!(page.contains("<!-- <script src=\"commented-out.js\"></script> -->"));
        assert!(page.ends_with("<body><p>hi</p></body></html>"));
    }

    #[test]
    fn policy_allows_the_inline_elements_by_hash() {
        let page = fold(INDEX, files).unwrap();
        let script = csp_hash(inner(&page, "script"));
        let style = csp_hash(inner(&page, "style"));
        let meta = format!(
            "content=\"default-src 'self'; script-src {script} 'wasm-unsafe-eval'; \
             style-src {style}; img-src 'self' data:\""
        );
        assert!(page.contains(&meta), "{page}");
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn hashes_are_the_ones_browsers_compute() {
        // echo -n 'alert(1)' | openssl sha256 -binary | base64
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn refuses_what_it_cannot_inline() {
        let other = INDEX.replace("</head>", r#"<script src="./extra.js"></script></head>"#);
        let error = fold(&other, files).unwrap_err();
        assert!(error.contains("./extra.js"), "{error}");
        let missing = INDEX.replace("main-1.css", "main-2.css");
        assert!(fold(&missing, files).unwrap_err().contains("main-2.css"));
        let bad_glue = |name: &str| match name {
            "./app-1.js" => Ok(b"const s = '</script>';".to_vec()),
            other => files(other),
        };
        assert!(fold(INDEX, bad_glue).unwrap_err().contains("</script"));
    }

    #[test]
    fn large_wasm_starts_asynchronously() {
        let module = start_module(GLUE, &vec![0; SYNC_COMPILE_LIMIT + 1]).unwrap();
        assert!(module.contains("await __wbg_init({ module_or_path: bytes });"));
    }

    #[test]
    fn policy_directives_are_replaced_or_added() {
        assert_eq!(
            with_sources("default-src 'self';script-src 'self'", "script-src", "'x'"),
            "default-src 'self'; script-src 'x'"
        );
        assert_eq!(
            with_sources("default-src 'self'", "style-src", "'y'"),
            "default-src 'self'; style-src 'y'"
        );
    }
}
