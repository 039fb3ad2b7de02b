//! Outlet profiles (`corpus/outlets.toml`) and telling which outlet printed a page from what it
//! prints: signatures, web and e-mail domains, copyright and reproduction lines, byline suffixes,
//! staff credits, "Source:" labels, title lines and a repost's note of where the story first ran,
//! in English and Korean (and the other languages' rights notices, "来源：" labels and Japanese
//! agency credits); a name the profiles do not list counts as printed. An agency's credit
//! tells whose copy it is (the `wire`), not who printed it. Knows nothing about dates or actors.

use crate::dictionary::ConfigError;
use crate::words::overlapping;
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

/// What the signs automaton found in a line.
#[derive(Debug, Clone, Copy, Default)]
struct LineSigns {
    signed: Option<usize>,
    copyright: bool,
    /// A word that staff credits hold ("staff", "desk", "기자").
    staff: bool,
}

/// What a copyright or reproduction line holds: the `COPYRIGHT` pattern's case-blind
/// alternatives, with both cases of the circled c, and the words of rights notices.
const COPYRIGHT_SIGNS: [&str; 18] = [
    "©",
    "ⓒ",
    "Ⓒ",
    "(c)",
    "copyright",
    "rights reserved",
    "무단",
    "저작권",
    "版权所有",
    "版權所有",
    "無断転載",
    "права защищены",
    "права захищені",
    "rechte vorbehalten",
    "droits réservés",
    "derechos reservados",
    "diritti riservati",
    "direitos reservados",
];

/// Rights notices in the other languages of the coverage, as `COPYRIGHT_SIGNS` lists them: a
/// line holding one is a copyright line as "All rights reserved" makes it.
const RIGHTS_NOTICES: [&str; 10] = [
    "版权所有",
    "版權所有",
    "無断転載",
    "права защищены",
    "права захищені",
    "rechte vorbehalten",
    "droits réservés",
    "derechos reservados",
    "diritti riservati",
    "direitos reservados",
];

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
            .chain(COPYRIGHT_SIGNS)
            .chain(STAFF_WORDS);
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

    /// What `line` holds: the first outlet (by index) whose signature it prints, a copyright
    /// sign, a word of staff credits.
    fn find(&self, line: &str) -> LineSigns {
        let mut found = LineSigns::default();
        let copyright_end = self.signatures.len() + COPYRIGHT_SIGNS.len();
        for m in overlapping(&self.automaton, line) {
            let k = m.pattern().as_usize();
            match self.signatures.get(k) {
                Some((outlet, signature)) if line[m.range()] == **signature => {
                    found.signed = Some(found.signed.map_or(*outlet, |s| s.min(*outlet)));
                }
                Some(_) => {}
                None if k < copyright_end => found.copyright = true,
                None => found.staff = true,
            }
        }
        found
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

    /// What a line holds of signatures, copyright signs and staff-credit words (all may be there
    /// when no automaton is built).
    fn signs(&self, line: &str) -> LineSigns {
        match &self.signs {
            Some(signs) => signs.find(line),
            None => LineSigns {
                signed: None,
                copyright: true,
                staff: true,
            },
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
/// A name as interface text prints it: capitalised words, "of", "the", "and" between them.
macro_rules! site_name {
    () => {
        r"((?:The\s+)?[A-Z0-9][\w.&-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[A-Z0-9][\w.&-]*){0,4})"
    };
}
/// "updates from NAME", "newsletters from NAME", "notifications from NAME", "highlights from
/// NAME".
static SELF_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i:updates|offers|newsletters?|notifications|alerts|e-?mails|highlights)\s+from\s+",
        site_name!(),
        r"(?:[\s.,;:!?]|$)"
    ))
    .unwrap()
});
/// "NAME's Terms", "NAME' Privacy Policy", "NAME's Journalistic Standards".
static SELF_POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(site_name!(), r"(?:'s|’s|')\s+(?:Terms|Privacy|Community\s+(?:Standards|Guidelines)|Journalistic\s+Standards|Editorial\s+(?:Standards|Guidelines|Policy)|Code\s+of)")).unwrap()
});
/// "Add NAME as a preferred source", "\"NAME\" is a registered trademark".
static SELF_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"\bAdd\s+", site_name!(), r"\s+as\s+a\s+(?:preferred|trusted)\s+source|[\x22“']([^\x22“”']{2,40})[\x22”']\s+is\s+a\s+registered\s+trade\s?mark")).unwrap()
});
/// A short line "About NAME", "More from NAME", "Contact NAME", and the site's own links to
/// follow it: "Follow NAME (on Pinterest)", "Subscribe to NAME (via RSS)". The interface words
/// in any case ("MORE FROM NAME").
static SELF_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?i:about|more\s+from|contact|follow|subscribe\s+to)\s+[\x22“]?)",
        site_name!(),
        r"[\x22”]?(?:\s+(?i:on|via)\s+(?i:facebook|twitter|x|instagram|pinterest|tumblr|youtube|linkedin|google\+?|rss|flipboard|apple\s+news))?[.!]?$"
    ))
    .unwrap()
});
/// A domain printed bare, as a name: "EXAMPLE.COM", "Example.co.uk".
static BARE_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s/|(·])((?:[A-Za-z0-9-]+\.)+(?i:com|net|org|co\.uk|co\.kr|com\.au|ca|in|kr|jp|ru|cn|ua|uk|de|at|ch|fr|es|it|nl|be|pl|se|no|dk|fi|pt|ie|eu|news|tv))(?:$|[\s/|)·,])").unwrap()
});
/// The holder after a copyright mark: "© 2024 Example Daily", "Copyright (c) 2019 by …". Read
/// through `copyright_marks`, which cuts the holder at `HOLDER_CHARS`.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:©|ⓒ|Ⓒ|\(c\)|copyright)\s*(?:©|ⓒ|Ⓒ|\(c\)|copyright\b)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:(?:by|of)\s+)?([^,|·<>\[\]\n]{2,})").unwrap()
});
/// The most characters of a copyright holder read.
const HOLDER_CHARS: usize = 80;

/// The copyright marks of a line, each as where it starts and the span of the holder it names,
/// cut at `HOLDER_CHARS` characters. The cut is made here rather than by a bounded repeat in the
/// pattern: the regex's lazy DFA, given the repeat of that wide class, built new states on
/// nearly every line it searched, some 30,000 instructions a line.
fn copyright_marks(line: &str) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + '_ {
    COPYRIGHT.captures_iter(line).filter_map(|c| {
        let (mark, holder) = (c.get(0)?, c.get(1)?);
        let end = holder
            .as_str()
            .char_indices()
            .nth(HOLDER_CHARS)
            .map_or(holder.end(), |(i, _)| holder.start() + i);
        Some((mark.start(), holder.start()..end))
    })
}
/// The holder before a Korean reproduction notice: "[한국경제 무단전재 및 재배포 금지]".
static BEFORE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[<(【]?\s*([^\s\[<(【][^\[<(【]{0,30}?)\s*무단\s*(?:전재|복제)").unwrap()
});
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bsource|출처|来源|來源)\s*[:：]\s*([^|·\n]{2,60}?)(?:\s+(?:published|posted|updated)\b|\s*[|·]|$)").unwrap()
});
static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Za-z][A-Za-z .&-]{1,40})\)\s*(?:--|—|-)").unwrap());
/// A Korean dateline credit: "(서울=연합뉴스)", "[도쿄=데일리예시]".
static KOREAN_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[(\[【]\s*[가-힣 ]{1,12}=\s*([^)\]】]{1,24}?)\s*[)\]】]").unwrap()
});
/// A Japanese dateline credit opening a story, naming the agency last: "【6月18日 AFP】",
/// "【ワシントン共同】".
static JAPANESE_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^【([^【】＝=]{1,24})】").unwrap());
/// A source credit closing a story: "(Yonhap June 19, 2024)", "(KCNA, 2024.06.19)".
static SOURCE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(\s*([A-Z][A-Za-z.&'-]*(?:\s[A-Z][A-Za-z.&'-]*){0,4})\s*[,/]?\s+[A-Za-z0-9][^()]{3,40}\)$").unwrap()
});
/// An outlet's name in a credit, captured: up to five capitalised words, "The" allowed first.
const OUTLET_NAME: &str =
    r"((?:[Tt]he\s+)?[A-Z0-9][A-Za-z0-9.&'’-]*(?:\s+[A-Z0-9][A-Za-z0-9.&'’-]*){0,4})";
