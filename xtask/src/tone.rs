//! The tone benchmark of `cargo xtask eval`: reads the hand-labelled pairs of
//! `bench/tone/pairs.jsonl` (labelled by `bench/tone/GUIDELINE.md`), runs the engine in-process on
//! each sentence, and scores what it reports — tone accuracy, per-tone precision and recall,
//! recall of pairs, the share of reported pairs that are not relations, direction — beside the
//! "always cooperation" baseline. It owns no rule of the engine and asserts nothing about the
//! numbers; the scoring is pure and unit-tested.

use crate::bench::{now_iso, read, splice, write};
use crate::{Ctx, Result};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// The labelled pairs, relative to the workspace root.
pub const PAIRS: &str = "bench/tone/pairs.jsonl";
const BEGIN: &str = "<!-- tone:begin (written by `cargo xtask eval`; edit outside these marks) -->";
const END: &str = "<!-- tone:end -->";
/// The title line put above each sentence: the engine reads a page, and this one names no actor.
const TITLE: &str = "Benchmark sentence";

/// What a sentence says about the relation between two of the actors it names.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum Label {
    Cooperation,
    Conflict,
    Neutral,
    /// Not a relation: a credit, a dateline, a place, a member and its body, one side of a list.
    None,
}

impl Label {
    /// The three tones a real relation can have, in table order.
    pub const TONES: [Label; 3] = [Label::Cooperation, Label::Conflict, Label::Neutral];
    pub const ALL: [Label; 4] = [
        Label::Cooperation,
        Label::Conflict,
        Label::Neutral,
        Label::None,
    ];

    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "cooperation" => Label::Cooperation,
            "conflict" => Label::Conflict,
            "neutral" => Label::Neutral,
            "none" => Label::None,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Cooperation => "cooperation",
            Label::Conflict => "conflict",
            Label::Neutral => "neutral",
            Label::None => "none",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Who acts on whom, with `a < b` the pair's ids in byte order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    AToB,
    BToA,
    Mutual,
}

impl Direction {
    /// The benchmark's spelling: `a>b`, `b>a`, `mutual`, or empty for none.
    pub fn parse_gold(s: &str) -> std::result::Result<Option<Direction>, String> {
        Ok(match s {
            "" => None,
            "a>b" => Some(Direction::AToB),
            "b>a" => Some(Direction::BToA),
            "mutual" => Some(Direction::Mutual),
            other => {
                return Err(format!(
                    "direction `{other}` is not a>b, b>a, mutual or empty"
                ));
            }
        })
    }

    /// The engine's `direction` field as serialised, in whichever of the usual spellings; `None`
    /// when it says the sentence gives no direction (or a value this does not know).
    pub fn parse_engine(v: &Value, a: &str, b: &str) -> Option<Direction> {
        match v {
            Value::String(s) => match s.to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
                "a_to_b" | "atob" | "a>b" | "forward" => Some(Direction::AToB),
                "b_to_a" | "btoa" | "b>a" | "backward" | "reverse" => Some(Direction::BToA),
                "mutual" | "both" => Some(Direction::Mutual),
                _ => None,
            },
            // `{ "from": id, "to": id }` or the like: the actor that acts comes first.
            Value::Object(map) => {
                let ids: Vec<&str> = map.values().filter_map(Value::as_str).collect();
                match ids.as_slice() {
                    [x, y] if *x == a && *y == b => Some(Direction::AToB),
                    [x, y] if *x == b && *y == a => Some(Direction::BToA),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::AToB => "a>b",
            Direction::BToA => "b>a",
            Direction::Mutual => "mutual",
        }
    }
}

/// One labelled pair: a sentence, two actors it names and what it says about them.
#[derive(Clone, Debug)]
pub struct Pair {
    pub id: String,
    pub lang: String,
    pub sentence: String,
    pub a: String,
    pub b: String,
    pub label: Label,
    pub direction: Option<Direction>,
}

/// Reads `pairs.jsonl`: one JSON object a line, `a < b`, a known label, each pair once.
pub fn parse_pairs(text: &str) -> Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    let mut seen = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{PAIRS}:{n}: not JSON ({e})"))?;
        let field = |key: &str| {
            v[key]
                .as_str()
                .map(str::to_string)
                .ok_or(format!("{PAIRS}:{n}: `{key}` is missing or not a string"))
        };
        let (a, b) = (field("a")?, field("b")?);
        if a >= b {
            return Err(format!(
                "{PAIRS}:{n}: `a` must sort before `b` (got {a} and {b}); swap them and turn the direction around"
            ));
        }
        let label = field("label")?;
        let label = Label::parse(&label).ok_or(format!(
            "{PAIRS}:{n}: label `{label}` is not cooperation, conflict, neutral or none"
        ))?;
        let direction = Direction::parse_gold(v["direction"].as_str().unwrap_or(""))
            .map_err(|e| format!("{PAIRS}:{n}: {e}"))?;
        let sentence = field("sentence")?;
        if let Some(first) = seen.insert((sentence.clone(), a.clone(), b.clone()), n) {
            return Err(format!(
                "{PAIRS}:{n}: the pair {a}–{b} of this sentence is labelled already on line {first}"
            ));
        }
        pairs.push(Pair {
            id: field("id")?,
            lang: field("lang")?,
            sentence,
            a,
            b,
            label,
            direction,
        });
    }
    Ok(pairs)
}

