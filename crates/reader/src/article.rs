//! One page to one `Article`: decode, parse HTML, clean, then read the headline, byline, date,
//! outlet, language, actors and evidence sentences. Pure: bytes and knowledge in, article out.

use crate::actors::{Found, Matcher};
use crate::clean::{self, Class, Furniture, Line};
use crate::dates::{self, DateOrder, Label, Stamp};
use crate::declared;
use crate::decode;
use crate::dictionary::{ConfigError, Dictionary};
use crate::evidence::EvidenceReader;
use crate::headline;
use crate::html;
use crate::model::{
    ActorKind, ActorRef, Article, Block, Mention, Origin, Paragraph, Removed, RemovedReason, Status,
};
use crate::names;
use crate::outlets::{self, Outlet, Profiles};
use crate::sidecar::{Sidecar, SourceFacts};
use crate::words::{count_bytes, find_byte, more_chars_than};
use std::collections::{HashMap, HashSet};

/// Largest page read; bigger files are reported as errors rather than read.
pub const MAX_PAGE_BYTES: u64 = 32_000_000;

/// Everything the engine knows before reading pages: actors, outlets and the sidecar.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub matcher: Matcher,
    pub profiles: Profiles,
    pub sidecar: Sidecar,
    furniture: Furniture,
    evidence: EvidenceReader,
    /// Every name an outlet is printed under, lowercased.
    outlet_names: HashSet<String>,
    /// The same without a leading "the ", as a title's trailing site name is compared.
    outlet_titles: HashSet<String>,
    /// Per outlet (index into `profiles.outlets`): the actors that are the outlet itself.
    self_actors: Vec<Vec<u32>>,
}

impl Knowledge {
    /// Builds the knowledge from the three corpus files' contents.
    ///
    /// ```
    /// let k = reader::Knowledge::from_sources(
    ///     "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\n", "", "").unwrap();
    /// let a = k.read_article("a.txt", b"Title\n\nRussia said so.");
    /// assert_eq!(a.actors[0].name, "Russia");
    /// ```
    pub fn from_sources(
        actors: &str,
        outlets: &str,
        sources: &str,
    ) -> Result<Knowledge, ConfigError> {
        let dict = Dictionary::from_toml("actors.toml", actors)?;
        let profiles = Profiles::from_toml("outlets.toml", outlets)?;
        let sidecar = Sidecar::from_toml("sources.toml", sources)?;
        Ok(Knowledge::new(dict, profiles, sidecar))
    }

    pub fn new(mut dict: Dictionary, profiles: Profiles, sidecar: Sidecar) -> Knowledge {
        dict.block(profiles.names().map(str::to_string));
        let furniture = Furniture::new(profiles.boilerplate(), profiles.names());
        let outlet_names: HashSet<String> = profiles.names().map(str::to_lowercase).collect();
        let outlet_titles = outlet_names
            .iter()
            .map(|n| n.strip_prefix("the ").unwrap_or(n).to_string())
            .collect();
        let self_actors = profiles
            .outlets
            .iter()
            .map(|o| outlet_self_actors(o, &dict))
            .collect();
        let evidence = EvidenceReader::new(&dict, &profiles);
        Knowledge {
            matcher: Matcher::new(dict),
            profiles,
            sidecar,
            furniture,
            evidence,
            outlet_names,
            outlet_titles,
            self_actors,
        }
    }

    /// Reads one page. Never panics; a page that cannot be read becomes an article with status error.
    pub fn read_article(&self, source: &str, bytes: &[u8]) -> Article {
        self.read(source, bytes, None)
    }

