//! A static file server for `dist/` on 127.0.0.1: GET and HEAD only, MIME types the page needs
//! (`application/wasm` for streaming compilation, `.webmanifest`), `Cache-Control: no-cache` so a
//! rebuilt page is never served stale, and no path outside the folder. Used by `serve`, by the
//! end-to-end stages of `test` and by `bench`.
//!
//! Written on `std::net` with `httparse` for the request head, rather than with `tiny_http`
//! (which this module used before): `tiny_http` 0.12 runs each keep-alive connection as one task
//! of a pool that starts with four threads and queues a new connection when it counts a thread as
//! idle that another new connection has already claimed. A browser's first load opens about six
//! connections at once, so on a fresh server the page's script and wasm now and then waited
//! behind idle keep-alive connections until the browser gave up on them: one first load in five
//! here, and the end-to-end tests' "no first render within a minute" in CI. This server gives
//! every connection its own thread and answers one request per connection (`Connection: close`),
//! so no request waits for another connection.

use crate::Result;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// The longest request head read; a page's requests are a few hundred bytes.
const MAX_HEAD: usize = 64 * 1024;
/// How long a connection may take to send its request head.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Server {
    accept: JoinHandle<()>,
    stopping: Arc<AtomicBool>,
    port: u16,
}

impl Server {
    /// Serves `dir` on 127.0.0.1:`port` from background threads; port 0 picks a free port.
    pub fn start(dir: &Path, port: u16) -> Result<Server> {
        Server::start_with(dir, port, false)
    }

    /// As `start`, and with `isolated` the page is cross-origin isolated (COOP and COEP headers),
    /// which gives `performance.now()` 5 µs resolution instead of 100 µs: for the benchmark.
    pub fn start_with(dir: &Path, port: u16, isolated: bool) -> Result<Server> {
        if !dir.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html; build the page first",
                dir.display()
            ));
        }
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e}; pick another with --port N")
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| format!("the server has no address: {e}"))?
            .port();
        let dir: Arc<Path> = dir.into();
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                // A connection that failed before it was accepted is the client's business.
                let Ok(stream) = stream else { continue };
                let dir = Arc::clone(&dir);
                std::thread::spawn(move || serve_connection(&dir, stream, isolated));
            }
        });
        Ok(Server {
            accept,
            stopping,
            port,
        })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        let _ = self.accept.join();
    }

    /// Stops accepting connections (those being answered finish on their own).
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        self.wait();
    }
}

/// A response: status, headers beyond the ones every response has, and the body.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    body: Vec<u8>,
}

/// Reads one request from `stream`, answers it and closes the connection.
fn serve_connection(dir: &Path, mut stream: TcpStream, isolated: bool) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let (method, url) = match request.parse(&head) {
        Ok(httparse::Status::Complete(_)) => (
            request.method.unwrap_or_default().to_string(),
            request.path.unwrap_or_default().to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    let mut reply = match method.as_str() {
        "GET" | "HEAD" => file_response(dir, &url),
        "" => text(400, "bad request"),
        _ => {
            let mut reply = text(405, "only GET and HEAD");
            reply.headers.push(("Allow", "GET, HEAD"));
            reply
        }
    };
    if isolated {
        reply
            .headers
            .push(("Cross-Origin-Opener-Policy", "same-origin"));
        reply
            .headers
            .push(("Cross-Origin-Embedder-Policy", "require-corp"));
    }
    if reply.status >= 400 {
        eprintln!("serve: {method} {url} -> {}", reply.status);
    }
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let mut bytes = out.into_bytes();
    if method != "HEAD" {
        bytes.extend_from_slice(&reply.body);
    }
    // A client that went away is not our problem.
    let _ = stream.write_all(&bytes).and_then(|()| stream.flush());
    let _ = stream.shutdown(Shutdown::Write);
}

/// The request head (up to the blank line), or `None` when the client sent none.
fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Some(head);
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return (!head.is_empty()).then_some(head),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    Some(head)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

fn file_response(dir: &Path, url: &str) -> Reply {
    let Some(relative) = relative_path(url) else {
        return text(400, "bad path");
    };
    let mut path = dir.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    match std::fs::read(&path) {
        Ok(body) => Reply {
            status: 200,
            headers: vec![
                ("Content-Type", mime_type(&path)),
                ("Cache-Control", "no-cache"),
                ("X-Content-Type-Options", "nosniff"),
            ],
            body,
        },
        Err(_) => text(404, "not found"),
    }
}

/// The file path a request URL names inside the served folder: query and fragment dropped,
/// percent-escapes decoded; `None` for anything that could leave the folder.
fn relative_path(url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        .then(|| relative.to_path_buf())
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains(['\0', '\\'])).then_some(decoded)
}

fn mime_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn text(status: u16, body: &str) -> Reply {
    Reply {
        status,
        headers: vec![
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-cache"),
        ],
        body: body.as_bytes().to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder() {
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(
            relative_path("/pkg/app_bg.wasm?v=1#x"),
            Some(PathBuf::from("pkg/app_bg.wasm"))
        );
        assert_eq!(relative_path("/a%20b.txt"), Some(PathBuf::from("a b.txt")));
        assert_eq!(relative_path("/../secret"), None);
        assert_eq!(relative_path("/%2e%2e/secret"), None);
        assert_eq!(relative_path("/a/%2e%2e/%2e%2e/b"), None);
        assert_eq!(relative_path("/a%5c..%5cb"), None);
        assert_eq!(relative_path("/bad%zz"), None);
    }

    #[test]
    fn types_the_browser_insists_on() {
        assert_eq!(mime_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("site.webmanifest")),
            "application/manifest+json"
        );
        assert_eq!(
            mime_type(Path::new("app.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            mime_type(Path::new("corpus.bin")),
            "application/octet-stream"
        );
    }

    fn get(port: u16, path: &str) -> String {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn serves_files_with_types_and_refuses_the_rest() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>hi").unwrap();
        std::fs::write(dir.join("pkg/app.wasm"), b"\0asm").unwrap();
        let server = Server::start(&dir, 0).unwrap();
        let port = server.port;

        let index = get(port, "/");
        assert!(index.starts_with("HTTP/1.1 200"), "{index}");
        assert!(index.contains("text/html; charset=utf-8"));
        assert!(index.contains("no-cache"));
        assert!(index.ends_with("<!doctype html>hi"));
        assert!(get(port, "/pkg/app.wasm").contains("application/wasm"));
        assert!(get(port, "/missing.js").starts_with("HTTP/1.1 404"));
        assert!(get(port, "/../Cargo.toml").starts_with("HTTP/1.1 4"));

        server.stop();
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// A browser opens several connections at once and keeps some idle; a request on a new
    /// connection must not wait for them (the page's wasm once did, behind four idle ones).
    #[test]
    fn idle_connections_do_not_hold_up_a_request() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-idle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "ok").unwrap();
        let server = Server::start(&dir, 0).unwrap();
        let idle: Vec<_> = (0..8)
            .map(|_| std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap())
            .collect();
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        // Not a speed limit: without an answer the test fails instead of hanging.
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        write!(stream, "HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains("Content-Length: 2\r\n"), "{answer}");
        assert!(answer.ends_with("\r\n\r\n"), "HEAD has no body: {answer}");
        drop(idle);
        server.stop();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
