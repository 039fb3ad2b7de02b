//! The extractors under test behind one call: page HTML in, body and metadata out. Each adapter
//! does only what a user of that crate would do (its documented entry point, default options);
//! turning a returned HTML body into text is left to `measure`, outside the timed call.

use std::path::Path;

/// A base URL for crates that want one: the host Mozilla's test pages use, so no candidate
/// gets site-specific help.
pub const BASE_URL: &str = "http://fakehost/test/page.html";

/// A body as the crate returns it.
pub enum Body {
    Html(String),
    Text(String),
    /// The crate gives no body (a date extractor).
    None,
}

/// What one call returned, before any conversion.
pub struct Raw {
    pub body: Body,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub site: Option<String>,
}

impl Raw {
    fn body(body: Body) -> Raw {
        Raw {
            body,
            title: None,
            byline: None,
            date: None,
            site: None,
        }
    }
}

/// Which metadata fields a candidate can give at all (a missing one is shown as "—", not as 0).
#[derive(Clone, Copy)]
pub struct Gives {
    pub body: bool,
    pub title: bool,
    pub byline: bool,
    pub date: bool,
    pub site: bool,
}

const ALL: Gives = Gives {
    body: true,
    title: true,
    byline: true,
    date: true,
    site: true,
};

pub struct Candidate {
    pub id: &'static str,
    /// crates.io name and version, or the project's own path.
    pub what: &'static str,
    pub gives: Gives,
}

pub const CANDIDATES: &[Candidate] = &[
    Candidate {
        id: "engine-html",
        what: "engine::html::extract (today's tag stripper)",
        gives: ALL,
    },
    Candidate {
        id: "engine-read",
        what: "engine::Knowledge::read_article (today's full reader)",
        gives: ALL,
    },
    Candidate {
        id: "dom_smoothie",
        what: "dom_smoothie 0.19.0",
        gives: ALL,
    },
    Candidate {
        id: "readabilityrs",
        what: "readabilityrs 0.1.4",
        gives: ALL,
    },
    Candidate {
        id: "legible",
        what: "legible 0.5.1",
        gives: ALL,
    },
    Candidate {
        id: "libreadability",
        what: "libreadability 0.3.0",
        gives: ALL,
    },
    Candidate {
        id: "readability-rust",
        what: "readability-rust 0.1.0",
        gives: ALL,
    },
    Candidate {
        id: "readability",
        what: "readability 0.3.0 (kumabook)",
        gives: Gives {
            body: true,
            title: true,
            byline: false,
            date: false,
            site: false,
        },
    },
    Candidate {
        id: "readability-rs",
        what: "readability-rs 0.5.0 (kumabook fork)",
        gives: Gives {
            body: true,
            title: true,
            byline: false,
            date: false,
            site: false,
        },
    },
    Candidate {
        id: "llm_readability",
        what: "llm_readability 0.0.17",
        gives: Gives {
            body: true,
            title: false,
            byline: false,
            date: false,
            site: false,
        },
    },
    Candidate {
        id: "article-extractor",
        what: "article-extractor 1.0.4",
        gives: Gives {
            body: true,
            title: true,
            byline: true,
            date: true,
            site: false,
        },
    },
    Candidate {
        id: "trafilatura",
        what: "trafilatura 0.6.0 (trafilatura-rs)",
        gives: ALL,
    },
    Candidate {
        id: "rs-trafilatura",
        what: "rs-trafilatura 0.2.2",
        gives: ALL,
    },
    Candidate {
        id: "htmldate-rs",
        what: "htmldate-rs 0.1.5",
        gives: Gives {
            body: false,
            title: false,
            byline: false,
            date: true,
            site: false,
        },
    },
    Candidate {
        id: "article-date-extractor",
        what: "article-date-extractor 0.1.1",
        gives: Gives {
            body: false,
            title: false,
            byline: false,
            date: true,
            site: false,
        },
    },
];

pub fn find(id: &str) -> Option<&'static Candidate> {
    CANDIDATES.iter().find(|c| c.id == id)
}

/// State a candidate builds once before the timed calls (dictionaries, rule sets).
pub enum Prepared {
    None,
    Engine(Box<engine::Knowledge>),
    ArticleExtractor(Box<article_extractor::FullTextParser>),
}

/// Builds what `id` needs once; `corpus` is the project's corpus folder (for the engine).
pub fn prepare(id: &str, corpus: &Path) -> Result<Prepared, String> {
    match id {
        "engine-read" => {
            let read = |name: &str| {
                std::fs::read_to_string(corpus.join(name))
                    .map_err(|e| format!("{}: {e}", corpus.join(name).display()))
            };
            let k = engine::Knowledge::from_sources(
                &read("actors.toml")?,
                &read("outlets.toml")?,
                &read("sources.toml")?,
            )
            .map_err(|e| e.to_string())?;
            Ok(Prepared::Engine(Box::new(k)))
        }
        "article-extractor" => Ok(Prepared::ArticleExtractor(Box::new(
            article_extractor::FullTextParser::new(None),
        ))),
        _ => Ok(Prepared::None),
    }
}

fn some(s: impl Into<String>) -> Option<String> {
    let s = s.into();
    if s.trim().is_empty() { None } else { Some(s) }
}

