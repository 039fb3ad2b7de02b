//! Finding dictionary actors in clean text: one Aho–Corasick automaton over every spelling,
//! then checks a reader would make — word boundaries, capitals ("the moon" is not Moon Jae-in,
//! "us" is not the US; "Nato" is NATO), bare family names resolved to the nearest full mention
//! or, beside a title, to the one person who held it ("윤 대통령", "President Yoon"), role
//! phrases ("the South Korean president") resolved by the article's date; Korean abbreviations
//! of states ("한미", "대북") in `korean`.

mod korean;

use crate::dictionary::{Dictionary, Form, Target};
use crate::model::{ActorKind, Day};
use crate::words::WordHasher;
use crate::words::{eq_lowercase, overlapping, starts_with_lowercase};
use aho_corasick::MatchKind;
use aho_corasick::nfa::contiguous::NFA;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A dictionary actor named at a place in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    pub actor: u32,
}

/// A compiled matcher over a dictionary.
#[derive(Debug, Clone)]
pub struct Matcher {
    pub dict: Dictionary,
    automaton: NFA,
    /// Each actor's family names (the romanised one lowercased, the Hangul ones), once.
    surnames: Vec<Vec<String>>,
    /// What the checks of a match need to know of each spelling, by pattern.
    spellings: Vec<Spelling>,
    /// The roles each person held: (role, from, to), for a family name beside a title.
    held: Vec<Vec<(u32, Day, Option<Day>)>>,
    /// Each role's phrases, lowercased once.
    role_phrases: Vec<Vec<String>>,
    /// The one-syllable Korean abbreviations of states.
    shorts: korean::Shorts,
}

/// The kinds of target a spelling has, worked out once rather than for every match: most matches
/// are inside words ("us" in "thus") and only need the boundary test.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    /// A Hangul spelling, or a role phrase ending in Hangul ("한국 대통령"): particles may
    /// follow it.
    hangul: bool,
    /// Every target is an acronym: the case must be exact.
    acronym: bool,
    /// Some target is a country that mostly names a place.
    venue: bool,
    /// Some target is a "the North" form.
    standalone: bool,
    /// The spelling blocks matches inside it (an outlet's name).
    block: bool,
    /// An acronym read as a word ("NATO", "ASEAN"): also printed in title case ("Nato").
    word_acronym: bool,
    /// How many leading bytes of the spelling must keep their capitals: all of it, or only the
    /// country of a described organisation ("Russian defence ministry", "Russia's armed forces").
    caps_upto: usize,
    /// A Korean family name alone ("윤"): a name only before a title ("윤 대통령").
    hangul_surname: bool,
    /// Some target is a country: "대" ("toward") may stand before it ("대중국").
    country: bool,
}

impl Spelling {
    fn new(pattern: &str, targets: &[Target], dict: &Dictionary) -> Spelling {
        let hangul_start = pattern.chars().next().is_some_and(is_hangul);
        Spelling {
            hangul: targets
                .iter()
                .all(|t| matches!(t, Target::Actor(_, Form::Hangul)))
                || pattern.chars().next_back().is_some_and(is_hangul),
            acronym: targets
                .iter()
                .all(|t| matches!(t, Target::Actor(_, Form::Acronym))),
            venue: targets
                .iter()
                .any(|t| matches!(t, Target::Actor(a, _) if dict.actors[*a as usize].venue)),
            standalone: targets
                .iter()
                .any(|t| matches!(t, Target::Actor(_, Form::Standalone))),
            block: targets.contains(&Target::Block),
            word_acronym: pattern.len() >= 4 && pattern.bytes().all(|b| b.is_ascii_uppercase()),
            caps_upto: described_prefix(pattern, targets, dict).unwrap_or(pattern.len()),
            hangul_surname: hangul_start
                && targets
                    .iter()
                    .all(|t| matches!(t, Target::Actor(_, Form::Surname))),
            country: targets.iter().any(|t| {
                matches!(t, Target::Actor(a, _) if dict.actors[*a as usize].kind == ActorKind::Country)
            }),
        }
    }
}

