//! The pool's work without the browser: a reader's batch of files into articles (postcard bytes
//! the assembler takes), and the assembler's gathering of batches that come in any order into
//! the bundle of the files in name order, with the corpus hash over them in that order. Owns
//! no message or DOM; `main.rs` moves these values in and out of messages.

use coverage_core::bundle::BuildInfo;
use coverage_core::model::{Article, Status};
use reader::outlets::Profiles;
use std::collections::BTreeMap;

/// One input of a batch: its place in name order, its base name, and its bytes or why the
/// browser could not read it.
pub type Input = (u32, String, Result<Vec<u8>, String>);

/// What a reader made of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRead {
    pub index: u32,
    /// Articles the file gave (one for a page, one per record of a container).
    pub pages: u32,
    pub bytes: usize,
}

/// What a reader made of a batch.
pub struct BatchRead {
    pub files: Vec<FileRead>,
    /// Each error article's file index, source and messages, in file order.
    pub errors: Vec<(u32, String, String)>,
    /// postcard of `Vec<(u32, Vec<Article>)>`: each file's articles under its index.
    pub articles: Vec<u8>,
}

/// Reads a batch of files with `knowledge` (each as the CLI reads one input file). A file the
/// browser could not read is an error article with the browser's reason, as the CLI makes one
/// for a file it cannot open.
pub fn read_batch(knowledge: &reader::Knowledge, inputs: Vec<Input>) -> BatchRead {
    let mut files = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    let mut out: Vec<(u32, Vec<Article>)> = Vec::with_capacity(inputs.len());
    for (index, name, content) in inputs {
        let mut articles = Vec::new();
        let bytes = match content {
            Ok(bytes) => {
                intake::read_file(knowledge, &name, &bytes, &mut |a| articles.push(a));
                bytes.len()
            }
            Err(reason) => {
                articles.push(Article::failed(&name, reason));
                0
            }
        };
        for a in articles.iter().filter(|a| a.status == Status::Error) {
            errors.push((index, a.source.clone(), a.messages.join("; ")));
        }
        files.push(FileRead {
            index,
            pages: articles.len() as u32,
            bytes,
        });
        out.push((index, articles));
    }
    let articles = postcard::to_allocvec(&out).expect("articles serialise");
    BatchRead {
        files,
        errors,
        articles,
    }
}

/// The assembler's gathering: articles by file index, and the corpus hash fed in name order as
/// the files' bytes arrive (in any order).
pub struct Gathered {
    articles: BTreeMap<u32, Vec<Article>>,
    hash: intake::CorpusHash,
    /// Bytes that came before an earlier file's: hashed once the files before them are.
    waiting: BTreeMap<u32, Option<Vec<u8>>>,
    hashed: u32,
}

impl Default for Gathered {
    /// Gathering for the built-in dictionaries.
    fn default() -> Gathered {
        Gathered::new(intake::BUILTIN_ACTORS)
    }
}

impl Gathered {
    /// Gathering for pages read with `actors` (the built-in actors.toml, or the user's edit of
    /// it) and the built-in outlets: the corpus hash starts with them, as the CLI's does.
    pub fn new(actors: &str) -> Gathered {
        Gathered {
            articles: BTreeMap::new(),
            hash: intake::CorpusHash::new(actors, intake::BUILTIN_OUTLETS, ""),
            waiting: BTreeMap::new(),
            hashed: 0,
        }
    }

    /// Takes a reader's articles (`BatchRead::articles`).
    pub fn add_articles(&mut self, bytes: &[u8]) -> Result<(), String> {
        let batch: Vec<(u32, Vec<Article>)> = postcard::from_bytes(bytes)
            .map_err(|e| format!("a reader's articles could not be decoded: {e}"))?;
        for (index, articles) in batch {
            self.articles.insert(index, articles);
        }
        Ok(())
    }

    /// Takes the bytes of file `index` (`None`: the browser could not read it, and the hash
    /// takes nothing for it, as the CLI's does).
    pub fn add_raw(&mut self, index: u32, bytes: Option<Vec<u8>>) {
        self.waiting.insert(index, bytes);
        while let Some(bytes) = self.waiting.remove(&self.hashed) {
            if let Some(bytes) = bytes {
                self.hash.add(&bytes);
            }
            self.hashed += 1;
        }
    }

