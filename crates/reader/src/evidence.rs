//! Evidence: which actors of an article a sentence relates, and how. Splits paragraphs into
//! sentences, makes the actors' mentions into participants (datelines and credits are not; news
//! organisations are marked), asks `relations` for the links each sentence states, drops what
//! the dictionary says is no relation (a person and their own country, organisation or
//! alliance) and writes each link as an `Evidence` with the text around it. Knows nothing of cues.

use crate::dictionary::Dictionary;
use crate::model::{ActorKind, Article, Evidence, Mention};
use crate::outlets::Profiles;
use crate::relations::{self, Link, LinkKind, Unit};
use crate::sentences;
use std::collections::HashMap;

/// A sentence longer than this many characters is not read for relations (a list pasted into
/// one paragraph, a table flattened into text); the article says so in its messages.
pub const MAX_SENTENCE_CHARS: usize = 1_500;
/// A sentence naming more actors than this is not read for relations either.
pub const MAX_SENTENCE_NAMES: usize = 40;
/// The most evidence one sentence can give.
pub const MAX_PAIRS_PER_SENTENCE: usize = 24;
/// Evidence text longer than this is cut to the clauses around the pair and its cue.
pub const MAX_EVIDENCE_CHARS: usize = 320;

/// What the evidence reader knows of the dictionary's actors before reading articles.
#[derive(Debug, Clone)]
pub struct EvidenceReader {
    /// Per dictionary actor: whether it is a news organisation.
    media: Vec<bool>,
    /// Per dictionary actor: the countries, organisations and alliances it belongs to
    /// (its `country` and `member_of`, and what those belong to in turn).
    belongs: Vec<Vec<u32>>,
}

/// One article actor as the reader needs it.
struct Who {
    person: bool,
    media: bool,
    /// Dictionary index, for known actors.
    known: Option<u32>,
}

impl EvidenceReader {
    pub fn new(dict: &Dictionary, profiles: &Profiles) -> EvidenceReader {
        let media = dict
            .actors
            .iter()
            .map(|a| {
                a.media
                    || std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .chain(&a.acronyms)
                        .any(|n| profiles.lookup(n).is_some())
            })
            .collect();
        let belongs = (0..dict.actors.len() as u32)
            .map(|i| dict.belongs(i))
            .collect();
        EvidenceReader { media, belongs }
    }

