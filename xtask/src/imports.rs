//! Short import names for the page's wasm: wasm-bindgen names each function the wasm imports
//! from its glue after the method and a 16-digit hash (`__wbg_append_f73e35c7bae8fc1c`), and
//! both files carry every name, so the hashes alone are ~9 KB of the first load after gzip.
//! After Trunk, each such name becomes a short one (`a`, `b`, …, `ba`) in the wasm's import
//! section and in the glue's import object. Knows the wasm binary format only as far as the
//! import section; changes nothing else in either file, and leaves a name the glue does not
//! define exactly once as it is. Written by hand rather than with a wasm rewriting crate
//! (walrus, wasm-encoder): those decode and re-encode every section, and only the names of one
//! section change here, in place, without touching the code wasm-opt laid out.

use crate::Result;
use std::collections::HashSet;
use std::path::Path;

/// Shortens the import names of the page's wasm and glue in `dist` (Trunk's
/// `coverage-explorer-<hash>_bg.wasm` and `coverage-explorer-<hash>.js`); how many.
pub fn shorten(dist: &Path) -> Result<usize> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut done = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_prefix("coverage-explorer-")
            .and_then(|rest| rest.strip_suffix("_bg.wasm"))
        else {
            continue;
        };
        let wasm_path = entry.path();
        let glue_path = dist.join(format!("coverage-explorer-{stem}.js"));
        let wasm = std::fs::read(&wasm_path)
            .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
        let glue = std::fs::read_to_string(&glue_path)
            .map_err(|e| format!("cannot read {}: {e}", glue_path.display()))?;
        let (wasm, glue, count) =
            rewrite(&wasm, &glue).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
        std::fs::write(&wasm_path, wasm)
            .map_err(|e| format!("cannot write {}: {e}", wasm_path.display()))?;
        std::fs::write(&glue_path, glue)
            .map_err(|e| format!("cannot write {}: {e}", glue_path.display()))?;
        done += count;
    }
    Ok(done)
}

/// Whether `name` is one wasm-bindgen made unique with a hash: `__wb…_` then 16 hex digits.
fn hashed(name: &str) -> bool {
    let Some((head, hash)) = name.rsplit_once('_') else {
        return false;
    };
    name.starts_with("__wb")
        && head.len() > 4
        && hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The `n`th short name: `a` … `z`, `ba` … (letters only, so always a plain JS identifier).
fn short(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The wasm and the glue with every hashed import the glue defines once (`name: function…`)
/// renamed in both; how many were.
pub fn rewrite(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize)> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_string();
    let mut count = 0;
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        let (len, body_at) = uleb(wasm, at + 1)?;
        let body = wasm
            .get(body_at..body_at + len as usize)
            .ok_or("a section runs past the end")?;
        at = body_at + len as usize;
        if id != 2 {
            out.extend_from_slice(&wasm[start..at]);
            continue;
        }
        let imports = parse_imports(body)?;
        let taken: HashSet<&str> = imports.iter().map(|i| i.name.as_str()).collect();
        let mut next = 0;
        let mut section = Vec::new();
        push_uleb(&mut section, imports.len() as u64);
        for import in &imports {
            let mut name = import.name.clone();
            let key = format!("{}: ", import.name);
            if hashed(&import.name)
                && glue.matches(&import.name).count() == 1
                && let Some(pos) = glue.find(&key)
            {
                let new = loop {
                    let candidate = short(next);
                    next += 1;
                    if !taken.contains(candidate.as_str()) {
                        break candidate;
                    }
                };
                glue.replace_range(pos..pos + import.name.len(), &new);
                name = new;
                count += 1;
            }
            push_uleb(&mut section, import.module.len() as u64);
            section.extend_from_slice(import.module.as_bytes());
            push_uleb(&mut section, name.len() as u64);
            section.extend_from_slice(name.as_bytes());
            section.extend_from_slice(&import.desc);
        }
        out.push(2);
        push_uleb(&mut out, section.len() as u64);
        out.extend_from_slice(&section);
    }
    Ok((out, glue, count))
}

struct Import {
    module: String,
    name: String,
    /// The import's kind and type, as written.
    desc: Vec<u8>,
}

