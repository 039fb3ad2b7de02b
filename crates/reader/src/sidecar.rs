//! The per-file sidecar (`corpus/sources.toml`): facts about a page that the page does not print
//! (the outlet of a blog repost, the day of an editorial), keyed by file name.

use crate::dictionary::ConfigError;
use crate::model::Day;
use serde::Deserialize;
use std::collections::HashMap;

/// What the sidecar says about one file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct SourceFacts {
    pub file: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub date: Option<Day>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<SourceFacts>,
}

/// Sidecar facts by file name.
#[derive(Debug, Clone, Default)]
pub struct Sidecar {
    by_file: HashMap<String, SourceFacts>,
}

impl Sidecar {
    /// Parses `sources.toml`; a file named twice is an error.
    ///
    /// ```
    /// let s = reader::sidecar::Sidecar::from_toml("sources.toml", r#"
    ///     [[source]]
    ///     file = "a.txt"
    ///     outlet = "The Korea Times"
    ///     date = "2019-04-25"
    /// "#).unwrap();
    /// assert_eq!(s.get("a.txt").unwrap().date.unwrap().to_string(), "2019-04-25");
    /// ```
    pub fn from_toml(file: &str, source: &str) -> Result<Sidecar, ConfigError> {
        let parsed: SourcesFile = toml::from_str(source).map_err(|e| ConfigError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        let mut by_file = HashMap::new();
        for facts in parsed.source {
            let name = facts.file.clone();
            if by_file.insert(name.clone(), facts).is_some() {
                return Err(ConfigError::Invalid {
                    file: file.to_string(),
                    message: format!("file {name:?} is listed twice"),
                });
            }
        }
        Ok(Sidecar { by_file })
    }

    pub fn get(&self, file: &str) -> Option<&SourceFacts> {
        self.by_file.get(file)
    }

    pub fn len(&self) -> usize {
        self.by_file.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }

    /// File names the sidecar describes, sorted.
    pub fn files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self.by_file.keys().map(String::as_str).collect();
        files.sort_unstable();
        files
    }
}