    /// The evidence of an article whose actors are found, and messages for the article.
    pub fn read(&self, article: &Article, dict: &Dictionary) -> (Vec<Evidence>, Vec<String>) {
        let title = article.title.clone().unwrap_or_default();
        let texts: Vec<&str> = std::iter::once(title.as_str())
            .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        let who: Vec<Who> = article
            .actors
            .iter()
            .map(|a| {
                let known = if a.known {
                    dict.by_id.get(&a.id).copied()
                } else {
                    None
                };
                Who {
                    person: a.kind == ActorKind::Person,
                    media: known.is_some_and(|i| self.media[i as usize]),
                    known,
                }
            })
            .collect();
        let mut evidence = Vec::new();
        let mut too_long = 0usize;
        let mut capped = 0usize;
        let mut mentions = article.mentions.iter().peekable();
        for (p, text) in texts.iter().enumerate() {
            let mut in_para: Vec<&Mention> = Vec::new();
            while let Some(m) = mentions.next_if(|m| m.paragraph as usize <= p) {
                if m.paragraph as usize == p {
                    in_para.push(m);
                }
            }
            // A sentence relates two actors: a paragraph naming fewer is not split into sentences,
            // nor is the rest of a paragraph after the last name (mentions are in text order).
            let Some(last) = in_para.last() else {
                continue;
            };
            if in_para.iter().all(|m| m.actor == last.actor) {
                continue;
            }
            let dateline = dateline_end(text);
            for (s, e) in sentences::split_until(text, last.start as usize) {
                let names: Vec<&Mention> = in_para
                    .iter()
                    .copied()
                    .filter(|m| m.start as usize >= s.max(dateline) && m.end as usize <= e)
                    .collect();
                let distinct = {
                    let mut a: Vec<u32> = names.iter().map(|m| m.actor).collect();
                    a.sort_unstable();
                    a.dedup();
                    a.len()
                };
                if distinct < 2 {
                    continue;
                }
                let sentence = &text[s..e];
                if names.len() > MAX_SENTENCE_NAMES || more_chars_than(sentence, MAX_SENTENCE_CHARS)
                {
                    too_long += 1;
                    continue;
                }
                let units: Vec<Unit> = names
                    .iter()
                    .map(|m| Unit {
                        start: m.start as usize - s,
                        end: m.end as usize - s,
                        actor: m.actor,
                        person: who[m.actor as usize].person,
                        media: who[m.actor as usize].media,
                    })
                    .collect();
                let mut found = self.pairs(
                    relations::links(sentence, &units),
                    sentence,
                    &units,
                    article,
                    &who,
                );
                if found.len() > MAX_PAIRS_PER_SENTENCE {
                    capped += 1;
                    found.truncate(MAX_PAIRS_PER_SENTENCE);
                }
                for (a, b, link) in found {
                    evidence.push(write(sentence, &units, &link, a, b, article));
                }
            }
        }
        let mut messages = Vec::new();
        if too_long > 0 {
            messages.push(format!(
                "{too_long} sentence{} too long to read for relations (over {MAX_SENTENCE_CHARS} characters or {MAX_SENTENCE_NAMES} names) gave no evidence",
                if too_long == 1 { " was" } else { "s were" }
            ));
        }
        if capped > 0 {
            messages.push(format!(
                "{capped} sentence{} relating many actors gave only {MAX_PAIRS_PER_SENTENCE} pairs each",
                if capped == 1 { "" } else { "s" }
            ));
        }
        (evidence, messages)
    }

    /// The links that are relations, one per pair of actors, as (a, b, link) with `a < b` by
    /// id: a person and their own country, a member and its organisation or alliance named
    /// side by side are not relations (though "Sweden joined NATO" stated by a cue is).
    fn pairs(
        &self,
        links: Vec<Link>,
        sentence: &str,
        units: &[Unit],
        article: &Article,
        who: &[Who],
    ) -> Vec<(usize, usize, Link)> {
        let mut out: Vec<(usize, usize, Link)> = Vec::new();
        let mut seen: HashMap<(u32, u32), usize> = HashMap::new();
        for link in links {
            let (x, y) = (units[link.x].actor, units[link.y].actor);
            if x == y {
                continue;
            }
            let (kx, ky) = (who[x as usize].known, who[y as usize].known);
            if let (Some(kx), Some(ky)) = (kx, ky) {
                let own = |a: u32, b: u32| self.belongs[a as usize].contains(&b);
                let (ix, iy) = (x as usize, y as usize);
                let country = |i: usize| article.actors[i].kind == ActorKind::Country;
                // A person or a body and what it belongs to (its country, party, ministry,
                // parent body): never a relation. A country and its alliance: only when a cue
                // states an act of one toward the other ("Sweden joined NATO").
                let body = |i: usize, a: u32, b: u32| !country(i) && own(a, b);
                if body(ix, kx, ky) || body(iy, ky, kx) {
                    continue;
                }
                let member = own(kx, ky) || own(ky, kx);
                // "the U.S. and its NATO allies": membership named by a noun of belonging is
                // no act of one toward the other.
                let belonging = link.cue.is_some_and(|(s, e)| {
                    sentence.get(s..e).is_some_and(|c| {
                        ["ally", "allies", "partner", "partners", "member", "members"]
                            .iter()
                            .any(|w| c.eq_ignore_ascii_case(w))
                    })
                });
                if member && (link.kind == LinkKind::Plain || belonging) {
                    continue;
                }
            }
            let key = (x.min(y), x.max(y));
            match seen.get(&key) {
                Some(&i) => {
                    // A stated link outweighs a plain one for the same pair.
                    if out[i].2.kind == LinkKind::Plain && link.kind == LinkKind::Stated {
                        out[i].2 = link;
                    }
                }
                None => {
                    seen.insert(key, out.len());
                    out.push((x as usize, y as usize, link));
                }
            }
        }
        // Stated links first, so a cap keeps them.
        out.sort_by_key(|(_, _, l)| l.kind == LinkKind::Plain);
        out
    }
}