/// Credits naming the outlet's staff or desk, or where the story first ran: "Korea Herald
/// staff", "From The Example Post's Seoul bureau", "This article originally appeared in …".
static STAFF_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let name = OUTLET_NAME;
    Regex::new(&format!(
        r"^(?:(?:[Bb]y\s+)?{name}\s+(?:[Ss]taff(?:\s+[Ww]riters?|\s+[Rr]eporters?)?|[Nn]ews\s+[Dd]esk|[Dd]esk|[Nn]ewsroom|[Ee]ditorial\s+[Bb]oard|[Ee]ditors|[Rr]eporters?|[Cc]orrespondents?)(?-u:\b)|[Ff]rom\s+{name}(?:'s|’s)\s|[Rr]epublished\s+(?:with\s+permission\s+)?(?:from|of)\s+{name})"
    ))
    .unwrap()
});
/// Where a story first ran: "This article originally appeared in …", "First published by …".
static FIRST_RAN: LazyLock<Regex> = LazyLock::new(|| {
    let name = OUTLET_NAME;
    Regex::new(&format!(
        r"(?:[Oo]riginally|[Ff]irst)\s+(?:appeared|published|ran)\s+(?:in|on|by|at)\s+{name}"
    ))
    .unwrap()
});
/// A repost's note of where the story first ran, opening its line: "This article originally
/// appeared in …", "A version of this story was first published by …", "Republished from …".
static REPOST: LazyLock<Regex> = LazyLock::new(|| {
    let name = OUTLET_NAME;
    Regex::new(&format!(
        r"^(?:(?:(?:This|The)\s+(?:article|story|piece|post|report|column|essay|interview|commentary|analysis|op-ed)|An?\s+(?:version|edition)\s+of\s+this\s+\w+)(?:\s+[a-z][\w,-]*){{0,4}}?\s+)?(?:[Oo]riginally|[Ff]irst)\s+(?:appeared|published|ran|posted)\s+(?:in|on|by|at)\s+{name}|^[Rr]epublished\s+(?:with\s+permission\s+)?(?:from|of)\s+{name}"
    ))
    .unwrap()
});
/// An author's biography naming the outlet they write for: "Jane Doe is a correspondent for The
/// Nation", "Jane Doe writes about Asia for Example Daily".
static BIO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"((?:[Tt]he\s+)?[A-Z0-9][A-Za-z0-9.&'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z0-9][A-Za-z0-9.&'’-]*){0,4})";
    Regex::new(&format!(
        r"(?-u:\b)(?:is|was)\s+(?:an?|the)\s+[^.]{{0,60}}?(?-u:\b)(?:correspondent|reporter|columnist|writer|editor|contributor|journalist|critic|producer)\s+(?:for|at|with)\s+{name}|(?-u:\b)writes(?-u:\b)[^.]{{0,80}}?\s+for\s+{name}"
    ))
    .unwrap()
});
/// A Korean credit naming the outlet before the reporter: "한국일보 홍길동 기자".
static KOREAN_STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[(]?\s*([가-힣A-Za-z0-9]{2,12})\s+[가-힣]{2,4}\s*(?:기자|특파원)").unwrap()
});
/// Words a line must hold for `STAFF_CREDIT` or `KOREAN_STAFF` to be worth running; found in
/// the same pass as the signatures.
const STAFF_WORDS: [&str; 20] = [
    "staff",
    "desk",
    "newsroom",
    "editorial board",
    "editors",
    "reporter",
    "correspondent",
    "appeared",
    "published",
    "first ran",
    "from ",
    "기자",
    "특파원",
    "columnist",
    "writer",
    "editor",
    "contributor",
    "journalist",
    "critic",
    "writes",
];

/// An outlet named by the page: one `outlets.toml` knows, or a name as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// An index into `Profiles::outlets`.
    Known(usize),
    /// A name the page prints that `outlets.toml` does not list, cleaned of marks and years.
    Printed(String),
}

impl Name {
    /// The display name: the profile's name when known, else the name as printed.
    pub fn display<'a>(&'a self, profiles: &'a Profiles) -> &'a str {
        match self {
            Name::Known(o) => &profiles.outlets[*o].name,
            Name::Printed(name) => name,
        }
    }
}

/// Which outlet printed a page and which agency's copy it carries, as the page shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detection {
    pub outlet: Option<Name>,
    /// The agency credited with the copy, when another outlet printed it.
    pub wire: Option<Name>,
    /// The line that named the outlet (`None` when the address or title did).
    pub line: Option<String>,
    /// Where that line is among the lines read.
    pub at: Option<usize>,
    /// Whether the sign that named the outlet is weak: a menu's entry (a list of sister sites),
    /// an author's biography, a masthead-shaped line, or the company holding the page's
    /// copyright ("© 2014 Example Media Inc.", read as the known outlet "Example", though the
    /// company may publish several titles). A site name the page declares in its markup says
    /// better which outlet this is.
    pub weak: bool,
}

/// How sure a sign is, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// A dateline or closing credit such as "(Yonhap) --": who wrote the copy.
    Credit,
    /// An author's biography naming where they write ("… is a correspondent for The Nation").
    Bio,
    /// A copyright holder whose name is a company's ("… Media", "… Entertainment",
    /// "… Newspapers"): the publisher behind the title more often than the title.
    Company,
    /// A short name-shaped line the page repeats in its menus and links ("The Nation").
    Masthead,
    /// A copyright holder `outlets.toml` does not list: often the company, not the title.
    Holder,
    /// A name the page prints as its own that `outlets.toml` does not list (a byline suffix, a
    /// staff credit, a title line, a "Source:" label).
    Printed,
    /// A known outlet named by a byline, credit, e-mail domain, "Source:" label, title suffix or
    /// a line of its own.
    Own,
    /// A known outlet holding the page's copyright under its own name, not a company's: the
    /// printer, whatever a staff credit, a photo credit or a list of outlets names above it.
    Rights,
    /// The page's address or a signature: only that outlet prints it.
    Declared,
    /// A repost's credit of where the story first ran ("This article originally appeared in
    /// …"): the outlet, over the site that reposted it.
    Original,
}

/// One sign of who printed the page.
struct Sign {
    strength: Strength,
    name: Name,
    agency: bool,
    /// The line it was on, if any.
    line: Option<usize>,
}

