//! Reading a Korean sentence for the links it states. Korean marks roles with particles after
//! the noun and puts the predicate last: a name with 은/는/이/가 is the subject, with 을/를 the
//! object, with 와/과 the partner, with 에/에게/에 대한 the one acted on, with 의 the owner of the
//! next noun. Cues are Sino-Korean nouns and verb stems (회담, 협력, 제재, 규탄 …); negation
//! (않/못/안/없) follows them. Quotations and "…에 따르면" carry speakers and sources.

use super::{Link, LinkKind, Unit};
use crate::model::{Category, Direction, Tone};
use crate::words::overlapping;
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use std::sync::LazyLock;

/// Whether a text is written mostly in Hangul.
pub(crate) fn is_korean(text: &str) -> bool {
    // Without a Hangul syllable's lead byte there is no Hangul to count, and the sentence is not
    // Korean (most sentences read are English).
    if !crate::words::has_hangul_lead(text) {
        return false;
    }
    let (mut hangul, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
            hangul += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    hangul * 3 > latin
}

/// A cue: a stem, its category, whether the event is mutual, and what it does to an event
/// named before it.
struct KoCue {
    stem: &'static str,
    category: Category,
    mutual: bool,
    op: KoOp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KoOp {
    Plain,
    /// 반대, 거부: the event before it turns around.
    Oppose,
    /// 해제, 완화, 중단, 철회, 차단: the event before it ends.
    Cease,
    /// 지지, 찬성: taking the side of the event before it ("제재안에 찬성"): its tone carries.
    Support,
}

const fn cue(stem: &'static str, category: Category, mutual: bool) -> KoCue {
    KoCue {
        stem,
        category,
        mutual,
        op: KoOp::Plain,
    }
}

const fn op(stem: &'static str, category: Category, op: KoOp) -> KoCue {
    KoCue {
        stem,
        category,
        mutual: false,
        op,
    }
}

/// Longer stems first where one holds another (정상회담 before 회담).
const CUES: &[KoCue] = &[
    cue("정상회담", Category::Consult, true),
    cue("정상 회담", Category::Consult, true),
    cue("회담", Category::Consult, true),
    cue("회동", Category::Consult, true),
    cue("만남", Category::Consult, true),
    cue("만나", Category::Consult, true),
    cue("만났", Category::Consult, true),
    cue("재회", Category::Consult, true),
    cue("마주 앉", Category::Consult, true),
    cue("답방", Category::Consult, false),
    cue("방문", Category::Consult, false),
    cue("초청", Category::Consult, false),
    cue("영접", Category::Consult, false),
    cue("접견", Category::Consult, false),
    cue("예방", Category::Consult, false),
    cue("통화", Category::Consult, true),
    cue("대화", Category::Consult, true),
    cue("협상", Category::Consult, true),
    cue("협의", Category::Consult, true),
    cue("논의", Category::Consult, true),
    cue("친서", Category::Consult, false),
    cue("외교", Category::Consult, true),
    cue("투자", Category::Aid, false),
    cue("설득", Category::Consult, false),
    cue("약속", Category::Agree, false),
    cue("이견", Category::Disapprove, true),
    cue("교류", Category::Cooperate, true),
    cue("관계 개선", Category::Cooperate, true),
    cue("관계개선", Category::Cooperate, true),
    cue("관계 정상화", Category::Agree, true),
    cue("가입", Category::Cooperate, false),
    cue("협력", Category::Cooperate, true),
    cue("공조", Category::Cooperate, true),
    cue("연합훈련", Category::Cooperate, true),
    cue("합동훈련", Category::Cooperate, true),
    cue("연합군사훈련", Category::Cooperate, true),
    cue("합동군사훈련", Category::Cooperate, true),
    cue("밀착", Category::Cooperate, true),
    cue("연대", Category::Support, true),
    cue("동맹", Category::Support, true),
    cue("우호", Category::Support, true),
    cue("친선", Category::Support, true),
    op("지지", Category::Support, KoOp::Support),
    op("찬성", Category::Support, KoOp::Support),
    cue("환영", Category::Support, false),
    cue("축하", Category::Support, false),
    cue("감사", Category::Support, false),
    cue("지원", Category::Aid, false),
    cue("원조", Category::Aid, false),
    cue("제공", Category::Aid, false),
    cue("공급", Category::Aid, false),
    // Export controls are restrictions on the other's trade, not a sale to it.
    cue("수출 통제", Category::Sanction, false),
    cue("수출통제", Category::Sanction, false),
    cue("수출 규제", Category::Sanction, false),
    cue("수출규제", Category::Sanction, false),
    cue("수출", Category::Aid, false),
    cue("판매", Category::Aid, false),
    cue("파병", Category::Aid, false),
    cue("서명", Category::Agree, true),
    cue("합의", Category::Agree, true),
    cue("조약", Category::Agree, true),
    cue("협정", Category::Agree, true),
    cue("체결", Category::Agree, true),
    cue("화해", Category::Agree, true),
    cue("석방", Category::Concede, false),
    cue("철수", Category::Retreat, false),
    cue("제재", Category::Sanction, false),
    cue("구금", Category::Sanction, false),
    cue("억류", Category::Sanction, false),
    cue("체포", Category::Sanction, false),
    cue("추방", Category::Sanction, false),
    cue("관세", Category::Sanction, false),
    cue("초치", Category::Disapprove, false),
    cue("나포", Category::Coerce, false),
    cue("생포", Category::Coerce, false),
    cue("물대포", Category::Coerce, false),
    cue("테러지원국", Category::Sanction, false),
    cue("규탄", Category::Disapprove, false),
    cue("비난", Category::Disapprove, false),
    cue("비판", Category::Disapprove, false),
    cue("반발", Category::Disapprove, false),
    cue("적대", Category::Disapprove, false),
    cue("갈등", Category::Disapprove, true),
    cue("대립", Category::Disapprove, true),
    cue("긴장", Category::Disapprove, true),
    cue("대결", Category::Disapprove, true),
    cue("항의", Category::Protest, false),
    cue("경고", Category::Threaten, false),
    cue("위협", Category::Threaten, false),
    cue("겨냥", Category::Threaten, false),
    cue("도발", Category::Mobilize, false),
    cue("시험발사", Category::Mobilize, false),
    cue("시험사격", Category::Mobilize, false),
    cue("미사일 발사", Category::Mobilize, false),
    cue("핵실험", Category::Mobilize, false),
    cue("군사훈련", Category::Mobilize, false),
    cue("압박", Category::Coerce, false),
    cue("견제", Category::Coerce, false),
    cue("고립", Category::Coerce, false),
    cue("봉쇄", Category::Coerce, false),
    cue("공격", Category::Assault, false),
    cue("침공", Category::Assault, false),
    cue("침략", Category::Assault, false),
    cue("점령", Category::Assault, false),
    cue("격추", Category::Assault, false),
    cue("침범", Category::Assault, false),
    cue("공습", Category::Assault, false),
    cue("폭격", Category::Assault, false),
    cue("포격", Category::Assault, false),
    cue("타격", Category::Assault, false),
    cue("보복", Category::Assault, false),
    cue("응징", Category::Assault, false),
    cue("전쟁", Category::Assault, true),
    cue("충돌", Category::Assault, true),
    cue("교전", Category::Assault, true),
    cue("격퇴", Category::Assault, false),
    op("반대", Category::Reject, KoOp::Oppose),
    op("거부권", Category::Reject, KoOp::Oppose),
    op("거부", Category::Reject, KoOp::Oppose),
    op("거절", Category::Reject, KoOp::Oppose),
    op("해제", Category::Concede, KoOp::Cease),
    op("완화", Category::Concede, KoOp::Cease),
    op("중단", Category::Reject, KoOp::Cease),
    op("철회", Category::Concede, KoOp::Cease),
    op("차단", Category::Sanction, KoOp::Cease),
    op("결렬", Category::Reject, KoOp::Cease),
    op("파국", Category::Reject, KoOp::Cease),
    op("무산", Category::Reject, KoOp::Cease),
    op("단절", Category::Reject, KoOp::Cease),
    op("삭제", Category::Concede, KoOp::Cease),
    op("종식", Category::Concede, KoOp::Cease),
];

/// The nouns of a procedure that stand between an event and the operator on it without
/// changing which event it is: "제재 결의안 채택에 반대" (opposed the adoption of the sanctions
/// resolution), "제재 결의안에 거부권" (vetoed the sanctions resolution).
const PROCEDURE_NOUNS: &[&str] = &[
    "결의안",
    "결의",
    "채택",
    "법안",
    "조치",
    "부과",
    "강화",
    "확대",
    "연장",
    "논의",
    "방안",
    "초안",
    "표결",
    "추진",
    "시행",
];

/// Whether the text between an event and an operator is only procedure nouns, each with at
/// most one particle ("결의안 채택에", " 결의안에 "), and short.
fn procedural_gap(gap: &str) -> bool {
    gap.len() <= 40
        && !gap.trim().is_empty()
        && gap.split_whitespace().all(|w| {
            let w = ["에", "을", "를", "의"]
                .iter()
                .find_map(|p| w.strip_suffix(p))
                .unwrap_or(w);
            PROCEDURE_NOUNS.contains(&w)
        })
}

/// Particles, longest first, and the role they give.
const PARTICLES: &[(&str, Role)] = &[
    ("에 대한", Role::Target),
    ("에 대해서", Role::Target),
    ("에 대해", Role::Target),
    ("을 상대로", Role::Target),
    ("를 상대로", Role::Target),
    ("을 향해", Role::Target),
    ("를 향해", Role::Target),
    ("에 따르면", Role::Source),
    ("에 있는", Role::Place),
    ("에 있던", Role::Place),
    ("에 머물", Role::Place),
    ("에게서", Role::Other),
    ("으로부터", Role::Other),
    ("로부터", Role::Other),
    ("에서는", Role::Place),
    ("에서", Role::Place),
    ("에게", Role::Target),
    ("한테", Role::Target),
    ("와의", Role::Partner),
    ("과의", Role::Partner),
    ("과는", Role::Partner),
    ("와는", Role::Partner),
    ("과도", Role::Partner),
    ("와도", Role::Partner),
    ("하고", Role::Partner),
    ("이랑", Role::Partner),
    ("으로", Role::Place),
    ("께서", Role::Subject),
    ("에는", Role::Target),
    ("에도", Role::Target),
    ("은", Role::Topic),
    ("는", Role::Topic),
    ("이", Role::Subject),
    ("가", Role::Subject),
    ("도", Role::Subject),
    ("을", Role::Object),
    ("를", Role::Object),
    ("와", Role::Partner),
    ("과", Role::Partner),
    ("랑", Role::Partner),
    ("에", Role::Target),
    ("의", Role::Owner),
    ("로", Role::Place),
    ("측", Role::Bare),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// 은/는: the topic, which acts in later clauses that name no subject.
    Topic,
    Subject,
    Object,
    Partner,
    Target,
    Owner,
    Place,
    Source,
    Other,
    /// No particle: a name qualifying the next word ("러시아 대통령").
    Bare,
}

/// Words of titles: a name before them qualifies the person or office they name.
const TITLES: &[&str] = &[
    "대통령",
    "위원장",
    "국무위원장",
    "총비서",
    "총리",
    "장관",
    "외무상",
    "외무장관",
    "국무장관",
    "국방장관",
    "부장관",
    "대변인",
    "대사",
    "특사",
    "특별대표",
    "부상",
    "제1부상",
    "대표",
    "의장",
    "사무총장",
    "정부",
    "당국",
    "외교부",
    "국방부",
    "외무성",
    "국무부",
    "군",
    "당국자",
    "관리",
    "부부장",
    "여사",
    "당선인",
    "후보",
    "주석",
    "국가주석",
    "부위원장",
    "지도자",
    "대표단",
    "정권",
    "행정부",
    "사령관",
    "합참의장",
    "총장",
    "외교부장",
    "국방상",
    "대사관",
    "영사관",
    "수반",
    "국왕",
    "원수",
    "주재",
    "대미특별대표",
    "국방위원회",
    "제1위원장",
    "육군",
    "해군",
    "공군",
    "해경",
    "해안경비대",
    "외교관",
    // "한일 양국이": the two countries named by a glued pair.
    "양국",
];

/// Verbs of saying: their subject is a speaker.
const SPEECH: &[&str] = &[
    "밝혔",
    "말했",
    "전했",
    "보도했",
    "강조했",
    "주장했",
    "발표했",
    "설명했",
    "언급했",
    "지적했",
    "덧붙였",
    "전망했",
    "분석했",
    "예상했",
    "말하",
    "밝히",
    "보도",
    "전했습",
    "밝혔습",
    "말했습",
    "보도했습",
    "주장했습",
    "지적했습",
    "전망했습",
    "공언",
    "일축",
    // "…하겠다"고 했다: a quotative ending before 하다 says.
    "고 했",
    // Adnominal forms before the noun of what was said ("…는 입장을 밝힌").
    "밝힌",
    "말한",
    "강조한",
    "주장한",
    "언급한",
    "발표한",
];

/// Media: a subject that reports.
const NEGATIONS: &[&str] = &["않", "못", "없", "아니", "말고", "말라"];

#[derive(Debug, Clone)]
struct Item {
    /// Byte range of the word (eojeol) or of the name.
    s: usize,
    e: usize,
    unit: Option<usize>,
    role: Role,
}

/// The cues of a Korean text, with negation applied.
pub(crate) fn cues(text: &str) -> Vec<super::CueHit> {
    find_cues(text, &[])
        .into_iter()
        .map(|(s, e, c, negated)| super::CueHit {
            start: s,
            end: e,
            tone: if negated {
                negate(c.category.tone(), c.category)
            } else {
                c.category.tone()
            },
        })
        .collect()
}

fn negate(tone: Tone, category: Category) -> Tone {
    match tone {
        Tone::Cooperation
            if matches!(
                category,
                Category::Support | Category::Agree | Category::Cooperate
            ) =>
        {
            Tone::Conflict
        }
        _ => Tone::Neutral,
    }
}

/// Cues outside names: (start, end, cue, negated), in text order.
fn find_cues<'c>(text: &str, units: &[Unit]) -> Vec<(usize, usize, &'c KoCue, bool)> {
    // Every place a stem occurs, taken longest stem first ("테러지원국" before "지원"), and each
    // stem's places in text order, as a search stem by stem would find them.
    let mut hits: Vec<(usize, usize, usize)> = overlapping(&CUE_FINDER.0, text)
        .map(|m| (CUE_FINDER.1[m.pattern().as_usize()], m.start(), m.end()))
        .collect();
    hits.sort_unstable();
    let mut out: Vec<(usize, usize, &KoCue, bool)> = Vec::new();
    // Where the last place of the stem being read ended: a stem's places do not overlap.
    let mut last: Option<(usize, usize)> = None;
    for (rank, s, e) in hits {
        let c = &CUES[CUE_FINDER.2[rank]];
        if last.is_some_and(|(r, end)| r == rank && s < end) {
            continue;
        }
        last = Some((rank, e));
        if units.iter().any(|u| s < u.end && u.start < e) {
            continue;
        }
        if out.iter().any(|&(a, b, _, _)| s < b && a < e) {
            continue;
        }
        // "외교부", "외교관", "외교통": a ministry or a title, not diplomacy.
        if c.stem == "외교" && text[e..].starts_with(['부', '관', '통', '장', '상', '소', '안'])
        {
            continue;
        }
        // "판매용": made for sale, no sale to anyone.
        if c.stem == "판매" && text[e..].starts_with('용') {
            continue;
        }
        // "가입국": a member state, not the act of joining.
        if c.stem == "가입" && text[e..].starts_with('국') {
            continue;
        }
        out.push((s, e, c, negated_after(text, e)));
    }
    out.sort_by_key(|x| x.0);
    // "가입을 지지하지 않지만": the negation belongs to the predicate right after the event noun.
    for i in 0..out.len().saturating_sub(1) {
        let (_, e, _, negated) = out[i];
        let (next, _, _, next_negated) = out[i + 1];
        if negated && next_negated && text[e..next].split_whitespace().count() <= 1 {
            out[i].3 = false;
        }
    }
    out
}

/// The cue stems in one automaton, with each stem's rank (longest first, then in `CUES` order)
/// and the cue of each rank.
static CUE_FINDER: LazyLock<(DFA, Vec<usize>, Vec<usize>)> = LazyLock::new(|| {
    let dfa = DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(CUES.iter().map(|c| c.stem))
        .expect("the Korean cue stems make an automaton");
    let mut order: Vec<usize> = (0..CUES.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(CUES[i].stem.len()));
    let mut rank = vec![0; CUES.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    (dfa, rank, order)
});

/// Negation after a predicate: in the rest of its word or the next word ("지지하지 않지만",
/// "동참 안 해", "회담하지 못했다").
fn negated_after(text: &str, e: usize) -> bool {
    let rest = &text[e..];
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    // The rest of the cue's own word: "하지않았다" is rare; "하지" then "않았다" is usual.
    let own = if rest.starts_with(char::is_whitespace) {
        ""
    } else {
        first
    };
    let next: Vec<&str> = if own.is_empty() {
        std::iter::once(first).chain(words.take(2)).collect()
    } else {
        words.take(2).collect()
    };
    let negative = |w: &str| NEGATIONS.iter().any(|n| w.starts_with(n)) || w == "안" || w == "못";
    own.contains("않")
        || own.contains("없")
        || next.iter().any(|w| negative(w) || w.starts_with("안 "))
}

/// Whether the negation after a predicate denies an intention ("…할 생각이 없다", "…할 의사가
/// 없다"): a refusal, where "…할 계획이 없다" (no plan) only denies the event.
fn refused_after(text: &str, e: usize) -> bool {
    let rest = &text[e..];
    let near = rest
        .get(..rest.char_indices().nth(16).map_or(rest.len(), |(i, _)| i))
        .unwrap_or(rest);
    [
        "생각이 없",
        "생각은 없",
        "의사가 없",
        "의사는 없",
        "의향이 없",
        "용의가 없",
        "뜻이 없",
    ]
    .iter()
    .any(|m| near.contains(m))
}

/// Whether the predicate right after a cue puts the event off ("해제 조치를 미뤄왔다", "서명을
/// 보류했다"): holding back a cooperative act is a refusal.
fn withheld_after(text: &str, e: usize) -> bool {
    let rest = &text[e..];
    let near = rest
        .get(..rest.char_indices().nth(10).map_or(rest.len(), |(i, _)| i))
        .unwrap_or(rest);
    // (Only up to the end of the clause: "…을 미루고" still holds the same event.)
    let near = near.split([',', '.']).next().unwrap_or(near);
    [
        "미뤄",
        "미루",
        "미룬",
        "보류",
        "유보",
        "늦추",
        "늦춰",
        "연기했",
        "연기하",
        "연기해",
    ]
    .iter()
    .any(|m| near.contains(m))
}

/// The role a particle after a name gives, and the particle's length.
fn particle(after: &str) -> (Role, usize) {
    // A title glued to the name ("미국대사는", "러시아대통령이"): the title's particle.
    if let Some(t) = TITLES
        .iter()
        .filter(|t| after.starts_with(**t))
        .max_by_key(|t| t.len())
    {
        let (role, len) = particle(&after[t.len()..]);
        if role != Role::Other {
            return (role, t.len() + len);
        }
    }
    for (p, role) in PARTICLES {
        if let Some(rest) = after.strip_prefix(p) {
            // The particle must end the word (or be followed by a space and its second part).
            if rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || !is_hangul(c)) {
                return (*role, p.len());
            }
        }
    }
    if after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == '·' || c == ',') {
        return (Role::Bare, 0);
    }
    // "유엔제재", "한일관계": a name glued to an event noun or to 관계 qualifies it.
    if after.starts_with("관계") || CUES.iter().any(|c| after.starts_with(c.stem)) {
        return (Role::Bare, 0);
    }
    (Role::Other, 0)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The links of a Korean sentence, clause by clause: a clause ends at a comma, at a
/// connective ending before a comma ("…했고,", "…하며,") or at a sentence end glued to the next.
/// The topic named first (은/는) acts in later clauses that name no subject.
pub(crate) fn links(text: &str, units: &[Unit]) -> Vec<Link> {
    // A name inside a title word ("대북정책특별대표는", the special representative for North
    // Korea policy) is the title's contents, no party: the word is read as a title.
    let keep: Vec<usize> = (0..units.len())
        .filter(|&u| !inside_title(text, &units[u]))
        .collect();
    if keep.len() == units.len() {
        return read_links(text, units);
    }
    let visible: Vec<Unit> = keep.iter().map(|&u| units[u].clone()).collect();
    read_links(text, &visible)
        .into_iter()
        .map(|mut l| {
            l.x = keep[l.x];
            l.y = keep[l.y];
            l
        })
        .collect()
}

/// Whether a name is glued inside a word that is a title ("대북정책특별대표는").
fn inside_title(text: &str, unit: &Unit) -> bool {
    let glued_before = text[..unit.start].ends_with(is_hangul);
    let glued_after = text[unit.end..].starts_with(is_hangul);
    if !(glued_before && glued_after) {
        return false;
    }
    let start = text[..unit.start]
        .rfind(|c: char| !is_hangul(c))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[unit.end..]
        .find(|c: char| !is_hangul(c))
        .map_or(text.len(), |i| unit.end + i);
    title_role(&text[start..end]).is_some()
}

/// Where the last quotative ending ("…했다고 ", "…라고 ") ends: what comes before it was said.
fn quotative_end(text: &str) -> Option<usize> {
    ["다고 ", "라고 ", "냐고 "]
        .iter()
        .filter_map(|q| text.rfind(q).map(|i| i + q.len()))
        .max()
}

fn read_links(text: &str, units: &[Unit]) -> Vec<Link> {
    let items = items(text, units);
    let all_cues = find_cues(text, units);
    let mut dropped = vec![false; units.len()];
    // Sources: "X에 따르면", and media that report ("노동신문이 … 보도했다").
    let speech = SPEECH.iter().any(|s| text.contains(s));
    for it in &items {
        let Some(u) = it.unit else { continue };
        if it.role == Role::Source {
            dropped[u] = true;
        }
        if units[u].media && speech && it.role == Role::Subject {
            dropped[u] = true;
        }
        // "연합뉴스와의 통화에서", "CNN과 인터뷰에서": the press spoken to is no party.
        if units[u].media && matches!(it.role, Role::Partner | Role::Target) {
            let rest = text[it.e..].trim_start_matches(|c: char| is_hangul(c));
            let next = rest.trim_start();
            if ["통화", "인터뷰", "회견", "대담", "기자회견"]
                .iter()
                .any(|w| next.starts_with(w))
            {
                dropped[u] = true;
            }
        }
        // "유엔 주재 미국대사": where an envoy is posted is part of the title, not a party.
        if text[units[u].end..].trim_start().starts_with("주재") {
            dropped[u] = true;
        }
        // "(AP통신)", "[사진 출처 = 연합뉴스]": credits.
        if units[u].media && text[..it.s].trim_end().ends_with(['(', '[', '=']) {
            dropped[u] = true;
        }
    }
    // A phrase: bare names and titles before a name or title carry the particle of its last word.
    let roles = phrase_roles(text, &items, units.len());
    // "북한이 … 파병했다고 국가정보원이 밝혔다": the subject of a verb of saying after what was
    // said, when what was said has a subject of its own, is its speaker and no party to it.
    if speech
        && let Some(q) = quotative_end(text)
        && (0..units.len()).any(|u| units[u].end <= q && roles[u].0 == Role::Subject)
    {
        for u in 0..units.len() {
            if units[u].start >= q
                && matches!(roles[u].0, Role::Subject | Role::Topic)
                && SPEECH.iter().any(|v| text[units[u].end..].contains(v))
            {
                dropped[u] = true;
            }
        }
    }
    // Quotation: a name inside quotes belongs to what was said.
    let quotes = quote_spans(text);
    let said = speech;
    let mut links: Vec<Link> = Vec::new();
    let mut topic: Vec<usize> = Vec::new();
    // The topics and subjects of the clauses read so far.
    let mut sides: Vec<usize> = Vec::new();
    for (cs, ce) in clauses(text, units) {
        let inside = |u: usize| cs <= units[u].start && units[u].end <= ce;
        let cues: Vec<(usize, usize, &KoCue, bool)> = all_cues
            .iter()
            .copied()
            .filter(|&(s, e, _, _)| cs <= s && e <= ce)
            .collect();
        let mut subjects: Vec<usize> = (0..units.len())
            .filter(|&u| {
                inside(u) && !dropped[u] && matches!(roles[u].0, Role::Subject | Role::Topic)
            })
            .collect();
        let carried = subjects.is_empty();
        if carried {
            subjects = topic.clone();
        }
        if topic.is_empty() {
            topic = (0..units.len())
                .filter(|&u| inside(u) && !dropped[u] && roles[u].0 == Role::Topic)
                .collect();
        }
        let clause = Clause {
            text,
            units,
            roles: &roles,
            dropped: &dropped,
            quotes: &quotes,
            said,
            start: cs,
            end: ce,
            carried,
        };
        let before = links.len();
        clause.read(&cues, &subjects, &mut links);
        if links.len() == before {
            clause.breakdown_between(&cues, &subjects, &sides, &mut links);
        }
        sides.extend(
            subjects
                .iter()
                .copied()
                .filter(|&u| !carried && !dropped[u]),
        );
    }
    links
}

/// What a cue says happened: its tone, category and span.
#[derive(Clone, Copy)]
struct Event {
    tone: Tone,
    category: Category,
    cue: (usize, usize),
}

/// One clause of a Korean sentence and what the sentence knows of its names.
struct Clause<'a> {
    text: &'a str,
    units: &'a [Unit],
    roles: &'a [(Role, usize)],
    dropped: &'a [bool],
    /// Quotations of speech.
    quotes: &'a [(usize, usize)],
    said: bool,
    start: usize,
    end: usize,
    /// The subjects come from an earlier clause's topic.
    carried: bool,
}

