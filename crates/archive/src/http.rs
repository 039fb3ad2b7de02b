//! The HTTP response a WARC `response` record holds: status line and headers off, chunked
//! transfer-encoding undone, gzip and deflate content-encoding inflated (under the file's
//! limits), the declared media type and charset kept. Knows nothing about WARC records.

use crate::budget::Budget;
use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};
use std::io::Read;

/// Longest run of HTTP headers looked through.
const MAX_HEAD: usize = 256 * 1024;

/// An HTTP response, its body decoded.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// The media type, lowercased, without parameters (`text/html`).
    pub media_type: Option<String>,
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// Reads an HTTP response message; the error says why it is not one that can be read.
pub fn response(message: &[u8], budget: &Budget) -> Result<Response, String> {
    let window = &message[..message.len().min(MAX_HEAD)];
    let (head_len, body_at) = find(window, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(window, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("the HTTP headers do not end; not an HTTP response")?;
    let head = String::from_utf8_lossy(&message[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut words = status_line.split_whitespace();
    let status = match (words.next(), words.next()) {
        (Some(v), Some(code)) if v.starts_with("HTTP/") => code
            .parse::<u16>()
            .map_err(|_| format!("the HTTP status line {status_line:?} has no status code"))?,
        _ => {
            return Err(format!(
                "the record does not open with an HTTP status line (it opens {:?})",
                status_line.chars().take(40).collect::<String>()
            ));
        }
    };
    let (mut content_type, mut transfer, mut encoding) = (None, String::new(), String::new());
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value),
            "transfer-encoding" => transfer = value,
            "content-encoding" => encoding = value,
            _ => {}
        }
    }
    let mut body = message[body_at..].to_vec();
    if transfer.contains("chunked")
        && let Some(joined) = dechunk(&body)
    {
        body = joined;
    }
    body = decode(body, &encoding, budget)?;
    let (media_type, charset) = match &content_type {
        Some(ct) => media_type(ct),
        None => (None, None),
    };
    Ok(Response {
        status,
        media_type,
        charset,
        body,
    })
}

/// `text/html; charset=EUC-KR` → (`text/html`, `euc-kr`).
pub fn media_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Undoes chunked transfer-encoding; `None` when the body is not chunked after all (some
/// archivers store it joined and keep the header). A body cut short keeps the chunks it has.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    let mut chunks = 0;
    loop {
        let line_end = body[at..].iter().position(|&b| b == b'\n')? + at;
        let line = std::str::from_utf8(&body[at..line_end]).ok()?;
        let hex = line.split(';').next().unwrap_or_default().trim();
        let Ok(len) = usize::from_str_radix(hex, 16) else {
            return (chunks > 0).then_some(out);
        };
        at = line_end + 1;
        if len == 0 {
            return Some(out);
        }
        let end = at.saturating_add(len).min(body.len());
        out.extend_from_slice(&body[at..end]);
        chunks += 1;
        if end < at + len {
            return Some(out);
        }
        at = end;
        // The line break after a chunk's data.
        if body[at..].starts_with(b"\r\n") {
            at += 2;
        } else if body[at..].starts_with(b"\n") {
            at += 1;
        }
        if at >= body.len() {
            return Some(out);
        }
    }
}

/// Undoes content-encoding, under the page limit and the expansion ratio.
fn decode(body: Vec<u8>, encoding: &str, budget: &Budget) -> Result<Vec<u8>, String> {
    let encoding = encoding.trim();
    match encoding {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(GzDecoder::new(&body[..]), body.len(), budget)
        }
        "deflate" if !body.is_empty() => inflate(ZlibDecoder::new(&body[..]), body.len(), budget)
            .or_else(|_| inflate(DeflateDecoder::new(&body[..]), body.len(), budget)),
        // Stored already inflated, the header kept as sent.
        "gzip" | "x-gzip" | "deflate" => Ok(body),
        "br" => Err(
            "the page is compressed with Brotli (Content-Encoding: br), which is not read".into(),
        ),
        other => Err(format!(
            "the page is compressed as {other:?} (Content-Encoding), which is not read"
        )),
    }
}

fn inflate(decoder: impl Read, compressed: usize, budget: &Budget) -> Result<Vec<u8>, String> {
    let cap = budget.limits.max_page_bytes;
    let mut out = Vec::new();
    let mut decoder = decoder.take(cap + 1);
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let n = decoder
            .read(&mut chunk)
            .map_err(|e| format!("the page's compressed body is damaged ({e})"))?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&chunk[..n]);
        budget.expand(n as u64).map_err(|e| e.reason)?;
        budget
            .check_entry(out.len() as u64, compressed as u64, cap)
            .map_err(|e| e.reason)?;
    }
}