/// The outlet a page shows it was printed by, and the agency whose copy it carries.
///
/// The strongest sign naming an outlet that is not an agency decides; an agency is the outlet
/// only when no other outlet is named, else it is the `wire`. Once a known printer is named, the
/// rest of the page is read only for agencies' credits and the signs that outrank it (a known
/// outlet's own copyright line, a repost's note); a company holding the copyright gives way to
/// the title the page names after it. `bylines` are the indices of the
/// lines the cleaner read as bylines (their outlet suffix counts). Names `outlets.toml` does not
/// list count when printed as the outlet's own: in a copyright or reproduction line, a byline
/// suffix, a staff credit or a "Source:" label.
///
/// ```
/// use reader::outlets::{detect, Name, Profiles};
/// let profiles = Profiles::from_toml("outlets.toml", r#"
///     [[outlet]]
///     id = "yonhap"
///     name = "Yonhap"
///     agency = true
/// "#).unwrap();
/// let lines = ["SEOUL, June 19 (Yonhap) -- Kim met Putin.", "© 2024 Example Daily. All rights reserved."];
/// let found = detect(&profiles, &lines, &[], None, None);
/// assert_eq!(found.outlet, Some(Name::Printed("Example Daily".into())));
/// assert_eq!(found.wire, Some(Name::Known(0)));
/// ```
pub fn detect(
    profiles: &Profiles,
    lines: &[&str],
    bylines: &[usize],
    title: Option<&str>,
    url: Option<&str>,
) -> Detection {
    let mut signs: Vec<Sign> = Vec::new();
    if let Some(url) = url {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        if let Some(o) = profiles.by_domain(host) {
            push(
                profiles,
                &mut signs,
                Strength::Declared,
                Name::Known(o),
                None,
            );
        }
    }
    if let Some(title) = title {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " < "] {
            if let Some((_, suffix)) = title.rsplit_once(sep)
                && let Some(name) = outlet_name(profiles, suffix)
            {
                push(profiles, &mut signs, Strength::Own, name, None);
                break;
            }
        }
    }
    // A short item between short items: a menu's entry (a section called like another outlet,
    // a list of sister sites), which names no printer for sure.
    let short = |k: usize| {
        lines.get(k).is_some_and(|l| {
            let l = l.trim();
            !l.is_empty() && l.split_whitespace().count() <= 4 && !l.ends_with(['.', '?', '!'])
        })
    };
    // A line naming a known outlet alone: a list of outlets (news services, sister sites).
    let listed = |k: usize| {
        lines
            .get(k)
            .is_some_and(|l| l.len() <= 48 && profiles.lookup(l.trim()).is_some())
    };
    // Whether a name is an author's: a byline line prints it.
    let author = |name: &str| {
        crate::clean::is_names(name)
            && bylines
                .iter()
                .any(|&b| lines.get(b).is_some_and(|l| l.contains(name)))
    };
    let mut settled = false;
    for (i, line) in lines.iter().enumerate() {
        let byline = bylines.contains(&i);
        if settled {
            later_signs(profiles, line, byline, &mut |s, n| {
                push(profiles, &mut signs, s, n, Some(i));
            });
            continue;
        }
        let before = signs.len();
        // The last of a run of short items over the copyright line or the page's end: a list of
        // partner sites closing the footer.
        let footer_list_end = || {
            i > 1
                && short(i - 1)
                && short(i - 2)
                && lines
                    .get(i + 1)
                    .is_none_or(|next| profiles.signs(next).copyright)
        };
        // Only a short line can be a menu's entry (the masthead test in `line_signs`): between
        // short items, beside a list of outlets, or closing a footer's list.
        let in_menu = || {
            line.len() <= 48
                && i > 0
                && (short(i - 1) && short(i + 1)
                    || listed(i - 1)
                    || listed(i + 1)
                    || footer_list_end())
        };
        line_signs(profiles, line, byline, &in_menu, &author, &mut |s, n| {
            push(profiles, &mut signs, s, n, Some(i));
        });
        // The first sign naming a known printer that is not an agency settles it but for a
        // signature or the address, which come first on their line, and the few signs that
        // outrank it: the rest of the page is read only for those and for agencies' credits.
        settled = signs[before..]
            .iter()
            .any(|s| s.strength >= Strength::Own && !s.agency);
    }
    // The masthead is looked for only when nothing stronger names a printer: another outlet,
    // or an agency printing its own page (its name alone, its address, its copyright).
    let named = signs.iter().any(|s| {
        !s.agency && s.strength >= Strength::Masthead || s.agency && s.strength >= Strength::Own
    });
    if !named && let Some((i, name)) = masthead(lines) {
        push(profiles, &mut signs, Strength::Masthead, name, Some(i));
    }
    choose(profiles, lines, &signs)
}

/// A short line shaped like an outlet's name that the page prints again and again in its
/// menus and links ("The Nation", "About The Nation", "More from The Nation"): the masthead,
/// the weakest sign of a name `outlets.toml` does not list.
fn masthead(lines: &[&str]) -> Option<(usize, Name)> {
    let mut tried = 0;
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.len() > 40
            || !line.starts_with(|c: char| c.is_uppercase() || ('가'..='힣').contains(&c))
            || line.bytes().any(|b| b.is_ascii_digit() || b == b':')
            || line.split_whitespace().count() > 4
            || !is_masthead_name(line)
        {
            continue;
        }
        let Some(name) = clean_printed(line).filter(|n| n == line) else {
            continue;
        };
        let repeats = lines.iter().filter(|l| l.contains(line)).count();
        if repeats >= 3 {
            return Some((i, Name::Printed(name)));
        }
        tried += 1;
        if tried == 8 {
            break;
        }
    }
    None
}

/// Whether a short line could be a publication's name: shaped like an outlet's, and more than
/// a section word ("News", "World") or a code ("IN").
fn is_masthead_name(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let distinct = words
        .iter()
        .any(|w| !OUTLET_WORDS.contains(w) && !["the", "and", "of"].contains(w));
    let korean = line.chars().filter(|c| ('가'..='힣').contains(c)).count() >= 3
        && !KOREAN_OUTLET_ENDINGS.contains(&line);
    // A menu's entry names a kind of content in the plural ("Press Releases", "TV Shows"); a
    // link asks the reader to do something ("Report Abuse", "Sign In").
    let menu_entry = words.last().is_some_and(|w| MENU_PLURALS.contains(w))
        || words.first().is_some_and(|w| LINK_VERBS.contains(w));
    looks_like_outlet(line)
        && !menu_entry
        && (words.len() >= 2 && distinct || korean)
        && !crate::headline::is_section_label(line)
}

/// How many lines open a page: where its masthead stands.
const TOP_LINES: usize = 20;

/// Verbs that open a link or a button, not a publication's name.
const LINK_VERBS: &[&str] = &[
    "report",
    "sign",
    "log",
    "subscribe",
    "share",
    "follow",
    "read",
    "watch",
    "listen",
    "download",
    "contact",
    "advertise",
    "join",
    "get",
    "manage",
    "donate",
    "skip",
    "back",
    "send",
];

/// Kinds of content a site's menus list, in the plural.
const MENU_PLURALS: &[&str] = &[
    "releases",
    "shows",
    "cards",
    "videos",
    "photos",
    "podcasts",
    "newsletters",
    "games",
    "puzzles",
    "events",
    "jobs",
    "deals",
    "reviews",
    "recipes",
    "sections",
    "topics",
    "stories",
    "services",
    "listings",
    "classifieds",
    "obituaries",
    "horoscopes",
    "offers",
    "subscriptions",
    "awards",
    "rankings",
    "programs",
    "programmes",
    "products",
    "coupons",
    "crosswords",
];

/// Records a sign: whether it names an agency, and a printed name never above `Printed` (but
/// for a repost's credit). A printed name `outlets.toml` lists under that spelling is the
/// listed outlet ("The Associated Press" as a masthead is the agency).
fn push(
    profiles: &Profiles,
    signs: &mut Vec<Sign>,
    strength: Strength,
    name: Name,
    line: Option<usize>,
) {
    let name = match name {
        Name::Printed(n) => profiles.lookup(&n).map_or(Name::Printed(n), Name::Known),
        known => known,
    };
    let agency = match &name {
        Name::Known(o) => profiles.outlets[*o].agency,
        Name::Printed(n) => is_agency_name(n),
    };
    let strength = match name {
        Name::Printed(_) if strength == Strength::Original => strength,
        Name::Printed(_) => strength.min(Strength::Printed),
        // A known outlet is named, whatever the line that names it, but for a company named
        // after it.
        Name::Known(_) if strength > Strength::Company => strength.max(Strength::Own),
        Name::Known(_) => strength,
    };
    signs.push(Sign {
        strength,
        name,
        agency,
        line,
    });
}

/// The outlet from the signs: the strongest, earliest sign of an outlet that is not an agency,
/// else of an agency; the wire is the strongest agency sign naming another outlet.
fn choose(profiles: &Profiles, lines: &[&str], signs: &[Sign]) -> Detection {
    let best = |agency: bool| {
        signs
            .iter()
            .filter(|s| s.agency == agency)
            .min_by_key(|s| (std::cmp::Reverse(s.strength), s.line))
    };
    let outlet = best(false).or_else(|| best(true));
    let same = |a: &Name, b: &Name| match (a, b) {
        (Name::Known(x), Name::Known(y)) => x == y,
        _ => a
            .display(profiles)
            .eq_ignore_ascii_case(b.display(profiles)),
    };
    let wire = signs
        .iter()
        .filter(|s| s.agency && outlet.is_none_or(|o| !same(&o.name, &s.name)))
        .min_by_key(|s| (std::cmp::Reverse(s.strength), s.line))
        .map(|s| s.name.clone());
    let mut name = outlet.map(|s| s.name.clone());
    let mut line = outlet.and_then(|s| s.line);
    // A company holding the copyright publishes the title the page names after it: when the
    // name chosen is that holder, not another name on its line ("© Example Newspapers.
    // \"Example Daily\" is a registered trademark").
    let group = |o: &Sign| {
        signs
            .iter()
            .filter(|s| s.name == o.name)
            .filter_map(|s| s.line)
            .find_map(|i| {
                profiles.signs(lines[i]).copyright.then_some(())?;
                let holder = match copyright_holder(profiles, lines[i])? {
                    Name::Printed(n) => profiles.lookup(&n).map_or(Name::Printed(n), Name::Known),
                    known => known,
                };
                (holder == o.name).then_some(())?;
                holder_group(lines[i])
            })
    };
    // The wire stays as read: the group's own copy is no other's (an agency's magazine).
    let mut weak = outlet.is_some_and(|o| o.strength < Strength::Own);
    if let Some(o) = outlet
        && o.strength < Strength::Rights
        && let Some(group) = group(o)
    {
        match group_title(profiles, lines, signs, group, &o.name) {
            Some((title, at)) => {
                name = Some(title);
                line = at;
            }
            None => weak = true,
        }
    }
    Detection {
        outlet: name,
        wire,
        line: line.map(|i| lines[i].trim().to_string()),
        at: line,
        weak,
    }
}

