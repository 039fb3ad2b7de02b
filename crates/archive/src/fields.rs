//! Which field of an export record holds what, by the names crawlers and news-data services
//! give them: news-please (`maintext`, `date_publish`), newspaper (`text`, `publish_date`),
//! trafilatura's JSON (`text`, `source` for the address, `source-hostname`), Media Cloud
//! (`publish_date`, `media_name`), GDELT (`DocumentIdentifier`, `SOURCEURL`), NewsAPI
//! (`content`, `publishedAt`, `source.name`), schema.org-style exports (`headline`,
//! `articleBody`, `datePublished`). Names match ignoring case and `_`, `-`, ` `, `.`.
//! Capture and change dates (`date_download`, `date_modify`, `indexed_date`, `seendate`) are
//! never taken for the publication date.

/// What a field says about the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The page as HTML (or text, when no markup is in it).
    Html,
    /// The article's text.
    Text,
    /// A field that holds the page as HTML or text, whichever it is (`content`), read when no
    /// field named for HTML or text has anything.
    Content,
    Url,
    Title,
    Date,
    Outlet,
}

/// The roles by normalised field name, best first within a role.
const NAMES: &[(Role, &[&str])] = &[
    (
        Role::Html,
        &[
            "html",
            "rawhtml",
            "htmlcontent",
            "contenthtml",
            "bodyhtml",
            "articlehtml",
            "articlebodyhtml",
            "pagehtml",
            "fullhtml",
            "htmlbody",
            "sourcehtml",
        ],
    ),
    (
        Role::Text,
        &[
            "maintext",
            "text",
            "articlebody",
            "articletext",
            "body",
            "bodytext",
            "fulltext",
            "storytext",
            "contenttext",
            "textcontent",
            "rawtext",
            "plaintext",
            "cleantext",
        ],
    ),
    (Role::Content, &["content", "article", "story"]),
    (
        Role::Url,
        &[
            "url",
            "link",
            "canonicalurl",
            "canonical",
            "articleurl",
            "pageurl",
            "sourceurl",
            "documentidentifier",
            "permalink",
            "href",
            "targeturi",
            "uri",
            "source",
        ],
    ),
    (
        Role::Title,
        &[
            "title",
            "headline",
            "articletitle",
            "pagetitle",
            "ogtitle",
            "titlepage",
            "titlerss",
        ],
    ),
    (
        Role::Date,
        &[
            "datepublish",
            "datepublished",
            "publishdate",
            "publisheddate",
            "publicationdate",
            "publishedat",
            "publishedtime",
            "publishtime",
            "published",
            "pubdate",
            "date",
            "datetime",
        ],
    ),
    (
        Role::Outlet,
        &[
            "outlet",
            "medianame",
            "publisher",
            "sourcename",
            "sitename",
            "sourcehostname",
            "publication",
            "newspaper",
            "source",
            "media",
        ],
    ),
];

/// A field name without case and separators: `date_publish`, `Date-Publish` → `datepublish`.
pub fn normalise(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The roles a field name can play, each with its rank (lower is better). A name can play two
/// (`source`: an address in trafilatura's JSON, an outlet elsewhere); the value decides.
pub fn roles(name: &str) -> Vec<(Role, usize)> {
    let key = normalise(name);
    NAMES
        .iter()
        .filter_map(|(role, names)| names.iter().position(|n| *n == key).map(|i| (*role, i)))
        .collect()
}

/// Whether a value can play the role: an address looks like one, an outlet does not, and
/// nothing is empty.
pub fn fits(role: Role, value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    let address = v.contains("://") || v.starts_with("//") || v.starts_with("www.");
    match role {
        Role::Url => address || !v.contains(char::is_whitespace) && v.contains('/'),
        Role::Outlet => !address && v.chars().count() <= 200,
        Role::Title => v.chars().count() <= 2_000,
        Role::Date => v.chars().count() <= 100,
        Role::Html | Role::Text | Role::Content => true,
    }
}

/// The best value for each role among a record's fields, as (role, rank, value) are offered.
#[derive(Debug, Default)]
pub struct Picked<T> {
    slots: [Option<(usize, T)>; 7],
}

impl<T> Picked<T> {
    pub fn new() -> Picked<T> {
        Picked {
            slots: Default::default(),
        }
    }

    /// Offers a value for a role; kept when it ranks better than what the role has.
    pub fn offer(&mut self, role: Role, rank: usize, value: T) {
        let slot = &mut self.slots[role as usize];
        if slot.as_ref().is_none_or(|(r, _)| rank < *r) {
            *slot = Some((rank, value));
        }
    }

    /// Fills the roles that have nothing from `other`.
    pub fn fill_from(&mut self, other: Picked<T>) {
        for (slot, theirs) in self.slots.iter_mut().zip(other.slots) {
            if slot.is_none() {
                *slot = theirs;
            }
        }
    }

    pub fn take(&mut self, role: Role) -> Option<T> {
        self.slots[role as usize].take().map(|(_, v)| v)
    }

    /// The page: a field named for HTML, else one named for text, else a `content` field.
    pub fn take_page(&mut self) -> Option<(Role, T)> {
        [Role::Html, Role::Text, Role::Content]
            .into_iter()
            .find_map(|role| self.take(role).map(|v| (role, v)))
    }
}

/// The names of the fields a page is looked for in, for a reason that says none was found.
pub fn page_field_names() -> &'static str {
    "html, raw_html, text, maintext, body, articleBody, content …"
}

/// A record from the fields picked out of one export row or object, or why it has no page.
pub fn build(name: String, mut picked: Picked<Vec<u8>>) -> crate::Entry {
    let Some((role, bytes)) = picked.take_page() else {
        return crate::Entry::Skipped {
            name,
            reason: format!(
                "has no page text (none of the fields {} holds any)",
                page_field_names()
            ),
        };
    };
    let markup = crate::kind::looks_like_markup(&bytes)
        || role != Role::Text && (contains(&bytes, b"</") || contains(&bytes, b"<br"));
    let mut text = |role| {
        picked
            .take(role)
            .map(|v| String::from_utf8_lossy(&v).trim().to_string())
    };
    crate::Entry::Record(crate::Record {
        name,
        kind: if markup {
            crate::RecordKind::Html
        } else {
            crate::RecordKind::Text
        },
        bytes,
        url: text(Role::Url),
        title: text(Role::Title),
        date: text(Role::Date),
        outlet: text(Role::Outlet),
        charset: None,
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Offers one field's value for every role its name can play and its value fits.
pub fn offer(picked: &mut Picked<Vec<u8>>, key: &str, value: &[u8]) {
    let roles = roles(key);
    if roles.is_empty() {
        return;
    }
    let text = String::from_utf8_lossy(value);
    for (role, rank) in roles {
        if fits(role, &text) {
            picked.offer(role, rank, value.to_vec());
        }
    }
}
