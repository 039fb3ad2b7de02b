//! Zip archives: every file in it, in name order (as a folder is read), named
//! `archive.zip/folder/page.html`. Each file is inflated under the limits: its stated size, the
//! page limit, its own expansion ratio, and the whole file's total and ratio (which stop the rest
//! of the archive); encrypted files, unsupported methods (only stored, deflate and deflate64 are
//! read) and damaged data are reported one by one. Containers inside (an export, a WARC, another
//! zip) are handed up as nested ones. macOS's `__MACOSX/` and `.DS_Store` copies are passed over.

use crate::budget::Budget;
use crate::kind::{self, HEAD};
use crate::lines;
use crate::{ArchiveError, Entry, Item, Record, Source, size, tally};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::rc::Rc;
use zip::ZipArchive;
use zip::result::ZipError;

/// The files of a zip archive.
pub struct Members<'a> {
    name: String,
    archive: ZipArchive<Cursor<Cow<'a, [u8]>>>,
    budget: Rc<Budget>,
    /// Member indices in name order, and the next to read.
    order: Vec<usize>,
    next: usize,
    passed: BTreeMap<String, u64>,
    done: bool,
}

impl<'a> Members<'a> {
    pub fn open(
        name: &str,
        bytes: Cow<'a, [u8]>,
        budget: &Rc<Budget>,
    ) -> Result<Members<'a>, ArchiveError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ArchiveError::Zip {
            name: name.to_string(),
            detail: e.to_string(),
        })?;
        let mut order: Vec<(String, usize)> = (0..archive.len())
            .map(|i| (archive.name_for_index(i).unwrap_or_default().to_string(), i))
            .collect();
        order.sort();
        Ok(Members {
            name: name.to_string(),
            archive,
            budget: Rc::clone(budget),
            order: order.into_iter().map(|(_, i)| i).collect(),
            next: 0,
            passed: BTreeMap::new(),
            done: false,
        })
    }

    /// Reads member `index`: an entry, a nested container, or nothing (a folder, macOS copies).
    fn member(&mut self, index: usize) -> Option<Item> {
        let raw_name = self.archive.name_for_index(index).unwrap_or_default();
        let inner = clean_name(raw_name);
        let at = format!("{}/{inner}", self.name);
        let skipped = |reason: String| {
            Some(Item::Entry(Entry::Skipped {
                name: at.clone(),
                reason,
            }))
        };
        if inner.starts_with("__MACOSX/") || inner.ends_with(".DS_Store") {
            if !raw_name.ends_with('/') {
                *self
                    .passed
                    .entry("macOS metadata files".into())
                    .or_default() += 1;
            }
            return None;
        }
        let limits = &self.budget.limits;
        let mut file = match self.archive.by_index(index) {
            Ok(f) => f,
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                return skipped("the file is encrypted; not read".into());
            }
            Err(ZipError::UnsupportedArchive(what)) => {
                return skipped(format!(
                    "{what}; only stored and deflated files are read (zip it again with the usual settings)"
                ));
            }
            Err(e) => return skipped(format!("the entry is damaged ({e}); not read")),
        };
        if file.is_dir() {
            return None;
        }
        if file.is_symlink() {
            return skipped("a symbolic link, not a file; not read".into());
        }
        let container_name = matches!(kind::sniff(&inner, b""), k if k.is_container());
        let cap = if container_name {
            limits.max_nested_bytes
        } else {
            limits.max_page_bytes
        };
        let (stated, compressed) = (file.size(), file.compressed_size());
        if stated > cap {
            return skipped(format!(
                "expands to {} (ratio {}:1); {} over {} are not read",
                size(stated),
                stated / compressed.max(1),
                if container_name {
                    "archives inside archives"
                } else {
                    "pages"
                },
                size(cap)
            ));
        }
        let mut bytes = Vec::with_capacity(stated.min(1 << 20) as usize);
        let mut chunk = vec![0u8; 16 * 1024];
        loop {
            let n = match file.read(&mut chunk) {
                Ok(n) => n,
                Err(e) => {
                    return skipped(format!("the entry is damaged ({}); not read", short(&e)));
                }
            };
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
            // The entry's own limits first, so one bomb costs only itself.
            if let Err(limit) = self
                .budget
                .check_entry(bytes.len() as u64, compressed, cap)
                .and_then(|()| self.budget.expand(n as u64))
            {
                if limit.whole_file {
                    self.done = true;
                    let left = self.order.len() - self.next;
                    return skipped(format!(
                        "{}; this and the {left} files after it are not read",
                        limit
                            .reason
                            .trim_end_matches("; the rest of it is not read")
                    ));
                }
                return skipped(limit.reason);
            }
        }
        let nested = kind::sniff(&inner, &bytes[..bytes.len().min(HEAD)]);
        if nested.is_container() {
            return Some(Item::Nested {
                name: at,
                kind: nested,
                bytes,
            });
        }
        if bytes.len() as u64 > limits.max_page_bytes {
            return skipped(format!(
                "the file is {}; pages over {} are not read",
                size(bytes.len() as u64),
                size(limits.max_page_bytes)
            ));
        }
        let kind = kind::page_kind(&inner, &bytes);
        Some(Item::Entry(Entry::Record(Record::page(at, bytes, kind))))
    }
}

/// A member's path as shown: forward slashes, no leading `/` or `./`.
fn clean_name(name: &str) -> String {
    let name = name.replace('\\', "/");
    let mut name = name.as_str();
    loop {
        let trimmed = name.trim_start_matches('/').trim_start_matches("./");
        if trimmed == name {
            break;
        }
        name = trimmed;
    }
    name.to_string()
}

/// An I/O error in a few words (the zip crate's checksum error names itself).
fn short(error: &std::io::Error) -> String {
    if crate::budget::Exceeded::from_io(error).is_some() {
        return lines::reason(error);
    }
    error.to_string()
}

impl Source for Members<'_> {
    fn next(&mut self) -> Option<Item> {
        while !self.done && self.next < self.order.len() {
            let index = self.order[self.next];
            self.next += 1;
            if let Some(item) = self.member(index) {
                return Some(item);
            }
        }
        None
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn passed(&self) -> Option<String> {
        tally("file", &self.passed)
    }
}