/// The title a company publishes the page under, named after the company ("Example Media Inc."
/// → "Example Daily"): another outlet the page names (in a menu too) whose name opens with the
/// company's first word, else a short name-shaped line opening with it that the page prints
/// three times or more, as a masthead is.
fn group_title(
    profiles: &Profiles,
    lines: &[&str],
    signs: &[Sign],
    group: &str,
    holder: &Name,
) -> Option<(Name, Option<usize>)> {
    // The title may set the company's word in another case ("FOX News Network" → "Fox News").
    let opens = |name: &str| {
        let name = name.strip_prefix("The ").unwrap_or(name);
        name.get(..group.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(group))
            && matches!(name[group.len()..].chars().next(), None | Some(' '))
    };
    let titled = |name: &Name| match name {
        Name::Known(k) => profiles.outlets[*k].names().any(opens),
        Name::Printed(n) => opens(n),
    };
    if let Some(s) = signs
        .iter()
        .filter(|s| !s.agency && s.name != *holder && titled(&s.name))
        .min_by_key(|s| (std::cmp::Reverse(s.strength), s.line))
    {
        return Some((s.name.clone(), s.line));
    }
    let mut tried = 0;
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.len() > 40 || !opens(line) {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let last = words.last().map_or(String::new(), |w| w.to_lowercase());
        if !(2..=4).contains(&words.len())
            || line.bytes().any(|b| b.is_ascii_digit() || b == b':')
            || !words.iter().all(|w| w.starts_with(char::is_uppercase))
            || MENU_PLURALS.contains(&last.as_str())
            || CORPORATE_WORDS.contains(&last.trim_end_matches('.'))
            || crate::headline::is_section_label(line)
        {
            continue;
        }
        // Printed three times, or twice with one of them at the top of the page, where the
        // masthead and its "back to home" link stand.
        let printed = lines.iter().filter(|l| l.contains(line)).count();
        if printed >= 3 || printed == 2 && i < TOP_LINES {
            let name = profiles
                .lookup(line)
                .map_or_else(|| Name::Printed(line.to_string()), Name::Known);
            return Some((name, Some(i)));
        }
        tried += 1;
        if tried == 4 {
            break;
        }
    }
    None
}

/// The signs in one line. Each pattern runs only on lines holding what it needs: "://" or "@"
/// for an address, a copyright sign or notice, a colon for a "Source:" label, a parenthesis for
/// a credit, a staff word for a staff credit.
fn line_signs(
    profiles: &Profiles,
    line: &str,
    byline: bool,
    in_menu: &dyn Fn() -> bool,
    author: &dyn Fn(&str) -> bool,
    add: &mut impl FnMut(Strength, Name),
) {
    let LineSigns {
        signed,
        copyright,
        staff,
    } = profiles.signs(line);
    // A known outlet named in a menu is as weak as a biography's mention.
    let own_unless_in_menu = || {
        if in_menu() {
            Strength::Bio
        } else {
            Strength::Own
        }
    };
    if let Some(o) = signed {
        add(Strength::Declared, Name::Known(o));
    }
    let url = line.contains("://");
    if url || line.contains('@') {
        for c in URL_HOST.captures_iter(line) {
            let host = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            if let Some(o) = profiles.by_domain(host) {
                add(Strength::Own, Name::Known(o));
            }
        }
    }
    if byline
        && let Some(suffix) = crate::clean::byline_outlet(line, &|n| profiles.lookup(n).is_some())
        && let Some(name) = outlet_name(profiles, &suffix)
    {
        add(Strength::Own, name);
    }
    // "Par Le Figaro et AFP": a known outlet credited in the authors' place.
    if byline
        && let Some(authors) = crate::clean::byline_authors(line, &|n| profiles.lookup(n).is_some())
        && let Some(o) = profiles.lookup(&authors)
        && !profiles.outlets[o].agency
    {
        add(Strength::Own, Name::Known(o));
    }
    if copyright && let Some(name) = copyright_holder(profiles, line) {
        // The holder up to the notice: "NDTV CONVERGENCE LIMITED 2020".
        let legal_form = || {
            copyright_marks(line).any(|(_, holder)| {
                let raw = &line[holder];
                has_legal_form(raw.split(". ").next().unwrap_or(raw))
            })
        };
        let strength = match &name {
            Name::Known(o) if !profiles.outlets[*o].agency && own_holder(profiles, line) => {
                Strength::Rights
            }
            // "© 2014 Example Media, Inc.": the company a known title is named after, which
            // publishes other titles too; the title the page names itself by outranks it.
            Name::Known(o)
                if copyright_marks(line).any(|(_, holder)| {
                    clean_printed(&line[holder]).is_some_and(|n| {
                        is_company_name(&n) && profiles.lookup(&n).is_none_or(|k| k != *o)
                    })
                }) =>
            {
                Strength::Company
            }
            Name::Known(_) => Strength::Own,
            Name::Printed(n) if is_company_name(n) || legal_form() => Strength::Company,
            Name::Printed(_) => Strength::Holder,
        };
        add(strength, name);
    }
    // The site naming itself in its own interface: "updates from NAME", "NAME's Terms",
    // "About NAME", "\"NAME\" is a registered trademark".
    if line.len() <= 300 {
        // "Follow Jane Doe on Twitter", "More from Jane Doe": the byline's author, not the site.
        for name in self_named(line).into_iter().filter(|n| !author(n)) {
            match holder_name(profiles, name) {
                // "About Example Interactive": the company behind the known "Example", which
                // may publish other titles.
                Some(Name::Known(o))
                    if profiles.lookup(name.trim()).is_none()
                        && (is_company_name(name) || has_legal_form(name)) =>
                {
                    add(Strength::Company, Name::Known(o))
                }
                Some(Name::Known(o)) => add(Strength::Own, Name::Known(o)),
                // "newsletters from Example Network Inc.": the company, not the title. Else the
                // site's own links name the site ("Contact Glimmer" outranks the company holding
                // the copyright), but a person ("About Jane Doe") or a section ("About Travel")
                // stays weak.
                Some(Name::Printed(n)) if !is_company_name(&n) && !has_legal_form(name) => add(
                    if looks_like_outlet(&n)
                        || !crate::clean::is_names(&n) && !crate::headline::is_section_label(&n)
                    {
                        Strength::Printed
                    } else {
                        Strength::Holder
                    },
                    Name::Printed(n),
                ),
                _ => {}
            }
        }
    }
    // A bare domain printed as the site's name: "NAME / EXAMPLE.COM / Sep 2, 2024".
    if line.len() <= 200 && !url && !line.contains('@') && dotted_word(line) {
        for c in BARE_DOMAIN.captures_iter(line) {
            if let Some(o) = profiles.by_domain(&c[1].to_ascii_lowercase()) {
                // In a menu it is a sister site's link.
                add(own_unless_in_menu(), Name::Known(o));
            }
        }
    }
    let short = line.len() <= 160 || !crate::words::more_chars_than(line, 160);
    // The label's letters, in either case, before the regex.
    if (line.contains(':')
        && (line.contains("ource") || line.contains("OURCE") || line.contains("출처")))
        || (line.contains("来源") || line.contains("來源")) && line.contains([':', '：'])
    {
        for c in SOURCE_LABEL.captures_iter(line) {
            let list = c[1].contains([';', ',']) || c[1].split_whitespace().count() > 4;
            if let Some(name) = outlet_name(profiles, &c[1]).filter(|_| short && !list) {
                add(Strength::Own, name);
            } else if let Some(o) = profiles.lookup(&c[1]) {
                add(Strength::Own, Name::Known(o));
            }
        }
    }
    if staff
        && line.len() <= 600
        && (line.contains(" for ") || line.contains(" at ") || line.contains(" with "))
        && (line.contains(" is ") || line.contains(" was ") || line.contains("writes"))
        && BIO_CREDIT.is_match(line)
        && let Some(c) = BIO_CREDIT.captures(line)
    {
        let name = (1..c.len())
            .find_map(|k| c.get(k))
            .map_or("", |m| m.as_str());
        if let Some(name) = outlet_name(profiles, name) {
            add(Strength::Bio, name);
        }
    }
    // A repost names where the story first ran.
    if line.len() <= 300
        && let Some(name) = repost_credit(profiles, line)
    {
        add(Strength::Original, name);
    }
    // The staff credits open the line, but for "… first appeared in …", and the Korean ones
    // name a reporter.
    // The staff credits are anchored at the line's opening: they fail at once on prose.
    // Each credit's words are looked for only on a short line that may hold a staff credit.
    if short && staff {
        let english = || line.starts_with(|c: char| c.is_ascii_uppercase() || c == 'b');
        let first_ran = || line.contains("riginally") || line.contains("irst ");
        let korean = || line.contains("기자") || line.contains("특파원");
        for (re, run, staff_branch) in [
            (&*STAFF_CREDIT, &english as &dyn Fn() -> bool, true),
            (&*FIRST_RAN, &first_ran, false),
            (&*KOREAN_STAFF, &korean, false),
        ] {
            if run()
                && re.is_match(line)
                && let Some(c) = re.captures(line)
                // "NAME staff" must end as a credit does.
                && !(staff_branch
                    && c.get(1).is_some()
                    && !credit_ends(line, c.get(0).expect("group 0").end()))
            {
                let name = (1..c.len())
                    .find_map(|k| c.get(k))
                    .map_or("", |m| m.as_str());
                if let Some(name) = outlet_name(profiles, name) {
                    add(Strength::Own, name);
                }
            }
        }
    }
    if line.contains(['(', '[', '【']) {
        credits(profiles, line, short, false, add);
    }
    // A title line: "Headline | Outlet".
    if line.len() <= 200
        && !line.ends_with(['.', '?', '!', '"', '”', ')'])
        && crate::words::find_byte(line.as_bytes(), 0, |b| {
            (b == b'|') | (b == b'-') | (b == 0xE2)
        })
        .is_some()
        && let Some((sep, head, suffix)) = [" | ", " - ", " – ", " — "]
            .iter()
            .find_map(|sep| line.rsplit_once(sep).map(|(h, s)| (sep, h, s)))
        && suffix.len() <= 60
        && suffix.split_whitespace().count() <= 5
        // A headline before it, not a menu's items ("News | Sport | Weather") or an address's
        // parts ("Main 202 555 0100 | Fax …").
        && head.split(sep).count() <= 2
        && head
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 3
        && let Some(name) = outlet_name(profiles, suffix)
    {
        add(Strength::Own, name);
    }
    // A line that is only the name of an outlet that is not an agency: a masthead or a logo's
    // text (an agency's name alone is a photo credit as often).
    if line.len() <= 48
        && !line.ends_with(['.', ':', ','])
        && line.bytes().filter(|&b| b == b' ').count() < 5
        && !line.contains(':')
        // "Nation" over a list of stories is a section, not "The Nation".
        && (line.trim().contains(' ') || !crate::headline::is_section_label(line))
        && line.starts_with(|c: char| {
            c.is_uppercase() || c.is_ascii_digit() || ('가'..='힣').contains(&c) || is_cjk(c)
        })
        && let Some(o) = profiles.lookup(line.trim())
        && !profiles.outlets[o].agency
    {
        add(own_unless_in_menu(), Name::Known(o));
    }
}

