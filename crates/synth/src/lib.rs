//! Synthetic news pages: a seeded, deterministic generator of raw pages shaped like scraped ones
//! about North Korea–Russia relations — site furniture, bylines, each outlet's own date stamp and
//! signature, captions printed twice, wire copies and blog reposts — each with the truth it was
//! built from. Pure: knowledge and a seed in, pages out, one at a time; it writes no files. It reads
//! nothing itself: benches, tests, `xtask` and `coverage synth` read its pages with `coverage-reader`.

use coverage_core::model::{ActorKind, Article, Day, Tone};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use reader::article::Knowledge;
use reader::dates::{MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS};
use reader::dictionary::romanisation_variants;
use reader::relations::ToneLexicon;
use std::collections::{HashMap, HashSet, VecDeque};

/// How many pages to make, from which seed. The same seed always gives the same pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthConfig {
    pub articles: usize,
    pub seed: u64,
}

/// How a page came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A story printed once, by its own outlet.
    Original,
    /// An agency story printed again, word for word, under another outlet.
    WireCopy,
    /// A story pasted into a blog post under the blog's own header.
    Repost,
}

/// A relation the page states between two actors (`a < b`); `tone` is `None` where the cue
/// lexicon does not cover the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TruthRelation {
    pub a: String,
    pub b: String,
    pub tone: Option<Tone>,
}

/// What a page was built from, for comparing with what the reader finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    pub kind: PageKind,
    /// The outlet's display name, when the page shows it (a blog repost often does not).
    pub outlet: Option<String>,
    /// The publication day, when the page prints a stamp.
    pub date: Option<Day>,
    /// The headline without section labels or the outlet's name.
    pub title: String,
    /// `en` or `ko`.
    pub language: &'static str,
    /// Ids of the dictionary actors the page names, sorted.
    pub actors: Vec<String>,
    pub relations: Vec<TruthRelation>,
    /// The first page this one repeats, when it is a copy.
    pub duplicate_of: Option<String>,
}

/// One generated page: its file name, its raw bytes and its truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPage {
    pub name: String,
    pub bytes: Vec<u8>,
    pub truth: Truth,
}

/// Pages for a seed, made one at a time so 100,000 of them never sit in memory together.
///
/// ```
/// let actors = "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\nmetonyms = [\"Moscow\"]\n\n\
///     [[actor]]\nid = \"north-korea\"\nname = \"North Korea\"\nkind = \"country\"\nmetonyms = [\"Pyongyang\"]\n\n\
///     [[actor]]\nid = \"china\"\nname = \"China\"\nkind = \"country\"\n";
/// let outlets = "[[outlet]]\nid = \"yonhap\"\nname = \"Yonhap\"\ndomains = [\"yna.co.kr\"]\nagency = true\n\
///     date_line = \"{HH}:{mm} {Month} {dd}, {yyyy}\"\n";
/// let knowledge = reader::Knowledge::from_sources(actors, outlets, "").unwrap();
/// let config = synth::SynthConfig { articles: 3, seed: 1 };
/// for page in synth::generate(&knowledge, config).unwrap() {
///     let article = knowledge.read_article(&page.name, &page.bytes);
///     assert_eq!(article.outlet, page.truth.outlet);
///     assert_eq!(article.date, page.truth.date);
/// }
/// ```
///
/// Fails when the dictionaries are too small to write news with: no outlet, or no two actors.
pub fn generate(knowledge: &Knowledge, config: SynthConfig) -> Result<Pages<'_>, SynthError> {
    Ok(Pages {
        tables: Tables::new(knowledge)?,
        rng: ChaCha8Rng::seed_from_u64(config.seed),
        next: 0,
        total: config.articles,
        recent: VecDeque::new(),
    })
}

/// The generated pages read straight into articles, without files in between.
pub fn articles(
    knowledge: &Knowledge,
    config: SynthConfig,
) -> Result<impl Iterator<Item = Article> + '_, SynthError> {
    Ok(generate(knowledge, config)?
        .map(move |page| knowledge.read_article(&page.name, &page.bytes)))
}

/// Why no pages can be made from the dictionaries given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SynthError {
    #[error(
        "outlets.toml lists no outlet to print pages under; add at least one [[outlet]] with a name"
    )]
    NoOutlets,
    #[error(
        "actors.toml has no two actors a page could relate (a person and their own country do not \
         count); add at least two, for example two countries"
    )]
    NoPair,
}

/// The iterator `generate` returns.
pub struct Pages<'k> {
    tables: Tables<'k>,
    rng: ChaCha8Rng,
    next: usize,
    total: usize,
    /// Recent English stories that later pages may copy or repost.
    recent: VecDeque<Story>,
}

