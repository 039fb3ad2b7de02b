//! A static file server for `dist/` on 127.0.0.1: GET and HEAD only, MIME types the page needs
//! (`application/wasm` for streaming compilation, `.webmanifest`), `Cache-Control: no-cache` so a
//! rebuilt page is never served stale, and no path outside the folder. Used by `serve` and by
//! the end-to-end stage of `test`.

use crate::Result;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use tiny_http::{Header, Method, Request, Response};

const WORKERS: usize = 4;

pub struct Server {
    http: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
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
        let http = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e}; pick another with --port N")
        })?;
        let port = http
            .server_addr()
            .to_ip()
            .map(|addr| addr.port())
            .ok_or("the server did not bind an IP address")?;
        let http = Arc::new(http);
        let dir: Arc<Path> = dir.into();
        let workers = (0..WORKERS)
            .map(|_| {
                let (http, dir) = (Arc::clone(&http), Arc::clone(&dir));
                std::thread::spawn(move || {
                    while let Ok(request) = http.recv() {
                        respond(&dir, request, isolated);
                    }
                })
            })
            .collect();
        Ok(Server {
            http,
            workers,
            port,
        })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        for worker in self.workers {
            let _ = worker.join();
        }
    }

    pub fn stop(self) {
        for _ in 0..self.workers.len() {
            self.http.unblock();
        }
        self.wait();
    }
}

fn respond(dir: &Path, request: Request, isolated: bool) {
    let mut response = match request.method() {
        Method::Get | Method::Head => file_response(dir, request.url()),
        _ => text(405, "only GET and HEAD").with_header(header("Allow", "GET, HEAD")),
    };
    if isolated {
        response.add_header(header("Cross-Origin-Opener-Policy", "same-origin"));
        response.add_header(header("Cross-Origin-Embedder-Policy", "require-corp"));
        // One request per connection: reused connections were now and then reset under load.
        response.add_header(header("Connection", "close"));
    }
    if response.status_code().0 >= 400 {
        eprintln!(
            "serve: {} {} -> {}",
            request.method(),
            request.url(),
            response.status_code().0
        );
    }
    // A client that went away is not our problem.
    let _ = request.respond(response);
}

fn file_response(dir: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(relative) = relative_path(url) else {
        return text(400, "bad path");
    };
    let mut path = dir.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    match std::fs::read(&path) {
        Ok(bytes) => Response::from_data(bytes)
            .with_header(header("Content-Type", mime_type(&path)))
            .with_header(header("Cache-Control", "no-cache"))
            .with_header(header("X-Content-Type-Options", "nosniff")),
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("header names and values here are ASCII")
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-cache"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

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
}
