//! Reproducible builds: the same sources and `SOURCE_DATE_EPOCH` must give the same page, byte
//! for byte. `test.rs` builds the page a second time, in a target folder of its own where the
//! workspace's crates are compiled again, and this module compares that build with `dist/` and
//! says what differs.

use crate::Result;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every difference between two folders: files only in one, and files whose bytes differ
/// (with their sizes and the first differing byte). Empty when they are identical.
pub fn differences(a: &Path, b: &Path) -> Result<Vec<String>> {
    let (left, right) = (files(a)?, files(b)?);
    let mut out = Vec::new();
    for (name, path) in &left {
        let Some(other) = right.get(name) else {
            out.push(format!("{name}: only in {}", a.display()));
            continue;
        };
        let read =
            |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        let (x, y) = (read(path)?, read(other)?);
        if x != y {
            let at = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
            out.push(format!(
                "{name}: {} and {} bytes, first difference at byte {at}",
                x.len(),
                y.len()
            ));
        }
    }
    for name in right.keys().filter(|name| !left.contains_key(*name)) {
        out.push(format!("{name}: only in {}", b.display()));
    }
    Ok(out)
}

/// The files under `dir`, by path relative to it (with `/`).
fn files(dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(name, path);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-repro-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (file, bytes) in files {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        dir
    }

    #[test]
    fn identical_folders_have_no_differences() {
        let files: &[(&str, &[u8])] = &[("index.html", b"<html>"), ("chunks/0.bin", b"\0\x01")];
        let (a, b) = (folder("same-a", files), folder("same-b", files));
        assert_eq!(differences(&a, &b).unwrap(), Vec::<String>::new());
        for dir in [a, b] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn says_which_files_differ_and_where() {
        let a = folder("diff-a", &[("app.wasm", b"\0asm1"), ("a-only.js", b"")]);
        let b = folder(
            "diff-b",
            &[("app.wasm", b"\0asm2!"), ("sub/b-only.css", b"")],
        );
        let found = differences(&a, &b).unwrap();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("a-only.js: only in"));
        assert_eq!(
            found[1],
            "app.wasm: 5 and 6 bytes, first difference at byte 4"
        );
        assert!(found[2].starts_with("sub/b-only.css: only in"));
        for dir in [a, b] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
}
