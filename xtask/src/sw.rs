//! The service worker's build stamp: after Trunk copied `public/sw.js` into `dist/`, writes into
//! it the list of files that make the app shell and a version (a hash of those files), so each
//! build caches under its own name and replaces the caches of older builds. Pure string work on
//! two marked lines of `sw.js`; the worker's logic stays in that file.

use crate::Result;
use sha2::{Digest, Sha256};
use std::path::Path;

pub const FILE_NAME: &str = "sw.js";
const VERSION_LINE: &str = "const VERSION = ";
const SHELL_LINE: &str = "const SHELL = ";

/// Stamps `dist/sw.js` with the files of `dist/` except itself and those in `skip`.
pub fn stamp(dist: &Path, skip: &[&str]) -> Result {
    let path = dist.join(FILE_NAME);
    let source = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut files = Vec::new();
    for entry in
        std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?
    {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_file() || name == FILE_NAME || skip.contains(&name.as_str()) {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        files.push((name, bytes));
    }
    files.sort();
    let stamped = stamped(&source, &files).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(&path, stamped).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `sw.js` with its VERSION and SHELL lines written for these files (name, bytes; sorted).
fn stamped(source: &str, files: &[(String, Vec<u8>)]) -> Result<String> {
    let mut hash = Sha256::new();
    for (name, bytes) in files {
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut shell = vec!["'./'".to_string()];
    for (name, _) in files {
        if name.contains(['\'', '\\', '\n']) {
            return Err(format!(
                "cannot list the file {name:?} in the worker's shell"
            ));
        }
        shell.push(format!("'{name}'"));
    }
    let (mut version_set, mut shell_set) = (false, false);
    let lines: Vec<String> = source
        .lines()
        .map(|line| {
            if line.starts_with(VERSION_LINE) && !version_set {
                version_set = true;
                format!("{VERSION_LINE}'{version}';")
            } else if line.starts_with(SHELL_LINE) && !shell_set {
                shell_set = true;
                format!("{SHELL_LINE}[{}];", shell.join(", "))
            } else {
                line.to_string()
            }
        })
        .collect();
    if !(version_set && shell_set) {
        return Err(format!(
            "no line starting with `{VERSION_LINE}` and one with `{SHELL_LINE}` to stamp"
        ));
    }
    Ok(lines.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "// worker\nconst VERSION = 'unversioned';\nconst SHELL = ['./'];\nconst CACHE = PREFIX + VERSION;\n";

    fn files(wasm: &[u8]) -> Vec<(String, Vec<u8>)> {
        vec![
            ("app-1.js".into(), b"js".to_vec()),
            ("app-1_bg.wasm".into(), wasm.to_vec()),
            ("index.html".into(), b"<!doctype html>".to_vec()),
        ]
    }

    #[test]
    fn writes_the_shell_and_a_version_of_the_build() {
        let out = stamped(SOURCE, &files(b"\0asm")).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[1].starts_with("const VERSION = '") && lines[1].len() == 35,
            "{out}"
        );
        assert_eq!(
            lines[2],
            "const SHELL = ['./', 'app-1.js', 'app-1_bg.wasm', 'index.html'];"
        );
        assert_eq!(lines[3], "const CACHE = PREFIX + VERSION;");
    }

    #[test]
    fn version_follows_content_and_stamping_is_idempotent() {
        let first = stamped(SOURCE, &files(b"\0asm")).unwrap();
        assert_eq!(stamped(&first, &files(b"\0asm")).unwrap(), first);
        assert_ne!(stamped(SOURCE, &files(b"\0asm2")).unwrap(), first);
    }

    #[test]
    fn refuses_a_worker_without_the_marked_lines() {
        assert!(stamped("const CACHE = 'x';\n", &files(b"")).is_err());
    }
}