    /// The bundle of everything gathered, files in name order; `built` is the build time.
    pub fn bundle(mut self, built: String) -> Result<Vec<u8>, String> {
        // Bytes after a gap (a file that never came) are still hashed, in order.
        for bytes in std::mem::take(&mut self.waiting).into_values().flatten() {
            self.hash.add(&bytes);
        }
        // The assembler reads no page: of the dictionaries it needs only the outlets.
        let outlets = Profiles::from_toml("outlets.toml", intake::BUILTIN_OUTLETS)
            .map_err(|e| e.to_string())?;
        let info = BuildInfo {
            files: self.articles.len() as u32,
            built,
            corpus_hash: self.hash.finish(),
        };
        let articles = self.articles.into_values().flatten().collect();
        Ok(intake::bundle(&outlets, articles, info))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverage_core::bundle::Bundle;

    fn page(title: &str) -> Vec<u8> {
        format!(
            "{title}\n\nRussia and North Korea held talks in Moscow on Monday, officials said.\n"
        )
        .into_bytes()
    }

    /// Inputs named a.txt, b.txt… in name order, one unreadable.
    fn inputs() -> Vec<Input> {
        vec![
            (0, "a.txt".into(), Ok(page("Talks in Moscow"))),
            (1, "b.txt".into(), Err("the file went away".into())),
            (2, "c.txt".into(), Ok(page("Pyongyang and Moscow talk"))),
            (3, "d.txt".into(), Ok(Vec::new())),
        ]
    }

    fn sources(bundle: &[u8]) -> Vec<String> {
        Bundle::decode(bundle).unwrap().index.columns.source.clone()
    }

    #[test]
    fn batches_in_any_order_give_the_bundle_of_one_batch_in_name_order() {
        let k = intake::builtin_knowledge();
        let whole = read_batch(&k, inputs());
        let mut one = Gathered::default();
        one.add_articles(&whole.articles).unwrap();
        for (index, _, content) in inputs() {
            one.add_raw(index, content.ok());
        }
        let one = one.bundle("2024-06-19T00:00:00Z".into()).unwrap();

        let mut parts = inputs();
        let last = parts.split_off(2);
        let mut split = Gathered::default();
        // The later batch is read and gathered first, its bytes too.
        for part in [last, parts] {
            let raw: Vec<_> = part.iter().map(|(i, _, c)| (*i, c.clone().ok())).collect();
            split.add_articles(&read_batch(&k, part).articles).unwrap();
            for (index, bytes) in raw.into_iter().rev() {
                split.add_raw(index, bytes);
            }
        }
        let split = split.bundle("2024-06-19T00:00:00Z".into()).unwrap();
        assert_eq!(sources(&one), ["a.txt", "b.txt", "c.txt", "d.txt"]);
        assert_eq!(one, split);
    }

    #[test]
    fn a_file_the_browser_could_not_read_is_an_error_article_with_its_reason() {
        let k = intake::builtin_knowledge();
        let read = read_batch(&k, inputs());
        let pages: Vec<u32> = read.files.iter().map(|f| f.pages).collect();
        assert_eq!(pages, [1, 1, 1, 1]);
        let names: Vec<(u32, &str)> = read
            .errors
            .iter()
            .map(|(i, n, _)| (*i, n.as_str()))
            .collect();
        assert_eq!(
            names,
            [(1, "b.txt"), (3, "d.txt")],
            "the unreadable and the empty file"
        );
        assert_eq!(read.errors[0].2, "the file went away");
    }

    #[test]
    fn the_hash_starts_with_the_actors_toml_the_pages_are_read_with() {
        let edited = format!("{}\n# edited\n", intake::BUILTIN_ACTORS);
        let mut expected = intake::CorpusHash::new(&edited, intake::BUILTIN_OUTLETS, "");
        expected.add(b"one");
        let mut gathered = Gathered::new(&edited);
        gathered.add_raw(0, Some(b"one".to_vec()));
        let mut built_in = Gathered::default();
        built_in.add_raw(0, Some(b"one".to_vec()));
        let (edited, built_in) = (gathered.hash.finish(), built_in.hash.finish());
        assert_eq!(edited, expected.finish());
        assert_ne!(edited, built_in);
    }

    #[test]
    fn the_hash_takes_the_files_in_name_order_whatever_order_they_come_in() {
        let mut late = Gathered::default();
        late.add_raw(1, Some(b"two".to_vec()));
        late.add_raw(0, Some(b"one".to_vec()));
        let mut early = Gathered::default();
        early.add_raw(0, Some(b"one".to_vec()));
        early.add_raw(1, Some(b"two".to_vec()));
        assert_eq!(late.hash.finish(), early.hash.finish());
    }
}