/// For a spelling of an organisation that opens with its country ("Russian Defence Ministry",
/// "Russia's Defence Ministry"), the length of that opening: the rest is a description that
/// pages also print in lower case.
fn described_prefix(pattern: &str, targets: &[Target], dict: &Dictionary) -> Option<usize> {
    let mut prefix = None;
    for t in targets {
        let Target::Actor(a, Form::Name) = t else {
            return None;
        };
        let entry = &dict.actors[*a as usize];
        if entry.kind != ActorKind::Organization {
            return None;
        }
        let country = &dict.actors[dict.country_of(*a)? as usize];
        let opening = country
            .demonyms
            .iter()
            .cloned()
            .chain([
                format!("{}'s", country.name),
                format!("{}\u{2019}s", country.name),
            ])
            .filter(|o| {
                pattern
                    .strip_prefix(o.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            .map(|o| o.len())
            .max()?;
        if prefix.is_some_and(|p| p != opening) {
            return None;
        }
        prefix = Some(opening);
    }
    prefix
}

/// A candidate match before selection.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    pattern: usize,
}

/// Nouns after "the Moon …" that show the bare name is the person ("the Moon government").
const GOVERNMENT_NOUNS: [&str; 12] = [
    "administration",
    "government",
    "camp",
    "era",
    "presidency",
    "regime",
    "doctrine",
    "policy",
    "team",
    "cabinet",
    "visit",
    "summit",
];

impl Matcher {
    /// Compiles the automaton. Matching is ASCII-case-blind; case rules are checked per match.
    /// A contiguous NFA walked by `words::overlapping`: every paragraph of every page goes through
    /// it. The DFA of the same spellings takes some 12 MB, so nearly every byte of a walk missed
    /// the cache; the NFA takes some 400 KB and stays in it.
    pub fn new(dict: Dictionary) -> Matcher {
        let automaton = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(dict.patterns.iter().map(|(p, _)| p.as_str()))
            .expect("actor spellings compile into an automaton");
        let surnames = dict
            .actors
            .iter()
            .map(|a| {
                a.surname
                    .iter()
                    .map(|s| s.to_lowercase())
                    .chain(crate::dictionary::hangul_surnames(a))
                    .collect()
            })
            .collect();
        let spellings = dict
            .patterns
            .iter()
            .map(|(pattern, targets)| Spelling::new(pattern, targets, &dict))
            .collect();
        let mut held = vec![Vec::new(); dict.actors.len()];
        for (r, role) in dict.roles.iter().enumerate() {
            for h in &role.holders {
                if let Some(&a) = dict.by_id.get(&h.actor) {
                    held[a as usize].push((r as u32, h.from, h.to));
                }
            }
        }
        let role_phrases = dict
            .roles
            .iter()
            .map(|r| r.phrases.iter().map(|p| p.to_lowercase()).collect())
            .collect();
        let shorts = korean::Shorts::new(&dict);
        Matcher {
            dict,
            automaton,
            surnames,
            spellings,
            held,
            role_phrases,
            shorts,
        }
    }

    /// Finds actors in paragraphs given in reading order. `headline_paragraphs` leading paragraphs
    /// are the headline and standfirst: a bare family name there refers to the person the article
    /// names in full later. `excluded` actors (the outlet naming itself) are never reported.
    pub fn find(
        &self,
        paragraphs: &[&str],
        headline_paragraphs: usize,
        date: Option<Day>,
        excluded: &[u32],
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let mut salience = Salience::default();
        let mut pending_headline: Vec<(usize, Candidate)> = Vec::new();
        for (p, text) in paragraphs.iter().enumerate() {
            let picked = self.pick(text);
            let taken = || picked.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
            for (start, end, actor) in self.shorts.find(text, taken) {
                found.push(Found {
                    paragraph: p as u32,
                    start: start as u32,
                    end: end as u32,
                    actor,
                });
            }
            for (k, c) in picked.iter().enumerate() {
                let followed_by_person = picked.get(k + 1).is_some_and(|next| {
                    text[c.end..next.start].trim().is_empty() && self.names_person(next.pattern)
                });
                let mut emit = |actor: u32| {
                    found.push(Found {
                        paragraph: p as u32,
                        start: c.start as u32,
                        end: c.end as u32,
                        actor,
                    });
                };
                let targets = &self.dict.patterns[c.pattern].1;
                // A full spelling of an actor wins over everything else the same spelling could be.
                if let Some(actor) = targets.iter().find_map(|t| match t {
                    Target::Actor(a, form) if !matches!(form, Form::Surname | Form::Short) => {
                        Some(*a)
                    }
                    _ => None,
                }) {
                    // "the late Kim Jong Il", "then-President Medvedev": named, but in passing.
                    let weight = if backgrounded(&text[..c.start]) { 0 } else { 1 };
                    for surname in &self.surnames[actor as usize] {
                        salience.mention_weighted(surname, actor, weight);
                    }
                    emit(actor);
                    // "Russia's Defence Ministry", "the Russian armed forces" name Russia too.
                    if self.spellings[c.pattern].caps_upto < self.dict.patterns[c.pattern].0.len()
                        && let Some(country) = self.dict.country_of(actor)
                    {
                        emit(country);
                    }
                    continue;
                }
                if let Some(role) = targets.iter().find_map(|t| match t {
                    Target::Role(r) => Some(*r),
                    _ => None,
                }) {
                    if let Some(country) = self.dict.role_country[role as usize] {
                        emit(country);
                    }
                    if !followed_by_person
                        && let Some(holder) = date.and_then(|d| self.dict.holder(role, d))
                    {
                        emit(holder);
                    }
                    continue;
                }
                let word = text[c.start..c.end].to_lowercase();
                if let Some(actor) = salience.resolve(&word) {
                    salience.mention(&word, actor);
                    emit(actor);
                } else if let Some(actor) = self.short_form(targets, text, c) {
                    salience.mention(&word, actor);
                    emit(actor);
                } else if let Some(actor) = self.titled(targets, text, c, date) {
                    salience.mention(&word, actor);
                    emit(actor);
                } else if p < headline_paragraphs {
                    pending_headline.push((p, *c));
                }
            }
        }
        // A bare family name in the headline: the person of that name the article is most about.
        for (p, c) in pending_headline {
            let word = paragraphs[p][c.start..c.end].to_lowercase();
            if let Some(actor) = salience.resolve(&word) {
                found.push(Found {
                    paragraph: p as u32,
                    start: c.start as u32,
                    end: c.end as u32,
                    actor,
                });
            }
        }
        found.retain(|f| !excluded.contains(&f.actor));
        found.sort_by_key(|f| (f.paragraph, f.start, f.actor));
        found
    }

    /// All valid matches in a text, then the leftmost-longest that do not overlap.
    fn pick(&self, text: &str) -> Vec<Candidate> {
        let mut candidates: Vec<Candidate> = overlapping(&self.automaton, text)
            .map(|m| Candidate {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .filter(|c| self.valid(text, c))
            .collect();
        candidates.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let mut picked: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for c in candidates {
            if picked.last().is_none_or(|last| c.start >= last.end) {
                picked.push(c);
            }
        }
        picked.retain(|c| !self.spellings[c.pattern].block);
        picked
    }

    /// Word boundaries, capitals and exact case where the spelling demands them.
    fn valid(&self, text: &str, c: &Candidate) -> bool {
        let spelling = self.spellings[c.pattern];
        let pattern = &self.dict.patterns[c.pattern].0;
        let matched = &text[c.start..c.end];
        let before = text[..c.start].chars().next_back();
        if spelling.hangul {
            let toward = spelling.country && toward_state(&text[..c.start], matched);
            if before.is_some_and(is_hangul) && !toward {
                return false;
            }
        } else if before.is_some_and(is_word_char)
            || text[c.end..].chars().next().is_some_and(is_word_char)
        {
            return false;
        }
        if spelling.hangul_surname {
            return !matched.starts_with(KOREAN_DETERMINERS)
                && korean_title(&text[c.end..]).is_some();
        }
        // "Nato", "Asean": an acronym read as a word, in the house style of many papers.
        if spelling.word_acronym && title_case(matched) {
            return true;
        }
        if spelling.acronym {
            return matched == pattern;
        }
        // Every capital in the spelling must be a capital in the text; "KIM JONG UN" passes.
        let caps_hold = pattern
            .char_indices()
            .take_while(|&(k, _)| k < spelling.caps_upto)
            .zip(matched.chars())
            .all(|((_, p), m)| !p.is_ascii_uppercase() || m.is_uppercase());
        if !caps_hold {
            return false;
        }
        if spelling.venue && after_place_preposition(&text[..c.start]) {
            return false;
        }
        if spelling.standalone {
            let rest = text[c.end..].trim_start_matches(' ');
            if rest.len() < text[c.end..].len()
                && rest.chars().next().is_some_and(char::is_uppercase)
            {
                return false;
            }
        }
        true
    }

    /// A bare form that names one person on its own ("Putin"), unless "the" makes it a common noun.
    fn short_form(&self, targets: &[Target], text: &str, c: &Candidate) -> Option<u32> {
        let actor = targets.iter().find_map(|t| match t {
            Target::Actor(a, Form::Short) => Some(*a),
            _ => None,
        })?;
        let before = text[..c.start].trim_end();
        let after_the = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if after_the {
            let next = text[c.end..].split_whitespace().next().unwrap_or("");
            let next = next
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase();
            if !GOVERNMENT_NOUNS.contains(&next.as_str()) {
                return None;
            }
        }
        Some(actor)
    }

    fn names_person(&self, pattern: usize) -> bool {
        self.dict.patterns[pattern].1.iter().any(|t| match t {
            Target::Actor(a, _) => self.dict.actors[*a as usize].kind == ActorKind::Person,
            _ => false,
        })
    }

    /// A bare family name beside a title ("President Yoon", "윤 대통령", "시 주석") or before a
    /// government noun ("the Yoon administration"), when the article has not named its bearer
    /// in full: the one person of that name who held a role the title names — on the article's
    /// date, else ever ("former President Moon"). Several or none: no guess.
    fn titled(
        &self,
        targets: &[Target],
        text: &str,
        c: &Candidate,
        date: Option<Day>,
    ) -> Option<u32> {
        // "President Kim Brace": the family name of the dictionary is someone's given name.
        let next = text[c.end..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next());
        if next.is_some_and(|n| n.is_uppercase()) {
            return None;
        }
        let title = if self.spellings[c.pattern].hangul_surname {
            Title::Korean(korean_title(&text[c.end..])?)
        } else if let Some(word) = english_title(&text[..c.start]) {
            Title::English(word)
        } else if government_follows(&text[c.end..]) {
            Title::Government
        } else {
            return None;
        };
        let people: Vec<u32> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Actor(a, Form::Surname) => Some(*a),
                _ => None,
            })
            .collect();
        let holders = |on: Option<Day>| {
            let mut found = people.iter().copied().filter(|&a| {
                self.held[a as usize].iter().any(|&(r, from, to)| {
                    on.is_none_or(|d| from <= d && to.is_none_or(|t| d <= t))
                        && self.role_phrases[r as usize].iter().any(|p| title.fits(p))
                })
            });
            match (found.next(), found.next()) {
                (Some(a), None) => Some(Ok(a)),
                (Some(_), Some(_)) => Some(Err(())),
                _ => None,
            }
        };
        // Held on the day decides; held ever only when nobody of the name held it that day.
        let on_the_day = date.and_then(|d| holders(Some(d)));
        on_the_day.or_else(|| holders(None))?.ok()
    }
}

/// What stands beside a bare family name and which role phrases it fits.
enum Title {
    /// A Korean title after the name ("대통령"): inside a role's phrase ("한국 대통령").
    Korean(&'static str),
    /// An English title before the name ("president"): a word of a role's phrase.
    English(&'static str),
    /// A government noun after the name ("administration"): a head of government's role.
    Government,
}

impl Title {
    fn fits(&self, phrase: &str) -> bool {
        let has_word = |w: &str| phrase.split(' ').any(|p| p == w);
        match self {
            Title::Korean(t) => phrase.contains(t),
            Title::English(t) => has_word(t),
            Title::Government => HEAD_TITLES.iter().any(|h| has_word(h)),
        }
    }
}

/// Titles that follow a Korean family name ("윤 대통령은", "김 위원장", "비건 특별대표").
const KOREAN_TITLES: &[&str] = &[
    "대통령",
    "당선인",
    "위원장",
    "제1위원장",
    "국무위원장",
    "부위원장",
    "총비서",
    "제1비서",
    "비서",
    "국가주석",
    "주석",
    "총리",
    "부총리",
    "장관",
    "부장관",
    "차관",
    "외무상",
    "국방상",
    "부상",
    "외교부장",
    "부부장",
    "대사",
    "특별대표",
    "특사",
    "대표",
    "대변인",
    "사무총장",
    "총장",
    "의장",
    "원장",
    "실장",
    "국장",
    "의원",
    "여사",
    "원수",
    "총참모장",
    "사령관",
    "총재",
    "후보",
];

/// Syllables that before a title are words, not family names: "former", "current", "that",
/// "both", "new", "each", "first", "two", "three" ("전 대통령", "양 정상").
const KOREAN_DETERMINERS: [char; 9] = ['전', '현', '그', '양', '새', '각', '첫', '두', '세'];

/// The title after a Korean family name and one space, perhaps after 전 "former" or 현
/// "current" ("윤 전 대통령"), as the role phrases spell it; `None` when no title follows.
fn korean_title(after: &str) -> Option<&'static str> {
    let word = after.strip_prefix(' ')?;
    let word = ["전 ", "현 "]
        .iter()
        .find_map(|w| word.strip_prefix(w))
        .unwrap_or(word);
    // Hangul and digits ("제1위원장의").
    let end = word
        .char_indices()
        .find(|&(_, c)| !is_hangul(c) && !c.is_ascii_digit())
        .map_or(word.len(), |(k, _)| k);
    let word = &word[..end];
    KOREAN_TITLES
        .iter()
        .filter(|t| {
            word.strip_prefix(**t)
                .is_some_and(|rest| rest.is_empty() || korean::is_particle(rest))
        })
        .max_by_key(|t| t.len())
        .copied()
}

/// Titles printed before a family name ("President Yoon", "Foreign Minister Lavrov").
const ENGLISH_TITLES: &[&str] = &[
    "president",
    "president-elect",
    "premier",
    "chairman",
    "leader",
    "minister",
    "secretary",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
];

/// Words in the role phrases of heads of government and state.
const HEAD_TITLES: &[&str] = &["president", "premier", "prime", "leader", "chancellor"];

/// The title word just before a family name, lowercased as the role phrases spell it.
fn english_title(before: &str) -> Option<&'static str> {
    if !before.ends_with(' ') {
        return None;
    }
    let word = before.trim_end().rsplit(char::is_whitespace).next()?;
    ENGLISH_TITLES
        .iter()
        .find(|t| eq_lowercase(word, t))
        .map(|t| t.trim_end_matches("-elect"))
}

/// Whether a government noun follows a family name ("the Yoon administration").
fn government_follows(after: &str) -> bool {
    let next = after.strip_prefix(' ').unwrap_or("");
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "administration",
        "government",
        "presidency",
        "cabinet",
        "regime",
        "era",
    ]
    .iter()
    .any(|g| eq_lowercase(word, g))
}

/// A capital letter, then small letters only ("Nato").
fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && chars.all(|c| c.is_lowercase())
}

