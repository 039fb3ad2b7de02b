//! The English cue lexicon: which words name an event between actors, of which PLOVER category,
//! and how the event takes its participants (a direct object, the prepositions that introduce
//! the other party, whether it is mutual). Also the closed word classes the clause reader needs:
//! speech verbs, light and victim verbs, auxiliaries, prepositions, role words.

use crate::model::{Category, Tone};
use crate::words::{WordHasher, WordSet};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Part of speech of a cue form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Verb,
    Noun,
    /// An adjective or participle used as a predicate ("hostile to", "opposed to").
    Adj,
    /// A preposition used as a predicate ("has been against").
    Prep,
}

/// What a cue does to an event named in its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// Nothing: the cue names its own event.
    Plain,
    /// Taking a side against the event ("oppose", "against"): its tone turns around.
    Oppose,
    /// Taking its side ("support", "back", "welcome"): its tone carries over.
    Support,
    /// Ending it ("halt", "lift", "ease"): its tone turns around.
    Cease,
    /// Refusing to do it ("refuse", "decline", "fail"): cooperation becomes conflict, conflict
    /// becomes nothing.
    Refuse,
    /// Denying it happened ("deny"): the event does not count.
    Deny,
    /// Asking for it ("urge", "call on"): an appeal, a demand when it asks for an end of
    /// something.
    Demand,
}

/// One cue form of the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub category: Option<Category>,
    pub tone: Tone,
    pub pos: Pos,
    /// Takes a direct object that is the other party.
    pub object: bool,
    /// Prepositions that introduce the other party.
    pub preps: Vec<&'static str>,
    /// The event is mutual: a coordinated subject is paired within itself.
    pub reciprocal: bool,
    /// The other party acts on the subject ("relies on").
    pub reverse: bool,
    /// The word names a cue only when its direct object is an actor ("contain China", not
    /// "crates that contain missiles").
    pub actor_object: bool,
    /// A noun that names an actor by its relation ("ally", "rival"): the possessor is the
    /// other party, the noun's referent the first.
    pub agentive: bool,
    pub op: Op,
    /// The words of the cue after the first (a phrase).
    pub rest: Vec<&'static str>,
}

