//! The actor dictionary (`corpus/actors.toml`): who can be named, by which spellings, and which
//! role phrases point at whom on a given day. Parsing and validation live here; finding names in
//! text lives in `actors`. Romanisation variants are generated here, not listed in the file.

use crate::actors::{is_hangul, is_word_char};
use crate::model::{ActorKind, Day};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// A problem in a dictionary or profile file, with enough context to fix it.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

/// One entry of `actors.toml`, as written.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub surname: Option<String>,
    #[serde(default)]
    pub short: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub hangul: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Countries only: the one Hangul syllable that stands for the state in Korean compounds
    /// ("한미", "미·북": both states), after 대 "toward" and 방 "visit to" ("대북", "방미"), and
    /// before a noun ("미 국무부", "미군").
    #[serde(default)]
    pub hangul_short: Vec<String>,
    /// Countries whose name mostly marks where something happened ("the summit in Singapore").
    #[serde(default)]
    pub venue: bool,
    /// Organisations and alliances the actor belongs to or leads (a party, a ministry, an
    /// alliance): named beside it, they describe it rather than relate to it.
    #[serde(default)]
    pub member_of: Vec<String>,
    /// A news organisation: what it reports or credits is not a relation of its own.
    #[serde(default)]
    pub media: bool,
}

/// Who held a role from when to when (`to` absent: still in office).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub actor: String,
    pub from: Day,
    #[serde(default)]
    pub to: Option<Day>,
}

/// A role phrase ("the South Korean president") and its holders over time.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub phrases: Vec<String>,
    pub holders: Vec<Holder>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
    #[serde(default)]
    role: Vec<RoleEntry>,
}

/// How a spelling names its actor; decides how a match is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The full name or an alias.
    Name,
    /// An acronym or dotted form, matched with exact case ("US", "U.N.").
    Acronym,
    /// A Korean-script name; particles may follow without a space.
    Hangul,
    /// A capital used for the state ("Pyongyang").
    Metonym,
    /// An adjective naming the state ("Russian").
    Demonym,
    /// A bare form that identifies a person on its own ("Putin").
    Short,
    /// A bare family name, resolved by coreference ("Kim").
    Surname,
    /// "the North": only when no capitalised word follows ("the North Atlantic" is not a state).
    Standalone,
}

/// What a spelling points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Actor(u32, Form),
    /// A role phrase, by index into `Dictionary::roles`.
    Role(u32),
    /// A name that must not be read as an actor (an outlet's name: "The Washington Post").
    Block,
}

/// A compiled actor dictionary.
#[derive(Debug, Clone)]
pub struct Dictionary {
    pub actors: Vec<ActorEntry>,
    pub roles: Vec<RoleEntry>,
    /// Country of each role (the country of its holders), by role index.
    pub role_country: Vec<Option<u32>>,
    /// Every spelling to match, and what it points at.
    pub patterns: Vec<(String, Vec<Target>)>,
    pub by_id: HashMap<String, u32>,
}