/// Whether a state's Korean name follows 대 "toward" opening a word ("대중국 수출",
/// "대러시아 제재"). "대한" is "about", or the Korean state's own name: never toward it.
fn toward_state(before: &str, name: &str) -> bool {
    !name.starts_with('한')
        && before
            .strip_suffix('대')
            .is_some_and(|b| !b.chars().next_back().is_some_and(is_hangul))
}

/// "in", "at", "to", "from" … just before a name: the name is where, not who.
fn after_place_preposition(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    ["in", "at", "to", "from", "near", "via", "inside", "across"]
        .iter()
        .any(|p| eq_lowercase(word, p))
}

/// Who a bare family name refers to: among the people of that name named so far, the one named
/// most often (counting resolved bare mentions), the latest on a tie. Plain recency would hand
/// every later "Kim" to a father mentioned once in passing ("the late Kim Jong Il").
#[derive(Default)]
struct Salience {
    /// Per lowercased surname: (actor, mentions, order of the latest mention).
    people: HashMap<String, Vec<(u32, u32, u32)>, BuildHasherDefault<WordHasher>>,
    clock: u32,
}

impl Salience {
    fn mention(&mut self, surname: &str, actor: u32) {
        self.mention_weighted(surname, actor, 1);
    }

    fn mention_weighted(&mut self, surname: &str, actor: u32, weight: u32) {
        self.clock += 1;
        let Some(list) = self.people.get_mut(surname) else {
            let first = vec![(actor, weight, self.clock)];
            self.people.insert(surname.to_string(), first);
            return;
        };
        match list.iter_mut().find(|(a, _, _)| *a == actor) {
            Some(entry) => {
                entry.1 += weight;
                entry.2 = self.clock;
            }
            None => list.push((actor, weight, self.clock)),
        }
    }