/// One piece of evidence: the pair ordered by id, its tone, cue, category and direction, and the
/// text around it.
fn write(
    sentence: &str,
    units: &[Unit],
    link: &Link,
    x: usize,
    y: usize,
    article: &Article,
) -> Evidence {
    let (ax, ay) = (&article.actors[x], &article.actors[y]);
    let swap = ax.id > ay.id;
    let (a, b) = if swap { (ay, ax) } else { (ax, ay) };
    let direction = if swap {
        link.direction.reversed()
    } else {
        link.direction
    };
    // The link's units are for the actors x and y in this order.
    let (ux, uy) = (&units[link.x], &units[link.y]);
    let (text, shift) = window(
        sentence,
        [Some((ux.start, ux.end)), Some((uy.start, uy.end)), link.cue],
    );
    let cue_span = link.cue.and_then(|(s, e)| {
        let s = (s as isize + shift) as usize;
        let e = (e as isize + shift) as usize;
        (e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
    });
    Evidence {
        a: a.id.clone(),
        b: b.id.clone(),
        tone: link.tone,
        cue: cue_span.map(|(s, e)| text[s..e].to_string()),
        cue_span: cue_span.map(|(s, e)| (s as u32, e as u32)),
        category: link.category,
        direction,
        sentence: text,
    }
}

/// The sentence, or for a long one the clauses around the given spans, with "…" where it was
/// cut; and how far byte offsets of the sentence move in the result.
fn window(sentence: &str, spans: [Option<(usize, usize)>; 3]) -> (String, isize) {
    if !more_chars_than(sentence, MAX_EVIDENCE_CHARS) {
        return (sentence.to_string(), 0);
    }
    let lo = spans.iter().flatten().map(|s| s.0).min().unwrap_or(0);
    let hi = spans
        .iter()
        .flatten()
        .map(|s| s.1)
        .max()
        .unwrap_or(sentence.len());
    // Out to the clause marks around the spans.
    let breaks = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let mut start = sentence[..lo].rfind(breaks).map_or(0, |i| {
        i + sentence[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut end = sentence[hi..]
        .find(breaks)
        .map_or(sentence.len(), |i| hi + i);
    // Not wider than the limit allows, keeping the spans.
    let limit = MAX_EVIDENCE_CHARS * 2;
    if end - start > limit {
        start = start.max(lo.saturating_sub(limit / 4));
        end = end.min((hi + limit / 4).min(sentence.len()));
        while !sentence.is_char_boundary(start) {
            start -= 1;
        }
        while !sentence.is_char_boundary(end) {
            end += 1;
        }
    }
    let body = &sentence[start..end];
    let trimmed_start = body.len() - body.trim_start().len();
    let body = body.trim();
    let mut text = String::with_capacity(body.len() + 8);
    let mut shift = -((start + trimmed_start) as isize);
    if start > 0 {
        text.push_str("… ");
        shift += "… ".len() as isize;
    }
    text.push_str(body);
    if end < sentence.len() {
        text.push_str(" …");
    }
    (text, shift)
}

fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && text.char_indices().nth(n).is_some()
}

/// Where a wire dateline at the start of a paragraph ends ("SEOUL, Aug. 20 (Yonhap) --",
/// "BEIRUT/THE HAGUE, March 7 (Reuters) -", "BEIJING:", "(워싱턴=연합뉴스) 고승일 특파원 =",
/// "[뉴욕=이데일리 안승찬 특파원]"); 0 when there is none. The places it names are where the
/// story was filed, not parties to it.
pub fn dateline_end(text: &str) -> usize {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    // Korean: "(도시=매체)" then an optional reporter and "=", or "[도시=매체 …]".
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(c) = rest.find(close)
            && rest[..c].contains('=')
            && c < 80
        {
            let mut end = lead + open.len_utf8() + c + close.len_utf8();
            // "… 특파원 =" or "… 기자 =" after it.
            let after = &text[end..];
            if let Some(eq) = after.find('=')
                && eq < 60
                && (after[..eq].contains("특파원") || after[..eq].contains("기자"))
            {
                end += eq + 1;
            }
            return end;
        }
    }
    // English: a place in capitals (places joined by "/"), an optional date and agency, then a
    // dash or a colon.
    let bytes = t.as_bytes();
    let mut i = 0;
    let mut caps = 0;
    while i < bytes.len()
        && (bytes[i].is_ascii_uppercase() || matches!(bytes[i], b' ' | b'/' | b'.' | b'\'' | b'-'))
    {
        if bytes[i].is_ascii_uppercase() {
            caps += 1;
        }
        // A dash with spaces around ends the place.
        if bytes[i] == b'-' && i > 0 && bytes[i - 1] == b' ' {
            break;
        }
        i += 1;
    }
    if caps < 3 {
        return 0;
    }
    let rest = &t[i..];
    let mut j = 0;
    // ", Aug. 20" and "(Reuters)".
    if rest.starts_with(',') {
        let mut near = rest.len().min(40);
        while !rest.is_char_boundary(near) {
            near -= 1;
        }
        j = rest[..near].find(['(', '-', '—', '–', ':']).unwrap_or(0);
        if j == 0 {
            return 0;
        }
    }
    let rest2 = rest[j..].trim_start();
    let mut k = rest.len() - rest2.len();
    if rest2.starts_with('(')
        && let Some(c) = rest2.find(')')
        && c < 40
    {
        k += c + 1;
    }
    let tail = &rest[k..];
    let tail_trim = tail.trim_start();
    let pad = tail.len() - tail_trim.len();
    for dash in ["--", "—", "–", "-", ":"] {
        if let Some(after) = tail_trim.strip_prefix(dash)
            && after.starts_with(' ')
        {
            return lead + i + k + pad + dash.len();
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_end_where_the_story_begins() {
        for (text, rest) in [
            (
                "SEOUL, Aug. 20 (Yonhap) -- North Korea blasted the South.",
                " North Korea",
            ),
            (
                "BEIRUT/THE HAGUE, March 7 (Reuters) - An Israeli tank",
                " An Israeli",
            ),
            ("BEIJING: In what is being seen", " In what"),
            ("(워싱턴=연합뉴스) 고승일 특파원 = 미국 정부는", " 미국"),
            (
                "[뉴욕=이데일리 안승찬 특파원] 유엔 안전보장이사회의",
                " 유엔",
            ),
        ] {
            let end = dateline_end(text);
            assert!(
                text[end..].starts_with(rest),
                "{text:?} → {:?}",
                &text[end..]
            );
        }
        assert_eq!(dateline_end("NATO allies met in Brussels."), 0);
        assert_eq!(dateline_end("The U.S. and Japan agreed."), 0);
    }

    #[test]
    fn a_dateline_followed_by_wide_letters_is_read_without_a_cut_letter() {
        // Byte 40 after the comma falls inside a three-byte letter.
        let text = format!("SEOUL, {} -- 북한", "가".repeat(20));
        assert_eq!(dateline_end(&text), 0);
        let text = format!("SEOUL, {}(연합뉴스) -- 북한이", "가".repeat(10));
        assert!(
            dateline_end(&text) > 0,
            "the agency inside the window ends it"
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_pair() {
        let filler = "and so on, ".repeat(60);
        let s = format!("{filler}Russia sanctioned Japan, {filler}");
        let at = s.find("Russia").unwrap();
        let (text, shift) = window(&s, [Some((at, at + 6)), None, None]);
        assert!(text.starts_with("… Russia sanctioned Japan"), "{text}");
        assert_eq!(&text[(at as isize + shift) as usize..][..6], "Russia");
    }
}