    /// Reads one page that came with facts beside it (a record of an export or a web archive:
    /// its URL, title, date, outlet). They count as the sidecar's do, where `sources.toml` says
    /// nothing of that field; the URL also tells the outlet and the date from its address when
    /// the page declares none.
    ///
    /// ```
    /// use reader::sidecar::SourceFacts;
    /// let k = reader::Knowledge::from_sources("", "", "").unwrap();
    /// let given = SourceFacts {
    ///     date: coverage_core::model::Day::parse_iso("2024-06-19"),
    ///     ..SourceFacts::default()
    /// };
    /// let a = k.read_article_given("export.jsonl:1", b"Talks resume\n\nThe talks resumed.", &given);
    /// assert_eq!(a.date.unwrap().to_string(), "2024-06-19");
    /// ```
    pub fn read_article_given(&self, source: &str, bytes: &[u8], given: &SourceFacts) -> Article {
        self.read(source, bytes, Some(given))
    }

    fn read(&self, source: &str, bytes: &[u8], given: Option<&SourceFacts>) -> Article {
        let decoded = match decode::decode(bytes) {
            Ok(d) => d,
            Err(e) => return Article::failed(source, e.to_string()),
        };
        let mut messages = Vec::new();
        if decoded.had_errors {
            messages.push(format!(
                "some bytes were not valid {} and were replaced; check the file's encoding",
                decoded.encoding
            ));
        }
        let page = html::looks_like_html(source, &decoded.text).then(|| {
            let page = html::extract(&decoded.text);
            if page.flattened > 0 {
                messages.push(format!(
                    "the page nests elements more than {} deep or opens more than {}; {} tags past those limits were ignored and their text kept",
                    html::parse::MAX_DEPTH,
                    html::parse::MAX_ELEMENTS,
                    page.flattened
                ));
            }
            page
        });
        let mut lines = match &page {
            Some(page) => self.article_lines(page),
            // A text copied from a browser keeps the characters the page showed as nothing.
            None if html::holds_unseen(&decoded.text) => {
                let seen: String = html::seen_chars(&decoded.text).collect();
                clean::classify(&seen, &self.furniture)
            }
            None => clean::classify(&decoded.text, &self.furniture),
        };
        let meta = page.as_ref().map(|p| &p.meta);
        let declared_title =
            meta.and_then(|m| declared::title(m, |n| self.outlet_titles.contains(n)));
        // An HTML page's headline is what its markup declares, never a line chosen by position.
        let layout = match &page {
            Some(_) => self.declared_layout(&lines, declared_title.as_deref()),
            None => self.layout(&lines, None),
        };
        // Bylines printed without "By" on a text page, beside the stamp under the headline.
        if page.is_none()
            && let Some(t) = layout.title
        {
            let known = |name: &str| self.profiles.lookup(name).is_some();
            let person = |name: &str| self.matcher.dict.by_id.contains_key(&names::slug(name));
            clean::bylines_beside_stamps(&mut lines, t, layout.body, &known, &person);
        }
        let mut article = Article::failed(source, String::new());
        article.messages.clear();
        article.encoding = decoded.encoding.to_string();

        // Headline, standfirst, body and captions.
        let raw_title = layout
            .title
            .map(|i| lines[i].text.clone())
            .or(declared_title);
        article.title = raw_title
            .as_deref()
            .map(|t| clean::clean_title_by(t, |tail| self.outlet_titles.contains(tail)))
            .filter(|t| !t.is_empty());
        article.title_origin = if article.title.is_some() {
            Origin::Page
        } else {
            Origin::None
        };
        // What an HTML page prints around its article (byline and stamp outside the article's
        // element), classified as lines too.
        let around: Vec<Line> = match &page {
            Some(p) => self.outside_lines(p.content.around(article.title.as_deref())),
            None => Vec::new(),
        };
        // The first byline, with the authors of the byline lines right under it ("홍길동 기자"
        // over "김철수 기자"): several authors joined as printed.
        let printed_byline = |lines: &[Line]| {
            let first = lines
                .iter()
                .position(|l| matches!(l.class, Class::Byline(Some(_))))?;
            // An author's e-mail address may stand on a line of its own between them.
            let address = |l: &Line| {
                let t = l.text.trim();
                t.contains('@') && !t.contains(' ') && t.len() <= 80
            };
            let authors: Vec<&str> = lines[first..]
                .iter()
                .take(12)
                .filter(|l| !address(l))
                .map_while(|l| match &l.class {
                    Class::Byline(Some(b)) => Some(b.as_str()),
                    _ => None,
                })
                .collect();
            let mut joined: Vec<&str> = Vec::new();
            for a in authors {
                if !joined.contains(&a) {
                    joined.push(a);
                }
            }
            Some(joined.join(", "))
        };
        // An agency's credit heading the story with no author's byline beside it: the story
        // carries none, and a named byline further down is another story's (a teaser's).
        let credited = clean::agency_credited_head(&lines, layout.title, layout.body);
        let declared = || meta.and_then(|m| declared::byline(m, |n| self.outlet_names.contains(n)));
        // A printed byline that says more than names ("Jane Doe, Senior Staff Technologist,
        // Example Project") gives way to the names the markup declares, when it prints them.
        let printed = printed_byline(&lines[..credited.unwrap_or(lines.len())]).map(|p| {
            if clean::is_names(&p) {
                return p;
            }
            match declared() {
                Some(d) if p.to_lowercase().contains(&d.to_lowercase()) => d,
                _ => p,
            }
        });
        article.byline = printed
            .or_else(|| opening_byline(&lines[layout.body.unwrap_or(0).min(lines.len())..]))
            .or_else(declared)
            .or_else(|| printed_byline(&around));

        // Outlet, from every line including the removed ones (footers and copyright lines tell).
        article.url = meta
            .and_then(|m| m.url.clone())
            .or_else(|| given.and_then(|g| g.url.clone()));
        self.read_outlet(
            &mut article,
            &lines,
            page.as_ref(),
            raw_title.as_deref(),
            &mut messages,
        );
        // Publication date: markup first, then stamps printed in the article and around it, read
        // in the order the page writes numeric dates (its own dates, its language and its
        // outlet's language tell), then the posts a live blog of timed posts embeds, then a date
        // in the URL's path, then what the markup says of the last change.
        // An outlet's language tag carries its country as the region ("en-GB").
        let outlet_language = || {
            let o = &self.profiles.outlets[self.profiles.lookup(article.outlet.as_deref()?)?];
            let language = o.language.as_deref()?;
            Some(match &o.country {
                Some(country) => format!("{language}-{country}"),
                None => language.to_string(),
            })
        };
        let page_language = meta.and_then(|m| m.lang.clone()).or_else(outlet_language);
        let order = DateOrder::of_page(
            lines.iter().chain(&around).flat_map(|l| &l.dates),
            page_language.as_deref(),
        );
        article.date = meta
            .and_then(declared::published)
            .or_else(|| stamped_day(&lines, layout.title, layout.body, order))
            .or_else(|| stamped_day(&around, None, None, order))
            .or_else(|| {
                // A stamp printed right over the headline, with the section's name ("Business /
                // December 12, 2016 7:00 AM / HEADLINE"); a masthead's "today" is not one.
                let above =
                    self.outside_lines(page.as_ref()?.content.above(article.title.as_deref()));
                stamped_day(&above, Some(above.len()), None, order)
            })
            .or_else(|| {
                let lines = lines.iter().map(|l| (l.text.as_str(), l.dates.as_slice()));
                dates::live_blog_day(lines, order)
            })
            .or_else(|| article.url.as_deref().and_then(dates::date_from_url))
            .or_else(|| meta.and_then(declared::modified));
        if article.date.is_some() {
            article.date_origin = Origin::Page;
        }

        // The lines are not needed after this: their text moves into the article.
        for (i, line) in lines.into_iter().enumerate() {
            let para = |kind, text: String| Paragraph { kind, text };
            match line.class {
                // The headline is a text line, or the copy of one printed twice.
                Class::Text | Class::Removed(RemovedReason::Repeated)
                    if Some(i) == layout.title =>
                {
                    article.removed.push(Removed {
                        reason: RemovedReason::Headline,
                        text: line.text,
                    })
                }
                Class::Removed(reason) => article.removed.push(Removed {
                    reason,
                    text: line.text,
                }),
                Class::Byline(_) => article.removed.push(Removed {
                    reason: RemovedReason::Byline,
                    text: line.text,
                }),
                Class::Caption(caption) => article.paragraphs.push(para(Block::Caption, caption)),
                Class::Text if layout.furniture.binary_search(&i).is_ok() => {
                    article.removed.push(Removed {
                        reason: RemovedReason::Boilerplate,
                        text: line.text,
                    })
                }
                Class::Text if layout.subtitles.contains(&i) => {
                    article.paragraphs.push(para(Block::Subtitle, line.text))
                }
                Class::Text => article.paragraphs.push(para(Block::Body, line.text)),
            }
        }
        for o in page.iter().flat_map(|p| &p.content.outside) {
            article.removed.push(Removed {
                reason: RemovedReason::Boilerplate,
                text: o.text.clone(),
            });
        }
        self.apply_sidecar(&mut article, given, &mut messages);

        article.language = language(
            article
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .chain(article.title.as_deref()),
        );
        self.find_actors(&mut article, layout.subtitles.len());
        let (evidence, notes) = self.evidence.read(&article, &self.matcher.dict);
        article.evidence = evidence;
        messages.extend(notes);

        if article.paragraphs.is_empty() {
            messages.push(
                "no article text was left after cleaning; check whether the file is a news page"
                    .into(),
            );
        }
        if article.title.is_none() {
            messages.push("no headline found; give one in corpus/sources.toml (title = …)".into());
        }
        if article.date.is_none() {
            messages.push("no publication date with a year is printed on the page; give one in corpus/sources.toml (date = \"YYYY-MM-DD\") if known".into());
        }
        if article.outlet.is_none() {
            messages.push("the page does not say which outlet published it; give one in corpus/sources.toml (outlet = …)".into());
        }
        article.status = if messages.is_empty() {
            Status::Ok
        } else {
            Status::Warning
        };
        article.messages = messages;
        article
    }