fn parse_imports(body: &[u8]) -> Result<Vec<Import>> {
    let (count, mut at) = uleb(body, 0)?;
    let mut imports = Vec::new();
    for _ in 0..count {
        let (module, next) = string(body, at)?;
        let (name, next) = string(body, next)?;
        let start = next;
        let kind = *body.get(next).ok_or("an import without a kind")?;
        at = next + 1;
        at = match kind {
            // A function: its type index.
            0 => uleb(body, at)?.1,
            // A table: its element type, then limits.
            1 => limits(body, at + 1)?,
            // A memory: limits.
            2 => limits(body, at)?,
            // A global: its value type and mutability.
            3 => at + 2,
            // A tag: its attribute and type index.
            4 => uleb(body, at + 1)?.1,
            other => return Err(format!("an import of unknown kind {other}")),
        };
        let desc = body
            .get(start..at)
            .ok_or("an import runs past its section")?;
        imports.push(Import {
            module,
            name,
            desc: desc.to_vec(),
        });
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(imports)
}

fn limits(body: &[u8], at: usize) -> Result<usize> {
    let flags = *body.get(at).ok_or("limits without flags")?;
    let (_, at) = uleb(body, at + 1)?;
    Ok(if flags & 1 == 1 {
        uleb(body, at)?.1
    } else {
        at
    })
}

fn string(body: &[u8], at: usize) -> Result<(String, usize)> {
    let (len, at) = uleb(body, at)?;
    let bytes = body
        .get(at..at + len as usize)
        .ok_or("a name runs past its section")?;
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| "a name is not UTF-8")?;
    Ok((text, at + len as usize))
}

fn uleb(bytes: &[u8], mut at: usize) -> Result<(u64, usize)> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
        if shift > 63 {
            return Err("a number is too long".into());
        }
    }
}

fn push_uleb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two hashed functions, one plain one and a memory, from `wbg`.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut section = Vec::new();
        push_uleb(&mut section, names.len() as u64 + 1);
        for name in names {
            section.extend_from_slice(&[3, b'w', b'b', b'g']);
            push_uleb(&mut section, name.len() as u64);
            section.extend_from_slice(name.as_bytes());
            section.extend_from_slice(&[0, 0]);
        }
        section.extend_from_slice(&[
            3, b'w', b'b', b'g', 6, b'm', b'e', b'm', b'o', b'r', b'y', 2, 1, 17, 200, 1,
        ]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section before and a custom section after, kept as they are.
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(2);
        push_uleb(&mut wasm, section.len() as u64);
        wasm.extend_from_slice(&section);
        wasm.extend_from_slice(&[0, 3, 1, b'x', 7]);
        wasm
    }

    const A: &str = "__wbg_append_f73e35c7bae8fc1c";
    const B: &str = "__wbg___wbindgen_throw_4c88d8bf264fd984";
    const PLAIN: &str = "__wbindgen_init_externref_table";

    #[test]
    fn hashed_imports_get_short_names_in_both_files() {
        let glue = format!(
            "const import0 = {{\n    {A}: function(a) {{}},\n    {B}: function(a) {{}},\n    {PLAIN}: function() {{}},\n}};\n"
        );
        let (wasm, glue, count) = rewrite(&module(&[A, B, PLAIN]), &glue).unwrap();
        assert_eq!(count, 2);
        assert_eq!(wasm, module(&["a", "b", PLAIN]));
        assert_eq!(
            glue,
            format!(
                "const import0 = {{\n    a: function(a) {{}},\n    b: function(a) {{}},\n    {PLAIN}: function() {{}},\n}};\n"
            )
        );
    }

    #[test]
    fn a_name_the_glue_uses_twice_is_kept() {
        let glue = format!("{A}: function() {{}},\n{B}: function() {{}},\nconst again = '{A}';\n");
        let (wasm, glue, count) = rewrite(&module(&[A, B]), &glue).unwrap();
        assert_eq!(count, 1);
        assert_eq!(wasm, module(&[A, "a"]));
        assert!(glue.contains(&format!("{A}: function")));
    }

    #[test]
    fn short_names_skip_those_taken() {
        let glue = format!("{A}: function() {{}},\na: function() {{}},\n");
        let (wasm, _, _) = rewrite(&module(&[A, "a"]), &glue).unwrap();
        assert_eq!(wasm, module(&["b", "a"]));
    }

    #[test]
    fn only_hashes_of_sixteen_hex_digits_count() {
        assert!(hashed(A));
        assert!(hashed(B));
        assert!(!hashed(PLAIN));
        assert!(!hashed("__wbg_append_f73e35c7bae8fc1"));
        assert!(!hashed("__wbg_append_f73e35c7bae8fc1g"));
        assert!(!hashed("other_f73e35c7bae8fc1c"));
        assert_eq!(short(0), "a");
        assert_eq!(short(25), "z");
        assert_eq!(short(26), "ba");
    }

    #[test]
    fn a_truncated_module_is_refused() {
        let wasm = module(&[A]);
        assert!(rewrite(&wasm[..wasm.len() - 9], "").is_err());
        assert!(rewrite(b"nope", "").is_err());
    }
}