    fn resolve(&self, surname: &str) -> Option<u32> {
        self.people
            .get(surname)?
            .iter()
            .max_by_key(|(_, n, t)| (*n, *t))
            .map(|(a, _, _)| *a)
    }
}

/// Whether the words before a name mark a passing mention: "the late", "former", "then-President".
fn backgrounded(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let marks = |w: &str| {
        ["late", "former", "deceased", "then"]
            .iter()
            .any(|m| eq_lowercase(w, m))
            || starts_with_lowercase(w, "then-")
            || starts_with_lowercase(w, "ex-")
    };
    words.next().is_some_and(marks)
        || words.next().is_some_and(marks)
            && before.trim_end().ends_with(|c: char| c.is_alphabetic())
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = r#"
[[actor]]
id = "north-korea"
name = "North Korea"
kind = "country"
aliases = ["the North"]
acronyms = ["DPRK", "NK"]
hangul = ["북한"]
metonyms = ["Pyongyang"]
demonyms = ["North Korean"]

[[actor]]
id = "south-korea"
name = "South Korea"
kind = "country"
demonyms = ["South Korean"]
metonyms = ["Seoul"]

[[actor]]
id = "russia"
name = "Russia"
kind = "country"
metonyms = ["Moscow", "Kremlin"]
demonyms = ["Russian"]

[[actor]]
id = "united-states"
name = "United States"
kind = "country"
acronyms = ["US", "U.S."]

[[actor]]
id = "kim-jong-un"
name = "Kim Jong Un"
kind = "person"
country = "north-korea"
surname = "Kim"
hangul = ["김정은"]

[[actor]]
id = "kim-jong-il"
name = "Kim Jong Il"
kind = "person"
country = "north-korea"
surname = "Kim"

[[actor]]
id = "moon-jae-in"
name = "Moon Jae-in"
kind = "person"
country = "south-korea"
surname = "Moon"
short = ["Moon"]

[[actor]]
id = "vladimir-putin"
name = "Vladimir Putin"
kind = "person"
country = "russia"
surname = "Putin"
short = ["Putin"]

[[role]]
phrases = ["South Korean president"]
holders = [{ actor = "moon-jae-in", from = "2017-05-10", to = "2022-05-09" }]
"#;

    fn names(text: &str, date: Option<Day>) -> Vec<String> {
        let m = Matcher::new(Dictionary::from_toml("t", DICT).unwrap());
        let paragraphs: Vec<&str> = text.split('\n').collect();
        m.find(&paragraphs, 1, date, &[])
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    &paragraphs[f.paragraph as usize][f.start as usize..f.end as usize],
                    m.dict.actors[f.actor as usize].id
                )
            })
            .collect()
    }

    #[test]
    fn romanisation_and_case_variants_match() {
        for text in [
            "Kim Jong Un",
            "Kim Jong-un",
            "Kim Jongun",
            "KIM JONG UN",
            "Kim Jong-Un",
        ] {
            assert_eq!(
                names(&format!("x\n{text} arrived."), None),
                vec![format!("{text}:kim-jong-un")]
            );
        }
    }

    #[test]
    fn lowercase_words_are_not_names() {
        assert!(names("x\nthe moon rose over us.", None).is_empty());
        assert_eq!(
            names("x\nthe US and Moon met", None),
            vec!["US:united-states", "Moon:moon-jae-in"]
        );
    }

    #[test]
    fn surname_follows_nearest_full_mention() {
        let found = names("x\nKim Jong Il died. Kim Jong Un rose. Kim spoke.", None);
        assert_eq!(found.last().unwrap(), "Kim:kim-jong-un");
        assert!(names("x\nKim spoke before anyone was named.", None).is_empty());
    }

    #[test]
    fn headline_surname_takes_the_body_person() {
        let found = names(
            "Kim in Russia\nNorth Korean leader Kim Jong-un will visit.",
            None,
        );
        assert_eq!(found[0], "Kim:kim-jong-un");
        assert!(found.contains(&"Russia:russia".to_string()));
    }

    #[test]
    fn demonyms_metonyms_and_the_north() {
        let found = names(
            "x\nThe North Korean leader and the Kremlin; the North said; Pyongyang and Seoul.",
            None,
        );
        assert_eq!(
            found,
            vec![
                "North Korean:north-korea",
                "Kremlin:russia",
                "the North:north-korea",
                "Pyongyang:north-korea",
                "Seoul:south-korea"
            ]
        );
        assert!(names("x\nin the North Atlantic", None).is_empty());
    }

    #[test]
    fn role_resolves_by_date_unless_a_name_follows() {
        let d = Day::new(2019, 4, 20);
        assert_eq!(
            names("x\nthe South Korean president said", d),
            vec![
                "South Korean president:south-korea",
                "South Korean president:moon-jae-in"
            ]
        );
        assert_eq!(
            names("x\nthe South Korean president said", None),
            vec!["South Korean president:south-korea"]
        );
        assert_eq!(
            names("x\nSouth Korean President Moon Jae-in said", d),
            vec![
                "South Korean President:south-korea",
                "Moon Jae-in:moon-jae-in"
            ]
        );
    }

    #[test]
    fn hangul_takes_particles() {
        assert_eq!(
            names("x\n김정은이 북한을 이끈다", None),
            vec!["김정은:kim-jong-un", "북한:north-korea"]
        );
    }

    #[test]
    fn words_inside_words_do_not_match() {
        assert!(names("x\nRussians Moscowitz Putinism", None).is_empty());
    }

    /// States with their Korean one-syllable forms, organisations named by their country, and
    /// people who held titles, for the rules beyond spellings.
    const WIDER: &str = r#"