/// Agencies' credits in parentheses or brackets: a dateline's "(AFP) —", a Korean "(서울=연합뉴스)"
/// (naming an outlet `outlets.toml` does not list, unless `agencies_only`), a closing "(Yonhap
/// June 19, 2024)".
fn credits(
    profiles: &Profiles,
    line: &str,
    short: bool,
    agencies_only: bool,
    add: &mut impl FnMut(Strength, Name),
) {
    if dash_after_parenthesis(line) {
        for c in CREDIT.captures_iter(line) {
            if let Some(o) = profiles
                .lookup(&c[1])
                .filter(|&o| profiles.outlets[o].agency)
            {
                add(Strength::Credit, Name::Known(o));
            }
        }
    }
    let opening = line.trim_start();
    if opening.starts_with(['(', '[', '【'])
        && line.contains('=')
        && let Some(c) = KOREAN_CREDIT.captures(line)
    {
        match profiles.lookup(&c[1]) {
            Some(o) if !agencies_only || profiles.outlets[o].agency => {
                add(Strength::Credit, Name::Known(o))
            }
            Some(_) => {}
            // A Korean outlet's own dateline names it: "(서울=데일리예시)".
            None if agencies_only => {}
            None => {
                if let Some(name) = clean_printed(&c[1]).filter(|n| looks_like_outlet(n)) {
                    add(Strength::Printed, Name::Printed(name));
                }
            }
        }
    }
    if opening.starts_with('【')
        && let Some(c) = JAPANESE_CREDIT.captures(opening)
        && let Some(o) = japanese_credit_agency(profiles, &c[1])
    {
        add(Strength::Credit, Name::Known(o));
    }
    if short
        && opening.starts_with('(')
        && line.trim_end().ends_with(')')
        && let Some(c) = SOURCE_CREDIT.captures(line.trim())
        && let Some(o) = lookup_prefix(profiles, &c[1])
        && (!agencies_only || profiles.outlets[o].agency)
    {
        add(Strength::Credit, Name::Known(o));
    }
}

/// The agency a Japanese dateline credit ends with: its last word ("6月18日 AFP"), or the
/// short name Japanese papers print glued to the place ("ワシントン共同" is 共同通信).
fn japanese_credit_agency(profiles: &Profiles, credit: &str) -> Option<usize> {
    let agency = |o: &usize| profiles.outlets[*o].agency;
    let last = credit.split_whitespace().last()?;
    if let Some(o) = profiles.lookup(last).filter(agency) {
        return Some(o);
    }
    ["共同", "時事"]
        .iter()
        .find(|short| credit.ends_with(*short))
        .and_then(|short| profiles.lookup(&format!("{short}通信")))
        .filter(agency)
}

/// The signs read once a known printer is named (see `detect`): agencies' credits, which give
/// the wire; a known outlet's own copyright line; a repost's credit of where the story first
/// ran. Each runs only on lines holding what it needs.
fn later_signs(
    profiles: &Profiles,
    line: &str,
    byline: bool,
    add: &mut impl FnMut(Strength, Name),
) {
    if byline
        && let Some(suffix) = crate::clean::byline_outlet(line, &|n| profiles.lookup(n).is_some())
        && let Some(o) = lookup_prefix(profiles, &suffix)
        && profiles.outlets[o].agency
    {
        add(Strength::Own, Name::Known(o));
    }
    let short = line.len() <= 160 || !crate::words::more_chars_than(line, 160);
    if line.contains(['(', '[', '【']) {
        credits(profiles, line, short, true, add);
    }
    if line.len() <= 300 {
        if profiles.signs(line).copyright
            && let Some(Name::Known(o)) = copyright_holder(profiles, line)
            && !profiles.outlets[o].agency
            && own_holder(profiles, line)
        {
            add(Strength::Rights, Name::Known(o));
        }
        if let Some(name) = repost_credit(profiles, line) {
            add(Strength::Original, name);
        }
    }
}

/// Whether a staff credit ending at `end` ends there, or goes on as credits do ("… staff and
/// agencies", "… staff in Seoul", "… staff | June 2"), and not as a sentence ("GP staff urged
/// to …"): a teaser's headline about some staff is no credit.
fn credit_ends(line: &str, end: usize) -> bool {
    let rest = line[end..].trim_start();
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !rest.starts_with(char::is_lowercase)
        || [
            "and", "with", "in", "at", "from", "report", "reports", "writer", "writers",
        ]
        .contains(&word)
}

/// The first word of a copyright holder's name when the name is a company's, with a corporate
/// form or a word for a business ("© 2024 Example Media Inc.", "Example L.P.", "Example
/// Entertainment Co."): the group, whose title the page may name elsewhere.
fn holder_group(line: &str) -> Option<&str> {
    let (_, holder) = copyright_marks(line).next()?;
    let raw = &line[holder.clone()];
    // A legal form after a comma is the company's too: "© 2011 Example News Network, LLC".
    let legal_form = line[holder.end..]
        .strip_prefix(',')
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|w| {
            let bare = w.trim_end_matches('.').to_lowercase();
            CORPORATE_WORDS[..LEGAL_FORMS].contains(&bare.as_str())
        });
    let raw = raw.split(". ").next().unwrap_or(raw);
    let mut words = raw
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words
        .clone()
        .find(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))?;
    let corporate = words.any(|w| {
        let bare: String = w
            .chars()
            .filter(|c| *c != '.')
            .collect::<String>()
            .to_lowercase();
        CORPORATE_WORDS.contains(&bare.as_str())
    });
    ((corporate || legal_form) && first.starts_with(char::is_uppercase)).then_some(first)
}