impl Iterator for Pages<'_> {
    type Item = SynthPage;

    fn next(&mut self) -> Option<SynthPage> {
        if self.next >= self.total {
            return None;
        }
        self.next += 1;
        let name = format!("synth_{:06}.txt", self.next);
        let roll: f64 = self.rng.random();
        let page = if roll < WIRE_COPY_SHARE {
            self.wire_copy(&name)
        } else if roll < WIRE_COPY_SHARE + REPOST_SHARE {
            self.repost(&name)
        } else {
            None
        };
        Some(page.unwrap_or_else(|| {
            let press = self.tables.any_press.sample(&mut self.rng);
            self.original(&name, press)
        }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.total - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Pages<'_> {}

const WIRE_COPY_SHARE: f64 = 0.03;
const REPOST_SHARE: f64 = 0.02;
/// How many recent stories are kept for copies.
const RECENT: usize = 48;
/// The latest year a page may be dated.
const LAST_YEAR: i32 = 2026;
/// The smallest page made; the largest is about 6 KB.
const MIN_PAGE_BYTES: usize = 2_100;

/// A story as printed, kept so later pages can print it again.
#[derive(Debug, Clone)]
struct Story {
    root: String,
    press: usize,
    day: Day,
    title: String,
    subtitle: Option<String>,
    body: Vec<String>,
    /// The body opens with an agency dateline credit naming this outlet ("(Yonhap) --").
    credit: bool,
    actors: Vec<String>,
    relations: Vec<TruthRelation>,
    /// Role phrases used alone, with the holder they were meant to name.
    roles: Vec<(u32, u32)>,
}

impl Pages<'_> {
    /// A fresh story printed by one outlet.
    fn original(&mut self, name: &str, press: usize) -> SynthPage {
        let korean = self.tables.press[press].korean;
        let day = random_day(&mut self.rng);
        let time = Clock::random(&mut self.rng);
        // About one page in twenty prints no date at all.
        let dated = self.rng.random_bool(0.95);
        let target: usize = self.rng.random_range(2_100..5_300);
        let euc_kr = korean && self.rng.random_bool(0.3);
        let mut writer = Writer::new(&self.tables, &mut self.rng, day, dated, korean);
        writer.euc_kr = euc_kr;
        let cast = writer.cast();
        let title = writer.headline(&cast);
        let subtitle = if !korean && writer.rng.random_bool(0.35) {
            Some(writer.standfirst(&cast))
        } else {
            None
        };
        let credit = self.tables.press[press].credit.is_some() && !korean;
        let lead = if korean {
            Some(writer.korean_dateline(press))
        } else if credit {
            Some(writer.dateline(press, day))
        } else {
            None
        };
        // The furniture around the body takes a few hundred bytes.
        let body = writer.body(&cast, target.saturating_sub(450), lead);
        let mut story = Story {
            root: name.to_string(),
            press,
            day,
            title,
            subtitle,
            body,
            credit,
            actors: Vec::new(),
            relations: Vec::new(),
            roles: Vec::new(),
        };
        let stamp = dated.then_some((day, time));
        let text = loop {
            let text = if korean {
                frame_korean(&self.tables, writer.rng, press, stamp, &story)
            } else {
                frame_english(&self.tables, writer.rng, press, stamp, &story, true)
            };
            // EUC-KR has no "©": a page in it prints the circled "ⓒ", so that it stays in
            // EUC-KR and its size, counted in EUC-KR bytes, holds.
            let text = if euc_kr {
                text.replace('©', "ⓒ")
            } else {
                text
            };
            let size = writer.size_of(&text);
            if size >= MIN_PAGE_BYTES {
                break text;
            }
            story
                .body
                .extend(writer.more(&cast, MIN_PAGE_BYTES - size + 150));
        };
        (story.actors, story.relations, story.roles) = writer.finish();
        let page = SynthPage {
            name: name.to_string(),
            bytes: encode(&mut self.rng, text, euc_kr),
            truth: Truth {
                kind: PageKind::Original,
                outlet: Some(self.tables.press[press].name.clone()),
                date: stamp.map(|(d, _)| d),
                title: story.title.clone(),
                language: if korean { "ko" } else { "en" },
                actors: story.actors.clone(),
                relations: story.relations.clone(),
                duplicate_of: None,
            },
        };
        if !korean {
            self.remember(story);
        }
        page
    }

    /// An agency story printed again under another outlet, same day, same words.
    fn wire_copy(&mut self, name: &str) -> Option<SynthPage> {
        let candidates: Vec<usize> = (0..self.recent.len())
            .filter(|&i| self.recent[i].credit)
            .collect();
        let story = self.recent[*candidates.choose(&mut self.rng)?].clone();
        let printers: Vec<usize> = self
            .tables
            .copy_press
            .iter()
            .copied()
            .filter(|&p| p != story.press)
            .collect();
        let press = *printers.choose(&mut self.rng)?;
        let time = Clock::random(&mut self.rng);
        let text = frame_english(
            &self.tables,
            &mut self.rng,
            press,
            Some((story.day, time)),
            &story,
            false,
        );
        let page = SynthPage {
            name: name.to_string(),
            bytes: encode(&mut self.rng, text, false),
            truth: Truth {
                kind: PageKind::WireCopy,
                outlet: Some(self.tables.press[press].name.clone()),
                date: Some(story.day),
                title: story.title.clone(),
                language: "en",
                actors: story.actors.clone(),
                relations: story.relations.clone(),
                duplicate_of: Some(story.root.clone()),
            },
        };
        Some(page)
    }

    /// A story pasted into a blog post: the blog's header and date, the story's words.
    fn repost(&mut self, name: &str) -> Option<SynthPage> {
        if self.recent.is_empty() {
            return None;
        }
        let i = self.rng.random_range(0..self.recent.len());
        let story = self.recent[i].clone();
        let rng = &mut self.rng;
        let later = add_days(story.day, rng.random_range(0..30));
        // A role phrase names whoever held the office on the page's date; keep the story's day
        // when the office changed hands in between.
        let dict = &self.tables.knowledge.matcher.dict;
        let day = if story
            .roles
            .iter()
            .all(|&(role, holder)| dict.holder(role, later) == Some(holder))
        {
            later
        } else {
            story.day
        };
        let time = Clock::random(rng);
        let keep_copyright = rng.random_bool(0.4);
        let press = &self.tables.press[story.press];
        let mut blocks = Vec::new();
        let korean_blog = rng.random_bool(0.6);
        if korean_blog {
            blocks.push(format!("게시판/{}", pick(rng, BLOG_BOARDS)));
        } else {
            blocks.push(format!("Home > Blog > {}", pick(rng, BLOG_SECTIONS)));
        }
        let scrap = rng.random_bool(0.5);
        let title = if scrap {
            blocks.push(format!("[스크랩] {}", story.title));
            story.title.clone()
        } else {
            let t = pick(rng, BLOG_TITLES).to_string();
            blocks.push(t.clone());
            t
        };
        let nick = pick(rng, BLOG_NICKS);
        if korean_blog {
            blocks.push(format!(
                "{nick} {}. {}. {}. {:02}:{:02}",
                day.year, day.month, day.day, time.hour, time.minute
            ));
        } else {
            blocks.push(format!(
                "Posted by {nick} on {} {}, {}",
                MONTHS[day.month as usize - 1],
                day.day,
                day.year
            ));
        }
        blocks.push(story.title.clone());
        blocks.extend(story.subtitle.clone());
        blocks.extend(story.body.iter().cloned());
        if keep_copyright {
            blocks.push(copyright_line(rng, press, story.day.year));
        }
        for line in if korean_blog {
            BLOG_FOOTER_KO
        } else {
            BLOG_FOOTER_EN
        } {
            if rng.random_bool(0.6) {
                blocks.push(line.to_string());
            }
        }
        let outlet = (keep_copyright || story.credit).then(|| press.name.clone());
        let text = blocks.join("\n\n");
        Some(SynthPage {
            name: name.to_string(),
            bytes: encode(rng, text, false),
            truth: Truth {
                kind: PageKind::Repost,
                outlet,
                date: Some(day),
                title,
                language: "en",
                actors: story.actors.clone(),
                relations: story.relations.clone(),
                duplicate_of: Some(story.root.clone()),
            },
        })
    }

    fn remember(&mut self, story: Story) {
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(story);
    }
}

// ---------------------------------------------------------------------------------------------
// What the generator knows: actors with their spellings, outlets with their styles.
// ---------------------------------------------------------------------------------------------

/// Everything derived once from the knowledge.
struct Tables<'k> {
    knowledge: &'k Knowledge,
    cast: Vec<Member>,
    english: Weighted,
    korean: Weighted,
    /// A pair of each pool the reader would relate, for casts that drew none.
    english_pair: (usize, usize),
    korean_pair: Option<(usize, usize)>,
    press: Vec<Press>,
    any_press: Weighted,
    /// English outlets that print other agencies' copy.
    copy_press: Vec<usize>,
    /// Per role: the title printed before a holder's name ("Russian President").
    role_titles: Vec<Option<String>>,
    /// Per role: phrases that name the holder alone ("Russian foreign minister").
    role_phrases: Vec<Vec<String>>,
    /// Per person (dictionary index): the roles they ever held.
    person_roles: HashMap<u32, Vec<u32>>,
    /// Per dictionary actor: what it belongs to (`Dictionary::belongs`).
    belongs: Vec<Vec<u32>>,
    /// Family names free of any dictionary spelling, for reporters and experts.
    families: Vec<&'static str>,
    /// Every Korean-script spelling, so invented Korean names never contain one.
    hangul: Vec<String>,
}

/// One actor as the generator can write it.
#[derive(Debug, Clone)]
struct Member {
    actor: u32,
    id: String,
    kind: ActorKind,
    canonical: Spelling,
    /// Other spellings fit for a first mention.
    first: Vec<Spelling>,
    /// Spellings that need the actor named before ("the North", "the Russian government").
    later: Vec<Spelling>,
    /// Forms headlines use ("N. Korea", "Putin").
    headline: Vec<String>,
    short: Vec<String>,
    surname: Option<String>,
    hangul: Vec<String>,
}

#[derive(Debug, Clone)]
struct Spelling {
    text: String,
    /// Printed with "the" in running text.
    article: bool,
}

impl Spelling {
    fn new(text: &str, article: bool) -> Spelling {
        Spelling {
            text: text.to_string(),
            article,
        }
    }

    fn running(&self) -> String {
        if self.article {
            format!("the {}", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// An outlet and how its pages look.
#[derive(Debug, Clone)]
struct Press {
    name: String,
    korean: bool,
    /// The name an agency prints in its datelines ("Yonhap"), for agencies.
    credit: Option<String>,
    /// Names fit for a copyright line or a title suffix.
    names: Vec<String>,
    /// Some name reads back from a copyright line, which ends a name at its first full stop
    /// ("© Lenta.ru" does not): without one the page shows its outlet in other ways.
    plain: bool,
    domains: Vec<String>,
    signatures: Vec<String>,
    boilerplate: Vec<String>,
    date_line: String,
}

impl<'k> Tables<'k> {
    fn new(knowledge: &'k Knowledge) -> Result<Tables<'k>, SynthError> {
        let dict = &knowledge.matcher.dict;
        let profiles = &knowledge.profiles;
        let lexicon = ToneLexicon::new();
        // A spelling fit for relation sentences carries no tone cue of its own and no word that
        // would turn the sentence's cue around ("No Kwang Chol met …" reads as a negated "met").
        let cue_free = |s: &str| {
            let probe = format!("{s} met");
            lexicon.cues(s).is_empty()
                && lexicon
                    .cues(&probe)
                    .first()
                    .is_some_and(|h| h.tone == Tone::Cooperation && &probe[h.start..h.end] == "met")
        };

        // Popularity: the headliners of this beat first, then the dictionary's own order.
        let mut order: Vec<u32> = HEADLINERS
            .iter()
            .filter_map(|id| dict.by_id.get(*id).copied())
            .collect();
        for i in 0..dict.actors.len() as u32 {
            if !order.contains(&i) {
                order.push(i);
            }
        }
        let mut cast = Vec::new();
        for &i in &order {
            let a = &dict.actors[i as usize];
            // News organisations are outlets here, not actors.
            let media = std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(&a.acronyms)
                .any(|n| profiles.lookup(n).is_some());
            if media {
                continue;
            }
            if let Some(m) = Member::new(i, a, &cue_free) {
                cast.push(m);
            }
        }
        let english = Weighted::zipf((0..cast.len()).collect(), 1.0);
        let korean = Weighted::zipf(
            (0..cast.len())
                .filter(|&c| !cast[c].hangul.is_empty())
                .collect(),
            1.0,
        );

        let belongs: Vec<Vec<u32>> = (0..dict.actors.len() as u32)
            .map(|i| dict.belongs(i))
            .collect();
        let first_pair = |pool: &Weighted| {
            pool.items.iter().enumerate().find_map(|(i, &x)| {
                pool.items[i + 1..].iter().find_map(|&y| {
                    pairable(&belongs, cast[x].actor, cast[y].actor).then_some((x, y))
                })
            })
        };
        let english_pair = first_pair(&english).ok_or(SynthError::NoPair)?;
        let korean_pair = first_pair(&korean);

        let press: Vec<Press> = profiles.outlets.iter().map(Press::new).collect();
        // Korean pages need two actors with Korean-script names.
        let printable: Vec<usize> = (0..press.len())
            .filter(|&p| !press[p].korean || korean_pair.is_some())
            .collect();
        if printable.is_empty() {
            return Err(SynthError::NoOutlets);
        }
        let any_press = Weighted::zipf(printable, 0.5);
        let copy_press = (0..press.len())
            .filter(|&p| !press[p].korean && !profiles.outlets[p].agency)
            .collect();

        let mut person_roles: HashMap<u32, Vec<u32>> = HashMap::new();
        for (r, role) in dict.roles.iter().enumerate() {
            for h in &role.holders {
                if let Some(&a) = dict.by_id.get(&h.actor) {
                    let roles = person_roles.entry(a).or_default();
                    if !roles.contains(&(r as u32)) {
                        roles.push(r as u32);
                    }
                }
            }
        }
        let role_phrases: Vec<Vec<String>> = dict
            .roles
            .iter()
            .map(|r| {
                r.phrases
                    .iter()
                    .filter(|p| p.is_ascii() && !p.contains("'s") && cue_free(p))
                    .cloned()
                    .collect()
            })
            .collect();
        let role_titles = role_phrases
            .iter()
            .map(|phrases| {
                phrases
                    .iter()
                    .find(|p| p.starts_with(|c: char| c.is_ascii_uppercase()))
                    .map(|p| title_case(p))
            })
            .collect();

        let taken: HashSet<String> = dict
            .patterns
            .iter()
            .map(|(p, _)| p.to_lowercase())
            .collect();
        let families = KOREAN_FAMILIES
            .iter()
            .chain(RUSSIAN_FAMILIES)
            .chain(WESTERN_FAMILIES)
            .copied()
            .filter(|f| !taken.contains(&f.to_lowercase()))
            .collect();
        let hangul = dict
            .actors
            .iter()
            .flat_map(|a| a.hangul.iter().cloned())
            .chain(dict.roles.iter().flat_map(|r| {
                r.phrases
                    .iter()
                    .filter(|p| !p.is_ascii())
                    .cloned()
                    .collect::<Vec<_>>()
            }))
            .collect();

        Ok(Tables {
            knowledge,
            cast,
            english,
            korean,
            english_pair,
            korean_pair,
            press,
            any_press,
            copy_press,
            role_titles,
            role_phrases,
            person_roles,
            belongs,
            families,
            hangul,
        })
    }

    /// An invented person's name in Latin script: "Ahn Seung-ho", "Laura Whitfield".
    fn person_name(&self, rng: &mut ChaCha8Rng) -> String {
        let family = *self.families.choose(rng).unwrap_or(&"Whitfield");
        let given = match family_origin(family) {
            NameStyle::Korean => pick(rng, KOREAN_GIVEN),
            NameStyle::Russian => pick(rng, RUSSIAN_GIVEN),
            NameStyle::Western => pick(rng, WESTERN_GIVEN),
        };
        match family_origin(family) {
            NameStyle::Korean => format!("{family} {given}"),
            _ => format!("{given} {family}"),
        }
    }

    /// An invented Korean-script name that contains no dictionary spelling.
    fn korean_name(&self, rng: &mut ChaCha8Rng) -> String {
        let mut name = String::new();
        for _ in 0..64 {
            name = format!(
                "{}{}{}",
                pick(rng, HANGUL_FAMILY),
                pick(rng, HANGUL_GIVEN),
                pick(rng, HANGUL_GIVEN)
            );
            if !self.hangul.iter().any(|h| name.contains(h.as_str())) {
                break;
            }
        }
        name
    }
}

impl Member {
    /// The spellings an actor can be written with; `None` when none is fit for prose (every
    /// spelling carries a tone cue of its own, as "Ban Ki-moon" and "… Cooperation Organisation" do).
    fn new(
        actor: u32,
        a: &reader::dictionary::ActorEntry,
        cue_free: &dyn Fn(&str) -> bool,
    ) -> Option<Member> {
        let mut first = Vec::new();
        let mut later = Vec::new();
        let mut headline = Vec::new();
        match a.kind {
            ActorKind::Country => {
                first.push(Spelling::new(&a.name, needs_the(&a.name)));
                headline.push(a.name.clone());
                for alias in &a.aliases {
                    if alias.starts_with("the ") {
                        later.push(Spelling::new(alias, false));
                    } else {
                        first.push(Spelling::new(alias, needs_the(alias)));
                    }
                }
                for m in &a.metonyms {
                    let article = m == "Kremlin" || m.ends_with(" House");
                    first.push(Spelling::new(m, article));
                    headline.push(m.clone());
                }
                for ac in &a.acronyms {
                    let bare = ac.contains(' ')
                        || !ac.starts_with('U') && (ac.len() <= 2 || ac.contains('.'));
                    first.push(Spelling::new(ac, !bare));
                    headline.push(ac.clone());
                }
                for d in a.demonyms.iter().filter(|d| d.as_str() != "Sino") {
                    later.push(Spelling::new(&format!("the {d} government"), false));
                }
            }
            ActorKind::Person => {
                // The dictionary keys spellings case-blind and keeps the first one's capitals, so a
                // variant differing only in case ("Bashar al-assad") is not a spelling of its own.
                let mut keys = HashSet::new();
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    for v in romanisation_variants(name) {
                        if keys.insert(v.to_lowercase()) {
                            first.push(Spelling::new(&v, false));
                        }
                    }
                }
                headline.extend(a.short.iter().cloned());
                headline.push(a.name.clone());
            }
            ActorKind::Organization => {
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    let single = !name.contains(' ');
                    let caps = name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    first.push(Spelling::new(name, !single && !caps));
                    headline.push(name.clone());
                }
                for ac in &a.acronyms {
                    first.push(Spelling::new(ac, !BARE_ACRONYMS.contains(&ac.as_str())));
                    headline.push(ac.clone());
                }
            }
        }
        first.retain(|s| cue_free(&s.text));
        later.retain(|s| cue_free(&s.text));
        headline.retain(|s| cue_free(s));
        let short: Vec<String> = a.short.iter().filter(|s| cue_free(s)).cloned().collect();
        if first.is_empty() || headline.is_empty() {
            return None;
        }
        let canonical = first[0].clone();
        Some(Member {
            actor,
            id: a.id.clone(),
            kind: a.kind,
            canonical,
            first,
            later,
            headline,
            short,
            surname: a.surname.clone().filter(|s| cue_free(s)),
            hangul: a.hangul.clone(),
        })
    }
}

impl Press {
    fn new(o: &reader::outlets::Outlet) -> Press {
        let korean = o.language.as_deref() == Some("ko");
        let printable = |n: &&String| !n.contains(['.', ',', '|', '·']) && !n.contains(" - ");
        let names: Vec<String> = std::iter::once(&o.name)
            .chain(&o.aliases)
            .filter(printable)
            .filter(|n| n.is_ascii() != korean)
            .cloned()
            .collect();
        let names = if names.is_empty() {
            vec![o.name.clone()]
        } else {
            names
        };
        let plain = names.iter().any(|n| printable(&n));
        let credit = o
            .agency
            .then(|| {
                std::iter::once(&o.name)
                    .chain(&o.aliases)
                    .filter(|n| {
                        n.len() <= 20
                            && n.starts_with(|c: char| c.is_ascii_alphabetic())
                            && n.chars()
                                .all(|c| c.is_ascii_alphabetic() || " .&-".contains(c))
                    })
                    .min_by_key(|n| n.len())
                    .cloned()
            })
            .flatten();
        Press {
            name: o.name.clone(),
            korean,
            credit,
            names,
            plain,
            domains: o.domains.clone(),
            signatures: o.signatures.clone(),
            boilerplate: o.boilerplate.clone(),
            date_line: o
                .date_line
                .clone()
                .unwrap_or_else(|| "{Month} {d}, {yyyy}".to_string()),
        }
    }
}

/// Rank-weighted choice: the item at rank r is drawn with weight 1 / (r + 1)^s.
#[derive(Debug, Clone)]
struct Weighted {
    items: Vec<usize>,
    cumulative: Vec<f64>,
}

impl Weighted {
    fn zipf(items: Vec<usize>, s: f64) -> Weighted {
        let mut total = 0.0;
        let cumulative = (0..items.len())
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Weighted { items, cumulative }
    }

    fn sample(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random::<f64>() * total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.items[i.min(self.items.len() - 1)]
    }
}

// ---------------------------------------------------------------------------------------------
// Writing one story: which actors, how each is spelled, and the sentences that relate them.
// ---------------------------------------------------------------------------------------------

/// The state of one story being written, in reading order: who has been named in full (so a bare
/// family name can follow) and what the story says.
struct Writer<'t, 'k> {
    t: &'t Tables<'k>,
    rng: &'t mut ChaCha8Rng,
    day: Day,
    /// The page prints its date, so a role phrase alone names the office holder.
    dated: bool,
    korean: bool,
    /// Sizes are counted as EUC-KR bytes (two per Hangul syllable) rather than UTF-8.
    euc_kr: bool,
    named: HashSet<usize>,
    /// Family name or short form (lowercase) → the people named with it so far. A bare name is
    /// written only while one person carries it, so any sensible reading resolves it the same.
    people: HashMap<String, Vec<u32>>,
    mentioned: Vec<usize>,
    roles: Vec<(u32, u32)>,
    relations: Vec<TruthRelation>,
}

impl<'t, 'k> Writer<'t, 'k> {
    fn new(
        t: &'t Tables<'k>,
        rng: &'t mut ChaCha8Rng,
        day: Day,
        dated: bool,
        korean: bool,
    ) -> Writer<'t, 'k> {
        Writer {
            t,
            rng,
            day,
            dated,
            korean,
            euc_kr: false,
            named: HashSet::new(),
            people: HashMap::new(),
            mentioned: Vec::new(),
            roles: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// 3 to 15 distinct actors, popular ones more often, with at least one pair to relate.
    fn cast(&mut self) -> Vec<usize> {
        let want = *[3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12, 15]
            .choose(self.rng)
            .unwrap_or(&5);
        let t = self.t;
        let pool = if self.korean { &t.korean } else { &t.english };
        let mut cast: Vec<usize> = Vec::new();
        let mut tries = 0;
        while cast.len() < want && tries < 500 {
            tries += 1;
            let c = pool.sample(self.rng);
            if !cast.contains(&c) {
                cast.push(c);
            }
        }
        if self.pairs(&cast).is_empty() {
            if cast.len() >= 15 {
                cast.pop();
            }
            let partner = pool
                .items
                .iter()
                .copied()
                .find(|&c| !cast.contains(&c) && cast.iter().any(|&x| self.pairable(x, c)));
            cast.extend(partner);
        }
        if self.pairs(&cast).is_empty() {
            let pair = if self.korean {
                t.korean_pair
            } else {
                Some(t.english_pair)
            };
            if let Some((x, y)) = pair {
                cast.truncate(13);
                cast.retain(|&c| c != x && c != y);
                cast.extend([x, y]);
            }
        }
        cast
    }

    fn pairable(&self, x: usize, y: usize) -> bool {
        let t = self.t;
        x != y && pairable(&t.belongs, t.cast[x].actor, t.cast[y].actor)
    }

    fn pairs(&self, cast: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, &x) in cast.iter().enumerate() {
            for &y in &cast[i + 1..] {
                if self.pairable(x, y) {
                    out.push((x, y));
                }
            }
        }
        out
    }

    fn finish(self) -> (Vec<String>, Vec<TruthRelation>, Vec<(u32, u32)>) {
        let mut actors: Vec<String> = self
            .mentioned
            .iter()
            .map(|&c| self.t.cast[c].id.clone())
            .collect();
        actors.sort();
        actors.dedup();
        (actors, self.relations, self.roles)
    }

    // --- spellings -------------------------------------------------------------------------

    /// How a member is written at this point of the story.
    fn spell(&mut self, c: usize, sentence_end: bool) -> String {
        if !self.mentioned.contains(&c) {
            self.mentioned.push(c);
        }
        let t = self.t;
        let m = &t.cast[c];
        let first = !self.named.contains(&c);
        let text = match m.kind {
            ActorKind::Person => self.person(c, first),
            _ => {
                self.named.insert(c);
                let r: f64 = self.rng.random();
                let s = if first && r < 0.7 || !first && r < 0.3 {
                    m.canonical.clone()
                } else {
                    let options: Vec<&Spelling> = if first {
                        m.first.iter().collect()
                    } else {
                        m.first.iter().chain(&m.later).collect()
                    };
                    (*options.choose(self.rng).unwrap_or(&&m.canonical)).clone()
                };
                s.running()
            }
        };
        // "… with the U.S." followed by a name would run into the next sentence.
        if sentence_end && text.ends_with('.') {
            return m.canonical.running();
        }
        text
    }

    fn person(&mut self, c: usize, first: bool) -> String {
        let t = self.t;
        let m = &t.cast[c];
        let dict = &t.knowledge.matcher.dict;
        let held = t.person_roles.get(&m.actor).cloned().unwrap_or_default();
        let now: Vec<u32> = held
            .iter()
            .copied()
            .filter(|&r| dict.holder(r, self.day) == Some(m.actor))
            .filter(|&r| !t.role_phrases[r as usize].is_empty())
            .collect();
        let before: Vec<u32> = held
            .iter()
            .copied()
            .filter(|&r| {
                dict.roles[r as usize].holders.iter().any(|h| {
                    dict.by_id.get(&h.actor) == Some(&m.actor)
                        && h.to.is_some_and(|to| to < self.day)
                })
            })
            .collect();
        let r: f64 = self.rng.random();
        if first {
            if self.dated && !now.is_empty() && r < 0.12 {
                return self.role_alone(c, &now);
            }
            if r < 0.45
                && let Some(title) = self.title_for(&now, &before)
            {
                return format!("{title} {}", self.full(c));
            }
            return self.full(c);
        }
        if r < 0.45
            && let Some(s) = self.bare(c)
        {
            return s;
        }
        if self.dated && !now.is_empty() && r < 0.6 {
            return self.role_alone(c, &now);
        }
        self.full(c)
    }

    /// "Russian President" for a current office, "former South Korean President" for a past one.
    fn title_for(&mut self, now: &[u32], before: &[u32]) -> Option<String> {
        if let Some(&r) = now.choose(self.rng) {
            return self.t.role_titles[r as usize].clone();
        }
        let r = *before.choose(self.rng)?;
        self.t.role_titles[r as usize]
            .as_ref()
            .map(|t| format!("former {t}"))
    }

    /// The person's full name in one of its printed forms.
    fn full(&mut self, c: usize) -> String {
        let t = self.t;
        let m = &t.cast[c];
        self.named.insert(c);
        if let Some(s) = &m.surname {
            self.name_person(s, m.actor);
        }
        let text = if self.rng.random_bool(0.55) {
            m.canonical.text.clone()
        } else {
            m.first
                .choose(self.rng)
                .unwrap_or(&m.canonical)
                .text
                .clone()
        };
        if self.rng.random_bool(0.02) {
            text.to_uppercase()
        } else {
            text
        }
    }

    /// A bare form after a full mention: a short form, or the family name, while this is the
    /// only person named with it.
    fn bare(&mut self, c: usize) -> Option<String> {
        let t = self.t;
        let m = &t.cast[c];
        let only = |people: &HashMap<String, Vec<u32>>, word: &str| {
            people
                .get(&word.to_lowercase())
                .is_none_or(|list| list == &[m.actor])
        };
        let shorts: Vec<&String> = m.short.iter().filter(|s| only(&self.people, s)).collect();
        if let Some(&s) = shorts.choose(self.rng) {
            self.name_person(s, m.actor);
            return Some(s.clone());
        }
        let surname = m.surname.as_ref()?;
        let named = self
            .people
            .get(&surname.to_lowercase())
            .is_some_and(|l| l == &[m.actor]);
        named.then(|| surname.clone())
    }

    fn name_person(&mut self, word: &str, actor: u32) {
        let list = self.people.entry(word.to_lowercase()).or_default();
        if !list.contains(&actor) {
            list.push(actor);
        }
    }

    /// "the Russian foreign minister": the office alone, read by the page's date.
    fn role_alone(&mut self, c: usize, now: &[u32]) -> String {
        let role = *now.choose(self.rng).unwrap_or(&now[0]);
        let phrase = self.t.role_phrases[role as usize]
            .choose(self.rng)
            .cloned()
            .unwrap_or_default();
        self.roles.push((role, self.t.cast[c].actor));
        format!("the {phrase}")
    }

    /// How a headline names a member.
    fn headline_name(&mut self, c: usize, at_end: bool) -> String {
        if !self.mentioned.contains(&c) {
            self.mentioned.push(c);
        }
        let t = self.t;
        let m = &t.cast[c];
        let options: Vec<&String> = m
            .headline
            .iter()
            .filter(|h| !at_end || !h.ends_with('.'))
            .collect();
        let text = options
            .choose(self.rng)
            .map_or_else(|| m.canonical.text.clone(), |h| (*h).clone());
        if m.kind == ActorKind::Person {
            if m.short.contains(&text) {
                self.name_person(&text, m.actor);
            } else {
                self.named.insert(c);
                if let Some(s) = &m.surname {
                    self.name_person(s, m.actor);
                }
            }
        } else {
            self.named.insert(c);
        }
        text
    }

    /// A Korean-script name, with a particle chosen by its last syllable.
    fn spell_korean(&mut self, c: usize, particle: Option<&str>) -> String {
        if !self.mentioned.contains(&c) {
            self.mentioned.push(c);
        }
        let t = self.t;
        let m = &t.cast[c];
        let name = if self.named.insert(c) {
            m.hangul[0].clone()
        } else {
            m.hangul.choose(self.rng).unwrap_or(&m.hangul[0]).clone()
        };
        match particle {
            Some(p) => format!("{name}{}", josa(&name, p)),
            None => name,
        }
    }

    // --- text ------------------------------------------------------------------------------

    /// Fills a template: `{a}` and `{b}` are the actors, `{a|은}` adds a Korean particle, and
    /// other names draw from word lists.
    fn render(&mut self, template: &str, a: usize, b: usize, headline: bool) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open
                + rest[open..]
                    .find('}')
                    .expect("templates close their braces");
            let slot = &rest[open + 1..close];
            let after = &rest[close + 1..];
            let sentence_end = after.is_empty()
                || after.starts_with(['.', '?'])
                    && after[1..].chars().next().is_none_or(char::is_whitespace);
            let (name, particle) = match slot.split_once('|') {
                Some((n, p)) => (n, Some(p)),
                None => (slot, None),
            };
            let text = match name {
                "a" | "b" => {
                    let c = if name == "a" { a } else { b };
                    if self.korean {
                        self.spell_korean(c, particle)
                    } else if headline {
                        self.headline_name(c, sentence_end)
                    } else {
                        self.spell(c, sentence_end)
                    }
                }
                other => self.filler(other),
            };
            out.push_str(&text);
            rest = after;
        }
        out.push_str(rest);
        capitalise_first(&out)
    }

    fn filler(&mut self, name: &str) -> String {
        if name == "expert" {
            return self.t.person_name(self.rng);
        }
        let rng = &mut *self.rng;
        match name {
            "field" => pick(rng, FIELDS).to_string(),
            "goods" => pick(rng, GOODS).to_string(),
            "place" => pick(rng, PLACES).to_string(),
            "weekday" => pick(rng, &WEEKDAYS).to_string(),
            "num" => pick(rng, NUMBERS).to_string(),
            "years" => rng.random_range(2..25).to_string(),
            "tons" => format!("{},000", rng.random_range(2..90)),
            "event_date" => {
                let back = add_days(self.day, -(rng.random_range(20..2_000) as i64));
                format!(
                    "{} {}, {}",
                    MONTHS[back.month as usize - 1],
                    back.day,
                    back.year
                )
            }
            "quote" => pick(rng, QUOTES).to_string(),
            "claim" => pick(rng, CLAIMS).to_string(),
            "expert_role" => pick(rng, EXPERT_ROLES).to_string(),
            "kcity" => pick(rng, KOREAN_CITIES).to_string(),
            other => panic!("no word list named {other:?}"),
        }
    }

    fn headline(&mut self, cast: &[usize]) -> String {
        let (a, b) = self.pair(cast);
        let list = if self.korean { KO_HEADLINES } else { HEADLINES };
        let template = pick(self.rng, list);
        self.render(template, a, b, true)
    }

    fn standfirst(&mut self, cast: &[usize]) -> String {
        let (a, b) = self.pair(cast);
        let template = pick(self.rng, STANDFIRSTS);
        self.render(template, a, b, false)
    }

    /// A pair to relate, the more popular actors more often, unmentioned ones first.
    fn pair(&mut self, cast: &[usize]) -> (usize, usize) {
        let pairs = self.pairs(cast);
        let fresh: Vec<&(usize, usize)> = pairs
            .iter()
            .filter(|(x, y)| !self.mentioned.contains(x) || !self.mentioned.contains(y))
            .collect();
        if !fresh.is_empty() && self.rng.random_bool(0.6) {
            let &(x, y) = *fresh.choose(self.rng).expect("not empty");
            return (x, y);
        }
        // Pairs come in cast order, most popular first: weight them by rank.
        let weights = Weighted::zipf((0..pairs.len()).collect(), 0.8);
        let (x, y) = pairs[weights.sample(self.rng)];
        if self.rng.random_bool(0.5) {
            (x, y)
        } else {
            (y, x)
        }
    }

    /// "SEOUL, April 20 (Yonhap) -- ": the agency's dateline before the first sentence.
    fn dateline(&mut self, press: usize, day: Day) -> String {
        let credit = self.t.press[press].credit.clone().unwrap_or_default();
        let city = pick(self.rng, DATELINE_CITIES);
        let dash = pick(self.rng, &["--", "-", "—"]);
        format!(
            "{city}, {} {} ({credit}) {dash} ",
            MONTHS[day.month as usize - 1],
            day.day
        )
    }

    /// "(서울=뉴스1) 김민준 기자 = ": a Korean agency's dateline.
    fn korean_dateline(&mut self, press: usize) -> String {
        let p = &self.t.press[press];
        let alias = p.names.first().cloned().unwrap_or_else(|| p.name.clone());
        let city = pick(self.rng, KOREAN_CITIES);
        let reporter = self.t.korean_name(self.rng);
        format!("({city}={alias}) {reporter} 기자 = ")
    }

    /// Paragraphs (and captions) until the body reaches `target` bytes and every actor of the
    /// cast has been named.
    fn body(&mut self, cast: &[usize], target: usize, lead: Option<String>) -> Vec<String> {
        let mut blocks: Vec<String> = Vec::new();
        let mut size = 0;
        let captions = *[0usize, 0, 1, 1, 1, 2].choose(self.rng).unwrap_or(&0);
        let caption_after: Vec<usize> =
            (0..captions).map(|_| self.rng.random_range(0..3)).collect();
        let mut lead = lead;
        let mut paragraph = 0;
        loop {
            let unmentioned: Vec<usize> = cast
                .iter()
                .copied()
                .filter(|c| !self.mentioned.contains(c))
                .collect();
            if size >= target && unmentioned.is_empty() {
                break;
            }
            let sentences = if self.korean {
                self.rng.random_range(2..4)
            } else {
                *[1, 2, 2, 3, 3, 4].choose(self.rng).unwrap_or(&2)
            };
            let mut text = lead.take().unwrap_or_default();
            for s in 0..sentences {
                let sentence = if paragraph == 0 && s == 0 {
                    let (a, b) = self.pair(cast);
                    self.relation(a, b)
                } else if size >= target && !unmentioned.is_empty() {
                    let c = unmentioned[s % unmentioned.len()];
                    self.single(c)
                } else {
                    self.sentence(cast, &unmentioned)
                };
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                text.push_str(&sentence);
            }
            size += self.size_of(&text) + 2;
            blocks.push(text);
            for _ in caption_after.iter().filter(|&&k| k == paragraph) {
                let caption = self.caption(cast);
                size += self.size_of(&caption) + 2;
                blocks.push(caption);
            }
            paragraph += 1;
        }
        blocks
    }

    /// More paragraphs, of `bytes` or a little over, for a page that came out short.
    fn more(&mut self, cast: &[usize], bytes: usize) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut size = 0;
        while size < bytes {
            let mut text = String::new();
            for _ in 0..self.rng.random_range(2..4) {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&self.sentence(cast, &[]));
            }
            size += self.size_of(&text) + 2;
            blocks.push(text);
        }
        blocks
    }

    fn size_of(&self, text: &str) -> usize {
        if self.euc_kr {
            text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
        } else {
            text.len()
        }
    }

    fn sentence(&mut self, cast: &[usize], unmentioned: &[usize]) -> String {
        let roll: f64 = self.rng.random();
        if roll < 0.42 {
            let (a, b) = self.pair(cast);
            self.relation(a, b)
        } else if roll < 0.6 {
            let c = match unmentioned.choose(self.rng) {
                Some(&c) => c,
                None => *cast.choose(self.rng).expect("a cast"),
            };
            self.single(c)
        } else if roll < 0.85 || self.korean {
            let list = if self.korean { KO_CONTEXT } else { CONTEXT };
            let template = pick(self.rng, list);
            self.render(template, 0, 0, false)
        } else {
            let c = *cast.choose(self.rng).expect("a cast");
            let template = pick(self.rng, QUOTE_SENTENCES);
            self.render(template, c, c, false)
        }
    }

    /// A sentence relating two actors, recorded with the tone its cue gives.
    fn relation(&mut self, a: usize, b: usize) -> String {
        let (list, tone): (&[&str], Option<Tone>) = if self.korean {
            (KO_RELATIONS, None)
        } else {
            let roll: f64 = self.rng.random();
            if roll < 0.45 {
                (COOPERATION, Some(Tone::Cooperation))
            } else if roll < 0.8 {
                (CONFLICT, Some(Tone::Conflict))
            } else if roll < 0.88 {
                (REFUSAL, Some(Tone::Conflict))
            } else if roll < 0.93 {
                (RESTRAINT, Some(Tone::Neutral))
            } else {
                (NEUTRAL, Some(Tone::Neutral))
            }
        };
        let template = pick(self.rng, list);
        let sentence = self.render(template, a, b, false);
        let (x, y) = (&self.t.cast[a].id, &self.t.cast[b].id);
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        let relation = TruthRelation {
            a: x.clone(),
            b: y.clone(),
            tone,
        };
        if !self.relations.contains(&relation) {
            self.relations.push(relation);
        }
        sentence
    }

    fn single(&mut self, c: usize) -> String {
        let list = if self.korean { KO_SINGLE } else { SINGLE };
        let template = pick(self.rng, list);
        self.render(template, c, c, false)
    }

    /// A photo caption with its credit, printed twice as scrapers often catch it.
    fn caption(&mut self, cast: &[usize]) -> String {
        let (a, b) = self.pair(cast);
        let (list, credits) = if self.korean {
            (KO_CAPTIONS, KO_CREDITS)
        } else {
            (CAPTIONS, CREDITS)
        };
        let template = pick(self.rng, list);
        let text = self.render(template, a, b, false);
        let credit = pick(self.rng, credits);
        let line = format!("{text} {credit}");
        if self.rng.random_bool(0.8) {
            format!("{line}\n{line}")
        } else {
            line
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Framing a story as a page: furniture, stamp, byline, signature.
// ---------------------------------------------------------------------------------------------

/// A time of day.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    second: u32,
}

impl Clock {
    fn random(rng: &mut ChaCha8Rng) -> Clock {
        Clock {
            hour: *[
                6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 3,
            ]
            .choose(rng)
            .unwrap_or(&9),
            minute: rng.random_range(0..60),
            second: rng.random_range(0..60),
        }
    }

    fn later(self, rng: &mut ChaCha8Rng) -> Clock {
        Clock {
            hour: (self.hour + rng.random_range(0..4)).min(23),
            minute: rng.random_range(0..60),
            second: rng.random_range(0..60),
        }
    }
}

/// The signs a page may carry of who printed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Copyright,
    Email,
    Suffix,
    Signature,
}

fn choose_signs(rng: &mut ChaCha8Rng, press: &Press) -> Vec<Sign> {
    let mut signs = Vec::new();
    for (sign, p, possible) in [
        (Sign::Copyright, 0.45, press.plain),
        (Sign::Email, 0.35, !press.domains.is_empty()),
        (Sign::Suffix, 0.3, true),
        (Sign::Signature, 0.5, !press.signatures.is_empty()),
    ] {
        if possible && rng.random_bool(p) {
            signs.push(sign);
        }
    }
    if signs.is_empty() {
        signs.push(if press.plain {
            Sign::Copyright
        } else {
            Sign::Suffix
        });
    }
    signs
}

fn copyright_line(rng: &mut ChaCha8Rng, press: &Press, year: i16) -> String {
    let name = press.names.choose(rng).unwrap_or(&press.name);
    if press.korean {
        return match rng.random_range(0..2) {
            0 => format!("저작권자 © {name}, 무단 전재 및 재배포 금지"),
            _ => format!("ⓒ {name} 무단전재 및 재배포금지"),
        };
    }
    match rng.random_range(0..4) {
        0 => format!("© {year} {name}. All rights reserved."),
        1 => format!("ⓒ {name}"),
        2 => format!("Copyright {year} {name}. All rights reserved."),
        _ => format!("All rights reserved. © {year} {name}"),
    }
}

fn email_user(rng: &mut ChaCha8Rng) -> &'static str {
    pick(
        rng,
        &["newsdesk", "english", "editor", "tips", "world", "desk"],
    )
}

/// An English page around a story: furniture, headline, stamp, byline, body, footer.
fn frame_english(
    t: &Tables<'_>,
    rng: &mut ChaCha8Rng,
    p: usize,
    stamp: Option<(Day, Clock)>,
    story: &Story,
    original: bool,
) -> String {
    let press = &t.press[p];
    let signs = choose_signs(rng, press);
    let source_signature = press
        .signatures
        .iter()
        .find(|s| s.to_lowercase().starts_with("source:"))
        .filter(|_| signs.contains(&Sign::Signature));
    let mut top = Vec::new();
    let mut bottom = Vec::new();
    for line in &press.boilerplate {
        if rng.random_bool(0.7) {
            if line.contains('@') || rng.random_bool(0.4) {
                bottom.push(line.clone());
            } else {
                top.push(line.clone());
            }
        }
    }
    for _ in 0..rng.random_range(0..3) {
        top.push(pick(rng, TOP_FURNITURE).to_string());
    }
    let mut blocks: Vec<String> = top;
    if let Some((day, _)) = stamp.filter(|_| rng.random_bool(0.06)) {
        // The site's masthead shows the day the page was scraped, not when it was published.
        let seen = add_days(day, rng.random_range(0..400));
        blocks.push(format!(
            "{}, {} {}, {}",
            WEEKDAYS[weekday(seen)],
            MONTHS[seen.month as usize - 1],
            seen.day,
            seen.year
        ));
    }

    let stamp_text = stamp.map(|(day, clock)| format_stamp(&press.date_line, day, clock));
    let placement = match rng.random_range(0..100) {
        0..75 => Placement::AfterTitle,
        75..85 => Placement::BeforeTitle,
        _ => Placement::Byline,
    };
    let placement = if source_signature.is_some() {
        Placement::Byline
    } else {
        placement
    };
    if let (Some(s), Placement::BeforeTitle) = (&stamp_text, placement) {
        blocks.push(s.clone());
    }

    let mut title = story.title.clone();
    if original && rng.random_bool(0.06) {
        // "Opinion | … - Outlet" would hide the outlet from the reader's suffix check.
        let labels = if signs.contains(&Sign::Suffix) {
            &SECTION_LABELS[..3]
        } else {
            SECTION_LABELS
        };
        title = format!("{} {title}", pick(rng, labels));
    }
    if signs.contains(&Sign::Suffix) {
        let name = press.names.choose(rng).unwrap_or(&press.name);
        let sep = pick(rng, &[" | ", " - "]);
        title = format!("{title}{sep}{name}");
    }
    blocks.push(title);
    blocks.extend(story.subtitle.clone());

    if let (Some(s), Placement::AfterTitle) = (&stamp_text, placement) {
        let mut line = s.clone();
        if let Some((day, clock)) = stamp
            && let Some(update) = updated_stamp(rng, &press.date_line, day, clock)
        {
            if rng.random_bool(0.5) {
                line = format!("{line} {update}");
            } else {
                blocks.push(line);
                line = update;
            }
        }
        blocks.push(line);
    }

    let reporter = t.person_name(rng);
    let wants_byline = rng.random_bool(0.65)
        || placement == Placement::Byline && stamp_text.is_some()
        || source_signature.is_some();
    if wants_byline {
        let mut line = if !original && rng.random_bool(0.4) {
            format!("By {}", story_credit(t, story))
        } else {
            match rng.random_range(0..5) {
                0 => format!("By {reporter}, staff reporter"),
                1 => format!(
                    "By {reporter}, {} correspondent",
                    pick(rng, CORRESPONDENT_CITIES)
                ),
                2 => format!("By {reporter} and {}", t.person_name(rng)),
                _ => format!("By {reporter}"),
            }
        };
        if signs.contains(&Sign::Email) && rng.random_bool(0.5) {
            let domain = press.domains.choose(rng).cloned().unwrap_or_default();
            line = format!("{line} ({}@{domain})", email_user(rng));
        }
        if let Some(sig) = source_signature {
            line = format!("{line} {sig}");
        }
        if let (Some(s), Placement::Byline) = (&stamp_text, placement) {
            let sep = if source_signature.is_some() {
                " "
            } else {
                " | "
            };
            line = format!("{line}{sep}{s}");
        }
        blocks.push(line);
    }

    let wrapped = rng.random_bool(0.05);
    for (i, block) in story.body.iter().enumerate() {
        if i > 0 && rng.random_bool(0.04) {
            blocks.push(pick(rng, &["Advertisement", "ADVERTISEMENT", "Ad"]).to_string());
        }
        if i > 0 && rng.random_bool(0.005) {
            blocks.push(pick(rng, MARKUP_LEAKS).to_string());
        }
        match wrapped.then(|| wrap_evenly(block, 72)).flatten() {
            Some(lines) => blocks.push(lines.join("\n")),
            None => blocks.push(block.clone()),
        }
    }

    if rng.random_bool(0.04) {
        blocks.push(format!(
            "The author is {}.",
            pick(rng, EXPERT_ROLES).trim_start_matches("a ")
        ));
    }
    if signs.contains(&Sign::Email) {
        let domain = press.domains.choose(rng).cloned().unwrap_or_default();
        let user = email_user(rng);
        blocks.push(match rng.random_range(0..4) {
            0 => format!("E-mail: {user}@{domain}"),
            1 => format!("Contact the author: {user}@{domain}"),
            2 => format!("Send tips to {user}@{domain}"),
            _ => format!("Email: {user}@{domain}"),
        });
    }
    if signs.contains(&Sign::Signature)
        && source_signature.is_none()
        && let Some(sig) = press.signatures.choose(rng)
    {
        blocks.push(sig.clone());
    }
    if signs.contains(&Sign::Copyright) {
        let year = stamp.map_or(story.day.year, |(d, _)| d.year);
        blocks.push(copyright_line(rng, press, year));
    }
    blocks.extend(bottom);
    for _ in 0..rng.random_range(0..4) {
        blocks.push(pick(rng, BOTTOM_FURNITURE).to_string());
    }
    if rng.random_bool(0.2) {
        blocks.push(
            pick(
                rng,
                &["Related stories", "You may also like", "Most viewed"],
            )
            .to_string(),
        );
        for _ in 0..rng.random_range(1..4) {
            blocks.push(related_headline(t, rng));
        }
    }
    blocks.join("\n\n")
}

/// The agency name a wire copy is credited to.
fn story_credit(t: &Tables<'_>, story: &Story) -> String {
    let press = &t.press[story.press];
    press.credit.clone().unwrap_or_else(|| press.name.clone())
}

/// Where a page prints its date stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    AfterTitle,
    BeforeTitle,
    Byline,
}

