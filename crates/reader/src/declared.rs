//! Choosing among what an HTML page declares about itself (`html::meta`): the headline by
//! agreement of its `og:title`, Twitter card, JSON-LD `headline`, `<h1>` and `<title>`; the outlet
//! from the site name, publisher, application name or address; the byline; and the publication
//! date by trust (JSON-LD, then `article:published_time` and the CMS meta names, then a marked
//! `<time>`). Knows outlets and dates only through `outlets` and `dates`.

use crate::clean;
use crate::dates;
use crate::html::{PageMeta, Source};
use crate::model::Day;
use crate::outlets::Profiles;

/// Lowercased words of a text, for comparing titles.
fn key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two titles tell the same headline: most words of the shorter are in the longer (an
/// `og:title` with a section label, an `<h1>` reworded for print). A short title (a site's name)
/// agrees with nothing but itself.
fn agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let words = |k: &str| -> Vec<String> {
        // Scripts written without spaces count by characters.
        if k.chars().any(is_unspaced) {
            k.chars()
                .filter(|c| !c.is_whitespace())
                .map(String::from)
                .collect()
        } else {
            k.split(' ').map(str::to_string).collect()
        }
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    let least = if a.chars().any(is_unspaced) { 6 } else { 3 };
    if short.len() < least {
        return false;
    }
    let common = short.iter().filter(|w| long.contains(w)).count();
    common * 10 >= short.len() * 6
}

fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The headline: the title the most declarations agree on, as printed where the page prints
/// it (`<h1>`), without the site's name.
///
/// ```
/// let mut meta = reader::html::PageMeta::default();
/// use reader::html::Source;
/// meta.titles = vec![
///     (Source::OpenGraph, "Kim visits Moscow".into()),
///     (Source::TitleTag, "Kim visits Moscow | Example Daily".into()),
///     (Source::Heading, "Example Daily".into()),
///     (Source::Heading, "Kim visits Moscow".into()),
/// ];
/// assert_eq!(reader::declared::title(&meta, |_| false).as_deref(), Some("Kim visits Moscow"));
/// ```
pub fn title(meta: &PageMeta, is_outlet: impl Fn(&str) -> bool) -> Option<String> {
    // A "site name" that repeats a title the page declares is its headline put in the wrong
    // field (application-name on some sites), not a name to cut from titles.
    let titles: Vec<String> = meta.titles.iter().map(|(_, t)| key(t)).collect();
    let sites: Vec<String> = meta
        .site_names
        .iter()
        .map(|(_, s)| key(s))
        .filter(|k| !titles.contains(k))
        .collect();
    let candidates: Vec<(Source, String, String)> = meta
        .titles
        .iter()
        .map(|(s, t)| {
            let cleaned = cut_site(&clean::clean_title_by(t, &is_outlet), &sites);
            let k = key(&cleaned);
            (*s, cleaned, k)
        })
        .filter(|(_, t, k)| !k.is_empty() && !sites.contains(k) && t.chars().count() <= 300)
        .collect();
    // A declared title that is another's with a section or a site's name glued on behind a
    // mark ("…커졌다-정치ㅣ한국일보" beside "…커졌다") is that other title.
    let candidates: Vec<(Source, String, String)> = candidates
        .iter()
        .map(|(from, t, k)| {
            let shorter = candidates.iter().find(|(_, shorter, _)| {
                t.strip_prefix(shorter.as_str()).is_some_and(|rest| {
                    !shorter.is_empty()
                        && rest.starts_with(['-', '–', '—', '|', '｜', 'ㅣ', '_', ':', '：'])
                        && rest.chars().count() <= 16
                })
            });
            match shorter {
                Some((_, s, sk)) => (*from, s.clone(), sk.clone()),
                None => (*from, t.clone(), k.clone()),
            }
        })
        .collect();
    // "New Zealand - Example" as the <title>, "New Zealand" as the heading: the heading is the
    // title's part before a separator, however short.
    let head_of_tag = |tag: &(Source, String, String), other: &(Source, String, String)| {
        tag.0 == Source::TitleTag
            && TITLE_SEPARATORS.iter().any(|sep| {
                tag.1
                    .rsplit_once(sep)
                    .is_some_and(|(head, _)| key(head) == other.2)
            })
    };
    let support = |i: usize| {
        let me = &candidates[i];
        candidates
            .iter()
            .enumerate()
            .filter(|&(j, c)| {
                j != i
                    && c.0 != me.0
                    && (agree(&c.2, &me.2) || head_of_tag(c, me) || head_of_tag(me, c))
            })
            .count()
    };
    // Most support first; among equals the printed heading, then the most trusted declaration.
    let rank = |s: Source| match s {
        Source::Heading => 0,
        other => 1 + other as usize,
    };
    // Agreed on by another declaration first; then the printed heading, then by trust.
    // Of two headings, a logo's agrees only with the <title> that ends with the site's name:
    // the heading more declarations agree on is the headline.
    let best = (0..candidates.len()).max_by_key(|&i| {
        let support = support(i);
        (
            support > 0,
            std::cmp::Reverse(rank(candidates[i].0)),
            support,
            std::cmp::Reverse(i),
        )
    })?;
    // A heading nobody else declares is as likely the site's logo as the headline: a declared
    // title wins over it, but a page that declares none has only its heading.
    if support(best) == 0 && candidates[best].0 == Source::Heading {
        let other = (0..candidates.len())
            .filter(|&i| candidates[i].0 != Source::Heading)
            .min_by_key(|&i| rank(candidates[i].0))
            .unwrap_or(best);
        return Some(candidates[other].1.clone());
    }
    // A heading that prints a kicker over the headline, its text run together with it
    // ("Premier League Rückschlag im Titelkampf"), when another declaration gives the headline
    // alone or behind a kicker of its own ("Iranischer Angriff auf Israel: «…»").
    // A declaration that gives the heading whole says it is the headline.
    if candidates[best].0 == Source::Heading
        && !candidates
            .iter()
            .any(|c| c.0 != Source::Heading && c.2 == candidates[best].2)
        && let Some(headline) = candidates
            .iter()
            .filter(|c| c.0 != Source::Heading)
            .find_map(|c| without_kicker(&candidates[best].1, &c.1))
    {
        return Some(headline);
    }
    Some(candidates[best].1.clone())
}

/// The words a heading ends with that a declared title ends with too, when what stands before
/// them in the heading is a kicker run into them (one to six words, no mark between) and the
/// declared title has nothing before them or a kicker ended by a mark.
fn without_kicker(heading: &str, declared: &str) -> Option<String> {
    let h: Vec<&str> = heading.split_whitespace().collect();
    let d: Vec<&str> = declared.split_whitespace().collect();
    let shared = h
        .iter()
        .rev()
        .zip(d.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let kicker = h.len() - shared;
    let marked = |word: &str| word.ends_with([':', '|', '-', '–', '—', '.', '?', '!', ',', ';']);
    let declared_head = &d[..d.len() - shared];
    (shared >= 3
        && (1..=6).contains(&kicker)
        && !marked(h[kicker - 1])
        && declared_head.last().is_none_or(|w| marked(w)))
    .then(|| h[kicker..].join(" "))
}

/// Cuts a trailing " | Site" or " - Site" when the tail is one of the page's site names.
/// What stands between a headline and a site's name in a `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " : "];

///
/// A site's name the page declares is also cut behind a mark with no spaces around it, as
/// sites writing in Chinese and Japanese join their titles ("…「Treeviz」:Example日誌",
/// "…_Example日报"): the tail must be the declared name, whole.
fn cut_site(title: &str, sites: &[String]) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && sites.contains(&key(tail))
            && !key(head).is_empty()
        {
            return head.trim().to_string();
        }
    }
    // 'ㅣ', a Hangul letter, is the bar of many Korean titles.
    const MARKS: [char; 9] = [':', '：', '_', '|', '｜', 'ㅣ', '-', '–', '—'];
    if let Some(at) = title.rfind(MARKS) {
        let mark = title[at..].chars().next().map_or(1, char::len_utf8);
        let (head, tail) = (&title[..at], &title[at + mark..]);
        if !key(tail).is_empty() && sites.contains(&key(tail)) && !key(head).is_empty() {
            return head.trim_end().to_string();
        }
    }
    title.to_string()
}