    /// The article blocks of an HTML page as classified lines: captions stay captions.
    fn article_lines(&self, page: &html::HtmlPage) -> Vec<Line> {
        let blocks = &page.content.blocks;
        let mut lines = clean::classify_blocks(
            blocks.iter().map(|b| b.text.clone()).collect(),
            &self.furniture,
        );
        for (line, block) in lines.iter_mut().zip(blocks) {
            if block.kind == html::BlockKind::Caption && line.class == Class::Text {
                line.class = Class::Caption(line.text.clone());
            }
            // A table row of several cells with a date no label calls a publication's
            // ("Original run | October 14, 1999 – January 20, 2000", a match's fixture) is the
            // table's data, not the page's stamp; a row holding a stamp alone, or "Published |
            // 2024-06-19", still is one.
            if block.kind == html::BlockKind::Row
                && line.class == Class::Removed(RemovedReason::Stamp)
                && line.text.contains(" | ")
                && line.dates.iter().all(|d| d.label == Label::Unlabeled)
            {
                line.class = Class::Text;
            }
        }
        lines
    }

    /// An HTML page's headline line: the article line that prints the title its markup declares
    /// (none when the headline stands outside the article's element).
    fn declared_layout(&self, lines: &[Line], declared: Option<&str>) -> Layout {
        let is_outlet = |tail: &str| self.outlet_titles.contains(tail);
        let wanted = declared.map(|d| clean::clean_title_by(d, is_outlet).to_lowercase());
        let title = wanted.and_then(|wanted| {
            (0..lines.len()).find(|&i| {
                lines[i].class == Class::Text
                    && lines[i].text.len() < wanted.len() + 64
                    && clean::clean_title_by(&lines[i].text, is_outlet).to_lowercase() == wanted
            })
        });
        Layout {
            title,
            subtitles: Vec::new(),
            furniture: Vec::new(),
            body: None,
        }
    }

