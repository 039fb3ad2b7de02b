//! Outlet profiles (`corpus/outlets.toml`) and telling which outlet printed a page: signatures,
//! web and e-mail domains, copyright lines, "Source:" labels and title suffixes. An agency named
//! only in a dateline credit is the source of the copy, not proof of who printed it, so it is
//! the weakest sign. Knows nothing about dates or actors.

use crate::clean::overlapping;
use crate::dictionary::ConfigError;
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One outlet, as written in `outlets.toml`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub signatures: Vec<String>,
    #[serde(default)]
    pub boilerplate: Vec<String>,
    #[serde(default)]
    pub agency: bool,
    #[serde(default)]
    pub language: Option<String>,
    /// How the outlet prints its publication stamp; used by the synthetic corpus generator.
    #[serde(default)]
    pub date_line: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletsFile {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

/// All outlet profiles, with lookups by name and domain.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    pub outlets: Vec<Outlet>,
    by_name: HashMap<String, usize>,
    /// `None` only in `Profiles::default()`.
    signs: Option<Signs>,
}

/// The signs a line can carry, found in one pass over it: every outlet's signatures and the
/// copyright signs the `COPYRIGHT` pattern needs. The automaton is ASCII-case-blind for the
/// copyright signs; a signature match is checked for exact case.
#[derive(Debug, Clone)]
struct Signs {
    automaton: DFA,
    /// The outlet and text of each signature, in pattern order; the copyright signs follow them.
    signatures: Vec<(usize, String)>,
}

/// What a `COPYRIGHT` match must hold: the pattern's case-blind alternatives, with both cases of
/// the circled c.
const COPYRIGHT_SIGNS: [&str; 5] = ["©", "ⓒ", "Ⓒ", "(c)", "copyright"];

impl Signs {
    fn new(outlets: &[Outlet]) -> Signs {
        let signatures: Vec<(usize, String)> = outlets
            .iter()
            .enumerate()
            .flat_map(|(i, o)| o.signatures.iter().map(move |s| (i, s.clone())))
            .collect();
        let patterns = signatures
            .iter()
            .map(|(_, s)| s.as_str())
            .chain(COPYRIGHT_SIGNS);
        let automaton = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns)
            .expect("outlet signatures compile into an automaton");
        Signs {
            automaton,
            signatures,
        }
    }

    /// The first outlet (by index) whose signature `line` prints, and whether it holds a
    /// copyright sign.
    fn find(&self, line: &str) -> (Option<usize>, bool) {
        let mut signed: Option<usize> = None;
        let mut copyright = false;
        for m in overlapping(&self.automaton, line) {
            match self.signatures.get(m.pattern().as_usize()) {
                Some((outlet, signature)) if line[m.range()] == **signature => {
                    signed = Some(signed.map_or(*outlet, |s| s.min(*outlet)));
                }
                Some(_) => {}
                None => copyright = true,
            }
        }
        (signed, copyright)
    }
}

impl Profiles {
    pub fn from_toml(file: &str, source: &str) -> Result<Profiles, ConfigError> {
        let parsed: OutletsFile = toml::from_str(source).map_err(|e| ConfigError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        Profiles::new(file, parsed.outlet)
    }

    pub fn new(file: &str, outlets: Vec<Outlet>) -> Result<Profiles, ConfigError> {
        let mut by_name = HashMap::new();
        for (i, o) in outlets.iter().enumerate() {
            for key in [&o.id, &o.name].into_iter().chain(&o.aliases) {
                if let Some(j) = by_name.insert(normalise(key), i)
                    && j != i
                {
                    return Err(ConfigError::Invalid {
                        file: file.to_string(),
                        message: format!(
                            "name {key:?} is used by outlets {:?} and {:?}",
                            outlets[j].id, o.id
                        ),
                    });
                }
            }
        }
        let signs = Some(Signs::new(&outlets));
        Ok(Profiles {
            outlets,
            by_name,
            signs,
        })
    }

    /// The first outlet (by index) whose signature `line` prints, and whether the line may hold
    /// a copyright sign.
    fn signs(&self, line: &str) -> (Option<usize>, bool) {
        match &self.signs {
            Some(signs) => signs.find(line),
            None => (None, true),
        }
    }

    /// The outlet printed under a name, alias or id, ignoring case and a leading "The".
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_name.get(&normalise(name)).copied()
    }

    /// The outlet owning a host name or e-mail domain (`en.yna.co.kr` → Yonhap).
    pub fn by_domain(&self, host: &str) -> Option<usize> {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        self.outlets.iter().position(|o| {
            o.domains.iter().any(|d| {
                host == *d
                    || host
                        .strip_suffix(d.as_str())
                        .is_some_and(|sub| sub.ends_with('.'))
            })
        })
    }

    /// Every boilerplate line of every profile, lowercased, for the cleaner.
    pub fn boilerplate(&self) -> impl Iterator<Item = &str> {
        self.outlets
            .iter()
            .flat_map(|o| o.boilerplate.iter().map(String::as_str))
    }

    /// Every name an outlet is printed under.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.outlets.iter().flat_map(|o| {
            std::iter::once(o.name.as_str()).chain(o.aliases.iter().map(String::as_str))
        })
    }
}

fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

static URL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bhttps?://(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})|[a-z0-9._%+-]+@([a-z0-9.-]+\.[a-z]{2,})").unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:©|ⓒ|\(c\)|copyright)\s*(?:\(c\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^.,|·\n]{2,60})").unwrap()
});
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:source|출처)\s*:\s*([^|·\n]{2,60}?)(?:\s+(?:published|posted|updated)\b|\s*[|·]|$)").unwrap()
});
static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Za-z][A-Za-z .&-]{1,40})\)\s*(?:--|—|-)").unwrap());