/// `category | pos | forms | frame`. Forms are separated by commas; a form ending in `~` takes
/// regular endings on its last word (verbs: -s, -ed, -ing; nouns: plural), `+~` doubles the last
/// consonant. Frame words: `o` (direct object), `r`
/// (mutual), `rev` (the other party acts), `actobj`, `agentive`, `op=…`, `tone=…`, and the
/// prepositions that introduce the other party.
const TABLE: &str = "
agree | v | agree~ | with on r
agree | n | agreement~, accord~, treaty, treaties, pact~, deal~, memorandum, memoranda, armistice~, truce~, ceasefire~, cease-fire~ | with between among r
agree | v | sign~, ink~ | o with r
agree | n | signing | with between of r
agree | v | pledge~, promise~, vow~ | o to op=support
agree | n | pledge~, promise~ | to of
agree | n | consensus, reconciliation, rapprochement, détente, detente, normalization, normalisation | with between r
agree | v | reconcile~, normalize~, normalise~ | with r
agree | v | strike a deal, strikes a deal, struck a deal, striking a deal | with r
consult | v | meet, meets, met, meeting | o with r
consult | n | meeting~, summit~, talks, conference~ | with between among r
consult | n | summitry | with between r
consult | v | visit~ | o with
consult | v | arrive~ | in
consult | n | visit~, trip~ | to of r
consult | v | host~, receive~, greet~ | o
consult | v | roll out the red carpet, rolls out the red carpet, rolled out the red carpet, rolling out the red carpet | for
consult | v | invite~ | o to
consult | n | invitation~ | to from
consult | v | negotiate~, consult~, confer+~ | with r
consult | n | negotiation~, dialogue~, dialog~, consultation~, conversation~, contact~, exchange~ | with between among r
consult | n | phone call~, telephone call~ | with between r
consult | v | discuss~ | with r
consult | v | engage~ | with r
consult | n | engagement~ | with between r
consult | n | communication~ | with between r
cooperate | v | exchange~ | with r
consult | v | shake hands, shakes hands, shook hands, shaking hands | with r
consult | n | handshake~ | with between r
consult | v | hold talks, holds talks, held talks, holding talks | with r
consult | v | speak, speaks, spoke, speaking | with to r
consult | v | talk~ | with to r
support | v | support~ | o
support | n | support, backing, endorsement~ | for of to
support | v | back~, endorse~ | o op=support
support | v | praise~, hail~, commend~, applaud~, laud~, thank~, congratulate~ | o for
support | n | praise, thanks, congratulations | for to of
support | v | welcome~, embrace~, defend~, favor~, favour~ | o op=support
support | v | shield~, protect~ | o actobj
support | n | solidarity, sympathy | with for
support | v | side~, stand~, stood | with r
support | v | court~, woo~ | o actobj
support | v | allow~, permit+~ | o actobj
support | n | ally, allies, alliance~, partnership~, friendship~ | with between of r
support | n | ally, allies, partner~, friend~ | of agentive r
support | n | patron~, backer~, supporter~, benefactor~, protector~ | of agentive
support | a | allied, aligned, friendly, supportive | with to of r
concede | v | lift~, ease~, relax~, loosen~ | o op=cease
concede | n | lifting, easing, relief, relaxation | of on op=cease
concede | v | release~, free~ | o actobj
concede | n | concession~ | to
concede | v | compromise~ | with r
cooperate | v | cooperate~, co-operate~, collaborate~, coordinate~ | with r
cooperate | n | cooperation, co-operation, collaboration, coordination | with between among r
cooperate | v | fight alongside, fights alongside, fought alongside, fighting alongside, serve alongside, serves alongside, served alongside, serving alongside | o r
cooperate | v | join forces, joins forces, joined forces, joining forces, team up, teams up, teamed up, teaming up, partner~ | with r
cooperate | n | trade | with between r
cooperate | a | joint, jointly | with between r
cooperate | v | trade~ | with r
cooperate | n | ties, relations, relationship~ | with between r tone=neutral
aid | n | aid, assistance, help | to for from
aid | v | aid~, assist~, help~ | o
aid | v | pay, pays, paid, paying | o actobj
aid | v | supply, supplies, supplied, supplying | o to with
aid | n | supply, supplies, shipment~, delivery, deliveries, transfer~, donation~, loan~, funding, investment~, export~, sale~ | to for
aid | v | provide~, deliver~ | o to with
aid | v | ship+~, export~, sell, sells, sold, selling, transfer+~, donate~, lend, lends, lent, lending | to
aid | v | send, sends, sent, sending | to
aid | v | fund~, finance~, arm~, rescue~, protect~ | o
aid | v | invest~ | in
aid | v | rely~, depend~, lean~ | on rev
aid | n | reliance, dependence | on rev
aid | v | import~, buy, buys, bought, buying, purchase~ | from rev
retreat | v | withdraw, withdraws, withdrew, withdrawn, withdrawing | from
retreat | v | pull out, pulls out, pulled out, pulling out, walk away, walks away, walked away, walking away | of from
reject | v | tear up, tears up, tore up, torn up, tearing up, scrap+~, abandon~, renege~ | o on op=cease
retreat | n | withdrawal~, de-escalation | from
investigate | v | investigate~, probe~ | o
investigate | n | investigation~, probe~, inquiry, inquiries | into of
demand | v | urge~ | o op=demand
demand | v | persuade~, encourage~ | o op=demand
demand | v | call on, calls on, called on, calling on, call upon, called upon | o op=demand
demand | v | appeal~ | to op=demand
demand | v | ask~ | o op=demand
demand | v | press~ | o op=demand
demand | v | demand~ | o from tone=conflict
demand | n | demand~ | on from of tone=conflict
disapprove | v | condemn~, criticize~, criticise~, denounce~, rebuke~, slam+~, blast~, lambast~, lambaste~, castigate~, decry, decries, decried, decrying, deplore~, censure~, chastise~, berate~, scold~ | o for over
disapprove | n | condemnation~, criticism~, denunciation~, censure | of against on
disapprove | a | critical | of
disapprove | a | responsible | rev
disapprove | n | critic~ | of agentive
disapprove | v | blame~ | o for on
disapprove | v | accuse~ | o of
disapprove | v | implicate~ | o in
disapprove | v | despise~, resent~, scorn~ | o
disapprove | v | delegitimize~, delegitimise~ | o
disapprove | v | summon~ | o actobj
disapprove | n | complaint~ | with against about to
coerce | v | influence~ | o actobj
disapprove | n | rebuke~, reprimand~ | of against on to
disapprove | n | accusation~, allegation~ | against of
disapprove | v | take aim at, takes aim at, took aim at, taking aim at, hit out at, hits out at, hitting out at, lash out at, lashes out at, lashed out at, lashing out at | o
disapprove | n | displeasure, anger, outrage, fury, ire, indignation, grudge~, beef, hostility, animosity, enmity, antagonism, mistrust, distrust, suspicion | at with against toward towards over
disapprove | a | hostile | to toward towards
disapprove | n | tension~, friction~, rivalry, rivalries, feud~, spat~, standoff~, stand-off~, row~ | with between r
disapprove | v | spar+~, bicker~, quarrel~, quarrell+~ | with over r
disapprove | n | loggerheads, quarrel~ | with between over r
disapprove | n | war of words, wars of words, slanging match~, shouting match~ | with between r
disapprove | n | dispute~, confrontation~ | with between over r
disapprove | v | dispute~, confront~, question~ | o
disapprove | n | difference~, division~, disagreement~ | with between over r
disapprove | n | rival~, arch-rival~, adversary, adversaries, enemy, enemies, foe~ | of agentive r
disapprove | n | regret, concern~ | over about at
disapprove | n | strong words, harsh words, tough words, harsh rhetoric, hostile rhetoric | on against for toward towards about
disapprove | n | defiance | toward towards of against
disapprove | n | competition | with between r
disapprove | v | take a hard line, takes a hard line, took a hard line, taking a hard line | with on against
reject | v | reject~, rebuff~, snub+~, shun+~, boycott~ | o
reject | n | rejection~, boycott~ | of
reject | n | snub~ | to of
reject | v | defy, defies, defied, defying | o
reject | v | violate~, breach~ | o
reject | v | veto~, vetoes | o op=oppose
reject | n | veto, vetoes | of on op=oppose
reject | v | oppose~, resist~ | o op=oppose
reject | n | opposition, resistance | to op=oppose
reject | n | objection~ | to op=oppose
reject | a | opposed | to op=oppose
reject | v | object~ | to op=oppose
reject | p | against | op=oppose
reject | v | refuse~, decline~ | o op=refuse
reject | n | refusal~ | to of op=refuse
reject | v | deny, denies, denied, denying | o op=deny
reject | n | denial~ | of op=deny
reject | v | cut ties, cuts ties, cutting ties, sever ties, severs ties, severed ties, severing ties | with r
threaten | v | threaten~ | o with
threaten | n | threat~ | to from against
threaten | v | warn~ | o of against
threaten | n | warning~ | to against
threaten | v | intimidate~, menace~ | o
threaten | v | provoke~, deter+~ | o
threaten | n | ultimatum~, intimidation | to
protest | v | protest~ | o against to with
protest | n | protest~ | against of to with
protest | n | demonstration~, rally, rallies | against of
sanction | v | sanction~, blacklist~, embargo, embargoes, embargoed, embargoing, expel+~, deport~, detain~, arrest~, penalize~, penalise~, punish~ | o
sanction | n | sanction~, embargo, embargoes, blacklisting, expulsion~, deportation~, detention~, arrest~, penalty, penalties, punishment~, tariff~, restriction~ | on against targeting over
sanction | n | curb~, export control~, trade control~, import control~, trade barrier~ | on against targeting over
sanction | v | ban+~ | o
sanction | v | indict~, jail~, imprison~ | o
sanction | v | crack down on, cracks down on, cracked down on, cracking down on | o
sanction | n | crackdown~ | on against
sanction | v | freeze, freezes, froze, frozen, freezing | o op=cease
sanction | v | immobilise~, immobilize~, impound~, confiscate~ | o op=cease
sanction | n | ban~ | on against
sanction | a | punitive | against
sanction | v | charge, charges, charged, charging | o actobj
mobilize | v | test-fire~, test-fired, detonate~, deploy~, mobilize~, mobilise~ | o against near
mobilize | n | test~, launch~, drill~, exercise~, maneuver~, manoeuvre~, deployment~, buildup~, build-up~, provocation~, detonation~ | against near toward towards targeting around off
mobilize | a | provocative | toward towards against
coerce | v | pressure~, pressurize~, pressurise~, coerce~, blackmail~, intimidate~, undermine~, subvert~, sabotage~, hamstring~, hamstrung, stymie~, isolate~ | o
coerce | n | pressure, coercion, blackmail, sabotage, isolation | on against of
coerce | v | put pressure on, puts pressure on, putting pressure on, put the screws on | o
coerce | v | contain~ | o actobj
coerce | v | counter~ | o actobj
coerce | n | containment | of
coerce | v | interfere~, meddle~ | in with
coerce | n | interference, meddling | in with
coerce | v | seize~, capture~, hack~ | o
coerce | v | harass~ | o
coerce | v | block~, obstruct~, blockade~ | o actobj
coerce | n | blockade~ | of on against
coerce | v | jam+~ | o
coerce | n | harassment | of against
coerce | n | seizure~, hacking, hack~ | of
coerce | v | spy, spies, spied, spying | on
coerce | n | espionage, spying | on against
coerce | v | force~ | o actobj
assault | v | attack~, invade~, bomb~, bombard~, shell~, strike, strikes, struck, striking, raid~, assault~, kill~, occupy, occupies, occupied, occupying, annex~, target~, ram+~, sideswipe~ | o in inside into on
assault | v | collide~ | with r
assault | n | collision~ | with between r
assault | n | attack~, invasion~, bombing~, bombardment~, shelling, strike~, airstrike~, air strike~, raid~, assault~, offensive~, incursion~, occupation, annexation, aggression, hostilities | on against of in into
assault | n | war~, warfare | against on with in between r
assault | n | conflict~, clash~, battle~, fighting | with between against r
assault | v | clash~ | with r
assault | v | fight, fights, fought, fighting, battle~, combat~ | o against with r
assault | v | retaliate~ | against
assault | n | retaliation, reprisal~ | against for
assault | v | shoot down, shot down, shoots down, shooting down | o
assault | v | downed, downing | o
assault | v | pound~, execute~ | o actobj
assault | v | defeat~, destroy~, crush~, annihilate~, obliterate~ | o actobj
assault | v | hit, hits, hitting | o actobj
assault | v | hit back, hits back, hitting back | at
assault | v | open fire, opened fire, opens fire, opening fire | on at
assault | v | fire~ | at on into toward towards over
assault | v | launch~ | into at
";