    /// Blocks an HTML page prints outside its article, classified as lines.
    fn outside_lines<'p>(&self, blocks: impl Iterator<Item = &'p html::OutsideBlock>) -> Vec<Line> {
        clean::classify_blocks(blocks.map(|o| o.text.clone()).collect(), &self.furniture)
    }

    /// Which lines of a text page are the headline, the standfirst and the furniture above the
    /// headline.
    fn layout(&self, lines: &[Line], meta_title: Option<&str>) -> Layout {
        let pick = headline::pick(lines, meta_title, self);
        let subtitles = match pick.title {
            Some(t) => (t + 1..pick.body.unwrap_or(lines.len()))
                .filter(|&i| lines[i].class == Class::Text && !more_chars_than(&lines[i].text, 300))
                .collect(),
            None => Vec::new(),
        };
        Layout {
            title: pick.title,
            subtitles,
            furniture: pick.furniture,
            body: pick.body,
        }
    }

    /// The outlet and wire a page prints. A name `outlets.toml` does not list is reported with
    /// the line that printed it, so it can be checked and added.
    fn read_outlet(
        &self,
        article: &mut Article,
        lines: &[Line],
        page: Option<&html::HtmlPage>,
        title: Option<&str>,
        messages: &mut Vec<String>,
    ) {
        // An HTML page's blocks outside the article (footers with copyright lines) count too.
        let outside = page.map_or(&[][..], |p| &p.content.outside[..]);
        let all_lines: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .chain(outside.iter().map(|o| o.text.as_str()))
            .collect();
        let bylines: Vec<usize> = (0..lines.len())
            .filter(|&i| matches!(lines[i].class, Class::Byline(_)))
            .collect();
        let found = outlets::detect(
            &self.profiles,
            &all_lines,
            &bylines,
            title,
            article.url.as_deref(),
        );
        let mut wire = found.wire.clone();
        // Another outlet's name alone on a line of the site far from the article: a network's
        // bar of its titles or a partners' list (a provider's credit by the headline is not).
        let name_in_site_bar = |found: &outlets::Detection| {
            let (Some(page), Some(at)) = (page, found.at) else {
                return false;
            };
            let Some(block) = at.checked_sub(lines.len()).and_then(|k| outside.get(k)) else {
                return false;
            };
            let near = page
                .content
                .around(article.title.as_deref())
                .any(|o| o.at == block.at);
            !near && self.profiles.lookup(block.text.trim()).is_some()
        };
        // What the markup names: a known outlet (by site name or address) is final; a printed
        // site name beats a name read from a line, and an agency credit, which is the wire.
        let declared = page.and_then(|p| declared::outlet(&p.meta, &self.profiles));
        let outlet = match (declared, found.outlet.clone()) {
            (Some((_, Some(o))), _) => Some(outlets::Name::Known(o)),
            (Some((site, None)), Some(outlets::Name::Known(o)))
                if self.profiles.outlets[o].agency =>
            {
                wire.get_or_insert(outlets::Name::Known(o));
                Some(outlets::Name::Printed(site))
            }
            (Some((site, None)), None | Some(outlets::Name::Printed(_))) => {
                Some(outlets::Name::Printed(site))
            }
            // A weak sign: "© 2014 Example Media Inc." read as the known outlet "Example" on a
            // page whose markup calls its site "Example Games" (the company publishes that title
            // too), a sister site in the footer's list, or another outlet's name alone on a
            // line of the site around the article (a network's bar of its titles).
            (Some((site, None)), Some(outlets::Name::Known(_)))
                if found.weak || name_in_site_bar(&found) =>
            {
                Some(outlets::Name::Printed(site))
            }
            (_, found) => found,
        }
        .or_else(|| page.and_then(|p| declared::handle(&p.meta).map(outlets::Name::Printed)));
        if let Some(name) = &outlet {
            article.outlet = Some(name.display(&self.profiles).to_string());
            article.outlet_origin = Origin::Page;
            if let (outlets::Name::Printed(printed), Some(line)) = (name, &found.line)
                && found.outlet.as_ref() == Some(name)
            {
                messages.push(format!(
                    "the outlet {printed:?} is read from the line {line:?} and is not in corpus/outlets.toml; add it there if it is right"
                ));
            }
        }
        article.wire = wire
            .map(|w| w.display(&self.profiles).to_string())
            .filter(|w| article.outlet.as_deref() != Some(w.as_str()));
    }

    /// The facts `sources.toml` gives for the file, then those given beside the page for what
    /// it leaves out.
    fn apply_sidecar(
        &self,
        article: &mut Article,
        given: Option<&SourceFacts>,
        messages: &mut Vec<String>,
    ) {
        let file = self.sidecar.get(&article.source);
        fn fact<'a, T>(
            file: Option<&'a SourceFacts>,
            given: Option<&'a SourceFacts>,
            field: impl Fn(&'a SourceFacts) -> Option<T>,
        ) -> Option<(T, &'static str)> {
            file.and_then(&field)
                .map(|v| (v, "corpus/sources.toml"))
                .or_else(|| given.and_then(&field).map(|v| (v, "the export")))
        }
        if let Some((outlet, said)) = fact(file, given, |f| f.outlet.as_ref()) {
            let name = self
                .profiles
                .lookup(outlet)
                .map_or_else(|| outlet.clone(), |o| self.profiles.outlets[o].name.clone());
            if let Some(page) = article.outlet.as_ref().filter(|p| **p != name) {
                messages.push(format!(
                    "the page names the outlet {page:?}; {said} says {name:?}, which is used"
                ));
            }
            article.outlet = Some(name);
            article.outlet_origin = Origin::Sidecar;
        }
        if let Some((date, said)) = fact(file, given, |f| f.date) {
            if let Some(page) = article.date.filter(|p| *p != date) {
                messages.push(format!(
                    "the page is dated {page}; {said} says {date}, which is used"
                ));
            }
            article.date = Some(date);
            article.date_origin = Origin::Sidecar;
        }
        if let Some((title, _)) = fact(file, given, |f| f.title.as_ref()) {
            article.title = Some(title.clone());
            article.title_origin = Origin::Sidecar;
        }
        if let Some((url, _)) = fact(file, given, |f| f.url.as_ref()) {
            article.url = Some(url.clone());
        }
    }

    /// Dictionary actors, then names found from their context.
    fn find_actors(&self, article: &mut Article, subtitles: usize) {
        let excluded = article
            .outlet
            .as_deref()
            .map(|o| self.outlet_actors(o))
            .unwrap_or_default();
        let title = article.title.clone().unwrap_or_default();
        let texts: Vec<&str> = std::iter::once(title.as_str())
            .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        let credits: Vec<Vec<(usize, usize)>> = texts
            .iter()
            .map(|t| self.furniture.credit_spans(t))
            .collect();
        let mut found: Vec<Found> =
            self.matcher
                .find(&texts, 1 + subtitles, article.date, &excluded);
        found.retain(|f| {
            !credits[f.paragraph as usize]
                .iter()
                .any(|&(a, b)| (f.start as usize) < b && a < f.end as usize)
        });
        let dict = &self.matcher.dict;

        // Where each actor is in `actors`: dictionary actors by their index, names found from
        // context by id (never a dictionary id, so the two cannot meet).
        let mut known_index: Vec<Option<u32>> = vec![None; dict.actors.len()];
        let mut name_index: HashMap<String, u32> = HashMap::new();
        let mut actors: Vec<ActorRef> = Vec::new();
        let mut mentions: Vec<Mention> = Vec::new();
        let mut add = |key: ActorKey<'_>, name: &str, kind: ActorKind, m: (u32, u32, u32)| {
            let slot = match key {
                ActorKey::Known(a, _) => known_index[a as usize],
                ActorKey::Name(id) => name_index.get(id).copied(),
            };
            let i = slot.unwrap_or_else(|| {
                let (id, known) = match key {
                    ActorKey::Known(_, id) => (id, true),
                    ActorKey::Name(id) => (id, false),
                };
                actors.push(ActorRef {
                    id: id.to_string(),
                    name: name.to_string(),
                    kind,
                    known,
                    mentions: 0,
                });
                let i = actors.len() as u32 - 1;
                match key {
                    ActorKey::Known(a, _) => known_index[a as usize] = Some(i),
                    ActorKey::Name(id) => {
                        name_index.insert(id.to_string(), i);
                    }
                }
                i
            });
            actors[i as usize].mentions += 1;
            mentions.push(Mention {
                paragraph: m.0,
                start: m.1,
                end: m.2,
                actor: i,
            });
        };
        for f in &found {
            let a = &dict.actors[f.actor as usize];
            let key = ActorKey::Known(f.actor, &a.id);
            add(key, &a.name, a.kind, (f.paragraph, f.start, f.end));
        }
        let byline = article.byline.clone().unwrap_or_default().to_lowercase();
        for (p, text) in texts.iter().enumerate() {
            let mut known: Vec<(usize, usize)> = found
                .iter()
                .filter(|f| f.paragraph == p as u32)
                .map(|f| (f.start as usize, f.end as usize))
                .collect();
            known.extend(&credits[p]);
            for hit in names::find(text, &known) {
                let id = names::slug(&hit.name);
                let lower = hit.name.to_lowercase();
                if dict.by_id.contains_key(&id)
                    || byline.contains(&lower)
                    || self.outlet_names.contains(&lower)
                {
                    continue;
                }
                add(
                    ActorKey::Name(&id),
                    &hit.name,
                    hit.kind,
                    (p as u32, hit.start as u32, hit.end as u32),
                );
            }
        }
        // Most-mentioned first; first named first among equals (the order actors were added).
        let mut order: Vec<usize> = (0..actors.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(actors[i].mentions), i));
        let mut new_index = vec![0u32; actors.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as u32;
        }
        for m in &mut mentions {
            m.actor = new_index[m.actor as usize];
        }
        mentions.sort_by_key(|m| (m.paragraph, m.start));
        article.actors = order.into_iter().map(|i| actors[i].clone()).collect();
        article.mentions = mentions;
    }

    /// Actors that are the outlet itself ("Global Times" in a Global Times page).
    fn outlet_actors(&self, outlet: &str) -> Vec<u32> {
        self.profiles
            .lookup(outlet)
            .map(|o| self.self_actors[o].clone())
            .unwrap_or_default()
    }
}

