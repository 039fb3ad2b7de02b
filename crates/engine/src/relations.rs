//! Tone of a sentence that relates two actors. A cue lexicon in the spirit of the PLOVER/CAMEO
//! event categories (cooperation: summit, talks, agreed, treaty, aid, support …; conflict:
//! sanction, condemn, warn, threaten, veto, accuse, test-fire …), matched by one automaton, with
//! negation ("refused to cooperate" is not cooperation). The cue nearest the two actors decides.

use crate::clean::{WordSet, leftmost};
use crate::model::Tone;
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use std::sync::LazyLock;

/// Cues: a trailing `*` matches any ending ("sanction*" → sanctions, sanctioned), otherwise the
/// word or phrase must end there.
const COOPERATION: &[&str] = &[
    "summit*",
    "talks",
    "agree*",
    "accord",
    "accords",
    "treaty",
    "treaties",
    "pact*",
    "aid",
    "aided",
    "assist*",
    "support*",
    "cooperat*",
    "co-operat*",
    "collaborat*",
    "partnership*",
    "partner",
    "partners",
    "alliance*",
    "ally",
    "allies",
    "allied",
    "friendship*",
    "friendly",
    "meet",
    "meets",
    "met",
    "meeting*",
    "visit*",
    "welcom*",
    "prais*",
    "strengthen*",
    "bolster*",
    "deepen*",
    "closer ties",
    "coordinat*",
    "dialogue*",
    "negotiat*",
    "deal",
    "deals",
    "rapport",
    "embrac*",
    "solidarity",
    "backed",
    "backing",
    "backs",
    "supply",
    "supplies",
    "supplied",
    "provid*",
    "invest*",
    "trade",
    "trading",
    "exchange*",
    "signed",
    "signing",
    "joint",
    "shaking hands",
    "shake hands",
    "shook hands",
    "congratulat*",
    "thank*",
    "hosted",
    "hosting",
    "courts",
    "courted",
    "engage*",
    "improv*",
    "rebuild*",
    "help*",
    "consensus",
    "reconcil*",
    "rapprochement",
    "join forces",
    "joining forces",
    "joined forces",
    "peace talks",
    "ease the tension",
    "ease tension*",
];

const CONFLICT: &[&str] = &[
    "sanction*",
    "condemn*",
    "warn*",
    "threat*",
    "veto*",
    "accus*",
    "test-fir*",
    "attack*",
    "invad*",
    "invasion*",
    "aggressi*",
    "war",
    "wars",
    "criticiz*",
    "criticis*",
    "criticism*",
    "pressur*",
    "dispute*",
    "row",
    "confront*",
    "tension*",
    "oppos*",
    "reject*",
    "rebuff*",
    "protest*",
    "denounc*",
    "isolat*",
    "provocat*",
    "provok*",
    "hostil*",
    "clash*",
    "punish*",
    "expel*",
    "retaliat*",
    "embargo*",
    "blame*",
    "displeasure",
    "antagonis*",
    "contain",
    "containing",
    "containment",
    "stymie*",
    "hamstring*",
    "detonat*",
    "nuclear test*",
    "missile launch*",
    "deadlock*",
    "standoff",
    "stand-off",
    "rival*",
    "against",
    "denial",
    "denied",
    "halt*",
    "ban",
    "bans",
    "banned",
    "tighten*",
    "strain*",
    "spying",
    "seiz*",
    "confrontation*",
];

/// Words that, shortly before a cue, turn it around.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "without", "refuse", "refused", "refuses", "refusing", "fail", "failed",
    "fails", "failing", "decline", "declined", "declines", "unlikely", "neither", "nor", "cannot",
    "stop", "stopped", "halted", "rejected", "rejects", "won't", "didn't", "don't", "doesn't",
    "isn't", "wasn't", "aren't", "can't", "wouldn't",
];
static NEGATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NEGATIONS));

/// A cue found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueHit {
    /// Byte range of the cue, including its negation when there is one.
    pub start: usize,
    pub end: usize,
    pub tone: Tone,
}

/// The compiled cue lexicon.
#[derive(Debug, Clone)]
pub struct ToneLexicon {
    automaton: DFA,
    /// Per pattern: its tone and whether it is a stem.
    entries: Vec<(Tone, bool)>,
}

impl Default for ToneLexicon {
    fn default() -> Self {
        ToneLexicon::new()
    }
}