/// Cue forms by their first word, hashed as the word lists are (every token is looked up).
pub(crate) type Lexicon = HashMap<&'static str, Vec<Entry>, BuildHasherDefault<WordHasher>>;

/// Cue forms, by their first word (lowercase).
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut map = Lexicon::default();
    for line in TABLE.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(" | ").collect();
        let [category, pos, forms, frame] = fields[..] else {
            panic!("lexicon line {line:?} has four fields");
        };
        let category = Category::ALL
            .into_iter()
            .find(|c| c.as_str() == category)
            .unwrap_or_else(|| panic!("lexicon line {line:?}: no category {category:?}"));
        let pos = match pos {
            "v" => Pos::Verb,
            "n" => Pos::Noun,
            "a" => Pos::Adj,
            "p" => Pos::Prep,
            other => panic!("lexicon line {line:?}: no part of speech {other:?}"),
        };
        let mut template = Entry {
            category: Some(category),
            tone: category.tone(),
            pos,
            object: false,
            preps: Vec::new(),
            reciprocal: false,
            reverse: false,
            actor_object: false,
            agentive: false,
            op: Op::Plain,
            rest: Vec::new(),
        };
        for word in frame.split_whitespace() {
            match word {
                "o" => template.object = true,
                "r" => template.reciprocal = true,
                "rev" => template.reverse = true,
                "actobj" => template.actor_object = true,
                "agentive" => template.agentive = true,
                "op=oppose" => template.op = Op::Oppose,
                "op=support" => template.op = Op::Support,
                "op=cease" => template.op = Op::Cease,
                "op=refuse" => template.op = Op::Refuse,
                "op=deny" => template.op = Op::Deny,
                "op=demand" => template.op = Op::Demand,
                "tone=neutral" => {
                    template.tone = Tone::Neutral;
                    template.category = None;
                }
                "tone=conflict" => template.tone = Tone::Conflict,
                prep if PREPOSITIONS.contains(prep) || prep == "targeting" => {
                    template.preps.push(prep)
                }
                other => panic!("lexicon line {line:?}: frame word {other:?}"),
            }
        }
        for form in phrases(forms, pos) {
            let mut words = form.split(' ');
            let first = words.next().expect("a form has a word");
            let mut entry = template.clone();
            entry.rest = words.collect();
            map.entry(first).or_default().push(entry);
        }
    }
    // Longer phrases first: "phone call" before "phone", "strike a deal" before "strike".
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// The forms a field of the table lists, separated by commas; a form may be a phrase.
fn phrases(forms: &'static str, pos: Pos) -> Vec<&'static str> {
    forms
        .split(',')
        .map(str::trim)
        .flat_map(|form| inflect(form, pos))
        .collect()
}

/// Regular forms of a word written with `~` (leaked as `'static` once, when the lexicon is
/// built); other words as written.
fn inflect(word: &'static str, pos: Pos) -> Vec<&'static str> {
    let Some(base) = word.strip_suffix('~') else {
        return vec![word];
    };
    let (base, double) = match base.strip_suffix('+') {
        Some(b) => (b, true),
        None => (base, false),
    };
    // A phrase written with `~` on its last word: inflect that word.
    if let Some((head, last)) = base.rsplit_once(' ') {
        return inflect_word(last, double, pos)
            .into_iter()
            .map(|f| &*Box::leak(format!("{head} {f}").into_boxed_str()))
            .collect();
    }
    inflect_word(base, double, pos)
        .into_iter()
        .map(|f| &*Box::leak(f.into_boxed_str()))
        .collect()
}

fn inflect_word(base: &str, double: bool, pos: Pos) -> Vec<String> {
    let last = base.chars().last().unwrap_or(' ');
    let before_last = base.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    let sibilant = base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z');
    let plural = if last == 'y' && !vowel(before_last) {
        format!("{}ies", &base[..base.len() - 1])
    } else if sibilant {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    if pos == Pos::Noun {
        return vec![base.to_string(), plural];
    }
    let stem = if double {
        format!("{base}{last}")
    } else {
        base.to_string()
    };
    let (past, ing) = if base.ends_with("ee") {
        // "agreed", "agreeing"; "freed", "freeing".
        (format!("{base}d"), format!("{base}ing"))
    } else if last == 'e' {
        (
            format!("{base}d"),
            format!("{}ing", &base[..base.len() - 1]),
        )
    } else if last == 'y' && !vowel(before_last) {
        (
            format!("{}ied", &base[..base.len() - 1]),
            format!("{base}ing"),
        )
    } else {
        (format!("{stem}ed"), format!("{stem}ing"))
    };
    vec![base.to_string(), plural, past, ing]
}

/// Prepositions: they open a phrase that is not the subject.
pub(crate) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "with",
        "on",
        "against",
        "to",
        "for",
        "of",
        "over",
        "between",
        "among",
        "into",
        "in",
        "at",
        "toward",
        "towards",
        "from",
        "about",
        "by",
        "near",
        "after",
        "before",
        "during",
        "since",
        "under",
        "amid",
        "despite",
        "through",
        "across",
        "via",
        "upon",
        "within",
        "without",
        "beyond",
        "behind",
        "including",
        "like",
        "than",
        "as",
        "alongside",
        "around",
        "along",
        "onto",
        "throughout",
        "regarding",
        "concerning",
        "per",
        "versus",
        "vs",
        "unlike",
        "outside",
        "inside",
        "off",
    ])
});