/// The outlet the markup names: `Some((display name, index in outlets.toml))`, the index `None`
/// for a site `outlets.toml` does not know (reported by its printed name).
pub fn outlet(meta: &PageMeta, profiles: &Profiles) -> Option<(String, Option<usize>)> {
    let known = |i: usize| Some((profiles.outlets[i].name.clone(), Some(i)));
    let named = |from: &[Source]| {
        meta.site_names
            .iter()
            .filter(|(s, _)| from.contains(s))
            .map(|(_, n)| site_name(n))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
    };
    let declared = named(&[Source::OpenGraph, Source::JsonLd, Source::ApplicationName]);
    if let Some(i) = declared.iter().find_map(|n| profiles.lookup(n)) {
        return known(i);
    }
    if let Some(i) = meta
        .url
        .as_deref()
        .and_then(host)
        .and_then(|h| profiles.by_domain(&h))
    {
        return known(i);
    }
    if let Some(i) = title_tails(meta).find_map(|t| profiles.lookup(t)) {
        return known(i);
    }
    let others = named(&[Source::MetaName, Source::Copyright]);
    if let Some(i) = others.iter().find_map(|n| profiles.lookup(n)) {
        return known(i);
    }
    let declared: Vec<String> = declared
        .into_iter()
        .filter(|n| !looks_like_address(n))
        .collect();
    declared
        .iter()
        .find(|n| !is_domain(n))
        .or(declared.first())
        .cloned()
        .or_else(|| others.into_iter().find(|n| !looks_like_address(n)))
        .or_else(|| title_suffix(meta))
        .map(|n| (n, None))
}