/// Whether a copyright line's holder is a known outlet under its own name, not a company's:
/// nothing but a notice, a lowercase word or a mark follows the name ("© 2024 Example Daily -
/// by Example Group", "© Example Daily. All rights reserved"), where "Example Broadcasting
/// Corporation" or "EXAMPLE UNIVERSAL" goes on with the company's words.
fn own_holder(profiles: &Profiles, line: &str) -> bool {
    if holder_group(line).is_some() {
        return false;
    }
    let Some((_, holder)) = copyright_marks(line).next() else {
        return false;
    };
    let raw = &line[holder];
    let quick = raw
        .split(". ")
        .next()
        .unwrap_or(raw)
        .trim_end_matches(['.', ' ']);
    let words: Vec<&str> = quick.split_whitespace().collect();
    let Some(n) = (1..=words.len().min(6))
        .rev()
        .find(|&n| profiles.lookup(&words[..n].join(" ")).is_some())
    else {
        return false;
    };
    words.get(n).is_none_or(|w| {
        *w == "All" || !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// How many of `CORPORATE_WORDS`, from the first, are legal forms ("Inc.", "LLC", "GmbH").
const LEGAL_FORMS: usize = 9;
/// Where the words that end a business's name in English ("… Media", "… Holdings") start in
/// `CORPORATE_WORDS`: after the legal forms and the German publishers' words.
const BUSINESS_WORDS: usize = LEGAL_FORMS + 2;

/// Corporate forms and words for a business, without dots, lowercased: the legal forms first,
/// then the German publishers' words, then the English business words.
const CORPORATE_WORDS: [&str; 25] = [
    "inc",
    "ltd",
    "lp",
    "llc",
    "co",
    "corp",
    "plc",
    "limited",
    "gmbh",
    "verlag",
    "verlagsgesellschaft",
    "media",
    "entertainment",
    "newspapers",
    "publishing",
    "publications",
    "communications",
    "enterprises",
    "holdings",
    "group",
    "corporation",
    "company",
    "ventures",
    "partners",
    "interactive",
];

/// Whether a dot stands between a letter or digit and a letter somewhere in the line, as in
/// every domain name ("example.com"); a sentence's full stop is followed by a space.
fn dotted_word(line: &str) -> bool {
    line.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphabetic())
}

/// Whether a closing parenthesis is followed by a dash, as in an agency's credit ("(AFP) -").
fn dash_after_parenthesis(line: &str) -> bool {
    line.match_indices(')')
        .any(|(k, _)| line[k + 1..].trim_start().starts_with(['-', '\u{2014}']))
}

/// The outlet a repost's note names as where the story first ran (see `REPOST`), a name shaped
/// like an outlet's or any name but a date's.
fn repost_credit(profiles: &Profiles, line: &str) -> Option<Name> {
    let opening = line.trim_start();
    if !(opening.starts_with(['T', 'A', 'O', 'F', 'R'])
        && (line.contains("riginally") || line.contains("irst ") || line.contains("epublished")))
    {
        return None;
    }
    let c = REPOST.captures(opening)?;
    let raw = c.get(1).or_else(|| c.get(2))?.as_str();
    let name = holder_name(profiles, raw)?;
    let printed = name.display(profiles);
    let first = printed.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches('.');
    let month = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
    .iter()
    .any(|m| first.eq_ignore_ascii_case(m));
    let dated = printed.bytes().any(|b| b.is_ascii_digit()) || month;
    (!dated).then_some(name)
}

/// The names a line's interface phrases give the site itself: a newsletter or notice "from
/// NAME", "NAME's Terms" or "Privacy Policy", "Add NAME as a preferred source", a short "About
/// NAME" or "More from NAME" line, a quoted name "is a registered trademark".
pub(crate) fn self_named(line: &str) -> Vec<&str> {
    // Most lines hold none of the phrases' words: they are told apart before any is lowercased.
    let worth = [
        " from ", " From ", " FROM ", "'s ", "’s ", "' ", "ource", "OURCE", "rademark", "RADEMARK",
    ]
    .iter()
    .any(|w| line.contains(w));
    if !worth {
        return site_link_name(line).into_iter().collect();
    }
    let lower = line.to_ascii_lowercase();
    let lower_has = |w: &str| lower.contains(w);
    let mut names = Vec::new();
    let interface = [
        "newsletter",
        "notification",
        "e-mail",
        "email",
        "subscribe",
        "sign up",
        "receive",
    ];
    if lower_has(" from ") && interface.iter().any(|w| lower_has(w)) {
        names.extend(
            SELF_FROM
                .captures_iter(line)
                .map(|c| c.get(1).expect("group").as_str()),
        );
    }
    if (line.contains("'s ") || line.contains("’s ") || line.contains("' "))
        && [
            "Terms",
            "Privacy",
            "Standards",
            "Guidelines",
            "Policy",
            "Code",
        ]
        .iter()
        .any(|w| line.contains(w))
    {
        names.extend(
            SELF_POSSESSIVE
                .captures_iter(line)
                .map(|c| c.get(1).expect("group").as_str()),
        );
    }
    if lower_has("source") || lower_has("trademark") {
        names.extend(
            SELF_OTHER
                .captures_iter(line)
                .filter_map(|c| c.get(1).or_else(|| c.get(2)))
                .map(|m| m.as_str()),
        );
    }
    names.retain(|n| !not_by_name(n));
    names.extend(site_link_name(line));
    names
}

/// "About Us", "More from Our Partners", "FOLLOW US ON TWITTER": the site, but not by name.
fn not_by_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    ["us", "me", "our", "your", "this", "them", "these"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
}

/// The name a short link of the site's own gives it (`SELF_ABOUT`): "About NAME", "More from
/// NAME", "Follow NAME on Pinterest". Told apart by the link's first word before the pattern runs.
pub(crate) fn site_link_name(line: &str) -> Option<&str> {
    let line = line.trim();
    let opens = |w: &str| {
        line.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
    };
    if line.len() > 60
        || !["about", "more", "contact", "follow", "subscribe"]
            .iter()
            .any(|w| opens(w))
    {
        return None;
    }
    let name = SELF_ABOUT.captures(line)?.get(1)?.as_str();
    // "Follow Jane Doe on Twitter": an author's account, not the site's.
    let author = opens("follow") && crate::clean::is_names(name);
    (!author && !not_by_name(name)).then_some(name)
}

/// A company's name rather than a title's: it ends with a word for a business.
fn is_company_name(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    name.contains(' ') && CORPORATE_WORDS[BUSINESS_WORDS..].contains(&last.as_str())
}

/// Whether a name as printed carries a legal form ("… Inc.", "… LLC", "… Limited"): a
/// company's, whatever its other words. The form is read before the name is cleaned, which
/// drops it.
fn has_legal_form(raw: &str) -> bool {
    raw.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace('.', "")
                .to_lowercase()
        })
        .any(|w| CORPORATE_WORDS[..LEGAL_FORMS].contains(&w.as_str()))
}

/// The holder a copyright or reproduction line names, when the line is one: its mark opens the
/// line, or it says the rights are reserved or reproduction is forbidden.
fn copyright_holder(profiles: &Profiles, line: &str) -> Option<Name> {
    let notice = line.contains("무단")
        || line
            .as_bytes()
            .windows(15)
            .any(|w| w.eq_ignore_ascii_case(b"rights reserved"))
        || !line.is_ascii() && RIGHTS_NOTICES.iter().any(|n| line.contains(n));
    for (mark, holder) in copyright_marks(line) {
        // A mark deep in a long line is a caption's or a quote's, not the page's.
        if !notice && line[..mark].chars().count() > 12 {
            continue;
        }
        // A known holder is found without cleaning: its name up to the first full stop.
        let raw = &line[holder];
        // "Copyright AP Photo", "© Example Images": a photo's credit, not the page's.
        if raw.split_whitespace().take(4).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            NOT_OUTLET.iter().any(|n| w.eq_ignore_ascii_case(n))
        }) {
            continue;
        }
        let quick = raw
            .split(". ")
            .next()
            .unwrap_or(raw)
            .trim_end_matches(['.', ' ']);
        if let Some(o) = lookup_prefix(profiles, quick) {
            return Some(Name::Known(o));
        }
        if let Some(name) = holder_name(profiles, raw) {
            return Some(name);
        }
    }
    if line.contains("무단")
        && let Some(c) = BEFORE_NOTICE.captures(line)
    {
        return holder_name(profiles, &c[1]);
    }
    None
}

