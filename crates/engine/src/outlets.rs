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
    /// ISO 639-1 code of the edition the corpus expects (one of `LANGUAGES`).
    #[serde(default)]
    pub language: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country whose press the outlet is ("KR", "RU").
    #[serde(default)]
    pub country: Option<String>,
    /// How the outlet prints its publication stamp; used by the synthetic corpus generator.
    #[serde(default)]
    pub date_line: Option<String>,
}

impl Outlet {
    /// The name and then the aliases: every way the outlet is printed.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The edition languages `outlets.toml` may give: those of the press this coverage reads.
pub const LANGUAGES: [&str; 31] = [
    "ar", "be", "bg", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "hu", "it", "ja",
    "ka", "kk", "ko", "lt", "lv", "mn", "nl", "no", "pl", "pt", "ro", "ru", "sv", "uk", "zh",
];

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
    /// Each listed domain and its outlet.
    by_domain: HashMap<String, usize>,
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

    /// Checks the profiles and indexes their names and domains. Refused: an id that is not a
    /// slug or is taken; a name, alias or id another outlet also uses (ignoring case and a
    /// leading "The"); a domain that is not a bare lowercase host name or is listed twice; a
    /// language outside `LANGUAGES`; a country that is not two capital letters.
    pub fn new(file: &str, outlets: Vec<Outlet>) -> Result<Profiles, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            file: file.to_string(),
            message,
        };
        let mut ids = HashMap::new();
        let mut by_name = HashMap::new();
        let mut by_domain = HashMap::new();
        for (i, o) in outlets.iter().enumerate() {
            if !is_slug(&o.id) {
                return Err(invalid(format!(
                    "outlet id {:?}: use lowercase ascii letters, digits and hyphens",
                    o.id
                )));
            }
            if ids.insert(o.id.as_str(), i).is_some() {
                return Err(invalid(format!("outlet id {:?} is used twice", o.id)));
            }
            for key in [&o.id, &o.name].into_iter().chain(&o.aliases) {
                if key.trim().is_empty() {
                    return Err(invalid(format!("outlet {:?} has an empty name", o.id)));
                }
                if let Some(j) = by_name.insert(normalise(key), i)
                    && j != i
                {
                    return Err(invalid(format!(
                        "name {key:?} is used by outlets {:?} and {:?}",
                        outlets[j].id, o.id
                    )));
                }
            }
            for domain in &o.domains {
                if let Some(problem) = domain_problem(domain) {
                    return Err(invalid(format!(
                        "domain {domain:?} of outlet {:?}: {problem}",
                        o.id
                    )));
                }
                if let Some(j) = by_domain.insert(domain.clone(), i) {
                    return Err(invalid(format!(
                        "domain {domain:?} is listed by outlets {:?} and {:?}; keep it once",
                        outlets[j].id, o.id
                    )));
                }
            }
            if let Some(language) = &o.language
                && !LANGUAGES.contains(&language.as_str())
            {
                return Err(invalid(format!(
                    "language {language:?} of outlet {:?}: use an ISO 639-1 code, one of {}",
                    o.id,
                    LANGUAGES.join(", ")
                )));
            }
            if let Some(country) = &o.country
                && !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()))
            {
                return Err(invalid(format!(
                    "country {country:?} of outlet {:?}: use an ISO 3166-1 alpha-2 code such as \"KR\"",
                    o.id
                )));
            }
        }
        let signs = Some(Signs::new(&outlets));
        Ok(Profiles {
            outlets,
            by_name,
            by_domain,
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

    /// The outlet owning a host name or e-mail domain (`en.yna.co.kr` → Yonhap): the longest
    /// listed domain the host is or lies under (`asia.nikkei.com` is Nikkei Asia, not Nikkei).
    pub fn by_domain(&self, host: &str) -> Option<usize> {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        let mut rest = host.as_str();
        loop {
            if let Some(&outlet) = self.by_domain.get(rest) {
                return Some(outlet);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// Every boilerplate line of every profile, lowercased, for the cleaner.
    pub fn boilerplate(&self) -> impl Iterator<Item = &str> {
        self.outlets
            .iter()
            .flat_map(|o| o.boilerplate.iter().map(String::as_str))
    }

    /// Every name an outlet is printed under.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.outlets.iter().flat_map(Outlet::names)
    }
}

/// Lowercase ascii letters and digits in hyphen-joined runs: "the-korea-herald", "38-north".
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// What is wrong with a domain as `outlets.toml` lists it, if anything: it must be a bare
/// lowercase host name (`yna.co.kr`), without scheme, "www.", port or path.
fn domain_problem(domain: &str) -> Option<&'static str> {
    if domain.contains("://") {
        return Some("write it without the scheme");
    }
    if domain.contains(['/', '?', '#', ':', '@']) {
        return Some("write the host name alone, without path, port or user");
    }
    if domain.starts_with("www.") {
        return Some("write it without \"www.\"");
    }
    if domain.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some("write it in lowercase");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let top_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_lowercase()));
    if labels.len() < 2 || !labels.iter().all(label_ok) || !top_ok {
        return Some(
            "not a host name: lowercase ascii labels joined by dots, ending in a top-level domain",
        );
    }
    None
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

    /// The outlets shipped in `corpus/`, checked by the loader: no id, name, alias or domain
    /// twice, every domain a bare host name, every language and country a code.
    fn corpus() -> Profiles {
        Profiles::from_toml(
            "corpus/outlets.toml",
            include_str!("../../../corpus/outlets.toml"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn refusal(outlets: &str) -> String {
        match Profiles::from_toml("outlets.toml", outlets) {
            Ok(_) => panic!("accepted:\n{outlets}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn corpus_lists_at_least_300_well_formed_outlets() {
        let profiles = corpus();
        assert!(profiles.outlets.len() >= 300, "{}", profiles.outlets.len());
        for o in &profiles.outlets {
            for d in &o.domains {
                assert_eq!(profiles.by_domain(d), profiles.lookup(&o.id), "{d}");
            }
        }
        for agency in [
            "Reuters", "AFP", "Xinhua", "TASS", "Yonhap", "Kyodo", "KCNA", "UNIAN",
        ] {
            let o = profiles.lookup(agency).expect(agency);
            assert!(profiles.outlets[o].agency, "{agency}");
        }
    }

    #[test]
    fn corpus_names_no_actor_but_organisations() {
        let dict = crate::dictionary::Dictionary::from_toml(
            "corpus/actors.toml",
            include_str!("../../../corpus/actors.toml"),
        )
        .unwrap();
        let spellings: HashMap<String, &[crate::dictionary::Target]> = dict
            .patterns
            .iter()
            .map(|(p, t)| (p.to_lowercase(), t.as_slice()))
            .collect();
        for name in corpus().names() {
            let Some(targets) = spellings.get(&name.to_lowercase()) else {
                continue;
            };
            // KCNA is an outlet and an organisation: left out of its own pages' actors only.
            for t in targets.iter() {
                let organisation = matches!(t, crate::dictionary::Target::Actor(a, _)
                    if dict.actors[*a as usize].kind == crate::model::ActorKind::Organization);
                assert!(organisation, "outlet name {name:?} is also {t:?}");
            }
        }
    }

    #[test]
    fn corpus_names_around_an_actor_are_also_listed_without_the() {
        let dict = crate::dictionary::Dictionary::from_toml(
            "corpus/actors.toml",
            include_str!("../../../corpus/actors.toml"),
        )
        .unwrap();
        let matcher = crate::actors::Matcher::new(dict);
        let profiles = corpus();
        for o in &profiles.outlets {
            for name in o.names() {
                let Some(rest) = name.strip_prefix("The ") else {
                    continue;
                };
                let inside = matcher.find(&[rest], 0, None, &[]);
                assert!(
                    inside.is_empty() || o.names().any(|n| n == rest),
                    "{name:?} holds an actor: list {rest:?} as an alias too"
                );
            }
        }
    }

    #[test]
    fn longest_domain_wins() {
        let profiles = Profiles::from_toml(
            "outlets.toml",
            r#"
[[outlet]]
id = "joongang-ilbo"
name = "JoongAng Ilbo"
domains = ["joins.com"]

[[outlet]]
id = "korea-joongang-daily"
name = "Korea JoongAng Daily"
domains = ["koreajoongangdaily.joins.com"]
"#,
        )
        .unwrap();
        assert_eq!(profiles.by_domain("koreajoongangdaily.joins.com"), Some(1));
        assert_eq!(
            profiles.by_domain("www.koreajoongangdaily.joins.com"),
            Some(1)
        );
        assert_eq!(profiles.by_domain("news.joins.com"), Some(0));
        assert_eq!(profiles.by_domain("JOINS.COM"), Some(0));
        assert_eq!(profiles.by_domain("notjoins.com"), None);
        assert_eq!(profiles.by_domain("com"), None);
    }

    #[test]
    fn a_domain_listed_twice_is_refused() {
        let message = refusal(
            "[[outlet]]\nid = \"a\"\nname = \"A\"\ndomains = [\"a.com\"]\n\n\
             [[outlet]]\nid = \"b\"\nname = \"B\"\ndomains = [\"a.com\"]\n",
        );
        assert!(
            message.contains("\"a.com\" is listed by outlets"),
            "{message}"
        );
    }

    #[test]
    fn a_domain_that_is_not_a_bare_host_is_refused() {
        for domain in [
            "https://a.com",
            "www.a.com",
            "a.com/news",
            "A.com",
            "localhost",
            "a..com",
            "-a.com",
            "a.c0m",
            "a.com:8080",
        ] {
            let message = refusal(&format!(
                "[[outlet]]\nid = \"a\"\nname = \"A\"\ndomains = [\"{domain}\"]\n"
            ));
            assert!(message.contains("domain"), "{domain}: {message}");
        }
    }

    #[test]
    fn a_name_or_id_used_twice_is_refused() {
        let message = refusal(
            "[[outlet]]\nid = \"a\"\nname = \"The Paper\"\n\n\
             [[outlet]]\nid = \"b\"\nname = \"B\"\naliases = [\"PAPER\"]\n",
        );
        assert!(message.contains("is used by outlets"), "{message}");
        let message = refusal(
            "[[outlet]]\nid = \"a\"\nname = \"A\"\n\n[[outlet]]\nid = \"a\"\nname = \"B\"\n",
        );
        assert!(message.contains("used twice"), "{message}");
        let message = refusal("[[outlet]]\nid = \"The A\"\nname = \"A\"\n");
        assert!(message.contains("lowercase ascii"), "{message}");
    }

    #[test]
    fn language_and_country_must_be_codes() {
        let message = refusal("[[outlet]]\nid = \"a\"\nname = \"A\"\nlanguage = \"kr\"\n");
        assert!(message.contains("ISO 639-1"), "{message}");
        let message = refusal("[[outlet]]\nid = \"a\"\nname = \"A\"\ncountry = \"Korea\"\n");
        assert!(message.contains("ISO 3166-1"), "{message}");
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