/// The headline picker asks the sets of every outlet name instead of walking a list of them.
impl headline::OutletNames for Knowledge {
    fn is_name(&self, name: &str) -> bool {
        self.outlet_names.contains(name)
    }

    fn is_title(&self, tail: &str) -> bool {
        self.outlet_titles.contains(tail)
    }
}

/// The actors an outlet's name or aliases spell. Worked out once per outlet when the knowledge
/// is built: lowercasing every spelling of the dictionary for each page cost a tenth of a read.
fn outlet_self_actors(profile: &Outlet, dict: &Dictionary) -> Vec<u32> {
    std::iter::once(&profile.name)
        .chain(&profile.aliases)
        .filter_map(|name| {
            let key = name.to_lowercase();
            dict.actors.iter().position(|a| {
                a.name.to_lowercase() == key
                    || a.aliases
                        .iter()
                        .chain(&a.acronyms)
                        .any(|s| s.to_lowercase() == key)
            })
        })
        .map(|i| i as u32)
        .collect()
}

struct Layout {
    title: Option<usize>,
    subtitles: Vec<usize>,
    /// Text lines above the headline that are interface, counters, labels or dates.
    furniture: Vec<usize>,
    /// The first line of the body.
    body: Option<usize>,
}

/// An actor of an article: a dictionary actor (its index and id) or a name found from context.
#[derive(Clone, Copy)]
enum ActorKey<'a> {
    Known(u32, &'a str),
    Name(&'a str),
}

/// The publication day the page's stamp lines give (not a masthead strip above the headline).
/// When the story's head (from the headline to the body) holds a publication or a bare stamp,
/// the stamps above the headline are those of teasers of other stories.
fn stamped_day(
    lines: &[Line],
    title: Option<usize>,
    body: Option<usize>,
    order: DateOrder,
) -> Option<crate::model::Day> {
    let mut stamps: Vec<Stamp> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            let stamp_like = matches!(
                l.class,
                Class::Removed(RemovedReason::Stamp) | Class::Byline(_)
            ) || is_source_line(l);
            let masthead = title.is_some_and(|t| *i < t) && dates::is_masthead_strip(&l.text);
            stamp_like && !masthead
        })
        .flat_map(|(i, l)| {
            l.dates.iter().filter_map(move |h| {
                Some(Stamp {
                    day: h.day(order)?,
                    label: h.label,
                    line: i,
                })
            })
        })
        .collect();
    let in_head = |s: &Stamp| title.is_some_and(|t| s.line > t) && body.is_none_or(|b| s.line < b);
    if let Some(t) = title
        && stamps
            .iter()
            .any(|s| in_head(s) && s.label != Label::Updated)
    {
        stamps.retain(|s| s.line >= t);
    } else if let Some(b) = body
        && stamps.iter().any(in_head)
    {
        // The head holds only an "updated" stamp: the bare dates below the story's opening are
        // those of teasers (a list of related stories), not the story's; a labelled stamp or a
        // closing source credit still speaks for it, and so does a date above the headline.
        stamps.retain(|s| {
            s.line < b || s.label != Label::Unlabeled || is_source_line(&lines[s.line])
        });
    }
    dates::pick_publication(&stamps).map(|s| s.day)
}