impl Clause<'_> {
    /// "A는 …을 고집했고, B는 …을 요구하면서 협상이 결렬됐다": talks that broke down, with one
    /// side the subject of this clause and the other the subject of an earlier one, are a
    /// failure between the two.
    fn breakdown_between(
        &self,
        cues: &[(usize, usize, &KoCue, bool)],
        subjects: &[usize],
        earlier: &[usize],
        links: &mut Vec<Link>,
    ) {
        let Some(&(s, e, _, _)) = cues.iter().find(|&&(_, _, c, negated)| {
            !negated && c.op == KoOp::Cease && matches!(c.stem, "결렬" | "파국" | "무산")
        }) else {
            return;
        };
        // The talks named just before: "협상이 결렬", "회담이 무산".
        if !cues.iter().any(|&(_, ie, c, _)| {
            c.mutual && c.category == Category::Consult && ie <= s && s - ie <= 7
        }) {
            return;
        }
        let [x] = subjects else { return };
        let Some(&y) = earlier
            .iter()
            .rev()
            .find(|&&u| self.units[u].actor != self.units[*x].actor)
        else {
            return;
        };
        let event = Event {
            tone: Tone::Conflict,
            category: Category::Reject,
            cue: (s, e),
        };
        self.push(links, (y, *x), event, Direction::Mutual);
    }

    fn push(
        &self,
        links: &mut Vec<Link>,
        (x, y): (usize, usize),
        event: Event,
        direction: Direction,
    ) {
        let Event {
            tone,
            category,
            cue,
        } = event;
        let units = self.units;
        if x == y || units[x].actor == units[y].actor || self.dropped[x] || self.dropped[y] {
            return;
        }
        if links
            .iter()
            .any(|l| (l.x == x && l.y == y) || (l.x == y && l.y == x))
        {
            return;
        }
        links.push(Link {
            x,
            y,
            tone,
            category: Some(category),
            direction,
            cue: Some(cue),
            kind: LinkKind::Stated,
        });
    }

    /// Whether a span lies inside a quotation of speech.
    fn quoted(&self, s: usize, e: usize) -> bool {
        self.quotes.iter().any(|&(a, b)| a <= s && e <= b)
    }

    fn in_clause(&self, u: usize) -> bool {
        self.start <= self.units[u].start && self.units[u].end <= self.end
    }

    /// The events of the clause, the last cue (the predicate) first.
    fn read(
        &self,
        cues: &[(usize, usize, &KoCue, bool)],
        subjects: &[usize],
        links: &mut Vec<Link>,
    ) {
        let (text, units, roles) = (self.text, self.units, self.roles);
        let mut consumed = vec![false; cues.len()];
        for i in (0..cues.len()).rev() {
            if consumed[i] {
                continue;
            }
            let (s, e, c, negated) = cues[i];
            let mut tone = c.category.tone();
            let mut category = c.category;
            let mut span = (s, e);
            let mut mutual = c.mutual;
            let mut inner_targets: Option<Vec<usize>> = None;
            // The event an operator governs, as it was before the operator.
            let mut inner_event: Option<(Tone, Category, (usize, usize))> = None;
            // An operator over an event named just before it ("협력을 거부", "제재 해제"), or
            // for an opposition with nothing before it, the event after it ("중국의 반대로 북한에
            // 대한 원유 공급 차단은 …").
            let before = i
                .checked_sub(1)
                .filter(|&j| s - cues[j].1 <= 12 || procedural_gap(&text[cues[j].1..s]));
            let after = (c.op == KoOp::Oppose && before.is_none())
                .then(|| i + 1)
                .filter(|&j| j < cues.len());
            if c.op != KoOp::Plain
                && let Some(j) = before.or(after)
            {
                consumed[j] = true;
                let (is, ie, inner, _) = cues[j];
                inner_event = Some((inner.category.tone(), inner.category, (is, ie)));
                // "유엔제재 해제를 고집했다": lifting sanctions that are another's (the name glued
                // to them) is what their target wants; the owner still acts on the subject.
                let glued_owner = (0..units.len())
                    .find(|&u| self.in_clause(u) && !self.dropped[u] && units[u].end == is);
                if c.op == KoOp::Cease
                    && let Some(o) = glued_owner
                    && !subjects.is_empty()
                    && !subjects.contains(&o)
                {
                    for &x in subjects {
                        self.push(
                            links,
                            (o, x),
                            Event {
                                tone: inner.category.tone(),
                                category: inner.category,
                                cue: (is, ie),
                            },
                            Direction::AToB,
                        );
                    }
                    continue;
                }
                // The event named with its two sides stays theirs ("우크라이나의 나토 가입을
                // 지지하지 않지만": Ukraine's bid to join NATO, whatever the speaker thinks of it).
                if let Some((x, y)) = self.war_on(is) {
                    self.push(
                        links,
                        (x, y),
                        Event {
                            tone: inner.category.tone(),
                            category: inner.category,
                            cue: (is, ie),
                        },
                        Direction::AToB,
                    );
                }
                span = (s.min(is), e.max(ie));
                mutual = inner.mutual;
                // An inner operator: "공급 차단" is the end of a supply.
                let mut inner_tone = inner.category.tone();
                if inner.op == KoOp::Cease
                    && let Some(k) = j.checked_sub(1)
                    && k != i
                    && is - cues[k].1 <= 12
                {
                    consumed[k] = true;
                    inner_tone = flip(cues[k].2.category.tone());
                    span = (span.0.min(cues[k].0), span.1);
                }
                if after == Some(j)
                    && let Some(&(ns, ne, next, _)) = cues.get(j + 1)
                    && next.op == KoOp::Cease
                    && ns - ie <= 12
                {
                    consumed[j + 1] = true;
                    inner_tone = flip(inner_tone);
                    span = (span.0, span.1.max(ne));
                }
                tone = if c.op == KoOp::Support {
                    inner_tone
                } else {
                    flip(inner_tone)
                };
                category = match (c.op, tone) {
                    (KoOp::Support, Tone::Cooperation) => Category::Support,
                    (KoOp::Support, _) => inner.category,
                    (KoOp::Cease, Tone::Cooperation) => Category::Concede,
                    (KoOp::Cease, _) => Category::Sanction,
                    (_, Tone::Cooperation) => Category::Support,
                    _ => Category::Reject,
                };
                if after == Some(j) {
                    // The event's other party: names marked toward it before it.
                    inner_targets = Some(self.marked_before(ie, &[]));
                }
            }
            let refused = tone == Tone::Cooperation
                && (negated && refused_after(text, e) || !negated && withheld_after(text, e));
            if refused {
                // "마주 앉을 생각이 없다": no intention to do it is a refusal, one side's act.
                tone = Tone::Conflict;
                category = Category::Reject;
                mutual = false;
            } else if negated {
                tone = negate(tone, category);
            }
            if self.supposed(e) {
                tone = Tone::Neutral;
            }
            let in_quote = self.quoted(s, e);
            // Participants: owners of the cue noun, names with role particles before it, and
            // the subject.
            let owner: Vec<usize> = (0..units.len())
                .filter(|&u| {
                    self.in_clause(u)
                        && !self.dropped[u]
                        && matches!(roles[u].0, Role::Owner | Role::Bare)
                        && owns(text, units, roles, u, s)
                        && !names_the_event(text, units[u].end, s)
                })
                .collect();
            // "미·북 정상회담", "한일 협력": two names joined before a mutual event noun are its two
            // sides, whoever speaks of it.
            // Only the compound right before the noun: in "한미 외교장관 … 북러 군사협력" the
            // cooperation is 북러's, and 한미 speak of it.
            let joined: Vec<usize> = {
                let mut sorted = owner.clone();
                sorted.sort_by_key(|&u| units[u].start);
                let mut chain: Vec<usize> = sorted.last().copied().into_iter().collect();
                for &u in sorted.iter().rev().skip(1) {
                    let next = chain[chain.len() - 1];
                    // Glued ("북러", "미·북"), or listed in one phrase ("A 위원장과 B 대통령").
                    let glued = units[u].end <= units[next].start
                        && (roles[u].1 == roles[next].1
                            && !text[units[u].end..units[next].start]
                                .contains(['"', '“', '”', '\'', '‘', '’'])
                            || matches!(
                                text[units[u].end..units[next].start].trim(),
                                "·" | "-" | ""
                            ));
                    if !glued {
                        break;
                    }
                    chain.push(u);
                }
                if chain.len() >= 2 { chain } else { Vec::new() }
            };
            if mutual && joined.len() >= 2 {
                // "북러 군사협력 중단 촉구": an end asked for has not come, so the two sides'
                // event stands as it is; those who ask still demand it of them (read below).
                let after = &text[span.1..];
                let after = after[particle(after).1..].trim_start();
                let asked = c.op == KoOp::Cease
                    && ["촉구", "요구", "요청", "압박"]
                        .iter()
                        .any(|w| after.starts_with(w));
                let (pair_tone, pair_category, pair_cue) = match inner_event {
                    Some(event) if asked => event,
                    _ => (tone, category, span),
                };
                for (a, &x) in joined.iter().enumerate() {
                    for &y in &joined[a + 1..] {
                        self.push(
                            links,
                            (x, y),
                            Event {
                                tone: pair_tone,
                                category: pair_category,
                                cue: pair_cue,
                            },
                            Direction::Mutual,
                        );
                    }
                }
                // Only those who ask, when the clause names them, go on to demand it.
                if !asked || subjects.iter().all(|u| joined.contains(u)) {
                    continue;
                }
            }
            // "러시아의 우크라이나 전쟁": the owner wages the war the next name names.
            if let Some((x, y)) = self.war_on(s) {
                self.push(
                    links,
                    (x, y),
                    Event {
                        tone,
                        category,
                        cue: span,
                    },
                    Direction::AToB,
                );
                continue;
            }
            let mut before = self.marked_before(s, &owner);
            // A marked name belongs to the nearest event noun after it: "러시아에 대한 제재를
            // 강화하기로 합의했다" sanctions Russia; the agreement is not with Russia.
            let nearest = |u: usize| {
                !cues.iter().any(|&(cs, _, cj, _)| {
                    units[u].end <= cs
                        && cs < span.0
                        && match roles[u].0 {
                            Role::Target => true,
                            Role::Partner => cj.mutual,
                            _ => false,
                        }
                })
            };
            before.retain(|&u| nearest(u));
            before.retain(|&u| self.quoted(units[u].start, units[u].end) == in_quote);
            if let Some(t) = inner_targets {
                before = t;
            }
            let last = i + 1 == cues.len();
            // "무기 판매 승인은 …을 겨냥한": an event noun inside the subject names no act of the
            // clause's subject; only its owner acts.
            let in_subject = !last && heads_subject(&text[e..self.end]);
            let subject: Vec<usize> = if !owner.is_empty() && !last || in_subject {
                // A cue noun with an owner inside a longer predicate: the owner acts.
                owner.clone()
            } else {
                let inside: Vec<usize> = subjects
                    .iter()
                    .copied()
                    .filter(|&u| self.quoted(units[u].start, units[u].end) == in_quote)
                    .collect();
                if inside.is_empty() && in_quote && self.said {
                    // Nobody named inside the quotation: the speaker does it.
                    subjects.to_vec()
                } else {
                    inside
                }
            };
            let (agents, targets) = if !owner.is_empty() && (last || subject == owner) {
                // Nobody named acts in the clause ("유엔 안보리의 대북 제재결의안이 채택됐다"):
                // the owner of the event noun, marked with 의, does it.
                if subject == owner
                    || subject.is_empty() && owner.iter().all(|&u| roles[u].0 == Role::Owner)
                {
                    (owner.clone(), before.clone())
                } else {
                    let mut t = before.clone();
                    t.extend(owner.iter().copied());
                    (subject.clone(), t)
                }
            } else {
                (subject.clone(), before.clone())
            };
            // "북한군은 러시아군과 함께 … 공격했다": a partner "together with" the subject acts
            // beside it, on the same side of a one-sided act.
            let (agents, targets) = if !mutual && !agents.is_empty() {
                let (with, rest): (Vec<usize>, Vec<usize>) = targets.iter().partition(|&&u| {
                    roles[u].0 == Role::Partner
                        && text[units[u].end..]
                            .trim_start_matches(is_hangul)
                            .trim_start()
                            .starts_with("함께")
                });
                let mut agents = agents;
                agents.extend(with);
                (agents, rest)
            } else {
                (agents, targets)
            };
            if agents.is_empty() && targets.len() >= 2 && mutual {
                for (a, &x) in targets.iter().enumerate() {
                    for &y in &targets[a + 1..] {
                        self.push(
                            links,
                            (x, y),
                            Event {
                                tone,
                                category,
                                cue: span,
                            },
                            Direction::Mutual,
                        );
                    }
                }
                continue;
            }
            // ("북한과 러시아의 군사협력이 강화되고 있다": the event's owners are this clause's own
            // names, even where the clause has no subject.)
            if targets.is_empty()
                && agents.len() >= 2
                && mutual
                && (!self.carried || agents == owner)
            {
                for (a, &x) in agents.iter().enumerate() {
                    for &y in &agents[a + 1..] {
                        self.push(
                            links,
                            (x, y),
                            Event {
                                tone,
                                category,
                                cue: span,
                            },
                            Direction::Mutual,
                        );
                    }
                }
                continue;
            }
            // "A과 B은 …": a partner of the subject in a mutual event.
            let direction = if refused {
                Direction::AToB
            } else if mutual || targets.iter().any(|&t| roles[t].0 == Role::Partner) {
                Direction::Mutual
            } else {
                Direction::AToB
            };
            for &x in &agents {
                for &y in &targets {
                    if agents.contains(&y) {
                        continue;
                    }
                    self.push(
                        links,
                        (x, y),
                        Event {
                            tone,
                            category,
                            cue: span,
                        },
                        direction,
                    );
                }
            }
            // "A는 B, C와의 3자 회동에서": in a meeting of three or more, the partners meet
            // each other too.
            if mutual && many_sided(&text[..s]) {
                for (a, &x) in targets.iter().enumerate() {
                    for &y in &targets[a + 1..] {
                        self.push(
                            links,
                            (x, y),
                            Event {
                                tone,
                                category,
                                cue: span,
                            },
                            Direction::Mutual,
                        );
                    }
                }
            }
        }
    }

    /// "X의 Y 전쟁", "X의 Y 침공", "X의 Y 가입": an event Y names right before its noun that
    /// X owns, as (X, Y): X does it to or with Y.
    fn war_on(&self, cue_start: usize) -> Option<(usize, usize)> {
        let units = self.units;
        let y = (0..units.len()).find(|&u| {
            self.in_clause(u)
                && units[u].end <= cue_start
                && !self.dropped[u]
                && bare_before(self.text, units[u].end, cue_start)
        })?;
        let x = (0..units.len()).find(|&u| {
            self.in_clause(u)
                && units[u].end < units[y].start
                && self.roles[u].0 == Role::Owner
                && self.text[units[u].end..units[y].start].trim() == "의"
        })?;
        Some((x, y))
    }

    /// Names of the clause before byte `at` marked as an object, partner, target or owner.
    fn marked_before(&self, at: usize, except: &[usize]) -> Vec<usize> {
        (0..self.units.len())
            .filter(|&u| {
                self.in_clause(u)
                    && !self.dropped[u]
                    && self.units[u].end <= at
                    && matches!(
                        self.roles[u].0,
                        Role::Object | Role::Partner | Role::Target | Role::Owner
                    )
                    && !except.contains(&u)
            })
            .collect()
    }

    /// Whether what follows a predicate makes it only supposed: "…할지" (whether), "…할 경우"
    /// (in case), "…ㄹ 수 있다" (may), "…면" (if).
    fn supposed(&self, e: usize) -> bool {
        let rest = &self.text[e..self.end];
        let near = rest
            .get(..rest.char_indices().nth(14).map_or(rest.len(), |(i, _)| i))
            .unwrap_or(rest);
        let close = [
            "할지",
            "될지",
            "을지",
            "는지",
            "할 경우",
            // "재침공할 수 있다는 우려": a possibility others fear.
            "수 있다는",
            "수 있다고",
            "하면",
            "한다면",
            "된다면",
            "경우",
        ]
        .iter()
        .any(|m| near.contains(m));
        // The clause ends in a possibility: "…ㄹ 수 있다", "…수도 있다", "…지 모른다".
        let end = rest.trim_end_matches(|c: char| !is_hangul(c));
        let tail = &end[end.char_indices().rev().nth(8).map_or(0, |(i, _)| i)..];
        close
            || [
                "수 있다",
                "수도 있다",
                "수 있습니다",
                "수도 있습니다",
                "지 모른다",
                "지도 모른다",
                "가능성",
            ]
            .iter()
            .any(|m| tail.contains(m))
    }
}