/// How sure a sign is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// A dateline credit such as "(Yonhap) --": who wrote the copy.
    Credit,
    /// A signature, domain, copyright line, "Source:" label or title suffix.
    Own,
}

/// The outlet a page shows it was printed by, as an index into `profiles.outlets`.
///
/// ```
/// let profiles = engine::outlets::Profiles::from_toml("outlets.toml", r#"
///     [[outlet]]
///     id = "global-times"
///     name = "Global Times"
///     signatures = ["Source:Global Times"]
/// "#).unwrap();
/// let lines = ["Title", "By Chen Xu Source:Global Times Published: 2017/9/10 22:08:39"];
/// assert_eq!(engine::outlets::detect(&profiles, &lines, None, None), Some(0));
/// ```
pub fn detect(
    profiles: &Profiles,
    lines: &[&str],
    title: Option<&str>,
    url: Option<&str>,
) -> Option<usize> {
    let mut best: Option<(Strength, usize)> = None;
    let mut consider = |strength: Strength, outlet: Option<usize>| {
        if let Some(o) = outlet
            && best.is_none_or(|(s, _)| strength > s)
        {
            best = Some((strength, o));
        }
        // The first sign of the printer's own is final: nothing ranks above it.
        best.is_some_and(|(s, _)| s == Strength::Own)
    };
    if let Some(url) = url {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        if consider(Strength::Own, profiles.by_domain(host)) {
            return best.map(|(_, o)| o);
        }
    }
    if let Some(title) = title {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some((_, suffix)) = title.rsplit_once(sep)
                && consider(Strength::Own, profiles.lookup(suffix))
            {
                return best.map(|(_, o)| o);
            }
        }
    }
    for line in lines {
        if line_signs(profiles, line, &mut consider) {
            break;
        }
    }
    best.map(|(_, o)| o)
}

/// The signs in one line, in the order they rank among equals; `true` once a sign is final.
/// Each pattern runs only on lines holding what it needs: "://" or "@" for an address, a
/// copyright sign, a colon for a "Source:" label, a parenthesis for a credit.
fn line_signs(
    profiles: &Profiles,
    line: &str,
    consider: &mut impl FnMut(Strength, Option<usize>) -> bool,
) -> bool {
    let (signed, copyright) = profiles.signs(line);
    if consider(Strength::Own, signed) {
        return true;
    }
    if line.contains("://") || line.contains('@') {
        for c in URL_HOST.captures_iter(line) {
            let host = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            if consider(Strength::Own, profiles.by_domain(host)) {
                return true;
            }
        }
    }
    if copyright {
        for c in COPYRIGHT.captures_iter(line) {
            if consider(Strength::Own, lookup_prefix(profiles, &c[1])) {
                return true;
            }
        }
    }
    if line.contains(':') {
        for c in SOURCE_LABEL.captures_iter(line) {
            if consider(Strength::Own, profiles.lookup(&c[1])) {
                return true;
            }
        }
    }
    if line.contains('(') {
        for c in CREDIT.captures_iter(line) {
            let agency = profiles
                .lookup(&c[1])
                .filter(|&o| profiles.outlets[o].agency);
            if consider(Strength::Credit, agency) {
                return true;
            }
        }
    }
    false
}

/// A copyright holder is often followed by more words ("Yonhap News Agency. All rights …").
fn lookup_prefix(profiles: &Profiles, text: &str) -> Option<usize> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=words.len().min(6))
        .rev()
        .find_map(|n| profiles.lookup(&words[..n].join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profiles() -> Profiles {
        Profiles::from_toml(
            "outlets.toml",
            r#"
[[outlet]]
id = "the-hankyoreh"
name = "The Hankyoreh"
aliases = ["Hankyoreh"]
domains = ["hani.co.kr"]

[[outlet]]
id = "yonhap"
name = "Yonhap"
aliases = ["Yonhap News Agency"]
domains = ["yna.co.kr"]
agency = true

[[outlet]]
id = "the-korea-herald"
name = "The Korea Herald"
aliases = ["Korea Herald"]
"#,
        )
        .unwrap()
    }

    #[test]
    fn email_domain_names_the_outlet() {
        let lines = ["Please direct questions or comments to [english@hani.co.kr]"];
        assert_eq!(detect(&profiles(), &lines, None, None), Some(0));
    }

    #[test]
    fn copyright_and_title_suffix() {
        assert_eq!(
            detect(
                &profiles(),
                &["© Yonhap News Agency. All rights reserved"],
                None,
                None
            ),
            Some(1)
        );
        assert_eq!(
            detect(
                &profiles(),
                &[],
                Some("Kim in Russia | The Korea Herald"),
                None
            ),
            Some(2)
        );
    }

    #[test]
    fn printer_beats_wire_credit() {
        let lines = [
            "SEOUL, April 20 (Yonhap) -- North Korea said",
            "ⓒ The Korea Herald",
        ];
        assert_eq!(detect(&profiles(), &lines, None, None), Some(2));
        assert_eq!(detect(&profiles(), &lines[..1], None, None), Some(1));
    }

    #[test]
    fn nothing_printed_means_unknown() {
        assert_eq!(
            detect(&profiles(), &["Back To Top", "Kim met Putin."], None, None),
            None
        );
    }

    #[test]
    fn url_host_with_subdomain() {
        assert_eq!(
            detect(
                &profiles(),
                &[],
                None,
                Some("https://en.yna.co.kr/view/AEN2019")
            ),
            Some(1)
        );
    }
}