[[actor]]
id = "north-korea"
name = "North Korea"
kind = "country"
hangul = ["북한"]
hangul_short = ["북"]
demonyms = ["North Korean"]

[[actor]]
id = "south-korea"
name = "South Korea"
kind = "country"
hangul = ["한국", "대한민국"]
hangul_short = ["한", "남"]
demonyms = ["South Korean"]

[[actor]]
id = "united-states"
name = "United States"
kind = "country"
acronyms = ["US", "UN-US"]
hangul = ["미국"]
hangul_short = ["미"]

[[actor]]
id = "china"
name = "China"
kind = "country"
hangul = ["중국"]
hangul_short = ["중"]

[[actor]]
id = "japan"
name = "Japan"
kind = "country"
hangul = ["일본"]
hangul_short = ["일"]

[[actor]]
id = "russia"
name = "Russia"
kind = "country"
hangul = ["러시아"]
hangul_short = ["러"]
demonyms = ["Russian"]

[[actor]]
id = "nato"
name = "NATO"
kind = "organization"

[[actor]]
id = "united-nations"
name = "United Nations"
kind = "organization"
acronyms = ["UN"]

[[actor]]
id = "russian-ministry-of-defence"
name = "Russian Defence Ministry"
kind = "organization"
country = "russia"

[[actor]]
id = "yoon-suk-yeol"
name = "Yoon Suk Yeol"
kind = "person"
country = "south-korea"
surname = "Yoon"
hangul = ["윤석열"]

