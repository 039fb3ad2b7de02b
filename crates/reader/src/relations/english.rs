//! Reading an English sentence for the links it states between the actors it names: who does
//! what to whom. A chunk-level reader, not a parser: words and actor mentions as tokens, clauses
//! cut at punctuation, subordinators and reported speech, noun phrases of names with their titles,
//! then each cue of the lexicon takes its participants (subject, object, the prepositions of its
//! frame), with negation, refusal, opposition and cessation applied.

use super::lexicon::{
    AUXILIARIES, BE, BREAKDOWN, CESSATION, DETERMINERS, Entry, FIGHTING, FIRST_PERSON,
    HYPOTHETICAL, LEXICON, LIGHT, LOWER, NEGATIONS, Op, PREPOSITIONS, PRONOUNS, Pos, RAISE,
    REFUSALS, RELATIVES, ROLES, SOURCE_NOUNS, SPEECH, SUBORDINATORS, VERBS, VICTIM,
};
use super::{Link, LinkKind, Unit};
use crate::model::{Category, Direction, Tone};
use crate::words::{WordHasher, WordSet};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// The word lists the reader asks about, one bit each. A token's lists and cue forms are looked
/// up once, when the sentence is read (`Reader::new`), not again at every question about it: the
/// reader asks some dozens of questions of most tokens.
mod c {
    pub(super) const PREPOSITIONS: u32 = 1 << 0;
    pub(super) const SPEECH: u32 = 1 << 1;
    pub(super) const LIGHT: u32 = 1 << 2;
    pub(super) const RAISE: u32 = 1 << 3;
    pub(super) const LOWER: u32 = 1 << 4;
    pub(super) const VICTIM: u32 = 1 << 5;
    pub(super) const AUXILIARIES: u32 = 1 << 6;
    pub(super) const BE: u32 = 1 << 7;
    pub(super) const NEGATIONS: u32 = 1 << 8;
    pub(super) const REFUSALS: u32 = 1 << 9;
    pub(super) const CESSATION: u32 = 1 << 10;
    pub(super) const HYPOTHETICAL: u32 = 1 << 11;
    pub(super) const SUBORDINATORS: u32 = 1 << 12;
    pub(super) const RELATIVES: u32 = 1 << 13;
    pub(super) const ROLES: u32 = 1 << 14;
    pub(super) const SOURCE_NOUNS: u32 = 1 << 15;
    pub(super) const DETERMINERS: u32 = 1 << 16;
    pub(super) const PRONOUNS: u32 = 1 << 17;
    pub(super) const VERBS: u32 = 1 << 18;
    pub(super) const FIRST_PERSON: u32 = 1 << 19;
    pub(super) const STATE_NOUNS: u32 = 1 << 20;
    pub(super) const MOTION: u32 = 1 << 21;
    pub(super) const BREAKDOWN: u32 = 1 << 22;
    pub(super) const FIGHTING: u32 = 1 << 23;
}

/// Each word list with its bit.
fn word_lists() -> [(u32, &'static WordSet); 24] {
    [
        (c::PREPOSITIONS, &PREPOSITIONS),
        (c::SPEECH, &SPEECH),
        (c::LIGHT, &LIGHT),
        (c::RAISE, &RAISE),
        (c::LOWER, &LOWER),
        (c::VICTIM, &VICTIM),
        (c::AUXILIARIES, &AUXILIARIES),
        (c::BE, &BE),
        (c::NEGATIONS, &NEGATIONS),
        (c::REFUSALS, &REFUSALS),
        (c::CESSATION, &CESSATION),
        (c::HYPOTHETICAL, &HYPOTHETICAL),
        (c::SUBORDINATORS, &SUBORDINATORS),
        (c::RELATIVES, &RELATIVES),
        (c::ROLES, &ROLES),
        (c::SOURCE_NOUNS, &SOURCE_NOUNS),
        (c::DETERMINERS, &DETERMINERS),
        (c::PRONOUNS, &PRONOUNS),
        (c::VERBS, &VERBS),
        (c::FIRST_PERSON, &FIRST_PERSON),
        (c::STATE_NOUNS, &STATE_NOUNS),
        (c::MOTION, &MOTION),
        (c::BREAKDOWN, &BREAKDOWN),
        (c::FIGHTING, &FIGHTING),
    ]
}

/// What the reader knows of a word: the lists it is in (bits of `c`) and its cue forms.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    lists: u32,
    cues: Option<&'static [Entry]>,
}

/// Every word of a list or of the lexicon, with what the reader knows of it.
static WORD_INFO: LazyLock<HashMap<&'static str, WordInfo, BuildHasherDefault<WordHasher>>> =
    LazyLock::new(|| {
        let mut map: HashMap<&'static str, WordInfo, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for (bit, list) in word_lists() {
            for word in list.iter() {
                map.entry(word).or_default().lists |= bit;
            }
        }
        let lexicon: &'static super::lexicon::Lexicon = &LEXICON;
        for (&word, entries) in lexicon {
            map.entry(word).or_default().cues = Some(entries.as_slice());
        }
        map
    });

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    /// An actor mention, by index into the sentence's units.
    Unit(usize),
    Punct(char),
    /// The possessive "'s" (or a lone apostrophe) after a name.
    Poss,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
}

/// What kind of stretch of the sentence a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Main,
    /// Inside quotation marks.
    Quote,
    /// Inside brackets or a pair of dashes.
    Aside,
    /// ", which …" after a name: the name is its subject or object.
    Relative,
    /// ", a professor of …," after a name: describes it.
    Apposition,
    /// What a speaker says: "X said (that) …".
    Said,
    /// A source: "according to X", "citing X".
    Source,
}

/// A clause or an aside: a stretch of tokens the reader looks for participants in.
#[derive(Debug, Clone)]
struct Region {
    kind: Kind,
    parent: Option<usize>,
    /// The group this region is about when its subject is not written ("which …", ", saying …").
    hint: Option<Vec<usize>>,
    /// Who says what the region holds.
    speaker: Option<Vec<usize>>,
    /// Opened by "if", "unless", "whether": the event is only supposed.
    hypothetical: bool,
    /// A pronoun in what the speaker says stands for the speaker: they are a party there.
    speaker_acts: bool,
}

/// A noun phrase of names: a head and the names that qualify it ("Russian President Putin").
#[derive(Debug, Clone)]
struct Phrase {
    /// Units, head last.
    units: Vec<usize>,
    first: usize,
    last: usize,
}

/// A cue found in the sentence.
#[derive(Debug, Clone)]
struct Cue {
    /// First and last token.
    t: usize,
    last: usize,
    entry: &'static Entry,
    /// Where a negation or refusal in front of it starts, and which.
    neg: Option<(usize, Negation)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Negation {
    /// "not", "never", "no".
    Plain,
    /// "will not", "would never": a refusal.
    Modal,
    /// "refused to", "failed to".
    Refusal,
}

/// Verbs of talking whose direct object is what is talked about, never a party: the partner
/// comes with "with".
const TALK_VERBS: [&str; 8] = [
    "discuss",
    "discusses",
    "discussed",
    "discussing",
    "debate",
    "debates",
    "debated",
    "debating",
];

/// An event the sentence states: who acts, on whom, with which tone.
#[derive(Debug, Clone)]
struct Frame {
    agents: Vec<usize>,
    targets: Vec<usize>,
    /// Agents written explicitly (possessor, "by", modifier), not taken from the clause.
    explicit_agent: bool,
    mutual: bool,
    tone: Tone,
    category: Option<Category>,
    /// Byte range of the cue as printed, with its negation or operator.
    cue: (usize, usize),
    region: usize,
    /// The event is named by a noun ("Indian strikes"), not a verb.
    noun: bool,
    /// The cue's first token.
    at: usize,
    /// The speaker of the clause takes part in the event (its agent).
    speaker_party: bool,
}

pub(crate) struct Reader<'a> {
    text: &'a str,
    /// The token of each unit.
    unit_tok: Vec<Option<usize>>,
    lower: String,
    toks: Vec<Tok>,
    /// What the reader knows of each token's word (nothing for other tokens).
    info: Vec<WordInfo>,
    units: &'a [Unit],
    /// Region of each token.
    region: Vec<usize>,
    regions: Vec<Region>,
    /// Phrase of each unit, and the phrases.
    phrase_of: Vec<Option<usize>>,
    phrases: Vec<Phrase>,
    /// Units that name no participant: title contents, reporting sources, datelines.
    dropped: Vec<bool>,
    cues: Vec<Cue>,
    title_case: bool,
}

/// The links an English sentence states between its units.
pub(crate) fn links(text: &str, units: &[Unit]) -> Vec<Link> {
    let mut r = Reader::new(text, units);
    r.structure();
    r.find_cues();
    r.find_speech();
    let frames = r.frames();
    r.to_links(frames)
}

