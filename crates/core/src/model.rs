//! The values the engine produces: articles, actors, evidence and the report.
//! Shared by ingest (which fills them), the bundle (which stores them) and the app (which shows them).

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of actor a dictionary entry or a detected name is.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
}

impl ActorKind {
    pub const ALL: [ActorKind; 3] = [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organization,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
        }
    }
}

/// How a sentence frames the relation between two actors.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Cooperation,
    Conflict,
    Neutral,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Cooperation, Tone::Conflict, Tone::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Cooperation => "cooperation",
            Tone::Conflict => "conflict",
            Tone::Neutral => "neutral",
        }
    }
}

/// Counts of evidence per tone.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ToneCounts {
    pub cooperation: u32,
    pub conflict: u32,
    pub neutral: u32,
}

impl ToneCounts {
    pub fn add(&mut self, tone: Tone) {
        match tone {
            Tone::Cooperation => self.cooperation += 1,
            Tone::Conflict => self.conflict += 1,
            Tone::Neutral => self.neutral += 1,
        }
    }

    pub fn merge(&mut self, other: &ToneCounts) {
        self.cooperation += other.cooperation;
        self.conflict += other.conflict;
        self.neutral += other.neutral;
    }

    pub fn total(&self) -> u32 {
        self.cooperation + self.conflict + self.neutral
    }

    /// The tone with the most evidence; cooperation and conflict win ties over neutral,
    /// and conflict wins a tie with cooperation (a contested relation is shown as contested).
    pub fn dominant(&self) -> Tone {
        if self.conflict == 0 && self.cooperation == 0 {
            Tone::Neutral
        } else if self.conflict >= self.cooperation {
            if self.neutral > self.conflict {
                Tone::Neutral
            } else {
                Tone::Conflict
            }
        } else if self.neutral > self.cooperation {
            Tone::Neutral
        } else {
            Tone::Cooperation
        }
    }
}

/// Whether a file was read cleanly.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Error,
}

/// Where a metadata value came from.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Printed on the page itself (text or HTML metadata).
    Page,
    /// Supplied by `corpus/sources.toml`.
    Sidecar,
    /// Not known.
    #[default]
    None,
}

/// A calendar day. Ordered, printed and parsed as ISO 8601 (`2019-04-20`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day {
    pub year: i16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// A valid day, or `None` (month 1–12, day within the month, leap years honoured).
    ///
    /// ```
    /// use coverage_core::model::Day;
    /// assert!(Day::new(2024, 2, 29).is_some());
    /// assert!(Day::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Day {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Day::new(y, m, d)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO day: {text:?}")))
    }
}

/// What a paragraph of the clean body is.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// A standfirst or subtitle under the headline.
    Subtitle,
    /// Running text.
    Body,
    /// A photo caption (credit removed).
    Caption,
}

/// A paragraph of the clean body.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Paragraph {
    pub kind: Block,
    pub text: String,
}

/// Why a line was taken out of the body.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedReason {
    /// Site navigation, share buttons, comment widgets, "related stories" and the like.
    Boilerplate,
    /// The same line printed again (photo captions are often scraped twice).
    Repeated,
    /// A publication or update stamp, read into the date.
    Stamp,
    /// The author line, read into the byline.
    Byline,
    /// A credit or contact line (photo credit, e-mail footer, author biography).
    Credit,
    /// Style sheet, script or template text that leaked into the page.
    Markup,
    /// The headline, read into the title.
    Headline,
}

/// A line taken out of the body, kept so users can check the cleaning.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Removed {
    pub reason: RemovedReason,
    pub text: String,
}

/// One actor mentioned in an article, with how often.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub known: bool,
    pub mentions: u32,
}

/// Where an actor is named in the clean text: paragraph index (0 is the title) and byte range.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mention {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    /// Index into the article's `actors`.
    pub actor: u32,
}

/// The kind of event a cue names, after the PLOVER ontology (the successor of CAMEO). The three
/// tones are what the map shows; the category says why.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Agreements, treaties, pledges, promises to cooperate.
    Agree,
    /// Meetings, talks, visits, calls, summits.
    Consult,
    /// Verbal support: backing, praise, thanks, solidarity.
    Support,
    /// Easing, lifting, releasing, giving way.
    Concede,
    /// Working together: coordination, partnership, alliance, exercises, trade.
    Cooperate,
    /// Material help: aid, supplies, arms and fuel delivered, investment.
    Aid,
    /// Withdrawals and de-escalation.
    Retreat,
    /// Investigations, probes, inspections.
    Investigate,
    /// Appeals and demands: urging, calling on, pressing for.
    Demand,
    /// Criticism, condemnation, accusation, blame.
    Disapprove,
    /// Refusals and rejections, vetoes.
    Reject,
    /// Warnings, threats, ultimatums.
    Threaten,
    /// Protests and demonstrations.
    Protest,
    /// Sanctions, embargoes, expulsions, bans, detentions.
    Sanction,
    /// Shows of force: drills, deployments, weapons tests.
    Mobilize,
    /// Coercion: pressure, seizure, blockade.
    Coerce,
    /// Attacks, strikes, war, invasion.
    Assault,
}