[[actor]]
id = "yoon-young-kwan"
name = "Yoon Young-kwan"
kind = "person"
country = "south-korea"
surname = "Yoon"
hangul = ["윤영관"]

[[actor]]
id = "kim-young-sam"
name = "Kim Young-sam"
kind = "person"
country = "south-korea"
surname = "Kim"
hangul = ["김영삼"]

[[actor]]
id = "kim-dae-jung"
name = "Kim Dae-jung"
kind = "person"
country = "south-korea"
surname = "Kim"
hangul = ["김대중"]

[[actor]]
id = "kim-jong-un"
name = "Kim Jong Un"
kind = "person"
country = "north-korea"
surname = "Kim"
hangul = ["김정은"]

[[actor]]
id = "stephen-biegun"
name = "Stephen Biegun"
kind = "person"
country = "united-states"
surname = "Biegun"
hangul = ["스티븐 비건"]

[[role]]
phrases = ["South Korean president", "한국 대통령"]
holders = [
  { actor = "kim-young-sam", from = "1993-02-25", to = "1998-02-24" },
  { actor = "kim-dae-jung", from = "1998-02-25", to = "2003-02-24" },
  { actor = "yoon-suk-yeol", from = "2022-05-10", to = "2025-04-04" },
]

[[role]]
phrases = ["South Korean foreign minister", "한국 외교부 장관"]
holders = [{ actor = "yoon-young-kwan", from = "2003-02-27", to = "2004-01-16" }]
"#;

    fn wider(text: &str, date: Option<Day>) -> Vec<String> {
        let m = Matcher::new(Dictionary::from_toml("t", WIDER).unwrap());
        let paragraphs: Vec<&str> = text.split('\n').collect();
        m.find(&paragraphs, 1, date, &[])
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    &paragraphs[f.paragraph as usize][f.start as usize..f.end as usize],
                    m.dict.actors[f.actor as usize].id
                )
            })
            .collect()
    }

    #[test]
    fn acronym_read_as_a_word_matches_in_title_case() {
        assert_eq!(wider("x\nNato allies met.", None), ["Nato:nato"]);
        assert_eq!(wider("x\nNATO allies met.", None), ["NATO:nato"]);
        // Not in small letters, and not a two-letter acronym: "Un" is no United Nations.
        assert!(wider("x\nthe nato of it; Un homme; the Un-Us", None).is_empty());
    }

    #[test]
    fn organisation_named_by_its_country_names_the_country_too() {
        for text in [
            "Russia's Defence Ministry said",
            "Russia’s Defence Ministry said",
            "the Russian defence ministry said",
            "Russian Defence Ministry said",
        ] {
            let found = wider(&format!("x\n{text}"), None);
            let ids: Vec<&str> = found.iter().filter_map(|f| f.split(':').nth(1)).collect();
            assert_eq!(ids, ["russia", "russian-ministry-of-defence"], "{text}");
        }
        // The country's capital must hold; the description alone names nobody.
        assert!(
            wider(
                "x\nthe russian defence ministry; the Defence Ministry",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn korean_pair_abbreviation_names_both_states() {
        for (text, states) in [
            (
                "한미 연합훈련이 시작됐다",
                vec!["한:south-korea", "미:united-states"],
            ),
            ("미·북 정상회담", vec!["미:united-states", "북:north-korea"]),
            ("북러 정상회담 이후", vec!["북:north-korea", "러:russia"]),
            ("남북 관계가", vec!["남:south-korea", "북:north-korea"]),
            ("한일을 포함한", vec!["한:south-korea", "일:japan"]),
            (
                "한미일 3국",
                vec!["한:south-korea", "미:united-states", "일:japan"],
            ),
            ("북미 간 긴장", vec!["북:north-korea", "미:united-states"]),
            ("미중 무역", vec!["미:united-states", "중:china"]),
        ] {
            assert_eq!(wider(&format!("x\n{text}"), None), states, "{text}");
        }
    }

    #[test]
    fn korean_words_spelled_like_abbreviations_name_no_state() {
        for text in [
            "한우 가격이 올랐다",   // Korean beef
            "사이드 미러를 닦았다", // a mirror
            "북미 지역 투어",       // North America
            "중남미 국가들",        // Latin America
            "남미 여행",            // South America
            "한미약품 주가",        // a company
            "열심히 일한 사람",     // worked
            "회의 중 밝혔다",       // during
            "대중 문화",            // the public
            "이에 대한 입장",       // about
            "대미를 장식했다",      // the finale
            "방한복을 입었다",      // winter clothing
            "북한과 대한민국",      // the full names, once each
        ] {
            let found = wider(&format!("x\n{text}"), None);
            assert!(
                found
                    .iter()
                    .all(|f| !f.starts_with(|c: char| "한미북중일남러".contains(c))
                        || f.starts_with("북한:")
                        || f.starts_with("대한민국:")),
                "{text}: {found:?}"
            );
        }
        assert_eq!(
            wider("x\n북한과 대한민국", None),
            ["북한:north-korea", "대한민국:south-korea"]
        );
    }

    #[test]
    fn toward_and_visit_prefixes_name_the_state() {
        assert_eq!(wider("x\n대북 제재를 강화", None), ["북:north-korea"]);
        assert_eq!(wider("x\n대북제재 결의", None), ["북:north-korea"]);
        assert_eq!(wider("x\n대중국 수출액", None), ["중국:china"]);
        assert_eq!(wider("x\n방미 일정을 마치고", None), ["미:united-states"]);
        assert_eq!(wider("x\n이번 방한은 처음이다", None), ["한:south-korea"]);
    }

    #[test]
    fn korean_us_abbreviation_stands_alone_before_a_noun() {
        assert_eq!(wider("x\n미 국무부가 밝혔다", None), ["미:united-states"]);
        assert_eq!(wider("x\n한 미군 부사관이", None), ["미:united-states"]);
        assert_eq!(wider("x\n주둔 미군은", None), ["미:united-states"]);
        assert!(wider("x\n미 는 아름답다", None).is_empty());
    }

    #[test]
    fn title_after_surname_resolves_to_the_office_holder() {
        // Named in full before: the family name is that person, whatever the title.
        assert_eq!(
            wider("x\n김정은 국무위원장이 도착했다. 김 위원장은 말했다.", None),
            ["김정은:kim-jong-un", "김:kim-jong-un"]
        );
        // Not named before: the one "윤" who was president.
        assert_eq!(wider("x\n윤 대통령은 말했다.", None), ["윤:yoon-suk-yeol"]);
        // A foreign name written in words: its last word before a title.
        assert_eq!(
            wider("x\n스티븐 비건 부장관은 … 비건 특별대표와", None),
            ["스티븐 비건:stephen-biegun", "비건:stephen-biegun"]
        );
        // "전 대통령" is "the former president", not a family name; no title, no name.
        assert_eq!(wider("x\n윤 전 대통령의 파면", None), ["윤:yoon-suk-yeol"]);
        assert!(wider("x\n전 대통령은 말했다. 윤이 왔다. 김치", None).is_empty());
    }

    #[test]
    fn title_before_surname_resolves_to_the_office_holder() {
        assert_eq!(
            wider("x\nPresident Yoon said", None),
            ["Yoon:yoon-suk-yeol"]
        );
        assert_eq!(
            wider("x\nForeign Minister Yoon said", None),
            ["Yoon:yoon-young-kwan"]
        );
        // A family name the dictionary knows can be someone's given name.
        assert!(wider("x\nsaid EDS President Kim Brace.", None).is_empty());
    }

    #[test]
    fn government_noun_after_a_surname_names_the_head_of_government() {
        assert_eq!(
            wider("x\nthe Yoon administration joined", None),
            ["Yoon:yoon-suk-yeol"]
        );
    }

    #[test]
    fn korean_role_phrase_takes_particles() {
        assert_eq!(
            wider("x\n한국 대통령은 말했다", Day::new(2000, 6, 15)),
            ["한국 대통령:south-korea", "한국 대통령:kim-dae-jung"]
        );
    }

    #[test]
    fn ambiguous_title_reference_is_not_guessed() {
        // Two presidents named Kim: the article's date tells them apart, or nobody is named.
        assert!(wider("x\nPresident Kim said", None).is_empty());
        assert!(wider("x\n김 대통령은 말했다", None).is_empty());
        assert_eq!(
            wider("x\n김 대통령은 말했다", Day::new(2000, 6, 15)),
            ["김:kim-dae-jung"]
        );
        assert_eq!(
            wider("x\nPresident Kim said", Day::new(1995, 1, 1)),
            ["Kim:kim-young-sam"]
        );
    }
}