/// Verbs of saying and reporting: their subject is a speaker, not a party to what is said.
pub(crate) static SPEECH: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "add",
        "adds",
        "added",
        "adding",
        "state",
        "states",
        "stated",
        "stating",
        "note",
        "notes",
        "noted",
        "noting",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "stress",
        "stresses",
        "stressed",
        "stressing",
        "remark",
        "remarks",
        "remarked",
        "explain",
        "explains",
        "explained",
        "argue",
        "argues",
        "argued",
        "arguing",
        "insist",
        "insists",
        "insisted",
        "announce",
        "announces",
        "announced",
        "announcing",
        "report",
        "reports",
        "reported",
        "reporting",
        "quote",
        "quotes",
        "quoted",
        "quoting",
        "cite",
        "cites",
        "cited",
        "citing",
        "write",
        "writes",
        "wrote",
        "written",
        "comment",
        "comments",
        "commented",
        "suggest",
        "suggests",
        "suggested",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "estimate",
        "estimates",
        "estimated",
        "confirm",
        "confirms",
        "confirmed",
        "reveal",
        "reveals",
        "revealed",
        "assert",
        "asserts",
        "asserted",
        "emphasize",
        "emphasizes",
        "emphasized",
        "emphasise",
        "emphasised",
        "predict",
        "predicts",
        "predicted",
        "acknowledge",
        "acknowledged",
        "declare",
        "declares",
        "declared",
        "reiterate",
        "reiterated",
        "recall",
        "recalled",
        "observe",
        "observed",
        "indicate",
        "indicated",
        "disclose",
        "disclosed",
        "mention",
        "mentioned",
        "tweet",
        "tweeted",
        "posted",
        "broadcast",
        "aired",
        "carried",
        "published",
        "quipped",
        "conclude",
        "concluded",
        "speculate",
        "speculated",
        "fear",
        "fears",
        "feared",
        "hope",
        "hopes",
        "hoped",
        "see",
        "sees",
        "saw",
        "view",
        "views",
        "viewed",
        "consider",
        "considers",
        "considered",
        "describe",
        "describes",
        "described",
        "call",
        "calls",
        "called",
        "brief",
        "briefed",
        "point",
        "points",
        "pointed",
        "show",
        "shows",
        "showed",
        "agree",
    ])
});