impl Category {
    pub const ALL: [Category; 17] = [
        Category::Agree,
        Category::Consult,
        Category::Support,
        Category::Concede,
        Category::Cooperate,
        Category::Aid,
        Category::Retreat,
        Category::Investigate,
        Category::Demand,
        Category::Disapprove,
        Category::Reject,
        Category::Threaten,
        Category::Protest,
        Category::Sanction,
        Category::Mobilize,
        Category::Coerce,
        Category::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Agree => "agree",
            Category::Consult => "consult",
            Category::Support => "support",
            Category::Concede => "concede",
            Category::Cooperate => "cooperate",
            Category::Aid => "aid",
            Category::Retreat => "retreat",
            Category::Investigate => "investigate",
            Category::Demand => "demand",
            Category::Disapprove => "disapprove",
            Category::Reject => "reject",
            Category::Threaten => "threaten",
            Category::Protest => "protest",
            Category::Sanction => "sanction",
            Category::Mobilize => "mobilize",
            Category::Coerce => "coerce",
            Category::Assault => "assault",
        }
    }

    /// The tone of the event as stated (before negation or opposition turn it around).
    pub fn tone(self) -> Tone {
        match self {
            Category::Agree
            | Category::Consult
            | Category::Support
            | Category::Concede
            | Category::Cooperate
            | Category::Aid
            | Category::Retreat => Tone::Cooperation,
            Category::Demand => Tone::Neutral,
            Category::Investigate
            | Category::Disapprove
            | Category::Reject
            | Category::Threaten
            | Category::Protest
            | Category::Sanction
            | Category::Mobilize
            | Category::Coerce
            | Category::Assault => Tone::Conflict,
        }
    }
}

/// Who acts on whom in a piece of evidence, as the sentence gives it.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Direction {
    /// `a` acts on `b` ("a sanctions b").
    #[serde(rename = "a_to_b")]
    AToB,
    /// `b` acts on `a`.
    #[serde(rename = "b_to_a")]
    BToA,
    /// Both act together or on each other ("a and b signed a treaty", "talks between a and b").
    #[serde(rename = "mutual")]
    Mutual,
    /// The sentence does not say.
    #[default]
    #[serde(rename = "none")]
    None,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::AToB => "a_to_b",
            Direction::BToA => "b_to_a",
            Direction::Mutual => "mutual",
            Direction::None => "none",
        }
    }

    /// The same direction seen from the other end of the pair.
    pub fn reversed(self) -> Direction {
        match self {
            Direction::AToB => Direction::BToA,
            Direction::BToA => Direction::AToB,
            other => other,
        }
    }
}

/// What a sentence says about two actors it names: the tone it gives their relation, the cue
/// that decided it and who acts on whom.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Evidence {
    /// Actor ids, `a < b`.
    pub a: String,
    pub b: String,
    /// The text around the pair: the sentence, or the clauses of a long sentence that hold the
    /// pair and its cue (the whole sentence stays in the article's paragraphs).
    pub sentence: String,
    pub tone: Tone,
    /// The cue as printed (with its negation, if any), and its byte range in `sentence`.
    pub cue: Option<String>,
    pub cue_span: Option<(u32, u32)>,
    /// The kind of event the cue names.
    pub category: Option<Category>,
    pub direction: Direction,
}

/// Everything the engine learned from one input file.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Article {
    pub source: String,
    pub status: Status,
    pub messages: Vec<String>,
    pub outlet: Option<String>,
    pub outlet_origin: Origin,
    pub date: Option<Day>,
    pub date_origin: Origin,
    pub title: Option<String>,
    pub title_origin: Origin,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// The news agency credited for a wire copy this outlet printed ("Yonhap", "AFP"), as its
    /// display name; `None` when the story is the outlet's own or no agency is credited. The
    /// agency is never the `outlet` (`CONVENTIONS.md`).
    pub wire: Option<String>,
    pub language: String,
    pub encoding: String,
    pub duplicate_of: Option<String>,
    pub actors: Vec<ActorRef>,
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<Removed>,
    pub mentions: Vec<Mention>,
    pub evidence: Vec<Evidence>,
}

impl Article {
    /// An entry for a file that could not be read at all; it still appears in the report.
    pub fn failed(source: &str, message: String) -> Article {
        Article {
            source: source.to_string(),
            status: Status::Error,
            messages: vec![message],
            outlet: None,
            outlet_origin: Origin::None,
            date: None,
            date_origin: Origin::None,
            title: None,
            title_origin: Origin::None,
            url: None,
            byline: None,
            wire: None,
            language: "und".to_string(),
            encoding: String::new(),
            duplicate_of: None,
            actors: Vec::new(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            mentions: Vec::new(),
            evidence: Vec::new(),
        }
    }

    pub fn year(&self) -> Option<i16> {
        self.date.map(|d| d.year)
    }

    /// The clean body as one text: the paragraphs (standfirst, body, captions) in reading order,
    /// separated by one blank line. The headline, byline, stamps and every removed line are not
    /// part of it.
    ///
    /// ```
    /// use coverage_core::model::{Article, Block, Paragraph};
    /// let mut a = Article::failed("a.txt", String::new());
    /// for text in ["First.", "Second."] {
    ///     a.paragraphs.push(Paragraph { kind: Block::Body, text: text.into() });
    /// }
    /// assert_eq!(a.body_text(), "First.\n\nSecond.");
    /// ```
    pub fn body_text(&self) -> String {
        let texts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        texts.join("\n\n")
    }
}

/// One sentence of evidence in a relation, pointing back at its article.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct RelationEvidence {
    pub source: String,
    pub sentence: String,
    pub tone: Tone,
    pub cue: Option<String>,
    pub category: Option<Category>,
    /// Who acts on whom: `a` is the relation's `source`, `b` its `target`.
    pub direction: Direction,
}

/// A pair of actors with all the sentences that relate them, over distinct articles.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Relation {
    pub source: String,
    pub target: String,
    pub articles: u32,
    pub tone: ToneCounts,
    pub evidence: Vec<RelationEvidence>,
}