/// The timed call: one page through one candidate.
pub fn run(id: &str, prepared: &Prepared, html: &str) -> Result<Raw, String> {
    let url = url::Url::parse(BASE_URL).expect("constant URL");
    match id {
        "engine-html" => {
            let page = engine::html::extract(html);
            Ok(Raw {
                body: Body::Text(page.text),
                title: page.meta.title,
                byline: page.meta.author,
                date: page.meta.published,
                site: page.meta.site_name,
            })
        }
        "engine-read" => {
            let Prepared::Engine(k) = prepared else {
                return Err("not prepared".into());
            };
            let a = k.read_article("page.html", html.as_bytes());
            if a.status == coverage_core::model::Status::Error {
                return Err(a.messages.join("; "));
            }
            let text = a
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Raw {
                body: Body::Text(text),
                title: a.title,
                byline: a.byline,
                date: a
                    .date
                    .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
                site: a.outlet,
            })
        }
        "dom_smoothie" => {
            let mut r = dom_smoothie::Readability::new(html, Some(BASE_URL), None)
                .map_err(|e| e.to_string())?;
            let a = r.parse().map_err(|e| e.to_string())?;
            Ok(Raw {
                body: Body::Html(a.content.to_string()),
                title: some(a.title),
                byline: a.byline,
                date: a.published_time,
                site: a.site_name,
            })
        }
        "readabilityrs" => {
            let r = readabilityrs::Readability::new(html, Some(BASE_URL), None)
                .map_err(|e| e.to_string())?;
            let a = r.parse().ok_or("no article found")?;
            Ok(Raw {
                body: Body::Html(a.content.unwrap_or_default()),
                title: a.title,
                byline: a.byline,
                date: a.published_time,
                site: a.site_name,
            })
        }
        "legible" => {
            let a = legible::parse(html, Some(BASE_URL), None).map_err(|e| e.to_string())?;
            Ok(Raw {
                body: Body::Html(a.content),
                title: some(a.title),
                byline: a.byline,
                date: a.published_time,
                site: a.site_name,
            })
        }
        "libreadability" => {
            let a = libreadability::extract(html, Some(BASE_URL)).map_err(|e| e.to_string())?;
            Ok(Raw {
                body: Body::Html(a.content),
                title: some(a.title),
                byline: some(a.byline),
                date: some(a.published_time),
                site: some(a.site_name),
            })
        }
        "readability-rust" => {
            let mut r = readability_rust::Readability::new_with_base_uri(html, BASE_URL, None)
                .map_err(|e| e.to_string())?;
            let a = r.parse().ok_or("no article found")?;
            Ok(Raw {
                body: Body::Html(a.content.unwrap_or_default()),
                title: a.title,
                byline: a.byline,
                date: a.published_time,
                site: a.site_name,
            })
        }
        "readability" => {
            let p = readability::extractor::extract(&mut html.as_bytes(), &url)
                .map_err(|e| e.to_string())?;
            let mut raw = Raw::body(Body::Html(p.content));
            raw.title = some(p.title);
            Ok(raw)
        }
        "readability-rs" => {
            let p = readability_quambene::extract(
                &mut html.as_bytes(),
                &url,
                readability_quambene::ExtractOptions::default(),
            )
            .map_err(|e| e.to_string())?;
            let mut raw = Raw::body(Body::Html(p.content));
            raw.title = some(p.title);
            Ok(raw)
        }
        "llm_readability" => {
            let p = llm_readability::extractor::extract(&mut html.as_bytes(), &url)
                .map_err(|e| e.to_string())?;
            Ok(Raw::body(Body::Html(p.content)))
        }
        "article-extractor" => {
            let Prepared::ArticleExtractor(parser) = prepared else {
                return Err("not prepared".into());
            };
            let a = parser
                .parse_offline(vec![html.to_string()], None, Some(url))
                .map_err(|e| e.to_string())?;
            Ok(Raw {
                body: Body::Html(a.html.unwrap_or_default()),
                title: a.title,
                byline: a.author,
                date: a.date.map(|d| d.to_rfc3339()),
                site: None,
            })
        }
        "trafilatura" => {
            let r = trafilatura::extract(html, &trafilatura::Options::default())
                .map_err(|e| e.to_string())?;
            Ok(Raw {
                body: Body::Html(r.content_html),
                title: some(r.metadata.title),
                byline: some(r.metadata.author),
                date: r.metadata.date.map(|d| d.to_string()),
                site: some(r.metadata.sitename),
            })
        }
        "rs-trafilatura" => {
            let r = rs_trafilatura::extract(html).map_err(|e| e.to_string())?;
            let body = match r.content_html {
                Some(h) if !h.trim().is_empty() => Body::Html(h),
                _ => Body::Text(r.content_text),
            };
            Ok(Raw {
                body,
                title: r.metadata.title,
                byline: r.metadata.author,
                date: r.metadata.date.map(|d| d.to_rfc3339()),
                site: r.metadata.sitename,
            })
        }
        // The parser alone, what every html5ever-based candidate pays first (nesting test only).
        "scraper-parse" => {
            let doc = scraper::Html::parse_document(html);
            std::hint::black_box(&doc);
            Ok(Raw::body(Body::None))
        }
        "htmldate-rs" => {
            let d = htmldate_rs::find_date(html, &htmldate_rs::DateOptions::default());
            let mut raw = Raw::body(Body::None);
            raw.date = d;
            Ok(raw)
        }
        "article-date-extractor" => {
            let d = article_date_extractor::extract_date::extract_article_published_date(
                BASE_URL, html,
            )
            .map_err(|e| e.to_string())?;
            let mut raw = Raw::body(Body::None);
            raw.date = Some(d.to_string());
            Ok(raw)
        }
        other => Err(format!("unknown candidate {other}")),
    }
}