fn flip(t: Tone) -> Tone {
    match t {
        Tone::Cooperation => Tone::Conflict,
        Tone::Conflict => Tone::Cooperation,
        Tone::Neutral => Tone::Neutral,
    }
}

/// Whether the words right before an event noun make it one of three or more sides ("3자",
/// "4자", "다자", "삼자", "3국").
fn many_sided(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    ["다자", "삼자", "사자"].iter().any(|w| word.ends_with(w))
        || ['자', '국'].iter().any(|&k| {
            word.strip_suffix(k)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && n != "2")
        })
}

/// Whether the noun ending at the start of `rest` heads a subject or topic: its word, or the
/// next word of a compound noun, ends in 은/는/이/가 (or 도, "also").
fn heads_subject(rest: &str) -> bool {
    let subject_end = |w: &str| {
        ["은", "는", "이", "가", "도"]
            .iter()
            .any(|p| w.ends_with(p))
    };
    let own: String = rest.chars().take_while(|c| is_hangul(*c)).collect();
    if !own.is_empty() {
        // "지원하는", "논의되는": a verb ending, not a noun's particle.
        if own.starts_with(['하', '되', '한', '할', '된']) {
            return false;
        }
        return own.chars().count() <= 3 && subject_end(&own);
    }
    rest.split_whitespace()
        .next()
        .is_some_and(|w| w.chars().count() <= 3 && w.chars().all(is_hangul) && subject_end(w))
}