impl Dictionary {
    /// Parses and checks `actors.toml`. `file` names the file in error messages.
    pub fn from_toml(file: &str, source: &str) -> Result<Dictionary, ConfigError> {
        let parsed: ActorsFile = toml::from_str(source).map_err(|e| ConfigError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        Dictionary::new(file, parsed.actor, parsed.role)
    }

    /// Builds a dictionary from entries, checking ids, references and spellings.
    pub fn new(
        file: &str,
        actors: Vec<ActorEntry>,
        roles: Vec<RoleEntry>,
    ) -> Result<Dictionary, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            file: file.to_string(),
            message,
        };
        let mut by_id = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if a.id.is_empty()
                || !a
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(invalid(format!(
                    "actor id {:?} must be a slug (a-z, 0-9, -)",
                    a.id
                )));
            }
            if by_id.insert(a.id.clone(), i as u32).is_some() {
                return Err(invalid(format!(
                    "actor id {:?} is used twice; ids must be unique",
                    a.id
                )));
            }
        }
        for a in &actors {
            if let Some(c) = &a.country {
                match by_id.get(c) {
                    Some(&ci) if actors[ci as usize].kind == ActorKind::Country => {}
                    _ => {
                        return Err(invalid(format!(
                            "actor {:?}: country {:?} is not a country actor",
                            a.id, c
                        )));
                    }
                }
            }
            for m in &a.member_of {
                match by_id.get(m) {
                    Some(&mi)
                        if actors[mi as usize].kind == ActorKind::Organization && *m != a.id => {}
                    _ => {
                        return Err(invalid(format!(
                            "actor {:?}: member_of {:?} is not an organisation actor (give the id of a party, ministry or alliance)",
                            a.id, m
                        )));
                    }
                }
            }
            if a.kind == ActorKind::Person && a.surname.is_none() {
                return Err(invalid(format!(
                    "actor {:?}: persons need a surname (the family name printed alone)",
                    a.id
                )));
            }
            for short in &a.hangul_short {
                let mut chars = short.chars();
                let one_syllable = chars.next().is_some_and(is_hangul) && chars.next().is_none();
                if a.kind != ActorKind::Country || !one_syllable {
                    return Err(invalid(format!(
                        "actor {:?}: hangul_short {short:?} must be one Hangul syllable of a country (\"미\" for the United States)",
                        a.id
                    )));
                }
                if let Some(other) = actors
                    .iter()
                    .find(|o| o.id != a.id && o.hangul_short.contains(short))
                {
                    return Err(invalid(format!(
                        "hangul_short {short:?} is given to {:?} and {:?}; one syllable stands for one state",
                        a.id, other.id
                    )));
                }
            }
        }
        let mut role_country = Vec::with_capacity(roles.len());
        for r in &roles {
            // A role has a country only when every holder belongs to the same one
            // (the UN secretary-general's holders come from many).
            let mut countries: Vec<Option<u32>> = Vec::new();
            for h in &r.holders {
                let Some(&hi) = by_id.get(&h.actor) else {
                    return Err(invalid(format!(
                        "role {:?}: holder {:?} is not an actor",
                        r.phrases.first(),
                        h.actor
                    )));
                };
                let c = actors[hi as usize]
                    .country
                    .as_ref()
                    .and_then(|c| by_id.get(c).copied());
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            role_country.push(match countries[..] {
                [Some(c)] => Some(c),
                _ => None,
            });
        }
        let patterns = build_patterns(&actors, &roles);
        check_shared_spellings(&actors, &patterns).map_err(invalid)?;
        Ok(Dictionary {
            actors,
            roles,
            role_country,
            patterns,
            by_id,
        })
    }

    /// Adds outlet names as spellings that block actor matches inside them ("The Washington
    /// Post" hides "Washington"). Only a name that holds an actor's spelling can hide one: the
    /// others are left out, since every paragraph of every page runs through the automaton.
    pub fn block(&mut self, names: impl IntoIterator<Item = String>) {
        let mut index: HashMap<String, usize> = self
            .patterns
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (p.to_lowercase(), i))
            .collect();
        let spellings = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(self.patterns.iter().map(|(p, _)| p))
            .expect("actor spellings compile into an automaton");
        for name in names {
            let key = name.to_lowercase();
            // An outlet spelled like an actor ("TASS", "NHK") stays that actor.
            if index.contains_key(&key) || !holds_spelling(&spellings, &name) {
                continue;
            }
            index.insert(key, self.patterns.len());
            self.patterns.push((name, vec![Target::Block]));
        }
    }

    /// The holder of a role on a day.
    pub fn holder(&self, role: u32, day: Day) -> Option<u32> {
        self.roles[role as usize]
            .holders
            .iter()
            .find(|h| h.from <= day && h.to.is_none_or(|to| day <= to))
            .and_then(|h| self.by_id.get(&h.actor).copied())
    }

    /// What an actor belongs to: its country, the parties, ministries, bodies and alliances it
    /// is a member of, and what those belong to in turn up to a country (a minister's ministry's
    /// country; a state's alliances are not its citizens' or its bodies').
    pub fn belongs(&self, actor: u32) -> Vec<u32> {
        let direct = |i: u32| {
            let a = &self.actors[i as usize];
            a.country
                .iter()
                .chain(&a.member_of)
                .filter_map(|id| self.by_id.get(id).copied())
                .collect::<Vec<u32>>()
        };
        let mut out: Vec<u32> = Vec::new();
        let mut todo = direct(actor);
        while let Some(x) = todo.pop() {
            if x != actor && !out.contains(&x) {
                out.push(x);
                if self.actors[x as usize].kind != ActorKind::Country {
                    todo.extend(direct(x));
                }
            }
        }
        out
    }

    /// The country id an actor belongs to, if any.
    pub fn country_of(&self, actor: u32) -> Option<u32> {
        self.actors[actor as usize]
            .country
            .as_ref()
            .and_then(|c| self.by_id.get(c).copied())
    }
}