/// A holder's name as a known outlet or as printed.
fn holder_name(profiles: &Profiles, raw: &str) -> Option<Name> {
    // A known name is known with its corporate form ("Japan Broadcasting Corporation"), and a
    // known site by its domain ("EXAMPLE.CO.UK").
    let raw_name = raw.trim();
    if let Some(o) = profiles.lookup(raw_name).or_else(|| {
        (raw_name.contains('.') && !raw_name.contains(' '))
            .then(|| profiles.by_domain(raw_name))
            .flatten()
    }) {
        return Some(Name::Known(o));
    }
    match clean_printed(raw) {
        Some(name) => Some(
            match profiles
                .lookup(&name)
                .or_else(|| lookup_prefix(profiles, &name))
            {
                Some(o) => Name::Known(o),
                None => Name::Printed(name),
            },
        ),
        None => lookup_prefix(profiles, raw).map(Name::Known),
    }
}

/// A name printed where an outlet's name goes (a byline suffix, a "Source:" label, a staff
/// credit): the outlet `outlets.toml` knows under it, else the name if it is shaped like an
/// outlet's.
fn outlet_name(profiles: &Profiles, text: &str) -> Option<Name> {
    match holder_name(profiles, text)? {
        Name::Printed(name) => looks_like_outlet(&name).then_some(Name::Printed(name)),
        known => Some(known),
    }
}

/// A copyright holder is often followed by more words ("Yonhap News Agency. All rights …").
fn lookup_prefix(profiles: &Profiles, text: &str) -> Option<usize> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=words.len().min(6))
        .rev()
        .find_map(|n| profiles.lookup(&words[..n].join(" ")))
}

/// Rights notices, corporate forms and marks that follow or precede a holder's name.
static PRINTED_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:all\s+rights?\s+reserved|무단|저작권|재배포|版[权權]所有|無断転載|все\s+права|всі\s+права|alle\s+rechte|tous\s+droits|todos\s+los\s+derechos|tutti\s+i\s+diritti|todos\s+os\s+direitos|\bunauthori[sz]ed\b|&|\s\|\s|\.\s|,|\bpowered\s+by\b).*$").unwrap()
});
static PRINTED_TRIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright|©|ⓒ|Ⓒ|\(c\)|by\b|\d{4}(?:\s*[-–]\s*\d{4})?|[\s\[\]<>(){}「」『』“”‘’'.:;=*-])+|(?:[\s,]+(?:co\.?,?\s*ltd\.?|co\.?|ltd\.?|inc\.?|corp\.?|corporation|company|group|holdings|llc|l\.l\.c\.|gmbh|m\.b\.h\.?|s\.l\.u\.?|s\.a\.|plc|limited)|\s*(?:\(주\)|㈜|주식회사)|\d{4}(?:\s*[-–]\s*\d{4})?|[\s\[\]<>(){}「」『』“”‘’'.:;=*–—-])+$").unwrap()
});

/// A printed holder's name without marks, years, corporate forms and rights notices; `None`
/// when nothing like a name is left.
fn clean_printed(raw: &str) -> Option<String> {
    // Cut at the first notice, form or sentence end, but not at the full stop of initials ("The
    // A.V. Club").
    let cut = PRINTED_CUT
        .find_iter(raw)
        .find(|m| !(m.as_str().starts_with(". ") && ends_with_initials(&raw[..m.start()])))
        .map_or(raw, |m| &raw[..m.start()]);
    let mut name = cut.trim().to_string();
    for _ in 0..3 {
        let trimmed = PRINTED_TRIM.replace_all(&name, "").trim().to_string();
        let trimmed = trimmed
            .strip_prefix("주식회사")
            .map_or(trimmed.clone(), |t| t.trim().to_string());
        if trimmed == name {
            break;
        }
        name = trimmed;
    }
    let words = name.split_whitespace().count();
    let lower = name.to_lowercase();
    let opens_well = name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || name.starts_with(|c: char| ('가'..='힣').contains(&c) || is_cjk(c));
    let credit_only = NOT_OUTLET.iter().any(|w| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|part| part == *w)
    });
    (opens_well
        && (1..=6).contains(&words)
        && !crate::words::more_chars_than(&name, 60)
        && name.chars().any(char::is_alphabetic)
        && !credit_only)
        .then_some(name)
}

/// Whether a text ends with initials before their last full stop: "A.V" of "The A.V. Club".
fn ends_with_initials(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 3
        && b[b.len() - 1].is_ascii_uppercase()
        && b[b.len() - 2] == b'.'
        && b[b.len() - 3].is_ascii_uppercase()
        && (b.len() == 3 || !b[b.len() - 4].is_ascii_alphanumeric())
}

/// Words of photo credits and roles: a name holding one is not an outlet's.
const NOT_OUTLET: [&str; 20] = [
    "images",
    "image",
    "photo",
    "photos",
    "photographer",
    "pool",
    "getty",
    "shutterstock",
    "istock",
    "alamy",
    "unsplash",
    "wikimedia",
    "courtesy",
    "illustration",
    "graphic",
    "reporter",
    "correspondent",
    "writer",
    "editor",
    "사진",
];

/// Words outlets' names are made of ("Times", "Daily", "Ilbo", "일보", "뉴스").
const OUTLET_WORDS: [&str; 52] = [
    "times",
    "news",
    "post",
    "daily",
    "herald",
    "journal",
    "ilbo",
    "shinmun",
    "sinmun",
    "agency",
    "press",
    "tribune",
    "review",
    "gazette",
    "observer",
    "telegraph",
    "wire",
    "network",
    "radio",
    "tv",
    "television",
    "media",
    "today",
    "report",
    "monitor",
    "insider",
    "magazine",
    "weekly",
    "chronicle",
    "standard",
    "mail",
    "express",
    "broadcasting",
    "broadcast",
    "channel",
    "online",
    "dispatch",
    "bulletin",
    "courier",
    "globe",
    "pravda",
    "focus",
    "pulse",
    "sun",
    "star",
    "world",
    "forum",
    "digest",
    "com",
    "net",
    "org",
    "kr",
];

/// Endings of Korean outlets' names.
const KOREAN_OUTLET_ENDINGS: [&str; 16] = [
    "일보",
    "신문",
    "뉴스",
    "방송",
    "통신",
    "미디어",
    "경제",
    "타임스",
    "데일리",
    "저널",
    "투데이",
    "헤럴드",
    "포스트",
    "프레스",
    "닷컴",
    "코리아",
];

/// Acronyms that follow names but are not outlets ("PhD", "Jr").
const NOT_OUTLET_ACRONYMS: [&str; 16] = [
    "PHD", "MD", "JR", "SR", "II", "III", "IV", "CEO", "MP", "USA", "US", "UK", "UN", "EU", "ROK",
    "DPRK",
];

/// Whether a name is shaped like an outlet's: it holds a word outlets' names are made of, it
/// opens with "The", it is an acronym, or a Korean name ends like an outlet's.
pub(crate) fn looks_like_outlet(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| OUTLET_WORDS.contains(w)) {
        return true;
    }
    if name.starts_with("The ") && name.split_whitespace().count() >= 2 {
        return true;
    }
    let acronym = name.len() <= 8
        && name.chars().filter(char::is_ascii_uppercase).count() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if acronym && !NOT_OUTLET_ACRONYMS.contains(&name) {
        return true;
    }
    let hangul = name.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '.');
    if KOREAN_OUTLET_ENDINGS.iter().any(|e| hangul.ends_with(e))
        || name.contains("뉴스")
        || name.contains("일보")
    {
        return true;
    }
    if !name.is_ascii() {
        // Chinese and Japanese names end as outlets' do ("…日报网", "…新聞オンライン"); Russian,
        // Ukrainian and the European languages hold a word outlets' names are made of.
        let cjk = name.trim_end_matches(|c: char| !is_cjk(c));
        if CJK_OUTLET_ENDINGS.iter().any(|e| cjk.ends_with(e))
            || ["新聞", "新闻", "日报", "日報"]
                .iter()
                .any(|w| name.contains(w))
        {
            return true;
        }
    }
    words.iter().any(|w| {
        FOREIGN_OUTLET_WORDS.contains(w)
            || ["zeitung", "blatt", "anzeiger", "nachrichten"]
                .iter()
                .any(|e| w.ends_with(e))
    })
}