/// Verbs whose subject carries out the event a cue noun in their object names ("imposed
/// sanctions", "held talks", "expressed support").
pub(crate) static LIGHT: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "impose",
        "imposes",
        "imposed",
        "imposing",
        "slap",
        "slaps",
        "slapped",
        "slapping",
        "levy",
        "levied",
        "place",
        "places",
        "placed",
        "announce",
        "announces",
        "announced",
        "adopt",
        "adopted",
        "pass",
        "passed",
        "hold",
        "holds",
        "held",
        "holding",
        "have",
        "has",
        "had",
        "having",
        "conduct",
        "conducts",
        "conducted",
        "conducting",
        "launch",
        "launches",
        "launched",
        "launching",
        "carry",
        "carries",
        "carried",
        "carrying",
        "stage",
        "staged",
        "staging",
        "express",
        "expresses",
        "expressed",
        "expressing",
        "voice",
        "voiced",
        "offer",
        "offers",
        "offered",
        "offering",
        "give",
        "gives",
        "gave",
        "given",
        "giving",
        "lend",
        "lent",
        "sign",
        "signs",
        "signed",
        "signing",
        "seal",
        "sealed",
        "forge",
        "forged",
        "pledge",
        "pledged",
        "vow",
        "vowed",
        "make",
        "makes",
        "made",
        "making",
        "seek",
        "seeks",
        "sought",
        "seeking",
        "pursue",
        "pursued",
        "pursuing",
        "wage",
        "waged",
        "waging",
        "declare",
        "declared",
        "issue",
        "issued",
        "issues",
        "send",
        "sent",
        "step",
        "stepped",
        "ramp",
        "ramped",
        "tighten",
        "tightened",
        "tightening",
        "extend",
        "extended",
        "expand",
        "expanded",
        "expanding",
        "discuss",
        "discussed",
        "discussing",
        "reach",
        "reached",
        "ink",
        "inked",
        "agree",
        "agreed",
        "plan",
        "plans",
        "planned",
        "begin",
        "began",
        "begun",
        "start",
        "started",
        "continue",
        "continued",
        "continues",
        "keep",
        "kept",
        "maintain",
        "maintained",
        "enter",
        "entered",
        "deliver",
        "delivered",
        "show",
        "showed",
        "demonstrate",
        "demonstrated",
        "resume",
        "resumed",
        "intensify",
        "intensified",
        "escalate",
        "escalated",
        "step",
        "stepping",
        "propose",
        "proposed",
        "proposes",
        "mount",
        "mounted",
        "won",
        "win",
        "wins",
        "secure",
        "secured",
        "renew",
        "renewed",
        "deepen",
        "deepened",
        "strengthen",
        "strengthened",
        "bolster",
        "bolstered",
        "boost",
        "boosted",
        "enhance",
        "enhanced",
        "increase",
        "increased",
        "grow",
        "grew",
        "build",
        "built",
        "building",
        "develop",
        "developed",
        "promote",
        "promoted",
        "improve",
        "improved",
        "improving",
        "upgrade",
        "upgraded",
        "cement",
        "cemented",
        "establish",
        "established",
        "restore",
        "restored",
        "sever",
        "severed",
        "cut",
        "downgrade",
        "downgraded",
        "suspend",
        "suspended",
        "freeze",
        "froze",
        "frozen",
        "damage",
        "damaged",
        "strain",
        "strained",
        "sour",
        "soured",
        "raise",
        "raised",
        "raising",
        "fuel",
        "fuelled",
        "fueled",
        "heighten",
        "heightened",
    ])
});