/// A Korean agency page: Korean furniture, stamp, byline and copyright.
fn frame_korean(
    t: &Tables<'_>,
    rng: &mut ChaCha8Rng,
    p: usize,
    stamp: Option<(Day, Clock)>,
    story: &Story,
) -> String {
    let press = &t.press[p];
    let signs = choose_signs(rng, press);
    let mut blocks = Vec::new();
    for _ in 0..rng.random_range(0..3) {
        blocks.push(pick(rng, KO_TOP_FURNITURE).to_string());
    }
    let mut title = story.title.clone();
    if signs.contains(&Sign::Suffix) {
        let name = press.names.choose(rng).unwrap_or(&press.name);
        title = format!("{title} - {name}");
    }
    blocks.push(title);
    if let Some((day, clock)) = stamp {
        let s = format_stamp(&press.date_line, day, clock);
        let line = if rng.random_bool(0.5) {
            let mut line = format!("입력 {s}");
            if rng.random_bool(0.4) {
                let next = add_days(day, rng.random_range(0..2));
                line = format!(
                    "{line} | 수정 {}",
                    format_stamp(&press.date_line, next, clock.later(rng))
                );
            }
            line
        } else {
            s
        };
        blocks.push(line);
    }
    let reporter = t.korean_name(rng);
    if rng.random_bool(0.6) {
        blocks.push(format!("{reporter} 기자"));
    }
    blocks.extend(story.body.iter().cloned());
    if signs.contains(&Sign::Email) {
        let domain = press.domains.choose(rng).cloned().unwrap_or_default();
        blocks.push(format!("{reporter} 기자 {}@{domain}", email_user(rng)));
    }
    if signs.contains(&Sign::Copyright) || signs.contains(&Sign::Signature) {
        let year = stamp.map_or(story.day.year, |(d, _)| d.year);
        blocks.push(copyright_line(rng, press, year));
    }
    for _ in 0..rng.random_range(0..4) {
        blocks.push(pick(rng, KO_BOTTOM_FURNITURE).to_string());
    }
    blocks.join("\n\n")
}