/// What the engine reported for one pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    /// Cooperation, conflict or neutral.
    pub tone: Label,
    pub cue: Option<String>,
    /// `None` when the engine's evidence has no direction field at all; `Some(None)` when it has
    /// one and says the sentence gives none.
    pub direction: Option<Option<Direction>>,
}

/// A pair of dictionary actors the engine reported that the benchmark does not label.
pub struct Unlabelled {
    pub sentence: String,
    pub a: String,
    pub b: String,
    pub tone: String,
}

/// The reader with the corpus's actors and outlets (no sources.toml: it would not know these
/// pages).
pub(crate) fn corpus_knowledge(ctx: &Ctx) -> Result<reader::Knowledge> {
    let corpus = ctx.root.join("corpus");
    let text =
        |name: &str| read(&corpus.join(name)).map(|b| String::from_utf8_lossy(&b).into_owned());
    reader::Knowledge::from_sources(&text("actors.toml")?, &text("outlets.toml")?, "")
        .map_err(|e| format!("corpus/: {e}"))
}

/// Runs the engine on every labelled sentence (once each) and returns, per pair, what it reported.
fn engine_run(ctx: &Ctx, pairs: &[Pair]) -> Result<(Vec<Option<Said>>, Vec<Unlabelled>)> {
    let knowledge = corpus_knowledge(ctx)?;
    let dictionary: std::collections::HashSet<&str> = knowledge
        .matcher
        .dict
        .actors
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let mut sentences: Vec<&str> = Vec::new();
    for p in pairs {
        if !sentences.contains(&p.sentence.as_str()) {
            sentences.push(&p.sentence);
        }
    }
    let labelled: std::collections::HashSet<(&str, &str, &str)> = pairs
        .iter()
        .map(|p| (p.sentence.as_str(), p.a.as_str(), p.b.as_str()))
        .collect();
    let mut reported: HashMap<(&str, String, String), Said> = HashMap::new();
    let mut unlabelled = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let page = format!("{TITLE}\n\n{sentence}\n");
        let article = knowledge.read_article(&format!("tone-{i:04}.txt"), page.as_bytes());
        for evidence in &article.evidence {
            let v = serde_json::to_value(evidence).map_err(|e| e.to_string())?;
            let (Some(a), Some(b)) = (v["a"].as_str(), v["b"].as_str()) else {
                continue;
            };
            if !dictionary.contains(a) || !dictionary.contains(b) {
                continue;
            }
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            let tone = v["tone"].as_str().unwrap_or("");
            let said = Said {
                tone: match Label::parse(tone) {
                    Some(t) if t != Label::None => t,
                    _ => return Err(format!("the engine gave tone `{tone}`")),
                },
                cue: v["cue"].as_str().map(str::to_string),
                direction: v.get("direction").map(|d| Direction::parse_engine(d, a, b)),
            };
            if !labelled.contains(&(sentence, a, b)) {
                unlabelled.push(Unlabelled {
                    sentence: sentence.to_string(),
                    a: a.into(),
                    b: b.into(),
                    tone: tone.into(),
                });
                continue;
            }
            // The first evidence of a pair in a sentence stands for it.
            reported
                .entry((sentence, a.to_string(), b.to_string()))
                .or_insert(said);
        }
    }
    let said = pairs
        .iter()
        .map(|p| {
            reported
                .get(&(p.sentence.as_str(), p.a.clone(), p.b.clone()))
                .cloned()
        })
        .collect();
    Ok((said, unlabelled))
}