/// The cues of a text read without names: each event's cue with its negation or operator, and
/// the tone it gives.
pub(crate) fn cues(text: &str) -> Vec<super::CueHit> {
    let mut r = Reader::new(text, &[]);
    r.structure();
    r.find_cues();
    let mut hits: Vec<super::CueHit> = r
        .frames()
        .into_iter()
        .filter(|f| f.category.is_some())
        .map(|f| super::CueHit {
            start: f.cue.0,
            end: f.cue.1,
            tone: f.tone,
        })
        .collect();
    hits.sort_by_key(|h| h.start);
    hits.dedup();
    hits
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, units: &'a [Unit]) -> Reader<'a> {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text, units);
        // Each unit's token; a unit inside another's span ("N. Korean" inside the role phrase
        // "N. Korean leader") shares its token.
        let mut unit_tok: Vec<Option<usize>> = vec![None; units.len()];
        for (t, tok) in toks.iter().enumerate() {
            if let K::Unit(u) = tok.k {
                unit_tok[u] = Some(t);
            }
        }
        for u in 0..units.len() {
            if unit_tok[u].is_none() {
                unit_tok[u] = toks.iter().position(|tok| {
                    matches!(tok.k, K::Unit(_))
                        && tok.s <= units[u].start
                        && units[u].end <= tok.e.max(units[u].end)
                        && units[u].start < tok.e
                });
            }
        }
        // A headline in title case: capitals say nothing about names there.
        let (words, capitalised) = toks
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| &text[t.s..t.e])
            .filter(|w| w.len() > 3)
            .fold((0, 0), |(words, capitalised), w| {
                let capital = w.starts_with(|c: char| c.is_uppercase());
                (words + 1, capitalised + usize::from(capital))
            });
        let title_case = words >= 2 && capitalised * 4 >= words * 3;
        let table = &*WORD_INFO;
        let info = toks
            .iter()
            .map(|tok| match tok.k {
                K::Word => table.get(&lower[tok.s..tok.e]).copied().unwrap_or_default(),
                _ => WordInfo::default(),
            })
            .collect();
        Reader {
            text,
            lower,
            info,
            unit_tok,
            region: vec![0; toks.len()],
            toks,
            units,
            regions: Vec::new(),
            phrase_of: vec![None; units.len()],
            phrases: Vec::new(),
            dropped: vec![false; units.len()],
            cues: Vec::new(),
            title_case,
        }
    }

    /// The lowercase text of a word token; "" for other tokens.
    fn w(&self, t: usize) -> &str {
        match self.toks.get(t) {
            Some(tok) if tok.k == K::Word => &self.lower[tok.s..tok.e],
            _ => "",
        }
    }

    /// Whether the word at `t` is in one of the `lists` (bits of `c`); false for other tokens
    /// and past the end.
    fn is(&self, t: usize, lists: u32) -> bool {
        let found = self.info.get(t).is_some_and(|i| i.lists & lists != 0);
        debug_assert_eq!(
            found,
            word_lists()
                .iter()
                .any(|&(bit, list)| bit & lists != 0 && list.contains(self.w(t))),
            "the lists of token {t}"
        );
        found
    }

    /// The cue forms opening with the word at `t`.
    fn lex(&self, t: usize) -> Option<&'static [Entry]> {
        let cues = self.info.get(t).and_then(|i| i.cues);
        debug_assert_eq!(
            cues.map(<[Entry]>::as_ptr),
            LEXICON.get(self.w(t)).map(|es| es.as_ptr()),
            "the cue forms of token {t}"
        );
        cues
    }

    fn unit_at(&self, t: usize) -> Option<usize> {
        match self.toks.get(t)?.k {
            K::Unit(u) => Some(u),
            _ => None,
        }
    }

    fn is_prep(&self, t: usize) -> bool {
        self.is(t, c::PREPOSITIONS)
    }

    /// A word that is a finite verb or an auxiliary whatever its context.
    fn is_verbal(&self, t: usize) -> bool {
        let w = self.w(t);
        !w.is_empty()
            && (self.is(t, c::AUXILIARIES)
                || self.is(t, c::VERBS)
                || self.cue_at(t).is_some_and(|c| self.cue_is_verb(c)))
    }

    fn cue_at(&self, t: usize) -> Option<&Cue> {
        self.cues.iter().find(|c| c.t == t)
    }

    fn cue_is_verb(&self, c: &Cue) -> bool {
        c.entry.pos == Pos::Verb
    }

    // ------------------------------------------------------------------------------------
    // Structure: regions and phrases.

    fn new_region(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        self.regions.push(Region {
            kind,
            parent,
            hint: None,
            speaker: None,
            hypothetical: false,
            speaker_acts: false,
        });
        self.regions.len() - 1
    }

    /// Cuts the sentence into regions: quotations, asides, relative clauses, appositions and
    /// clauses; then groups names into phrases.
    fn structure(&mut self) {
        let n = self.toks.len();
        let main = self.new_region(Kind::Main, None);
        // The stack of open regions; the bottom is the current top-level clause.
        let mut stack: Vec<(usize, Closer)> = vec![(main, Closer::End)];
        let dashes = (0..n).filter(|&t| self.is_dash(t)).count();
        // Asked of every earlier token of the clause at each token: worked out once.
        // How many tokens before each look finite, and whether each opens what is said.
        let mut finite_before: Vec<u32> = Vec::with_capacity(n + 1);
        finite_before.push(0);
        for k in 0..n {
            let before = finite_before[k];
            finite_before.push(before + u32::from(self.looks_finite(k)));
        }
        let opens_said: Vec<bool> = (0..n)
            .map(|k| self.w(k) == "that" || self.is(k, c::SPEECH))
            .collect();
        // Where the run of tokens of one region that ends before `t` starts, and the last token
        // before `t` that opens what is said.
        let mut run_from = 0;
        let mut last_said: Option<usize> = None;
        let mut straight_open = false;
        // A clause opened by a subordinator before the main clause: the next comma ends it.
        let mut subordinate = false;
        let mut t = 0;
        while t < n {
            if t > 0 {
                if t == 1 || self.region[t - 1] != self.region[t - 2] {
                    run_from = t - 1;
                }
                if opens_said[t - 1] {
                    last_said = Some(t - 1);
                }
            }
            let tok = self.toks[t];
            let top = stack.last().expect("the stack keeps its bottom").0;
            match tok.k {
                K::Punct(c @ ('“' | '‘' | '«')) => {
                    let _ = c;
                    let r = self.new_region(Kind::Quote, Some(top));
                    stack.push((r, Closer::Quote));
                    self.region[t] = r;
                    t += 1;
                    continue;
                }
                K::Punct('"') => {
                    if straight_open {
                        straight_open = false;
                        self.region[t] = top;
                        if let Some(i) = stack.iter().rposition(|(_, c)| *c == Closer::Quote) {
                            stack.truncate(i.max(1));
                        }
                    } else {
                        straight_open = true;
                        let r = self.new_region(Kind::Quote, Some(top));
                        stack.push((r, Closer::Quote));
                        self.region[t] = r;
                    }
                    t += 1;
                    continue;
                }
                K::Punct('”' | '»') | K::Punct('’') if self.closes_quote(t) => {
                    self.region[t] = top;
                    if let Some(i) = stack.iter().rposition(|(_, c)| *c == Closer::Quote) {
                        stack.truncate(i.max(1));
                    }
                    t += 1;
                    continue;
                }
                K::Punct('(' | '[') => {
                    let r = self.new_region(Kind::Aside, Some(top));
                    stack.push((r, Closer::Bracket));
                    self.region[t] = r;
                    t += 1;
                    continue;
                }
                K::Punct(')' | ']') => {
                    self.region[t] = top;
                    if let Some(i) = stack.iter().rposition(|(_, c)| *c == Closer::Bracket) {
                        stack.truncate(i.max(1));
                    }
                    t += 1;
                    continue;
                }
                _ => {}
            }
            if self.is_dash(t) {
                if let Some(i) = stack.iter().rposition(|(_, c)| *c == Closer::Dash) {
                    // The second dash of a pair closes the aside.
                    stack.truncate(i.max(1));
                    self.region[t] = stack.last().expect("bottom").0;
                } else if dashes >= 2 {
                    let r = self.new_region(Kind::Aside, Some(top));
                    stack.push((r, Closer::Dash));
                    self.region[t] = r;
                    // "the Venezuelan authorities - which have condemned X -": a relative
                    // clause between dashes is about the name before it.
                    if RELATIVES.contains(self.w(t + 1)) {
                        self.regions[r].hint = self.antecedent(t);
                    }
                } else {
                    // A lone dash ends a clause.
                    self.close_to_clause(&mut stack);
                    let next = self.sibling(&stack);
                    self.replace_bottom(&mut stack, next);
                    self.region[t] = next;
                }
                t += 1;
                continue;
            }
            if matches!(tok.k, K::Punct(';' | ':')) {
                self.close_to_clause(&mut stack);
                let next = self.sibling(&stack);
                self.replace_bottom(&mut stack, next);
                self.region[t] = next;
                t += 1;
                continue;
            }
            if tok.k == K::Punct(',') {
                // A comma closes a relative clause or an apposition.
                if matches!(stack.last().map(|s| s.1), Some(Closer::Comma)) {
                    stack.pop();
                }
                let top = stack.last().expect("bottom").0;
                self.region[t] = top;
                if subordinate && stack.len() == 1 {
                    subordinate = false;
                    let r = self.new_region(Kind::Main, self.regions[top].parent);
                    stack[0].0 = r;
                    t += 1;
                    continue;
                }
                if let Some(kind) = self.comma_opens(t) {
                    let r = match kind {
                        Kind::Relative | Kind::Apposition | Kind::Source => {
                            let r = self.new_region(kind, Some(top));
                            stack.push((r, Closer::Comma));
                            r
                        }
                        _ => {
                            // A new clause at the current level.
                            let r = self.new_region(kind, self.regions[top].parent);
                            let at = stack.len() - 1;
                            stack[at].0 = r;
                            r
                        }
                    };
                    if kind == Kind::Relative || kind == Kind::Apposition {
                        self.regions[r].hint = self.group_before(t);
                    }
                    if kind == Kind::Main && self.is(t + 1, c::HYPOTHETICAL) {
                        self.regions[r].hypothetical = true;
                    }
                }
                t += 1;
                continue;
            }
            // Words that open a clause without a comma ("and" only after a verb of the clause
            // it would end: "A and B met" is one clause).
            let w = self.w(t);
            let and = w == "and";
            let opener = matches!(
                w,
                "after" | "before" | "since" | "as" | "when" | "once" | "until"
            );
            let source = (w == "according" && self.w(t + 1) == "to") || w == "citing";
            let top = stack.last().expect("bottom").0;
            // The clause's first token: right after the last earlier token of another region.
            let clause_start = if t == 0 || self.region[t - 1] != top {
                t
            } else {
                run_from
            };
            // A verb of saying or a "that" opens what is said: "said (that) A and B signed" is
            // one clause after it, and the saying verb does not end it at "and".
            let said_from = match last_said {
                Some(k) if k >= clause_start => k + 1,
                _ => clause_start,
            };
            let verb_before = finite_before[t] > finite_before[said_from];
            let opens =
                self.is(t, c::SUBORDINATORS) || self.opens_clause(t) && (!and || verb_before);
            if opens && t > 0 {
                if self.regions[top].kind == Kind::Main || self.regions[top].kind == Kind::Said {
                    let r = self.new_region(Kind::Main, self.regions[top].parent);
                    let at = stack.len() - 1;
                    stack[at].0 = r;
                    self.regions[r].hypothetical = self.is(t, c::HYPOTHETICAL);
                    // "When X met Y, …": the clause a subordinator opens ends at a comma.
                    subordinate = !verb_before;
                }
            } else if t == 0 && (self.is(t, c::SUBORDINATORS) || self.opens_clause(t) || opener) {
                self.regions[main].hypothetical = self.is(t, c::HYPOTHETICAL);
                subordinate = self.is(t, c::SUBORDINATORS) || self.opens_clause(t);
            }
            if source {
                let top = stack.last().expect("bottom").0;
                let r = self.new_region(Kind::Source, Some(top));
                stack.push((r, Closer::Comma));
            }
            self.region[t] = stack.last().expect("bottom").0;
            t += 1;
        }
        self.fragments();
        self.phrases();
        self.offices();
    }

    /// "Lavrov, the Russian Minister of Foreign Affairs, met X", "met Kim, the North Korean
    /// leader", "Russia's foreign minister, Sergei Lavrov, met X": the state or body that an
    /// apposition gives as the owner of a person's office joins the person's phrase, as in
    /// "Russian Foreign Minister Lavrov": it shares the person's official acts and is never
    /// paired with them. Kin, scholars and reporters hold no office of the state they qualify.
    fn offices(&mut self) {
        for u in 0..self.units.len() {
            if !self.units[u].person || self.dropped[u] {
                continue;
            }
            let Some(p) = self.phrase_of[u] else { continue };
            if self.phrases[p].units.len() != 1 {
                continue;
            }
            let (first, last) = (self.phrases[p].first, self.phrases[p].last);
            let comma = |k: usize| self.toks.get(k).map(|t| t.k) == Some(K::Punct(','));
            let owners = if comma(last + 1) {
                self.office_after(last + 2)
            } else {
                Vec::new()
            };
            let owners = if owners.is_empty() && first > 0 && comma(first - 1) {
                self.office_before(first - 1)
            } else {
                owners
            };
            for v in owners {
                if let Some(q) = self.phrase_of[v] {
                    self.phrases[q].units.retain(|&x| x != v);
                }
                self.phrases[p].units.insert(0, v);
                self.phrase_of[v] = Some(p);
            }
        }
    }

    /// The names qualifying an office in a description that opens at `k` and runs to the next
    /// comma or the end ("the South Korean Minister for Foreign Affairs", "his Russian
    /// counterpart"); none when it is no office.
    fn office_after(&self, mut k: usize) -> Vec<usize> {
        let mut owners: Vec<usize> = Vec::new();
        let mut office = false;
        let mut prep = false;
        while k < self.toks.len() && !matches!(self.toks[k].k, K::Punct(_)) {
            match self.toks[k].k {
                K::Unit(v) => {
                    let unit = &self.units[v];
                    let words = &self.lower[unit.start..unit.end];
                    if unit.person || unit.media || self.dropped[v] {
                        if !(prep || office) {
                            return Vec::new();
                        }
                    } else if !office && !prep {
                        owners.push(v);
                        office |= words.rsplit(' ').next().is_some_and(is_office);
                    }
                }
                K::Word => {
                    let w = self.w(k);
                    if self.is(k, c::ROLES) {
                        if !is_office(w) {
                            return Vec::new();
                        }
                        office = true;
                    } else if self.is_verbal(k)
                        || self.is(k, c::PRONOUNS) && !matches!(w, "his" | "her" | "its" | "their")
                    {
                        return Vec::new();
                    } else if self.is_prep(k) {
                        prep = true;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        let ends = k >= self.toks.len() || matches!(self.toks[k].k, K::Punct(',' | '.' | ';'));
        if office && ends { owners } else { Vec::new() }
    }

    /// The names owning an office written right before the comma at `comma`, in front of the
    /// person it names ("Russia's foreign minister, Lavrov", "the US envoy, Witkoff").
    fn office_before(&self, comma: usize) -> Vec<usize> {
        let mut office = false;
        let mut k = comma;
        for _ in 0..5 {
            let Some(prev) = k.checked_sub(1) else { break };
            k = prev;
            match self.toks[k].k {
                K::Word => {
                    let w = self.w(k);
                    if self.is(k, c::ROLES) {
                        if !is_office(w) {
                            return Vec::new();
                        }
                        office = true;
                    } else if self.is_verbal(k)
                        || self.is_prep(k)
                        || self.is(k, c::PRONOUNS)
                        || self.is(k, c::DETERMINERS)
                    {
                        return Vec::new();
                    }
                }
                K::Poss => {}
                K::Unit(v) => {
                    if !office || self.units[v].media || self.dropped[v] {
                        return Vec::new();
                    }
                    // The whole phrase of the owner ("US President Donald Trump's envoy").
                    return self
                        .phrase_units(v)
                        .into_iter()
                        .filter(|&x| !self.dropped[x] && !self.units[x].media)
                        .collect();
                }
                K::Punct(_) => return Vec::new(),
            }
        }
        Vec::new()
    }

    /// Quotation marks around words inside a clause ("expressed “regret” over", "the
    /// government's “broader efforts to undermine …”", "called it a “provocation”") quote a
    /// fragment, not a speaker: its words belong to the clause around it. A quotation opened
    /// after a verb of saying, "that", a colon or a comma, or at the start, is speech.
    fn fragments(&mut self) {
        for q in 0..self.regions.len() {
            if self.regions[q].kind != Kind::Quote {
                continue;
            }
            let Some(open) = self.region.iter().position(|&g| g == q) else {
                continue;
            };
            let Some(parent) = self.regions[q].parent else {
                continue;
            };
            let inside_clause = open > 0
                && self.region[open - 1] == parent
                && match self.toks[open - 1].k {
                    K::Unit(_) | K::Poss => true,
                    K::Word => {
                        let w = self.w(open - 1);
                        !(SPEECH.contains(w) || matches!(w, "that" | "saying" | "and" | "but"))
                    }
                    K::Punct(_) => false,
                };
            if !inside_clause {
                continue;
            }
            for g in self.region.iter_mut().filter(|g| **g == q) {
                *g = parent;
            }
            for r in self.regions.iter_mut().filter(|r| r.parent == Some(q)) {
                r.parent = Some(parent);
            }
        }
    }

    /// Ends every aside open above the bottom clause (a clause break inside an aside that
    /// was never closed).
    fn close_to_clause(&self, stack: &mut Vec<(usize, Closer)>) {
        while stack.len() > 1 && stack.last().is_some_and(|s| s.1 == Closer::Comma) {
            stack.pop();
        }
    }

    fn sibling(&mut self, stack: &[(usize, Closer)]) -> usize {
        let top = stack.last().expect("bottom").0;
        let parent = self.regions[top].parent;
        let kind = match self.regions[top].kind {
            Kind::Quote => Kind::Quote,
            Kind::Aside => Kind::Aside,
            _ => Kind::Main,
        };
        if kind == Kind::Main {
            self.new_region(Kind::Main, parent)
        } else {
            let r = self.new_region(kind, parent);
            self.regions[r].speaker = self.regions[top].speaker.clone();
            r
        }
    }

    fn replace_bottom(&self, stack: &mut [(usize, Closer)], next: usize) {
        let at = stack.len() - 1;
        stack[at].0 = next;
    }

    fn is_dash(&self, t: usize) -> bool {
        match self.toks[t].k {
            K::Punct('—') => true,
            K::Punct('–' | '-') => {
                // Spaced: "A – B"; unspaced joins names ("North Korea-Russia").
                let before = self.text[..self.toks[t].s].ends_with(' ');
                let after = self.text[self.toks[t].e..].starts_with(' ');
                before && after
            }
            _ => false,
        }
    }

    /// Whether a closing single quote closes a quotation (not an apostrophe).
    fn closes_quote(&self, t: usize) -> bool {
        match self.toks[t].k {
            K::Punct('’') => {
                // "the administration’s": a possessive, not the end of a quotation.
                let (s, e) = (self.toks[t].s, self.toks[t].e);
                let after = &self.text[e..];
                let possessive = self.text[..s].ends_with(char::is_alphanumeric)
                    && after.starts_with('s')
                    && !after[1..].starts_with(char::is_alphanumeric);
                !possessive && self.regions.iter().any(|r| r.kind == Kind::Quote)
            }
            _ => true,
        }
    }

    /// What a comma at `t` opens.
    fn comma_opens(&self, t: usize) -> Option<Kind> {
        let next = self.w(t + 1);
        if self.is(t + 1, c::RELATIVES) && self.group_before(t).is_some() {
            return Some(Kind::Relative);
        }
        if self.is(t + 1, c::SUBORDINATORS) || self.opens_clause(t + 1) {
            return Some(Kind::Main);
        }
        // ", saying …", ", adding …": the main subject goes on speaking or acting.
        if next.ends_with("ing") && !self.is(t + 1, c::DETERMINERS) && self.unit_at(t + 1).is_none()
        {
            if next == "including" {
                return None;
            }
            return Some(Kind::Main);
        }
        if next == "and" || next == "but" {
            // ", and X said …": a new clause when a subject and a verb follow.
            let after = t + 2;
            if self.unit_at(after).is_some() || self.is(after, c::PRONOUNS) {
                return Some(Kind::Main);
            }
        }
        if self.apposition_after(t) {
            return Some(Kind::Apposition);
        }
        None
    }

    /// ", the head of …," after a name: a description of it, up to the next comma, with a role
    /// word and no finite verb.
    fn apposition_after(&self, comma: usize) -> bool {
        if comma == 0 || !matches!(self.toks[comma - 1].k, K::Unit(_)) {
            return false;
        }
        // "Burma, Iran and Syria": a name right after the comma goes on with a list (a name's
        // possessive may start a description: "Putin, Russia's president,").
        if self.unit_at(comma + 1).is_some()
            && self.toks.get(comma + 2).is_none_or(|x| x.k != K::Poss)
        {
            return false;
        }
        let mut role = false;
        let mut t = comma + 1;
        while t < self.toks.len() && !matches!(self.toks[t].k, K::Punct(_)) {
            if self.is_verbal(t) && !self.is(t, c::ROLES) {
                return false;
            }
            if self.is(t, c::ROLES) || self.cue_entry_agentive(t) {
                role = true;
            }
            t += 1;
        }
        // It must end at a comma (or the sentence end) and hold a role word.
        let ends = t >= self.toks.len() || matches!(self.toks[t].k, K::Punct(',' | '.' | ';'));
        role && ends && t > comma + 1
    }

    fn cue_entry_agentive(&self, t: usize) -> bool {
        LEXICON
            .get(self.w(t))
            .is_some_and(|es| es.iter().any(|e| e.agentive))
    }

    /// A word that opens a clause when a subject and a verb follow it ("after Russia invaded",
    /// "as Moscow pressed").
    fn opens_clause(&self, t: usize) -> bool {
        let w = self.w(t);
        if !matches!(
            w,
            "after" | "before" | "since" | "as" | "when" | "until" | "once" | "and"
        ) {
            return false;
        }
        // Within a few tokens: a name or pronoun, then a finite verb.
        let mut subject = false;
        for k in t + 1..(t + 7).min(self.toks.len()) {
            if matches!(self.toks[k].k, K::Punct(',' | ';' | ':')) {
                return false;
            }
            // "after Indian strikes": a word after an adjective of nationality is a noun.
            if let Some(u) = self.unit_at(k)
                && self.adjectival(u)
                && self.toks.get(k + 1).is_some_and(|x| x.k == K::Word)
            {
                subject = false;
                continue;
            }
            if self.unit_at(k).is_some()
                || matches!(self.w(k), "he" | "she" | "it" | "they" | "we" | "i")
            {
                subject = true;
                continue;
            }
            // "and South Korea to cut off …": an infinitive after the name, no clause; "over A
            // and B and would continue to …": the name ends a list, the verb is the earlier
            // subject's.
            if subject && (self.w(k) == "to" || w == "and" && matches!(self.w(k), "and" | "or")) {
                return false;
            }
            if subject && self.looks_finite(k) {
                return w != "and" || k == t + 2 || self.unit_at(t + 1).is_some();
            }
            if self.is_prep(k) && !subject {
                return false;
            }
        }
        false
    }

    /// A word that reads as a finite verb before cues are known: an auxiliary, a common
    /// verb, a past form, or a verb form of the lexicon ending in -s or -ed.
    fn looks_finite(&self, k: usize) -> bool {
        let w = self.w(k);
        !w.is_empty()
            && (self.is(k, c::AUXILIARIES)
                || self.is(k, c::VERBS)
                || w.ends_with("ed")
                || (w.ends_with('s') || w == "met")
                    // ("The talks between A and B", "Talks between …": a noun after a
                    // determiner or a possessive, or opening the sentence.)
                    && k > 0
                    && !self.is(k - 1, c::DETERMINERS)
                    && self.toks[k - 1].k != K::Poss
                    && self.lex(k).is_some_and(|es| {
                        es.iter().any(|e| e.pos == Pos::Verb && e.rest.is_empty())
                    }))
    }

    /// The group of units ending right before token `t` (skipping a possessive).
    fn group_before(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t.checked_sub(1)?;
        if self.toks[k].k == K::Poss {
            return None;
        }
        // "the U.S. and Japan, which …": the phrase ending here.
        loop {
            match self.toks[k].k {
                K::Unit(u) => {
                    let p = self.phrase_units(u);
                    return Some(self.coordinated(p, t));
                }
                K::Word if self.is(k, c::ROLES) && k > 0 => k -= 1,
                _ => return None,
            }
        }
    }

    /// Groups names into phrases: a name with the names that qualify it ("Russian President
    /// Vladimir Putin", "North Korea's Kim Jong Un", "the U.S. envoy for North Korea Sung Kim").
    /// Names inside a title's prepositional phrase ("envoy for North Korea") name no party.
    fn phrases(&mut self) {
        let mut order: Vec<usize> = (0..self.toks.len())
            .filter(|&t| self.unit_at(t).is_some())
            .collect();
        order.sort_unstable();
        let mut i = 0;
        while i < order.len() {
            let t0 = order[i];
            let mut units = vec![self.unit_at(t0).expect("a unit token")];
            let mut last = t0;
            let mut j = i + 1;
            // Extend while the next name follows through a title run.
            while j < order.len() {
                let next = order[j];
                let run = last + 1..next;
                if self.region[next] != self.region[last] {
                    break;
                }
                match self.title_run(run.clone()) {
                    Some((title_units_after_prep, next_is_content)) => {
                        for &tu in &title_units_after_prep {
                            self.dropped[tu] = true;
                        }
                        let nu = self.unit_at(next).expect("a unit token");
                        if next_is_content {
                            // "envoy for North Korea": the name after the title's preposition.
                            self.dropped[nu] = true;
                            j += 1;
                            continue;
                        }
                        units.push(nu);
                        last = next;
                        j += 1;
                    }
                    None => break,
                }
            }
            // Names inside the run that were skipped as title contents.
            for &k in &order[i + 1..j] {
                let u = self.unit_at(k).expect("a unit token");
                if !units.contains(&u) {
                    self.dropped[u] = true;
                }
            }
            // Units sharing a token with the phrase's units, persons last (the head).
            let toks_of: Vec<usize> = units.iter().filter_map(|&u| self.unit_tok[u]).collect();
            for v in 0..self.units.len() {
                if !units.contains(&v) && self.unit_tok[v].is_some_and(|t| toks_of.contains(&t)) {
                    units.push(v);
                }
            }
            units.sort_by_key(|&v| (self.unit_tok[v], self.units[v].person));
            let p = self.phrases.len();
            for &u in &units {
                self.phrase_of[u] = Some(p);
            }
            self.phrases.push(Phrase {
                units,
                first: t0,
                last,
            });
            i = j;
        }
        // A title run whose contents hold names that did not end in a name ("the envoy for North
        // Korea said") keeps them: only runs between two names are titles here.
        // "endorse the former UN ambassador": a past office names the body only as a title;
        // the person does not act for it any more.
        for u in 0..self.units.len() {
            let Some(k) = self.unit_tok[u] else { continue };
            if self.units[u].person || k == 0 || !matches!(self.w(k - 1), "former" | "ex") {
                continue;
            }
            // "former UN ambassador (Nikki Haley)", "the former US president".
            let unit = &self.lower[self.units[u].start..self.units[u].end];
            let role_inside = unit.rsplit(' ').next().is_some_and(|w| ROLES.contains(w));
            if role_inside || self.is(k + 1, c::ROLES) {
                self.dropped[u] = true;
            }
        }
    }

    /// Whether the tokens of `run` join two names into one phrase, and which names inside it
    /// are title contents. `None`: the run separates them.
    fn title_run(&self, run: std::ops::Range<usize>) -> Option<(Vec<usize>, bool)> {
        if run.is_empty() {
            // Two names side by side: "U.S. State Department", "Kremlin Peskov".
            return Some((Vec::new(), false));
        }
        if run.len() > 9 {
            return None;
        }
        let mut contents = Vec::new();
        let mut after_prep = false;
        let mut role = false;
        for t in run.clone() {
            match self.toks[t].k {
                K::Poss => {}
                K::Punct('-' | '–') if !self.is_dash(t) => {}
                K::Word => {
                    let w = self.w(t);
                    let raw = &self.text[self.toks[t].s..self.toks[t].e];
                    if self.is(t, c::ROLES) {
                        role = true;
                    } else if matches!(w, "for" | "of" | "to" | "on" | "at" | "in") {
                        if !role {
                            return None;
                        }
                        after_prep = true;
                    } else if matches!(w, "the" | "and" | "his" | "her" | "its" | "their") {
                        if w == "and" && !after_prep {
                            return None;
                        }
                    } else if raw.starts_with(|c: char| c.is_uppercase()) && !self.title_case {
                        role = true;
                    } else {
                        return None;
                    }
                }
                K::Unit(u) => {
                    if after_prep {
                        contents.push(u);
                    } else {
                        return None;
                    }
                }
                K::Punct(_) => return None,
            }
        }
        let only_possessive = run.clone().all(|t| self.toks[t].k == K::Poss);
        // The run ends with the title's preposition: the next name is its contents.
        let open = matches!(
            self.w(run.end - 1),
            "for" | "of" | "to" | "on" | "at" | "in"
        );
        (role || only_possessive).then_some((contents, open))
    }

    fn phrase_units(&self, u: usize) -> Vec<usize> {
        match self.phrase_of[u] {
            Some(p) => self.phrases[p].units.clone(),
            None => vec![u],
        }
    }

    /// The phrase holding unit `u`, with the phrases coordinated with it ("A, B and C"),
    /// looking no further than token `limit`.
    fn coordinated(&self, units: Vec<usize>, limit: usize) -> Vec<usize> {
        let Some(p) = units.first().and_then(|&u| self.phrase_of[u]) else {
            return units;
        };
        let mut first = p;
        while first > 0 && self.joined(first - 1, first) {
            first -= 1;
        }
        let mut last = p;
        while last + 1 < self.phrases.len()
            && self.phrases[last + 1].first < limit
            && self.joined(last, last + 1)
        {
            last += 1;
        }
        (first..=last)
            .flat_map(|q| self.phrases[q].units.iter().copied())
            .filter(|&u| !self.dropped[u])
            .collect()
    }

    /// Whether two consecutive phrases are coordinated: only commas, "and", "or", "as well as",
    /// "along with", "the", "both" between them.
    fn joined(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.phrases[a], &self.phrases[b]);
        if self.region[x.last] != self.region[y.first] {
            return false;
        }
        let between = x.last + 1..y.first;
        if between.is_empty() {
            return false;
        }
        let mut conj = false;
        // A comma joins a list only when the list goes on after the second name ("A, B and
        // C"); "Like China, Russia is …" is no list.
        let list_goes_on = {
            let next = y.last + 1;
            matches!(self.w(next), "and" | "or")
                || matches!(self.toks.get(next).map(|t| t.k), Some(K::Punct(',')))
        };
        for t in between {
            match self.toks[t].k {
                K::Punct(',') if list_goes_on => conj = true,
                K::Punct(',') => {}
                // "India's and Pakistan's ownership" (not "Kim's father and predecessor, X").
                K::Poss if matches!(self.w(t + 1), "and" | "or") => {}
                K::Punct('/' | '&') => conj = true,
                K::Word => match self.w(t) {
                    "and" | "or" | "nor" | "plus" => conj = true,
                    "as" | "well" | "along" | "together" | "with" | "the" | "both" | "either"
                    | "neither" => {}
                    // "a Chinese and a Philippine vessel": the article of the second.
                    "a" | "an" if conj => {}
                    // "the North Korean government and X": the head noun of the first phrase.
                    _ if !conj && (self.is(t, c::ROLES) || self.is(t, c::STATE_NOUNS)) => {}
                    // "X and former President Y": the title of the second, not yet its name.
                    w if conj
                        && (self.is(t, c::ROLES)
                            || matches!(w, "former" | "late" | "acting" | "ex")) => {}
                    _ => return false,
                },
                _ => return false,
            }
        }
        conj
    }

    /// The group (coordinated phrases) a unit belongs to, without dropped units.
    fn group_of(&self, u: usize) -> Vec<usize> {
        let units = self.phrase_units(u);
        self.coordinated(units, usize::MAX)
    }

    // ------------------------------------------------------------------------------------
    // Cues.

    fn find_cues(&mut self) {
        let n = self.toks.len();
        let mut t = 0;
        while t < n {
            if self.toks[t].k != K::Word {
                t += 1;
                continue;
            }
            let Some(entries) = self.lex(t) else {
                t += 1;
                continue;
            };
            // Candidate entries whose phrase matches, longest first.
            let mut found: Option<(usize, &'static Entry)> = None;
            let mut candidates: Vec<&'static Entry> = Vec::new();
            for e in entries {
                let len = e.rest.len();
                let matches = e
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(i, word)| self.w(t + 1 + i) == *word);
                if !matches {
                    continue;
                }
                if let Some((l, _)) = found
                    && l > len
                {
                    break;
                }
                found = Some((len, e));
                candidates.push(e);
            }
            let Some((len, _)) = found else {
                t += 1;
                continue;
            };
            let last = t + len;
            if let Some(entry) = self.choose(t, last, &candidates) {
                let neg = self.negation(t);
                self.cues.push(Cue {
                    t,
                    last,
                    entry,
                    neg,
                });
            }
            t = last + 1;
        }
        // "against" right after a cue that takes it ("offensive against Kyiv") is that cue's
        // preposition, not a stance of its own; "refused" before "to cooperate" is the refusal
        // the negation of "cooperate" already carries.
        let mut i = 0;
        while i < self.cues.len() {
            let c = &self.cues[i];
            let governed = c.entry.pos == Pos::Prep
                && self.cues[..i].iter().rev().take(1).any(|p| {
                    p.entry.preps.contains(&self.w(c.t))
                        && c.t - p.last <= 5
                        && self.region[p.t] == self.region[c.t]
                });
            let refusal = c.entry.op == Op::Refuse
                && self.cues.get(i + 1).is_some_and(|n| {
                    matches!(n.neg, Some((_, Negation::Refusal))) && n.t <= c.last + 3
                });
            if governed || refusal {
                self.cues.remove(i);
            } else {
                i += 1;
            }
        }
        // A cue noun right before another cue noun qualifies it ("trade war", "missile
        // launch", "peace talks"): the head decides, the qualifier is its event's object.
        let mut i = 0;
        while i + 1 < self.cues.len() {
            let (a, b) = (&self.cues[i], &self.cues[i + 1]);
            // An adjective before the noun it qualifies ("joint military exercise", "hostile
            // act") is that noun's, no predicate of its own.
            let attributive = a.entry.pos == Pos::Adj
                && b.entry.pos == Pos::Noun
                && b.t > a.last
                && b.t - a.last <= 2
                && (a.last + 1..b.t).all(|k| self.toks[k].k == K::Word && !self.is_prep(k));
            if a.last + 1 == b.t
                && a.entry.pos == Pos::Noun
                && b.entry.pos == Pos::Noun
                && b.entry.op == Op::Plain
                && b.entry.category.is_some()
                || attributive
            {
                self.cues.remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// Which reading of a cue word the context gives, or none (a homograph in another sense,
    /// a word of a name or title).
    fn choose(
        &self,
        t: usize,
        last: usize,
        candidates: &[&'static Entry],
    ) -> Option<&'static Entry> {
        let raw = &self.text[self.toks[t].s..self.toks[t].e];
        // A capitalised cue inside a run of capitalised words is a name or a title ("Minister of
        // Foreign Trade", "Korean War"), unless the whole sentence is in title case.
        if !self.title_case && raw.starts_with(|c: char| c.is_uppercase()) && self.in_name(t, last)
        {
            return None;
        }
        let verbal = self.verb_context(t);
        let nominal = self.noun_context(t);
        let pick = |pos: Pos| candidates.iter().copied().find(|e| e.pos == pos);
        let choice = if verbal && !nominal {
            pick(Pos::Verb)
                .or_else(|| pick(Pos::Adj))
                .or_else(|| pick(Pos::Prep))
                .or_else(|| pick(Pos::Noun))
        } else {
            pick(Pos::Noun)
                .or_else(|| pick(Pos::Adj))
                .or_else(|| pick(Pos::Prep))
                .or_else(|| pick(Pos::Verb))
        }?;
        let w = self.w(t);
        // A verb that is a cue only with an actor as its object ("contain China"); in the
        // passive the object is the subject, and the actor is the agent ("hit by Russia").
        if choice.actor_object
            && !self.object_is_actor(last)
            && !(self.w(last + 1) == "by"
                && t > 0
                && self.is(t - 1, c::BE)
                && self.object_is_actor(last + 1))
        {
            return None;
        }
        // Homographs.
        match w {
            // "was responsible for the attack" lays blame; "a responsible power" praises.
            "responsible" if self.w(last + 1) != "for" => return None,
            "back" | "backs" | "backed"
                if !verbal
                    || matches!(
                        self.w(last + 1),
                        "to" | "in"
                            | "home"
                            | "down"
                            | "off"
                            | "out"
                            | "up"
                            | "into"
                            | "from"
                            | "then"
                    ) =>
            {
                return None;
            }
            "press" | "presses" | "pressed" | "pressing"
                if choice.pos == Pos::Verb && !self.object_is_actor(last) =>
            {
                return None;
            }
            "press" => return None,
            "fire" | "fires" | "fired" | "firing"
                if choice.pos == Pos::Verb && !self.fires_weapons(last) =>
            {
                return None;
            }
            "fire" => return None,
            "court" | "courts" if !verbal => return None,
            // "armed forces", "armed groups": an adjective; "armed Ukraine" is the verb.
            "armed" if !self.object_is_actor(last) => return None,
            "shell" | "shells" | "ship" | "ships" | "arm" | "arms" | "fund" | "funds"
            | "target" | "targets" | "host" | "hosts" | "trade" | "supply" | "supplies" | "aid"
            | "help" | "support" | "back" | "force" | "forces"
                if choice.pos == Pos::Verb && !verbal =>
            {
                return None;
            }
            "deal" | "deals"
                if self.w(t.wrapping_sub(1)) == "great"
                    || self.w(last + 1) == "with" && !self.noun_context(t) =>
            {
                return None;
            }
            "row" | "rows" if !matches!(self.w(last + 1), "with" | "between" | "over") => {
                return None;
            }
            "test" | "tests" if !self.weapon_before(t) => return None,
            "launch" | "launches" if !self.weapon_before(t) && choice.pos == Pos::Noun => {
                return None;
            }
            "exercise" | "exercises" | "drill" | "drills" | "maneuvers" | "manoeuvres"
            | "patrol" | "patrols"
                if (t.saturating_sub(4)..t).any(|k| {
                    matches!(self.w(k), "joint" | "combined" | "trilateral" | "bilateral")
                }) || self.w(last + 1) == "with"
                    && self.np_group(last + 2, self.region[t]).is_some() =>
            {
                return JOINT.first();
            }
            "exercise" | "exercises" | "drill" | "drills" if !self.military_before(t) => {
                return None;
            }
            // "calls on X to …" after its subject is an appeal; "renewed calls on X" is a noun
            // whose caller the sentence may not name.
            // "launched missiles into Y", "sent troops into Y": weapons or troops that go into
            // or at a country are an attack, not a launch or a delivery.
            "launch" | "launches" | "launched" | "launching" | "send" | "sends" | "sent"
            | "sending"
                if choice.pos != Pos::Noun && self.armed_into(last) =>
            {
                return INVADE.first();
            }
            // Otherwise "launch" is the noun of a test, as before the verb was known.
            "launch" | "launches" | "launched" | "launching" if choice.pos == Pos::Verb => {
                return candidates
                    .iter()
                    .copied()
                    .find(|e| e.pos == Pos::Noun)
                    .filter(|_| w == "launch" || w == "launches")
                    .filter(|_| self.weapon_before(t));
            }
            "call" | "calls"
                if choice.rest.is_empty()
                    || t == 0
                    || self.is(t - 1, c::DETERMINERS)
                    || adjective_like(self.w(t - 1))
                    || self.w(t - 1).ends_with("ing")
                    || self.w(t - 1).ends_with("ed") =>
            {
                return None;
            }
            "beef" if self.w(last + 1) == "up" => return None,
            "state" | "states" => return None,
            "help"
                if choice.pos == Pos::Noun
                    && self.w(t.wrapping_sub(1)) == "the"
                    && self.w(last + 1) == "of" => {}
            "support" if self.w(last + 1) == "staff" => return None,
            "deployment" | "deployments" if !self.military_before(t) => {}
            "protest" | "protests"
                if self.w(last + 1) == "against" || verbal || self.noun_context(t) => {}
            "charge" | "charges" | "charged" | "charging" if self.w(last + 1) == "of" => {
                return None;
            }
            "strike" | "strikes" | "struck" | "striking"
                if self.w(last + 1) == "a"
                    && matches!(self.w(last + 2), "deal" | "balance" | "chord" | "note") =>
            {
                return None;
            }
            "exchange" | "exchanges" | "exchanged" | "trade" | "traded" | "trading" => {
                // "exchanged fire", "traded accusations": the object decides.
                if let Some(obj) = (last + 1..(last + 4).min(self.toks.len())).find(|&k| {
                    matches!(
                        self.w(k),
                        "fire"
                            | "shots"
                            | "artillery"
                            | "blows"
                            | "barbs"
                            | "insults"
                            | "accusations"
                            | "threats"
                            | "salvos"
                            | "strikes"
                            | "gunfire"
                    )
                }) {
                    let _ = obj;
                    return CONFLICT_EXCHANGE.get(
                        if matches!(
                            self.w(last + 1),
                            "accusations" | "barbs" | "insults" | "threats"
                        ) {
                            1
                        } else {
                            0
                        },
                    );
                }
                if w.starts_with("trad") && self.w(last + 1) == "war" {
                    return None;
                }
            }
            _ => {}
        }
        // A past participle used as an adjective before a noun that is not a name ("the sanctioned
        // entities") is still the event; keep it.
        Some(choice)
    }

    /// Whether the cue at `t..=last` lies inside a run of capitalised words (a name or a title).
    fn in_name(&self, t: usize, last: usize) -> bool {
        let capital = |k: usize| {
            self.toks.get(k).is_some_and(|tok| {
                tok.k == K::Word && self.text[tok.s..tok.e].starts_with(|c: char| c.is_uppercase())
            })
        };
        // At the start of the sentence or of a quotation a capital says nothing.
        let sentence_start = t == 0
            || matches!(
                self.toks[t - 1].k,
                K::Punct('“' | '"' | ':' | '(' | '—' | '‘' | '[' | '-' | '–')
            );
        let before = t > 0
            && (capital(t - 1)
                || matches!(self.toks[t - 1].k, K::Unit(_)) && !sentence_start
                || (matches!(self.w(t - 1), "of" | "for" | "and") && t > 1 && capital(t - 2)));
        let after = capital(last + 1)
            || (matches!(self.w(last + 1), "of" | "for" | "and") && capital(last + 2))
            || matches!(self.toks.get(last + 1).map(|k| k.k), Some(K::Unit(_)));
        if sentence_start {
            return after && capital(last + 1);
        }
        before || after
    }

    fn weapon_before(&self, t: usize) -> bool {
        (t.saturating_sub(3)..t).any(|k| {
            matches!(
                self.w(k),
                "missile"
                    | "missiles"
                    | "nuclear"
                    | "rocket"
                    | "rockets"
                    | "ballistic"
                    | "weapon"
                    | "weapons"
                    | "icbm"
                    | "satellite"
                    | "hydrogen"
                    | "bomb"
                    | "atomic"
                    | "cruise"
                    | "hypersonic"
                    | "artillery"
                    | "test-fire"
                    | "underground"
                    | "warhead"
            )
        })
    }

    fn military_before(&self, t: usize) -> bool {
        (t.saturating_sub(4)..t).any(|k| {
            matches!(
                self.w(k),
                "military"
                    | "joint"
                    | "naval"
                    | "air"
                    | "live-fire"
                    | "combined"
                    | "war"
                    | "army"
                    | "drills"
                    | "exercises"
                    | "nuclear"
                    | "missile"
                    | "artillery"
                    | "amphibious"
                    | "annual"
                    | "large-scale"
                    | "trilateral"
                    | "bilateral"
            ) || self.unit_at(k).is_some()
        })
    }

    /// "fired missiles into Y", "fired at Y": a weapon or a target follows.
    fn fires_weapons(&self, last: usize) -> bool {
        (last + 1..(last + 5).min(self.toks.len())).any(|k| {
            matches!(
                self.w(k),
                "missile"
                    | "missiles"
                    | "rocket"
                    | "rockets"
                    | "shells"
                    | "shell"
                    | "artillery"
                    | "projectiles"
                    | "projectile"
                    | "shots"
                    | "salvo"
                    | "salvos"
                    | "drones"
                    | "at"
                    | "on"
                    | "into"
                    | "toward"
                    | "towards"
                    | "warning"
            )
        })
    }

    /// "… missiles into", "… troops at": within a few words after a verb of sending, a
    /// weapon or a force, then a preposition of attack, with no cue word between.
    fn armed_into(&self, last: usize) -> bool {
        let end = (last + 6).min(self.toks.len());
        let Some(force) = (last + 1..end).find(|&k| {
            matches!(
                self.w(k),
                "missile"
                    | "missiles"
                    | "rocket"
                    | "rockets"
                    | "drones"
                    | "shells"
                    | "projectiles"
                    | "troops"
                    | "forces"
                    | "soldiers"
                    | "tanks"
                    | "warplanes"
                    | "jets"
            )
        }) else {
            return false;
        };
        let prep = force + 1;
        prep < self.toks.len()
            && matches!(self.w(prep), "into" | "at")
            && (last + 1..force).all(|k| self.lex(k).is_none())
    }

    /// Whether the first phrase after `last` (past determiners and a few words) is an actor.
    fn object_is_actor(&self, last: usize) -> bool {
        for k in last + 1..(last + 5).min(self.toks.len()) {
            match self.toks[k].k {
                K::Unit(_) => return true,
                K::Word => {
                    let w = self.w(k);
                    if matches!(w, "him" | "her" | "them" | "it" | "us") {
                        return true;
                    }
                    if self.is(k, c::DETERMINERS) || self.is(k, c::ROLES) {
                        continue;
                    }
                    return false;
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether the word at `t` right after a name (or its head noun) is a verb: "U.S.
    /// sanctions" before a preposition, a verb of being or the end is a noun.
    fn verb_after_name(&self, t: usize) -> bool {
        // "U.S. sanctions" before a preposition or the end is a noun.
        let next = self.w(t + 1);
        !(self.toks.get(t + 1).is_none()
            || matches!(self.toks[t + 1].k, K::Punct(_))
            || matches!(
                next,
                "on" | "against"
                    | "targeting"
                    | "relief"
                    | "regime"
                    | "of"
                    | "were"
                    | "was"
                    | "is"
                    | "are"
                    | "have"
                    | "has"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "remain"
                    | "remained"
            ))
    }

    /// The token before `t` reads as the end of a subject or an auxiliary: a verb follows.
    fn verb_context(&self, t: usize) -> bool {
        let Some(prev) = t.checked_sub(1) else {
            return false;
        };
        // "denied meeting", "stop supplying": a gerund after a verb.
        if self.w(t).ends_with("ing")
            && (self.is(prev, c::VERBS)
                || LEXICON
                    .get(self.w(prev))
                    .is_some_and(|es| es.iter().any(|e| e.pos == Pos::Verb))
                || self.is(prev, c::CESSATION))
        {
            return true;
        }
        // The head noun of a name's phrase is a subject as the name is: "the Japanese government
        // backed …", "the Russian president sanctioned …".
        let head_noun = self.toks[prev].k == K::Word
            && (self.is(prev, c::STATE_NOUNS) || self.is(prev, c::ROLES))
            && prev > 0
            && matches!(self.toks[prev - 1].k, K::Unit(_));
        match self.toks[prev].k {
            // "the Russian strikes": a word after an adjective of nationality is a noun.
            K::Unit(u) => !self.adjectival(u) && self.verb_after_name(t),
            K::Word if head_noun => self.verb_after_name(t),
            K::Poss => false,
            K::Punct(',') => {
                // ", backing …" participle, or a list.
                self.w(t).ends_with("ing")
            }
            K::Punct(_) => t == 1 || self.title_case,
            K::Word => {
                let p = self.w(prev);
                // A capitalised word in running text ends a name as a unit does ("Russia
                // backed …" read without its names).
                let raw = &self.text[self.toks[prev].s..self.toks[prev].e];
                if !self.title_case
                    && raw.starts_with(|c: char| c.is_uppercase())
                    && !self.is(prev, c::DETERMINERS)
                    && !self.is(prev, c::PRONOUNS)
                    && !self.is(prev, c::PREPOSITIONS)
                    && self.units.is_empty()
                {
                    return true;
                }
                if p == "to" {
                    // "to" then a verb, unless a noun phrase came before ("visit to Russia").
                    return !self.noun_before_to(prev);
                }
                self.is(prev, c::AUXILIARIES)
                    || self.is(prev, c::NEGATIONS)
                    || matches!(
                        p,
                        "he" | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                            | "who"
                            | "which"
                            | "that"
                            | "and"
                            | "or"
                            | "also"
                            | "then"
                            | "jointly"
                            | "still"
                            | "already"
                            | "repeatedly"
                            | "reportedly"
                            | "often"
                            | "again"
                            | "publicly"
                            | "openly"
                            | "strongly"
                            | "sharply"
                            | "firmly"
                            | "recently"
                            | "swiftly"
                            | "quickly"
                            | "formally"
                            | "officially"
                            | "allegedly"
                            | "later"
                            | "previously"
                            | "immediately"
                            | "once"
                            | "never"
                            | "not"
                            | "both"
                            | "all"
                            | "effectively"
                            | "directly"
                    )
                    || p.ends_with("ly") && prev > 0 && !self.is(prev - 1, c::DETERMINERS)
            }
        }
    }

    fn noun_before_to(&self, to: usize) -> bool {
        let Some(prev) = to.checked_sub(1) else {
            return false;
        };
        match self.toks[prev].k {
            K::Word => {
                let w = self.w(prev);
                // "visit to", "threat to", "aid to": a noun the lexicon knows.
                self.lex(prev).is_some_and(|es| {
                    es.iter()
                        .any(|e| e.pos == Pos::Noun && e.preps.contains(&"to"))
                }) && !self.is(prev, c::REFUSALS)
                    && !matches!(
                        w,
                        "plans"
                            | "plan"
                            | "bid"
                            | "effort"
                            | "efforts"
                            | "decision"
                            | "move"
                            | "attempt"
                            | "attempts"
                            | "agreed"
                            | "want"
                            | "wants"
                            | "vow"
                            | "pledge"
                            | "promise"
                            | "threat"
                            | "threats"
                    )
            }
            _ => false,
        }
    }

    fn noun_context(&self, t: usize) -> bool {
        let Some(prev) = t.checked_sub(1) else {
            return false;
        };
        match self.toks[prev].k {
            K::Poss => true,
            K::Unit(_) => !self.verb_context(t),
            K::Word => {
                let p = self.w(prev);
                self.is(prev, c::DETERMINERS)
                    || (self.is_prep(prev) && p != "to")
                    || p.chars().all(|c| c.is_ascii_digit() || c == ',')
                    || self.lex(prev).is_some_and(|es| {
                        es.iter().any(|e| e.pos == Pos::Noun)
                            && !es.iter().any(|e| e.pos == Pos::Verb)
                    })
                    || self.is(prev, c::LIGHT)
                        && !matches!(
                            p,
                            "have"
                                | "has"
                                | "had"
                                | "agree"
                                | "agreed"
                                | "plan"
                                | "plans"
                                | "planned"
                                | "continue"
                                | "continued"
                                | "continues"
                                | "begin"
                                | "began"
                                | "start"
                                | "started"
                                | "vow"
                                | "vowed"
                                | "pledge"
                                | "pledged"
                                | "seek"
                                | "seeks"
                                | "sought"
                                | "propose"
                                | "proposed"
                        )
                    || adjective_like(p)
            }
            K::Punct('-' | '–') => true,
            K::Punct(_) => false,
        }
    }

    /// Negation, a refusal or a modal refusal in the three words before a cue.
    fn negation(&self, t: usize) -> Option<(usize, Negation)> {
        let mut found = None;
        let mut k = t;
        let mut words = 0;
        while k > 0 && words < 4 {
            k -= 1;
            if self.region[k] != self.region[t] {
                break;
            }
            let w = self.w(k);
            if w.is_empty() {
                if matches!(self.toks[k].k, K::Punct(',' | ';' | ':')) {
                    break;
                }
                continue;
            }
            words += 1;
            if self.is(k, c::REFUSALS) && self.w(k + 1) == "to" {
                // Only over the event refused: "refused to (even) impose sanctions", not "refuses
                // to cede land occupied by X", whose verb is another.
                let over = (k + 2..t).all(|j| {
                    let w = self.w(j);
                    self.is(j, c::LIGHT | c::DETERMINERS)
                        || adjective_like(w)
                        || w.ends_with("ly")
                        || matches!(w, "further" | "even" | "ever" | "any")
                        || self.cues.iter().any(|c| c.t == j)
                });
                if over {
                    found = Some((self.toks[k].s, Negation::Refusal));
                }
                break;
            }
            // "has no intention to talk with X": a refusal, not a denial.
            if w == "no"
                && matches!(
                    self.w(k + 1),
                    "intention" | "desire" | "interest" | "willingness" | "wish"
                )
            {
                found = Some((self.toks[k].s, Negation::Refusal));
                break;
            }
            if w == "short"
                && matches!(
                    self.w(k.wrapping_sub(1)),
                    "stop" | "stops" | "stopped" | "stopping" | "fell" | "falls" | "fall"
                )
            {
                found = Some((self.toks[k - 1].s, Negation::Plain));
                break;
            }
            if self.is(k, c::NEGATIONS)
                && self.w(k + 1) != "only"
                && !(w == "no" && self.w(k + 1) == "longer")
            {
                let modal = (k.saturating_sub(2)..=k).any(|j| {
                    matches!(
                        self.w(j),
                        "will" | "would" | "won't" | "wouldn't" | "can't" | "cannot" | "shall"
                    )
                }) || matches!(
                    w,
                    "won't" | "wouldn't" | "cannot" | "can't" | "unwilling" | "reluctant"
                );
                let kind = if modal {
                    Negation::Modal
                } else {
                    Negation::Plain
                };
                found = Some((self.toks[k].s, kind));
            }
        }
        found
    }

    // ------------------------------------------------------------------------------------
    // Reported speech and sources.

    /// Speakers, sources and reporting: "X said (that) …", "…, X said", "according to X",
    /// "X quoted Y as saying", "a photo released by X".
    fn find_speech(&mut self) {
        let n = self.toks.len();
        // Sources: everyone named in a source region is dropped.
        for u in 0..self.units.len() {
            if let Some(t) = self.tok_of(u)
                && self.regions[self.region[t]].kind == Kind::Source
            {
                self.dropped[u] = true;
            }
        }
        for t in 0..n {
            let w = self.w(t);
            if !self.is(t, c::SPEECH) {
                continue;
            }
            // Only a verb: "a report", "the statement" are nouns here.
            if self.noun_context(t)
                && !matches!(
                    self.toks.get(t.wrapping_sub(1)).map(|k| k.k),
                    Some(K::Unit(_))
                )
                && !(t > 0 && self.head_of_name(t - 1))
            {
                continue;
            }
            let r = self.region[t];
            // "X quoted Y as saying", "X cited Y": X relays.
            if matches!(w, "quoting" | "citing") {
                // ", citing X": the source follows; the subject acts.
                continue;
            }
            if matches!(w, "quoted" | "quotes" | "cited" | "cites") {
                if let Some(g) = self.subject_before(t, r) {
                    for u in g {
                        self.dropped[u] = true;
                    }
                }
                continue;
            }
            // Passive "was quoted as saying", "was reported": no speaker here.
            if t > 0 && self.is(t - 1, c::BE) {
                continue;
            }
            let before = self.speaker_before(t);
            let after_unit = self.unit_at(t + 1).or_else(|| {
                // "said the Kremlin", "said Russian President Putin".
                (self.is(t + 1, c::DETERMINERS))
                    .then(|| self.unit_at(t + 2))
                    .flatten()
            });
            let at_end = |k: usize| {
                k >= n
                    || matches!(
                        self.toks[k].k,
                        K::Punct('.' | ',' | ';' | '!' | '?' | '”' | '"' | ')')
                    )
            };
            // Post-posed: "…, X said." / "…, said X."
            let postposed = {
                let speaker_first = before.as_ref().is_some_and(|_| {
                    at_end(t + 1)
                        || self.w(t + 1) == "in"
                        || self.w(t + 1) == "on"
                        || self.w(t + 1) == "at"
                        || self.w(t + 1) == "last"
                        || self.w(t + 1) == "this"
                        || self.w(t + 1) == "earlier"
                        || self.w(t + 1) == "later"
                        || self.w(t + 1) == "told"
                });
                let comma_before = self.comma_before_subject(t);
                (speaker_first && comma_before)
                    .then(|| before.clone())
                    .flatten()
                    .or_else(|| {
                        let after = after_unit?;
                        let g = self.group_of(after);
                        let end = self.tok_of(*g.last()?)?;
                        let before_is_break =
                            t > 0 && matches!(self.toks[t - 1].k, K::Punct(',' | '”' | '"'));
                        (before_is_break && at_end(end + 1)).then_some(g)
                    })
            };
            if let Some(speaker) = postposed {
                // Everything before the speaker is what was said.
                let cut = self.first_tok(&speaker).unwrap_or(t).min(t);
                self.assign_said(0, cut, &speaker);
                self.drop_media(&speaker);
                continue;
            }
            let Some(speaker) = before else {
                continue;
            };
            // "X told Y (that) …": Y hears it.
            let mut from = t + 1;
            let mut hearer: Option<Vec<usize>> = None;
            if matches!(
                w,
                "told" | "tell" | "tells" | "telling" | "briefed" | "brief"
            ) {
                if let Some(u) = (t + 1..(t + 4).min(n)).find_map(|k| self.unit_at(k)) {
                    let g = self.group_of(u);
                    hearer = Some(g.clone());
                    if let Some(end) = g.last().and_then(|&x| self.tok_of(x)) {
                        from = end + 1;
                    }
                    for &x in &g {
                        if self.units[x].media {
                            self.dropped[x] = true;
                        }
                    }
                } else if matches!(
                    self.w(t + 1),
                    "reporters" | "journalists" | "lawmakers" | "parliament" | "the"
                ) {
                    from = t + 2;
                }
            }
            if self.w(from) == "that" {
                from += 1;
            }
            // What was said runs to the end of the clause.
            let end = (from..n)
                .find(|&k| self.region[k] != r && !self.nested_in(self.region[k], r))
                .unwrap_or(n);
            if from < end && self.says_a_clause(from, end) {
                self.assign_said(from, end, &speaker);
                // "X told Y that military cooperation with Z …": what was said of an act with
                // no subject of its own is said to Y of Y's act.
                let said = self.region[from];
                if let Some(g) = hearer
                    && self.regions[said].hint.is_none()
                    && !g
                        .iter()
                        .any(|u| self.units[*u].media || speaker.contains(u))
                {
                    self.regions[said].hint = Some(g);
                }
            }
            self.drop_media(&speaker);
        }
        // Quotations take the speaker of the clause that introduces or follows them.
        for q in 0..self.regions.len() {
            if self.regions[q].kind != Kind::Quote || self.regions[q].speaker.is_some() {
                continue;
            }
            let parent = self.regions[q].parent;
            let speaker = parent.and_then(|p| self.regions[p].speaker.clone());
            self.regions[q].speaker = speaker;
        }
        // "X said it would …": a pronoun standing for the speaker makes them a party.
        for q in 0..self.regions.len() {
            let Some(speaker) = self.regions[q].speaker.clone() else {
                continue;
            };
            let acts = (0..n).any(|k| {
                (self.region[k] == q || self.nested_in(self.region[k], q))
                    && self.is(k, c::PRONOUNS)
                    && self
                        .resolve(k)
                        .is_some_and(|g| g.iter().any(|u| speaker.contains(u)))
            });
            self.regions[q].speaker_acts = acts;
        }
        // "a photo released by X", "(X)" alone, "X/Yonhap": media credited, not parties.
        for u in 0..self.units.len() {
            if !self.units[u].media {
                continue;
            }
            let Some(t) = self.tok_of(u) else { continue };
            let by = self.w(t.wrapping_sub(1)) == "by"
                && (t.saturating_sub(5)..t).any(|k| {
                    self.is(k, c::SOURCE_NOUNS)
                        || matches!(
                            self.w(k),
                            "released"
                                | "distributed"
                                | "provided"
                                | "published"
                                | "carried"
                                | "obtained"
                                | "reported"
                                | "seen"
                                | "taken"
                        )
                });
            let alone_in_brackets = self.regions[self.region[t]].kind == Kind::Aside
                && self.group_of(u).len() == 1
                && !(0..self.toks.len())
                    .any(|k| self.region[k] == self.region[t] && self.cue_at(k).is_some());
            let told = matches!(
                self.w(t.wrapping_sub(1)),
                "told" | "tells" | "telling" | "tell"
            ) || (self.w(t.wrapping_sub(1)) == "the"
                && matches!(
                    self.w(t.wrapping_sub(2)),
                    "told" | "tells" | "telling" | "tell"
                ));
            let with = matches!(self.w(t.wrapping_sub(1)), "with" | "to")
                && (t.saturating_sub(4)..t).any(|k| {
                    matches!(
                        self.w(k),
                        "interview" | "told" | "spoke" | "speaking" | "said" | "talking"
                    )
                });
            if by || alone_in_brackets || told || with {
                self.dropped[u] = true;
            }
        }
    }

    /// Whether a name is a spokesperson's: "Kremlin spokesman Dmitry Peskov", "Zakharova,
    /// the ministry's spokeswoman", "spokesperson Lin Jian".
    fn is_spokesperson(&self, u: usize) -> bool {
        let Some(t) = self.tok_of(u) else {
            return false;
        };
        let (first, last) =
            self.phrase_of[u].map_or((t, t), |p| (self.phrases[p].first, self.phrases[p].last));
        let spokes = |k: usize| {
            let w = self.w(k);
            w.starts_with("spokes") || (w == "secretary" && self.w(k.wrapping_sub(1)) == "press")
        };
        (first.saturating_sub(4)..=last).any(spokes)
            || (last + 1..(last + 7).min(self.toks.len()))
                .any(|k| spokes(k) && self.regions[self.region[k]].kind == Kind::Apposition)
    }

    /// Whether the word at `k` ends a head noun of one or two words right after a name or its
    /// possessive ("Seoul's military", "the Russian foreign ministry"): the name speaks or acts
    /// through it.
    fn head_of_name(&self, k: usize) -> bool {
        (1..=2).any(|back| {
            k >= back
                && matches!(self.toks[k - back].k, K::Poss | K::Unit(_))
                && (k - back + 1..=k).all(|j| {
                    self.toks[j].k == K::Word
                        && !self.is_verbal(j)
                        && !self.is_prep(j)
                        && !self.is(j, c::PRONOUNS)
                })
        })
    }

    /// The name right before a verb of saying, past auxiliaries, adverbs and the words of a
    /// title or an office ("Kim also said", "Russia's foreign ministry said"); none when another
    /// noun is the subject ("diplomats said").
    fn speaker_before(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t;
        while k > 0 {
            k -= 1;
            match self.toks[k].k {
                K::Word if self.head_of_name(k) => {}
                K::Unit(u) => {
                    if self.dropped[u] {
                        return None;
                    }
                    return Some(self.group_of(u));
                }
                K::Poss => {}
                // "she said that …": the speaker is whom the pronoun stands for.
                K::Word if matches!(self.w(k), "he" | "she" | "they") => return self.resolve(k),
                K::Word => {
                    let w = self.w(k);
                    let raw = &self.text[self.toks[k].s..self.toks[k].e];
                    let title = self.is(k, c::ROLES)
                        || raw.starts_with(|c: char| c.is_uppercase()) && !self.title_case;
                    if !(self.is(k, c::AUXILIARIES)
                        || w.ends_with("ly")
                        || matches!(
                            w,
                            "also"
                                | "then"
                                | "again"
                                | "later"
                                | "earlier"
                                | "previously"
                                | "recently"
                                | "once"
                                | "still"
                                | "further"
                                | "had"
                                | "has"
                                | "have"
                                | "the"
                        )
                        || title)
                    {
                        return None;
                    }
                }
                K::Punct(_) => return None,
            }
        }
        None
    }

    fn drop_media(&mut self, speaker: &[usize]) {
        for &u in speaker {
            if self.units[u].media {
                self.dropped[u] = true;
            }
        }
    }

    /// Whether the tokens from..end hold a clause (a verb), not just a noun phrase ("said in a
    /// statement").
    fn says_a_clause(&self, from: usize, end: usize) -> bool {
        (from..end).any(|k| self.is_verbal(k) || self.w(k).ends_with("ed"))
    }

    /// Marks tokens from..end (top-level parts of them) as said by `speaker`.
    fn assign_said(&mut self, from: usize, end: usize, speaker: &[usize]) {
        let mut map: Vec<(usize, usize)> = Vec::new();
        for k in from..end {
            let r = self.region[k];
            let target = match map.iter().find(|(old, _)| *old == r) {
                Some(&(_, new)) => new,
                None => {
                    let kind = self.regions[r].kind;
                    let new = if matches!(kind, Kind::Main) {
                        let n = self.new_region(Kind::Said, self.regions[r].parent);
                        self.regions[n].hypothetical = self.regions[r].hypothetical;
                        n
                    } else {
                        r
                    };
                    map.push((r, new));
                    new
                }
            };
            self.region[k] = target;
        }
        for (_, new) in map {
            if self.regions[new].speaker.is_none() {
                self.regions[new].speaker = Some(speaker.to_vec());
            }
        }
        // Asides inside what was said are said too.
        for q in 0..self.regions.len() {
            if self.regions[q].speaker.is_none()
                && self.regions[q].kind == Kind::Quote
                && (from..end).any(|k| self.region[k] == q)
            {
                self.regions[q].speaker = Some(speaker.to_vec());
            }
        }
    }

    /// Whether a comma (or a closing quote) comes right before the subject that ends at `t`.
    fn comma_before_subject(&self, t: usize) -> bool {
        let mut k = t;
        while k > 0 {
            k -= 1;
            match self.toks[k].k {
                K::Punct(',' | '”' | '"' | '’') => return true,
                K::Punct(_) => return false,
                K::Unit(_) | K::Poss => {}
                K::Word => {
                    let w = self.w(k);
                    // ("…, Seoul's military said": the head noun after a name's possessive.)
                    if !(self.head_of_name(k)
                        || self.is(k, c::ROLES)
                        || self.is(k, c::DETERMINERS)
                        || matches!(w, "of" | "for" | "at" | "and")
                        || self.text[self.toks[k].s..].starts_with(|c: char| c.is_uppercase()))
                    {
                        return false;
                    }
                }
            }
        }
        false
    }

    fn tok_of(&self, u: usize) -> Option<usize> {
        self.unit_tok.get(u).copied().flatten()
    }

    fn first_tok(&self, group: &[usize]) -> Option<usize> {
        group
            .iter()
            .filter_map(|&u| {
                self.phrase_of[u]
                    .map(|p| self.phrases[p].first)
                    .or_else(|| self.tok_of(u))
            })
            .min()
    }

    /// Whether region `a` lies inside region `b`.
    fn nested_in(&self, a: usize, b: usize) -> bool {
        let mut r = self.regions[a].parent;
        while let Some(p) = r {
            if p == b {
                return true;
            }
            r = self.regions[p].parent;
        }
        false
    }

    // ------------------------------------------------------------------------------------
    // Participants of a cue.

    /// The subject group of the verb at `t`: the nearest group before it in its clause that is
    /// not inside a prepositional phrase, or a pronoun standing for one, or the clause's hint.
    fn subject_before(&self, t: usize, r: usize) -> Option<Vec<usize>> {
        let mut k = t;
        while k > 0 {
            k -= 1;
            let rk = self.region[k];
            if rk != r {
                if self.nested_in(rk, r) {
                    continue;
                }
                break;
            }
            match self.toks[k].k {
                K::Unit(u) => {
                    if self.dropped[u] {
                        continue;
                    }
                    let p = self.phrase_of[u].map(|p| &self.phrases[p]);
                    let first = self.list_start(u, p.map_or(k, |p| p.first));
                    if self.in_pp(first, r) && !self.of_a_role(first) {
                        k = first;
                        continue;
                    }
                    // The possessor of a cue noun ("Russia's support") is that noun's agent, not
                    // the subject; of another noun ("North Korea's official newspaper") it stands
                    // for the subject.
                    let last = p.map_or(k, |p| p.last);
                    if self.toks.get(last + 1).is_some_and(|x| x.k == K::Poss)
                        && (last + 2..(last + 5).min(t))
                            .any(|j| self.cue_at(j).is_some_and(|c| c.entry.pos == Pos::Noun))
                    {
                        k = first;
                        continue;
                    }
                    let g = self.group_of(u);
                    return (!g.is_empty()).then_some(g);
                }
                K::Word => {
                    let w = self.w(k);
                    if matches!(w, "he" | "she" | "it" | "they" | "we" | "i") && !self.in_pp(k, r) {
                        return self.resolve(k);
                    }
                    // "as the two countries deepen ties": the pair named before.
                    if self.the_two(k) && !self.in_pp(k.saturating_sub(2), r) {
                        return self.last_pair_before(k);
                    }
                    if matches!(w, "who" | "which")
                        && (k + 1 == t
                            || self.is(k + 1, c::AUXILIARIES)
                            || self.w(k + 1).ends_with("ly"))
                    {
                        return self.regions[r].hint.clone().or_else(|| self.antecedent(k));
                    }
                }
                K::Punct(_) | K::Poss => {}
            }
        }
        self.regions[r].hint.clone().or_else(|| {
            // ", saying …": the subject of the clause before.
            self.previous_subject(r)
        })
    }

    /// Whether a unit is written as an adjective of nationality ("Russian", "Chinese",
    /// "Israeli", "Filipino"): what follows it is a noun it qualifies, never its verb.
    fn adjectival(&self, u: usize) -> bool {
        let unit = &self.units[u];
        if unit.person {
            return false;
        }
        let last = self.text[unit.start..unit.end]
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        last == "german"
            || [
                "ian", "ean", "ese", "ish", "ani", "eli", "aqi", "ino", "ican", "ench", "tch",
            ]
            .iter()
            .any(|s| last.len() > s.len() + 2 && last.ends_with(s))
    }

    /// What a possessive determiner in a cue's object stands for: as `resolve`, but never the
    /// cue's own agent named right before it ("a Ukrainian incursion into its region" is not
    /// Ukraine's region).
    fn owner_other_than(&self, k: usize, cue: &Cue) -> Option<Vec<usize>> {
        let own: Vec<usize> = self
            .modifier(cue.t)
            .or_else(|| self.possessor(cue.t))
            .unwrap_or_default();
        let g = self.resolve(k)?;
        if !g.iter().any(|u| own.contains(u)) {
            return Some(g.into_iter().filter(|x| !self.dropped[*x]).collect());
        }
        let w = self.w(k);
        let first = self.first_tok(&own).unwrap_or(cue.t);
        (0..first).rev().find_map(|j| {
            let u = self.unit_at(j)?;
            let fits = match w {
                "his" | "her" => self.units[u].person,
                "its" => !self.units[u].person,
                _ => true,
            };
            (!self.dropped[u] && fits && !own.contains(&u)).then(|| self.phrase_units(u))
        })
    }

    /// The name a "who" or "which" right after it refers to, past the head noun of its
    /// phrase ("North Korean troops who helped …").
    fn antecedent(&self, who: usize) -> Option<Vec<usize>> {
        let mut k = who;
        for i in 0..3 {
            k = k.checked_sub(1)?;
            let w = self.w(k);
            match self.toks[k].k {
                K::Unit(u) if !self.dropped[u] => return Some(self.group_of(u)),
                // The head noun right before, and a modifier before it ("interim authorities").
                K::Word if STATE_NOUNS.contains(w) || ROLES.contains(w) => {}
                K::Word
                    if i > 0
                        && !self.is_prep(k)
                        && !self.is_verbal(k)
                        && !DETERMINERS.contains(w) => {}
                _ => return None,
            }
        }
        None
    }

    /// "her" before a noun or a name ("talks with her counterpart Sergei Lavrov") owns it; it
    /// is not the object.
    fn possessive_her(&self, k: usize) -> bool {
        self.w(k) == "her"
            && self.toks.get(k + 1).is_some_and(|x| match x.k {
                K::Unit(_) => true,
                K::Word => !self.is_prep(k + 1) && !self.is_verbal(k + 1),
                _ => false,
            })
    }

    /// Where the list a unit's phrase stands in begins ("on the A and the B": a list after a
    /// preposition is in its phrase as a whole).
    fn list_start(&self, u: usize, first: usize) -> usize {
        self.first_tok(&self.group_of(u))
            .map_or(first, |g| g.min(first))
    }

    /// "the minister of X", "officials of X": a name after "of" behind a role word stands for
    /// the person or body the role word names.
    fn of_a_role(&self, first: usize) -> bool {
        let mut k = first;
        while k > 0 && self.is(k - 1, c::DETERMINERS) {
            k -= 1;
        }
        if !(k >= 2 && self.w(k - 1) == "of") {
            return false;
        }
        let head = self.w(k - 2);
        let role = self.is(k - 2, c::ROLES)
            || matches!(
                head,
                "delegation"
                    | "delegations"
                    | "leadership"
                    | "army"
                    | "forces"
                    | "troops"
                    | "military"
                    | "navy"
                    | "people"
                    | "citizens"
                    | "nationals"
                    | "soldiers"
                    | "diplomats"
            );
        // The phrase must open its clause: "The Minister of X met …", not "is a member of X".
        let r = self.region[k - 2];
        let mut j = k - 2;
        while j > 0 && self.region[j - 1] == r {
            j -= 1;
            let w = self.w(j);
            let raw = &self.text[self.toks[j].s..self.toks[j].e];
            if !(self.is(j, c::DETERMINERS)
                || self.is(j, c::ROLES)
                || adjective_like(w)
                || raw.starts_with(|c: char| c.is_uppercase())
                || w == "of")
            {
                return false;
            }
        }
        role
    }

    /// The subject of the clause before region `r` at the same level.
    fn previous_subject(&self, r: usize) -> Option<Vec<usize>> {
        let first = self.region.iter().position(|&x| x == r)?;
        if first == 0 {
            return None;
        }
        // Only for participle clauses and coordinated verbs: ", saying", ", and warned".
        let w = self.w(first + 1);
        let lead = self.w(first);
        // A clause a subordinator opens with no subject of its own ("while visiting Moscow",
        // "while on a trip to Moscow", "after meeting X") is the main subject's.
        let reduced = matches!(
            lead,
            "while" | "whilst" | "when" | "after" | "before" | "since" | "though" | "although"
        ) && (w.ends_with("ing") && !self.is(first + 1, c::DETERMINERS) || w == "on");
        let participle = (matches!(self.toks[first].k, K::Punct(',')) && w.ends_with("ing"))
            || lead.ends_with("ing")
            || reduced
            || (matches!(lead, "and" | "but")
                && (self.is_verbal(first + 1) || self.w(first + 1).ends_with("ed")));
        if !participle {
            return None;
        }
        let prev = self.region[first - 1];
        if matches!(self.regions[prev].kind, Kind::Quote | Kind::Said) {
            return None;
        }
        let start = self.region.iter().position(|&x| x == prev)?;
        // The first group of the previous clause that is not in a PP.
        (start..first).find_map(|k| {
            let u = self.unit_at(k)?;
            if self.dropped[u] || self.region[k] != prev || self.in_pp(k, prev) {
                return None;
            }
            Some(self.group_of(u))
        })
    }

    /// Whether the "in" at `k` names the seat of a government ("the regime in Pyongyang", "the
    /// authorities in Kyiv"): the name after it is the state itself, not a place.
    fn seat_in(&self, k: usize) -> bool {
        self.w(k) == "in"
            && k > 0
            && matches!(
                self.w(k - 1),
                "government" | "governments" | "regime" | "regimes" | "authorities" | "leadership"
            )
    }

    /// Whether the phrase starting at token `first` is the object of a preposition.
    fn in_pp(&self, first: usize, r: usize) -> bool {
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            if self.region[k] != r {
                return false;
            }
            match self.toks[k].k {
                K::Word => {
                    let w = self.w(k);
                    if self.is_prep(k) {
                        // "after Russia invaded …": the word that opened the clause ("At a
                        // meeting …" opens a phrase, not a clause).
                        let opens_region = (k == 0 || self.region[k - 1] != r)
                            && matches!(
                                w,
                                "after" | "before" | "since" | "as" | "until" | "once" | "for"
                            );
                        // "thousands of US troops": a quantity's "of" heads no phrase.
                        let partitive = w == "of" && k > 0 && is_quantity(self.w(k - 1));
                        // "a delegation led by X": the leader stands for the group.
                        let leader =
                            w == "by" && matches!(self.w(k.wrapping_sub(1)), "led" | "headed");
                        return !(w == "as"
                            || w == "including"
                            || opens_region
                            || partitive
                            || leader
                            || self.seat_in(k));
                    }
                    // "with Nato Secretary General X": the words of a title in capitals.
                    let title_word = !self.title_case
                        && self.text[self.toks[k].s..].starts_with(char::is_uppercase);
                    // "a snub to the visiting X": a participle between a determiner and a name.
                    let participle = (w.ends_with("ing") || w.ends_with("ed"))
                        && k > 0
                        && self.is(k - 1, c::DETERMINERS);
                    if self.is(k, c::DETERMINERS)
                        || adjective_like(w)
                        || self.is(k, c::ROLES)
                        || title_word
                        || participle
                    {
                        steps += 1;
                        continue;
                    }
                    return false;
                }
                K::Punct(',') => {
                    // "A, B and C" in a list after a preposition: look past the list; "Like
                    // China, Russia is …" is no list.
                    let end = self
                        .unit_at(first)
                        .and_then(|u| self.phrase_of[u])
                        .map_or(first, |p| self.phrases[p].last);
                    let next = end + 1;
                    if !(matches!(self.w(next), "and" | "or")
                        || matches!(self.toks.get(next).map(|t| t.k), Some(K::Punct(','))))
                    {
                        return false;
                    }
                    steps += 1;
                }
                K::Unit(_) | K::Poss => steps += 1,
                // "With the North Korea-Russia summit": names joined by a hyphen.
                K::Punct('-' | '–' | '/') if !self.is_dash(k) => steps += 1,
                K::Punct(_) => return false,
            }
        }
        false
    }

    /// What a pronoun stands for: in what someone said, the speaker (first person always;
    /// third person when no name came before it there); elsewhere the subject of the
    /// sentence's first clause.
    fn resolve(&self, k: usize) -> Option<Vec<usize>> {
        let w = self.w(k);
        let r = self.region[k];
        let mut region = Some(r);
        while let Some(q) = region {
            if let Some(s) = &self.regions[q].speaker {
                if self.is(k, c::FIRST_PERSON) {
                    return Some(s.clone());
                }
                // A spokesperson speaks of others: "she" is not the spokesperson. An object
                // pronoun after a verb cannot be that verb's own subject named before it ("X said
                // Y was trying to isolate it").
                let named_before = (0..k).any(|j| self.region[j] == q && self.unit_at(j).is_some());
                let object = matches!(w, "it" | "him" | "her" | "them" | "us")
                    && k > 0
                    && (self.is_verbal(k - 1)
                        || LEXICON
                            .get(self.w(k - 1))
                            .is_some_and(|es| es.iter().any(|e| e.pos == Pos::Verb)));
                if s.iter().any(|&u| self.is_spokesperson(u)) {
                    // A spokesperson relays: "she" is someone the sentence does not name.
                    return None;
                }
                if !named_before || object {
                    return Some(s.clone());
                }
                break;
            }
            region = self.regions[q].parent;
        }
        if self.is(k, c::FIRST_PERSON) {
            return None;
        }
        // A possessive stands for the nearest name before it that fits ("Tillerson, over his
        // relationship").
        if matches!(w, "his" | "her" | "its" | "their") {
            // "He is due to meet X during his visit": the subject pronoun of the same person
            // is the owner, named or not.
            let subject = match w {
                "his" => "he",
                "her" => "she",
                "its" => "it",
                _ => "they",
            };
            if let Some(j) = (0..k).find(|&j| self.w(j) == subject) {
                return self.resolve(j);
            }
            let fits = |u: usize| match w {
                "his" | "her" => self.units[u].person,
                "its" => !self.units[u].person,
                _ => true,
            };
            // One owner: a phrase, not the list it stands in ("their" may own for a list).
            return (0..k).rev().find_map(|j| {
                let u = self.unit_at(j)?;
                (!self.dropped[u] && fits(u)).then(|| {
                    if w == "their" {
                        self.group_of(u)
                    } else {
                        self.phrase_units(u)
                    }
                })
            });
        }
        // Third person outside speech: the first subject of the sentence before it.
        (0..k).find_map(|j| {
            let u = self.unit_at(j)?;
            if self.dropped[u] || self.in_pp(j, self.region[j]) {
                return None;
            }
            // A subject comes before its clause's verb ("placate the U.S., which …" has the
            // U.S. as an object).
            let r = self.region[j];
            let start = (0..j)
                .rev()
                .find(|&x| self.region[x] != r)
                .map_or(0, |x| x + 1);
            if (start..j).any(|x| self.is_verbal(x) || self.w(x).ends_with("ed")) {
                return None;
            }
            let person = self.units[u].person;
            let fits = match w {
                "he" | "him" | "his" | "she" | "her" => person,
                "it" | "its" => !person,
                _ => true,
            };
            fits.then(|| self.group_of(u))
        })
    }

    // ------------------------------------------------------------------------------------
    // Frames.

    fn frames(&self) -> Vec<Frame> {
        let mut frames: Vec<Frame> = Vec::new();
        let mut consumed = vec![false; self.cues.len()];
        for i in 0..self.cues.len() {
            if consumed[i] {
                continue;
            }
            let cue = &self.cues[i];
            let r = self.region[cue.t];
            if let Some(f) = self.frame(i, &mut consumed, &mut frames) {
                let _ = r;
                frames.push(f);
            }
        }
        self.demanded_hostility(&mut frames);
        self.helped_fighting(&mut frames);
        frames
    }

    /// "troops who helped Russia repel a Ukrainian incursion", "is helping Russia against
    /// Ukraine": helping one side in the fighting itself makes the helper a party to it, in
    /// conflict with the other side (backing a war from afar does not: that is `Op::Support`).
    fn helped_fighting(&self, frames: &mut Vec<Frame>) {
        let mut extra = Vec::new();
        for h in frames.iter() {
            if h.noun
                || h.category != Some(Category::Aid)
                || h.tone != Tone::Cooperation
                || h.agents.is_empty()
                || h.targets.is_empty()
                || !matches!(self.w(h.at), w if w.starts_with("help") || w.starts_with("assist"))
            {
                continue;
            }
            // The helped side's phrase, then "(to) repel", "fight", "against".
            let Some(end) = h.targets.iter().filter_map(|&u| self.tok_of(u)).max() else {
                continue;
            };
            let mut k = end + 1;
            if self.w(k) == "to" {
                k += 1;
            }
            if !self.is(k, c::FIGHTING) || self.region[k] != h.region {
                continue;
            }
            for g in frames.iter() {
                if g.tone != Tone::Conflict || g.at < k || g.at > k + 8 || g.region != h.region {
                    continue;
                }
                let helped = |x: &[usize]| x.iter().any(|u| h.targets.contains(u));
                let other: Vec<usize> = if helped(&g.agents) {
                    g.targets.clone()
                } else if helped(&g.targets) || (g.at == k && g.targets.is_empty()) {
                    g.agents.clone()
                } else if g.agents.is_empty() {
                    // "helped Russia repel a Ukrainian incursion": the event's own side.
                    self.modifier(g.at).unwrap_or_default()
                } else {
                    continue;
                };
                let other: Vec<usize> = other
                    .into_iter()
                    .filter(|u| !h.agents.contains(u) && !h.targets.contains(u))
                    .collect();
                if other.is_empty() {
                    continue;
                }
                extra.push(Frame {
                    agents: h.agents.clone(),
                    targets: other,
                    explicit_agent: true,
                    mutual: false,
                    tone: Tone::Conflict,
                    category: g.category,
                    cue: g.cue,
                    region: h.region,
                    noun: false,
                    at: g.at,
                    speaker_party: h.speaker_party,
                });
                break;
            }
        }
        frames.extend(extra);
    }

    /// "X urged Moscow to join the efforts to sanction Pyongyang", "demands raised by X to cut
    /// off supplies to Y": asking others for a hostile act toward Y is hostility of one's own
    /// toward Y (asking them to stop one is no hostile act: its tone is turned already).
    fn demanded_hostility(&self, frames: &mut Vec<Frame>) {
        let mut extra = Vec::new();
        let mut unowned = Vec::new();
        for f in frames.iter() {
            let Some(cue) = self.cues.iter().find(|c| c.t == f.at) else {
                continue;
            };
            let demand = cue.entry.op == Op::Demand || cue.entry.category == Some(Category::Demand);
            if !demand || f.agents.is_empty() {
                continue;
            }
            // "the demands raised by X to cut off …": who is to act is not named.
            let noun_to = cue.entry.pos == Pos::Noun
                && (cue.last + 1..(cue.last + 10).min(self.toks.len())).any(|k| self.w(k) == "to");
            for g in frames.iter() {
                if g.region != f.region
                    || g.at <= cue.last
                    || g.at > cue.last + 13
                    || g.tone != Tone::Conflict
                {
                    continue;
                }
                let targets: Vec<usize> = g
                    .targets
                    .iter()
                    .copied()
                    .filter(|u| !f.agents.contains(u) && !f.targets.contains(u))
                    .collect();
                if targets.is_empty() {
                    continue;
                }
                if noun_to && !g.explicit_agent {
                    unowned.push(g.at);
                }
                extra.push(Frame {
                    agents: f.agents.clone(),
                    targets,
                    explicit_agent: f.explicit_agent,
                    mutual: false,
                    tone: Tone::Conflict,
                    category: g.category,
                    cue: g.cue,
                    region: g.region,
                    noun: g.noun,
                    at: g.at,
                    speaker_party: f.speaker_party,
                });
                break;
            }
        }
        // "Britain urges India and Pakistan to talk": the urged event is not theirs yet.
        let mut urged: Vec<usize> = Vec::new();
        for f in frames.iter() {
            let Some(cue) = self.cues.iter().find(|c| c.t == f.at) else {
                continue;
            };
            if cue.entry.op != Op::Demand || f.targets.is_empty() {
                continue;
            }
            for g in frames.iter() {
                if g.region == f.region
                    && g.at > cue.last
                    && g.at <= cue.last + 8
                    && !g.agents.is_empty()
                    && g.agents.iter().all(|u| f.targets.contains(u))
                {
                    urged.push(g.at);
                }
            }
        }
        for g in frames.iter_mut() {
            if unowned.contains(&g.at) {
                g.agents.clear();
                g.explicit_agent = true;
            }
            if urged.contains(&g.at) {
                g.tone = Tone::Neutral;
            }
        }
        // What the sentence says of how they stand ("urging X and Y to talk over their soaring
        // tensions") goes before the urged event.
        let (mut stated, later): (Vec<Frame>, Vec<Frame>) =
            frames.drain(..).partition(|g| !urged.contains(&g.at));
        stated.extend(later);
        *frames = stated;
        frames.extend(extra);
    }

    /// The frame of cue `i`, applying its operator to an event named in its object. Inner
    /// frames found on the way are pushed to `out`.
    fn frame(&self, i: usize, consumed: &mut [bool], out: &mut Vec<Frame>) -> Option<Frame> {
        let cue = &self.cues[i];
        let e = cue.entry;
        let r = self.region[cue.t];
        if let Some(f) = self.despite(cue, r) {
            return Some(f);
        }
        let (agents, explicit, passive_target) = self.agents(cue, r);
        // "Seoul protested to Moscow over the treaty with Pyongyang": an event named as what
        // another act is about is not the subject's, and says nothing without its own agent.
        if e.pos == Pos::Noun && !explicit && self.topic_of_an_act(cue, r) {
            return None;
        }
        let mut targets = passive_target.unwrap_or_default();
        // The inner event an operator governs, and whether a target came first.
        let op = self.effective_op(i);
        let inner = (op != Op::Plain).then(|| self.inner_cue(i)).flatten();
        // "vowed to defeat X", "promised to drive X out": a pledge of an act the lexicon does
        // not know says nothing of the pledger's stance toward X (a pledge to X stays one).
        // "A and B agreed to share intelligence on X": the agreement is between A and B.
        let to_act = inner.is_none() && e.pos == Pos::Verb && self.infinitive_after(cue);
        if to_act && e.op == Op::Support {
            return None;
        }
        // "agreed (on Tuesday) to resume talks": the event agreed on carries the relation.
        if e.category == Some(Category::Agree)
            && e.pos == Pos::Verb
            && e.op == Op::Plain
            && self.event_to_follow(cue, r)
        {
            return None;
        }
        // A cessation read from the noun's object ("pull out of the Iran deal", "restrictions
        // on Chinese exports"): the names there are the inner event's.
        let (object, with, directed) = if op != e.op || to_act {
            (Vec::new(), false, false)
        } else {
            self.targets(cue, r, inner.map(|j| self.cues[j].t))
        };
        targets.extend(object.iter().copied());
        // "Kyiv, which Moscow accuses of shelling the plant": the object of a verb in an
        // object relative is the name the clause hangs on.
        if targets.is_empty()
            && e.pos == Pos::Verb
            && e.object
            && let Some(g) = self.object_relative(cue, r)
            && !g.iter().any(|u| agents.contains(u))
        {
            targets = g;
        }
        let mut cue_span = (
            cue.neg.map_or(self.toks[cue.t].s, |n| n.0),
            self.toks[cue.last].e,
        );
        let mut tone = e.tone;
        let mut category = e.category;
        // "with X" makes a partner: "visited the exhibition with X"; "war against X" is one
        // side's.
        let mut mutual = with || e.reciprocal && !directed;
        // "discussed a possible nuclear test by X": without "with", a name in what is talked
        // about is spoken of, not talked with.
        if e.pos == Pos::Verb && !with && !targets.is_empty() && TALK_VERBS.contains(&self.w(cue.t))
        {
            tone = Tone::Neutral;
            category = None;
            mutual = false;
        }
        // "the Pakistan-India nuclear threat", "the US-China trade war": two names joined
        // before an event noun are its two sides.
        let joined_sides = targets.is_empty()
            && e.pos == Pos::Noun
            && agents.len() >= 2
            && self.modifier(cue.t).is_some_and(|g| g.len() >= 2);
        mutual |= joined_sides;

        if let Some(j) = inner
            && targets.is_empty()
        {
            consumed[j] = true;
            let inner_cue = &self.cues[j];
            // The inner event's own participants: explicit agents only for nouns and gerunds
            // under a stance ("against imposing sanctions on X" has no agent of its own); the
            // controller for refusals and denials.
            let mut f = self.frame(j, consumed, out)?;
            if matches!(op, Op::Oppose | Op::Support | Op::Cease) && !f.explicit_agent {
                f.agents.clear();
            }
            // ("denied that X's troops were fighting": a clause after "that" has its own subject.)
            let own_clause = self.w(cue.last + 1) == "that" && !f.agents.is_empty();
            if matches!(op, Op::Refuse | Op::Deny)
                && (f.agents.is_empty() || !f.explicit_agent)
                && !own_clause
            {
                f.agents = agents.clone();
            }
            cue_span = (cue_span.0.min(f.cue.0), cue_span.1.max(f.cue.1));
            match op {
                Op::Oppose | Op::Support | Op::Cease => {
                    let toward_agent =
                        f.explicit_agent && !f.agents.is_empty() && f.agents != agents;
                    let turn = op != Op::Support;
                    if toward_agent {
                        // "Z supports X's war on Y": Z sides with X, not against Y.
                        let t = if turn {
                            Tone::Conflict
                        } else {
                            Tone::Cooperation
                        };
                        let c = if turn {
                            Category::Disapprove
                        } else {
                            Category::Support
                        };
                        // "X's war on Y" stays X's on Y; an event with no other side ("the
                        // Iran deal" one pulls out of) is this one's only.
                        if !f.targets.is_empty() {
                            out.push(f.clone());
                        }
                        return Some(Frame {
                            agents,
                            targets: f.agents,
                            explicit_agent: explicit,
                            mutual: false,
                            tone: self.polarity(cue, t, r),
                            category: Some(c),
                            cue: cue_span,
                            region: r,
                            noun: e.pos == Pos::Noun,
                            at: cue.t,
                            speaker_party: false,
                        });
                    }
                    // "against imposing sanctions on X": the stance carries to X.
                    let t = if turn { flip(f.tone) } else { f.tone };
                    let c = match (op, t) {
                        (Op::Support, _) => f.category,
                        (Op::Cease, Tone::Cooperation) => Some(Category::Concede),
                        (Op::Cease, _) => Some(Category::Sanction),
                        (_, Tone::Cooperation) => Some(Category::Support),
                        (_, _) => Some(Category::Reject),
                    };
                    // "A and B pledged to coordinate": what they pledge together is mutual.
                    let mutual = op == Op::Support && f.mutual && f.targets.is_empty();
                    return Some(Frame {
                        agents,
                        targets: f.targets,
                        explicit_agent: explicit,
                        mutual,
                        tone: self.polarity(cue, t, r),
                        category: c,
                        cue: cue_span,
                        region: r,
                        noun: e.pos == Pos::Noun,
                        at: cue.t,
                        speaker_party: false,
                    });
                }
                Op::Refuse => {
                    let t = match f.tone {
                        Tone::Cooperation => Tone::Conflict,
                        _ => Tone::Neutral,
                    };
                    // "A and B failed to reach a deal": a failure between the two.
                    // ("refused talks with X" is one side's act.)
                    let mutual =
                        f.targets.is_empty() && f.agents.len() >= 2 && inner_cue.entry.reciprocal;
                    return Some(Frame {
                        tone: t,
                        category: Some(Category::Reject),
                        cue: cue_span,
                        mutual,
                        ..f
                    });
                }
                Op::Deny => {
                    return Some(Frame {
                        tone: Tone::Neutral,
                        cue: cue_span,
                        ..f
                    });
                }
                Op::Demand | Op::Plain => {
                    out.push(f);
                }
            }
        }
        // "halt fuel supplies", "stop the attacks", "cut off aid to X": an end of the event.
        if op == Op::Plain
            && matches!(e.pos, Pos::Noun | Pos::Verb)
            && let Some(k) = self.cessation_before(cue)
        {
            cue_span.0 = cue_span.0.min(self.toks[k].s);
            tone = flip(tone);
            category = match tone {
                Tone::Cooperation => Some(Category::Concede),
                Tone::Conflict => Some(Category::Sanction),
                Tone::Neutral => category,
            };
        }
        // "the talks between X and Y collapsed": a meeting or an agreement that came to
        // nothing is a failure between them, not cooperation.
        if op == Op::Plain
            && e.pos == Pos::Noun
            && tone == Tone::Cooperation
            && matches!(category, Some(Category::Consult | Category::Agree))
            && let Some((v, k)) = self.breakdown_after(cue)
        {
            // The verb says why; the noun's names lie between the two.
            cue_span = (self.toks[v].s, self.toks[k].e);
            tone = Tone::Conflict;
            category = Some(Category::Reject);
        }
        if op == Op::Demand {
            // "urged Y to …": an appeal to Y, a demand when it asks Y to stop.
            let stop = (cue.last + 1..(cue.last + 8).min(self.toks.len()))
                .any(|k| self.is(k, c::CESSATION) || self.w(k) == "withdraw");
            // An appeal is cooperation; asking someone to stop something is a demand.
            tone = if stop {
                Tone::Conflict
            } else {
                Tone::Cooperation
            };
            // The object then acts in the clause after "to".
            category = Some(Category::Demand);
        }
        if e.category.is_none()
            || matches!(
                self.w(cue.t),
                "ties" | "relations" | "relationship" | "relationships"
            )
        {
            // A relation noun takes its tone from what is said of it.
            let (t, c) = self.relation_tone(cue);
            tone = t;
            category = c;
        }
        if mutual && (targets.is_empty() && agents.len() < 2 || self.between_after(cue, r)) {
            // "talks between A and B", "the A-B summit": the pair within one group.
            if let Some(g) = self.between(cue, r) {
                return Some(Frame {
                    agents: g,
                    targets: Vec::new(),
                    explicit_agent: true,
                    mutual: true,
                    tone: self.polarity(cue, tone, r),
                    category,
                    cue: cue_span,
                    region: r,
                    noun: e.pos == Pos::Noun,
                    at: cue.t,
                    speaker_party: false,
                });
            }
        }
        if !e.reciprocal && !joined_sides && targets.is_empty() && agents.len() >= 2 {
            mutual = false;
        }
        let (agents, mut targets) = if e.reverse {
            (targets, agents)
        } else {
            (agents, targets)
        };
        let polar = self.polarity(cue, tone, r);
        if polar != tone && cue.neg.is_some() {
            // A refusal is one side's act: "refused to cooperate with X"; "A and B could not
            // agree" is a failure between the two.
            mutual = mutual && targets.is_empty() && agents.len() >= 2;
            if polar == Tone::Conflict {
                category = Some(Category::Reject);
            }
        }
        // "threatened to retaliate if Y goes ahead": a warning names its target in the
        // condition.
        if targets.is_empty()
            && matches!(category, Some(Category::Threaten | Category::Assault))
            && let Some(g) = self.condition_subject(r)
        {
            targets = g;
        }
        // What a speaker says of an event with nobody acting: the speaker takes part ("X said
        // the confrontation with Y had reached a dangerous point").
        let mut speaker_party = false;
        // An agent written but not named ("the West's sanctions") is not the speaker.
        let (agents, explicit) = if agents.is_empty() && !targets.is_empty() && !explicit {
            match self.speaker_of(r) {
                Some(g) if !g.iter().any(|u| targets.contains(u)) => {
                    speaker_party = true;
                    (g, true)
                }
                _ => (agents, explicit),
            }
        } else {
            (agents, explicit)
        };
        // "from X" gives the agent of a delivery written without one ("missiles shipped from X
        // to Y").
        let (agents, explicit) =
            if agents.is_empty() && e.category == Some(Category::Aid) && !e.reverse {
                match self.group_after_from(cue, r) {
                    Some(g) => (g, true),
                    None => (agents, explicit),
                }
            } else {
                (agents, explicit)
            };
        Some(Frame {
            agents,
            targets,
            explicit_agent: explicit,
            mutual,
            tone: polar,
            category,
            cue: cue_span,
            region: r,
            noun: e.pos == Pos::Noun,
            at: cue.t,
            speaker_party,
        })
    }

    /// "went ahead despite (repeated) warnings from X", "despite X's protests", "in defiance
    /// of X's sanctions": X's hostile act is aimed at the one who acts despite it, the
    /// clause's subject.
    fn despite(&self, cue: &Cue, r: usize) -> Option<Frame> {
        let e = cue.entry;
        if e.pos != Pos::Noun || e.tone != Tone::Conflict || e.agentive || cue.neg.is_some() {
            return None;
        }
        let mut k = cue.t;
        let mut steps = 0;
        let despite = loop {
            let j = k.checked_sub(1)?;
            k = j;
            let w = self.w(k);
            if w == "despite" || w == "ignoring" {
                break true;
            }
            if w == "of" && self.w(k.wrapping_sub(1)) == "defiance" {
                break true;
            }
            let qualifier = self.is(k, c::DETERMINERS)
                || adjective_like(w)
                || w.ends_with("ed")
                || self.toks[k].k == K::Poss
                || self.unit_at(k).is_some();
            steps += 1;
            if !qualifier || steps > 5 {
                break false;
            }
        };
        if !despite || self.region[k] != r {
            return None;
        }
        let from = || {
            (cue.last + 1..(cue.last + 3).min(self.toks.len()))
                .find(|&j| matches!(self.w(j), "from" | "by"))
                .and_then(|j| self.np_group(j + 1, r))
        };
        let agents = self
            .possessor(cue.t)
            .or_else(|| self.modifier(cue.t))
            .or_else(from)?;
        // ("blamed X for going ahead … despite warnings from Y": the one said to go ahead,
        // the nearest name before, when the clause's subject is none.)
        let subject = self.clause_subject(r).or_else(|| {
            (k.saturating_sub(25)..k).rev().find_map(|j| {
                let u = self.unit_at(j)?;
                (self.region[j] == r && !self.dropped[u] && !self.is_place(j))
                    .then(|| self.group_of(u))
            })
        })?;
        if subject.iter().any(|u| agents.contains(u)) {
            return None;
        }
        Some(Frame {
            agents,
            targets: subject,
            explicit_agent: true,
            mutual: false,
            tone: self.polarity(cue, Tone::Conflict, r),
            category: e.category,
            cue: (self.toks[cue.t].s, self.toks[cue.last].e),
            region: r,
            noun: true,
            at: cue.t,
            speaker_party: false,
        })
    }

    /// The operator a cue applies: its own, or cessation and refusal words before it that
    /// the lexicon does not hold ("halt fuel supplies").
    fn effective_op(&self, i: usize) -> Op {
        let e = self.cues[i].entry;
        if e.op == Op::Plain && self.restricted_trade(i).is_some() {
            // "restrictions on exports to X", "a ban on arms sales to X": an end of the trade.
            return Op::Cease;
        }
        if e.op == Op::Plain && self.left_agreement(i).is_some() {
            // "pulled out of the Iran nuclear deal", "withdrew from the treaty": an end of it.
            return Op::Cease;
        }
        if e.op == Op::Plain && self.rejected_cooperation(i).is_some() {
            // "rejected talks with X", "rebuffed an offer of aid": a refusal of it.
            return Op::Refuse;
        }
        e.op
    }

    /// The cooperation a rejection verb takes as its object: "rejected (the) talks with X",
    /// "rebuffed a new deal". (Rejecting a hostile act keeps its own reading: "rejected the
    /// demands of X" is conflict with X.)
    fn rejected_cooperation(&self, i: usize) -> Option<usize> {
        let cue = &self.cues[i];
        let e = cue.entry;
        if e.pos != Pos::Verb || e.category != Some(Category::Reject) || !e.object {
            return None;
        }
        let mut k = cue.last + 1;
        let mut steps = 0;
        while steps < 3 && (self.is(k, c::DETERMINERS) || adjective_like(self.w(k))) {
            k += 1;
            steps += 1;
        }
        let j = self.cues.iter().position(|c| c.t == k)?;
        let inner = self.cues[j].entry;
        (inner.tone == Tone::Cooperation
            && inner.pos == Pos::Noun
            && self.region[k] == self.region[cue.t])
            .then_some(j)
    }

    /// The agreement or partnership a withdrawal leaves: "pull out of the Iran nuclear deal",
    /// "withdrew from the treaty with X".
    fn left_agreement(&self, i: usize) -> Option<usize> {
        let cue = &self.cues[i];
        if cue.entry.category != Some(Category::Retreat)
            || !matches!(self.w(cue.last + 1), "of" | "from")
        {
            return None;
        }
        let r = self.region[cue.t];
        for k in cue.last + 2..(cue.last + 7).min(self.toks.len()) {
            if self.region[k] != r || matches!(self.toks[k].k, K::Punct(_)) || self.is_prep(k) {
                return None;
            }
            if let Some(j) = self.cues.iter().position(|c| c.t == k) {
                let c = self.cues[j].entry.category;
                return matches!(
                    c,
                    Some(Category::Agree | Category::Cooperate | Category::Support)
                )
                .then_some(j);
            }
        }
        None
    }

    /// The trade or aid that a sanction noun restricts: "restrictions on (technology) exports",
    /// "a ban on arms sales", "curbs on shipments".
    fn restricted_trade(&self, i: usize) -> Option<usize> {
        let cue = &self.cues[i];
        if cue.entry.category != Some(Category::Sanction)
            || cue.entry.pos != Pos::Noun
            || !matches!(self.w(cue.last + 1), "on" | "against")
        {
            return None;
        }
        let r = self.region[cue.t];
        for k in cue.last + 2..(cue.last + 6).min(self.toks.len()) {
            if self.region[k] != r || self.toks[k].k != K::Word || self.is_prep(k) {
                return None;
            }
            if let Some(j) = self.cues.iter().position(|c| c.t == k) {
                let c = self.cues[j].entry.category;
                return matches!(c, Some(Category::Aid | Category::Cooperate)).then_some(j);
            }
        }
        None
    }

    /// The first cue after cue `i` in its object (same clause, before a name that would be
    /// its object), which its operator governs.
    fn inner_cue(&self, i: usize) -> Option<usize> {
        if self.cues[i].entry.op == Op::Plain {
            return self
                .restricted_trade(i)
                .or_else(|| self.left_agreement(i))
                .or_else(|| self.rejected_cooperation(i));
        }
        let cue = &self.cues[i];
        let r = self.region[cue.t];
        let limit = (cue.last + 9).min(self.toks.len());
        // The event must head the object: "against imposing sanctions", "back Moscow's
        // offensive", "halt fuel supplies"; not a word deep inside it ("welcomed the arrival of
        // a delegation sent by X").
        let control = matches!(cue.entry.op, Op::Refuse | Op::Deny | Op::Demand);
        for k in cue.last + 1..limit {
            if self.region[k] != r {
                if self.nested_in(self.region[k], r) {
                    continue;
                }
                return None;
            }
            if let Some(j) = self.cues.iter().position(|c| c.t == k) {
                // "cede land occupied by X": a participle after a noun says what the noun
                // underwent; it is not the event refused.
                let reduced = control
                    && k > cue.last + 1
                    && self.w(k).ends_with("ed")
                    && self.w(self.cues[j].last + 1) == "by"
                    && self.toks[k - 1].k == K::Word
                    && !self.is(k - 1, c::AUXILIARIES | c::BE)
                    && self.w(k - 1) != "to";
                return (!reduced).then_some(j);
            }
            // "refuses to cede …": a verb of its own after "to" is the event refused.
            if control
                && k > cue.last + 1
                && self.w(k - 1) == "to"
                && self.toks[k].k == K::Word
                && (self.is(k, c::VERBS) || self.lex(k).is_none())
                && !self.is(k, c::DETERMINERS)
                && !adjective_like(self.w(k))
                && !self.w(k).ends_with("ly")
                && !matches!(self.w(k), "further" | "even" | "ever" | "all" | "any")
            {
                return None;
            }
            match self.toks[k].k {
                K::Unit(_) | K::Poss => {
                    // "X's war": the possessor belongs to the inner event; keep looking.
                }
                K::Punct(',' | ';' | ':' | '.') => return None,
                K::Word => {
                    let w = self.w(k);
                    // A hyphenated compound ("all-round", "long-range") modifies the noun after it.
                    let modifier = self.is(k, c::DETERMINERS)
                        || adjective_like(w)
                        || self.is(k, c::LIGHT)
                        || w.ends_with("ly")
                        || w.contains('-')
                        || matches!(
                            w,
                            "to" | "all"
                                | "any"
                                | "further"
                                | "fresh"
                                | "new"
                                | "its"
                                | "their"
                                | "his"
                                | "her"
                                | "of"
                        )
                        // "vetoed a resolution condemning X", "opposed a draft imposing
                        // sanctions on X": the text that carries the event.
                        || matches!(
                            w,
                            "resolution"
                                | "resolutions"
                                | "draft"
                                | "bill"
                                | "motion"
                                | "proposal"
                                | "adoption"
                                | "on"
                        );
                    if !modifier && !control {
                        return None;
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// A word ending the event named by the cue right after it: "halt (its) fuel supplies",
    /// "stop supplying", "cut off aid".
    fn cessation_before(&self, cue: &Cue) -> Option<usize> {
        let mut k = cue.t;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            k -= 1;
            if self.region[k] != self.region[cue.t] {
                return None;
            }
            let w = self.w(k);
            if self.is(k, c::CESSATION)
                && !matches!(
                    w,
                    "freeze" | "froze" | "frozen" | "block" | "blocked" | "blocking"
                )
                && self.cue_at(k).is_none()
            {
                return Some(k);
            }
            // "cut off crude oil supplies": the words of a compound noun.
            let noun_word = self.toks[k].k == K::Word
                && !w.is_empty()
                && !self.is_prep(k)
                && !self.is_verbal(k)
                && !NEGATIONS.contains(w);
            if matches!(w, "off" | "back" | "down")
                || self.is(k, c::DETERMINERS)
                || adjective_like(w)
                || noun_word
                || self.toks[k].k == K::Poss
            {
                steps += 1;
                continue;
            }
            if self.unit_at(k).is_some() && self.toks.get(k + 1).is_some_and(|x| x.k == K::Poss) {
                steps += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The verb that says a noun cue came to nothing, when the noun is its subject: "the talks
    /// (between X and Y) collapsed", "negotiations with X have stalled", "the deal fell
    /// through". The verb's first and last tokens.
    fn breakdown_after(&self, cue: &Cue) -> Option<(usize, usize)> {
        let r = self.region[cue.t];
        let end = (cue.last + 12).min(self.toks.len());
        let mut k = cue.last + 1;
        while k < end && self.region[k] == r {
            if self.is(k, c::BREAKDOWN) {
                let next = self.w(k + 1);
                return match self.w(k) {
                    "broke" => (next == "down" || next == "off").then_some((k, k + 1)),
                    "fell" => (next == "apart" || next == "through").then_some((k, k + 1)),
                    _ => Some((k, k)),
                };
            }
            // ("broken down" after an auxiliary; "ended without a deal".)
            if self.w(k) == "broken" && self.w(k + 1) == "down"
                || matches!(self.w(k), "end" | "ends" | "ended") && self.w(k + 1) == "without"
            {
                return Some((k, k + 1));
            }
            match self.toks[k].k {
                K::Unit(_) | K::Poss => {}
                K::Punct(',' | '.' | ';' | ':') => return None,
                K::Punct(_) => {}
                K::Word => {
                    // The noun's own phrase ("with X", "between A and B", "over its nuclear
                    // programme") and auxiliaries; any other verb ends the search.
                    if self.cue_at(k).is_some()
                        || self.is(k, c::RELATIVES | c::SUBORDINATORS)
                        || (self.is_verbal(k) && !self.is(k, c::AUXILIARIES | c::BE))
                    {
                        return None;
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// Tone after negation and supposition.
    fn polarity(&self, cue: &Cue, tone: Tone, r: usize) -> Tone {
        if self.is_hypothetical(r) {
            return Tone::Neutral;
        }
        match cue.neg {
            None => tone,
            Some((_, kind)) => match tone {
                Tone::Conflict | Tone::Neutral => Tone::Neutral,
                Tone::Cooperation => {
                    let stance = matches!(
                        cue.entry.category,
                        Some(Category::Support | Category::Agree | Category::Cooperate)
                    );
                    if kind != Negation::Plain || stance {
                        Tone::Conflict
                    } else {
                        Tone::Neutral
                    }
                }
            },
        }
    }

    fn is_hypothetical(&self, r: usize) -> bool {
        let mut q = Some(r);
        while let Some(x) = q {
            if self.regions[x].hypothetical {
                return true;
            }
            q = self.regions[x].parent;
        }
        false
    }

    /// The tone of a relation noun: "closer ties" is cooperation, "strained ties" conflict,
    /// "ties" alone neutral.
    fn relation_tone(&self, cue: &Cue) -> (Tone, Option<Category>) {
        // Before the noun ("closer ties", "severed relations"), then in a predicate after it
        // ("relations … remain strained", "ties have soured").
        let after = (cue.last + 1..(cue.last + 9).min(self.toks.len())).take_while(|&k| {
            !matches!(self.toks[k].k, K::Punct(',' | ';' | ':' | '.'))
                && self.region[k] == self.region[cue.t]
        });
        let after: Vec<usize> = after.collect();
        let predicate = after
            .iter()
            .position(|&k| self.is(k, c::BE) || matches!(self.w(k), "have" | "has" | "had"));
        let words = (cue.t.saturating_sub(5)..cue.t)
            .chain(predicate.map_or(Vec::new(), |p| after[p..].to_vec()));
        for k in words {
            if self.is(k, c::LOWER) {
                return (Tone::Conflict, Some(Category::Disapprove));
            }
            if self.is(k, c::RAISE) {
                return (Tone::Cooperation, Some(Category::Cooperate));
            }
        }
        (Tone::Neutral, None)
    }

    /// The agents of a cue, whether they were written explicitly, and (for a passive or a
    /// victim verb) the subject that suffers the event.
    fn agents(&self, cue: &Cue, r: usize) -> (Vec<usize>, bool, Option<Vec<usize>>) {
        let e = cue.entry;
        let t = cue.t;
        // "by X" after the cue: the agent of a passive or of a noun ("sanctions by X").
        let by = self.by_agent(cue, r);
        match e.pos {
            Pos::Noun => {
                if e.agentive {
                    // "China, North Korea's patron": the noun's referent is the agent, the
                    // possessor (or "of" whom, or the name qualifying it) the other party.
                    let other = self.possessor(t).or_else(|| self.modifier(t)).or_else(|| {
                        (self.w(cue.last + 1) == "of")
                            .then(|| self.np_group(cue.last + 2, r))
                            .flatten()
                    });
                    // "The U.S. and its NATO allies …": the noun inside its own referent's
                    // list names neither its owner nor the name that qualifies it.
                    let own: Vec<usize> = other
                        .iter()
                        .flatten()
                        .chain(self.modifier(t).iter().flatten())
                        .copied()
                        .collect();
                    let referent: Vec<usize> = self
                        .referent(cue, r)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|u| !own.contains(u))
                        .collect();
                    return (referent, true, other);
                }
                if let Some(g) = self.possessor(t).or_else(|| self.modifier(t)) {
                    return (g, true, None);
                }
                if self.common_possessor(t) {
                    // "the West's sanctions": the agent is written, and is none of the names.
                    return (Vec::new(), true, None);
                }
                if let Some(g) = by {
                    return (g, true, None);
                }
                // "the sanctions, which Washington imposed on Moscow": the subject of a
                // relative clause whose light verb takes the noun as its object.
                if let Some((g, _)) = self.relative_light(cue) {
                    return (g, true, None);
                }
                if let Some(g) = self.agent_after_from(cue, r) {
                    return (g, true, None);
                }
                if let Some(g) = self.involved_in(cue, r) {
                    return (g, true, None);
                }
                // The verb that governs the noun.
                match self.governor(t) {
                    // "Putin and Xi discussed the war in Ukraine": talking of a hostile act is
                    // not committing it (talking of cooperation is taking part in it).
                    Some((_, Governor::Light)) if e.tone == Tone::Conflict && self.discussed(t) => {
                        (Vec::new(), false, None)
                    }
                    Some((v, Governor::Light)) => {
                        let (g, _, passive) = self.verb_agents(v, r, by);
                        (g, false, passive)
                    }
                    Some((v, Governor::Victim)) => {
                        let subject = self.subject_before(v, r).unwrap_or_default();
                        // "Seoul faces rising tensions with Pyongyang": one side of a mutual
                        // event suffers it as the other does; it is a party, not its target.
                        if e.reciprocal {
                            return (subject, false, None);
                        }
                        (Vec::new(), false, Some(subject))
                    }
                    Some((_, Governor::Copula)) => (Vec::new(), false, None),
                    Some((_, Governor::Setting)) => {
                        // "after talks with X": the clause's subject took part.
                        let g = self.clause_subject(r).unwrap_or_default();
                        (g, false, None)
                    }
                    None => {
                        // In the predicate of a clause ("expressed willingness to beef up
                        // communication with X"): the clause's subject.
                        let verb_before = (0..t).any(|k| self.region[k] == r && self.is_verbal(k));
                        // In a clause with no verb after a subordinator ("while on a trip to
                        // X"): the main clause's subject.
                        let g = if verb_before {
                            self.clause_subject(r).unwrap_or_default()
                        } else {
                            self.previous_subject(r).unwrap_or_default()
                        };
                        (g, false, None)
                    }
                }
            }
            Pos::Verb => self.verb_agents(t, r, by),
            Pos::Adj | Pos::Prep => {
                // "X has been against …", "X is hostile to Y".
                let g = self.subject_before(t, r).unwrap_or_default();
                (g, false, None)
            }
        }
    }

    fn verb_agents(
        &self,
        t: usize,
        r: usize,
        by: Option<Vec<usize>>,
    ) -> (Vec<usize>, bool, Option<Vec<usize>>) {
        let participle = is_past_participle(self.w(t));
        let passive = t > 0
            && participle
            && (t.saturating_sub(3)..t).any(|k| self.is(k, c::BE) && self.region[k] == r)
            || (by.is_some() && participle);
        if passive {
            let subject = self.subject_before(t, r);
            return (by.unwrap_or_default(), true, subject);
        }
        if let Some(g) = self.participle_subject(t, r) {
            return (g, false, None);
        }
        let finite = !self.non_finite(t);
        let g = if finite {
            self.clause_subject_before(t, r)
        } else {
            self.intention_owner(t)
                .or_else(|| self.purpose_subject(t, r))
                .or_else(|| self.subject_before(t, r))
        };
        match g {
            Some(g) if !g.is_empty() => (g, false, None),
            // "rewarding Iran while it continues to defy X": "it" opening a clause stands for
            // the nearest state named before it; another pronoun nobody named is the subject,
            // and the clause's other names are not.
            _ => match self
                .it_subject(t, r)
                .or_else(|| self.relative_head_owner(t))
            {
                Some(g) => (g, true, None),
                None => (Vec::new(), self.pronoun_subject(t, r), None),
            },
        }
    }

    /// An -ing form right after a name has that name as its subject, whether it is a gerund
    /// ("amid Pakistan asking China to …", "despite Russia attacking Ukraine") or a participle
    /// that qualifies the name ("troops sent to Ukraine fighting Russia"): the name is not the
    /// clause's subject, often inside a prepositional phrase, yet it is the one acting.
    fn participle_subject(&self, t: usize, r: usize) -> Option<Vec<usize>> {
        let prev = t.checked_sub(1)?;
        if !self.w(t).ends_with("ing") || self.region[prev] != r {
            return None;
        }
        let K::Unit(u) = self.toks[prev].k else {
            return None;
        };
        if self.dropped[u] || self.adjectival(u) {
            return None;
        }
        let g = self.group_of(u);
        (!g.is_empty()).then_some(g)
    }

    /// The owner of an intention noun before "to" acts in the infinitive: "the Chinese
    /// government's efforts to undermine X", "Russia's bid to isolate X", "Japanese plans to
    /// sanction X".
    fn intention_owner(&self, t: usize) -> Option<Vec<usize>> {
        let to = t.checked_sub(1)?;
        if self.w(to) != "to" {
            return None;
        }
        let noun = to.checked_sub(1)?;
        if !matches!(
            self.w(noun),
            "effort"
                | "efforts"
                | "attempt"
                | "attempts"
                | "bid"
                | "bids"
                | "plan"
                | "plans"
                | "decision"
                | "move"
                | "moves"
                | "push"
                | "drive"
                | "campaign"
                | "readiness"
                | "willingness"
                | "intention"
                | "determination"
                | "desire"
                | "ambition"
                | "ambitions"
        ) {
            return None;
        }
        self.possessor(noun)
            .or_else(|| self.modifier(noun))
            .filter(|g| !g.is_empty())
    }

    /// The subject of an infinitive of purpose after a verb's object: "X visited Moscow to
    /// urge …" is X's urging, not Moscow's; after a verb that hands the act to its object
    /// ("urged Moscow to join", "allowed Ukraine to strike") the object acts, and this gives
    /// none.
    fn purpose_subject(&self, t: usize, r: usize) -> Option<Vec<usize>> {
        let to = t.checked_sub(1)?;
        if self.w(to) != "to" {
            return None;
        }
        let u = self.unit_at(to.checked_sub(1)?)?;
        let first = self.phrase_of[u].map_or(to - 1, |p| self.phrases[p].first);
        let mut v = first.checked_sub(1)?;
        while v > 0 && DETERMINERS.contains(self.w(v)) {
            v -= 1;
        }
        let w = self.w(v);
        let hands_over = matches!(
            w,
            "allow"
                | "allowed"
                | "allows"
                | "help"
                | "helped"
                | "helps"
                | "want"
                | "wanted"
                | "wants"
                | "tell"
                | "told"
                | "tells"
                | "invite"
                | "invited"
                | "invites"
                | "force"
                | "forced"
                | "forces"
                | "enable"
                | "enabled"
                | "enables"
                | "expect"
                | "expected"
                | "expects"
                | "permit"
                | "permitted"
                | "order"
                | "ordered"
                | "get"
                | "got"
        ) || self.cue_at(v).is_some_and(|c| {
            c.entry.op == Op::Demand || c.entry.category == Some(Category::Demand)
        });
        let verb = self.is_verbal(v) || w.ends_with("ed");
        if hands_over || !verb || self.region[v] != r {
            return None;
        }
        self.clause_subject(r)
    }

    /// Whether a subject pronoun stands before the verb at `t` in its clause, past auxiliaries,
    /// adverbs and a verb it depends on ("it continues to defy").
    /// "while it continues to defy X", "because it keeps testing missiles": the subject "it"
    /// of a clause opened by a subordinator, read as the nearest name before it that is not a
    /// person, a place or a source, in the clause just before.
    fn it_subject(&self, t: usize, r: usize) -> Option<Vec<usize>> {
        let k = (t.saturating_sub(4)..t)
            .rev()
            .find(|&k| self.region[k] == r && self.w(k) == "it")?;
        if k == 0 || !self.is(k - 1, c::SUBORDINATORS) && !matches!(self.w(k - 1), "as" | "after") {
            return None;
        }
        let limit = k.saturating_sub(12);
        (limit..k - 1).rev().find_map(|j| {
            let u = self.unit_at(j)?;
            (!self.dropped[u] && !self.units[u].person && !self.units[u].media && !self.is_place(j))
                .then(|| self.phrase_units(u))
        })
    }

    /// "Chinese vessels that rammed …", "China's schemes that target …", "Russian drones,
    /// which struck …": the verb's subject is the relative pronoun, and the noun it stands for
    /// is the name's (its possessor or the name that qualifies it).
    fn relative_head_owner(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t.checked_sub(1)?;
        let mut steps = 0;
        while steps < 2 && (self.is(k, c::AUXILIARIES) || self.w(k).ends_with("ly")) {
            k = k.checked_sub(1)?;
            steps += 1;
        }
        if !matches!(self.w(k), "that" | "which" | "who") {
            return None;
        }
        let mut head = k.checked_sub(1)?;
        if self.toks[head].k == K::Punct(',') {
            head = head.checked_sub(1)?;
        }
        // The head is a noun, not a name (a name before the pronoun is its own subject).
        if self.toks[head].k != K::Word || self.is_verbal(head) || self.is_prep(head) {
            return None;
        }
        self.possessor(head).or_else(|| self.modifier(head))
    }

    fn pronoun_subject(&self, t: usize, r: usize) -> bool {
        let mut k = t;
        for _ in 0..5 {
            let Some(j) = k.checked_sub(1) else {
                return false;
            };
            k = j;
            if self.region[k] != r || self.toks[k].k != K::Word {
                return false;
            }
            let w = self.w(k);
            if matches!(w, "he" | "she" | "it" | "they" | "we" | "i") {
                return true;
            }
        }
        false
    }

    /// A verb after "to", or an -ing form after a preposition or another verb.
    fn non_finite(&self, t: usize) -> bool {
        let prev = self.w(t.wrapping_sub(1));
        prev == "to"
            || (self.w(t).ends_with("ing")
                && (self.is_prep(t.wrapping_sub(1))
                    || prev.ends_with("ed")
                    || prev.ends_with("ing")
                    || self.is(t.wrapping_sub(1), c::VERBS)
                    || self.is(t.wrapping_sub(1), c::LIGHT)))
    }

    /// The subject of a finite verb: the first subject group of its clause before it, else the
    /// nearest.
    fn clause_subject_before(&self, t: usize, r: usize) -> Option<Vec<usize>> {
        let near = self.subject_before(t, r);
        // "X urged Y to stay and called on Z": a past form right after "and" goes on with the
        // clause's subject, whatever infinitive came between.
        let coordinated = t > 0 && self.w(t - 1) == "and" && self.w(t).ends_with("ed");
        // "X condemned Y and sanctioned Z": the subject, not the nearest name.
        if let Some(first) = self.clause_subject(r)
            && let (Some(f), Some(n)) = (
                self.first_tok(&first),
                near.as_ref().and_then(|g| self.first_tok(g)),
            )
            && f < n
            && f < t
            && (f..t).any(|k| self.is_verbal(k) && self.region[k] == r && k > f)
            && ((n..t).all(|k| self.w(k) != "to") || coordinated)
            && !(n..t).any(|k| self.w(k) == "who" || self.w(k) == "which")
        {
            let between_verb = (n..t).any(|k| self.is_verbal(k));
            if !between_verb {
                return Some(first);
            }
        }
        near
    }

    /// The first group of region `r` that is not in a prepositional phrase and comes before
    /// the region's first verb; or the region's hint, or a pronoun's referent.
    fn clause_subject(&self, r: usize) -> Option<Vec<usize>> {
        let tokens: Vec<usize> = (0..self.toks.len())
            .filter(|&k| self.region[k] == r)
            .collect();
        for &k in &tokens {
            if self.is_verbal(k) {
                break;
            }
            if let Some(u) = self.unit_at(k) {
                let first =
                    self.list_start(u, self.phrase_of[u].map_or(k, |p| self.phrases[p].first));
                if self.dropped[u] || self.in_pp(first, r) && !self.of_a_role(first) {
                    continue;
                }
                let last = self.phrase_of[u].map_or(k, |p| self.phrases[p].last);
                if self.toks.get(last + 1).is_some_and(|x| x.k == K::Poss)
                    && (last + 2..(last + 5).min(self.toks.len()))
                        .any(|j| self.cue_at(j).is_some_and(|c| c.entry.pos == Pos::Noun))
                {
                    continue;
                }
                return Some(self.group_of(u));
            }
            if matches!(self.w(k), "he" | "she" | "it" | "they" | "we" | "i") && !self.in_pp(k, r) {
                return self.resolve(k);
            }
        }
        self.regions[r]
            .hint
            .clone()
            .or_else(|| self.previous_subject(r))
    }

    /// The group after "by" following a cue: "sanctioned by X", "sanctions by X".
    fn by_agent(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        let mut from = cue.last + 1;
        // A noun's own phrase first: "attacks on the organisation by X", "sanctions on Iran by
        // the US".
        if cue.entry.pos == Pos::Noun && cue.entry.preps.contains(&self.w(from)) {
            let end = (from + 7).min(self.toks.len());
            if let Some(by) = (from + 1..end)
                .take_while(|&k| {
                    self.region[k] == r
                        && !matches!(self.toks[k].k, K::Punct(_))
                        && (self.w(k) == "by" || !self.is_prep(k) && !self.is_verbal(k))
                })
                .find(|&k| self.w(k) == "by")
                // ("protest of the exercise by X": X's is the exercise.)
                && !(from + 1..by).any(|k| self.cue_at(k).is_some())
            {
                from = by;
            }
        }
        let limit = (from + 4).min(self.toks.len());
        for k in from..limit {
            if self.region[k] != r {
                return None;
            }
            let w = self.w(k);
            if w == "by" {
                return self.np_group(k + 1, r);
            }
            // Only adverbs and a participle between: "sanctioned last year by", "sanctions
            // imposed by"; "the drills held by X" belong to the object.
            let participle = cue.entry.pos == Pos::Noun
                && k == cue.last + 1
                && (w.ends_with("ed") || self.is(k, c::VERBS));
            if !(w.ends_with("ly")
                || matches!(
                    w,
                    "last" | "this" | "year" | "week" | "month" | "again" | "jointly" | "also"
                )
                || participle)
            {
                return None;
            }
        }
        None
    }

    /// "threat from X", "aid from X": the agent of a noun.
    fn agent_after_from(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        if cue.entry.reverse || !cue.entry.preps.contains(&"from") {
            return None;
        }
        let limit = (cue.last + 4).min(self.toks.len());
        for k in cue.last + 1..limit {
            if self.w(k) == "from" {
                return self.np_group(k + 1, r);
            }
            if self.is_prep(k) {
                return None;
            }
        }
        None
    }

    /// The subject of an "if"/"unless" clause right after region `r`.
    fn condition_subject(&self, r: usize) -> Option<Vec<usize>> {
        let last = self.region.iter().rposition(|&g| g == r)?;
        let next = *self.region.get(last + 1)?;
        if !self.regions[next].hypothetical || self.regions[next].kind != Kind::Main {
            return None;
        }
        self.clause_subject(next)
    }

    /// The speaker of region `r` (or of a region it lies in), when not a spokesperson or a
    /// news organisation.
    fn speaker_of(&self, r: usize) -> Option<Vec<usize>> {
        let mut q = Some(r);
        while let Some(x) = q {
            if let Some(s) = &self.regions[x].speaker {
                let ok = s
                    .iter()
                    .all(|&u| !self.dropped[u] && !self.units[u].media && !self.is_spokesperson(u));
                return ok.then(|| s.clone());
            }
            q = self.regions[x].parent;
        }
        None
    }

    /// The group after "from" following a cue closely.
    fn group_after_from(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        let limit = (cue.last + 6).min(self.toks.len());
        (cue.last + 1..limit)
            .take_while(|&k| self.region[k] == r && !matches!(self.toks[k].k, K::Punct(_)))
            .find(|&k| self.w(k) == "from")
            .and_then(|k| self.np_group(k + 1, r))
    }

    /// "X's war", "X's top patron": the possessor before a noun.
    fn possessor(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t;
        let mut words = 0;
        while k > 0 && words <= 3 {
            k -= 1;
            match self.toks[k].k {
                K::Poss => {
                    let u = self.unit_at(k.checked_sub(1)?)?;
                    if self.dropped[u] {
                        return None;
                    }
                    return Some(
                        self.phrase_units(u)
                            .into_iter()
                            .filter(|&x| !self.dropped[x])
                            .collect(),
                    );
                }
                K::Word => {
                    let w = self.w(k);
                    if matches!(w, "its" | "their" | "his" | "her" | "our" | "my") {
                        return self.resolve(k);
                    }
                    if w == "s" && k >= 3 && matches!(self.toks[k - 1].k, K::Punct('’' | '\'')) {
                        // "the Biden administration’s", "the Chinese government's": the head
                        // noun of a name's phrase owns as the name does.
                        return self.head_noun_name(k - 2);
                    }
                    // "Russia's new sanctions": a determiner of quantity or novelty stands
                    // after the possessor.
                    let after_possessor =
                        matches!(w, "new" | "fresh" | "further" | "additional" | "more");
                    if self.is(k, c::DETERMINERS) && !after_possessor
                        || self.is_prep(k)
                        || self.is_verbal(k)
                    {
                        return None;
                    }
                    words += 1;
                }
                K::Punct('-') => {}
                // "the government's “broader efforts”": a quotation mark inside the phrase.
                K::Punct(c)
                    if is_quote_mark(c) && k > 0 && !matches!(self.toks[k - 1].k, K::Punct(_)) => {}
                _ => return None,
            }
        }
        None
    }

    /// Whether a possessive noun that names no actor owns the noun at `t` ("the West's
    /// sanctions", "the bloc’s new tariffs").
    fn common_possessor(&self, t: usize) -> bool {
        let mut k = t;
        while k > 2 {
            k -= 1;
            let w = self.w(k);
            if w == "s" && matches!(self.toks[k - 1].k, K::Punct('’' | '\'')) {
                return self.toks[k - 2].k == K::Word;
            }
            if w.is_empty() || DETERMINERS.contains(w) && w != "new" || self.is_prep(k) {
                return false;
            }
            if t - k > 3 {
                return false;
            }
        }
        false
    }

    /// The name whose head noun is the word at `k` ("Biden administration", "Chinese
    /// government"): a state noun or a role word right after a name.
    fn head_noun_name(&self, k: usize) -> Option<Vec<usize>> {
        let w = self.w(k);
        if !(STATE_NOUNS.contains(w) || ROLES.contains(w)) || k == 0 {
            return None;
        }
        let u = self.unit_at(k - 1)?;
        let g: Vec<usize> = self
            .phrase_units(u)
            .into_iter()
            .filter(|&x| !self.dropped[x])
            .collect();
        (!g.is_empty()).then_some(g)
    }

    /// A name right before a noun, past at most two words: "U.S. sanctions", "Russian
    /// aggression", "the North Korea-Russia summit" (both), "the U.S.-led campaign".
    fn modifier(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t;
        let mut words = 0;
        while k > 0 && words <= 2 {
            k -= 1;
            match self.toks[k].k {
                K::Unit(u) => {
                    if self.dropped[u] {
                        return None;
                    }
                    // "A-B": both names.
                    let mut g = vec![u];
                    let mut j = k;
                    while j >= 2
                        && matches!(self.toks[j - 1].k, K::Punct('-' | '–' | '/' | '·'))
                        && !self.is_dash(j - 1)
                    {
                        if let Some(v) = self.unit_at(j - 2) {
                            g.insert(0, v);
                            j -= 2;
                        } else {
                            break;
                        }
                    }
                    // Only the head of a phrase qualifies the noun ("Russian President Putin's"
                    // is a possessor, handled apart).
                    return Some(g.into_iter().filter(|&x| !self.dropped[x]).collect());
                }
                K::Word => {
                    if self.is(k, c::DETERMINERS)
                        || self.is_prep(k)
                        || self.is_verbal(k)
                        || self.is(k, c::PRONOUNS)
                    {
                        return None;
                    }
                    // "-led", "-backed": the name before the hyphen.
                    words += 1;
                }
                K::Punct('-' | '–') if !self.is_dash(k) => {}
                _ => return None,
            }
        }
        None
    }

    /// The referent of a noun naming an actor by its relation: the name it describes.
    fn referent(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        // In an apposition: the name before the comma.
        if self.regions[r].kind == Kind::Apposition {
            return self.regions[r].hint.clone();
        }
        // "its ally Pyongyang", "ally North Korea": the name right after.
        if let Some(u) = self.unit_at(cue.last + 1) {
            return Some(self.group_of(u));
        }
        // "X is Y's ally": the subject.
        self.clause_subject(r)
    }

    /// The name a relative clause hangs on when the clause's verb at `cue` has its own subject
    /// right after the relative pronoun ("X, which/whom Y (has long) accused of …"): the
    /// pronoun is the verb's object.
    fn object_relative(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        let region = &self.regions[r];
        if region.kind != Kind::Relative {
            return None;
        }
        let hint = region.hint.clone()?;
        let first = (0..cue.t).find(|&k| self.region[k] == r)?;
        // (The comma that opened the clause is the outer region's.)
        if !matches!(self.w(first), "which" | "whom" | "that") {
            return None;
        }
        let mut k = first + 1;
        if self.is(k, c::DETERMINERS) {
            k += 1;
        }
        let u = self.unit_at(k)?;
        let mut v = self
            .group_of(u)
            .iter()
            .filter_map(|&x| self.tok_of(x))
            .max()?
            + 1;
        let mut steps = 0;
        while v < cue.t
            && steps < 3
            && (self.is(v, c::AUXILIARIES)
                || self.w(v).ends_with("ly")
                || matches!(self.w(v), "long" | "also" | "already" | "often"))
        {
            v += 1;
            steps += 1;
        }
        (v == cue.t).then_some(hint)
    }

    /// A relative clause right after a noun cue whose subject is a name and whose verb is a
    /// light verb taking the noun as its object ("the sanctions(,) which/that Washington (has)
    /// imposed on Moscow"): the subject, and the light verb's token.
    fn relative_light(&self, cue: &Cue) -> Option<(Vec<usize>, usize)> {
        let mut k = cue.last + 1;
        if self.toks.get(k)?.k == K::Punct(',') {
            k += 1;
        }
        if !matches!(self.w(k), "which" | "that") {
            return None;
        }
        k += 1;
        if self.is(k, c::DETERMINERS) {
            k += 1;
        }
        let u = self.unit_at(k)?;
        if self.dropped[u] {
            return None;
        }
        let g = self.group_of(u);
        let mut v = g.iter().filter_map(|&x| self.tok_of(x)).max()? + 1;
        // "which Washington has imposed", "that Israel had already launched".
        let mut steps = 0;
        while steps < 3
            && (self.is(v, c::AUXILIARIES) || self.w(v).ends_with("ly"))
            && !self.is(v, c::NEGATIONS)
        {
            if self.is(v, c::LIGHT) && !self.is(v + 1, c::LIGHT) {
                break;
            }
            v += 1;
            steps += 1;
        }
        self.is(v, c::LIGHT).then_some((g, v))
    }

    /// The verb governing a noun cue: a light verb ("imposed sanctions"), a victim verb
    /// ("faces sanctions"), a copula, or a preposition of setting ("after talks").
    fn governor(&self, t: usize) -> Option<(usize, Governor)> {
        let mut k = t;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            let w = self.w(k);
            if w.is_empty() {
                match self.toks[k].k {
                    K::Punct('-' | '–') => continue,
                    _ => return None,
                }
            }
            if self.is(k, c::VICTIM) || (w == "hit" && matches!(self.w(k + 1), "by" | "with")) {
                return Some((k, Governor::Victim));
            }
            if self.is(k, c::BE) {
                return Some((k, Governor::Copula));
            }
            if self.is(k, c::LIGHT)
                || self
                    .cues
                    .iter()
                    .any(|c| c.t == k && c.entry.pos == Pos::Verb)
            {
                return Some((k, Governor::Light));
            }
            if matches!(
                w,
                "after"
                    | "following"
                    | "during"
                    | "before"
                    | "at"
                    | "since"
                    | "ahead"
                    | "through"
                    | "via"
            ) {
                return Some((k, Governor::Setting));
            }
            if self.is(k, c::DETERMINERS)
                || adjective_like(w)
                || w.ends_with("ed")
                || (!self.is_prep(k) && !self.is_verbal(k))
            {
                steps += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The other parties of a cue: its direct object, then names after the prepositions of its
    /// frame, looking no further than the clause, an inner cue at `stop`, or a dozen tokens.
    fn targets(&self, cue: &Cue, r: usize, stop: Option<usize>) -> (Vec<usize>, bool, bool) {
        let e = cue.entry;
        let n = self.toks.len();
        let limit = stop.unwrap_or(n).min(cue.last + 14).min(n);
        let mut out: Vec<usize> = Vec::new();
        let mut with = false;
        let mut after_with = false;
        let mut directed = false;
        let mut after_directed = false;
        let mut k = cue.last + 1;
        let mut limit = limit;
        // "the sanctions, which X imposed on Y": the frame's prepositions follow the relative
        // clause's light verb.
        if e.pos == Pos::Noun
            && let Some((_, v)) = self.relative_light(cue)
        {
            k = v + 1;
            limit = stop.unwrap_or(n).min(v + 14).min(n);
        }
        // The direct object: the first phrase, past determiners and a few words. After "that"
        // the object is a clause ("denied that North Korean troops were fighting"): its subject
        // is no object.
        let mut object_open = e.object
            && e.pos == Pos::Verb
            && !(self.w(k) == "that" && self.unit_at(k + 1).is_some());
        let mut open_prep: Option<bool> = if e.pos == Pos::Prep { Some(true) } else { None };
        let mut words = 0;
        // A wanted preposition left without its object ("supplies to and exports from X"):
        // the next preposition's object is its object too.
        let mut dangling = false;
        // A preposition outside the frame was passed ("talked about the alliance with the US"):
        // an event noun after it takes the prepositions that follow.
        let mut foreign_prep = false;
        while k < limit {
            let rk = self.region[k];
            // Quotation marks around words of the object ("to strike Ukrainian “military
            // facilities”") do not end it.
            let scare = self.nested_in(rk, r)
                && self.regions[rk].kind == Kind::Quote
                && self.regions[rk].speaker.is_none();
            if rk != r && !scare {
                if self.nested_in(rk, r) && self.regions[rk].kind != Kind::Relative {
                    k += 1;
                    continue;
                }
                break;
            }
            match self.toks[k].k {
                K::Unit(u) => {
                    if self.dropped[u] {
                        k += 1;
                        continue;
                    }
                    let take = object_open || open_prep == Some(true);
                    let g = self.group_of(u);
                    let end = g.iter().filter_map(|&x| self.tok_of(x)).max().unwrap_or(k);
                    // A possessor of a following noun in the object is the other party too
                    // ("condemned Y's launch").
                    if take {
                        with |= after_with;
                        directed |= after_directed;
                        for x in g {
                            if !out.contains(&x) {
                                out.push(x);
                            }
                        }
                    }
                    object_open = false;
                    open_prep = None;
                    words = 0;
                    k = end + 1;
                    continue;
                }
                K::Word => {
                    let w = self.w(k);
                    if foreign_prep
                        && open_prep == Some(false)
                        && let Some(noun) = self.cue_at(k).filter(|c| c.entry.pos == Pos::Noun)
                        && (noun.last + 1..limit)
                            .find(|&j| self.is_prep(j))
                            .is_some_and(|j| noun.entry.preps.contains(&self.w(j)))
                    {
                        break;
                    }
                    if self.is_prep(k) {
                        if w == "of" && (object_open || open_prep == Some(true)) {
                            // "the government of Y": still the same phrase.
                            k += 1;
                            continue;
                        }
                        // "freeze around €210bn of X": an amount, not a phrase of its own.
                        if matches!(
                            w,
                            "around" | "about" | "over" | "nearly" | "almost" | "some"
                        ) && self.toks.get(k + 1).is_some_and(|x| {
                            self.text[x.s..].starts_with(|c: char| {
                                c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥')
                            })
                        }) {
                            k += 1;
                            continue;
                        }
                        if dangling {
                            dangling = false;
                            open_prep = Some(true);
                            words = 0;
                            k += 1;
                            continue;
                        }
                        // (A noun's "on the organisation by X" names the noun's own agent.)
                        let participle = self.w(k - 1).ends_with("ed")
                            || VERBS.contains(self.w(k - 1))
                            || matches!(
                                self.w(k - 1),
                                "taken"
                                    | "made"
                                    | "held"
                                    | "led"
                                    | "given"
                                    | "done"
                                    | "sent"
                                    | "set"
                                    | "put"
                                    | "brought"
                                    | "built"
                                    | "shown"
                                    | "written"
                                    | "drawn"
                                    | "thrown"
                                    | "begun"
                                    | "run"
                                    | "fought"
                                    | "won"
                            );
                        if w == "by"
                            && k > cue.last + 1
                            && (object_open
                                || open_prep != Some(false)
                                    && words > 0
                                    && (e.pos != Pos::Noun
                                        || participle
                                        || self.cue_at(k - 1).is_some()))
                            && out.is_empty()
                        {
                            // "denounced the drills held by X", "opposed the bid by X": the
                            // object is X's.
                            open_prep = Some(true);
                            object_open = false;
                        } else if w == "by" || (w == "from" && !e.reverse) {
                            // The agent, taken apart ("sanctions by X", "a threat from X").
                            open_prep = Some(false);
                            object_open = false;
                        } else {
                            let wanted = e.preps.contains(&w)
                                || (w == "towards" && e.preps.contains(&"toward"));
                            open_prep = Some(wanted);
                            foreign_prep |= !wanted;
                            dangling = wanted && matches!(self.w(k + 1), "and" | "or");
                            after_with = w == "with";
                            after_directed = matches!(
                                w,
                                "against" | "on" | "into" | "toward" | "towards" | "at" | "in"
                            );
                            object_open = false;
                        }
                        words = 0;
                        k += 1;
                        continue;
                    }
                    if w == "targeting" && e.preps.contains(&"targeting") {
                        open_prep = Some(true);
                        k += 1;
                        continue;
                    }
                    // "into its western region", "on their territory": the owner after a
                    // preposition of the frame is the other party.
                    let owner =
                        matches!(w, "its" | "their" | "his" | "our") || self.possessive_her(k);
                    // ("her counterpart Sergei Lavrov": the name that follows is.)
                    let named_after = (k + 1..(k + 4).min(n))
                        .take_while(|&j| self.toks[j].k != K::Punct(',') && !self.is_prep(j))
                        .any(|j| self.unit_at(j).is_some());
                    // (Only right after the frame's own preposition: "the expulsion of its
                    // diplomats by Y" owns nothing of the frame.)
                    let after_frame_prep = k > 0 && e.preps.contains(&self.w(k - 1));
                    // ("Pakistan jammed their communications": the owner of the direct object
                    // too, when "their" cannot be the one subject; "countries warned their
                    // citizens" own them.)
                    let owns_object = object_open
                        && k == cue.last + 1
                        && w == "their"
                        && self
                            .clause_subject(r)
                            .is_some_and(|g| g.len() == 1 && !self.units[g[0]].person);
                    if owner
                        && (open_prep == Some(true) && after_frame_prep || owns_object)
                        && out.is_empty()
                        && !named_after
                    {
                        if let Some(g) = self.owner_other_than(k, cue) {
                            out.extend(g);
                        }
                        open_prep = None;
                        k += 1;
                        continue;
                    }
                    if matches!(w, "him" | "them" | "us" | "her" | "it" | "me")
                        && (object_open || open_prep == Some(true))
                        && !self.possessive_her(k)
                    {
                        if let Some(g) = self.resolve(k) {
                            for x in g {
                                if !out.contains(&x) {
                                    out.push(x);
                                }
                            }
                        }
                        object_open = false;
                        open_prep = None;
                        k += 1;
                        continue;
                    }
                    if self.is(k, c::RELATIVES)
                        || w == "that" && k > cue.last + 1
                        || self.is(k, c::SUBORDINATORS)
                    {
                        break;
                    }
                    let reduced_relative =
                        self.w(k + 1) == "by" && (w.ends_with("ed") || self.is(k, c::VERBS));
                    if self.is_verbal(k)
                        && k > cue.last + 1
                        && !self.w(k).ends_with("ing")
                        && !reduced_relative
                    {
                        break;
                    }
                    // Another event noun with its own sides after it ("a collision between
                    // A and B") holds the names that follow.
                    if self.cues.iter().any(|c| {
                        c.t == k
                            && (!out.is_empty()
                                || c.entry.pos == Pos::Noun && self.between_after(c, r))
                    }) {
                        break;
                    }
                    words += 1;
                    if words > 6 {
                        object_open = false;
                        if open_prep == Some(true) {
                            open_prep = None;
                        }
                    }
                }
                K::Poss => {}
                K::Punct(',') => {
                    // A list goes on after a comma; a clause does not.
                    if !out.is_empty() || (!object_open && open_prep != Some(true)) {
                        break;
                    }
                }
                // Quotation marks around a word of the clause ("expressed “regret” over"), a
                // currency sign ("€210bn of X").
                K::Punct(c) if is_quote_mark(c) && self.region[k] == r => {}
                K::Punct('$' | '€' | '£' | '¥') => {}
                K::Punct(_) => break,
            }
            k += 1;
        }
        (out, with, directed)
    }

    /// "talks between A and B", "the A-B summit", "A and B signed": the group a mutual cue
    /// holds together.
    fn between(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        // After the cue: "between"/"among" and a group.
        let limit = (cue.last + 6).min(self.toks.len());
        for k in cue.last + 1..limit {
            if self.region[k] != r {
                break;
            }
            if matches!(self.w(k), "between" | "among" | "amongst") {
                // "between the two neighbours", "between both countries": the pair named last.
                if matches!(self.w(k + 1), "the" | "both")
                    && matches!(self.w(k + 2), "two" | "both" | "countries" | "sides")
                    || self.w(k + 1) == "both"
                {
                    return self.last_pair_before(cue.t);
                }
                let g = self.np_group(k + 1, r)?;
                return (g.len() >= 2).then_some(g);
            }
            if self.is_verbal(k) {
                break;
            }
        }
        // Before: a hyphenated or coordinated modifier.
        let g = self.modifier(cue.t).or_else(|| self.possessor(cue.t))?;
        (g.len() >= 2).then_some(g)
    }

    /// Whether the word at `k` ends "the two countries", "both sides", "the two leaders".
    fn the_two(&self, k: usize) -> bool {
        matches!(
            self.w(k),
            "countries"
                | "nations"
                | "sides"
                | "neighbours"
                | "neighbors"
                | "leaders"
                | "governments"
        ) && (self.w(k.wrapping_sub(1)) == "both"
            || self.w(k.wrapping_sub(1)) == "two" && self.w(k.wrapping_sub(2)) == "the")
    }

    /// The last group of two or more names coordinated before token `t` ("India's and
    /// Pakistan's … between the two neighbours").
    fn last_pair_before(&self, t: usize) -> Option<Vec<usize>> {
        (0..t).rev().find_map(|k| {
            let u = self.unit_at(k)?;
            let g: Vec<usize> = self
                .group_of(u)
                .into_iter()
                .filter(|&x| !self.dropped[x])
                .collect();
            let actors = {
                let mut a: Vec<u32> = g.iter().map(|&x| self.units[x].actor).collect();
                a.sort_unstable();
                a.dedup();
                a.len()
            };
            (actors >= 2).then_some(g)
        })
    }

    /// Whether the cue is followed by "to" and a verb ("vowed to defeat"), not by "to" and a
    /// noun phrase ("pledged to Ukraine", "to the Ukrainian people", "to European allies"): the
    /// word after "to" is lowercase, no determiner, number or name.
    fn infinitive_after(&self, cue: &Cue) -> bool {
        let k = cue.last + 2;
        self.w(cue.last + 1) == "to"
            && self.toks.get(k).is_some_and(|tok| {
                tok.k == K::Word && self.text[tok.s..tok.e].starts_with(|c: char| c.is_lowercase())
            })
            && !self.is(k, c::DETERMINERS)
    }

    /// Whether an infinitive with a cue of its own follows the cue in its clause ("agreed to
    /// resume talks", "agreed on Tuesday to expand cooperation").
    fn event_to_follow(&self, cue: &Cue, r: usize) -> bool {
        let end = (cue.last + 9).min(self.toks.len());
        let Some(to) = (cue.last + 1..end)
            .take_while(|&k| self.region[k] == r)
            .find(|&k| self.w(k) == "to")
        else {
            return false;
        };
        self.cues
            .iter()
            .any(|c| c.t > to && c.t <= to + 4 && self.region[c.t] == r)
    }

    /// Whether an event noun heads the topic of a verb cue before it in its clause: "over",
    /// "about", "regarding" or "concerning" up to four words before the noun, with only
    /// words between (no name, no verb), after that verb cue.
    fn topic_of_an_act(&self, cue: &Cue, r: usize) -> bool {
        let Some(p) = (cue.t.saturating_sub(5)..cue.t)
            .rev()
            .find(|&k| matches!(self.w(k), "over" | "about" | "regarding" | "concerning"))
        else {
            return false;
        };
        (p + 1..cue.t)
            .all(|k| self.region[k] == r && self.toks[k].k == K::Word && !self.is_verbal(k))
            && self
                .cues
                .iter()
                .any(|c| c.t < p && self.region[c.t] == r && c.entry.pos == Pos::Verb)
    }

    /// The names that take part in an event noun through "involved in", "engaged in",
    /// "complicit in" or "responsible for" right before it: "North Korean officials involved
    /// in arms transfers to Russia" (the officials transfer, not the clause's subject).
    fn involved_in(&self, cue: &Cue, r: usize) -> Option<Vec<usize>> {
        let mut k = cue.t.checked_sub(1)?;
        // Words of the noun phrase before the event noun ("arms", "the", "illegal").
        let mut steps = 0;
        while steps < 3 && self.toks[k].k == K::Word && !self.is_prep(k) {
            k = k.checked_sub(1)?;
            steps += 1;
        }
        if !matches!(self.w(k), "in" | "for") || k < 2 {
            return None;
        }
        if !matches!(
            self.w(k - 1),
            "involved" | "engaged" | "complicit" | "responsible"
        ) {
            return None;
        }
        // The noun the participle follows, and the names before it ("North Korean officials").
        let mut j = k - 2;
        let mut words = 0;
        loop {
            if self.region[j] != r {
                return None;
            }
            match self.toks[j].k {
                K::Unit(u) if !self.dropped[u] => return Some(self.group_of(u)),
                K::Word if words < 2 && !self.is_prep(j) && !self.is_verbal(j) => words += 1,
                _ => return None,
            }
            j = j.checked_sub(1)?;
        }
    }

    /// Whether "between" or "among" follows a cue closely.
    fn between_after(&self, cue: &Cue, r: usize) -> bool {
        (cue.last + 1..(cue.last + 4).min(self.toks.len()))
            .take_while(|&k| self.region[k] == r)
            .any(|k| matches!(self.w(k), "between" | "among" | "amongst"))
    }

    /// The group starting at or just after token `k` (past determiners and role words).
    fn np_group(&self, mut k: usize, r: usize) -> Option<Vec<usize>> {
        let mut steps = 0;
        while k < self.toks.len() && steps < 5 {
            if self.region[k] != r && !self.nested_in(self.region[k], r) {
                return None;
            }
            match self.toks[k].k {
                K::Unit(u) => {
                    if self.dropped[u] {
                        return None;
                    }
                    return Some(self.group_of(u));
                }
                K::Word => {
                    let w = self.w(k);
                    if matches!(w, "him" | "them" | "us" | "her" | "it") && !self.possessive_her(k)
                    {
                        return self.resolve(k);
                    }
                    if self.is_prep(k) && w != "of" && !self.seat_in(k) || self.is_verbal(k) {
                        return None;
                    }
                }
                K::Poss => {}
                K::Punct(c) if is_quote_mark(c) => {}
                K::Punct(_) => return None,
            }
            k += 1;
            steps += 1;
        }
        None
    }

    // ------------------------------------------------------------------------------------
    // Links.

    fn to_links(&self, frames: Vec<Frame>) -> Vec<Link> {
        let mut links: Vec<Link> = Vec::new();
        let push = |links: &mut Vec<Link>,
                    x: usize,
                    y: usize,
                    f: &Frame,
                    direction: Direction,
                    kind: LinkKind| {
            if x == y || self.units[x].actor == self.units[y].actor {
                return;
            }
            if links.iter().any(|l| {
                (l.x == x && l.y == y || l.x == y && l.y == x)
                    && (l.kind == LinkKind::Stated || kind != LinkKind::Stated)
            }) {
                return;
            }
            links.retain(|l| !(l.x == x && l.y == y || l.x == y && l.y == x));
            links.push(Link {
                x,
                y,
                tone: f.tone,
                category: f.category,
                direction,
                cue: Some(f.cue),
                kind,
            });
        };
        // A cue with one side written governs the clause that holds the other: "after Indian
        // strikes" in a sentence about Pakistan, "sanctions against Iran" in a clause whose
        // subject passed them.
        // What another event of the clause acts on is not also the other side of this one
        // ("supplied Iran …, in violation of UN sanctions").
        let engaged: Vec<(usize, usize, Vec<usize>)> = frames
            .iter()
            .map(|f| (f.region, f.at, f.targets.clone()))
            .collect();
        let frames: Vec<Frame> = frames
            .into_iter()
            .map(|mut f| {
                let live = |g: &[usize]| {
                    g.iter()
                        .any(|&u| !self.dropped[u] && !self.is_speaker_of(u, f.region))
                };
                // "at a Security Council meeting", "an ASEAN summit": one name's meeting is that
                // body's session, not a meeting with the others of the clause.
                let session = f.category == Some(Category::Consult)
                    && f.agents.len() == 1
                    && self.modifier(f.at).as_deref() == Some(f.agents.as_slice());
                // "attacks on the organisation by X": the other side is written, and is none of
                // the names; and "the alliance" there is the attacks' object, no event of its own.
                // ("discussed North Korea's missile launches": neither branch below.)
                let discussed = f.noun && self.discussed(f.at);
                let written =
                    self.written_target(f.at) || self.object_of_another(f.at) || discussed;
                if f.tone != Tone::Neutral
                    && f.noun
                    && f.explicit_agent
                    && live(&f.agents)
                    && !live(&f.targets)
                    && !(f.mutual && f.agents.len() >= 2)
                    && !session
                    && !written
                {
                    f.targets = self
                        .clause_others(&f)
                        .into_iter()
                        .filter(|u| {
                            !engaged
                                .iter()
                                .any(|(r, at, g)| *r == f.region && *at != f.at && g.contains(u))
                        })
                        .collect();
                } else if f.tone != Tone::Neutral
                    && !live(&f.agents)
                    && !(f.explicit_agent && f.agents.is_empty())
                    && live(&f.targets)
                    && !discussed
                    && let Some(g) = self.clause_subject(f.region)
                    && !g.iter().any(|u| f.targets.contains(u))
                {
                    f.agents = g;
                }
                f
            })
            .collect();
        for f in &frames {
            let keep = |g: &[usize]| -> Vec<usize> {
                g.iter()
                    .copied()
                    .filter(|&u| !self.dropped[u] && !self.is_speaker_of(u, f.region))
                    .collect()
            };
            let agents = if f.speaker_party {
                f.agents
                    .iter()
                    .copied()
                    .filter(|&u| !self.dropped[u])
                    .collect()
            } else {
                keep(&f.agents)
            };
            // One party is never the other side of its own event ("the demands raised by A
            // and B": the raisers are not what is demanded of).
            let targets: Vec<usize> = keep(&f.targets)
                .into_iter()
                .filter(|u| !agents.contains(u))
                .collect();
            if targets.is_empty() {
                if f.mutual && agents.len() >= 2 {
                    // One side of a mutual event: each pair of distinct phrases.
                    for (i, &x) in agents.iter().enumerate() {
                        for &y in &agents[i + 1..] {
                            if self.same_phrase(x, y) {
                                continue;
                            }
                            push(&mut links, x, y, f, Direction::Mutual, LinkKind::Stated);
                        }
                    }
                }
                continue;
            }
            let direction = if f.mutual {
                Direction::Mutual
            } else {
                Direction::AToB
            };
            for &x in &agents {
                for &y in &targets {
                    push(&mut links, x, y, f, direction, LinkKind::Stated);
                }
            }
        }
        // Plain links without a cue: a clause's subject and its direct object or the name after
        // "with"/"against"/"toward" ("X has been watching Y closely").
        for r in 0..self.regions.len() {
            // A clause with a cue says what it says through the cue.
            if self.cues.iter().any(|c| self.region[c.t] == r) {
                continue;
            }
            let Some(subject) = self.clause_subject_plain(r) else {
                continue;
            };
            let subject: Vec<usize> = subject
                .into_iter()
                .filter(|&u| !self.dropped[u] && !self.units[u].media && !self.is_speaker_of(u, r))
                .collect();
            if subject.is_empty() {
                continue;
            }
            for o in self.plain_objects(r) {
                if self.units[o].media || subject.contains(&o) || self.is_speaker_of(o, r) {
                    continue;
                }
                for &s in &subject {
                    let f = Frame {
                        agents: Vec::new(),
                        targets: Vec::new(),
                        explicit_agent: false,
                        mutual: false,
                        tone: Tone::Neutral,
                        category: None,
                        cue: (0, 0),
                        region: r,
                        noun: false,
                        at: 0,
                        speaker_party: false,
                    };
                    if !links
                        .iter()
                        .any(|l| l.x == s && l.y == o || l.x == o && l.y == s)
                    {
                        push(&mut links, s, o, &f, Direction::None, LinkKind::Plain);
                        if let Some(l) = links.last_mut() {
                            l.cue = None;
                        }
                    }
                }
            }
        }
        links
    }

    /// Whether the noun cue at token `t` stands in the prepositional object of another cue
    /// ("attacks on the alliance", "sanctions over the war").
    fn object_of_another(&self, t: usize) -> bool {
        let mut k = t;
        for _ in 0..4 {
            let Some(j) = k.checked_sub(1) else {
                return false;
            };
            k = j;
            let w = self.w(k);
            if self.is_prep(k) {
                return k > 0
                    && self
                        .cues
                        .iter()
                        .any(|c| c.last + 1 == k && c.entry.preps.contains(&w));
            }
            if !(DETERMINERS.contains(w) || adjective_like(w)) {
                return false;
            }
        }
        false
    }

    /// Whether the event noun at `t` is what a discussion is about: the object of "discuss" or
    /// "debate" ("discussed North Korea's missile launches"), or after "about", "on", "over",
    /// "regarding" or "concerning" right after a word of talking ("talks on the war in
    /// Ukraine", "spoke about Russia's invasion"), with only its own phrase between (its
    /// determiners, qualifiers and possessor). Those who talk do not do what they talk about.
    fn discussed(&self, t: usize) -> bool {
        const TALK_WORDS: [&str; 16] = [
            "talk",
            "talks",
            "talked",
            "talking",
            "spoke",
            "speak",
            "speaks",
            "speaking",
            "discussion",
            "discussions",
            "conversation",
            "conversations",
            "consultations",
            "briefed",
            "debate",
            "debates",
        ];
        let r = self.region[t];
        let mut k = t;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            k -= 1;
            if self.region[k] != r {
                return false;
            }
            match self.toks[k].k {
                K::Unit(_) | K::Poss => {}
                K::Punct(_) => return false,
                K::Word => {
                    let w = self.w(k);
                    if TALK_VERBS.contains(&w) {
                        return true;
                    }
                    if matches!(w, "about" | "on" | "over" | "regarding" | "concerning") {
                        return k > 0 && TALK_WORDS.contains(&self.w(k - 1));
                    }
                    if self.is_prep(k) || self.is_verbal(k) {
                        return false;
                    }
                }
            }
            steps += 1;
        }
        false
    }

    /// Whether the cue at token `t` is followed by a preposition of its frame and a noun phrase
    /// that names no actor ("attacks on the organisation", "sanctions against the regime").
    fn written_target(&self, t: usize) -> bool {
        let Some(cue) = self.cues.iter().find(|c| c.t == t) else {
            return false;
        };
        let p = cue.last + 1;
        if !matches!(
            self.w(p),
            "on" | "against" | "into" | "toward" | "towards" | "at"
        ) || !cue.entry.preps.contains(&self.w(p))
        {
            return false;
        }
        let mut k = p + 1;
        let mut words = 0;
        while k < self.toks.len() && words < 5 {
            match self.toks[k].k {
                K::Unit(_) | K::Poss => return false,
                K::Word if self.is_prep(k) || self.is_verbal(k) => break,
                K::Word => words += 1,
                K::Punct(_) => break,
            }
            k += 1;
        }
        words > 0
    }

    /// The names of a frame's clause that are not its agents, not places and not sources, nor
    /// names that qualify its noun ("its NATO allies").
    fn clause_others(&self, f: &Frame) -> Vec<usize> {
        let qualifiers = self.modifier(f.at).unwrap_or_default();
        // The clause's subject is the other side however long its predicate ("X has supplied
        // A, B and C with arms …, in violation of UN sanctions"); other names only nearby.
        // Only when its verb follows it before any comma: else the event may be named inside
        // the subject's own phrase ("A, the US exercise director, and B take part …").
        let subject = self
            .clause_subject(f.region)
            .filter(|g| {
                self.first_tok(g).is_some_and(|s| {
                    (s + 1..f.at)
                        .find(|&k| self.toks[k].k == K::Punct(',') || self.is_verbal(k))
                        .is_some_and(|k| self.toks[k].k != K::Punct(','))
                })
            })
            .unwrap_or_default();
        let mut out = Vec::new();
        for k in 0..self.toks.len() {
            let Some(u) = self.unit_at(k) else { continue };
            let rk = self.region[k];
            let inside = rk == f.region
                || (self.nested_in(rk, f.region)
                    && matches!(self.regions[rk].kind, Kind::Quote | Kind::Aside)
                    && self.regions[rk].speaker.is_none());
            if !inside
                || (k.abs_diff(f.at) > 12 && !(subject.contains(&u) && k < f.at))
                || self.dropped[u]
                || self.units[u].media
                || f.agents.contains(&u)
                || f.agents.iter().any(|&a| self.same_phrase(a, u))
                || qualifiers.contains(&u)
                || self.is_place(k)
            {
                continue;
            }
            out.push(u);
        }
        out
    }

    /// A country named after "in", "at", "near", "from", "to", "across": where something
    /// happens or goes.
    fn is_place(&self, k: usize) -> bool {
        let Some(u) = self.unit_at(k) else {
            return false;
        };
        if self.units[u].person {
            return false;
        }
        let first = self.phrase_of[u].map_or(k, |p| self.phrases[p].first);
        let mut j = first;
        let mut steps = 0;
        while j > 0 && steps < 3 {
            j -= 1;
            let w = self.w(j);
            if matches!(
                w,
                "in" | "at"
                    | "near"
                    | "from"
                    | "to"
                    | "across"
                    | "around"
                    | "inside"
                    | "into"
                    | "throughout"
                    | "within"
                    | "outside"
                    | "via"
                    | "through"
            ) {
                return true;
            }
            if !(self.is(j, c::DETERMINERS) || adjective_like(w)) {
                return false;
            }
            steps += 1;
        }
        false
    }

    fn same_phrase(&self, x: usize, y: usize) -> bool {
        self.phrase_of[x].is_some() && self.phrase_of[x] == self.phrase_of[y]
    }

    /// Whether unit `u` is the speaker of region `r` (or of a region `r` lies in).
    fn is_speaker_of(&self, u: usize, r: usize) -> bool {
        let mut q = Some(r);
        while let Some(x) = q {
            if let Some(s) = &self.regions[x].speaker {
                // A speaker named inside what they say, or standing behind a pronoun there, is
                // a party there.
                let inside = self.tok_of(u).is_some_and(|t| self.region[t] == x);
                return s.contains(&u) && !inside && !self.regions[x].speaker_acts;
            }
            q = self.regions[x].parent;
        }
        false
    }

    /// The subject of a clause for a plain link: the first group before a finite verb that
    /// is not a copula, a verb of speech or of motion.
    fn clause_subject_plain(&self, r: usize) -> Option<Vec<usize>> {
        if matches!(
            self.regions[r].kind,
            Kind::Source | Kind::Apposition | Kind::Aside
        ) {
            return None;
        }
        let verb =
            (0..self.toks.len()).find(|&k| self.region[k] == r && self.is_finite_plain_verb(k))?;
        let s = self.clause_subject(r)?;
        let first = self.first_tok(&s)?;
        (first < verb || self.regions[r].hint.as_ref() == Some(&s)).then_some(s)
    }

    fn is_finite_plain_verb(&self, k: usize) -> bool {
        let w = self.w(k);
        if w.is_empty()
            || self.is(k, c::BE)
            || self.is(k, c::SPEECH)
            || self.is(k, c::MOTION)
            || matches!(
                w,
                "include"
                    | "includes"
                    | "included"
                    | "attend"
                    | "attended"
                    | "attends"
                    | "contain"
                    | "contains"
            )
        {
            return false;
        }
        self.is(k, c::VERBS)
            || (self.is(k, c::AUXILIARIES) && !self.is(k, c::BE))
            || self.cue_at(k).is_some_and(|c| c.entry.pos == Pos::Verb)
            || (w.ends_with("ed") && k > 0 && matches!(self.toks[k - 1].k, K::Unit(_)))
            || ((w.ends_with("ing") || w.ends_with("ed"))
                && (k.saturating_sub(3)..k).any(|j| self.is(j, c::AUXILIARIES)))
    }

    /// Names after the clause's finite verb in its object or after "with", "against",
    /// "toward", "on", "about", "over": the other side of a plain link.
    fn plain_objects(&self, r: usize) -> Vec<usize> {
        let tokens: Vec<usize> = (0..self.toks.len())
            .filter(|&k| self.region[k] == r)
            .collect();
        let Some(vi) = tokens.iter().position(|&k| self.is_finite_plain_verb(k)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut open = true;
        for &k in &tokens[vi + 1..] {
            match self.toks[k].k {
                K::Unit(u) => {
                    if open && !self.dropped[u] {
                        for x in self.phrase_units(u) {
                            if !self.dropped[x] && !out.contains(&x) {
                                out.push(x);
                            }
                        }
                    }
                }
                K::Word => {
                    let w = self.w(k);
                    if self.is_prep(k) {
                        open = matches!(
                            w,
                            "with"
                                | "against"
                                | "toward"
                                | "towards"
                                | "on"
                                | "about"
                                | "over"
                                | "of"
                                | "for"
                                | "to"
                        );
                    } else if self.is(k, c::SPEECH)
                        || self.is(k, c::RELATIVES)
                        || w == "that"
                        || w == "to" && !open
                    {
                        open = false;
                    }
                }
                K::Punct(',') => {}
                K::Punct(_) => open = false,
                K::Poss => {}
            }
        }
        out
    }
}

/// Nouns that stand for a state when a country qualifies them ("the Chinese government").
static STATE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "government",
        "governments",
        "administration",
        "regime",
        "authorities",
        "leadership",
        "military",
        "army",
        "forces",
        "troops",
        "navy",
        "delegation",
        "officials",
        "ministry",
        "embassy",
        "side",
        "state",
        "officials",
        "diplomats",
        "lawmakers",
        "parliament",
        "senate",
        "congress",
        "cabinet",
        "president",
        "leader",
        "envoy",
        "spy",
        "agency",
        "coast",
        "guard",
    ])
});

static MOTION: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "arrive",
        "arrived",
        "arrives",
        "arriving",
        "travel",
        "travels",
        "traveled",
        "travelled",
        "traveling",
        "travelling",
        "fly",
        "flies",
        "flew",
        "flying",
        "head",
        "heads",
        "headed",
        "return",
        "returns",
        "returned",
        "returning",
        "go",
        "goes",
        "went",
        "come",
        "comes",
        "came",
        "left",
        "leave",
        "leaves",
        "move",
        "moved",
        "moves",
        "land",
        "landed",
        "lands",
        "cross",
        "crossed",
        "fled",
        "flee",
        "flees",
        "live",
        "lives",
        "lived",
        "born",
        "died",
        "stay",
        "stayed",
        "stays",
        "work",
        "works",
        "worked",
        "study",
        "studied",
        "studies",
    ])
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closer {
    End,
    Quote,
    Bracket,
    Dash,
    Comma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Governor {
    Light,
    Victim,
    Copula,
    Setting,
}

/// The "exchanged fire" and "traded accusations" readings.
static CONFLICT_EXCHANGE: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(|| {
    let base = Entry {
        category: Some(Category::Assault),
        tone: Tone::Conflict,
        pos: Pos::Verb,
        object: false,
        preps: vec!["with", "between"],
        reciprocal: true,
        reverse: false,
        actor_object: false,
        agentive: false,
        op: Op::Plain,
        rest: Vec::new(),
    };
    vec![
        base.clone(),
        Entry {
            category: Some(Category::Disapprove),
            ..base
        },
    ]
});

/// "launched missiles into X", "sent troops into X": an attack.
static INVADE: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(|| {
    vec![Entry {
        category: Some(Category::Assault),
        tone: Tone::Conflict,
        pos: Pos::Verb,
        object: false,
        preps: vec!["into", "at"],
        reciprocal: false,
        reverse: false,
        actor_object: false,
        agentive: false,
        op: Op::Plain,
        rest: Vec::new(),
    }]
});

/// "joint exercises with X": working together.
static JOINT: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(|| {
    vec![Entry {
        category: Some(Category::Cooperate),
        tone: Tone::Cooperation,
        pos: Pos::Noun,
        object: false,
        preps: vec!["with", "between", "among"],
        reciprocal: true,
        reverse: false,
        actor_object: false,
        agentive: false,
        op: Op::Plain,
        rest: Vec::new(),
    }]
});

/// A word that counts what follows its "of" ("thousands of", "some of", "two of").
fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "hundreds"
            | "dozens"
            | "millions"
            | "tens"
            | "scores"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "none"
            | "one"
            | "two"
            | "three"
            | "several"
            | "number"
    ) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Abbreviations of titles written with a dot before a name.
fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Ms"
            | "Mrs"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Adm"
            | "Sgt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Prof"
            | "Amb"
            | "Pres"
    )
}

/// A past participle: a regular "-ed" form, or one of the irregular participles of the cue
/// verbs ("were shot down by", "was struck by", "were sold to").
fn is_past_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "shot"
                | "struck"
                | "hit"
                | "fought"
                | "sold"
                | "sent"
                | "lent"
                | "bought"
                | "frozen"
                | "withdrawn"
                | "torn"
                | "met"
                | "held"
                | "stood"
                | "beaten"
                | "overrun"
                | "slain"
                | "driven"
                | "thrown"
        )
}

/// A role word that names an office someone holds for a state or a body: not kin ("Kim's
/// sister"), scholars, reporters or lawyers, whose nationality is not the state acting.
fn is_office(w: &str) -> bool {
    ROLES.contains(w)
        && !matches!(
            w,
            "sister"
                | "brother"
                | "wife"
                | "husband"
                | "father"
                | "mother"
                | "son"
                | "daughter"
                | "uncle"
                | "aunt"
                | "niece"
                | "nephew"
                | "heir"
                | "professor"
                | "researcher"
                | "researchers"
                | "fellow"
                | "analyst"
                | "analysts"
                | "expert"
                | "experts"
                | "scholar"
                | "scholars"
                | "lecturer"
                | "student"
                | "lawyer"
                | "reporter"
                | "correspondent"
                | "editor"
                | "observer"
                | "observers"
                | "founder"
                | "co-founder"
                | "ceo"
                | "executive"
        )
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»')
}

fn flip(t: Tone) -> Tone {
    match t {
        Tone::Cooperation => Tone::Conflict,
        Tone::Conflict => Tone::Cooperation,
        Tone::Neutral => Tone::Neutral,
    }
}

/// Words shaped like adjectives: they may stand between a determiner and a noun.
fn adjective_like(w: &str) -> bool {
    [
        "al", "ic", "ive", "ary", "ous", "ese", "ian", "ern", "ful", "less", "est", "ish", "ent",
        "ant", "ble",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || matches!(
            w,
            "new"
                | "repeated"
                | "renewed"
                | "mounting"
                | "growing"
                | "fresh"
                | "tough"
                | "strong"
                | "harsh"
                | "heavy"
                | "key"
                | "top"
                | "major"
                | "joint"
                | "more"
                | "further"
                | "latest"
                | "first"
                | "second"
                | "third"
                | "last"
                | "biggest"
                | "large"
                | "small"
                | "full"
                | "close"
                | "closer"
                | "direct"
                | "broad"
                | "deep"
                | "high"
                | "low"
                | "long"
                | "short"
                | "rare"
                | "own"
                | "arms"
                | "military"
                | "nuclear"
                | "economic"
                | "trade"
                | "missile"
                | "oil"
                | "energy"
                | "food"
                | "fuel"
        )
}

/// Tokens of a sentence: words, actor mentions, possessives and punctuation.
fn tokenize(text: &str, units: &[Unit]) -> Vec<Tok> {
    // A token for every five bytes or so is plenty for most sentences.
    let mut toks = Vec::with_capacity(text.len() / 5 + units.len() + 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut next_unit = 0;
    while i < text.len() {
        while next_unit < units.len() && units[next_unit].end <= i {
            next_unit += 1;
        }
        if next_unit < units.len() && units[next_unit].start == i {
            let u = &units[next_unit];
            toks.push(Tok {
                s: u.start,
                e: u.end,
                k: K::Unit(next_unit),
            });
            i = u.end;
            // A possessive right after the name.
            let rest = &text[i..];
            for p in ["'s", "’s", "'", "’"] {
                if let Some(after) = rest.strip_prefix(p) {
                    let ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
                    let bare = p.len() <= 3 && !p.ends_with('s');
                    if ends && (!bare || text[..i].ends_with('s')) {
                        toks.push(Tok {
                            s: i,
                            e: i + p.len(),
                            k: K::Poss,
                        });
                        i += p.len();
                        break;
                    }
                }
            }
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i;
            while j < text.len() {
                let d = text[j..].chars().next().expect("a character");
                if next_unit < units.len() && units[next_unit].start == j && j > start {
                    break;
                }
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    continue;
                }
                // A number's separators join it ("3,000 troops", "1.5 million"): a comma
                // there ends no clause.
                if matches!(d, ',' | '.')
                    && bytes[j - 1].is_ascii_digit()
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
                    j += 1;
                    continue;
                }
                // Inner hyphens, apostrophes and dots join ("test-fire", "don't", "U.N.").
                if matches!(d, '-' | '\'' | '’' | '.') {
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphanumeric())
                        && !(next_unit < units.len() && units[next_unit].start == j + d.len_utf8())
                    {
                        // "'s" after a word: a possessive of a common noun; keep it apart.
                        if matches!(d, '\'' | '’')
                            && text[j + d.len_utf8()..].starts_with('s')
                            && text[j + d.len_utf8() + 1..]
                                .chars()
                                .next()
                                .is_none_or(|x| !x.is_alphanumeric())
                        {
                            break;
                        }
                        if d == '.'
                            && !bytes[start..j]
                                .iter()
                                .all(|b| b.is_ascii_uppercase() || *b == b'.')
                        {
                            break;
                        }
                        j += d.len_utf8();
                        continue;
                    }
                }
                break;
            }
            // "Mr. Bolton", "Lt. Gen. X": the dot of a title's abbreviation ends no phrase.
            if text[j..].starts_with('.') && is_title_abbreviation(&text[start..j]) {
                j += 1;
            }
            toks.push(Tok {
                s: start,
                e: j,
                k: K::Word,
            });
            i = j;
            continue;
        }
        toks.push(Tok {
            s: i,
            e: i + c.len_utf8(),
            k: K::Punct(c),
        });
        i += c.len_utf8();
    }
    toks
}
