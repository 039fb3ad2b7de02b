//! Korean forms that name states without spelling them: the one-syllable abbreviations of
//! compounds ("한미" names South Korea and the United States; "미·북", "북러", "남북", "한미일"),
//! after 대 "toward" and 방 "visit to" ("대북 제재", "방미"), and alone before a noun ("미 국무부",
//! "미군"). Owns when a syllable is an abbreviation; which syllable stands for which state comes
//! from `actors.toml` (`hangul_short`), and the spellings themselves are matched in `actors`.

use super::is_hangul;
use crate::dictionary::Dictionary;

/// Separators between the syllables of a compound ("미·북", "한・일").
const SEPARATORS: [char; 5] = ['·', '・', '‧', '⋅', '∙'];

/// Syllables that are words of their own ("a", "during", "day", "south"): they stand for a state
/// only inside a compound or after 대/방, never alone before a noun.
const WORDS_ALONE: [char; 4] = ['한', '중', '일', '남'];

/// Compounds written without a separator that are also common words (North, Central and South
/// America; "worked", "tell", "mirror"; protection from cold, in the room): they name states
/// only before a noun of a relation ("북미 정상회담", "북미 간"), or attached to it ("방한했다").
const ALSO_WORDS: &[&str] = &[
    "북미", "중미", "남미", "일한", "일러", "미러", "방한", "방중",
];

/// Nouns that follow a compound of states: the relation, the meeting, what they do together.
const PAIR_NOUNS: &[&str] = &[
    "관계",
    "정상",
    "회담",
    "회동",
    "회의",
    "대화",
    "협상",
    "협의",
    "협력",
    "협정",
    "동맹",
    "연합",
    "합동",
    "공조",
    "훈련",
    "연습",
    "군사",
    "외교",
    "국방",
    "안보",
    "간",
    "사이",
    "양국",
    "갈등",
    "긴장",
    "대립",
    "분쟁",
    "전쟁",
    "무역",
    "교역",
    "통상",
    "경제",
    "경협",
    "수교",
    "국교",
    "합의",
    "공동",
    "실무",
    "조약",
    "밀착",
    "밀월",
    "우호",
    "친선",
    "교류",
    "화해",
    "접촉",
    "고위급",
    "장관",
    "핫라인",
    "국경",
    "연대",
    "3국",
    "3자",
    "삼각",
    "비핵화",
    "관세",
];

/// Particles that may end a word after a name ("한일을", "미군은").
const PARTICLES: &[&str] = &[
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "와",
    "과",
    "도",
    "에",
    "에서",
    "에게",
    "에는",
    "에도",
    "에서는",
    "에서도",
    "에선",
    "엔",
    "로",
    "으로",
    "로는",
    "으로는",
    "로서",
    "으로서",
    "만",
    "까지",
    "부터",
    "처럼",
    "보다",
    "와의",
    "과의",
    "와는",
    "과는",
    "이나",
    "나",
    "이라",
    "라",
    "이며",
    "며",
    "께",
    "이다",
];

/// Verb endings and nouns attached to 방X ("방한했다", "방북 중", "방미길").
const VISIT_ENDINGS: &[&str] = &["하", "한", "했", "할", "해", "함", "중", "길", "차"];

/// What stands for which state, from the dictionary's `hangul_short`.
#[derive(Debug, Clone, Default)]
pub struct Shorts {
    by_syllable: Vec<(char, u32)>,
}

/// A state named by one syllable: its byte range and the actor.
pub type Hit = (usize, usize, u32);