/// A closing source credit with its date: "(KCNA October 10, 2024)", "(Yonhap, 2024.06.19)".
fn is_source_line(line: &Line) -> bool {
    // A photo credit's date is the picture's ("(Yonhap file photo, June 19, 2024)").
    let photo = || {
        let lower = line.text.to_lowercase();
        ["photo", "image", "picture", "사진", "写真", "图"]
            .iter()
            .any(|w| lower.contains(w))
    };
    line.class == Class::Removed(RemovedReason::Credit)
        && !line.dates.is_empty()
        && line.text.starts_with('(')
        && line.text.ends_with(')')
        && !more_chars_than(&line.text, 60)
        && !photo()
}

/// A reporter credit opening one of the first paragraphs of the body ("(서울=연합뉴스) 홍길동 기자
/// = …", "【オスロ＝中村真理】…").
fn opening_byline(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.class == Class::Text)
        .take(4)
        .find_map(|l| clean::opening_byline(&l.text))
}

/// The main language of a text: Hangul, Cyrillic, kana, Han or Latin by character count.
fn language<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let (mut latin, mut hangul, mut cyrillic, mut kana, mut han) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    // Latin letters are ASCII bytes, counted as such; only the other characters are decoded.
    let mut others = Vec::new();
    for text in texts {
        let bytes = text.as_bytes();
        latin += count_bytes(bytes, |b| (b | 0x20).wrapping_sub(b'a') < 26);
        let mut at = 0;
        while let Some(i) = find_byte(bytes, at, |b| b >= 0x80) {
            let c = text[i..].chars().next().expect("a character starts here");
            others.push(c);
            at = i + c.len_utf8();
        }
    }
    for c in others {
        match c {
            '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                hangul += 1
            }
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{4E00}'..='\u{9FFF}' => han += 1,
            _ => {}
        }
    }
    // A Hangul, kana or Han character carries about as much as three Latin letters.
    let scores = [
        ("en", latin),
        ("ko", hangul * 3),
        ("ru", cyrillic),
        ("ja", kana * 3 + if kana > 0 { han * 3 } else { 0 }),
        ("zh", if kana == 0 { han * 3 } else { 0 }),
    ];
    let (lang, score) = scores
        .iter()
        .max_by_key(|(_, s)| *s)
        .copied()
        .unwrap_or(("und", 0));
    if score == 0 {
        "und".to_string()
    } else {
        lang.to_string()
    }
}
