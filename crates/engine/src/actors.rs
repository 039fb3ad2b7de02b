//! Finding dictionary actors in clean text: one Aho–Corasick automaton over every spelling,
//! then checks a reader would make — word boundaries, capitals ("the moon" is not Moon Jae-in,
//! "us" is not the US), bare family names resolved to the nearest full mention, role phrases
//! ("the South Korean president") resolved by the article's date.

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
    /// Each actor's family name, lowercased once.
    surnames: Vec<Option<String>>,
    /// What the checks of a match need to know of each spelling, by pattern.
    spellings: Vec<Spelling>,
}

/// The kinds of target a spelling has, worked out once rather than for every match: most matches
/// are inside words ("us" in "thus") and only need the boundary test.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    /// Every target is a Hangul spelling: particles may follow it.
    hangul: bool,
    /// Every target is an acronym: the case must be exact.
    acronym: bool,
    /// Some target is a country that mostly names a place.
    venue: bool,
    /// Some target is a "the North" form.
    standalone: bool,
    /// The spelling blocks matches inside it (an outlet's name).
    block: bool,
}

impl Spelling {
    fn new(targets: &[Target], dict: &Dictionary) -> Spelling {
        Spelling {
            hangul: targets
                .iter()
                .all(|t| matches!(t, Target::Actor(_, Form::Hangul))),
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
        }
    }
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
            .map(|a| a.surname.as_ref().map(|s| s.to_lowercase()))
            .collect();
        let spellings = dict
            .patterns
            .iter()
            .map(|(_, targets)| Spelling::new(targets, &dict))
            .collect();
        Matcher {
            dict,
            automaton,
            surnames,
            spellings,
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
                    if let Some(surname) = self.surname_of(actor) {
                        // "the late Kim Jong Il", "then-President Medvedev": named, but in passing.
                        let weight = if backgrounded(&text[..c.start]) { 0 } else { 1 };
                        salience.mention_weighted(surname, actor, weight);
                    }
                    emit(actor);
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
        let before = text[..c.start].chars().next_back();
        if spelling.hangul {
            if before.is_some_and(is_hangul) {
                return false;
            }
        } else if before.is_some_and(is_word_char)
            || text[c.end..].chars().next().is_some_and(is_word_char)
        {
            return false;
        }
        let pattern = &self.dict.patterns[c.pattern].0;
        let matched = &text[c.start..c.end];
        if spelling.acronym {
            return matched == pattern;
        }
        // Every capital in the spelling must be a capital in the text; "KIM JONG UN" passes.
        let caps_hold = pattern
            .chars()
            .zip(matched.chars())
            .all(|(p, m)| !p.is_ascii_uppercase() || m.is_uppercase());
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

    fn surname_of(&self, actor: u32) -> Option<&str> {
        self.surnames[actor as usize].as_deref()
    }
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
}