/// Whether only spaces, or a bracketed other name ("북대서양조약기구(NATO·나토) 가입"), stand
/// between a name and the noun after it.
fn bare_before(text: &str, unit_end: usize, cue_start: usize) -> bool {
    let between = text[unit_end..cue_start].trim();
    between.is_empty() || between.starts_with('(') && between.ends_with(')') && between.len() <= 40
}

/// A name right before 전쟁 ("우크라이나 전쟁"): the war's name, not a party to it.
fn names_the_event(text: &str, unit_end: usize, cue_start: usize) -> bool {
    let between = &text[unit_end..cue_start];
    between.trim().is_empty() && text[cue_start..].starts_with("전쟁")
}

/// Clause spans of a Korean sentence. A comma inside a number ("3,500억") or after a name or
/// title with no particle ("A 대통령, B 대통령과의 회동": a list) ends no clause.
fn clauses(text: &str, units: &[Unit]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '‘' => quote_depth += 1,
            '”' | '’' => quote_depth -= 1,
            _ => {}
        }
        let end_here = quote_depth <= 0
            && (c == ',' && !list_comma(text, units, i)
                || (c == '.'
                    && text[..i].ends_with('다')
                    && text[i + 1..].starts_with(|x: char| x != ' ' && x != '"' && x != '”')));
        if end_here {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, text.len()));
    out
}