/// "Always cooperation": the engine's pairs, each called cooperation.
pub fn always_cooperation(said: &[Option<Said>]) -> Vec<Option<Said>> {
    said.iter()
        .map(|s| {
            s.as_ref().map(|s| Said {
                tone: Label::Cooperation,
                cue: None,
                direction: s.direction,
            })
        })
        .collect()
}

/// Counts behind every figure, for one set of pairs and one system.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// `confusion[gold][said]`: gold cooperation, conflict, neutral, none × said cooperation,
    /// conflict, neutral, not reported.
    pub confusion: [[usize; 4]; 4],
    /// Pairs with a gold direction that the engine reports with a direction field; of those, how
    /// many it gave a direction for and how many it gave right. `None`: no direction field.
    pub direction: Option<DirectionCounts>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DirectionCounts {
    pub gold: usize,
    pub given: usize,
    pub right: usize,
}

/// A share, `None` when there is nothing to divide by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub n: usize,
    pub of: usize,
}

impl Share {
    pub fn value(self) -> Option<f64> {
        (self.of > 0).then(|| self.n as f64 / self.of as f64)
    }

    fn show(self) -> String {
        match self.value() {
            Some(v) => format!("{v:.3} ({}/{})", self.n, self.of),
            None => "—".into(),
        }
    }
}

pub fn score(pairs: &[&Pair], said: &[&Option<Said>]) -> Scores {
    let mut s = Scores::default();
    let mut any_direction_field = false;
    let mut dir = DirectionCounts::default();
    for (p, said) in pairs.iter().zip(said) {
        let col = said.as_ref().map_or(3, |x| x.tone.index());
        s.confusion[p.label.index()][col] += 1;
        if let Some(x) = said
            && let Some(d) = x.direction
        {
            any_direction_field = true;
            if let Some(gold) = p.direction
                && p.label != Label::None
            {
                dir.gold += 1;
                if let Some(d) = d {
                    dir.given += 1;
                    dir.right += usize::from(d == gold);
                }
            }
        }
    }
    s.direction = any_direction_field.then_some(dir);
    s
}

impl Scores {
    fn cell(&self, gold: Label, said: usize) -> usize {
        self.confusion[gold.index()][said]
    }

    fn reported(&self, gold: Label) -> usize {
        (0..3).map(|c| self.cell(gold, c)).sum()
    }

    fn labelled(&self, gold: Label) -> usize {
        (0..4).map(|c| self.cell(gold, c)).sum()
    }

    /// Right tones among the real relations (gold cooperation, conflict or neutral) the engine
    /// reports.
    pub fn tone_accuracy(&self) -> Share {
        Share {
            n: Label::TONES.iter().map(|&t| self.cell(t, t.index())).sum(),
            of: Label::TONES.iter().map(|&t| self.reported(t)).sum(),
        }
    }

    /// Of the reported pairs called `tone`, how many the gold gives that tone (pairs labelled
    /// `none` count against it).
    pub fn precision(&self, tone: Label) -> Share {
        Share {
            n: self.cell(tone, tone.index()),
            of: Label::ALL.iter().map(|&g| self.cell(g, tone.index())).sum(),
        }
    }

    /// Of the pairs the gold gives `tone`, how many the engine reports with that tone (a pair it
    /// does not report is missed).
    pub fn recall(&self, tone: Label) -> Share {
        Share {
            n: self.cell(tone, tone.index()),
            of: self.labelled(tone),
        }
    }