/// Light verbs that make a relation better or worse ("strengthen ties", "sever ties").
pub(crate) static RAISE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "deepen",
        "deepened",
        "deepening",
        "deepens",
        "strengthen",
        "strengthened",
        "strengthening",
        "strengthens",
        "bolster",
        "bolstered",
        "bolstering",
        "boost",
        "boosted",
        "boosting",
        "enhance",
        "enhanced",
        "enhancing",
        "expand",
        "expanded",
        "expanding",
        "improve",
        "improved",
        "improving",
        "improves",
        "upgrade",
        "upgraded",
        "cement",
        "cemented",
        "establish",
        "established",
        "restore",
        "restored",
        "build",
        "built",
        "building",
        "develop",
        "developed",
        "developing",
        "promote",
        "promoted",
        "forge",
        "forged",
        "increase",
        "increased",
        "grow",
        "grew",
        "growing",
        "renew",
        "renewed",
        "closer",
        "close",
        "warm",
        "warmer",
        "warming",
        "friendly",
        "strong",
        "stronger",
        "good",
        "better",
        "deeper",
        "deepening",
        "growing",
        "improved",
        "cordial",
        "brotherly",
        "special",
        "strategic",
        "comprehensive",
        "burgeoning",
        "blossoming",
        "budding",
        "flourishing",
        "normalize",
        "normalized",
        "normalise",
        "normalised",
        "beef",
        "beefing",
        "tighter",
        "solid",
    ])
});
pub(crate) static LOWER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "sever",
        "severed",
        "severing",
        "cut",
        "cutting",
        "downgrade",
        "downgraded",
        "suspend",
        "suspended",
        "freeze",
        "froze",
        "frozen",
        "damage",
        "damaged",
        "damaging",
        "strain",
        "strained",
        "straining",
        "sour",
        "soured",
        "souring",
        "frosty",
        "bottom",
        "lowest",
        "tense",
        "hostile",
        "cool",
        "cooling",
        "cooled",
        "worsening",
        "worsened",
        "deteriorating",
        "deteriorated",
        "bad",
        "troubled",
        "fraught",
        "rocky",
        "icy",
        "chilly",
        "frayed",
        "broken",
        "break",
        "broke",
        "raise",
        "raised",
        "raising",
        "heighten",
        "heightened",
        "heightening",
        "escalate",
        "escalated",
        "escalating",
        "fuel",
        "fuelled",
        "fueled",
        "fuelling",
        "fueling",
        "soaring",
        "rising",
        "mounting",
        "growing",
        "simmering",
        "high",
        "higher",
    ])
});

/// Verbs and prepositions whose subject or object suffers the event a cue noun names ("faces
/// sanctions", "under sanctions", "hit by sanctions").
pub(crate) static VICTIM: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "face",
        "faces",
        "faced",
        "facing",
        "suffer",
        "suffers",
        "suffered",
        "suffering",
        "endure",
        "endured",
        "defy",
        "defies",
        "defied",
        "defying",
        "evade",
        "evades",
        "evaded",
        "evading",
        "violate",
        "violates",
        "violated",
        "violating",
        "breach",
        "breached",
        "circumvent",
        "circumvented",
        "circumventing",
        "under",
        "survive",
        "survived",
        "bear",
        "bore",
        "hit",
        "feel",
        "felt",
        "escape",
        "escaped",
        "withstand",
        "withstood",
        "weather",
        "weathered",
        "inflicted",
        "subject",
        "targeted",
    ])
});

/// Auxiliary and modal verbs, and forms of "be".
pub(crate) static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "'s",
        "’s",
        "'re",
        "’re",
        "'ve",
        "’ve",
        "'ll",
        "’ll",
        "'d",
        "’d",
        "won't",
        "wont",
        "didn't",
        "doesn't",
        "don't",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "can't",
        "cannot",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "mustn't",
        "get",
        "gets",
        "got",
        "getting",
    ])
});

/// Forms of "be" (and "become", "remain"): a passive or a predicate follows.
pub(crate) static BE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "'s",
        "’s",
        "'re",
        "’re",
        "become",
        "becomes",
        "became",
        "remain",
        "remains",
        "remained",
        "get",
        "gets",
        "got",
        "seen",
        "considered",
        "regarded",
        "viewed",
        "described",
        "called",
        "named",
    ])
});

/// Words that make what follows a plain negation of the event.
pub(crate) static NEGATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "not",
        "no",
        "never",
        "without",
        "neither",
        "nor",
        "cannot",
        "won't",
        "didn't",
        "don't",
        "doesn't",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "can't",
        "wouldn't",
        "couldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "shouldn't",
        "mustn't",
        "nothing",
        "none",
        "unable",
        "unwilling",
        "reluctant",
        "unlikely",
        "wont",
        "nt",
    ])
});

/// Verbs and words of refusal in front of a "to": "refused to cooperate", "failed to agree".
pub(crate) static REFUSALS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "refuse",
        "refuses",
        "refused",
        "refusing",
        "decline",
        "declines",
        "declined",
        "declining",
        "fail",
        "fails",
        "failed",
        "failing",
        "reluctant",
        "unwilling",
        "loath",
        "loth",
        "hesitant",
        "unable",
        "unlikely",
        "stop",
        "stops",
        "stopped",
        "cease",
        "ceased",
        "halt",
        "halted",
        "halts",
        "reject",
        "rejected",
        "rejects",
        "oppose",
        "opposed",
        "opposes",
    ])
});

/// Words that end an event named in their object ("halt fuel supplies", "stop the attacks").
pub(crate) static CESSATION: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "halt",
        "halts",
        "halted",
        "halting",
        "stop",
        "stops",
        "stopped",
        "stopping",
        "end",
        "ends",
        "ended",
        "ending",
        "cease",
        "ceases",
        "ceased",
        "ceasing",
        "suspend",
        "suspends",
        "suspended",
        "suspending",
        "scrap",
        "scraps",
        "scrapped",
        "scrapping",
        "abandon",
        "abandons",
        "abandoned",
        "abandoning",
        "cut",
        "cuts",
        "cutting",
        "lift",
        "lifts",
        "lifted",
        "lifting",
        "ease",
        "eases",
        "eased",
        "easing",
        "relax",
        "relaxed",
        "loosen",
        "loosened",
        "withdraw",
        "withdrew",
        "withdrawn",
        "drop",
        "dropped",
        "dropping",
        "remove",
        "removed",
        "removing",
        "terminate",
        "terminated",
        "curb",
        "curbed",
        "curbing",
        "reduce",
        "reduced",
        "reducing",
        "pause",
        "paused",
        "freeze",
        "froze",
        "frozen",
        "block",
        "blocked",
        "blocking",
        "prevent",
        "prevented",
        "preventing",
        "refrain",
        "refrained",
        "refraining",
        "restrain",
        "restrained",
        "de-escalate",
        "defuse",
        "defused",
        "calm",
        "calmed",
        "avert",
        "averted",
        "roll",
        "rolled",
    ])
});