/// Whether `name` holds one of the spellings where the matcher could find it: between word
/// boundaries, or for a Korean-script spelling after anything but Hangul (particles may follow).
/// Letter case is not checked, so a name may be kept that could hide nothing.
fn holds_spelling(spellings: &aho_corasick::AhoCorasick, name: &str) -> bool {
    spellings.find_overlapping_iter(name).any(|m| {
        let before = name[..m.start()].chars().next_back();
        if name[m.range()].chars().any(is_hangul) {
            return !before.is_some_and(is_hangul);
        }
        let after = name[m.end()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

/// Spelling variants of a romanised name: `Kim Jong Un` also as `Kim Jong-un` and `Kim Jongun`;
/// `Moon Jae-in` also as `Moon Jae In` and `Moon Jaein`. Letter case is handled by the matcher.
///
/// ```
/// let v = reader::dictionary::romanisation_variants("Kim Jong Un");
/// assert!(v.contains(&"Kim Jong-un".to_string()) && v.contains(&"Kim Jongun".to_string()));
/// ```
pub fn romanisation_variants(name: &str) -> Vec<String> {
    let tokens: Vec<&str> = name.split(' ').collect();
    let mut out = vec![name.to_string()];
    // A two-syllable given name, written as two tokens or with a hyphen, after a one-token surname.
    let given: Option<(&str, &str)> = match tokens.as_slice() {
        [_, a, b] if is_syllable(a) && is_syllable(b) => Some((a, b)),
        [_, ab] => ab.split_once('-').filter(|(a, b)| {
            is_syllable(a) && is_syllable(b) && a.starts_with(|c: char| c.is_uppercase())
        }),
        _ => None,
    };
    if let Some((a, b)) = given {
        let surname = tokens[0];
        let lower_b = b.to_lowercase();
        let cap_b = capitalise(b);
        for g in [
            format!("{a} {cap_b}"),
            format!("{a}-{lower_b}"),
            format!("{a}-{cap_b}"),
            format!("{a}{lower_b}"),
        ] {
            let v = format!("{surname} {g}");
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

fn is_syllable(s: &str) -> bool {
    (1..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| {
            f.to_uppercase()
                .chain(c.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// A person's family name as Korean text prints it alone before a title ("윤 대통령", "시
/// 주석", "비건 특별대표"): the first syllable of a two- or three-syllable name written as one
/// run, surname first ("윤석열", "시진핑"); the family-name word of a name written in words
/// ("스티븐 비건"). Nothing where a Hangul spelling of the person already is that word ("푸틴",
/// "기시다"): the full spelling finds it.
///
/// ```
/// let d = reader::dictionary::Dictionary::from_toml("actors.toml", r#"
/// [[actor]]
/// id = "yoon-suk-yeol"
/// name = "Yoon Suk Yeol"
/// kind = "person"
/// surname = "Yoon"
/// hangul = ["윤석열"]
/// "#).unwrap();
/// assert_eq!(reader::dictionary::hangul_surnames(&d.actors[0]), ["윤"]);
/// ```
pub fn hangul_surnames(a: &ActorEntry) -> Vec<String> {
    let Some(surname) = &a.surname else {
        return Vec::new();
    };
    let plain = |w: &str| w.replace('-', "").to_lowercase();
    // "Kim Jong Un", "Xi Jinping": the family name comes first, in Hangul as in the romanisation.
    let surname_first = a
        .name
        .split(' ')
        .next()
        .is_some_and(|w| plain(w) == plain(surname));
    let mut out: Vec<String> = Vec::new();
    for h in &a.hangul {
        let words: Vec<&str> = h.split(' ').collect();
        let family = match words.as_slice() {
            [one] => {
                let n = one.chars().count();
                if !(2..=3).contains(&n) || !one.chars().all(crate::actors::is_hangul) {
                    continue;
                }
                if !surname_first {
                    continue;
                }
                one.chars().next().map(String::from)
            }
            [first, .., last] => {
                if words.iter().any(|w| a.hangul.iter().any(|s| s == w)) {
                    continue;
                }
                Some(if surname_first { first } else { last }.to_string())
            }
            [] => None,
        };
        if let Some(f) = family
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    out
}

/// An organisation named by its country's demonym ("Russian Defence Ministry") is also named
/// with the country's name in the possessive ("Russia's Defence Ministry").
fn possessive_names(a: &ActorEntry, actors: &[ActorEntry]) -> Vec<String> {
    let Some(country) = a
        .country
        .as_ref()
        .and_then(|c| actors.iter().find(|o| &o.id == c))
    else {
        return Vec::new();
    };
    if a.kind != ActorKind::Organization {
        return Vec::new();
    }
    let mut out = Vec::new();
    for name in std::iter::once(&a.name).chain(&a.aliases) {
        for demonym in &country.demonyms {
            if let Some(rest) = name
                .strip_prefix(demonym.as_str())
                .and_then(|r| r.strip_prefix(' '))
            {
                let v = format!("{}'s {rest}", country.name);
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

fn build_patterns(actors: &[ActorEntry], roles: &[RoleEntry]) -> Vec<(String, Vec<Target>)> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<(String, Vec<Target>)> = Vec::new();
    let mut add = |spelling: &str, target: Target| {
        let spelling = spelling.trim();
        if spelling.is_empty() {
            return;
        }
        // Acronyms are kept apart by exact case ("US" is not "us"); the rest are keyed case-blind.
        let key = match target {
            Target::Actor(_, Form::Acronym) => format!("\u{1}{spelling}"),
            _ => spelling.to_lowercase(),
        };
        // Typeset pages print "People’s" where dictionaries write "People's": match both.
        let typeset = spelling.replace('\'', "\u{2019}");
        let mut spellings = vec![(key.clone(), spelling.to_string())];
        if typeset != spelling {
            spellings.push((format!("{key}\u{2019}"), typeset));
        }
        for (key, spelling) in spellings {
            let i = *index.entry(key).or_insert_with(|| {
                patterns.push((spelling, Vec::new()));
                patterns.len() - 1
            });
            if !patterns[i].1.contains(&target) {
                patterns[i].1.push(target);
            }
        }
    };
    for (i, a) in actors.iter().enumerate() {
        let i = i as u32;
        let names = std::iter::once(&a.name).chain(&a.aliases);
        for name in names {
            if name.starts_with("the ") {
                add(name, Target::Actor(i, Form::Standalone));
            } else if a.kind == ActorKind::Person {
                for v in romanisation_variants(name) {
                    add(&v, Target::Actor(i, Form::Name));
                }
            } else {
                add(name, Target::Actor(i, Form::Name));
            }
        }
        a.acronyms
            .iter()
            .for_each(|s| add(s, Target::Actor(i, Form::Acronym)));
        a.hangul
            .iter()
            .for_each(|s| add(s, Target::Actor(i, Form::Hangul)));
        a.metonyms
            .iter()
            .for_each(|s| add(s, Target::Actor(i, Form::Metonym)));
        a.demonyms
            .iter()
            .for_each(|s| add(s, Target::Actor(i, Form::Demonym)));
        a.short
            .iter()
            .for_each(|s| add(s, Target::Actor(i, Form::Short)));
        if let Some(s) = &a.surname {
            add(s, Target::Actor(i, Form::Surname));
        }
        for s in hangul_surnames(a) {
            add(&s, Target::Actor(i, Form::Surname));
        }
        for s in possessive_names(a, actors) {
            add(&s, Target::Actor(i, Form::Name));
        }
    }
    for (r, role) in roles.iter().enumerate() {
        for phrase in &role.phrases {
            add(phrase, Target::Role(r as u32));
        }
    }
    patterns
}

/// Two actors may share a surname (coreference sorts them out) but not a full spelling.
fn check_shared_spellings(
    actors: &[ActorEntry],
    patterns: &[(String, Vec<Target>)],
) -> Result<(), String> {
    for (spelling, targets) in patterns {
        let owners: HashSet<u32> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Actor(a, form) if *form != Form::Surname && *form != Form::Short => {
                    Some(*a)
                }
                _ => None,
            })
            .collect();
        if owners.len() > 1 {
            let mut ids: Vec<&str> = owners
                .iter()
                .map(|&a| actors[a as usize].id.as_str())
                .collect();
            ids.sort();
            return Err(format!(
                "spelling {spelling:?} is shared by {}; keep it on one actor (a bare family name belongs in `surname`)",
                ids.join(" and ")
            ));
        }
        let shorts: HashSet<u32> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Actor(a, Form::Short) => Some(*a),
                _ => None,
            })
            .collect();
        if shorts.len() > 1 {
            return Err(format!(
                "short form {spelling:?} is given to more than one person; remove it from all but one"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[actor]]
id = "south-korea"
name = "South Korea"
kind = "country"
demonyms = ["South Korean"]
metonyms = ["Seoul"]

[[actor]]
id = "moon-jae-in"
name = "Moon Jae-in"
kind = "person"
country = "south-korea"
surname = "Moon"
short = ["Moon"]

[[actor]]
id = "yoon-suk-yeol"
name = "Yoon Suk Yeol"
kind = "person"
country = "south-korea"
surname = "Yoon"

[[role]]
phrases = ["South Korean president"]
holders = [
  { actor = "moon-jae-in", from = "2017-05-10", to = "2022-05-09" },
  { actor = "yoon-suk-yeol", from = "2022-05-10" },
]
"#;

    #[test]
    fn only_outlet_names_holding_an_actor_block() {
        let mut d = Dictionary::from_toml("actors.toml", SMALL).unwrap();
        let before = d.patterns.len();
        d.block(
            [
                "Seoul Shinmun",
                "서울신문",
                "Foreign Policy",
                "South Korea",
                "38 South",
            ]
            .map(String::from),
        );
        let added: Vec<&str> = d.patterns[before..]
            .iter()
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(added, ["Seoul Shinmun"]);
        let d2 = {
            let mut d = Dictionary::from_toml("actors.toml", SMALL).unwrap();
            d.block(["The Seoul Times"].map(String::from));
            d
        };
        assert_eq!(d2.patterns.last().unwrap().0, "The Seoul Times");
    }

    #[test]
    fn an_outlet_name_ending_inside_an_actor_hides_nothing() {
        let mut d = Dictionary::from_toml("actors.toml", SMALL).unwrap();
        d.block(["38 South", "Seoul Shinmun"].map(String::from));
        let matcher = crate::actors::Matcher::new(d);
        let found = |text: &str| {
            matcher
                .find(&[text], 0, None, &[])
                .iter()
                .map(|f| f.actor)
                .collect::<Vec<u32>>()
        };
        assert_eq!(
            found("Of the 38 South Korean soldiers, none returned."),
            [0]
        );
        assert!(found("The Seoul Shinmun reported it first.").is_empty());
    }

    #[test]
    fn roles_resolve_by_date() {
        let d = Dictionary::from_toml("actors.toml", SMALL).unwrap();
        let moon = d.by_id["moon-jae-in"];
        let yoon = d.by_id["yoon-suk-yeol"];
        assert_eq!(d.holder(0, Day::new(2019, 4, 20).unwrap()), Some(moon));
        assert_eq!(d.holder(0, Day::new(2023, 1, 1).unwrap()), Some(yoon));
        assert_eq!(d.holder(0, Day::new(2010, 1, 1).unwrap()), None);
        assert_eq!(d.role_country[0], Some(d.by_id["south-korea"]));
    }

    #[test]
    fn variants_cover_hyphens_and_joins() {
        let v = romanisation_variants("Moon Jae-in");
        for s in ["Moon Jae-in", "Moon Jae In", "Moon Jaein", "Moon Jae-In"] {
            assert!(v.contains(&s.to_string()), "{s} missing from {v:?}");
        }
        assert_eq!(
            romanisation_variants("Vladimir Putin"),
            vec!["Vladimir Putin".to_string()]
        );
    }

    #[test]
    fn shared_full_spelling_is_an_error() {
        let bad = SMALL.replace("short = [\"Moon\"]", "aliases = [\"Yoon Suk Yeol\"]");
        let err = Dictionary::from_toml("actors.toml", &bad)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("shared by moon-jae-in and yoon-suk-yeol"),
            "{err}"
        );
    }

    #[test]
    fn membership_must_name_an_organisation() {
        let bad = SMALL.replace(
            "surname = \"Yoon\"",
            "surname = \"Yoon\"\nmember_of = [\"south-korea\"]",
        );
        let err = Dictionary::from_toml("actors.toml", &bad)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("member_of \"south-korea\" is not an organisation"),
            "{err}"
        );
    }

    #[test]
    fn hangul_short_is_one_syllable_of_one_country() {
        let with = |extra: &str| SMALL.replace("metonyms = [\"Seoul\"]", extra);
        assert!(Dictionary::from_toml("actors.toml", &with("hangul_short = [\"한\"]")).is_ok());
        for bad in ["hangul_short = [\"한국\"]", "hangul_short = [\"K\"]"] {
            let err = Dictionary::from_toml("actors.toml", &with(bad))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("must be one Hangul syllable of a country"),
                "{err}"
            );
        }
        let twice = format!(
            "{}\n[[actor]]\nid = \"north-korea\"\nname = \"North Korea\"\nkind = \"country\"\nhangul_short = [\"한\"]\n",
            with("hangul_short = [\"한\"]")
        );
        let err = Dictionary::from_toml("actors.toml", &twice)
            .unwrap_err()
            .to_string();
        assert!(err.contains("one syllable stands for one state"), "{err}");
    }

    #[test]
    fn korean_family_names_follow_the_order_of_the_name() {
        let person = |name: &str, surname: &str, hangul: &[&str]| ActorEntry {
            id: "p".into(),
            name: name.into(),
            kind: ActorKind::Person,
            country: None,
            surname: Some(surname.into()),
            short: vec![],
            aliases: vec![],
            acronyms: vec![],
            hangul: hangul.iter().map(|h| h.to_string()).collect(),
            metonyms: vec![],
            demonyms: vec![],
            hangul_short: vec![],
            venue: false,
            member_of: vec![],
            media: false,
        };
        assert_eq!(
            hangul_surnames(&person("Xi Jinping", "Xi", &["시진핑"])),
            ["시"]
        );
        assert_eq!(
            hangul_surnames(&person("Ban Ki-moon", "Ban", &["반기문"])),
            ["반"]
        );
        assert_eq!(
            hangul_surnames(&person("Stephen Biegun", "Biegun", &["스티븐 비건"])),
            ["비건"]
        );
        assert_eq!(
            hangul_surnames(&person("Sung Kim", "Kim", &["성 김"])),
            ["김"]
        );
        // Already a spelling of its own; or a Western name written as one run.
        assert!(
            hangul_surnames(&person(
                "Vladimir Putin",
                "Putin",
                &["푸틴", "블라디미르 푸틴"]
            ))
            .is_empty()
        );
        assert!(hangul_surnames(&person("Donald Trump", "Trump", &["트럼프"])).is_empty());
    }

    #[test]
    fn organisation_named_by_demonym_is_also_named_by_possessive() {
        let d = Dictionary::from_toml(
            "actors.toml",
            &format!(
                "{SMALL}\n[[actor]]\nid = \"mofa\"\nname = \"South Korean Foreign Ministry\"\nkind = \"organization\"\ncountry = \"south-korea\"\n"
            ),
        )
        .unwrap();
        assert!(
            d.patterns
                .iter()
                .any(|(p, _)| p == "South Korea's Foreign Ministry")
        );
    }

    #[test]
    fn unknown_references_are_errors() {
        let bad = SMALL.replace("actor = \"yoon-suk-yeol\"", "actor = \"nobody\"");
        assert!(
            Dictionary::from_toml("actors.toml", &bad)
                .unwrap_err()
                .to_string()
                .contains("\"nobody\" is not an actor")
        );
        let bad = SMALL.replace("surname = \"Yoon\"", "");
        assert!(
            Dictionary::from_toml("actors.toml", &bad)
                .unwrap_err()
                .to_string()
                .contains("need a surname")
        );
    }
}