    /// Of the reported pairs the gold gives `tone`, how many the engine gives that tone: recall
    /// over what the engine reports, as issue 12 measures it (its sentences are evidence the
    /// engine reported), where `recall` also counts the pairs it does not report.
    pub fn reported_recall(&self, tone: Label) -> Share {
        Share {
            n: self.cell(tone, tone.index()),
            of: self.reported(tone),
        }
    }

    /// Real relations the engine reports at all, whatever the tone.
    pub fn pair_recall(&self) -> Share {
        Share {
            n: Label::TONES.iter().map(|&t| self.reported(t)).sum(),
            of: Label::TONES.iter().map(|&t| self.labelled(t)).sum(),
        }
    }

    /// Reported pairs that are not relations.
    pub fn none_share(&self) -> Share {
        Share {
            n: self.reported(Label::None),
            of: Label::ALL.iter().map(|&g| self.reported(g)).sum(),
        }
    }
}

/// Runs the benchmark, prints its section, writes `target/eval/tone.json` and the tone part of
/// `docs/QUALITY.md`.
pub fn run(ctx: &Ctx, commit: &str) -> Result {
    println!("==> tone benchmark ({PAIRS}, the engine in-process)");
    let path = ctx.root.join(PAIRS);
    let pairs = parse_pairs(&String::from_utf8_lossy(&read(&path)?))?;
    let (said, unlabelled) = engine_run(ctx, &pairs)?;
    let base = always_cooperation(&said);
    let section = section(&pairs, &said, &base, &unlabelled, commit);
    println!("\n{section}");
    let per_pair: Vec<Value> = pairs
        .iter()
        .zip(&said)
        .map(|(p, s)| {
            json!({
                "id": p.id, "lang": p.lang, "a": p.a, "b": p.b,
                "label": p.label.as_str(),
                "direction": p.direction.map(Direction::as_str),
                "engine": s.as_ref().map(|s| json!({
                    "tone": s.tone.as_str(),
                    "cue": s.cue,
                    "direction": s.direction.map(|d| d.map(Direction::as_str)),
                })),
            })
        })
        .collect();
    let unlabelled: Vec<Value> = unlabelled
        .iter()
        .map(|u| json!({ "sentence": u.sentence, "a": u.a, "b": u.b, "tone": u.tone }))
        .collect();
    let results = json!({
        "schema": "coverage-tone/1",
        "date": now_iso(),
        "commit": commit,
        "pairs": per_pair,
        "unlabelled": unlabelled,
    });
    let json_path = ctx.target_dir().join("eval/tone.json");
    let text = serde_json::to_string_pretty(&results).expect("JSON serialises") + "\n";
    write(&json_path, text.as_bytes())?;
    let doc = ctx.root.join("docs/QUALITY.md");
    let old = std::fs::read_to_string(&doc).unwrap_or_else(|_| "# Quality\n".into());
    write(&doc, splice(&old, BEGIN, END, &section).as_bytes())?;
    println!("wrote {} and docs/QUALITY.md", json_path.display());
    Ok(())
}

/// Every how many sentences one is held out: rules are worked out on the others ("tuning") and
/// checked on these ("held-out").
pub const HOLD_OUT_EVERY: usize = 5;

/// Whether each pair's sentence is held out: every `HOLD_OUT_EVERY`th sentence in the order the
/// file first gives it, so that the pairs of one sentence stay on one side.
pub fn held_out(pairs: &[Pair]) -> Vec<bool> {
    let mut order: HashMap<&str, usize> = HashMap::new();
    pairs
        .iter()
        .map(|p| {
            let n = order.len();
            let i = *order.entry(p.sentence.as_str()).or_insert(n);
            i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1
        })
        .collect()
}

/// The subsets every figure is given for: English, Korean, all, then the tuning and held-out
/// sentences.
fn subsets(pairs: &[Pair]) -> Vec<(&'static str, Vec<usize>)> {
    let out = held_out(pairs);
    let side = |h: bool| {
        (0..pairs.len())
            .filter(|&i| out[i] == h)
            .collect::<Vec<_>>()
    };
    let of = |lang: &str| {
        (0..pairs.len())
            .filter(|&i| pairs[i].lang == lang)
            .collect::<Vec<_>>()
    };
    vec![
        ("English", of("en")),
        ("Korean", of("ko")),
        ("all", (0..pairs.len()).collect()),
        ("tuning", side(false)),
        ("held-out", side(true)),
    ]
}