/// The site's account its Twitter card names ("@Example" → "Example"), for a page that names its
/// site nowhere else: a handle is often shortened ("@nytimes"), so it comes last.
pub fn handle(meta: &PageMeta) -> Option<String> {
    meta.site_names
        .iter()
        .filter(|(s, _)| *s == Source::Twitter)
        .find_map(|(_, n)| {
            let name = n.trim().strip_prefix('@')?;
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            (letters >= 3 && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .then(|| name.to_string())
        })
}

/// Every tail of the `<title>` after a separator, shortest first, spaced or not: "标题-新华网" and
/// "Headline | Section | Example Times" end with a site's name, and a tail that is a known
/// outlet's name is the page's outlet. Separators inside a name ("Dong-A") give tails no outlet
/// is called, so trying each is safe.
fn title_tails(meta: &PageMeta) -> impl Iterator<Item = &str> {
    let tag = meta
        .titles
        .iter()
        .find(|(s, _)| *s == Source::TitleTag)
        .map_or("", |(_, t)| t.trim());
    tag.char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, '|' | '-' | '–' | '—' | '_' | '·' | ':' | '｜' | '－'))
        .map(move |(i, c)| tag[i + c.len_utf8()..].trim())
        .take_while(|tail| tail.chars().count() <= 40)
        .filter(|tail| !tail.is_empty())
}

/// The site name a `<title>` ends with ("… | India News - Example Times", "… : Example Radio",
/// "标题_栏目_好奇心日报"), when another title of the page shows the rest is the headline. Titles
/// in scripts written without spaces set their separators without spaces too.
fn title_suffix(meta: &PageMeta) -> Option<String> {
    let tag = meta.titles.iter().find(|(s, _)| *s == Source::TitleTag)?;
    let others: Vec<String> = meta
        .titles
        .iter()
        .filter(|(s, _)| *s != Source::TitleTag)
        .map(|(_, t)| key(t))
        .collect();
    for sep in [" | ", " - ", " – ", " — ", " : ", " :: ", " · "] {
        let Some((head, tail)) = tag.1.rsplit_once(sep) else {
            continue;
        };
        let tail = tail.trim();
        let words = tail.split_whitespace().count();
        let named = tail.chars().next().is_some_and(|c| !c.is_lowercase());
        // A site's name holds no parentheses or quotes: "Song : Singer (feat. Other)" ends with
        // the title's own words.
        let bracketed = tail.contains(['(', ')', '[', ']', '"', '“', '”']);
        if (1..=5).contains(&words)
            && named
            && !bracketed
            && others.iter().any(|o| agree(o, &key(head)))
        {
            return Some(tail.to_string());
        }
    }
    for sep in ['_', '-', '|', '｜'] {
        let Some((head, tail)) = tag.1.trim().rsplit_once(sep) else {
            continue;
        };
        let tail = tail.trim();
        let unspaced =
            !tail.is_empty() && tail.chars().all(|c| is_unspaced(c) || c.is_alphanumeric());
        if unspaced
            && tail.chars().any(is_unspaced)
            && (2..=12).contains(&tail.chars().count())
            && others.iter().any(|o| agree(o, &key(head)))
        {
            return Some(tail.to_string());
        }
    }
    None
}

/// A site name as printed, without copyright marks, years and legal suffixes.
fn site_name(raw: &str) -> String {
    let mut s = raw.trim();
    // Marks in any order and number: "Copyright (c) Example", "© Copyright Example".
    loop {
        let before = s.len();
        for mark in [
            "©",
            "ⓒ",
            "Ⓒ",
            "(c)",
            "(C)",
            "Copyright",
            "copyright",
            "COPYRIGHT",
        ] {
            s = s.trim_start_matches(mark).trim_start();
        }
        if s.len() == before {
            break;
        }
    }
    // A year or a span of years before the name ("2014 Example", "2009-2024 Example"), not
    // digits of the name ("247example.com", "24/7 Example").
    while let Some(rest) = s.get(4..)
        && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && (rest.is_empty() || rest.starts_with([' ', '-', '–', ',']))
    {
        s = rest.trim_start_matches([' ', '-', '–', ',']);
    }
    // A year after the name: "Example 2015", "Example, 2009-2015".
    let mut s = s.to_string();
    while let Some(head) = s
        .trim_end()
        .strip_suffix(|c: char| c.is_ascii_digit())
        .map(|h| h.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|h| s.trim_end().len() - h.len() == 4)
        .map(|h| h.trim_end_matches([' ', ',', '-', '–']))
        .filter(|h| !h.is_empty())
    {
        s = head.to_string();
    }
    for tail in [
        "All rights reserved.",
        "All rights reserved",
        "All Rights Reserved.",
        "All Rights Reserved",
        "Co., Ltd.",
        "Co.,Ltd.",
        "Co., Ltd",
        "Inc.",
        "Ltd.",
        "LLC",
    ] {
        if let Some(head) = s.trim_end().strip_suffix(tail) {
            s = head.trim_end_matches([',', '.', ' ']).to_string();
        }
    }
    s.trim().to_string()
}

fn looks_like_address(name: &str) -> bool {
    name.starts_with("http") || name.contains("://") || name.chars().count() > 60
}

/// A name printed as a domain ("example.com"): a name in words, when the page gives one too,
/// is the better display name.
fn is_domain(name: &str) -> bool {
    !name.contains(' ')
        && host(name).is_some_and(|h| {
            h.rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        })
}

