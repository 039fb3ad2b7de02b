//! The reader's patterns use only the Unicode tables its own `regex` features enable
//! (`unicode-perl`, `unicode-case`). Tests cannot show a missing table by compiling the
//! patterns: dev-dependencies switch more of `regex-syntax`'s features on for every test build,
//! so a `\p{Han}` compiles here and panics in the CLI, the xtask and the page's worker.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn patterns_name_no_unicode_class_the_reader_does_not_enable() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10, "the reader's sources are found");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if line.contains(r"\p{") || line.contains(r"\P{") {
                found.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Unicode classes (\\p{{…}}) need regex features the reader does not enable; write the \
         ranges instead: {found:?}"
    );
}