impl Shorts {
    pub fn new(dict: &Dictionary) -> Shorts {
        let by_syllable = dict
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.hangul_short
                    .iter()
                    .filter_map(move |s| s.chars().next().map(|c| (c, i as u32)))
            })
            .collect();
        Shorts { by_syllable }
    }

    fn state(&self, c: char) -> Option<u32> {
        self.by_syllable
            .iter()
            .find(|(s, _)| *s == c)
            .map(|(_, a)| *a)
    }

    /// The states a text names by abbreviation, outside the byte ranges `taken` gives (the
    /// dictionary's spellings: "북한" is North Korea, not 북 and 한), asked only when the text
    /// holds Hangul.
    pub fn find(&self, text: &str, taken: impl FnOnce() -> Vec<(usize, usize)>) -> Vec<Hit> {
        let mut out = Vec::new();
        // Hangul syllables open with the bytes EA–ED in UTF-8: most paragraphs are skipped here.
        if self.by_syllable.is_empty() || !crate::words::has_hangul_lead(text) {
            return out;
        }
        let taken = taken();
        let free = |s: usize, e: usize| !taken.iter().any(|&(a, b)| s < b && a < e);
        let mut next_free = 0;
        for (i, c) in text.char_indices() {
            if i < next_free || text[..i].chars().next_back().is_some_and(is_hangul) {
                continue;
            }
            let found = self
                .compound(text, i)
                .or_else(|| self.prefixed(text, i, c))
                .or_else(|| self.alone(text, i, c));
            if let Some(hits) = found
                && hits.iter().all(|&(s, e, _)| free(s, e))
            {
                next_free = hits.last().map_or(i, |h| h.1);
                out.extend(hits);
            }
        }
        out
    }

    /// Two or three syllables of different states at `i`, optionally separated by a middle
    /// dot, followed by what may follow a compound.
    fn compound(&self, text: &str, i: usize) -> Option<Vec<Hit>> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut chars = text[i..].char_indices().peekable();
        while let Some((j, c)) = chars.next() {
            let Some(state) = self.state(c) else {
                break;
            };
            hits.push((i + j, i + j + c.len_utf8(), state));
            if hits.len() == 3 {
                break;
            }
            match chars.peek() {
                Some(&(_, sep)) if SEPARATORS.contains(&sep) => {
                    chars.next();
                }
                _ => {}
            }
        }
        // The longest compound that holds: "한미일", else "한미".
        while hits.len() >= 2 {
            let end = hits.last()?.1;
            if compound_holds(&hits, text, &text[i..end], end) {
                return Some(hits);
            }
            hits.pop();
        }
        None
    }

    /// 대 "toward" or 방 "visit to" and a state's syllable ("대북", "방미").
    fn prefixed(&self, text: &str, i: usize, c: char) -> Option<Vec<Hit>> {
        if c != '대' && c != '방' {
            return None;
        }
        let at = i + c.len_utf8();
        let s = text[at..].chars().next()?;
        let state = self.state(s)?;
        let end = at + s.len_utf8();
        let rest = &text[end..];
        let run = hangul_run(rest);
        let holds = if c == '대' {
            // "대한" is "about", "대중" the public: never toward a state. After 대X a noun
            // follows ("대북 제재", "대미 협상"); a particle makes it a word ("대미를 장식").
            !matches!(s, '한' | '중')
                && if run.is_empty() {
                    rest.strip_prefix(' ')
                        .and_then(|r| r.chars().next())
                        .is_some_and(is_hangul)
                } else {
                    !PARTICLES.contains(&run)
                }
        } else {
            let word = &text[i..end];
            if run.is_empty() {
                !ALSO_WORDS.contains(&word) || !rest.starts_with(' ')
            } else {
                PARTICLES.contains(&run) || VISIT_ENDINGS.iter().any(|e| run.starts_with(e))
            }
        };
        holds.then(|| vec![(at, end, state)])
    }

    /// A syllable that is not a word of its own, before a noun ("미 국무부") or with 군 "forces"
    /// or 측 "side" ("미군", "북측은").
    fn alone(&self, text: &str, i: usize, c: char) -> Option<Vec<Hit>> {
        if WORDS_ALONE.contains(&c) {
            return None;
        }
        let state = self.state(c)?;
        let end = i + c.len_utf8();
        let rest = &text[end..];
        let run = hangul_run(rest);
        let holds = if run.is_empty() {
            let next = rest.strip_prefix(' ').map(hangul_run).unwrap_or("");
            !next.is_empty() && !PARTICLES.contains(&next)
        } else {
            ["군", "측"].iter().any(|suffix| {
                run.strip_prefix(suffix)
                    .is_some_and(|r| r.is_empty() || PARTICLES.contains(&r))
            })
        };
        holds.then(|| vec![(i, end, state)])
    }
}

/// Whether syllables of states make a compound: at least two states, 남 beside 북, and what
/// follows ends the word or is a noun of their relation.
fn compound_holds(hits: &[Hit], text: &str, word: &str, end: usize) -> bool {
    let mut states: Vec<u32> = hits.iter().map(|h| h.2).collect();
    states.sort_unstable();
    states.dedup();
    if states.len() < 2 {
        return false;
    }
    // 남 is the South only beside 북 ("남북", "북남"); elsewhere a compass point ("중남미").
    let syllables: Vec<char> = word.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    let south_alone = syllables.iter().enumerate().any(|(k, &c)| {
        c == '남'
            && !(k > 0 && syllables[k - 1] == '북'
                || syllables.get(k + 1).is_some_and(|&n| n == '북'))
    });
    if south_alone {
        return false;
    }
    let rest = &text[end..];
    let dotted = word.chars().any(|c| SEPARATORS.contains(&c));
    if !dotted && ALSO_WORDS.contains(&word) {
        return pair_noun_follows(rest);
    }
    ends_word(rest) || pair_noun_follows(rest)
}

/// Whether a run of Hangul is a particle that may end a word after a name.
pub fn is_particle(run: &str) -> bool {
    PARTICLES.contains(&run)
}

/// The Hangul syllables at the start of `text`.
fn hangul_run(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_hangul(c))
        .map_or(text.len(), |(k, _)| k);
    &text[..end]
}

/// Whether a word ends at the start of `rest`, perhaps after a particle.
fn ends_word(rest: &str) -> bool {
    let run = hangul_run(rest);
    run.is_empty() || PARTICLES.contains(&run)
}

/// Whether a noun of a relation follows, attached or after one space.
fn pair_noun_follows(rest: &str) -> bool {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let run = hangul_run(rest);
    PAIR_NOUNS.iter().any(|n| run.starts_with(n))
}