/// The host of an address, without "www.".
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

/// The byline the markup declares, without "By" and without names that are outlets (the
/// page's own site names or any outlet of `outlets.toml`).
///
/// A name declared as a catalogue writes it ("Doe, Jane") is given as the page prints it when a
/// byline element prints the same words ("Jane Doe").
pub fn byline(meta: &PageMeta, is_outlet: impl Fn(&str) -> bool) -> Option<String> {
    let sites: Vec<String> = meta.site_names.iter().map(|(_, s)| key(s)).collect();
    let order = [Source::JsonLd, Source::MetaName, Source::BylineElement];
    let found = order.iter().find_map(|from| {
        meta.authors
            .iter()
            .filter(|(s, _)| s == from)
            .map(|(_, a)| tidy_byline(a))
            .find(|a| {
                let k = key(a);
                !k.is_empty()
                    && !is_outlet(&a.to_lowercase())
                    && !crate::clean::is_agency(a)
                    && !sites
                        .iter()
                        .any(|s| s.contains(&k) || k.contains(s.as_str()))
                    && !a.starts_with("http")
                    && !a.contains("://")
                    // A list of names may run long ("Jane Doe, John Roe, … and Ann Poe").
                    && (a.chars().count() <= 60 || a.contains(','))
                    && a.split_whitespace().count() <= 12
                    && !a.ends_with(" Articles")
                    && !a.ends_with(" Posts")
            })
    })?;
    let words = |name: &str| {
        let mut w: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        w.sort_unstable();
        w
    };
    if found.matches(',').count() == 1 && found.split_whitespace().count() <= 4 {
        let declared = words(&found);
        let printed = meta
            .authors
            .iter()
            .filter(|(s, _)| *s == Source::BylineElement)
            .map(|(_, a)| tidy_byline(a))
            .find(|a| !a.contains(',') && words(a) == declared);
        if let Some(printed) = printed {
            return Some(printed);
        }
    }
    Some(found)
}