/// An "updated" stamp after the publication one, where the outlet's stamp has a label to swap.
fn updated_stamp(rng: &mut ChaCha8Rng, pattern: &str, day: Day, clock: Clock) -> Option<String> {
    if !rng.random_bool(0.3) {
        return None;
    }
    let later = add_days(day, rng.random_range(0..3));
    let text = format_stamp(pattern, later, clock.later(rng));
    for (published, updated) in [
        ("Posted on", "Modified on"),
        ("Posted", "Updated"),
        ("Published", "Updated"),
    ] {
        if let Some(rest) = text.strip_prefix(published) {
            return Some(format!("{updated}{rest}"));
        }
    }
    if text.starts_with("Updated") {
        return None;
    }
    Some(format!("Updated {text}"))
}

fn related_headline(t: &Tables<'_>, rng: &mut ChaCha8Rng) -> String {
    let day = random_day(rng);
    let mut writer = Writer::new(t, rng, day, false, false);
    let a = writer.t.english.sample(writer.rng);
    let b = writer.t.english.sample(writer.rng);
    let template = pick(writer.rng, HEADLINES);
    writer.render(template, a, b, true)
}

/// Encodes the text as a scraper may have saved it: mostly UTF-8, some with a byte-order mark or
/// Windows line ends, Korean pages sometimes in EUC-KR.
fn encode(rng: &mut ChaCha8Rng, text: String, euc_kr: bool) -> Vec<u8> {
    let text = if rng.random_bool(0.08) {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if euc_kr {
        let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&text);
        if !unmappable {
            return bytes.into_owned();
        }
    }
    if rng.random_bool(0.03) {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(text.as_bytes());
        return bytes;
    }
    text.into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Small helpers: dates, stamps, particles, wrapping.
// ---------------------------------------------------------------------------------------------

/// A day from 1995 to 2026, recent years far more often (coverage grew with the relationship).
fn random_day(rng: &mut ChaCha8Rng) -> Day {
    let span = (LAST_YEAR - 1995 + 1) as f64;
    let u: f64 = rng.random();
    let year = 1995 + ((span * u.powf(0.4)) as i32).min(LAST_YEAR - 1995);
    let month = rng.random_range(1..=12);
    let day = rng.random_range(1..=31);
    Day::new(year, month, day)
        .or_else(|| Day::new(year, month, 28))
        .expect("the 28th exists in every month")
}

/// The day `n` days after `day` (before, for negative `n`), never past the last year.
fn add_days(day: Day, n: i64) -> Day {
    let shifted = from_days(to_days(day) + n);
    if shifted.year as i32 > LAST_YEAR {
        Day::new(LAST_YEAR, 12, 31).expect("a valid day")
    } else {
        shifted
    }
}

/// Days since 1970-01-01 (the civil-from-days algorithm of H. Hinnant).
fn to_days(d: Day) -> i64 {
    let (y, m, dd) = (d.year as i64, d.month as i64, d.day as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(z: i64) -> Day {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    Day::new(y as i32, m as u32, d as u32).expect("civil_from_days gives a valid day")
}

/// 0 = Sunday.
fn weekday(d: Day) -> usize {
    (to_days(d) + 4).rem_euclid(7) as usize
}

/// Fills an outlet's `date_line`: {yyyy} {mm_num} {m} {dd} {d} {Month} {Mon} {HH} {h} {mm} {ss}.
/// A 12-hour clock after noon turns the pattern's "AM" into "PM".
fn format_stamp(pattern: &str, day: Day, clock: Clock) -> String {
    let month = MONTHS[day.month as usize - 1];
    let twelve = match clock.hour % 12 {
        0 => 12,
        h => h,
    };
    let mut out = pattern
        .replace("{yyyy}", &format!("{:04}", day.year))
        .replace("{mm_num}", &format!("{:02}", day.month))
        .replace("{m}", &day.month.to_string())
        .replace("{dd}", &format!("{:02}", day.day))
        .replace("{d}", &day.day.to_string())
        .replace("{Month}", month)
        .replace("{Mon}", &month[..3])
        .replace("{HH}", &format!("{:02}", clock.hour))
        .replace("{h}", &twelve.to_string())
        .replace("{mm}", &format!("{:02}", clock.minute))
        .replace("{ss}", &format!("{:02}", clock.second));
    if pattern.contains("{h}") && clock.hour >= 12 {
        out = out
            .replace(" AM", " PM")
            .replace("a.m.", "p.m.")
            .replace(" am ", " pm ");
    }
    out
}

/// Whether the reader would relate two actors (`belongs`: per dictionary actor, what it belongs
/// to): a person or body and its country, party, ministry or alliance are not a pair.
fn pairable(belongs: &[Vec<u32>], x: u32, y: u32) -> bool {
    x != y && !belongs[x as usize].contains(&y) && !belongs[y as usize].contains(&x)
}

/// The particle after a Korean word: `은` after a final consonant, `는` after a vowel, and so on.
fn josa(word: &str, particle: &str) -> &'static str {
    let last = word.chars().next_back().unwrap_or(' ');
    let code = last as u32;
    let batchim = ('\u{AC00}'..='\u{D7A3}')
        .contains(&last)
        .then(|| (code - 0xAC00) % 28);
    let consonant = batchim.is_some_and(|b| b != 0);
    match particle {
        "은" | "는" => ["는", "은"][consonant as usize],
        "이" | "가" => ["가", "이"][consonant as usize],
        "을" | "를" => ["를", "을"][consonant as usize],
        "과" | "와" => ["와", "과"][consonant as usize],
        "으로" | "로" => {
            if consonant && batchim != Some(8) {
                "으로"
            } else {
                "로"
            }
        }
        other => panic!("no particle {other:?}"),
    }
}

/// Wraps a paragraph at `width` columns, or `None` unless it makes three or more even lines (every
/// line but the last at least four fifths of the longest), as a terminal or mail client wraps.
fn wrap_evenly(paragraph: &str, width: usize) -> Option<Vec<String>> {
    if paragraph.contains('\n') {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in paragraph.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let even = lines[..lines.len() - 1]
        .iter()
        .all(|l| l.chars().count() * 5 >= longest * 4);
    (lines.len() >= 3 && even).then_some(lines)
}

/// "U.S. secretary of state" → "U.S. Secretary of State"; descriptors such as "leader" stay lower.
fn title_case(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| {
            if ["of", "the", "leader", "spokesman", "spokesperson", "chief"].contains(&w)
                || w.chars().any(|c| c.is_uppercase())
            {
                w.to_string()
            } else {
                w.split('-')
                    .map(capitalise_first)
                    .collect::<Vec<_>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Country names read with "the": "the United States", "the Philippines".
fn needs_the(name: &str) -> bool {
    [
        "United ",
        "Soviet ",
        "Russian Federation",
        "Philippines",
        "Republic",
        "Democratic ",
        "People's ",
        "Islamic ",
        "Union of",
        "Islamic Republic",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or("")
}

/// Name order and given names by where a family name comes from.
enum NameStyle {
    Korean,
    Russian,
    Western,
}

fn family_origin(family: &str) -> NameStyle {
    if KOREAN_FAMILIES.contains(&family) {
        NameStyle::Korean
    } else if RUSSIAN_FAMILIES.contains(&family) {
        NameStyle::Russian
    } else {
        NameStyle::Western
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists and templates.
// ---------------------------------------------------------------------------------------------

/// The actors this beat names most, most popular first; the rest follow in dictionary order.
const HEADLINERS: &[&str] = &[
    "north-korea",
    "russia",
    "kim-jong-un",
    "vladimir-putin",
    "south-korea",
    "united-states",
    "china",
    "ukraine",
    "japan",
    "sergei-lavrov",
    "choe-son-hui",
    "un-security-council",
    "sergei-shoigu",
    "kim-yo-jong",
    "dmitry-peskov",
    "united-nations",
    "xi-jinping",
    "donald-trump",
    "joe-biden",
    "yoon-suk-yeol",
    "moon-jae-in",
    "kim-jong-il",
    "dmitry-medvedev",
    "volodymyr-zelensky",
    "soviet-union",
    "workers-party-of-korea",
    "korean-peoples-army",
    "andrei-belousov",
    "maria-zakharova",
    "alexander-matsegora",
    "european-union",
    "nato",
    "antony-blinken",
    "national-intelligence-service",
    "lee-jae-myung",
    "belarus",
    "iran",
    "mongolia",
    "vietnam",
];

/// Acronyms printed without "the".
const BARE_ACRONYMS: &[&str] = &[
    "NATO",
    "ASEAN",
    "BRICS",
    "APEC",
    "UNICEF",
    "KEDO",
    "INDOPACOM",
];

const KOREAN_FAMILIES: &[&str] = &[
    "Ahn", "Bae", "Cha", "Chun", "Hong", "Jeon", "Koo", "Kwon", "Min", "Nam", "Oh", "Seo", "Shin",
    "Sohn", "Woo", "Yang", "Ha", "Hyun", "Bang", "Byun",
];
const RUSSIAN_FAMILIES: &[&str] = &[
    "Sokolov",
    "Morozov",
    "Orlova",
    "Volkova",
    "Zaitsev",
    "Belova",
    "Lebedev",
    "Kuznetsova",
];
const WESTERN_FAMILIES: &[&str] = &[
    "Whitfield",
    "Marsh",
    "Hughes",
    "Fischer",
    "Dupont",
    "Walsh",
    "Carver",
    "Holloway",
    "Brennan",
    "Lindqvist",
];
const KOREAN_GIVEN: &[&str] = &[
    "Seung-ho",
    "Ji-won",
    "Min-jae",
    "Hye-jin",
    "Dong-hyun",
    "Soo-yeon",
    "Jae-won",
    "Eun-ji",
    "Tae-hoon",
    "Ye-rin",
    "Sang-woo",
    "Na-young",
];
const RUSSIAN_GIVEN: &[&str] = &["Andrei", "Yelena", "Pavel", "Irina", "Oleg", "Svetlana"];
const WESTERN_GIVEN: &[&str] = &[
    "Sarah", "David", "Laura", "Michael", "Anna", "Thomas", "Emily", "Daniel", "Claire", "Peter",
];
const HANGUL_FAMILY: &[&str] = &[
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "오", "서", "신", "권", "황", "안",
    "송", "류", "홍",
];
const HANGUL_GIVEN: &[&str] = &[
    "민", "준", "서", "연", "지", "훈", "현", "우", "수", "영", "재", "은", "하", "진", "호", "성",
];

const FIELDS: &[&str] = &[
    "energy",
    "agriculture",
    "transport links",
    "health care",
    "tourism",
    "fisheries",
    "space technology",
    "science and education",
    "customs procedures",
    "railway modernization",
    "border management",
    "military technology",
    "port logistics",
    "banking",
    "civil aviation",
];
const GOODS: &[&str] = &[
    "refined oil",
    "wheat flour",
    "fertilizer",
    "artillery shells",
    "diesel fuel",
    "medical equipment",
    "coal",
    "rice",
    "spare parts",
    "missile components",
    "aircraft parts",
    "seafood",
    "timber",
    "drones",
];
const PLACES: &[&str] = &[
    "Vladivostok",
    "Khabarovsk",
    "the Vostochny Cosmodrome",
    "Rason",
    "the Khasan border crossing",
    "Sinuiju",
    "Nampo",
    "Wonsan",
    "Komsomolsk-on-Amur",
    "Ulan-Ude",
];
const NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "eight", "ten", "a dozen",
];
const DATELINE_CITIES: &[&str] = &[
    "SEOUL",
    "MOSCOW",
    "PYONGYANG",
    "BEIJING",
    "TOKYO",
    "WASHINGTON",
    "VLADIVOSTOK",
    "KYIV",
];
const CORRESPONDENT_CITIES: &[&str] = &["Moscow", "Tokyo", "Beijing", "Washington", "Seoul"];
const KOREAN_CITIES: &[&str] = &[
    "서울",
    "모스크바",
    "베이징",
    "도쿄",
    "워싱턴",
    "블라디보스토크",
];

const QUOTES: &[&str] = &[
    "This is a marriage of convenience, not a genuine alliance",
    "Both sides are getting something they badly need",
    "The question is how long this can last",
    "We should not read too much into a single visit",
    "The symbolism matters as much as the substance",
    "It is a relationship built on shared grievances",
    "Nobody in the region can afford to ignore this",
    "The real test will be what happens on the ground",
    "The numbers are small, but the direction is clear",
];
const CLAIMS: &[&str] = &[
    "the relationship is driven more by necessity than by trust",
    "the arrangement would be hard to verify",
    "the talks reflected a broader shift in the region",
    "much depends on how the deliveries are financed",
    "the announcement was aimed as much at domestic audiences as at foreign ones",
];
const EXPERT_ROLES: &[&str] = &[
    "a professor at Kookmin University",
    "a senior fellow at the Asan Institute for Policy Studies",
    "a researcher at the Sejong Institute",
    "an analyst at the Stimson Center",
    "a former diplomat",
    "a lecturer at the Higher School of Economics",
    "a research fellow at the Korea Institute for Defense Analyses",
    "a specialist on Northeast Asia at Far Eastern Federal University",
    "an associate professor at Ewha Womans University",
];

/// Cooperation: every cue in these sentences is a cooperation cue.
const COOPERATION: &[&str] = &[
    "{a} and {b} agreed to expand cooperation in {field}.",
    "{a} signed an agreement with {b} on {field}.",
    "{a} pledged continued support for {b}, officials said.",
    "{a} and {b} held talks on {field} on {weekday}.",
    "{a} hosted a delegation led by {b} for {num} days of talks.",
    "{a} said it would strengthen strategic communication with {b} in the months ahead.",
    "{a} welcomed the arrival of a delegation sent by {b} on {weekday}.",
    "{a} praised {b} for what it called a principled stance.",
    "{a} and {b} vowed to deepen their partnership.",
    "{a} met {b} on the sidelines of the forum.",
    "{a} thanked {b} for its consistent backing.",
    "{a} is set to meet {b} later this month, according to diplomatic sources.",
    "Officials said {a} had agreed to supply {b} with {goods}.",
    "{a} and {b} announced a joint venture in {field}.",
    "{a} offered to help {b} rebuild its {field} sector.",
    "{a} congratulated {b} on the anniversary of diplomatic ties.",
    "{a} described its friendship with {b} as unbreakable.",
    "{a} and {b} reaffirmed their alliance during a phone call on {weekday}.",
    "{a} expressed solidarity with {b} in a message carried by state media.",
    "{a} backed a proposal by {b} on {field}.",
    "{a} invited {b} for a visit at a convenient time.",
    "{a} and {b} pledged to coordinate closely on regional security.",
    "{a} is seeking closer ties with {b}, analysts say.",
    "{a} and {b} signed a treaty on comprehensive strategic partnership.",
    "{a} shook hands with {b} before the talks began.",
    "{a} said it was ready to provide {b} with {goods}.",
    "{a} and {b} agreed to resume dialogue on {field}.",
];

/// Conflict: every cue in these sentences is a conflict cue.
const CONFLICT: &[&str] = &[
    "{a} condemned {b} over its latest missile launch.",
    "{a} imposed new sanctions on {b} over its {field} policy.",
    "{a} warned {b} against any further provocation.",
    "{a} accused {b} of violating international law.",
    "{a} vetoed a resolution drafted by {b} at the last minute.",
    "{a} threatened to retaliate if {b} went ahead with the drills.",
    "{a} criticized {b} for what it called reckless behavior.",
    "{a} rejected the demands of {b} outright.",
    "{a} protested against the expulsion of its diplomats by {b} on {weekday}.",
    "{a} blamed {b} for the rising tension on the peninsula.",
    "{a} denounced the drills held by {b} as a rehearsal for invasion.",
    "{a} said {b} was trying to isolate it diplomatically.",
    "{a} test-fired a missile in a show of defiance toward {b}, officials said.",
    "{a} and {b} traded accusations over the incident.",
    "{a} called on {b} to halt its arms transfers.",
    "{a} tightened export controls targeting {b} this week.",
    "{a} is considering punitive measures against {b}, officials said.",
    "{a} said the confrontation with {b} had reached a dangerous point.",
    "{a} slammed {b} for what it called a hostile act.",
    "{a} opposed the bid by {b} for a permanent seat.",
];

/// Refusals: a negated cooperation cue, read as conflict.
const REFUSAL: &[&str] = &[
    "{a} refused to cooperate with {b} on {field}.",
    "{a} did not support the position of {b} on the issue.",
    "{a} failed to agree with {b} on the wording of a statement.",
    "{a} declined to meet {b}, citing scheduling reasons.",
    "{a} said it would never negotiate with {b} under such conditions.",
    "{a} is unlikely to help {b} this time, diplomats said.",
];

/// Restraint: a negated conflict cue, read as neutral.
const RESTRAINT: &[&str] = &[
    "{a} did not condemn {b} for the launch.",
    "{a} said it had no plans to sanction {b} for now.",
    "{a} stopped short of criticizing {b} directly.",
];

/// No cue at all: neutral.
const NEUTRAL: &[&str] = &[
    "{a} said it was closely watching {b} for now.",
    "{a} has not commented on reports about {b} so far.",
    "It was not immediately clear whether {a} had informed {b} in advance.",
    "{a} is expected to answer {b} later in the day.",
];

/// Sentences naming one actor.
const SINGLE: &[&str] = &[
    "{a} has not commented publicly on the reports.",
    "A spokesperson for {a} declined to comment.",
    "{a} has repeatedly denied the allegations.",
    "Officials said {a} was preparing a detailed response.",
    "{a} did not respond to a request for comment.",
    "{a} is expected to announce its position in the coming days.",
    "{a} said the move was necessary for regional stability.",
    "{a} has been increasingly vocal on the issue for {years} years.",
    "Observers say {a} has the most to lose if the arrangement collapses.",
    "{a} has kept a low profile since the announcement.",
    "State media quoted {a} as saying the decision was final.",
    "{a} is under growing pressure at home over the issue.",
];

/// Background sentences that name no actor.
const CONTEXT: &[&str] = &[
    "Analysts said the timing of the announcement was significant.",
    "The talks lasted about three hours, according to officials familiar with the matter.",
    "Details of the arrangement were not made public.",
    "The exact figures could not be independently verified.",
    "Satellite imagery from recent weeks shows increased activity at the port of Rajin.",
    "Cross-border commerce has fallen sharply over the past decade.",
    "The railway bridge over the Tumen River has become a symbol of the relationship.",
    "Experts remain divided over how far the partnership can go.",
    "Observers noted that the ceremony was unusually lavish.",
    "Such visits have been rare since the end of the Cold War.",
    "The delegation arrived by train after a journey of more than 20 hours.",
    "Shipments reportedly include fuel, food and machinery parts.",
    "It was the first such meeting in {num} years.",
    "Diplomats briefed on the discussions said progress had been slow.",
    "Markets in the region showed little reaction to the news.",
    "About {tons} tons of {goods} are believed to have crossed the border last year.",
    "The two sides last met on {event_date}, during a visit that drew wide attention.",
    "The visit included a stop in {place}, a hub for regional logistics.",
    "Officials declined to say how long the arrangement would last.",
    "Footage aired on television showed a military band and a red carpet.",
    "Some of the details were first reported by local media.",
    "The agreement, if implemented, would run for {years} years.",
    "Questions remain over how the deal would be financed.",
    "The issue is expected to come up again at a regional forum next month.",
    "A second round of consultations is planned for the autumn.",
    "The figures are roughly double those of five years ago.",
    "Most of the cargo is carried by rail through {place}.",
    "Independent monitors have had little access to the area.",
    "The statement ran to more than 2,000 words.",
    "It remains unclear whether the plan will survive a change of leadership.",
    "The exchange rate has been volatile in recent months.",
    "Tourism numbers have yet to recover to their earlier levels.",
    "Several of the projects announced at the time never got off the ground.",
    "Historians trace the relationship back to the late 1940s.",
    "The timing coincides with the anniversary of the armistice.",
];

const QUOTE_SENTENCES: &[&str] = &[
    "“{quote},” said {expert}, {expert_role}.",
    "“{quote},” {expert}, {expert_role}, told reporters.",
    "{expert}, {expert_role}, said {claim}.",
    "“{a} needs friends right now, and its options are limited,” said {expert}, {expert_role}.",
    "{expert}, {expert_role}, said the stance of {a} was unlikely to change soon.",
];

/// Headlines: no final period, so the reader takes them for a headline.
const HEADLINES: &[&str] = &[
    "{a}, {b} agree to deepen military cooperation",
    "{a} warns {b} over arms deals",
    "{a} and {b} sign strategic partnership treaty",
    "{a} courts {b} as sanctions bite",
    "{a} slams {b} over 'hostile' policy",
    "What deepening ties between {a} and {b} mean for the region",
    "{a} set to host {b} for rare summit",
    "{a} vows support for {b}",
    "{a} condemns {b} missile test",
    "Inside the growing reliance of {a} on {b}",
    "{a} eyes closer economic ties with {b}",
    "{a} rebuffs {b} on sanctions relief",
    "{a} and {b} hold talks amid regional tension",
    "Why {a} is leaning on {b}",
    "{a} accuses {b} of arms transfers",
    "{a} thanks {b} for support",
    "{a}, {b} pledge to expand trade",
    "{a} seeks new leverage with {b}",
    "{a} keeps {b} at arm's length",
    "{a} and {b}: an alliance of convenience",
];

const STANDFIRSTS: &[&str] = &[
    "The eagerness of {a} to deepen ties with {b} is drawing scrutiny",
    "Analysts say {a} and {b} both stand to gain from the arrangement",
    "Talks between {a} and {b} come at a delicate moment",
    "{a} says the relationship with {b} is entering a new stage",
];

const CAPTIONS: &[&str] = &[
    "{a} and {b} shake hands during their talks on {event_date}.",
    "{a} speaks during a news conference on {weekday}.",
    "{a} inspects a military facility in this undated photo released on {weekday}.",
    "{a} and {b} attend a welcoming ceremony.",
    "Officials of {a} and {b} pose for a photo ahead of the talks.",
    "{a} waves as {b} looks on during a ceremony on {event_date}.",
];
const CREDITS: &[&str] = &[
    "(Yonhap)",
    "(KCNA/Yonhap)",
    "(AFP)",
    "(Reuters)",
    "(AP Photo)",
    "(EPA-Yonhap)",
    "[Reuters]",
    "(TASS)",
    "(Xinhua)",
    "(Pool Photo)",
    "(Getty Images)",
    "(Sputnik/Pool via Reuters)",
];

const SECTION_LABELS: &[&str] = &["[Editorial]", "[Analysis]", "[Op-Ed]", "Opinion |"];

const TOP_FURNITURE: &[&str] = &[
    "Skip to main content",
    "Menu",
    "Search",
    "Sign in",
    "Subscribe",
    "Home > World > Asia",
    "Home > North Korea > Diplomacy",
    "World / Asia",
    "Opinion",
    "Politics",
    "Latest News",
    "Font size",
    "Listen to this article",
];
const BOTTOM_FURNITURE: &[&str] = &[
    "Related articles",
    "Most read",
    "Facebook Twitter LinkedIn Email Print",
    "Share this article",
    "Tweet",
    "Comments",
    "Leave a comment",
    "Subscribe now",
    "Tags: North Korea, Russia, diplomacy",
    "Follow us on X",
    "Back to top",
    "Advertisement",
    "Recommended",
    "Sign up for our newsletter",
];
const MARKUP_LEAKS: &[&str] = &[
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-article'); });",
    ".article-body p { margin: 0 0 1em; }",
    "{{ article.related_title }}",
];

const BLOG_BOARDS: &[&str] = &[
    "더 나은 미래를 위해",
    "국제뉴스 스크랩",
    "읽을거리",
    "외신 모음",
];
const BLOG_SECTIONS: &[&str] = &["World affairs", "Reading list", "Clippings"];
const BLOG_TITLES: &[&str] = &[
    "Playing the Russia card",
    "Worth reading",
    "오늘의 외신 읽기",
    "Another take on Northeast Asia",
    "퍼온 글",
    "Interesting editorial",
];
const BLOG_NICKS: &[&str] = &[
    "튼씩이",
    "하늘바다",
    "솔바람",
    "nkfan",
    "kwon",
    "다람쥐",
    "청풍",
];
const BLOG_FOOTER_KO: &[&str] = &["공감", "구독하기", "신고하기", "댓글"];
const BLOG_FOOTER_EN: &[&str] = &["Share", "Like", "Reply", "Comments"];

/// Korean relation sentences; the cue lexicon reads English only, so their tone is not checked.
const KO_RELATIONS: &[&str] = &[
    "{a|은} 이날 {b|과} 정상회담을 갖고 경제 협력을 확대하기로 합의했다.",
    "{a|은} {b|과}의 군사 협력을 한층 강화하겠다는 뜻을 밝혔다.",
    "{a|은} {b}의 미사일 발사를 강하게 규탄하는 성명을 냈다.",
    "{a|은} {b}에 대한 추가 제재를 검토하고 있다고 밝혔다.",
    "{a|과} {b|은} 포괄적 전략 동반자 관계 조약에 서명했다.",
    "{a|은} {b}의 무기 지원 의혹에 대해 깊은 우려를 표명했다.",
    "외교 소식통에 따르면 {a|은} 조만간 {b|과} 고위급 회담을 열 예정이다.",
    "{a|은} {b|을} 겨냥해 도발을 멈추라고 경고했다.",
    "{a|은} {b}에 식량과 비료를 지원하는 방안을 논의 중인 것으로 알려졌다.",
    "{a|은} 이번 조치가 {b}의 적대 정책에 대한 대응이라고 주장했다.",
    "{a|과} {b|은} 이날 전화 통화를 하고 양국 관계 발전 방안을 협의했다.",
    "{a|은} {b|과}의 협력을 거부한다는 입장을 분명히 했다.",
];
const KO_SINGLE: &[&str] = &[
    "{a|은} 아직 이에 대한 공식 입장을 내놓지 않았다.",
    "{a|은} 관련 보도에 대해 확인을 거부했다.",
    "{a}의 대변인은 정례 브리핑에서 관련 질문에 답하지 않았다.",
    "{a|은} 이번 주 중 후속 조치를 발표할 것으로 예상된다.",
];
const KO_CONTEXT: &[&str] = &[
    "전문가들은 이번 회담이 역내 안보 지형에 적지 않은 영향을 미칠 것으로 내다봤다.",
    "구체적인 합의 내용은 공개되지 않았다.",
    "양측은 회담 직후 공동 기자회견을 열지 않았다.",
    "이번 방문은 약 5년 만에 이뤄진 것이다.",
    "소식통은 실무 협의가 수주간 이어질 수 있다고 전했다.",
    "관련 수치는 독립적으로 확인되지 않았다.",
    "회담은 약 세 시간 동안 진행된 것으로 전해졌다.",
    "국경 지역의 화물 열차 운행도 최근 늘어난 것으로 파악됐다.",
    "외교가에서는 이번 행보를 두고 다양한 해석이 나오고 있다.",
    "일부 분석가들은 실질적인 성과가 제한적일 것이라고 평가했다.",
];
const KO_HEADLINES: &[&str] = &[
    "{a}·{b} 정상회담…전략적 협력 강화",
    "{a}, {b}에 경고…도발 중단하라",
    "{a}-{b} 군사협력 가속화",
    "{a}, {b|과} 조약 서명",
    "{a}, {b} 제재 동참 안 해",
    "{a}·{b} 밀착 행보에 주목",
];
const KO_CAPTIONS: &[&str] = &[
    "{a|과} {b} 대표단이 회담에 앞서 악수하고 있다.",
    "{a} 고위 인사들이 {b} 측과 회담장에 입장하고 있다.",
];
const KO_CREDITS: &[&str] = &[
    "(뉴스1)",
    "(평양 노동신문=뉴스1)",
    "(사진=뉴시스)",
    "(뉴시스)",
];
const KO_TOP_FURNITURE: &[&str] = &["본문 바로가기", "전체메뉴", "검색"];
const KO_BOTTOM_FURNITURE: &[&str] = &[
    "관련기사",
    "많이 본 뉴스",
    "공유하기",
    "댓글",
    "페이스북",
    "카카오톡",
];

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::Corpus;
    use reader::dictionary::{Form, Target};
    use std::sync::LazyLock;

    const ACTORS: &str = include_str!("../../../corpus/actors.toml");
    const OUTLETS: &str = include_str!("../../../corpus/outlets.toml");
    const SOURCES: &str = include_str!("../../../corpus/sources.toml");

    static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| {
        Knowledge::from_sources(ACTORS, OUTLETS, SOURCES).expect("the corpus files load")
    });

    /// Every way the article the reader made differs from the page's truth.
    fn differences(page: &SynthPage, article: &Article) -> Vec<String> {
        let truth = &page.truth;
        let mut out = Vec::new();
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                out.push(format!(
                    "{} ({:?}): {what}: {detail}",
                    page.name, truth.kind
                ));
            }
        };
        check(
            "outlet",
            article.outlet == truth.outlet,
            format!("read {:?}, made {:?}", article.outlet, truth.outlet),
        );
        check(
            "date",
            article.date == truth.date,
            format!("read {:?}, made {:?}", article.date, truth.date),
        );
        check(
            "title",
            article.title.as_deref() == Some(truth.title.as_str()),
            format!("read {:?}, made {:?}", article.title, truth.title),
        );
        check(
            "language",
            article.language == truth.language,
            format!("read {}, made {}", article.language, truth.language),
        );
        let found: HashSet<&str> = article
            .actors
            .iter()
            .filter(|a| a.known)
            .map(|a| a.id.as_str())
            .collect();
        let missing: Vec<&String> = truth
            .actors
            .iter()
            .filter(|id| !found.contains(id.as_str()))
            .collect();
        check("actors", missing.is_empty(), format!("missing {missing:?}"));
        for r in &truth.relations {
            let stated = article
                .evidence
                .iter()
                .any(|e| e.a == r.a && e.b == r.b && r.tone.is_none_or(|tone| tone == e.tone));
            let seen: Vec<(&str, Tone)> = article
                .evidence
                .iter()
                .filter(|e| e.a == r.a && e.b == r.b)
                .map(|e| (e.sentence.as_str(), e.tone))
                .collect();
            check(
                "relation",
                stated,
                format!("{} – {} {:?} not read; read {seen:?}", r.a, r.b, r.tone),
            );
        }
        out
    }

    fn report(problems: &[String]) -> String {
        let shown: Vec<&str> = problems.iter().take(25).map(String::as_str).collect();
        format!("{} problems:\n{}", problems.len(), shown.join("\n"))
    }

    #[test]
    fn pages_read_back_as_generated() {
        let k = &*KNOWLEDGE;
        let pages: Vec<SynthPage> = generate(
            k,
            SynthConfig {
                articles: 200,
                seed: 2024,
            },
        )
        .expect("the corpus makes pages")
        .collect();
        let articles: Vec<Article> = pages
            .iter()
            .map(|p| k.read_article(&p.name, &p.bytes))
            .collect();
        let corpus = Corpus::assemble(articles);
        let mut problems = Vec::new();
        for (page, article) in pages.iter().zip(&corpus.articles) {
            problems.extend(differences(page, article));
            if article.duplicate_of != page.truth.duplicate_of {
                problems.push(format!(
                    "{}: duplicate_of read {:?}, made {:?}",
                    page.name, article.duplicate_of, page.truth.duplicate_of
                ));
            }
        }
        assert!(problems.is_empty(), "{}", report(&problems));
    }

    #[test]
    fn every_outlet_reads_back() {
        let k = &*KNOWLEDGE;
        let mut pages = generate(
            k,
            SynthConfig {
                articles: 0,
                seed: 99,
            },
        )
        .expect("the corpus makes pages");
        let mut problems = Vec::new();
        for press in 0..pages.tables.press.len() {
            for n in 0..4 {
                let page = pages.original(&format!("outlet_{press:02}_{n}.txt"), press);
                let article = k.read_article(&page.name, &page.bytes);
                problems.extend(differences(&page, &article));
            }
        }
        assert!(problems.is_empty(), "{}", report(&problems));
    }

    #[test]
    fn dictionaries_too_small_are_refused() {
        let one_country = "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\n";
        let outlet = "[[outlet]]\nid = \"tass\"\nname = \"TASS\"\n";
        let config = SynthConfig {
            articles: 1,
            seed: 1,
        };
        let k = Knowledge::from_sources(one_country, outlet, "").unwrap();
        assert_eq!(generate(&k, config).err(), Some(SynthError::NoPair));
        let two = format!(
            "{one_country}\n[[actor]]\nid = \"china\"\nname = \"China\"\nkind = \"country\"\n"
        );
        let k = Knowledge::from_sources(&two, "", "").unwrap();
        assert_eq!(generate(&k, config).err(), Some(SynthError::NoOutlets));
        let k = Knowledge::from_sources(&two, outlet, "").unwrap();
        let pages: Vec<SynthPage> = generate(&k, config).unwrap().collect();
        assert_eq!(pages[0].truth.actors, ["china", "russia"]);
    }

    #[test]
    fn same_seed_same_pages() {
        let k = &*KNOWLEDGE;
        let run = |seed| -> Vec<SynthPage> {
            generate(k, SynthConfig { articles: 40, seed })
                .expect("the corpus makes pages")
                .collect()
        };
        assert_eq!(run(5), run(5));
        assert_ne!(run(5), run(6));
    }

    #[test]
    fn pages_have_the_asked_shape() {
        let k = &*KNOWLEDGE;
        let pages: Vec<SynthPage> = generate(
            k,
            SynthConfig {
                articles: 600,
                seed: 11,
            },
        )
        .expect("the corpus makes pages")
        .collect();
        assert_eq!(pages.len(), 600);
        assert_eq!(pages[0].name, "synth_000001.txt");
        let mut outlets = HashSet::new();
        for p in &pages {
            assert!(
                (2_000..=6_400).contains(&p.bytes.len()),
                "{} is {} bytes",
                p.name,
                p.bytes.len()
            );
            if p.truth.kind == PageKind::Original {
                assert!(
                    (3..=15).contains(&p.truth.actors.len()),
                    "{}: {:?}",
                    p.name,
                    p.truth.actors
                );
            }
            if let Some(d) = p.truth.date {
                assert!((1995..=LAST_YEAR).contains(&(d.year as i32)), "{d}");
            }
            outlets.extend(p.truth.outlet.clone());
        }
        let count = |kind| pages.iter().filter(|p| p.truth.kind == kind).count();
        assert!(
            count(PageKind::WireCopy) >= 3,
            "{}",
            count(PageKind::WireCopy)
        );
        assert!(count(PageKind::Repost) >= 3, "{}", count(PageKind::Repost));
        assert!(outlets.len() >= 35, "{} outlets", outlets.len());
        assert!(pages.iter().any(|p| p.truth.language == "ko"));
        let recent = pages
            .iter()
            .filter_map(|p| p.truth.date)
            .filter(|d| d.year >= 2015)
            .count();
        let dated = pages.iter().filter(|p| p.truth.date.is_some()).count();
        assert!(recent * 10 > dated * 6, "{recent} of {dated} after 2015");
    }

    #[test]
    fn relation_templates_carry_their_tone() {
        let lexicon = ToneLexicon::new();
        let fills: [(&str, &[&str]); 4] = [
            ("{field}", FIELDS),
            ("{goods}", GOODS),
            ("{weekday}", &WEEKDAYS),
            ("{num}", NUMBERS),
        ];
        for (list, tone) in [
            (COOPERATION, Some(Tone::Cooperation)),
            (CONFLICT, Some(Tone::Conflict)),
            (REFUSAL, Some(Tone::Conflict)),
            (RESTRAINT, Some(Tone::Neutral)),
            (NEUTRAL, None),
        ] {
            for template in list {
                let mut variants = vec![template.to_string()];
                for (slot, values) in fills {
                    variants = variants
                        .iter()
                        .flat_map(|v| values.iter().map(move |x| v.replace(slot, x)))
                        .collect();
                }
                for v in variants {
                    let s = v.replace("{a}", "Russia").replace("{b}", "Japan");
                    let cues = lexicon.cues(&s);
                    match tone {
                        Some(t) => assert!(
                            !cues.is_empty() && cues.iter().all(|c| c.tone == t),
                            "{s}: {cues:?}"
                        ),
                        None => assert!(cues.is_empty(), "{s}: {cues:?}"),
                    }
                }
            }
        }
    }

    #[test]
    fn slots_never_follow_a_place_preposition() {
        let all = [
            COOPERATION,
            CONFLICT,
            REFUSAL,
            RESTRAINT,
            NEUTRAL,
            SINGLE,
            HEADLINES,
            STANDFIRSTS,
            CAPTIONS,
            QUOTE_SENTENCES,
        ];
        for template in all.iter().flat_map(|l| l.iter()) {
            for slot in ["{a}", "{b}"] {
                for (at, _) in template.match_indices(slot) {
                    let before = template[..at].trim_end();
                    let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
                    assert!(
                        ![
                            "in", "at", "to", "from", "near", "via", "inside", "across", "the"
                        ]
                        .contains(&word.as_str()),
                        "{template}"
                    );
                    let after = &template[at + slot.len()..];
                    assert!(
                        !after.starts_with(' ')
                            || !after[1..].starts_with(|c: char| c.is_uppercase()),
                        "{template}"
                    );
                }
            }
        }
    }

    #[test]
    fn sentences_never_end_with_a_name() {
        // A name ending in a word the sentence splitter knows as an abbreviation ("Paek Nam Sun.",
        // "Zhang Jun.") would run into the next sentence.
        let all = [
            COOPERATION,
            CONFLICT,
            REFUSAL,
            RESTRAINT,
            NEUTRAL,
            SINGLE,
            QUOTE_SENTENCES,
        ];
        for template in all.iter().flat_map(|l| l.iter()) {
            assert!(
                !template.ends_with("{a}.") && !template.ends_with("{b}."),
                "{template}"
            );
        }
    }

    #[test]
    fn background_sentences_name_nobody() {
        let k = &*KNOWLEDGE;
        let dict = &k.matcher.dict;
        // Bare family names and short forms would be read as a person named earlier.
        let bare: HashSet<String> = dict
            .patterns
            .iter()
            .filter(|(_, targets)| {
                targets.iter().any(|t| {
                    matches!(
                        t,
                        Target::Actor(_, Form::Surname) | Target::Actor(_, Form::Short)
                    )
                })
            })
            .map(|(p, _)| p.to_lowercase())
            .collect();
        let fixed = CONTEXT
            .iter()
            .chain(KO_CONTEXT)
            .chain(QUOTES)
            .chain(CLAIMS)
            .chain(EXPERT_ROLES)
            .chain(PLACES)
            .chain(FIELDS)
            .chain(GOODS)
            .chain(BLOG_TITLES.iter().filter(|t| !t.contains("Russia")));
        for text in fixed {
            let found = k.matcher.find(&["x", text], 1, None, &[]);
            assert!(found.is_empty(), "{text}: {found:?}");
            for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                assert!(
                    !word.starts_with(char::is_uppercase) || !bare.contains(&word.to_lowercase()),
                    "{text}: {word}"
                );
            }
        }
    }

    #[test]
    fn stamps_fill_every_placeholder() {
        let k = &*KNOWLEDGE;
        let day = Day::new(2019, 5, 7).unwrap();
        let clock = Clock {
            hour: 15,
            minute: 4,
            second: 9,
        };
        for o in &k.profiles.outlets {
            let pattern = o.date_line.as_deref().unwrap_or("{Month} {d}, {yyyy}");
            let s = format_stamp(pattern, day, clock);
            assert!(!s.contains(['{', '}']), "{}: {s}", o.id);
            assert!(s.contains("2019"), "{}: {s}", o.id);
            assert!(!s.contains("AM") && !s.contains("a.m."), "{}: {s}", o.id);
        }
        assert_eq!(
            format_stamp("Posted {Month}. {dd}, {yyyy} {HH}:{mm},", day, clock),
            "Posted May. 07, 2019 15:04,"
        );
        assert_eq!(
            format_stamp("{Month} {d}, {yyyy} / {h}:{mm} AM", day, clock),
            "May 7, 2019 / 3:04 PM"
        );
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Day::new(2024, 2, 28).unwrap();
        assert_eq!(add_days(d, 1).to_string(), "2024-02-29");
        assert_eq!(add_days(d, 2).to_string(), "2024-03-01");
        assert_eq!(add_days(d, -59).to_string(), "2023-12-31");
        assert_eq!(
            WEEKDAYS[weekday(Day::new(2019, 4, 25).unwrap())],
            "Thursday"
        );
        assert_eq!(
            add_days(Day::new(2026, 12, 30).unwrap(), 10).to_string(),
            "2026-12-31"
        );
    }

    #[test]
    fn korean_particles_follow_the_last_syllable() {
        assert_eq!(josa("북한", "은"), "은");
        assert_eq!(josa("러시아", "은"), "는");
        assert_eq!(josa("김정은", "과"), "과");
        assert_eq!(josa("푸틴", "을"), "을");
        assert_eq!(josa("러시아", "이"), "가");
    }

    #[test]
    fn wrapping_keeps_lines_even_or_declines() {
        let text = "North Korean leader Kim Jong Un will meet with Russian President Vladimir Putin \
                    for the first time later this month, the Kremlin has announced, in what will be \
                    the first summit between the two countries in eight years.";
        let lines = wrap_evenly(text, 72).expect("long enough to wrap");
        assert!(lines.len() >= 3 && lines.iter().all(|l| l.chars().count() <= 72));
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap_evenly("Too short to wrap.", 72), None);
    }
}