impl ToneLexicon {
    pub fn new() -> ToneLexicon {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for (list, tone) in [(COOPERATION, Tone::Cooperation), (CONFLICT, Tone::Conflict)] {
            for cue in list {
                let stem = cue.ends_with('*');
                patterns.push(cue.trim_end_matches('*'));
                entries.push((tone, stem));
            }
        }
        // A DFA walked by `clean::leftmost`: evidence sentences are many.
        let automaton = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns)
            .expect("cue lexicon compiles");
        ToneLexicon { automaton, entries }
    }

    /// Every cue in a sentence, in order, with negation applied.
    ///
    /// ```
    /// use engine::{model::Tone, relations::ToneLexicon};
    /// let lexicon = ToneLexicon::new();
    /// let s = "Russia refused to cooperate with the sanctions.";
    /// let hits = lexicon.cues(s);
    /// assert_eq!((&s[hits[0].start..hits[0].end], hits[0].tone), ("refused to cooperate", Tone::Conflict));
    /// ```
    pub fn cues(&self, sentence: &str) -> Vec<CueHit> {
        self.cues_outside(sentence, &[])
    }

    /// Cues outside the given byte ranges (the actors' names: "Ban Ki-moon" holds no "ban",
    /// "No Kwang Chol met" no negation).
    pub fn cues_outside(&self, sentence: &str, names: &[(usize, usize)]) -> Vec<CueHit> {
        let in_name = |at: usize| names.iter().any(|&(a, b)| a <= at && at < b);
        let mut hits = Vec::new();
        for m in leftmost(&self.automaton, sentence) {
            if in_name(m.start()) || in_name(m.end() - 1) {
                continue;
            }
            let (tone, stem) = self.entries[m.pattern().as_usize()];
            let before = sentence[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let mut end = m.end();
            if stem {
                end += sentence[end..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(sentence.len() - end);
            } else if sentence[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let (start, tone) = match negation_before(sentence, m.start()).filter(|&n| !in_name(n))
            {
                Some(neg) => (
                    neg,
                    if tone == Tone::Cooperation {
                        Tone::Conflict
                    } else {
                        Tone::Neutral
                    },
                ),
                None => (m.start(), tone),
            };
            hits.push(CueHit { start, end, tone });
        }
        hits
    }
}

/// Start of the earliest negation word among the three words before `at`, if any.
fn negation_before(sentence: &str, at: usize) -> Option<usize> {
    let head = &sentence[..at];
    let mut earliest = None;
    for word in head.split_whitespace().rev().take(3) {
        if is_negation(word) {
            // Where the word starts in `head` (the words are slices of it).
            earliest = Some(word.as_ptr() as usize - head.as_ptr() as usize);
        }
        // A clause break ends the reach of a negation.
        if word.ends_with([',', ';', ':']) {
            break;
        }
    }
    earliest
}

fn is_negation(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if word.is_ascii() {
        return NEGATION_SET.contains_lowercase(word);
    }
    if word.contains('’') {
        NEGATIONS.contains(&word.to_lowercase().replace('’', "'").as_str())
    } else {
        NEGATION_SET.contains_lowercase(word)
    }
}

/// The tone of a sentence for a pair of actors at spans `a` and `b`: the cue closest to the
/// stretch between them decides; no cue means neutral.
pub fn tone_for_pair(
    hits: &[CueHit],
    a: (usize, usize),
    b: (usize, usize),
) -> (Tone, Option<&CueHit>) {
    let lo = a.0.min(b.0);
    let hi = a.1.max(b.1);
    let distance = |h: &CueHit| {
        if h.end <= lo {
            lo - h.end
        } else {
            h.start.saturating_sub(hi)
        }
    };
    match hits.iter().min_by_key(|h| distance(h)) {
        Some(h) => (h.tone, Some(h)),
        None => (Tone::Neutral, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tones(s: &str) -> Vec<(String, Tone)> {
        ToneLexicon::new()
            .cues(s)
            .into_iter()
            .map(|h| (s[h.start..h.end].to_string(), h.tone))
            .collect()
    }

    #[test]
    fn stems_take_endings_and_words_stand_alone() {
        assert_eq!(
            tones("They sanctioned it."),
            [("sanctioned".to_string(), Tone::Conflict)]
        );
        assert!(tones("warm words in a ward").is_empty());
    }

    #[test]
    fn negation_flips_cooperation_to_conflict() {
        assert_eq!(
            tones("Moscow did not support the plan"),
            [("not support".to_string(), Tone::Conflict)]
        );
        assert_eq!(
            tones("Seoul failed to agree"),
            [("failed to agree".to_string(), Tone::Conflict)]
        );
    }

    #[test]
    fn negated_conflict_is_neutral() {
        assert_eq!(
            tones("Beijing did not condemn the test"),
            [("not condemn".to_string(), Tone::Neutral)]
        );
    }

    #[test]
    fn nearest_cue_decides() {
        let s = "Kim met Putin, while Washington condemned Pyongyang.";
        let hits = ToneLexicon::new().cues(s);
        let kim = (0, 3);
        let putin = (8, 13);
        let (tone, cue) = tone_for_pair(&hits, kim, putin);
        assert_eq!(
            (tone, &s[cue.unwrap().start..cue.unwrap().end]),
            (Tone::Cooperation, "met")
        );
        assert_eq!(tone_for_pair(&[], kim, putin), (Tone::Neutral, None));
    }
}