/// A byline element's authors without what the element prints around them: "By", a date or
/// time before or after them ("12.24.14 9:00AM Jane Doe", "Jane Doe | Posted Feb. 27, 2014",
/// "Jane Doe on December 4, 2014"), a glued handle ("Jane Doe@janed") and the interface after
/// them ("24 comments", "Leave a comment", "Follow"). Names hold no digits: the first digit after
/// the names ends them.
fn tidy_byline(raw: &str) -> String {
    let mut a = raw.trim();
    // A byline element's parts kept apart, the names after a part that is not them ("Politics |
    // By Jane Doe | May 5, 2024"): the names open at their label.
    // "By" in English, German, French, Spanish and Portuguese, Dutch, Scandinavian.
    const LABELS: [&str; 6] = ["by", "von", "par", "por", "door", "av"];
    if let Some(at) = a.split(" | ").skip(1).position(|part| {
        let lower = part.to_lowercase();
        LABELS.iter().any(|l| {
            lower
                .strip_prefix(l)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    }) {
        a = a.split(" | ").nth(at + 1).map_or(a, |part| {
            let start = part.as_ptr() as usize - a.as_ptr() as usize;
            &a[start..]
        });
    }
    a = a.trim_start_matches(['|', '•', '·', '/', ',', ':', ' ']);
    // The label alone, its names printed elsewhere.
    if LABELS.contains(&a.to_lowercase().as_str()) {
        return String::new();
    }
    for by in [
        "By:",
        "by:",
        "BY:",
        "By ",
        "by ",
        "BY ",
        "Text by ",
        "Words by ",
        "Written by ",
        "Author: ",
        "Authors: ",
        // Spanish and Portuguese, French, German, Dutch, Scandinavian.
        "Por ",
        "por ",
        "Par ",
        "par ",
        "Von ",
        "von ",
        "VON ",
        "Autor: ",
        "Autorin: ",
        "Autoren: ",
        "Door ",
        "door ",
        "Av ",
        "av ",
    ] {
        if let Some(rest) = a.strip_prefix(by) {
            a = rest.trim_start();
            break;
        }
    }
    // "ByJane Doe": the label glued to the name.
    if let Some(rest) = a.strip_prefix("By")
        && rest.starts_with(|c: char| c.is_uppercase())
        && !rest.starts_with(|c: char| c.is_ascii_uppercase() && rest[1..].starts_with(' '))
    {
        a = rest;
    }
    // With the units of a reading or playing time ("3 Min", "03:07 Min.").
    const STAMP_WORDS: [&str; 16] = [
        "AM", "PM", "am", "pm", "a.m.", "p.m.", "GMT", "UTC", "BST", "EST", "EDT", "ET", "Min",
        "Min.", "min", "min.",
    ];
    let separator = |w: &str| w.chars().all(|c| !c.is_alphanumeric());
    // What stands before the names: a date, a time, separators.
    loop {
        if let Some(date) = dates::find_dates(a).first()
            && date.start == 0
        {
            a = a[date.end..].trim_start();
            continue;
        }
        match a.split_whitespace().next() {
            Some(first)
                if first.contains(|c: char| c.is_ascii_digit())
                    || STAMP_WORDS.contains(&first)
                    || separator(first) =>
            {
                // `a` opens with `first`: it was trimmed.
                a = a[first.len()..].trim_start();
            }
            _ => break,
        }
    }
    // What follows them.
    let mut end = a.len();
    if let Some(date) = dates::find_dates(a).first() {
        end = end.min(date.start);
    }
    if let Some(i) = a.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    for cut in [" | ", " • ", " · "] {
        if let Some(i) = a.find(cut) {
            end = end.min(i);
        }
    }
    // A handle glued to the name ("Jane Doe@janed") or standing after it ("Jane Doe @janed"),
    // an e-mail address (the whole address).
    if let Some(i) = a.find('@') {
        let token = a[..i].rfind(' ').map_or(0, |s| s + 1);
        let email = a[i..]
            .split_whitespace()
            .next()
            .is_some_and(|t| t.contains('.'));
        end = end.min(if email { token } else { i });
    }
    let mut a = a[..end].trim_end();
    const TRAILING: [&str; 19] = [
        // A German stamp's label, its date cut off: "Veröffentlicht am 27.04.24".
        "Veröffentlicht",
        "veröffentlicht",
        "Aktualisiert",
        "aktualisiert",
        "am",
        "um",
        "Leave a comment",
        "Become a fan",
        "comments",
        "comment",
        "Comments",
        "Follow",
        "Posted",
        "Updated",
        "Published",
        "posted",
        "updated",
        "published",
        "on",
    ];
    loop {
        let before = a.len();
        // Glued too: "Jane DoeLeave a comment".
        a = a.strip_suffix("Leave a comment").unwrap_or(a);
        a = a.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
        a = a.trim_end();
        // A weekday before a date cut off: "Jane Doe Tuesday, Aug. 17, 2010".
        for word in TRAILING.iter().chain(&dates::WEEKDAY_NAMES) {
            if let Some(head) = a.strip_suffix(word)
                && (head.is_empty() || head.ends_with(' '))
            {
                a = head.trim_end();
            }
        }
        for word in STAMP_WORDS {
            if let Some(head) = a.strip_suffix(word)
                && head.ends_with(' ')
            {
                a = head.trim_end();
            }
        }
        if a.len() == before {
            break;
        }
    }
    let a = a.trim();
    // A Korean reporter's title after the name ("홍길동 기자").
    for title in [
        "선임기자",
        "전문기자",
        "기자",
        "특파원",
        "논설위원",
        "편집위원",
        "통신원",
    ] {
        if let Some(head) = a.strip_suffix(title)
            && head.ends_with(|c: char| c == ' ' || ('가'..='힣').contains(&c))
        {
            return head.trim_end().to_string();
        }
    }
    a.to_string()
}

/// The publication day the markup declares, by trust: JSON-LD, Open Graph and CMS meta names,
/// then a `<time>` marked as the publication.
pub fn published(meta: &PageMeta) -> Option<Day> {
    // Each declaration's source, day and instant (when it gives a clock and a zone).
    let read = meta
        .published
        .iter()
        .filter_map(|(s, v)| dates::parse_meta_date(v).map(|d| (*s, d, dates::instant(v))))
        .collect::<Vec<_>>();
    // One instant written twice, in UTC and in the publisher's zone ("2017-02-24T01:18:13Z",
    // "2017-02-23T17:18:13-08:00"): the day is the publisher's, the one its pages print.
    let local_day = |at: i64| {
        read.iter()
            .find(|(_, _, i)| *i == Some((at, false)))
            .map(|(_, d, _)| *d)
    };
    let mut dated: Vec<(Source, Day)> = read
        .iter()
        .map(|&(s, d, i)| match i {
            Some((at, true)) => (s, local_day(at).unwrap_or(d)),
            _ => (s, d),
        })
        .collect();
    dated.sort_by_key(|(s, _)| *s);
    // The day the most kinds of declaration agree on ("dateCreated" in JSON-LD written in local
    // time but marked UTC, against `article:published_time` and a `date` meta a day before);
    // among equals, the most trusted.
    let kinds = |day: Day| {
        let mut sources: Vec<Source> = dated
            .iter()
            .filter(|(_, d)| *d == day)
            .map(|(s, _)| *s)
            .collect();
        sources.dedup();
        sources.len()
    };
    dated
        .iter()
        .enumerate()
        .max_by_key(|&(i, (_, d))| (kinds(*d), std::cmp::Reverse(i)))
        .map(|(_, (_, d))| *d)
}

/// The last-modified day the markup declares; only used when nothing says when it was published.
pub fn modified(meta: &PageMeta) -> Option<Day> {
    meta.modified
        .iter()
        .find_map(|(_, v)| dates::parse_meta_date(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_with(titles: &[(Source, &str)], sites: &[(Source, &str)]) -> PageMeta {
        PageMeta {
            titles: titles.iter().map(|(s, t)| (*s, t.to_string())).collect(),
            site_names: sites.iter().map(|(s, t)| (*s, t.to_string())).collect(),
            ..PageMeta::default()
        }
    }

    #[test]
    fn name_declared_surname_first_is_given_as_printed() {
        let meta = |printed: &str| PageMeta {
            authors: vec![
                (Source::MetaName, "Gillman, Steve".to_string()),
                (Source::BylineElement, printed.to_string()),
            ],
            ..PageMeta::default()
        };
        assert_eq!(
            byline(&meta("by Steve Gillman"), |_| false).as_deref(),
            Some("Steve Gillman")
        );
        // Another name printed: the declaration stands.
        assert_eq!(
            byline(&meta("by Jane Doe"), |_| false).as_deref(),
            Some("Gillman, Steve")
        );
    }

    #[test]
    fn one_instant_in_utc_and_in_local_time_is_the_local_day() {
        let declaring = |json_ld: &str, open_graph: &str| PageMeta {
            published: vec![
                (Source::JsonLd, json_ld.into()),
                (Source::OpenGraph, open_graph.into()),
            ],
            ..PageMeta::default()
        };
        let meta = declaring("2017-02-24T01:18:13Z", "2017-02-23T17:18:13-08:00");
        assert_eq!(published(&meta), Day::new(2017, 2, 23));
        // Two instants hours apart are two declarations: trust decides, as before.
        let meta = declaring("2017-02-24T09:00:00Z", "2017-02-23T17:18:13-08:00");
        assert_eq!(published(&meta), Day::new(2017, 2, 24));
        assert_eq!(
            dates::instant("2017-02-23T17:18:13.000-0800"),
            dates::instant("2017-02-24 01:18Z").map(|(at, _)| (at, false))
        );
        assert_eq!(
            dates::instant("1970-01-02T00:00:00+00:00"),
            Some((1440, true))
        );
        assert_eq!(dates::instant("2017-02-23"), None);
    }

    #[test]
    fn logo_heading_is_not_the_headline() {
        let meta = meta_with(
            &[
                (Source::OpenGraph, "Talks resume in Geneva"),
                (Source::Heading, "The Daily Planet"),
            ],
            &[(Source::OpenGraph, "The Daily Planet")],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("Talks resume in Geneva")
        );
    }

    #[test]
    fn title_tag_loses_the_site_name_of_an_unknown_outlet() {
        let meta = meta_with(
            &[(Source::TitleTag, "Talks resume in Geneva - Planet Post")],
            &[(Source::OpenGraph, "Planet Post")],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("Talks resume in Geneva")
        );
    }

    #[test]
    fn declared_site_name_behind_an_unspaced_mark_is_cut() {
        for (printed, headline) in [
            (
                "描画できる「Treeviz」:phpspot開発日誌",
                "描画できる「Treeviz」",
            ),
            (
                "这个约会软件想帮你找对象_phpspot開発日誌",
                "这个约会软件想帮你找对象",
            ),
        ] {
            let meta = meta_with(
                &[(Source::OpenGraph, printed)],
                &[(Source::OpenGraph, "phpspot開発日誌")],
            );
            assert_eq!(title(&meta, |_| false).as_deref(), Some(headline));
        }
        // A mark inside the headline stays when what follows is not the site's name.
        let meta = meta_with(
            &[(Source::OpenGraph, "Kim-Putin talks:a timeline")],
            &[(Source::OpenGraph, "Planet Post")],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("Kim-Putin talks:a timeline")
        );
    }

    #[test]
    fn printed_heading_wins_when_a_declaration_agrees() {
        let meta = meta_with(
            &[
                (Source::OpenGraph, "Talks resume in Geneva | Planet Post"),
                (Source::Heading, "Talks resume in Geneva"),
            ],
            &[],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("Talks resume in Geneva")
        );
    }

    #[test]
    fn title_tail_in_parentheses_is_not_a_site_name() {
        let profiles = Profiles::default();
        let heading = (Source::Heading, "“Only One” Lyrics");
        let named = meta_with(
            &[
                (Source::TitleTag, "“Only One” Lyrics : Example Lyrics"),
                heading,
            ],
            &[],
        );
        assert_eq!(
            outlet(&named, &profiles),
            Some(("Example Lyrics".to_string(), None))
        );
        let credited = meta_with(
            &[
                (
                    Source::TitleTag,
                    "“Only One” Lyrics : Jane Doe (feat. John Roe)",
                ),
                heading,
            ],
            &[],
        );
        assert_eq!(outlet(&credited, &profiles), None);
    }

    #[test]
    fn headline_put_in_the_site_name_field_does_not_hide_the_headline() {
        // application-name repeats the headline; the first heading is the site's logo.
        let headline = "Talks resume in Geneva after a long pause";
        let meta = meta_with(
            &[
                (Source::OpenGraph, headline),
                (Source::TitleTag, headline),
                (Source::Heading, "example back to example home news"),
                (Source::Heading, headline),
            ],
            &[
                (Source::ApplicationName, headline),
                (Source::OpenGraph, "Example"),
            ],
        );
        assert_eq!(title(&meta, |_| false).as_deref(), Some(headline));
    }

    #[test]
    fn short_heading_that_opens_the_title_tag_is_the_headline() {
        let meta = meta_with(
            &[
                (Source::TitleTag, "New Zealand - Example Encyclopedia"),
                (Source::Heading, "New Zealand"),
            ],
            &[],
        );
        assert_eq!(title(&meta, |_| false).as_deref(), Some("New Zealand"));
    }

    #[test]
    fn byline_element_keeps_the_names_only() {
        for (raw, names) in [
            ("By Jane Doe", "Jane Doe"),
            ("ByJane Doe | January 14, 2015", "Jane Doe"),
            ("12.24.14 9:00AM Jane Doe", "Jane Doe"),
            ("Jane Doe | Posted Feb. 27, 2014, 5:17 p.m.", "Jane Doe"),
            ("Jane Doe September 7, 2014", "Jane Doe"),
            ("Jane Doe on December 4, 2014", "Jane Doe"),
            ("Jane Doe on", "Jane Doe"),
            ("Jane Doe 11:59PM GMT 29 Dec 2014 Follow", "Jane Doe"),
            (
                "Jane Doe and John S. Roe24 comments",
                "Jane Doe and John S. Roe",
            ),
            ("Jane DoeLeave a comment", "Jane Doe"),
            ("Jane Doe Leave a comment", "Jane Doe"),
            ("Jane Doe@janed", "Jane Doe"),
            ("Jane Doe @janed on June 26, 2014 at 9:00a", "Jane Doe"),
            ("Jane Doe Become a fan jane.doe@example.com", "Jane Doe"),
            ("Jane Doe Tuesday, Aug. 17, 2010", "Jane Doe"),
            ("Text by Jane Doe", "Jane Doe"),
            ("por Juana Pérez", "Juana Pérez"),
            ("Par Jeanne Dupont", "Jeanne Dupont"),
            (
                "Jane Roe Monday, February 29, 2016 @ 11:10 PM UTC",
                "Jane Roe",
            ),
            ("J. R. Doe", "J. R. Doe"),
            ("December 29, 2014 | 10:32am", ""),
            ("Von Eva Muster", "Eva Muster"),
            ("von", ""),
            (
                "Autor: Eva Muster und Hans Beispiel",
                "Eva Muster und Hans Beispiel",
            ),
            (
                "Politik | von Eva Muster | 05. November 2024 | 15:36 Uhr | 3 Min",
                "Eva Muster",
            ),
            ("Veröffentlicht am 27.04.24 um 07:39 Uhr", ""),
            ("03:07 Min.", ""),
            ("|Eva Muster", "Eva Muster"),
            ("홍길동 기자", "홍길동"),
            ("홍길동 특파원", "홍길동"),
        ] {
            assert_eq!(tidy_byline(raw), names, "{raw}");
        }
    }

    #[test]
    fn declared_byline_is_a_person_not_an_agency_or_a_link() {
        let by = |authors: &[&str]| {
            let meta = PageMeta {
                authors: authors
                    .iter()
                    .map(|a| (Source::BylineElement, a.to_string()))
                    .collect(),
                ..PageMeta::default()
            };
            byline(&meta, |_| false)
        };
        assert_eq!(by(&["Von DPA"]), None);
        assert_eq!(
            by(&["See All Articles", "Jane Doe"]).as_deref(),
            Some("Jane Doe")
        );
        // A list of names longer than one name may be.
        let list = "Jane Doe, John Roe, Ann Poe, Max Moe and Eva Lee-Hartmann";
        assert_eq!(by(&[list, "Jane Doe"]).as_deref(), Some(list));
    }

    #[test]
    fn section_and_site_glued_behind_a_mark_are_cut() {
        let meta = meta_with(
            &[
                (
                    Source::OpenGraph,
                    "북러 정상회담 이후 첫 철도 화물 운송 시작-정치ㅣ예시일보",
                ),
                (
                    Source::MetaName,
                    "북러 정상회담 이후 첫 철도 화물 운송 시작",
                ),
            ],
            &[],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("북러 정상회담 이후 첫 철도 화물 운송 시작")
        );
    }

    #[test]
    fn kicker_run_into_the_heading_is_not_the_headline() {
        let headline = |declared: &[(Source, &str)]| title(&meta_with(declared, &[]), |_| false);
        let race = "Setback in the title race - Liverpool lose at Everton";
        let restraint = "«Restraint has much to do with the US»";
        let vision = "The Vision Pro is the Retina moment for headsets";
        for (declared, want) in [
            // The heading prints a kicker the declaration leaves out.
            (
                vec![
                    (Source::OpenGraph, race),
                    (
                        Source::Heading,
                        "Premier League Setback in the title race - Liverpool lose at Everton",
                    ),
                ],
                race,
            ),
            // Both print a kicker of their own.
            (
                vec![
                    (
                        Source::OpenGraph,
                        "Attack on Israel: «Restraint has much to do with the US»",
                    ),
                    (
                        Source::Heading,
                        "Escalation in the Middle East «Restraint has much to do with the US»",
                    ),
                ],
                restraint,
            ),
            // A heading another declaration gives whole is the headline, however the rest end.
            (
                vec![
                    (
                        Source::JsonLd,
                        "The Vision Pro hands-on: the Retina moment for headsets",
                    ),
                    (Source::OpenGraph, vision),
                    (Source::Heading, vision),
                ],
                vision,
            ),
        ] {
            assert_eq!(headline(&declared).as_deref(), Some(want), "{declared:?}");
        }
    }

    #[test]
    fn logo_heading_before_the_headline_heading_is_not_the_headline() {
        // The logo's heading is part of the <title>, as the site's name; the headline's
        // heading agrees with og:title as well.
        let meta = meta_with(
            &[
                (Source::OpenGraph, "動画：少女らによる攻撃で31人死亡"),
                (
                    Source::TitleTag,
                    "動画：少女らによる攻撃で31人死亡　写真1枚　国際ニュース：例示ニュース",
                ),
                (Source::Heading, "国際ニュース：例示ニュース"),
                (Source::Heading, "動画：少女らによる攻撃で31人死亡"),
            ],
            &[],
        );
        assert_eq!(
            title(&meta, |_| false).as_deref(),
            Some("動画：少女らによる攻撃で31人死亡")
        );
    }

    #[test]
    fn publication_day_most_declarations_agree_on_wins() {
        let published = |values: &[(Source, &str)]| {
            let meta = PageMeta {
                published: values.iter().map(|(s, v)| (*s, v.to_string())).collect(),
                ..PageMeta::default()
            };
            published(&meta).map(|d| d.to_string())
        };
        // JSON-LD's creation time, written in local time but marked UTC, against two others.
        assert_eq!(
            published(&[
                (Source::JsonLd, "2014-11-21T02:57:15+00:00"),
                (Source::OpenGraph, "2014-11-20T21:57:15+00:00"),
                (Source::MetaName, "20141120"),
            ])
            .as_deref(),
            Some("2014-11-20")
        );
        // One against one: the most trusted.
        assert_eq!(
            published(&[
                (Source::JsonLd, "2024-06-19"),
                (Source::MetaName, "2024-06-20"),
            ])
            .as_deref(),
            Some("2024-06-19")
        );
    }

    #[test]
    fn digits_of_a_site_name_are_not_a_year() {
        assert_eq!(site_name("247example.com"), "247example.com");
        assert_eq!(site_name("© 2015 24/7 Example St."), "24/7 Example St.");
        assert_eq!(site_name("2009-2024 Example Daily"), "Example Daily");
        assert_eq!(site_name("2015"), "");
        assert_eq!(site_name("Copyright (c) Example Net 2015"), "Example Net");
        assert_eq!(site_name("Example 24"), "Example 24");
    }

    #[test]
    fn site_name_in_words_beats_one_printed_as_a_domain() {
        let profiles = Profiles::default();
        let meta = meta_with(
            &[],
            &[
                (Source::OpenGraph, "247example.com"),
                (Source::ApplicationName, "24/7 Example St."),
            ],
        );
        assert_eq!(
            outlet(&meta, &profiles),
            Some(("24/7 Example St.".to_string(), None))
        );
    }

    #[test]
    fn unknown_site_name_is_the_outlet_as_printed() {
        let profiles = Profiles::default();
        let meta = meta_with(
            &[],
            &[(
                Source::Copyright,
                "© 2024 Planet Post Co., Ltd. All rights reserved",
            )],
        );
        assert_eq!(
            outlet(&meta, &profiles),
            Some(("Planet Post".to_string(), None))
        );
    }

    #[test]
    fn known_outlet_ending_an_unspaced_title_is_the_outlet() {
        let profiles = Profiles::from_toml(
            "outlets.toml",
            r#"
[[outlet]]
id = "example-wire"
name = "Example Wire"
aliases = ["示例网", "Dong-A Example"]
"#,
        )
        .unwrap();
        for title in [
            "药品供应保持稳定-示例网",
            "药品供应保持稳定_示例网",
            "Talks resume in Geneva | World | Dong-A Example",
        ] {
            let meta = meta_with(&[(Source::TitleTag, title)], &[]);
            assert_eq!(
                outlet(&meta, &profiles),
                Some(("Example Wire".to_string(), Some(0))),
                "{title}"
            );
        }
        let meta = meta_with(&[(Source::TitleTag, "Talks resume in Geneva - Today")], &[]);
        assert_eq!(outlet(&meta, &profiles), None);
    }

    #[test]
    fn unknown_site_ending_an_unspaced_title_is_the_outlet_as_printed() {
        let meta = meta_with(
            &[
                (Source::TitleTag, "这个软件帮你找对象_科技_奇想日报"),
                (Source::Heading, "这个软件帮你找对象"),
            ],
            &[],
        );
        assert_eq!(
            outlet(&meta, &Profiles::default()),
            Some(("奇想日报".to_string(), None))
        );
        let alone = meta_with(&[(Source::TitleTag, "这个软件帮你找对象_奇想日报")], &[]);
        assert_eq!(outlet(&alone, &Profiles::default()), None);
    }

    #[test]
    fn hosts_drop_scheme_path_and_www() {
        assert_eq!(
            host("https://www.example.co.kr/news/1?x=2").as_deref(),
            Some("example.co.kr")
        );
        assert_eq!(host("not a url"), None);
    }
}