fn scores_for(pairs: &[Pair], said: &[Option<Said>], idx: &[usize]) -> Scores {
    let p: Vec<&Pair> = idx.iter().map(|&i| &pairs[i]).collect();
    let s: Vec<&Option<Said>> = idx.iter().map(|&i| &said[i]).collect();
    score(&p, &s)
}

/// One row of the measures table: a figure worked out from a system's counts.
type Measure = fn(&Scores) -> Share;

/// The tone part of `docs/QUALITY.md`.
pub fn section(
    pairs: &[Pair],
    said: &[Option<Said>],
    base: &[Option<Said>],
    unlabelled: &[Unlabelled],
    commit: &str,
) -> String {
    let mut s = String::new();
    let sets = subsets(pairs);
    let ours: Vec<Scores> = sets
        .iter()
        .map(|(_, idx)| scores_for(pairs, said, idx))
        .collect();
    let always: Vec<Scores> = sets
        .iter()
        .map(|(_, idx)| scores_for(pairs, base, idx))
        .collect();
    let sentences = |idx: &[usize]| {
        let mut seen: Vec<&str> = idx.iter().map(|&i| pairs[i].sentence.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let _ = writeln!(
        s,
        "Measured {} with the engine at {commit}: {} pairs in {} sentences ({} English, {} Korean pairs).\n",
        now_iso(),
        pairs.len(),
        sentences(&sets[2].1),
        sets[0].1.len(),
        sets[1].1.len(),
    );
    let _ = writeln!(s, "Labels:\n");
    let names: Vec<&str> = sets.iter().map(|(name, _)| *name).collect();
    let _ = writeln!(
        s,
        "| label | {} |\n|---|{}",
        names.join(" | "),
        "---|".repeat(sets.len())
    );
    for label in Label::ALL {
        let cells: Vec<String> = ours.iter().map(|o| o.labelled(label).to_string()).collect();
        let _ = writeln!(s, "| {} | {} |", label.as_str(), cells.join(" | "));
    }
    let _ = writeln!(
        s,
        "\nOurs beside \"always cooperation\" (the engine's pairs, every one called cooperation):\n"
    );
    let header: Vec<String> = sets
        .iter()
        .map(|(name, _)| format!("{name}: ours | {name}: always cooperation"))
        .collect();
    let _ = writeln!(
        s,
        "| measure | {} |\n|---|{}",
        header.join(" | "),
        "---|".repeat(2 * sets.len())
    );
    let rows: [(&str, Measure); 12] = [
        (
            "tone right, on the real relations reported",
            Scores::tone_accuracy,
        ),
        ("conflict precision", |x| x.precision(Label::Conflict)),
        ("conflict recall, among the pairs reported", |x| {
            x.reported_recall(Label::Conflict)
        }),
        ("conflict recall, among all labelled pairs", |x| {
            x.recall(Label::Conflict)
        }),
        ("cooperation precision", |x| x.precision(Label::Cooperation)),
        ("cooperation recall, among the pairs reported", |x| {
            x.reported_recall(Label::Cooperation)
        }),
        ("cooperation recall, among all labelled pairs", |x| {
            x.recall(Label::Cooperation)
        }),
        ("neutral precision", |x| x.precision(Label::Neutral)),
        ("neutral recall", |x| x.recall(Label::Neutral)),
        ("real relations reported (any tone)", Scores::pair_recall),
        ("reported pairs that are not relations", Scores::none_share),
        ("pairs reported", |x| Share {
            n: Label::ALL.iter().map(|&g| x.reported(g)).sum(),
            of: Label::ALL.iter().map(|&g| x.labelled(g)).sum(),
        }),
    ];
    for (label, f) in rows {
        let cells: Vec<String> = ours
            .iter()
            .zip(&always)
            .flat_map(|(o, a)| [f(o).show(), f(a).show()])
            .collect();
        let _ = writeln!(s, "| {label} | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        s,
        "\nConfusion, all pairs (rows: the label; columns: what the engine reports):\n"
    );
    let _ = writeln!(
        s,
        "| label \\ engine | cooperation | conflict | neutral | not reported |\n|---|---|---|---|---|"
    );
    for gold in Label::ALL {
        let row = ours[2].confusion[gold.index()];
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            gold.as_str(),
            row[0],
            row[1],
            row[2],
            row[3]
        );
    }
    let _ = write!(s, "\nDirection: ");
    match ours[2].direction {
        None => {
            let _ = writeln!(
                s,
                "not reported (the engine's evidence carries no direction yet)."
            );
        }
        Some(d) => {
            let _ = writeln!(
                s,
                "of {} real relations with a direction in the label that the engine reports, it gives one for {} and the right one for {} ({}).",
                d.gold,
                d.given,
                d.right,
                Share {
                    n: d.right,
                    of: d.given
                }
                .show()
            );
        }
    }
    let mut by_pair: BTreeMap<String, usize> = BTreeMap::new();
    for u in unlabelled {
        *by_pair.entry(format!("{}–{}", u.a, u.b)).or_default() += 1;
    }
    let _ = writeln!(
        s,
        "\nPairs of dictionary actors the engine reports that the benchmark does not label: {}{}",
        unlabelled.len(),
        if unlabelled.is_empty() {
            ".".to_string()
        } else {
            format!(
                " (listed in `target/eval/tone.json`; label them: {}).",
                by_pair
                    .keys()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(label: Label, lang: &str, direction: Option<Direction>) -> Pair {
        Pair {
            id: "x".into(),
            lang: lang.into(),
            sentence: "s".into(),
            a: "a".into(),
            b: "b".into(),
            label,
            direction,
        }
    }

    fn said(tone: Label) -> Option<Said> {
        Some(Said {
            tone,
            cue: None,
            direction: None,
        })
    }

    fn scores(p: &[Pair], s: &[Option<Said>]) -> Scores {
        score(&p.iter().collect::<Vec<_>>(), &s.iter().collect::<Vec<_>>())
    }

    #[test]
    fn held_out_sentences_are_every_fifth_and_keep_their_pairs_together() {
        let mut p = Vec::new();
        for i in 0..10 {
            for _ in 0..2 {
                let mut x = pair(Label::Neutral, "en", None);
                x.sentence = format!("sentence {i}");
                p.push(x);
            }
        }
        let out = held_out(&p);
        let sentences: Vec<&str> = p
            .iter()
            .zip(&out)
            .filter(|(_, h)| **h)
            .map(|(x, _)| x.sentence.as_str())
            .collect();
        assert_eq!(
            sentences,
            ["sentence 4", "sentence 4", "sentence 9", "sentence 9"]
        );
    }

    #[test]
    fn tone_accuracy_counts_only_real_relations_the_engine_reports() {
        let p = [
            pair(Label::Conflict, "en", None),
            pair(Label::Cooperation, "en", None),
            pair(Label::Neutral, "en", None),
            pair(Label::None, "en", None),
        ];
        let s = [
            said(Label::Conflict),
            said(Label::Conflict),
            None,
            said(Label::Cooperation),
        ];
        let sc = scores(&p, &s);
        assert_eq!(sc.tone_accuracy(), Share { n: 1, of: 2 });
        assert_eq!(sc.pair_recall(), Share { n: 2, of: 3 });
        assert_eq!(sc.none_share(), Share { n: 1, of: 3 });
    }

    #[test]
    fn a_none_pair_called_conflict_lowers_conflict_precision_and_a_missed_pair_lowers_recall() {
        let p = [
            pair(Label::Conflict, "en", None),
            pair(Label::None, "en", None),
            pair(Label::Conflict, "en", None),
        ];
        let s = [said(Label::Conflict), said(Label::Conflict), None];
        let sc = scores(&p, &s);
        assert_eq!(sc.precision(Label::Conflict), Share { n: 1, of: 2 });
        assert_eq!(sc.recall(Label::Conflict), Share { n: 1, of: 2 });
        assert_eq!(
            sc.reported_recall(Label::Conflict),
            Share { n: 1, of: 1 },
            "the pair not reported is not counted among the reported"
        );
        assert_eq!(sc.confusion[Label::Conflict.index()][3], 1, "not reported");
    }

    #[test]
    fn always_cooperation_keeps_the_engines_pairs_and_changes_only_the_tone() {
        let p = [
            pair(Label::Cooperation, "en", None),
            pair(Label::Conflict, "en", None),
            pair(Label::None, "en", None),
        ];
        let s = [said(Label::Neutral), said(Label::Conflict), None];
        let base = always_cooperation(&s);
        let sc = scores(&p, &base);
        assert_eq!(sc.tone_accuracy(), Share { n: 1, of: 2 });
        assert_eq!(
            sc.precision(Label::Conflict).value(),
            None,
            "never says conflict"
        );
        assert_eq!(sc.recall(Label::Conflict), Share { n: 0, of: 1 });
        assert_eq!(sc.pair_recall(), scores(&p, &s).pair_recall());
    }

    #[test]
    fn direction_is_scored_only_where_the_engine_has_the_field() {
        let p = [
            pair(Label::Conflict, "en", Some(Direction::AToB)),
            pair(Label::Cooperation, "en", Some(Direction::Mutual)),
            pair(Label::Cooperation, "en", Some(Direction::BToA)),
            pair(Label::None, "en", None),
        ];
        assert_eq!(
            scores(&p, &[said(Label::Conflict), None, None, None]).direction,
            None
        );
        let with = |d: Option<Direction>| {
            Some(Said {
                tone: Label::Conflict,
                cue: None,
                direction: Some(d),
            })
        };
        let s = [
            with(Some(Direction::AToB)),
            with(Some(Direction::AToB)),
            with(None),
            with(None),
        ];
        assert_eq!(
            scores(&p, &s).direction,
            Some(DirectionCounts {
                gold: 3,
                given: 2,
                right: 1
            })
        );
    }

    #[test]
    fn engine_directions_are_read_in_the_usual_spellings() {
        let d = |v: Value| Direction::parse_engine(&v, "china", "russia");
        assert_eq!(d(json!("a_to_b")), Some(Direction::AToB));
        assert_eq!(d(json!("BToA")), Some(Direction::BToA));
        assert_eq!(d(json!("mutual")), Some(Direction::Mutual));
        assert_eq!(d(json!("none")), None);
        assert_eq!(
            d(json!({"from": "russia", "to": "china"})),
            Some(Direction::BToA)
        );
    }

    #[test]
    fn pairs_file_rejects_unsorted_pairs_unknown_labels_and_repeats() {
        let line = |a: &str, b: &str, label: &str| {
            json!({"id": "s1", "lang": "en", "sentence": "S", "a": a, "b": b,
                   "label": label, "direction": "a>b"})
            .to_string()
        };
        let ok = parse_pairs(&line("china", "russia", "conflict")).unwrap();
        assert_eq!(
            (ok[0].label, ok[0].direction),
            (Label::Conflict, Some(Direction::AToB))
        );
        assert!(parse_pairs(&line("russia", "china", "conflict")).is_err());
        assert!(parse_pairs(&line("china", "russia", "hostile")).is_err());
        let twice = format!(
            "{}\n{}",
            line("china", "russia", "none"),
            line("china", "russia", "conflict")
        );
        assert!(parse_pairs(&twice).unwrap_err().contains("line 1"));
    }

    #[test]
    fn the_section_gives_each_language_and_says_when_direction_is_missing() {
        let p = vec![
            pair(Label::Conflict, "en", None),
            pair(Label::None, "ko", None),
        ];
        let s = vec![said(Label::Cooperation), said(Label::Neutral)];
        let text = section(&p, &s, &always_cooperation(&s), &[], "abc");
        assert!(text.contains("| English: ours | English: always cooperation |"));
        assert!(text.contains(
            "| conflict recall, among all labelled pairs | 0.000 (0/1) | 0.000 (0/1) | — | — |"
        ));
        assert!(text.contains("Direction: not reported"));
    }
}