/// Whether the comma at byte `i` joins a number or a list of names: digits on both sides, or a
/// name or a title word with no particle right before it and a name soon after.
fn list_comma(text: &str, units: &[Unit], i: usize) -> bool {
    let before = &text[..i];
    let after = &text[i + 1..];
    if before.ends_with(|c: char| c.is_ascii_digit())
        && after.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let bare_name = units.iter().any(|u| u.end == i);
    let bare_title = TITLES.iter().any(|t| word.ends_with(t))
        && (0..units.len()).any(|k| units[k].end + word.len() + 1 >= i && units[k].end < i);
    let name_follows = units
        .iter()
        .any(|u| u.start > i && u.start <= i + 1 + 60 && !text[i + 1..u.start].contains(','));
    (bare_name || bare_title) && name_follows
}

/// Each unit's role, read from the particle at the end of its phrase: a name followed by
/// titles takes the particle of the last title ("러시아 대통령과"); a name qualifying the next
/// name ("러시아 블라디미르 푸틴 대통령은") takes the next one's; "A와 B" right before another
/// name is a list, and A takes B's role.
fn phrase_roles(text: &str, items: &[Item], n: usize) -> Vec<(Role, usize)> {
    // Phrases: (members, role, first item, last item).
    let mut phrases: Vec<(Vec<usize>, Role, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let Some(u) = items[i].unit else {
            i += 1;
            continue;
        };
        let mut role = items[i].role;
        let mut j = i;
        let mut members = vec![u];
        while role == Role::Bare && j + 1 < items.len() {
            let next = &items[j + 1];
            match next.unit {
                Some(v) => {
                    members.push(v);
                    role = next.role;
                }
                None => {
                    let word = &text[next.s..next.e];
                    // "A 부장관 겸 B특별대표는": one person's two titles.
                    if word == "겸" {
                        j += 1;
                        continue;
                    }
                    match title_role(word) {
                        Some(r) => role = r,
                        None => break,
                    }
                }
            }
            j += 1;
        }
        phrases.push((members, role, i, j));
        i = j + 1;
    }
    // Lists: a partner right before another phrase is coordinated with it, and so is a phrase
    // with no particle that a comma ends ("A 대통령, B 대통령과의").
    let mut id: Vec<usize> = phrases.iter().map(|p| p.2).collect();
    for p in (0..phrases.len().saturating_sub(1)).rev() {
        let comma_list = phrases[p].1 == Role::Bare
            && text[items[phrases[p].3].e..].starts_with(',')
            && phrases[p + 1].2 <= phrases[p].3 + 3;
        if comma_list || phrases[p].1 == Role::Partner && phrases[p + 1].2 == phrases[p].3 + 1 {
            phrases[p].1 = phrases[p + 1].1;
            id[p] = id[p + 1];
        }
    }
    let mut roles = vec![(Role::Other, 0); n];
    for (p, (members, role, _, _)) in phrases.into_iter().enumerate() {
        for m in members {
            roles[m] = (role, id[p]);
        }
    }
    roles
}