/// Whether a character is a Han ideograph or kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Endings of Chinese and Japanese outlets' names: paper, net, agency, broadcaster, edition.
const CJK_OUTLET_ENDINGS: [&str; 16] = [
    "报",
    "報",
    "网",
    "網",
    "社",
    "刊",
    "新聞",
    "新闻",
    "通信",
    "電視台",
    "电视台",
    "放送",
    "オンライン",
    "デジタル",
    "ニュース",
    "电子版",
];

/// Words outlets' names are made of in Russian, Ukrainian, German, French, Spanish, Italian and
/// Portuguese, lowercased.
const FOREIGN_OUTLET_WORDS: [&str; 34] = [
    "правда",
    "новости",
    "новини",
    "газета",
    "вести",
    "вісті",
    "известия",
    "ведомости",
    "коммерсантъ",
    "новина",
    "zeitung",
    "spiegel",
    "rundschau",
    "kurier",
    "presse",
    "tagblatt",
    "diario",
    "periódico",
    "noticias",
    "país",
    "mundo",
    "prensa",
    "vanguardia",
    "quotidien",
    "monde",
    "figaro",
    "libération",
    "parisien",
    "corriere",
    "repubblica",
    "giornale",
    "stampa",
    "jornal",
    "notícias",
];

/// Whether a printed name is a news agency's ("… News Agency", "…통신").
fn is_agency_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("agency") || lower.ends_with("통신") || lower.ends_with("통신사")
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

    /// The known outlet `detect` names, as an index.
    fn outlet(lines: &[&str], title: Option<&str>, url: Option<&str>) -> Option<usize> {
        match detect(&profiles(), lines, &[], title, url).outlet {
            Some(Name::Known(o)) => Some(o),
            _ => None,
        }
    }

    #[test]
    fn email_domain_names_the_outlet() {
        let lines = ["Please direct questions or comments to [english@hani.co.kr]"];
        assert_eq!(outlet(&lines, None, None), Some(0));
    }

    #[test]
    fn copyright_and_title_suffix() {
        assert_eq!(
            outlet(&["© Yonhap News Agency. All rights reserved"], None, None),
            Some(1)
        );
        assert_eq!(
            outlet(&[], Some("Kim in Russia | The Korea Herald"), None),
            Some(2)
        );
    }

    #[test]
    fn printer_beats_wire_credit() {
        let lines = [
            "SEOUL, April 20 (Yonhap) -- North Korea said",
            "ⓒ The Korea Herald",
        ];
        assert_eq!(outlet(&lines, None, None), Some(2));
        assert_eq!(outlet(&lines[..1], None, None), Some(1));
    }

    #[test]
    fn nothing_printed_means_unknown() {
        assert_eq!(outlet(&["Back To Top", "Kim met Putin."], None, None), None);
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
    fn agency_dateline_below_a_known_outlet_is_the_wire() {
        let lines = [
            "The Korea Herald",
            "Kim meets Putin",
            "SEOUL, April 20 (Yonhap) -- North Korea said",
        ];
        let found = detect(&profiles(), &lines, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Known(2)));
        assert_eq!(found.wire, Some(Name::Known(1)));
    }

    #[test]
    fn company_copyright_gives_way_to_a_known_title_named_after_it() {
        // A menu lists the group's titles; the one named like the company is the page's.
        let lines = [
            "Sports",
            "The Korea Herald",
            "Travel",
            "Kim meets Putin in Vladivostok on a rainy day.",
            "© 2024 Korea Press Holdings Ltd.",
        ];
        let found = detect(&profiles(), &lines, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Known(2)));
    }

    #[test]
    fn company_with_a_legal_form_after_a_comma_gives_way_to_its_title_in_any_case() {
        // The copyright sets the company's word in capitals, the masthead does not.
        let page = |copyright: &'static str| {
            [
                "Harbour Report",
                "Sports",
                "Harbour Report Radio",
                "Kim meets Putin in Vladivostok on a rainy day.",
                "Harbour Report Live",
                copyright,
            ]
        };
        let company = page("Reproduction is forbidden. ©2011 HARBOUR Report Network, LLC.");
        let found = detect(&Profiles::default(), &company, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Printed("Harbour Report".into())));
        // The legal form after the comma is what makes the holder a company.
        assert_eq!(holder_group(company[5]), Some("HARBOUR"));
        assert_eq!(holder_group("©2011 HARBOUR Report Network."), None);
        assert_eq!(holder_group("©2011 HARBOUR Report, Seoul"), None);
    }

    #[test]
    fn bare_domain_of_a_european_site_names_the_outlet() {
        let profiles = Profiles::from_toml(
            "outlets.toml",
            "[[outlet]]\nid = \"a\"\nname = \"Der Beispiel\"\ndomains = [\"beispiel.at\"]\n",
        )
        .unwrap();
        let lines = [
            "© Beispiel Verlag GmbH 2024",
            "Weitere Angebote",
            "Beispiel.at",
        ];
        let found = detect(&profiles, &lines, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Known(0)));
    }

    #[test]
    fn copyright_of_a_holder_names_the_holder() {
        // "Copyright of X", after a mark or alone, is X's.
        for line in [
            "© Copyright of Harbour Report Limited 2015",
            "Copyright of Harbour Report. All rights reserved.",
        ] {
            let lines = ["Kim meets Putin in Vladivostok on a rainy day.", line];
            let found = detect(&Profiles::default(), &lines, &[], None, None);
            assert_eq!(
                found.outlet,
                Some(Name::Printed("Harbour Report".into())),
                "{line}"
            );
        }
    }

    #[test]
    fn a_trademark_named_in_a_companys_copyright_line_is_the_title() {
        let lines = [
            "Kim meets Putin in Vladivostok on a rainy day.",
            "Copyright ©2024 Harbour Newspapers. \"Daily Harbour\" is a registered trademark. All rights reserved.",
        ];
        let found = detect(&Profiles::default(), &lines, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Printed("Daily Harbour".into())));
    }

    #[test]
    fn a_company_sending_the_newsletters_is_not_the_title_its_division_prints() {
        let lines = [
            "By signing up you consent to receive the above newsletter from Harbour Network Inc.",
            "Kim meets Putin in Vladivostok on a rainy day.",
            "© 2025 Harbour Post, a division of Harbour Network Inc. All rights reserved.",
        ];
        let found = detect(&Profiles::default(), &lines, &[], None, None);
        assert_eq!(found.outlet, Some(Name::Printed("Harbour Post".into())));
        // Without the legal form the sender is shaped like a title, and named first.
        assert!(has_legal_form("Harbour Network Inc."));
        assert!(has_legal_form("HARBOUR CONVERGENCE LIMITED 2020"));
        assert!(!has_legal_form("Harbour Network"));
    }

    #[test]
    fn a_companys_title_printed_twice_at_the_top_is_the_outlet() {
        let page = |top: &'static str| {
            [
                "Harbour Report - Back to home",
                top,
                "World",
                "Kim meets Putin in Vladivostok on a rainy day.",
                "© 2024 Harbour News & Media Limited. All rights reserved.",
            ]
        };
        let found = detect(
            &Profiles::default(),
            &page("Harbour Report"),
            &[],
            None,
            None,
        );
        assert_eq!(found.outlet, Some(Name::Printed("Harbour Report".into())));
        // Printed once, it is not the masthead: the company stays.
        let found = detect(&Profiles::default(), &page("Sports"), &[], None, None);
        assert_eq!(found.outlet, Some(Name::Printed("Harbour News".into())));
    }

    #[test]
    fn a_link_asking_for_an_action_is_no_masthead() {
        assert!(!is_masthead_name("Report Abuse"));
        assert!(!is_masthead_name("Sign In"));
        assert!(is_masthead_name("Harbour Post"));
    }

    #[test]
    fn url_host_with_subdomain() {
        assert_eq!(
            outlet(&[], None, Some("https://en.yna.co.kr/view/AEN2019")),
            Some(1)
        );
    }
}
