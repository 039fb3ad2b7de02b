//! What a sentence says about the actors it names: which of them it relates, with which tone
//! (cooperation, conflict, neutral), under which PLOVER category and in which direction. Reads
//! the predicate that links two names — subject and object of one verb, the prepositions of a
//! noun's frame ("sanctions on", "talks with"), negation, refusal, opposition and reported
//! speech — in English (`english`) and Korean (`korean`); knows nothing of the dictionary.

mod english;
mod korean;
mod lexicon;

use crate::model::{Category, Direction, Tone};

/// An actor mention in a sentence, as the reader of relations sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// The actor (an index the caller chooses); two units of one actor are never paired.
    pub actor: u32,
    pub person: bool,
    /// A news organisation: a party only when it acts in the sentence, never as a source.
    pub media: bool,
}

/// How a link was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A cue names an event between the two.
    Stated,
    /// The two are subject and object of one clause, with no cue: a neutral relation.
    Plain,
}

/// A relation a sentence states between two of its units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Indices into the units; `x` acts on `y` when the direction says so.
    pub x: usize,
    pub y: usize,
    pub tone: Tone,
    pub category: Option<Category>,
    /// `AToB` means `x` acts on `y`.
    pub direction: Direction,
    /// The cue's byte range in the sentence, with its negation or operator.
    pub cue: Option<(usize, usize)>,
    pub kind: LinkKind,
}

/// The links a sentence states between the units it names (units in text order, not
/// overlapping). Korean sentences are read as Korean, everything else as English.
///
/// ```
/// use coverage_core::model::{Direction, Tone};
/// use reader::relations::{Unit, links};
/// let s = "Washington imposed new sanctions on Pyongyang.";
/// let unit = |name: &str, actor| {
///     let start = s.find(name).unwrap();
///     Unit { start, end: start + name.len(), actor, person: false, media: false }
/// };
/// let found = links(s, &[unit("Washington", 0), unit("Pyongyang", 1)]);
/// assert_eq!((found[0].tone, found[0].direction), (Tone::Conflict, Direction::AToB));
/// ```
pub fn links(sentence: &str, units: &[Unit]) -> Vec<Link> {
    if units.len() < 2 {
        return Vec::new();
    }
    if korean::is_korean(sentence) {
        korean::links(sentence, units)
    } else {
        english::links(sentence, units)
    }
}

/// A cue found in a text with no names in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueHit {
    /// Byte range of the cue, including its negation when there is one.
    pub start: usize,
    pub end: usize,
    pub tone: Tone,
}

/// The cue lexicon, for callers that want to know whether a text carries a cue of its own
/// (a name fit for a generated sentence must not).
#[derive(Debug, Clone, Default)]
pub struct ToneLexicon;

impl ToneLexicon {
    pub fn new() -> ToneLexicon {
        ToneLexicon
    }

    /// Every cue in a text, in order, with negation applied.
    ///
    /// ```
    /// use {coverage_core::model::Tone, reader::relations::ToneLexicon};
    /// let s = "Russia refused to cooperate with the sanctions.";
    /// let hits = ToneLexicon::new().cues(s);
    /// assert_eq!((&s[hits[0].start..hits[0].end], hits[0].tone), ("refused to cooperate", Tone::Conflict));
    /// ```
    pub fn cues(&self, text: &str) -> Vec<CueHit> {
        if korean::is_korean(text) {
            korean::cues(text)
        } else {
            english::cues(text)
        }
    }
}

#[cfg(test)]
mod tests;