/// The role a title word gives the phrase it ends: the particle after the title ("대통령과",
/// "관리들은" with the plural 들), also for a compound ending in a title ("대북정책특별대표는");
/// `None` when the word is no title.
fn title_role(word: &str) -> Option<Role> {
    let role_after = |rest: &str| {
        let rest = rest.strip_prefix("들").unwrap_or(rest);
        let (role, len) = particle(rest);
        (len == rest.len()).then_some(role)
    };
    if let Some(t) = TITLES
        .iter()
        .filter(|t| word.starts_with(**t))
        .max_by_key(|t| t.len())
    {
        let rest = &word[t.len()..];
        match role_after(rest) {
            Some(r) => return Some(r),
            None if t.chars().count() >= 2 => return Some(particle(rest).0),
            // "군사협력이": a word that opens with a title of one syllable (군) is another word.
            None => {}
        }
    }
    // A compound ending in a title of two syllables or more.
    TITLES
        .iter()
        .filter(|t| t.chars().count() >= 2)
        .filter_map(|t| {
            let at = word.rfind(*t)?;
            (at > 0).then(|| role_after(&word[at + t.len()..]).map(|r| (t.len(), r)))?
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, r)| r)
}

/// Whether unit `u` (with 의) owns the noun phrase that ends in the cue at `cue_start`: no
/// other name, particle-marked word or clause break between them.
fn owns(text: &str, units: &[Unit], roles: &[(Role, usize)], u: usize, cue_start: usize) -> bool {
    // The end of the phrase holding `u`: the last unit of the same phrase.
    let end = (0..units.len())
        .filter(|&v| roles[v].1 == roles[u].1 || v == u)
        .map(|v| units[v].end)
        .max()
        .unwrap_or(units[u].end);
    if end > cue_start {
        return false;
    }
    let between = &text[end..cue_start];
    let words = between.split_whitespace().count();
    // What the noun is toward may stand between ("안보리의 대북 제재", "러시아의 우크라이나에
    // 대한 침공"); another name may not.
    words <= 3
        && !between.contains([',', '“', '"', '.'])
        && !units.iter().enumerate().any(|(i, v)| {
            v.start >= end
                && v.end <= cue_start
                && roles[i].1 != roles[u].1
                && roles[i].0 != Role::Target
        })
}