/// Words that open a subordinate clause whose event is only supposed.
pub(crate) static HYPOTHETICAL: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["if", "unless", "whether", "lest"]));

/// Verbs that say a meeting or an agreement came to nothing when its noun is their subject
/// ("the talks collapsed", "negotiations broke down"): the cooperation turns into its failure.
pub(crate) static BREAKDOWN: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "collapse",
        "collapses",
        "collapsed",
        "collapsing",
        "broke",
        "stall",
        "stalls",
        "stalled",
        "stalling",
        "falter",
        "falters",
        "faltered",
        "faltering",
        "founder",
        "founders",
        "foundered",
        "floundered",
        "deadlocked",
        "fell",
        "unravel",
        "unravels",
        "unravelled",
        "unraveled",
        "unravelling",
    ])
});

/// Verbs of fighting off or fighting back, and "against": "helped Russia repel …", "helps
/// Ukraine fight …", "helping X against Y" make the helper a party to the fighting.
pub(crate) static FIGHTING: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "repel",
        "repels",
        "repelled",
        "repelling",
        "repulse",
        "repulsed",
        "resist",
        "resisted",
        "resisting",
        "fight",
        "fighting",
        "fought",
        "defend",
        "defended",
        "defending",
        "counter",
        "countered",
        "countering",
        "push",
        "pushed",
        "pushing",
        "fend",
        "fended",
        "defeat",
        "defeated",
        "beat",
        "retake",
        "retook",
        "recapture",
        "recaptured",
        "liberate",
        "liberated",
        "attack",
        "attacked",
        "strike",
        "struck",
        "shoot",
        "shot",
        "against",
    ])
});

/// Words that open a new clause.
pub(crate) static SUBORDINATORS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "but",
        "yet",
        "if",
        "unless",
        "whether",
        "so",
        "however",
        "meanwhile",
        "until",
        "once",
        "lest",
        "whereby",
    ])
});

/// Words that open a clause after a comma: relative pronouns and participles of saying.
pub(crate) static RELATIVES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["which", "who", "whom", "whose", "where"]));

/// Words of titles and roles: a run of them before a name, or after a comma behind a name,
/// describes the person rather than naming another party.
pub(crate) static ROLES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "secretary",
        "secretary-general",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "ambassador",
        "envoy",
        "representative",
        "leader",
        "leaders",
        "chief",
        "head",
        "director",
        "director-general",
        "chairman",
        "chairwoman",
        "chair",
        "commander",
        "general",
        "admiral",
        "colonel",
        "premier",
        "chancellor",
        "king",
        "queen",
        "senator",
        "lawmaker",
        "governor",
        "mayor",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "adviser",
        "advisor",
        "counselor",
        "counsellor",
        "counterpart",
        "counterparts",
        "predecessor",
        "successor",
        "professor",
        "researcher",
        "fellow",
        "analyst",
        "expert",
        "scholar",
        "member",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "unification",
        "national",
        "security",
        "state",
        "special",
        "former",
        "then",
        "late",
        "acting",
        "interim",
        "top",
        "senior",
        "press",
        "delegate",
        "lawyer",
        "reporter",
        "correspondent",
        "editor",
        "founder",
        "ceo",
        "executive",
        "officer",
        "commissioner",
        "coordinator",
        "negotiator",
        "nuclear",
        "affairs",
        "first",
        "supreme",
        "deputy",
        "permanent",
        "military",
        "army",
        "navy",
        "intelligence",
        "staff",
        "ruling",
        "opposition",
        "party",
        "politburo",
        "central",
        "committee",
        "assembly",
        "council",
        "cabinet",
        "government",
        "administration",
        "regime",
        "ministry",
        "department",
        "agency",
        "office",
        "bureau",
        "commission",
        "spy",
        "chiefs",
        "director",
        "economy",
        "finance",
        "trade",
        "industry",
        "justice",
        "interior",
        "home",
        "external",
        "international",
        "relations",
        "policy",
        "strategy",
        "strategic",
        "affairs",
        "communications",
        "communication",
        "information",
        "presidential",
        "vice-president",
        "vice-minister",
        "first-vice",
        "dictator",
        "strongman",
        "heir",
        "sister",
        "brother",
        "wife",
        "husband",
        "father",
        "mother",
        "son",
        "daughter",
        "uncle",
        "aunt",
        "niece",
        "nephew",
        "ruler",
        "monarch",
        "emperor",
        "crown",
        "prince",
        "princess",
        "lieutenant",
        "major",
        "captain",
        "sergeant",
        "marshal",
        "general-secretary",
        "envoys",
        "co-chair",
        "co-founder",
        "executive",
        "legislator",
        "congressman",
        "congresswoman",
        "representatives",
        "defense-minister",
        "foreign-minister",
        "counselor",
        "attaché",
        "consul",
        "consul-general",
        "charge",
        "d'affaires",
        "observer",
        "observers",
        "researchers",
        "analysts",
        "experts",
        "scholars",
        "professor",
        "lecturer",
        "student",
        "spokespersons",
        "representative",
    ])
});