/// The quotations of speech: “…”, "…" or ‘…’ followed by a quotative ending ("…\"라고
/// 말했다", "…\"는 입장") or ending the sentence. Marks around a term ("'깜짝 회동'을 했고")
/// quote no one.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    const QUOTATIVE: &[&str] = &[
        "고",
        "라고",
        "이라고",
        "라며",
        "이라며",
        "며",
        "면서",
        "라면서",
        "는",
        "라는",
        "이라는",
    ];
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\'')] {
        let mut from = 0;
        while let Some(a) = text[from..].find(open).map(|a| from + a) {
            let inner = a + open.len_utf8();
            let Some(b) = text[inner..].find(close).map(|b| inner + b) else {
                break;
            };
            let end = b + close.len_utf8();
            let after = &text[end..];
            let inside = |x: usize| out.iter().any(|&(p, q)| p <= x && x < q);
            if !inside(a)
                && (QUOTATIVE.iter().any(|q| after.starts_with(q)) || after.trim().is_empty())
            {
                out.push((a, end));
            }
            from = end;
        }
    }
    out
}

/// The words and names of a sentence, with the particle role of each name.
fn items(text: &str, units: &[Unit]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut u = 0;
    while i < text.len() {
        if u < units.len() && units[u].start <= i {
            let unit = &units[u];
            let (mut role, mut len) = particle(&text[unit.end..]);
            // "한미", "북미": a name glued to the next names with it.
            if units.get(u + 1).is_some_and(|v| v.start == unit.end) {
                (role, len) = (Role::Bare, 0);
            }
            // "대북 제재", "대미 협상": 대 before a name makes it what the noun is toward.
            let word_start = text[..unit.start]
                .rfind(|c: char| !is_hangul(c))
                .map_or(0, |x| {
                    x + text[x..].chars().next().map_or(1, char::len_utf8)
                });
            if &text[word_start..unit.start] == "대" && role == Role::Bare {
                role = Role::Target;
            }
            out.push(Item {
                s: unit.start,
                e: unit.end,
                unit: Some(u),
                role,
            });
            i = unit.end + len;
            u += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character");
        if c.is_whitespace()
            || matches!(
                c,
                ',' | '·' | '(' | ')' | '[' | ']' | '“' | '”' | '"' | '\'' | '‘' | '’'
            )
        {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < text.len() && !(u < units.len() && units[u].start == i) {
            let c = text[i..].chars().next().expect("a character");
            if c.is_whitespace() || matches!(c, ',' | '·' | '(' | ')' | '[' | ']' | '“' | '”' | '"')
            {
                break;
            }
            i += c.len_utf8();
        }
        out.push(Item {
            s: start,
            e: i,
            unit: None,
            role: Role::Other,
        });
    }
    out
}