/// Nouns and words that make a reporting source of what follows ("according to", "a photo
/// released by").
pub(crate) static SOURCE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "photo",
        "photos",
        "picture",
        "pictures",
        "image",
        "images",
        "footage",
        "video",
        "videos",
        "report",
        "reports",
        "broadcast",
        "dispatch",
        "statement",
        "commentary",
        "editorial",
        "interview",
        "article",
        "story",
        "data",
        "survey",
        "poll",
        "newspaper",
        "outlet",
        "agency",
        "file",
    ])
});

/// Determiners and other words that may open a noun phrase.
pub(crate) static DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "new",
        "fresh",
        "further",
        "additional",
        "more",
        "any",
        "some",
        "such",
        "every",
        "each",
        "both",
        "all",
        "other",
        "another",
        "several",
        "many",
        "most",
        "much",
        "few",
        "no",
    ])
});

/// Pronouns that can stand for an actor named before them.
pub(crate) static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "us", "our",
        "i", "me", "my",
    ])
});

/// Words that look like verbs whatever their context: finite forms no cue lists.
pub(crate) static VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "said",
        "says",
        "told",
        "added",
        "announced",
        "stated",
        "noted",
        "reported",
        "seeks",
        "sought",
        "wants",
        "wanted",
        "plans",
        "planned",
        "expects",
        "expected",
        "appears",
        "appeared",
        "seems",
        "seemed",
        "remains",
        "remained",
        "became",
        "becomes",
        "continues",
        "continued",
        "tried",
        "tries",
        "made",
        "makes",
        "took",
        "takes",
        "gave",
        "gives",
        "held",
        "holds",
        "sent",
        "sends",
        "came",
        "comes",
        "went",
        "goes",
        "called",
        "calls",
        "asked",
        "asks",
        "believes",
        "believed",
        "thinks",
        "thought",
        "knows",
        "knew",
        "showed",
        "shows",
        "include",
        "includes",
        "included",
        "arrived",
        "arrives",
        "left",
        "leaves",
        "returned",
        "returns",
        "traveled",
        "travelled",
        "travels",
        "flew",
        "flies",
        "headed",
        "heads",
        "joined",
        "joins",
        "attended",
        "attends",
        "spoke",
        "speaks",
        "remarked",
        "urged",
        "imposed",
        "launched",
        "conducted",
        "warned",
        "vowed",
        "pledged",
        "agreed",
        "signed",
        "met",
        "visited",
        "hosted",
        "welcomed",
        "accused",
        "condemned",
        "criticized",
        "criticised",
        "denied",
        "rejected",
        "refused",
        "declined",
        "failed",
        "stopped",
        "halted",
        "ended",
        "began",
        "started",
        "hopes",
        "hoped",
        "fears",
        "feared",
        "needs",
        "needed",
        "uses",
        "used",
        "gets",
        "got",
        "puts",
        "put",
        "sees",
        "saw",
        "says",
        "tells",
        "keeps",
        "kept",
        "lets",
        "brought",
        "brings",
        "built",
        "builds",
        "bought",
        "buys",
        "sold",
        "sells",
        "paid",
        "pays",
        "won",
        "wins",
        "lost",
        "loses",
        "faces",
        "faced",
        "remains",
        "stands",
        "stood",
        "lies",
        "lay",
        "lead",
        "leads",
        "led",
        "runs",
        "ran",
        "owns",
        "owned",
        "shares",
        "shared",
        "carries",
        "carried",
        "depends",
        "relies",
        "seemed",
        "looks",
        "looked",
        "considers",
        "considered",
        "describes",
        "described",
        "estimated",
        "expressed",
        "stressed",
        "insisted",
        "argued",
        "claimed",
        "suggested",
        "revealed",
        "confirmed",
        "explained",
        "emphasized",
    ])
});

/// Subject pronouns of the first person: in a quotation they stand for the speaker.
pub(crate) static FIRST_PERSON: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["we", "us", "our", "i", "me", "my"]));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_are_generated() {
        let forms = inflect("condemn~", Pos::Verb);
        assert_eq!(
            forms,
            ["condemn", "condemns", "condemned", "condemning"].map(|s| s)
        );
        assert!(inflect("ban+~", Pos::Verb).contains(&"banned"));
        assert!(inflect("supply~", Pos::Noun).contains(&"supplies"));
        assert!(inflect("retaliate~", Pos::Verb).contains(&"retaliating"));
        assert_eq!(
            inflect("agree~", Pos::Verb),
            ["agree", "agrees", "agreed", "agreeing"]
        );
        assert!(inflect("free~", Pos::Verb).contains(&"freed"));
        assert!(LEXICON.contains_key("agreed"));
    }

    #[test]
    fn phrases_keep_their_words_together() {
        assert!(LEXICON["strike"].iter().any(|e| e.rest == ["a", "deal"]));
        assert!(LEXICON["phone"].iter().any(|e| e.rest == ["call"]));
        assert!(LEXICON["sanctions"].iter().any(|e| e.pos == Pos::Noun));
        assert!(LEXICON["sanctioned"].iter().any(|e| e.pos == Pos::Verb));
    }
}
